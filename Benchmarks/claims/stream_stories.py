#!/usr/bin/env python3
"""Claims of the stream's largest multi-language stories, for reading and for comparing builds.

Ingests ../shared/data/stream/multilingual-stream.jsonl into a temporary store, takes the
stories with three or more articles in two or more languages (largest first, `--stories N`),
and writes each story's report (`parallax story ID --format json`) into OUT. Prints how many
claims are corroborated (and how many of those join languages) and how many are unique.

With `--against DIR` (the OUT of an earlier run, another build), it also lists the corroborated
claims that one build has and the other lacks, each with its sentences, for reading by hand.
Stories are matched by id, so both runs must ingest the same stream with the same clusterer.

Usage (from the repository root):
    python3 Benchmarks/claims/stream_stories.py BIN OUT [--stories 40] [--against DIR]
"""
import argparse
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
STREAM = os.path.join(HERE, "..", "..", "..", "shared", "data", "stream", "multilingual-stream.jsonl")


def run(binary, *args):
    return subprocess.run([os.path.abspath(binary), *args], capture_output=True, text=True, check=True).stdout


def claim_key(claim):
    return tuple(sorted((s["source"], s["start"]) for s in claim["sentences"]))


def load(directory):
    reports = {}
    for name in os.listdir(directory):
        if name.startswith("story-") and name.endswith(".json"):
            with open(os.path.join(directory, name)) as f:
                reports[name[6:-5]] = json.load(f)
    return reports


def summary(reports):
    corroborated = crossing = unique = 0
    for story in reports.values():
        languages = {a["source"]: a.get("language") for a in story["articles"]}
        for claim in story["report"]["corroborated"]:
            corroborated += 1
            crossing += len({languages.get(s["source"]) for s in claim["sentences"]}) > 1
        unique += len(story["report"]["unique"])
    return corroborated, crossing, unique


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("out")
    parser.add_argument("--stories", type=int, default=40)
    parser.add_argument("--against")
    args = parser.parse_args()
    os.makedirs(args.out, exist_ok=True)
    with tempfile.TemporaryDirectory() as directory:
        db = os.path.join(directory, "stream.db")
        run(args.binary, "ingest", STREAM, "--db", db)
        listed = [json.loads(line) for line in run(args.binary, "stories", "--db", db, "--format", "json",
                                                   "--limit", "100000").splitlines() if line.strip()]
        chosen = [s for s in listed if len(s["languages"]) >= 2 and s["articleCount"] >= 3]
        chosen.sort(key=lambda s: (-s["articleCount"], s["id"]))
        for story in chosen[:args.stories]:
            with open(os.path.join(args.out, f"story-{story['id']}.json"), "w") as f:
                f.write(run(args.binary, "story", str(story["id"]), "--db", db, "--format", "json"))
    reports = load(args.out)
    corroborated, crossing, unique = summary(reports)
    print(f"{len(reports)} stories: {corroborated} corroborated claims ({crossing} across languages), {unique} unique")
    if not args.against:
        return
    earlier = load(args.against)
    before = summary({k: v for k, v in earlier.items() if k in reports})
    print(f"against {args.against}: {before[0]} corroborated ({before[1]} across languages), {before[2]} unique")
    for label, mine, theirs in (("only in " + args.against, earlier, reports), ("only in " + args.out, reports, earlier)):
        print(f"\n== {label}")
        for story_id in sorted(mine, key=int):
            if story_id not in theirs:
                continue
            other = {claim_key(c) for c in theirs[story_id]["report"]["corroborated"]}
            for claim in mine[story_id]["report"]["corroborated"]:
                if claim_key(claim) in other:
                    continue
                print(f"-- story {story_id}, shared: {', '.join(claim['shared'][:8])}")
                for sentence in claim["sentences"]:
                    print(f"     {sentence['text'][:160]}")


if __name__ == "__main__":
    sys.exit(main())
