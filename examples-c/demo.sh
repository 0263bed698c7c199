#!/usr/bin/env bash
# examples-c/demo.sh — what `make demo` shows: the sctpx C examples talking over loopback.
#   1. client -> echo_server (one-to-one): messages on 3 streams with PPIDs, echoed back
#   2. client -> udp_server (one-to-many, each association peeled off), the same exchange
#   3. client -> event_monitor: every notification the association produces, decoded
# Each server handles one association and exits; the client retries until its server listens.
#
# On the kernel's SCTP where this kernel has it (make demo runs this under tests/vm/run: in the
# VM where the host has none). Where it has none (SCTPX_VM=0), on the userspace backend: SCTP
# over UDP in each process (usrsctp), the server on UDP port SCTPX_DEMO_UDP_PORT (default 9901),
# the client on the next one, each sending to the other's.
#
# With kernel SCTP, as root (the VM), once more across backends: the client on the userspace
# backend and echo_server on the kernel's SCTP, speaking SCTP over UDP (RFC 6951) on UDP 9899,
# in two network namespaces joined by a veth pair (tests/vm/netns) so that usrsctp never sees
# the kernel's own SCTP.
set -euo pipefail

cd "$(dirname "${BASH_SOURCE[0]}")/.."
bin=build/examples
port=${SCTPX_DEMO_PORT:-9077}
udp=${SCTPX_DEMO_UDP_PORT:-9901}
for p in echo_server udp_server event_monitor client; do
  [ -x "$bin/$p" ] || { echo "demo.sh: $bin/$p is missing: run 'make demo'" >&2; exit 1; }
done

if grep -qi '^SCTP ' /proc/net/protocols 2>/dev/null; then
  backend=kernel
  server_env=(env SCTPX_BACKEND=kernel)
  client_env=(env SCTPX_BACKEND=kernel)
else
  backend=userspace
  server_env=(env SCTPX_BACKEND=userspace SCTPX_UDP_PORT="$udp" SCTPX_UDP_REMOTE_PORT=$((udp + 1)))
  client_env=(env SCTPX_BACKEND=userspace SCTPX_UDP_PORT=$((udp + 1)) SCTPX_UDP_REMOTE_PORT="$udp")
fi

# run SERVER: starts it on 127.0.0.1:$port, runs the client against it, waits for both.
run() {
  local server=$1 client_rc=0 server_rc=0 pid
  shift
  echo
  echo "== $server on 127.0.0.1:$port; client $* ($backend backend) =="
  timeout 60 "${server_env[@]}" "$bin/$server" -n 1 127.0.0.1 "$port" &
  pid=$!
  timeout 60 "${client_env[@]}" "$bin/client" "$@" 127.0.0.1 "$port" || client_rc=$?
  # Without an association the server would wait forever.
  [ "$client_rc" = 0 ] || kill "$pid" 2>/dev/null || true
  wait "$pid" || server_rc=$?
  port=$((port + 1))
  [ "$client_rc" = 0 ] && [ "$server_rc" = 0 ]
}

# Across backends: client (userspace) in namespace sctpx-b -> echo_server (kernel) in sctpx-a.
across() {
  local kns kaddr uns rc=0 pid udp_before udp_after
  trap 'tests/vm/netns down' RETURN
  SCTPX_NS_LINKS=1 tests/vm/netns up
  eval "$(SCTPX_NS_LINKS=1 tests/vm/netns env)"
  kns=$SCTPX_NS_A kaddr=$SCTPX_NS_A_ADDR1 uns=$SCTPX_NS_B
  # The kernel listens for SCTP over UDP on 9899 in its namespace only.
  ip netns exec "$kns" sh -c 'echo 9899 >/proc/sys/net/sctp/udp_port'
  udp_before=$(ip netns exec "$kns" awk '$1 == "Udp:" && $2 ~ /^[0-9]/ { print $2 }' /proc/net/snmp)
  echo
  echo "== across backends: echo_server (kernel SCTP, UDP port 9899) on $kaddr:$port in $kns;"
  echo "   client -s 3 -m 6 (userspace backend, SCTP over UDP) in $uns =="
  timeout 60 ip netns exec "$kns" env SCTPX_BACKEND=kernel "$bin/echo_server" -n 1 "$kaddr" "$port" &
  pid=$!
  timeout 60 ip netns exec "$uns" env SCTPX_BACKEND=userspace "$bin/client" -s 3 -m 6 "$kaddr" "$port" || rc=$?
  [ "$rc" = 0 ] || kill "$pid" 2>/dev/null || true
  wait "$pid" || rc=$?
  udp_after=$(ip netns exec "$kns" awk '$1 == "Udp:" && $2 ~ /^[0-9]/ { print $2 }' /proc/net/snmp)
  echo "(the kernel end received $((udp_after - udp_before)) UDP datagrams)"
  port=$((port + 1))
  return "$rc"
}

echo "== sctpx $(sed -n 's/^version = "\(.*\)"/\1/p' Cargo.toml | head -n 1) C examples on kernel $(uname -r), $backend backend =="
run echo_server -s 3 -m 6
run udp_server -s 3 -m 6
run event_monitor -n -s 2 -m 2
if [ "$backend" = kernel ]; then
  if [ "$(id -u)" = 0 ] && command -v ip >/dev/null; then
    across
  else
    echo
    echo "== across backends: needs root and iproute2 for the namespaces (make demo's VM has both) =="
  fi
fi
echo
echo "== demo finished: every exchange checked =="
