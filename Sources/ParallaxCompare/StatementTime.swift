import ParallaxCore

/// Whether a time tells when a source spoke rather than when the fact it reports happened.
///
/// "Demonstrators have withdrawn, officials said on Wednesday" and "On Tuesday, militia
/// members stormed the embassy" name two days, yet no source contradicts another: the
/// Wednesday is the day of the statement. A time right next to a verb of saying
/// (`CompareLexicon.sayingVerbs`) is such a time; only another statement's time is its slot.
enum StatementTime {
    /// Words a gap of capitalised or listed words may hold between a verb and its time.
    static let gapWords = 4

    /// - Parameters:
    ///   - text: the sentence the time is in; `textStart` is its offset in the article, the
    ///     frame of `time.span`.
    static func tellsWhenSaid(_ time: TimeMention, text: String, textStart: Int) -> Bool {
        let scalars = Array(text.unicodeScalars)
        let start = time.span.start - textStart, end = time.span.end - textStart
        guard start >= 0, end <= scalars.count, start <= end else { return false }
        // The verb right after the time ("am Mittwoch teilte …", "officials on Wednesday said").
        if let after = word(in: scalars, from: end, forward: true), CompareLexicon.sayingVerbs.contains(after.lowercased()) {
            return true
        }
        // The verb before it, past a speaker's name or a listed word ("said Kim on Wednesday").
        var position = start
        for _ in 0...gapWords {
            guard let before = word(in: scalars, from: position, forward: false) else { return false }
            let lower = before.lowercased()
            if CompareLexicon.sayingVerbs.contains(lower) { return true }
            guard before.unicodeScalars.first?.properties.isUppercase == true || CompareLexicon.sayingGapWords.contains(lower)
            else { return false }
            position = startOfWord(in: scalars, before: position)
        }
        return false
    }

    /// The word next to offset `from` across spaces only (no punctuation between), if any.
    private static func word(in scalars: [Unicode.Scalar], from: Int, forward: Bool) -> String? {
        var i = from
        if forward {
            while i < scalars.count, scalars[i].properties.isWhitespace { i += 1 }
            let first = i
            while i < scalars.count, isWordScalar(scalars[i]) { i += 1 }
            return i > first ? String(String.UnicodeScalarView(scalars[first..<i])) : nil
        }
        while i > 0, scalars[i - 1].properties.isWhitespace { i -= 1 }
        let last = i
        while i > 0, isWordScalar(scalars[i - 1]) { i -= 1 }
        return i < last ? String(String.UnicodeScalarView(scalars[i..<last])) : nil
    }

    /// Offset of the first scalar of the word before `from`.
    private static func startOfWord(in scalars: [Unicode.Scalar], before from: Int) -> Int {
        var i = from
        while i > 0, scalars[i - 1].properties.isWhitespace { i -= 1 }
        while i > 0, isWordScalar(scalars[i - 1]) { i -= 1 }
        return i
    }

    private static func isWordScalar(_ scalar: Unicode.Scalar) -> Bool {
        scalar.properties.isAlphabetic || ("0"..."9").contains(scalar) || scalar == "-" || scalar == "'"
    }
}
