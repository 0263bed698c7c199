//! The userspace backend (usrsctp, SCTP over UDP) on the host: every option,
//! notification kind and call the kernel backend has, through the same
//! `Socket` API, or `Error::NotSupported` where usrsctp has no counterpart.
//!
//! Runs on the host, not in the test VM: usrsctp run as root opens raw SCTP
//! sockets there, next to the kernel's. One usrsctp stack serves the whole
//! test process (on a free UDP port, talking to itself); each test uses its
//! own SCTP ports on 127.0.0.1.

use std::net::SocketAddr;
use std::sync::Once;
use std::time::{Duration, Instant};

use sctpx::*;

const WAIT: Timeout = Timeout::Millis(5_000);

/// Starts every socket of the process on the userspace backend, its stack on
/// a free UDP port (not 9899: two test runs, or a userspace program beside
/// them, must not share one), sending to that same port.
fn setup() {
    static ONCE: Once = Once::new();
    ONCE.call_once(|| {
        set_default_backend(Some(Backend::Userspace));
        let port = std::net::UdpSocket::bind("0.0.0.0:0").unwrap().local_addr().unwrap().port();
        set_udp_port(port).unwrap();
        set_udp_remote_port(port).unwrap();
    });
}

fn addr(port: u16) -> SocketAddr {
    SocketAddr::from(([127, 0, 0, 1], port))
}

fn tcp() -> Socket {
    setup();
    let s = Socket::open_tcp(Family::Ipv4).unwrap();
    assert_eq!(s.backend(), Backend::Userspace);
    s
}

fn udp() -> Socket {
    setup();
    let s = Socket::open_udp(Family::Ipv4).unwrap();
    assert_eq!(s.backend(), Backend::Userspace);
    s
}

fn listening_tcp(port: u16) -> Socket {
    let l = tcp();
    l.bind(&addr(port)).unwrap();
    l.listen(128).unwrap();
    l
}

fn listening_udp(port: u16) -> Socket {
    let l = udp();
    l.bind(&addr(port)).unwrap();
    l.listen(128).unwrap();
    l
}

/// A connected one-to-one pair on `port`: (client, server side). `before`
/// runs on the client before it connects (subscriptions, options).
fn pair_with(port: u16, before: impl FnOnce(&Socket)) -> (Socket, Socket) {
    let l = listening_tcp(port);
    let c = tcp();
    before(&c);
    c.connect(&addr(port)).unwrap();
    let (s, _) = l.accept().unwrap();
    (c, s)
}

fn pair(port: u16) -> (Socket, Socket) {
    pair_with(port, |_| {})
}

fn not_supported<T: std::fmt::Debug>(r: Result<T>) {
    assert!(matches!(r, Err(Error::NotSupported(_))), "expected NotSupported, got {r:?}");
}

/// The next event that is not data, skipping data; panics after WAIT.
fn next_notification(s: &Socket) -> (Received, Vec<u8>) {
    let mut buf = vec![0u8; 65536];
    loop {
        let r = s.next_event(&mut buf, WAIT).unwrap();
        if !matches!(r.event, Event::Data(_)) {
            return (r, buf[..r.len].to_vec());
        }
    }
}

/// Waits for a notification matching `want`, skipping others and data.
fn wait_for(s: &Socket, want: impl Fn(&Event) -> bool) -> (Received, Vec<u8>) {
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        assert!(Instant::now() < end, "the notification did not come");
        let (r, bytes) = next_notification(s);
        if want(&r.event) {
            return (r, bytes);
        }
    }
}

fn recv_data(s: &Socket) -> (DataInfo, Vec<u8>) {
    let mut buf = vec![0u8; 65536];
    loop {
        let r = s.next_event(&mut buf, WAIT).unwrap();
        if let Event::Data(d) = r.event {
            return (d, buf[..r.len].to_vec());
        }
    }
}

// ---- integer options ----

fn set_then_get(s: &Socket, opt: IntOption, value: i64) -> i64 {
    s.set_option(opt, 0, value).unwrap();
    s.option(opt, 0).unwrap()
}

#[test]
fn flag_options_read_back_what_was_set() {
    let s = udp();
    for opt in [IntOption::NoDelay, IntOption::DisableFragments, IntOption::NonBlock, IntOption::RecvFrom] {
        assert_eq!(set_then_get(&s, opt, 1), 1, "{opt:?} on");
        assert_eq!(set_then_get(&s, opt, 0), 0, "{opt:?} off");
    }
}

#[test]
fn mapped_v4_reads_back_on_an_ipv6_socket() {
    setup();
    let s = Socket::open_tcp(Family::Ipv6).unwrap();
    assert_eq!(set_then_get(&s, IntOption::MappedV4, 1), 1);
    assert_eq!(set_then_get(&s, IntOption::MappedV4, 0), 0);
}

#[test]
fn reuse_port_reads_back_off_then_on_on_an_unbound_one_to_one_socket() {
    let s = tcp();
    assert_eq!(set_then_get(&s, IntOption::ReusePort, 0), 0);
    assert_eq!(set_then_get(&s, IntOption::ReusePort, 1), 1);
}

#[test]
fn reuse_port_cannot_be_turned_off_once_on() {
    // usrsctp turns SCTP_REUSE_PORT on whatever the value.
    let s = tcp();
    s.set_option(IntOption::ReusePort, 0, 1).unwrap();
    not_supported(s.set_option(IntOption::ReusePort, 0, 0));
    assert_eq!(s.option(IntOption::ReusePort, 0).unwrap(), 1);
}

