//! The C ABI (`include/sctpx.h`).
//!
//! Conventions, true of every function unless its comment says otherwise:
//! - The return value is 0 or a count on success and a negative `SCTPX_ERR_*`
//!   code or negated errno on failure.
//! - Output arguments are written only when the function succeeds.
//! - A NULL required pointer gives `SCTPX_ERR_NULL_POINTER`; a buffer pointer
//!   may be NULL when its length is 0.
//! - The caller owns every buffer it passes; the library keeps no pointer
//!   after the call returns.
//! - Every function is safe to call from several threads at once, on the same
//!   or different handles. Concurrent receives on one handle each get whole
//!   messages, in no defined order between them.
//! - A panic inside the library is caught and returned as `SCTPX_ERR_PANIC`.
#![allow(non_camel_case_types)]
#![allow(clippy::missing_safety_doc)]

mod constants;
pub mod handles;
pub mod types;

use std::ffi::c_char;
use std::mem;
use std::net::SocketAddr;
use std::os::fd::{FromRawFd, OwnedFd};
use std::panic::{catch_unwind, AssertUnwindSafe};

use libc::{sockaddr, sockaddr_storage, socklen_t};

use crate::event::{Event, EventKind, Received};
use crate::options::{IntOption, PeerAddrInfo, PeerAddrParams};
use crate::socket::{BindxOp, Family, Kind, PeelOffFlags, SendMsg, Socket, Timeout};
use crate::types::*;
use crate::Error;
pub use types::*;

/// Major version of the library (must match Cargo.toml; a test checks).
pub const SCTPX_VERSION_MAJOR: u32 = 0;
/// Minor version of the library.
pub const SCTPX_VERSION_MINOR: u32 = 1;
/// Patch version of the library.
pub const SCTPX_VERSION_PATCH: u32 = 0;

/// Kind of a handle (`sctp_kind`): one-to-one.
pub const SCTPX_KIND_ONE_TO_ONE: i32 = 1;
/// Kind of a handle (`sctp_kind`): one-to-many.
pub const SCTPX_KIND_ONE_TO_MANY: i32 = 2;

type R = std::result::Result<i32, i32>;

fn code(e: Error) -> i32 {
    match e {
        Error::Os(errno) => -errno.clamp(1, 4095),
        Error::InvalidArgument(_) => SCTPX_ERR_INVALID_ARGUMENT,
        Error::WrongKind(_) => SCTPX_ERR_WRONG_KIND,
        Error::TimedOut => SCTPX_ERR_TIMED_OUT,
        Error::Eof => SCTPX_ERR_EOF,
        Error::Closed => SCTPX_ERR_CLOSED_HANDLE,
    }
}

/// The panic boundary: every exported function body runs inside it.
#[inline]
fn guard<F: FnOnce() -> R>(f: F) -> i32 {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => v,
        Ok(Err(c)) => c,
        Err(_) => SCTPX_ERR_PANIC,
    }
}

trait IntoCode<T> {
    fn c(self) -> std::result::Result<T, i32>;
}

impl<T> IntoCode<T> for crate::Result<T> {
    #[inline]
    fn c(self) -> std::result::Result<T, i32> {
        self.map_err(code)
    }
}

#[inline(always)]
fn sock(h: sctpx_handle) -> std::result::Result<handles::SockRef, i32> {
    handles::get(h)
}

#[inline]
fn nn<T>(p: *const T) -> std::result::Result<(), i32> {
    if p.is_null() {
        Err(SCTPX_ERR_NULL_POINTER)
    } else {
        Ok(())
    }
}

fn count_of(n: usize) -> R {
    i32::try_from(n).map_err(|_| SCTPX_ERR_INVALID_ARGUMENT)
}

/// Borrows a caller buffer; NULL is allowed only with length 0.
unsafe fn bytes<'a>(p: *const u8, len: usize) -> std::result::Result<&'a [u8], i32> {
    if len == 0 {
        return Ok(&[]);
    }
    nn(p)?;
    if len > i32::MAX as usize {
        return Err(SCTPX_ERR_INVALID_ARGUMENT);
    }
    Ok(std::slice::from_raw_parts(p, len))
}

unsafe fn bytes_mut<'a>(p: *mut u8, len: usize) -> std::result::Result<&'a mut [u8], i32> {
    if len == 0 {
        return Ok(&mut []);
    }
    nn(p)?;
    if len > isize::MAX as usize {
        return Err(SCTPX_ERR_INVALID_ARGUMENT);
    }
    Ok(std::slice::from_raw_parts_mut(p, len))
}

const MAX_ADDRS: usize = 64;

/// Reads `count` caller `sockaddr_storage`s into a stack array.
unsafe fn addr_list(
    addrs: *const sockaddr_storage,
    count: usize,
    out: &mut [SocketAddr; MAX_ADDRS],
) -> std::result::Result<usize, i32> {
    nn(addrs)?;
    if count == 0 || count > MAX_ADDRS {
        return Err(SCTPX_ERR_INVALID_ARGUMENT);
    }
    for (i, slot) in out.iter_mut().enumerate().take(count) {
        *slot = crate::addr::from_storage_any(&*addrs.add(i)).c()?;
    }
    Ok(count)
}

fn family(af: i32) -> std::result::Result<Family, i32> {
    Family::from_raw(af).c()
}

