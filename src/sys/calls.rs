//! Thin wrappers over the socket-option calls of the kernel SCTP API.
//!
//! Nothing here allocates on the heap: errors are raw OS errors
//! (`io::Error::from_raw_os_error` / `last_os_error`), and every buffer is
//! supplied by the caller.
//!
//! # Packed address lists
//!
//! `bindx`, `connectx` and the `SCTP_GET_*_ADDRS` options exchange address
//! lists in the kernel's *packed* format: `struct sockaddr_in` (16 bytes) and
//! `struct sockaddr_in6` (28 bytes) back to back, without padding, each
//! identified by its leading `sa_family`. [`pack_addrs`] writes such a list
//! into a caller buffer, [`unpack_addrs`] iterates one.
//!
//! # Safety conventions
//!
//! [`getsockopt`] / [`setsockopt`] (raw pointers) and the `*_buf` helpers
//! (any `level`) are `unsafe`: for some options the kernel writes through
//! pointers embedded in the option buffer. [`getsockopt_val`] is `unsafe`
//! because the kernel's bytes must form a valid `T` (guaranteed for
//! [`Pod`](super::Pod) types). [`setsockopt_val`] and the libsctp-style operations
//! (`bindx`, `connectx`, `peeloff`, `getaddrs`) fix the option themselves
//! and are safe. File descriptors are plain [`RawFd`]s; passing a
//! descriptor that is not a socket just yields `ENOTSOCK`/`EBADF`.

use std::io;
use std::mem::size_of;
use std::net::{Ipv4Addr, Ipv6Addr, SocketAddr, SocketAddrV4, SocketAddrV6};
use std::os::fd::RawFd;
use std::ptr;

use libc::{c_int, c_uint, sa_family_t, sockaddr, sockaddr_in, sockaddr_in6, sockaddr_storage, socklen_t};

use super::consts::{
    SCTP_GET_LOCAL_ADDRS, SCTP_GET_PEER_ADDRS, SCTP_SOCKOPT_BINDX_ADD, SCTP_SOCKOPT_BINDX_REM, SCTP_SOCKOPT_CONNECTX,
    SCTP_SOCKOPT_CONNECTX3, SCTP_SOCKOPT_PEELOFF, SCTP_SOCKOPT_PEELOFF_FLAGS, SOL_SCTP,
};
use super::types::{sctp_assoc_t, sctp_getaddrs, sctp_getaddrs_old, sctp_peeloff_arg_t, sctp_peeloff_flags_arg_t};

/// Calls `libc::$fn(args...)` and turns a `-1` return into
/// `Err(io::Error::last_os_error())`; any other value is `Ok(value)`.
///
/// Unlike socket2's macro this one does **not** hide an `unsafe` block: the
/// libc call is made in the caller's context, so every use must sit inside
/// an `unsafe { }` block that states why the call is sound.
macro_rules! syscall {
    ($fn:ident ( $($arg:expr),* $(,)? )) => {{
        let res = ::libc::$fn($($arg),*);
        if res == -1 {
            ::std::result::Result::Err(::std::io::Error::last_os_error())
        } else {
            ::std::result::Result::Ok(res)
        }
    }};
}
pub(crate) use syscall;

/// Size of one packed IPv4 address (`sizeof(struct sockaddr_in)`).
pub const SOCKADDR_IN_LEN: usize = size_of::<sockaddr_in>();
/// Size of one packed IPv6 address (`sizeof(struct sockaddr_in6)`).
pub const SOCKADDR_IN6_LEN: usize = size_of::<sockaddr_in6>();
/// Size of the `struct sctp_getaddrs` header that precedes the addresses
/// returned by `SCTP_GET_PEER_ADDRS` / `SCTP_GET_LOCAL_ADDRS`.
pub const SCTP_GETADDRS_HDR_LEN: usize = size_of::<sctp_getaddrs>();

#[inline]
fn os_err(code: c_int) -> io::Error {
    io::Error::from_raw_os_error(code)
}

/// Converts a buffer length to `socklen_t`, failing with `EINVAL` when it does
/// not fit.
#[inline]
fn to_socklen(len: usize) -> io::Result<socklen_t> {
    socklen_t::try_from(len).map_err(|_| os_err(libc::EINVAL))
}

// ---------------------------------------------------------------------------
// Raw socket option calls.
// ---------------------------------------------------------------------------

/// `getsockopt(2)`: reads option `name` at `level` into `*optval`.
///
/// On entry `*optlen` is the size of the buffer at `optval`; on return it is
/// what the kernel wrote back (for most options the number of bytes filled).
///
/// # Safety
///
/// * `optval` must be valid for reads and writes of `*optlen` bytes and
///   `optlen` must be valid for reads and writes of a `socklen_t`.
/// * The bytes the kernel writes must form a valid `T` (use plain-old-data
///   types: integers, byte arrays and the `repr(C)` structs of
///   [`super::types`]).
/// * If the option makes the kernel follow pointers stored inside the buffer
///   (e.g. `SCTP_SOCKOPT_CONNECTX3`, or other protocols' options), those
///   pointers must be valid for the accesses the kernel makes.
#[inline]
pub unsafe fn getsockopt<T>(
    fd: RawFd,
    level: c_int,
    name: c_int,
    optval: *mut T,
    optlen: *mut socklen_t,
) -> io::Result<()> {
    // SAFETY: forwarded to the caller (see `# Safety`).
    unsafe { syscall!(getsockopt(fd, level, name, optval.cast(), optlen)) }.map(drop)
}

