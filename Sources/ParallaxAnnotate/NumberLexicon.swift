import ParallaxCore

/// Number words, scales, units and qualifiers (the data of `NumberExtractor`).
enum NumberLexicon {
    /// Cardinal number words per language. English has the full set it composes from
    /// ("twenty-five", "two hundred"); the other languages 1–20 and the tens.
    static let cardinals: [String: [String: Double]] = [
        "en": words("zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen fifteen sixteen seventeen eighteen nineteen twenty",
                     tens: "thirty forty fifty sixty seventy eighty ninety"),
        "nl": words("nul een twee drie vier vijf zes zeven acht negen tien elf twaalf dertien veertien vijftien zestien zeventien achttien negentien twintig",
                    tens: "dertig veertig vijftig zestig zeventig tachtig negentig"),
        "de": words("null eins zwei drei vier fünf sechs sieben acht neun zehn elf zwölf dreizehn vierzehn fünfzehn sechzehn siebzehn achtzehn neunzehn zwanzig",
                    tens: "dreißig vierzig fünfzig sechzig siebzig achtzig neunzig"),
        "fr": words("zéro un deux trois quatre cinq six sept huit neuf dix onze douze treize quatorze quinze seize dix-sept dix-huit dix-neuf vingt",
                    tens: "trente quarante cinquante soixante soixante-dix quatre-vingt quatre-vingt-dix"),
        "es": words("cero uno dos tres cuatro cinco seis siete ocho nueve diez once doce trece catorce quince dieciséis diecisiete dieciocho diecinueve veinte",
                    tens: "treinta cuarenta cincuenta sesenta setenta ochenta noventa"),
        "it": words("zero uno due tre quattro cinque sei sette otto nove dieci undici dodici tredici quattordici quindici sedici diciassette diciotto diciannove venti",
                    tens: "trenta quaranta cinquanta sessanta settanta ottanta novanta"),
        "pt": words("zero um dois três quatro cinco seis sete oito nove dez onze doze treze catorze quinze dezesseis dezessete dezoito dezenove vinte",
                    tens: "trinta quarenta cinquenta sessenta setenta oitenta noventa"),
        "pl": words("zero jeden dwa trzy cztery pięć sześć siedem osiem dziewięć dziesięć jedenaście dwanaście trzynaście czternaście piętnaście szesnaście siedemnaście osiemnaście dziewiętnaście dwadzieścia",
                    tens: "trzydzieści czterdzieści pięćdziesiąt sześćdziesiąt siedemdziesiąt osiemdziesiąt dziewięćdziesiąt"),
        "ru": words("ноль один два три четыре пять шесть семь восемь девять десять одиннадцать двенадцать тринадцать четырнадцать пятнадцать шестнадцать семнадцать восемнадцать девятнадцать двадцать",
                    tens: "тридцать сорок пятьдесят шестьдесят семьдесят восемьдесят девяносто"),
        // Turkish says 11–19 in two words ("on bir"); the single words are 0–10 and the tens.
        "tr": words("sıfır bir iki üç dört beş altı yedi sekiz dokuz on", tens: "otuz kırk elli altmış yetmiş seksen doksan")
            .merging(["yirmi": 20]) { a, _ in a },
    ]

    /// Words that are also articles or pronouns ("one", "un", "een"): a number only when a
    /// unit follows.
    static let ambiguousCardinals: Set<String> = ["one", "een", "eins", "un", "une", "uno", "una", "um", "uma", "ein", "eine",
                                                   "jeden", "jedna", "jedno", "один", "одна", "одно", "bir"]

    /// Feminine and alternative forms that mean the same cardinal.
    static let cardinalVariants: [String: Double] = ["une": 1, "una": 1, "uma": 1, "duas": 2, "ein": 1, "eine": 1, "dieci": 10,
                                                        "jedna": 1, "jedno": 1, "dwie": 2, "одна": 1, "одно": 1, "две": 2]

