//! Hostile input on the userspace backend's UDP port (issue 13 item 8), on the host: no VM, no
//! kernel SCTP. tests/hostile/run runs it and prints its TAP.
//!
//!   hostile_udp [--seconds N] [--rate PPS] [--seed S]
//!       one process: a userspace association (server and client on 127.0.0.1, one usrsctp stack
//!       on a free UDP port) echoing messages while a thread attacks that UDP port for N seconds
//!       (default 20) at PPS packets per second (default 5000); then checks that nothing crashed,
//!       that the association still carries messages both ways with their payload, stream and
//!       PPID intact, and that memory and descriptors stayed bounded. TAP on stdout.
//!   hostile_udp --attack UDP_PORT SERVER_PORT CLIENT_PORT [--seconds N] [--rate PPS] [--seed S]
//!       the attacker alone, against another process's stack (tests/hostile/hostile_udp.c, built
//!       with AddressSanitizer); TAP about the attack itself.
//!   --kinds random,runt,bad-crc,garbage,truncated,huge,bad-init,flood
//!       only these general attacks (default: all), to narrow a failure down.
//!
//! The attacks (ordinary UDP sockets, SCTP packets as RFC 6951 carries them), in two phases:
//! - general, while messages flow: random datagrams, runts shorter than the common header,
//!   truncated chunks, INITs with a wrong CRC32c, valid common headers carrying garbage chunks,
//!   length fields of 0, 1..3, past the end and 0xFFFF, malformed INIT parameters, 1000 INITs from
//!   1000 distinct UDP source ports (each INIT-ACK answered with a corrupted State Cookie). None
//!   of it carries the association's addresses and ports together.
//! - then, on a second association: ABORT, SHUTDOWN, SHUTDOWN-COMPLETE, DATA, INIT, ... with the
//!   association's own addresses and ports but a verification tag the attacker can only guess.
//!
//! Two usrsctp bugs (0.9.5.0, and master as of 2025-10) show here; the checks that meet them are
//! TAP TODO, so that a fixed usrsctp turns them "ok" (see TODO_CRC and TODO_PORT).

use std::collections::HashSet;
use std::io::ErrorKind;
use std::net::{Ipv4Addr, SocketAddr, SocketAddrV4, UdpSocket};
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::thread;
use std::time::{Duration, Instant};

use sctpx::{Backend, Error, Event, EventKind, Family, IntOption, Socket, Timeout, COMM_UP, SHUTDOWN_COMP};

/// How long one message may take to come back while the port is under attack.
const MESSAGE_WAIT: Timeout = Timeout::Millis(10_000);
/// The streams the traffic cycles through (usrsctp's and Linux's default is 10 each way).
const STREAMS: u16 = 4;
/// Longest message: several DATA chunks per message (usrsctp fragments at its path MTU).
const MAX_MESSAGE: usize = 4000;
/// The INIT flood: this many UDP sockets, each its own source port, one INIT each.
const FLOOD_PORTS: usize = 1000;
/// At least this share of the flood's INITs must be answered (INIT-ACK), in thousandths: the
/// attack must have reached the SCTP layer for its outcome to mean anything. Under the flood's
/// own load a few answers may be lost in socket buffers.
const FLOOD_ANSWERED_MIN: usize = 950;
/// usrsctp's UDP receive threads stop verifying checksums for good once one packet arrived whose
/// source and destination addresses are equal (user_recv_thread.c: `compute_crc` is set to 0
/// for such a packet and never back to 1), and every packet of a loopback association is such a
/// packet.
const TODO_CRC: &str = "usrsctp bug: CRC32c checks stay off after the first packet with source address == \
                        destination address (user_recv_thread.c never resets compute_crc)";
/// usrsctp takes the UDP source port of any packet that maps to an association as the
/// association's new remote encapsulation port before it checks the verification tag (and
/// even when the checksum is wrong): sctp_common_input_processing, `net->port = port`.
const TODO_PORT: &str = "usrsctp bug: after packets with the association's addresses and ports but a wrong \
                         verification tag it stops delivering (sctp_input.c sets net->port, the remote UDP \
                         encapsulation port, before the tag check)";
/// RSS may grow this much over the attack (measured: a few hundred KiB; usrsctp's stateless
/// cookie handling keeps no state per INIT).
const RSS_GROWTH_MAX_KIB: u64 = 8 * 1024;

// --- SCTP packets (RFC 9260 section 3) ----------------------------------------------------------

/// Chunk types (RFC 9260, 4895, 4960 extensions, 5061, 6525, 8260, 3758).
mod chunk {
    pub const DATA: u8 = 0;
    pub const INIT: u8 = 1;
    pub const INIT_ACK: u8 = 2;
    pub const SACK: u8 = 3;
    pub const HEARTBEAT: u8 = 4;
    pub const ABORT: u8 = 6;
    pub const SHUTDOWN: u8 = 7;
    pub const SHUTDOWN_ACK: u8 = 8;
    pub const ERROR: u8 = 9;
    pub const COOKIE_ECHO: u8 = 10;
    pub const COOKIE_ACK: u8 = 11;
    pub const SHUTDOWN_COMPLETE: u8 = 14;
    /// Every type usrsctp parses: garbage aimed at each parser.
    pub const KNOWN: [u8; 24] =
        [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 13, 14, 0x0f, 0x10, 0x40, 0x80, 0x81, 0x82, 0x84, 0xc0, 0xc1];
}

/// The State Cookie parameter of an INIT-ACK.
const PARAM_STATE_COOKIE: u16 = 7;

/// CRC32c (Castagnoli, reflected polynomial 0x82F63B78), as RFC 9260 appendix A computes it.
fn crc32c(data: &[u8]) -> u32 {
    static TABLE: std::sync::OnceLock<[u32; 256]> = std::sync::OnceLock::new();
    let table = TABLE.get_or_init(|| {
        let mut t = [0u32; 256];
        for (i, e) in t.iter_mut().enumerate() {
            let mut c = i as u32;
            for _ in 0..8 {
                c = if c & 1 != 0 { (c >> 1) ^ 0x82F6_3B78 } else { c >> 1 };
            }
            *e = c;
        }
        t
    });
    !data.iter().fold(!0u32, |c, &b| table[((c ^ u32::from(b)) & 0xff) as usize] ^ (c >> 8))
}

