import Foundation
import ParallaxCore
import ParallaxLanguage

/// Finds named entities: gazetteer names and their aliases in several languages
/// ("Witte Huis" and "White House" share the key `white house`, "Colombian" links to
/// `colombia`), then capitalised spans with titles stripped ("U.S. President Donald Trump"
/// gives `united states` and a person "Donald Trump"), and links a single name to the
/// fuller person name it ends ("Trump" → `donald trump`) within the article.
public struct EntityRecognizer: Sendable {
    public init() {}

    /// Entities of a stand-alone text (treated as one article); spans are offsets into `text`.
    public func recognize(_ text: String, language: String) -> [EntityMention] {
        analyze(SentenceWords.sentences(of: text, language: language), excluding: []).mentions
    }

    /// The mentions of an article and the titles each person was given.
    struct Analysis {
        var mentions: [EntityMention]
        /// Lower-cased titles seen before each entity key ("president").
        var titles: [String: Set<String>]
    }

    private struct Candidate {
        var sentence: Int
        var text: String
        var span: TextSpan
        var words: [String]
        var kind: EntityMention.Kind?
        var alias: EntityLexicon.Alias?
        var titles: [String]
        /// Needs support from elsewhere in the article to count: a lone capitalised word at
        /// a sentence start, or any capitalised word in a language that capitalises nouns.
        var needsSupport: Bool
    }

    func analyze(_ sentences: [SentenceWords], excluding: [TextSpan]) -> Analysis {
        // Capitalised words seen inside sentences: evidence that a sentence-initial word is a name.
        var midSentence: Set<String> = []
        for s in sentences {
            for (i, word) in s.words.enumerated() where word.isCapitalized && !s.isInitial(i) { midSentence.insert(word.lower) }
        }
        var candidates: [Candidate] = []
        for s in sentences { candidates += self.candidates(in: s, excluding: excluding, midSentence: midSentence) }
        return resolve(candidates)
    }

    // MARK: one sentence

    private func candidates(in s: SentenceWords, excluding: [TextSpan], midSentence: Set<String>) -> [Candidate] {
        let n = s.words.count
        var taken = s.words.map { w in excluding.contains { $0.overlaps(s.span(w.start, w.end)) } }
        var found: [Candidate] = []
        var i = 0
        while i < n {
            if !taken[i], let (alias, last, end) = gazetteerMatch(s, at: i) {
                found.append(Candidate(sentence: s.index, text: s.text(s.words[i].start, end), span: s.span(s.words[i].start, end),
                                       words: alias.words, kind: nil, alias: alias, titles: [], needsSupport: false))
                for k in i...last { taken[k] = true }
                i = last + 1
            } else { i += 1 }
        }
        found += countries(in: s, taken: &taken)
        i = 0
        while i < n {
            guard !taken[i], s.words[i].isCapitalized else { i += 1; continue }
            var j = i
            while let next = continuation(s, after: j, taken: taken) { j = next }
            found += candidates(fromRun: i...j, in: s, midSentence: midSentence)
            i = j + 1
        }
        return found.sorted { $0.span < $1.span }
    }

    /// Longest gazetteer alias starting at word `i`: the alias, its last word and end offset.
    private func gazetteerMatch(_ s: SentenceWords, at i: Int) -> (EntityLexicon.Alias, Int, Int)? {
        guard let options = EntityLexicon.aliases[s.words[i].lower] else { return nil }
        for alias in options where i + alias.words.count <= s.words.count {
            let dotted: Set<Unicode.Scalar> = alias.endsWithDot || alias.words.allSatisfy({ $0.count == 1 }) ? [".", ","] : [","]
            var matches = true
            for k in 0..<alias.words.count {
                let word = s.words[i + k]
                if alias.caseSensitive ? word.text != alias.written[k] : word.lower != alias.words[k] { matches = false; break }
                if k > 0, !s.joins(after: i + k - 1, allowing: dotted) { matches = false; break }
            }
            guard matches else { continue }
            if let first = alias.written.first?.unicodeScalars.first, first.properties.isUppercase, !s.words[i].isCapitalized { continue }
            let last = i + alias.words.count - 1
            var end = s.words[last].end
            if alias.endsWithDot, end < s.scalars.count, s.scalars[end] == "." { end += 1 }
            return (alias, last, end)
        }
        return nil
    }

