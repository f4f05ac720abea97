/// Writing systems, as far as language identification and tokenisation need to tell them apart.
///
/// The raw values are stable: the model file stores each language's scripts as a bit mask.
public enum Script: UInt8, CaseIterable, Sendable {
    case none = 0
    case latin, cyrillic, greek, armenian, hebrew, arabic, syriac, thaana
    case devanagari, bengali, gurmukhi, gujarati, oriya, tamil, telugu, kannada, malayalam, sinhala
    case thai, lao, tibetan, myanmar, georgian, hangul, ethiopic, khmer, mongolian
    case han, hiragana, katakana
    case other

    /// Scripts written without spaces between words: tokens become character bigrams.
    public var isWrittenWithoutSpaces: Bool {
        switch self {
        case .han, .hiragana, .katakana, .thai, .lao, .khmer, .myanmar, .tibetan: return true
        default: return false
        }
    }

    /// Scripts that distinguish upper and lower case (sentence starts can be recognised).
    public var isCased: Bool {
        switch self {
        case .latin, .cyrillic, .greek, .armenian, .georgian: return true
        default: return false
        }
    }

    var bit: UInt32 { 1 << UInt32(rawValue) }

    /// Unicode blocks of each script (the blocks, not the Script property: close enough
    /// for identification, and a table lookup instead of an ICU call).
    static let blocks: [(ClosedRange<UInt32>, Script)] = [
        (0x0041...0x005A, .latin), (0x0061...0x007A, .latin), (0x00C0...0x024F, .latin),
        (0x0250...0x02AF, .latin), (0x1E00...0x1EFF, .latin), (0x2C60...0x2C7F, .latin),
        (0xA720...0xA7FF, .latin), (0xFF21...0xFF3A, .latin), (0xFF41...0xFF5A, .latin),
        (0x0370...0x03FF, .greek), (0x1F00...0x1FFF, .greek),
        (0x0400...0x052F, .cyrillic), (0x1C80...0x1C8F, .cyrillic), (0x2DE0...0x2DFF, .cyrillic),
        (0xA640...0xA69F, .cyrillic),
        (0x0530...0x058F, .armenian), (0x0590...0x05FF, .hebrew), (0xFB1D...0xFB4F, .hebrew),
        (0x0600...0x06FF, .arabic), (0x0750...0x077F, .arabic), (0x08A0...0x08FF, .arabic),
        (0xFB50...0xFDFF, .arabic), (0xFE70...0xFEFF, .arabic),
        (0x0700...0x074F, .syriac), (0x0780...0x07BF, .thaana),
        (0x0900...0x097F, .devanagari), (0xA8E0...0xA8FF, .devanagari), (0x0980...0x09FF, .bengali),
        (0x0A00...0x0A7F, .gurmukhi), (0x0A80...0x0AFF, .gujarati), (0x0B00...0x0B7F, .oriya),
        (0x0B80...0x0BFF, .tamil), (0x0C00...0x0C7F, .telugu), (0x0C80...0x0CFF, .kannada),
        (0x0D00...0x0D7F, .malayalam), (0x0D80...0x0DFF, .sinhala), (0x0E00...0x0E7F, .thai),
        (0x0E80...0x0EFF, .lao), (0x0F00...0x0FFF, .tibetan), (0x1000...0x109F, .myanmar),
        (0x10A0...0x10FF, .georgian), (0x1C90...0x1CBF, .georgian),
        (0x1100...0x11FF, .hangul), (0x3130...0x318F, .hangul), (0xA960...0xA97F, .hangul),
        (0xAC00...0xD7AF, .hangul), (0xD7B0...0xD7FF, .hangul),
        (0x1200...0x139F, .ethiopic), (0x2D80...0x2DDF, .ethiopic),
        (0x1780...0x17FF, .khmer), (0x19E0...0x19FF, .khmer), (0x1800...0x18AF, .mongolian),
        (0x3005...0x3007, .han), (0x3400...0x4DBF, .han), (0x4E00...0x9FFF, .han), (0xF900...0xFAFF, .han),
        (0x20000...0x3FFFF, .han),
        (0x3040...0x309F, .hiragana), (0x30A0...0x30FF, .katakana), (0x31F0...0x31FF, .katakana),
        (0xFF66...0xFF9F, .katakana),
    ]