/// Writes the checksum of a whole packet into its common header. The CRC goes on the wire least
/// significant byte first (RFC 9260 appendix A; usrsctp's sctp_finalize_crc32c).
fn seal(packet: &mut [u8]) {
    if packet.len() < 12 {
        return;
    }
    packet[8..12].fill(0);
    let crc = crc32c(packet);
    packet[8..12].copy_from_slice(&crc.to_le_bytes());
}

/// A common header (its checksum zero until `seal`).
fn header(src_port: u16, dst_port: u16, vtag: u32) -> Vec<u8> {
    let mut p = Vec::with_capacity(1500);
    p.extend_from_slice(&src_port.to_be_bytes());
    p.extend_from_slice(&dst_port.to_be_bytes());
    p.extend_from_slice(&vtag.to_be_bytes());
    p.extend_from_slice(&[0; 4]);
    p
}

/// Appends a chunk with the length field `len` (None: the true length), padded to 4 bytes.
fn push_chunk(p: &mut Vec<u8>, ty: u8, flags: u8, value: &[u8], len: Option<u16>) {
    let true_len = 4 + value.len();
    p.push(ty);
    p.push(flags);
    p.extend_from_slice(&len.unwrap_or(true_len as u16).to_be_bytes());
    p.extend_from_slice(value);
    p.resize(p.len() + (4 - true_len % 4) % 4, 0);
}

/// An INIT's value: the fixed part (a non-zero tag, as RFC 9260 requires) and `params`.
fn init_value(tag: u32, tsn: u32, params: &[u8]) -> Vec<u8> {
    let mut v = Vec::with_capacity(16 + params.len());
    v.extend_from_slice(&tag.to_be_bytes());
    v.extend_from_slice(&65536u32.to_be_bytes()); // a_rwnd
    v.extend_from_slice(&10u16.to_be_bytes()); // outbound streams
    v.extend_from_slice(&10u16.to_be_bytes()); // maximum inbound streams
    v.extend_from_slice(&tsn.to_be_bytes());
    v.extend_from_slice(params);
    v
}

/// A well-formed INIT to `dst_port`, checksum included.
fn init_packet(src_port: u16, dst_port: u16, tag: u32, tsn: u32) -> Vec<u8> {
    // Supported Address Types: IPv4 (type 12, one address type, padded).
    let params = [0, 12, 0, 6, 0, 5, 0, 0];
    let mut p = header(src_port, dst_port, 0);
    push_chunk(&mut p, chunk::INIT, 0, &init_value(tag, tsn, &params), None);
    seal(&mut p);
    p
}

/// What an answer to one of our INITs says: (its source port, our port, its tag, its cookie).
struct InitAck {
    src_port: u16,
    dst_port: u16,
    tag: u32,
    cookie: Vec<u8>,
}

/// The first chunk's type of an SCTP packet, if it has one.
fn first_chunk(p: &[u8]) -> Option<u8> {
    (p.len() >= 16).then(|| p[12])
}

/// Whether an SCTP packet has a chunk of type `ty` (walking the chunk lengths).
fn has_chunk(p: &[u8], ty: u8) -> bool {
    let mut off = 12;
    while off + 4 <= p.len() {
        if p[off] == ty {
            return true;
        }
        let len = usize::from(be16(&p[off + 2..]));
        if len < 4 {
            return false;
        }
        off += (len + 3) & !3;
    }
    false
}

fn be16(b: &[u8]) -> u16 {
    u16::from_be_bytes([b[0], b[1]])
}

fn be32(b: &[u8]) -> u32 {
    u32::from_be_bytes([b[0], b[1], b[2], b[3]])
}

/// Parses an INIT-ACK packet (only what the cookie attack needs).
fn parse_init_ack(p: &[u8]) -> Option<InitAck> {
    if first_chunk(p) != Some(chunk::INIT_ACK) || p.len() < 32 {
        return None;
    }
    let end = (12 + usize::from(be16(&p[14..]))).min(p.len());
    let mut off = 32;
    let mut cookie = None;
    while off + 4 <= end {
        let (ty, len) = (be16(&p[off..]), usize::from(be16(&p[off + 2..])));
        if len < 4 || off + len > end {
            break;
        }
        if ty == PARAM_STATE_COOKIE {
            cookie = Some(p[off + 4..off + len].to_vec());
        }
        off += (len + 3) & !3;
    }
    Some(InitAck { src_port: be16(p), dst_port: be16(&p[2..]), tag: be32(&p[16..]), cookie: cookie? })
}

// --- randomness ---------------------------------------------------------------------------------

/// xorshift64*: reproducible from the seed printed in the TAP (--seed replays a run's choices;
/// the timing, and so what the stack does with them, still varies).
struct Rng(u64);

impl Rng {
    fn next(&mut self) -> u64 {
        self.0 ^= self.0 >> 12;
        self.0 ^= self.0 << 25;
        self.0 ^= self.0 >> 27;
        self.0.wrapping_mul(0x2545_F491_4F6C_DD1D)
    }

    fn below(&mut self, n: usize) -> usize {
        (self.next() % n as u64) as usize
    }

    fn u32(&mut self) -> u32 {
        (self.next() >> 32) as u32
    }

    fn u16(&mut self) -> u16 {
        (self.next() >> 48) as u16
    }

    fn chance(&mut self, percent: usize) -> bool {
        self.below(100) < percent
    }

    fn bytes(&mut self, n: usize) -> Vec<u8> {
        (0..n).map(|_| self.next() as u8).collect()
    }

    /// `min` bytes and fewer than `spread` more.
    fn some_bytes(&mut self, min: usize, spread: usize) -> Vec<u8> {
        let n = min + self.below(spread);
        self.bytes(n)
    }

    fn pick<T: Copy>(&mut self, from: &[T]) -> T {
        from[self.below(from.len())]
    }
}

// --- the attacker -------------------------------------------------------------------------------

/// Where the attacks go: the stack's UDP port and the association's two SCTP ports.
#[derive(Clone, Copy)]
struct Target {
    udp: SocketAddr,
    server_port: u16,
    client_port: u16,
}