#[test]
fn integer_options_read_back_what_was_set() {
    let s = udp();
    assert_eq!(set_then_get(&s, IntOption::AutoClose, 30), 30);
    assert_eq!(set_then_get(&s, IntOption::FragmentInterleave, 1), 1);
    assert_eq!(set_then_get(&s, IntOption::PartialDeliveryPoint, 8192), 8192);
    assert_eq!(set_then_get(&s, IntOption::MaxSeg, 1200), 1200);
    assert_eq!(set_then_get(&s, IntOption::MaxBurst, 6), 6);
    assert_eq!(set_then_get(&s, IntOption::Context, 99), 99);
    assert_eq!(set_then_get(&s, IntOption::AdaptationLayer, 0xCAFE), 0xCAFE);
    assert_eq!(set_then_get(&s, IntOption::EnableStreamReset, 3), 3);
    assert_eq!(set_then_get(&s, IntOption::ReconfigSupported, 1), 1);
    assert_eq!(set_then_get(&s, IntOption::PrSupported, 0), 0);
}

#[test]
fn autoclose_is_refused_on_one_to_one_sockets_as_on_linux() {
    assert!(matches!(tcp().set_option(IntOption::AutoClose, 0, 5), Err(Error::Os(libc::EOPNOTSUPP))));
}

#[test]
fn autoclose_ends_an_idle_association() {
    let l = listening_udp(40202);
    l.set_option(IntOption::AutoClose, 0, 1).unwrap();
    let c = tcp();
    c.connect(&addr(40202)).unwrap();
    let t = Instant::now();
    while l.option(IntOption::AssocNumber, 0).unwrap() == 0 {
        assert!(t.elapsed() < Duration::from_secs(5));
        std::thread::sleep(Duration::from_millis(20));
    }
    while l.option(IntOption::AssocNumber, 0).unwrap() != 0 {
        assert!(t.elapsed() < Duration::from_secs(10), "still open after 10 s");
        std::thread::sleep(Duration::from_millis(50));
    }
    assert!(t.elapsed() >= Duration::from_millis(900), "closed after {:?}", t.elapsed());
}

#[test]
fn socket_buffers_read_back_at_least_what_was_set() {
    let s = udp();
    assert!(set_then_get(&s, IntOption::SndBuf, 200_000) >= 200_000);
    assert!(set_then_get(&s, IntOption::RcvBuf, 200_000) >= 200_000);
}

#[test]
fn linger_is_minus_one_when_off_and_seconds_when_on() {
    let s = tcp();
    assert_eq!(s.option(IntOption::Linger, 0).unwrap(), -1);
    assert_eq!(set_then_get(&s, IntOption::Linger, 7), 7);
    assert_eq!(set_then_get(&s, IntOption::Linger, -1), -1);
}

#[test]
fn pending_error_is_zero_on_a_fresh_socket() {
    assert_eq!(tcp().option(IntOption::PendingError, 0).unwrap(), 0);
}

#[test]
fn what_usrsctp_lacks_is_not_supported() {
    let s = tcp();
    not_supported(s.option(IntOption::ReuseAddr, 0));
    not_supported(s.set_option(IntOption::ReuseAddr, 0, 1));
    setup();
    let s6 = Socket::open_tcp(Family::Ipv6).unwrap();
    not_supported(s6.option(IntOption::V6Only, 0));
    not_supported(s6.set_option(IntOption::V6Only, 0, 1));
}

#[test]
fn assoc_number_counts_the_associations() {
    let l = listening_udp(40101);
    assert_eq!(l.option(IntOption::AssocNumber, 0).unwrap(), 0);
    let c = tcp();
    c.connect(&addr(40101)).unwrap();
    let end = Instant::now() + Duration::from_secs(5);
    while l.option(IntOption::AssocNumber, 0).unwrap() != 1 {
        assert!(Instant::now() < end);
        std::thread::sleep(Duration::from_millis(20));
    }
}

// ---- typed options ----

#[test]
fn rtoinfo_reads_back_what_was_set() {
    let s = tcp();
    s.set_rtoinfo(&RtoInfo { assoc_id: 0, initial: 700, max: 9000, min: 300 }).unwrap();
    let r = s.rtoinfo(0).unwrap();
    assert_eq!((r.initial, r.max, r.min), (700, 9000, 300));
}

#[test]
fn assocparams_read_back_in_linux_field_order() {
    let s = tcp();
    s.set_assocparams(&AssocParams { max_retrans: 7, cookie_life: 45_000, ..Default::default() }).unwrap();
    let p = s.assocparams(0).unwrap();
    assert_eq!((p.max_retrans, p.cookie_life), (7, 45_000));
    assert!(p.local_rwnd > 0, "{p:?}");
}

#[test]
fn assocparams_of_an_association_report_its_peer() {
    let (c, _s) = pair(40102);
    let p = c.assocparams(0).unwrap();
    assert_eq!(p.peer_destinations, 1, "{p:?}");
    assert!(p.peer_rwnd > 0, "{p:?}");
}

#[test]
fn initmsg_reads_back_what_was_set() {
    let s = tcp();
    let m = InitMsg { num_ostreams: 17, max_instreams: 19, max_attempts: 3, max_init_timeo: 2000 };
    s.set_initmsg(&m).unwrap();
    assert_eq!(s.initmsg().unwrap(), m);
}

#[test]
fn initmsg_streams_are_what_the_association_gets() {
    let (c, _s) = pair_with(40103, |c| {
        c.set_initmsg(&InitMsg { num_ostreams: 5, max_instreams: 6, ..Default::default() }).unwrap();
    });
    let st = c.status(0).unwrap();
    assert_eq!(st.outbound_streams, 5);
}

#[test]
fn delayed_sack_reads_back_what_was_set() {
    let s = udp();
    s.set_delayed_sack(&SackInfo { assoc_id: 0, delay: 120, freq: 3 }).unwrap();
    let v = s.delayed_sack(0).unwrap();
    assert_eq!((v.delay, v.freq), (120, 3));
}

