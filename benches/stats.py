#!/usr/bin/env python3
"""benches/stats.py — ratios, bootstrap intervals and verdicts of `make bench` (issue 16).
Standard library only: benches/run.sh runs it inside the VM (to decide whether another
iteration is needed) and benches/report.py on the host.

Input: the log of benches/run.sh. A block line is
    I ITER B CASE VARIANT ROUND COUNT SECONDS P50_US
ITER the iteration of run.sh's outer loop (one process per driver and case in each), ROUND the
round inside that process (every variant one block per round, order rotated), COUNT messages (or
round trips) in SECONDS. A block's rate is COUNT / SECONDS (request/response: 1 / P50_US, the block's median
round trip), higher is better for every case.

Two kinds of ratio:
- in-process (variants of one driver, alternating in one process): the units are the rounds,
  (ITER, ROUND); a unit gives both variants' blocks of that round.
- cross-process (variants of two drivers, e.g. the Go raw-syscall anchor against raw C): the
  units are the iterations, in which both processes ran one after the other.
A unit's ratio is rate(num) / rate(den) with rate = sum(COUNT) / sum(SECONDS) over its blocks;
the ratio reported is the median of the units' ratios, and its 95 % interval the percentile
bootstrap of that median over units (resampled with replacement, pairs kept together). A
target "x >= T" is met when the interval's lower bound is >= T, missed when its upper bound is
< T, inconclusive otherwise (and with fewer than MIN_UNITS pairs).

    stats.py pending LOG DRIVER...   of the DRIVERs given (c rust go py user), those with an
                           in-process ratio whose interval is not yet within +-PRECISION
                           (SCTPX_BENCH_PRECISION, default 0.02) of it, or with no blocks yet;
                           one line ("" when none)
"""
import os
import random
import statistics
import sys

# Which driver (one process kind) runs each variant.
DRIVER = {
    "raw": "c", "raw_from": "c", "libsctp": "c", "sctpx": "c", "sctpx_nofrom": "c", "sctpx_batch": "c",
    "rust": "rust", "rust_batch": "rust",
    "go": "go", "go_batch": "go", "go_raw": "go",
    "py_sctpx": "py", "py_sctpx_rich": "py", "py_sctpx_batch": "py", "py_stdlib": "py", "py_pysctp": "py",
    "usrsctp": "user", "sctpx_user": "user", "sctpx_user_batch": "user",
}

MODES = {"tput": "one-to-one", "tput_m": "one-to-many", "rr": "request/response"}


def case_label(case):
    mode, size = case.split("/")
    if mode == "rr":
        return "request/response 100 B"
    return f"{MODES[mode]} {size} B"


def _ratios():
    """(label, case, num, den, threshold or None for informational)."""
    out = []
    tp = ["tput/100", "tput/1400", "tput/16384", "tput_m/100", "tput_m/1400"]
    small = ["tput/100", "tput/1400", "tput_m/100", "tput_m/1400"]
    for c in tp + ["rr/100"]:
        out.append(("C ABI ≥ 0.97 × raw C", c, "sctpx", "raw", 0.97))
        out.append(("C ABI ≥ 1.0 × libsctp", c, "sctpx", "libsctp", 1.0))
    out.append(("C ABI ≥ 0.97 × raw C, both with the source address", "rr/100", "sctpx", "raw_from", 0.97))
    out.append(("C ABI ≥ 0.97 × raw C, both without the source address", "rr/100", "sctpx_nofrom", "raw", 0.97))
    for c in tp:
        out.append(("C batch ≥ 1.3 × raw C single", c, "sctpx_batch", "raw", 1.3))
    for c in small:
        out.append(("Python sctpx single ≥ 1.0 × stdlib socket loop", c, "py_sctpx", "py_stdlib", 1.0))
    for c in tp:
        out.append(("Python sctpx single ≥ 1.0 × PySCTP", c, "py_sctpx", "py_pysctp", 1.0))
        out.append(("Python sctpx batch ≥ 3 × PySCTP", c, "py_sctpx_batch", "py_pysctp", 3.0))
    for c in small:
        out.append(("Go single ≥ 0.95 × raw syscalls (Go's own syscall package: the anchor for raw C)", c, "go",
                    "go_raw", 0.95))
    for c in ["tput/100", "tput/1400", "tput/16384", "rr/100"]:
        out.append(("userspace: sctpx C ABI ≥ 0.95 × usrsctp's own API", c, "sctpx_user", "usrsctp", 0.95))
    # Informational.
    for c in tp:
        out.append(("Go batch ÷ Go raw syscalls", c, "go_batch", "go_raw", None))
        out.append(("Rust batch ÷ Rust single", c, "rust_batch", "rust", None))
        out.append(("Go raw syscalls ÷ raw C (cross-process, interleaved)", c, "go_raw", "raw", None))
        out.append(("Go single ÷ raw C (cross-process, interleaved)", c, "go", "raw", None))
        out.append(("Rust single ÷ raw C (cross-process, interleaved)", c, "rust", "raw", None))
        out.append(("Python stdlib loop ÷ raw C (cross-process, interleaved)", c, "py_stdlib", "raw", None))
        out.append(("Python sctpx batch ÷ stdlib socket loop", c, "py_sctpx_batch", "py_stdlib", None))
        out.append(("Python sctpx rich events (next_event) ÷ stdlib socket loop", c, "py_sctpx_rich", "py_stdlib", None))
    out.append(("Go single ÷ Go raw syscalls", "rr/100", "go", "go_raw", None))
    out.append(("Go raw syscalls ÷ raw C (cross-process, interleaved)", "rr/100", "go_raw", "raw", None))
    out.append(("Rust single ÷ raw C (cross-process, interleaved)", "rr/100", "rust", "raw", None))
    for c in ["tput/100", "tput/1400", "tput/16384"]:
        out.append(("userspace: sctpx batch ÷ usrsctp's own API", c, "sctpx_user_batch", "usrsctp", None))
    return out


