import Foundation
import ParallaxCore
@testable import ParallaxLanguage
import Testing
import TestSupport

@Suite struct LanguageIdentifierTests {
    let identifier: NGramLanguageIdentifier

    init() throws {
        identifier = try NGramLanguageIdentifier.bundled()
    }

    /// Paragraphs of a seed file (blank-line separated, trimmed, non-empty).
    private func paragraphs(_ seed: String) throws -> [String] {
        try SharedData.text(seed).components(separatedBy: "\n\n")
            .map { $0.trimmingCharacters(in: .whitespacesAndNewlines) }
            .filter { !$0.isEmpty }
    }

    @Test func seed002TitleIsDutchAndBodyIsEnglish() throws {
        let parts = try paragraphs(SharedData.seed002)
        #expect(parts[0] == "Trump en Petro: onverwachte verstandhouding in Witte Huis")
        let title = identifier.identify(parts[0])
        #expect(title.code == "nl")
        #expect(title.confidence > 0.8)
        for paragraph in parts.dropFirst() {
            let guess = identifier.identify(paragraph)
            #expect(guess.code == "en", "\(paragraph.prefix(60))")
            #expect(guess.confidence > 0.9)
        }
    }

    @Test func seed000IsEnglishThroughout() throws {
        // Every line with a few words: the breadcrumb, the titles, the body, the comment form.
        let lines = try SharedData.text(SharedData.seed000).split(separator: "\n").map(String.init)
            .filter { $0.split(separator: " ").count >= 4 }
        #expect(lines.count > 10)
        for line in lines {
            #expect(identifier.identify(line).code == "en", "\(line.prefix(60))")
        }
    }

    @Test(arguments: [
        ("Der Bundestag hat am Donnerstag über das neue Gesetz abgestimmt.", "de"),
        ("Le gouvernement a annoncé de nouvelles mesures pour les agriculteurs.", "fr"),
        ("El presidente se reunió ayer con los líderes de la oposición.", "es"),
        ("Il governo ha approvato la legge di bilancio nella notte.", "it"),
        ("O governo anunciou novas medidas para conter a inflação.", "pt"),
        ("De minister kondigde gisteren nieuwe maatregelen aan.", "nl"),
        ("Правительство объявило о новых мерах поддержки экономики.", "ru"),
        ("Уряд оголосив про нові заходи підтримки економіки.", "uk"),
        ("Η κυβέρνηση ανακοίνωσε νέα μέτρα για την οικονομία.", "el"),
        ("أعلنت الحكومة عن إجراءات جديدة لدعم الاقتصاد.", "ar"),
        ("הממשלה הודיעה על צעדים חדשים לתמיכה בכלכלה.", "he"),
        ("सरकार ने अर्थव्यवस्था के लिए नए उपायों की घोषणा की।", "hi"),
        ("政府は経済を支えるための新たな対策を発表した。", "ja"),
        ("政府宣布了支持经济的新措施。", "zh"),
        ("정부는 경제를 지원하기 위한 새로운 조치를 발표했다.", "ko"),
        ("รัฐบาลประกาศมาตรการใหม่เพื่อสนับสนุนเศรษฐกิจ", "th"),
        ("Влада је најавила нове мере за подршку привреди.", "sr"),
        ("Hükümet ekonomiyi desteklemek için yeni önlemler açıkladı.", "tr"),
        ("Rząd ogłosił nowe środki wsparcia dla gospodarki.", "pl"),
        ("Regeringen presenterade nya åtgärder för ekonomin.", "sv"),
    ])
    func identifiesSentences(text: String, code: String) {
        let guess = identifier.identify(text)
        #expect(guess.code == code)
        #expect(guess.confidence > 0.5)
    }

    @Test(arguments: [
        ("Regierung beschließt neues Klimapaket", "de"),
        ("Le président en visite officielle au Maroc", "fr"),
        ("Nieuwe regels voor huurwoningen gaan in", "nl"),
        ("Police arrest two men after city centre attack", "en"),
    ])
    func identifiesHeadlines(text: String, code: String) {
        #expect(identifier.identify(text).code == code)
    }

    @Test func textWithoutLettersIsUndetermined() {
        let inputs = ["", "   ", "12345 678", "!!! ... ---", "😀🎉👍🏽", "2026-02-05 14:30", String(decoding: [0xFF, 0xFE, 0xC0], as: UTF8.self)]
        for input in inputs {
            let guess = identifier.identify(input)
            #expect(guess == .undetermined, "\(input.debugDescription)")
            #expect(identifier.ranked(input).isEmpty)
        }
    }

    @Test func invalidUTF8AroundWordsStillIdentifies() {
        let bytes: [UInt8] = [0xFF] + Array("The government announced new measures to support the economy.".utf8) + [0xC3]
        #expect(identifier.identify(String(decoding: bytes, as: UTF8.self)).code == "en")
    }

