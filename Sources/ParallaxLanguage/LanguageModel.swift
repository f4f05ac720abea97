import Foundation

/// The trained language model: a naive Bayes model over hashed n-gram features
/// (see `NGramFeatures`), stored compactly.
///
/// For every feature kept in training, the model holds the languages it was seen in with a
/// quantised weight q = log((count + α) / α) / step, that is the log-probability of the
/// feature in that language above the language's smoothing floor for the feature's order.
/// A text's log-likelihood in a language is then
///     Σ over its features of floor[language][order]  +  step · Σ q over the features seen in it,
/// so scoring touches only the (feature, language) pairs that exist.
///
/// File layout (little-endian): magic "PLXLID02", then UInt32 language count L, feature
/// count F, pair count P; Float32 step; per language: UInt8 name length, the name (UTF-8),
/// UInt32 script mask, Float32 confidence temperature, Float32 floor per order (7); then F
/// UInt32 feature keys (ascending), F UInt8 pair counts (one per feature, in key order), and
/// P UInt16 pairs (language << 8 | q).
struct LanguageModel: Sendable {
    static let magic = Array("PLXLID02".utf8)

    struct Language: Sendable {
        /// The training label: an ISO 639-1 code, perhaps with a script ("sr-Cyrl").
        var label: String
        /// The code reported to users ("sr" for "sr-Cyrl").
        var code: String { Language.code(ofLabel: label) }

        static func code(ofLabel label: String) -> String {
            label.split(separator: "-").first.map(String.init) ?? label
        }
        /// Scripts making up a noticeable share of the language's training letters.
        var scripts: UInt32
        /// Smoothing floor (log-probability of an unseen feature) per order.
        var floors: [Float]
        /// Divides log-likelihood differences before the softmax that gives confidences when
        /// this language scores best: the features of one text overlap heavily, so raw naive
        /// Bayes posteriors are far too sure, and more so among close relatives (hr/sr/bs).
        var temperature: Float = 1
    }

    var languages: [Language]
    var step: Float
    var keys: [UInt32]
    var pairStarts: [UInt32]
    var pairs: [UInt16]

    /// Open-addressing table from feature key to its weights, one 64-bit word per slot so a
    /// lookup costs one cache miss: key << 32 | first pair << 8 | pair count, or, for a
    /// feature seen in many languages, key << 32 | dense row << 8 (count 0). 0 = empty.
    private var slots: [UInt64] = []
    private var slotMask = 0
    /// Weights of the features seen in many languages as dense rows (one byte per language,
    /// 0 = unseen, rows padded to `denseStride`), summed with vector instructions.
    private var denseRows: [UInt8] = []
    private var denseStride = 0

    /// A feature in at least this many languages gets a dense row.
    static let denseThreshold = 8

    init(languages: [Language], step: Float, keys: [UInt32], pairStarts: [UInt32], pairs: [UInt16]) {
        self.languages = languages
        self.step = step
        self.keys = keys
        self.pairStarts = pairStarts
        self.pairs = pairs
        buildLookup()
    }

    /// Pair offsets and dense rows must fit the 24 bits a slot gives them.
    static let maximumPairs = 1 << 24

    private mutating func buildLookup() {
        precondition(pairs.count < LanguageModel.maximumPairs, "too many (feature, language) pairs for the lookup table")
        var capacity = 16
        while capacity < keys.count * 2 { capacity <<= 1 }
        slots = [UInt64](repeating: 0, count: capacity)
        slotMask = capacity - 1
        denseStride = (languages.count + 15) / 16 * 16
        var rows: [UInt8] = []
        for (index, key) in keys.enumerated() {
            var slot = Int(key) & slotMask
            while slots[slot] != 0 { slot = (slot + 1) & slotMask }
            let start = Int(pairStarts[index]), count = Int(pairStarts[index + 1]) - start
            if count >= LanguageModel.denseThreshold {
                let row = rows.count / denseStride
                rows.append(contentsOf: repeatElement(0, count: denseStride))
                for pair in pairs[start..<(start + count)] { rows[row * denseStride + Int(pair >> 8)] = UInt8(pair & 0xFF) }
                slots[slot] = UInt64(key) << 32 | UInt64(row) << 8
            } else {
                slots[slot] = UInt64(key) << 32 | UInt64(start) << 8 | UInt64(count)
            }
        }
        denseRows = rows
    }

