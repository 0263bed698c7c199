//! SCTP-AUTH (RFC 4895) on kernel SCTP: what each call does, seen in what
//! the peer receives and the events it reports.
//!
//! Every socket here turns AUTH on for itself (IntOption::AuthSupported), so
//! the tests neither need nor change the sysctl net.sctp.auth_enable (whose
//! default, 0, other tests rely on).

mod common;
use common::*;

use sctpx::{
    AssocParams, Error, Event, EventKind, Family, IntOption, RtoInfo, Socket, Timeout, AUTH_FREE_KEY, AUTH_NEW_KEY,
    HMAC_SHA1, HMAC_SHA256, LEVEL_SCTP, LEVEL_SOCKET,
};

/// Chunk type DATA (RFC 9260 section 3.2).
const DATA: u8 = 0;
/// Chunk type HEARTBEAT.
const HEARTBEAT: u8 = 4;

/// A one-to-one socket with AUTH on that requires DATA from its peers
/// authenticated and sends with key 1 = `key`.
fn auth_socket(key: &[u8]) -> Socket {
    let s = Socket::open_tcp(Family::Ipv4).unwrap();
    s.set_option(IntOption::AuthSupported, 0, 1).unwrap();
    s.add_auth_chunk(DATA).unwrap();
    s.set_auth_key(0, 1, key).unwrap();
    s.set_active_auth_key(0, 1).unwrap();
    // Retransmit quickly and for long: a discarded message is resent every
    // 200 ms or less for the whole test instead of aborting the association.
    s.set_rtoinfo(&RtoInfo { assoc_id: 0, initial: 100, max: 200, min: 100 }).unwrap();
    s.set_assocparams(&AssocParams { assoc_id: 0, max_retrans: 200, ..Default::default() }).unwrap();
    s.set_option(IntOption::NoDelay, 0, 1).unwrap();
    s
}

/// A connected pair (client, accepted server side), each made by
/// `auth_socket` with its own key 1.
fn auth_pair(client_key: &[u8], server_key: &[u8]) -> (Socket, Socket) {
    let l = auth_socket(server_key);
    l.bind(&v4("127.0.0.1:0")).unwrap();
    l.listen(4).unwrap();
    let c = auth_socket(client_key);
    c.connect(&v4(&format!("127.0.0.1:{}", local_port(&l)))).unwrap();
    let (s, _) = l.accept().unwrap();
    (c, s)
}

/// The errno of a failed call.
fn errno<T: std::fmt::Debug>(r: sctpx::Result<T>) -> i32 {
    match r {
        Err(Error::Os(e)) => e,
        other => panic!("expected an OS error, got {other:?}"),
    }
}

/// The next data message within `ms`, or None.
fn data_within(s: &Socket, ms: u32) -> Option<Vec<u8>> {
    let mut buf = [0u8; 256];
    loop {
        match s.next_event(&mut buf, Timeout::Millis(ms)) {
            Ok(r) if matches!(r.event, Event::Data(_)) => return Some(buf[..r.len].to_vec()),
            Ok(_) => continue,
            Err(Error::TimedOut) => return None,
            Err(e) => panic!("next_event: {e}"),
        }
    }
}

/// The next AUTHENTICATION event, as (indication, key number).
fn next_auth_event(s: &Socket) -> (u32, u16) {
    let mut buf = [0u8; 256];
    let r = wait_for(s, &mut buf, |r| matches!(r.event, Event::Authentication(_)));
    let Event::Authentication(a) = r.event else { unreachable!() };
    (a.indication, a.key_number)
}

#[test]
fn auth_calls_need_auth_supported_on_the_socket() {
    let s = Socket::open_tcp(Family::Ipv4).unwrap();
    s.set_option(IntOption::AuthSupported, 0, 0).unwrap();
    assert_eq!(errno(s.set_auth_key(0, 1, b"k")), libc::EACCES);
    s.set_option(IntOption::AuthSupported, 0, 1).unwrap();
    assert_eq!(s.option(IntOption::AuthSupported, 0).unwrap(), 1);
    s.set_auth_key(0, 1, b"k").unwrap();
}

#[test]
fn a_peer_with_auth_off_gets_data_unauthenticated_and_no_auth_chunk_list() {
    let l = Socket::open_tcp(Family::Ipv4).unwrap();
    l.set_option(IntOption::AuthSupported, 0, 0).unwrap();
    l.bind(&v4("127.0.0.1:0")).unwrap();
    l.listen(4).unwrap();
    let c = auth_socket(b"k");
    c.connect(&v4(&format!("127.0.0.1:{}", local_port(&l)))).unwrap();
    let (server, _) = l.accept().unwrap();
    // The peer announced no AUTH: there is no list of its to read ...
    assert_eq!(errno(c.peer_auth_chunks(0, &mut [0u8; 8])), libc::EACCES);
    // ... and the data goes without it.
    c.send_stream(0, 0, 0, b"plain").unwrap();
    assert_eq!(data_within(&server, 10_000).as_deref(), Some(&b"plain"[..]));
}

