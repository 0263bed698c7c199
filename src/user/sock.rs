//! One usrsctp socket, with the same low-level operations the kernel backend
//! performs with system calls: `Socket` (src/socket.rs) runs the same logic on
//! either. Values cross in Linux terms (option numbers, struct layouts, flags,
//! notification types): src/user/xlate.rs translates.
//!
//! Every usrsctp socket is non-blocking inside; `Socket` waits for readiness
//! on the descriptor this module keeps in step with usrsctp (see `Ready`), as
//! it waits for the kernel's, so close wakes blocked calls the same way.

use std::collections::HashMap;
use std::ffi::{c_int, c_uint, c_void};
use std::io;
use std::mem::{size_of, MaybeUninit};
use std::net::SocketAddr;
use std::os::fd::{AsRawFd, FromRawFd, OwnedFd, RawFd};
use std::sync::{Arc, Condvar, Mutex, OnceLock};
use std::time::Duration;

use libc::{sockaddr, sockaddr_storage, socklen_t};

use super::api::{Api, So};
use super::{stack, xlate};
use crate::msg::RecvMeta;
use crate::socket::Kind;
use crate::sys;
use crate::types::*;

/// usrsctp_get_events bits (usrsctp.h).
const EVENT_READ: c_int = 0x1;
const EVENT_WRITE: c_int = 0x2;
const EVENT_ERROR: c_int = 0x4;
/// usrsctp_sendv/recvv info types and the spa validity bits (usrsctp.h).
const SENDV_NOINFO: c_uint = 0;
const SENDV_SNDINFO: c_uint = 1;
const SENDV_SPA: c_uint = 4;
const SEND_SNDINFO_VALID: u32 = 1;
const SEND_PRINFO_VALID: u32 = 2;
const RECVV_RCVINFO: c_uint = 1;
const RECVV_RN: c_uint = 3;
/// usrsctp's MSG_NOTIFICATION (usrsctp.h; Linux's is 0x8000).
const MSG_NOTIFICATION: c_int = 0x2000;
/// usrsctp_bindx flags (usrsctp.h).
const BINDX_ADD_ADDR: c_int = 0x8001;
const BINDX_REM_ADDR: c_int = 0x8002;

/// usrsctp's `struct sctp_sndinfo` (the same layout as Linux's; usrsctp's
/// flag values).
#[repr(C)]
#[derive(Clone, Copy, Default)]
pub(crate) struct SndInfo {
    pub snd_sid: u16,
    pub snd_flags: u16,
    pub snd_ppid: u32,
    pub snd_context: u32,
    pub snd_assoc_id: u32,
}

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct PrInfo {
    pr_policy: u16,
    pr_value: u32,
}

#[repr(C)]
#[derive(Clone, Copy, Default)]
struct AuthInfo {
    auth_keynumber: u16,
}

/// `struct sctp_sendv_spa`.
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct SendvSpa {
    sendv_flags: u32,
    sendv_sndinfo: SndInfo,
    sendv_prinfo: PrInfo,
    sendv_authinfo: AuthInfo,
}

/// `struct sctp_rcvinfo` (usrsctp's flag values).
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct RcvInfo {
    rcv_sid: u16,
    rcv_ssn: u16,
    rcv_flags: u16,
    rcv_ppid: u32,
    rcv_tsn: u32,
    rcv_cumtsn: u32,
    rcv_context: u32,
    rcv_assoc_id: u32,
}

/// `struct sctp_nxtinfo` (usrsctp's flag values).
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct NxtInfo {
    nxt_sid: u16,
    nxt_flags: u16,
    nxt_ppid: u32,
    nxt_length: u32,
    nxt_assoc_id: u32,
}

/// `struct sctp_recvv_rn`: what usrsctp_recvv writes with SCTP_RECVNXTINFO on
/// and a message waiting behind the one received (RECVV_RN); otherwise only
/// its `rcvinfo` (RECVV_RCVINFO).
#[repr(C)]
#[derive(Clone, Copy, Default)]
struct RecvvRn {
    rcvinfo: RcvInfo,
    nxtinfo: NxtInfo,
}

/// What a `Ready` shows, and whether its usrsctp socket may still be asked.
struct Shown {
    readable: bool,
    writable: bool,
    /// Set (under the lock) before the usrsctp socket is closed: a sync that
    /// looked the socket up before it left the registry (the refresher
    /// thread's, or an upcall's) must not ask usrsctp about a freed socket.
    closing: bool,
}

