import Foundation

/// Finds the article body of an HTML page.
///
/// 1. Furniture is removed: elements by tag (`BoilerplateRules.removedTags`), hidden
///    elements, landmark roles, and class/id words (comments, share, tags, breadcrumbs,
///    related teasers…).
/// 2. The rest is cut into text blocks at block-level elements, each with its link text.
/// 3. Blocks vote for their ancestors (Readability's idea): longer text with more commas
///    scores higher, containers are weighted by their tag and class words and punished by
///    link density. The best container is widened to ancestors that add prose (not teaser
///    lists), and siblings with a good share of prose join it.
/// 4. Blocks inside it are cleaned line by line like plain text (link-dense blocks,
///    furniture lines, the tail after "Tags:" / "Leave a Reply").
struct HTMLContentExtractor: Sendable {
    let tree: HTMLTree
    /// The text under each node, which both the article and the page-content search ask for.
    private let lengths: [SubtreeText]

    init(_ tree: HTMLTree) {
        self.tree = tree
        lengths = Self.subtreeTextLengths(tree)
    }

    struct Block: Sendable {
        enum Kind: Sendable { case heading, paragraph, listItem, quote, preformatted, cell }
        var text: String
        /// Length of `text` in Unicode scalars.
        var length: Int
        var linkCharacters: Int
        /// The nearest block-level element holding the text.
        var owner: Int
        var kind: Kind
        var linkDensity: Double { length == 0 ? 0 : Double(linkCharacters) / Double(length) }
    }

    enum Outcome: Sendable {
        case article([String])
        case noArticle(String)
    }

    /// The main content of a page that holds no article (a product description, a forum
    /// thread, a service or listing page): the text of the page's main region with furniture
    /// removed, short lines and teaser headlines kept. Nil when what is left is too little
    /// text or mostly links (a home page of teasers, a 404 page).
    ///
    /// Forum posts and reviews are marked like comment sections, and forums wrap each post
    /// in a <form>: on a page without an article they are the content (`commentsAreContent`).
    func pageContent(title: String?, commentsAreContent: Bool = true) -> [String]? {
        guard let body = tree.elements(named: "body").first ?? tree.root else { return nil }
        let removed = furniture(commentsAreContent: commentsAreContent)
        let start = mainRegion(removed: removed) ?? body
        let blocks = textBlocks(from: start, removed: removed)
        let titleKey = title.map(LineRules.normalized) ?? ""
        var unlinked = 0, total = 0
        let kept = blocks.filter { block in
            let isTeaserTitle = block.kind == .heading && block.length >= BoilerplateRules.pageTeaserTitleCharacters
            if block.linkDensity > BoilerplateRules.maximumLinkDensity && !isTeaserTitle { return false }
            if LineRules.isBoilerplateLine(block.text) || LineRules.isBreadcrumb(block.text) { return false }
            if !titleKey.isEmpty, LineRules.normalized(block.text) == titleKey { return false }
            return true
        }
        for block in kept {
            total += block.length
            unlinked += block.length - block.linkCharacters
        }
        guard unlinked >= BoilerplateRules.minimumPageCharacters,
              Double(unlinked) >= BoilerplateRules.minimumPageUnlinkedShare * Double(total) else { return nil }
        return kept.map(\.text)
    }

    /// The element the page names as its main content (`<main>`, `role="main"`), when it
    /// holds text outside furniture.
    private func mainRegion(removed: [Bool]) -> Int? {
        for index in tree.nodes.indices where !removed[index] && tree.nodes[index].kind == .element {
            if tree.name(of: index) == "main" || tree.attributes(of: index)["role"].map(TextScanning.lowercased) == "main" { return index }
        }
        return nil
    }

