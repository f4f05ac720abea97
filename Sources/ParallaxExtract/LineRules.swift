import Foundation

/// The line-level boilerplate tests shared by plain text and HTML blocks: breadcrumb trails,
/// furniture lines, and the markers where an article's tail (tags, comments, teasers)
/// begins. The phrases themselves live in `BoilerplateRules`.
enum LineRules {
    /// Lowercased, whitespace collapsed, surrounding punctuation and spaces trimmed: the form
    /// in which lines are compared with each other and with the phrase lists.
    static func normalized(_ line: String) -> String { TextScanning.normalized(line) }

    /// "Home / World News / Some title": short parts joined by one repeated separator, the
    /// first a home word or all but the last only a few words long.
    static func isBreadcrumb(_ line: String) -> Bool {
        guard line.utf8.count <= 1600, TextScanning.length(line) <= 400, !line.utf8.contains(0x0A) else { return false }
        for separator in breadcrumbSeparators.occurring(in: line) {
            let parts = line.components(separatedBy: separator).map { TextScanning.trimmed($0) }
            guard parts.count >= 3 || (parts.count == 2 && BoilerplateRules.homeWords.contains(normalized(parts[0]))) else { continue }
            guard !parts.contains(where: \.isEmpty) else { continue }
            let leading = parts.dropLast()
            let startsAtHome = BoilerplateRules.homeWords.contains(normalized(parts[0]))
            let shortLeading = leading.allSatisfy { $0.split(separator: " ").count <= 4 }
            if startsAtHome && shortLeading { return true }
            if parts.count >= 3 && parts.allSatisfy({ $0.split(separator: " ").count <= 4 }) && !line.hasSuffix(".") { return true }
        }
        return false
    }

    private static let breadcrumbSeparators = TextScanning.PhraseSet(BoilerplateRules.breadcrumbSeparators)

    /// The last part of a breadcrumb trail (often the title itself).
    static func breadcrumbLeaf(_ line: String) -> String? {
        for separator in BoilerplateRules.breadcrumbSeparators where line.contains(separator) {
            return line.components(separatedBy: separator).last?.trimmingCharacters(in: .whitespaces)
        }
        return nil
    }

    /// A line that is page furniture wherever it stands ("Advertisement", "Share on X",
    /// "Your email address will not be published").
    static func isBoilerplateLine(_ line: String) -> Bool {
        guard TextScanning.length(line) <= BoilerplateRules.maximumMarkerLineCharacters * 2 else { return false }
        let key = normalized(line)
        if key.isEmpty { return true }
        if BoilerplateRules.boilerplateLinesExact.contains(key) { return true }
        if isReadingTime(key) { return true }
        guard let first = key.utf8.first, let prefixes = boilerplatePrefixesByInitial[first] else { return false }
        return prefixes.contains { TextScanning.hasPrefix(key, $0) }
    }

    /// `BoilerplateRules.boilerplateLinePrefixes` by their first byte: every block is tested.
    private static let boilerplatePrefixesByInitial: [UInt8: [String]] =
        Dictionary(grouping: BoilerplateRules.boilerplateLinePrefixes.filter { !$0.isEmpty }, by: { $0.utf8.first! })

    /// "7 min read": a number and one of `BoilerplateRules.readingTimeSuffixes`.
    private static func isReadingTime(_ key: String) -> Bool {
        let bytes = key.utf8
        guard let first = bytes.first, (0x30...0x39).contains(first), bytes.count <= 40 else { return false }
        let rest = bytes.drop { (0x30...0x39).contains($0) }
        return BoilerplateRules.readingTimeSuffixes.contains(TextScanning.trimmed(String(decoding: rest, as: UTF8.self)))
    }

    /// A line that starts the furniture at the end of an article: a tag list ("Tags: a, b"),
    /// a comment form heading, share or related-article headings.
    static func isTailMarker(_ line: String) -> Bool {
        guard TextScanning.length(line) <= BoilerplateRules.maximumMarkerLineCharacters else { return false }
        let lower = TextScanning.collapseSpaces(TextScanning.lowercased(line))
        let key = TextScanning.trimmed(lower, where: TextScanning.isTrimmable)
        // A marker is a prefix of the line or of its trimmed form, so it shares their first byte.
        guard lower.utf8.first.map(tailMarkerInitials.contains) == true || key.utf8.first.map(tailMarkerInitials.contains) == true else { return false }
        let keyLength = TextScanning.length(key)
        for (marker, markerLength, tightColon) in tailMarkerForms {
            if let tightColon {
                // "Tags:" and "Tags: politics, trade" both start a tag list.
                if TextScanning.hasPrefix(lower, marker) || TextScanning.hasPrefix(lower, tightColon) { return true }
            } else if key == marker || (TextScanning.hasPrefix(key, marker) && keyLength <= markerLength + 25 && isCountedHeading(key, marker: marker)) {
                return true
            }
        }
        return false
    }

