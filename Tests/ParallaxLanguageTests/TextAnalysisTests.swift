import Foundation
import ParallaxCore
@testable import ParallaxLanguage
import Testing
import TestSupport

@Suite struct TextAnalyzerTests {
    private func texts(_ tokens: [Token]) -> [String] { tokens.map(\.text) }

    @Test func spansPointBackIntoTheText() {
        let text = "Trump’s “deal” — 1,200.50 dollars for Ωmega 😀 ok"
        let tokens = TextAnalyzer(language: "en").tokens(in: text, baseOffset: 100)
        #expect(!tokens.isEmpty)
        for token in tokens {
            let local = TextSpan(start: token.span.start - 100, end: token.span.end - 100)
            #expect(text.substring(local) == token.text)
        }
    }

    @Test func englishApostrophesHyphensAndInitialisms() {
        let tokens = TextAnalyzer(language: "en").tokens(in: "U.S. officials don’t expect a face-to-face meeting with Trump’s team.")
        #expect(texts(tokens) == ["U.S.", "officials", "don’t", "expect", "a", "face-to-face", "meeting", "with", "Trump’s", "team", "."])
        #expect(tokens[2].normalized == "don't")
        #expect(tokens[0].normalized == "u.s.")
        #expect(tokens.last?.kind == .symbol)
        #expect(tokens.first { $0.text == "a" }?.isStopword == true)
        #expect(tokens.first { $0.text == "meeting" }?.isStopword == false)
    }

    @Test func frenchElisionSplitsTheArticle() {
        let tokens = TextAnalyzer(language: "fr").tokens(in: "L’homme qu’il a vu aujourd’hui")
        #expect(texts(tokens) == ["L’", "homme", "qu’", "il", "a", "vu", "aujourd’hui"])
        #expect(tokens[0].normalized == "l'")
        #expect(tokens[0].isStopword)
        #expect(!tokens[1].isStopword)
    }

    @Test func numbersKeepTheirSeparators() {
        let en = TextAnalyzer(language: "en").tokens(in: "It cost 1,200.50 dollars, up 3.5% from 2025.")
        #expect(en.filter { $0.kind == .number }.map(\.text) == ["1,200.50", "3.5", "2025"])
        let de = TextAnalyzer(language: "de").tokens(in: "Es kostete 1.200,50 Euro.")
        #expect(de.filter { $0.kind == .number }.map(\.text) == ["1.200,50"])
        // A sentence-final period is not part of the number.
        #expect(en.last?.text == ".")
    }

    @Test func unspacedScriptsBecomeCharacterBigrams() {
        let tokens = TextAnalyzer(language: "zh").tokens(in: "北京是首都。")
        #expect(texts(tokens) == ["北京", "京是", "是首", "首都", "。"])
        #expect(tokens.allSatisfy { $0.kind == ($0.text == "。" ? .symbol : .word) })
        let thai = TextAnalyzer(language: "th").tokens(in: "กรุงเทพ")
        #expect(thai.count == "กรุงเทพ".unicodeScalars.count - 1)
        // Latin inside Chinese stays a word of its own.
        #expect(texts(TextAnalyzer(language: "zh").tokens(in: "苹果iPhone发布")) == ["苹果", "iPhone", "发布"])
    }

    @Test func normalisationFoldsCaseAndWidthButKeepsDiacritics() {
        let tokens = TextAnalyzer(language: "de").tokens(in: "STRASSE Straße Ｆｕｌｌ Café")
        #expect(tokens.map(\.normalized) == ["strasse", "strasse", "full", "café"])
        let turkish = TextAnalyzer(language: "tr").tokens(in: "İstanbul IRMAK")
        #expect(turkish.map(\.normalized) == ["istanbul", "ırmak"])
    }

    @Test func snowballStems() {
        let en = TextAnalyzer(language: "en").tokens(in: "Meetings were running")
        #expect(en.map(\.stem) == ["meet", "were", "run"])
        let de = TextAnalyzer(language: "de").tokens(in: "Verhandlungen")
        #expect(de[0].stem == "verhandl")
        let ru = TextAnalyzer(language: "ru").tokens(in: "переговоры")
        #expect(ru[0].stem != ru[0].normalized)
        // No stemmer for Japanese: the stem is the normalised form.
        let ja = TextAnalyzer(language: "ja").tokens(in: "東京")
        #expect(ja[0].stem == ja[0].normalized)
        #expect(!TextAnalyzer(language: "ja").hasStemmer)
        #expect(TextAnalyzer(language: "pt-BR").hasStemmer)
    }

