import Foundation
import ParallaxCore

/// An embedder that keeps every vector it computes in a file and reuses it on later runs:
/// rerunning `parallax cluster` or `similarity` over the same texts with other options (a
/// threshold, a time window) then costs milliseconds instead of minutes of the encoder.
///
/// The file starts with a header naming the embedder (`TextEmbedder.identifier`) and its
/// dimension; a file made by another embedder is refused, never mixed. Each vector follows
/// as one record (the text's 64-bit FNV-1a hash and UTF-8 length, then the floats), appended
/// as soon as it is computed, so an interrupted run keeps what it embedded. A record cut
/// short by a crash is ignored and overwritten by the next one.
///
/// One process at a time: two writing one file would overwrite each other's records. All
/// vectors are held in memory (about 1.5 KB each for e5), which suits benchmark and research
/// reruns; a store keeps its articles' embeddings itself (`StoryStore.saveEmbeddings`).
public final class CachingEmbedder: TextEmbedder, @unchecked Sendable {
    public let base: any TextEmbedder
    public let path: String
    public var dimension: Int { base.dimension }
    public var identifier: String { base.identifier }

    private struct Key: Hashable {
        var hash: UInt64
        var length: UInt32
    }

    /// Guards `vectors` and `file`: the clusterer's feature counters embed from several threads.
    private let lock = NSLock()
    private var vectors: [Key: [Float]] = [:]
    private let file: FileHandle
    /// Texts answered from the file and texts the base embedder computed, since opening.
    public private(set) var reused = 0
    public private(set) var computed = 0

    /// Opens (or creates) the cache at `path`. Fails naming the path when it cannot be read
    /// or written, or when another embedder made it.
    public init(_ base: any TextEmbedder, path: String) throws(ParallaxError) {
        self.base = base
        self.path = path
        let header = Self.header(base)
        let manager = FileManager.default
        if !manager.fileExists(atPath: path) {
            guard manager.createFile(atPath: path, contents: header) else {
                throw ParallaxError(source: path, reason: .unreadable("cannot create the embedding cache"))
            }
        }
        guard let data = manager.contents(atPath: path), let handle = FileHandle(forUpdatingAtPath: path) else {
            throw ParallaxError(source: path, reason: .unreadable("cannot open the embedding cache for reading and writing"))
        }
        guard data.starts(with: header) else {
            try? handle.close()
            throw ParallaxError(source: path, reason: .invalidInput(
                "is not an embedding cache of \(base.identifier) (dimension \(base.dimension)); use another file"))
        }
        file = handle
        let recordSize = Self.recordSize(base.dimension)
        var offset = header.count
        data.withUnsafeBytes { (bytes: UnsafeRawBufferPointer) in
            while offset + recordSize <= bytes.count {
                let hash = UInt64(littleEndian: bytes.loadUnaligned(fromByteOffset: offset, as: UInt64.self))
                let length = UInt32(littleEndian: bytes.loadUnaligned(fromByteOffset: offset + 8, as: UInt32.self))
                let floats = data[(data.startIndex + offset + 12)..<(data.startIndex + offset + recordSize)]
                vectors[Key(hash: hash, length: length)] = EmbeddingBytes.decode(floats)
                offset += recordSize
            }
        }
        // A partial record at the end (an interrupted write) is cut off, so appends stay aligned.
        do {
            try handle.truncate(atOffset: UInt64(offset))
            try handle.seekToEnd()
        } catch {
            throw ParallaxError(source: path, reason: .unreadable("cannot write the embedding cache (\(error.localizedDescription))"))
        }
    }

    deinit { try? file.close() }

    /// Vectors in the file.
    public var count: Int {
        lock.lock()
        defer { lock.unlock() }
        return vectors.count
    }

    public func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]] {
        let keys = texts.map { Key(hash: StableHash.fnv1a64($0), length: UInt32(truncatingIfNeeded: $0.utf8.count)) }
        lock.lock()
        var result = keys.map { vectors[$0] }
        lock.unlock()
        // Each missing text once, even when a batch repeats it.
        var missing: [Key: Int] = [:]
        var missingTexts: [String] = []
        var missingKeys: [Key] = []
        for (i, key) in keys.enumerated() where result[i] == nil && missing[key] == nil {
            missing[key] = missingTexts.count
            missingTexts.append(texts[i])
            missingKeys.append(key)
        }
        if !missingTexts.isEmpty {
            let fresh = try base.vectors(for: missingTexts)
            // A record has room for `dimension` floats exactly.
            guard fresh.allSatisfy({ $0.count == base.dimension }) else {
                throw ParallaxError(source: base.identifier, reason: .invalidInput("returned vectors not of dimension \(base.dimension)"))
            }
            var records = Data()
            for (key, vector) in zip(missingKeys, fresh) { records.append(Self.record(key, vector)) }
            lock.lock()
            defer { lock.unlock() }
            for (key, vector) in zip(missingKeys, fresh) where vectors[key] == nil { vectors[key] = vector }
            do { try file.write(contentsOf: records) } catch {
                throw ParallaxError(source: path, reason: .unreadable("cannot write the embedding cache (\(error.localizedDescription))"))
            }
            for (i, key) in keys.enumerated() where result[i] == nil { result[i] = fresh[missing[key]!] }
            computed += missingTexts.count
            reused += texts.count - missingTexts.count
        } else {
            lock.lock()
            reused += texts.count
            lock.unlock()
        }
        return result.map { $0! }
    }

    private static func header(_ embedder: any TextEmbedder) -> Data {
        Data("parallax embedding cache 1\n\(embedder.identifier)\ndimension \(embedder.dimension)\n".utf8)
    }

    private static func recordSize(_ dimension: Int) -> Int { 12 + 4 * dimension }

    private static func record(_ key: Key, _ vector: [Float]) -> Data {
        var data = Data(capacity: recordSize(vector.count))
        withUnsafeBytes(of: key.hash.littleEndian) { data.append(contentsOf: $0) }
        withUnsafeBytes(of: key.length.littleEndian) { data.append(contentsOf: $0) }
        data.append(EmbeddingBytes.encode(vector))
        return data
    }
}
