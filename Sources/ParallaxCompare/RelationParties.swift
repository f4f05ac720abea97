import Foundation
import ParallaxCore
import ParallaxLanguage

/// Who acts on whom in a sentence with a relation word: which names may be parties at all,
/// and how word order, passives, nouns, subjects and pronouns assign the two roles. Word-level
/// reading of English syntax, each rule from the judged samples of `Benchmarks/relations`;
/// the other languages use plain word order.
extension RelationFinder {
    /// Who acts and who is acted upon in one act, read by its form: an English passive from
    /// "by", a noun from its own phrase, anything else from the names around it. Nil when the
    /// sentence names no pair for it.
    static func parties(of hit: Hit, kind: RelationLexicon.Kind, among parties: [EntityMention], names: [EntityMention],
                        tokens: [Token], language: String, speaking: Bool) -> (EntityMention, EntityMention)? {
        if isPassive(at: hit.position, in: tokens, language: language) {
            // "He was sanctioned by the EU": the actor follows "by"; without it, unknown.
            guard !kind.mutual else { return nil }
            return passiveActors(at: hit.position, in: tokens, parties)
        }
        // The word right after the act, which opens its partner or noun phrase if any.
        let next = tokens.dropFirst(hit.position + 1).first
        if RelationLexicon.jointDecisionVerbs[language]?.contains(hit.token.normalized) == true,
           RelationLexicon.partnerWords[language]?.contains(next?.normalized ?? "") != true {
            return jointSubject(before: hit.token.span, parties, tokens: tokens, language: language)
        }
        let agentNoun = RelationLexicon.agentNouns[language]?.contains(hit.token.normalized) ?? false
        let opensANounPhrase = kind.mutual && RelationLexicon.nounPhraseOpeners[language]?.contains(next?.normalized ?? "") == true
        if !agentNoun, opensANounPhrase || isNoun(at: hit.position, in: tokens, language: language) {
            // An act named by a noun: its parties come from the noun's phrase, or it has none
            // named ("the attack", "the accusation against Biden").
            if let pair = nounParties(at: hit.position, in: tokens, parties, mutual: kind.mutual,
                                      ofTarget: RelationLexicon.ofTargetKinds.contains(kind.name), language: language) {
                return pair
            }
            // A mutual act may still be read like a verb ("Trump and Petro held a meeting"),
            // where a place right before it is still only where it is held; not one whose own
            // phrase leaves its parties unnamed ("the conversation between the two heads of
            // state", "talks with the president of Switzerland").
            guard kind.mutual else { return nil }
            if let next, (RelationLexicon.partnerPhraseOpeners[language] ?? ["between"]).contains(next.normalized) {
                // A "with" phrase must name a party: "In a phone conversation with Putin last
                // night, Obama …" is read on; "At a meeting with civic groups …, Khodorkovsky"
                // is not. "Between" and "of" phrases were read in full by `nounParties`.
                guard RelationLexicon.partnerWords[language]?.contains(next.normalized) == true,
                      let partner = parties.filter({ $0.span.start >= next.span.end }).min(by: { $0.span.start < $1.span.start }),
                      bridged(from: next.span.end, to: partner, tokens: tokens, mentions: parties,
                              bridges: RelationLexicon.targetBridges[language] ?? []) else { return nil }
            }
            let noun = hit.token.span
            let held = parties.filter { mention in
                mention.kind != .place || mention.span.end > noun.start
                    || tokens.contains { $0.span.start >= mention.span.end && $0.span.end <= noun.start }
            }
            return actorsAround(noun, held, names: names, mutual: true, tokens: tokens, language: language, speaking: speaking)
        }
        return actorsAround(hit.token.span, parties, names: names, agentNoun: agentNoun, mutual: kind.mutual, tokens: tokens,
                            language: language,
                            speaking: speaking)
    }