#[test]
fn matching_keys_carry_data() {
    let (client, server) = auth_pair(b"shared secret", b"shared secret");
    client.send_stream(0, 0, 0, b"authenticated").unwrap();
    assert_eq!(data_within(&server, 10_000).as_deref(), Some(&b"authenticated"[..]));
}

#[test]
fn a_key_mismatch_does_not_deliver_until_the_key_matches() {
    let (client, server) = auth_pair(b"client's idea", b"server's idea");
    client.send_stream(0, 0, 0, b"forged?").unwrap();
    // Every retransmission arrives with a wrong HMAC: the server discards it.
    assert_eq!(data_within(&server, 2_000), None);
    // With the right bytes under the same key number the next retransmission
    // passes: the key, and nothing else, kept the message out.
    client.set_auth_key(0, 1, b"server's idea").unwrap();
    assert_eq!(data_within(&server, 10_000).as_deref(), Some(&b"forged?"[..]));
}

#[test]
fn each_side_reads_the_chunk_types_the_other_requires() {
    let (client, server) = auth_pair(b"k", b"k");
    let mut chunks = [0xffu8; 8];
    let n = client.peer_auth_chunks(0, &mut chunks).unwrap();
    assert_eq!(&chunks[..n], &[DATA], "the server's list, as the client learnt it");
    let n = server.local_auth_chunks(0, &mut chunks).unwrap();
    assert_eq!(&chunks[..n], &[DATA]);
}

#[test]
fn a_chunk_type_added_before_connecting_reaches_the_peers_list() {
    let l = auth_socket(b"k");
    l.add_auth_chunk(HEARTBEAT).unwrap();
    l.bind(&v4("127.0.0.1:0")).unwrap();
    l.listen(4).unwrap();
    let c = auth_socket(b"k");
    c.connect(&v4(&format!("127.0.0.1:{}", local_port(&l)))).unwrap();
    let mut chunks = [0u8; 8];
    let n = c.peer_auth_chunks(0, &mut chunks).unwrap();
    let mut got = chunks[..n].to_vec();
    got.sort();
    assert_eq!(got, [DATA, HEARTBEAT]);
    // A short buffer gets what fits and the full count.
    assert_eq!(c.peer_auth_chunks(0, &mut chunks[..1]).unwrap(), 2);
}

#[test]
fn hmac_identifiers_read_back_in_the_order_set() {
    let s = Socket::open_tcp(Family::Ipv4).unwrap();
    s.set_option(IntOption::AuthSupported, 0, 1).unwrap();
    s.set_hmac_idents(&[HMAC_SHA256, HMAC_SHA1]).unwrap();
    let mut ids = [0u16; 4];
    let n = s.hmac_idents(&mut ids).unwrap();
    assert_eq!(&ids[..n], &[HMAC_SHA256, HMAC_SHA1]);
    // RFC 4895 makes SHA-1 mandatory: a list without it is refused.
    assert_eq!(errno(s.set_hmac_idents(&[HMAC_SHA256])), libc::EINVAL);
}

#[test]
fn sending_with_a_new_key_gives_the_peer_new_key() {
    let (client, server) = auth_pair(b"one", b"one");
    server.subscribe(EventKind::Authentication, true).unwrap();
    client.set_auth_key(0, 2, b"two").unwrap();
    server.set_auth_key(0, 2, b"two").unwrap();
    client.set_active_auth_key(0, 2).unwrap();
    assert_eq!(client.active_auth_key(0).unwrap(), 2);
    client.send_stream(0, 0, 0, b"under key 2").unwrap();
    // The server's own active key is still 1: it reports the peer's switch.
    assert_eq!(next_auth_event(&server), (AUTH_NEW_KEY, 2));
    assert_eq!(data_within(&server, 10_000).as_deref(), Some(&b"under key 2"[..]));
}

#[test]
fn deactivating_an_unused_key_gives_free_key_and_the_active_one_cannot_be() {
    let (client, _server) = auth_pair(b"one", b"one");
    client.subscribe(EventKind::Authentication, true).unwrap();
    client.set_auth_key(0, 2, b"two").unwrap();
    assert_eq!(errno(client.deactivate_auth_key(0, 1)), libc::EINVAL, "the active key");
    client.set_active_auth_key(0, 2).unwrap();
    client.deactivate_auth_key(0, 1).unwrap();
    assert_eq!(next_auth_event(&client), (AUTH_FREE_KEY, 1));
}

