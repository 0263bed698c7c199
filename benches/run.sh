#!/usr/bin/env bash
# benches/run.sh [vm|host] — the benchmark suite of `make bench` (issue 16's method). It only
# prints: a "key value" header, then block lines between the markers below; benches/report.py
# (on the host) turns one or two such logs into BENCHMARKS.md and benches/results.json.
#
#   vm    (default) kernel SCTP: the C, Rust, Go and Python drivers. Run INSIDE tests/vm/run
#         (one boot) or natively where the kernel has SCTP.
#   host  the userspace backend on the host (no VM): benches/c/user.c, usrsctp's own API against
#         sctpx on it, one usrsctp stack in one process.
#
# Method: each driver process sets up one association per variant before any timing, then runs
# ROUNDS rounds, each one block of messages per variant, the order rotated every round
# (`DRIVER alt CASE:BLOCK[,...] ROUNDS VARIANT...`), so drift and neighbours hit every variant
# alike.
# An iteration runs every pending driver once per case; iterations repeat until every in-process
# ratio's 95 % bootstrap interval is within +-PRECISION (benches/stats.py pending) or the time
# budget would be exceeded by one more iteration. Cross-process ratios (Go's and Python's
# anchors against raw C) pair the runs of one iteration. Lines: "I ITER B CASE VARIANT ROUND
# COUNT SECONDS P50_US".
#
# Environment (SCTPX_* because tests/vm/run passes only those into the guest):
#   SCTPX_BENCH_BUDGET     seconds for the iterations (default vm 600, host 90)
#   SCTPX_BENCH_ROUNDS     rounds per process per iteration (default 4)
#   SCTPX_BENCH_BLOCKS     messages per block at 100 B, 1400 B, 16 KiB (default "1000 500 100";
#                          Python blocks are a fifth: a Python message costs several C ones)
#   SCTPX_BENCH_RR_BLOCK   round trips per request/response block (default 200)
#   SCTPX_BENCH_MAX_ITER   iterations at most (default 100)
#   SCTPX_BENCH_PRECISION  interval half-width wanted, relative (default 0.02)
#   SCTPX_BENCH_DRIVERS    drivers to run (default vm "c rust go py", host "user")
#   SCTPX_BENCH_ASSOCS     associations for the memory measurement (vm; default 1000; 0 = skip)
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/bench
where=${1:-vm}
rounds=${SCTPX_BENCH_ROUNDS:-4}
read -r -a blocks <<<"${SCTPX_BENCH_BLOCKS:-1000 500 100}"
rr_block=${SCTPX_BENCH_RR_BLOCK:-200}
max_iter=${SCTPX_BENCH_MAX_ITER:-100}
assocs=${SCTPX_BENCH_ASSOCS:-1000}
if [ "$where" = host ]; then
  budget=${SCTPX_BENCH_BUDGET:-90}
  read -r -a drivers <<<"${SCTPX_BENCH_DRIVERS:-user}"
else
  budget=${SCTPX_BENCH_BUDGET:-600}
  read -r -a drivers <<<"${SCTPX_BENCH_DRIVERS:-c rust go py}"
fi
# The interpreter for the Python driver and for the stopping rule (the Makefile exports it).
py=${SCTPX_PYTHON:-$(command -v python3 || true)}

# Loopback's default MTU (65536) makes the kernel's receive-window updates rare, so 1400 B and
# 16 KiB transfers stall for whole retransmission timeouts at random. An Ethernet-like MTU avoids
# that (SCTPX_BENCH_LO_MTU=keep: leave it). Only inside the VM: the host's lo is not ours.
lo_mtu=${SCTPX_BENCH_LO_MTU:-1500}
if [ "$lo_mtu" != keep ] && [ "${SCTPX_IN_VM:-}" = 1 ]; then
  ip link set dev lo mtu "$lo_mtu" || echo "bench: could not set lo mtu" >&2
fi

py_variants=()
if [[ " ${drivers[*]} " == *" py "* ]] && [ -n "$py" ]; then
  read -r -a py_variants <<<"$("$py" benches/python/bench_py.py variants)"
fi

