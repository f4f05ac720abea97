import Foundation
import ParallaxCore

/// Streams the documents of a WARC 1.0/1.1 file (plain, gzip per record as CC-NEWS
/// publishes, or one gzip stream) from disk with flat memory: one record at a time.
///
/// Yields a `RawDocument` for every `resource` record and every `response` record whose
/// HTTP status is 2xx and whose payload is HTML, XHTML or text (chunked transfer coding
/// and gzip/deflate content coding undone, with a cap). Other records (`request`,
/// `metadata`, `warcinfo`, `revisit`, images, redirects) are skipped. A truncated,
/// corrupt or oversized record becomes an error naming the file and record; the reader
/// then looks for the next `WARC/1.` header and goes on.
public struct WARCReader: Sequence {
    public let path: String
    /// A record whose block is larger is skipped with an error; also caps a decoded payload.
    public let maximumRecordBytes: Int

    public init(path: String, maximumRecordBytes: Int = SourceLimits.defaultMaximumWARCRecordBytes) {
        self.path = path
        self.maximumRecordBytes = maximumRecordBytes
    }

    /// True for the names WARC files go by: `.warc`, `.warc.gz`, `.arc.warc.gz` and the like.
    public static func isWARCPath(_ path: String) -> Bool {
        let name = path.lowercased()
        return name.hasSuffix(".warc") || name.hasSuffix(".warc.gz")
    }

    public func makeIterator() -> Iterator {
        Iterator(path: path, maximumRecordBytes: maximumRecordBytes)
    }

    /// Counts for `parallax warc stats` and progress reports.
    public struct Statistics: Sendable, Hashable {
        /// WARC records found (documents, skipped records and broken ones).
        public var records = 0
        public var documents = 0
        public var errors = 0
        /// Records that are not documents (requests, metadata, images, redirects…).
        public var skipped = 0
        /// Bytes read from the file (compressed size for a .warc.gz).
        public var fileBytes = 0
        /// Bytes after decompression of the file (WARC records as written).
        public var warcBytes = 0
    }

    public struct Iterator: IteratorProtocol {
        public private(set) var statistics = Statistics()

        private let path: String
        private let maximumRecordBytes: Int
        private var input: WARCInput?
        private var openError: ParallaxError?
        private var parser = RecordParser()
        private var finished = false

        init(path: String, maximumRecordBytes: Int) {
            self.path = path
            self.maximumRecordBytes = maximumRecordBytes
            do {
                input = try WARCInput(path: path)
            } catch {
                openError = ParallaxError(source: path, reason: FileManager.default.fileExists(atPath: path) ? .unreadable(error.reason) : .notFound)
            }
        }

        public mutating func next() -> Result<RawDocument, ParallaxError>? {
            if let openError {
                self.openError = nil
                finished = true
                statistics.errors += 1
                return .failure(openError)
            }
            guard !finished, let input else { return nil }
            while true {
                let step = parser.nextRecord(from: input, maximumBlockBytes: maximumRecordBytes)
                statistics.fileBytes = input.bytesRead
                statistics.warcBytes = parser.bytesSeen
                switch step {
                case .end:
                    finished = true
                    return nil
                case .failure(let number, let reason):
                    statistics.records += 1
                    statistics.errors += 1
                    return .failure(ParallaxError(source: source(number), reason: reason))
                case .record(let number, let record):
                    statistics.records += 1
                    switch WARCPayload.document(from: record, source: source(number), maximumBytes: maximumRecordBytes) {
                    case .skip:
                        statistics.skipped += 1
                    case .document(let document):
                        statistics.documents += 1
                        return .success(document)
                    case .failure(let error):
                        statistics.errors += 1
                        return .failure(error)
                    }
                }
            }
        }

        private func source(_ number: Int) -> String { "\(path)#record-\(number)" }
    }
}

/// One WARC record: its named fields and its block.
struct WARCRecord {
    /// Field names lowercased; a repeated field keeps its first value.
    var fields: [String: String]
    var block: ArraySlice<UInt8>

    var type: String { fields["warc-type"]?.lowercased() ?? "" }
}

/// Splits the decompressed byte stream into records and resynchronises after damage.
struct RecordParser {
    enum Step {
        case record(number: Int, WARCRecord)
        case failure(number: Int, ParallaxError.Reason)
        case end
    }

    private static let magic = Array("WARC/1.".utf8)
    private static let headerEnd = Array("\r\n\r\n".utf8)

