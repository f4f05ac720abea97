import Foundation

/// Bytes as they arrived, before anything is decoded or parsed.
///
/// A reader (file, directory, stdin, later HTTP and WARC) produces these; the extractor
/// turns one into an `Article`. Nothing here is trusted: the bytes may be binary, in any
/// charset, or empty.
public struct RawDocument: Sendable, Hashable {
    /// What the user named: a path, a URL, `-` for stdin, or `archive.warc#record-7`.
    public var source: String
    public var bytes: [UInt8]
    /// The URL the document was fetched from, when known (HTTP, WARC, feeds).
    public var url: String?
    /// `text/html; charset=…` or similar, from HTTP or guessed from the file name.
    public var contentType: String?
    public var fetchedAt: Date?

    public init(source: String, bytes: [UInt8], url: String? = nil, contentType: String? = nil, fetchedAt: Date? = nil) {
        self.source = source
        self.bytes = bytes
        self.url = url
        self.contentType = contentType
        self.fetchedAt = fetchedAt
    }
}
