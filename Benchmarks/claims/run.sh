#!/bin/sh
# Claim alignment against the human annotations in annotations.jsonl (see README.md).
# Usage: Benchmarks/claims/run.sh [path/to/parallax] [--verbose] [--split tune|test] [--embedder e5]
# --embedder e5: dense sentence similarity as well (needs `make embedder`; sentences are listed lexically).
set -e
here=$(cd "$(dirname "$0")" && pwd)
binary=${1:-"$here/../../.build/release/parallax"}
[ $# -gt 0 ] && shift
exec python3 "$here/evaluate.py" --binary "$binary" "$@"
