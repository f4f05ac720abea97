import ParallaxCore

/// The same slot filled with different values by two aligned sentences.
///
/// Aligned sentences state the same fact, so a quantity of the same unit that cannot be the
/// same (12 vs 40 people) or dates that cannot be the same (March vs October) is a conflict.
/// Precision first: unresolved times, and any pair with at least one compatible value, are
/// never conflicts; a number without a unit conflicts only with a count of similar size
/// (see `slotValues`).
enum ConflictFinder {
    struct Side: Sendable {
        var source: String
        var text: String
        var unit: ClaimUnit
        /// Every quantity of the side's article, for `disputed`.
        var articleNumbers: [NumberMention] = []
        /// The tokens of the side's sentence, for `StatementTime`.
        var tokens: [Token] = []
    }

    /// Whether two sides' values of a slot are in dispute: not when either article also gives
    /// every value the other side's sentence gives. "Hasta la víspera costaba 27 dólares" is
    /// no account of the new fee when its article prints "30 dólares" elsewhere; an article
    /// that tells "the toll rose from 20 to 26" does not dispute another's "20 dead".
    static func disputed(_ numbersA: [NumberMention], _ a: Side, _ numbersB: [NumberMention], _ b: Side) -> Bool {
        func givesAll(_ numbers: [NumberMention], _ article: [NumberMention]) -> Bool {
            numbers.allSatisfy { x in article.contains { $0.unit == x.unit && $0.agrees(with: x) } }
        }
        return !givesAll(numbersA, b.articleNumbers) && !givesAll(numbersB, a.articleNumbers)
    }

    /// - Parameter datesComparable: whether the sentences are tied closely enough for their
    ///   dates, and the ages of people they do not name, to be one slot. A pair aligned only
    ///   on weak evidence (a neighbour, a mutual best match) often shares its actors but tells
    ///   another moment ("Today we decided …" against "… cuts since August") or another
    ///   person ("Ein 20-Jähriger wurde schwer verletzt" against "Ein 28-jähriger Mann soll …");
    ///   its other numbers may still conflict.
    /// - Parameter weekdays: reads the weekday of dates no publication date resolved
    ///   (`WeekdayReader`); nil: only resolved dates are compared.
    static func conflicts(_ a: Side, _ b: Side, datesComparable: Bool = true, weekdays: WeekdayReader? = nil) -> [StoryReport.Conflict] {
        var found: [StoryReport.Conflict] = []
        // Ages of people neither sentence names are one slot only in a close pair of one
        // language: across languages a headline "36-Year-Old Woman Fatally Shot" met "33-летний
        // мужчина застрелен", another shooting, through the page furniture both printed.
        let across = ClaimMatcher.crossLanguage(a.unit, b.unit)
        let oneFact = datesComparable && !across
        // A span of time is a date's kin: "Rund zwei Wochen vor Beginn" against "eine Woche"
        // in a weakly aligned pair tells two moments; shares of a story are many (two polls).
        // A number without a unit counts a noun that cannot be checked against another
        // language's ("около 20 лесных пожаров" against "27 personnes").
        func compared(_ numbers: [NumberMention]) -> [NumberMention] {
            numbers.filter { number in
                guard let unit = number.unit else { return !across }
                return datesComparable || !CompareLexicon.closeOnlyUnits.contains(unit)
            }
        }
        if let (numbersA, numbersB) = slotValues(compared(a.unit.numbers), compared(b.unit.numbers), aligned: oneFact,
                                                 names: (Array(a.unit.entities.keys), Array(b.unit.entities.keys))),
           disputed(numbersA, a, numbersB, b) {
            found.append(StoryReport.Conflict(kind: .number, sides: [
                .init(source: a.source, text: a.text, value: numbersA.map(\.text).joined(separator: "; ")),
                .init(source: b.source, text: b.text, value: numbersB.map(\.text).joined(separator: "; ")),
            ]))
        }
        let timesA = a.unit.times.filter { $0.resolved != nil && !opensASpan($0) }
        let timesB = b.unit.times.filter { $0.resolved != nil && !opensASpan($0) }
        if datesComparable, !timesA.isEmpty, !timesB.isEmpty,
           !timesA.contains(where: { x in timesB.contains { $0.resolved!.overlaps(x.resolved!) } }),
           oneKindOfMoment(timesA, a, timesB, b) {
            func value(_ times: [TimeMention]) -> String {
                times.map { "\($0.text) (\(ReportFormatting.interval($0.resolved!)))" }.joined(separator: "; ")
            }
            found.append(StoryReport.Conflict(kind: .date, sides: [
                .init(source: a.source, text: a.text, value: value(timesA)),
                .init(source: b.source, text: b.text, value: value(timesB)),
            ]))
        }
        if datesComparable, let weekdays, !found.contains(where: { $0.kind == .date }),
           let (daysA, daysB) = weekdayConflict(a.unit, b.unit, weekdays), oneKindOfMoment(daysA, a, daysB, b) {
            found.append(StoryReport.Conflict(kind: .date, sides: [
                .init(source: a.source, text: a.text, value: daysA.map(\.text).joined(separator: "; ")),
                .init(source: b.source, text: b.text, value: daysB.map(\.text).joined(separator: "; ")),
            ]))
        }
        return found
    }

