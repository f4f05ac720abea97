import ParallaxCore

/// The word lists of the comparison stage, kept in one place as data.
///
/// Everything here is generic news vocabulary and orthography; nothing names the words of
/// any particular article.
enum CompareLexicon {
    /// English function words. Used only for articles whose tokens carry no stopword flags
    /// (a language without a stopword list), so "the" and "of" never count as shared content.
    static let englishFunctionWords: Set<String> = [
        "a", "about", "above", "after", "again", "against", "all", "also", "am", "an", "and", "any", "are", "as", "at",
        "be", "because", "been", "before", "being", "below", "between", "both", "but", "by", "can", "could", "did", "do",
        "does", "doing", "down", "during", "each", "even", "few", "for", "from", "further", "had", "has", "have", "having",
        "he", "her", "here", "hers", "herself", "him", "himself", "his", "how", "however", "if", "in", "into", "is", "it",
        "its", "itself", "just", "may", "me", "might", "more", "most", "much", "must", "my", "myself", "no", "nor", "not",
        "now", "of", "off", "on", "once", "only", "or", "other", "our", "ours", "out", "over", "own", "same", "she",
        "should", "so", "some", "such", "than", "that", "the", "their", "theirs", "them", "themselves", "then", "there",
        "these", "they", "this", "those", "through", "to", "too", "under", "until", "up", "very", "was", "we", "were",
        "what", "when", "where", "which", "while", "who", "whom", "whose", "why", "will", "with", "would", "you", "your",
        "yours", "yourself", "yet", "didn", "doesn", "don", "isn", "wasn", "weren", "won", "wouldn", "couldn", "ll", "ve",
        "though", "although", "upon", "within", "among", "amid", "across", "along", "around", "toward", "towards",
        "onto", "per", "via", "whether", "either", "neither", "every", "many", "several", "another", "also", "still",
        "already", "ever", "never", "often", "quite", "rather", "really", "thus", "therefore", "instead", "else",
    ]

    /// How sentences of page furniture begin when extraction leaves them inside a paragraph
    /// ("… partez ! Ne ratez aucun article de Telestar.fr en recevant une alerte"): calls to
    /// subscribe, follow or watch, and notices of the page's own machinery. Such a sentence
    /// states no fact of the story, though two reports from one site share it word for word.
    /// Narrower than the extractor's list of boilerplate lines (`BoilerplateRules`), whose
    /// openings such as "Anzeige" or "Read more" also begin real sentences.
    static let furnitureSentenceOpenings: [String] = [
        "ne ratez aucun article", "ne manquez aucun article", "recevez nos alertes", "abonnez-vous",
        "sign up for our newsletter", "subscribe to our newsletter", "click here to", "tap here to",
        "follow us on", "download our app", "we apologize, but this video", "this video has failed to load",
        "newsletter abonnieren", "abonnieren sie unseren newsletter", "um die funktion unserer website zu verbessern",
        "suscríbete a nuestro boletín", "jeśli chcesz połączyć się z nami",
        // Links to other stories: what follows the colon is another story's headline.
        "read more:", "read also:", "leggi di più:", "leggi anche:", "lesen sie auch:", "lire aussi :", "lea también:",
        "lee también:",
        // Links to the rest of the page's own story, left where a teaser was cut.
        "read the full article", "read the full story", "read the full report", "continue reading",
        "den vollständigen artikel lesen", "lire l'article complet", "leer el artículo completo", "leggi l'articolo completo",
    ]
    /// Phrases that make a sentence page furniture wherever they stand in it: sign-up calls
    /// glued to a headline, copyright lines, affiliate notices. Measured on the stream's
    /// largest stories (`Benchmarks/claims/stream_stories.py`, BENCHMARKS.md, Session 21).
    static let furnitureSentencePhrases: [String] = [
        "homepage for more stories", "sign up to free", "sign up for free", "thank you for subscribing",
        "suscríbase para recibir", "all rights reserved", "alle rechte vorbehalten", "tous droits réservés",
        "tutti i diritti riservati", "reservados todos los derechos", "todos los derechos reservados", "copyright ©",
        "affiliate advertising program", "zur datenschutzerklärung", "in unserer datenschutz", "in unseren datenschutz",
        "in den datenschutzrichtlinien", "akzeptieren und schließen",
        // The same sign-up call machine-translated into Russian; the German press-release
        // portal's contact lines and footer.
        "подпишитесь на бесплатные", "спасибо за подписку", "rückfragen bitte an", "original-content von:",
        "übermittelt durch news aktuell",
        // A market-report reseller's template, printed in each of its press releases.
        "all the market research you need",
        // Privacy notices speak to the reader of the reader's data.
        "your personal data", "i tuoi dati personali", "twoich danych osobowych", "tus datos personales",
        "vos données personnelles", "ihre personenbezogenen daten", "sus datos personales", "swoje dane osobowe",
        "polityce prywatności", "polityka prywatności", "politykę prywatności", "polityki prywatności",
        // The number of the EU's data protection regulation, which such notices cite.
        "2016/679",
        // Calls to pay for the site's journalism, share a page or log in.
        "support local journalism", "strong local journalism", "subscribing for full access", "通过电子邮件发送给朋友", "您必须先登录",
        // Press releases' disclaimers of forward-looking statements.
        "forward-looking statements", "zukunftsgerichtete informationen", "zukunftsgerichtete aussagen",
        "déclarations prospectives", "declaraciones prospectivas", "dichiarazioni previsionali",
    ]
    /// Words that together make a sentence a notice of the page's own machinery: a cookie
    /// notice names cookies and the site, the browser or the privacy policy; "cookie" alone
    /// may be news.
    static let furnitureSentenceCombinations: [[String]] = [
        ["cookie", "website"], ["cookie", "webseite"], ["cookie", "browser"], ["cookie", "datenschutz"],
        ["cookie", "privacy"], ["cookie", "site internet"], ["cookie", "sitio web"], ["cookie", "sito"],
        ["cookie", "stron"], ["cookie", "网站"], ["cookie", "浏览器"],
    ]

