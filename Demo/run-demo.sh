#!/usr/bin/env bash
# Runs Parallax on the project's own demo corpus (fictional events written for the demo).
set -euo pipefail
PARALLAX=${1:-.build-release/release/parallax}
cd "$(dirname "$0")/.."
echo "== Extracting the demo corpus"
"$PARALLAX" extract Demo/corpus | head -c 2000; echo
