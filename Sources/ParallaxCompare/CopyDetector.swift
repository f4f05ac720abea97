import Foundation
import ParallaxCore

/// Finds syndicated copies and light rewrites of one text among the compared articles, so a
/// wire story run by three outlets counts as one source, not three.
///
/// Two bodies are copies when their word shingles (runs of `shingleWords` folded words)
/// overlap by at least `copyJaccard`. A story compares a handful of articles, so the exact
/// Jaccard of the shingle sets is cheap; no MinHash estimate is needed here. (The clustering
/// stage has a MinHash index for streams; it works on its own feature extraction, and this
/// stage should not depend on the clusterer.)
struct CopyDetector: Sendable {
    static let shingleWords = 4
    /// Rewrites that add a sentence or change a headline stay far above this; two outlets
    /// writing the same facts in their own words stay far below.
    static let copyJaccard = 0.5
    /// A text with fewer shingles is too short to tell a copy from a shared phrase.
    static let minimumShingles = 25

    /// Index of each article's copy group; articles that copy nothing have a group of their own.
    let groupOf: [Int]
    let groups: [StoryReport.CopyGroup]
    /// The source published first (see `firstPublished(_:)`), as an article index.
    let first: Int?

    init(_ articles: [AnnotatedArticle], labels: [String]) {
        let shingles = articles.map(CopyDetector.shingles)
        var parent = Array(articles.indices)
        func root(_ i: Int) -> Int {
            var node = i
            while parent[node] != node { node = parent[node] }
            return node
        }
        var jaccard: [[Double]] = Array(repeating: Array(repeating: 0, count: articles.count), count: articles.count)
        var containment = jaccard
        for i in articles.indices {
            for j in articles.indices where j > i {
                let a = shingles[i], b = shingles[j]
                guard min(a.count, b.count) >= CopyDetector.minimumShingles else { continue }
                let shared = Double(a.intersection(b).count)
                jaccard[i][j] = shared / Double(a.union(b).count)
                jaccard[j][i] = jaccard[i][j]
                containment[i][j] = shared / Double(a.count)
                containment[j][i] = shared / Double(b.count)
                if jaccard[i][j] >= CopyDetector.copyJaccard {
                    let ri = root(i), rj = root(j)
                    if ri != rj { parent[max(ri, rj)] = min(ri, rj) }
                }
            }
        }
        let roots = articles.indices.map(root)
        groupOf = roots
        let published = articles.map(\.article.published)

        /// Whether article `a` is known to have been published before `b`: an earlier day;
        /// on the same day, an earlier time when both give one (a date without a time of day
        /// does not tell); within a copy group, the text the other copies contains more of.
        func precedes(_ a: Int, _ b: Int) -> Bool {
            if let pa = published[a], let pb = published[b] {
                let da = CalendarDay(pa), db = CalendarDay(pb)
                if da != db { return da < db }
                if CopyDetector.hasTimeOfDay(pa), CopyDetector.hasTimeOfDay(pb), pa != pb { return pa < pb }
            }
            return roots[a] == roots[b] && containment[a][b] > containment[b][a]
        }
        func earliest(_ members: [Int]) -> Int? {
            members.first { m in members.allSatisfy { $0 == m || precedes(m, $0) } }
        }

        var groups: [StoryReport.CopyGroup] = []
        for r in Set(roots).sorted() {
            let members = articles.indices.filter { roots[$0] == r }
            guard members.count >= 2 else { continue }
            let firstMember = earliest(members)
            let ordered = (firstMember.map { [$0] } ?? []) + members.filter { $0 != firstMember }
            var lowest = 1.0
            for (x, i) in members.enumerated() { for j in members[(x + 1)...] { lowest = min(lowest, jaccard[i][j]) } }
            groups.append(StoryReport.CopyGroup(sources: ordered.map { labels[$0] }, first: firstMember.map { labels[$0] },
                                                similarity: StoryComparator.rounded(lowest)))
        }
        self.groups = groups
        first = earliest(Array(articles.indices))
    }

    /// Independent sources among the given article indices: copies of one text count once.
    func independentCount<S: Sequence>(_ sources: S) -> Int where S.Element == Int {
        Set(sources.map { groupOf[$0] }).count
    }

    /// Hashes of the body's runs of `shingleWords` folded words (numbers included).
    static func shingles(_ annotated: AnnotatedArticle) -> Set<Int> {
        let words = annotated.sentences.flatMap(\.tokens).filter { $0.kind != .symbol }.map(\.normalized)
        guard words.count >= shingleWords else { return [] }
        var result: Set<Int> = []
        for start in 0...(words.count - shingleWords) {
            var hasher = Hasher()
            for word in words[start..<(start + shingleWords)] { hasher.combine(word) }
            result.insert(hasher.finalize())
        }
        return result
    }

    /// A publication time at exactly midnight UTC is how a date without a time is stored.
    static func hasTimeOfDay(_ date: Date) -> Bool {
        date.timeIntervalSince1970.truncatingRemainder(dividingBy: 86_400) != 0
    }
}
