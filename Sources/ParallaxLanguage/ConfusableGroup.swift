import Foundation

/// A second stage for languages the n-gram model confuses with each other (found in training,
/// e.g. hr/sr/bs, da/nb/nn, id/ms): a multinomial logistic regression trained only on the
/// group's own text. Naive Bayes counts every shared n-gram as evidence and favours the
/// language with more training text; a discriminative model learns the few features that tell
/// the members apart (ijekavian "-ije-" against ekavian "-e-", "hiljada" against "tisuća",
/// nynorsk "ikkje" against bokmål "ikke") and weighs everything they share near zero.
///
/// The naive Bayes posterior decides how likely the text is in the group at all; within the
/// group, the members' naive Bayes log-likelihoods and this model's logits are added with
/// weights fitted on the calibration texts (a product of the two experts: each is right
/// where the other errs often enough that together they beat either).
struct ConfusableGroup: Sendable {
    /// Model language indices of the members, ascending.
    var members: [Int]
    /// Weights of the naive Bayes log-likelihoods and of this model's logits in the members'
    /// softmax; also the confidence scale.
    var naiveBayesWeight: Float
    var logitWeight: Float
    /// A weight is stored as one signed byte q on a logarithmic scale,
    /// w = sign(q) · unit · (exp(|q| · logStep) − 1): most weights are tiny but together
    /// decide, a few are large, and a linear byte would round the tiny ones to zero.
    var unit: Float
    var logStep: Float
    /// Per member.
    var biases: [Float]
    /// Feature keys, ascending, and their weights (`members.count` per key, member order).
    var keys: [UInt32]
    var weights: [Int8]
    /// The weight each stored byte stands for (index: the byte's bit pattern).
    private let weightTable: [Float]

    init(members: [Int], naiveBayesWeight: Float, logitWeight: Float, unit: Float, logStep: Float, biases: [Float], keys: [UInt32], weights: [Int8]) {
        self.members = members
        self.naiveBayesWeight = naiveBayesWeight
        self.logitWeight = logitWeight
        self.unit = unit
        self.logStep = logStep
        self.biases = biases
        self.keys = keys
        self.weights = weights
        weightTable = (0..<256).map { Self.weight(Int8(truncatingIfNeeded: $0), unit: unit, logStep: logStep) }
    }

    /// Low three bits of a word-bigram key: 7, an order the n-gram features never use (2…6).
    static let bigramOrderMark: UInt32 = 7
    static let minimumOrder = 4

    /// The group model's features: the text's n-grams of `minimumOrder` letters and more,
    /// its words and its word bigrams. Shorter n-grams are shared by all members and only
    /// add noise and size.
    static func features(_ features: NGramFeatures) -> [UInt32] {
        var result = features.hashes.filter { NGramFeatures.order(ofKey: $0) >= minimumOrder }
        result.reserveCapacity(result.count + features.wordHashes.count)
        var previous: UInt32?
        for word in features.wordHashes {
            if let previous {
                var h = UInt64(previous) << 32 | UInt64(word)
                h = (h ^ h >> 33) &* 0xFF51_AFD7_ED55_8CCD
                h ^= h >> 33
                result.append(UInt32(truncatingIfNeeded: h) & ~7 | bigramOrderMark)
            }
            previous = word
        }
        return result
    }

    /// Probabilities of the members at `positions` (indices into `members`), summing to 1,
    /// given the first stage's log-likelihoods (indexed by model language).
    func probabilities(_ features: NGramFeatures, logLikelihoods: [Float], positions: [Int]) -> [Double] {
        let logits = self.logits(Self.features(features))
        let chosen = positions.map { Self.combined(naiveBayes: logLikelihoods[members[$0]], logit: logits[$0], naiveBayesWeight, logitWeight) }
        let top = chosen.max() ?? 0
        let weights = chosen.map { exp($0 - top) }
        let total = weights.reduce(0, +)
        return weights.map { $0 / total }
    }

    static func weight(_ q: Int8, unit: Float, logStep: Float) -> Float {
        let magnitude = unit * (exp(Float(abs(Int(q))) * logStep) - 1)
        return q < 0 ? -magnitude : magnitude
    }

    static func quantized(_ w: Float, unit: Float, logStep: Float) -> Int8 {
        let q = min(127, (log1p(abs(w) / unit) / logStep).rounded())
        return Int8(w < 0 ? -q : q)
    }

    static func combined(naiveBayes: Float, logit: Float, _ naiveBayesWeight: Float, _ logitWeight: Float) -> Double {
        Double(naiveBayesWeight) * Double(naiveBayes) + Double(logitWeight) * Double(logit)
    }

