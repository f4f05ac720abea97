#!/usr/bin/env python3
"""Fits the weights of `LeadEvidence.standard` (Sources/ParallaxCluster/Parameters.swift): what
the similarities of two texts' leads add to the logit of the whole texts' score.

Input: `similarity_pearson.py --explain-out FILE` (lexical, no embedder), whose rows carry
`without_lead` (the whole texts' score) and `lead` (the leads' similarities). The whole-text
weights stay fixed: the fit is of sigmoid(logit(without_lead) + bias + w·√lead) to
(4 − overall) / 3 by least squares with a small L2 penalty, as fit_weights.py fits the rest.
Printed: the weights, the Pearson correlation with −overall they give on all pairs, and the
mean over five shuffles of a 5-fold cross-validation, beside the whole texts' own.

The lead length is not fitted here: it is `LeadEvidence.characters` in the binary that wrote
the file (400 was chosen among 300, 400, 600 and 1,000 by the cross-validated Pearson).

Usage (from the repository root):
    python3 Benchmarks/cluster/similarity_pearson.py --parallax BIN --explain-out /tmp/pairs.jsonl
    python3 Benchmarks/cluster/fit_lead.py /tmp/pairs.jsonl
"""
import json
import sys

import numpy as np
from scipy.optimize import minimize

FEATURES = ["terms", "word_grams", "names", "entities", "numbers", "dates"]


def fit(x, y, offset, l2=0.001):
    def loss(w):
        p = 1 / (1 + np.exp(-(x @ w + offset)))
        value = np.mean((p - y) ** 2) / 2 + l2 / 2 * np.sum(w[1:] ** 2)
        grad = x.T @ ((p - y) * p * (1 - p)) / len(y) + l2 * np.r_[0, w[1:]]
        return value, grad
    return minimize(loss, np.zeros(x.shape[1]), jac=True, method="L-BFGS-B").x


def main(path):
    rows = [json.loads(l) for l in open(path)]
    if any("lead" not in r for r in rows):
        sys.exit(f"{path}: rows without lead similarities (lead evidence off, or written with an embedder)")
    x = np.array([[1.0] + [r["lead"][f] ** 0.5 for f in FEATURES] for r in rows])
    base = np.clip(np.array([r["without_lead"] for r in rows]), 1e-6, 1 - 1e-6)
    offset = np.log(base / (1 - base))
    y = np.array([(4 - r["overall"]) / 3 for r in rows])
    target = np.array([-r["overall"] for r in rows])
    w = fit(x, y, offset)
    fitted = 1 / (1 + np.exp(-(x @ w + offset)))
    print("bias: %.2f, " % w[0] + ", ".join(f"{f}: {v:.2f}" for f, v in zip(FEATURES, w[1:])))
    folds = []
    for seed in range(5):
        fold = np.random.RandomState(seed).randint(0, 5, len(rows))
        predicted = np.zeros(len(rows))
        for k in range(5):
            wk = fit(x[fold != k], y[fold != k], offset[fold != k])
            predicted[fold == k] = 1 / (1 + np.exp(-(x[fold == k] @ wk + offset[fold == k])))
        folds.append(np.corrcoef(predicted, target)[0, 1])
    print(f"pearson with -overall: whole texts {np.corrcoef(base, target)[0, 1]:.3f}; with the leads "
          f"{np.corrcoef(fitted, target)[0, 1]:.3f} (fitted), {np.mean(folds):.3f} (5-fold, mean of 5 shuffles)")


if __name__ == "__main__":
    main(sys.argv[1])
