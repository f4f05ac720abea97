import Foundation
import ParallaxCluster
import ParallaxCore

/// Where a record came from: the input line `read` was given and the record's position
/// among the documents that input held. Travels with every record so that a backfill can
/// put records from many machines back into the order one `parallax ingest` would read them.
public struct PipeOrigin: Sendable, Hashable, Codable {
    /// The input as `read` was given it (a file or directory path).
    public var input: String
    /// 0-based position among the records of `input`.
    public var index: Int

    public init(input: String, index: Int) {
        self.input = input
        self.index = index
    }
}

/// One line of a `parallax pipe` stream. Every record is a JSON object with a `kind`
/// (`document`, `article`, `annotated`), except error records, which carry `error`.
public enum PipeRecord: Sendable {
    /// Bytes to extract, as `read` found them.
    case document(PipeOrigin?, RawDocument)
    /// An article: extracted, or given as a JSON Lines record.
    case article(PipeOrigin?, Article)
    /// An article with its annotations and the clustering features the store would count.
    case annotated(AnnotatedRecord)
    /// A record that failed; passed through every later stage untouched.
    case failure(PipeFailure)

    public var origin: PipeOrigin? {
        switch self {
        case .document(let origin, _), .article(let origin, _): origin
        case .annotated(let record): record.origin
        case .failure(let failure): failure.origin
        }
    }
}

/// `{"error": {"source", "message"}, "id"?, "input"?, "index"?}`: what failed and where.
public struct PipeFailure: Sendable, Hashable {
    public var error: ParallaxError
    /// The article's id, when the record got that far.
    public var id: String?
    public var origin: PipeOrigin?

    public init(_ error: ParallaxError, id: String? = nil, origin: PipeOrigin? = nil) {
        self.error = error
        self.id = id
        self.origin = origin
    }
}

/// An annotated article as it travels to the store.
public struct AnnotatedRecord: Sendable {
    public var origin: PipeOrigin?
    public var annotated: AnnotatedArticle
    /// What the store's ingest would count for the article, and at which depth.
    public var features: FeatureCounts
    public var depth: FeatureExtractor.Depth

    public init(origin: PipeOrigin?, annotated: AnnotatedArticle, features: FeatureCounts, depth: FeatureExtractor.Depth) {
        self.origin = origin
        self.annotated = annotated
        self.features = features
        self.depth = depth
    }
}

/// JSON Lines ⇄ `PipeRecord`.
///
/// Document bytes travel as text when they are valid UTF-8 (`"encoding": "utf-8"`), else as
/// base64 (`"encoding": "base64"`): either way the extractor downstream sees exactly the
/// bytes `read` found, so its charset detection gives what `parallax extract` gives.
/// Feature counts travel packed (base64 of little-endian key/weight pairs): a news article
/// has thousands of character n-gram keys, and hex keys in a JSON object were ~3× larger.
public enum PipeCodec {
    public static func encode(_ record: PipeRecord) -> String {
        do {
            switch record {
            case .document(let origin, let document):
                return try line(DocumentJSON(origin: origin, document: document))
            case .article(let origin, let article):
                return try line(ArticleJSON(kind: "article", input: origin?.input, index: origin?.index, article: article))
            case .annotated(let record):
                return try line(AnnotatedJSON(record))
            case .failure(let failure):
                return encodeFailure(failure)
            }
        } catch {
            // Encoding value types of strings and numbers does not fail; if it ever did, the
            // record still leaves as an error rather than vanishing from the stream.
            return encodeFailure(PipeFailure(ParallaxError(source: record.origin?.input ?? "-", reason: .invalidInput("cannot encode record: \(error)")),
                                             origin: record.origin))
        }
    }

    static func encodeFailure(_ failure: PipeFailure) -> String {
        var json = "{\"error\":{\"message\":" + quoted(failure.error.reason.description) + ",\"source\":" + quoted(failure.error.source) + "}"
        if let id = failure.id { json += ",\"id\":" + quoted(id) }
        if let origin = failure.origin { json += ",\"index\":\(origin.index),\"input\":" + quoted(origin.input) }
        return json + "}"
    }

    /// A decoded line: a record, or an error record to pass on as it came (`passThrough`,
    /// with what it says).
    public enum Decoded {
        case record(PipeRecord)
        case passThrough(PipeFailure)
    }

