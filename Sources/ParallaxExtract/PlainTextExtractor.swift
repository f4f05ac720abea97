import Foundation

/// Title and paragraphs of a plain-text article, with the furniture a scraper leaves in
/// the text removed: breadcrumb trails, the title repeated, share and cookie lines, and
/// the tag list, comment form and teasers at the end.
struct PlainTextExtractor: Sendable {
    struct Extracted: Sendable {
        var title: String
        var paragraphs: [String]
        /// From a dateline in the head ("Published: 2026-03-12").
        var published: Date?
        /// From a byline in the head ("By Daniel Voss | Baltic Ledger").
        var byline: String?
    }

    func extract(_ text: String) -> Extracted {
        let blocks = Self.blocks(of: text)

        // The head: breadcrumbs, then the title (perhaps repeated, perhaps the breadcrumb's
        // last part), then the body.
        var title = ""
        var crumbLeaf: String?
        var published: Date?
        var byline: String?
        var index = 0
        while index < blocks.count {
            let block = blocks[index]
            // Share and tag lines in the head are furniture, not the start of the tail.
            if LineRules.isBoilerplateLine(block) || LineRules.isTailMarker(block) {
                index += 1
                continue
            }
            if let date = DateParsing.published(inLine: block) ?? (LineRules.isDateLine(block) ? DateParsing.iso(block) ?? DateParsing.written(block) : nil) {
                published = published ?? date
                index += 1
                continue
            }
            if let name = LineRules.byline(block) {
                byline = byline ?? name
                index += 1
                continue
            }
            if LineRules.isCreditOrReadingTime(block) {
                index += 1
                continue
            }
            if LineRules.isBreadcrumb(block) {
                crumbLeaf = LineRules.breadcrumbLeaf(block)
                index += 1
                continue
            }
            if title.isEmpty, LineRules.isTitleLike(block), index + 1 < blocks.count || crumbLeaf != nil {
                title = Self.stripMarkup(block)
                index += 1
                continue
            }
            if !title.isEmpty, LineRules.same(block, title) || LineRules.same(Self.stripMarkup(block), title) {
                index += 1
                continue
            }
            break
        }
        if title.isEmpty, let crumbLeaf { title = crumbLeaf }
        // The tail (tags, comment form, teasers) is looked for in the body only, so a share
        // line in the head cannot cut the article.
        var paragraphs = TextBlockCleaner.dropTail(Array(blocks[index...]))
        paragraphs.removeAll(where: LineRules.isBoilerplateLine)
        // A lone headline-like line is a title with no article under it.
        if title.isEmpty, paragraphs.count == 1, LineRules.isTitleLike(paragraphs[0]) {
            title = Self.stripMarkup(paragraphs[0])
            paragraphs = []
        }
        // A title repeated further down (a second headline block) is not body text.
        paragraphs.removeAll { !title.isEmpty && LineRules.same($0, title) }
        return Extracted(title: title, paragraphs: paragraphs, published: published, byline: byline)
    }

    /// Paragraphs are separated by blank lines and hard-wrapped lines are joined; a text
    /// without any blank line has one paragraph per line. The first block keeps its lines
    /// apart when they are short head lines (title, dateline, byline, share line) rather than
    /// a hard-wrapped paragraph.
    static func blocks(of text: String) -> [String] {
        let normalized = text.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\r", with: "\n")
        let lines = normalized.split(separator: "\n", omittingEmptySubsequences: false).map { $0.trimmingCharacters(in: .whitespaces) }
        let hasBlankLines = lines.contains(where: \.isEmpty) && lines.filter { !$0.isEmpty }.count > 1
        guard hasBlankLines else { return lines.filter { !$0.isEmpty }.map(collapseSpaces) }
        var blocks: [String] = []
        var current: [String] = []
        for line in lines {
            if line.isEmpty {
                if blocks.isEmpty && isHead(current) || current.first.map(LineRules.isTailMarker) == true {
                    // Head lines, or a tail ("Tags: …", share line, comment form) written
                    // without blank lines: keep each line apart so each can be judged.
                    blocks.append(contentsOf: current.map(collapseSpaces))
                } else if !current.isEmpty {
                    blocks.append(collapseSpaces(current.joined(separator: " ")))
                }
                current = []
            } else {
                current.append(line)
            }
        }
        if current.first.map(LineRules.isTailMarker) == true {
            blocks.append(contentsOf: current.map(collapseSpaces))
        } else if !current.isEmpty {
            blocks.append(collapseSpaces(current.joined(separator: " ")))
        }
        return blocks
    }

    /// Several lines, each short and none ending a sentence, except perhaps the title's "?".
    private static func isHead(_ lines: [String]) -> Bool {
        lines.count > 1 && lines.allSatisfy { line in
            line.count <= BoilerplateRules.maximumTitleCharacters && !(line.last.map { ".;,".contains($0) } ?? false)
        }
    }

    static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
        TextScanning.collapseSpaces(text)
    }

    /// "# Title" (Markdown) → "Title".
    static func stripMarkup(_ line: String) -> String {
        let stripped = line.drop(while: { $0 == "#" }).trimmingCharacters(in: .whitespaces)
        return stripped.isEmpty ? line : stripped
    }
}

/// Cleaning of text blocks shared by plain text and HTML.
enum TextBlockCleaner {
    /// Cuts the blocks from the first tail marker ("Tags:", "Leave a Reply", "Related
    /// articles") in the last part of the text; a marker near the top is more likely a
    /// sentence that happens to start the same way.
    static func dropTail(_ blocks: [String]) -> [String] {
        guard blocks.count >= 3 else { return blocks }
        let regionStart = Int(Double(blocks.count) * (1 - BoilerplateRules.tailRegion))
        let minimumStart = 2   // never cut into the title and first paragraph
        guard let marker = blocks.indices.first(where: { $0 >= max(regionStart, minimumStart) && LineRules.isTailMarker(blocks[$0]) }) else {
            return blocks
        }
        return Array(blocks[..<marker])
    }
}
