import Foundation
import ParallaxCore

/// Parses RSS 0.91/0.92/2.0, Atom 1.0 (and 0.3), RDF/RSS 1.0 and JSON Feed 1.0/1.1.
public enum FeedParser {
    /// `bytes` as a feed. `baseURL` is the URL the feed came from: relative links resolve
    /// against it (or against `xml:base`). Errors name `source`.
    public static func parse(_ bytes: [UInt8], source: String, baseURL: String?) throws(ParallaxError) -> Feed {
        if SourceSniffer.looksLikeJSON(bytes) { return try JSONFeedParser.parse(bytes, source: source, baseURL: baseURL) }
        let tree = try XMLTree.parse(bytes, source: source)
        let root = tree.nodes[tree.root]
        switch root.name.lowercased() {
        case "rss":
            return RSSReader(tree: tree, baseURL: baseURL).feed()
        case "rdf" where root.namespace == FeedNamespaces.rdf:
            return RSSReader(tree: tree, baseURL: baseURL).feed(format: .rdf)
        case "feed":
            return AtomReader(tree: tree, baseURL: baseURL).feed()
        default:
            throw ParallaxError(source: source, reason: .invalidInput("not a feed (the root element is <\(root.name)>)"))
        }
    }
}

enum FeedNamespaces {
    static let atom: Set<String?> = ["http://www.w3.org/2005/Atom", "http://purl.org/atom/ns#"]
    static let rdf = "http://www.w3.org/1999/02/22-rdf-syntax-ns#"
    static let content: Set<String?> = ["http://purl.org/rss/1.0/modules/content/"]
    static let dublinCore: Set<String?> = ["http://purl.org/dc/elements/1.1/", "http://purl.org/dc/terms/"]
    /// RSS 2.0 and 0.9x elements have no namespace; RSS 1.0 and 0.90 have their own.
    static let rss: Set<String?> = [nil, "http://purl.org/rss/1.0/", "http://my.netscape.com/rdf/simple/0.9/", "http://backend.userland.com/rss2"]
}

/// Titles are plain text, but feeds often escape HTML in them once more (`&amp;eacute;`):
/// decode those references and fold white space.
func cleanTitle(_ text: String?) -> String? {
    guard let text = nonBlank(text) else { return nil }
    return nonBlank(HTMLEntities.decode(text).split(whereSeparator: \.isWhitespace).joined(separator: " "))
}

/// RSS 0.9x/2.0 (`<rss><channel><item>`) and RSS 1.0 (`<rdf:RDF><channel/><item>`).
private struct RSSReader {
    let tree: XMLTree
    let baseURL: String?

    func feed(format: FeedFormat = .rss) -> Feed {
        let root = tree.root
        let channel = tree.firstElement(of: root, named: "channel", in: FeedNamespaces.rss)
        // RSS 2.0 nests items in the channel, RSS 1.0 puts them beside it; take both.
        var itemNodes = tree.elements(of: root, named: "item", in: FeedNamespaces.rss)
        if let channel { itemNodes = tree.elements(of: channel, named: "item", in: FeedNamespaces.rss) + itemNodes }
        let channelLink = channel.flatMap { tree.childText(of: $0, named: "link", in: FeedNamespaces.rss) }
        let siteURL = channelLink.flatMap { URLResolver.resolve($0, against: baseURL) }
        let documentURL = baseURL ?? siteURL
        return Feed(format: format, title: channel.flatMap { cleanTitle(tree.childText(of: $0, named: "title", in: FeedNamespaces.rss)) },
                    siteURL: siteURL, items: itemNodes.map { item($0, documentURL: documentURL) })
    }

    private func item(_ node: Int, documentURL: String?) -> FeedItem {
        let base = tree.baseURL(at: node, documentURL: documentURL)
        let guidNode = tree.firstElement(of: node, named: "guid", in: FeedNamespaces.rss)
        let guid = guidNode.flatMap { nonBlank(tree.text(of: $0)) }
        var link = tree.childText(of: node, named: "link", in: FeedNamespaces.rss)
            ?? tree.attribute("about", of: node, namespace: FeedNamespaces.rdf)
        // A guid is the article's address unless it says it is not a permalink.
        if link == nil, let guid, let guidNode, tree.attribute("isPermaLink", of: guidNode)?.lowercased() != "false",
           guid.hasPrefix("http://") || guid.hasPrefix("https://") {
            link = guid
        }
        let published = tree.childText(of: node, named: "pubDate", in: FeedNamespaces.rss)
            ?? tree.childText(of: node, named: "date", in: FeedNamespaces.dublinCore)
            ?? tree.childText(of: node, named: "issued", in: FeedNamespaces.dublinCore)
        let updated = tree.childText(of: node, named: "modified", in: FeedNamespaces.dublinCore)
            ?? tree.childText(of: node, named: "updated", in: FeedNamespaces.atom)
        let author = tree.childText(of: node, named: "creator", in: FeedNamespaces.dublinCore)
            ?? tree.childText(of: node, named: "author", in: FeedNamespaces.rss)
        return FeedItem(
            id: guid, url: link.flatMap { URLResolver.resolve($0, against: base) },
            title: cleanTitle(tree.childText(of: node, named: "title", in: FeedNamespaces.rss)),
            summary: tree.childText(of: node, named: "description", in: FeedNamespaces.rss),
            contentHTML: tree.childText(of: node, named: "encoded", in: FeedNamespaces.content),
            published: published.flatMap(FeedDates.parse), updated: updated.flatMap(FeedDates.parse),
            author: author)
    }
}

