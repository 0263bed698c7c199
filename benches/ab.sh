#!/usr/bin/env bash
# benches/ab.sh DIR — the C ABI's per-message path before and after a change, side by side in one
# run (inside tests/vm/run, or natively where the kernel has SCTP). DIR holds raw-base and
# raw-head: benches/c/raw.c linked against the base revision's libsctpx.a and against the working
# tree's (`make bench-ab BASE=rev` builds both). Each round runs both binaries, the order
# alternating, on: throughput of 100 B messages (raw C, then the C ABI), request/response in
# separate processes, and rr_mix (raw C and the C ABI alternating in blocks on one association
# in one process, pinned to one CPU: the steadiest comparison). benches/ab_report.py prints each
# binary's C-ABI-to-raw ratios per round and their medians.
#   SCTPX_AB_ROUNDS  rounds (default 8)
set -euo pipefail
dir=$1
rounds=${SCTPX_AB_ROUNDS:-8}
if [ "${SCTPX_IN_VM:-}" = 1 ]; then
  ip link set dev lo mtu 1500 || echo "ab: could not set lo mtu" >&2 # as benches/run.sh
fi
for ((r = 0; r < rounds; r++)); do
  if ((r % 2)); then bins=(head base); else bins=(base head); fi
  for b in "${bins[@]}"; do
    for v in raw sctpx; do "$dir/raw-$b" tput "$v" 100 5000 | sed "s/^/R $r $b /"; done
    for v in raw sctpx; do "$dir/raw-$b" rr "$v" 1000 | sed "s/^/R $r $b /"; done
    taskset -c 0 "$dir/raw-$b" rr_mix 4000 | sed "s/^/R $r $b /"
  done
done
