//! sendmsg/recvmsg plumbing with SCTP control messages, on the stack.
//!
//! Nothing here allocates: control buffers, iovecs and mmsghdr arrays live in
//! fixed-size stack arrays, so the per-message path does no heap allocation.

use std::io;
use std::mem::{self, size_of, MaybeUninit};
use std::os::fd::RawFd;
use std::ptr;

use libc::{c_void, cmsghdr, iovec, msghdr, sockaddr_storage};
use socket2::SockAddr;

use crate::event::{DataInfo, NextInfo};
use crate::socket::SendMsg;
use crate::sys;
use crate::types::*;

/// Most addresses accepted by one bindx/connectx call.
pub(crate) const MAX_ADDRS: usize = 64;
/// Most messages handed to the kernel by one sendmmsg/recvmmsg call; larger
/// batches are split.
pub(crate) const MAX_BATCH: usize = 64;

/// Control-message space: SNDINFO + PRINFO on send, RCVINFO (+ NXTINFO) on
/// receive, with headroom. u64 elements keep cmsghdr alignment.
const CMSG_WORDS: usize = 16;
type CmsgBuf = [u64; CMSG_WORDS];

fn cmsg_space(len: usize) -> usize {
    // SAFETY: CMSG_SPACE is a pure arithmetic macro.
    unsafe { libc::CMSG_SPACE(len as u32) as usize }
}

/// Fills the control buffer for one send and returns its length. Only the
/// bytes up to that length are written (all of them: the kernel reads every
/// byte it is handed), so the buffer need not be initialised first.
#[inline]
fn build_send_cmsgs(cbuf: &mut MaybeUninit<CmsgBuf>, info: &SendInfo) -> usize {
    let snd = sys::sctp_sndinfo {
        snd_sid: info.stream,
        snd_flags: info.flags,
        // The PPID travels in network byte order; the API is host order.
        snd_ppid: info.ppid.to_be(),
        snd_context: info.context,
        snd_assoc_id: info.assoc_id,
    };
    let base = cbuf.as_mut_ptr() as *mut u8;
    let mut used = 0;
    // cmsghdr (16 bytes) + sctp_sndinfo (16) and + sctp_prinfo (8) have no
    // padding and fill their CMSG_SPACE exactly: nothing is left unwritten.
    const _: () = assert!(size_of::<cmsghdr>() == 16 && size_of::<sys::sctp_sndinfo>() == 16);
    const _: () = assert!(size_of::<sys::sctp_prinfo>() == 8);
    // SAFETY: the buffer holds CMSG_WORDS*8 = 128 bytes, more than the two
    // control messages written (32 + 24 bytes), and is u64-aligned.
    unsafe {
        let h = base as *mut cmsghdr;
        (*h).cmsg_level = sys::IPPROTO_SCTP;
        (*h).cmsg_type = sys::SCTP_SNDINFO;
        (*h).cmsg_len = libc::CMSG_LEN(size_of::<sys::sctp_sndinfo>() as u32) as _;
        ptr::write_unaligned(libc::CMSG_DATA(h) as *mut sys::sctp_sndinfo, snd);
        used += cmsg_space(size_of::<sys::sctp_sndinfo>());
        if info.pr_policy != PR_NONE {
            // From zeroes: sctp_prinfo has two padding bytes after pr_policy,
            // and the kernel is handed every byte.
            let mut pr: sys::sctp_prinfo = mem::zeroed();
            pr.pr_policy = match info.pr_policy {
                PR_TTL => sys::SCTP_PR_SCTP_TTL,
                PR_RTX => sys::SCTP_PR_SCTP_RTX,
                _ => sys::SCTP_PR_SCTP_PRIO,
            };
            pr.pr_value = info.pr_value;
            let h = base.add(used) as *mut cmsghdr;
            (*h).cmsg_level = sys::IPPROTO_SCTP;
            (*h).cmsg_type = sys::SCTP_PRINFO;
            (*h).cmsg_len = libc::CMSG_LEN(size_of::<sys::sctp_prinfo>() as u32) as _;
            ptr::write_unaligned(libc::CMSG_DATA(h) as *mut sys::sctp_prinfo, pr);
            used += cmsg_space(size_of::<sys::sctp_prinfo>());
        }
    }
    used
}

