import Foundation
import TestSupport

/// Real news articles (Wikinews, read in place from the shared data) dressed as the pages
/// and feeds of a small news site.
enum NewsFixtures {
    struct Story {
        var title: String
        var paragraphs: [String]
        var published: String
    }

    /// The first `count` articles of the Wikinews corpus with at least three paragraphs.
    static func stories(_ count: Int) throws -> [Story] {
        let text = try SharedData.text("corpus/wikinews-en-2019-2020.jsonl")
        var stories: [Story] = []
        for line in text.split(separator: "\n") where stories.count < count {
            guard let record = try JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any],
                  let title = record["title"] as? String, let body = record["text"] as? String,
                  let published = record["published"] as? String else { continue }
            let paragraphs = body.components(separatedBy: "\n\n").map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
                .filter { $0.count > 40 }
            guard paragraphs.count >= 3 else { continue }
            stories.append(Story(title: title, paragraphs: paragraphs, published: published))
        }
        return stories
    }

    static func escaped(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;")
            .replacingOccurrences(of: ">", with: "&gt;").replacingOccurrences(of: "\"", with: "&quot;")
    }

    /// An article page with the usual furniture around it (navigation, share links, footer).
    /// `dated` puts the publication date in the page; without it only the feed knows it.
    static func page(_ story: Story, dated: Bool) -> String {
        let body = story.paragraphs.map { "<p>\(escaped($0))</p>" }.joined(separator: "\n")
        let time = dated ? "<time datetime=\"\(story.published)\">\(story.published)</time>" : ""
        return """
            <!DOCTYPE html>
            <html lang="en"><head><meta charset="utf-8"><title>\(escaped(story.title)) | The Test Courier</title></head>
            <body>
            <nav><a href="/">Home</a> <a href="/world">World</a> <a href="/politics">Politics</a> <a href="/sport">Sport</a></nav>
            <article>
            <h1>\(escaped(story.title))</h1>
            \(time)
            \(body)
            </article>
            <aside class="share"><a href="#">Share on social media</a> <a href="#">Email this story</a></aside>
            <footer>© The Test Courier. All rights reserved. <a href="/privacy">Privacy</a></footer>
            </body></html>
            """
    }

    /// An RSS 2.0 feed whose items link to `links`, dated by their stories.
    static func rss(_ items: [(story: Story, link: String)]) -> String {
        let formatter = DateFormatter()
        formatter.locale = Locale(identifier: "en_US_POSIX")
        formatter.timeZone = TimeZone(identifier: "GMT")
        let reader = DateFormatter()
        reader.locale = formatter.locale
        reader.timeZone = formatter.timeZone
        reader.dateFormat = "yyyy-MM-dd"
        formatter.dateFormat = "EEE, dd MMM yyyy HH:mm:ss 'GMT'"
        let entries = items.map { item in
            let date = reader.date(from: item.story.published).map { formatter.string(from: $0.addingTimeInterval(12 * 3600)) } ?? ""
            return """
                <item><title>\(escaped(item.story.title))</title><link>\(escaped(item.link))</link>\
                <guid isPermaLink="true">\(escaped(item.link))</guid><pubDate>\(date)</pubDate>\
                <description>\(escaped(item.story.paragraphs[0]))</description></item>
                """
        }.joined(separator: "\n")
        return """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0"><channel><title>The Test Courier</title><link>http://example.invalid/</link>
            <description>News</description>
            \(entries)
            </channel></rss>
            """
    }
}