    /// Fixed phrases that stand for a number.
    static let phrases: [String: Double] = ["a dozen": 12, "half a dozen": 6, "a couple of": 2, "a hundred": 100, "a thousand": 1_000, "een dozijn": 12, "ein dutzend": 12, "une douzaine": 12, "una docena": 12, "una dozzina": 12, "uma dúzia": 12]

    /// `phrases` split into the word runs the matcher compares.
    static let phraseWords: [(words: [String], value: Double)] = phrases.map { (Punctuation.words($0.key), $0.value) }

    static let phraseStarts: Set<String> = Set(phraseWords.map { $0.words[0] })

    /// Multipliers after a number: "3.5 billion", "20m", "zwei Millionen".
    static let scales: [String: Double] = [
        "hundred": 100, "thousand": 1_000, "million": 1e6, "millions": 1e6, "billion": 1e9, "billions": 1e9, "trillion": 1e12,
        "k": 1_000, "m": 1e6, "mn": 1e6, "bn": 1e9, "b": 1e9, "tn": 1e12,
        "honderd": 100, "duizend": 1_000, "miljoen": 1e6, "miljard": 1e9, "mln": 1e6, "mld": 1e9,
        "hundert": 100, "tausend": 1_000, "millionen": 1e6, "milliarde": 1e9, "milliarden": 1e9, "mio": 1e6, "mrd": 1e9,
        "cent": 100, "cents": 100, "mille": 1_000, "milliard": 1e9, "milliards": 1e9,
        "cien": 100, "mil": 1_000, "millón": 1e6, "millones": 1e6, "mil millones": 1e9,
        "cento": 100, "mila": 1_000, "milione": 1e6, "milioni": 1e6, "miliardo": 1e9, "miliardi": 1e9,
        "milhão": 1e6, "milhões": 1e6, "bilião": 1e9, "bilhão": 1e9, "bilhões": 1e9,
        "bin": 1_000, "milyon": 1e6, "milyar": 1e9,
        "tysiąc": 1_000, "tysiące": 1_000, "tysięcy": 1_000, "tys": 1_000, "milion": 1e6, "miliony": 1e6, "milionów": 1e6,
        "miliard": 1e9, "miliardy": 1e9, "miliardów": 1e9,
        "тысяча": 1_000, "тысячи": 1_000, "тысяч": 1_000, "тыс": 1_000, "миллион": 1e6, "миллиона": 1e6, "миллионов": 1e6,
        "млн": 1e6, "миллиард": 1e9, "миллиарда": 1e9, "миллиардов": 1e9, "млрд": 1e9,
        "ألف": 1_000, "آلاف": 1_000, "مليون": 1e6, "ملايين": 1e6, "مليار": 1e9, "مليارات": 1e9,
        // South Asian English: "Rs 3 crore", "2.5 lakh".
        "lakh": 1e5, "lakhs": 1e5, "crore": 1e7, "crores": 1e7,
        // Chinese writes the scale after the digits without a space ("250万").
        "千": 1_000, "万": 1e4, "萬": 1e4, "亿": 1e8, "億": 1e8,
    ]

    /// Words that link a scale word to its unit: "millions of dollars", "millones de euros",
    /// "milioni di euro".
    static let unitLinkingWords: Set<String> = ["of", "de", "di", "d"]

