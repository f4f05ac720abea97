#if canImport(Glibc)
import Glibc
#endif

/// String work of the extractor's hot paths done on Unicode scalars and UTF-8 bytes:
/// `Character`-level operations (grapheme breaking) and Foundation's string methods cost
/// far more than everything else the extractor does per page. Lengths here are counted in
/// Unicode scalars, which equal characters for almost all text.
enum TextScanning {
    /// Unicode's White_Space property (what `Character.isWhitespace` tests).
    @inline(__always)
    static func isWhitespace(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 { return value == 0x20 || (0x09...0x0D).contains(value) }
        switch value {
        case 0x85, 0xA0, 0x1680, 0x2000...0x200A, 0x2028, 0x2029, 0x202F, 0x205F, 0x3000: return true
        default: return false
        }
    }

    @inline(__always)
    static func isLetterOrDigit(_ scalar: Unicode.Scalar) -> Bool {
        let value = scalar.value
        if value < 0x80 {
            return (0x30...0x39).contains(value) || (0x41...0x5A).contains(value) || (0x61...0x7A).contains(value)
        }
        let properties = scalar.properties
        return properties.isAlphabetic || properties.numericType != nil
    }

    /// Whitespace runs become one space; leading and trailing whitespace goes.
    static func collapseSpaces<S: StringProtocol>(_ text: S) -> String {
        var buffer = CollapsingBuffer()
        buffer.append(text)
        return buffer.string
    }

    /// The text without the leading and trailing scalars `trim` accepts (Foundation's
    /// `trimmingCharacters(in:)` goes through NSString, which showed in profiles).
    static func trimmed<S: StringProtocol>(_ text: S, where trim: (Unicode.Scalar) -> Bool = isWhitespace) -> String {
        let scalars = text.unicodeScalars
        guard let first = scalars.firstIndex(where: { !trim($0) }), let last = scalars.lastIndex(where: { !trim($0) }) else { return "" }
        return String(text[first..<scalars.index(after: last)])
    }

    /// Length in bytes of the Unicode whitespace character starting at `index`, 0 when
    /// there is none (the multi-byte ones of `isWhitespace`, decoded from their bytes).
    @inline(__always)
    static func whitespaceLength<C: Collection>(_ bytes: C, at index: C.Index) -> Int where C.Element == UInt8 {
        let lead = bytes[index]
        if lead < 0x80 { return lead == 0x20 || (0x09...0x0D).contains(lead) ? 1 : 0 }
        guard lead == 0xC2 || lead == 0xE1 || lead == 0xE2 || lead == 0xE3 else { return 0 }
        let second = bytes.index(after: index)
        guard second != bytes.endIndex else { return 0 }
        let b1 = bytes[second]
        if lead == 0xC2 { return b1 == 0x85 || b1 == 0xA0 ? 2 : 0 }
        let third = bytes.index(after: second)
        guard third != bytes.endIndex else { return 0 }
        let b2 = bytes[third]
        switch (lead, b1) {
        case (0xE1, 0x9A): return b2 == 0x80 ? 3 : 0
        case (0xE2, 0x80): return (0x80...0x8A).contains(b2) || b2 == 0xA8 || b2 == 0xA9 || b2 == 0xAF ? 3 : 0
        case (0xE2, 0x81): return b2 == 0x9F ? 3 : 0
        case (0xE3, 0x80): return b2 == 0x80 ? 3 : 0
        default: return 0
        }
    }

    /// An ASCII letter or digit byte.
    @inline(__always)
    static func isASCIILetterOrDigit(_ byte: UInt8) -> Bool {
        (0x30...0x39).contains(byte) || (0x61...0x7A).contains(byte | 0x20)
    }

    /// Text collected piece by piece with whitespace collapsed on the way, counting
    /// scalars and noting whether any letter or digit came in.
    struct CollapsingBuffer {
        private(set) var bytes: [UInt8] = []
        /// Length in Unicode scalars.
        private(set) var length = 0
        private(set) var hasLetterOrDigit = false
        private var pendingSpace = false

        var isEmpty: Bool { bytes.isEmpty }
        var string: String { String(decoding: bytes, as: UTF8.self) }
        /// Whether the text so far ends in whitespace that has not been written yet.
        var endsInSpace: Bool { pendingSpace }

        /// Appends text; returns how many scalars it added (a separating space included).
        @discardableResult
        mutating func append<S: StringProtocol>(_ text: S) -> Int {
            // Native strings lend their UTF-8 bytes as a buffer: walking a buffer costs no
            // index checks or bridging per byte, which showed in profiles of the tree walk.
            if let added = text.utf8.withContiguousStorageIfAvailable({ append(utf8: $0) }) { return added }
            var copy = String(text)
            return copy.withUTF8 { append(utf8: $0) }
        }

