/// Quotation marks and attribution words (the data of `QuoteExtractor`).
enum QuoteLexicon {
    /// Opening marks and the marks that may close them.
    static let pairs: [Unicode.Scalar: Set<Unicode.Scalar>] = [
        "\u{201C}": ["\u{201D}"],                 // “ ”
        "\u{201E}": ["\u{201C}", "\u{201D}"],     // „ “ (German, Dutch) or „ ”
        "\u{00AB}": ["\u{00BB}"],                 // « »
        "\u{2018}": ["\u{2019}"],                 // ‘ ’
        "\u{201A}": ["\u{2018}", "\u{2019}"],     // ‚ ‘
        "\"": ["\""],
        "'": ["'"],
    ]

    /// The longest quotation looked for, in scalars (several sentences of a speech).
    static let maximumLength = 4_000

    /// A quotation without an attribution word is given to the sentence's subject only when
    /// it has at least this many words ("illegal drug trafficker"); shorter ones are terms.
    static let minimumUncuedWords = 3

    /// Marks that are also apostrophes: they only open after a non-letter and only close
    /// before a non-letter ("didn’t" inside ‘…’ does not end the quote).
    static let apostropheLike: Set<Unicode.Scalar> = ["\u{2019}", "'", "\u{2018}"]

    /// Verbs and words that attribute speech or writing, per language.
    static let speechCues: [String: Set<String>] = [
        "en": ["said", "says", "say", "saying", "told", "tells", "telling", "replied", "replies", "stated", "states", "stating",
               "added", "adds", "wrote", "writes", "writing", "asked", "asks", "declared", "insisted", "argued", "explained",
               "noted", "tweeted", "posted", "announced", "claimed", "called", "calls", "warned", "read", "reads", "responded",
               "answered", "remarked", "commented", "labeled", "labelled", "described", "urged", "admitted", "confirmed", "recalled",
               "quipped", "joked", "continued", "shouted", "promised", "vowed", "acknowledged"],
        "nl": ["zei", "zegt", "zeggen", "vertelde", "schreef", "verklaarde", "aldus", "antwoordde", "noemde", "voegde", "benadrukte", "stelde"],
        "de": ["sagte", "sagt", "sagen", "sagten", "erklärte", "erklärt", "schrieb", "schreibt", "betonte", "so", "antwortete", "nannte",
               "fügte", "meinte", "warnte", "twitterte"],
        "fr": ["dit", "déclaré", "affirmé", "écrit", "répondu", "ajouté", "estimé", "lancé", "déclare", "affirme", "explique", "expliqué", "souligné"],
        "es": ["dijo", "afirmó", "declaró", "escribió", "respondió", "añadió", "aseguró", "señaló", "dice", "explicó", "manifestó"],
        "it": ["detto", "dichiarato", "scritto", "risposto", "aggiunto", "affermato", "dice", "spiegato", "sottolineato"],
        "pt": ["disse", "afirmou", "declarou", "escreveu", "respondeu", "acrescentou", "diz", "explicou", "destacou"],
    ]

    /// Words after which the speaker follows: "according to X".
    static let sourcePrepositions: Set<String> = ["according", "volgens", "laut", "selon", "según", "secondo", "segundo"]

    /// Nouns for written or spoken words whose author is the nearest person before them
    /// ("Trump's handwritten note:", "a note from Trump that read:").
    static let utteranceNouns: Set<String> = [
        "note", "letter", "message", "post", "statement", "tweet", "words", "remarks", "caption", "email", "text", "speech", "interview",
        "bericht", "brief", "verklaring", "briefje", "botschaft", "erklärung", "nachricht", "lettre", "déclaration", "mot",
        "mensaje", "carta", "declaración", "nota", "messaggio", "lettera", "dichiarazione", "mensagem", "declaração", "recado",
    ]

    /// Subject pronouns per language that point back to the last person.
    static let pronouns: [String: Set<String>] = [
        "en": ["he", "she"], "nl": ["hij", "zij", "ze"], "de": ["er", "sie"], "fr": ["il", "elle"],
        "es": ["él", "ella"], "it": ["lui", "lei", "egli"], "pt": ["ele", "ela"],
    ]