    /// Decodes one line; a line that is not a record becomes a failure naming `name`.
    /// Without `annotations`, an annotated record arrives with its article and features but
    /// none of its annotations: all the store needs, at a sixth less of its time.
    public static func decode(_ bytes: some Collection<UInt8>, name: String, annotations: Bool = true) -> Decoded? {
        let data = Data(bytes)
        if data.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        let decoder = ParallaxJSON.decoder()
        if !annotations { decoder.userInfo[AnnotatedJSON.skipsAnnotations] = true }
        func failed(_ why: String) -> Decoded { .record(.failure(PipeFailure(ParallaxError(source: name, reason: .invalidInput(why))))) }
        guard let head = try? decoder.decode(RecordHead.self, from: data) else { return failed("not a JSON object") }
        let origin = head.input.map { PipeOrigin(input: $0, index: head.index ?? 0) }
        if let error = head.error {
            return .passThrough(PipeFailure(ParallaxError(source: error.source ?? name, reason: .invalidInput(error.message ?? "failed")),
                                            id: head.id, origin: origin))
        }
        do {
            switch head.kind {
            case "document":
                return .record(try decoder.decode(DocumentJSON.self, from: data).record(origin: origin, name: name))
            case "article":
                return .record(.article(origin, try decoder.decode(ArticleJSON.self, from: data).article))
            case "annotated":
                return .record(.annotated(try decoder.decode(AnnotatedJSON.self, from: data).record(origin: origin)))
            case let kind?:
                return failed("unknown record kind \"\(kind)\"")
            case nil:
                return failed("missing field \"kind\"")
            }
        } catch let error as ParallaxError {
            return .record(.failure(PipeFailure(error, origin: origin)))
        } catch {
            return .record(.failure(PipeFailure(ParallaxError(source: name, reason: .invalidInput("not a valid record (\(describe(error)))")),
                                                origin: origin)))
        }
    }

    private static func line<T: Encodable>(_ value: T) throws -> String { try ParallaxJSON.line(value) }

    static func quoted(_ string: String) -> String {
        let encoder = JSONEncoder()
        encoder.outputFormatting = .withoutEscapingSlashes
        return String(decoding: (try? encoder.encode(string)) ?? Data("\"\"".utf8), as: UTF8.self)
    }

    /// The field a decoding error is about, in one line.
    private static func describe(_ error: Error) -> String {
        switch error {
        case DecodingError.keyNotFound(let key, _): "missing field \"\(key.stringValue)\""
        case DecodingError.typeMismatch(_, let context), DecodingError.valueNotFound(_, let context), DecodingError.dataCorrupted(let context):
            "field \"\(context.codingPath.map(\.stringValue).joined(separator: "."))\": \(context.debugDescription)"
        default: "\(error)"
        }
    }
}

/// The fields every record may have, read first to tell the kinds apart.
private struct RecordHead: Decodable {
    var kind: String?
    var error: ErrorHead?
    var id: String?
    var input: String?
    var index: Int?

    struct ErrorHead: Decodable {
        var source: String?
        var message: String?
    }

    enum CodingKeys: String, CodingKey { case kind, error, id, input, index }

    /// Lenient: any record with an `error` field is an error record, whatever its shape.
    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try? c.decodeIfPresent(String.self, forKey: .kind)
        if c.contains(.error) {
            error = (try? c.decode(ErrorHead.self, forKey: .error)) ?? ErrorHead(message: try? c.decode(String.self, forKey: .error))
        }
        id = try? c.decodeIfPresent(String.self, forKey: .id)
        input = try? c.decodeIfPresent(String.self, forKey: .input)
        index = try? c.decodeIfPresent(Int.self, forKey: .index)
    }
}

private struct DocumentJSON: Codable {
    var kind = "document"
    var input: String?
    var index: Int?
    var source: String
    var url: String?
    var contentType: String?
    var fetchedAt: Date?
    var encoding: String
    var body: String

    enum CodingKeys: String, CodingKey {
        case kind, input, index, source, url, contentType = "content_type", fetchedAt = "fetched_at", encoding, body
    }

    static let utf8 = "utf-8", base64 = "base64"

