#!/usr/bin/env bash
# `make spark-demo`: the Spark backfill on local[2] over the Wikinews corpus
# (../shared/data/corpus), written as WARC files in publication order (JSON Lines until
# Parallax reads WARC). Prints one summary line: articles, stories, seconds.
#   Spark/demo.sh [PARALLAX_BINARY]      (default: the release build)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
PARALLAX=$(realpath "${1:-$ROOT/.build-release/release/parallax}")
# WARC once `parallax ingest` reads it (the pipeline's inputs know the WARC reader), else JSON Lines.
FORMAT=${PARALLAX_BACKFILL_FORMAT:-$(grep -qs WARCReader "$ROOT"/Sources/ParallaxPipeline/IngestInputs.swift && echo warc || echo jsonl)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
mapfile -t FILES < <(python3 "$HERE/make_corpus.py" --out "$WORK/input" --parts 4 --format "$FORMAT")
DB=${SPARK_DEMO_DB:-$WORK/stories.db}
"$HERE/run.sh" --parallax "$PARALLAX" --db "$DB" --master "local[2]" "${FILES[@]}" | sed "s/^backfill: /spark-demo ($FORMAT): /"
