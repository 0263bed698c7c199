//! The kernel features sctpx types beyond the basics, each proven by what it
//! changes on the wire or at the peer: stream schedulers, I-DATA (RFC 8260),
//! ASCONF (RFC 5061) and partial-reliability status (RFC 7496).
//!
//! Each test runs on a thread of its own network namespace (root: `make test`
//! runs it in the test VM), so the sysctls it needs are its own and need no
//! restoring.

mod common;
use common::*;

use std::io;
use std::net::SocketAddr;
use std::process::Command;
use std::thread;
use std::time::{Duration, Instant};

use sctpx::{
    BindxOp, Event, EventKind, Family, IntOption, RtoInfo, SendInfo, Socket, Timeout, ADDR_ADDED, ADDR_REMOVED, PR_ALL,
    PR_RTX, PR_TTL, SCHED_FCFS, SCHED_PRIO, SCHED_RR,
};

/// Runs `f` on a thread of a new network namespace (loopback up), after
/// writing `sysctls` (paths under /proc/sys/net/, which belong to the
/// namespace of the thread that opens them).
fn in_own_netns<T: Send + 'static>(
    sysctls: &'static [(&'static str, &'static str)],
    f: impl FnOnce() -> T + Send + 'static,
) -> T {
    let t = thread::spawn(move || {
        // SAFETY: unshare has no memory effects; it moves this thread alone.
        let rc = unsafe { libc::unshare(libc::CLONE_NEWNET) };
        assert_eq!(rc, 0, "unshare(CLONE_NEWNET): {}", io::Error::last_os_error());
        ip(&["link", "set", "lo", "up"]);
        for (path, value) in sysctls {
            std::fs::write(format!("/proc/sys/net/{path}"), value).unwrap_or_else(|e| panic!("{path}: {e}"));
        }
        f()
    });
    t.join().unwrap_or_else(|e| std::panic::resume_unwind(e))
}

/// Runs iproute2 in the calling thread's network namespace.
fn ip(args: &[&str]) {
    let st = Command::new("ip").args(args).status().expect("ip runs");
    assert!(st.success(), "ip {args:?} failed");
}

/// A connected one-to-one pair on 127.0.0.1 (client, accepted server side):
/// `server` is applied to the listener before listen (the accepted socket
/// inherits it), `client` to the client before connect.
fn pair(server: impl Fn(&Socket), client: impl Fn(&Socket)) -> (Socket, Socket) {
    let l = Socket::open_tcp(Family::Ipv4).unwrap();
    l.bind(&v4("127.0.0.1:0")).unwrap();
    server(&l);
    l.listen(1).unwrap();
    let mut a = v4("127.0.0.1:0");
    a.set_port(local_port(&l));
    let c = Socket::open_tcp(Family::Ipv4).unwrap();
    client(&c);
    c.connect(&a).unwrap();
    let (s, _) = l.accept().unwrap();
    (c, s)
}

/// A receive buffer (and so window) of 16 KiB: a few messages fill it and
/// the rest wait in the sender's queue. (Smaller is slower, not surer: the
/// window would reopen a message at a time.)
fn small_window(s: &Socket) {
    s.set_option(IntOption::RcvBuf, 0, 8192).unwrap();
}

fn data(stream: u16, pr_policy: u16, pr_value: u32) -> SendInfo {
    SendInfo { stream, pr_policy, pr_value, ..Default::default() }
}

/// Reads data until `count` whole messages came; returns each piece's
/// stream and whether it completed its message, in the order read.
fn read_pieces(s: &Socket, count: usize) -> Vec<(u16, bool)> {
    let mut buf = vec![0u8; 1 << 17];
    let mut pieces = Vec::new();
    while pieces.iter().filter(|&&(_, complete)| complete).count() < count {
        let (d, r) = next_data(s, &mut buf);
        pieces.push((d.stream, r.complete));
    }
    pieces
}

// --- stream schedulers --------------------------------------------------------------------------

const QUEUED: usize = 30;

