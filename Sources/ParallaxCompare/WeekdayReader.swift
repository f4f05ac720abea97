import ParallaxCore

/// The weekday a time mention names, so two reports without publication dates can still
/// disagree on the day: "early Saturday morning" against "on Monday", or against "on Dec.
/// 30, 2019" (a Monday).
///
/// A resolved mention of one day gives its day's weekday. An unresolved one ("on Saturday":
/// no publication date to count back from) is resolved by the annotator against two reference
/// days: a weekday name resolves to a day of that weekday whatever the reference, so the
/// weekday is read off without a second list of weekday names per language, while
/// "yesterday" or "أمس", and a day and month with no year ("March 3"), land on different
/// weekdays and so name none. Mentions that resolve to more than one day ("last weekend",
/// "in March") name no weekday either.
struct WeekdayReader: Sendable {
    /// Two days of different weekdays in different years: a Wednesday and a Thursday.
    static let referenceDays = [CalendarDay(year: 2020, month: 1, day: 15), CalendarDay(year: 2021, month: 1, day: 14)]

    let annotator: any Annotator

    func weekday(_ mention: TimeMention, language: String) -> Int? {
        if let resolved = mention.resolved { return resolved.start == resolved.end ? resolved.start.weekday : nil }
        guard mention.isRelative else { return nil }
        func weekday(from reference: CalendarDay) -> Int? {
            let probe = Article(source: "", title: "", paragraphs: [mention.text], published: reference.date, language: language)
            let times = annotator.annotate(probe).times
            guard times.count == 1, let day = times[0].resolved, day.start == day.end else { return nil }
            return day.start.weekday
        }
        // The second probe only when the first names a day.
        guard let first = weekday(from: WeekdayReader.referenceDays[0]),
              WeekdayReader.referenceDays.dropFirst().allSatisfy({ weekday(from: $0) == first }) else { return nil }
        return first
    }
}
