#!/usr/bin/env bash
# `make load-test`: TPC-H at SF loaded into a fresh data directory, a real `basalt server` process on it (a free
# loopback port), then `basalt tpch concurrency` with CLIENTS clients for DURATION seconds against it; the
# server is stopped at the end whatever happens. Exit status: that of the load test (0 = no error, every answer
# right, every inserted row there).
#
# Usage: tpch/load-test.sh SF CLIENTS DURATION TPCH_DIR
set -euo pipefail

sf=$1
clients=$2
duration=$3
directory=$4
root="$(cd -P "$(dirname "${BASH_SOURCE[0]}")/.." && pwd)"
basalt="$root/bin/basalt"
database="$directory/load-test-sf$sf"

rm -rf "$database"
"$basalt" tpch generate --sf "$sf" --out "$directory/sf$sf"
"$basalt" tpch load --sf "$sf" --data "$directory/sf$sf" --url "jdbc:basalt:file:$database"

password="loadtest$RANDOM$RANDOM"
log="$(mktemp)"
BASALT_ADMIN_PASSWORD="$password" "$basalt" server --data "$database" --port 0 --bind 127.0.0.1 >"$log" 2>&1 &
server=$!
trap 'kill "$server" 2>/dev/null || true; wait "$server" 2>/dev/null || true; rm -f "$log"' EXIT

port=""
for _ in $(seq 1 1200); do
    port="$(sed -n 's/^Basalt server on [^ ]*:\([0-9][0-9]*\) .*/\1/p' "$log")"
    if [ -n "$port" ]; then
        break
    fi
    if ! kill -0 "$server" 2>/dev/null; then
        echo "load-test: the server did not start:" >&2
        cat "$log" >&2
        exit 1
    fi
    sleep 0.1
done
if [ -z "$port" ]; then
    echo "load-test: the server did not report its port within 120 s" >&2
    exit 1
fi
echo "load-test: server process $server on 127.0.0.1:$port"
"$basalt" tpch concurrency --sf "$sf" --clients "$clients" --duration "$duration" \
    --url "jdbc:basalt://127.0.0.1:$port/?user=admin&password=$password"
