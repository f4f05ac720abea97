#!/usr/bin/env python3
"""Runs trafilatura (default settings, no comments, no fallback tuning) on every page of a
directory of .html.gz files and prints {page_id: {"articleBody": text}} as JSON."""
import gzip, json, os, sys
import trafilatura

directory = sys.argv[1]
out = {}
for name in sorted(os.listdir(directory)):
    if not name.endswith('.html.gz'):
        continue
    page_id = name.split('.')[0]
    with gzip.open(os.path.join(directory, name), 'rb') as f:
        html = f.read()
    text = trafilatura.extract(html, include_comments=False) or ''
    out[page_id] = {'articleBody': text}
json.dump(out, sys.stdout)