    static func blockScript(of value: UInt32) -> Script {
        for (range, script) in blocks where range.contains(value) { return script }
        return .other
    }
}

/// Per-scalar facts for the hot loops (script, letter or not, simple lower case), computed
/// once for the Basic Multilingual Plane so tokenising never asks ICU per character.
enum CharacterTable {
    private static let letterFlag: UInt8 = 0x80

    /// info: script raw value | 0x80 when the scalar is a letter or combining mark.
    /// lower: the single-scalar lower-case mapping (the scalar itself when there is none).
    private static let table: (info: [UInt8], lower: [UInt16]) = {
        var info = [UInt8](repeating: 0, count: 0x10000)
        var lower = [UInt16](repeating: 0, count: 0x10000)
        for value in 0..<UInt32(0x10000) {
            lower[Int(value)] = UInt16(value)
            guard let scalar = Unicode.Scalar(value) else { continue }
            let properties = scalar.properties
            if isLetterLike(properties) {
                info[Int(value)] = Script.blockScript(of: value).rawValue | letterFlag
                if properties.changesWhenLowercased {
                    let mapped = properties.lowercaseMapping.unicodeScalars
                    if mapped.count == 1, let first = mapped.first, first.value < 0x10000 {
                        lower[Int(value)] = UInt16(first.value)
                    }
                }
            }
        }
        return (info, lower)
    }()

    private static func isLetterLike(_ properties: Unicode.Scalar.Properties) -> Bool {
        if properties.isAlphabetic { return true }
        switch properties.generalCategory {
        case .nonspacingMark, .spacingMark, .enclosingMark: return true
        default: return false
        }
    }

    /// Whether the scalar is part of a word (a letter, or a mark that attaches to one).
    @inline(__always)
    static func isLetter(_ value: UInt32) -> Bool {
        if value < 0x10000 { return table.info[Int(value)] & letterFlag != 0 }
        guard let scalar = Unicode.Scalar(value) else { return false }
        return isLetterLike(scalar.properties)
    }

    /// The script of a letter; `.none` for anything that is not a letter.
    @inline(__always)
    static func script(_ value: UInt32) -> Script {
        if value < 0x10000 {
            let info = table.info[Int(value)]
            return info & letterFlag != 0 ? Script(rawValue: info & ~letterFlag) ?? .other : .none
        }
        return isLetter(value) ? Script.blockScript(of: value) : .none
    }

    @inline(__always)
    static func lowercased(_ value: UInt32) -> UInt32 {
        if value < 0x80 { return value >= 0x41 && value <= 0x5A ? value | 0x20 : value }
        if value < 0x10000 { return UInt32(table.lower[Int(value)]) }
        return value
    }
}

/// Decodes UTF-8 bytes to scalar values without building `Character`s; invalid sequences
/// become U+FFFD (never a crash), as `String(decoding:as:)` does.
struct UTF8ScalarDecoder {
    @inline(__always)
    static func forEachScalar(_ bytes: UnsafeBufferPointer<UInt8>, _ body: (UInt32) -> Void) {
        var i = 0
        let n = bytes.count
        while i < n {
            let b0 = UInt32(bytes[i])
            if b0 < 0x80 { body(b0); i += 1; continue }
            var need = 0
            var value: UInt32 = 0
            var minimum: UInt32 = 0
            if b0 & 0xE0 == 0xC0 { need = 1; value = b0 & 0x1F; minimum = 0x80 }
            else if b0 & 0xF0 == 0xE0 { need = 2; value = b0 & 0x0F; minimum = 0x800 }
            else if b0 & 0xF8 == 0xF0 { need = 3; value = b0 & 0x07; minimum = 0x10000 }
            else { body(0xFFFD); i += 1; continue }
            var j = 1
            while j <= need, i + j < n, bytes[i + j] & 0xC0 == 0x80 {
                value = value << 6 | UInt32(bytes[i + j] & 0x3F)
                j += 1
            }
            if j <= need || value < minimum || value > 0x10FFFF || (0xD800...0xDFFF).contains(value) {
                body(0xFFFD)
                i += max(1, j)
                continue
            }
            body(value)
            i += need + 1
        }
    }
}
