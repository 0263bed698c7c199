//! Captures the fuzz targets' seed corpus from real kernel SCTP: `make fuzz-corpus` runs it in
//! the test VM, then unpacks what it printed into fuzz/seeds/.
//!
//!   fuzz_corpus_capture                 (needs SCTP) on IPv4 and IPv6 loopback, makes the kernel
//!                                       send every notification kind it can, receives with raw
//!                                       recvmsg and prints "TARGET/NAME HEX" per new input
//!   fuzz_corpus_capture --unpack DIR    writes those lines (stdin) to DIR/TARGET/NAME
//!
//! Inputs: fuzz/seeds/notification/ holds each distinct notification (kind and state) as received;
//! fuzz/seeds/recvmsg/ each distinct set of control messages, framed as sctpx::fuzzing::recvmsg
//! reads them (msg_flags, msg_namelen, the source address, the control buffer).
//! Not made here: SCTP_REMOTE_ERROR (Linux sends ERROR chunks only for malformed peers).

use std::collections::BTreeSet;
use std::io::{BufRead, Write};
use std::mem::{size_of, zeroed};
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, RawFd};
use std::{fs, thread, time::Duration};

use sctpx::{sys, EventKind, Family, IntOption, SendInfo, Socket, PR_TTL};

/// What was printed so far: one input per distinct name.
struct Corpus {
    seen: BTreeSet<String>,
}

impl Corpus {
    fn put(&mut self, name: String, bytes: &[u8]) {
        if self.seen.insert(name.clone()) {
            let hex: String = bytes.iter().map(|b| format!("{b:02x}")).collect();
            println!("{name} {hex}");
        }
    }

    /// Receives everything `s` gets until nothing more comes for `quiet`.
    fn drain(&mut self, tag: &str, s: &Socket, quiet: Duration) {
        while readable(s.as_raw_fd(), quiet) {
            if self.recv_one(tag, s.as_raw_fd()).is_none() {
                break;
            }
        }
    }

    /// Receives one message; returns its msg_flags.
    fn recv_one(&mut self, tag: &str, fd: RawFd) -> Option<i32> {
        let mut data = vec![0u8; 65536];
        let mut control = [0u64; 64];
        // SAFETY: sockaddr_storage is plain data.
        let mut name: libc::sockaddr_storage = unsafe { zeroed() };
        let mut iov = libc::iovec { iov_base: data.as_mut_ptr().cast(), iov_len: data.len() };
        // SAFETY: msghdr is plain data.
        let mut m: libc::msghdr = unsafe { zeroed() };
        m.msg_name = (&mut name as *mut libc::sockaddr_storage).cast();
        m.msg_namelen = size_of::<libc::sockaddr_storage>() as u32;
        m.msg_iov = &mut iov;
        m.msg_iovlen = 1;
        m.msg_control = control.as_mut_ptr().cast();
        m.msg_controllen = size_of::<[u64; 64]>();
        // SAFETY: every pointer in `m` refers to the live buffers above.
        let n = unsafe { libc::recvmsg(fd, &mut m, libc::MSG_DONTWAIT) };
        if n <= 0 {
            return None;
        }
        let n = n as usize;
        // SAFETY: the kernel wrote msg_namelen (<= the storage) and msg_controllen bytes.
        let name_bytes = unsafe {
            std::slice::from_raw_parts((&name as *const libc::sockaddr_storage).cast::<u8>(), m.msg_namelen as usize)
        };
        let control_bytes = unsafe { std::slice::from_raw_parts(control.as_ptr().cast::<u8>(), m.msg_controllen) };
        let notification = m.msg_flags & sys::MSG_NOTIFICATION != 0;
        let mut framed = Vec::new();
        framed.extend_from_slice(&(m.msg_flags as u32).to_ne_bytes());
        framed.extend_from_slice(&m.msg_namelen.to_ne_bytes());
        framed.extend_from_slice(name_bytes);
        framed.extend_from_slice(control_bytes);
        let what = if notification {
            "notification"
        } else if m.msg_flags & libc::MSG_EOR != 0 {
            "data"
        } else {
            "data-part"
        };
        self.put(format!("recvmsg/{tag}-{what}{}", cmsg_names(control_bytes)), &framed);
        if notification && m.msg_flags & libc::MSG_EOR != 0 {
            self.put(format!("notification/{tag}-{}", notification_name(&data[..n])), &data[..n]);
        }
        Some(m.msg_flags)
    }
}

