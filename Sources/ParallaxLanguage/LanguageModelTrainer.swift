import Foundation

/// Which part of the training corpus a line belongs to. The rule depends only on the line's
/// 0-based number in its `<label>.txt` file, so a benchmark can rebuild the held-out set.
public enum HeldOutSplit {
    public enum Role: Sendable { case training, calibration, validation }

    /// Every 10th line (numbers 9, 19, 29 …) is held out for validation and never trained on;
    /// every 20th line from number 4 (4, 24, 44 …) only calibrates the confidence scale.
    public static func role(ofLine number: Int) -> Role {
        if number % 10 == 9 { return .validation }
        if number % 20 == 4 { return .calibration }
        return .training
    }

    /// The headline-length segment (4–12 words) evaluated for a held-out line: its first k
    /// words with k = 4 + (number / 10) mod 9; for text written without spaces, its first
    /// 2k characters. nil when the line is shorter than that.
    public static func shortSegment(of line: String, lineNumber number: Int) -> String? {
        let k = 4 + (number / 10) % 9
        let words = line.split(whereSeparator: \.isWhitespace)
        if words.count >= 4 { return words.prefix(k).joined(separator: " ") }
        let scalars = Array(line.unicodeScalars)
        let unspaced = scalars.contains { CharacterTable.script($0.value).isWrittenWithoutSpaces }
        guard unspaced, scalars.count >= 2 * k + 2 else { return nil }
        var segment = String.UnicodeScalarView()
        segment.append(contentsOf: scalars.prefix(2 * k))
        return String(segment)
    }

    /// The validation lines of a corpus folder with their short segments, for benchmarks:
    /// (language code, line number, sentence, segment).
    public static func validationLines(corpus directory: URL) throws -> [(code: String, lineNumber: Int, sentence: String, segment: String?)] {
        var result: [(code: String, lineNumber: Int, sentence: String, segment: String?)] = []
        for file in try corpusFiles(in: directory) {
            let code = LanguageModel.Language.code(ofLabel: file.label)
            for (number, line) in try numberedLines(of: file.url) where role(ofLine: number) == .validation {
                result.append((code, number, line, shortSegment(of: line, lineNumber: number)))
            }
        }
        return result
    }

    /// Reads one training file as (line number, text) pairs, empty lines skipped.
    static func numberedLines(of url: URL) throws -> [(Int, String)] {
        let text = String(decoding: try Data(contentsOf: url), as: UTF8.self)
        return text.split(separator: "\n", omittingEmptySubsequences: false).enumerated().compactMap { number, line in
            let trimmed = line.trimmingCharacters(in: .whitespacesAndNewlines)
            return trimmed.isEmpty ? nil : (number, trimmed)
        }
    }

    /// The training files of a corpus folder: label ("sr-Cyrl") → file.
    static func corpusFiles(in directory: URL) throws -> [(label: String, url: URL)] {
        try FileManager.default.contentsOfDirectory(at: directory, includingPropertiesForKeys: nil)
            .filter { $0.pathExtension == "txt" }
            .map { ($0.deletingPathExtension().lastPathComponent, $0) }
            .sorted { $0.0 < $1.0 }
    }
}

/// Trains the n-gram language model from a folder of `<label>.txt` files, one sentence a line.
public struct LanguageModelTrainer: Sendable {
    /// Additive smoothing of n-gram counts.
    public var smoothing: Double = 0.5
    /// A (feature, language) pair seen fewer times is left to the smoothing floor; this keeps
    /// the model a few MB and drops one-off names.
    public var minimumCount: UInt32 = 5
    /// A script must hold this share of a language's training letters to count as its script
    /// (Japanese: Hiragana, Han and Katakana; Thai: not the Latin of its quoted names).
    public var scriptShare = 0.15

    public init() {}

    public struct Result: Sendable {
        /// The model file's bytes.
        public var model: [UInt8]
        public var languageCount: Int
        public var featureCount: Int
        public var evaluation: HeldOutEvaluation
    }

