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
    /// Years named in the text and days that time expressions resolve to.
    public var dates: [UInt64: Float] = [:]
    /// Hashes of word shingles, for near-duplicate detection.
    public var shingles: Set<UInt64> = []

    public init(language: String, published: Date?) {
        self.language = language
        self.published = published
    }

    /// Every distinct feature key, as counted once per document by document frequencies.
    public var allKeys: [UInt64] {
        Array(terms.keys) + Array(nameGrams.keys) + Array(entities.keys) + Array(numbers.keys) + Array(dates.keys) + Array(wordGrams.keys)
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
    /// Word → its character n-gram keys, and capitalised word → its folded form and name
    /// n-gram keys. News vocabulary is Zipfian, so most words are seen before; folding and
    /// hashing them again was a fifth of the time. Keyed by the word's 64-bit feature hash
    /// (already computed for shingles), since hashing the string again for the table was
    /// most of what remained. Emptied when it reaches `cacheLimit`.
    private var wordGramCache: [UInt64: [UInt64]] = [:]
    private var nameCache: [UInt64: (folded: String, keys: [UInt64])] = [:]
    private let cacheLimit = 50_000

    public init(depth: Depth = .fast, parameters: FeatureParameters = .standard, annotator: any Annotator = ArticleAnnotator()) {
        self.depth = depth
        self.parameters = parameters
        self.annotator = annotator
    }

    /// Counts the features of a title and body in `language` (`und` when unknown).
    public mutating func counts(title: String, text: String, language: String, published: Date?) -> FeatureCounts {
        let language = language.isEmpty ? "und" : language
        switch depth {
        case .fast:
            let analyzer = self.analyzer(for: language)
            var counts = FeatureCounts(language: language, published: published)
            let titleTokens = title.isEmpty ? [] : analyzer.tokens(in: title)
            let bodyTokens = analyzer.tokens(in: text)
            addTokens(titleTokens, titleTokens: true, to: &counts)
            addTokens(bodyTokens, titleTokens: false, to: &counts)
            addNumbers(in: title, to: &counts)
            addNumbers(in: text, to: &counts)
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
        addTokens(titleTokens, titleTokens: true, to: &counts)
        addTokens(annotated.sentences.flatMap(\.tokens), titleTokens: false, to: &counts)
        addNumbers(in: article.title, to: &counts)
        addNumbers(in: article.text, to: &counts)
        for entity in annotated.entities {
            counts.entities[FeatureHash.key(LatinFolding.fold(entity.key), .entity), default: 0] += 1
        }
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
        return counts
    }

    private mutating func analyzer(for language: String) -> TextAnalyzer {
        if let analyzer = analyzers[language] { return analyzer }
        let analyzer = TextAnalyzer(language: language)
        analyzers[language] = analyzer
        return analyzer
    }

    /// Terms, name n-grams, capitalised runs (entity keys of the fast path) and shingles.
    private mutating func addTokens(_ tokens: [Token], titleTokens: Bool, to counts: inout FeatureCounts) {
        let termWeight: Float = titleTokens ? parameters.titleTermWeight : 1
        var run: [String] = []
        var previousEnd = -2
        func closeRun() {
            if run.count >= 2 { counts.entities[FeatureHash.key(run.joined(separator: " "), .entity), default: 0] += 1 }
            run.removeAll(keepingCapacity: true)
        }
        var window: [UInt64] = []
        for token in tokens {
            guard token.kind == .word else {
                closeRun()
                continue
            }
            // Shingles over every word (stopwords too: copies share their function words).
            let wordKey = FeatureHash.key(token.normalized, .shingle)
            window.append(wordKey)
            if window.count > parameters.shingleWords { window.removeFirst() }
            if !titleTokens, window.count == parameters.shingleWords {
                var h: UInt64 = 0
                for k in window { h = FeatureHash.mix(h ^ k) }
                counts.shingles.insert(h)
            }
            if token.isContent {
                counts.terms[FeatureHash.key(token.stem, .term), default: 0] += termWeight
                for key in wordGramKeys(token.normalized, wordKey) { counts.wordGrams[key, default: 0] += termWeight }
            }
            let isCapitalised = token.text.unicodeScalars.first.map { $0.properties.isUppercase } ?? false
            if isCapitalised, !token.isStopword, token.text.unicodeScalars.count >= parameters.minimumNameLength {
                let (folded, keys) = nameKeys(token.text, FeatureHash.key(token.text, .nameGram))
                counts.nameGrams[keys[0], default: 0] += 1
                for key in keys.dropFirst() { counts.nameGrams[key, default: 0] += parameters.nameGramWeight }
                // Adjacent capitalised words ("White House") form a run: one space apart at most.
                if token.span.start - previousEnd > 1 { closeRun() }
                run.append(folded)
                previousEnd = token.span.end
            } else {
                closeRun()
            }
        }
        closeRun()
    }

    private mutating func wordGramKeys(_ word: String, _ wordKey: UInt64) -> [UInt64] {
        if let keys = wordGramCache[wordKey] { return keys }
        if wordGramCache.count >= cacheLimit { wordGramCache.removeAll(keepingCapacity: true) }
        let keys = Self.gramKeys(LatinFolding.fold(word), length: parameters.wordGramLength, family: .wordGram)
        wordGramCache[wordKey] = keys
        return keys
    }

    /// The folded name and its keys: the whole name first, then its n-grams.
    private mutating func nameKeys(_ word: String, _ wordKey: UInt64) -> (folded: String, keys: [UInt64]) {
        if let cached = nameCache[wordKey] { return cached }
        if nameCache.count >= cacheLimit { nameCache.removeAll(keepingCapacity: true) }
        let folded = LatinFolding.fold(word)
        let entry = (folded, [FeatureHash.key(folded, .nameGram)] + Self.gramKeys(folded, length: parameters.nameGramLength, family: .nameGram))
        nameCache[wordKey] = entry
        return entry
    }

    /// Keys of the character n-grams of `word`, with "^" and "$" marking its ends.
    private static func gramKeys(_ word: String, length n: Int, family: FeatureHash.Family) -> [UInt64] {
        var scalars: [Unicode.Scalar] = ["^"]
        scalars.append(contentsOf: word.unicodeScalars)
        scalars.append("$")
        guard scalars.count > n else { return [] }
        return (0...(scalars.count - n)).map { FeatureHash.key(scalars: scalars[$0..<($0 + n)], family) }
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
