import Testing
import ParallaxCore
import ParallaxStore

@Suite struct ArticleFingerprintTests {
    /// Stores filled by earlier versions recognise re-ingested articles by this hash, so its
    /// value for a fixed article must never change (computed independently: FNV-1a 64 of the
    /// case-folded, whitespace-collapsed title + text, twice with different seeds).
    @Test func contentHashIsStableAcrossVersions() {
        let article = Article(source: "fixed.html", title: "Bogotá Meeting",
                              paragraphs: ["  Trump  and", "Petro  met on Tuesday.\tIt was 3 Février 2026.\r\n"])
        #expect(ArticleFingerprint.contentHash(article) == "c7559c662704c8d963659be31a3aefee")
        // Capitals outside ASCII (full-width, titlecase digraphs, Roman numerals, a capital
        // with a dot that lowercases to two scalars) and non-ASCII whitespace.
        let unicode = Article(source: "fixed.html", title: "ÉLECTIONS À KYÏV: ВИБОРИ Ünd İstanbul",
                              paragraphs: ["Straße  ＡＢＣ Ǆemal\u{00A0}and\u{2003}Ⅻ tokens.", "Другий абзац."])
        #expect(ArticleFingerprint.contentHash(unicode) == "ef662d0a65c63da58e8a3bf515af621a")
    }

    @Test func contentHashIgnoresSpacingAndCaseOnly() {
        let a = Article(source: "a.html", title: "Storm hits coast", paragraphs: ["Winds of 120 km/h.", "Roads closed."])
        let b = Article(source: "b.html", title: "STORM  hits\ncoast", paragraphs: ["Winds of 120  km/h.\n", " Roads closed."])
        let c = Article(source: "c.html", title: "Storm hits coast", paragraphs: ["Winds of 130 km/h.", "Roads closed."])
        #expect(ArticleFingerprint.contentHash(a) == ArticleFingerprint.contentHash(b))
        #expect(ArticleFingerprint.contentHash(a) != ArticleFingerprint.contentHash(c))
    }
}
