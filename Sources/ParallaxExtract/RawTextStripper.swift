#if canImport(Glibc)
import Glibc
#endif

/// Cuts the contents of `<script>` and `<style>` elements, and comments, out of a page
/// before libxml2 parses it.
///
/// A third to a half of a modern page's bytes are scripts and style sheets, which libxml2
/// reads character by character and which the extractor never shows. Style contents are
/// dropped; each script's contents are replaced by a short placeholder naming its position
/// in `scripts`, so the tree can give the metadata reader (JSON-LD, dates in page data)
/// the original text back on request without having parsed it.
///
/// While it reads each tag it keeps only the attributes the extractor reads, and it
/// replaces each `class` value by the number of that value in `classValues` (a page
/// repeats a few dozen long class values on thousands of elements, and libxml2 reads
/// attribute values one character at a time). It also renames attributes that begin with
/// `@` (Alpine.js and Vue event handlers such as `@click="…"`): libxml2 2.9 cannot read such
/// a name, gives up on the tag and shows the rest of it, often kilobytes of script, as page
/// text.
///
/// The scan follows what libxml2's HTML parser does with these elements: a start tag
/// opens raw text (unless it closes itself with `/>`) that ends at the next `</script` or
/// `</style` (any case); comments and attribute values are passed over, so a `<script`
/// inside them opens nothing.
struct RawTextStripper {
    /// The page with script and style contents cut out.
    var html: [UInt8] = []
    /// Byte ranges, in the original page, of each script's contents, in page order.
    var scripts: [Range<Int>] = []
    /// The distinct `class` values of the page, as byte ranges in the original page (the
    /// first occurrence of each): in `html`, `class=` followed by `classNumberMark` and 7
    /// stands for the value at 7.
    var classValues: [Range<Int>] { classInterner.values }
    private var classInterner = ByteInterner()

    /// Raw text shorter than this is left in place: cutting it saves nothing.
    static let minimumCutBytes = 64

    /// What stands in for the script at `position` (printable ASCII without `<`, `&` or
    /// spaces, so libxml2 passes it through as one piece of character data).
    static func placeholder(_ position: Int) -> [UInt8] { placeholderPrefix + Array("\(position)@".utf8) }

    /// The script position a piece of character data stands for, if it is a placeholder.
    static func position(ofPlaceholder bytes: UnsafeBufferPointer<UInt8>) -> Int? {
        let prefix = placeholderPrefix
        guard bytes.count > prefix.count + 1, bytes.count < prefix.count + 20, bytes.last == UInt8(ascii: "@"),
              bytes.starts(with: prefix) else { return nil }
        var value = 0
        for byte in bytes[prefix.count..<(bytes.count - 1)] {
            guard (0x30...0x39).contains(byte) else { return nil }
            value = value * 10 + Int(byte - 0x30)
        }
        return value
    }

    private static let placeholderPrefix = Array("@parallax-script-".utf8)

