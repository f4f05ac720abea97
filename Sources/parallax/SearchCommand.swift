import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxStore

struct SearchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "search",
        abstract: "Search the stored articles' titles and texts.",
        discussion: """
            Every word must occur (accents and case do not matter: "bogota" finds "Bogotá"); \
            FTS5 query syntax works too ("white house" in quotes for a phrase, OR, NOT, \
            prefix*). Best matches first (BM25, title words weigh more), each with its story \
            id, title, source and a snippet. `--format json` writes JSON Lines {"articleID", \
            "storyID", "title", "source", "url", "published", "language", "score", "snippet"}, \
            the matches in the snippet between the characters U+0002 and U+0003.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json }

    @Argument(help: "Words to find.")
    var query: [String]

    @OptionGroup var store: StoreOptions

    @Option(name: .long, help: "Output format: text or json (JSON Lines).")
    var format: Format = .text

    @Option(name: .long, help: "At most this many results.")
    var limit: Int = 20

    func validate() throws {
        guard limit > 0 else { throw ValidationError("--limit must be positive") }
        guard query.contains(where: { $0.contains { $0.isLetter || $0.isNumber } }) else {
            throw ValidationError("the query has no words")
        }
    }

    func run() async throws {
        let store = try await self.store.open()
        let hits = try await store.search(query.joined(separator: " "), limit: limit)
        await store.close()
        switch format {
        case .json:
            for hit in hits { Output.line(try ParallaxJSON.line(hit)) }
        case .text:
            // Bold on a terminal, brackets in a pipe.
            let (open, close) = isatty(STDOUT_FILENO) == 1 ? ("\u{1B}[1m", "\u{1B}[0m") : ("[", "]")
            var out = ""
            for hit in hits {
                let story = hit.storyID.map { "story \($0)" } ?? "no story"
                let published = hit.published.map { " · \(CalendarDay($0))" } ?? ""
                out += "\(hit.title) (\(story)\(published))\n"
                out += "  " + hit.snippet(open: open, close: close).replacingOccurrences(of: "\n", with: " ") + "\n"
                out += "  " + (hit.url ?? hit.source) + "\n"
            }
            if hits.isEmpty { Output.warning("no article matches") }
            Output.write(out)
        }
    }
}
