//! Sending and receiving data over real kernel SCTP.

mod common;
use common::*;

use sctpx::{Error, Event, Family, PeelOffFlags, SendInfo, SendMsg, Socket, Timeout};

#[test]
fn one_to_one_ipv4_message_arrives_with_its_stream_and_ppid() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    assert_eq!(c.send_stream(0, 3, 0x0102_0304, b"hello").unwrap(), 5);
    let mut buf = [0u8; 64];
    let (d, r) = next_data(&s, &mut buf);
    assert_eq!(&buf[..r.len], b"hello");
    assert_eq!(d.stream, 3);
    assert_eq!(d.ppid, 0x0102_0304);
    assert!(r.complete);
    assert!(!d.unordered);
}

#[test]
fn one_to_one_ipv6_message_round_trips() {
    let (c, s) = tcp_pair(Family::Ipv6, "[::1]:0");
    c.send_stream(0, 1, 7, b"over v6").unwrap();
    let mut buf = [0u8; 64];
    let (d, r) = next_data(&s, &mut buf);
    assert_eq!(&buf[..r.len], b"over v6");
    assert_eq!(d.ppid, 7);
}

#[test]
fn dual_stack_ipv6_listener_accepts_an_ipv4_client() {
    let (l, a) = listener(Family::Ipv6, "[::]:0");
    let c = Socket::open_tcp(Family::Ipv4).unwrap();
    c.connect(&v4(&format!("127.0.0.1:{}", a.port()))).unwrap();
    let (s, peer) = l.accept().unwrap();
    let peer = peer.expect("accept reports the peer");
    // An IPv6 socket sees its IPv4 peer as a v4-mapped address.
    assert_eq!(peer.ip().to_string(), "::ffff:127.0.0.1");
    c.send_stream(0, 0, 0, b"x").unwrap();
    let mut buf = [0u8; 8];
    assert_eq!(next_data(&s, &mut buf).1.len, 1);
}

#[test]
fn ppid_is_host_order_in_the_api_and_network_order_on_the_wire() {
    // A raw kernel recvmsg sees the PPID exactly as it travels: network order.
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    c.send_stream(0, 0, 0x0000_0001, b"p").unwrap();
    let mut buf = [0u8; 8];
    let (d, _) = next_data(&s, &mut buf);
    assert_eq!(d.ppid, 1);
    // Read the wire value with a default send info from the kernel's view:
    // SCTP_DEFAULT_SNDINFO set through sctpx is stored by the kernel as given.
    let info = SendInfo { ppid: 0x0A0B_0C0D, ..Default::default() };
    c.set_default_send_info(&info).unwrap();
    let mut raw = sctpx::sys::sctp_sndinfo { snd_sid: 0, snd_flags: 0, snd_ppid: 0, snd_context: 0, snd_assoc_id: 0 };
    let fd = std::os::fd::AsRawFd::as_raw_fd(&c);
    unsafe { sctpx::sys::getsockopt_val(fd, sctpx::sys::SCTP_DEFAULT_SNDINFO, &mut raw) }.unwrap();
    assert_eq!(raw.snd_ppid, 0x0A0B_0C0Du32.to_be());
    assert_eq!(c.default_send_info(0).unwrap().ppid, 0x0A0B_0C0D);
}

#[test]
fn a_message_larger_than_the_buffer_comes_in_pieces_marked_complete_at_the_end() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let msg: Vec<u8> = (0..100u8).collect();
    c.send_stream(0, 0, 0, &msg).unwrap();
    let mut buf = [0u8; 60];
    let (_, first) = next_data(&s, &mut buf);
    assert_eq!(first.len, 60);
    assert!(!first.complete);
    assert_eq!(&buf[..60], &msg[..60]);
    let (_, rest) = next_data(&s, &mut buf);
    assert_eq!(rest.len, 40);
    assert!(rest.complete);
    assert_eq!(&buf[..40], &msg[60..]);
}

#[test]
fn unordered_send_is_reported_unordered() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let info = SendInfo { flags: sctpx::SEND_UNORDERED, stream: 2, ..Default::default() };
    c.send(b"u", &info, None).unwrap();
    let mut buf = [0u8; 8];
    let (d, _) = next_data(&s, &mut buf);
    assert!(d.unordered);
    assert_eq!(d.stream, 2);
}

