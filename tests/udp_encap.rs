//! Kernel SCTP over UDP (RFC 6951) between the two namespaces of
//! tests/vm/netns, each kernel listening for encapsulated SCTP on UDP port
//! 9899 (net.sctp.udp_port): SCTP_REMOTE_UDP_ENCAPS_PORT, for a socket and for
//! one peer address, is seen in the UDP rows of the receiver's /proc/net/snmp.
//!
//! Needs root and iproute2: `make test` runs it in the test VM.

mod common;

use std::net::SocketAddr;
use std::process::Command;
use std::sync::{mpsc, Mutex};
use std::thread;

use common::*;
use sctpx::{BindxOp, Family, IntOption, Socket};

const PORT: u16 = 7730;
const ENCAP: u16 = 9899;
const MESSAGES: u32 = 20;

/// The namespaces are one per VM: one test at a time uses them.
static NETNS: Mutex<()> = Mutex::new(());

fn addr(s: &str) -> SocketAddr {
    s.parse().unwrap()
}

/// Both namespaces up, each kernel taking SCTP over UDP on port ENCAP.
fn up() {
    netns(&["up"]);
    for ns in ["sctpx-a", "sctpx-b"] {
        let st = Command::new("ip")
            .args(["netns", "exec", ns, "sh", "-c", &format!("echo {ENCAP} > /proc/sys/net/sctp/udp_port")])
            .status()
            .unwrap();
        assert!(st.success(), "net.sctp.udp_port in {ns}");
    }
}

/// The Udp InDatagrams of the calling thread's namespace. (Linux counts the
/// encapsulated packets it receives there, not those it sends: the tunnel
/// sends past the counter.)
fn udp_in_datagrams() -> u64 {
    let snmp = std::fs::read_to_string("/proc/thread-self/net/snmp").unwrap();
    let mut rows = snmp.lines().filter(|l| l.starts_with("Udp: "));
    let names: Vec<&str> = rows.next().unwrap().split_whitespace().collect();
    let values: Vec<&str> = rows.next().unwrap().split_whitespace().collect();
    let i = names.iter().position(|n| *n == "InDatagrams").unwrap();
    values[i].parse().unwrap()
}

/// A one-to-one server in sctpx-b on both links that takes MESSAGES messages
/// and says how many UDP datagrams its namespace received meanwhile.
fn server() -> thread::JoinHandle<(u32, u64)> {
    let (ready_tx, ready_rx) = mpsc::channel();
    let h = thread::spawn(move || {
        enter_netns("sctpx-b");
        let l = Socket::open_tcp(Family::Ipv4).unwrap();
        l.bindx(&[addr(&format!("10.77.1.2:{PORT}")), addr(&format!("10.77.2.2:{PORT}"))], BindxOp::Add).unwrap();
        l.listen(1).unwrap();
        let before = udp_in_datagrams();
        ready_tx.send(()).unwrap();
        let (s, _) = l.accept().unwrap();
        let mut buf = [0u8; 64];
        let mut got = 0;
        while got < MESSAGES {
            next_data(&s, &mut buf);
            got += 1;
        }
        (got, udp_in_datagrams() - before)
    });
    ready_rx.recv().unwrap();
    h
}

/// A one-to-one client in sctpx-a on both links.
fn client() -> Socket {
    enter_netns("sctpx-a");
    let c = Socket::open_tcp(Family::Ipv4).unwrap();
    c.bindx(&[addr("10.77.1.1:0")], BindxOp::Add).unwrap();
    let port = c.local_addrs(0).unwrap()[0].port();
    c.bindx(&[addr(&format!("10.77.2.1:{port}"))], BindxOp::Add).unwrap();
    c.set_option(IntOption::NoDelay, 0, 1).unwrap();
    c
}

fn connect(c: &Socket) {
    c.connectx(&[addr(&format!("10.77.1.2:{PORT}")), addr(&format!("10.77.2.2:{PORT}"))]).unwrap();
    c.set_primary(0, &addr(&format!("10.77.1.2:{PORT}"))).unwrap();
}

/// Sends MESSAGES messages and returns how many UDP datagrams the server's
/// namespace received, once it has them all.
fn send_all_counting_udp(c: &Socket, server: thread::JoinHandle<(u32, u64)>) -> u64 {
    for i in 0..MESSAGES {
        c.send_stream(0, 0, 1, &i.to_be_bytes()).unwrap();
    }
    let (got, udp) = server.join().unwrap();
    assert_eq!(got, MESSAGES, "every message arrived");
    udp
}

#[test]
fn with_the_sockets_remote_udp_port_set_the_kernel_sends_sctp_over_udp() {
    let _lock = NETNS.lock().unwrap_or_else(|e| e.into_inner());
    up();
    let s = server();
    let c = client();
    c.set_option(IntOption::UdpRemotePort, 0, i64::from(ENCAP)).unwrap();
    connect(&c);
    let udp = send_all_counting_udp(&c, s);
    drop(c);
    netns(&["down"]);
    // At least the set-up's INIT and COOKIE-ECHO, and a packet of data.
    assert!(udp >= 3, "{udp} UDP datagrams for {MESSAGES} messages");
}

#[test]
fn without_a_remote_udp_port_the_kernel_sends_plain_sctp() {
    let _lock = NETNS.lock().unwrap_or_else(|e| e.into_inner());
    up();
    let s = server();
    let c = client();
    connect(&c);
    let udp = send_all_counting_udp(&c, s);
    drop(c);
    netns(&["down"]);
    assert_eq!(udp, 0, "UDP datagrams");
}

#[test]
fn one_peer_addresss_remote_udp_port_encapsulates_the_path_to_it_only() {
    let _lock = NETNS.lock().unwrap_or_else(|e| e.into_inner());
    up();
    let s = server();
    let c = client();
    connect(&c);
    let primary = addr(&format!("10.77.1.2:{PORT}"));
    let other = addr(&format!("10.77.2.2:{PORT}"));
    c.set_peer_addr_udp_port(0, &primary, ENCAP).unwrap();
    let ports = (c.peer_addr_udp_port(0, &primary).unwrap(), c.peer_addr_udp_port(0, &other).unwrap());
    let udp = send_all_counting_udp(&c, s);
    drop(c);
    netns(&["down"]);
    assert_eq!(ports, (ENCAP, 0), "the two paths' ports");
    assert!(udp >= 1, "{udp} UDP datagrams for {MESSAGES} messages over the primary");
}
