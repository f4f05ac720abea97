"""Backfill a news archive into a Parallax store with Apache Spark.

The per-article work (read, extract, identify languages, annotate, count clustering
features) is embarrassingly parallel: Spark runs `parallax pipe read extract annotate` on
every partition of the input files (RDD.pipe). Placing articles in stories is not: the
online clusterer sees articles one by one in publication order. So the annotated records
are sorted by publication time (ties by their position in the input: input file, then
record) and streamed, in that order, into one `parallax pipe store` process, which
clusters them with the features already counted and writes the stories to --db. The
stories are those a single `parallax ingest` of the same articles in the same order gives.

    Spark/run.sh --parallax .build-release/release/parallax --db news.db archive/*.warc.gz

Prints one summary line at the end; error records (unreadable files, corrupt records,
pages without an article) are reported on stderr and counted, and lose nothing else.
"""

import argparse
import json
import os
import shlex
import subprocess
import sys
import threading
import time

# File name endings the job takes from a directory: archives, JSON Lines, pages and texts
# (what `parallax ingest DIR` reads).
INPUT_ENDINGS = (".warc", ".warc.gz", ".jsonl", ".ndjson", ".html", ".htm", ".xhtml", ".txt", ".text",
                 ".html.gz", ".htm.gz", ".txt.gz", ".jsonl.gz")

# How many error messages are printed; the rest are counted.
SHOWN_ERRORS = 20


def expand(inputs):
    """Input paths in order, directories expanded to their files sorted by path."""
    files = []
    for path in inputs:
        if os.path.isdir(path):
            found = []
            for root, dirs, names in os.walk(path):
                dirs[:] = [d for d in dirs if not d.startswith(".")]
                found += [os.path.join(root, n) for n in names
                          if not n.startswith(".") and n.lower().endswith(INPUT_ENDINGS)]
            files += sorted(found)
        else:
            files.append(path)
    return files


def order_key(record, input_rank):
    """Publication time, then the record's place in the input; undated articles last.

    ISO 8601 dates in one time zone (Parallax writes UTC, `Z`) sort as strings.
    """
    article = record.get("article") or {}
    published = article.get("published")
    return (published is None, published or "", input_rank.get(record.get("input"), len(input_rank)), record.get("index", 0))


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("inputs", nargs="+", help="WARC, JSON Lines, HTML or text files, or directories of them")
    parser.add_argument("--parallax", required=True,
                        help="the parallax binary as the executors see it (an absolute path on one machine; "
                             "a path inside the archive shipped with --archives on a cluster)")
    parser.add_argument("--store-parallax", help="the binary for the store step on the driver (default: --parallax)")
    parser.add_argument("--db", required=True, help="the store: postgres://… or an SQLite file")
    parser.add_argument("--master", default=None, help="Spark master (default: spark-submit's, else local[2])")
    parser.add_argument("--partitions", type=int, default=0,
                        help="partitions of the input files (default: one per file)")
    return parser.parse_args(argv)


def main(argv):
    args = parse_args(argv)
    started = time.monotonic()
    files = expand(args.inputs)
    if not files:
        print("backfill: no input files", file=sys.stderr)
        return 2
    input_rank = {path: rank for rank, path in enumerate(files)}

    from pyspark import SparkConf, SparkContext, StorageLevel

    conf = SparkConf().setAppName("parallax-backfill")
    if args.master:
        conf.setMaster(args.master)
    elif not conf.contains("spark.master"):
        conf.setMaster("local[2]")
    conf.set("spark.ui.enabled", "false")
    sc = SparkContext(conf=conf)
    sc.setLogLevel("ERROR")
    try:
        partitions = args.partitions or len(files)
        # Each Spark task is one process on one core: the pipe works on one record at a time.
        stage = f"{shlex.quote(args.parallax)} pipe read extract annotate --workers 1"
        def keyed(line):
            record = json.loads(line)
            return (None if "error" in record else order_key(record, input_rank), line)

        annotated = (sc.parallelize(files, min(partitions, len(files)))
                     .pipe(stage, env={"LANG": "C.UTF-8"}, checkCode=True)
                     .map(keyed)
                     .persist(StorageLevel.MEMORY_AND_DISK))

        errors = annotated.filter(lambda pair: pair[0] is None).values().map(json.loads)
        error_count = errors.count()
        for record in errors.take(SHOWN_ERRORS):
            error = record["error"] if isinstance(record["error"], dict) else {"message": str(record["error"])}
            print(f"backfill: error record: {error.get('source', '?')}: {error.get('message', '?')}", file=sys.stderr)
        if error_count > SHOWN_ERRORS:
            print(f"backfill: … and {error_count - SHOWN_ERRORS} more error records", file=sys.stderr)

        # The records leave as the pipe wrote them; only their order changes.
        ordered = annotated.filter(lambda pair: pair[0] is not None).sortByKey().values()
        stored, stories, store_errors = feed_store(args.store_parallax or args.parallax, args.db, ordered.toLocalIterator())
        annotated.unpersist()
    finally:
        sc.stop()

    seconds = time.monotonic() - started
    print(f"backfill: {stored} articles, {len(stories)} stories, {error_count + store_errors} error records, "
          f"{len(files)} input files, {seconds:.1f} seconds")
    return 0


def feed_store(parallax, db, lines):
    """Streams the ordered records into `parallax pipe store`; returns what it stored."""
    store = subprocess.Popen([parallax, "pipe", "store", "--db", db], stdin=subprocess.PIPE,
                             stdout=subprocess.PIPE, text=True, encoding="utf-8")
    results = {"stored": 0, "stories": set(), "errors": 0}

    def collect():
        for line in store.stdout:
            event = json.loads(line)
            if "story" in event:
                results["stored"] += 1
                results["stories"].add(event["story"])
            elif "error" in event:
                results["errors"] += 1

    reader = threading.Thread(target=collect)
    reader.start()
    try:
        for line in lines:
            store.stdin.write(line + "\n")
    finally:
        store.stdin.close()
        reader.join()
    status = store.wait()
    if status != 0 and results["errors"] == 0:
        raise RuntimeError(f"parallax pipe store exited with status {status}")
    return results["stored"], results["stories"], results["errors"]


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
