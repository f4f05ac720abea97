#!/usr/bin/env bash
# The Spark backfill must give exactly the stories of a single-process `parallax ingest` of
# the same input: the Wikinews corpus (../shared/data/corpus) written in publication order
# as four WARC files (JSON Lines until Parallax reads WARC), the last one with corrupt
# records in the middle. Checks that the job finishes, reports the corrupt records, stores
# every other article, and that the two story partitions are identical. Exits 1 otherwise.
# The Spark job writes to PostgreSQL when PARALLAX_TEST_POSTGRES names a server (as
# scripts/with-postgres.sh exports it), else to SQLite.
#   Spark/test_backfill.sh [PARALLAX_BINARY]      (default: the debug build)
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
PARALLAX=$(realpath "${1:-$ROOT/.build/debug/parallax}")
# WARC once `parallax ingest` reads it (the pipeline's inputs know the WARC reader), else JSON Lines.
FORMAT=${PARALLAX_BACKFILL_FORMAT:-$(grep -qs WARCReader "$ROOT"/Sources/ParallaxPipeline/IngestInputs.swift && echo warc || echo jsonl)}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
fail() { echo "test_backfill: FAIL: $*" >&2; exit 1; }

mapfile -t FILES < <(python3 "$HERE/make_corpus.py" --out "$WORK/input" --parts 4 --format "$FORMAT" --corrupt 2> "$WORK/count")
articles=$(cat "$WORK/count")
echo "test_backfill: $articles articles in ${#FILES[@]} $FORMAT files in publication order, corrupt records in the last"

# The single process: one ingest of the files in order. Corrupt records make it exit 1.
status=0
"$PARALLAX" ingest "${FILES[@]}" --db "$WORK/single.db" > "$WORK/single.out" 2> "$WORK/single.err" || status=$?
[ "$status" -le 1 ] || fail "parallax ingest exited with $status: $(tail -3 "$WORK/single.err")"
single_failed=$(grep -c '^parallax: ' "$WORK/single.err" || true)
single_stored=$(sed -n 's/^\([0-9]*\) stored.*/\1/p' "$WORK/single.out")
single_duplicates=$(sed -n 's/^[0-9]* stored, \([0-9]*\) already stored.*/\1/p' "$WORK/single.out")
[ $(( single_stored + single_duplicates )) = "$articles" ] \
    || fail "the single ingest stored $single_stored articles and found $single_duplicates duplicates of $articles"
echo "test_backfill: single ingest: $(cat "$WORK/single.out")"

SPARK_DB="$WORK/spark.db"
if [ -n "${PARALLAX_TEST_POSTGRES:-}" ]; then
    name="parallax_spark_$$"
    psql "$PARALLAX_TEST_POSTGRES" -q -c "CREATE DATABASE $name" >/dev/null
    SPARK_DB="${PARALLAX_TEST_POSTGRES%/*}/$name"
fi
start=$(date +%s)
"$HERE/run.sh" --parallax "$PARALLAX" --db "$SPARK_DB" --master "local[2]" "${FILES[@]}" > "$WORK/spark.out" 2> "$WORK/spark.err" \
    || fail "the Spark job failed: $(grep -v WARN "$WORK/spark.err" | tail -5)"
echo "test_backfill: spark job ($(( $(date +%s) - start )) s): $(cat "$WORK/spark.out")"
grep '^backfill: error record' "$WORK/spark.err" | sed 's/^/test_backfill:   /' || true

summary=$(cat "$WORK/spark.out")
spark_stored=$(sed -n 's/^backfill: \([0-9]*\) articles.*/\1/p' <<< "$summary")
spark_errors=$(sed -n 's/.* \([0-9]*\) error records.*/\1/p' <<< "$summary")
[ "$single_failed" -gt 0 ] || fail "the corrupt records were not reported by the single ingest"
[ "$spark_errors" = "$single_failed" ] || fail "the Spark job reported $spark_errors error records, the single ingest $single_failed"
[ "$spark_stored" = "$single_stored" ] || fail "the Spark job stored $spark_stored articles, the single ingest $single_stored"
python3 "$HERE/partitions.py" "$SPARK_DB" "$WORK/single.db" | sed 's/^/test_backfill: /'
[ "${PIPESTATUS[0]}" = 0 ] || fail "the story partitions differ"
echo "test_backfill: OK"
