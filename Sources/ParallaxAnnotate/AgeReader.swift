import ParallaxCore

/// Ages that need the people of a sentence: whose age an age is, and the ages English and
/// the German, Turkish and Polish press write by their place alone, right after a name:
/// "John Marlow, 78, died …", "Ali Çelik (45)". Runs after the entities are found.
///
/// A person's age is a fact two sources can disagree on, but a sentence often gives two
/// ages ("the 42-year-old suspect stabbed Çelik (45)"); with its holder an age is compared
/// only with the same person's (`ConflictFinder`).
struct AgeReader {
    /// Between a name and an age written by its place: ", 78," or " (45)".
    static let appositionOpeners: [[Unicode.Scalar]] = [[",", " "], [",", "\u{00A0}"], [" ", "("], ["\u{00A0}", "("], ["("]]
    /// What may follow such an age: the closing comma or bracket, or the end of the sentence.
    static let appositionClosers: Set<Unicode.Scalar> = [",", ")", ".", ";"]
    /// Between a name and its age: spaces, a comma or a bracket, and at most one short word
    /// (an article or a linking word: "Marlow, a 78-year-old", "Stern, de 77 años").
    static let shortWord = 3

    let text: [Unicode.Scalar]

    /// Numbers with the ages written by their place marked, and every age given its holder
    /// where the sentence tells.
    func read(_ numbers: [NumberMention], entities: [EntityMention]) -> [NumberMention] {
        let people = Dictionary(grouping: entities.filter { $0.kind == .person }, by: \.sentence)
        return numbers.map { number in
            var number = number
            let persons = people[number.sentence] ?? []
            if number.unit == nil, let person = apposition(number, persons) {
                number.unit = NumberLexicon.ageUnit
                number.holder = person.key
            } else if number.unit == NumberLexicon.ageUnit {
                number.holder = holder(of: number, persons)
            }
            return number
        }
    }

    /// The person an unqualified whole number stands beside as an age: "Marlow, 78," or "Çelik (45)".
    private func apposition(_ number: NumberMention, _ persons: [EntityMention]) -> EntityMention? {
        guard number.qualifier == .exact, number.value >= 1, number.value <= NumberLexicon.oldestAge,
              number.value == number.value.rounded(), number.text.unicodeScalars.allSatisfy({ ("0"..."9").contains($0) }),
              number.span.end <= text.count else { return nil }
        let after = number.span.end < text.count ? text[number.span.end] : "."
        guard AgeReader.appositionClosers.contains(after) else { return nil }
        return persons.first { person in
            person.span.end <= number.span.start
                && AgeReader.appositionOpeners.contains { Array(text[person.span.end..<number.span.start]) == $0 }
        }
    }

    /// Whose age it is: the person named right before or right after it ("Marlow, aged 77",
    /// "the 77-year-old Marlow"), else the only person the sentence names, unless the age
    /// describes a noun.
    private func holder(of age: NumberMention, _ persons: [EntityMention]) -> String? {
        func near(_ from: Int, _ to: Int) -> Bool {
            guard from <= to else { return false }
            let between = text[from..<to]
            guard between.allSatisfy({ $0.properties.isWhitespace || $0 == "," || $0 == "(" || $0.properties.isAlphabetic }) else { return false }
            let words = between.split { !$0.properties.isAlphabetic }
            return words.count <= 1 && words.allSatisfy { $0.count <= AgeReader.shortWord }
        }
        if let before = persons.last(where: { $0.span.end <= age.span.start && near($0.span.end, age.span.start) }) {
            return before.key
        }
        if let after = persons.first(where: { $0.span.start >= age.span.end && near(age.span.end, $0.span.start) }) {
            return after.key
        }
        // An age before a noun may be someone the sentence does not name: "the 42-year-old
        // suspect stabbed Ali Çelik".
        guard !attributive(age) else { return nil }
        let keys = Set(persons.map(\.key))
        return keys.count == 1 ? keys.first : nil
    }

    /// Whether the age opens with its number and a word follows it ("42-year-old suspect",
    /// "28-jähriger Mann"), as against "died aged 77 in London" or "Marlow was 77 years old.".
    private func attributive(_ age: NumberMention) -> Bool {
        guard let first = age.text.unicodeScalars.first, first.properties.numericType != nil else { return false }
        var k = age.span.end
        while k < text.count, text[k].properties.isWhitespace { k += 1 }
        return k > age.span.end && k < text.count && text[k].properties.isAlphabetic
    }
}
