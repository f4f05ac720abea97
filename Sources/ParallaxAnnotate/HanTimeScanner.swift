import ParallaxCore

/// Time expressions of Chinese text. The word rules of `TimeGrammar` need words between
/// spaces; Chinese writes none, and its dates are digits and counters glued together
/// ("2020年3月4日", "上周三", "三天前"). This scanner reads the sentence's scalars instead,
/// trying the patterns below at each position, longest first. Spaces between the parts are
/// allowed, as machine translations insert them ("9 月 9 日").
struct HanTimeScanner: Sendable {
    /// A found expression: scalar offsets into the sentence (half-open) and its meaning.
    struct Found {
        var start: Int
        var end: Int
        var match: TimeMatch
    }

    /// 将 ("will"): a sentence about what is to come.
    static let futureMarkers: [Unicode.Scalar] = ["将"]

    /// Words of fixed meaning, by the shift they make.
    static let fixed: [(text: String, meaning: TimeLexicon.Meaning)] = [
        ("前年", .unitShift(.year, -2)), ("去年", .unitShift(.year, -1)), ("今年", .unitShift(.year, 0)), ("明年", .unitShift(.year, 1)),
        ("上个月", .unitShift(.month, -1)), ("上月", .unitShift(.month, -1)), ("本月", .unitShift(.month, 0)),
        ("这个月", .unitShift(.month, 0)), ("下个月", .unitShift(.month, 1)), ("下月", .unitShift(.month, 1)),
        ("上周", .unitShift(.week, -1)), ("上星期", .unitShift(.week, -1)), ("上个星期", .unitShift(.week, -1)),
        ("本周", .unitShift(.week, 0)), ("这周", .unitShift(.week, 0)), ("这个星期", .unitShift(.week, 0)),
        ("下周", .unitShift(.week, 1)), ("下星期", .unitShift(.week, 1)), ("下个星期", .unitShift(.week, 1)),
        ("前天", .dayShift(-2)), ("昨天", .dayShift(-1)), ("昨日", .dayShift(-1)), ("今天", .dayShift(0)),
        ("明天", .dayShift(1)), ("明日", .dayShift(1)), ("后天", .dayShift(2)),
        ("几天前", .fuzzyBefore(.day)), ("几周前", .fuzzyBefore(.week)), ("几个星期前", .fuzzyBefore(.week)),
        ("几个月前", .fuzzyBefore(.month)), ("几年前", .fuzzyBefore(.year)),
        ("未来几天", .fuzzyAfter(.day)), ("未来几周", .fuzzyAfter(.week)), ("未来几个月", .fuzzyAfter(.month)), ("未来几年", .fuzzyAfter(.year)),
        ("近日", .recently), ("日前", .recently), ("最近", .recently), ("近期", .recently),
        ("第二天", .fromReference(.day, 1)), ("次日", .fromReference(.day, 1)), ("翌日", .fromReference(.day, 1)),
        ("前一天", .fromReference(.day, -1)),
    ]
    /// Weekday characters after 周, 星期 or 礼拜.
    static let weekdayNumbers: [Unicode.Scalar: Int] = ["一": 1, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "日": 7, "天": 7]
    static let weekdayWords = ["星期", "礼拜", "周"]
    static let numerals: [Unicode.Scalar: Int] = ["一": 1, "两": 2, "二": 2, "三": 3, "四": 4, "五": 5, "六": 6, "七": 7, "八": 8, "九": 9, "十": 10]
    /// Counters of "N units ago": 天前, 周前, 个月前, 年前.
    static let agoUnits: [(text: String, unit: TimeLexicon.Unit)] = [
        ("天前", .day), ("日前", .day), ("周前", .week), ("个星期前", .week), ("星期前", .week), ("个月前", .month), ("年前", .year),
    ]

    func scan(_ scalars: [Unicode.Scalar], future: Bool) -> [Found] {
        var found: [Found] = []
        var i = 0
        while i < scalars.count {
            if let f = match(scalars, at: i, future: future) {
                found.append(f)
                i = f.end
            } else {
                i += 1
            }
        }
        return found
    }

    private func match(_ c: [Unicode.Scalar], at i: Int, future: Bool) -> Found? {
        // A number glued to the digits before it is not the start of a date ("12020年").
        if i > 0, isDigit(c[i - 1]), isDigit(c[i]) { return nil }
        if let f = numericDate(c, at: i, future: future) { return f }
        if let f = numberAgo(c, at: i) { return f }
        if let f = weekday(c, at: i, future: future) { return f }
        for (text, meaning) in HanTimeScanner.fixed where starts(c, at: i, with: text) {
            let end = i + text.unicodeScalars.count
            return Found(start: i, end: end, match: TimeGrammar.ruleMatch(meaning, count: 1))
        }
        return nil
    }