    init(origin: PipeOrigin?, document: RawDocument) {
        input = origin?.input
        index = origin?.index
        source = document.source
        url = document.url
        contentType = document.contentType
        fetchedAt = document.fetchedAt
        if let text = String(validating: document.bytes, as: UTF8.self) {
            encoding = Self.utf8
            body = text
        } else {
            encoding = Self.base64
            body = Data(document.bytes).base64EncodedString()
        }
    }

    func record(origin: PipeOrigin?, name: String) throws(ParallaxError) -> PipeRecord {
        let bytes: [UInt8]
        switch encoding {
        case Self.utf8: bytes = Array(body.utf8)
        case Self.base64:
            guard let data = Data(base64Encoded: body) else { throw ParallaxError(source: source, reason: .invalidInput("body is not valid base64")) }
            bytes = Array(data)
        default: throw ParallaxError(source: source, reason: .invalidInput("unknown body encoding \"\(encoding)\""))
        }
        return .document(origin, RawDocument(source: source, bytes: bytes, url: url, contentType: contentType, fetchedAt: fetchedAt))
    }
}

private struct ArticleJSON: Codable {
    var kind: String
    var input: String?
    var index: Int?
    var article: Article
}

/// `{"kind": "annotated", "article", "annotations", "features"}`. Sentences travel as
/// spans with their language (their text is the article's, their tokens are recomputed
/// cheaply); entities, quotes, numbers and times whole.
private struct AnnotatedJSON: Codable {
    var kind = "annotated"
    var input: String?
    var index: Int?
    var article: Article
    var annotations: Annotations
    var features: FeaturesJSON

    struct Annotations: Codable {
        var sentences: [SentenceSpan]
        var entities: [EntityMention]
        var quotes: [Quote]
        var numbers: [NumberMention]
        var times: [TimeMention]
    }

    struct SentenceSpan: Codable {
        var paragraph: Int
        var span: TextSpan
        var language: String
    }

    enum CodingKeys: String, CodingKey { case kind, input, index, article, annotations, features }

    static let skipsAnnotations = CodingUserInfoKey(rawValue: "parallax.skipsAnnotations")!

    init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        kind = try c.decode(String.self, forKey: .kind)
        input = try c.decodeIfPresent(String.self, forKey: .input)
        index = try c.decodeIfPresent(Int.self, forKey: .index)
        article = try c.decode(Article.self, forKey: .article)
        features = try c.decode(FeaturesJSON.self, forKey: .features)
        annotations = decoder.userInfo[Self.skipsAnnotations] as? Bool == true
            ? Annotations(sentences: [], entities: [], quotes: [], numbers: [], times: [])
            : try c.decode(Annotations.self, forKey: .annotations)
    }

    init(_ record: AnnotatedRecord) {
        input = record.origin?.input
        index = record.origin?.index
        let annotated = record.annotated
        article = annotated.article
        annotations = Annotations(sentences: annotated.sentences.map { SentenceSpan(paragraph: $0.paragraph, span: $0.span, language: $0.language) },
                                  entities: annotated.entities, quotes: annotated.quotes, numbers: annotated.numbers, times: annotated.times)
        features = FeaturesJSON(record.features, depth: record.depth)
    }

    func record(origin: PipeOrigin?) throws(ParallaxError) -> AnnotatedRecord {
        let texts = article.text.substrings(annotations.sentences.map(\.span))
        let sentences = annotations.sentences.enumerated().map { index, sentence in
            Sentence(index: index, paragraph: sentence.paragraph, span: sentence.span, text: texts[index],
                     language: sentence.language, tokens: [])
        }
        let annotated = AnnotatedArticle(article: article, sentences: sentences, entities: annotations.entities, quotes: annotations.quotes,
                                         numbers: annotations.numbers, times: annotations.times)
        let (counts, depth) = try features.counts(source: article.source)
        return AnnotatedRecord(origin: origin, annotated: annotated, features: counts, depth: depth)
    }
}

/// `FeatureCounts` packed: each family is base64 of (UInt64 key, Float32 weight) pairs,
/// little-endian, sorted by key; shingles are base64 of sorted UInt64s.
private struct FeaturesJSON: Codable {
    var depth: String
    var language: String
    var published: Date?
    var terms: String
    var wordGrams: String
    var nameGrams: String
    var entities: String
    var numbers: String
    var dates: String
    /// Absent from records written before countries were counted: read as none.
    var countries: String?
    /// Absent from records written before name sounds were counted: read as none.
    var nameSounds: String?
    var shingles: String

