import Foundation
import ParallaxCore

/// Dates as feeds and sitemaps write them: RFC 822 (`Wed, 04 Feb 2026 10:00:00 GMT`, named
/// or numeric zones), ISO 8601 / RFC 3339 (`2026-02-04T10:00:00+01:00`) and the sloppy
/// variants real feeds produce (no weekday or a wrong one, no seconds, one-digit days,
/// full or localised month names, two-digit years, `GMT+1`, `2026-02-04 10:00:00`).
/// A date without a zone is taken as UTC.
public enum FeedDates {
    public static func parse(_ text: String) -> Date? {
        // Not Foundation's trimming: this runs for every WARC record, and that is slow on Linux.
        let trimmed = text.drop(while: \.isWhitespace).reversed().drop(while: \.isWhitespace).reversed()
        guard !trimmed.isEmpty, trimmed.count < 100 else { return nil }
        let characters = Array(String(trimmed).lowercased())
        if characters.count >= 8, characters[0..<4].allSatisfy(\.isASCIIDigit), characters[4] == "-" || characters[4] == "/" {
            return parseISO(characters)
        }
        return parseWritten(tokens(characters))
    }

    // MARK: ISO 8601

    private static func parseISO(_ c: [Character]) -> Date? {
        var scanner = Scanner(characters: c)
        guard let year = scanner.number(maxDigits: 4), scanner.skip(["-", "/"]),
              let month = scanner.number(maxDigits: 2), scanner.skip(["-", "/"]),
              let day = scanner.number(maxDigits: 2)
        else { return nil }
        var fields = Fields(year: year, month: month, day: day)
        if scanner.skip(["t", " "]) {
            while scanner.skip([" "]) {}
            guard let hour = scanner.number(maxDigits: 2), scanner.skip([":"]), let minute = scanner.number(maxDigits: 2) else { return nil }
            fields.hour = hour
            fields.minute = minute
            if scanner.skip([":"]) {
                guard let second = scanner.number(maxDigits: 2) else { return nil }
                fields.second = second
                if scanner.skip([".", ","]) { fields.fraction = scanner.fraction() }
            }
        }
        while scanner.skip([" "]) {}
        if !scanner.atEnd {
            // Whatever follows is a zone: `Z`, `+01:00`, `+0100`, `+01`, or a name.
            let rest = tokens(Array(c[scanner.index...]))
            guard let offset = zoneOffset(rest) else { return nil }
            fields.offsetSeconds = offset
        }
        return fields.date
    }

    // MARK: RFC 822 and free-form

    private enum Token: Equatable {
        case word(String)
        case number(Int, digits: Int)
        case symbol(Character)
    }

    private static func tokens(_ c: [Character]) -> [Token] {
        var tokens: [Token] = []
        var index = 0
        while index < c.count {
            let character = c[index]
            if character.isASCIIDigit {
                var value = 0, digits = 0
                while index < c.count, c[index].isASCIIDigit, digits < 9 {
                    value = value * 10 + Int(c[index].asciiValue! - 48)
                    digits += 1
                    index += 1
                }
                tokens.append(.number(value, digits: digits))
            } else if character.isLetter {
                var word = ""
                while index < c.count, c[index].isLetter { word.append(c[index]); index += 1 }
                tokens.append(.word(word))
            } else {
                if !character.isWhitespace { tokens.append(.symbol(character)) }
                index += 1
            }
        }
        return tokens
    }

