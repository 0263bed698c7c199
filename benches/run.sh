#!/usr/bin/env bash
# benches/run.sh — the benchmark suite of `make bench`, run INSIDE tests/vm/run (one boot) or
# natively where the kernel has SCTP. It only prints: one "key value" header, then one result
# line per measurement between the markers below; benches/report.py (on the host) turns that
# into BENCHMARKS.md and benches/results.json. The guest's filesystem is read-only: nothing is
# written here.
#
# Interleaved: every round runs every variant once per case, the variant order rotating by one
# each round (A B C, B C A, ...), so drift over the run hits every variant alike; report.py
# quotes medians over rounds.
#
# Environment (SCTPX_* because tests/vm/run passes only those into the guest):
#   SCTPX_BENCH_ROUNDS  rounds (default 5)
#   SCTPX_BENCH_COUNTS  messages per throughput measurement for 100 B, 1400 B and 16 KiB
#                       (default "5000 3000 600": per-message cost under TCG grows with size)
#   SCTPX_BENCH_RR      request/response round trips per measurement (default 1000)
#   SCTPX_BENCH_ASSOCS  associations for the memory measurement (default 1000)
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/bench
rounds=${SCTPX_BENCH_ROUNDS:-5}
read -r -a counts <<<"${SCTPX_BENCH_COUNTS:-5000 3000 600}"
rr_count=${SCTPX_BENCH_RR:-1000}
assocs=${SCTPX_BENCH_ASSOCS:-1000}

# Loopback's default MTU (65536) makes the kernel's receive-window updates rare (it sends one
# only when the window reopens by a path MTU's worth), so 1400 B and 16 KiB transfers stall for
# whole retransmission timeouts (~1 s) at random and the comparison becomes noise. An
# Ethernet-like MTU avoids that; it is recorded in the header (SCTPX_BENCH_LO_MTU=keep: leave it).
lo_mtu=${SCTPX_BENCH_LO_MTU:-1500}
if [ "$lo_mtu" != keep ] && [ "${SCTPX_IN_VM:-}" = 1 ]; then
  ip link set dev lo mtu "$lo_mtu" || echo "bench: could not set lo mtu" >&2
fi

echo "=== sctpx-bench header"
echo "guest_kernel $(uname -r)"
echo "guest_nproc $(nproc)"
echo "guest_cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "rounds $rounds"
echo "counts ${counts[*]}"
echo "rr_count $rr_count"
echo "assocs $assocs"
for f in rmem_default wmem_default; do echo "net_core_$f $(cat /proc/sys/net/core/$f)"; done
echo "sctp_rmem $(cat /proc/sys/net/sctp/sctp_rmem 2>/dev/null | tr '\t' ' ')"
echo "sctp_wmem $(cat /proc/sys/net/sctp/sctp_wmem 2>/dev/null | tr '\t' ' ')"
echo "lo_mtu $(cat /sys/class/net/lo/mtu)"

# One command line per variant; $1 mode, then the mode's arguments.
run_variant() {
  local v=$1
  shift
  local mode=$1
  shift
  case $v in
    raw | libsctp | sctpx | sctpx_batch) $B/raw "$mode" "$v" "$@" ;;
    rust | rust_batch) $B/rust_api "$mode" "$v" "$@" ;;
    go | go_batch) $B/bench_go "$mode" "$v" "$@" ;;
    raw_py) $B/raw "$mode" raw "$@" | sed 's/^\(tput_m\|tput\) raw /\1 raw_py /' ;;
    py_*) "$py" benches/python/bench_py.py "$mode" "$v" "$@" ;;
  esac
}

sizes=(100 1400 16384)
variants=(raw libsctp sctpx sctpx_batch rust rust_batch go go_batch)
rr_variants=(raw libsctp sctpx rust go)

