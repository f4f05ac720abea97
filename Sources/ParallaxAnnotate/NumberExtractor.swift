import ParallaxCore

/// Finds quantities: numerals with separators and decimals ("1,200", "3,5"), number words
/// ("two-hour", "a dozen", "zwei"), scales ("$3.5 billion", "€20m"), a following unit
/// normalised ("hour", "percent", "usd", "person") and a qualifier before it ("roughly",
/// "more than", "up to"). Words inside time expressions (years, days of a date) are left out.
public struct NumberExtractor: Sendable {
    public init() {}

    /// Quantities of a stand-alone text; spans are offsets into `text`. `excluding` holds
    /// spans already taken (time expressions).
    public func extract(_ text: String, language: String, excluding: [TextSpan] = []) -> [NumberMention] {
        SentenceWords.sentences(of: text, language: language).flatMap { extract($0, excluding: excluding) }
    }

    func extract(_ s: SentenceWords, excluding: [TextSpan]) -> [NumberMention] {
        let reader = NumberReader(sentence: s)
        // Each quantity with the word its number starts at.
        var quantities: [(found: NumberReader.Found, word: Int)] = []
        var i = 0
        while i < s.words.count {
            let wordSpan = s.span(s.words[i].start, s.words[i].end)
            if excluding.contains(where: { $0.overlaps(wordSpan) }) { i += 1; continue }
            guard let found = reader.quantity(at: i) else { i += 1; continue }
            if !excluding.contains(where: { $0.overlaps(s.span(found.start, found.end)) }) { quantities.append((found, i)) }
            i = found.lastWord + 1
        }
        var mentions: [NumberMention] = []
        var k = 0
        while k < quantities.count {
            var found = quantities[k].found
            if k + 1 < quantities.count {
                let next = quantities[k + 1]
                if let range = reader.range(found, at: quantities[k].word, to: next.found, at: next.word) {
                    found = range
                    k += 1
                } else if let start = reader.changeStart(found, at: quantities[k].word, to: next.found, at: next.word) {
                    found = start
                }
            }
            mentions.append(NumberMention(text: s.text(found.start, found.end), span: s.span(found.start, found.end), sentence: s.index,
                                          value: found.value, unit: found.unit, qualifier: found.qualifier, upper: found.upper))
            k += 1
        }
        return mentions
    }
}

/// Reads one quantity at a word of a sentence.
private struct NumberReader {
    struct Found {
        var start: Int
        var end: Int
        var lastWord: Int
        var value: Double
        var unit: String?
        var qualifier: NumberMention.Qualifier
        var upper: Double? = nil
    }

    let s: SentenceWords
    let cardinals: [String: Double]
    let decimalComma: Bool

    init(sentence: SentenceWords) {
        s = sentence
        cardinals = NumberLexicon.cardinals[sentence.language] ?? NumberLexicon.cardinals["en"] ?? [:]
        decimalComma = NumberLexicon.decimalCommaLanguages.contains(sentence.language)
    }

    /// Whether a number can start at word `i` (a cheap test before reading one).
    func canStart(at i: Int) -> Bool {
        let word = s.words[i]
        if let first = word.text.unicodeScalars.first, ("0"..."9").contains(first) { return true }
        return cardinals[word.lower] != nil || NumberLexicon.cardinalVariants[word.lower] != nil
            || NumberLexicon.phraseStarts.contains(word.lower)
    }

