/// Words and phrase rules for time expressions, per language (the data of
/// `TimeExpressionTagger`). Phrases use a small pattern notation:
/// words separated by spaces, alternatives for one word by `|`, an optional word ends in `?`, and `#`
/// stands for a number (digits or a cardinal word of the language).
struct TimeLexicon: Sendable {
    enum Unit: String, Sendable { case day, week, month, year }

    /// What a matched phrase means relative to the anchor day.
    enum Meaning: Sendable, Equatable {
        /// The calendar unit containing the anchor, shifted: "last year", "this week".
        case unitShift(Unit, Int)
        /// A day relative to the anchor: "yesterday", "tomorrow".
        case dayShift(Int)
        /// "three weeks ago": the unit `#` units before the anchor.
        case unitsAgo(Unit)
        /// "weeks earlier", "days ago": an unspecified number of units before the anchor.
        case fuzzyBefore(Unit)
        /// "in the coming days": an unspecified number of units after the anchor.
        case fuzzyAfter(Unit)
        /// "earlier this year": from the unit's start to the anchor.
        case earlierThis(Unit)
        /// "later this year": from the anchor to the unit's end.
        case laterThis(Unit)
        /// "last weekend" (-1), "this weekend" (0).
        case weekend(Int)
        /// "recently", "lately".
        case recently
        /// Told from another time of the text, not from the publication day: the unit that
        /// holds the time last named, shifted ("the next day" +1, "the previous month" -1,
        /// "later that month" 0).
        case fromReference(Unit, Int)
        /// "three days later": `#` units after the time last named.
        case unitsAfterReference(Unit)
    }

    struct Rule: Sendable {
        let pattern: String
        let meaning: Meaning
    }

    /// Lower-cased month names; abbreviations only count beside a day or a year.
    var months: [String: Int]
    var monthAbbreviations: [String: Int]
    /// Lower-cased weekday names → ISO weekday (1 = Monday).
    var weekdays: [String: Int]
    /// Words before a weekday that move it: "last Tuesday" (-1), "next Tuesday" (+1).
    var weekdayBefore: [String: Int] = [:]
    /// The same written after the weekday: "mardi dernier".
    var weekdayAfter: [String: Int] = [:]
    /// Prepositions kept in the mention before a date, month, weekday or year: "in October".
    var prepositions: Set<String>
    /// Words that make a bare year number a year: "in 2019", "since 2019".
    var yearCues: Set<String>
    /// Words after a bare year number that make it a year: "2019 roku", "2019 году", "2019'da".
    var yearCuesAfter: Set<String> = []
    /// Words between the two days of a range: "22 to 25 August".
    var rangeWords: Set<String> = []
    /// Parts of the day compounded after a weekday: "Sonntagnachmittag".
    var weekdayCompoundParts: [String] = []
    /// Ordinals before a quarter word, and the quarter words: "third quarter", "terzo trimestre".
    var quarterOrdinals: [String: Int] = [:]
    var quarterWords: Set<String> = []
    /// Whether a quarter needs its year: the English "first quarter" is as often a game's.
    var quarterNeedsYear = false
    /// Determiners before a date that names a thing ("the November 27 agreement").
    var determiners: Set<String> = []
    /// Words allowed between day, month and year: "3 de febrero de 2026".
    var dateConnectors: Set<String> = []
    /// Words marking future tense, which turn "in March" into the next March.
    var futureMarkers: Set<String>
    /// Words that announce what is to come when "to" follows: "forecast to reach … on Monday".
    var futureBeforeTo: Set<String> = []
    /// Whether month names are capitalised in running text (then lower-case ones are not months).
    var capitalizedMonths: Bool
    var rules: [Rule]

    static func forLanguage(_ code: String) -> TimeLexicon {
        switch code {
        case "nl": return dutch
        case "de": return german
        case "fr": return french
        case "es": return spanish
        case "it": return italian
        case "pt": return portuguese
        case "pl": return polish
        case "ru": return russian
        case "tr": return turkish
        case "ar": return arabic
        default: return english
        }
    }

    private static func table(_ names: [String]) -> [String: Int] {
        var result: [String: Int] = [:]
        for (i, group) in names.enumerated() {
            for name in group.split(separator: "|") { result[String(name)] = i + 1 }
        }
        return result
    }

    // MARK: English (the full rule set)

