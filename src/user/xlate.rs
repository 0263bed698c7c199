//! Linux SCTP terms ↔ usrsctp's (FreeBSD's) terms: option numbers, struct
//! layouts, flag bits, notification types and states. The core speaks Linux
//! (`<linux/sctp.h>`); everything it hands the userspace backend, or gets
//! back, passes through here.
//!
//! What has no usrsctp counterpart is refused with ENOPROTOOPT, which the
//! core reports as `Error::NotSupported` on this backend.

use std::ffi::c_int;
use std::io;
use std::mem::size_of;
use std::net::SocketAddr;

use super::sock::UserSock;
use crate::sys;
use crate::types::*;

fn unsupported() -> io::Error {
    io::Error::from_raw_os_error(libc::ENOPROTOOPT)
}

/// usrsctp's option numbers (usrsctp.h).
#[allow(dead_code)] // Rows for the options still to be translated.
pub(crate) mod num {
    pub const RTOINFO: i32 = 0x1;
    pub const ASSOCINFO: i32 = 0x2;
    pub const INITMSG: i32 = 0x3;
    pub const NODELAY: i32 = 0x4;
    pub const AUTOCLOSE: i32 = 0x5;
    pub const SET_PEER_PRIMARY_ADDR: i32 = 0x6;
    pub const PRIMARY_ADDR: i32 = 0x7;
    pub const ADAPTATION_LAYER: i32 = 0x8;
    pub const DISABLE_FRAGMENTS: i32 = 0x9;
    pub const PEER_ADDR_PARAMS: i32 = 0xa;
    pub const MAXSEG: i32 = 0xe;
    pub const DELAYED_SACK: i32 = 0xf;
    pub const FRAGMENT_INTERLEAVE: i32 = 0x10;
    pub const PARTIAL_DELIVERY_POINT: i32 = 0x11;
    pub const AUTO_ASCONF: i32 = 0x18;
    pub const MAX_BURST: i32 = 0x19;
    pub const CONTEXT: i32 = 0x1a;
    pub const EXPLICIT_EOR: i32 = 0x1b;
    pub const REUSE_PORT: i32 = 0x1c;
    pub const EVENT: i32 = 0x1e;
    pub const RECVRCVINFO: i32 = 0x1f;
    pub const RECVNXTINFO: i32 = 0x20;
    pub const DEFAULT_SNDINFO: i32 = 0x21;
    pub const DEFAULT_PRINFO: i32 = 0x22;
    pub const REMOTE_UDP_ENCAPS_PORT: i32 = 0x24;
    pub const ECN_SUPPORTED: i32 = 0x25;
    pub const PR_SUPPORTED: i32 = 0x26;
    pub const AUTH_SUPPORTED: i32 = 0x27;
    pub const ASCONF_SUPPORTED: i32 = 0x28;
    pub const RECONFIG_SUPPORTED: i32 = 0x29;
    pub const ENABLE_STREAM_RESET: i32 = 0x900;
    pub const RESET_STREAMS: i32 = 0x901;
    pub const RESET_ASSOC: i32 = 0x902;
    pub const ADD_STREAMS: i32 = 0x903;
    pub const STATUS: i32 = 0x100;
    pub const GET_PEER_ADDR_INFO: i32 = 0x101;
    pub const GET_ASSOC_NUMBER: i32 = 0x104;
    pub const GET_ASSOC_ID_LIST: i32 = 0x105;
}

/// SCTP options whose value has the same layout on both sides (only the
/// number differs): Linux number → usrsctp number.
fn same_layout(linux: c_int) -> Option<c_int> {
    Some(match linux {
        sys::SCTP_RTOINFO => num::RTOINFO,
        sys::SCTP_INITMSG => num::INITMSG,
        sys::SCTP_NODELAY => num::NODELAY,
        sys::SCTP_AUTOCLOSE => num::AUTOCLOSE,
        sys::SCTP_DISABLE_FRAGMENTS => num::DISABLE_FRAGMENTS,
        sys::SCTP_MAXSEG => num::MAXSEG,
        sys::SCTP_DELAYED_SACK => num::DELAYED_SACK,
        sys::SCTP_FRAGMENT_INTERLEAVE => num::FRAGMENT_INTERLEAVE,
        sys::SCTP_PARTIAL_DELIVERY_POINT => num::PARTIAL_DELIVERY_POINT,
        sys::SCTP_MAX_BURST => num::MAX_BURST,
        sys::SCTP_CONTEXT => num::CONTEXT,
        sys::SCTP_RECVRCVINFO => num::RECVRCVINFO,
        sys::SCTP_RECVNXTINFO => num::RECVNXTINFO,
        sys::SCTP_ENABLE_STREAM_RESET => num::ENABLE_STREAM_RESET,
        sys::SCTP_RESET_ASSOC => num::RESET_ASSOC,
        sys::SCTP_ADD_STREAMS => num::ADD_STREAMS,
        _ => return None,
    })
}

