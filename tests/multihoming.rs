//! Multi-homing across two network namespaces joined by two links: one
//! association over both paths survives a link going down mid-transfer.
//!
//! Uses tests/vm/netns (root, iproute2): `make test` runs it in the test VM.

mod common;

use std::sync::mpsc;
use std::thread;
use std::time::{Duration, Instant};

use sctpx::{BindxOp, Event, EventKind, Family, IntOption, RtoInfo, Socket, Timeout, ADDR_AVAILABLE, ADDR_UNREACHABLE};

const MESSAGES: u32 = 300;
const STREAMS: u16 = 2;
const PORT: u16 = 7700;

fn fast_failover(s: &Socket) {
    // Emulated time is slow: detect a dead path after 2 quick retransmissions.
    s.set_rtoinfo(&RtoInfo { assoc_id: 0, initial: 200, max: 400, min: 100 }).unwrap();
    let mut p = s.peer_addr_params(0, None).unwrap();
    p.hbinterval = 200;
    p.pathmaxrxt = 2;
    p.flags = sctpx::sys::SPP_HB_ENABLE;
    s.set_peer_addr_params(&p).unwrap();
}

#[test]
fn an_association_over_two_links_survives_one_going_down_and_sees_it_come_back() {
    common::netns(&["up"]);
    let (ready_tx, ready_rx) = mpsc::channel();
    let server = thread::spawn(move || {
        common::enter_netns("sctpx-b");
        let l = Socket::open_tcp(Family::Ipv4).unwrap();
        l.bindx(
            &[format!("10.77.1.2:{PORT}").parse().unwrap(), format!("10.77.2.2:{PORT}").parse().unwrap()],
            BindxOp::Add,
        )
        .unwrap();
        fast_failover(&l);
        l.listen(1).unwrap();
        ready_tx.send(()).unwrap();
        let (s, _) = l.accept().unwrap();
        let mut next = [0u32; STREAMS as usize];
        let mut buf = [0u8; 64];
        let mut got = 0;
        while got < MESSAGES {
            let r = s.next_event(&mut buf, Timeout::Millis(60_000)).unwrap();
            if let Event::Data(d) = r.event {
                let n = u32::from_be_bytes(buf[..4].try_into().unwrap());
                assert_eq!(n, next[d.stream as usize], "in order on stream {}", d.stream);
                next[d.stream as usize] += 1;
                got += 1;
            }
        }
        // Handing the sockets back keeps the association up until the main
        // thread has seen the path events and joins.
        (got, s, l)
    });
    ready_rx.recv().unwrap();

    common::enter_netns("sctpx-a");
    let c = Socket::open_tcp(Family::Ipv4).unwrap();
    c.bindx(&["10.77.1.1:0".parse().unwrap()], BindxOp::Add).unwrap();
    let port = c.local_addrs(0).unwrap()[0].port();
    c.bindx(&[format!("10.77.2.1:{port}").parse().unwrap()], BindxOp::Add).unwrap();
    fast_failover(&c);
    c.subscribe(EventKind::PeerAddrChange, true).unwrap();
    c.set_option(IntOption::NoDelay, 0, 1).unwrap();
    c.connectx(&[format!("10.77.1.2:{PORT}").parse().unwrap(), format!("10.77.2.2:{PORT}").parse().unwrap()]).unwrap();
    let mut peers: Vec<String> = c.peer_addrs(0).unwrap().iter().map(|a| a.ip().to_string()).collect();
    peers.sort();
    assert_eq!(peers, ["10.77.1.2", "10.77.2.2"], "one association over both links");

    let mut seq = [0u32; STREAMS as usize];
    for i in 0..MESSAGES {
        if i == MESSAGES / 3 {
            common::netns(&["link-down", "1"]);
        }
        if i == 2 * MESSAGES / 3 {
            common::netns(&["link-up", "1"]);
        }
        let stream = (i % STREAMS as u32) as u16;
        c.send_stream(0, stream, 1, &seq[stream as usize].to_be_bytes()).unwrap();
        seq[stream as usize] += 1;
        thread::sleep(Duration::from_millis(5));
    }

    // Path 1 must be seen going away and coming back.
    let mut states = Vec::new();
    let deadline = Instant::now() + Duration::from_secs(60);
    let mut buf = [0u8; 256];
    while Instant::now() < deadline && !(states.contains(&ADDR_UNREACHABLE) && states.ends_with(&[ADDR_AVAILABLE])) {
        match c.next_event(&mut buf, Timeout::Millis(1000)) {
            Ok(r) => {
                if let Event::PeerAddrChange(p) = r.event {
                    if p.addr.map(|a| a.ip().to_string()).as_deref() == Some("10.77.1.2") {
                        states.push(p.state);
                    }
                }
            }
            Err(sctpx::Error::TimedOut) => {}
            Err(e) => panic!("{e}"),
        }
    }
    let (got, _s, _l) = server.join().unwrap();
    assert_eq!(got, MESSAGES, "every message arrived");
    common::netns(&["down"]);
    let down = states.iter().position(|&s| s == ADDR_UNREACHABLE).expect("path 1 reported unreachable");
    assert!(states[down..].contains(&ADDR_AVAILABLE), "path 1 reported available again: {states:?}");
}
