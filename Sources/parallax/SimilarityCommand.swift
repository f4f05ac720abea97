import ArgumentParser
import Foundation
import ParallaxCluster
import ParallaxCore

struct SimilarityCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "similarity",
        abstract: "Score pairs of news texts for whether they report the same event.",
        discussion: """
            Reads JSON Lines {"pair_id", "text1", "text2", "lang1"?, "lang2"?, "published1"?, \
            "published2"?} and writes {"pair_id", "similarity"} per pair, with similarity in \
            [0, 1] (1 = same event). Languages may differ. A file is read twice: first to learn \
            how common each word is over all its texts, then to score; standard input is scored \
            in one pass, learning as it goes. A bad line gets a one-line error on stderr naming \
            the line; the other lines are still scored, and the exit status is 1.
            """
    )

    @Argument(help: "A JSON Lines file, or - for standard input.")
    var input: String = "-"

    @Option(name: .long, help: "Feature depth: fast (tokens, stems, names, numbers) or full (adds the annotator's entities and dates).")
    var features: FeatureExtractor.Depth = .full

    @Flag(name: .long, help: "Add each feature similarity (terms, word n-grams, names, entities, numbers, dates, countries, name sounds) to the output; without an embedder also those of the texts' leads (\"lead\") and the score of the whole texts alone (\"without_lead\").")
    var explain = false

    @OptionGroup var embedding: EmbedderOptions

    /// Pairs embedded together when an embedder is in use (it is parallel across texts).
    static let embeddingBatch = 32

    func run() throws {
        let embedder = try embedding.load()
        var scorer = PairScorer(extractor: FeatureExtractor(depth: features), identifier: languageIdentifier())
        let reader: JSONLinesReader
        do throws(ParallaxError) { reader = try JSONLinesReader(path: input) } catch {
            Output.error(error)
            throw ExitCode(1)
        }
        let batch = input != "-"
        if batch {
            // First pass: document frequencies over every text of the file.
            for line in reader {
                if case .success(let pair) = reader.decode(line, TextPair.init(record:)) { scorer.learn(pair) }
            }
        }
        var failed = 0
        // Without an embedder each pair is scored as it is read; with one, a few at a time.
        var pending: [TextPair] = []
        func scorePending() throws {
            guard !pending.isEmpty else { return }
            var embeddings: [[Float]]?
            if let embedder {
                do throws(ParallaxError) { embeddings = try embedder.embed(pending.flatMap { [$0.text1, $0.text2] }) } catch {
                    Output.error(error)
                    throw ExitCode(1)
                }
            }
            for (i, pair) in pending.enumerated() {
                let scored = scorer.score(pair, learning: !batch, embeddings: embeddings.map { ($0[2 * i], $0[2 * i + 1]) })
                Output.line(Self.json(pair.id, scored, explain: explain))
            }
            pending.removeAll(keepingCapacity: true)
        }
        for line in reader {
            switch reader.decode(line, TextPair.init(record:)) {
            case nil: continue
            case .success(let pair):
                pending.append(pair)
                if embedder == nil || pending.count == Self.embeddingBatch { try scorePending() }
            case .failure(let error):
                try scorePending()
                Output.error(error)
                failed += 1
            }
        }
        try scorePending()
        if failed > 0 { throw ExitCode(1) }
    }

    static func json(_ id: String, _ scored: PairScorer.Scored, explain: Bool) -> String {
        var fields = ["\"pair_id\":" + JSONText.quoted(id), "\"similarity\":" + JSONText.number(scored.score)]
        if explain {
            fields += Self.fields(scored.components)
            if let lead = scored.lead {
                fields.append("\"lead\":{" + Self.fields(lead).filter { !$0.hasPrefix("\"cross_lingual\"") }.joined(separator: ",") + "}")
                fields.append("\"without_lead\":" + JSONText.number(scored.withoutLead))
            }
        }
        return "{" + fields.joined(separator: ",") + "}"
    }

    /// The feature similarities as JSON fields, in a fixed order (shared with `cluster --explain`).
    static func fields(_ c: SimilarityComponents) -> [String] {
        var fields = ["\"terms\":" + JSONText.number(c.terms), "\"word_grams\":" + JSONText.number(c.wordGrams),
                      "\"names\":" + JSONText.number(c.names), "\"entities\":" + JSONText.number(c.entities),
                      "\"numbers\":" + JSONText.number(c.numbers), "\"dates\":" + JSONText.number(c.dates),
                      "\"countries\":" + JSONText.number(c.countries), "\"name_sounds\":" + JSONText.number(c.nameSounds)]
        if let dense = c.dense { fields.append("\"dense\":" + JSONText.number(dense)) }
        fields.append("\"cross_lingual\":" + (c.crossLingual ? "true" : "false"))
        return fields
    }
}

extension FeatureExtractor.Depth: ExpressibleByArgument {}

/// Small JSON writing for the streaming commands (one short object per line; faster and
/// with a fixed key order, unlike going through JSONEncoder for every record).
enum JSONText {
    static func quoted(_ string: String) -> String {
        var out = "\""
        for scalar in string.unicodeScalars {
            switch scalar {
            case "\"": out += "\\\""
            case "\\": out += "\\\\"
            case "\n": out += "\\n"
            case "\r": out += "\\r"
            case "\t": out += "\\t"
            case _ where scalar.value < 0x20: out += String(format: "\\u%04x", scalar.value)
            default: out.unicodeScalars.append(scalar)
            }
        }
        return out + "\""
    }

    /// Four decimals: enough for a score, and stable across platforms.
    static func number(_ value: Double) -> String { String(format: "%.4f", value) }
}
