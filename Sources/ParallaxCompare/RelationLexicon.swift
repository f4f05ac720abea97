/// The words that say how one actor acts toward another, with their tone, as data.
///
/// A pattern is a lower-case word form; a trailing `*` makes it a prefix ("accus*" covers
/// "accuse", "accused", "accusation"). Forms are listed per language (ISO 639-1) and only
/// match sentences in that language, so a prefix of one language cannot fire on a word of
/// another. Tone runs from -1 (hostile) to +1 (cooperative). Ambiguous forms are left out on
/// purpose: English "called" (also "named"), French "appelé", German "traf" (also "hit"),
/// Spanish "llamó", Dutch "prijs" (also "price").
enum RelationLexicon {
    struct Kind: Sendable {
        var name: String
        var tone: Double
        /// Acts two parties do together (a meeting, a call): the sentence need not say who
        /// acted first, and "the two spoke" may leave both unnamed.
        var mutual: Bool
        var patterns: [String: [String]]
        /// A kind other kinds refine: next to a word of a specific kind ("telephone
        /// conversation"), it gives way.
        var generic = false
    }

    static let kinds: [Kind] = [
        Kind(name: "attack", tone: -1.0, mutual: false, patterns: [
            "en": ["attack*", "invade*", "invasion*", "bomb*", "shelled", "shelling"],
            "de": ["angriff*", "angegriffen", "greift", "griff", "bombardier*"],
            "fr": ["attaqu*", "bombard*", "envahi*"],
            "es": ["atac*", "ataque*", "bombard*", "invadi*"],
            "nl": ["aanval*", "aangevallen", "bombardeer*", "bombardement*"],
        ]),
        Kind(name: "threaten", tone: -0.9, mutual: false, patterns: [
            "en": ["threat*"], "de": ["droh*", "androh*"], "fr": ["menac*"], "es": ["amenaz*"], "nl": ["dreig*", "bedreig*"],
        ]),
        Kind(name: "accuse", tone: -0.8, mutual: false, patterns: [
            "en": ["accus*", "blame*", "blaming"],
            "de": ["beschuldig*", "vorgeworfen", "vorwurf*", "vorwürf*", "beschuldigt"],
            "fr": ["accus*", "reproch*"],
            "es": ["acus*", "culp*"],
            "nl": ["beschuldig*", "verwijt*", "beticht*"],
        ]),
        Kind(name: "sanction", tone: -0.8, mutual: false, patterns: [
            "en": ["sanction*", "embargo*"], "de": ["sanktion*", "embargo*"], "fr": ["sanction*", "embargo*"],
            "es": ["sancion*", "embargo*"], "nl": ["sanctie*", "embargo*"],
        ]),
        Kind(name: "criticize", tone: -0.6, mutual: false, patterns: [
            "en": ["criticis*", "criticiz*", "criticism*", "critic", "critics", "condemn*", "denounc*", "insult*", "slam", "slams",
                   "slammed", "rebuk*"],
            "de": ["kritisier*", "kritik*", "verurteilt*", "beleidig*", "angeprangert", "prangert*"],
            "fr": ["critiqu*", "condamn*", "dénonc*", "insult*"],
            "es": ["critic*", "crítica*", "conden*", "denunci*", "insult*"],
            "nl": ["bekritiseer*", "bekritiseerd*", "kritiek*", "veroordeel*", "beledig*"],
        ]),
        Kind(name: "warn", tone: -0.4, mutual: false, patterns: [
            "en": ["warn*"], "de": ["warnt*", "gewarnt", "warnung*"], "fr": ["avert*"], "es": ["advirti*", "advierte*"],
            "nl": ["waarschuw*"],
        ]),
        Kind(name: "ask", tone: 0.2, mutual: false, patterns: [
            "en": ["ask", "asks", "asked", "asking", "request*", "urge", "urges", "urged", "seek*", "sought", "appeal*"],
            "de": ["bat", "baten", "gebeten", "fordert*", "forder*", "aufgefordert", "ersucht*"],
            "fr": ["demand*", "exig*", "sollicit*", "exhort*"],
            "es": ["pidi*", "pide", "piden", "solicit*", "exig*", "instó"],
            "nl": ["vroeg", "vroegen", "verzoek*", "verzocht", "eist*", "eiste*"],
        ]),
        Kind(name: "talk", tone: 0.3, mutual: true, patterns: [
            "en": ["talk*", "spoke", "spoken", "conversation*", "negotiat*", "discuss*"],
            "de": ["gespräch*", "sprach*", "verhandl*", "verhandel*"],
            "fr": ["entretien*", "négoci*", "discut*", "conversation*"],
            "es": ["convers*", "dialog*", "diálogo*", "negoci*"],
            "nl": ["gesprek*", "sprak", "spraken", "onderhandel*"],
        ], generic: true),
        Kind(name: "call", tone: 0.4, mutual: true, patterns: [
            "en": ["call", "calls", "phone*", "telephon*"], "de": ["telefon*", "anruf*"], "fr": ["téléphon*", "appel"],
            "es": ["llamada*", "telef*"], "nl": ["telefo*", "belde*", "gebeld"],
        ]),
        Kind(name: "meet", tone: 0.5, mutual: true, patterns: [
            "en": ["meet", "meets", "meeting*", "met", "summit*"],
            "de": ["treffen", "trafen", "getroffen", "zusammenkunft", "gipfel*"],
            "fr": ["rencontr*", "réuni*", "sommet*"],
            "es": ["reuni*", "reunió", "encuentro*", "cumbre*"],
            "nl": ["ontmoet*", "ontmoeting*", "topoverleg"],
        ]),
        Kind(name: "invite", tone: 0.5, mutual: false, patterns: [
            "en": ["invit*"], "de": ["einlad*", "eingeladen", "lud"], "fr": ["invit*"], "es": ["invit*"], "nl": ["uitnodig*", "nodigde*"],
        ]),
        Kind(name: "agree", tone: 0.6, mutual: true, patterns: [
            "en": ["agree*", "deal", "deals", "signed"],
            "de": ["einig*", "vereinbar*", "abkommen*", "vereinbart"],
            "fr": ["accord*", "convenu*", "entente*"],
            "es": ["acord*", "acuerdo*"],
            "nl": ["akkoord*", "overeenkomst*", "overeengekomen"],
        ]),
        Kind(name: "help", tone: 0.6, mutual: false, patterns: [
            "en": ["help*", "assist*", "aid", "aided", "support*", "backer", "backers"],
            "de": ["hilf*", "half", "helf*", "geholfen", "unterstütz*"],
            "fr": ["aid*", "soutien*", "soutenu*", "soutient"],
            "es": ["ayud*", "apoy*"],
            "nl": ["hielp", "help*", "geholpen", "steun*"],
        ]),
        Kind(name: "praise", tone: 0.7, mutual: false, patterns: [
            "en": ["prais*", "compliment*", "commend*", "thank*", "congratulat*", "applaud*", "hail", "hailed"],
            "de": ["lobt*", "gelobt", "lobte*", "dank*", "gratulier*"],
            "fr": ["félicit*", "salu*", "remerci*"],
            "es": ["elogi*", "felicit*", "agradec*", "alab*"],
            "nl": ["prijst", "prees", "prezen", "geprezen", "bedank*", "feliciteer*"],
        ]),
        Kind(name: "cooperate", tone: 0.7, mutual: true, patterns: [
            "en": ["cooperat*", "co-operat*", "collaborat*"], "de": ["zusammenarb*", "kooperi*"], "fr": ["coopér*", "collabor*"],
            "es": ["cooper*", "colabor*"], "nl": ["samenwerk*", "samengewerkt"],
        ]),
        Kind(name: "mediate", tone: 0.4, mutual: false, patterns: [
            "en": ["mediat*"], "de": ["vermittel*", "vermittl*"], "fr": ["médiat*"], "es": ["mediar", "mediación", "mediador*"],
            "nl": ["bemiddel*"],
        ]),
    ]

