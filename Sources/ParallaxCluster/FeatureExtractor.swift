import Foundation
import ParallaxAnnotate
import ParallaxCore
import ParallaxLanguage

/// Raw feature counts of one article, before weighting. Counting does not depend on the
/// rest of the stream, so a batch can count every text first and learn document
/// frequencies before weighting (see `FeatureWeighting`).
public struct FeatureCounts: Sendable {
    public var language: String
    public var published: Date?
    /// Stems of content words (title words count twice).
    public var terms: [UInt64: Float] = [:]
    /// Character n-grams of content words folded to Latin: morphology without a stemmer
    /// (Turkish, Polish, Arabic…) and cognates across languages.
    public var wordGrams: [UInt64: Float] = [:]
    /// Character n-grams (and the whole form) of capitalised words folded to Latin: names
    /// and cognates survive translation and transliteration.
    public var nameGrams: [UInt64: Float] = [:]
    /// Entity keys (language-independent when the annotator knows an alias).
    public var entities: [UInt64: Float] = [:]
    /// Non-year numbers with two or more significant digits.
    public var numbers: [UInt64: Float] = [:]
    /// Countries named, by key (`CountryNames`: one key in every language and script).
    public var countries: [UInt64: Float] = [:]
    /// Consonant skeletons of possible names (`NameSounds`): a name written by sound in
    /// another script keeps its skeleton ("Douglas", 道格拉斯).
    public var nameSounds: [UInt64: Float] = [:]
    /// Years named in the text and days that time expressions resolve to.
    public var dates: [UInt64: Float] = [:]
    /// Hashes of word shingles, for near-duplicate detection.
    public var shingles: Set<UInt64> = [] {
        didSet { signature = nil }
    }
    /// The MinHash signature of `shingles`, computed with them by the extractor (on the
    /// counting threads, not in the clustering's sequential loop); nil when not computed.
    public internal(set) var signature: MinHashSignature?
    /// The article's dense embedding (unit length) when an embedder is in use, else nil.
    public var embedding: [Float]?

    public init(language: String, published: Date?) {
        self.language = language
        self.published = published
    }

    /// Every distinct feature key, as counted once per document by document frequencies.
    public var allKeys: [UInt64] {
        Array(terms.keys) + Array(nameGrams.keys) + Array(entities.keys) + Array(numbers.keys) + Array(dates.keys) + Array(wordGrams.keys)
            + Array(countries.keys) + Array(nameSounds.keys)
    }
}

/// Article text → `FeatureCounts`.
///
/// Two depths: `.fast` tokenises and stems only (the streaming commands' default: cheap,
/// and enough with name n-grams and numbers); `.full` runs the annotator as well and adds
/// its entity keys (aliases across languages) and resolved time expressions.
public struct FeatureExtractor: Sendable {
    public enum Depth: String, Sendable, CaseIterable { case fast, full }

    public let depth: Depth
    public let parameters: FeatureParameters
    private let annotator: any Annotator
    private var analyzers: [String: TextAnalyzer] = [:]
    /// The keys of every distinct word met (see `WordFeatureTable`), and per-article sums
    /// kept between articles so counting allocates little.
    private var words: WordFeatureTable
    private var termSums = KeyWeightSums()
    private var wordGramSums = KeyWeightSums()
    private var nameGramSums = KeyWeightSums()
    private var nameSoundSums = KeyWeightSums()

    public init(depth: Depth = .fast, parameters: FeatureParameters = .standard, annotator: any Annotator = ArticleAnnotator()) {
        self.init(depth: depth, parameters: parameters, annotator: annotator, wordTableCapacity: 100_000)
    }

    init(depth: Depth = .fast, parameters: FeatureParameters = .standard, annotator: any Annotator = ArticleAnnotator(),
         wordTableCapacity: Int) {
        self.depth = depth
        self.parameters = parameters
        self.annotator = annotator
        words = WordFeatureTable(capacity: wordTableCapacity)
    }

