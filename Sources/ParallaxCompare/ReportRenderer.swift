import Foundation
import ParallaxCore

/// Short, readable forms of report values, shared by the comparator and the renderers.
enum ReportFormatting {
    /// `2025` for a year, `2025-10` for a month, `2026-02-03` for a day, else `start/end`.
    static func interval(_ interval: DayInterval) -> String {
        let start = interval.start.description, end = interval.end.description
        if interval == .year(interval.start.year) { return String(start.prefix(4)) }
        if interval == .month(year: interval.start.year, month: interval.start.month) { return String(start.prefix(7)) }
        if interval.start == interval.end { return start }
        return start + "/" + end
    }

    /// "2 hour", "about 40 person", "≥ 1200 usd", "20–30 person".
    static func number(_ number: NumberMention) -> String {
        func written(_ value: Double) -> String {
            value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
        }
        var value = written(number.value)
        let prefix: String
        switch number.qualifier {
        case .exact: prefix = ""
        case .approximately: prefix = "about "
        case .atLeast: prefix = "≥ "
        case .atMost: prefix = "≤ "
        case .between:
            prefix = ""
            if let upper = number.upper { value += "–" + written(upper) }
        }
        return prefix + value + (number.unit.map { " " + $0 } ?? "")
    }

    /// The last path component of a path or URL, for headings ("Only in 000_….txt").
    static func shortName(_ source: String) -> String {
        let trimmed = source.hasSuffix("/") ? String(source.dropLast()) : source
        return trimmed.split(separator: "/").last.map(String.init) ?? source
    }
}

/// Renders a StoryReport for people (text, Markdown, HTML in HTMLReportRenderer.swift) and programs (JSON).
public enum ReportRenderer {
    /// The Codable report, pretty-printed with sorted keys (see docs/report-format.md).
    public static func json(_ report: StoryReport) throws -> String {
        String(decoding: try ParallaxJSON.encoder(pretty: true).encode(report), as: UTF8.self) + "\n"
    }

    /// Plain text for a terminal.
    public static func text(_ report: StoryReport) -> String {
        render(report, style: PlainStyle())
    }

    /// Markdown; article text is escaped so it cannot break the markup.
    public static func markdown(_ report: StoryReport) -> String {
        render(report, style: MarkdownStyle())
    }

