import Foundation
import ParallaxCore
#if canImport(Glibc)
import Glibc
#endif

/// Bytes → String: byte-order mark, declared charset (`<meta>`, then the content type),
/// then UTF-8 if the bytes are valid UTF-8; HTML without a usable declaration falls back to
/// windows-1252 (what browsers do), plain text that is not UTF-8 is an error.
enum CharsetDecoder {
    /// The encoding named by a byte-order mark and the mark's length.
    static func byteOrderMark(_ bytes: [UInt8]) -> (charset: String, length: Int)? {
        if bytes.starts(with: [0xEF, 0xBB, 0xBF]) { return ("UTF-8", 3) }
        if bytes.starts(with: [0xFF, 0xFE]) { return ("UTF-16LE", 2) }
        if bytes.starts(with: [0xFE, 0xFF]) { return ("UTF-16BE", 2) }
        return nil
    }

    /// `charset=` of a content type such as `text/html; charset="ISO-8859-1"`.
    static func charset(contentType: String?) -> String? {
        guard let contentType else { return nil }
        for parameter in contentType.split(separator: ";").dropFirst() {
            let pair = parameter.split(separator: "=", maxSplits: 1).map { $0.trimmingCharacters(in: .whitespaces) }
            if pair.count == 2, pair[0].lowercased() == "charset" {
                return pair[1].trimmingCharacters(in: CharacterSet(charactersIn: "\"'"))
            }
        }
        return nil
    }

    /// The charset an HTML page declares in its first few kilobytes: `<meta charset=…>` or
    /// `<meta http-equiv="Content-Type" content="…; charset=…">` (and the XML declaration).
    static func declaredCharset(html bytes: [UInt8]) -> String? {
        // Charset declarations are ASCII, so a Latin-1 view of the bytes is safe to search.
        let head = String(decoding: bytes.prefix(4096).map { $0 >= 0x80 ? 0x3F : (0x41...0x5A).contains($0) ? $0 | 0x20 : $0 }, as: UTF8.self)
        var searchStart = head.startIndex
        while let meta = head.range(of: "<meta", range: searchStart..<head.endIndex) {
            let tagEnd = head[meta.upperBound...].firstIndex(of: ">") ?? head.endIndex
            let tag = head[meta.upperBound..<tagEnd]
            if let label = charsetValue(in: tag) { return label }
            searchStart = tagEnd
        }
        if head.hasPrefix("<?xml"), let end = head.firstIndex(of: ">"), let range = head[..<end].range(of: "encoding=") {
            let value = head[range.upperBound..<end].drop(while: { $0 == "\"" || $0 == "'" }).prefix(while: { $0.isLetter || $0.isNumber || "-_.:".contains($0) })
            if !value.isEmpty { return String(value) }
        }
        return nil
    }

    private static func charsetValue(in tag: Substring) -> String? {
        guard let range = tag.range(of: "charset") else { return nil }
        var rest = tag[range.upperBound...].drop(while: { $0 == " " })
        guard rest.first == "=" else { return nil }
        rest = rest.dropFirst().drop(while: { $0 == " " || $0 == "\"" || $0 == "'" })
        let value = rest.prefix(while: { $0.isLetter || $0.isNumber || "-_.:".contains($0) })
        return value.isEmpty ? nil : String(value)
    }

    /// The iconv name for a charset label (WHATWG label aliases included), or nil when the
    /// label is unknown. Latin-1 and ASCII labels mean windows-1252, as in browsers.
    static func canonicalName(_ label: String) -> String? {
        let key = label.trimmingCharacters(in: .whitespaces).lowercased()
        if let alias = BoilerplateRules.charsetAliases[key] { return alias }
        let upper = key.uppercased()
        if upper.hasPrefix("ISO-8859-") || upper.hasPrefix("WINDOWS-125") || upper.hasPrefix("KOI8-") || upper.hasPrefix("EUC-") {
            return upper
        }
        if key.hasPrefix("iso8859-") || key.hasPrefix("iso_8859-") { return "ISO-8859-" + key.dropFirst(8) }
        if key.hasPrefix("cp125") { return "WINDOWS-" + key.dropFirst(2) }
        return nil
    }

