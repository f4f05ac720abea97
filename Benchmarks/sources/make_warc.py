#!/usr/bin/env python3
"""Writes a gzip-per-record WARC (as CC-NEWS publishes) of about TARGET_MB megabytes:
the texts of a JSON Lines stream ({"id", "text", ...}) wrapped in simple HTML, each as a
request record and an HTTP response record, repeated until the size is reached.

usage: make_warc.py STREAM.jsonl OUT.warc.gz TARGET_MB
"""
import gzip
import html
import json
import sys
import uuid


def record(warc_type, uri, content_type, block):
    header = (
        "WARC/1.1\r\n"
        f"WARC-Type: {warc_type}\r\n"
        f"WARC-Record-ID: <urn:uuid:{uuid.uuid4()}>\r\n"
        "WARC-Date: 2026-02-04T10:00:00Z\r\n"
        f"WARC-Target-URI: {uri}\r\n"
        f"Content-Type: {content_type}\r\n"
        f"Content-Length: {len(block)}\r\n\r\n"
    ).encode()
    # Each record its own gzip member; level 6 like the usual archivers.
    return gzip.compress(header + block + b"\r\n\r\n", compresslevel=6)


def main():
    stream, out, target_mb = sys.argv[1], sys.argv[2], float(sys.argv[3])
    texts = []
    with open(stream, encoding="utf-8") as lines:
        for line in lines:
            item = json.loads(line)
            texts.append((item.get("id", str(len(texts))), item["text"]))
    target = int(target_mb * 1024 * 1024)
    written = responses = 0
    with open(out, "wb") as warc:
        round_number = 0
        while written < target:
            for identifier, text in texts:
                uri = f"https://stream.example/{round_number}/{identifier}.html"
                paragraphs = "".join(f"<p>{html.escape(p)}</p>" for p in text.split("\n") if p.strip())
                page = (f"<!DOCTYPE html><html><head><meta charset=\"utf-8\"><title>{html.escape(text[:60])}</title></head>"
                        f"<body><article>{paragraphs}</article></body></html>").encode()
                request = f"GET /{round_number}/{identifier}.html HTTP/1.1\r\nHost: stream.example\r\n\r\n".encode()
                response = (b"HTTP/1.1 200 OK\r\nContent-Type: text/html; charset=utf-8\r\n"
                            + f"Content-Length: {len(page)}\r\n\r\n".encode() + page)
                for member in (record("request", uri, "application/http; msgtype=request", request),
                               record("response", uri, "application/http; msgtype=response", response)):
                    warc.write(member)
                    written += len(member)
                responses += 1
                if written >= target:
                    break
            round_number += 1
    print(f"{out}: {written} bytes, {responses} responses, {2 * responses} records")


if __name__ == "__main__":
    main()