    /// The two names joined by "and" that are a verb's subject ("Israel and Hamas agreed"): the
    /// last two names before it, in one clause with it, nothing but a few words between the
    /// second and the verb ("have", "also", "on Friday").
    static func jointSubject(before verb: TextSpan, _ mentions: [EntityMention], tokens: [Token],
                             language: String) -> (EntityMention, EntityMention)? {
        let before = mentions.filter { $0.span.end <= verb.start }.sorted { $0.span.start > $1.span.start }
        guard before.count >= 2, before[0].key != before[1].key else { return nil }
        func words(from start: Int, to end: Int) -> [Token] {
            tokens.filter { $0.kind == .word && $0.span.start >= start && $0.span.end <= end }
        }
        let conjunctions = RelationLexicon.conjunctions[language] ?? []
        guard joined(before[1], before[0], tokens: tokens, language: language),
              words(from: before[1].span.end, to: before[0].span.start).allSatisfy({ conjunctions.contains($0.normalized) }),
              inOneClause(before[0].span, verb, tokens),
              words(from: before[0].span.end, to: verb.start).count <= RelationLexicon.subjectReach
        else { return nil }
        return (before[1], before[0])
    }

    /// Who acts and who is acted upon around a relation word.
    /// - Parameter speaking: whether the sentence speaks in the first or second person.
    static func actorsAround(_ span: TextSpan, _ mentions: [EntityMention], names: [EntityMention], agentNoun: Bool = false,
                             mutual: Bool, tokens: [Token], language: String, speaking: Bool) -> (EntityMention, EntityMention)? {
        let speakerWords = RelationLexicon.speakerWords[language] ?? []
        let before = mentions.filter { $0.span.end <= span.start }.sorted { $0.span.start > $1.span.start }
        let after = mentions.filter { $0.span.start >= span.end }.sorted { $0.span.start < $1.span.start }
        // "a Trump supporter": the name right before the noun is whom the act is toward, and
        // the one who acts is tied to it by a copula or an apposition ("Noboa, a … supporter").
        if agentNoun, let target = before.first, span.start - target.span.end <= 1 {
            guard let actor = before.first(where: { $0.key != target.key }) else { return nil }
            let linkers = RelationLexicon.agentLinkers[language] ?? []
            let between = tokens.filter { $0.span.start >= actor.span.end && $0.span.end <= target.span.start }
            return between.contains { linkers.contains($0.normalized) } ? (actor, target) : nil
        }
        if let nearest = before.first, let target = after.first(where: { $0.key != nearest.key }) {
            guard let bridges = RelationLexicon.targetBridges[language] else {
                // Without a reading of the language's syntax, both parties must stand in the
                // act's clause: no comma, colon, bracket or dash between either and the act.
                return inOneClause(nearest.span, span, tokens) && inOneClause(span, target.span, tokens) ? (nearest, target) : nil
            }
            // An agent noun's subject is tied by a copula ("Navalny is an outspoken critic of Putin").
            guard let actor = agentNoun ? nearest : subject(among: before, of: span, tokens: tokens, names: names, language: language),
                  actor.key != target.key else { return nil }
            // In an interview's "I'm helping Red Hat", the one who acts is the speaker.
            if speaking, tokens.contains(where: {
                $0.span.start >= actor.span.end && $0.span.end <= span.start && speakerWords.contains($0.normalized) && !inCapitals($0)
            }) {
                return nil
            }
            return bridged(from: span.end, to: target, tokens: tokens, mentions: mentions, bridges: bridges) ? (actor, target) : nil
        }
        // Both names before the act: only for an act named by a noun right after its actor
        // ("Petro faces U.S. sanctions"); "Red Hat discussed this with the board" says
        // nothing of Bowen named before.
        // A mutual act may follow its two parties joined by "and" or "with" ("Trump and Erdoğan
        // spoke", "Obama spoke with Putin by telephone").
        // Not a verb an infinitive follows: "the Arab Group threatened to push for a resolution"
        // threatens no one named before it.
        let infinitive = RelationLexicon.infinitiveMarkers[language] ?? []
        if after.isEmpty, !speaking, let actor = before.first, let target = before.first(where: { $0.key != actor.key }),
           RelationLexicon.targetBridges[language] != nil || inOneClause(target.span, span, tokens),
           tokens.first(where: { $0.span.start >= span.end }).map({ !infinitive.contains($0.normalized) }) ?? true {
            // "… with Harper and Hollande, and they agreed": the pronoun is who acts.
            let pronouns = RelationLexicon.subjectPronouns[language] ?? []
            if tokens.contains(where: { $0.span.start >= actor.span.end && $0.span.end <= span.start && pronouns.contains($0.normalized)
                && !inCapitals($0) }) { return nil }
            let adjacent = !tokens.contains { $0.span.start >= actor.span.end && $0.span.end <= span.start }
            let joined = mutual && Self.joined(target, actor, tokens: tokens, language: language, partners: true)
            return adjacent && !mutual || joined ? (actor, target) : nil
        }
        // Both names after the act: only for a mutual act, and only when "with" or "between"
        // leads to them or "and" joins them ("Talks between Israel and Hamas resumed", "In a
        // meeting that caught many off guard, Trump and Petro …"). A one-sided act with no name
        // before it has an unnamed subject ("The huge loss of life threatens …, coming just
        // after the US imposed …"): on the judged samples of Benchmarks/relations that reading
        // gave 27 wrong events to 1 right one; for mutual acts, names neither linked nor joined
        // ("the leaders agreed to work … through the G7 and European Union") gave 20 wrong to 6.
        if before.isEmpty, !speaking, mutual, let actor = after.first, let target = after.first(where: { $0.key != actor.key }) {
            let partners = (RelationLexicon.partnerWords[language] ?? []).union(["between"])
            let linked = tokens.contains { $0.span.start >= span.end && $0.span.end <= actor.span.start && partners.contains($0.normalized) }
                || Self.joined(actor, target, tokens: tokens, language: language, partners: true)
            if linked { return (actor, target) }
        }
        return nil
    }

