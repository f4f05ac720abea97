import Foundation
import ParallaxCore
import Testing
@testable import ParallaxExtract
import TestSupport

@Suite struct ReaderTests {
    private func reason(_ result: Result<Article, ParallaxError>) -> ParallaxError.Reason? {
        if case .failure(let error) = result { return error.reason }
        return nil
    }

    @Test func badInputsEachGetOneErrorAndTheBatchGoesOn() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let empty = directory.appendingPathComponent("empty.txt")
        let binary = directory.appendingPathComponent("image.bin")
        let invalid = directory.appendingPathComponent("latin1.txt")
        try Data().write(to: empty)
        try Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A, 0, 0, 0, 0x0D, 0x49, 0x48, 0x44, 0x52]).write(to: binary)
        // "Caf\xe9 ..." is Latin-1, not UTF-8: the first bad byte is at offset 3.
        try Data([0x43, 0x61, 0x66, 0xE9, 0x20, 0x6F, 0x70, 0x65, 0x6E, 0x0A]).write(to: invalid)
        let missing = directory.appendingPathComponent("missing.txt").path

        let results = extractAll([empty.path, binary.path, invalid.path, missing, SharedData.path(SharedData.seed002)])
        #expect(results.count == 5)
        #expect(reason(results[0]) == .empty)
        #expect(reason(results[1]) == .binary)
        #expect(reason(results[2]) == .invalidEncoding("not valid UTF-8 at byte 3 and no charset declared"))
        #expect(reason(results[3]) == .notFound)
        #expect((try? results[4].get())?.title.hasPrefix("Trump en Petro") == true)
        // Each message is one line naming the input.
        for case .failure(let error) in results {
            #expect(!error.description.contains("\n"))
            #expect(error.description.hasPrefix(error.source + ": "))
        }
    }

    @Test func directoriesAreReadRecursivelySortedWithoutHiddenOrNonArticleFiles() throws {
        let directory = try Fixtures.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try FileManager.default.createDirectory(at: directory.appendingPathComponent("b/.hidden"), withIntermediateDirectories: true)
        for name in ["b/2.txt", "a.txt", ".secret.txt", "b/.hidden/3.txt", "b/1.txt", "README.md", "expected.json", "b/logo.png"] {
            try Data("Title\n\nBody text.\n".utf8).write(to: directory.appendingPathComponent(name))
        }
        let sources = DocumentReader().read([directory.path]).compactMap { try? $0.get().source }
        #expect(sources == ["a.txt", "b/1.txt", "b/2.txt"].map { directory.path + "/" + $0 })
    }

    @Test func symbolicLinksInDirectoriesAreFollowedWithoutLooping() throws {
        let directory = try Fixtures.temporaryDirectory()
        let elsewhere = try Fixtures.temporaryDirectory()
        defer {
            try? FileManager.default.removeItem(at: directory)
            try? FileManager.default.removeItem(at: elsewhere)
        }
        let manager = FileManager.default
        try manager.createDirectory(at: elsewhere.appendingPathComponent("more"), withIntermediateDirectories: true)
        try Data("Linked title\n\nLinked body text.\n".utf8).write(to: elsewhere.appendingPathComponent("target.txt"))
        try Data("Folder title\n\nFolder body text.\n".utf8).write(to: elsewhere.appendingPathComponent("more/inner.txt"))
        try Data("Own title\n\nOwn body text.\n".utf8).write(to: directory.appendingPathComponent("own.txt"))
        let base = directory.path
        try manager.createSymbolicLink(atPath: base + "/link.txt", withDestinationPath: elsewhere.path + "/target.txt")
        try manager.createSymbolicLink(atPath: base + "/linked-folder", withDestinationPath: elsewhere.path + "/more")
        try manager.createSymbolicLink(atPath: base + "/loop", withDestinationPath: base)
        try manager.createSymbolicLink(atPath: base + "/broken.txt", withDestinationPath: base + "/missing.txt")

        let results = DocumentReader().read([base])
        let sources = results.compactMap { try? $0.get().source }
        #expect(sources == [base + "/link.txt", base + "/linked-folder/inner.txt", base + "/own.txt"])
        #expect(results.count == 3)
        let linked = try #require(try results.first?.get())
        #expect(String(decoding: linked.bytes, as: UTF8.self).hasPrefix("Linked title"))
    }

    @Test func sizeLimitAndGzipBombAreRefused() throws {
        let reader = DocumentReader(maxBytes: 1000)
        let big = [UInt8](repeating: 0x61, count: 1001)
        guard case .failure(let error) = reader.document(source: "big.txt", bytes: big),
              case .tooLarge(_, let limit) = error.reason else { Issue.record("expected tooLarge"); return }
        #expect(limit == 1000)

        // 2 MB of one letter compresses to about 2 KB; unpacked it is over a 1 MB limit.
        let bomb = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("bomb.txt.gz"))))
        #expect(bomb.count < 10_000)
        guard case .failure(let exploded) = DocumentReader(maxBytes: 1_000_000).document(source: "bomb.txt.gz", bytes: bomb),
              case .tooLarge = exploded.reason else { Issue.record("expected tooLarge after gunzip"); return }

        // A truncated gzip file is a clear error, not an empty or partial article.
        let zipped = try [UInt8](Data(contentsOf: URL(fileURLWithPath: Fixtures.path("german-blog.txt.gz"))))
        let truncated = Array(zipped.prefix(zipped.count / 2))
        guard case .failure(let cut) = DocumentReader().document(source: "cut.txt.gz", bytes: truncated),
              case .invalidInput(let why) = cut.reason else { Issue.record("expected invalidInput"); return }
        #expect(why.contains("truncated"))
    }

    @Test func contentTypeIsSniffed() {
        #expect(ContentSniffer.contentType(fileName: "a.html", bytes: Array("plain".utf8)) == "text/html")
        #expect(ContentSniffer.contentType(fileName: "a", bytes: Array("  <!DOCTYPE html><html>".utf8)) == "text/html")
        #expect(ContentSniffer.contentType(fileName: "a.txt", bytes: Array("Title\n\nBody".utf8)) == "text/plain")
        #expect(ContentSniffer.contentType(fileName: "page", bytes: Array("<div><p>Hi</p><br></div>".utf8)) == "text/html")
        #expect(ContentSniffer.contentType(fileName: "-", bytes: Array("<div class=a><div>deep</div></div>".utf8)) == "text/html")
        #expect(ContentSniffer.contentType(fileName: "-", bytes: Array("<divider> is not a tag we know".utf8)) == "text/plain")
    }

    @Test func charsetsDeclaredOrDetected() throws {
        // BOM wins.
        #expect(try CharsetDecoder.decode([0xEF, 0xBB, 0xBF, 0x68, 0x69], contentType: nil, isHTML: false, source: "s") == "hi")
        #expect(try CharsetDecoder.decode([0xFF, 0xFE, 0x68, 0x00, 0xE9, 0x00], contentType: nil, isHTML: false, source: "s") == "hé")
        // KOI8-R declared by the content type: "Привет".
        let koi8: [UInt8] = [0xF0, 0xD2, 0xC9, 0xD7, 0xC5, 0xD4]
        #expect(try CharsetDecoder.decode(koi8, contentType: "text/plain; charset=KOI8-R", isHTML: false, source: "s") == "Привет")
        // GB18030: "中文".
        #expect(try CharsetDecoder.decode([0xD6, 0xD0, 0xCE, 0xC4], contentType: "text/plain; charset=gb2312", isHTML: false, source: "s") == "中文")
        // ISO-8859-2: "Łódź".
        #expect(try CharsetDecoder.decode([0xA3, 0xF3, 0x64, 0xBC], contentType: "text/plain; charset=iso-8859-2", isHTML: false, source: "s") == "Łódź")
        // HTML without a declaration that is not UTF-8 falls back to windows-1252.
        #expect(try CharsetDecoder.decode([0x3C, 0x70, 0x3E, 0x93, 0x80, 0x94], contentType: nil, isHTML: true, source: "s") == "<p>“€”")
        // A page declaring Latin-1 but written in UTF-8 is read as UTF-8.
        let mislabelled = Array("<meta charset=iso-8859-1><p>café</p>".utf8)
        #expect(try CharsetDecoder.decode(mislabelled, contentType: nil, isHTML: true, source: "s").contains("café"))
        #expect(CharsetDecoder.declaredCharset(html: Array(#"<meta http-equiv="Content-Type" content="text/html; charset=Shift_JIS">"#.utf8)) == "shift_jis")
    }

    @Test func firstInvalidUTF8Offset() {
        #expect(CharsetDecoder.firstInvalidUTF8Offset(Array("héllo €".utf8)) == nil)
        #expect(CharsetDecoder.firstInvalidUTF8Offset([0x61, 0xC0, 0x80]) == 1)         // overlong
        #expect(CharsetDecoder.firstInvalidUTF8Offset([0x61, 0x62, 0xED, 0xA0, 0x80]) == 2)  // surrogate
        #expect(CharsetDecoder.firstInvalidUTF8Offset([0x61, 0xE2, 0x82]) == 1)         // truncated
    }
}