    /// Countries the alias table does not know in this form: names in other alphabets and
    /// inflections ("Украины", "Ukrainie", "Τουρκία"), from `CountryNames`, written with a
    /// capital as names are (not "turkey" the bird). Scripts without capitals (Arabic,
    /// Chinese, Korean…) are left out: their other names are not recognised, so countries
    /// would be all their entities, and pairs of different events share those (SemEval ar-ar
    /// Pearson 0.561 → 0.483 with them). The clusterer counts their countries through its
    /// own features.
    private func countries(in s: SentenceWords, taken: inout [Bool]) -> [Candidate] {
        var found: [Candidate] = []
        let text = String(String.UnicodeScalarView(s.scalars))
        for match in CountryNames.shared.matches(in: text, language: s.language) {
            let covered = s.words.indices.filter { s.words[$0].start < match.end && match.start < s.words[$0].end }
            guard let first = covered.first, let last = covered.last, s.words[first].isCapitalized,
                  !covered.contains(where: { taken[$0] }) else { continue }
            // A name that opens a longer capitalised name is part of it ("Chad Smith", "Georgia
            // Tech"), unless a person's name follows ("Президент России Владимир Путин").
            if last + 1 < s.words.count, s.words[last + 1].isCapitalized, s.spaceOnly(after: last),
               !EntityLexicon.givenNames.contains(LatinFolding.fold(s.words[last + 1].lower)) { continue }
            // After a given name it is a surname ("Michael Chad").
            if first > 0, s.words[first - 1].isCapitalized, s.spaceOnly(after: first - 1),
               EntityLexicon.givenNames.contains(LatinFolding.fold(s.words[first - 1].lower)) { continue }
            let name = CountryNames.shared.displayName(of: match.key) ?? match.key
            let alias = EntityLexicon.Alias(key: match.key, name: name, kind: EntityMention.Kind.place.rawValue, words: [match.key],
                                            written: [name], caseSensitive: false, endsWithDot: false)
            found.append(Candidate(sentence: s.index, text: s.text(match.start, match.end), span: s.span(match.start, match.end),
                                   words: alias.words, kind: nil, alias: alias, titles: [], needsSupport: false))
            for k in covered { taken[k] = true }
        }
        return found
    }

    /// The next word of a capitalised run after word `j`, if the run goes on.
    private func continuation(_ s: SentenceWords, after j: Int, taken: [Bool]) -> Int? {
        guard j + 1 < s.words.count, !taken[j + 1] else { return nil }
        let gap = s.gap(after: j)
        let word = s.words[j], next = s.words[j + 1]
        if next.isCapitalized {
            if s.spaceOnly(after: j) { return j + 1 }
            if gap.count == 1, Punctuation.hyphens.contains(gap[0]) || Punctuation.apostrophes.contains(gap[0]) { return j + 1 }
            // A plural possessive inside an organisation's name: "Coastal Seafarers' Union",
            // "Workers' Party" (not "the Smiths' house": the next word must end such names).
            if gap.count == 2, Punctuation.apostrophes.contains(gap[0]), gap[1] == " ", word.lower.hasSuffix("s"),
               EntityLexicon.organizationSuffixes.contains(next.lower) { return j + 1 }
            // "J. K. Rowling", "Mr. Trump", "U.N."
            let afterDot = gap.first == "." && gap.dropFirst().allSatisfy { $0 == " " } && gap.count <= 2
            if afterDot, word.text.count == 1 || EntityLexicon.abbreviatedTitles.contains(word.lower) { return j + 1 }
            return nil
        }
        // Particles between two capitalised words: "von der Leyen", "Bank of England".
        var k = j + 1
        while k < s.words.count, k - j <= 3, EntityLexicon.nameParticles.contains(s.words[k].lower), s.spaceOnly(after: k - 1) { k += 1 }
        if k > j + 1, k < s.words.count, !taken[k], s.words[k].isCapitalized, s.spaceOnly(after: k - 1) { return k }
        return nil
    }

