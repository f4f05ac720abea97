import ParallaxCore

/// The weekday a time mention names, so two reports without publication dates can still
/// disagree on the day: "early Saturday morning" against "on Monday", or against "on Dec.
/// 30, 2019" (a Monday).
///
/// A resolved mention of one day gives its day's weekday. An unresolved one ("on Saturday":
/// no publication date to count back from) is resolved by the annotator against a reference
/// day: a weekday name resolves to a day of that weekday whatever the reference, so the
/// weekday is read off without a second list of weekday names per language. Mentions that
/// resolve to more than one day ("last weekend", "in March") name no weekday.
struct WeekdayReader: Sendable {
    /// Any fixed day serves; this one is a Wednesday, in the middle of its week.
    static let referenceDay = CalendarDay(year: 2020, month: 1, day: 15)

    let annotator: any Annotator

    func weekday(_ mention: TimeMention, language: String) -> Int? {
        if let resolved = mention.resolved { return resolved.start == resolved.end ? resolved.start.weekday : nil }
        guard mention.isRelative else { return nil }
        let probe = Article(source: "", title: "", paragraphs: [mention.text], published: WeekdayReader.referenceDay.date,
                            language: language)
        let times = annotator.annotate(probe).times
        guard times.count == 1, let day = times[0].resolved, day.start == day.end else { return nil }
        return day.start.weekday
    }
}
