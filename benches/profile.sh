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
      rust*) bin=$B/rust_api ;;
      *) bin=$B/raw ;;
    esac
    echo "=== profile tput $v $size $n"
    strace -f -c -o /tmp/strace.txt "$bin" tput "$v" "$size" "$n" >/dev/null
    grep -E 'calls|sendmsg|recvmsg|sendmmsg|recvmmsg|poll|futex|total' /tmp/strace.txt
  done
done
echo "=== profile rr (100 B, $n round trips)"
for v in raw libsctp sctpx rust; do
  case $v in rust) bin=$B/rust_api ;; *) bin=$B/raw ;; esac
  echo "--- $v"
  strace -f -c -o /tmp/strace.txt "$bin" rr "$v" "$n" >/dev/null
  grep -E 'sendmsg|recvmsg|poll|futex|total' /tmp/strace.txt
done
# User-space instructions per round trip (callgrind counts both threads; the kernel is not
# counted). Two runs of different lengths, so start-up and set-up cancel out:
# (Ir(2N) - Ir(N)) / N. Instruction counts, unlike times, do not depend on emulation or load.
m=${SCTPX_BENCH_PROFILE_RR:-500}
echo "=== callgrind rr (100 B): user-space instructions per round trip (2 sends + 2 receives)"
# (Not Go: its runtime's own threads make callgrind's counts vary from run to run.)
for v in raw libsctp sctpx rust; do
  case $v in rust) bin=$B/rust_api ;; *) bin=$B/raw ;; esac
  ir() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$bin" rr "$v" "$1" 2>&1 >/dev/null |
      awk '/Collected/ {print $NF}'
  }
  a=$(ir "$m")
  b=$(ir $((2 * m)))
  echo "$v $(((b - a) / m)) instructions per round trip"
done
