import Foundation
import ParallaxCore
import ParallaxPipeline
import ParallaxStore

/// `/stories/{id}`: the story's articles side by side (stacked on a phone), every claim
/// sentence coloured by what the other sources do with it, and below them the claims,
/// conflicts, quotes, timeline, time expressions, entities, relations and copies, each
/// claim linking to its sentence in its article's column.
struct StoryPage {
    let view: StoryView

    private var report: StoryReport { view.detail.report }

    /// Class names of the three kinds of claim (the style sheet colours them).
    enum Kind: String {
        case corroborated, unique, conflicting
    }

    func render() -> String {
        var out = header()
        out += columns()
        out += "<div class=\"sections\">\n<section>" + corroborated() + "</section>\n<section>" + unique() + "</section>\n</div>\n"
        out += conflicts() + claimLinks() + quotes()
        out += "<div class=\"sections\">\n<section>" + timeline() + "</section>\n<section>" + times() + "</section>\n</div>\n"
        out += entities() + relations() + copies() + omissions()
        return out
    }

    // MARK: sources and anchors

    /// 1-based position of a source in the report, as the `[n]` tags show it.
    private func number(_ source: String) -> Int? {
        report.sources.firstIndex { $0.source == source }.map { $0 + 1 }
    }

    private func tag(_ source: String) -> String {
        "<span class=\"tag\" title=\"\(HTML.escape(name(source)))\">\(number(source).map(String.init) ?? "?")</span>"
    }

    private func article(_ source: String) -> StoredArticle? {
        view.articles.first { $0.article.source == source }
    }

    private func name(_ source: String) -> String {
        article(source).map { SourceName.of($0.article) } ?? SourceName.of(site: nil, url: nil, source: source)
    }

    /// The id of a claim sentence's span in its column.
    private func anchor(_ sentence: StoryReport.ClaimSentence) -> String {
        "s\(number(sentence.source) ?? 0)-\(sentence.start)-\(sentence.end)"
    }

    /// Sentences named by a conflict, by source and text.
    private var conflicting: Set<[String]> { Set(report.conflicts.flatMap(\.sides).map { [$0.source, $0.text] }) }

    private func kind(_ sentence: StoryReport.ClaimSentence, default kind: Kind) -> Kind {
        conflicting.contains([sentence.source, sentence.text]) ? .conflicting : kind
    }

    /// A claim sentence as a link to its place in its column.
    private func claimLink(_ sentence: StoryReport.ClaimSentence) -> String {
        tag(sentence.source) + "<a href=\"#\(anchor(sentence))\">" + HTML.escape(sentence.text) + "</a>"
    }

    /// The claim sentence of `source` whose text is `text`, if the report lists one.
    private func claimSentence(source: String, text: String) -> StoryReport.ClaimSentence? {
        (report.corroborated.flatMap(\.sentences) + report.unique).first { $0.source == source && $0.text == text }
    }

    // MARK: parts of the page

    private func header() -> String {
        let story = view.detail.story
        var out = "<p class=\"meta\"><a href=\"/\">← All stories</a></p>\n"
        out += "<h1>" + HTML.escape(Article.headline(title: story.title, text: "")) + "</h1>\n"
        out += "<p class=\"meta\">\(story.articleCount) \(story.articleCount == 1 ? "article" : "articles") · "
            + HTML.escape(HTML.span(story.firstPublished, story.lastPublished))
            + (story.languages.isEmpty ? "" : " · " + story.languages.map(HTML.escape).joined(separator: ", "))
            + String(format: " · similarity %.2f", report.similarity)
            + (report.sameStory ? "" : " · <strong>these reports may not cover one event</strong>")
            + (report.firstPublished.map { " · published first: " + tag($0) + HTML.escape(name($0)) } ?? "") + "</p>\n"
        out += "<p class=\"legend\"><span class=\"claim corroborated\">corroborated by another source</span>"
            + "<span class=\"claim unique\">only this source</span><span class=\"claim conflicting\">conflicting</span></p>\n"
        return out
    }

