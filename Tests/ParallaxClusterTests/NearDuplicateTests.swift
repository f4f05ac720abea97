import Foundation
import ParallaxCore
import Testing
import TestSupport
@testable import ParallaxCluster

@Suite struct NearDuplicateTests {
    func signature(_ text: String) -> MinHashSignature {
        var extractor = FeatureExtractor()
        return MinHashSignature(shingles: extractor.counts(title: "", text: text, language: "en", published: nil).shingles)
    }

    /// A wire story and a light rewrite of it (a new lead sentence, a dropped paragraph, one
    /// verb changed throughout) are copies; another report of the same event is not.
    @Test func lightRewriteIsFlaggedAsCopy() throws {
        let records = try sharedRecords("clusters/wikinews-dev.jsonl")
        let original = try #require(records.first { ($0["text"] as! String).count > 3000 })
        let text = original["text"] as! String
        var paragraphs = text.components(separatedBy: "\n").filter { !$0.isEmpty }
        paragraphs.remove(at: paragraphs.count / 2)
        paragraphs.insert("Updated with new details from officials.", at: 0)
        let rewrite = paragraphs.joined(separator: "\n")
            .replacingOccurrences(of: " said ", with: " stated ")
        let sameCluster = try #require(records.first {
            $0["cluster"] as! String == original["cluster"] as! String && $0["id"] as! String != original["id"] as! String
        })
        let detector = NearDuplicateDetector()
        #expect(detector.isCopy(signature(text), signature(rewrite)))
        #expect(!detector.isCopy(signature(text), signature(sameCluster["text"] as! String)))
    }

    @Test func indexFindsTheOriginalAndForgetsOldEntries() {
        let base = (0..<200).map { "word\($0)" }.joined(separator: " ")
        var detector = NearDuplicateDetector(threshold: 0.5, capacity: 3)
        detector.insert(id: "original", tag: 7, signature: signature(base))
        let found = detector.original(of: signature(base + " extra words at the end"))
        #expect(found?.id == "original")
        #expect(found?.tag == 7)
        for i in 0..<3 {
            detector.insert(id: "other\(i)", signature: signature((0..<200).map { "other\(i)x\($0)" }.joined(separator: " ")))
        }
        #expect(detector.count == 3)
        #expect(detector.original(of: signature(base)) == nil)
    }
}
