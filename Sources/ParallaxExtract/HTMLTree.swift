import CLibXML2
import ParallaxSources

/// A parsed HTML page as a flat array of nodes (an arena), copied out of libxml2's tree so
/// the rest of the extractor works on Swift values and never on C pointers.
struct HTMLTree: Sendable {
    /// The attributes of an element that the extractor reads, as name–value pairs (an
    /// element has few, so a linear search beats a dictionary).
    struct Attributes: Sendable {
        fileprivate var pairs: ArraySlice<(name: String, value: String)>
        subscript(name: String) -> String? {
            for pair in pairs where pair.name == name { return pair.value }
            return nil
        }
    }

    /// What the extractor's rules say about a tag, looked up once per distinct tag name
    /// while parsing instead of hashing the name at every visit.
    struct TagTraits: OptionSet, Sendable {
        let rawValue: UInt8
        /// `BoilerplateRules.blockTags`: starts a new text block.
        static let block = TagTraits(rawValue: 1 << 0)
        /// `BoilerplateRules.headingTags`.
        static let heading = TagTraits(rawValue: 1 << 1)
        /// `BoilerplateRules.nonTextTags`: never holds readable text.
        static let nonText = TagTraits(rawValue: 1 << 2)
        /// `BoilerplateRules.removedTags`: furniture by its tag.
        static let removed = TagTraits(rawValue: 1 << 3)
        /// `BoilerplateRules.neverFurnitureTags`.
        static let neverFurniture = TagTraits(rawValue: 1 << 4)
        /// `BoilerplateRules.metadataTags`: read by `HTMLMetadata` for its own sake.
        static let metadata = TagTraits(rawValue: 1 << 5)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        init(tag name: String) {
            var traits: TagTraits = []
            if BoilerplateRules.blockTags.contains(name) { traits.insert(.block) }
            if BoilerplateRules.headingTags.contains(name) { traits.insert(.heading) }
            if BoilerplateRules.nonTextTags.contains(name) { traits.insert(.nonText) }
            if BoilerplateRules.removedTags.contains(name) { traits.insert(.removed) }
            if BoilerplateRules.neverFurnitureTags.contains(name) { traits.insert(.neverFurniture) }
            if BoilerplateRules.metadataTags.contains(name) { traits.insert(.metadata) }
            self = traits
        }
    }

    /// Which of `BoilerplateRules`' class-word lists a node's class and id words fall in,
    /// found once per distinct class and id value instead of at every rule that asks.
    struct ClassTraits: OptionSet, Sendable {
        let rawValue: UInt8
        /// A word of `commentClassWords`.
        static let comment = ClassTraits(rawValue: 1 << 0)
        /// A word of `boilerplateClassWords`,
        static let boilerplate = ClassTraits(rawValue: 1 << 1)
        /// …one that is not also a comment word,
        static let boilerplateOtherThanComment = ClassTraits(rawValue: 1 << 2)
        /// …or two words in a row of `boilerplateClassPairs`.
        static let boilerplatePair = ClassTraits(rawValue: 1 << 3)
        /// A word of `weakBoilerplateClassWords`.
        static let weakBoilerplate = ClassTraits(rawValue: 1 << 4)
        /// A word of `contentClassWords`.
        static let content = ClassTraits(rawValue: 1 << 5)
        /// A word of `dateClassWords`.
        static let date = ClassTraits(rawValue: 1 << 6)

        /// A word of `siteBrandClassWords` or two words in a row of `siteBrandClassPairs`:
        /// the site's logo, name or menus rather than the page's content.
        static let siteBrand = ClassTraits(rawValue: 1 << 7)

        init(rawValue: UInt8) { self.rawValue = rawValue }

        /// The traits of an element's class and id words, read one word at a time (see
        /// `TextScanning.forEachClassWord`); a pair may run from one value into the next.
        struct Scanner {
            private(set) var traits: ClassTraits = []
            /// The word before the next one, for the two-word rules.
            private var previous: String?

            mutating func scan(_ value: String) {
                TextScanning.forEachClassWord(value) { word in
                    if let known = ClassTraits.byWord[word] { traits.formUnion(known) }
                    if let first = previous, let pairs = ClassTraits.pairsByFirstWord[first], let pair = pairs[word] { traits.formUnion(pair) }
                    previous = word
                }
            }
        }