/// What the attacker saw; the checks read it.
#[derive(Default)]
struct Report {
    sent: u64,
    send_errors: u64,
    /// Distinct flood ports whose INIT was answered with an INIT-ACK.
    flood_answered: usize,
    flood_sent: usize,
    bad_crc_sent: u64,
    /// Packets that came back to the socket that only ever sent INITs with a wrong checksum.
    bad_crc_answers: u64,
    cookies_sent: u64,
    /// COOKIE-ACKs: a corrupted cookie was taken for a valid one.
    cookie_acks: u64,
    /// Packets of the association itself that reached an attacker's socket.
    captured: u64,
}

struct Attacker {
    rng: Rng,
    target: Target,
    /// 127.0.0.1: the association's address (so usrsctp would skip the checksum check even
    /// without its bug). In the general phase never with the association's two ports.
    loopback: UdpSocket,
    /// 127.0.0.2.
    other: UdpSocket,
    /// 127.0.0.3, sends nothing but INITs with a wrong checksum.
    bad_crc: UdpSocket,
    flood: Vec<UdpSocket>,
    flood_answered: HashSet<usize>,
    report: Report,
    /// The KINDS enabled.
    kinds: Vec<&'static str>,
}

fn udp_socket(ip: Ipv4Addr) -> std::io::Result<UdpSocket> {
    let s = UdpSocket::bind(SocketAddrV4::new(ip, 0))?;
    s.set_nonblocking(true)?;
    Ok(s)
}

impl Attacker {
    fn new(target: Target, seed: u64) -> std::io::Result<Attacker> {
        let other_ip = Ipv4Addr::new(127, 0, 0, 2);
        let flood = (0..FLOOD_PORTS).map(|_| udp_socket(other_ip)).collect::<std::io::Result<Vec<_>>>()?;
        Ok(Attacker {
            rng: Rng(seed | 1),
            target,
            loopback: udp_socket(Ipv4Addr::LOCALHOST)?,
            other: udp_socket(other_ip)?,
            bad_crc: udp_socket(Ipv4Addr::new(127, 0, 0, 3))?,
            flood,
            flood_answered: HashSet::new(),
            report: Report::default(),
            kinds: ENABLED.get().cloned().unwrap_or_else(|| KINDS.iter().map(|k| k.0).collect()),
        })
    }

    /// Whether `p` has the association's two ports, either way round.
    fn hits_association(&self, p: &[u8]) -> bool {
        let (c, s) = (self.target.client_port, self.target.server_port);
        p.len() >= 4 && matches!((be16(p), be16(&p[2..])), (a, b) if (a, b) == (c, s) || (a, b) == (s, c))
    }

    /// Sends a general attack: never one the association itself would take for its own (that is
    /// the second phase's business).
    fn send(&mut self, from: Source, p: &mut [u8]) {
        let s = match from {
            Source::Loopback if self.hits_association(p) => {
                p[0] ^= 0x80;
                &self.loopback
            }
            Source::Loopback => &self.loopback,
            Source::Other => &self.other,
        };
        self.report.sent += 1;
        match s.send_to(p, self.target.udp) {
            Ok(_) => {}
            // A full socket buffer is the flood's own doing, not the target's.
            Err(e) if e.kind() == ErrorKind::WouldBlock => {}
            Err(_) => self.report.send_errors += 1,
        }
    }

    /// Runs the general attacks for `duration` at `rate` packets per second.
    fn run(mut self, duration: Duration, rate: u64) -> Report {
        let start = Instant::now();
        let mut n: u64 = 0;
        while start.elapsed() < duration {
            // The flood's INITs spread over the first half, the rest of the time for their
            // answers and the cookie attack.
            let due = (start.elapsed().as_secs_f64() / (duration.as_secs_f64() / 2.0) * FLOOD_PORTS as f64) as usize;
            if self.report.flood_sent < due.min(FLOOD_PORTS) && self.kinds.contains(&"flood") {
                self.flood_init();
            } else {
                self.one_attack();
            }
            if n % 64 == 0 {
                self.harvest(16);
            }
            n += 1;
            pace(start, n, rate);
        }
        // The last answers.
        let quiet = Instant::now();
        while quiet.elapsed() < Duration::from_millis(500) {
            self.harvest(FLOOD_PORTS);
            thread::sleep(Duration::from_millis(20));
        }
        self.report.flood_answered = self.flood_answered.len();
        self.report.captured += self.captured();
        self.report
    }

    /// The next flood socket sends its one INIT to the listening server.
    fn flood_init(&mut self) {
        let i = self.report.flood_sent;
        let (sport, tag, tsn) = (self.rng.u16().max(1), self.rng.u32().max(1), self.rng.u32());
        let p = init_packet(sport, self.target.server_port, tag, tsn);
        self.report.sent += 1;
        if self.flood[i].send_to(&p, self.target.udp).is_err() {
            self.report.send_errors += 1;
        }
        self.report.flood_sent += 1;
    }

    /// Reads what came back to up to `count` flood sockets (round robin): an INIT-ACK counts
    /// its port as answered and gets a COOKIE-ECHO with the cookie corrupted; a COOKIE-ACK means
    /// a corrupted cookie was accepted.
    /// Also counts what came back to the bad-checksum socket (read often: its receive buffer
    /// would otherwise hold only the first hundred or so).
    fn harvest(&mut self, count: usize) {
        static NEXT: AtomicU64 = AtomicU64::new(0);
        let mut buf = [0u8; 2048];
        while self.bad_crc.recv(&mut buf).is_ok() {
            self.report.bad_crc_answers += 1;
        }
        for _ in 0..count.min(self.report.flood_sent) {
            let i = (NEXT.fetch_add(1, Ordering::Relaxed) % self.report.flood_sent as u64) as usize;
            while let Ok(n) = self.flood[i].recv(&mut buf) {
                let p = &buf[..n];
                if first_chunk(p) == Some(chunk::COOKIE_ACK) {
                    self.report.cookie_acks += 1;
                }
                let Some(ack) = parse_init_ack(p) else { continue };
                self.flood_answered.insert(i);
                let mut cookie = ack.cookie;
                if cookie.is_empty() {
                    continue;
                }
                let at = self.rng.below(cookie.len());
                cookie[at] ^= 1 << self.rng.below(8);
                let mut reply = header(ack.dst_port, ack.src_port, ack.tag);
                push_chunk(&mut reply, chunk::COOKIE_ECHO, 0, &cookie, None);
                seal(&mut reply);
                self.report.cookies_sent += 1;
                self.report.sent += 1;
                let _ = self.flood[i].send_to(&reply, self.target.udp);
            }
        }
    }

