#!/usr/bin/env python3
"""Scores Parallax's claim alignment against human annotations of article pairs.

For each annotated pair of Benchmarks/claims/annotations.jsonl the two texts (read in place
from the SemEval-2022 pairs file; never copied into the repository) are written to
temporary files and compared with `parallax compare --format json`. Every corroboration
yields "same" links (each sentence of the first text with each sentence of the second in
the same corroborated claim); every conflict yields a "conflict" link between the sentences
of its two sides. Links are scored against the annotated ones: precision, recall and F1,
overall and for same-language and cross-language pairs, on the tuning split and on the
held-out test split (a third of the pairs, fixed by a hash of the pair id).

Sentences are Parallax's own: `sentences` mode (and the evaluation itself) lists the
sentences of a text by comparing it with a filler text that shares nothing, so that every
sentence that states a fact comes back whole as a unique claim. Annotations keep, for each
linked sentence, its index and a hash of its text; a changed split shows up as a warning.

Usage:
  evaluate.py [--binary PATH] [--pairs FILE] [--verbose] [--split tune|test|all] [--embedder e5 [--embedding-cache FILE]]
  evaluate.py sentences PAIR_ID [--binary PATH]      # list sentences to annotate
"""
import argparse
import hashlib
import json
import os
import subprocess
import sys
import tempfile
from collections import defaultdict

HERE = os.path.dirname(os.path.abspath(__file__))
REPO = os.path.dirname(os.path.dirname(HERE))
DEFAULT_PAIRS = os.path.join(REPO, "..", "shared", "data", "pairs", "semeval2022-dev.jsonl")
ANNOTATIONS = os.path.join(HERE, "annotations.jsonl")
# Letters that form no word of any language: it shares nothing with the text it is compared to.
FILLER = "Xqzv wpfk jrtl mnbv zxcq plmk vbnr ghty.\n\nQwxz bnmv lkjh ytre wqas dfgh zxcv poiu.\n"
NAMES = ("text1.txt", "text2.txt")


def sentence_hash(text):
    return hashlib.sha1(" ".join(text.split()).encode("utf-8")).hexdigest()[:10]


def split_of(pair_id):
    """A third of the pairs, fixed by their id, is held out for testing."""
    return "test" if int(hashlib.sha1(pair_id.encode()).hexdigest()[:8], 16) % 3 == 0 else "tune"


def article_file(text):
    """The pair text as a file: its first line (when it has several) is the title."""
    text = text.strip()
    if "\n" in text:
        title, body = text.split("\n", 1)
        return title.strip() + "\n\n" + body.strip() + "\n"
    return text + "\n"


def run_compare(binary, paths, published=None, embedder=None, cache=None):
    # Run beside the files, so that each source is labelled with its file name.
    command = [os.path.abspath(binary), "compare", *map(os.path.basename, paths), "--format", "json"]
    if embedder:
        # The compare runs in a temporary folder: the default engine folder is the repository's.
        command += ["--embedder", embedder]
        if not os.environ.get("PARALLAX_E5_ENGINE"):
            command += ["--embedder-path", os.path.join(REPO, ".build-e5-venv")]
        if cache:
            command += ["--embedding-cache", os.path.abspath(cache)]
    for path, day in (published or {}).items():
        command += ["--published", f"{os.path.basename(path)}={day}"]
    result = subprocess.run(command, capture_output=True, text=True, cwd=os.path.dirname(paths[0]))
    if result.returncode != 0 and not result.stdout:
        raise RuntimeError(f"{' '.join(command)} failed: {result.stderr.strip()}")
    return json.loads(result.stdout)


def sentences(binary, directory, path):
    """Parallax's sentences of one article file: (start, end, text), in order."""
    filler = os.path.join(directory, "filler.txt")
    with open(filler, "w") as f:
        f.write(FILLER)
    report = run_compare(binary, [path, filler])
    name = os.path.basename(path)
    found = sorted({(u["start"], u["end"], u["text"]) for u in report["unique"] if u["source"] == name})
    return [s for s in found]


class Pair:
    def __init__(self, row, directory):
        self.row = row
        self.id = row["pair_id"]
        self.cross = row["lang1"] != row["lang2"]
        self.paths = []
        for name, key in zip(NAMES, ("text1", "text2")):
            path = os.path.join(directory, name)
            with open(path, "w") as f:
                f.write(article_file(row[key]))
            self.paths.append(path)
        self.published = {p: row[k] for p, k in zip(self.paths, ("published1", "published2")) if row.get(k)}


