//! The userspace backend's descriptor (`AsRawFd`, `sctpx_fileno`): poll
//! reports it readable and writable exactly when the usrsctp socket is, so
//! event loops (asyncio, Go's poller, epoll) work unchanged; closing wakes
//! blocked calls; a forked child is told the stack did not follow it; closing
//! every socket gives back every descriptor.
//!
//! Runs on the host, where the kernel has no SCTP (`make test` runs it there,
//! not in the VM): each test uses the process's one usrsctp stack on its own
//! UDP port, through 127.0.0.1.

use std::net::SocketAddr;
use std::os::fd::AsRawFd;
use std::sync::{Arc, Once};
use std::thread;
use std::time::{Duration, Instant};

use sctpx::{Backend, Error, Family, Socket, Timeout};

const WAIT: Timeout = Timeout::Millis(5_000);

fn userspace() {
    static INIT: Once = Once::new();
    INIT.call_once(|| {
        sctpx::set_default_backend(Some(Backend::Userspace));
        // Not 9899: a usrsctp example or another test run may hold it.
        sctpx::set_udp_port(29899).unwrap();
        sctpx::set_udp_remote_port(29899).unwrap();
    });
}

/// A connected one-to-one pair (client, server side) on a fresh SCTP port.
fn pair() -> (Socket, Socket) {
    userspace();
    let l = Socket::open_tcp(Family::Ipv4).unwrap();
    l.bind(&"127.0.0.1:0".parse().unwrap()).unwrap();
    l.listen(4).unwrap();
    let addr: SocketAddr = l.local_addrs(0).unwrap()[0];
    let c = Socket::open_tcp(Family::Ipv4).unwrap();
    c.connect(&addr).unwrap();
    let (s, _) = l.accept().unwrap();
    (c, s)
}

/// poll(2) on `fd` for `events`, waiting at most `ms`: the events reported.
fn poll(fd: i32, events: i16, ms: i32) -> i16 {
    let mut p = libc::pollfd { fd, events, revents: 0 };
    // SAFETY: one valid pollfd.
    match unsafe { libc::poll(&mut p, 1, ms) } {
        1 => p.revents,
        _ => 0,
    }
}

#[test]
fn sockets_open_on_the_userspace_backend_report_it() {
    let (c, s) = pair();
    assert_eq!(c.backend(), Backend::Userspace);
    assert_eq!(s.backend(), Backend::Userspace);
}

#[test]
fn the_descriptor_turns_readable_when_a_message_arrives_and_not_after_it_is_read() {
    let (c, s) = pair();
    assert_eq!(poll(s.as_raw_fd(), libc::POLLIN, 0) & libc::POLLIN, 0, "readable with nothing queued");
    c.send_stream(0, 1, 7, b"ping").unwrap();
    assert_ne!(poll(s.as_raw_fd(), libc::POLLIN, 5_000) & libc::POLLIN, 0, "not readable with a message queued");
    let mut buf = [0u8; 64];
    let r = s.next_event(&mut buf, Timeout::Poll).unwrap();
    assert_eq!(&buf[..r.len], b"ping");
    assert_eq!(
        poll(s.as_raw_fd(), libc::POLLIN, 0) & libc::POLLIN,
        0,
        "still readable after the only message was read"
    );
}

#[test]
fn an_unconnected_one_to_one_socket_is_not_writable_and_a_connected_one_is() {
    userspace();
    let fresh = Socket::open_tcp(Family::Ipv4).unwrap();
    assert_eq!(poll(fresh.as_raw_fd(), libc::POLLOUT, 0) & libc::POLLOUT, 0);
    let (c, _s) = pair();
    assert_ne!(poll(c.as_raw_fd(), libc::POLLOUT, 0) & libc::POLLOUT, 0);
}

#[test]
fn a_full_send_buffer_makes_the_descriptor_unwritable_until_the_peer_reads() {
    let (c, s) = pair();
    c.set_nonblocking(true).unwrap();
    // Small messages: the buffer is full (not merely too small for a big
    // message, which leaves the socket writable, as on Linux) when one fails.
    let chunk = [0x5au8; 64];
    let mut sent = 0usize;
    loop {
        match c.send_stream(0, 0, 0, &chunk) {
            Ok(_) => sent += 1,
            Err(Error::Os(libc::EAGAIN)) => break,
            Err(e) => panic!("send failed: {e:?}"),
        }
        assert!(sent < 1_000_000, "the send buffer never filled");
    }
    assert_eq!(poll(c.as_raw_fd(), libc::POLLOUT, 0) & libc::POLLOUT, 0, "writable with a full buffer");
    let mut buf = vec![0u8; 65536];
    let deadline = Instant::now() + Duration::from_secs(10);
    while poll(c.as_raw_fd(), libc::POLLOUT, 0) & libc::POLLOUT == 0 {
        assert!(Instant::now() < deadline, "never writable again while the peer read");
        let _ = s.next_event(&mut buf, Timeout::Millis(100));
    }
}

#[test]
fn closing_wakes_a_blocked_receive_within_100_ms() {
    let (c, _s) = pair();
    let c = Arc::new(c);
    let c2 = Arc::clone(&c);
    let t = thread::spawn(move || (c2.next_event(&mut [0u8; 64], Timeout::Block), Instant::now()));
    thread::sleep(Duration::from_millis(200));
    assert!(!t.is_finished(), "the receive returned with nothing to receive");
    let at = Instant::now();
    c.interrupt();
    let (r, done) = t.join().unwrap();
    assert!(matches!(r, Err(Error::Closed)), "{r:?}");
    assert!(done.duration_since(at) < Duration::from_millis(100), "woke after {:?}", done.duration_since(at));
}

