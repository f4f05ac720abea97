import Foundation
import ParallaxAnnotate
import ParallaxCore
import ParallaxLanguage
import Testing
@testable import ParallaxCompare

/// Alignment, conflicts and quotes on small hand-built articles.
@Suite struct AlignmentTests {
    static let october2025 = DayInterval.month(year: 2025, month: 10)
    static let march2025 = DayInterval.month(year: 2025, month: 3)

    /// Two reports of a fire; `countA`/`countB` fill the number of dead in each.
    func fireReports(countA: (String, Double, NumberMention.Qualifier), countB: (String, Double, NumberMention.Qualifier),
                     timeA: (String, DayInterval?) = ("on Monday", nil), timeB: (String, DayInterval?) = ("on Monday", nil))
        -> [AnnotatedArticle] {
        let a = Fixture(
            source: "a.txt",
            sentences: [
                "A fire at the central market in Lyon killed \(countA.0) people \(timeA.0), the regional fire service said.",
                "Firefighters needed six hours to bring the blaze under control.",
                "The mayor announced a day of mourning.",
            ],
            entities: [("Lyon", "lyon", .place)],
            numbers: [(countA.0 + " people", countA.1, "dead", countA.2)],
            times: [(timeA.0, timeA.1)])
        let b = Fixture(
            source: "b.txt",
            sentences: [
                "The regional fire service said \(countB.0) people died \(timeB.0) when fire swept through the central market of Lyon.",
                "Investigators are examining an electrical fault.",
                "Shops nearby stayed closed on Tuesday.",
            ],
            entities: [("Lyon", "lyon", .place)],
            numbers: [(countB.0 + " people", countB.1, "dead", countB.2)],
            times: [(timeB.0, timeB.1)])
        return [a.annotated, b.annotated]
    }

    @Test func alignsTheSameFactAndReportsANumberConflict() {
        let report = StoryComparator().compare(fireReports(countA: ("12", 12, .exact), countB: ("40", 40, .exact)))
        #expect(report.corroborated.count == 1)
        let claim = try! #require(report.corroborated.first)
        #expect(claim.sentences.map(\.source) == ["a.txt", "b.txt"])
        #expect(claim.sentences[0].text.contains("killed 12 people"))
        #expect(claim.sentences[1].text.contains("40 people died"))
        let numberConflicts = report.conflicts.filter { $0.kind == .number }
        #expect(numberConflicts.count == 1)
        #expect(numberConflicts.first?.sides.map(\.value) == ["12 people", "40 people"])
        #expect(numberConflicts.first?.sides.map(\.source) == ["a.txt", "b.txt"])
    }

    @Test func compatibleNumbersAreNoConflict() {
        let report = StoryComparator().compare(fireReports(countA: ("about 40", 40, .approximately), countB: ("42", 42, .exact)))
        #expect(report.corroborated.count == 1)
        #expect(report.conflicts.isEmpty)
        #expect(report.evidence.sharedNumbers == ["about 40 dead"])
    }

    @Test func datesThatCannotOverlapConflict() {
        let report = StoryComparator().compare(fireReports(
            countA: ("12", 12, .exact), countB: ("12", 12, .exact),
            timeA: ("in March", Self.march2025), timeB: ("in October", Self.october2025)))
        #expect(report.corroborated.count == 1)
        let dates = report.conflicts.filter { $0.kind == .date }
        #expect(dates.count == 1)
        #expect(dates.first?.sides.map(\.value) == ["in March (2025-03)", "in October (2025-10)"])
    }

    @Test func overlappingOrUnresolvedDatesAreNoConflict() {
        let overlapping = StoryComparator().compare(fireReports(
            countA: ("12", 12, .exact), countB: ("12", 12, .exact),
            timeA: ("last year", .year(2025)), timeB: ("in October", Self.october2025)))
        #expect(overlapping.conflicts.isEmpty)
        #expect(overlapping.evidence.sharedDates == ["2025"])

        let unresolved = StoryComparator().compare(fireReports(
            countA: ("12", 12, .exact), countB: ("12", 12, .exact),
            timeA: ("last year", nil), timeB: ("in October", Self.october2025)))
        #expect(unresolved.conflicts.isEmpty)
        #expect(unresolved.times.map(\.resolved) == [nil, Self.october2025])
    }

