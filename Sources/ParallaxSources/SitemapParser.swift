import Foundation
import ParallaxCore

/// Reads sitemaps (https://www.sitemaps.org/protocol.html): `urlset` with `lastmod` and the
/// Google News extension, `sitemapindex`, plain-text lists of URLs, each plain or
/// gzip-compressed (decompressed with a cap, so a gzip bomb is an error).
public enum SitemapParser {
    static let newsNamespace: Set<String?> = ["http://www.google.com/schemas/sitemap-news/0.9"]

    public static func parse(_ bytes: [UInt8], source: String, baseURL: String?) throws(ParallaxError) -> Sitemap {
        var bytes = bytes
        if GzipCodec.isGzip(bytes) {
            do {
                bytes = try GzipCodec.decompress(bytes, limit: SourceLimits.maximumXMLBytes)
            } catch {
                throw ParallaxError(source: source, reason: .invalidInput("compressed sitemap \(error)"))
            }
        }
        guard SourceSniffer.rootElement(bytes) != nil else { return try plainText(bytes, source: source, baseURL: baseURL) }
        let tree = try XMLTree.parse(bytes, source: source)
        let root = tree.root
        switch tree.nodes[root].name.lowercased() {
        case "urlset":
            let entries = tree.elements(of: root, named: "url").compactMap { node -> SitemapEntry? in
                guard let location = tree.childText(of: node, named: "loc"),
                      let url = URLResolver.resolve(location, against: baseURL) else { return nil }
                var entry = SitemapEntry(url: url, lastModified: tree.childText(of: node, named: "lastmod").flatMap(FeedDates.parse))
                if let news = tree.firstElement(of: node, named: "news", in: newsNamespace) {
                    entry.newsTitle = cleanTitle(tree.childText(of: news, named: "title", in: newsNamespace))
                    entry.newsPublished = tree.childText(of: news, named: "publication_date", in: newsNamespace).flatMap(FeedDates.parse)
                    entry.newsLanguage = tree.firstElement(of: news, named: "publication", in: newsNamespace)
                        .flatMap { tree.childText(of: $0, named: "language", in: newsNamespace) }
                }
                return entry
            }
            return .urls(entries)
        case "sitemapindex":
            return .index(tree.elements(of: root, named: "sitemap").compactMap { node in
                tree.childText(of: node, named: "loc").flatMap { URLResolver.resolve($0, against: baseURL) }
            })
        default:
            throw ParallaxError(source: source, reason: .invalidInput("not a sitemap (the root element is <\(tree.nodes[root].name)>)"))
        }
    }

    /// The protocol's text format: one absolute URL a line.
    private static func plainText(_ bytes: [UInt8], source: String, baseURL: String?) throws(ParallaxError) -> Sitemap {
        let lines = String(decoding: bytes, as: UTF8.self).split(whereSeparator: \.isNewline).compactMap { nonBlank(String($0)) }
        guard !lines.isEmpty, lines.allSatisfy({ $0.hasPrefix("http://") || $0.hasPrefix("https://") }) else {
            throw ParallaxError(source: source, reason: .invalidInput("not a sitemap (neither XML nor a list of URLs)"))
        }
        return .urls(lines.map { SitemapEntry(url: $0) })
    }
}
