#!/usr/bin/env python3
"""Title and publication date as trafilatura finds them (`extract_metadata`, which runs
htmldate for the date), and a reference date: htmldate's original date from the page's
markup alone (meta tags, JSON-LD, <time>, URL; no guessing from text), for every page of a directory of .html.gz files. Not timed: the speed comparison
uses trafilatura's default text extraction (trafilatura_extract.py).

Prints {page_id: {"title": str|null, "date": "YYYY-MM-DD"|null, "reference_date": ...}}."""
import gzip, json, os, sys
import trafilatura
from htmldate import find_date

directory = sys.argv[1]
out = {}
for name in sorted(os.listdir(directory)):
    if not name.endswith('.html.gz'):
        continue
    page_id = name.split('.')[0]
    with gzip.open(os.path.join(directory, name), 'rb') as f:
        html = f.read()
    try:
        metadata = trafilatura.extract_metadata(html)
    except Exception:   # a page trafilatura cannot parse has no metadata
        metadata = None
    try:
        reference = find_date(html, original_date=True, extensive_search=False)
    except Exception:
        reference = None
    out[page_id] = {
        'title': metadata.title if metadata else None,
        'date': metadata.date if metadata else None,
        'reference_date': reference,
    }
json.dump(out, sys.stdout)
