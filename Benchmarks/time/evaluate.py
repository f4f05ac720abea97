#!/usr/bin/env python3
"""Scores the time expressions of `parallax pipe read annotate` against annotations.jsonl.

    python3 Benchmarks/time/evaluate.py texts wikinews|stream [--binary BIN]   # the sample's texts, for annotators
    python3 Benchmarks/time/evaluate.py evaluate --binary BIN [--split tune|test] [--verbose]

See README.md for the sample, the annotation guidelines and the scores.
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DATA = os.environ.get("PARALLAX_SHARED_DATA", os.path.join(REPO, "..", "shared", "data"))
ANNOTATIONS = os.path.join(HERE, "annotations.jsonl")
STREAM_LANGUAGES = ("de", "es", "fr", "it", "pl", "ru", "tr", "ar", "zh")
STREAM_CHARACTERS = 2000


def md5(text):
    return hashlib.md5(text.encode("utf-8")).hexdigest()


def split_of(article_id):
    return "tune" if int(md5(article_id)[:2], 16) % 2 == 0 else "test"


def sample(name):
    """The sample's articles as parallax reads them: {id, title, text, lang, published?}."""
    if name == "wikinews":
        rows = [json.loads(l) for l in open(os.path.join(DATA, "corpus", "wikinews-en-2019-2020.jsonl"), encoding="utf-8") if l.strip()]
        rows.sort(key=lambda r: md5(r["id"]))
        return [{"id": r["id"], "title": r.get("title", ""), "text": r["text"], "lang": "en", "published": r["published"][:10]}
                for r in rows[:40]]
    rows = [json.loads(l) for l in open(os.path.join(DATA, "stream", "multilingual-stream.jsonl"), encoding="utf-8") if l.strip()]
    out = []
    for language in STREAM_LANGUAGES:
        chosen = sorted((r for r in rows if r.get("lang") == language), key=lambda r: md5(r["id"]))[:8]
        out += [{"id": r["id"], "title": "", "text": r["text"][:STREAM_CHARACTERS], "lang": language} for r in chosen]
    return out


def annotate(binary, articles):
    """Article id → (the article's text as parallax stored it, its time mentions)."""
    with tempfile.TemporaryDirectory() as directory:
        path = os.path.join(directory, "articles.jsonl")
        with open(path, "w", encoding="utf-8") as f:
            for a in articles:
                f.write(json.dumps(a, ensure_ascii=False) + "\n")
        run = subprocess.run([binary, "pipe", "read", "annotate"], input=path + "\n", capture_output=True, text=True, check=True)
    out = {}
    for line in run.stdout.splitlines():
        record = json.loads(line)
        if "error" in record:
            sys.exit(f"parallax failed on an article: {record['error']}")
        # The record's id is parallax's own; the sample's id ends its source ("path#id").
        out[record["article"]["source"].rsplit("#", 1)[-1]] = (record["article"]["text"], record["annotations"]["times"])
    return out


def locate(text, expression):
    """(start, end) of the expression's occurrence in text, in code points, or None."""
    at = -1
    for _ in range(expression["occurrence"]):
        at = text.find(expression["text"], at + 1)
        if at < 0:
            return None
    return at, at + len(expression["text"])


def resolved_right(gold, mention, dated):
    resolved = mention.get("resolved")
    if gold["granularity"] == "fuzzy":
        # Without a publication day a vague expression cannot be placed, vague or not.
        return resolved["granularity"] == "fuzzy" if resolved is not None else not dated
    if gold["start"] is None:
        return resolved is None
    return resolved is not None and resolved["start"] == gold["start"] and resolved["end"] == gold["end"]


class Tally:
    def __init__(self):
        # extra: mentions overlapping no annotated expression. Mentions that share one
        # expression ("Friday" and "January 4, 2019" of "Friday, January 4, 2019") count once.
        self.gold = self.found = self.extra = self.right = 0

    def line(self):
        def ratio(a, b):
            return a / b if b else 0.0
        return (f"found P {ratio(self.found, self.found + self.extra):.3f} R {ratio(self.found, self.gold):.3f} | "
                f"resolved right {ratio(self.right, self.found):.3f} of found | "
                f"overall P {ratio(self.right, self.found + self.extra):.3f} R {ratio(self.right, self.gold):.3f} "
                f"(gold {self.gold}, found {self.found}, extra {self.extra}, right {self.right})")