        /// Every word the class rules name, with its traits: one hash per class word
        /// instead of one per list.
        private static let byWord: [String: ClassTraits] = {
            var table: [String: ClassTraits] = [:]
            func add(_ words: Set<String>, _ trait: ClassTraits) {
                for word in words { table[word, default: []].insert(trait) }
            }
            add(BoilerplateRules.commentClassWords, .comment)
            add(BoilerplateRules.boilerplateClassWords, .boilerplate)
            add(BoilerplateRules.boilerplateClassWords.subtracting(BoilerplateRules.commentClassWords), .boilerplateOtherThanComment)
            add(BoilerplateRules.weakBoilerplateClassWords, .weakBoilerplate)
            add(BoilerplateRules.contentClassWords, .content)
            add(BoilerplateRules.dateClassWords, .date)
            add(BoilerplateRules.siteBrandClassWords, .siteBrand)
            return table
        }()

        /// The two-word rules by their first word: second word → trait.
        private static let pairsByFirstWord: [String: [String: ClassTraits]] = {
            var table: [String: [String: ClassTraits]] = [:]
            for (first, second) in BoilerplateRules.boilerplateClassPairs { table[first, default: [:]][second, default: []].insert(.boilerplatePair) }
            for (first, second) in BoilerplateRules.siteBrandClassPairs { table[first, default: [:]][second, default: []].insert(.siteBrand) }
            return table
        }()
    }

    /// One element or text node. Plain data without references (names and attributes live
    /// in the tree's own tables): copying nodes and freeing the array of them then costs no
    /// reference counting, which showed in profiles.
    struct Node: Sendable {
        enum Kind: Sendable { case element, text }
        var kind: Kind
        /// The lowercase tag name's place in the tree's `names` (0: the empty name of text).
        var nameID: Int32
        var traits: TagTraits
        /// Where the element's attributes lie in the tree's `attributePairs`: only those in
        /// `BoilerplateRules.readAttributes`.
        var attributeRange: Range<Int32>
        /// What the class and id words say, found once here because every rule that looks
        /// at classes asks.
        var classTraits: ClassTraits
        /// Where a text node's text lies in `textBytes` (empty for elements and for a
        /// script's contents: see `scriptText`).
        var textRange: Range<Int>
        /// Length of the node's text in Unicode scalars.
        var textLength: Int
        var parent: Int?
        /// One past the node's last descendant: nodes are stored in document order, so a
        /// node's subtree is the index range `index..<end`.
        var end: Int
    }

    private(set) var nodes: [Node] = []
    /// Tag names by `Node.nameID`.
    private var names: [String] = []
    /// The read attributes of all elements, by `Node.attributeRange`.
    private var attributePairs: [(name: String, value: String)] = []
    /// The UTF-8 text of all text nodes, one after the other: one buffer instead of a
    /// string per node (making, growing and freeing those showed in profiles).
    private var textBytes: [UInt8] = []
    /// Index of the root element (`<html>`), if any.
    private(set) var root: Int?
    /// The page as parsed, which script contents are read back from.
    private let source: String
    /// Byte ranges in `source` of the scripts cut out before parsing, by text node.
    private var scriptContents: [Int: Range<Int>] = [:]

    /// Nesting deeper than this is flattened: deeper elements become children of their
    /// ancestor at this depth, so no later walk can be driven deep by hostile input.
    static let maximumDepth = 400

    /// Parses UTF-8 HTML. Returns nil when libxml2 finds no document at all.
    ///
    /// Script and style contents are cut out first (`RawTextStripper`); libxml2 then reports
    /// the page as events (SAX) and the nodes are appended here directly: building libxml2's
    /// own tree, copying it and freeing it took longer than parsing.
    /// libxml2's global state (its dictionary's random seed and that seed's lock) must be set
    /// up once before threads parse at the same time: two threads parsing their first pages
    /// together could otherwise both set it up and wait on each other for ever (seen once in a
    /// test run, both stuck in `xmlRMutexLock` under `htmlCreateMemoryParserCtxt`).
    private static let parserReady: Void = { xmlInitParser() }()

