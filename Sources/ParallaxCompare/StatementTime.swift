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

    /// - Parameter tokens: the tokens of the sentence the time is in (spans in the article's
    ///   frame, like `time.span`). Punctuation between the verb and the time ends the reading.
    static func tellsWhenSaid(_ time: TimeMention, tokens: [Token]) -> Bool {
        func isSaying(_ token: Token) -> Bool { token.kind == .word && CompareLexicon.sayingVerbs.contains(token.normalized) }
        // The verb right after the time ("am Mittwoch teilte …", "officials on Wednesday said").
        if let after = tokens.first(where: { $0.span.start >= time.span.end }), isSaying(after) { return true }
        // The verb before it, past a speaker's name or a listed word ("said Kim on Wednesday").
        for token in tokens.reversed().lazy.filter({ $0.span.end <= time.span.start }).prefix(gapWords + 1) {
            if isSaying(token) { return true }
            guard token.kind == .word,
                  token.text.first?.isUppercase == true || CompareLexicon.sayingGapWords.contains(token.normalized) else { return false }
        }
        return false
    }
}
