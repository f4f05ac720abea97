#!/usr/bin/env python3
"""Precision of the relation events of `parallax compare`, judged by hand.

A relation event says that one actor acts toward another ("Trump accused Petro"), with a
kind ("accuse") and a tone. This script runs `parallax compare --format json` over a seeded
sample of English articles (Wikinews's own, or with `--corpus cited` the outlets' articles that
Wikinews cited, ../shared/data/clusters/wikinews-dev.jsonl; two articles per run,
each with its publication date) and over the two seed reports, and scores every event it
gets against `judgements.jsonl`: an event is right when the sentence does say that the
first actor acts toward the second in the way the kind names (for mutual kinds, that the
two do it together), and the act is asserted, not denied.

Only precision can be measured this way: the judgements cover the events some version of
Parallax produced, not every relation the texts state. The number of right events is
reported beside it, so a rule that buys precision by dropping right events shows.

    python3 Benchmarks/relations/evaluate.py BIN [--seed 3] [--articles 60] [--exclude 11:60]
    python3 Benchmarks/relations/evaluate.py BIN --unjudged   # events still to judge, with context

Nothing of the texts is stored: a judgement keys an event by the article id, a SHA-1 of its
sentence (10 hex digits), the relation word, the two actors and the kind, plus a short note.
"""
import argparse
import hashlib
import json
import os
import random
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
SHARED = os.path.join(HERE, "..", "..", "..", "shared", "data")
CORPORA = {
    # Wikinews's own articles (CC BY 2.5), with their publication dates.
    "wikinews": os.path.join(SHARED, "corpus", "wikinews-en-2019-2020.jsonl"),
    # News articles of many outlets that Wikinews cited (clustering dev set); `date` is the
    # crawl time, which stands in for the publication date.
    "cited": os.path.join(SHARED, "clusters", "wikinews-dev.jsonl"),
    # The English articles of the unlabelled multilingual stream (many outlets, 2020): no title
    # apart from the text's first line, no publication date.
    "stream": os.path.join(SHARED, "stream", "multilingual-stream.jsonl"),
}
SEEDS = os.path.join(SHARED, "seeds")
SEED_DATES = {"000_966d9cde3196cb2c": "2026-02-05", "002_852c5d5ab8b24171": "2026-02-04"}


def sentence_hash(text):
    return hashlib.sha1(" ".join(text.split()).encode()).hexdigest()[:10]


def event_key(article, event):
    return "|".join([article, sentence_hash(event["text"]), event["word"], event["from"], event["to"], event["kind"]])


def compare(binary, files, dates):
    command = [binary, "compare", *files, "--format", "json"]
    for path, date in zip(files, dates):
        if date:
            command += ["--published", f"{path}={date}"]
    result = subprocess.run(command, capture_output=True, text=True)
    if result.returncode != 0:
        sys.exit(f"parallax compare failed on {files}: {result.stderr.strip()}")
    return json.loads(result.stdout)


def events_of(report, article_of_source):
    for relation in report.get("relations", []):
        for event in relation["events"]:
            yield article_of_source[event["source"]], event


def sample_of(rows, seed, count):
    return random.Random(seed).sample(rows, count)


def collect(binary, seed, count, exclude=(), corpus="wikinews", language="en"):
    """Events of the sampled articles (less those of the samples `exclude`, as (seed, count)) and of the seeds."""
    rows = [json.loads(line) for line in open(CORPORA[corpus], encoding="utf-8")]
    if corpus == "stream":
        rows = [row for row in rows if row.get("lang") == language]
    excluded = {row["id"] for other, size in exclude for row in sample_of(rows, other, size)}
    sample = [row for row in sample_of(rows, seed, count) if row["id"] not in excluded]
    found = []
    with tempfile.TemporaryDirectory() as folder:
        for start in range(0, len(sample), 2):
            group = sample[start:start + 2]
            files, dates, article_of_source = [], [], {}
            for row in group:
                path = os.path.join(folder, row["id"] + ".txt")
                with open(path, "w", encoding="utf-8") as handle:
                    handle.write((row["title"] + "\n\n" if row.get("title") else "") + row["text"])
                files.append(path)
                dates.append((row.get("published") or row.get("date") or "")[:10] or None)
                article_of_source[path] = row["id"]
            if len(files) < 2:
                continue
            found += list(events_of(compare(binary, files, dates), article_of_source))
    seed_files = [os.path.join(SEEDS, name + ".txt") for name in SEED_DATES]
    report = compare(binary, seed_files, list(SEED_DATES.values()))
    found += list(events_of(report, {path: os.path.basename(path)[:-4] for path in seed_files}))
    return found


def main():
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("binary")
    parser.add_argument("--seed", type=int, default=3, help="sample seed (3: the tune sample; 11: the test sample)")
    parser.add_argument("--articles", type=int, default=60)
    parser.add_argument("--corpus", choices=sorted(CORPORA), default="wikinews",
                        help="wikinews: Wikinews articles (default); cited: the outlets' articles Wikinews cited; "
                             "stream: the articles of the multilingual stream in --language")
    parser.add_argument("--language", default="en", help="with --corpus stream: the articles of this language (default en)")
    parser.add_argument("--exclude", default="", metavar="SEED:N,...",
                        help="leave out the articles of other samples (e.g. the tune samples 3:60,11:60)")
    parser.add_argument("--judgements", default=os.path.join(HERE, "judgements.jsonl"))
    parser.add_argument("--unjudged", action="store_true", help="list the events without a judgement, to judge them")
    parser.add_argument("--wrong", action="store_true", help="also list the events judged wrong, with their notes, to read them")
    arguments = parser.parse_args()

    judged = {}
    if os.path.exists(arguments.judgements):
        for line in open(arguments.judgements, encoding="utf-8"):
            if line.strip():
                record = json.loads(line)
                judged[record["key"]] = record
    exclude = [tuple(int(x) for x in item.split(":")) for item in arguments.exclude.split(",") if item]
    if arguments.language != "en" and arguments.corpus != "stream":
        parser.error("--language needs --corpus stream")
    found = collect(arguments.binary, arguments.seed, arguments.articles, exclude, arguments.corpus, arguments.language)

    counts = {"seeds": [0, 0, 0], arguments.corpus: [0, 0, 0]}  # right, wrong, unjudged
    for article, event in found:
        key = event_key(article, event)
        bucket = counts["seeds" if article in SEED_DATES else arguments.corpus]
        record = judged.get(key)
        if record is None:
            bucket[2] += 1
            if arguments.unjudged:
                text, word = event["text"], event["word"]
                at = text.find(word)
                context = " ".join(text[max(0, at - 160):at + 120].split())
                print(json.dumps({"key": key, "right": None, "note": ""}, ensure_ascii=False))
                print(f"#   {event['from']} -> {event['to']} [{event['kind']}{', inferred' if event['inferred'] else ''}] "
                      f"\"{word}\": {context}")
        else:
            bucket[0 if record["right"] else 1] += 1
            if arguments.wrong and not record["right"]:
                text, word = event["text"], event["word"]
                at = text.find(word)
                context = " ".join(text[max(0, at - 160):at + 120].split())
                print(f"wrong: {event['from']} -> {event['to']} [{event['kind']}] \"{word}\" ({record['note']}): {context}")
    if arguments.unjudged:
        return
    for name, (right, wrong, unjudged) in counts.items():
        total = right + wrong
        precision = f"{right / total:.3f}" if total else "-"
        print(f"{name:9} events {right + wrong + unjudged:4}  right {right:4}  wrong {wrong:4}  unjudged {unjudged:3}  "
              f"precision {precision}")


if __name__ == "__main__":
    main()