/// The readiness descriptor pair of one usrsctp socket. `Socket` polls (a
/// duplicate of) `user`, which is readable exactly while usrsctp reports the
/// socket readable (or in error: a marker byte sent from `inner` waits in it)
/// and writable exactly while usrsctp reports it writable (otherwise `user`'s
/// send buffer is kept full, its bytes waiting unread in `inner`).
struct Ready {
    user: OwnedFd,
    inner: OwnedFd,
    /// What `user` shows now, and whether the usrsctp socket is closing.
    shown: Mutex<Shown>,
    /// How many upcalls came, and a condition a sender waits on for the
    /// next: usrsctp refuses a non-blocking send longer than its free buffer
    /// space while it reports the socket writable (space above its low-water
    /// mark), so a blocking send of a large message waits for the SACK that
    /// frees more, not for writability (which would spin).
    upcalls: Mutex<u64>,
    upcall_seen: Condvar,
}

impl Ready {
    fn new() -> io::Result<Ready> {
        let mut fds = [0; 2];
        // SAFETY: `fds` has room for the two descriptors.
        if unsafe {
            libc::socketpair(
                libc::AF_UNIX,
                libc::SOCK_STREAM | libc::SOCK_NONBLOCK | libc::SOCK_CLOEXEC,
                0,
                fds.as_mut_ptr(),
            )
        } != 0
        {
            return Err(io::Error::last_os_error());
        }
        // SAFETY: socketpair just made both; they are ours.
        let (user, inner) = unsafe { (OwnedFd::from_raw_fd(fds[0]), OwnedFd::from_raw_fd(fds[1])) };
        // The smallest buffers: a few bytes fill `user`'s send side.
        for (fd, opt) in [(&user, libc::SO_SNDBUF), (&inner, libc::SO_RCVBUF)] {
            let one: c_int = 1;
            // SAFETY: an int option.
            unsafe {
                libc::setsockopt(fd.as_raw_fd(), libc::SOL_SOCKET, opt, (&one as *const c_int).cast(), 4);
            }
        }
        Ok(Ready {
            user,
            inner,
            shown: Mutex::new(Shown { readable: false, writable: true, closing: false }),
            upcalls: Mutex::new(0),
            upcall_seen: Condvar::new(),
        })
    }

    /// Makes `user` show `events` (usrsctp_get_events bits), read while the
    /// lock is held so that concurrent updates cannot apply stale events, and
    /// so that `close` cannot free the socket while they are read.
    fn sync(&self, api: &Api, so: So) {
        let mut shown = self.shown.lock().unwrap_or_else(|e| e.into_inner());
        if shown.closing {
            return;
        }
        // SAFETY: `so` is a live usrsctp socket: `close` marks it closing
        // under this lock before it closes it.
        let ev = unsafe { (api.usrsctp_get_events)(so) };
        if ev < 0 {
            return;
        }
        let readable = ev & (EVENT_READ | EVENT_ERROR) != 0;
        let writable = ev & (EVENT_WRITE | EVENT_ERROR) != 0;
        if readable != shown.readable {
            if readable {
                send_byte(self.inner.as_raw_fd());
            } else {
                drain(self.user.as_raw_fd());
            }
            shown.readable = readable;
        }
        if writable != shown.writable {
            if writable {
                drain(self.inner.as_raw_fd());
            } else {
                fill(self.user.as_raw_fd());
            }
            shown.writable = writable;
        }
    }

    /// Closes `so`, once no sync is asking usrsctp about it and none will.
    /// The lock is not held over usrsctp_close: an upcall that usrsctp runs
    /// meanwhile waits for it. The upcall stays set: usrsctp's input thread
    /// reads the pointer twice without a lock (test, then call), so clearing
    /// it in between makes that thread call NULL; an upcall that comes now
    /// finds the key gone from the registry and does nothing.
    fn close(&self, api: &Api, so: So) {
        self.shown.lock().unwrap_or_else(|e| e.into_inner()).closing = true;
        close_usrsctp(api, so);
    }
}

/// Closes usrsctp socket `so` (ours, never used again) without racing
/// usrsctp's own threads.
///
/// usrsctp 0.9.5's usrsctp_close drops the socket's reference first and
/// detaches it from its associations after (sofree -> sctp_close, which sets
/// SCTP_PCB_FLAGS_SOCKET_GONE). Its input and timer threads, holding an
/// association's lock, check that flag and then take a reference of their
/// own (sctp_input.c, sctputil.c): one that checks in between takes it on a
/// socket already being freed, and frees it a second time (heap corruption,
/// SIGSEGV; ASan: a double free). Detaching first, while this reference still
/// holds the socket, puts the steps in the safe order: sctp_close sets the
/// flag and then takes every association's lock (graceful close or abort,
/// chosen as usrsctp_close would), so a thread that checked before it has
/// its reference by then, and any later one sees the flag. The last
/// reference, ours or that thread's, frees the socket once. usrsctp_close's
/// own sctp_close then finds the socket detached and returns.
fn close_usrsctp(api: &Api, so: So) {
    if let Some(detach) = api.sctp_close {
        // SAFETY: a live socket, no usrsctp lock held (as sofree calls it).
        unsafe { detach(so) };
    }
    // SAFETY: ours; every sync from now on leaves it alone.
    unsafe { (api.usrsctp_close)(so) };
}