    private static func render(_ report: StoryReport, style: some RenderStyle) -> String {
        var out = style.title("Story report")
        let number = Dictionary(report.sources.enumerated().map { ($0.element.source, $0.offset + 1) }, uniquingKeysWith: { a, _ in a })
        func tag(_ source: String) -> String { "[\(number[source] ?? 0)]" }

        out += style.heading("Sources")
        for (index, source) in report.sources.enumerated() {
            let published = source.published.map { "published \($0)" } ?? "publication date unknown"
            out += style.item("[\(index + 1)] " + style.escape(source.headline)
                              + " — \(style.escape(source.source)); \(source.language), \(published), \(source.words) words")
        }

        out += style.heading("Verdict")
        out += style.paragraph((report.sameStory ? "Same story" : "Not the same story")
                               + String(format: " (similarity %.2f).", report.similarity))
        let evidence = report.evidence
        for (name, values) in [("Shared entities", evidence.sharedEntities), ("Shared terms", evidence.sharedTerms),
                               ("Shared numbers", evidence.sharedNumbers), ("Shared dates", evidence.sharedDates)] where !values.isEmpty {
            out += style.item(name + ": " + values.map(style.escape).joined(separator: ", "))
        }

        out += style.heading("Shared entities")
        if report.entities.isEmpty { out += style.paragraph("None.") }
        for entity in report.entities {
            let forms = entity.variants.map { "“\(style.escape($0.text))” " + $0.sources.map(tag).joined() }.joined(separator: ", ")
            out += style.item(style.strong(style.escape(entity.name)) + " (\(entity.kind.rawValue)) — " + forms)
        }

        out += style.heading("Corroborated (\(report.corroborated.count))")
        if report.corroborated.isEmpty { out += style.paragraph("No claim is stated by two sources.") }
        for (index, claim) in report.corroborated.enumerated() {
            var lines = ["Claim \(index + 1), " + String(format: "match %.2f", claim.score)
                         + ", \(claim.independentSources) independent sources"
                         + (claim.shared.isEmpty ? "" : "; shared: " + claim.shared.map(style.escape).joined(separator: ", "))]
            lines += claim.sentences.map { tag($0.source) + " " + style.escape($0.text) }
            out += style.block(lines)
        }

        var listed: [String: Set<String>] = [:]  // texts listed so far, by source
        for source in report.sources {
            let own = report.unique.filter { $0.source == source.source }
            // A copy's claims are one source's however many print them: say which others do.
            let copies = report.copies(of: source.source)
            let alsoPrinted = copies.isEmpty ? "" : " and its " + (copies.count == 1 ? "copy " : "copies ") + copies.map(tag).joined()
            out += style.heading("Only in \(tag(source.source)) \(style.escape(ReportFormatting.shortName(source.source)))\(alsoPrinted) (\(own.count))")
            if own.isEmpty { out += style.paragraph("Nothing that the other sources do not also say.") }
            // What an earlier copy printed word for word is listed there, once.
            let earlier = copies.filter { listed[$0] != nil }
            let printedEarlier = own.filter { claim in earlier.contains { listed[$0]?.contains(claim.text) == true } }
            if !printedEarlier.isEmpty {
                let all = printedEarlier.count == own.count ? (own.count == 1 ? "It is" : "All are") : "\(printedEarlier.count) of them are"
                out += style.paragraph("\(all) printed word for word by \(earlier.map(tag).joined()) and listed there.")
            }
            for claim in own where !printedEarlier.contains(claim) {
                out += style.item(style.escape(claim.text))
            }
            listed[source.source] = Set(own.map(\.text))
        }

        out += style.heading("Conflicts (\(report.conflicts.count))")
        if report.conflicts.isEmpty { out += style.paragraph("No conflicting numbers, dates or quotes found.") }
        for conflict in report.conflicts {
            var lines = ["\(conflict.kind.rawValue):"]
            lines += conflict.sides.map { "\(tag($0.source)) \(style.strong(style.escape($0.value))) — \(style.escape($0.text))" }
            out += style.block(lines)
        }

        out += style.heading("Omissions")
        if report.omissions.isEmpty { out += style.paragraph("Every source states every corroborated claim.") }
        for omission in report.omissions {
            var lines = ["\(tag(omission.source)) \(style.escape(ReportFormatting.shortName(omission.source))) leaves out:"]
            lines += omission.claims.map { tag($0.source) + " " + style.escape($0.text) }
            out += style.block(lines)
        }

        out += style.heading("Copies (\(report.copies.count))")
        if report.copies.isEmpty { out += style.paragraph("Every source is independent.") }
        for group in report.copies {
            out += style.item("One text, counted once: " + group.sources.map { tag($0) + " " + style.escape(ReportFormatting.shortName($0)) }
                .joined(separator: ", ") + String(format: " (overlap %.2f)", group.similarity)
                + (group.first.map { "; first: " + tag($0) } ?? "; which came first is unknown"))
        }
        if let first = report.firstPublished { out += style.paragraph("Published first: \(tag(first)) \(style.escape(first)).") }

        out += style.heading("Quotes (\(report.quotes.count))")
        if report.quotes.isEmpty { out += style.paragraph("No quotation appears in two sources.") }
        for quote in report.quotes {
            var lines = [(quote.speaker.map(style.escape) ?? "Unknown speaker") + ":"]
            lines += quote.variants.map { "\(tag($0.source)) “\(style.escape($0.text))”" }
            if quote.translated { lines[0] = String(lines[0].dropLast()) + " (translated):" }
            out += style.block(lines)
        }

        out += style.heading("Timeline (\(report.timeline.count))")
        if report.timeline.isEmpty { out += style.paragraph(style.escape(report.emptyTimelineNote)) }
        for event in report.timeline {
            let when = event.start == event.end ? event.start.description : "\(event.start) … \(event.end)"
            out += style.item(when + " " + event.sources.map(tag).joined() + " " + style.escape(event.text))
        }

        out += style.heading("Relations (\(report.relations.count))")
        if report.relations.isEmpty { out += style.paragraph(style.escape(report.emptyRelationsNote)) }
        for relation in report.relations {
            var lines = [style.strong(relation.actors.map(style.escape).joined(separator: " — ")) + String(format: " (tone %+.2f):", relation.tone)]
            lines += relation.acts.map { told in
                let event = told[0]
                let arrow = event.isMutual ? " ↔ " : " → "
                let sources = told.map(\.source).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                let words = told.map(\.word).reduce(into: [String]()) { if !$0.contains($1) { $0.append($1) } }
                return "\(event.date) \(style.escape(event.from))\(arrow)\(style.escape(event.to)): \(event.kind) "
                    + String(format: "%+.1f", event.tone) + " " + sources.map(tag).joined() + " "
                    + words.map { "“\(style.escape($0))”" }.joined(separator: ", ") + (told.allSatisfy(\.inferred) ? " (parties inferred)" : "")
            }
            out += style.block(lines)
        }

        out += style.heading("Time expressions (\(report.times.count))")
        if report.times.isEmpty { out += style.paragraph("None found.") }
        for time in report.times {
            let resolved = time.resolved.map { "\($0.start) … \($0.end) (\($0.granularity.rawValue))" } ?? "unresolved"
            out += style.item("\(tag(time.source)) “\(style.escape(time.text))” → \(resolved)")
        }
        return out
    }
}

