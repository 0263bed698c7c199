//! Sending and receiving: one message or a batch, and the filling of the
//! caller's `sctpx_event` from what the core received.

use std::net::SocketAddr;

use libc::{sockaddr, sockaddr_storage, socklen_t};

use super::addrs::{read_addr_list, MAX_ADDRS};
use super::boundary::*;
use super::types::*;
use crate::event::{Event, NextInfo, Received};
use crate::socket::{SendMsg, Timeout};
use crate::types::{AssocId, InitMsg, SendInfo};

/// A send's bytes: at most i32::MAX, as the count sent is the return value.
const MAX_SEND: usize = i32::MAX as usize;

/// Fills a C event from a Rust one.
#[inline(always)]
fn write_event(r: &Received, ev: &mut sctpx_event) {
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
            super::addrs::write_addr(&p.addr, &mut ev.peer_addr_change.addr);
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

/// Sends `len` bytes on `stream` with `ppid` (host byte order) to association
/// `assoc_id` (ignored on one-to-one). Returns the bytes sent.
#[no_mangle]
pub unsafe extern "C" fn sctpx_send_stream(
    h: sctpx_handle,
    assoc_id: AssocId,
    stream: u16,
    ppid: u32,
    buf: *const u8,
    len: usize,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let data = slice_from_ptr(buf, len, MAX_SEND)?;
        count_result(s.send_stream(assoc_id, stream, ppid, data).or_code()?)
    })
}

/// Sends one message with full parameters. `info` NULL sends with the
/// socket's defaults (`sctpx_set_default_send_info`; all zero unless set).
/// `to` (may be NULL) sends to an address instead of `info->assoc_id`,
/// setting an association up implicitly on a one-to-many socket. Returns the
/// bytes sent.
#[no_mangle]
pub unsafe extern "C" fn sctpx_send(
    h: sctpx_handle,
    buf: *const u8,
    len: usize,
    info: *const SendInfo,
    to: *const sockaddr,
    to_len: socklen_t,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let data = slice_from_ptr(buf, len, MAX_SEND)?;
        let to = optional_addr_from_ptr(to, to_len)?;
        let n = match optional_ref_from_ptr(info) {
            None => s.send_default(data, to.as_ref()),
            Some(info) => s.send(data, info, to.as_ref()),
        };
        count_result(n.or_code()?)
    })
}

/// Sends one message that may set an association up (one-to-many: implicit
/// set-up), as sctp_sendv can: `addrs[0]` is the destination, the other
/// `count - 1` further addresses of the same peer the set-up may use too
/// (SCTP_DSTADDRV4/V6; their ports are the first's), and `init` (may be
/// NULL: the socket's sctpx_set_initmsg) the INIT parameters of this set-up
/// (SCTP_INIT). `info` is required. The kernel ignores `init` and the further
/// addresses for a send to an existing association. `count` 0 or above 64
/// gives SCTPX_ERR_INVALID_ARGUMENT. Sockets of the userspace backend do not
/// support the call. Returns the bytes sent.
#[no_mangle]
pub unsafe extern "C" fn sctpx_send_setup(
    h: sctpx_handle,
    buf: *const u8,
    len: usize,
    info: *const SendInfo,
    addrs: *const sockaddr_storage,
    count: usize,
    init: *const InitMsg,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let data = slice_from_ptr(buf, len, MAX_SEND)?;
        let info = ref_from_ptr(info)?;
        let mut list = [SocketAddr::from(([0, 0, 0, 0], 0)); MAX_ADDRS];
        let n = read_addr_list(addrs, count, &mut list)?;
        let init = optional_ref_from_ptr(init);
        count_result(s.send_setup(data, info, &list[..n], init).or_code()?)
    })
}

