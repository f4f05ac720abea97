import Foundation
import ParallaxCore
import Testing
@testable import ParallaxExtract
import TestSupport

@Suite struct HTMLExtractionTests {
    @Test func articlePageKeepsTheArticleAndDropsFurniture() throws {
        let article = try extractOne(Fixtures.path("article.html"))
        #expect(article.title == "Harbour bridge reopens after two years of repairs")
        #expect(article.site == "The Coastal Ledger")
        #expect(article.byline == "Mara Quill")
        #expect(article.canonicalURL == "https://ledger.example/news/2024/03/18/harbour-bridge-reopens/")
        #expect(article.image == "https://ledger.example/images/bridge.jpg")
        #expect(article.published == DateParsing.iso("2024-03-18T06:45:00Z"))
        #expect(article.modified == DateParsing.iso("2024-03-19T10:00:00Z"))
        #expect(article.paragraphs.first?.hasPrefix("The old harbour bridge opened") == true)
        #expect(article.paragraphs.last?.hasPrefix("Ferry operators") == true)
        #expect(article.paragraphs.contains("What the repairs cost"))
        #expect(article.paragraphs.contains { $0.contains("rebuilt it to last another hundred years") })
        #expect(article.paragraphs.contains("Speed limit on the bridge: 40 km/h"))
        for furniture in ["Sport", "cookies", "Share on", "Related articles", "Ferry fares", "Tags", "commute",
                          "Leave a Reply", "Most read", "All rights reserved", "tracking", "color: red", "Home"] {
            #expect(!article.text.contains(furniture), "\(furniture) left in the body")
        }
        #expect(article.language == "en")
    }

    @Test func homePageAndNotFoundPageHaveNoArticle() {
        for name in ["homepage.html", "notfound.html"] {
            let result = extractAll([Fixtures.path(name)])[0]
            guard case .failure(let error) = result, case .noArticle = error.reason else {
                Issue.record("\(name): expected noArticle, got \(result)"); continue
            }
            #expect(error.source.hasSuffix(name))
        }
    }

    @Test func windows1252PageWithMetaCharsetDecodes() throws {
        let article = try extractOne(Fixtures.path("windows1252.html"))
        #expect(article.title == "Le café du port rouvre ses portes")
        #expect(article.text.contains("120 000 €"))
        #expect(article.text.contains("« Nous avons gardé le comptoir d’origine »"))
        #expect(article.text.contains("œufs brouillés"))
        #expect(!article.text.contains("\u{FFFD}"))
    }

    @Test func shiftJISPageDecodes() throws {
        let article = try extractOne(Fixtures.path("shift_jis.html"))
        #expect(article.title == "港の橋が再開")
        #expect(article.paragraphs.first?.hasPrefix("二年間の修理を経て") == true)
    }

    @Test func tenThousandDeepNestingNeitherCrashesNorLosesText() throws {
        let depth = 10_000
        let html = "<html><body>" + String(repeating: "<div>", count: depth)
            + "<p>" + String(repeating: "Deep text survives the nesting, and the parser returns it. ", count: 6) + "</p>"
            + String(repeating: "</div>", count: depth) + "</body></html>"
        let article = try extractHTML(html)
        #expect(article.text.contains("Deep text survives"))
    }

    @Test func articleSwallowedByAnUnclosedButtonIsKept() throws {
        // Broken markup: the menu button is never closed, so the parser puts the whole
        // article inside it.
        let prose = String(repeating: "The council voted on the new budget, and the mayor spoke for an hour. ", count: 5)
        let html = "<html><body><header role=\"banner\"><div class=\"menu-top\"><button class=\"menu-button\">Menu"
            + "<div class=\"story\"><p>\(prose)</p><p>Second paragraph: \(prose)</p></div></body></html>"
        let article = try extractHTML(html)
        #expect(article.text.contains("Second paragraph"))
        #expect(article.text.contains("The council voted"))
    }

