import ParallaxCompare
import ParallaxCore
import Synchronization
import Testing

/// Claim alignment with a dense sentence similarity, through a stub embedder so the logic
/// runs without an engine: a text's vector is the unit vector of the first group of marker
/// words one of which it contains, else one of its own (two texts of one group have cosine 1,
/// all others 0). Vectors have one axis per group and one per text of the call.
struct DenseAlignmentTests {
    struct MarkerEmbedder: TextEmbedder {
        var groups: [[String]]
        var dimension: Int { groups.count }
        var identifier: String { "markers" }
        func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]] {
            texts.enumerated().map { index, text in
                var vector = [Float](repeating: 0, count: groups.count + texts.count)
                let group = groups.firstIndex { $0.contains { text.lowercased().contains($0) } }
                vector[group ?? groups.count + index] = 1
                return vector
            }
        }
    }

    struct FailingEmbedder: TextEmbedder {
        var dimension: Int { 2 }
        var identifier: String { "failing" }
        func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]] { throw ParallaxError(source: "stub", reason: .invalidInput("engine gone")) }
    }

    /// Two reports, in English and German, whose middle sentences say one thing (the German
    /// one translates it) in words that share nothing.
    let reports = [
        Fixture(source: "a.txt", sentences: [
            "Heavy rain flooded the lower districts of the river town overnight.",
            "Emergency crews evacuated residents from the riverside houses before dawn.",
            "Schools across the province will stay closed until further notice.",
        ]).annotated,
        Fixture(source: "b.txt", sentences: [
            "Die Behörden erwarten, dass der Pegel am Wochenende erneut steigt.",
            "Rettungsteams brachten Familien aus den Häusern am Ufer noch vor Sonnenaufgang in Sicherheit.",
            "Landwirte fürchten, dass die Ernte im Tal für diese Saison verloren ist.",
        ], language: "de").annotated,
    ]

    /// The same second report in English: a paraphrase within one language.
    let paraphrased = Fixture(source: "b.txt", sentences: [
        "Officials expect the water level to peak again on the weekend.",
        "Rescue teams moved families away from homes near the banks early in the morning.",
        "Farmers fear that harvests in the valley are ruined for the season.",
    ]).annotated

    func sameLinks(_ report: StoryReport) -> Set<[String]> {
        Set(report.corroborated.map { claim in claim.sentences.map(\.text).sorted() })
    }

    @Test func aTranslationThatStandsOutAlignsWithoutSharedWords() {
        let translation = [reports[0].sentences[1].text, reports[1].sentences[1].text].sorted()
        #expect(!sameLinks(StoryComparator().compare(reports)).contains(translation))
        let dense = StoryComparator(embedder: MarkerEmbedder(groups: [["residents", "familien"]]))
        let links = sameLinks(dense.compare(reports))
        #expect(links.contains(translation))
        #expect(links.count == 1)
    }

    /// Within one language the words decide: a cosine that stands out aligns a pair only with
    /// shared features, so a paraphrase that shares none stays apart.
    @Test func withinALanguageTheCosineAloneDoesNotAlign() {
        let dense = StoryComparator(embedder: MarkerEmbedder(groups: [["residents", "families"]]))
        #expect(sameLinks(dense.compare([reports[0], paraphrased])).isEmpty)
    }

    @Test func aFailingEmbedderLeavesTheLexicalComparisonAndIsReported() {
        let lexical = StoryComparator().compare(reports)
        let reported = Mutex<[String]>([])
        let failed = StoryComparator(embedder: FailingEmbedder(), embedderFailed: { error in
            reported.withLock { $0.append(error.description) }
        }).compare(reports)
        #expect(sameLinks(failed) == sameLinks(lexical))
        #expect(failed.unique.count == lexical.unique.count)
        #expect(reported.withLock { $0 } == ["stub: engine gone"])
        // A working embedder reports nothing.
        let quiet = Mutex(0)
        _ = StoryComparator(embedder: MarkerEmbedder(groups: [["residents", "families"]]), embedderFailed: { _ in quiet.withLock { $0 += 1 } }).compare(reports)
        #expect(quiet.withLock { $0 } == 0)
    }
}
