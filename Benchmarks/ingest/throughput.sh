#!/usr/bin/env bash
# Throughput and peak memory of `parallax ingest` (read, identify, annotate, cluster, store
# in SQLite) on the multilingual stream (../shared/data/stream/multilingual-stream.jsonl,
# 4,615 articles in 10 languages), beside `parallax cluster` on the same file in the same
# run (clustering alone, no store), so the store's share is visible.
#
#   Benchmarks/ingest/throughput.sh [PARALLAX_BINARY]
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PARALLAX=$(realpath "${1:-$ROOT/.build-release/release/parallax}")
STREAM="${SHARED:-$ROOT/../shared}/data/stream/multilingual-stream.jsonl"
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
ARTICLES=$(grep -c . "$STREAM")
echo "$ARTICLES articles, $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"
/usr/bin/time -f "%e %U %S %M" -o "$WORK/cluster.time" "$PARALLAX" cluster "$STREAM" > "$WORK/clusters.jsonl"
/usr/bin/time -f "%e %U %S %M" -o "$WORK/ingest.time" "$PARALLAX" ingest "$STREAM" --db "$WORK/stream.db" > "$WORK/ingest.out" 2>&1 || true
tail -1 "$WORK/ingest.out"
echo "| command | wall s | CPU s (user+sys) | articles/s (wall) | peak RSS MB |"
echo "|---|---:|---:|---:|---:|"
for step in cluster ingest; do
    grep -E '^[0-9.]+ [0-9.]+ [0-9.]+ [0-9]+$' "$WORK/$step.time" | awk -v step="$step" -v n="$ARTICLES" \
        '{ printf "| parallax %s | %.1f | %.1f | %.0f | %.0f |\n", step, $1, $2 + $3, n / $1, $4 / 1024 }'
done
