import Foundation
import ParallaxCore
@testable import ParallaxExtract
import TestSupport

/// A language identifier for tests: English or German by a few function words, so the
/// article-language logic can be checked without the trained model.
struct FunctionWordIdentifier: LanguageIdentifier {
    func identify(_ text: String) -> LanguageGuess {
        let words = text.lowercased().split(whereSeparator: { !$0.isLetter })
        let english = words.filter { ["the", "and", "of", "to", "a", "in", "was", "with"].contains($0) }.count
        let german = words.filter { ["der", "die", "das", "und", "ist", "mit", "den", "für"].contains($0) }.count
        let dutch = words.filter { ["en", "het", "een", "van", "in", "op"].contains($0) }.count
        let best = [("en", english), ("de", german), ("nl", dutch)].max { $0.1 < $1.1 }!
        return best.1 == 0 ? .undetermined : LanguageGuess(code: best.0, confidence: 0.9)
    }
}

enum Fixtures {
    static func path(_ name: String) -> String {
        Bundle.module.url(forResource: "Fixtures/" + name, withExtension: nil)!.path
    }

    /// A fresh temporary directory, removed by the caller.
    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-extract-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }
}

/// Reads and extracts paths the way `parallax extract` does.
func extractAll(_ paths: [String], identifier: any LanguageIdentifier = FunctionWordIdentifier()) -> [Result<Article, ParallaxError>] {
    let extractor = ArticleExtractor(identifier: identifier)
    return DocumentReader().read(paths).map { result in
        result.flatMap { document in
            do throws(ParallaxError) { return .success(try extractor.extract(document)) } catch { return .failure(error) }
        }
    }
}

func extractOne(_ path: String) throws -> Article {
    try extractAll([path])[0].get()
}

func extractHTML(_ html: String, source: String = "test.html") throws(ParallaxError) -> Article {
    try ArticleExtractor(identifier: FunctionWordIdentifier())
        .extract(RawDocument(source: source, bytes: Array(html.utf8), contentType: "text/html"))
}
