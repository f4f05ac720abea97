/// A half-open range of Unicode scalar offsets into an article's `text`.
public struct TextSpan: Sendable, Hashable, Codable, Comparable {
    public var start: Int
    public var end: Int

    public init(start: Int, end: Int) {
        self.start = start
        self.end = end
    }

    public var length: Int { end - start }

    public func contains(_ other: TextSpan) -> Bool { start <= other.start && other.end <= end }
    public func overlaps(_ other: TextSpan) -> Bool { start < other.end && other.start < end }

    public static func < (lhs: TextSpan, rhs: TextSpan) -> Bool {
        lhs.start != rhs.start ? lhs.start < rhs.start : lhs.end < rhs.end
    }
}

extension String {
    /// Unicode scalar offset of `index` from the start of the string.
    public func scalarOffset(of index: String.Index) -> Int {
        unicodeScalars.distance(from: unicodeScalars.startIndex, to: index)
    }

    /// The substring covered by a scalar-offset span (clamped to the string). Walks the
    /// text up to the span's end only; for many spans of one text use `substrings(_:)`.
    public func substring(_ span: TextSpan) -> String {
        let scalars = unicodeScalars
        let start = max(0, span.start)
        guard let lower = scalars.index(scalars.startIndex, offsetBy: start, limitedBy: scalars.endIndex) else { return "" }
        let upper = scalars.index(lower, offsetBy: max(0, span.end - start), limitedBy: scalars.endIndex) ?? scalars.endIndex
        return String(scalars[lower..<upper])
    }

    /// The substrings covered by many spans (in any order, clamped to the string), in one
    /// walk over the text: a String has no random access by scalar offset, so slicing
    /// every sentence of a long article separately costs time quadratic in its length.
    public func substrings(_ spans: [TextSpan]) -> [String] {
        let scalars = unicodeScalars
        var result = [String](repeating: "", count: spans.count)
        var cursor = scalars.startIndex, cursorOffset = 0
        for i in spans.indices.sorted(by: { spans[$0].start < spans[$1].start }) {
            let start = max(0, spans[i].start)
            guard let lower = scalars.index(cursor, offsetBy: start - cursorOffset, limitedBy: scalars.endIndex) else { break }
            cursor = lower
            cursorOffset = start
            let upper = scalars.index(lower, offsetBy: max(0, spans[i].end - start), limitedBy: scalars.endIndex) ?? scalars.endIndex
            result[i] = String(scalars[lower..<upper])
        }
        return result
    }
}
