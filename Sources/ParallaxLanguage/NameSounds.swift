import Foundation

/// The consonant skeleton of a name: what survives when a name is written in another
/// script by sound. "Bernanke", "Бернанке" and "ბერნანკე" all come out as `PNNK`; "Douglas"
/// and 道格拉斯 (dào gé lā sī) as `TKLS`; "Gorbachev", "Горбачёв" and "გორბაჩოვი" as `KPSP`.
///
/// The romanised name (`LatinFolding`, or pinyin for Han) is read as consonant classes:
/// vowels drop out, and so do the contrasts other scripts do not keep — voiced and unvoiced
/// (b/p, d/t, g/k), f/v/w (Korean has no f), the sibilants (s, z, sh, ch, j, ts: pinyin and
/// Cyrillic split them otherwise than Latin spellings), and l/r (Japanese and Korean write
/// one letter for both). An l or r before a consonant or at the end drops too: Chinese and
/// Korean write "Bernanke" and "Taylor" without it. Skeletons of fewer than
/// `minimumLength` classes say too little to key a name.
public enum NameSounds {
    /// Skeletons shorter than this are not keys: two classes match half of all names.
    public static let minimumLength = 3

    /// Classes of a letter sequence; `nil` marks a vowel (or h, y), which separates consonants.
    enum Sound: UInt8 {
        case labial = 0x50 /* P */, dental = 0x54 /* T */, velar = 0x4B /* K */, sibilant = 0x53 /* S */
        case liquid = 0x4C /* L */, m = 0x4D /* M */, n = 0x4E /* N */
    }

    /// Two to four letters read as one sound, longest first.
    private static let digraphs: [(letters: [UInt8], sound: Sound)] = [(String, Sound)]([
        ("tsch", .sibilant), ("sch", .sibilant), ("ch", .sibilant), ("sh", .sibilant), ("zh", .sibilant),
        ("ts", .sibilant), ("tz", .sibilant), ("cz", .sibilant), ("sz", .sibilant), ("ph", .labial), ("th", .dental),
        ("kh", .velar), ("gh", .velar), ("ng", .n), ("ck", .velar), ("dh", .dental), ("bh", .labial),
    ]).map { (Array($0.0.utf8), $0.1) }

    /// The letters that open a digraph: most letters open none, so most need no comparison.
    private static let opensDigraph: Set<UInt8> = Set(digraphs.map { $0.letters[0] })

    /// The skeleton of a word already folded to lowercase Latin (`LatinFolding.fold`), or
    /// nil when it is shorter than `minimumLength`. Letters other than a–z are skipped.
    /// `romanised`: the word was written in another script (`isRomanised`), so a c in its
    /// romanisation is "ch" or "ts" (ISO 15919 and ICU write ச, च, จ as c), never a k.
    public static func skeleton(ofLatin word: String, romanised: Bool = false) -> String? {
        finish(sounds(of: Array(word.utf8), pinyin: false, romanised: romanised)[...])
    }

    /// The sound of each letter (or digraph) of a lowercase romanisation, nil for a vowel;
    /// `pinyin` reads j, q and x as pinyin writes them.
    static func sounds(of bytes: [UInt8], pinyin: Bool, romanised: Bool = false) -> [Sound?] {
        var out: [Sound?] = []
        var i = 0
        next: while i < bytes.count {
            let b = bytes[i]
            guard b >= 0x61, b <= 0x7A else { i += 1; continue }
            if pinyin, b == 0x6A || b == 0x71 || b == 0x78 {  // j q x: palatal sibilants in pinyin
                out.append(.sibilant); i += 1; continue
            }
            if romanised, b == UInt8(ascii: "c") { out.append(.sibilant); i += 1; continue }
            if opensDigraph.contains(b) {
                for (letters, sound) in digraphs where letters[0] == b && i + letters.count <= bytes.count {
                    guard (1..<letters.count).allSatisfy({ bytes[i + $0] == letters[$0] }) else { continue }
                    out.append(sound)
                    i += letters.count
                    continue next
                }
            }
            switch b {
            case UInt8(ascii: "p"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "v"), UInt8(ascii: "w"): out.append(.labial)
            case UInt8(ascii: "t"), UInt8(ascii: "d"): out.append(.dental)
            case UInt8(ascii: "k"), UInt8(ascii: "g"), UInt8(ascii: "q"): out.append(.velar)
            case UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "j"): out.append(.sibilant)
            case UInt8(ascii: "c"):
                // Soft before e, i, y ("Francesco" has both).
                let next = i + 1 < bytes.count ? bytes[i + 1] : 0
                let soft = next == UInt8(ascii: "e") || next == UInt8(ascii: "i") || next == UInt8(ascii: "y")
                out.append(soft ? .sibilant : .velar)
            case UInt8(ascii: "x"): out.append(.velar); out.append(.sibilant)
            case UInt8(ascii: "l"), UInt8(ascii: "r"): out.append(.liquid)
            case UInt8(ascii: "m"): out.append(.m)
            case UInt8(ascii: "n"): out.append(.n)
            default: out.append(nil)  // vowels, h, y
            }
            i += 1
        }
        return out
    }

    /// Drops liquids not followed by a vowel, collapses repeated consonants, drops vowels.
    static func finish(_ sounds: ArraySlice<Sound?>) -> String? {
        var skeleton: [UInt8] = []
        var afterVowel = true
        for k in sounds.indices {
            guard let sound = sounds[k] else { afterVowel = true; continue }
            if sound == .liquid {
                // Kept only before a vowel ("Karim", 卡里姆 kǎ lǐ mǔ).
                guard k + 1 < sounds.endIndex, sounds[k + 1] == nil else { continue }
            }
            if !afterVowel, skeleton.last == sound.rawValue { continue }
            skeleton.append(sound.rawValue)
            afterVowel = false
        }
        return skeleton.count >= minimumLength ? String(decoding: skeleton, as: UTF8.self) : nil
    }
}

