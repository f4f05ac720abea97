import ParallaxCore

/// Finds time expressions and resolves them against the publication day, in the manner of
/// HeidelTime/SUTime: phrase rules per language (`TimeLexicon`) for relative expressions,
/// date patterns built from each language's month and weekday names, bare years and decades.
///
/// Without an anchor, relative expressions ("last year", "in October", "on Tuesday") keep
/// `resolved == nil`; absolute ones ("3 February 2026", "October 2025", "in 2019") resolve
/// anyway. A bare month or weekday points to the most recent one (news reports the past)
/// unless the sentence is in the future tense. Expressions told from another time of the
/// text ("the next day") resolve from the last time it named. Chinese, written without
/// spaces, is read by `HanTimeScanner` instead of the word rules.
public struct TimeExpressionTagger: Sendable {
    public init() {}

    /// Time expressions of a stand-alone text; spans are offsets into `text`.
    public func tag(_ text: String, language: String, anchor: CalendarDay?) -> [TimeMention] {
        var references = TimeReferences()
        return SentenceWords.sentences(of: text, language: language).flatMap { tag($0, anchor: anchor, references: &references) }
    }

    /// Time expressions of one sentence. `references` holds the times the text has told so far
    /// ("the next day" is told from the last of them that names a day); the sentence's own
    /// are added to it.
    func tag(_ sentence: SentenceWords, anchor: CalendarDay?, references: inout TimeReferences) -> [TimeMention] {
        var mentions: [TimeMention] = []
        func add(_ found: TimeMatch, text: String, span: TextSpan, namesAThing: Bool, stampsAPost: Bool = false) {
            let resolved: DayInterval?
            if stampsAPost {
                // Kept as a time, so its words are not read as numbers, but it dates nothing.
                mentions.append(TimeMention(text: text, span: span, sentence: sentence.index, resolved: nil, isRelative: false))
                return
            }
            if let fromReference = found.fromReference, let reference = references.latest(for: fromReference.unit) {
                resolved = fromReference.resolve(reference)
            } else {
                resolved = if let anchor { found.resolve(anchor) } else { found.absolute }
            }
            mentions.append(TimeMention(text: text, span: span, sentence: sentence.index, resolved: resolved,
                                        isRelative: found.absolute == nil))
            if let resolved, !namesAThing { references.times.append(resolved) }
        }
        if sentence.language.hasPrefix("zh") {
            let scalars = sentence.scalars
            let future = HanTimeScanner.futureMarkers.contains { marker in scalars.contains(marker) }
            for found in HanTimeScanner().scan(scalars, future: future) {
                var text = ""
                text.unicodeScalars.append(contentsOf: scalars[found.start..<found.end])
                add(found.match, text: text, span: TextSpan(start: sentence.base + found.start, end: sentence.base + found.end),
                    namesAThing: false,
                    stampsAPost: TimeGrammar.followsAHandle(scalars, at: found.start)
                        || TimeGrammar.precedesAClockWithSeconds(scalars, after: found.end))
            }
            return mentions
        }
        let grammar = TimeGrammar.forLanguage(sentence.language)
        let words = sentence.words
        let future = words.indices.contains { k in
            grammar.lexicon.futureMarkers.contains(words[k].lower)
                || grammar.lexicon.futureBeforeTo.contains(words[k].lower) && k + 1 < words.count && words[k + 1].lower == "to"
        }
        var i = 0
        while i < sentence.words.count {
            guard let found = grammar.longestMatch(in: sentence, at: i, future: future) else { i += 1; continue }
            let (text, span) = sentence.range(found.first, found.last)
            add(found, text: text, span: span, namesAThing: grammar.namesAThing(found, in: sentence),
                stampsAPost: TimeGrammar.stampsAPost(found, in: sentence))
            i = found.last + 1
        }
        return mentions
    }
}

extension TimeGrammar {
    /// Whether a date is the stamp of an embedded social media post, right after its author's
    /// handle ("… pic.twitter.com/… — BBC News (World) (@BBCWorld) January 1, 2020"): when the
    /// post went out, not when anything it tells happened. Such a date is left unresolved.
    ///
    /// A date with a clock to the second ("Source: Xinhua| 2020-02-11 03:31:05|Editor: huaxia")
    /// is a page's or a feed's stamp of the same kind: prose never times a fact to the second.
    static func stampsAPost(_ found: TimeMatch, in s: SentenceWords) -> Bool {
        followsAHandle(s.scalars, at: s.words[found.first].start)
            || precedesAClockWithSeconds(s.scalars, after: s.words[found.last].end)
    }