    private var buffer: [UInt8] = []
    private var position = 0
    /// Where the open gzip member's bytes start in `buffer` (nil when no member is open).
    private var memberStart: Int?
    private var inputEnded = false
    /// A gzip member broke since the last record started.
    private var damage: String?
    /// Bytes of an oversized block still to discard.
    private var skipRemaining = 0
    private var recordCount = 0
    /// Decompressed bytes taken from the input.
    private(set) var bytesSeen = 0

    mutating func nextRecord(from input: WARCInput, maximumBlockBytes: Int) -> Step {
        while true {
            if skipRemaining > 0 {
                discardSkipped(from: input)
                continue
            }
            if let damage = takeDamage() { return damaged(damage) }
            skipLineBreaks()
            guard ensure(Self.magic.count, from: input) else {
                if let damage = takeDamage() { return damaged(damage) }
                guard position < buffer.count else { return .end }
                // Fewer bytes than a header's first line are left.
                position = buffer.count
                recordCount += 1
                return .failure(number: recordCount, .invalidInput("truncated WARC record at the end of the file"))
            }
            guard starts(with: Self.magic, at: position) else {
                let skipped = resynchronise(from: input)
                recordCount += 1
                return .failure(number: recordCount, .invalidInput("not a WARC record (\(skipped) bytes skipped to the next WARC/1. header)"))
            }
            recordCount += 1
            let number = recordCount
            guard let end = findHeaderEnd(from: input) else {
                if let damage = takeDamage() { return .failure(number: number, .invalidInput(damage)) }
                if inputEnded {
                    position = buffer.count
                    return .failure(number: number, .invalidInput("truncated WARC record (the header never ends)"))
                }
                position += Self.magic.count
                return .failure(number: number, .invalidInput("corrupt WARC header (longer than \(SourceLimits.maximumWARCHeaderBytes) bytes)"))
            }
            let fields = Self.parseFields(buffer[position..<end])
            let blockStart = end + Self.headerEnd.count
            guard let lengthText = fields["content-length"], let length = Int(lengthText), length >= 0 else {
                position = blockStart
                return .failure(number: number, .invalidInput("corrupt WARC header (no valid Content-Length)"))
            }
            if length > maximumBlockBytes {
                let available = min(buffer.count - blockStart, length)
                position = blockStart + available
                skipRemaining = length - available
                return .failure(number: number, .tooLarge(bytes: length, limit: maximumBlockBytes))
            }
            // Keep the offsets relative to the record start: filling may compact the buffer.
            let headerOffset = blockStart - position
            let complete = ensure(headerOffset + length + Self.headerEnd.count, from: input)
            if let damage = takeDamage() { return .failure(number: number, .invalidInput(damage)) }
            let start = position + headerOffset
            let available = buffer.count - start
            let blockEnd = start + length
            // Two CRLFs end every record; a file may stop right after the block.
            let endsWell = available >= length && (complete ? starts(with: Self.headerEnd, at: blockEnd) : buffer.count == blockEnd)
            guard endsWell else {
                // Either the file stops inside the block, or the length is wrong and the
                // block runs into the next record: look for that record from this header on.
                position = start
                _ = resynchronise(from: input)
                if position < buffer.count {
                    return .failure(number: number, .invalidInput("corrupt WARC record (Content-Length \(length) does not end at the record's end)"))
                }
                return .failure(number: number, .invalidInput("truncated WARC record (\(min(available, length)) of \(length) bytes)"))
            }
            position = min(blockEnd + Self.headerEnd.count, buffer.count)
            return .record(number: number, WARCRecord(fields: fields, block: buffer[start..<blockEnd]))
        }
    }

    private mutating func takeDamage() -> String? {
        defer { damage = nil }
        return damage
    }

    /// An error for a record lost inside a broken gzip member.
    private mutating func damaged(_ why: String) -> Step {
        recordCount += 1
        return .failure(number: recordCount, .invalidInput(why))
    }

    private mutating func skipLineBreaks() {
        while position < buffer.count, buffer[position] == 0x0D || buffer[position] == 0x0A { position += 1 }
    }

    private func starts(with pattern: [UInt8], at index: Int) -> Bool {
        index + pattern.count <= buffer.count && buffer[index..<(index + pattern.count)].elementsEqual(pattern)
    }

    /// Reads until at least `count` bytes are available from `position`; false when the
    /// input ends (or a gzip member breaks) first.
    private mutating func ensure(_ count: Int, from input: WARCInput) -> Bool {
        while buffer.count - position < count {
            guard fill(from: input) else { return false }
        }
        return true
    }

