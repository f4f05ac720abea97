import Foundation
import ParallaxAnnotate
import ParallaxCore
import Testing
@testable import ParallaxCompare

/// Quantities reconciled across sources and languages, through the real annotator: the same
/// quantity worded differently ("roughly 300", "more than 250", "1,2 millones", "1.2 Mio.",
/// "environ 5 %") is one value; a different toll is a conflict with both values and sources
/// side by side.
@Suite struct NumberReconciliationTests {
    static func article(_ source: String, _ language: String, _ sentences: [String]) -> AnnotatedArticle {
        ArticleAnnotator().annotate(Article(source: source, title: "", paragraphs: sentences, language: language))
    }

    static func compare(_ articles: [AnnotatedArticle]) -> StoryReport {
        StoryComparator(titleAnnotator: nil).compare(articles)
    }

    /// The number conflicts of the articles' report.
    static func numberConflicts(_ articles: [AnnotatedArticle]) -> [StoryReport.Conflict] {
        compare(articles).conflicts.filter { $0.kind == .number }
    }

    static func mention(_ value: Double, _ unit: String?, _ qualifier: NumberMention.Qualifier) -> NumberMention {
        NumberMention(text: "\(value)", span: TextSpan(start: 0, end: 1), sentence: 0, value: value, unit: unit, qualifier: qualifier)
    }

    @Test func boundsAndApproximationsAgreeWithinReach() {
        #expect(Self.mention(300, "person", .approximately).agrees(with: Self.mention(250, "person", .atLeast)))
        #expect(Self.mention(16, "person", .atLeast).agrees(with: Self.mention(16, "person", .exact)))
        #expect(Self.mention(20_000, "person", .approximately).agrees(with: Self.mention(20_000, "person", .atLeast)))
        #expect(Self.mention(1_300, "person", .atLeast).agrees(with: Self.mention(1_000, "person", .atLeast)))
        // An open bound is the count one source could confirm, not any number above it.
        #expect(!Self.mention(12, "person", .atLeast).agrees(with: Self.mention(30, "person", .exact)))
        #expect(!Self.mention(23, "person", .atLeast).agrees(with: Self.mention(9, "person", .exact)))
        #expect(!Self.mention(40, "percent", .atMost).agrees(with: Self.mention(10, "percent", .exact)))
        #expect(!Self.mention(5, "percent", .approximately).agrees(with: Self.mention(5, "person", .approximately)))
    }

    @Test func approximateCountsAreNoConflict() throws {
        let first = Self.article("a.txt", "en", [
            "Roughly 300 people were evacuated from the flooded town of Kelso on Monday, the regional fire service said.",
            "The river rose by two metres overnight.",
        ])
        let second = Self.article("b.txt", "en", [
            "More than 250 people were evacuated from the flooded town of Kelso on Monday, according to the fire service.",
            "Schools will stay closed.",
        ])
        let report = Self.compare([first, second])
        #expect(report.conflicts.filter { $0.kind == .number }.isEmpty)
        let claim = try #require(report.corroborated.first { $0.sentences.contains { $0.text.contains("Roughly 300") } })
        #expect(claim.sentences.contains { $0.source == "b.txt" && $0.text.contains("More than 250") })
    }

    @Test func oneAmountWrittenFourWaysIsOneValue() {
        let texts = [
            ("en.txt", "en", "The regional government said the new bridge over the Tagus cost 1.2 million euros."),
            ("en2.txt", "en", "According to the regional government, the bridge over the Tagus cost 1,200,000 euros."),
            ("es.txt", "es", "El gobierno regional dijo que el nuevo puente sobre el Tajo costó 1,2 millones de euros."),
            ("de.txt", "de", "Die Regionalregierung teilte mit, die neue Brücke über den Tajo habe 1,2 Mio. Euro gekostet."),
        ]
        let articles = texts.map { Self.article($0.0, $0.1, [$0.2]) }
        for article in articles {
            #expect(article.numbers.contains { $0.value == 1_200_000 && $0.unit == "eur" }, "\(article.article.source)")
        }
        let amounts = articles.flatMap(\.numbers).filter { $0.unit == "eur" }
        #expect(amounts.count == 4 && amounts.allSatisfy { $0.agrees(with: amounts[0]) })
    }