    /// Two English articles of plain sentences ("a.txt" and "b.txt"), compared.
    static func compare(_ first: [String], _ second: [String]) -> StoryReport {
        StoryComparator().compare([Fixture(source: "a.txt", sentences: first).annotated,
                                   Fixture(source: "b.txt", sentences: second).annotated])
    }

    @Test func unrelatedSentencesStayUnaligned() {
        let report = Self.compare([
            "The city museum reopened its doors after a renovation that lasted three years.",
            "Visitors queued along the river to see the restored paintings.",
        ], [
            "The national team won the championship final after extra time.",
            "Thousands of fans celebrated in the streets until morning.",
        ])
        #expect(report.corroborated.isEmpty)
        #expect(!report.sameStory)
        #expect(report.similarity < 0.5)
        #expect(report.unique.count == 4)
    }

    /// The sentences after an aligned pair align on weaker evidence, but not on the story's
    /// protagonist and one word: every sentence of both reports names her.
    @Test func neighboursOfAnAlignedPairNeedMoreThanTheProtagonist() {
        let a = Fixture(source: "a.txt", sentences: [
            "Prime Minister Anna Berg resigned on Monday after losing a confidence vote in parliament.",
            "Ms Berg said she would remain party leader until the spring congress.",
        ], entities: [("Anna Berg", "anna berg", .person), ("Ms Berg", "anna berg", .person)])
        let b = Fixture(source: "b.txt", sentences: [
            "Anna Berg resigned as prime minister on Monday after losing a confidence vote in parliament.",
            "Ms Berg thanked her staff and said the country needed calm.",
        ], entities: [("Anna Berg", "anna berg", .person), ("Ms Berg", "anna berg", .person)])
        let report = StoryComparator().compare([a.annotated, b.annotated])
        #expect(report.corroborated.count == 1)
        #expect(report.corroborated.first?.sentences.count == 2)
        #expect(report.unique.count == 2, "\(report.unique.map(\.text))")
    }

    /// Nor on a verb of saying and one word: every quote has its "said" (the demo's mayor
    /// "decided" to stop depending on the rain; the biologist's outfall "will decide everything").
    @Test func neighboursOfAnAlignedPairNeedMoreThanASayingVerb() {
        let report = Self.compare([
            "The council approved a desalination plant on Thursday by fourteen votes to seven.",
            "\u{201C}Today we decided to stop depending on the rain,\u{201D} the mayor said after the vote.",
        ], [
            "The council approved the desalination plant on Thursday by fourteen votes to seven.",
            "\u{201C}The design of the outfall will decide everything,\u{201D} the biologist said.",
        ])
        #expect(report.corroborated.count == 1, "\(report.corroborated.map { $0.sentences.map(\.text) })")
        #expect(report.corroborated.first?.sentences.count == 2)
        #expect(!report.corroborated.contains { claim in claim.sentences.contains { $0.text.contains("decide") } })
    }