    private static func parseWritten(_ tokens: [Token]) -> Date? {
        var fields = Fields()
        var index = 0
        var pm: Bool?
        while index < tokens.count {
            switch tokens[index] {
            case .word(let word):
                if let month = DateNames.month(word) {
                    fields.month = month
                } else if let offset = DateNames.zones[word] {
                    fields.offsetSeconds = offset
                } else if word == "am" || word == "pm" {
                    pm = word == "pm"
                }
                index += 1
            case .number(let value, let digits):
                if index + 2 < tokens.count, tokens[index + 1] == .symbol(":"), case .number(let minute, _) = tokens[index + 2] {
                    fields.hour = value
                    fields.minute = minute
                    index += 3
                    if index + 1 < tokens.count, tokens[index] == .symbol(":"), case .number(let second, _) = tokens[index + 1] {
                        fields.second = second
                        index += 2
                        if index + 1 < tokens.count, tokens[index] == .symbol("."), case .number(let fraction, let fractionDigits) = tokens[index + 1] {
                            fields.fraction = Double(fraction) / pow(10, Double(fractionDigits))
                            index += 2
                        }
                    }
                    continue
                }
                if fields.day == nil, digits <= 2, (1...31).contains(value) {
                    fields.day = value
                } else if fields.month == nil, digits <= 2, (1...12).contains(value), fields.day != nil {
                    fields.month = value   // `04.02.2026`: day, month, year
                } else if fields.year == nil {
                    fields.year = digits <= 2 ? (value < 70 ? 2000 + value : 1900 + value) : value
                }
                index += 1
            case .symbol(let symbol):
                // A sign after the time starts a numeric zone (`+0100`, `-05:00`, `GMT+1`).
                if (symbol == "+" || symbol == "-"), fields.hour != nil, let (offset, used) = numericOffset(tokens, at: index) {
                    fields.offsetSeconds = (fields.offsetSeconds ?? 0) + offset
                    index += used
                } else {
                    index += 1
                }
            }
        }
        if let pm, let hour = fields.hour, (1...12).contains(hour) {
            fields.hour = pm ? (hour % 12) + 12 : hour % 12
        }
        guard fields.year != nil, fields.month != nil, fields.day != nil else { return nil }
        return fields.date
    }

    /// `+hh:mm`, `+hhmm`, `+hh` or `+h` starting at the sign at `index`: seconds east of UTC
    /// and how many tokens it used.
    private static func numericOffset(_ tokens: [Token], at index: Int) -> (Int, Int)? {
        guard index + 1 < tokens.count, case .symbol(let sign) = tokens[index], case .number(let value, let digits) = tokens[index + 1] else { return nil }
        let direction = sign == "-" ? -1 : 1
        var hours = value, minutes = 0, used = 2
        if digits == 4 {
            hours = value / 100
            minutes = value % 100
        } else if digits > 2 {
            return nil
        } else if index + 3 < tokens.count, tokens[index + 2] == .symbol(":"), case .number(let m, _) = tokens[index + 3] {
            minutes = m
            used = 4
        }
        guard hours <= 14, minutes < 60 else { return nil }
        return (direction * (hours * 3600 + minutes * 60), used)
    }

    private static func zoneOffset(_ tokens: [Token]) -> Int? {
        var offset: Int?
        var index = 0
        while index < tokens.count {
            switch tokens[index] {
            case .word(let word):
                guard let named = DateNames.zones[word] else { return nil }
                offset = (offset ?? 0) + named
                index += 1
            case .symbol("+"), .symbol("-"):
                guard let (value, used) = numericOffset(tokens, at: index) else { return nil }
                offset = (offset ?? 0) + value
                index += used
            default:
                return nil
            }
        }
        return offset
    }

    // MARK: Calendar arithmetic

    private struct Fields {
        var year: Int?
        var month: Int?
        var day: Int?
        var hour: Int?
        var minute: Int?
        var second: Int?
        var fraction: Double = 0
        var offsetSeconds: Int?

        var date: Date? {
            guard let year, let month, let day, (1900...2200).contains(year), (1...12).contains(month),
                  (1...FeedDates.daysIn(month: month, year: year)).contains(day) else { return nil }
            let hour = hour ?? 0, minute = minute ?? 0, second = min(second ?? 0, 59)
            guard (0...24).contains(hour), (0...59).contains(minute) else { return nil }
            let days = CalendarDay(year: year, month: month, day: day).ordinal
            let seconds = days * 86_400 + hour * 3600 + minute * 60 + second - (offsetSeconds ?? 0)
            return Date(timeIntervalSince1970: TimeInterval(seconds) + fraction)
        }
    }