    @Test func mixedScriptsFollowTheDominantScript() {
        #expect(identifier.identify("Путин and Trump met in Washington to discuss the war on Tuesday").code == "en")
        #expect(identifier.identify("Президент Trump встретился с министрами в Вашингтоне во вторник").code == "ru")
        // Kana beside Han is Japanese even when Han dominates.
        #expect(identifier.identify("東京都知事選挙の結果が発表された").code == "ja")
    }

    @Test func confidenceIsLowForCloseRelativesAndShortText() {
        let serboCroatian = identifier.ranked("Ovo je dobro.")
        #expect(Set(["hr", "sr", "bs"]).contains(serboCroatian[0].code))
        #expect(serboCroatian[0].confidence < 0.8)
        let short = identifier.identify("Hallo")
        let long = identifier.identify("Hallo, wie geht es dir heute? Ich hoffe, es geht dir gut.")
        #expect(short.confidence < long.confidence)
        #expect(long.code == "de")
    }

    @Test func rankedGuessesAreSortedAndSumToAtMostOne() {
        let ranked = identifier.ranked("Vi ses i morgen på kontoret.", limit: 10)
        #expect(ranked.count > 1)
        #expect(zip(ranked, ranked.dropFirst()).allSatisfy { $0.confidence >= $1.confidence })
        #expect(ranked.reduce(0) { $0 + $1.confidence } <= 1.000001)
        #expect(Set(ranked.map(\.code)).count == ranked.count)
    }

    @Test func candidatesRestrictTheAnswer() {
        #expect(identifier.identify("Der Hund", candidates: ["en", "nl"]).code != "de")
        #expect(identifier.identify("Der Hund bellt im Garten", candidates: ["de", "nl"]).code == "de")
        // Candidates outside the text's script are still honoured.
        #expect(identifier.identify("Привет", candidates: ["en"]).code == "en")
    }

    @Test func serbianInBothScriptsIsSr() {
        #expect(identifier.identify("Београд је главни град Србије и највећи град у земљи.").code == "sr")
        #expect(identifier.languageCodes.contains("sr"))
        #expect(!identifier.languageCodes.contains("sr-Cyrl"))
    }

    @Test func languageRunsShowASwitchInsideAParagraph() throws {
        let parts = try paragraphs(SharedData.seed002)
        let text = parts[0] + ". " + parts[1]
        let runs = identifier.languageRuns(in: text)
        #expect(runs.map(\.guess.code) == ["nl", "en"])
        #expect(text.substring(runs[0].span).hasPrefix("Trump en Petro"))
        #expect(runs[1].span.end == text.unicodeScalars.count)
    }

    @Test func modelFileRoundTripsAndRejectsDamage() throws {
        let bytes = identifier.model.serialized()
        let copy = try NGramLanguageIdentifier(model: LanguageModel(serialized: Data(bytes)))
        let text = "Het kabinet presenteert vandaag de begroting."
        #expect(copy.identify(text) == identifier.identify(text))
        #expect(throws: LanguageModel.FormatError.self) { try LanguageModel(serialized: Data(bytes.prefix(bytes.count / 2))) }
        #expect(throws: LanguageModel.FormatError.self) { try LanguageModel(serialized: Data("not a model".utf8)) }
    }

    /// Accuracy on a sample of the held-out split (lines training never saw).
    @Test func heldOutAccuracy() throws {
        let corpus = SharedData.url("langid-train")
        let lines = try HeldOutSplit.validationLines(corpus: corpus).enumerated().filter { $0.offset % 8 == 0 }.map(\.element)
        #expect(lines.count > 1500)
        var sentencesCorrect = 0, segments = 0, segmentsCorrect = 0
        for line in lines {
            if identifier.identify(line.sentence).code == line.code { sentencesCorrect += 1 }
            if let segment = line.segment {
                segments += 1
                if identifier.identify(segment).code == line.code { segmentsCorrect += 1 }
            }
        }
        #expect(Double(sentencesCorrect) / Double(lines.count) > 0.94)
        #expect(Double(segmentsCorrect) / Double(segments) > 0.93)
    }

    @Test func heldOutRuleIsDeterministic() {
        #expect(HeldOutSplit.role(ofLine: 9) == .validation)
        #expect(HeldOutSplit.role(ofLine: 19) == .validation)
        #expect(HeldOutSplit.role(ofLine: 4) == .calibration)
        #expect(HeldOutSplit.role(ofLine: 14) == .training)
        let segment = HeldOutSplit.shortSegment(of: "one two three four five six seven eight nine ten eleven twelve thirteen", lineNumber: 9)
        #expect(segment == "one two three four")
        #expect(HeldOutSplit.shortSegment(of: "too short", lineNumber: 9) == nil)
    }
}