    /// Two reports from one site end on the same call to subscribe: page furniture that
    /// extraction left inside a paragraph. It is neither a corroborated nor a unique claim.
    @Test func pageFurnitureIsNoClaim() {
        let furniture = "Ne ratez aucun article de Telestar.fr en recevant directement une alerte via Messenger."
        let a = Fixture(source: "a.txt", sentences: [
            "Le chef a fermé son restaurant parisien après un contrôle sanitaire mardi.", furniture,
        ], language: "fr")
        let b = Fixture(source: "b.txt", sentences: [
            "Le jury du concours de cuisine se réunira mercredi sans le chef.", furniture,
        ], language: "fr")
        let report = StoryComparator().compare([a.annotated, b.annotated])
        let claims = report.corroborated.flatMap(\.sentences).map(\.text) + report.unique.map(\.text)
        #expect(!claims.isEmpty)
        #expect(!claims.contains { $0.hasPrefix("Ne ratez") }, "\(claims)")
        #expect(CompareLexicon.isFurniture("visit business insider's homepage for more stories."))
        #expect(!CompareLexicon.isFurniture("the ministry said it would visit the site."))
        // Notices of the page's machinery, in several languages, seen in the stream's stories.
        for notice in ["durch die weitere nutzung unserer website erklären sie sich mit dem einsatz von cookies einverstanden.",
                       "the courier mail no cookies to use this website, cookies must be enabled in your browser.",
                       "copyright © 2020, abc audio.", "reservados todos los derechos",
                       "police concerned about ill man sign up to free daily email alerts from plymouthherald",
                       "read more: silverstar to ring in new year with a pow",
                       "заключенные 2019 подпишитесь на бесплатные ежедневные оповещения по электронной почте от stokesentinel",
                       "rückfragen bitte an: polizeipräsidium stuttgart telefon: 0711 8990-1111",
                       "den vollständigen artikel lesen ...",
                       "__________________________ contact clare: clare@reportlinker.com us: (339)-368-6001",
                       "or send an email to info@washington.mfa.gov.il.",
                       "poiché hai già condiviso i tuoi dati personali con noi quando hai creato il tuo account personale",
                       "zgodnie z rozporządzeniem parlamentu europejskiego i rady (ue) 2016/679"] {
            #expect(CompareLexicon.isFurniture(notice), "\(notice)")
        }
        // A picture's credit and a source line name an agency but state nothing.
        for credit in ["photo: the coastal times / archive", "(image: getty images)", "źródło: pap/epa",
                       "© foto: dirk waem/dpa", "source : sports", "crédit photo : afp"] {
            #expect(CompareLexicon.isFurniture(credit), "\(credit)")
        }
        // A contact line, a call to pay for the site's journalism, a press release's disclaimer.
        for line in ["mark davies zenith fit personal trainer & online coach tel: 07837 950 573 web: www.zenithfit.co.uk",
                     "if you enjoy allie's coverage, support strong local journalism by subscribing for full access",
                     "diese pressemeldung enthält zukunftsgerichtete informationen im sinne der geltenden wertpapiergesetze.",
                     "分享 将本文通过电子邮件发送给朋友 要发送此页面的链接，您必须先登录。"] {
            #expect(CompareLexicon.isFurniture(line), "\(line)")
        }
        #expect(!CompareLexicon.isFurniture("the rocket hit a hotel. 300 people were evacuated from tel aviv."))
        // A page's copyright line, byline and dateline.
        for stamp in ["© 2026 nordic wire service.", "por lucía berenguer · 6 de marzo de 2026 - 08:00",
                      "nordic wire service · 3 march 2026, 09:10"] {
            #expect(CompareLexicon.isFurniture(stamp), "\(stamp)")
        }
        #expect(!CompareLexicon.isFurniture("© dpa seoul/washington.im streit um nordkoreas atomwaffenprogramm stehen die zeichen erneut auf konfrontation."))
        #expect(!CompareLexicon.isFurniture("首席大法官吉塔·米塔尔今天通过视频会议与 2 名司法官员进行了互动。"))
        // A longer line under such a label is a caption or a sentence of the story.
        #expect(!CompareLexicon.isFurniture("(photo: ap) the state finance minister of germany's hesse region has been found dead."))
        #expect(!CompareLexicon.isFurniture("image: a friend shared a photo of mr mclaren on his birthday."))
        // A post's handle is no e-mail address; nor is an address cut short.
        #expect(!CompareLexicon.isFurniture("— bbc news (world) (@bbcworld) january 1, 2020"))
        #expect(!CompareLexicon.isFurniture("the account user@localhost was hacked."))
        // Cookies alone may be news.
        #expect(!CompareLexicon.isFurniture("the regulator fined the bakery chain over the recall of its cookies."))
        #expect(!CompareLexicon.isFurniture("google said it would stop supporting third-party cookies in chrome by 2022."))
    }

    @Test func claimsAreSlicesOfTheArticleText() {
        let articles = fireReports(countA: ("12", 12, .exact), countB: ("40", 40, .exact))
        let report = StoryComparator().compare(articles)
        let texts = Dictionary(uniqueKeysWithValues: articles.map { ($0.article.source, $0.article.text) })
        let claims = report.corroborated.flatMap(\.sentences) + report.unique
        #expect(!claims.isEmpty)
        for claim in claims {
            #expect(claim.text == texts[claim.source]?.substring(TextSpan(start: claim.start, end: claim.end)))
        }
    }

