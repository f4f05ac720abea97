import Foundation
import ParallaxAnnotate
import ParallaxCore
import Testing
@testable import ParallaxCompare

/// Timeline, relations, copies and omissions on small hand-built articles.
@Suite struct StorySectionsTests {
    static let wire = [
        "Dock workers at the port of Antwerp walked out at six in the morning after talks with the terminal operators broke down over night shifts and overtime pay.",
        "The union said the stoppage would last until the operators returned to the table with a written offer on staffing levels for the container terminals.",
        "Shipping lines diverted several vessels to Rotterdam and warned customers that deliveries of perishable goods could be delayed by several days.",
    ]

    @Test func aRewriteOfOneTextIsOneSource() {
        let original = Fixture(source: "wire.txt", published: CalendarDay(year: 2026, month: 3, day: 2), sentences: Self.wire)
        let copy = Fixture(source: "copy.txt", published: CalendarDay(year: 2026, month: 3, day: 3),
                           sentences: Self.wire + ["Readers can follow the strike on our live page throughout the day."])
        let own = Fixture(source: "own.txt", published: CalendarDay(year: 2026, month: 3, day: 2), sentences: [
            "Antwerp's dockers stopped work at dawn when negotiations about night shifts and overtime pay with terminal operators failed.",
            "Several ships headed for Rotterdam instead, and shipping lines told customers perishable deliveries could be late.",
        ])
        let report = StoryComparator().compare([copy.annotated, original.annotated, own.annotated])
        #expect(report.copies.count == 1)
        #expect(report.copies.first?.sources == ["wire.txt", "copy.txt"])
        #expect(report.copies.first?.first == "wire.txt")
        // Same day for wire.txt and own.txt, neither with a time of day: nothing tells which came first.
        #expect(report.firstPublished == nil)
        #expect(report.corroborated.allSatisfy { $0.independentSources >= 2 })
        // The union sentence is printed twice but said by one source: not corroborated.
        #expect(!report.corroborated.contains { claim in claim.sentences.contains { $0.text.hasPrefix("The union said") } })
        #expect(report.unique.filter { $0.text.hasPrefix("The union said") }.map(\.source).sorted() == ["copy.txt", "wire.txt"])
        let shipping = report.corroborated.first { claim in claim.sentences.contains { $0.text.hasPrefix("Shipping lines") } }
        #expect(shipping?.independentSources == 2)
        #expect(Set(shipping?.sentences.map(\.source) ?? []) == ["wire.txt", "copy.txt", "own.txt"])
        // What a copy alone prints is headed as its copies' too, not as one outlet's alone.
        let text = ReportRenderer.text(report)
        #expect(text.contains("Only in [1] copy.txt and its copy [2] (") && text.contains("Only in [2] wire.txt and its copy [1] ("))
        #expect(text.contains("Only in [3] own.txt ("))
        // The sentence both copies print is listed once, under the first.
        #expect(text.components(separatedBy: "- The union said").count == 2, "\(text)")
        #expect(text.contains("It is printed word for word by [1] and listed there."))
        #expect(ReportRenderer.html(report).contains("copy of [2], counted as one source with it"))
    }

    @Test func differentTextsAreNoCopies() {
        let a = Fixture(source: "a.txt", sentences: Self.wire)
        let b = Fixture(source: "b.txt", sentences: [
            "Antwerp's dockers stopped work at dawn when negotiations about night shifts and overtime pay with terminal operators failed.",
            "Several ships headed for Rotterdam instead, and shipping lines told customers perishable deliveries could be late.",
        ])
        let report = StoryComparator().compare([a.annotated, b.annotated])
        #expect(report.copies.isEmpty)
        #expect(report.firstPublished == nil)
    }

    @Test func theEarlierDayWasFirst() {
        let a = Fixture(source: "a.txt", published: CalendarDay(year: 2026, month: 3, day: 3), sentences: ["The council met."])
        let b = Fixture(source: "b.txt", published: CalendarDay(year: 2026, month: 3, day: 2), sentences: ["The council met again."])
        #expect(StoryComparator().compare([a.annotated, b.annotated]).firstPublished == "b.txt")
    }

