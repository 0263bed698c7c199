#!/usr/bin/env bash
# examples-c/demo.sh — the demo `make demo` runs, under tests/vm/run (real kernel SCTP).
# A server and a client exchange one message per stream over loopback and print the SCTP
# notifications they see. Needs build/examples/raw_demo (make demo builds it).
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
demo=build/examples/raw_demo
port=${SCTPX_DEMO_PORT:-9077}
[ -x "$demo" ] || { echo "demo.sh: $demo is missing: run 'make demo'" >&2; exit 1; }

echo "== raw kernel SCTP demo on $(uname -r) =="
timeout 60 "$demo" server "$port" &
server=$!
# The client retries its connect until the server listens.
client_rc=0
timeout 60 "$demo" client "$port" || client_rc=$?
# The server ends with the association; without a client there is none to end.
[ "$client_rc" = 0 ] || kill "$server" 2>/dev/null || true
server_rc=0
wait "$server" || server_rc=$?
echo "== client exit $client_rc, server exit $server_rc =="
[ "$client_rc" = 0 ] && [ "$server_rc" = 0 ]