#[test]
fn peer_addr_params_read_back_in_linux_field_order() {
    let (c, _s) = pair(40104);
    let p = PeerAddrParams {
        assoc_id: 0,
        address: Some(addr(40104)),
        hbinterval: 4321,
        pathmaxrxt: 9,
        flags: sys::SPP_HB_ENABLE,
        ..Default::default()
    };
    c.set_peer_addr_params(&p).unwrap();
    let got = c.peer_addr_params(0, Some(addr(40104))).unwrap();
    assert_eq!((got.hbinterval, got.pathmaxrxt), (4321, 9), "{got:?}");
    assert_eq!(got.address, Some(addr(40104)));
    assert!(got.flags & sys::SPP_HB_ENABLE != 0, "{got:?}");
    assert!(got.pathmtu > 0, "{got:?}");
}

#[test]
fn peer_addr_params_sack_delay_goes_to_the_association() {
    let (c, _s) = pair(40105);
    let p = PeerAddrParams { hbinterval: 0, sackdelay: 150, flags: sys::SPP_SACKDELAY_ENABLE, ..Default::default() };
    c.set_peer_addr_params(&p).unwrap();
    let got = c.peer_addr_params(0, None).unwrap();
    assert_eq!(got.sackdelay, 150);
    assert!(got.flags & sys::SPP_SACKDELAY_ENABLE != 0);
    assert_eq!(c.delayed_sack(0).unwrap().delay, 150);
}

#[test]
fn default_send_info_reads_back_with_linux_flags() {
    let s = udp();
    let i = SendInfo { stream: 2, flags: SEND_UNORDERED, ppid: 77, context: 5, ..Default::default() };
    s.set_default_send_info(&i).unwrap();
    let got = s.default_send_info(0).unwrap();
    assert_eq!((got.stream, got.flags, got.ppid, got.context), (2, SEND_UNORDERED, 77, 5));
}

#[test]
fn default_send_info_applies_to_sends_that_give_none() {
    let (c, s) = pair(40106);
    c.set_default_send_info(&SendInfo { stream: 3, flags: SEND_UNORDERED, ppid: 88, ..Default::default() }).unwrap();
    c.send_default(b"defaults", None).unwrap();
    let (d, bytes) = recv_data(&s);
    assert_eq!(bytes, b"defaults");
    assert_eq!((d.stream, d.ppid, d.unordered), (3, 88, true));
}

#[test]
fn status_reports_an_established_association_and_its_primary_path() {
    let (c, _s) = pair(40107);
    let st = c.status(0).unwrap();
    assert_eq!(st.state, sys::SCTP_ESTABLISHED);
    assert_eq!(st.primary.address, Some(addr(40107)));
    assert_eq!(st.primary.state, sys::SCTP_ACTIVE);
    assert!(st.primary.mtu > 0 && st.primary.cwnd > 0 && st.primary.rto > 0, "{st:?}");
}

#[test]
fn peer_addr_info_reports_the_peer_address() {
    let (c, _s) = pair(40108);
    let p = c.peer_addr_info(0, &addr(40108)).unwrap();
    assert_eq!(p.address, Some(addr(40108)));
    assert_eq!(p.state, sys::SCTP_ACTIVE);
}

#[test]
fn primary_is_the_peer_address_and_set_primary_accepts_it() {
    let (c, _s) = pair(40109);
    assert_eq!(c.primary(0).unwrap(), Some(addr(40109)));
    c.set_primary(0, &addr(40109)).unwrap();
    assert_eq!(c.primary(0).unwrap(), Some(addr(40109)));
}

#[test]
fn set_primary_refuses_an_address_the_peer_does_not_have() {
    let (c, _s) = pair(40110);
    let other = SocketAddr::from(([127, 0, 0, 9], 40110));
    assert!(matches!(c.set_primary(0, &other), Err(Error::Os(libc::EINVAL))));
}

#[test]
fn set_peer_primary_reaches_usrsctp() {
    let (c, _s) = pair(40111);
    // usrsctp takes the request (its layout translated): a local address
    // the association does not have is refused by usrsctp itself, not as
    // unsupported.
    let r = c.set_peer_primary(0, &SocketAddr::from(([10, 9, 9, 9], 40111)));
    assert!(matches!(r, Err(Error::Os(_))), "{r:?}");
}

#[test]
fn assoc_stats_are_not_supported() {
    let (c, _s) = pair(40112);
    not_supported(c.assoc_stats(0));
}

#[test]
fn assoc_ids_list_a_hundred_associations() {
    let l = listening_udp(40113);
    let clients: Vec<Socket> = (0..100)
        .map(|_| {
            let c = tcp();
            c.connect(&addr(40113)).unwrap();
            c
        })
        .collect();
    let end = Instant::now() + Duration::from_secs(10);
    while l.option(IntOption::AssocNumber, 0).unwrap() < 100 {
        assert!(Instant::now() < end, "only {} associations", l.option(IntOption::AssocNumber, 0).unwrap());
        std::thread::sleep(Duration::from_millis(20));
    }
    let mut ids = [0; 200];
    assert_eq!(l.assoc_ids(&mut ids).unwrap(), 100);
    let mut sorted = ids[..100].to_vec();
    sorted.sort();
    sorted.dedup();
    assert_eq!(sorted.len(), 100);
    assert!(sorted.iter().all(|&id| id > 2), "ids are not the reserved 0..2");
    // Each id answers SCTP_STATUS.
    for &id in &ids[..100] {
        assert_eq!(l.status(id).unwrap().state, sys::SCTP_ESTABLISHED);
    }
    drop(clients);
}

// ---- notifications ----

