#!/usr/bin/env bash
# benches/profile.sh — `make bench-profile`: system-call counts per variant (strace -c -f), run
# inside tests/vm/run like benches/run.sh. Counts, unlike times, do not depend on emulation or
# on other load on the host, so they show where a variant's cost can come from.
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/bench
n=${SCTPX_BENCH_PROFILE_COUNT:-2000}
[ "${SCTPX_IN_VM:-}" != 1 ] || ip link set dev lo mtu "${SCTPX_BENCH_LO_MTU:-1500}" || true
for size in 100 1400; do
  for v in raw libsctp sctpx sctpx_batch rust rust_batch; do
    case $v in
      libsctp) bin=$B/raw-libsctp ;;
      rust*) bin=$B/rust_api ;;
      *) bin=$B/raw-sctpx ;;
    esac
    echo "=== profile tput $v $size $n"
    strace -f -c -o /tmp/strace.txt "$bin" tput "$v" "$size" "$n" >/dev/null
    grep -E 'calls|sendmsg|recvmsg|sendmmsg|recvmmsg|poll|futex|total' /tmp/strace.txt
  done
done
echo "=== profile rr (100 B, $n round trips)"
for v in raw libsctp sctpx rust; do
  case $v in libsctp) bin=$B/raw-libsctp ;; rust) bin=$B/rust_api ;; *) bin=$B/raw-sctpx ;; esac
  echo "--- $v"
  strace -f -c -o /tmp/strace.txt "$bin" rr "$v" "$n" >/dev/null
  grep -E 'sendmsg|recvmsg|poll|futex|total' /tmp/strace.txt
done