    func extract(title: String?) -> Outcome {
        guard let body = tree.elements(named: "body").first ?? tree.root else { return .noArticle("no <body>") }
        let removed = furniture()
        let blocks = textBlocks(from: body, removed: removed)
        guard !blocks.isEmpty else { return .noArticle("no text outside page furniture") }

        let containers = bestContainers(blocks: blocks, body: body)
        var chosen = blocks.filter { block in containers.contains { tree.isInside(block.owner, $0) } }
        if chosen.isEmpty { chosen = blocks }

        let paragraphs = clean(chosen, title: title)
        let bodyCharacters = paragraphs.reduce(0) { $0 + TextScanning.length($1) }
        guard bodyCharacters >= BoilerplateRules.minimumArticleCharacters else {
            return .noArticle("only \(bodyCharacters) characters of text outside page furniture")
        }
        return .article(paragraphs)
    }

    // MARK: 1. Furniture

    /// A flag per node: true when the node lies in page furniture.
    func furniture(commentsAreContent: Bool = false) -> [Bool] {
        let page = tree.root.map { lengths[$0] } ?? SubtreeText()
        var removed = [Bool](repeating: false, count: tree.nodes.count)
        // Nodes are in document order, so a parent is always decided before its children.
        var index = 0
        while index < tree.nodes.count {
            if tree.nodes[index].kind == .element,
               isFurniture(index, text: lengths[index], page: page, commentsAreContent: commentsAreContent) {
                // The whole subtree goes with it.
                let end = tree.nodes[index].end
                for inside in index..<end { removed[inside] = true }
                index = end
                continue
            }
            index += 1
        }
        return removed
    }

    /// Whether an element's own paragraphs make it part of the article whatever its class
    /// says: much unlinked paragraph text, a good share of the page's, and not a list of
    /// teasers (class names such as "jump-link-content" or "more-info" wrap real articles).
    private func holdsArticleProse(_ text: SubtreeText, page: SubtreeText) -> Bool {
        text.paragraphs >= BoilerplateRules.protectedProseCharacters
            && Double(text.paragraphs) >= BoilerplateRules.protectedProseShare * Double(page.paragraphs)
            && Double(text.links) < BoilerplateRules.proseLinkDensity * Double(max(1, text.characters))
            && !Self.isTeaserList(linkedHeadings: text.linkedHeadings, proseCharacters: text.paragraphs)
    }

    private func isFurniture(_ index: Int, text: SubtreeText, page: SubtreeText, commentsAreContent: Bool) -> Bool {
        let node = tree[index]
        let textLength = text.characters, linkLength = text.links, pageText = page.characters
        if node.traits.contains(.nonText) { return true }
        if node.traits.contains(.neverFurniture) { return false }
        let classes = node.classTraits
        // Comment sections are furniture however long the discussion.
        if !commentsAreContent, classes.contains(.comment) { return true }
        // Anything else holding most of the page's text, or much of it with few links, is the
        // article's wrapper, whatever its tag or class says (ASP.NET wraps whole pages in
        // <form>, page builders put "widget" or "overlay" on every box, layouts say
        // "has-sidebar", broken markup leaves the body inside <header>).
        let share = pageText == 0 ? 0 : Double(textLength) / Double(pageText)
        let linkDensity = textLength == 0 ? 0 : Double(linkLength) / Double(textLength)
        if share > BoilerplateRules.wrapperTextShare { return false }
        if share > BoilerplateRules.proseWrapperTextShare && linkDensity < BoilerplateRules.proseLinkDensity { return false }
        // A box named for content ("container content sidebar-enabled--false") with a good
        // amount of prose is content.
        if textLength >= BoilerplateRules.namedContentCharacters, linkDensity < BoilerplateRules.proseLinkDensity,
           classes.contains(.content) { return false }
        if node.traits.contains(.removed), !(commentsAreContent && tree.name(of: index) == "form") { return true }
        let attributes = tree.attributes(of: index)
        if attributes["hidden"] != nil, !Self.isStreamedSegment(attributes["id"]) { return true }
        if attributes["aria-hidden"]?.lowercased() == "true" { return true }
        if let style = attributes["style"].map({ TextScanning.lowercased($0).filter { $0 != " " } }),
           TextScanning.contains(style, "display:none") || TextScanning.contains(style, "visibility:hidden") { return true }
        let roleIsFurniture = attributes["role"].map { BoilerplateRules.boilerplateRoles.contains(TextScanning.lowercased($0)) } ?? false
        let classIsFurniture = classes.contains(commentsAreContent ? .boilerplateOtherThanComment : .boilerplate)
            || classes.contains(.boilerplatePair)
        return (roleIsFurniture || classIsFurniture) && !holdsArticleProse(text, page: page)
    }