#[test]
fn comm_up_reports_streams_and_usrsctp_features() {
    let (c, _s) = pair_with(40120, |c| c.subscribe(EventKind::AssocChange, true).unwrap());
    let (r, _) = wait_for(&c, |e| matches!(e, Event::AssocChange(_)));
    let Event::AssocChange(a) = r.event else { unreachable!() };
    assert_eq!(a.state, COMM_UP);
    assert!(a.outbound_streams > 0 && a.inbound_streams > 0);
    // usrsctp offers PR-SCTP, RE-CONFIG (and always multi-buffer) by default.
    assert_eq!(
        a.features & (FEATURE_PR | FEATURE_RECONFIG | FEATURE_MULTIBUF),
        FEATURE_PR | FEATURE_RECONFIG | FEATURE_MULTIBUF
    );
}

#[test]
fn comm_up_features_lack_pr_when_it_is_off() {
    let (c, _s) = pair_with(40121, |c| {
        c.subscribe(EventKind::AssocChange, true).unwrap();
        c.set_option(IntOption::PrSupported, 0, 0).unwrap();
    });
    let (r, _) = wait_for(&c, |e| matches!(e, Event::AssocChange(_)));
    let Event::AssocChange(a) = r.event else { unreachable!() };
    assert_eq!(a.features & FEATURE_PR, 0, "{a:?}");
}

#[test]
fn abort_gives_the_peer_comm_lost_with_the_abort_cause() {
    let l = listening_udp(40122);
    l.subscribe(EventKind::AssocChange, true).unwrap();
    let c = tcp();
    c.connect(&addr(40122)).unwrap();
    let (up, _) = wait_for(&l, |e| matches!(e, Event::AssocChange(a) if a.state == COMM_UP));
    l.abort(up.assoc_id).unwrap();
    let mut buf = [0u8; 256];
    let err = loop {
        match c.next_event(&mut buf, WAIT) {
            Ok(_) => continue,
            Err(e) => break e,
        }
    };
    assert!(matches!(err, Error::Os(libc::ECONNRESET)), "{err:?}");
}

#[test]
fn one_to_many_abort_reports_comm_lost_with_cause_bytes() {
    let l = listening_udp(40123);
    let c = udp();
    c.subscribe(EventKind::AssocChange, true).unwrap();
    c.send(b"hi", &SendInfo::default(), Some(&addr(40123))).unwrap();
    let (up, _) = wait_for(&c, |e| matches!(e, Event::AssocChange(a) if a.state == COMM_UP));
    // The server side aborts: the client sees COMM_LOST, with the ABORT's
    // error causes (no chunk header) as bytes.
    let (d, _) = recv_data(&l);
    let _ = d;
    let ids = {
        let mut ids = [0; 4];
        let n = l.assoc_ids(&mut ids).unwrap();
        ids[..n].to_vec()
    };
    l.abort(ids[0]).unwrap();
    let (r, bytes) = wait_for(&c, |e| matches!(e, Event::AssocChange(a) if a.state == COMM_LOST));
    assert_eq!(r.assoc_id, up.assoc_id);
    // Cause 12, User-Initiated Abort, as a TLV (code, length) first.
    assert!(bytes.len() >= 4, "{bytes:?}");
    assert_eq!(u16::from_be_bytes([bytes[0], bytes[1]]), 12, "{bytes:?}");
}

#[test]
fn shutdown_event_and_shutdown_comp_arrive() {
    let (c, s) = pair_with(40124, |c| c.subscribe(EventKind::AssocChange, true).unwrap());
    s.subscribe(EventKind::Shutdown, true).unwrap();
    c.shutdown(0).unwrap();
    let (r, _) = wait_for(&s, |e| matches!(e, Event::Shutdown));
    assert_eq!(r.event, Event::Shutdown);
    drop(s);
    wait_for(&c, |e| matches!(e, Event::AssocChange(a) if a.state == SHUTDOWN_COMP));
}

#[test]
fn sender_dry_arrives_once_everything_is_acknowledged() {
    let (c, s) = pair(40125);
    c.subscribe(EventKind::SenderDry, true).unwrap();
    c.send_stream(0, 0, 1, b"x").unwrap();
    recv_data(&s);
    wait_for(&c, |e| matches!(e, Event::SenderDry));
}

#[test]
fn adaptation_indication_carries_the_peers_value() {
    let l = listening_tcp(40126);
    l.set_option(IntOption::AdaptationLayer, 0, 0x1234_5678).unwrap();
    let c = tcp();
    c.subscribe(EventKind::Adaptation, true).unwrap();
    c.connect(&addr(40126)).unwrap();
    let _s = l.accept().unwrap();
    let (r, _) = wait_for(&c, |e| matches!(e, Event::Adaptation(_)));
    assert_eq!(r.event, Event::Adaptation(Adaptation { indication: 0x1234_5678 }));
}

#[test]
fn peer_addr_change_confirms_the_peers_other_addresses() {
    // A server bound to the wildcard lists every address of the host in
    // its INIT-ACK; the client confirms each but the one it connected to
    // by a heartbeat (usrsctp sends them over UDP like everything else).
    let l = tcp();
    l.bind(&SocketAddr::from(([0, 0, 0, 0], 40127))).unwrap();
    l.listen(8).unwrap();
    let c = tcp();
    c.subscribe(EventKind::PeerAddrChange, true).unwrap();
    c.connect(&addr(40127)).unwrap();
    let _s = l.accept().unwrap();
    let peers = c.peer_addrs(0).unwrap();
    assert!(peers.len() >= 2, "needs a host with an address besides loopback: {peers:?}");
    let (r, _) = wait_for(&c, |e| matches!(e, Event::PeerAddrChange(_)));
    let Event::PeerAddrChange(p) = r.event else { unreachable!() };
    assert!(p.addr.is_some_and(|a| a != addr(40127) && peers.contains(&a)), "{p:?} {peers:?}");
    assert_eq!(p.state, ADDR_CONFIRMED, "{p:?}");
}

