import Foundation
import Testing
import TestSupport

@Suite struct CommandLineTests {
    @Test func helpListsTheCommands() throws {
        let result = try CLI.run(["--help"])
        #expect(result.status == 0)
        #expect(result.stdout.contains("extract"))
        #expect(result.stdout.contains("compare"))
    }

    /// `cluster --explain` says why: real ITN briefs of one event in Franco-Provençal and
    /// Chichewa, then a brief of another event. The second joins the first's story across
    /// languages on names and dates, at a score above the threshold; the openers say so and
    /// carry no score.
    @Test func clusterExplainGivesTheEvidenceOfEachJoin() throws {
        let wanted = ["itn-2022-03-03-Q110999040-frp", "itn-2022-03-03-Q110999040-ny", "itn-2022-07-08-Q132345-sh"]
        let lines = try SharedData.text("multilingual-briefs/itn-dev.jsonl").split(separator: "\n").filter { line in
            wanted.contains { line.contains("\"id\": \"\($0)\"") }
        }
        #expect(lines.count == 3)
        let result = try CLI.run(["cluster", "-", "--explain"], stdin: Data(lines.joined(separator: "\n").utf8))
        #expect(result.status == 0, "\(result.stderr)")
        let rows = try result.stdout.split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        let byID = Dictionary(uniqueKeysWithValues: rows.map { ($0["id"] as! String, $0) })
        let opener = try #require(byID[wanted[0]]), joiner = try #require(byID[wanted[1]]), other = try #require(byID[wanted[2]])
        #expect(opener["opened"] as? Bool == true && opener["similarity"] == nil && opener["names"] == nil)
        #expect(joiner["opened"] as? Bool == false && joiner["cluster"] as? String == opener["cluster"] as? String)
        #expect((joiner["similarity"] as? Double ?? 0) >= 0.4)
        #expect(joiner["cross_lingual"] as? Bool == true)
        #expect((joiner["names"] as? Double ?? 0) > 0.2)
        #expect(other["opened"] as? Bool == true && other["cluster"] as? String != opener["cluster"] as? String)
    }

    /// The embedding cache belongs to an embedder: asked for alone, it is a usage error, and
    /// no file is made.
    @Test func embeddingCacheWithoutAnEmbedderIsAUsageError() throws {
        let path = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-cache-\(UUID().uuidString)").path
        let result = try CLI.run(["cluster", "-", "--embedding-cache", path], stdin: Data())
        #expect(result.status != 0)
        #expect(result.stderr.contains("--embedding-cache needs --embedder"))
        #expect(!FileManager.default.fileExists(atPath: path))
    }

