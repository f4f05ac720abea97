import Foundation
import ParallaxCore

// The agreed public API of ParallaxSources: what feeds, OPML lists and sitemaps parse into.
// ParallaxFetch compiles against these names; change them only together with it.

/// The syntax a feed was written in.
public enum FeedFormat: String, Sendable {
    case rss, atom, rdf, jsonFeed
}

/// One entry of a feed: an article announced by an outlet.
public struct FeedItem: Sendable, Hashable {
    /// guid / atom:id / JSON Feed id.
    public var id: String?
    /// The item's article link, absolute (resolved against xml:base or the feed URL).
    public var url: String?
    public var title: String?
    /// Plain text or HTML, as the feed gives it.
    public var summary: String?
    /// content:encoded / atom:content / content_html, when present.
    public var contentHTML: String?
    public var published: Date?
    public var updated: Date?
    public var author: String?

    public init(
        id: String? = nil, url: String? = nil, title: String? = nil, summary: String? = nil,
        contentHTML: String? = nil, published: Date? = nil, updated: Date? = nil, author: String? = nil
    ) {
        self.id = id
        self.url = url
        self.title = title
        self.summary = summary
        self.contentHTML = contentHTML
        self.published = published
        self.updated = updated
        self.author = author
    }
}

/// A parsed feed: its own metadata and its items in document order.
public struct Feed: Sendable, Hashable {
    public var format: FeedFormat
    public var title: String?
    public var siteURL: String?
    public var items: [FeedItem]

    public init(format: FeedFormat, title: String? = nil, siteURL: String? = nil, items: [FeedItem] = []) {
        self.format = format
        self.title = title
        self.siteURL = siteURL
        self.items = items
    }
}

/// One feed listed in an OPML subscription list.
public struct FeedSubscription: Sendable, Hashable {
    public var title: String?
    public var feedURL: String
    public var siteURL: String?

    public init(title: String? = nil, feedURL: String, siteURL: String? = nil) {
        self.title = title
        self.feedURL = feedURL
        self.siteURL = siteURL
    }
}

/// One `<url>` of a sitemap, with the Google News extension when present.
public struct SitemapEntry: Sendable, Hashable {
    public var url: String
    public var lastModified: Date?
    public var newsTitle: String?
    public var newsPublished: Date?
    public var newsLanguage: String?

    public init(
        url: String, lastModified: Date? = nil, newsTitle: String? = nil,
        newsPublished: Date? = nil, newsLanguage: String? = nil
    ) {
        self.url = url
        self.lastModified = lastModified
        self.newsTitle = newsTitle
        self.newsPublished = newsPublished
        self.newsLanguage = newsLanguage
    }
}

/// A sitemap lists pages (`urlset`) or other sitemaps (`sitemapindex`).
public enum Sitemap: Sendable, Hashable {
    case urls([SitemapEntry])
    case index([String])
}

/// What a fetched or local document is, judged from its bytes (and content type when known).
public enum SourceKind: Sendable, Hashable {
    case feed(FeedFormat), opml, sitemap, sitemapIndex, warc, page
}