#[test]
fn send_failed_event_returns_the_unsent_data_with_linux_flags() {
    // Nothing listens on 40128: the INIT is aborted, the queued message fails.
    let c = udp();
    c.subscribe(EventKind::SendFailedEvent, true).unwrap();
    let info = SendInfo { stream: 1, ppid: 42, flags: SEND_UNORDERED, ..Default::default() };
    c.send(b"never delivered", &info, Some(&addr(40128))).unwrap();
    let (r, bytes) = wait_for(&c, |e| matches!(e, Event::SendFailedEvent(_)));
    let Event::SendFailedEvent(f) = r.event else { unreachable!() };
    assert_eq!(f.flags, 0, "SCTP_DATA_UNSENT: {f:?}");
    assert_eq!((f.info.stream, f.info.ppid), (1, 42));
    // The DATA chunk's flags, as Linux gives them: a whole message (B|E).
    assert_eq!(f.info.flags & 3, 3, "{f:?}");
    assert_eq!(bytes, b"never delivered");
}

#[test]
fn old_send_failed_returns_the_unsent_data_in_linux_layout() {
    let c = udp();
    c.subscribe(EventKind::SendFailed, true).unwrap();
    let info = SendInfo { stream: 3, ppid: 43, ..Default::default() };
    c.send(b"old form", &info, Some(&addr(40134))).unwrap();
    let (r, bytes) = wait_for(&c, |e| matches!(e, Event::SendFailed(_)));
    let Event::SendFailed(f) = r.event else { unreachable!() };
    assert_eq!((f.flags, f.info.stream, f.info.ppid), (0, 3, 43), "{f:?}");
    assert_eq!(bytes, b"old form");
    assert!(r.assoc_id > 2, "{r:?}");
}

#[test]
fn cant_str_assoc_is_reported_when_nothing_listens() {
    let c = udp();
    c.subscribe(EventKind::AssocChange, true).unwrap();
    c.send(b"x", &SendInfo::default(), Some(&addr(40129))).unwrap();
    wait_for(&c, |e| matches!(e, Event::AssocChange(a) if a.state == CANT_STR_ASSOC || a.state == COMM_LOST));
}

fn reconfig_pair(port: u16) -> (Socket, Socket) {
    let l = listening_tcp(port);
    l.set_option(IntOption::EnableStreamReset, 0, 7).unwrap();
    let c = tcp();
    c.set_option(IntOption::EnableStreamReset, 0, 7).unwrap();
    c.connect(&addr(port)).unwrap();
    let (s, _) = l.accept().unwrap();
    (c, s)
}

#[test]
fn reset_streams_gives_a_stream_reset_event_with_the_streams() {
    let (c, s) = reconfig_pair(40130);
    c.subscribe(EventKind::StreamReset, true).unwrap();
    s.subscribe(EventKind::StreamReset, true).unwrap();
    c.reset_streams(0, sys::SCTP_STREAM_RESET_OUTGOING, &[1, 2]).unwrap();
    let (r, bytes) = wait_for(&s, |e| matches!(e, Event::StreamReset(_)));
    let Event::StreamReset(ev) = r.event else { unreachable!() };
    assert!(ev.flags & sys::SCTP_STREAM_RESET_INCOMING_SSN != 0, "{ev:?}");
    let streams: Vec<u16> = bytes.chunks(2).map(|b| u16::from_ne_bytes([b[0], b[1]])).collect();
    assert_eq!(streams, [1, 2]);
}

#[test]
fn add_streams_gives_a_stream_change_event() {
    let (c, s) = reconfig_pair(40131);
    c.subscribe(EventKind::StreamChange, true).unwrap();
    let before = c.status(0).unwrap().outbound_streams;
    c.add_streams(0, 0, 3).unwrap();
    let (r, _) = wait_for(&c, |e| matches!(e, Event::StreamChange(_)));
    let Event::StreamChange(ev) = r.event else { unreachable!() };
    assert_eq!(ev.outbound_streams, before + 3, "{ev:?}");
    drop(s);
}

#[test]
fn reset_assoc_gives_an_assoc_reset_event() {
    let (c, s) = reconfig_pair(40132);
    c.subscribe(EventKind::AssocReset, true).unwrap();
    c.reset_assoc(0).unwrap();
    let (r, _) = wait_for(&c, |e| matches!(e, Event::AssocReset(_)));
    let Event::AssocReset(ev) = r.event else { unreachable!() };
    assert_eq!(ev.flags & 0xc, 0, "neither denied nor failed: {ev:?}");
    drop(s);
}

#[test]
fn a_notification_cut_to_a_small_buffer_is_still_decoded() {
    let (c, _s) = pair_with(40133, |c| c.subscribe(EventKind::AssocChange, true).unwrap());
    let mut buf = [0u8; 4];
    let r = c.next_event(&mut buf, WAIT).unwrap();
    let Event::AssocChange(a) = r.event else { panic!("{r:?}") };
    assert_eq!(a.state, COMM_UP);
}

// ---- data ----

#[test]
fn unordered_messages_arrive_flagged_unordered() {
    let (c, s) = pair(40140);
    c.send(b"u", &SendInfo { flags: SEND_UNORDERED, ..Default::default() }, None).unwrap();
    c.send(b"o", &SendInfo::default(), None).unwrap();
    let (d1, b1) = recv_data(&s);
    let (d2, b2) = recv_data(&s);
    let by: std::collections::HashMap<Vec<u8>, bool> = [(b1, d1.unordered), (b2, d2.unordered)].into();
    assert!(by[&b"u".to_vec()]);
    assert!(!by[&b"o".to_vec()]);
}

