"""Writes real web pages as CC-NEWS-like WARC input for the Spark throughput benchmark.

    make_pages_warc.py --out DIR [--parts 4] [--copies 1]

The pages are the 1,497 real pages of ../shared/data/extraction/wcxb-dev (news articles and
other page types from 1,295 sites, as a news crawl meets them) followed by the 293 Wikinews
articles of ../shared/data/corpus rendered as pages (Spark/make_corpus.py), dealt round-robin
into PARTS gzip-per-record WARC files (so the parts are about the same size). `--copies N` repeats the wcxb pages N times under distinct URLs
(a repeat is stored as a duplicate, so later copies measure extraction and annotation more
than the store). Prints the file paths, one a line.
"""

import argparse
import gzip
import json
import os
import sys

sys.path.insert(0, os.path.join(os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__)))), "Spark"))
import make_corpus  # noqa: E402  (warc_record, response, page, load_articles, shared_data)


def pages(copies):
    root = os.path.join(make_corpus.shared_data(), "extraction", "wcxb-dev")
    gold = json.load(open(os.path.join(root, "ground-truth.json"), encoding="utf-8"))
    for copy in range(copies):
        for page_id in sorted(gold):
            with gzip.open(os.path.join(root, "html", f"{page_id}.html.gz"), "rb") as f:
                body = f.read()
            url = gold[page_id].get("url") or f"https://wcxb.invalid/{page_id}"
            if copy:
                url += ("&" if "?" in url else "?") + f"copy={copy}"
            yield make_corpus.response(url, "2025-06-01", body, "text/html")
    for article in make_corpus.load_articles():
        yield make_corpus.response(article["url"], article["published"], make_corpus.page(article))


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--parts", type=int, default=4)
    parser.add_argument("--copies", type=int, default=1)
    args = parser.parse_args(argv)
    records = list(pages(args.copies))
    os.makedirs(args.out, exist_ok=True)
    for part in range(args.parts):
        path = os.path.join(args.out, f"pages-{part:02d}.warc.gz")
        with open(path, "wb") as out:
            for record in records[part::args.parts]:
                out.write(record)
        print(os.path.abspath(path))
    print(len(records), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