    /// Whether spaces and a clock to the second ("03:31:05", "3:31:05") follow offset `end`.
    static func precedesAClockWithSeconds(_ scalars: [Unicode.Scalar], after end: Int) -> Bool {
        var i = end
        while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
        func digits(_ least: Int, _ most: Int) -> Bool {
            var n = 0
            while i < scalars.count, n < most, ("0"..."9").contains(scalars[i]) { i += 1; n += 1 }
            return n >= least
        }
        func colon() -> Bool {
            guard i < scalars.count, scalars[i] == ":" else { return false }
            i += 1
            return true
        }
        return digits(1, 2) && colon() && digits(2, 2) && colon() && digits(2, 2)
    }

    /// Whether "(@handle)" and spaces stand right before offset `start` of `scalars` (also
    /// for Chinese, whose times are read from the scalars: "(@ImTheRealBarry) 2020 年 1 月 1 日").
    static func followsAHandle(_ scalars: [Unicode.Scalar], at start: Int) -> Bool {
        var close = start - 1
        while close >= 0, scalars[close].properties.isWhitespace { close -= 1 }
        guard close >= 0, scalars[close] == ")" else { return false }
        var open = close - 1
        while open >= 0, scalars[open] != "(", !scalars[open].properties.isWhitespace { open -= 1 }
        return open >= 0 && scalars[open] == "(" && open + 2 < close && scalars[open + 1] == "@"
    }
}

/// The times a text has told so far, which "the next day" or "later that month" are told from.
struct TimeReferences: Sendable {
    var times: [DayInterval] = []

    /// The last time at least as fine as `unit` (a day for "the next day").
    func latest(for unit: TimeLexicon.Unit) -> DayInterval? {
        let fineEnough: Set<DayInterval.Granularity> = switch unit {
        case .day: [.day]
        case .week: [.day, .week]
        case .month: [.day, .week, .month]
        case .year: [.day, .week, .month, .quarter, .year]
        }
        return times.last { fineEnough.contains($0.granularity) }
    }
}

/// One expression found: the words it covers and how it resolves.
struct TimeMatch {
    var first: Int
    var last: Int
    /// The interval when the expression needs no anchor.
    var absolute: DayInterval?
    var resolve: @Sendable (CalendarDay) -> DayInterval?
    /// Set for expressions told from another time of the text ("the next day"), which resolve
    /// from that time rather than from the publication day.
    var fromReference: (unit: TimeLexicon.Unit, resolve: @Sendable (DayInterval) -> DayInterval?)?

    static func fixed(_ first: Int, _ last: Int, _ interval: DayInterval) -> TimeMatch {
        TimeMatch(first: first, last: last, absolute: interval, resolve: { _ in interval })
    }

    /// Makes a day into a range of days in its month ending on `day` ("22 to 25 August").
    mutating func extend(toDay day: Int) {
        @Sendable func widen(_ interval: DayInterval?) -> DayInterval? {
            guard let interval, day <= CalendarDay.daysIn(year: interval.start.year, month: interval.start.month) else { return interval }
            return DayInterval(start: interval.start, end: CalendarDay(year: interval.start.year, month: interval.start.month, day: day),
                               granularity: .day)
        }
        let resolve = self.resolve
        absolute = widen(absolute)
        self.resolve = { anchor in widen(resolve(anchor)) }
    }
}

/// A language's time lexicon with its phrase rules compiled.
struct TimeGrammar: Sendable {
    struct Element: Sendable {
        var alternatives: Set<String>
        var optional: Bool
        var isNumber: Bool
    }

    struct CompiledRule: Sendable {
        var elements: [Element]
        var meaning: TimeLexicon.Meaning
    }

    let lexicon: TimeLexicon
    let rules: [CompiledRule]
    let cardinals: [String: Double]
    /// Rules by the words they can start with; rules that can start with a number apart.
    let rulesByFirstWord: [String: [Int]]
    let rulesStartingWithNumber: [Int]

