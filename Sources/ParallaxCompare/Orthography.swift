/// Spelling and typography folding, so two outlets' renderings of the same words compare
/// equal: British/American spellings, dash and quotation-mark styles, case.
enum Orthography {
    /// The American spelling of a lower-case word ("honour" → "honor", "criticised" →
    /// "criticized"); other words unchanged.
    static func americanSpelling(_ word: String) -> String {
        if let whole = CompareLexicon.spellingWords[word] { return whole }
        guard word.unicodeScalars.count >= 5, !CompareLexicon.spellingExceptions.contains(word),
              word.unicodeScalars.allSatisfy({ $0.isASCII }) else { return word }
        for (british, american) in CompareLexicon.spellingEndings where word.hasSuffix(british) {
            return String(word.dropLast(british.count)) + american
        }
        return word
    }

    /// The words of a quotation, folded for comparison: lower case, letters and digits only
    /// (dashes and quotation marks of any style drop out), American spelling.
    static func comparableWords(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        func flush() {
            guard !current.isEmpty else { return }
            words.append(americanSpelling(String(current).lowercased()))
            current = String.UnicodeScalarView()
        }
        for scalar in text.unicodeScalars {
            if scalar.properties.isAlphabetic || scalar.properties.numericType != nil {
                current.append(scalar)
            } else if scalar == "'" || scalar == "\u{2019}", !current.isEmpty {
                // Apostrophes inside a word ("didn't") are part of it, whatever their style.
                current.append("'")
            } else {
                flush()
            }
        }
        flush()
        return words.map { $0.hasSuffix("'") ? String($0.dropLast()) : $0 }
    }

    /// Character trigrams of a word padded with one space each side, hashed to integers and
    /// sorted, for Dice similarity.
    static func trigrams(_ word: String) -> [UInt64] {
        let scalars = [" "] + Array(word.unicodeScalars) + [" "]
        guard scalars.count >= 3 else { return [] }
        var grams: Set<UInt64> = []
        for i in 0...(scalars.count - 3) {
            grams.insert(UInt64(scalars[i].value) << 42 | UInt64(scalars[i + 1].value) << 21 | UInt64(scalars[i + 2].value))
        }
        return grams.sorted()
    }

    /// Dice coefficient of two sorted, duplicate-free trigram lists.
    static func dice(_ a: [UInt64], _ b: [UInt64]) -> Double {
        guard !a.isEmpty, !b.isEmpty else { return 0 }
        var i = 0, j = 0, shared = 0
        while i < a.count, j < b.count {
            if a[i] == b[j] { shared += 1; i += 1; j += 1 } else if a[i] < b[j] { i += 1 } else { j += 1 }
        }
        return 2 * Double(shared) / Double(a.count + b.count)
    }
}
