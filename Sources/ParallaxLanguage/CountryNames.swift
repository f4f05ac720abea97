import Foundation
import Synchronization

/// Country names in the languages and scripts of world news ("乌克兰", "우크라이나에서",
/// "Украины", "Ucrania" → *ukraine*): what two reports in different scripts still share when
/// neither a name written in Latin letters nor a number links them.
///
/// The names come from Unicode CLDR through ICU (`Resources/country-names.tsv`, written by
/// `make country-names`; the script is `scripts/country-names.swift`), plus a few that news
/// uses and CLDR does not give (`Resources/country-names-extra.tsv`, written by the project).
/// The key of a country is its English name as the alias table spells it ("united states").
///
/// How a name is found depends on its script, since scripts mark words differently:
/// - Chinese, Japanese, Thai, Lao, Khmer and Burmese leave no space between words: a name
///   matches anywhere ("俄罗斯总统" holds 俄罗斯).
/// - Korean joins particles to the word: a name matches at a word's start, alone or with one
///   of `koreanEndings` after it ("우크라이나에서", "러시아군"), not inside a longer word
///   ("인도주의" is not India).
/// - Elsewhere a name matches at a word's start, and where languages inflect names its last
///   letter may change and a short ending follow ("Украина" → "Украины", "Ukrainassa",
///   "Russian"); Arabic-script words may also open with a one-letter clitic ("وروسيا").
///   Short Latin names ("Iran", "Mali") match only whole, or they would match other words.
/// Of several names that start at one place, the longest wins ("Nigeria" before "Niger").
public struct CountryNames: Sendable {
    /// The names shipped with Parallax.
    public static let shared = CountryNames(generated: ConceptLexicon.tableLines("country-names.tsv"),
                                            extra: ConceptLexicon.tableLines("country-names-extra.tsv"))

    /// Country keys, by region number.
    public let keys: [String]
    /// Key → English name.
    private let displayNames: [String: String]
    /// The names per language.
    private let table: Table

    /// Languages without a column of their own that read another's names: varieties of
    /// Chinese, Mingrelian (Georgian script), Mazanderani (Persian), Bhojpuri (Hindi),
    /// Minangkabau and Banjar (Indonesian), Scots, Arpitan, Belarusian in the classical
    /// spelling, Serbo-Croatian, and Norwegian's macro code.
    static let borrowedColumns: [String: String] = [
        "wuu": "zh", "yue": "zh", "zh-yue": "zh", "zh-classical": "zh", "lzh": "zh", "xmf": "ka", "mzn": "fa",
        "bh": "hi", "min": "id", "bjn": "id", "sco": "en", "frp": "fr", "be-tarask": "be", "sh": "sr", "no": "nb",
    ]

    /// Particles and the few suffixes a Korean country name takes (of, in, from, army, side,
    /// people, made in…), and the longest of them in syllables.
    static let koreanEndings: Set<String> = [
        "은", "는", "이", "가", "을", "를", "의", "에", "에서", "에게", "과", "와", "로", "으로", "도", "만", "까지", "부터",
        "에서의", "과의", "와의", "으로의", "로의", "에는", "에도", "에서는", "에서도", "이다", "이며", "이나",
        "군", "측", "인", "산", "계", "령", "군의", "측의", "인의", "군은", "군이", "군을", "측은", "측이",
    ]
    static let longestKoreanEnding = koreanEndings.map(\.unicodeScalars.count).max() ?? 0
    /// Letters that may follow a name's stem in an inflecting language: Latin script, others.
    static let latinSuffix = 4
    static let otherSuffix = 5
    /// Shortest names that may inflect: in Latin letters, in other scripts.
    static let latinInflecting = 5
    static let otherInflecting = 4
    /// Shortest names matched at all (in scalars): Latin, other spaced scripts, unspaced.
    static let latinShortest = 4
    static let otherShortest = 3
    static let unspacedShortest = 2
    /// One-letter clitics that open Arabic-script words: and, so, with, for, like.
    static let arabicClitics: Set<Unicode.Scalar> = ["و", "ف", "ب", "ل", "ك"]

    struct Name: Sendable {
        var scalars: [Unicode.Scalar]
        var region: Int32
        var matching: Matching
    }