    /// Labels of a picture's credit or a text's source line: "Photo: The Coastal Times /
    /// Archive", "(Image: Getty Images)", "Źródło: PAP/EPA". Such a line names an agency, so
    /// it would pass for a claim of its own.
    static let creditLabels: Set<String> = [
        "photo", "photos", "image", "images", "picture", "pic", "credit", "photo credit", "source", "foto", "fotos",
        "bild", "quelle", "crédit photo", "crédit", "imagen", "fuente", "immagine", "fonte", "zdjęcie", "źródło", "kaynak",
        "фото", "источник",
    ]
    /// A credit line is short; a longer line under such a label is a caption or a sentence
    /// ("(Photo: AP) The state finance minister of Germany's Hesse region … has been found dead").
    static let creditLineWords = 8

    /// Whether a sentence (lowercased) is page furniture rather than a statement of the story.
    static func isFurniture(_ sentence: String) -> Bool {
        let text = sentence.drop { !$0.isLetter }
        return furnitureSentenceOpenings.contains { text.hasPrefix($0) } || furnitureSentencePhrases.contains { text.contains($0) }
            || furnitureSentenceCombinations.contains { words in words.allSatisfy { text.contains($0) } }
            || holdsAnEmailAddress(text) || isACreditLine(text) || isAPageStamp(sentence) || holdsAPhoneNumber(text)
    }

    /// Labels of a telephone number in a contact line ("Tel: 07837 950 573 Web: …").
    static let phoneLabels = ["tel:", "tel.:", "tel.", "phone:", "telephone:", "telefon:", "téléphone:", "teléfono:", "telefono:"]

    /// Whether the text gives a telephone number under its label: a contact line. The label
    /// needs its colon or dot ("Tel Aviv" is none) and digits right after it.
    static func holdsAPhoneNumber(_ text: Substring) -> Bool {
        phoneLabels.contains { label in
            var rest = text[...]
            while let found = rest.range(of: label) {
                let after = rest[found.upperBound...].drop { $0 == " " }
                // The label opens a word: "hotel." is no label.
                let opensAWord = found.lowerBound == rest.startIndex || !rest[rest.index(before: found.lowerBound)].isLetter
                if opensAWord, after.prefix(4).filter(\.isNumber).count >= 3 || after.first == "+" { return true }
                rest = rest[found.upperBound...]
            }
            return false
        }
    }

