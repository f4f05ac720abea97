import Foundation
import HummingbirdTesting
import Testing
import TestSupport
@testable import ParallaxServer

@Suite struct MetricsTests {
    /// One sample of the Prometheus text format: `name{label="value",…} number`.
    struct Sample: Hashable {
        var name: String
        var labels: [String: String]
        var value: Double
    }

    /// A strict reader of the text exposition format: comments are `# HELP` / `# TYPE`,
    /// every sample's metric has a TYPE, label values are quoted with escapes. Throws on
    /// anything else.
    static func parse(_ text: String) throws -> [Sample] {
        struct Malformed: Error { var line: String }
        var typed: Set<String> = []
        var samples: [Sample] = []
        for line in text.split(separator: "\n", omittingEmptySubsequences: false) where !line.isEmpty {
            if line.hasPrefix("#") {
                let parts = line.split(separator: " ", maxSplits: 3)
                guard parts.count >= 3, parts[1] == "HELP" || parts[1] == "TYPE" else { throw Malformed(line: String(line)) }
                if parts[1] == "TYPE" {
                    guard parts.count == 4, ["counter", "gauge", "histogram", "summary", "untyped"].contains(parts[3]) else {
                        throw Malformed(line: String(line))
                    }
                    typed.insert(String(parts[2]))
                }
                continue
            }
            var rest = Substring(line)
            let name = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" || $0 == ":" }
            guard let first = name.first, !first.isNumber else { throw Malformed(line: String(line)) }
            rest = rest.dropFirst(name.count)
            var labels: [String: String] = [:]
            if rest.first == "{" {
                rest = rest.dropFirst()
                while rest.first != "}" {
                    let key = rest.prefix { $0.isLetter || $0.isNumber || $0 == "_" }
                    rest = rest.dropFirst(key.count)
                    guard !key.isEmpty, rest.hasPrefix("=\"") else { throw Malformed(line: String(line)) }
                    rest = rest.dropFirst(2)
                    var value = ""
                    while let c = rest.first, c != "\"" {
                        if c == "\\" {
                            rest = rest.dropFirst()
                            guard let escaped = rest.first else { throw Malformed(line: String(line)) }
                            value.append(escaped == "n" ? "\n" : escaped)
                        } else {
                            value.append(c)
                        }
                        rest = rest.dropFirst()
                    }
                    guard rest.first == "\"" else { throw Malformed(line: String(line)) }
                    rest = rest.dropFirst()
                    labels[String(key)] = value
                    if rest.first == "," { rest = rest.dropFirst() } else if rest.first != "}" { throw Malformed(line: String(line)) }
                }
                rest = rest.dropFirst()
            }
            guard rest.first == " ", let value = Double(rest.dropFirst()) else { throw Malformed(line: String(line)) }
            let family = ["_bucket", "_sum", "_count"].reduce(String(name)) { name, suffix in
                name.hasSuffix(suffix) && typed.contains(String(name.dropLast(suffix.count))) ? String(name.dropLast(suffix.count)) : name
            }
            guard typed.contains(family) else { throw Malformed(line: String(line)) }
            samples.append(Sample(name: String(name), labels: labels, value: value))
        }
        return samples
    }

    @Test func metricsParseAndCountRequests() async throws {
        try await TestServer().test { client in
            for _ in 0..<3 { #expect(try await client.get("/api/stories").status == .ok) }
            #expect(try await client.get("/api/nowhere").status == .notFound)
            #expect(try await client.postFile(SharedData.url(SharedData.seed000)).status == .created)
            #expect(try await client.postFile(SharedData.url(SharedData.seed000)).status == .ok)
            #expect(try await client.post("/api/articles", contentType: "text/plain", body: [0, 0, 0, 1]).status == .badRequest)

            let response = try await client.get("/metrics")
            #expect(response.status == .ok)
            #expect(response.headers[.contentType]?.hasPrefix("text/plain; version=0.0.4") == true)
            let samples = try Self.parse(response.text)
            func value(_ name: String, _ labels: [String: String]) -> Double? {
                samples.first { $0.name == name && $0.labels == labels }?.value
            }
            let stories = ["route": "/api/stories", "method": "GET", "status": "200"]
            #expect(value("parallax_http_requests_total", stories) == 3)
            #expect(value("parallax_http_requests_total", ["route": "NotFound", "method": "GET", "status": "404"]) == 1)
            #expect(value("parallax_http_requests_total", ["route": "/api/articles", "method": "POST", "status": "201"]) == 1)
            #expect(value("parallax_http_requests_total", ["route": "/api/articles", "method": "POST", "status": "400"]) == 1)
            #expect(value("parallax_http_request_duration_seconds_count", stories) == 3)
            #expect(value("parallax_http_request_duration_seconds_bucket", stories.merging(["le": "+Inf"]) { a, _ in a }) == 3)
            let buckets = samples.filter { $0.name == "parallax_http_request_duration_seconds_bucket" && $0.labels["route"] == "/api/stories" }
            #expect(buckets.count == ServerMetrics.latencyBuckets.count + 1)
            #expect(buckets.map(\.value) == buckets.map(\.value).sorted())
            #expect((value("parallax_http_request_duration_seconds_sum", stories) ?? -1) > 0)
            #expect(value("parallax_articles", [:]) == 1)
            #expect(value("parallax_stories", [:]) == 1)
            #expect(value("parallax_ingest_articles_total", ["result": "stored"]) == 1)
            #expect(value("parallax_ingest_articles_total", ["result": "duplicate"]) == 1)
            #expect(value("parallax_ingest_articles_total", ["result": "failed"]) == 0)
        }
    }

    @Test func labelValuesAreEscaped() throws {
        let metrics = ServerMetrics()
        metrics.recordRequest(route: "/a\"b\\c\nd", method: "GET", status: 200, seconds: 0.002)
        let samples = try Self.parse(PrometheusText.render(metrics.snapshot(), counts: nil))
        let sample = try #require(samples.first { $0.name == "parallax_http_requests_total" })
        #expect(sample.labels["route"] == "/a\"b\\c\nd")
        let bucket = try #require(samples.first { $0.name == "parallax_http_request_duration_seconds_bucket" && $0.labels["le"] == "0.0025" })
        #expect(bucket.value == 1)
        #expect(samples.first { $0.name == "parallax_http_request_duration_seconds_bucket" && $0.labels["le"] == "0.001" }?.value == 0)
    }
}
