import Foundation

/// Canonical form of a web address, so that one article reached by two spellings
/// (`HTTP://Example.com:80/a/./b?utm_source=x#top` and `http://example.com/a/b`) is
/// fetched and stored once.
///
/// Lowercases the scheme and host, drops the default port, the fragment and tracking
/// parameters, resolves `.` and `..` path segments, and sorts the query so parameter
/// order does not matter. Percent-encoding is kept as given: servers may tell `%2F` from `/`.
public struct URLNormalizer: Sendable {
    /// Query parameters that only say where a reader came from, never which page it is.
    public static let trackingParameters: Set<String> = [
        "fbclid", "gclid", "dclid", "gbraid", "wbraid", "msclkid", "yclid", "twclid", "igshid", "mc_cid", "mc_eid",
        "_ga", "_gl", "_hsenc", "_hsmi", "mkt_tok", "oly_anon_id", "oly_enc_id", "vero_id", "wt_mc", "cmpid", "ocid",
    ]
    /// Parameter name prefixes of campaign trackers (`utm_source`, `utm_medium`, …).
    public static let trackingPrefixes: [String] = ["utm_", "pk_", "mtm_"]
    static let defaultPorts: [String: Int] = ["http": 80, "https": 443]

    public var trackingParameters: Set<String>
    public var trackingPrefixes: [String]

    public init(trackingParameters: Set<String> = URLNormalizer.trackingParameters,
                trackingPrefixes: [String] = URLNormalizer.trackingPrefixes) {
        self.trackingParameters = trackingParameters
        self.trackingPrefixes = trackingPrefixes
    }

    /// The canonical form of an absolute http(s) URL, or nil when `url` is not one.
    public func normalize(_ url: String) -> String? {
        guard var parts = URLComponents(string: url.trimmingCharacters(in: .whitespacesAndNewlines)),
              let scheme = parts.scheme?.lowercased(), URLNormalizer.defaultPorts[scheme] != nil,
              let host = parts.host, !host.isEmpty else { return nil }
        parts.scheme = scheme
        parts.host = host.lowercased()
        if parts.port == URLNormalizer.defaultPorts[scheme] { parts.port = nil }
        parts.fragment = nil
        let path = URLNormalizer.removingDotSegments(parts.percentEncodedPath)
        parts.percentEncodedPath = path.isEmpty ? "/" : path
        if let query = parts.percentEncodedQuery {
            let kept = query.split(separator: "&", omittingEmptySubsequences: true)
                .filter { !isTracking(parameterName(String($0))) }
                .map(String.init)
                .sorted()
            parts.percentEncodedQuery = kept.isEmpty ? nil : kept.joined(separator: "&")
        }
        return parts.string
    }

    /// `url` resolved against `base` (a relative link in a page, a `Location` header).
    public static func resolve(_ url: String, against base: String) -> String? {
        let trimmed = url.trimmingCharacters(in: .whitespacesAndNewlines)
        guard let baseURL = URL(string: base), let resolved = URL(string: trimmed, relativeTo: baseURL)?.absoluteURL,
              let scheme = resolved.scheme?.lowercased(), defaultPorts[scheme] != nil else { return nil }
        return resolved.absoluteString
    }

    private func parameterName(_ pair: String) -> String {
        let name = pair.split(separator: "=", maxSplits: 1, omittingEmptySubsequences: false).first.map(String.init) ?? pair
        return (name.removingPercentEncoding ?? name).lowercased()
    }

    private func isTracking(_ name: String) -> Bool {
        trackingParameters.contains(name) || trackingPrefixes.contains { name.hasPrefix($0) }
    }

    /// RFC 3986 section 5.2.4: `/a/b/../c/./d` → `/a/c/d`.
    static func removingDotSegments(_ path: String) -> String {
        guard path.contains(".") else { return path }
        var output: [Substring] = []
        let segments = path.split(separator: "/", omittingEmptySubsequences: false)
        for (index, segment) in segments.enumerated() {
            let isLast = index == segments.count - 1
            switch segment {
            case ".":
                if isLast { output.append("") }
            case "..":
                if output.count > 1 { output.removeLast() }
                if isLast { output.append("") }
            default:
                output.append(segment)
            }
        }
        let joined = output.joined(separator: "/")
        return path.hasPrefix("/") && !joined.hasPrefix("/") ? "/" + joined : joined
    }
}