    @Test func corroboratedDatesIntersectAndEventsAreOrdered() {
        let a = Fixture(source: "a.txt", sentences: [
            "Last year, the minister accused the mayor of fraud over the harbour contracts.",
            "The harbour board resigned on 2 March.",
        ], times: [("Last year", .year(2025)), ("on 2 March", .day(CalendarDay(year: 2026, month: 3, day: 2)))])
        let b = Fixture(source: "b.txt", sentences: [
            "In October, the minister publicly accused the mayor of fraud over harbour contracts.",
            "A court hearing was set for May.",
        ], times: [("In October", .month(year: 2025, month: 10)), ("for May", .month(year: 2026, month: 5))])
        let report = StoryComparator().compare([a.annotated, b.annotated])
        #expect(report.timeline.map(\.start) == [CalendarDay(year: 2025, month: 10, day: 1), CalendarDay(year: 2026, month: 3, day: 2),
                                                   CalendarDay(year: 2026, month: 5, day: 1)])
        let accusation = try! #require(report.timeline.first)
        #expect(accusation.end == CalendarDay(year: 2025, month: 10, day: 31))
        #expect(accusation.sources == ["a.txt", "b.txt"])
        #expect(accusation.expressions == ["Last year", "In October"])
        #expect(accusation.text.hasPrefix("Last year, the minister accused"))
        #expect(report.timeline.dropFirst().allSatisfy { $0.sources.count == 1 })
    }

    @Test func datesThatCannotMeetStaySeparateEvents() {
        let a = Fixture(source: "a.txt", sentences: ["The minister accused the mayor of fraud over the harbour contracts in March."],
                        times: [("in March", .month(year: 2025, month: 3))])
        let b = Fixture(source: "b.txt", sentences: ["The minister accused the mayor of fraud over harbour contracts in October."],
                        times: [("in October", .month(year: 2025, month: 10))])
        let report = StoryComparator().compare([a.annotated, b.annotated])
        #expect(report.conflicts.filter { $0.kind == .date }.count == 1)
        #expect(report.timeline.map(\.sources) == [["a.txt"], ["b.txt"]])
    }

    @Test func relationsTurnFromHostileToCooperative() {
        let monday = CalendarDay(year: 2026, month: 1, day: 12)
        let a = Fixture(source: "a.txt", published: CalendarDay(year: 2026, month: 3, day: 4), sentences: [
            "Last year, Ana Ruiz accused Jan Berg of lying to parliament.",
            "On Monday Berg threatened Ruiz with a lawsuit.",
            "Ruiz did not criticise Berg again.",
            "The two met for lunch and agreed to work together.",
            "Ruiz praised Berg in a speech.",
        ], times: [("Last year", .year(2025)), ("On Monday", .day(monday))])
        var annotated = a.annotated
        annotated.entities = Self.mentions([("Ana Ruiz", "ana ruiz"), ("Jan Berg", "jan berg"), ("Ruiz", "ana ruiz"), ("Berg", "jan berg")],
                                           in: annotated)
        let report = StoryComparator().compare([annotated])
        let relation = try! #require(report.relations.first)
        #expect(report.relations.count == 1)
        #expect(relation.actors == ["Ana Ruiz", "Jan Berg"])
        #expect(relation.events.map(\.kind) == ["accuse", "threaten", "meet", "agree", "praise"])
        #expect(relation.events.map(\.date) == ["2025", "2026-01-12", "2026-03-04", "2026-03-04", "2026-03-04"])
        #expect(relation.events.map(\.datedBy) == ["claim", "claim", "published", "published", "published"])
        #expect(relation.events[0].from == "Ana Ruiz" && relation.events[0].to == "Jan Berg")
        #expect(relation.events[1].from == "Jan Berg" && relation.events[1].to == "Ana Ruiz")
        #expect(relation.events.map(\.inferred) == [false, false, true, true, false])
        #expect(relation.events.prefix(2).allSatisfy { $0.tone < 0 })
        #expect(relation.events.suffix(3).allSatisfy { $0.tone > 0 })
    }

    /// A name right before a noun for the one who acts is whom the act is toward: Noboa
    /// supports Trump, and Berg's critics criticise Berg (here Ruiz is one of them).
    @Test func aNameBeforeAnAgentNounIsTheTarget() throws {
        let a = Fixture(source: "a.txt", published: CalendarDay(year: 2026, month: 2, day: 5), sentences: [
            "Daniel Noboa has long been a vocal Donald Trump supporter.",
            "Ana Ruiz, a Jan Berg critic since the election, spoke first.",
        ])
        var annotated = a.annotated
        annotated.entities = Self.mentions([("Daniel Noboa", "daniel noboa"), ("Donald Trump", "donald trump"), ("Ana Ruiz", "ana ruiz"),
                                            ("Jan Berg", "jan berg")], in: annotated)
        let events = StoryComparator().compare([annotated]).relations.flatMap(\.events)
        let support = try #require(events.first { $0.word == "supporter" })
        #expect(support.kind == "help" && support.from == "Daniel Noboa" && support.to == "Donald Trump")
        let critic = try #require(events.first { $0.word == "critic" })
        #expect(critic.kind == "criticize" && critic.from == "Ana Ruiz" && critic.to == "Jan Berg")
    }

    /// Every occurrence of the names (longest first, not overlapping) as person mentions.
    static func mentions(_ names: [(text: String, key: String)], in annotated: AnnotatedArticle) -> [EntityMention] {
        var found: [EntityMention] = []
        for sentence in annotated.sentences {
            for name in names {
                var searchStart = sentence.text.startIndex
                while let range = sentence.text.range(of: name.text, range: searchStart..<sentence.text.endIndex) {
                    let start = sentence.span.start + sentence.text.scalarOffset(of: range.lowerBound)
                    let span = TextSpan(start: start, end: start + name.text.unicodeScalars.count)
                    if !found.contains(where: { $0.span.overlaps(span) }) {
                        found.append(EntityMention(text: name.text, span: span, sentence: sentence.index, key: name.key,
                                                   name: names.first { $0.key == name.key }!.text, kind: .person))
                    }
                    searchStart = range.upperBound
                }
            }
        }
        return found.sorted { $0.span.start < $1.span.start }
    }

    @Test func relationWordsAreMatchedPerLanguage() {
        #expect(RelationLexicon.kind(of: "accused", language: "en").map { RelationLexicon.kinds[$0].name } == "accuse")
        #expect(RelationLexicon.kind(of: "beschuldigte", language: "de").map { RelationLexicon.kinds[$0].name } == "accuse")
        #expect(RelationLexicon.kind(of: "menace", language: "fr").map { RelationLexicon.kinds[$0].name } == "threaten")
        #expect(RelationLexicon.kind(of: "reunió", language: "es").map { RelationLexicon.kinds[$0].name } == "meet")
        #expect(RelationLexicon.kind(of: "ontmoette", language: "nl").map { RelationLexicon.kinds[$0].name } == "meet")
        #expect(RelationLexicon.kind(of: "called", language: "en") == nil)
        #expect(RelationLexicon.kind(of: "reunió", language: "en") == nil)
        for kind in RelationLexicon.kinds {
            #expect((-1...1).contains(kind.tone))
            #expect(Set(kind.patterns.keys) == ["en", "de", "fr", "es", "nl"], "\(kind.name)")
        }
    }

    /// A sentence in a corroborated claim is not also listed whole as something only its
    /// source says, though a name or a date of it has no match in another language ("St
    /// Peter's Square" / "Piazza San Pietro"): the stream's stories listed 147 such sentences
    /// twice.
    @Test func aCorroboratedSentenceIsNotAlsoUnique() {
        func annotated(_ source: String, _ language: String, _ paragraphs: [String]) -> AnnotatedArticle {
            ArticleAnnotator().annotate(Article(source: source, title: "", paragraphs: paragraphs, language: language))
        }
        let english = annotated("en.txt", "en", [
            "Pope Francis spoke to pilgrims in St Peter's Square on Wednesday.",
            "“We celebrate the great and particular gifts given to us by God,” he said.",
        ])
        let italian = annotated("it.txt", "it", [
            "Papa Francesco ha parlato ai pellegrini in Piazza San Pietro mercoledì.",
            "“Celebriamo i doni grandi e particolari che Dio ci ha dato”, ha detto.",
        ])
        let report = StoryComparator().compare([english, italian])
        #expect(report.corroborated.count == 2)
        let corroborated = Set(report.corroborated.flatMap(\.sentences).map { [$0.source, String($0.start), String($0.end)] })
        #expect(!report.unique.contains { corroborated.contains([$0.source, String($0.start), String($0.end)]) })
    }

    /// Two shootings of one loosely grouped story, told in Spanish and English in the same
    /// sheriff's words: the sentences align on the names, but across languages a pair this
    /// weak does not set its days against each other (`SentenceAlignment.crossLanguageDateThreshold`).
    @Test func weaklyAlignedSentencesOfTwoLanguagesHaveNoDateConflict() {
        func annotated(_ source: String, _ language: String, _ paragraphs: [String]) -> AnnotatedArticle {
            ArticleAnnotator().annotate(Article(source: source, title: "", paragraphs: paragraphs, language: language))
        }
        let spanish = annotated("es.txt", "es", [
            "Los detectives de la Oficina de Homicidios del Departamento del Sheriff del Condado de Los Ángeles respondieron a un tiroteo el martes a las 5 a.m. en la cuadra 3000 de Vera Avenue, Los Ángeles.",
        ])
        let english = annotated("en.txt", "en", [
            "Los Angeles County Sheriff’s Department deputies were called to the 2200 block of West 154th Street in Compton at 12:40 a.m. Wednesday after receiving a report of a shooting.",
        ])
        let report = StoryComparator().compare([spanish, english])
        #expect(report.corroborated.count == 1)
        #expect(report.conflicts.filter { $0.kind == .date }.isEmpty)
    }

    /// "Seit Montag" (since Monday) names when something began, not the day of what the
    /// sentence tells, so it is no date against "am Samstag"; "am Montag" is.
    @Test func aTimeSinceADayIsNoDateOfTheFact() {
        func annotated(_ source: String, _ sentence: String) -> AnnotatedArticle {
            ArticleAnnotator().annotate(Article(source: source, title: "", paragraphs: [sentence], language: "de"))
        }
        let since = annotated("a.txt", "Seit Montag verhandeln die Volkspartei und die Grünen in Wien über eine gemeinsame Regierung.")
        let saturday = annotated("b.txt", "Am Samstag verhandeln die Volkspartei und die Grünen in Wien über eine gemeinsame Regierung.")
        let report = StoryComparator().compare([since, saturday])
        #expect(report.corroborated.count == 1)
        #expect(report.conflicts.filter { $0.kind == .date }.isEmpty)
        let monday = annotated("c.txt", "Am Montag verhandeln die Volkspartei und die Grünen in Wien über eine gemeinsame Regierung.")
        #expect(StoryComparator().compare([monday, saturday]).conflicts.filter { $0.kind == .date }.count == 1)
    }

    /// "Officials said on Wednesday" is the day of a statement, not of what it tells, so it is no
    /// date against the day another source gives the fact; two days of one statement still are.
    @Test func theDayOfAStatementIsNoDateOfTheFact() {
        func annotated(_ source: String, _ sentence: String, _ language: String = "en") -> AnnotatedArticle {
            ArticleAnnotator().annotate(Article(source: source, title: "", paragraphs: [sentence], language: language))
        }
        func dateConflicts(_ a: AnnotatedArticle, _ b: AnnotatedArticle) -> Int {
            StoryComparator().compare([a, b]).conflicts.filter { $0.kind == .date }.count
        }
        let said = annotated("a.txt", "Protesters withdrew from the embassy compound in Baghdad, Iraqi officials said on Wednesday.")
        let fact = annotated("b.txt", "Protesters withdrew from the embassy compound in Baghdad on Tuesday.")
        let saidOtherDay = annotated("c.txt", "Protesters withdrew from the embassy compound in Baghdad, Iraqi officials said on Tuesday.")
        #expect(dateConflicts(said, fact) == 0)
        #expect(dateConflicts(said, saidOtherDay) == 1)
        let informed = annotated("d.txt", "El incendio en el zoológico de Krefeld mató a treinta animales, informó este miércoles la policía.", "es")
        let ended = annotated("e.txt", "El incendio en el zoológico de Krefeld mató el martes a treinta animales.", "es")
        #expect(dateConflicts(informed, ended) == 0)
        let announced = annotated("f.txt", "Am Mittwoch teilte die Polizei mit, dass das Feuer im Krefelder Zoo dreißig Tiere getötet hat.", "de")
        let happened = annotated("g.txt", "Am Dienstag hat das Feuer im Krefelder Zoo dreißig Tiere getötet.", "de")
        #expect(dateConflicts(announced, happened) == 0)
        let onFriday = annotated("h.txt", "Am Freitag hat das Feuer im Krefelder Zoo dreißig Tiere getötet.", "de")
        #expect(dateConflicts(onFriday, happened) == 1)
        // "Gab" tells only with "bekannt": "am Freitag gab es" is the day of the fact.
        let thereWas = annotated("i.txt", "Am Freitag gab es das Feuer im Krefelder Zoo, das dreißig Tiere getötet hat.", "de")
        #expect(dateConflicts(thereWas, happened) == 1)
    }

    /// A sentence stating two corroborated facts is listed once among a source's omissions;
    /// the second fact is shown by its other source's sentence.
    @Test func anOmittedSentenceIsListedOnce() {
        func sentence(_ source: String, _ start: Int, _ text: String) -> StoryReport.ClaimSentence {
            .init(source: source, text: text, start: start, end: start + text.unicodeScalars.count)
        }
        let long = sentence("a.txt", 0, "The bridge collapsed at dawn and three survivors were pulled from the water.")
        let collapse = StoryReport.Corroboration(sentences: [long, sentence("b.txt", 0, "The bridge collapsed at dawn.")],
                                                 score: 0.6, shared: [])
        let survivors = StoryReport.Corroboration(sentences: [long, sentence("b.txt", 40, "Three survivors were pulled from the water.")],
                                                  score: 0.5, shared: [])
        let fire = StoryReport.Corroboration(sentences: [long], score: 0.4, shared: [])
        let articles = ["a.txt", "b.txt", "c.txt"].map {
            AnnotatedArticle(article: Article(source: $0, title: "", paragraphs: ["x"], language: "en"), sentences: [])
        }
        let omissions = StoryComparator.omissions([collapse, survivors, fire], articles: articles, labels: ["a.txt", "b.txt", "c.txt"])
        let ofC = omissions.first { $0.source == "c.txt" }?.claims.map(\.text)
        #expect(ofC == [long.text, "Three survivors were pulled from the water."])
    }

    @Test func omissionsListWhatOthersCorroborate() {
        let a = Fixture(source: "a.txt", sentences: [
            "The bridge over the Danube collapsed at dawn, the ministry confirmed.",
            "Rescuers pulled three survivors from the water near the bridge.",
        ], entities: [("Danube", "danube", .place)])
        let b = Fixture(source: "b.txt", sentences: [
            "The ministry confirmed that the bridge over the Danube collapsed at dawn.",
            "Three survivors were pulled from the water near the bridge by rescuers.",
        ], entities: [("Danube", "danube", .place)])
        let c = Fixture(source: "c.txt", sentences: [
            "At dawn the bridge over the Danube collapsed, according to the ministry.",
            "Traffic was diverted through the old town.",
        ], entities: [("Danube", "danube", .place)])
        let report = StoryComparator().compare([a.annotated, b.annotated, c.annotated])
        #expect(report.omissions.map(\.source) == ["c.txt"])
        #expect(report.omissions.first?.claims.map(\.text) == ["Rescuers pulled three survivors from the water near the bridge."])
    }
}
