import Foundation
import ParallaxCore

/// Renders a StoryReport for people (text, Markdown) and programs (JSON).
///
/// PLACEHOLDER implementation; the comparison stage replaces it behind the same API.
public enum ReportRenderer {
    public static func json(_ report: StoryReport) throws -> String {
        String(decoding: try ParallaxJSON.encoder(pretty: true).encode(report), as: UTF8.self) + "\n"
    }

    public static func text(_ report: StoryReport) -> String {
        "Sources: \(report.sources.count)\nSame story: \(report.sameStory) (\(report.similarity))\n"
    }

    public static func markdown(_ report: StoryReport) -> String {
        "# Story report\n\n" + text(report)
    }
}