    private func columns() -> String {
        var out = "<div class=\"columns\">\n"
        for source in report.sources {
            let stored = article(source.source)
            out += "<article class=\"card column\" id=\"source-\(number(source.source) ?? 0)\">\n"
            out += "<div class=\"source\">" + tag(source.source) + HTML.link(stored?.article.url, text: name(source.source)) + "</div>\n"
            out += "<h3>" + HTML.escape(source.headline) + "</h3>\n"
            var meta = [source.published.map { HTML.day($0.date) } ?? "publication date unknown", source.language, "\(source.words) words"]
            if let byline = stored?.article.byline, !byline.isEmpty { meta.insert("by " + byline, at: 0) }
            if let copyOf = stored?.copyOf, let original = view.articles.first(where: { $0.article.id == copyOf }) {
                meta.append("copy of " + SourceName.of(original.article))
            }
            out += "<div class=\"meta\">" + meta.map(HTML.escape).joined(separator: " · ") + "</div>\n"
            if let text = stored?.article.text {
                out += "<div class=\"text\">" + AnnotatedText(text: text, marks: marks(for: source.source)).render() + "</div>\n"
            } else {
                out += "<p class=\"meta\">The article's text is no longer in the store.</p>\n"
            }
            out += "</article>\n"
        }
        return out + "</div>\n"
    }

    private func marks(for source: String) -> [AnnotatedText.Mark] {
        var marks: [AnnotatedText.Mark] = []
        var seen: Set<String> = []
        func add(_ sentence: StoryReport.ClaimSentence, _ kind: Kind) {
            let id = anchor(sentence)
            guard sentence.source == source, seen.insert(id).inserted else { return }
            marks.append(AnnotatedText.Mark(start: sentence.start, end: sentence.end, className: kind.rawValue, id: id))
        }
        for claim in report.corroborated { claim.sentences.forEach { add($0, kind($0, default: .corroborated)) } }
        for sentence in report.unique { add(sentence, kind(sentence, default: .unique)) }
        return marks
    }

    private func corroborated() -> String {
        var out = "<h2>Corroborated (\(report.corroborated.count))</h2>\n"
        guard !report.corroborated.isEmpty else { return out + "<p>No claim is stated by two independent sources.</p>\n" }
        for claim in report.corroborated {
            let cls = claim.sentences.contains { kind($0, default: .corroborated) == .conflicting } ? Kind.conflicting : .corroborated
            out += "<div class=\"item \(cls.rawValue)\">" + claim.sentences.map(claimLink).joined(separator: "<br>")
            out += "<div class=\"meta\">\(claim.independentSources) independent sources"
                + String(format: " · match %.2f", claim.score)
                + (claim.shared.isEmpty ? "" : " · shared: " + claim.shared.prefix(8).map(HTML.escape).joined(separator: ", ")) + "</div></div>\n"
        }
        return out
    }

    private func unique() -> String {
        // A sentence that copies of one text print word for word is one source's: listed once,
        // with the copies' tags after it.
        var items: [String] = []
        var listed: Set<StoryReport.ClaimSentence> = []
        for sentence in report.unique where !listed.contains(sentence) {
            let copies = report.copies(of: sentence.source)
            let printedToo = report.unique.filter { $0.text == sentence.text && copies.contains($0.source) }
            listed.formUnion(printedToo)
            items.append("<div class=\"item \(kind(sentence, default: .unique).rawValue)\">" + claimLink(sentence)
                + (printedToo.isEmpty ? "" : "<div class=\"meta\">also printed by its copy " + printedToo.map { tag($0.source) }.joined() + "</div>")
                + "</div>\n")
        }
        let out = "<h2>Only one source (\(items.count))</h2>\n"
        return items.isEmpty ? out + "<p>Every claim is shared.</p>\n" : out + items.joined()
    }

    private func conflicts() -> String {
        var out = "<h2>Conflicts (\(report.conflicts.count))</h2>\n"
        guard !report.conflicts.isEmpty else { return out + "<p>No conflicting numbers, dates or quotes found.</p>\n" }
        for conflict in report.conflicts {
            out += "<div class=\"item conflicting\"><strong>" + HTML.escape(conflict.kind.rawValue) + "</strong><ul class=\"list\">\n"
            for side in conflict.sides {
                let text = claimSentence(source: side.source, text: side.text).map { "<a href=\"#\(anchor($0))\">" + HTML.escape(side.text) + "</a>" }
                    ?? HTML.escape(side.text)
                out += "<li>" + tag(side.source) + "<strong>" + HTML.escape(side.value) + "</strong> — " + text + "</li>\n"
            }
            out += "</ul></div>\n"
        }
        return out
    }