/// Control-message space of a set-up send: SNDINFO, PRINFO, INIT and up to
/// MAX_ADDRS - 1 DSTADDRV6 (32 bytes each).
const SETUP_CMSG_WORDS: usize = CMSG_WORDS + 4 + (MAX_ADDRS - 1) * 4;

/// Appends one control message of `T` at `used` bytes into `buf`; returns the new length.
///
/// # Safety
/// `buf` is u64-aligned and has room for `cmsg_space(size_of::<T>())` bytes at `used`.
unsafe fn push_cmsg<T>(buf: *mut u8, used: usize, kind: libc::c_int, v: T) -> usize {
    let space = cmsg_space(size_of::<T>());
    // Zeroes first: the padding after a short payload (in_addr) is handed to the kernel too.
    ptr::write_bytes(buf.add(used), 0, space);
    let h = buf.add(used) as *mut cmsghdr;
    (*h).cmsg_level = sys::IPPROTO_SCTP;
    (*h).cmsg_type = kind;
    (*h).cmsg_len = libc::CMSG_LEN(size_of::<T>() as u32) as _;
    ptr::write_unaligned(libc::CMSG_DATA(h) as *mut T, v);
    used + space
}

/// One sendmsg that may set an association up: SNDINFO (and PRINFO) as
/// `send`, an SCTP_INIT with `init`, and an SCTP_DSTADDRV4/V6 per address of
/// `more`. Off the per-message path: its larger buffer costs only here.
#[cold]
pub(crate) fn send_setup(
    fd: RawFd,
    data: &[u8],
    info: &SendInfo,
    to: &SockAddr,
    more: &[std::net::SocketAddr],
    init: Option<&InitMsg>,
) -> io::Result<usize> {
    let mut cbuf = [0u64; SETUP_CMSG_WORDS];
    // SAFETY: the first CMSG_WORDS words are a CmsgBuf.
    let mut used = build_send_cmsgs(unsafe { &mut *(cbuf.as_mut_ptr() as *mut MaybeUninit<CmsgBuf>) }, info);
    let base = cbuf.as_mut_ptr() as *mut u8;
    // SAFETY: SETUP_CMSG_WORDS leaves room for INIT (24 bytes) and one
    // DSTADDRV6 (32 bytes, the larger) per address; `more` has fewer than MAX_ADDRS.
    unsafe {
        if let Some(m) = init {
            let v = sys::sctp_initmsg {
                sinit_num_ostreams: m.num_ostreams,
                sinit_max_instreams: m.max_instreams,
                sinit_max_attempts: m.max_attempts,
                sinit_max_init_timeo: m.max_init_timeo,
            };
            used = push_cmsg(base, used, sys::SCTP_INIT, v);
        }
        for a in more.iter().take(MAX_ADDRS - 1) {
            used = match a.ip() {
                std::net::IpAddr::V4(ip) => push_cmsg(
                    base,
                    used,
                    sys::SCTP_DSTADDRV4,
                    libc::in_addr { s_addr: u32::from_ne_bytes(ip.octets()) },
                ),
                std::net::IpAddr::V6(ip) => {
                    push_cmsg(base, used, sys::SCTP_DSTADDRV6, libc::in6_addr { s6_addr: ip.octets() })
                }
            };
        }
    }
    let mut iov = iovec { iov_base: data.as_ptr() as *mut c_void, iov_len: data.len() };
    let mut m = empty_msghdr();
    m.msg_name = to.as_ptr() as *mut c_void;
    m.msg_namelen = to.len();
    m.msg_iov = &mut iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf.as_mut_ptr() as *mut c_void;
    m.msg_controllen = used as _;
    sendmsg(fd, &m)
}

