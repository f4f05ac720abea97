import Foundation
import TestSupport

/// Runs the built `parallax` executable the way a user would.
struct CLI {
    struct Result {
        var status: Int32
        var stdout: String
        var stderr: String
    }

    static var executable: URL { BuiltProducts.parallax }

    /// A command that exits before reading all its input closes the pipe, and writing to it
    /// then raises SIGPIPE, whose default action ends the whole test process (CI saw it once,
    /// "exited with unexpected signal code 13"). Ignored, the write fails with EPIPE instead.
    private static let brokenPipesIgnored: Void = { _ = signal(SIGPIPE, SIG_IGN) }()

    static func run(_ arguments: [String], stdin: Data? = nil) throws -> Result {
        _ = brokenPipesIgnored
        let process = Process()
        process.executableURL = executable
        process.arguments = arguments
        let out = Pipe(), err = Pipe(), input = Pipe()
        process.standardOutput = out
        process.standardError = err
        process.standardInput = input
        try process.run()
        // Feed stdin and drain stdout on their own threads while this one drains stderr: a
        // filter that writes before it has read all its input must never find a full pipe.
        let group = DispatchGroup()
        nonisolated(unsafe) var outData = Data(), errData = Data()
        group.enter()
        DispatchQueue.global().async {
            // A command may exit before it reads all its input (a bad option, a refused
            // input): the write then fails with a broken pipe, which is no test failure.
            if let stdin { try? input.fileHandleForWriting.write(contentsOf: stdin) }
            try? input.fileHandleForWriting.close()
            group.leave()
        }
        group.enter()
        DispatchQueue.global().async { outData = out.fileHandleForReading.readDataToEndOfFile(); group.leave() }
        errData = err.fileHandleForReading.readDataToEndOfFile()
        group.wait()
        process.waitUntilExit()
        return Result(status: process.terminationStatus, stdout: String(decoding: outData, as: UTF8.self),
                      stderr: String(decoding: errData, as: UTF8.self))
    }
}
