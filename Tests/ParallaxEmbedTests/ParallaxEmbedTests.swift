import Foundation
import ParallaxCore
import Testing
import TestSupport
@testable import ParallaxEmbed

/// The engine as `scripts/install-embedder.sh` installs it (or as PARALLAX_E5_ENGINE /
/// PARALLAX_E5_MODEL name it). Tests that need it run when it is there, and also when
/// PARALLAX_E5_REQUIRED=1 says it must be (they then fail without it instead of skipping).
enum InstalledEngine {
    static let environment = SharedData.packageRoot.appendingPathComponent(E5Location.defaultEnvironment).path
    static let location = try? E5Location.resolve(directory: environment)
    static let required = ProcessInfo.processInfo.environment["PARALLAX_E5_REQUIRED"] == "1"
    static var available: Bool {
        required || location.map { FileManager.default.fileExists(atPath: $0.engine) && FileManager.default.fileExists(atPath: $0.model) } ?? false
    }
    static let embedder: Result<E5Embedder, ParallaxError> = Result { () throws(ParallaxError) in
        try E5Embedder(location: E5Location.resolve(directory: environment))
    }
}

@Suite(.serialized) struct E5EmbedderTests {
    @Test(.enabled(if: InstalledEngine.available, "the e5 engine is not installed (scripts/install-embedder.sh)"))
    func paraphrasesAcrossLanguagesAreCloserThanAnUnrelatedText() throws {
        let embedder = try InstalledEngine.embedder.get()
        #expect(embedder.dimension == 384)
        let vectors = try embedder.embed([
            "An earthquake of magnitude 6.8 struck central Morocco on Friday night, killing more than 2,000 people.",
            "Un séisme de magnitude 6,8 a frappé le centre du Maroc vendredi soir, faisant plus de 2 000 morts.",
            "The central bank raised its main interest rate by a quarter point to curb inflation.",
        ])
        #expect(vectors.count == 3 && vectors.allSatisfy { $0.count == 384 })
        func cosine(_ a: [Float], _ b: [Float]) -> Float { zip(a, b).reduce(0) { $0 + $1.0 * $1.1 } }
        for vector in vectors { #expect(abs(cosine(vector, vector) - 1) < 1e-3) }
        #expect(cosine(vectors[0], vectors[1]) > cosine(vectors[0], vectors[2]) + 0.05)
        #expect(cosine(vectors[0], vectors[1]) > cosine(vectors[1], vectors[2]) + 0.05)
    }

    @Test(.enabled(if: InstalledEngine.available, "the e5 engine is not installed (scripts/install-embedder.sh)"))
    func batchesGiveTheSameVectorsAsOneCall() throws {
        var embedder = try InstalledEngine.embedder.get()
        let texts = ["Floods in Valencia", "Élections au Sénégal", "Wahl in Thüringen", "Incendio en Chile", ""]
        let whole = try embedder.embed(texts)
        embedder.batchSize = 2
        let batched = try embedder.embed(texts)
        #expect(whole.count == texts.count)
        for (a, b) in zip(whole, batched) { #expect(zip(a, b).allSatisfy { abs($0 - $1) < 1e-4 }) }
        #expect(try embedder.embed([]).isEmpty)
    }

    @Test func missingEngineIsAnErrorNamingThePath() {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("no-e5-\(UUID().uuidString)").path
        #expect {
            _ = try E5Location.resolve(directory: directory, environment: [:])
        } throws: { error in
            (error as? ParallaxError)?.source == directory
        }
        let missing = E5Location(engine: directory + "/_engine.so", model: directory + "/e5-small-q4.bin")
        #expect {
            _ = try E5Embedder(location: missing)
        } throws: { error in
            (error as? ParallaxError) == ParallaxError(source: missing.engine, reason: .notFound)
        }
    }

