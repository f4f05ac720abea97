#!/usr/bin/env bash
# Extraction benchmark: Parallax and trafilatura side by side on the WCXB dev set, both
# scored with the same shingle metric (../shared/bench/extraction_score.py), on all pages
# and on the article pages alone.
#
#   Benchmarks/extraction/run.sh [PARALLAX_BINARY]
#
# trafilatura is installed with pip into Benchmarks/.venv (created on first run).
set -euo pipefail
HERE="$(cd "$(dirname "$0")" && pwd)"
ROOT="$(cd "$HERE/../.." && pwd)"
SHARED="${SHARED:-$ROOT/../shared}"
DATA="$SHARED/data/extraction/wcxb-dev"
SCORE="$SHARED/bench/extraction_score.py"
PARALLAX="${1:-$ROOT/.build-release/release/parallax}"
OUT="$ROOT/Benchmarks/out/extraction"
VENV="$ROOT/Benchmarks/.venv"
mkdir -p "$OUT"

if ! "$VENV/bin/python" -c "import trafilatura" 2>/dev/null; then
    python3 -m venv "$VENV"
    # lxml 5.2+ moved the HTML cleaner (used by jusText inside trafilatura) to its own package.
    "$VENV/bin/pip" install --quiet trafilatura lxml_html_clean
fi

# Both tools run pinned to one core (taskset -c 0, when available) and are timed in CPU
# seconds as well as wall seconds: on a shared machine the CPU time is the fair measure.
# A virtual machine's CPU time still varies by 20 % or more with the host's load, so the
# tools take turns for ROUNDS rounds (default 3) and each is credited with its best round.
PIN=()
command -v taskset >/dev/null && PIN=(taskset -c 0)
ROUNDS="${ROUNDS:-3}"
rm -f "$OUT/parallax.time.json" "$OUT/trafilatura.time.json"

echo "Parallax: $PARALLAX"
echo "trafilatura $("$VENV/bin/python" -c 'import trafilatura; print(trafilatura.__version__)')"
for round in $(seq "$ROUNDS"); do
    echo "round $round of $ROUNDS"
    python3 "$HERE/cpu_time.py" "$OUT/parallax.time.json" --stdout "$OUT/parallax.jsonl" -- "${PIN[@]}" \
        "$PARALLAX" extract "$DATA/html" 2> "$OUT/parallax.errors" || true
    python3 "$HERE/cpu_time.py" "$OUT/trafilatura.time.json" --stdout "$OUT/trafilatura.json" -- "${PIN[@]}" \
        "$VENV/bin/python" "$HERE/trafilatura_extract.py" "$DATA/html"
done

# Parallax prints non-article pages too, with "page_kind": "page" (the default,
# `--pages all`); `--pages articles` prints what the ingest pipeline stores. Both modes
# are scored; only the default one is timed.
"$PARALLAX" extract --pages articles "$DATA/html" > "$OUT/parallax-articles.jsonl" 2> "$OUT/parallax-articles.errors" || true
# trafilatura's other two modes, scored (not timed): its best mode differs by page type.
for mode in recall precision; do
    "$VENV/bin/python" "$HERE/trafilatura_extract.py" "$DATA/html" "$mode" > "$OUT/trafilatura-$mode.json"
done
python3 "$HERE/compare.py" "$DATA/ground-truth.json" "$SCORE" \
    "parallax=$OUT/parallax.jsonl" "parallax-articles-only=$OUT/parallax-articles.jsonl" "trafilatura=$OUT/trafilatura.json" \
    "trafilatura-favor-recall=$OUT/trafilatura-recall.json" "trafilatura-favor-precision=$OUT/trafilatura-precision.json" \
    --times "parallax=$OUT/parallax.time.json" "trafilatura=$OUT/trafilatura.time.json"

# Titles and dates (not timed: trafilatura's metadata pass runs separately).
"$VENV/bin/python" "$HERE/trafilatura_metadata.py" "$DATA/html" > "$OUT/trafilatura-metadata.json"
python3 "$HERE/metadata_score.py" "$DATA/ground-truth.json" "$OUT/parallax.jsonl" "$OUT/trafilatura-metadata.json"
