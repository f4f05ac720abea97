import Foundation

/// A day in the proleptic Gregorian calendar, without a time zone.
///
/// Time expressions are resolved at day granularity: "in October" becomes the interval
/// of October's days, "on Tuesday" one day. Arithmetic goes through `ordinal`, the
/// number of days since 1970-01-01.
public struct CalendarDay: Sendable, Hashable, Comparable, Codable, CustomStringConvertible {
    public var year: Int
    public var month: Int
    public var day: Int

    public init(year: Int, month: Int, day: Int) {
        self.year = year
        self.month = month
        self.day = day
    }

    /// Days since 1970-01-01 (negative before), by Howard Hinnant's civil-from-days algorithm.
    public var ordinal: Int {
        let y = month <= 2 ? year - 1 : year
        let era = (y >= 0 ? y : y - 399) / 400
        let yoe = y - era * 400
        let mp = (month + 9) % 12
        let doy = (153 * mp + 2) / 5 + day - 1
        let doe = yoe * 365 + yoe / 4 - yoe / 100 + doy
        return era * 146_097 + doe - 719_468
    }

    public init(ordinal: Int) {
        let z = ordinal + 719_468
        let era = (z >= 0 ? z : z - 146_096) / 146_097
        let doe = z - era * 146_097
        let yoe = (doe - doe / 1460 + doe / 36524 - doe / 146_096) / 365
        let doy = doe - (365 * yoe + yoe / 4 - yoe / 100)
        let mp = (5 * doy + 2) / 153
        let d = doy - (153 * mp + 2) / 5 + 1
        let m = mp < 10 ? mp + 3 : mp - 9
        self.init(year: yoe + era * 400 + (m <= 2 ? 1 : 0), month: m, day: d)
    }

    /// The UTC calendar day of a moment.
    public init(_ date: Date) {
        self.init(ordinal: Int((date.timeIntervalSince1970 / 86_400).rounded(.down)))
    }

    /// Midnight UTC at the start of this day.
    public var date: Date { Date(timeIntervalSince1970: Double(ordinal) * 86_400) }

    public func adding(days: Int) -> CalendarDay { CalendarDay(ordinal: ordinal + days) }

    /// Same day-of-month `months` later, clamped to the month's length.
    public func adding(months: Int) -> CalendarDay {
        let index = year * 12 + (month - 1) + months
        let y = Int((Double(index) / 12).rounded(.down))
        let m = index - y * 12 + 1
        return CalendarDay(year: y, month: m, day: min(day, CalendarDay.daysIn(year: y, month: m)))
    }

    /// ISO weekday: 1 = Monday … 7 = Sunday.
    public var weekday: Int {
        let w = (ordinal + 3) % 7  // 1970-01-01 was a Thursday (ISO 4)
        return (w < 0 ? w + 7 : w) + 1
    }

    public static func isLeap(_ year: Int) -> Bool { (year % 4 == 0 && year % 100 != 0) || year % 400 == 0 }

    public static func daysIn(year: Int, month: Int) -> Int {
        switch month {
        case 2: return isLeap(year) ? 29 : 28
        case 4, 6, 9, 11: return 30
        default: return 31
        }
    }

    /// `YYYY-MM-DD`.
    public var description: String {
        let y = String(year), m = String(month), d = String(day)
        return String(repeating: "0", count: max(0, 4 - y.count)) + y + "-"
            + (m.count < 2 ? "0" : "") + m + "-" + (d.count < 2 ? "0" : "") + d
    }

    /// Parses `YYYY-MM-DD` (and ignores anything after the day, such as a time).
    public init?(iso string: String) {
        let parts = string.prefix(10).split(separator: "-")
        guard parts.count == 3, let y = Int(parts[0]), let m = Int(parts[1]), let d = Int(parts[2]),
              (1...12).contains(m), d >= 1, d <= CalendarDay.daysIn(year: y, month: m) else { return nil }
        self.init(year: y, month: m, day: d)
    }

    public static func < (lhs: CalendarDay, rhs: CalendarDay) -> Bool { lhs.ordinal < rhs.ordinal }

    public init(from decoder: Decoder) throws {
        let string = try decoder.singleValueContainer().decode(String.self)
        guard let day = CalendarDay(iso: string) else {
            throw DecodingError.dataCorrupted(.init(codingPath: decoder.codingPath, debugDescription: "not a YYYY-MM-DD date: \(string)"))
        }
        self = day
    }

    public func encode(to encoder: Encoder) throws {
        var container = encoder.singleValueContainer()
        try container.encode(description)
    }
}

/// An inclusive range of days with the precision the text gave it.
///
/// "in October" (2025) is 2025-10-01…2025-10-31 at month granularity; "weeks earlier" is a
/// fuzzy range of several weeks. Two expressions are compatible when their intervals overlap.
public struct DayInterval: Sendable, Hashable, Codable {
    public enum Granularity: String, Sendable, Codable {
        case day, week, month, quarter, year, decade
        /// An approximate range such as "weeks earlier" or "recently".
        case fuzzy
    }

    public var start: CalendarDay
    public var end: CalendarDay
    public var granularity: Granularity

    public init(start: CalendarDay, end: CalendarDay, granularity: Granularity) {
        self.start = min(start, end)
        self.end = max(start, end)
        self.granularity = granularity
    }

    public static func day(_ day: CalendarDay) -> DayInterval { DayInterval(start: day, end: day, granularity: .day) }

    public static func month(year: Int, month: Int) -> DayInterval {
        DayInterval(
            start: CalendarDay(year: year, month: month, day: 1),
            end: CalendarDay(year: year, month: month, day: CalendarDay.daysIn(year: year, month: month)),
            granularity: .month)
    }

    public static func year(_ year: Int) -> DayInterval {
        DayInterval(start: CalendarDay(year: year, month: 1, day: 1), end: CalendarDay(year: year, month: 12, day: 31), granularity: .year)
    }

    public static func quarter(year: Int, _ q: Int) -> DayInterval {
        DayInterval(start: CalendarDay(year: year, month: q * 3 - 2, day: 1),
                    end: CalendarDay(year: year, month: q * 3, day: CalendarDay.daysIn(year: year, month: q * 3)), granularity: .quarter)
    }

    public static func decade(_ first: Int) -> DayInterval {
        DayInterval(start: CalendarDay(year: first, month: 1, day: 1), end: CalendarDay(year: first + 9, month: 12, day: 31), granularity: .decade)
    }

    public func overlaps(_ other: DayInterval) -> Bool { start <= other.end && other.start <= end }
    public func contains(_ other: DayInterval) -> Bool { start <= other.start && other.end <= end }
    public var days: Int { end.ordinal - start.ordinal + 1 }
}