RATIOS = _ratios()


def parse(path):
    """(header dict, blocks {(case, variant): {(iter, round): (count, secs, p50)}}, ended)."""
    header, blocks, ended, section = {}, {}, False, None
    with open(path, errors="replace") as fh:
        lines = fh.read().splitlines()
    for ln in lines:
        f = ln.split()
        if ln.startswith("=== sctpx-bench "):
            section = f[2]
            ended = ended or section == "end"
            continue
        if section == "header" and len(f) >= 1:
            header[f[0]] = " ".join(f[1:])
        elif len(f) == 9 and f[0] == "I" and f[2] == "B":
            try:
                it, case, v, rnd, n, secs = int(f[1]), f[3], f[4], int(f[5]), int(f[6]), float(f[7])
            except ValueError:
                continue
            p50 = float(f[8]) if f[8] != "-" else None
            if case.startswith("rr/") and p50:
                # Request/response: a block counts by its median round trip (a rate of 1 / p50),
                # not its total time, which a few stalled round trips dominate.
                n, secs = 1, p50 * 1e-6
            if secs > 0:
                blocks.setdefault((case, v), {})[(it, rnd)] = (n, secs, p50)
        elif len(f) >= 2 and f[0] in ("mem", "stop", "loadavg_end"):
            header[f[0]] = " ".join(f[1:])
    return header, blocks, ended


def _units(blocks, case, num, den):
    """Paired units [(n_num, s_num, n_den, s_den)] and whether the pairing is cross-process."""
    a, b = blocks.get((case, num)), blocks.get((case, den))
    if not a or not b:
        return [], False
    cross = DRIVER[num] != DRIVER[den]
    if not cross:
        keys = sorted(set(a) & set(b))
        return [(a[k][0], a[k][1], b[k][0], b[k][1]) for k in keys], False
    per = {}
    for src, off in ((a, 0), (b, 2)):
        for (it, _), (n, s, _) in src.items():
            u = per.setdefault(it, [0, 0.0, 0, 0.0])
            u[off] += n
            u[off + 1] += s
    return [tuple(u) for it, u in sorted(per.items()) if u[0] and u[2]], True


def _unit_ratio(u):
    return (u[0] / u[1]) / (u[2] / u[3])


def _stat(ratios):
    """The median of the units' ratios: a block that hit a retransmission timeout (~1 s under
    emulation, against blocks of a fraction of that) moves it by one rank, where a ratio of
    summed times would be that one block."""
    return statistics.median(ratios)


def bootstrap(units, reps=None, seed=16):
    """(ratio, low, high): the 95 % percentile bootstrap interval over units."""
    ratios = [_unit_ratio(u) for u in units]
    point = _stat(ratios)
    reps = reps or int(os.environ.get("SCTPX_BENCH_BOOT_REPS", "2000"))
    if len(units) < 2:
        return point, None, None
    rng = random.Random(seed)
    k = len(ratios)
    stats = sorted(_stat([ratios[rng.randrange(k)] for _ in range(k)]) for _ in range(reps))
    return point, stats[int(0.025 * reps)], stats[int(0.975 * reps) - 1]


# Fewer pairs than this give no verdict: a bootstrap over a handful of values has no tails.
MIN_UNITS = 6


def verdict(threshold, low, high, units=MIN_UNITS):
    if threshold is None:
        return "info"
    if low is None or units < MIN_UNITS:
        return "inconclusive"
    if low >= threshold:
        return "met"
    if high < threshold:
        return "missed"
    return "inconclusive"


def evaluate(blocks, precision=0.02, in_process_only=False):
    """One dict per ratio that has data (in_process_only: leave the cross-process ones out)."""
    out = []
    for label, case, num, den, thr in RATIOS:
        if in_process_only and DRIVER[num] != DRIVER[den]:
            continue
        units, cross = _units(blocks, case, num, den)
        if not units:
            continue
        r, lo, hi = bootstrap(units)
        half = (hi - lo) / 2 / r if lo is not None else None
        out.append({
            "target": label, "case": case, "case_label": case_label(case), "num": num, "den": den,
            "threshold": thr, "ratio": round(r, 4), "ci95": [round(lo, 4), round(hi, 4)] if lo is not None else None,
            "half_width_rel": round(half, 4) if half is not None else None,
            "precise": half is not None and half <= precision and len(units) >= MIN_UNITS, "units": len(units),
            "pairing": "cross-process, by iteration" if cross else "in-process, by round",
            "verdict": verdict(thr, lo, hi, len(units)),
        })
    return out


def pending(path):
    _, blocks, _ = parse(path)
    prec = float(os.environ.get("SCTPX_BENCH_PRECISION", "0.02"))
    drivers = set()
    seen = {DRIVER[v] for (_, v) in blocks}
    for e in evaluate(blocks, prec, in_process_only=True):
        # Every in-process ratio (targets and informational ones) drives the rounds; the
        # cross-process ones come along in whatever iterations both drivers ran.
        if e["pairing"].startswith("in") and not e["precise"]:
            drivers.add(DRIVER[e["num"]])
    # A driver with no blocks yet has not run: it is pending too (run.sh passes the ones it runs).
    return drivers, seen


if __name__ == "__main__":
    if len(sys.argv) >= 3 and sys.argv[1] == "pending":
        drivers, seen = pending(sys.argv[2])
        wanted = sys.argv[3:]
        print(" ".join(d for d in wanted if d in drivers or d not in seen))
    else:
        sys.exit(__doc__)
