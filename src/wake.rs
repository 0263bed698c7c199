//! How a call that waits in poll() (a receive with a timeout, connect
//! completion) waits, and how `Socket::interrupt` (what `sctpx_close` and
//! `sctpx_abort_and_close` do when calls are inside the handle) ends the wait.
//! (Calls the kernel blocks in check `interrupted` every wait slice instead:
//! see `WAIT_SLICE` in socket.rs.)
//!
//! Such a wait polls the socket together with the socket's own wake-up
//! eventfd, and `interrupt` writes that eventfd. Nothing is done to the socket
//! itself: a `shutdown()` would act on every process sharing it after
//! `fork()`, and Linux wakes neither a listening SCTP socket nor a sender on a
//! full buffer that way. The eventfd is made on the first wait only, so
//! sockets that never wait in poll cost no descriptor.
//!
//! After `fork()` the child shares the parent's eventfds; a write by either
//! would wake the other's calls. Each eventfd is therefore tagged with the
//! process's fork generation (bumped in the child by a `pthread_atfork`
//! handler): a child replaces an inherited eventfd before waiting on it, and
//! never writes one.

use std::os::fd::RawFd;
use std::sync::atomic::{AtomicBool, AtomicU32, AtomicU64, Ordering::SeqCst};
use std::sync::Once;
use std::time::{Duration, Instant};

use crate::error::{Error, Result};

/// This process's fork generation: 1 in the process that loaded sctpx, one
/// more in each child forked since.
static FORK_GENERATION: AtomicU32 = AtomicU32::new(1);

extern "C" fn after_fork_in_child() {
    FORK_GENERATION.fetch_add(1, SeqCst);
}

pub(crate) fn fork_generation() -> u32 {
    static REGISTER: Once = Once::new();
    REGISTER.call_once(|| {
        // SAFETY: registers a handler that only touches an atomic.
        unsafe { libc::pthread_atfork(None, None, Some(after_fork_in_child)) };
    });
    FORK_GENERATION.load(SeqCst)
}

/// When a wait has no wake-up eventfd (none could be made: descriptor limit),
/// it polls the socket in slices this long and checks for `interrupt` in
/// between: slower to wake, but never stuck.
const FALLBACK_SLICE_MS: i32 = 20;

/// A socket's wake-up state.
#[derive(Debug, Default)]
pub(crate) struct Waker {
    /// Set by `interrupt`: waits end with `Error::Closed`, now and later.
    interrupted: AtomicBool,
    /// The eventfd: fork generation << 32 | descriptor; 0 until made.
    eventfd: AtomicU64,
}

fn word(generation: u32, fd: RawFd) -> u64 {
    (u64::from(generation) << 32) | u64::from(fd as u32)
}

fn fd_of(word: u64) -> RawFd {
    word as u32 as RawFd
}

/// What a wait does when a signal handler runs.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum OnSignal {
    /// Wait on (sends and receives, which never reported EINTR).
    Retry,
    /// Return `Error::Os(EINTR)`, as accept(2) and connect(2) do, so that a
    /// program (or a Python binding) blocked in one can act on the signal.
    Report,
}

/// Why a wait for readiness ended without an error.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Woken {
    /// The socket reported these poll events.
    Ready(i16),
    /// The pause ran out (`pause` only).
    Elapsed,
}

impl Waker {
    /// Ends every wait on this socket, current and future, with
    /// `Error::Closed`.
    pub(crate) fn interrupt(&self) {
        // SeqCst on both sides (here and in `wait`): either the waiter sees
        // `interrupted`, or this sees the waiter's eventfd and writes it.
        self.interrupted.store(true, SeqCst);
        let w = self.eventfd.load(SeqCst);
        if w != 0 && (w >> 32) as u32 == fork_generation() {
            let one: u64 = 1;
            // SAFETY: writes 8 bytes from a live u64 to our eventfd. It only
            // fails when the counter is saturated, which still wakes.
            unsafe { libc::write(fd_of(w), (&one as *const u64).cast(), 8) };
        }
    }

    pub(crate) fn interrupted(&self) -> bool {
        self.interrupted.load(SeqCst)
    }

