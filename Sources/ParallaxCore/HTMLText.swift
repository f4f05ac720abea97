/// Untrusted text made inert for HTML: the one escaping rule every HTML renderer (the
/// report renderer, the web UI) uses, so article text can never become markup.
public enum HTMLText {
    /// Markup characters become entities, control characters spaces (newlines and tabs
    /// stay); safe in element content and in quoted attribute values.
    public static func escape(_ text: String) -> String {
        var out = ""
        out.reserveCapacity(text.utf8.count)
        for scalar in text.unicodeScalars {
            switch scalar {
            case "&": out += "&amp;"
            case "<": out += "&lt;"
            case ">": out += "&gt;"
            case "\"": out += "&quot;"
            case "'": out += "&#39;"
            case "\n", "\t": out.unicodeScalars.append(scalar)
            default:
                if scalar.properties.generalCategory == .control { out += " " } else { out.unicodeScalars.append(scalar) }
            }
        }
        return out
    }
}
