//! `Socket::interrupt`: a blocked call returns `Error::Closed` at once, and
//! the socket's descriptor is always non-blocking while the socket's own
//! blocking mode decides whether calls wait.

mod common;
use common::*;

use std::os::fd::AsRawFd;
use std::os::unix::thread::JoinHandleExt;
use std::sync::Arc;
use std::thread;
use std::time::{Duration, Instant};

use sctpx::{Error, Family, Socket, Timeout};

/// Long enough for the call to be inside its wait when `interrupt` comes.
const SETTLE: Duration = Duration::from_millis(200);

/// Runs `call` on another thread, interrupts `sock` once it has had time to
/// block, and returns the call's result and how long after `interrupt` it
/// came back.
fn interrupted<T: Send + 'static>(
    sock: Arc<Socket>,
    call: impl FnOnce(&Socket) -> sctpx::Result<T> + Send + 'static,
) -> (sctpx::Result<T>, Duration) {
    let s = Arc::clone(&sock);
    let t = thread::spawn(move || {
        let r = call(&s);
        (r, Instant::now())
    });
    thread::sleep(SETTLE);
    assert!(!t.is_finished(), "the call returned before it was interrupted");
    let at = Instant::now();
    sock.interrupt();
    let (r, done) = t.join().unwrap();
    (r, done.saturating_duration_since(at))
}

