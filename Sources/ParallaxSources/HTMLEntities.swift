import CLibXML2
import Foundation

/// HTML character references (`&eacute;`, `&#233;`, `&#xE9;`), which feeds often carry
/// escaped once more inside titles and summaries (and pages in their titles). Names come
/// from libxml2's HTML 4 table.
public enum HTMLEntities {
    /// The character an HTML entity name stands for (`nbsp` → U+00A0).
    static func character(named name: String) -> String? {
        guard let description = name.withCString({ pointer in
            pointer.withMemoryRebound(to: xmlChar.self, capacity: name.utf8.count + 1) { htmlEntityLookup($0) }
        }), let scalar = Unicode.Scalar(description.pointee.value) else { return nil }
        return String(Character(scalar))
    }

    /// `text` with every character reference that names a real character replaced by it;
    /// anything else (a bare `&`, an unknown name) is left as written.
    public static func decode(_ text: String) -> String {
        guard text.contains("&") else { return text }
        var result = ""
        var rest = Substring(text)
        while let ampersand = rest.firstIndex(of: "&") {
            result += rest[..<ampersand]
            let afterAmpersand = rest.index(after: ampersand)
            // References are short; a `;` further away than this belongs to something else.
            let window = rest[afterAmpersand...].prefix(32)
            if let semicolon = window.firstIndex(of: ";"), let character = reference(rest[afterAmpersand..<semicolon]) {
                result += character
                rest = rest[rest.index(after: semicolon)...]
            } else {
                result += "&"
                rest = rest[afterAmpersand...]
            }
        }
        result += rest
        return result
    }

    private static func reference(_ body: Substring) -> String? {
        if body.hasPrefix("#") {
            let digits = body.dropFirst()
            let value = digits.first == "x" || digits.first == "X" ? UInt32(digits.dropFirst(), radix: 16) : UInt32(digits, radix: 10)
            guard let value, value != 0, let scalar = Unicode.Scalar(value) else { return nil }
            return String(Character(scalar))
        }
        guard !body.isEmpty, body.allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }) else { return nil }
        switch body {
        case "apos": return "'"   // XML's, missing from the HTML 4 table
        default: return character(named: String(body))
        }
    }
}
