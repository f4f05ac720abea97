import Foundation
import NIOConcurrencyHelpers

/// Counters the server keeps in memory and `/metrics` exposes: requests and their latency
/// per route and status, and what ingests did. Safe to record from any request.
public final class ServerMetrics: Sendable {
    /// Upper bounds (seconds) of the latency histogram's buckets; `+Inf` is implied.
    static let latencyBuckets: [Double] = [0.0005, 0.001, 0.0025, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10]

    struct RequestKey: Hashable, Comparable {
        var route: String
        var method: String
        var status: Int

        static func < (a: RequestKey, b: RequestKey) -> Bool { (a.route, a.method, a.status) < (b.route, b.method, b.status) }
    }

    struct Latency {
        /// Observations per bucket (not cumulative; the exposition sums them).
        var buckets = [Int](repeating: 0, count: ServerMetrics.latencyBuckets.count)
        var count = 0
        var sum = 0.0

        mutating func observe(_ seconds: Double) {
            if let index = ServerMetrics.latencyBuckets.firstIndex(where: { seconds <= $0 }) { buckets[index] += 1 }
            count += 1
            sum += seconds
        }
    }

    /// What an ingest request came to.
    public enum IngestResult: String, CaseIterable, Sendable {
        case stored, duplicate, failed
    }

    struct State {
        var requests: [RequestKey: Latency] = [:]
        var ingests: [IngestResult: Int] = [:]
    }

    private let state = NIOLockedValueBox(State())

    public init() {}

    func recordRequest(route: String, method: String, status: Int, seconds: Double) {
        state.withLockedValue { $0.requests[RequestKey(route: route, method: method, status: status), default: Latency()].observe(seconds) }
    }

    func recordIngest(_ result: IngestResult) {
        state.withLockedValue { $0.ingests[result, default: 0] += 1 }
    }

    func snapshot() -> State { state.withLockedValue { $0 } }
}
