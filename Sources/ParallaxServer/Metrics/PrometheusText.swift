import Foundation
import ParallaxStore

/// The Prometheus text exposition format (version 0.0.4) of the server's metrics.
enum PrometheusText {
    static let contentType = "text/plain; version=0.0.4; charset=utf-8"

    static func render(_ state: ServerMetrics.State, counts: StoreCounts?) -> String {
        var out = ""
        out += "# HELP parallax_http_requests_total HTTP requests answered, by route, method and status.\n"
        out += "# TYPE parallax_http_requests_total counter\n"
        let keys = state.requests.keys.sorted()
        for key in keys {
            out += "parallax_http_requests_total\(labels(key)) \(state.requests[key]!.count)\n"
        }
        out += "# HELP parallax_http_request_duration_seconds Time from routing a request to its response, by route, method and status.\n"
        out += "# TYPE parallax_http_request_duration_seconds histogram\n"
        for key in keys {
            let latency = state.requests[key]!
            var cumulative = 0
            for (bound, count) in zip(ServerMetrics.latencyBuckets, latency.buckets) {
                cumulative += count
                out += "parallax_http_request_duration_seconds_bucket\(labels(key, le: number(bound))) \(cumulative)\n"
            }
            out += "parallax_http_request_duration_seconds_bucket\(labels(key, le: "+Inf")) \(latency.count)\n"
            out += "parallax_http_request_duration_seconds_sum\(labels(key)) \(number(latency.sum))\n"
            out += "parallax_http_request_duration_seconds_count\(labels(key)) \(latency.count)\n"
        }
        if let counts {
            out += "# HELP parallax_articles Articles in the store.\n# TYPE parallax_articles gauge\nparallax_articles \(counts.articles)\n"
            out += "# HELP parallax_stories Stories in the store.\n# TYPE parallax_stories gauge\nparallax_stories \(counts.stories)\n"
        }
        out += "# HELP parallax_ingest_articles_total Articles posted to the API, by what became of them.\n"
        out += "# TYPE parallax_ingest_articles_total counter\n"
        for result in ServerMetrics.IngestResult.allCases {
            out += "parallax_ingest_articles_total{result=\"\(result.rawValue)\"} \(state.ingests[result] ?? 0)\n"
        }
        return out
    }

    private static func labels(_ key: ServerMetrics.RequestKey, le: String? = nil) -> String {
        var pairs = ["route=\"\(escape(key.route))\"", "method=\"\(escape(key.method))\"", "status=\"\(key.status)\""]
        if let le { pairs.append("le=\"\(le)\"") }
        return "{" + pairs.joined(separator: ",") + "}"
    }

    /// Label values escape backslash, double quote and line feed.
    static func escape(_ value: String) -> String {
        value.replacingOccurrences(of: "\\", with: "\\\\").replacingOccurrences(of: "\"", with: "\\\"")
            .replacingOccurrences(of: "\n", with: "\\n")
    }

    static func number(_ value: Double) -> String {
        value == value.rounded() && abs(value) < 1e15 ? String(Int(value)) : String(value)
    }
}
