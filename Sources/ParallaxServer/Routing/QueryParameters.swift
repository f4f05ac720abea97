import Foundation
import Hummingbird
import HummingbirdCore
import ParallaxCore

/// The query string of a request, decoded as browsers encode forms (`+` is a space), with
/// typed accessors that answer 400 naming the parameter when a value does not parse.
struct QueryParameters {
    private var values: [String: String] = [:]

    init(_ uri: URI) {
        guard let query = uri.query else { return }
        for pair in query.split(separator: "&") {
            let parts = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false)
            let key = QueryParameters.decode(parts[0])
            // The first value of a repeated parameter wins.
            if values[key] == nil { values[key] = parts.count > 1 ? QueryParameters.decode(parts[1]) : "" }
        }
    }

    private static func decode(_ part: Substring) -> String {
        let spaced = part.replacingOccurrences(of: "+", with: " ")
        return spaced.removingPercentEncoding ?? spaced
    }

    /// The trimmed value, nil when absent or blank.
    func string(_ name: String) -> String? {
        guard let value = values[name]?.trimmingCharacters(in: .whitespacesAndNewlines), !value.isEmpty else { return nil }
        return value
    }

    func int(_ name: String, default fallback: Int, range: ClosedRange<Int>) throws(APIError) -> Int {
        guard let raw = string(name) else { return fallback }
        guard let value = Int(raw), range.contains(value) else {
            throw .badParameter(name, raw, expected: "an integer in \(range.lowerBound)...\(range.upperBound)")
        }
        return value
    }

    /// A day (`YYYY-MM-DD`) or a moment (ISO 8601 with time); `endOfDay` turns a day into
    /// the last instant of it, so `until=2026-02-05` includes that day.
    func date(_ name: String, endOfDay: Bool = false) throws(APIError) -> Date? {
        guard let raw = string(name) else { return nil }
        if let day = CalendarDay(iso: raw) { return endOfDay ? day.adding(days: 1).date.addingTimeInterval(-0.001) : day.date }
        if let moment = ISO8601DateFormatter().date(from: raw) { return moment }
        throw .badParameter(name, raw, expected: "a date (YYYY-MM-DD) or an ISO 8601 time")
    }
}
