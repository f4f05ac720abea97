import Foundation
import ParallaxCore
import Testing
import TestSupport
@testable import ParallaxCluster

@Suite struct RepeatedSentencesTests {
    static let footer = "Follow the Harbour Gazette on every social network and never miss a story again. "
        + "Subscribe to our morning newsletter for the news that matters to you."

    /// A footer an earlier article printed is left out of a later one; its own sentences and
    /// its paragraph breaks stay.
    @Test func aFooterPrintedBeforeIsLeftOut() throws {
        var memory = RepeatedSentences()
        #expect(memory.strip("Ferry service resumes after the storm damaged the northern pier.\n\n" + Self.footer) == nil)
        let later = "The city council approved a new budget for the public library on Monday evening.\n\n"
            + "Councillors voted seven to two after a long debate about opening hours.\n\n" + Self.footer
        let result = memory.strip(later)
        let stripped = try #require(result)
        #expect(stripped.sentences == 2)
        #expect(stripped.text.hasPrefix("The city council approved a new budget for the public library on Monday evening.\n\n"
            + "Councillors voted seven to two after a long debate about opening hours."))
        #expect(!stripped.text.contains("newsletter"))
        #expect(!stripped.text.contains("social network"))
    }

    /// An article most of whose text was printed before is a copy or a light rewrite: what it
    /// shares is its story, so it stays whole. A sentence printed twice in one article (a
    /// headline repeated as the lead) is not a repeat; sentences shorter than the minimum
    /// ("Read more.") never are.
    @Test func copiesRepeatsWithinAnArticleAndShortSentencesStay() {
        var memory = RepeatedSentences()
        let wire = "Firefighters contained a blaze at the harbour warehouse early on Sunday. "
            + "No one was injured, the fire brigade said. Investigators are looking into the cause."
        #expect(memory.strip(wire + " " + wire) == nil)
        #expect(memory.strip("Updated at noon. " + wire) == nil)
        #expect(memory.strip("Read more. A school reopened in the valley after the floods of last spring.") == nil)
        #expect(memory.strip("Read more. Two hikers were rescued from the mountain pass by helicopter on Friday.") == nil)
    }

    /// Chinese ends sentences with 。, written without a space after it.
    @Test func ideographicFullStopsEndSentences() throws {
        var memory = RepeatedSentences()
        let footer = "在推特、照片墙、脸书和油管上关注本报，实时了解您周围世界正在发生的事情。"
        #expect(memory.strip("警方周三在市中心逮捕了两名涉嫌盗窃电视机的男子，案件仍在调查之中。" + footer) == nil)
        let result = memory.strip("研究人员发现，一种新药可能会减少乳腺肿瘤的发展，这项研究发表在科学杂志上。" + footer)
        let stripped = try #require(result)
        #expect(stripped.text == "研究人员发现，一种新药可能会减少乳腺肿瘤的发展，这项研究发表在科学杂志上。")
    }

    /// The memory holds a fixed number of sentences, the oldest forgotten first.
    @Test func theOldestSentencesAreForgotten() {
        var memory = RepeatedSentences(rules: .init(minimumLength: 20, maximumRepeatedShare: 0.5, capacity: 2))
        let first = "The first sentence is long enough to be remembered by the memory."
        _ = memory.strip(first)
        _ = memory.strip("A second sentence, also long enough to be remembered here.")
        _ = memory.strip("A third sentence pushes the first one out of the memory now.")
        #expect(memory.count == 2)
        let own = "An article of its own, long enough to keep its place, with more words in it than the other."
        #expect(memory.strip(own + " " + first) == nil)
    }

    /// Real reports of one outlet (News18, in several languages of the multilingual stream)
    /// end with the same plea to follow it on Twitter, Instagram, Facebook, Telegram, TikTok
    /// and YouTube. Among the Chinese ones, a study of breast tumours and one of dwarf
    /// tyrannosaurs joined one story through that footer; left out, they stay apart.
    @Test func anOutletsFooterNoLongerJoinsItsReports() throws {
        let reports = try sharedRecords("stream/multilingual-stream.jsonl")
            .filter { ($0["text"] as! String).contains("News18") }
            .map { StreamArticle(id: $0["id"] as! String, text: $0["text"] as! String, language: $0["lang"] as? String) }
        #expect(reports.count >= 10)
        func stories(_ parameters: ClusterParameters) -> [String: String] {
            var clusterer = OnlineClusterer(parameters: parameters, identifier: UndeterminedLanguage())
            return Dictionary(uniqueKeysWithValues: reports.map { ($0.id, clusterer.add($0).story) })
        }
        var keeping = ClusterParameters.standard
        keeping.repeatedSentences = nil
        let before = stories(keeping), after = stories(.standard)
        #expect(before["1484720560zh"] == before["1484760854zh"])
        #expect(after["1484720560zh"] != after["1484760854zh"])
        func joinedPairs(_ story: [String: String]) -> Int {
            Dictionary(grouping: story.values, by: { $0 }).values.map { $0.count * ($0.count - 1) / 2 }.reduce(0, +)
        }
        #expect(joinedPairs(after) < joinedPairs(before))
    }
}