def locate(sentence_list, start=None, text=None):
    """Index of the sentence a claim belongs to: by offset, else by hash, else by containment."""
    if start is not None:
        for index, (s, e, _) in enumerate(sentence_list):
            if s <= start < e:
                return index
    if text is not None:
        h = sentence_hash(text)
        for index, (_, _, t) in enumerate(sentence_list):
            if sentence_hash(t) == h:
                return index
        squeezed = " ".join(text.split())
        for index, (_, _, t) in enumerate(sentence_list):
            if squeezed and squeezed in " ".join(t.split()):
                return index
    return None


def predicted_links(report, split):
    """("same" and "conflict") sets of (i, j) sentence index pairs, plus claims that map to no sentence."""
    same, conflict, unmapped = set(), set(), 0
    for claim in report["corroborated"]:
        sides = [[], []]
        for sentence in claim["sentences"]:
            if sentence["source"] not in NAMES:
                continue
            side = NAMES.index(sentence["source"])
            index = locate(split[side], sentence.get("start"), sentence["text"])
            if index is None:
                unmapped += 1
            else:
                sides[side].append(index)
        same.update((i, j) for i in sides[0] for j in sides[1])
    for found in report["conflicts"]:
        sides = [[], []]
        for side in found["sides"]:
            if side["source"] in NAMES:
                s = NAMES.index(side["source"])
                index = locate(split[s], None, side["text"])
                if index is None:
                    unmapped += 1
                else:
                    sides[s].append(index)
        conflict.update((i, j) for i in sides[0] for j in sides[1])
    return same, conflict, unmapped


def gold_links(annotation, split, warnings, merges=None):
    """Annotated links as index pairs of the current split (relocated by hash if the split moved).

    An annotated sentence that the current split cuts in two or more is found as a run of
    consecutive sentences whose joined text has its hash; the run counts as its first
    sentence, and `merges` (one dict per side) maps the run's other sentences onto it, so a
    predicted link on any part of it is a link of the annotated sentence."""
    merges = merges if merges is not None else ({}, {})

    def index(side, i, h):
        listing = split[side]
        if i < len(listing) and sentence_hash(listing[i][2]) == h:
            return i
        for k, (_, _, t) in enumerate(listing):
            if sentence_hash(t) == h:
                warnings.append(f"{annotation['pair_id']}: sentence {side + 1}:{i} moved to {k}")
                return k
        for k in range(len(listing)):
            for m in range(1, 5):
                if k + m < len(listing) and sentence_hash(" ".join(t for _, _, t in listing[k:k + m + 1])) == h:
                    for part in range(k + 1, k + m + 1):
                        merges[side][part] = k
                    warnings.append(f"{annotation['pair_id']}: sentence {side + 1}:{i} is now {k}..{k + m}")
                    return k
        warnings.append(f"{annotation['pair_id']}: sentence {side + 1}:{i} ({h}) no longer exists (splitting changed)")
        return None

    links = {}
    for kind in ("same", "conflict", "partial"):
        found = set()
        for link in annotation.get(kind, []):
            i, j = index(0, link["a"], link["ha"]), index(1, link["b"], link["hb"])
            if i is not None and j is not None:
                found.add((i, j))
        links[kind] = found
    return links


class Score:
    def __init__(self):
        self.tp = self.fp = self.fn = 0

    def add(self, predicted, gold, ignore=frozenset()):
        predicted = predicted - ignore
        self.tp += len(predicted & gold)
        self.fp += len(predicted - gold)
        self.fn += len(gold - predicted)

    def line(self):
        p = self.tp / (self.tp + self.fp) if self.tp + self.fp else 0.0
        r = self.tp / (self.tp + self.fn) if self.tp + self.fn else 0.0
        f = 2 * p * r / (p + r) if p + r else 0.0
        return f"P {p:.3f}  R {r:.3f}  F1 {f:.3f}  (tp {self.tp}, fp {self.fp}, fn {self.fn})"


def load_pairs(path):
    rows = {}
    with open(path) as f:
        for line in f:
            row = json.loads(line)
            rows[row["pair_id"]] = row
    return rows


def list_sentences(args):
    rows = load_pairs(args.pairs)
    row = rows[args.pair_id]
    with tempfile.TemporaryDirectory() as directory:
        pair = Pair(row, directory)
        print(f"# {pair.id} {row['lang1']}-{row['lang2']} overall {row['overall']} split {split_of(pair.id)}")
        for side, path in enumerate(pair.paths):
            print(f"## text{side + 1}")
            for index, (_, _, text) in enumerate(sentences(args.binary, directory, path)):
                print(f"{side + 1}:{index} [{sentence_hash(text)}] {text}")


