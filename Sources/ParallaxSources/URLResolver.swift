import Foundation

/// Resolves the relative links feeds and sitemaps carry.
enum URLResolver {
    /// `reference` made absolute against `base`; the trimmed reference itself when it is
    /// already absolute or there is no usable base; nil when it is blank.
    static func resolve(_ reference: String, against base: String?) -> String? {
        guard let trimmed = nonBlank(reference) else { return nil }
        if let url = URL(string: trimmed), url.scheme != nil { return trimmed }
        guard let base, let baseURL = URL(string: base.trimmingCharacters(in: .whitespacesAndNewlines)), baseURL.scheme != nil,
              let resolved = URL(string: trimmed, relativeTo: baseURL)
        else { return trimmed }
        return resolved.absoluteString
    }
}
