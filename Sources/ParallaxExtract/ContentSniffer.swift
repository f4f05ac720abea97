/// Guesses what a byte string is before it is decoded: binary or text, HTML or plain text.
enum ContentSniffer {
    static let html = "text/html"
    static let plainText = "text/plain"

    /// How many leading bytes the sniffing looks at.
    static let sniffLength = 8192

    static func isWhitespace(_ byte: UInt8) -> Bool {
        byte == 0x20 || byte == 0x09 || byte == 0x0A || byte == 0x0D || byte == 0x0C || byte == 0x0B
    }

    /// NUL bytes or many control characters in the first 8 KB mean binary data. UTF-16
    /// text has NULs too, but it starts with a byte-order mark, which is checked first.
    static func looksBinary(_ bytes: [UInt8]) -> Bool {
        if CharsetDecoder.byteOrderMark(bytes) != nil { return false }
        let head = bytes.prefix(sniffLength)
        var controls = 0
        for byte in head {
            if byte == 0 { return true }
            if (byte < 0x20 && !isWhitespace(byte) && byte != 0x1B) || byte == 0x7F { controls += 1 }
        }
        return controls * 10 > head.count   // more than 10 %
    }

    /// `text/html` or `text/plain`, from the file name's extension, else from the content.
    static func contentType(fileName: String, bytes: [UInt8]) -> String {
        let lower = fileName.lowercased()
        if let dot = lower.lastIndex(of: "."), !lower[dot...].contains("/") {
            let ext = String(lower[lower.index(after: dot)...])
            if BoilerplateRules.htmlExtensions.contains(ext) { return html }
            if BoilerplateRules.textExtensions.contains(ext) { return looksLikeHTML(bytes) && ext != "md" ? html : plainText }
        }
        return looksLikeHTML(bytes) ? html : plainText
    }

    /// An HTML document starts (after whitespace, a BOM or comments) with a doctype, one of
    /// the document-level tags or a block element (a fragment: `<div>…`, `<article>…`), or has
    /// several common tags early on.
    static func looksLikeHTML(_ bytes: [UInt8]) -> Bool {
        let head = String(decoding: bytes.prefix(sniffLength), as: UTF8.self).lowercased()
        let trimmed = head.drop(while: { $0.isWhitespace || $0 == "\u{FEFF}" })
        for opening in ["<!doctype html", "<html", "<head", "<body", "<?xml", "<!--", "<meta", "<title"] where trimmed.hasPrefix(opening) {
            if opening == "<?xml" { return head.contains("<html") }
            return true
        }
        if trimmed.hasPrefix("<"), let name = trimmed.dropFirst().split(whereSeparator: { !$0.isLetter && !$0.isNumber }).first,
           fragmentOpenings.contains(String(name)) {
            return true
        }
        let tags = ["<p>", "<p ", "<div", "<br", "</a>", "<span", "<h1", "<h2", "<li>"]
        return tags.filter { head.contains($0) }.count >= 2
    }

    /// Elements an HTML fragment starts with.
    private static let fragmentOpenings: Set<String> = [
        "div", "article", "section", "main", "p", "h1", "h2", "h3", "table", "ul", "ol", "span", "header", "figure",
    ]
}