extension NameSounds {
    /// Skeletons of the names a Han text may spell by sound: every window of 2 to
    /// `longestHanName` characters inside a run of characters that transliterate names
    /// (`HanReadings`), read in pinyin. Chinese writes no spaces, so where a name
    /// starts is not known; windows over characters that spell sounds keep the guesses few.
    public static func hanSkeletons(in text: String) -> [String] {
        var out: [String] = []
        // The sounds of the run read so far, and where each character's sounds start.
        var sounds: [Sound?] = []
        var starts: [Int] = []
        func flush() {
            defer { sounds.removeAll(keepingCapacity: true); starts.removeAll(keepingCapacity: true) }
            guard starts.count >= 2 else { return }
            starts.append(sounds.count)
            for first in 0..<(starts.count - 2) {
                for last in (first + 2)...min(starts.count - 1, first + longestHanName) {
                    if let skeleton = finish(sounds[starts[first]..<starts[last]]) { out.append(skeleton) }
                }
            }
        }
        let readings = HanReadings.shared
        for scalar in text.unicodeScalars {
            if let reading = readings.sounds[scalar] {
                starts.append(sounds.count)
                sounds.append(contentsOf: reading)
            } else {
                flush()
            }
        }
        flush()
        return out
    }

    /// Whether every word of `word`'s script may be a name: scripts without capitals
    /// written with spaces (Arabic, Hangul, Devanagari, Tamil…), and Georgian, whose
    /// capitals news does not use. Words of cased scripts are names when capitalised; Han,
    /// kana and Thai come in character pairs, not words (`hanSkeletons` reads Han).
    public static func readsEveryWord(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        let script = CharacterTable.script(first.value)
        if script == .georgian { return true }
        return script != .none && !script.isCased && !script.isWrittenWithoutSpaces
    }

    /// Whether `word` is written in a script other than Latin, so that its romanisation
    /// follows a transliteration standard (a c there is always "ch" or "ts").
    public static func isRomanised(_ word: String) -> Bool {
        guard let first = word.unicodeScalars.first else { return false }
        let script = CharacterTable.script(first.value)
        return script != .latin && script != .none
    }

    /// Longest window of Han characters read as one name (弗拉基米尔 is five).
    static let longestHanName = 6
}

/// The sounds of the Han characters that spell foreign names by sound, read once in pinyin
/// (ICU's Han-Latin) when first needed.
///
/// Which characters those are is taken from the Chinese names of the world's countries
/// (`CountryNames`, from CLDR: 乌克兰, 斯洛伐克, 莫桑比克…), in simplified and traditional
/// characters, less the few that name by meaning (国 "country", 群岛 "islands", 南 "south").
/// Measured on the ITN briefs, these ~340 characters keep names as well as larger sets: one
/// that adds the characters of dotted names (本·伯南克) in the language-ID text, or a hand
/// list of some 290 transliteration characters (BENCHMARKS.md, Session 13).
final class HanReadings: Sendable {
    static let shared = HanReadings()

    /// Characters of Chinese country names that carry meaning rather than sound.
    static let meaningful: Set<Character> = Set("国國群島岛和共及中北东東南西新大小圣聖属屬地立联聯合酋长長自治区區领領海外关關香港岸角象牙山日本时時不度白黑美英法德意義")

    /// Each name character → the consonant sounds of its toneless pinyin syllable ("er",
    /// which writes a final r in names, has none).
    let sounds: [Unicode.Scalar: [NameSounds.Sound?]]

    init() {
        var sounds: [Unicode.Scalar: [NameSounds.Sound?]] = [:]
        for name in CountryNames.shared.names(language: "zh") {
            for character in name where !Self.meaningful.contains(character) {
                guard character.unicodeScalars.count == 1, let scalar = character.unicodeScalars.first,
                      CharacterTable.script(scalar.value) == .han, sounds[scalar] == nil else { continue }
                let latin = String(character).applyingTransform(StringTransform(rawValue: "Han-Latin"), reverse: false) ?? ""
                let syllable = (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin).lowercased()
                sounds[scalar] = syllable == "er" ? [] : NameSounds.sounds(of: Array(syllable.utf8), pinyin: true)
            }
        }
        self.sounds = sounds
    }

    /// How many characters spell names (for tests).
    var count: Int { sounds.count }
}
