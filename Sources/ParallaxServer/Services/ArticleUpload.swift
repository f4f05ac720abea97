import Foundation
import Hummingbird
import ParallaxCore
import ParallaxPipeline

/// The body of `POST /api/articles`, read by its Content-Type: an HTML page, plain text, or
/// a JSON article `{"title", "text", "url"?, "published"?, "lang"?}`. For pages and text
/// the query may give what the bytes cannot: `url`, `published` (a fallback date) and
/// `source` (a name for the upload). URLs are stored as given: pages only ever link to
/// http(s) ones (see `HTML.link`).
enum ArticleUpload: Sendable {
    /// A page or a text to extract; `published` is used when the text gives no date.
    case document(RawDocument, published: Date?)
    /// An article given field by field: nothing to extract.
    case article(Article)

    /// Media types accepted, as they are matched (parameters such as charset are ignored).
    static let htmlTypes: Set<String> = ["text/html", "application/xhtml+xml"]
    static let textTypes: Set<String> = ["text/plain"]
    static let jsonTypes: Set<String> = ["application/json"]
    static var acceptedTypes: [String] { (htmlTypes.union(textTypes).union(jsonTypes)).sorted() }

    /// The name an upload gets when the client gives none.
    static let defaultSource = "upload"

    static func parse(body: [UInt8], contentType: String?, query: QueryParameters, pipeline: Pipeline) throws(APIError) -> ArticleUpload {
        guard let contentType, let mediaType = contentType.split(separator: ";").first?
            .trimmingCharacters(in: .whitespaces).lowercased(), !mediaType.isEmpty else {
            throw APIError(.unsupportedMediaType, "missing Content-Type; send one of \(acceptedTypes.joined(separator: ", "))")
        }
        guard !body.isEmpty else { throw APIError(.badRequest, "empty body") }
        let url = query.string("url")
        let source = query.string("source") ?? url ?? defaultSource
        if jsonTypes.contains(mediaType) { return .article(try article(json: body, source: source)) }
        guard htmlTypes.contains(mediaType) || textTypes.contains(mediaType) else {
            throw APIError(.unsupportedMediaType, "unsupported Content-Type '\(mediaType)'; send one of \(acceptedTypes.joined(separator: ", "))")
        }
        let published = try query.date("published")
        switch pipeline.reader.document(source: source, bytes: body, url: url, contentType: contentType) {
        case .success(let document): return .document(document, published: published)
        case .failure(let error): throw APIError(.badRequest, error.description)
        }
    }

    /// A JSON article; errors name the field.
    static func article(json body: [UInt8], source: String) throws(APIError) -> Article {
        guard let value = try? JSONSerialization.jsonObject(with: Data(body)), let object = value as? [String: Any] else {
            throw APIError(.badRequest, "body is not a JSON object")
        }
        func string(_ key: String) throws(APIError) -> String? {
            switch object[key] {
            case nil, is NSNull: return nil
            case let text as String: return text.trimmingCharacters(in: .whitespacesAndNewlines).isEmpty ? nil : text
            default: throw APIError(.badRequest, "field \"\(key)\" must be a string")
            }
        }
        guard let title = try string("title") else { throw APIError(.badRequest, "missing field \"title\"") }
        guard let text = try string("text") else { throw APIError(.badRequest, "missing field \"text\"") }
        let url = try string("url")
        var published: Date?
        if let raw = try string("published") {
            guard let date = parseDate(raw) else { throw APIError(.badRequest, "field \"published\" is not a date: \(raw)") }
            published = date
        }
        return Article(source: url ?? source, url: url, title: title, paragraphs: paragraphs(text), published: published,
                       language: try string("lang"))
    }

    /// `YYYY-MM-DD` or an ISO 8601 time.
    static func parseDate(_ value: String) -> Date? {
        if let day = CalendarDay(iso: value) { return day.date }
        return ISO8601DateFormatter().date(from: value)
    }

    /// Paragraphs are separated by blank lines; the lines of one paragraph are joined by a space.
    static func paragraphs(_ text: String) -> [String] {
        text.replacingOccurrences(of: "\r\n", with: "\n").components(separatedBy: "\n\n")
            .map { $0.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty }.joined(separator: " ") }
            .filter { !$0.isEmpty }
    }
}
