import Foundation

/// Word lists of `EntityRecognizer` and `QuoteExtractor`: titles, name particles,
/// organisation markers, pronouns. The gazetteer and the given names are the files
/// `Resources/aliases.tsv` and `Resources/given-names.txt`.
enum EntityLexicon {
    /// Titles before a name (lower-case, several languages). They are stripped from the
    /// mention and make it a person.
    static let titles: Set<String> = Set("""
        president|vice president|president-elect|prime minister|premier|minister|foreign minister|defence minister|defense minister|\
        interior minister|finance minister|secretary|secretary of state|secretary-general|secretary general|senator|sen|representative|rep|\
        congressman|congresswoman|governor|gov|mayor|chancellor|king|queen|prince|princess|crown prince|pope|cardinal|archbishop|bishop|\
        general|gen|colonel|col|admiral|adm|commander|judge|justice|ambassador|envoy|spokesman|spokeswoman|spokesperson|\
        mediator|negotiator|prosecutor|inspector|detective|officer|councillor|councilor|councilman|councilwoman|alderman|\
        mr|mrs|ms|miss|dr|prof|professor|sir|dame|lord|lady|chairman|chairwoman|chair|ceo|leader|commissioner|director|chief|\
        sheikh|ayatollah|emir|sultan|first lady|attorney general|speaker|\
        minister-president|koning|koningin|burgemeester|staatssecretaris|dhr|mevrouw|mw|meneer|\
        präsident|präsidentin|bundeskanzler|bundeskanzlerin|kanzler|kanzlerin|ministerpräsident|ministerin|außenminister|außenministerin|\
        könig|königin|herr|frau|bürgermeister|bürgermeisterin|\
        président|présidente|premier ministre|ministre|roi|reine|m|mme|monsieur|madame|maire|\
        presidente|presidenta|primer ministro|primera ministra|ministro|ministra|canciller|rey|reina|señor|señora|sr|sra|alcalde|alcaldesa|\
        re|regina|signor|signora|sindaco|presidente del consiglio|\
        rei|rainha|senhor|senhora|prefeito|prefeita
        """.split(separator: "|").map(String.init))

    /// Role words that stand for a person after a determiner as titles do ("said the official",
    /// "sagte der CDU-Politiker", "declaró el mandatario colombiano") but are no titles of
    /// `titles`, so they never start a name. In the stream's German and Spanish reports
    /// such a role names the person named just before it, as a title does.
    static let roleNouns: [String: Set<String>] = [
        "en": ["leader", "official", "lawyer", "attorney", "politician", "head", "founder", "coach", "manager", "diplomat"],
        "de": ["politiker", "politikerin", "anwalt", "anwältin", "sprecher", "sprecherin", "chef", "chefin", "staatschef",
               "regierungschef", "regierungschefin", "parteichef", "vorsitzende", "trainer", "diplomat", "gründer", "papst",
               "pontifex", "kommissarin", "kommissar"],
        "fr": ["dirigeant", "dirigeante", "avocat", "avocate", "porte-parole", "chef", "entraîneur", "fondateur", "diplomate"],
        "es": ["mandatario", "mandataria", "líder", "dirigente", "abogado", "abogada", "portavoz", "jefe", "jefa", "director",
               "directora", "entrenador", "fundador", "diplomático", "funcionario", "funcionaria", "comisionado", "comisionada",
               "secretario", "secretaria", "gobernante", "papa", "pontífice"],
        "it": ["leader", "avvocato", "portavoce", "capo", "allenatore", "fondatore", "diplomatico"],
        "pt": ["líder", "dirigente", "advogado", "advogada", "porta-voz", "chefe", "treinador", "fundador", "diplomata"],
        "nl": ["leider", "advocaat", "woordvoerder", "woordvoerster", "trainer", "oprichter", "diplomaat"],
    ]

    /// Whether a word is a role noun of the language, or a compound ending in a role or a
    /// title ("CDU-Politiker", "LSR-Vorsitzende", "Ryanair-Chef").
    static func isRole(_ word: String, language: String) -> Bool {
        let roles = roleNouns[language] ?? []
        if roles.contains(word) { return true }
        guard let hyphen = word.lastIndex(of: "-") else { return false }
        let last = String(word[word.index(after: hyphen)...])
        return roles.contains(last) || titles.contains(last)
    }

    /// Titles written with a dot after them ("Mr.", "Dr."), across which a name continues.
    static let abbreviatedTitles: Set<String> = ["mr", "mrs", "ms", "dr", "prof", "sen", "rep", "gov", "gen", "col", "adm", "m", "mme", "sr", "sra", "dhr", "mw", "st"]

    /// Lower-case words that may sit inside a name between capitalised words.
    static let nameParticles: Set<String> = ["de", "van", "der", "den", "von", "da", "di", "del", "della", "dos", "das", "do", "du", "la", "le", "bin", "al", "ibn", "ter", "zu", "of", "and", "for", "the"]

    /// Particles allowed only inside organisation names ("Bank of England", "Ministry of Defence").
    static let organizationOnlyParticles: Set<String> = ["of", "and", "for", "the"]