    init(language: String) {
        lexicon = TimeLexicon.forLanguage(language)
        cardinals = NumberLexicon.cardinals[language] ?? NumberLexicon.cardinals["en"] ?? [:]
        rules = lexicon.rules.map { rule in
            CompiledRule(elements: rule.pattern.split(separator: " ").flatMap { raw -> [Element] in
                let optional = raw.hasSuffix("?")
                let body = optional ? String(raw.dropLast()) : String(raw)
                if body == "#" { return [Element(alternatives: [], optional: optional, isNumber: true)] }
                // "aujourd hui" style words split into runs; each alternative is one run here.
                return [Element(alternatives: Set(body.split(separator: "|").map { Punctuation.words(String($0)).joined() }),
                                optional: optional, isNumber: false)]
            }, meaning: rule.meaning)
        }
        var byWord: [String: [Int]] = [:]
        var byNumber: [Int] = []
        for (index, rule) in rules.enumerated() {
            // Every element up to the first required one can start the rule.
            for element in rule.elements {
                if element.isNumber { byNumber.append(index) }
                for word in element.alternatives { byWord[word, default: []].append(index) }
                if !element.optional { break }
            }
        }
        rulesByFirstWord = byWord.mapValues { Array(Set($0)).sorted() }
        rulesStartingWithNumber = byNumber
    }

    private static let grammars: [String: TimeGrammar] = {
        var table: [String: TimeGrammar] = [:]
        for code in ["en", "nl", "de", "fr", "es", "it", "pt", "pl", "ru", "tr", "ar"] { table[code] = TimeGrammar(language: code) }
        return table
    }()

    static func forLanguage(_ code: String) -> TimeGrammar { grammars[code] ?? grammars["en"]! }

    /// How far ahead of the publication day a day and month without a year may lie and still
    /// be read as this year's in a past-tense sentence.
    static let announcedDays = 60
    static let rangeDashes: Set<Unicode.Scalar> = ["-", "\u{2013}", "\u{2014}"]
    /// What follows "1990-" or "1990'" in a decade: Russian "1990-е", "2010-х"; Turkish
    /// "1990'lar", "1990'larda", "1990'lı"; English "1990's".
    static let decadeSuffixes: Set<String> = ["е", "х", "ых", "ые", "ие", "их", "lar", "ler", "larda", "lerde", "ların", "lerin",
                                               "lı", "li", "s"]

    // MARK: matching

    func longestMatch(in s: SentenceWords, at i: Int, future: Bool) -> TimeMatch? {
        var candidates: [TimeMatch] = []
        let word = s.words[i]
        var applicable = rulesByFirstWord[word.lower] ?? []
        if numberValue(word) != nil { applicable += rulesStartingWithNumber }
        for index in applicable {
            if let m = matchRule(rules[index], in: s, at: i) { candidates.append(m) }
        }
        if let m = matchCalendar(in: s, at: i, future: future) { candidates.append(m) }
        // A preposition before a date, month, weekday or year belongs to the mention ("in October").
        if lexicon.prepositions.contains(s.words[i].lower), s.joins(after: i),
           var m = matchCalendar(in: s, at: i + 1, future: future) {
            m.first = i
            candidates.append(m)
        }
        return candidates.max { $0.last - $0.first < $1.last - $1.first }
    }

    /// Whether a found date names a thing rather than telling when something happened: a
    /// determiner before it and a noun after it ("the November 27 maritime agreement", "a
    /// 2011 stage play"). Such a date is no time "the next day" is told from.
    func namesAThing(_ found: TimeMatch, in s: SentenceWords) -> Bool {
        guard !lexicon.determiners.isEmpty, found.first > 0, found.last + 1 < s.words.count, s.spaceOnly(after: found.last),
              s.spaceOnly(after: found.first - 1) else { return false }
        let before = s.words[found.first - 1].lower
        let possessive = before == "s" && found.first > 1 && s.gap(before: found.first - 1).allSatisfy { Punctuation.apostrophes.contains($0) }
        guard lexicon.determiners.contains(before) || possessive else { return false }
        return s.words[found.last + 1].text.unicodeScalars.first.map { $0.properties.isLowercase } ?? false
    }