    init(_ page: UnsafeBufferPointer<UInt8>) {
        let count = page.count
        html.reserveCapacity(count)
        var copiedUpTo = 0
        var index = 0
        /// Positions of `@` attribute-name starts not yet copied out.
        var renames: [Int] = []
        func copy(upTo end: Int) {
            html.append(contentsOf: page[copiedUpTo..<end])
            for position in renames where position >= copiedUpTo && position < end {
                html[html.count - (end - position)] = UInt8(ascii: "_")
            }
            renames.removeAll(keepingCapacity: true)
            copiedUpTo = end
        }
        while index < count {
            guard page[index] == UInt8(ascii: "<") else { index = Self.find(page, UInt8(ascii: "<"), from: index) ?? count; continue }
            let next = index + 1
            guard next < count else { break }
            if page[next] == UInt8(ascii: "!") {
                // A comment runs to `-->`; other `<!…>` declarations to `>`.
                if Self.matches(page, at: next, "!--") {
                    guard let close = Self.find(page, "-->", from: next + 3) else { index = count; continue }
                    // Cut out: libxml2 reads comments byte by byte into a buffer the tree
                    // never sees.
                    copy(upTo: index)
                    index = close + 3
                    copiedUpTo = index
                } else {
                    index = Self.find(page, ">", from: next).map { $0 + 1 } ?? count
                }
                continue
            }
            guard Self.isASCIILetter(page[next]) else { index = next; continue }
            var nameEnd = next
            while nameEnd < count, Self.isNameByte(page[nameEnd]) { nameEnd += 1 }
            let tagEnd: Int
            if nameEnd - next < Self.longestName, (next..<nameEnd).allSatisfy({ Self.isParserNameByte(page[$0]) }) {
                copy(upTo: nameEnd)
                let kept = Self.keepReadAttributes(page, of: next..<nameEnd, into: &html, classes: &classInterner)
                copiedUpTo = kept.copyFrom
                tagEnd = kept.tagEnd ?? Self.endOfTag(page, from: kept.copyFrom, renames: &renames)
            } else {
                tagEnd = Self.endOfTag(page, from: nameEnd, renames: &renames)
            }
            let isScript = Self.equalsIgnoringCase(page, next..<nameEnd, "script")
            let isSVG = !isScript && Self.equalsIgnoringCase(page, next..<nameEnd, "svg")
            guard isScript || isSVG || Self.equalsIgnoringCase(page, next..<nameEnd, "style"), tagEnd < count,
                  page[tagEnd - 1] != UInt8(ascii: "/") else {
                index = tagEnd + 1
                continue
            }
            if isSVG {
                // Drawing instructions, never text: the element is kept, empty. (Markup
                // continues after it, so a missing end tag cuts nothing.)
                guard let close = Self.findIgnoringCase(page, "</svg", from: tagEnd + 1) else { index = tagEnd + 1; continue }
                copy(upTo: tagEnd + 1)
                copiedUpTo = close
                index = close
                continue
            }
            let contentStart = tagEnd + 1
            let contentEnd = (isScript ? Self.findIgnoringCase(page, "</script", from: contentStart)
                : Self.findIgnoringCase(page, "</style", from: contentStart)) ?? count
            if contentEnd - contentStart >= Self.minimumCutBytes {
                copy(upTo: contentStart)
                if isScript {
                    html.append(contentsOf: Self.placeholder(scripts.count))
                    scripts.append(contentStart..<contentEnd)
                }
                copiedUpTo = contentEnd
            }
            index = contentEnd
        }
        copy(upTo: count)
    }

    /// What starts a numbered class value (a private-use character, so no page's own class
    /// value is taken for a number).
    static let classNumberMark: [UInt8] = Array("\u{E000}".utf8)

    /// The number of a numbered class value (`classNumberMark` and digits), if it is one.
    static func classNumber(_ value: UnsafeBufferPointer<UInt8>) -> Int? {
        let mark = classNumberMark
        guard value.count > mark.count, value.count < mark.count + 10, value.starts(with: mark) else { return nil }
        var number = 0
        for byte in value[mark.count...] {
            guard (0x30...0x39).contains(byte) else { return nil }
            number = number * 10 + Int(byte - 0x30)
        }
        return number
    }

    /// libxml2 reads names of at most this many bytes in one piece.
    private static let longestName = 100

    /// Copies the attributes of a start tag that `BoilerplateRules.readAttributes` names
    /// into `html`, each after one space, and drops the others (`src`, `srcset`, `data-*`,
    /// event handlers: a quarter of a page's markup once scripts are gone), which libxml2
    /// would otherwise parse, intern and copy only for the tree to ignore them.
    ///
    /// Attributes are read as libxml2's HTML parser reads them: a name of letters, digits,
    /// `-`, `_`, `:` and `.`, optionally `=` and a quoted or unquoted value. At anything else
    /// (a stray quote, a bracket in a name) it stops and the rest of the tag is left as it
    /// is: `copyFrom` is where copying resumes and `tagEnd` is nil. When the tag ends
    /// normally, `copyFrom` is the blanks before its `>` or `/>` and `tagEnd` the index of its `>`.
    private static func keepReadAttributes(_ page: UnsafeBufferPointer<UInt8>, of tag: Range<Int>, into html: inout [UInt8],
                                           classes: inout ByteInterner) -> (copyFrom: Int, tagEnd: Int?) {
        var index = tag.upperBound
        let count = page.count
        while true {
            let attributeStart = index
            while index < count, isParserBlank(page[index]) { index += 1 }
            guard index < count else { return (attributeStart, nil) }
            // The blanks before the end stay: `href=/docs />` must not become `href=/docs/>`.
            if page[index] == UInt8(ascii: ">") { return (attributeStart, index) }
            if page[index] == UInt8(ascii: "/"), index + 1 < count, page[index + 1] == UInt8(ascii: ">") { return (attributeStart, index + 1) }
            // `@click` is not a name to libxml2 (see `endOfTag`); it is never read either.
            let nameStart = index
            guard isParserNameStart(page[index]) || page[index] == UInt8(ascii: "@") else { return (attributeStart, nil) }
            index += 1
            while index < count, isParserNameByte(page[index]) { index += 1 }
            guard index - nameStart < longestName else { return (attributeStart, nil) }
            let nameEnd = index
            var end = nameEnd
            var value: Range<Int>?
            while index < count, isParserBlank(page[index]) { index += 1 }
            if index < count, page[index] == UInt8(ascii: "=") {
                index += 1
                while index < count, isParserBlank(page[index]) { index += 1 }
                guard index < count else { return (attributeStart, nil) }
                let quote = page[index]
                if quote == UInt8(ascii: "\"") || quote == UInt8(ascii: "'") {
                    guard let close = find(page, quote, from: index + 1) else { return (attributeStart, nil) }
                    end = close + 1
                    value = (index + 1)..<close
                } else {
                    let valueStart = index
                    while index < count, !isParserBlank(page[index]), page[index] != UInt8(ascii: ">") { index += 1 }
                    guard index > end else { return (attributeStart, nil) }
                    end = index
                    value = valueStart..<index
                }
                index = end
            } else {
                // No value: what follows the blanks is the next attribute.
                index = end
            }
            guard page[nameStart] != UInt8(ascii: "@"), isReadAttribute(page, nameStart..<nameEnd, tag: tag) else { continue }
            html.append(0x20)
            if let value, equalsIgnoringCase(page, nameStart..<nameEnd, "class") {
                html.append(contentsOf: page[nameStart..<nameEnd])
                html.append(UInt8(ascii: "="))
                html.append(contentsOf: classNumberMark)
                html.append(contentsOf: String(classes.number(of: value, in: page)).utf8)
            } else {
                html.append(contentsOf: page[nameStart..<end])
            }
        }
    }

