import Foundation
import ParallaxCore
import Testing
@testable import ParallaxCluster

@Suite struct InputTests {
    /// Bad lines become one-line errors naming `<input>:<line>`; good lines around them are read.
    @Test func badLinesAreReportedWithLineNumbers() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-cluster-\(UUID().uuidString).jsonl").path
        defer { try? FileManager.default.removeItem(atPath: path) }
        let lines = [
            #"{"id": "a", "text": "Parliament passed the budget.", "published": "2026-02-05T09:30:00Z"}"#,
            "this is not JSON",
            #"{"id": "b", "title": "No text"}"#,
            "",
            #"{"id": "c", "text": "   "}"#,
            #"[1, 2]"#,
            #"{"id": "d", "text": "Fine again.", "published": "yesterday"}"#,
            #"{"id": 42, "text": "Numeric ids are accepted.", "lang": "en"}"#,
        ]
        try lines.joined(separator: "\n").write(toFile: path, atomically: true, encoding: .utf8)
        let reader = try JSONLinesReader(path: path)
        var ids: [String] = []
        var errors: [String] = []
        for line in reader {
            switch reader.decode(line, StreamArticle.init(record:)) {
            case nil: continue
            case .success(let article): ids.append(article.id)
            case .failure(let error): errors.append(error.description)
            }
        }
        #expect(ids == ["a", "42"])
        #expect(errors == [
            "\(path):2: not valid JSON",
            "\(path):3: missing field \"text\"",
            "\(path):5: field \"text\" is empty",
            "\(path):6: expected a JSON object",
            "\(path):7: field \"published\" is not a date: yesterday",
        ])
        // A file can be read twice (the similarity command learns weights in a first pass).
        #expect(Array(reader).count == lines.count)
    }

    @Test func missingFileIsOneError() {
        #expect(throws: ParallaxError.self) { try JSONLinesReader(path: "/nonexistent/input.jsonl") }
    }

    @Test func datesOfSeveralShapes() {
        let day = CalendarDay(year: 2014, month: 9, day: 13).date
        #expect(JSONRecord.parseDate("2014-09-13") == day)
        #expect(JSONRecord.parseDate("2014-09-13 01:00:00") == day.addingTimeInterval(3600))
        #expect(JSONRecord.parseDate("2014-09-13T14:52:18.202-0400") == day.addingTimeInterval(14 * 3600 + 52 * 60 + 18))
        #expect(JSONRecord.parseDate("13/09/2014") == nil)
    }
}