    /// Labels of the link kinds, as the page names them.
    static let linkLabels: [Claim.Link.Kind: String] = [
        .same: "same fact", .differentValue: "different value", .contradiction: "contradiction",
        .elaboration: "adds to", .elaboratedBy: "is added to by",
    ]

    /// How the claims of different sources relate, pair by pair (each pair once; an
    /// elaboration from the claim that says more), the kinds that need a reader's eye first.
    private func claimLinks() -> String {
        let byID = Dictionary(report.claims.map { ($0.id, $0) }, uniquingKeysWith: { a, _ in a })
        var pairs: [(kind: Claim.Link.Kind, claim: Claim, other: Claim)] = []
        for claim in report.claims {
            for link in claim.links where link.kind != .elaboratedBy && (link.kind == .elaboration || claim.id < link.claim) {
                if let other = byID[link.claim] { pairs.append((link.kind, claim, other)) }
            }
        }
        let order: [Claim.Link.Kind] = [.contradiction, .differentValue, .elaboration, .same]
        let counts = order.compactMap { kind in
            let n = pairs.filter { $0.kind == kind }.count
            return n == 0 ? nil : "\(n) \(StoryPage.linkLabels[kind] ?? kind.rawValue)"
        }
        var out = "<h2>Claim links (\(pairs.count))</h2>\n"
        guard !pairs.isEmpty else { return out + "<p>No claim of one source matches a claim of another.</p>\n" }
        out += "<p class=\"meta\">" + HTML.escape(counts.joined(separator: " · ")) + "</p>\n"
        let shown = pairs.filter { $0.kind != .same }.sorted { order.firstIndex(of: $0.kind)! < order.firstIndex(of: $1.kind)! }
        guard !shown.isEmpty else { return out }
        out += "<div class=\"table\"><table>\n<tr><th>claim</th><th>link</th><th>other claim</th></tr>\n"
        for pair in shown {
            let cls = pair.kind == .elaboration ? "corroborated" : "conflicting"
            out += "<tr class=\"\(cls)\"><td>" + tag(pair.claim.source) + HTML.escape(pair.claim.text) + "</td><td>"
                + HTML.escape(StoryPage.linkLabels[pair.kind] ?? pair.kind.rawValue) + "</td><td>" + tag(pair.other.source)
                + HTML.escape(pair.other.text) + "</td></tr>\n"
        }
        return out + "</table></div>\n"
    }

    private func quotes() -> String {
        var out = "<h2>Quotes in several sources (\(report.quotes.count))</h2>\n"
        guard !report.quotes.isEmpty else { return out + "<p>No quotation appears in two sources.</p>\n" }
        for quote in report.quotes {
            out += "<div class=\"item corroborated\"><strong>" + HTML.escape(quote.speaker ?? "Unknown speaker") + "</strong>"
                + (quote.translated ? " <span class=\"meta\">(translated)</span>" : "") + "<ul class=\"list\">\n"
            out += quote.variants.map { "<li>" + tag($0.source) + "“" + HTML.escape($0.text) + "”</li>\n" }.joined()
            out += "</ul></div>\n"
        }
        return out
    }

    private func timeline() -> String {
        var out = "<h2>Timeline (\(report.timeline.count))</h2>\n"
        guard !report.timeline.isEmpty else { return out + "<p>" + HTML.escape(report.emptyTimelineNote) + "</p>\n" }
        out += "<div class=\"table\"><table>\n<tr><th>when</th><th>what</th><th>dated by</th></tr>\n"
        for event in report.timeline {
            let when = event.start == event.end ? event.start.description : "\(event.start) – \(event.end)"
            out += "<tr><td>\(HTML.escape(when))</td><td>" + event.sources.map(tag).joined() + HTML.escape(event.text) + "</td><td>"
                + event.expressions.map { "“" + HTML.escape($0) + "”" }.joined(separator: ", ") + "</td></tr>\n"
        }
        return out + "</table></div>\n"
    }