    /// Whether a hidden element's id names content a script moves into the page once it
    /// loads (React streams late parts of a page as `<div hidden id="S:0">`): what a reader
    /// sees, though the markup hides it.
    static func isStreamedSegment(_ id: String?) -> Bool {
        guard let id else { return false }
        return BoilerplateRules.streamedSegmentIDPrefixes.contains { prefix in
            TextScanning.hasPrefix(id, prefix) && id.utf8.count > prefix.utf8.count
                && id.utf8.dropFirst(prefix.utf8.count).allSatisfy { (0x30...0x39).contains($0) }
        }
    }

    /// What text lies under a node.
    struct SubtreeText: Sendable {
        /// Characters of readable text,
        var characters = 0
        /// …of link text,
        var links = 0
        /// …of text in paragraphs (`<p>`) outside links,
        var paragraphs = 0
        /// and how many headings are links (teaser headlines).
        var linkedHeadings = 0
    }

    private static func subtreeTextLengths(_ tree: HTMLTree) -> [SubtreeText] {
        var lengths = [SubtreeText](repeating: SubtreeText(), count: tree.nodes.count)
        // Children come after their parents in the arena, so one backward pass sums them.
        for index in tree.nodes.indices.reversed() {
            // Fields are read in place: copying each node out costs a reference count per field.
            if tree.nodes[index].kind == .text { lengths[index].characters = tree.nodes[index].textLength }
            let name = tree.name(of: index)
            if name == "a" { lengths[index].links = lengths[index].characters; lengths[index].paragraphs = 0 }
            if name == "p" { lengths[index].paragraphs = lengths[index].characters - lengths[index].links }
            if tree.nodes[index].traits.contains(.heading), lengths[index].links * 2 > lengths[index].characters {
                lengths[index].linkedHeadings += 1
            }
            if let parent = tree.nodes[index].parent, !tree.nodes[index].traits.contains(.nonText) {
                lengths[parent].characters += lengths[index].characters
                lengths[parent].links += lengths[index].links
                lengths[parent].paragraphs += lengths[index].paragraphs
                lengths[parent].linkedHeadings += lengths[index].linkedHeadings
            }
        }
        return lengths
    }

    // MARK: 2. Blocks

    func textBlocks(from start: Int, removed: [Bool]) -> [Block] {
        var blocks: [Block] = []
        var text = TextScanning.CollapsingBuffer(), links = 0
        // Two line breaks in a row separate paragraphs in older pages.
        var afterLineBreak = false
        var owner = start
        var ownerStack: [Int] = []
        var anchorDepth = 0

        func flush() {
            if text.hasLetterOrDigit {
                blocks.append(Block(text: text.string, length: text.length, linkCharacters: min(links, text.length), owner: owner,
                                    kind: kind(of: owner)))
            }
            text.removeAll(); links = 0
        }

        // Nodes are in document order and each subtree is a range of indices, so the walk
        // is a scan: an element is left once the scan passes its end.
        var open: [Int] = []
        func leave(_ index: Int) {
            if tree.name(of: index) == "a" { anchorDepth -= 1 }
            if tree.nodes[index].traits.contains(.block) {
                flush()
                owner = ownerStack.popLast() ?? start
            }
        }
        var index = start
        let end = tree.nodes[start].end
        while index < end {
            while let last = open.last, tree.nodes[last].end <= index { leave(last); open.removeLast() }
            // Fields are read in place: copying the node would retain and release its strings and arrays.
            if removed[index] { index = tree.nodes[index].end; continue }
            if tree.nodes[index].kind == .text {
                let added = tree.appendText(ofNode: index, to: &text)
                if anchorDepth > 0 { links += added }
                afterLineBreak = false
                index += 1
                continue
            }
            if tree.name(of: index) == "br" {
                if afterLineBreak { flush(); afterLineBreak = false } else { text.appendSpace(); afterLineBreak = true }
                index = tree.nodes[index].end
                continue
            }
            if tree.nodes[index].traits.contains(.block) { flush(); ownerStack.append(owner); owner = index }
            if tree.name(of: index) == "a" { anchorDepth += 1 }
            open.append(index)
            index += 1
        }
        while let last = open.popLast() { leave(last) }
        flush()
        return blocks
    }

