//! What the fuzz targets (`fuzz/`) and their replay test
//! (`tests/fuzz_corpus.rs`) feed arbitrary bytes to: the decoders of what a
//! receive call gets from the kernel, driven the way the receive calls drive
//! them. Each function panics when a property every input must keep is broken
//! (a panic of the decoder itself counts the same). Not part of the API.

use std::mem::size_of;
use std::net::SocketAddr;
use std::ptr;

use libc::{cmsghdr, msghdr, sockaddr_storage};

use crate::error::Error;
use crate::event::{decode_notification, EventKind, NOTIFICATION_HEAD};
use crate::msg::{parse_recv, RecvMeta};
use crate::socket::{notification_head, notification_in_place};
use crate::sys;

fn ne_u16(b: &[u8], at: usize) -> Option<u16> {
    Some(u16::from_ne_bytes(b.get(at..at + 2)?.try_into().ok()?))
}

fn ne_u32(b: &[u8], at: usize) -> Option<u32> {
    Some(u32::from_ne_bytes(b.get(at..at + 4)?.try_into().ok()?))
}

/// The kind of a notification type (sn_type), if it is one of the 13.
pub fn event_kind(sn_type: u16) -> Option<EventKind> {
    EventKind::from_kernel_type(sn_type)
}

/// `bytes`: one whole notification as the kernel queues it (the corpus holds
/// real ones). It is received into buffers larger than it, exactly its size,
/// and smaller (cut: what `next_event` then completes from the tail, and what
/// a `recv_batch` slot keeps).
pub fn notification(bytes: &[u8]) {
    let total = bytes.len();
    let sn_type = ne_u16(bytes, 0);
    let kind = sn_type.and_then(event_kind);
    // sn_length: what the notification says it holds; the payload ends there.
    let declared = ne_u32(bytes, 4).map_or(0, |l| l as usize);
    let full_head = &bytes[..total.min(NOTIFICATION_HEAD)];
    let decoded = decode_notification(full_head);
    assert_eq!(decoded.is_some(), kind.is_some(), "decodes exactly the 13 kernel types");
    if let (Some(kind), Some((event, _, _))) = (kind, decoded) {
        assert_eq!(EventKind::from_u32(event.kind()), Some(kind), "the event is of the kind sn_type names");
    }
    let mut caps = [total + 16, total, total.saturating_sub(1), total / 2, 1, 0];
    caps.sort_unstable();
    for (i, &cap) in caps.iter().enumerate() {
        if i > 0 && caps[i - 1] == cap {
            continue;
        }
        let n = cap.min(total);
        // next_event: the head is completed from the tail whatever the buffer.
        let mut buf = vec![0xA5; cap];
        buf[..n].copy_from_slice(&bytes[..n]);
        let (head, have) = notification_head(&buf, n);
        assert_eq!(&head[..have], &bytes[..have]);
        let got = notification_in_place(&mut buf, n, full_head, n < total);
        check_received(bytes, n, declared, decoded, got, &buf);
        // recv_batch: the slot's bytes are all there is.
        let mut slot = vec![0xA5; cap];
        slot[..n].copy_from_slice(&bytes[..n]);
        let (head, have) = notification_head(&slot, n);
        let got = notification_in_place(&mut slot, n, &head[..have], n < total);
        check_received(bytes, n, declared, decode_notification(&bytes[..have]), got, &slot);
    }
}

/// One receive of `n` of the notification `bytes`: the decoded event as
/// `expected` says, its payload (if any) moved to the front of `buf`, never
/// more than was received nor past the declared length.
fn check_received(
    bytes: &[u8],
    n: usize,
    declared: usize,
    expected: Option<(crate::Event, crate::AssocId, usize)>,
    got: crate::Result<crate::Received>,
    buf: &[u8],
) {
    let Some((event, assoc_id, payload_off)) = expected else {
        assert!(matches!(got, Err(Error::Os(libc::EPROTO))), "unknown type is EPROTO, got {got:?}");
        return;
    };
    let r = got.expect("a known type decodes");
    assert_eq!((r.event, r.assoc_id, r.complete, r.truncated), (event, assoc_id, true, n < bytes.len()));
    assert!(r.len <= n, "payload of {} bytes from {n} received", r.len);
    if payload_off == usize::MAX {
        assert_eq!(r.len, 0, "{event:?} has no payload");
        return;
    }
    if r.len > 0 {
        assert!(payload_off + r.len <= declared, "payload past sn_length");
        assert_eq!(&buf[..r.len], &bytes[payload_off..payload_off + r.len], "payload moved intact");
    }
    if declared <= n && payload_off <= declared {
        assert_eq!(r.len, declared - payload_off, "a notification received whole gives its whole payload");
    }
}

/// Bytes before the control buffer in a [`recvmsg`] input: `msg_flags` and
/// `msg_namelen` (u32 each, native order), then `msg_namelen` (at most 128)
/// bytes of source address.
pub const RECVMSG_PREFIX: usize = 8;

