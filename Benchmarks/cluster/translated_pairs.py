#!/usr/bin/env python3
"""Pearson of `parallax similarity` on language pairs the SemEval dev set does not hold, by a
proxy: the multilingual stream carries machine translations of many dev articles (an id with a
language suffix, "1484763364zh" for "1484763364"), so a dev pair can be scored with one or
both of its sides replaced by a translation, against the pair's human label. This gives
zh-zh, en-zh, en-it, de-fr, es-it, ru-ru … pairs, the kinds the official test pairs hold.

The translations are machine-made (names often stay in Latin letters), and some groups are
small, so read the figures as a check, not a score. Beside each group the same pairs in their
original languages are scored (from a run over the whole dev file), so what translation costs
shows.

Usage (from the repository root):
    python3 Benchmarks/cluster/translated_pairs.py [--parallax BIN] [similarity options…]
    e.g. … --embedder e5 --embedder-path .build-e5-venv --embedding-cache FILE
"""
import argparse, collections, json, os, subprocess, sys, tempfile

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from similarity_pearson import pearson  # noqa: E402

SUFFIXES = ("zh", "it", "ru", "fr", "es", "en", "de")


def similarities(parallax, path, options):
    run = subprocess.run([parallax, "similarity", path] + options, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr)
    return {json.loads(l)["pair_id"]: json.loads(l)["similarity"] for l in run.stdout.splitlines()}


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", default=".build-release/release/parallax")
    ap.add_argument("--pairs", default="../shared/data/pairs/semeval2022-dev.jsonl")
    ap.add_argument("--stream", default="../shared/data/stream/multilingual-stream.jsonl")
    args, options = ap.parse_known_args()
    articles = {r["id"]: r for r in (json.loads(l) for l in open(args.stream, encoding="utf-8") if l.strip())}
    dev = [json.loads(l) for l in open(args.pairs, encoding="utf-8") if l.strip()]

    rows, labels = [], []  # labels: (pair id, group, -overall, original pair id)
    for pair in dev:
        first, second = pair["pair_id"].split("_")
        sides = []
        for base in (first, second):
            versions = {"original": base}
            versions.update({s: base + s for s in SUFFIXES if base + s in articles})
            sides.append(versions)
        for kind1, id1 in sides[0].items():
            for kind2, id2 in sides[1].items():
                if kind1 == kind2 == "original" or id1 not in articles or id2 not in articles:
                    continue
                a, b = articles[id1], articles[id2]
                group = "-".join(sorted([a["lang"], b["lang"]]))
                pid = f"{id1}_{id2}"
                rows.append({"pair_id": pid, "text1": a["text"], "text2": b["text"], "lang1": a["lang"], "lang2": b["lang"]})
                labels.append((pid, group, -pair["overall"], pair["pair_id"]))

    with tempfile.NamedTemporaryFile("w", suffix=".jsonl", delete=False, encoding="utf-8") as f:
        f.write("".join(json.dumps(r, ensure_ascii=False) + "\n" for r in rows))
        path = f.name
    try:
        translated = similarities(args.parallax, path, options)
    finally:
        os.unlink(path)
    original = similarities(args.parallax, args.pairs, options)

    groups = collections.defaultdict(list)
    for pid, group, label, dev_id in labels:
        groups[group].append((translated[pid], label, original[dev_id]))
        groups["all"].append((translated[pid], label, original[dev_id]))
    print(f"{'pairs':8} {'n':>4}  translated  originals")
    for group, items in sorted(groups.items(), key=lambda kv: (kv[0] != "all", -len(kv[1]), kv[0])):
        labels = [y for _, y, _ in items]
        t = pearson([s for s, _, _ in items], labels)
        o = pearson([s for _, _, s in items], labels)
        print(f"{group:8} {len(items):4}  {t:10.3f}  {o:9.3f}")


if __name__ == "__main__":
    main()
