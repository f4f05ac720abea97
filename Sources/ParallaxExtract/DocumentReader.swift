import Foundation
import ParallaxCore
import ParallaxSources
#if canImport(Glibc)
import Glibc
#endif

/// Reads files, directories (recursively) and `-` (stdin) into RawDocuments.
///
/// Every input is untrusted: each problem (missing, unreadable, empty, binary, too large,
/// broken gzip) becomes one `ParallaxError` naming the input, in the input's place, and
/// the rest of the batch goes on.
public struct DocumentReader: Sendable {
    /// Largest document accepted, after gunzipping.
    public var maxBytes: Int

    public static let defaultMaxBytes = 50 * 1024 * 1024

    public init(maxBytes: Int = DocumentReader.defaultMaxBytes) {
        self.maxBytes = maxBytes
    }

    /// One result per document found, in the order given; directories expand to their
    /// article files, sorted by path, hidden files and folders skipped.
    public func read(_ paths: [String]) -> [Result<RawDocument, ParallaxError>] {
        Array(documents(paths))
    }

    /// `read`, one document at a time: each file is read when the sequence reaches it, so
    /// a large folder is never all in memory at once.
    public func documents(_ paths: [String]) -> LazyMapSequence<[Input], Result<RawDocument, ParallaxError>> {
        var inputs: [Input] = []
        for path in paths {
            if path == "-" {
                inputs.append(.standardInput)
                continue
            }
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                inputs.append(.missing(path))
                continue
            }
            if isDirectory.boolValue {
                inputs.append(contentsOf: Self.articleFiles(in: path).map(Input.file))
            } else {
                inputs.append(.file(path))
            }
        }
        return inputs.lazy.map { input in
            switch input {
            case .standardInput: readStandardInput()
            case .file(let path): readFile(path)
            case .missing(let path): .failure(ParallaxError(source: path, reason: .notFound))
            }
        }
    }

    /// One input named on the command line or found in a folder, not yet read.
    public enum Input: Sendable {
        case standardInput
        case file(String)
        case missing(String)
    }

    /// One document from bytes already in memory (stdin, HTTP bodies, archive records).
    public func document(source: String, bytes: [UInt8], url: String? = nil, contentType: String? = nil) -> Result<RawDocument, ParallaxError> {
        var bytes = bytes
        var name = source
        if GzipCodec.isGzip(bytes) {
            do throws(GzipCodec.Failure) {
                bytes = try GzipCodec.decompress(bytes, limit: maxBytes)
            } catch {
                let reason: ParallaxError.Reason = switch error {
                case .tooLarge: .tooLarge(bytes: maxBytes + 1, limit: maxBytes)
                case .truncated: .invalidInput("gzip data is truncated")
                case .corrupt(let why): .invalidInput("gzip data is corrupt (\(why))")
                }
                return .failure(ParallaxError(source: source, reason: reason))
            }
            if name.lowercased().hasSuffix(".gz") { name = String(name.dropLast(3)) }
        }
        guard bytes.count <= maxBytes else {
            return .failure(ParallaxError(source: source, reason: .tooLarge(bytes: bytes.count, limit: maxBytes)))
        }
        guard bytes.contains(where: { !ContentSniffer.isWhitespace($0) }) else {
            return .failure(ParallaxError(source: source, reason: .empty))
        }
        guard !ContentSniffer.looksBinary(bytes) else {
            return .failure(ParallaxError(source: source, reason: .binary))
        }
        let type = contentType ?? ContentSniffer.contentType(fileName: name, bytes: bytes)
        return .success(RawDocument(source: source, bytes: bytes, url: url, contentType: type))
    }

    private func readFile(_ path: String) -> Result<RawDocument, ParallaxError> {
        // POSIX calls: FileManager's attributes and FileHandle's chunks as Data cost more
        // than reading a typical page.
        let descriptor = open(path, O_RDONLY | O_CLOEXEC)
        guard descriptor >= 0 else {
            let code = errno
            if code == ENOENT || code == ENOTDIR { return .failure(ParallaxError(source: path, reason: .notFound)) }
            let why = code == EACCES ? "permission denied" : String(cString: strerror(code))
            return .failure(ParallaxError(source: path, reason: .unreadable(why)))
        }
        defer { close(descriptor) }
        var status = stat()
        // A compressed file is checked after gunzipping; its own size may be much smaller.
        let size = fstat(descriptor, &status) == 0 && (status.st_mode & S_IFMT) == S_IFREG ? Int(status.st_size) : nil
        if let size, size > maxBytes {
            return .failure(ParallaxError(source: path, reason: .tooLarge(bytes: size, limit: maxBytes)))
        }
        return readCapped(descriptor, source: path, expectedSize: size).flatMap { document(source: path, bytes: $0) }
    }

    private func readStandardInput() -> Result<RawDocument, ParallaxError> {
        readCapped(STDIN_FILENO, source: "-", expectedSize: nil).flatMap { document(source: "-", bytes: $0) }
    }

    /// Reads a file or pipe to its end in chunks, stopping one byte past the limit: a file
    /// that grew, an endless pipe or a device cannot exhaust memory.
    private func readCapped(_ descriptor: Int32, source: String, expectedSize: Int?) -> Result<[UInt8], ParallaxError> {
        var bytes: [UInt8] = []
        let limit = maxBytes + 1
        bytes.reserveCapacity(min(limit, (expectedSize ?? 0) + 1))
        var chunk = [UInt8](repeating: 0, count: 1 << 16)
        while bytes.count < limit {
            let count = chunk.withUnsafeMutableBytes { Glibc.read(descriptor, $0.baseAddress, min($0.count, limit - bytes.count)) }
            if count == 0 { break }
            if count < 0 {
                if errno == EINTR { continue }
                return .failure(ParallaxError(source: source, reason: .unreadable(String(cString: strerror(errno)))))
            }
            bytes.append(contentsOf: chunk[..<count])
        }
        if bytes.count > maxBytes {
            return .failure(ParallaxError(source: source, reason: .tooLarge(bytes: bytes.count, limit: maxBytes)))
        }
        return .success(bytes)
    }

    /// Article files under `directory`, sorted by path; hidden entries are skipped. A file
    /// counts when its extension (after any `.gz`) is one of `extensions`: by default the
    /// pages and plain-text files of `BoilerplateRules.directoryExtensions`, so READMEs,
    /// data and images in a folder are not taken for articles. Symbolic links to files and
    /// folders are followed (a folder of links into a crawl is common); each real folder is
    /// walked once, so a link back up the tree cannot loop.
    public static func articleFiles(in directory: String, extensions: Set<String> = BoilerplateRules.directoryExtensions) -> [String] {
        var files: [String] = []
        var walked: Set<String> = [realPath(directory)]
        collect(directory, into: &files, walked: &walked, extensions: extensions)
        return files.sorted()
    }

    private static func collect(_ directory: String, into files: inout [String], walked: inout Set<String>, extensions: Set<String>) {
        guard let names = try? FileManager.default.contentsOfDirectory(atPath: directory) else { return }
        let prefix = directory.hasSuffix("/") ? directory : directory + "/"
        for name in names where !name.hasPrefix(".") {
            let path = prefix + name
            // `fileExists` follows links: a broken link is skipped here.
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else { continue }
            if isDirectory.boolValue {
                if walked.insert(realPath(path)).inserted { collect(path, into: &files, walked: &walked, extensions: extensions) }
                continue
            }
            guard extensions.contains(articleExtension(of: name)) else { continue }
            // Pipes and devices are not articles (and reading one could block); `stat`
            // follows links to what they name.
            var status = stat()
            guard stat(path, &status) == 0, (status.st_mode & S_IFMT) == S_IFREG else { continue }
            files.append(path)
        }
    }

    /// The lowercased extension of a file name, looking through a `.gz`: "a.HTML.gz" → "html".
    static func articleExtension(of name: String) -> String {
        var parts = name.lowercased().split(separator: ".", omittingEmptySubsequences: false)
        if parts.last == "gz" { parts.removeLast() }
        return parts.count >= 2 ? String(parts.last!) : ""
    }

    /// The path with every symbolic link resolved: one name per real folder.
    private static func realPath(_ path: String) -> String {
        URL(fileURLWithPath: path).resolvingSymlinksInPath().standardizedFileURL.path
    }
}
