import ParallaxCore

/// Finds quotations between “ ” „ “ « » ‘ ’ and straight quotes, within a paragraph, and
/// attributes each to a speaker: "X said", "said X", "X replied,", "stating,",
/// "according to X", "a note from X that read:", "X's note:"; a pronoun or a title
/// ("he", "the president") stands for the most recent person mentioned before it. A bare
/// quotation that follows an attributed one in its paragraph goes on with its speaker.
public struct QuoteExtractor: Sendable {
    public init() {}

    /// Quotes of a stand-alone text (blank lines separate paragraphs); spans are offsets into `text`.
    public func extract(_ text: String, language: String) -> [Quote] {
        let sentences = SentenceWords.sentences(of: text, language: language)
        let entities = EntityRecognizer().analyze(sentences, excluding: [])
        return extract(Array(text.unicodeScalars), sentences: sentences, entities: entities)
    }

    func extract(_ text: [Unicode.Scalar], sentences: [SentenceWords], entities: EntityRecognizer.Analysis) -> [Quote] {
        let attribution = Attribution(sentences: sentences, entities: entities)
        var quotes: [Quote] = []
        for paragraph in QuoteExtractor.paragraphs(text) {
            var previous: (close: Int, sentence: Int, speaker: Attribution.Speaker)?
            for (open, close) in QuoteExtractor.marks(in: text, paragraph) {
                var start = open + 1, end = close
                while start < end, text[start].properties.isWhitespace { start += 1 }
                while end > start, text[end - 1].properties.isWhitespace { end -= 1 }
                guard text[start..<end].contains(where: { $0.properties.isAlphabetic }) else { continue }
                var inner = ""
                inner.unicodeScalars.append(contentsOf: text[start..<end])
                let sentence = attribution.sentence(containing: open) ?? attribution.sentence(containing: start)
                var speaker = attribution.speaker(open: open, close: close)
                // A quotation that is a sentence of its own right after an attributed one in
                // the same paragraph goes on with the same speaker ("…,” said Solheim. “We did
                // not want this strike.”): in the next sentence, with no one else named between.
                let index = sentence?.index ?? 0
                if speaker == nil, let previous, index - previous.sentence <= 1, attribution.opensSentence(open),
                   !attribution.namesPerson(between: previous.close, and: open, other: previous.speaker.key) {
                    speaker = previous.speaker
                }
                // Measured from the sentence where the quotation (and so its attribution) ends.
                if let speaker { previous = (close, attribution.sentence(containing: close)?.index ?? index, speaker) }
                quotes.append(Quote(text: inner, span: TextSpan(start: start, end: end), sentence: sentence?.index ?? 0,
                                    speakerKey: speaker?.key, speaker: speaker?.name))
            }
        }
        return quotes
    }

    /// Paragraph ranges: runs of text between blank lines.
    static func paragraphs(_ text: [Unicode.Scalar]) -> [Range<Int>] {
        var ranges: [Range<Int>] = []
        var start = 0
        var i = 0
        while i + 1 < text.count {
            if text[i] == "\n", text[i + 1] == "\n" {
                if i > start { ranges.append(start..<i) }
                while i < text.count, text[i] == "\n" { i += 1 }
                start = i
            } else { i += 1 }
        }
        if start < text.count { ranges.append(start..<text.count) }
        return ranges
    }