    /// Who does an English act named by a verb, among the names before it (nearest first):
    /// the nearest, when it is the subject. The word right before the act, read back past
    /// auxiliaries, adverbs and places of setting, must not be another subject: a capitalised
    /// word outside every name (an unrecognised name or group: "Republican Representatives
    /// attacked", "In a CNN interview, Netanyahu accused"), a name that is no actor, or a number
    /// ("a minority, 41%, supported"). (A lower-case noun there that the name does not modify,
    /// "While politicians meet", is a subject too, but telling nouns from verbs without a parser
    /// cost as many right events as wrong ones on the judged samples.) A third-person pronoun between them is the subject: "he" or "she" stands for the nearest
    /// person before it, preferring one who speaks ("Jones told Fairfax Media that he supported
    /// Wyatt"), "it" for the nearest other name; with any other pronoun ("they", "we") the
    /// act's subject is not named.
    static func subject(among before: [EntityMention], of span: TextSpan, tokens: [Token], names: [EntityMention],
                        language: String) -> EntityMention? {
        guard let nearest = before.first else { return nil }
        guard let pronouns = RelationLexicon.subjectPronouns[language] else { return nearest }
        var actor = nearest
        var between = tokens.filter { $0.span.start >= nearest.span.end && $0.span.end <= span.start }
        if let p = between.lastIndex(where: { pronouns.contains($0.normalized) && !inCapitals($0) }) {
            let pronoun = between[p]
            let earlier = before.filter { $0.span.end <= pronoun.span.start }
            let candidates: [EntityMention]
            switch RelationLexicon.pronounReference[language]?[pronoun.normalized] {
            case .person?: candidates = earlier.filter { $0.kind == .person }
            case .other?: candidates = earlier.filter { $0.kind != .person }
            case nil: return nil
            }
            // The one who speaks, not the one spoken to: "Jones told Fairfax Media that he …".
            let speechVerbs = RelationLexicon.speechVerbs[language] ?? []
            let speaker = candidates.first { mention in
                tokens.first { $0.span.start >= mention.span.end }.map { speechVerbs.contains($0.normalized) } ?? false
            }
            guard let referent = speaker ?? candidates.first else { return nil }
            actor = referent
            between = Array(between[(p + 1)...])
        }
        let named = { (token: Token) in names.first { $0.span.overlaps(token.span) } }
        var index = between.count - 1
        while index >= 0 {
            let token = between[index]
            // A place or party that is no party here ("Obama in Washington criticized") is
            // passed over; another kind of name is the subject ("the Labour Councillors").
            if let name = named(token) {
                guard actorKinds.contains(name.kind) else { return nil }
                index -= 1
                continue
            }
            if token.kind == .number { return nil }
            guard token.kind == .word else { return actor }  // punctuation: an apposition or a clause ends here
            if RelationLexicon.subjectGap.contains(token.normalized) || token.normalized.hasSuffix("ly") {
                index -= 1
                continue
            }
            return token.text.first?.isUppercase == true ? nil : actor
        }
        return actor
    }