    @Test func differentTollsAreShownSideBySide() throws {
        let first = Self.article("a.txt", "en", [
            "At least 12 people died when a fire swept through the central market of Lyon on Monday, the fire service said.",
            "The mayor declared a day of mourning.",
        ])
        let second = Self.article("b.txt", "en", [
            "The fire service said 30 people died when the fire swept through the central market of Lyon on Monday.",
            "Shops nearby stayed closed.",
        ])
        let report = Self.compare([first, second])
        let conflict = try #require(report.conflicts.first { $0.kind == .number })
        #expect(conflict.sides.map(\.source) == ["a.txt", "b.txt"])
        #expect(conflict.sides[0].value.contains("12"))
        #expect(conflict.sides[1].value.contains("30"))
        #expect(conflict.sides[0].text.contains("central market of Lyon"))
    }

    /// Two accounts of one sum conflict ("12 bin 600 lira" against "12 bin 650 TL": Turkish
    /// writes 12,600 as "12 thousand 600", and TL is the lira); two sums of one story far apart
    /// are two sums (a bounty of 25 million dollars for one man, 15 million for another).
    @Test func closeSumsConflictAndDistantSumsAreTwoSums() throws {
        let first = Self.article("a.txt", "tr", [
            "Amasya'da bir hayırsever, muhtar ile birlikte mahallenin bakkal borcu olan 12 bin 600 liralık borcu ödedi.",
        ])
        let second = Self.article("b.txt", "tr", [
            "Amasya'da muhtar ile bakkalları ziyaret eden hayırsever, mahallenin bakkal borcu olan 12 bin 650 TL borcunu ödedi.",
        ])
        let conflict = try #require(Self.numberConflicts([first, second]).first)
        #expect(conflict.sides.map(\.value) == ["12 bin 600 liralık", "12 bin 650 TL"])
        let bounty = Self.article("c.es", "es", [
            "Estados Unidos ofrece 25 millones de dólares por información que lleve a la captura del líder del cártel.",
        ])
        let reward = Self.article("d.es", "es", [
            "Estados Unidos ofrece 15 millones de dólares por información que lleve a la captura del ministro del cártel.",
        ])
        #expect(Self.numberConflicts([bounty, reward]).isEmpty)
    }

    /// Real wording of the claim benchmark's Thai shooting pair: a toll given as "the death
    /// toll stood at 20 … 21 dead" against "killed 26 people". People may be the dead of
    /// another source, so the two fill one slot and conflict; the dead and the injured never do.
    @Test func aTollOfPeopleMeetsATollOfTheDead() throws {
        #expect(Self.mention(26, "person", .exact).mayCountTheSame(as: Self.mention(26, "dead", .exact)))
        #expect(!Self.mention(26, "dead", .exact).mayCountTheSame(as: Self.mention(26, "injured", .exact)))
        let first = Self.article("a.txt", "en", [
            "Officials said that the death toll stood at 20, with 42 wounded, revising an earlier total of 21 dead.",
        ])
        let second = Self.article("b.txt", "en", [
            "Thai police on Sunday shot dead a soldier who killed 26 people and wounded 57 in the worst mass shooting in the country's history.",
        ])
        let conflict = try #require(Self.numberConflicts([first, second]).first)
        #expect(conflict.sides.map(\.source) == ["a.txt", "b.txt"])
        // Both slots, in text order: the dead ("the death toll stood at 20" and the earlier
        // "21 dead", against "killed 26 people") and the injured ("42 wounded" against
        // "wounded 57").
        #expect(conflict.sides.map(\.value) == ["20; 42 wounded; 21 dead", "26 people; 57"])
        // Five dead against twenty injured: two counts, no conflict.
        let dead = Self.article("c.txt", "en", ["Five dead after the storm hit the coastal town of Brest on Monday, police said."])
        let injured = Self.article("d.txt", "en", ["Police said 20 injured after the storm hit the coastal town of Brest on Monday."])
        #expect(Self.numberConflicts([dead, injured]).isEmpty)
    }

    /// Two tolls of the dead in one place fill one slot however differently the sentences
    /// word them (the shape of the claim benchmark's Indonesian floods pair, which shares no
    /// content word but the place); tolls of two places are two tolls.
    @Test func tollsOfOnePlaceConflictWithoutSharedWords() throws {
        let first = Self.article("a.es", "es", ["Sube a al menos 23 muertos el balance de las inundaciones en Indonesia."])
        let second = Self.article("b.es", "es", ["Nueve muertos y miles de evacuados por las lluvias torrenciales en Indonesia."])
        let conflict = try #require(Self.numberConflicts([first, second]).first)
        #expect(conflict.sides.map(\.value) == ["al menos 23 muertos", "Nueve muertos"])
        let elsewhere = Self.article("c.es", "es", ["Nueve muertos y miles de evacuados por las lluvias torrenciales en Filipinas."])
        #expect(Self.numberConflicts([first, elsewhere]).isEmpty)
    }

