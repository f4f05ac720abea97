import ParallaxCore
import ParallaxLanguage

/// A content word of a claim, in the forms used to match it against another source's words.
struct ContentWord: Sendable, Hashable {
    /// Case-folded, American spelling: the word's identity within one claim.
    let form: String
    /// Snowball stem from the language stage (the case-folded word where there is no stemmer).
    let stem: String
    /// As written, for display.
    let text: String
    /// Digits match only digits, exactly; words also match by spelling and synonyms.
    let isNumber: Bool
    let trigrams: [UInt64]
    /// Index into `CompareLexicon.synonymGroups`, when the word is listed there.
    let synonymGroup: Int?
    /// Meanings the word names in `ConceptLexicon` (its translations in other languages).
    let concepts: [Int32]
    /// The word is of a language that builds words by suffixes (`ClaimMatcher.suffixingLanguages`).
    var suffixing: Bool = false
}

/// A sentence, or a phrase of one, with the features alignment compares: content words,
/// entity keys, numbers and time expressions.
struct ClaimUnit: Sendable {
    /// Index of the article among the compared ones.
    let source: Int
    /// Index of the sentence in its article.
    let sentence: Int
    /// Scalar offsets into the article's text.
    let span: TextSpan
    let words: [ContentWord]
    /// Entity key → the text the article used.
    let entities: [String: String]
    let numbers: [NumberMention]
    let times: [TimeMention]
    /// ISO 639-1 code of the sentence, `und` when unknown.
    let language: String

    var resolvedTimes: [DayInterval] { times.compactMap(\.resolved) }

    /// Whether the claim says anything: a content word, or a count of some kind ("12 dead").
    /// A line that is only a name, a bare number or a date ("Jerusalem.", "3.", a dateline)
    /// says nothing, so sharing it with another source's sentence is no fact shared.
    var saysSomething: Bool {
        !words.isEmpty || numbers.contains { $0.unit != nil }
    }

    /// A claim states a fact when it says something of what it names, counts or dates, or
    /// says enough on its own.
    var hasFact: Bool {
        saysSomething && (!entities.isEmpty || !numbers.isEmpty || !times.isEmpty || words.count >= ClaimUnits.factWords)
    }
}

/// Cuts annotated articles into claim units: one per sentence, and the phrases of each
/// sentence (for details one source adds inside a sentence the others share).
struct ClaimUnits: Sendable {
    /// Content words that make a sentence a claim by themselves.
    static let factWords = 4
    /// A phrase shorter than this (in content words) joins its neighbour.
    static let phraseWords = 3

    let sentences: [ClaimUnit]
    /// Phrases per sentence, parallel to `sentences`; a sentence with one phrase has it here too.
    let phrases: [[ClaimUnit]]

