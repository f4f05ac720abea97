import Foundation
import CLibXML2
import ParallaxCore

/// A parsed XML document (feed, OPML list, sitemap) as a flat array of nodes copied out of
/// libxml2, so the parsers work on Swift values only.
///
/// Safety: network access is off, the external DTD subset is never loaded, entities are
/// never substituted and `XML_PARSE_HUGE` is never set, so libxml2's own limits stop entity
/// bombs ("billion laughs"). Entity references that survive parsing are never expanded
/// here either: an HTML entity name (a sloppy feed's `&nbsp;`) becomes its character, any
/// other stays as the literal `&name;`. External entities are therefore never read.
struct XMLTree: Sendable {
    struct Attribute: Sendable {
        var name: String
        var namespace: String?
        var value: String
    }

    struct Node: Sendable {
        enum Kind: Sendable { case element, text }
        var kind: Kind
        /// Local name of an element (no prefix), as written.
        var name: String
        var namespace: String?
        var attributes: [Attribute]
        /// Text of a text node.
        var text: String
        var parent: Int?
        var children: [Int]
    }

    private(set) var nodes: [Node] = []
    /// Index of the root element.
    let root = 0

    static let xmlNamespace = "http://www.w3.org/XML/1998/namespace"

    /// Errors that come from the sloppiness real feeds show (HTML entities without a DTD, a
    /// bare `&` in a URL): after one of them the document is repaired (see `XMLRepair`) and
    /// read again. Anything else, a tag mismatch for instance, fails the document.
    private static let repairableErrors: Set<Int32> = [
        Int32(XML_ERR_UNDECLARED_ENTITY.rawValue), Int32(XML_WAR_UNDECLARED_ENTITY.rawValue),
        Int32(XML_ERR_NAME_REQUIRED.rawValue), Int32(XML_ERR_ENTITYREF_SEMICOL_MISSING.rawValue),
    ]

    private static let parserReady: Void = { xmlInitParser() }()

    /// Parses `bytes`; errors name `source` and the line libxml2 stopped at.
    static func parse(_ bytes: [UInt8], source: String) throws(ParallaxError) -> XMLTree {
        guard !bytes.isEmpty else { throw ParallaxError(source: source, reason: .empty) }
        guard bytes.count <= SourceLimits.maximumXMLBytes else {
            throw ParallaxError(source: source, reason: .tooLarge(bytes: bytes.count, limit: SourceLimits.maximumXMLBytes))
        }
        _ = parserReady
        let strict = Int32(XML_PARSE_NONET.rawValue | XML_PARSE_NOERROR.rawValue | XML_PARSE_NOWARNING.rawValue)
        switch read(bytes, options: strict) {
        case .success(let tree):
            return tree
        case .failure(let failure):
            guard repairableErrors.contains(failure.code) else { throw ParallaxError(source: source, reason: .invalidInput(failure.message)) }
            // Still strict after the repair: a document with other faults keeps its first error.
            guard case .success(let tree) = read(XMLRepair.escapeEntities(bytes), options: strict) else {
                throw ParallaxError(source: source, reason: .invalidInput(failure.message))
            }
            return tree
        }
    }

    /// Keeps the first error libxml2 reports (later ones are often consequences, such as
    /// "premature end of data" after a tag mismatch).
    private final class FirstError {
        var failure: Failure?
    }

    private struct Failure: Error {
        var code: Int32
        var message: String
    }