    enum CodingKeys: String, CodingKey {
        case depth, language, published, terms, wordGrams = "word_grams", nameGrams = "name_grams", entities, numbers, dates, countries
        case nameSounds = "name_sounds", shingles
    }

    init(_ counts: FeatureCounts, depth: FeatureExtractor.Depth) {
        self.depth = depth.rawValue
        language = counts.language
        published = counts.published
        terms = Self.pack(counts.terms)
        wordGrams = Self.pack(counts.wordGrams)
        nameGrams = Self.pack(counts.nameGrams)
        entities = Self.pack(counts.entities)
        numbers = Self.pack(counts.numbers)
        dates = Self.pack(counts.dates)
        countries = Self.pack(counts.countries)
        nameSounds = Self.pack(counts.nameSounds)
        var bytes: [UInt8] = []
        bytes.reserveCapacity(counts.shingles.count * 8)
        for key in counts.shingles.sorted() { Self.append(key, to: &bytes) }
        shingles = Data(bytes).base64EncodedString()
    }

    func counts(source: String) throws(ParallaxError) -> (FeatureCounts, FeatureExtractor.Depth) {
        func invalid(_ field: String) -> ParallaxError { ParallaxError(source: source, reason: .invalidInput("features.\(field) is not valid")) }
        guard let depth = FeatureExtractor.Depth(rawValue: depth) else { throw invalid("depth") }
        var counts = FeatureCounts(language: language, published: published)
        let families: [(String, String, WritableKeyPath<FeatureCounts, [UInt64: Float]>)] = [
            ("terms", terms, \.terms), ("word_grams", wordGrams, \.wordGrams), ("name_grams", nameGrams, \.nameGrams),
            ("entities", entities, \.entities), ("numbers", numbers, \.numbers), ("dates", dates, \.dates),
            ("countries", countries ?? "", \.countries), ("name_sounds", nameSounds ?? "", \.nameSounds),
        ]
        for (name, packed, path) in families {
            guard let map = Self.unpack(packed) else { throw invalid(name) }
            counts[keyPath: path] = map
        }
        guard let data = Data(base64Encoded: shingles), data.count % 8 == 0 else { throw invalid("shingles") }
        let bytes = [UInt8](data)
        counts.shingles = Set(stride(from: 0, to: bytes.count, by: 8).map { Self.uint64(bytes, at: $0) })
        return (counts, depth)
    }

    private static func pack(_ map: [UInt64: Float]) -> String {
        var bytes: [UInt8] = []
        bytes.reserveCapacity(map.count * 12)
        for key in map.keys.sorted() {
            append(key, to: &bytes)
            let bits = map[key]!.bitPattern
            for shift in stride(from: 0, to: 32, by: 8) { bytes.append(UInt8(truncatingIfNeeded: bits >> UInt32(shift))) }
        }
        return Data(bytes).base64EncodedString()
    }

    private static func unpack(_ packed: String) -> [UInt64: Float]? {
        guard let data = Data(base64Encoded: packed), data.count % 12 == 0 else { return nil }
        let bytes = [UInt8](data)
        var map: [UInt64: Float] = [:]
        map.reserveCapacity(bytes.count / 12)
        for offset in stride(from: 0, to: bytes.count, by: 12) {
            var bits: UInt32 = 0
            for i in 0..<4 { bits |= UInt32(bytes[offset + 8 + i]) << UInt32(8 * i) }
            map[uint64(bytes, at: offset)] = Float(bitPattern: bits)
        }
        return map
    }

    private static func append(_ key: UInt64, to bytes: inout [UInt8]) {
        for shift in stride(from: 0, to: 64, by: 8) { bytes.append(UInt8(truncatingIfNeeded: key >> UInt64(shift))) }
    }

    private static func uint64(_ bytes: [UInt8], at offset: Int) -> UInt64 {
        var value: UInt64 = 0
        for i in 0..<8 { value |= UInt64(bytes[offset + i]) << UInt64(8 * i) }
        return value
    }
}