/// `setsockopt(2)`: sets option `name` at `level` from `optlen` bytes at
/// `optval`.
///
/// Returns the syscall's non-negative return value, which is 0 except for
/// `SCTP_SOCKOPT_CONNECTX`, where it is the new association id.
///
/// # Safety
///
/// * `optval` must be valid for reads of `optlen` bytes (it may be null when
///   `optlen` is 0).
/// * If the option makes the kernel follow pointers stored inside the buffer
///   (no `SOL_SCTP` option does, some options of other levels do), those
///   pointers must be valid for the accesses the kernel makes, including
///   writes.
#[inline]
pub unsafe fn setsockopt<T>(
    fd: RawFd,
    level: c_int,
    name: c_int,
    optval: *const T,
    optlen: socklen_t,
) -> io::Result<c_int> {
    // SAFETY: forwarded to the caller (see `# Safety`).
    unsafe { syscall!(setsockopt(fd, level, name, optval.cast(), optlen)) }
}

/// Gets the `SOL_SCTP` option `name` into `*val` (`optlen = size_of::<T>()`).
///
/// `*val` is passed in *and* out: the many SCTP options that take an input
/// (an association id, a peer address, ...) read it from the initial value,
/// so initialise the struct before calling. Returns the length the kernel
/// reported; bytes past it keep their initial value.
///
/// # Safety
///
/// Every bit pattern the kernel may write for option `name` must be a valid
/// `T`: use integers, byte arrays or the `repr(C)` structs of
/// [`super::types`] (all implement [`Pod`](super::Pod); a wrapper bounded by `T: Pod`
/// can call this soundly from safe code), never types with niches (`bool`,
/// enums, references, `NonZero*`). `name` must not be one of the removed
/// options 104..=107 with a `T` holding a pointer (old kernels wrote through
/// it); `SCTP_SOCKOPT_CONNECTX3` belongs to [`connectx`].
#[inline]
pub unsafe fn getsockopt_val<T: Copy>(fd: RawFd, name: c_int, val: &mut T) -> io::Result<socklen_t> {
    let mut len = to_socklen(size_of::<T>())?;
    // SAFETY: `val` is valid for `len` bytes; validity of the written bytes
    // as a `T` and the option choice are the caller's contract.
    unsafe { getsockopt(fd, SOL_SCTP, name, val as *mut T, &mut len) }?;
    Ok(len)
}

/// Sets the `SOL_SCTP` option `name` from `*val` (`optlen = size_of::<T>()`).
///
/// Safe because for every `SOL_SCTP` option the kernel only reads
/// `size_of::<T>()` bytes from `val` (it copies the buffer before
/// interpreting it and never writes through pointers inside it).
#[inline]
pub fn setsockopt_val<T: Copy>(fd: RawFd, name: c_int, val: &T) -> io::Result<()> {
    let len = to_socklen(size_of::<T>())?;
    // SAFETY: `val` is a valid reference to `len` readable bytes; SOL_SCTP
    // set options never write through pointers embedded in the buffer.
    unsafe { setsockopt(fd, SOL_SCTP, name, val as *const T, len) }.map(drop)
}

/// Gets option `name` at `level` into the byte buffer `buf`, which is passed
/// in and out (for options with input fields and trailing flexible arrays
/// such as `SCTP_GET_ASSOC_ID_LIST`, `SCTP_PEER_AUTH_CHUNKS`). Returns the
/// length the kernel reported, clamped to `buf.len()`.
///
/// # Safety
///
/// The option must not make the kernel write through a pointer stored in
/// `buf` unless that pointer is valid for it (no current `SOL_SCTP` option
/// does; the removed `SOL_SCTP` options 104..=107 and e.g.
/// `TCP_ZEROCOPY_RECEIVE` do). Any option that only fills the buffer is
/// fine.
#[inline]
pub unsafe fn getsockopt_buf(fd: RawFd, level: c_int, name: c_int, buf: &mut [u8]) -> io::Result<usize> {
    let mut len = socklen_t::try_from(buf.len()).unwrap_or(socklen_t::MAX);
    // SAFETY: `buf` is valid for `len` bytes and any bytes are valid; the
    // option choice is the caller's contract.
    unsafe { getsockopt(fd, level, name, buf.as_mut_ptr(), &mut len) }?;
    Ok((len as usize).min(buf.len()))
}