    @Test func aFileThatIsNoEngineIsAnError() throws {
        // A real shared library without the e5 symbols: the C library itself.
        let libc = ["/lib/x86_64-linux-gnu/libc.so.6", "/lib/aarch64-linux-gnu/libc.so.6", "/usr/lib/libSystem.B.dylib"]
            .first { FileManager.default.fileExists(atPath: $0) }
        let library = try #require(libc)
        let model = SharedData.path(SharedData.seed000)
        #expect {
            _ = try E5Embedder(location: E5Location(engine: library, model: model))
        } throws: { error in
            guard let error = error as? ParallaxError else { return false }
            return error.source == library && error.description.contains("e5_load")
        }
    }

    @Test func environmentVariablesNameTheEngine() throws {
        let location = try E5Location.resolve(directory: "/nonexistent",
                                              environment: ["PARALLAX_E5_ENGINE": "/opt/e5/engine.so", "PARALLAX_E5_MODEL": "/opt/e5/m.bin"])
        #expect(location == E5Location(engine: "/opt/e5/engine.so", model: "/opt/e5/m.bin"))
    }

    @Test func textsAreCutAtAWordBoundary() {
        let text = "Floods hit Valencia as storms sweep across eastern Spain"
        let cut = E5Embedder.leading(text, 20)
        #expect(cut == "Floods hit Valencia")
        #expect(E5Embedder.leading(text, 1_000) == text)
        #expect(E5Embedder.leading("a\0b", 10) == "a b")
        // One long word: cut inside it rather than drop everything.
        #expect(E5Embedder.leading(String(repeating: "x", count: 50), 10).count == 10)
    }
}

/// `CachingEmbedder`: vectors kept in a file and reused by later runs.
@Suite struct CachingEmbedderTests {
    /// Vectors from the letters of a text (any function of the text will do), counting the
    /// texts it is asked to embed.
    final class LetterEmbedder: TextEmbedder, @unchecked Sendable {
        let identifier: String
        let dimension = 4
        private let lock = NSLock()
        private(set) var asked: [String] = []

        init(identifier: String = "letters v1") { self.identifier = identifier }

        func embed(_ texts: [String]) throws(ParallaxError) -> [[Float]] {
            lock.withLock { asked += texts }
            return texts.map { text in
                let scalars = text.unicodeScalars.map { Float($0.value) }
                return [Float(scalars.count), scalars.reduce(0, +), scalars.first ?? 0, scalars.last ?? 0.5]
            }
        }
    }

    private func temporaryPath() -> String {
        FileManager.default.temporaryDirectory.appendingPathComponent("parallax-embedding-cache-\(UUID().uuidString)").path
    }

    @Test func laterRunsReuseTheVectorsAndEmbedOnlyNewTexts() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        let texts = ["Floods close the port of Valmorency.", "Der Hafen ist geschlossen.", "洪水关闭了港口。"]
        let first = LetterEmbedder()
        let cache = try CachingEmbedder(first, path: path)
        let vectors = try cache.embed([texts[0], texts[1], texts[0]])
        #expect(first.asked == [texts[0], texts[1]])
        #expect(vectors == (try first.embed([texts[0], texts[1], texts[0]])))

        let second = LetterEmbedder()
        let reopened = try CachingEmbedder(second, path: path)
        #expect(reopened.count == 2)
        let again = try reopened.embed([texts[1], texts[2], texts[0]])
        #expect(second.asked == [texts[2]])
        #expect(again == (try LetterEmbedder().embed([texts[1], texts[2], texts[0]])))
        #expect(reopened.reused == 2 && reopened.computed == 1)
    }

    @Test func aCacheOfAnotherEmbedderIsRefusedNamingTheFile() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try CachingEmbedder(LetterEmbedder(identifier: "letters v1"), path: path).embed(["One report."])
        #expect {
            try CachingEmbedder(LetterEmbedder(identifier: "letters v2"), path: path)
        } throws: { error in
            "\(error)".hasPrefix(path) && "\(error)".contains("letters v2")
        }
    }

    /// A run killed while appending leaves part of a record: the vectors before it stay, and
    /// the next vector is written where the partial one began.
    @Test func aRecordCutShortIsDroppedAndTheRestKept() throws {
        let path = temporaryPath()
        defer { try? FileManager.default.removeItem(atPath: path) }
        _ = try CachingEmbedder(LetterEmbedder(), path: path).embed(["First report.", "Second report."])
        let handle = try #require(FileHandle(forWritingAtPath: path))
        try handle.seekToEnd()
        try handle.write(contentsOf: Data([1, 2, 3, 4, 5, 6, 7]))
        try handle.close()

        let embedder = LetterEmbedder()
        let reopened = try CachingEmbedder(embedder, path: path)
        #expect(reopened.count == 2)
        _ = try reopened.embed(["Third report."])
        let last = try CachingEmbedder(LetterEmbedder(), path: path)
        #expect(last.count == 3)
        #expect(try last.embed(["Third report.", "First report."]) == (try LetterEmbedder().embed(["Third report.", "First report."])))
        #expect(last.computed == 0)
    }
}