    /// An article's toll is its largest count of a role: a smaller one beside it is a part
    /// ("three people died of hypothermia" of the nine dead), which no other source's toll
    /// contradicts; the toll itself still does.
    @Test func aPartOfATollIsNoOtherToll() throws {
        let parts = Self.article("a.txt", "en", [
            "Nine people died after Jakarta was hit by its deadliest flooding in years, authorities said.",
            "A teenager was electrocuted by a power line, while three people died of hypothermia in the Jakarta floods.",
        ])
        let toll = Self.article("b.txt", "en", [
            "At least nine people were killed in the Jakarta floods on Wednesday after heavy monsoon rains.",
        ])
        #expect(Self.numberConflicts([parts, toll]).isEmpty)
        let higher = Self.article("c.txt", "en", [
            "At least 16 people were killed in the Jakarta floods on Wednesday after heavy monsoon rains.",
        ])
        let conflict = try #require(Self.numberConflicts([parts, higher]).first)
        #expect(conflict.sides.map(\.value) == ["Nine people", "At least 16 people"])
        // A range is its article's toll up to its top, not a part of it.
        let range = Self.article("d.txt", "en", ["Between 20 and 30 people were killed in the Jakarta floods."])
        let tolls = ConflictFinder.tolls(ClaimUnits(range, source: 0))
        #expect(tolls == ["dead": 30])
        #expect(range.numbers.count == 1 && !ConflictFinder.isPartOfToll(range.numbers[0], tolls))
    }

    /// A toll both sources give alike settles its slot: a number without a unit beside it
    /// counts something else, however close in size.
    @Test func aSettledTollLeavesOtherNumbersAlone() {
        let first = Self.article("a.es", "es", [
            "Venezuela llega a 459 infectados, de los cuales 104 en centros de diagnóstico, 18 en clínicas privadas y 10 fallecidos.",
        ])
        let second = Self.article("b.es", "es", [
            "En Venezuela, 104 están en centros de diagnóstico, 18 están en clínicas privadas, mientras que la cifra de fallecidos se mantiene en 10.",
        ])
        #expect(Self.numberConflicts([first, second]).isEmpty)
    }

    /// An article that gives the other side's value elsewhere does not dispute it: its old fee
    /// ("until yesterday it cost 27 dollars") is no account of the new one it also prints.
    @Test func anArticleGivingTheOtherValueDisputesNothing() {
        let new = Self.article("a.es", "es", ["El consulado cobra ahora 30 dólares por la inscripción consular de cada ciudadano."])
        let both = Self.article("b.es", "es", [
            "El consulado cobra ahora 30 dólares por la inscripción consular.",
            "Hasta la víspera el consulado cobraba 27 dólares por la inscripción consular de cada ciudadano.",
        ])
        #expect(Self.numberConflicts([new, both]).isEmpty)
        let old = Self.article("c.es", "es", ["Hasta la víspera el consulado cobraba 27 dólares por la inscripción consular de cada ciudadano."])
        #expect(Self.numberConflicts([new, old]).count == 1)
    }

    /// A range admits every value in it: "between 20 and 30 people" and "25 people" agree.
    @Test func aRangeAgreesWithTheValuesInIt() throws {
        let range = Self.article("a.txt", "en", ["Between 20 and 30 people were killed when the bridge in Genoa collapsed on Tuesday."])
        let inside = Self.article("b.txt", "en", ["25 people were killed when the bridge in Genoa collapsed on Tuesday."])
        #expect(Self.numberConflicts([range, inside]).isEmpty)
        let outside = Self.article("c.txt", "en", ["40 people were killed when the bridge in Genoa collapsed on Tuesday."])
        let conflict = try #require(Self.numberConflicts([range, outside]).first)
        #expect(conflict.sides.map(\.value) == ["Between 20 and 30 people", "40 people"])
    }

    /// A number without a unit meets a count of people of its own language ("1,200 residents"
    /// against "1,500 people") but not of another, where the noun it counts cannot be read.
    @Test func aBareNumberMeetsNoCountOfAnotherLanguage() {
        let fires = Self.article("ru.txt", "ru", [
            "В Австралии горят около 20 лесных пожаров, сгорели тысячи домов.",
        ])
        let dead = Self.article("fr.txt", "fr", [
            "En Australie, les incendies ont tué 27 personnes et détruit des milliers de maisons.",
        ])
        #expect(Self.numberConflicts([fires, dead]).isEmpty)
    }

