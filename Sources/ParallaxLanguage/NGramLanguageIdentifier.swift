import Foundation
import ParallaxCore

/// Identifies the language of a text from character n-grams.
///
/// Script first: a script that only one known language uses decides directly (Greek → el,
/// kana → ja); otherwise the languages written in the text's script compete under a naive
/// Bayes model of hashed character 2–5-grams and whole words (`LanguageModel`), trained by
/// `parallax language train` from `langid-train/`. Languages it confuses with each other
/// (found in training: da/nb/nn, id/ms …) get a second, discriminative stage
/// (`ConfusableGroup`). Confidence is the softened posterior: close relatives (hr/sr/bs) and
/// short texts get low values, and so does text whose longer n-grams and words the best
/// language has mostly never seen (a language outside the model, or no language at all);
/// text without letters is `und`.
public struct NGramLanguageIdentifier: LanguageIdentifier {
    /// Errors loading a model file.
    public struct LoadError: Error, Sendable, CustomStringConvertible {
        public let description: String
    }

    let model: LanguageModel
    /// For each script (raw value), the indices of the model languages written in it.
    private let languagesByScript: [[Int]]
    /// The distinct codes the model reports, and each model language's index among them
    /// ("sr" and "sr-Cyrl" share one).
    private let codes: [String]
    private let codeIndex: [Int]

    /// Reads a model written by `LanguageModelTrainer`.
    public init(contentsOf url: URL) throws {
        let data: Data
        do { data = try Data(contentsOf: url) } catch {
            throw LoadError(description: "cannot read language model \(url.path): \(error.localizedDescription)")
        }
        do { try self.init(model: LanguageModel(serialized: data)) } catch {
            throw LoadError(description: "\(url.path): \(error)")
        }
    }

    init(model: LanguageModel) {
        self.model = model
        var byScript = [[Int]](repeating: [], count: Script.allCases.count)
        for (index, language) in model.languages.enumerated() {
            for script in Script.allCases where language.scripts & script.bit != 0 {
                byScript[Int(script.rawValue)].append(index)
            }
        }
        languagesByScript = byScript
        var codes: [String] = []
        codeIndex = model.languages.map { language in
            if let index = codes.firstIndex(of: language.code) { return index }
            codes.append(language.code)
            return codes.count - 1
        }
        self.codes = codes
    }

    /// File name of the model inside the module's resources.
    public static let modelFileName = "langid.bin"

    private static let bundledModel: Result<NGramLanguageIdentifier, LoadError> = {
        guard let url = LanguageResources.url(modelFileName) else {
            return .failure(LoadError(description: "the language model \(modelFileName) is missing from the bundle; run `make langid-model`"))
        }
        do { return .success(try NGramLanguageIdentifier(contentsOf: url)) } catch let error as LoadError {
            return .failure(error)
        } catch {
            return .failure(LoadError(description: "\(error)"))
        }
    }()

    /// The model shipped in the package's resources (loaded once, then shared).
    public static func bundled() throws -> NGramLanguageIdentifier {
        try bundledModel.get()
    }

    /// The ISO 639-1 codes this identifier can return (besides `und`).
    public var languageCodes: [String] { codes }

    public func identify(_ text: String) -> LanguageGuess {
        ranked(text, limit: 1).first ?? .undetermined
    }

    /// The most likely language among `candidates` (ISO codes); the text's script still
    /// rules, unless none of the candidates is written in it.
    public func identify(_ text: String, candidates: Set<String>) -> LanguageGuess {
        ranked(text, candidates: candidates, limit: 1).first ?? .undetermined
    }

    /// The likeliest languages, best first, with confidences that sum to at most 1.
    /// Empty when the text has no letters or is written in a script no known language uses.
    public func ranked(_ text: String, candidates: Set<String>? = nil, limit: Int = 5) -> [LanguageGuess] {
        ranked(NGramFeatures(text), candidates: candidates, limit: limit)
    }