    static let english = TimeLexicon(
        months: table(["january", "february", "march", "april", "may", "june", "july", "august", "september", "october", "november", "december"]),
        monthAbbreviations: table(["jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep|sept", "oct", "nov", "dec"]),
        weekdays: table(["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday"]),
        weekdayBefore: ["last": -1, "past": -1, "previous": -1, "next": 1, "coming": 1, "this": 0],
        prepositions: ["in", "on", "during", "since", "until", "by", "from"],
        yearCues: ["in", "since", "until", "by", "from", "during", "of", "before", "after", "early", "late", "mid", "the", "through", "to", "and",
                   "a", "an", "upcoming", "its", "his", "her", "their", "s"],
        rangeWords: ["to", "through", "until", "till"],
        // Auxiliaries only: "plans", "expected" or "going" are as often nouns and participles
        // in past-tense sentences ("approved plans for … on 4 March").
        quarterOrdinals: ["first": 1, "second": 2, "third": 3, "fourth": 4],
        quarterWords: ["quarter"],
        quarterNeedsYear: true,
        determiners: ["the", "a", "an", "this", "that", "its", "his", "her", "their"],
        futureMarkers: ["will", "ll", "shall", "scheduled", "upcoming"],
        futureBeforeTo: ["forecast", "expected", "scheduled", "planned", "projected", "predicted", "poised", "slated"],
        capitalizedMonths: true,
        rules: [
            Rule(pattern: "earlier this year", meaning: .earlierThis(.year)),
            Rule(pattern: "earlier this month", meaning: .earlierThis(.month)),
            Rule(pattern: "earlier this week", meaning: .earlierThis(.week)),
            Rule(pattern: "later this year", meaning: .laterThis(.year)),
            Rule(pattern: "later this month", meaning: .laterThis(.month)),
            Rule(pattern: "later this week", meaning: .laterThis(.week)),
            Rule(pattern: "last|past|previous year", meaning: .unitShift(.year, -1)),
            Rule(pattern: "last|past|previous month", meaning: .unitShift(.month, -1)),
            Rule(pattern: "last|past|previous week", meaning: .unitShift(.week, -1)),
            Rule(pattern: "this|current year", meaning: .unitShift(.year, 0)),
            Rule(pattern: "this|current month", meaning: .unitShift(.month, 0)),
            Rule(pattern: "this|current week", meaning: .unitShift(.week, 0)),
            Rule(pattern: "next|coming year", meaning: .unitShift(.year, 1)),
            Rule(pattern: "next|coming month", meaning: .unitShift(.month, 1)),
            Rule(pattern: "next|coming week", meaning: .unitShift(.week, 1)),
            Rule(pattern: "last weekend", meaning: .weekend(-1)),
            Rule(pattern: "this weekend", meaning: .weekend(0)),
            Rule(pattern: "yesterday", meaning: .dayShift(-1)),
            Rule(pattern: "last night", meaning: .dayShift(-1)),
            Rule(pattern: "today|tonight", meaning: .dayShift(0)),
            Rule(pattern: "this morning|afternoon|evening", meaning: .dayShift(0)),
            Rule(pattern: "tomorrow", meaning: .dayShift(1)),
            Rule(pattern: "# days ago|earlier|before", meaning: .unitsAgo(.day)),
            Rule(pattern: "# weeks ago|earlier|before", meaning: .unitsAgo(.week)),
            Rule(pattern: "# months ago|earlier|before", meaning: .unitsAgo(.month)),
            Rule(pattern: "# years ago|earlier|before", meaning: .unitsAgo(.year)),
            Rule(pattern: "a|one day ago|earlier|before", meaning: .dayShift(-1)),
            Rule(pattern: "a|one week ago|earlier", meaning: .unitShift(.week, -1)),
            Rule(pattern: "a|one month ago|earlier", meaning: .unitShift(.month, -1)),
            Rule(pattern: "a|one year ago|earlier", meaning: .unitShift(.year, -1)),
            Rule(pattern: "just|only|mere? a? few|several? days ago|earlier|before", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "just|only|mere? a? few|several? weeks ago|earlier|before", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "just|only|mere? a? few|several? months ago|earlier|before", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "just|only|mere? a? few|several? years ago|earlier|before", meaning: .fuzzyBefore(.year)),
            Rule(pattern: "in|over? the? recent|past|last few|couple? days", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "in|over? the? recent|past|last few|couple? weeks", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "in|over? the? recent|past|last few|couple? months", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "recently|lately", meaning: .recently),
            Rule(pattern: "in|over|within? the? coming|next few|couple? days", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "in|over|within? the? coming|next few|couple? weeks", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "in|over|within? the? coming|next few|couple? months", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "in|over|within? the? coming|next few|couple? years", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "in|over? the? recent|past|last few|couple of weeks", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "in|over? the? recent|past|last few|couple of days", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "in|over? the? recent|past|last few|couple of months", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "the next|following day|morning|evening", meaning: .fromReference(.day, 1)),
            Rule(pattern: "the previous day", meaning: .fromReference(.day, -1)),
            Rule(pattern: "that same? day|morning|evening", meaning: .fromReference(.day, 0)),
            Rule(pattern: "the same day", meaning: .fromReference(.day, 0)),
            Rule(pattern: "the next|following week", meaning: .fromReference(.week, 1)),
            Rule(pattern: "the next|following month", meaning: .fromReference(.month, 1)),
            Rule(pattern: "the next|following year", meaning: .fromReference(.year, 1)),
            Rule(pattern: "the previous week", meaning: .fromReference(.week, -1)),
            Rule(pattern: "the previous month", meaning: .fromReference(.month, -1)),
            Rule(pattern: "the previous year", meaning: .fromReference(.year, -1)),
            Rule(pattern: "later|earlier that week", meaning: .fromReference(.week, 0)),
            Rule(pattern: "later|earlier that month", meaning: .fromReference(.month, 0)),
            Rule(pattern: "later|earlier that year", meaning: .fromReference(.year, 0)),
            Rule(pattern: "# days later", meaning: .unitsAfterReference(.day)),
            Rule(pattern: "# weeks later", meaning: .unitsAfterReference(.week)),
            Rule(pattern: "# months later", meaning: .unitsAfterReference(.month)),
            Rule(pattern: "# years later", meaning: .unitsAfterReference(.year)),
            Rule(pattern: "a|one day later", meaning: .unitsAfterReference(.day)),
            Rule(pattern: "a|one week later", meaning: .unitsAfterReference(.week)),
            Rule(pattern: "a|one month later", meaning: .unitsAfterReference(.month)),
            Rule(pattern: "a|one year later", meaning: .unitsAfterReference(.year)),
        ])

    // MARK: Other languages (names, and the common relative words)

