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

    /// Two reports whose middle sentences say one thing in words that share nothing.
    let reports = [
        Fixture(source: "a.txt", sentences: [
            "Heavy rain flooded the lower districts of the river town overnight.",
            "Emergency crews evacuated residents from the riverside houses before dawn.",
            "Schools across the province will stay closed until further notice.",
        ]).annotated,
        Fixture(source: "b.txt", sentences: [
            "Officials expect the water level to peak again on the weekend.",
            "Rescue teams moved families away from homes near the banks early in the morning.",
            "Farmers fear that harvests in the valley are ruined for the season.",
        ]).annotated,
    ]

    func sameLinks(_ report: StoryReport) -> Set<[String]> {
        Set(report.corroborated.map { claim in claim.sentences.map(\.text).sorted() })
    }

    @Test func aPairThatStandsOutAlignsWithoutSharedWords() {
        let paraphrase = [reports[0].sentences[1].text, reports[1].sentences[1].text].sorted()
        #expect(!sameLinks(StoryComparator().compare(reports)).contains(paraphrase))
        let dense = StoryComparator(embedder: MarkerEmbedder(groups: [["residents", "families"]]))
        let links = sameLinks(dense.compare(reports))
        #expect(links.contains(paraphrase))
        #expect(links.count == 1)
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