    func ranked(_ features: NGramFeatures, candidates: Set<String>?, limit: Int) -> [LanguageGuess] {
        guard features.letterCount > 0, limit > 0 else { return [] }
        var allowed = candidateIndices(for: features)
        if let candidates {
            let chosen = allowed.filter { candidates.contains(codes[codeIndex[$0]]) }
            allowed = chosen.isEmpty ? model.languages.indices.filter { candidates.contains(codes[codeIndex[$0]]) } : chosen
        }
        guard !allowed.isEmpty else { return [] }

        var probabilities = [Double](repeating: 0, count: codes.count)
        var familiarity = 1.0
        if allowed.count == 1 {
            probabilities[codeIndex[allowed[0]]] = 1
        } else {
            let scores = model.scores(features)
            let posterior = languagePosterior(features, scores: scores.logLikelihoods, allowed: allowed)
            for (index, probability) in zip(allowed, posterior) { probabilities[codeIndex[index]] += probability }
            let best = allowed[posterior.indices.max { posterior[$0] < posterior[$1] }!]
            familiarity = self.familiarity(scores, language: best)
        }
        // Even a decisive script or n-gram profile says little about two or three letters.
        let evidence = familiarity * (1 - exp(-Double(features.letterCount) / NGramLanguageIdentifier.evidenceLetters))
        var order = probabilities.indices.filter { probabilities[$0] > 0 }
        if limit == 1 {
            order = order.max { probabilities[$0] < probabilities[$1] || (probabilities[$0] == probabilities[$1] && codes[$0] > codes[$1]) }.map { [$0] } ?? []
        } else {
            order.sort { probabilities[$0] != probabilities[$1] ? probabilities[$0] > probabilities[$1] : codes[$0] < codes[$1] }
        }
        return order.prefix(limit).map {
            LanguageGuess(code: codes[$0], confidence: min(1, max(0, probabilities[$0] * evidence)))
        }
    }

    /// Probabilities of the `allowed` languages (model indices), in their order: the naive
    /// Bayes posterior, softened by the best language's temperature; when that language
    /// belongs to a confusable group, the group's share is split among its allowed members by
    /// the group's own model together with the members' likelihoods.
    func languagePosterior(_ features: NGramFeatures, scores: [Float], allowed: [Int]) -> [Double] {
        var top = allowed[0]
        for index in allowed where scores[index] > scores[top] { top = index }
        let best = scores[top], temperature = model.languages[top].temperature
        var posterior = allowed.map { exp(Double((scores[$0] - best) / temperature)) }
        let total = posterior.reduce(0, +)
        for i in posterior.indices { posterior[i] /= total }
        guard let groupIndex = model.groupOfLanguage[top] else { return posterior }
        let group = model.groups[groupIndex]
        // Positions in `allowed` and in the group's members of the allowed members.
        var places: [(allowed: Int, member: Int)] = []
        for (position, member) in group.members.enumerated() {
            if let place = allowed.firstIndex(of: member) { places.append((place, position)) }
        }
        guard places.count > 1 else { return posterior }
        let share = places.reduce(0.0) { $0 + posterior[$1.allowed] }
        let split = group.probabilities(features, logLikelihoods: scores, positions: places.map(\.member))
        for (place, probability) in zip(places, split) { posterior[place.allowed] = share * probability }
        return posterior
    }

    /// How well the language's statistics explain the text, from 1 (as well as its own
    /// text on average, or nearly) down to 0 (far less than any text of it did in
    /// calibration): the share of the text's longer n-grams the language has seen, as a
    /// standard score against the language's expected share.
    func familiarity(_ scores: LanguageModel.Scores, language: Int) -> Double {
        guard scores.coverable > 0 else { return 1 }
        let expected = Double(model.languages[language].coverage)
        let observed = Double(scores.covered[language]) / Double(scores.coverable)
        let n = Double(min(scores.coverable, LanguageModel.coverageFeatureCap))
        let spread = (expected * (1 - expected) * Double(model.coverageDispersion) / n).squareRoot()
        guard spread > 0 else { return 1 }
        let z = (observed - expected) / spread
        let (full, none) = NGramLanguageIdentifier.familiarityScores
        return min(1, max(0, (z - none) / (full - none)))
    }

    /// Standard scores of coverage at which familiarity is full and at which it is zero.
    /// Calibration gives the scores of known-language texts unit spread around 0; Esperanto
    /// or Latin read as Spanish or Catalan score about −3 to −4 (their letter sequences are
    /// Romance, their words are not), so familiarity must already fall below −1.5.
    static let familiarityScores = (full: -1.5, none: -3.5)

