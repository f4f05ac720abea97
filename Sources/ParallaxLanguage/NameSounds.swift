import Foundation
import Synchronization

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
    private enum Sound: UInt8 {
        case labial = 0x50 /* P */, dental = 0x54 /* T */, velar = 0x4B /* K */, sibilant = 0x53 /* S */
        case liquid = 0x4C /* L */, m = 0x4D /* M */, n = 0x4E /* N */
    }

    /// Two or three letters read as one sound, longest first.
    private static let digraphs: [(String, Sound)] = [(String, Sound)]([
        ("tsch", .sibilant), ("sch", .sibilant), ("ch", .sibilant), ("sh", .sibilant), ("zh", .sibilant),
        ("ts", .sibilant), ("tz", .sibilant), ("cz", .sibilant), ("sz", .sibilant), ("ph", .labial), ("th", .dental),
        ("kh", .velar), ("gh", .velar), ("ng", .n), ("ck", .velar), ("dh", .dental), ("bh", .labial),
    ])

    /// The skeleton of a word already folded to lowercase Latin (`LatinFolding.fold`), or
    /// nil when it is shorter than `minimumLength`. Letters other than a–z are skipped.
    public static func skeleton(ofLatin word: String) -> String? {
        finish(sounds(of: Array(word.utf8), pinyin: false))
    }

    /// The skeleton of pinyin syllables (toneless, lowercase), one per Han character of a name.
    /// The syllable "er" (尔, 爾) writes a final r in names, so it drops like one.
    public static func skeleton(ofSyllables syllables: some Sequence<String>) -> String? {
        var all: [Sound?] = []
        for syllable in syllables where syllable != "er" {
            all.append(contentsOf: sounds(of: Array(syllable.utf8), pinyin: true))
        }
        return finish(all)
    }

    private static func sounds(of bytes: [UInt8], pinyin: Bool) -> [Sound?] {
        var out: [Sound?] = []
        var i = 0
        next: while i < bytes.count {
            let b = bytes[i]
            guard b >= 0x61, b <= 0x7A else { i += 1; continue }
            if pinyin, b == 0x6A || b == 0x71 || b == 0x78 {  // j q x: palatal sibilants in pinyin
                out.append(.sibilant); i += 1; continue
            }
            for (digraph, sound) in digraphs where bytes[i...].starts(with: digraph.utf8) {
                out.append(sound)
                i += digraph.utf8.count
                continue next
            }
            switch b {
            case UInt8(ascii: "p"), UInt8(ascii: "b"), UInt8(ascii: "f"), UInt8(ascii: "v"), UInt8(ascii: "w"): out.append(.labial)
            case UInt8(ascii: "t"), UInt8(ascii: "d"): out.append(.dental)
            case UInt8(ascii: "k"), UInt8(ascii: "g"), UInt8(ascii: "q"): out.append(.velar)
            case UInt8(ascii: "s"), UInt8(ascii: "z"), UInt8(ascii: "j"): out.append(.sibilant)
            case UInt8(ascii: "c"):
                // Soft before e, i, y ("Francesco" has both).
                let soft = i + 1 < bytes.count && [UInt8(ascii: "e"), UInt8(ascii: "i"), UInt8(ascii: "y")].contains(bytes[i + 1])
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
    private static func finish(_ sounds: [Sound?]) -> String? {
        var skeleton: [UInt8] = []
        var afterVowel = true
        for (k, sound) in sounds.enumerated() {
            guard let sound else { afterVowel = true; continue }
            if sound == .liquid {
                // Kept only before a vowel ("Karim", 卡里姆 kǎ lǐ mǔ).
                guard k + 1 < sounds.count, sounds[k + 1] == nil else { continue }
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
    /// (`hanNameCharacters`), read in pinyin. Chinese writes no spaces, so where a name
    /// starts is not known; windows over characters that spell sounds keep the guesses few.
    public static func hanSkeletons(in text: String) -> [String] {
        var out: [String] = []
        var run: [String] = []
        func flush() {
            defer { run.removeAll(keepingCapacity: true) }
            guard run.count >= 2 else { return }
            for start in 0..<(run.count - 1) {
                for end in (start + 2)...min(run.count, start + longestHanName) {
                    if let skeleton = skeleton(ofSyllables: run[start..<end]) { out.append(skeleton) }
                }
            }
        }
        for character in text {
            if let syllable = HanReadings.shared.nameSyllable(character) {
                run.append(syllable)
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

    /// Longest window of Han characters read as one name (弗拉基米尔 is five).
    static let longestHanName = 6
}

/// The pinyin of the Han characters that spell foreign names by sound, looked up once per
/// character.
///
/// Which characters those are is taken from the Chinese names of the world's countries
/// (`CountryNames`, from CLDR: 乌克兰, 斯洛伐克, 莫桑比克…), in simplified and traditional
/// characters, less the few that name by meaning (国 "country", 群岛 "islands", 南 "south").
/// Measured on the ITN briefs, these ~340 characters keep names as well as a set three times
/// larger that adds the characters of dotted names (本·伯南克) in the language-ID text.
final class HanReadings: Sendable {
    static let shared = HanReadings()

    /// Characters of Chinese country names that carry meaning rather than sound.
    static let meaningful: Set<Character> = Set("国國群島岛和共及中北东東南西新大小圣聖属屬地立联聯合酋长長自治区區领領海外关關香港岸角象牙山日本时時不度白黑美英法德意義")

    private let names: Set<Character>
    private let cache = Mutex<[Character: String]>([:])

    init() {
        var names = Set<Character>()
        for name in CountryNames.shared.names(language: "zh") {
            for character in name where character.unicodeScalars.count == 1 && CharacterTable.script(character.unicodeScalars.first!.value) == .han {
                names.insert(character)
            }
        }
        self.names = names.subtracting(Self.meaningful)
    }

    /// The toneless pinyin of `character` when it is one of the name characters, else nil.
    func nameSyllable(_ character: Character) -> String? {
        guard names.contains(character) else { return nil }
        if let known = cache.withLock({ $0[character] }) { return known }
        let latin = String(character).applyingTransform(StringTransform(rawValue: "Han-Latin"), reverse: false) ?? ""
        let syllable = (latin.applyingTransform(.stripDiacritics, reverse: false) ?? latin).lowercased()
        cache.withLock { $0[character] = syllable }
        return syllable
    }

    /// How many characters spell names (for tests).
    var count: Int { names.count }
}
