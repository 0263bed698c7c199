//! benches/rust/rust_api.rs — the Rust-API driver of `make bench` (see BENCHMARKS.md).
//!
//! The same loops as benches/c/raw.c, through `sctpx::Socket`:
//!
//!   rust_api tput  VARIANT SIZE COUNT   one-to-one throughput (sender + receiver thread)
//!   rust_api tput_m VARIANT SIZE COUNT  the same over one-to-many sockets
//!   rust_api rr VARIANT COUNT           100-byte request/response latency
//!   rust_api alt CASE:BLOCK[,...] ROUNDS VARIANT...  the variants alternating in blocks in this
//!                                       process, each on its own association (as raw.c's alt)
//!
//! VARIANT: `rust` (send_stream / next_event) or `rust_batch` (send_batch / recv_batch, 32 per
//! call). Output lines have the C driver's format. Settings as the C driver: NODELAY 1, delayed
//! SACK {delay 0, freq 1} on every socket before connect/accept and again once connected.
//!
//! Deliberately not a cargo bench target (it lives in a subdirectory cargo does not scan, and
//! Cargo.toml is not touched): the Makefile's `bench` section compiles it with rustc against
//! the release rlib.

use sctpx::{AssocId, Event, Family, IntOption, Received, SackInfo, SendInfo, SendMsg, Socket, Timeout};
use std::net::{Ipv4Addr, SocketAddr};
use std::sync::{Arc, Barrier};
use std::time::Instant;

const BATCH: usize = 32;
const PPID: u32 = 42;

fn settings(s: &Socket) {
    s.set_option(IntOption::NoDelay, 0, 1).expect("NODELAY");
    s.set_delayed_sack(&SackInfo { assoc_id: 0, delay: 0, freq: 1 }).expect("delayed SACK");
}

fn local_port(s: &Socket) -> u16 {
    s.local_addrs(0).expect("local_addrs")[0].port()
}

/// (sender, receiver, association id to send on).
fn pair(many: bool) -> (Socket, Socket, AssocId) {
    let open = if many { Socket::open_udp } else { Socket::open_tcp };
    let l = open(Family::Ipv4).expect("open");
    settings(&l);
    l.bind(&SocketAddr::from((Ipv4Addr::LOCALHOST, 0))).expect("bind");
    l.listen(16).expect("listen");
    let srv = SocketAddr::from((Ipv4Addr::LOCALHOST, local_port(&l)));
    let c = open(Family::Ipv4).expect("open");
    settings(&c);
    c.connect(&srv).expect("connect");
    if many {
        let mut ids = [0 as AssocId; 4];
        let n = c.assoc_ids(&mut ids).expect("assoc_ids");
        assert!(n >= 1);
        (c, l, ids[0])
    } else {
        let (s, _) = l.accept().expect("accept");
        settings(&s);
        settings(&c);
        (c, s, 0)
    }
}

fn check(r: &Received) -> bool {
    match r.event {
        Event::Data(d) if d.ppid == PPID => r.complete,
        other => panic!("unexpected event {other:?}"),
    }
}

/// COUNT messages from snd to rcv on an existing pair: seconds from the first send to the last
/// complete message received.
fn tput_block(batch: bool, snd: &Socket, rcv: &Socket, assoc: AssocId, size: usize, count: usize) -> f64 {
    let bar = Barrier::new(2);
    std::thread::scope(|sc| {
        let receiver = sc.spawn(|| {
            let stride = size.max(2048);
            let mut buf = vec![0u8; if batch { stride * BATCH } else { size.max(65536) }];
            let mut out = [Received::default(); BATCH];
            bar.wait();
            let mut got = 0;
            while got < count {
                if batch {
                    let n = rcv.recv_batch(&mut buf, stride, &mut out, Timeout::Block).expect("recv_batch");
                    got += out[..n].iter().filter(|r| check(r)).count();
                } else {
                    let r = rcv.next_event(&mut buf, Timeout::Block).expect("next_event");
                    got += check(&r) as usize;
                }
            }
            Instant::now()
        });
        let data = vec![b'x'; size];
        let info = SendInfo { ppid: PPID, assoc_id: assoc, ..Default::default() };
        let msgs: Vec<SendMsg<'_>> = (0..BATCH).map(|_| SendMsg { data: &data, info, to: None }).collect();
        bar.wait();
        let t0 = Instant::now();
        let mut sent = 0;
        while sent < count {
            if batch {
                let want = (count - sent).min(BATCH);
                let n = snd.send_batch(&msgs[..want]).expect("send_batch");
                assert!(n > 0);
                sent += n;
            } else {
                let n = snd.send_stream(assoc, 0, PPID, &data).expect("send_stream");
                assert_eq!(n, size);
                sent += 1;
            }
        }
        (receiver.join().unwrap() - t0).as_secs_f64()
    })
}

