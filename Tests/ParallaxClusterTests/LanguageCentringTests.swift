import Testing
@testable import ParallaxCluster

@Suite struct LanguageCentringTests {
    private func unit(_ v: [Float]) -> [Float] {
        let norm = v.reduce(0) { $0 + $1 * $1 }.squareRoot()
        return v.map { $0 / norm }
    }
    private func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }

    /// Vectors that point mostly the way of their language (axes 0 and 1) and a little the
    /// way of their event (one of axes 2 … 5): raw, two events of one language stand closer
    /// than one event in two languages; centred on each language's mean (four reports each,
    /// against a prior of three), the event decides.
    @Test func theEventOutweighsTheLanguageOnceCentred() {
        func report(_ language: Int, _ event: Int) -> [Float] {
            var vector = [Float](repeating: 0, count: 6)
            vector[language] = 2
            vector[2 + event] = 1
            return unit(vector)
        }
        var centring = LanguageCentring()
        for language in 0..<2 { for event in 0..<4 { centring.learn(report(language, event), language: language == 0 ? "en" : "de") } }

        #expect(cosine(report(0, 0), report(0, 1)) > cosine(report(0, 0), report(1, 0)))
        let en0 = centring.centred(report(0, 0), language: "en")
        let en1 = centring.centred(report(0, 1), language: "en")
        let de0 = centring.centred(report(1, 0), language: "de")
        #expect(cosine(en0, de0) > cosine(en0, en1))
        #expect(abs(cosine(en0, en0) - 1) < 1e-5)
    }

    /// Before anything is learned, and for a language's lone article (centred on itself,
    /// nothing would be left), the embedding is kept as it is rather than made zero.
    @Test func nothingLearnedOrNothingLeftKeepsTheEmbedding() {
        var centring = LanguageCentring()
        let vector: [Float] = [0.6, 0.8, 0]
        #expect(centring.centred(vector, language: "fr") == vector)
        centring.learn(vector, language: "fr")
        #expect(centring.centred(vector, language: "fr") == vector)
        // A vector of another length than the learned ones is left alone.
        #expect(centring.centred([1, 0], language: "fr") == [1, 0])
    }

    /// Past `maximumLanguages` codes a new one gets no mean of its own (memory stays bounded
    /// on a stream of made-up codes): it is centred like a code never seen.
    @Test func languagesPastTheLimitShareTheAllLanguageMean() {
        var centring = LanguageCentring()
        for code in 0..<LanguageCentring.maximumLanguages {
            centring.learn([1, Float(code % 7), 0], language: "x\(code)")
        }
        let vector: [Float] = [0.2, 0.3, 0.9]
        centring.learn(vector, language: "overflow")
        #expect(centring.centred(vector, language: "overflow") == centring.centred(vector, language: "never-seen"))
        centring.learn(vector, language: "x1")
        #expect(centring.centred(vector, language: "x1") != centring.centred(vector, language: "never-seen"))
    }
}