    /// A page's own stamp is short: a copyright line ("© 2026 Nordic Wire Service.") or a
    /// byline or dateline whose parts a spaced middle dot separates ("Por Lucía Berenguer · 6
    /// de marzo de 2026 - 08:00"). Longer, such a line holds a sentence the extraction glued to
    /// it ("© dpa Seoul/Washington.Im Streit um Nordkoreas Atomwaffenprogramm …").
    static let pageStampWords = 12

    /// Whether the sentence is a copyright line, or a byline or dateline with a date or time.
    /// The dot must stand between spaces: Chinese writes it inside foreign names (吉塔·米塔尔).
    static func isAPageStamp(_ sentence: String) -> Bool {
        let trimmed = sentence.drop { $0.isWhitespace }
        guard trimmed.hasPrefix("©") || trimmed.contains(" · ") && trimmed.contains(where: \.isNumber) else { return false }
        return trimmed.split(whereSeparator: \.isWhitespace).count <= pageStampWords
    }

    /// Whether the text is a short line under a credit label ("photo: …", "source : …").
    static func isACreditLine(_ text: Substring) -> Bool {
        guard let colon = text.firstIndex(of: ":") else { return false }
        let label = text[..<colon].split(whereSeparator: \.isWhitespace).joined(separator: " ")
        return creditLabels.contains(label) && text.split(whereSeparator: \.isWhitespace).count <= creditLineWords
    }

    /// Whether the text holds an e-mail address ("Contact Clare: clare@reportlinker.com"): a
    /// contact line or a tip-off call, the page's own, however it is worded. A handle
    /// ("(@BBCWorld)") has no domain after it and is no address.
    static func holdsAnEmailAddress(_ text: Substring) -> Bool {
        // Every sentence of every article is asked: most hold no "@" at all.
        guard text.unicodeScalars.contains("@") else { return false }
        let scalars = Array(text.unicodeScalars)
        func isLetterOrDigit(_ c: Unicode.Scalar) -> Bool { c.properties.isAlphabetic || ("0"..."9").contains(c) }
        func endsALocalPart(_ c: Unicode.Scalar) -> Bool { isLetterOrDigit(c) || "._-".unicodeScalars.contains(c) }
        for at in scalars.indices where scalars[at] == "@" && at > 0 && endsALocalPart(scalars[at - 1]) {
            var end = at + 1
            while end < scalars.count, isLetterOrDigit(scalars[end]) || scalars[end] == "-" || scalars[end] == "." { end += 1 }
            // "… at tips@site.com." ends a sentence: the last dot is no part of the domain.
            let labels = String(String.UnicodeScalarView(scalars[(at + 1)..<end])).split(separator: ".", omittingEmptySubsequences: false)
                .reversed().drop { $0.isEmpty }
            if labels.count >= 2, !labels.contains(where: \.isEmpty), (labels.first?.count ?? 0) >= 2 { return true }
        }
        return false
    }

    /// Negations: function words for alignment, but a quote that drops one says the opposite.
    static let negations: Set<String> = ["not", "no", "never", "nor", "neither", "none", "nothing", "nobody", "cannot"]

    /// Words outlets use interchangeably for the same thing. Each group is one meaning;
    /// inflected forms are listed because matching happens before (or without) stemming.
    static let synonymGroups: [[String]] = [
        ["meeting", "meetings", "session", "sessions", "talks", "discussion", "discussions", "summit", "encounter"],
        ["phone", "telephone"],
        ["call", "calls", "conversation", "conversations"],
        ["help", "helped", "helping", "assistance", "aid", "assist", "assisted"],
        ["ask", "asks", "asked", "asking", "request", "requests", "requested", "seek", "seeks", "seeking", "sought"],
        ["say", "says", "said", "tell", "tells", "told", "state", "states", "stated", "declare", "declared"],
        ["accuse", "accuses", "accused", "accusing", "accusation", "accusations", "charge", "charged", "charges"],
        ["evidence", "proof"],
        ["largest", "biggest"],
        ["large", "big"],
        ["partner", "partners", "ally", "allies"],
        ["key", "crucial", "vital"],
        ["photo", "photos", "photograph", "photographs", "picture", "pictures", "image", "images"],
        ["abroad", "overseas"],
        ["deny", "denies", "denied", "denying", "reject", "rejects", "rejected"],
        ["media", "press", "reporters", "journalists"],
        ["arrest", "arrested", "detain", "detained"],
        ["kill", "killed", "killing", "dead", "died", "death", "deaths"],
        ["injure", "injured", "wounded", "hurt"],
        ["begin", "began", "begun", "start", "started"],
        ["government", "administration"],
        ["increase", "increased", "rise", "rose", "grow", "grew"],
        ["decrease", "decreased", "fall", "fell", "drop", "dropped", "decline", "declined"],
        ["agreement", "deal", "accord"],
        ["country", "nation"],
        ["visit", "visited", "trip"],
        ["criticise", "criticize", "criticised", "criticized", "criticism", "condemn", "condemned"],
    ]