/// Sets option `name` at `level` from the byte buffer `buf` (for options with
/// trailing flexible arrays such as `SCTP_RESET_STREAMS`, `SCTP_AUTH_KEY`,
/// `SCTP_HMAC_IDENT`).
///
/// # Safety
///
/// The option must not make the kernel follow a pointer stored in `buf`
/// unless that pointer is valid for it. No `SOL_SCTP` option does, so any
/// call with `level == SOL_SCTP` is sound; some options of other levels
/// (e.g. netfilter's `IPT_SO_SET_REPLACE`) write through such pointers.
#[inline]
pub unsafe fn setsockopt_buf(fd: RawFd, level: c_int, name: c_int, buf: &[u8]) -> io::Result<()> {
    let len = to_socklen(buf.len())?;
    // SAFETY: `buf` is valid for `len` bytes; the option choice is the
    // caller's contract.
    unsafe { setsockopt(fd, level, name, buf.as_ptr(), len) }.map(drop)
}

// ---------------------------------------------------------------------------
// sctp_bindx / sctp_connectx / sctp_peeloff / sctp_get[pl]addrs.
// ---------------------------------------------------------------------------

/// `sctp_bindx()`: adds (`add == true`, `SCTP_SOCKOPT_BINDX_ADD`) or removes
/// (`SCTP_SOCKOPT_BINDX_REM`) the packed addresses `addrs_packed` (see
/// [`pack_addrs`]) to/from the socket's bound set. The kernel validates the
/// list and fails with `EINVAL` when it is empty or malformed.
pub fn bindx(fd: RawFd, addrs_packed: &[u8], add: bool) -> io::Result<()> {
    let name = if add { SCTP_SOCKOPT_BINDX_ADD } else { SCTP_SOCKOPT_BINDX_REM };
    let len = to_socklen(addrs_packed.len())?;
    // SAFETY: the kernel reads exactly `len` bytes of `addrs_packed`.
    unsafe { setsockopt(fd, SOL_SCTP, name, addrs_packed.as_ptr(), len) }.map(drop)
}

/// `sctp_connectx()`: starts an association to the packed peer addresses
/// `addrs_packed` (see [`pack_addrs`]) and returns its association id.
///
/// On a non-blocking socket this fails with `EINPROGRESS` like `connect(2)`;
/// use [`connectx_with_progress`] to also get the association id then.
pub fn connectx(fd: RawFd, addrs_packed: &[u8]) -> io::Result<sctp_assoc_t> {
    match connectx_with_progress(fd, addrs_packed)? {
        (id, false) => Ok(id),
        (_, true) => Err(os_err(libc::EINPROGRESS)),
    }
}

/// `sctp_connectx()` that reports `EINPROGRESS` as success: returns
/// `(assoc_id, in_progress)`, where `in_progress` is true when the socket is
/// non-blocking and the handshake is still running (wait for writability or
/// an `SCTP_ASSOC_CHANGE` notification).
///
/// Uses `getsockopt(SCTP_SOCKOPT_CONNECTX3)` with a `struct
/// sctp_getaddrs_old { assoc_id, addr_num, addrs }` argument (16 bytes on
/// 64-bit targets) where `addr_num` is the **byte length** of the packed
/// list; the kernel writes the association id over `assoc_id` both on
/// success and on `EINPROGRESS`. Kernels without that option (`ENOPROTOOPT`)
/// fall back to `setsockopt(SCTP_SOCKOPT_CONNECTX)`, whose positive return
/// value is the association id; that interface cannot report the id on
/// `EINPROGRESS`, so the result is then `(0, true)`.
pub fn connectx_with_progress(fd: RawFd, addrs_packed: &[u8]) -> io::Result<(sctp_assoc_t, bool)> {
    let addr_num = c_int::try_from(addrs_packed.len()).map_err(|_| os_err(libc::EINVAL))?;
    let mut param = sctp_getaddrs_old {
        assoc_id: 0,
        addr_num,
        // The kernel only reads through this pointer (memdup_user).
        addrs: addrs_packed.as_ptr() as *mut sockaddr,
    };
    let mut len = size_of::<sctp_getaddrs_old>() as socklen_t;
    // SAFETY: `param` is a valid, writable `sctp_getaddrs_old` of `len`
    // bytes; `param.addrs` points to `addr_num` readable bytes that outlive
    // the call; the kernel writes back only an `sctp_assoc_t` into `param`.
    let res = unsafe { getsockopt(fd, SOL_SCTP, SCTP_SOCKOPT_CONNECTX3, &mut param, &mut len) };
    match res {
        Ok(()) => Ok((param.assoc_id, false)),
        Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => Ok((param.assoc_id, true)),
        Err(e) if e.raw_os_error() == Some(libc::ENOPROTOOPT) => {
            let len = to_socklen(addrs_packed.len())?;
            // SAFETY: the kernel reads exactly `len` bytes of `addrs_packed`.
            let res = unsafe { setsockopt(fd, SOL_SCTP, SCTP_SOCKOPT_CONNECTX, addrs_packed.as_ptr(), len) };
            match res {
                Ok(id) => Ok((id, false)),
                Err(e) if e.raw_os_error() == Some(libc::EINPROGRESS) => Ok((0, true)),
                Err(e) => Err(e),
            }
        }
        Err(e) => Err(e),
    }
}