#[test]
fn a_deleted_key_no_longer_authenticates_what_arrives() {
    let (client, server) = auth_pair(b"one", b"one");
    client.set_auth_key(0, 2, b"two").unwrap();
    server.set_auth_key(0, 2, b"two").unwrap();
    // The server rotates: key 2 active, key 1 deactivated then deleted.
    server.set_active_auth_key(0, 2).unwrap();
    server.deactivate_auth_key(0, 1).unwrap();
    server.delete_auth_key(0, 1).unwrap();
    assert_eq!(errno(server.delete_auth_key(0, 1)), libc::EINVAL, "already gone");
    // The client still sends with key 1: the server discards it ...
    client.send_stream(0, 0, 0, b"late").unwrap();
    assert_eq!(data_within(&server, 2_000), None);
    // ... and takes the retransmission (which keeps the key it was queued
    // with) once key 1 is back.
    server.set_auth_key(0, 1, b"one").unwrap();
    assert_eq!(data_within(&server, 10_000).as_deref(), Some(&b"late"[..]));
}

#[test]
fn a_key_set_on_one_association_of_a_one_to_many_socket_leaves_the_others_alone() {
    // The server's socket-wide key 1 is copied into each association at set-up; replacing
    // it on one association changes that one only.
    let (server, addr) = udp_server();
    server.set_option(IntOption::AuthSupported, 0, 1).unwrap();
    server.add_auth_chunk(DATA).unwrap();
    server.set_auth_key(0, 1, b"k").unwrap();
    server.set_active_auth_key(0, 1).unwrap();
    let (first, second) = (auth_socket(b"k"), auth_socket(b"k"));
    first.connect(&addr).unwrap();
    second.connect(&addr).unwrap();
    // Each association's id on the server, from a first message on each.
    let mut buf = [0u8; 64];
    first.send_stream(0, 0, 0, b"first").unwrap();
    let (_, r) = next_data(&server, &mut buf);
    let first_id = r.assoc_id;
    assert_eq!(&buf[..r.len], b"first");
    server.set_auth_key(first_id, 1, b"not k").unwrap();
    first.send_stream(0, 0, 0, b"dropped").unwrap();
    second.send_stream(0, 0, 0, b"second").unwrap();
    let (_, r) = next_data(&server, &mut buf);
    assert_eq!((&buf[..r.len], r.assoc_id != first_id), (&b"second"[..], true), "the other association still delivers");
    assert_eq!(data_within(&server, 2_000), None, "the changed one does not");
    let mut chunks = [0u8; 4];
    let n = server.peer_auth_chunks(first_id, &mut chunks).unwrap();
    assert_eq!(&chunks[..n], &[DATA], "per association: the first client's list");
}

#[test]
fn raw_options_read_and_write_what_the_typed_ones_see() {
    let s = Socket::open_tcp(Family::Ipv4).unwrap();
    s.set_option(IntOption::NoDelay, 0, 1).unwrap();
    let mut v = [0u8; 4];
    assert_eq!(s.raw_option(LEVEL_SCTP, sctpx::sys::SCTP_NODELAY, &mut v).unwrap(), 4);
    assert_eq!(i32::from_ne_bytes(v), 1);
    s.set_raw_option(LEVEL_SCTP, sctpx::sys::SCTP_NODELAY, &0i32.to_ne_bytes()).unwrap();
    assert_eq!(s.option(IntOption::NoDelay, 0).unwrap(), 0);
    s.set_raw_option(LEVEL_SOCKET, libc::SO_REUSEADDR, &1i32.to_ne_bytes()).unwrap();
    assert_eq!(s.option(IntOption::ReuseAddr, 0).unwrap(), 1);
}

#[test]
fn raw_options_refuse_other_levels_and_pointer_carrying_options() {
    let s = Socket::open_tcp(Family::Ipv4).unwrap();
    let mut v = [0u8; 4];
    assert!(matches!(s.raw_option(libc::IPPROTO_IP, libc::IP_TOS, &mut v), Err(Error::InvalidArgument(_))));
    assert!(matches!(
        s.raw_option(LEVEL_SCTP, sctpx::sys::SCTP_SOCKOPT_CONNECTX3, &mut [0u8; 16]),
        Err(Error::InvalidArgument(_))
    ));
    assert!(matches!(
        s.set_raw_option(LEVEL_SOCKET, libc::SO_ATTACH_FILTER, &[0u8; 16]),
        Err(Error::InvalidArgument(_))
    ));
}

#[test]
fn a_raw_initmsg_sets_the_streams_the_peer_sees() {
    // sctp_initmsg: num_ostreams, max_instreams, max_attempts, max_init_timeo (u16 each).
    let (server, addr) = udp_server();
    server.subscribe(EventKind::AssocChange, true).unwrap();
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    let mut init = [0u8; 8];
    init[..2].copy_from_slice(&3u16.to_ne_bytes());
    client.set_raw_option(LEVEL_SCTP, sctpx::sys::SCTP_INITMSG, &init).unwrap();
    client.connectx(&[addr]).unwrap();
    let mut buf = [0u8; 256];
    let r = wait_for(&server, &mut buf, |r| matches!(r.event, Event::AssocChange(_)));
    let Event::AssocChange(a) = r.event else { unreachable!() };
    assert_eq!(a.inbound_streams, 3);
}