    private static func read(_ bytes: [UInt8], options: Int32) -> Result<XMLTree, Failure> {
        guard let context = xmlNewParserCtxt() else { return .failure(Failure(code: -1, message: "XML parser could not start")) }
        defer { xmlFreeParserCtxt(context) }
        let firstError = FirstError()
        context.pointee._private = Unmanaged.passUnretained(firstError).toOpaque()
        context.pointee.sax.pointee.serror = { userData, error in
            // libxml2 passes the parser context as user data; its `_private` is ours.
            guard let userData, let error, error.pointee.level.rawValue >= XML_ERR_ERROR.rawValue,
                  let box = userData.assumingMemoryBound(to: xmlParserCtxt.self).pointee._private else { return }
            let collector = Unmanaged<FirstError>.fromOpaque(box).takeUnretainedValue()
            if collector.failure == nil { collector.failure = XMLTree.describe(error.pointee) }
        }
        let document = bytes.withUnsafeBufferPointer { buffer in
            buffer.baseAddress!.withMemoryRebound(to: CChar.self, capacity: buffer.count) { pointer in
                xmlCtxtReadMemory(context, pointer, Int32(buffer.count), nil, nil, options)
            }
        }
        if document == nil || context.pointee.wellFormed == 0 {
            if let document { xmlFreeDoc(document) }
            return .failure(firstError.failure ?? describe(context.pointee.lastError))
        }
        defer { xmlFreeDoc(document) }
        guard let rootElement = xmlDocGetRootElement(document) else {
            return .failure(Failure(code: -1, message: "malformed XML: no root element"))
        }
        var tree = XMLTree()
        tree.copy(from: rootElement)
        return .success(tree)
    }

    private static func describe(_ error: xmlError) -> Failure {
        let text = error.message.map { String(cString: $0) } ?? "unknown error"
        let oneLine = text.split(whereSeparator: \.isNewline).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? text
        let message = error.line > 0 ? "malformed XML at line \(error.line): \(oneLine)" : "malformed XML: \(oneLine)"
        return Failure(code: error.code, message: message)
    }

    /// Copies the libxml2 tree iteratively (an explicit stack, no recursion). libxml2
    /// already refuses nesting deeper than 256 without `XML_PARSE_HUGE`.
    private mutating func copy(from rootElement: xmlNodePtr) {
        var stack: [(xmlNodePtr, parent: Int?)] = [(rootElement, nil)]
        while let (pointer, parent) = stack.popLast() {
            let node = pointer.pointee
            switch node.type {
            case XML_ELEMENT_NODE:
                let index = append(Node(kind: .element, name: node.name.map { String(cString: $0) } ?? "",
                                        namespace: node.ns.flatMap { $0.pointee.href.map { String(cString: $0) } },
                                        attributes: Self.attributes(of: node), text: "", parent: parent, children: []))
                var children: [xmlNodePtr] = []
                var child = node.children
                while let current = child {
                    children.append(current)
                    child = current.pointee.next
                }
                stack.append(contentsOf: children.reversed().map { ($0, index) })
            case XML_TEXT_NODE, XML_CDATA_SECTION_NODE:
                let text = node.content.map { String(cString: $0) } ?? ""
                appendText(text, parent: parent)
            case XML_ENTITY_REF_NODE:
                // Never walk into the entity's content: that is where bombs and external
                // files would come from.
                let name = node.name.map { String(cString: $0) } ?? ""
                appendText(HTMLEntities.character(named: name) ?? "&\(name);", parent: parent)
            default:
                continue   // comments, processing instructions
            }
        }
    }

    private static func attributes(of node: xmlNode) -> [Attribute] {
        var attributes: [Attribute] = []
        var attribute = node.properties
        while let current = attribute {
            var value = ""
            var child = current.pointee.children
            while let text = child {
                if text.pointee.type == XML_TEXT_NODE, let content = text.pointee.content { value += String(cString: content) }
                child = text.pointee.next
            }
            attributes.append(Attribute(name: current.pointee.name.map { String(cString: $0) } ?? "",
                                        namespace: current.pointee.ns.flatMap { $0.pointee.href.map { String(cString: $0) } },
                                        value: value))
            attribute = current.pointee.next
        }
        return attributes
    }

    private mutating func append(_ node: Node) -> Int {
        nodes.append(node)
        let index = nodes.count - 1
        if let parent = node.parent { nodes[parent].children.append(index) }
        return index
    }

    private mutating func appendText(_ text: String, parent: Int?) {
        guard let parent else { return }
        // Adjacent text (text, entity, CDATA) merges into one node.
        if let last = nodes[parent].children.last, nodes[last].kind == .text {
            nodes[last].text += text
        } else {
            _ = append(Node(kind: .text, name: "", namespace: nil, attributes: [], text: text, parent: parent, children: []))
        }
    }

