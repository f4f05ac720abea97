#!/usr/bin/env bash
# Spark backfill against the single process, on the same WARC input and the same machine.
#
#   Benchmarks/spark/throughput.sh [PARALLAX_BINARY] [--copies N]
#
# Input: the 1,497 real pages of wcxb-dev plus the 293 Wikinews articles as pages, in 4
# gzip-per-record WARC files (make_pages_warc.py). Measures, each with /usr/bin/time:
#   1. single process:  parallax ingest FILES --db single.db            (both cores)
#   2. Spark local[2]:  Spark/run.sh … --master local[2] FILES           (both cores)
#   3. per-record work on one core: parallax pipe read extract annotate --workers 1 --timings
#   4. the sequential store step alone: parallax pipe store --db … < the annotated records
# and prints a summary table. Stores are SQLite files in a temporary directory (PARALLAX_BENCH_DB
# = a postgres:// URL makes steps 1, 2 and 4 write to PostgreSQL instead; each step empties it).
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(cd "$HERE/../.." && pwd)
PARALLAX=$(realpath "${1:-$ROOT/.build-release/release/parallax}")
COPIES=1
[ "${2:-}" = "--copies" ] && COPIES=${3:-1}
WORK=$(mktemp -d)
trap 'rm -rf "$WORK"' EXIT
TIME=/usr/bin/time
command -v "$TIME" >/dev/null || { echo "needs /usr/bin/time (Debian package time)" >&2; exit 2; }

mapfile -t FILES < <(python3 "$HERE/make_pages_warc.py" --out "$WORK/input" --parts 4 --copies "$COPIES" 2>"$WORK/count")
RECORDS=$(cat "$WORK/count")
echo "input: $RECORDS records in ${#FILES[@]} WARC files ($(du -ch "${FILES[@]}" | tail -1 | cut -f1)), $(nproc) cores, load $(cut -d' ' -f1-3 /proc/loadavg)"

fresh_db() {  # $1: name → a store location nobody has written to
    if [[ "${PARALLAX_BENCH_DB:-}" == postgres://* ]]; then
        psql "$PARALLAX_BENCH_DB" -qc "DROP SCHEMA public CASCADE; CREATE SCHEMA public;" >/dev/null
        echo "$PARALLAX_BENCH_DB"
    else
        echo "$WORK/$1.db"
    fi
}

measure() {  # $1: label, rest: command → "label wall user sys maxrss_kb" in $WORK/times
    local label=$1; shift
    $TIME -f "$label %e %U %S %M" -o "$WORK/time.$label" "$@"
    cat "$WORK/time.$label" >> "$WORK/times"
}

DB=$(fresh_db single)
measure single "$PARALLAX" ingest "${FILES[@]}" --db "$DB" > "$WORK/single.out" 2> "$WORK/single.err" || true
echo "single process: $(tail -1 "$WORK/single.out")"

DB=$(fresh_db spark)
measure spark bash "$ROOT/Spark/run.sh" --parallax "$PARALLAX" --db "$DB" --master "local[2]" "${FILES[@]}" \
    > "$WORK/spark.out" 2> "$WORK/spark.err"
cat "$WORK/spark.out"

printf '%s\n' "${FILES[@]}" > "$WORK/paths"
measure stages taskset -c 0 "$PARALLAX" pipe read extract annotate --workers 1 --timings \
    < "$WORK/paths" > "$WORK/annotated.jsonl" 2> "$WORK/stages.err"
grep '^timing\|timing:' "$WORK/stages.err" | sed 's/^[^:]*: //' || true

# The store step reads records in publication order, as the Spark job feeds it.
python3 - "$WORK/annotated.jsonl" > "$WORK/ordered.jsonl" <<'PY'
import json, sys
rows = []
for n, line in enumerate(open(sys.argv[1], encoding="utf-8")):
    record = json.loads(line)
    if "error" in record:
        continue
    article = record.get("annotated", record).get("article", record.get("article", {}))
    rows.append((article.get("published") or "", n, line))
for _, _, line in sorted(rows):
    sys.stdout.write(line)
PY
DB=$(fresh_db store)
measure store taskset -c 0 "$PARALLAX" pipe store --db "$DB" < "$WORK/ordered.jsonl" > "$WORK/store.out" 2> "$WORK/store.err" || true
STORED=$(grep -c '"story"' "$WORK/store.out" || true)

python3 - "$WORK/times" "$RECORDS" "$STORED" <<'PY'
import sys
records, stored = int(sys.argv[2]), int(sys.argv[3])
rows = {}
for line in open(sys.argv[1]):
    fields = line.split()
    if len(fields) != 5 or fields[0] not in ("single", "spark", "stages", "store"):
        continue  # "Command exited with non-zero status 1": some inputs are not articles
    label, wall, user, system, rss = fields
    rows[label] = (float(wall), float(user), float(system), int(rss) / 1024)
names = {"single": "single process: parallax ingest (2 cores)",
         "spark": "Spark local[2]: Spark/run.sh (2 cores, JVM included)",
         "stages": "read+extract+annotate, 1 core (pipe --workers 1)",
         "store": f"store step alone, 1 core ({stored} articles, rest duplicates)"}
print(f"| step | wall s | CPU s (user+sys) | records/s (wall) | ms CPU / record | peak RSS MB |")
print("|---|---:|---:|---:|---:|---:|")
for label in ("single", "spark", "stages", "store"):
    if label not in rows:
        continue
    wall, user, system, rss = rows[label]
    cpu = user + system
    print(f"| {names[label]} | {wall:.1f} | {cpu:.1f} | {records / wall:.1f} | {1000 * cpu / records:.1f} | {rss:.0f} |")
if "single" in rows and "spark" in rows:
    print(f"Spark / single wall-time ratio: {rows['spark'][0] / rows['single'][0]:.2f}")
PY