    /// Whether the relation word at `position` is an English noun (`RelationLexicon.nounMarkers`).
    static func isNoun(at position: Int, in tokens: [Token], language: String) -> Bool {
        guard let markers = RelationLexicon.nounMarkers[language] else { return false }
        let word = tokens[position].normalized
        if RelationLexicon.nounForms[language]?.contains(word) == true { return true }
        if RelationLexicon.nounEndings[language]?.contains(where: { word.hasSuffix($0) }) == true { return true }
        guard position > 0 else { return false }
        let previous = tokens[position - 1].normalized
        return markers.contains(previous) || previous.hasSuffix("'s") || previous.hasSuffix("’s")
    }

    /// The parties of an act named by a noun: "between A and B"; the one who acts written
    /// right before the noun ("Trump's call", "U.S. sanctions") or after "by"; whom it is toward
    /// after a preposition right after it ("against Petro", "with Zelensky"). A mutual act with
    /// a partner but no actor in its phrase takes the name before it ("Trump characterized the
    /// call with Zelensky"); a modifier of a one-sided act without a target, the name before it
    /// ("Petro faces U.S. sanctions"). Nil when the phrase names no pair.
    static func nounParties(at position: Int, in tokens: [Token], _ mentions: [EntityMention], mutual: Bool,
                            ofTarget: Bool, language: String) -> (EntityMention, EntityMention)? {
        let noun = tokens[position].span
        let after = mentions.filter { $0.span.start >= noun.end }.sorted { $0.span.start < $1.span.start }
        let before = mentions.filter { $0.span.end <= noun.start }.sorted { $0.span.start > $1.span.start }
        let next = tokens.dropFirst(position + 1).first
        if next?.normalized == "between", after.count >= 2, joined(after[0], after[1], tokens: tokens, language: language),
           after[0].key != after[1].key {
            return (after[0], after[1])
        }
        // A place right before a meeting or talks is where they are held ("the Geneva meeting").
        let modifier = before.first.flatMap { m in
            tokens.contains { $0.span.start >= m.span.end && $0.span.end <= noun.start } || mutual && m.kind == .place ? nil : m
        }
        let agent = next?.normalized == "by" ? after.first : nil
        var target: EntityMention?
        let targetWords = (RelationLexicon.nounTargets[language] ?? []).union(ofTarget ? ["of"] : [])
        if let next, targetWords.contains(next.normalized),
           let candidate = after.first(where: { $0.span.start >= next.span.end }) {
            let bridges = RelationLexicon.targetBridges[language] ?? []
            if bridged(from: next.span.end, to: candidate, tokens: tokens, mentions: mentions, bridges: bridges) { target = candidate }
        }
        let actor = modifier ?? agent ?? (mutual && target != nil ? before.first : nil)
        if let actor, let target, actor.key != target.key { return (actor, target) }
        // Not for a mutual act: "the NATO treaty" is NATO's, not one with whoever is named before.
        if !mutual, let actor = modifier, after.isEmpty, let target = before.first(where: { $0.key != actor.key }) { return (actor, target) }
        return nil
    }

    /// Whether no clause mark (`RelationLexicon.clauseMarks`) stands between two spans, the
    /// first written before the second.
    static func inOneClause(_ first: TextSpan, _ second: TextSpan, _ tokens: [Token]) -> Bool {
        !tokens.contains {
            $0.kind == .symbol && $0.span.start >= first.end && $0.span.end <= second.start
                && RelationLexicon.clauseMarks.contains($0.normalized)
        }
    }

    /// Whether "and" stands between two mentions, the first written before the second.
    /// With `partners`, "with" joins them too.
    static func joined(_ first: EntityMention, _ second: EntityMention, tokens: [Token], language: String,
                       partners: Bool = false) -> Bool {
        guard var words = RelationLexicon.conjunctions[language] else { return false }
        if partners { words.formUnion(RelationLexicon.partnerWords[language] ?? []) }
        return tokens.contains { $0.span.start >= first.span.end && $0.span.end <= second.span.start && words.contains($0.normalized) }
    }

    /// An English participle after a form of "be" (or "when", "if"), two words back at most,
    /// or opening its sentence.
    static func isPassive(at position: Int, in tokens: [Token], language: String) -> Bool {
        guard let markers = RelationLexicon.passiveMarkers[language] else { return false }
        let word = tokens[position].normalized
        guard word.hasSuffix("ed") || RelationLexicon.irregularParticiples.contains(word) else { return false }
        // A participle that opens the sentence is passive too: "Asked about the sanctions, Peskov said …".
        if !tokens[..<position].contains(where: { $0.kind == .word }) { return true }
        let before = tokens[max(0, position - 2)..<position].filter { $0.kind == .word }
        return before.contains { markers.contains($0.normalized) }
    }

