"""Writes the Wikinews corpus (../shared/data/corpus) as backfill input, in publication order.

    make_corpus.py --out DIR [--parts 4] [--format warc|jsonl] [--corrupt]

The articles, sorted by publication date (ties by their corpus id), are split into PARTS
consecutive files, so that reading the files in order reads the articles in publication
order: the order a Spark backfill restores. `warc` writes each article as an HTML page in
a gzipped WARC response record (`part-NN.warc.gz`); `jsonl` writes Parallax JSON Lines
records (`part-NN.jsonl`). `--corrupt` adds, inside the last part, records that cannot
become articles (broken JSON, a record without text, a binary payload); everything else in
that part must still come through. Prints the file paths, one a line, in order, and the
number of articles written on stderr.
"""

import argparse
import gzip
import html
import json
import os
import sys
import uuid

CORPUS = "corpus/wikinews-en-2019-2020.jsonl"


def shared_data():
    env = os.environ.get("PARALLAX_SHARED_DATA")
    if env:
        return env
    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    return os.path.join(os.path.dirname(root), "shared", "data")


def load_articles():
    with open(os.path.join(shared_data(), CORPUS), encoding="utf-8") as f:
        articles = [json.loads(line) for line in f if line.strip()]
    return sorted(articles, key=lambda a: (a.get("published") or "", a["id"]))


def paragraphs(text):
    """Paragraphs are separated by blank lines."""
    blocks, current = [], []
    for line in text.split("\n"):
        if line.strip():
            current.append(line.strip())
        elif current:
            blocks.append(" ".join(current))
            current = []
    if current:
        blocks.append(" ".join(current))
    return blocks


def page(article):
    """The article as a small HTML page with its date and URL in the usual metadata."""
    title = html.escape(article["title"])
    body = "".join(f"<p>{html.escape(p)}</p>\n" for p in paragraphs(article["text"]))
    return (f"<!DOCTYPE html>\n<html lang=\"{html.escape(article.get('lang') or 'en')}\"><head><meta charset=\"utf-8\">"
            f"<title>{title}</title>\n<meta property=\"article:published_time\" content=\"{article['published']}\">\n"
            f"<link rel=\"canonical\" href=\"{html.escape(article['url'])}\"></head>\n"
            f"<body><article><h1>{title}</h1>\n{body}</article></body></html>\n").encode("utf-8")


def warc_record(headers, payload):
    """One WARC/1.1 record, gzipped on its own (as CC-NEWS writes them)."""
    head = "WARC/1.1\r\n" + "".join(f"{k}: {v}\r\n" for k, v in headers) + f"Content-Length: {len(payload)}\r\n\r\n"
    return gzip.compress(head.encode("utf-8") + payload + b"\r\n\r\n", mtime=0)


def response(url, date, body, content_type="text/html; charset=utf-8"):
    http = (f"HTTP/1.1 200 OK\r\nContent-Type: {content_type}\r\nContent-Length: {len(body)}\r\n\r\n").encode("ascii") + body
    record_id = uuid.uuid5(uuid.NAMESPACE_URL, url)
    return warc_record([("WARC-Type", "response"), ("WARC-Record-ID", f"<urn:uuid:{record_id}>"),
                        ("WARC-Date", f"{date}T00:00:00Z"), ("WARC-Target-URI", url),
                        ("Content-Type", "application/http; msgtype=response")], http)


def write_warc(path, articles, corrupt):
    with open(path, "wb") as out:
        info = b"software: Parallax Spark/make_corpus.py\r\nformat: WARC File Format 1.1\r\n"
        out.write(warc_record([("WARC-Type", "warcinfo"), ("WARC-Date", "2020-01-01T00:00:00Z"),
                               ("WARC-Record-ID", f"<urn:uuid:{uuid.uuid5(uuid.NAMESPACE_URL, path)}>"),
                               ("Content-Type", "application/warc-fields")], info))
        for i, article in enumerate(articles):
            out.write(response(article["url"], article["published"], page(article)))
            if corrupt and i == len(articles) // 2:
                # A "page" whose payload is binary, and a record whose gzip member is damaged.
                out.write(response("https://example.invalid/binary", article["published"], bytes(range(256)) * 8))
                damaged = bytearray(response("https://example.invalid/damaged", article["published"], page(article)))
                for k in range(len(damaged) // 3, len(damaged) // 3 + 16):
                    damaged[k] ^= 0x5A
                out.write(bytes(damaged))


def write_jsonl(path, articles, corrupt):
    with open(path, "w", encoding="utf-8") as out:
        for i, article in enumerate(articles):
            record = {k: article[k] for k in ("id", "title", "text", "url", "published")}
            record["lang"] = article.get("lang")
            out.write(json.dumps(record, ensure_ascii=False) + "\n")
            if corrupt and i == len(articles) // 2:
                out.write('{"id": "broken", "title": "A line cut short\n')
                out.write(json.dumps({"id": "no-text", "title": "A record without text"}) + "\n")
                out.write(json.dumps({"id": "blank-text", "title": "Blank", "text": "   "}) + "\n")


def main(argv):
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--out", required=True)
    parser.add_argument("--parts", type=int, default=4)
    parser.add_argument("--format", choices=("warc", "jsonl"), default="warc")
    parser.add_argument("--corrupt", action="store_true")
    args = parser.parse_args(argv)
    articles = load_articles()
    os.makedirs(args.out, exist_ok=True)
    size = -(-len(articles) // args.parts)
    for part in range(args.parts):
        chunk = articles[part * size:(part + 1) * size]
        last = part == args.parts - 1
        if args.format == "warc":
            path = os.path.join(args.out, f"part-{part:02d}.warc.gz")
            write_warc(path, chunk, args.corrupt and last)
        else:
            path = os.path.join(args.out, f"part-{part:02d}.jsonl")
            write_jsonl(path, chunk, args.corrupt and last)
        print(os.path.abspath(path))
    print(len(articles), file=sys.stderr)
    return 0


if __name__ == "__main__":
    sys.exit(main(sys.argv[1:]))
