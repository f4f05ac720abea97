#!/usr/bin/env python3
"""Stories of the multilingual stream held together by page furniture: stories whose members
all print one sentence that at least three articles of the stream print (an outlet's footer,
a cookie notice, a block page). Most such stories join reports of unrelated events; the
clusterer leaves repeated sentences out of the choice of story (`RepeatedSentences`), and
`--no-set-aside-repeated-sentences` turns that off for comparison.

Sentences are split here independently of Parallax (after . ! ? and the ideographic 。！？,
and at line breaks; at least 20 characters), so the measure does not depend on the rule it
judges. Printed: the stories, the stories held together by a repeated sentence and their
articles, and with --list their first members.

Usage (from the repository root):
    python3 Benchmarks/cluster/repeated_sentences.py [PARALLAX] [--list] [cluster options…]
"""
import argparse, collections, json, re, subprocess, sys

SPLIT = re.compile(r"(?<=[.!?。！？])\s*|\n+")


def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("parallax", nargs="?", default=".build-release/release/parallax")
    ap.add_argument("--stream", default="../shared/data/stream/multilingual-stream.jsonl")
    ap.add_argument("--list", action="store_true", help="print the first members of each such story")
    args, options = ap.parse_known_args()
    rows = [json.loads(l) for l in open(args.stream, encoding="utf-8") if l.strip()]
    stream = "".join(json.dumps({"id": r["id"], "text": r["text"], "lang": r.get("lang")}, ensure_ascii=False) + "\n"
                     for r in rows)
    run = subprocess.run([args.parallax, "cluster", "-"] + options, input=stream, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr)
    story = {json.loads(l)["id"]: json.loads(l)["cluster"] for l in run.stdout.splitlines()}

    sentences = {}
    printed = collections.Counter()
    for r in rows:
        own = {s.strip() for s in SPLIT.split(r["text"]) if len(s.strip()) >= 20}
        sentences[r["id"]] = own
        printed.update(own)
    repeated = {s for s, n in printed.items() if n >= 3}

    members = collections.defaultdict(list)
    for r in rows:
        members[story[r["id"]]].append(r)
    held = []
    for ms in members.values():
        if len(ms) < 2:
            continue
        furniture = [sentences[m["id"]] & repeated for m in ms]
        if all(furniture) and set.intersection(*furniture):
            held.append(ms)
    print(f"{len(rows)} articles, {len(members)} stories; {len(held)} stories whose members all print one repeated "
          f"sentence, holding {sum(len(ms) for ms in held)} articles")
    if args.list:
        for ms in held:
            print(f"== {len(ms)} articles")
            for m in ms[:5]:
                print(f"   {m.get('lang')} {m['text'][:90]!r}")


if __name__ == "__main__":
    main()