    /// Word (American spelling) → index of its synonym group.
    static let synonymGroupOfWord: [String: Int] = {
        var groups: [String: Int] = [:]
        for (index, group) in synonymGroups.enumerated() {
            for word in group { groups[Orthography.americanSpelling(word)] = index }
        }
        return groups
    }()

    /// British → American spelling endings, applied to both sides before comparing, so
    /// "honour"/"honor" and "criticised"/"criticized" are one word. Longer endings first.
    /// Both sides go through the same rules, so only collisions of different words matter.
    static let spellingEndings: [(british: String, american: String)] = [
        ("isations", "izations"), ("isation", "ization"), ("ising", "izing"), ("ised", "ized"), ("ises", "izes"), ("ise", "ize"),
        ("ysing", "yzing"), ("ysed", "yzed"), ("yse", "yze"),
        ("ours", "ors"), ("oured", "ored"), ("ouring", "oring"), ("our", "or"),
        ("tres", "ters"), ("tre", "ter"),
        ("elled", "eled"), ("elling", "eling"), ("ogue", "og"),
    ]

    /// Whole words whose British and American forms differ other than by a regular ending.
    static let spellingWords: [String: String] = [
        "defence": "defense", "offence": "offense", "licence": "license", "programme": "program",
        "programmes": "programs", "grey": "gray", "cheque": "check", "tyre": "tire", "tyres": "tires",
        "aluminium": "aluminum", "jewellery": "jewelry", "plough": "plow", "sceptical": "skeptical",
    ]

    /// Words the spelling endings must leave alone: they would collide with another word.
    static let spellingExceptions: Set<String> = [
        "hour", "hours", "four", "your", "yours", "tour", "tours", "pour", "sour", "flour", "our", "ours", "devour",
        "detour", "contour", "prise", "rise", "wise",
    ]

    /// Punctuation that ends a phrase inside a sentence. A phrase is the smallest unit that
    /// can be reported as said by one source only (a detail inside an otherwise shared sentence).
    static let phraseBoundaries: Set<Unicode.Scalar> = [",", ";", ":", "(", ")", "\u{2013}", "\u{2014}", "\u{2015}"]

