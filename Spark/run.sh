#!/usr/bin/env bash
# Runs Spark/backfill.py with PySpark, making the virtual environment (.build-spark-venv,
# git-ignored) and installing PySpark into it the first time. Arguments go to backfill.py.
set -euo pipefail
HERE=$(cd "$(dirname "$0")" && pwd)
ROOT=$(dirname "$HERE")
VENV="${PARALLAX_SPARK_VENV:-$ROOT/.build-spark-venv}"
if ! "$VENV/bin/python" -c "import pyspark" >/dev/null 2>&1; then
    echo "Installing PySpark into $VENV (about two minutes)…" >&2
    python3 -m venv "$VENV"
    "$VENV/bin/pip" install --quiet --disable-pip-version-check "pyspark>=4,<5" >&2
fi
export PYSPARK_PYTHON="$VENV/bin/python" PYSPARK_DRIVER_PYTHON="$VENV/bin/python"
exec "$VENV/bin/python" "$HERE/backfill.py" "$@"
