import Foundation

/// A word, number or symbol of the text with its normalised forms.
public struct Token: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case word, number, symbol }
    public var text: String
    /// Case-folded, NFKC-normalised, diacritics kept.
    public var normalized: String
    /// Snowball stem of `normalized` where the language has a stemmer, else `normalized`.
    public var stem: String
    public var span: TextSpan
    public var kind: Kind
    public var isStopword: Bool

    public init(text: String, normalized: String, stem: String, span: TextSpan, kind: Kind, isStopword: Bool) {
        self.text = text
        self.normalized = normalized
        self.stem = stem
        self.span = span
        self.kind = kind
        self.isStopword = isStopword
    }

    /// A token that carries content: a non-stopword word of two or more letters, or a number.
    public var isContent: Bool {
        switch kind {
        case .number: return true
        case .symbol: return false
        case .word: return !isStopword && normalized.unicodeScalars.count > 1
        }
    }
}

public struct Sentence: Sendable, Hashable, Codable {
    public var index: Int
    public var paragraph: Int
    public var span: TextSpan
    public var text: String
    public var language: String
    public var tokens: [Token]

    public init(index: Int, paragraph: Int, span: TextSpan, text: String, language: String, tokens: [Token]) {
        self.index = index
        self.paragraph = paragraph
        self.span = span
        self.text = text
        self.language = language
        self.tokens = tokens
    }
}

/// A mention of a named entity, linked to the entity it names.
public struct EntityMention: Sendable, Hashable, Codable {
    public enum Kind: String, Sendable, Codable { case person, place, organization, other }
    public var text: String
    public var span: TextSpan
    public var sentence: Int
    /// Language-independent key of the entity: "white house" for "Witte Huis" and
    /// "White House"; "donald trump" for "Trump", "President Trump", "Donald Trump".
    public var key: String
    /// The fullest name seen for this entity in the article ("Donald Trump").
    public var name: String
    public var kind: Kind

    public init(text: String, span: TextSpan, sentence: Int, key: String, name: String, kind: Kind) {
        self.text = text
        self.span = span
        self.sentence = sentence
        self.key = key
        self.name = name
        self.kind = kind
    }
}

/// Words attributed to someone, between quotation marks.
public struct Quote: Sendable, Hashable, Codable {
    /// The quoted words, without the marks.
    public var text: String
    public var span: TextSpan
    public var sentence: Int
    /// Entity key of the speaker, when one could be resolved.
    public var speakerKey: String?
    /// The speaker's name as the article gives it (fullest form), when known.
    public var speaker: String?

    public init(text: String, span: TextSpan, sentence: Int, speakerKey: String?, speaker: String?) {
        self.text = text
        self.span = span
        self.sentence = sentence
        self.speakerKey = speakerKey
        self.speaker = speaker
    }
}

/// A quantity: "two-hour", "more than 1,200 people", "$3.5 billion", "40 %", "between 20 and
/// 30 people".
public struct NumberMention: Sendable, Hashable, Codable {
    /// How the text bounds the value: exactly, roughly, from below, from above, or on both
    /// sides (a range, `value` to `upper`).
    public enum Qualifier: String, Sendable, Codable { case exact, approximately, atLeast, atMost, between }
    public var text: String
    public var span: TextSpan
    public var sentence: Int
    /// The value; for a range, its bottom.
    public var value: Double
    /// The top of a range ("two to three weeks": 3); nil for any other quantity.
    public var upper: Double?
    /// Normalised unit ("hour", "percent", "usd", "person"…, "age" for a person's age), when
    /// the words around the number say what it counts.
    public var unit: String?
    public var qualifier: Qualifier
    /// For an age: the key of the person whose age it is (`EntityMention.key`), when the
    /// sentence tells ("John Marlow, 78", "the 77-year-old Marlow").
    public var holder: String?

    /// The unit of a person's age: its own unit, so that an age never agrees with a duration
    /// ("77 years in office") and two sources' ages of one person can be compared.
    public static let ageUnit = "age"
    public var isAge: Bool { unit == NumberMention.ageUnit }
    /// The unit of people counted without a role ("1,200 people").
    public static let personUnit = "person"
    /// People counted in one role: the dead, the injured, those who fled, the missing.
    public static let roleUnits: Set<String> = ["dead", "injured", "displaced", "missing"]
    /// The units of counts of people: all people, or people in one role.
    public static let peopleUnits: Set<String> = roleUnits.union([personUnit])

    public init(text: String, span: TextSpan, sentence: Int, value: Double, unit: String?, qualifier: Qualifier,
                holder: String? = nil, upper: Double? = nil) {
        self.text = text
        self.span = span
        self.sentence = sentence
        self.value = value
        self.upper = upper
        self.unit = unit
        self.qualifier = qualifier
        self.holder = holder
    }

    /// Whether two mentions can describe the same quantity, given their qualifiers.
    public func isCompatible(with other: NumberMention) -> Bool {
        guard unit == other.unit else { return false }
        func range(_ n: NumberMention) -> ClosedRange<Double> {
            switch n.qualifier {
            case .exact: return n.value...n.value
            case .approximately: return (n.value * 0.8)...(n.value * 1.2)
            case .atLeast: return n.value...Double.greatestFiniteMagnitude
            case .atMost: return -Double.greatestFiniteMagnitude...n.value
            case .between: return n.value...Swift.max(n.value, n.upper ?? n.value)
            }
        }
        return range(self).overlaps(range(other))
    }
}

/// A time expression with the interval it denotes, resolved against the publication date.
public struct TimeMention: Sendable, Hashable, Codable {
    public var text: String
    public var span: TextSpan
    public var sentence: Int
    /// nil when the expression is relative ("last year") and no publication date is known,
    /// or when it cannot be placed on the calendar at all.
    public var resolved: DayInterval?
    /// True for expressions that need an anchor ("last year", "on Tuesday", "weeks earlier").
    public var isRelative: Bool

    public init(text: String, span: TextSpan, sentence: Int, resolved: DayInterval?, isRelative: Bool) {
        self.text = text
        self.span = span
        self.sentence = sentence
        self.resolved = resolved
        self.isRelative = isRelative
    }
}

/// An article with everything the annotators found in it.
public struct AnnotatedArticle: Sendable, Hashable {
    public var article: Article
    public var sentences: [Sentence]
    public var entities: [EntityMention]
    public var quotes: [Quote]
    public var numbers: [NumberMention]
    public var times: [TimeMention]

    public init(article: Article, sentences: [Sentence], entities: [EntityMention] = [], quotes: [Quote] = [],
                numbers: [NumberMention] = [], times: [TimeMention] = []) {
        self.article = article
        self.sentences = sentences
        self.entities = entities
        self.quotes = quotes
        self.numbers = numbers
        self.times = times
    }
}