    /// One packet of a kind chosen at random (by weight) among those enabled.
    fn one_attack(&mut self) {
        let total: usize = KINDS.iter().filter(|k| self.kinds.contains(&k.0)).map(|k| k.1).sum();
        if total == 0 {
            return;
        }
        let mut roll = self.rng.below(total);
        let kind = KINDS.iter().filter(|k| self.kinds.contains(&k.0)).find(|k| {
            let hit = roll < k.1;
            roll = roll.saturating_sub(k.1);
            hit
        });
        let from = if self.rng.chance(50) { Source::Loopback } else { Source::Other };
        let mut p = match kind.map_or("", |k| k.0) {
            // Random bytes, now and then as large as a UDP datagram gets.
            "random" => {
                let len = if self.rng.chance(3) { 65_507 } else { self.rng.below(1500) };
                self.rng.bytes(len)
            }
            // Runts: shorter than a common header plus one chunk header.
            "runt" => self.rng.some_bytes(0, 16),
            "bad-crc" => {
                // A good INIT with a wrong checksum, from where checksums would be checked.
                let mut p = init_packet(self.rng.u16().max(1), self.target.server_port, self.rng.u32().max(1), 0);
                p[8] ^= 1 << self.rng.below(8);
                self.report.bad_crc_sent += 1;
                self.report.sent += 1;
                let _ = self.bad_crc.send_to(&p, self.target.udp);
                return;
            }
            "garbage" => self.garbage_chunks(),
            "truncated" => self.truncated(),
            "huge" => self.huge_lengths(),
            _ => self.malformed_init(),
        };
        self.send(from, &mut p);
    }

    /// A destination port: the listener, the client, or any.
    fn some_port(&mut self) -> u16 {
        match self.rng.below(3) {
            0 => self.target.server_port,
            1 => self.target.client_port,
            _ => self.rng.u16(),
        }
    }

    /// A length field that lies: 0, too short for a chunk header, past the packet, or 0xFFFF.
    fn bad_len(&mut self, true_len: usize) -> u16 {
        match self.rng.below(5) {
            0 => 0,
            1 => self.rng.below(4) as u16,
            2 => (true_len + 1 + self.rng.below(64)) as u16,
            3 => 0xffff,
            _ => self.rng.u16(),
        }
    }

    /// A valid-looking common header (correct checksum) with 1..8 garbage chunks.
    fn garbage_chunks(&mut self) -> Vec<u8> {
        let vtag = if self.rng.chance(20) { 0 } else { self.rng.u32() };
        let (sport, dport) = (self.some_port(), self.some_port());
        let mut p = header(sport, dport, vtag);
        for _ in 0..1 + self.rng.below(8) {
            let ty = if self.rng.chance(80) { self.rng.pick(&chunk::KNOWN) } else { self.rng.next() as u8 };
            let value = self.rng.some_bytes(0, 200);
            let len = if self.rng.chance(70) { None } else { Some(self.bad_len(4 + value.len())) };
            push_chunk(&mut p, ty, self.rng.next() as u8, &value, len);
        }
        seal(&mut p);
        p
    }

    /// A well-formed chunk cut short, its length field still claiming all of it.
    fn truncated(&mut self) -> Vec<u8> {
        let ty = self.rng.pick(&chunk::KNOWN);
        let value = match ty {
            chunk::INIT | chunk::INIT_ACK => {
                init_value(self.rng.u32().max(1), self.rng.u32(), &[0, 12, 0, 6, 0, 5, 0, 0])
            }
            _ => self.rng.some_bytes(16, 100),
        };
        let vtag = if ty == chunk::INIT { 0 } else { self.rng.u32() };
        let (sport, dport) = (self.some_port(), self.some_port());
        let mut p = header(sport, dport, vtag);
        push_chunk(&mut p, ty, 0, &value, None);
        p.truncate(12 + 1 + self.rng.below(4 + value.len() - 1));
        seal(&mut p);
        p
    }

    /// The second phase: for `duration` at `rate`, packets that carry the association's
    /// addresses and ports, from 127.0.0.1, with a guessed verification tag.
    fn run_wrong_tag(&mut self, duration: Duration, rate: u64) {
        let start = Instant::now();
        let mut n = 0;
        while start.elapsed() < duration {
            let p = self.wrong_tag();
            self.report.sent += 1;
            if self.loopback.send_to(&p, self.target.udp).is_err() {
                self.report.send_errors += 1;
            }
            n += 1;
            pace(start, n, rate);
        }
    }

    /// How many packets carrying the association's own DATA (not the INIT-ACKs and ABORTs
    /// that answer the attacker's packets) reached the attacker's 127.0.0.1 socket, the only
    /// one with the association's address. A correct stack sends it none (TODO_PORT).
    fn captured(&self) -> u64 {
        let mut buf = [0u8; 65536];
        let mut captured = 0;
        while let Ok(len) = self.loopback.recv(&mut buf) {
            let p = &buf[..len];
            captured += u64::from(self.hits_association(p) && has_chunk(p, chunk::DATA));
        }
        captured
    }

