import CLibXML2

/// A parsed HTML page as a flat array of nodes (an arena), copied out of libxml2's tree so
/// the rest of the extractor works on Swift values and never on C pointers.
struct HTMLTree: Sendable {
    /// The attributes the extractor reads, as name–value pairs (an element has few, so a
    /// linear search beats a dictionary, and building one per element was a hot spot).
    struct Attributes: Sendable {
        var pairs: [(name: String, value: String)] = []
        subscript(name: String) -> String? {
            for pair in pairs where pair.name == name { return pair.value }
            return nil
        }
    }

    struct Node: Sendable {
        enum Kind: Sendable { case element, text }
        var kind: Kind
        /// Lowercase tag name; empty for text.
        var name: String
        /// Only the attributes in `BoilerplateRules.readAttributes`.
        var attributes: Attributes
        /// Lowercase words of the class and id attributes, split once here because every
        /// rule that looks at classes asks for them.
        var classWords: [String]
        /// Text content of a text node.
        var text: String
        var parent: Int?
        var children: [Int]
        var depth: Int
    }

    private(set) var nodes: [Node] = []
    /// Index of the root element (`<html>`), if any.
    private(set) var root: Int?

    /// Nesting deeper than this is flattened: deeper elements become children of their
    /// ancestor at this depth, so no later walk can be driven deep by hostile input.
    static let maximumDepth = 400

    /// Parses UTF-8 HTML. Returns nil when libxml2 finds no document at all.
    ///
    /// libxml2 reports the page as events (SAX) and the nodes are appended here directly:
    /// building libxml2's own tree, copying it and freeing it took longer than parsing.
    init?(utf8 html: String) {
        var html = html
        guard !html.isEmpty else { return nil }
        let builder = TreeBuilder()
        let parsed = html.withUTF8 { buffer in
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
                context.pointee.userData = Unmanaged.passUnretained(builder).toOpaque()
                _ = htmlParseDocument(context)
                if let document = context.pointee.myDoc { xmlFreeDoc(document); context.pointee.myDoc = nil }
                return true
            }
        }
        guard parsed, !builder.nodes.isEmpty else { return nil }
        nodes = builder.nodes
        root = 0
    }

    /// Receives libxml2's parse events and appends nodes in document order.
    private final class TreeBuilder {
        var nodes: [Node] = []
        /// Elements open at this point of the page, outermost first.
        var open: [Int] = []
        /// The text node that character data still goes to (until the next tag).
        var openText: Int?
        /// libxml2 interns element and attribute names, so each distinct name becomes a
        /// Swift string once.
        var names: [UnsafePointer<xmlChar>: String] = [:]
        /// Pages repeat the same class attribute on many elements (every teaser, every
        /// menu item): each distinct class and id pair is split into words once.
        var classWordsByValue: [String: [String]] = [:]

        init() { nodes.reserveCapacity(2048) }

        func name(_ pointer: UnsafePointer<xmlChar>) -> String {
            if let known = names[pointer] { return known }
            let value = TextScanning.lowercased(String(cString: pointer))
            names[pointer] = value
            return value
        }

        /// Parent and depth of a node added now. Deeper than `maximumDepth`, nodes become
        /// children of their ancestor at that depth, so no later walk is driven deep by
        /// hostile input.
        private var placement: (parent: Int?, depth: Int) {
            if open.count <= HTMLTree.maximumDepth { return (open.last, open.count) }
            return (open[HTMLTree.maximumDepth - 1], HTMLTree.maximumDepth)
        }

        private func add(_ node: Node) -> Int {
            nodes.append(node)
            let index = nodes.count - 1
            if let parent = node.parent { nodes[parent].children.append(index) }
            return index
        }

        func start(_ namePointer: UnsafePointer<xmlChar>?, _ pairs: UnsafeMutablePointer<UnsafePointer<xmlChar>?>?) {
            openText = nil
            var attributes = Attributes()
            if var pair = pairs {
                while let attributeName = pair.pointee {
                    let key = name(attributeName)
                    let value = pair.advanced(by: 1).pointee
                    if BoilerplateRules.readAttributes.contains(key) {
                        attributes.pairs.append((key, value.map { String(cString: $0) } ?? ""))
                    }
                    pair = pair.advanced(by: 2)
                }
            }
            let classValue = attributes["class"], idValue = attributes["id"]
            var classWords: [String] = []
            if classValue != nil || idValue != nil {
                let key = (classValue ?? "") + "\u{1F}" + (idValue ?? "")
                if let known = classWordsByValue[key] {
                    classWords = known
                } else {
                    classWords = TextScanning.classWords(classValue ?? "", idValue ?? "")
                    classWordsByValue[key] = classWords
                }
            }
            let (parent, depth) = placement
            let index = add(Node(kind: .element, name: namePointer.map(name) ?? "", attributes: attributes, classWords: classWords,
                                 text: "", parent: parent, children: [], depth: depth))
            open.append(index)
        }

        func end() {
            openText = nil
            _ = open.popLast()
        }

        func characters(_ bytes: UnsafePointer<xmlChar>?, _ count: Int32) {
            guard let bytes, count > 0, !open.isEmpty else { return }
            let text = String(decoding: UnsafeBufferPointer(start: bytes, count: Int(count)), as: UTF8.self)
            if let openText {
                nodes[openText].text += text
                return
            }
            let (parent, depth) = placement
            openText = add(Node(kind: .text, name: "", attributes: Attributes(), classWords: [], text: text, parent: parent,
                                children: [], depth: depth))
        }

        static func from(_ context: UnsafeMutableRawPointer?) -> TreeBuilder {
            Unmanaged<TreeBuilder>.fromOpaque(context!).takeUnretainedValue()
        }

        /// Only element and text events; libxml2 builds nothing itself.
        static func handler() -> xmlSAXHandler {
            var handler = xmlSAXHandler()
            handler.startElement = { context, name, attributes in TreeBuilder.from(context).start(name, attributes) }
            handler.endElement = { context, _ in TreeBuilder.from(context).end() }
            handler.characters = { context, bytes, count in TreeBuilder.from(context).characters(bytes, count) }
            handler.ignorableWhitespace = { context, bytes, count in TreeBuilder.from(context).characters(bytes, count) }
            handler.cdataBlock = { context, bytes, count in TreeBuilder.from(context).characters(bytes, count) }
            return handler
        }
    }

    subscript(index: Int) -> Node { nodes[index] }

    /// Indices of all elements named `name`, in document order.
    func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .element && nodes[$0].name == name }
    }

    /// The text of an element and its descendants, whitespace collapsed; block elements
    /// and line breaks separate words, inline elements do not. Stops once the text is longer
    /// than `limit` characters (callers that want only short texts need not build long ones).
    func text(of index: Int, limit: Int = .max) -> String {
        var text = TextScanning.CollapsingBuffer()
        if nodes[index].kind == .text { text.append(nodes[index].text); return text.string }
        var stack = nodes[index].children.reversed() as [Int]
        while let next = stack.popLast(), text.length <= limit {
            let node = nodes[next]
            if node.kind == .text {
                text.append(node.text)
                continue
            }
            if node.name == "br" || BoilerplateRules.blockTags.contains(node.name) { text.appendSpace() }
            stack.append(contentsOf: node.children.reversed())
        }
        return text.string
    }

    /// Whether `index` lies inside `ancestor` (or is it).
    func isInside(_ index: Int, _ ancestor: Int) -> Bool {
        var current: Int? = index
        while let node = current {
            if node == ancestor { return true }
            current = nodes[node].parent
        }
        return false
    }
}