#[test]
fn a_receive_describes_the_message_queued_behind_it_with_recv_next_info_on() {
    let (c, s) = pair(40203);
    s.set_option(IntOption::RecvNextInfo, 0, 1).unwrap();
    c.send(b"first", &SendInfo { stream: 1, ppid: 7, ..Default::default() }, None).unwrap();
    let second = SendInfo { stream: 5, ppid: 0x0102_0304, flags: SEND_UNORDERED, ..Default::default() };
    c.send(b"second message", &second, None).unwrap();
    // Only what is already queued is reported: give the second time to arrive.
    std::thread::sleep(Duration::from_millis(300));
    let mut buf = [0u8; 64];
    let r = s.next_event(&mut buf, WAIT).unwrap();
    assert_eq!(&buf[..r.len], b"first");
    // usrsctp, unlike Linux, says that the whole next message is there.
    let next = NextInfo {
        stream: 5,
        ppid: 0x0102_0304,
        len: 14,
        assoc_id: r.assoc_id,
        unordered: true,
        complete: true,
        notification: false,
    };
    assert_eq!(r.next, Some(next));
    let r = s.next_event(&mut buf, WAIT).unwrap();
    assert_eq!(&buf[..r.len], b"second message");
    assert_eq!(r.next, None);
}

#[test]
fn stream_ppid_and_source_address_travel() {
    let (c, s) = pair(40141);
    c.send_stream(0, 4, 0xABCD, b"payload").unwrap();
    let (d, bytes) = recv_data(&s);
    assert_eq!(bytes, b"payload");
    assert_eq!((d.stream, d.ppid), (4, 0xABCD));
    assert_eq!(d.from.map(|a| a.ip()), Some(addr(0).ip()));
}

#[test]
fn pr_ttl_and_rtx_messages_are_delivered_when_the_path_is_good() {
    let (c, s) = pair(40142);
    c.send(b"ttl", &SendInfo { pr_policy: PR_TTL, pr_value: 5000, ..Default::default() }, None).unwrap();
    c.send(b"rtx", &SendInfo { pr_policy: PR_RTX, pr_value: 3, ..Default::default() }, None).unwrap();
    assert_eq!(recv_data(&s).1, b"ttl");
    assert_eq!(recv_data(&s).1, b"rtx");
}

#[test]
fn pr_prio_is_not_supported() {
    let (c, _s) = pair(40144);
    not_supported(c.send(b"p", &SendInfo { pr_policy: PR_PRIO, pr_value: 1, ..Default::default() }, None));
}

#[test]
fn sendall_reaches_every_association() {
    let l = listening_udp(40145);
    let a = tcp();
    let b = tcp();
    a.connect(&addr(40145)).unwrap();
    b.connect(&addr(40145)).unwrap();
    let end = Instant::now() + Duration::from_secs(5);
    while l.option(IntOption::AssocNumber, 0).unwrap() < 2 {
        assert!(Instant::now() < end);
        std::thread::sleep(Duration::from_millis(20));
    }
    l.send(b"all", &SendInfo { flags: SEND_SENDALL, ..Default::default() }, None).unwrap();
    assert_eq!(recv_data(&a).1, b"all");
    assert_eq!(recv_data(&b).1, b"all");
}

#[test]
fn sack_immediately_is_accepted_on_a_send() {
    let (c, s) = pair(40146);
    c.send(b"now", &SendInfo { flags: SEND_SACK_IMMEDIATELY, ..Default::default() }, None).unwrap();
    assert_eq!(recv_data(&s).1, b"now");
}

#[test]
fn eof_flag_sends_the_message_then_shuts_the_association_down() {
    let l = listening_udp(40147);
    l.subscribe(EventKind::Shutdown, true).unwrap();
    let c = udp();
    c.send(b"first", &SendInfo::default(), Some(&addr(40147))).unwrap();
    assert_eq!(recv_data(&l).1, b"first");
    c.send(b"last", &SendInfo { flags: SEND_EOF, ..Default::default() }, Some(&addr(40147))).unwrap();
    assert_eq!(recv_data(&l).1, b"last");
    wait_for(&l, |e| matches!(e, Event::Shutdown));
}

#[test]
fn abort_flag_ends_the_association_at_once() {
    let l = listening_udp(40148);
    l.subscribe(EventKind::AssocChange, true).unwrap();
    let c = udp();
    c.send(b"x", &SendInfo::default(), Some(&addr(40148))).unwrap();
    let (up, _) = wait_for(&l, |e| matches!(e, Event::AssocChange(a) if a.state == COMM_UP));
    l.abort(up.assoc_id).unwrap();
    let (lost, _) = wait_for(&l, |e| matches!(e, Event::AssocChange(a) if a.state == COMM_LOST));
    assert_eq!(lost.assoc_id, up.assoc_id);
}

#[test]
fn batch_send_and_receive_move_many_messages() {
    let (c, s) = pair(40149);
    let payloads: Vec<Vec<u8>> = (0..10u8).map(|i| vec![i; 10 + i as usize]).collect();
    let msgs: Vec<SendMsg> = payloads
        .iter()
        .map(|p| SendMsg { data: p, info: SendInfo { stream: 1, ppid: 9, ..Default::default() }, to: None })
        .collect();
    assert_eq!(c.send_batch(&msgs).unwrap(), 10);
    let mut got = Vec::new();
    let stride = 256;
    let mut buf = vec![0u8; stride * 16];
    let mut out = [Received::default(); 16];
    while got.len() < 10 {
        let n = s.recv_batch(&mut buf, stride, &mut out, WAIT).unwrap();
        for (k, r) in out[..n].iter().enumerate() {
            if let Event::Data(d) = r.event {
                assert_eq!((d.stream, d.ppid), (1, 9));
                got.push(buf[k * stride..k * stride + r.len].to_vec());
            }
        }
    }
    assert_eq!(got, payloads);
}