    /// Whether an attribute name (any case) is one of `BoilerplateRules.readAttributes` and,
    /// if `attributesReadOnlyOn` names it, the tag is one it is read on.
    private static func isReadAttribute(_ page: UnsafeBufferPointer<UInt8>, _ name: Range<Int>, tag: Range<Int>) -> Bool {
        guard name.count <= longestReadAttribute else { return false }
        // A few names per length, compared in place: hashing a lowercased copy of every
        // attribute name showed in profiles.
        for candidate in readAttributesByLength[name.count] where equalsIgnoringCase(page, name, candidate.name) {
            guard let tags = candidate.onlyOn else { return true }
            return tags.contains { equalsIgnoringCase(page, tag, $0) }
        }
        return false
    }

    /// `BoilerplateRules.readAttributes` by name length, each with the tags it is read on
    /// (nil: all).
    private static let readAttributesByLength: [[(name: [UInt8], onlyOn: [[UInt8]]?)]] = {
        var table = [[(name: [UInt8], onlyOn: [[UInt8]]?)]](repeating: [], count: longestReadAttribute + 1)
        for name in BoilerplateRules.readAttributes.sorted() {
            let onlyOn = BoilerplateRules.attributesReadOnlyOn[name].map { $0.sorted().map { Array($0.utf8) } }
            table[name.utf8.count].append((Array(name.utf8), onlyOn))
        }
        return table
    }()
    private static let longestReadAttribute = BoilerplateRules.readAttributes.map(\.utf8.count).max() ?? 0

    /// libxml2's blanks (form feed is not one).
    private static func isParserBlank(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D
    }

    private static func isParserNameStart(_ byte: UInt8) -> Bool {
        isASCIILetter(byte) || byte == UInt8(ascii: "_") || byte == UInt8(ascii: ":") || byte == UInt8(ascii: ".")
    }

    private static func isParserNameByte(_ byte: UInt8) -> Bool {
        isParserNameStart(byte) || (0x30...0x39).contains(byte) || byte == UInt8(ascii: "-")
    }

    /// Index of the `>` that ends a tag whose name ends at `start` (or the page's end);
    /// a quoted attribute value may hold `>`. Attribute names starting with `@` are added
    /// to `renames`.
    private static func endOfTag(_ page: UnsafeBufferPointer<UInt8>, from start: Int, renames: inout [Int]) -> Int {
        var index = start
        var afterEquals = false
        var afterSpace = false
        while index < page.count {
            let byte = page[index]
            if byte == UInt8(ascii: ">") { return index }
            if afterSpace, !afterEquals, byte == UInt8(ascii: "@") { renames.append(index) }
            afterSpace = byte == 0x20 || (0x09...0x0D).contains(byte)
            if afterEquals, byte == UInt8(ascii: "\"") || byte == UInt8(ascii: "'") {
                guard let close = find(page, byte, from: index + 1) else { return page.count }
                index = close + 1
                afterEquals = false
                continue
            }
            if byte == UInt8(ascii: "=") {
                afterEquals = true
            } else if !(byte == 0x20 || (0x09...0x0D).contains(byte)) {
                afterEquals = false
            }
            index += 1
        }
        return page.count
    }