    /// A passive act's actor (named after a "by" within three words) and its target (the
    /// nearest name before it).
    static func passiveActors(at position: Int, in tokens: [Token], _ mentions: [EntityMention]) -> (EntityMention, EntityMention)? {
        let word = tokens[position].span
        guard let by = tokens[(position + 1)..<min(tokens.count, position + 4)].first(where: { $0.normalized == "by" }),
              let actor = mentions.filter({ $0.span.start >= by.span.end }).min(by: { $0.span.start < $1.span.start }),
              // "criticised by some politicians and parts of the media …": the one who acts is unnamed.
              bridged(from: by.span.end, to: actor, tokens: tokens, mentions: mentions, bridges: RelationLexicon.targetBridges["en"] ?? []),
              let target = mentions.filter({ $0.span.end <= word.start }).max(by: { $0.span.start < $1.span.start }),
              actor.key != target.key else { return nil }
        return (actor, target)
    }

    /// Whether the sentence speaks in the first or second person outside its quotations (the
    /// quotes found, and any text between quotation marks: "stating, ‘We were working
    /// together’" is reported speech).
    static func speaksForItself(_ sentence: Sentence, quotes: [Quote], language: String) -> Bool {
        guard let words = RelationLexicon.speakerWords[language] else { return false }
        let quoted = quotes.filter { $0.sentence == sentence.index }.map(\.span)
        var inside = false
        for token in sentence.tokens {
            if token.kind == .symbol {
                if token.text == "\"" { inside.toggle() }
                else if RelationLexicon.openingQuotes.contains(token.text) { inside = true }
                else if RelationLexicon.closingQuotes.contains(token.text) { inside = false }
                continue
            }
            if !inside, !inCapitals(token), words.contains(token.normalized), !quoted.contains(where: { $0.contains(token.span) }) { return true }
        }
        return false
    }

    /// Two mentions with nothing but spaces between them: no token reaches into the gap
    /// (every non-space character is in a token, "Obama’s" included).
    static func adjacent(_ a: EntityMention, _ b: EntityMention, tokens: [Token]) -> Bool {
        let (first, second) = a.span.start <= b.span.start ? (a, b) : (b, a)
        guard first.span.end <= second.span.start else { return false }
        return !tokens.contains { $0.span.start < second.span.start && $0.span.end > first.span.end }
    }

    /// Whether only function, title or capitalised words (and punctuation, and words inside
    /// names) stand between `start` and a target mention; always, for a language without a
    /// bridge list.
    static func bridged(from start: Int, to target: EntityMention, tokens: [Token], mentions: [EntityMention],
                        bridges: Set<String>) -> Bool {
        tokens.filter { $0.span.start >= start && $0.span.end <= target.span.start }.allSatisfy { token in
            token.kind != .word || bridges.contains(token.normalized) || token.text.first?.isUppercase == true
                || mentions.contains { $0.span.contains(token.span) }
        }
    }

    /// A word written in capitals: "US" is the country, not "us".
    static func inCapitals(_ token: Token) -> Bool { token.text.count > 1 && token.text == token.text.uppercased() }

    // Names that are no parties where they stand.

    /// Whether a name may be a party to the acts of its sentence. A place is where people
    /// meet or talk more often than a party to it ("talks in Geneva"): a place of setting or a
    /// modifier of a name is none. Nor is a name glued into another word, a dateline's place (before
    /// `dateline`, an offset) or a platform something was said on.
    static func mayBeParty(_ mention: EntityMention, in tokens: [Token], dateline: Int, language: String) -> Bool {
        let settings = RelationLexicon.settingPrepositions[language] ?? []
        if mention.kind == .place, follows(settings, mention.span, in: tokens) || modifiesAName(mention, in: tokens, language: language) {
            return false
        }
        return !isGlued(mention, in: tokens) && mention.span.end > dateline && !isPlatform(mention, in: tokens, language: language)
            && !modifiesATopicOrGroup(mention, in: tokens, language: language)
    }

