import Foundation
import ParallaxCore
import ParallaxLanguage

/// Finds how the actors of a story (people, organisations, places such as countries) act
/// toward each other: claims with a relation word from `RelationLexicon` between two named
/// actors, each dated and toned, gathered per pair of actors in date order.
///
/// Who acts on whom is read from word order, as in most news prose of the supported
/// languages: the actor nearest before the word acts, the nearest after it is acted upon
/// ("Trump accused Petro"), when only function, title or capitalised words stand between
/// (English; `RelationLexicon.targetBridges`): "Trump hailed the report on Biden" is not
/// toward Biden. With no name after the word, the one right before it acts on the next one
/// back ("Petro faces U.S. sanctions"), and a mutual act may follow two names joined by "and"
/// ("Trump and Erdoğan spoke"). In the other languages both parties must stand in the act's
/// clause, with no comma, colon, bracket or dash between (`RelationLexicon.clauseMarks`). A
/// name written right before a noun for the one who acts is the target, and the actor is
/// tied to it by a copula or an apposition ("Noboa, a vocal Trump supporter";
/// `RelationLexicon.agentNouns`).
///
/// Parties: among several people, only people; a place after a preposition of setting ("met
/// in Niamey") or modifying a capitalised name ("U.S. President") is none. A mutual act whose
/// sentence names no pair ("the two had spoken by phone") is given the article's two most
/// named people, marked `inferred`, only when the article is about those two (both named in
/// its title or first sentence), the sentence does not speak in the first or second person
/// (an interview's "I talked to FIDE"), and it names neither of them or says "the two".
///
/// What does not assert an act is left out: questions, acts a negation or a condition reaches
/// in their clause ("did not criticise", "neither leader outlined new deals", "if the owners
/// agree"), English verbs held back by "to" or a modal ("was due to meet") or undone by the
/// verb before them ("rejected the agreement"), forms that are acts only beside certain words
/// ("a call with", not "the call for"). An English passive ("was sanctioned by") takes its
/// actor from "by" and is left out without one. A one-sided act with no name before it has an
/// unnamed subject; so has an English verb with a capitalised word or a number right before it
/// that is no actor's name ("Republican Representatives attacked"), and a "he", "she" or "it"
/// there goes back to a name before it. Two names with nothing between them are one name the
/// recognizer split, not two parties; names glued into other words ("pro-Russia"), datelines
/// and platforms ("on Twitter") are none.
///
/// Each rule comes from the judged sample of `Benchmarks/relations`, where most events of the
/// plain word-order reading were wrong.
///
/// Dates: a time expression goes to the relation word nearest to it; one that opens the
/// sentence, before any relation word, dates every act of the sentence that has none closer
/// ("Last year, A accused B and B criticised A"). An act without either takes the article's
/// publication day; without that it is left out, as it cannot be placed in time.
enum RelationFinder {
    /// A person must be named this often in an article to stand in for "the two".
    static let mainActorMentions = 2
    static let actorKinds: Set<EntityMention.Kind> = [.person, .organization, .place]

    struct Found {
        var keys: (String, String)
        var event: StoryReport.Relation.Event
        var order: (Int, Int)
    }