    static let dutch = TimeLexicon(
        months: table(["januari", "februari", "maart", "april", "mei", "juni", "juli", "augustus", "september", "oktober", "november", "december"]),
        monthAbbreviations: table(["jan", "feb", "mrt", "apr", "mei", "jun", "jul", "aug", "sep|sept", "okt", "nov", "dec"]),
        weekdays: table(["maandag", "dinsdag", "woensdag", "donderdag", "vrijdag", "zaterdag", "zondag"]),
        weekdayBefore: ["vorige": -1, "afgelopen": -1, "volgende": 1, "komende": 1],
        prepositions: ["in", "op", "sinds", "tot"],
        yearCues: ["in", "sinds", "tot", "van", "vanaf", "begin", "eind", "medio"],
        quarterOrdinals: ["eerste": 1, "tweede": 2, "derde": 3, "vierde": 4],
        quarterWords: ["kwartaal"],
        futureMarkers: ["zal", "zullen", "gaat", "gaan"],
        capitalizedMonths: false,
        rules: [
            Rule(pattern: "eerder dit jaar", meaning: .earlierThis(.year)),
            Rule(pattern: "vorig|afgelopen jaar", meaning: .unitShift(.year, -1)),
            Rule(pattern: "vorige|afgelopen maand", meaning: .unitShift(.month, -1)),
            Rule(pattern: "vorige|afgelopen week", meaning: .unitShift(.week, -1)),
            Rule(pattern: "dit jaar", meaning: .unitShift(.year, 0)),
            Rule(pattern: "deze maand", meaning: .unitShift(.month, 0)),
            Rule(pattern: "deze week", meaning: .unitShift(.week, 0)),
            Rule(pattern: "volgend|komend jaar", meaning: .unitShift(.year, 1)),
            Rule(pattern: "volgende|komende maand", meaning: .unitShift(.month, 1)),
            Rule(pattern: "volgende|komende week", meaning: .unitShift(.week, 1)),
            Rule(pattern: "gisteren|gisteravond", meaning: .dayShift(-1)),
            Rule(pattern: "vandaag|vanavond|vanochtend", meaning: .dayShift(0)),
            Rule(pattern: "morgen", meaning: .dayShift(1)),
            Rule(pattern: "# dagen geleden", meaning: .unitsAgo(.day)),
            Rule(pattern: "# weken geleden", meaning: .unitsAgo(.week)),
            Rule(pattern: "# maanden geleden", meaning: .unitsAgo(.month)),
            Rule(pattern: "# jaar geleden", meaning: .unitsAgo(.year)),
            Rule(pattern: "enkele|een paar? weken geleden|eerder", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "weken geleden|eerder", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "enkele|een paar? maanden geleden|eerder", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "maanden geleden|eerder", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "onlangs|recentelijk|kortgeleden", meaning: .recently),
            Rule(pattern: "in de komende dagen", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "in de komende weken", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "in de komende maanden", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "in de komende jaren", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "de volgende dag", meaning: .fromReference(.day, 1)),
        ])

    static let german = TimeLexicon(
        months: table(["januar|jänner", "februar", "märz", "april", "mai", "juni", "juli", "august", "september", "oktober", "november", "dezember"]),
        monthAbbreviations: table(["jan", "feb", "mär|mrz", "apr", "mai", "jun", "jul", "aug", "sep|sept", "okt", "nov", "dez"]),
        weekdays: table(["montag", "dienstag", "mittwoch", "donnerstag", "freitag", "samstag|sonnabend", "sonntag"]),
        weekdayBefore: ["letzten": -1, "vergangenen": -1, "nächsten": 1, "kommenden": 1],
        prepositions: ["im", "am", "in", "seit", "bis"],
        yearCues: ["im", "in", "seit", "bis", "von", "ab", "anfang", "ende", "mitte", "jahr"],
        rangeWords: ["bis"],
        weekdayCompoundParts: ["morgen", "vormittag", "mittag", "nachmittag", "abend", "nacht"],
        quarterOrdinals: ["ersten": 1, "erstes": 1, "erste": 1, "zweiten": 2, "zweites": 2, "dritten": 3, "drittes": 3, "vierten": 4, "viertes": 4],
        quarterWords: ["quartal"],
        futureMarkers: ["wird", "werden", "werde"],
        capitalizedMonths: true,
        rules: [
            Rule(pattern: "anfang|früher dieses jahres", meaning: .earlierThis(.year)),
            Rule(pattern: "im? letzten|vergangenen|vorigen jahr", meaning: .unitShift(.year, -1)),
            Rule(pattern: "letztes|vergangenes|voriges jahr", meaning: .unitShift(.year, -1)),
            Rule(pattern: "im? letzten|vergangenen|vorigen monat", meaning: .unitShift(.month, -1)),
            Rule(pattern: "letzte|vergangene|vorige woche", meaning: .unitShift(.week, -1)),
            Rule(pattern: "in der letzten|vergangenen woche", meaning: .unitShift(.week, -1)),
            Rule(pattern: "dieses jahr", meaning: .unitShift(.year, 0)),
            Rule(pattern: "in diesem jahr", meaning: .unitShift(.year, 0)),
            Rule(pattern: "in diesem monat", meaning: .unitShift(.month, 0)),
            Rule(pattern: "diese woche", meaning: .unitShift(.week, 0)),
            Rule(pattern: "nächstes|kommendes jahr", meaning: .unitShift(.year, 1)),
            Rule(pattern: "im? nächsten|kommenden jahr", meaning: .unitShift(.year, 1)),
            Rule(pattern: "im? nächsten|kommenden monat", meaning: .unitShift(.month, 1)),
            Rule(pattern: "nächste|kommende woche", meaning: .unitShift(.week, 1)),
            Rule(pattern: "gestern", meaning: .dayShift(-1)),
            Rule(pattern: "heute", meaning: .dayShift(0)),
            Rule(pattern: "morgen", meaning: .dayShift(1)),
            Rule(pattern: "vor # tagen", meaning: .unitsAgo(.day)),
            Rule(pattern: "vor # wochen", meaning: .unitsAgo(.week)),
            Rule(pattern: "vor # monaten", meaning: .unitsAgo(.month)),
            Rule(pattern: "vor # jahren", meaning: .unitsAgo(.year)),
            Rule(pattern: "vor wenigen|einigen? tagen", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "vor wenigen|einigen? wochen", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "wochen zuvor|vorher", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "vor wenigen|einigen? monaten", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "kürzlich|neulich|jüngst", meaning: .recently),
            Rule(pattern: "in den kommenden|nächsten tagen", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "in den kommenden|nächsten wochen", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "in den kommenden|nächsten monaten", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "in den kommenden|nächsten jahren", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "seit einigen|mehreren tagen", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "seit einigen|mehreren wochen", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "seit einigen|mehreren monaten", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "seit einigen|mehreren jahren", meaning: .fuzzyBefore(.year)),
            Rule(pattern: "am nächsten|folgenden tag", meaning: .fromReference(.day, 1)),
            Rule(pattern: "am vortag", meaning: .fromReference(.day, -1)),
        ])

