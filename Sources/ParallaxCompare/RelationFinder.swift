import ParallaxCore

/// Finds how the actors of a story (people, organisations, places such as countries) act
/// toward each other: claims with a relation word from `RelationLexicon` between two named
/// actors, each dated and toned, gathered per pair of actors in date order.
///
/// Who acts on whom is read from word order, as in most news prose of the supported
/// languages: the actor nearest before the word acts, the nearest after it is acted upon
/// ("Trump accused Petro"); with no actor after it, the nearest before is the actor and the
/// next one back the target ("Petro faces U.S. sanctions"). A name written right before a
/// noun for the one who acts is the target, and the actor comes before it ("Noboa, a vocal
/// Trump supporter"; `RelationLexicon.agentNouns`). A mutual act whose sentence names
/// fewer than two people ("the two had spoken by phone") is given the article's two most
/// named people, and marked `inferred`. For mutual acts, places are parties only in
/// sentences that name no person (countries holding talks).
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

    static func relations(_ articles: [AnnotatedArticle], labels: [String]) -> [StoryReport.Relation] {
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
            found += events(article, source: index, label: labels[index], name: { names[$0] ?? $0 })
        }

        var byPair: [[String]: [Found]] = [:]
        for item in found {
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

    private static func events(_ annotated: AnnotatedArticle, source: Int, label: String,
                               name: (String) -> String) -> [Found] {
        let text = annotated.article.text
        let published = annotated.article.published.map(CalendarDay.init)
        let actors = annotated.entities.filter { actorKinds.contains($0.kind) }
        var personCounts: [String: Int] = [:]
        for mention in actors where mention.kind == .person { personCounts[mention.key, default: 0] += 1 }
        let mainPersons = personCounts.filter { $0.value >= mainActorMentions }
            .sorted { $0.value != $1.value ? $0.value > $1.value : $0.key < $1.key }.prefix(2).map(\.key)

        var found: [Found] = []
        for sentence in annotated.sentences {
            let language = sentence.language == "und" ? (annotated.article.language ?? "en") : sentence.language
            var inSentence = actors.filter { $0.sentence == sentence.index }
            // Among several people, the people are the actors ("President Trump of the U.S."
            // names a person and a country, but the act is the person's).
            if Set(inSentence.filter { $0.kind == .person }.map(\.key)).count >= 2 { inSentence = inSentence.filter { $0.kind == .person } }

            var hits: [(token: Token, kind: Int, position: Int)] = []
            for (t, token) in sentence.tokens.enumerated() where token.kind == .word {
                guard !annotated.entities.contains(where: { $0.span.overlaps(token.span) }),
                      let kind = RelationLexicon.kind(of: token.normalized, language: language) else { continue }
                let before = sentence.tokens[max(0, t - RelationLexicon.negationReach)..<t]
                if before.contains(where: { RelationLexicon.negations.contains($0.normalized) }) { continue }
                // Adjacent relation words name one act ("telephone conversation", "phone
                // call"): the specific kind stands for the run, a generic one gives way.
                if let last = hits.last, last.position == t - 1 {
                    if RelationLexicon.kinds[last.kind].generic, !RelationLexicon.kinds[kind].generic {
                        hits[hits.count - 1] = (token, kind, t)
                    } else {
                        hits[hits.count - 1].position = t
                    }
                    continue
                }
                hits.append((token, kind, t))
            }
            guard !hits.isEmpty else { continue }

            let times = annotated.times.filter { $0.sentence == sentence.index && $0.resolved != nil }
            let firstHit = hits[0].token.span.start
            let leading = times.filter { $0.span.end <= firstHit }
            var claimed: [Int: [TimeMention]] = [:]
            for time in times where time.span.end > firstHit {
                let nearest = hits.indices.min { distance(hits[$0].token.span, time.span) < distance(hits[$1].token.span, time.span) }!
                claimed[nearest, default: []].append(time)
            }

            // A place is where people meet or talk more often than a party to it ("talks in
            // Geneva", "a visit to Washington"): for mutual acts, places count only when no
            // person is named.
            let namesPerson = inSentence.contains { $0.kind == .person }
            for (h, hit) in hits.enumerated() {
                let kind = RelationLexicon.kinds[hit.kind]
                let parties = kind.mutual && namesPerson ? inSentence.filter { $0.kind != .place } : inSentence
                func appendEvent(_ keys: (String, String), inferred: Bool) {
                    let time = (claimed[h] ?? leading).min { distance($0.span, hit.token.span) < distance($1.span, hit.token.span) }
                    let interval: DayInterval
                    let datedBy: String
                    if let resolved = time?.resolved {
                        interval = resolved
                        datedBy = "claim"
                    } else if let published {
                        interval = .day(published)
                        datedBy = "published"
                    } else {
                        return
                    }
                    found.append(Found(keys: keys, event: StoryReport.Relation.Event(
                        date: ReportFormatting.interval(interval), start: interval.start, end: interval.end, datedBy: datedBy,
                        kind: kind.name, tone: kind.tone, from: name(keys.0), to: name(keys.1),
                        word: hit.token.text, inferred: inferred, source: label, text: text.substring(sentence.span)),
                        order: (source, hit.token.span.start)))
                }
                let agentNoun = RelationLexicon.agentNouns[language]?.contains(hit.token.normalized) ?? false
                guard let pair = actorsAround(hit.token.span, parties, agentNoun: agentNoun) else {
                    // A mutual act between unnamed parties: the article's two main people.
                    let persons = Set(inSentence.filter { $0.kind == .person }.map(\.key))
                    guard kind.mutual, mainPersons.count == 2, persons.isSubset(of: Set(mainPersons)) else { continue }
                    appendEvent((mainPersons[0], mainPersons[1]), inferred: true)
                    continue
                }
                appendEvent(pair, inferred: false)
            }
        }
        return found
    }

    /// Who acts and who is acted upon around a relation word, as entity keys.
    private static func actorsAround(_ span: TextSpan, _ mentions: [EntityMention], agentNoun: Bool = false) -> (String, String)? {
        let before = mentions.filter { $0.span.end <= span.start }.sorted { $0.span.start > $1.span.start }
        let after = mentions.filter { $0.span.start >= span.end }.sorted { $0.span.start < $1.span.start }
        // "a Trump supporter": the name right before the noun is whom the act is toward.
        if agentNoun, let target = before.first, span.start - target.span.end <= 1,
           let actor = before.first(where: { $0.key != target.key }) {
            return (actor.key, target.key)
        }
        if let actor = before.first, let target = after.first(where: { $0.key != actor.key }) { return (actor.key, target.key) }
        if after.isEmpty, let actor = before.first, let target = before.first(where: { $0.key != actor.key }) { return (actor.key, target.key) }
        if before.isEmpty, let actor = after.first, let target = after.first(where: { $0.key != actor.key }) { return (actor.key, target.key) }
        return nil
    }

    private static func distance(_ a: TextSpan, _ b: TextSpan) -> Int {
        a.end <= b.start ? b.start - a.end : (b.end <= a.start ? a.start - b.end : 0)
    }
}
