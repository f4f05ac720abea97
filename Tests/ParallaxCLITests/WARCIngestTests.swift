import Foundation
import Testing
import TestSupport

/// Just enough of a WARC writer for these tests (this target does not link ParallaxSources,
/// whose own tests cover its `WARCWriter`); gzip comes from the system's `gzip`.
final class WARCWriter {
    private let handle: FileHandle
    private let gzipPerRecord: Bool

    init(path: String, gzipPerRecord: Bool) throws {
        FileManager.default.createFile(atPath: path, contents: nil)
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        self.gzipPerRecord = gzipPerRecord
    }

    func close() throws { try handle.close() }

    func writeResponse(targetURI: String, date: Date, headers: [(String, String)], body: [UInt8]) throws {
        var http = "HTTP/1.1 200 OK\r\n"
        for (name, value) in headers { http += "\(name): \(value)\r\n" }
        try writeRecord(type: "response", targetURI: targetURI, date: date, contentType: "application/http; msgtype=response",
                        block: Array((http + "\r\n").utf8) + body)
    }

    func writeRecord(type: String, targetURI: String, date: Date, contentType: String, block: [UInt8]) throws {
        let header = "WARC/1.1\r\nWARC-Type: \(type)\r\nWARC-Record-ID: <urn:uuid:\(UUID().uuidString.lowercased())>\r\n"
            + "WARC-Date: 2026-02-04T10:00:00Z\r\nWARC-Target-URI: \(targetURI)\r\nContent-Type: \(contentType)\r\n"
            + "Content-Length: \(block.count)\r\n\r\n"
        let record = Array(header.utf8) + block + Array("\r\n\r\n".utf8)
        try handle.write(contentsOf: gzipPerRecord ? try GzipCodec.compress(record) : record)
    }
}

enum GzipCodec {
    static func compress(_ bytes: [UInt8]) throws -> [UInt8] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/bin/gzip")
        process.arguments = ["-c"]
        let input = Pipe(), output = Pipe()
        process.standardInput = input
        process.standardOutput = output
        try process.run()
        DispatchQueue.global().async {
            input.fileHandleForWriting.write(Data(bytes))
            try? input.fileHandleForWriting.close()
        }
        let data = output.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return Array(data)
    }
}

/// `parallax ingest` on WARC archives and news-please JSON Lines, end to end through the
/// built executable, each test with a store of its own.
@Suite struct WARCIngestTests {
    typealias TemporaryDB = StoreCommandTests.TemporaryDB

    /// The demo corpus as a crawl: pages as HTTP responses (one of them chunked and gzipped),
    /// text files as resource records, with requests and an image between them.
    static func writeDemoArchive(to path: String) throws -> Int {
        let writer = try WARCWriter(path: path, gzipPerRecord: true)
        let date = Date(timeIntervalSince1970: 1_770_199_200)
        var count = 0
        for (index, file) in StoreCommandTests.demoArticles.enumerated() {
            let bytes = Array(try Data(contentsOf: URL(fileURLWithPath: file)))
            let url = "https://demo.example/" + URL(fileURLWithPath: file).lastPathComponent
            try writer.writeRecord(type: "request", targetURI: url, date: date, contentType: "application/http; msgtype=request",
                                   block: Array("GET / HTTP/1.1\r\nHost: demo.example\r\n\r\n".utf8))
            if file.hasSuffix(".txt") {
                try writer.writeRecord(type: "resource", targetURI: url, date: date, contentType: "text/plain; charset=utf-8", block: bytes)
            } else if index == 0 {
                let gzipped = try GzipCodec.compress(bytes)
                let chunked = Array(String(gzipped.count, radix: 16).utf8) + Array("\r\n".utf8) + gzipped + Array("\r\n0\r\n\r\n".utf8)
                try writer.writeResponse(targetURI: url, date: date, headers: [
                    ("Content-Type", "text/html; charset=utf-8"), ("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip"),
                ], body: chunked)
            } else {
                try writer.writeResponse(targetURI: url, date: date, headers: [("Content-Type", "text/html; charset=utf-8")], body: bytes)
            }
            try writer.writeResponse(targetURI: url + ".png", date: date, headers: [("Content-Type", "image/png")], body: [0x89, 0x50])
            count += 1
        }
        try writer.close()
        return count
    }

