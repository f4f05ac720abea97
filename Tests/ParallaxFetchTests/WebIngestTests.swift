import Foundation
import TestSupport
import Testing

/// `parallax ingest URL` and `parallax watch` end to end: the built binary crawls a news
/// site served on 127.0.0.1 into a temporary SQLite store, and the server's log shows
/// what was asked for.
@Suite(.serialized) struct WebIngestTests {
    struct Run {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    /// Runs `parallax` off the cooperative thread pool: the test server answers on it.
    static func parallax(_ arguments: [String]) async throws -> Run {
        try await withCheckedThrowingContinuation { continuation in
            DispatchQueue.global().async {
                do {
                    let process = Process()
                    process.executableURL = BuiltProducts.parallax
                    process.arguments = arguments
                    let out = Pipe(), err = Pipe()
                    process.standardOutput = out
                    process.standardError = err
                    process.standardInput = FileHandle.nullDevice
                    try process.run()
                    nonisolated(unsafe) var outData = Data()
                    let group = DispatchGroup()
                    group.enter()
                    DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
                    let errData = err.fileHandleForReading.readDataToEndOfFile()
                    group.wait()
                    process.waitUntilExit()
                    continuation.resume(returning: Run(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                                                       stderr: String(decoding: errData, as: UTF8.self)))
                } catch {
                    continuation.resume(throwing: error)
                }
            }
        }
    }

    static func temporaryStore() throws -> String {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-fetch-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        return folder.appendingPathComponent("news.db").path
    }

    /// The `key=value` fields of the watch's round line.
    static func roundFields(_ stderr: String) -> [String: String] {
        guard let line = stderr.split(separator: "\n").last(where: { $0.contains("event=round") }) else { return [:] }
        var fields: [String: String] = [:]
        for pair in line.split(separator: " ") {
            let parts = pair.split(separator: "=", maxSplits: 1)
            if parts.count == 2 { fields[String(parts[0])] = String(parts[1]) }
        }
        return fields
    }

    @Test func aFeedIsIngestedOnceAndPolledWithConditionalRequests() async throws {
        let stories = try NewsFixtures.stories(51)
        #expect(stories.count == 51)
        let site = try await TestSite.start()
        defer { Task { await site.stop() } }
        site["/robots.txt"] = TestSite.Page(contentType: "text/plain", body: Array("User-agent: *\nDisallow: /private/\n".utf8))
        for (index, story) in stories.enumerated() {
            site["/news/\(index).html"] = .html(NewsFixtures.page(story, dated: index % 2 == 0))
        }
        func feed(_ indexes: [Int], etag: String) -> TestSite.Page {
            var page = TestSite.Page(contentType: "application/rss+xml",
                                     body: Array(NewsFixtures.rss(indexes.map { (stories[$0], site.url("/news/\($0).html")) }).utf8))
            page.etag = etag
            return page
        }
        site["/feed.xml"] = feed(Array(0..<50), etag: "\"f1\"")
        let db = try WebIngestTests.temporaryStore()
        let crawl = ["--db", db, "--delay", "0"]

        // First run: the feed and its 50 articles.
        let first = try await WebIngestTests.parallax(["ingest", site.url("/feed.xml")] + crawl)
        #expect(first.status == 0, "\(first.stderr)")
        #expect(first.stdout.hasPrefix("50 stored, 0 already stored, 0 failed"), "\(first.stdout)")
        // Every article once, but a transient failure on a loaded machine brings a retry, as
        // it should (seen once, with two benchmarks running beside the suite: 52 requests for
        // the 50 articles, all stored).
        let articleRequests = site.requests.filter { $0.path.hasPrefix("/news/") }
        #expect((50...53).contains(articleRequests.count), "\(articleRequests.count) article requests")
        #expect(Set(articleRequests.map(\.path)).count == 50)
        #expect(site.requests("/robots.txt").count == 1)
        #expect(FileManager.default.fileExists(atPath: db + ".fetch-state.json"))

        // Polling again: one conditional request, answered 304; nothing else is fetched.
        site.clearLog()
        let second = try await WebIngestTests.parallax(["watch", site.url("/feed.xml"), "--once"] + crawl)
        #expect(second.status == 0, "\(second.stderr)")
        #expect(site.requests.map(\.path) == ["/feed.xml"])
        #expect(site.requests.map(\.ifNoneMatch) == ["\"f1\""])
        #expect(site.requests.map(\.status) == [304])
        let quiet = WebIngestTests.roundFields(second.stderr)
        #expect(quiet["sources_unchanged"] == "1" && quiet["stored"] == "0" && quiet["articles_fetched"] == "0", "\(second.stderr)")

        // The feed changes (a new ETag): its one new item is fetched, once, and stored.
        site.clearLog()
        site["/feed.xml"] = feed(Array(1..<51), etag: "\"f2\"")
        let third = try await WebIngestTests.parallax(["watch", site.url("/feed.xml"), "--once"] + crawl)
        #expect(third.status == 0, "\(third.stderr)")
        #expect(site.requests.map(\.path) == ["/feed.xml", "/news/50.html"])
        #expect(site.requests.first?.ifNoneMatch == "\"f1\"")
        let changed = WebIngestTests.roundFields(third.stderr)
        #expect(changed["stored"] == "1" && changed["articles_fetched"] == "1" && changed["articles_skipped"] == "49", "\(third.stderr)")

        // All 51 articles are in stories; pages without a date of their own got their feed item's (noon).
        let listing = try await WebIngestTests.parallax(["stories", "--db", db, "--format", "json"])
        #expect(listing.status == 0, "\(listing.stderr)")
        let stored = listing.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(stored.compactMap { $0["articleCount"] as? Int }.reduce(0, +) == 51)
        #expect(stored.contains { ($0["firstPublished"] as? String)?.hasSuffix("T12:00:00Z") == true })
    }

