import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxExtract
import ParallaxPipeline

struct ExtractCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "extract",
        abstract: "Extract articles (and the main content of other pages) from HTML pages and text files.",
        discussion: """
            Prints one JSON object per page (JSON Lines): id, source, title, text, \
            paragraphs, published, byline, site, language, segments (the title and each \
            paragraph with its own language), and page_kind: "article" for a news article or \
            post, "page" for a page whose main content is not an article (a product, a forum \
            thread, a documentation or service page). `--pages articles` prints articles only, \
            as the ingest pipeline stores them. `--format text` or `--format md` prints the \
            pages for a person instead. Plain text, HTML and .gz files are read; a directory \
            is read recursively (hidden files skipped, symbolic links followed); `-` reads \
            stdin. An input that cannot be read, or has no content but navigation and teaser \
            links (a home page, a 404 page), gets a one-line "has no article" error on stderr; \
            the others are still printed, and the exit status is 1.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case json, text, md }
    enum Pages: String, ExpressibleByArgument, CaseIterable { case all, articles }

    @Argument(help: "Files, directories, or - for standard input.")
    var inputs: [String]

    @Option(name: .long, help: "Output format: json (JSON Lines, the default), text or md.")
    var format: Format = .json

    @Option(name: .long, help: "Which pages to print: all (articles and other pages with main content, the default) or articles.")
    var pages: Pages = .all

    func run() throws {
        let pipeline = try Pipeline.standard()
        // The same extraction the pipeline runs, asked for other pages' content too.
        let extractor = ArticleExtractor(identifier: pipeline.identifier)
        var failed = 0
        var printed = 0
        var json = JSONLineWriter()
        for result in pipeline.reader.documents(inputs) {
            let page: ExtractedPage
            do throws(ParallaxError) {
                let document = try result.get()
                page = pages == .all ? try extractor.extractPage(document)
                    : ExtractedPage(kind: .article, article: try extractor.extract(document))
            } catch {
                Output.error(error)
                failed += 1
                continue
            }
            switch format {
            case .json:
                json.removeAll()
                page.appendJSONLine(to: &json)
                FileHandle.standardOutput.write(Data(json.out))
            case .text: Output.write((printed > 0 ? "\n" : "") + ArticleText.plain(page.article, kind: page.kind))
            case .md: Output.write((printed > 0 ? "\n---\n\n" : "") + ArticleText.markdown(page.article, kind: page.kind))
            }
            printed += 1
        }
        if failed > 0 { throw ExitCode(1) }
    }
}

/// An article for a person to read: the title, one line of metadata, the paragraphs.
enum ArticleText {
    static func plain(_ article: Article, kind: PageKind = .article) -> String {
        var text = article.title + "\n" + String(repeating: "=", count: min(article.title.count, 80)) + "\n"
        text += details(article, kind: kind).joined(separator: " · ") + "\n\n"
        text += article.paragraphs.joined(separator: "\n\n") + "\n"
        return text
    }

    static func markdown(_ article: Article, kind: PageKind = .article) -> String {
        var text = "# " + escape(article.title) + "\n\n"
        text += "*" + details(article, kind: kind).map(escape).joined(separator: " · ") + "*\n\n"
        text += article.paragraphs.map(escape).joined(separator: "\n\n") + "\n"
        return text
    }

    private static func details(_ article: Article, kind: PageKind) -> [String] {
        var parts = [article.canonicalURL ?? article.url ?? article.source]
        if kind == .page { parts.append("not an article") }
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