def evaluate(args):
    rows = load_pairs(args.pairs)
    annotations = [json.loads(line) for line in open(args.annotations) if line.strip()]
    scores = defaultdict(Score)
    warnings = []
    details = []
    for annotation in annotations:
        pair_id = annotation["pair_id"]
        split = split_of(pair_id)
        if args.split != "all" and split != args.split:
            continue
        row = rows.get(pair_id)
        if row is None:
            warnings.append(f"{pair_id}: not in {args.pairs}")
            continue
        with tempfile.TemporaryDirectory() as directory:
            pair = Pair(row, directory)
            listing = [sentences(args.binary, directory, path) for path in pair.paths]
            report = run_compare(args.binary, pair.paths, pair.published, args.embedder, args.embedding_cache)
        same, conflict, unmapped = predicted_links(report, listing)
        merges = ({}, {})
        gold = gold_links(annotation, listing, warnings, merges)
        same = {(merges[0].get(i, i), merges[1].get(j, j)) for i, j in same}
        conflict = {(merges[0].get(i, i), merges[1].get(j, j)) for i, j in conflict}
        group = "cross-language" if pair.cross else "same-language"
        for key in (f"{split} all", f"{split} {group}"):
            # A pair annotated as a conflict states one slot with two values, a partial pair
            # shares a detail but not a claim: linking either as "same" is neither right nor wrong.
            scores[key + " same"].add(same, gold["same"], ignore=gold["conflict"] | gold["partial"])
            scores[key + " conflict"].add(conflict, gold["conflict"])
        details.append((pair_id, split, group, same, conflict, gold, listing, unmapped, annotation))

    if args.verbose:
        for pair_id, split, group, same, conflict, gold, listing, unmapped, annotation in details:
            notes = {(l["a"], l["b"]): l.get("note", "") for kind in ("same", "conflict", "partial") for l in annotation.get(kind, [])}
            print(f"== {pair_id} ({split}, {group}){'  unmapped claims: %d' % unmapped if unmapped else ''}")
            def show(label, links):
                for i, j in sorted(links):
                    a = listing[0][i][2] if i < len(listing[0]) else "?"
                    b = listing[1][j][2] if j < len(listing[1]) else "?"
                    note = notes.get((i, j), "")
                    print(f"  {label} {i}-{j}{'  (' + note + ')' if note else ''}\n      1: {a[:160]}\n      2: {b[:160]}")
            show("FP same    ", same - gold["same"] - gold["conflict"] - gold["partial"])
            show("FN same    ", gold["same"] - same)
            show("FP conflict", conflict - gold["conflict"])
            show("FN conflict", gold["conflict"] - conflict)
        print()
    for warning in warnings:
        print("warning:", warning, file=sys.stderr)
    counts = defaultdict(int)
    for _, split, group, *_ in details:
        counts[split] += 1
        counts[f"{split} {group}"] += 1
    print(f"pairs: {len(details)} (tune {counts['tune']}, test {counts['test']})")
    for split in ("tune", "test"):
        if not counts[split]:
            continue
        for group in ("all", "same-language", "cross-language"):
            n = counts[split] if group == "all" else counts[f"{split} {group}"]
            if not n:
                continue
            for kind in ("same", "conflict"):
                print(f"{split:5} {group:15} {kind:9} [{n:2} pairs] {scores[f'{split} {group} {kind}'].line()}")


def main():
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("mode", nargs="?", default="evaluate", choices=["evaluate", "sentences"])
    parser.add_argument("pair_id", nargs="?")
    parser.add_argument("--binary", default=os.environ.get("PARALLAX", os.path.join(REPO, ".build", "debug", "parallax")))
    parser.add_argument("--pairs", default=DEFAULT_PAIRS)
    parser.add_argument("--annotations", default=ANNOTATIONS)
    parser.add_argument("--split", default="all", choices=["all", "tune", "test"])
    parser.add_argument("--verbose", action="store_true")
    parser.add_argument("--embedder", choices=["e5"], help="compare with dense sentence embeddings (parallax compare --embedder)")
    parser.add_argument("--embedding-cache", metavar="FILE",
                        help="with --embedder: keep the sentence vectors in FILE, so later runs embed nothing again")
    args = parser.parse_args()
    if args.mode == "sentences":
        if not args.pair_id:
            parser.error("sentences needs a PAIR_ID")
        list_sentences(args)
    else:
        evaluate(args)


if __name__ == "__main__":
    main()
