#!/usr/bin/env python3
"""Fits `AlignmentModel.standard` (Sources/ParallaxCompare/AlignmentModel.swift): a logistic
model that tells, from what the alignment reads of a sentence pair, whether the two sentences
state one fact.

For each annotated pair of the tuning split (annotations.jsonl), `parallax compare
--sentence-pairs FILE` writes every sentence pair of the two texts that shares some evidence.
A pair is positive when the annotators linked its sentences as "same", negative when they did
not; pairs annotated as a conflict or a partial match are left out (evaluate.py counts them
neither right nor wrong). The test split is only scored, never fitted on.

Printed: the weights in the order of `AlignmentModel`'s initialiser, then precision and recall
of the pair decisions (probability ≥ 0.5) on both splits, beside those of the alignment of the
binary that wrote the pairs (after its neighbour rule and partner limit, so not quite the
same thing as `run.sh`).

Usage (from the repository root):
    python3 Benchmarks/claims/fit_alignment.py [--binary PATH] [--l2 0.3]   (default: the `make release` binary)
"""
import argparse
import json
import math
import os
import sys
import tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import evaluate  # noqa: E402

NAMES = ["bias", "score", "matched", "anchors", "lowerCoverage", "higherCoverage", "bestOfEither", "mutualBest",
         "crossLanguage", "positionGap", "opensAnArticle"]


def features(e):
    """The model's inputs, scaled as `AlignmentModel.logit` scales them."""
    return [1.0, math.sqrt(e["score"]), min(e["matched"], 8) / 4, min(e["anchors"], 4) / 2, e["lower_coverage"],
            e["higher_coverage"], float(e["best_of_either"]), float(e["mutual_best"]), float(e["cross_language"]),
            e["position_gap"], float(e["opens_an_article"])]


def labelled_pairs(binary, pairs_path):
    """(split, features, label, aligned by the binary) for every scored pair of every annotated article pair."""
    rows = evaluate.load_pairs(pairs_path)
    out = []
    for annotation in (json.loads(l) for l in open(evaluate.ANNOTATIONS) if l.strip()):
        row = rows.get(annotation["pair_id"])
        if row is None:
            continue
        with tempfile.TemporaryDirectory() as directory:
            pair = evaluate.Pair(row, directory)
            listing = [evaluate.sentences(binary, directory, path) for path in pair.paths]
            dump = os.path.join(directory, "pairs.jsonl")
            command = [os.path.abspath(binary), "compare", *map(os.path.basename, pair.paths), "--format", "json",
                       "--sentence-pairs", dump]
            for path, day in pair.published.items():
                command += ["--published", f"{os.path.basename(path)}={day}"]
            evaluate.subprocess.run(command, capture_output=True, text=True, cwd=directory, check=True)
            scored = [json.loads(l) for l in open(dump)]
        merges = ({}, {})
        gold = evaluate.gold_links(annotation, listing, [], merges)
        ignored = gold["conflict"] | gold["partial"]
        for p in scored:
            if (p["source1"], p["source2"]) != tuple(evaluate.NAMES):
                continue
            x, y = evaluate.locate(listing[0], p["start1"]), evaluate.locate(listing[1], p["start2"])
            if x is None or y is None:
                continue
            link = (merges[0].get(x, x), merges[1].get(y, y))
            if link in ignored:
                continue
            out.append((evaluate.split_of(annotation["pair_id"]), features(p["evidence"]), link in gold["same"], p["aligned"]))
    return out


def fit(xs, ys, l2, rounds=3000, rate=0.5):
    """Logistic regression by gradient descent; the bias is not penalised."""
    w = [0.0] * len(xs[0])
    n = len(xs)
    for _ in range(rounds):
        gradient = [0.0] * len(w)
        for x, y in zip(xs, ys):
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))
            for k, v in enumerate(x):
                gradient[k] += (p - y) * v
        w = [a - rate * (g + (l2 * a if k else 0)) / n for k, (a, g) in enumerate(zip(w, gradient))]
    return w


def line(decisions):
    tp = sum(1 for d, g in decisions if d and g)
    fp = sum(1 for d, g in decisions if d and not g)
    fn = sum(1 for d, g in decisions if g and not d)
    p = tp / (tp + fp) if tp + fp else 0.0
    r = tp / (tp + fn) if tp + fn else 0.0
    return f"P {p:.3f} R {r:.3f} (tp {tp}, fp {fp}, fn {fn})"


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--binary", default=os.path.join(evaluate.REPO, ".build-release", "release", "parallax"), help="default: the one `make release` builds")
    ap.add_argument("--pairs", default=evaluate.DEFAULT_PAIRS)
    ap.add_argument("--l2", type=float, default=0.3)
    args = ap.parse_args()
    data = labelled_pairs(args.binary, args.pairs)
    tune = [d for d in data if d[0] == "tune"]
    w = fit([d[1] for d in tune], [1 if d[2] else 0 for d in tune], args.l2)
    print("weights: " + ", ".join(f"{name}: {v:.2f}" for name, v in zip(NAMES, w)))
    for split in ("tune", "test"):
        rows = [d for d in data if d[0] == split]
        model = [(sum(a * b for a, b in zip(w, x)) >= 0, gold) for _, x, gold, _ in rows]
        binary = [(aligned, gold) for _, _, gold, aligned in rows]
        print(f"{split:5} {len(rows):4} pairs, {sum(1 for r in rows if r[2]):3} linked: model {line(model)}; binary {line(binary)}")


if __name__ == "__main__":
    main()
