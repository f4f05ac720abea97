import Foundation
import HummingbirdTesting
import Testing
import TestSupport
@testable import ParallaxServer

/// Headless Chromium (Debian package `chromium`) against the live server: a screenshot of
/// the seeds' story page, and the rendered DOM of a hostile article's page.
enum Browser {
    static let executable: String? = {
        let path = ProcessInfo.processInfo.environment["PATH"] ?? "/usr/bin:/bin"
        for directory in path.split(separator: ":") {
            for name in ["chromium", "chromium-browser"] {
                let candidate = "\(directory)/\(name)"
                if FileManager.default.isExecutableFile(atPath: candidate) { return candidate }
            }
        }
        return nil
    }()

    static let onCI = ProcessInfo.processInfo.environment["CI"] == "true"

    static let artifacts = SharedData.packageRoot.appendingPathComponent(".build/test-artifacts")

    /// Runs Chromium headless with `arguments` and returns its standard output. Waits
    /// without blocking a thread of the concurrency pool, which the server needs.
    static func run(_ arguments: [String]) async throws -> String {
        let executable = try #require(executable, "chromium is not installed (apt-get install chromium)")
        let process = Process()
        process.executableURL = URL(fileURLWithPath: executable)
        process.arguments = ["--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage", "--no-first-run",
                             "--user-data-dir=\(FileManager.default.temporaryDirectory.appendingPathComponent("parallax-chromium-\(UUID().uuidString)").path)"]
            + arguments
        let output = Pipe()
        process.standardOutput = output
        process.standardError = FileHandle.nullDevice
        // Read as it comes, so a large DOM cannot fill the pipe and stall Chromium.
        let collected = Task.detached { output.fileHandleForReading.readDataToEndOfFile() }
        try await withCheckedThrowingContinuation { (continuation: CheckedContinuation<Void, Error>) in
            process.terminationHandler = { _ in continuation.resume() }
            do { try process.run() } catch { continuation.resume(throwing: error) }
        }
        return String(decoding: await collected.value, as: UTF8.self)
    }
}

@Suite(.serialized) struct BrowserTests {
    @Test(.enabled(if: Browser.executable != nil || Browser.onCI, "chromium is not installed (apt-get install chromium); under CI=true this test runs and fails"))
    func storyPageInHeadlessChromium() async throws {
        let server = try TestServer()
        defer { server.finish() }
        try await server.server.application().test(.live) { client in
            let port = try #require(client.port)
            let seeds = try await client.postSeeds()
            let story = try #require(seeds[0].json["storyID"] as? Int)
            var hostile = EscapingTests.hostileArticle()
            let title = "Pier closure \(BrowserTests.titleScript) \(BrowserTests.titleImage)"
            hostile["title"] = title
            let posted = try await client.postJSON(hostile)
            let hostileStory = try #require(posted.json["storyID"] as? Int)

            try FileManager.default.createDirectory(at: Browser.artifacts, withIntermediateDirectories: true)
            let screenshot = Browser.artifacts.appendingPathComponent("story-seeds.png")
            try? FileManager.default.removeItem(at: screenshot)
            _ = try await Browser.run(["--window-size=1280,900", "--screenshot=\(screenshot.path)", "http://127.0.0.1:\(port)/stories/\(story)"])
            let png = try Data(contentsOf: screenshot)
            #expect(png.starts(with: [0x89, 0x50, 0x4E, 0x47]))
            #expect(png.count > 20_000, "a blank page compresses to a few kilobytes")
            print("story page screenshot: \(screenshot.path)")

            let dom = try await Browser.run(["--virtual-time-budget=3000", "--dump-dom", "http://127.0.0.1:\(port)/stories/\(hostileStory)"])
            #expect(dom.contains("<main>"), "the page rendered")
            // Had a payload run, it would have renamed the document.
            let documentTitle = try #require(dom.range(of: "<title>").flatMap { start in
                dom.range(of: "</title>", range: start.upperBound..<dom.endIndex).map { String(dom[start.upperBound..<$0.lowerBound]) }
            })
            #expect(documentTitle != BrowserTests.marker)
            #expect(documentTitle.hasPrefix("Pier closure &lt;script&gt;"))
            // The payloads are text in the DOM, not elements.
            #expect(dom.contains("&lt;script&gt;document.title"))
            #expect(dom.contains("&lt;img src=x onerror="))
            #expect(!dom.lowercased().contains("<script"))
            #expect(!dom.lowercased().contains("<img"))
            #expect(!dom.lowercased().contains("href=\"javascript:"))
        }
    }

    static let marker = "PWNED-BY-PAYLOAD"
    static let titleScript = "<script>document.title='\(marker)'</script>"
    static let titleImage = "<img src=x onerror=\"document.title='\(marker)'\">"
}
