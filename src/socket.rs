//! SCTP sockets: one-to-one (`open_tcp`) and one-to-many (`open_udp`).

use std::mem;
use std::net::SocketAddr;
use std::os::fd::{AsFd, AsRawFd, BorrowedFd, FromRawFd, IntoRawFd, OwnedFd, RawFd};

use socket2::{Domain, Protocol, SockAddr, Type};

use crate::error::{Error, Result};
use std::sync::atomic::{AtomicBool, AtomicI32, AtomicU32, Ordering};
use std::sync::Mutex;
use std::time::{Duration, Instant};

use crate::backend::Backend;
use crate::event::{decode_notification, Event, EventKind, Received, NOTIFICATION_HEAD};
use crate::msg;
use crate::sys;
use crate::types::*;
use crate::user::UserSock;
use crate::wake::{OnSignal, Waker};

/// The address family of a socket.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Family {
    /// IPv4 only.
    Ipv4,
    /// IPv6; dual-stack unless `V6ONLY` is set (IPv4 peers then appear as
    /// v4-mapped addresses).
    Ipv6,
}

impl Family {
    /// The family for an `AF_*` number.
    pub fn from_raw(af: i32) -> Result<Family> {
        match af {
            libc::AF_INET => Ok(Family::Ipv4),
            libc::AF_INET6 => Ok(Family::Ipv6),
            _ => Err(Error::InvalidArgument("family must be AF_INET or AF_INET6")),
        }
    }
}

/// The two socket styles of RFC 6458.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Kind {
    /// One association per socket (SOCK_STREAM), like TCP. Listeners,
    /// accepted and peeled-off sockets are one-to-one too.
    OneToOne,
    /// Many associations on one socket (SOCK_SEQPACKET), like UDP.
    OneToMany,
}

/// Whether `bindx` adds or removes addresses.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum BindxOp {
    /// Add the addresses to the bound set.
    Add,
    /// Remove the addresses from the bound set.
    Remove,
}

crate::tables::c_constants! {
    /// bindx operations (`sctpx_bindx`'s `flags`; `BindxOp` in Rust).
    pub(crate) table bindx_flags: i32 {
        /// `sctpx_bindx`: add the addresses to the socket's bound set.
        SCTPX_BINDX_ADD = 1 => _;
        /// `sctpx_bindx`: remove the addresses from the socket's bound set.
        SCTPX_BINDX_REMOVE = 2 => _;
    }
}

crate::tables::c_constants! {
    /// peeloff flags (`sctpx_peeloff`'s `flags`; `PeelOffFlags` in Rust).
    pub(crate) table peeloff_flags: i32 {
        /// `sctpx_peeloff`: the new socket is non-blocking.
        SCTPX_PEELOFF_NONBLOCK = 1 => _;
        /// `sctpx_peeloff`: the new descriptor is close-on-exec.
        SCTPX_PEELOFF_CLOEXEC = 2 => _;
    }
}

/// Flags for `peeloff`.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeelOffFlags {
    /// The new socket is non-blocking.
    pub nonblock: bool,
    /// The new descriptor is close-on-exec.
    pub cloexec: bool,
}

/// How long a receive call waits.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Timeout {
    /// Wait until something arrives (or the socket is non-blocking).
    Block,
    /// Do not wait: `Error::Os(EAGAIN)` when nothing is ready.
    Poll,
    /// Wait at most this many milliseconds, then `Error::TimedOut`.
    Millis(u32),
}

impl Timeout {
    /// The C convention: -1 blocks, 0 polls, N > 0 waits N milliseconds.
    pub fn from_ms(ms: i32) -> Result<Timeout> {
        match ms {
            -1 => Ok(Timeout::Block),
            0 => Ok(Timeout::Poll),
            n if n > 0 => Ok(Timeout::Millis(n as u32)),
            _ => Err(Error::InvalidArgument("timeout must be -1, 0 or positive")),
        }
    }
}

/// One message for `send_batch`.
#[derive(Clone, Copy, Debug, Default)]
pub struct SendMsg<'a> {
    /// The bytes to send.
    pub data: &'a [u8],
    /// Stream, PPID, flags, context, association and PR policy.
    pub info: SendInfo,
    /// Destination address (implicit association set-up on one-to-many
    /// sockets), or `None` to use `info.assoc_id`.
    pub to: Option<SocketAddr>,
}

/// An SCTP socket.
///
/// All methods take `&self`: a socket may be used from several threads at
/// once, as the kernel allows.
#[derive(Debug)]
pub struct Socket {
    /// The kernel socket; on the userspace backend, a descriptor that polls
    /// readable and writable exactly when the usrsctp socket is (its readiness
    /// is all `Socket` asks of it: every call goes to `user`).
    fd: OwnedFd,
    /// The usrsctp socket, on the userspace backend.
    user: Option<Box<UserSock>>,
    kind: Kind,
    /// Set on sockets made by `peeloff`. Linux gives them the one-to-many
    /// socket's end-of-association behaviour (no zero-length read when the
    /// peer shuts down), so sctpx watches SHUTDOWN and ASSOC_CHANGE itself to
    /// give them the one-to-one behaviour its API documents.
    peeled: Option<Box<PeeledState>>,
    /// Data events carry the source address (IntOption::RecvFrom, on by
    /// default). Off, receives pass the kernel no address buffer: one copy
    /// less per message for callers that know their peer.
    recv_from: AtomicBool,
    /// The descriptor's O_NONBLOCK, as `set_nonblocking` last set it (read
    /// on the slow paths without a system call).
    nonblocking: AtomicBool,
    waker: Waker,
    /// The set-ups `connect`/`connectx` left in progress, for
    /// `connect_result`: the kernel soon forgets a failed one.
    setups: Mutex<Vec<SetUp>>,
}

/// A set-up the kernel reported in progress. Kept because the kernel frees a
/// failed association at once: a one-to-one socket keeps only SO_ERROR,
/// handed out to the first reader, a one-to-many socket nothing but the
/// caller's notification.
#[derive(Clone, Copy, Debug)]
struct SetUp {
    assoc_id: AssocId,
    /// One of the peer's addresses: SCTP_STATUS knows a one-to-one
    /// association only once it is established; this finds it before.
    peer: SocketAddr,
    started: Instant,
    /// Its final state once `connect_result` has seen one.
    outcome: Option<SetUpState>,
}

/// How many set-ups a socket remembers; the oldest is forgotten first.
const MAX_SETUPS: usize = 64;

/// Where a set-up stands.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum SetUpState {
    Established,
    InProgress,
    /// It failed with this errno.
    Failed(i32),
}

/// End-of-association tracking for peeled-off sockets.
#[derive(Debug, Default)]
struct PeeledState {
    /// Notification kinds the caller subscribed to, bit `1 << kind`: the
    /// kernel subscription of SHUTDOWN and ASSOC_CHANGE stays on regardless.
    user_subs: AtomicU32,
    /// The association ended: Eof (0) or an errno.
    ended: AtomicI32,
    has_ended: AtomicBool,
}

/// What a peeled-off socket does with a notification.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
enum Filter {
    Deliver,
    Skip,
    End,
}

/// The kinds sctpx keeps subscribed on peeled-off sockets.
const PEELED_WATCH: [EventKind; 2] = [EventKind::Shutdown, EventKind::AssocChange];

const IPPROTO_SCTP: i32 = 132;

impl Socket {
    fn open(family: Family, ty: Type, kind: Kind) -> Result<Socket> {
        match crate::backend::default_backend()? {
            Some(b) => Socket::open_on(b, family, ty, kind),
            None => match Socket::open_kernel(family, ty, kind) {
                Err(Error::Os(libc::EPROTONOSUPPORT | libc::ESOCKTNOSUPPORT)) => Socket::open_user(family, kind),
                r => r,
            },
        }
    }

    fn open_on(backend: Backend, family: Family, ty: Type, kind: Kind) -> Result<Socket> {
        match backend {
            Backend::Kernel => match Socket::open_kernel(family, ty, kind) {
                Err(Error::Os(libc::EPROTONOSUPPORT | libc::ESOCKTNOSUPPORT)) => {
                    Err(Error::BackendUnavailable("this kernel has no SCTP (modprobe sctp)"))
                }
                r => r,
            },
            Backend::Userspace => Socket::open_user(family, kind),
        }
    }