    /// Counts the features of a title and body in `language` (`und` when unknown).
    public mutating func counts(title: String, text: String, language: String, published: Date?) -> FeatureCounts {
        let language = language.isEmpty ? "und" : language
        switch depth {
        case .fast:
            let analyzer = self.analyzer(for: language)
            var counts = FeatureCounts(language: language, published: published)
            words.makeRoom()
            var wordAnalyzer: TextAnalyzer.WordAnalyzer?
            let salt = FeatureHash.key(language, .shingle)
            for (part, isTitle) in [(title, true), (text, false)] where !part.isEmpty {
                // Words are looked up by their surface form; only new ones are analysed.
                let scalars = Array(part.unicodeScalars)
                var run = WordRun(parameters: parameters, isTitle: isTitle)
                for bounds in analyzer.bounds(in: scalars) {
                    guard bounds.kind == .word else {
                        run.breakRun(into: &counts, words)
                        continue
                    }
                    let surface = scalars[bounds.start..<bounds.end]
                    let key = WordFeatureTable.surfaceKey(surface, salt: salt)
                    var entry: Int
                    if let known = words.index(of: key) {
                        entry = known
                    } else {
                        if wordAnalyzer == nil { wordAnalyzer = analyzer.wordAnalyzer() }
                        let text = TextAnalyzer.string(surface)
                        let word = wordAnalyzer!.analyze(text, unspaced: bounds.unspaced)
                        entry = words.insert(key, surface: text, normalized: word.normalized, stem: word.stem,
                                             isStopword: word.isStopword, language: language, parameters: parameters)
                    }
                    run.add(entry, start: bounds.start, end: bounds.end, words, to: &counts, &termSums, &wordGramSums, &nameGramSums, &nameSoundSums)
                }
                run.breakRun(into: &counts, words)
            }
            finish(&counts)
            addNumbers(in: title, to: &counts)
            addNumbers(in: text, to: &counts)
            addCountries(in: title, text, to: &counts)
            addHanNameSounds(in: title, text, to: &counts)
            counts.signature = MinHashSignature(shingles: counts.shingles)
            return counts
        case .full:
            var paragraphs = text.components(separatedBy: Article.paragraphSeparator)
            if paragraphs.isEmpty { paragraphs = [text] }
            let article = Article(source: "-", title: title, paragraphs: paragraphs, published: published, language: language)
            return self.counts(annotator.annotate(article), titleTokens: title.isEmpty ? [] : analyzer(for: language).tokens(in: title))
        }
    }

    /// Counts the features of an article the annotator has already seen.
    public mutating func counts(_ annotated: AnnotatedArticle) -> FeatureCounts {
        let language = annotated.article.language ?? "und"
        let title = annotated.article.title
        return counts(annotated, titleTokens: title.isEmpty ? [] : analyzer(for: language).tokens(in: title))
    }

    private mutating func counts(_ annotated: AnnotatedArticle, titleTokens: [Token]) -> FeatureCounts {
        let article = annotated.article
        var counts = FeatureCounts(language: article.language ?? "und", published: article.published)
        words.makeRoom()
        addTokens(titleTokens, isTitle: true, to: &counts)
        addTokens(annotated.sentences.flatMap(\.tokens), isTitle: false, to: &counts)
        finish(&counts)
        addNumbers(in: article.title, to: &counts)
        addNumbers(in: article.text, to: &counts)
        for entity in annotated.entities {
            counts.entities[FeatureHash.key(LatinFolding.fold(entity.key), .entity), default: 0] += 1
        }
        addCountries(in: article.title, article.text, to: &counts)
        addHanNameSounds(in: article.title, article.text, to: &counts)
        for time in annotated.times {
            guard let interval = time.resolved else { continue }
            switch interval.granularity {
            case .day, .week:
                for ordinal in interval.start.ordinal...min(interval.end.ordinal, interval.start.ordinal + 6) {
                    counts.dates[FeatureHash.key("d\(ordinal)", .date), default: 0] += 1
                }
            case .month:
                counts.dates[FeatureHash.key("m\(interval.start.year)-\(interval.start.month)", .date), default: 0] += 1
            case .quarter, .year, .decade, .fuzzy:
                continue
            }
        }
        counts.signature = MinHashSignature(shingles: counts.shingles)
        return counts
    }

    private mutating func analyzer(for language: String) -> TextAnalyzer {
        if let analyzer = analyzers[language] { return analyzer }
        let analyzer = TextAnalyzer(language: language)
        analyzers[language] = analyzer
        return analyzer
    }

