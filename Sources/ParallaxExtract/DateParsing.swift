import Foundation

/// Dates as pages write them: ISO 8601 in metadata, `/2026/02/04/` in URLs, and
/// "Published 3 Feb 2026" or "February 3, 2026" in text (month names in `BoilerplateRules`).
enum DateParsing {
    private static let utc = TimeZone(identifier: "UTC")!

    /// Accepted years: older dates are almost always parsing mistakes for news.
    static let plausibleYears = 1990...2100

    static func date(year: Int, month: Int, day: Int, hour: Int = 0, minute: Int = 0, second: Int = 0, offsetSeconds: Int = 0) -> Date? {
        guard plausibleYears.contains(year), (1...12).contains(month), (1...31).contains(day),
              (0...23).contains(hour), (0...59).contains(minute), (0...60).contains(second) else { return nil }
        var calendar = Calendar(identifier: .gregorian)
        calendar.timeZone = utc
        let components = DateComponents(year: year, month: month, day: day, hour: hour, minute: minute, second: second)
        guard let date = calendar.date(from: components), calendar.component(.day, from: date) == day else { return nil }
        return date.addingTimeInterval(TimeInterval(-offsetSeconds))
    }

    /// "2026-02-04", "2026-02-04T10:30:00+01:00", "2026-02-04 10:30:00Z" anywhere in the
    /// text (the first that parses). A date without a time is midnight UTC. Scanned on
    /// bytes: this runs on many short lines of every page.
    static func iso(_ text: String) -> Date? {
        let bytes = Array(text.utf8)
        guard bytes.count >= 8 else { return nil }
        var start = 0
        while start + 8 <= bytes.count {
            if let found = isoDate(bytes, at: start) { return found }
            start += 1
        }
        return nil
    }

    @inline(__always) private static func isDigit(_ byte: UInt8) -> Bool { (0x30...0x39).contains(byte) }

    /// A run of `minimum`…`maximum` ASCII digits at `index`: its value and where it ends.
    private static func number(_ bytes: [UInt8], at index: Int, minimum: Int, maximum: Int) -> (value: Int, end: Int)? {
        var end = index, value = 0
        while end < bytes.count, end - index < maximum, isDigit(bytes[end]) {
            value = value * 10 + Int(bytes[end] - 0x30)
            end += 1
        }
        return end - index >= minimum ? (value, end) : nil
    }

    private static func isoDate(_ bytes: [UInt8], at start: Int) -> Date? {
        guard let year = number(bytes, at: start, minimum: 4, maximum: 4), year.end < bytes.count, bytes[year.end] == UInt8(ascii: "-"),
              let month = number(bytes, at: year.end + 1, minimum: 1, maximum: 2), month.end < bytes.count, bytes[month.end] == UInt8(ascii: "-"),
              let day = number(bytes, at: month.end + 1, minimum: 1, maximum: 2) else { return nil }
        var hour = 0, minute = 0, second = 0, offset = 0
        var index = day.end
        if index < bytes.count, bytes[index] == UInt8(ascii: "T") || bytes[index] == UInt8(ascii: " "),
           let h = number(bytes, at: index + 1, minimum: 1, maximum: 2), h.end < bytes.count, bytes[h.end] == UInt8(ascii: ":"),
           let m = number(bytes, at: h.end + 1, minimum: 2, maximum: 2) {
            hour = h.value; minute = m.value; index = m.end
            if index < bytes.count, bytes[index] == UInt8(ascii: ":"), let sec = number(bytes, at: index + 1, minimum: 2, maximum: 2) {
                second = sec.value; index = sec.end
                if index < bytes.count, bytes[index] == UInt8(ascii: ".") || bytes[index] == UInt8(ascii: ","),
                   let fraction = number(bytes, at: index + 1, minimum: 1, maximum: Int.max) {
                    index = fraction.end
                }
            }
            while index < bytes.count, bytes[index] == 0x20 { index += 1 }
            if index < bytes.count, bytes[index] == UInt8(ascii: "+") || bytes[index] == UInt8(ascii: "-"),
               let hours = number(bytes, at: index + 1, minimum: 2, maximum: 2) {
                var minutesStart = hours.end
                if minutesStart < bytes.count, bytes[minutesStart] == UInt8(ascii: ":") { minutesStart += 1 }
                if let minutes = number(bytes, at: minutesStart, minimum: 2, maximum: 2) {
                    offset = (hours.value * 3600 + minutes.value * 60) * (bytes[index] == UInt8(ascii: "-") ? -1 : 1)
                }
            }
        }
        return date(year: year.value, month: month.value, day: day.value, hour: hour, minute: minute, second: second, offsetSeconds: offset)
    }