    private func matchRule(_ rule: CompiledRule, in s: SentenceWords, at i: Int) -> TimeMatch? {
        // Depth-first over optional elements; keeps the longest way the rule fits.
        var best: (last: Int, number: Double?)?
        func step(_ k: Int, _ w: Int, _ number: Double?) {
            if k == rule.elements.count {
                let last = w - 1
                if last >= i, best == nil || last > best!.last { best = (last, number) }
                return
            }
            let element = rule.elements[k]
            if element.optional { step(k + 1, w, number) }
            guard w < s.words.count, w == i || s.joins(after: w - 1) else { return }
            let word = s.words[w]
            if element.isNumber {
                if let value = numberValue(word) { step(k + 1, w + 1, value) }
            } else if element.alternatives.contains(word.lower) {
                step(k + 1, w + 1, number)
            }
        }
        step(0, i, nil)
        guard let best else { return nil }
        var match = TimeGrammar.ruleMatch(rule.meaning, count: best.number.map { Int($0) } ?? 1)
        match.first = i
        match.last = best.last
        return match
    }

    /// What a phrase rule's meaning resolves to (word positions left at 0 for the caller).
    static func ruleMatch(_ meaning: TimeLexicon.Meaning, count: Int) -> TimeMatch {
        // Expressions told from another time of the text resolve from it when the text has one;
        // else from the publication day (`resolve`), which "three days later" cannot be.
        let fromReference: (unit: TimeLexicon.Unit, resolve: @Sendable (DayInterval) -> DayInterval?)? = switch meaning {
        case .fromReference(let unit, let n):
            (unit, { reference in TimeGrammar.interval(unit, containing: TimeGrammar.shifted(reference.start, unit, by: n)) })
        case .unitsAfterReference(let unit):
            (unit, { reference in TimeGrammar.interval(unit, containing: TimeGrammar.shifted(reference.start, unit, by: count)) })
        default:
            nil
        }
        return TimeMatch(first: 0, last: 0, absolute: nil, resolve: { anchor in TimeGrammar.resolve(meaning, count: count, anchor: anchor) },
                         fromReference: fromReference)
    }

    private func numberValue(_ word: SentenceWords.Word) -> Double? {
        if word.isDigits, word.text.count <= 3 { return Double(word.text) }
        return cardinals[word.lower]
    }

    private func month(_ word: SentenceWords.Word, allowAbbreviation: Bool) -> Int? {
        if lexicon.capitalizedMonths, !word.isCapitalized { return nil }
        if let m = lexicon.months[word.lower] { return m }
        return allowAbbreviation ? lexicon.monthAbbreviations[word.lower] : nil
    }

    private static func dayNumber(_ word: SentenceWords.Word) -> Int? {
        let digits = word.text.prefix { $0.isASCII && $0.isNumber }
        guard !digits.isEmpty, digits.count <= 2, let value = Int(digits), (1...31).contains(value) else { return nil }
        let suffix = word.lower.dropFirst(digits.count)
        return suffix.isEmpty || NumberLexicon.ordinalSuffixes.contains(String(suffix)) ? value : nil
    }

    private static func yearNumber(_ word: SentenceWords.Word) -> Int? {
        guard word.isDigits, word.text.count == 4, let value = Int(word.text), (1800...2199).contains(value) else { return nil }
        return value
    }

    /// Gaps inside a date: spaces, a dot after a day or abbreviation, a comma before the year.
    private func dateJoin(_ s: SentenceWords, _ i: Int) -> Bool { s.joins(after: i, allowing: [".", ","]) }

    /// Next word index after optional connectors ("de", "of").
    private func skipConnectors(_ s: SentenceWords, from j: Int) -> Int {
        var j = j
        while j < s.words.count, lexicon.dateConnectors.contains(s.words[j].lower) || s.words[j].lower == "of",
              j + 1 < s.words.count, dateJoin(s, j) { j += 1 }
        return j
    }