    /// Log-likelihood of the features in each language (indices of `languages`).
    func logLikelihoods(_ features: NGramFeatures) -> [Float] {
        let count = languages.count
        var sums = [Int32](repeating: 0, count: count)
        // Two passes: first all table lookups (independent loads, so the processor overlaps
        // their cache misses), then all pair sums.
        var found = [UInt32](repeating: 0, count: features.hashes.count)
        var foundCount = 0
        slots.withUnsafeBufferPointer { slots in
        found.withUnsafeMutableBufferPointer { found in
            for key in features.hashes {
                var slot = Int(key) & slotMask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { break }
                    if UInt32(truncatingIfNeeded: entry >> 32) == key {
                        found[foundCount] = UInt32(truncatingIfNeeded: entry)
                        foundCount += 1
                        break
                    }
                    slot = (slot + 1) & slotMask
                }
            }
        }}
        // Then the sums: sparse features pair by pair, dense rows 16 languages at a time in
        // 16-bit lanes, moved to the 32-bit sums before 255 · rows could overflow them.
        let stride = denseStride
        var lanes = [SIMD16<UInt16>](repeating: .zero, count: stride / 16)
        var rowsInLanes = 0
        pairs.withUnsafeBufferPointer { pairs in
        denseRows.withUnsafeBytes { dense in
        sums.withUnsafeMutableBufferPointer { sums in
        lanes.withUnsafeMutableBufferPointer { lanes in
            func drainLanes() {
                for chunk in 0..<lanes.count {
                    for lane in 0..<16 where chunk * 16 + lane < count { sums[chunk * 16 + lane] &+= Int32(lanes[chunk][lane]) }
                    lanes[chunk] = .zero
                }
                rowsInLanes = 0
            }
            for entry in found[0..<foundCount] {
                let pairCount = Int(entry & 0xFF)
                if pairCount == 0 {
                    let row = dense.baseAddress! + Int(entry >> 8) * stride
                    for chunk in 0..<lanes.count {
                        lanes[chunk] &+= SIMD16<UInt16>(truncatingIfNeeded: row.loadUnaligned(fromByteOffset: chunk * 16, as: SIMD16<UInt8>.self))
                    }
                    rowsInLanes += 1
                    if rowsInLanes == 256 { drainLanes() }
                    continue
                }
                let start = Int(entry >> 8)
                for p in start..<(start + pairCount) {
                    let pair = pairs[p]
                    sums[Int(pair >> 8)] &+= Int32(pair & 0xFF)
                }
            }
            drainLanes()
        }}}}
        var result = [Float](repeating: 0, count: count)
        for l in 0..<count {
            var total = step * Float(sums[l])
            let floors = languages[l].floors
            for order in 1..<NGramFeatures.orderCount where features.perOrder[order] > 0 {
                total += Float(features.perOrder[order]) * floors[order]
            }
            result[l] = total
        }
        return result
    }

    // MARK: - Binary file

    enum FormatError: Error, CustomStringConvertible {
        case truncated, badMagic, inconsistent(String)
        var description: String {
            switch self {
            case .truncated: return "language model file is truncated"
            case .badMagic: return "not a Parallax language model file"
            case .inconsistent(let what): return "language model file is inconsistent: \(what)"
            }
        }
    }

    func serialized() -> [UInt8] {
        var out = LanguageModel.magic
        func u32(_ v: UInt32) { withUnsafeBytes(of: v.littleEndian) { out.append(contentsOf: $0) } }
        func f32(_ v: Float) { u32(v.bitPattern) }
        u32(UInt32(languages.count)); u32(UInt32(keys.count)); u32(UInt32(pairs.count))
        f32(step)
        for language in languages {
            let name = Array(language.label.utf8)
            out.append(UInt8(name.count))
            out.append(contentsOf: name)
            u32(language.scripts)
            f32(language.temperature)
            for order in 0..<NGramFeatures.orderCount { f32(language.floors[order]) }
        }
        out.reserveCapacity(out.count + keys.count * 5 + pairs.count * 2)
        for key in keys { u32(key) }
        for index in keys.indices { out.append(UInt8(pairStarts[index + 1] - pairStarts[index])) }
        for pair in pairs { withUnsafeBytes(of: pair.littleEndian) { out.append(contentsOf: $0) } }
        return out
    }

    init(serialized data: Data) throws(FormatError) {
        var reader = ByteReader(bytes: [UInt8](data))
        guard try reader.bytes(8) == LanguageModel.magic else { throw .badMagic }
        let languageCount = Int(try reader.u32())
        let featureCount = Int(try reader.u32())
        let pairCount = Int(try reader.u32())
        let step = Float(bitPattern: try reader.u32())
        guard languageCount > 0, languageCount <= 256 else { throw .inconsistent("\(languageCount) languages") }
        guard pairCount < LanguageModel.maximumPairs else { throw .inconsistent("\(pairCount) pairs") }
        var languages: [Language] = []
        for _ in 0..<languageCount {
            let length = Int(try reader.bytes(1)[0])
            let label = String(decoding: try reader.bytes(length), as: UTF8.self)
            let scripts = try reader.u32()
            let temperature = Float(bitPattern: try reader.u32())
            var floors: [Float] = []
            for _ in 0..<NGramFeatures.orderCount { floors.append(Float(bitPattern: try reader.u32())) }
            guard temperature > 0 else { throw .inconsistent("temperature of \(label)") }
            languages.append(Language(label: label, scripts: scripts, floors: floors, temperature: temperature))
        }
        let keys = try reader.u32Array(featureCount)
        var starts = [UInt32](repeating: 0, count: featureCount + 1)
        for (index, count) in try reader.bytes(featureCount).enumerated() { starts[index + 1] = starts[index] + UInt32(count) }
        let pairs = try reader.u16Array(pairCount)
        guard Int(starts[featureCount]) == pairCount else { throw .inconsistent("pair counts") }
        guard pairs.allSatisfy({ Int($0 >> 8) < languageCount }) else { throw .inconsistent("language index") }
        self.init(languages: languages, step: step, keys: keys, pairStarts: starts, pairs: pairs)
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0

    mutating func bytes(_ count: Int) throws(LanguageModel.FormatError) -> [UInt8] {
        guard count >= 0, offset + count <= bytes.count else { throw .truncated }
        defer { offset += count }
        return Array(bytes[offset..<offset + count])
    }

    mutating func u32() throws(LanguageModel.FormatError) -> UInt32 {
        guard offset + 4 <= bytes.count else { throw .truncated }
        defer { offset += 4 }
        return UInt32(bytes[offset]) | UInt32(bytes[offset + 1]) << 8 | UInt32(bytes[offset + 2]) << 16 | UInt32(bytes[offset + 3]) << 24
    }

    mutating func u32Array(_ count: Int) throws(LanguageModel.FormatError) -> [UInt32] {
        guard count >= 0, offset + 4 * count <= bytes.count else { throw .truncated }
        var result = [UInt32](repeating: 0, count: count)
        for i in 0..<count { result[i] = try u32() }
        return result
    }

    mutating func u16Array(_ count: Int) throws(LanguageModel.FormatError) -> [UInt16] {
        guard count >= 0, offset + 2 * count <= bytes.count else { throw .truncated }
        var result = [UInt16](repeating: 0, count: count)
        for i in 0..<count {
            result[i] = UInt16(bytes[offset]) | UInt16(bytes[offset + 1]) << 8
            offset += 2
        }
        return result
    }
}