/// Writes a Rust address into a caller's sockaddr_storage.
fn put_addr(a: &Option<SocketAddr>, out: &mut sockaddr_storage) -> socklen_t {
    match a {
        Some(a) => crate::addr::to_storage(a, out),
        None => {
            // SAFETY: all-zero is a valid (AF_UNSPEC) storage.
            *out = unsafe { mem::zeroed() };
            0
        }
    }
}

/// Fills a C event from a Rust one.
#[inline(always)]
fn put_event(r: &Received, ev: &mut sctpx_event) {
    let mut flags = 0;
    if r.complete {
        flags |= SCTPX_EVENT_FLAG_COMPLETE;
    }
    if r.truncated {
        flags |= SCTPX_EVENT_FLAG_TRUNCATED;
    }
    if let Event::Data(d) = &r.event {
        // Every data field, and nothing else: clearing the whole event first
        // (a memset of 408 bytes, or as many scalar stores) cost ~2 us of a
        // 165 us emulated round trip (BENCHMARKS.md, finding 2).
        if d.unordered {
            flags |= SCTPX_EVENT_FLAG_UNORDERED;
        }
        ev.kind = SCTPX_EVENT_DATA;
        ev.flags = flags;
        ev.assoc_id = r.assoc_id;
        ev.len = r.len as u32;
        ev.stream = d.stream;
        ev.ssn = d.ssn;
        ev.ppid = d.ppid;
        ev.tsn = d.tsn;
        ev.cumtsn = d.cumtsn;
        ev.context = d.context;
        ev.from_len = match &d.from {
            Some(a) => crate::sys::write_socket_addr_unpadded(a, &mut ev.from),
            None => 0,
        };
        return;
    }
    // In place: `*ev = zeroed()` would build the 408-byte event on the stack
    // and copy it. SAFETY: sctpx_event is plain data; all-zero is valid.
    unsafe { std::ptr::write_bytes(ev as *mut sctpx_event, 0, 1) };
    ev.kind = r.event.kind();
    ev.assoc_id = r.assoc_id;
    ev.len = r.len as u32;
    ev.flags = flags;
    match &r.event {
        Event::Data(_) => {} // filled above
        Event::AssocChange(a) => ev.assoc_change = *a,
        Event::PeerAddrChange(p) => {
            put_addr(&p.addr, &mut ev.peer_addr_change.addr);
            ev.peer_addr_change.state = p.state;
            ev.peer_addr_change.error = p.error;
        }
        Event::SendFailed(s) | Event::SendFailedEvent(s) => ev.send_failed = *s,
        Event::RemoteError(e) => ev.remote_error = *e,
        Event::Shutdown | Event::SenderDry => {}
        Event::PartialDelivery(p) => ev.partial_delivery = *p,
        Event::Adaptation(a) => ev.adaptation = *a,
        Event::Authentication(a) => ev.authentication = *a,
        Event::StreamReset(s) => ev.stream_reset = *s,
        Event::AssocReset(a) => ev.assoc_reset = *a,
        Event::StreamChange(s) => ev.stream_change = *s,
    }
}

// ---------------------------------------------------------------------------
// Library information
// ---------------------------------------------------------------------------

/// The library's version as a static NUL-terminated string ("0.1.0").
/// Never NULL; the caller must not free it.
#[no_mangle]
pub extern "C" fn sctpx_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr() as *const c_char
}

/// Writes a message for any return code into `buf` (at most `len` bytes,
/// always NUL-terminated when `len` > 0, truncated to fit).
///
/// Returns the message length without the NUL (which may exceed `len` - 1 when
/// truncated), or SCTPX_ERR_NULL_POINTER when `buf` is NULL and `len` > 0.
/// With `len` == 0 nothing is written and the full length is returned.
#[no_mangle]
pub unsafe extern "C" fn sctp_strerror(code: i32, buf: *mut c_char, len: usize) -> i32 {
    guard(|| {
        let mut tmp = [0u8; 256];
        let msg = message(code, &mut tmp);
        if len > 0 {
            nn(buf)?;
            let n = msg.len().min(len - 1);
            std::ptr::copy_nonoverlapping(msg.as_ptr(), buf as *mut u8, n);
            *buf.add(n) = 0;
        }
        count_of(msg.len())
    })
}

fn message(code: i32, tmp: &mut [u8; 256]) -> &[u8] {
    if let Some(s) = crate::error::code_message(code) {
        return s.as_bytes();
    }
    let s: &str = match code {
        c if (-4095..0).contains(&c) => {
            // strerror_r via std: the OS's own text for the errno.
            use std::io::Write;
            let mut cur = std::io::Cursor::new(&mut tmp[..]);
            let _ = write!(cur, "{}", std::io::Error::from_raw_os_error(-c));
            let n = cur.position() as usize;
            return &tmp[..n];
        }
        c if c > 0 => "success (a count)",
        _ => "unknown sctpx error code",
    };
    s.as_bytes()
}

// ---------------------------------------------------------------------------
// Sockets
// ---------------------------------------------------------------------------

/// Opens a one-to-one (SOCK_STREAM) SCTP socket for `family` (SCTPX_AF_INET or
/// SCTPX_AF_INET6; IPv6 is dual-stack by default) and writes its handle to
/// `*out`. The descriptor is close-on-exec. Close it with `sctp_close`.
#[no_mangle]
pub unsafe extern "C" fn sctp_open_tcp(family_: i32, out: *mut sctpx_handle) -> i32 {
    guard(|| {
        nn(out)?;
        let s = Socket::open_tcp(family(family_)?).c()?;
        *out = handles::insert(s)?;
        Ok(0)
    })
}

