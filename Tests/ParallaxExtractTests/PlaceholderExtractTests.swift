import Testing
@testable import ParallaxExtract

// Replaced by the Extract stage's own tests.
@Suite struct PlaceholderExtractTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
