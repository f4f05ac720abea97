import Foundation
import ParallaxCore
import Testing
@testable import ParallaxSources

/// Feeds in every supported syntax, written as outlets write them: CDATA, entities escaped
/// twice, relative links, odd dates.
@Suite struct FeedParserTests {
    static func date(_ iso: String) -> Date { FeedDates.parse(iso)! }

    @Test func rss2WithContentEncodedDublinCoreAndRelativeLinks() throws {
        let xml = """
            <?xml version="1.0" encoding="UTF-8"?>
            <rss version="2.0" xmlns:content="http://purl.org/rss/1.0/modules/content/"
                 xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:atom="http://www.w3.org/2005/Atom">
              <channel>
                <title>Harbour Line News &#8211; World</title>
                <link>https://harbourline.example/world/</link>
                <atom:link href="https://harbourline.example/feed.xml" rel="self" type="application/rss+xml"/>
                <item>
                  <title><![CDATA[Ferry strike: unions &amp; operators meet]]></title>
                  <link>/2026/02/04/ferry-strike.html</link>
                  <guid isPermaLink="false">hl-20260204-001</guid>
                  <pubDate>Wed, 04 Feb 2026 10:00:00 +0100</pubDate>
                  <dc:creator>Ana Ribeiro</dc:creator>
                  <description>Talks resume &lt;b&gt;today&lt;/b&gt;.</description>
                  <content:encoded><![CDATA[<p>Talks <em>resume</em> today.</p>]]></content:encoded>
                </item>
                <item>
                  <title>Caf&amp;eacute; owners say &amp;quot;enough&amp;quot;</title>
                  <guid>https://harbourline.example/2026/02/05/cafe.html</guid>
                  <dc:date>2026-02-05T08:30:00Z</dc:date>
                </item>
              </channel>
            </rss>
            """
        let feed = try FeedParser.parse(Array(xml.utf8), source: "feed.xml", baseURL: "https://harbourline.example/feed.xml")
        #expect(feed.format == .rss)
        #expect(feed.title == "Harbour Line News – World")
        #expect(feed.siteURL == "https://harbourline.example/world/")
        #expect(feed.items.count == 2)
        let first = feed.items[0]
        #expect(first.id == "hl-20260204-001")
        #expect(first.url == "https://harbourline.example/2026/02/04/ferry-strike.html")
        #expect(first.title == "Ferry strike: unions & operators meet")
        #expect(first.summary == "Talks resume <b>today</b>.")
        #expect(first.contentHTML == "<p>Talks <em>resume</em> today.</p>")
        #expect(first.published == Self.date("2026-02-04T09:00:00Z"))
        #expect(first.author == "Ana Ribeiro")
        // A guid that is a permalink stands in for a missing link; HTML escaped twice in a title is decoded.
        let second = feed.items[1]
        #expect(second.url == "https://harbourline.example/2026/02/05/cafe.html")
        #expect(second.title == "Café owners say \"enough\"")
        #expect(second.published == Self.date("2026-02-05T08:30:00Z"))
    }

    @Test func rss091WithHTMLEntitiesAndNoDTDIsReadInRecoverMode() throws {
        let xml = """
            <rss version="0.91"><channel><title>Le Courrier</title><link>http://courrier.example/</link>
            <item><title>Gr&egrave;ve des ferries&nbsp;: accord</title><link>http://courrier.example/a?id=1&page=2</link>
            <description>R&eacute;sum&eacute;</description></item></channel></rss>
            """
        let feed = try FeedParser.parse(Array(xml.utf8), source: "courrier.xml", baseURL: nil)
        #expect(feed.items.count == 1)
        // A no-break space folds into a plain one, as all white space in titles does.
        #expect(feed.items[0].title == "Grève des ferries : accord")
        #expect(feed.items[0].summary == "Résumé")
    }

