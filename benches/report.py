#!/usr/bin/env python3
"""benches/report.py RUN [PREVIOUS] — BENCHMARKS.md and benches/results.json from one or two runs
of `make bench` (issue 16: two consecutive runs side by side, every target's verdict in both).
A RUN is a directory holding vm.log (benches/run.sh in the VM: kernel SCTP), host.log
(benches/run.sh host: the userspace backend) and wall (the run's wall time, text); either log
may be missing. Host side; standard library only. Ratios, intervals and verdicts come from
benches/stats.py. Prints a one-screen summary of the targets.
"""
import json
import os
import platform
import statistics
import sys

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
import stats

NAMES = {
    "raw": "raw C sendmsg/recvmsg + SCTP_SNDINFO/RCVINFO",
    "raw_from": "raw C as above, also asking for the source address (as sctpx's events carry it)",
    "libsctp": "libsctp sctp_sendmsg/sctp_recvmsg",
    "sctpx": "sctpx C ABI sctpx_send_stream/sctpx_next_event",
    "sctpx_nofrom": "sctpx C ABI with SCTPX_OPT_RECV_FROM 0 (no source address, as raw C)",
    "sctpx_batch": "sctpx C ABI sctpx_send_batch/sctpx_recv_batch (32)",
    "rust": "sctpx Rust Socket::send_stream/next_event",
    "rust_batch": "sctpx Rust Socket::send_batch/recv_batch (32)",
    "go": "sctpx Go Conn.WriteMsg/ReadMsg",
    "go_batch": "sctpx Go Conn.SendBatch/RecvBatch (32)",
    "go_raw": "Go syscall sendmsg/recvmsg + SCTP cmsgs (raw C's loop in Go; the anchor)",
    "py_sctpx": "Python sctpx Socket.send_stream/recv_message_into (lean: count into a buffer)",
    "py_sctpx_rich": "Python sctpx Socket.send_stream/next_event (typed event objects)",
    "py_sctpx_batch": "Python sctpx Socket.send_batch/recv_batch (32)",
    "py_stdlib": "Python stdlib socket.sendmsg/recvmsg + SCTP cmsgs",
    "py_pysctp": "Python PySCTP 0.7.3 sctp_send/sctp_recv (libsctp)",
    "usrsctp": "usrsctp's own API usrsctp_sendv/usrsctp_recvv, blocking (host)",
    "sctpx_user": "sctpx C ABI on the userspace backend (host)",
    "sctpx_user_batch": "sctpx C ABI batch calls on the userspace backend (host)",
}
CASES = ["tput/100", "tput/1400", "tput/16384", "tput_m/100", "tput_m/1400", "rr/100"]
SHORT = {"tput/100": "1:1 100", "tput/1400": "1:1 1400", "tput/16384": "1:1 16K", "tput_m/100": "1:M 100",
         "tput_m/1400": "1:M 1400", "rr/100": "rr 100"}


def load(d):
    """One run: merged header and blocks of its logs, and its ratios."""
    run = {"dir": d, "headers": {}, "blocks": {}, "complete": True}
    for name in ("vm", "host"):
        p = os.path.join(d, name + ".log")
        if not os.path.exists(p):
            continue
        h, b, ended = stats.parse(p)
        run["headers"][name] = h
        run["complete"] &= ended
        # Blocks of the two logs never share a variant (kernel drivers vs the userspace one).
        run["blocks"].update(b)
    w = os.path.join(d, "wall")
    run["wall"] = None
    if os.path.exists(w):
        with open(w) as fh:
            run["wall"] = fh.read().strip()
    run["ratios"] = stats.evaluate(run["blocks"])
    return run


def cpu_model():
    with open("/proc/cpuinfo") as fh:
        for ln in fh:
            if ln.startswith("model name"):
                return ln.split(":", 1)[1].strip()
    return platform.processor()


def stopped(h):
    """run.sh's "stop REASON ITERATIONS SECONDS" in words."""
    f = h.get("stop", "").split()
    if len(f) != 3:
        return "?"
    why = {"budget": "time budget", "precise": "every interval within the precision", "max_iter": "iteration limit"}
    return f"{why.get(f[0], f[0])}, after {f[1]} iterations and {f[2]} s"