fn readable(fd: RawFd, wait: Duration) -> bool {
    let mut p = libc::pollfd { fd, events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd.
    unsafe { libc::poll(&mut p, 1, wait.as_millis() as i32) > 0 }
}

/// "-rcvinfo-nxtinfo" for the control messages in `c`.
fn cmsg_names(mut c: &[u8]) -> String {
    let mut names = String::new();
    while c.len() >= 16 {
        let len = u64::from_ne_bytes(c[..8].try_into().unwrap()) as usize;
        let ty = i32::from_ne_bytes(c[12..16].try_into().unwrap());
        names += match ty {
            sys::SCTP_SNDRCV => "-sndrcv",
            sys::SCTP_RCVINFO => "-rcvinfo",
            sys::SCTP_NXTINFO => "-nxtinfo",
            _ => "-other",
        };
        if len < 16 || len > c.len() {
            break;
        }
        c = &c[len.next_multiple_of(8).min(c.len())..];
    }
    names
}

/// The notification's kind and, where one kind has several, its state.
fn notification_name(b: &[u8]) -> String {
    use std::mem::offset_of;
    let u16_at = |at: usize| u16::from_ne_bytes(b[at..at + 2].try_into().unwrap());
    let u32_at = |at: usize| u32::from_ne_bytes(b[at..at + 4].try_into().unwrap());
    let kind = sctpx::fuzzing::event_kind(u16_at(0));
    let detail = match kind {
        Some(EventKind::AssocChange) => format!("-state{}", u16_at(offset_of!(sys::sctp_assoc_change, sac_state))),
        Some(EventKind::PeerAddrChange) => format!("-state{}", u32_at(offset_of!(sys::sctp_paddr_change, spc_state))),
        Some(EventKind::Authentication) => {
            format!("-ind{}", u32_at(offset_of!(sys::sctp_authkey_event, auth_indication)))
        }
        Some(EventKind::PartialDelivery) => {
            format!("-ind{}", u32_at(offset_of!(sys::sctp_pdapi_event, pdapi_indication)))
        }
        Some(EventKind::SendFailed | EventKind::SendFailedEvent) => format!("-flags{}", u16_at(2)),
        _ => String::new(),
    };
    format!("{}{detail}", kind.map_or("unknown".into(), |k| format!("{k:?}")))
}

const QUIET: Duration = Duration::from_millis(700);

/// A one-to-many socket on `ip` port 0, subscribed to every kind, asking for
/// SCTP_RCVINFO and SCTP_NXTINFO, with reconfiguration and PR-SCTP on.
fn endpoint(family: Family, ip: &str) -> (Socket, SocketAddr) {
    let s = Socket::open_udp(family).unwrap();
    for k in EventKind::ALL {
        s.subscribe(k, true).unwrap();
    }
    for opt in [sys::SCTP_RECVRCVINFO, sys::SCTP_RECVNXTINFO] {
        sys::setsockopt_val(s.as_raw_fd(), opt, &1i32).unwrap();
    }
    s.set_option(IntOption::ReconfigSupported, 0, 1).unwrap();
    s.set_option(IntOption::EnableStreamReset, 0, 7).unwrap();
    s.set_option(IntOption::PrSupported, 0, 1).unwrap();
    s.set_option(IntOption::AdaptationLayer, 0, 0x0102_0304).unwrap();
    let mut a: SocketAddr = format!("{ip}:0").parse().unwrap();
    s.bind(&a).unwrap();
    s.listen(8).unwrap();
    a.set_port(s.local_addrs(0).unwrap()[0].port());
    (s, a)
}

fn capture(c: &mut Corpus, family: Family, tag: &str, ip: &str) {
    // Association up (COMM_UP, adaptation, NO_AUTH, sender dry, peer addresses), data with
    // RCVINFO/NXTINFO (ordered and unordered), primary change, then a graceful shutdown.
    let (server, addr) = endpoint(family, ip);
    if family == Family::Ipv4 {
        server.bindx(&[format!("127.0.0.4:{}", addr.port()).parse().unwrap()], sctpx::BindxOp::Add).unwrap();
    }
    let (client, _) = endpoint(family, ip);
    let id = client.connectx(&[addr]).unwrap();
    thread::sleep(QUIET);
    for (i, flags) in [0, sctpx::SEND_UNORDERED, 0].into_iter().enumerate() {
        let info = SendInfo { assoc_id: id, stream: 1, ppid: 42, flags, context: i as u32, ..Default::default() };
        client.send(b"seed data", &info, None).unwrap();
    }
    let primary = if family == Family::Ipv4 { format!("127.0.0.4:{}", addr.port()).parse().unwrap() } else { addr };
    let _ = client.set_primary(id, &primary);
    c.drain(tag, &server, QUIET);
    c.drain(tag, &client, QUIET);
    client.shutdown(id).unwrap();
    c.drain(tag, &server, QUIET);
    c.drain(tag, &client, QUIET);

    // Stream reconfiguration: stream reset, stream change and association reset, both sides.
    let (server, addr) = endpoint(family, ip);
    let (client, _) = endpoint(family, ip);
    let id = client.connectx(&[addr]).unwrap();
    c.drain(tag, &client, QUIET);
    client.reset_streams(id, sys::SCTP_STREAM_RESET_OUTGOING, &[1, 3]).unwrap();
    c.drain(tag, &client, QUIET);
    client.add_streams(id, 2, 5).unwrap();
    c.drain(tag, &client, QUIET);
    client.reset_assoc(id).unwrap();
    c.drain(tag, &client, QUIET);
    c.drain(tag, &server, QUIET);

    // Partial delivery aborted, and COMM_LOST with the ABORT's causes: a message larger than
    // the receiver's window starts partial delivery, then the sender aborts.
    let (server, addr) = endpoint(family, ip);
    server.set_option(IntOption::RcvBuf, 0, 4096).unwrap();
    server.set_option(IntOption::PartialDeliveryPoint, 0, 1024).unwrap();
    let (client, _) = endpoint(family, ip);
    // Fragments small enough for the window (loopback's MTU would carry it whole).
    client.set_option(IntOption::MaxSeg, 0, 1000).unwrap();
    let id = client.connectx(&[addr]).unwrap();
    thread::sleep(QUIET);
    client.set_option(IntOption::NonBlock, 0, 1).unwrap();
    let _ = client.send(&[7u8; 30000], &SendInfo { assoc_id: id, ..Default::default() }, None);
    // Only the first piece: reading on would let the whole message through.
    while readable(server.as_raw_fd(), QUIET) {
        match c.recv_one(tag, server.as_raw_fd()) {
            Some(flags) if flags & sys::MSG_NOTIFICATION != 0 => continue,
            _ => break,
        }
    }
    client.abort(id).unwrap();
    c.drain(tag, &server, QUIET);
    c.drain(tag, &client, QUIET);

    // Send failures, both forms: messages with a 1 ms PR-SCTP lifetime to a receiver that
    // never reads expire unsent.
    let (server, addr) = endpoint(family, ip);
    server.set_option(IntOption::RcvBuf, 0, 4096).unwrap();
    let (client, _) = endpoint(family, ip);
    let id = client.connectx(&[addr]).unwrap();
    client.set_option(IntOption::NonBlock, 0, 1).unwrap();
    for i in 0..100u32 {
        let info = SendInfo { assoc_id: id, ppid: 9, context: i, pr_policy: PR_TTL, pr_value: 1, ..Default::default() };
        if client.send(&[0xAB; 64], &info, None).is_err() {
            break;
        }
    }
    c.drain(tag, &client, QUIET);
    drop(server);

    // SCTP_AUTH_FREE_KEY: with AUTH on, a new key made active and the old one deactivated.
    let (server, addr) = endpoint(family, ip);
    let (client, _) = endpoint(family, ip);
    for s in [&server, &client] {
        let on = sys::sctp_assoc_value { assoc_id: 0, assoc_value: 1 };
        sys::setsockopt_val(s.as_raw_fd(), sys::SCTP_AUTH_SUPPORTED, &on).unwrap();
    }
    let id = client.connectx(&[addr]).unwrap();
    c.drain(tag, &client, QUIET);
    let mut key = Vec::new();
    key.extend_from_slice(&id.to_ne_bytes());
    key.extend_from_slice(&1u16.to_ne_bytes());
    key.extend_from_slice(&4u16.to_ne_bytes());
    key.extend_from_slice(b"seed");
    // SAFETY: SCTP_AUTH_KEY reads an sctp_authkey and its key bytes from the buffer.
    unsafe { sys::setsockopt_buf(client.as_raw_fd(), sys::SOL_SCTP, sys::SCTP_AUTH_KEY, &key) }.unwrap();
    for (opt, n) in [(sys::SCTP_AUTH_ACTIVE_KEY, 1), (sys::SCTP_AUTH_DEACTIVATE_KEY, 0)] {
        let keyid = sys::sctp_authkeyid { scact_assoc_id: id, scact_keynumber: n };
        sys::setsockopt_val(client.as_raw_fd(), opt, &keyid).unwrap();
    }
    c.drain(tag, &client, QUIET);
    drop(server);

    // CANT_STR_ASSOC: INIT to a port nobody listens on.
    let (client, _) = endpoint(family, ip);
    let closed = {
        let (s, a) = endpoint(family, ip);
        drop(s);
        a
    };
    let _ = client.connectx(&[closed]);
    c.drain(tag, &client, QUIET);
}

fn unpack(dir: &str) {
    for line in std::io::stdin().lock().lines() {
        let line = line.unwrap();
        let Some((name, hex)) = line.split_once(' ') else { continue };
        if !name.contains('/') || hex.len() % 2 != 0 || !hex.bytes().all(|b| b.is_ascii_hexdigit()) {
            continue; // the harness's own lines
        }
        let bytes: Vec<u8> =
            (0..hex.len()).step_by(2).map(|i| u8::from_str_radix(&hex[i..i + 2], 16).unwrap()).collect();
        let path = std::path::Path::new(dir).join(name);
        fs::create_dir_all(path.parent().unwrap()).unwrap();
        fs::write(&path, bytes).unwrap();
    }
}

fn main() {
    let args: Vec<String> = std::env::args().collect();
    if let [_, flag, dir] = &args[..] {
        assert_eq!(flag, "--unpack", "usage: fuzz_corpus_capture [--unpack DIR]");
        return unpack(dir);
    }
    let mut c = Corpus { seen: BTreeSet::new() };
    capture(&mut c, Family::Ipv4, "v4", "127.0.0.1");
    capture(&mut c, Family::Ipv6, "v6", "[::1]");
    std::io::stdout().flush().unwrap();
}