    init?(utf8 html: String) {
        var html = html
        guard !html.isEmpty else { return nil }
        _ = Self.parserReady
        source = html
        var builder = TreeBuilder()
        let parsed = html.withUTF8 { page -> Bool in
            let stripped = RawTextStripper(page)
            builder.scripts = stripped.scripts
            builder.classValues = stripped.classValues.map { String(decoding: UnsafeBufferPointer(rebasing: page[$0]), as: UTF8.self) }
            return stripped.html.withUnsafeBufferPointer { buffer in
                buffer.withMemoryRebound(to: CChar.self) { bytes -> Bool in
                    guard let context = htmlCreateMemoryParserCtxt(bytes.baseAddress!, Int32(bytes.count)) else { return false }
                    defer { htmlFreeParserCtxt(context) }
                    // RECOVER: real pages are rarely valid; NONET: never fetch DTDs; IGNORE_ENC:
                    // the text is already UTF-8, a stale <meta charset> must not re-decode it;
                    // HUGE: lift the 256-level nesting cut so deep pages keep their text (the
                    // builder caps the depth it keeps).
                    let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
                        | HTML_PARSE_NONET.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
                    _ = htmlCtxtUseOptions(context, options)
                    // The bytes are UTF-8 (CharsetDecoder made them so); without this libxml2
                    // guesses and falls back to Latin-1.
                    context.pointee.charset = Int32(XML_CHAR_ENCODING_UTF8.rawValue)
                    guard let handler = context.pointee.sax else { return false }
                    handler.pointee = TreeBuilder.handler()
                    withUnsafeMutablePointer(to: &builder) { pointer in
                        context.pointee.userData = UnsafeMutableRawPointer(pointer)
                        _ = htmlParseDocument(context)
                    }
                    if let document = context.pointee.myDoc { xmlFreeDoc(document); context.pointee.myDoc = nil }
                    return true
                }
            }
        }
        guard parsed, !builder.nodes.isEmpty else { return nil }
        builder.finish()
        nodes = builder.nodes
        names = builder.nameList
        attributePairs = builder.attributePairs
        textBytes = builder.textBytes
        scriptContents = builder.scriptContents
        root = 0
    }

    /// Receives libxml2's parse events and appends nodes in document order.
    ///
    /// A struct reached through the parser's user-data pointer: as a class, every change to
    /// its arrays paid a run-time exclusivity check, which showed in profiles.
    private struct TreeBuilder {
        var nodes: [Node] = []
        var textBytes: [UInt8] = []
        /// Distinct tag and attribute names in the order first seen (the empty name first).
        var nameList = [""]
        private var nameIDs: [String: Int32] = ["": 0]
        var attributePairs: [(name: String, value: String)] = []
        /// Elements open at this point of the page, outermost first.
        var open: [Int] = []
        /// The text node that character data still goes to (until the next tag).
        var openText: Int?
        /// Script contents cut out before parsing, and where each went back in.
        var scripts: [Range<Int>] = []
        var scriptContents: [Int: Range<Int>] = [:]
        /// libxml2 interns element and attribute names, so each distinct name becomes a
        /// Swift string (and its traits) once.
        var names: [UnsafePointer<xmlChar>: Name] = [:]
        /// Pages repeat the same class attribute on many elements (every teaser, every
        /// menu item): each distinct class value is read once, here for the values that
        /// reach the parser as they are (in a tag `RawTextStripper` could not read). Ids are
        /// read each time: most are unique, so remembering them would only fill the table.
        var classScans: [String: ClassTraits.Scanner] = [:]
        /// The page's class values by the numbers `RawTextStripper` gave them, as they stand
        /// in the page, and what each says once read.
        var classValues: [String] = [] {
            didSet { numberedClassScans = Array(repeating: nil, count: classValues.count) }
        }
        private var numberedClassScans: [ClassTraits.Scanner?] = []

        /// What the class value numbered `number` says.
        private mutating func numberedClass(_ number: Int) -> ClassTraits.Scanner {
            if let known = numberedClassScans[number] { return known }
            var scanner = ClassTraits.Scanner()
            let value = classValues[number]
            // libxml2 would have decoded character references in the value.
            scanner.scan(value.utf8.contains(UInt8(ascii: "&")) ? HTMLEntities.decode(value) : value)
            numberedClassScans[number] = scanner
            return scanner
        }

        init() { nodes.reserveCapacity(2048) }

        /// A direct-mapped cache in front of `names`: a page uses a few dozen names, and
        /// hashing the pointer for every element and attribute showed in profiles.
        private var recentNames = [(pointer: UnsafePointer<xmlChar>?, entry: Name)](repeating: (nil, Name.empty), count: 256)