#[test]
fn a_receive_with_a_timeout_times_out() {
    let (_c, s) = pair(40150);
    let mut buf = [0u8; 64];
    let t = Instant::now();
    assert!(matches!(s.next_event(&mut buf, Timeout::Millis(200)), Err(Error::TimedOut)));
    assert!(t.elapsed() >= Duration::from_millis(190));
}

#[test]
fn a_poll_receive_says_eagain_when_nothing_is_queued() {
    let (_c, s) = pair(40151);
    let mut buf = [0u8; 64];
    assert!(matches!(s.next_event(&mut buf, Timeout::Poll), Err(Error::Os(libc::EAGAIN))));
}

#[test]
fn peer_close_is_eof_after_the_data() {
    let (c, s) = pair(40152);
    c.send_stream(0, 0, 0, b"bye").unwrap();
    drop(c);
    assert_eq!(recv_data(&s).1, b"bye");
    let mut buf = [0u8; 64];
    let end = loop {
        match s.next_event(&mut buf, WAIT) {
            Ok(_) => continue,
            Err(e) => break e,
        }
    };
    assert!(matches!(end, Error::Eof), "{end:?}");
}

// ---- calls ----

#[test]
fn peeloff_gives_a_one_to_one_socket_for_the_association() {
    let l = listening_udp(40160);
    let c = tcp();
    c.connect(&addr(40160)).unwrap();
    c.send_stream(0, 0, 0, b"to peel").unwrap();
    let mut buf = [0u8; 256];
    let r = l.next_event(&mut buf, WAIT).unwrap();
    let peeled = l.peeloff(r.assoc_id, PeelOffFlags::default()).unwrap();
    assert_eq!(peeled.kind(), Kind::OneToOne);
    c.send_stream(0, 0, 0, b"after").unwrap();
    assert_eq!(recv_data(&peeled).1, b"after");
    peeled.send_stream(0, 0, 0, b"back").unwrap();
    assert_eq!(recv_data(&c).1, b"back");
}

#[test]
fn bindx_and_connectx_set_up_an_association() {
    let l = udp();
    l.bindx(&[addr(40161)], BindxOp::Add).unwrap();
    l.listen(8).unwrap();
    assert_eq!(l.local_addrs(0).unwrap().iter().map(|a| a.port()).collect::<Vec<_>>()[0], 40161);
    let c = udp();
    let id = c.connectx(&[addr(40161)]).unwrap();
    c.send(b"cx", &SendInfo { assoc_id: id, ..Default::default() }, None).unwrap();
    assert_eq!(recv_data(&l).1, b"cx");
    assert_eq!(c.peer_addrs(id).unwrap(), vec![addr(40161)]);
}

#[test]
fn nonblocking_connect_completes_and_connect_result_says_so() {
    let _l = listening_tcp(40162);
    let c = tcp();
    c.set_nonblocking(true).unwrap();
    match c.connect(&addr(40162)) {
        Err(Error::Os(libc::EINPROGRESS)) | Ok(()) => {}
        r => panic!("{r:?}"),
    }
    let end = Instant::now() + Duration::from_secs(5);
    while !c.connect_result(0).unwrap() {
        assert!(Instant::now() < end);
        std::thread::sleep(Duration::from_millis(10));
    }
    assert_eq!(c.status(0).unwrap().state, sys::SCTP_ESTABLISHED);
}

#[test]
fn nonblocking_connect_to_nothing_fails_in_connect_result() {
    let c = tcp();
    c.set_nonblocking(true).unwrap();
    match c.connect(&addr(40163)) {
        // The ABORT can come back before connect returns: it says so then.
        Err(Error::Os(libc::ECONNREFUSED)) => return,
        Err(Error::Os(libc::EINPROGRESS)) => {}
        r => panic!("{r:?}"),
    }
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        match c.connect_result(0) {
            Ok(false) => {}
            Err(Error::Os(e)) => {
                assert!(e == libc::ECONNREFUSED || e == libc::ECONNRESET || e == libc::ETIMEDOUT, "{e}");
                break;
            }
            r => panic!("{r:?}"),
        }
        assert!(Instant::now() < end);
        std::thread::sleep(Duration::from_millis(10));
    }
}

#[test]
fn partial_delivery_aborted_when_the_sender_aborts_mid_message() {
    // The server reads the start of a large message through partial
    // delivery; the client aborts before the rest arrives.
    let l = listening_tcp(40170);
    l.set_option(IntOption::PartialDeliveryPoint, 0, 4096).unwrap();
    let c = tcp();
    c.set_option(IntOption::SndBuf, 0, 4 << 20).unwrap();
    c.connect(&addr(40170)).unwrap();
    let (s, _) = l.accept().unwrap();
    s.subscribe(EventKind::PartialDelivery, true).unwrap();
    let big = vec![5u8; 2 << 20];
    let sender = std::thread::spawn(move || {
        c.send_stream(0, 2, 0, &big).unwrap();
        c
    });
    let mut buf = vec![0u8; 8192];
    let first = s.next_event(&mut buf, WAIT).unwrap();
    assert!(matches!(first.event, Event::Data(_)) && !first.complete, "{first:?}");
    let c = sender.join().unwrap();
    c.abort_and_close().unwrap();
    let end = Instant::now() + Duration::from_secs(10);
    loop {
        assert!(Instant::now() < end, "no partial delivery event");
        match s.next_event(&mut buf, WAIT) {
            Ok(Received { event: Event::PartialDelivery(p), .. }) => {
                assert_eq!(p.indication, sys::SCTP_PARTIAL_DELIVERY_ABORTED);
                assert_eq!(p.stream, 2);
                break;
            }
            Ok(_) => {}
            Err(e) => panic!("{e:?}"),
        }
    }
}

