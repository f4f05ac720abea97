#!/usr/bin/env python3
"""Runs trafilatura (no comments) on every page of a directory of .html.gz files and prints
{page_id: {"articleBody": text}} as JSON.

  trafilatura_extract.py DIRECTORY [default|recall|precision]

The mode is trafilatura's own switch: its default, `favor_recall` or `favor_precision`."""
import gzip, json, os, sys
import trafilatura

directory = sys.argv[1]
mode = sys.argv[2] if len(sys.argv) > 2 else 'default'
options = {'default': {}, 'recall': {'favor_recall': True}, 'precision': {'favor_precision': True}}[mode]
out = {}
for name in sorted(os.listdir(directory)):
    if not name.endswith('.html.gz'):
        continue
    page_id = name.split('.')[0]
    with gzip.open(os.path.join(directory, name), 'rb') as f:
        html = f.read()
    text = trafilatura.extract(html, include_comments=False, **options) or ''
    out[page_id] = {'articleBody': text}
json.dump(out, sys.stdout)
