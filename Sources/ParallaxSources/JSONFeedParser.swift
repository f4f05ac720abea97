import Foundation
import ParallaxCore

/// JSON Feed 1.0 and 1.1 (https://jsonfeed.org/version/1.1).
enum JSONFeedParser {
    static func parse(_ bytes: [UInt8], source: String, baseURL: String?) throws(ParallaxError) -> Feed {
        guard bytes.count <= SourceLimits.maximumJSONFeedBytes else {
            throw ParallaxError(source: source, reason: .tooLarge(bytes: bytes.count, limit: SourceLimits.maximumJSONFeedBytes))
        }
        let object: Any
        do {
            object = try JSONSerialization.jsonObject(with: Data(bytes))
        } catch {
            throw ParallaxError(source: source, reason: .invalidInput("malformed JSON Feed: \(firstLine(error))"))
        }
        guard let feed = object as? [String: Any] else {
            throw ParallaxError(source: source, reason: .invalidInput("not a JSON Feed (not an object)"))
        }
        guard let version = feed["version"] as? String, version.contains("jsonfeed.org/version/") else {
            throw ParallaxError(source: source, reason: .invalidInput("not a JSON Feed (no jsonfeed.org version)"))
        }
        let documentURL = baseURL ?? string(feed["feed_url"])
        let feedAuthor = author(of: feed)
        let items = (feed["items"] as? [Any] ?? []).compactMap { $0 as? [String: Any] }.map { item in
            FeedItem(
                id: string(item["id"]),
                url: (string(item["url"]) ?? string(item["external_url"])).flatMap { URLResolver.resolve($0, against: documentURL) },
                title: cleanTitle(string(item["title"])),
                summary: nonBlank(string(item["summary"])) ?? nonBlank(string(item["content_text"])),
                contentHTML: nonBlank(string(item["content_html"])),
                published: string(item["date_published"]).flatMap(FeedDates.parse),
                updated: string(item["date_modified"]).flatMap(FeedDates.parse),
                author: author(of: item) ?? feedAuthor)
        }
        return Feed(format: .jsonFeed, title: cleanTitle(string(feed["title"])),
                    siteURL: string(feed["home_page_url"]).flatMap { URLResolver.resolve($0, against: documentURL) }, items: items)
    }

    /// A string value; ids may be numbers in sloppy feeds.
    private static func string(_ value: Any?) -> String? {
        switch value {
        case let text as String: return nonBlank(text)
        case let number as NSNumber: return number.stringValue
        default: return nil
        }
    }

    /// 1.1's `authors` array, else 1.0's `author` object.
    private static func author(of object: [String: Any]) -> String? {
        if let authors = object["authors"] as? [[String: Any]], let name = authors.lazy.compactMap({ string($0["name"]) }).first { return name }
        return (object["author"] as? [String: Any]).flatMap { string($0["name"]) }
    }

    private static func firstLine(_ error: Error) -> String {
        let text = (error as NSError).localizedDescription
        return text.split(separator: "\n").first.map(String.init) ?? "invalid JSON"
    }
}
