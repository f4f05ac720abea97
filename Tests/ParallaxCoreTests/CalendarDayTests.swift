import ParallaxCore
import Testing

@Suite struct CalendarDayTests {
    @Test func ordinalRoundTripsAcrossCenturies() {
        for ordinal in stride(from: -800_000, through: 800_000, by: 997) {
            #expect(CalendarDay(ordinal: ordinal).ordinal == ordinal)
        }
        #expect(CalendarDay(year: 1970, month: 1, day: 1).ordinal == 0)
        #expect(CalendarDay(year: 2000, month: 3, day: 1).ordinal == 11_017)
    }

    @Test func weekdaysAndMonthArithmetic() {
        // 2026-02-03 was a Tuesday.
        #expect(CalendarDay(year: 2026, month: 2, day: 3).weekday == 2)
        #expect(CalendarDay(year: 2026, month: 1, day: 31).adding(months: 1) == CalendarDay(year: 2026, month: 2, day: 28))
        #expect(CalendarDay(year: 2026, month: 1, day: 15).adding(months: -13) == CalendarDay(year: 2024, month: 12, day: 15))
        #expect(CalendarDay(iso: "2024-02-30") == nil)
        #expect(CalendarDay(iso: "2024-02-29")?.description == "2024-02-29")
    }

    @Test func intervalsOverlapByDays() {
        let october = DayInterval.month(year: 2025, month: 10)
        #expect(DayInterval.year(2025).contains(october))
        #expect(!october.overlaps(.month(year: 2025, month: 11)))
        #expect(october.days == 31)
    }

    @Test func scalarOffsetsMatchPythonSlicing() {
        let text = "Trump’s “note” — ok 🙂 end"
        #expect(text.substring(TextSpan(start: 22, end: 25)) == "end")
        #expect(text.substring(TextSpan(start: 9, end: 13)) == "note")
    }
}