    /// Dates, months, weekdays, years, decades and quarters starting at word `i`.
    func matchCalendar(in s: SentenceWords, at i: Int, future: Bool) -> TimeMatch? {
        guard i < s.words.count else { return nil }
        let word = s.words[i]

        // Day first: "3 February 2026", "3. Februar", "3 de febrero de 2026"; a range of days
        // before the month: "13–17 July".
        if let day = TimeGrammar.dayNumber(word) {
            if dateJoin(s, i) {
                let j = skipConnectors(s, from: i + 1)
                if j < s.words.count, let m = month(s.words[j], allowAbbreviation: true) {
                    return dayMonth(s, first: i, monthIndex: j, month: m, day: day, future: future)
                }
            }
            if let (k, _, lastDay) = rangeEnd(s, after: i, reading: TimeGrammar.dayNumber), lastDay > day, dateJoin(s, k) {
                let j = skipConnectors(s, from: k + 1)
                if j < s.words.count, let m = month(s.words[j], allowAbbreviation: true),
                   var match = dayMonth(s, first: i, monthIndex: j, month: m, day: day, future: future) {
                    match.extend(toDay: lastDay)
                    return match
                }
            }
            if let numeric = numericDate(s, at: i, day: day) { return numeric }
        }
        // ISO dates: "2020-03-04".
        if let y = TimeGrammar.yearNumber(word), i + 2 < s.words.count, s.gap(after: i) == ["-"], s.gap(after: i + 1) == ["-"],
           s.words[i + 1].text.count == 2, s.words[i + 2].text.count == 2,
           let m = Int(s.words[i + 1].text), (1...12).contains(m), let d = Int(s.words[i + 2].text),
           (1...CalendarDay.daysIn(year: y, month: m)).contains(d) {
            return .fixed(i, i + 2, .day(CalendarDay(year: y, month: m, day: d)))
        }
        if let m = month(word, allowAbbreviation: true) {
            let isFullName = lexicon.months[word.lower] != nil
            // Month first: "February 3, 2026", "Feb. 3".
            if dateJoin(s, i), i + 1 < s.words.count, let day = TimeGrammar.dayNumber(s.words[i + 1]),
               !(i + 2 < s.words.count && s.gap(after: i + 1).contains(":")) {
                var last = i + 1
                var lastDay: Int?
                // "August 22 to 25", "March 15-17".
                if let (k, _, d) = rangeEnd(s, after: last, reading: TimeGrammar.dayNumber), d > day { lastDay = d; last = k }
                var year: Int?
                if dateJoin(s, last), last + 1 < s.words.count, let y = TimeGrammar.yearNumber(s.words[last + 1]) { year = y; last += 1 }
                guard var match = dayMatch(first: i, last: last, year: year, month: m, day: day, future: future) else { return nil }
                if let lastDay { match.extend(toDay: lastDay) }
                return match
            }
            // Month and year: "October 2025", "octubre de 2025".
            let j = dateJoin(s, i) ? skipConnectors(s, from: i + 1) : s.words.count
            if j < s.words.count, let y = TimeGrammar.yearNumber(s.words[j]) {
                return .fixed(i, j, .month(year: y, month: m))
            }
            // A bare month: "in October".
            if isFullName {
                var match = TimeGrammar.bareMonthMatch(m, future: future)
                (match.first, match.last) = (i, i)
                return match
            }
        }
        // Weekdays, with a modifier before ("last Tuesday") or after ("mardi dernier").
        if let shift = lexicon.weekdayBefore[word.lower], s.joins(after: i), let w = weekday(s.words[i + 1]) {
            return weekdayMatch(first: i, last: i + 1, weekday: w, shift: shift, future: future)
        }
        if let w = weekday(word) {
            if s.joins(after: i), let shift = lexicon.weekdayAfter[s.words[i + 1].lower] {
                return weekdayMatch(first: i, last: i + 1, weekday: w, shift: shift, future: future)
            }
            return weekdayMatch(first: i, last: i, weekday: w, shift: 0, future: future)
        }
        // Decades: "1990s", "1990er", and with a hyphen or an apostrophe: "2010-х", "1990'lar".
        if word.text.count == 5 || word.text.count == 6, let decade = Int(word.text.prefix(4)), decade % 10 == 0,
           (1800...2190).contains(decade), ["s", "er"].contains(String(word.lower.dropFirst(4))) {
            return .fixed(i, i, .decade(decade))
        }
        if let decade = TimeGrammar.yearNumber(word), decade % 10 == 0, i + 1 < s.words.count,
           s.gap(after: i) == ["-"] || s.gap(after: i).count == 1 && Punctuation.apostrophes.contains(s.gap(after: i)[0]),
           TimeGrammar.decadeSuffixes.contains(s.words[i + 1].lower) {
            return .fixed(i, i + 1, .decade(decade))
        }
        // Quarters: "Q3 2025", "the third quarter of 2020", "terzo trimestre", "im dritten Quartal".
        if word.text.count == 2, word.lower.hasPrefix("q"), let q = Int(word.text.dropFirst()), (1...4).contains(q),
           s.joins(after: i), let y = TimeGrammar.yearNumber(s.words[i + 1]) {
            return .fixed(i, i + 1, .quarter(year: y, q))
        }
        if let q = lexicon.quarterOrdinals[word.lower], s.joins(after: i), i + 1 < s.words.count,
           lexicon.quarterWords.contains(s.words[i + 1].lower) {
            let j = skipConnectors(s, from: i + 2)
            if j < s.words.count, j > i + 1, dateJoin(s, j - 1), let y = TimeGrammar.yearNumber(s.words[j]) {
                return .fixed(i, j, .quarter(year: y, q))
            }
            if lexicon.quarterNeedsYear { return nil }
            return TimeMatch(first: i, last: i + 1, absolute: nil, resolve: { anchor in
                // The latest such quarter that has begun (the next one in a future-tense sentence).
                let this = DayInterval.quarter(year: anchor.year, q)
                if future { return this.end >= anchor ? this : .quarter(year: anchor.year + 1, q) }
                return this.start <= anchor ? this : .quarter(year: anchor.year - 1, q)
            })
        }
        // A range of years: "1980–1987", "from 2015 to 2017".
        if let y = TimeGrammar.yearNumber(word), let (k, dashed, y2) = rangeEnd(s, after: i, reading: TimeGrammar.yearNumber), y2 > y,
           dashed || isYearContext(s, i) {
            return .fixed(i, k, DayInterval(start: CalendarDay(year: y, month: 1, day: 1), end: CalendarDay(year: y2, month: 12, day: 31),
                                            granularity: .year))
        }
        // A year on its own, where the context says it is one: "in 2019", "2019." .
        if let y = TimeGrammar.yearNumber(word), isYearContext(s, i) {
            return .fixed(i, i, .year(y))
        }
        return nil
    }

