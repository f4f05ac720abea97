import Testing
import ParallaxCore

@Suite struct TextSpanTests {
    // "é" written as e + combining acute is two scalars; the flag is two regional indicators.
    let text = "Caf\u{65}\u{301} 🇨🇴 Bogotá: 3 février, \"Petro\" dit."

    @Test func substringCountsScalarsAndClamps() {
        #expect(text.substring(TextSpan(start: 0, end: 5)) == "Caf\u{65}\u{301}")
        #expect(text.substring(TextSpan(start: 6, end: 8)) == "🇨🇴")
        #expect(text.substring(TextSpan(start: 36, end: 400)) == "dit.")
        #expect(text.substring(TextSpan(start: 400, end: 500)) == "")
        #expect(text.substring(TextSpan(start: 5, end: 2)) == "")
    }

    @Test func substringsEqualOneByOneSlicingInAnyOrder() {
        let spans = [TextSpan(start: 9, end: 15), TextSpan(start: 0, end: 5), TextSpan(start: 17, end: 26),
                     TextSpan(start: 9, end: 12), TextSpan(start: 36, end: 99), TextSpan(start: 120, end: 130)]
        let batch = text.substrings(spans)
        #expect(batch == spans.map { text.substring($0) })
        #expect(batch[0] == "Bogotá")
        #expect(batch[2] == "3 février")
        #expect(batch[5] == "")
    }
}