    /// This process's eventfd, made on first use (None when no descriptor can
    /// be had).
    fn eventfd(&self) -> Option<RawFd> {
        let generation = fork_generation();
        let cur = self.eventfd.load(SeqCst);
        if cur != 0 && (cur >> 32) as u32 == generation {
            return Some(fd_of(cur));
        }
        // SAFETY: plain eventfd creation.
        let fd = unsafe { libc::eventfd(0, libc::EFD_CLOEXEC | libc::EFD_NONBLOCK) };
        if fd < 0 {
            return None;
        }
        match self.eventfd.compare_exchange(cur, word(generation, fd), SeqCst, SeqCst) {
            Ok(_) => {
                if cur != 0 {
                    // Inherited across fork(): this process's copy of the
                    // parent's eventfd, closed here and nowhere else.
                    // SAFETY: the descriptor is ours and no longer published.
                    unsafe { libc::close(fd_of(cur)) };
                }
                Some(fd)
            }
            Err(now) => {
                // Another thread of this process made one first.
                // SAFETY: ours was never published.
                unsafe { libc::close(fd) };
                ((now >> 32) as u32 == generation).then(|| fd_of(now))
            }
        }
    }

    /// Waits until `fd` reports one of `events` (or an error or hang-up), the
    /// deadline passes (`Error::TimedOut`), or `interrupt` is called
    /// (`Error::Closed`). Returns the socket's poll events.
    pub(crate) fn wait(&self, fd: RawFd, events: i16, deadline: Option<Instant>, signal: OnSignal) -> Result<i16> {
        self.poll(Some((fd, events)), deadline, signal).map(|w| match w {
            Woken::Ready(r) => r,
            Woken::Elapsed => unreachable!("poll reports Elapsed only without a socket"),
        })
    }

    /// Sleeps `ms` milliseconds unless interrupted first (`Error::Closed`).
    pub(crate) fn pause(&self, ms: u64, signal: OnSignal) -> Result<()> {
        self.poll(None, Some(Instant::now() + Duration::from_millis(ms)), signal).map(|_| ())
    }

    fn poll(&self, socket: Option<(RawFd, i16)>, deadline: Option<Instant>, signal: OnSignal) -> Result<Woken> {
        let efd = self.eventfd();
        if self.interrupted() {
            return Err(Error::Closed);
        }
        let (sock_fd, events) = socket.unwrap_or((-1, 0));
        // A negative fd is ignored by poll: the pause case polls the eventfd alone.
        let mut fds = [
            libc::pollfd { fd: sock_fd, events, revents: 0 },
            libc::pollfd { fd: efd.unwrap_or(-1), events: libc::POLLIN, revents: 0 },
        ];
        loop {
            let mut ms = match deadline {
                None => -1,
                Some(d) => {
                    let left = d.saturating_duration_since(Instant::now());
                    if left.is_zero() {
                        return match socket {
                            Some(_) => Err(Error::TimedOut),
                            None => Ok(Woken::Elapsed),
                        };
                    }
                    // Round up so a sub-millisecond remainder still waits.
                    left.as_nanos().div_ceil(1_000_000).min(i32::MAX as u128) as i32
                }
            };
            if efd.is_none() && !(0..=FALLBACK_SLICE_MS).contains(&ms) {
                ms = FALLBACK_SLICE_MS;
            }
            // SAFETY: two valid pollfds.
            let r = unsafe { libc::poll(fds.as_mut_ptr(), 2, ms) };
            if r < 0 {
                let e = Error::last_os_error();
                if e.raw_os_error() == Some(libc::EINTR) && signal == OnSignal::Retry {
                    continue;
                }
                return Err(e);
            }
            if fds[1].revents != 0 || self.interrupted() {
                return Err(Error::Closed);
            }
            if fds[0].revents != 0 {
                return Ok(Woken::Ready(fds[0].revents));
            }
        }
    }
}

impl Drop for Waker {
    fn drop(&mut self) {
        let w = *self.eventfd.get_mut();
        if w != 0 {
            // SAFETY: the eventfd (or this process's inherited copy) is ours.
            unsafe { libc::close(fd_of(w)) };
        }
    }
}