    @Test func aSentenceMayBeCorroboratedByTwoSentences() {
        let a = Fixture(source: "a.txt", sentences: [
            "The ministry confirmed that the bridge over the Danube collapsed at dawn and that rescuers pulled three survivors from the water.",
            "Traffic was diverted through the old town.",
        ], entities: [("Danube", "danube", .place)])
        let b = Fixture(source: "b.txt", sentences: [
            "The bridge over the Danube collapsed at dawn, the ministry confirmed.",
            "Rescuers pulled three survivors from the water.",
            "A football match in the evening was cancelled.",
        ], entities: [("Danube", "danube", .place)])
        let report = StoryComparator().compare([a.annotated, b.annotated])
        let group = try! #require(report.corroborated.first)
        #expect(report.corroborated.count == 1)
        #expect(group.sentences.count == 3)
    }

    /// Two loosely related reports in two languages, as the stream's large stories hold them:
    /// the pair of their first sentences shares three words ("forces", "official",
    /// "secretary") and states two different facts. Across languages a lexical score that low
    /// (below `SentenceAlignment.crossLanguageFloor`) makes no claim, however likely the
    /// model finds the pair; a translated sentence still aligns.
    @Test func fewSharedWordsDoNotJoinLanguages() {
        func annotated(_ source: String, _ language: String, _ paragraphs: [String]) -> AnnotatedArticle {
            ArticleAnnotator().annotate(Article(source: source, title: "", paragraphs: paragraphs, language: language))
        }
        let english = annotated("en.txt", "en", [
            "Local sources, requesting not to be named, told the official news agency that Israeli forces also arrested the "
                + "secretary of the movement in the old city early on Wednesday after raiding his family home near the northern "
                + "gate and seizing two laptops, several phones and a car belonging to his brother.",
            "The Oktoberfest, which draws six million visitors, may not take place this year.",
        ])
        let french = annotated("fr.txt", "fr", [
            "Le Premier ministre, l'homme que son rival veut évincer lors des élections de lundi, l'a un jour salué comme un "
                + "officier et un gentleman lorsque son gouvernement l'a nommé chef d'état-major des forces armées, avant que "
                + "leur amitié ne se brise sur la question du budget.",
            "L'Oktoberfest, qui attire six millions de visiteurs, pourrait ne pas avoir lieu cette année.",
        ])
        let report = StoryComparator(titleAnnotator: nil).compare([english, french])
        let joined = report.corroborated.map { Set($0.sentences.map(\.text)) }
        #expect(!joined.contains { $0.contains(english.article.paragraphs[0]) }, "\(joined)")
        #expect(joined.contains { $0 == [english.article.paragraphs[1], french.article.paragraphs[1]] }, "\(joined)")
    }
}

/// Word matching: spelling, synonyms, character trigrams.
@Suite struct WordMatchingTests {
    func word(_ text: String, language: String = "en") -> ContentWord {
        let form = Orthography.americanSpelling(text)
        let stem = TextAnalyzer(language: language).tokens(in: text).first?.stem ?? text
        return ContentWord(form: form, stem: stem, text: text, isNumber: false, trigrams: Orthography.trigrams(form),
                           synonymGroup: CompareLexicon.synonymGroupOfWord[form],
                           concepts: ConceptLexicon.shared.concepts(ofStem: stem, language: language),
                           suffixing: ClaimMatcher.suffixingLanguages.contains(language))
    }

    @Test func britishAndAmericanSpellingsAreOneWord() {
        #expect(Orthography.americanSpelling("honour") == "honor")
        #expect(Orthography.americanSpelling("criticised") == "criticized")
        #expect(Orthography.americanSpelling("organisation") == "organization")
        #expect(Orthography.americanSpelling("centre") == "center")
        #expect(Orthography.americanSpelling("labelled") == "labeled")
        #expect(Orthography.americanSpelling("four") == "four")
        #expect(Orthography.americanSpelling("hour") == "hour")
    }

