import Foundation
import ParallaxLanguage
import Testing

/// The concept lexicon: translations found by stem, compounds by their head, inflection of
/// a language without a stemmer by prefix.
@Suite struct ConceptLexiconTests {
    let lexicon = ConceptLexicon.shared

    func concepts(_ word: String, _ language: String) -> Set<Int32> {
        let stem = TextAnalyzer(language: language).tokens(in: word).first?.stem ?? word
        return Set(lexicon.concepts(ofStem: stem, language: language))
    }

    func label(_ word: String, _ language: String) -> [String] {
        concepts(word, language).map { lexicon.labels[Int($0)] }.sorted()
    }

    @Test func everyLineOfTheShippedTableIsRead() throws {
        let url = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
            .deletingLastPathComponent().appendingPathComponent("Sources/ParallaxLanguage/Resources/concepts.tsv")
        let lines = try String(contentsOf: url, encoding: .utf8).split(separator: "\n")
            .filter { !$0.hasPrefix("#") && !$0.trimmingCharacters(in: .whitespaces).isEmpty }
        // The header, then one concept a line: a line with a missing column would be skipped.
        #expect(lexicon.labels.count == lines.count - 1)
        #expect(Set(lexicon.labels).count == lexicon.labels.count, "concept labels are unique")
        for code in ["en", "de", "fr", "es", "it", "pt", "nl", "pl", "ru", "tr", "ar", "zh"] {
            #expect(lexicon.covers(code), "\(code) has words")
        }
        #expect(!lexicon.covers("ja"))
    }

    @Test func inflectedTranslationsShareAConcept() {
        #expect(label("killed", "en") == ["kill"])
        #expect(label("getötet", "de") == ["kill"])
        #expect(!concepts("asesinato", "es").isDisjoint(with: concepts("murder", "en")))
        #expect(!concepts("Krankenhaus", "de").isDisjoint(with: concepts("hospital", "en")))
        #expect(!concepts("élections", "fr").isDisjoint(with: concepts("Wahlen", "de")))
        #expect(!concepts("выборы", "ru").isDisjoint(with: concepts("elections", "en")))
        #expect(concepts("Krankenhaus", "de").isDisjoint(with: concepts("election", "en")))
    }

    @Test func compoundsMatchByTheirHead() {
        // "Berufspendler" is not listed; its head "Pendler" is.
        #expect(label("Berufspendler", "de") == ["commuter"])
        #expect(!concepts("Bürgerkrieg", "de").isDisjoint(with: concepts("war", "en")))
        // Only German and Dutch: elsewhere an unlisted word names nothing.
        #expect(concepts("superwar", "en").isEmpty)
    }

    @Test func aLanguageWithoutAStemmerMatchesByPrefix() {
        #expect(!TextAnalyzer(language: "pl").hasStemmer)
        #expect(!concepts("szpitala", "pl").isDisjoint(with: concepts("hospital", "en")))
        #expect(!concepts("zabitych", "pl").isDisjoint(with: concepts("killed", "en")))
    }

    /// Chinese text is read as character bigrams: a two-character word is one token.
    @Test func chineseWordsAreBigrams() {
        let tokens = TextAnalyzer(language: "zh").tokens(in: "医院发生爆炸")
        #expect(tokens.map(\.stem).contains("医院"))
        let concepts = Set(tokens.flatMap { lexicon.concepts(ofStem: $0.stem, language: "zh") })
        #expect(!concepts.isDisjoint(with: self.concepts("hospital", "en")))
        #expect(!concepts.isDisjoint(with: self.concepts("explosion", "en")))
        #expect(concepts.isDisjoint(with: self.concepts("election", "en")))
    }

    @Test func aTableIsReadFromItsHeader() {
        let table = ConceptLexicon(table: [
            "concept\ten\tde",
            "fire\tfire,blaze\tfeuer,brand",
            "broken line\tonly one column",
            "water\twater,running water\twasser",
        ])
        #expect(table.labels == ["fire", "water"])
        // Forms of several words are skipped; the rest of the cell is read.
        #expect(table.concepts(ofStem: "water", language: "en") == [1])
        #expect(table.concepts(ofStem: "blaze", language: "en") == [0])
        #expect(table.concepts(ofStem: "running", language: "en").isEmpty)
        #expect(ConceptLexicon(table: ["no header"]).labels.isEmpty)
    }
}