    // MARK: Queries

    /// The element children of `index`.
    func elements(of index: Int) -> [Int] {
        nodes[index].children.filter { nodes[$0].kind == .element }
    }

    /// Element children with this local name, in any of `namespaces` (nil: any namespace).
    func elements(of index: Int, named name: String, in namespaces: Set<String?>? = nil) -> [Int] {
        elements(of: index).filter { matches($0, name: name, in: namespaces) }
    }

    func firstElement(of index: Int, named name: String, in namespaces: Set<String?>? = nil) -> Int? {
        nodes[index].children.first { nodes[$0].kind == .element && matches($0, name: name, in: namespaces) }
    }

    func matches(_ index: Int, name: String, in namespaces: Set<String?>?) -> Bool {
        let node = nodes[index]
        guard node.name.caseInsensitiveCompare(name) == .orderedSame else { return false }
        return namespaces.map { $0.contains(node.namespace) } ?? true
    }

    /// The value of an attribute (local name, case-insensitive; any namespace unless given).
    func attribute(_ name: String, of index: Int, namespace: String? = nil) -> String? {
        nodes[index].attributes.first {
            $0.name.caseInsensitiveCompare(name) == .orderedSame && (namespace == nil || $0.namespace == namespace)
        }?.value
    }

    /// All text below `index`, in document order.
    func text(of index: Int) -> String {
        var result = ""
        var stack = [index]
        while let current = stack.popLast() {
            let node = nodes[current]
            if node.kind == .text { result += node.text } else { stack.append(contentsOf: node.children.reversed()) }
        }
        return result
    }

    /// Trimmed text of the first child element with this name, nil when absent or blank.
    func childText(of index: Int, named name: String, in namespaces: Set<String?>? = nil) -> String? {
        firstElement(of: index, named: name, in: namespaces).flatMap { nonBlank(text(of: $0)) }
    }

    /// The children of `index` serialised back to XML (Atom's `type="xhtml"` content).
    func innerXML(of index: Int) -> String {
        var result = ""
        for child in nodes[index].children { serialise(child, into: &result) }
        return result
    }

    private func serialise(_ index: Int, into result: inout String) {
        let node = nodes[index]
        guard node.kind == .element else { result += Self.escape(node.text, quotes: false); return }
        result += "<" + node.name
        for attribute in node.attributes where attribute.namespace != Self.xmlNamespace {
            result += " \(attribute.name)=\"\(Self.escape(attribute.value, quotes: true))\""
        }
        guard !node.children.isEmpty else { result += "/>"; return }
        result += ">"
        for child in node.children { serialise(child, into: &result) }
        result += "</\(node.name)>"
    }

    private static func escape(_ text: String, quotes: Bool) -> String {
        var escaped = ""
        escaped.reserveCapacity(text.utf8.count)
        for character in text.unicodeScalars {
            switch character {
            case "&": escaped += "&amp;"
            case "<": escaped += "&lt;"
            case ">": escaped += "&gt;"
            case "\"" where quotes: escaped += "&quot;"
            default: escaped.unicodeScalars.append(character)
            }
        }
        return escaped
    }

    /// The base URL in effect at `index`: `xml:base` attributes from the root down, each
    /// resolved against the one above it, starting from `documentURL`.
    func baseURL(at index: Int, documentURL: String?) -> String? {
        var chain: [String] = []
        var current: Int? = index
        while let node = current {
            if let base = attribute("base", of: node, namespace: Self.xmlNamespace) { chain.append(base) }
            current = nodes[node].parent
        }
        var base = documentURL
        for value in chain.reversed() { base = URLResolver.resolve(value, against: base) ?? base }
        return base
    }
}

/// A trimmed string, or nil when nothing but white space is left.
func nonBlank(_ text: String?) -> String? {
    guard let trimmed = text?.trimmingCharacters(in: .whitespacesAndNewlines), !trimmed.isEmpty else { return nil }
    return trimmed
}