    func quantity(at i: Int) -> Found? {
        guard canStart(at: i), var core = phraseNumber(at: i) ?? numeral(at: i) ?? numberWord(at: i) else { return nil }
        var found = Found(start: s.words[i].start, end: s.words[core.last].end, lastWord: core.last, value: core.value,
                          unit: core.unit, qualifier: .exact)
        if var age = age(core, at: i) {
            if age.start == s.words[i].start { attachQualifier(&age, firstWord: i) }  // "nearly 80 years old"
            return age
        }
        // Chinese writes the scale right after the digits, often with the unit ("250万人").
        if core.last + 1 < s.words.count, s.gap(after: core.last).isEmpty, let first = s.words[core.last + 1].lower.unicodeScalars.first,
           first.properties.isIdeographic, let scale = NumberLexicon.scales[String(first)] {
            core.value *= scale
            core.last += 1
            let rest = String(s.words[core.last].lower.unicodeScalars.dropFirst())
            if !rest.isEmpty, let unit = NumberLexicon.units[rest] { core.unit = unit }
            found.value = core.value
            found.unit = found.unit ?? core.unit
        }
        // Scale words: "3.5 billion", "two hundred thousand", "mil millones".
        while core.last + 1 < s.words.count, s.spaceOnly(after: core.last) {
            let next = s.words[core.last + 1].lower
            if core.last + 2 < s.words.count, s.spaceOnly(after: core.last + 1),
               let scale = NumberLexicon.scales[next + " " + s.words[core.last + 2].lower] {
                found.value *= scale; core.last += 2
            } else if next.count > 1, let scale = NumberLexicon.scales[next] {
                found.value *= scale; core.last += 1
                // "12 bin 600" (Turkish for 12,600): a smaller number after a scale adds to it.
                if scale >= 1_000, core.last + 1 < s.words.count, s.spaceOnly(after: core.last), s.words[core.last + 1].isDigits,
                   let rest = Double(s.words[core.last + 1].text), rest < scale {
                    found.value += rest; core.last += 1
                }
            } else { break }
        }
        found.lastWord = core.last
        found.end = s.words[core.last].end
        // A currency before the number: "$3.5", "US$ 5", "USD 5".
        let before = s.gap(before: i)
        if let symbol = before.last(where: { NumberLexicon.currencySymbols[$0] != nil }),
           before.drop(while: { $0 != symbol }).dropFirst().allSatisfy({ $0 == " " }) {
            found.unit = NumberLexicon.currencySymbols[symbol]
            found.start = s.words[i].start - before.count + (before.lastIndex(of: symbol) ?? 0)
            if i > 0, s.words[i - 1].lower == "us", before.first == symbol { found.start = s.words[i - 1].start }
        } else if i > 0, s.spaceOnly(after: i - 1), s.words[i - 1].isAllCaps,
                  let currency = NumberLexicon.currencyPrefixes[s.words[i - 1].lower], s.words[i - 1].lower != "us" {
            found.unit = currency
            found.start = s.words[i - 1].start
        } else if i > 0, s.spaceOnly(after: i - 1), let currency = NumberLexicon.currencyWordsBefore[s.words[i - 1].lower] {
            found.unit = currency
            found.start = s.words[i - 1].start
        }
        if found.unit == nil { attachUnit(&found) }
        let firstWord = found.start < s.words[i].start && i > 0 && s.words[i - 1].start == found.start ? i - 1 : i
        attachQualifier(&found, firstWord: firstWord)
        // People take the role the verb before or after gives them: "killed 26 people", "nine
        // people have died"; a role noun ("21 dead") is kept.
        if found.unit == nil || found.unit == NumberMention.personUnit,
           let role = casualtyUnitBefore(found, firstWord: firstWord) ?? roleAfter(found) {
            found.unit = role
        }
        if firstWord > 0, s.joins(after: firstWord - 1), NumberLexicon.partialCountWords.contains(s.words[firstWord - 1].lower),
           let unit = found.unit, NumberMention.peopleUnits.contains(unit) {
            found.unit = nil
        }
        return found
    }