    /// Offsets of matching opening and closing marks in a paragraph, outermost only.
    static func marks(in text: [Unicode.Scalar], _ range: Range<Int>) -> [(Int, Int)] {
        func isWordish(_ k: Int) -> Bool { range.contains(k) && SentenceWords.isWordScalar(text[k]) }
        func isSpace(_ k: Int) -> Bool { !range.contains(k) || text[k].properties.isWhitespace }
        var found: [(Int, Int)] = []
        var p = range.lowerBound
        while p < range.upperBound {
            let mark = text[p]
            guard let closers = QuoteLexicon.pairs[mark] else { p += 1; continue }
            // An opening mark does not follow a letter; marks that double as apostrophes or
            // straight quotes must also touch the word they open (« and „ may have a space).
            let ambiguous = QuoteLexicon.apostropheLike.contains(mark) || mark == "\""
            let opens = !isWordish(p - 1)
                && (!ambiguous || !isSpace(p + 1))
                && (!(mark == "\"" || mark == "'") || isSpace(p - 1) || "([—–-".unicodeScalars.contains(text[p - 1]))
            guard opens else { p += 1; continue }
            var q = p + 1
            var close: Int?
            // A stray mark must not make the search quadratic in a long paragraph.
            let limit = min(range.upperBound, p + 1 + QuoteLexicon.maximumLength)
            while q < limit {
                if closers.contains(text[q]), !(ambiguous && isSpace(q - 1)),
                   !(QuoteLexicon.apostropheLike.contains(text[q]) && isWordish(q + 1)) {
                    close = q
                    break
                }
                q += 1
            }
            if let close {
                found.append((p, close))
                p = close + 1
            } else { p += 1 }
        }
        return found
    }
}

/// Who said a quote, from the words around it.
private struct Attribution {
    struct Speaker { var key: String; var name: String }

    let sentences: [SentenceWords]
    let persons: [EntityMention]
    let titles: [String: Set<String>]

    init(sentences: [SentenceWords], entities: EntityRecognizer.Analysis) {
        self.sentences = sentences
        persons = entities.mentions.filter { $0.kind == .person }.sorted { $0.span < $1.span }
        titles = entities.titles
    }

    /// Whether only spaces stand before `offset` in its sentence.
    func opensSentence(_ offset: Int) -> Bool {
        guard let s = sentence(containing: offset) ?? sentence(containing: offset + 1) else { return false }
        let local = offset - s.base
        return local <= 0 || s.scalars[0..<min(local, s.scalars.count)].allSatisfy { $0.properties.isWhitespace }
    }

    /// Whether a person other than `key` is named between two offsets.
    func namesPerson(between start: Int, and end: Int, other key: String) -> Bool {
        persons.contains { $0.span.start >= start && $0.span.end <= end && $0.key != key }
    }

    func sentence(containing offset: Int) -> SentenceWords? {
        sentences.first { $0.base <= offset && offset < $0.base + $0.scalars.count }
    }

    func speaker(open: Int, close: Int) -> Speaker? {
        if let s = sentence(containing: close + 1) ?? sentence(containing: close), let found = after(close, in: s) { return found }
        if let s = sentence(containing: open) ?? sentence(containing: open + 1) { return before(open, close: close, in: s) }
        return nil
    }

    /// "…,” Trump said." / "…,” said Trump." / "…,” he said."
    private func after(_ close: Int, in s: SentenceWords) -> Speaker? {
        let cues = QuoteLexicon.cues(s.language)
        let following = s.words.indices.filter { s.base + s.words[$0].start > close }
        // Attribution follows a quotation that ends in a comma ("…,” he said) or runs on
        // in lower case ("…!” she said); a capital after a full stop starts a new thought.
        guard let first = following.first else { return nil }
        let local = close - s.base
        let endsInComma = local > 0 && local - 1 < s.scalars.count && s.scalars[local - 1] == ","
        guard endsInComma || !s.words[first].isCapitalized || isPersonMention(at: first, in: s) else { return nil }
        // The window is a few words and ends at the next quotation.
        let nextOpen = s.scalars.indices.first { $0 > local && QuoteLexicon.pairs[s.scalars[$0]] != nil }
        let inWindow = following.prefix(4).filter { nextOpen == nil || s.words[$0].start < nextOpen! }
        guard inWindow.contains(where: { cues.contains(s.words[$0].lower) }) else { return nil }
        for w in inWindow {
            // "said the head of the agency, Doni Monardo", "sagte die deutsche Kanzlerin
            // Angela Merkel": the name a role leads to is the speaker.
            if role(at: w, in: s) != nil, let named = apposition(after: w, in: s) { return named }
            if let found = referent(at: w, in: s) { return found }
        }
        return nil
    }

