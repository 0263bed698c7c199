#!/usr/bin/env bash
# examples-c/demo.sh — what `make demo` shows, under tests/vm/run (real kernel SCTP): the sctpx
# C examples talking over loopback.
#   1. client -> echo_server (one-to-one): messages on 3 streams with PPIDs, echoed back
#   2. client -> udp_server (one-to-many, each association peeled off), the same exchange
#   3. client -> event_monitor: every notification the association produces, decoded
# Each server handles one association and exits; the client retries until its server listens.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=build/examples
port=${SCTPX_DEMO_PORT:-9077}
for p in echo_server udp_server event_monitor client; do
  [ -x "$bin/$p" ] || { echo "demo.sh: $bin/$p is missing: run 'make demo'" >&2; exit 1; }
done

# run SERVER: starts it on 127.0.0.1:$port, runs the client against it, waits for both.
run() {
  local server=$1 client_rc=0 server_rc=0 pid
  shift
  echo
  echo "== $server on 127.0.0.1:$port; client $* =="
  timeout 60 "$bin/$server" -n 1 127.0.0.1 "$port" &
  pid=$!
  timeout 60 "$bin/client" "$@" 127.0.0.1 "$port" || client_rc=$?
  # Without an association the server would wait forever.
  [ "$client_rc" = 0 ] || kill "$pid" 2>/dev/null || true
  wait "$pid" || server_rc=$?
  port=$((port + 1))
  [ "$client_rc" = 0 ] && [ "$server_rc" = 0 ]
}

echo "== sctpx $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1) C examples on kernel $(uname -r) =="
run echo_server -s 3 -m 6
run udp_server -s 3 -m 6
run event_monitor -n -s 2 -m 2
echo
echo "== demo finished: every exchange checked =="