    private static func isASCIILetter(_ byte: UInt8) -> Bool { (0x61...0x7A).contains(byte | 0x20) }

    private static func isNameByte(_ byte: UInt8) -> Bool {
        !(byte == 0x20 || (0x09...0x0D).contains(byte) || byte == UInt8(ascii: ">") || byte == UInt8(ascii: "/"))
    }

    private static func matches(_ page: UnsafeBufferPointer<UInt8>, at index: Int, _ text: StaticString) -> Bool {
        let length = text.utf8CodeUnitCount
        guard index + length <= page.count else { return false }
        let bytes = text.utf8Start
        for offset in 0..<length where page[index + offset] != bytes[offset] { return false }
        return true
    }

    private static func equalsIgnoringCase(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ lowercase: StaticString) -> Bool {
        guard range.count == lowercase.utf8CodeUnitCount else { return false }
        let bytes = lowercase.utf8Start
        for offset in 0..<range.count where page[range.lowerBound + offset] | 0x20 != bytes[offset] { return false }
        return true
    }

    /// `equalsIgnoringCase` for a lowercase name known only at run time.
    private static func equalsIgnoringCase(_ page: UnsafeBufferPointer<UInt8>, _ range: Range<Int>, _ lowercase: [UInt8]) -> Bool {
        guard range.count == lowercase.count else { return false }
        for offset in 0..<range.count where page[range.lowerBound + offset] | 0x20 != lowercase[offset] { return false }
        return true
    }

    private static func find(_ page: UnsafeBufferPointer<UInt8>, _ byte: UInt8, from start: Int) -> Int? {
        guard start < page.count, let base = page.baseAddress,
              let hit = memchr(base + start, Int32(byte), page.count - start) else { return nil }
        return base.distance(to: hit.assumingMemoryBound(to: UInt8.self))
    }

    private static func find(_ page: UnsafeBufferPointer<UInt8>, _ text: StaticString, from start: Int) -> Int? {
        let first = text.utf8Start[0]
        var index = start
        while let candidate = find(page, first, from: index) {
            if matches(page, at: candidate, text) { return candidate }
            index = candidate + 1
        }
        return nil
    }

    /// First `text` (lowercase ASCII, starting with `<`) at or after `start`, any case.
    private static func findIgnoringCase(_ page: UnsafeBufferPointer<UInt8>, _ text: StaticString, from start: Int) -> Int? {
        let length = text.utf8CodeUnitCount
        var index = start
        while let candidate = find(page, UInt8(ascii: "<"), from: index) {
            if candidate + length <= page.count, equalsIgnoringCase(page, candidate..<(candidate + length), text) { return candidate }
            index = candidate + 1
        }
        return nil
    }
}

/// Numbers for the distinct byte strings of one page (its `class` values), in the order
/// first seen; a small open-addressing table over FNV-1a hashes, so no string is made to
/// look a value up.
struct ByteInterner {
    /// The first occurrence of each distinct string, by number.
    private(set) var values: [Range<Int>] = []
    private var hashes: [UInt64] = []
    /// Number + 1 of the string in each slot; 0 is empty.
    private var slots = [Int32](repeating: 0, count: 64)

    mutating func number(of range: Range<Int>, in page: UnsafeBufferPointer<UInt8>) -> Int {
        var hash: UInt64 = 0xcbf2_9ce4_8422_2325
        for byte in page[range] { hash = (hash ^ UInt64(byte)) &* 0x100_0000_01b3 }
        let mask = slots.count - 1
        var slot = Int(truncatingIfNeeded: hash) & mask
        while slots[slot] != 0 {
            let number = Int(slots[slot] - 1)
            let known = values[number]
            if hashes[number] == hash, known.count == range.count,
               memcmp(page.baseAddress! + known.lowerBound, page.baseAddress! + range.lowerBound, range.count) == 0 {
                return number
            }
            slot = (slot + 1) & mask
        }
        values.append(range)
        hashes.append(hash)
        slots[slot] = Int32(values.count)
        if values.count * 2 > slots.count { grow() }
        return values.count - 1
    }

    private mutating func grow() {
        slots = [Int32](repeating: 0, count: slots.count * 2)
        let mask = slots.count - 1
        for number in values.indices {
            var slot = Int(truncatingIfNeeded: hashes[number]) & mask
            while slots[slot] != 0 { slot = (slot + 1) & mask }
            slots[slot] = Int32(number + 1)
        }
    }
}
