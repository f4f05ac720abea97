import Foundation

/// Words of many languages that name one meaning ("killed", "getötet", "muertos" → *kill*):
/// what lets two sources in different languages be seen to say the same thing when they share
/// no name or number.
///
/// The lexicon is project-written data (`Resources/concepts.tsv`): a few hundred meanings of
/// general news vocabulary, each with its common forms per language. Forms are analysed as
/// text words are (case folding, then the language's Snowball stemmer), so a concept is
/// looked up by a token's `stem`. Where the stemmer does not serve:
/// - German and Dutch write compounds as one word: a stem that is not listed matches by its
///   longest listed head of at least `minimumHeadLength` scalars ("berufspendl" → "pendl").
/// - A language without a stemmer (Polish) matches forms by their first `prefixLength`
///   scalars, which absorbs most of its inflection ("zabity", "zabitych").
/// - Chinese text is tokenised into overlapping character bigrams, so its forms are words of
///   two characters ("医院"), or the first two of a longer word ("清真" for 清真寺).
public struct ConceptLexicon: Sendable {
    /// The lexicon shipped with Parallax.
    public static let shared = ConceptLexicon(table: tableLines("concepts.tsv"))

    /// Lines of a tab-separated resource without comments and blank lines. Unlike
    /// `LanguageResources.lines`, tabs at the end stay: they hold a last column left empty.
    static func tableLines(_ relativePath: String) -> [String] {
        guard let url = LanguageResources.url(relativePath), let data = try? Data(contentsOf: url) else { return [] }
        return String(decoding: data, as: UTF8.self).split(whereSeparator: \.isNewline).map(String.init)
            .filter { !$0.trimmingCharacters(in: .whitespaces).isEmpty && !$0.hasPrefix("#") }
    }

    /// Concept labels (the first column), by concept number.
    public let labels: [String]
    /// Language → key (stem, or prefix where there is no stemmer) → concept numbers.
    private let concepts: [String: [String: [Int32]]]

    static let compoundingLanguages: Set<String> = ["de", "nl"]
    static let minimumHeadLength = 5
    static let prefixLength = 5
    /// Shorter forms are left out: two-letter words are too often something else (but two
    /// ideographs are a word).
    static let minimumFormLength = 3

    /// `table`: the header (`concept` and language codes), then one concept per line, columns
    /// separated by tabs, forms within a column by commas. Forms of several words are skipped:
    /// concepts are looked up word by word.
    public init(table: [String]) {
        guard let header = table.first?.split(separator: "\t", omittingEmptySubsequences: false).map(String.init),
              header.first == "concept" else {
            labels = []
            concepts = [:]
            return
        }
        let languages = Array(header.dropFirst())
        var labels: [String] = []
        var concepts: [String: [String: [Int32]]] = [:]
        var analyzers: [String: TextAnalyzer.WordAnalyzer] = [:]
        for line in table.dropFirst() {
            let columns = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard columns.count == header.count else { continue }
            let number = Int32(labels.count)
            labels.append(columns[0])
            for (language, cell) in zip(languages, columns.dropFirst()) {
                let analyzer = analyzers[language] ?? TextAnalyzer(language: language).wordAnalyzer()
                analyzers[language] = analyzer
                // The same test as `concepts(ofStem:language:)` makes.
                let stemmed = LanguageData.snowballNames[LanguageData.base(language)] != nil
                for form in cell.split(separator: ",") {
                    let word = form.trimmingCharacters(in: .whitespaces)
                    let ideographic = word.unicodeScalars.allSatisfy(\.properties.isIdeographic)
                    guard !word.isEmpty, !word.contains(" "),
                          word.unicodeScalars.count >= (ideographic ? 2 : Self.minimumFormLength) else { continue }
                    let stem = analyzer.analyze(word, unspaced: false).stem
                    let key = stemmed ? stem : Self.prefix(stem)
                    if !(concepts[language]?[key]?.contains(number) ?? false) {
                        concepts[language, default: [:]][key, default: []].append(number)
                    }
                }
            }
        }
        self.labels = labels
        self.concepts = concepts
    }

    /// Whether the lexicon lists words of this language.
    public func covers(_ language: String) -> Bool { concepts[LanguageData.base(language)] != nil }

    /// The concepts a word of `language` names, by its `stem` (as the language stage gives it:
    /// the folded word where the language has no stemmer); [] when it names none listed.
    public func concepts(ofStem stem: String, language: String) -> [Int32] {
        let base = LanguageData.base(language)
        guard let table = concepts[base] else { return [] }
        guard LanguageData.snowballNames[base] != nil else { return table[Self.prefix(stem)] ?? [] }
        if let found = table[stem] { return found }
        guard Self.compoundingLanguages.contains(base) else { return [] }
        // The longest listed head of a compound: its last part carries the meaning.
        let scalars = Array(stem.unicodeScalars)
        guard scalars.count > Self.minimumHeadLength else { return [] }
        for start in 1...(scalars.count - Self.minimumHeadLength) {
            if let found = table[TextAnalyzer.string(scalars[start...])] { return found }
        }
        return []
    }

    private static func prefix(_ word: String) -> String { String(word.unicodeScalars.prefix(prefixLength)) }
}
