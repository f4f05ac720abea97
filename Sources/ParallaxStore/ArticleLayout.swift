import Foundation
import ParallaxCore

/// How a store keeps an article's paragraphs and segments beside its text without storing
/// the words again: the text once (the search index reads it), the length of each
/// paragraph, and each segment's language with its text left out where it is the title or
/// its paragraph, which it nearly always is.
///
/// An article's words were stored three times (text, paragraphs, segments): about 40 % of
/// a SQLite store of the 10-language stream. The layout is lossless: `restore` gives back
/// the same paragraphs and segments, whatever they hold (a paragraph with a blank line in
/// it, a segment that differs from its paragraph).
public struct ArticleLayout: Sendable, Hashable, Codable {
    /// UTF-8 length of each paragraph: the text is the paragraphs joined by
    /// `Article.paragraphSeparator`, so the lengths cut it back into them.
    public var paragraphs: [Int]
    public var segments: [SegmentEntry]

    /// A segment: kind, language and confidence, and its text only when it is not the
    /// title (for a title segment) or the next paragraph (for a paragraph segment).
    /// Written as a JSON array, `["paragraph","en",0.93]`, as it repeats for every paragraph.
    public struct SegmentEntry: Sendable, Hashable, Codable {
        public var kind: Segment.Kind
        public var language: String
        public var confidence: Double
        public var text: String?

        public init(kind: Segment.Kind, language: String, confidence: Double, text: String?) {
            self.kind = kind
            self.language = language
            self.confidence = confidence
            self.text = text
        }

        public init(from decoder: Decoder) throws {
            var c = try decoder.unkeyedContainer()
            kind = try c.decode(Segment.Kind.self)
            language = try c.decode(String.self)
            confidence = try c.decode(Double.self)
            text = c.isAtEnd ? nil : try c.decode(String.self)
        }

        public func encode(to encoder: Encoder) throws {
            var c = encoder.unkeyedContainer()
            try c.encode(kind)
            try c.encode(language)
            try c.encode(confidence)
            if let text { try c.encode(text) }
        }
    }

    public init(_ article: Article) {
        paragraphs = article.paragraphs.map(\.utf8.count)
        var nextParagraph = 0
        segments = article.segments.map { segment in
            let implied: String?
            switch segment.kind {
            case .title:
                implied = article.title
            case .paragraph:
                implied = nextParagraph < article.paragraphs.count ? article.paragraphs[nextParagraph] : nil
                nextParagraph += 1
            }
            return SegmentEntry(kind: segment.kind, language: segment.language, confidence: segment.confidence,
                                text: segment.text == implied ? nil : segment.text)
        }
    }

    /// The paragraphs and segments of the article whose title and text these are; nil when
    /// the lengths do not cut the text (a row changed by hand, or not written by Parallax).
    public func restore(title: String, text: String) -> (paragraphs: [String], segments: [Segment])? {
        // The text's own UTF-8 storage is cut in place; copying it into an array first cost
        // a copy of every article read.
        var text = text
        let cut: [String]? = text.withUTF8 { bytes in
            let separator = Article.paragraphSeparator.utf8
            var paragraphs: [String] = []
            paragraphs.reserveCapacity(self.paragraphs.count)
            var start = 0
            for (index, length) in self.paragraphs.enumerated() {
                if index > 0 {
                    guard start + separator.count <= bytes.count,
                          bytes[start..<start + separator.count].elementsEqual(separator) else { return nil }
                    start += separator.count
                }
                guard length >= 0, start + length <= bytes.count else { return nil }
                paragraphs.append(String(decoding: UnsafeBufferPointer(rebasing: bytes[start..<start + length]), as: UTF8.self))
                start += length
            }
            return start == bytes.count ? paragraphs : nil
        }
        guard let paragraphs = cut else { return nil }
        var nextParagraph = 0
        var segments: [Segment] = []
        segments.reserveCapacity(self.segments.count)
        for entry in self.segments {
            let implied: String?
            switch entry.kind {
            case .title:
                implied = title
            case .paragraph:
                implied = nextParagraph < paragraphs.count ? paragraphs[nextParagraph] : nil
                nextParagraph += 1
            }
            guard let text = entry.text ?? implied else { return nil }
            segments.append(Segment(kind: entry.kind, text: text, language: entry.language, confidence: entry.confidence))
        }
        return (paragraphs, segments)
    }

    /// The layout as stored: one compact line of JSON.
    public var json: String {
        // Encoding arrays of strings and numbers cannot fail.
        (try? ParallaxJSON.line(self)) ?? #"{"paragraphs":[],"segments":[]}"#
    }

    /// The layout read back from `json`, or an error naming the article.
    public static func decode(_ json: String, article id: String) throws(UnreadableArticle) -> ArticleLayout {
        do { return try JSONDecoder().decode(ArticleLayout.self, from: Data(json.utf8)) } catch {
            throw UnreadableArticle(id: id, reason: "its stored layout is not valid (\(error))")
        }
    }
}

/// A stored article row that cannot be turned back into an article.
public struct UnreadableArticle: Error, Sendable, CustomStringConvertible {
    public var id: String
    public var reason: String

    public var description: String { "stored article \(id): \(reason)" }
}

extension Article {
    /// The article as stored: its fields, with paragraphs and segments restored from `layout`.
    public init(storedID id: String, source: String, url: String?, canonicalURL: String?, title: String, text: String,
                layout: ArticleLayout, published: Date?, modified: Date?, byline: String?, site: String?,
                language: String?, image: String?) throws(UnreadableArticle) {
        guard let (paragraphs, segments) = layout.restore(title: title, text: text) else {
            throw UnreadableArticle(id: id, reason: "its stored paragraph lengths do not cut its text")
        }
        self.init(id: id, source: source, url: url, canonicalURL: canonicalURL, title: title, paragraphs: paragraphs,
                  published: published, modified: modified, byline: byline, site: site, language: language, image: image,
                  segments: segments)
    }
}
