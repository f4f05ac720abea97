import CLibXML2

/// A parsed HTML page as a flat array of nodes (an arena), copied out of libxml2's tree so
/// the rest of the extractor works on Swift values and never on C pointers.
struct HTMLTree: Sendable {
    struct Node: Sendable {
        enum Kind: Sendable { case element, text }
        var kind: Kind
        /// Lowercase tag name; empty for text.
        var name: String
        var attributes: [String: String]
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
    init?(utf8 html: String) {
        var bytes = Array(html.utf8)
        guard !bytes.isEmpty else { return nil }
        // RECOVER: real pages are rarely valid; NONET: never fetch DTDs; IGNORE_ENC: the
        // text is already UTF-8, a stale <meta charset> must not re-decode it; HUGE: lift
        // the 256-level nesting cut so deep pages keep their text (the copy below caps it).
        let options = Int32(HTML_PARSE_RECOVER.rawValue | HTML_PARSE_NOERROR.rawValue | HTML_PARSE_NOWARNING.rawValue
            | HTML_PARSE_NONET.rawValue | HTML_PARSE_COMPACT.rawValue | HTML_PARSE_IGNORE_ENC.rawValue | XML_PARSE_HUGE.rawValue)
        let document = bytes.withUnsafeMutableBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                htmlReadMemory(pointer, Int32(buffer.count), nil, "UTF-8", options)
            }
        }
        guard let document else { return nil }
        defer { xmlFreeDoc(document) }
        guard let rootElement = xmlDocGetRootElement(document) else { return nil }
        copy(from: rootElement)
        guard !nodes.isEmpty else { return nil }
        root = 0
    }

    /// Copies the libxml2 tree iteratively (an explicit stack, no recursion).
    private mutating func copy(from rootElement: xmlNodePtr) {
        var stack: [(xmlNodePtr, parent: Int?, depth: Int)] = [(rootElement, nil, 0)]
        while let (pointer, parent, depth) = stack.popLast() {
            let node = pointer.pointee
            let index: Int
            switch node.type {
            case XML_ELEMENT_NODE:
                let name = node.name.map { String(cString: $0).lowercased() } ?? ""
                var attributes: [String: String] = [:]
                var attribute = node.properties
                while let current = attribute {
                    if let attributeName = current.pointee.name, let value = xmlGetProp(pointer, attributeName) {
                        attributes[String(cString: attributeName).lowercased()] = String(cString: value)
                        parallax_xmlFree(value)
                    }
                    attribute = current.pointee.next
                }
                index = append(Node(kind: .element, name: name, attributes: attributes, text: "", parent: parent, children: [], depth: depth))
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                guard let content = xmlNodeGetContent(pointer) else { continue }
                let text = String(cString: content)
                parallax_xmlFree(content)
                _ = append(Node(kind: .text, name: "", attributes: [:], text: text, parent: parent, children: [], depth: depth))
                continue
            default:
                continue   // comments, processing instructions
            }
            // Children are pushed in reverse so they pop in document order.
            let childParent = depth < Self.maximumDepth ? index : parent
            let childDepth = depth < Self.maximumDepth ? depth + 1 : depth
            var children: [xmlNodePtr] = []
            var child = node.children
            while let current = child {
                children.append(current)
                child = current.pointee.next
            }
            for child in children.reversed() { stack.append((child, childParent, childDepth)) }
        }
    }

    private mutating func append(_ node: Node) -> Int {
        nodes.append(node)
        let index = nodes.count - 1
        if let parent = node.parent { nodes[parent].children.append(index) }
        return index
    }

    subscript(index: Int) -> Node { nodes[index] }

    /// Indices of all elements named `name`, in document order.
    func elements(named name: String) -> [Int] {
        nodes.indices.filter { nodes[$0].kind == .element && nodes[$0].name == name }
    }

    /// All descendant indices of `index` in document order (iterative).
    func descendants(of index: Int) -> [Int] {
        var result: [Int] = []
        var stack = nodes[index].children.reversed() as [Int]
        while let next = stack.popLast() {
            result.append(next)
            stack.append(contentsOf: nodes[next].children.reversed())
        }
        return result
    }

    /// The text of an element and its descendants, whitespace collapsed; block elements
    /// and line breaks separate words, inline elements do not.
    func text(of index: Int) -> String {
        if nodes[index].kind == .text { return PlainTextExtractor.collapseSpaces(nodes[index].text) }
        var text = ""
        for descendant in descendants(of: index) {
            let node = nodes[descendant]
            if node.kind == .text {
                text += node.text
            } else if node.name == "br" || BoilerplateRules.blockTags.contains(node.name) {
                text += " "
            }
        }
        return PlainTextExtractor.collapseSpaces(text)
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
