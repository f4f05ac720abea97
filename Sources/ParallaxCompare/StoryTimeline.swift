import ParallaxCore

/// Orders the story's dated claims on the calendar.
///
/// Every claim sentence with a resolved time expression becomes an event. Sentences of one
/// corroborated claim are one event: their intervals are intersected when they overlap
/// ("last year" in one source and "in October" in another date the claim to October), so the
/// event is as precise as the sources together make it. Intervals of one claim that cannot
/// overlap (a date conflict, or a sentence telling two moments) stay separate events. A
/// sentence in two claims dates the one that other sources date as well.
enum StoryTimeline {
    /// A resolved time expression in a claim sentence.
    struct Dated {
        var unit: ClaimUnit
        var time: TimeMention
        var interval: DayInterval
    }

    /// Intervals that can be one moment, with their running intersection.
    struct Cluster {
        var members: [Dated]
        var interval: DayInterval
    }

    /// - Parameters:
    ///   - groups: the sentences of each aligned claim (two or more sources), strongest first.
    ///   - units: every article's claim units.
    ///   - label: the source label of an article index.
    ///   - text: the text of a claim unit.
    static func events(groups: [[ClaimUnit]], units: [ClaimUnits], label: (Int) -> String,
                       text: (ClaimUnit) -> String) -> [StoryReport.TimelineEvent] {
        var events: [StoryReport.TimelineEvent] = []
        var grouped: Set<[Int]> = []
        // A sentence stating two facts is in two groups; its dates belong to the first in which
        // another source dates the claim too ("last year" with "in October" rather than with
        // an undated sentence on the same actors), else to the strongest.
        func datedByTwo(_ group: [ClaimUnit]) -> Bool {
            clusters(group.flatMap(dated)).contains { Set($0.members.map(\.unit.source)).count > 1 }
        }
        for group in groups.filter(datedByTwo) + groups.filter({ !datedByTwo($0) }) {
            let fresh = group.filter { grouped.insert([$0.source, $0.sentence]).inserted }
            let undated = Set(group.filter { $0.resolvedTimes.isEmpty }.map(\.source))
            for cluster in clusters(fresh.flatMap(dated)) {
                events.append(event(cluster, extraSources: undated, label: label, text: text))
            }
        }
        for article in units {
            for unit in article.sentences where !grouped.contains([unit.source, unit.sentence]) {
                for cluster in clusters(dated(unit)) {
                    events.append(event(cluster, extraSources: [], label: label, text: text))
                }
            }
        }
        var seen: Set<[String]> = []
        return events
            .filter { seen.insert([$0.start.description, $0.end.description, $0.text]).inserted }
            .sorted { ($0.start, $0.end, $0.sources.first ?? "", $0.text) < ($1.start, $1.end, $1.sources.first ?? "", $1.text) }
    }

    private static func dated(_ unit: ClaimUnit) -> [Dated] {
        unit.times.compactMap { time in time.resolved.map { Dated(unit: unit, time: time, interval: $0) } }
    }

    /// Most precise intervals first, so a day anchors the week or year that contains it; each
    /// interval joins the first cluster whose intersection it overlaps.
    static func clusters(_ dated: [Dated]) -> [Cluster] {
        var clusters: [Cluster] = []
        for item in dated.sorted(by: { ($0.interval.days, $0.interval.start) < ($1.interval.days, $1.interval.start) }) {
            if let index = clusters.firstIndex(where: { $0.interval.overlaps(item.interval) }) {
                clusters[index].members.append(item)
                clusters[index].interval = intersection(clusters[index].interval, item.interval)
            } else {
                clusters.append(Cluster(members: [item], interval: item.interval))
            }
        }
        return clusters
    }

    /// The days two overlapping intervals share, at the finer granularity.
    static func intersection(_ a: DayInterval, _ b: DayInterval) -> DayInterval {
        DayInterval(start: max(a.start, b.start), end: min(a.end, b.end), granularity: a.days <= b.days ? a.granularity : b.granularity)
    }

    private static func event(_ cluster: Cluster, extraSources: Set<Int>, label: (Int) -> String,
                              text: (ClaimUnit) -> String) -> StoryReport.TimelineEvent {
        let first = cluster.members.min { ($0.unit.source, $0.unit.sentence) < ($1.unit.source, $1.unit.sentence) }!
        var expressions: [String] = []
        for member in cluster.members.sorted(by: { ($0.unit.source, $0.time.span.start) < ($1.unit.source, $1.time.span.start) })
        where !expressions.contains(member.time.text) {
            expressions.append(member.time.text)
        }
        let sources = Set(cluster.members.map(\.unit.source)).union(extraSources).sorted().map(label)
        return StoryReport.TimelineEvent(start: cluster.interval.start, end: cluster.interval.end, text: text(first.unit),
                                         sources: sources, expressions: expressions)
    }
}
