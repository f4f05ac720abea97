import Testing
@testable import ParallaxCompare

// Replaced by the Compare stage's own tests.
@Suite struct PlaceholderCompareTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