#[test]
fn ipv6_association_carries_data_and_reports_its_peer() {
    setup();
    let v6 = |port: u16| SocketAddr::from((std::net::Ipv6Addr::LOCALHOST, port));
    let l = Socket::open_tcp(Family::Ipv6).unwrap();
    l.bind(&v6(40180)).unwrap();
    l.listen(8).unwrap();
    let c = Socket::open_tcp(Family::Ipv6).unwrap();
    c.connect(&v6(40180)).unwrap();
    let (s, _) = l.accept().unwrap();
    c.send_stream(0, 1, 7, b"six").unwrap();
    assert_eq!(recv_data(&s).1, b"six");
    assert_eq!(c.status(0).unwrap().primary.address, Some(v6(40180)));
    assert_eq!(c.peer_addr_params(0, Some(v6(40180))).unwrap().address, Some(v6(40180)));
}

#[test]
fn sender_dry_subscribed_on_a_one_to_many_socket_reaches_its_current_associations() {
    // usrsctp itself refuses SENDER_DRY for "all associations" of a
    // one-to-many socket; sctpx subscribes the default and each association.
    let _l = listening_udp(40190);
    let c = udp();
    c.subscribe(EventKind::AssocChange, true).unwrap();
    c.send(b"hi", &SendInfo::default(), Some(&addr(40190))).unwrap();
    wait_for(&c, |e| matches!(e, Event::AssocChange(a) if a.state == COMM_UP));
    c.subscribe(EventKind::SenderDry, true).unwrap();
    assert!(c.subscribed(EventKind::SenderDry).unwrap());
    wait_for(&c, |e| matches!(e, Event::SenderDry));
}

#[test]
fn sender_dry_subscribed_on_a_one_to_many_socket_before_any_association_applies_to_new_ones() {
    let _l = listening_udp(40191);
    let c = udp();
    c.subscribe(EventKind::SenderDry, true).unwrap();
    c.send(b"hi", &SendInfo::default(), Some(&addr(40191))).unwrap();
    wait_for(&c, |e| matches!(e, Event::SenderDry));
}

/// usrsctp's own example client (Debian libusrsctp-examples): a peer in
/// another process, on its own UDP port, that can be frozen.
const USRSCTP_CLIENT: &str = "/usr/lib/usrsctp/client";

#[test]
fn a_silent_peer_is_detected_by_heartbeats_within_the_configured_limits() {
    let l = listening_tcp(40195);
    l.subscribe(EventKind::AssocChange, true).unwrap();
    let our_udp = udp_port().unwrap();
    let peer_udp = std::net::UdpSocket::bind("0.0.0.0:0").unwrap().local_addr().unwrap().port();
    // client ADDR PORT LOCAL_SCTP_PORT LOCAL_UDP REMOTE_UDP; it sends stdin's lines.
    let mut peer = std::process::Command::new(USRSCTP_CLIENT)
        .args(["127.0.0.1", "40195", "0", &peer_udp.to_string(), &our_udp.to_string()])
        .stdin(std::process::Stdio::piped())
        .stdout(std::process::Stdio::null())
        .stderr(std::process::Stdio::null())
        .spawn()
        .unwrap_or_else(|e| panic!("{USRSCTP_CLIENT} (package libusrsctp-examples): {e}"));
    let (s, _) = l.accept().unwrap();
    wait_for(&s, |e| matches!(e, Event::AssocChange(a) if a.state == COMM_UP));
    // Heartbeat every 200 ms; each unanswered one retransmitted after an RTO
    // of 100..200 ms; the association fails after 2 retransmissions.
    s.set_rtoinfo(&RtoInfo { assoc_id: 0, initial: 100, max: 200, min: 100 }).unwrap();
    let mut ap = s.assocparams(0).unwrap();
    ap.max_retrans = 2;
    s.set_assocparams(&ap).unwrap();
    let mut pp = s.peer_addr_params(0, None).unwrap();
    pp.hbinterval = 200;
    pp.pathmaxrxt = 2;
    pp.flags = sctpx::sys::SPP_HB_ENABLE;
    s.set_peer_addr_params(&pp).unwrap();
    // SAFETY: stops the child we spawned.
    unsafe { libc::kill(peer.id() as i32, libc::SIGSTOP) };
    let frozen = Instant::now();
    let mut buf = vec![0u8; 4096];
    let lost = loop {
        match s.next_event(&mut buf, Timeout::Millis(10_000)) {
            Ok(r) if matches!(r.event, Event::AssocChange(a) if a.state == COMM_LOST) => break Ok(frozen.elapsed()),
            Ok(_) => continue,
            Err(e) => break Err(e),
        }
    };
    // SAFETY: ends the child we spawned.
    unsafe { libc::kill(peer.id() as i32, libc::SIGKILL) };
    let _ = peer.wait();
    let lost = lost.unwrap();
    // RFC 4960 8.3: a heartbeat every interval + RTO (RTO jittered by up to
    // half of itself; usrsctp also backs it off, capped at max); the
    // association fails after max_retrans + 1 unanswered ones. With the
    // defaults (30 s interval, 60 s max RTO) it would take minutes. Measured
    // here: 3.5-3.8 s (the peer has two addresses: both paths are probed).
    // Bound: (max_retrans + 2) * (interval + 2 * max RTO) + 3 s of slack for
    // a loaded machine = 5.4 s. At least one interval passes first.
    assert!(lost >= Duration::from_millis(200), "lost after only {lost:?}");
    assert!(lost <= Duration::from_millis(4 * (200 + 2 * 200) + 3_000), "lost after {lost:?}");
}