    /// - Parameter titles: each article's title entities (the lead that says whom it is about).
    static func relations(_ articles: [AnnotatedArticle], titles: [[EntityMention]] = [], labels: [String]) -> [StoryReport.Relation] {
        var names: [String: String] = [:]
        var firstSeen: [String: Int] = [:]
        var counter = 0
        for article in articles {
            for mention in article.entities where actorKinds.contains(mention.kind) {
                if (names[mention.key]?.unicodeScalars.count ?? 0) < mention.name.unicodeScalars.count { names[mention.key] = mention.name }
                if firstSeen[mention.key] == nil { firstSeen[mention.key] = counter; counter += 1 }
            }
        }
        var found: [Found] = []
        for (index, article) in articles.enumerated() {
            found += events(article, title: index < titles.count ? titles[index] : [], source: index, label: labels[index],
                            name: { names[$0] ?? $0 })
        }

        var byPair: [[String]: [Found]] = [:]
        for item in datingRetold(found) {
            let pair = [item.keys.0, item.keys.1].sorted { (firstSeen[$0] ?? 0) < (firstSeen[$1] ?? 0) }
            byPair[pair, default: []].append(item)
        }
        let relations = byPair.map { pair, items -> StoryReport.Relation in
            var seen: Set<[String]> = []
            let events = items
                .sorted { ($0.event.start, $0.event.end, $0.order.0, $0.order.1) < ($1.event.start, $1.event.end, $1.order.0, $1.order.1) }
                .map(\.event)
                .filter { seen.insert([$0.source, $0.text, $0.kind, $0.from, $0.to]).inserted }
            let tone = events.map(\.tone).reduce(0, +) / Double(max(events.count, 1))
            return StoryReport.Relation(actors: pair.map { names[$0] ?? $0 }, events: events, tone: StoryComparator.rounded(tone))
        }
        return relations.sorted {
            $0.events.count != $1.events.count ? $0.events.count > $1.events.count : $0.actors.lexicographicallyPrecedes($1.actors)
        }
    }

    /// A relation word found in a sentence: its token, kind (index into `RelationLexicon.kinds`)
    /// and the position of its last token (a run of relation words is one act).
    struct Hit {
        var token: Token
        var kind: Int
        var position: Int
        /// False for an act the sentence denies, makes a condition or holds back ("did not
        /// meet", "if they agree", "was due to meet"): no event, but it still takes the time
        /// expression nearest to it ("would ask the council in April"), which dates no other act.
        var asserted = true
    }

    /// The article's two main people, and whether the article is about them (both named in
    /// its title or first sentence): only then may they stand in for a sentence's "the two".
    struct MainPair {
        var persons: [String]
        var isTheSubject: Bool

        init(_ annotated: AnnotatedArticle, actors: [EntityMention], title: [EntityMention]) {
            var counts: [String: Int] = [:]
            for mention in actors where mention.kind == .person { counts[mention.key, default: 0] += 1 }
            persons = counts.filter { $0.value >= RelationFinder.mainActorMentions }
                .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(2).map(\.key)
            let firstSentence = annotated.sentences.first?.index
            let lead = Set((title + annotated.entities.filter { $0.sentence == firstSentence }).map(\.key))
            isTheSubject = persons.count == 2 && persons.allSatisfy(lead.contains)
        }
    }