    public func train(from directory: URL, progress: (String) -> Void = { _ in }) throws -> Result {
        let files = try HeldOutSplit.corpusFiles(in: directory)
        guard !files.isEmpty, files.count <= 255 else {
            throw NGramLanguageIdentifier.LoadError(description: "\(directory.path): expected 1–255 <language>.txt files, found \(files.count)")
        }
        var allKeys = Set<UInt32>()
        var kept: [(key: UInt32, language: UInt8, count: UInt32)] = []
        var totals: [[Double]] = []
        var masks: [UInt32] = []
        var heldOut: [(language: Int, lineNumber: Int, text: String)] = []
        var calibration: [(language: Int, text: String)] = []

        for (index, file) in files.enumerated() {
            var counts: [UInt32: UInt32] = [:]
            var perOrder = [Double](repeating: 0, count: NGramFeatures.orderCount)
            var scripts = [Int](repeating: 0, count: Script.allCases.count)
            var letters = 0
            for (number, line) in try HeldOutSplit.numberedLines(of: file.url) {
                switch HeldOutSplit.role(ofLine: number) {
                case .validation: heldOut.append((index, number, line)); continue
                case .calibration: calibration.append((index, line)); continue
                case .training: break
                }
                let features = NGramFeatures(line)
                for key in features.hashes { counts[key, default: 0] += 1 }
                for order in 0..<NGramFeatures.orderCount { perOrder[order] += Double(features.perOrder[order]) }
                for (script, count) in features.scriptLetters.enumerated() { scripts[script] += count }
                letters += features.letterCount
            }
            var mask: UInt32 = 0
            for (script, count) in scripts.enumerated() where letters > 0 && Double(count) >= scriptShare * Double(letters) {
                mask |= Script(rawValue: UInt8(script))!.bit
            }
            for (key, count) in counts {
                allKeys.insert(key)
                if count >= minimumCount { kept.append((key, UInt8(index), count)) }
            }
            totals.append(perOrder)
            masks.append(mask)
            let scriptNames = Script.allCases.filter { mask & $0.bit != 0 }.map { "\($0)" }.joined(separator: "+")
            progress("\(file.label): \(counts.count) features, scripts \(scriptNames)")
        }

        // Distinct features per order over all languages: the vocabulary size of the smoothing.
        var vocabulary = [Double](repeating: 0, count: NGramFeatures.orderCount)
        for key in allKeys { vocabulary[NGramFeatures.order(ofKey: key)] += 1 }

        let alpha = smoothing
        let largest = Double(kept.map(\.count).max() ?? 1)
        let step = log((largest + alpha) / alpha) / 255
        var languages: [LanguageModel.Language] = []
        for (index, file) in files.enumerated() {
            var floors = [Float](repeating: 0, count: NGramFeatures.orderCount)
            for order in 1..<NGramFeatures.orderCount {
                floors[order] = Float(log(alpha / (totals[index][order] + alpha * max(1, vocabulary[order]))))
            }
            languages.append(LanguageModel.Language(label: file.label, scripts: masks[index], floors: floors))
        }

        kept.sort { $0.key != $1.key ? $0.key < $1.key : $0.language < $1.language }
        var keys: [UInt32] = []
        var starts: [UInt32] = []
        var pairs: [UInt16] = []
        keys.reserveCapacity(kept.count / 3)
        pairs.reserveCapacity(kept.count)
        for entry in kept {
            if keys.last != entry.key {
                keys.append(entry.key)
                starts.append(UInt32(pairs.count))
        guard pairs.count < LanguageModel.maximumPairs else {
            throw NGramLanguageIdentifier.LoadError(description: "\(pairs.count) (feature, language) pairs exceed the model format; raise minimumCount")
        }
            }
            let q = (log((Double(entry.count) + alpha) / alpha) / step).rounded()
            pairs.append(UInt16(entry.language) << 8 | UInt16(min(255, max(1, q))))
        }
        starts.append(UInt32(pairs.count))
        guard pairs.count < LanguageModel.maximumPairs else {
            throw NGramLanguageIdentifier.LoadError(description: "\(pairs.count) (feature, language) pairs exceed the model format; raise minimumCount")
        }

        var model = LanguageModel(languages: languages, step: Float(step), keys: keys, pairStarts: starts, pairs: pairs)
        let temperatures = calibratedTemperatures(model, calibration)
        for index in model.languages.indices { model.languages[index].temperature = Float(temperatures[index]) }
        progress("\(keys.count) features, \(pairs.count) pairs; confidence temperatures " +
                 model.languages.map { "\($0.label) \(String(format: "%.1f", $0.temperature))" }.joined(separator: ", "))

        let identifier = NGramLanguageIdentifier(model: model)
        let evaluation = HeldOutEvaluation.run(identifier, labels: files.map(\.label), heldOut: heldOut)
        return Result(model: model.serialized(), languageCount: files.count, featureCount: keys.count,
                      evaluation: evaluation)
    }

