#!/usr/bin/env python3
"""`parallax similarity` on pairs of news briefs written in different scripts.

The SemEval-2022 dev pairs (similarity_pearson.py) hold no pair across scripts, but held-out
pairs may (Chinese against English, say). The ITN dev briefs
(../shared/data/multilingual-briefs/itn-dev.jsonl, 48 Wikipedia language editions grouped by
event) give such pairs with a label: every pair of briefs of one event whose texts are
written in different scripts (positives), and for each a few pairs of different events, also
across scripts, drawn with a fixed seed (negatives). Each side is its brief's title and text,
with its language; no dates, so that only the texts are compared.

Printed: ROC AUC and Pearson correlation (with the 0/1 label) of the similarity, over all
pairs and for pairs with a Latin-script side against each other script; and the same for
pairs across languages of one script, as a control.

Usage (from the repository root):
    python3 Benchmarks/cluster/cross_script_pairs.py [--parallax PATH] [--negatives 4] [--seed 1]
        [--embedder e5 [--embedding-cache FILE]]
"""
import argparse
import collections
import itertools
import json
import os
import random
import subprocess
import sys
import unicodedata

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from cross_language_check_fit import auc  # noqa: E402
from similarity_pearson import pearson  # noqa: E402

HERE = os.path.dirname(os.path.abspath(__file__))
DEFAULT_BRIEFS = os.path.join(HERE, "..", "..", "..", "shared", "data", "multilingual-briefs", "itn-dev.jsonl")


def script(text):
    """The script most of the text's letters are written in (the first word of their Unicode names)."""
    counts = collections.Counter()
    for ch in text:
        if ch.isalpha():
            name = unicodedata.name(ch, "")
            counts["HAN" if name.startswith("CJK") else name.split(" ")[0]] += 1
    return counts.most_common(1)[0][0] if counts else "NONE"


def build_pairs(briefs, negatives_per_positive, seed, across_scripts):
    rng = random.Random(seed)
    for b in briefs:
        b["script"] = script(b["title"] + " " + b["text"])
    wanted = (lambda a, b: a["script"] != b["script"]) if across_scripts else \
        (lambda a, b: a["script"] == b["script"] and a["lang"] != b["lang"])
    by_group = collections.defaultdict(list)
    for b in briefs:
        by_group[b["group"]].append(b)
    pairs = []
    for members in by_group.values():
        for a, b in itertools.combinations(members, 2):
            if not wanted(a, b):
                continue
            pairs.append((a, b, 1))
            drawn = 0
            for _ in range(200):
                if drawn == negatives_per_positive:
                    break
                c = rng.choice(briefs)
                if c["group"] != a["group"] and wanted(a, c):
                    pairs.append((a, c, 0))
                    drawn += 1
    return pairs


def score(binary, pairs, options):
    lines = []
    for n, (a, b, _) in enumerate(pairs):
        lines.append(json.dumps({"pair_id": str(n), "text1": a["title"] + "\n" + a["text"], "lang1": a["lang"],
                                 "text2": b["title"] + "\n" + b["text"], "lang2": b["lang"]}, ensure_ascii=False))
    out = subprocess.run([binary, "similarity", *options], input="\n".join(lines) + "\n", capture_output=True, text=True, check=True)
    scores = {}
    for line in out.stdout.splitlines():
        record = json.loads(line)
        scores[record["pair_id"]] = record["similarity"]
    return [scores[str(n)] for n in range(len(pairs))]


def report(title, pairs, scores):
    labels = [label for _, _, label in pairs]
    print(f"{title}: {len(pairs)} pairs ({sum(labels)} of one event)  "
          f"AUC {auc(list(zip(scores, labels))):.3f}  Pearson {pearson(scores, labels):.3f}")


def main():
    ap = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    ap.add_argument("--parallax", default=".build-release/release/parallax")
    ap.add_argument("--briefs", default=DEFAULT_BRIEFS)
    ap.add_argument("--negatives", type=int, default=4, help="pairs of different events per pair of one event")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--embedder", help="dense embedder to blend in (e5; see scripts/install-embedder.sh)")
    ap.add_argument("--embedding-cache", help="with --embedder: keep the vectors in this file for later runs")
    args = ap.parse_args()
    options = ["--embedder", args.embedder] if args.embedder else []
    options += ["--embedding-cache", args.embedding_cache] if args.embedder and args.embedding_cache else []
    briefs = [json.loads(line) for line in open(args.briefs, encoding="utf-8") if line.strip()]
    for across, title in ((True, "across scripts"), (False, "across languages of one script (control)")):
        pairs = build_pairs(briefs, args.negatives, args.seed, across)
        scores = score(args.parallax, pairs, options)
        report(title, pairs, scores)
        if across:
            by_script = collections.defaultdict(list)
            for n, (a, b, _) in enumerate(pairs):
                if "LATIN" in (a["script"], b["script"]):
                    other = b["script"] if a["script"] == "LATIN" else a["script"]
                    by_script[other].append(n)
            for other, indices in sorted(by_script.items(), key=lambda kv: -len(kv[1])):
                if len(indices) >= 50:
                    report(f"  Latin against {other.title()}", [pairs[i] for i in indices], [scores[i] for i in indices])


if __name__ == "__main__":
    main()