    private static func events(_ annotated: AnnotatedArticle, title: [EntityMention], source: Int, label: String,
                               name: (String) -> String) -> [Found] {
        let text = annotated.article.text
        let published = annotated.article.published.map(CalendarDay.init)
        let actors = annotated.entities.filter { actorKinds.contains($0.kind) }
        let main = MainPair(annotated, actors: actors, title: title)

        var found: [Found] = []
        for sentence in annotated.sentences {
            // A question asks whether an act happened; it does not say it did.
            if sentence.text.trimmingCharacters(in: .whitespacesAndNewlines).hasSuffix("?") { continue }
            let language = LanguageTag.base(sentence.language == "und" ? (annotated.article.language ?? "en") : sentence.language)
            let tokens = sentence.tokens
            let hits = Self.hits(in: tokens, entities: annotated.entities, language: language)
            guard hits.contains(where: \.asserted) else { continue }

            var inSentence = actors.filter { $0.sentence == sentence.index }
            // Among several people, the people are the actors ("President Trump of the U.S."
            // names a person and a country, but the act is the person's).
            if Set(inSentence.filter { $0.kind == .person }.map(\.key)).count >= 2 { inSentence = inSentence.filter { $0.kind == .person } }
            let personsNamed = Set(inSentence.filter { $0.kind == .person }.map(\.key))
            // Every name of the sentence, parties or not: words inside them are not unnamed subjects.
            let names = annotated.entities.filter { $0.sentence == sentence.index }
            let speaking = speaksForItself(sentence, quotes: annotated.quotes, language: language)
            let dateline = Self.datelineEnd(tokens)
            let actorsInSentence = inSentence.filter { Self.mayBeParty($0, in: tokens, dateline: dateline, language: language) }
            let dates = Self.dates(of: hits, times: annotated.times.filter { $0.sentence == sentence.index && $0.resolved != nil },
                                   tokens: tokens, language: language)
            var sentenceFound: [Found] = []

            for (h, hit) in hits.enumerated() where hit.asserted {
                let kind = RelationLexicon.kinds[hit.kind]
                // Dated by its own time expression, else the article's publication day; else
                // it cannot be placed in time and is left out.
                let time = dates(h).min { distance($0.span, hit.token.span) < distance($1.span, hit.token.span) }
                // People meet and talk in places: for a mutual act, places are parties only when no person is named.
                let parties = kind.mutual && !personsNamed.isEmpty ? actorsInSentence.filter { $0.kind != .place } : actorsInSentence
                let keys: (String, String)
                let inferred: Bool
                if let pair = Self.parties(of: hit, kind: kind, among: parties, names: names, tokens: tokens, language: language,
                                           speaking: speaking) {
                    // "Andrés Manuel López Obrador" read as two people is one.
                    if Self.adjacent(pair.0, pair.1, tokens: tokens) { continue }
                    keys = (pair.0.key, pair.1.key)
                    inferred = false
                } else {
                    // A mutual act between unnamed parties: the article's two main people.
                    // Only "the two" or "both" brings them in, or, naming neither, an act the
                    // article tells: "the meeting", or one with its own date ("a telephone
                    // conversation in January"). "Police spoke with Sacoolas" is not a talk
                    // between Sacoolas and Johnson, nor "a conversation lasting an hour" theirs.
                    let pairWord = tokens.contains { RelationLexicon.pairWords.contains($0.normalized) }
                    let told = time != nil || Self.isDefiniteAct(at: hit.position, in: tokens, language: language)
                    guard kind.mutual, !Self.isPassive(at: hit.position, in: tokens, language: language),
                          main.isTheSubject, personsNamed.isSubset(of: Set(main.persons)),
                          pairWord || personsNamed.isEmpty && told, !speaking else { continue }
                    keys = (main.persons[0], main.persons[1])
                    inferred = true
                }
                let interval: DayInterval, datedBy: String
                if let resolved = time?.resolved {
                    (interval, datedBy) = (resolved, "claim")
                } else if let published {
                    (interval, datedBy) = (.day(published), "published")
                } else {
                    continue
                }
                sentenceFound.append(Found(keys: keys, event: StoryReport.Relation.Event(
                    date: ReportFormatting.interval(interval), start: interval.start, end: interval.end, datedBy: datedBy,
                    kind: kind.name, tone: kind.tone, from: name(keys.0), to: name(keys.1),
                    word: hit.token.text, inferred: inferred, source: label, text: text.substring(sentence.span)),
                    order: (source, hit.token.span.start)))
            }
            found += oneActPerPair(sentenceFound)
        }
        return found
    }

    /// One sentence telling one contact between two parties in two words ("the two had
    /// spoken by phone", "a meeting … the conversation") is one act: a talk gives way to a
    /// call or a meeting of the same pair, as adjacent words already do. Talks before an
    /// agreement are another act, and stay.
    private static func oneActPerPair(_ found: [Found]) -> [Found] {
        found.filter { item in
            !found.contains { pairKey($0.keys) == pairKey(item.keys) && RelationLexicon.isRefined(item.event.kind, by: $0.event.kind) }
        }
    }

    /// An act told again without a date of its own ("the meeting", "Petro said after the
    /// meeting …", "the closed-door discussion") is the act another claim of the story dates,
    /// when that claim dates an act of the same kind (or, for a talk, a call or a meeting)
    /// between the same two actors within the week before the article's publication day: the
    /// news the article reports, not an act of its publication day. The narrowest such date
    /// wins; the event is `datedBy` "story". Older or wider dates are left alone ("they met in
    /// January" need not be the meeting of this week's report).
    private static func datingRetold(_ found: [Found]) -> [Found] {
        let dated = found.filter { $0.event.datedBy == "claim" && $0.event.end.ordinal - $0.event.start.ordinal < retoldWindow }
        guard !dated.isEmpty else { return found }
        return found.map { item in
            guard item.event.datedBy == "published" else { return item }
            let published = item.event.start
            let candidates = dated.filter {
                RelationLexicon.mayRetell($0.event.kind, as: item.event.kind) && pairKey($0.keys) == pairKey(item.keys)
                    && $0.event.end <= published && $0.event.start.ordinal >= published.ordinal - retoldWindow
            }
            guard let best = candidates.min(by: {
                ($0.event.end.ordinal - $0.event.start.ordinal, -$0.event.end.ordinal) < ($1.event.end.ordinal - $1.event.start.ordinal, -$1.event.end.ordinal)
            }) else { return item }
            var retold = item
            (retold.event.date, retold.event.start, retold.event.end) = (best.event.date, best.event.start, best.event.end)
            retold.event.datedBy = "story"
            return retold
        }
    }