fn tput(variant: &str, many: bool, size: usize, count: usize) {
    let (snd, rcv, assoc) = pair(many);
    let secs = tput_block(variant == "rust_batch", &snd, &rcv, assoc, size, count);
    let mode = if many { "tput_m" } else { "tput" };
    println!("{mode} {variant} {size} {count} {secs:.6}");
}

/// COUNT 100-byte round trips on a one-to-one pair: (seconds, median round trip in µs).
fn rr_block(cli: &Socket, srv: &Socket, count: usize) -> (f64, f64) {
    let bar = Barrier::new(2);
    std::thread::scope(|sc| {
        sc.spawn(|| {
            let mut buf = [0u8; 2048];
            bar.wait();
            for _ in 0..count {
                while !check(&srv.next_event(&mut buf, Timeout::Block).expect("next_event")) {}
                srv.send_stream(0, 0, PPID, &buf[..100]).expect("send_stream");
            }
        });
        let req = [b'r'; 100];
        let mut resp = [0u8; 2048];
        let mut lat = Vec::with_capacity(count);
        bar.wait();
        let t0 = Instant::now();
        for _ in 0..count {
            let t = Instant::now();
            cli.send_stream(0, 0, PPID, &req).expect("send_stream");
            while !check(&cli.next_event(&mut resp, Timeout::Block).expect("next_event")) {}
            lat.push(t.elapsed().as_secs_f64() * 1e6);
        }
        let secs = t0.elapsed().as_secs_f64();
        lat.sort_by(|a, b| a.partial_cmp(b).unwrap());
        (secs, lat[count / 2])
    })
}

/// Issue 16: every variant on its own association, all set up before timing; ROUNDS rounds of
/// one block per variant, the order rotated each round; one "B ..." line per block (as raw.c's alt).
fn alt(case: &str, count: usize, rounds: usize, variants: &[&str]) {
    let (mode, size) = case.split_once('/').expect("CASE is MODE/SIZE");
    let size: usize = size.parse().expect("SIZE");
    let rr = mode == "rr";
    let pairs: Vec<_> = variants.iter().map(|_| pair(mode == "tput_m")).collect();
    for r in 0..rounds {
        for k in 0..variants.len() {
            let i = (k + r) % variants.len();
            let (a, b, assoc) = &pairs[i];
            if rr {
                let (secs, p50) = rr_block(a, b, count);
                println!("B {case} {} {r} {count} {secs:.6} {p50:.2}", variants[i]);
            } else {
                let secs = tput_block(variants[i] == "rust_batch", a, b, *assoc, size, count);
                println!("B {case} {} {r} {count} {secs:.6} -", variants[i]);
            }
        }
    }
}

fn rr(variant: &str, count: usize) {
    let (cli, srv, _) = pair(false);
    let bar = Arc::new(Barrier::new(2));
    let b2 = bar.clone();
    let echo = std::thread::spawn(move || {
        let mut buf = [0u8; 2048];
        b2.wait();
        for _ in 0..count {
            loop {
                let r = srv.next_event(&mut buf, Timeout::Block).expect("next_event");
                if check(&r) {
                    break;
                }
            }
            srv.send_stream(0, 0, PPID, &buf[..100]).expect("send_stream");
        }
    });
    let req = [b'r'; 100];
    let mut resp = [0u8; 2048];
    let mut lat = Vec::with_capacity(count);
    bar.wait();
    for _ in 0..count {
        let t = Instant::now();
        cli.send_stream(0, 0, PPID, &req).expect("send_stream");
        loop {
            let r = cli.next_event(&mut resp, Timeout::Block).expect("next_event");
            if check(&r) {
                break;
            }
        }
        lat.push(t.elapsed().as_secs_f64() * 1e6);
    }
    echo.join().unwrap();
    let mean = lat.iter().sum::<f64>() / count as f64;
    lat.sort_by(|a, b| a.partial_cmp(b).unwrap());
    println!("rr {variant} {count} {:.2} {:.2} {:.2}", lat[count / 2], lat[count * 99 / 100], mean);
}

fn main() {
    let a: Vec<String> = std::env::args().collect();
    let a: Vec<&str> = a.iter().map(|s| s.as_str()).collect();
    match a[1..] {
        [mode @ ("tput" | "tput_m"), v @ ("rust" | "rust_batch"), size, count] => {
            tput(v, mode == "tput_m", size.parse().unwrap(), count.parse().unwrap())
        }
        ["rr", _, count] => rr("rust", count.parse().unwrap()),
        // CASE:BLOCK[,CASE:BLOCK...]: every case in this one process.
        ["alt", cases, rounds, ref variants @ ..] if !variants.is_empty() => {
            for spec in cases.split(',') {
                let (case, count) = spec.split_once(':').expect("CASE:BLOCK");
                alt(case, count.parse().unwrap(), rounds.parse().unwrap(), variants)
            }
        }
        _ => {
            eprintln!("usage: rust_api tput|tput_m rust|rust_batch SIZE COUNT | rust_api rr rust COUNT");
            std::process::exit(2);
        }
    }
}
