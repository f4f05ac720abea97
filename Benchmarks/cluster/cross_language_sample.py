#!/usr/bin/env python3
"""A random sample of cross-language article pairs that `parallax cluster` put in one story,
on the unlabelled multilingual stream, for judging by eye: the labelled sets (ITN briefs)
say nothing of a stream where most articles have no counterpart in another language.

Usage (from the repository root):
    python3 Benchmarks/cluster/cross_language_sample.py [PARALLAX] [--pairs N] [--seed S] [cluster options…]
"""
import argparse, collections, itertools, json, random, subprocess, sys

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("parallax", nargs="?", default=".build-release/release/parallax")
    ap.add_argument("--stream", default="../shared/data/stream/multilingual-stream.jsonl")
    ap.add_argument("--pairs", type=int, default=10)
    ap.add_argument("--seed", type=int, default=1)
    args, options = ap.parse_known_args()
    rows = [json.loads(l) for l in open(args.stream, encoding="utf-8") if l.strip()]
    rows.sort(key=lambda r: r.get("published") or "")
    stream = "".join(json.dumps({"id": r["id"], "title": r.get("title", ""), "text": r["text"], "lang": r.get("lang"),
                                 "published": r.get("published")}, ensure_ascii=False) + "\n" for r in rows)
    run = subprocess.run([args.parallax, "cluster", "-"] + options, input=stream, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr)
    by_id = {r["id"]: r for r in rows}
    stories = collections.defaultdict(list)
    for line in run.stdout.splitlines():
        o = json.loads(line)
        stories[o["cluster"]].append(o["id"])
    pairs = [(a, b) for ids in stories.values() for a, b in itertools.combinations(ids, 2)
             if by_id[a].get("lang") != by_id[b].get("lang")]
    multilingual = sum(1 for ids in stories.values() if len({by_id[i].get("lang") for i in ids}) > 1)
    print(f"{len(rows)} articles, {len(stories)} stories, {multilingual} of them in several languages, "
          f"{len(pairs)} cross-language pairs in one story")
    random.seed(args.seed)
    for a, b in random.sample(pairs, min(args.pairs, len(pairs))):
        print("---")
        for i in (a, b):
            print(f"  {by_id[i].get('lang')}: {(by_id[i].get('title') or '')[:60]} | {by_id[i]['text'][:110]}".replace("\n", " "))

if __name__ == "__main__":
    main()