    static let french = TimeLexicon(
        months: table(["janvier", "février", "mars", "avril", "mai", "juin", "juillet", "août", "septembre", "octobre", "novembre", "décembre"]),
        monthAbbreviations: table(["janv", "févr", "mars", "avr", "mai", "juin", "juil", "août", "sept", "oct", "nov", "déc"]),
        weekdays: table(["lundi", "mardi", "mercredi", "jeudi", "vendredi", "samedi", "dimanche"]),
        weekdayAfter: ["dernier": -1, "prochain": 1],
        prepositions: ["en", "le", "depuis", "dès"],
        yearCues: ["en", "depuis", "de", "dès", "jusqu", "début", "fin", "mi"],
        rangeWords: ["au"],
        quarterOrdinals: ["premier": 1, "deuxième": 2, "second": 2, "troisième": 3, "quatrième": 4],
        quarterWords: ["trimestre"],
        futureMarkers: ["va", "vont", "sera", "seront", "prochainement"],
        capitalizedMonths: false,
        rules: [
            Rule(pattern: "plus tôt cette année", meaning: .earlierThis(.year)),
            Rule(pattern: "début de? cette année", meaning: .earlierThis(.year)),
            Rule(pattern: "l année|an dernière|dernier|passée", meaning: .unitShift(.year, -1)),
            Rule(pattern: "le mois dernier", meaning: .unitShift(.month, -1)),
            Rule(pattern: "la semaine dernière|passée", meaning: .unitShift(.week, -1)),
            Rule(pattern: "cette année", meaning: .unitShift(.year, 0)),
            Rule(pattern: "ce mois ci?", meaning: .unitShift(.month, 0)),
            Rule(pattern: "cette semaine", meaning: .unitShift(.week, 0)),
            Rule(pattern: "l année|an prochaine|prochain", meaning: .unitShift(.year, 1)),
            Rule(pattern: "le mois prochain", meaning: .unitShift(.month, 1)),
            Rule(pattern: "la semaine prochaine", meaning: .unitShift(.week, 1)),
            Rule(pattern: "hier", meaning: .dayShift(-1)),
            Rule(pattern: "aujourd hui", meaning: .dayShift(0)),
            Rule(pattern: "demain", meaning: .dayShift(1)),
            Rule(pattern: "il y a # jours", meaning: .unitsAgo(.day)),
            Rule(pattern: "il y a # semaines", meaning: .unitsAgo(.week)),
            Rule(pattern: "il y a # mois", meaning: .unitsAgo(.month)),
            Rule(pattern: "il y a # ans", meaning: .unitsAgo(.year)),
            Rule(pattern: "il y a quelques jours", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "il y a quelques semaines", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "quelques semaines plus tôt", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "quelques semaines auparavant", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "il y a quelques mois", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "récemment|dernièrement", meaning: .recently),
            Rule(pattern: "dans les prochains jours", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "dans les prochaines semaines", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "dans les prochains mois", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "dans les prochaines années", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "dans les jours à venir", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "dans les semaines à venir", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "dans les mois à venir", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "dans les années à venir", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "le lendemain", meaning: .fromReference(.day, 1)),
            Rule(pattern: "la veille", meaning: .fromReference(.day, -1)),
        ])

    static let spanish = TimeLexicon(
        months: table(["enero", "febrero", "marzo", "abril", "mayo", "junio", "julio", "agosto", "septiembre|setiembre", "octubre", "noviembre", "diciembre"]),
        monthAbbreviations: table(["ene", "feb", "mar", "abr", "may", "jun", "jul", "ago", "sep|sept", "oct", "nov", "dic"]),
        weekdays: table(["lunes", "martes", "miércoles", "jueves", "viernes", "sábado", "domingo"]),
        weekdayAfter: ["pasado": -1, "próximo": 1],
        prepositions: ["en", "el", "desde", "hasta"],
        yearCues: ["en", "desde", "hasta", "de", "del", "a"],
        quarterOrdinals: ["primer": 1, "segundo": 2, "tercer": 3, "cuarto": 4],
        quarterWords: ["trimestre"],
        dateConnectors: ["de", "del"],
        futureMarkers: ["será", "serán", "va", "van", "próximamente"],
        capitalizedMonths: false,
        rules: [
            Rule(pattern: "a principios|comienzos de este año", meaning: .earlierThis(.year)),
            Rule(pattern: "el año pasado", meaning: .unitShift(.year, -1)),
            Rule(pattern: "el mes pasado", meaning: .unitShift(.month, -1)),
            Rule(pattern: "la semana pasada", meaning: .unitShift(.week, -1)),
            Rule(pattern: "este año", meaning: .unitShift(.year, 0)),
            Rule(pattern: "este mes", meaning: .unitShift(.month, 0)),
            Rule(pattern: "esta semana", meaning: .unitShift(.week, 0)),
            Rule(pattern: "el próximo año", meaning: .unitShift(.year, 1)),
            Rule(pattern: "el próximo mes", meaning: .unitShift(.month, 1)),
            Rule(pattern: "el año que viene", meaning: .unitShift(.year, 1)),
            Rule(pattern: "la próxima semana", meaning: .unitShift(.week, 1)),
            Rule(pattern: "la semana próxima", meaning: .unitShift(.week, 1)),
            Rule(pattern: "la semana que viene", meaning: .unitShift(.week, 1)),
            Rule(pattern: "ayer|anoche", meaning: .dayShift(-1)),
            Rule(pattern: "hoy", meaning: .dayShift(0)),
            Rule(pattern: "mañana", meaning: .dayShift(1)),
            Rule(pattern: "hace # días", meaning: .unitsAgo(.day)),
            Rule(pattern: "hace # semanas", meaning: .unitsAgo(.week)),
            Rule(pattern: "hace # meses", meaning: .unitsAgo(.month)),
            Rule(pattern: "hace # años", meaning: .unitsAgo(.year)),
            Rule(pattern: "hace unos|pocos|algunos días", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "hace unas|pocas|algunas semanas", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "semanas antes", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "hace unos|pocos|algunos meses", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "recientemente|últimamente", meaning: .recently),
            Rule(pattern: "en los próximos días", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "en las próximas semanas", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "en los próximos meses", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "en los próximos años", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "al día siguiente", meaning: .fromReference(.day, 1)),
            Rule(pattern: "el día anterior", meaning: .fromReference(.day, -1)),
        ])

