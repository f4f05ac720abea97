import Foundation
import ParallaxCore
import Testing
@testable import ParallaxSources

/// WARC files written by `WARCWriter` (and damaged on purpose) read back by `WARCReader`.
@Suite struct WARCTests {
    /// A temporary file path, removed by `cleanup`.
    struct TemporaryFile {
        let path: String
        init(_ name: String) {
            path = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-warc-\(UUID().uuidString)-\(name)").path
        }
        func cleanup() { try? FileManager.default.removeItem(atPath: path) }
    }

    static let date = Date(timeIntervalSince1970: 1_770_199_200)   // 2026-02-04T10:00:00Z

    static func page(_ number: Int) -> [UInt8] {
        Array("<!DOCTYPE html><html><head><title>Report \(number)</title></head><body><p>Paragraph of report \(number).</p></body></html>".utf8)
    }

    /// A crawl as CC-NEWS stores it: warcinfo, then request/response pairs with a metadata
    /// record, a redirect and an image among them. Returns the URLs of the pages.
    @discardableResult
    static func writeCrawl(to writer: WARCWriter, pages: Int) throws -> [String] {
        try writer.writeRecord(type: "warcinfo", targetURI: nil, date: date, contentType: "application/warc-fields",
                               block: Array("software: parallax-tests\r\nformat: WARC File Format 1.1\r\n".utf8))
        var urls: [String] = []
        for number in 1...pages {
            let url = "https://news.example/article-\(number).html"
            urls.append(url)
            try writer.writeRecord(type: "request", targetURI: url, date: date, contentType: "application/http; msgtype=request",
                                   block: Array("GET /article-\(number).html HTTP/1.1\r\nHost: news.example\r\n\r\n".utf8))
            try writer.writeResponse(targetURI: url, date: date.addingTimeInterval(Double(number)),
                                     headers: [("Content-Type", "text/html; charset=utf-8"), ("Content-Length", String(page(number).count))],
                                     body: page(number))
            try writer.writeRecord(type: "metadata", targetURI: url, date: date, contentType: "application/warc-fields",
                                   block: Array("fetchTimeMs: 12\r\n".utf8))
        }
        try writer.writeResponse(targetURI: "https://news.example/old", date: date, status: 301,
                                 headers: [("Location", "https://news.example/article-1.html")], body: [])
        try writer.writeResponse(targetURI: "https://news.example/logo.png", date: date,
                                 headers: [("Content-Type", "image/png")], body: [0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A])
        return urls
    }

    static func read(_ path: String, maximumRecordBytes: Int = SourceLimits.defaultMaximumWARCRecordBytes)
        -> (documents: [RawDocument], errors: [ParallaxError], statistics: WARCReader.Statistics)
    {
        var iterator = WARCReader(path: path, maximumRecordBytes: maximumRecordBytes).makeIterator()
        var documents: [RawDocument] = [], errors: [ParallaxError] = []
        while let item = iterator.next() {
            switch item {
            case .success(let document): documents.append(document)
            case .failure(let error): errors.append(error)
            }
        }
        return (documents, errors, iterator.statistics)
    }

    @Test(arguments: [true, false])
    func aCrawlReadsBackItsPages(gzipPerRecord: Bool) throws {
        let file = TemporaryFile(gzipPerRecord ? "crawl.warc.gz" : "crawl.warc")
        defer { file.cleanup() }
        let writer = try WARCWriter(path: file.path, gzipPerRecord: gzipPerRecord)
        let urls = try Self.writeCrawl(to: writer, pages: 5)
        try writer.close()

        let (documents, errors, statistics) = Self.read(file.path)
        #expect(errors.isEmpty)
        #expect(documents.map(\.url) == urls)
        #expect(documents.map(\.bytes) == (1...5).map(Self.page))
        #expect(documents.allSatisfy { $0.contentType == "text/html; charset=utf-8" })
        // warcinfo is record 1; each page is a request, a response and a metadata record.
        #expect(documents.map(\.source) == [2, 5, 8, 11, 14].map { "\(file.path)#record-\($0 + 1)" })
        #expect(documents.first?.fetchedAt == Self.date.addingTimeInterval(1))
        #expect(statistics.records == 1 + 5 * 3 + 2)
        #expect(statistics.documents == 5)
        #expect(statistics.skipped == 1 + 5 * 2 + 2)
        #expect(statistics.errors == 0)
    }