    /// Logits of all members.
    func logits(_ featureKeys: [UInt32]) -> [Float] {
        let width = members.count
        var sums = [Float](repeating: 0, count: width)
        keys.withUnsafeBufferPointer { keys in
        weights.withUnsafeBufferPointer { weights in
        weightTable.withUnsafeBufferPointer { table in
            for key in featureKeys {
                var low = 0, high = keys.count
                while low < high {
                    let middle = (low + high) >> 1
                    if keys[middle] < key { low = middle + 1 } else { high = middle }
                }
                guard low < keys.count, keys[low] == key else { continue }
                for m in 0..<width { sums[m] += table[Int(UInt8(bitPattern: weights[low * width + m]))] }
            }
        }}}
        return (0..<width).map { biases[$0] + sums[$0] }
    }
}

/// Trains one `ConfusableGroup` by stochastic gradient descent on the softmax loss.
struct ConfusableGroupTrainer {
    /// A feature must occur in this many training texts of the group to get a weight
    /// (drops one-off names, which would otherwise be learnt as perfect evidence).
    var minimumCount = 3
    var epochs = 8
    /// Step size per example, divided by the example's feature count (so a long sentence
    /// moves the logits about as far as a headline).
    var learningRate: Float = 4
    /// Weights are clipped at this quantile of their magnitudes before quantising, so one
    /// extreme weight does not round all the others to zero.
    var clipQuantile = 0.999
    /// Ratio of the largest to the smallest weight magnitude the bytes keep apart.
    var quantisationRange: Float = 10_000

    /// `examples`: (member position, features) pairs in a fixed order.
    func train(members: [Int], examples: [(member: Int, features: [UInt32])]) -> ConfusableGroup {
        let width = members.count
        var counts: [UInt32: Int32] = [:]
        for example in examples {
            for key in Set(example.features) { counts[key, default: 0] += 1 }
        }
        let keys = counts.filter { $0.value >= minimumCount }.keys.sorted()
        var index: [UInt32: Int32] = [:]
        index.reserveCapacity(keys.count)
        for (i, key) in keys.enumerated() { index[key] = Int32(i) }
        let encoded: [[Int32]] = examples.map { example in example.features.compactMap { index[$0] } }

        var weights = [Float](repeating: 0, count: keys.count * width)
        var biases = [Float](repeating: 0, count: width)
        // A fixed pseudo-random order (the same on every run, so the model is reproducible).
        var order = Array(examples.indices)
        var state: UInt64 = 0x9E37_79B9_7F4A_7C15
        var logits = [Float](repeating: 0, count: width)
        weights.withUnsafeMutableBufferPointer { weights in
        logits.withUnsafeMutableBufferPointer { logits in
            for epoch in 0..<epochs {
                for i in stride(from: order.count - 1, to: 0, by: -1) {
                    state = state &* 6_364_136_223_846_793_005 &+ 1_442_695_040_888_963_407
                    order.swapAt(i, Int((state >> 33) % UInt64(i + 1)))
                }
                let rate = learningRate / Float(1 + epoch)
                for e in order {
                    encoded[e].withUnsafeBufferPointer { features in
                        guard !features.isEmpty else { return }
                        for m in 0..<width { logits[m] = biases[m] }
                        for f in features {
                            let row = Int(f) * width
                            for m in 0..<width { logits[m] += weights[row + m] }
                        }
                        var top = logits[0]
                        for m in 1..<width where logits[m] > top { top = logits[m] }
                        var total: Float = 0
                        for m in 0..<width { logits[m] = exp(logits[m] - top); total += logits[m] }
                        let step = rate / Float(features.count)
                        for m in 0..<width {
                            let gradient = logits[m] / total - (m == examples[e].member ? 1 : 0)
                            biases[m] -= rate * 0.1 * gradient
                            let delta = step * gradient
                            for f in features { weights[Int(f) * width + m] -= delta }
                        }
                    }
                }
            }
        }}

        let magnitudes = weights.map { abs($0) }.sorted()
        let clip = magnitudes.isEmpty ? 1 : max(magnitudes[min(magnitudes.count - 1, Int(Double(magnitudes.count) * clipQuantile))], 1e-6)
        // Bytes cover magnitudes from clip / quantisationRange to clip.
        let unit = clip / quantisationRange
        let logStep = log1p(quantisationRange) / 127
        var keptKeys: [UInt32] = []
        var kept: [Int8] = []
        for (i, key) in keys.enumerated() {
            let row = (0..<width).map { ConfusableGroup.quantized(weights[i * width + $0], unit: unit, logStep: logStep) }
            guard row.contains(where: { $0 != 0 }) else { continue }
            keptKeys.append(key)
            kept.append(contentsOf: row)
        }
        return ConfusableGroup(members: members, naiveBayesWeight: 0, logitWeight: 1, unit: unit, logStep: logStep, biases: biases, keys: keptKeys, weights: kept)
    }
}