#[test]
fn poll_with_nothing_queued_is_eagain() {
    let (_c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let mut buf = [0u8; 8];
    match s.next_event(&mut buf, Timeout::Poll) {
        Err(Error::Os(e)) => assert_eq!(e, libc::EAGAIN),
        other => panic!("expected EAGAIN, got {other:?}"),
    }
}

#[test]
fn a_positive_timeout_expires_with_timed_out() {
    let (_c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let mut buf = [0u8; 8];
    let t0 = std::time::Instant::now();
    assert!(matches!(s.next_event(&mut buf, Timeout::Millis(50)), Err(Error::TimedOut)));
    assert!(t0.elapsed() >= std::time::Duration::from_millis(50));
}

#[test]
fn graceful_shutdown_by_the_peer_ends_in_eof() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    c.send_stream(0, 0, 0, b"last").unwrap();
    c.shutdown(0).unwrap();
    let mut buf = [0u8; 8];
    let (_, r) = next_data(&s, &mut buf);
    assert_eq!(&buf[..r.len], b"last");
    assert!(matches!(s.next_event(&mut buf, WAIT), Err(Error::Eof)));
}

#[test]
fn connect_to_a_closed_port_is_econnrefused() {
    let (l, a) = listener(Family::Ipv4, "127.0.0.1:0");
    drop(l);
    let c = Socket::open_tcp(Family::Ipv4).unwrap();
    match c.connect(&a) {
        Err(Error::Os(e)) => assert_eq!(e, libc::ECONNREFUSED),
        other => panic!("expected ECONNREFUSED, got {other:?}"),
    }
}

#[test]
fn one_to_many_send_to_an_address_sets_up_an_association_implicitly() {
    let (server, addr) = udp_server();
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    let info = SendInfo { stream: 1, ppid: 42, ..Default::default() };
    client.send(b"implicit", &info, Some(&addr)).unwrap();
    let mut buf = [0u8; 64];
    let (d, r) = next_data(&server, &mut buf);
    assert_eq!(&buf[..r.len], b"implicit");
    assert_eq!(d.ppid, 42);
    assert!(r.assoc_id > 0);
    assert_eq!(d.from.unwrap().ip(), addr.ip());
    // The reply goes back on the same association.
    server.send_stream(r.assoc_id, 1, 43, b"reply").unwrap();
    let (d2, r2) = next_data(&client, &mut buf);
    assert_eq!(&buf[..r2.len], b"reply");
    assert_eq!(d2.ppid, 43);
}

#[test]
fn connectx_returns_the_association_id_that_messages_carry() {
    let (server, addr) = udp_server();
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    let id = client.connectx(&[addr]).unwrap();
    assert!(id > 0);
    client.send_stream(id, 0, 0, b"c").unwrap();
    let mut buf = [0u8; 8];
    next_data(&server, &mut buf);
    server.send_stream(next_assoc(&server), 0, 0, b"r").unwrap();
    let (_, r) = next_data(&client, &mut buf);
    assert_eq!(r.assoc_id, id);
}

fn next_assoc(s: &Socket) -> sctpx::AssocId {
    let mut ids = [0; 4];
    let n = s.assoc_ids(&mut ids).unwrap();
    assert_eq!(n, 1);
    ids[0]
}

#[test]
fn peeloff_turns_an_association_into_a_one_to_one_socket() {
    let (server, addr) = udp_server();
    let client = Socket::open_tcp(Family::Ipv4).unwrap();
    client.connect(&addr).unwrap();
    client.send_stream(0, 0, 0, b"before").unwrap();
    let mut buf = [0u8; 64];
    let (_, r) = next_data(&server, &mut buf);
    let peeled = server.peeloff(r.assoc_id, PeelOffFlags { nonblock: false, cloexec: true }).unwrap();
    assert_eq!(peeled.kind(), sctpx::Kind::OneToOne);
    let mut ids = [0; 4];
    assert_eq!(server.assoc_ids(&mut ids).unwrap(), 0, "the association left the one-to-many socket");
    client.send_stream(0, 0, 0, b"after").unwrap();
    let (_, r) = next_data(&peeled, &mut buf);
    assert_eq!(&buf[..r.len], b"after");
    // close-on-exec was asked for.
    let fl = unsafe { libc::fcntl(std::os::fd::AsRawFd::as_raw_fd(&peeled), libc::F_GETFD) };
    assert_eq!(fl & libc::FD_CLOEXEC, libc::FD_CLOEXEC);
}

#[test]
fn peeloff_on_a_one_to_one_socket_is_wrong_kind() {
    let s = Socket::open_tcp(Family::Ipv4).unwrap();
    assert!(matches!(s.peeloff(1, PeelOffFlags::default()), Err(Error::WrongKind(_))));
}

#[test]
fn batch_send_and_receive_keep_each_messages_metadata() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let payloads: Vec<Vec<u8>> = (0..32u8).map(|i| vec![i; 10 + i as usize]).collect();
    let msgs: Vec<SendMsg> = payloads
        .iter()
        .enumerate()
        .map(|(i, p)| SendMsg {
            data: p,
            info: SendInfo { stream: (i % 4) as u16, ppid: 1000 + i as u32, ..Default::default() },
            to: None,
        })
        .collect();
    assert_eq!(c.send_batch(&msgs).unwrap(), 32);
    let stride = 128;
    let mut buf = vec![0u8; 32 * stride];
    let mut out = [sctpx::Received::default(); 32];
    let mut got = 0;
    while got < 32 {
        let n = s.recv_batch(&mut buf, stride, &mut out, WAIT).unwrap();
        for (k, r) in out[..n].iter().enumerate() {
            let i = got + k;
            let Event::Data(d) = r.event else { panic!("data expected") };
            assert_eq!(d.ppid, 1000 + i as u32);
            assert_eq!(d.stream, (i % 4) as u16);
            assert_eq!(&buf[k * stride..k * stride + r.len], &payloads[i][..]);
        }
        got += n;
    }
}

