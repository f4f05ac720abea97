// Writes Sources/ParallaxLanguage/Resources/country-names.tsv: the name of every ISO 3166
// region in each language Parallax reads, from the Unicode CLDR data that ICU carries
// (Foundation's `Locale.localizedString(forRegionCode:)`), so nothing is downloaded.
// Run by `make country-names`; the hand-written additions (short forms, names CLDR gives
// in a form news does not use) are `country-names-extra.tsv` beside it, read at run time.
//
//     swiftc -O scripts/country-names.swift -o .build/country-names && .build/country-names > FILE
import Foundation

/// Column → the ICU locales whose names it takes (one column may merge scripts:
/// Chinese in simplified and traditional characters, Serbian in Cyrillic and Latin).
let columns: [(String, [String])] = [
    "af", "am", "ar", "az", "be", "bg", "bn", "bs", "ca", "ckb", "cs", "cy", "da", "de", "el", "en", "es", "et",
    "eu", "fa", "fi", "fr", "ga", "gl", "gu", "ha", "he", "hi", "hr", "hu", "hy", "id", "is", "it", "ja", "ka",
    "kk", "km", "ko", "ky", "lo", "lt", "lv", "mk", "ml", "mn", "mr", "ms", "mt", "my", "nb", "ne", "nl", "nn",
    "pa", "pl", "ps", "pt", "ro", "ru", "si", "sk", "sl", "so", "sq", "sv", "sw", "ta", "te", "th", "tl", "tr",
    "uk", "ur", "uz", "vi", "yi",
].map { ($0, [$0]) } + [("pnb", ["pa-Arab"]), ("sr", ["sr", "sr-Latn"]), ("zh", ["zh-Hans", "zh-Hant"])]

/// Keys that CLDR's English name would give otherwise: the entity keys of the alias table
/// (Sources/ParallaxAnnotate/Resources/aliases.tsv), so both name a country alike.
let keys: [String: String] = ["CN": "china", "TR": "turkey", "CZ": "czech republic", "MM": "myanmar", "PS": "palestine"]

/// Codes that are not places a news report names as a country.
let skipped: Set<String> = ["ZZ", "EU", "EZ", "UN", "QO", "XA", "XB"]

print("# Country and territory names per language, generated from Unicode CLDR (through ICU) by")
print("# scripts/country-names.swift (make country-names); do not edit: add names to")
print("# country-names-extra.tsv. CLDR data: Copyright © Unicode, Inc., Unicode License v3.")
print((["region", "key"] + columns.map(\.0)).joined(separator: "\t"))
let english = Locale(identifier: "en")
for region in Locale.Region.isoRegions.map(\.identifier).filter({ $0.count == 2 && !skipped.contains($0) }).sorted() {
    guard let key = keys[region] ?? english.localizedString(forRegionCode: region)?.lowercased() else { continue }
    var row = [region, key]
    for (_, locales) in columns {
        var names: [String] = []
        for identifier in locales {
            // A name that only echoes the code means the locale lacks it.
            if let name = Locale(identifier: identifier).localizedString(forRegionCode: region), name != region, !names.contains(name) {
                names.append(name)
            }
        }
        row.append(names.joined(separator: "|"))
    }
    print(row.joined(separator: "\t"))
}
