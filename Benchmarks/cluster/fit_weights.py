#!/usr/bin/env python3
"""Fits the weights of `SimilarityWeights.standard` (Sources/ParallaxCluster/Parameters.swift).

Input: the per-feature similarities of `parallax similarity --explain` joined with the human
rating, as written by `similarity_pearson.py --explain-out FILE`. Fits
sigmoid(bias + w·x) to (4 - overall) / 3 by least squares with a small L2 penalty
(L-BFGS from scipy), and prints the weights and the Pearson correlation they give.
Paste the rounded weights into Parameters.swift by hand. `crossLingualNumbers` and
`crossLingualWordGrams` are not fit here (the dev pairs hold only 103 cross-lingual ones): they
are set on the ITN dev briefs, and the Pearson it prints leaves them out.

When the rows carry a dense embedding cosine (`similarity_pearson.py --embedder e5`), it is
one more feature, entered as (cosine - 0.8) * 10 so the L2 penalty treats it like the others;
the printed `dense` weight is per unit of cosine (`SimilarityWeights.withEmbeddings`).
"""
import json, sys
import numpy as np
from scipy.optimize import minimize

FEATURES = ["terms", "word_grams", "names", "entities", "numbers", "dates"]
DENSE_BASELINE, DENSE_SCALE = 0.8, 10.0

def design(rows):
    x = []
    for r in rows:
        cross = 1.0 if r["cross_lingual"] else 0.0
        # Square roots, as SimilarityModel.logit takes them.
        dense = [(r["dense"] - DENSE_BASELINE) * DENSE_SCALE] if "dense" in r else []
        x.append([1.0] + [r[f] ** 0.5 for f in FEATURES] + [cross, cross * r["names"] ** 0.5] + dense)
    return np.array(x)

def main(path, l2=0.001):
    rows = [json.loads(l) for l in open(path)]
    x = design(rows)
    y = np.array([(4 - r["overall"]) / 3 for r in rows])
    def loss(w):
        p = 1 / (1 + np.exp(-x @ w))
        value = np.mean((p - y) ** 2) / 2 + l2 / 2 * np.sum(w[1:] ** 2)
        grad = x.T @ ((p - y) * p * (1 - p)) / len(y) + l2 * np.r_[0, w[1:]]
        return value, grad
    w = minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x
    p = 1 / (1 + np.exp(-x @ w))
    names = ["bias"] + FEATURES + ["crossLingual", "crossLingualNames"]
    weights = dict(zip(names, w))
    if x.shape[1] > len(names):
        weights["dense"] = w[-1] * DENSE_SCALE
    print(", ".join(f"{n}: {v:.2f}" for n, v in weights.items()))
    print("pearson with -overall:", np.corrcoef(p, [-r["overall"] for r in rows])[0, 1].round(3))

if __name__ == "__main__":
    main(sys.argv[1])
