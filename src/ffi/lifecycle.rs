//! A socket's life: open or adopt, bind, listen and accept, connect, peel
//! off, shut down or abort, close.

use std::os::fd::{FromRawFd, OwnedFd};

use libc::{sockaddr, sockaddr_storage, socklen_t};

use super::boundary::*;
use super::types::*;
use super::{handles, SCTPX_KIND_ONE_TO_MANY, SCTPX_KIND_ONE_TO_ONE};
use crate::socket::{Family, Kind, PeelOffFlags, Socket};
use crate::types::AssocId;
use crate::Error;

fn family_from(af: i32) -> Result<Family, i32> {
    Family::from_raw(af).or_code()
}

/// Opens a one-to-one (SOCK_STREAM) SCTP socket for `family` (SCTPX_AF_INET or
/// SCTPX_AF_INET6; IPv6 is dual-stack by default) on the default backend
/// (`sctpx_default_backend`; `sctpx_open` names one) and writes its handle to
/// `*out`. The descriptor is close-on-exec. Close it with `sctpx_close`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_open_tcp(family_: i32, out: *mut sctpx_handle) -> i32 {
    guard(|| {
        let out = mut_from_ptr(out)?;
        let s = Socket::open_tcp(family_from(family_)?).or_code()?;
        *out = handles::insert(s)?;
        Ok(0)
    })
}

/// Opens a one-to-many (SOCK_SEQPACKET) SCTP socket; as `sctpx_open_tcp`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_open_udp(family_: i32, out: *mut sctpx_handle) -> i32 {
    guard(|| {
        let out = mut_from_ptr(out)?;
        let s = Socket::open_udp(family_from(family_)?).or_code()?;
        *out = handles::insert(s)?;
        Ok(0)
    })
}

/// Opens a socket of `kind` (SCTPX_KIND_ONE_TO_ONE, as `sctpx_open_tcp`, or
/// SCTPX_KIND_ONE_TO_MANY, as `sctpx_open_udp`) for `family` on `backend`
/// and writes its handle to `*out`. `backend`: SCTPX_BACKEND_KERNEL,
/// SCTPX_BACKEND_USERSPACE, or SCTPX_BACKEND_AUTO for the default
/// (`sctpx_default_backend`). SCTPX_ERR_BACKEND_UNAVAILABLE when the backend
/// named cannot run here (the kernel has no SCTP; libusrsctp.so.2 does not
/// load: sctpx_strerror names the package); the first userspace socket
/// starts the stack, which gives -EADDRINUSE when its UDP port
/// (`sctpx_set_udp_port`) is taken. An unknown backend, family or kind:
/// SCTPX_ERR_INVALID_ARGUMENT.
#[no_mangle]
pub unsafe extern "C" fn sctpx_open(backend: i32, family_: i32, kind: i32, out: *mut sctpx_handle) -> i32 {
    guard(|| {
        let out = mut_from_ptr(out)?;
        let backend = super::backend::backend_from(backend)?;
        let kind = match kind {
            SCTPX_KIND_ONE_TO_ONE => Kind::OneToOne,
            SCTPX_KIND_ONE_TO_MANY => Kind::OneToMany,
            _ => return Err(SCTPX_ERR_INVALID_ARGUMENT),
        };
        let s = Socket::open_with(backend, family_from(family_)?, kind).or_code()?;
        *out = handles::insert(s)?;
        Ok(0)
    })
}

/// Adopts an existing SCTP socket descriptor `fd` and writes its new handle
/// to `*out`. The library owns the descriptor from then on, on success AND
/// on failure (a descriptor that is not an SCTP socket — not a socket at all,
/// or a TCP, UDP or Unix socket — gives SCTPX_ERR_INVALID_ARGUMENT and is
/// closed): pass a dup() to keep your own. A number that is no open
/// descriptor gives -EBADF (nothing is closed), a negative one
/// SCTPX_ERR_INVALID_ARGUMENT. Its kind (one-to-one or one-to-many) comes
/// from its socket type.
#[no_mangle]
pub unsafe extern "C" fn sctpx_adopt_fd(fd: i32, out: *mut sctpx_handle) -> i32 {
    guard(|| {
        if fd < 0 {
            return Err(SCTPX_ERR_INVALID_ARGUMENT);
        }
        // Not open: nothing was handed over. Owning the number would close
        // whatever another thread opens under it next.
        if libc::fcntl(fd, libc::F_GETFD) < 0 {
            return Err(code_of(Error::last_os_error()));
        }
        // SAFETY (both from_raw_fd): `fd` is open, and the caller hands it
        // over with this call (the contract above), so it is ours to own.
        let Some(out) = optional_mut_from_ptr(out) else {
            // Ownership was handed over whatever happens: do not leak it.
            drop(OwnedFd::from_raw_fd(fd));
            return Err(SCTPX_ERR_NULL_POINTER);
        };
        let s = Socket::from_owned_fd(OwnedFd::from_raw_fd(fd)).or_code()?;
        *out = handles::insert(s)?;
        Ok(0)
    })
}