    /// Whether the two sides' times include moments of one kind: a statement's on both sides,
    /// or a fact's on both (`StatementTime`). The day officials spoke is no slot of the day
    /// the thing they told of happened.
    static func oneKindOfMoment(_ timesA: [TimeMention], _ a: Side, _ timesB: [TimeMention], _ b: Side) -> Bool {
        func kinds(_ times: [TimeMention], _ side: Side) -> Set<Bool> {
            Set(times.map { StatementTime.tellsWhenSaid($0, tokens: side.tokens) })
        }
        return !kinds(timesA, a).isDisjoint(with: kinds(timesB, b))
    }

    /// The day mentions of two claims when they name different weekdays and at least one of
    /// them is unresolved (resolved ones were compared as intervals already).
    static func weekdayConflict(_ a: ClaimUnit, _ b: ClaimUnit, _ weekdays: WeekdayReader) -> ([TimeMention], [TimeMention])? {
        let daysA = a.times.filter { !opensASpan($0) }.compactMap { time in weekdays.weekday(time, language: a.language).map { (time, $0) } }
        let daysB = b.times.filter { !opensASpan($0) }.compactMap { time in weekdays.weekday(time, language: b.language).map { (time, $0) } }
        guard !daysA.isEmpty, !daysB.isEmpty, (daysA + daysB).contains(where: { $0.0.resolved == nil }),
              Set(daysA.map(\.1)).isDisjoint(with: daysB.map(\.1)) else { return nil }
        return (daysA.map(\.0), daysB.map(\.0))
    }

    /// Whether a time opens a span that lasts until the text was written ("Seit Montag", "since
    /// March"): the day it names is when something began, and what the sentence tells may
    /// have happened on any day since, so it fills no date slot.
    static func opensASpan(_ time: TimeMention) -> Bool {
        guard let first = time.text.split(whereSeparator: { $0.isWhitespace }).first else { return false }
        return CompareLexicon.spanOpeners.contains(first.lowercased())
    }

    /// Content words two phrases must share (beyond the numbers) before their quantities of
    /// one unit are taken to fill the same slot.
    static let slotWords = 2

    /// A conflict between two sentences that alignment left apart, with the sentences.
    struct SlotConflict: Sendable {
        var conflict: StoryReport.Conflict
        var a: SentenceAlignment.SentenceRef
        var b: SentenceAlignment.SentenceRef
    }