/// sendmsg, again after EINTR.
#[inline(always)]
fn sendmsg(fd: RawFd, m: &msghdr) -> io::Result<usize> {
    loop {
        // SAFETY: the caller's `m` points only at live memory.
        let r = unsafe { libc::sendmsg(fd, m, libc::MSG_NOSIGNAL) };
        if r >= 0 {
            return Ok(r as usize);
        }
        let e = send_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    }
}

fn empty_msghdr() -> msghdr {
    // SAFETY: msghdr is plain data; all-zero is a valid empty header.
    unsafe { mem::zeroed() }
}

/// One sendmsg with SCTP_SNDINFO (and SCTP_PRINFO when a policy is set), or
/// with no control message at all when `info` is `None`, so that the
/// socket's SCTP_DEFAULT_SNDINFO applies.
#[inline(always)]
pub(crate) fn send(fd: RawFd, data: &[u8], info: Option<&SendInfo>, to: Option<&SockAddr>) -> io::Result<usize> {
    let mut cbuf = MaybeUninit::<CmsgBuf>::uninit();
    let clen = info.map_or(0, |i| build_send_cmsgs(&mut cbuf, i));
    let mut iov = iovec { iov_base: data.as_ptr() as *mut c_void, iov_len: data.len() };
    let mut m = empty_msghdr();
    if let Some(a) = to {
        m.msg_name = a.as_ptr() as *mut c_void;
        m.msg_namelen = a.len();
    }
    m.msg_iov = &mut iov;
    m.msg_iovlen = 1;
    if clen > 0 {
        m.msg_control = cbuf.as_mut_ptr() as *mut c_void;
        m.msg_controllen = clen as _;
    }
    sendmsg(fd, &m)
}

/// The error of a failed sendmsg/sendmmsg. Linux reports an association that
/// ended while the send waited for buffer space as ESRCH, and one that had
/// ended before as EPIPE: one condition, one code (EPIPE).
fn send_error() -> io::Error {
    match io::Error::last_os_error() {
        e if e.raw_os_error() == Some(libc::ESRCH) => io::Error::from_raw_os_error(libc::EPIPE),
        e => e,
    }
}

/// Flags that act on the whole association (or on all of them): a message
/// carrying one is never held back for bundling, nor is one before it.
const NO_BUNDLE: u16 = SEND_ABORT | SEND_EOF | SEND_SENDALL;

/// Whether `a` may be handed to the kernel with MSG_MORE because `b`, sent
/// right after it in the same call, goes to the same association. MSG_MORE
/// holds `a` in the association's queue until a send without it (or a full
/// packet): only a following send to the *same* association releases it, so
/// the destination must be provably the same (same address and association
/// id; different ones never bundle, even if they happen to share one).
#[inline]
fn bundles_with(a: &SendMsg<'_>, b: &SendMsg<'_>) -> bool {
    a.to == b.to && a.info.assoc_id == b.info.assoc_id && (a.info.flags | b.info.flags) & NO_BUNDLE == 0
}

