import Testing
@testable import ParallaxLanguage

@Suite struct CountryNamesTests {
    let names = CountryNames.shared

    /// One key per country whatever the script, and the way each script writes a name in
    /// running text: no spaces in Chinese, particles after Korean nouns, case endings in
    /// Russian, clitics before Arabic words.
    @Test func findsCountriesInEveryScript() {
        #expect(names.mentions(in: "俄罗斯总统普京宣布全国部分动员，征召预备役人员前往乌克兰作战。", language: "zh") == ["russia", "ukraine"])
        #expect(names.mentions(in: "歐洲議會宣布抵抗俄羅斯入侵的烏克蘭總統", language: "zh") == ["russia", "ukraine"])
        #expect(names.mentions(in: "우크라이나 전선에서의 패배로 푸틴은 러시아에서의 부분 동원령을 선포했다.", language: "ko") == ["ukraine", "russia"])
        #expect(names.mentions(in: "Вторжение России на Украину", language: "ru") == ["russia", "ukraine"])
        #expect(names.mentions(in: "التقى وزير خارجية الصين بنظيره في موسكو وروسيا", language: "ar") == ["china", "russia"])
        #expect(names.mentions(in: "รัสเซียผนวก 4 แคว้นของยูเครน", language: "th") == ["russia", "ukraine"])
        #expect(names.mentions(in: "Russian troops left Ukraine", language: "en") == ["russia", "ukraine"])
        #expect(names.mentions(in: "Rusia invadió Ucrania", language: "es") == ["russia", "ukraine"])
    }

    /// The longest name wins where two start together, and short Latin names match only whole
    /// words, so that other words are not taken for them.
    @Test func longestNameWinsAndShortNamesMatchWhole() {
        #expect(names.mentions(in: "Nigeria and Niger signed a treaty", language: "en") == ["nigeria", "niger"])
        #expect(names.mentions(in: "인도주의 지원을 위해 인도에서 러시아군이 철수했다", language: "ko") == ["india", "russia"])
        #expect(names.mentions(in: "Malik met the delegation from Mali", language: "en") == ["mali"])
        #expect(names.mentions(in: "The United States and the UK", language: "en") == ["united states", "united kingdom"])
    }

    /// Languages without a column of their own read a related one's names; an unknown
    /// language names no country.
    @Test func relatedAndUnknownLanguages() {
        #expect(names.mentions(in: "乌克兰", language: "wuu") == ["ukraine"])
        #expect(names.mentions(in: "Украіна", language: "be-tarask") == ["ukraine"])
        #expect(names.mentions(in: "Ukraine", language: "und").isEmpty)
    }

    /// China: CLDR calls it "China mainland" in most languages; the project's additions give
    /// the name news uses, under the alias table's key.
    @Test func chinaUnderItsCommonName() {
        #expect(names.mentions(in: "China and India", language: "en") == ["china", "india"])
        #expect(names.mentions(in: "中国和印度", language: "zh") == ["china", "india"])
        #expect(names.keys.contains("china") && !names.keys.contains("china mainland"))
    }
}
