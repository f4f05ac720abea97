import Foundation
import ParallaxCore

/// Writes WARC 1.1 files: `response` records with an HTTP payload, and any other record
/// type, plain or each record its own gzip member (as CC-NEWS publishes). Small on
/// purpose: for tests, benchmarks and batch jobs that produce archives.
public final class WARCWriter {
    private let handle: FileHandle
    public let gzipPerRecord: Bool

    /// Creates (or truncates) the file at `path`.
    public init(path: String, gzipPerRecord: Bool) throws {
        guard FileManager.default.createFile(atPath: path, contents: nil) else {
            throw CocoaError(.fileWriteUnknown, userInfo: [NSFilePathErrorKey: path])
        }
        handle = try FileHandle(forWritingTo: URL(fileURLWithPath: path))
        self.gzipPerRecord = gzipPerRecord
    }

    deinit { try? handle.close() }

    public func close() throws { try handle.close() }

    /// A `response` record: an HTTP/1.1 status line, `headers` and `body` exactly as given
    /// (encode the body yourself when a header says chunked or gzip).
    public func writeResponse(
        targetURI: String, date: Date, status: Int = 200, headers: [(String, String)], body: [UInt8]
    ) throws {
        var http = "HTTP/1.1 \(status) \(Self.reasonPhrase(status))\r\n"
        for (name, value) in headers { http += "\(name): \(value)\r\n" }
        http += "\r\n"
        try writeRecord(type: "response", targetURI: targetURI, date: date,
                        contentType: "application/http; msgtype=response", block: Array(http.utf8) + body)
    }

    /// Any record; `extraFields` come after the standard ones.
    public func writeRecord(
        type: String, targetURI: String?, date: Date, contentType: String?, block: [UInt8],
        extraFields: [(String, String)] = []
    ) throws {
        try write(Self.record(type: type, targetURI: targetURI, date: date, contentType: contentType, block: block, extraFields: extraFields))
    }

    /// Bytes as they are (one gzip member of them when compressing): for writing damaged
    /// records on purpose.
    public func write(_ bytes: [UInt8]) throws {
        try handle.write(contentsOf: gzipPerRecord ? GzipCodec.compress(bytes) : bytes)
    }

    /// One serialised record: version line, fields, blank line, block, two CRLFs.
    public static func record(
        type: String, targetURI: String?, date: Date, contentType: String?, block: [UInt8],
        extraFields: [(String, String)] = []
    ) -> [UInt8] {
        var fields: [(String, String)] = [
            ("WARC-Type", type),
            ("WARC-Record-ID", "<urn:uuid:\(UUID().uuidString.lowercased())>"),
            ("WARC-Date", timestamp(date)),
        ]
        if let targetURI { fields.append(("WARC-Target-URI", targetURI)) }
        if let contentType { fields.append(("Content-Type", contentType)) }
        fields += extraFields
        fields.append(("Content-Length", String(block.count)))
        var header = "WARC/1.1\r\n"
        for (name, value) in fields { header += "\(name): \(value)\r\n" }
        header += "\r\n"
        return Array(header.utf8) + block + Array("\r\n\r\n".utf8)
    }

    /// `2026-02-04T10:00:00Z`, the WARC-Date form.
    static func timestamp(_ date: Date) -> String {
        let seconds = Int(date.timeIntervalSince1970.rounded(.down))
        let days = seconds >= 0 ? seconds / 86_400 : (seconds - 86_399) / 86_400
        let secondOfDay = seconds - days * 86_400
        let civil = CalendarDay(ordinal: days)
        let (year, month, day) = (civil.year, civil.month, civil.day)
        return String(format: "%04d-%02d-%02dT%02d:%02d:%02dZ", year, month, day,
                      secondOfDay / 3600, secondOfDay % 3600 / 60, secondOfDay % 60)
    }

    private static func reasonPhrase(_ status: Int) -> String {
        switch status {
        case 200: return "OK"
        case 301: return "Moved Permanently"
        case 302: return "Found"
        case 304: return "Not Modified"
        case 404: return "Not Found"
        case 500: return "Internal Server Error"
        default: return "Status"
        }
    }
}