    /// Tokens the annotator made: the same counting as the fast path, with the analysis the
    /// tokens carry (looked up by surface form in a namespace of their own).
    private mutating func addTokens(_ tokens: [Token], isTitle: Bool, to counts: inout FeatureCounts) {
        let salt = FeatureHash.key(counts.language, .entity)
        var run = WordRun(parameters: parameters, isTitle: isTitle)
        for token in tokens {
            guard token.kind == .word else {
                run.breakRun(into: &counts, words)
                continue
            }
            let key = WordFeatureTable.surfaceKey(token.text.unicodeScalars, salt: salt)
            let entry = words.index(of: key)
                ?? words.insert(key, surface: token.text, normalized: token.normalized, stem: token.stem, isStopword: token.isStopword,
                                language: counts.language, parameters: parameters)
            run.add(entry, start: token.span.start, end: token.span.end, words, to: &counts, &termSums, &wordGramSums, &nameGramSums, &nameSoundSums)
        }
        run.breakRun(into: &counts, words)
    }

    /// Moves the summed term, word n-gram and name n-gram weights into the counts.
    private mutating func finish(_ counts: inout FeatureCounts) {
        counts.terms = termSums.drain()
        counts.wordGrams = wordGramSums.drain()
        counts.nameGrams = nameGramSums.drain()
        counts.nameSounds = nameSoundSums.drain()
    }

    /// The countries a title and text name (a title's count as much as the body's).
    private func addCountries(in title: String, _ text: String, to counts: inout FeatureCounts) {
        for part in [title, text] where !part.isEmpty {
            for country in CountryNames.shared.mentions(in: part, language: counts.language) {
                counts.countries[FeatureHash.key(country, .country), default: 0] += 1
            }
        }
    }

    /// Skeletons of the names a Han text may spell (`NameSounds.hanSkeletons`): Han comes in
    /// character pairs, not words, so the words' skeletons miss them.
    private func addHanNameSounds(in title: String, _ text: String, to counts: inout FeatureCounts) {
        guard CountryNames.shared.script(of: counts.language) == .han else { return }
        for part in [title, text] where !part.isEmpty {
            for skeleton in NameSounds.hanSkeletons(in: part) { counts.nameSounds[FeatureHash.key(skeleton, .nameSound), default: 0] += 1 }
        }
    }

    /// Numbers written with digits of any script. Years (four digits in `yearRange`) are
    /// dates; other values count only with `minimumSignificantDigits`, since "3" or "100"
    /// match by chance while "1,247" or "91" rarely do.
    private func addNumbers(in text: String, to counts: inout FeatureCounts) {
        for number in NumberScanner.numbers(in: text) {
            if number.isInteger, number.digitCount == 4, parameters.yearRange.contains(Int(number.value)) {
                counts.dates[FeatureHash.key("y\(Int(number.value))", .date), default: 0] += 1
            } else if number.significantDigits >= parameters.minimumSignificantDigits {
                counts.numbers[FeatureHash.key(number.canonical, .number), default: 0] += 1
            }
        }
    }
}

/// The counting of one run of words (a title, or a body): terms, word and name n-grams,
/// shingles over a sliding window, and runs of adjacent capitalised words as entity keys.
private struct WordRun {
    let parameters: FeatureParameters
    let isTitle: Bool
    /// Words of the capitalised run being read (table entries).
    private var names: [Int] = []
    private var previousEnd = -2
    private var window: [UInt64] = []

    init(parameters: FeatureParameters, isTitle: Bool) {
        self.parameters = parameters
        self.isTitle = isTitle
    }

    mutating func add(_ entry: Int, start: Int, end: Int, _ words: WordFeatureTable, to counts: inout FeatureCounts,
                      _ terms: inout KeyWeightSums, _ wordGrams: inout KeyWeightSums, _ nameGrams: inout KeyWeightSums,
                      _ nameSounds: inout KeyWeightSums) {
        let word = words.entries[entry]
        let termWeight: Float = isTitle ? parameters.titleTermWeight : 1
        // Shingles over every word (stopwords too: copies share their function words).
        window.append(word.shingleKey)
        if window.count > parameters.shingleWords { window.removeFirst() }
        if !isTitle, window.count == parameters.shingleWords {
            var h: UInt64 = 0
            for k in window { h = FeatureHash.mix(h ^ k) }
            counts.shingles.insert(h)
        }
        if word.isContent {
            terms.add(word.termKey, termWeight)
            for i in word.wordGrams { wordGrams.add(words.keys[i], termWeight) }
            for i in word.conceptKeys { terms.add(words.keys[i], termWeight * parameters.conceptWeight) }
        }
        for i in word.soundKeys { nameSounds.add(words.keys[i], 1) }
        if word.isName {
            let keys = word.nameKeys
            nameGrams.add(words.keys[keys.lowerBound], 1)
            for i in keys.dropFirst() { nameGrams.add(words.keys[i], parameters.nameGramWeight) }
            // Adjacent capitalised words ("White House") form a run: one space apart at most.
            if start - previousEnd > 1 { breakRun(into: &counts, words) }
            names.append(entry)
            previousEnd = end
        } else {
            breakRun(into: &counts, words)
        }
    }