fn send_byte(fd: RawFd) {
    // SAFETY: one byte from a live buffer; MSG_NOSIGNAL: no SIGPIPE.
    unsafe { libc::send(fd, [1u8].as_ptr().cast(), 1, libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL) };
}

fn drain(fd: RawFd) {
    let mut buf = [0u8; 4096];
    // SAFETY: reads into a live buffer of its length.
    while unsafe { libc::recv(fd, buf.as_mut_ptr().cast(), buf.len(), libc::MSG_DONTWAIT) } > 0 {}
}

fn fill(fd: RawFd) {
    let buf = [0u8; 512];
    // SAFETY: writes from a live buffer of its length.
    while unsafe { libc::send(fd, buf.as_ptr().cast(), buf.len(), libc::MSG_DONTWAIT | libc::MSG_NOSIGNAL) } > 0 {}
}

/// Every open usrsctp socket's readiness, by registry key (the upcall's
/// argument). An upcall looks its socket up here rather than trusting a
/// pointer: one may still be running while the socket closes.
type Registry = Mutex<HashMap<usize, (usize, Arc<Ready>)>>;

fn registry() -> &'static Registry {
    static REG: OnceLock<Registry> = OnceLock::new();
    REG.get_or_init(Default::default)
}

fn lookup(key: usize) -> Option<(So, Arc<Ready>)> {
    let reg = registry().lock().unwrap_or_else(|e| e.into_inner());
    reg.get(&key).map(|(so, r)| (*so as So, r.clone()))
}

unsafe extern "C" fn upcall(_so: So, arg: *mut c_void, _flags: c_int) {
    // No unwinding into usrsctp's thread.
    let _ = std::panic::catch_unwind(|| {
        if let (Some((so, ready)), Ok(api)) = (lookup(arg as usize), super::api::api()) {
            ready.sync(api, so);
            *ready.upcalls.lock().unwrap_or_else(|e| e.into_inner()) += 1;
            ready.upcall_seen.notify_all();
        }
    });
}

/// Brings every socket's descriptor in step with usrsctp. usrsctp calls the
/// upcall after each packet it processes, but not on every timer-driven
/// change (an INIT that ran out of retransmissions, a heartbeat failure):
/// the stack's refresher thread calls this every `REFRESH`.
pub(crate) fn sync_all(api: &Api) {
    let all: Vec<(So, Arc<Ready>)> = {
        let reg = registry().lock().unwrap_or_else(|e| e.into_inner());
        reg.values().map(|(so, r)| (*so as So, r.clone())).collect()
    };
    for (so, r) in all {
        r.sync(api, so);
    }
}

/// One usrsctp socket. Dropping it closes it (SHUTDOWN, or ABORT with linger
/// 0, as the kernel does on close).
pub(crate) struct UserSock {
    so: So,
    /// One-to-many (opened so) or one-to-one (opened, accepted, peeled off).
    kind: Kind,
    key: usize,
    ready: Arc<Ready>,
    /// The rest of a translated notification that did not fit the caller's
    /// buffer, and how much of it was handed out.
    notification_rest: Mutex<Option<(Vec<u8>, usize)>>,
}

// SAFETY: usrsctp sockets may be used from any thread; usrsctp locks inside.
unsafe impl Send for UserSock {}
// SAFETY: as above.
unsafe impl Sync for UserSock {}

impl std::fmt::Debug for UserSock {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "UserSock({:p})", self.so)
    }
}

fn last_err() -> io::Error {
    io::Error::last_os_error()
}

impl UserSock {
    /// Opens a socket of `kind` for `domain` (AF_INET/AF_INET6) and returns
    /// it with the descriptor `Socket` polls.
    pub(crate) fn open(domain: c_int, kind: Kind) -> crate::Result<(UserSock, OwnedFd)> {
        let api = stack::start()?;
        let ty = match kind {
            Kind::OneToOne => libc::SOCK_STREAM,
            Kind::OneToMany => libc::SOCK_SEQPACKET,
        };
        // SAFETY: plain arguments; no callbacks (the socket API with upcalls).
        let so = unsafe { (api.usrsctp_socket)(domain, ty, sys::IPPROTO_SCTP, None, None, 0, std::ptr::null_mut()) };
        if so.is_null() {
            return Err(last_err().into());
        }
        let s = UserSock::adopt(api, so, kind)?;
        s.set_remote_encaps_port(stack::remote_port())?;
        let fd = s.user_fd()?;
        Ok((s, fd))
    }