    @Test func paraphrasesMatch() {
        let matcher = ClaimMatcher(units: [])
        #expect(matcher.wordMatch(word("meeting"), word("session"), acrossLanguages: false) > 0)
        #expect(matcher.wordMatch(word("phone"), word("telephone"), acrossLanguages: false) > 0)
        #expect(matcher.wordMatch(word("call"), word("conversation"), acrossLanguages: false) > 0)
        #expect(matcher.wordMatch(word("producer"), word("producers"), acrossLanguages: false) > 0)
        #expect(matcher.wordMatch(word("criticised"), word("criticized"), acrossLanguages: false) == 1)
        #expect(matcher.wordMatch(word("meeting"), word("market"), acrossLanguages: false) == 0)
        #expect(matcher.wordMatch(word("war"), word("was"), acrossLanguages: false) == 0)
    }

    @Test func turkishFormsOfOneWordMatchByTheirOpening() {
        let matcher = ClaimMatcher(units: [])
        // "lost (his life)" and "while losing", "was caught" and "catching": one verb each,
        // which the Snowball stemmer leaves as different stems (from a pair of the claims benchmark).
        #expect(matcher.wordMatch(word("yitirdi", language: "tr"), word("yitirirken", language: "tr"), acrossLanguages: false) > 0)
        #expect(matcher.wordMatch(word("yakalandı", language: "tr"), word("yakalayarak", language: "tr"), acrossLanguages: false) > 0)
        // Four letters in common are not enough ("president", "capital").
        #expect(matcher.wordMatch(word("başkan", language: "tr"), word("başkent", language: "tr"), acrossLanguages: false) == 0)
        // Languages that do not stack suffixes keep to stems and trigrams: the two German
        // chambers open alike but are not one word.
        #expect(matcher.wordMatch(word("Bundestag", language: "de"), word("Bundesrat", language: "de"), acrossLanguages: false) == 0)
        #expect(matcher.wordMatch(word("bundestag", language: "tr"), word("bundesrat", language: "tr"), acrossLanguages: false) > 0)
    }

    @Test func translationsMatchOnlyAcrossLanguages() {
        let matcher = ClaimMatcher(units: [])
        // German "getötet" and English "killed" name one concept of the lexicon.
        #expect(matcher.wordMatch(word("getötet", language: "de"), word("killed"), acrossLanguages: true) > 0)
        #expect(matcher.wordMatch(word("Sauerstoff", language: "de"), word("oxygen"), acrossLanguages: true) > 0)
        #expect(matcher.wordMatch(word("getötet", language: "de"), word("oxygen"), acrossLanguages: true) == 0)
        // Within one language the lexicon's groups are looser than the synonym lists and
        // are not used: "hospital" and "clinic" match only across languages.
        #expect(matcher.wordMatch(word("oxygen"), word("oxygen"), acrossLanguages: false) == 1)
        #expect(matcher.wordMatch(word("hospital"), word("clinic"), acrossLanguages: false) == 0)
        #expect(matcher.wordMatch(word("hospital"), word("clinic"), acrossLanguages: true) > 0)
    }

    @Test func quotationWordsIgnoreTypography() {
        #expect(Orthography.comparableWords("“We will honour — every promise,” she said")
                == Orthography.comparableWords("\"we will honor - every promise\" She said"))
        #expect(Orthography.comparableWords("didn’t stop") == ["didn't", "stop"])
    }
}

/// The same quotation across sources, and quotes that differ materially.
@Suite struct QuoteMatchingTests {
    func article(_ source: String, _ sentence: String, quote: String, speaker: String?) -> AnnotatedArticle {
        Fixture(source: source, sentences: [sentence, "The council meets again next month."],
                quotes: [(quote, speaker.map { $0.lowercased() }, speaker)]).annotated
    }

    @Test func spellingDashesAndCaseDoNotSplitAQuote() {
        let a = article("a.txt", "The mayor wrote: “Thank you — a real honour — see you in spring.”",
                        quote: "Thank you — a real honour — see you in spring.", speaker: "Ana Ruiz")
        let b = article("b.txt", "Ruiz wrote: ‘thank you – a real honor – see you in spring.’",
                        quote: "thank you – a real honor – see you in spring.", speaker: "Ana Ruiz")
        let report = StoryComparator().compare([a, b])
        #expect(report.quotes.count == 1)
        #expect(report.quotes.first?.speaker == "Ana Ruiz")
        #expect(report.quotes.first?.variants.map(\.source) == ["a.txt", "b.txt"])
        #expect(report.conflicts.isEmpty)
    }