/// The streams of the messages the peer reads after the client queued
/// QUEUED messages on stream 2, then QUEUED on stream 1, behind a full
/// window, under `scheduler` with stream 1 the more important.
fn arrival_order_under(scheduler: u32) -> Vec<u16> {
    in_own_netns(&[], move || {
        let (c, s) = pair(small_window, |c| {
            c.set_option(IntOption::NoDelay, 0, 1).unwrap();
            c.set_option(IntOption::SndBuf, 0, 1 << 20).unwrap();
        });
        c.set_option(IntOption::StreamScheduler, 0, scheduler.into()).unwrap();
        if scheduler == SCHED_PRIO {
            c.set_stream_sched_value(0, 1, 0).unwrap();
            c.set_stream_sched_value(0, 2, 7).unwrap();
        }
        let msg = [0u8; 1000];
        for stream in [2, 1] {
            for _ in 0..QUEUED {
                c.send(&msg, &data(stream, 0, 0), None).unwrap();
            }
        }
        read_pieces(&s, 2 * QUEUED).into_iter().map(|(stream, _)| stream).collect()
    })
}

#[test]
fn first_come_first_served_delivers_a_backed_up_queue_in_send_order() {
    let order = arrival_order_under(SCHED_FCFS);
    let sent: Vec<u16> = [2u16, 1].iter().flat_map(|&s| std::iter::repeat(s).take(QUEUED)).collect();
    assert_eq!(order, sent);
}

#[test]
fn the_priority_scheduler_sends_the_more_important_stream_first_from_a_backed_up_queue() {
    let order = arrival_order_under(SCHED_PRIO);
    // Stream 2's first messages left before the window closed; the rest of
    // stream 2 waited for all of stream 1, queued after it.
    let last_of = |stream| order.iter().rposition(|&s| s == stream).unwrap();
    assert!(last_of(1) < last_of(2), "stream 1 (priority 0) finished before stream 2 (priority 7): {order:?}");
    assert_eq!(*order.last().unwrap(), 2, "{order:?}");
}

#[test]
fn a_stream_scheduler_value_reads_back() {
    in_own_netns(&[], || {
        let (c, _s) = pair(|_| {}, |_| {});
        c.set_option(IntOption::StreamScheduler, 0, SCHED_PRIO.into()).unwrap();
        assert_eq!(c.option(IntOption::StreamScheduler, 0).unwrap(), i64::from(SCHED_PRIO));
        c.set_stream_sched_value(0, 3, 42).unwrap();
        assert_eq!(c.stream_sched_value(0, 3).unwrap(), 42);
    });
}

// --- I-DATA -------------------------------------------------------------------------------------

/// Large enough to need many round trips through the small window.
const LARGE: usize = 64 * 1024;

/// What the peer reads after the client sent a LARGE message on stream 1 and
/// then a small one on stream 2, under the round-robin scheduler: each piece's
/// stream and whether it ended its message. `interleave` offers I-DATA on
/// both sides.
fn pieces_after_large_then_small(interleave: bool) -> Vec<(u16, bool)> {
    in_own_netns(&[("sctp/intl_enable", "1")], move || {
        let offer = move |s: &Socket| {
            if interleave {
                s.set_option(IntOption::FragmentInterleave, 0, 2).unwrap();
                s.set_option(IntOption::InterleavingSupported, 0, 1).unwrap();
            }
        };
        let (c, s) = pair(
            |l| {
                offer(l);
                small_window(l);
            },
            |c| {
                offer(c);
                c.set_option(IntOption::NoDelay, 0, 1).unwrap();
                c.set_option(IntOption::SndBuf, 0, 1 << 20).unwrap();
                c.set_option(IntOption::MaxSeg, 0, 1000).unwrap();
            },
        );
        assert_eq!(c.option(IntOption::InterleavingSupported, 0).unwrap(), i64::from(interleave));
        c.set_option(IntOption::StreamScheduler, 0, SCHED_RR.into()).unwrap();
        c.send(&vec![1u8; LARGE], &data(1, 0, 0), None).unwrap();
        c.send(b"small", &data(2, 0, 0), None).unwrap();
        read_pieces(&s, 2)
    })
}

#[test]
fn with_i_data_a_small_message_passes_a_large_one_still_being_sent() {
    let pieces = pieces_after_large_then_small(true);
    let small = pieces.iter().position(|&(stream, _)| stream == 2).unwrap();
    let large_done = pieces.iter().position(|&p| p == (1, true)).unwrap();
    assert!(small < large_done, "stream 2 was read before stream 1's message ended: {pieces:?}");
}

#[test]
fn without_i_data_a_large_message_holds_back_a_small_one_sent_after_it() {
    let pieces = pieces_after_large_then_small(false);
    assert_eq!(*pieces.last().unwrap(), (2, true), "{pieces:?}");
}