        /// Appends UTF-8 text; returns how many scalars it added (a separating space included).
        @discardableResult
        mutating func append(utf8: UnsafeBufferPointer<UInt8>) -> Int {
            let before = length
            var index = 0
            while index < utf8.count {
                let space = TextScanning.whitespaceLength(utf8, at: index)
                if space > 0 {
                    pendingSpace = !bytes.isEmpty
                    index += space
                    continue
                }
                if pendingSpace { bytes.append(0x20); length += 1; pendingSpace = false }
                let byte = utf8[index]
                if byte > 0x20, byte < 0x80 {
                    // A run of visible ASCII is copied in one piece: most text is such runs.
                    var end = index + 1
                    while end < utf8.count, utf8[end] > 0x20, utf8[end] < 0x80 { end += 1 }
                    let run = UnsafeBufferPointer(rebasing: utf8[index..<end])
                    bytes.append(contentsOf: run)
                    length += run.count
                    if !hasLetterOrDigit { hasLetterOrDigit = run.contains(where: TextScanning.isASCIILetterOrDigit) }
                    index = end
                    continue
                }
                bytes.append(byte)
                if byte & 0xC0 != 0x80 { length += 1 }
                if !hasLetterOrDigit {
                    if byte < 0x80 {
                        hasLetterOrDigit = TextScanning.isASCIILetterOrDigit(byte)
                    } else if byte >= 0xC0 {
                        // A multi-byte scalar: decode it from the text for its properties.
                        let scalar = String(decoding: UnsafeBufferPointer(rebasing: utf8[index..<min(index + 4, utf8.count)]), as: UTF8.self).unicodeScalars.first
                        hasLetterOrDigit = scalar.map(TextScanning.isLetterOrDigit) ?? false
                    }
                }
                index += 1
            }
            return length - before
        }

        /// A separator (a space unless the text is empty or already ends in one).
        mutating func appendSpace() { pendingSpace = !bytes.isEmpty }

        mutating func removeAll() {
            bytes.removeAll(keepingCapacity: true)
            length = 0
            hasLetterOrDigit = false
            pendingSpace = false
        }
    }

    /// Length in Unicode scalars.
    @inline(__always)
    static func length<S: StringProtocol>(_ text: S) -> Int {
        text.utf8.withContiguousStorageIfAvailable(scalarCount) ?? text.unicodeScalars.count
    }

    /// Unicode scalars in UTF-8 bytes: the bytes that do not continue a scalar.
    static func scalarCount(_ bytes: UnsafeBufferPointer<UInt8>) -> Int {
        var count = 0
        for byte in bytes where byte & 0xC0 != 0x80 { count += 1 }
        return count
    }

    /// Whether the text holds a letter or a digit.
    static func hasLetterOrDigit<S: StringProtocol>(_ text: S) -> Bool {
        text.unicodeScalars.contains(where: isLetterOrDigit)
    }

    /// Whether the text holds an ASCII digit.
    static func hasDigit<S: StringProtocol>(_ text: S) -> Bool {
        text.utf8.contains { (0x30...0x39).contains($0) }
    }

    /// A fixed list of phrases searched for together: one pass over a text finds which
    /// occur, instead of one pass per phrase (the rules test every short line against a list).
    struct PhraseSet: Sendable {
        let phrases: [String]
        private let bytes: [[UInt8]]
        /// Indices of the phrases starting with each byte value.
        private let byFirstByte: [[Int]]

        init(_ phrases: [String]) {
            self.phrases = phrases
            bytes = phrases.map { Array($0.utf8) }
            var table = [[Int]](repeating: [], count: 256)
            for (index, phrase) in bytes.enumerated() { if let first = phrase.first { table[Int(first)].append(index) } }
            byFirstByte = table
        }

        /// The phrases that occur in `text`, in list order.
        func occurring(in text: String) -> [String] {
            var text = text
            var found = [Bool](repeating: false, count: phrases.count)
            text.withUTF8 { text in
                for start in text.indices {
                    for index in byFirstByte[Int(text[start])] where !found[index] && bytes[index].count <= text.count - start {
                        found[index] = bytes[index].withUnsafeBufferPointer { phrase in
                            memcmp(text.baseAddress! + start, phrase.baseAddress!, phrase.count) == 0
                        }
                    }
                }
            }
            return phrases.indices.filter { found[$0] }.map { phrases[$0] }
        }
    }

    /// Byte-wise substring search (no Unicode normalisation: the needles are fixed phrases).
    static func contains(_ haystack: String, _ needle: String) -> Bool {
        var haystack = haystack, needle = needle
        return haystack.withUTF8 { h in
            needle.withUTF8 { n in
                guard let first = n.first else { return true }
                guard h.count >= n.count else { return false }
                var start = 0
                let last = h.count - n.count
                while start <= last {
                    if h[start] == first {
                        var matched = 1
                        while matched < n.count, h[start + matched] == n[matched] { matched += 1 }
                        if matched == n.count { return true }
                    }
                    start += 1
                }
                return false
            }
        }
    }

