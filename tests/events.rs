//! Every notification kind that a loopback set-up can make the kernel send,
//! decoded into typed events.

mod common;
use common::*;

use sctpx::{
    Event, EventKind, Family, IntOption, Socket, Timeout, ADDR_ADDED, ADDR_AVAILABLE, ADDR_CONFIRMED, COMM_LOST,
    COMM_UP, SHUTDOWN_COMP,
};

fn subscribe_all(s: &Socket) {
    for k in EventKind::ALL {
        s.subscribe(k, true).unwrap();
    }
}

#[test]
fn nothing_is_subscribed_by_default() {
    let s = Socket::open_udp(Family::Ipv4).unwrap();
    for k in EventKind::ALL {
        assert!(!s.subscribed(k).unwrap(), "{k:?} is on by default");
    }
}

#[test]
fn subscribe_turns_a_kind_on_and_off() {
    let s = Socket::open_udp(Family::Ipv4).unwrap();
    s.subscribe(EventKind::SenderDry, true).unwrap();
    assert!(s.subscribed(EventKind::SenderDry).unwrap());
    s.subscribe(EventKind::SenderDry, false).unwrap();
    assert!(!s.subscribed(EventKind::SenderDry).unwrap());
}

#[test]
fn association_up_reports_the_negotiated_streams() {
    let (server, addr) = udp_server();
    subscribe_all(&server);
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    client.set_initmsg(&sctpx::InitMsg { num_ostreams: 7, max_instreams: 9, ..Default::default() }).unwrap();
    client.connectx(&[addr]).unwrap();
    let mut buf = [0u8; 256];
    let r = wait_for(&server, &mut buf, |r| matches!(r.event, Event::AssocChange(_)));
    let Event::AssocChange(a) = r.event else { unreachable!() };
    assert_eq!(a.state, COMM_UP);
    assert_eq!(a.inbound_streams, 7, "the client's outbound streams are our inbound");
    assert!(r.assoc_id > 0);
}

/// A one-to-many server subscribed to every kind, and a client association to
/// it that the server has seen come up: (server, client, client's assoc id).
fn watched_association() -> (Socket, Socket, sctpx::AssocId) {
    let (server, addr) = udp_server();
    subscribe_all(&server);
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    let id = client.connectx(&[addr]).unwrap();
    let mut buf = [0u8; 256];
    wait_for(&server, &mut buf, |r| matches!(r.event, Event::AssocChange(a) if a.state == COMM_UP));
    (server, client, id)
}

#[test]
fn a_graceful_shutdown_gives_shutdown_then_shutdown_complete() {
    let (server, client, id) = watched_association();
    let mut buf = [0u8; 256];
    client.shutdown(id).unwrap();
    let r = wait_for(&server, &mut buf, |r| r.event == Event::Shutdown);
    assert!(r.assoc_id > 0);
    let r = wait_for(&server, &mut buf, |r| matches!(r.event, Event::AssocChange(_)));
    let Event::AssocChange(a) = r.event else { unreachable!() };
    assert_eq!(a.state, SHUTDOWN_COMP);
}

#[test]
fn an_abort_is_seen_as_communication_lost() {
    let (server, client, id) = watched_association();
    let mut buf = [0u8; 256];
    client.abort(id).unwrap();
    let r = wait_for(&server, &mut buf, |r| matches!(r.event, Event::AssocChange(_)));
    let Event::AssocChange(a) = r.event else { unreachable!() };
    assert_eq!(a.state, COMM_LOST);
    // The payload of a COMM_LOST is the ABORT chunk's error causes: a user
    // abort carries cause 12, "User-Initiated Abort" (RFC 4960 3.3.10.12).
    assert!(r.len >= 4);
    assert_eq!(u16::from_be_bytes([buf[0], buf[1]]), 12);
}

#[test]
fn sender_dry_follows_an_acknowledged_send() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    c.subscribe(EventKind::SenderDry, true).unwrap();
    let mut buf = [0u8; 256];
    // Subscribing on an idle association reports dry at once.
    wait_for(&c, &mut buf, |r| r.event == Event::SenderDry);
    c.send_stream(0, 0, 0, b"x").unwrap();
    next_data(&s, &mut buf);
    wait_for(&c, &mut buf, |r| r.event == Event::SenderDry);
}

#[test]
fn peer_address_events_report_the_addresses_of_a_multi_homed_peer() {
    let server = Socket::open_tcp(Family::Ipv4).unwrap();
    server.bind(&v4("127.0.0.1:0")).unwrap();
    let port = local_port(&server);
    server.bindx(&[v4(&format!("127.0.0.4:{port}"))], sctpx::BindxOp::Add).unwrap();
    server.listen(4).unwrap();
    let c = Socket::open_tcp(Family::Ipv4).unwrap();
    c.subscribe(EventKind::PeerAddrChange, true).unwrap();
    c.connect(&v4(&format!("127.0.0.1:{port}"))).unwrap();
    let mut buf = [0u8; 256];
    let r = wait_for(
        &c,
        &mut buf,
        |r| matches!(r.event, Event::PeerAddrChange(p) if p.addr.map(|a| a.ip().to_string()) == Some("127.0.0.4".into())),
    );
    let Event::PeerAddrChange(p) = r.event else { unreachable!() };
    assert!([ADDR_AVAILABLE, ADDR_CONFIRMED, ADDR_ADDED].contains(&p.state), "state {}", p.state);
    assert_eq!(p.addr.unwrap().port(), port);
}