    /// Unit words (singular and plural, several languages) → normalised unit.
    static let units: [String: String] = {
        var table: [String: String] = [:]
        let groups: [(String, String)] = [
            ("hour", "hour hours hr hrs uur uren stunde stunden heure heures hora horas ora ore"),
            ("minute", "minute minutes min mins minuut minuten minuto minutos minuti"),
            ("day", "day days dag dagen tag tage tagen jour jours día días giorno giorni dia dias"),
            ("week", "week weeks weken woche wochen semaine semaines semana semanas settimana settimane"),
            ("month", "month months maand maanden monat monate monaten mois mes meses mese mesi mês"),
            ("year", "year years jaar jaren jahr jahre jahren an ans année années año años anno anni ano anos"),
            ("person", "person persons people mensen personen menschen personnes personne persona personas persone pessoa pessoas "
             + "kişi kişinin kişiyi osób osoby osoba ludzi человек человека людей شخص شخصا أشخاص 人"),
            // A count of casualties names its role: "21 dead", "42 wounded", "16 Tote", "23 muertos".
            ("dead", "dead deaths fatalities tote toten todesopfer doden morts mortos muertos fallecidos morti ölü zabitych "
             + "погибших погибли قتيل قتيلا قتلى"),
            ("injured", "injured wounded verletzte verletzten gewonden blessés heridos feriti feridos yaralı rannych раненых "
             + "пострадавших جريح جريحا جرحى مصابا مصابين"),
            ("percent", "percent percentage procent prozent proc percento процент процента процентов بالمئة بالمائة"),
            ("km", "km kilometre kilometres kilometer kilometers kilometern kilomètre kilomètres kilómetro kilómetros chilometri quilômetros quilómetros"),
            ("mile", "mile miles"),
            ("m", "metre metres meter meters mètres metros metri"),
            // Lengths, areas, volumes and temperatures, often given twice ("3 metres (10 feet)"):
            // with their unit they are never taken for a count of people.
            ("cm", "cm centimetre centimetres centimeter centimeters zentimeter centimètres centímetros centimetri"),
            ("mm", "mm millimetre millimetres millimeter millimeters millimètres milímetros millimetri"),
            ("ft", "ft foot feet piedi pies pieds fuß"),
            ("inch", "inch inches"),
            ("yard", "yard yards"),
            ("acre", "acre acres"),
            ("hectare", "hectare hectares hektar hektare hectáreas ettari"),
            ("litre", "litre litres liter liters litros litri"),
            ("gallon", "gallon gallons"),
            ("degree", "degree degrees grad grados degrés gradi"),
            ("kg", "kg kilogram kilograms kilogramme kilogrammes kilo kilos kilogramm"),
            ("tonne", "ton tons tonne tonnes tonnen toneladas tonnellate"),
            ("usd", "dollar dollars dólar dólares dollari usd dolar dolarlık dolarów dolary долларов доллара دولار دولارا"),
            ("eur", "euro euros eur avro евро"),
            ("try", "lira liralık tl"),
            ("pln", "zł złotych złote zloty"),
            ("rub", "rubel rubli рублей рубля рубль руб"),
            ("inr", "rupee rupees"),
            ("egp", "جنيه جنيها"),
            ("cny", "元 yuan renminbi"),
            ("gbp", "gbp sterling"),
            ("barrel", "barrel barrels vaten fässer barils barriles barili barris"),
        ]
        for (unit, words) in groups {
            for word in words.split(separator: " ") { table[String(word)] = unit }
        }
        return table
    }()

    /// Multi-word units: "per cent", "por ciento".
    static let unitPhrases: [String: String] = ["per cent": "percent", "pour cent": "percent", "por ciento": "percent", "per cento": "percent", "por cento": "percent", "pound sterling": "gbp"]