/// `sctp_peeloff()`: branches association `assoc` of a one-to-many socket off
/// into a new one-to-one socket and returns its descriptor, which the caller
/// owns (wrap it in `OwnedFd`/`socket2::Socket`).
///
/// `flags` (the kernel's `unsigned flags` field) may contain
/// `libc::O_NONBLOCK as u32` and `libc::O_CLOEXEC as u32` (equal to
/// `SOCK_NONBLOCK` / `SOCK_CLOEXEC`); other bits fail with `EINVAL`. Uses
/// `SCTP_SOCKOPT_PEELOFF_FLAGS` (Linux 4.13+, flags applied atomically); on
/// `ENOPROTOOPT`/`EINVAL` it retries with `SCTP_SOCKOPT_PEELOFF` and applies
/// the flags with `fcntl` (not atomic with respect to a concurrent `exec`).
pub fn peeloff(fd: RawFd, assoc: sctp_assoc_t, flags: c_uint) -> io::Result<RawFd> {
    const ALLOWED: c_uint = (libc::O_NONBLOCK | libc::O_CLOEXEC) as c_uint;
    if flags & !ALLOWED != 0 {
        return Err(os_err(libc::EINVAL));
    }
    let mut arg = sctp_peeloff_flags_arg_t { p_arg: sctp_peeloff_arg_t { associd: assoc, sd: -1 }, flags };
    let mut len = size_of::<sctp_peeloff_flags_arg_t>() as socklen_t;
    // SAFETY: `arg` is a writable plain-integer struct of `len` bytes.
    let res = unsafe { getsockopt(fd, SOL_SCTP, SCTP_SOCKOPT_PEELOFF_FLAGS, &mut arg, &mut len) };
    match res {
        Ok(()) => return Ok(arg.p_arg.sd),
        Err(e) if matches!(e.raw_os_error(), Some(libc::ENOPROTOOPT) | Some(libc::EINVAL)) => {}
        Err(e) => return Err(e),
    }

    let mut arg = sctp_peeloff_arg_t { associd: assoc, sd: -1 };
    let mut len = size_of::<sctp_peeloff_arg_t>() as socklen_t;
    // SAFETY: as above.
    unsafe { getsockopt(fd, SOL_SCTP, SCTP_SOCKOPT_PEELOFF, &mut arg, &mut len) }?;
    let new_fd = arg.sd;
    if let Err(e) = apply_fd_flags(new_fd, flags as c_int) {
        // SAFETY: `new_fd` was just created by the kernel for us and has not
        // been handed out; closing it cannot affect anything else.
        unsafe { libc::close(new_fd) };
        return Err(e);
    }
    Ok(new_fd)
}

/// Applies `O_NONBLOCK` / `O_CLOEXEC` from `flags` to `fd` with `fcntl`.
fn apply_fd_flags(fd: RawFd, flags: c_int) -> io::Result<()> {
    if flags & libc::O_CLOEXEC != 0 {
        // SAFETY: plain fcntl on a descriptor we own.
        unsafe { syscall!(fcntl(fd, libc::F_SETFD, libc::FD_CLOEXEC)) }?;
    }
    if flags & libc::O_NONBLOCK != 0 {
        // SAFETY: plain fcntl on a descriptor we own.
        let fl = unsafe { syscall!(fcntl(fd, libc::F_GETFL)) }?;
        // SAFETY: as above.
        unsafe { syscall!(fcntl(fd, libc::F_SETFL, fl | libc::O_NONBLOCK)) }?;
    }
    Ok(())
}

/// `sctp_getpaddrs()` / `sctp_getladdrs()` without allocation: fills `buf`
/// with the peer (`local == false`, `SCTP_GET_PEER_ADDRS`) or local
/// (`SCTP_GET_LOCAL_ADDRS`) addresses of association `assoc` and returns `n`
/// such that `buf[..n]` is the packed address list (iterate it with
/// [`unpack_addrs`]).
///
/// The kernel needs `buf` to hold the 8-byte `struct sctp_getaddrs` header
/// plus all addresses (16 bytes per IPv4, 28 per IPv6 address); when it is
/// too small the call fails with `ENOMEM` (grow the buffer and retry). The
/// header is moved out of the way before returning. For local addresses the
/// kernel allocates a temporary buffer of `buf.len()` bytes, so keep `buf`
/// reasonably sized (a few KiB up to 64 KiB).
///
/// `assoc == 0` asks for the endpoint's bound addresses with `local == true`
/// and for the only association of a one-to-one socket with `local == false`.
pub fn getaddrs(fd: RawFd, assoc: sctp_assoc_t, local: bool, buf: &mut [u8]) -> io::Result<usize> {
    if buf.len() < SCTP_GETADDRS_HDR_LEN {
        return Err(os_err(libc::EINVAL));
    }
    let hdr = sctp_getaddrs { assoc_id: assoc, addr_num: 0, addrs: [] };
    // SAFETY: `buf` has at least `size_of::<sctp_getaddrs>()` writable bytes;
    // the write is unaligned-safe.
    unsafe { ptr::write_unaligned(buf.as_mut_ptr().cast::<sctp_getaddrs>(), hdr) };
    let name = if local { SCTP_GET_LOCAL_ADDRS } else { SCTP_GET_PEER_ADDRS };
    // SAFETY: SCTP_GET_{PEER,LOCAL}_ADDRS only fill `buf`.
    unsafe { getsockopt_buf(fd, SOL_SCTP, name, buf) }?;
    finish_getaddrs(buf)
}