    /// How many days before its publication day an article may retell an act another claim
    /// dates; that claim's date must also be narrower than this.
    static let retoldWindow = 7

    private static func pairKey(_ keys: (String, String)) -> [String] { [keys.0, keys.1].sorted() }

    /// The relation words of a sentence: not inside a name, in their sense of an act between
    /// parties, and (for forms that need it) beside the right word. Those in a clause a
    /// negation or a condition reaches, undone by the verb a few words before them ("rejected
    /// the agreement"), or held back by "to" or a modal, are not `asserted`.
    private static func hits(in tokens: [Token], entities: [EntityMention], language: String) -> [Hit] {
        var hits: [Hit] = []
        var clauseDenied = false
        var undoneUntil = -1
        let conditionals = RelationLexicon.conditionals[language] ?? []
        let undoing = RelationLexicon.undoingVerbs[language] ?? []
        let timeWords = RelationLexicon.timeWordsBeforeNextWord[language] ?? []
        for (t, token) in tokens.enumerated() {
            if RelationLexicon.clauseOpeners.contains(token.normalized) { clauseDenied = false }
            if RelationLexicon.negations.contains(token.normalized) || conditionals.contains(token.normalized) { clauseDenied = true }
            if undoing.contains(token.normalized) {
                undoneUntil = t + RelationLexicon.undoingReach
                // An infinitive after a refusal is not done, to the end of its clause:
                // "declined to come to Cameron's aid", "refused to meet the envoy".
                if let next = tokens.dropFirst(t + 1).first, RelationLexicon.infinitiveMarkers[language]?.contains(next.normalized) == true {
                    clauseDenied = true
                }
            }
            guard token.kind == .word,
                  !entities.contains(where: { $0.span.overlaps(token.span) }),
                  RelationLexicon.peopleNouns[language]?.contains(token.normalized) != true,
                  let kind = RelationLexicon.kind(of: token.normalized, language: language) else { continue }
            if let next = RelationLexicon.needsNextWord[language]?[token.normalized],
               !(tokens.dropFirst(t + 1).first { !timeWords.contains($0.normalized) }.map { next.contains($0.normalized) } ?? false),
               !(t > 0 && RelationLexicon.orPreviousWord[language]?[token.normalized]?.contains(tokens[t - 1].normalized) == true) {
                continue
            }
            if inAnotherSense(at: t, in: tokens, language: language) { continue }
            let asserted = !clauseDenied && t > undoneUntil
                && !heldBack(at: t, in: tokens, mutual: RelationLexicon.kinds[kind].mutual, language: language)
            // Adjacent relation words name one act ("telephone conversation", "phone
            // call"): the specific kind stands for the run, a generic one gives way.
            if let last = hits.last, last.position == t - 1 {
                if RelationLexicon.kinds[last.kind].generic, !RelationLexicon.kinds[kind].generic {
                    hits[hits.count - 1] = Hit(token: token, kind: kind, position: t, asserted: last.asserted && asserted)
                } else {
                    hits[hits.count - 1].position = t
                    hits[hits.count - 1].asserted = last.asserted && asserted
                }
                continue
            }
            hits.append(Hit(token: token, kind: kind, position: t, asserted: asserted))
        }
        return hits
    }

