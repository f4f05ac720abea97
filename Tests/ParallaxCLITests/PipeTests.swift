import Foundation
import Testing
import TestSupport

/// `parallax pipe`: the streaming stages behind the Spark backfill, run as a user (or
/// `RDD.pipe`) runs them, on real pages and articles.
@Suite struct PipeTests {
    static var htmlPages: [String] {
        let folder = SharedData.url("html")
        let names = (try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []
        return names.filter { $0.hasSuffix(".html") }.sorted().map { folder.appendingPathComponent($0).path }
    }

    static var pages: [String] { htmlPages + [SharedData.path(SharedData.seed000), SharedData.path(SharedData.seed002)] }

    static let corpus = SharedData.path("corpus/wikinews-en-2019-2020.jsonl")

    static func objects(_ output: String) throws -> [[String: Any]] {
        try output.split(separator: "\n").map { line in
            try #require(JSONSerialization.jsonObject(with: Data(line.utf8)) as? [String: Any])
        }
    }

    static func paths(_ paths: [String]) -> Data { Data((paths.joined(separator: "\n") + "\n").utf8) }

    @Test func chainedStagesGiveTheArticlesOfExtract() throws {
        let extracted = try CLI.run(["extract"] + Self.pages)
        #expect(extracted.status == 0)
        let piped = try CLI.run(["pipe", "read", "extract"], stdin: Self.paths(Self.pages))
        #expect(piped.status == 0)
        let expected = try Self.objects(extracted.stdout)
        let records = try Self.objects(piped.stdout)
        #expect(records.count == Self.pages.count)
        #expect(records.allSatisfy { $0["kind"] as? String == "article" })
        for (record, printed) in zip(records, expected) {
            // `extract` also says what kind of page each is; the pipe carries articles only.
            var article = printed
            #expect(article.removeValue(forKey: "page_kind") as? String == "article")
            #expect((record["article"] as? NSDictionary) == (article as NSDictionary))
        }
        // The same through separate processes, as Spark chains them.
        let read = try CLI.run(["pipe", "read"], stdin: Self.paths(Self.pages))
        #expect(try Self.objects(read.stdout).allSatisfy { $0["kind"] as? String == "document" })
        let extractedLater = try CLI.run(["pipe", "extract"], stdin: Data(read.stdout.utf8))
        #expect(extractedLater.stdout == piped.stdout)
    }

    @Test func badLinesAndDocumentsBecomeErrorRecordsAndTheRestComesThrough() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-pipe-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.html").path
        try Data().write(to: URL(fileURLWithPath: empty))
        let binary = directory.appendingPathComponent("image.txt").path
        try Data((0..<512).map { UInt8($0 % 7) }).write(to: URL(fileURLWithPath: binary))
        let arrivingError = #"{"error":{"message":"an earlier stage failed","source":"upstream.warc"},"index":3,"input":"upstream.warc"}"#
        let lines = [Self.pages[0], "/nonexistent/page.html", "{not json", arrivingError, empty, binary, Self.pages[1]]
        let result = try CLI.run(["pipe", "read", "extract", "annotate"], stdin: Self.paths(lines))
        #expect(result.status == 0)
        let out = result.stdout.split(separator: "\n").map(String.init)
        try #require(out.count == lines.count)
        let records = try Self.objects(result.stdout)
        #expect(records[0]["kind"] as? String == "annotated")
        #expect(records[6]["kind"] as? String == "annotated")
        #expect(out[3] == arrivingError)
        for i in [1, 2, 4, 5] {
            let error = try #require(records[i]["error"] as? [String: Any], "line \(i + 1) should be an error record")
            #expect((error["message"] as? String)?.isEmpty == false)
        }
        #expect((records[1]["error"] as? [String: Any])?["source"] as? String == "/nonexistent/page.html")
        #expect((records[5]["error"] as? [String: Any])?["source"] as? String == binary)

        // A later stage given a corrupt line reports it in place and goes on.
        let documents = try CLI.run(["pipe", "read"], stdin: Self.paths([Self.pages[0], Self.pages[1]]))
        let docs = documents.stdout.split(separator: "\n").map(String.init)
        let mixed = [docs[0], String(docs[1].prefix(docs[1].count / 2)), #"{"kind":"document"}"#, docs[1]].joined(separator: "\n")
        let extracted = try CLI.run(["pipe", "extract"], stdin: Data(mixed.utf8))
        let objects = try Self.objects(extracted.stdout)
        #expect(objects.count == 4)
        #expect(objects.map { $0["kind"] as? String } == ["article", nil, nil, "article"])
        #expect(((objects[1]["error"] as? [String: Any])?["source"] as? String) == "-:2")
    }

    @Test func outputKeepsInputOrderAcrossWorkersAndBatches() throws {
        let folder = SharedData.url("extraction/wcxb-dev/html")
        let names = ((try? FileManager.default.contentsOfDirectory(atPath: folder.path)) ?? []).sorted().prefix(60)
        let inputs = names.map { folder.appendingPathComponent($0).path }.reversed() + Self.pages
        let result = try CLI.run(["pipe", "read", "extract", "--workers", "2", "--batch-size", "7"], stdin: Self.paths(Array(inputs)))
        let records = try Self.objects(result.stdout)
        #expect(records.count == inputs.count)
        #expect(records.map { $0["input"] as? String } == inputs.map { Optional($0) })
    }

    /// The backfill's promise: annotating elsewhere and storing the annotated records gives
    /// the stories a single `parallax ingest` of the same articles in the same order gives.
    @Test func storingAnnotatedRecordsGivesTheStoriesOfIngest() throws {
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("parallax-pipe-\(UUID().uuidString)")
        defer { try? FileManager.default.removeItem(at: directory) }
        let ingestDB = directory.appendingPathComponent("ingest.db").path, pipeDB = directory.appendingPathComponent("pipe.db").path
        let ingested = try CLI.run(["ingest", Self.corpus, "--db", ingestDB])
        #expect(ingested.status == 0, "\(ingested.stderr)")

        let annotated = try CLI.run(["pipe", "read", "extract", "annotate"], stdin: Self.paths([Self.corpus]))
        let records = try Self.objects(annotated.stdout)
        #expect(records.count > 250)
        #expect(records.allSatisfy { $0["kind"] as? String == "annotated" && $0["features"] != nil })
        let stored = try CLI.run(["pipe", "store", "--db", pipeDB], stdin: Data(annotated.stdout.utf8))
        #expect(stored.status == 0, "\(stored.stderr)")
        let placed = try Self.objects(stored.stdout)
        #expect(placed.count == records.count)

        // Story ids are given in order of opening, so equal partitions have equal sizes per id.
        var pipeSizes: [Int: Int] = [:]
        for event in placed { if let story = event["story"] as? Int { pipeSizes[story, default: 0] += 1 } }
        let listed = try CLI.run(["stories", "--db", ingestDB, "--format", "json", "--limit", "100000"])
        var ingestSizes: [Int: Int] = [:]
        for story in try Self.objects(listed.stdout) { ingestSizes[story["id"] as! Int] = story["articleCount"] as? Int }
        #expect(pipeSizes == ingestSizes)
        #expect(pipeSizes.count > 10 && pipeSizes.count < records.count, "the corpus should form some multi-article stories")
    }
}
