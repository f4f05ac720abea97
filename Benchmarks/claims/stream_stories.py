#!/usr/bin/env python3
"""Claims of the stream's largest multi-language stories, for reading and for comparing builds.

Ingests ../shared/data/stream/multilingual-stream.jsonl into a temporary store, takes the
stories with three or more articles in two or more languages (largest first, `--stories N`),
and writes each story's report (`parallax story ID --format json`) into OUT. Prints how many
claims are corroborated (and how many of those join languages) and how many are unique.

With `--against DIR` (the OUT of an earlier run, another build), it also lists the corroborated
claims that one build has and the other lacks, each with its sentences, for reading by hand.
Stories are matched by id, so both runs must ingest the same stream with the same clusterer.
It also counts the conflicts of each kind; `--conflicts` lists them (with `--against`, those
one build has and the other lacks), for reading by hand.

Usage (from the repository root):
    python3 Benchmarks/claims/stream_stories.py BIN OUT [--stories 40] [--against DIR] [--conflicts]
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
    conflicts = {"number": 0, "date": 0, "quote": 0}
    for story in reports.values():
        languages = {a["source"]: a.get("language") for a in story["articles"]}
        for claim in story["report"]["corroborated"]:
            corroborated += 1
            crossing += len({languages.get(s["source"]) for s in claim["sentences"]}) > 1
        unique += len(story["report"]["unique"])
        for conflict in story["report"]["conflicts"]:
            conflicts[conflict["kind"]] = conflicts.get(conflict["kind"], 0) + 1
    return corroborated, crossing, unique, conflicts


def conflict_key(conflict):
    return (conflict["kind"],) + tuple((s["source"], s["value"]) for s in conflict["sides"])


def print_conflict(story_id, conflict):
    print(f"-- story {story_id}, {conflict['kind']}: " + " || ".join(s["value"] for s in conflict["sides"]))
    for side in conflict["sides"]:
        print(f"     {side['text'][:160]}")


def describe(counts):
    corroborated, crossing, unique, conflicts = counts
    kinds = ", ".join(f"{kind} {n}" for kind, n in sorted(conflicts.items()))
    return f"{corroborated} corroborated claims ({crossing} across languages), {unique} unique; conflicts: {kinds}"


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("binary")
    parser.add_argument("out")
    parser.add_argument("--stories", type=int, default=40)
    parser.add_argument("--against")
    parser.add_argument("--conflicts", action="store_true", help="list every conflict, for reading by hand")
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
    print(f"{len(reports)} stories: {describe(summary(reports))}")
    if args.conflicts and not args.against:
        for story_id in sorted(reports, key=int):
            for conflict in reports[story_id]["report"]["conflicts"]:
                print_conflict(story_id, conflict)
    if not args.against:
        return
    earlier = load(args.against)
    print(f"against {args.against}: {describe(summary({k: v for k, v in earlier.items() if k in reports}))}")
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
            if args.conflicts:
                other = {conflict_key(c) for c in theirs[story_id]["report"]["conflicts"]}
                for conflict in mine[story_id]["report"]["conflicts"]:
                    if conflict_key(conflict) not in other:
                        print_conflict(story_id, conflict)


if __name__ == "__main__":
    sys.exit(main())
