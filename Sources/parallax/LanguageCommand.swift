import ArgumentParser
import Foundation
import ParallaxLanguage

struct LanguageCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "language",
        abstract: "Identify the language of each line, or train the language model.",
        subcommands: [Identify.self, Train.self],
        defaultSubcommand: Identify.self
    )

    struct Identify: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Print `code<TAB>confidence` for each input line.",
            discussion: """
                Reads one text per line (a file, or standard input for - or no argument) and \
                writes one line per input line: an ISO 639-1 code (`und` when the line has no \
                letters) and a confidence between 0 and 1. Streams: memory stays flat on any \
                input size. Invalid UTF-8 is read as replacement characters.
                """
        )

        @Argument(help: "A text file with one text per line, or - for standard input.")
        var input: String = "-"

        @Option(name: .long, help: ArgumentHelp("Only consider these languages (comma-separated ISO codes).", valueName: "codes"))
        var candidates: String?

        func run() throws {
            let identifier = try NGramLanguageIdentifier.bundled()
            let allowed = candidates.map { Set($0.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces).lowercased() }.filter { !$0.isEmpty }) }
            if let allowed {
                let unknown = allowed.subtracting(identifier.languageCodes)
                if !unknown.isEmpty { throw ValidationError("unknown language code(s) in --candidates: \(unknown.sorted().joined(separator: ", "))") }
            }
            // Buffered C streams: one line in, one line out, memory flat on any input size.
            guard let output = fdopen(STDOUT_FILENO, "w") else { throw InputError(message: "cannot write to standard output") }
            guard let stream = input == "-" ? fdopen(STDIN_FILENO, "rb") : fopen(input, "rb") else {
                throw InputError(message: "cannot open \(input): \(String(cString: strerror(errno)))")
            }
            defer { fclose(stream) }
            var buffer: UnsafeMutablePointer<CChar>? = nil
            var capacity = 0
            defer { free(buffer) }
            while true {
                let length = getline(&buffer, &capacity, stream)
                guard length >= 0, let buffer else { break }
                let bytes = UnsafeRawBufferPointer(start: buffer, count: length).bindMemory(to: UInt8.self)
                var end = bytes.count
                while end > 0, bytes[end - 1] == 0x0A || bytes[end - 1] == 0x0D { end -= 1 }
                let line = String(decoding: UnsafeBufferPointer(rebasing: bytes[0..<end]), as: UTF8.self)
                let guess = allowed.map { identifier.identify(line, candidates: $0) } ?? identifier.identify(line)
                let out = "\(guess.code)\t\(Self.format(guess.confidence))\n"
                fputs(out, output)
            }
            if ferror(stream) != 0 { throw InputError(message: "error reading \(input)") }
            fflush(output)
        }

        /// Three decimals without Foundation's formatter (this runs once per input line).
        static func format(_ value: Double) -> String {
            let thousandths = Int((min(1, max(0, value)) * 1000).rounded())
            let fraction = String(thousandths % 1000)
            return "\(thousandths / 1000)." + String(repeating: "0", count: 3 - fraction.count) + fraction
        }
    }

    /// A one-line error about the input (no usage text: the arguments were fine).
    struct InputError: Error, CustomStringConvertible {
        let message: String
        var description: String { message }
    }

    struct Train: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Train the language model from a folder of <code>.txt files.",
            discussion: """
                Reads one sentence per line from each <code>.txt (sr-Cyrl.txt: Serbian in \
                Cyrillic, reported as sr), holds out every 10th line, and writes langid.bin, \
                LANGID-ATTRIBUTION.md (from the folder's LICENSES.md and SOURCES.md) and \
                LANGID-EVALUATION.md (accuracy on the held-out lines) to --out. \
                `make langid-model` runs this on ../shared/data/langid-train.
                """
        )

        @Option(name: .long, help: "Folder of training files.")
        var from: String

        @Option(name: .long, help: "Folder to write the model and its attribution to.")
        var out: String

        @Option(name: .long, help: ArgumentHelp("Also write the held-out lines as TSV (code, line, sentence, segment) to this file, for benchmarks. Keep it out of the repository.", valueName: "file"))
        var heldout: String?

        func run() throws {
            let corpus = URL(fileURLWithPath: from)
            let output = URL(fileURLWithPath: out)
            let attribution = try LanguageModelTrainer.attribution(corpus: corpus)
            let result = try LanguageModelTrainer().train(from: corpus) { message in
                FileHandle.standardError.write(Data((message + "\n").utf8))
            }
            try FileManager.default.createDirectory(at: output, withIntermediateDirectories: true)
            try Data(result.model).write(to: output.appendingPathComponent(NGramLanguageIdentifier.modelFileName))
            try Data(attribution.utf8).write(to: output.appendingPathComponent("LANGID-ATTRIBUTION.md"))
            let report = """
                # Language model: held-out accuracy

                Written by `parallax language train`. \(result.languageCount) training files, \
                \(result.featureCount) features, \(result.model.count) bytes. Held-out lines: \
                0-based line numbers n with n % 10 == 9 in each file; segments are their first \
                4–12 words (see `HeldOutSplit`).

                \(result.evaluation.markdown)

                """
            try Data(report.utf8).write(to: output.appendingPathComponent("LANGID-EVALUATION.md"))
            if let heldout {
                var tsv = ""
                for line in try HeldOutSplit.validationLines(corpus: corpus) {
                    tsv += "\(line.code)\t\(line.lineNumber)\t\(line.sentence)\t\(line.segment ?? "")\n"
                }
                try Data(tsv.utf8).write(to: URL(fileURLWithPath: heldout))
            }
            print(result.evaluation.markdown)
        }
    }
}