    static let italian = TimeLexicon(
        months: table(["gennaio", "febbraio", "marzo", "aprile", "maggio", "giugno", "luglio", "agosto", "settembre", "ottobre", "novembre", "dicembre"]),
        monthAbbreviations: table(["gen", "feb", "mar", "apr", "mag", "giu", "lug", "ago", "set", "ott", "nov", "dic"]),
        weekdays: table(["lunedì|lunedi", "martedì|martedi", "mercoledì|mercoledi", "giovedì|giovedi", "venerdì|venerdi", "sabato", "domenica"]),
        weekdayAfter: ["scorso": -1, "prossimo": 1],
        prepositions: ["a", "in", "nel", "dal", "il"],
        yearCues: ["nel", "dal", "fino", "al", "del", "entro"],
        quarterOrdinals: ["primo": 1, "secondo": 2, "terzo": 3, "quarto": 4],
        quarterWords: ["trimestre"],
        futureMarkers: ["sarà", "saranno", "prossimamente"],
        capitalizedMonths: false,
        rules: [
            Rule(pattern: "all? inizio di? quest anno", meaning: .earlierThis(.year)),
            Rule(pattern: "l anno scorso|passato", meaning: .unitShift(.year, -1)),
            Rule(pattern: "il mese scorso|passato", meaning: .unitShift(.month, -1)),
            Rule(pattern: "la settimana scorsa|passata", meaning: .unitShift(.week, -1)),
            Rule(pattern: "quest anno", meaning: .unitShift(.year, 0)),
            Rule(pattern: "questo mese", meaning: .unitShift(.month, 0)),
            Rule(pattern: "questa settimana", meaning: .unitShift(.week, 0)),
            Rule(pattern: "l anno prossimo", meaning: .unitShift(.year, 1)),
            Rule(pattern: "il mese prossimo", meaning: .unitShift(.month, 1)),
            Rule(pattern: "la settimana prossima", meaning: .unitShift(.week, 1)),
            Rule(pattern: "ieri", meaning: .dayShift(-1)),
            Rule(pattern: "oggi|stasera", meaning: .dayShift(0)),
            Rule(pattern: "domani", meaning: .dayShift(1)),
            Rule(pattern: "# giorni fa", meaning: .unitsAgo(.day)),
            Rule(pattern: "# settimane fa", meaning: .unitsAgo(.week)),
            Rule(pattern: "# mesi fa", meaning: .unitsAgo(.month)),
            Rule(pattern: "# anni fa", meaning: .unitsAgo(.year)),
            Rule(pattern: "qualche|pochi giorni fa", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "qualche settimana fa|prima", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "poche|alcune settimane fa|prima", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "qualche mese fa", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "recentemente", meaning: .recently),
            Rule(pattern: "di recente", meaning: .recently),
            Rule(pattern: "nei prossimi giorni", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "nelle prossime settimane", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "nei prossimi mesi", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "nei prossimi anni", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "il giorno dopo|seguente|successivo", meaning: .fromReference(.day, 1)),
            Rule(pattern: "il giorno prima|precedente", meaning: .fromReference(.day, -1)),
        ])

    static let portuguese = TimeLexicon(
        months: table(["janeiro", "fevereiro", "março", "abril", "maio", "junho", "julho", "agosto", "setembro", "outubro", "novembro", "dezembro"]),
        monthAbbreviations: table(["jan", "fev", "mar", "abr", "mai", "jun", "jul", "ago", "set", "out", "nov", "dez"]),
        weekdays: table(["segunda|segunda-feira", "terça|terça-feira", "quarta|quarta-feira", "quinta|quinta-feira", "sexta|sexta-feira", "sábado", "domingo"]),
        weekdayAfter: ["passado": -1, "passada": -1, "próximo": 1, "próxima": 1],
        prepositions: ["em", "no", "na", "desde", "até"],
        yearCues: ["em", "desde", "até", "de", "no"],
        quarterOrdinals: ["primeiro": 1, "segundo": 2, "terceiro": 3, "quarto": 4],
        quarterWords: ["trimestre"],
        dateConnectors: ["de"],
        futureMarkers: ["vai", "vão", "será", "serão"],
        capitalizedMonths: false,
        rules: [
            Rule(pattern: "no início|começo deste ano", meaning: .earlierThis(.year)),
            Rule(pattern: "o|no ano passado", meaning: .unitShift(.year, -1)),
            Rule(pattern: "o|no mês passado", meaning: .unitShift(.month, -1)),
            Rule(pattern: "a|na semana passada", meaning: .unitShift(.week, -1)),
            Rule(pattern: "este|neste ano", meaning: .unitShift(.year, 0)),
            Rule(pattern: "este|neste mês", meaning: .unitShift(.month, 0)),
            Rule(pattern: "esta|nesta semana", meaning: .unitShift(.week, 0)),
            Rule(pattern: "o|no próximo ano", meaning: .unitShift(.year, 1)),
            Rule(pattern: "o|no próximo mês", meaning: .unitShift(.month, 1)),
            Rule(pattern: "a|na próxima semana", meaning: .unitShift(.week, 1)),
            Rule(pattern: "ontem", meaning: .dayShift(-1)),
            Rule(pattern: "hoje", meaning: .dayShift(0)),
            Rule(pattern: "amanhã", meaning: .dayShift(1)),
            Rule(pattern: "há # dias", meaning: .unitsAgo(.day)),
            Rule(pattern: "há # semanas", meaning: .unitsAgo(.week)),
            Rule(pattern: "há # meses", meaning: .unitsAgo(.month)),
            Rule(pattern: "há # anos", meaning: .unitsAgo(.year)),
            Rule(pattern: "há alguns|poucos dias", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "há algumas|poucas semanas", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "semanas antes", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "há alguns|poucos meses", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "recentemente", meaning: .recently),
            Rule(pattern: "no dia seguinte", meaning: .fromReference(.day, 1)),
            Rule(pattern: "nos próximos dias", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "nas próximas semanas", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "nos próximos meses", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "nos próximos anos", meaning: .fuzzyAfter(.year)),
        ])