    @Test func atomWithXMLBaseHTMLAndXHTMLContent() throws {
        let xml = """
            <?xml version="1.0" encoding="utf-8"?>
            <feed xmlns="http://www.w3.org/2005/Atom" xml:base="https://coastal.example/news/">
              <title type="html">Coastal &lt;i&gt;Times&lt;/i&gt;</title>
              <link rel="self" href="https://coastal.example/atom.xml"/>
              <link href="https://coastal.example/"/>
              <author><name>Newsroom</name></author>
              <entry>
                <id>tag:coastal.example,2026:fire</id>
                <title>Fire at the harbour</title>
                <link rel="alternate" type="text/html" href="2026/harbour-fire"/>
                <link rel="enclosure" type="image/jpeg" href="/img/fire.jpg"/>
                <published>2026-02-04T21:15:00+01:00</published>
                <updated>2026-02-05T07:00:00.250Z</updated>
                <summary type="text">Warehouses burned &amp; crews stayed overnight.</summary>
                <content type="xhtml"><div xmlns="http://www.w3.org/1999/xhtml"><p>Crews <b>stayed</b> overnight.</p></div></content>
              </entry>
              <entry xml:base="/archive/">
                <id>tag:coastal.example,2026:vote</id>
                <title type="text">Vote on the plant</title>
                <link href="vote.html"/>
                <updated>2026-02-03</updated>
                <author><name>M. Okafor</name></author>
                <content type="html">&lt;p&gt;The council voted.&lt;/p&gt;</content>
              </entry>
            </feed>
            """
        let feed = try FeedParser.parse(Array(xml.utf8), source: "atom.xml", baseURL: "https://coastal.example/atom.xml")
        #expect(feed.format == .atom)
        #expect(feed.title == "Coastal Times")
        #expect(feed.siteURL == "https://coastal.example/")
        #expect(feed.items.count == 2)
        let fire = feed.items[0]
        #expect(fire.url == "https://coastal.example/news/2026/harbour-fire")
        #expect(fire.summary == "Warehouses burned & crews stayed overnight.")
        #expect(fire.contentHTML == "<p>Crews <b>stayed</b> overnight.</p>")
        #expect(fire.published == Self.date("2026-02-04T20:15:00Z"))
        #expect(fire.updated == Date(timeIntervalSince1970: Self.date("2026-02-05T07:00:00Z").timeIntervalSince1970 + 0.25))
        #expect(fire.author == "Newsroom")
        let vote = feed.items[1]
        #expect(vote.url == "https://coastal.example/archive/vote.html")
        #expect(vote.contentHTML == "<p>The council voted.</p>")
        #expect(vote.published == nil)
        #expect(vote.updated == Self.date("2026-02-03T00:00:00Z"))
        #expect(vote.author == "M. Okafor")
    }