    static func daysIn(month: Int, year: Int) -> Int {
        switch month {
        case 2: return (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    private struct Scanner {
        var characters: [Character]
        var index = 0
        var atEnd: Bool { index >= characters.count }

        mutating func number(maxDigits: Int) -> Int? {
            var value = 0, digits = 0
            while index < characters.count, digits < maxDigits, characters[index].isASCIIDigit {
                value = value * 10 + Int(characters[index].asciiValue! - 48)
                digits += 1
                index += 1
            }
            return digits > 0 ? value : nil
        }

        mutating func fraction() -> Double {
            var value = 0.0, scale = 0.1
            while index < characters.count, characters[index].isASCIIDigit {
                value += Double(characters[index].asciiValue! - 48) * scale
                scale /= 10
                index += 1
            }
            return value
        }

        mutating func skip(_ options: Set<Character>) -> Bool {
            guard index < characters.count, options.contains(characters[index]) else { return false }
            index += 1
            return true
        }
    }
}

extension Character {
    fileprivate var isASCIIDigit: Bool { isASCII && isNumber }
}

/// Month and time-zone names that dates in feeds use, as data. Keys are lowercase.
enum DateNames {
    /// Month names and abbreviations by month number. English is what the RSS and sitemap
    /// specifications require; the others appear in sloppy feeds of European outlets.
    static let monthNames: [Int: [String]] = [
        1: ["jan", "january", "januar", "janvier", "janv", "enero", "ene", "gennaio", "gen", "janeiro", "januari", "jänner", "jän"],
        2: ["feb", "february", "februar", "février", "févr", "fevrier", "fevr", "febrero", "febbraio", "fevereiro", "fev", "februari"],
        3: ["mar", "march", "märz", "maerz", "mär", "mars", "marzo", "março", "marco", "maart", "mrt"],
        4: ["apr", "april", "avril", "avr", "abril", "abr", "aprile"],
        5: ["may", "mai", "mayo", "maggio", "mag", "maio", "mei"],
        6: ["jun", "june", "juni", "juin", "junio", "giugno", "giu", "junho"],
        7: ["jul", "july", "juli", "juillet", "juil", "julio", "luglio", "lug", "julho"],
        8: ["aug", "august", "août", "aout", "agosto", "ago", "augustus"],
        9: ["sep", "sept", "september", "septembre", "septiembre", "settembre", "set", "setembro"],
        10: ["oct", "october", "oktober", "okt", "octobre", "octubre", "ottobre", "ott", "outubro", "out"],
        11: ["nov", "november", "novembre", "noviembre", "novembro"],
        12: ["dec", "december", "dezember", "dez", "décembre", "déc", "decembre", "diciembre", "dic", "dicembre", "dezembro"],
    ]

    private static let monthsByName: [String: Int] = {
        var table: [String: Int] = [:]
        for (month, names) in monthNames { for name in names { table[name] = month } }
        return table
    }()

    static func month(_ word: String) -> Int? { monthsByName[word] }

    /// Zone abbreviations and their offsets east of UTC, in seconds. Ambiguous ones (IST,
    /// which is India, Ireland and Israel) are left out: a wrong zone is worse than UTC.
    static let zones: [String: Int] = [
        "z": 0, "ut": 0, "utc": 0, "gmt": 0, "wet": 0,
        "est": -5 * 3600, "edt": -4 * 3600, "cst": -6 * 3600, "cdt": -5 * 3600,
        "mst": -7 * 3600, "mdt": -6 * 3600, "pst": -8 * 3600, "pdt": -7 * 3600,
        "akst": -9 * 3600, "akdt": -8 * 3600, "hst": -10 * 3600,
        "bst": 3600, "west": 3600, "cet": 3600, "mez": 3600, "cest": 7200, "mesz": 7200,
        "eet": 7200, "eest": 3 * 3600, "msk": 3 * 3600, "jst": 9 * 3600, "kst": 9 * 3600,
        "hkt": 8 * 3600, "sgt": 8 * 3600, "aest": 10 * 3600, "aedt": 11 * 3600,
        "nzst": 12 * 3600, "nzdt": 13 * 3600,
    ]
}