    /// Nouns that name the one who acts ("a Trump supporter", "Kremlin critics"): a name
    /// written right before one is whom the act is toward, not who acts.
    static let agentNouns: [String: Set<String>] = [
        "en": ["supporter", "supporters", "critic", "critics", "backer", "backers"],
        "de": ["unterstützer", "unterstützerin", "unterstützerinnen", "kritiker", "kritikerin", "kritikerinnen"],
    ]

    /// Words that turn the act into its opposite when they come just before it.
    static let negations: Set<String> = [
        "not", "no", "never", "didn't", "don't", "doesn't", "won't", "wouldn't", "neither", "nor",
        "nicht", "kein", "keine", "keinen", "nie", "niemals",
        "ne", "pas", "jamais",
        "nunca", "jamás",
        "niet", "geen", "nooit",
    ]
    /// How many words before an act a negation still reaches.
    static let negationReach = 3

    /// Single-word patterns by language: exact forms and prefixes, each with its kind index.
    static let index: [String: (exact: [String: Int], prefixes: [(String, Int)])] = {
        var result: [String: (exact: [String: Int], prefixes: [(String, Int)])] = [:]
        for (k, kind) in kinds.enumerated() {
            for (language, patterns) in kind.patterns {
                for pattern in patterns {
                    var entry = result[language, default: ([:], [])]
                    if pattern.hasSuffix("*") { entry.prefixes.append((String(pattern.dropLast()), k)) } else { entry.exact[pattern] = k }
                    result[language] = entry
                }
            }
        }
        for language in result.keys { result[language]!.prefixes.sort { $0.0.count > $1.0.count } }
        return result
    }()

    /// The kind a word form names in a language, if any.
    static func kind(of word: String, language: String) -> Int? {
        guard let entry = index[language] else { return nil }
        if let k = entry.exact[word] { return k }
        return entry.prefixes.first { word.hasPrefix($0.0) }?.1
    }
}
