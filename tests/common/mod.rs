//! Helpers shared by the integration tests. Every test here needs kernel
//! SCTP: `make test` runs them in the test VM when the host has none.
#![allow(dead_code)]

use std::net::SocketAddr;

use sctpx::{Event, Family, Received, Socket, Timeout};

/// Waits at most this long for anything in a test (generous: the VM is emulated).
pub const WAIT: Timeout = Timeout::Millis(10_000);

pub fn v4(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

/// The port a socket is bound to.
pub fn local_port(s: &Socket) -> u16 {
    s.local_addrs(0).unwrap()[0].port()
}

/// A listening one-to-one socket on `addr` (port 0 picks one).
pub fn listener(family: Family, addr: &str) -> (Socket, SocketAddr) {
    let l = Socket::open_tcp(family).unwrap();
    l.bind(&addr.parse().unwrap()).unwrap();
    l.listen(16).unwrap();
    let mut a: SocketAddr = addr.parse().unwrap();
    a.set_port(local_port(&l));
    (l, a)
}

/// A connected one-to-one pair: (client, accepted server side).
pub fn tcp_pair(family: Family, addr: &str) -> (Socket, Socket) {
    let (l, a) = listener(family, addr);
    let c = Socket::open_tcp(family).unwrap();
    c.connect(&a).unwrap();
    let (s, _) = l.accept().unwrap();
    (c, s)
}

/// A listening one-to-many socket on 127.0.0.1 and its address.
pub fn udp_server() -> (Socket, SocketAddr) {
    let s = Socket::open_udp(Family::Ipv4).unwrap();
    s.bind(&v4("127.0.0.1:0")).unwrap();
    s.listen(16).unwrap();
    let mut a = v4("127.0.0.1:0");
    a.set_port(local_port(&s));
    (s, a)
}

/// Receives events until one matches `pred`, failing after 50 others.
pub fn wait_for(s: &Socket, buf: &mut [u8], pred: impl Fn(&Received) -> bool) -> Received {
    for _ in 0..50 {
        let r = s.next_event(buf, WAIT).unwrap();
        if pred(&r) {
            return r;
        }
    }
    panic!("the expected event never came");
}

/// Receives the next data message, skipping notifications.
pub fn next_data(s: &Socket, buf: &mut [u8]) -> (sctpx::DataInfo, Received) {
    let r = wait_for(s, buf, |r| matches!(r.event, Event::Data(_)));
    match r.event {
        Event::Data(d) => (d, r),
        _ => unreachable!(),
    }
}

/// A connected one-to-one pair made through the C ABI: (listener, client,
/// accepted server side) handles, NODELAY on the client (without it each
/// small message waits for the delayed SACK).
pub fn ffi_tcp_pair() -> (u64, u64, u64) {
    use sctpx::ffi::*;
    let (mut l, mut c, mut s) = (0u64, 0u64, 0u64);
    unsafe {
        assert_eq!(sctpx_open_tcp(SCTPX_AF_INET, &mut l), 0);
        let addr = libc::sockaddr_in {
            sin_family: libc::AF_INET as u16,
            sin_port: 0,
            sin_addr: libc::in_addr { s_addr: u32::from_ne_bytes([127, 0, 0, 1]) },
            sin_zero: [0; 8],
        };
        let len = std::mem::size_of::<libc::sockaddr_in>() as u32;
        assert_eq!(sctpx_bind(l, &addr as *const _ as *const libc::sockaddr, len), 0);
        assert_eq!(sctpx_listen(l, 4), 0);
        let mut local: libc::sockaddr_storage = std::mem::zeroed();
        assert_eq!(sctpx_getladdrs(l, 0, &mut local, 1), 1);
        assert_eq!(sctpx_open_tcp(SCTPX_AF_INET, &mut c), 0);
        assert_eq!(sctpx_connect(c, &local as *const _ as *const libc::sockaddr, len), 0);
        assert_eq!(sctpx_accept(l, &mut s, std::ptr::null_mut(), std::ptr::null_mut()), 0);
        assert_eq!(sctpx_set_option(c, 0, SCTPX_OPT_NODELAY, 1), 0);
    }
    (l, c, s)
}

/// A one-to-many client whose association to a one-to-many server stalls
/// (the server's tiny receive buffer is never read), so messages sent with a
/// 1 ms PR-SCTP TTL expire: the client then gets send-failed notifications
/// of `kind`. Sends up to 200 messages of 1000 bytes of `fill` with `ppid`;
/// returns (server, client, how many were sent).
pub fn stalled_ttl_sender(kind: sctpx::EventKind, ppid: u32, fill: u8) -> (Socket, Socket, usize) {
    use sctpx::{IntOption, SendInfo, PR_TTL};
    let (server, addr) = udp_server();
    server.set_option(IntOption::RcvBuf, 0, 4096).unwrap();
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    client.subscribe(kind, true).unwrap();
    client.set_option(IntOption::PrSupported, 0, 1).unwrap();
    let id = client.connectx(&[addr]).unwrap();
    client.set_option(IntOption::NonBlock, 0, 1).unwrap();
    let mut sent = 0;
    for i in 0..200u32 {
        let info = SendInfo { assoc_id: id, ppid, context: i, pr_policy: PR_TTL, pr_value: 1, ..Default::default() };
        if client.send(&[fill; 1000], &info, None).is_err() {
            break;
        }
        sent += 1;
    }
    (server, client, sent)
}

/// Runs tests/vm/netns (root, iproute2): the two namespace hosts and their links.
pub fn netns(args: &[&str]) {
    let st = std::process::Command::new("tests/vm/netns").args(args).status().expect("tests/vm/netns runs");
    assert!(st.success(), "tests/vm/netns {args:?} failed");
}

/// Moves the calling thread into a namespace of tests/vm/netns: sockets it opens live there.
pub fn enter_netns(ns: &str) {
    use std::os::fd::AsRawFd;
    let f = std::fs::File::open(format!("/run/netns/{ns}")).unwrap();
    assert_eq!(unsafe { libc::setns(f.as_raw_fd(), libc::CLONE_NEWNET) }, 0, "setns {ns}");
}