#[test]
fn interleaving_supported_is_refused_while_the_sysctl_is_off() {
    in_own_netns(&[("sctp/intl_enable", "0")], || {
        let s = Socket::open_tcp(Family::Ipv4).unwrap();
        s.set_option(IntOption::FragmentInterleave, 0, 2).unwrap();
        assert!(matches!(s.set_option(IntOption::InterleavingSupported, 0, 1), Err(sctpx::Error::Os(libc::EPERM))));
    });
}

// --- feature switches ---------------------------------------------------------------------------

/// Waits for the peer-address change `state` of `addr`, skipping others.
fn wait_addr_change(s: &Socket, addr: SocketAddr, state: u32) {
    let mut buf = [0u8; 512];
    wait_for(s, &mut buf, |r| matches!(r.event, Event::PeerAddrChange(p) if p.addr == Some(addr) && p.state == state));
}

#[test]
fn asconf_tells_the_peer_of_an_address_added_to_and_removed_from_a_live_association() {
    // ASCONF without AUTH (RFC 5061 wants both; AUTH is not what this tests).
    in_own_netns(&[("sctp/addip_enable", "0"), ("sctp/addip_noauth_enable", "1")], || {
        let asconf = |s: &Socket| s.set_option(IntOption::AsconfSupported, 0, 1).unwrap();
        let (c, s) = pair(asconf, |c| {
            asconf(c);
            // Bound to one address (a socket bound to all has none to add).
            c.bind(&v4("127.0.0.1:0")).unwrap();
        });
        assert_eq!(s.option(IntOption::AsconfSupported, 0).unwrap(), 1, "the association uses ASCONF");
        s.subscribe(EventKind::PeerAddrChange, true).unwrap();
        let mut extra = v4("127.0.0.2:0");
        extra.set_port(local_port(&c));
        c.bindx(&[extra], BindxOp::Add).unwrap();
        wait_addr_change(&s, extra, ADDR_ADDED);
        c.bindx(&[extra], BindxOp::Remove).unwrap();
        wait_addr_change(&s, extra, ADDR_REMOVED);
    });
}

#[test]
fn auto_asconf_announces_an_address_the_host_gains() {
    in_own_netns(&[("sctp/addip_noauth_enable", "1")], || {
        let asconf = |s: &Socket| s.set_option(IntOption::AsconfSupported, 0, 1).unwrap();
        let (c, s) = pair(asconf, |c| {
            asconf(c);
            // Bound to the wildcard address: AUTO_ASCONF needs it.
            c.bind(&v4("0.0.0.0:0")).unwrap();
            c.set_option(IntOption::AutoAsconf, 0, 1).unwrap();
        });
        s.subscribe(EventKind::PeerAddrChange, true).unwrap();
        ip(&["addr", "add", "10.99.0.1/32", "dev", "lo"]);
        let mut gained = v4("10.99.0.1:0");
        gained.set_port(local_port(&c));
        wait_addr_change(&s, gained, ADDR_ADDED);
    });
}

#[test]
fn ecn_turned_off_on_one_side_is_off_for_the_association() {
    in_own_netns(&[("sctp/ecn_enable", "1")], || {
        let (c, s) = pair(|_| {}, |c| c.set_option(IntOption::EcnSupported, 0, 0).unwrap());
        assert_eq!(c.option(IntOption::EcnSupported, 0).unwrap(), 0);
        assert_eq!(s.option(IntOption::EcnSupported, 0).unwrap(), 0, "the server's association learnt it from INIT");
        let (c, s) = pair(|_| {}, |_| {});
        assert_eq!(
            (c.option(IntOption::EcnSupported, 0).unwrap(), s.option(IntOption::EcnSupported, 0).unwrap()),
            (1, 1)
        );
    });
}

#[test]
fn a_plpmtud_probe_interval_set_on_the_socket_is_the_new_associations() {
    in_own_netns(&[], || {
        let (c, _s) = pair(|_| {}, |c| c.set_option(IntOption::PlpmtudProbeInterval, 0, 6000).unwrap());
        assert_eq!(c.option(IntOption::PlpmtudProbeInterval, 0).unwrap(), 6000);
        assert!(matches!(c.set_option(IntOption::PlpmtudProbeInterval, 0, 4999), Err(sctpx::Error::Os(libc::EINVAL))));
    });
}