    /// Byte-wise prefix test.
    @inline(__always)
    static func hasPrefix(_ text: String, _ prefix: String) -> Bool {
        // Compared as two byte buffers: the rules test every short line against dozens of
        // prefixes, and walking two UTF8Views element by element showed in profiles.
        let compared = text.utf8.withContiguousStorageIfAvailable { textBytes in
            prefix.utf8.withContiguousStorageIfAvailable { prefixBytes in
                prefixBytes.count <= textBytes.count
                    && (prefixBytes.isEmpty || memcmp(textBytes.baseAddress!, prefixBytes.baseAddress!, prefixBytes.count) == 0)
            }
        }
        return (compared ?? nil) ?? text.utf8.starts(with: prefix.utf8)
    }

    /// Lowercased, with an ASCII fast path.
    static func lowercased(_ text: String) -> String {
        if text.utf8.allSatisfy({ $0 < 0x80 }) {
            if !text.utf8.contains(where: { (0x41...0x5A).contains($0) }) { return text }
            return String(decoding: text.utf8.map { (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        }
        return text.lowercased()
    }

    /// Punctuation, symbols and whitespace: what `normalized` trims from both ends (as
    /// Foundation's punctuation, symbol and whitespace character sets).
    @inline(__always)
    static func isTrimmable(_ scalar: Unicode.Scalar) -> Bool {
        if isWhitespace(scalar) { return true }
        let value = scalar.value
        if value < 0x80 {
            return (0x21...0x2F).contains(value) || (0x3A...0x40).contains(value) || (0x5B...0x60).contains(value) || (0x7B...0x7E).contains(value)
        }
        switch scalar.properties.generalCategory {
        case .connectorPunctuation, .dashPunctuation, .openPunctuation, .closePunctuation, .initialPunctuation,
             .finalPunctuation, .otherPunctuation, .mathSymbol, .currencySymbol, .modifierSymbol, .otherSymbol:
            return true
        default:
            return false
        }
    }

    /// Lowercased, whitespace collapsed, punctuation, symbols and spaces trimmed from both ends.
    static func normalized(_ line: String) -> String {
        let collapsed = collapseSpaces(lowercased(line))
        let scalars = collapsed.unicodeScalars
        guard let first = scalars.firstIndex(where: { !isTrimmable($0) }),
              let last = scalars.lastIndex(where: { !isTrimmable($0) }) else { return "" }
        return String(scalars[first...last])
    }

    /// Lowercased runs of letters and digits.
    static func words(_ text: String) -> [String] {
        var words: [String] = []
        var current = String.UnicodeScalarView()
        for scalar in text.unicodeScalars {
            if isLetterOrDigit(scalar) { current.append(scalar); continue }
            if !current.isEmpty { words.append(lowercased(String(current))); current = String.UnicodeScalarView() }
        }
        if !current.isEmpty { words.append(lowercased(String(current))) }
        return words
    }

    /// Words of a class or id attribute value, one at a time: "post-tags", "shareBar" → post,
    /// tags, share, bar (split at non-alphanumerics and lower-to-upper case changes,
    /// lowercased). A visitor, not an array: most words are short enough to be stored inline
    /// in a `String`, so splitting allocates nothing.
    static func forEachClassWord(_ raw: String, _ body: (String) -> Void) {
        if raw.utf8.allSatisfy({ $0 < 0x80 }) { forEachASCIIClassWord(raw, body); return }
        var current = String.UnicodeScalarView()
        var previousLower = false
        for scalar in raw.unicodeScalars {
            if isLetterOrDigit(scalar) {
                let properties = scalar.properties
                if properties.isUppercase && previousLower { body(lowercased(String(current))); current = String.UnicodeScalarView() }
                current.append(scalar)
                previousLower = properties.isLowercase
            } else {
                if !current.isEmpty { body(lowercased(String(current))) }
                current = String.UnicodeScalarView()
                previousLower = false
            }
        }
        if !current.isEmpty { body(lowercased(String(current))) }
    }

    /// `forEachClassWord` for ASCII values (nearly all), byte by byte into a fixed buffer.
    private static func forEachASCIIClassWord(_ raw: String, _ body: (String) -> Void) {
        withUnsafeTemporaryAllocation(of: UInt8.self, capacity: raw.utf8.count) { current in
            var length = 0
            var previousLower = false
            func finish() {
                if length > 0 { body(String(decoding: UnsafeBufferPointer(rebasing: current[..<length]), as: UTF8.self)) }
                length = 0
            }
            for byte in raw.utf8 {
                let isUpper = (0x41...0x5A).contains(byte), isLower = (0x61...0x7A).contains(byte), isDigit = (0x30...0x39).contains(byte)
                guard isUpper || isLower || isDigit else { finish(); previousLower = false; continue }
                if isUpper && previousLower { finish() }
                current[length] = isUpper ? byte | 0x20 : byte
                length += 1
                previousLower = isLower
            }
            finish()
        }
    }
}
