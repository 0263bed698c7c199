"""benches/perf_split.py COUNT FREQ < `perf report --no-children -n --sort comm,dso,sym --stdio`

Sorts perf samples (all CPUs, cpu-clock at FREQ Hz) of one run of COUNT messages into
categories and prints CPU microseconds per message for each. Samples of perf itself are left
out; everything else on the machine counts (softirq work in ksoftirqd, the idle loop), since
nothing but the benchmark runs there. Standard library only."""
import re
import sys

count, freq = int(sys.argv[1]), float(sys.argv[2])
# First match wins: (category, pattern on the kernel symbol's name).
RULES = [
    ("idle", r"^(default_idle|native_safe_halt|cpu_idle|do_idle|acpi_idle|intel_idle|pv_native_safe_halt|"
     r"arch_cpu_idle|cpuidle)"),
    ("system-call entry/exit and per-call socket work", r"^(entry_SYSCALL|do_syscall_64|syscall_(enter|exit)|"
     r"exit_to_user_mode|__x64_sys_|__sys_(send|recv)|___sys_(send|recv)|do_recvmmsg|__sys_sendmmsg|"
     r"copy_msghdr|__copy_msghdr|import_iovec|__import_iovec|sock_(send|recv)msg|sockfd_lookup|__fdget|"
     r"__fget|fput|move_addr_to_user|lock_sock|release_sock|__release_sock|sctp_(sendmsg|recvmsg)$|"
     r"inet_(send|recv)msg|security_socket|sctp_sendmsg_parse|__check_object_size|check_stack_object|"
     r"__virt_addr_valid|put_cmsg|sctp_ulpevent_read_(rcvinfo|sndrcvinfo|nxtinfo))"),
    ("wake-ups, scheduling, lock contention", r"^(schedule|__schedule|finish_task_switch|try_to_wake_up|"
     r".*wake_up.*|autoremove_wake|pick_next|dequeue_|enqueue_|update_(curr|load|rq|cfs)|psi_|"
     r"native_queued_spin_lock_slowpath|_raw_spin_|queued_spin|prepare_to_wait|finish_wait|sk_wait|"
     r"sctp_wait_for|schedule_timeout|select_task_rq|ttwu|check_preempt|set_next_entity|put_prev|"
     r"__switch_to|switch_mm|context_switch|sched_|reweight|account_|hrtick|__calc_delta|record_times|"
     r"__update_load|place_entity|update_min_vruntime|resched|raw_spin|_raw_read|_raw_write|"
     r"sctp_data_ready|sock_def_|sk_stream_write_space|sctp_write_space|cpuacct|cgroup_rstat)"),
    ("payload copies", r"^(copy_user|_copy_(from|to)_iter|copyout|copyin|memcpy|__memcpy|memmove|"
     r"skb_copy_datagram|__skb_datagram_iter|simple_copy_to_iter|rep_movs|copy_page)"),
]
OTHER_KERNEL = "SCTP, IP, loopback, memory (per packet)"
USER = "user space (benchmark threads)"
cats = {c: 0 for c, _ in RULES}
cats.update({OTHER_KERNEL: 0, USER: 0})
for ln in sys.stdin:
    m = re.match(r"\s*[\d.]+%\s+(\d+)\s+(\S+)\s+(\S+)\s+\[(.)\]\s+(\S+)", ln)
    if not m:
        continue
    n, comm, where, sym = int(m.group(1)), m.group(2), m.group(4), m.group(5)
    if comm == "perf":
        continue
    if where != "k":
        cats[USER] += n
        continue
    for c, pat in RULES:
        if re.match(pat, sym):
            cats[c] += n
            break
    else:
        cats[OTHER_KERNEL] += n
busy = sum(cats.values()) - cats["idle"]
# What a batch API could remove at most: every system call's fixed cost and every wake-up.
# The rest is per message or per packet whatever the call.
batchable = cats[RULES[1][0]] + cats[RULES[2][0]]
for c, n in cats.items():
    print(f"  {c}: {n / freq / count * 1e6:.1f} µs/msg ({n} samples)")
print(f"  busy CPU (not idle): {busy / freq / count * 1e6:.1f} µs/msg")
print(f"  share batching could remove (system calls + wake-ups): {batchable / busy:.0%} of busy CPU "
      f"-> at most {busy / (busy - batchable):.2f}x if it removed all of it")
