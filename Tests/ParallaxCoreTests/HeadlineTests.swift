import Testing
import ParallaxCore

/// What listings call an article: its title, or the opening of a text that has none.
@Suite struct HeadlineTests {
    @Test func theTitleWhenThereIsOne() {
        let article = Article(source: "a.txt", title: "  Council backs desalination plant ", paragraphs: ["The council voted."])
        #expect(article.headline == "Council backs desalination plant")
    }

    @Test func theOpeningOfAnUntitledText() {
        // A headline glued to its body by two spaces, as in the SemEval and stream records.
        #expect(Article.headline(title: "", text: "Corona: Bei der Impfstoffsuche auf Tierversuche verzichten?  Köln / Göttingen. Aktionstag")
                == "Corona: Bei der Impfstoffsuche auf Tierversuche verzichten?")
        // The first paragraph only.
        #expect(Article.headline(title: "", text: "Flooding closes the ring road.\n\nA second paragraph.") == "Flooding closes the ring road.")
        // A long opening is cut at a word, without the comma it ended on, and marked.
        let long = "The regional council of Nordhavn voted on Tuesday evening, after a debate of six hours, to build the desalination plant"
        let headline = Article.headline(title: "", text: long)
        #expect(headline == "The regional council of Nordhavn voted on Tuesday evening, after a debate of six hours…")
        #expect(headline.count <= 91)
        #expect(Article.headline(title: "", text: " \n ") == "(untitled)")
    }
}