    /// Currency symbols and the unit they give.
    static let currencySymbols: [Unicode.Scalar: String] = ["$": "usd", "€": "eur", "£": "gbp", "¥": "jpy", "₹": "inr", "₽": "rub", "₩": "krw"]
    /// Currency codes written before the number ("US$", "USD 5").
    static let currencyPrefixes: [String: String] = ["usd": "usd", "eur": "eur", "gbp": "gbp", "us": "usd", "chf": "chf", "jpy": "jpy", "cny": "cny"]
    /// English verbs right before a count that say what it counts ("killing 26", "wounded
    /// 57"): news puts the toll after the verb as often as before the noun.
    static let casualtyWordsBefore: [String: String] = [
        "killed": "dead", "killing": "dead", "kills": "dead",
        "injured": "injured", "injuring": "injured", "injures": "injured", "wounded": "injured", "wounding": "injured",
        "evacuated": "displaced", "evacuating": "displaced", "displaced": "displaced", "displacing": "displaced",
    ]
    /// Words a few words after a count of people that say what happened to them: "nine people
    /// have died", "19 mil personas huyeran", "tre persone sono morte", "1,200 people were
    /// evacuated". Within `roleReach` words, in the same phrase; a count with no unit takes
    /// its role only from the word right after it ("26 died").
    static let roleWordsAfter: [String: String] = {
        var table: [String: String] = [:]
        let groups: [(String, String)] = [
            ("dead", "died dead killed perished murieron muerto muertos muertas fallecieron fallecido fallecidos fallecidas "
             + "morte morti morirono uccise uccisi mortes morts tuées tués décédées décédés péri starben getötet gestorben "
             + "погибли погибло погиб погибла погибших умерли умер умерла öldü zginęło zginęli zginęły zmarło zmarli"),
            ("injured", "injured wounded hurt heridos heridas feriti ferite blessés blessées verletzt ранены yaralandı ranne ranni"),
            ("missing", "missing desaparecidos desaparecidas disparus disparues dispersi dispersa vermisst пропал пропали "
             + "пропавших kayıp zaginęło zaginionych"),
            ("displaced", "fled evacuated displaced homeless huyeron huyeran evacuados evacuadas desplazados desplazadas damnificados "
             + "sfollate sfollati evacuati evacuate évacuées évacués déplacées déplacés evakuiert geflohen flohen obdachlos "
             + "эвакуированы эвакуировали"),
        ]
        for (role, words) in groups {
            for word in words.split(separator: " ") { table[String(word)] = role }
        }
        return table
    }()
    static let roleReach = 3
    /// The words that may stand between a count and its role word: auxiliaries and relative
    /// pronouns ("have died", "who were killed", "sono rimaste uccise", "ont été tuées"). Any
    /// other word ends the search: "killed 26 people and wounded 57" counts no injured in 26.
    static let roleBridgeWords: Set<String> = [
        "have", "has", "had", "were", "was", "are", "is", "been", "who", "that", "which",
        "han", "habían", "fueron", "resultaron", "quedaron", "sono", "furono", "rimaste", "rimasti", "state", "stati",
        "ont", "été", "sont", "sind", "wurden", "waren", "haben", "hatten", "seien",
        "foram", "ficaram", "zostało", "zostały", "zostali", "были", "было",
    ]
    /// Words before a count that make it a part, not a total: "altre tre persone sono morte",
    /// "another 5 people", "weitere drei Menschen". Such a count keeps no unit, so it is not
    /// set against the toll it adds to.
    static let partialCountWords: Set<String> = [
        "other", "another", "further", "additional", "altre", "altri", "otras", "otros", "autres", "weitere", "weiteren",
        "andere", "outras", "outros",
    ]

    /// "the death toll stood at 20", "le nombre de morts grimpe à plus de 400", "die Zahl der
    /// Toten stieg auf 20": a count within `tollReach` words after one of these phrases counts
    /// the dead. (Phrases of victims are left out: they count the injured too.)
    static let tollPhrases: [[String]] = [
        "death toll", "number of dead", "number of deaths", "nombre de morts", "nombre de décès", "número de muertos",
        "cifra de muertos", "número de fallecidos", "cifra de fallecidos", "número de mortos", "numero dei morti",
        "bilancio dei morti", "zahl der toten", "zahl der todesopfer", "dodental", "aantal doden", "число погибших",
        "liczba zabitych", "liczba ofiar śmiertelnych",
    ].map { $0.split(separator: " ").map(String.init) }
    static let tollReach = 4
    /// Currency words written before the number in any case ("Rs 3 crore").
    static let currencyWordsBefore: [String: String] = ["rs": "inr"]

    /// Suffixes after digits that make an ordinal, not a quantity ("3rd", "1er", "2º").
    static let ordinalSuffixes: Set<String> = ["st", "nd", "rd", "th", "er", "e", "re", "ème", "eme", "de", "ste", "º", "ª", "o", "a"]