    /// Takes over a socket usrsctp just made (opened, accepted, peeled off).
    fn adopt(api: &Api, so: So, kind: Kind) -> io::Result<UserSock> {
        let ready = match Ready::new() {
            Ok(r) => Arc::new(r),
            Err(e) => {
                close_usrsctp(api, so);
                return Err(e);
            }
        };
        static NEXT_KEY: std::sync::atomic::AtomicUsize = std::sync::atomic::AtomicUsize::new(1);
        let key = NEXT_KEY.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        registry().lock().unwrap_or_else(|e| e.into_inner()).insert(key, (so as usize, ready.clone()));
        let s = UserSock { so, kind, key, ready, notification_rest: Mutex::new(None) };
        // SAFETY: live socket; the key is looked up, never dereferenced.
        unsafe {
            (api.usrsctp_set_non_blocking)(so, 1);
            (api.usrsctp_set_upcall)(so, Some(upcall), key as *mut c_void);
        }
        // Every data message carries its stream/PPID/TSN (as on the kernel).
        s.setopt(sys::IPPROTO_SCTP, sys::SCTP_RECVRCVINFO, &1i32.to_ne_bytes())?;
        s.sync();
        Ok(s)
    }

    /// A new descriptor for `Socket` to own and poll: the same open file as
    /// the one kept here, which stays open while an upcall may write to it.
    pub(crate) fn user_fd(&self) -> io::Result<OwnedFd> {
        // SAFETY: dup of a live descriptor, close-on-exec.
        let fd = unsafe { libc::fcntl(self.ready.user.as_raw_fd(), libc::F_DUPFD_CLOEXEC, 0) };
        if fd < 0 {
            return Err(last_err());
        }
        // SAFETY: just made; ours.
        Ok(unsafe { OwnedFd::from_raw_fd(fd) })
    }