/// Post-processing of [`getaddrs`]: measures the `addr_num` packed addresses
/// following the header (the returned `optlen` is not used because the
/// kernel reports it inconsistently: it includes the header for peer
/// addresses but not for local ones) and moves them to the start of `buf`.
fn finish_getaddrs(buf: &mut [u8]) -> io::Result<usize> {
    // SAFETY: the caller checked `buf.len() >= SCTP_GETADDRS_HDR_LEN`.
    let hdr: sctp_getaddrs = unsafe { ptr::read_unaligned(buf.as_ptr().cast::<sctp_getaddrs>()) };
    let body = &buf[SCTP_GETADDRS_HDR_LEN..];
    let mut off = 0usize;
    for _ in 0..hdr.addr_num {
        let len = packed_entry_len(&body[off..]).ok_or_else(|| os_err(libc::EINVAL))?;
        off += len;
    }
    buf.copy_within(SCTP_GETADDRS_HDR_LEN..SCTP_GETADDRS_HDR_LEN + off, 0);
    Ok(off)
}

// ---------------------------------------------------------------------------
// Packed address lists.
// ---------------------------------------------------------------------------

/// Number of bytes `addr` takes in a packed list (16 or 28).
#[inline]
pub fn packed_len(addr: &SocketAddr) -> usize {
    match addr {
        SocketAddr::V4(_) => SOCKADDR_IN_LEN,
        SocketAddr::V6(_) => SOCKADDR_IN6_LEN,
    }
}

/// Number of bytes `addrs` take in a packed list.
#[inline]
pub fn packed_addrs_len(addrs: &[SocketAddr]) -> usize {
    addrs.iter().map(packed_len).sum()
}

/// Writes `addr` as a `sockaddr_in` / `sockaddr_in6` at the start of `out`
/// and returns the number of bytes written; `ENOBUFS` if `out` is too small.
/// IPv6 `flowinfo` and `scope_id` are stored as given (like `std`).
pub fn pack_addr(addr: &SocketAddr, out: &mut [u8]) -> io::Result<usize> {
    let need = packed_len(addr);
    if out.len() < need {
        return Err(os_err(libc::ENOBUFS));
    }
    match addr {
        SocketAddr::V4(a) => {
            let sin = sockaddr_in_from(a);
            // SAFETY: `out` has at least 16 writable bytes; unaligned write.
            unsafe { ptr::write_unaligned(out.as_mut_ptr().cast::<sockaddr_in>(), sin) };
        }
        SocketAddr::V6(a) => {
            let sin6 = sockaddr_in6_from(a);
            // SAFETY: `out` has at least 28 writable bytes; unaligned write.
            unsafe { ptr::write_unaligned(out.as_mut_ptr().cast::<sockaddr_in6>(), sin6) };
        }
    }
    Ok(need)
}

/// Packs `addrs` back to back into `out` and returns the number of bytes
/// used (`buf[..n]` is what `bindx`/`connectx` take). Fails with `ENOBUFS`
/// if `out` is shorter than [`packed_addrs_len`]`(addrs)`; nothing is
/// allocated.
pub fn pack_addrs(addrs: &[SocketAddr], out: &mut [u8]) -> io::Result<usize> {
    if out.len() < packed_addrs_len(addrs) {
        return Err(os_err(libc::ENOBUFS));
    }
    let mut off = 0;
    for a in addrs {
        off += pack_addr(a, &mut out[off..])?;
    }
    Ok(off)
}

/// [`pack_addrs`] for `socket2::SockAddr`s; addresses that are not IPv4 or
/// IPv6 fail with `EAFNOSUPPORT`.
pub fn pack_sockaddrs(addrs: &[socket2::SockAddr], out: &mut [u8]) -> io::Result<usize> {
    let mut off = 0;
    for a in addrs {
        let sa = a.as_socket().ok_or_else(|| os_err(libc::EAFNOSUPPORT))?;
        off += pack_addr(&sa, &mut out[off..])?;
    }
    Ok(off)
}

