import Foundation
import ParallaxCore
import ParallaxStore

/// The one way text gets into a page. Everything that comes from articles (titles, text,
/// sources, URLs, names, quotes) goes through `escape`; links to article URLs go through
/// `link`, which only ever puts an http(s) URL in an `href`.
enum HTML {
    /// Makes untrusted text inert in element content and in quoted attribute values:
    /// markup characters become entities, control characters spaces.
    static func escape(_ text: String) -> String { HTMLText.escape(text) }

    /// The URL when it is an absolute http or https URL a link may point to, else nil.
    static func safeURL(_ url: String?) -> String? {
        guard let url = url?.trimmingCharacters(in: .whitespacesAndNewlines), let parsed = URL(string: url),
              let scheme = parsed.scheme?.lowercased(), scheme == "http" || scheme == "https", parsed.host != nil else { return nil }
        return url
    }

    /// A link to an article's URL, or, when the URL is not http(s), its text without a link.
    static func link(_ url: String?, text: String) -> String {
        guard let safe = safeURL(url) else { return escape(text) }
        return "<a href=\"\(escape(safe))\" rel=\"noopener noreferrer nofollow\">\(escape(text))</a>"
    }

    /// A link inside the site; `path` is built by the server, its parts percent-encoded.
    static func internalLink(_ path: String, text: String, className: String? = nil) -> String {
        let cls = className.map { " class=\"\($0)\"" } ?? ""
        return "<a href=\"\(escape(path))\"\(cls)>\(escape(text))</a>"
    }

    /// Percent-encodes a query value.
    static func queryValue(_ value: String) -> String {
        var allowed = CharacterSet.alphanumerics
        allowed.insert(charactersIn: "-._~")
        return value.addingPercentEncoding(withAllowedCharacters: allowed) ?? ""
    }

    /// A search snippet: the text escaped, the matches marked.
    static func snippet(_ hit: String) -> String {
        var out = ""
        var open = false
        var piece = ""
        for character in hit {
            if String(character) == SearchHit.matchStart || String(character) == SearchHit.matchEnd {
                out += escape(piece)
                piece = ""
                let opening = String(character) == SearchHit.matchStart
                if opening != open {
                    out += opening ? "<mark>" : "</mark>"
                    open = opening
                }
            } else {
                piece.append(character)
            }
        }
        out += escape(piece)
        if open { out += "</mark>" }
        return out
    }

    static let dayFormat: Date.FormatStyle = Date.FormatStyle(date: .abbreviated, time: .omitted, timeZone: TimeZone(identifier: "UTC")!)

    /// A publication day as people read it ("Feb 5, 2026"), in UTC like every stored date.
    static func day(_ date: Date?) -> String {
        guard let date else { return "undated" }
        return date.formatted(dayFormat)
    }

    /// The days a story spans: one day, or first – last.
    static func span(_ first: Date?, _ last: Date?) -> String {
        switch (first, last) {
        case (nil, nil): return "undated"
        case (let one?, nil), (nil, let one?): return day(one)
        case (let a?, let b?): return CalendarDay(a) == CalendarDay(b) ? day(a) : "\(day(a)) – \(day(b))"
        }
    }
}

/// How a source is named on pages: its site, else its web host, else the name it was
/// ingested under (a file name, or the name given to an upload).
enum SourceName {
    static func of(site: String?, url: String?, source: String) -> String {
        if let site = site?.trimmingCharacters(in: .whitespaces), !site.isEmpty { return site }
        if let safe = HTML.safeURL(url), let host = URL(string: safe)?.host {
            return host.hasPrefix("www.") ? String(host.dropFirst(4)) : host
        }
        // Records of a JSON Lines file (API uploads included) are named `<file>#<id>`.
        let name = source.split(separator: "#", maxSplits: 1).count == 2 ? String(source.split(separator: "#", maxSplits: 1)[1]) : source
        if let safe = HTML.safeURL(name), let host = URL(string: safe)?.host { return host }
        return URL(fileURLWithPath: name).lastPathComponent
    }

    static func of(_ article: Article) -> String { of(site: article.site, url: article.url, source: article.source) }
}
