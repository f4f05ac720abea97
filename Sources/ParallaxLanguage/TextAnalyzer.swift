import CStemmer
import Foundation
import ParallaxCore

/// Turns text into tokens for one language: words, numbers and symbols with their
/// case-folded form, stem and stopword flag.
///
/// Words keep inner apostrophes ("don't", "Trump’s") and hyphens ("face-to-face"); elided
/// articles split off where the language elides ("l’" + "homme"); initialisms stay whole
/// ("U.S."); numbers keep their separators ("1,200.50", "1.200,50"). Text in scripts written
/// without spaces (Chinese, Japanese, Thai …) becomes overlapping character bigrams, the
/// usual unit for matching such text without a dictionary. Every other non-space character
/// is a symbol token.
public struct TextAnalyzer: Sendable {
    public let language: String
    private let stopwords: Set<String>
    private let elisions: Set<String>
    private let dotlessI: Bool

    public init(language: String) {
        self.language = language
        stopwords = LanguageData.stopwords(language)
        elisions = LanguageData.elisions(language)
        dotlessI = LanguageData.dotlessILanguages.contains(LanguageData.base(language))
    }

    /// Whether the language has a stemmer (otherwise `stem` equals `normalized`).
    public var hasStemmer: Bool { LanguageData.snowballNames[LanguageData.base(language)] != nil }

    /// Whether the word (in any case) is a stopword of the language.
    public func isStopword(_ word: String) -> Bool { stopwords.contains(LanguageData.fold(word, dotlessI: dotlessI)) }

    /// Tokens of `text`; spans are scalar offsets into `text` plus `baseOffset`.
    public func tokens(in text: String, baseOffset: Int = 0) -> [Token] {
        let scalars = Array(text.unicodeScalars)
        let stemmer = Stemmer(language: language)
        var tokens: [Token] = []
        func emit(_ start: Int, _ end: Int, _ kind: Token.Kind, unspaced: Bool = false) {
            var view = String.UnicodeScalarView()
            view.append(contentsOf: scalars[start..<end])
            let surface = String(view)
            let span = TextSpan(start: baseOffset + start, end: baseOffset + end)
            switch kind {
            case .word:
                let normalized = LanguageData.fold(surface, dotlessI: dotlessI)
                let stem = unspaced ? normalized : (stemmer?.stem(normalized) ?? normalized)
                tokens.append(Token(text: surface, normalized: normalized, stem: stem, span: span, kind: .word,
                                    isStopword: !unspaced && stopwords.contains(normalized)))
            case .number, .symbol:
                let normalized = surface.utf8.allSatisfy { $0 < 0x80 } ? surface : surface.precomposedStringWithCompatibilityMapping
                tokens.append(Token(text: surface, normalized: normalized, stem: normalized, span: span, kind: kind, isStopword: false))
            }
        }

        var i = 0
        let n = scalars.count
        while i < n {
            let scalar = scalars[i]
            let kind = Self.classify(scalar)
            switch kind {
            case .space:
                i += 1
            case .unspacedLetter:
                var end = i
                while end < n, Self.classify(scalars[end]) == .unspacedLetter { end += 1 }
                if end - i == 1 {
                    emit(i, end, .word, unspaced: true)
                } else {
                    for start in i..<(end - 1) { emit(start, start + 2, .word, unspaced: true) }
                }
                i = end
            case .digit:
                let end = scanNumber(scalars, from: i)
                if end < n, Self.classify(scalars[end]) == .letter {
                    // "20th", "5G", "G7"-like: one word.
                    let wordEnd = scanWord(scalars, from: end, tokenStart: i)
                    emit(i, wordEnd, .word)
                    i = wordEnd
                } else {
                    emit(i, end, .number)
                    i = end
                }
            case .letter:
                if let initialismEnd = scanInitialism(scalars, from: i) {
                    emit(i, initialismEnd, .word)
                    i = initialismEnd
                    continue
                }
                let end = scanWord(scalars, from: i, tokenStart: i)
                emit(i, end, .word)
                i = end
            case .other:
                var end = i + 1
                // Modifiers and selectors attach to the symbol; a joiner also takes the next one.
                while end < n, LanguageData.isSymbolExtender(scalars[end]) {
                    end += scalars[end] == "\u{200D}" && end + 1 < n ? 2 : 1
                }
                emit(i, end, .symbol)
                i = end
            }
        }
        return tokens
    }

