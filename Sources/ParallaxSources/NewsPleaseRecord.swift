import Foundation
import ParallaxCore

/// One article as news-please (https://github.com/fhamborg/news-please) writes it to JSON
/// or JSON Lines: `title`, `maintext`, `date_publish` ("2026-02-04 10:00:00"), `url`,
/// `language`, `authors`, `source_domain`, and more that Parallax does not need.
public struct NewsPleaseRecord: Sendable, Hashable, Decodable {
    public var title: String?
    public var maintext: String?
    public var description: String?
    public var datePublish: String?
    public var dateModify: String?
    public var url: String?
    public var language: String?
    public var authors: [String]?
    public var sourceDomain: String?
    public var imageURL: String?

    enum CodingKeys: String, CodingKey {
        case title, maintext, description, url, language, authors
        case datePublish = "date_publish", dateModify = "date_modify"
        case sourceDomain = "source_domain", imageURL = "image_url"
    }

    /// Fields that only news-please records have; one of them present marks the shape.
    public static let distinctiveFields = ["maintext", "source_domain", "date_publish"]

    /// Decodes one JSON object; errors name `source`.
    public static func decode(_ json: Data, source: String) throws(ParallaxError) -> NewsPleaseRecord {
        do {
            return try JSONDecoder().decode(NewsPleaseRecord.self, from: json)
        } catch let DecodingError.typeMismatch(_, context) {
            let field = context.codingPath.map(\.stringValue).joined(separator: ".")
            throw ParallaxError(source: source, reason: .invalidInput("field \"\(field)\" has the wrong type"))
        } catch {
            throw ParallaxError(source: source, reason: .invalidInput("not a news-please record"))
        }
    }

    /// The article it describes; `source` names it (e.g. `file.jsonl#<url>`).
    public func article(source: String) throws(ParallaxError) -> Article {
        guard let maintext, maintext.contains(where: { !$0.isWhitespace }) else {
            throw ParallaxError(source: source, reason: .invalidInput("field \"maintext\" is missing or empty"))
        }
        let paragraphs = maintext.split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty }
        let byline = (authors ?? []).compactMap(nonBlank).joined(separator: ", ")
        let language = nonBlank(language)
        return Article(
            source: source, url: nonBlank(url), title: nonBlank(title) ?? "", paragraphs: paragraphs,
            published: datePublish.flatMap(FeedDates.parse), modified: dateModify.flatMap(FeedDates.parse),
            byline: byline.isEmpty ? nil : byline, site: nonBlank(sourceDomain),
            language: language, image: nonBlank(imageURL))
    }
}
