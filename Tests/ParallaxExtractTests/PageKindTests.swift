import Foundation
import ParallaxCore
@testable import ParallaxExtract
import Testing

/// Pages that are not articles: their main content is returned with `kind == .page` by
/// `extractPage`, refused by `extract` (what the ingest pipeline stores), and pages with
/// nothing but navigation stay refused by both.
@Suite struct PageKindTests {
    let extractor = ArticleExtractor(identifier: FunctionWordIdentifier())

    func document(_ html: String) -> RawDocument {
        RawDocument(source: "page.html", bytes: Array(html.utf8), contentType: "text/html")
    }

    /// A shop page: a product name, a few short feature lines and a spec table, no prose.
    let productPage = """
        <html><head><title>Trail Kettle 2L | Campware</title><meta property="og:site_name" content="Campware"></head><body>
        <nav><a href="/">Home</a> <a href="/shop">Shop</a> <a href="/cart">Cart</a></nav>
        <main>
          <h1>Trail Kettle 2L</h1>
          <ul class="features">
            <li>Boils two litres of water in under six minutes on a small gas stove.</li>
            <li>Folding handle locks in place and stays cool.</li>
            <li>Weighs 310 grams with the lid.</li>
          </ul>
          <table><tr><td>Material</td><td>Hard-anodised aluminium</td></tr><tr><td>Volume</td><td>2 litres</td></tr></table>
          <button>Add to cart</button>
        </main>
        <footer><a href="/about">About us</a> <a href="/contact">Contact</a></footer>
        </body></html>
        """

    @Test func productPageIsAPageNotAnArticle() throws {
        let page = try extractor.extractPage(document(productPage))
        #expect(page.kind == .page)
        #expect(page.article.text.contains("Folding handle locks in place"))
        #expect(page.article.text.contains("Hard-anodised aluminium"))
        #expect(!page.article.text.contains("Add to cart"))
        #expect(!page.article.text.contains("Contact"))
        #expect(page.article.title == "Trail Kettle 2L")
        // The pipeline's entry point stores articles only.
        #expect(throws: ParallaxError.self) { try extractor.extract(document(productPage)) }
    }

    @Test func forumThreadPostsMarkedAsCommentsAreItsContent() throws {
        let post = "I have been cycling to work for a year and the chain keeps slipping on steep hills, what should I check first?"
        let reply = "Check the cassette for wear before you replace the chain, a worn cassette makes a new chain slip too."
        let html = """
            <html><head><title>Chain slipping on hills - Cycling Forum</title></head><body>
            <header><a href="/">Forum</a> <a href="/login">Log in</a></header>
            <div class="topic"><h1>Chain slipping on hills</h1>
              <div class="comment"><p>\(post)</p></div>
              <div class="comment"><p>\(reply)</p></div>
            </div></body></html>
            """
        let page = try extractor.extractPage(document(html))
        #expect(page.kind == .page)
        #expect(page.article.text.contains(post))
        #expect(page.article.text.contains(reply))
    }

    @Test func pagesThatDeclareAProductAreNotArticlesHoweverLongTheirText() throws {
        let paragraph = "The kettle is made of hard-anodised aluminium, which spreads the heat of a small stove evenly, "
            + "and its folding handle locks in place so that it can be lifted safely while the water is still boiling."
        let html = """
            <html><head><title>Trail Kettle 2L</title><meta property="og:type" content="product"></head><body>
            <div class="description"><h1>Trail Kettle 2L</h1><p>\(paragraph)</p><p>\(paragraph)</p></div></body></html>
            """
        let page = try extractor.extractPage(document(html))
        #expect(page.kind == .page)
        #expect(page.article.text.contains("folding handle locks in place"))
        #expect(throws: ParallaxError.self) { try extractor.extract(document(html)) }
        // The same page as an article is one.
        let article = try extractor.extractPage(document(html.replacingOccurrences(of: "content=\"product\"", with: "content=\"article\"")))
        #expect(article.kind == .article)
    }

    @Test func articlesKeepTheirKind() throws {
        let document = try DocumentReader().read([Fixtures.path("article.html")])[0].get()
        let page = try extractor.extractPage(document)
        #expect(page.kind == .article)
        #expect(page.article == (try extractor.extract(document)))
    }

    @Test func navigationOnlyPagesAreStillRefused() {
        for name in ["homepage.html", "notfound.html"] {
            let result = Result { () throws(ParallaxError) -> ExtractedPage in
                try extractor.extractPage(try DocumentReader().read([Fixtures.path(name)])[0].get())
            }
            guard case .failure(let error) = result, case .noArticle = error.reason else {
                Issue.record("\(name): expected noArticle, got \(result)"); continue
            }
        }
    }

    /// A short post with a long discussion under it: an article when the page says so (the
    /// comments stay out), the discussion itself when it does not (a forum thread).
    @Test func aShortPostWithALongDiscussionIsAnArticleWhenItSaysSo() throws {
        let post = "The village hall reopened on Saturday after a year of repairs to its roof and windows, paid for by a local appeal. "
        let comments = (1...12).map { "<li class=\"comment\"><p>Reader \($0) says: we held our wedding party in that hall, and it is wonderful to see it open again after the storm.</p></li>" }.joined()
        func page(_ head: String) -> String {
            """
            <html><head><title>Village hall reopens</title>\(head)</head><body>
            <main><article><h1>Village hall reopens</h1><p>\(post)</p><p>\(post)</p><p>\(post)</p></article>
            <div class="entry-comments" id="comments"><h3>Discussion</h3><ol class="comment-list">\(comments)</ol></div></main>
            </body></html>
            """
        }
        let declared = try extractor.extractPage(document(page(#"<meta property="og:type" content="article">"#)))
        #expect(declared.kind == .article)
        #expect(declared.article.text.contains("village hall reopened") && !declared.article.text.contains("Reader 3 says"))
        let undeclared = try extractor.extractPage(document(page("")))
        #expect(undeclared.kind == .page && undeclared.article.text.contains("Reader 3 says"))
    }

    @Test func titlesLoseRepeatedAndSeparatedSiteNamesAndLeftoverEntities() {
        #expect(HTMLMetadata.stripSiteName("Best exhibitions of 2025 – Artlyst - Artlyst", site: "Artlyst") == "Best exhibitions of 2025")
        #expect(HTMLMetadata.stripSiteName("Exploring USB commands - Jo Smith - Security Notes", site: "Jo Smith - Security Notes")
            == "Exploring USB commands")
        #expect(HTMLMetadata.stripSiteName("Filing taxes in 2026 - Acme Tax Blog", site: "Blog") == "Filing taxes in 2026")
        #expect(HTMLMetadata.stripSiteName("Healthy eating plate • The Nutrition Source", site: nil) == "Healthy eating plate")
        #expect(HTMLMetadata.clean("Data tools for 2026: Python, SQL &#x26; AI") == "Data tools for 2026: Python, SQL & AI")
        #expect(HTMLMetadata.clean("AT&T and R&D; budgets") == "AT&T and R&D; budgets")
        #expect(HTMLMetadata.clean("## A heading written in Markdown") == "A heading written in Markdown")
        #expect(HTMLMetadata.clean("#1 pick of the year") == "#1 pick of the year")
    }
}