    private func weekday(_ word: SentenceWords.Word) -> Int? {
        if lexicon.capitalizedMonths, !word.isCapitalized { return nil }
        if let w = lexicon.weekdays[word.lower] { return w }
        // "Sonntagnachmittag": a weekday compounded with a part of the day.
        for part in lexicon.weekdayCompoundParts where word.lower.hasSuffix(part) {
            if let w = lexicon.weekdays[String(word.lower.dropLast(part.count))] { return w }
        }
        return nil
    }

    /// The end of a range that starts at word `i` ("22 to 25", "15-17", "1980–1987"): the
    /// index of its last word, whether a dash joins the two, and the value `read` gives it.
    private func rangeEnd(_ s: SentenceWords, after i: Int, reading read: (SentenceWords.Word) -> Int?)
        -> (index: Int, dashed: Bool, value: Int)? {
        guard i + 1 < s.words.count else { return nil }
        // A dot may end the first day ("13. bis 17. Juli").
        let gap = s.gap(after: i).filter { !$0.properties.isWhitespace && $0 != "." }
        if gap.count == 1, TimeGrammar.rangeDashes.contains(gap[0]), let v = read(s.words[i + 1]) {
            return (i + 1, true, v)
        }
        if gap.isEmpty, lexicon.rangeWords.contains(s.words[i + 1].lower), i + 2 < s.words.count, s.spaceOnly(after: i + 1),
           let v = read(s.words[i + 2]) {
            return (i + 2, false, v)
        }
        return nil
    }

    /// "04.03.2020", "4/3/2020", "3-3-2020" (slashes and dashes day first outside English,
    /// whose slashes put the month first): a full date in digits with a four-digit year.
    private func numericDate(_ s: SentenceWords, at i: Int, day: Int) -> TimeMatch? {
        guard i + 2 < s.words.count, s.words[i].isDigits, s.words[i + 1].isDigits, s.words[i + 1].text.count <= 2 else { return nil }
        let separator = s.gap(after: i)
        guard separator == ["."] || (["/", "-"].contains(separator.first) && separator.count == 1 && s.language != "en"),
              s.gap(after: i + 1) == separator,
              let m = Int(s.words[i + 1].text), (1...12).contains(m), let y = TimeGrammar.yearNumber(s.words[i + 2]),
              day <= CalendarDay.daysIn(year: y, month: m) else { return nil }
        // Not the first numbers of a longer dotted run ("1.2.2020.5", a version or an address).
        if i + 3 < s.words.count, s.gap(after: i + 2) == separator, s.words[i + 3].isDigits { return nil }
        return .fixed(i, i + 2, .day(CalendarDay(year: y, month: m, day: day)))
    }