    private func times() -> String {
        var out = "<h2>Time expressions (\(report.times.count))</h2>\n"
        guard !report.times.isEmpty else { return out + "<p>No time expression found.</p>\n" }
        out += "<div class=\"table\"><table>\n<tr><th>source</th><th>as written</th><th>resolved</th></tr>\n"
        for time in report.times {
            let resolved = time.resolved.map { interval in
                (interval.start == interval.end ? interval.start.description : "\(interval.start) – \(interval.end)") + " (\(interval.granularity.rawValue))"
            } ?? "unresolved"
            out += "<tr><td>" + tag(time.source) + "</td><td title=\"\(HTML.escape(time.sentence))\">" + HTML.escape(time.text) + "</td><td>"
                + HTML.escape(resolved) + "</td></tr>\n"
        }
        return out + "</table></div>\n"
    }

    private func entities() -> String {
        var out = "<h2>Entities named by several sources (\(report.entities.count))</h2>\n"
        guard !report.entities.isEmpty else { return out + "<p>No name appears in two sources.</p>\n" }
        out += "<ul class=\"chips\">\n"
        for entity in report.entities {
            let variants = entity.variants.map(\.text).filter { $0 != entity.name }
            out += "<li class=\"chip\" title=\"\(HTML.escape(entity.kind.rawValue))\"><strong>" + HTML.escape(entity.name) + "</strong>"
                + (variants.isEmpty ? "" : " (" + variants.map(HTML.escape).joined(separator: ", ") + ")") + "</li>\n"
        }
        return out + "</ul>\n"
    }

    private func relations() -> String {
        var out = "<h2>Relations (\(report.relations.count))</h2>\n"
        guard !report.relations.isEmpty else { return out + "<p>" + HTML.escape(report.emptyRelationsNote) + "</p>\n" }
        for relation in report.relations {
            out += "<h3>" + relation.actors.map(HTML.escape).joined(separator: " — ") + String(format: " <span class=\"meta\">(tone %+.2f)</span>", relation.tone) + "</h3>\n"
            out += "<div class=\"table\"><table>\n<tr><th>when</th><th>act</th><th>tone</th><th>claim</th></tr>\n"
            // One row per act; each claim that tells it on a line of its own.
            for act in relation.acts {
                let event = act[0]
                let arrow = event.isMutual ? " ↔ " : " → "
                out += "<tr><td>" + HTML.escape(event.date) + "</td><td>" + HTML.escape(event.from) + arrow + HTML.escape(event.to) + ": "
                    + HTML.escape(event.kind) + "</td><td class=\"\(event.tone < 0 ? "hostile" : "cooperative")\">" + String(format: "%+.1f", event.tone)
                    + "</td><td>" + StoryReport.Relation.claims(of: act).map { tag($0.source) + HTML.escape($0.text) }.joined(separator: "<br>") + "</td></tr>\n"
            }
            out += "</table></div>\n"
        }
        return out
    }

    private func copies() -> String {
        var out = "<h2>Copies (\(report.copies.count))</h2>\n"
        guard !report.copies.isEmpty else { return out + "<p>Every source is independent: no two print one text.</p>\n" }
        out += "<ul class=\"list\">\n"
        for group in report.copies {
            out += "<li>" + group.sources.map { tag($0) + HTML.escape(name($0)) }.joined(separator: ", ")
                + String(format: " <span class=\"meta\">(overlap %.2f)</span>", group.similarity)
                + (group.first.map { "; first: " + HTML.escape(name($0)) } ?? "") + "</li>\n"
        }
        return out + "</ul>\n"
    }

    private func omissions() -> String {
        guard !report.omissions.isEmpty else { return "" }
        var out = "<h2>Left out</h2>\n"
        for omission in report.omissions {
            out += "<h3>" + tag(omission.source) + HTML.escape(name(omission.source)) + " does not report</h3>\n<ul class=\"list\">\n"
            out += omission.claims.map { "<li>" + claimLink($0) + "</li>\n" }.joined()
            out += "</ul>\n"
        }
        return out
    }
}