    /// Pronouns that name a woman or a man, and the titles that say which a person is
    /// ("Mrs Miller", "Mr Crow"): a pronoun skips people whose title says otherwise. Ambiguous
    /// forms (German "sie", also "they"; Dutch "ze") are left out.
    static let feminine: Set<String> = ["she", "zij", "elle", "ella", "lei", "ela"]
    static let masculine: Set<String> = ["he", "hij", "er", "il", "él", "lui", "egli", "ele"]
    static let femaleTitles: Set<String> = [
        "mrs", "ms", "miss", "dame", "lady", "queen", "princess", "first lady", "frau", "königin", "madame", "mme", "reine",
        "señora", "sra", "reina", "mevrouw", "mw", "koningin", "signora", "regina", "senhora", "rainha",
    ]
    static let maleTitles: Set<String> = [
        "mr", "sir", "lord", "king", "prince", "herr", "könig", "monsieur", "m", "roi", "señor", "sr", "rey", "dhr", "meneer",
        "koning", "signor", "re", "senhor", "rei",
    ]

    /// How many words after a role its name in apposition may stand ("the director of the
    /// national disaster agency, Doni Monardo").
    static let appositionReach = 8
    /// Marks that end the phrase a role's name may stand in.
    static let appositionStops: Set<Unicode.Scalar> = [".", ";", ":", "?", "!", "(", ")", "\u{2014}", "\u{2013}"]
    /// Prepositions that tie a name to the role before it as its principal, not its holder.
    static let principalPrepositions: Set<String> = [
        "for", "of", "to", "with", "de", "del", "des", "du", "von", "vom", "für", "di", "della", "da", "do", "dos", "van", "voor", "pour",
        "para", "per",
    ]
    /// Words before a name that make it an object, not the subject who speaks: prepositions,
    /// and the Spanish "a" of a personal object.
    static let objectMarkers: [String: Set<String>] = [
        "en": ["for", "of", "to", "with", "on", "at", "by", "about"],
        "de": ["von", "vom", "für", "mit", "an", "über", "gegen"],
        "fr": ["de", "des", "du", "pour", "à", "avec", "sur", "contre"],
        "es": ["de", "del", "para", "a", "al", "con", "sobre", "contra"],
        "it": ["di", "della", "da", "per", "a", "con", "contro"],
        "pt": ["de", "do", "dos", "da", "para", "a", "com", "contra"],
        "nl": ["van", "voor", "met", "aan", "tegen"],
    ]

    /// Words that open a clause of their own after a role ("the official, who …").
    static let relativeWords: Set<String> = ["who", "which", "that", "whose", "que", "qui", "quien", "dont", "welcher", "welche", "wie"]

    /// Languages whose adjectives follow the noun ("el mandatario colombiano").
    static let adjectivesFollowNouns: Set<String> = ["es", "fr", "it", "pt"]

    /// An adjective between a determiner and a title or role: a capitalised nationality in
    /// English ("the Colombian leader"), a lower-case inflected adjective in German and Dutch
    /// ("der französische Präsident", "de Franse president"), "former" and the like.
    static func isAdjectiveBeforeNoun(_ word: SentenceWords.Word, language: String) -> Bool {
        switch language {
        case "en": return word.isCapitalized && !word.isStopword || ["former", "new", "then", "late", "outgoing"].contains(word.lower)
        case "de": return !word.isCapitalized && (word.lower.hasSuffix("e") || word.lower.hasSuffix("en"))
        case "nl": return !word.isCapitalized && word.lower.hasSuffix("e") || word.isCapitalized && word.lower.hasSuffix("se")
        default: return false
        }
    }

    static func cues(_ language: String) -> Set<String> { speechCues[language] ?? speechCues["en"]! }
    static func pronouns(_ language: String) -> Set<String> { pronouns[language] ?? pronouns["en"]! }
}