    /// Whether the words after a relation word show it in a sense that is no act between
    /// parties ("spoke on condition of anonymity", "talk of a new cold war").
    private static func inAnotherSense(at t: Int, in tokens: [Token], language: String) -> Bool {
        let following = tokens.dropFirst(t + 1).prefix(3).map(\.normalized)
        if let next = following.first, RelationLexicon.notBeforeWords[language]?[tokens[t].normalized]?.contains(next) == true {
            return true
        }
        return RelationLexicon.notBeforePhrases[language]?.contains(where: { following.starts(with: $0) }) == true
    }

    /// Whether an English verb is held back by an infinitive's "to" or a modal before it ("was
    /// due to meet", "will help", "could be sanctioned"): a plan or a possibility, not an act.
    private static func heldBack(at t: Int, in tokens: [Token], mutual: Bool, language: String) -> Bool {
        guard let words = RelationLexicon.unassertingWords[language] else { return false }
        // "the upcoming meeting": a noun, whatever stands before its modifier.
        if t > 0, RelationLexicon.unrealisedModifiers[language]?.contains(tokens[t - 1].normalized) == true { return true }
        if isNoun(at: t, in: tokens, language: language) { return soughtNoun(at: t, in: tokens, mutual: mutual, language: language) }
        var previous = t - 1
        while previous >= 0, previous >= t - 3 {
            let word = tokens[previous].normalized
            if words.contains(word) {
                return !(word == "to" && previous > 0 && RelationLexicon.assertingBeforeTo.contains(tokens[previous - 1].normalized))
            }
            guard tokens[previous].kind == .word, RelationLexicon.unassertingGap.contains(word) || word.hasSuffix("ly") else { return false }
            previous -= 1
        }
        return false
    }

    /// Whether an English act named by a noun is only sought: the object of a verb of reaching
    /// it after "to", a modal or "at" ("met to sign an agreement", "aimed at reaching a
    /// cease-fire agreement", "we will reach an agreement"), or, for a mutual act, wanted "for"
    /// ("ready for talks", "time for reaching an agreement"; "responsibility for the attack" is
    /// for one that happened).
    private static func soughtNoun(at t: Int, in tokens: [Token], mutual: Bool, language: String) -> Bool {
        let words = RelationLexicon.unassertingWords[language] ?? []
        let governors = RelationLexicon.seekingVerbs[language] ?? []
        let determiners = RelationLexicon.nounMarkers[language] ?? []
        var governed = false
        for index in (max(0, t - 5)..<t).reversed() {
            let token = tokens[index], word = token.normalized
            if word == "for" { return mutual }
            if governed {
                // Past the verb of reaching, only "to", a modal or "at" holds the act back.
                if words.contains(word) || word == "at" { return true }
                guard determiners.contains(word) || RelationLexicon.unassertingGap.contains(word) || word.hasSuffix("ly") else {
                    return false
                }
            } else if governors.contains(word) {
                governed = true
            } else {
                // The noun's determiner and modifiers ("a cease-fire agreement"); one not yet
                // done ("the upcoming meeting"), or looked forward to.
                guard token.kind == .word, token.text.first?.isLowercase == true else { return false }
                if RelationLexicon.unrealisedModifiers[language]?.contains(word) == true { return true }
                if word == "to", index > 0, RelationLexicon.lookingAheadBeforeTo[language]?.contains(tokens[index - 1].normalized) == true {
                    return true
                }
            }
        }
        return false
    }

    /// Whether an act is the one the article tells, for its unnamed parties to be the article's
    /// two main people: in English, a word (so a noun) with a definite determiner before it,
    /// past its modifiers ("the meeting", "This meeting", "The Washington meeting", "the
    /// closed-door discussion"). An indefinite one ("a conversation lasting roughly an hour", "at a meeting
    /// with civic society groups"), one without a determiner ("lack of co-operation") and a verb
    /// ("As he spoke") are not, unless dated by their own time expression. Outside the seed
    /// reports, all 11 events of unnamed parties in the judged samples of Benchmarks/relations
    /// were wrong. Other languages: not checked (no judged sample), so any act.
    private static func isDefiniteAct(at position: Int, in tokens: [Token], language: String) -> Bool {
        guard let definite = RelationLexicon.definiteDeterminers[language] else { return true }
        for token in tokens[max(0, position - 4)..<position].reversed() {
            if definite.contains(token.normalized) { return true }
            guard token.kind == .word, !token.isStopword else { return false }
        }
        return false
    }

