import Foundation
import ParallaxSources

/// What a page says about its article outside the text: title, dates, author, site,
/// canonical URL, language and image, from JSON-LD, OpenGraph and `<meta>` tags, `<time>`
/// elements and the URL.
struct HTMLMetadata: Sendable {
    var title: String?
    var documentTitle: String?
    var headingTitle: String?
    var published: Date?
    var modified: Date?
    /// The page's scripts other than JSON-LD, where `scriptPublished` looks.
    private var scripts: [Int] = []
    var byline: String?
    var site: String?
    var canonicalURL: String?
    var language: String?
    var image: String?
    /// The page says it is not an article: a product (OpenGraph `og:type`), a forum thread,
    /// a Q&A or a collection page (JSON-LD `@type`), and names no article type.
    var declaresNonArticle = false
    /// The page says it is an article (`og:type` article, or a JSON-LD article type).
    var declaresArticle = false

    init(tree: HTMLTree, url: String?) {
        var meta: [String: String] = [:]
        var linkCanonical: String?
        var timeDate: Date?
        var itempropPublished: Date?
        var itempropModified: Date?
        var jsonLD: [[String: Any]] = []
        var relAuthor: String?
        var dateElement: Date?
        var headings: [String] = []

        for index in tree.nodes.indices where tree.nodes[index].kind == .element {
            // Most elements are none of these: skip them before copying the node out.
            let attributes = tree.attributes(of: index)
            guard tree.nodes[index].traits.contains(.metadata) || tree.nodes[index].classTraits.contains(.date)
                    || attributes["itemprop"] != nil else { continue }
            let node = tree[index], name = tree.name(of: index)
            switch name {
            case "meta":
                let key = (attributes["property"] ?? attributes["name"] ?? attributes["itemprop"] ?? attributes["http-equiv"])?.lowercased()
                if let key, let content = attributes["content"].map({ TextScanning.trimmed($0) }), !content.isEmpty,
                   meta[key] == nil {
                    meta[key] = content
                }
            case "link":
                let rel = attributes["rel"]?.lowercased() ?? ""
                if rel.split(separator: " ").contains("canonical"), let href = attributes["href"], linkCanonical == nil {
                    linkCanonical = href
                }
            case "script" where attributes["type"]?.lowercased().contains("ld+json") == true:
                let text = tree.scriptText(of: index)
                if let data = text.data(using: .utf8), let value = try? JSONSerialization.jsonObject(with: data) {
                    jsonLD.append(contentsOf: Self.objects(in: value))
                }
            case "script":
                scripts.append(index)
            case "title" where documentTitle == nil:
                documentTitle = tree.text(of: index, limit: BoilerplateRules.maximumTitleCharacters * 2)
            case "h1" where headings.count < BoilerplateRules.maximumHeadlineCandidates:
                let text = tree.text(of: index, limit: BoilerplateRules.maximumTitleCharacters)
                if !text.isEmpty, LineRules.isTitleLike(text), !Self.isInSiteFurniture(index, tree: tree) { headings.append(text) }
            case "time" where timeDate == nil:
                timeDate = attributes["datetime"].flatMap(DateParsing.iso)
                    ?? DateParsing.written(tree.text(of: index, limit: BoilerplateRules.maximumDateTextCharacters))
            case "a" where relAuthor == nil && (attributes["rel"]?.lowercased().contains("author") ?? false):
                relAuthor = tree.text(of: index, limit: BoilerplateRules.maximumDateTextCharacters)
            default:
                break
            }
            if dateElement == nil, name != "html", name != "body",
               node.classTraits.contains(.date) {
                let text = tree.text(of: index, limit: BoilerplateRules.maximumDateTextCharacters)
                if TextScanning.length(text) <= BoilerplateRules.maximumDateTextCharacters {
                    dateElement = attributes["datetime"].flatMap(DateParsing.iso) ?? DateParsing.iso(text) ?? DateParsing.written(text)
                }
            }
            if let itemprop = attributes["itemprop"].map(TextScanning.lowercased), name != "meta",
               itemprop == "datepublished" && itempropPublished == nil || itemprop == "datemodified" && itempropModified == nil {
                let value = attributes["datetime"] ?? attributes["content"]
                    ?? tree.text(of: index, limit: BoilerplateRules.maximumDateTextCharacters)
                let date = DateParsing.iso(value) ?? DateParsing.written(value)
                if itemprop == "datepublished" { itempropPublished = date } else { itempropModified = date }
            }
        }

        let article = jsonLD.first { Self.types(of: $0).contains(where: { BoilerplateRules.articleSchemaTypes.contains($0) && $0 != "webpage" }) }
            ?? jsonLD.first { Self.types(of: $0).contains("webpage") }

        func metaValue(_ keys: [String]) -> String? { keys.lazy.compactMap { meta[$0] }.first }

        let openGraphType = meta["og:type"].map(TextScanning.lowercased) ?? ""
        let schemaTypes = Set(jsonLD.flatMap(Self.types))
        declaresNonArticle = BoilerplateRules.nonArticleOpenGraphTypePrefixes.contains { openGraphType.hasPrefix($0) }
            || (openGraphType != "article" && !schemaTypes.isDisjoint(with: BoilerplateRules.nonArticleSchemaTypes)
                && schemaTypes.isDisjoint(with: BoilerplateRules.articleSchemaTypes.subtracting(["webpage"])))
        declaresArticle = openGraphType == "article" || !schemaTypes.isDisjoint(with: BoilerplateRules.articleSchemaTypes.subtracting(["webpage"]))

        site = metaValue(BoilerplateRules.siteMetaKeys).map(Self.clean)
            ?? (article?["publisher"] as? [String: Any])?["name"] as? String
        if let value = site, value.hasPrefix("@") || value.hasPrefix("http") { site = nil }

        // Without a declared site name, the document title's short trailing part names it.
        let titleSuffix = documentTitle.flatMap { Self.siteSuffix(of: Self.clean($0)) }
        let siteName = site ?? titleSuffix
        let metaTitle = [metaValue(BoilerplateRules.titleMetaKeys), article?["headline"] as? String, documentTitle].lazy
            .compactMap { $0 }.map { Self.stripSiteName(Self.clean($0), site: siteName) }.first { !$0.isEmpty }
        var siteNames = Set([site, titleSuffix].compactMap { $0.map(LineRules.normalized) })
        site = siteName
        siteNames.remove("")
        headingTitle = Self.headline(headings.map(Self.clean).filter { !siteNames.contains(LineRules.normalized($0)) }, metaTitle: metaTitle)
            .map { Self.withoutSiteSuffix($0, site: siteName) ?? $0 }
        // A heading in capitals with the metadata title's words: the metadata has the title
        // as written ("WEEKEND CODING AGENT" is styled "Weekend Coding Agent").
        if let heading = headingTitle, let metaTitle, heading != metaTitle, LineRules.same(heading, metaTitle),
           !heading.unicodeScalars.contains(where: { $0.properties.isLowercase }) {
            title = metaTitle
        } else {
            title = headingTitle ?? metaTitle
        }

        let anyPublished = jsonLD.lazy.compactMap { object in
            BoilerplateRules.jsonLDPublishedKeys.lazy.compactMap { (object[$0] as? String).flatMap(DateParsing.iso) }.first
        }.first
        let articlePublished: Date? = (article?["datePublished"] as? String).flatMap(DateParsing.iso) ?? anyPublished
        let metaPublished: Date? = metaValue(BoilerplateRules.publishedMetaKeys).flatMap { DateParsing.iso($0) ?? DateParsing.written($0) }
        let markedPublished: Date? = itempropPublished ?? timeDate ?? dateElement
        let urlPublished: Date? = (linkCanonical ?? meta["og:url"] ?? url).flatMap(DateParsing.fromURL)
        published = articlePublished ?? metaPublished ?? markedPublished ?? urlPublished
        modified = (article?["dateModified"] as? String).flatMap(DateParsing.iso)
            ?? metaValue(BoilerplateRules.modifiedMetaKeys).flatMap(DateParsing.iso) ?? itempropModified

        byline = Self.authorName(article?["author"]) ?? metaValue(BoilerplateRules.authorMetaKeys).flatMap { $0.hasPrefix("http") ? nil : Self.clean($0) }
            ?? relAuthor.map(Self.clean)
        if let value = byline, value.isEmpty { byline = nil }

        canonicalURL = Self.absolute(linkCanonical ?? meta["og:url"], base: url)
        image = Self.absolute(metaValue(BoilerplateRules.imageMetaKeys) ?? Self.imageURL(article?["image"]), base: url ?? canonicalURL)
        let htmlLang = tree.root.flatMap { tree.attributes(of: $0)["lang"] ?? tree.attributes(of: $0)["xml:lang"] }
        language = (htmlLang ?? meta["content-language"] ?? meta["og:locale"]).flatMap(Self.languageCode)
    }