    // Polish, Russian and Turkish inflect their month and weekday names; the tables list the
    // forms news text uses (nominative, genitive after a day, locative after "w"/"в").

    static let polish = TimeLexicon(
        months: table(["styczeń|stycznia|styczniu", "luty|lutego|lutym", "marzec|marca|marcu", "kwiecień|kwietnia|kwietniu",
                       "maj|maja|maju", "czerwiec|czerwca|czerwcu", "lipiec|lipca|lipcu", "sierpień|sierpnia|sierpniu",
                       "wrzesień|września|wrześniu", "październik|października|październiku", "listopad|listopada|listopadzie",
                       "grudzień|grudnia|grudniu"]),
        monthAbbreviations: table(["sty", "lut", "mar", "kwi", "maj", "cze", "lip", "sie", "wrz", "paź", "lis", "gru"]),
        weekdays: table(["poniedziałek|poniedziałku", "wtorek|wtorku", "środa|środę|środy", "czwartek|czwartku",
                         "piątek|piątku", "sobota|sobotę|soboty", "niedziela|niedzielę|niedzieli"]),
        weekdayBefore: ["zeszły": -1, "zeszłą": -1, "ubiegły": -1, "ubiegłą": -1, "przyszły": 1, "przyszłą": 1,
                        "najbliższy": 1, "najbliższą": 1],
        prepositions: ["w", "we", "od", "do"],
        yearCues: ["w", "od", "do", "z", "roku"],
        yearCuesAfter: ["r", "rok", "roku", "rokiem"],
        quarterOrdinals: ["pierwszym": 1, "pierwszy": 1, "drugim": 2, "drugi": 2, "trzecim": 3, "trzeci": 3, "czwartym": 4, "czwarty": 4],
        quarterWords: ["kwartale", "kwartał", "kwartału"],
        futureMarkers: ["będzie", "będą", "zostanie", "zostaną"],
        capitalizedMonths: false,
        rules: [
            Rule(pattern: "na początku tego? roku", meaning: .earlierThis(.year)),
            Rule(pattern: "w? zeszłym|ubiegłym|poprzednim|minionym roku", meaning: .unitShift(.year, -1)),
            Rule(pattern: "zeszły|ubiegły|miniony rok", meaning: .unitShift(.year, -1)),
            Rule(pattern: "w? zeszłym|ubiegłym|poprzednim|minionym miesiącu", meaning: .unitShift(.month, -1)),
            Rule(pattern: "w? zeszłym|ubiegłym|poprzednim|minionym tygodniu", meaning: .unitShift(.week, -1)),
            Rule(pattern: "w? tym|bieżącym roku", meaning: .unitShift(.year, 0)),
            Rule(pattern: "w? tym|bieżącym miesiącu", meaning: .unitShift(.month, 0)),
            Rule(pattern: "w? tym tygodniu", meaning: .unitShift(.week, 0)),
            Rule(pattern: "w? przyszłym|następnym roku", meaning: .unitShift(.year, 1)),
            Rule(pattern: "w? przyszłym|następnym miesiącu", meaning: .unitShift(.month, 1)),
            Rule(pattern: "w? przyszłym|następnym tygodniu", meaning: .unitShift(.week, 1)),
            Rule(pattern: "przedwczoraj", meaning: .dayShift(-2)),
            Rule(pattern: "wczoraj", meaning: .dayShift(-1)),
            Rule(pattern: "dziś|dzisiaj", meaning: .dayShift(0)),
            Rule(pattern: "jutro", meaning: .dayShift(1)),
            Rule(pattern: "# dni|dzień temu", meaning: .unitsAgo(.day)),
            Rule(pattern: "#? tygodni|tygodnie|tydzień temu", meaning: .unitsAgo(.week)),
            Rule(pattern: "#? miesięcy|miesiące|miesiąc temu", meaning: .unitsAgo(.month)),
            Rule(pattern: "#? lat|lata|rok temu", meaning: .unitsAgo(.year)),
            Rule(pattern: "kilka|parę dni temu", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "kilka|parę tygodni temu", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "kilka|parę miesięcy temu", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "kilka|parę lat temu", meaning: .fuzzyBefore(.year)),
            Rule(pattern: "niedawno|ostatnio", meaning: .recently),
            Rule(pattern: "w najbliższych|nadchodzących|kolejnych dniach", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "w najbliższych|nadchodzących|kolejnych tygodniach", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "w najbliższych|nadchodzących|kolejnych miesiącach", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "w najbliższych|nadchodzących|kolejnych latach", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "następnego dnia", meaning: .fromReference(.day, 1)),
            Rule(pattern: "dzień wcześniej", meaning: .fromReference(.day, -1)),
        ])

