/// The features the language model counts: hashed character n-grams (2 to 5 scalars) of each
/// lower-cased word padded with a space on both sides (so " th" and "he " mark word edges),
/// plus the whole word for words longer than three letters (short words are already whole
/// n-grams). Digits, punctuation and spaces only separate words. Single letters are left
/// out: they add little beside the bigrams and cost the most to score (every language has them).
///
/// Training and identification share this one definition, so the model and the scorer can
/// never disagree about what a feature is.
struct NGramFeatures {
    /// n-gram orders 2...5; order 6 is the whole word.
    static let maxOrder = 5
    static let minOrder = 2
    static let wordOrder = 6
    static let orderCount = 7  // index 0 unused
    /// Longer runs (unspaced scripts) are not counted as whole words.
    static let maxWholeWordLength = 24

    /// Feature hashes of the text, in order of appearance.
    var hashes: [UInt32] = []
    /// How many features of each order (index = order).
    var perOrder = [Int](repeating: 0, count: NGramFeatures.orderCount)
    /// Letters per script (index = Script raw value).
    var scriptLetters = [Int](repeating: 0, count: Script.allCases.count)
    var letterCount = 0
    /// One hash per word (any length), in order: the confusable-group models pair them into
    /// word bigrams (`ConfusableGroup.features`).
    var wordHashes: [UInt32] = []

    init() {}

    init(_ text: String) {
        self.init()
        add(text)
    }

    mutating func add(_ text: String) {
        var text = text
        text.withUTF8 { add(utf8: $0) }
    }

    mutating func add(utf8 bytes: UnsafeBufferPointer<UInt8>) {
        // One word at a time, padded: [space, letters…, space].
        var word: [UInt32] = [0x20]
        word.reserveCapacity(64)
        UTF8ScalarDecoder.forEachScalar(bytes) { value in
            let script = CharacterTable.script(value)
            if script != .none {
                scriptLetters[Int(script.rawValue)] += 1
                letterCount += 1
                word.append(CharacterTable.lowercased(value))
            } else if word.count > 1 {
                flushWord(&word)
            }
        }
        if word.count > 1 { flushWord(&word) }
    }

    private mutating func flushWord(_ word: inout [UInt32]) {
        word.append(0x20)
        let length = word.count
        for start in 0..<length {
            var hash: UInt64 = 0xcbf2_9ce4_8422_2325
            let limit = min(NGramFeatures.maxOrder, length - start)
            for order in 1...limit {
                hash = (hash ^ UInt64(word[start + order - 1])) &* 0x0000_0100_0000_01b3
                if order >= NGramFeatures.minOrder { emit(hash, order: order) }
            }
        }
        let letters = length - 2
        if letters <= NGramFeatures.maxWholeWordLength {
            var hash: UInt64 = 0x8422_2325_cbf2_9ce4
            for value in word { hash = (hash ^ UInt64(value)) &* 0x0000_0100_0000_01b3 }
            if letters > 3 { emit(hash, order: NGramFeatures.wordOrder) }
            wordHashes.append(UInt32(truncatingIfNeeded: hash ^ hash >> 32))
        }
        word.removeAll(keepingCapacity: true)
        word.append(0x20)
    }

    @inline(__always)
    static func order(ofKey key: UInt32) -> Int { Int(key & 7) }

    @inline(__always)
    private mutating func emit(_ hash: UInt64, order: Int) {
        var h = hash ^ (UInt64(order) &* 0x9E37_79B9_7F4A_7C15)
        h ^= h >> 31
        h = h &* 0xBF58_476D_1CE4_E5B9
        h ^= h >> 29
        // The low three bits carry the order (so the key is never 0, the empty-slot mark of
        // the lookup table, and training can tell each key's order).
        hashes.append(UInt32(truncatingIfNeeded: h) & ~7 | UInt32(order))
        perOrder[order] += 1
    }

    /// The script with the most letters, `.none` when there are no letters.
    var dominantScript: Script {
        var best = Script.none
        var bestCount = 0
        for (index, count) in scriptLetters.enumerated() where count > bestCount {
            best = Script(rawValue: UInt8(index)) ?? .other
            bestCount = count
        }
        return best
    }
}
