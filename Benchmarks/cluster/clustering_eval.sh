#!/usr/bin/env bash
# Clustering scores of `parallax cluster` on the labelled dev streams, with the shared scorer.
#   Wikinews dev (English, 320 articles; `date` is the crawl time, used as publication order)
#   ITN dev briefs (48 languages, 785 briefs; `group` is the gold cluster)
# Each stream is fed in publication order. Run from the repository root:
#   bash Benchmarks/cluster/clustering_eval.sh [PARALLAX] [extra cluster options…]
# e.g. `… clustering_eval.sh .build-release/release/parallax --embedder e5` with the dense
# embedder (scripts/install-embedder.sh installs it).
set -euo pipefail
PARALLAX=${1:-.build-release/release/parallax}
shift || true
DATA=${PARALLAX_SHARED_DATA:-../shared/data}
BENCH=${PARALLAX_SHARED_BENCH:-../shared/bench}
OUT=Benchmarks/out/cluster
mkdir -p "$OUT"

# Gold file → (sorted stream for parallax, gold labels for the scorer).
prepare() {  # $1 input, $2 date field, $3 label field, $4 name
    python3 - "$1" "$2" "$3" "$OUT/$4" <<'PY'
import json, sys
src, date_field, label_field, out = sys.argv[1:]
rows = [json.loads(l) for l in open(src, encoding="utf-8") if l.strip()]
rows.sort(key=lambda r: r.get(date_field) or "")  # stable: ties keep file order
with open(out + ".stream.jsonl", "w") as s, open(out + ".gold.jsonl", "w") as g:
    for r in rows:
        s.write(json.dumps({"id": r["id"], "title": r.get("title", ""), "text": r["text"], "lang": r.get("lang"),
                            "published": r.get(date_field)}, ensure_ascii=False) + "\n")
        g.write(json.dumps({"id": r["id"], "cluster": r[label_field], "lang": r.get("lang")}) + "\n")
PY
}

score() {  # $1 name, then options for parallax cluster
    local name=$1
    shift
    "$PARALLAX" cluster "$OUT/$name.stream.jsonl" "$@" > "$OUT/$name.pred.jsonl"
    python3 "$BENCH/clustering_eval.py" "$OUT/$name.gold.jsonl" "$OUT/$name.pred.jsonl" --crosslingual | python3 -c "
import json, sys
m = json.load(sys.stdin); b = m['bcubed']; s = m['standard']
print(f\"$name: B-cubed F1 {b['f1']:.3f} (P {b['p']:.3f} R {b['r']:.3f}); pairwise F1 {s['f1']:.3f}; \"
      f\"{m['n_gold_clusters']} gold clusters, {m['n_pred_clusters']} predicted\")"
}

prepare "$DATA/clusters/wikinews-dev.jsonl" date cluster wikinews
prepare "$DATA/multilingual-briefs/itn-dev.jsonl" published group itn
score wikinews "$@"
score itn "$@"
