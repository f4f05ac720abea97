import Foundation
import ParallaxCluster
import ParallaxCore
import ParallaxExtract
import ParallaxSources

/// The inputs of an ingest, one article at a time: files, directories (expanded
/// recursively, sorted, hidden entries skipped), `-` for standard input, and JSON Lines
/// files with one article a line (Parallax's own shape or news-please's), and WARC archives
/// (`.warc`, `.warc.gz`; one document per HTML/text response). Lazy, so a large directory,
/// JSON Lines file or archive is never held in memory whole.
///
/// Standard input is a JSON Lines stream when its first non-blank byte is `{` (no article
/// page or text starts so), else one document.
struct IngestInputs: Sequence, IteratorProtocol {
    enum Item {
        /// A document to extract.
        case document(Result<RawDocument, ParallaxError>)
        /// An article given as a JSON Lines record (no extraction needed).
        case record(Result<Article, ParallaxError>)
    }

    /// File name endings of JSON Lines files.
    static let jsonLinesExtensions: Set<String> = ["jsonl", "ndjson"]
    /// A directory expands to the article files `extract` reads, plus JSON Lines and WARC files.
    static let directoryExtensions = BoilerplateRules.directoryExtensions.union(jsonLinesExtensions).union(["warc"])

    private enum Pending {
        case argument(String)
        case file(String)
    }

    private let reader: DocumentReader
    /// Still to read, last first.
    private var pending: [Pending]
    /// The JSON Lines input being read.
    private var lines: (name: String, splitter: LineSplitter)?
    /// The WARC archive being read.
    private var archive: WARCReader.Iterator?

    init(_ inputs: [String], reader: DocumentReader) {
        self.reader = reader
        pending = inputs.reversed().map(Pending.argument)
    }

    mutating func next() -> Item? {
        while true {
            if archive != nil {
                if let document = archive?.next() { return .document(document) }
                archive = nil
            }
            if let (name, current) = lines {
                var splitter = current
                let line = splitter.next()
                lines = line == nil ? nil : (name, splitter)
                if let line {
                    if let item = IngestInputs.record(line, input: name) { return item }
                    continue
                }
                if let error = splitter.error { return .record(.failure(ParallaxError(source: name, reason: .unreadable(error)))) }
            }
            guard let input = pending.popLast() else { return nil }
            switch input {
            case .argument("-"):
                var splitter = LineSplitter(handle: .standardInput)
                if splitter.firstNonBlankByte() == UInt8(ascii: "{") {
                    lines = ("-", splitter)
                    continue
                }
                guard let bytes = splitter.remainingBytes(limit: reader.maxBytes) else {
                    return .document(.failure(ParallaxError(source: "-", reason: .tooLarge(bytes: reader.maxBytes + 1, limit: reader.maxBytes))))
                }
                return .document(reader.document(source: "-", bytes: bytes))
            case .argument(let path):
                var isDirectory: ObjCBool = false
                guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                    return .document(.failure(ParallaxError(source: path, reason: .notFound)))
                }
                if isDirectory.boolValue {
                    pending.append(contentsOf: DocumentReader.articleFiles(in: path, extensions: IngestInputs.directoryExtensions)
                        .reversed().map(Pending.file))
                    continue
                }
                pending.append(.file(path))
            case .file(let path):
                if WARCReader.isWARCPath(path) {
                    archive = WARCReader(path: path).makeIterator()
                    continue
                }
                guard IngestInputs.isJSONLines(path) else { return .document(reader.read([path])[0]) }
                guard let handle = FileHandle(forReadingAtPath: path) else {
                    return .record(.failure(ParallaxError(source: path, reason: .unreadable("cannot open"))))
                }
                lines = (path, LineSplitter(handle: handle))
            }
        }
    }

    static func isJSONLines(_ path: String) -> Bool {
        jsonLinesExtensions.contains(URL(fileURLWithPath: path).pathExtension.lowercased())
    }

    /// One JSON Lines record `{"id", "title"?, "text", "lang"?, "published"?, "url"?}` as an
    /// article whose source is `<input>#<id>`; nil for a blank line; errors name `<input>:<line>`.
    static func record(_ line: LineSplitter.Line, input: String) -> Item? {
        do throws(RecordError) {
            guard let record = try JSONRecord.parse(Data(line.bytes)) else { return nil }
            if NewsPleaseRecord.distinctiveFields.contains(where: { (try? record.string($0)) != nil }) {
                return newsPleaseRecord(line, input: input)
            }
            let id = try record.required("id")
            let language = try record.string("lang").flatMap { $0.isEmpty ? nil : $0 }
            let article = Article(source: input + "#" + id, url: try record.string("url"), title: try record.string("title") ?? "",
                                  paragraphs: paragraphs(try record.text("text")), published: try record.date("published"),
                                  language: language)
            return .record(.success(article))
        } catch {
            return .record(.failure(error.at("\(input):\(line.number)")))
        }
    }

    /// A news-please record as an article whose source is `<input>#<url>` (`<input>:<line>`
    /// without a URL).
    static func newsPleaseRecord(_ line: LineSplitter.Line, input: String) -> Item {
        let location = "\(input):\(line.number)"
        do throws(ParallaxError) {
            let record = try NewsPleaseRecord.decode(Data(line.bytes), source: location)
            let source = record.url.map { input + "#" + $0 } ?? location
            return .record(.success(try record.article(source: source)))
        } catch {
            return .record(.failure(ParallaxError(source: location, reason: error.reason)))
        }
    }

    /// Paragraphs are separated by blank lines; the lines of one paragraph are joined by a space.
    static func paragraphs(_ text: String) -> [String] {
        var paragraphs: [String] = []
        var current: [Substring] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) {
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            if trimmed.isEmpty {
                if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
                current.removeAll()
            } else {
                current.append(Substring(trimmed))
            }
        }
        if !current.isEmpty { paragraphs.append(current.joined(separator: " ")) }
        return paragraphs
    }
}