    /// Two quantities read one after the other as one range: "20 to 30 people", "between 20
    /// and 30 people", "2 to 3 million" (`NumberLexicon.rangeLinks`, `rangePairs`); `first`'s
    /// number starts at word `i`, `second`'s at word `j`. The range takes the second's unit
    /// (or the role of either, "killed 20 to 30 people"), and a scale only the second writes
    /// ("2 to 3 million").
    func range(_ first: Found, at i: Int, to second: Found, at j: Int) -> Found? {
        guard case .range(let start)? = link(first, at: i, to: second, at: j) else { return nil }
        // "nl: 20 tot 30": the link may have been read as the second number's qualifier.
        guard second.qualifier == .exact || second.start == s.words[first.lastWord + 1].start else { return nil }
        let unit: String?
        switch (first.unit, second.unit) {
        case (nil, let b): unit = b
        case let (a?, nil) where NumberMention.peopleUnits.contains(a): unit = a
        case let (a?, b?) where a == b: unit = a
        case let (a?, b?) where NumberMention.peopleUnits.contains(a) && NumberMention.peopleUnits.contains(b):
            unit = a == NumberMention.personUnit ? b : a
        default: return nil
        }
        var lower = first.value
        let scaled = (j...second.lastWord).contains { NumberLexicon.scales[s.words[$0].lower] != nil }
        while scaled, lower * 1_000 <= second.value { lower *= 1_000 }
        guard lower < second.value else { return nil }
        var range = second
        range.start = start
        range.value = lower
        range.upper = second.value
        range.unit = unit
        range.qualifier = .between
        if range.unit == nil || range.unit == NumberMention.personUnit,
           let role = casualtyUnitBefore(range, firstWord: start < first.start ? i - 1 : i) {
            range.unit = role
        }
        return range
    }

    /// How two quantities read one after the other are linked: one range ("20 to 30",
    /// "between 20 and 30", starting at `start`), or a change from the first to the second
    /// ("from 20 to 26", "von 20 bis 26": `NumberLexicon.changeOpeners`).
    enum Link { case range(start: Int), change }

    private func link(_ first: Found, at i: Int, to second: Found, at j: Int) -> Link? {
        guard j == first.lastWord + 2, first.qualifier == .exact, first.unit != NumberLexicon.ageUnit,
              second.unit != NumberLexicon.ageUnit, s.spaceOnly(after: first.lastWord), s.spaceOnly(after: first.lastWord + 1)
        else { return nil }
        let link = s.words[first.lastWord + 1].lower
        let opener = i > 0 && s.spaceOnly(after: i - 1) && first.start == s.words[i].start ? s.words[i - 1].lower : nil
        if let opener, NumberLexicon.rangePairs[s.language]?[opener] == link { return .range(start: s.words[i - 1].start) }
        guard NumberLexicon.rangeLinks[s.language]?.contains(link) ?? false else { return nil }
        if let opener, NumberLexicon.changeOpeners.contains(opener) { return .change }
        return .range(start: first.start)
    }

    /// The first quantity of a change, counting what the second counts: in "from 20 to 26
    /// dead" (or "da due a tre settimane") the 20 are dead too, so a source giving "20 dead"
    /// agrees with one end of it. Nil unless the first has no unit of its own.
    func changeStart(_ first: Found, at i: Int, to second: Found, at j: Int) -> Found? {
        guard first.unit == nil, let unit = second.unit, case .change? = link(first, at: i, to: second, at: j) else { return nil }
        var start = first
        start.unit = unit
        // "From 2 to 3 million": a scale only the second writes is the first's too.
        if let scale = (j...second.lastWord).lazy.compactMap({ NumberLexicon.scales[s.words[$0].lower] }).first,
           start.value < scale { start.value *= scale }
        return start
    }

    /// The role of a count of people from the words after it: "nine people have died", "19 mil
    /// personas huyeran" (`NumberLexicon.roleWordsAfter`).
    private func roleAfter(_ found: Found) -> String? {
        let reach = found.unit == nil ? 1 : NumberLexicon.roleReach
        var k = found.lastWord
        while k + 1 < s.words.count, k - found.lastWord < reach, s.joins(after: k) {
            k += 1
            let word = s.words[k].lower
            if let role = NumberLexicon.roleWordsAfter[word] { return role }
            guard NumberLexicon.roleBridgeWords.contains(word) else { return nil }
        }
        return nil
    }

    // MARK: the number itself

    private typealias Core = (value: Double, last: Int, unit: String?)

    private func phraseNumber(at i: Int) -> Core? {
        var best: Core?
        for (words, value) in NumberLexicon.phraseWords where words[0] == s.words[i].lower {
            if let last = s.match(words, at: i), best == nil || last > best!.last { best = (value, last, nil) }
        }
        return best
    }