        struct Name {
            var name: String
            /// The name's place in `nameList`.
            var id: Int32
            var traits: TagTraits
            /// As an attribute: one of `BoilerplateRules.readAttributes`.
            var isRead: Bool

            static let empty = Name(name: "", id: 0, traits: [], isRead: false)
        }

        mutating func name(_ pointer: UnsafePointer<xmlChar>) -> Name {
            let slot = (Int(bitPattern: pointer) >> 3) & 255
            if recentNames[slot].pointer == pointer { return recentNames[slot].entry }
            let entry: Name
            if let known = names[pointer] {
                entry = known
            } else {
                let value = TextScanning.lowercased(String(cString: pointer))
                let id = nameIDs[value] ?? Int32(nameList.count)
                if id == nameList.count { nameList.append(value); nameIDs[value] = id }
                entry = Name(name: value, id: Int32(id), traits: TagTraits(tag: value), isRead: BoilerplateRules.readAttributes.contains(value))
                names[pointer] = entry
            }
            recentNames[slot] = (pointer, entry)
            return entry
        }

        /// Parent of a node added now. Deeper than `maximumDepth`, nodes become children of
        /// their ancestor at that depth, so no later walk is driven deep by hostile input.
        private var parent: Int? {
            open.count <= HTMLTree.maximumDepth ? open.last : open[HTMLTree.maximumDepth - 1]
        }

        private mutating func add(_ node: Node) -> Int {
            nodes.append(node)
            return nodes.count - 1
        }

        /// Sets each node's subtree end: children come after their parents, so one backward
        /// pass carries the ends up.
        mutating func finish() {
            for index in nodes.indices.reversed() {
                if let parent = nodes[index].parent, nodes[index].end > nodes[parent].end { nodes[parent].end = nodes[index].end }
            }
        }

        mutating func start(_ namePointer: UnsafePointer<xmlChar>?, _ pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            openText = nil
            let firstAttribute = attributePairs.count
            var numberedClasses: ClassTraits.Scanner?
            if var pair = pairs {
                while let attributeName = pair.pointee {
                    let key = name(attributeName)
                    if key.isRead {
                        let value = pair.advanced(by: 1).pointee
                        // A numbered class value is read from the table; nothing else reads it.
                        if key.name == "class", let value,
                           let number = RawTextStripper.classNumber(UnsafeBufferPointer(start: value, count: Int(xmlStrlen(value)))),
                           number < classValues.count {
                            numberedClasses = numberedClass(number)
                        } else {
                            attributePairs.append((key.name, value.map { String(cString: $0) } ?? ""))
                        }
                    }
                    pair = pair.advanced(by: 2)
                }
            }
            let attributes = Attributes(pairs: attributePairs[firstAttribute...])
            var classes = numberedClasses ?? ClassTraits.Scanner()
            if numberedClasses == nil, let classValue = attributes["class"] {
                if let known = classScans[classValue] {
                    classes = known
                } else {
                    classes.scan(classValue)
                    classScans[classValue] = classes
                }
            }
            if let idValue = attributes["id"] { classes.scan(idValue) }
            let tag = namePointer.map { name($0) } ?? Name.empty
            let index = add(Node(kind: .element, nameID: tag.id, traits: tag.traits, attributeRange: Int32(firstAttribute)..<Int32(attributePairs.count), classTraits: classes.traits,
                                 textRange: 0..<0, textLength: 0, parent: parent, end: nodes.count + 1))
            open.append(index)
        }

        mutating func end() {
            openText = nil
            _ = open.popLast()
        }

        mutating func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
            guard let bytes, count > 0, !open.isEmpty else { return }
            let buffer = UnsafeBufferPointer(start: bytes, count: Int(count))
            if openText == nil, let position = RawTextStripper.position(ofPlaceholder: buffer), position < scripts.count {
                let index = add(Node(kind: .text, nameID: 0, traits: [], attributeRange: 0..<0, classTraits: [], textRange: 0..<0, textLength: 0,
                                     parent: parent, end: nodes.count + 1))
                scriptContents[index] = scripts[position]
                return
            }
            let length = TextScanning.scalarCount(buffer)
            let start = textBytes.count
            textBytes.append(contentsOf: buffer)
            // The open text node's bytes are the last ones in the buffer: nothing else is
            // written until the next tag closes it.
            if let openText {
                nodes[openText].textRange = nodes[openText].textRange.lowerBound..<textBytes.count
                nodes[openText].textLength += length
                return
            }
            openText = add(Node(kind: .text, nameID: 0, traits: [], attributeRange: 0..<0, classTraits: [], textRange: start..<textBytes.count, textLength: length,
                                parent: parent, end: nodes.count + 1))
        }

