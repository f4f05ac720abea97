#!/usr/bin/env python3
"""Title and publication-date scores on the article pages of the dev set, for Parallax and
trafilatura side by side.

  metadata_score.py GOLD PARALLAX_JSONL TRAFILATURA_METADATA_JSON

Titles: exact match with the gold `title` after whitespace normalisation (and, as a second
number, after also folding typographic quotes and dashes, which the gold titles do not
write consistently). Dates: the dev set has no gold date, so an article "states a date" when
htmldate finds one in its markup (meta tags, JSON-LD, <time>, URL; no guessing from text);
"found" is the share of those articles for which the tool gives a publication date, "same
day" the share where it gives htmldate's day (Parallax reports instants in UTC, so a late-
evening local time counts as the next day). trafilatura's date is htmldate's, so its
agreement with the reference is flattered."""
import json, os, sys

gold = json.load(open(sys.argv[1], encoding='utf-8'))
articles = {k: v for k, v in gold.items() if v.get('page_type') == 'article'}
parallax = {}
for line in open(sys.argv[2], encoding='utf-8'):
    if line.strip():
        row = json.loads(line)
        parallax[os.path.basename(row['source']).split('.')[0]] = {'title': row.get('title'), 'date': (row.get('published') or '')[:10] or None}
trafilatura = json.load(open(sys.argv[3], encoding='utf-8'))

FOLD = str.maketrans({'\u2018': "'", '\u2019': "'", '\u201c': '"', '\u201d': '"', '\u2013': '-', '\u2014': '-', '\u00a0': ' '})

def spaces(text):
    return ' '.join((text or '').split())

def folded(text):
    return spaces((text or '').translate(FOLD))

with_reference = [k for k in articles if (trafilatura.get(k) or {}).get('reference_date')]
print(f"{'tool':<12} {'titles exact':>12} {'titles folded':>13} {'dates found':>11} {'same day':>9}   "
      f"({len(articles)} articles, {len(with_reference)} with a reference date)")
for name, found in (('parallax', parallax), ('trafilatura', trafilatura)):
    exact = sum(1 for k, v in articles.items() if spaces((found.get(k) or {}).get('title')) == spaces(v['title']))
    loose = sum(1 for k, v in articles.items() if folded((found.get(k) or {}).get('title')) == folded(v['title']))
    dated = sum(1 for k in with_reference if (found.get(k) or {}).get('date'))
    same = sum(1 for k in with_reference if ((found.get(k) or {}).get('date') or '')[:10] == trafilatura[k]['reference_date'][:10])
    n, m = len(articles), max(1, len(with_reference))
    print(f"{name:<12} {exact / n:>12.1%} {loose / n:>13.1%} {dated / m:>11.1%} {same / m:>9.1%}")