// --- partial reliability ------------------------------------------------------------------------

/// Polls `f` until it gives `want` (the kernel counts abandoned messages as
/// its timers and SACKs come), failing after WAIT.
fn eventually<T: PartialEq + std::fmt::Debug>(want: T, f: impl Fn() -> T) {
    let deadline = Instant::now() + Duration::from_secs(20);
    loop {
        let got = f();
        if got == want {
            return;
        }
        assert!(Instant::now() < deadline, "still {got:?}, want {want:?}");
        thread::sleep(Duration::from_millis(50));
    }
}

#[test]
fn messages_past_their_ttl_in_a_backed_up_queue_are_counted_unsent_for_their_stream() {
    in_own_netns(&[], || {
        let (c, s) = pair(small_window, |c| c.set_option(IntOption::SndBuf, 0, 1 << 20).unwrap());
        let filler = [0u8; 1000];
        for _ in 0..QUEUED {
            c.send(&filler, &data(0, 0, 0), None).unwrap();
        }
        for _ in 0..3 {
            c.send(b"late", &data(1, PR_TTL, 1), None).unwrap();
        }
        thread::sleep(Duration::from_millis(50));
        assert!(read_pieces(&s, QUEUED).iter().all(|&(stream, _)| stream == 0));
        let unsent = |stream| c.pr_stream_status(0, stream, PR_TTL).unwrap();
        eventually((3, 0), || (unsent(1).abandoned_unsent, unsent(1).abandoned_sent));
        assert_eq!(unsent(0), Default::default(), "stream 0's messages were all delivered");
        let assoc = c.pr_assoc_status(0, PR_TTL).unwrap();
        assert_eq!((assoc.abandoned_unsent, assoc.abandoned_sent), (3, 0));
        assert_eq!(c.pr_assoc_status(0, PR_RTX).unwrap(), Default::default(), "no RTX message was abandoned");
        let mut buf = [0u8; 64];
        assert!(
            matches!(s.next_event(&mut buf, Timeout::Millis(300)), Err(sctpx::Error::TimedOut)),
            "the late messages never arrived"
        );
    });
}

#[test]
fn messages_out_of_retransmissions_are_counted_sent_for_their_stream() {
    in_own_netns(&[], || {
        let (c, s) =
            pair(|_| {}, |c| c.set_rtoinfo(&RtoInfo { assoc_id: 0, initial: 100, max: 200, min: 50 }).unwrap());
        // Nothing gets through: each message is sent once, then given up at
        // its first retransmission (PR_RTX 0).
        ip(&["link", "set", "lo", "down"]);
        for _ in 0..2 {
            c.send(b"lost", &data(3, PR_RTX, 0), None).unwrap();
        }
        let rtx = |stream| c.pr_stream_status(0, stream, PR_RTX).unwrap();
        eventually((0, 2), || (rtx(3).abandoned_unsent, rtx(3).abandoned_sent));
        ip(&["link", "set", "lo", "up"]);
        assert_eq!(rtx(0), Default::default());
        assert_eq!(c.pr_assoc_status(0, PR_ALL).unwrap(), rtx(3), "all policies together: the RTX ones");
        c.send(b"after", &data(0, 0, 0), None).unwrap();
        let mut buf = [0u8; 64];
        let (d, r) = next_data(&s, &mut buf);
        assert_eq!((d.stream, &buf[..r.len]), (0, &b"after"[..]), "the abandoned messages never arrived");
    });
}

#[test]
fn the_default_pr_policy_applies_to_sends_that_give_none() {
    in_own_netns(&[], || {
        let (c, s) = pair(small_window, |c| c.set_option(IntOption::SndBuf, 0, 1 << 20).unwrap());
        for _ in 0..QUEUED {
            c.send(&[0u8; 1000], &data(0, 0, 0), None).unwrap();
        }
        let ttl = sctpx::DefaultPrInfo { assoc_id: 0, policy: PR_TTL, value: 1 };
        c.set_default_pr_info(&ttl).unwrap();
        assert_eq!(c.default_pr_info(0).unwrap(), ttl);
        c.send_default(b"late", None).unwrap();
        thread::sleep(Duration::from_millis(50));
        read_pieces(&s, QUEUED);
        eventually(1, || c.pr_assoc_status(0, PR_TTL).unwrap().abandoned_unsent);
    });
}