    /// The person named in apposition to the role at `w`: the first person within a few
    /// words after it, in the same clause, unless a preposition ties that person to the role
    /// ("the lawyer for Trump", "the spokesman of Vladimir Putin, Dmitry Peskov" is Peskov).
    private func apposition(after w: Int, in s: SentenceWords) -> Speaker? {
        var k = w + 1
        while k < s.words.count, k <= w + QuoteLexicon.appositionReach {
            let gap = s.scalars[s.words[k - 1].end..<s.words[k].start]
            if gap.contains(where: { QuoteLexicon.appositionStops.contains($0) || QuoteLexicon.pairs[$0] != nil }) { return nil }
            let offset = s.base + s.words[k].start
            if let person = persons.first(where: { $0.span.start <= offset && offset < $0.span.end }) {
                let tied = !gap.contains(",") && QuoteLexicon.principalPrepositions.contains(s.words[k - 1].lower)
                if !tied { return Speaker(key: person.key, name: person.name) }
                while k < s.words.count, s.base + s.words[k].start < person.span.end { k += 1 }
                continue
            }
            if QuoteLexicon.relativeWords.contains(s.words[k].lower) { return nil }
            k += 1
        }
        return nil
    }

    /// "Trump replied simply, “…”", "stating, ‘…’", "according to Petro, “…”", "a note from Trump that read: “…”".
    private func before(_ open: Int, close: Int, in s: SentenceWords) -> Speaker? {
        let preceding = s.words.indices.filter { s.base + s.words[$0].end <= open }
        guard !preceding.isEmpty else { return nil }
        let cues = QuoteLexicon.cues(s.language)
        if let cue = preceding.last(where: { cues.contains(s.words[$0].lower) || QuoteLexicon.utteranceNouns.contains(s.words[$0].lower)
                || QuoteLexicon.sourcePrepositions.contains(s.words[$0].lower) }) {
            if QuoteLexicon.sourcePrepositions.contains(s.words[cue].lower) {
                for w in preceding where w > cue { if let found = referent(at: w, in: s) { return found } }
            }
            for w in preceding.reversed() where w < cue { if let found = referent(at: w, in: s) { return found } }
            for w in preceding where w > cue { if let found = referent(at: w, in: s) { return found } }
        }
        // No cue: the subject of the sentence, the first person named before the quotation,
        // for a quotation long enough to be speech rather than a quoted term.
        // A person after a preposition is an object ("CSIF y USO piden a Yolanda Díaz ‘…’").
        guard words(in: open, close) >= QuoteLexicon.minimumUncuedWords else { return nil }
        let objectMarkers = QuoteLexicon.objectMarkers[s.language] ?? []
        for w in preceding {
            guard let found = referent(at: w, in: s), let mention = personMention(at: w, in: s) else { continue }
            // The word before the name's first word.
            let before = s.words.lastIndex { s.base + $0.end <= mention.span.start }
            if let before, objectMarkers.contains(s.words[before].lower) { continue }
            return found
        }
        return nil
    }

    /// Whether any mention of the person's has `adjective` among the three words before it
    /// ("Colombian President Gustavo Petro", "presidente colombiano Gustavo Petro").
    private func isDescribed(_ person: EntityMention, by adjective: String) -> Bool {
        persons.contains { mention in
            guard mention.key == person.key, let s = sentences.first(where: { $0.index == mention.sentence }) else { return false }
            let before = s.words.indices.filter { s.base + s.words[$0].end <= mention.span.start }.suffix(3)
            return before.contains { s.words[$0].lower == adjective }
        }
    }

    /// Number of words between two offsets of the article text.
    private func words(in open: Int, _ close: Int) -> Int {
        sentences.reduce(0) { count, s in
            count + s.words.filter { s.base + $0.start > open && s.base + $0.end <= close }.count
        }
    }

    private func isPersonMention(at w: Int, in s: SentenceWords) -> Bool { personMention(at: w, in: s) != nil }

    private func personMention(at w: Int, in s: SentenceWords) -> EntityMention? {
        let offset = s.base + s.words[w].start
        return persons.first { $0.span.start <= offset && offset < $0.span.end }
    }