    private func isYearContext(_ s: SentenceWords, _ i: Int) -> Bool {
        let before = s.gap(before: i)
        if before.contains(where: { NumberLexicon.currencySymbols[$0] != nil || $0 == "#" }) { return false }
        let after = s.gap(after: i)
        if after.contains("%") { return false }
        // Part of a longer numeral ("1,2019") or a code ("COVID-2019").
        if i > 0, before.count == 1, [",", ".", "-"].contains(before[0]) { return false }
        if i + 1 < s.words.count, after.count == 1, [",", "."].contains(after[0]), s.words[i + 1].isDigits { return false }
        if i > 0, lexicon.yearCues.contains(s.words[i - 1].lower), s.spaceOnly(after: i - 1) { return true }
        if i > 0, lexicon.months[s.words[i - 1].lower] != nil { return true }
        if i + 1 < s.words.count, lexicon.yearCuesAfter.contains(s.words[i + 1].lower), s.joins(after: i) { return true }
        // Otherwise only when nothing that could be counted follows ("2000 soldiers").
        guard i + 1 < s.words.count, s.spaceOnly(after: i) else { return true }
        let next = s.words[i + 1]
        if NumberLexicon.units[next.lower] != nil || NumberLexicon.scales[next.lower] != nil || next.isDigits { return false }
        return next.isCapitalized || next.isStopword
    }

    private func dayMonth(_ s: SentenceWords, first: Int, monthIndex j: Int, month m: Int, day: Int, future: Bool) -> TimeMatch? {
        var last = j
        var year: Int?
        if dateJoin(s, j) {
            let k = skipConnectors(s, from: j + 1)
            if k < s.words.count, let y = TimeGrammar.yearNumber(s.words[k]) { year = y; last = k }
        }
        return dayMatch(first: first, last: last, year: year, month: m, day: day, future: future)
    }

    private func dayMatch(first: Int, last: Int, year: Int?, month m: Int, day: Int, future: Bool) -> TimeMatch? {
        if let year {
            guard day <= CalendarDay.daysIn(year: year, month: m) else { return nil }
            return .fixed(first, last, .day(CalendarDay(year: year, month: m, day: day)))
        }
        var match = TimeGrammar.dayMonthMatch(month: m, day: day, future: future)
        (match.first, match.last) = (first, last)
        return match
    }

    /// A month without a year: the latest one by the anchor, or the next in a future-tense sentence.
    static func bareMonthMatch(_ m: Int, future: Bool) -> TimeMatch {
        TimeMatch(first: 0, last: 0, absolute: nil, resolve: { anchor in
            let year = future ? (m >= anchor.month ? anchor.year : anchor.year + 1)
                              : (m <= anchor.month ? anchor.year : anchor.year - 1)
            return .month(year: year, month: m)
        })
    }

    /// A day and month without a year.
    static func dayMonthMatch(month m: Int, day: Int, future: Bool) -> TimeMatch {
        TimeMatch(first: 0, last: 0, absolute: nil, resolve: { anchor in
            func date(_ y: Int) -> CalendarDay? {
                day <= CalendarDay.daysIn(year: y, month: m) ? CalendarDay(year: y, month: m, day: day) : nil
            }
            guard let same = date(anchor.year) else { return nil }
            if future { return .day(same >= anchor ? same : date(anchor.year + 1) ?? same) }
            // A date a few weeks ahead is announced ("talks on March 10"); further ahead, a
            // report in the past tense means last year's.
            if same > anchor, same.ordinal - anchor.ordinal <= TimeGrammar.announcedDays { return .day(same) }
            return .day(same <= anchor ? same : date(anchor.year - 1) ?? same)
        })
    }

    private func weekdayMatch(first: Int, last: Int, weekday w: Int, shift: Int, future: Bool) -> TimeMatch {
        var match = TimeGrammar.weekdayOnlyMatch(w, shift: shift, future: future)
        (match.first, match.last) = (first, last)
        return match
    }

