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