    @Test func listicleWithLinkedItemHeadingsKeepsEveryItem() throws {
        let prose = String(repeating: "This plant copes with little light, and it needs water only once a week or so. ", count: 6)
        let items = (1...5).map { number in
            "<div class=\"item\"><h2><a href=\"/plant-\(number)\">Plant number \(number)</a></h2>"
                + "<div class=\"wrap\"><div class=\"inner\"><p>Item \(number): \(prose)</p></div></div></div>"
        }.joined()
        let html = "<html><body><div class=\"post\">\(items)</div></body></html>"
        let article = try extractHTML(html)
        for number in 1...5 { #expect(article.text.contains("Item \(number):"), "item \(number) lost") }
    }

    @Test func emptyAndMarkupOnlyHTMLAreErrors() {
        #expect(throws: ParallaxError.self) { try extractHTML("") }
        #expect(throws: ParallaxError.self) { try extractHTML("<html><head></head><body></body></html>") }
        #expect(throws: ParallaxError.self) { try extractHTML("<<<>>>") }
    }

    @Test func titleSiteSuffixIsStripped() {
        #expect(HTMLMetadata.stripSiteName("Bridge reopens | The Ledger", site: "The Ledger") == "Bridge reopens")
        #expect(HTMLMetadata.stripSiteName("Bridge reopens after repairs - Ledger", site: nil) == "Bridge reopens after repairs")
        #expect(HTMLMetadata.stripSiteName("Ledger | Bridge reopens after repairs", site: "Ledger") == "Bridge reopens after repairs")
        #expect(HTMLMetadata.stripSiteName("Bridge reopens", site: "Ledger") == "Bridge reopens")
    }

    @Test func datesInTextAndURLs() {
        let expected = DateParsing.date(year: 2026, month: 2, day: 3)
        #expect(DateParsing.published(inLine: "Published 3 Feb 2026") == expected)
        #expect(DateParsing.published(inLine: "Posted on February 3, 2026 by the desk") == expected)
        #expect(DateParsing.published(inLine: "Veröffentlicht am 3. Februar 2026") == expected)
        #expect(DateParsing.published(inLine: "Publicado el 3 de febrero de 2026") == expected)
        #expect(DateParsing.fromURL("https://x.example/2026/02/03/story/") == expected)
        #expect(DateParsing.iso("2026-02-03T01:00:00+01:00") == expected)
        #expect(DateParsing.written("31 February 2026") == nil)
    }

    @Test func realPagesMatchTheManifest() throws {
        struct Entry: Decodable {
            let file: String, lang: String, url: String, title: String, published: String
            struct Expected: Decodable { let with: [String]?; let without: [String]? }
            let expected: Expected
        }
        let lines = try SharedData.text("html/manifest.jsonl").split(separator: "\n")
        #expect(lines.count == 4)
        for line in lines {
            let entry = try JSONDecoder().decode(Entry.self, from: Data(line.utf8))
            let documents = DocumentReader().read([SharedData.path("html/" + entry.file)])
            let document = try documents[0].get()
            var withURL = document
            withURL.url = entry.url
            let article = try ArticleExtractor(identifier: FunctionWordIdentifier()).extract(withURL)
            #expect(LineRules.same(article.title, entry.title), "\(entry.file): title \(article.title)")
            if let published = article.published {
                #expect(CalendarDay(published).description == entry.published, "\(entry.file)")
            } else {
                Issue.record("\(entry.file): no publication date")
            }
            // All phrases the page's body must have, but one: a link-only heading
            // ("read this in Turkish") is treated as navigation, which it usually is.
            let wanted = entry.expected.with ?? []
            let found = wanted.filter { article.text.contains($0) }
            #expect(found.count >= wanted.count - 1, "\(entry.file): missing \(Set(wanted).subtracting(found))")
            for phrase in entry.expected.without ?? [] {
                #expect(!article.text.contains(phrase), "\(entry.file): kept \(phrase)")
            }
            #expect(article.wordCount >= 50, "\(entry.file): \(article.wordCount) words")
        }
    }

    @Test func utf8PageWithoutCharsetKeepsItsCharacters() throws {
        let prose = "Le café du port rouvre après deux ans de travaux — « enfin », disent les habitués. "
        let html = "<html><body><article><h1>Réouverture</h1><p>\(String(repeating: prose, count: 4))</p></article></body></html>"
        let article = try extractHTML(html)
        #expect(article.text.contains("café du port rouvre après"))
        #expect(article.text.contains("« enfin »"))
        #expect(!article.text.contains("Ã"))
    }

    @Test func visibleHeadlineWinsOverSEOTitleAndSiteLogo() throws {
        let prose = String(repeating: "The council approved the harbour budget after a long debate, and work starts in May. ", count: 4)
        let html = """
            <html><head><title>Harbour budget approved: what it means | Coastal Ledger</title>
            <meta property="og:site_name" content="Coastal Ledger"></head>
            <body><header><div class="site-logo"><h1>Coastal Ledger</h1></div></header>
            <article><h1>Council approves the harbour budget</h1><p>\(prose)</p></article></body></html>
            """
        let article = try extractHTML(html)
        #expect(article.title == "Council approves the harbour budget")
        #expect(HTMLMetadata.headline(["Search"], metaTitle: "Council approves the harbour budget") == nil)
    }

    /// A heading set in capitals takes the metadata's capitalisation; a heading that ends in
    /// the site's name loses it; without a declared site name, the document title's last
    /// part names the site.
    @Test func headlineCapitalsAndSiteNamesFollowTheMetadata() throws {
        let prose = String(repeating: "The council approved the harbour budget after a long debate, and work starts in May. ", count: 4)
        func title(head: String, heading: String) throws -> String {
            try extractHTML("<html><head>\(head)</head><body><article><h1>\(heading)</h1><p>\(prose)</p></article></body></html>").title
        }
        #expect(try title(head: #"<meta property="og:title" content="Weekend Coding Agent">"#, heading: "WEEKEND CODING AGENT")
            == "Weekend Coding Agent")
        #expect(try title(head: #"<meta property="og:title" content="The harbour budget">"#, heading: "The Harbour Budget")
            == "The Harbour Budget")
        #expect(try title(head: #"<meta property="og:site_name" content="Coastal Ledger">"#, heading: "Council approves the harbour budget – Coastal Ledger")
            == "Council approves the harbour budget")
        // No heading: the document title without the site's name, though it is five words long.
        let page = "<html><head><title>Harbour budget approved | The Coastal Ledger of Maine</title></head><body><article><p>\(prose)</p></article></body></html>"
        #expect(try extractHTML(page).title == "Harbour budget approved")
    }

    @Test func readingTimeContentsHeadingsAndPhotoCreditsAreNotText() throws {
        let prose = String(repeating: "The council approved the harbour budget after a long debate, and work starts in May. ", count: 4)
        let html = """
            <html><body><article><h1>Harbour budget approved</h1><p>7 min read</p><h2>Table of Contents</h2>
            <p>\(prose)</p><figure><img src="a.jpg"><figcaption>Credit: Harbour Office</figcaption></figure>
            <p>More: \(prose)</p><p>It took 12 min. Readers wrote in.</p></article></body></html>
            """
        let article = try extractHTML(html)
        #expect(!article.text.contains("min read") && !article.text.contains("Table of Contents") && !article.text.contains("Harbour Office"))
        #expect(article.text.contains("More:") && article.text.contains("It took 12 min."))
    }

    @Test func publicationDateFromScriptDataThenModifiedDate() throws {
        #expect(HTMLMetadata.publishedInScript(#"window.__DATA__={"slug":"a","publishedAt":"2025-10-20T13:08:55Z"}"#)
            == DateParsing.iso("2025-10-20T13:08:55Z"))
        #expect(HTMLMetadata.publishedInScript(#"{"title":"no date here","views":12}"#) == nil)
        let prose = String(repeating: "The ferry timetable changes next week, and the operator adds two evening crossings. ", count: 4)
        let html = """
            <html><head><meta property="article:modified_time" content="2024-08-21T01:36:40+00:00"></head>
            <body><article><p>\(prose)</p></article></body></html>
            """
        #expect(try extractHTML(html).published == DateParsing.iso("2024-08-21T01:36:40+00:00"))
    }

    @Test func slashedDatesReadMonthFirstUnlessTheyCannot() {
        #expect(DateParsing.written("Updated: 10/31/2024") == DateParsing.date(year: 2024, month: 10, day: 31))
        #expect(DateParsing.written("31/10/2024") == DateParsing.date(year: 2024, month: 10, day: 31))
        #expect(DateParsing.fromURL("https://x.example/2026-2-3-story") == DateParsing.date(year: 2026, month: 2, day: 3))
        #expect(DateParsing.iso("posted 2026-02-03 10:30 +0100") == DateParsing.date(year: 2026, month: 2, day: 3, hour: 9, minute: 30))
    }

    @Test func articleInABoxWithAFurnitureClassNameIsKept() throws {
        // "jump-link" names a table-of-contents widget on most sites, but here the whole
        // article sits in it; its paragraphs, not its class, decide.
        let prose = String(repeating: "Smart thermostats learn when a house is empty, and they lower the heating to save energy. ", count: 3)
        let paragraphs = (1...4).map { "<p>Part \($0): \(prose)</p>" }.joined()
        let html = """
            <html><body><nav><a href="/">Home</a> <a href="/shop">Shop</a></nav>
            <div class="paragraph--type--jump-link-content">\(paragraphs)</div>
            <div class="related"><h3><a href="/a">Other story</a></h3><p>A teaser for another story that is not this one.</p></div>
            </body></html>
            """
        let article = try extractHTML(html)
        for part in 1...4 { #expect(article.text.contains("Part \(part):"), "part \(part) lost") }
        #expect(!article.text.contains("teaser for another story"))
    }
}
