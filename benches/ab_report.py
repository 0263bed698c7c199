#!/usr/bin/env python3
"""benches/ab_report.py LOG — the ratios of a benches/ab.sh run: for each binary (base, head) and
measurement, raw C over the C ABI per round (throughput: time ratio; request/response and rr_mix:
p50 latency ratio), then the median. 1.0 is parity; the two binaries' medians side by side show
what the change did, their per-round spread how much of it is noise."""
import collections
import statistics
import sys

rows = collections.defaultdict(lambda: collections.defaultdict(dict))
for line in open(sys.argv[1]):
    f = line.split()
    if len(f) < 6 or f[0] != "R":
        continue
    rnd, binary, kind, variant = f[1], f[2], f[3], f[4]
    rows[(kind, binary)][rnd][variant] = [float(x) for x in f[5:]]

names = {"tput": "throughput 100 B", "rr": "request/response p50", "rrm": "rr_mix p50 (one process)"}
print("%-26s %-5s %7s   per round" % ("raw C / C ABI", "", "median"))
for (kind, binary), rounds in sorted(rows.items()):
    # tput lines: size count seconds; rr/rrm lines: count p50 p99 mean.
    col = 2 if kind == "tput" else 1
    ratios = [v["raw"][col] / v["sctpx"][col] for _, v in sorted(rounds.items()) if "raw" in v and "sctpx" in v]
    if ratios:
        print("%-26s %-5s %7.3f   %s" % (names.get(kind, kind), binary, statistics.median(ratios),
                                         " ".join("%.3f" % x for x in ratios)))
