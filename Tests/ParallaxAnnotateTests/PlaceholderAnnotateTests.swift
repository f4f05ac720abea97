import Testing
@testable import ParallaxAnnotate

// Replaced by the Annotate stage's own tests.
@Suite struct PlaceholderAnnotateTests {
    @Test func moduleLinks() { #expect(Bool(true)) }
}