    static let russian = TimeLexicon(
        months: table(["январь|января|январе", "февраль|февраля|феврале", "март|марта|марте", "апрель|апреля|апреле",
                       "май|мая|мае", "июнь|июня|июне", "июль|июля|июле", "август|августа|августе",
                       "сентябрь|сентября|сентябре", "октябрь|октября|октябре", "ноябрь|ноября|ноябре", "декабрь|декабря|декабре"]),
        monthAbbreviations: table(["янв", "фев", "мар", "апр", "мая", "июн", "июл", "авг", "сен|сент", "окт", "ноя|нояб", "дек"]),
        weekdays: table(["понедельник|понедельника", "вторник|вторника", "среда|среду|среды", "четверг|четверга",
                         "пятница|пятницу|пятницы", "суббота|субботу|субботы", "воскресенье|воскресенья"]),
        weekdayBefore: ["прошлый": -1, "прошлую": -1, "прошлое": -1, "следующий": 1, "следующую": 1, "следующее": 1,
                        "ближайший": 1, "ближайшую": 1, "ближайшее": 1],
        prepositions: ["в", "во", "с", "со", "до", "к"],
        yearCues: ["в", "с", "до", "к", "по"],
        yearCuesAfter: ["г", "год", "года", "году", "годом"],
        quarterOrdinals: ["первом": 1, "первый": 1, "первого": 1, "втором": 2, "второй": 2, "второго": 2, "третьем": 3, "третий": 3, "третьего": 3, "четвертом": 4, "четвёртом": 4, "четвертый": 4, "четвёртый": 4, "четвертого": 4, "четвёртого": 4],
        quarterWords: ["квартале", "квартал", "квартала"],
        futureMarkers: ["будет", "будут", "станет", "станут"],
        capitalizedMonths: false,
        rules: [
            Rule(pattern: "в начале этого? года", meaning: .earlierThis(.year)),
            Rule(pattern: "в? прошлом|минувшем|прошедшем году", meaning: .unitShift(.year, -1)),
            Rule(pattern: "прошлый|минувший год", meaning: .unitShift(.year, -1)),
            Rule(pattern: "в? прошлом|минувшем месяце", meaning: .unitShift(.month, -1)),
            Rule(pattern: "на? прошлой|минувшей неделе", meaning: .unitShift(.week, -1)),
            Rule(pattern: "в? этом|текущем|нынешнем году", meaning: .unitShift(.year, 0)),
            Rule(pattern: "в? этом|текущем месяце", meaning: .unitShift(.month, 0)),
            Rule(pattern: "на? этой неделе", meaning: .unitShift(.week, 0)),
            Rule(pattern: "в? следующем|будущем году", meaning: .unitShift(.year, 1)),
            Rule(pattern: "в? следующем месяце", meaning: .unitShift(.month, 1)),
            Rule(pattern: "на? следующей неделе", meaning: .unitShift(.week, 1)),
            Rule(pattern: "позавчера", meaning: .dayShift(-2)),
            Rule(pattern: "вчера", meaning: .dayShift(-1)),
            Rule(pattern: "сегодня", meaning: .dayShift(0)),
            Rule(pattern: "завтра", meaning: .dayShift(1)),
            Rule(pattern: "# дней|дня|день назад", meaning: .unitsAgo(.day)),
            Rule(pattern: "#? недель|недели|неделю назад", meaning: .unitsAgo(.week)),
            Rule(pattern: "#? месяцев|месяца|месяц назад", meaning: .unitsAgo(.month)),
            Rule(pattern: "#? лет|года|год назад", meaning: .unitsAgo(.year)),
            Rule(pattern: "несколько дней назад", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "несколько недель назад", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "несколько месяцев назад", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "несколько лет назад", meaning: .fuzzyBefore(.year)),
            Rule(pattern: "недавно", meaning: .recently),
            Rule(pattern: "в ближайшие|следующие|предстоящие дни", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "в ближайшие|следующие|предстоящие недели", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "в ближайшие|следующие|предстоящие месяцы", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "в ближайшие|следующие|предстоящие годы", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "за? последние|последних несколько? дней", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "за? последние|последних несколько? недель", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "за? последние|последних несколько? месяцев", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "за? последние|последних несколько? лет", meaning: .fuzzyBefore(.year)),
            Rule(pattern: "на следующий день", meaning: .fromReference(.day, 1)),
            Rule(pattern: "накануне", meaning: .fromReference(.day, -1)),
        ])

    /// Turkish marks case and tense with suffixes, so "geçen yıl" and "2019'da" carry no
    /// preposition and no future word; month and weekday names count only capitalised, as
    /// several are common nouns in lower case ("aralık" gap, "pazar" market, "ocak" stove).
    static let turkish = TimeLexicon(
        months: table(["ocak", "şubat", "mart", "nisan", "mayıs", "haziran", "temmuz", "ağustos", "eylül", "ekim", "kasım", "aralık"]),
        monthAbbreviations: [:],
        weekdays: table(["pazartesi", "salı", "çarşamba", "perşembe", "cuma", "cumartesi", "pazar"]),
        weekdayBefore: ["geçen": -1, "geçtiğimiz": -1, "gelecek": 1, "önümüzdeki": 1],
        prepositions: [],
        yearCues: [],
        yearCuesAfter: ["yılı", "yılında", "yılının", "yılındaki", "yılından", "yılına", "da", "de", "ta", "te", "dan", "den", "tan", "ten"],
        quarterOrdinals: ["ilk": 1, "birinci": 1, "ikinci": 2, "üçüncü": 3, "dördüncü": 4],
        quarterWords: ["çeyrek", "çeyreğinde", "çeyreğinin", "çeyrekte"],
        futureMarkers: [],
        capitalizedMonths: true,
        rules: [
            Rule(pattern: "geçen|geçtiğimiz yıl|yılın|sene|senenin", meaning: .unitShift(.year, -1)),
            Rule(pattern: "geçen|geçtiğimiz ay|ayın", meaning: .unitShift(.month, -1)),
            Rule(pattern: "geçen|geçtiğimiz hafta|haftanın", meaning: .unitShift(.week, -1)),
            Rule(pattern: "bu yıl|yılın|sene|senenin", meaning: .unitShift(.year, 0)),
            Rule(pattern: "bu ay|ayın", meaning: .unitShift(.month, 0)),
            Rule(pattern: "bu hafta|haftanın", meaning: .unitShift(.week, 0)),
            Rule(pattern: "gelecek|önümüzdeki|seneye yıl|sene", meaning: .unitShift(.year, 1)),
            Rule(pattern: "gelecek|önümüzdeki ay", meaning: .unitShift(.month, 1)),
            Rule(pattern: "gelecek|önümüzdeki hafta", meaning: .unitShift(.week, 1)),
            Rule(pattern: "dün", meaning: .dayShift(-1)),
            Rule(pattern: "bugün", meaning: .dayShift(0)),
            Rule(pattern: "yarın", meaning: .dayShift(1)),
            Rule(pattern: "# gün önce", meaning: .unitsAgo(.day)),
            Rule(pattern: "# hafta önce", meaning: .unitsAgo(.week)),
            Rule(pattern: "# ay önce", meaning: .unitsAgo(.month)),
            Rule(pattern: "# yıl|sene önce", meaning: .unitsAgo(.year)),
            Rule(pattern: "birkaç gün önce", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "birkaç hafta önce", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "birkaç ay önce", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "birkaç yıl|sene önce", meaning: .fuzzyBefore(.year)),
            Rule(pattern: "geçtiğimiz|son günlerde", meaning: .recently),
            Rule(pattern: "kısa süre önce", meaning: .recently),
            Rule(pattern: "önümüzdeki|gelecek günlerde", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "önümüzdeki|gelecek haftalarda", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "önümüzdeki|gelecek aylarda", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "önümüzdeki|gelecek yıllarda", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "ertesi gün", meaning: .fromReference(.day, 1)),
        ])

