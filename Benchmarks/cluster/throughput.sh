#!/usr/bin/env bash
# Throughput (articles/s) and peak RSS of `parallax cluster` on the multilingual stream
# (4,615 articles in 10 languages, no dates: the window is by stream position), and, with
# --synthetic N, on N generated articles (memory must stay flat). Run from the repository root:
#   bash Benchmarks/cluster/throughput.sh [PARALLAX] [--synthetic 1000000]
# CLUSTER_OPTIONS adds options to `parallax cluster`, e.g. CLUSTER_OPTIONS="--embedder e5".
set -euo pipefail
read -r -a OPTIONS <<< "${CLUSTER_OPTIONS:-}"

PARALLAX=${1:-.build-release/release/parallax}
DATA=${PARALLAX_SHARED_DATA:-../shared/data}
OUT=Benchmarks/out/cluster
mkdir -p "$OUT"

measure() {  # $1 label, $2 article count, $3 input file
    /usr/bin/time -v "$PARALLAX" cluster "$3" "${OPTIONS[@]}" > "$OUT/$1.pred.jsonl" 2> "$OUT/$1.time.txt" || true
    python3 - "$1" "$2" "$OUT/$1.time.txt" "$OUT/$1.pred.jsonl" <<'PY'
import re, sys
label, n, path, pred = sys.argv[1], int(sys.argv[2]), sys.argv[3], sys.argv[4]
t = open(path).read()
wall = t.split("Elapsed (wall clock) time (h:mm:ss or m:ss):")[1].split("\n")[0].strip().split(":")
seconds = sum(float(x) * 60 ** i for i, x in enumerate(reversed(wall)))
rss = int(re.search(r"Maximum resident set size \(kbytes\): (\d+)", t).group(1))
user = float(re.search(r"User time \(seconds\): ([\d.]+)", t).group(1))
clusters = len({l.split('"cluster":')[1].split('"')[1] for l in open(pred)})
print(f"{label}: {n} articles in {seconds:.2f} s wall ({user:.2f} s user) = {n / seconds:,.0f} articles/s; "
      f"peak RSS {rss / 1024:.0f} MB; {clusters} stories")
PY
}

measure stream "$(wc -l < "$DATA/stream/multilingual-stream.jsonl")" "$DATA/stream/multilingual-stream.jsonl"

if [[ "${2:-}" == "--synthetic" ]]; then
    N=${3:-1000000}
    python3 Benchmarks/cluster/synthetic_stream.py "$N" > "$OUT/synthetic.jsonl"
    measure "synthetic-$N" "$N" "$OUT/synthetic.jsonl"
    # Memory must stay flat: peak RSS on a tenth and on half of the same stream.
    for part in 10 2; do
        head -n $((N / part)) "$OUT/synthetic.jsonl" > "$OUT/synthetic-part.jsonl"
        measure "synthetic-$((N / part))" "$((N / part))" "$OUT/synthetic-part.jsonl"
    done
fi