    /// Confidence temperatures: per language that scores best, the temperature minimising the
    /// negative log-likelihood of the true language on the calibration lines (and their
    /// headline-length segments) where it scored best, but at least the overall fit, which
    /// also serves languages that scored best too rarely to fit their own.
    private func calibratedTemperatures(_ model: LanguageModel, _ calibration: [(language: Int, text: String)]) -> [Double] {
        let identifier = NGramLanguageIdentifier(model: model)
        var byWinner = [[(scores: [Float], truth: Int)]](repeating: [], count: model.languages.count)
        for (number, item) in calibration.enumerated() {
            let texts = [item.text, HeldOutSplit.shortSegment(of: item.text, lineNumber: number * 10)].compactMap { $0 }
            for text in texts {
                let features = NGramFeatures(text)
                let allowed = identifier.candidateIndices(for: features)
                guard allowed.count > 1, let truth = allowed.firstIndex(of: item.language) else { continue }
                let all = model.logLikelihoods(features)
                let scores = allowed.map { all[$0] }
                let winner = allowed[scores.indices.max { scores[$0] < scores[$1] }!]
                byWinner[winner].append((scores, truth))
            }
        }
        let overall = fittedTemperature(byWinner.flatMap { $0 }) ?? 1
        // Never below the overall fit: a language with no mistakes in calibration would fit
        // the smallest temperature and be overconfident on its first near-tie.
        return byWinner.map { cases in cases.count >= Self.minimumCalibrationCases ? max(overall, fittedTemperature(cases) ?? overall) : overall }
    }

    /// Calibration cases a language needs before it gets a temperature of its own.
    static let minimumCalibrationCases = 40

    private func fittedTemperature(_ cases: [(scores: [Float], truth: Int)]) -> Double? {
        guard !cases.isEmpty else { return nil }
        var best = (temperature: 1.0, loss: Double.infinity)
        var temperature = 1.0
        while temperature <= 1024 {
            var loss = 0.0
            for item in cases {
                let top = Double(item.scores.max()!)
                let total = item.scores.reduce(0.0) { $0 + exp((Double($1) - top) / temperature) }
                loss -= (Double(item.scores[item.truth]) - top) / temperature - log(total)
            }
            if loss < best.loss { best = (temperature, loss) }
            temperature *= 1.2
        }
        return best.temperature
    }

    /// LANGID-ATTRIBUTION.md: the corpus's licence and source notices, which must ship with
    /// anything derived from it.
    public static func attribution(corpus directory: URL) throws -> String {
        let licenses = String(decoding: try Data(contentsOf: directory.appendingPathComponent("LICENSES.md")), as: UTF8.self)
        let sources = String(decoding: try Data(contentsOf: directory.appendingPathComponent("SOURCES.md")), as: UTF8.self)
        return """
            # Attribution for the language model (langid.bin)

            `langid.bin` holds hashed character n-gram statistics computed by \
            `parallax language train` from the `langid-train` corpus. The corpus text itself is \
            not part of this repository. Its licences require the attribution below; it is \
            copied unchanged from the corpus's LICENSES.md and SOURCES.md.

            Held-out split: line numbers (0-based, per file) n with n % 10 == 9 are never \
            trained on (validation); lines with n % 20 == 4 only calibrate the confidence scale.

            ---

            \(licenses.trimmingCharacters(in: .whitespacesAndNewlines))

            ---

            \(sources.trimmingCharacters(in: .whitespacesAndNewlines))

            """
    }
}