    /// A name written as a modifier of a topic noun after it ("warned the Ukraine crisis could
    /// escalate", "U.S. sanctions Putin allies") or of a group of private people ("urged
    /// Colombian migrants to return home"): the crisis, the allies or the migrants are what
    /// the sentence speaks of, not the name (`RelationLexicon.topicHeads`, `groupHeads`).
    static func modifiesATopicOrGroup(_ mention: EntityMention, in tokens: [Token], language: String) -> Bool {
        guard let next = tokens.first(where: { $0.span.start >= mention.span.end }),
              next.kind == .word, next.text.first?.isLowercase == true else { return false }
        return RelationLexicon.topicHeads[language]?.contains(next.normalized) == true
            || RelationLexicon.groupHeads[language]?.contains(next.normalized) == true
    }

    /// A place written as a modifier of a capitalised name or title after it ("U.S. President
    /// Donald Trump", "the United States District Court", "Iranian Chess Federation", "former
    /// Egyptian president Hosni Mubarak"): the
    /// name it modifies is the party, not the place. Not in headline-case sentences, where
    /// every word is capitalised.
    static func modifiesAName(_ mention: EntityMention, in tokens: [Token], language: String) -> Bool {
        let words = tokens.filter { $0.kind == .word }
        guard words.filter({ $0.text.first?.isUppercase == true }).count * 2 < words.count else { return false }
        // Lower-case title words may stand between: "former Egyptian president Hosni Mubarak".
        let titles = RelationLexicon.titleWords[language] ?? []
        guard let next = tokens.drop(while: { $0.span.start < mention.span.end })
            .first(where: { !(titles.contains($0.normalized) && $0.text.first?.isLowercase == true) }) else { return false }
        return next.kind == .word && next.text.first?.isUppercase == true
            && !RelationLexicon.placeNameWords.contains(next.normalized)
    }

    /// A platform where something was said, not a party to it: "praised Mendez on Twitter".
    static func isPlatform(_ mention: EntityMention, in tokens: [Token], language: String) -> Bool {
        RelationLexicon.platforms.contains(mention.name.lowercased())
            && follows(RelationLexicon.platformPrepositions[language] ?? [], mention.span, in: tokens)
    }

    /// A name glued by a hyphen into a word that only borrows it: "pro-Russia rebels",
    /// "anti-Kremlin", "a US-backed sham", "Russian-speakers". Two names so joined
    /// ("Russia-Ukraine talks") stay parties.
    static func isGlued(_ mention: EntityMention, in tokens: [Token]) -> Bool {
        guard let token = tokens.first(where: { $0.span.start <= mention.span.start && mention.span.start < $0.span.end }) else { return false }
        let scalars = Array(token.text.unicodeScalars)
        guard scalars.count == token.span.length else { return false }
        let hyphens: Set<Unicode.Scalar> = ["-", "\u{2010}", "\u{2011}"]
        let head = mention.span.start - token.span.start
        if head > 1, hyphens.contains(scalars[head - 1]) {
            var prefix = String.UnicodeScalarView()
            prefix.append(contentsOf: scalars[..<(head - 1)])
            if RelationLexicon.gluedPrefixes.contains(String(prefix).lowercased()) { return true }
        }
        let tail = mention.span.end - token.span.start
        return tail > 0 && tail + 1 < scalars.count && hyphens.contains(scalars[tail])
            && CharacterSet.lowercaseLetters.contains(scalars[tail + 1])
    }

    /// Where a dateline ends ("GAZA, Gaza Strip -- Israel resumed …", "WASHINGTON —"): after the
    /// dash that follows a first word in capitals, or after that word; 0 without one. The
    /// place of a dateline is where the report was written, never a party.
    static func datelineEnd(_ tokens: [Token]) -> Int {
        let capitals = tokens.prefix { $0.kind == .word && inCapitals($0) }
        guard let last = capitals.last, capitals.map({ $0.text.unicodeScalars.count }).reduce(0, +) >= 3,
              capitals.count < tokens.count, RelationLexicon.datelineMarks.contains(tokens[capitals.count].text) else { return 0 }
        return tokens.prefix(12).first(where: { RelationLexicon.datelineDashes.contains($0.text) }).map(\.span.end) ?? last.span.end
    }

    /// Whether a mention comes right after one of the words, an article allowed between.
    static func follows(_ words: Set<String>, _ span: TextSpan, in tokens: [Token]) -> Bool {
        guard !words.isEmpty, var t = tokens.lastIndex(where: { $0.span.end <= span.start }) else { return false }
        if RelationLexicon.articles.contains(tokens[t].normalized), t > 0 { t -= 1 }
        return words.contains(tokens[t].normalized)
    }
}
