//! What a send can say beyond its stream and PPID, as sctp_sendv takes it:
//! INIT parameters and further destination addresses for the association it
//! sets up, and SCTP_ADDR_OVER for the path it takes. Each is seen in its
//! effect on kernel SCTP: the new association's stream counts, a set-up that
//! only the further address makes possible, the source address the peer sees.
//!
//! The two-link tests use tests/vm/netns (root): `make test` runs them in the VM.

mod common;

use std::net::SocketAddr;
use std::sync::{mpsc, Mutex};
use std::thread;

use common::*;
use sctpx::{BindxOp, Event, Family, InitMsg, RtoInfo, SendInfo, Socket, Timeout, SEND_ADDR_OVER};

const PORT: u16 = 7720;

/// The namespaces are one per VM: one test at a time uses them.
static NETNS: Mutex<()> = Mutex::new(());

fn addr(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

/// A one-to-one server in sctpx-b on both links that sends back, for each
/// message, the source address it came from; returns once it listens.
fn echo_source_server() -> thread::JoinHandle<()> {
    let (ready_tx, ready_rx) = mpsc::channel();
    let server = thread::spawn(move || {
        enter_netns("sctpx-b");
        let l = Socket::open_tcp(Family::Ipv4).unwrap();
        l.bindx(&[addr(&format!("10.77.1.2:{PORT}")), addr(&format!("10.77.2.2:{PORT}"))], BindxOp::Add).unwrap();
        l.listen(1).unwrap();
        ready_tx.send(()).unwrap();
        let (s, _) = l.accept().unwrap();
        let mut buf = [0u8; 64];
        loop {
            match s.next_event(&mut buf, Timeout::Millis(20_000)) {
                Ok(r) => {
                    if let Event::Data(d) = r.event {
                        let from = d.from.map(|a| a.ip().to_string()).unwrap_or_default();
                        s.send_stream(0, 0, 1, from.as_bytes()).unwrap();
                    }
                }
                Err(_) => return,
            }
        }
    });
    ready_rx.recv().unwrap();
    server
}

/// A one-to-many client in sctpx-a on both links, quick to give up on a path.
fn two_link_client() -> Socket {
    enter_netns("sctpx-a");
    let c = Socket::open_udp(Family::Ipv4).unwrap();
    c.bindx(&[addr("10.77.1.1:0")], BindxOp::Add).unwrap();
    let port = c.local_addrs(0).unwrap()[0].port();
    c.bindx(&[addr(&format!("10.77.2.1:{port}"))], BindxOp::Add).unwrap();
    c.set_rtoinfo(&RtoInfo { assoc_id: 0, initial: 200, max: 400, min: 100 }).unwrap();
    c
}

/// The next data message's bytes on `s`, as text.
fn next_text(s: &Socket) -> String {
    let mut buf = [0u8; 64];
    let (_, r) = next_data(s, &mut buf);
    String::from_utf8_lossy(&buf[..r.len]).into_owned()
}

#[test]
fn init_parameters_given_with_a_send_set_the_stream_counts_of_the_association_it_sets_up() {
    let (server, to) = udp_server();
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    let init = InitMsg { num_ostreams: 3, max_instreams: 4, ..Default::default() };
    client.send_setup(b"hello", &SendInfo::default(), &[to], Some(&init)).unwrap();
    let mut buf = [0u8; 64];
    let (_, r) = next_data(&server, &mut buf);
    let st = server.status(r.assoc_id).unwrap();
    // The socket's own INITMSG (10 streams each way) would have given 10 and 10.
    assert_eq!((st.inbound_streams, st.outbound_streams), (3, 4), "the server's side of the new association");
}

#[test]
fn a_further_destination_given_with_a_send_sets_the_association_up_when_the_first_is_unreachable() {
    let _lock = NETNS.lock().unwrap_or_else(|e| e.into_inner());
    netns(&["up"]);
    let server = echo_source_server();
    netns(&["link-down", "1"]);
    let c = two_link_client();
    let init = InitMsg { max_attempts: 6, max_init_timeo: 400, ..Default::default() };
    let to = [addr(&format!("10.77.1.2:{PORT}")), addr(&format!("10.77.2.2:{PORT}"))];
    c.send_setup(b"over link 2", &SendInfo::default(), &to, Some(&init)).unwrap();
    // Only link 2 carries anything: the reply proves the set-up went there.
    let reply = next_text(&c);
    drop(c);
    server.join().unwrap();
    netns(&["down"]);
    assert_eq!(reply, "10.77.2.1");
}

#[test]
fn addr_over_sends_over_the_path_to_the_named_address_instead_of_the_primary() {
    let _lock = NETNS.lock().unwrap_or_else(|e| e.into_inner());
    netns(&["up"]);
    let server = echo_source_server();
    let c = two_link_client();
    let id = c.connectx(&[addr(&format!("10.77.1.2:{PORT}")), addr(&format!("10.77.2.2:{PORT}"))]).unwrap();
    c.set_primary(id, &addr(&format!("10.77.1.2:{PORT}"))).unwrap();
    let link2 = addr(&format!("10.77.2.2:{PORT}"));
    let info = SendInfo { assoc_id: id, ..Default::default() };
    c.send(b"x", &info, Some(&link2)).unwrap();
    let without = next_text(&c);
    c.send(b"x", &SendInfo { flags: SEND_ADDR_OVER, ..info }, Some(&link2)).unwrap();
    let with = next_text(&c);
    drop(c);
    server.join().unwrap();
    netns(&["down"]);
    assert_eq!((without.as_str(), with.as_str()), ("10.77.1.1", "10.77.2.1"), "the source the server saw");
}

#[test]
fn a_setup_send_with_no_address_is_refused() {
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    let r = client.send_setup(b"x", &SendInfo::default(), &[], None);
    assert!(matches!(r, Err(sctpx::Error::InvalidArgument(_))), "{r:?}");
}
