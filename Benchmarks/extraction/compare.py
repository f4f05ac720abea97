#!/usr/bin/env python3
"""Scores several extractors' outputs with the shared metric, on all pages and on article
pages only, and prints one table, with each tool's CPU and wall seconds and pages per CPU
second when their timings (cpu_time.py's JSON) are given.

  compare.py GOLD SCORE_SCRIPT name=PRED[#KIND] ... [--times name=TIME.json ...]

PRED#article keeps only the records of `parallax extract` whose page_kind is "article".
"""
import json, os, subprocess, sys, tempfile

gold_path, score_script = sys.argv[1], sys.argv[2]
args = sys.argv[3:]
times = {}
if '--times' in args:
    i = args.index('--times')
    times = {name: json.load(open(path)) for name, path in (a.split('=', 1) for a in args[i + 1:])}
    args = args[:i]
runs = [a.split('=', 1) for a in args]
gold = json.load(open(gold_path))
articles = {k: v for k, v in gold.items() if v.get('page_type') == 'article'}

def load(path):
    """{page_id: text} from JSON Lines of `parallax extract` or a {page_id: {articleBody}} object."""
    path, _, kind = path.partition('#')
    text = open(path, encoding='utf-8').read()
    try:
        data = json.loads(text)
        return {k: (v.get('articleBody', '') if isinstance(v, dict) else v or '') for k, v in data.items()}
    except json.JSONDecodeError:
        out = {}
        for line in text.splitlines():
            if line.strip():
                record = json.loads(line)
                if kind and record.get('page_kind', 'article') != kind:
                    continue
                out[os.path.basename(record['source']).split('.')[0]] = record.get('text', '')
        return out

def score(gold_subset, pred):
    with tempfile.TemporaryDirectory() as tmp:
        g, p = os.path.join(tmp, 'gold.json'), os.path.join(tmp, 'pred.json')
        json.dump(gold_subset, open(g, 'w'))
        json.dump({k: {'articleBody': v} for k, v in pred.items() if k in gold_subset}, open(p, 'w'))
        return json.loads(subprocess.run([sys.executable, score_script, g, p], capture_output=True, text=True, check=True).stdout)

print(f"{'extractor':<28} {'set':<9} {'pages':>5} {'missing':>7} {'P':>7} {'R':>7} {'F1':>7}")
for name, path in runs:
    pred = load(path)
    for label, subset in (('all', gold), ('articles', articles)):
        s = score(subset, pred)
        print(f"{name:<28} {label:<9} {s['pages']:>5} {s['missing']:>7} {s['precision']:>7.4f} {s['recall']:>7.4f} {s['f1']:>7.4f}")
if times:
    print()
    print(f"{'extractor':<23} {'CPU s':>7} {'wall s':>7} {'pages/CPU s':>11}  CPU s of each round (best counts)")
    for name, t in times.items():
        rounds = ' '.join(f"{r['cpu']:.1f}" for r in t.get('rounds', []))
        print(f"{name:<23} {t['cpu']:>7.1f} {t['wall']:>7.1f} {len(gold) / max(t['cpu'], 0.01):>11.1f}  {rounds}")
    if 'parallax' in times and 'trafilatura' in times:
        print(f"speed ratio (CPU): {times['trafilatura']['cpu'] / max(times['parallax']['cpu'], 0.01):.1f}x")