    enum Matching: Sendable {
        case anywhere
        /// A whole word.
        case whole
        /// At a word's start, alone or followed by one of `koreanEndings`.
        case koreanWord
        /// At a word's start; the last scalar may differ or be missing, and at most this many
        /// letters follow the rest.
        case inflected(suffix: Int)
    }

    /// `generated`: the header (`region`, `key`, then language columns) and a line per
    /// region, names separated by `|`. `extra`: lines of region, column and names. Only the
    /// keys are read here; a language's names are indexed when it is first asked for (a
    /// process reads a few of the 80 languages, and indexing all of them takes longer than
    /// comparing two articles).
    public init(generated: [String], extra: [String]) {
        guard let header = generated.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init),
              header.count > 2, header[0] == "region" else {
            keys = []
            displayNames = [:]
            table = Table(columns: [:], extra: [:])
            return
        }
        var keys: [String] = []
        var displayNames: [String: String] = [:]
        let english = header.firstIndex(of: "en")
        var regionNumbers: [String: Int32] = [:]
        var cells: [String: [Substring]] = [:]
        for line in generated.dropFirst() {
            let row = line.split(separator: "\t", omittingEmptySubsequences: false)
            guard row.count == header.count else { continue }
            let key = String(row[1])
            regionNumbers[String(row[0])] = Int32(keys.count)
            keys.append(key)
            // CLDR's English name, unless the key was set apart from it ("china" for "China
            // mainland"): then the key in capitals.
            if let cldr = english.flatMap({ Self.names(in: String(row[$0])).last }), cldr.lowercased() == key {
                displayNames[key] = cldr
            } else {
                displayNames[key] = key.split(separator: " ").map { $0.prefix(1).uppercased() + $0.dropFirst() }.joined(separator: " ")
            }
            for (column, cell) in zip(header.dropFirst(2), row.dropFirst(2)) { cells[column, default: []].append(cell) }
        }
        var added: [String: [(name: String, region: Int32)]] = [:]
        for line in extra {
            let row = line.split(separator: "\t").map(String.init)
            guard row.count == 3, let number = regionNumbers[row[0]] else { continue }
            for name in row[2].split(separator: "|") { added[row[1], default: []].append((String(name), number)) }
        }
        self.keys = keys
        self.displayNames = displayNames
        table = Table(columns: cells, extra: added)
    }

    /// The raw cells of each language column, and each language's index once built.
    private final class Table: Sendable {
        /// Column → one cell per region, in region order.
        let columns: [String: [Substring]]
        let extra: [String: [(name: String, region: Int32)]]
        let built = Mutex<[String: Column]>([:])
        /// The column each language code reads (as asked, so a lookup needs no folding of
        /// the code), once resolved; nil for a language without names.
        let byLanguage = Mutex<[String: Column?]>([:])

        init(columns: [String: [Substring]], extra: [String: [(name: String, region: Int32)]]) {
            self.columns = columns
            self.extra = extra
        }

        /// The index of a column, built on first use; nil for a column that does not exist.
        func column(_ name: String) -> Column? {
            if let column = built.withLock({ $0[name] }) { return column }
            guard columns[name] != nil || extra[name] != nil else { return nil }
            var forms: [(String, Int32, trusted: Bool)] = []
            for (region, cell) in (columns[name] ?? []).enumerated() {
                for form in CountryNames.names(in: String(cell)) { forms.append((form, Int32(region), false)) }
            }
            for (form, region) in extra[name] ?? [] { forms.append((form, region, true)) }
            let column = Column(forms)
            built.withLock { $0[name] = column }
            return column
        }
    }

    /// One language's names by their first two scalars (longest first), and the script most
    /// of them are written in.
    struct Column: Sendable {
        var byOpening: [UInt64: [Name]] = [:]
        var script: Script?

        init(_ forms: [(String, Int32, trusted: Bool)]) {
            var tally: [Script: Int] = [:]
            for (form, _, _) in forms { if let first = form.unicodeScalars.first { tally[Script.blockScript(of: first.value), default: 0] += 1 } }
            script = tally.max { $0.value != $1.value ? $0.value < $1.value : $0.key.rawValue > $1.key.rawValue }?.key
            var seen: Set<[Unicode.Scalar]> = []
            for (form, region, trusted) in forms {
                let scalars = CountryNames.normalized(form)
                var variants = [scalars]
                // Arabic "for the": ل + الصين is written للصين.
                if scalars.starts(with: ["ا", "ل"]) { variants.append(["ل"] + scalars.dropFirst()) }
                for variant in variants where !seen.contains(variant) {
                    guard let matching = CountryNames.matching(variant, trusted: trusted) else { continue }
                    seen.insert(variant)
                    byOpening[CountryNames.opening(variant[0], variant[1]), default: []]
                        .append(Name(scalars: variant, region: region, matching: matching))
                }
            }
            byOpening = byOpening.mapValues { $0.sorted { $0.scalars.count > $1.scalars.count } }
        }
    }

    /// Every name of every country in one language's column (CLDR's and the hand-written
    /// ones), as written; empty for a language without names.
    public func names(language: String) -> [String] {
        table.columns[language, default: []].flatMap { Self.names(in: String($0)) } + table.extra[language, default: []].map(\.name)
    }

    /// The script a language writes country names in (most of them, for a language written
    /// in two), or nil for a language without names.
    public func script(of language: String) -> Script? { column(for: language)?.script }

    /// One country named in a text: its key and where the name stands, in Unicode scalars
    /// (with the ending an inflected name carries: "Украины" whole).
    public struct Match: Sendable, Hashable {
        public var key: String
        public var start: Int
        public var end: Int
    }

    /// The key of every country named in `text`, once per mention, in text order. Empty for
    /// a language without names.
    public func mentions(in text: String, language: String) -> [String] {
        matches(in: text, language: language).map(\.key)
    }

    /// The English name of a country to show ("Ukraine", "China"), by its key.
    public func displayName(of key: String) -> String? { displayNames[key] }

    /// Every country named in `text`, in text order.
    public func matches(in text: String, language: String) -> [Match] {
        guard let names = column(for: language)?.byOpening else { return [] }
        // One normalised scalar per scalar of the text, so positions are the text's.
        let t = Self.normalized(text)
        var found: [Match] = []
        var i = 0
        var previousIsLetter = false
        while i < t.count - 1 {
            let isLetter = Self.isLetter(t[i])
            defer { previousIsLetter = isLetter }
            let wordStart = isLetter && !previousIsLetter
            // Names start at a word's start, except in scripts without spaces: elsewhere no lookup.
            guard wordStart || (isLetter && Self.isUnspaced(t[i])) else {
                i += 1
                continue
            }
            var end: Int?
            search: for start in [i, i + 1] where start < t.count - 1 {
                if start > i, !(Self.arabicClitics.contains(t[i]) && Self.isLetter(t[start])) { break }
                for name in names[Self.opening(t[start], t[start + 1])] ?? [] {
                    if let e = Self.match(name, in: t, at: start, wordStart: wordStart) {
                        found.append(Match(key: keys[Int(name.region)], start: start, end: e))
                        end = e
                        break search
                    }
                }
            }
            if let end {
                // The match ends at a letter's end or mid-word (unspaced scripts): what follows
                // starts afresh only after a non-letter, as at any word's end.
                previousIsLetter = true
                i = end
                continue
            }
            i += 1
        }
        return found
    }

    /// The names a language reads: its own column, a related language's, or its base
    /// language's. Asked per article and per pair of languages the clusterer compares, so the
    /// answer is kept by the code as given.
    private func column(for language: String) -> Column? {
        if let known = table.byLanguage.withLock({ $0[language] }) { return known }
        let code = language.lowercased(), base = LanguageData.base(code)
        let column = [code, Self.borrowedColumns[code], base, Self.borrowedColumns[base]].lazy.compactMap { $0 }
            .compactMap { self.table.column($0) }.first
        table.byLanguage.withLock { $0[language] = column }
        return column
    }

    /// Where a match of `name` at `start` ends, or nil.
    private static func match(_ name: Name, in t: [Unicode.Scalar], at start: Int, wordStart: Bool) -> Int? {
        let n = name.scalars
        switch name.matching {
        case .anywhere:
            return matches(n[...], t, start) ? start + n.count : nil
        case .koreanWord:
            guard wordStart, matches(n[...], t, start), let end = ending(t, start + n.count, longestKoreanEnding) else { return nil }
            let rest = String(String.UnicodeScalarView(t[(start + n.count)..<end]))
            return rest.isEmpty || koreanEndings.contains(rest) ? end : nil
        case .whole:
            guard wordStart, matches(n[...], t, start) else { return nil }
            return ending(t, start + n.count, 0)
        case .inflected(let suffix):
            let stem = n.dropLast()
            guard wordStart, matches(stem, t, start) else { return nil }
            return ending(t, start + stem.count, suffix)
        }
    }

    /// Whether `name` is written in `t` at `start`; a space of the name matches any white space.
    private static func matches(_ name: ArraySlice<Unicode.Scalar>, _ t: [Unicode.Scalar], _ start: Int) -> Bool {
        guard start + name.count <= t.count else { return false }
        var k = start
        for scalar in name {
            let other = t[k]
            guard other == scalar || (scalar == " " && other.properties.isWhitespace) else { return false }
            k += 1
        }
        return true
    }

    /// The end of the word after `position`, if at most `limit` letters follow.
    private static func ending(_ t: [Unicode.Scalar], _ position: Int, _ limit: Int) -> Int? {
        var k = position
        while k < t.count, isLetter(t[k]) {
            k += 1
            if k - position > limit { return nil }
        }
        return k
    }

    /// How a name is matched, or nil when it is too short to match safely.
    static func matching(_ name: [Unicode.Scalar], trusted: Bool) -> Matching? {
        guard name.count >= 2 else { return nil }
        if isUnspaced(name[0]) { return name.count >= unspacedShortest ? .anywhere : nil }
        if isHangul(name[0]) { return .koreanWord }
        let latin = name[0].value < 0x250
        if !trusted, name.count < (latin ? latinShortest : otherShortest) { return nil }
        if name.count >= (latin ? latinInflecting : otherInflecting), let last = name.last, isLetter(last) {
            return .inflected(suffix: latin ? latinSuffix : otherSuffix)
        }
        return .whole
    }

    /// The names of one cell: CLDR writes some with a second form in brackets ("Myanmar
    /// (Burma)") or a qualifier after a comma ("Korea, North" in some languages).
    static func names(in cell: String) -> [String] {
        var out: [String] = []
        for entry in cell.split(separator: "|") {
            var name = String(entry)
            if let open = name.firstIndex(where: { $0 == "(" || $0 == "（" }) {
                let inner = name[name.index(after: open)...].prefix { $0 != ")" && $0 != "）" }
                out.append(inner.trimmingCharacters(in: .whitespaces))
                name = String(name[..<open])
            }
            if let comma = name.firstIndex(of: ",") { name = String(name[..<comma]) }
            out.append(name.trimmingCharacters(in: .whitespaces))
        }
        return out.filter { !$0.isEmpty }
    }

    /// Lower case (scalar by scalar, the single-scalar mappings of `CharacterTable`, so that
    /// positions stay those of the text), with one kind of apostrophe and of space.
    static func normalized(_ text: String) -> [Unicode.Scalar] {
        var out: [Unicode.Scalar] = []
        out.reserveCapacity(text.utf8.count)
        for s in text.unicodeScalars {
            switch s {
            case "\u{2019}": out.append("'")
            case "\u{A0}": out.append(" ")
            default: out.append(Unicode.Scalar(CharacterTable.lowercased(s.value)) ?? s)
            }
        }
        return out
    }

    static func opening(_ a: Unicode.Scalar, _ b: Unicode.Scalar) -> UInt64 { UInt64(a.value) << 21 | UInt64(b.value) }

    static func isLetter(_ s: Unicode.Scalar) -> Bool {
        // Joiners sit inside Persian and Indic words.
        CharacterTable.isLetter(s.value) || s == "\u{200C}" || s == "\u{200D}"
    }

    static func isHangul(_ s: Unicode.Scalar) -> Bool { (0xAC00...0xD7A3).contains(s.value) }

    /// A letter of a script written without spaces between words (Thai, Lao, Burmese, Khmer,
    /// kana, Han…: `Script.isWrittenWithoutSpaces`).
    static func isUnspaced(_ s: Unicode.Scalar) -> Bool { CharacterTable.script(s.value).isWrittenWithoutSpaces }
}