    /// Arabic news names months by their Egyptian and Gulf forms (يناير) or the Levantine
    /// ones (شباط); the two-word Levantine names (كانون الثاني) are left out. Spellings with
    /// and without hamza are both listed, as news text writes both.
    static let arabic = TimeLexicon(
        months: table(["يناير", "فبراير|شباط", "مارس|آذار", "أبريل|ابريل|إبريل|نيسان", "مايو|أيار|ايار", "يونيو|يونيه|حزيران",
                       "يوليو|يوليه|تموز", "أغسطس|اغسطس|آب", "سبتمبر|أيلول|ايلول", "أكتوبر|اكتوبر", "نوفمبر", "ديسمبر"]),
        monthAbbreviations: [:],
        weekdays: table(["الاثنين|الإثنين", "الثلاثاء", "الأربعاء|الاربعاء", "الخميس", "الجمعة", "السبت", "الأحد|الاحد"]),
        prepositions: ["في", "منذ", "حتى", "يوم"],
        yearCues: ["في", "منذ", "حتى", "عام", "العام", "سنة", "لعام", "بعام"],
        futureMarkers: ["سوف", "ستعقد", "سيعقد"],
        capitalizedMonths: false,
        rules: [
            Rule(pattern: "العام|السنة الماضي|الماضية|المنصرم|المنصرمة", meaning: .unitShift(.year, -1)),
            Rule(pattern: "الشهر الماضي|المنصرم", meaning: .unitShift(.month, -1)),
            Rule(pattern: "الأسبوع|الاسبوع الماضي|المنصرم", meaning: .unitShift(.week, -1)),
            Rule(pattern: "هذا العام", meaning: .unitShift(.year, 0)),
            Rule(pattern: "هذا الشهر", meaning: .unitShift(.month, 0)),
            Rule(pattern: "هذا الأسبوع|الاسبوع", meaning: .unitShift(.week, 0)),
            Rule(pattern: "العام|السنة الحالي|الحالية|الجاري|الجارية", meaning: .unitShift(.year, 0)),
            Rule(pattern: "الشهر الحالي|الجاري", meaning: .unitShift(.month, 0)),
            Rule(pattern: "العام|السنة المقبل|المقبلة|القادم|القادمة", meaning: .unitShift(.year, 1)),
            Rule(pattern: "الشهر المقبل|القادم", meaning: .unitShift(.month, 1)),
            Rule(pattern: "الأسبوع|الاسبوع المقبل|القادم", meaning: .unitShift(.week, 1)),
            Rule(pattern: "أمس|امس|بالأمس", meaning: .dayShift(-1)),
            Rule(pattern: "اليوم", meaning: .dayShift(0)),
            Rule(pattern: "غدا", meaning: .dayShift(1)),
            Rule(pattern: "منذ حوالي|نحو? # أيام|يوما|يومين", meaning: .unitsAgo(.day)),
            Rule(pattern: "منذ حوالي|نحو? # أسابيع|اسابيع|أسبوعا", meaning: .unitsAgo(.week)),
            Rule(pattern: "منذ حوالي|نحو? # أشهر|اشهر|شهرا|شهور", meaning: .unitsAgo(.month)),
            Rule(pattern: "منذ حوالي|نحو? # سنوات|أعوام|اعوام|عاما|سنة", meaning: .unitsAgo(.year)),
            Rule(pattern: "قبل # أيام|يوما", meaning: .unitsAgo(.day)),
            Rule(pattern: "قبل # سنوات|أعوام|عاما", meaning: .unitsAgo(.year)),
            Rule(pattern: "منذ|قبل أيام", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "منذ|قبل أسابيع", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "منذ|قبل أشهر|شهور", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "الأيام|الايام الماضية", meaning: .fuzzyBefore(.day)),
            Rule(pattern: "الأسابيع|الاسابيع الماضية", meaning: .fuzzyBefore(.week)),
            Rule(pattern: "الأشهر|الاشهر|الشهور الماضية", meaning: .fuzzyBefore(.month)),
            Rule(pattern: "مؤخرا", meaning: .recently),
            Rule(pattern: "الأيام|الايام المقبلة|القادمة", meaning: .fuzzyAfter(.day)),
            Rule(pattern: "الأسابيع|الاسابيع المقبلة|القادمة", meaning: .fuzzyAfter(.week)),
            Rule(pattern: "الأشهر|الاشهر|الشهور المقبلة|القادمة", meaning: .fuzzyAfter(.month)),
            Rule(pattern: "السنوات|الأعوام المقبلة|القادمة", meaning: .fuzzyAfter(.year)),
            Rule(pattern: "في اليوم التالي", meaning: .fromReference(.day, 1)),
        ])
}
