import Foundation
import ParallaxCore

/// Tells feeds, OPML lists, sitemaps and WARC archives from ordinary pages. The bytes
/// decide (their root element or magic number); the content type only settles what the
/// bytes leave open, because servers often label feeds `text/xml` or even `text/html`.
public enum SourceSniffer {
    /// How much of a document the sniffer looks at.
    static let window = 64 * 1024

    public static func kind(of bytes: [UInt8], contentType: String?) -> SourceKind {
        var head = Array(bytes.prefix(window))
        if GzipCodec.isGzip(head) { head = GzipCodec.prefix(of: bytes, count: window) }
        if head.starts(with: Array("WARC/1.".utf8)) { return .warc }
        if looksLikeJSON(head) {
            let text = String(decoding: head, as: UTF8.self)
            if text.contains("jsonfeed.org/version/") { return .feed(.jsonFeed) }
        }
        if let root = rootElement(head) {
            switch root {
            case "rss": return .feed(.rss)
            case "feed": return .feed(.atom)
            case "rdf": return .feed(.rdf)
            case "opml": return .opml
            case "urlset": return .sitemap
            case "sitemapindex": return .sitemapIndex
            case "html": return .page
            default: break
            }
        }
        return kind(ofContentType: contentType) ?? .page
    }

    /// What a content type alone says, when it names one of these formats.
    static func kind(ofContentType contentType: String?) -> SourceKind? {
        guard let type = contentType?.split(separator: ";").first?.trimmingCharacters(in: .whitespaces).lowercased() else { return nil }
        switch type {
        case "application/rss+xml": return .feed(.rss)
        case "application/atom+xml": return .feed(.atom)
        case "application/rdf+xml": return .feed(.rdf)
        case "application/feed+json": return .feed(.jsonFeed)
        case "text/x-opml", "application/x-opml", "text/x-opml+xml": return .opml
        case "application/warc": return .warc
        default: return nil
        }
    }

    /// True when the first non-blank byte (after a UTF-8 byte order mark) is `{`.
    static func looksLikeJSON(_ bytes: [UInt8]) -> Bool {
        firstSignificantByte(bytes, from: bomLength(bytes)) == UInt8(ascii: "{")
    }

    /// The lowercase local name of the first element, skipping the XML declaration,
    /// comments, processing instructions and the DOCTYPE.
    static func rootElement(_ bytes: [UInt8]) -> String? {
        var index = bomLength(bytes)
        while true {
            guard let start = bytes[index...].firstIndex(of: UInt8(ascii: "<")), start + 1 < bytes.count else { return nil }
            let next = bytes[start + 1]
            if next == UInt8(ascii: "?") || next == UInt8(ascii: "!") {
                // `<!--` runs to `-->`; `<?…?>` and `<!DOCTYPE …>` to the next `>` (an
                // internal subset's `>` only makes us look at one more tag).
                let isComment = bytes[start...].starts(with: Array("<!--".utf8))
                let terminator = isComment ? Array("-->".utf8) : [UInt8(ascii: ">")]
                guard let end = find(terminator, in: bytes, from: start + 2) else { return nil }
                index = end + terminator.count
                continue
            }
            var end = start + 1
            while end < bytes.count, !isNameEnd(bytes[end]) { end += 1 }
            let name = String(decoding: bytes[(start + 1)..<end], as: UTF8.self).lowercased()
            guard !name.isEmpty else { return nil }
            return name.split(separator: ":").last.map(String.init)
        }
    }

    private static func isNameEnd(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/")
    }

    private static func bomLength(_ bytes: [UInt8]) -> Int {
        bytes.starts(with: [0xEF, 0xBB, 0xBF]) ? 3 : 0
    }

    private static func firstSignificantByte(_ bytes: [UInt8], from index: Int) -> UInt8? {
        bytes[index...].first { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }
    }

    static func find(_ needle: [UInt8], in bytes: [UInt8], from start: Int) -> Int? {
        guard !needle.isEmpty, bytes.count >= needle.count, start <= bytes.count - needle.count else { return nil }
        var index = start
        while index <= bytes.count - needle.count {
            if bytes[index] == needle[0], bytes[index..<(index + needle.count)].elementsEqual(needle) { return index }
            index += 1
        }
        return nil
    }
}