    private func numeral(at i: Int) -> Core? {
        let word = s.words[i]
        guard let first = word.text.unicodeScalars.first, ("0"..."9").contains(first) else { return nil }
        let before = s.gap(before: i)
        // Ranks and codes: "#1", "COVID-19", "F-16".
        if before.last == "#" { return nil }
        if i > 0, before.count == 1, Punctuation.hyphens.contains(before[0]) || before[0] == "/" || before[0] == ":" { return nil }
        if i > 0, before.count == 1, [",", "."].contains(before[0]), s.words[i - 1].isDigits { return nil }
        let digits = String(word.text.prefix { $0.isASCII && $0.isNumber })
        let suffix = word.lower.dropFirst(digits.count)
        if !suffix.isEmpty {
            // "20m", "5bn", "10km"; ordinals and decades are not quantities.
            guard let value = Double(digits) else { return nil }
            if let scale = NumberLexicon.scales[String(suffix)] { return (value * scale, i, nil) }
            if NumberLexicon.ageSuffixes.contains(String(suffix)) { return (value, i, NumberLexicon.ageUnit) }
            if let unit = NumberLexicon.units[String(suffix)] { return (value, i, unit) }
            return nil
        }
        // Groups joined by single separators: "1,200,000", "3.5", "1.200,50".
        var groups = [digits]
        var separators: [Unicode.Scalar] = []
        var last = i
        while last + 1 < s.words.count, s.words[last + 1].isDigits {
            let gap = s.gap(after: last)
            guard gap.count == 1 else { break }
            if [",", "."].contains(gap[0]) {
                separators.append(gap[0])
            } else if Punctuation.digitGroupMarks.contains(gap[0]), groups.last!.count <= 3, s.words[last + 1].text.count == 3,
                      separators.allSatisfy({ Punctuation.digitGroupMarks.contains($0) }) {
                // "35 000", "1 200 000", "11'235": groups of three after a space (French, SI
                // style) or an apostrophe (Swiss).
                separators.append(gap[0])
            } else { break }
            groups.append(s.words[last + 1].text)
            last += 1
        }
        // Times of day ("10:30") and scores ("2-1") are not quantities.
        if last + 1 < s.words.count, s.words[last + 1].isDigits, s.gap(after: last) == [":"] { return nil }
        guard let (value, used) = parse(groups, separators) else { return nil }
        return (value, i + used - 1, nil)
    }

    /// Value of digit groups and how many groups it used.
    private func parse(_ groups: [String], _ separators: [Unicode.Scalar]) -> (Double, Int)? {
        let thousands: Unicode.Scalar = decimalComma ? "." : ","
        let decimal: Unicode.Scalar = decimalComma ? "," : "."
        var integer = groups[0]
        var fraction = ""
        var used = 1
        for (k, separator) in separators.enumerated() {
            let group = groups[k + 1]
            if separator == thousands || Punctuation.digitGroupMarks.contains(separator), group.count == 3, fraction.isEmpty {
                integer += group
            } else if fraction.isEmpty, separator == decimal || separators.count == 1 {
                fraction = group
            } else { break }
            used += 1
            if !fraction.isEmpty { break }
        }
        guard let value = Double(fraction.isEmpty ? integer : integer + "." + fraction) else { return nil }
        return (value, used)
    }

    private func numberWord(at i: Int) -> Core? {
        let word = s.words[i]
        var last = i
        var value: Double
        // Hyphenated compounds written as one number: "twenty-five", "dix-sept".
        if s.joins(after: i), s.gap(after: i).allSatisfy({ Punctuation.hyphens.contains($0) }),
           let compound = cardinals[word.lower + "-" + s.words[i + 1].lower] {
            value = compound; last = i + 1
        } else if let v = cardinals[word.lower] ?? NumberLexicon.cardinalVariants[word.lower] {
            value = v
            if v >= 20, v.truncatingRemainder(dividingBy: 10) == 0, s.joins(after: i),
               let units = cardinals[s.words[i + 1].lower], units < 10, units > 0 {
                value += units; last = i + 1
            }
        } else { return nil }
        if NumberLexicon.ambiguousCardinals.contains(word.lower), last == i, unitAfter(last) == nil,
           !(last + 1 < s.words.count && NumberLexicon.scales[s.words[last + 1].lower] != nil) { return nil }
        return (value, last, nil)
    }