/// getsockopt in Linux terms: `buf` holds the Linux struct (in and out).
pub(crate) fn getopt(s: &UserSock, level: c_int, name: c_int, buf: &mut [u8]) -> io::Result<usize> {
    match level {
        libc::SOL_SOCKET => sol_socket(name).and_then(|n| s.raw_getopt(libc::SOL_SOCKET, n, buf)),
        sys::SOL_SCTP => match name {
            sys::SCTP_EVENT => {
                let mut ev = event_to_user(buf)?;
                let n = s.raw_getopt(sys::IPPROTO_SCTP, num::EVENT, &mut ev)?;
                event_from_user(&ev, buf);
                Ok(n.min(buf.len()))
            }
            sys::SCTP_STATUS => get_status(s, buf),
            sys::SCTP_GET_PEER_ADDR_INFO => get_paddrinfo(s, buf),
            _ => match same_layout(name) {
                Some(n) => s.raw_getopt(sys::IPPROTO_SCTP, n, buf),
                None => Err(unsupported()),
            },
        },
        _ => Err(unsupported()),
    }
}

/// setsockopt in Linux terms.
pub(crate) fn setopt(s: &UserSock, level: c_int, name: c_int, buf: &[u8]) -> io::Result<()> {
    match level {
        libc::SOL_SOCKET => sol_socket(name).and_then(|n| s.raw_setopt(libc::SOL_SOCKET, n, buf)),
        sys::SOL_SCTP => match name {
            sys::SCTP_EVENT => s.raw_setopt(sys::IPPROTO_SCTP, num::EVENT, &event_to_user(buf)?),
            _ => match same_layout(name) {
                Some(n) => s.raw_setopt(sys::IPPROTO_SCTP, n, buf),
                None => Err(unsupported()),
            },
        },
        _ => Err(unsupported()),
    }
}

fn rd32(b: &[u8], at: usize) -> u32 {
    u32::from_ne_bytes(b[at..at + 4].try_into().expect("4 bytes"))
}

fn wr32(b: &mut [u8], at: usize, v: u32) {
    b[at..at + 4].copy_from_slice(&v.to_ne_bytes());
}

fn too_short() -> io::Error {
    io::Error::from_raw_os_error(libc::EINVAL)
}

/// Association states: usrsctp's bit → Linux's `sctp_sstat_state`.
fn assoc_state_to_linux(user: u32) -> i32 {
    match user {
        0x0002 => sys::SCTP_COOKIE_WAIT,
        0x0004 => sys::SCTP_COOKIE_ECHOED,
        0x0008 => sys::SCTP_ESTABLISHED,
        0x0010 => sys::SCTP_SHUTDOWN_SENT,
        0x0020 => sys::SCTP_SHUTDOWN_RECEIVED,
        0x0040 => sys::SCTP_SHUTDOWN_ACK_SENT,
        0x0080 => sys::SCTP_SHUTDOWN_PENDING,
        // CLOSED, BOUND, LISTEN: no association.
        _ => sys::SCTP_CLOSED,
    }
}

/// Path states: usrsctp's → Linux's (`SCTP_ACTIVE` ...).
fn path_state_to_linux(user: u32) -> i32 {
    match user {
        0x0001 => sys::SCTP_ACTIVE,
        0x0200 => sys::SCTP_UNCONFIRMED,
        _ => sys::SCTP_INACTIVE,
    }
}

/// Linux's `struct sctp_paddrinfo` (packed: assoc id, address at 4, state
/// at 132, cwnd, srtt, rto, mtu; 152 bytes) from usrsctp's (address first,
/// then assoc id at 128, state, cwnd, srtt, rto, mtu; 152 bytes).
fn paddrinfo_to_linux(user: &[u8], linux: &mut [u8]) {
    wr32(linux, 0, rd32(user, 128));
    linux[4..132].copy_from_slice(&user[..128]);
    wr32(linux, 132, path_state_to_linux(rd32(user, 132)) as u32);
    for k in 0..4 {
        wr32(linux, 136 + 4 * k, rd32(user, 136 + 4 * k));
    }
}