def fmt(e):
    if not e:
        return "—"
    ci = f" [{e['ci95'][0]:.3f}, {e['ci95'][1]:.3f}]" if e["ci95"] else ""
    v = "" if e["verdict"] == "info" else f" **{e['verdict']}**"
    return f"{e['ratio']:.3f}{ci}{v}"


def main():
    dirs = [d for d in sys.argv[1:3] if os.path.isdir(d)]
    if not dirs:
        sys.exit(__doc__)
    # Oldest first: the previous run, then this one.
    runs = [load(d) for d in reversed(dirs)]
    if not runs[-1]["complete"]:
        sys.exit("report.py: a log of this run has no end marker: the run failed (see %s)" % runs[-1]["dir"])
    labels = [f"run {i + 1}" for i in range(len(runs))]
    keyed = [{(e["target"], e["case"]): e for e in r["ratios"]} for r in runs]
    keys = []
    for k in keyed:
        for key in k:
            if key not in keys:
                keys.append(key)
    order = {(lab, c): i for i, (lab, c, *_rest) in enumerate(stats.RATIOS)}
    keys.sort(key=lambda k: order.get(k, 1e9))

    targets = []
    for key in keys:
        es = [k.get(key) for k in keyed]
        e0 = next(e for e in es if e)
        verdicts = [e["verdict"] if e else None for e in es]
        targets.append({
            "target": key[0], "case": key[1], "case_label": e0["case_label"], "num": e0["num"], "den": e0["den"],
            "threshold": e0["threshold"], "runs": es,
            "agree": len(runs) > 1 and all(v == verdicts[0] for v in verdicts),
        })

    md = ["# sctpx benchmarks\n",
          "Generated by `make bench` (benches/run.sh in one tests/vm/run boot for kernel SCTP, and on the host "
          "for the userspace backend; then benches/report.py); do not edit by hand. Each `make bench` shows "
          "its run beside the one before it (issue 16: a verdict counts when two consecutive runs agree).\n",
          "## Machine and method\n"]
    md.append(f"- Host: {cpu_model()}, `nproc` = {os.cpu_count()}, kernel {platform.release()} (no SCTP).")
    for lab, r in zip(labels, runs):
        vm, host = r["headers"].get("vm", {}), r["headers"].get("host", {})
        md.append(f"- {lab}: tree {vm.get('rev') or host.get('rev')}; wall time of `make bench` {r['wall'] or '?'}; "
                  f"VM: Linux {vm.get('kernel', '?')} on {vm.get('cpu', '?')} ({vm.get('nproc', '?')} vCPUs, "
                  f"qemu TCG: absolute numbers mean nothing, only ratios within one run), load average "
                  f"{vm.get('loadavg_start', '?')} → {vm.get('loadavg_end', '?')}, stopped: {stopped(vm)}; "
                  f"host (userspace backend, native): load {host.get('loadavg_start', '?')} → "
                  f"{host.get('loadavg_end', '?')}, stopped: {stopped(host)}.")
    h = runs[-1]["headers"].get("vm") or runs[-1]["headers"].get("host") or {}
    md.append(
        "- **Alternation in one process.** Each driver process (C: `benches/c/raw.c`; Rust: "
        "`benches/rust/rust_api.rs`; Go: `benches/go`; Python: `benches/python/bench_py.py`; userspace: "
        "`benches/c/user.c`) sets up one association per variant before any timing, then runs rounds: one block "
        "of messages per variant, the order rotated each round, so drift and neighbours hit every variant alike. "
        f"Blocks: {h.get('blocks', '?')} messages at 100 B / 1400 B / 16 KiB (Python a fifth), "
        f"{h.get('rr_block', '?')} round trips for request/response; {h.get('rounds', '?')} rounds per process.")
    md.append(
        "- **Iterations until precise.** An iteration runs every driver once per case; iterations repeat until every "
        f"in-process ratio's 95 % interval is within ±{float(h.get('precision', 0.02)) * 100:g} % or the time budget "
        f"({h.get('budget_s', '?')} s in the VM) would be exceeded (`stopped` above).")
    md.append(
        "- **Ratios and intervals.** A ratio is rate(variant) ÷ rate(baseline), rate = messages ÷ seconds "
        "(request/response: 1 ÷ the block's median round trip), higher is better. In-process ratios pair the "
        "two variants' blocks of each round; cross-process ratios (Go's and Python's anchors against raw C) pair the "
        "two processes of each iteration. The ratio quoted is the median of the pairs' ratios (a block that hits a "
        "~1 s retransmission timeout moves it by one rank instead of dominating a sum), and its interval the 95 % "
        "percentile bootstrap of that median over the pairs. "
        "**Verdicts**: met when the interval's lower bound meets the target, missed when its upper bound misses it, "
        "inconclusive otherwise.")
    md.append(
        "- **Anchors.** Go ÷ raw C is decided against `go_raw`, raw C's loop written with Go's syscall package in the "
        "Go process (no sctpx); Python's target is against the stdlib socket loop in the Python process. Each "
        "anchor's own distance to raw C is reported as a cross-process ratio.")
    md.append(
        "- **Userspace backend** (issue 13 item 7): on the host, one process, one usrsctp stack (the driver links "
        "libusrsctp.so.2 and sctpx's dlopen of the same soname returns that instance; sctpx starts the stack, then "
        "the direct loop opens usrsctp sockets), SCTP over UDP over 127.0.0.1. Its kernel-backend comparison is not "
        "measured: the host has no kernel SCTP, and usrsctp as root opens raw SCTP sockets that must not run beside "
        "kernel SCTP in the VM.")
    md.append(
        "- Settings, every variant: `SCTP_NODELAY` 1, delayed SACK off {delay 0, freq 1} on every socket before "
        "connect/accept and again once connected, `SCTP_RECVRCVINFO` 1 (libsctp and PySCTP: `sctp_data_io_event`), "
        f"default buffers, stream 0, PPID 42; loopback MTU {h.get('lo_mtu', '?')} in the VM.\n")

    hdr = " | ".join(f"{lab}: ratio [95 % interval] verdict" for lab in labels)
    md.append("## Targets\n")
    md.append(f"| target | case | {hdr} | same verdict |")
    md.append("|---|---|" + "---|" * len(runs) + "---|")
    for t in targets:
        if t["threshold"] is None:
            continue
        cells = " | ".join(fmt(e) for e in t["runs"])
        same = ("yes" if t["agree"] else "**no**") if len(runs) > 1 else "—"
        md.append(f"| {t['target']} | {t['case_label']} | {cells} | {same} |")
    md.append("\n## Informational ratios\n")
    md.append(f"| ratio | case | {' | '.join(labels)} | pairing |")
    md.append("|---|---|" + "---|" * len(runs) + "---|")
    for t in targets:
        if t["threshold"] is not None:
            continue
        e0 = next(e for e in t["runs"] if e)
        md.append(f"| {t['target']} | {t['case_label']} | {' | '.join(fmt(e) for e in t['runs'])} | {e0['pairing']} |")

    md.append("\n## Rates\n")
    md.append("Median over blocks: messages/s (throughput) or median round trip in µs (request/response); "
              "blocks = how many. Emulated (VM) and native (host, userspace) numbers are not comparable.\n")
    md.append(f"| case | variant | {' | '.join(labels)} |")
    md.append("|---|---|" + "---|" * len(runs))
    variants = {}
    for r in runs:
        for (case, v), bl in r["blocks"].items():
            variants.setdefault((case, v), None)
    for case in CASES:
        for v in NAMES:
            if (case, v) not in variants:
                continue
            cells = []
            for r in runs:
                bl = r["blocks"].get((case, v))
                if not bl:
                    cells.append("—")
                elif case.startswith("rr/"):
                    cells.append(f"{statistics.median(x[2] for x in bl.values()):,.1f} µs ({len(bl)})")
                else:
                    cells.append(f"{statistics.median(n / s for n, s, _ in bl.values()):,.0f} /s ({len(bl)})")
            md.append(f"| {stats.case_label(case)} | {NAMES[v]} | {' | '.join(cells)} |")

    mem = runs[-1]["headers"].get("vm", {}).get("mem")
    if mem:
        f = mem.split()
        n = int(f[0])
        md.append("\n## Memory: associations on one one-to-many socket (VM, last run)\n")
        md.append(f"{n} one-to-one client sockets connect to one sctpx one-to-many socket (it reports {f[1]}); "
                  "deltas of /proc/meminfo, both ends counted.\n")
        md.append("| metric | delta | per association (both ends) |")
        md.append("|---|---:|---:|")
        for val, label in zip(f[2:5], ("Slab", "SUnreclaim", "MemAvailable drop")):
            md.append(f"| {label} | {int(val):,} KiB | {int(val) * 1024 / n:,.0f} B |")
    md.append("")
    findings = os.path.join(os.path.dirname(os.path.abspath(__file__)), "FINDINGS.md")
    if os.path.exists(findings):
        with open(findings) as fh:
            md.append(fh.read().rstrip() + "\n")

    root = os.path.dirname(os.path.dirname(os.path.abspath(__file__)))
    with open(os.path.join(root, "BENCHMARKS.md"), "w") as fh:
        fh.write("\n".join(md))
    out = {
        "method": "issue 16: in-process alternation, 95 % percentile bootstrap over paired rounds (in-process) or "
                  "iterations (cross-process); met if lower bound >= target, missed if upper bound < target",
        "machine": {"host_nproc": os.cpu_count(), "host_cpu": cpu_model(), "host_kernel": platform.release()},
        "runs": [{"label": lab, "wall": r["wall"], "headers": r["headers"], "ratios": r["ratios"]}
                 for lab, r in zip(labels, runs)],
        "targets": [{k: t[k] for k in ("target", "case", "num", "den", "threshold", "agree")}
                    | {"verdicts": [e["verdict"] if e else None for e in t["runs"]],
                       "ratios": [e["ratio"] if e else None for e in t["runs"]],
                       "ci95": [e["ci95"] if e else None for e in t["runs"]]}
                    for t in targets if t["threshold"] is not None],
    }
    with open(os.path.join(root, "benches", "results.json"), "w") as fh:
        json.dump(out, fh, indent=1)
        fh.write("\n")
    summary(targets, labels)


