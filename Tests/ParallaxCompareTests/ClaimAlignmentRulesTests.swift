import Foundation
import ParallaxCore
import Testing
@testable import ParallaxCompare

/// The sentence-pair evidence alignment rests on (names in several forms, counts with and
/// without a unit, weekdays without a publication date) and how aligned pairs form claims.
@Suite struct ClaimAlignmentRulesTests {
    @Test func formsOfOneNameMatchPartly() {
        #expect(ClaimMatcher.entityMatch("dominic raab", "dominic raab") == 1)
        // A surname alone, a first name alone, a transcribed umlaut ("Schaefer", folded "Schäfer").
        #expect(ClaimMatcher.entityMatch("raab", "dominic raab") == ClaimMatcher.partialEntityMatch)
        #expect(ClaimMatcher.entityMatch("boris", "boris johnson") == ClaimMatcher.partialEntityMatch)
        #expect(ClaimMatcher.entityMatch("thomas schaefer", "thomas schafer") == ClaimMatcher.partialEntityMatch)
        // Two people who share a first name, two countries that share a word: different entities.
        #expect(ClaimMatcher.entityMatch("jorge rodrigo", "jorge barrios") == 0)
        #expect(ClaimMatcher.entityMatch("united states", "united kingdom") == 0)
    }

    @Test func aCountWithoutUnitMayCountPeople() {
        func number(_ value: Double, _ unit: String?, _ qualifier: NumberMention.Qualifier = .exact) -> NumberMention {
            NumberMention(text: "\(value)", span: TextSpan(start: 0, end: 2), sentence: 0, value: value, unit: unit, qualifier: qualifier)
        }
        #expect(number(16, "person").mayCountTheSame(as: number(16, nil)))
        #expect(number(16, nil, .atLeast).mayCountTheSame(as: number(20, "person")))
        #expect(!number(16, "person").agrees(with: number(16, nil)))
        #expect(!number(16, "person").mayCountTheSame(as: number(30, nil)))
        // Only counts of people: a sum of money and a bare number are two quantities.
        #expect(!number(16, "eur").mayCountTheSame(as: number(16, nil)))
    }

    /// Two reports of one fire that tell the day by weekday only, without publication dates.
    func fire(_ dayA: String, _ dayB: String) -> StoryReport {
        let a = Fixture(source: "a.txt", sentences: [
            "A fire at the central market in Lyon killed 12 people \(dayA), the regional fire service said.",
        ], entities: [("Lyon", "lyon", .place)], numbers: [("12 people", 12, "person", .exact)], times: [(dayA, nil)])
        let b = Fixture(source: "b.txt", sentences: [
            "The regional fire service said 12 people died \(dayB) when fire swept through the central market of Lyon.",
        ], entities: [("Lyon", "lyon", .place)], numbers: [("12 people", 12, "person", .exact)], times: [(dayB, nil)])
        return StoryComparator().compare([a.annotated, b.annotated])
    }

    @Test func differentWeekdaysConflictWithoutPublicationDates() {
        let report = fire("early Saturday", "on Monday")
        #expect(report.corroborated.count == 1)
        let dates = report.conflicts.filter { $0.kind == .date }
        #expect(dates.count == 1)
        #expect(dates.first?.sides.map(\.value) == ["early Saturday", "on Monday"])
        #expect(fire("on Saturday", "early Saturday").conflicts.isEmpty)
        // "Yesterday" and a day and month without a year name no weekday: a report of Tuesday
        // saying "yesterday" and one of Monday saying "on Monday" agree.
        #expect(fire("yesterday", "on Monday").conflicts.isEmpty)
        #expect(fire("on March 3", "on Monday").conflicts.isEmpty)
        // Without an annotator to read weekdays, unresolved dates never conflict.
        let unread = StoryComparator(titleAnnotator: nil)
        #expect(unread.weekdays == nil)
    }

    /// One sentence stating two facts, each told by its own sentence in the other report, and
    /// a second sentence that tells one of them again: every two sentences of different
    /// sources in a claim are aligned, so the second sentence and the other fact's sentence,
    /// which share nothing, are never one claim (a chain through the long sentence would make them one).
    @Test func claimsHoldOnlyAlignedSentences() {
        let a = Fixture(source: "a.txt", sentences: [
            "Fire destroyed the old textile warehouse in Lyon overnight, and police arrested two teenagers near the harbour bridge.",
            "Police officers arrested the two teenagers near the harbour bridge after a short chase.",
        ], entities: [("Lyon", "lyon", .place)])
        let b = Fixture(source: "b.txt", sentences: [
            "Overnight fire destroyed the old textile warehouse in Lyon.",
            "Police arrested two teenagers near the harbour bridge.",
            "Investigators are examining an electrical fault.",
        ], entities: [("Lyon", "lyon", .place)])
        let report = StoryComparator().compare([a.annotated, b.annotated])
        func holds(_ claim: StoryReport.Corroboration, _ text: String) -> Bool { claim.sentences.contains { $0.text == text } }
        // The long sentence is corroborated by both short ones.
        #expect(report.corroborated.contains { holds($0, a.sentences[0]) && holds($0, b.sentences[0]) })
        #expect(report.corroborated.contains { holds($0, a.sentences[0]) && holds($0, b.sentences[1]) })
        #expect(report.corroborated.contains { holds($0, a.sentences[1]) && holds($0, b.sentences[1]) })
        #expect(!report.corroborated.contains { holds($0, a.sentences[1]) && holds($0, b.sentences[0]) })
    }

    /// A line that is only a name or a number (a dateline, a list number, a photo caption's
    /// place) states nothing: it neither corroborates another source's sentence nor is a
    /// claim of its own. Such lines made a sixth of the claims across languages in the
    /// stream's largest stories.
    @Test func aBareNameOrNumberStatesNothing() {
        let a = Fixture(source: "a.txt", sentences: [
            "Jerusalem.",
            "3.",
            "Police detained the secretary of the Fatah movement at his home in East Jerusalem early on Wednesday.",
        ], entities: [("Jerusalem", "jerusalem", .place), ("East Jerusalem", "east jerusalem", .place)],
           numbers: [("3", 3, nil, .exact)])
        let b = Fixture(source: "b.txt", sentences: [
            "Jerusalem.",
            "Israel held its 3 elections within eleven months, and the political crisis goes on.",
            "Israeli police detained the secretary of the Fatah movement in East Jerusalem on Wednesday.",
        ], entities: [("Jerusalem", "jerusalem", .place), ("Israel", "israel", .place), ("East Jerusalem", "east jerusalem", .place)],
           numbers: [("3", 3, nil, .exact)])
        let report = StoryComparator().compare([a.annotated, b.annotated])
        func holds(_ claim: StoryReport.Corroboration, _ text: String) -> Bool { claim.sentences.contains { $0.text == text } }
        // The detention is one fact of both.
        #expect(report.corroborated.contains { holds($0, a.sentences[2]) && holds($0, b.sentences[2]) })
        // The bare lines are in no claim, shared or unique.
        for line in ["Jerusalem.", "3."] {
            #expect(!report.corroborated.contains { holds($0, line) })
            #expect(!report.unique.contains { $0.text == line })
        }
    }
}