/// Atom 1.0 (and the older 0.3, whose element names mostly match).
private struct AtomReader {
    let tree: XMLTree
    let baseURL: String?

    func feed() -> Feed {
        let root = tree.root
        let feedAuthor = author(of: root)
        let entries = tree.elements(of: root, named: "entry", in: FeedNamespaces.atom.union([nil]))
        return Feed(format: .atom, title: text(of: tree.firstElement(of: root, named: "title", in: namespaces)),
                    siteURL: alternateLink(of: root),
                    items: entries.map { entry($0, feedAuthor: feedAuthor) })
    }

    private var namespaces: Set<String?> { FeedNamespaces.atom.union([nil]) }

    private func entry(_ node: Int, feedAuthor: String?) -> FeedItem {
        let published = tree.childText(of: node, named: "published", in: namespaces)
            ?? tree.childText(of: node, named: "issued", in: namespaces)
            ?? tree.childText(of: node, named: "date", in: FeedNamespaces.dublinCore)
        let updated = tree.childText(of: node, named: "updated", in: namespaces)
            ?? tree.childText(of: node, named: "modified", in: namespaces)
        let summary = tree.firstElement(of: node, named: "summary", in: namespaces)
        return FeedItem(
            id: tree.childText(of: node, named: "id", in: namespaces),
            url: alternateLink(of: node),
            title: text(of: tree.firstElement(of: node, named: "title", in: namespaces)),
            summary: summary.flatMap { nonBlank(markup(of: $0)) },
            contentHTML: tree.firstElement(of: node, named: "content", in: namespaces).flatMap(contentHTML),
            published: published.flatMap(FeedDates.parse), updated: updated.flatMap(FeedDates.parse),
            author: author(of: node) ?? feedAuthor)
    }

    /// The `rel="alternate"` link (the default rel), preferring an HTML one.
    private func alternateLink(of node: Int) -> String? {
        let links = tree.elements(of: node, named: "link", in: namespaces).filter {
            (tree.attribute("rel", of: $0) ?? "alternate").lowercased() == "alternate" && tree.attribute("href", of: $0) != nil
        }
        let html = links.first { (tree.attribute("type", of: $0) ?? "text/html").lowercased().contains("html") }
        guard let link = html ?? links.first, let href = tree.attribute("href", of: link) else { return nil }
        return URLResolver.resolve(href, against: tree.baseURL(at: link, documentURL: baseURL))
    }

    private func author(of node: Int) -> String? {
        tree.firstElement(of: node, named: "author", in: namespaces).flatMap { author in
            tree.childText(of: author, named: "name", in: namespaces) ?? nonBlank(tree.text(of: author))
        }
    }

    /// A text construct (title) as plain text.
    private func text(of node: Int?) -> String? {
        guard let node else { return nil }
        let type = tree.attribute("type", of: node)?.lowercased()
        if type == "xhtml" || type == "html" || type == "text/html" {
            // Escaped or inline markup: keep the words only.
            let html = type == "xhtml" ? tree.innerXML(of: node) : tree.text(of: node)
            return cleanTitle(MarkupText.strip(html))
        }
        return cleanTitle(tree.text(of: node))
    }

    /// A text construct (summary) as the feed gives it: HTML for html/xhtml, else text.
    private func markup(of node: Int) -> String {
        tree.attribute("type", of: node)?.lowercased() == "xhtml" ? xhtmlBody(node) : tree.text(of: node)
    }

    private func contentHTML(_ node: Int) -> String? {
        // `src` points at content elsewhere; there is nothing inline to take.
        guard tree.attribute("src", of: node) == nil else { return nil }
        switch tree.attribute("type", of: node)?.lowercased() ?? "text" {
        case "xhtml": return nonBlank(xhtmlBody(node))
        case "html", "text/html": return nonBlank(tree.text(of: node))
        case "text", "text/plain": return nonBlank(tree.text(of: node)).map(MarkupText.escape)
        default: return nil   // base64 media and other types are not article HTML
        }
    }

    /// Atom wraps xhtml content in one `<div>`; its children are the content.
    private func xhtmlBody(_ node: Int) -> String {
        let elements = tree.elements(of: node)
        if elements.count == 1, tree.nodes[elements[0]].name == "div" { return tree.innerXML(of: elements[0]) }
        return tree.innerXML(of: node)
    }
}

/// Just enough HTML handling for titles: drop tags, escape text.
enum MarkupText {
    static func strip(_ html: String) -> String {
        var result = ""
        var inTag = false
        for character in html {
            if character == "<" { inTag = true } else if character == ">" && inTag { inTag = false } else if !inTag { result.append(character) }
        }
        return result
    }

    static func escape(_ text: String) -> String {
        text.replacingOccurrences(of: "&", with: "&amp;").replacingOccurrences(of: "<", with: "&lt;").replacingOccurrences(of: ">", with: "&gt;")
    }
}
