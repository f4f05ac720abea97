import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore

struct StoriesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "stories",
        abstract: "List the stored stories, newest first.",
        discussion: """
            One story a line: its id (for `parallax story ID`), number of articles, languages, \
            the days its articles were published, and its title. `--format json` writes JSON \
            Lines {"id", "title", "articleCount", "languages", "firstPublished", \
            "lastPublished", "createdAt", "updatedAt"}.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Output format: text or json (JSON Lines).")
    var format: Format = .text

    @Option(name: .long, help: "At most this many stories.")
    var limit: Int = 50

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
    }

    func run() async throws {
        let store = try await self.store.open()
        let stories = try await store.stories(limit: limit, offset: 0)
        await store.close()
        guard !stories.isEmpty else {
            Output.warning("no stories in \(store) yet (`parallax ingest` adds them)")
            return
        }
        switch format {
        case .json:
            for story in stories { Output.line(try ParallaxJSON.line(story)) }
        case .text:
            let idWidth = max(2, stories.map { String($0.id).count }.max() ?? 0)
            var out = Self.pad("id", idWidth) + "  articles  languages  published                title\n"
            for story in stories {
                out += Self.pad(String(story.id), idWidth) + "  " + Self.pad(String(story.articleCount), 8) + "  "
                    + Self.pad(story.languages.isEmpty ? "-" : story.languages.joined(separator: ","), 9) + "  "
                    + Self.pad(Self.span(story), 23) + "  " + story.title + "\n"
            }
            Output.write(out)
        }
    }

    /// `2026-03-10 – 2026-03-12`, one day when they are the same, `-` when no article is dated.
    static func span(_ story: StoredStory) -> String {
        guard let first = story.firstPublished, let last = story.lastPublished else { return "-" }
        let (a, b) = (CalendarDay(first), CalendarDay(last))
        return a == b ? a.description : "\(a) – \(b)"
    }

    static func pad(_ text: String, _ width: Int) -> String {
        text.count >= width ? text : text + String(repeating: " ", count: width - text.count)
    }
}
