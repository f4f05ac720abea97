import Foundation
import ParallaxAnnotate
import ParallaxCompare
import ParallaxCore
import ParallaxExtract
import ParallaxLanguage

/// The one place where the stages are composed. The CLI, the server and the streaming
/// pipes all call through a `Pipeline`, so they run the same code.
public struct Pipeline: Sendable {
    public var reader: DocumentReader
    public var extractor: any Extractor
    public var identifier: any LanguageIdentifier
    public var annotator: any Annotator
    public var comparer: any StoryComparer

    public init(reader: DocumentReader, extractor: any Extractor, identifier: any LanguageIdentifier,
                annotator: any Annotator, comparer: any StoryComparer) {
        self.reader = reader
        self.extractor = extractor
        self.identifier = identifier
        self.annotator = annotator
        self.comparer = comparer
    }

    /// The default stages: bundled language model, plain-text and HTML extraction,
    /// rule-based annotation, claim-by-claim comparison.
    public static func standard() throws -> Pipeline {
        let identifier = try NGramLanguageIdentifier.bundled()
        return Pipeline(reader: DocumentReader(), extractor: ArticleExtractor(identifier: identifier), identifier: identifier,
                        annotator: ArticleAnnotator(), comparer: StoryComparator())
    }

    /// Reads and extracts every input; a bad input becomes a failure in its place and the
    /// others go on.
    public func extract(_ paths: [String]) -> [Result<Article, ParallaxError>] {
        reader.read(paths).map { result in
            result.flatMap { document in
                do throws(ParallaxError) { return .success(try extractor.extract(document)) } catch { return .failure(error) }
            }
        }
    }

    public func annotate(_ article: Article) -> AnnotatedArticle { annotator.annotate(article) }

    public func compare(_ articles: [Article]) -> StoryReport { comparer.compare(articles.map(annotator.annotate)) }
}