    private func kind(of owner: Int) -> Block.Kind {
        var current: Int? = owner
        var steps = 0
        while let index = current, steps < 6 {
            if tree.nodes[index].traits.contains(.heading) { return .heading }
            switch tree.name(of: index) {
            case "li", "dd", "dt": return .listItem
            case "blockquote": return .quote
            case "pre": return .preformatted
            case "td", "th": return .cell
            default: break
            }
            current = tree.nodes[index].parent
            steps += 1
        }
        return .paragraph
    }

    // MARK: 3. Scoring

    /// The element most likely to be the article, with the siblings that belong to it.
    func bestContainers(blocks: [Block], body: Int) -> [Int] {
        var scores: [Int: Double] = [:]
        func initialScore(_ index: Int) -> Double {
            (BoilerplateRules.containerTagScores[tree.name(of: index)] ?? 0) + classWeight(index)
        }
        for block in blocks where block.length >= BoilerplateRules.proseBlockCharacters && block.linkDensity < BoilerplateRules.maximumLinkDensity {
            let commas = block.text.unicodeScalars.reduce(0) { $0 + (Self.isComma($1) ? 1 : 0) }
            let score = 1 + Double(commas) + min(Double(block.length) / 100, 3)
            var ancestor: Int? = block.owner
            var level = 0
            while let index = ancestor, level < 5 {
                if scores[index] == nil { scores[index] = initialScore(index) }
                let divisor: Double = level == 0 ? 1 : level == 1 ? 2 : Double(level) * 3
                scores[index]! += score / divisor
                ancestor = tree.nodes[index].parent
                level += 1
            }
        }
        guard !scores.isEmpty else { return [body] }
        let linkDensity = containerLinkDensities(blocks, candidates: Set(scores.keys))
        var best = body, bestScore = -Double.infinity
        for (index, score) in scores {
            let value = score * (1 - (linkDensity[index] ?? 0))
            // Ties go to the earlier (outer) element, so equal wrappers do not fragment.
            if value > bestScore || (value == bestScore && index < best) { best = index; bestScore = value }
        }
        // A lone paragraph is not a container: climb to its parent.
        if tree[best].traits.contains(.heading) || tree.name(of: best) == "p", let parent = tree[best].parent { best = parent }
        let prose = proseByElement(blocks: blocks, body: body)
        best = widened(best, prose: prose, body: body)
        // The page's one <article> element is its article: page builders split a body into
        // boxes the climb above stops between (a table of contents, a comparison table).
        if let article = soleArticleElement(around: best, prose: prose) { best = article }

        guard let parent = tree[best].parent else { return [best] }
        // Siblings that carry a good share of prose belong to the article too (a body split
        // into several boxes); class names do not count here, text does.
        let bestProse = prose[best] ?? Prose()
        var chosen: [Int] = []
        for sibling in tree.children(of: parent) where tree[sibling].kind == .element {
            if sibling == best { chosen.append(sibling); continue }
            if let own = prose[sibling], own.characters > 0, !Self.isTeaserList(linkedHeadings: own.linkedHeadings, proseCharacters: own.characters),
               Double(own.characters) >= BoilerplateRules.siblingProseShare * Double(bestProse.characters),
               Double(own.links) < BoilerplateRules.proseLinkDensity * Double(own.characters) {
                chosen.append(sibling); continue
            }
            if tree.name(of: sibling) == "p" {
                let siblingBlocks = blocks.filter { $0.owner == sibling }
                let length = siblingBlocks.reduce(0) { $0 + $1.length } + max(0, siblingBlocks.count - 1)
                let links = siblingBlocks.reduce(0) { $0 + $1.linkCharacters }
                if Double(length) > BoilerplateRules.widenParagraphCharacters && Double(links) < BoilerplateRules.proseLinkDensity * Double(length) {
                    chosen.append(sibling)
                }
            }
        }
        return chosen
    }

