import Testing
import ParallaxCore
@testable import ParallaxAnnotate

@Suite struct TimeExpressionTaggerTests {
    let tagger = TimeExpressionTagger()

    /// The resolved interval of the one expression with `text` in `sentence`.
    func resolve(_ sentence: String, _ text: String, anchor: String?, language: String = "en") -> String? {
        let mentions = tagger.tag(sentence, language: language, anchor: anchor.map(Fixtures.day))
        guard let m = mentions.first(where: { $0.text == text }) else {
            return "not found among \(mentions.map(\.text))"
        }
        return m.resolved?.summary ?? "unresolved"
    }

    @Test func relativeUnitsAgainstAnchor() {
        let a = "2026-02-05"
        #expect(resolve("Last year, the deal collapsed.", "Last year", anchor: a) == "2025-01-01…2025-12-31 year")
        #expect(resolve("Sales rose this year.", "this year", anchor: a) == "2026-01-01…2026-12-31 year")
        #expect(resolve("Elections are due next year.", "next year", anchor: a) == "2027-01-01…2027-12-31 year")
        #expect(resolve("They met this week in Geneva.", "this week", anchor: a) == "2026-02-02…2026-02-08 week")
        #expect(resolve("Prices fell last month.", "last month", anchor: a) == "2026-01-01…2026-01-31 month")
        #expect(resolve("The talks resume next week.", "next week", anchor: a) == "2026-02-09…2026-02-15 week")
        #expect(resolve("Last week, the minister resigned.", "Last week", anchor: "2026-02-04") == "2026-01-26…2026-02-01 week")
        #expect(resolve("Markets fell earlier this year.", "earlier this year", anchor: "2026-02-04") == "2026-01-01…2026-02-04 fuzzy")
    }

    /// The date after an embedded post's handle is when the post went out: kept as a time (its
    /// digits are no quantities) but dating nothing.
    @Test func aPostsStampDatesNothing() {
        let sentence = "Pope Francis slaps a pilgrim's hand pic.twitter.com/pVAEygovA5 — BBC News (World) (@BBCWorld) January 1, 2020"
        #expect(resolve(sentence, "January 1, 2020", anchor: nil) == "unresolved")
        #expect(resolve("The pope spoke in Rome on January 1, 2020.", "on January 1, 2020", anchor: nil) == "2020-01-01…2020-01-01 day")
        #expect(NumberExtractor().extract(sentence, language: "en", excluding: tagger.tag(sentence, language: "en", anchor: nil).map(\.span)).isEmpty)
        // The same in a Chinese translation, whose times are read from the characters.
        #expect(resolve("— BigCat (@ImTheRealBarry) 2020 年 1 月 1 日", "2020 年 1 月 1 日", anchor: nil, language: "zh") == "unresolved")
        #expect(resolve("他在 2020 年 1 月 1 日发表讲话。", "2020 年 1 月 1 日", anchor: nil, language: "zh") == "2020-01-01…2020-01-01 day")
        // A page's stamp, timed to the second, dates nothing either; a clock without seconds in prose does.
        let stamp = "Kramp-Karrenbauer to quit as CDU leader - Xinhua Source: Xinhua| 2020-02-11 03:31:05|Editor: huaxia"
        #expect(resolve(stamp, "2020-02-11", anchor: nil) == "unresolved")
        #expect(resolve("The polls closed on 2020-02-11 at 18:00.", "on 2020-02-11", anchor: nil) == "2020-02-11…2020-02-11 day")
    }