    /// Number conflicts between sentences that alignment left apart: a sentence that states
    /// a fact with a different number shares fewer features with its counterpart, and may
    /// fall below the alignment thresholds for that very reason ("forced 1,200 residents from
    /// their homes" against "forced 1,500 people to leave their homes"). Two phrases of
    /// different sources fill one slot when they give counts of people, ages or sums of one
    /// unit (`CompareLexicon.slotUnits`) and share at least `slotWords` content words; the
    /// values conflict when none is compatible (sums only when close, `apartSumMagnitude`).
    /// Other quantities conflict only in aligned sentences: apart, two durations or shares of
    /// one story are mostly two facts ("at least 86 days" at golf last year against "more
    /// than 252 days" since the inauguration).
    /// A count of a role smaller than its article's toll is a part of it (`isPartOfToll`), and
    /// a number without a unit meets no count of another language: which noun it counts
    /// cannot be checked there ("Около 20 горящих лесных пожаров" is no "27 personnes").
    /// Aligned pairs are left to `conflicts(_:_:)`, and copies of one text are not compared.
    static func slotConflicts(units: [ClaimUnits], matcher: ClaimMatcher, aligned: Set<[Int]>,
                              sameText: (Int, Int) -> Bool, side: (ClaimUnit) -> Side) -> [SlotConflict] {
        var found: [SlotConflict] = []
        var reported: Set<[Int]> = []
        // Phrases with a count, or a bare number that may be one ("1,200 residents").
        let phrases = units.map { $0.phrases.flatMap { $0 }.filter { $0.numbers.contains { $0.unit.map(CompareLexicon.slotUnits.contains) ?? true } } }
        let tolls = units.map(ConflictFinder.tolls)
        for i in units.indices {
            for j in units.indices where j > i && !sameText(i, j) {
                for a in phrases[i] {
                    for b in phrases[j] {
                        let pair = [i, a.sentence, j, b.sentence]
                        guard !aligned.contains(pair), !reported.contains(pair) else { continue }
                        let across = ClaimMatcher.crossLanguage(a, b)
                        let shared = a.words.filter { word in
                            !word.isNumber && b.words.contains { matcher.wordMatch(word, $0, acrossLanguages: across) > 0 }
                        }.count
                        // A toll of the dead or the injured in one place is one slot of a story however
                        // the sentences word it ("al menos 23 muertos … en Indonesia", "Nueve muertos …
                        // en Indonesia"): one shared name stands in for the words.
                        let tollOfOnePlace = CompareLexicon.casualtyUnits.contains { unit in
                            a.numbers.contains { $0.unit == unit } && b.numbers.contains { $0.unit == unit }
                        } && !Set(a.entities.keys).isDisjoint(with: b.entities.keys)
                        // One person's age is one slot wherever a source gives it.
                        let agedPerson = a.numbers.contains { x in b.numbers.contains { ConflictFinder.sameHolder(x, $0) } }
                        guard shared >= slotWords || tollOfOnePlace || agedPerson else { continue }
                        let onlyAges = shared < slotWords && !tollOfOnePlace
                        func slotted(_ numbers: [NumberMention], toll: [String: Double]) -> [NumberMention] {
                            numbers.filter { number in
                                if onlyAges { return number.isAge }
                                guard let unit = number.unit else { return !across }
                                return CompareLexicon.slotUnits.contains(unit) && !ConflictFinder.isPartOfToll(number, toll)
                            }
                        }
                        guard let (numbersA, numbersB) = slotValues(slotted(a.numbers, toll: tolls[i]), slotted(b.numbers, toll: tolls[j]),
                                                                    aligned: false) else { continue }
                        let sideA = side(a), sideB = side(b)
                        guard disputed(numbersA, sideA, numbersB, sideB) else { continue }
                        reported.insert(pair)
                        found.append(SlotConflict(
                            conflict: StoryReport.Conflict(kind: .number, sides: [
                                .init(source: sideA.source, text: sideA.text, value: numbersA.map(\.text).joined(separator: "; ")),
                                .init(source: sideB.source, text: sideB.text, value: numbersB.map(\.text).joined(separator: "; ")),
                            ]),
                            a: .init(source: i, sentence: a.sentence), b: .init(source: j, sentence: b.sentence)))
                    }
                }
            }
        }
        return found
    }

    /// The toll an article gives for each role ("dead", "injured"…): its largest count of that
    /// role. Apart from alignment, only the toll fills the story's slot.
    static func tolls(_ article: ClaimUnits) -> [String: Double] {
        var tolls: [String: Double] = [:]
        for number in article.sentences.flatMap(\.numbers) {
            guard let unit = number.unit, NumberMention.roleUnits.contains(unit) else { continue }
            tolls[unit] = max(tolls[unit] ?? 0, number.upper ?? number.value)
        }
        return tolls
    }

    /// Whether a count of a role is smaller than its article's toll of that role: a part of
    /// it ("while three people died of hypothermia" beside "Nine people died"; "Один человек
    /// погиб" in a list of regions beside "15 погибших") or a figure the article has moved on
    /// from, not the article's account of the whole.
    static func isPartOfToll(_ number: NumberMention, _ tolls: [String: Double]) -> Bool {
        guard let unit = number.unit, let toll = tolls[unit] else { return false }
        return (number.upper ?? number.value) < toll
    }

