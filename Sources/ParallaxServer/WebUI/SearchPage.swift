import Foundation
import ParallaxCore
import ParallaxStore

/// `/search?q=`: articles matching the query, best first, each with the story it belongs to.
struct SearchPage {
    var query: String
    var hits: [SearchHit]

    func render() -> String {
        var out = "<h1>Search</h1>\n"
        guard !query.isEmpty else { return out + "<p>Type words into the search box; use quotes for a phrase.</p>\n" }
        out += "<p class=\"meta\">\(hits.count) \(hits.count == 1 ? "article matches" : "articles match") “" + HTML.escape(query) + "”.</p>\n"
        guard !hits.isEmpty else { return out }
        out += "<ol class=\"hits\">\n"
        for hit in hits {
            let title = Article.headline(title: hit.title, text: "")
            out += "<li class=\"card\"><h3>"
                + (hit.storyID.map { HTML.internalLink("/stories/\($0)", text: title) } ?? HTML.escape(title)) + "</h3>\n"
            out += "<div class=\"meta\">" + HTML.link(hit.url, text: SourceName.of(site: nil, url: hit.url, source: hit.source))
                + " · " + HTML.escape(HTML.day(hit.published)) + (hit.language.map { " · " + HTML.escape($0) } ?? "") + "</div>\n"
            out += "<p>" + HTML.snippet(hit.snippet) + "</p></li>\n"
        }
        return out + "</ol>\n"
    }
}