    /// A publication date found only in page scripts (a framework's page data), the last
    /// resort before the modification date; looked for only when asked, as scripts are long.
    func scriptPublished(in tree: HTMLTree) -> Date? {
        scripts.lazy.compactMap { Self.publishedInScript(tree.scriptText(of: $0)) }.first
    }

    /// A date after a publication key in a script's page data
    /// (`"publishedAt":"2025-10-20T13:08:55-07:00"`, `publishDate:"2025-05-27"`).
    static func publishedInScript(_ script: String) -> Date? {
        guard TextScanning.hasDigit(script) else { return nil }
        var script = script
        return script.withUTF8 { bytes -> Date? in
            for key in BoilerplateRules.scriptPublishedKeys {
                var keyBytes = key
                let found = keyBytes.withUTF8 { needle -> Date? in
                    var start = 0
                    while let match = ByteSearch.firstIndex(of: needle, in: bytes, from: start) {
                        // The key must be quoted or bare before a colon: `"key":` or `key:`.
                        var after = match + needle.count
                        while after < bytes.count, bytes[after] == UInt8(ascii: "\\") || bytes[after] == UInt8(ascii: "\"") || bytes[after] == 0x20 { after += 1 }
                        if after < bytes.count, bytes[after] == UInt8(ascii: ":") {
                            let window = String(decoding: bytes[(after + 1)..<min(bytes.count, after + 48)], as: UTF8.self)
                            if let date = DateParsing.iso(window) { return date }
                        }
                        start = match + 1
                    }
                    return nil
                }
                if let found { return found }
            }
            return nil
        }
    }

