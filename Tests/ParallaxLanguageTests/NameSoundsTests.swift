import Testing
@testable import ParallaxLanguage

@Suite struct NameSoundsTests {
    private func skeleton(_ word: String) -> String? {
        NameSounds.skeleton(ofLatin: LatinFolding.fold(word), romanised: NameSounds.isRomanised(word))
    }

    /// One name written by sound in several scripts keeps one consonant skeleton: Cyrillic and
    /// Georgian spell it letter for letter, Arabic without short vowels, Tamil with its own
    /// consonants (ச romanised c, a "ch"), Korean with vowels between consonants; vowels,
    /// voicing and an r before a consonant drop out.
    @Test func oneNameInSeveralScripts() {
        #expect(skeleton("Bernanke") == "PNNK")
        #expect(skeleton("Бернанке") == "PNNK")
        #expect(skeleton("ბერნანკე") == "PNNK")
        #expect(skeleton("Gorbachev") == "KPSP")
        #expect(skeleton("Горбачёв") == "KPSP")
        #expect(skeleton("გორბაჩოვი") == "KPSP")
        #expect(skeleton("கொர்பச்சோவ்") == "KPSP")
        #expect(skeleton("Francesco") == "PLNSSK")
        #expect(skeleton("Kirchner") == "KSN")
        #expect(skeleton("كيرشنر") == "KSN")
        #expect(skeleton("Swift") == skeleton("스위프트"))
    }

    /// Different names keep different skeletons, and a name of fewer than three consonant
    /// classes keys nothing: two classes match half of all names.
    @Test func shortAndDifferentNames() {
        #expect(skeleton("Bernanke") != skeleton("Benzema"))
        #expect(skeleton("Ben") == nil)
        #expect(skeleton("Ivo") == nil)
    }

    /// Chinese writes no spaces: windows over the characters that spell names by sound, read
    /// in pinyin, find 道格拉斯 (Douglas) and 菲利普 (Philip), while words written by meaning
    /// (金融危机, "financial crisis") give no window.
    @Test func namesInChineseText() {
        let skeletons = Set(NameSounds.hanSkeletons(in: "本·伯南克、道格拉斯·戴蒙德和菲利普·迪布维格获得诺贝尔经济学奖。"))
        #expect(skeletons.contains(skeleton("Douglas")!))
        #expect(skeletons.contains(skeleton("Philip")!))
        #expect(NameSounds.hanSkeletons(in: "金融危机研究").isEmpty)
        #expect(HanReadings.shared.count > 250)
    }

    /// Which words may be names whatever their case: those of scripts without capitals and
    /// written with spaces, and Georgian.
    @Test func wordsOfScriptsWithoutCapitals() {
        #expect(NameSounds.readsEveryWord("كيرشنر"))
        #expect(NameSounds.readsEveryWord("ბერნანკე"))
        #expect(NameSounds.readsEveryWord("고르바초프"))
        #expect(!NameSounds.readsEveryWord("bernanke"))
        #expect(!NameSounds.readsEveryWord("伯南克"))
    }
}
