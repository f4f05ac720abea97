import ParallaxFetch
import Testing

@Suite struct URLNormalizerTests {
    let normalizer = URLNormalizer()

    @Test func spellingsOfOneArticleMeetInOneForm() {
        let forms = [
            "HTTP://News.Example.COM:80/world/./2026/../2026/story.html?utm_source=rss&id=7&fbclid=abc#comments",
            "http://news.example.com/world/2026/story.html?id=7",
            "http://news.example.com/world/2026/story.html?gclid=x&id=7&utm_medium=social",
        ]
        #expect(Set(forms.compactMap(normalizer.normalize)) == ["http://news.example.com/world/2026/story.html?id=7"])
    }

    @Test func queryIsSortedAndEmptyPathBecomesSlash() {
        #expect(normalizer.normalize("https://example.org:443?b=2&a=1") == "https://example.org/?a=1&b=2")
        #expect(normalizer.normalize("https://example.org:8443/x") == "https://example.org:8443/x")
        #expect(normalizer.normalize("https://example.org/a?utm_campaign=z") == "https://example.org/a")
    }

    @Test func dotSegmentsCannotClimbAboveTheRoot() {
        #expect(normalizer.normalize("http://example.org/../../a/b/../c") == "http://example.org/a/c")
        #expect(normalizer.normalize("http://example.org/a/b/..") == "http://example.org/a/")
    }

    @Test func onlyWebAddressesAreNormalised() {
        #expect(normalizer.normalize("ftp://example.org/file") == nil)
        #expect(normalizer.normalize("/relative/path") == nil)
        #expect(normalizer.normalize("mailto:desk@example.org") == nil)
    }

    @Test func relativeLinksResolveAgainstTheirPage() {
        #expect(URLNormalizer.resolve("../b?x=1", against: "http://example.org/news/a/index.html") == "http://example.org/news/b?x=1")
        #expect(URLNormalizer.resolve("//cdn.example.org/p", against: "https://example.org/") == "https://cdn.example.org/p")
        #expect(URLNormalizer.resolve("javascript:alert(1)", against: "https://example.org/") == nil)
    }
}

@Suite struct RobotsPolicyTests {
    static let text = """
        # Example robots.txt
        User-agent: *
        Disallow: /private/
        Allow: /private/press/
        Disallow: /*.pdf$
        Disallow: /search
        Crawl-delay: 2

        User-agent: SomeOtherBot
        Disallow: /

        User-agent: parallax
        User-agent: anotherbot
        Disallow: /drafts/
        Allow: /drafts/public
        Crawl-delay: 0.5
        Sitemap: https://example.org/sitemap.xml
        """

    @Test func theGroupNamingUsWinsOverTheWildcard() {
        let policy = RobotsPolicy(parsing: RobotsPolicyTests.text, agent: "Parallax")
        #expect(!policy.allows("/drafts/x"))
        #expect(policy.allows("/drafts/public/1"))
        // The * group does not apply once a group names us.
        #expect(policy.allows("/private/a"))
        #expect(policy.crawlDelay == 0.5)
    }

    @Test func otherAgentsGetTheWildcardGroup() {
        let policy = RobotsPolicy(parsing: RobotsPolicyTests.text, agent: "NewsReader")
        #expect(!policy.allows("/private/a"))
        #expect(policy.allows("/private/press/release"))  // the longer Allow wins
        #expect(!policy.allows("/report.pdf"))
        #expect(policy.allows("/report.pdf?page=2"))      // `$` anchors at the end
        #expect(!policy.allows("/search?q=fire"))
        #expect(policy.allows("/"))
        #expect(policy.crawlDelay == 2)
        #expect(!RobotsPolicy(parsing: RobotsPolicyTests.text, agent: "SomeOtherBot").allows("/anything"))
    }

    @Test func equallyLongAllowBeatsDisallowAndEmptyDisallowAllowsAll() {
        let tie = RobotsPolicy(parsing: "User-agent: *\nDisallow: /page\nAllow: /page\n", agent: "Parallax")
        #expect(tie.allows("/page"))
        let open = RobotsPolicy(parsing: "User-agent: *\nDisallow:\n", agent: "Parallax")
        #expect(open.allows("/anything"))
        #expect(RobotsPolicy(parsing: "", agent: "Parallax").allows("/x"))
    }

    @Test func wildcardsMatchAnyRun() {
        let policy = RobotsPolicy(parsing: "User-agent: *\nDisallow: /*/amp/*.html\n", agent: "Parallax")
        #expect(!policy.allows("/world/amp/story.html"))
        #expect(!policy.allows("/a/b/amp/c/d.html?x"))
        #expect(policy.allows("/world/story.html"))
    }
}
