//! SCTP_RECVNXTINFO over real kernel SCTP: a receive describes the message
//! queued behind the one it returns (`Received::next`).

mod common;
use common::*;

use std::time::Duration;

use sctpx::{Family, IntOption, NextInfo, SendInfo, Socket, SEND_UNORDERED};

/// A one-to-many server with next-message reports `on` or off, a one-to-one
/// client connected to it, and two messages sent by the client: "first" on
/// stream 1 (PPID 7, ordered), then "second message" on stream 5 (PPID
/// 0x0102_0304, unordered). Returns (server, client): the client is kept so
/// that no end-of-association notification joins the queue.
fn two_messages_queued(on: bool) -> (Socket, Socket) {
    let (server, addr) = udp_server();
    server.set_option(IntOption::RecvNextInfo, 0, i64::from(on)).unwrap();
    let client = Socket::open_tcp(Family::Ipv4).unwrap();
    client.connect(&addr).unwrap();
    client.send(b"first", &SendInfo { stream: 1, ppid: 7, ..Default::default() }, None).unwrap();
    let second = SendInfo { stream: 5, ppid: 0x0102_0304, flags: SEND_UNORDERED, ..Default::default() };
    client.send(b"second message", &second, None).unwrap();
    // The kernel reports only what is already queued when the first is read:
    // give the second time to arrive (loopback: well under this).
    std::thread::sleep(Duration::from_millis(300));
    (server, client)
}

#[test]
fn the_first_of_two_queued_messages_describes_the_second() {
    let (server, _client) = two_messages_queued(true);
    let mut buf = [0u8; 64];
    let (d, r) = next_data(&server, &mut buf);
    assert_eq!(&buf[..r.len], b"first");
    assert_eq!((d.stream, d.ppid), (1, 7));
    assert!(r.assoc_id > 0);
    let next = NextInfo {
        stream: 5,
        ppid: 0x0102_0304,
        len: 14,
        assoc_id: r.assoc_id,
        unordered: true,
        complete: false,
        notification: false,
    };
    assert_eq!(r.next, Some(next));
    // The report did not consume it: the next receive returns that message.
    let (d, r) = next_data(&server, &mut buf);
    assert_eq!(&buf[..r.len], b"second message");
    assert_eq!((d.stream, d.ppid, d.unordered), (5, 0x0102_0304, true));
}

#[test]
fn the_last_queued_message_reports_no_next() {
    let (server, _client) = two_messages_queued(true);
    let mut buf = [0u8; 64];
    next_data(&server, &mut buf);
    let (_, r) = next_data(&server, &mut buf);
    assert_eq!(&buf[..r.len], b"second message");
    assert_eq!(r.next, None);
}

#[test]
fn with_the_option_off_no_next_is_reported() {
    let (server, _client) = two_messages_queued(false);
    assert_eq!(server.option(IntOption::RecvNextInfo, 0).unwrap(), 0);
    let mut buf = [0u8; 64];
    let (_, r) = next_data(&server, &mut buf);
    assert_eq!(&buf[..r.len], b"first");
    assert_eq!(r.next, None);
}