    @Test func materiallyDifferentWordsOfOneSpeakerConflict() {
        let a = article("a.txt", "The minister said: “We will never raise taxes on families.”",
                        quote: "We will never raise taxes on families.", speaker: "Jan Berg")
        let b = article("b.txt", "The minister said: “We will raise taxes on families next year.”",
                        quote: "We will raise taxes on families next year.", speaker: "Jan Berg")
        let report = StoryComparator().compare([a, b])
        #expect(report.quotes.count == 1)
        #expect(report.conflicts.filter { $0.kind == .quote }.count == 1)
    }

    /// Two German reports each quote the minister once, in other words, and an English one
    /// quotes him once: each German quotation pairs with the English one as its translation,
    /// but the two German quotations share no words, so they are two quotations, not one
    /// quotation given otherwise (the stream's stories had such chains as conflicts).
    @Test func quotationsJoinedOnlyThroughATranslationDoNotConflict() {
        func quoted(_ source: String, _ language: String, _ sentence: String, _ quote: String) -> AnnotatedArticle {
            Fixture(source: source, sentences: [sentence], quotes: [(quote, "jan berg", "Jan Berg")], language: language).annotated
        }
        let english = quoted("en.txt", "en", "The minister said the deal was “a fragile success”.", "a fragile success")
        let first = quoted("a.txt", "de", "Der Minister nannte die Einigung „ein zerbrechlicher Zwischenerfolg“.", "ein zerbrechlicher Zwischenerfolg")
        let second = quoted("b.txt", "de", "Der Minister sagte, die Regel bleibe „weiterhin gültig“.", "weiterhin gültig")
        let report = StoryComparator().compare([english, first, second])
        #expect(report.conflicts.filter { $0.kind == .quote }.isEmpty)
    }

    /// A speaker quoted twice in an English and a German report, the quotations naming and
    /// counting nothing: each pairs with its translation by the meanings its words name.
    @Test func translatedQuotesPairByMeaning() {
        func annotated(_ source: String, _ language: String, _ paragraphs: [String]) -> AnnotatedArticle {
            ArticleAnnotator().annotate(Article(source: source, title: "", paragraphs: paragraphs, language: language))
        }
        let english = annotated("en.txt", "en", ["Minister Ana Ruiz spoke to reporters in Valencia on Monday.",
                                                 "\"We deny the accusation,\" Ruiz said.",
                                                 "\"The hospital will be opened soon,\" Ruiz said."])
        let german = annotated("de.txt", "de", ["Ministerin Ana Ruiz sprach am Montag in Valencia mit Journalisten.",
                                                "\"Das Krankenhaus wird bald geöffnet\", sagte Ruiz.",
                                                "\"Wir bestreiten den Vorwurf\", sagte Ruiz."])
        let quotes = StoryComparator(titleAnnotator: nil).compare([english, german]).quotes
        let pairs = Set(quotes.map { $0.variants.map(\.text).joined(separator: " | ") })
        #expect(pairs == ["We deny the accusation, | Wir bestreiten den Vorwurf",
                          "The hospital will be opened soon, | Das Krankenhaus wird bald geöffnet"])
        #expect(quotes.count == 2 && quotes.allSatisfy { $0.translated })

        // A quotation whose meaning the other report does not carry pairs with nothing.
        let other = annotated("de2.txt", "de", ["Ministerin Ana Ruiz sprach am Montag in Valencia mit Journalisten.",
                                                "\"Das Wetter in Valencia ist schön\", sagte Ruiz.",
                                                "\"Wir bestreiten den Vorwurf\", sagte Ruiz."])
        let single = StoryComparator(titleAnnotator: nil).compare([english, other]).quotes
        #expect(single.map { $0.variants.map(\.text) } == [["We deny the accusation,", "Wir bestreiten den Vorwurf"]])
    }

    @Test func differentSpeakersAreDifferentQuotes() {
        let a = article("a.txt", "She said: “We will raise taxes on families.”", quote: "We will raise taxes on families.", speaker: "Jan Berg")
        let b = article("b.txt", "He said: “We will raise taxes on families.”", quote: "We will raise taxes on families.", speaker: "Eva Lind")
        #expect(StoryComparator().compare([a, b]).quotes.isEmpty)
    }
}