    /// Decodes a document's bytes into text.
    static func decode(_ bytes: [UInt8], contentType: String?, isHTML: Bool, source: String) throws(ParallaxError) -> String {
        if let mark = byteOrderMark(bytes) {
            let body = Array(bytes[mark.length...])
            if mark.charset == "UTF-8" { return try decodeUTF8(body, lenient: isHTML, source: source) }
            return convert(body, from: mark.charset)
        }
        let declared = (isHTML ? declaredCharset(html: bytes) : nil) ?? charset(contentType: contentType)
        // Validating and building the string in one pass: most pages are valid UTF-8.
        let validUTF8 = String(validating: bytes, as: UTF8.self)
        if let declared, let name = canonicalName(declared) {
            switch name {
            case "UTF-8":
                if let validUTF8 { return validUTF8 }
                return try decodeUTF8(bytes, lenient: isHTML, source: source)
            case "WINDOWS-1252" where validUTF8 != nil && bytes.contains(where: { $0 >= 0x80 }):
                // Pages declaring Latin-1 but written in UTF-8 are common; valid multi-byte
                // UTF-8 is very unlikely to be intended Latin-1 text.
                return validUTF8!
            case "UTF-16LE", "UTF-16BE", "UTF-16":
                // A UTF-16 declaration in ASCII-readable bytes is wrong (the bytes would be
                // unreadable otherwise); go by the bytes.
                break
            default:
                return convert(bytes, from: name)
            }
        }
        if let validUTF8 { return validUTF8 }
        if isHTML { return windows1252(bytes) }
        throw ParallaxError(source: source, reason: .invalidEncoding(
            "not valid UTF-8 at byte \(firstInvalidUTF8Offset(bytes) ?? 0) and no charset declared"))
    }

    private static func decodeUTF8(_ bytes: [UInt8], lenient: Bool, source: String) throws(ParallaxError) -> String {
        if let offset = firstInvalidUTF8Offset(bytes), !lenient {
            throw ParallaxError(source: source, reason: .invalidEncoding("not valid UTF-8 at byte \(offset)"))
        }
        return String(decoding: bytes, as: UTF8.self)
    }

    /// The offset of the first byte that is not part of a well-formed UTF-8 sequence.
    static func firstInvalidUTF8Offset(_ bytes: [UInt8]) -> Int? {
        var i = 0
        let n = bytes.count
        while i < n {
            let b = bytes[i]
            if b < 0x80 { i += 1; continue }
            let length: Int
            var low: UInt8 = 0x80, high: UInt8 = 0xBF
            switch b {
            case 0xC2...0xDF: length = 2
            case 0xE0: length = 3; low = 0xA0
            case 0xE1...0xEC, 0xEE...0xEF: length = 3
            case 0xED: length = 3; high = 0x9F
            case 0xF0: length = 4; low = 0x90
            case 0xF1...0xF3: length = 4
            case 0xF4: length = 4; high = 0x8F
            default: return i
            }
            guard i + length <= n else { return i }
            let second = bytes[i + 1]
            guard second >= low && second <= high else { return i }
            for k in 2..<max(2, length) where bytes[i + k] & 0xC0 != 0x80 { return i }
            i += length
        }
        return nil
    }

    /// windows-1252, with the five unassigned bytes mapped to the C1 controls like browsers.
    static func windows1252(_ bytes: [UInt8]) -> String {
        var scalars = String.UnicodeScalarView()
        scalars.reserveCapacity(bytes.count)
        for byte in bytes {
            if byte >= 0x80 && byte <= 0x9F {
                scalars.append(Unicode.Scalar(BoilerplateRules.windows1252High[Int(byte - 0x80)]) ?? Unicode.Scalar(byte))
            } else {
                scalars.append(Unicode.Scalar(byte))
            }
        }
        return String(scalars)
    }

    /// Any other charset through iconv; bytes iconv rejects become U+FFFD.
    static func convert(_ bytes: [UInt8], from charset: String) -> String {
        if charset == "WINDOWS-1252" { return windows1252(bytes) }
        let descriptor = iconv_open("UTF-8", charset)
        guard descriptor != iconv_t(bitPattern: -1) else { return windows1252(bytes) }
        defer { iconv_close(descriptor) }
        var output: [UInt8] = []
        output.reserveCapacity(bytes.count * 2)
        var buffer = [CChar](repeating: 0, count: 64 * 1024)
        var input = bytes.map { CChar(bitPattern: $0) }
        input.withUnsafeMutableBufferPointer { source in
            var inPointer: UnsafeMutablePointer<CChar>? = source.baseAddress
            var inLeft = source.count
            while inLeft > 0 {
                let (result, produced, errorNumber) = buffer.withUnsafeMutableBufferPointer { out -> (Int, Int, Int32) in
                    var outPointer: UnsafeMutablePointer<CChar>? = out.baseAddress
                    var outLeft = out.count
                    let result = iconv(descriptor, &inPointer, &inLeft, &outPointer, &outLeft)
                    return (result, out.count - outLeft, errno)
                }
                output.append(contentsOf: buffer[0..<produced].map { UInt8(bitPattern: $0) })
                if result != -1 { break }
                if errorNumber == E2BIG { continue }
                // EILSEQ or EINVAL (truncated sequence at the end): replace one byte, go on.
                output.append(contentsOf: [0xEF, 0xBF, 0xBD])
                inPointer = inPointer.map { $0 + 1 }
                inLeft -= 1
            }
        }
        return String(decoding: output, as: UTF8.self)
    }
}