    /// Last words that make a name an organisation.
    static let organizationSuffixes: Set<String> = Set("""
        inc|corp|corporation|ltd|llc|plc|gmbh|ag|sa|nv|bv|co|company|group|holdings|\
        party|ministry|agency|council|committee|commission|bank|university|court|department|office|institute|foundation|\
        association|union|federation|organization|organisation|authority|army|navy|police|forces|parliament|assembly|\
        front|movement|alliance|network|school|college|academy|hospital|club|church|times|post|news|tribune|journal|herald|guardian|press|television|radio|airlines|\
        airways|ferries|shipping|logistics|logistik|motors|energy|telecom|pharmaceuticals|railways|insurance|partners|\
        partij|partei|parti|partido|partito|ministerie|ministerium|ministère|ministerio|ministero|ministério|\
        universiteit|universität|université|universidad|università|universidade|raad|rat|conseil|consejo|consiglio|conselho|\
        commissie|kommission|comisión|commissione|comissão|banque|banco|banca|gericht|tribunal|tribunale
        """.split(separator: "|").map(String.init))

    /// Last words that make a name a place ("Martin Luther Avenue", "Lake Geneva" is a prefix).
    static let placeSuffixes: Set<String> = Set("""
        street|avenue|road|boulevard|square|bridge|river|lake|mountain|mountains|island|islands|county|province|city|airport|\
        station|park|valley|sea|ocean|gulf|bay|canal|strait|desert|peninsula|coast|district|region|\
        straat|laan|plein|weg|brug|rivier|meer|eiland|provincie|straße|strasse|platz|brücke|fluss|see|insel|bezirk|\
        rue|place|pont|fleuve|île|calle|plaza|puente|río|isla|provincia|via|piazza|ponte|fiume|isola|rua|praça|rio|ilha
        """.split(separator: "|").map(String.init))

    /// First words that make a name a place.
    static let placePrefixes: Set<String> = ["lake", "mount", "mt", "port", "fort", "cape", "gulf", "isla", "lago", "monte", "rue", "calle", "via", "rua"]

    /// First words that make a name an organisation ("Ministry of …", "Partido Liberal").
    static let organizationPrefixes: Set<String> = Set("""
        ministry|department|university|bank|party|council|office|agency|\
        ministerie|ministerium|ministère|ministerio|ministero|ministério|universidad|université|universität|banco|banque|\
        partido|parti|partito|partij|consejo|conseil|consiglio
        """.split(separator: "|").map(String.init))

    /// Languages that capitalise every noun: a capitalised word alone is no evidence of a name.
    static let nounCapitalizingLanguages: Set<String> = ["de", "lb"]

    /// Determiners before a title used as a pronoun ("the president", "le président").
    static let determiners: Set<String> = ["the", "de", "het", "der", "die", "le", "la", "el", "il", "lo", "o", "a"]

    /// Gazetteer entry of `Resources/aliases.tsv`.
    struct Alias: Sendable {
        var key: String
        var name: String
        var kind: String
        /// The alias split into word runs, lower-cased and as written.
        var words: [String]
        var written: [String]
        /// Short capitals ("US", "UN") match only in capitals.
        var caseSensitive: Bool
        /// "U.S." keeps its final dot.
        var endsWithDot: Bool
    }

    /// Aliases by their first lower-cased word, longest first.
    static let aliases: [String: [Alias]] = {
        var table: [String: [Alias]] = [:]
        for line in resourceLines("aliases", "tsv") {
            let fields = line.split(separator: "\t", omittingEmptySubsequences: false).map(String.init)
            guard fields.count == 3 else { continue }
            let names = fields[2].split(separator: "|").map(String.init)
            guard let display = names.first else { continue }
            for name in names {
                let written = runs(name)
                guard let first = written.first else { continue }
                let letters = name.unicodeScalars.filter { $0.properties.isAlphabetic }
                let caseSensitive = letters.count <= 4 && letters.allSatisfy { $0.properties.isUppercase }
                let alias = Alias(key: fields[0], name: display, kind: fields[1], words: written.map { $0.lowercased() }, written: written,
                                  caseSensitive: caseSensitive, endsWithDot: name.hasSuffix("."))
                table[first.lowercased(), default: []].append(alias)
            }
        }
        for key in table.keys { table[key]!.sort { $0.words.count > $1.words.count } }
        return table
    }()

    static let givenNames: Set<String> = Set(resourceLines("given-names", "txt").map { $0.lowercased() })

    /// Word runs of a name as written.
    static func runs(_ text: String) -> [String] {
        var parts: [String] = []
        var current = ""
        for s in text.unicodeScalars {
            if SentenceWords.isWordScalar(s) { current.unicodeScalars.append(s) } else if !current.isEmpty { parts.append(current); current = "" }
        }
        if !current.isEmpty { parts.append(current) }
        return parts
    }

    private static func resourceLines(_ name: String, _ ext: String) -> [String] {
        guard let url = Bundle.module.url(forResource: name, withExtension: ext, subdirectory: "Resources")
                ?? Bundle.module.url(forResource: name, withExtension: ext),
              let text = try? String(contentsOf: url, encoding: .utf8) else { return [] }
        return text.split(separator: "\n").map { $0.trimmingCharacters(in: .whitespaces) }.filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}
