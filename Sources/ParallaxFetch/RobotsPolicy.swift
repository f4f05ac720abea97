import Foundation

/// The rules of one site's robots.txt that apply to one crawler (RFC 9309).
///
/// The group whose `User-agent` names the crawler's product token (the longest such name
/// wins) applies, else the `*` group, else nothing is disallowed. Groups naming the same
/// agent are merged. A path is allowed unless the longest matching rule is a `Disallow`;
/// when an `Allow` and a `Disallow` match equally long, `Allow` wins. `*` matches any run
/// of characters and a final `$` anchors the rule at the end of the path.
public struct RobotsPolicy: Sendable, Hashable, Codable {
    public struct Rule: Sendable, Hashable, Codable {
        public var allow: Bool
        public var pattern: String
    }

    public var rules: [Rule]
    /// Seconds between two requests, when the site asks for a pause.
    public var crawlDelay: Double?

    /// Everything allowed (no robots.txt, or one that answered 4xx).
    public static let allowAll = RobotsPolicy(rules: [], crawlDelay: nil)
    /// Nothing allowed (robots.txt could not be read: the site may be down or refusing us).
    public static let disallowAll = RobotsPolicy(rules: [Rule(allow: false, pattern: "/")], crawlDelay: nil)

    public init(rules: [Rule], crawlDelay: Double?) {
        self.rules = rules
        self.crawlDelay = crawlDelay
    }

    /// Parses robots.txt text for the crawler whose product token is `agent` (e.g. "Parallax").
    public init(parsing text: String, agent: String) {
        let agent = agent.lowercased()
        struct Group { var agents: [String] = []; var rules: [Rule] = []; var crawlDelay: Double? }
        var groups: [Group] = []
        var current: Group?
        var lastWasAgent = false
        for rawLine in text.split(omittingEmptySubsequences: false, whereSeparator: { $0 == "\n" || $0 == "\r" }) {
            let line = rawLine.split(separator: "#", maxSplits: 1, omittingEmptySubsequences: false).first ?? ""
            guard let colon = line.firstIndex(of: ":") else { continue }
            let key = line[..<colon].trimmingCharacters(in: .whitespaces).lowercased()
            let value = line[line.index(after: colon)...].trimmingCharacters(in: .whitespaces)
            switch key {
            case "user-agent":
                if !lastWasAgent {
                    if let group = current { groups.append(group) }
                    current = Group()
                }
                current?.agents.append(value.lowercased())
                lastWasAgent = true
            case "allow", "disallow":
                lastWasAgent = false
                // An empty Disallow allows everything, which is what having no rule means.
                guard !value.isEmpty else { continue }
                current?.rules.append(Rule(allow: key == "allow", pattern: value))
            case "crawl-delay":
                lastWasAgent = false
                if let seconds = Double(value), seconds >= 0 { current?.crawlDelay = seconds }
            default:
                // Sitemap and unknown lines neither start nor end a group.
                continue
            }
        }
        if let group = current { groups.append(group) }

        func matchLength(_ group: Group) -> Int? {
            group.agents.filter { $0 != "*" && agent.hasPrefix($0) }.map(\.count).max()
        }
        let best = groups.compactMap(matchLength).max()
        let chosen = best.map { length in groups.filter { matchLength($0) == length } }
            ?? groups.filter { $0.agents.contains("*") }
        rules = chosen.flatMap(\.rules)
        crawlDelay = chosen.compactMap(\.crawlDelay).max()
    }

    /// Whether a request for `path` (path and query, e.g. `/news/a?id=3`) is allowed.
    public func allows(_ path: String) -> Bool {
        let path = path.isEmpty ? "/" : path
        var best: (length: Int, allow: Bool)?
        for rule in rules where RobotsPolicy.matches(rule.pattern, path) {
            let length = rule.pattern.utf8.count
            if best == nil || length > best!.length || (length == best!.length && rule.allow) {
                best = (length, rule.allow)
            }
        }
        return best?.allow ?? true
    }

    /// Whether `pattern` matches a prefix of `path` (the whole path when it ends in `$`).
    static func matches(_ pattern: String, _ path: String) -> Bool {
        var pattern = Array(pattern.utf8)
        let anchored = pattern.last == UInt8(ascii: "$")
        if anchored { pattern.removeLast() }
        let path = Array(path.utf8)
        // Positions in `path` the pattern so far can end at; `*` widens them to every later one.
        var positions: [Int] = [0]
        for byte in pattern {
            if byte == UInt8(ascii: "*") {
                guard let first = positions.first else { return false }
                positions = Array(first...path.count)
            } else {
                positions = positions.compactMap { $0 < path.count && path[$0] == byte ? $0 + 1 : nil }
            }
            if positions.isEmpty { return false }
        }
        return anchored ? positions.contains(path.count) : true
    }
}