    @Test func rdfRSS10() throws {
        let xml = """
            <?xml version="1.0"?>
            <rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#" xmlns="http://purl.org/rss/1.0/"
                     xmlns:dc="http://purl.org/dc/elements/1.1/">
              <channel rdf:about="https://baltic.example/rss">
                <title>Baltic Ledger</title><link>https://baltic.example/</link>
                <items><rdf:Seq><rdf:li rdf:resource="https://baltic.example/a1"/></rdf:Seq></items>
              </channel>
              <item rdf:about="https://baltic.example/a1">
                <title>Port reopens</title>
                <link>https://baltic.example/a1</link>
                <description>After the fire, the port reopened.</description>
                <dc:date>2026-02-06T06:00:00+02:00</dc:date>
                <dc:creator>J. Berzins</dc:creator>
              </item>
            </rdf:RDF>
            """
        let feed = try FeedParser.parse(Array(xml.utf8), source: "rdf.xml", baseURL: nil)
        #expect(feed.format == .rdf)
        #expect(feed.title == "Baltic Ledger")
        #expect(feed.items == [FeedItem(url: "https://baltic.example/a1", title: "Port reopens", summary: "After the fire, the port reopened.",
                                        published: Self.date("2026-02-06T04:00:00Z"), author: "J. Berzins")])
    }

    @Test func jsonFeed11And10() throws {
        let json = """
            {"version": "https://jsonfeed.org/version/1.1", "title": "Iberian Report", "home_page_url": "https://iberian.example/",
             "feed_url": "https://iberian.example/feed.json", "authors": [{"name": "Desk"}],
             "items": [
               {"id": "1", "url": "/desal-vote", "title": "Desalination plant: council votes &amp; approves",
                "content_html": "<p>Approved.</p>", "summary": "Approved 14 to 7", "date_published": "2026-02-03T18:00:00-05:00"},
               {"id": 2, "external_url": "https://other.example/x", "content_text": "Plain words.",
                "date_modified": "2026-02-04T10:00:00Z", "author": {"name": "R. Gil"}}
             ]}
            """
        let feed = try FeedParser.parse(Array(json.utf8), source: "feed.json", baseURL: nil)
        #expect(feed.format == .jsonFeed)
        #expect(feed.title == "Iberian Report")
        #expect(feed.items.count == 2)
        #expect(feed.items[0].url == "https://iberian.example/desal-vote")
        #expect(feed.items[0].title == "Desalination plant: council votes & approves")
        #expect(feed.items[0].published == Self.date("2026-02-03T23:00:00Z"))
        #expect(feed.items[0].author == "Desk")
        #expect(feed.items[1].id == "2")
        #expect(feed.items[1].url == "https://other.example/x")
        #expect(feed.items[1].summary == "Plain words.")
        #expect(feed.items[1].author == "R. Gil")
        #expect(throws: ParallaxError.self) { try FeedParser.parse(Array(#"{"title": "no version"}"#.utf8), source: "x.json", baseURL: nil) }
    }

    @Test(arguments: [
        ("Wed, 04 Feb 2026 10:00:00 GMT", "2026-02-04T10:00:00Z"),
        ("Wed, 4 Feb 2026 10:00 EST", "2026-02-04T15:00:00Z"),
        ("4 Feb 26 10:00:00 PDT", "2026-02-04T17:00:00Z"),
        ("Thu, 04 February 2026 10:00:00 +0530", "2026-02-04T04:30:00Z"),
        ("Wed, 04 Feb 2026 10:00:00 GMT+1", "2026-02-04T09:00:00Z"),
        ("Mittwoch, 4. Februar 2026 10:00 MEZ", "2026-02-04T09:00:00Z"),
        ("2026-02-04T10:00:00+01:00", "2026-02-04T09:00:00Z"),
        ("2026-02-04T10:00:00.123456-0300", "2026-02-04T13:00:00.123456Z"),
        ("2026-02-04 10:00:00", "2026-02-04T10:00:00Z"),
        ("2026-02-04t10:00z", "2026-02-04T10:00:00Z"),
        ("2026-02-04", "2026-02-04T00:00:00Z"),
        ("Feb 4, 2026 3:30 PM UTC", "2026-02-04T15:30:00Z"),
    ])
    func datesInTheFormsFeedsWrite(text: String, expected: String) {
        let parsed = FeedDates.parse(text)
        #expect(parsed != nil)
        // Compare with a date built by Foundation so the parser is not checked against itself.
        let formatter = ISO8601DateFormatter()
        formatter.formatOptions = expected.contains(".") ? [.withInternetDateTime, .withFractionalSeconds] : [.withInternetDateTime]
        let reference = formatter.date(from: expected.replacingOccurrences(of: "123456Z", with: "123Z"))!
        #expect(abs((parsed ?? .distantPast).timeIntervalSince(reference)) < 0.001)
    }

    @Test(arguments: ["", "tomorrow", "2026-13-01", "31 Feb 2026", "Wed, 04 Foo 2026"])
    func nonsenseIsNoDate(text: String) {
        #expect(FeedDates.parse(text) == nil)
    }

    @Test func anEntityBombFailsFastWithAnError() {
        var xml = "<?xml version=\"1.0\"?>\n<!DOCTYPE rss [\n<!ENTITY lol \"lol\">\n"
        xml += "<!ENTITY lol1 \"" + String(repeating: "&lol;", count: 10) + "\">\n"
        for level in 2...9 { xml += "<!ENTITY lol\(level) \"" + String(repeating: "&lol\(level - 1);", count: 10) + "\">\n" }
        xml += "]>\n<rss version=\"2.0\"><channel><title>&lol9;</title><item><title>&lol9;</title></item></channel></rss>"
        do {
            let feed = try FeedParser.parse(Array(xml.utf8), source: "bomb.xml", baseURL: nil)
            // If libxml2 accepts the document, the entity must stay unexpanded.
            #expect((feed.title ?? "").count < 1000)
            #expect((feed.items.first?.title ?? "").count < 1000)
        } catch {
            #expect(error.source == "bomb.xml")
        }
    }

    @Test func anExternalEntityIsNeverRead() throws {
        let xml = """
            <?xml version="1.0"?>
            <!DOCTYPE rss [<!ENTITY x SYSTEM "file:///etc/passwd">]>
            <rss version="2.0"><channel><title>t</title><item><title>a&x;b</title><description>&x;</description></item></channel></rss>
            """
        let passwd = (try? String(contentsOfFile: "/etc/passwd", encoding: .utf8)) ?? "root:x:0:0"
        let firstLine = String(passwd.split(separator: "\n").first ?? "root:x:0:0")
        do {
            let feed = try FeedParser.parse(Array(xml.utf8), source: "xxe.xml", baseURL: nil)
            let everything = [feed.title, feed.items.first?.title, feed.items.first?.summary].compactMap { $0 }.joined()
            #expect(!everything.contains(firstLine))
            #expect(!everything.contains("root:"))
        } catch {
            #expect(!error.description.contains("root:"))
        }
    }

    @Test func malformedXMLIsAOneLineErrorNamingTheSource() {
        let xml = "<rss version=\"2.0\">\n<channel>\n<title>Broken</chanel>\n</rss>"
        let error = #expect(throws: ParallaxError.self) {
            try FeedParser.parse(Array(xml.utf8), source: "https://broken.example/feed", baseURL: nil)
        }
        #expect(error?.source == "https://broken.example/feed")
        #expect(error?.description.contains("\n") == false)
        #expect(error?.description.contains("malformed XML at line 3") == true)
    }

    @Test func aDocumentThatIsNotAFeedIsRefused() {
        #expect(throws: ParallaxError.self) {
            try FeedParser.parse(Array("<html><body>hi</body></html>".utf8), source: "page.html", baseURL: nil)
        }
        #expect(throws: ParallaxError.self) { try FeedParser.parse([], source: "empty", baseURL: nil) }
    }
}