/// `bytes`: what one recvmsg returned besides the data, framed as
/// [`RECVMSG_PREFIX`] says (`msg_namelen` is cut to the bytes there are), the
/// rest being the control buffer as written (`msg_controllen` bytes). Address and control bytes end right before an
/// unmapped page, so reading one byte past what the kernel wrote faults.
pub fn recvmsg(bytes: &[u8]) {
    let Some((flags, namelen)) = ne_u32(bytes, 0).zip(ne_u32(bytes, 4)) else { return };
    let rest = &bytes[RECVMSG_PREFIX..];
    let name_bytes = &rest[..(namelen as usize).min(size_of::<sockaddr_storage>()).min(rest.len())];
    let control = &rest[name_bytes.len()..];
    GUARDED.with(|g| {
        let name = g.place(0, name_bytes) as *const sockaddr_storage;
        // SAFETY: msghdr is plain data; all-zero is an empty header.
        let mut m: msghdr = unsafe { std::mem::zeroed() };
        m.msg_flags = flags as i32;
        m.msg_namelen = name_bytes.len() as u32;
        m.msg_control = g.place(1, control) as *mut libc::c_void;
        m.msg_controllen = control.len();
        let mut meta = RecvMeta::default();
        parse_recv(&m, name, &mut meta);
        check_recv_meta(flags as i32, name_bytes, control, &meta);
    });
}

fn check_recv_meta(flags: i32, name: &[u8], control: &[u8], meta: &RecvMeta) {
    assert_eq!(meta.notification, flags & sys::MSG_NOTIFICATION != 0);
    assert_eq!(meta.eor, flags & libc::MSG_EOR != 0);
    let family = ne_u16(name, 0).map_or(-1, i32::from);
    let needs = match family {
        libc::AF_INET => sys::SOCKADDR_IN_LEN,
        libc::AF_INET6 => sys::SOCKADDR_IN6_LEN,
        _ => usize::MAX,
    };
    assert_eq!(meta.data.from.is_some(), needs <= name.len(), "an address iff all of it was written");
    if let Some(from) = meta.data.from {
        // Written back, the address is the received one (sin_zero aside).
        let mut out: sockaddr_storage = unsafe { std::mem::zeroed() };
        let len = sys::write_socket_addr(&from, &mut out) as usize;
        // SAFETY: `out` is a live sockaddr_storage, larger than `len`.
        let back = unsafe { std::slice::from_raw_parts(&out as *const _ as *const u8, len) };
        let same = if let SocketAddr::V4(_) = from { 8 } else { len };
        assert_eq!(&back[..same], &name[..same]);
    }
    // A buffer holding just one SCTP_RCVINFO, as the kernel writes it.
    let hdr = size_of::<cmsghdr>();
    let rcv_len = hdr + size_of::<sys::sctp_rcvinfo>();
    let is_rcvinfo = control.len() == rcv_len.next_multiple_of(8)
        && ne_u32(control, 0) == Some(rcv_len as u32)
        && ne_u32(control, 4) == Some(0)
        && ne_u32(control, 8) == Some(sys::IPPROTO_SCTP as u32)
        && ne_u32(control, 12) == Some(sys::SCTP_RCVINFO as u32);
    if is_rcvinfo {
        // SAFETY: `control` holds a whole sctp_rcvinfo after the header; unaligned read.
        let r: sys::sctp_rcvinfo = unsafe { ptr::read_unaligned(control[hdr..].as_ptr().cast()) };
        let d = &meta.data;
        assert_eq!((meta.assoc_id, d.stream, d.ssn, d.tsn), (r.rcv_assoc_id, r.rcv_sid, r.rcv_ssn, r.rcv_tsn));
        assert_eq!((d.ppid, d.cumtsn, d.context), (u32::from_be(r.rcv_ppid), r.rcv_cumtsn, r.rcv_context));
        assert_eq!(d.unordered, r.rcv_flags & sys::SCTP_UNORDERED != 0);
    }
}

/// Two readable pages, each followed by an unmapped one (mapped once per
/// thread: the fuzzer calls in a loop).
struct Guarded {
    base: *mut u8,
    page: usize,
}

impl Guarded {
    fn new() -> Guarded {
        // SAFETY: sysconf has no preconditions.
        let page = unsafe { libc::sysconf(libc::_SC_PAGESIZE) } as usize;
        // SAFETY: a fresh private anonymous mapping of 4 pages; pages 1 and 3
        // are then made inaccessible.
        unsafe {
            let p = libc::mmap(
                ptr::null_mut(),
                4 * page,
                libc::PROT_READ | libc::PROT_WRITE,
                libc::MAP_PRIVATE | libc::MAP_ANONYMOUS,
                -1,
                0,
            );
            assert_ne!(p, libc::MAP_FAILED, "mmap: {}", std::io::Error::last_os_error());
            let base = p as *mut u8;
            for guard in [1, 3] {
                assert_eq!(libc::mprotect(base.add(guard * page) as *mut _, page, libc::PROT_NONE), 0);
            }
            Guarded { base, page }
        }
    }

    /// Copies `bytes` (at most a page) to the end of readable page `i` (0 or
    /// 1), 8-aligned as a kernel buffer is: up to 7 zero bytes, no more, lie
    /// between them and the unmapped page.
    fn place(&self, i: usize, bytes: &[u8]) -> *mut u8 {
        assert!(bytes.len() <= self.page);
        // SAFETY: the destination lies within readable page 2*i.
        unsafe {
            let end = self.base.add(2 * i * self.page + self.page);
            let start = end.sub(bytes.len().next_multiple_of(8));
            ptr::write_bytes(start, 0, end.offset_from(start) as usize);
            ptr::copy_nonoverlapping(bytes.as_ptr(), start, bytes.len());
            start
        }
    }
}

thread_local! {
    static GUARDED: Guarded = Guarded::new();
}