    @Test func aGzipPerRecordArchiveIsIngestedIntoTheStore() throws {
        let db = TemporaryDB()
        defer { db.cleanup() }
        try FileManager.default.createDirectory(at: db.directory, withIntermediateDirectories: true)
        let archive = db.directory.appendingPathComponent("demo.warc.gz").path
        let count = try Self.writeDemoArchive(to: archive)
        #expect(count == 12)

        let ingest = try CLI.run(["ingest", archive, "--db", db.path])
        #expect(ingest.status == 0, "\(ingest.stderr)")
        #expect(ingest.stdout.hasPrefix("12 stored, 0 already stored, 0 failed"))
        let stories = try StoreCommandTests.stories(db.path)
        #expect(stories.reduce(0) { $0 + $1.articleCount } == 12)
        let sources = try stories.flatMap { try StoreCommandTests.detail($0.id, db.path).articles.map(\.source) }
        #expect(sources.allSatisfy { $0.hasPrefix(archive + "#record-") })

        // The archive inside a folder is found too, and nothing is stored twice.
        let again = try CLI.run(["ingest", db.directory.path, "--db", db.path])
        #expect(again.stdout.hasPrefix("0 stored, 12 already stored, 0 failed"), "\(again.stdout) \(again.stderr)")
    }

    @Test func aBrokenRecordIsOneFailureAndTheRestIsStored() throws {
        let db = TemporaryDB()
        defer { db.cleanup() }
        try FileManager.default.createDirectory(at: db.directory, withIntermediateDirectories: true)
        let archive = db.directory.appendingPathComponent("cut.warc").path
        let writer = try WARCWriter(path: archive, gzipPerRecord: false)
        let date = Date(timeIntervalSince1970: 1_770_199_200)
        for file in StoreCommandTests.demoArticles.filter({ $0.hasSuffix(".html") }).prefix(3) {
            try writer.writeResponse(targetURI: "https://demo.example/" + URL(fileURLWithPath: file).lastPathComponent, date: date,
                                     headers: [("Content-Type", "text/html")], body: Array(try Data(contentsOf: URL(fileURLWithPath: file))))
        }
        try writer.close()
        // Cut the last record short.
        let size = try FileManager.default.attributesOfItem(atPath: archive)[.size] as! Int
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: archive))
        try handle.truncate(atOffset: UInt64(size - 100))
        try handle.close()

        let ingest = try CLI.run(["ingest", archive, "--db", db.path])
        #expect(ingest.status == 1)
        #expect(ingest.stdout.hasPrefix("2 stored, 0 already stored, 1 failed"), "\(ingest.stdout)")
        #expect(ingest.stderr.contains("\(archive)#record-3: truncated WARC record"), "\(ingest.stderr)")

        let stats = try CLI.run(["warc", "stats", archive])
        #expect(stats.status == 1)
        #expect(stats.stdout.contains("records=3\tdocuments=2\terrors=1"), "\(stats.stdout)")
    }

    @Test func newsPleaseJSONLinesAreIngested() throws {
        let db = TemporaryDB()
        defer { db.cleanup() }
        try FileManager.default.createDirectory(at: db.directory, withIntermediateDirectories: true)
        let lines = db.directory.appendingPathComponent("newsplease.jsonl")
        let text = try String(contentsOfFile: SharedData.path(SharedData.seed002), encoding: .utf8)
        let record: [String: Any] = [
            "title": "Seed report", "maintext": text, "date_publish": "2026-02-04 10:00:00", "url": "https://seed.example/002",
            "language": "en", "authors": ["Desk"], "source_domain": "seed.example",
        ]
        let json = try JSONSerialization.data(withJSONObject: record)
        try (json + Data("\n".utf8) + Data(#"{"title": "no text", "maintext": null, "source_domain": "x.example"}"#.utf8))
            .write(to: lines)

        let ingest = try CLI.run(["ingest", lines.path, "--db", db.path])
        #expect(ingest.stdout.hasPrefix("1 stored, 0 already stored, 1 failed"), "\(ingest.stdout) \(ingest.stderr)")
        #expect(ingest.stderr.contains("\(lines.path):2: field \"maintext\" is missing or empty"), "\(ingest.stderr)")
        let stories = try StoreCommandTests.stories(db.path)
        #expect(stories.first?.firstPublished == "2026-02-04T10:00:00Z")
    }
}