    /// Units of counted things: a number the annotator gave no unit ("1,200 residents") may
    /// count the same things, so it is compared with them in conflict search.
    static let countUnits: Set<String> = NumberMention.peopleUnits
    /// Shares ("20.3%", "19 percento").
    static let shareUnit = "percent"
    /// Counts of people in one role: "26 people" (killed) may be the "26 dead" of another
    /// source, but the dead, the injured, the missing and those who fled are never one count.
    static let casualtyUnits: Set<String> = NumberMention.roleUnits
    /// Quantities compared between sentences that alignment left apart
    /// (`ConflictFinder.slotConflicts`): counts of people, a person's age, sums of money.
    static let slotUnits: Set<String> = countUnits.union([NumberMention.ageUnit]).union(currencyUnits)
    /// Compared, like dates, only in closely aligned pairs (`ConflictFinder.conflicts`): spans
    /// of time, and shares, of which one story gives many (two polls, the votes counted so
    /// far, the growth of two markets).
    static let closeOnlyUnits: Set<String> = ["hour", "minute", "day", "week", "month", "year", "percent"]
    /// Words that open a time as the start of a span lasting until the text was written
    /// ("since Monday", "Seit Montag", "depuis lundi"): `ConflictFinder.opensASpan`.
    static let spanOpeners: Set<String> = ["since", "seit", "sinds", "depuis", "desde", "dal", "dalla", "od", "с", "со"]
    /// Verbs that tell or report, in the forms news prints them: a time right next to one
    /// ("officials said on Wednesday", "informó este miércoles la policía", "am Dienstag
    /// teilte die Polizei mit") is when a source spoke, not when the fact happened
    /// (`StatementTime`). Not verbs that tell only with a particle far after them and mean
    /// something else without it: "gab … bekannt" ("am Montag gab es einen Unfall"), "maakte
    /// … bekend".
    static let sayingVerbs: Set<String> = [
        "said", "says", "told", "announced", "reported", "confirmed", "stated", "declared", "added", "explained", "wrote",
        "tweeted", "revealed", "disclosed",
        "sagte", "sagten", "erklärte", "erklärten", "teilte", "teilten", "berichtete", "berichteten", "bestätigte", "meldete",
        "kündigte", "verkündete", "betonte",
        "dit", "déclaré", "annoncé", "indiqué", "affirmé", "confirmé", "précisé", "expliqué", "rapporté", "annonce", "indique",
        "dijo", "informó", "informaron", "anunció", "anunciaron", "declaró", "afirmó", "confirmó", "explicó", "señaló", "indicó",
        "detto", "annunciato", "dichiarato", "comunicato", "confermato", "riferito", "spiegato", "affermato", "annuncia",
        "disse", "anunciou", "informou", "declarou", "afirmou", "confirmou",
        "zei", "meldde", "verklaarde", "bevestigde",
        "заявил", "заявила", "заявили", "сообщил", "сообщила", "сообщили", "сказал", "сказала", "объявил", "объявила",
        "powiedział", "powiedziała", "poinformował", "poinformowała", "poinformowali", "oświadczył", "ogłosił",
        "açıkladı", "söyledi", "bildirdi", "duyurdu",
    ]
    /// Words that may stand between a verb of saying and its time besides capitalised ones
    /// (a speaker's name, a German noun): who spoke or to whom ("told reporters on Tuesday",
    /// "dijo un comunicado el miércoles"), a determiner ("informó este miércoles").
    static let sayingGapWords: Set<String> = [
        "reporters", "journalists", "lawmakers", "officials", "authorities", "police", "spokesman", "spokeswoman",
        "spokesperson", "statement", "ministry", "government", "autoridades", "policía", "portavoz", "comunicado",
        "ministerio", "gobierno", "communiqué", "porte-parole", "polizia", "portavoce", "nota",
        "the", "a", "an", "this", "un", "una", "une", "uno", "ein", "eine", "este", "esta", "ce", "cette", "questo", "questa",
        "la", "el", "los", "las", "le", "les", "il", "lo", "die", "der", "den", "dem", "de", "het", "в", "во", "w", "we",
    ]
    /// Currencies (`NumberLexicon.units` and the currency signs): a story names many sums (a
    /// bail and a fine, a bounty and a reward), so two sums conflict only when they are
    /// close enough to be two accounts of one (`ConflictFinder.sumMagnitude`).
    static let currencyUnits: Set<String> = ["usd", "eur", "gbp", "jpy", "inr", "rub", "krw", "chf", "cny", "try", "pln", "egp"]

    /// Whether two units may count the same things while only one of them says what: no unit
    /// against a count ("1,200 residents", "1,500 people"), or people against a role ("26
    /// people", "26 dead").
    static func oneCountsLooser(_ a: String?, _ b: String?) -> Bool {
        switch (a, b) {
        case (nil, let unit?), (let unit?, nil): return countUnits.contains(unit)
        case (NumberMention.personUnit?, let role?), (let role?, NumberMention.personUnit?): return casualtyUnits.contains(role)
        default: return false
        }
    }

    /// Opening quotation marks: a phrase that starts with one keeps it.
    static let quotationOpeners: Set<Unicode.Scalar> = ["\"", "'", "\u{201C}", "\u{2018}", "\u{201E}", "\u{201A}", "\u{00AB}", "\u{2039}"]
}
