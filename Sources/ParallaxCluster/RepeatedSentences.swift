import ParallaxCore

/// Sentences an article prints that earlier articles of the stream printed too, while most
/// of its text is its own: what an outlet puts under every report ("Follow News18.com on
/// Twitter, Instagram, Facebook…", "Copyright 2020 The Associated Press.", a cookie notice, a
/// paywall's plea). Such a sentence says nothing of the event, yet its names and words are
/// shared, in full, with every other report of that outlet: short reports of unrelated
/// events joined one story through their footer alone (BENCHMARKS.md, Session 15).
///
/// The clusterer chooses an article's story from its text without these sentences (`strip`);
/// the story it joins still takes the whole text. An article whose repeated sentences make
/// up most of its text is left whole: it is a copy or a light rewrite of an earlier report,
/// and what it shares is its story. Within one article a sentence printed twice (a headline
/// repeated as the lead) is not a repeat.
///
/// The memory is a fixed number of sentence fingerprints, the oldest forgotten first, so it
/// stays bounded on an endless stream; what it holds depends only on the articles before,
/// in stream order, so a replay gives the same features.
public struct RepeatedSentences: Sendable {
    public struct Rules: Sendable, Hashable {
        /// Shortest sentence remembered, in letters and digits: short ones ("Read more.",
        /// "Photo: AP") recur in reports that share nothing else, but say too little to
        /// join them.
        public var minimumLength: Int
        /// Largest share of an article's letters its repeated sentences may hold and still
        /// be dropped; beyond it the article is a copy or a rewrite, kept whole.
        public var maximumRepeatedShare: Double
        /// Sentences remembered.
        public var capacity: Int

        /// Set on the 4,615-article multilingual stream and the labelled dev sets (BENCHMARKS.md,
        /// Session 15): leaving a sentence out from its second printing on, with the share at
        /// a half, kept fewer different-event pairs of the stream's SemEval pairs in one story
        /// (63 → 60 of 360) and the same-event ones together, and changed no Wikinews or ITN
        /// story.
        public static let standard = Rules(minimumLength: 20, maximumRepeatedShare: 0.5, capacity: 200_000)
    }

    public let rules: Rules
    private var remembered: Set<UInt64> = []
    /// Fingerprints in the order they were first remembered; `next` is the oldest once full.
    private var order: [UInt64] = []
    private var next = 0

    public init(rules: Rules = .standard) {
        self.rules = rules
        remembered.reserveCapacity(min(rules.capacity, 1 << 16))
    }

    /// Sentences remembered now.
    public var count: Int { remembered.count }

    /// The text without the sentences earlier articles printed too, and how many were left
    /// out; nil when none is. Remembers the article's sentences either way.
    public mutating func strip(_ text: String) -> (text: String, sentences: Int)? {
        let scalars = Array(text.unicodeScalars)
        let sentences = Self.sentences(scalars)
        var letters = 0, repeatedLetters = 0
        var repeated: [Range<Int>] = []
        var own: Set<UInt64> = []
        for sentence in sentences {
            letters += sentence.letters
            guard sentence.letters >= rules.minimumLength else { continue }
            if remembered.contains(sentence.fingerprint) {
                repeated.append(sentence.range)
                repeatedLetters += sentence.letters
            }
            own.insert(sentence.fingerprint)
        }
        for fingerprint in own where !remembered.contains(fingerprint) { remember(fingerprint) }
        guard !repeated.isEmpty, Double(repeatedLetters) < rules.maximumRepeatedShare * Double(letters) else { return nil }
        var kept = String.UnicodeScalarView()
        var position = 0
        for range in repeated {
            kept.append(contentsOf: scalars[position..<range.lowerBound])
            position = range.upperBound
        }
        kept.append(contentsOf: scalars[position...])
        return (String(kept), repeated.count)
    }

    private mutating func remember(_ fingerprint: UInt64) {
        guard rules.capacity > 0 else { return }
        if order.count < rules.capacity {
            order.append(fingerprint)
        } else {
            remembered.remove(order[next])
            order[next] = fingerprint
            next = (next + 1) % rules.capacity
        }
        remembered.insert(fingerprint)
    }

    struct Sentence {
        var range: Range<Int>
        /// Of its letters and digits, ASCII folded to lower case, with one space between words.
        var fingerprint: UInt64
        var letters: Int
    }

    /// The sentences of a text: a sentence ends at a line break, at ". ", "! " or "? " (the
    /// punctuation followed by a space or the end), and at the ideographic 。！？.
    static func sentences(_ scalars: [Unicode.Scalar]) -> [Sentence] {
        var out: [Sentence] = []
        var start = 0
        var hash = FeatureHash.Incremental(.sentence)
        var letters = 0
        var pendingSpace = false
        func close(_ end: Int) {
            if letters > 0 { out.append(Sentence(range: start..<end, fingerprint: hash.key, letters: letters)) }
            start = end
            hash = FeatureHash.Incremental(.sentence)
            letters = 0
            pendingSpace = false
        }
        for (i, scalar) in scalars.enumerated() {
            let value = scalar.value
            if value == 0x0A || value == 0x0D {
                close(i)
                start = i + 1
                continue
            }
            if Self.isSpace(scalar) {
                if letters > 0 { pendingSpace = true }
            } else if Self.isLetterOrDigit(scalar) {
                if pendingSpace { hash.append(0x20); pendingSpace = false }
                // ASCII folded to lower case; every scalar fed as its UTF-8 bytes.
                UTF8.encode(value >= 0x41 && value <= 0x5A ? Unicode.Scalar(UInt8(value + 0x20)) : scalar) { hash.append($0) }
                letters += 1
            }
            switch value {
            case 0x3002, 0xFF01, 0xFF1F:  // 。！？
                close(i + 1)
            case 0x2E, 0x21, 0x3F:  // . ! ?
                if i + 1 == scalars.count || Self.isSpace(scalars[i + 1]) { close(i + 1) }
            default:
                break
            }
        }
        close(scalars.count)
        return out
    }

    // ASCII, most of most texts, without a lookup of Unicode properties.
    private static func isSpace(_ scalar: Unicode.Scalar) -> Bool {
        scalar.value < 0x80 ? scalar.value == 0x20 || (scalar.value >= 0x09 && scalar.value <= 0x0D) : scalar.properties.isWhitespace
    }

    private static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return (0x30...0x39).contains(value) || (0x61...0x7A).contains(value | 0x20) }
        return scalar.properties.isAlphabetic || scalar.properties.numericType != nil
    }
}