#[test]
fn an_expired_ttl_gives_send_failed_with_the_unsent_data() {
    let (_server, client, sent) = stalled_ttl_sender(EventKind::SendFailedEvent, 77, 0xAB);
    assert!(sent > 5);
    let mut buf = [0u8; 2048];
    let r = wait_for(&client, &mut buf, |r| matches!(r.event, Event::SendFailedEvent(_)));
    let Event::SendFailedEvent(f) = r.event else { unreachable!() };
    assert_eq!(f.info.ppid, 77, "the PPID comes back in host order");
    assert_eq!(r.len, 1000);
    assert!(buf[..r.len].iter().all(|&b| b == 0xAB));
}

#[test]
fn adaptation_indication_carries_the_peers_value() {
    let (server, addr) = udp_server();
    server.subscribe(EventKind::Adaptation, true).unwrap();
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    client.set_option(IntOption::AdaptationLayer, 0, 0x1234_5678).unwrap();
    client.connectx(&[addr]).unwrap();
    let mut buf = [0u8; 256];
    let r = wait_for(&server, &mut buf, |r| matches!(r.event, Event::Adaptation(_)));
    let Event::Adaptation(a) = r.event else { unreachable!() };
    assert_eq!(a.indication, 0x1234_5678);
}

#[test]
fn authentication_event_says_the_peer_has_no_auth() {
    // net.sctp.auth_enable is 0 by default: the kernel reports NO_AUTH (2).
    let (server, addr) = udp_server();
    server.subscribe(EventKind::Authentication, true).unwrap();
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    client.connectx(&[addr]).unwrap();
    let mut buf = [0u8; 256];
    let r = wait_for(&server, &mut buf, |r| matches!(r.event, Event::Authentication(_)));
    let Event::Authentication(a) = r.event else { unreachable!() };
    assert_eq!(a.indication, 2);
}

fn reconfig_pair() -> (Socket, Socket, sctpx::AssocId, sctpx::AssocId) {
    let (server, addr) = udp_server();
    server.set_option(IntOption::ReconfigSupported, 0, 1).unwrap();
    server.set_option(IntOption::EnableStreamReset, 0, 7).unwrap();
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    client.set_option(IntOption::ReconfigSupported, 0, 1).unwrap();
    client.set_option(IntOption::EnableStreamReset, 0, 7).unwrap();
    subscribe_all(&client);
    subscribe_all(&server);
    let id = client.connectx(&[addr]).unwrap();
    let mut buf = [0u8; 256];
    let r = wait_for(&server, &mut buf, |r| matches!(r.event, Event::AssocChange(a) if a.state == COMM_UP));
    wait_for(&client, &mut buf, |r| matches!(r.event, Event::AssocChange(a) if a.state == COMM_UP));
    (client, server, id, r.assoc_id)
}

#[test]
fn resetting_outgoing_streams_gives_a_stream_reset_event_listing_them() {
    let (client, _server, id, _) = reconfig_pair();
    client.reset_streams(id, 2, &[1, 3]).unwrap();
    let mut buf = [0u8; 256];
    let r = wait_for(&client, &mut buf, |r| matches!(r.event, Event::StreamReset(_)));
    let Event::StreamReset(s) = r.event else { unreachable!() };
    assert_eq!(s.flags & 2, 2, "outgoing SSNs were reset");
    let streams: Vec<u16> = buf[..r.len].chunks(2).map(|c| u16::from_ne_bytes([c[0], c[1]])).collect();
    assert_eq!(streams, [1, 3]);
}

#[test]
fn adding_streams_gives_a_stream_change_event_with_the_new_counts() {
    let (client, _server, id, _) = reconfig_pair();
    let before = client.status(id).unwrap().outbound_streams;
    client.add_streams(id, 0, 5).unwrap();
    let mut buf = [0u8; 256];
    let r = wait_for(&client, &mut buf, |r| matches!(r.event, Event::StreamChange(_)));
    let Event::StreamChange(c) = r.event else { unreachable!() };
    // Linux reports the number of streams added, not the new total.
    assert_eq!(c.outbound_streams, 5);
    assert_eq!(client.status(id).unwrap().outbound_streams, before + 5);
}

#[test]
fn resetting_the_association_gives_an_assoc_reset_event() {
    let (client, _server, id, _) = reconfig_pair();
    client.reset_assoc(id).unwrap();
    let mut buf = [0u8; 256];
    let r = wait_for(&client, &mut buf, |r| matches!(r.event, Event::AssocReset(_)));
    let Event::AssocReset(a) = r.event else { unreachable!() };
    assert_eq!(a.flags & 0xC, 0, "neither denied nor failed");
    assert!(a.local_tsn != 0);
}

#[test]
fn a_notification_larger_than_the_buffer_is_decoded_and_marked_truncated() {
    let (_server, client, _) = stalled_ttl_sender(EventKind::SendFailedEvent, 5, 1);
    let mut small = [0u8; 100];
    let r = wait_for(&client, &mut small, |r| matches!(r.event, Event::SendFailedEvent(_)));
    let Event::SendFailedEvent(f) = r.event else { unreachable!() };
    assert_eq!(f.info.ppid, 5);
    assert!(r.truncated);
    // The next event starts fresh: another whole notification, not a fragment.
    let r2 = client.next_event(&mut small, Timeout::Millis(5000)).unwrap();
    assert!(matches!(r2.event, Event::SendFailedEvent(f) if f.info.ppid == 5));
}

#[test]
fn subscribing_to_the_old_send_failed_kind_gives_the_old_form() {
    let (_server, client, _) = stalled_ttl_sender(EventKind::SendFailed, 9, 2);
    let mut buf = [0u8; 2048];
    let r = wait_for(&client, &mut buf, |r| matches!(r.event, Event::SendFailed(_)));
    let Event::SendFailed(f) = r.event else { unreachable!() };
    assert_eq!(f.info.ppid, 9);
    assert_eq!(r.len, 1000);
}
