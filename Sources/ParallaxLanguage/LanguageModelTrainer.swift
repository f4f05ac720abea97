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
        progress("\(keys.count) features, \(pairs.count) pairs")
        let cases = calibrationCases(model, calibration)
        model.setGroups(try confusableGroups(model, cases: cases, files: files, progress: progress))
        calibrate(&model, cases: cases, progress: progress)
        progress("confidence temperatures " +
                 model.languages.map { "\($0.label) \(String(format: "%.1f", $0.temperature))" }.joined(separator: ", "))
        progress("expected coverage " + model.languages.map { "\($0.label) \(String(format: "%.2f", $0.coverage))" }.joined(separator: ", ") +
                 "; dispersion \(String(format: "%.2f", model.coverageDispersion))")

        let identifier = NGramLanguageIdentifier(model: model)
        let evaluation = HeldOutEvaluation.run(identifier, labels: files.map(\.label), heldOut: heldOut)
        return Result(model: model.serialized(), languageCount: files.count, featureCount: keys.count,
                      evaluation: evaluation)
    }

    /// One calibration text (a calibration line or its headline-length segment) as the first
    /// stage sees it.
    private struct CalibrationCase {
        var truth: Int
        var features: NGramFeatures
        /// Candidate languages (model indices) for the text's scripts.
        var allowed: [Int]
        var scores: LanguageModel.Scores
        /// The allowed language with the highest likelihood.
        var winner: Int
    }

    private func calibrationCases(_ model: LanguageModel, _ calibration: [(language: Int, text: String)]) -> [CalibrationCase] {
        let identifier = NGramLanguageIdentifier(model: model)
        var cases: [CalibrationCase] = []
        for (number, item) in calibration.enumerated() {
            let texts = [item.text, HeldOutSplit.shortSegment(of: item.text, lineNumber: number * 10)].compactMap { $0 }
            for text in texts {
                let features = NGramFeatures(text)
                let allowed = identifier.candidateIndices(for: features)
                guard allowed.contains(item.language) else { continue }
                let scores = model.scores(features)
                let winner = allowed.max { scores.logLikelihoods[$0] < scores.logLikelihoods[$1] }!
                cases.append(CalibrationCase(truth: item.language, features: features, allowed: allowed, scores: scores, winner: winner))
            }
        }
        return cases
    }

    /// A language is confused with another when the first stage gives this share of its
    /// calibration texts to the other.
    public var confusionShare = 0.02

    /// A group's second stage is kept when it gets at least this share more of the group's
    /// calibration texts right than naive Bayes alone (less is within noise, and costs size).
    public var minimumGroupGain = 0.01

    /// Groups of languages (of different codes) that the first stage confuses, joined
    /// transitively, each with a second-stage model trained on its members' training lines
    /// and their headline-length segments.
    private func confusableGroups(_ model: LanguageModel, cases: [CalibrationCase], files: [(label: String, url: URL)],
                                  progress: (String) -> Void) throws -> [ConfusableGroup] {
        let count = model.languages.count
        var totals = [Int](repeating: 0, count: count)
        var confusion = [[Int]](repeating: [Int](repeating: 0, count: count), count: count)
        for item in cases {
            totals[item.truth] += 1
            confusion[item.truth][item.winner] += 1
        }
        var root = Array(0..<count)
        func find(_ i: Int) -> Int { root[i] == i ? i : find(root[i]) }
        for a in 0..<count {
            for b in 0..<count where a != b && model.languages[a].code != model.languages[b].code {
                if Double(confusion[a][b]) >= confusionShare * Double(max(1, totals[a])) {
                    let (ra, rb) = (find(a), find(b))
                    root[max(ra, rb)] = min(ra, rb)
                }
            }
        }
        let memberLists = Dictionary(grouping: 0..<count, by: find).values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
        var groups: [ConfusableGroup] = []
        for members in memberLists {
            var examples: [(member: Int, features: [UInt32])] = []
            for (position, member) in members.enumerated() {
                for (number, line) in try HeldOutSplit.numberedLines(of: files[member].url) where HeldOutSplit.role(ofLine: number) == .training {
                    examples.append((position, ConfusableGroup.features(NGramFeatures(line))))
                    if let segment = HeldOutSplit.shortSegment(of: line, lineNumber: number) {
                        examples.append((position, ConfusableGroup.features(NGramFeatures(segment))))
                    }
                }
            }
            let group = ConfusableGroupTrainer().train(members: members, examples: examples)
            progress("confusable group \(members.map { model.languages[$0].label }.joined(separator: "/")): " +
                     "\(examples.count) training texts, \(group.keys.count) features")
            groups.append(group)
        }
        return groups
    }

    /// Fits the confidence scales on the calibration texts: the first stage's temperatures
    /// (per language that scores best, counting the whole group of the true language as
    /// right, since the second stage decides within it), each group's temperature, and the
    /// expected coverage of each language with its dispersion.
    private func calibrate(_ model: inout LanguageModel, cases: [CalibrationCase], progress: (String) -> Void) {
        // Second stages first: which groups are worth keeping decides what the first stage's
        // confidence has to cover (a dropped group's ambiguity stays in the first stage).
        var byGroup = [[(naiveBayes: [Float], logits: [Float], truth: Int)]](repeating: [], count: model.groups.count)
        for item in cases where item.allowed.count > 1 {
            if let groupIndex = model.groupOfLanguage[item.winner], model.groupOfLanguage[item.truth] == groupIndex {
                let group = model.groups[groupIndex]
                let logits = group.logits(ConfusableGroup.features(item.features))
                byGroup[groupIndex].append((group.members.map { item.scores.logLikelihoods[$0] }, logits, group.members.firstIndex(of: item.truth)!))
            }
        }
        var kept: [ConfusableGroup] = []
        for (index, var group) in model.groups.enumerated() {
            let cases = byGroup[index]
            (group.naiveBayesWeight, group.logitWeight) = fittedGroupWeights(cases)
            func right(_ a: Float, _ b: Float) -> Int {
                cases.filter { item in
                    let combined = item.logits.indices.map { ConfusableGroup.combined(naiveBayes: item.naiveBayes[$0], logit: item.logits[$0], a, b) }
                    return combined.indices.max { combined[$0] < combined[$1] } == item.truth
                }.count
            }
            let both = right(group.naiveBayesWeight, group.logitWeight), naiveBayes = right(1, 0)
            progress("group \(group.members.map { model.languages[$0].label }.joined(separator: "/")), right of \(cases.count) " +
                     "calibration texts: naive Bayes \(naiveBayes), group model \(right(0, 1)), both \(both) " +
                     "(weights \(group.naiveBayesWeight), \(group.logitWeight))")
            // A group whose model adds too little to naive Bayes is left out of the file.
            if Double(both - naiveBayes) >= minimumGroupGain * Double(cases.count) { kept.append(group) }
        }
        model.setGroups(kept)

        func groupOrSelf(_ index: Int) -> Int { model.groupOfLanguage[index].map { -1 - $0 } ?? index }
        var byWinner = [[(scores: [Float], truths: [Int])]](repeating: [], count: model.languages.count)
        for item in cases where item.allowed.count > 1 {
            let truthGroup = groupOrSelf(item.truth)
            let truths = item.allowed.indices.filter { groupOrSelf(item.allowed[$0]) == truthGroup }
            byWinner[item.winner].append((item.allowed.map { item.scores.logLikelihoods[$0] }, truths))
        }
        let overall = fittedTemperature(byWinner.flatMap { $0 }) ?? 1
        for index in model.languages.indices {
            let cases = byWinner[index]
            // Never below the overall fit: a language with no mistakes in calibration would fit
            // the smallest temperature and be overconfident on its first near-tie.
            model.languages[index].temperature = Float(cases.count >= Self.minimumCalibrationCases ? max(overall, fittedTemperature(cases) ?? overall) : overall)
        }

        // Expected coverage per language over its own texts, then the dispersion that gives
        // the standard scores of the calibration texts unit spread. The median of the squared
        // scores, not their mean: texts of names and numbers sit far out and would widen the
        // spread so much that an unknown language passes for a known one.
        var covered = [Double](repeating: 0, count: model.languages.count)
        var coverable = [Double](repeating: 0, count: model.languages.count)
        for item in cases {
            covered[item.truth] += Double(item.scores.covered[item.truth])
            coverable[item.truth] += Double(item.scores.coverable)
        }
        for index in model.languages.indices where coverable[index] > 0 {
            model.languages[index].coverage = Float(covered[index] / coverable[index])
        }
        var squares: [Double] = []
        for item in cases where item.scores.coverable > 0 {
            let expected = Double(model.languages[item.truth].coverage)
            guard expected > 0, expected < 1 else { continue }
            let observed = Double(item.scores.covered[item.truth]) / Double(item.scores.coverable)
            let n = Double(min(item.scores.coverable, LanguageModel.coverageFeatureCap))
            squares.append((observed - expected) * (observed - expected) * n / (expected * (1 - expected)))
        }
        squares.sort()
        // 0.455: the median of a squared standard normal variable.
        model.coverageDispersion = squares.isEmpty ? 1 : Float(max(1, squares[squares.count / 2] / 0.455))
    }

    /// The weights of the naive Bayes log-likelihoods and the group model's logits that
    /// minimise the negative log-likelihood of the true member, on a geometric grid (0
    /// allowed for either, when it adds nothing).
    private func fittedGroupWeights(_ cases: [(naiveBayes: [Float], logits: [Float], truth: Int)]) -> (Float, Float) {
        guard !cases.isEmpty else { return (0, 1) }
        let grid: [Float] = [0] + (0..<30).map { Float(pow(1.5, Double($0 - 20))) }
        var best = (naiveBayes: Float(0), logit: Float(1), loss: Double.infinity)
        for a in grid {
            for b in grid where a > 0 || b > 0 {
                var loss = 0.0
                for item in cases {
                    let combined = item.logits.indices.map { ConfusableGroup.combined(naiveBayes: item.naiveBayes[$0], logit: item.logits[$0], a, b) }
                    let top = combined.max()!
                    let total = combined.reduce(0.0) { $0 + exp($1 - top) }
                    loss -= combined[item.truth] - top - log(total)
                }
                if loss < best.loss { best = (a, b, loss) }
            }
        }
        return (best.naiveBayes, best.logit)
    }

    /// Calibration cases a language needs before it gets a temperature of its own.
    static let minimumCalibrationCases = 40

    /// The temperature minimising the negative log-likelihood of the right answers (the
    /// probability summed over `truths`), searched on a geometric grid.
    private func fittedTemperature(_ cases: [(scores: [Float], truths: [Int])]) -> Double? {
        guard !cases.isEmpty else { return nil }
        var best = (temperature: 1.0, loss: Double.infinity)
        var temperature = 1.0
        while temperature <= 1024 {
            var loss = 0.0
            for item in cases {
                let top = Double(item.scores.max()!)
                let total = item.scores.reduce(0.0) { $0 + exp((Double($1) - top) / temperature) }
                let right = item.truths.reduce(0.0) { $0 + exp((Double(item.scores[$1]) - top) / temperature) }
                loss -= log(max(right / total, 1e-300))
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
        /// Sums of the confidences answered, to set beside the accuracy: honest means close.
        public var sentenceConfidence = 0.0
        public var segmentConfidence = 0.0
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
            rows[item.language].sentenceConfidence += guess.confidence
            if let segment = HeldOutSplit.shortSegment(of: item.text, lineNumber: item.lineNumber) {
                let guess = identifier.identify(segment)
                rows[item.language].segments += 1
                if guess.code == expected { rows[item.language].segmentsCorrect += 1 }
                segmentConfidence += guess.confidence
                rows[item.language].segmentConfidence += guess.confidence
            }
        }
        let sentences = max(1, rows.reduce(0) { $0 + $1.sentences })
        let segments = max(1, rows.reduce(0) { $0 + $1.segments })
        return HeldOutEvaluation(rows: rows, meanSentenceConfidence: sentenceConfidence / Double(sentences),
                                 meanSegmentConfidence: segmentConfidence / Double(segments))
    }

    /// A Markdown table, one row per language, then the totals.
    public var markdown: String {
        var lines = ["| language | sentences | accuracy | mean confidence | segments (4–12 words) | accuracy | mean confidence |",
                     "|---|---:|---:|---:|---:|---:|---:|"]
        func pct(_ v: Double) -> String { String(format: "%.1f %%", 100 * v) }
        func mean(_ sum: Double, _ count: Int) -> String { String(format: "%.2f", count == 0 ? 0 : sum / Double(count)) }
        for row in rows {
            lines.append("| \(row.label) | \(row.sentences) | \(pct(row.sentenceAccuracy)) | \(mean(row.sentenceConfidence, row.sentences)) " +
                         "| \(row.segments) | \(pct(row.segmentAccuracy)) | \(mean(row.segmentConfidence, row.segments)) |")
        }
        let sentences = rows.reduce(0) { $0 + $1.sentences }
        let segments = rows.reduce(0) { $0 + $1.segments }
        lines.append("| **all** | \(sentences) | \(pct(sentenceAccuracy)) | \(String(format: "%.2f", meanSentenceConfidence)) " +
                     "| \(segments) | \(pct(segmentAccuracy)) | \(String(format: "%.2f", meanSegmentConfidence)) |")
        return lines.joined(separator: "\n")
    }
}