# SCTP packets and control chunks (SACKs) sent, from the kernel's counters: per message they
# show what no API can change (one 1400 B message is one packet) and what batching can (small
# messages bundled into one packet). Counters are system-wide: nothing else runs in the VM.
sctp_counters() {
  awk '$1 == "SctpOutSCTPPacks" {p = $2} $1 == "SctpOutCtrlChunks" {c = $2} END {print p + 0, c + 0}' \
    /proc/net/sctp/snmp 2>/dev/null || echo "0 0"
}
# measure VARIANT MODE SIZE COUNT: one throughput line, then "snmp MODE VARIANT SIZE COUNT packets ctrl".
measure() {
  local v=$1 mode=$2 size=$3 count=$4 p0 c0 p1 c1
  read -r p0 c0 < <(sctp_counters)
  run_variant "$v" "$mode" "$size" "$count"
  read -r p1 c1 < <(sctp_counters)
  printf 'R %d snmp %s %s %s %s %d %d\n' "$r" "$mode" "$v" "$size" "$count" $((p1 - p0)) $((c1 - c0))
}
# Python (every case the C rows have): its own raw C row at the same, smaller message count
# ("raw_py"), interleaved with the Python variants, since a Python run is an order of magnitude
# slower under TCG. SCTPX_PYTHON is the interpreter (the Makefile exports it).
py=${SCTPX_PYTHON:-}
py_variants=()
if [ -n "$py" ] && [ -x "$py" ]; then
  read -r -a py_variants <<<"$("$py" benches/python/bench_py.py variants)"
fi
echo "py_variants ${py_variants[*]:-none}"
# rotate N ARRAY...: the array rotated left by N.
rotate() {
  local n=$1
  shift
  local a=("$@") k=${#a[@]} i
  for ((i = 0; i < k; i++)); do printf '%s ' "${a[(i + n) % k]}"; done
}

echo "=== sctpx-bench results"
for ((r = 0; r < rounds; r++)); do
  for si in 0 1 2; do
    size=${sizes[si]}
    count=${counts[si]}
    modes=(tput tput_m)
    # One-to-many only for 100 B and 1400 B: the 15-minute budget under TCG.
    [ "$size" -lt 16384 ] || modes=(tput)
    for mode in "${modes[@]}"; do
      for v in $(rotate "$r" "${variants[@]}"); do
        printf 'R %d ' "$r"
        measure "$v" "$mode" "$size" "$count"
      done
    done
    if [ "${#py_variants[@]}" -gt 0 ]; then
      for mode in "${modes[@]}"; do
        for v in $(rotate "$r" raw_py "${py_variants[@]}"); do
          printf 'R %d ' "$r"
          run_variant "$v" "$mode" "$size" "$((count / 5))"
        done
      done
    fi
  done
  for v in $(rotate "$r" "${rr_variants[@]}"); do
    printf 'R %d ' "$r"
    run_variant "$v" rr "$rr_count"
  done
  # The same with both threads on one CPU: no cross-CPU wake-ups, whose cost under TCG is large
  # and noisy, so what is left between variants is their own per-call work.
  (
    taskset -pc 0 "$BASHPID" >/dev/null # this subshell, and so every variant it starts
    for v in $(rotate "$r" "${rr_variants[@]}"); do
      printf 'R %d ' "$r"
      run_variant "$v" rr "$rr_count" | sed 's/^rr /rr1 /'
    done
    # Raw C and the C ABI alternating in blocks on one association in one process: the
    # closest comparison (separate processes differ by whichever ran just before them). Each
    # also with the other's choice about the source address (raw_from, sctpx_nofrom).
    $B/raw rr_mix $((4 * rr_count)) | sed "s/^rrm /R $r rrm1 /"
  )
  SCTPX_BENCH_SPLIT=1 $B/raw rr_mix $((4 * rr_count)) | sed "s/^rrm /R $r rrm /"
done
printf 'R 0 '
$B/raw mem "$assocs"
echo "=== sctpx-bench end"