/// Opens a one-to-many (SOCK_SEQPACKET) SCTP socket; as `sctp_open_tcp`.
#[no_mangle]
pub unsafe extern "C" fn sctp_open_udp(family_: i32, out: *mut sctpx_handle) -> i32 {
    guard(|| {
        nn(out)?;
        let s = Socket::open_udp(family(family_)?).c()?;
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
pub unsafe extern "C" fn sctp_adopt_fd(fd: i32, out: *mut sctpx_handle) -> i32 {
    guard(|| {
        if fd < 0 {
            return Err(SCTPX_ERR_INVALID_ARGUMENT);
        }
        // Not open: nothing was handed over. Owning the number would close
        // whatever another thread opens under it next.
        if libc::fcntl(fd, libc::F_GETFD) < 0 {
            return Err(code(Error::last_os_error()));
        }
        if out.is_null() {
            // Ownership was handed over whatever happens: do not leak it.
            drop(OwnedFd::from_raw_fd(fd));
            return Err(SCTPX_ERR_NULL_POINTER);
        }
        let s = Socket::from_owned_fd(OwnedFd::from_raw_fd(fd)).c()?;
        *out = handles::insert(s)?;
        Ok(0)
    })
}

/// Closes a handle. The handle is invalid at once (later calls get
/// SCTPX_ERR_CLOSED_HANDLE, also from a second close: closing twice is safe).
/// Calls other threads have blocked in on this handle (accept, connect,
/// connectx, the sends, next_event, recv_batch; any kind of handle) return
/// SCTPX_ERR_CLOSED_HANDLE within 40 ms (a call blocked in the kernel checks
/// every 40 ms: the socket's SO_RCVTIMEO and SO_SNDTIMEO; one waiting with a
/// timeout is woken at once); a call that was not waiting completes.
/// The descriptor is closed when the last call inside returns, which sends
/// SHUTDOWN (or ABORT, after SCTPX_OPT_LINGER 0) for its associations unless
/// another process still shares the socket (after fork()): closing never acts
/// on a socket another process holds.
#[no_mangle]
pub extern "C" fn sctp_close(h: sctpx_handle) -> i32 {
    guard(|| close_handle(h))
}

/// Makes handle `h` invalid and wakes the calls blocked inside it.
fn close_handle(h: sctpx_handle) -> R {
    let (s, calls_inside) = handles::remove(h)?;
    if calls_inside {
        s.interrupt();
    }
    Ok(0)
}

/// Returns the socket's file descriptor (>= 0) for poll/epoll/select. The
/// library still owns it: do not close it, and leave its SO_RCVTIMEO and
/// SO_SNDTIMEO alone (they bound how long `sctp_close` takes to wake a call
/// blocked on the handle).
#[no_mangle]
pub extern "C" fn sctp_fileno(h: sctpx_handle) -> i32 {
    guard(|| Ok(sock(h)?.fd()))
}

/// Returns SCTPX_KIND_ONE_TO_ONE or SCTPX_KIND_ONE_TO_MANY.
#[no_mangle]
pub extern "C" fn sctp_kind(h: sctpx_handle) -> i32 {
    guard(|| {
        Ok(match sock(h)?.kind() {
            Kind::OneToOne => SCTPX_KIND_ONE_TO_ONE,
            Kind::OneToMany => SCTPX_KIND_ONE_TO_MANY,
        })
    })
}

/// Binds to one address (`addr`, `addr_len` bytes; port 0 picks one).
#[no_mangle]
pub unsafe extern "C" fn sctp_bind(h: sctpx_handle, addr: *const sockaddr, addr_len: socklen_t) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(addr)?;
        let a = crate::addr::from_raw(addr, addr_len).c()?;
        s.bind(&a).c()?;
        Ok(0)
    })
}

/// Adds (SCTPX_BINDX_ADD) or removes (SCTPX_BINDX_REMOVE) `count` addresses
/// (1 to 64), given as an array of `struct sockaddr_storage` (IPv4 and IPv6
/// may be mixed on an IPv6 socket). All addresses must share one port.
#[no_mangle]
pub unsafe extern "C" fn sctp_bindx(h: sctpx_handle, addrs: *const sockaddr_storage, count: usize, flags: i32) -> i32 {
    guard(|| {
        let s = sock(h)?;
        let op = match flags {
            SCTPX_BINDX_ADD => BindxOp::Add,
            SCTPX_BINDX_REMOVE => BindxOp::Remove,
            _ => return Err(SCTPX_ERR_INVALID_ARGUMENT),
        };
        let mut list = [SocketAddr::from(([0, 0, 0, 0], 0)); MAX_ADDRS];
        let n = addr_list(addrs, count, &mut list)?;
        s.bindx(&list[..n], op).c()?;
        Ok(0)
    })
}

/// Listens with `backlog` (one-to-one), or accepts new associations
/// (one-to-many).
#[no_mangle]
pub extern "C" fn sctp_listen(h: sctpx_handle, backlog: i32) -> i32 {
    guard(|| {
        sock(h)?.listen(backlog).c()?;
        Ok(0)
    })
}

