import Foundation
import ParallaxCore
import TestSupport

/// Articles and anchors shared by the annotation tests.
enum Fixtures {
    static func day(_ iso: String) -> CalendarDay { CalendarDay(iso: iso)! }

    /// A seed report as an Article: blocks between blank lines, the first one the title.
    /// `skipLines` drops boilerplate lines at the top (seed 000 starts with a breadcrumb).
    static func seedArticle(_ file: String, skipLines: Int, published: String, language: String = "en",
                            segments: (_ paragraphs: [String]) -> [Segment] = { _ in [] }) throws -> Article {
        let raw = try SharedData.text(file)
        let body = raw.components(separatedBy: "\n").dropFirst(skipLines).joined(separator: "\n")
        let blocks = body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }.filter { !$0.isEmpty }
        let paragraphs = Array(blocks.dropFirst())
        return Article(source: file, title: blocks[0], paragraphs: paragraphs, published: day(published).date,
                       language: language, segments: segments(paragraphs))
    }

    static func seed000() throws -> Article { try seedArticle(SharedData.seed000, skipLines: 3, published: "2026-02-05") }
    static func seed002() throws -> Article { try seedArticle(SharedData.seed002, skipLines: 0, published: "2026-02-04") }

    /// Every mention's span must cut its own text out of the article text.
    static func spanViolations(_ a: AnnotatedArticle) -> [String] {
        let text = a.article.text
        var bad: [String] = []
        for s in a.sentences where text.substring(s.span) != s.text { bad.append("sentence \(s.index)") }
        for e in a.entities where text.substring(e.span) != e.text { bad.append("entity \(e.text)") }
        for q in a.quotes where text.substring(q.span) != q.text { bad.append("quote \(q.text)") }
        for n in a.numbers where text.substring(n.span) != n.text { bad.append("number \(n.text)") }
        for t in a.times where text.substring(t.span) != t.text { bad.append("time \(t.text)") }
        return bad
    }
}

extension DayInterval {
    /// `start…end granularity`, for readable expectations.
    var summary: String { "\(start)…\(end) \(granularity.rawValue)" }
}
