/// An error about one input. It travels with the record it is about, so one bad input
/// never stops the others; `description` is the one line users see.
public struct ParallaxError: Error, Sendable, Hashable, CustomStringConvertible {
    public enum Reason: Sendable, Hashable, CustomStringConvertible {
        case notFound
        case unreadable(String)
        case empty
        case binary
        case tooLarge(bytes: Int, limit: Int)
        case invalidEncoding(String)
        case noArticle(String)
        case invalidInput(String)

        public var description: String {
            switch self {
            case .notFound: return "no such file or directory"
            case .unreadable(let why): return "cannot be read (\(why))"
            case .empty: return "is empty"
            case .binary: return "looks like a binary file, not text or HTML"
            case .tooLarge(let bytes, let limit): return "is too large (\(bytes) bytes; the limit is \(limit))"
            case .invalidEncoding(let why): return "has invalid text encoding (\(why))"
            case .noArticle(let why): return "has no article (\(why))"
            case .invalidInput(let why): return why
            }
        }
    }

    /// The input it is about: a path, URL, `-`, or `file:line`.
    public var source: String
    public var reason: Reason

    public init(source: String, reason: Reason) {
        self.source = source
        self.reason = reason
    }

    public var description: String { "\(source): \(reason)" }
}