#[test]
fn bindx_adds_a_second_local_address() {
    let s = Socket::open_udp(Family::Ipv4).unwrap();
    s.bind(&v4("127.0.0.1:0")).unwrap();
    let port = local_port(&s);
    s.bindx(&[v4(&format!("127.0.0.2:{port}"))], sctpx::BindxOp::Add).unwrap();
    let mut ips: Vec<String> = s.local_addrs(0).unwrap().iter().map(|a| a.ip().to_string()).collect();
    ips.sort();
    assert_eq!(ips, ["127.0.0.1", "127.0.0.2"]);
}

#[test]
fn peer_addrs_list_the_peers_bound_addresses() {
    let server = Socket::open_tcp(Family::Ipv4).unwrap();
    server.bind(&v4("127.0.0.1:0")).unwrap();
    let port = local_port(&server);
    server.bindx(&[v4(&format!("127.0.0.3:{port}"))], sctpx::BindxOp::Add).unwrap();
    server.listen(4).unwrap();
    let c = Socket::open_tcp(Family::Ipv4).unwrap();
    c.connect(&v4(&format!("127.0.0.1:{port}"))).unwrap();
    let mut ips: Vec<String> = c.peer_addrs(0).unwrap().iter().map(|a| a.ip().to_string()).collect();
    ips.sort();
    assert_eq!(ips, ["127.0.0.1", "127.0.0.3"]);
}

#[test]
fn connectx_on_a_non_blocking_socket_returns_the_id_while_setting_up() {
    let (server, addr) = udp_server();
    let client = Socket::open_udp(Family::Ipv4).unwrap();
    client.subscribe(sctpx::EventKind::AssocChange, true).unwrap();
    client.set_nonblocking(true).unwrap();
    let (id, in_progress) = client.connectx_progress(&[addr]).unwrap();
    assert!(id > 0);
    assert!(in_progress);
    client.set_nonblocking(false).unwrap();
    // The association comes up by itself, under the id connectx returned.
    let mut buf = [0u8; 64];
    let r = wait_for(&client, &mut buf, |r| matches!(r.event, Event::AssocChange(_)));
    assert_eq!(r.assoc_id, id);
    client.send_stream(id, 0, 0, b"up").unwrap();
    next_data(&server, &mut buf);
}

#[test]
fn abort_on_a_one_to_one_socket_is_wrong_kind_and_abort_and_close_resets_the_peer() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    assert!(matches!(c.abort(0), Err(Error::WrongKind(_))));
    c.abort_and_close().unwrap();
    let mut buf = [0u8; 8];
    match s.next_event(&mut buf, WAIT) {
        Err(Error::Os(e)) => assert_eq!(e, libc::ECONNRESET),
        other => panic!("expected ECONNRESET, got {other:?}"),
    }
}

