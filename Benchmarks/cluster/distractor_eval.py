#!/usr/bin/env python3
"""The ITN briefs clustered among distractors: the 4,615 articles of the multilingual stream,
each given the publication date of a randomly drawn brief so that they interleave with the
briefs (the stream has no dates of its own, and reports a different time: none of its
articles reports an ITN event). A real stream is mostly articles without a counterpart in
another language; the ITN set alone, where every brief has counterparts, cannot show what
a clusterer does with those.

Reported, over the briefs only: B-cubed precision, recall and F1 with distractors counted as
wrong members of a brief's story, the same with the distractors left out of the stories (the
briefs' own clustering), and how many distractors joined a story holding a brief.

Usage (from the repository root):
    python3 Benchmarks/cluster/distractor_eval.py [PARALLAX] [--seed S] [cluster options…]
"""
import argparse, collections, hashlib, json, random, subprocess, sys

def add_stream_arguments(ap):
    """PARALLAX, --briefs, --stream and --seed."""
    ap.add_argument("parallax", nargs="?", default=".build-release/release/parallax")
    ap.add_argument("--briefs", default="../shared/data/multilingual-briefs/itn-dev.jsonl")
    ap.add_argument("--stream", default="../shared/data/stream/multilingual-stream.jsonl")
    ap.add_argument("--seed", type=int, default=1)
    ap.add_argument("--half", type=int, choices=(0, 1),
                    help="only the briefs of this half of the events and this half of the distractors "
                         "(by MD5 of the event and of the article id, as split_eval.py): fit on one, check on the other")


def half(key):
    """0 or 1, fixed by the key: the halves of split_eval.py."""
    return hashlib.md5(key.encode()).digest()[0] % 2


def stream_items(briefs_path, distractors_path, seed, only_half=None):
    """The briefs and the distractors in publication order, each {"id", "title", "text", "lang",
    "published", "gold"} ("b:" and "d:" before the ids; gold None for a distractor). With
    `only_half`, the briefs of that half of the events and that half of the distractors."""
    briefs = [json.loads(l) for l in open(briefs_path, encoding="utf-8") if l.strip()]
    distractors = [json.loads(l) for l in open(distractors_path, encoding="utf-8") if l.strip()]
    if only_half is not None:
        briefs = [b for b in briefs if half(b["group"]) == only_half]
        distractors = [d for d in distractors if half(d["id"]) == only_half]
    random.seed(seed)
    dates = [b["published"] for b in briefs]
    items = [{"id": "b:" + b["id"], "title": b.get("title", ""), "text": b["text"], "lang": b.get("lang"),
              "published": b["published"], "gold": b["group"]} for b in briefs]
    items += [{"id": "d:" + d["id"], "title": d.get("title", ""), "text": d["text"], "lang": d.get("lang"),
               "published": random.choice(dates), "gold": None} for d in distractors]
    items.sort(key=lambda r: (r["published"], r["id"]))
    return items


def main():
    ap = argparse.ArgumentParser()
    add_stream_arguments(ap)
    args, options = ap.parse_known_args()
    items = stream_items(args.briefs, args.stream, args.seed, args.half)
    distractors = [r for r in items if r["gold"] is None]
    stream = "".join(json.dumps({k: r[k] for k in ("id", "title", "text", "lang", "published")}, ensure_ascii=False) + "\n"
                     for r in items)
    run = subprocess.run([args.parallax, "cluster", "-"] + options, input=stream, capture_output=True, text=True)
    if run.returncode != 0:
        sys.exit(run.stderr)
    story = {json.loads(l)["id"]: json.loads(l)["cluster"] for l in run.stdout.splitlines()}
    gold = {r["id"]: r["gold"] for r in items}
    members = collections.defaultdict(list)
    for i, c in story.items():
        members[c].append(i)
    brief_ids = [r["id"] for r in items if r["gold"] is not None]
    by_gold = collections.Counter(gold[i] for i in brief_ids)

    def bcubed(with_distractors):
        p = r = 0.0
        for i in brief_ids:
            cluster = [m for m in members[story[i]] if with_distractors or gold[m] is not None]
            same = sum(1 for m in cluster if gold[m] == gold[i])
            p += same / len(cluster)
            r += same / by_gold[gold[i]]
        p, r = p / len(brief_ids), r / len(brief_ids)
        return p, r, 2 * p * r / (p + r)

    joined = sum(1 for c, ms in members.items() if any(gold[m] is not None for m in ms)
                 for m in ms if gold[m] is None)
    p, r, f = bcubed(True)
    p0, r0, f0 = bcubed(False)
    print(f"briefs among {len(distractors)} distractors: B-cubed F1 {f:.3f} (P {p:.3f} R {r:.3f}); "
          f"briefs' own clustering {f0:.3f} (P {p0:.3f} R {r0:.3f}); {joined} distractors in stories holding a brief")

if __name__ == "__main__":
    main()
