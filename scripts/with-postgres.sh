#!/usr/bin/env bash
# Runs COMMAND with PARALLAX_TEST_POSTGRES pointing at a throw-away PostgreSQL 15 server:
#   scripts/with-postgres.sh swift test
# The server lives in a temporary directory, listens on a free port of 127.0.0.1 (never the
# system cluster's), and is stopped and removed when COMMAND ends, fails or is interrupted.
# The script exits with COMMAND's status. When PARALLAX_TEST_POSTGRES is already set, it
# only runs COMMAND. Installs the Debian package `postgresql` when it is missing.
set -euo pipefail

if [ $# -eq 0 ]; then
    echo "usage: $0 COMMAND [ARGUMENTS...]" >&2
    exit 2
fi
if [ -n "${PARALLAX_TEST_POSTGRES:-}" ]; then
    exec "$@"
fi

PG_VERSION=15
BIN=/usr/lib/postgresql/$PG_VERSION/bin
if [ ! -x "$BIN/initdb" ]; then
    echo "with-postgres: installing postgresql-$PG_VERSION" >&2
    SUDO=""; [ "$(id -u)" = 0 ] || SUDO=sudo
    # policy-rc.d 101 keeps the package from starting the system cluster on port 5432.
    $SUDO sh -c 'printf "#!/bin/sh\nexit 101\n" > /usr/sbin/policy-rc.d && chmod +x /usr/sbin/policy-rc.d'
    $SUDO apt-get update -qq
    DEBIAN_FRONTEND=noninteractive $SUDO apt-get install -y -qq "postgresql-$PG_VERSION" >/dev/null || {
        $SUDO rm -f /usr/sbin/policy-rc.d; exit 1; }
    $SUDO rm -f /usr/sbin/policy-rc.d
fi

# initdb refuses to run as root: the server then runs as the postgres user.
RUN=()
if [ "$(id -u)" = 0 ]; then RUN=(runuser -u postgres --); fi

DIR=$(mktemp -d "${TMPDIR:-/tmp}/parallax-pg.XXXXXX")
chmod 755 "$DIR"
if [ "$(id -u)" = 0 ]; then chown postgres:postgres "$DIR"; fi

started=0
cleanup() {
    if [ "$started" = 1 ]; then
        "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -m immediate -w stop >/dev/null 2>&1 || true
    fi
    rm -rf "$DIR"
}
trap cleanup EXIT
trap 'exit 130' INT
trap 'exit 143' TERM

# A free port: a random one nobody answers on (if another process takes it before the
# server does, pg_ctl fails and we try another).
free_port() {
    local port
    while true; do
        port=$((20000 + RANDOM % 40000))
        if ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; then echo "$port"; return; fi
    done
}

"${RUN[@]}" "$BIN/initdb" -D "$DIR/data" -U postgres -A trust -E UTF8 --locale=C.UTF-8 --no-sync >"$DIR/initdb.log" 2>&1 || {
    cat "$DIR/initdb.log" >&2; exit 1; }
for attempt in 1 2 3 4 5; do
    PORT=$(free_port)
    if "${RUN[@]}" "$BIN/pg_ctl" -D "$DIR/data" -l "$DIR/server.log" -w -t 30 \
        -o "-p $PORT -k $DIR -c listen_addresses=127.0.0.1 -c fsync=off -c synchronous_commit=off -c full_page_writes=off -c max_connections=200" \
        start >/dev/null; then
        started=1
        break
    fi
done
if [ "$started" != 1 ]; then
    echo "with-postgres: the server did not start; its log:" >&2
    cat "$DIR/server.log" >&2 || true
    exit 1
fi

export PARALLAX_TEST_POSTGRES="postgres://postgres@127.0.0.1:$PORT/postgres"
echo "with-postgres: PostgreSQL $PG_VERSION on 127.0.0.1:$PORT ($DIR)" >&2
status=0
"$@" || status=$?
exit "$status"