    /// Values of two sizes further apart than this are two different quantities, not two
    /// accounts of one (used where a unit is missing on one side, and for counts of people
    /// without a role, `NumberMention.personUnit`).
    static let slotMagnitude = 2.0
    /// Smallest number without a unit taken for a count of people.
    static let bareCountMinimum = 10.0
    /// Sums of money further apart than this are two sums, not two accounts of one: "25
    /// millones de dólares" for one fugitive and "15 millones" for another (a wrong conflict
    /// on the tune split of Benchmarks/claims), against "12 bin 600 lira" and "12 bin 650 TL"
    /// for the one debt paid.
    static let sumMagnitude = 1.5
    /// The same for sentences that alignment left apart: there two sums of a story far
    /// closer than that are still two ("sechs Milliarden Euro vom Staat und drei Milliarden
    /// Euro Darlehen" against a loss of "2,1 Milliarden Euro"), while two accounts of one debt
    /// differ by a few lira.
    static let apartSumMagnitude = 1.2
    /// Shares further apart than this are two shares (two polls, two markets).
    static let shareMagnitude = 1.5

    /// How far apart two values of a unit may be and still be two accounts of one quantity,
    /// for the units a story holds many of: sums (`sumMagnitude`, `apartSumMagnitude`);
    /// people counted without a role, of many kinds in one story (4,000 who fled, 27 killed;
    /// `slotMagnitude`); shares ("a compounded growth of 5.9%" and "a market growth of 20.3%"
    /// are two markets; `shareMagnitude`). Nil: any two values of the unit are one quantity.
    private static func oneQuantityReach(_ unit: String, aligned: Bool) -> Double? {
        if CompareLexicon.currencyUnits.contains(unit) { return aligned ? sumMagnitude : apartSumMagnitude }
        if unit == NumberMention.personUnit { return slotMagnitude }
        if unit == CompareLexicon.shareUnit { return shareMagnitude }
        return nil
    }

    private static func ratio(_ x: Double, _ y: Double) -> Double {
        guard x > 0, y > 0 else { return .infinity }
        return max(x, y) / min(x, y)
    }

    /// The quantities of two phrases that fill a slot with values that cannot agree, if any;
    /// every such slot (the dead and the injured of one attack are two), in text order.
    /// Same unit: no value of one side compatible with one of the other (and for sums of
    /// money, two of them within `sumMagnitude` of each other). A number the
    /// annotator left without a unit ("1,200 residents") against a count of people ("1,500
    /// people"; `CompareLexicon.countUnits`), or people against a role ("26 people" against "21
    /// dead"): the looser side cannot tell, so the values must be within `slotMagnitude` of
    /// each other and not compatible. Other units (hours, euros) never meet a unit-less number.
    /// Ages (`NumberMention.isAge`) fill a slot only when they are one person's (`ages`).
    /// - Parameter aligned: whether the two phrases were aligned closely enough to state one
    ///   fact of one person.
    /// - Parameter names: the entity keys each phrase names (see `ages`).
    static func slotValues(_ a: [NumberMention], _ b: [NumberMention], aligned: Bool = true,
                           names: ([String], [String]) = ([], [])) -> ([NumberMention], [NumberMention])? {
        var conflictingA: [NumberMention] = [], conflictingB: [NumberMention] = []
        for unit in Set(a.compactMap(\.unit)).intersection(b.compactMap(\.unit)).sorted() where unit != NumberMention.ageUnit {
            let numbersA = a.filter { $0.unit == unit }, numbersB = b.filter { $0.unit == unit }
            guard !numbersA.contains(where: { x in numbersB.contains { $0.agrees(with: x) } }) else { continue }
            if let reach = oneQuantityReach(unit, aligned: aligned),
               !numbersA.contains(where: { x in numbersB.contains { ratio($0.value, x.value) <= reach } }) { continue }
            conflictingA += numbersA
            conflictingB += numbersB
        }
        for (x, y) in ages(a.filter(\.isAge), b.filter(\.isAge), aligned: aligned, names: names)
        where !x.contains(where: { u in y.contains { $0.agrees(with: u) } }) {
            conflictingA += x
            conflictingB += y
        }
        if let (x, y) = looserSlotConflict(a, b), !conflictingA.contains(x), !conflictingB.contains(y) {
            conflictingA.append(x)
            conflictingB.append(y)
        }
        guard !conflictingA.isEmpty else { return nil }
        return (conflictingA.sorted { $0.span.start < $1.span.start }, conflictingB.sorted { $0.span.start < $1.span.start })
    }

