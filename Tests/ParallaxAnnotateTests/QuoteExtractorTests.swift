import Testing
import ParallaxCore
@testable import ParallaxAnnotate

@Suite struct QuoteExtractorTests {
    let extractor = QuoteExtractor()

    func quotes(_ text: String, _ language: String = "en") -> [String] {
        extractor.extract(text, language: language).map { "\($0.text) <- \($0.speaker ?? "nil")" }
    }

    @Test func apostrophesInsideSingleQuotesDoNotCloseThem() {
        #expect(quotes("President Anna Berg agreed, stating, \u{2018}I didn\u{2019}t know him, but we didn\u{2019}t argue.\u{2019} Then she left.")
                == ["I didn\u{2019}t know him, but we didn\u{2019}t argue. <- Anna Berg"])
    }

    @Test func speakerAfterTheQuote() {
        #expect(quotes("\u{201C}We will rebuild,\u{201D} said Maria Lopez.") == ["We will rebuild, <- Maria Lopez"])
        #expect(quotes("Governor Tom Hale visited. \u{201C}It is a disaster,\u{201D} he said.") == ["It is a disaster, <- Tom Hale"])
        #expect(quotes("Minister Karl Weber arrived. \u{201C}Nothing is decided,\u{201D} the minister told reporters.")
                == ["Nothing is decided, <- Karl Weber"])
    }

    @Test func speakerBeforeTheQuote() {
        #expect(quotes("According to Sarah Klein, \"the vote was rigged.\"") == ["the vote was rigged. <- Sarah Klein"])
        #expect(quotes("Daniel Ortiz replied simply, \u{201C}Yes.\u{201D}") == ["Yes. <- Daniel Ortiz"])
        #expect(quotes("The box held a note from John Carter that read: \u{201C}See you soon.\u{201D}") == ["See you soon. <- John Carter"])
        #expect(quotes("Anna Berg posted John Carter\u{2019}s handwritten note: \u{2018}Thank you \u{2013} truly.\u{2019}")
                == ["Thank you \u{2013} truly. <- John Carter"])
    }

    /// A role after the speech verb: the name it leads to, else the person it stands for.
    /// Cases from the stream's German, Spanish and English reports.
    @Test func aRoleNamesItsSpeaker() {
        // The name in apposition, past the role's own phrase; not a name the role belongs to.
        #expect(quotes("Donald Trump was impeached. \u{00AB}Hoy hacemos historia\u{00BB}, dijo la presidenta de la Cámara, la demócrata Nancy Pelosi.", "es")
                == ["Hoy hacemos historia <- Nancy Pelosi"])
        #expect(quotes("\"Die Brücken sind groß\", sagte die deutsche Kanzlerin Angela Merkel.", "de") == ["Die Brücken sind groß <- Angela Merkel"])
        #expect(quotes("\u{201C}He will testify,\u{201D} said the lawyer for Maria Lopez, Tom Hale.") == ["He will testify, <- Tom Hale"])
        // A role word that is no title stands for the person named before it.
        #expect(quotes("Sebastian Kurz spoke in Vienna. \"Diese Gebiete werden isoliert\", sagte der Regierungschef.", "de")
                == ["Diese Gebiete werden isoliert <- Sebastian Kurz"])
        // A nationality beside the role picks the person it was said of.
        #expect(quotes("El presidente Donald Trump recibió al presidente colombiano Gustavo Petro. Trump habló primero. \"Las diferencias eran menores\", declaró el mandatario colombiano.", "es")
                == ["Las diferencias eran menores <- Gustavo Petro"])
        #expect(quotes("Colombian President Gustavo Petro met Donald Trump. Trump spoke first. \u{201C}We agree,\u{201D} said the Colombian leader.")
                == ["We agree, <- Gustavo Petro"])
        // With no speech verb, a person after a preposition is the object, not the speaker.
        #expect(quotes("Cher wished for Donald Trump to be \u{201C}locked in a hot cage with dirty water.\u{201D}")
                == ["locked in a hot cage with dirty water. <- nil"])
        // An indefinite role is someone unnamed.
        #expect(quotes("Omar Miranda was fired. A manager told him, \u{201C}your papers did not seem genuine.\u{201D}")
                == ["your papers did not seem genuine. <- nil"])
        // One that fits no one named is no one's.
        #expect(quotes("Colombian President Gustavo Petro met Donald Trump. \u{201C}We agree,\u{201D} said the French president.")
                == ["We agree, <- nil"])
    }

    @Test func aPronounStandsForTheLastSubject() {
        #expect(quotes("Governor Tom Hale met Ana Ruiz. \u{201C}It is a disaster,\u{201D} he said.") == ["It is a disaster, <- Tom Hale"])
        // Within one sentence the nearest person before the pronoun is its subject.
        #expect(quotes("Tom Hale blamed Ana Ruiz, and Ana Ruiz denounced the raid, which she called \u{201C}a kidnapping.\u{201D}")
                == ["a kidnapping. <- Ana Ruiz"])
    }

    @Test func aNameBesideASpeechVerbIsAPerson() {
        #expect(quotes("\"Il bilancio è solido\", ha affermato Lucia Ferri.", "it") == ["Il bilancio è solido <- Lucia Ferri"])
    }

    @Test func toldAndWrote() {
        #expect(quotes("Ana Ruiz told reporters: \u{201C}We are ready.\u{201D}") == ["We are ready. <- Ana Ruiz"])
        #expect(quotes("In a letter, Senator Ben Cole wrote: \u{201C}The bill is dead.\u{201D}") == ["The bill is dead. <- Ben Cole"])
    }

    @Test func otherLanguagesAndMarks() {
        #expect(quotes("\u{201E}Wir schaffen das\u{201C}, sagte Angela Merkel.", "de") == ["Wir schaffen das <- Angela Merkel"])
        #expect(quotes("Selon Emmanuel Macron, \u{00AB} la France est prête \u{00BB}.", "fr") == ["la France est prête <- Emmanuel Macron"])
        #expect(quotes("\u{201C}Es un honor\u{201D}, dijo Gustavo Petro.", "es") == ["Es un honor <- Gustavo Petro"])
    }

    /// News prose attributes the first of several quotations in a paragraph only.
    @Test func aBareQuotationGoesOnWithTheSpeakerBefore() {
        #expect(quotes("\u{201C}Pay has not risen,\u{201D} said Ingrid Solheim. \u{201C}We did not want this strike.\u{201D}")
                == ["Pay has not risen, <- Ingrid Solheim", "We did not want this strike. <- Ingrid Solheim"])
        #expect(quotes("\u{201C}Pay has not risen. Fuel went up,\u{201D} said Ingrid Solheim. \u{201C}We did not want this strike.\u{201D}")
                == ["Pay has not risen. Fuel went up, <- Ingrid Solheim", "We did not want this strike. <- Ingrid Solheim"])
        // Not when someone else is named between, nor across paragraphs.
        #expect(quotes("\u{201C}Pay has not risen,\u{201D} said Ingrid Solheim. Per Olsen disagreed. \u{201C}It is a fair offer.\u{201D}")
                == ["Pay has not risen, <- Ingrid Solheim", "It is a fair offer. <- nil"])
        #expect(quotes("\u{201C}Pay has not risen,\u{201D} said Ingrid Solheim.\n\n\u{201C}We did not want this strike.\u{201D}")
                == ["Pay has not risen, <- Ingrid Solheim", "We did not want this strike. <- nil"])
    }

    @Test func aPronounSkipsPeopleTitledOtherwise() {
        // The subject of the sentence before would be the referent, were it not titled otherwise.
        #expect(quotes("Mr Tom Crow met Mrs Anna Miller. \u{201C}It went well,\u{201D} she said.") == ["It went well, <- Anna Miller"])
        #expect(quotes("Mrs Anna Miller met Mr Tom Crow. \u{201C}It went well,\u{201D} he said.") == ["It went well, <- Tom Crow"])
        #expect(quotes("Mrs Anna Miller met Mr Tom Crow. \u{201C}It went well,\u{201D} she said.") == ["It went well, <- Anna Miller"])
    }

    @Test func unattributedQuotesHaveNoSpeaker() {
        #expect(quotes("The pamphlet called the country \u{201C}a reliable ally.\u{201D}") == ["a reliable ally. <- nil"])
        #expect(quotes("It was a \u{2018}success\u{2019}, it\u{2019}s said.") .count == 1)
        // A quoted term without an attribution word is not speech; a longer quotation is the subject's.
        #expect(quotes("Mayor Ann Hale rejected the \u{201C}reform\u{201D} plan.") == ["reform <- nil"])
        #expect(quotes("Mayor Ann Hale rejected the \u{201C}so-called reform of the city\u{201D} outright.")
                == ["so-called reform of the city <- Ann Hale"])
    }
}