    private func candidates(fromRun run: ClosedRange<Int>, in s: SentenceWords, midSentence: Set<String>) -> [Candidate] {
        var first = run.lowerBound
        let last = run.upperBound
        var titles: [String] = []
        // A title just before the run, written in lower case ("el presidente Petro").
        if first > 0, s.spaceOnly(after: first - 1), EntityLexicon.titles.contains(s.words[first - 1].lower) {
            titles.append(s.words[first - 1].lower)
        }
        // Leading words: sentence-initial function words and titles.
        while first <= last {
            let word = s.words[first]
            // German capitalises its role nouns, which then open the run: "Regierungschef Abiy
            // Ahmed", "der Parteichef Ole Moszczynski". Only before a name of two words or more:
            // every German noun is capitalised ("dem Pontifex Schmerzen bereiten"), and a role
            // of something ("Sprecher der Polizei") names no one.
            if first + 2 <= last, EntityLexicon.nounCapitalizingLanguages.contains(s.language),
               EntityLexicon.isRole(word.lower, language: s.language),
               !EntityLexicon.nameParticles.contains(s.words[first + 1].lower) {
                titles.append(word.lower)
                first += 1
                continue
            }
            if let titleEnd = titleMatch(s, at: first, upTo: last) {
                titles.append(s.words[first...titleEnd].map(\.lower).joined(separator: " "))
                first = titleEnd + 1
                continue
            }
            let initial = s.isInitial(first)
            // The opening word of a two-word name stays when an age follows ("Bodour Kwaik, 24,").
            if initial, word.isStopword || !(midSentence.contains(word.lower) || EntityLexicon.givenNames.contains(word.lower)
                                             || last - first == 1 && isGivenAnAge(s, last: last)),
               first < last || word.isStopword {
                first += 1
                continue
            }
            break
        }
        while first <= last, EntityLexicon.nameParticles.contains(s.words[first].lower) { first += 1 }
        guard first <= last else { return [] }
        // A given name inside the run starts a new name: "den Gast Emmanuel Macron",
        // "Laureate Maria Ressa".
        if first + 1 < last, let split = (first + 1..<last).first(where: { EntityLexicon.givenNames.contains(s.words[$0].lower) && s.spaceOnly(after: $0)
                                                        && s.spaceOnly(after: $0 - 1) }) {
            return candidates(fromRun: first...(split - 1), in: s, midSentence: midSentence)
                + candidates(fromRun: split...last, in: s, midSentence: midSentence)
        }
        let names = Array(s.words[first...last])
        // Single letters ("I", "X") and lone function words ("We") are not names.
        if names.count == 1, names[0].text.count == 1 || names[0].isStopword { return [] }
        let lower = names.map(\.lower)
        let isOrganization = names.count > 1 && (EntityLexicon.organizationPrefixes.contains(lower[0])
            || EntityLexicon.organizationSuffixes.contains(lower[lower.count - 1]))
        // "Trump and Petro" is two names; "Bank of England" one.
        if !isOrganization, let cut = (first...last).first(where: { EntityLexicon.organizationOnlyParticles.contains(s.words[$0].lower) }) {
            var parts: [Candidate] = []
            if cut > first { parts += candidates(fromRun: first...(cut - 1), in: s, midSentence: midSentence) }
            if cut < last { parts += candidates(fromRun: (cut + 1)...last, in: s, midSentence: midSentence) }
            return parts
        }
        // A dateline ("BERGEN, March 3 (Reuters) –"): a place name in capitals that opens a
        // sentence and is followed by a comma.
        let dateline = s.isInitial(first) && s.gap(after: last).first == ","
            && names.allSatisfy { word in word.text.count >= 3 && word.text.unicodeScalars.allSatisfy { !$0.properties.isLowercase } }
        let isPlace = EntityLexicon.placePrefixes.contains(lower[0]) && names.count > 1
            || EntityLexicon.placeSuffixes.contains(lower[lower.count - 1]) && names.count > 1 || dateline
        var kind: EntityMention.Kind?
        if isOrganization { kind = .organization }
        else if isPlace { kind = .place }
        // A run ending in a title is itself a title, whatever title stands before it: "Chief Fire
        // Officer (Jonas Brettschneider)", "Nissan Chairman (Carlos Ghosn)" name no person. Not
        // an abbreviation, which is a title only before a name ("Hun Sen").
        else if !titles.isEmpty && !(EntityLexicon.titles.contains(lower[lower.count - 1])
                                     && !EntityLexicon.abbreviatedTitles.contains(lower[lower.count - 1]))
                    || names.count > 1 && EntityLexicon.givenNames.contains(lower[0]) && s.spaceOnly(after: first)
                    || (2...4).contains(names.count) && (isBesideSpeechVerb(s, first: first, last: last) || isGivenAnAge(s, last: last)
                                                          || isNamedAfterARole(s, first: first)) {
            kind = .person
        }
        let lone = names.count == 1 && s.isInitial(first) && !midSentence.contains(lower[0])
        let nounCapitalizing = EntityLexicon.nounCapitalizingLanguages.contains(s.language) && kind == nil
        return [Candidate(sentence: s.index, text: s.text(names[0].start, names[names.count - 1].end),
                          span: s.span(names[0].start, names[names.count - 1].end), words: lower, kind: kind, alias: nil,
                          titles: titles, needsSupport: lone || nounCapitalizing)]
    }

