import ArgumentParser
import Foundation
import ParallaxCompare
import ParallaxCore
import ParallaxPipeline

struct CompareCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "compare",
        abstract: "Compare reports of one event claim by claim.",
        discussion: """
            Reads two or more articles and reports whether they cover the same event, the \
            entities they share, the claims two or more sources corroborate, the claims only \
            one source makes, conflicting values (dates, numbers, quotes), matched quotes, and \
            every time expression resolved against its article's publication date.
            """
    )

    enum Format: String, ExpressibleByArgument, CaseIterable { case text, json, md, html }

    @Argument(help: "Two or more article files (plain text or HTML).")
    var inputs: [String]

    @Option(name: .long, help: ArgumentHelp(
        "Publication date of one input, as SOURCE=YYYY-MM-DD, SOURCE being the input as given or its file name (repeatable). Metadata in the article wins.",
        valueName: "source=date"))
    var published: [String] = []

    @Option(name: .long, help: "Output format: text, json, md or html.")
    var format: Format = .text

    @OptionGroup var embedding: EmbedderOptions

    @Option(name: .long, help: ArgumentHelp(
        "Also write every pair of sentences from two sources that shares some evidence to FILE (JSON Lines): their offsets, what the alignment read of them, its probability and whether they aligned.",
        discussion: "For inspecting and refitting the alignment (Benchmarks/claims/fit_alignment.py).",
        valueName: "file"))
    var sentencePairs: String?

    func validate() throws {
        guard inputs.count >= 2 else { throw ValidationError("compare needs at least two articles") }
        for entry in published {
            guard let eq = entry.lastIndex(of: "="), CalendarDay(iso: String(entry[entry.index(after: eq)...])) != nil else {
                throw ValidationError("--published expects SOURCE=YYYY-MM-DD, got '\(entry)'")
            }
        }
    }

    func run() throws {
        var pipeline = try Pipeline.standard()
        if let embedder = try embedding.load() {
            // Dense sentence similarity for claim alignment: translations and paraphrases.
            pipeline.comparer = StoryComparator(embedder: embedder, embedderFailed: { error in
                FileHandle.standardError.write(Data("warning: \(error); this report uses lexical evidence only\n".utf8))
            })
        }
        var dates: [String: Date] = [:]
        for entry in published {
            let eq = entry.lastIndex(of: "=")!
            dates[String(entry[..<eq])] = CalendarDay(iso: String(entry[entry.index(after: eq)...]))!.date
        }
        var articles: [Article] = []
        var failed = 0
        for result in pipeline.extract(inputs) {
            switch result {
            case .success(var article):
                if article.published == nil {
                    article.published = dates[article.source] ?? dates[URL(fileURLWithPath: article.source).lastPathComponent]
                }
                articles.append(article)
            case .failure(let error):
                Output.error(error)
                failed += 1
            }
        }
        let names = Set(inputs + inputs.map { URL(fileURLWithPath: $0).lastPathComponent })
        for key in dates.keys.sorted() where !names.contains(key) {
            Output.warning("--published names '\(key)', which is not one of the inputs")
        }
        guard articles.count >= 2 else {
            Output.warning("compare needs at least two readable articles; got \(articles.count)")
            throw ExitCode(1)
        }
        // With --sentence-pairs, one alignment gives both the report and the pairs.
        var pairs: [StoryComparator.SentencePair] = []
        let report: StoryReport
        if sentencePairs != nil {
            let comparator = pipeline.comparer as? StoryComparator ?? StoryComparator()
            (report, pairs) = comparator.compareListingPairs(articles.map(pipeline.annotate))
        } else {
            report = pipeline.compare(articles)
        }
        switch format {
        case .json: Output.write(try ReportRenderer.json(report))
        case .md: Output.write(ReportRenderer.markdown(report))
        case .html: Output.write(ReportRenderer.html(report))
        case .text: Output.write(ReportRenderer.text(report))
        }
        if let sentencePairs { try write(pairs, to: sentencePairs) }
        if failed > 0 { throw ExitCode(1) }
    }

    private func write(_ pairs: [StoryComparator.SentencePair], to path: String) throws {
        let lines = try pairs.map { try ParallaxJSON.line($0) + "\n" }
        do {
            try Data(lines.joined().utf8).write(to: URL(fileURLWithPath: path))
        } catch {
            Output.error(ParallaxError(source: path, reason: .invalidInput("cannot be written (\(error.localizedDescription))")))
            throw ExitCode(1)
        }
    }
}
