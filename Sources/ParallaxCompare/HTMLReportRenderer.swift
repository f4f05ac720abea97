import Foundation
import ParallaxCore

extension ReportRenderer {
    /// A self-contained HTML page: the sources side by side with every claim coloured as
    /// corroborated, unique or conflicting, then the timeline, relations, copies, omissions,
    /// conflicts and quotes. No script, no external resource; all article text (titles,
    /// sources, claims, quotes) is escaped, and none of it ever becomes an attribute or a link.
    public static func html(_ report: StoryReport) -> String {
        HTMLPage(report: report).render()
    }
}

private struct HTMLPage {
    let report: StoryReport

    static let style = """
        body{font:15px/1.45 system-ui,sans-serif;margin:1.5rem;color:#1d1d1f;background:#fff}
        h1{font-size:1.5rem}h2{font-size:1.15rem;margin-top:2rem;border-bottom:1px solid #ddd}
        .columns{display:grid;grid-template-columns:repeat(auto-fit,minmax(18rem,1fr));gap:1rem}
        .column{border:1px solid #ddd;border-radius:6px;padding:.6rem}
        .column h3{font-size:1rem;margin:.2rem 0 .5rem}
        .meta{color:#666;font-size:.85rem}
        .claim{margin:.35rem 0;padding:.3rem .5rem;border-left:4px solid;border-radius:3px}
        .corroborated{border-color:#2e7d32;background:#e8f5e9}
        .unique{border-color:#1565c0;background:#e3f2fd}
        .conflicting{border-color:#c62828;background:#ffebee}
        .legend span{margin-right:1rem;padding:.1rem .4rem}
        table{border-collapse:collapse}td,th{border:1px solid #ddd;padding:.25rem .5rem;vertical-align:top;text-align:left}
        .hostile{color:#c62828}.cooperative{color:#2e7d32}
        """

    func render() -> String {
        var out = "<!DOCTYPE html>\n<html lang=\"en\">\n<head>\n<meta charset=\"utf-8\">\n"
        out += "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">\n"
        out += "<title>Story report</title>\n<style>\n" + Self.style + "\n</style>\n</head>\n<body>\n"
        out += "<h1>Story report</h1>\n"
        out += "<p>" + (report.sameStory ? "Same story" : "Not the same story")
            + String(format: " (similarity %.2f).", report.similarity)
        if let first = report.firstPublished { out += " Published first: " + escape(first) + "." }
        out += "</p>\n"
        out += sources()
        out += timeline()
        out += relations()
        out += copies()
        out += omissions()
        out += conflicts()
        out += quotes()
        out += "</body>\n</html>\n"
        return out
    }

    /// Makes untrusted text inert: markup characters become entities, control characters spaces.
    func escape(_ text: String) -> String { HTMLText.escape(text) }

    func tag(_ source: String) -> String {
        let index = report.sources.firstIndex { $0.source == source }.map { $0 + 1 } ?? 0
        return "[\(index)]"
    }

    /// One column per source, its claims in text order, coloured by what the other sources do with them.
    func sources() -> String {
        var out = "<h2>Sources side by side</h2>\n<p class=\"legend\"><span class=\"claim corroborated\">corroborated</span>"
            + "<span class=\"claim unique\">only this source</span><span class=\"claim conflicting\">conflicting</span></p>\n"
        out += "<div class=\"columns\">\n"
        let conflicting = Set(report.conflicts.flatMap(\.sides).map { [$0.source, $0.text] })
        for (index, source) in report.sources.enumerated() {
            out += "<section class=\"column\">\n<h3>[\(index + 1)] " + escape(source.headline) + "</h3>\n"
            let published = source.published.map { "published \($0)" } ?? "publication date unknown"
            let copies = report.copies(of: source.source)
            // Its copies print its claims too: "only this source" means only this text.
            let copyNote = copies.isEmpty ? "" : " · copy of " + copies.map(tag).joined() + ", counted as one source with it"
            out += "<p class=\"meta\">" + escape(source.source) + " · \(escape(source.language)) · \(published) · \(source.words) words"
                + copyNote + "</p>\n"
            var claims: [(start: Int, cls: String, text: String)] = []
            for (number, claim) in report.corroborated.enumerated() {
                for sentence in claim.sentences where sentence.source == source.source {
                    let cls = conflicting.contains([sentence.source, sentence.text]) ? "conflicting" : "corroborated"
                    claims.append((sentence.start, cls, escape(sentence.text)
                                   + " <span class=\"meta\">(claim \(number + 1), \(claim.independentSources) independent sources)</span>"))
                }
            }
            for sentence in report.unique where sentence.source == source.source {
                let cls = conflicting.contains([sentence.source, sentence.text]) ? "conflicting" : "unique"
                claims.append((sentence.start, cls, escape(sentence.text)))
            }
            for claim in claims.sorted(by: { $0.start < $1.start }) {
                out += "<p class=\"claim \(claim.cls)\">" + claim.text + "</p>\n"
            }
            out += "</section>\n"
        }
        return out + "</div>\n"
    }