fn peeled_pair() -> (Socket, Socket, Socket) {
    let (server, addr) = udp_server();
    let client = Socket::open_tcp(Family::Ipv4).unwrap();
    client.connect(&addr).unwrap();
    client.send_stream(0, 0, 0, b"hi").unwrap();
    let mut buf = [0u8; 16];
    let (_, r) = next_data(&server, &mut buf);
    let peeled = server.peeloff(r.assoc_id, PeelOffFlags::default()).unwrap();
    (server, client, peeled)
}

#[test]
fn a_peeled_off_socket_reads_eof_after_the_peer_shuts_down_like_any_one_to_one_socket() {
    let (_server, client, peeled) = peeled_pair();
    client.send_stream(0, 0, 0, b"bye").unwrap();
    client.shutdown(0).unwrap();
    let mut buf = [0u8; 16];
    let (_, r) = next_data(&peeled, &mut buf);
    assert_eq!(&buf[..r.len], b"bye");
    assert!(matches!(peeled.next_event(&mut buf, WAIT), Err(Error::Eof)));
    assert!(matches!(peeled.next_event(&mut buf, Timeout::Poll), Err(Error::Eof)), "and stays at EOF");
}

#[test]
fn a_peeled_off_socket_reads_econnreset_after_the_peer_aborts() {
    let (_server, client, peeled) = peeled_pair();
    client.abort_and_close().unwrap();
    let mut buf = [0u8; 16];
    match peeled.next_event(&mut buf, WAIT) {
        Err(Error::Os(e)) => assert_eq!(e, libc::ECONNRESET),
        other => panic!("expected ECONNRESET, got {other:?}"),
    }
}

#[test]
fn a_peeled_off_socket_still_delivers_the_shutdown_event_when_subscribed() {
    let (_server, client, peeled) = peeled_pair();
    assert!(!peeled.subscribed(sctpx::EventKind::Shutdown).unwrap(), "the caller never subscribed");
    peeled.subscribe(sctpx::EventKind::Shutdown, true).unwrap();
    client.shutdown(0).unwrap();
    let mut buf = [0u8; 64];
    let r = peeled.next_event(&mut buf, WAIT).unwrap();
    assert_eq!(r.event, Event::Shutdown);
    assert!(matches!(peeled.next_event(&mut buf, WAIT), Err(Error::Eof)));
}

/// Packets the sending side has sent on its association so far.
fn packets_sent(s: &Socket) -> u64 {
    s.assoc_stats(0).unwrap().opackets
}

fn receive_all(s: &Socket, n: usize) -> Vec<Vec<u8>> {
    let mut buf = [0u8; 256];
    (0..n)
        .map(|_| {
            let (_, r) = next_data(s, &mut buf);
            buf[..r.len].to_vec()
        })
        .collect()
}

#[test]
fn a_batch_to_one_association_is_bundled_into_few_packets() {
    // NODELAY: single sends then go out one packet each, so the contrast is
    // the batch's own doing (MSG_MORE on all but the last message).
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    c.set_option(sctpx::IntOption::NoDelay, 0, 1).unwrap();
    let payloads: Vec<Vec<u8>> = (0..32u8).map(|i| vec![i; 100]).collect();

    let before = packets_sent(&c);
    for p in &payloads {
        c.send_stream(0, 0, 1, p).unwrap();
    }
    assert_eq!(receive_all(&s, 32), payloads);
    assert_eq!(packets_sent(&c) - before, 32, "single sends: one packet per message");

    let before = packets_sent(&c);
    let msgs: Vec<SendMsg> = payloads.iter().map(|p| SendMsg { data: p, ..Default::default() }).collect();
    assert_eq!(c.send_batch(&msgs).unwrap(), 32);
    assert_eq!(receive_all(&s, 32), payloads, "still 32 messages, each whole and in order");
    let batch_packets = packets_sent(&c) - before;
    assert!(batch_packets <= 2, "32 x 100 bytes fit one loopback packet; sent {batch_packets}");
}