    /// Sentences whose guess is less sure than this join the run before them rather than
    /// start a run of their own ("Tagged:", "OK." between two English sentences).
    static let runSwitchConfidence = 0.5

    /// Language runs of a text (a paragraph, an article): consecutive sentences in one
    /// language form one run, so a switch of language inside a paragraph shows as two runs.
    /// Spans are scalar offsets into `text`; runs without letters are left out.
    public func languageRuns(in text: String) -> [LanguageRun] {
        var runs: [LanguageRun] = []
        for span in SentenceSplitter(language: "und").sentences(in: text) {
            let guess = identify(text.substring(span))
            guard guess.code != LanguageGuess.undetermined.code else { continue }
            if let last = runs.last, last.guess.code == guess.code || guess.confidence < Self.runSwitchConfidence {
                runs[runs.count - 1].span.end = span.end
            } else {
                runs.append(LanguageRun(span: span, guess: guess))
            }
        }
        // An unsure opening sentence belongs to the run after it.
        if runs.count > 1, runs[0].guess.confidence < Self.runSwitchConfidence {
            runs[1].span.start = runs[0].span.start
            runs.removeFirst()
        }
        // The confidence of a run is that of its whole text.
        return runs.map { run in
            let guess = identify(text.substring(run.span))
            return LanguageRun(span: run.span, guess: guess.code == run.guess.code ? guess : run.guess)
        }
    }

    /// Letters at which the length factor of the confidence reaches 1 - 1/e.
    static let evidenceLetters = 4.0
    /// A secondary script must hold this share of the letters to narrow the candidates
    /// (kana beside Han → Japanese); less is a quoted name or a stray symbol.
    static let secondaryScriptShare = 0.1

    /// Model languages written in the text's dominant script, narrowed by any other script
    /// with a real share of the letters when some languages use both.
    func candidateIndices(for features: NGramFeatures) -> [Int] {
        let dominant = features.dominantScript
        var allowed = languagesByScript[Int(dominant.rawValue)]
        for (index, count) in features.scriptLetters.enumerated() where index != Int(dominant.rawValue) && count > 0 {
            guard Double(count) >= NGramLanguageIdentifier.secondaryScriptShare * Double(features.letterCount) else { continue }
            let also = Set(languagesByScript[index])
            let narrowed = allowed.filter { also.contains($0) }
            if !narrowed.isEmpty { allowed = narrowed }
        }
        return allowed
    }
}

/// Files in the module's `Resources` folder.
enum LanguageResources {
    /// The copied `Resources` folder. Where it lands differs by platform (Linux resource
    /// bundles report `<bundle>/Resources` as their resource URL, Apple bundles
    /// `<bundle>/Contents/Resources`), so look for its README in each candidate.
    static let directory: URL? = {
        let bundle = Bundle.module
        let candidates = [bundle.resourceURL?.appendingPathComponent("Resources"), bundle.bundleURL.appendingPathComponent("Resources"),
                          bundle.resourceURL].compactMap { $0 }
        return candidates.first { FileManager.default.fileExists(atPath: $0.appendingPathComponent("README.md").path) }
    }()

    static func url(_ relativePath: String) -> URL? {
        guard let url = directory?.appendingPathComponent(relativePath),
              FileManager.default.fileExists(atPath: url.path) else { return nil }
        return url
    }

    /// Lines of a text resource without comments (`#`) and blank lines; [] when absent.
    static func lines(_ relativePath: String) -> [String] {
        guard let url = url(relativePath), let data = try? Data(contentsOf: url) else { return [] }
        return String(decoding: data, as: UTF8.self)
            .split(whereSeparator: \.isNewline)
            .map { $0.trimmingCharacters(in: .whitespaces) }
            .filter { !$0.isEmpty && !$0.hasPrefix("#") }
    }
}

/// A stretch of text in one language.
public struct LanguageRun: Sendable, Hashable {
    /// Scalar offsets into the analysed text.
    public var span: TextSpan
    public var guess: LanguageGuess

    public init(span: TextSpan, guess: LanguageGuess) {
        self.span = span
        self.guess = guess
    }
}