/// SCTP_STATUS: Linux's struct (176 bytes) has the same first 24 bytes as
/// usrsctp's, then the primary path's `sctp_paddrinfo`.
fn get_status(s: &UserSock, buf: &mut [u8]) -> io::Result<usize> {
    if buf.len() < 176 {
        return Err(too_short());
    }
    let mut u = [0u8; 176];
    u[..4].copy_from_slice(&buf[..4]);
    s.raw_getopt(sys::IPPROTO_SCTP, num::STATUS, &mut u)?;
    buf[..24].copy_from_slice(&u[..24]);
    wr32(buf, 4, assoc_state_to_linux(rd32(&u, 4)) as u32);
    paddrinfo_to_linux(&u[24..176], &mut buf[24..176]);
    Ok(176)
}

/// SCTP_GET_PEER_ADDR_INFO: in, the association and the address.
fn get_paddrinfo(s: &UserSock, buf: &mut [u8]) -> io::Result<usize> {
    if buf.len() < 152 {
        return Err(too_short());
    }
    let mut u = [0u8; 152];
    u[..128].copy_from_slice(&buf[4..132]);
    u[128..132].copy_from_slice(&buf[..4]);
    s.raw_getopt(sys::IPPROTO_SCTP, num::GET_PEER_ADDR_INFO, &mut u)?;
    paddrinfo_to_linux(&u, &mut buf[..152]);
    Ok(152)
}

/// The SOL_SOCKET options usrsctp has (it takes Linux's numbers).
fn sol_socket(name: c_int) -> io::Result<c_int> {
    match name {
        libc::SO_RCVBUF | libc::SO_SNDBUF | libc::SO_LINGER | libc::SO_ERROR => Ok(name),
        _ => Err(unsupported()),
    }
}

/// usrsctp's `struct sctp_event` (8 bytes) from Linux's (same fields).
fn event_to_user(linux: &[u8]) -> io::Result<[u8; 8]> {
    if linux.len() < size_of::<sys::sctp_event>() {
        return Err(io::Error::from_raw_os_error(libc::EINVAL));
    }
    let mut ev = [0u8; 8];
    ev[..4].copy_from_slice(&linux[..4]);
    let ty = u16::from_ne_bytes([linux[4], linux[5]]);
    let user = event_type_to_user(ty).ok_or_else(|| io::Error::from_raw_os_error(libc::EINVAL))?;
    ev[4..6].copy_from_slice(&user.to_ne_bytes());
    ev[6] = linux[6];
    Ok(ev)
}

fn event_from_user(user: &[u8; 8], linux: &mut [u8]) {
    linux[6] = user[6];
}

/// Notification types: (Linux, usrsctp).
const EVENT_TYPES: [(u16, u16); 13] = [
    (sys::SCTP_ASSOC_CHANGE, 0x0001),
    (sys::SCTP_PEER_ADDR_CHANGE, 0x0002),
    (sys::SCTP_REMOTE_ERROR, 0x0003),
    (sys::SCTP_SEND_FAILED, 0x0004),
    (sys::SCTP_SHUTDOWN_EVENT, 0x0005),
    (sys::SCTP_ADAPTATION_INDICATION, 0x0006),
    (sys::SCTP_PARTIAL_DELIVERY_EVENT, 0x0007),
    (sys::SCTP_AUTHENTICATION_EVENT, 0x0008),
    (sys::SCTP_STREAM_RESET_EVENT, 0x0009),
    (sys::SCTP_SENDER_DRY_EVENT, 0x000a),
    (sys::SCTP_ASSOC_RESET_EVENT, 0x000c),
    (sys::SCTP_STREAM_CHANGE_EVENT, 0x000d),
    (sys::SCTP_SEND_FAILED_EVENT, 0x000e),
];

pub(crate) fn event_type_to_user(linux: u16) -> Option<u16> {
    EVENT_TYPES.iter().find(|t| t.0 == linux).map(|t| t.1)
}

fn event_type_to_linux(user: u16) -> Option<u16> {
    EVENT_TYPES.iter().find(|t| t.1 == user).map(|t| t.0)
}