    /// Text of the prose blocks (long enough, few links) under each element.
    private struct Prose {
        var characters = 0
        var links = 0
        var blocks = 0
        /// Headings that are links: the headlines of teasers for other articles.
        var linkedHeadings = 0
    }

    /// Climbs from the best container while its ancestors add prose with few links: page
    /// builders split one article into many boxes, and the best-scoring box is one of them.
    /// Wrappers that add nothing or only a little prose are passed through; an ancestor that
    /// adds link lists, teaser headlines or short calls to action ends the climb.
    private func proseByElement(blocks: [Block], body: Int) -> [Int: Prose] {
        var prose: [Int: Prose] = [:]
        for block in blocks {
            let isLinks = block.linkDensity > BoilerplateRules.maximumLinkDensity
            guard (isLinks && block.kind == .heading) || (!isLinks && block.length >= BoilerplateRules.proseBlockCharacters) else { continue }
            var ancestor: Int? = block.owner
            while let index = ancestor {
                if isLinks {
                    prose[index, default: Prose()].linkedHeadings += 1
                } else {
                    prose[index, default: Prose()].characters += block.length
                    prose[index, default: Prose()].links += block.linkCharacters
                    prose[index, default: Prose()].blocks += 1
                }
                if index == body { break }
                ancestor = tree.nodes[index].parent
            }
        }
        return prose
    }

    private func widened(_ start: Int, prose: [Int: Prose], body: Int) -> Int {
        var chosen = start, probe = start
        var gain = BoilerplateRules.widenGain
        while probe != body, let parent = tree[probe].parent {
            let now = prose[chosen] ?? Prose(), above = prose[parent] ?? Prose()
            let added = above.characters - now.characters, addedLinks = above.links - now.links
            probe = parent
            if added <= 0 { continue }
            let linkDensity = Double(addedLinks) / Double(added)
            // Calls to action are short; article paragraphs are not.
            let averageLength = Double(added) / Double(max(1, above.blocks - now.blocks))
            let addedTeasers = above.linkedHeadings - now.linkedHeadings
            // Less than a paragraph of clean text more (a section heading over the box) is
            // passed through: it neither joins nor ends the climb, but what lies beyond it
            // must then be a large part of the article, not a page's other boxes.
            if Double(added) < BoilerplateRules.widenParagraphCharacters, addedTeasers == 0,
               linkDensity < BoilerplateRules.proseLinkDensity {
                gain = BoilerplateRules.widenGainPastHeading
                continue
            }
            guard linkDensity < BoilerplateRules.proseLinkDensity, averageLength >= BoilerplateRules.widenParagraphCharacters,
                  !Self.isTeaserList(linkedHeadings: addedTeasers, proseCharacters: added) else { break }
            // A little clean prose more is no reason to stop: a higher wrapper may still add
            // the rest of an article split into many boxes.
            if Double(added) >= gain * Double(now.characters) { chosen = parent }
        }
        return chosen
    }

