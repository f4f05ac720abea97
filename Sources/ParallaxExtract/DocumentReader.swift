import Foundation
import ParallaxCore

/// Reads files, directories (recursively) and `-` (stdin) into RawDocuments.
///
/// PLACEHOLDER implementation; the extraction stage replaces it behind the same API.
public struct DocumentReader: Sendable {
    public init() {}

    /// One result per document found, in the order given; directories expand to their files.
    public func read(_ paths: [String]) -> [Result<RawDocument, ParallaxError>] {
        paths.map { path in
            guard let data = FileManager.default.contents(atPath: path) else {
                return .failure(ParallaxError(source: path, reason: .notFound))
            }
            return .success(RawDocument(source: path, bytes: [UInt8](data)))
        }
    }
}