    /// A chunk that would end or disturb the association, on its own ports but with a
    /// verification tag the attacker can only guess (vtag 0 for INIT: a colliding INIT).
    fn wrong_tag(&mut self) -> Vec<u8> {
        let (sport, dport) = if self.rng.chance(50) {
            (self.target.client_port, self.target.server_port)
        } else {
            (self.target.server_port, self.target.client_port)
        };
        const TYPES: [u8; 10] = [
            chunk::ABORT,
            chunk::SHUTDOWN,
            chunk::SHUTDOWN_ACK,
            chunk::SHUTDOWN_COMPLETE,
            chunk::DATA,
            chunk::SACK,
            chunk::HEARTBEAT,
            chunk::ERROR,
            chunk::COOKIE_ECHO,
            chunk::INIT,
        ];
        // Now and then any chunk type, with garbage in it.
        let ty = if self.rng.chance(80) { self.rng.pick(&TYPES) } else { self.rng.pick(&chunk::KNOWN) };
        let vtag = if ty == chunk::INIT { 0 } else { self.rng.u32() };
        let mut p = header(sport, dport, vtag);
        match ty {
            // T bit: "the tag is yours, reflected".
            chunk::ABORT | chunk::SHUTDOWN_COMPLETE => push_chunk(&mut p, ty, self.rng.below(2) as u8, &[], None),
            chunk::SHUTDOWN => push_chunk(&mut p, ty, 0, &self.rng.u32().to_be_bytes(), None),
            chunk::INIT => push_chunk(&mut p, ty, 0, &init_value(self.rng.u32().max(1), self.rng.u32(), &[]), None),
            chunk::DATA => {
                let mut v = self.rng.bytes(12);
                v.extend_from_slice(b"injected");
                push_chunk(&mut p, ty, 3, &v, None);
            }
            _ => {
                let v = self.rng.some_bytes(4, 60);
                push_chunk(&mut p, ty, 0, &v, None);
            }
        }
        seal(&mut p);
        p
    }

    /// Length fields at their extremes: a chunk or a parameter claiming 0xFFFF bytes, lengths of
    /// 0 (a parser that does not insist on progress loops forever), a packet of thousands of
    /// 4-byte chunks of unknown types whose high bits ask for an error report each.
    fn huge_lengths(&mut self) -> Vec<u8> {
        let vtag = self.rng.u32();
        let (sport, dport) = (self.some_port(), self.some_port());
        let mut p = header(sport, dport, vtag);
        match self.rng.below(4) {
            0 => push_chunk(&mut p, self.rng.pick(&chunk::KNOWN), 0, &self.rng.bytes(20), Some(0xffff)),
            1 => {
                for _ in 0..1 + self.rng.below(4) {
                    push_chunk(&mut p, self.rng.pick(&chunk::KNOWN), 0, &[], Some(0));
                }
            }
            2 => {
                let count = 100 + self.rng.below(2000);
                for _ in 0..count {
                    push_chunk(&mut p, 0x40 | (self.rng.next() as u8 & 0x3f) | 0x20, 0, &[], None);
                }
            }
            _ => {
                // A DATA chunk claiming more than any datagram.
                let mut v = self.rng.bytes(12);
                v.extend(self.rng.some_bytes(0, 1200));
                push_chunk(&mut p, chunk::DATA, 3, &v, Some(0xffff));
            }
        }
        seal(&mut p);
        p
    }

    /// An INIT (checksum right, to the listener) whose parameters are broken: lengths 0, 1..3,
    /// past the chunk, 0xFFFF, host name and address parameters of the wrong size, hundreds of
    /// unknown parameters asking to be reported.
    fn malformed_init(&mut self) -> Vec<u8> {
        let mut params = Vec::new();
        for _ in 0..1 + self.rng.below(6) {
            // IPv4, IPv6, cookie preservative, host name, supported address types, ECN,
            // forward TSN, supported extensions, random, chunk list, HMAC algorithms, and any.
            const TYPES: [u16; 12] = [5, 6, 9, 11, 12, 0x8000, 0xc000, 0x8008, 0x8002, 0x8003, 0x8004, 0xffff];
            let ty = if self.rng.chance(80) { self.rng.pick(&TYPES) } else { self.rng.u16() };
            let value = self.rng.some_bytes(0, 40);
            let len = if self.rng.chance(50) { (4 + value.len()) as u16 } else { self.bad_len(4 + value.len()) };
            params.extend_from_slice(&ty.to_be_bytes());
            params.extend_from_slice(&len.to_be_bytes());
            params.extend_from_slice(&value);
            params.resize((params.len() + 3) & !3, 0);
        }
        if self.rng.chance(10) {
            // Unknown parameters with "skip and report": each one makes the answer longer.
            for _ in 0..300 {
                params.extend_from_slice(&[0x7f, self.rng.next() as u8, 0, 4]);
            }
        }
        let mut p = header(self.rng.u16().max(1), self.target.server_port, 0);
        let value = init_value(self.rng.u32(), self.rng.u32(), &params);
        let len = if self.rng.chance(20) { Some(self.bad_len(4 + value.len())) } else { None };
        push_chunk(&mut p, chunk::INIT, 0, &value, len);
        seal(&mut p);
        p
    }
}

/// Sleeps while `n` packets since `start` are ahead of `rate` per second. A flood the receive
/// thread cannot keep up with measures UDP buffer drops, and starves the association of
/// retransmission slots, rather than testing the parsers.
fn pace(start: Instant, n: u64, rate: u64) {
    let ahead = Duration::from_secs_f64(n as f64 / rate as f64).saturating_sub(start.elapsed());
    if ahead > Duration::from_millis(2) {
        thread::sleep(ahead);
    }
}

/// The general attacks, by name (for --kinds), with their share of the packets.
const KINDS: [(&str, usize); 8] = [
    ("random", 15),
    ("runt", 5),
    ("bad-crc", 10),
    ("garbage", 30),
    ("truncated", 20),
    ("huge", 10),
    ("bad-init", 10),
    // Not picked here: the flood runs on its own schedule; listed for --kinds.
    ("flood", 0),
];

/// --kinds: the general attacks to run (all when not given): narrows a failure down.
static ENABLED: std::sync::OnceLock<Vec<&'static str>> = std::sync::OnceLock::new();

#[derive(Clone, Copy)]
enum Source {
    Loopback,
    Other,
}

// --- TAP ------------------------------------------------------------------------------------------

struct Tap {
    n: u32,
    failed: u32,
}

impl Tap {
    fn check(&mut self, ok: bool, what: &str) {
        self.n += 1;
        if !ok {
            self.failed += 1;
        }
        println!("{}ok {} - {}", if ok { "" } else { "not " }, self.n, what);
    }

    /// A check that a known bug elsewhere fails (`why`): reported, not counted as a failure;
    /// "ok ... # TODO" once the bug is fixed.
    fn todo(&mut self, ok: bool, what: &str, why: &str) {
        self.n += 1;
        println!("{}ok {} - {} # TODO {}", if ok { "" } else { "not " }, self.n, what, why);
    }
}