        static func from(_ context: UnsafeMutableRawPointer?) -> UnsafeMutablePointer<TreeBuilder> {
            context!.assumingMemoryBound(to: TreeBuilder.self)
        }

        /// Only element and text events; libxml2 builds nothing itself.
        static func handler() -> xmlSAXHandler {
            var handler = xmlSAXHandler()
            handler.startElement = { context, name, attributes in TreeBuilder.from(context).pointee.start(name, attributes) }
            handler.endElement = { context, _ in TreeBuilder.from(context).pointee.end() }
            handler.characters = { context, bytes, count in TreeBuilder.from(context).pointee.characters(bytes, count) }
            handler.ignorableWhitespace = { context, bytes, count in TreeBuilder.from(context).pointee.characters(bytes, count) }
            handler.cdataBlock = { context, bytes, count in TreeBuilder.from(context).pointee.characters(bytes, count) }
            return handler
        }
    }

    subscript(index: Int) -> Node { nodes[index] }

    /// The lowercase tag name of an element (empty for text).
    func name(of index: Int) -> String { names[Int(nodes[index].nameID)] }

    /// The read attributes of an element (see `Node.attributeRange`).
    func attributes(of index: Int) -> Attributes {
        let range = nodes[index].attributeRange
        return Attributes(pairs: attributePairs[Int(range.lowerBound)..<Int(range.upperBound)])
    }

    /// The children of a node, in document order.
    func children(of index: Int) -> Children { Children(nodes: nodes, parentEnd: nodes[index].end, first: index + 1) }

    /// Walks children by jumping over each child's subtree.
    struct Children: Sequence, IteratorProtocol {
        let nodes: [Node]
        let parentEnd: Int
        var first: Int

        mutating func next() -> Int? {
            guard first < parentEnd else { return nil }
            defer { first = nodes[first].end }
            return first
        }
    }

    /// Indices of all elements named `name`, in document order.
    func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .element && names[Int(nodes[$0].nameID)] == name }
    }

    /// The text of a script element (which the parser never saw; see `RawTextStripper`).
    func scriptText(of index: Int) -> String {
        var text = ""
        for child in children(of: index) {
            if let range = scriptContents[child] {
                let utf8 = source.utf8
                text += source[utf8.index(utf8.startIndex, offsetBy: range.lowerBound)..<utf8.index(utf8.startIndex, offsetBy: range.upperBound)]
            } else {
                text += self.text(ofNode: child)
            }
        }
        return text
    }

    /// The text of an element and its descendants, whitespace collapsed; block elements
    /// and line breaks separate words, inline elements do not. Stops once the text is longer
    /// than `limit` characters (callers that want only short texts need not build long ones).
    func text(of index: Int, limit: Int = .max) -> String {
        var text = TextScanning.CollapsingBuffer()
        if nodes[index].kind == .text { appendText(ofNode: index, to: &text); return text.string }
        var next = index + 1
        let end = nodes[index].end
        while next < end, text.length <= limit {
            if nodes[next].kind == .text {
                appendText(ofNode: next, to: &text)
            } else if nodes[next].traits.contains(.block) || name(of: next) == "br" {
                text.appendSpace()
            }
            next += 1
        }
        return text.string
    }

    /// A text node's text, as it stands in the page.
    func text(ofNode index: Int) -> String {
        String(decoding: textBytes[nodes[index].textRange], as: UTF8.self)
    }

    /// Appends a text node's text to `buffer`; returns how many scalars that added.
    @discardableResult
    func appendText(ofNode index: Int, to buffer: inout TextScanning.CollapsingBuffer) -> Int {
        textBytes.withUnsafeBufferPointer { bytes in
            buffer.append(utf8: UnsafeBufferPointer(rebasing: bytes[nodes[index].textRange]))
        }
    }

    /// Whether `index` lies inside `ancestor` (or is it).
    func isInside(_ index: Int, _ ancestor: Int) -> Bool {
        index >= ancestor && index < nodes[ancestor].end
    }
}
