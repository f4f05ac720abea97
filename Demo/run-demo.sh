#!/usr/bin/env bash
# Runs Parallax on the project's own demo corpus: four fictional events, each reported by
# three fictional outlets in two languages (see Demo/corpus/README.md).
#
#   Demo/run-demo.sh [PARALLAX_BINARY]
#
# The store it builds is kept in Demo/out/demo.db for exploring afterwards
# (parallax stories --db Demo/out/demo.db, parallax search QUERY --db …).
set -euo pipefail
cd "$(dirname "$0")/.."
PARALLAX=${1:-.build-release/release/parallax}
CORPUS=Demo/corpus
DB=Demo/out/demo.db
mkdir -p Demo/out
rm -f "$DB" "$DB-wal" "$DB-shm"

echo "== 1. Extract: every page and text file of $CORPUS (file · language · published · title)"
"$PARALLAX" extract "$CORPUS" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    name = a["source"].split("/")[-1]
    language = a["language"] or "und"
    published = (a["published"] or "-")[:10]
    title = a["title"][:58]
    print(f"  {name:<46} {language:<3} {published:<10}  {title}")
'

echo
echo "== 2. Ingest: extract, identify languages, annotate, cluster into stories, store"
"$PARALLAX" ingest "$CORPUS" --db "$DB"

echo
echo "== 3. Stories"
"$PARALLAX" stories --db "$DB"

for id in $("$PARALLAX" stories --db "$DB" --format json | python3 -c 'import json, sys; [print(json.loads(l)["id"]) for l in sys.stdin]'); do
    echo
    echo "== 4. Story $id: sources compared claim by claim"
    "$PARALLAX" story "$id" --db "$DB" --format text
done

echo
echo "The store is $DB: try 'parallax search \"fire brigades\" --db $DB' or 'parallax story 1 --db $DB --format md'."

# 5. The web UI and the JSON API on the same store, until Ctrl-C. DEMO_SERVE=0 skips it
# (for scripted runs); DEMO_PORT picks the port.
if [ "${DEMO_SERVE:-1}" != 0 ]; then
    echo
    echo "== 5. Serving the stories (web UI at /, JSON API under /api; Ctrl-C stops it)"
    exec "$PARALLAX" serve --db "$DB" --port "${DEMO_PORT:-8080}"
fi