    // MARK: ages

    /// The number read as someone's age, with the words that make it one (see the ages of
    /// `NumberLexicon`): after it ("77-year-old", "45 yaşında"), before it ("aged 77", "im
    /// Alter von 77 Jahren"), or after a person noun or a comma ("un hombre de 45 años",
    /// "Stern, de 77 años,").
    private func age(_ core: Core, at i: Int) -> Found? {
        guard core.value >= 1, core.value <= NumberLexicon.oldestAge, core.value == core.value.rounded(),
              core.unit == nil || core.unit == NumberLexicon.ageUnit else { return nil }
        var start = s.words[i].start, last = core.last
        if core.unit == NumberLexicon.ageUnit {
            // A glued suffix ("45enne", "77岁").
        } else if core.last + 1 < s.words.count, s.gap(after: core.last).isEmpty,
                  let first = s.words[core.last + 1].text.unicodeScalars.first, NumberLexicon.ageSuffixes.contains(String(first)) {
            // Japanese and Korean words may run on after the age sign ("91歳で"): the age ends with the sign.
            return Found(start: start, end: s.words[core.last + 1].start + 1, lastWord: core.last + 1, value: core.value,
                         unit: NumberLexicon.ageUnit, qualifier: .exact)
        } else if let end = ageWordsAfter(core.last) {
            last = end
        } else if let (from, needsYearWord) = agePhraseBefore(i), !needsYearWord || yearWordAfter(core.last) != nil {
            start = s.words[from].start
            last = yearWordAfter(core.last) ?? core.last
        } else if i >= 1, NumberLexicon.agePersonLinks.contains(s.words[i - 1].lower), s.spaceOnly(after: i - 1),
                  (i >= 2 && NumberLexicon.agePersonNouns.contains(s.words[i - 2].lower) && s.spaceOnly(after: i - 2))
                    || s.gap(before: i - 1).contains(","),
                  let year = yearWordAfter(core.last) {
            last = year
        } else {
            return nil
        }
        return Found(start: start, end: s.words[last].end, lastWord: last, value: core.value, unit: NumberLexicon.ageUnit,
                     qualifier: .exact)
    }

    /// Whether word `i` and the next are one phrase: a hyphen or spaces between, or nothing
    /// (Chinese, Japanese and Korean write "77岁" without a space).
    private func ageJoins(after i: Int) -> Bool {
        guard i + 1 < s.words.count else { return false }
        let gap = s.gap(after: i)
        return gap.isEmpty || s.joins(after: i)
    }

    /// The last word of an age phrase after the number ending at word `i` ("year old"), if one follows.
    private func ageWordsAfter(_ i: Int) -> Int? {
        guard ageJoins(after: i) else { return nil }
        var best: Int?
        for words in NumberLexicon.ageWordsAfter where s.words[i + 1].lower == words[0] {
            if let last = s.match(words, at: i + 1), best == nil || last > best! { best = last }
        }
        return best
    }

    /// Where an age phrase before the number at word `i` starts ("at the age of"), the longest,
    /// and whether a year word must follow the number.
    private func agePhraseBefore(_ i: Int) -> (from: Int, needsYearWord: Bool)? {
        guard i > 0, ageJoins(after: i - 1), !Punctuation.hyphens.contains(where: s.gap(after: i - 1).contains) else { return nil }
        var best: [String]?
        for words in NumberLexicon.agePhrasesBefore where words.count <= i && (best == nil || words.count > best!.count) {
            if s.match(words, at: i - words.count) == i - 1 { best = words }
        }
        guard let best else { return nil }
        return (i - best.count, NumberLexicon.agePhrasesNeedingYearWord.contains(best))
    }

    /// Word `i + 1` when it is a year word of an age after the number ending at word `i`
    /// ("Jahren", "años", "лет").
    private func yearWordAfter(_ i: Int) -> Int? {
        guard ageJoins(after: i), NumberLexicon.ageYearWords.contains(s.words[i + 1].lower) else { return nil }
        return i + 1
    }

    // MARK: unit and qualifier