    /// The `<article>` element around `index` when the page has no other one outside it
    /// (lists of teaser cards are `<article>`s too) and its prose is not a link list.
    private func soleArticleElement(around index: Int, prose: [Int: Prose]) -> Int? {
        var current = tree.nodes[index].parent
        while let node = current, tree.name(of: node) != "article" { current = tree.nodes[node].parent }
        guard let article = current, !tree.elements(named: "article").contains(where: { !tree.isInside($0, article) }) else { return nil }
        let own = prose[article] ?? Prose()
        guard Double(own.links) < BoilerplateRules.proseLinkDensity * Double(own.characters),
              !Self.isTeaserList(linkedHeadings: own.linkedHeadings, proseCharacters: own.characters) else { return nil }
        return article
    }

    /// Linked headings are the headlines of teasers for other articles, unless each one is
    /// followed by a good amount of prose: then they are the items of a listicle.
    private static func isTeaserList(linkedHeadings: Int, proseCharacters: Int) -> Bool {
        linkedHeadings > max(BoilerplateRules.maximumTeaserHeadlines, proseCharacters / BoilerplateRules.listicleCharactersPerHeading)
    }

    /// ASCII commas by code point, so the common case is not a set lookup.
    private static let asciiCommas: [Bool] = (0..<128).map { BoilerplateRules.commas.contains(Unicode.Scalar(UInt8($0))) }

    @inline(__always)
    private static func isComma(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? asciiCommas[Int(scalar.value)] : BoilerplateRules.commas.contains(scalar)
    }

    private func classWeight(_ index: Int) -> Double {
        let node = tree[index], attributes = tree.attributes(of: index)
        var weight = 0.0
        if node.classTraits.contains(.content) { weight += 25 }
        if !node.classTraits.isDisjoint(with: [.weakBoilerplate, .boilerplate]) { weight -= 25 }
        if let role = attributes["role"]?.lowercased(), BoilerplateRules.articleRoles.contains(role) { weight += 25 }
        if attributes["itemprop"]?.lowercased() == "articlebody" { weight += 50 }
        return weight
    }

    private func containerLinkDensities(_ blocks: [Block], candidates: Set<Int>) -> [Int: Double] {
        var text: [Int: Int] = [:], links: [Int: Int] = [:]
        for block in blocks {
            var ancestor: Int? = block.owner
            while let index = ancestor {
                if candidates.contains(index) {
                    text[index, default: 0] += block.length
                    links[index, default: 0] += block.linkCharacters
                }
                ancestor = tree.nodes[index].parent
            }
        }
        var densities: [Int: Double] = [:]
        for (index, total) in text { densities[index] = total == 0 ? 0 : Double(links[index] ?? 0) / Double(total) }
        return densities
    }

    // MARK: 4. Cleaning

    private func clean(_ blocks: [Block], title: String?) -> [String] {
        let titleKey = title.map(LineRules.normalized) ?? ""
        let titleLength = TextScanning.length(titleKey)
        var kept = blocks.filter { block in
            if block.linkDensity > BoilerplateRules.maximumLinkDensity { return false }
            if LineRules.isBoilerplateLine(block.text) || LineRules.isBreadcrumb(block.text) { return false }
            // The title repeated (normalising trims only the ends, so a much longer block cannot be it).
            if !titleKey.isEmpty, block.length <= titleLength + 40, LineRules.normalized(block.text) == titleKey { return false }
            if LineRules.isDateLine(block.text) { return false }
            // Very short scraps (credits, labels) unless they are headings or list items.
            if block.length < 10 && block.kind != .heading && block.kind != .listItem { return false }
            return true
        }
        // Tail markers (tag lists, comment forms) cut the rest of the article.
        let texts = TextBlockCleaner.dropTail(kept.map(\.text))
        kept = Array(kept.prefix(texts.count))
        // Headings with nothing after them introduced something that was removed.
        while let last = kept.last, last.kind == .heading { kept.removeLast() }
        return kept.map(\.text)
    }
}
