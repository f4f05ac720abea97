import Foundation
import ParallaxCompare
import ParallaxCore
import ParallaxPipeline
import Testing
import TestSupport

/// The timeline, relations, copies and omissions of the two canonical reports.
@Suite struct SeedStoryTests {
    func report() throws -> StoryReport {
        let (pipeline, articles) = try SeedComparisonTests().seeds(dated: true)
        return pipeline.compare(articles)
    }

    static func mentions(_ text: String, _ words: [String]) -> Bool { SeedComparisonTests.contains(text, words) }

    /// The accusation (October 2025), the phone call (January 2026), the meeting (Tuesday 3 February 2026), in order.
    @Test func theTimelineOrdersTheStory() throws {
        let report = try report()
        let timeline = report.timeline
        #expect(zip(timeline, timeline.dropFirst()).allSatisfy { $0.start <= $1.start })
        let accusation = try #require(timeline.firstIndex { Self.mentions($0.text, ["accused Petro", "illegal drug trafficker"]) })
        let call = try #require(timeline.firstIndex { Self.mentions($0.text, ["spoken by phone", "telephone conversation"]) })
        let meeting = try #require(timeline.firstIndex { $0.start == CalendarDay(year: 2026, month: 2, day: 3) })
        #expect(accusation < call && call < meeting)
        // Merged across the sources: "last year" and "in October" make October 2025.
        #expect(timeline[accusation].start == CalendarDay(year: 2025, month: 10, day: 1))
        #expect(timeline[accusation].end == CalendarDay(year: 2025, month: 10, day: 31))
        #expect(timeline[accusation].sources == report.sources.map(\.source))
        // "weeks earlier" and "in January": within January 2026.
        #expect(timeline[call].start >= CalendarDay(year: 2026, month: 1, day: 1))
        #expect(timeline[call].end <= CalendarDay(year: 2026, month: 1, day: 31))
        #expect(timeline[call].sources.count == 2)
        #expect(timeline[meeting].end == CalendarDay(year: 2026, month: 2, day: 3))
        #expect(timeline[meeting].sources.count == 2)
    }

    /// Trump and Petro: accusations first, then a phone call and a meeting.
    @Test func theRelationTurnsFromHostileToCooperative() throws {
        let report = try report()
        let relation = try #require(report.relations.first { Set($0.actors) == ["Donald Trump", "Gustavo Petro"] })
        let events = relation.events
        #expect(zip(events, events.dropFirst()).allSatisfy { $0.start <= $1.start })
        let first = try #require(events.first)
        #expect(first.kind == "accuse" && first.tone < 0 && first.from == "Donald Trump" && first.to == "Gustavo Petro")
        let newYear = CalendarDay(year: 2026, month: 1, day: 1)
        let before = events.filter { $0.end < newYear }, after = events.filter { $0.start >= newYear }
        #expect(!before.isEmpty && before.allSatisfy { $0.tone < 0 })
        #expect(after.map(\.tone).reduce(0, +) / Double(max(after.count, 1)) > 0.2)
        #expect(after.contains { $0.kind == "call" && $0.start >= newYear && $0.end <= CalendarDay(year: 2026, month: 1, day: 31) })
        #expect(after.contains { $0.kind == "meet" && $0.date == "2026-02-03" && $0.datedBy == "claim" })
        // One meeting, on Tuesday 3 February: the sentences that retell it without a date
        // ("the tone of this meeting", "The closed-door discussion") take that day, not their
        // article's publication day.
        let february = events.filter { $0.start >= CalendarDay(year: 2026, month: 2, day: 1) && ["meet", "talk"].contains($0.kind) }
        #expect(february.count >= 3 && february.allSatisfy { $0.date == "2026-02-03" })
        #expect(Set(february.map(\.source)) == Set(report.sources.map(\.source)))
        // "the two had spoken by phone" is one call, not a talk beside it.
        #expect(!events.contains { $0.kind == "talk" && $0.text.contains("spoken by phone") })
        // "… without the conflict that defined their relationship just months ago": the
        // months date the conflict, not the talk.
        #expect(!events.contains { $0.word == "talk" && $0.datedBy == "claim" })
        // The text report gives the meeting one line, with both sources.
        let text = ReportRenderer.text(report)
        #expect(text.components(separatedBy: "\n").filter { $0.contains("2026-02-03") && $0.contains(": meet") }.count == 1)
        // So does the HTML report: one row, with every sentence that tells the meeting.
        let rows = ReportRenderer.html(report).components(separatedBy: "<tr>").filter { $0.contains(": meet") }
        #expect(rows.count == 1)
        #expect(rows.first.map { Self.mentions($0, ["closed-door discussion"]) && Self.mentions($0, ["tone of this meeting"]) } == true)
        // What the seeds do not assert gives no event: "neither leader outlined major new
        // deals" is denied, the Oval Office and Washington are places where things happen, and
        // "The Colombian leader didn't shy away from asking for U.S. help … whose president,
        // Daniel Noboa, has been a vocal Trump supporter" makes Noboa a supporter, not an asker.
        let all = report.relations.flatMap(\.events)
        #expect(!all.contains { $0.word == "deals" })
        #expect(!all.contains { ["Oval Office", "Washington"].contains($0.from) || ["Oval Office", "Washington"].contains($0.to) })
        #expect(all.filter { $0.from == "Daniel Noboa" }.map(\.kind) == ["help"])
        // Every event points at a sentence of its source.
        for event in events {
            #expect(report.sources.contains { $0.source == event.source })
            #expect(!event.text.isEmpty && event.text.contains(event.word))
        }
    }

    @Test func twoIndependentSourcesAndTheirOmissions() throws {
        let report = try report()
        #expect(report.copies.isEmpty)
        #expect(report.firstPublished == report.sources[1].source)  // 002 was published a day earlier
        #expect(report.corroborated.allSatisfy { $0.independentSources == 2 })
        // With two sources, an omission would need a claim corroborated without the omitting source.
        #expect(report.omissions.isEmpty)
        let json = try ReportRenderer.json(report)
        #expect(try ParallaxJSON.decoder().decode(StoryReport.self, from: Data(json.utf8)) == report)
        let html = ReportRenderer.html(report)
        #expect(html.contains("America’s #1 Ally") && html.contains("Timeline") && html.contains("Relations"))
    }
}
