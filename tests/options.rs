//! Every option set through sctpx, then read back from the kernel.

mod common;
use common::*;

use sctpx::{AssocParams, Family, InitMsg, IntOption, RtoInfo, SackInfo, SendInfo, Socket};

fn one_to_many() -> Socket {
    Socket::open_udp(Family::Ipv4).unwrap()
}

fn set_then_get(s: &Socket, opt: IntOption, value: i64) -> i64 {
    s.set_option(opt, 0, value).unwrap();
    s.option(opt, 0).unwrap()
}

#[test]
fn boolean_options_read_back_what_was_set() {
    let s = Socket::open_tcp(Family::Ipv6).unwrap();
    for opt in [
        IntOption::NoDelay,
        IntOption::DisableFragments,
        IntOption::MappedV4,
        IntOption::ReusePort,
        IntOption::ReuseAddr,
        IntOption::V6Only,
        IntOption::NonBlock,
        IntOption::RecvFrom,
    ] {
        assert_eq!(set_then_get(&s, opt, 1), 1, "{opt:?} on");
        assert_eq!(set_then_get(&s, opt, 0), 0, "{opt:?} off");
    }
}

#[test]
fn integer_options_read_back_what_was_set() {
    let s = one_to_many();
    assert_eq!(set_then_get(&s, IntOption::AutoClose, 30), 30);
    // Linux stores the interleave level as a flag: 1 reads back as 1.
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
fn socket_buffers_are_doubled_by_the_kernel() {
    let s = one_to_many();
    assert_eq!(set_then_get(&s, IntOption::SndBuf, 65536), 131072);
    assert_eq!(set_then_get(&s, IntOption::RcvBuf, 65536), 131072);
}

#[test]
fn linger_is_minus_one_when_off_and_seconds_when_on() {
    let s = Socket::open_tcp(Family::Ipv4).unwrap();
    assert_eq!(s.option(IntOption::Linger, 0).unwrap(), -1);
    assert_eq!(set_then_get(&s, IntOption::Linger, 5), 5);
    assert_eq!(set_then_get(&s, IntOption::Linger, -1), -1);
}

#[test]
fn a_flag_option_rejects_values_other_than_0_and_1() {
    let s = one_to_many();
    assert!(matches!(s.set_option(IntOption::NoDelay, 0, 2), Err(sctpx::Error::InvalidArgument(_))));
}

#[test]
fn values_outside_an_options_range_are_refused_before_the_kernel_sees_them() {
    let (tcp, udp) = (Socket::open_tcp(Family::Ipv4).unwrap(), one_to_many());
    for (s, opt, value) in
        [(&tcp, IntOption::Linger, 1 << 31), (&tcp, IntOption::Linger, -2), (&udp, IntOption::AutoClose, -1)]
    {
        let before = s.option(opt, 0).unwrap();
        assert!(matches!(s.set_option(opt, 0, value), Err(sctpx::Error::InvalidArgument(_))), "{opt:?} {value}");
        assert_eq!(s.option(opt, 0).unwrap(), before, "{opt:?} {value} changed nothing");
    }
    assert_eq!(IntOption::Linger.range(), Some(-1..=i32::MAX as i64));
    assert_eq!(IntOption::AssocNumber.range(), None, "read only");
}

#[test]
fn rtoinfo_reads_back() {
    let s = one_to_many();
    s.set_rtoinfo(&RtoInfo { assoc_id: 0, initial: 700, max: 9000, min: 300 }).unwrap();
    assert_eq!(s.rtoinfo(0).unwrap(), RtoInfo { assoc_id: 0, initial: 700, max: 9000, min: 300 });
}

#[test]
fn assocparams_read_back() {
    let s = one_to_many();
    s.set_assocparams(&AssocParams { max_retrans: 7, cookie_life: 30_000, ..Default::default() }).unwrap();
    let p = s.assocparams(0).unwrap();
    assert_eq!((p.max_retrans, p.cookie_life), (7, 30_000));
}

#[test]
fn initmsg_reads_back() {
    let s = one_to_many();
    let m = InitMsg { num_ostreams: 17, max_instreams: 19, max_attempts: 3, max_init_timeo: 2000 };
    s.set_initmsg(&m).unwrap();
    assert_eq!(s.initmsg().unwrap(), m);
}

#[test]
fn default_send_info_reads_back_with_ppid_in_host_order() {
    let s = one_to_many();
    let i = SendInfo { stream: 4, ppid: 0x1122_3344, context: 8, flags: sctpx::SEND_UNORDERED, ..Default::default() };
    s.set_default_send_info(&i).unwrap();
    let got = s.default_send_info(0).unwrap();
    assert_eq!((got.stream, got.ppid, got.context, got.flags), (4, 0x1122_3344, 8, sctpx::SEND_UNORDERED));
}

#[test]
fn delayed_sack_reads_back() {
    let s = one_to_many();
    s.set_delayed_sack(&SackInfo { assoc_id: 0, delay: 120, freq: 3 }).unwrap();
    assert_eq!(s.delayed_sack(0).unwrap(), SackInfo { assoc_id: 0, delay: 120, freq: 3 });
}

#[test]
fn peer_addr_params_read_back() {
    let s = one_to_many();
    let mut p = s.peer_addr_params(0, None).unwrap();
    p.hbinterval = 4000;
    p.pathmaxrxt = 4;
    p.flags = sctpx::sys::SPP_HB_ENABLE;
    s.set_peer_addr_params(&p).unwrap();
    let got = s.peer_addr_params(0, None).unwrap();
    assert_eq!((got.hbinterval, got.pathmaxrxt), (4000, 4));
}

#[test]
fn status_and_peer_addr_info_describe_an_established_association() {
    let (c, _s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let st = c.status(0).unwrap();
    assert_eq!(st.state, sctpx::sys::SCTP_ESTABLISHED);
    assert_eq!(st.outbound_streams, 10);
    let primary = st.primary.address.expect("a primary path");
    assert_eq!(primary.ip().to_string(), "127.0.0.1");
    let info = c.peer_addr_info(0, &primary).unwrap();
    assert_eq!(info.state, sctpx::sys::SCTP_ACTIVE);
    assert!(info.mtu > 0);
    assert_eq!(c.primary(0).unwrap(), Some(primary));
}

#[test]
fn assoc_stats_count_what_was_sent() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    for _ in 0..3 {
        c.send_stream(0, 0, 0, b"count me").unwrap();
    }
    let mut buf = [0u8; 16];
    for _ in 0..3 {
        next_data(&s, &mut buf);
    }
    let st = c.assoc_stats(0).unwrap();
    assert!(st.oodchunks >= 3, "ordered chunks sent: {}", st.oodchunks);
    assert!(st.opackets >= 3);
}

#[test]
fn association_number_and_ids_follow_the_associations() {
    let (server, addr) = udp_server();
    assert_eq!(server.option(IntOption::AssocNumber, 0).unwrap(), 0);
    let a = Socket::open_udp(Family::Ipv4).unwrap();
    let b = Socket::open_udp(Family::Ipv4).unwrap();
    let ia = a.connectx(&[addr]).unwrap();
    let ib = b.connectx(&[addr]).unwrap();
    let mut buf = [0u8; 16];
    // Both associations are up once their first messages arrive.
    a.send_stream(ia, 0, 0, b"a").unwrap();
    b.send_stream(ib, 0, 0, b"b").unwrap();
    next_data(&server, &mut buf);
    next_data(&server, &mut buf);
    assert_eq!(server.option(IntOption::AssocNumber, 0).unwrap(), 2);
    let mut ids = [0; 8];
    assert_eq!(server.assoc_ids(&mut ids).unwrap(), 2);
    assert!(ids[0] > 0 && ids[1] > 0 && ids[0] != ids[1]);
}

#[test]
fn send_default_uses_the_default_send_info() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    c.set_default_send_info(&SendInfo { stream: 3, ppid: 0x0102_0304, ..Default::default() }).unwrap();
    c.send_default(b"d", None).unwrap();
    let mut buf = [0u8; 8];
    let (d, _) = next_data(&s, &mut buf);
    assert_eq!((d.stream, d.ppid), (3, 0x0102_0304));
}