    /// `/2026/02/04/` or `/2026-02-04-` in a URL path.
    static func fromURL(_ url: String) -> Date? {
        let bytes = Array(url.utf8)
        func isSeparator(_ i: Int) -> Bool { i < bytes.count && (bytes[i] == UInt8(ascii: "/") || bytes[i] == UInt8(ascii: "-")) }
        for slash in bytes.indices where bytes[slash] == UInt8(ascii: "/") {
            guard let year = number(bytes, at: slash + 1, minimum: 4, maximum: 4), (1900...2099).contains(year.value), isSeparator(year.end) else { continue }
            // Month and day are one or two digits; the day must end the segment.
            for monthDigits in [2, 1] {
                guard let month = number(bytes, at: year.end + 1, minimum: monthDigits, maximum: monthDigits), isSeparator(month.end) else { continue }
                for dayDigits in [2, 1] {
                    guard let day = number(bytes, at: month.end + 1, minimum: dayDigits, maximum: dayDigits),
                          day.end == bytes.count || isSeparator(day.end) else { continue }
                    return date(year: year.value, month: month.value, day: day.value)
                }
            }
        }
        return nil
    }

    /// A date written in words: "3 Feb 2026", "3. Februar 2026", "February 3, 2026",
    /// "3 de febrero de 2026", or numerically "03.02.2026".
    static func written(_ text: String) -> Date? {
        // 10/31/2024: month first (as in the US, where most slashed dates come from) unless
        // the first number cannot be a month.
        for token in text.split(whereSeparator: { $0.isWhitespace || $0 == "," }) where token.utf8.count <= 10 {
            let parts = token.split(separator: "/")
            if parts.count == 3, parts[2].count == 4, let a = Int(parts[0]), let b = Int(parts[1]), let y = Int(parts[2]),
               let found = a > 12 ? date(year: y, month: b, day: a) : date(year: y, month: a, day: b) {
                return found
            }
        }
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "/" }).map {
            TextScanning.trimmed($0, where: isWordEdgePunctuation)
        }.filter { !$0.isEmpty && $0 != "de" && $0 != "del" && $0 != "of" && $0 != "the" }
        for (i, word) in words.enumerated() {
            if let month = BoilerplateRules.monthNames[word] {
                // day month year
                if i >= 1, i + 1 < words.count, let day = dayNumber(words[i - 1]), let year = Int(words[i + 1]),
                   let found = date(year: year, month: month, day: day) { return found }
                // month day year
                if i + 2 < words.count, let day = dayNumber(words[i + 1]), let year = Int(words[i + 2]),
                   let found = date(year: year, month: month, day: day) { return found }
            }
            // 03.02.2026 (day first, as in most of Europe)
            let parts = word.split(separator: ".")
            if parts.count == 3, let d = Int(parts[0]), let m = Int(parts[1]), let y = Int(parts[2]), parts[2].count == 4,
               let found = date(year: y, month: m, day: d) { return found }
        }
        return nil
    }

    /// What `written` trims from the ends of a word ("3.", "(2026)").
    private static func isWordEdgePunctuation(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar { case ".", ",", ";", ":", "(", ")": true; default: false }
    }

    private static func dayNumber(_ word: String) -> Int? {
        let digits = word.prefix(while: \.isNumber)   // "3rd", "3."
        guard !digits.isEmpty, digits.count <= 2 else { return nil }
        return Int(digits)
    }

    /// A date introduced by a publication word ("Published 3 Feb 2026") in a short line.
    static func published(inLine line: String) -> Date? {
        guard line.count <= 160 else { return nil }
        let lower = line.lowercased()
        guard let word = BoilerplateRules.publishedWords.first(where: { lower.contains($0) }),
              let range = lower.range(of: word) else { return nil }
        let rest = String(lower[range.upperBound...])
        return iso(rest) ?? written(rest)
    }
}
