import Foundation
import ParallaxCore

/// Reads JSON Lines from a file or standard input one line at a time (the whole input is
/// never held in memory), numbering lines from 1. A file can be read more than once (each
/// iteration starts at its beginning); standard input only once.
public struct JSONLinesReader: Sequence {
    /// The input's name in messages: the path, or `-` for standard input.
    public let name: String

    /// `path` `-` reads standard input.
    public init(path: String) throws(ParallaxError) {
        name = path
        if path != "-" {
            var isDirectory: ObjCBool = false
            guard FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory) else {
                throw ParallaxError(source: path, reason: .notFound)
            }
            guard !isDirectory.boolValue, FileManager.default.isReadableFile(atPath: path) else {
                throw ParallaxError(source: path, reason: .unreadable("not a readable file"))
            }
        }
    }

    public struct Line: Sendable {
        public var number: Int
        public var bytes: Data
    }

    /// One line decoded by `build`: nil for a blank line, else the value or the one-line
    /// error naming `<input>:<line>`.
    public func decode<T>(_ line: Line, _ build: (JSONRecord) throws(RecordError) -> T) -> Result<T, ParallaxError>? {
        do throws(RecordError) {
            guard let record = try JSONRecord.parse(line.bytes) else { return nil }
            return .success(try build(record))
        } catch {
            return .failure(error.at("\(name):\(line.number)"))
        }
    }

    public func makeIterator() -> Iterator {
        Iterator(handle: name == "-" ? .standardInput : FileHandle(forReadingAtPath: name))
    }

    public struct Iterator: IteratorProtocol {
        /// nil when the file vanished since `init`: then there are no lines.
        let handle: FileHandle?
        /// Bytes read and not yet returned start at `start`; `scanned` of them hold no newline.
        var buffer: [UInt8] = []
        var start = 0
        var scanned = 0
        var number = 0
        var finished = false

        public mutating func next() -> Line? {
            while true {
                if let newline = buffer[(start + scanned)...].firstIndex(of: UInt8(ascii: "\n")) {
                    defer { start = newline + 1; scanned = 0 }
                    number += 1
                    return Line(number: number, bytes: Data(buffer[start..<newline]))
                }
                scanned = buffer.count - start
                if finished {
                    guard start < buffer.count else { return nil }
                    defer { start = buffer.count; scanned = 0 }
                    number += 1
                    return Line(number: number, bytes: Data(buffer[start...]))
                }
                // Drop what was returned before reading on, so the buffer holds one chunk and a partial line.
                buffer.removeFirst(start)
                start = 0
                if let chunk = (try? handle?.read(upToCount: 1 << 20)) ?? nil, !chunk.isEmpty {
                    buffer.append(contentsOf: chunk)
                } else {
                    finished = true
                }
            }
        }
    }
}

/// What is wrong with one input record; the caller adds where it is (`<input>:<line>`).
public struct RecordError: Error, Sendable, Hashable, CustomStringConvertible {
    public var description: String

    public init(_ description: String) { self.description = description }

    public func at(_ source: String) -> ParallaxError { ParallaxError(source: source, reason: .invalidInput(description)) }
}

/// Field access on one decoded JSON object, with one-line errors naming the field.
public struct JSONRecord {
    let object: [String: Any]

    /// Parses one line; blank lines are nil (skipped), anything but a JSON object throws.
    public static func parse(_ bytes: Data) throws(RecordError) -> JSONRecord? {
        if bytes.allSatisfy({ $0 == 0x20 || $0 == 0x09 || $0 == 0x0D }) { return nil }
        guard let value = try? JSONSerialization.jsonObject(with: bytes, options: [.fragmentsAllowed]) else {
            throw RecordError("not valid JSON")
        }
        guard let object = value as? [String: Any] else { throw RecordError("expected a JSON object") }
        return JSONRecord(object: object)
    }

    /// A string field (numbers are accepted and written as they read, for ids).
    public func string(_ key: String) throws(RecordError) -> String? {
        switch object[key] {
        case nil, is NSNull: return nil
        case let s as String: return s
        case let n as NSNumber: return n.stringValue
        default: throw RecordError("field \"\(key)\" must be a string")
        }
    }

    public func required(_ key: String) throws(RecordError) -> String {
        guard let value = try string(key) else { throw RecordError("missing field \"\(key)\"") }
        return value
    }

    /// A text field that must be present and not blank.
    public func text(_ key: String) throws(RecordError) -> String {
        let value = try required(key)
        guard value.contains(where: { !$0.isWhitespace }) else { throw RecordError("field \"\(key)\" is empty") }
        return value
    }

    /// A date: ISO 8601 ("2026-02-05", "2026-02-05T09:30:00Z", "2014-09-13T14:52:18.202-0400") or
    /// "YYYY-MM-DD HH:MM:SS". Time zones are ignored: the clusterer works at day scale.
    public func date(_ key: String) throws(RecordError) -> Date? {
        guard let value = try string(key), !value.isEmpty else { return nil }
        guard let date = JSONRecord.parseDate(value) else { throw RecordError("field \"\(key)\" is not a date: \(value)") }
        return date
    }

    static func parseDate(_ value: String) -> Date? {
        guard let day = CalendarDay(iso: value) else { return nil }
        var seconds = 0.0
        let rest = value.dropFirst(10)
        if let separator = rest.first, separator == "T" || separator == " " {
            let parts = rest.dropFirst().prefix(8).split(separator: ":")
            if parts.count >= 2, let h = Double(parts[0]), let m = Double(parts[1]) {
                seconds = h * 3600 + m * 60 + (parts.count > 2 ? Double(parts[2].prefix(2)) ?? 0 : 0)
            }
        }
        return day.date.addingTimeInterval(seconds)
    }
}
