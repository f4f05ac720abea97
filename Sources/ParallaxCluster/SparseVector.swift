import Foundation

/// A sparse vector over hashed features, sorted by feature hash so that dot products are a
/// single merge.
public struct SparseVector: Sendable, Hashable {
    public private(set) var keys: [UInt64]
    public private(set) var values: [Float]

    public init() {
        keys = []
        values = []
    }

    /// From unsorted (key, weight) pairs; duplicate keys are summed, zero weights dropped.
    public init(_ weights: [UInt64: Float]) {
        let sorted = weights.filter { $0.value != 0 }.sorted { $0.key < $1.key }
        keys = sorted.map(\.key)
        values = sorted.map(\.value)
    }

    /// The `limit` largest of unsorted (key, weight) pairs with distinct keys and non-zero
    /// weights: the same vector as `init(_:)` followed by `top(limit)`, but only the kept
    /// pairs are sorted by key (weighing an article was mostly sorting features it drops).
    init(distinctKeys rawKeys: [UInt64], weights rawValues: [Float], top limit: Int) {
        var pairs: [(key: UInt64, value: Float)] = []
        pairs.reserveCapacity(min(rawKeys.count, max(0, limit)))
        if rawKeys.count > limit {
            guard limit > 0 else {
                keys = []
                values = []
                return
            }
            let cut = Self.largest(limit, of: rawValues)
            var ties: [UInt64] = []
            for i in rawKeys.indices {
                if rawValues[i] > cut {
                    pairs.append((rawKeys[i], rawValues[i]))
                } else if rawValues[i] == cut {
                    ties.append(rawKeys[i])
                }
            }
            ties.sort()
            for key in ties.prefix(limit - pairs.count) { pairs.append((key, cut)) }
        } else {
            for i in rawKeys.indices { pairs.append((rawKeys[i], rawValues[i])) }
        }
        pairs.sort { $0.key < $1.key }
        keys = pairs.map(\.key)
        values = pairs.map(\.value)
    }

    /// The `k`-th largest of `values` (1 ≤ k ≤ count), by quickselect: the cut of a top-k
    /// needs no full sort, and sorting was most of weighing an article and capping a story.
    static func largest(_ k: Int, of values: [Float]) -> Float {
        var a = values
        let target = k - 1
        var low = 0, high = a.count - 1
        while low < high {
            let pivot = a[(low + high) / 2]
            var i = low, j = high
            // Hoare partition in decreasing order: a[low...j] ≥ pivot ≥ a[i...high].
            while i <= j {
                while a[i] > pivot { i += 1 }
                while a[j] < pivot { j -= 1 }
                if i <= j {
                    a.swapAt(i, j)
                    i += 1
                    j -= 1
                }
            }
            if target <= j {
                high = j
            } else if target >= i {
                low = i
            } else {
                return a[target]
            }
        }
        return a[target]
    }

    public var count: Int { keys.count }
    public var isEmpty: Bool { keys.isEmpty }

    public var norm: Float {
        var sum: Float = 0
        for v in values { sum += v * v }
        return sum.squareRoot()
    }

    /// A merge of the two key lists. Both indices advance without a branch on the key order
    /// (it mispredicts half the time) and without bounds checks: this is the clustering's
    /// innermost loop.
    public func dot(_ other: SparseVector) -> Float {
        keys.withUnsafeBufferPointer { a in
            other.keys.withUnsafeBufferPointer { b in
                values.withUnsafeBufferPointer { va in
                    other.values.withUnsafeBufferPointer { vb in
                        var i = 0, j = 0, sum: Float = 0
                        while i < a.count, j < b.count {
                            let x = a[i], y = b[j]
                            if x == y { sum += va[i] * vb[j] }
                            i &+= x <= y ? 1 : 0
                            j &+= y <= x ? 1 : 0
                        }
                        return sum
                    }
                }
            }
        }
    }

    /// Cosine similarity in [0, 1] (weights are non-negative); 0 when either is empty.
    public func cosine(_ other: SparseVector) -> Float {
        let n = norm * other.norm
        return n > 0 ? min(1, dot(other) / n) : 0
    }

    /// The vector scaled to unit length.
    public func normalized() -> SparseVector {
        let n = norm
        guard n > 0 else { return self }
        var copy = self
        for i in copy.values.indices { copy.values[i] /= n }
        return copy
    }

    /// Only the `limit` largest weights (all of them when there are fewer). Among equal
    /// weights at the cut, the smaller keys are kept.
    public func top(_ limit: Int) -> SparseVector {
        guard keys.count > limit else { return self }
        var result = SparseVector()
        guard limit > 0 else { return result }
        let cut = Self.largest(limit, of: values)
        var tiesAllowed = limit - values.reduce(0) { $0 + ($1 > cut ? 1 : 0) }
        result.keys.reserveCapacity(limit)
        result.values.reserveCapacity(limit)
        for i in keys.indices {
            let v = values[i]
            if v > cut || (v == cut && tiesAllowed > 0) {
                if v == cut { tiesAllowed -= 1 }
                result.keys.append(keys[i])
                result.values.append(v)
            }
        }
        return result
    }