    @Test func aWholeFileGzipStreamReadsToo() throws {
        let plain = TemporaryFile("plain.warc")
        let compressed = TemporaryFile("whole.warc.gz")
        defer { plain.cleanup(); compressed.cleanup() }
        let writer = try WARCWriter(path: plain.path, gzipPerRecord: false)
        let urls = try Self.writeCrawl(to: writer, pages: 3)
        try writer.close()
        try Data(GzipCodec.compress(Array(try Data(contentsOf: URL(fileURLWithPath: plain.path))))).write(to: URL(fileURLWithPath: compressed.path))
        let (documents, errors, _) = Self.read(compressed.path)
        #expect(errors.isEmpty)
        #expect(documents.map(\.url) == urls)
    }

    @Test func chunkedAndGzipPayloadsAreDecoded() throws {
        let file = TemporaryFile("encoded.warc.gz")
        defer { file.cleanup() }
        let writer = try WARCWriter(path: file.path, gzipPerRecord: true)
        let html = Self.page(7)
        let gzipped = GzipCodec.compress(html)
        // Chunked in pieces of 10 bytes, with a chunk extension and a trailer.
        var chunked: [UInt8] = []
        var rest = gzipped[...]
        while !rest.isEmpty {
            let piece = rest.prefix(10)
            chunked += Array(String(piece.count, radix: 16).utf8) + Array(";ext=1\r\n".utf8) + piece + Array("\r\n".utf8)
            rest = rest.dropFirst(10)
        }
        chunked += Array("0\r\nX-Trailer: yes\r\n\r\n".utf8)
        try writer.writeResponse(targetURI: "https://news.example/chunked", date: Self.date,
                                 headers: [("Content-Type", "text/html"), ("Transfer-Encoding", "chunked"), ("Content-Encoding", "gzip")],
                                 body: chunked)
        try writer.writeResponse(targetURI: "https://news.example/gzip", date: Self.date,
                                 headers: [("Content-Type", "application/xhtml+xml"), ("Content-Encoding", "gzip")], body: gzipped)
        // A gzip bomb as a payload: 30 MB of spaces.
        let bomb = GzipCodec.compress([UInt8](repeating: 0x20, count: 30 << 20), level: 9)
        try writer.writeResponse(targetURI: "https://news.example/bomb", date: Self.date,
                                 headers: [("Content-Type", "text/html"), ("Content-Encoding", "gzip")], body: bomb)
        try writer.writeRecord(type: "resource", targetURI: "file:///notes.txt", date: Self.date, contentType: "text/plain",
                               block: Array("Plain notes.".utf8))
        try writer.close()

        let (documents, errors, _) = Self.read(file.path)
        #expect(documents.map(\.url) == ["https://news.example/chunked", "https://news.example/gzip", "file:///notes.txt"])
        #expect(documents[0].bytes == html)
        #expect(documents[1].bytes == html)
        #expect(documents[2].bytes == Array("Plain notes.".utf8))
        #expect(errors.count == 1)
        #expect(errors.first?.source == "\(file.path)#record-3")
        #expect(errors.first?.description.contains("decompresses to more than") == true)
    }

    @Test(arguments: [true, false])
    func aTruncatedLastRecordIsAnErrorAndTheRestIsRead(gzipPerRecord: Bool) throws {
        let file = TemporaryFile(gzipPerRecord ? "truncated.warc.gz" : "truncated.warc")
        defer { file.cleanup() }
        let writer = try WARCWriter(path: file.path, gzipPerRecord: gzipPerRecord)
        for number in 1...4 {
            try writer.writeResponse(targetURI: "https://news.example/\(number)", date: Self.date,
                                     headers: [("Content-Type", "text/html")], body: Self.page(number))
        }
        try writer.close()
        let size = try FileManager.default.attributesOfItem(atPath: file.path)[.size] as! Int
        let handle = try FileHandle(forWritingTo: URL(fileURLWithPath: file.path))
        try handle.truncate(atOffset: UInt64(size - 40))
        try handle.close()

        let (documents, errors, _) = Self.read(file.path)
        #expect(documents.map(\.url) == (1...3).map { "https://news.example/\($0)" })
        #expect(errors.count == 1)
        #expect(errors.first?.source == "\(file.path)#record-4")
    }

