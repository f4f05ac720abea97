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
            paragraph with its own language); `--format text` or `--format md` prints the \
            articles for a person instead. Plain text, HTML and .gz files are read; a directory \
            is read recursively (hidden files skipped); `-` reads stdin. An input that cannot be \
            read or has no article gets a one-line error on stderr; the others are still \
            printed, and the exit status is 1.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, md }

    @Argument(help: "Files, directories, or - for standard input.")
    var inputs: [String]

    @Option(name: .long, help: "Output format: json (JSON Lines, the default), text or md.")
    var format: Format = .json

    func run() throws {
        let pipeline = try Pipeline.standard()
        var failed = 0
        var printed = 0
        for result in pipeline.extract(inputs) {
            switch result {
            case .success(let article):
                switch format {
                case .json: Output.line(try ParallaxJSON.line(article))
                case .text: Output.write((printed > 0 ? "\n" : "") + ArticleText.plain(article))
                case .md: Output.write((printed > 0 ? "\n---\n\n" : "") + ArticleText.markdown(article))
                }
                printed += 1
            case .failure(let error):
                Output.error(error)
                failed += 1
            }
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// An article for a person to read: the title, one line of metadata, the paragraphs.
enum ArticleText {
    static func plain(_ article: Article) -> String {
        var text = article.title + "\n" + String(repeating: "=", count: min(article.title.count, 80)) + "\n"
        text += details(article).joined(separator: " · ") + "\n\n"
        text += article.paragraphs.joined(separator: "\n\n") + "\n"
        return text
    }

    static func markdown(_ article: Article) -> String {
        var text = "# " + escape(article.title) + "\n\n"
        text += "*" + details(article).map(escape).joined(separator: " · ") + "*\n\n"
        text += article.paragraphs.map(escape).joined(separator: "\n\n") + "\n"
        return text
    }

    private static func details(_ article: Article) -> [String] {
        var parts = [article.canonicalURL ?? article.url ?? article.source]
        if let site = article.site { parts.append(site) }
        if let byline = article.byline { parts.append(byline) }
        if let published = article.published { parts.append(CalendarDay(published).description) }
        if let language = article.language { parts.append(language) }
        parts.append("\(article.wordCount) words")
        return parts
    }

    /// Markdown characters that would turn article text into markup.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