/// Accepts an association on a listening one-to-one socket and writes the new
/// one-to-one handle to `*out`. `peer` (may be NULL) receives the peer's
/// address and `*peer_len` (may be NULL) its length. Blocks unless the socket
/// is non-blocking (then -EAGAIN); a signal handled while it waits gives
/// -EINTR, as accept(2). One-to-many: SCTPX_ERR_WRONG_KIND.
#[no_mangle]
pub unsafe extern "C" fn sctp_accept(
    h: sctpx_handle,
    out: *mut sctpx_handle,
    peer: *mut sockaddr_storage,
    peer_len: *mut socklen_t,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        let (new, addr) = s.accept().c()?;
        if !peer.is_null() {
            let n = put_addr(&addr, &mut *peer);
            if !peer_len.is_null() {
                *peer_len = n;
            }
        } else if !peer_len.is_null() {
            *peer_len = 0;
        }
        *out = handles::insert(new)?;
        Ok(0)
    })
}

/// Connects to one address (blocking until the association is up unless the
/// socket is non-blocking: then -EINPROGRESS). A signal handled while it
/// waits gives -EINTR, as connect(2); the set-up goes on.
#[no_mangle]
pub unsafe extern "C" fn sctp_connect(h: sctpx_handle, addr: *const sockaddr, addr_len: socklen_t) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(addr)?;
        let a = crate::addr::from_raw(addr, addr_len).c()?;
        s.connect(&a).c()?;
        Ok(0)
    })
}

/// Connects to a peer by `count` of its addresses (1 to 64, an array of
/// `struct sockaddr_storage`) and writes the association id to
/// `*assoc_id` (may be NULL).
///
/// On a non-blocking socket it returns -EINPROGRESS while the association is
/// being set up and, unlike other failures, still writes `*assoc_id`: the
/// association exists and will report COMM_UP (or the socket turns writable;
/// SCTPX_OPT_PENDING_ERROR then gives the result).
#[no_mangle]
pub unsafe extern "C" fn sctp_connectx(
    h: sctpx_handle,
    addrs: *const sockaddr_storage,
    count: usize,
    assoc_id: *mut AssocId,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        let mut list = [SocketAddr::from(([0, 0, 0, 0], 0)); MAX_ADDRS];
        let n = addr_list(addrs, count, &mut list)?;
        let (id, in_progress) = s.connectx_progress(&list[..n]).c()?;
        if !assoc_id.is_null() {
            *assoc_id = id;
        }
        Ok(if in_progress { -libc::EINPROGRESS } else { 0 })
    })
}

/// Branches association `assoc_id` of a one-to-many socket off into a new
/// one-to-one socket, whose handle is written to `*out`. `flags`:
/// SCTPX_PEELOFF_NONBLOCK | SCTPX_PEELOFF_CLOEXEC. The new handle must be
/// closed with `sctp_close`; no descriptor is leaked on any failure.
#[no_mangle]
pub unsafe extern "C" fn sctp_peeloff(h: sctpx_handle, assoc_id: AssocId, flags: i32, out: *mut sctpx_handle) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        if flags & !(SCTPX_PEELOFF_NONBLOCK | SCTPX_PEELOFF_CLOEXEC) != 0 {
            return Err(SCTPX_ERR_INVALID_ARGUMENT);
        }
        let f =
            PeelOffFlags { nonblock: flags & SCTPX_PEELOFF_NONBLOCK != 0, cloexec: flags & SCTPX_PEELOFF_CLOEXEC != 0 };
        let new = s.peeloff(assoc_id, f).c()?;
        *out = handles::insert(new)?;
        Ok(0)
    })
}

/// Gracefully shuts an association down (one-to-many: `assoc_id`;
/// one-to-one: the socket's association, `assoc_id` ignored).
#[no_mangle]
pub extern "C" fn sctp_shutdown(h: sctpx_handle, assoc_id: AssocId) -> i32 {
    guard(|| {
        sock(h)?.shutdown(assoc_id).c()?;
        Ok(0)
    })
}

/// Aborts an association at once (ABORT; queued data is dropped).
///
/// One-to-many: aborts association `assoc_id`; the handle stays open.
/// One-to-one (Linux refuses the ABORT flag there): sets SO_LINGER to 0 and
/// CLOSES THE HANDLE as `sctp_close` does (blocked calls return
/// SCTPX_ERR_CLOSED_HANDLE within 40 ms); the ABORT goes out as the descriptor
/// closes, when the last call inside has returned. `assoc_id` is ignored.
/// After fork(), SO_LINGER belongs to the socket both processes share: the
/// ABORT goes out when the last of them closes it.
#[no_mangle]
pub extern "C" fn sctp_abort(h: sctpx_handle, assoc_id: AssocId) -> i32 {
    guard(|| {
        let s = sock(h)?;
        match s.kind() {
            Kind::OneToMany => s.abort(assoc_id).c()?,
            Kind::OneToOne => {
                s.prepare_abort().c()?;
                drop(s);
                close_handle(h)?;
            }
        }
        Ok(0)
    })
}

unsafe fn put_addrs(list: &[SocketAddr], out: *mut sockaddr_storage, cap: usize) -> R {
    if cap > 0 {
        nn(out)?;
    }
    for (i, a) in list.iter().take(cap).enumerate() {
        crate::addr::to_storage(a, &mut *out.add(i));
    }
    count_of(list.len())
}