    fn api(&self) -> &'static Api {
        // A UserSock exists only once the library loaded.
        super::api::api().expect("usrsctp loaded")
    }

    /// The library, unless this is a forked child: its copy of the stack
    /// has no threads, and its locks may be held by threads it does not have,
    /// so every call on a socket inherited from the parent fails with
    /// EOPNOTSUPP there, and closing one leaves the parent's stack alone.
    fn live(&self) -> io::Result<&'static Api> {
        if super::stack::in_forked_child() {
            return Err(io::Error::from_raw_os_error(libc::EOPNOTSUPP));
        }
        Ok(self.api())
    }

    /// How many upcalls have come so far (see `Ready::upcalls`).
    pub(crate) fn upcalls(&self) -> u64 {
        *self.ready.upcalls.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until an upcall comes after the `since`-th, at most `max`.
    pub(crate) fn wait_upcall(&self, since: u64, max: Duration) {
        let n = self.ready.upcalls.lock().unwrap_or_else(|e| e.into_inner());
        let _ = self.ready.upcall_seen.wait_timeout_while(n, max, |n| *n == since);
    }

    /// Brings the descriptor in step after a call changed what is queued.
    pub(crate) fn sync(&self) {
        if let Ok(api) = self.live() {
            self.ready.sync(api, self.so);
        }
    }

    fn check(&self, r: c_int) -> io::Result<()> {
        if r < 0 {
            let e = last_err();
            self.sync();
            return Err(e);
        }
        Ok(())
    }

    pub(crate) fn set_remote_encaps_port(&self, port: u16) -> io::Result<()> {
        xlate::set_remote_encaps_port(self, 0, None, port)
    }

    pub(crate) fn bind(&self, addr: &SocketAddr) -> io::Result<()> {
        let mut ss = MaybeUninit::<sockaddr_storage>::zeroed();
        // SAFETY: zeroed storage is valid.
        let len = sys::write_socket_addr(addr, unsafe { ss.assume_init_mut() });
        // SAFETY: `len` bytes of address.
        self.check(unsafe { (self.live()?.usrsctp_bind)(self.so, ss.as_mut_ptr().cast(), len) })
    }

    /// `packed`: addresses as sys::pack_addrs writes them (usrsctp on Linux
    /// walks the same packed list).
    pub(crate) fn bindx(&self, packed: &[u8], count: usize, add: bool) -> io::Result<()> {
        let flags = if add { BINDX_ADD_ADDR } else { BINDX_REM_ADDR };
        let mut buf = packed.to_vec();
        // SAFETY: `count` packed addresses in `buf`.
        self.check(unsafe { (self.live()?.usrsctp_bindx)(self.so, buf.as_mut_ptr().cast(), count as c_int, flags) })
    }

    pub(crate) fn listen(&self, backlog: i32) -> io::Result<()> {
        // SAFETY: live socket.
        self.check(unsafe { (self.live()?.usrsctp_listen)(self.so, backlog) })
    }

    /// One accept attempt: EAGAIN when nothing is pending.
    pub(crate) fn accept(&self) -> io::Result<(UserSock, Option<SocketAddr>)> {
        let mut ss = MaybeUninit::<sockaddr_storage>::zeroed();
        let mut len = size_of::<sockaddr_storage>() as socklen_t;
        // SAFETY: usrsctp writes at most `len` bytes of address.
        let so = unsafe { (self.live()?.usrsctp_accept)(self.so, ss.as_mut_ptr().cast(), &mut len) };
        if so.is_null() {
            let e = last_err();
            self.sync();
            return Err(e);
        }
        self.sync();
        // SAFETY: usrsctp wrote `len` bytes.
        let addr = unsafe { sys::socket_addr_from_raw(ss.as_ptr(), len as usize) };
        Ok((UserSock::adopt(self.api(), so, Kind::OneToOne)?, addr))
    }

    /// Starts a set-up: EINPROGRESS, or Ok(()) when usrsctp's threads
    /// finished the handshake before usrsctp_connect looked (over loopback,
    /// now and then).
    pub(crate) fn connect(&self, addr: &SocketAddr) -> io::Result<()> {
        let mut ss = MaybeUninit::<sockaddr_storage>::zeroed();
        // SAFETY: zeroed storage is valid.
        let len = sys::write_socket_addr(addr, unsafe { ss.assume_init_mut() });
        // SAFETY: `len` bytes of address.
        self.check(unsafe { (self.live()?.usrsctp_connect)(self.so, ss.as_mut_ptr().cast(), len) })
    }

    /// Starts a set-up by several addresses and returns the association id.
    /// usrsctp only sends the INIT (it returns 0 then): the set-up is always
    /// still in progress when this returns.
    pub(crate) fn connectx(&self, packed: &[u8], count: usize) -> io::Result<AssocId> {
        let mut id = 0u32;
        // SAFETY: `count` packed addresses; usrsctp writes the id.
        let r = unsafe { (self.live()?.usrsctp_connectx)(self.so, packed.as_ptr().cast(), count as c_int, &mut id) };
        let e = (r < 0).then(last_err);
        self.sync();
        match e {
            Some(e) if e.raw_os_error() != Some(libc::EINPROGRESS) => Err(e),
            _ => Ok(id as AssocId),
        }
    }

    pub(crate) fn peeloff(&self, assoc_id: AssocId) -> io::Result<UserSock> {
        // SAFETY: live socket.
        let so = unsafe { (self.live()?.usrsctp_peeloff)(self.so, assoc_id as u32) };
        if so.is_null() {
            return Err(last_err());
        }
        self.sync();
        UserSock::adopt(self.api(), so, Kind::OneToOne)
    }

    /// SHUT_WR. Once a one-to-one socket's association has ended (the peer
    /// shut it down, say), usrsctp says ENOTCONN where Linux, which keeps the
    /// socket in CLOSE_WAIT, returns 0. Such a socket is readable at its end
    /// of file (usrsctp marks it unable to receive more); a socket that never
    /// had an association is not: only that one keeps the ENOTCONN.
    pub(crate) fn shutdown_write(&self) -> io::Result<()> {
        let api = self.live()?;
        // SAFETY: live socket.
        match self.check(unsafe { (api.usrsctp_shutdown)(self.so, libc::SHUT_WR) }) {
            // SAFETY: live socket.
            Err(e)
                if e.raw_os_error() == Some(libc::ENOTCONN)
                    && unsafe { (api.usrsctp_get_events)(self.so) } & EVENT_READ != 0 =>
            {
                Ok(())
            }
            r => r,
        }
    }

    /// One send attempt (EAGAIN when the buffer is full). `info`: None sends
    /// with the socket's defaults.
    pub(crate) fn send(&self, data: &[u8], info: Option<&SendInfo>, to: Option<&SocketAddr>) -> io::Result<usize> {
        let mut ss = MaybeUninit::<sockaddr_storage>::zeroed();
        let (to_ptr, count) = match to {
            Some(a) => {
                // SAFETY: zeroed storage is valid.
                sys::write_socket_addr(a, unsafe { ss.assume_init_mut() });
                (ss.as_mut_ptr() as *mut sockaddr, 1)
            }
            None => (std::ptr::null_mut(), 0),
        };
        let mut spa = SendvSpa::default();
        let (info_ptr, info_len, info_type) = match info {
            None => (std::ptr::null_mut(), 0, SENDV_NOINFO),
            Some(i) => {
                spa.sendv_sndinfo = SndInfo {
                    snd_sid: i.stream,
                    snd_flags: xlate::send_flags_to_user(i.flags),
                    snd_ppid: i.ppid.to_be(),
                    snd_context: i.context,
                    snd_assoc_id: i.assoc_id as u32,
                };
                if i.pr_policy != PR_NONE {
                    spa.sendv_flags = SEND_SNDINFO_VALID | SEND_PRINFO_VALID;
                    spa.sendv_prinfo =
                        PrInfo { pr_policy: xlate::pr_policy_to_user(i.pr_policy), pr_value: i.pr_value };
                    ((&mut spa as *mut SendvSpa).cast::<c_void>(), size_of::<SendvSpa>(), SENDV_SPA)
                } else {
                    ((&mut spa.sendv_sndinfo as *mut SndInfo).cast::<c_void>(), size_of::<SndInfo>(), SENDV_SNDINFO)
                }
            }
        };
        // SAFETY: every pointer refers to live stack or caller memory of the
        // length given.
        let r = unsafe {
            (self.live()?.usrsctp_sendv)(
                self.so,
                data.as_ptr().cast(),
                data.len(),
                to_ptr,
                count,
                info_ptr,
                info_len as socklen_t,
                info_type,
                0,
            )
        };
        if r < 0 {
            let e = last_err();
            self.sync();
            return Err(e);
        }
        // A full buffer makes the descriptor unwritable only once synced.
        self.sync();
        Ok(r as usize)
    }

    /// One receive attempt (EAGAIN when nothing is queued), described in
    /// Linux terms in `meta`. A notification is rewritten in place into the
    /// kernel's layout.
    pub(crate) fn recv(&self, buf: &mut [u8], from: bool, meta: &mut RecvMeta) -> io::Result<usize> {
        if let Some(n) = self.rest_of_notification(buf, meta) {
            return Ok(n);
        }
        let mut ss = MaybeUninit::<sockaddr_storage>::zeroed();
        let mut fromlen = if from { size_of::<sockaddr_storage>() as socklen_t } else { 0 };
        let mut rn = RecvvRn::default();
        let mut infolen = size_of::<RecvvRn>() as socklen_t;
        let mut infotype: c_uint = 0;
        let mut flags: c_int = 0;
        // SAFETY: every pointer refers to live stack or caller memory of the
        // length given.
        let r = unsafe {
            (self.live()?.usrsctp_recvv)(
                self.so,
                buf.as_mut_ptr().cast(),
                buf.len(),
                if from { ss.as_mut_ptr().cast() } else { std::ptr::null_mut() },
                &mut fromlen,
                (&mut rn as *mut RecvvRn).cast(),
                &mut infolen,
                &mut infotype,
                &mut flags,
            )
        };
        if r < 0 {
            let e = last_err();
            self.sync();
            return Err(e);
        }
        self.sync();
        let n = r as usize;
        *meta = RecvMeta::default();
        meta.notification = flags & MSG_NOTIFICATION != 0;
        meta.eor = flags & libc::MSG_EOR != 0;
        if from && fromlen > 0 {
            // SAFETY: usrsctp wrote `fromlen` bytes.
            meta.data.from = unsafe { sys::socket_addr_from_raw(ss.as_ptr(), fromlen as usize) };
        }
        if meta.notification {
            return Ok(self.translate_notification(buf, n, meta));
        } else if infotype == RECVV_RCVINFO || infotype == RECVV_RN {
            let rcv = rn.rcvinfo;
            if infotype == RECVV_RN {
                meta.next = Some(xlate::next_info(
                    rn.nxtinfo.nxt_sid,
                    rn.nxtinfo.nxt_flags,
                    u32::from_be(rn.nxtinfo.nxt_ppid),
                    rn.nxtinfo.nxt_length,
                    rn.nxtinfo.nxt_assoc_id as AssocId,
                ));
            }
            meta.assoc_id = rcv.rcv_assoc_id as AssocId;
            meta.data.stream = rcv.rcv_sid;
            meta.data.ssn = rcv.rcv_ssn;
            meta.data.ppid = u32::from_be(rcv.rcv_ppid);
            meta.data.tsn = rcv.rcv_tsn;
            meta.data.cumtsn = rcv.rcv_cumtsn;
            meta.data.context = rcv.rcv_context;
            meta.data.unordered = xlate::rcv_unordered(rcv.rcv_flags);
        }
        Ok(n)
    }

    /// A notification's first `n` bytes are in `buf`. Translated whole (its
    /// Linux form can be longer or shorter): when it did not fit, its rest is
    /// read now (usrsctp queues a notification whole) so the fields past the
    /// caller's buffer are translated too, and what does not fit is handed
    /// out by the next receives, as the kernel hands out the rest.
    fn translate_notification(&self, buf: &mut [u8], n: usize, meta: &mut RecvMeta) -> usize {
        let mut whole = buf[..n].to_vec();
        let mut eor = meta.eor;
        while !eor {
            let mut piece = [0u8; 4096];
            match self.recv_piece(&mut piece) {
                Ok((0, _)) | Err(_) => break,
                Ok((m, e)) => {
                    whole.extend_from_slice(&piece[..m]);
                    eor = e;
                }
            }
        }
        xlate::notification_to_linux(&mut whole);
        let first = buf.len().min(whole.len());
        buf[..first].copy_from_slice(&whole[..first]);
        meta.eor = first == whole.len();
        if !meta.eor {
            *self.notification_rest.lock().unwrap_or_else(|e| e.into_inner()) = Some((whole, first));
        }
        first
    }

    /// Hands out the next part of a notification `translate_notification`
    /// kept, if any.
    fn rest_of_notification(&self, buf: &mut [u8], meta: &mut RecvMeta) -> Option<usize> {
        let mut rest = self.notification_rest.lock().unwrap_or_else(|e| e.into_inner());
        let (whole, at) = rest.as_mut()?;
        let take = buf.len().min(whole.len() - *at);
        buf[..take].copy_from_slice(&whole[*at..*at + take]);
        *at += take;
        *meta = RecvMeta::default();
        meta.notification = true;
        meta.eor = *at == whole.len();
        if meta.eor {
            *rest = None;
        }
        Some(take)
    }

    /// One plain usrsctp receive: (length, MSG_EOR).
    fn recv_piece(&self, buf: &mut [u8]) -> io::Result<(usize, bool)> {
        let r = self.recvv_bare(buf, 0);
        self.sync();
        let (n, flags) = r?;
        Ok((n, flags & libc::MSG_EOR != 0))
    }

    /// usrsctp_recvv with no address and no info: (length, flags out).
    fn recvv_bare(&self, buf: &mut [u8], flags_in: c_int) -> io::Result<(usize, c_int)> {
        let (mut fromlen, mut infolen, mut infotype): (socklen_t, socklen_t, c_uint) = (0, 0, 0);
        let mut flags = flags_in;
        // SAFETY: `buf` is live for its length; no address, no info.
        let r = unsafe {
            (self.live()?.usrsctp_recvv)(
                self.so,
                buf.as_mut_ptr().cast(),
                buf.len(),
                std::ptr::null_mut(),
                &mut fromlen,
                std::ptr::null_mut(),
                &mut infolen,
                &mut infotype,
                &mut flags,
            )
        };
        if r < 0 {
            return Err(last_err());
        }
        Ok((r as usize, flags))
    }

    /// getsockopt in Linux terms (`level` SOL_SCTP or SOL_SOCKET, Linux
    /// option number and struct layout): returns the length written.
    pub(crate) fn getopt(&self, level: c_int, name: c_int, buf: &mut [u8]) -> io::Result<usize> {
        xlate::getopt(self, level, name, buf)
    }

    /// setsockopt in Linux terms.
    pub(crate) fn setopt(&self, level: c_int, name: c_int, buf: &[u8]) -> io::Result<()> {
        xlate::setopt(self, level, name, buf)
    }

    /// usrsctp's own getsockopt (its numbers and layouts).
    pub(crate) fn raw_getopt(&self, level: c_int, name: c_int, buf: &mut [u8]) -> io::Result<usize> {
        let mut len = buf.len() as socklen_t;
        // SAFETY: usrsctp writes at most `len` bytes.
        let r = unsafe { (self.live()?.usrsctp_getsockopt)(self.so, level, name, buf.as_mut_ptr().cast(), &mut len) };
        if r < 0 {
            return Err(last_err());
        }
        Ok(len as usize)
    }

    /// usrsctp's own setsockopt.
    pub(crate) fn raw_setopt(&self, level: c_int, name: c_int, buf: &[u8]) -> io::Result<()> {
        // SAFETY: usrsctp reads `buf.len()` bytes.
        let r = unsafe {
            (self.live()?.usrsctp_setsockopt)(self.so, level, name, buf.as_ptr().cast(), buf.len() as socklen_t)
        };
        if r < 0 {
            return Err(last_err());
        }
        self.sync();
        Ok(())
    }

    /// The association's addresses, packed as the kernel packs them; returns
    /// the length used.
    pub(crate) fn getaddrs(&self, assoc_id: AssocId, local: bool, out: &mut [u8]) -> io::Result<usize> {
        let api = self.live()?;
        let mut list: *mut sockaddr = std::ptr::null_mut();
        // SAFETY: usrsctp allocates the list, freed below.
        let n = unsafe {
            if local {
                (api.usrsctp_getladdrs)(self.so, assoc_id as u32, &mut list)
            } else {
                (api.usrsctp_getpaddrs)(self.so, assoc_id as u32, &mut list)
            }
        };
        if n < 0 {
            return Err(last_err());
        }
        let mut used = 0;
        let mut p = list as *const u8;
        let mut result = Ok(());
        for _ in 0..n {
            // SAFETY: usrsctp's list holds `n` addresses back to back, each
            // its family's size (Linux has no sa_len).
            let fam = unsafe { (*(p as *const sockaddr)).sa_family } as c_int;
            let len = match fam {
                libc::AF_INET => sys::SOCKADDR_IN_LEN,
                libc::AF_INET6 => sys::SOCKADDR_IN6_LEN,
                _ => {
                    result = Err(io::Error::from_raw_os_error(libc::EINVAL));
                    break;
                }
            };
            if used + len > out.len() {
                result = Err(io::Error::from_raw_os_error(libc::ENOBUFS));
                break;
            }
            // SAFETY: `len` bytes of this address.
            out[used..used + len].copy_from_slice(unsafe { std::slice::from_raw_parts(p, len) });
            used += len;
            // SAFETY: the next address follows.
            p = unsafe { p.add(len) };
        }
        if !list.is_null() {
            // SAFETY: the list usrsctp allocated.
            unsafe {
                if local {
                    (api.usrsctp_freeladdrs)(list)
                } else {
                    (api.usrsctp_freepaddrs)(list)
                }
            };
        }
        result.map(|_| used)
    }
}

