import Foundation

/// Language tags as the other modules see them.
public enum LanguageTag {
    /// The base language of a tag, lower-cased ("pt-BR" → "pt", "sr-Cyrl" → "sr", "fil" →
    /// "fil": the whole first subtag, never its first two letters).
    public static func base(_ language: String) -> String {
        String(language.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first ?? "")
    }
}

/// Per-language word lists and mappings. The lists are data files in `Resources/`
/// (stopwords/<code>.txt, abbreviations/<code>.txt, elisions/<code>.txt); the few mappings
/// that are not word lists live here, in one place.
enum LanguageData {
    /// Snowball algorithm names (libstemmer) by ISO 639-1 code. Croatian and Bosnian share
    /// the Serbian stemmer, which covers the common standard in both scripts; Norwegian
    /// Nynorsk uses the Norwegian one.
    static let snowballNames: [String: String] = [
        "ar": "arabic", "hy": "armenian", "eu": "basque", "ca": "catalan", "da": "danish",
        "nl": "dutch", "en": "english", "et": "estonian", "fi": "finnish", "fr": "french",
        "de": "german", "el": "greek", "hi": "hindi", "hu": "hungarian", "id": "indonesian",
        "ga": "irish", "it": "italian", "lt": "lithuanian", "ne": "nepali", "nb": "norwegian",
        "nn": "norwegian", "no": "norwegian", "pt": "portuguese", "ro": "romanian",
        "ru": "russian", "sr": "serbian", "hr": "serbian", "bs": "serbian", "es": "spanish",
        "sv": "swedish", "ta": "tamil", "tr": "turkish", "yi": "yiddish",
    ]

    /// Inflected languages without a Snowball stemmer (Slavic, and Latvian): their words are
    /// stemmed by keeping the first `truncationLength` scalars, which joins most of the forms
    /// of one word ("prezydenta", "prezydentem" → "prezyd"; "zabitych", "zabity" → "zabity"),
    /// the usual light stemming of information retrieval for such languages. On the
    /// SemEval dev pairs, Polish Pearson 0.649 → 0.663 (5 scalars: 0.668, 7: 0.658); the claim
    /// benchmark and the clustering benchmarks are unchanged (BENCHMARKS.md, Session 14).
    static let truncatedLanguages: Set<String> = ["pl", "cs", "sk", "sl", "uk", "be", "bg", "mk", "lv"]
    static let truncationLength = 6

    /// Languages whose dotted and dotless i are separate letters (I → ı, İ → i).
    static let dotlessILanguages: Set<String> = ["tr", "az"]

    /// Languages that write ordinal numbers with a period ("am 5. Februar"), so a period
    /// after a number of one or two digits does not end a sentence.
    static let ordinalPeriodLanguages: Set<String> = [
        "de", "da", "nb", "nn", "no", "fi", "is", "et", "lv", "hu", "cs", "sk", "sl", "pl",
        "hr", "sr", "bs", "tr",
    ]

    /// The base language of a tag ("pt-BR" → "pt", "sr-Cyrl" → "sr").
    static func base(_ language: String) -> String { LanguageTag.base(language) }

    // MARK: - Word lists (loaded once)

    static func stopwords(_ language: String) -> Set<String> { stopwordLists[base(language)] ?? [] }

    /// Elided articles and pronouns written with an apostrophe ("l'", "dell'"): split off
    /// as their own tokens so "l'homme" matches "homme".
    static func elisions(_ language: String) -> Set<String> { elisionLists[base(language)] ?? [] }

    static func abbreviations(_ language: String) -> Abbreviations {
        let common = abbreviationLists["common"] ?? Abbreviations()
        guard let own = abbreviationLists[base(language)] else { return common }
        return Abbreviations(prenominal: own.prenominal.union(common.prenominal), other: own.other.union(common.other))
    }

    /// Abbreviations (lower case, inner periods kept, final period dropped: "u.s", "dr").
    struct Abbreviations: Sendable {
        /// Titles and the like, always followed by a name or number: never end a sentence.
        var prenominal: Set<String> = []
        /// May end a sentence ("etc.", "U.S."): a sentence ends after one only when the next
        /// word starts a sentence in this language (a capitalised stopword).
        var other: Set<String> = []
    }

    private static let stopwordLists: [String: Set<String>] = loadLists("stopwords").mapValues { Set($0.map(fold)) }
    private static let elisionLists: [String: Set<String>] = loadLists("elisions").mapValues { Set($0.map(fold)) }
    private static let abbreviationLists: [String: Abbreviations] = loadLists("abbreviations").mapValues { lines in
        var result = Abbreviations()
        var prenominal = false
        for line in lines {
            switch line {
            case "[prenominal]": prenominal = true
            case "[other]": prenominal = false
            default:
                let entry = abbreviationKey(line)
                if prenominal { result.prenominal.insert(entry) } else { result.other.insert(entry) }
            }
        }
        return result
    }

    /// "Dr." → "dr", "U.S." → "u.s", "z.B." → "z.b".
    static func abbreviationKey(_ text: String) -> String {
        var key = text.lowercased()
        while key.hasSuffix(".") { key.removeLast() }
        return key
    }

    /// Every `<folder>/<code>.txt` resource as code → lines.
    private static func loadLists(_ folder: String) -> [String: [String]] {
        guard let directory = LanguageResources.directory?.appendingPathComponent(folder),
              let files = try? FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
        else { return [:] }
        var lists: [String: [String]] = [:]
        for file in files where file.pathExtension == "txt" {
            let code = file.deletingPathExtension().lastPathComponent
            lists[code] = LanguageResources.lines("\(folder)/\(file.lastPathComponent)")
        }
        return lists
    }

    /// The `normalized` form of a word: NFKC, case-folded, diacritics kept, typographic
    /// apostrophes made plain.
    static func fold(_ text: String) -> String {
        fold(text, dotlessI: false)
    }

    static func fold(_ text: String, dotlessI: Bool) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            if dotlessI && text.utf8.contains(UInt8(ascii: "I")) { return fold(text.replacingOccurrences(of: "I", with: "ı"), dotlessI: false) }
            return text.lowercased()
        }
        var source = text
        if dotlessI { source = source.replacingOccurrences(of: "I", with: "ı").replacingOccurrences(of: "İ", with: "i") }
        var folded = source.precomposedStringWithCompatibilityMapping.folding(options: [.caseInsensitive], locale: nil)
        if folded.unicodeScalars.contains(where: { apostrophes.contains($0) }) {
            folded = String(String.UnicodeScalarView(folded.unicodeScalars.map { apostrophes.contains($0) ? "'" : $0 }))
        }
        return folded
    }

    /// Characters used as apostrophes inside words.
    static let apostrophes: Set<Unicode.Scalar> = ["'", "\u{2019}", "\u{02BC}", "\u{FF07}"]
    /// Hyphens that join the parts of a compound ("face-to-face"); dashes separate.
    static let hyphens: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}"]
    /// Separators inside numbers ("1,200.50", "1.200,50", "1 200", "1'200").
    static let numberSeparators: Set<Unicode.Scalar> = [".", ",", "'", "\u{2019}", "\u{00A0}", "\u{202F}", "\u{2009}"]
    /// Scalars that attach to the symbol before them (emoji modifiers, joiners, selectors).
    static func isSymbolExtender(_ scalar: Unicode.Scalar) -> Bool {
        switch scalar.value {
        case 0x200D, 0xFE0E, 0xFE0F, 0x1F3FB...0x1F3FF, 0xE0020...0xE007F, 0x20E3: return true
        default: return false
        }
    }
}
