/// The words that say how one actor acts toward another, with their tone, as data.
///
/// A pattern is a lower-case word form; a trailing `*` makes it a prefix ("accus*" covers
/// "accuse", "accused", "accusation"). Forms are listed per language (ISO 639-1) and only
/// match sentences in that language, so a prefix of one language cannot fire on a word of
/// another. Tone runs from -1 (hostile) to +1 (cooperative). Ambiguous forms are left out on
/// purpose: English "called" (also "named"), "appeal" (a court's), "signed" (a letter), French
/// "appelé", German "traf" (also "hit"), Spanish "llamó", Dutch "prijs" (also "price"). Forms
/// that are acts only in some contexts are listed with what must follow them (`needsNextWord`).
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
            "en": ["ask", "asks", "asked", "asking", "request*", "urge", "urges", "urged", "seek*", "sought"],
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
            "en": ["agree*", "deal", "deals", "treaty", "treaties"],
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

    /// Nouns that name the one who acts ("a Trump supporter", "a Kremlin critic"): a name
    /// written right before one is whom the act is toward, not who acts.
    static let agentNouns: [String: Set<String>] = [
        "en": ["supporter", "critic", "backer"],
        "de": ["unterstützer", "unterstützerin", "unterstützerinnen", "kritiker", "kritikerin", "kritikerinnen"],
    ]

    /// Nouns of people that share an act's stem but name no act: agent nouns in the plural,
    /// a group the sentence leaves unnamed ("founded the party with supporters of General
    /// Wesley Clark's campaign", "latter-day supporters of Ukrainian nationalists"), and a job
    /// ("moving on with his former assistant Anne-Marie"). They make no event.
    static let peopleNouns: [String: Set<String>] = [
        "en": ["supporters", "critics", "backers", "assistant", "assistants"],
    ]

    /// Nouns of a topic a name may modify ("the Ukraine crisis", "Putin allies", "the Gaza
    /// conflict"): the name is then no party to the sentence's acts
    /// (`RelationParties.modifiesATopicOrGroup`). Not the nouns of acts: in "US sanctions on
    /// Russia" the name before the noun is its party.
    static let topicHeads: [String: Set<String>] = [
        "en": ["crisis", "allies", "ally", "conflict", "war", "issue", "question", "border", "standoff", "situation", "affair",
               "scandal", "policy", "file", "dossier", "case"],
    ]
    /// Nouns of private people a country's name or adjective may modify ("urged Colombian
    /// migrants in Chile … to return home", "Nigerian students"): the people are meant, not
    /// the state, so the name is no party. Not the state's own people ("Israeli troops",
    /// "Colombian officials"), who act for it, nor a whole nation ("congratulated the Afghan
    /// people", "Afghan citizens know that the elections are critical": both judged acts
    /// toward Afghanistan in `Benchmarks/relations`).
    static let groupHeads: [String: Set<String>] = [
        "en": ["migrants", "immigrants", "emigrants", "refugees", "expatriates", "expats", "diaspora", "tourists", "students",
               "workers", "fans", "hostages", "prisoners", "detainees", "passengers", "travellers", "travelers", "pilgrims",
               "descent", "origin"],
    ]

    /// Verbs of a joint decision: without "with" after them, the two who agree are the
    /// sentence's subject, two names joined by "and" right before the verb ("Israel and Hamas
    /// agreed to a truce"). "The French and Tunisian presidents agreed that …", "Diplomats in
    /// Brussels have already agreed in principle to add 15 people to a blacklist of 55
    /// Russians and Ukrainians" name no such pair.
    static let jointDecisionVerbs: [String: Set<String>] = ["en": ["agree", "agrees", "agreed", "agreeing"]]
    /// Words that may stand between such a subject and its verb ("have", "also", "on Friday").
    static let subjectReach = 3

    /// Words that deny every act after them to the end of their clause ("did not criticise",
    /// "neither leader outlined new deals", "not part of any plan to increase sanctions").
    static let negations: Set<String> = [
        "not", "no", "never", "didn't", "didn’t", "don't", "don’t", "doesn't", "doesn’t", "won't", "won’t", "wouldn't", "wouldn’t",
        "neither", "nor", "nobody", "none",
        "nicht", "kein", "keine", "keinen", "nie", "niemals", "weder", "niemand",
        "ne", "pas", "jamais", "aucun", "aucune",
        "nunca", "jamás", "nadie", "ninguno", "ninguna",
        "niet", "geen", "nooit",
    ]
    /// Punctuation that ends a clause or sets a phrase apart. In languages read by plain word
    /// order (no `targetBridges`), a name beyond one of them is no party to the act: on the
    /// judged German, Spanish and French events of the stream, such names were the colon's
    /// headline ("Congress: … exigir que … contra Sánchez"), the comma's relative clause
    /// ("Das Dekret, das Trump verlängert hat, ermöglicht … Sanktionen") or a credit line.
    static let clauseMarks: Set<String> = [",", ";", ":", "(", ")", "[", "]", "—", "–", "-", "•", "|", "©"]

    /// Words that open a new clause, where a clause negation stops reaching.
    static let clauseOpeners: Set<String> = [",", ";", ":", "—", "–", "but", "aber", "doch", "mais", "pero", "sino", "maar"]
    /// Verbs that undo the act named within the next few words ("rejected a partnership
    /// agreement", "suspending our cooperation", "denied carrying out the attacks").
    static let undoingVerbs: [String: Set<String>] = [
        "en": ["reject", "rejects", "rejected", "rejecting", "refuse", "refuses", "refused", "refusing", "deny", "denies", "denied",
               "denying", "suspend", "suspends", "suspended", "suspending", "cancel", "cancels", "cancelled", "canceled",
               "scrapped", "abandoned", "postponed", "quit", "exit", "exited", "withdrew", "decline", "declines", "declined",
               "declining"],
    ]
    /// Words that open an infinitive after a verb ("threatened to push for a resolution"):
    /// what the verb aims at comes after it, not before (`RelationParties.actorsAround`).
    static let infinitiveMarkers: [String: Set<String>] = ["en": ["to"]]
    /// How many words after such a verb its act may stand.
    static let undoingReach = 4

    /// Words that make every act after them in their clause a condition, not a fact ("if
    /// three-fourths of the owners agree", "asked whether Trump had met Putin"). English only:
    /// the other languages' words for "if" have other senses too (French "si": "so").
    static let conditionals: [String: Set<String>] = ["en": ["if", "unless", "whether"]]

    /// Words that make the English verb after them an act not (yet) done: the infinitive's
    /// "to" and the modals ("was scheduled to meet Kerry", "will move to Cairo to meet",
    /// "would be having a meeting", "could sanction"). A plan, a threat or a hope of an act is
    /// not the act; the act of planning or threatening is still read from its own word.
    static let unassertingWords: [String: Set<String>] = [
        "en": ["to", "will", "would", "could", "should", "may", "might", "must", "shall", "can", "cannot", "'ll", "’ll"],
    ]
    /// Words that may stand between such a word and the verb ("will also meet", "could be
    /// sanctioned", "to further discuss", "to help mediate"); English adverbs in "-ly" may too.
    static let unassertingGap: Set<String> = ["help", "also", "be", "have", "then", "soon", "later", "again", "further", "still", "now",
                                              "not", "jointly"]
    /// Verbs of reaching an act named by a noun: after "to", a modal or "at" the act is only
    /// sought ("to sign an agreement", "aimed at reaching a deal", "will hold talks").
    static let seekingVerbs: [String: Set<String>] = [
        "en": ["reach", "reaching", "sign", "signing", "hold", "holding", "conclude", "concluding", "seal", "sealing", "strike",
               "striking", "broker", "brokering", "arrange", "arranging", "have", "having", "start", "starting", "impose",
               "imposing", "open", "opening", "continue", "resume"],
    ]
    /// Modifiers of an act named by a noun that is not yet done ("the upcoming meeting", "a
    /// possible deal", "planned talks"), and words before "to" that look ahead to it ("looked
    /// forward to the meeting with Mr. Abbas").
    static let unrealisedModifiers: [String: Set<String>] = [
        "en": ["upcoming", "planned", "proposed", "possible", "potential", "future", "prospective", "forthcoming", "expected",
               "next", "hoped-for", "mooted"],
    ]
    static let lookingAheadBeforeTo: [String: Set<String>] = ["en": ["forward", "ahead"]]
    /// Words after a word of a mutual act that make it a noun ("an emergency meeting of the
    /// Security Council"): a verb of meeting or talking is not followed by "of".
    static let nounPhraseOpeners: [String: Set<String>] = ["en": ["of"]]
    /// Verbs after which "to" does not hold the act back: "continued to attack Trump" says
    /// the attacks went on.
    static let assertingBeforeTo: Set<String> = [
        "continue", "continues", "continued", "continuing", "began", "begin", "begins", "begun", "start", "starts", "started",
        "resumed", "resume", "resumes", "kept",
    ]

    /// Words right after an English act that show it is not one between parties: "spoke on
    /// condition of anonymity", "spoke about sanctions", "talk of a new cold war".
    static let notBeforeWords: [String: [String: Set<String>]] = [
        "en": ["spoke": ["about", "of"], "spoken": ["about", "of"], "speak": ["about", "of"], "talk": ["of", "about"],
               "talks": ["of", "about"], "talked": ["about", "of"], "negotiating": ["table"]],
    ]
    /// Two words that do so together ("spoke on condition", "spoke on behalf"), where "on"
    /// alone may still lead to the act's partner ("spoke on the phone").
    static let notBeforePhrases: [String: Set<[String]>] = [
        "en": [["on", "condition"], ["on", "behalf"], ["on", "background"], ["on", "the", "record"]],
    ]

    /// Prefixes glued to a place by a hyphen that make it no party: "pro-Russia rebels" are not
    /// Russia, nor are "anti-Kremlin protesters" the Kremlin.
    static let gluedPrefixes: Set<String> = ["pro", "anti", "ex", "non", "post", "pre", "trans", "pan"]

    /// Subject pronouns: one between a name and an English act is the act's subject ("told
    /// Fairfax Media that he supported Wyatt").
    static let subjectPronouns: [String: Set<String>] = ["en": ["he", "she", "they", "it", "we", "i", "you"]]
    /// What a subject pronoun between a name and an act stands for; pronouns not listed
    /// ("they" may be people or a country's government) leave the subject unnamed.
    enum Reference { case person, other }
    static let pronounReference: [String: [String: Reference]] = ["en": ["he": .person, "she": .person, "it": .other]]
    /// Verbs of speech: the name right before one is whom a later "he" or "she" of the
    /// sentence most likely stands for.
    static let speechVerbs: [String: Set<String>] = [
        "en": ["said", "says", "told", "tells", "added", "stated", "announced", "explained", "insisted", "argued", "claimed",
               "noted", "wrote", "tweeted", "confirmed", "recalled"],
    ]
    /// Words that may stand between an English act and its subject: auxiliaries, adverbs of
    /// time, relative "who". A capitalised word past them that is not part of a name means
    /// the act's subject is an unrecognised name or an unnamed group ("Republican
    /// Representatives attacked the inquiry"), so the name before it is not who acts.
    static let subjectGap: Set<String> = ([
        "has", "have", "had", "was", "were", "is", "are", "also", "then", "later", "earlier", "previously", "already", "again",
        "once", "long", "on", "last", "week", "yesterday", "today", "tonight", "who", "which", "to",
        "monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday",
    ] as Set<String>).union(assertingBeforeTo)

    /// What follows the capitalised place of a dateline ("GAZA, Gaza Strip --", "WASHINGTON —",
    /// "AMMAN:"), and the dash that ends it.
    static let datelineMarks: Set<String> = [",", ":", "—", "–", "--", "-", "("]
    static let datelineDashes: Set<String> = ["--", "—", "–", "-"]

    /// Forms that name the act only before one of the given words: "a call with Zelensky", "a
    /// deal between Israel and the UAE"; elsewhere they mean something else ("the call for
    /// Biden", "a big deal", "call it a day"). A verb of discussing or speaking with no one
    /// after it names a topic or a medium ("discussed his chess career", "discussed matters of
    /// mutual interest", "spoke on the legislation", "spoke on Fox News").
    static let needsNextWord: [String: [String: Set<String>]] = [
        "en": ["call": ["with", "between"], "calls": ["with", "between"], "deal": ["with", "between"],
               "deals": ["with", "between"], "discuss": ["with"], "discusses": ["with"], "discussed": ["with"],
               "discussing": ["with"], "spoke": ["with", "to"]],
    ]
    /// Words a form of `needsNextWord` may have between it and the word it needs: when it
    /// happened ("Kerry spoke Sunday with Netanyahu"). Not "on" of a topic or a medium ("spoke
    /// on the legislation", "spoke on Fox News"), which stops the reading.
    static let timeWordsBeforeNextWord: [String: Set<String>] = [
        "en": ["monday", "tuesday", "wednesday", "thursday", "friday", "saturday", "sunday", "today", "yesterday", "tonight",
               "again", "briefly", "privately", "separately", "later", "earlier", "also"],
    ]
    /// Words after a noun of a mutual act that open the phrase naming its parties ("talks with
    /// the president of Switzerland", "an emergency meeting of the Security Council"): when
    /// that phrase names no party, the act has none named, whoever the sentence names elsewhere.
    static let partnerPhraseOpeners: [String: Set<String>] = ["en": ["between", "with", "of"]]
    /// Or right after one of these: "announced the deal", "a peace deal" (not "a big deal",
    /// "business deals", "to deal with").
    static let orPreviousWord: [String: [String: Set<String>]] = [
        "en": ["deal": ["the", "a", "peace", "trade", "ceasefire", "cease-fire", "nuclear", "landmark"],
               "deals": ["peace", "trade", "ceasefire", "cease-fire", "nuclear"]],
    ]

    /// Prepositions after which a place is where something happens, not a party to it ("met in
    /// Niamey", "attacks on bases in Iraq"); an article may stand between.
    static let settingPrepositions: [String: Set<String>] = [
        "en": ["in", "at", "near", "across", "throughout", "inside", "outside", "via", "around"],
        "de": ["in", "im", "bei", "beim", "nahe", "über"],
        "fr": ["à", "au", "aux", "dans", "en", "près", "via"],
        "es": ["en", "cerca"],
        "nl": ["in", "bij", "nabij", "te", "via"],
    ]
    static let articles: Set<String> = ["the", "der", "die", "das", "dem", "den", "le", "la", "les", "l'", "l’", "el", "los", "las", "het", "de"]

    /// Words that make the English participle after them passive ("was sanctioned", "when
    /// asked"): the one named before it is acted upon, and only "by" names who acts.
    static let passiveMarkers: [String: Set<String>] = [
        "en": ["is", "are", "was", "were", "be", "been", "being", "when", "if", "once"],
    ]
    /// English participles that do not end in "-ed".
    static let irregularParticiples: Set<String> = ["met", "sought", "spoken", "held", "hit", "struck", "thanked", "shown"]

    /// Lower-case titles that may stand between a place and the name it modifies ("Egyptian
    /// president Hosni Mubarak", "the French foreign minister Laurent Fabius").
    static let titleWords: [String: Set<String>] = [
        "en": ["former", "then", "late", "president", "prime", "minister", "foreign", "defence", "defense", "interior", "secretary",
               "leader", "opposition", "ambassador", "envoy", "spokesman", "spokeswoman", "chancellor", "king", "queen", "general"],
    ]

    /// Platforms on which things are said ("praised Mendez on Twitter"), and the words that
    /// put them there; after those words they are no party.
    static let platforms: Set<String> = ["twitter", "facebook", "instagram", "youtube", "tiktok", "telegram", "whatsapp", "weibo",
                                         "linkedin", "truth social", "x"]
    static let platformPrepositions: [String: Set<String>] = ["en": ["on", "via"], "de": ["auf", "über"], "fr": ["sur"],
                                                              "es": ["en"], "nl": ["op", "via"]]

    /// Capitalised words that continue a place's name rather than name something the place
    /// modifies ("the Gaza Strip", "the West Bank", "Gaza City").
    static let placeNameWords: Set<String> = [
        "strip", "bank", "city", "province", "region", "coast", "island", "islands", "valley", "peninsula", "heights",
        "territory", "territories", "state", "republic", "kingdom",
    ]

    /// Words that tie a name to the agent noun after the target ("Noboa, a vocal Trump
    /// supporter", "Ruiz is a Berg critic"); without one the noun's agent is unnamed ("at a
    /// Biden rally, Trump supporters chanted").
    static let agentLinkers: [String: Set<String>] = [
        "en": ["a", "an", "is", "was", "are", "were", "been", "as"],
        "de": ["ein", "eine", "einer", "ist", "war", "als"],
    ]

    /// Words that may stand between an English act and the name it is toward ("accused the
    /// president of Colombia, Gustavo Petro", "a call with Zelensky", "an agreement with the
    /// government of Syria"); capitalised words and punctuation may too. Any other word there
    /// means the act is toward something unnamed ("hailed the report", "attacked the inquiry"),
    /// so the next name is not its target. Other languages: not checked yet (no judged sample).
    static let targetBridges: [String: Set<String>] = [
        "en": ["the", "a", "an", "with", "to", "on", "against", "toward", "towards", "for", "of", "and", "that", "his", "her", "their",
               "its", "both", "former", "then", "newly", "elected", "new", "fellow", "government", "president", "prime", "minister",
               "secretary", "leader", "leaders", "people", "authorities", "officials", "state", "general", "national", "security",
               "adviser", "advisor", "chief", "deputy", "vice", "foreign", "affairs", "envoy", "ambassador", "spokesman",
               "spokeswoman", "director", "governor", "senator", "judge",
               // when it happened, between the act and its target ("spoke Sunday with", "held
               // telephone talks over the weekend with")
               "over", "during", "weekend", "week", "month", "year", "day", "morning", "afternoon", "evening", "night",
               "earlier", "later", "last", "this", "next", "also", "again", "phone", "telephone"],
    ]

    /// "And" in the supported languages: two names joined by it may be the parties of a mutual
    /// act that follows them, and are never one who acts and one acted upon ("blamed both
    /// Israel and the United States").
    static let conjunctions: [String: Set<String>] = ["en": ["and"], "de": ["und"], "fr": ["et"], "es": ["y", "e"], "nl": ["en"]]
    /// "With" joins the two parties of a mutual act as well ("Obama spoke with Putin by
    /// telephone", "Abbas met with Sisi").
    static let partnerWords: [String: Set<String>] = ["en": ["with"], "de": ["mit"], "fr": ["avec"], "es": ["con"], "nl": ["met"]]

    /// English acts named by a noun ("the accusation against Biden", "Trump's call with
    /// Zelensky", "U.S. sanctions against Petro"): their parties are read from the noun's own
    /// phrase, not from the sentence around it. A relation word is a noun when one of these
    /// words comes right before it, when it has a noun ending, or when it is a noun form only.
    static let nounMarkers: [String: Set<String>] = [
        "en": ["the", "a", "an", "his", "her", "its", "their", "our", "this", "that", "these", "those", "any", "new", "further"],
    ]
    static let nounEndings: [String: [String]] = ["en": ["tion", "sion", "tions", "sions", "ment", "ments", "ism", "ance", "ence"]]
    static let nounForms: [String: Set<String>] = [
        "en": ["talks", "sanctions", "summit", "summits", "threat", "threats", "aid", "treaty", "treaties", "deal", "deals"],
    ]
    /// Prepositions after such a noun that name whom the act is toward ("sanctions against
    /// Petro", "a call with Zelensky", "support for Biden"); "of" is left out, as it names the
    /// one who acts as often as the target ("the request of Johnson", "criticism of Russia").
    static let nounTargets: [String: Set<String>] = ["en": ["against", "on", "to", "toward", "towards", "for", "with", "at"]]
    /// Kinds whose noun takes its target after "of" too ("the bombardment of Gaza", "the
    /// invasion of Iraq", "his criticism of Russia").
    static let ofTargetKinds: Set<String> = ["attack", "criticize"]

    /// Determiners that point at a known act ("the meeting", "this meeting", "their talks"):
    /// only such an act, when its sentence names no one, may be the main people's.
    static let definiteDeterminers: [String: Set<String>] = ["en": ["the", "this", "that", "these", "those", "their"]]

    /// Words that say a sentence's unnamed parties are two ("the two had spoken", "both
    /// leaders"): with one of the main people named, only these let the other be inferred.
    static let pairWords: Set<String> = ["two", "both", "beide", "beiden", "deux", "ambos", "ambas", "dos", "twee"]

    /// Quotation marks that open and close reported speech ("\"" both opens and closes).
    static let openingQuotes: Set<String> = ["“", "‘", "«", "„", "‚", "‹"]
    static let closingQuotes: Set<String> = ["”", "’", "»", "›"]

    /// First- and second-person words: a sentence in which someone speaks of themselves or to
    /// the reader ("I talked to FIDE", "do you agree?") is not about the story's two main
    /// people, so they are not given its unnamed parties.
    static let speakerWords: [String: Set<String>] = [
        "en": Set(["i", "me", "my", "we", "us", "our", "you", "your"].flatMap { word in
            [word] + (["i", "we", "you"].contains(word) ? ["m", "ve", "ll", "d", "re"].flatMap { ["\(word)'\($0)", "\(word)’\($0)"] } : [])
        }),
        "de": ["ich", "mich", "mir", "mein", "meine", "wir", "uns", "unser", "unsere", "du", "dich", "dein", "ihr"],
        "fr": ["je", "j'", "j’", "moi", "mon", "ma", "mes", "nous", "notre", "nos", "vous", "votre", "tu"],
        "es": ["yo", "mi", "mis", "nosotros", "nosotras", "nuestro", "nuestra", "usted", "tú"],
        "nl": ["ik", "mij", "mijn", "wij", "we", "ons", "onze", "jij", "jou", "jouw"],
    ]

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

    /// Kinds of contact between two parties: the generic one (a talk) and the specific ones it
    /// may be told for (a call, a meeting).
    static let contactKinds: Set<String> = ["talk", "call", "meet"]

    static func kind(named name: String) -> Kind? { kinds.first { $0.name == name } }

    /// Whether an act of kind `told` may be the act of kind `specific` in other words: a talk
    /// that is the call or the meeting ("the two had spoken by phone", "the discussion").
    /// One rule for one sentence's words, for an act retold without its date and for the
    /// reports' one line per act.
    static func isRefined(_ told: String, by specific: String) -> Bool {
        contactKinds.contains(told) && contactKinds.contains(specific)
            && kind(named: told)?.generic == true && kind(named: specific)?.generic == false
    }

    /// Whether an act of kind `told` may be an act of kind `dated` told again without its
    /// date: the same kind, or one it refines.
    static func mayRetell(_ dated: String, as told: String) -> Bool { dated == told || isRefined(told, by: dated) }

    /// Whether the kind named is a mutual act (`meet`, `talk` …).
    static func isMutual(_ kind: String) -> Bool { self.kind(named: kind)?.mutual ?? false }

    /// Whether the kind named gives way to a specific one beside it (a talk).
    static func isGeneric(_ kind: String) -> Bool { self.kind(named: kind)?.generic ?? false }

    /// Words that open a relative clause: a time expression past one of them belongs to that
    /// clause, not to an act before it (English only, as judged in Benchmarks/relations).
    static let relativePronouns: [String: Set<String>] = [
        "en": ["that", "which", "who", "whom", "whose"],
    ]
}