    /// Whether a name is followed by an age, as news introduces people: "Qiao Yunao, 16,",
    /// "Bodour Kwaik, a 24-year-old aid worker", "Ali Çelik (45)".
    private func isGivenAnAge(_ s: SentenceWords, last: Int) -> Bool {
        guard last + 1 < s.words.count else { return false }
        let gap = s.gap(after: last).filter { !$0.properties.isWhitespace }
        let next = s.words[last + 1]
        if (gap == [","] || gap == ["("]), next.isDigits, (1...3).contains(next.text.count) { return true }
        // ", a 24-year-old" (the hyphens split the words)
        if gap == [","], ["a", "an"].contains(next.lower), last + 4 < s.words.count,
           s.words[last + 2].isDigits, s.words[last + 3].lower == "year", s.words[last + 4].lower == "old" { return true }
        return false
    }

    /// Whether a name stands in apposition to a role, as news names the holder of an office:
    /// right after a definite role word ("el abogado Juan Pérez") or after a comma that closes
    /// a phrase of a definite role ("el director de la agencia, Doni Monardo").
    private func isNamedAfterARole(_ s: SentenceWords, first: Int) -> Bool {
        guard first > 0 else { return false }
        // Abbreviations such as "a.m." hold no role ("m" is French "Monsieur"), and English
        // "a" is no definite article.
        func isRole(_ k: Int) -> Bool {
            let word = s.words[k].lower
            return word.count >= 3 && (EntityLexicon.titles.contains(word) || EntityLexicon.isRole(word, language: s.language))
        }
        func isDefinite(_ k: Int) -> Bool {
            k > 0 && EntityLexicon.determiners.contains(s.words[k - 1].lower) && !(s.language == "en" && s.words[k - 1].lower == "a")
        }
        if s.spaceOnly(after: first - 1) {
            // A title right before is read as the name's title already; a role (or a compound
            // ending in one) with its article.
            return isRole(first - 1) && isDefinite(first - 1) && !EntityLexicon.titles.contains(s.words[first - 1].lower)
        }
        guard s.gap(before: first).filter({ !$0.properties.isWhitespace }) == [","] else { return false }
        // The role and its determiner within the few words before the comma, in one phrase:
        // "the chief ministers of West Bengal, Punjab, Madhya Pradesh" is a list of places.
        var k = first - 1
        while k >= max(1, first - QuoteLexicon.appositionReach) {
            if isRole(k) && isDefinite(k) { return true }
            if k < first - 1, s.gap(after: k).contains(where: { $0 == "," || QuoteLexicon.appositionStops.contains($0) }) { return false }
            k -= 1
        }
        return false
    }

    /// Whether a name is the subject or object of a speech verb ("Ana Ruiz said", "said Ana Ruiz"):
    /// only people speak.
    private func isBesideSpeechVerb(_ s: SentenceWords, first: Int, last: Int) -> Bool {
        let cues = QuoteLexicon.cues(s.language)
        if last + 1 < s.words.count, s.spaceOnly(after: last), cues.contains(s.words[last + 1].lower) { return true }
        return first > 0 && s.spaceOnly(after: first - 1) && cues.contains(s.words[first - 1].lower)
    }