    /// "2020年3月4日", "2020年3月", "3月4日", "3月", "2020年", "90年代".
    private func numericDate(_ c: [Unicode.Scalar], at i: Int, future: Bool) -> Found? {
        guard let (first, afterFirst) = digits(c, at: i) else { return nil }
        var j = skipSpaces(c, afterFirst)
        if j < c.count, c[j] == "年" {
            let afterYear = j + 1
            if afterYear < c.count, c[afterYear] == "代" {  // decades: "1990年代", "90年代"
                let decade = first < 100 ? 1900 + first : first
                guard decade % 10 == 0, (1800...2190).contains(decade) else { return nil }
                return Found(start: i, end: afterYear + 1, match: .fixed(0, 0, .decade(decade)))
            }
            // Fewer digits before 年 are a count ("20年前", twenty years ago: `numberAgo`).
            guard (1800...2199).contains(first), afterFirst - i == 4 else { return nil }
            j = skipSpaces(c, afterYear)
            if let (m, afterMonth) = digits(c, at: j), (1...12).contains(m) {
                var k = skipSpaces(c, afterMonth)
                if k < c.count, c[k] == "月" {
                    k += 1
                    if let (d, afterDay) = digits(c, at: skipSpaces(c, k)), (1...CalendarDay.daysIn(year: first, month: m)).contains(d) {
                        let end = skipSpaces(c, afterDay)
                        if end < c.count, c[end] == "日" || c[end] == "号" {
                            return Found(start: i, end: end + 1, match: .fixed(0, 0, .day(CalendarDay(year: first, month: m, day: d))))
                        }
                    }
                    return Found(start: i, end: monthEnd(c, k), match: .fixed(0, 0, .month(year: first, month: m)))
                }
            }
            return Found(start: i, end: afterYear, match: .fixed(0, 0, .year(first)))
        }
        // A bare four-digit year that nothing counts: "版权所有 2020", "下降2019." ("2000 人" is a count).
        if afterFirst - i == 4, (1900...2099).contains(first), !(i > 0 && (c[i - 1] == "." || c[i - 1] == ",")),
           j == c.count || !(HanTimeScanner.isHan(c[j]) || c[j].properties.isAlphabetic || isDigit(c[j])) {
            return Found(start: i, end: afterFirst, match: .fixed(0, 0, .year(first)))
        }
        if j < c.count, c[j] == "月", (1...12).contains(first) {
            let m = first
            var k = j + 1
            if let (d, afterDay) = digits(c, at: skipSpaces(c, k)), (1...31).contains(d) {
                let end = skipSpaces(c, afterDay)
                if end < c.count, c[end] == "日" || c[end] == "号" {
                    return Found(start: i, end: end + 1, match: TimeGrammar.dayMonthMatch(month: m, day: d, future: future))
                }
            }
            k = monthEnd(c, k)
            return Found(start: i, end: k, match: TimeGrammar.bareMonthMatch(m, future: future))
        }
        return nil
    }

    /// "三天前", "2 个月前", "5年前".
    private func numberAgo(_ c: [Unicode.Scalar], at i: Int) -> Found? {
        let count: Int
        var j: Int
        if let (n, after) = digits(c, at: i), after - i <= 3 {
            count = n
            j = after
        } else if let n = HanTimeScanner.numerals[c[i]] {
            count = n
            j = i + 1
        } else {
            return nil
        }
        j = skipSpaces(c, j)
        for (text, unit) in HanTimeScanner.agoUnits where starts(c, at: j, with: text) {
            return Found(start: i, end: j + text.unicodeScalars.count, match: TimeGrammar.ruleMatch(.unitsAgo(unit), count: count))
        }
        return nil
    }

    /// "周三", "星期日", "上周五", "下星期一".
    private func weekday(_ c: [Unicode.Scalar], at i: Int, future: Bool) -> Found? {
        var shift = 0
        var j = i
        if starts(c, at: i, with: "上") { shift = -1; j += 1 } else if starts(c, at: i, with: "下") { shift = 1; j += 1 }
        for word in HanTimeScanner.weekdayWords where starts(c, at: j, with: word) {
            let k = j + word.unicodeScalars.count
            guard k < c.count, let w = HanTimeScanner.weekdayNumbers[c[k]] else { continue }
            guard shift != 0 else {
                return Found(start: i, end: k + 1, match: TimeGrammar.weekdayOnlyMatch(w, shift: 0, future: future))
            }
            // 上周三 is the Wednesday of last week, not the latest Wednesday.
            let weeks = shift
            return Found(start: i, end: k + 1, match: TimeMatch(first: 0, last: 0, absolute: nil, resolve: { anchor in
                .day(anchor.adding(days: 1 - anchor.weekday + 7 * weeks + w - 1))
            }))
        }
        return nil
    }

    /// The end of a month expression, with its optional 份 ("2月份").
    private func monthEnd(_ c: [Unicode.Scalar], _ k: Int) -> Int { k < c.count && c[k] == "份" ? k + 1 : k }

    private func isDigit(_ s: Unicode.Scalar) -> Bool { ("0"..."9").contains(s) }

    static func isHan(_ s: Unicode.Scalar) -> Bool { s.properties.isIdeographic }

    private func digits(_ c: [Unicode.Scalar], at i: Int) -> (value: Int, end: Int)? {
        var j = i
        var value = 0
        while j < c.count, isDigit(c[j]), j - i < 4 {
            value = value * 10 + Int(c[j].value - 48)
            j += 1
        }
        guard j > i, !(j < c.count && isDigit(c[j])) else { return nil }
        return (value, j)
    }

    private func skipSpaces(_ c: [Unicode.Scalar], _ i: Int) -> Int {
        var j = i
        while j < c.count, c[j] == " " || c[j] == "\u{3000}" { j += 1 }
        return j
    }

    private func starts(_ c: [Unicode.Scalar], at i: Int, with text: String) -> Bool {
        var j = i
        for s in text.unicodeScalars {
            guard j < c.count, c[j] == s else { return false }
            j += 1
        }
        return true
    }
}