/// Iterates the packed address list `buf` (as produced by [`pack_addrs`] or
/// returned by [`getaddrs`]).
#[inline]
pub fn unpack_addrs(buf: &[u8]) -> PackedAddrs<'_> {
    PackedAddrs { buf }
}

/// Iterator over a packed address list, see [`unpack_addrs`].
///
/// Yields `Err(EINVAL)` once (and then stops) if it meets an entry whose
/// family is neither `AF_INET` nor `AF_INET6` or that is truncated.
/// v4-mapped IPv6 addresses are returned as `SocketAddr::V6`.
#[derive(Clone, Debug)]
pub struct PackedAddrs<'a> {
    buf: &'a [u8],
}

impl PackedAddrs<'_> {
    /// The not yet iterated rest of the list.
    #[inline]
    pub fn remaining(&self) -> &[u8] {
        self.buf
    }
}

impl Iterator for PackedAddrs<'_> {
    type Item = io::Result<SocketAddr>;

    fn next(&mut self) -> Option<Self::Item> {
        if self.buf.is_empty() {
            return None;
        }
        match parse_packed_addr(self.buf) {
            Some((addr, len)) => {
                self.buf = &self.buf[len..];
                Some(Ok(addr))
            }
            None => {
                self.buf = &[];
                Some(Err(os_err(libc::EINVAL)))
            }
        }
    }
}

impl std::iter::FusedIterator for PackedAddrs<'_> {}

/// Reads the `sa_family` at the start of `buf`.
#[inline]
fn family_of(buf: &[u8]) -> Option<c_int> {
    let b = buf.get(..size_of::<sa_family_t>())?;
    Some(c_int::from(sa_family_t::from_ne_bytes([b[0], b[1]])))
}

/// Length of the packed entry at the start of `buf`, if well formed.
#[inline]
fn packed_entry_len(buf: &[u8]) -> Option<usize> {
    let len = match family_of(buf)? {
        libc::AF_INET => SOCKADDR_IN_LEN,
        libc::AF_INET6 => SOCKADDR_IN6_LEN,
        _ => return None,
    };
    if buf.len() < len {
        None
    } else {
        Some(len)
    }
}

/// Parses the packed entry at the start of `buf` into an address and its
/// length in bytes.
fn parse_packed_addr(buf: &[u8]) -> Option<(SocketAddr, usize)> {
    let len = packed_entry_len(buf)?;
    let addr = if len == SOCKADDR_IN_LEN {
        // SAFETY: `buf` holds at least 16 bytes; any bit pattern is a valid
        // `sockaddr_in`; unaligned read.
        let sin = unsafe { ptr::read_unaligned(buf.as_ptr().cast::<sockaddr_in>()) };
        SocketAddr::V4(socket_addr_v4_from(&sin))
    } else {
        // SAFETY: `buf` holds at least 28 bytes; any bit pattern is a valid
        // `sockaddr_in6`; unaligned read.
        let sin6 = unsafe { ptr::read_unaligned(buf.as_ptr().cast::<sockaddr_in6>()) };
        SocketAddr::V6(socket_addr_v6_from(&sin6))
    };
    Some((addr, len))
}

// ---------------------------------------------------------------------------
// sockaddr_storage <-> SocketAddr (for sctp_prim, sctp_paddrinfo, ...).
// ---------------------------------------------------------------------------

/// Converts a `sockaddr_storage` (e.g. copied out of `sctp_paddr_change`,
/// `sctp_paddrinfo`) to a `SocketAddr`; `None` for other families.
pub fn socket_addr_from_storage(ss: &sockaddr_storage) -> Option<SocketAddr> {
    // SAFETY: a `&sockaddr_storage` is wholly initialised.
    unsafe { socket_addr_from_raw(ss, size_of::<sockaddr_storage>()) }
}

/// Converts an address of which only the first `len` bytes were written (a
/// recvmsg source address: the kernel may give none, and the rest of the
/// storage may be uninitialised); `None` when `len` is too short for its
/// family or the family is not AF_INET/AF_INET6. Bytes past `len` are never
/// read.
///
/// # Safety
/// `ss` must point at a `sockaddr_storage` whose first `len` bytes are
/// initialised.
#[inline]
pub unsafe fn socket_addr_from_raw(ss: *const sockaddr_storage, len: usize) -> Option<SocketAddr> {
    if len < size_of::<sa_family_t>() {
        return None;
    }
    // The family says which sockaddr the storage (large and aligned enough
    // for any) holds; its length says the whole of it was written.
    match c_int::from((*ss).ss_family) {
        libc::AF_INET if len >= SOCKADDR_IN_LEN => {
            Some(SocketAddr::V4(socket_addr_v4_from(&*ss.cast::<sockaddr_in>())))
        }
        libc::AF_INET6 if len >= SOCKADDR_IN6_LEN => {
            Some(SocketAddr::V6(socket_addr_v6_from(&*ss.cast::<sockaddr_in6>())))
        }
        _ => None,
    }
}

