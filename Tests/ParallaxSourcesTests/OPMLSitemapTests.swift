import Foundation
import ParallaxCore
import Testing
@testable import ParallaxSources

@Suite struct OPMLSitemapTests {
    @Test func opmlWithNestedOutlines() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <opml version="2.0">
              <head><title>News</title></head>
              <body>
                <outline text="Europe" title="Europe">
                  <outline type="rss" text="Baltic Ledger" xmlUrl="https://baltic.example/rss" htmlUrl="https://baltic.example/"/>
                  <outline text="Deeper">
                    <outline type="rss" title="Noordzee Krant" text="NZK" xmlUrl="https://nzk.example/feed"/>
                  </outline>
                </outline>
                <outline xmlUrl="https://iberian.example/feed.json" text="Iberian &amp; Co"/>
                <outline type="link" text="A page" xmlUrl="https://page.example/"/>
                <outline type="rss" text="Baltic again" xmlUrl="https://baltic.example/rss"/>
              </body>
            </opml>
            """
        let subscriptions = try OPMLParser.parse(Array(xml.utf8), source: "subs.opml")
        #expect(subscriptions == [
            FeedSubscription(title: "Baltic Ledger", feedURL: "https://baltic.example/rss", siteURL: "https://baltic.example/"),
            FeedSubscription(title: "Noordzee Krant", feedURL: "https://nzk.example/feed"),
            FeedSubscription(title: "Iberian & Co", feedURL: "https://iberian.example/feed.json"),
        ])
        #expect(throws: ParallaxError.self) { try OPMLParser.parse(Array("<rss/>".utf8), source: "x") }
    }

    static let newsSitemap = """
        <?xml version="1.0" encoding="UTF-8"?>
        <urlset xmlns="http://www.sitemaps.org/schemas/sitemap/0.9"
                xmlns:news="http://www.google.com/schemas/sitemap-news/0.9">
          <url>
            <loc>https://coastal.example/news/2026/harbour-fire</loc>
            <lastmod>2026-02-05T07:00:00+00:00</lastmod>
            <news:news>
              <news:publication><news:name>Coastal Times</news:name><news:language>en</news:language></news:publication>
              <news:publication_date>2026-02-04T21:15:00+01:00</news:publication_date>
              <news:title>Fire at the harbour &amp;amp; warehouses</news:title>
            </news:news>
          </url>
          <url><loc>/about</loc></url>
          <url><lastmod>2026-01-01</lastmod></url>
        </urlset>
        """

    @Test func urlsetWithTheGoogleNewsExtension() throws {
        let sitemap = try SitemapParser.parse(Array(Self.newsSitemap.utf8), source: "sitemap.xml", baseURL: "https://coastal.example/sitemap.xml")
        guard case .urls(let entries) = sitemap else { Issue.record("not a urlset"); return }
        #expect(entries.count == 2)
        #expect(entries[0] == SitemapEntry(
            url: "https://coastal.example/news/2026/harbour-fire", lastModified: FeedDates.parse("2026-02-05T07:00:00Z"),
            newsTitle: "Fire at the harbour & warehouses", newsPublished: FeedDates.parse("2026-02-04T20:15:00Z"), newsLanguage: "en"))
        #expect(entries[1] == SitemapEntry(url: "https://coastal.example/about"))
    }

    @Test func gzipSitemapIndex() throws {
        let xml = """
            <sitemapindex xmlns="http://www.sitemaps.org/schemas/sitemap/0.9">
              <sitemap><loc>https://coastal.example/sitemap-news.xml.gz</loc><lastmod>2026-02-05</lastmod></sitemap>
              <sitemap><loc>https://coastal.example/sitemap-2026-01.xml</loc></sitemap>
            </sitemapindex>
            """
        let compressed = GzipCodec.compress(Array(xml.utf8))
        #expect(SourceSniffer.kind(of: compressed, contentType: "application/x-gzip") == .sitemapIndex)
        let sitemap = try SitemapParser.parse(compressed, source: "index.xml.gz", baseURL: nil)
        #expect(sitemap == .index(["https://coastal.example/sitemap-news.xml.gz", "https://coastal.example/sitemap-2026-01.xml"]))
    }

    @Test func aGzipBombSitemapIsAnError() {
        // 60 MB of one repeated <url> compresses to well under 1 MB; the cap stops it.
        let entry = Array("<url><loc>https://bomb.example/aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa</loc></url>\n".utf8)
        var xml = Array("<urlset xmlns=\"http://www.sitemaps.org/schemas/sitemap/0.9\">\n".utf8)
        xml.reserveCapacity(SourceLimits.maximumXMLBytes + 2 * entry.count)
        while xml.count <= SourceLimits.maximumXMLBytes { xml += entry }
        xml += Array("</urlset>".utf8)
        let bomb = GzipCodec.compress(xml, level: 9)
        #expect(bomb.count < 1_000_000)
        let error = #expect(throws: ParallaxError.self) { try SitemapParser.parse(bomb, source: "bomb.xml.gz", baseURL: nil) }
        #expect(error?.source == "bomb.xml.gz")
        #expect(error?.description.contains("decompresses to more than") == true)
    }

    @Test func plainTextSitemap() throws {
        let text = "https://a.example/1\nhttps://a.example/2\n\n"
        #expect(try SitemapParser.parse(Array(text.utf8), source: "s.txt", baseURL: nil)
            == .urls([SitemapEntry(url: "https://a.example/1"), SitemapEntry(url: "https://a.example/2")]))
        #expect(throws: ParallaxError.self) { try SitemapParser.parse(Array("hello\nworld".utf8), source: "s.txt", baseURL: nil) }
    }

    @Test(arguments: [
        ("<?xml version=\"1.0\"?>\n<!-- generator --><rss version=\"2.0\"><channel/></rss>", nil, SourceKind.feed(.rss)),
        ("\u{FEFF}<feed xmlns=\"http://www.w3.org/2005/Atom\"></feed>", nil, .feed(.atom)),
        ("<rdf:RDF xmlns:rdf=\"http://www.w3.org/1999/02/22-rdf-syntax-ns#\"></rdf:RDF>", nil, .feed(.rdf)),
        ("{\"version\": \"https://jsonfeed.org/version/1.1\", \"items\": []}", nil, .feed(.jsonFeed)),
        ("<opml version=\"1.0\"><body/></opml>", nil, .opml),
        ("<?xml version=\"1.0\"?><urlset/>", nil, .sitemap),
        ("<sitemapindex/>", nil, .sitemapIndex),
        ("<!DOCTYPE html><html><head><title>x</title></head></html>", "text/html", .page),
        ("<!DOCTYPE html><html></html>", "application/rss+xml", .page),
        ("WARC/1.0\r\nWARC-Type: warcinfo\r\n", nil, .warc),
        ("plain words", nil, .page),
        ("not xml at all", "application/atom+xml", .feed(.atom)),
    ] as [(String, String?, SourceKind)])
    func sniffing(text: String, contentType: String?, expected: SourceKind) {
        #expect(SourceSniffer.kind(of: Array(text.utf8), contentType: contentType) == expected)
    }

    @Test func sniffingCompressedWARC() {
        let record = WARCWriter.record(type: "warcinfo", targetURI: nil, date: Date(), contentType: "application/warc-fields", block: Array("software: test\r\n".utf8))
        #expect(SourceSniffer.kind(of: GzipCodec.compress(record), contentType: nil) == .warc)
    }
}