/// Rewrites a notification usrsctp delivered into the kernel's layout, in
/// place, so the core's decoder reads it: the type, and the fields whose
/// values or positions differ.
pub(crate) fn notification_to_linux(buf: &mut [u8]) {
    if buf.len() < 2 {
        return;
    }
    let user = u16::from_ne_bytes([buf[0], buf[1]]);
    // A type Linux lacks (NOTIFICATIONS_STOPPED) keeps a number no Linux
    // kind has: the decoder reports it as unknown.
    let linux = event_type_to_linux(user).unwrap_or(0x7fff);
    buf[..2].copy_from_slice(&linux.to_ne_bytes());
    match linux {
        // sac_state at 8: usrsctp counts from 1 (COMM_UP), Linux from 0.
        sys::SCTP_ASSOC_CHANGE => minus_one_u16(buf, 8),
        // spc_state after the 128-byte address at 8: from 1 in usrsctp.
        sys::SCTP_PEER_ADDR_CHANGE => minus_one_u32(buf, 8 + 128),
        _ => {}
    }
}

fn minus_one_u16(buf: &mut [u8], at: usize) {
    if let Some(b) = buf.get_mut(at..at + 2) {
        let v = u16::from_ne_bytes([b[0], b[1]]).wrapping_sub(1);
        b.copy_from_slice(&v.to_ne_bytes());
    }
}

fn minus_one_u32(buf: &mut [u8], at: usize) {
    if let Some(b) = buf.get_mut(at..at + 4) {
        let v = u32::from_ne_bytes([b[0], b[1], b[2], b[3]]).wrapping_sub(1);
        b.copy_from_slice(&v.to_ne_bytes());
    }
}

/// Send flags: (Linux/sctpx bit, usrsctp bit).
const SEND_FLAGS: [(u16, u16); 5] = [
    (SEND_UNORDERED, 0x0400),
    (SEND_ABORT, 0x0200),
    (SEND_EOF, 0x0100),
    (SEND_SENDALL, 0x1000),
    (SEND_SACK_IMMEDIATELY, 0x4000),
];

pub(crate) fn send_flags_to_user(linux: u16) -> u16 {
    SEND_FLAGS.iter().filter(|f| linux & f.0 != 0).fold(0, |acc, f| acc | f.1)
}

pub(crate) fn rcv_unordered(user_flags: u16) -> bool {
    user_flags & 0x0400 != 0
}

/// PR policies: sctpx's → usrsctp's (TTL 1, RTX 3). Linux's PRIO has no
/// usrsctp counterpart (its BUF policy abandons by buffer use, not priority):
/// the core refuses it on this backend before sending.
pub(crate) fn pr_policy_to_user(p: u16) -> u16 {
    match p {
        PR_TTL => 0x0001,
        PR_RTX => 0x0003,
        _ => 0,
    }
}

/// SCTP_REMOTE_UDP_ENCAPS_PORT: `port` (host order) for the association
/// `assoc_id` (0: the socket's default), or one of its peer addresses.
pub(crate) fn set_remote_encaps_port(
    s: &UserSock,
    assoc_id: AssocId,
    addr: Option<&SocketAddr>,
    port: u16,
) -> io::Result<()> {
    // struct sctp_udpencaps: sockaddr_storage (128), u32 assoc id, u16 port
    // in network byte order, padding to 136.
    let mut v = [0u8; 136];
    if let Some(a) = addr {
        let mut ss: libc::sockaddr_storage = unsafe { std::mem::zeroed() };
        sys::write_socket_addr(a, &mut ss);
        // SAFETY: sockaddr_storage is 128 plain bytes.
        v[..128]
            .copy_from_slice(unsafe { std::slice::from_raw_parts((&ss as *const libc::sockaddr_storage).cast(), 128) });
    }
    v[128..132].copy_from_slice(&(assoc_id as u32).to_ne_bytes());
    v[132..134].copy_from_slice(&port.to_be_bytes());
    s.raw_setopt(sys::IPPROTO_SCTP, num::REMOTE_UDP_ENCAPS_PORT, &v)
}

/// SCTP_REMOTE_UDP_ENCAPS_PORT: the port (host order) of the association
/// `assoc_id` (0: the socket's default), in the layout of
/// `set_remote_encaps_port`.
pub(crate) fn remote_encaps_port(s: &UserSock, assoc_id: AssocId) -> io::Result<u16> {
    let mut v = [0u8; 136];
    // An association's port needs a wildcard address of a known family
    // (0.0.0.0): usrsctp answers an all-zero one with EAFNOSUPPORT.
    v[..2].copy_from_slice(&(libc::AF_INET as u16).to_ne_bytes());
    v[128..132].copy_from_slice(&(assoc_id as u32).to_ne_bytes());
    s.raw_getopt(sys::IPPROTO_SCTP, num::REMOTE_UDP_ENCAPS_PORT, &mut v)?;
    Ok(u16::from_be_bytes([v[132], v[133]]))
}