def summary(targets, labels):
    """One screen: a row per target, a column per case; each cell this run's verdict and ratio,
    and '≠' where the run before reached another verdict."""
    mark = {"met": "ok", "missed": "NO", "inconclusive": "??"}
    rows = {}
    for t in targets:
        if t["threshold"] is None:
            continue
        rows.setdefault(t["target"], {})[t["case"]] = t
    short = {"C ABI ≥ 0.97 × raw C, both with the source address": "C ABI ≥ 0.97 × raw C (both from)",
             "C ABI ≥ 0.97 × raw C, both without the source address": "C ABI ≥ 0.97 × raw C (no from)",
             "Python sctpx single ≥ 1.0 × stdlib socket loop": "Py single ≥ 1.0 × stdlib",
             "Python sctpx single ≥ 1.0 × PySCTP": "Py single ≥ 1.0 × PySCTP",
             "Python sctpx batch ≥ 3 × PySCTP": "Py batch ≥ 3 × PySCTP",
             "userspace: sctpx C ABI ≥ 0.95 × usrsctp's own API": "userspace C ABI ≥ 0.95 × usrsctp"}
    w = 34
    print(f"\nTargets ({labels[-1]}{', ≠: differs from ' + labels[-2] if len(labels) > 1 else ''}; "
          "ok met, NO missed, ?? inconclusive; ratio)")
    print(f"{'target':<{w}}" + "".join(f"{SHORT[c]:>11}" for c in CASES))
    counts = {"met": 0, "missed": 0, "inconclusive": 0}
    for label, cells in rows.items():
        line = f"{short.get(label, label.split(' (')[0])[:w - 1]:<{w}}"
        for c in CASES:
            t = cells.get(c)
            e = t["runs"][-1] if t else None
            if not e:
                line += f"{'':>11}"
                continue
            counts[e["verdict"]] += 1
            diff = "≠" if len(labels) > 1 and not t["agree"] else " "
            line += f"{diff}{mark[e['verdict']]} {e['ratio']:.3f}".rjust(11)
        print(line)
    agree = sum(1 for t in targets if t["threshold"] is not None and t["agree"])
    total = sum(1 for t in targets if t["threshold"] is not None)
    print(f"met {counts['met']}, missed {counts['missed']}, inconclusive {counts['inconclusive']}"
          + (f"; same verdict as {labels[-2]}: {agree}/{total}" if len(labels) > 1 else "; no previous run to compare"))


main()
