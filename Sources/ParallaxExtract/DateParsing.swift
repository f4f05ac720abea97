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

    private static let isoPattern = try! NSRegularExpression(
        pattern: #"(\d{4})-(\d{1,2})-(\d{1,2})(?:[T ](\d{1,2}):(\d{2})(?::(\d{2})(?:[.,]\d+)?)?\s*(Z|[+-]\d{2}:?\d{2})?)?"#)

    /// "2026-02-04", "2026-02-04T10:30:00+01:00", "2026-02-04 10:30:00Z". A date without a
    /// time is midnight UTC.
    static func iso(_ text: String) -> Date? {
        let range = NSRange(text.startIndex..., in: text)
        guard let match = isoPattern.firstMatch(in: text, range: range) else { return nil }
        func group(_ i: Int) -> String? {
            guard let r = Range(match.range(at: i), in: text) else { return nil }
            return String(text[r])
        }
        var offset = 0
        if let zone = group(7), zone != "Z" {
            let digits = zone.dropFirst().filter(\.isNumber)
            let hours = Int(digits.prefix(2)) ?? 0, minutes = Int(digits.dropFirst(2)) ?? 0
            offset = (hours * 3600 + minutes * 60) * (zone.hasPrefix("-") ? -1 : 1)
        }
        return date(year: Int(group(1)!)!, month: Int(group(2)!)!, day: Int(group(3)!)!,
                    hour: group(4).flatMap { Int($0) } ?? 0, minute: group(5).flatMap { Int($0) } ?? 0,
                    second: group(6).flatMap { Int($0) } ?? 0, offsetSeconds: offset)
    }

    private static let urlPattern = try! NSRegularExpression(pattern: #"/((?:19|20)\d{2})[/-](\d{1,2})[/-](\d{1,2})(?:/|-|$)"#)

    /// `/2026/02/04/` or `/2026-02-04-` in a URL path.
    static func fromURL(_ url: String) -> Date? {
        let range = NSRange(url.startIndex..., in: url)
        guard let match = urlPattern.firstMatch(in: url, range: range),
              let y = Range(match.range(at: 1), in: url), let m = Range(match.range(at: 2), in: url),
              let d = Range(match.range(at: 3), in: url) else { return nil }
        return date(year: Int(url[y])!, month: Int(url[m])!, day: Int(url[d])!)
    }

    /// A date written in words: "3 Feb 2026", "3. Februar 2026", "February 3, 2026",
    /// "3 de febrero de 2026", or numerically "03.02.2026".
    static func written(_ text: String) -> Date? {
        let words = text.lowercased().split(whereSeparator: { $0.isWhitespace || $0 == "," || $0 == "/" }).map {
            $0.trimmingCharacters(in: CharacterSet(charactersIn: ".,;:()"))
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