    /// A unit word or phrase after word `last`, with the index of its last word.
    private func unitAfter(_ last: Int) -> (unit: String, last: Int)? {
        guard last + 1 < s.words.count else { return nil }
        let gap = s.gap(after: last)
        let afterScale = NumberLexicon.scales[s.words[last].lower] != nil
        // "1,2 Mio. Euro": the full stop of an abbreviated scale word does not end the number.
        let abbreviationStop = afterScale && gap.first == "." && gap.count > 1 && gap.dropFirst().allSatisfy(\.properties.isWhitespace)
        guard abbreviationStop || (s.joins(after: last) && gap.allSatisfy({ $0.properties.isWhitespace || Punctuation.hyphens.contains($0) }))
        else { return nil }
        let next = s.words[last + 1].lower
        if last + 2 < s.words.count, s.spaceOnly(after: last + 1) {
            if let unit = NumberLexicon.unitPhrases[next + " " + s.words[last + 2].lower] { return (unit, last + 2) }
            // "3 millions of dollars", "1,2 millones de euros": a scale word, a linking word, the unit.
            if afterScale, NumberLexicon.unitLinkingWords.contains(next), let unit = NumberLexicon.units[s.words[last + 2].lower] {
                return (unit, last + 2)
            }
        }
        if let unit = NumberLexicon.units[next] { return (unit, last + 1) }
        return nil
    }

    /// What a count without a unit counts, from the words before it: "killing 26", "wounded at
    /// least 57" (`NumberLexicon.casualtyWordsBefore`), "the death toll stood at 20"
    /// (`NumberLexicon.tollPhrases`, a few words back). Not for an age or a measure glued to
    /// the number ("killed 26-year-old …").
    private func casualtyUnitBefore(_ found: Found, firstWord: Int) -> String? {
        guard found.lastWord + 1 >= s.words.count || !s.gap(after: found.lastWord).contains(where: { Punctuation.hyphens.contains($0) })
        else { return nil }
        // The word right before the number, or before its qualifier.
        var before = firstWord - 1
        while before >= 0, s.words[before].start >= found.start { before -= 1 }
        guard before >= 0, s.joins(after: before) else { return nil }
        if let unit = NumberLexicon.casualtyWordsBefore[s.words[before].lower] { return unit }
        // A toll named within the last few words, in the same phrase.
        var k = before
        while k >= 0, before - k < NumberLexicon.tollReach {
            if NumberLexicon.tollPhrases.contains(where: { phrase in
                k + 1 >= phrase.count && phrase.indices.allSatisfy { s.words[k + 1 - phrase.count + $0].lower == phrase[$0] }
            }) {
                return "dead"
            }
            guard k > 0, s.joins(after: k - 1) else { break }
            k -= 1
        }
        return nil
    }

    private func attachUnit(_ found: inout Found) {
        let gap = s.gap(after: found.lastWord)
        let trimmed = gap.drop { $0 == " " || $0 == "\u{00A0}" || $0 == "\u{202F}" }
        if let sign = trimmed.first, gap.count - trimmed.count <= 1 {
            if sign == "%" {
                found.unit = "percent"; found.end = s.words[found.lastWord].end + gap.count - trimmed.count + 1; return
            }
            if let currency = NumberLexicon.currencySymbols[sign] {
                found.unit = currency; found.end = s.words[found.lastWord].end + gap.count - trimmed.count + 1; return
            }
        }
        if found.unit != nil { return }
        if let (unit, last) = unitAfter(found.lastWord) {
            found.unit = unit; found.lastWord = last; found.end = s.words[last].end
        }
    }

    private func attachQualifier(_ found: inout Found, firstWord: Int) {
        for length in stride(from: 3, through: 1, by: -1) where firstWord - length >= 0 {
            let from = firstWord - length
            guard (from..<firstWord).allSatisfy({ s.joins(after: $0, allowing: Set(NumberLexicon.currencySymbols.keys)) }) else { continue }
            let phrase = s.words[from..<firstWord].map(\.lower).joined(separator: " ")
            if let qualifier = NumberLexicon.qualifiers[phrase] {
                found.qualifier = qualifier
                found.start = s.words[from].start
                return
            }
        }
    }
}
