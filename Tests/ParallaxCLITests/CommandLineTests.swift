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

    @Test func missingInputIsOneLineErrorAndOthersStillRun() throws {
        let seed = SharedData.path(SharedData.seed000)
        let result = try CLI.run(["extract", "/nonexistent/article.txt", seed])
        #expect(result.status != 0)
        let errors = result.stderr.split(separator: "\n")
        #expect(errors.count == 1)
        #expect(errors.first?.contains("/nonexistent/article.txt") == true)
        #expect(result.stdout.split(separator: "\n").count == 1)
    }
}