/// The attacker's own checks: that the attack reached the SCTP layer, and what it got back.
fn check_attack(tap: &mut Tap, r: &Report) {
    println!(
        "# attack: {} packets sent ({} send errors), {} bad-CRC INITs, {} corrupted cookies; {} of the \
         association's own packets reached the attacker",
        r.sent, r.send_errors, r.bad_crc_sent, r.cookies_sent, r.captured
    );
    tap.check(
        r.flood_sent == FLOOD_PORTS && r.flood_answered * 1000 >= FLOOD_ANSWERED_MIN * r.flood_sent,
        &format!(
            "INITs from {} distinct UDP source ports with a correct CRC32c were answered with INIT-ACKs: {} of {} \
             (at least {}.{}% needed: the attacks reached the SCTP layer)",
            r.flood_sent,
            r.flood_answered,
            r.flood_sent,
            FLOOD_ANSWERED_MIN / 10,
            FLOOD_ANSWERED_MIN % 10
        ),
    );
    tap.todo(
        r.bad_crc_sent > 0 && r.bad_crc_answers == 0,
        &format!(
            "{} INITs with a wrong CRC32c from 127.0.0.3 got no answer (answers: {})",
            r.bad_crc_sent, r.bad_crc_answers
        ),
        TODO_CRC,
    );
    tap.check(
        r.cookies_sent > 0 && r.cookie_acks == 0,
        &format!(
            "{} COOKIE-ECHOs with a corrupted State Cookie set up no association (COOKIE-ACKs: {})",
            r.cookies_sent, r.cookie_acks
        ),
    );
    tap.check(
        r.send_errors == 0,
        &format!(
            "the target's UDP port stayed open to the end (send errors, e.g. ICMP port unreachable: {})",
            r.send_errors
        ),
    );
}

// --- the association under attack ---------------------------------------------------------------

/// Message `n`'s stream, PPID and payload: each message different, and recognisable.
fn message(n: u32) -> (u16, u32, Vec<u8>) {
    let len = 1 + (n as usize * 997) % MAX_MESSAGE;
    let payload = (0..len).map(|i| (n as usize * 31 + i * 7) as u8).collect();
    ((n % u32::from(STREAMS)) as u16, 0x4000_0000 | n, payload)
}

/// Where the checks of received events go: the first wrong thing seen.
#[derive(Default)]
struct Trouble(Mutex<Option<String>>);

impl Trouble {
    fn note(&self, what: String) {
        let mut t = self.0.lock().unwrap();
        if t.is_none() {
            *t = Some(what);
        }
    }

    fn get(&self) -> Option<String> {
        self.0.lock().unwrap().clone()
    }
}

/// Receives the next data message on `s` (None: the peer shut the association down), failing
/// on any notification but the first COMM_UP and, once `closing` is set, SHUTDOWN: an attack
/// that aborted, restarted or otherwise disturbed the association shows up here.
fn recv_data(
    s: &Socket,
    buf: &mut [u8],
    comm_up_seen: &mut bool,
    closing: &AtomicBool,
    who: &str,
) -> Result<Option<(u16, u32, usize)>, String> {
    loop {
        let r = match s.next_event(buf, MESSAGE_WAIT) {
            Ok(r) => r,
            Err(Error::Eof) => return Ok(None),
            // The server waits for as long as the client takes; the client's waits are bounded.
            Err(Error::TimedOut) if who == "server" && !closing.load(Ordering::Relaxed) => continue,
            Err(e) => return Err(format!("{who}: receive: {e}")),
        };
        match r.event {
            Event::Data(d) if r.complete => return Ok(Some((d.stream, d.ppid, r.len))),
            Event::Data(_) => return Err(format!("{who}: a message did not fit {} bytes", buf.len())),
            Event::AssocChange(a) if a.state == COMM_UP && !*comm_up_seen => *comm_up_seen = true,
            Event::Shutdown if closing.load(Ordering::Relaxed) => {}
            Event::AssocChange(a) if a.state == SHUTDOWN_COMP && closing.load(Ordering::Relaxed) => return Ok(None),
            other => return Err(format!("{who}: unexpected event {other:?}")),
        }
    }
}

/// Sends message `n` on `s` and checks that `s` gets it back intact. Echoes of earlier
/// messages, late after a timed-out round trip, are passed over.
fn round_trip(s: &Socket, n: u32, buf: &mut [u8], comm_up_seen: &mut bool) -> Result<(), String> {
    let (stream, ppid, payload) = message(n);
    s.send_stream(0, stream, ppid, &payload).map_err(|e| format!("client: send {n}: {e}"))?;
    loop {
        let got = recv_data(s, buf, comm_up_seen, &AtomicBool::new(false), "client")?
            .ok_or("client: the server shut the association down")?;
        if got.1 < ppid && got.1 & 0x4000_0000 != 0 {
            continue;
        }
        if got != (stream, ppid, payload.len()) || buf[..got.2] != payload[..] {
            return Err(format!("client: message {n} came back changed: stream/ppid/len {got:?}"));
        }
        return Ok(());
    }
}

/// The server side: echoes every message back on its stream with its PPID, until the client
/// shuts the association down (Ok) or anything goes wrong (noted).
fn echo(conn: Arc<Socket>, trouble: Arc<Trouble>, echoed: Arc<AtomicU64>, closing: Arc<AtomicBool>) -> Arc<Socket> {
    let mut buf = vec![0u8; MAX_MESSAGE + 1];
    let mut comm_up_seen = false;
    loop {
        match recv_data(&conn, &mut buf, &mut comm_up_seen, &closing, "server") {
            Ok(Some((stream, ppid, len))) => {
                if let Err(e) = conn.send_stream(0, stream, ppid, &buf[..len]) {
                    trouble.note(format!("server: send: {e}"));
                    return conn;
                }
                echoed.fetch_add(1, Ordering::Relaxed);
            }
            Ok(None) => return conn,
            Err(e) => {
                trouble.note(e);
                return conn;
            }
        }
    }
}

fn vm_rss_kib() -> u64 {
    std::fs::read_to_string("/proc/self/status")
        .ok()
        .and_then(|s| {
            s.lines().find_map(|l| l.strip_prefix("VmRSS:").map(|v| v.trim().trim_end_matches(" kB").to_string()))
        })
        .and_then(|v| v.parse().ok())
        .unwrap_or(0)
}

fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").map(|d| d.count()).unwrap_or(0)
}