    /// The first bytes of the tail markers.
    private static let tailMarkerInitials = Set(BoilerplateRules.tailMarkers.compactMap(\.utf8.first))

    /// Each tail marker with its length and, for markers ending in a colon, the form
    /// without a space before the colon ("mots-clés :" → "mots-clés:").
    private static let tailMarkerForms: [(marker: String, length: Int, tightColon: String?)] = BoilerplateRules.tailMarkers.map { marker in
        let tight = marker.hasSuffix(":") ? marker.dropLast().trimmingCharacters(in: .whitespaces) + ":" : nil
        return (marker, TextScanning.length(marker), tight)
    }

    /// "Comments (12)", "3 comments", "Leave a Reply to …": a marker followed only by a count
    /// or a short name.
    private static func isCountedHeading(_ key: String, marker: String) -> Bool {
        let markerLength = TextScanning.length(marker)
        if let next = key.unicodeScalars.dropFirst(markerLength).first, next.properties.isAlphabetic { return false }
        let rest = String(String.UnicodeScalarView(key.unicodeScalars.dropFirst(markerLength))).trimmingCharacters(in: .whitespaces.union(.punctuationCharacters))
        return rest.isEmpty || rest.allSatisfy { $0.isNumber } || rest.split(separator: " ").count <= 3 && !rest.contains(".")
    }

    /// A short line that is only a date (and perhaps a time): "November 20, 2019 - 11:28".
    static func isDateLine(_ line: String) -> Bool {
        guard TextScanning.length(line) <= 60, TextScanning.hasDigit(line),
              DateParsing.written(line) != nil || DateParsing.iso(line) != nil else { return false }
        let words = line.lowercased().split(whereSeparator: { !$0.isLetter })
        let other = words.filter { BoilerplateRules.monthNames[String($0)] == nil && $0.count > 2 }
        return other.count <= 2
    }

    /// Whether two lines say the same thing (case, spacing and punctuation aside).
    static func same(_ a: String, _ b: String) -> Bool {
        let x = normalized(a), y = normalized(b)
        return !x.isEmpty && x == y
    }

    /// Whether a line can be a title: one line, not too long, not a sentence ending a
    /// paragraph of several sentences.
    static func isTitleLike(_ line: String) -> Bool {
        guard !line.contains("\n"), line.count <= BoilerplateRules.maximumTitleCharacters else { return false }
        let words = line.split(whereSeparator: { $0.isWhitespace }).count
        guard words >= 1, words <= BoilerplateRules.maximumTitleWords else { return false }
        // Several sentences are a paragraph, not a title.
        let sentenceEnds = line.dropLast().filter { ".!?".contains($0) }.count
        return sentenceEnds <= 1 && line.contains(where: { $0.isLetter })
    }

    /// The author's name from a byline line ("By Daniel Voss | Baltic Ledger | 4 min read"
    /// → "Daniel Voss"), or nil when the line is not a byline.
    static func byline(_ line: String) -> String? {
        guard line.count <= 120 else { return nil }
        let lower = line.lowercased()
        guard let prefix = BoilerplateRules.bylinePrefixes.first(where: { lower.hasPrefix($0) }) else { return nil }
        let rest = line.dropFirst(prefix.count)
        let name = rest.split(whereSeparator: { "|·•–—,".contains($0) }).first.map { $0.trimmingCharacters(in: .whitespaces) } ?? ""
        let words = name.split(separator: " ")
        // A name is a few capitalised words; "By the time the fire was out…" is a sentence.
        guard (1...5).contains(words.count), words.allSatisfy({ $0.first?.isUppercase == true }) else { return nil }
        return name
    }

    /// "Source: Nordic Wire Service", "4 min read": head furniture that is not the title.
    static func isCreditOrReadingTime(_ line: String) -> Bool {
        guard line.count <= 120 else { return false }
        let lower = line.lowercased()
        return BoilerplateRules.creditPrefixes.contains(where: { lower.hasPrefix($0) })
            || BoilerplateRules.readingTimeWords.contains(where: { lower.contains($0) }) && line.split(separator: " ").count <= 8
    }
}