    private enum ScalarClass { case letter, unspacedLetter, digit, space, other }

    private static func classify(_ scalar: Unicode.Scalar) -> ScalarClass {
        let value = scalar.value
        if value < 0x80 {
            switch value {
            case 0x30...0x39: return .digit
            case 0x41...0x5A, 0x61...0x7A: return .letter
            case 0x09...0x0D, 0x20: return .space
            default: return .other
            }
        }
        let script = CharacterTable.script(value)
        if script != .none { return script.isWrittenWithoutSpaces ? .unspacedLetter : .letter }
        let properties = scalar.properties
        if properties.numericType == .decimal { return .digit }
        if properties.isWhitespace || value == 0x200B { return .space }
        return .other
    }

    /// End of a number that starts at `start`: digits, with single separators between digits.
    private func scanNumber(_ scalars: [Unicode.Scalar], from start: Int) -> Int {
        var end = start
        let n = scalars.count
        while end < n {
            if Self.classify(scalars[end]) == .digit { end += 1; continue }
            if LanguageData.numberSeparators.contains(scalars[end]), end + 1 < n, Self.classify(scalars[end + 1]) == .digit, end > start {
                end += 2
                continue
            }
            break
        }
        return end
    }

    /// End of a word: letters, marks and digits, joined across inner apostrophes and hyphens.
    /// An elided article ("l’", "dell’") ends its own token at the apostrophe.
    private func scanWord(_ scalars: [Unicode.Scalar], from start: Int, tokenStart: Int) -> Int {
        var end = start
        let n = scalars.count
        while end < n {
            let kind = Self.classify(scalars[end])
            if kind == .letter || kind == .digit { end += 1; continue }
            guard end + 1 < n else { break }
            let next = Self.classify(scalars[end + 1])
            if LanguageData.apostrophes.contains(scalars[end]), next == .letter {
                if !elisions.isEmpty {
                    var view = String.UnicodeScalarView()
                    view.append(contentsOf: scalars[tokenStart...end])
                    if elisions.contains(LanguageData.fold(String(view))) { return end + 1 }
                }
                end += 2
                continue
            }
            if LanguageData.hyphens.contains(scalars[end]), next == .letter || next == .digit {
                end += 2
                continue
            }
            break
        }
        return end
    }

    /// "U.S.", "e.g.", "U.S.A.": single letters each followed by a period, at least two.
    private func scanInitialism(_ scalars: [Unicode.Scalar], from start: Int) -> Int? {
        var end = start
        var letters = 0
        let n = scalars.count
        while end + 1 < n, Self.classify(scalars[end]) == .letter, scalars[end + 1] == "." {
            // The letter must stand alone (not the end of a longer word).
            if end > start, Self.classify(scalars[end - 1]) == .letter { break }
            letters += 1
            end += 2
        }
        if letters >= 2, end >= n || Self.classify(scalars[end]) != .letter { return end }
        return nil
    }
}

/// One libstemmer instance. Snowball stemmers keep state between calls, so an instance is
/// made per `tokens(in:)` call and never shared between threads.
final class Stemmer {
    private let stemmer: OpaquePointer

    init?(language: String) {
        guard let name = LanguageData.snowballNames[LanguageData.base(language)],
              let stemmer = sb_stemmer_new(name, "UTF_8") else { return nil }
        self.stemmer = stemmer
    }

    deinit { sb_stemmer_delete(stemmer) }

    func stem(_ word: String) -> String {
        var utf8 = word
        return utf8.withUTF8 { bytes -> String in
            guard let base = bytes.baseAddress, bytes.count > 0,
                  let result = sb_stemmer_stem(stemmer, base, Int32(bytes.count)) else { return word }
            let length = Int(sb_stemmer_length(stemmer))
            return String(decoding: UnsafeBufferPointer(start: result, count: length), as: UTF8.self)
        }
    }
}
