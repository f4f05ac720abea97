import ArgumentParser
import Foundation
import ParallaxCompare
import ParallaxCore
import ParallaxPipeline
import ParallaxStore

struct StoryCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "story",
        abstract: "Show one stored story: its articles and how they compare.",
        discussion: """
            Lists the story's articles (source path or URL, publication date, language, and \
            how each joined the story) and compares them claim by claim, as `parallax compare` \
            does. `--format json` writes {"story", "articles", "report"}, the report in the \
            format of docs/report-format.md.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, md }

    @Argument(help: "The story's id, as `parallax stories` shows it.")
    var id: Int64

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Output format: text, json or md.")
    var format: Format = .text

    func run() async throws {
        let store = try await self.store.open()
        let found = try await Pipeline.standard().storyDetail(id, in: store)
        await store.close()
        guard let detail = found else {
            Output.warning("no story \(id) in \(store)")
            throw ExitCode(1)
        }
        switch format {
        case .json: Output.write(String(decoding: try ParallaxJSON.encoder(pretty: true).encode(detail), as: UTF8.self) + "\n")
        case .text: Output.write(Self.text(detail))
        case .md: Output.write(Self.markdown(detail))
        }
    }

    static func text(_ detail: StoryDetail) -> String {
        let story = detail.story
        var out = "Story \(story.id): \(story.title)\n"
        out += summary(story) + "\n\nArticles\n"
        for (index, member) in detail.articles.enumerated() {
            out += "  \(index + 1). \(member.headline)\n"
            out += "     " + details(member).joined(separator: " · ") + "\n"
        }
        return out + "\n" + ReportRenderer.text(detail.report)
    }

    static func markdown(_ detail: StoryDetail) -> String {
        let story = detail.story
        var out = "# Story \(story.id): \(escape(story.title))\n\n*" + summary(story) + "*\n\n## Articles\n\n"
        for (index, member) in detail.articles.enumerated() {
            out += "\(index + 1). \(escape(member.headline)) — "
                + details(member).map(escape).joined(separator: " · ") + "\n"
        }
        return out + "\n" + ReportRenderer.markdown(detail.report)
    }

    private static func summary(_ story: StoredStory) -> String {
        var parts = ["\(story.articleCount) article" + (story.articleCount == 1 ? "" : "s")]
        if !story.languages.isEmpty { parts.append(story.languages.joined(separator: ", ")) }
        let span = StoriesCommand.span(story)
        parts.append(span == "-" ? "publication dates unknown" : "published " + span)
        return parts.joined(separator: " · ")
    }

    /// Where the article came from and how it joined the story.
    private static func details(_ member: StoryDetail.Member) -> [String] {
        var parts = [member.canonicalURL ?? member.url ?? member.source]
        if member.url != nil || member.canonicalURL != nil, member.source != parts[0] { parts.append(member.source) }
        parts.append(member.published.map { "published \(CalendarDay($0))" } ?? "publication date unknown")
        if let language = member.language { parts.append(language) }
        if let copy = member.copyOf {
            parts.append("copy of \(copy)")
        } else if let similarity = member.similarity {
            parts.append("joined at " + String(format: "%.2f", similarity))
        } else {
            parts.append("opened the story")
        }
        return parts
    }

    /// Characters that would turn article text into Markdown markup.
    private static func escape(_ text: String) -> String {
        var escaped = ""
        for character in text {
            if "\\`*_[]<>#|".contains(character) { escaped.append("\\") }
            escaped.append(character)
        }
        return escaped
    }
}