    /// The visible headline: of the page's `<h1>`s (site logos and menus left out), the one
    /// that agrees with the metadata title, else the first that is more than a label. The
    /// metadata title is often the SEO title with other words; the `<h1>` is what readers see.
    static func headline(_ headings: [String], metaTitle: String?) -> String? {
        guard let metaTitle else { return headings.first }
        let metaWords = Set(TextScanning.words(metaTitle))
        func agreement(_ heading: String) -> Double {
            let words = Set(TextScanning.words(heading))
            let union = words.union(metaWords).count
            return union == 0 ? 0 : Double(words.intersection(metaWords).count) / Double(union)
        }
        if let best = headings.max(by: { agreement($0) < agreement($1) }), agreement(best) >= BoilerplateRules.headlineAgreement { return best }
        // A heading that shares nothing with the title and is only a word or two is a label
        // ("Search", "Menu"), not the article's headline.
        return headings.first { TextScanning.words($0).count >= BoilerplateRules.minimumHeadlineWords || agreement($0) > 0 }
    }

    /// Whether an element lies in the site's own furniture (logo, menus, footer) rather
    /// than in the page's content: the site's name is often an `<h1>` there.
    static func isInSiteFurniture(_ index: Int, tree: HTMLTree) -> Bool {
        var current: Int? = index
        while let node = current {
            let element = tree[node]
            if BoilerplateRules.siteFurnitureTags.contains(tree.name(of: node)) { return true }
            if element.classTraits.contains(.siteBrand) { return true }
            current = element.parent
        }
        return false
    }

    /// Every JSON object in a JSON-LD value, `@graph` members included.
    private static func objects(in value: Any) -> [[String: Any]] {
        if let array = value as? [Any] { return array.flatMap(objects) }
        guard let object = value as? [String: Any] else { return [] }
        var result = [object]
        if let graph = object["@graph"] { result += objects(in: graph) }
        return result
    }

    private static func types(of object: [String: Any]) -> [String] {
        if let type = object["@type"] as? String { return [type.lowercased()] }
        return (object["@type"] as? [String])?.map { $0.lowercased() } ?? []
    }

    private static func authorName(_ value: Any?) -> String? {
        if let name = value as? String { return name.hasPrefix("http") ? nil : clean(name) }
        if let object = value as? [String: Any] { return (object["name"] as? String).map(clean) }
        if let array = value as? [Any] {
            let names = array.compactMap { authorName($0) }.filter { !$0.isEmpty }
            return names.isEmpty ? nil : names.joined(separator: ", ")
        }
        return nil
    }