    /// Whether two ages are known to be one person's (`NumberMention.holder`; "Marlow" is
    /// "John Marlow", as `ClaimMatcher.entityMatch` reads names).
    static func sameHolder(_ x: NumberMention, _ y: NumberMention) -> Bool {
        guard x.isAge, y.isAge, let a = x.holder, let b = y.holder else { return false }
        return ClaimMatcher.entityMatch(a, b) > 0
    }

    /// The ages of two phrases grouped by person, each group one slot: the ages of one holder
    /// on both sides; and in aligned sentences, which state one fact, a lone age on each side
    /// when either has no known holder ("The 77-year-old had been ill" against "Marlow, 78,
    /// had been ill"), unless the phrase whose age has none names the other's holder apart
    /// from it. The ages of two different people are never one slot: "Mehmet Kaya, 45," against
    /// "the 42-year-old suspect stabbed Mehmet Kaya".
    static func ages(_ a: [NumberMention], _ b: [NumberMention], aligned: Bool,
                     names: ([String], [String])) -> [([NumberMention], [NumberMention])] {
        var groups: [([NumberMention], [NumberMention])] = []
        for x in a where x.holder != nil && !groups.contains(where: { $0.0.contains(x) }) {
            let sideA = a.filter { $0 == x || sameHolder($0, x) }, sideB = b.filter { sameHolder($0, x) }
            if !sideB.isEmpty { groups.append((sideA, sideB)) }
        }
        func namesHolderApart(_ names: [String], _ age: NumberMention) -> Bool {
            guard let holder = age.holder else { return false }
            return names.contains { ClaimMatcher.entityMatch($0, holder) > 0 }
        }
        if groups.isEmpty, aligned, a.count == 1, b.count == 1, a[0].holder == nil || b[0].holder == nil,
           !namesHolderApart(names.0, b[0]), !namesHolderApart(names.1, a[0]) {
            groups.append((a, b))
        }
        return groups
    }

    /// A count and a looser count of one slot (people against the dead, a bare number against
    /// people) close in size that do not agree, unless another such pair agrees.
    private static func looserSlotConflict(_ a: [NumberMention], _ b: [NumberMention]) -> (NumberMention, NumberMention)? {
        func close(_ x: NumberMention, _ y: NumberMention) -> Bool {
            guard x.value > 0, y.value > 0, CompareLexicon.oneCountsLooser(x.unit, y.unit) else { return false }
            // A small bare number is too often something else: a list item, "four in the last
            // 24 hours" of a toll, "1" of a footnote.
            if (x.unit == nil && x.value < bareCountMinimum) || (y.unit == nil && y.value < bareCountMinimum) { return false }
            return max(x.value, y.value) / min(x.value, y.value) <= slotMagnitude
        }
        func agrees(_ x: NumberMention, _ y: NumberMention) -> Bool {
            var looser = y
            looser.unit = x.unit
            return x.agrees(with: looser)
        }
        // A count whose own unit the other side gives alike is settled: the looser value beside
        // it counts something else ("18 en clínicas privadas y 10 fallecidos" against "la cifra
        // de fallecidos se mantiene en 10").
        func settled(_ count: NumberMention, by other: [NumberMention]) -> Bool {
            count.unit != nil && other.contains { $0.unit == count.unit && $0.agrees(with: count) }
        }
        for x in a where !settled(x, by: b) {
            for y in b where close(x, y) && !agrees(x, y) && !settled(y, by: a) {
                // Another value on the other side that agrees means the slot is filled alike.
                if a.contains(where: { u in b.contains { CompareLexicon.oneCountsLooser(u.unit, $0.unit) && agrees(u, $0) } }) { return nil }
                return (x, y)
            }
        }
        return nil
    }
}
