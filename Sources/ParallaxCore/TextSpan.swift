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

    /// The substring covered by a scalar-offset span (clamped to the string).
    public func substring(_ span: TextSpan) -> String {
        let scalars = unicodeScalars
        let count = scalars.count
        let lower = scalars.index(scalars.startIndex, offsetBy: max(0, min(span.start, count)))
        let upper = scalars.index(lower, offsetBy: max(0, min(span.end, count) - max(0, min(span.start, count))))
        return String(scalars[lower..<upper])
    }
}