/// How the sections of a report are laid out in one output format.
private protocol RenderStyle {
    func title(_ text: String) -> String
    func heading(_ text: String) -> String
    func paragraph(_ text: String) -> String
    func item(_ text: String) -> String
    /// A numbered or labelled entry with lines under it.
    func block(_ lines: [String]) -> String
    func strong(_ text: String) -> String
    /// Makes untrusted article text safe to place in the output.
    func escape(_ text: String) -> String
}

private struct PlainStyle: RenderStyle {
    func title(_ text: String) -> String { text + "\n" + String(repeating: "=", count: text.count) + "\n" }
    func heading(_ text: String) -> String { "\n" + text + "\n" + String(repeating: "-", count: text.count) + "\n" }
    func paragraph(_ text: String) -> String { "  " + text + "\n" }
    func item(_ text: String) -> String { "  - " + text + "\n" }
    func block(_ lines: [String]) -> String {
        guard let first = lines.first else { return "" }
        return "  " + first + "\n" + lines.dropFirst().map { "      " + $0 + "\n" }.joined()
    }
    func strong(_ text: String) -> String { text }
    // Control characters (terminal escapes) and line breaks must not reach the terminal.
    func escape(_ text: String) -> String {
        String(String.UnicodeScalarView(text.unicodeScalars.map {
            $0.properties.generalCategory == .control || $0 == "\u{2028}" || $0 == "\u{2029}" ? " " : $0
        }))
    }
}

private struct MarkdownStyle: RenderStyle {
    /// Characters with a meaning in CommonMark, GitHub tables or inline HTML. Escaped text
    /// never starts a line (line breaks become spaces), so "-", "+" and "1." stay literal.
    static let special: Set<Unicode.Scalar> = ["\\", "`", "*", "_", "{", "}", "[", "]", "<", ">", "#", "!", "|", "~", "&"]

    func title(_ text: String) -> String { "# " + text + "\n" }
    func heading(_ text: String) -> String { "\n## " + text + "\n\n" }
    func paragraph(_ text: String) -> String { text + "\n" }
    func item(_ text: String) -> String { "- " + text + "\n" }
    func block(_ lines: [String]) -> String {
        guard let first = lines.first else { return "" }
        return "- " + first + "\n" + lines.dropFirst().map { "  - " + $0 + "\n" }.joined()
    }
    func strong(_ text: String) -> String { "**" + text + "**" }
    func escape(_ text: String) -> String {
        var out = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if scalar.properties.generalCategory == .control || scalar == "\u{2028}" || scalar == "\u{2029}" {
                out.append(" ")
            } else if MarkdownStyle.special.contains(scalar) {
                out.append("\\")
                out.append(scalar)
            } else {
                out.append(scalar)
            }
        }
        return String(out)
    }
}
