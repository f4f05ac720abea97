import Foundation

/// Locates the real data in ../shared/data (beside the repository), so tests read it in
/// place and nothing of it is copied into the project.
public enum SharedData {
    /// The package root (the folder holding Package.swift).
    public static let packageRoot: URL = {
        var url = URL(fileURLWithPath: #filePath)
        while url.path != "/" {
            url.deleteLastPathComponent()
            if FileManager.default.fileExists(atPath: url.appendingPathComponent("Package.swift").path) { return url }
        }
        return URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
    }()

    /// `$PARALLAX_SHARED_DATA`, or ../shared/data beside the package root.
    public static let root: URL = {
        if let env = ProcessInfo.processInfo.environment["PARALLAX_SHARED_DATA"], !env.isEmpty {
            return URL(fileURLWithPath: env)
        }
        return packageRoot.deletingLastPathComponent().appendingPathComponent("shared/data")
    }()

    public static func url(_ relative: String) -> URL { root.appendingPathComponent(relative) }

    public static func path(_ relative: String) -> String { url(relative).path }

    public static func text(_ relative: String) throws -> String {
        try String(contentsOf: url(relative), encoding: .utf8)
    }

    public static let seed000 = "seeds/000_966d9cde3196cb2c.txt"
    public static let seed002 = "seeds/002_852c5d5ab8b24171.txt"
}
