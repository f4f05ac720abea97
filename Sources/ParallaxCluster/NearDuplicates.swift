/// MinHash signature of a set of word shingles (Broder 1997): the fraction of equal slots
/// of two signatures estimates the Jaccard similarity of their shingle sets.
public struct MinHashSignature: Sendable, Hashable {
    public static let size = 64
    public private(set) var slots: [UInt64]

    public init<S: Sequence>(shingles: S) where S.Element == UInt64 {
        var slots = [UInt64](repeating: .max, count: MinHashSignature.size)
        for shingle in shingles {
            for i in 0..<MinHashSignature.size {
                // One hash family member per slot: the shingle mixed with the slot's seed.
                let h = FeatureHash.mix(shingle ^ MinHashSignature.seeds[i])
                if h < slots[i] { slots[i] = h }
            }
        }
        self.slots = slots
    }

    public var isEmpty: Bool { slots.allSatisfy { $0 == .max } }

    public func jaccard(_ other: MinHashSignature) -> Double {
        guard !isEmpty, !other.isEmpty else { return 0 }
        var equal = 0
        for i in 0..<MinHashSignature.size where slots[i] == other.slots[i] { equal += 1 }
        return Double(equal) / Double(MinHashSignature.size)
    }

    /// Band keys for locality-sensitive lookup: `bands` bands of size / bands slots each.
    public func bandKeys(bands: Int) -> [UInt64] {
        let rows = MinHashSignature.size / bands
        return (0..<bands).map { band in
            var h = UInt64(band) &* 0x9E37_79B9_7F4A_7C15
            for i in (band * rows)..<((band + 1) * rows) { h = FeatureHash.mix(h ^ slots[i]) }
            return h
        }
    }

    private static let seeds: [UInt64] = (0..<UInt64(size)).map { FeatureHash.mix($0 &* 0xD6E8_FEB8_6659_FD93 &+ 1) }
}

/// Flags syndicated copies and light rewrites of one text: articles whose word shingles
/// overlap by at least `threshold` (estimated Jaccard).
///
/// Keeps a bounded index (the `capacity` most recent signatures) so it can run on an
/// endless stream; lookup goes through LSH bands, so it does not compare with every entry.
public struct NearDuplicateDetector: Sendable {
    public let threshold: Double
    public let capacity: Int
    private let bands = 16
    private var entries: [Int: (id: String, tag: Int, signature: MinHashSignature)] = [:]
    private var buckets: [UInt64: [Int]] = [:]
    private var order: [Int] = []
    private var orderStart = 0
    private var next = 0

    public init(threshold: Double = ClusterParameters.standard.copyJaccard, capacity: Int = 50_000) {
        self.threshold = threshold
        self.capacity = capacity
    }

    public var count: Int { entries.count }

    /// Whether two signatures are of copies of one text.
    public func isCopy(_ a: MinHashSignature, _ b: MinHashSignature) -> Bool { a.jaccard(b) >= threshold }

    /// The id of the most similar earlier text that this one copies, if any.
    /// `tag` is what the caller stored with it (the clusterer stores the story).
    public func original(of signature: MinHashSignature) -> (id: String, tag: Int, jaccard: Double)? {
        guard !signature.isEmpty else { return nil }
        var best: (id: String, tag: Int, jaccard: Double)?
        var seen: Set<Int> = []
        for key in signature.bandKeys(bands: bands) {
            for index in buckets[key] ?? [] where seen.insert(index).inserted {
                guard let entry = entries[index] else { continue }
                let j = entry.signature.jaccard(signature)
                if j >= threshold, j > (best?.jaccard ?? 0) { best = (entry.id, entry.tag, j) }
            }
        }
        return best
    }

    /// Remembers a text; the oldest is forgotten once `capacity` are held.
    public mutating func insert(id: String, tag: Int = 0, signature: MinHashSignature) {
        guard !signature.isEmpty else { return }
        let index = next
        next += 1
        entries[index] = (id, tag, signature)
        for key in signature.bandKeys(bands: bands) { buckets[key, default: []].append(index) }
        order.append(index)
        while entries.count > capacity { evictOldest() }
        // Compact the eviction queue now and then so it does not grow without bound.
        if orderStart > 4096, orderStart * 2 > order.count {
            order.removeFirst(orderStart)
            orderStart = 0
        }
    }

    private mutating func evictOldest() {
        let index = order[orderStart]
        orderStart += 1
        guard let entry = entries.removeValue(forKey: index) else { return }
        for key in entry.signature.bandKeys(bands: bands) {
            buckets[key]?.removeAll { $0 == index }
            if buckets[key]?.isEmpty == true { buckets[key] = nil }
        }
    }
}
