#!/usr/bin/env bash
# Load test of `parallax serve` (not a test: numbers depend on the machine).
#
# Builds the release binary, ingests the demo corpus into a temporary store, starts the
# server on a free loopback port, and runs wrk against one story's JSON for 20 s with
# 2 threads and 32 connections. Prints requests/s and the latency percentiles; the aim
# is p99 < 5 ms at 2,000 requests/s.
#
#   Benchmarks/server/load.sh [URL-PATH]      (default /api/stories/1)
#
# Needs wrk (Debian package `wrk`).
set -euo pipefail

cd "$(dirname "$0")/../.."
path="${1:-/api/stories/1}"
duration="${DURATION:-20s}"

command -v wrk >/dev/null || { echo "load.sh: wrk is not installed (apt-get install wrk)" >&2; exit 1; }

echo "building release (--scratch-path .build-release)…" >&2
swift build -c release --scratch-path .build-release --product parallax >&2
parallax="$(swift build -c release --scratch-path .build-release --show-bin-path)/parallax"

work="$(mktemp -d)"
server_pid=""
cleanup() {
    if [ -n "$server_pid" ] && kill -0 "$server_pid" 2>/dev/null; then
        kill -TERM "$server_pid"
        wait "$server_pid" 2>/dev/null || true
    fi
    rm -rf "$work"
}
trap cleanup EXIT INT TERM

"$parallax" ingest Demo/corpus --db "$work/stories.db" >&2

port="$(python3 -c 'import socket; s = socket.socket(); s.bind(("127.0.0.1", 0)); print(s.getsockname()[1])')"
"$parallax" serve --db "$work/stories.db" --host 127.0.0.1 --port "$port" > "$work/serve.log" 2>&1 &
server_pid=$!

url="http://127.0.0.1:$port$path"
for _ in $(seq 1 100); do
    curl -fsS -o /dev/null "$url" 2>/dev/null && break
    kill -0 "$server_pid" 2>/dev/null || { cat "$work/serve.log" >&2; exit 1; }
    sleep 0.1
done
curl -fsS -o /dev/null "$url" || { echo "load.sh: $url does not answer" >&2; cat "$work/serve.log" >&2; exit 1; }

echo "wrk -t2 -c32 -d$duration --latency $url" >&2
wrk -t2 -c32 -d"$duration" --latency "$url" | tee "$work/wrk.txt"

requests=$(awk '/^Requests\/sec:/ { print $2 }' "$work/wrk.txt")
p99=$(awk '$1 == "99%" { print $2 }' "$work/wrk.txt")
echo
echo "requests/s: $requests   p99 latency: $p99"