    @Test func daysAndFuzzyRanges() {
        let a = "2026-02-05"
        #expect(resolve("He arrived yesterday.", "yesterday", anchor: a) == "2026-02-04…2026-02-04 day")
        #expect(resolve("She speaks today.", "today", anchor: a) == "2026-02-05…2026-02-05 day")
        #expect(resolve("Voting ends tomorrow.", "tomorrow", anchor: a) == "2026-02-06…2026-02-06 day")
        #expect(resolve("Just weeks earlier, they had argued.", "Just weeks earlier", anchor: a) == "2025-12-11…2026-01-29 fuzzy")
        #expect(resolve("The bridge closed weeks ago.", "weeks ago", anchor: a) == "2025-12-11…2026-01-29 fuzzy")
        #expect(resolve("A fire broke out three days ago.", "three days ago", anchor: a) == "2026-02-02…2026-02-02 day")
        #expect(resolve("The ban was lifted months ago.", "months ago", anchor: a)?.hasSuffix("fuzzy") == true)
        #expect(resolve("The mayor recently resigned.", "recently", anchor: a) == "2026-01-06…2026-02-05 fuzzy")
    }

    @Test func monthsAreThePastUnlessTheSentenceIsInTheFuture() {
        let a = "2026-02-04"
        #expect(resolve("In October, the army withdrew.", "In October", anchor: a) == "2025-10-01…2025-10-31 month")
        #expect(resolve("They spoke by phone in January.", "in January", anchor: a) == "2026-01-01…2026-01-31 month")
        #expect(resolve("The summit will take place in March.", "in March", anchor: a) == "2026-03-01…2026-03-31 month")
        #expect(resolve("The law was passed in March.", "in March", anchor: a) == "2025-03-01…2025-03-31 month")
    }

    @Test func aForecastPointsAhead() {
        let a = "2019-09-01"  // a Sunday
        #expect(resolve("Dorian was forecast to reach the coast late on Monday.", "on Monday", anchor: a) == "2019-09-02…2019-09-02 day")
        #expect(resolve("The storm reached the coast late on Monday.", "on Monday", anchor: a) == "2019-08-26…2019-08-26 day")
    }

    @Test func weekdaysPointToTheMostRecentOne() {
        let a = "2026-02-04"  // a Wednesday
        #expect(resolve("They met on Tuesday.", "on Tuesday", anchor: a) == "2026-02-03…2026-02-03 day")
        #expect(resolve("They met on Wednesday.", "on Wednesday", anchor: a) == "2026-02-04…2026-02-04 day")
        #expect(resolve("The vote was on Friday.", "on Friday", anchor: a) == "2026-01-30…2026-01-30 day")
        #expect(resolve("He will travel next Tuesday.", "next Tuesday", anchor: a) == "2026-02-10…2026-02-10 day")
    }

    @Test func absoluteDatesResolveWithoutAnAnchor() {
        #expect(resolve("The accord was signed on 3 February 2026.", "on 3 February 2026", anchor: nil) == "2026-02-03…2026-02-03 day")
        #expect(resolve("Inflation peaked in October 2025.", "in October 2025", anchor: nil) == "2025-10-01…2025-10-31 month")
        #expect(resolve("It began on February 3, 2026, at dawn.", "on February 3, 2026", anchor: nil) == "2026-02-03…2026-02-03 day")
        #expect(resolve("The war began in 2019.", "in 2019", anchor: nil) == "2019-01-01…2019-12-31 year")
        #expect(resolve("Growth was slow in the 1990s.", "1990s", anchor: nil) == "1990-01-01…1999-12-31 decade")
    }

    @Test func relativeExpressionsStayUnresolvedWithoutAnAnchor() {
        let mentions = tagger.tag("Last year the deal collapsed; on Tuesday they met, and in October 2025 they signed.", language: "en", anchor: nil)
        #expect(mentions.map(\.text) == ["Last year", "on Tuesday", "in October 2025"])
        #expect(mentions.map { $0.resolved == nil } == [true, true, false])
        #expect(mentions.map(\.isRelative) == [true, true, false])
    }

    @Test func abbreviatedMonthWithDay() {
        #expect(resolve("The vote on Feb. 3 was close.", "on Feb. 3", anchor: "2026-02-05") == "2026-02-03…2026-02-03 day")
        // "May" the modal verb is not a month.
        #expect(tagger.tag("Prices may fall.", language: "en", anchor: Fixtures.day("2026-02-05")).isEmpty)
    }