def evaluate(args):
    annotations = [json.loads(l) for l in open(ANNOTATIONS, encoding="utf-8") if l.strip()]
    tallies = {}
    for set_name in ("wikinews", "stream"):
        rows = [a for a in annotations if a["set"] == set_name and (args.split == "all" or split_of(a["id"]) == args.split)]
        if not rows:
            continue
        articles = {a["id"]: a for a in sample(set_name)}
        missing = [r["id"] for r in rows if r["id"] not in articles]
        if missing:
            sys.exit(f"annotated articles not in the {set_name} sample: {missing}")
        parsed = annotate(args.binary, [articles[r["id"]] for r in rows])
        for row in rows:
            text, mentions = parsed[row["id"]]  # stream texts were cut to STREAM_CHARACTERS before parsing
            keys = [set_name, f"{set_name} {articles[row['id']]['lang']}"]
            if args.verbose:
                print(f"== {set_name} {row['id']} ({split_of(row['id'])}) published {row.get('published')}")
            used = set()
            for expression in row["expressions"]:
                where = locate(text, expression)
                if where is None:
                    sys.exit(f"{row['id']}: {expression['text']!r} (occurrence {expression['occurrence']}) is not in the text")
                overlapping = [i for i, m in enumerate(mentions)
                               if i not in used and m["span"]["start"] < where[1] and where[0] < m["span"]["end"]]
                used.update(overlapping)
                right = any(resolved_right(expression, mentions[i], bool(articles[row["id"]].get("published"))) for i in overlapping)
                for key in keys:
                    t = tallies.setdefault(key, Tally())
                    t.gold += 1
                    t.found += bool(overlapping)
                    t.right += right
                if args.verbose and not right:
                    got = "; ".join(f"{mentions[i]['text']!r} → {interval(mentions[i].get('resolved'))}" for i in overlapping) or "not found"
                    print(f"  MISS {expression['text']!r}: gold {expression['start']}..{expression['end']} "
                          f"{expression['granularity']}; parallax {got}")
            for i, m in enumerate(mentions):
                if i not in used and args.verbose:
                    print(f"  EXTRA {m['text']!r} → {interval(m.get('resolved'))}  …{context(text, m)}…")
            for key in keys:
                tallies.setdefault(key, Tally()).extra += sum(1 for i in range(len(mentions)) if i not in used)
    for key in sorted(tallies, key=lambda k: (k.split()[0], len(k), k)):
        print(f"{args.split:5} {key:12} {tallies[key].line()}")


def interval(resolved):
    if resolved is None:
        return "unresolved"
    return f"{resolved['start']}..{resolved['end']} {resolved['granularity']}"


def context(text, mention):
    start, end = mention["span"]["start"], mention["span"]["end"]
    return text[max(0, start - 50):end + 30].replace("\n", " ")


def texts(args):
    """The texts as parallax stores them (whitespace normalised), which the annotations index."""
    articles = sample(args.set)
    stored = annotate(args.binary, articles)
    for article in articles:
        print(f"===== {args.set} {article['id']} lang {article['lang']} published {article.get('published') or 'unknown'}")
        if article["title"]:
            print(f"(title, not part of the text: {article['title']})")
        print(stored[article["id"]][0])
        print()


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    modes = parser.add_subparsers(dest="mode", required=True)
    t = modes.add_parser("texts", help="print the sample's texts for annotators")
    t.add_argument("set", choices=["wikinews", "stream"])
    e = modes.add_parser("evaluate", help="score parallax against the annotations")
    for mode in (t, e):
        mode.add_argument("--binary", default=os.path.join(REPO, ".build-release", "release", "parallax"))
    e.add_argument("--split", default="all", choices=["all", "tune", "test"])
    e.add_argument("--verbose", action="store_true")
    args = parser.parse_args()
    args.binary = os.path.abspath(args.binary)
    if args.mode == "texts":
        texts(args)
    else:
        evaluate(args)


if __name__ == "__main__":
    main()