/// Writes `addr` zero-padded into `out` in place (no temporary copy of the
/// 128-byte storage) and returns its length (16 or 28).
#[inline]
pub fn write_socket_addr(addr: &SocketAddr, out: &mut sockaddr_storage) -> socklen_t {
    // SAFETY: sockaddr_storage is plain data; all-zero is valid.
    unsafe { ptr::write_bytes(out as *mut sockaddr_storage, 0, 1) };
    write_socket_addr_unpadded(addr, out)
}

/// Writes only the address's own bytes (a whole sockaddr_in or
/// sockaddr_in6, 16 or 28) and returns that length; the rest of the storage
/// is left as it was.
#[inline]
pub fn write_socket_addr_unpadded(addr: &SocketAddr, out: &mut sockaddr_storage) -> socklen_t {
    let p = out as *mut sockaddr_storage;
    // SAFETY: sockaddr_storage is large and aligned enough for either type.
    unsafe {
        match addr {
            SocketAddr::V4(a) => {
                ptr::write(p.cast::<sockaddr_in>(), sockaddr_in_from(a));
                SOCKADDR_IN_LEN as socklen_t
            }
            SocketAddr::V6(a) => {
                ptr::write(p.cast::<sockaddr_in6>(), sockaddr_in6_from(a));
                SOCKADDR_IN6_LEN as socklen_t
            }
        }
    }
}

#[inline]
fn sockaddr_in_from(a: &SocketAddrV4) -> sockaddr_in {
    // SAFETY: all-zero is a valid sockaddr_in (also zeroes `sin_zero`).
    let mut sin: sockaddr_in = unsafe { std::mem::zeroed() };
    sin.sin_family = libc::AF_INET as sa_family_t;
    sin.sin_port = a.port().to_be();
    sin.sin_addr.s_addr = u32::from_ne_bytes(a.ip().octets());
    sin
}

#[inline]
fn sockaddr_in6_from(a: &SocketAddrV6) -> sockaddr_in6 {
    // SAFETY: all-zero is a valid sockaddr_in6.
    let mut sin6: sockaddr_in6 = unsafe { std::mem::zeroed() };
    sin6.sin6_family = libc::AF_INET6 as sa_family_t;
    sin6.sin6_port = a.port().to_be();
    sin6.sin6_flowinfo = a.flowinfo();
    sin6.sin6_addr.s6_addr = a.ip().octets();
    sin6.sin6_scope_id = a.scope_id();
    sin6
}

#[inline]
fn socket_addr_v4_from(sin: &sockaddr_in) -> SocketAddrV4 {
    SocketAddrV4::new(Ipv4Addr::from(sin.sin_addr.s_addr.to_ne_bytes()), u16::from_be(sin.sin_port))
}