    @Test func missingInputIsOneLineErrorAndOthersStillRun() throws {
        let seed = SharedData.path(SharedData.seed000)
        let result = try CLI.run(["extract", "/nonexistent/article.txt", seed])
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("/nonexistent/article.txt") == true)
        #expect(result.stdout.split(separator: "\n").count == 1)
    }

    /// Issue 2's bad inputs in one command: each is one line on stderr naming the input, the
    /// good articles are still printed, and the exit status says something failed.
    @Test func badInputsAreOneLineErrorsAndTheGoodOnesStillPrint() throws {
        let folder = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-bad-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: folder) }
        let empty = folder.appendingPathComponent("empty.txt")
        let binary = folder.appendingPathComponent("image.txt")
        let latin1 = folder.appendingPathComponent("latin1.txt")
        try Data().write(to: empty)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0x00, 0x00, 0x00, 0x0D, 0x49, 0x48, 0x44, 0x52]).write(to: binary)
        // "Café in Zürich" in ISO-8859-1: not valid UTF-8, and the file declares nothing.
        try Data("Caf".utf8 + [0xE9] + " in Z".utf8 + [0xFC] + "rich\n\nA paragraph of text.".utf8).write(to: latin1)
        let missing = folder.appendingPathComponent("missing.txt").path
        let seeds = [SharedData.path(SharedData.seed000), SharedData.path(SharedData.seed002)]

        let result = try CLI.run(["extract", empty.path, seeds[0], binary.path, latin1.path, missing, seeds[1]])
        #expect(result.status == 1)
        let errors = result.stderr.split(separator: "\n").map(String.init)
        #expect(errors.count == 4)
        for bad in [empty.path, binary.path, latin1.path, missing] {
            #expect(errors.filter { $0.contains(bad) }.count == 1, "one error line for \(bad): \(errors)")
        }
        let printed = result.stdout.split(separator: "\n").compactMap {
            try? JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any]
        }
        #expect(printed.map { $0["source"] as? String } == seeds)
    }

    @Test func compareOfTheSeedsPrintsTheVersionedJSONReport() throws {
        let seeds = [SharedData.path(SharedData.seed000), SharedData.path(SharedData.seed002)]
        let result = try CLI.run(["compare", seeds[0], seeds[1], "--format", "json",
                                  "--published", "\(seeds[0])=2026-02-05", "--published", "\(seeds[1])=2026-02-04"])
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        #expect(report["version"] as? Int == 1)
        #expect(report["sameStory"] as? Bool == true)
        for key in ["sources", "entities", "corroborated", "unique", "conflicts", "quotes", "times"] {
            #expect(report[key] is [Any], "\(key) is a list")
        }
        let times = try #require(report["times"] as? [[String: Any]])
        #expect(times.contains { ($0["text"] as? String)?.lowercased() == "in october" && $0["resolved"] is [String: Any] })
    }

    /// `--sentence-pairs` lists what the alignment read of each sentence pair; the pairs it
    /// marks aligned are the sentence pairs of the report's corroborated claims.
    @Test func compareListsTheSentencePairsItScored() throws {
        let seeds = [SharedData.path(SharedData.seed000), SharedData.path(SharedData.seed002)]
        let file = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-pairs-\(UUID().uuidString).jsonl")
        defer { try? FileManager.default.removeItem(at: file) }
        let result = try CLI.run(["compare", seeds[0], seeds[1], "--format", "json", "--sentence-pairs", file.path])
        #expect(result.status == 0)
        let report = try #require(try JSONSerialization.jsonObject(with: Data(result.stdout.utf8)) as? [String: Any])
        let pairs = try String(contentsOf: file, encoding: .utf8).split(separator: "\n").map {
            try #require(try JSONSerialization.jsonObject(with: Data($0.utf8)) as? [String: Any])
        }
        #expect(pairs.count > 20)
        for pair in pairs {
            let probability = try #require(pair["probability"] as? Double)
            #expect(probability >= 0 && probability <= 1)
            #expect((pair["evidence"] as? [String: Any])?["score"] is Double)
        }
        // Aligned pairs, as (start in the first seed, start in the second), against the claims.
        let aligned = Set(pairs.filter { $0["aligned"] as? Bool == true }.compactMap { pair -> [Int]? in
            guard let a = pair["start1"] as? Int, let b = pair["start2"] as? Int else { return nil }
            return [a, b]
        })
        var claimed: Set<[Int]> = []
        for claim in try #require(report["corroborated"] as? [[String: Any]]) {
            let sentences = try #require(claim["sentences"] as? [[String: Any]])
            let first = sentences.filter { $0["source"] as? String == seeds[0] }.compactMap { $0["start"] as? Int }
            let second = sentences.filter { $0["source"] as? String == seeds[1] }.compactMap { $0["start"] as? Int }
            for a in first { for b in second { claimed.insert([a, b]) } }
        }
        #expect(!aligned.isEmpty)
        #expect(aligned.isSubset(of: claimed))
    }

    /// Each process orders its dictionaries differently (Swift seeds hashing per process):
    /// nothing of that may reach the report, or two runs on the same input would disagree.
    @Test func compareGivesTheSameReportInEveryProcess() throws {
        let seeds = [SharedData.path(SharedData.seed000), SharedData.path(SharedData.seed002)]
        let reports = try (0..<4).map { _ in try CLI.run(["compare", seeds[0], seeds[1], "--format", "json"]).stdout }
        #expect(!reports[0].isEmpty)
        #expect(Set(reports).count == 1)
    }
}
