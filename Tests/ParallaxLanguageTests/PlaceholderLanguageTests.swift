import Testing
@testable import ParallaxLanguage

// Replaced by the Language stage's own tests.
@Suite struct PlaceholderLanguageTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