#[inline]
fn socket_addr_v6_from(sin6: &sockaddr_in6) -> SocketAddrV6 {
    SocketAddrV6::new(
        Ipv6Addr::from(sin6.sin6_addr.s6_addr),
        u16::from_be(sin6.sin6_port),
        sin6.sin6_flowinfo,
        sin6.sin6_scope_id,
    )
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> [SocketAddr; 3] {
        [
            "192.0.2.1:5000".parse().unwrap(),
            SocketAddr::V6(SocketAddrV6::new("2001:db8::7".parse().unwrap(), 36412, 0x12345, 3)),
            "[::ffff:198.51.100.9]:1".parse().unwrap(),
        ]
    }

    #[test]
    fn pack_layout_matches_kernel_format() {
        let addrs = sample();
        let mut buf = [0xAAu8; 128];
        let n = pack_addrs(&addrs, &mut buf).unwrap();
        assert_eq!(n, 16 + 28 + 28);
        assert_eq!(n, packed_addrs_len(&addrs));
        // sockaddr_in: family (native), port (BE), addr (BE), zero[8].
        assert_eq!(&buf[0..2], &(libc::AF_INET as u16).to_ne_bytes());
        assert_eq!(&buf[2..4], &5000u16.to_be_bytes());
        assert_eq!(&buf[4..8], &[192, 0, 2, 1]);
        assert_eq!(&buf[8..16], &[0; 8]);
        // sockaddr_in6: family, port, flowinfo, addr, scope_id.
        assert_eq!(&buf[16..18], &(libc::AF_INET6 as u16).to_ne_bytes());
        assert_eq!(&buf[18..20], &36412u16.to_be_bytes());
        assert_eq!(&buf[20..24], &0x12345u32.to_ne_bytes());
        assert_eq!(&buf[24..40], &"2001:db8::7".parse::<Ipv6Addr>().unwrap().octets());
        assert_eq!(&buf[40..44], &3u32.to_ne_bytes());
        // Nothing written past n.
        assert!(buf[n..].iter().all(|&b| b == 0xAA));
    }

    #[test]
    fn pack_unpack_roundtrip() {
        let addrs = sample();
        let mut buf = [0u8; 72];
        let n = pack_addrs(&addrs, &mut buf).unwrap();
        let back: Vec<SocketAddr> = unpack_addrs(&buf[..n]).map(Result::unwrap).collect();
        assert_eq!(back, addrs);

        let socks: Vec<socket2::SockAddr> = addrs.iter().map(|a| (*a).into()).collect();
        let mut buf2 = [0u8; 72];
        assert_eq!(pack_sockaddrs(&socks, &mut buf2).unwrap(), n);
        assert_eq!(buf, buf2);
    }

    #[test]
    fn pack_rejects_short_buffer() {
        let addrs = sample();
        let mut buf = [0u8; 71];
        let e = pack_addrs(&addrs, &mut buf).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOBUFS));
        let socks: Vec<socket2::SockAddr> = addrs.iter().map(|a| (*a).into()).collect();
        let e = pack_sockaddrs(&socks, &mut buf).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOBUFS));
    }

    #[test]
    fn unpack_stops_on_garbage() {
        let mut buf = [0u8; 16 + 10];
        let n = pack_addr(&"10.0.0.1:1".parse().unwrap(), &mut buf).unwrap();
        buf[n..n + 2].copy_from_slice(&(libc::AF_INET6 as u16).to_ne_bytes());
        let mut it = unpack_addrs(&buf);
        assert!(it.next().unwrap().is_ok());
        assert_eq!(it.next().unwrap().unwrap_err().raw_os_error(), Some(libc::EINVAL));
        assert!(it.next().is_none());
        let mut it = unpack_addrs(&[1, 2, 3]);
        assert!(it.next().unwrap().is_err());
        assert!(it.next().is_none());
    }

    #[test]
    fn storage_roundtrip() {
        for a in sample() {
            // SAFETY: all-zero is a valid sockaddr_storage.
            let mut ss: sockaddr_storage = unsafe { std::mem::zeroed() };
            let len = write_socket_addr(&a, &mut ss);
            assert_eq!(len as usize, packed_len(&a));
            assert_eq!(socket_addr_from_storage(&ss), Some(a));
        }
        // SAFETY: all-zero is a valid sockaddr_storage.
        let zero: sockaddr_storage = unsafe { std::mem::zeroed() };
        assert_eq!(socket_addr_from_storage(&zero), None);
    }

    #[test]
    fn finish_getaddrs_moves_addresses_to_front() {
        let addrs = sample();
        let mut buf = [0u8; 256];
        let n = pack_addrs(&addrs, &mut buf[SCTP_GETADDRS_HDR_LEN..]).unwrap();
        let hdr = sctp_getaddrs { assoc_id: 5, addr_num: addrs.len() as u32, addrs: [] };
        unsafe { ptr::write_unaligned(buf.as_mut_ptr().cast::<sctp_getaddrs>(), hdr) };
        // Trailing junk after the announced addresses is ignored.
        buf[SCTP_GETADDRS_HDR_LEN + n] = 0xFF;
        assert_eq!(finish_getaddrs(&mut buf).unwrap(), n);
        let back: Vec<SocketAddr> = unpack_addrs(&buf[..n]).map(Result::unwrap).collect();
        assert_eq!(back, addrs);

        // addr_num larger than what the buffer holds -> EINVAL, no panic.
        let hdr = sctp_getaddrs { assoc_id: 5, addr_num: 1000, addrs: [] };
        let mut small = [0u8; 8 + 16];
        unsafe { ptr::write_unaligned(small.as_mut_ptr().cast::<sctp_getaddrs>(), hdr) };
        pack_addr(&"10.0.0.1:1".parse().unwrap(), &mut small[8..]).unwrap();
        assert_eq!(finish_getaddrs(&mut small).unwrap_err().raw_os_error(), Some(libc::EINVAL));
    }

    #[test]
    fn calls_on_non_socket_fail_cleanly() {
        // No SCTP needed: a pipe is not a socket.
        let mut fds = [0; 2];
        assert_eq!(unsafe { libc::pipe(fds.as_mut_ptr()) }, 0);
        let mut buf = [0u8; 64];
        let e = getaddrs(fds[0], 0, false, &mut buf).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOTSOCK));
        let e = connectx(fds[0], &buf[..16]).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOTSOCK));
        let e = peeloff(fds[0], 1, libc::O_CLOEXEC as u32).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOTSOCK));
        assert_eq!(peeloff(fds[0], 1, 1 << 30).unwrap_err().raw_os_error(), Some(libc::EINVAL));
        let e = bindx(fds[0], &buf[..16], true).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOTSOCK));
        let e = setsockopt_val(fds[0], super::super::consts::SCTP_NODELAY, &1i32).unwrap_err();
        assert_eq!(e.raw_os_error(), Some(libc::ENOTSOCK));
        assert_eq!(getaddrs(fds[0], 0, true, &mut buf[..4]).unwrap_err().raw_os_error(), Some(libc::EINVAL));
        unsafe {
            libc::close(fds[0]);
            libc::close(fds[1]);
        }
    }
}
