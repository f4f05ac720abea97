import Foundation
import ParallaxCore
import ParallaxExtract
import Testing

/// The hand-written JSON Lines writer must print the bytes JSONEncoder (ParallaxJSON) prints.
@Suite struct ExtractedPageJSONTests {
    private func handWritten(_ page: ExtractedPage) -> String {
        var json = JSONLineWriter()
        page.appendJSONLine(to: &json)
        return String(decoding: json.out, as: UTF8.self)
    }

    @Test func matchesJSONEncoderOnTrickyStrings() throws {
        let tricky = [
            "plain", "", "quote \" and backslash \\ and slash / in https://example.org/a/b",
            "controls \u{0}\u{1}\u{8}\u{9}\u{A}\u{B}\u{C}\u{D}\u{1B}\u{1F} and DEL \u{7F}",
            "separators \u{2028} \u{2029}, emoji 😀👩‍👩‍👧, accents é Ø ß, CJK 東京, RTL مرحبا",
        ]
        for (index, text) in tricky.enumerated() {
            let article = Article(
                source: "/pages/\(text).html", url: index.isMultiple(of: 2) ? nil : "https://example.org/\(text)",
                canonicalURL: text, title: text, paragraphs: [text, "second \(text)"],
                published: Date(timeIntervalSince1970: 1_770_249_600 + Double(index) * 3_601.75),
                modified: index == 1 ? nil : Date(timeIntervalSince1970: -86_400 * 365 * 30 - 0.5),
                byline: index == 2 ? nil : text, site: text, language: "en", image: index == 3 ? text : nil,
                segments: [Segment(kind: .title, text: text, language: "und", confidence: 0)])
            for kind in [PageKind.article, .page] {
                let page = ExtractedPage(kind: kind, article: article)
                #expect(handWritten(page) == (try ParallaxJSON.line(page)) + "\n")
            }
        }
    }

    @Test func matchesJSONEncoderOnConfidences() throws {
        let confidences = [0, 1, 0.1, 1e-05, 2.5e-07, 0.5, 0.30000000000000004, 0.999999999, 1.0 / 3, 1e16, 100]
        let segments = confidences.map { Segment(kind: .paragraph, text: "\($0)", language: "de", confidence: $0) }
        let page = ExtractedPage(kind: .article, article: Article(
            source: "-", title: "", paragraphs: segments.map(\.text), segments: segments))
        #expect(handWritten(page) == (try ParallaxJSON.line(page)) + "\n")
        #expect(handWritten(page).contains("\"confidence\":1e-05,"))
        #expect(handWritten(page).contains("\"confidence\":1,"))
    }

    @Test func datesAcrossCenturiesAndLeapDays() throws {
        // 1900-03-01, 2000-02-29, 2024-12-31T23:59:59.9 and a date before 1970.
        for seconds in [-2_203_891_200.0, 951_782_400, 1_735_689_599.9, -1.7, 4_107_542_400] {
            let page = ExtractedPage(kind: .page, article: Article(
                source: "-", title: "t", paragraphs: ["p"], published: Date(timeIntervalSince1970: seconds)))
            #expect(handWritten(page) == (try ParallaxJSON.line(page)) + "\n")
        }
    }
}
