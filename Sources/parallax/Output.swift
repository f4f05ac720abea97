import Foundation
import ParallaxCore

/// Writing to stdout and stderr without buffering surprises between the two.
enum Output {
    static func line(_ string: String) {
        FileHandle.standardOutput.write(Data((string + "\n").utf8))
    }

    static func write(_ string: String) {
        FileHandle.standardOutput.write(Data(string.utf8))
    }

    /// A one-line error naming the input, on stderr.
    static func error(_ error: ParallaxError) {
        FileHandle.standardError.write(Data("parallax: \(error.description)\n".utf8))
    }

    static func warning(_ message: String) {
        FileHandle.standardError.write(Data("parallax: \(message)\n".utf8))
    }
}