/// A UDP port nobody uses now, for this process's stack.
fn free_udp_port() -> u16 {
    UdpSocket::bind("0.0.0.0:0").and_then(|s| s.local_addr()).map(|a| a.port()).expect("a free UDP port")
}

/// A userspace association over 127.0.0.1 on this process's stack: (listener, client,
/// accepted server side), AssocChange and Shutdown events subscribed on both ends.
fn association() -> (Socket, Socket, Socket) {
    let listener = Socket::open_tcp(Family::Ipv4).expect("open (userspace backend)");
    listener.bind(&"127.0.0.1:0".parse().unwrap()).expect("bind");
    listener.listen(8).expect("listen");
    let client = Socket::open_tcp(Family::Ipv4).expect("open");
    client.bind(&"127.0.0.1:0".parse().unwrap()).expect("bind");
    for s in [&listener, &client] {
        s.subscribe(EventKind::AssocChange, true).expect("subscribe");
        s.subscribe(EventKind::Shutdown, true).expect("subscribe");
        // One message in flight at a time: without NODELAY each waits for the delayed SACK.
        s.set_option(IntOption::NoDelay, 0, 1).expect("SCTP_NODELAY");
    }
    client.connect(&listener.local_addrs(0).expect("local_addrs")[0]).expect("connect");
    let (conn, _) = listener.accept().expect("accept");
    (listener, client, conn)
}

fn port_of(s: &Socket) -> u16 {
    s.local_addrs(0).expect("local_addrs")[0].port()
}

/// "" or ": what went wrong".
fn detail(trouble: &Trouble) -> String {
    trouble.get().map(|t| format!(": {t}")).unwrap_or_default()
}

fn in_process(seconds: u64, rate: u64, seed: u64) -> u32 {
    let mut tap = Tap { n: 0, failed: 0 };
    let udp = free_udp_port();
    println!("# userspace stack on UDP port {udp}; attack {seconds} s at {rate} packets/s, seed {seed}");
    sctpx::set_default_backend(Some(Backend::Userspace));
    sctpx::set_udp_port(udp).expect("set_udp_port");
    // Both ends live in this one stack: each sends to the stack's own port.
    sctpx::set_udp_remote_port(udp).expect("set_udp_remote_port");
    let udp_target = SocketAddr::from((Ipv4Addr::LOCALHOST, udp));

    // Phase one: the general attacks while messages go to the server and back.
    let (listener, client, conn) = association();
    let conn = Arc::new(conn);
    let (server_port, client_port) = (port_of(&listener), port_of(&client));
    println!("# association 127.0.0.1:{client_port} -> 127.0.0.1:{server_port}");
    let trouble = Arc::new(Trouble::default());
    let echoed = Arc::new(AtomicU64::new(0));
    let closing = Arc::new(AtomicBool::new(false));
    let server_thread = {
        let (t, e, c) = (trouble.clone(), echoed.clone(), closing.clone());
        let conn = conn.clone();
        thread::spawn(move || echo(conn, t, e, c))
    };
    let mut buf = vec![0u8; MAX_MESSAGE + 1];
    let mut comm_up_seen = false;
    let mut n = 0u32;
    // Round trips until `count` went or `until` is set, or one fails (noted in `trouble`).
    let mut round_trips = |count: Option<u32>, until: &AtomicBool, trouble: &Trouble| {
        let first = n;
        while count.map_or(!until.load(Ordering::Relaxed), |c| n - first < c) && trouble.get().is_none() {
            if let Err(e) = round_trip(&client, n, &mut buf, &mut comm_up_seen) {
                // What the stack says about it: data waiting for a SACK means lost packets.
                let st = [&client, &*conn].map(|s| s.status(0).map(|s| (s.unackdata, s.penddata, s.rwnd)));
                trouble.note(format!("{e} (client, server: unacked, pending, peer rwnd: {st:?})"));
            }
            n += 1;
        }
        n - first
    };
    // Warm-up: allocator pools and usrsctp's caches reach their working size before measuring.
    let never = AtomicBool::new(false);
    round_trips(Some(200), &never, &trouble);
    let (rss_before, fds_before) = (vm_rss_kib(), open_fds());

    let target = Target { udp: udp_target, server_port, client_port };
    let attacker = Attacker::new(target, seed).expect("attacker sockets");
    let done = Arc::new(AtomicBool::new(false));
    let attack_thread = {
        let done = done.clone();
        thread::spawn(move || {
            let r = attacker.run(Duration::from_secs(seconds), rate);
            done.store(true, Ordering::Relaxed);
            r
        })
    };
    let started = Instant::now();
    let during = round_trips(None, &done, &trouble);
    let elapsed = started.elapsed().as_secs_f64();
    let report = attack_thread.join().expect("the attacker thread");
    check_attack(&mut tap, &report);
    // Garbage packets carry the association's ports with random tags, which
    // meets TODO_PORT: the association's packets may go to the attacker's UDP
    // port for a while (seen as a round trip that never comes, about one run
    // in three). The check after the attack stays strict.
    let during_ok = trouble.get().is_none() && f64::from(during) >= elapsed;
    tap.todo(
        during_ok,
        &format!(
            "during the attack {during} messages of 1..{MAX_MESSAGE} bytes went to the server and back with \
             payload, stream and PPID intact, and no notification came ({:.0}/s over {elapsed:.1} s; at least \
             1/s needed){}",
            f64::from(during) / elapsed,
            detail(&trouble)
        ),
        TODO_PORT,
    );
    // The association must come back even if the attack got the better of it for a while.
    let trouble_after = Trouble::default();
    let after = round_trips(Some(100), &never, &trouble_after);
    if let Some(t) = trouble_after.get() {
        trouble.note(t);
    }
    tap.check(
        trouble_after.get().is_none() && after == 100,
        &format!(
            "after the attack 100 more messages on {STREAMS} streams went to the server and back intact (the \
             server echoed {} in all){}",
            echoed.load(Ordering::Relaxed),
            detail(&trouble_after)
        ),
    );
    let state = client.status(0).map(|s| s.state);
    tap.check(
        state.as_ref().is_ok_and(|&s| s == sctpx::sys::SCTP_ESTABLISHED),
        &format!("the client's association is still ESTABLISHED (state {state:?})"),
    );
    let (rss_after, fds_after) = (vm_rss_kib(), open_fds());
    tap.check(
        rss_after.saturating_sub(rss_before) <= RSS_GROWTH_MAX_KIB,
        &format!(
            "RSS grew {} KiB over the attack ({rss_before} -> {rss_after} KiB; at most {RSS_GROWTH_MAX_KIB} KiB \
             allowed)",
            rss_after as i64 - rss_before as i64
        ),
    );
    tap.check(
        fds_after == fds_before,
        &format!("no descriptor leaked ({fds_before} open before the attack, {fds_after} after its sockets closed)"),
    );
    // A clean end: SHUTDOWN still works, the server sees end of stream.
    closing.store(true, Ordering::Relaxed);
    drop(client);
    let conn = server_thread.join().expect("the server thread");
    let closed = format!(
        "closing the client shut the association down cleanly: the server saw end of stream{}",
        detail(&trouble)
    );
    // Trouble during the attack (TODO_PORT) stays in `trouble`: then this check
    // meets the same bug.
    if during_ok {
        tap.check(trouble.get().is_none(), &closed);
    } else {
        tap.todo(trouble.get().is_none(), &closed, TODO_PORT);
    }
    drop((conn, listener));

    // Phase two: a fresh association, attacked on its own addresses and ports with guessed tags.
    let (listener, client, conn) = association();
    let target = Target { udp: udp_target, server_port: port_of(&listener), client_port: port_of(&client) };
    let mut comm_up_seen = [false, false];
    let mut quiet = true;
    let mut notes = Vec::new();
    // Each end's COMM_UP first, then nothing.
    for (i, s) in [&client, &conn].into_iter().enumerate() {
        while let Ok(r) = s.next_event(&mut buf, Timeout::Millis(200)) {
            match r.event {
                Event::AssocChange(a) if a.state == COMM_UP && !comm_up_seen[i] => comm_up_seen[i] = true,
                other => notes.push(format!("{other:?}")),
            }
        }
    }
    let mut attacker = Attacker::new(target, seed ^ 0x5eed).expect("attacker sockets");
    let wrong_tag_seconds = 3;
    attacker.run_wrong_tag(Duration::from_secs(wrong_tag_seconds), rate);
    for s in [&client, &conn] {
        while let Ok(r) = s.next_event(&mut buf, Timeout::Poll) {
            quiet = false;
            notes.push(format!("{:?}", r.event));
        }
    }
    let states = [&client, &conn].map(|s| s.status(0).map(|s| s.state).ok());
    tap.check(
        quiet && states == [Some(sctpx::sys::SCTP_ESTABLISHED); 2],
        &format!(
            "{} packets with the association's addresses and ports and a wrong verification tag (ABORT, SHUTDOWN, \
             SHUTDOWN-COMPLETE, DATA, SACK, INIT, ...; {wrong_tag_seconds} s) neither ended nor disturbed it: both \
             ends ESTABLISHED ({states:?}), no notification ({notes:?})",
            attacker.report.sent
        ),
    );
    let (stream, ppid, payload) = message(n);
    let delivered = client.send_stream(0, stream, ppid, &payload).is_ok()
        && matches!(conn.next_event(&mut buf, Timeout::Millis(3000)),
            Ok(r) if matches!(r.event, Event::Data(d) if d.stream == stream && d.ppid == ppid)
                && buf[..r.len] == payload[..]);
    let captured = attacker.captured();
    tap.todo(
        delivered,
        &format!(
            "after that, a message still reaches the server (delivered: {delivered}; packets with the \
             association's DATA that reached the attacker's UDP port instead: {captured})"
        ),
        TODO_PORT,
    );
    // The association is the attacker's now: no SHUTDOWN handshake to wait for.
    let _ = client.abort_and_close();
    drop((conn, listener));
    println!("1..{}", tap.n);
    tap.failed
}