impl Drop for UserSock {
    fn drop(&mut self) {
        // In a forked child: only the descriptors go (see `live`).
        let Ok(api) = self.live() else { return };
        registry().lock().unwrap_or_else(|e| e.into_inner()).remove(&self.key);
        self.abort_if_close_would();
        self.ready.close(api, self.so);
    }
}

impl UserSock {
    /// usrsctp's close aborts every association when SO_LINGER is on with 0
    /// seconds or something is left unread, and then (0.9.5) clears the
    /// endpoint's pointer to the socket *before* it takes each association's
    /// lock. Its input thread, delivering data to one of them meanwhile,
    /// reads that pointer twice and follows NULL (SIGSEGV in
    /// sctp_wakeup_the_read_socket; tests/c/stress on userspace, ~1 run in
    /// 10). So sctpx aborts them first, as usrsctp would, each under its own
    /// lock (a send with SCTP_ABORT): that close then has no association left
    /// to race with. A graceful close has no such window (it takes each
    /// association's lock before it clears the pointer).
    fn abort_if_close_would(&self) {
        if !(self.lingers_zero() || self.has_unread()) {
            return;
        }
        let ids = match self.kind {
            // usrsctp sends on a one-to-one socket's only association,
            // whatever id is given.
            Kind::OneToOne => vec![0],
            Kind::OneToMany => xlate::assoc_id_list(self).unwrap_or_default(),
        };
        for id in ids {
            let info = SendInfo { flags: SEND_ABORT, assoc_id: id as AssocId, ..Default::default() };
            // A failure says there is nothing to abort: the association
            // ended meanwhile, or is still being set up (usrsctp's close
            // frees that one without a race: no data arrives before it is up).
            let _ = self.send(&[], Some(&info), None);
        }
    }

    /// SO_LINGER is on with 0 seconds.
    fn lingers_zero(&self) -> bool {
        let mut l = [0u8; size_of::<libc::linger>()];
        self.raw_getopt(libc::SOL_SOCKET, libc::SO_LINGER, &mut l).is_ok() && {
            let word = |at: usize| c_int::from_ne_bytes([l[at], l[at + 1], l[at + 2], l[at + 3]]);
            word(0) != 0 && word(4) == 0
        }
    }

    /// Something (a message or a notification) waits to be read: what makes
    /// usrsctp's close abort (its receive buffer is not empty).
    fn has_unread(&self) -> bool {
        // MSG_PEEK leaves what is queued in place (the socket is non-blocking).
        matches!(self.recvv_bare(&mut [0u8; 1], libc::MSG_PEEK), Ok((n, _)) if n > 0)
    }
}
