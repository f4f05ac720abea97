import Foundation
import ParallaxCore

/// The JSON Lines record of `parallax extract`: the article's fields and the page's kind.
///
/// `Encodable` gives the record as `ParallaxJSON` writes it; `appendJSONLine(to:)` writes the
/// very same bytes by hand, because on a batch of pages JSONEncoder (its boxing, its
/// dictionary of keys, its sort) costs as much CPU as a tenth of the extraction.
extension ExtractedPage: Encodable {
    private enum CodingKeys: String, CodingKey { case pageKind = "page_kind" }

    public func encode(to encoder: any Encoder) throws {
        try article.encode(to: encoder)
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(kind, forKey: .pageKind)
    }

    /// Appends the record as one compact line of JSON and a newline: keys sorted by their
    /// UTF-8 bytes, every key written (`null` when unknown), slashes not escaped, dates in
    /// ISO 8601 to the second (UTC), numbers as JSONEncoder writes them.
    public func appendJSONLine(to json: inout JSONLineWriter) {
        // The keys of Article.encode(to:) and page_kind, in the order a sorted-keys encoder writes them.
        json.beginObject()
        json.key("byline"); json.string(article.byline)
        json.key("canonicalURL"); json.string(article.canonicalURL)
        json.key("id"); json.string(article.id)
        json.key("image"); json.string(article.image)
        json.key("language"); json.string(article.language)
        json.key("modified"); json.date(article.modified)
        json.key("page_kind"); json.string(kind.rawValue)
        json.key("paragraphs"); json.strings(article.paragraphs)
        json.key("published"); json.date(article.published)
        json.key("segments"); json.segments(article.segments)
        json.key("site"); json.string(article.site)
        json.key("source"); json.string(article.source)
        json.key("text"); json.string(article.text)
        json.key("title"); json.string(article.title)
        json.key("url"); json.string(article.url)
        json.endObject()
        json.newline()
    }
}

/// Writes JSON values into a byte buffer, formatted the way JSONEncoder formats them; one
/// writer serves a whole run, its buffer emptied (capacity kept) after each line is printed.
public struct JSONLineWriter {
    /// What has been written since the last `removeAll()`.
    public private(set) var out: [UInt8] = []
    /// Whether the next key of the open object follows another member.
    private var followsMember = false

    public init() {}

    public mutating func removeAll() { out.removeAll(keepingCapacity: true) }

    mutating func beginObject() {
        out.append(UInt8(ascii: "{"))
        followsMember = false
    }

    mutating func endObject() {
        out.append(UInt8(ascii: "}"))
        followsMember = true
    }

    mutating func newline() { out.append(UInt8(ascii: "\n")) }

    mutating func key(_ name: StaticString) {
        if followsMember { out.append(UInt8(ascii: ",")) }
        followsMember = true
        out.append(UInt8(ascii: "\""))
        name.withUTF8Buffer { out.append(contentsOf: $0) }
        out.append(UInt8(ascii: "\""))
        out.append(UInt8(ascii: ":"))
    }

    mutating func string(_ value: String?) {
        guard var value else { return null() }
        out.append(UInt8(ascii: "\""))
        value.withUTF8 { bytes in
            var start = 0
            for index in bytes.indices {
                let byte = bytes[index]
                // Only the quote, the backslash and the C0 controls are escaped; every other
                // byte (slashes, U+2028, DEL, all of UTF-8) is copied as it is.
                guard byte < 0x20 || byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "\\") else { continue }
                out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start..<index]))
                start = index + 1
                out.append(UInt8(ascii: "\\"))
                switch byte {
                case UInt8(ascii: "\""), UInt8(ascii: "\\"): out.append(byte)
                case 0x08: out.append(UInt8(ascii: "b"))
                case 0x0C: out.append(UInt8(ascii: "f"))
                case 0x0A: out.append(UInt8(ascii: "n"))
                case 0x0D: out.append(UInt8(ascii: "r"))
                case 0x09: out.append(UInt8(ascii: "t"))
                default:
                    out.append(contentsOf: [UInt8(ascii: "u"), UInt8(ascii: "0"), UInt8(ascii: "0")])
                    out.append(Self.hexDigits[Int(byte >> 4)])
                    out.append(Self.hexDigits[Int(byte & 0x0F)])
                }
            }
            out.append(contentsOf: UnsafeBufferPointer(rebasing: bytes[start...]))
        }
        out.append(UInt8(ascii: "\""))
    }

    mutating func strings(_ values: [String]) {
        out.append(UInt8(ascii: "["))
        for (index, value) in values.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            string(value)
        }
        out.append(UInt8(ascii: "]"))
    }

    /// A number as JSONEncoder writes a Double: its shortest round-trip description
    /// without a trailing ".0" (1 not 1.0, but 0.1, 1e-05 and 1e+16 as they are).
    mutating func number(_ value: Double) {
        var text = value.description
        if text.hasSuffix(".0") { text.removeLast(2) }
        out.append(contentsOf: text.utf8)
    }

    /// ISO 8601 in UTC to the whole second, rounded down, as JSONEncoder's `.iso8601` does.
    mutating func date(_ value: Date?) {
        guard let value else { return null() }
        let seconds = Int(value.timeIntervalSince1970.rounded(.down))
        let (days, secondOfDay) = seconds.quotientAndRemainder(dividingBy: 86_400)
        let day = secondOfDay < 0 ? days - 1 : days
        let second = secondOfDay < 0 ? secondOfDay + 86_400 : secondOfDay
        let civil = CalendarDay(ordinal: day)
        let (year, month, dayOfMonth) = (civil.year, civil.month, civil.day)
        out.append(UInt8(ascii: "\""))
        digits(year, 4); out.append(UInt8(ascii: "-"))
        digits(month, 2); out.append(UInt8(ascii: "-"))
        digits(dayOfMonth, 2); out.append(UInt8(ascii: "T"))
        digits(second / 3600, 2); out.append(UInt8(ascii: ":"))
        digits(second / 60 % 60, 2); out.append(UInt8(ascii: ":"))
        digits(second % 60, 2); out.append(UInt8(ascii: "Z"))
        out.append(UInt8(ascii: "\""))
    }

    mutating func segments(_ segments: [Segment]) {
        out.append(UInt8(ascii: "["))
        for (index, segment) in segments.enumerated() {
            if index > 0 { out.append(UInt8(ascii: ",")) }
            beginObject()
            key("confidence"); number(segment.confidence)
            key("kind"); string(segment.kind.rawValue)
            key("language"); string(segment.language)
            key("text"); string(segment.text)
            endObject()
        }
        out.append(UInt8(ascii: "]"))
    }

    private mutating func null() {
        out.append(contentsOf: [UInt8(ascii: "n"), UInt8(ascii: "u"), UInt8(ascii: "l"), UInt8(ascii: "l")])
    }

    private mutating func digits(_ value: Int, _ width: Int) {
        var divisor = 1
        for _ in 1..<width { divisor *= 10 }
        var rest = value
        while divisor > 0 {
            out.append(UInt8(ascii: "0") + UInt8(rest / divisor % 10))
            rest %= divisor
            divisor /= 10
        }
    }

    private static let hexDigits = Array("0123456789abcdef".utf8)
}
