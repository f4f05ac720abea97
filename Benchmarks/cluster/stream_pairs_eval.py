#!/usr/bin/env python3
"""Clustering of the multilingual stream judged by the labelled pairs inside it: all 753
SemEval-2022 dev pairs (../shared/data/pairs) are articles of the 4,615-article stream. A pair
rated the same event (overall ≤ 1.5) should share a story; a pair rated different (overall
≥ 3) should not. SemEval paired articles that share entities and time, so the different
pairs are hard ones: same topic, other event.

Reported per kind of pair (one language, across languages): of the same-event pairs, the
share in one story (recall); of the different pairs, the share in one story (false merges);
and how many cross-language pairs of the whole stream share a story (most stream articles
have no counterpart, so this count is mostly false merges; see cross_language_sample.py).

Usage (from the repository root):
    python3 Benchmarks/cluster/stream_pairs_eval.py [PARALLAX] [cluster options…]
"""
import argparse, collections, json, subprocess, sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("parallax", nargs="?", default=".build-release/release/parallax")
    ap.add_argument("--stream", default="../shared/data/stream/multilingual-stream.jsonl")
    ap.add_argument("--pairs", default="../shared/data/pairs/semeval2022-dev.jsonl")
    args, options = ap.parse_known_args()
    rows = [json.loads(l) for l in open(args.stream, encoding="utf-8") if l.strip()]
    stream = "".join(json.dumps({"id": r["id"], "title": r.get("title", ""), "text": r["text"], "lang": r.get("lang"),
                                 "published": r.get("published")}, ensure_ascii=False) + "\n" for r in rows)
    run = subprocess.run([args.parallax, "cluster", "-"] + options, input=stream, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr)
    story = {}
    for line in run.stdout.splitlines():
        o = json.loads(line)
        story[o["id"]] = o["cluster"]
    language = {r["id"]: r.get("lang") for r in rows}
    sizes = collections.defaultdict(collections.Counter)
    for i, c in story.items():
        sizes[c][language[i]] += 1
    cross = sum(sum(n for n in by_language.values()) ** 2 - sum(n * n for n in by_language.values())
                for by_language in sizes.values()) // 2
    counts = collections.defaultdict(lambda: [0, 0])
    for line in open(args.pairs, encoding="utf-8"):
        p = json.loads(line)
        a, b = p["pair_id"].split("_")
        if a not in story or b not in story or 1.5 < p["overall"] < 3:
            continue
        kind = ("across languages" if p["lang1"] != p["lang2"] else "one language",
                "same event" if p["overall"] <= 1.5 else "different")
        counts[kind][0] += story[a] == story[b]
        counts[kind][1] += 1
    parts = []
    for scope in ("one language", "across languages"):
        same, different = counts[(scope, "same event")], counts[(scope, "different")]
        parts.append(f"{scope}: same event together {same[0]}/{same[1]}, different together {different[0]}/{different[1]}")
    print(f"{len(story)} articles, {len(sizes)} stories, {cross} cross-language pairs in one story; " + "; ".join(parts))

if __name__ == "__main__":
    main()
