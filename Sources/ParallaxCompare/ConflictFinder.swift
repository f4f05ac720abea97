import ParallaxCore

/// The same slot filled with different values by two aligned sentences.
///
/// Aligned sentences state the same fact, so a quantity of the same unit that cannot be the
/// same (12 vs 40 people) or dates that cannot be the same (March vs October) is a conflict.
/// Precision first: numbers without a unit, unresolved times, and any pair with at least one
/// compatible value are never conflicts.
enum ConflictFinder {
    struct Side: Sendable {
        var source: String
        var text: String
        var unit: ClaimUnit
    }

    static func conflicts(_ a: Side, _ b: Side) -> [StoryReport.Conflict] {
        var found: [StoryReport.Conflict] = []
        let units = Set(a.unit.numbers.compactMap(\.unit)).intersection(b.unit.numbers.compactMap(\.unit))
        for unit in units.sorted() {
            let numbersA = a.unit.numbers.filter { $0.unit == unit }, numbersB = b.unit.numbers.filter { $0.unit == unit }
            let agree = numbersA.contains { x in numbersB.contains { $0.isCompatible(with: x) } }
            if !agree {
                found.append(StoryReport.Conflict(kind: .number, sides: [
                    .init(source: a.source, text: a.text, value: numbersA.map(\.text).joined(separator: "; ")),
                    .init(source: b.source, text: b.text, value: numbersB.map(\.text).joined(separator: "; ")),
                ]))
            }
        }
        let timesA = a.unit.times.filter { $0.resolved != nil }, timesB = b.unit.times.filter { $0.resolved != nil }
        if !timesA.isEmpty, !timesB.isEmpty,
           !timesA.contains(where: { x in timesB.contains { $0.resolved!.overlaps(x.resolved!) } }) {
            func value(_ times: [TimeMention]) -> String {
                times.map { "\($0.text) (\(ReportFormatting.interval($0.resolved!)))" }.joined(separator: "; ")
            }
            found.append(StoryReport.Conflict(kind: .date, sides: [
                .init(source: a.source, text: a.text, value: value(timesA)),
                .init(source: b.source, text: b.text, value: value(timesB)),
            ]))
        }
        return found
    }
}