/// One caller message as the core's `SendMsg`, checked as the core checks a
/// send: its bytes, its address and its send info.
///
/// # Safety
/// `c`'s pointers are as `sctpx_send_batch` requires.
unsafe fn checked_send_msg<'a>(c: &sctpx_send_msg) -> Result<SendMsg<'a>, i32> {
    let data = slice_from_ptr(c.data, c.len, MAX_SEND)?;
    let to = optional_addr_from_ptr(c.to, c.to_len)?;
    crate::socket::validate_send_info(&c.info).or_code()?;
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
pub unsafe extern "C" fn sctpx_send_batch(h: sctpx_handle, msgs: *const sctpx_send_msg, count: usize) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let all = slice_from_ptr(msgs, count, i32::MAX as usize)?;
        // All of them first: a failure reported after some went out would
        // make a caller that retries send those twice.
        for c in all {
            checked_send_msg(c)?;
        }
        let mut sent = 0usize;
        for chunk in all.chunks(crate::msg::MAX_BATCH) {
            let mut list = [SendMsg::default(); crate::msg::MAX_BATCH];
            for (m, c) in list.iter_mut().zip(chunk) {
                *m = checked_send_msg(c)?;
            }
            match s.send_batch(&list[..chunk.len()]) {
                Ok(n) => {
                    sent += n;
                    if n < chunk.len() {
                        break;
                    }
                }
                Err(e) if sent == 0 => return Err(code_of(e)),
                Err(_) => break,
            }
        }
        count_result(sent)
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
pub unsafe extern "C" fn sctpx_next_event(
    h: sctpx_handle,
    event: *mut sctpx_event,
    buf: *mut u8,
    cap: usize,
    timeout_ms: i32,
) -> i32 {
    guard(|| receive_event(h, event, buf, cap, timeout_ms, None))
}

/// The body of sctpx_next_event and sctpx_next_event_with_next_info: every
/// argument is checked (`next` too, when given) before anything is received,
/// and the outputs are written only after a receive succeeded.
///
/// # Safety
/// The pointers are as `sctpx_next_event` requires; `next`, when given, is
/// NULL or points at a writable `sctpx_next_info`.
#[inline(always)]
unsafe fn receive_event(
    h: sctpx_handle,
    event: *mut sctpx_event,
    buf: *mut u8,
    cap: usize,
    timeout_ms: i32,
    next: Option<*mut sctpx_next_info>,
) -> Result<i32, i32> {
    let s = socket_of(h)?;
    let event = mut_from_ptr(event)?;
    let next = next.map(|p| mut_from_ptr(p)).transpose()?;
    let b = mut_slice_from_ptr(buf, cap, usize::MAX)?;
    if b.is_empty() {
        return Err(SCTPX_ERR_INVALID_ARGUMENT);
    }
    let t = Timeout::from_ms(timeout_ms).or_code()?;
    let r = s.next_event(b, t).or_code()?;
    write_event(&r, event);
    if let Some(next) = next {
        *next = next_info_of(r.next.as_ref());
    }
    count_result(r.len)
}

/// A C next-message report from the core's.
fn next_info_of(next: Option<&NextInfo>) -> sctpx_next_info {
    let Some(n) = next else { return sctpx_next_info::default() };
    let mut flags = SCTPX_NEXT_FLAG_PRESENT;
    if n.unordered {
        flags |= SCTPX_NEXT_FLAG_UNORDERED;
    }
    if n.complete {
        flags |= SCTPX_NEXT_FLAG_COMPLETE;
    }
    if n.notification {
        flags |= SCTPX_NEXT_FLAG_NOTIFICATION;
    }
    sctpx_next_info { flags, assoc_id: n.assoc_id, ppid: n.ppid, len: n.len, stream: n.stream, reserved: 0 }
}

/// Receives as `sctpx_next_event`, and also describes in `*next` the message
/// queued behind the one received (SCTP_NXTINFO): with SCTPX_OPT_RECV_NEXT_INFO
/// on and a message already waiting, `next->flags` has
/// SCTPX_NEXT_FLAG_PRESENT and the other fields describe it (that message is
/// not consumed: the next receive returns it); otherwise `*next` is all zero.
/// `next` is required (SCTPX_ERR_NULL_POINTER); `*event` and `*next` are
/// written only on success. Returns the byte count, as `sctpx_next_event`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_next_event_with_next_info(
    h: sctpx_handle,
    event: *mut sctpx_event,
    buf: *mut u8,
    cap: usize,
    timeout_ms: i32,
    next: *mut sctpx_next_info,
) -> i32 {
    guard(|| receive_event(h, event, buf, cap, timeout_ms, Some(next)))
}

/// Receives up to `count` events in one system call (recvmmsg). Event `i`'s
/// bytes are at `bufs + i * stride` (`stride` bytes each; `bufs` holds
/// `count * stride` bytes). Waits as `sctpx_next_event` for the first event
/// (-EAGAIN, SCTPX_ERR_TIMED_OUT, SCTPX_ERR_EOF as there), then takes what
/// is already queued. Returns the number of events (>= 1).
#[no_mangle]
pub unsafe extern "C" fn sctpx_recv_batch(
    h: sctpx_handle,
    events: *mut sctpx_event,
    count: usize,
    bufs: *mut u8,
    stride: usize,
    timeout_ms: i32,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        // Only the first MAX_BATCH events can be filled by one call.
        let events = mut_array_from_ptr(events, count.min(crate::msg::MAX_BATCH), usize::MAX)?;
        if stride == 0 {
            return Err(SCTPX_ERR_INVALID_ARGUMENT);
        }
        let total = count.checked_mul(stride).ok_or(SCTPX_ERR_INVALID_ARGUMENT)?;
        let b = mut_slice_from_ptr(bufs, total, usize::MAX)?;
        let t = Timeout::from_ms(timeout_ms).or_code()?;
        let mut rs = [Received::default(); crate::msg::MAX_BATCH];
        let got = s.recv_batch(b, stride, &mut rs[..events.len()], t).or_code()?;
        for (r, ev) in rs[..got].iter().zip(events.iter_mut()) {
            write_event(r, ev);
        }
        count_result(got)
    })
}