/// Writes the peer's addresses of an association into `out` (`cap` entries)
/// and returns how many there are (only `cap` are written when there are
/// more; call with `cap` 0 to size the array).
#[no_mangle]
pub unsafe extern "C" fn sctp_getpaddrs(
    h: sctpx_handle,
    assoc_id: AssocId,
    out: *mut sockaddr_storage,
    cap: usize,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        let list = s.peer_addrs(assoc_id).c()?;
        put_addrs(&list, out, cap)
    })
}

/// As `sctp_getpaddrs`, for the local addresses (`assoc_id` 0 on a
/// one-to-many socket: all bound addresses).
#[no_mangle]
pub unsafe extern "C" fn sctp_getladdrs(
    h: sctpx_handle,
    assoc_id: AssocId,
    out: *mut sockaddr_storage,
    cap: usize,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        let list = s.local_addrs(assoc_id).c()?;
        put_addrs(&list, out, cap)
    })
}

// ---------------------------------------------------------------------------
// Sending and receiving
// ---------------------------------------------------------------------------

/// Sends `len` bytes on `stream` with `ppid` (host byte order) to association
/// `assoc_id` (ignored on one-to-one). Returns the bytes sent.
#[no_mangle]
pub unsafe extern "C" fn sctp_send_stream(
    h: sctpx_handle,
    assoc_id: AssocId,
    stream: u16,
    ppid: u32,
    buf: *const u8,
    len: usize,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        let data = bytes(buf, len)?;
        count_of(s.send_stream(assoc_id, stream, ppid, data).c()?)
    })
}

/// Sends one message with full parameters. `info` NULL sends with the
/// socket's defaults (`sctp_set_default_send_info`; all zero unless set).
/// `to` (may be NULL) sends to an address instead of `info->assoc_id`,
/// setting an association up implicitly on a one-to-many socket. Returns the
/// bytes sent.
#[no_mangle]
pub unsafe extern "C" fn sctp_send(
    h: sctpx_handle,
    buf: *const u8,
    len: usize,
    info: *const SendInfo,
    to: *const sockaddr,
    to_len: socklen_t,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        let data = bytes(buf, len)?;
        let to = if to.is_null() { None } else { Some(crate::addr::from_raw(to, to_len).c()?) };
        let n = if info.is_null() { s.send_default(data, to.as_ref()) } else { s.send(data, &*info, to.as_ref()) };
        count_of(n.c()?)
    })
}

/// One caller message as the core's `SendMsg`, checked as the core checks a
/// send: its bytes, its address and its send info.
unsafe fn send_msg<'a>(c: &sctpx_send_msg) -> std::result::Result<SendMsg<'a>, i32> {
    let data = bytes(c.data, c.len)?;
    let to = if c.to.is_null() { None } else { Some(crate::addr::from_raw(c.to, c.to_len).c()?) };
    crate::socket::validate_send_info(&c.info).c()?;
    Ok(SendMsg { data, info: c.info, to })
}

/// Sends `count` messages in as few system calls as possible (sendmmsg, 64
/// per call). Consecutive messages to the same association are bundled by
/// the kernel into as few packets as the path MTU allows (MSG_MORE on all but
/// the last of each run); every message is still delivered as its own
/// message, and nothing waits past the call.
///
/// Every message is checked (its `data` and `len`, its address, its send
/// info) before the first is sent: a bad one anywhere gives its code
/// (SCTPX_ERR_NULL_POINTER, SCTPX_ERR_INVALID_ARGUMENT) and nothing is sent.
/// Returns how many were sent: fewer than `count` when the socket would block
/// or the kernel refused a later message (sending that one alone reports
/// why); a negative code when the first one failed. After a short count the
/// last message sent may be held for bundling until the next send to its
/// association: send the rest.
#[no_mangle]
pub unsafe extern "C" fn sctp_send_batch(h: sctpx_handle, msgs: *const sctpx_send_msg, count: usize) -> i32 {
    guard(|| {
        let s = sock(h)?;
        if count == 0 {
            return Ok(0);
        }
        nn(msgs)?;
        if count > i32::MAX as usize {
            return Err(SCTPX_ERR_INVALID_ARGUMENT);
        }
        let all = std::slice::from_raw_parts(msgs, count);
        // All of them first: a failure reported after some went out would
        // make a caller that retries send those twice.
        for c in all {
            send_msg(c)?;
        }
        let mut sent = 0usize;
        for chunk in all.chunks(crate::msg::MAX_BATCH) {
            let mut list = [SendMsg::default(); crate::msg::MAX_BATCH];
            for (m, c) in list.iter_mut().zip(chunk) {
                *m = send_msg(c)?;
            }
            match s.send_batch(&list[..chunk.len()]) {
                Ok(n) => {
                    sent += n;
                    if n < chunk.len() {
                        break;
                    }
                }
                Err(e) if sent == 0 => return Err(code(e)),
                Err(_) => break,
            }
        }
        count_of(sent)
    })
}