    @Test func aCorruptMiddleRecordInAPlainFileIsAnErrorAndTheOthersAreRead() throws {
        let file = TemporaryFile("corrupt.warc")
        defer { file.cleanup() }
        let writer = try WARCWriter(path: file.path, gzipPerRecord: false)
        for number in 1...5 {
            var record = WARCWriter.record(type: "response", targetURI: "https://news.example/\(number)", date: Self.date,
                                           contentType: "application/http; msgtype=response",
                                           block: Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8) + Self.page(number))
            if number == 2 {
                // A Content-Length far too large: the block would swallow the next records.
                let text = String(decoding: record, as: UTF8.self)
                record = Array(text.replacingOccurrences(of: "Content-Length: ", with: "Content-Length: 9").utf8)
            }
            if number == 4 {
                // Garbage where the version line should be.
                record.replaceSubrange(0..<8, with: Array("XXXX/9.9".utf8))
            }
            try writer.write(record)
        }
        try writer.close()

        let (documents, errors, _) = Self.read(file.path)
        #expect(documents.map(\.url) == ["https://news.example/1", "https://news.example/3", "https://news.example/5"])
        #expect(documents.map(\.bytes) == [1, 3, 5].map(Self.page))
        #expect(errors.count == 2)
        #expect(errors.first?.source == "\(file.path)#record-2")
        #expect(errors.allSatisfy { !$0.description.contains("\n") })
    }

    @Test func aCorruptGzipMemberIsAnErrorAndTheOthersAreRead() throws {
        let file = TemporaryFile("corrupt.warc.gz")
        defer { file.cleanup() }
        var members: [[UInt8]] = []
        for number in 1...5 {
            let record = WARCWriter.record(type: "response", targetURI: "https://news.example/\(number)", date: Self.date,
                                           contentType: "application/http; msgtype=response",
                                           block: Array("HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8) + Self.page(number))
            members.append(GzipCodec.compress(record))
        }
        // Flip bytes in the middle of the third member's deflate data.
        let middle = members[2].count / 2
        for offset in middle..<(middle + 8) { members[2][offset] ^= 0x5A }
        try Data(members.flatMap { $0 }).write(to: URL(fileURLWithPath: file.path))

        let (documents, errors, _) = Self.read(file.path)
        #expect(documents.map(\.url) == ["https://news.example/1", "https://news.example/2", "https://news.example/4", "https://news.example/5"])
        #expect(errors.count == 1)
        #expect(errors.first?.source == "\(file.path)#record-3")
    }

    @Test func anOversizedRecordIsSkippedWithAnError() throws {
        let file = TemporaryFile("large.warc.gz")
        defer { file.cleanup() }
        let writer = try WARCWriter(path: file.path, gzipPerRecord: true)
        try writer.writeResponse(targetURI: "https://news.example/1", date: Self.date, headers: [("Content-Type", "text/html")], body: Self.page(1))
        try writer.writeResponse(targetURI: "https://news.example/huge", date: Self.date, headers: [("Content-Type", "text/html")],
                                 body: [UInt8](repeating: 0x61, count: 3 << 20))
        try writer.writeResponse(targetURI: "https://news.example/3", date: Self.date, headers: [("Content-Type", "text/html")], body: Self.page(3))
        try writer.close()

        let (documents, errors, _) = Self.read(file.path, maximumRecordBytes: 1 << 20)
        #expect(documents.map(\.url) == ["https://news.example/1", "https://news.example/3"])
        #expect(errors.count == 1)
        let httpHeader = "HTTP/1.1 200 OK\r\nContent-Type: text/html\r\n\r\n".utf8.count
        #expect(errors.first?.reason == .tooLarge(bytes: (3 << 20) + httpHeader, limit: 1 << 20))
    }

    @Test func aMissingFileIsOneError() {
        let (documents, errors, _) = Self.read("/nonexistent/crawl.warc.gz")
        #expect(documents.isEmpty)
        #expect(errors == [ParallaxError(source: "/nonexistent/crawl.warc.gz", reason: .notFound)])
    }
}
