import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxPipeline

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract articles from HTML pages and text files.",
        discussion: """
            Prints one JSON object per article (JSON Lines): id, source, title, text, \
            paragraphs, published, byline, site, language, and segments (the title and each \
            paragraph with its own language). A directory is read recursively; `-` reads stdin. \
            An input that cannot be read or has no article gets a one-line error on stderr; \
            the others are still printed, and the exit status is 1.
            """
    )

    @Argument(help: "Files, directories, or - for standard input.")
    var inputs: [String]

    func run() throws {
        let pipeline = try Pipeline.standard()
        var failed = 0
        for result in pipeline.extract(inputs) {
            switch result {
            case .success(let article): Output.line(try ParallaxJSON.line(article))
            case .failure(let error):
                Output.error(error)
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}
