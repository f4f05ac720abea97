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

echo "Parallax: $PARALLAX"
start=$(date +%s.%N)
"$PARALLAX" extract "$DATA/html" > "$OUT/parallax.jsonl" 2> "$OUT/parallax.errors" || true
parallax_seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")

echo "trafilatura $("$VENV/bin/python" -c 'import trafilatura; print(trafilatura.__version__)')"
start=$(date +%s.%N)
"$VENV/bin/python" "$HERE/trafilatura_extract.py" "$DATA/html" > "$OUT/trafilatura.json"
trafilatura_seconds=$(python3 -c "import time; print(round(time.time() - $start, 1))")

python3 "$HERE/compare.py" "$DATA/ground-truth.json" "$SCORE" \
    "parallax=$OUT/parallax.jsonl" "trafilatura=$OUT/trafilatura.json" \
    --seconds "parallax=$parallax_seconds" "trafilatura=$trafilatura_seconds"

# Titles and dates (not timed: trafilatura's metadata pass runs separately).
"$VENV/bin/python" "$HERE/trafilatura_metadata.py" "$DATA/html" > "$OUT/trafilatura-metadata.json"
python3 "$HERE/metadata_score.py" "$DATA/ground-truth.json" "$OUT/parallax.jsonl" "$OUT/trafilatura-metadata.json"