    func timeline() -> String {
        var out = "<h2>Timeline (\(report.timeline.count))</h2>\n"
        guard !report.timeline.isEmpty else { return out + "<p>" + escape(report.emptyTimelineNote) + "</p>\n" }
        out += "<table>\n<tr><th>when</th><th>what</th><th>sources</th></tr>\n"
        for event in report.timeline {
            let when = event.start == event.end ? event.start.description : "\(event.start) … \(event.end)"
            out += "<tr><td>\(when)</td><td>" + escape(event.text) + "</td><td>"
                + event.sources.map(tag).joined(separator: " ") + "</td></tr>\n"
        }
        return out + "</table>\n"
    }

    func relations() -> String {
        var out = "<h2>Relations (\(report.relations.count))</h2>\n"
        guard !report.relations.isEmpty else { return out + "<p>" + escape(report.emptyRelationsNote) + "</p>\n" }
        for relation in report.relations {
            out += "<h3>" + relation.actors.map(escape).joined(separator: " — ") + String(format: " (tone %+.2f)", relation.tone) + "</h3>\n"
            out += "<table>\n<tr><th>when</th><th>act</th><th>tone</th><th>claim</th></tr>\n"
            for act in relation.acts {
                let event = act[0]
                let cls = event.tone < 0 ? "hostile" : "cooperative"
                let arrow = event.isMutual ? " ↔ " : " → "
                out += "<tr><td>" + escape(event.date) + "</td><td>" + escape(event.from) + arrow + escape(event.to) + ": "
                    + escape(event.kind) + "</td><td class=\"\(cls)\">" + String(format: "%+.1f", event.tone) + "</td><td>"
                    + StoryReport.Relation.claims(of: act).map { tag($0.source) + " " + escape($0.text) }.joined(separator: "<br>") + "</td></tr>\n"
            }
            out += "</table>\n"
        }
        return out
    }

    func copies() -> String {
        var out = "<h2>Copies (\(report.copies.count))</h2>\n"
        guard !report.copies.isEmpty else { return out + "<p>Every source is independent.</p>\n" }
        out += "<ul>\n"
        for group in report.copies {
            out += "<li>" + group.sources.map { tag($0) + " " + escape($0) }.joined(separator: ", ")
                + String(format: " (overlap %.2f)", group.similarity)
                + (group.first.map { "; first: " + escape($0) } ?? "") + "</li>\n"
        }
        return out + "</ul>\n"
    }

    func omissions() -> String {
        var out = "<h2>Omissions</h2>\n"
        guard !report.omissions.isEmpty else { return out + "<p>Every source states every corroborated claim.</p>\n" }
        for omission in report.omissions {
            out += "<h3>" + tag(omission.source) + " " + escape(omission.source) + " leaves out</h3>\n<ul>\n"
            out += omission.claims.map { "<li>" + tag($0.source) + " " + escape($0.text) + "</li>\n" }.joined()
            out += "</ul>\n"
        }
        return out
    }

    func conflicts() -> String {
        var out = "<h2>Conflicts (\(report.conflicts.count))</h2>\n"
        guard !report.conflicts.isEmpty else { return out + "<p>No conflicting numbers, dates or quotes found.</p>\n" }
        for conflict in report.conflicts {
            out += "<div class=\"claim conflicting\"><strong>" + escape(conflict.kind.rawValue) + "</strong><ul>\n"
            out += conflict.sides.map { "<li>" + tag($0.source) + " <strong>" + escape($0.value) + "</strong> — " + escape($0.text) + "</li>\n" }
                .joined()
            out += "</ul></div>\n"
        }
        return out
    }

    func quotes() -> String {
        var out = "<h2>Quotes (\(report.quotes.count))</h2>\n"
        guard !report.quotes.isEmpty else { return out + "<p>No quotation appears in two sources.</p>\n" }
        for quote in report.quotes {
            out += "<div class=\"claim corroborated\"><strong>" + (quote.speaker.map(escape) ?? "Unknown speaker") + "</strong>"
                + (quote.translated ? " (translated)" : "") + "<ul>\n"
            out += quote.variants.map { "<li>" + tag($0.source) + " “" + escape($0.text) + "”</li>\n" }.joined()
            out += "</ul></div>\n"
        }
        return out
    }
}