    /// Polish has no Snowball stemmer: its words are cut to their first six letters, which
    /// joins a word's case forms; short words and other languages without stemmers keep
    /// their whole form.
    @Test func inflectedLanguagesWithoutAStemmerAreTruncated() {
        let pl = TextAnalyzer(language: "pl").tokens(in: "Prezydenta prezydentem Ukrainy Ukrainie sąd")
        #expect(pl.map(\.stem) == ["prezyd", "prezyd", "ukrain", "ukrain", "sąd"])
        #expect(pl.map(\.normalized)[0] == "prezydenta")
        let uk = TextAnalyzer(language: "uk").tokens(in: "України Україні")
        #expect(uk[0].stem == uk[1].stem && uk[0].stem.unicodeScalars.count == 6)
        let sw = TextAnalyzer(language: "sw").tokens(in: "kimataifa")
        #expect(sw[0].stem == "kimataifa")
    }

    @Test func badInputGivesNoWords() {
        let analyzer = TextAnalyzer(language: "en")
        #expect(analyzer.tokens(in: "").isEmpty)
        #expect(analyzer.tokens(in: "   \n\t ").isEmpty)
        #expect(analyzer.tokens(in: "12345").map(\.kind) == [.number])
        let emoji = analyzer.tokens(in: "👍🏽👨‍👩‍👧")
        #expect(emoji.allSatisfy { $0.kind == .symbol })
        #expect(emoji.count == 2)
        let broken = analyzer.tokens(in: String(decoding: [0x61, 0xFF, 0x62, 0xC3], as: UTF8.self))
        #expect(broken.filter { $0.kind == .word }.map(\.text) == ["a", "b"])
    }

    @Test func stopwordListsExistForMajorLanguages() {
        for (language, word) in [("en", "the"), ("de", "und"), ("fr", "les"), ("es", "los"), ("it", "della"), ("pt", "não"),
                                 ("nl", "het"), ("ru", "это"), ("pl", "się"), ("tr", "için"), ("ar", "في"), ("el", "και"),
                                 ("sv", "och"), ("hr", "već"), ("sr", "već"), ("id", "yang"), ("hu", "hogy")] {
            #expect(TextAnalyzer(language: language).isStopword(word), "\(language): \(word)")
        }
        #expect(!TextAnalyzer(language: "en").isStopword("president"))
    }
}

@Suite struct SentenceSplitterTests {
    private func split(_ text: String, _ language: String = "en") -> [String] {
        SentenceSplitter(language: language).sentences(in: text).map { text.substring($0) }
    }

    @Test func abbreviationsAndInitialsDoNotEndSentences() {
        #expect(split("Dr. Smith met Mr. Jones at St. Mary’s. They talked.") == ["Dr. Smith met Mr. Jones at St. Mary’s.", "They talked."])
        #expect(split("President Donald J. Trump spoke. Nobody answered.") == ["President Donald J. Trump spoke.", "Nobody answered."])
        #expect(split("U.S. President Trump met him. The talks went well.") == ["U.S. President Trump met him.", "The talks went well."])
        #expect(split("He moved to the U.S. The move was hard.") == ["He moved to the U.S.", "The move was hard."])
        #expect(split("It happened on Jan. 5 in Ohio. Then it rained.") == ["It happened on Jan. 5 in Ohio.", "Then it rained."])
        #expect(split("Apples, pears, etc. are sold here.") == ["Apples, pears, etc. are sold here."])
    }