/// Closes a handle. The handle is invalid at once (later calls get
/// SCTPX_ERR_CLOSED_HANDLE, also from a second close: closing twice is safe).
/// Calls other threads have blocked in on this handle (accept, connect,
/// connectx, the sends, next_event, recv_batch; any kind of handle) return
/// SCTPX_ERR_CLOSED_HANDLE within 100 ms (a call blocked in the kernel checks
/// every 25 ms: the socket's SO_RCVTIMEO and SO_SNDTIMEO; one waiting in poll
/// is woken at once); a call that was not waiting completes.
/// The descriptor is closed when the last call inside returns, which sends
/// SHUTDOWN (or ABORT, after SCTPX_OPT_LINGER 0) for its associations unless
/// another process still shares the socket (after fork()): closing never acts
/// on a socket another process holds.
#[no_mangle]
pub extern "C" fn sctpx_close(h: sctpx_handle) -> i32 {
    guard(|| close_handle(h))
}

/// Makes handle `h` invalid and wakes the calls blocked inside it.
fn close_handle(h: sctpx_handle) -> CallResult {
    let (s, calls_inside) = handles::remove(h)?;
    if calls_inside {
        s.interrupt();
    }
    Ok(0)
}

/// Returns the socket's file descriptor (>= 0) for poll/epoll/select. The
/// library still owns it: do not close it, and leave its SO_RCVTIMEO and
/// SO_SNDTIMEO alone (they bound how long `sctpx_close` takes to wake a call
/// blocked on the handle).
#[no_mangle]
pub extern "C" fn sctpx_fileno(h: sctpx_handle) -> i32 {
    guard(|| Ok(socket_of(h)?.fd()))
}

/// Returns SCTPX_KIND_ONE_TO_ONE or SCTPX_KIND_ONE_TO_MANY.
#[no_mangle]
pub extern "C" fn sctpx_kind(h: sctpx_handle) -> i32 {
    guard(|| {
        Ok(match socket_of(h)?.kind() {
            Kind::OneToOne => SCTPX_KIND_ONE_TO_ONE,
            Kind::OneToMany => SCTPX_KIND_ONE_TO_MANY,
        })
    })
}

/// Binds to one address (`addr`, `addr_len` bytes; port 0 picks one).
#[no_mangle]
pub unsafe extern "C" fn sctpx_bind(h: sctpx_handle, addr: *const sockaddr, addr_len: socklen_t) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let a = addr_from_ptr(addr, addr_len)?;
        s.bind(&a).or_code()?;
        Ok(0)
    })
}

/// Listens with `backlog` (one-to-one), or accepts new associations
/// (one-to-many).
#[no_mangle]
pub extern "C" fn sctpx_listen(h: sctpx_handle, backlog: i32) -> i32 {
    guard(|| {
        socket_of(h)?.listen(backlog).or_code()?;
        Ok(0)
    })
}

/// Accepts an association on a listening one-to-one socket and writes the new
/// one-to-one handle to `*out`. `peer` (may be NULL) receives the peer's
/// address and `*peer_len` (may be NULL) its length. Blocks unless the socket
/// is non-blocking (then -EAGAIN); a signal handled while it waits gives
/// -EINTR, as accept(2). One-to-many: SCTPX_ERR_WRONG_KIND.
#[no_mangle]
pub unsafe extern "C" fn sctpx_accept(
    h: sctpx_handle,
    out: *mut sctpx_handle,
    peer: *mut sockaddr_storage,
    peer_len: *mut socklen_t,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        let (new, addr) = s.accept().or_code()?;
        let len = match optional_mut_from_ptr(peer) {
            Some(peer) => super::addrs::write_addr(&addr, peer),
            None => 0,
        };
        if let Some(peer_len) = optional_mut_from_ptr(peer_len) {
            *peer_len = len;
        }
        *out = handles::insert(new)?;
        Ok(0)
    })
}

/// Connects to one address (blocking until the association is up unless
/// the socket is non-blocking: then -EINPROGRESS, and
/// `sctpx_connect_result` says how the set-up goes on). A signal handled
/// while it waits gives -EINTR, as connect(2); the set-up goes on.
#[no_mangle]
pub unsafe extern "C" fn sctpx_connect(h: sctpx_handle, addr: *const sockaddr, addr_len: socklen_t) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let a = addr_from_ptr(addr, addr_len)?;
        s.connect(&a).or_code()?;
        Ok(0)
    })
}

