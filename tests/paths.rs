//! Path-failure thresholds (SCTP_PEER_ADDR_THLDS_V2) and the exposed
//! potentially-failed state, seen on an association over two links of the
//! namespaces of tests/vm/netns when one link is cut: what the thresholds
//! say happens, happens, and within the time they allow.
//!
//! Needs root and iproute2: `make test` runs it in the test VM.

mod common;

use std::net::SocketAddr;
use std::sync::atomic::{AtomicBool, Ordering};
use std::sync::{mpsc, Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use sctpx::{
    BindxOp, Event, EventKind, Family, IntOption, PeerAddrThresholds, RtoInfo, Socket, Timeout,
    ADDR_POTENTIALLY_FAILED, ADDR_UNREACHABLE,
};

const PORT: u16 = 7710;
/// The retransmission timeout's bounds (ms): small, so that emulated time suffices.
const RTO_MIN: u32 = 100;
const RTO_MAX: u32 = 400;
/// So many timeouts that the cut path cannot fail while a test looks at it
/// (100 + 200 + 400 * 18 ms, more than 7 s).
const PATHMAXRXT: u16 = 20;
/// What the emulated VM may add to the thresholds' time (scheduling, the
/// link going down, the event's way to the socket).
const SLACK: Duration = Duration::from_millis(1500);

/// The namespaces are one per VM: one test at a time uses them.
static NETNS: Mutex<()> = Mutex::new(());

fn addr(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

/// The time `timeouts` consecutive retransmission timeouts take at most.
fn timeouts(n: u16) -> Duration {
    Duration::from_millis(u64::from(n) * u64::from(RTO_MAX))
}

/// A message the server got: its number and when.
type Arrival = (u32, Instant);

/// An association from sctpx-a to sctpx-b over both links, primary on link
/// 1, its client configured by `setup` before it connects. The server (in
/// its own thread) reports every message it gets until `stop`.
struct TwoLinks {
    client: Socket,
    arrivals: mpsc::Receiver<Arrival>,
    stop: Arc<AtomicBool>,
    server: Option<thread::JoinHandle<()>>,
    _lock: std::sync::MutexGuard<'static, ()>,
}

impl TwoLinks {
    fn new(setup: impl FnOnce(&Socket)) -> TwoLinks {
        let lock = NETNS.lock().unwrap_or_else(|e| e.into_inner());
        common::netns(&["up"]);
        let (ready_tx, ready_rx) = mpsc::channel();
        let (arrival_tx, arrivals) = mpsc::channel();
        let stop = Arc::new(AtomicBool::new(false));
        let server_stop = stop.clone();
        let server = thread::spawn(move || {
            common::enter_netns("sctpx-b");
            let l = Socket::open_tcp(Family::Ipv4).unwrap();
            l.bindx(&[addr(&format!("10.77.1.2:{PORT}")), addr(&format!("10.77.2.2:{PORT}"))], BindxOp::Add).unwrap();
            l.listen(1).unwrap();
            ready_tx.send(()).unwrap();
            let (s, _) = l.accept().unwrap();
            let mut buf = [0u8; 64];
            while !server_stop.load(Ordering::Relaxed) {
                match s.next_event(&mut buf, Timeout::Millis(100)) {
                    Ok(r) => {
                        if let Event::Data(_) = r.event {
                            let n = u32::from_be_bytes(buf[..4].try_into().unwrap());
                            let _ = arrival_tx.send((n, Instant::now()));
                        }
                    }
                    Err(sctpx::Error::TimedOut) => {}
                    Err(e) => panic!("server: {e}"),
                }
            }
        });
        ready_rx.recv().unwrap();

        common::enter_netns("sctpx-a");
        let c = Socket::open_tcp(Family::Ipv4).unwrap();
        c.bindx(&[addr("10.77.1.1:0")], BindxOp::Add).unwrap();
        let port = c.local_addrs(0).unwrap()[0].port();
        c.bindx(&[addr(&format!("10.77.2.1:{port}"))], BindxOp::Add).unwrap();
        c.set_rtoinfo(&RtoInfo { assoc_id: 0, initial: 200, max: RTO_MAX, min: RTO_MIN }).unwrap();
        // Nor may the association fail by its own count of timeouts (10 by default).
        let mut ap = c.assocparams(0).unwrap();
        ap.max_retrans = 2 * PATHMAXRXT;
        c.set_assocparams(&ap).unwrap();
        c.set_option(IntOption::NoDelay, 0, 1).unwrap();
        c.subscribe(EventKind::PeerAddrChange, true).unwrap();
        setup(&c);
        c.connectx(&[addr(&format!("10.77.1.2:{PORT}")), addr(&format!("10.77.2.2:{PORT}"))]).unwrap();
        c.set_primary(0, &addr(&format!("10.77.1.2:{PORT}"))).unwrap();
        TwoLinks { client: c, arrivals, stop, server: Some(server), _lock: lock }
    }

    /// Sends message `n`.
    fn send(&self, n: u32) {
        self.client.send_stream(0, 0, 1, &n.to_be_bytes()).unwrap();
    }

    /// Cuts link 1, then sends a message every 50 ms and reads the client's
    /// events until `done` says so (given the state changes of 10.77.1.2 so
    /// far, with their times since the cut) or `limit` passes. Returns the
    /// state changes, the cut's time and how many messages were sent.
    fn cut_link_1(
        &self,
        limit: Duration,
        done: impl Fn(&[(u32, Duration)]) -> bool,
    ) -> (Vec<(u32, Duration)>, Instant, u32) {
        // Some traffic on link 1 first, so its RTO is measured.
        for n in 0..5 {
            self.send(n);
        }
        // And the events of the set-up (ADDR_MADE_PRIM) out of the way.
        let mut buf = [0u8; 256];
        while self.client.next_event(&mut buf, Timeout::Millis(200)).is_ok() {}
        common::netns(&["link-down", "1"]);
        let cut = Instant::now();
        let mut states = Vec::new();
        let mut n = 5;
        while cut.elapsed() < limit && !done(&states) {
            self.send(n);
            n += 1;
            match self.client.next_event(&mut buf, Timeout::Millis(50)) {
                Ok(r) => {
                    if let Event::PeerAddrChange(p) = r.event {
                        if p.addr.map(|a| a.ip().to_string()).as_deref() == Some("10.77.1.2") {
                            states.push((p.state, cut.elapsed()));
                        }
                    }
                }
                Err(sctpx::Error::TimedOut) => {}
                Err(e) => panic!("client: {e}"),
            }
        }
        (states, cut, n)
    }
}

impl Drop for TwoLinks {
    fn drop(&mut self) {
        self.stop.store(true, Ordering::Relaxed);
        if let Some(s) = self.server.take() {
            let r = s.join();
            common::netns(&["down"]);
            if !thread::panicking() {
                r.unwrap();
            }
        } else {
            common::netns(&["down"]);
        }
    }
}

fn thresholds(pf_max_retrans: u16, ps_retrans: u16) -> PeerAddrThresholds {
    PeerAddrThresholds { assoc_id: 0, address: None, pathmaxrxt: PATHMAXRXT, pf_max_retrans, ps_retrans }
}

#[test]
fn a_cut_link_is_reported_potentially_failed_within_pf_max_retrans_timeouts_and_new_data_takes_the_other() {
    let pf = 1;
    let t = TwoLinks::new(|c| {
        c.set_peer_addr_thresholds(&thresholds(pf, u16::MAX)).unwrap();
        c.set_option(IntOption::ExposePfState, 0, 2).unwrap();
    });
    let (states, cut, sent) = t.cut_link_1(timeouts(PATHMAXRXT), |s| !s.is_empty());
    let bound = timeouts(pf + 1) + SLACK;
    assert_eq!(states.first().map(|s| s.0), Some(ADDR_POTENTIALLY_FAILED), "the first change of 10.77.1.2: {states:?}");
    assert!(states[0].1 <= bound, "potentially failed after {:?}, more than {bound:?}", states[0].1);
    assert_eq!(
        t.client.peer_addr_info(0, &addr(&format!("10.77.1.2:{PORT}"))).unwrap().state,
        sctpx::sys::SCTP_PF,
        "SCTP_GET_PEER_ADDR_INFO says potentially failed too"
    );
    // A message sent now goes over link 2 at once, though link 1 is still the primary.
    t.send(sent);
    let sent_at = Instant::now();
    let arrived = loop {
        let a = t.arrivals.recv_timeout(Duration::from_secs(10)).expect("the message after the PF state arrives");
        if a.0 == sent {
            break a;
        }
    };
    assert!(arrived.1 - sent_at <= SLACK, "it took {:?}", arrived.1 - sent_at);
    assert!(cut.elapsed() < timeouts(PATHMAXRXT), "all of it before link 1 could have failed");
}

#[test]
fn without_exposure_the_potentially_failed_state_gives_no_event_and_reading_it_is_refused() {
    let t = TwoLinks::new(|c| {
        c.set_peer_addr_thresholds(&thresholds(0, u16::MAX)).unwrap();
        c.set_option(IntOption::ExposePfState, 0, 1).unwrap();
    });
    // Long enough for the PF state (one timeout) many times over, not for failure.
    let (states, _, _) = t.cut_link_1(timeouts(1) + SLACK, |_| false);
    assert!(states.is_empty(), "no change of 10.77.1.2 reported: {states:?}");
    let r = t.client.peer_addr_info(0, &addr(&format!("10.77.1.2:{PORT}")));
    assert!(matches!(r, Err(sctpx::Error::Os(libc::EACCES))), "reading the PF path: {r:?}");
}

#[test]
fn ps_retrans_moves_the_primary_off_a_cut_link_within_its_timeouts() {
    let ps = 2;
    let t = TwoLinks::new(|c| c.set_peer_addr_thresholds(&thresholds(1, ps)).unwrap());
    let primary = || t.client.primary(0).unwrap().map(|a| a.ip().to_string());
    assert_eq!(primary().as_deref(), Some("10.77.1.2"));
    let bound = timeouts(ps + 1) + SLACK;
    let (_, cut, _) = t.cut_link_1(bound, |_| primary().as_deref() == Some("10.77.2.2"));
    assert_eq!(primary().as_deref(), Some("10.77.2.2"), "the primary after {:?}", cut.elapsed());
}

#[test]
fn with_ps_retrans_at_its_default_the_primary_stays_on_a_cut_link() {
    let t = TwoLinks::new(|c| c.set_peer_addr_thresholds(&thresholds(1, u16::MAX)).unwrap());
    let (states, _, _) = t.cut_link_1(timeouts(4) + SLACK, |_| false);
    assert!(!states.iter().any(|s| s.0 == ADDR_UNREACHABLE), "link 1 not failed yet: {states:?}");
    assert_eq!(t.client.primary(0).unwrap().map(|a| a.ip().to_string()).as_deref(), Some("10.77.1.2"));
}

#[test]
fn thresholds_read_back_as_set_per_address() {
    let t = TwoLinks::new(|_| {});
    let a1 = addr(&format!("10.77.1.2:{PORT}"));
    let set = PeerAddrThresholds { assoc_id: 0, address: Some(a1), pathmaxrxt: 7, pf_max_retrans: 3, ps_retrans: 4 };
    t.client.set_peer_addr_thresholds(&set).unwrap();
    let got = t.client.peer_addr_thresholds(0, Some(a1)).unwrap();
    assert_eq!((got.pathmaxrxt, got.pf_max_retrans, got.ps_retrans), (7, 3, 4));
    let other = t.client.peer_addr_thresholds(0, Some(addr(&format!("10.77.2.2:{PORT}")))).unwrap();
    assert_ne!(other.pathmaxrxt, 7, "the other path keeps its own");
}

#[test]
fn pf_max_retrans_above_ps_retrans_is_refused_before_the_kernel() {
    let s = Socket::open_tcp(Family::Ipv4).unwrap();
    let r = s.set_peer_addr_thresholds(&thresholds(3, 2));
    assert!(matches!(r, Err(sctpx::Error::InvalidArgument(_))), "{r:?}");
}