    /// Appends one more chunk of input; false at the end of the input or when a gzip member
    /// broke (then its bytes are gone from the buffer and `damage` says why).
    private mutating func fill(from input: WARCInput) -> Bool {
        guard !inputEnded, damage == nil else { return false }
        compact()
        let before = buffer.count
        let event = input.read(into: &buffer)
        bytesSeen += buffer.count - before
        switch event {
        case .data(let endsMember):
            if input.isGzip, memberStart == nil { memberStart = before }
            if endsMember { memberStart = nil }
            return true
        case .corrupt(let why):
            // Drop what the broken member produced; bytes of earlier members stay.
            let cut = max(memberStart ?? buffer.count, position)
            bytesSeen -= buffer.count - cut
            buffer.removeSubrange(cut...)
            memberStart = nil
            damage = why
            // A broken member mid-record takes the record with it.
            position = buffer.count
            return false
        case .end:
            inputEnded = true
            return false
        }
    }

    /// Drops consumed bytes once they are most of the buffer (amortised: each byte moves
    /// at most a few times).
    private mutating func compact() {
        guard position > 0, position >= buffer.count / 2 else { return }
        buffer.removeFirst(position)
        if let start = memberStart { memberStart = max(0, start - position) }
        position = 0
    }

    /// The index of the `\r\n\r\n` that ends the header at `position`, reading more as
    /// needed; nil when the header is longer than the limit or the input ends first.
    private mutating func findHeaderEnd(from input: WARCInput) -> Int? {
        var searched = position
        while true {
            if let end = Self.find(Self.headerEnd, in: buffer, from: searched, to: min(buffer.count, position + SourceLimits.maximumWARCHeaderBytes)) {
                return end
            }
            if buffer.count - position >= SourceLimits.maximumWARCHeaderBytes { return nil }
            let offset = max(position, buffer.count - Self.headerEnd.count) - position
            guard fill(from: input) else { return nil }
            searched = position + offset
        }
    }

    /// Skips to the next `WARC/1.` header; returns how many bytes were skipped.
    private mutating func resynchronise(from input: WARCInput) -> Int {
        var skipped = 0
        while true {
            if let found = Self.find(Self.magic, in: buffer, from: position + 1, to: buffer.count) {
                skipped += found - position
                position = found
                return skipped
            }
            let keep = min(buffer.count - position, Self.magic.count - 1)
            skipped += buffer.count - position - keep
            position = buffer.count - keep
            guard fill(from: input) else {
                if damage == nil {
                    skipped += buffer.count - position
                    position = buffer.count
                }
                return skipped
            }
        }
    }

    private mutating func discardSkipped(from input: WARCInput) {
        let available = min(buffer.count - position, skipRemaining)
        position += available
        skipRemaining -= available
        if skipRemaining > 0, !fill(from: input) {
            // The input ended or broke inside the oversized block: nothing left to skip.
            skipRemaining = 0
        }
    }

    static func find(_ needle: [UInt8], in haystack: [UInt8], from start: Int, to end: Int) -> Int? {
        guard end - start >= needle.count else { return nil }
        return ByteSearch.find(needle, in: haystack[start..<end])
    }

    /// `Name: value` lines after the version line; continuation lines (leading white
    /// space) extend the previous value. Works on bytes: this runs for every record and
    /// every HTTP header, and Foundation's trimming costs more than the rest of the read.
    static func parseFields(_ header: ArraySlice<UInt8>) -> [String: String] {
        var fields: [String: String] = [:]
        var lastName: String?
        for line in header.split(separator: 0x0A, omittingEmptySubsequences: true).dropFirst() {
            if let first = line.first, first == 0x20 || first == 0x09 {
                if let name = lastName { fields[name, default: ""] += " " + String(decoding: trimmed(line), as: UTF8.self) }
                continue
            }
            guard let colon = line.firstIndex(of: UInt8(ascii: ":")) else { continue }
            let name = String(decoding: trimmed(line[..<colon]).map { $0 >= 0x41 && $0 <= 0x5A ? $0 + 32 : $0 }, as: UTF8.self)
            if fields[name] == nil { fields[name] = String(decoding: trimmed(line[(colon + 1)...]), as: UTF8.self) }
            lastName = name
        }
        return fields
    }

    /// Without leading and trailing spaces, tabs and carriage returns.
    static func trimmed(_ bytes: ArraySlice<UInt8>) -> ArraySlice<UInt8> {
        var slice = bytes
        while let first = slice.first, first == 0x20 || first == 0x09 || first == 0x0D { slice.removeFirst() }
        while let last = slice.last, last == 0x20 || last == 0x09 || last == 0x0D { slice.removeLast() }
        return slice
    }
}