#[test]
fn a_receive_with_a_timeout_times_out() {
    let (c, _s) = pair();
    let start = Instant::now();
    let r = c.next_event(&mut [0u8; 64], Timeout::Millis(300));
    assert!(matches!(r, Err(Error::TimedOut)), "{r:?}");
    let took = start.elapsed();
    assert!(took >= Duration::from_millis(300) && took < Duration::from_secs(3), "took {took:?}");
}

/// Descriptors open in this process.
fn open_fds() -> usize {
    std::fs::read_dir("/proc/self/fd").unwrap().count()
}

/// Threads in this process.
fn threads() -> usize {
    std::fs::read_dir("/proc/self/task").unwrap().count()
}

#[test]
fn closing_every_socket_gives_back_every_descriptor_and_thread() {
    // Warm up: the stack's own descriptors and threads exist from the first socket on.
    drop(pair());
    // Other tests run in parallel threads: measure in a child process.
    // SAFETY: the child only runs Rust code of this test and exits.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        // The child has no usrsctp threads; it measures nothing. (See the fork test.)
        std::process::exit(0);
    }
    let mut status = 0;
    // SAFETY: waits for the child just forked.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    let (fds, thr) = (open_fds(), threads());
    for _ in 0..50 {
        let (c, s) = pair();
        c.send_stream(0, 0, 0, b"x").unwrap();
        let mut buf = [0u8; 16];
        s.next_event(&mut buf, WAIT).unwrap();
    }
    // Closing is asynchronous inside usrsctp (SHUTDOWN exchange): give it a moment.
    thread::sleep(Duration::from_millis(500));
    // Parallel tests may hold a few of their own.
    assert!(open_fds() <= fds + 12, "descriptors: {fds} before, {} after 50 pairs", open_fds());
    assert!(threads() <= thr + 4, "threads: {thr} before, {} after 50 pairs", threads());
}

#[test]
fn a_forked_child_is_told_the_userspace_stack_did_not_follow_it_and_leaves_the_parents_sockets_alone() {
    let (c, s) = pair();
    // SAFETY: the child calls only sctpx and _exit.
    let pid = unsafe { libc::fork() };
    if pid == 0 {
        let opened = Socket::open_tcp(Family::Ipv4);
        // The parent's sockets are the parent's stack's: refused here, and
        // closing them leaves the parent's associations alone.
        let sent = c.send_stream(0, 0, 0, b"from the child");
        drop(c);
        let code = match (opened, sent) {
            (Err(Error::NotSupported(_)), Err(Error::Os(libc::EOPNOTSUPP))) => 0,
            _ => 1,
        };
        // SAFETY: ends the child without running the parent's atexit work.
        unsafe { libc::_exit(code) };
    }
    let mut status = 0;
    // SAFETY: waits for the child just forked.
    unsafe { libc::waitpid(pid, &mut status, 0) };
    assert!(libc::WIFEXITED(status) && libc::WEXITSTATUS(status) == 0, "child status {status:#x}");
    // The parent's association is untouched: nothing from the child came.
    c.send_stream(0, 0, 0, b"after fork").unwrap();
    let mut buf = [0u8; 64];
    let r = s.next_event(&mut buf, WAIT).unwrap();
    assert_eq!(&buf[..r.len], b"after fork");
}

/// CPU time this thread has used.
fn thread_cpu() -> Duration {
    // SAFETY: getrusage fills the struct.
    let mut u: libc::rusage = unsafe { std::mem::zeroed() };
    unsafe { libc::getrusage(libc::RUSAGE_THREAD, &mut u) };
    Duration::from_secs(u.ru_utime.tv_sec as u64 + u.ru_stime.tv_sec as u64)
        + Duration::from_micros(u.ru_utime.tv_usec as u64 + u.ru_stime.tv_usec as u64)
}

#[test]
fn a_blocking_send_larger_than_the_free_space_waits_without_spinning_and_completes() {
    let (c, s) = pair();
    // Queue 64 KiB messages while the peer does not read, until the free
    // space is less than one more (usrsctp still reports the socket writable).
    c.set_nonblocking(true).unwrap();
    let fill = vec![1u8; 64 * 1024];
    let mut queued = 0usize;
    loop {
        while c.send_stream(0, 0, 0, &fill).is_ok() {
            queued += 1;
            assert!(queued < 10_000, "the send buffer never filled");
        }
        // SACKs free space until the peer's receive window is full too.
        thread::sleep(Duration::from_millis(200));
        if c.send_stream(0, 0, 0, &fill).is_err() {
            break;
        }
        queued += 1;
    }
    c.set_nonblocking(false).unwrap();
    let big = vec![7u8; 64 * 1024];
    let sender = thread::spawn(move || {
        let cpu0 = thread_cpu();
        let t0 = Instant::now();
        let r = c.send_stream(0, 1, 2, &big);
        (r, thread_cpu() - cpu0, t0.elapsed(), c)
    });
    // Keep the sender waiting a while, then read everything.
    thread::sleep(Duration::from_millis(500));
    let mut buf = vec![0u8; 128 * 1024];
    let mut got_big = false;
    while !got_big {
        let r = s.next_event(&mut buf, WAIT).unwrap();
        got_big = r.len == 64 * 1024 && buf[..r.len].iter().all(|&b| b == 7);
        assert!(r.complete || r.len < 64 * 1024, "a 64 KiB message came in parts");
    }
    let (r, cpu, wall, _c) = sender.join().unwrap();
    assert_eq!(r.unwrap(), 64 * 1024);
    assert!(wall >= Duration::from_millis(400), "the send did not wait: {wall:?}");
    assert!(cpu < wall / 4, "the waiting send used {cpu:?} of CPU in {wall:?}");
}
