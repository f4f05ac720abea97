#!/usr/bin/env bash
# Runs Parallax on the project's own demo corpus: fictional events, each reported by
# several fictional outlets in several languages (see Demo/corpus/README.md).
set -euo pipefail
PARALLAX=${1:-.build-release/release/parallax}
cd "$(dirname "$0")/.."
CORPUS=Demo/corpus
mapfile -t FILES < <(ls "$CORPUS"/*.html "$CORPUS"/*.txt | sort)

echo "== 1. Extract: ${#FILES[@]} articles (title · language · published)"
"$PARALLAX" extract "${FILES[@]}" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(f"  {a[\"source\"].split(\"/\")[-1]:<48} {a[\"language\"] or \"und\":<4} {(a[\"published\"] or \"-\")[:10]:<10}  {a[\"title\"][:60]}")
'

echo
echo "== 2. Stories: which articles report the same event"
"$PARALLAX" extract "${FILES[@]}" | python3 -c '
import json, sys
for line in sys.stdin:
    a = json.loads(line)
    print(json.dumps({"id": a["source"].split("/")[-1], "title": a["title"], "text": a["text"], "lang": a["language"], "published": a["published"]}))
' | "$PARALLAX" cluster - | python3 -c '
import json, sys, collections
stories = collections.defaultdict(list)
for line in sys.stdin:
    r = json.loads(line); stories[r["cluster"]].append(r["id"])
for n, (story, ids) in enumerate(stories.items(), 1):
    print(f"  story {n}: " + ", ".join(ids))
'

for event in $(printf '%s\n' "${FILES[@]}" | xargs -n1 basename | cut -d- -f1-2 | sort -u); do
    echo
    echo "== 3. Compare: $event"
    "$PARALLAX" compare --format text "$CORPUS/$event"-*
done
