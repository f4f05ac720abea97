import ParallaxCore

/// Reads the feeds listed in an OPML subscription list, however deeply its outlines nest.
public enum OPMLParser {
    /// Outline types that name a feed; an outline without a type but with `xmlUrl` counts too.
    static let feedTypes: Set<String> = ["rss", "atom", "feed", "rdf"]

    public static func parse(_ bytes: [UInt8], source: String) throws(ParallaxError) -> [FeedSubscription] {
        let tree = try XMLTree.parse(bytes, source: source)
        guard tree.nodes[tree.root].name.lowercased() == "opml" else {
            throw ParallaxError(source: source, reason: .invalidInput("not an OPML document (the root element is <\(tree.nodes[tree.root].name)>)"))
        }
        var subscriptions: [FeedSubscription] = []
        var seen: Set<String> = []
        // Depth-first, in document order.
        var stack = tree.elements(of: tree.root).reversed().map { $0 }
        while let node = stack.popLast() {
            stack.append(contentsOf: tree.elements(of: node).reversed())
            guard tree.nodes[node].name.lowercased() == "outline",
                  let feedURL = nonBlank(tree.attribute("xmlUrl", of: node)) else { continue }
            if let type = tree.attribute("type", of: node)?.lowercased(), !type.isEmpty, !feedTypes.contains(type) { continue }
            guard seen.insert(feedURL).inserted else { continue }
            let title = cleanTitle(tree.attribute("title", of: node)) ?? cleanTitle(tree.attribute("text", of: node))
            subscriptions.append(FeedSubscription(title: title, feedURL: feedURL, siteURL: nonBlank(tree.attribute("htmlUrl", of: node))))
        }
        return subscriptions
    }
}