/// sendmmsg in chunks of MAX_BATCH. Consecutive messages to the same
/// association are sent with MSG_MORE, except the last of each run, so the
/// kernel bundles their DATA chunks into as few packets as fit the path MTU
/// instead of one packet (and one SACK) per message: the batch's last message
/// to each association releases the run before the call returns, so no
/// message waits for anything but the call itself. (sendmmsg applies one
/// flag set to all its messages, hence one call per stretch of equal flags:
/// two per run.)
///
/// Returns how many were sent. When a stretch stops short (would block, or a
/// message failed), the last message sent may still be held for bundling:
/// it goes out with the caller's next send to that association, or when the
/// association closes.
pub(crate) fn send_batch(fd: RawFd, msgs: &[SendMsg<'_>]) -> io::Result<usize> {
    let mut sent = 0;
    for chunk in msgs.chunks(MAX_BATCH) {
        // Only the first chunk.len() entries are set up and handed to the
        // kernel: zeroing all MAX_BATCH control buffers and headers (~12 KiB)
        // cost more per message than the system calls batching saves.
        let mut cbufs: [MaybeUninit<CmsgBuf>; MAX_BATCH] = [const { MaybeUninit::uninit() }; MAX_BATCH];
        let mut iovs: [MaybeUninit<iovec>; MAX_BATCH] = [const { MaybeUninit::uninit() }; MAX_BATCH];
        let mut names: [MaybeUninit<SockAddr>; MAX_BATCH] = [const { MaybeUninit::uninit() }; MAX_BATCH];
        let mut hdrs: [MaybeUninit<libc::mmsghdr>; MAX_BATCH] = [const { MaybeUninit::uninit() }; MAX_BATCH];
        for (i, m) in chunk.iter().enumerate() {
            let clen = build_send_cmsgs(&mut cbufs[i], &m.info);
            let iov = iovs[i].write(iovec { iov_base: m.data.as_ptr() as *mut c_void, iov_len: m.data.len() });
            let mut h = empty_msghdr();
            if let Some(a) = m.to {
                let sa = names[i].write(SockAddr::from(a));
                h.msg_name = sa.as_ptr() as *mut c_void;
                h.msg_namelen = sa.len();
            }
            h.msg_iov = iov;
            h.msg_iovlen = 1;
            h.msg_control = cbufs[i].as_mut_ptr() as *mut c_void;
            h.msg_controllen = clen as _;
            hdrs[i].write(libc::mmsghdr { msg_hdr: h, msg_len: 0 });
        }
        // The chunk's last message never gets MSG_MORE: the next chunk's
        // first send is not certain to happen.
        let more = |i: usize| i + 1 < chunk.len() && bundles_with(&chunk[i], &chunk[i + 1]);
        let mut start = 0;
        while start < chunk.len() {
            let flagged = more(start);
            let mut end = start + 1;
            while end < chunk.len() && more(end) == flagged {
                end += 1;
            }
            let flags = libc::MSG_NOSIGNAL | if flagged { libc::MSG_MORE } else { 0 };
            let r = loop {
                // SAFETY: hdrs[start..end] were written above and point into
                // the arrays above and caller data.
                let r = unsafe { libc::sendmmsg(fd, hdrs[start..].as_mut_ptr().cast(), (end - start) as u32, flags) };
                if r >= 0 {
                    break r as usize;
                }
                let e = send_error();
                if e.kind() == io::ErrorKind::Interrupted {
                    continue;
                }
                if sent > 0 {
                    return Ok(sent);
                }
                return Err(e);
            };
            sent += r;
            if r < end - start {
                return Ok(sent);
            }
            start = end;
        }
    }
    Ok(sent)
}

/// What one received message carried besides its bytes.
#[derive(Clone, Copy, Debug, Default)]
pub(crate) struct RecvMeta {
    pub notification: bool,
    pub eor: bool,
    pub assoc_id: AssocId,
    pub data: DataInfo,
    pub next: Option<NextInfo>,
}

#[inline(always)]
pub(crate) fn parse_recv(m: &msghdr, name: *const sockaddr_storage, meta: &mut RecvMeta) {
    meta.notification = m.msg_flags & sys::MSG_NOTIFICATION != 0;
    // Present only while SCTP_RECVNXTINFO is on and a message waits behind this one.
    meta.next = None;
    meta.eor = m.msg_flags & libc::MSG_EOR != 0;
    // SAFETY: the kernel wrote `msg_namelen` bytes of `name` (0 when no
    // address buffer was passed).
    meta.data.from = unsafe { sys::socket_addr_from_raw(name, m.msg_namelen as usize) };
    // SAFETY: the kernel wrote the first `msg_controllen` bytes of the
    // control buffer (the caller always passes one). (msg_controllen is a
    // size_t on glibc, a socklen_t on musl.)
    #[allow(clippy::unnecessary_cast)]
    let control = unsafe { std::slice::from_raw_parts(m.msg_control as *const u8, m.msg_controllen as usize) };
    for (level, ty, data) in cmsgs(control) {
        if level == sys::IPPROTO_SCTP && ty == sys::SCTP_RCVINFO && data.len() >= size_of::<sys::sctp_rcvinfo>() {
            // SAFETY: `data` holds a whole sctp_rcvinfo; unaligned read.
            let r: sys::sctp_rcvinfo = unsafe { ptr::read_unaligned(data.as_ptr().cast()) };
            meta.assoc_id = r.rcv_assoc_id;
            meta.data.stream = r.rcv_sid;
            meta.data.ssn = r.rcv_ssn;
            meta.data.ppid = u32::from_be(r.rcv_ppid);
            meta.data.tsn = r.rcv_tsn;
            meta.data.cumtsn = r.rcv_cumtsn;
            meta.data.context = r.rcv_context;
            meta.data.unordered = r.rcv_flags & sys::SCTP_UNORDERED != 0;
        } else if level == sys::IPPROTO_SCTP && ty == sys::SCTP_NXTINFO && data.len() >= size_of::<sys::sctp_nxtinfo>()
        {
            // SAFETY: `data` holds a whole sctp_nxtinfo; unaligned read.
            let n: sys::sctp_nxtinfo = unsafe { ptr::read_unaligned(data.as_ptr().cast()) };
            meta.next = Some(NextInfo {
                stream: n.nxt_sid,
                ppid: u32::from_be(n.nxt_ppid),
                len: n.nxt_length,
                assoc_id: n.nxt_assoc_id,
                unordered: n.nxt_flags & sys::SCTP_UNORDERED != 0,
                // Linux has no SCTP_COMPLETE: it never says the whole next message is there.
                complete: false,
                notification: n.nxt_flags & sys::SCTP_NOTIFICATION != 0,
            });
        }
    }
}

/// The control messages in `control` as (level, type, data); a header that
/// claims more bytes than are left ends the walk. (libc's CMSG_NXTHDR trusts
/// cmsg_len: a value near usize::MAX overflows its rounding and the walk
/// never ends, and a message's data is not checked against the buffer's end.)
#[inline(always)]
fn cmsgs(mut control: &[u8]) -> impl Iterator<Item = (libc::c_int, libc::c_int, &[u8])> {
    const HDR: usize = size_of::<cmsghdr>();
    std::iter::from_fn(move || {
        let hdr = control.get(..HDR)?;
        // SAFETY: `hdr` holds a whole cmsghdr; unaligned read.
        let hdr: cmsghdr = unsafe { ptr::read_unaligned(hdr.as_ptr().cast()) };
        let len = hdr.cmsg_len as usize;
        if len < HDR || len > control.len() {
            return None;
        }
        let data = &control[HDR..len];
        // Each message starts size_t-aligned (CMSG_ALIGN).
        control = control.get(len.next_multiple_of(size_of::<usize>())..).unwrap_or(&[]);
        Some((hdr.cmsg_level, hdr.cmsg_type, data))
    })
}

/// One recvmsg. Returns the byte count. `from`: ask the kernel for the
/// source address (`meta.data.from`).
///
/// The address and control buffers are left uninitialised: only the bytes
/// the kernel reports writing are read, and this is the per-message path.
#[inline(always)]
pub(crate) fn recv(fd: RawFd, buf: &mut [u8], dontwait: bool, from: bool, meta: &mut RecvMeta) -> io::Result<usize> {
    let mut cbuf = MaybeUninit::<CmsgBuf>::uninit();
    let mut name = MaybeUninit::<sockaddr_storage>::uninit();
    let mut iov = iovec { iov_base: buf.as_mut_ptr() as *mut c_void, iov_len: buf.len() };
    let mut m = empty_msghdr();
    if from {
        m.msg_name = name.as_mut_ptr() as *mut c_void;
        m.msg_namelen = size_of::<sockaddr_storage>() as u32;
    }
    m.msg_iov = &mut iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf.as_mut_ptr() as *mut c_void;
    m.msg_controllen = size_of::<CmsgBuf>() as _;
    let flags = if dontwait { libc::MSG_DONTWAIT } else { 0 };
    let n = loop {
        // SAFETY: `m` points at live stack buffers and the caller's buffer.
        let r = unsafe { libc::recvmsg(fd, &mut m, flags) };
        if r >= 0 {
            break r as usize;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    };
    parse_recv(&m, name.as_ptr(), meta);
    Ok(n)
}

/// recvmmsg of up to `metas.len()` (at most MAX_BATCH) messages, message i
/// into `buf[i*stride..(i+1)*stride]`. Returns (count, byte lengths in `lens`).
pub(crate) fn recv_batch(
    fd: RawFd,
    buf: &mut [u8],
    stride: usize,
    metas: &mut [RecvMeta],
    lens: &mut [usize],
    dontwait: bool,
    from: bool,
) -> io::Result<usize> {
    let count = metas.len().min(MAX_BATCH).min(lens.len());
    // As in `recv`: address and control buffers only hold what the kernel
    // writes, and only the first `count` entries are set up.
    let mut cbufs: [MaybeUninit<CmsgBuf>; MAX_BATCH] = [const { MaybeUninit::uninit() }; MAX_BATCH];
    let mut names: [MaybeUninit<sockaddr_storage>; MAX_BATCH] = [const { MaybeUninit::uninit() }; MAX_BATCH];
    let mut iovs: [MaybeUninit<iovec>; MAX_BATCH] = [const { MaybeUninit::uninit() }; MAX_BATCH];
    let mut hdrs: [MaybeUninit<libc::mmsghdr>; MAX_BATCH] = [const { MaybeUninit::uninit() }; MAX_BATCH];
    let base = buf.as_mut_ptr();
    for i in 0..count {
        // SAFETY: i*stride + stride <= buf.len() (the caller checked count).
        let iov = iovs[i].write(iovec { iov_base: unsafe { base.add(i * stride) } as *mut c_void, iov_len: stride });
        let mut h = empty_msghdr();
        if from {
            h.msg_name = names[i].as_mut_ptr() as *mut c_void;
            h.msg_namelen = size_of::<sockaddr_storage>() as u32;
        }
        h.msg_iov = iov;
        h.msg_iovlen = 1;
        h.msg_control = cbufs[i].as_mut_ptr() as *mut c_void;
        h.msg_controllen = size_of::<CmsgBuf>() as _;
        hdrs[i].write(libc::mmsghdr { msg_hdr: h, msg_len: 0 });
    }
    let flags = if dontwait { libc::MSG_DONTWAIT } else { libc::MSG_WAITFORONE };
    let n = loop {
        // SAFETY: hdrs[..count] point at live stack arrays and the caller's buffer.
        let r = unsafe { libc::recvmmsg(fd, hdrs.as_mut_ptr().cast(), count as u32, flags, ptr::null_mut()) };
        if r >= 0 {
            break r as usize;
        }
        let e = io::Error::last_os_error();
        if e.kind() != io::ErrorKind::Interrupted {
            return Err(e);
        }
    };
    for i in 0..n {
        // SAFETY: entries below `count` (>= n) were written above.
        let h = unsafe { hdrs[i].assume_init_ref() };
        metas[i] = RecvMeta::default();
        parse_recv(&h.msg_hdr, names[i].as_ptr(), &mut metas[i]);
        lens[i] = h.msg_len as usize;
    }
    Ok(n)
}