/// Accuracy of an identifier on the held-out lines, as full sentences and as
/// headline-length segments.
public struct HeldOutEvaluation: Sendable {
    public struct Row: Sendable {
        public var label: String
        public var sentences = 0
        public var sentencesCorrect = 0
        public var segments = 0
        public var segmentsCorrect = 0
        public var sentenceAccuracy: Double { sentences == 0 ? 0 : Double(sentencesCorrect) / Double(sentences) }
        public var segmentAccuracy: Double { segments == 0 ? 0 : Double(segmentsCorrect) / Double(segments) }
    }

    public var rows: [Row]
    /// Mean confidence of the answers (to compare with the accuracy: honest means close).
    public var meanSentenceConfidence: Double
    public var meanSegmentConfidence: Double

    public var sentenceAccuracy: Double { ratio(\.sentencesCorrect, \.sentences) }
    public var segmentAccuracy: Double { ratio(\.segmentsCorrect, \.segments) }

    private func ratio(_ correct: KeyPath<Row, Int>, _ total: KeyPath<Row, Int>) -> Double {
        let t = rows.reduce(0) { $0 + $1[keyPath: total] }
        return t == 0 ? 0 : Double(rows.reduce(0) { $0 + $1[keyPath: correct] }) / Double(t)
    }

    static func run(_ identifier: NGramLanguageIdentifier, labels: [String],
                    heldOut: [(language: Int, lineNumber: Int, text: String)]) -> HeldOutEvaluation {
        var rows = labels.map { Row(label: $0) }
        var sentenceConfidence = 0.0
        var segmentConfidence = 0.0
        for item in heldOut {
            let expected = LanguageModel.Language.code(ofLabel: labels[item.language])
            let guess = identifier.identify(item.text)
            rows[item.language].sentences += 1
            if guess.code == expected { rows[item.language].sentencesCorrect += 1 }
            sentenceConfidence += guess.confidence
            if let segment = HeldOutSplit.shortSegment(of: item.text, lineNumber: item.lineNumber) {
                let guess = identifier.identify(segment)
                rows[item.language].segments += 1
                if guess.code == expected { rows[item.language].segmentsCorrect += 1 }
                segmentConfidence += guess.confidence
            }
        }
        let sentences = max(1, rows.reduce(0) { $0 + $1.sentences })
        let segments = max(1, rows.reduce(0) { $0 + $1.segments })
        return HeldOutEvaluation(rows: rows, meanSentenceConfidence: sentenceConfidence / Double(sentences),
                                 meanSegmentConfidence: segmentConfidence / Double(segments))
    }

    /// A Markdown table, one row per language, then the totals.
    public var markdown: String {
        var lines = ["| language | sentences | accuracy | segments (4–12 words) | accuracy |", "|---|---:|---:|---:|---:|"]
        func pct(_ v: Double) -> String { String(format: "%.1f %%", 100 * v) }
        for row in rows {
            lines.append("| \(row.label) | \(row.sentences) | \(pct(row.sentenceAccuracy)) | \(row.segments) | \(pct(row.segmentAccuracy)) |")
        }
        let sentences = rows.reduce(0) { $0 + $1.sentences }
        let segments = rows.reduce(0) { $0 + $1.segments }
        lines.append("| **all** | \(sentences) | \(pct(sentenceAccuracy)) | \(segments) | \(pct(segmentAccuracy)) |")
        lines.append("")
        lines.append("Mean confidence: sentences \(String(format: "%.3f", meanSentenceConfidence)), segments \(String(format: "%.3f", meanSegmentConfidence)).")
        return lines.joined(separator: "\n")
    }
}