    /// The person a word refers to: a person mention, a pronoun, or "the" + title.
    private func referent(at w: Int, in s: SentenceWords) -> Speaker? {
        let offset = s.base + s.words[w].start
        if let person = persons.first(where: { $0.span.start <= offset && offset < $0.span.end }) {
            return Speaker(key: person.key, name: person.name)
        }
        let word = s.words[w].lower
        if QuoteLexicon.pronouns(s.language).contains(word) {
            return lastPerson(before: offset, sentence: s.index, title: nil, pronoun: word)
        }
        if let role = role(at: w, in: s) {
            return lastPerson(before: offset, sentence: s.index, title: role.title, pronoun: nil, role: role)
        }
        return nil
    }

    /// A person named by a title or a role after a determiner, perhaps with one adjective
    /// between or (in the Romance languages) after: "the president", "the Colombian leader",
    /// "der französische Präsident", "der CDU-Politiker", "el mandatario colombiano".
    struct Role {
        var title: String
        var adjective: String?
        /// The adjective stands between determiner and noun, so it surely describes the
        /// person ("the French president"); one after the noun may be any word.
        var adjectiveBefore = false
    }

    private func role(at w: Int, in s: SentenceWords) -> Role? {
        let word = s.words[w].lower
        guard w > 0, !s.words[w].isCapitalized || EntityLexicon.nounCapitalizingLanguages.contains(s.language) else { return nil }
        var title = word
        if !EntityLexicon.titles.contains(word) {
            guard EntityLexicon.isRole(word, language: s.language) else { return nil }
            // German compounds of a party or a place and a role: "CDU-Politiker" is a "politiker".
            if let hyphen = word.lastIndex(of: "-") { title = String(word[word.index(after: hyphen)...]) }
        }
        // English "a" is no definite article ("a manager told …" names no one); it is one in Portuguese.
        func isDeterminer(_ k: Int) -> Bool {
            EntityLexicon.determiners.contains(s.words[k].lower) && !(s.language == "en" && s.words[k].lower == "a")
        }
        var adjective: String?
        var determiner = w - 1
        if !isDeterminer(determiner), determiner > 0, QuoteLexicon.isAdjectiveBeforeNoun(s.words[determiner], language: s.language) {
            adjective = s.words[determiner].lower
            determiner -= 1
        }
        guard isDeterminer(determiner) else { return nil }
        if adjective == nil, QuoteLexicon.adjectivesFollowNouns.contains(s.language), w + 1 < s.words.count,
           !s.words[w + 1].isCapitalized, !s.words[w + 1].isStopword, s.spaceOnly(after: w) {
            adjective = s.words[w + 1].lower
        }
        return Role(title: title, adjective: adjective, adjectiveBefore: determiner < w - 1)
    }

    /// The person a pronoun or title at `offset` stands for, preferring one who was given
    /// `title` and skipping those whose title says the pronoun cannot be theirs: the nearest
    /// person before it in its own sentence, else the subject (first person named) of the last
    /// sentence that named one.
    private func lastPerson(before offset: Int, sentence: Int, title: String?, pronoun: String? = nil, role: Role? = nil) -> Speaker? {
        var earlier = persons.filter { $0.span.end <= offset }
        // "she" is not Mr Crow, "he" not Mrs Miller.
        if let pronoun {
            let excluded = QuoteLexicon.feminine.contains(pronoun) ? QuoteLexicon.maleTitles
                : QuoteLexicon.masculine.contains(pronoun) ? QuoteLexicon.femaleTitles : []
            earlier = earlier.filter { titles[$0.key]?.isDisjoint(with: excluded) ?? true }
        }
        // "the Colombian leader": the person a mention of whom had that adjective beside it
        // ("Colombian President Gustavo Petro", "el presidente colombiano Gustavo Petro").
        let described = role?.adjective.map { adjective in earlier.filter { isDescribed($0, by: adjective) } } ?? []
        if !described.isEmpty {
            earlier = described
        } else if role?.adjectiveBefore == true {
            return nil  // "the French president" is not a president named without it
        } else if let title {
            let titled = earlier.filter { titles[$0.key]?.contains { $0.hasSuffix(title) } ?? false }
            if !titled.isEmpty { earlier = titled }
        }
        guard let last = earlier.last else { return nil }
        let person = last.sentence == sentence ? last : earlier.first { $0.sentence == last.sentence } ?? last
        return Speaker(key: person.key, name: person.name)
    }
}
