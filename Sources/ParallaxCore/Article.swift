import Foundation

/// One news article as the extractor understood it: clean text and metadata.
///
/// `text` is the paragraphs joined by a blank line ("\n\n"); every character offset that
/// later stages report (sentences, claims, quotes) counts Unicode scalars (code points)
/// into this string, so `text[start..<end]` in Python gives the same slice.
public struct Article: Sendable, Hashable, Codable {
    /// Stable identifier derived from the source and the content (16 hex digits).
    public var id: String
    /// Path, URL or `-` the article was read from.
    public var source: String
    public var url: String?
    public var canonicalURL: String?
    public var title: String
    public var paragraphs: [String]
    public var text: String
    public var published: Date?
    public var modified: Date?
    public var byline: String?
    public var site: String?
    /// ISO 639-1 code of the body's language (`und` when it cannot be told).
    public var language: String?
    public var image: String?
    /// The title and every paragraph with its own detected language.
    public var segments: [Segment]

    public init(
        id: String? = nil, source: String, url: String? = nil, canonicalURL: String? = nil,
        title: String, paragraphs: [String], published: Date? = nil, modified: Date? = nil,
        byline: String? = nil, site: String? = nil, language: String? = nil, image: String? = nil,
        segments: [Segment] = []
    ) {
        self.source = source
        self.url = url
        self.canonicalURL = canonicalURL
        self.title = title
        self.paragraphs = paragraphs
        self.text = paragraphs.joined(separator: Article.paragraphSeparator)
        self.published = published
        self.modified = modified
        self.byline = byline
        self.site = site
        self.language = language
        self.image = image
        self.segments = segments
        self.id = id ?? StableHash.hex(source + "\u{1F}" + title + "\u{1F}" + self.text)
    }

    public static let paragraphSeparator = "\n\n"

    /// What to call the article in a listing: its title, or when it has none (a JSON Lines
    /// record without one, a bare text), the opening words of its text.
    public var headline: String { Article.headline(title: title, text: text) }

    /// Longest opening of a text used as a headline, in characters, before it is cut at a word.
    static let headlineLength = 90

    /// The title when there is one; otherwise the text's first paragraph up to a run of two
    /// spaces (where texts that glue their headline to the body put the seam), cut at the last
    /// word that fits `headlineLength` and marked "…"; "(untitled)" when both are empty.
    public static func headline(title: String, text: String) -> String {
        let title = title.trimmingCharacters(in: .whitespacesAndNewlines)
        if !title.isEmpty { return title }
        var opening = Substring(text.trimmingCharacters(in: .whitespacesAndNewlines))
        if let end = opening.firstIndex(where: \.isNewline) { opening = opening[..<end] }
        if let seam = opening.range(of: "  ") { opening = opening[..<seam.lowerBound] }
        guard !opening.isEmpty else { return "(untitled)" }
        guard opening.count > headlineLength else { return String(opening) }
        let cut = opening.prefix(headlineLength)
        var words = cut.lastIndex(where: \.isWhitespace).map { cut[..<$0] } ?? cut
        // "… Krawatte -" and "… Regierung," end on the cut, not on the sentence.
        while let last = words.last, last.isWhitespace || last.isPunctuation { words = words.dropLast() }
        return String(words.isEmpty ? cut : words) + "…"
    }

    /// Number of words in the body (whitespace-separated runs containing a letter or digit).
    public var wordCount: Int {
        text.split(whereSeparator: { $0.isWhitespace }).filter { $0.contains(where: { $0.isLetter || $0.isNumber }) }.count
    }
}

/// A piece of an article with its own language: the title or one paragraph.
public struct Segment: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case title, paragraph }
    public var kind: Kind
    public var text: String
    /// ISO 639-1 code, or `und`.
    public var language: String
    /// In [0, 1].
    public var confidence: Double

    public init(kind: Kind, text: String, language: String, confidence: Double) {
        self.kind = kind
        self.text = text
        self.language = language
        self.confidence = confidence
    }
}

extension Article {
    enum CodingKeys: String, CodingKey {
        case id, source, url, canonicalURL, title, text, paragraphs, published, modified, byline, site, language, image, segments
    }

    // Every key is written, with `null` for what is unknown: consumers of the JSON Lines
    // output should not have to guess whether a field exists.
    public func encode(to encoder: Encoder) throws {
        var c = encoder.container(keyedBy: CodingKeys.self)
        try c.encode(id, forKey: .id)
        try c.encode(source, forKey: .source)
        try c.encode(url, forKey: .url)
        try c.encode(canonicalURL, forKey: .canonicalURL)
        try c.encode(title, forKey: .title)
        try c.encode(text, forKey: .text)
        try c.encode(paragraphs, forKey: .paragraphs)
        try c.encode(published, forKey: .published)
        try c.encode(modified, forKey: .modified)
        try c.encode(byline, forKey: .byline)
        try c.encode(site, forKey: .site)
        try c.encode(language, forKey: .language)
        try c.encode(image, forKey: .image)
        try c.encode(segments, forKey: .segments)
    }

    public init(from decoder: Decoder) throws {
        let c = try decoder.container(keyedBy: CodingKeys.self)
        let paragraphs = try c.decodeIfPresent([String].self, forKey: .paragraphs)
            ?? (try c.decodeIfPresent(String.self, forKey: .text) ?? "").components(separatedBy: Article.paragraphSeparator)
        self.init(
            id: try c.decodeIfPresent(String.self, forKey: .id),
            source: try c.decodeIfPresent(String.self, forKey: .source) ?? "-",
            url: try c.decodeIfPresent(String.self, forKey: .url),
            canonicalURL: try c.decodeIfPresent(String.self, forKey: .canonicalURL),
            title: try c.decodeIfPresent(String.self, forKey: .title) ?? "",
            paragraphs: paragraphs,
            published: try c.decodeIfPresent(Date.self, forKey: .published),
            modified: try c.decodeIfPresent(Date.self, forKey: .modified),
            byline: try c.decodeIfPresent(String.self, forKey: .byline),
            site: try c.decodeIfPresent(String.self, forKey: .site),
            language: try c.decodeIfPresent(String.self, forKey: .language),
            image: try c.decodeIfPresent(String.self, forKey: .image),
            segments: try c.decodeIfPresent([Segment].self, forKey: .segments) ?? [])
    }
}