/// Reports how the set-up of association `assoc_id` stands, after
/// `sctpx_connect` or `sctpx_connectx` returned -EINPROGRESS (a non-blocking
/// handle), without waiting and without receiving anything (notifications
/// stay queued for the caller): 0 once it is established (and from then on,
/// also after the association has ended), -EINPROGRESS while it is still
/// being set up, and once it has failed, how: -ECONNREFUSED (the peer
/// refused it), -ETIMEDOUT (the INITs went unanswered) or another errno the
/// kernel gave; later calls repeat that. `assoc_id` is the id
/// `sctpx_connectx` wrote (one-to-many); one-to-one handles ignore it.
///
/// What wakes a poller (the descriptor of `sctpx_fileno`) when the set-up
/// ends:
/// - one-to-one: POLLOUT when it is established; POLLERR (which poll reports
///   whatever the events asked) when it has failed.
/// - one-to-many: nothing of the socket's own: it is writable (POLLOUT)
///   throughout, whatever its associations do. With SCTPX_EVENT_ASSOC_CHANGE
///   subscribed, the notification (COMM_UP, or CANT_STR_ASSOC) makes it
///   readable (POLLIN) either way, and stays queued; without, call this on a
///   timer.
///
/// A failed association is gone from the kernel, and its reason with it
/// (one-to-many: but for that notification; one-to-one: once something,
/// such as a receive or SCTPX_OPT_PENDING_ERROR, has taken the socket's
/// pending error): sctpx then judges by when it first saw the association
/// gone: -ETIMEDOUT when its whole INIT schedule (SCTP_INITMSG,
/// SCTP_RTOINFO) had passed since the connect, else -ECONNREFUSED. So ask
/// soon after the wake-up.
///
/// sctpx remembers the last 64 set-ups of a handle. For one it does not
/// (never started through sctpx, or forgotten): a one-to-one handle gives
/// 0 when established and -ENOTCONN otherwise; a one-to-many handle gives
/// the association's state, or -EINVAL when no association has that id.
#[no_mangle]
pub extern "C" fn sctpx_connect_result(h: sctpx_handle, assoc_id: AssocId) -> i32 {
    guard(|| match socket_of(h)?.connect_result(assoc_id).or_code()? {
        true => Ok(0),
        false => Err(-libc::EINPROGRESS),
    })
}

/// Branches association `assoc_id` of a one-to-many socket off into a new
/// one-to-one socket, whose handle is written to `*out`. `flags`:
/// SCTPX_PEELOFF_NONBLOCK | SCTPX_PEELOFF_CLOEXEC. The new handle must be
/// closed with `sctpx_close`; no descriptor is leaked on any failure.
#[no_mangle]
pub unsafe extern "C" fn sctpx_peeloff(h: sctpx_handle, assoc_id: AssocId, flags: i32, out: *mut sctpx_handle) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        if flags & !(SCTPX_PEELOFF_NONBLOCK | SCTPX_PEELOFF_CLOEXEC) != 0 {
            return Err(SCTPX_ERR_INVALID_ARGUMENT);
        }
        let f =
            PeelOffFlags { nonblock: flags & SCTPX_PEELOFF_NONBLOCK != 0, cloexec: flags & SCTPX_PEELOFF_CLOEXEC != 0 };
        let new = s.peeloff(assoc_id, f).or_code()?;
        *out = handles::insert(new)?;
        Ok(0)
    })
}

/// Gracefully shuts an association down (one-to-many: `assoc_id`;
/// one-to-one: the socket's association, `assoc_id` ignored).
#[no_mangle]
pub extern "C" fn sctpx_shutdown(h: sctpx_handle, assoc_id: AssocId) -> i32 {
    guard(|| {
        socket_of(h)?.shutdown(assoc_id).or_code()?;
        Ok(0)
    })
}

/// Aborts association `assoc_id` of a one-to-many handle at once (ABORT;
/// queued data is dropped; the peer sees COMM_LOST); the handle stays open.
/// On a one-to-one handle it does nothing and gives SCTPX_ERR_WRONG_KIND:
/// Linux aborts a one-to-one association only as its socket closes, which
/// is `sctpx_abort_and_close`.
#[no_mangle]
pub extern "C" fn sctpx_abort(h: sctpx_handle, assoc_id: AssocId) -> i32 {
    guard(|| {
        socket_of(h)?.abort(assoc_id).or_code()?;
        Ok(0)
    })
}

/// Closes a handle as `sctpx_close` does, but with its associations aborted
/// (ABORT; queued data is dropped; the peer reads ECONNRESET or sees
/// COMM_LOST) instead of shut down: it sets SCTPX_OPT_LINGER to 0 first.
/// Blocked calls return SCTPX_ERR_CLOSED_HANDLE as they do then (within
/// 100 ms), and so do later calls; the ABORT goes out as the descriptor
/// closes, when the last call inside has returned. After fork(), SO_LINGER
/// belongs to the socket both processes share: the ABORT goes out when the
/// last of them closes it.
#[no_mangle]
pub extern "C" fn sctpx_abort_and_close(h: sctpx_handle) -> i32 {
    guard(|| {
        socket_of(h)?.prepare_abort().or_code()?;
        close_handle(h)
    })
}