    @Test func eachBrokenSourceIsOneErrorAndTheGoodOnesAreStored() async throws {
        let stories = try NewsFixtures.stories(3)
        let site = try await TestSite.start()
        defer { Task { await site.stop() } }
        site["/robots.txt"] = TestSite.Page(contentType: "text/plain", body: Array("User-agent: *\nDisallow: /private/\n".utf8))
        site["/good.html"] = .html(NewsFixtures.page(stories[0], dated: true))
        site["/private/secret.html"] = .html(NewsFixtures.page(stories[1], dated: true))
        site["/gone.html"] = .status(404)
        site["/broken.html"] = .status(500)
        var slow = TestSite.Page.html(NewsFixtures.page(stories[2], dated: true))
        slow.delay = 3
        site["/slow.html"] = slow
        site["/huge.html"] = TestSite.Page(body: [UInt8](repeating: UInt8(ascii: "x"), count: 11 * 1024 * 1024))
        site["/bad-feed.xml"] = TestSite.Page(contentType: "application/rss+xml",
                                              body: Array("<?xml version=\"1.0\"?><rss version=\"2.0\"><channel><item><title>Cut".utf8))
        var noise = SystemRandomNumberGenerator()
        site["/binary.html"] = TestSite.Page(body: (0..<20_000).map { _ in UInt8.random(in: 0...255, using: &noise) })
        site["/loop-a"] = .redirect(to: "/loop-b")
        site["/loop-b"] = .redirect(to: "/loop-a")
        site["/feed.xml"] = TestSite.Page(contentType: "application/rss+xml", body: Array(NewsFixtures.rss([
            (stories[1], site.url("/gone-too.html")), (stories[2], site.url("/good-too.html")),
        ]).utf8))
        site["/good-too.html"] = .html(NewsFixtures.page(stories[2], dated: false))

        let failing = ["/private/secret.html", "/gone.html", "/broken.html", "/slow.html", "/huge.html", "/bad-feed.xml",
                       "/binary.html", "/loop-a"].map(site.url)
        let db = try WebIngestTests.temporaryStore()
        let run = try await WebIngestTests.parallax(["ingest", site.url("/good.html")] + failing + [site.url("/feed.xml"), "--db", db, "--delay", "0", "--timeout", "0.5"])
        #expect(run.status == 1)
        #expect(run.stdout.hasPrefix("2 stored"), "\(run.stdout)\n\(run.stderr)")
        let errors = run.stderr.split(separator: "\n").filter { $0.hasPrefix("parallax: ") }
        #expect(errors.count == failing.count + 1, "\(run.stderr)")
        for url in failing + [site.url("/gone-too.html")] {
            #expect(errors.filter { $0.hasPrefix("parallax: \(url): ") }.count == 1, "no single error for \(url) in:\n\(run.stderr)")
        }
        #expect(site.requests("/gone.html").count == 1)
        #expect(site.requests("/broken.html").count == 3)
        #expect(site.requests("/private/secret.html").isEmpty)
    }
}