#[test]
fn interrupt_ends_a_blocked_next_event_with_closed() {
    let (c, _s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let (r, after) = interrupted(Arc::new(c), |s| s.next_event(&mut [0u8; 64], Timeout::Block));
    assert!(matches!(r, Err(Error::Closed)), "{r:?}");
    assert!(after < Duration::from_millis(100), "returned {after:?} after interrupt");
}

#[test]
fn interrupt_ends_a_next_event_with_a_long_timeout() {
    let (c, _s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let (r, after) = interrupted(Arc::new(c), |s| s.next_event(&mut [0u8; 64], Timeout::Millis(60_000)));
    assert!(matches!(r, Err(Error::Closed)), "{r:?}");
    assert!(after < Duration::from_millis(100), "returned {after:?} after interrupt");
}

#[test]
fn interrupt_ends_a_blocked_accept() {
    let (l, _a) = listener(Family::Ipv4, "127.0.0.1:0");
    let (r, after) = interrupted(Arc::new(l), |s| s.accept().map(|_| ()));
    assert!(matches!(r, Err(Error::Closed)), "{r:?}");
    assert!(after < Duration::from_millis(100), "returned {after:?} after interrupt");
}

#[test]
fn after_interrupt_a_call_that_would_wait_fails_at_once() {
    let (c, _s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    c.interrupt();
    assert!(matches!(c.next_event(&mut [0u8; 64], Timeout::Block), Err(Error::Closed)));
}

#[test]
fn after_interrupt_a_call_that_need_not_wait_still_completes() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    c.send_stream(0, 0, 0, b"queued").unwrap();
    // Queued at s: the message has arrived (on usrsctp it travels through the
    // stack's UDP receive thread after send returns).
    let mut p = libc::pollfd { fd: s.as_raw_fd(), events: libc::POLLIN, revents: 0 };
    // SAFETY: one valid pollfd.
    assert_eq!(unsafe { libc::poll(&mut p, 1, 10_000) }, 1, "the message never arrived");
    s.interrupt();
    let mut buf = [0u8; 64];
    let r = s.next_event(&mut buf, Timeout::Block).unwrap();
    assert_eq!(&buf[..r.len], b"queued");
}

fn descriptor_nonblocking(s: &Socket) -> bool {
    // SAFETY: F_GETFL on a descriptor the socket owns.
    let fl = unsafe { libc::fcntl(s.as_raw_fd(), libc::F_GETFL) };
    assert!(fl >= 0);
    fl & libc::O_NONBLOCK != 0
}

#[test]
fn the_descriptors_o_nonblock_is_the_sockets_mode() {
    let (c, _s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    assert!(!c.nonblocking() && !descriptor_nonblocking(&c), "sockets block by default");
    c.set_nonblocking(true).unwrap();
    assert!(c.nonblocking() && descriptor_nonblocking(&c));
    c.set_nonblocking(false).unwrap();
    assert!(!c.nonblocking() && !descriptor_nonblocking(&c));
}

#[test]
fn every_socket_has_the_25_ms_wait_slice_as_its_timeouts() {
    // What lets an interrupt reach a call the kernel blocks in: SO_RCVTIMEO
    // and SO_SNDTIMEO are the 25 ms wait slice on every socket sctpx makes.
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let u = Socket::open_udp(Family::Ipv4).unwrap();
    for sock in [&c, &s, &u] {
        for opt in [libc::SO_RCVTIMEO, libc::SO_SNDTIMEO] {
            let mut tv: libc::timeval = unsafe { std::mem::zeroed() };
            let mut len = std::mem::size_of::<libc::timeval>() as libc::socklen_t;
            // SAFETY: reads a timeval into a live one of `len` bytes.
            let r = unsafe {
                libc::getsockopt(
                    sock.as_raw_fd(),
                    libc::SOL_SOCKET,
                    opt,
                    (&mut tv as *mut libc::timeval).cast(),
                    &mut len,
                )
            };
            assert_eq!(r, 0);
            // The kernel keeps it in clock ticks, rounded up (28 ms at HZ=250).
            assert_eq!(tv.tv_sec, 0);
            assert!((25_000..35_000).contains(&tv.tv_usec), "{} us", tv.tv_usec);
        }
    }
}

#[test]
fn a_non_blocking_socket_gives_eagain_instead_of_waiting() {
    let (c, _s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    c.set_nonblocking(true).unwrap();
    let r = c.next_event(&mut [0u8; 64], Timeout::Block);
    assert!(matches!(r, Err(Error::Os(libc::EAGAIN))), "{r:?}");
}

#[test]
fn a_blocking_one_to_many_connectx_returns_with_the_association_established() {
    let (_srv, a) = udp_server();
    let c = Socket::open_udp(Family::Ipv4).unwrap();
    let id = c.connectx(&[a]).unwrap();
    assert_eq!(c.status(id).unwrap().state, sctpx::sys::SCTP_ESTABLISHED);
}

#[test]
fn a_blocking_one_to_many_connect_returns_with_the_association_established() {
    let (_srv, a) = udp_server();
    let c = Socket::open_udp(Family::Ipv4).unwrap();
    c.connect(&a).unwrap();
    let mut ids = [0; 4];
    assert_eq!(c.assoc_ids(&mut ids).unwrap(), 1);
    assert_eq!(c.status(ids[0]).unwrap().state, sctpx::sys::SCTP_ESTABLISHED);
}

#[test]
fn a_blocking_one_to_many_connect_to_a_closed_port_is_refused() {
    let (srv, a) = udp_server();
    drop(srv);
    let c = Socket::open_udp(Family::Ipv4).unwrap();
    let r = c.connect(&a);
    assert!(matches!(r, Err(Error::Os(libc::ECONNREFUSED))), "{r:?}");
}

extern "C" fn ignore_signal(_: libc::c_int) {}

#[test]
fn a_signal_handled_while_accept_waits_gives_eintr() {
    // A handler without SA_RESTART, as Python installs for SIGINT: accept(2)
    // reports EINTR then, and so does a waiting accept.
    // SAFETY: installs a handler that does nothing.
    unsafe {
        let mut sa: libc::sigaction = std::mem::zeroed();
        sa.sa_sigaction = ignore_signal as *const () as usize;
        libc::sigemptyset(&mut sa.sa_mask);
        assert_eq!(libc::sigaction(libc::SIGUSR1, &sa, std::ptr::null_mut()), 0);
    }
    let (l, _a) = listener(Family::Ipv4, "127.0.0.1:0");
    let t = thread::spawn(move || l.accept().map(|_| ()));
    thread::sleep(SETTLE);
    assert!(!t.is_finished(), "accept returned before the signal");
    // A signal handled while the thread runs between two waits is not one
    // "while it waits": send again until one lands (2 s at most).
    for _ in 0..40 {
        if t.is_finished() {
            break;
        }
        // SAFETY: the thread is alive (not finished) and SIGUSR1 has a handler.
        unsafe { libc::pthread_kill(t.as_pthread_t(), libc::SIGUSR1) };
        thread::sleep(Duration::from_millis(50));
    }
    let r = t.join().unwrap();
    assert!(matches!(r, Err(Error::Os(libc::EINTR))), "{r:?}");
}