    /// self + scale * other.
    public func adding(_ other: SparseVector, scale: Float = 1) -> SparseVector {
        var result = SparseVector()
        result.keys.reserveCapacity(keys.count + other.keys.count)
        result.values.reserveCapacity(keys.count + other.keys.count)
        var i = 0, j = 0
        while i < keys.count || j < other.keys.count {
            if j == other.keys.count || (i < keys.count && keys[i] < other.keys[j]) {
                result.keys.append(keys[i]); result.values.append(values[i]); i += 1
            } else if i == keys.count || other.keys[j] < keys[i] {
                result.keys.append(other.keys[j]); result.values.append(scale * other.values[j]); j += 1
            } else {
                result.keys.append(keys[i]); result.values.append(values[i] + scale * other.values[j]); i += 1; j += 1
            }
        }
        return result
    }
}

/// Hashing of feature strings to 64-bit keys. Each feature family has its own salt so that
/// the stem "paris" and the entity key "paris" are different features.
public enum FeatureHash {
    public enum Family: UInt64, Sendable, CaseIterable {
        case term = 1, nameGram, entity, number, date, shingle, wordGram, country, nameSound
        /// A sentence's fingerprint (`RepeatedSentences`), not a feature.
        case sentence
    }

    /// FNV-1a over the UTF-8 bytes, seeded by the family, then a final avalanche
    /// (splitmix64) so that the low bits used by hashed tables are well mixed.
    @inline(__always)
    public static func key<S: StringProtocol>(_ text: S, _ family: Family) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (family.rawValue &* 0x9E37_79B9_7F4A_7C15)
        for byte in text.utf8 {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }
        return mix(hash)
    }

    /// `key(_:_:)` of a string fed byte by byte (its UTF-8), for keys of strings never built.
    public struct Incremental {
        private var hash: UInt64

        public init(_ family: Family) {
            hash = 0xcbf2_9ce4_8422_2325 ^ (family.rawValue &* 0x9E37_79B9_7F4A_7C15)
        }

        @inline(__always)
        public mutating func append(_ byte: UInt8) {
            hash ^= UInt64(byte)
            hash = hash &* 0x0000_0100_0000_01B3
        }

        public var key: UInt64 { FeatureHash.mix(hash) }
    }

    /// The key of the string these scalars spell, without building the string.
    @inline(__always)
    public static func key(scalars: ArraySlice<Unicode.Scalar>, _ family: Family) -> UInt64 {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325 ^ (family.rawValue &* 0x9E37_79B9_7F4A_7C15)
        for scalar in scalars {
            UTF8.encode(scalar) { byte in
                hash ^= UInt64(byte)
                hash = hash &* 0x0000_0100_0000_01B3
            }
        }
        return mix(hash)
    }

    @inline(__always)
    public static func mix(_ value: UInt64) -> UInt64 {
        var z = value &+ 0x9E37_79B9_7F4A_7C15
        z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
        z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
        return z ^ (z >> 31)
    }
}

/// Document frequencies learned from the stream itself, in a fixed-size hashed table, so
/// memory stays flat on an endless stream. When the document count reaches `halfLife`, all
/// counts are halved: old documents fade and the weights follow what the news is about now.
public struct DocumentFrequencies: Sendable {
    private var counts: [UInt32]
    private let mask: Int
    public private(set) var documents: Double = 0
    public let halfLife: Double

    /// `bits`: log2 of the table size (20 → 1 M counters, 4 MB).
    public init(bits: Int = 20, halfLife: Double = 200_000) {
        counts = [UInt32](repeating: 0, count: 1 << bits)
        mask = (1 << bits) - 1
        self.halfLife = halfLife
    }

    /// Counts each distinct key of one document once.
    public mutating func add<S: Sequence>(documentKeys keys: S) where S.Element == UInt64 {
        for key in keys {
            let slot = Int(truncatingIfNeeded: key) & mask
            if counts[slot] < UInt32.max { counts[slot] += 1 }
        }
        documents += 1
        if documents >= halfLife {
            for i in counts.indices { counts[i] /= 2 }
            documents /= 2
        }
    }

    public func frequency(_ key: UInt64) -> Double { Double(counts[Int(truncatingIfNeeded: key) & mask]) }

    /// Smoothed inverse document frequency: log((N + 1) / (df + 1)) + 1, so that a feature
    /// never seen yet weighs most and one in every document still weighs 1.
    public func idf(_ key: UInt64) -> Float {
        Float(log((documents + 1) / (frequency(key) + 1)) + 1)
    }
}
