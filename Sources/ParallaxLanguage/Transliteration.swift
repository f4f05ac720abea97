import Foundation

/// Folding words of any script towards plain lowercase Latin, so names and cognates can be
/// matched across languages ("Горбачёв" ~ "Gorbachev", "Zürich" ~ "Zurich").
///
/// Diacritics are stripped by canonical decomposition (combining marks dropped); Cyrillic
/// and Greek letters are mapped through the tables below (a simple scholarly-style
/// romanisation: close enough for character n-grams to overlap, not a standard).
public enum LatinFolding {
    /// Lowercase Cyrillic letter → Latin letters.
    static let cyrillic: [Character: String] = [
        "а": "a", "б": "b", "в": "v", "г": "g", "ґ": "g", "д": "d", "ђ": "dj", "е": "e", "ё": "e", "є": "ye",
        "ж": "zh", "з": "z", "ѕ": "dz", "и": "i", "і": "i", "ї": "yi", "й": "y", "ј": "j", "к": "k", "л": "l",
        "љ": "lj", "м": "m", "н": "n", "њ": "nj", "о": "o", "п": "p", "р": "r", "с": "s", "т": "t", "ћ": "c",
        "у": "u", "ў": "u", "ф": "f", "х": "kh", "ц": "ts", "ч": "ch", "џ": "dz", "ш": "sh", "щ": "shch",
        "ъ": "", "ы": "y", "ь": "", "э": "e", "ю": "yu", "я": "ya", "ә": "a", "ғ": "g", "қ": "k", "ң": "n",
        "ө": "o", "ұ": "u", "ү": "u", "һ": "h",
    ]

    /// Lowercase Greek letter (without tonos; decomposition removes it first) → Latin letters.
    static let greek: [Character: String] = [
        "α": "a", "β": "v", "γ": "g", "δ": "d", "ε": "e", "ζ": "z", "η": "i", "θ": "th", "ι": "i", "κ": "k",
        "λ": "l", "μ": "m", "ν": "n", "ξ": "x", "ο": "o", "π": "p", "ρ": "r", "σ": "s", "ς": "s", "τ": "t",
        "υ": "y", "φ": "f", "χ": "ch", "ψ": "ps", "ω": "o",
    ]

    /// Latin letters that do not decompose into a base letter and a mark.
    static let latinSpecial: [Character: String] = [
        "ß": "ss", "æ": "ae", "ø": "o", "œ": "oe", "ł": "l", "đ": "d", "ð": "d", "þ": "th", "ı": "i",
    ]

    /// `word` lowercased, without diacritics, Cyrillic and Greek romanised by the tables
    /// above; letters of other alphabets and syllabaries (Arabic, Georgian, Devanagari,
    /// Hangul, Thai…) romanised by ICU's Any-Latin transform. Han characters are kept as
    /// they are: their readings differ by language and spell foreign names by sound, so
    /// they are compared as characters. ICU is slow (a few hundred µs a word), but the
    /// extractor folds each distinct word once (its caches), so a stream pays it per new word.
    public static func fold(_ word: String) -> String {
        // ICU first: the vowel signs of Indic scripts are combining marks, which the
        // folding drops.
        guard word.unicodeScalars.contains(where: needsTransform),
              let latin = word.applyingTransform(.toLatin, reverse: false) else { return foldWithTables(word) }
        return foldWithTables(latin)
    }

    /// A letter that the tables leave as it is and ICU can romanise: beyond the Latin,
    /// Greek and Cyrillic blocks (their extended blocks decompose or map already), not Han.
    private static func needsTransform(_ scalar: Unicode.Scalar) -> Bool {
        let v = scalar.value
        guard v >= 0x0530, scalar.properties.isAlphabetic else { return false }
        return !hanRanges.contains { $0.contains(v) } && !(0x1E00...0x1FFF).contains(v)
    }

    /// Code points of Han ideographs (unified, extensions, compatibility).
    private static let hanRanges: [ClosedRange<UInt32>] = [
        0x2E80...0x2FDF, 0x3005...0x3007, 0x3400...0x4DBF, 0x4E00...0x9FFF, 0xF900...0xFAFF, 0x20000...0x3FFFF,
    ]

    /// Lowercasing, decomposition without marks, and the tables.
    private static func foldWithTables(_ word: String) -> String {
        // Most words of most news are plain ASCII: lowercasing is all they need.
        if word.utf8.allSatisfy({ $0 < 0x80 }) {
            return word.utf8.contains(where: { $0 >= 0x41 && $0 <= 0x5A }) ? word.lowercased() : word
        }
        var out = ""
        out.unicodeScalars.reserveCapacity(word.unicodeScalars.count)
        // NFD first so "ё" → "е" + mark and "é" → "e" + mark; marks are then dropped.
        for scalar in word.lowercased().decomposedStringWithCanonicalMapping.unicodeScalars {
            if scalar.properties.generalCategory == .nonspacingMark { continue }
            if scalar.value < 0x80 { out.unicodeScalars.append(scalar); continue }
            let character = Character(scalar)
            if let mapped = cyrillic[character] ?? greek[character] ?? latinSpecial[character] {
                out += mapped
            } else {
                out.unicodeScalars.append(scalar)
            }
        }
        return out
    }
}