/// Receives the next event — a data message or a notification — into
/// `*event`, its bytes into `buf` (`cap` bytes). Returns the byte count
/// (also in `event->len`).
///
/// `timeout_ms`: -1 blocks, 0 polls (-EAGAIN when nothing is ready), N > 0
/// waits up to N ms (then SCTPX_ERR_TIMED_OUT). A message longer than `cap`
/// comes in pieces: SCTPX_EVENT_FLAG_COMPLETE marks the last. A one-to-one
/// association shut down by the peer gives SCTPX_ERR_EOF.
#[no_mangle]
pub unsafe extern "C" fn sctp_next_event(
    h: sctpx_handle,
    event: *mut sctpx_event,
    buf: *mut u8,
    cap: usize,
    timeout_ms: i32,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(event)?;
        let b = bytes_mut(buf, cap)?;
        if b.is_empty() {
            return Err(SCTPX_ERR_INVALID_ARGUMENT);
        }
        let t = Timeout::from_ms(timeout_ms).c()?;
        let r = s.next_event(b, t).c()?;
        put_event(&r, &mut *event);
        count_of(r.len)
    })
}

/// Receives up to `count` events in one system call (recvmmsg). Event `i`'s
/// bytes are at `bufs + i * stride` (`stride` bytes each; `bufs` holds
/// `count * stride` bytes). Waits as `sctp_next_event` for the first event
/// (-EAGAIN, SCTPX_ERR_TIMED_OUT, SCTPX_ERR_EOF as there), then takes what
/// is already queued. Returns the number of events (>= 1).
#[no_mangle]
pub unsafe extern "C" fn sctp_recv_batch(
    h: sctpx_handle,
    events: *mut sctpx_event,
    count: usize,
    bufs: *mut u8,
    stride: usize,
    timeout_ms: i32,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(events)?;
        if count == 0 || stride == 0 {
            return Err(SCTPX_ERR_INVALID_ARGUMENT);
        }
        let total = count.checked_mul(stride).ok_or(SCTPX_ERR_INVALID_ARGUMENT)?;
        let b = bytes_mut(bufs, total)?;
        let t = Timeout::from_ms(timeout_ms).c()?;
        let n = count.min(crate::msg::MAX_BATCH);
        let mut rs = [Received::default(); crate::msg::MAX_BATCH];
        let got = s.recv_batch(b, stride, &mut rs[..n], t).c()?;
        for (i, r) in rs[..got].iter().enumerate() {
            put_event(r, &mut *events.add(i));
        }
        count_of(got)
    })
}

/// Turns delivery of notification kind `kind` (SCTPX_EVENT_ASSOC_CHANGE ..
/// SCTPX_EVENT_SEND_FAILED_EVENT) on (`on` != 0) or off. sctpx subscribes to
/// nothing by default, as the kernel; on one-to-many sockets a subscription
/// applies to current and future associations.
#[no_mangle]
pub extern "C" fn sctp_subscribe(h: sctpx_handle, kind: u32, on: i32) -> i32 {
    guard(|| {
        let s = sock(h)?;
        let k = EventKind::from_u32(kind).ok_or(SCTPX_ERR_INVALID_ARGUMENT)?;
        s.subscribe(k, on != 0).c()?;
        Ok(0)
    })
}

/// Returns 1 when notification kind `kind` is delivered, 0 when not.
#[no_mangle]
pub extern "C" fn sctp_subscribed(h: sctpx_handle, kind: u32) -> i32 {
    guard(|| {
        let s = sock(h)?;
        let k = EventKind::from_u32(kind).ok_or(SCTPX_ERR_INVALID_ARGUMENT)?;
        Ok(s.subscribed(k).c()? as i32)
    })
}

// ---------------------------------------------------------------------------
// Options
// ---------------------------------------------------------------------------

/// Reads integer option `option` (SCTPX_OPT_*) into `*value`. `assoc_id`
/// selects the association for per-association options (0: socket default).
/// An unknown option gives SCTPX_ERR_INVALID_ARGUMENT; SCTPX_OPT_ASSOC_NUMBER
/// of a one-to-one socket SCTPX_ERR_WRONG_KIND.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_option(h: sctpx_handle, assoc_id: AssocId, option: i32, value: *mut i64) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(value)?;
        let o = IntOption::from_i32(option).ok_or(SCTPX_ERR_INVALID_ARGUMENT)?;
        *value = s.option(o, assoc_id).c()?;
        Ok(0)
    })
}

/// Sets integer option `option` (SCTPX_OPT_*) to `value`. Each SCTPX_OPT_*
/// ends with the values it accepts ("Range: MIN to MAX." or "Read only."):
/// any other value, a read-only option or an unknown one gives
/// SCTPX_ERR_INVALID_ARGUMENT before the kernel is asked, and changes nothing.
/// In range, the kernel may still refuse a value whose limit depends on the
/// socket (-EINVAL; the option says which), or the option on this kind of
/// socket (-EOPNOTSUPP: SCTPX_OPT_AUTOCLOSE on a one-to-one socket).
#[no_mangle]
pub extern "C" fn sctp_set_option(h: sctpx_handle, assoc_id: AssocId, option: i32, value: i64) -> i32 {
    guard(|| {
        let s = sock(h)?;
        let o = IntOption::from_i32(option).ok_or(SCTPX_ERR_INVALID_ARGUMENT)?;
        s.set_option(o, assoc_id, value).c()?;
        Ok(0)
    })
}

/// Reads SCTP_RTOINFO (retransmission timeouts, ms) of association `assoc_id` (0: the socket's defaults)
/// into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_rtoinfo(h: sctpx_handle, assoc_id: AssocId, out: *mut RtoInfo) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        *out = s.rtoinfo(assoc_id).c()?;
        Ok(0)
    })
}

