#!/usr/bin/env python3
"""Per-page-type precision/recall/F1 of one or more extractors (the shared shingle metric),
and optionally the worst pages of one type, to find where an extractor loses.

  by_type.py GOLD name=PRED ... [--worst TYPE N]
PRED: JSON Lines of `parallax extract` or trafilatura_extract.py's JSON object.
"""
import json, os, sys
from collections import defaultdict
sys.path.insert(0, os.path.join(os.path.dirname(__file__), '../../../shared/bench'))
from extraction_score import page_counts, ratio  # noqa: E402


def load(path):
    text = open(path, encoding='utf-8').read()
    try:
        data = json.loads(text)
        return {k: (v.get('articleBody', '') if isinstance(v, dict) else v or '') for k, v in data.items()}, {}
    except json.JSONDecodeError:
        out, kinds = {}, {}
        for line in text.splitlines():
            if line.strip():
                record = json.loads(line)
                key = os.path.basename(record['source']).split('.')[0]
                out[key] = record.get('text', '')
                kinds[key] = record.get('page_kind', 'article')
        return out, kinds


def summary(counts):
    p = [ratio(tp, fp) for tp, fp, fn in counts if tp + fp > 0]
    r = [ratio(tp, fn) for tp, fp, fn in counts if tp + fn > 0]
    p = sum(p) / len(p) if p else 0
    r = sum(r) / len(r) if r else 0
    return p, r, (2 * p * r / (p + r) if p + r else 0)


gold = json.load(open(sys.argv[1]))
args = sys.argv[2:]
worst = None
if '--worst' in args:
    i = args.index('--worst')
    worst = (args[i + 1], int(args[i + 2]))
    args = args[:i]
for name, path in (a.split('=', 1) for a in args):
    pred, kinds = load(path)
    by_type = defaultdict(list)
    pages = []
    for key, record in gold.items():
        c = page_counts(record['articleBody'], pred.get(key, ''))
        by_type[record['page_type']].append(c)
        by_type['ALL'].append(c)
        pages.append((record['page_type'], key, c, kinds.get(key, '-' if key not in pred else '?')))
    for t in sorted(by_type):
        p, r, f = summary(by_type[t])
        missing = sum(1 for pt, k, c, kd in pages if (pt == t or t == 'ALL') and k not in pred)
        print(f'{name:<12} {t:<14} n={len(by_type[t]):>4} missing={missing:>3} P={p:.3f} R={r:.3f} F1={f:.3f}')
    if kinds:
        matrix = defaultdict(lambda: defaultdict(int))
        for pt, k, c, kd in pages:
            matrix[pt][kd] += 1
        print(f'{name}: page_kind printed per gold page type (- = refused)')
        for pt in sorted(matrix):
            print(f'  {pt:<14} ' + '  '.join(f'{kd}={n}' for kd, n in sorted(matrix[pt].items())))
    if worst:
        rows = [(2 * c[0] / (2 * c[0] + c[1] + c[2]) if sum(c) else 1, k, c, kd) for pt, k, c, kd in pages if pt == worst[0] or worst[0] == 'ALL']
        for f, k, c, kd in sorted(rows)[:worst[1]]:
            print(f'  {k} F1={f:.2f} tp={c[0]:.2f} fp={c[1]:.2f} fn={c[2]:.2f} kind={kd}')