    fn open_user(family: Family, kind: Kind) -> Result<Socket> {
        let domain = match family {
            Family::Ipv4 => libc::AF_INET,
            Family::Ipv6 => libc::AF_INET6,
        };
        let (user, fd) = UserSock::open(domain, kind)?;
        Ok(Socket::from_user(user, fd, kind))
    }

    fn from_user(user: UserSock, fd: OwnedFd, kind: Kind) -> Socket {
        Socket {
            fd,
            user: Some(Box::new(user)),
            kind,
            peeled: None,
            recv_from: AtomicBool::new(true),
            nonblocking: AtomicBool::new(false),
            waker: Waker::default(),
            setups: Mutex::new(Vec::new()),
        }
    }

    fn open_kernel(family: Family, ty: Type, kind: Kind) -> Result<Socket> {
        let domain = match family {
            Family::Ipv4 => Domain::IPV4,
            Family::Ipv6 => Domain::IPV6,
        };
        // socket2 opens the descriptor close-on-exec.
        let s = socket2::Socket::new(domain, ty, Some(Protocol::from(IPPROTO_SCTP)))?;
        let sock = Socket::from_fd(OwnedFd::from(s), kind, false)?;
        // Every data message should carry its stream/PPID/TSN metadata.
        sys::setsockopt_val(sock.raw(), sys::SCTP_RECVRCVINFO, &1i32)?;
        Ok(sock)
    }

    /// Opens a one-to-one (SOCK_STREAM) socket on the default backend
    /// (see `Backend`).
    pub fn open_tcp(family: Family) -> Result<Socket> {
        Socket::open(family, Type::STREAM, Kind::OneToOne)
    }

    /// Opens a one-to-many (SOCK_SEQPACKET) socket on the default backend.
    pub fn open_udp(family: Family) -> Result<Socket> {
        Socket::open(family, Type::SEQPACKET, Kind::OneToMany)
    }

    /// Opens a socket of `kind` on `backend` (`None`: the default).
    pub fn open_with(backend: Option<Backend>, family: Family, kind: Kind) -> Result<Socket> {
        let ty = match kind {
            Kind::OneToOne => Type::STREAM,
            Kind::OneToMany => Type::SEQPACKET,
        };
        match backend {
            Some(b) => Socket::open_on(b, family, ty, kind),
            None => Socket::open(family, ty, kind),
        }
    }

    /// The backend this socket runs on.
    pub fn backend(&self) -> Backend {
        match self.user {
            Some(_) => Backend::Userspace,
            None => Backend::Kernel,
        }
    }

    /// The usrsctp socket, on the userspace backend.
    #[inline(always)]
    pub(crate) fn user(&self) -> Option<&UserSock> {
        self.user.as_deref()
    }

