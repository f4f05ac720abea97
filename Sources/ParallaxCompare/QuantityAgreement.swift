import ParallaxCore

/// When two reported quantities can be one account of the same thing.
///
/// Sources word one quantity differently: "roughly 300" and "more than 250", "1.2 million"
/// and "1,200,000", "fast 20.000" and "more than 20,000" agree. `NumberMention.isCompatible`
/// reads an open bound ("at least 12") as reaching to infinity, so any larger value agrees
/// with it; in news an open bound is the count one source could confirm, and a source giving
/// more than half again as many ("at least 12 dead" against "30 dead") tells a different
/// toll, which readers must see side by side. So a bound reaches `openBoundReach` times its
/// value; everything else follows the qualifiers as Core defines them.
extension NumberMention {
    /// How far past its value an open bound ("more than N", "at least N", "up to N") reaches.
    static let openBoundReach = 1.5
    /// Relative slack of an approximate value ("about 40"), as `isCompatible` reads it.
    static let approximateSlack = 0.2

    /// The values this mention admits.
    var admitted: ClosedRange<Double> {
        func between(_ a: Double, _ b: Double) -> ClosedRange<Double> { Swift.min(a, b)...Swift.max(a, b) }
        switch qualifier {
        case .exact: return value...value
        case .approximately: return between(value * (1 - NumberMention.approximateSlack), value * (1 + NumberMention.approximateSlack))
        case .atLeast: return between(value, value * NumberMention.openBoundReach)
        case .atMost: return between(value / NumberMention.openBoundReach, value)
        case .between: return between(value, upper ?? value)
        }
    }

    /// Whether the two mentions can state one quantity: same unit, and admitted values that overlap.
    func agrees(with other: NumberMention) -> Bool {
        unit == other.unit && admitted.overlaps(other.admitted)
    }

    /// Whether the two mentions may count the same thing, for alignment: they agree, or one
    /// says less of what it counts (`CompareLexicon.oneCountsLooser`: "16 personas" and the
    /// unit-less "16 reclusos", "26 people" and "26 dead") with overlapping values.
    func mayCountTheSame(as other: NumberMention) -> Bool {
        if agrees(with: other) { return true }
        return CompareLexicon.oneCountsLooser(unit, other.unit) && admitted.overlaps(other.admitted)
    }
}