    /// The time expressions that may date each hit: one goes to the hit nearest to it; those
    /// that open the sentence, before any hit, date every hit that has none of its own ("Last
    /// year, A accused B and B criticised A"). A relative pronoun between a time and its
    /// nearest hit puts the time in a clause of its own, about something else: in "chose to
    /// talk openly … the conflict that defined their relationship just months ago" the months
    /// date the conflict, not the talk, and so they date no act. A clause opened right after
    /// the act is about it ("the meeting, which took place on Tuesday").
    private static func dates(of hits: [Hit], times: [TimeMention], tokens: [Token], language: String) -> (Int) -> [TimeMention] {
        let firstHit = hits[0].token.span.start
        let leading = times.filter { $0.span.end <= firstHit }
        let relatives = RelationLexicon.relativePronouns[language] ?? []
        var claimed: [Int: [TimeMention]] = [:]
        for time in times where time.span.end > firstHit {
            let nearest = hits.indices.min { distance(hits[$0].token.span, time.span) < distance(hits[$1].token.span, time.span) }!
            let hit = hits[nearest].token.span
            let between = tokens.filter {
                hit.end <= $0.span.start && $0.span.end <= time.span.start || time.span.end <= $0.span.start && $0.span.end <= hit.start
            }
            // "that" right before the time is its determiner ("met that Tuesday"); a clause
            // right after the act is about the act ("the meeting, which took place on Tuesday").
            let words = between.filter { $0.kind == .word }
            let opensAClause = words.enumerated().contains { index, token in
                relatives.contains(token.normalized) && !(hit.end <= time.span.start && index == 0)
                    && !(token.normalized == "that" && index == words.count - 1 && hit.end <= time.span.start)
            }
            if opensAClause { continue }
            claimed[nearest, default: []].append(time)
        }
        return { claimed[$0] ?? leading }
    }

    private static func distance(_ a: TextSpan, _ b: TextSpan) -> Int {
        a.end <= b.start ? b.start - a.end : (b.end <= a.start ? a.start - b.end : 0)
    }
}

extension StoryReport.Relation {
    /// The events grouped by act, for a report's one line (or row) per act: claims of one
    /// date, kind and direction (either direction for a mutual act) tell one act, however many
    /// sources and sentences retell it, and a talk on the day of a call or a meeting of the
    /// same two is that call or meeting. The JSON keeps every claim.
    public var acts: [[StoryReport.Relation.Event]] {
        func parties(_ event: StoryReport.Relation.Event) -> [String] {
            event.isMutual ? [event.from, event.to].sorted() : [event.from, event.to]
        }
        // The call or meeting of the same day and two that a talk is.
        func refined(_ talk: StoryReport.Relation.Event) -> String? {
            events.first { $0.date == talk.date && parties($0) == parties(talk) && RelationLexicon.isRefined(talk.kind, by: $0.kind) }?.kind
        }
        var groups: [[StoryReport.Relation.Event]] = []
        var index: [[String]: Int] = [:]
        for event in events {
            let key = [event.date, refined(event) ?? event.kind] + parties(event)
            if let at = index[key] {
                groups[at].append(event)
            } else {
                index[key] = groups.count
                groups.append([event])
            }
        }
        // The call or meeting leads its line, the talks that retell it follow.
        return groups.map { act in act.filter { !RelationLexicon.isGeneric($0.kind) } + act.filter { RelationLexicon.isGeneric($0.kind) } }
    }

    /// The sentences that tell one act (an element of `acts`), each once.
    public static func claims(of act: [StoryReport.Relation.Event]) -> [StoryReport.Relation.Event] {
        var seen: Set<[String]> = []
        return act.filter { seen.insert([$0.source, $0.text]).inserted }
    }
}

extension StoryReport.Relation.Event {
    /// Whether the act is one two parties do together (`meet`, `talk`, `call`, `agree`,
    /// `cooperate`), so that `from` and `to` are only the order of writing.
    public var isMutual: Bool { RelationLexicon.isMutual(kind) }
}