/// Lines of a file or pipe, read in chunks (memory holds one chunk and one line).
struct LineSplitter {
    struct Line {
        /// 1-based.
        var number: Int
        var bytes: ArraySlice<UInt8>
    }

    private let handle: FileHandle
    private var buffer: [UInt8] = []
    private var start = 0
    private var number = 0
    private var finished = false
    /// Why reading stopped early, if it did.
    private(set) var error: String?

    static let chunkSize = 1 << 20

    init(handle: FileHandle) { self.handle = handle }

    mutating func next() -> Line? {
        var scanned = start
        while true {
            if let newline = buffer[scanned...].firstIndex(of: UInt8(ascii: "\n")) {
                number += 1
                defer { start = newline + 1 }
                return Line(number: number, bytes: buffer[start..<newline])
            }
            if finished {
                guard start < buffer.count else { return nil }
                number += 1
                defer { start = buffer.count }
                return Line(number: number, bytes: buffer[start...])
            }
            buffer.removeFirst(start)
            start = 0
            scanned = buffer.count
            readChunk()
        }
    }

    /// Reads until a byte that is not white space arrives (or the input ends) and returns
    /// it, consuming nothing: the lines still start at the beginning.
    mutating func firstNonBlankByte() -> UInt8? {
        var scanned = start
        while true {
            if let byte = buffer[scanned...].first(where: { !($0 == 0x20 || $0 == 0x09 || $0 == 0x0A || $0 == 0x0D) }) { return byte }
            if finished { return nil }
            scanned = buffer.count
            readChunk()
        }
    }

    /// Everything not yet returned, or nil when it exceeds `limit` bytes.
    mutating func remainingBytes(limit: Int) -> [UInt8]? {
        while !finished {
            if buffer.count - start > limit { return nil }
            readChunk()
        }
        return buffer.count - start > limit ? nil : Array(buffer[start...])
    }

    private mutating func readChunk() {
        do {
            if let chunk = try handle.read(upToCount: LineSplitter.chunkSize), !chunk.isEmpty {
                buffer.append(contentsOf: chunk)
            } else {
                finished = true
            }
        } catch {
            self.error = (error as NSError).localizedDescription.split(separator: "\n").first.map(String.init) ?? "read error"
            finished = true
        }
    }
}