    /// Ranges written as two numbers: a word between them ("20 to 30", "zwei bis drei", "20 ila
    /// 30") or a pair of words around the first ("between 20 and 30", "entre 20 et 30", "от 20
    /// до 30"). "From 20 to 26" is left as two numbers: after "rose" it is a change, not a range.
    static let rangeLinks: [String: Set<String>] = [
        "en": ["to"], "de": ["bis"], "fr": ["à"], "es": ["a"], "it": ["a"], "pt": ["a"], "nl": ["tot"], "tr": ["ila"],
    ]
    /// The words before the first number that make a range a change ("from 20 to 26", "von 20 bis 26").
    static let changeOpeners: Set<String> = ["from", "von", "de", "desde", "da", "dal", "dai", "dalle", "van", "d"]
    /// Opening word → the word between the numbers.
    static let rangePairs: [String: [String: String]] = [
        "en": ["between": "and"], "de": ["zwischen": "und"], "fr": ["entre": "et"], "es": ["entre": "y"],
        "it": ["tra": "e", "fra": "e"], "pt": ["entre": "e"], "nl": ["tussen": "en"], "pl": ["między": "a", "od": "do"],
        "ru": ["между": "и", "от": "до"],
    ]

    /// Qualifier phrases written before the number.
    static let qualifiers: [String: NumberMention.Qualifier] = {
        var table: [String: NumberMention.Qualifier] = [:]
        let groups: [(NumberMention.Qualifier, [String])] = [
            (.approximately, ["roughly", "about", "around", "approximately", "nearly", "almost", "some", "an estimated", "close to", "circa", "ca",
                              "ongeveer", "bijna", "zo'n", "circa", "rond", "etwa", "rund", "ungefähr", "fast", "knapp", "beinahe",
                              "environ", "près de", "presque", "quelque", "unos", "unas", "alrededor de", "casi", "cerca de", "aproximadamente",
                              "quasi", "circa", "intorno a", "cerca de", "quase", "aproximadamente"]),
            (.atLeast, ["more than", "over", "at least", "upwards of", "above", "in excess of", "no fewer than", "no less than",
                        "meer dan", "ruim", "minstens", "ten minste", "mehr als", "über", "mindestens", "plus de", "au moins",
                        "más de", "al menos", "por lo menos", "più di", "oltre", "almeno", "mais de", "pelo menos"]),
            (.atMost, ["up to", "under", "less than", "fewer than", "at most", "no more than", "below", "as many as",
                       "minder dan", "hooguit", "tot", "bis zu", "weniger als", "unter", "höchstens", "jusqu'à", "moins de", "au plus",
                       "hasta", "menos de", "fino a", "meno di", "até", "menos de"]),
        ]
        for (qualifier, phrases) in groups {
            for phrase in phrases { table[Punctuation.words(phrase).joined(separator: " ")] = qualifier }
        }
        return table
    }()

    // MARK: ages

    /// The unit of a person's age: "the 77-year-old", "aged 77", "77-jährige", "77 岁".
    static let ageUnit = NumberMention.ageUnit

    /// Greatest number read as an age.
    static let oldestAge = 125.0

    /// Words after the number that make it an age, joined to it by a hyphen or a space:
    /// "77-year-old", "77 years old", "77-jährige", "45 yaşında", "45-летний", "77 岁".
    static let ageWordsAfter: [[String]] = [
        "year old", "years old", "yr old", "year olds",
        "jährige", "jähriger", "jährigen", "jährigem", "jähriges", "jährig",
        "jahre alt", "jahre alte", "jahre alter", "jahre alten", "jahre altem", "jahre altes",
        "jarige", "jarig", "jaar oud",
        "años de edad", "anos de idade",
        "latek", "latka", "latkiem", "letni", "letnia", "letniego", "letniej", "letnią", "letniemu",
        "летний", "летняя", "летнего", "летней", "летнему", "летнюю", "летним", "летние", "летних",
        "річний", "річна", "річного", "річної",
        "yaşında", "yaşındaki", "yaşındaydı", "yaşındayken",
        "岁", "歲", "歳", "세", "살",
    ].map(Punctuation.words)

    /// Suffixes glued to the digits that make an age: "45enne" (Italian), "77岁", "77세".
    static let ageSuffixes: Set<String> = ["enne", "岁", "歲", "歳", "세", "살"]