    /// Ends the capitalised run: two names or more count as one entity key.
    mutating func breakRun(into counts: inout FeatureCounts, _ words: WordFeatureTable) {
        if names.count >= 2 {
            // The key of the folded names joined by spaces, hashed without joining them.
            var hash = FeatureHash.Incremental(.entity)
            for (i, entry) in names.enumerated() {
                if i > 0 { hash.append(UInt8(ascii: " ")) }
                for b in words.entries[entry].foldedName { hash.append(words.bytes[b]) }
            }
            counts.entities[hash.key, default: 0] += 1
        }
        names.removeAll(keepingCapacity: true)
    }
}

/// What counting needs of each distinct word (of one language), worked out once: its
/// shingle and term keys, its word n-gram keys and, for a name, its folded form and name
/// n-gram keys. News vocabulary is Zipfian, so nearly every word has been met before, and
/// folding, stemming, romanising (ICU, hundreds of µs a word) and hashing it again was most
/// of the counting. Keys and folded names live in flat pools, so a lookup allocates
/// nothing; the table is emptied when it holds `capacity` words (memory stays bounded).
struct WordFeatureTable {
    struct Entry {
        var shingleKey: UInt64
        var termKey: UInt64
        /// A non-stopword word of two or more scalars.
        var isContent: Bool
        /// Capitalised, not a stopword, at least `minimumNameLength` scalars.
        var isName: Bool
        /// Positions in `keys`.
        var wordGrams: Range<Int>
        /// Positions in `keys`: the whole folded name, then its n-grams.
        var nameKeys: Range<Int>
        /// Positions in `bytes`: the folded name in UTF-8.
        var foldedName: Range<Int>
        /// Positions in `keys`: the concepts the word names (`ConceptLexicon`), shared across languages.
        var conceptKeys: Range<Int>
        /// Positions in `keys`: the consonant skeleton of a possible name (`NameSounds`).
        var soundKeys: Range<Int>
    }

    let capacity: Int
    private(set) var entries: [Entry] = []
    private(set) var keys: [UInt64] = []
    private(set) var bytes: [UInt8] = []
    /// Open addressing: slot → entry index + 1 (0 when empty), and the slot's surface key.
    private var slots: [Int32]
    private var slotKeys: [UInt64]
    private var mask: Int

    init(capacity: Int) {
        self.capacity = capacity
        var size = 1
        while size < 2 * capacity { size <<= 1 }
        slots = [Int32](repeating: 0, count: size)
        slotKeys = [UInt64](repeating: 0, count: size)
        mask = size - 1
    }

    /// Key of a surface form (its scalars), salted by language: the same letters are another
    /// word in another language (other stem, other stopwords).
    static func surfaceKey<S: Sequence>(_ scalars: S, salt: UInt64) -> UInt64 where S.Element == Unicode.Scalar {
        var hash = salt
        for scalar in scalars { hash = (hash ^ UInt64(scalar.value)) &* 0x0000_0100_0000_01B3 }
        return FeatureHash.mix(hash)
    }

    func index(of key: UInt64) -> Int? {
        var slot = Int(truncatingIfNeeded: key) & mask
        while true {
            let stored = Int(slots[slot])
            if stored == 0 { return nil }
            if slotKeys[slot] == key { return stored - 1 }
            slot = (slot + 1) & mask
        }
    }

    /// Empties the table once it holds `capacity` words. Called between articles only: the
    /// counting of an article holds entry indices.
    mutating func makeRoom() {
        guard entries.count >= capacity else { return }
        entries.removeAll(keepingCapacity: true)
        keys.removeAll(keepingCapacity: true)
        bytes.removeAll(keepingCapacity: true)
        for i in slots.indices { slots[i] = 0 }
    }

