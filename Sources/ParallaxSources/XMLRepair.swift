/// Repairs the two faults that make most real feeds ill-formed XML, at the byte level and
/// only where XML markup is parsed (not inside CDATA sections or comments):
/// - an HTML entity reference without a DTD (`&eacute;`) becomes a numeric one (`&#233;`);
/// - a bare `&` (as in `?id=1&page=2`) becomes `&amp;`.
/// Unknown names are left alone, so a document that still fails keeps its error.
enum XMLRepair {
    private static let predefined: Set<String> = ["lt", "gt", "amp", "quot", "apos"]
    /// A reference name longer than this is taken for text.
    private static let maximumNameLength = 32

    static func escapeEntities(_ bytes: [UInt8]) -> [UInt8] {
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count + bytes.count / 16)
        var index = 0
        while index < bytes.count {
            let byte = bytes[index]
            if byte == UInt8(ascii: "<"), let end = skipVerbatim(bytes, at: index) {
                output += bytes[index..<end]
                index = end
                continue
            }
            guard byte == UInt8(ascii: "&") else {
                output.append(byte)
                index += 1
                continue
            }
            var end = index + 1
            while end < bytes.count, end - index <= maximumNameLength, isNameByte(bytes[end]) { end += 1 }
            guard end < bytes.count, bytes[end] == UInt8(ascii: ";"), end > index + 1 else {
                output += Array("&amp;".utf8)
                index += 1
                continue
            }
            let name = String(decoding: bytes[(index + 1)..<end], as: UTF8.self)
            if !name.hasPrefix("#"), !predefined.contains(name), let character = HTMLEntities.character(named: name),
               let scalar = character.unicodeScalars.first {
                output += Array("&#\(scalar.value);".utf8)
            } else {
                output += bytes[index...end]
            }
            index = end + 1
        }
        return output
    }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        (byte >= 0x30 && byte <= 0x39) || (byte >= 0x41 && byte <= 0x5A) || (byte >= 0x61 && byte <= 0x7A) || byte == UInt8(ascii: "#")
    }

    /// The end of a CDATA section or comment starting at `index`, copied as it is.
    private static func skipVerbatim(_ bytes: [UInt8], at index: Int) -> Int? {
        for (open, close) in [("<![CDATA[", "]]>"), ("<!--", "-->")] {
            let opening = Array(open.utf8)
            guard bytes[index...].starts(with: opening) else { continue }
            let closing = Array(close.utf8)
            let found = ByteSearch.find(closing, in: bytes[(index + opening.count)...])
            return found.map { $0 + closing.count } ?? bytes.count
        }
        return nil
    }
}
