#!/usr/bin/env bash
# benches/perf.sh — `make bench-profile`, part 2: where the kernel spends a message's CPU time,
# for the single-message loop and the batch calls. perf samples every CPU (cpu-clock, the only
# event TCG offers) while one throughput run goes; benches/perf_split.py sorts the samples
# into categories and prints CPU µs per message for each. Categories that batching can shrink
# (system-call entry/exit and per-call socket work, wake-ups and context switches) against
# those it cannot (SCTP/IP per packet, payload copies) bound what any batch API can gain.
set -euo pipefail
cd "$(dirname "$0")/.."
B=build/bench
[ "${SCTPX_IN_VM:-}" != 1 ] || ip link set dev lo mtu "${SCTPX_BENCH_LO_MTU:-1500}" || true
echo -1 >/proc/sys/kernel/perf_event_paranoid 2>/dev/null || true
echo 0 >/proc/sys/kernel/kptr_restrict 2>/dev/null || true
py=${SCTPX_PYTHON:-python3}
# Rounds: single runs under TCG vary by up to 2x; compare shares within a run, and runs
# across rounds.
for round in $(seq "${SCTPX_PERF_ROUNDS:-2}"); do
for size in ${SCTPX_PERF_SIZES:-100 1400 16384}; do
  count=$((size < 16384 ? 3000 : 600))
  for v in raw sctpx_batch; do
    echo "=== perf round $round tput $v $size $count"
    perf record -q -a -F 10000 -e cpu-clock -o /tmp/perf.data "$B/raw" tput "$v" "$size" "$count"
    perf report -i /tmp/perf.data --no-children -n --sort comm,dso,sym --stdio 2>/dev/null |
      "$py" benches/perf_split.py "$count" 10000
  done
done
done