    /// Adds a word not in the table and returns its entry index.
    mutating func insert(_ key: UInt64, surface: String, normalized: String, stem: String, isStopword: Bool,
                         language: String, parameters: FeatureParameters) -> Int {
        // One huge article can take the table past its capacity: keep the load under a half.
        if 2 * (entries.count + 1) > slots.count { grow() }
        let isContent = !isStopword && normalized.unicodeScalars.count > 1
        let wordGramStart = keys.count
        // Romanising (ICU for most scripts) is the costly part: once per word.
        let foldedWord = isContent ? LatinFolding.fold(normalized) : ""
        if isContent {
            Self.appendGramKeys(of: foldedWord, length: parameters.wordGramLength, family: .wordGram, to: &keys)
        }
        let wordGrams = wordGramStart..<keys.count
        let isCapitalised = surface.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
        let isName = isCapitalised && !isStopword && surface.unicodeScalars.count >= parameters.minimumNameLength
        let nameStart = keys.count, byteStart = bytes.count
        // A name is folded as written (capitalised), the word's n-grams from its normal form.
        let foldedName = isName ? LatinFolding.fold(surface) : ""
        if isName {
            keys.append(FeatureHash.key(foldedName, .nameGram))
            Self.appendGramKeys(of: foldedName, length: parameters.nameGramLength, family: .nameGram, to: &keys)
            bytes.append(contentsOf: foldedName.utf8)
        }
        let nameKeys = nameStart..<keys.count
        let conceptStart = keys.count
        if isContent, parameters.conceptWeight > 0 {
            // One key per concept in every language (a stem cannot start with U+0001).
            for concept in ConceptLexicon.shared.concepts(ofStem: stem, language: language) {
                keys.append(FeatureHash.key("\u{1}\(concept)", .term))
            }
        }
        let conceptKeys = conceptStart..<keys.count
        // A name's skeleton: capitalised words, and every content word of a script without capitals.
        let soundStart = keys.count
        if isName || (isContent && NameSounds.readsEveryWord(surface)) {
            let romanised = NameSounds.isRomanised(surface)
            if let skeleton = NameSounds.skeleton(ofLatin: isName ? foldedName : foldedWord, romanised: romanised) {
                keys.append(FeatureHash.key(skeleton, .nameSound))
            }
        }
        let index = entries.count
        entries.append(Entry(shingleKey: FeatureHash.key(normalized, .shingle), termKey: FeatureHash.key(stem, .term),
                             isContent: isContent, isName: isName, wordGrams: wordGrams, nameKeys: nameKeys,
                             foldedName: byteStart..<bytes.count, conceptKeys: conceptKeys, soundKeys: soundStart..<keys.count))
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 { slot = (slot + 1) & mask }
        slots[slot] = Int32(index + 1)
        slotKeys[slot] = key
        return index
    }

    private mutating func grow() {
        let old = zip(slots, slotKeys).filter { $0.0 != 0 }
        slots = [Int32](repeating: 0, count: 2 * slots.count)
        slotKeys = [UInt64](repeating: 0, count: slots.count)
        mask = slots.count - 1
        for (stored, key) in old {
            var slot = Int(truncatingIfNeeded: key) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = stored
            slotKeys[slot] = key
        }
    }

    /// Keys of the character n-grams of `word`, with "^" and "$" marking its ends.
    private static func appendGramKeys(of word: String, length n: Int, family: FeatureHash.Family, to keys: inout [UInt64]) {
        var scalars: [Unicode.Scalar] = ["^"]
        scalars.append(contentsOf: word.unicodeScalars)
        scalars.append("$")
        guard scalars.count > n else { return }
        for start in 0...(scalars.count - n) { keys.append(FeatureHash.key(scalars: scalars[start..<(start + n)], family)) }
    }
}

/// Sums of weights by feature key for one article, in an open-addressing table kept between
/// articles: a Swift dictionary rehashed (SipHash) at every occurrence of every word was a
/// large part of counting. Keys are feature hashes, already well mixed.
struct KeyWeightSums {
    private var keys: [UInt64] = []
    private var weights: [Float] = []
    /// Slot → position in `order` + 1 (0 when empty).
    private var slots: [Int32] = []
    /// Occupied slots in order of first use.
    private var order: [Int] = []
    private var mask = -1

