#!/usr/bin/env python3
"""Fits `CrossLanguageCheck.standard` (Sources/ParallaxCluster/Parameters.swift): a logistic
model over the feature similarities of the joins the lexical clusterer makes across languages,
trained to tell right joins from wrong ones.

The stream is the one of distractor_eval.py (seed 1): the ITN dev briefs among the 4,615
multilingual stream articles, which report none of the briefs' events. `parallax cluster
--explain --no-cross-language-check` gives, for every article that joined a story in other
languages only, the similarities to that story. A join is right when the article is a brief
and the story already held a brief of its event; it is wrong otherwise (a distractor is never
right, though now and then two stream articles in two languages do report one event).

Printed: the AUC of the clusterer's own join score and of the fitted model (2-fold, by a fixed
shuffle), and the model fitted on all joins (bias, then √terms, √word n-grams, √names,
√numbers, √dates, √countries, √name sounds).

Usage (from the repository root):
    python3 Benchmarks/cluster/cross_language_check_fit.py [PARALLAX] [--seed S] [--half 0|1]

`--half H` fits on one half of the events (and of the distractors) only, so that the other half
(`distractor_eval.py --half`) can check the weights on events they were not fitted on.
"""
import argparse, collections, json, math, os, random, subprocess, sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from distractor_eval import add_stream_arguments, stream_items  # noqa: E402

FEATURES = ["terms", "word_grams", "names", "numbers", "dates", "countries", "name_sounds"]


def fit(xs, ys, rounds=4000, rate=0.5):
    w = [0.0] * len(xs[0])
    for _ in range(rounds):
        gradient = [0.0] * len(w)
        for x, y in zip(xs, ys):
            p = 1 / (1 + math.exp(-sum(a * b for a, b in zip(w, x))))
            for k in range(len(w)):
                gradient[k] += (p - y) * x[k]
        w = [a - rate * g / len(xs) for a, g in zip(w, gradient)]
    return w


def auc(scored):
    right = [s for s, ok in scored if ok]
    wrong = [s for s, ok in scored if not ok]
    wins = sum(1.0 if r > w else 0.5 if r == w else 0.0 for r in right for w in wrong)
    return wins / (len(right) * len(wrong))


def main():
    ap = argparse.ArgumentParser()
    add_stream_arguments(ap)
    args = ap.parse_args()
    items = stream_items(args.briefs, args.stream, args.seed, args.half)
    text = "".join(json.dumps({k: r[k] for k in ("id", "title", "text", "lang", "published")}, ensure_ascii=False) + "\n"
                   for r in items)
    run = subprocess.run([args.parallax, "cluster", "-", "--explain", "--no-cross-language-check"],
                         input=text, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr)
    gold = {r["id"]: r["gold"] for r in items}
    members = collections.defaultdict(list)
    joins = []
    for line in run.stdout.splitlines():
        o = json.loads(line)
        if not o["opened"] and o.get("cross_lingual") and "dense" not in o and "names" in o:
            event = gold[o["id"]]
            joins.append((o, event is not None and any(gold[m] == event for m in members[o["cluster"]])))
        members[o["cluster"]].append(o["id"])
    xs = [[1.0] + [math.sqrt(o[f]) for f in FEATURES] for o, _ in joins]
    ys = [1 if ok else 0 for _, ok in joins]
    print(f"{len(joins)} joins across languages, {sum(ys)} right; AUC of the join score {auc([(o['similarity'], ok) for o, ok in joins]):.3f}")
    order = list(range(len(xs)))
    random.Random(7).shuffle(order)
    halves = (order[: len(order) // 2], order[len(order) // 2:])
    for train, test in (halves, halves[::-1]):
        w = fit([xs[i] for i in train], [ys[i] for i in train])
        fitted = auc([(sum(a * b for a, b in zip(w, xs[i])), ys[i] == 1) for i in test])
        own = auc([(joins[i][0]["similarity"], joins[i][1]) for i in test])
        print(f"fold: AUC fitted {fitted:.3f}, join score {own:.3f}")
    w = fit(xs, ys)
    print("fitted on all: bias " + f"{w[0]:.2f}, " + ", ".join(f"{f} {v:.2f}" for f, v in zip(FEATURES, w[1:])))


if __name__ == "__main__":
    main()