    /// One person's age given otherwise by two sources is a conflict, in the sentences that
    /// align and across sentences that name the person; an age written otherwise ("aged 77",
    /// "77 岁", "dead at 77") agrees; the ages of two people are never compared.
    @Test func aPersonsAgeIsOneSlot() throws {
        let first = Self.article("a.txt", "en", [
            "The singer John Marlow died on Monday at the age of 77, his family said.",
            "His last album came out in the spring.",
        ])
        let second = Self.article("b.txt", "en", [
            "John Marlow, 78, died on Monday, his family said.",
            "Marlow toured Europe until last year.",
        ])
        let report = Self.compare([first, second])
        let conflict = try #require(report.conflicts.first { $0.kind == .number })
        #expect(conflict.sides.map(\.value) == ["at the age of 77", "78"])
        // A differing age is a conflict, not a fact only one source states.
        #expect(!report.unique.contains { $0.text.contains("78") })

        let english = Self.article("en.txt", "en", ["Former NBA commissioner David Stern died on Wednesday at the age of 77."])
        let chinese = Self.article("zh.txt", "zh", ["前NBA总裁大卫·斯特恩周三去世，享年77岁。"])
        let italian = Self.article("it.txt", "it", ["L'ex commissario NBA David Stern è morto a 77 anni, ha annunciato mercoledì la lega."])
        let ages = [english, chinese, italian].flatMap(\.numbers).filter(\.isAge)
        #expect(ages.count == 3 && ages.allSatisfy { $0.agrees(with: ages[0]) })
        #expect(Self.numberConflicts([english, chinese, italian]).isEmpty)

        // The victim's age and the suspect's: two people, no conflict.
        let victim = Self.article("c.txt", "en", ["Mehmet Kaya, 45, was stabbed in the market of Alanya on Monday, police said."])
        let suspect = Self.article("d.txt", "en", ["Police said the 42-year-old suspect stabbed Mehmet Kaya in the market of Alanya on Monday."])
        #expect(Self.numberConflicts([victim, suspect]).isEmpty)
    }

    /// Read in the stream's largest stories, where most number conflicts set two different
    /// counts against each other: people counted without a role far apart are two counts, as
    /// are shares; the dead and those who fled are two roles; small bare numbers are no counts.
    @Test func countsOfDifferentPeopleAreNoConflict() {
        func mention(_ value: Double, _ unit: String?) -> NumberMention { Self.mention(value, unit, .exact) }
        #expect(ConflictFinder.slotValues([mention(4_000, "person")], [mention(27, "person")]) == nil)
        #expect(ConflictFinder.slotValues([mention(1_500, "person")], [mention(1_200, nil)]) != nil)
        #expect(ConflictFinder.slotValues([mention(12, "dead")], [mention(40, "dead")]) != nil)
        #expect(ConflictFinder.slotValues([mention(9, "dead")], [mention(19_000, "displaced")]) == nil)
        #expect(ConflictFinder.slotValues([mention(7, "dead")], [mention(4, nil)]) == nil)
        // Shares far apart are two shares (two markets' growth); close ones are one share told twice.
        #expect(ConflictFinder.slotValues([mention(5.9, "percent")], [mention(20.3, "percent")]) == nil)
        #expect(ConflictFinder.slotValues([mention(29, "percent")], [mention(31, "percent")]) != nil)

        let dead = Self.article("a.es", "es", [
            "Al menos nueve personas han muerto por las inundaciones en Yakarta, según la agencia de desastres.",
        ])
        let fled = Self.article("b.es", "es", [
            "Más de 19 mil personas huyeron de sus casas por las inundaciones en Yakarta, según la agencia de desastres.",
        ])
        #expect(Self.numberConflicts([dead, fled]).isEmpty)
    }

    @Test func approximatePercentagesAgree() {
        let french = Self.article("fr.txt", "fr", [
            "Le chômage en Espagne a atteint environ 5 % en mars, selon l'institut national de la statistique.",
        ])
        let english = Self.article("en.txt", "en", [
            "Unemployment in Spain reached 5.4 percent in March, the national statistics institute said.",
        ])
        let percents = (french.numbers + english.numbers).filter { $0.unit == "percent" }
        #expect(percents.count == 2 && percents[0].agrees(with: percents[1]))
    }
}