    private static func imageURL(_ value: Any?) -> String? {
        if let url = value as? String { return url }
        if let object = value as? [String: Any] { return object["url"] as? String }
        if let array = value as? [Any] { return array.lazy.compactMap { imageURL($0) }.first }
        return nil
    }

    static func clean(_ text: String) -> String {
        // References left in a title that was escaped twice ("SQL &#x26; AI", "Who&amp;#039;s").
        let text = PlainTextExtractor.collapseSpaces(HTMLEntities.decode(text).replacingOccurrences(of: "\u{A0}", with: " "))
        // A Markdown heading mark left in a title ("## Title").
        let marks = text.prefix { $0 == "#" }
        if !marks.isEmpty, text.dropFirst(marks.count).first == " " { return String(text.dropFirst(marks.count + 1)) }
        return text
    }

    /// "de-DE" → "de"; "en_US" → "en".
    static func languageCode(_ tag: String) -> String? {
        let code = tag.lowercased().split(whereSeparator: { $0 == "-" || $0 == "_" }).first.map(String.init) ?? ""
        return (2...3).contains(code.count) && code.allSatisfy(\.isLetter) ? code : nil
    }

    /// The trailing "| Site Name" of a page title, when it is short.
    static func siteSuffix(of title: String) -> String? {
        for separator in BoilerplateRules.titleSiteSeparators {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let suffix = title[range.upperBound...].trimmingCharacters(in: .whitespaces)
            let head = title[..<range.lowerBound]
            if !suffix.isEmpty, suffix.split(separator: " ").count <= 5, head.split(separator: " ").count >= 2 { return suffix }
        }
        return nil
    }

    /// Removes "| Site Name" (or "Site Name |" in front) from a title, as often as it is
    /// there ("Title – Artlyst - Artlyst").
    static func stripSiteName(_ title: String, site: String?) -> String {
        var title = title
        for _ in 0..<BoilerplateRules.maximumSiteNameStrips {
            let stripped = stripSiteNameOnce(title, site: site)
            if stripped == title || stripped.isEmpty { break }
            title = stripped
        }
        return title
    }

    /// The title without a trailing separator and the site's exact name ("… – Artlyst"), if
    /// it ends so; the only site stripping a visible heading gets.
    static func withoutSiteSuffix(_ title: String, site: String?) -> String? {
        // A site name with a separator of its own ("Gabriel Gonzalez - Cyber Security").
        guard let site, !site.isEmpty else { return nil }
        for separator in BoilerplateRules.titleSiteSeparators where title.hasSuffix(separator + site) {
            let head = title.dropLast(separator.count + site.count).trimmingCharacters(in: .whitespaces)
            if !head.isEmpty { return head }
        }
        return nil
    }

    private static func stripSiteNameOnce(_ title: String, site: String?) -> String {
        if let head = withoutSiteSuffix(title, site: site) { return head }
        for separator in BoilerplateRules.titleSiteSeparators {
            guard let range = title.range(of: separator, options: .backwards) else { continue }
            let head = title[..<range.lowerBound].trimmingCharacters(in: .whitespaces)
            let suffix = title[range.upperBound...].trimmingCharacters(in: .whitespaces)
            if let site, LineRules.same(suffix, site) || LineRules.normalized(site).contains(LineRules.normalized(suffix)) && !suffix.isEmpty {
                return head
            }
            // "… - Intuit TurboTax Blog" on a site that calls itself "Blog".
            if let site, !LineRules.normalized(site).isEmpty, suffix.split(separator: " ").count <= BoilerplateRules.maximumSiteSuffixWords,
               LineRules.normalized(suffix).hasSuffix(" " + LineRules.normalized(site)), head.split(separator: " ").count >= 3 {
                return head
            }
            if site == nil, suffix.split(separator: " ").count <= 4, head.split(separator: " ").count >= 3 { return head }
            if let first = title.range(of: separator), let site, LineRules.same(String(title[..<first.lowerBound]), site) {
                return title[first.upperBound...].trimmingCharacters(in: .whitespaces)
            }
        }
        return title
    }

    private static func absolute(_ link: String?, base: String?) -> String? {
        guard let link, !link.isEmpty else { return nil }
        if link.hasPrefix("http://") || link.hasPrefix("https://") { return link }
        guard let base, let baseURL = URL(string: base), let resolved = URL(string: link, relativeTo: baseURL) else { return link }
        return resolved.absoluteString
    }
}