#[test]
fn a_batch_alternating_associations_holds_nothing_back() {
    // One one-to-many socket, two associations, messages for each in runs:
    // every run's last message must release its run, or the receiver waits forever.
    let (srv_a, addr_a) = udp_server();
    let (srv_b, addr_b) = udp_server();
    let c = Socket::open_udp(Family::Ipv4).unwrap();
    c.set_option(sctpx::IntOption::NoDelay, 0, 1).unwrap();
    let dest = [addr_a, addr_a, addr_b, addr_b, addr_b, addr_a, addr_b];
    let payloads: Vec<Vec<u8>> = (0..dest.len() as u8).map(|i| vec![b'0' + i; 20]).collect();
    let msgs: Vec<SendMsg> =
        payloads.iter().zip(dest).map(|(p, to)| SendMsg { data: p, to: Some(to), ..Default::default() }).collect();
    assert_eq!(c.send_batch(&msgs).unwrap(), dest.len());
    let want = |a| payloads.iter().zip(dest).filter(|(_, d)| *d == a).map(|(p, _)| p.clone()).collect::<Vec<_>>();
    assert_eq!(receive_all(&srv_a, 3), want(addr_a));
    assert_eq!(receive_all(&srv_b, 4), want(addr_b));
}

#[test]
fn a_batch_cut_short_by_a_bad_message_delivers_the_earlier_ones_with_the_next_send() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let bad_stream = SendInfo { stream: 60_000, ..Default::default() };
    let msgs = [
        SendMsg { data: b"one", ..Default::default() },
        SendMsg { data: b"two", ..Default::default() },
        SendMsg { data: b"bad", info: bad_stream, to: None },
    ];
    assert_eq!(c.send_batch(&msgs).unwrap(), 2, "the third names a stream the association lacks");
    assert!(matches!(c.send(b"bad", &bad_stream, None), Err(Error::Os(libc::EINVAL))));
    c.send_stream(0, 0, 0, b"three").unwrap();
    assert_eq!(receive_all(&s, 3), [b"one".to_vec(), b"two".to_vec(), b"three".to_vec()]);
}

#[test]
fn a_batch_with_a_bad_send_info_past_the_first_sendmmsg_sends_nothing() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let mut msgs = [SendMsg { data: b"batch", ..Default::default() }; 100];
    msgs[70].info.flags = 0x8000;
    assert!(matches!(c.send_batch(&msgs), Err(Error::InvalidArgument(_))), "message 70 has an unknown flag");
    // Stream 0 keeps the order: the marker comes first only if none of the batch went out.
    c.send_stream(0, 0, 0, b"marker").unwrap();
    assert_eq!(receive_all(&s, 1), [b"marker".to_vec()]);
}

#[test]
fn data_carries_its_source_address_unless_recv_from_is_off() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let client_port = local_port(&c);
    let mut buf = [0u8; 16];
    assert_eq!(s.option(sctpx::IntOption::RecvFrom, 0).unwrap(), 1, "on by default");
    c.send_stream(0, 0, 0, b"with").unwrap();
    let (d, _) = next_data(&s, &mut buf);
    assert_eq!(d.from, Some(v4(&format!("127.0.0.1:{client_port}"))));

    s.set_option(sctpx::IntOption::RecvFrom, 0, 0).unwrap();
    c.send_stream(0, 0, 0, b"without").unwrap();
    let (d, r) = next_data(&s, &mut buf);
    assert_eq!(&buf[..r.len], b"without", "the message itself is whole");
    assert_eq!(d.from, None);
}

#[test]
fn a_peeled_off_socket_inherits_recv_from() {
    let (server, addr) = udp_server();
    server.set_option(sctpx::IntOption::RecvFrom, 0, 0).unwrap();
    let c = Socket::open_tcp(Family::Ipv4).unwrap();
    c.connect(&addr).unwrap();
    c.send_stream(0, 0, 0, b"hi").unwrap();
    let mut buf = [0u8; 16];
    let (d, r) = next_data(&server, &mut buf);
    assert_eq!(d.from, None, "the one-to-many socket itself");
    let peeled = server.peeloff(r.assoc_id, PeelOffFlags::default()).unwrap();
    assert_eq!(peeled.option(sctpx::IntOption::RecvFrom, 0).unwrap(), 0);
    c.send_stream(0, 0, 0, b"again").unwrap();
    assert_eq!(next_data(&peeled, &mut buf).0.from, None);
}
