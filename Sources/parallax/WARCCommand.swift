import ArgumentParser
import Foundation
import ParallaxCore
import ParallaxSources

/// `parallax warc …`: tools for WARC archives (reading them into a store is `ingest`).
struct WARCCommand: ParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "warc",
        abstract: "Inspect WARC archives.",
        subcommands: [Stats.self]
    )

    struct Stats: ParsableCommand {
        static let configuration = CommandConfiguration(
            abstract: "Read WARC files and count their records, documents and errors.",
            discussion: """
                Reads each file the way `parallax ingest` does (plain, gzip per record or one \
                gzip stream; memory stays flat) but only counts. Prints one line per file: \
                records, documents, errors, skipped records, compressed and WARC bytes. With \
                --errors, every broken record is reported on standard error.
                """
        )

        @Argument(help: "WARC files (.warc or .warc.gz).")
        var files: [String]

        @Flag(name: .long, help: "Print each error on standard error.")
        var errors = false

        @Option(name: .long, help: ArgumentHelp("Skip records larger than this (bytes).", valueName: "bytes"))
        var maxRecordBytes: Int = SourceLimits.defaultMaximumWARCRecordBytes

        func run() throws {
            var failed = false
            for file in files {
                var iterator = WARCReader(path: file, maximumRecordBytes: maxRecordBytes).makeIterator()
                while let item = iterator.next() {
                    if case .failure(let error) = item, errors { Output.error(error) }
                }
                let s = iterator.statistics
                failed = failed || s.errors > 0
                Output.line("\(file)\trecords=\(s.records)\tdocuments=\(s.documents)\terrors=\(s.errors)\tskipped=\(s.skipped)\tfile_bytes=\(s.fileBytes)\twarc_bytes=\(s.warcBytes)")
            }
            if failed { throw ExitCode(1) }
        }
    }
}