    init(_ annotated: AnnotatedArticle, source: Int) {
        let article = annotated.article
        // The English function words back up the language stage's stopwords for English (and
        // stand in for them where a language has none), so "the" and "though" never count as
        // shared content.
        let flagged = annotated.sentences.contains { $0.tokens.contains(where: \.isStopword) }
        let useFunctionWords = !flagged || ["en", "und"].contains(annotated.article.language ?? "und")
        var sentences: [ClaimUnit] = []
        var phrases: [[ClaimUnit]] = []
        for sentence in annotated.sentences {
            // Page furniture left inside a paragraph is kept as a sentence but states nothing.
            let furniture = CompareLexicon.isFurniture(article.text.substring(sentence.span).lowercased())
            let words = furniture ? [] : sentence.tokens.filter { token in
                guard token.isContent else { return false }
                if useFunctionWords, CompareLexicon.englishFunctionWords.contains(token.normalized) { return false }
                // Names, quantities and dates are compared as entities, numbers and intervals,
                // not as words ("last year" and "in October" share no word but may agree).
                if annotated.entities.contains(where: { $0.span.overlaps(token.span) }) { return false }
                if annotated.times.contains(where: { $0.span.overlaps(token.span) }) { return false }
                if token.kind == .number, annotated.numbers.contains(where: { $0.span.overlaps(token.span) }) { return false }
                return true
            }
            let language = sentence.language == "und" ? (article.language ?? "und") : sentence.language
            let suffixing = ClaimMatcher.suffixingLanguages.contains(LanguageTag.base(language))
            // Each word's forms once: the sentence and each of its phrases take them from here.
            let analysed = words.map { token in
                let form = Orthography.americanSpelling(token.normalized)
                return (span: token.span, word: ContentWord(
                    form: form, stem: token.stem, text: token.text, isNumber: token.kind == .number,
                    trigrams: Orthography.trigrams(form), synonymGroup: CompareLexicon.synonymGroupOfWord[form],
                    concepts: ConceptLexicon.shared.concepts(ofStem: token.stem, language: language),
                    suffixing: suffixing))
            }
            func unit(_ span: TextSpan) -> ClaimUnit {
                guard !furniture else {
                    return ClaimUnit(source: source, sentence: sentence.index, span: span, words: [], entities: [:],
                                     numbers: [], times: [], language: language)
                }
                var seen: Set<String> = []
                var content: [ContentWord] = []
                for (tokenSpan, word) in analysed where span.contains(tokenSpan) {
                    guard seen.insert(word.form).inserted else { continue }
                    content.append(word)
                }
                var entities: [String: String] = [:]
                for mention in annotated.entities where mention.sentence == sentence.index && span.overlaps(mention.span) {
                    if entities[mention.key] == nil { entities[mention.key] = mention.text }
                }
                return ClaimUnit(
                    source: source, sentence: sentence.index, span: span, words: content, entities: entities,
                    numbers: annotated.numbers.filter { $0.sentence == sentence.index && span.overlaps($0.span) },
                    times: annotated.times.filter { $0.sentence == sentence.index && span.overlaps($0.span) },
                    language: language)
            }
            let whole = unit(sentence.span)
            sentences.append(whole)
            let pieces = ClaimUnits.phraseSpans(of: sentence, in: article.text).map(unit)
            phrases.append(ClaimUnits.mergeShort(pieces, using: unit))
        }
        self.sentences = sentences
        self.phrases = phrases
    }

    /// Spans of the sentence between phrase punctuation, trimmed of spaces and punctuation.
    private static func phraseSpans(of sentence: Sentence, in text: String) -> [TextSpan] {
        let scalars = Array(text.substring(sentence.span).unicodeScalars)
        var spans: [TextSpan] = []
        var start = 0
        func emit(_ end: Int) {
            var s = start, e = end
            while s < e, !(scalars[s].properties.isAlphabetic || scalars[s].properties.numericType != nil
                           || CompareLexicon.quotationOpeners.contains(scalars[s])) { s += 1 }
            while e > s, scalars[e - 1].properties.isWhitespace { e -= 1 }
            if e > s { spans.append(TextSpan(start: sentence.span.start + s, end: sentence.span.start + e)) }
        }
        for (i, scalar) in scalars.enumerated() {
            let spacedHyphen = scalar == "-" && i > 0 && i + 1 < scalars.count
                && scalars[i - 1].properties.isWhitespace && scalars[i + 1].properties.isWhitespace
            // A comma between digits separates thousands ("1,500"), not phrases.
            let inNumber = scalar == "," && i > 0 && i + 1 < scalars.count
                && scalars[i - 1].properties.numericType != nil && scalars[i + 1].properties.numericType != nil
            if (CompareLexicon.phraseBoundaries.contains(scalar) && !inNumber) || spacedHyphen {
                emit(i)
                start = i + 1
            }
        }
        emit(scalars.count)
        return spans
    }

    /// Joins phrases too short to be a claim to the phrase before them (the first to the one after).
    private static func mergeShort(_ pieces: [ClaimUnit], using unit: (TextSpan) -> ClaimUnit) -> [ClaimUnit] {
        var spans: [TextSpan] = []
        var pendingStart: Int?
        for piece in pieces {
            let short = piece.words.count + piece.entities.count + piece.numbers.count < phraseWords
            if short {
                if let last = spans.last { spans[spans.count - 1] = TextSpan(start: last.start, end: piece.span.end) }
                else if pendingStart == nil { pendingStart = piece.span.start }
            } else {
                spans.append(TextSpan(start: pendingStart ?? piece.span.start, end: piece.span.end))
                pendingStart = nil
            }
        }
        if let pendingStart, let last = pieces.last {
            spans.append(TextSpan(start: pendingStart, end: last.span.end))
        }
        return spans.map(unit)
    }
}
