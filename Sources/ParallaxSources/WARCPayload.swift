import Foundation
import ParallaxCore

/// Turns a WARC record into the document it carries, if it carries one.
enum WARCPayload {
    enum Outcome {
        case document(RawDocument)
        /// Not an article: a request, metadata, an image, a redirect…
        case skip
        case failure(ParallaxError)
    }

    /// Content types (without parameters) that are article documents.
    static let documentTypes: Set<String> = ["text/html", "application/xhtml+xml", "text/plain"]
    /// Record types that carry a document.
    static let documentRecordTypes: Set<String> = ["response", "resource"]

    static func document(from record: WARCRecord, source: String, maximumBytes: Int) -> Outcome {
        guard documentRecordTypes.contains(record.type) else { return .skip }
        let url = record.fields["warc-target-uri"].map(stripAngleBrackets)
        let fetchedAt = record.fields["warc-date"].flatMap(FeedDates.parse)
        let blockType = record.fields["content-type"]?.lowercased() ?? ""
        var payload = Array(record.block)
        var contentType = record.fields["content-type"]
        if record.type == "response" {
            // A response to a non-HTTP request (dns:, ftp:) has no page to read.
            guard blockType.hasPrefix("application/http") || record.block.starts(with: Array("HTTP/".utf8)) else { return .skip }
            let response: HTTPResponse
            do throws(HTTPResponse.Failure) {
                response = try HTTPResponse(record.block)
            } catch {
                return .failure(ParallaxError(source: source, reason: .invalidInput("corrupt HTTP response (\(error.why))")))
            }
            guard (200..<300).contains(response.status) else { return .skip }
            contentType = response.headers["content-type"]
            guard isDocument(contentType: contentType, body: response.body) else { return .skip }
            do throws(HTTPResponse.Failure) {
                payload = try response.decodedBody(maximumBytes: maximumBytes)
            } catch {
                return .failure(ParallaxError(source: source, reason: .invalidInput(error.why)))
            }
        } else {
            guard isDocument(contentType: contentType, body: record.block) else { return .skip }
        }
        if contentType == nil { contentType = "text/html" }
        return .document(RawDocument(source: source, bytes: payload, url: url, contentType: contentType, fetchedAt: fetchedAt))
    }

    /// HTML, XHTML or text by its content type; without one, by how the body starts.
    static func isDocument<C: Collection<UInt8>>(contentType: String?, body: C) -> Bool {
        if let contentType {
            let type = contentType.split(separator: ";").first.map { $0.trimmingCharacters(in: .whitespaces).lowercased() } ?? ""
            return documentTypes.contains(type)
        }
        let head = String(decoding: body.prefix(512), as: UTF8.self).lowercased()
        return head.contains("<html") || head.contains("<!doctype html")
    }

    /// WARC 1.0's grammar put the URI in angle brackets and some writers still do.
    private static func stripAngleBrackets(_ uri: String) -> String {
        uri.hasPrefix("<") && uri.hasSuffix(">") ? String(uri.dropFirst().dropLast()) : uri
    }
}

/// An HTTP/1.x response as a WARC `response` record stores it.
struct HTTPResponse {
    struct Failure: Error {
        var why: String
    }

    var status: Int
    /// Names lowercased; a repeated header keeps its first value.
    var headers: [String: String]
    var body: ArraySlice<UInt8>

    init(_ block: ArraySlice<UInt8>) throws(Failure) {
        // Headers end at CRLF CRLF (or a bare LF LF from sloppy servers).
        let head = block.prefix(SourceLimits.maximumWARCHeaderBytes)
        let crlf = ByteSearch.find(Array("\r\n\r\n".utf8), in: head)
        let lf = crlf == nil ? ByteSearch.find([0x0A, 0x0A], in: head) : nil
        guard let headerEnd = crlf ?? lf else { throw Failure(why: "the HTTP headers never end") }
        let header = block[block.startIndex..<headerEnd]
        guard let firstLine = header.split(separator: 0x0A).first else { throw Failure(why: "no status line") }
        let statusParts = String(decoding: firstLine, as: UTF8.self).split(separator: " ")
        guard statusParts.count >= 2, statusParts[0].hasPrefix("HTTP/"), let status = Int(statusParts[1]) else {
            throw Failure(why: "bad status line")
        }
        self.status = status
        headers = RecordParser.parseFields(header)
        body = block[(headerEnd + (crlf != nil ? 4 : 2))...]
    }

    /// The body with its transfer coding (chunked) and content coding (gzip, deflate)
    /// undone; at most `maximumBytes`.
    func decodedBody(maximumBytes: Int) throws(Failure) -> [UInt8] {
        var bytes = Array(body)
        if headers["transfer-encoding"]?.lowercased().contains("chunked") == true {
            bytes = try Self.dechunk(bytes)
        }
        let encoding = headers["content-encoding"]?.lowercased().trimmingCharacters(in: .whitespaces) ?? ""
        switch encoding {
        case "", "identity", "none", "utf-8", "utf8":
            return bytes
        case "gzip", "x-gzip", "deflate":
            // Archivers often store the decoded payload but keep the header: trust the bytes.
            let framing: GzipCodec.Framing
            if GzipCodec.isGzip(bytes) { framing = .gzip } else if encoding == "deflate" { framing = Self.isZlib(bytes) ? .zlibOrGzip : .rawDeflate } else { return bytes }
            do {
                return try GzipCodec.inflate(bytes, framing: framing, limit: maximumBytes, allMembers: true)
            } catch {
                throw Failure(why: "\(encoding) payload \(error)")
            }
        default:
            throw Failure(why: "unsupported content encoding \(encoding)")
        }
    }

    private static func isZlib(_ bytes: [UInt8]) -> Bool {
        bytes.count >= 2 && bytes[0] & 0x0F == 8 && (UInt16(bytes[0]) << 8 | UInt16(bytes[1])) % 31 == 0
    }

    /// Undoes `Transfer-Encoding: chunked`: hex sizes (extensions after `;` ignored),
    /// each chunk followed by CRLF, ending at a zero-size chunk (trailers ignored).
    static func dechunk(_ bytes: [UInt8]) throws(Failure) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count)
        var index = 0
        while true {
            guard let lineEnd = bytes[index...].firstIndex(of: 0x0A) else { throw Failure(why: "chunked payload ends without a last chunk") }
            let line = String(decoding: bytes[index..<lineEnd], as: UTF8.self)
            let sizeText = line.split(separator: ";", maxSplits: 1).first.map { $0.trimmingCharacters(in: .whitespacesAndNewlines) } ?? ""
            guard sizeText.count <= 8, let size = Int(sizeText, radix: 16) else { throw Failure(why: "bad chunk size \"\(sizeText.prefix(20))\"") }
            index = lineEnd + 1
            if size == 0 { return output }
            guard index + size <= bytes.count else { throw Failure(why: "chunked payload is truncated") }
            output.append(contentsOf: bytes[index..<(index + size)])
            index += size
            // The CRLF after the chunk data.
            if index < bytes.count, bytes[index] == 0x0D { index += 1 }
            if index < bytes.count, bytes[index] == 0x0A { index += 1 }
        }
    }
}