/// Sets SCTP_RTOINFO (retransmission timeouts, ms) from `*value`; its `assoc_id` selects the association.
#[no_mangle]
pub unsafe extern "C" fn sctp_set_rtoinfo(h: sctpx_handle, value: *const RtoInfo) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(value)?;
        s.set_rtoinfo(&*value).c()?;
        Ok(0)
    })
}

/// Reads SCTP_ASSOCINFO (association parameters) of association `assoc_id` (0: the socket's defaults)
/// into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_assocparams(h: sctpx_handle, assoc_id: AssocId, out: *mut AssocParams) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        *out = s.assocparams(assoc_id).c()?;
        Ok(0)
    })
}

/// Sets SCTP_ASSOCINFO (association parameters) from `*value`; its `assoc_id` selects the association.
#[no_mangle]
pub unsafe extern "C" fn sctp_set_assocparams(h: sctpx_handle, value: *const AssocParams) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(value)?;
        s.set_assocparams(&*value).c()?;
        Ok(0)
    })
}

/// Reads SCTP_DEFAULT_SNDINFO (the parameters of sends that give none) of association `assoc_id` (0: the socket's defaults)
/// into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_default_send_info(h: sctpx_handle, assoc_id: AssocId, out: *mut SendInfo) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        *out = s.default_send_info(assoc_id).c()?;
        Ok(0)
    })
}

/// Sets SCTP_DEFAULT_SNDINFO (the parameters of sends that give none) from `*value`; its `assoc_id` selects the association.
#[no_mangle]
pub unsafe extern "C" fn sctp_set_default_send_info(h: sctpx_handle, value: *const SendInfo) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(value)?;
        s.set_default_send_info(&*value).c()?;
        Ok(0)
    })
}

/// Reads SCTP_DELAYED_SACK of association `assoc_id` (0: the socket's defaults)
/// into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_delayed_sack(h: sctpx_handle, assoc_id: AssocId, out: *mut SackInfo) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        *out = s.delayed_sack(assoc_id).c()?;
        Ok(0)
    })
}

/// Sets SCTP_DELAYED_SACK from `*value`; its `assoc_id` selects the association.
#[no_mangle]
pub unsafe extern "C" fn sctp_set_delayed_sack(h: sctpx_handle, value: *const SackInfo) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(value)?;
        s.set_delayed_sack(&*value).c()?;
        Ok(0)
    })
}

/// Reads SCTP_INITMSG (the parameters for new associations) into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_initmsg(h: sctpx_handle, out: *mut InitMsg) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        *out = s.initmsg().c()?;
        Ok(0)
    })
}

/// Sets SCTP_INITMSG from `*value` (0 fields leave a value unchanged).
#[no_mangle]
pub unsafe extern "C" fn sctp_set_initmsg(h: sctpx_handle, value: *const InitMsg) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(value)?;
        s.set_initmsg(&*value).c()?;
        Ok(0)
    })
}

unsafe fn opt_addr(a: *const sockaddr, len: socklen_t) -> std::result::Result<Option<SocketAddr>, i32> {
    if a.is_null() {
        return Ok(None);
    }
    Ok(Some(crate::addr::from_raw(a, len).c()?))
}

/// Reads SCTP_PEER_ADDR_PARAMS of association `assoc_id` for peer address
/// `addr` (may be NULL: the association's or socket's defaults) into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_paddrparams(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
    out: *mut sctpx_paddrparams,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        let a = opt_addr(addr, addr_len)?;
        let p = s.peer_addr_params(assoc_id, a).c()?;
        let mut o: sctpx_paddrparams = mem::zeroed();
        o.assoc_id = p.assoc_id;
        o.address_len = put_addr(&p.address, &mut o.address);
        o.hbinterval = p.hbinterval;
        o.pathmaxrxt = p.pathmaxrxt;
        o.pathmtu = p.pathmtu;
        o.sackdelay = p.sackdelay;
        o.flags = p.flags;
        o.ipv6_flowlabel = p.ipv6_flowlabel;
        o.dscp = p.dscp;
        *out = o;
        Ok(0)
    })
}

/// Sets SCTP_PEER_ADDR_PARAMS from `*value` (`address_len` 0: all addresses).
#[no_mangle]
pub unsafe extern "C" fn sctp_set_paddrparams(h: sctpx_handle, value: *const sctpx_paddrparams) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(value)?;
        let v = &*value;
        let address = if v.address_len == 0 { None } else { Some(crate::addr::from_storage_any(&v.address).c()?) };
        let p = PeerAddrParams {
            assoc_id: v.assoc_id,
            address,
            hbinterval: v.hbinterval,
            pathmaxrxt: v.pathmaxrxt,
            pathmtu: v.pathmtu,
            sackdelay: v.sackdelay,
            flags: v.flags,
            ipv6_flowlabel: v.ipv6_flowlabel,
            dscp: v.dscp,
        };
        s.set_peer_addr_params(&p).c()?;
        Ok(0)
    })
}

fn put_paddrinfo(p: &PeerAddrInfo, o: &mut sctpx_paddrinfo) {
    o.assoc_id = p.assoc_id;
    o.address_len = put_addr(&p.address, &mut o.address);
    o.state = p.state;
    o.cwnd = p.cwnd;
    o.srtt = p.srtt;
    o.rto = p.rto;
    o.mtu = p.mtu;
}

