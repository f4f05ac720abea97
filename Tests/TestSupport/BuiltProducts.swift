import Foundation

/// Finds the `parallax` executable that the current test run was built with.
public enum BuiltProducts {
    /// `$PARALLAX_BIN`, else the `parallax` built beside the test bundle (same scratch path,
    /// so `--scratch-path` builds test their own binary), else .build/debug/parallax.
    public static var parallax: URL {
        if let path = ProcessInfo.processInfo.environment["PARALLAX_BIN"], !path.isEmpty {
            return URL(fileURLWithPath: path)
        }
        let folders = [
            URL(fileURLWithPath: CommandLine.arguments[0]).deletingLastPathComponent(),
            Bundle.main.bundleURL,
            Bundle.main.bundleURL.deletingLastPathComponent(),
        ]
        return folders.map { $0.appendingPathComponent("parallax") }
            .first { FileManager.default.isExecutableFile(atPath: $0.path) }
            ?? SharedData.packageRoot.appendingPathComponent(".build/debug/parallax")
    }
}
