import Foundation
import ParallaxCore
import ParallaxStore

/// `/`: the stories, newest first, a page at a time.
struct StoryListPage {
    struct Entry {
        var story: StoredStory
        /// Names of the story's sources, in publication order, each once.
        var sources: [String]
    }

    var entries: [Entry]
    var list: StoryList
    /// The query string of this listing without `offset`, kept on the pager's links.
    var filterQuery: String

    func render() -> String {
        var out = "<h1>Stories</h1>\n"
        let shown = list.stories.isEmpty ? "" : "\(list.offset + 1)–\(list.offset + list.stories.count)"
        out += "<p class=\"meta\">" + (list.total.map { "\($0) \($0 == 1 ? "story" : "stories")" } ?? "Stories")
            + (shown.isEmpty ? "" : ", showing \(shown)") + ". Each story groups the reports of one event; open one to compare its sources claim by claim.</p>\n"
        guard !entries.isEmpty else {
            return out + "<p class=\"card\">No stories yet. Post articles to <code>/api/articles</code> or run <code>parallax ingest</code>.</p>\n"
        }
        out += "<ol class=\"stories\">\n"
        for entry in entries {
            let story = entry.story
            out += "<li class=\"card\"><h3>" + HTML.internalLink("/stories/\(story.id)", text: Article.headline(title: story.title, text: "")) + "</h3>\n"
            out += "<div class=\"meta\">\(story.articleCount) \(story.articleCount == 1 ? "article" : "articles") · "
                + HTML.escape(HTML.span(story.firstPublished, story.lastPublished))
                + (story.languages.isEmpty ? "" : " · " + story.languages.map(HTML.escape).joined(separator: ", ")) + "</div>\n"
            out += "<ul class=\"chips\">" + entry.sources.map { "<li class=\"chip\">" + HTML.escape($0) + "</li>" }.joined() + "</ul></li>\n"
        }
        out += "</ol>\n<nav class=\"pager\">"
        let separator = filterQuery.isEmpty ? "" : "&"
        if list.offset > 0 {
            out += HTML.internalLink("/?\(filterQuery)\(separator)offset=\(max(0, list.offset - list.limit))", text: "← Newer")
        } else {
            out += "<span></span>"
        }
        if let next = list.nextOffset { out += HTML.internalLink("/?\(filterQuery)\(separator)offset=\(next)", text: "Older →") }
        return out + "</nav>\n"
    }
}