    /// Takes ownership of an existing SCTP socket descriptor (from another
    /// library, socket activation, a Python `socket.socket`...). Its kind
    /// comes from SO_TYPE; a descriptor that is not an SCTP socket is
    /// refused (and still closed, as it was handed over). Its blocking mode
    /// is kept; its SO_RCVTIMEO and SO_SNDTIMEO become sctpx's wait slice.
    pub fn from_owned_fd(fd: OwnedFd) -> Result<Socket> {
        const NOT_SCTP: Error = Error::InvalidArgument("the descriptor is not an SCTP socket");
        let s = socket2::SockRef::from(&fd);
        let protocol = match s.protocol() {
            // A pipe or a file is as much "not an SCTP socket" as a TCP socket.
            Err(e) if e.raw_os_error() == Some(libc::ENOTSOCK) => return Err(NOT_SCTP),
            p => p?,
        };
        if protocol.map(i32::from) != Some(IPPROTO_SCTP) {
            return Err(NOT_SCTP);
        }
        let kind = match s.r#type()? {
            Type::STREAM => Kind::OneToOne,
            Type::SEQPACKET => Kind::OneToMany,
            _ => return Err(NOT_SCTP),
        };
        let nonblocking = s.nonblocking()?;
        let sock = Socket::from_fd(fd, kind, nonblocking)?;
        sys::setsockopt_val(sock.raw(), sys::SCTP_RECVRCVINFO, &1i32)?;
        Ok(sock)
    }

    /// `nonblocking`: the descriptor's O_NONBLOCK.
    fn from_fd(fd: OwnedFd, kind: Kind, nonblocking: bool) -> Result<Socket> {
        let sock = Socket {
            fd,
            user: None,
            kind,
            peeled: None,
            recv_from: AtomicBool::new(true),
            nonblocking: AtomicBool::new(nonblocking),
            waker: Waker::default(),
            setups: Mutex::new(Vec::new()),
        };
        // A call the kernel blocks comes back after at most one slice, sees
        // whether `interrupt` was called, and otherwise blocks again.
        sock.sock2().set_read_timeout(Some(WAIT_SLICE))?;
        sock.sock2().set_write_timeout(Some(WAIT_SLICE))?;
        Ok(sock)
    }

    /// Ends every call blocked on this socket, and every later wait, with
    /// `Error::Closed` (calls that need not wait still complete): a call the
    /// kernel blocks in within its 25 ms wait slice, one waiting with a
    /// timeout at once. For a
    /// socket shared between threads (say in an `Arc`) this is how one
    /// thread stops the others' blocked calls before the socket is dropped;
    /// it is what `sctpx_close` does when calls are inside the handle. It does
    /// nothing to the socket or its associations.
    pub fn interrupt(&self) {
        self.waker.interrupt();
    }

    /// Whether data events carry their source address (IntOption::RecvFrom).
    #[inline]
    pub(crate) fn recv_from(&self) -> bool {
        self.recv_from.load(Ordering::Relaxed)
    }

    pub(crate) fn set_recv_from(&self, on: bool) {
        self.recv_from.store(on, Ordering::Relaxed);
    }

    #[inline]
    fn raw(&self) -> RawFd {
        self.fd.as_raw_fd()
    }

    fn sock2(&self) -> socket2::SockRef<'_> {
        socket2::SockRef::from(&self.fd)
    }

    /// One-to-one or one-to-many.
    pub fn kind(&self) -> Kind {
        self.kind
    }

    /// Binds to one address (port 0 picks a free port).
    pub fn bind(&self, addr: &SocketAddr) -> Result<()> {
        if let Some(u) = self.user() {
            return Ok(u.bind(addr)?);
        }
        Ok(self.sock2().bind(&SockAddr::from(*addr))?)
    }

    /// Adds or removes several addresses (IPv4 and IPv6 may be mixed on an
    /// IPv6 socket) — the multi-homing bind.
    pub fn bindx(&self, addrs: &[SocketAddr], op: BindxOp) -> Result<()> {
        let mut buf = [0u8; msg::MAX_ADDRS * 28];
        let len = pack_all(addrs, &mut buf)?;
        if let Some(u) = self.user() {
            return Ok(u.bindx(&buf[..len], addrs.len(), op == BindxOp::Add)?);
        }
        sys::bindx(self.raw(), &buf[..len], op == BindxOp::Add)?;
        Ok(())
    }

    /// Starts listening (one-to-one) or accepting associations (one-to-many).
    pub fn listen(&self, backlog: i32) -> Result<()> {
        if let Some(u) = self.user() {
            return Ok(u.listen(backlog)?);
        }
        Ok(self.sock2().listen(backlog)?)
    }

    /// Accepts an association on a listening one-to-one socket.
    pub fn accept(&self) -> Result<(Socket, Option<SocketAddr>)> {
        if self.kind != Kind::OneToOne {
            return Err(Error::WrongKind("accept needs a one-to-one socket; use peeloff"));
        }
        if let Some(u) = self.user() {
            return self.accept_user(u);
        }
        let mut peer = mem::MaybeUninit::<libc::sockaddr_storage>::uninit();
        // Accepting is no per-message path: wait in poll, where a close wakes
        // the call at once; the kernel blocks (a wait slice at most) only when
        // another thread took the connection between poll and accept.
        let (fd, len) = loop {
            if !self.nonblocking() {
                self.waker.wait(self.raw(), libc::POLLIN, None, OnSignal::Report)?;
            }
            let mut len = mem::size_of::<libc::sockaddr_storage>() as libc::socklen_t;
            // SAFETY: the kernel writes at most `len` bytes of address.
            let fd = unsafe { libc::accept4(self.raw(), peer.as_mut_ptr().cast(), &mut len, libc::SOCK_CLOEXEC) };
            if fd >= 0 {
                break (fd, len);
            }
            let e = std::io::Error::last_os_error();
            if e.raw_os_error() != Some(libc::EAGAIN) || self.nonblocking() {
                return Err(e.into());
            }
        };
        // SAFETY: the kernel just gave us this descriptor; we own it now.
        let sock = Socket::from_fd(unsafe { OwnedFd::from_raw_fd(fd) }, Kind::OneToOne, false)?;
        // SAFETY: accept4 wrote `len` bytes of address.
        let addr = unsafe { sys::socket_addr_from_raw(peer.as_ptr(), len as usize) };
        Ok((sock, addr))
    }

    fn accept_user(&self, u: &UserSock) -> Result<(Socket, Option<SocketAddr>)> {
        loop {
            match u.accept() {
                Ok((s, addr)) => {
                    let fd = s.user_fd()?;
                    let sock = Socket::from_user(s, fd, Kind::OneToOne);
                    sock.set_recv_from(self.recv_from());
                    return Ok((sock, addr));
                }
                Err(e) if e.raw_os_error() == Some(libc::EAGAIN) && !self.nonblocking() => {
                    self.user_wait(libc::POLLIN, None, OnSignal::Report)?;
                }
                Err(e) => return Err(e.into()),
            }
        }
    }

    /// Waits until the userspace socket shows `events`, `deadline` passes
    /// (`Error::TimedOut`) or `interrupt` is called: a plain wait on the
    /// readiness descriptor, which the upcall keeps current after each packet
    /// and the stack's refresher thread after timer-driven changes.
    fn user_wait(&self, events: i16, deadline: Option<Instant>, signal: OnSignal) -> Result<i16> {
        self.waker.wait(self.raw(), events, deadline, signal)
    }

    /// Connects to one address; blocks until the association is up (unless
    /// non-blocking: then `Error::Os(EINPROGRESS)`, and `connect_result`
    /// says how the set-up goes on).
    pub fn connect(&self, addr: &SocketAddr) -> Result<()> {
        if self.kind == Kind::OneToMany {
            // connect() would not say which association it set up: connectx does.
            return match self.connectx_progress(std::slice::from_ref(addr))? {
                (_, false) => Ok(()),
                (_, true) => Err(Error::Os(libc::EINPROGRESS)),
            };
        }
        let started = match self.user() {
            // usrsctp returns 0 when its own threads finished the handshake
            // (over loopback) before its connect looked; the kernel gives a
            // non-blocking socket EINPROGRESS every time, and so does sctpx:
            // connect_result then says it is up.
            Some(u) => match u.connect(addr) {
                Ok(()) if self.nonblocking() => Err(std::io::Error::from_raw_os_error(libc::EINPROGRESS)),
                // Its threads may also have seen the set-up fail first (an
                // ABORT over loopback): usrsctp's connect then returns the
                // refusal and clears the socket's error. The kernel gives a
                // non-blocking socket EINPROGRESS and connect_result the
                // outcome, and so does sctpx: the outcome is kept for it.
                Err(e)
                    if self.nonblocking()
                        && matches!(
                            e.raw_os_error(),
                            Some(libc::ECONNREFUSED | libc::ETIMEDOUT | libc::ECONNRESET | libc::ECONNABORTED)
                        ) =>
                {
                    self.setup_started(0, *addr);
                    if let Some(s) = self.setups().iter_mut().find(|s| s.assoc_id == 0) {
                        s.outcome = Some(SetUpState::Failed(e.raw_os_error().unwrap_or(libc::ECONNREFUSED)));
                    }
                    return Err(Error::Os(libc::EINPROGRESS));
                }
                r => r,
            },
            None => self.sock2().connect(&SockAddr::from(*addr)),
        };
        match started {
            Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => {
                self.setup_started(0, *addr);
                if self.nonblocking() {
                    return Err(Error::Os(libc::EINPROGRESS));
                }
                self.finish_connect(0)
            }
            // A signal ended the kernel's wait: the set-up goes on.
            Err(e) if e.raw_os_error() == Some(libc::EINTR) => {
                self.setup_started(0, *addr);
                Err(e.into())
            }
            r => Ok(r?),
        }
    }

    /// Connects to a peer by several of its addresses and returns the new
    /// association's id. On a non-blocking socket it returns at once with the
    /// id while the association is still being set up (`connect_result`
    /// says when it is up).
    pub fn connectx(&self, addrs: &[SocketAddr]) -> Result<AssocId> {
        Ok(self.connectx_progress(addrs)?.0)
    }

    /// As `connectx`, also saying whether the set-up is still in progress
    /// (non-blocking sockets).
    pub fn connectx_progress(&self, addrs: &[SocketAddr]) -> Result<(AssocId, bool)> {
        let mut buf = [0u8; msg::MAX_ADDRS * 28];
        let len = pack_all(addrs, &mut buf)?;
        let (id, in_progress) = match self.user() {
            // usrsctp's sockets never block, and its connectx (a setsockopt,
            // SCTP_CONNECT_X) returns 0 with only the INIT sent, one-to-one and
            // one-to-many alike: that is a set-up in progress, which a blocking
            // socket waits out as the kernel does and a non-blocking one reports.
            Some(u) => (u.connectx(&buf[..len], addrs.len())?, true),
            None => sys::connectx_with_progress(self.raw(), &buf[..len])?,
        };
        if in_progress {
            self.setup_started(id, addrs[0]);
            if !self.nonblocking() {
                self.finish_connect(id)?;
                return Ok((id, false));
            }
        }
        Ok((id, in_progress))
    }

    fn setups(&self) -> std::sync::MutexGuard<'_, Vec<SetUp>> {
        // The list stays consistent whatever panicked while it was held.
        self.setups.lock().unwrap_or_else(|e| e.into_inner())
    }

    fn setup_started(&self, mut assoc_id: AssocId, peer: SocketAddr) {
        let mut setups = self.setups();
        if self.kind == Kind::OneToOne {
            // Its one association, whatever id connectx gave: as connect_result asks.
            assoc_id = 0;
            setups.clear();
        } else {
            setups.retain(|s| s.assoc_id != assoc_id);
            if setups.len() == MAX_SETUPS {
                setups.remove(0);
            }
        }
        setups.push(SetUp { assoc_id, peer, started: Instant::now(), outcome: None });
    }

    /// How the set-up of association `assoc_id` (ignored on one-to-one
    /// sockets) stands, without waiting and without receiving anything:
    /// `Ok(true)` once established (and from then on), `Ok(false)` while it
    /// is being set up, else how it failed (`Error::Os`: ECONNREFUSED,
    /// ETIMEDOUT, ...; the answer then stays the same).
    ///
    /// A one-to-one socket turns writable when its set-up succeeds and
    /// reports POLLERR when it fails. A one-to-many socket is writable
    /// throughout; only an ASSOC_CHANGE notification (when subscribed) makes
    /// it readable then. The kernel keeps no reason for a failed set-up once
    /// a one-to-one socket's SO_ERROR has been read, and never on a
    /// one-to-many socket: then the time it lived tells, see `setup_failure`.
    ///
    /// Set-ups not started through this socket, or forgotten (it remembers
    /// the last 64):
    /// a one-to-one socket gives ENOTCONN unless established, a one-to-many
    /// socket the association's state, or EINVAL for an id no association
    /// has.
    pub fn connect_result(&self, assoc_id: AssocId) -> Result<bool> {
        let id = if self.kind == Kind::OneToOne { 0 } else { assoc_id };
        let setup = self.setups().iter().find(|s| s.assoc_id == id).copied();
        let state = match setup.and_then(|s| s.outcome) {
            Some(known) => known,
            None => {
                let state = match self.kind {
                    Kind::OneToOne => self.one_to_one_setup(setup.as_ref())?,
                    Kind::OneToMany => self.one_to_many_setup(id, setup.as_ref())?,
                };
                if setup.is_some() && state != SetUpState::InProgress {
                    if let Some(s) = self.setups().iter_mut().find(|s| s.assoc_id == id) {
                        s.outcome = Some(state);
                    }
                }
                state
            }
        };
        match state {
            SetUpState::Established => Ok(true),
            SetUpState::InProgress => Ok(false),
            SetUpState::Failed(e) => Err(Error::Os(e)),
        }
    }

    fn one_to_one_setup(&self, setup: Option<&SetUp>) -> Result<SetUpState> {
        if self.user.is_some() {
            return self.user_one_to_one_setup(setup);
        }
        // Only an established association makes a one-to-one socket
        // writable (it stays so after the association ends) or gives it a
        // status (unless its send buffer is full).
        if self.poll_now(libc::POLLOUT) & libc::POLLOUT != 0 {
            return Ok(SetUpState::Established);
        }
        // usrsctp enters ESTABLISHED a moment before it marks the socket
        // connected (writable): there, writable is what established means,
        // so that connect never returns before the descriptor says so.
        if self.user.is_none() && self.status(0).is_ok() {
            return Ok(SetUpState::Established);
        }
        if let Some(s) = setup {
            match self.peer_addr_info(0, &s.peer) {
                Ok(_) => return Ok(SetUpState::InProgress),
                // No association with that peer any more: it failed.
                Err(Error::Os(libc::EINVAL)) => {}
                Err(e) => return Err(e),
            }
        }
        // The kernel leaves the reason in SO_ERROR (read once).
        if let Some(e) = self.take_error()? {
            return Ok(SetUpState::Failed(e.raw_os_error().unwrap_or(libc::ECONNREFUSED)));
        }
        Ok(match setup {
            // usrsctp leaves an error on a one-to-one socket for every set-up
            // that fails (ECONNREFUSED, ETIMEDOUT, ECONNABORTED, ECONNRESET:
            // sctp_notify_assoc_change), none when an association ends with
            // SHUTDOWN. No association and no error: it came up and the peer
            // already shut it down (a server that accepts and closes at once).
            // The connect succeeded, as on Linux; reading gives the end.
            Some(_) => SetUpState::Established,
            None => SetUpState::Failed(libc::ENOTCONN),
        })
    }

    /// On usrsctp the association's state says how a set-up stands: its
    /// descriptor also turns writable when the set-up fails (SO_ERROR set),
    /// and it reports a missing association with ENOENT, not EINVAL. A set-up
    /// in progress counts as established once the descriptor shows it
    /// writable too (usrsctp enters ESTABLISHED a moment before), so connect
    /// never returns before an event loop would see it.
    fn user_one_to_one_setup(&self, setup: Option<&SetUp>) -> Result<SetUpState> {
        match self.status(0) {
            Ok(st) if st.state >= sys::SCTP_ESTABLISHED => {
                if setup.is_none() || self.poll_now(libc::POLLOUT) & libc::POLLOUT != 0 {
                    return Ok(SetUpState::Established);
                }
                return Ok(SetUpState::InProgress);
            }
            Ok(st) if st.state == sys::SCTP_COOKIE_WAIT || st.state == sys::SCTP_COOKIE_ECHOED => {
                return Ok(SetUpState::InProgress)
            }
            _ => {}
        }
        if let Some(e) = self.take_error()? {
            return Ok(SetUpState::Failed(e.raw_os_error().unwrap_or(libc::ECONNREFUSED)));
        }
        Ok(match setup {
            // usrsctp leaves an error on a one-to-one socket for every set-up
            // that fails (ECONNREFUSED, ETIMEDOUT, ECONNABORTED, ECONNRESET:
            // sctp_notify_assoc_change), none when an association ends with
            // SHUTDOWN. No association and no error: it came up and the peer
            // already shut it down (a server that accepts and closes at once).
            // The connect succeeded, as on Linux; reading gives the end.
            Some(_) => SetUpState::Established,
            None => SetUpState::Failed(libc::ENOTCONN),
        })
    }

    fn one_to_many_setup(&self, assoc_id: AssocId, setup: Option<&SetUp>) -> Result<SetUpState> {
        match self.status(assoc_id) {
            // Shutting down implies it was established first.
            Ok(st) if st.state >= sys::SCTP_ESTABLISHED => Ok(SetUpState::Established),
            Ok(_) => Ok(SetUpState::InProgress),
            // No such association (any more): one sctpx saw start failed
            // (usrsctp says ENOENT where the kernel says EINVAL).
            Err(Error::Os(e)) if e == libc::EINVAL || (e == libc::ENOENT && self.user.is_some()) => match setup {
                Some(s) => Ok(SetUpState::Failed(self.setup_failure(s.started.elapsed()))),
                None => Err(Error::Os(libc::EINVAL)),
            },
            Err(e) => Err(e),
        }
    }

    /// The socket's poll events now (0 when poll fails: nothing is ready).
    fn poll_now(&self, events: i16) -> i16 {
        if let Some(u) = self.user() {
            // The upcall comes after usrsctp has finished with a packet: the
            // caller may have seen its effect (SCTP_STATUS) before.
            u.sync();
        }
        let mut p = libc::pollfd { fd: self.raw(), events, revents: 0 };
        // SAFETY: one valid pollfd.
        if unsafe { libc::poll(&mut p, 1, 0) } == 1 {
            p.revents
        } else {
            0
        }
    }

    /// Waits for a set-up the kernel reported in progress (its own wait, one
    /// slice of SO_SNDTIMEO, ran out) to complete, as a blocking connect
    /// would, on what `connect_result` says: a poll() that `interrupt` ends.
    fn finish_connect(&self, assoc_id: AssocId) -> Result<()> {
        let mut pause_ms = 1;
        while !self.connect_result(assoc_id)? {
            match self.kind {
                // POLLOUT once established; POLLERR (always reported) once failed.
                Kind::OneToOne => {
                    self.waker.wait(self.raw(), libc::POLLOUT, None, OnSignal::Report)?;
                }
                // Writable whatever its associations do; only the caller's
                // notifications would tell: look again after a pause.
                Kind::OneToMany => {
                    self.waker.pause(pause_ms, OnSignal::Report)?;
                    pause_ms = (pause_ms * 2).min(50);
                }
            }
        }
        Ok(())
    }

    /// Why a set-up whose association vanished `lived` after the connect
    /// failed, when the kernel kept no reason: ETIMEDOUT when that is (nearly)
    /// its whole INIT schedule (SCTP_INITMSG, SCTP_RTOINFO), as the kernel's
    /// own blocking connect says once the INIT attempts ran out, else
    /// ECONNREFUSED. `lived` is as late as sctpx first saw it gone.
    fn setup_failure(&self, lived: Duration) -> i32 {
        let (Ok(init), Ok(rto)) = (self.initmsg(), self.rtoinfo(0)) else { return libc::ECONNREFUSED };
        let cap = if init.max_init_timeo > 0 { u32::from(init.max_init_timeo) } else { rto.max };
        let mut timeout = u64::from(rto.initial);
        let mut schedule = 0u64;
        for _ in 0..init.max_attempts.max(1) {
            schedule += timeout.min(u64::from(cap));
            timeout = timeout.saturating_mul(2);
        }
        if lived.as_millis() as u64 >= schedule * 9 / 10 {
            libc::ETIMEDOUT
        } else {
            libc::ECONNREFUSED
        }
    }

    /// Branches one association of a one-to-many socket off into its own
    /// one-to-one socket.
    pub fn peeloff(&self, assoc_id: AssocId, flags: PeelOffFlags) -> Result<Socket> {
        if self.kind != Kind::OneToMany {
            return Err(Error::WrongKind("peeloff needs a one-to-many socket"));
        }
        let mut f = 0;
        if flags.nonblock {
            f |= libc::O_NONBLOCK;
        }
        if flags.cloexec {
            f |= libc::O_CLOEXEC;
        }
        let mut sock = match self.user() {
            Some(u) => {
                // usrsctp says ENOENT for an association the socket does not
                // have; Linux (and so sctpx) EINVAL.
                let s = u.peeloff(assoc_id).map_err(|e| match e.raw_os_error() {
                    Some(libc::ENOENT) => Error::Os(libc::EINVAL),
                    _ => e.into(),
                })?;
                let fd = s.user_fd()?;
                let sock = Socket::from_user(s, fd, Kind::OneToOne);
                sock.set_nonblocking(flags.nonblock)?;
                sock
            }
            None => {
                let fd = sys::peeloff(self.raw(), assoc_id, f as u32)?;
                // SAFETY: the kernel just gave us this descriptor; we own it now.
                let fd = unsafe { OwnedFd::from_raw_fd(fd) };
                Socket::from_fd(fd, Kind::OneToOne, flags.nonblock)?
            }
        };
        sock.set_recv_from(self.recv_from());
        // The peeled socket inherits the parent's subscriptions: remember the
        // caller's, then keep the two kinds that end an association on.
        let state = PeeledState::default();
        for k in PEELED_WATCH {
            if sock.kernel_subscribed(k)? {
                state.user_subs.fetch_or(1 << k as u32, Ordering::Relaxed);
            }
            sock.kernel_subscribe(k, true)?;
        }
        sock.peeled = Some(Box::new(state));
        Ok(sock)
    }

    /// Gracefully shuts an association down (SHUTDOWN; queued data is still
    /// delivered). On one-to-one sockets `assoc_id` is ignored.
    pub fn shutdown(&self, assoc_id: AssocId) -> Result<()> {
        match self.kind {
            Kind::OneToOne => match self.user() {
                Some(u) => Ok(u.shutdown_write()?),
                None => Ok(self.sock2().shutdown(std::net::Shutdown::Write)?),
            },
            Kind::OneToMany => {
                let info = SendInfo { flags: SEND_EOF, assoc_id, ..Default::default() };
                self.send(&[], &info, None).map(|_| ())
            }
        }
    }

    /// Aborts an association of a one-to-many socket at once (ABORT; queued
    /// data is dropped). Linux refuses the ABORT flag on one-to-one sockets:
    /// use `abort_and_close` there.
    pub fn abort(&self, assoc_id: AssocId) -> Result<()> {
        if self.kind == Kind::OneToOne {
            return Err(Error::WrongKind("abort a one-to-one association with abort_and_close"));
        }
        let info = SendInfo { flags: SEND_ABORT, assoc_id, ..Default::default() };
        self.send(&[], &info, None).map(|_| ())
    }

    /// Aborts a one-to-one socket's association and closes the socket: with
    /// SO_LINGER set to 0 the kernel sends ABORT on close instead of SHUTDOWN.
    pub fn abort_and_close(self) -> Result<()> {
        self.prepare_abort()?;
        drop(self);
        Ok(())
    }

    /// Sets SO_LINGER to 0 so that the last close sends ABORT.
    pub(crate) fn prepare_abort(&self) -> Result<()> {
        self.set_linger(Some(0))
    }

    /// The peer's addresses in an association.
    pub fn peer_addrs(&self, assoc_id: AssocId) -> Result<Vec<SocketAddr>> {
        self.addrs(assoc_id, false)
    }

    /// The local addresses of an association (or of the socket, with 0).
    pub fn local_addrs(&self, assoc_id: AssocId) -> Result<Vec<SocketAddr>> {
        self.addrs(assoc_id, true)
    }

    fn addrs(&self, assoc_id: AssocId, local: bool) -> Result<Vec<SocketAddr>> {
        let mut buf = vec![0u8; 64 * 1024];
        let used = match self.user() {
            Some(u) => u.getaddrs(assoc_id, local, &mut buf)?,
            None => sys::getaddrs(self.raw(), assoc_id, local, &mut buf)?,
        };
        Ok(sys::unpack_addrs(&buf[..used]).collect::<std::io::Result<Vec<_>>>()?)
    }

    /// Makes calls return `EAGAIN` (connects: `EINPROGRESS`) instead of
    /// blocking (O_NONBLOCK on the descriptor).
    pub fn set_nonblocking(&self, on: bool) -> Result<()> {
        // On the userspace backend the descriptor only shows readiness; its
        // O_NONBLOCK follows for those who read sctpx_fileno's flags.
        self.sock2().set_nonblocking(on)?;
        self.nonblocking.store(on, Ordering::Relaxed);
        Ok(())
    }

    /// Whether calls return `EAGAIN` instead of blocking.
    pub fn nonblocking(&self) -> bool {
        self.nonblocking.load(Ordering::Relaxed)
    }

    /// Runs `op`, a send the kernel blocks in unless the socket is
    /// non-blocking, until it returns something else than the end of a wait
    /// slice (EAGAIN on a blocking socket) or `interrupt` was called
    /// (`Error::Closed`). One system call when the kernel is ready or the
    /// wait is shorter than a slice. (The sends retry EINTR themselves.)
    #[inline(always)]
    fn blocking<T>(&self, mut op: impl FnMut() -> std::io::Result<T>) -> Result<T> {
        match op() {
            Err(e) if e.raw_os_error() == Some(libc::EAGAIN) => self.blocking_slow(&mut op),
            r => Ok(r?),
        }
    }

    #[cold]
    fn blocking_slow<T>(&self, op: &mut dyn FnMut() -> std::io::Result<T>) -> Result<T> {
        loop {
            if self.nonblocking() {
                return Err(Error::Os(libc::EAGAIN));
            }
            if self.waker.interrupted() {
                return Err(Error::Closed);
            }
            if let Some(u) = self.user() {
                // usrsctp never blocks: wait for room here. Writable but
                // refused means the message is larger than the free space:
                // wait for the next upcall (a SACK), a slice at a time.
                let upcalls = u.upcalls();
                if self.poll_now(libc::POLLOUT) & libc::POLLOUT != 0 {
                    u.wait_upcall(upcalls, USER_SEND_SLICE);
                } else {
                    self.user_wait(libc::POLLOUT, None, OnSignal::Retry)?;
                }
            }
            match op() {
                Err(e) if e.raw_os_error() == Some(libc::EAGAIN) => {}
                r => return Ok(r?),
            }
        }
    }

    /// Sends `data` on `stream` with `ppid` (host order) — the common case.
    #[inline(always)]
    pub fn send_stream(&self, assoc_id: AssocId, stream: u16, ppid: u32, data: &[u8]) -> Result<usize> {
        let info = SendInfo { stream, ppid, assoc_id, ..Default::default() };
        self.send(data, &info, None)
    }

    /// Sends one message with full parameters, to an association or (on
    /// one-to-many sockets, setting one up implicitly) to an address.
    #[inline(always)]
    pub fn send(&self, data: &[u8], info: &SendInfo, to: Option<&SocketAddr>) -> Result<usize> {
        validate_send_info(info)?;
        if let Some(u) = self.user() {
            return self.send_user(u, data, Some(info), to);
        }
        let to = to.map(|a| SockAddr::from(*a));
        self.blocking(|| msg::send(self.raw(), data, Some(info), to.as_ref()))
    }

    /// Sends one message with the socket's default parameters
    /// (SCTP_DEFAULT_SNDINFO, see `set_default_send_info`).
    pub fn send_default(&self, data: &[u8], to: Option<&SocketAddr>) -> Result<usize> {
        if let Some(u) = self.user() {
            return self.send_user(u, data, None, to);
        }
        let to = to.map(|a| SockAddr::from(*a));
        self.blocking(|| msg::send(self.raw(), data, None, to.as_ref()))
    }

    /// Sends one message that may set an association up (implicit set-up
    /// on a one-to-many socket), as `sctp_sendv` can: `to[0]` is the
    /// destination, `to[1..]` further addresses of the same peer the set-up
    /// may use too (SCTP_DSTADDRV4/V6; their ports are `to[0]`'s), and
    /// `init` the INIT parameters of this set-up (an SCTP_INIT control
    /// message) instead of the socket's SCTP_INITMSG. For a send to an
    /// existing association the kernel ignores both. At most 64 addresses;
    /// the userspace backend refuses the call (`NotSupported`).
    pub fn send_setup(&self, data: &[u8], info: &SendInfo, to: &[SocketAddr], init: Option<&InitMsg>) -> Result<usize> {
        validate_send_info(info)?;
        if to.is_empty() || to.len() > msg::MAX_ADDRS {
            return Err(Error::InvalidArgument("1 to 64 destination addresses"));
        }
        if self.user().is_some() {
            return Err(Error::NotSupported("send_setup on the userspace backend"));
        }
        let first = SockAddr::from(to[0]);
        self.blocking(|| msg::send_setup(self.raw(), data, info, &first, &to[1..], init))
    }

    #[cold]
    fn send_user(&self, u: &UserSock, data: &[u8], info: Option<&SendInfo>, to: Option<&SocketAddr>) -> Result<usize> {
        if info.is_some_and(|i| i.pr_policy == PR_PRIO) {
            return Err(Error::NotSupported("PR_PRIO: usrsctp has no priority policy"));
        }
        if info.is_some_and(|i| i.flags & SEND_ADDR_OVER != 0) {
            return Err(Error::NotSupported("SEND_ADDR_OVER on the userspace backend"));
        }
        // usrsctp says ENOENT (no association) where Linux says EPIPE for a
        // one-to-one socket that is not connected.
        self.blocking(|| u.send(data, info, to)).map_err(|e| match e {
            Error::Os(libc::ENOENT) if self.kind == Kind::OneToOne => Error::Os(libc::EPIPE),
            e => e,
        })
    }

    /// Sends many messages in as few system calls as possible (sendmmsg).
    /// Consecutive messages to the same association are bundled by the kernel
    /// into as few packets as the path MTU allows (MSG_MORE on all but the last
    /// of each run); each is still delivered as its own message and nothing
    /// waits past the call.
    ///
    /// Returns how many were sent; fewer than `msgs.len()` means the rest would
    /// have blocked or failed (the next call reports why). Then the last one
    /// sent may be held for bundling until the next send to its association:
    /// send the rest.
    ///
    /// On a blocking socket the call waits for buffer space until every
    /// message is sent, an error stops it, or `interrupt` ends the wait; the
    /// count then says how many went (an error or `Error::Closed` only when
    /// none did).
    pub fn send_batch(&self, msgs: &[SendMsg<'_>]) -> Result<usize> {
        for m in msgs {
            validate_send_info(&m.info)?;
        }
        if let Some(u) = self.user() {
            return self.send_batch_user(u, msgs);
        }
        let mut sent = self.blocking(|| msg::send_batch(self.raw(), msgs))?;
        while sent > 0 && sent < msgs.len() && !self.nonblocking() && !self.waker.interrupted() {
            // Stopped short: would block (wait and go on) or a message failed
            // (the next attempt reports it: keep the count).
            match self.blocking(|| msg::send_batch(self.raw(), &msgs[sent..])) {
                Ok(n) => sent += n,
                Err(_) => break,
            }
        }
        Ok(sent)
    }

    /// usrsctp has no sendmmsg: one send per message, with the same count
    /// semantics (an error only when none went).
    fn send_batch_user(&self, u: &UserSock, msgs: &[SendMsg<'_>]) -> Result<usize> {
        let mut sent = 0;
        for m in msgs {
            match self.send_user(u, m.data, Some(&m.info), m.to.as_ref()) {
                Ok(_) => sent += 1,
                Err(e) if sent == 0 => return Err(e),
                Err(_) => break,
            }
        }
        Ok(sent)
    }

    /// Receives the next data message or notification into `buf`.
    #[inline(always)]
    pub fn next_event(&self, buf: &mut [u8], timeout: Timeout) -> Result<Received> {
        self.check_ended()?;
        // Blocking: the kernel waits (a slice at a time). With a timeout, try
        // first and wait only when nothing is queued. Either way one system
        // call per message while traffic flows.
        match self.recv_one(buf, timeout != Timeout::Block) {
            Err(Error::Os(libc::EAGAIN)) => self.next_event_wait(buf, timeout),
            r => r,
        }
    }

    #[cold]
    fn next_event_wait(&self, buf: &mut [u8], timeout: Timeout) -> Result<Received> {
        let mut deadline = None;
        loop {
            let dontwait = self.await_readable(timeout, &mut deadline)?;
            match self.recv_one(buf, dontwait) {
                Err(Error::Os(libc::EAGAIN)) => {}
                r => return r,
            }
        }
    }

    /// A receive with `timeout` found nothing (EAGAIN): waits as `timeout`
    /// says (a `Millis` deadline is set on the first call), then says how to
    /// receive again (`dontwait`), or gives the error to return.
    fn await_readable(&self, timeout: Timeout, deadline: &mut Option<Instant>) -> Result<bool> {
        match timeout {
            Timeout::Poll => Err(Error::Os(libc::EAGAIN)),
            // A wait slice ran out: go on blocking in the kernel.
            Timeout::Block if self.nonblocking() => Err(Error::Os(libc::EAGAIN)),
            Timeout::Block if self.waker.interrupted() => Err(Error::Closed),
            Timeout::Block if self.user.is_some() => {
                self.user_wait(libc::POLLIN, None, OnSignal::Retry)?;
                Ok(true)
            }
            Timeout::Block => Ok(false),
            Timeout::Millis(ms) => {
                let d = *deadline.get_or_insert_with(|| Instant::now() + Duration::from_millis(u64::from(ms)));
                self.waker.wait(self.raw(), libc::POLLIN, Some(d), OnSignal::Retry)?;
                Ok(true)
            }
        }
    }

    /// Receives up to `out.len()` events in one system call (recvmmsg). Event
    /// `i` lands in `buf[i*stride .. (i+1)*stride]`. Returns how many arrived
    /// (at least one unless an error is returned).
    pub fn recv_batch(&self, buf: &mut [u8], stride: usize, out: &mut [Received], timeout: Timeout) -> Result<usize> {
        if stride == 0 {
            return Err(Error::InvalidArgument("stride must be positive"));
        }
        let count = out.len().min(buf.len() / stride);
        if count == 0 {
            return Err(Error::InvalidArgument("no room for one event"));
        }
        self.check_ended()?;
        let count = count.min(msg::MAX_BATCH);
        let mut metas = [msg::RecvMeta::default(); msg::MAX_BATCH];
        let mut lens = [0usize; msg::MAX_BATCH];
        let (mut dontwait, mut deadline) = (timeout != Timeout::Block, None);
        let n = loop {
            let (metas, lens) = (&mut metas[..count], &mut lens[..count]);
            let got = match self.user() {
                Some(u) => recv_batch_user(u, buf, stride, metas, lens, self.recv_from()),
                None => msg::recv_batch(self.raw(), buf, stride, metas, lens, dontwait, self.recv_from()),
            };
            match got {
                Err(e) if e.raw_os_error() == Some(libc::EAGAIN) => {
                    dontwait = self.await_readable(timeout, &mut deadline)?
                }
                r => break r?,
            }
        };
        // Turn each slot into an event. Notifications that did not fit their
        // slot continue in the next slots (or the next receive): those pieces
        // are dropped so every returned event starts a fresh message.
        let mut kept = 0;
        let mut continuing = false;
        for i in 0..n {
            let meta = metas[i];
            let len = lens[i];
            if continuing {
                continuing = meta.notification && !meta.eor;
                if let Some(last) = out[..kept].last_mut() {
                    last.truncated = true;
                }
                continue;
            }
            if !meta.notification && len == 0 && !meta.eor {
                if kept == 0 {
                    return Err(Error::Eof);
                }
                break;
            }
            // Compact: slot i moves down to slot `kept` when pieces were dropped.
            let slot_src = i * stride;
            let slot_dst = kept * stride;
            if slot_src != slot_dst {
                buf.copy_within(slot_src..slot_src + len, slot_dst);
            }
            let slot = &mut buf[slot_dst..slot_dst + stride];
            out[kept] = if meta.notification {
                continuing = !meta.eor;
                let (head, have) = notification_head(slot, len);
                Received { next: meta.next, ..notification_in_place(slot, len, &head[..have], !meta.eor)? }
            } else {
                Received {
                    event: Event::Data(meta.data),
                    assoc_id: meta.assoc_id,
                    len,
                    complete: meta.eor,
                    truncated: false,
                    next: meta.next,
                }
            };
            if self.peeled_filter(&out[kept]) != Filter::Deliver {
                // The caller did not ask for this notification: it only ends
                // the association, which the next call reports.
                continue;
            }
            kept += 1;
        }
        if kept == 0 {
            self.check_ended()?;
            // Only notifications sctpx keeps to itself arrived: wait for more.
            return self.recv_batch(buf, stride, out, timeout);
        }
        if continuing {
            // The tail of a notification is still queued: drain it now. The
            // events already received must reach the caller: a failure here
            // only leaves the tail for the next call to skip.
            let (mut head, mut have) = ([0u8; NOTIFICATION_HEAD], NOTIFICATION_HEAD);
            let _ = self.read_notification_tail(&mut head, &mut have);
        }
        Ok(kept)
    }

    #[inline(always)]
    fn recv_one(&self, buf: &mut [u8], dontwait: bool) -> Result<Received> {
        loop {
            let mut meta = msg::RecvMeta::default();
            let n = self.recv_raw(buf, dontwait, self.recv_from(), &mut meta)?;
            if !meta.notification {
                if n == 0 && !meta.eor {
                    return Err(Error::Eof);
                }
                return Ok(Received {
                    event: Event::Data(meta.data),
                    assoc_id: meta.assoc_id,
                    len: n,
                    complete: meta.eor,
                    truncated: false,
                    next: meta.next,
                });
            }
            let mut r = self.finish_notification(buf, n, meta.eor)?;
            r.next = meta.next;
            match self.peeled_filter(&r) {
                Filter::Deliver => return Ok(r),
                Filter::End => return self.check_ended().map(|_| r),
                // sctpx's own subscription: read on.
                Filter::Skip => continue,
            }
        }
    }

    /// One receive, on either backend (usrsctp's never waits).
    #[inline(always)]
    fn recv_raw(&self, buf: &mut [u8], dontwait: bool, from: bool, meta: &mut msg::RecvMeta) -> std::io::Result<usize> {
        match self.user() {
            None => msg::recv(self.raw(), buf, dontwait, from, meta),
            Some(u) => u.recv(buf, from, meta),
        }
    }

    /// A notification was read into `buf[..n]`; if it did not fit, read the
    /// rest (the kernel hands notifications out in pieces like data) so the
    /// next call starts on a fresh event, then decode it.
    fn finish_notification(&self, buf: &mut [u8], n: usize, eor: bool) -> Result<Received> {
        let (mut head, mut have) = notification_head(buf, n);
        // Without MSG_EOR the notification did not fit: read its tail now so
        // the next call starts on a fresh event.
        if !eor {
            self.read_notification_tail(&mut head, &mut have)?;
        }
        notification_in_place(buf, n, &head[..have], !eor)
    }

    /// Reads the rest of a notification that did not fit, up to its MSG_EOR.
    /// Its first bytes complete `head[..have]` when the caller's buffer was
    /// smaller than the fixed fields; the rest is discarded.
    fn read_notification_tail(&self, head: &mut [u8; NOTIFICATION_HEAD], have: &mut usize) -> Result<()> {
        loop {
            let mut scratch = [0u8; NOTIFICATION_HEAD];
            let mut meta = msg::RecvMeta::default();
            let m = self.recv_raw(&mut scratch, true, false, &mut meta)?;
            let take = m.min(NOTIFICATION_HEAD - *have);
            head[*have..*have + take].copy_from_slice(&scratch[..take]);
            *have += take;
            if meta.eor || m == 0 {
                return Ok(());
            }
        }
    }

    /// On a peeled-off socket, notes an event that ends the association and
    /// decides what the caller sees: the event itself when they subscribed to
    /// its kind, else nothing (a COMM_UP) or the end-of-association error a
    /// one-to-one socket gives (Eof after a shutdown, ECONNRESET after a loss).
    fn peeled_filter(&self, r: &Received) -> Filter {
        let Some(p) = self.peeled.as_ref() else { return Filter::Deliver };
        let (kind, end) = match r.event {
            Event::Shutdown => (EventKind::Shutdown, Some(0)),
            Event::AssocChange(a) if a.state == SHUTDOWN_COMP => (EventKind::AssocChange, Some(0)),
            Event::AssocChange(a) if a.state == COMM_LOST || a.state == CANT_STR_ASSOC => {
                (EventKind::AssocChange, Some(libc::ECONNRESET))
            }
            Event::AssocChange(_) => (EventKind::AssocChange, None),
            _ => return Filter::Deliver,
        };
        if let Some(e) = end {
            if !p.has_ended.swap(true, Ordering::AcqRel) {
                p.ended.store(e, Ordering::Release);
            }
        }
        if p.user_subs.load(Ordering::Relaxed) & (1 << kind as u32) != 0 {
            return Filter::Deliver;
        }
        match end {
            None => Filter::Skip,
            Some(_) => Filter::End,
        }
    }

    /// Err once a peeled-off socket's association has ended.
    fn check_ended(&self) -> Result<()> {
        match &self.peeled {
            Some(p) if p.has_ended.load(Ordering::Acquire) => match p.ended.load(Ordering::Acquire) {
                0 => Err(Error::Eof),
                e => Err(Error::Os(e)),
            },
            _ => Ok(()),
        }
    }

    /// Turns delivery of one notification kind on or off (SCTP_EVENT). On
    /// one-to-many sockets it applies to current and future associations.
    /// sctpx subscribes to nothing by default (the kernel's default).
    pub fn subscribe(&self, kind: EventKind, on: bool) -> Result<()> {
        if let Some(p) = &self.peeled {
            if PEELED_WATCH.contains(&kind) {
                // The kernel subscription stays on: sctpx filters instead.
                let bit = 1 << kind as u32;
                if on {
                    p.user_subs.fetch_or(bit, Ordering::Relaxed);
                } else {
                    p.user_subs.fetch_and(!bit, Ordering::Relaxed);
                }
                return Ok(());
            }
        }
        self.kernel_subscribe(kind, on)
    }

    fn kernel_subscribe(&self, kind: EventKind, on: bool) -> Result<()> {
        let mut ev = event_param(kind);
        ev.se_assoc_id = match self.kind {
            Kind::OneToOne => 0,
            Kind::OneToMany => sys::SCTP_ALL_ASSOC,
        };
        ev.se_on = on as u8;
        match self.setopt(sys::SCTP_EVENT, &ev) {
            // Kernels before 5.x only know SCTP_FUTURE_ASSOC for the socket default.
            Err(Error::Os(libc::EINVAL)) if self.kind == Kind::OneToMany => {
                ev.se_assoc_id = sys::SCTP_FUTURE_ASSOC;
                self.setopt(sys::SCTP_EVENT, &ev)
            }
            r => r,
        }
    }

    /// Whether one notification kind is delivered.
    pub fn subscribed(&self, kind: EventKind) -> Result<bool> {
        if let Some(p) = &self.peeled {
            if PEELED_WATCH.contains(&kind) {
                return Ok(p.user_subs.load(Ordering::Relaxed) & (1 << kind as u32) != 0);
            }
        }
        self.kernel_subscribed(kind)
    }

    fn kernel_subscribed(&self, kind: EventKind) -> Result<bool> {
        let mut ev = event_param(kind);
        if self.kind == Kind::OneToMany {
            ev.se_assoc_id = sys::SCTP_FUTURE_ASSOC;
        }
        self.getopt(sys::SCTP_EVENT, &mut ev)?;
        Ok(ev.se_on != 0)
    }

    pub(crate) fn fd(&self) -> RawFd {
        self.raw()
    }

    /// Reads a `SOL_SCTP` option into a plain kernel struct, on either
    /// backend (the userspace one translates to usrsctp's number and layout).
    pub(crate) fn getopt<T: sys::Pod>(&self, name: i32, val: &mut T) -> Result<libc::socklen_t> {
        self.getopt_at(sys::SOL_SCTP, name, val)
    }

    /// Sets a `SOL_SCTP` option from a plain kernel struct, on either backend.
    pub(crate) fn setopt<T: sys::Pod>(&self, name: i32, val: &T) -> Result<()> {
        self.setopt_at(sys::SOL_SCTP, name, val)
    }

    /// `getopt` at `level` (SOL_SCTP or SOL_SOCKET).
    pub(crate) fn getopt_at<T: sys::Pod>(&self, level: i32, name: i32, val: &mut T) -> Result<libc::socklen_t> {
        // SAFETY: T is Pod: any bytes form a valid T, and its bytes are
        // plain memory of its size.
        let bytes = unsafe { std::slice::from_raw_parts_mut((val as *mut T).cast::<u8>(), mem::size_of::<T>()) };
        Ok(self.getopt_bytes(level, name, bytes)? as libc::socklen_t)
    }

    /// getsockopt into bytes (in and out), either backend: the length written.
    pub(crate) fn getopt_bytes(&self, level: i32, name: i32, bytes: &mut [u8]) -> Result<usize> {
        match self.user() {
            Some(u) => Ok(u.getopt(level, name, bytes).map_err(unsupported_on_user)?),
            // SAFETY: none of the options sctpx reads makes the kernel follow
            // a pointer (see `getopt`).
            None => Ok(unsafe { sys::getsockopt_buf(self.raw(), level, name, bytes) }?),
        }
    }

    /// `setopt` at `level` (SOL_SCTP or SOL_SOCKET).
    pub(crate) fn setopt_at<T: sys::Pod>(&self, level: i32, name: i32, val: &T) -> Result<()> {
        match self.user() {
            Some(u) => {
                // SAFETY: T is Pod: its bytes are plain memory of its size
                // (the structs sctpx sets are built from zeroes, padding too).
                let bytes = unsafe { std::slice::from_raw_parts((val as *const T).cast::<u8>(), mem::size_of::<T>()) };
                Ok(u.setopt(level, name, bytes).map_err(unsupported_on_user)?)
            }
            // SAFETY: the kernel reads size_of::<T>() bytes at `val`; the
            // options sctpx sets follow no pointer inside the buffer.
            None => {
                Ok(unsafe { sys::setsockopt(self.raw(), level, name, val, mem::size_of::<T>() as libc::socklen_t) }
                    .map(drop)?)
            }
        }
    }

    /// setsockopt from bytes (options with trailing arrays), either backend.
    pub(crate) fn setopt_bytes(&self, level: i32, name: i32, bytes: &[u8]) -> Result<()> {
        match self.user() {
            Some(u) => Ok(u.setopt(level, name, bytes).map_err(unsupported_on_user)?),
            // SAFETY: SOL_SCTP and the SOL_SOCKET options sctpx sets follow
            // no pointer inside the buffer.
            None => Ok(unsafe { sys::setsockopt_buf(self.raw(), level, name, bytes) }?),
        }
    }

    /// SO_LINGER: `Some(seconds)` or `None` for off.
    pub(crate) fn linger(&self) -> Result<Option<u32>> {
        let mut l = libc::linger { l_onoff: 0, l_linger: 0 };
        self.getopt_at(libc::SOL_SOCKET, libc::SO_LINGER, &mut l)?;
        Ok((l.l_onoff != 0).then_some(l.l_linger as u32))
    }

    /// Sets SO_LINGER (`None`: off).
    pub(crate) fn set_linger(&self, secs: Option<u32>) -> Result<()> {
        let l = libc::linger { l_onoff: secs.is_some() as i32, l_linger: secs.unwrap_or(0) as i32 };
        self.setopt_at(libc::SOL_SOCKET, libc::SO_LINGER, &l)
    }

    /// SO_ERROR, read and cleared.
    fn take_error(&self) -> Result<Option<std::io::Error>> {
        let mut e: libc::c_int = 0;
        self.getopt_at(libc::SOL_SOCKET, libc::SO_ERROR, &mut e)?;
        Ok((e != 0).then(|| std::io::Error::from_raw_os_error(e)))
    }
}

/// The userspace backend refuses what usrsctp lacks with ENOPROTOOPT (see
/// src/user/xlate.rs): one code for it, whatever the call.
fn unsupported_on_user(e: std::io::Error) -> Error {
    match e.raw_os_error() {
        Some(libc::ENOPROTOOPT) => Error::NotSupported("usrsctp has no such option"),
        _ => e.into(),
    }
}

/// recv_batch on the userspace backend: one usrsctp receive per slot, until
/// the queue is empty (EAGAIN only when nothing came).
fn recv_batch_user(
    u: &UserSock,
    buf: &mut [u8],
    stride: usize,
    metas: &mut [msg::RecvMeta],
    lens: &mut [usize],
    from: bool,
) -> std::io::Result<usize> {
    let mut n = 0;
    while n < metas.len() {
        match u.recv(&mut buf[n * stride..(n + 1) * stride], from, &mut metas[n]) {
            Ok(len) => {
                lens[n] = len;
                n += 1;
                if len == 0 && !metas[n - 1].notification {
                    break;
                }
            }
            Err(e) if n == 0 => return Err(e),
            Err(_) => break,
        }
    }
    Ok(n)
}

/// How long a call the kernel blocks in waits before it checks whether the
/// socket was interrupted (SO_RCVTIMEO and SO_SNDTIMEO): the bound on how
/// long `sctpx_close` takes to wake it. The kernel's own blocking keeps the
/// per-message path at one system call (a first non-blocking try, then poll
/// on the socket and a wake-up descriptor, cost request/response 12 % in the
/// emulated A/B); an idle blocked call wakes 40 times a second. Calls that are
/// no per-message path (accept, connect completion) wait in poll instead, where
/// a close wakes them at once.
const WAIT_SLICE: Duration = Duration::from_millis(25);

/// How long a blocking send on the userspace backend waits for usrsctp's
/// next upcall before it tries again (and checks `interrupt`).
const USER_SEND_SLICE: Duration = Duration::from_millis(5);

/// An SCTP_EVENT argument for `kind`. Built from zeroes: the struct ends in
/// a padding byte, and the kernel (and valgrind) read every byte passed.
fn event_param(kind: EventKind) -> sys::sctp_event {
    // SAFETY: sctp_event is plain integers; all-zero is valid.
    let mut ev: sys::sctp_event = unsafe { mem::zeroed() };
    ev.se_type = kind.kernel_type();
    ev
}

/// The first bytes of a notification received into `buf[..n]`, copied to the
/// stack so the payload can then be moved over them.
pub(crate) fn notification_head(buf: &[u8], n: usize) -> ([u8; NOTIFICATION_HEAD], usize) {
    let mut head = [0u8; NOTIFICATION_HEAD];
    let have = n.min(NOTIFICATION_HEAD);
    head[..have].copy_from_slice(&buf[..have]);
    (head, have)
}

/// Decodes a notification whose first bytes are `head` and whose received part
/// is `buf[..n]`, leaving its payload at the start of `buf`.
pub(crate) fn notification_in_place(buf: &mut [u8], n: usize, head: &[u8], truncated: bool) -> Result<Received> {
    let (event, assoc_id, payload_off) = decode_notification(head).ok_or(Error::Os(libc::EPROTO))?;
    Ok(Received {
        event,
        assoc_id,
        len: move_payload(buf, n, head, payload_off),
        complete: true,
        truncated,
        next: None,
    })
}

/// Moves a received notification's payload (from `payload_off` to the end
/// its header declares, within the `n` bytes received) to the start of `buf`;
/// returns its length. Notifications without a payload give 0.
fn move_payload(buf: &mut [u8], n: usize, head: &[u8], payload_off: usize) -> usize {
    // sn_length; a head shorter than the header (a tiny batch slot) has none.
    let declared = head.get(4..8).map_or(0, |b| u32::from_ne_bytes([b[0], b[1], b[2], b[3]]) as usize);
    let end = n.min(declared);
    if payload_off < end {
        buf.copy_within(payload_off..end, 0);
        end - payload_off
    } else {
        0
    }
}

pub(crate) fn validate_send_info(info: &SendInfo) -> Result<()> {
    if info.flags & !SEND_FLAGS_ALL != 0 {
        return Err(Error::InvalidArgument("unknown send flag"));
    }
    if info.pr_policy > PR_PRIO {
        return Err(Error::InvalidArgument("unknown partial-reliability policy"));
    }
    if info.reserved != 0 {
        return Err(Error::InvalidArgument("reserved field must be 0"));
    }
    Ok(())
}

fn pack_all(addrs: &[SocketAddr], buf: &mut [u8]) -> Result<usize> {
    if addrs.is_empty() {
        return Err(Error::InvalidArgument("no addresses"));
    }
    if addrs.len() > msg::MAX_ADDRS {
        return Err(Error::InvalidArgument("too many addresses"));
    }
    Ok(sys::pack_addrs(addrs, buf)?)
}

impl AsRawFd for Socket {
    fn as_raw_fd(&self) -> RawFd {
        self.raw()
    }
}

impl AsFd for Socket {
    fn as_fd(&self) -> BorrowedFd<'_> {
        self.fd.as_fd()
    }
}

impl IntoRawFd for Socket {
    fn into_raw_fd(self) -> RawFd {
        self.fd.into_raw_fd()
    }
}
