#!/usr/bin/env bash
# WARC reading throughput and memory: builds the release binary (unless a release build is
# already running), writes gzip-per-record WARCs of ~100 MB and ~1 GB from the multilingual
# stream (texts wrapped in simple HTML, see make_warc.py), and times `parallax warc stats` on each (records/s, MB/s, peak RSS).
# Usage: Benchmarks/sources/warc_throughput.sh [SIZE_MB ...]   (default: 100 1024)
set -euo pipefail
cd "$(dirname "$0")/../.."
STREAM=${PARALLAX_SHARED_DATA:-../shared/data}/stream/multilingual-stream.jsonl
WORK=${WORK:-/tmp/parallax-warc-bench}
SIZES=("$@"); [ ${#SIZES[@]} -gt 0 ] || SIZES=(100 1024)
mkdir -p "$WORK"

if pgrep -f "swift-build.*-c release" > /dev/null; then
    echo "a release build is running; waiting for it instead of starting another" >&2
    while pgrep -f "swift-build.*-c release" > /dev/null; do sleep 10; done
fi
swift build -c release --product parallax --scratch-path .build-release 2>&1 | grep -E "error|Compiling parallax|Build complete" || true
BIN=.build-release/release/parallax

printf "| size | compressed MB | WARC MB | records | documents | errors | seconds | records/s | MB/s (WARC) | MB/s (compressed) | peak RSS MB |\n"
printf "|---|---|---|---|---|---|---|---|---|---|---|\n"
for size in "${SIZES[@]}"; do
    file="$WORK/stream-${size}MB.warc.gz"
    if [ ! -f "$file" ]; then
        # The 100 MB archive is generated; larger ones repeat it (gzip members and WARC
        # records concatenate), which is the stream repeated and much faster to write.
        base="$WORK/stream-100MB.warc.gz"
        [ -f "$base" ] || python3 Benchmarks/sources/make_warc.py "$STREAM" "$base" 100 > /dev/null
        if [ "$size" -gt 100 ]; then
            for _ in $(seq $(( (size + 99) / 100 ))); do cat "$base"; done > "$file"
        fi
    fi
    /usr/bin/time -v "$BIN" warc stats "$file" > "$WORK/stats.txt" 2> "$WORK/time.txt" || true
    line=$(cat "$WORK/stats.txt")
    field() { echo "$line" | tr '\t' '\n' | sed -n "s/^$1=//p"; }
    seconds=$(awk -F': ' '/Elapsed \(wall clock\)/ { n = split($2, p, ":"); s = 0; for (i = 1; i <= n; i++) s = s * 60 + p[i]; print s }' "$WORK/time.txt")
    rss_kb=$(awk -F': ' '/Maximum resident set size/ { print $2 }' "$WORK/time.txt")
    records=$(field records); documents=$(field documents); errors=$(field errors)
    file_bytes=$(field file_bytes); warc_bytes=$(field warc_bytes)
    awk -v size="$size" -v r="$records" -v d="$documents" -v e="$errors" -v s="$seconds" -v fb="$file_bytes" -v wb="$warc_bytes" -v rss="$rss_kb" 'BEGIN {
        printf "| %s MB | %.0f | %.0f | %d | %d | %d | %.2f | %.0f | %.0f | %.0f | %.1f |\n",
            size, fb / 1048576, wb / 1048576, r, d, e, s, r / s, wb / 1048576 / s, fb / 1048576 / s, rss / 1024 }'
done