echo "=== sctpx-bench header"
echo "where $where"
echo "rev ${SCTPX_BENCH_REV:-unknown}"
echo "kernel $(uname -r)"
echo "nproc $(nproc)"
echo "cpu $(grep -m1 'model name' /proc/cpuinfo | cut -d: -f2- | sed 's/^ *//')"
echo "in_vm ${SCTPX_IN_VM:-0}"
echo "rounds $rounds"
echo "blocks ${blocks[*]}"
echo "rr_block $rr_block"
echo "budget_s $budget"
echo "precision ${SCTPX_BENCH_PRECISION:-0.02}"
echo "drivers ${drivers[*]}"
echo "py_variants ${py_variants[*]:-none}"
echo "lo_mtu $(cat /sys/class/net/lo/mtu)"
echo "loadavg_start $(cut -d' ' -f1-3 /proc/loadavg)"

sizes=(100 1400 16384)
# cases DRIVER: the cases that driver runs ("CASE BLOCK" pairs).
cases() {
  local i m
  for m in tput tput_m; do
    for i in 0 1 2; do
      # One-to-many at 100 B and 1400 B only; the userspace driver is one-to-one.
      if [ "$m" = tput_m ] && { [ "$i" = 2 ] || [ "$1" = user ]; }; then continue; fi
      if [ "$1" = py ]; then echo "$m/${sizes[i]} $((blocks[i] / 5))"; else echo "$m/${sizes[i]} ${blocks[i]}"; fi
    done
  done
  [ "$1" = py ] || echo "rr/100 $rr_block"
}
# run_driver DRIVER ITER: one process for the driver's throughput cases and one for
# request/response (their variant lists differ), every variant alternating; starting a process
# costs seconds under emulation, hence all cases in one.
run_driver() {
  local d=$1 it=$2 t tp rr
  tp=$(cases "$d" | grep -v '^rr/' | tr ' ' : | paste -sd,) || true
  rr=$(cases "$d" | grep '^rr/' | tr ' ' : | paste -sd,) || true # none for Python
  t=$(($(date +%s%N) / 1000000))
  {
    case $d in
      c)
        $B/raw alt "$tp" "$rounds" raw libsctp sctpx sctpx_batch
        $B/raw alt "$rr" "$rounds" raw raw_from libsctp sctpx sctpx_nofrom
        ;;
      rust)
        $B/rust_api alt "$tp" "$rounds" rust rust_batch
        $B/rust_api alt "$rr" "$rounds" rust
        ;;
      go)
        $B/bench_go alt "$tp" "$rounds" go go_batch go_raw
        $B/bench_go alt "$rr" "$rounds" go go_raw
        ;;
      py) "$py" benches/python/bench_py.py alt "$tp" "$rounds" "${py_variants[@]}" ;;
      user)
        $B/user alt "$tp" "$rounds" usrsctp sctpx_user sctpx_user_batch
        $B/user alt "$rr" "$rounds" usrsctp sctpx_user
        ;;
    esac
  } | sed "s/^/I $it /"
  echo "T $it $d $(($(date +%s%N) / 1000000 - t)) ms"
}

# The guest's filesystem is read-only but /tmp is a fresh tmpfs: the stopping rule reads this copy.
log=$(mktemp /tmp/sctpx-bench.XXXXXX)
trap 'rm -f "$log"' EXIT
echo "=== sctpx-bench results"
start=$(date +%s)
last=0
for ((it = 0; it < max_iter; it++)); do
  todo=("${drivers[@]}")
  if [ "$it" -gt 0 ]; then
    now=$(date +%s)
    if ((now - start + last > budget)); then
      echo "stop budget $it $((now - start))"
      break
    fi
    if [ -n "$py" ]; then
      read -r -a todo <<<"$(SCTPX_BENCH_BOOT_REPS=200 "$py" benches/stats.py pending "$log" "${drivers[@]}")"
      if [ "${#todo[@]}" -eq 0 ]; then
        echo "stop precise $it $((now - start))"
        break
      fi
    fi
  fi
  t0=$(date +%s)
  for d in "${todo[@]}"; do run_driver "$d" "$it" | tee -a "$log"; done
  last=$(($(date +%s) - t0))
done
[ "$it" -lt "$max_iter" ] || echo "stop max_iter $it $(($(date +%s) - start))"
if [ "$where" = vm ] && [ "$assocs" -gt 0 ]; then
  $B/raw mem "$assocs"
fi
echo "loadavg_end $(cut -d' ' -f1-3 /proc/loadavg)"
echo "=== sctpx-bench end"