    /// A title of one to three words at word `i` (not past `limit`), leaving a name after it.
    private func titleMatch(_ s: SentenceWords, at i: Int, upTo limit: Int) -> Int? {
        for length in stride(from: 3, through: 1, by: -1) where i + length - 1 < limit {
            let end = i + length - 1
            guard (i..<end).allSatisfy({ s.joins(after: $0, allowing: ["."]) }) else { continue }
            if EntityLexicon.titles.contains(s.words[i...end].map(\.lower).joined(separator: " ")) { return end }
        }
        return nil
    }

    // MARK: the article

    private func resolve(_ candidates: [Candidate]) -> Analysis {
        // Full person names by their last word, for "Trump" → "Donald Trump".
        var byLastWord: [String: String] = [:]
        var ambiguous: Set<String> = []
        var fullNames: [String: Candidate] = [:]
        for c in candidates where c.kind == .person && c.words.count > 1 {
            let key = EntityRecognizer.key(c.text)
            if let existing = fullNames[key], existing.words.count >= c.words.count { continue }
            fullNames[key] = c
            if let other = byLastWord[c.words.last!], other != key { ambiguous.insert(c.words.last!) }
            byLastWord[c.words.last!] = key
        }
        for word in ambiguous { byLastWord[word] = nil }
        // A given name alone ("Gustavo") points to the one full name it starts, if only one does.
        var byFirstWord: [String: String] = [:]
        for (key, c) in fullNames {
            let first = c.words[0]
            byFirstWord[first] = byFirstWord[first] == nil ? key : ""
        }

        var mentions: [EntityMention] = []
        var names: [String: String] = [:]
        var titles: [String: Set<String>] = [:]
        for c in candidates {
            let key: String, name: String, kind: EntityMention.Kind
            if let alias = c.alias {
                key = alias.key; name = alias.name
                kind = EntityMention.Kind(rawValue: alias.kind) ?? .other
            } else if c.words.count == 1, let full = byLastWord[c.words[0]] ?? byFirstWord[c.words[0]], let person = fullNames[full] {
                key = full; name = person.text; kind = .person
            } else if let k = c.kind {
                key = EntityRecognizer.key(c.text); name = c.text; kind = k
            } else if c.needsSupport {
                continue
            } else {
                key = EntityRecognizer.key(c.text); name = c.text; kind = .other
            }
            // The fullest name; of two as long, the one not in capitals ("Bergen", not the dateline's "BERGEN").
            let shown = names[key]
            if (shown?.unicodeScalars.count ?? 0) < name.unicodeScalars.count
                || shown?.unicodeScalars.count == name.unicodeScalars.count && shown == shown?.uppercased() && name != name.uppercased() {
                names[key] = name
            }
            if !c.titles.isEmpty { titles[key, default: []].formUnion(c.titles) }
            mentions.append(EntityMention(text: c.text, span: c.span, sentence: c.sentence, key: key, name: name, kind: kind))
        }
        // Every mention of a key carries the fullest name seen, and the kind one of them
        // showed: a person stays a person; otherwise the first kind known ("BERGEN," in the
        // dateline is a place, and so is "Bergen" later).
        var kinds: [String: EntityMention.Kind] = [:]
        for m in mentions where m.kind != .other {
            if m.kind == .person || kinds[m.key] == nil { kinds[m.key] = m.kind }
        }
        for k in mentions.indices {
            mentions[k].name = names[mentions[k].key] ?? mentions[k].name
            if let kind = kinds[mentions[k].key] { mentions[k].kind = kind }
        }
        return Analysis(mentions: mentions, titles: titles)
    }

    /// Language-independent key: lower-cased, diacritics folded, words joined by one space;
    /// a name in another alphabet romanised (`LatinFolding`: "Владимир Путин" → "vladimir
    /// putin"), so that it meets the same name written in Latin letters.
    static func key(_ name: String) -> String {
        let romanised = name.unicodeScalars.contains { $0.value >= 0x370 && $0.properties.isAlphabetic } ? LatinFolding.fold(name) : name
        return EntityLexicon.runs(romanised.folding(options: [.diacriticInsensitive, .caseInsensitive], locale: nil))
            .joined(separator: " ").lowercased()
    }
}