    /// A weekday (ISO number), moved by "last" (-1) or "next" (+1).
    static func weekdayOnlyMatch(_ w: Int, shift: Int, future: Bool) -> TimeMatch {
        TimeMatch(first: 0, last: 0, absolute: nil, resolve: { anchor in
            let back = (anchor.weekday - w + 7) % 7
            let ahead = (w - anchor.weekday + 7) % 7
            switch shift {
            case ..<0: return .day(anchor.adding(days: -(back == 0 ? 7 : back)))
            case 1...: return .day(anchor.adding(days: ahead == 0 ? 7 : ahead))
            default: return .day(anchor.adding(days: future ? ahead : -back))
            }
        })
    }

    // MARK: resolution

    /// The calendar unit that contains `day`.
    static func interval(_ unit: TimeLexicon.Unit, containing day: CalendarDay) -> DayInterval {
        switch unit {
        case .day: return .day(day)
        case .week:
            let monday = day.adding(days: 1 - day.weekday)
            return DayInterval(start: monday, end: monday.adding(days: 6), granularity: .week)
        case .month: return .month(year: day.year, month: day.month)
        case .year: return .year(day.year)
        }
    }

    static func shifted(_ day: CalendarDay, _ unit: TimeLexicon.Unit, by n: Int) -> CalendarDay {
        switch unit {
        case .day: return day.adding(days: n)
        case .week: return day.adding(days: 7 * n)
        case .month: return day.adding(months: n)
        case .year: return day.adding(months: 12 * n)
        }
    }

    static func resolve(_ meaning: TimeLexicon.Meaning, count: Int, anchor: CalendarDay) -> DayInterval? {
        switch meaning {
        case .unitShift(let unit, let n):
            return interval(unit, containing: shifted(anchor, unit, by: n))
        case .dayShift(let n):
            return .day(anchor.adding(days: n))
        case .unitsAgo(let unit):
            return interval(unit, containing: shifted(anchor, unit, by: -count))
        case .fuzzyBefore(let unit):
            // "weeks earlier": one to eight weeks; "days ago": one to nine days; "months
            // ago": one to twelve months; "years ago": one to ten years.
            let (nearest, farthest): (CalendarDay, CalendarDay) = switch unit {
            case .day: (anchor.adding(days: -1), anchor.adding(days: -9))
            case .week: (anchor.adding(days: -7), anchor.adding(days: -56))
            case .month: (anchor.adding(months: -1), anchor.adding(months: -12))
            case .year: (anchor.adding(months: -12), anchor.adding(months: -120))
            }
            return DayInterval(start: farthest, end: nearest, granularity: .fuzzy)
        case .fuzzyAfter(let unit):
            // "in the coming days": the mirror of the ranges above.
            let (nearest, farthest): (CalendarDay, CalendarDay) = switch unit {
            case .day: (anchor.adding(days: 1), anchor.adding(days: 9))
            case .week: (anchor.adding(days: 7), anchor.adding(days: 56))
            case .month: (anchor.adding(months: 1), anchor.adding(months: 12))
            case .year: (anchor.adding(months: 12), anchor.adding(months: 120))
            }
            return DayInterval(start: nearest, end: farthest, granularity: .fuzzy)
        case .earlierThis(let unit):
            return DayInterval(start: interval(unit, containing: anchor).start, end: anchor, granularity: .fuzzy)
        case .laterThis(let unit):
            return DayInterval(start: anchor, end: interval(unit, containing: anchor).end, granularity: .fuzzy)
        case .weekend(let n):
            // The Saturday and Sunday of the anchor's week, or of the week before.
            let saturday = anchor.adding(days: 6 - anchor.weekday + 7 * n)
            return DayInterval(start: saturday, end: saturday.adding(days: 1), granularity: .fuzzy)
        case .recently:
            return DayInterval(start: anchor.adding(days: -30), end: anchor, granularity: .fuzzy)
        case .fromReference(let unit, let n):
            // No earlier time in the text: "the previous month" is told from the publication day.
            return interval(unit, containing: shifted(anchor, unit, by: n))
        case .unitsAfterReference:
            return nil  // told from the text's own times only (`TimeMatch.fromReference`)
        }
    }
}