    @Test func otherLanguages() {
        #expect(split("Das gilt z. B. für Berlin. Am 5. Februar kam er.", "de") == ["Das gilt z. B. für Berlin.", "Am 5. Februar kam er."])
        #expect(split("M. Dupont est arrivé. Il a parlé.", "fr") == ["M. Dupont est arrivé.", "Il a parlé."])
        #expect(split("La Sra. García llegó. Habló con el Dr. Pérez.", "es") == ["La Sra. García llegó.", "Habló con el Dr. Pérez."])
        #expect(split("¿Qué pasa? Nada.", "es") == ["¿Qué pasa?", "Nada."])
        #expect(split("Dhr. Jansen kwam. Hij sprak.", "nl") == ["Dhr. Jansen kwam.", "Hij sprak."])
        #expect(split("Il dott. Rossi è arrivato. Ha parlato.", "it") == ["Il dott. Rossi è arrivato.", "Ha parlato."])
        #expect(split("O Sr. Silva chegou. Ele falou.", "pt") == ["O Sr. Silva chegou.", "Ele falou."])
        #expect(split("你好。我很好！", "zh") == ["你好。", "我很好！"])
    }

    @Test func quotesStayWithTheirSentence() {
        #expect(split("He said: “Go home.” Then he left.") == ["He said: “Go home.”", "Then he left."])
        #expect(split("She asked, \"Why now?\" Nobody knew.") == ["She asked, \"Why now?\"", "Nobody knew."])
        // A quotation of two sentences is not cut in the middle.
        let quoted = "Trump said, ‘We were working together and it clicked. We were never friends.’ Petro agreed."
        #expect(split(quoted) == ["Trump said, ‘We were working together and it clicked. We were never friends.’", "Petro agreed."])
        // Apostrophes are not quotation marks.
        #expect(split("Colombia’s leader didn’t wait. He left.") == ["Colombia’s leader didn’t wait.", "He left."])
        #expect(split("The U.K.'s hero walked. He raised $39 million. Moore thanked them.")
            == ["The U.K.'s hero walked.", "He raised $39 million.", "Moore thanked them."])
        #expect(split("In the 1990's it grew. Then it shrank.") == ["In the 1990's it grew.", "Then it shrank."])
    }

    @Test func aQuotationLeftOpenDoesNotSwallowItsParagraph() {
        // Cut texts and stray marks leave a quotation open: its sentences are still split,
        // and a quotation that does close in the paragraph is still kept whole.
        #expect(split("He said \"we will win. The vote is Sunday. Polls open at eight.")
            == ["He said \"we will win.", "The vote is Sunday.", "Polls open at eight."])
        #expect(split("« Nous gagnerons. Le vote a lieu dimanche.\n\nIl est parti. Elle est restée.", "fr")
            == ["« Nous gagnerons.", "Le vote a lieu dimanche.", "Il est parti.", "Elle est restée."])
        #expect(split("\"He'd [Assange] die in jail. It is a political case\", he said. He left.")
            == ["\"He'd [Assange] die in jail. It is a political case\", he said.", "He left."])
        #expect(split("“We will win. We always do.” He left. “Go.", "en")
            == ["“We will win. We always do.”", "He left.", "“Go."])
    }

    @Test func ellipsesAndBlankLines() {
        #expect(split("Wait… what happened? Nothing…") == ["Wait… what happened?", "Nothing…"])
        #expect(split("It was over… The crowd left.") == ["It was over…", "The crowd left."])
        #expect(split("A title without a period\n\nThe body starts here.") == ["A title without a period", "The body starts here."])
    }

    @Test func spansAreTrimmedAndBadInputIsSafe() {
        let text = "  One.   Two!  "
        let spans = SentenceSplitter(language: "en").sentences(in: text)
        #expect(spans == [TextSpan(start: 2, end: 6), TextSpan(start: 9, end: 13)])
        #expect(SentenceSplitter(language: "en").sentences(in: "").isEmpty)
        #expect(SentenceSplitter(language: "en").sentences(in: " \n ").isEmpty)
        #expect(split("...") == ["..."])
        #expect(split(String(decoding: [0xFF, 0x2E, 0x20, 0x41], as: UTF8.self)).count == 2)
    }

    @Test func seedParagraphSplitsIntoItsSentences() throws {
        let text = try SharedData.text(SharedData.seed002)
        let paragraph = text.components(separatedBy: "\n\n")[1]
        let sentences = split(paragraph)
        #expect(sentences.count == 1)
        #expect(sentences[0].hasPrefix("In a remarkable"))
        let third = text.components(separatedBy: "\n\n")[2]
        #expect(split(third).count == 2)
    }
}
