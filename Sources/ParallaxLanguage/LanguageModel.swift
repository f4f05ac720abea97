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
/// Languages the n-gram model confuses with each other form `ConfusableGroup`s, each with a
/// discriminative second stage.
///
/// File layout (little-endian): magic "PLXLID03", then UInt32 language count L, feature
/// count F, pair count P; Float32 step, Float32 coverage dispersion; per language: UInt8
/// name length, the name (UTF-8), UInt32 script mask, Float32 confidence temperature,
/// Float32 expected coverage, Float32 floor per order (7); then F UInt32 feature keys
/// (ascending), F UInt8 pair counts (one per feature, in key order), and P UInt16 pairs
/// (language << 8 | q); then UInt32 group count G and per group: UInt8 member count M, the
/// M member indices (UInt8), Float32 naive Bayes weight, Float32 logit weight, Float32 weight unit, Float32 weight log
/// step, M Float32 biases, UInt32
/// feature count K, K UInt32 keys (ascending), K·M Int8 weights.
struct LanguageModel: Sendable {
    static let magic = Array("PLXLID03".utf8)

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
        /// Share of a text's features of order ≥ `coverageMinimumOrder` the language has seen,
        /// on average over its calibration texts. Text in a language the model does not know
        /// falls far below this in every language.
        var coverage: Float = 1
    }

    var languages: [Language]
    var step: Float
    /// How far the coverage of one text spreads around a language's expected coverage,
    /// relative to independent features: overlapping n-grams are not independent, so the
    /// binomial variance μ(1 − μ)/n is multiplied by this (calibrated in training).
    var coverageDispersion: Float = 1
    /// Second stages for languages confused with each other; `groupOfLanguage` maps a
    /// language index to its group's index.
    private(set) var groups: [ConfusableGroup] = []
    private(set) var groupOfLanguage: [Int?] = []

    /// Coverage counts n-grams of three letters and more and whole words: bigrams are shared
    /// by almost every language of a script and would hide an unknown one.
    static let coverageMinimumOrder = 5
    /// A text's coverage is trusted as if it had at most this many such features: beyond a
    /// sentence, coverage varies with the text's names and topic, not with its length, so a
    /// long paragraph full of names is not more surely foreign than a short one.
    static let coverageFeatureCap = 40
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
        setGroups([])
    }

    mutating func setGroups(_ groups: [ConfusableGroup]) {
        self.groups = groups
        groupOfLanguage = [Int?](repeating: nil, count: languages.count)
        for (index, group) in groups.enumerated() {
            for member in group.members { groupOfLanguage[member] = index }
        }
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

    struct Scores {
        /// Log-likelihood of the features in each language (indices of `languages`).
        var logLikelihoods: [Float]
        /// Per language, how many of the features of order ≥ `coverageMinimumOrder` it has seen.
        var covered: [Int32]
        /// How many features of order ≥ `coverageMinimumOrder` the text has.
        var coverable: Int
    }

    func scores(_ features: NGramFeatures) -> Scores {
        let count = languages.count
        var sums = [Int32](repeating: 0, count: count)
        var covered = [Int32](repeating: 0, count: count)
        // Two passes: first all table lookups (independent loads, so the processor overlaps
        // their cache misses), then all pair sums.
        var found = [UInt32](repeating: 0, count: features.hashes.count)
        var foundCovers = [Bool](repeating: false, count: features.hashes.count)
        var foundCount = 0
        slots.withUnsafeBufferPointer { slots in
        found.withUnsafeMutableBufferPointer { found in
        foundCovers.withUnsafeMutableBufferPointer { foundCovers in
            for key in features.hashes {
                var slot = Int(key) & slotMask
                while true {
                    let entry = slots[slot]
                    if entry == 0 { break }
                    if UInt32(truncatingIfNeeded: entry >> 32) == key {
                        found[foundCount] = UInt32(truncatingIfNeeded: entry)
                        foundCovers[foundCount] = NGramFeatures.order(ofKey: key) >= LanguageModel.coverageMinimumOrder
                        foundCount += 1
                        break
                    }
                    slot = (slot + 1) & slotMask
                }
            }
        }}}
        // Then the sums: sparse features pair by pair, dense rows 16 languages at a time in
        // 16-bit lanes, moved to the 32-bit sums before 255 · rows could overflow them.
        let stride = denseStride
        var lanes = [SIMD16<UInt16>](repeating: .zero, count: stride / 16)
        var coverLanes = [SIMD16<UInt16>](repeating: .zero, count: stride / 16)
        var rowsInLanes = 0
        pairs.withUnsafeBufferPointer { pairs in
        denseRows.withUnsafeBytes { dense in
        sums.withUnsafeMutableBufferPointer { sums in
        covered.withUnsafeMutableBufferPointer { covered in
        lanes.withUnsafeMutableBufferPointer { lanes in
        coverLanes.withUnsafeMutableBufferPointer { coverLanes in
            func drainLanes() {
                for chunk in 0..<lanes.count {
                    for lane in 0..<16 where chunk * 16 + lane < count {
                        sums[chunk * 16 + lane] &+= Int32(lanes[chunk][lane])
                        covered[chunk * 16 + lane] &+= Int32(coverLanes[chunk][lane])
                    }
                    lanes[chunk] = .zero
                    coverLanes[chunk] = .zero
                }
                rowsInLanes = 0
            }
            let one = SIMD16<UInt8>(repeating: 1)
            for (entry, covers) in zip(found[0..<foundCount], foundCovers[0..<foundCount]) {
                let pairCount = Int(entry & 0xFF)
                if pairCount == 0 {
                    let row = dense.baseAddress! + Int(entry >> 8) * stride
                    for chunk in 0..<lanes.count {
                        let weights = row.loadUnaligned(fromByteOffset: chunk * 16, as: SIMD16<UInt8>.self)
                        lanes[chunk] &+= SIMD16<UInt16>(truncatingIfNeeded: weights)
                        if covers { coverLanes[chunk] &+= SIMD16<UInt16>(truncatingIfNeeded: pointwiseMin(weights, one)) }
                    }
                    rowsInLanes += 1
                    if rowsInLanes == 256 { drainLanes() }
                    continue
                }
                let start = Int(entry >> 8)
                for p in start..<(start + pairCount) {
                    let pair = pairs[p]
                    sums[Int(pair >> 8)] &+= Int32(pair & 0xFF)
                    if covers { covered[Int(pair >> 8)] &+= 1 }
                }
            }
            drainLanes()
        }}}}}}
        var result = [Float](repeating: 0, count: count)
        for l in 0..<count {
            var total = step * Float(sums[l])
            let floors = languages[l].floors
            for order in 1..<NGramFeatures.orderCount where features.perOrder[order] > 0 {
                total += Float(features.perOrder[order]) * floors[order]
            }
            result[l] = total
        }
        var coverable = 0
        for order in LanguageModel.coverageMinimumOrder..<NGramFeatures.orderCount { coverable += features.perOrder[order] }
        return Scores(logLikelihoods: result, covered: covered, coverable: coverable)
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
        f32(coverageDispersion)
        for language in languages {
            let name = Array(language.label.utf8)
            out.append(UInt8(name.count))
            out.append(contentsOf: name)
            u32(language.scripts)
            f32(language.temperature)
            f32(language.coverage)
            for order in 0..<NGramFeatures.orderCount { f32(language.floors[order]) }
        }
        out.reserveCapacity(out.count + keys.count * 5 + pairs.count * 2)
        for key in keys { u32(key) }
        for index in keys.indices { out.append(UInt8(pairStarts[index + 1] - pairStarts[index])) }
        for pair in pairs { withUnsafeBytes(of: pair.littleEndian) { out.append(contentsOf: $0) } }
        u32(UInt32(groups.count))
        for group in groups {
            out.append(UInt8(group.members.count))
            out.append(contentsOf: group.members.map { UInt8($0) })
            f32(group.naiveBayesWeight)
            f32(group.logitWeight)
            f32(group.unit)
            f32(group.logStep)
            for bias in group.biases { f32(bias) }
            u32(UInt32(group.keys.count))
            for key in group.keys { u32(key) }
            out.append(contentsOf: group.weights.map { UInt8(bitPattern: $0) })
        }
        return out
    }

    init(serialized data: Data) throws(FormatError) {
        var reader = ByteReader(bytes: [UInt8](data))
        guard try reader.bytes(8) == LanguageModel.magic else { throw .badMagic }
        let languageCount = Int(try reader.u32())
        let featureCount = Int(try reader.u32())
        let pairCount = Int(try reader.u32())
        let step = Float(bitPattern: try reader.u32())
        let dispersion = Float(bitPattern: try reader.u32())
        guard languageCount > 0, languageCount <= 256 else { throw .inconsistent("\(languageCount) languages") }
        guard pairCount < LanguageModel.maximumPairs else { throw .inconsistent("\(pairCount) pairs") }
        var languages: [Language] = []
        for _ in 0..<languageCount {
            let length = Int(try reader.bytes(1)[0])
            let label = String(decoding: try reader.bytes(length), as: UTF8.self)
            let scripts = try reader.u32()
            let temperature = Float(bitPattern: try reader.u32())
            let coverage = Float(bitPattern: try reader.u32())
            var floors: [Float] = []
            for _ in 0..<NGramFeatures.orderCount { floors.append(Float(bitPattern: try reader.u32())) }
            guard temperature > 0 else { throw .inconsistent("temperature of \(label)") }
            languages.append(Language(label: label, scripts: scripts, floors: floors, temperature: temperature, coverage: coverage))
        }
        let keys = try reader.u32Array(featureCount)
        var starts = [UInt32](repeating: 0, count: featureCount + 1)
        for (index, count) in try reader.bytes(featureCount).enumerated() { starts[index + 1] = starts[index] + UInt32(count) }
        let pairs = try reader.u16Array(pairCount)
        guard Int(starts[featureCount]) == pairCount else { throw .inconsistent("pair counts") }
        guard pairs.allSatisfy({ Int($0 >> 8) < languageCount }) else { throw .inconsistent("language index") }
        var groups: [ConfusableGroup] = []
        for _ in 0..<Int(try reader.u32()) {
            let memberCount = Int(try reader.bytes(1)[0])
            let members = try reader.bytes(memberCount).map(Int.init)
            guard memberCount >= 2, members.allSatisfy({ $0 < languageCount }) else { throw .inconsistent("group members") }
            let naiveBayesWeight = Float(bitPattern: try reader.u32())
            let logitWeight = Float(bitPattern: try reader.u32())
            let unit = Float(bitPattern: try reader.u32())
            let logStep = Float(bitPattern: try reader.u32())
            let biases = try (0..<memberCount).map { _ throws(FormatError) in Float(bitPattern: try reader.u32()) }
            let keyCount = Int(try reader.u32())
            let groupKeys = try reader.u32Array(keyCount)
            let weights = try reader.bytes(keyCount * memberCount).map { Int8(bitPattern: $0) }
            guard naiveBayesWeight >= 0, logitWeight >= 0 else { throw .inconsistent("group weights") }
            groups.append(ConfusableGroup(members: members, naiveBayesWeight: naiveBayesWeight, logitWeight: logitWeight, unit: unit, logStep: logStep, biases: biases,
                                          keys: groupKeys, weights: weights))
        }
        guard reader.isAtEnd else { throw .inconsistent("trailing bytes") }
        guard dispersion > 0 else { throw .inconsistent("coverage dispersion") }
        self.init(languages: languages, step: step, keys: keys, pairStarts: starts, pairs: pairs)
        self.coverageDispersion = dispersion
        setGroups(groups)
    }
}

private struct ByteReader {
    let bytes: [UInt8]
    var offset = 0
    var isAtEnd: Bool { offset == bytes.count }

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
