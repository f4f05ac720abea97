import Foundation
import ParallaxCore

/// What a later run needs to remember of earlier fetches: the validators each URL answered
/// with (so the next request is conditional and an unchanged feed costs a 304), and the
/// articles already ingested (so a feed's old items are not fetched again).
///
/// Saved as a JSON file, by default beside the store (`<db>.fetch-state.json`).
public struct FetchState: Sendable, Codable, Hashable {
    /// The `ETag` and `Last-Modified` a URL last answered with.
    public struct Validators: Sendable, Codable, Hashable {
        public var etag: String?
        public var lastModified: String?

        public init(etag: String?, lastModified: String?) {
            self.etag = etag
            self.lastModified = lastModified
        }
    }

    /// A host's robots.txt rules and until when they hold.
    public struct Robots: Sendable, Codable, Hashable {
        public var policy: RobotsPolicy
        public var expires: Date

        public init(policy: RobotsPolicy, expires: Date) {
            self.policy = policy
            self.expires = expires
        }
    }

    /// By URL as fetched (the final URL of a redirect chain).
    public var validators: [String: Validators]
    /// Normalised URLs (see `URLNormalizer`) of articles already ingested → when.
    public var ingested: [String: Date]
    /// By origin (`https://host[:port]`): kept across runs, so a watch restarted every few
    /// minutes by cron does not ask for robots.txt each time.
    public var robots: [String: Robots]

    public init(validators: [String: Validators] = [:], ingested: [String: Date] = [:], robots: [String: Robots] = [:]) {
        self.validators = validators
        self.ingested = ingested
        self.robots = robots
    }

    // A file written before a field existed still loads.
    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        validators = try container.decodeIfPresent([String: Validators].self, forKey: .validators) ?? [:]
        ingested = try container.decodeIfPresent([String: Date].self, forKey: .ingested) ?? [:]
        robots = try container.decodeIfPresent([String: Robots].self, forKey: .robots) ?? [:]
    }

    /// The state saved at `path`; an empty state when there is no file yet.
    public static func load(from path: String) throws(ParallaxError) -> FetchState {
        guard FileManager.default.fileExists(atPath: path) else { return FetchState() }
        do {
            let data = try Data(contentsOf: URL(fileURLWithPath: path))
            let decoder = JSONDecoder()
            decoder.dateDecodingStrategy = .iso8601
            return try decoder.decode(FetchState.self, from: data)
        } catch {
            throw ParallaxError(source: path, reason: .invalidInput("not a fetch state file (\(error.localizedDescription))"))
        }
    }

    /// Writes the state to `path` atomically (a crash mid-write leaves the old file).
    public func save(to path: String) throws(ParallaxError) {
        let encoder = JSONEncoder()
        encoder.dateEncodingStrategy = .iso8601
        encoder.outputFormatting = [.sortedKeys]
        do {
            let url = URL(fileURLWithPath: path)
            try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
            try encoder.encode(self).write(to: url, options: .atomic)
        } catch {
            throw ParallaxError(source: path, reason: .unreadable("cannot write the fetch state: \(error.localizedDescription)"))
        }
    }
}