    mutating func add(_ key: UInt64, _ weight: Float) {
        if 2 * (order.count + 1) > slots.count { grow() }
        var slot = Int(truncatingIfNeeded: key) & mask
        while slots[slot] != 0 {
            if keys[slot] == key {
                weights[slot] += weight
                return
            }
            slot = (slot + 1) & mask
        }
        order.append(slot)
        slots[slot] = Int32(order.count)
        keys[slot] = key
        weights[slot] = weight
    }

    /// The sums as a dictionary; the table is left empty.
    mutating func drain() -> [UInt64: Float] {
        var result = [UInt64: Float](minimumCapacity: order.count)
        for slot in order {
            result[keys[slot]] = weights[slot]
            slots[slot] = 0
        }
        order.removeAll(keepingCapacity: true)
        return result
    }

    private mutating func grow() {
        let entries = order.map { (keys[$0], weights[$0]) }
        let size = max(1024, 2 * slots.count)
        keys = [UInt64](repeating: 0, count: size)
        weights = [Float](repeating: 0, count: size)
        slots = [Int32](repeating: 0, count: size)
        order.removeAll(keepingCapacity: true)
        mask = size - 1
        for (key, weight) in entries { add(key, weight) }
    }
}

/// Finds numbers written with decimal digits of any script ("1,247", "3.5", "٩١").
enum NumberScanner {
    struct Number {
        var value: Double
        /// The value without grouping, as a stable string ("1247", "3.5").
        var canonical: String
        var isInteger: Bool
        var digitCount: Int
        var significantDigits: Int
    }

    static func numbers(in text: String) -> [Number] {
        var numbers: [Number] = []
        var groups: [String] = []  // digit groups
        var separators: [Unicode.Scalar] = []
        var current = ""
        var pendingSeparator: Unicode.Scalar?
        func finish() {
            if !current.isEmpty { groups.append(current) }
            if !groups.isEmpty, let number = make(groups, separators) { numbers.append(number) }
            groups.removeAll()
            separators.removeAll()
            current = ""
            pendingSeparator = nil
        }
        for scalar in text.unicodeScalars {
            // ASCII first: asking Unicode properties of every letter was most of the scan.
            let digit: Double? = scalar.value < 0x80
                ? (scalar.value >= 0x30 && scalar.value <= 0x39 ? Double(scalar.value - 0x30) : nil)
                : (scalar.properties.numericType == .decimal ? scalar.properties.numericValue : nil)
            if let digit {
                if let separator = pendingSeparator {
                    groups.append(current)
                    separators.append(separator)
                    current = ""
                    pendingSeparator = nil
                }
                current.append(Character(String(Int(digit))))
            } else if !current.isEmpty, pendingSeparator == nil, scalar == "," || scalar == "." || scalar == "'" || scalar == "\u{202F}" || scalar == "\u{A0}" {
                pendingSeparator = scalar
            } else {
                finish()
            }
        }
        finish()
        return numbers
    }

    /// Groups of three after the first mean thousands separators ("1,247,000", "1.247");
    /// otherwise the last separator is the decimal mark ("3.5", "3,5").
    private static func make(_ groups: [String], _ separators: [Unicode.Scalar]) -> Number? {
        var integerPart: String
        var fraction = ""
        if groups.count == 1 {
            integerPart = groups[0]
        } else if groups.dropFirst().allSatisfy({ $0.count == 3 }), Set(separators).count == 1, groups[0].count <= 3 {
            integerPart = groups.joined()
        } else {
            integerPart = groups.dropLast().joined()
            fraction = groups.last!
        }
        while integerPart.count > 1, integerPart.first == "0" { integerPart.removeFirst() }
        while fraction.last == "0" { fraction.removeLast() }
        let canonical = fraction.isEmpty ? integerPart : integerPart + "." + fraction
        guard let value = Double(canonical) else { return nil }
        let digits = (integerPart + fraction).drop { $0 == "0" }
        let significant = fraction.isEmpty ? digits.reversed().drop { $0 == "0" }.count : digits.count
        return Number(value: value, canonical: canonical, isInteger: fraction.isEmpty,
                      digitCount: integerPart.count + fraction.count, significantDigits: significant)
    }
}