    @Test func otherLanguages() {
        let a = "2026-02-04"
        #expect(resolve("Vorig jaar daalde de werkloosheid.", "Vorig jaar", anchor: a, language: "nl") == "2025-01-01…2025-12-31 year")
        #expect(resolve("De premier sprak op dinsdag met de koning.", "op dinsdag", anchor: a, language: "nl") == "2026-02-03…2026-02-03 day")
        #expect(resolve("Letzte Woche traf sich der Rat.", "Letzte Woche", anchor: a, language: "de") == "2026-01-26…2026-02-01 week")
        #expect(resolve("Das Abkommen wurde am 3. Februar 2026 unterzeichnet.", "am 3. Februar 2026", anchor: nil, language: "de")
                == "2026-02-03…2026-02-03 day")
        #expect(resolve("L'année dernière, le chômage a baissé.", "L'année dernière", anchor: a, language: "fr") == "2025-01-01…2025-12-31 year")
        #expect(resolve("Les deux hommes se sont parlé en octobre.", "en octobre", anchor: a, language: "fr") == "2025-10-01…2025-10-31 month")
        #expect(resolve("El acuerdo se firmó el 3 de febrero de 2026.", "el 3 de febrero de 2026", anchor: nil, language: "es")
                == "2026-02-03…2026-02-03 day")
        #expect(resolve("Hace tres semanas hubo elecciones.", "Hace tres semanas", anchor: a, language: "es") == "2026-01-12…2026-01-18 week")
        #expect(resolve("L'anno scorso il governo è caduto.", "L'anno scorso", anchor: a, language: "it") == "2025-01-01…2025-12-31 year")
        #expect(resolve("O presidente viajou ontem para Lisboa.", "ontem", anchor: a, language: "pt") == "2026-02-03…2026-02-03 day")
    }

    @Test func polishRussianAndTurkishInflectedNames() {
        let a = "2026-02-04"  // a Wednesday
        #expect(resolve("W zeszłym tygodniu rząd przyjął ustawę.", "W zeszłym tygodniu", anchor: a, language: "pl") == "2026-01-26…2026-02-01 week")
        #expect(resolve("Umowę podpisano 9 kwietnia 2020 r.", "9 kwietnia 2020", anchor: nil, language: "pl") == "2020-04-09…2020-04-09 day")
        #expect(resolve("Spotkanie odbyło się we wtorek.", "we wtorek", anchor: a, language: "pl") == "2026-02-03…2026-02-03 day")
        #expect(resolve("Dwa lata temu wybuchł pożar.", "Dwa lata temu", anchor: a, language: "pl") == "2024-01-01…2024-12-31 year")
        #expect(resolve("В прошлом году выборы были отменены.", "В прошлом году", anchor: a, language: "ru") == "2025-01-01…2025-12-31 year")
        #expect(resolve("Закон вступил в силу в 2019 году.", "в 2019", anchor: nil, language: "ru") == "2019-01-01…2019-12-31 year")
        #expect(resolve("Переговоры прошли в пятницу.", "в пятницу", anchor: a, language: "ru") == "2026-01-30…2026-01-30 day")
        #expect(resolve("Это был рост 2010-х годов.", "2010-х", anchor: nil, language: "ru") == "2010-01-01…2019-12-31 decade")
        #expect(resolve("Bakan dün açıklama yaptı.", "dün", anchor: a, language: "tr") == "2026-02-03…2026-02-03 day")
        #expect(resolve("Geçen hafta toplantı yapıldı.", "Geçen hafta", anchor: a, language: "tr") == "2026-01-26…2026-02-01 week")
        #expect(resolve("Anlaşma 9 Nisan 2020 tarihinde imzalandı.", "9 Nisan 2020", anchor: nil, language: "tr") == "2020-04-09…2020-04-09 day")
        #expect(resolve("Köprü 2019 yılında açıldı.", "2019", anchor: nil, language: "tr") == "2019-01-01…2019-12-31 year")
        #expect(resolve("Bu müzik 1990'larda doğdu.", "1990'larda", anchor: nil, language: "tr") == "1990-01-01…1999-12-31 decade")
        // Lower-case "aralık" is a gap, not December.
        #expect(resolve("Bu aralık çok kısa.", "aralık", anchor: a, language: "tr")?.hasPrefix("not found") == true)
    }

    @Test func rangesAndDatesInDigits() {
        #expect(resolve("The fair ran from August 22 to 25, 2019.", "from August 22 to 25, 2019", anchor: nil) == "2019-08-22…2019-08-25 day")
        #expect(resolve("The fair ran from March 15-17.", "from March 15-17", anchor: "2020-03-20") == "2020-03-15…2020-03-17 day")
        #expect(resolve("Das Festival fand vom 13. bis 17. Juli 2019 statt.", "13. bis 17. Juli 2019", anchor: nil, language: "de")
                == "2019-07-13…2019-07-17 day")
        #expect(resolve("Le décret du 04.03.2020 est entré en vigueur.", "04.03.2020", anchor: nil, language: "fr") == "2020-03-04…2020-03-04 day")
        #expect(resolve("Il decreto del 4/3/2020 è in vigore.", "4/3/2020", anchor: nil, language: "it") == "2020-03-04…2020-03-04 day")
        #expect(resolve("Filed on 2020-03-04 in Ohio.", "on 2020-03-04", anchor: nil) == "2020-03-04…2020-03-04 day")
        // A dotted run of four numbers is a version or an address, not a date.
        #expect(tagger.tag("Version 1.2.2020.5 ist erschienen.", language: "de", anchor: nil).isEmpty)
    }

    @Test func aDayAndMonthSoonAfterPublicationIsThisYears() {
        let a = "2020-08-03"
        #expect(resolve("The election was held on August 9.", "on August 9", anchor: a) == "2020-08-09…2020-08-09 day")
        #expect(resolve("The election was held on December 9.", "on December 9", anchor: a) == "2019-12-09…2019-12-09 day")
    }

    @Test func yearsBeforeANoun() {
        let a = "2019-07-20"
        #expect(resolve("The question was added to the upcoming 2020 census.", "2020", anchor: a) == "2020-01-01…2020-12-31 year")
        #expect(resolve("The series is based on a 2011 stage play.", "2011", anchor: a) == "2011-01-01…2011-12-31 year")
        #expect(resolve("He sought the party's 2012 presidential nomination.", "2012", anchor: a) == "2012-01-01…2012-12-31 year")
        #expect(resolve("The army sent 2000 soldiers.", "2000", anchor: a)?.hasPrefix("not found") == true)
    }

    @Test func germanWeekdaysCompoundedWithAPartOfTheDay() {
        #expect(resolve("Am Sonntagnachmittag berichtete der Spiegel.", "Am Sonntagnachmittag", anchor: "2026-02-04", language: "de")
                == "2026-02-01…2026-02-01 day")
    }

    @Test func expressionsToldFromAnEarlierTimeOfTheText() {
        let a = "2019-07-20"
        let text = "The vote was held on July 2. The next day, the minister resigned. Three days later, protests began."
        let mentions = tagger.tag(text, language: "en", anchor: Fixtures.day(a))
        #expect(mentions.first { $0.text == "The next day" }?.resolved?.summary == "2019-07-03…2019-07-03 day")
        // Told from the last time named, "the next day" itself.
        #expect(mentions.first { $0.text == "Three days later" }?.resolved?.summary == "2019-07-06…2019-07-06 day")
        #expect(resolve("Der Vertrag wurde am 3. März 2020 unterzeichnet. Am nächsten Tag trat er in Kraft.", "Am nächsten Tag",
                        anchor: nil, language: "de") == "2020-03-04…2020-03-04 day")
        // A date that names a thing is no time of the story: "the following day" is told from Wednesday.
        let treaty = "The ministers met on Wednesday. They called the November 27 maritime agreement void. "
            + "In a statement issued the following day, Turkey rejected the call."
        #expect(tagger.tag(treaty, language: "en", anchor: Fixtures.day("2020-01-11")).first { $0.text == "the following day" }?
            .resolved?.summary == "2020-01-09…2020-01-09 day")
        // With no earlier time in the text, "the previous month" is told from the publication day.
        #expect(resolve("Sales fell in the previous month.", "the previous month", anchor: a) == "2019-06-01…2019-06-30 month")
        #expect(resolve("Three days later, protests began.", "Three days later", anchor: a) == "unresolved")
    }

    @Test func rangesOfYears() {
        #expect(resolve("He was mayor from 2015 to 2017.", "from 2015 to 2017", anchor: nil) == "2015-01-01…2017-12-31 year")
        #expect(resolve("The first cabinet (1980–1987) fell.", "1980–1987", anchor: nil) == "1980-01-01…1987-12-31 year")
    }

    @Test func arabicAndChinese() {
        let a = "2020-03-12"  // a Thursday
        #expect(resolve("زار الرئيس القاهرة في 3 مارس 2020.", "في 3 مارس 2020", anchor: nil, language: "ar") == "2020-03-03…2020-03-03 day")
        #expect(resolve("وفي العام الماضي ارتفعت الأسعار.", "العام الماضي", anchor: a, language: "ar") == "2019-01-01…2019-12-31 year")
        #expect(resolve("قال الوزير أمس إن الحكومة ستجتمع.", "أمس", anchor: a, language: "ar") == "2020-03-11…2020-03-11 day")
        #expect(resolve("总统于2020年3月4日发表讲话。", "2020年3月4日", anchor: nil, language: "zh") == "2020-03-04…2020-03-04 day")
        #expect(resolve("机场将在 9 月 9 日重新开放。", "9 月 9 日", anchor: a, language: "zh") == "2020-09-09…2020-09-09 day")
        #expect(resolve("去年他曾访问美国。", "去年", anchor: a, language: "zh") == "2019-01-01…2019-12-31 year")
        // 上周三 is the Wednesday of last week, though this week's Wednesday is nearer.
        #expect(resolve("上周三，部长辞职。", "上周三", anchor: a, language: "zh") == "2020-03-04…2020-03-04 day")
        #expect(resolve("三天前发生了地震。", "三天前", anchor: a, language: "zh") == "2020-03-09…2020-03-09 day")
        #expect(resolve("版权所有 2020", "2020", anchor: nil, language: "zh") == "2020-01-01…2020-12-31 year")
        #expect(resolve("共有 2000 人参加。", "2000", anchor: nil, language: "zh")?.hasPrefix("not found") == true)
    }

    @Test func vagueTimesAhead() {
        let a = "2026-02-05"
        #expect(resolve("Talks will resume in the coming days.", "in the coming days", anchor: a) == "2026-02-06…2026-02-14 fuzzy")
        #expect(resolve("Se esperan lluvias en los próximos días.", "en los próximos días", anchor: a, language: "es")
                == "2026-02-06…2026-02-14 fuzzy")
        #expect(resolve("La loi sera votée dans les mois à venir.", "dans les mois à venir", anchor: a, language: "fr")
                == "2026-03-05…2027-02-05 fuzzy")
        #expect(resolve("Prices rose over the last couple of weeks.", "over the last couple of weeks", anchor: a) == "2025-12-11…2026-01-29 fuzzy")
    }

    @Test func quartersOfTheYear() {
        let a = "2020-11-10"
        #expect(resolve("Sales fell in the third quarter of 2020.", "third quarter of 2020", anchor: a) == "2020-07-01…2020-09-30 quarter")
        #expect(resolve("Il fatturato è cresciuto nel terzo trimestre.", "nel terzo trimestre", anchor: a, language: "it")
                == "2020-07-01…2020-09-30 quarter")
        #expect(resolve("Der Umsatz stieg im ersten Quartal 2021.", "im ersten Quartal 2021", anchor: nil, language: "de")
                == "2021-01-01…2021-03-31 quarter")
        // An English quarter without its year is as often a game's: "led after the first quarter".
        #expect(resolve("The Lakers led after the first quarter.", "first quarter", anchor: a)?.hasPrefix("not found") == true)
    }
}