/// Reads SCTP_STATUS of association `assoc_id` into `*out`. Before a
/// one-to-one socket's association is established the kernel has none to
/// report: -EINVAL.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_status(h: sctpx_handle, assoc_id: AssocId, out: *mut sctpx_status) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        let st = s.status(assoc_id).c()?;
        let mut o: sctpx_status = mem::zeroed();
        o.assoc_id = st.assoc_id;
        o.state = st.state;
        o.rwnd = st.rwnd;
        o.unackdata = st.unackdata;
        o.penddata = st.penddata;
        o.inbound_streams = st.inbound_streams;
        o.outbound_streams = st.outbound_streams;
        o.fragmentation_point = st.fragmentation_point;
        put_paddrinfo(&st.primary, &mut o.primary);
        *out = o;
        Ok(0)
    })
}

/// Reads SCTP_GET_PEER_ADDR_INFO for peer address `addr` into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_paddrinfo(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
    out: *mut sctpx_paddrinfo,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        nn(addr)?;
        let a = crate::addr::from_raw(addr, addr_len).c()?;
        let p = s.peer_addr_info(assoc_id, &a).c()?;
        let mut o: sctpx_paddrinfo = mem::zeroed();
        put_paddrinfo(&p, &mut o);
        *out = o;
        Ok(0)
    })
}

/// Reads SCTP_GET_ASSOC_STATS of association `assoc_id` into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_assoc_stats(h: sctpx_handle, assoc_id: AssocId, out: *mut AssocStats) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        *out = s.assoc_stats(assoc_id).c()?;
        Ok(0)
    })
}

/// Writes the ids of the associations of a one-to-many socket into `out`
/// (`cap` entries) and returns how many there are (only `cap` are written
/// when there are more).
#[no_mangle]
pub unsafe extern "C" fn sctp_get_assoc_ids(h: sctpx_handle, out: *mut AssocId, cap: usize) -> i32 {
    guard(|| {
        let s = sock(h)?;
        let list: &mut [i32] = if cap == 0 {
            &mut []
        } else {
            nn(out)?;
            if cap > i32::MAX as usize {
                return Err(SCTPX_ERR_INVALID_ARGUMENT);
            }
            std::slice::from_raw_parts_mut(out, cap)
        };
        count_of(s.assoc_ids(list).c()?)
    })
}

/// Makes the peer address `addr` the primary path of association
/// `assoc_id` (SCTP_PRIMARY_ADDR).
#[no_mangle]
pub unsafe extern "C" fn sctp_set_primary(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(addr)?;
        let a = crate::addr::from_raw(addr, addr_len).c()?;
        s.set_primary(assoc_id, &a).c()?;
        Ok(0)
    })
}

/// Writes association `assoc_id`'s primary peer address to `*out` and returns
/// its length.
#[no_mangle]
pub unsafe extern "C" fn sctp_get_primary(h: sctpx_handle, assoc_id: AssocId, out: *mut sockaddr_storage) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(out)?;
        let a = s.primary(assoc_id).c()?;
        Ok(put_addr(&a, &mut *out) as i32)
    })
}

/// Asks the peer to use our address `addr` as its primary
/// (SCTP_SET_PEER_PRIMARY_ADDR; needs ASCONF on both sides).
#[no_mangle]
pub unsafe extern "C" fn sctp_set_peer_primary(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        nn(addr)?;
        let a = crate::addr::from_raw(addr, addr_len).c()?;
        s.set_peer_primary(assoc_id, &a).c()?;
        Ok(0)
    })
}

/// Requests a reset of `count` streams (`streams`, may be NULL when `count`
/// is 0: all streams) in direction `flags` (1 incoming, 2 outgoing, 3 both).
/// Needs SCTPX_OPT_ENABLE_STREAM_RESET on both sides.
#[no_mangle]
pub unsafe extern "C" fn sctp_reset_streams(
    h: sctpx_handle,
    assoc_id: AssocId,
    flags: u16,
    streams: *const u16,
    count: usize,
) -> i32 {
    guard(|| {
        let s = sock(h)?;
        if flags == 0 || flags & !3 != 0 || count > 256 {
            return Err(SCTPX_ERR_INVALID_ARGUMENT);
        }
        let list: &[u16] = if count == 0 {
            &[]
        } else {
            nn(streams)?;
            std::slice::from_raw_parts(streams, count)
        };
        s.reset_streams(assoc_id, flags, list).c()?;
        Ok(0)
    })
}

/// Resets association `assoc_id` (SCTP_RESET_ASSOC): TSNs and every
/// stream's SSN start again. Needs SCTPX_OPT_RECONFIG_SUPPORTED and
/// SCTPX_ENABLE_RESET_ASSOC_REQ on both sides; SCTPX_EVENT_ASSOC_RESET
/// reports the outcome.
#[no_mangle]
pub extern "C" fn sctp_reset_assoc(h: sctpx_handle, assoc_id: AssocId) -> i32 {
    guard(|| {
        sock(h)?.reset_assoc(assoc_id).c()?;
        Ok(0)
    })
}

/// Adds `inbound` and `outbound` streams to association `assoc_id`
/// (SCTP_ADD_STREAMS).
#[no_mangle]
pub extern "C" fn sctp_add_streams(h: sctpx_handle, assoc_id: AssocId, inbound: u16, outbound: u16) -> i32 {
    guard(|| {
        sock(h)?.add_streams(assoc_id, inbound, outbound).c()?;
        Ok(0)
    })
}