    /// Phrases right before the number that make it an age; a year word after the number
    /// (`ageYearWords`) then belongs to the age: "aged 77", "at the age of 77", "died at 77",
    /// "im Alter von 77 Jahren", "à l'âge de 77 ans", "a los 77 años", "w wieku 77 lat",
    /// "в возрасте 77 лет", "عن عمر ناهز 96 عاما", "berusia 45 tahun", "享年 91 岁".
    static let agePhrasesBefore: [[String]] = [
        "aged", "age", "at the age of", "at age", "dies at", "died at", "dead at", "dying at",
        "im alter von", "mit", "stirbt mit", "starb mit", "gestorben mit",
        "op de leeftijd van",
        "à l'âge de", "âgé de", "âgée de", "âgés de", "âgées de", "mort à", "morte à", "meurt à", "décédé à", "décédée à", "décède à",
        "a la edad de", "a los", "a sus", "con la edad de", "tenía", "tiene", "tinha", "tem", "avait", "aveva",
        "all'età di", "morto a", "morta a", "muore a", "morì a", "deceduto a", "deceduta a", "scomparso a", "scomparsa a",
        "aos", "com a idade de", "à idade de",
        "w wieku",
        "в возрасте", "у віці",
        "عن عمر ناهز", "عن عمر يناهز", "عن عمر", "البالغ من العمر", "البالغة من العمر", "عمره", "عمرها", "بعمر",
        "berusia", "usia", "pada usia",
        "享年", "终年", "終年",
    ].map(Punctuation.words)

    /// Phrases before the number that make an age only when a year word follows it: "a los 77
    /// años", but "a los 77 detenidos"; "mit 77 Jahren", but "mit 77 Stimmen"; "tenía 77 años".
    static let agePhrasesNeedingYearWord: Set<[String]> = [
        ["a", "los"], ["a", "sus"], ["aos"], ["usia"], ["mit"], ["tenía"], ["tiene"], ["tinha"], ["tem"], ["avait"], ["aveva"],
    ]

    /// Year words after an age opened by a phrase before it ("Jahren", "ans", "años", "lat").
    static let ageYearWords: Set<String> = [
        "year", "years", "jahren", "jahre", "jahr", "jaar", "ans", "an", "años", "año", "anni", "anno", "anos", "ano",
        "lat", "lata", "roku", "лет", "года", "год", "років", "роки", "عاما", "عامًا", "عاماً", "عام", "سنة", "سنوات",
        "tahun", "岁", "歲", "歳", "세", "yaşında",
    ]

    /// People named by a noun with their age after "de" or "di": "un hombre de 45 años",
    /// "une femme de 30 ans", "un uomo di 40 anni", "um homem de 50 anos"; the year word must
    /// follow. After a comma the linking word alone will do: "Stern, de 77 años,".
    static let agePersonNouns: Set<String> = [
        "homme", "femme", "jeune", "garçon", "fille", "enfant", "adolescent", "adolescente", "retraité", "retraitée", "père", "mère",
        "hombre", "mujer", "joven", "niño", "niña", "menor", "anciano", "anciana", "chico", "chica", "varón", "adolescente", "padre", "madre",
        "uomo", "donna", "ragazzo", "ragazza", "bambino", "bambina", "anziano", "anziana", "giovane",
        "homem", "mulher", "jovem", "menino", "menina", "criança", "idoso", "idosa", "rapaz",
    ]
    /// The linking words between such a noun and the age.
    static let agePersonLinks: Set<String> = ["de", "di"]

    /// Languages that write "1.200,5" rather than "1,200.5".
    static let decimalCommaLanguages: Set<String> = ["nl", "de", "fr", "es", "it", "pt", "pl", "tr", "ru", "sv", "da", "no", "fi", "cs", "ro", "id"]

    private static func words(_ list: String, tens: String) -> [String: Double] {
        var table: [String: Double] = [:]
        for (i, word) in list.split(separator: " ").enumerated() { table[String(word)] = Double(i) }
        for (i, word) in tens.split(separator: " ").enumerated() { table[String(word)] = Double((i + 3) * 10) }
        return table
    }
}