fn attack_only(target: Target, seconds: u64, rate: u64, seed: u64) -> u32 {
    let mut tap = Tap { n: 0, failed: 0 };
    println!(
        "# attacking UDP {} (server port {}, client port {}) for {seconds} s at {rate} packets/s, seed {seed}",
        target.udp, target.server_port, target.client_port
    );
    let attacker = Attacker::new(target, seed).expect("attacker sockets");
    check_attack(&mut tap, &attacker.run(Duration::from_secs(seconds), rate));
    println!("1..{}", tap.n);
    tap.failed
}

fn main() {
    let mut args = std::env::args().skip(1);
    let (mut seconds, mut rate) = (20u64, 5000u64);
    let mut seed =
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_nanos() as u64).unwrap_or(1);
    let mut target = None;
    let usage = "usage: hostile_udp [--attack UDP_PORT SERVER_PORT CLIENT_PORT] [--seconds N] [--rate PPS] [--seed S] \
                 [--kinds random,runt,bad-crc,garbage,truncated,huge,bad-init,flood]";
    let num = |args: &mut dyn Iterator<Item = String>| -> u64 {
        args.next().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
            eprintln!("{usage}");
            std::process::exit(2)
        })
    };
    while let Some(a) = args.next() {
        match a.as_str() {
            "--seconds" => seconds = num(&mut args),
            "--rate" => rate = num(&mut args).max(1),
            "--seed" => seed = num(&mut args),
            "--kinds" => {
                let list = args.next().unwrap_or_default();
                let kinds: Option<Vec<_>> =
                    list.split(',').map(|k| KINDS.iter().find(|(name, _)| *name == k).map(|(name, _)| *name)).collect();
                let Some(kinds) = kinds else {
                    eprintln!("{usage}");
                    std::process::exit(2)
                };
                let _ = ENABLED.set(kinds);
            }
            "--attack" => {
                let (u, s, c) = (num(&mut args) as u16, num(&mut args) as u16, num(&mut args) as u16);
                target =
                    Some(Target { udp: SocketAddr::from((Ipv4Addr::LOCALHOST, u)), server_port: s, client_port: c });
            }
            _ => {
                eprintln!("{usage}");
                std::process::exit(2);
            }
        }
    }
    let failed = match target {
        Some(t) => attack_only(t, seconds, rate, seed),
        None => in_process(seconds, rate, seed),
    };
    std::process::exit(i32::from(failed > 0));
}
