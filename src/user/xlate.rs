//! Linux SCTP terms ↔ usrsctp's (FreeBSD's) terms: option numbers, struct
//! layouts, flag bits, notification types and states. The core speaks Linux
//! (`<linux/sctp.h>`); everything it hands the userspace backend, or gets
//! back, passes through here.
//!
//! What has no usrsctp counterpart is refused with ENOPROTOOPT, which the
//! core reports as `Error::NotSupported` on this backend.

use std::ffi::c_int;
use std::io;
use std::mem::{offset_of, size_of};
use std::net::SocketAddr;

use super::sock::UserSock;
use crate::event::NextInfo;
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
    pub const I_WANT_MAPPED_V4_ADDR: i32 = 0xd;
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
        sys::SCTP_ADAPTATION_LAYER => num::ADAPTATION_LAYER,
        sys::SCTP_DISABLE_FRAGMENTS => num::DISABLE_FRAGMENTS,
        sys::SCTP_I_WANT_MAPPED_V4_ADDR => num::I_WANT_MAPPED_V4_ADDR,
        sys::SCTP_MAXSEG => num::MAXSEG,
        sys::SCTP_DELAYED_SACK => num::DELAYED_SACK,
        sys::SCTP_FRAGMENT_INTERLEAVE => num::FRAGMENT_INTERLEAVE,
        sys::SCTP_PARTIAL_DELIVERY_POINT => num::PARTIAL_DELIVERY_POINT,
        sys::SCTP_MAX_BURST => num::MAX_BURST,
        sys::SCTP_CONTEXT => num::CONTEXT,
        sys::SCTP_REUSE_PORT => num::REUSE_PORT,
        sys::SCTP_RECVRCVINFO => num::RECVRCVINFO,
        sys::SCTP_RECVNXTINFO => num::RECVNXTINFO,
        sys::SCTP_PR_SUPPORTED => num::PR_SUPPORTED,
        sys::SCTP_RECONFIG_SUPPORTED => num::RECONFIG_SUPPORTED,
        sys::SCTP_ENABLE_STREAM_RESET => num::ENABLE_STREAM_RESET,
        // struct sctp_reset_streams: the same fields, and the same
        // SCTP_STREAM_RESET_INCOMING (1) / OUTGOING (2) flags.
        sys::SCTP_RESET_STREAMS => num::RESET_STREAMS,
        sys::SCTP_RESET_ASSOC => num::RESET_ASSOC,
        sys::SCTP_ADD_STREAMS => num::ADD_STREAMS,
        sys::SCTP_GET_ASSOC_NUMBER => num::GET_ASSOC_NUMBER,
        // struct sctp_assoc_ids: the count then the ids, and EINVAL when
        // they do not fit, as on Linux.
        sys::SCTP_GET_ASSOC_ID_LIST => num::GET_ASSOC_ID_LIST,
        _ => return None,
    })
}

/// One field of a struct both sides have at different places: (offset in
/// Linux's struct, offset in usrsctp's, length).
type Field = (usize, usize, usize);

/// A struct whose fields usrsctp orders differently: its usrsctp number and
/// size, Linux's size, and where each field is on either side.
struct Reordered {
    user_num: c_int,
    user_len: usize,
    linux_len: usize,
    fields: &'static [Field],
}

/// Linux's `struct sctp_assocparams` {assoc_id, asocmaxrxt u16,
/// number_peer_destinations u16, peer_rwnd, local_rwnd, cookie_life};
/// usrsctp's {assoc_id, peer_rwnd, local_rwnd, cookie_life, asocmaxrxt u16,
/// number_peer_destinations u16}: 20 bytes each.
const ASSOCPARAMS: Reordered = Reordered {
    user_num: num::ASSOCINFO,
    user_len: 20,
    linux_len: size_of::<sys::sctp_assocparams>(),
    fields: &[
        (offset_of!(sys::sctp_assocparams, sasoc_assoc_id), 0, 4),
        (offset_of!(sys::sctp_assocparams, sasoc_peer_rwnd), 4, 4),
        (offset_of!(sys::sctp_assocparams, sasoc_local_rwnd), 8, 4),
        (offset_of!(sys::sctp_assocparams, sasoc_cookie_life), 12, 4),
        (offset_of!(sys::sctp_assocparams, sasoc_asocmaxrxt), 16, 2),
        (offset_of!(sys::sctp_assocparams, sasoc_number_peer_destinations), 18, 2),
    ],
};

/// Linux's `struct sctp_prim` / `sctp_setpeerprim` (packed: assoc id, then
/// the address; 132 bytes); usrsctp's `sctp_setprim` / `sctp_setpeerprim`:
/// the address, the assoc id, 4 bytes of padding (136).
const fn prim(user_num: c_int) -> Reordered {
    Reordered {
        user_num,
        user_len: 136,
        linux_len: size_of::<sys::sctp_prim>(),
        fields: &[(offset_of!(sys::sctp_prim, ssp_assoc_id), 128, 4), (offset_of!(sys::sctp_prim, ssp_addr), 0, 128)],
    }
}

/// Linux's `struct sctp_paddrparams` (packed, 156 bytes: assoc id, address,
/// hbinterval, pathmaxrxt u16, pathmtu, sackdelay, flags, ipv6_flowlabel,
/// dscp u8); usrsctp's (152: address, assoc id, hbinterval, pathmtu, flags,
/// ipv6_flowlabel, pathmaxrxt u16, dscp u8). usrsctp has no sackdelay: see
/// `get_paddrparams`. The SPP_* flags have the same values on both sides
/// but for SPP_SACKDELAY_*, which usrsctp lacks.
const PADDRPARAMS: Reordered = Reordered {
    user_num: num::PEER_ADDR_PARAMS,
    user_len: 152,
    linux_len: size_of::<sys::sctp_paddrparams>(),
    fields: &[
        (offset_of!(sys::sctp_paddrparams, spp_assoc_id), 128, 4),
        (offset_of!(sys::sctp_paddrparams, spp_address), 0, 128),
        (offset_of!(sys::sctp_paddrparams, spp_hbinterval), 132, 4),
        (offset_of!(sys::sctp_paddrparams, spp_pathmtu), 136, 4),
        (offset_of!(sys::sctp_paddrparams, spp_flags), 140, 4),
        (offset_of!(sys::sctp_paddrparams, spp_ipv6_flowlabel), 144, 4),
        (offset_of!(sys::sctp_paddrparams, spp_pathmaxrxt), 148, 2),
        (offset_of!(sys::sctp_paddrparams, spp_dscp), 150, 1),
    ],
};
const SPP_ADDRESS_AT: usize = offset_of!(sys::sctp_paddrparams, spp_address);
const SPP_FLAGS_AT: usize = offset_of!(sys::sctp_paddrparams, spp_flags);
const SPP_SACKDELAY_AT: usize = offset_of!(sys::sctp_paddrparams, spp_sackdelay);

impl Reordered {
    fn to_user(&self, linux: &[u8]) -> io::Result<Vec<u8>> {
        if linux.len() < self.linux_len {
            return Err(too_short());
        }
        let mut user = vec![0u8; self.user_len];
        for &(l, u, n) in self.fields {
            user[u..u + n].copy_from_slice(&linux[l..l + n]);
        }
        Ok(user)
    }

    fn to_linux(&self, user: &[u8], linux: &mut [u8]) {
        for &(l, u, n) in self.fields {
            linux[l..l + n].copy_from_slice(&user[u..u + n]);
        }
    }

    fn get(&self, s: &UserSock, buf: &mut [u8]) -> io::Result<usize> {
        let mut user = self.to_user(buf)?;
        s.raw_getopt(sys::IPPROTO_SCTP, self.user_num, &mut user)?;
        self.to_linux(&user, buf);
        Ok(self.linux_len)
    }

    fn set(&self, s: &UserSock, buf: &[u8]) -> io::Result<()> {
        s.raw_setopt(sys::IPPROTO_SCTP, self.user_num, &self.to_user(buf)?)
    }
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
            sys::SCTP_ASSOCINFO => ASSOCPARAMS.get(s, buf),
            sys::SCTP_PRIMARY_ADDR => prim(num::PRIMARY_ADDR).get(s, buf),
            sys::SCTP_PEER_ADDR_PARAMS => get_paddrparams(s, buf),
            sys::SCTP_DEFAULT_SNDINFO => {
                let n = s.raw_getopt(sys::IPPROTO_SCTP, num::DEFAULT_SNDINFO, buf)?;
                sndinfo_flags(buf, send_flags_to_linux);
                Ok(n)
            }
            // SCTP_GET_ASSOC_STATS (no per-association counters in usrsctp),
            // SCTP_DEFAULT_PRINFO and what else usrsctp lacks.
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
            sys::SCTP_EVENT => set_event(s, buf),
            sys::SCTP_ASSOCINFO => ASSOCPARAMS.set(s, buf),
            sys::SCTP_PRIMARY_ADDR => prim(num::PRIMARY_ADDR).set(s, buf),
            sys::SCTP_SET_PEER_PRIMARY_ADDR => prim(num::SET_PEER_PRIMARY_ADDR).set(s, buf),
            sys::SCTP_PEER_ADDR_PARAMS => set_paddrparams(s, buf),
            sys::SCTP_REUSE_PORT => set_reuse_port(s, buf),
            // usrsctp refuses it on one-to-one sockets with EINVAL (its only
            // EINVAL for this option); Linux with EOPNOTSUPP.
            sys::SCTP_AUTOCLOSE => {
                s.raw_setopt(sys::IPPROTO_SCTP, num::AUTOCLOSE, buf).map_err(|e| match e.raw_os_error() {
                    Some(libc::EINVAL) if buf.len() >= 4 => io::Error::from_raw_os_error(libc::EOPNOTSUPP),
                    _ => e,
                })
            }
            sys::SCTP_DEFAULT_SNDINFO => {
                if buf.len() < size_of::<sys::sctp_sndinfo>() {
                    return Err(too_short());
                }
                let mut v = buf[..size_of::<sys::sctp_sndinfo>()].to_vec();
                sndinfo_flags(&mut v, send_flags_to_user);
                s.raw_setopt(sys::IPPROTO_SCTP, num::DEFAULT_SNDINFO, &v)
            }
            _ => match same_layout(name) {
                Some(n) => s.raw_setopt(sys::IPPROTO_SCTP, n, buf),
                None => Err(unsupported()),
            },
        },
        _ => Err(unsupported()),
    }
}

/// SCTP_REUSE_PORT: usrsctp turns it on whatever value it is given (it
/// tests the pointer, not the value), so it can never be turned off: off
/// is refused while it is on, rather than ignored.
fn set_reuse_port(s: &UserSock, buf: &[u8]) -> io::Result<()> {
    if buf.len() < 4 {
        return Err(too_short());
    }
    if rd32(buf, 0) != 0 {
        return s.raw_setopt(sys::IPPROTO_SCTP, num::REUSE_PORT, buf);
    }
    let mut now = [0u8; 4];
    s.raw_getopt(sys::IPPROTO_SCTP, num::REUSE_PORT, &mut now)?;
    match rd32(&now, 0) {
        0 => Ok(()),
        _ => Err(unsupported()),
    }
}

/// Rewrites `struct sctp_sndinfo`'s snd_flags (same layout both sides).
fn sndinfo_flags(buf: &mut [u8], map: fn(u16) -> u16) {
    let at = offset_of!(sys::sctp_sndinfo, snd_flags);
    if let Some(b) = buf.get_mut(at..at + 2) {
        let v = map(u16::from_ne_bytes([b[0], b[1]]));
        b.copy_from_slice(&v.to_ne_bytes());
    }
}

/// The association `assoc_id` field of Linux's sctp_paddrparams, as usrsctp's
/// SCTP_DELAYED_SACK takes it.
fn sack_info_for(linux_paddrparams: &[u8]) -> [u8; 12] {
    let mut v = [0u8; 12];
    v[..4].copy_from_slice(&linux_paddrparams[..4]);
    v
}

fn address_family(linux_paddrparams: &[u8]) -> u16 {
    u16::from_ne_bytes([linux_paddrparams[SPP_ADDRESS_AT], linux_paddrparams[SPP_ADDRESS_AT + 1]])
}

/// Linux takes an all-zero (AF_UNSPEC) address for "no address" (the
/// association's or the socket's values); usrsctp wants the wildcard of a
/// family (anything else it refuses with EAFNOSUPPORT).
fn paddrparams_to_user(linux: &[u8]) -> io::Result<Vec<u8>> {
    let mut user = PADDRPARAMS.to_user(linux)?;
    if address_family(linux) == 0 {
        user[..2].copy_from_slice(&(libc::AF_INET as u16).to_ne_bytes());
    }
    Ok(user)
}

/// SCTP_PEER_ADDR_PARAMS read: usrsctp keeps the SACK delay only per
/// association (SCTP_DELAYED_SACK), not per path; it is reported from there,
/// with SPP_SACKDELAY_ENABLE (or _DISABLE when every packet is acknowledged),
/// as Linux reports an association's value.
fn get_paddrparams(s: &UserSock, buf: &mut [u8]) -> io::Result<usize> {
    let mut user = paddrparams_to_user(buf)?;
    s.raw_getopt(sys::IPPROTO_SCTP, PADDRPARAMS.user_num, &mut user)?;
    let unspecified = address_family(buf) == 0;
    PADDRPARAMS.to_linux(&user, buf);
    if unspecified {
        // Asked for the association's (or socket's) values: the address
        // stays unspecified, as Linux leaves it.
        buf[SPP_ADDRESS_AT..SPP_ADDRESS_AT + 128].fill(0);
    }
    let n = PADDRPARAMS.linux_len;
    let mut sack = sack_info_for(buf);
    if s.raw_getopt(sys::IPPROTO_SCTP, num::DELAYED_SACK, &mut sack).is_ok() {
        let (delay, freq) = (rd32(&sack, 4), rd32(&sack, 8));
        wr32(buf, SPP_SACKDELAY_AT, delay);
        let flag = if freq == 1 { sys::SPP_SACKDELAY_DISABLE } else { sys::SPP_SACKDELAY_ENABLE };
        wr32(buf, SPP_FLAGS_AT, rd32(buf, SPP_FLAGS_AT) | flag);
    }
    Ok(n)
}

/// SCTP_PEER_ADDR_PARAMS write: the SACK delay part goes to
/// SCTP_DELAYED_SACK (the association's), the rest to usrsctp's struct.
fn set_paddrparams(s: &UserSock, buf: &[u8]) -> io::Result<()> {
    let mut user = paddrparams_to_user(buf)?;
    let flags = rd32(buf, SPP_FLAGS_AT);
    wr32(&mut user, 140, flags & !sys::SPP_SACKDELAY);
    if flags & sys::SPP_SACKDELAY != 0 {
        let mut sack = sack_info_for(buf);
        if flags & sys::SPP_SACKDELAY_DISABLE != 0 {
            // Linux: acknowledge every packet.
            wr32(&mut sack, 8, 1);
        } else {
            wr32(&mut sack, 4, rd32(buf, SPP_SACKDELAY_AT));
        }
        s.raw_setopt(sys::IPPROTO_SCTP, num::DELAYED_SACK, &sack)?;
    }
    s.raw_setopt(sys::IPPROTO_SCTP, PADDRPARAMS.user_num, &user)
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

/// Rewrites a whole notification usrsctp delivered into the kernel's
/// layout, so the core's decoder reads it: the type, and the fields whose
/// values, positions or sizes differ. It may shrink (usrsctp's struct is
/// longer, or carries bytes Linux does not) or grow (Linux's is longer).
///
/// usrsctp's layouts are those of the library's own netinet/sctp_uio.h, not
/// always its public usrsctp.h (sctp_pdapi_event differs). A notification
/// too short for its fields keeps what it has; nothing here reads or writes
/// out of bounds.
pub(crate) fn notification_to_linux(buf: &mut Vec<u8>) {
    if buf.len() < 2 {
        return;
    }
    let user = u16::from_ne_bytes([buf[0], buf[1]]);
    // A type Linux lacks (NOTIFICATIONS_STOPPED) keeps a number no Linux
    // kind has: the decoder reports it as unknown.
    let linux = event_type_to_linux(user).unwrap_or(0x7fff);
    buf[..2].copy_from_slice(&linux.to_ne_bytes());
    match linux {
        sys::SCTP_ASSOC_CHANGE => assoc_change_to_linux(buf),
        // spc_state after the 128-byte address at 8: from 1 in usrsctp.
        sys::SCTP_PEER_ADDR_CHANGE => minus_one_u32(buf, offset_of!(sys::sctp_paddr_change, spc_state)),
        sys::SCTP_REMOTE_ERROR => remote_error_to_linux(buf),
        sys::SCTP_SEND_FAILED => send_failed_to_linux(buf),
        // ssf_flags: usrsctp's SCTP_DATA_UNSENT 1 / SENT 2; Linux's 0 / 1.
        // snd_flags: on both, the DATA chunk's flags (E 1, B 2, U 4), not
        // send flags: kept.
        sys::SCTP_SEND_FAILED_EVENT => minus_one_u16(buf, 2),
        sys::SCTP_PARTIAL_DELIVERY_EVENT => pdapi_to_linux(buf),
        sys::SCTP_AUTHENTICATION_EVENT => {
            // usrsctp: NEW_KEY 1, NO_AUTH 2, FREE_KEY 3; Linux: NEW_KEY 0,
            // FREE_KEY 1, NO_AUTH 2. The same layout.
            let at = offset_of!(sys::sctp_authkey_event, auth_indication);
            map_u32(buf, at, |v| match v {
                1 => 0,
                3 => 1,
                v => v,
            });
        }
        sys::SCTP_STREAM_RESET_EVENT => {
            // The same flag values but usrsctp's SCTP_STREAM_CHANGED_DENIED
            // (0x10), which Linux reports as SCTP_STREAM_RESET_DENIED.
            map_u16(buf, 2, |f| if f & 0x10 != 0 { (f & !0x10) | 0x4 } else { f });
        }
        // Same layout and values: SHUTDOWN, ADAPTATION, SENDER_DRY,
        // ASSOC_RESET, STREAM_CHANGE.
        _ => {}
    }
}

/// The SCTP_ASSOC_SUPPORTS_* bytes usrsctp puts in sac_info on COMM_UP and
/// RESTART are RFC 6458's, the numbers src/event.rs decodes: kept. On a
/// failure usrsctp copies the whole ABORT chunk there; Linux, its error
/// causes only (without the 4-byte chunk header).
fn assoc_change_to_linux(buf: &mut Vec<u8>) {
    // sac_state at 8: usrsctp counts from 1 (COMM_UP), Linux from 0.
    let state_at = offset_of!(sys::sctp_assoc_change, sac_state);
    minus_one_u16(buf, state_at);
    let state = buf.get(state_at..state_at + 2).map(|b| u16::from_ne_bytes([b[0], b[1]]));
    if matches!(state, Some(s) if s == COMM_LOST || s == CANT_STR_ASSOC) {
        cut(buf, offset_of!(sys::sctp_assoc_change, sac_info), 4);
    }
}

/// usrsctp: sre_error in host order, sre_data the whole ERROR chunk. Linux:
/// sre_error in network order, sre_data what follows the first cause's
/// header (its body, then any further causes): the kernel pulls the chunk
/// header, then that cause header (sctp_ulpevent_make_remote_error).
fn remote_error_to_linux(buf: &mut Vec<u8>) {
    map_u16(buf, offset_of!(sys::sctp_remote_error, sre_error), u16::to_be);
    cut(buf, offset_of!(sys::sctp_remote_error, sre_data), 8);
}

/// The old SCTP_SEND_FAILED: usrsctp's `struct sctp_sndrcvinfo` is 128
/// bytes (92 of padding after the key fields), Linux's 32; the flags as in
/// SCTP_SEND_FAILED_EVENT (sinfo_flags: the DATA chunk's, on both). The
/// unsent data follows the struct on both.
fn send_failed_to_linux(buf: &mut Vec<u8>) {
    minus_one_u16(buf, 2);
    // usrsctp's sndrcvinfo at 12: the 32 bytes Linux has (stream, ssn,
    // flags, pad, ppid, context, timetolive, tsn, cumtsn, assoc id), then
    // keynumber, keynumber_valid and padding to 12 + 128 = 140.
    const USER_INFO_END: usize = 140;
    let linux_info_end = offset_of!(sys::sctp_send_failed, ssf_info) + size_of::<sys::sctp_sndrcvinfo>();
    cut(buf, linux_info_end, USER_INFO_END - linux_info_end);
}

/// usrsctp (sctp_uio.h, 20 bytes): indication u32, stream u16, seq u16,
/// assoc id. Linux (24): indication, assoc id, stream u32, seq u32.
/// SCTP_PARTIAL_DELIVERY_ABORTED: 1 in usrsctp, 0 in Linux.
fn pdapi_to_linux(buf: &mut Vec<u8>) {
    const USER_LEN: usize = 20;
    let ind = offset_of!(sys::sctp_pdapi_event, pdapi_indication);
    minus_one_u32(buf, ind);
    if buf.len() < USER_LEN {
        return;
    }
    let stream = u16::from_ne_bytes([buf[12], buf[13]]) as u32;
    let seq = u16::from_ne_bytes([buf[14], buf[15]]) as u32;
    let assoc = rd32(buf, 16);
    buf.truncate(USER_LEN);
    buf.resize(size_of::<sys::sctp_pdapi_event>(), 0);
    wr32(buf, offset_of!(sys::sctp_pdapi_event, pdapi_assoc_id), assoc);
    wr32(buf, offset_of!(sys::sctp_pdapi_event, pdapi_stream), stream);
    wr32(buf, offset_of!(sys::sctp_pdapi_event, pdapi_seq), seq);
    wr32(buf, 4, size_of::<sys::sctp_pdapi_event>() as u32);
}

/// Removes `n` bytes at `at` (or what there is of them) and lowers
/// sn_length by as much.
fn cut(buf: &mut Vec<u8>, at: usize, n: usize) {
    if buf.len() <= at {
        return;
    }
    let gone = n.min(buf.len() - at);
    buf.drain(at..at + gone);
    if buf.len() >= 8 {
        let declared = rd32(buf, 4) as usize;
        wr32(buf, 4, declared.saturating_sub(gone) as u32);
    }
}

fn map_u16(buf: &mut [u8], at: usize, f: impl Fn(u16) -> u16) {
    if let Some(b) = buf.get_mut(at..at + 2) {
        let v = f(u16::from_ne_bytes([b[0], b[1]]));
        b.copy_from_slice(&v.to_ne_bytes());
    }
}

fn map_u32(buf: &mut [u8], at: usize, f: impl Fn(u32) -> u32) {
    if let Some(b) = buf.get_mut(at..at + 4) {
        let v = f(u32::from_ne_bytes([b[0], b[1], b[2], b[3]]));
        b.copy_from_slice(&v.to_ne_bytes());
    }
}

fn minus_one_u16(buf: &mut [u8], at: usize) {
    map_u16(buf, at, |v| v.wrapping_sub(1));
}

fn minus_one_u32(buf: &mut [u8], at: usize) {
    map_u32(buf, at, |v| v.wrapping_sub(1));
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

/// usrsctp's send flags → Linux's (those Linux lacks are dropped).
pub(crate) fn send_flags_to_linux(user: u16) -> u16 {
    SEND_FLAGS.iter().filter(|f| user & f.1 != 0).fold(0, |acc, f| acc | f.0)
}

pub(crate) fn rcv_unordered(user_flags: u16) -> bool {
    user_flags & 0x0400 != 0
}

/// usrsctp's SCTP_NXTINFO as sctpx's: its flags are usrsctp's SCTP_UNORDERED
/// (0x0400), SCTP_NOTIFICATION (0x0010) and SCTP_COMPLETE (0x0020).
pub(crate) fn next_info(stream: u16, user_flags: u16, ppid: u32, len: u32, assoc_id: AssocId) -> NextInfo {
    NextInfo {
        stream,
        ppid,
        len,
        assoc_id,
        unordered: user_flags & 0x0400 != 0,
        complete: user_flags & 0x0020 != 0,
        notification: user_flags & 0x0010 != 0,
    }
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

/// SCTP_EVENT. usrsctp refuses SENDER_DRY for the current (or all)
/// associations of a one-to-many socket, "not to send up a storm of events";
/// Linux takes it. Done as Linux does: the socket's default for future
/// associations, then each current association in turn (each answers with a
/// SENDER_DRY event when its queue is empty, as on Linux).
fn set_event(s: &UserSock, buf: &[u8]) -> io::Result<()> {
    const CURRENT: u32 = 1;
    const ALL: u32 = 2;
    const FUTURE: u32 = 0;
    let mut ev = event_to_user(buf)?;
    let target = u32::from_ne_bytes([ev[0], ev[1], ev[2], ev[3]]);
    match s.raw_setopt(sys::IPPROTO_SCTP, num::EVENT, &ev) {
        Err(e) if e.raw_os_error() == Some(libc::EOPNOTSUPP) && (target == CURRENT || target == ALL) => {
            if target == ALL {
                ev[..4].copy_from_slice(&FUTURE.to_ne_bytes());
                s.raw_setopt(sys::IPPROTO_SCTP, num::EVENT, &ev)?;
            }
            for id in assoc_id_list(s)? {
                ev[..4].copy_from_slice(&id.to_ne_bytes());
                match s.raw_setopt(sys::IPPROTO_SCTP, num::EVENT, &ev) {
                    // It ended in between: nothing to subscribe.
                    Err(e) if e.raw_os_error() == Some(libc::ENOENT) => {}
                    r => r?,
                }
            }
            Ok(())
        }
        r => r,
    }
}

/// The socket's association ids (usrsctp's struct sctp_assoc_ids: a count,
/// then the ids; EINVAL while the buffer is too small).
pub(super) fn assoc_id_list(s: &UserSock) -> io::Result<Vec<u32>> {
    let mut cap = 64usize;
    loop {
        let mut raw = vec![0u8; 4 * (cap + 1)];
        match s.raw_getopt(sys::IPPROTO_SCTP, num::GET_ASSOC_ID_LIST, &mut raw) {
            Ok(_) => {
                let n = (rd32(&raw, 0) as usize).min(cap);
                return Ok((0..n).map(|i| rd32(&raw, 4 + 4 * i)).collect());
            }
            Err(e) if e.raw_os_error() == Some(libc::EINVAL) && cap < 1 << 20 => cap *= 8,
            Err(e) => return Err(e),
        }
    }
}

#[cfg(test)]
mod tests {
    //! The pure translations, from usrsctp-layout bytes crafted as usrsctp's
    //! netinet/sctp_uio.h lays them out, to what src/event.rs decodes.

    use super::*;
    use crate::event::{decode_notification, Event};

    fn put16(b: &mut [u8], at: usize, v: u16) {
        b[at..at + 2].copy_from_slice(&v.to_ne_bytes());
    }

    /// A usrsctp notification header: type, flags 0, length.
    fn header(ty: u16, len: usize) -> Vec<u8> {
        let mut b = vec![0u8; len];
        put16(&mut b, 0, ty);
        wr32(&mut b, 4, len as u32);
        b
    }

    fn decode(mut user: Vec<u8>) -> (Event, AssocId, Vec<u8>) {
        notification_to_linux(&mut user);
        let (ev, id, off) = decode_notification(&user).expect("a known kind");
        let declared = rd32(&user, 4) as usize;
        let payload = user.get(off..declared.min(user.len())).unwrap_or(&[]).to_vec();
        (ev, id, payload)
    }

    #[test]
    fn assoc_change_comm_up_keeps_the_feature_bytes() {
        // usrsctp: state 1 (COMM_UP), streams 10/11, assoc 5, then PR, AUTH,
        // ASCONF, MULTIBUF, RE_CONFIG (SCTP_ASSOC_SUPPORTS_*, 1..5).
        let mut b = header(0x0001, 20 + 5);
        put16(&mut b, 8, 1);
        put16(&mut b, 12, 10);
        put16(&mut b, 14, 11);
        wr32(&mut b, 16, 5);
        b[20..25].copy_from_slice(&[1, 2, 3, 4, 5]);
        let (ev, id, _) = decode(b);
        let Event::AssocChange(a) = ev else { panic!("{ev:?}") };
        assert_eq!((a.state, a.outbound_streams, a.inbound_streams, id), (COMM_UP, 10, 11, 5));
        assert_eq!(a.features, FEATURE_PR | FEATURE_AUTH | FEATURE_ASCONF | FEATURE_MULTIBUF | FEATURE_RECONFIG);
    }

    #[test]
    fn assoc_change_comm_lost_gives_the_abort_causes_without_the_chunk_header() {
        // usrsctp: state 2 (COMM_LOST), then the ABORT chunk (type 6, flags,
        // length 8) with cause 12 (User-Initiated Abort, length 4).
        let mut b = header(0x0001, 20 + 8);
        put16(&mut b, 8, 2);
        b[20..28].copy_from_slice(&[6, 0, 0, 8, 0, 12, 0, 4]);
        let (ev, _, payload) = decode(b);
        let Event::AssocChange(a) = ev else { panic!("{ev:?}") };
        assert_eq!(a.state, COMM_LOST);
        assert_eq!(payload, [0, 12, 0, 4]);
    }

    #[test]
    fn peer_addr_change_state_counts_from_zero() {
        // usrsctp: SCTP_ADDR_CONFIRMED is 6; Linux's 5.
        let mut b = header(0x0002, 148);
        put16(&mut b, 8, libc::AF_INET as u16);
        b[10..12].copy_from_slice(&4000u16.to_be_bytes());
        b[12..16].copy_from_slice(&[127, 0, 0, 1]);
        wr32(&mut b, 136, 6);
        wr32(&mut b, 144, 9);
        let (ev, id, _) = decode(b);
        let Event::PeerAddrChange(p) = ev else { panic!("{ev:?}") };
        assert_eq!(p.state, crate::event::ADDR_CONFIRMED);
        assert_eq!(p.addr, Some("127.0.0.1:4000".parse().unwrap()));
        assert_eq!(id, 9);
    }

    #[test]
    fn remote_error_gives_the_cause_in_network_order_and_what_follows_its_header() {
        // usrsctp: sre_error 0x000c host order; sre_data: the ERROR chunk
        // (type 9, length 16) with a cause (code 0x000c, length 8, body 4
        // bytes) and a second cause (code 1, length 4).
        let mut b = header(0x0003, 16 + 16);
        put16(&mut b, 8, 0x000c);
        wr32(&mut b, 12, 3);
        b[16..32].copy_from_slice(&[9, 0, 0, 16, 0, 12, 0, 8, 0xde, 0xad, 0xbe, 0xef, 0, 1, 0, 4]);
        let (ev, id, payload) = decode(b);
        assert_eq!(ev, Event::RemoteError(RemoteError { error: 0x000c }));
        assert_eq!(id, 3);
        assert_eq!(payload, [0xde, 0xad, 0xbe, 0xef, 0, 1, 0, 4]);
    }

    #[test]
    fn send_failed_event_flags_count_from_zero_and_data_follows() {
        // usrsctp: flags 2 (SCTP_DATA_SENT), error 7, sndinfo (sid 4, chunk
        // flags 3, ppid, context), assoc 8, then the data.
        let mut b = header(0x000e, 32 + 3);
        put16(&mut b, 2, 2);
        wr32(&mut b, 8, 7);
        put16(&mut b, 12, 4);
        put16(&mut b, 14, 3);
        wr32(&mut b, 16, 42u32.to_be());
        wr32(&mut b, 28, 8);
        b[32..35].copy_from_slice(b"abc");
        let (ev, id, payload) = decode(b);
        let Event::SendFailedEvent(f) = ev else { panic!("{ev:?}") };
        assert_eq!((f.flags, f.error, f.info.stream, f.info.flags, f.info.ppid), (1, 7, 4, 3, 42));
        assert_eq!(id, 8);
        assert_eq!(payload, b"abc");
    }

    #[test]
    fn old_send_failed_sheds_usrsctps_96_bytes_of_padding() {
        // usrsctp: 12-byte head, 128-byte sctp_sndrcvinfo, assoc id at 140,
        // data at 144.
        let mut b = header(0x0004, 144 + 2);
        put16(&mut b, 2, 1);
        put16(&mut b, 12, 6);
        wr32(&mut b, 20, 99u32.to_be());
        wr32(&mut b, 140, 11);
        b[144..146].copy_from_slice(b"hi");
        let (ev, id, payload) = decode(b);
        let Event::SendFailed(f) = ev else { panic!("{ev:?}") };
        assert_eq!((f.flags, f.info.stream, f.info.ppid), (0, 6, 99));
        assert_eq!(id, 11);
        assert_eq!(payload, b"hi");
    }

    #[test]
    fn pdapi_grows_to_linux_field_order() {
        // usrsctp (sctp_uio.h): indication 1 (ABORTED), stream u16 3, seq
        // u16 17, assoc 21.
        let mut b = header(0x0007, 20);
        wr32(&mut b, 8, 1);
        put16(&mut b, 12, 3);
        put16(&mut b, 14, 17);
        wr32(&mut b, 16, 21);
        let (ev, id, _) = decode(b);
        assert_eq!(ev, Event::PartialDelivery(PartialDelivery { indication: 0, stream: 3, sequence: 17 }));
        assert_eq!(id, 21);
    }

    #[test]
    fn authkey_indications_are_renumbered() {
        for (user, linux) in [(1, 0), (2, 2), (3, 1)] {
            let mut b = header(0x0008, 20);
            put16(&mut b, 8, 5);
            wr32(&mut b, 12, user);
            wr32(&mut b, 16, 2);
            let (ev, _, _) = decode(b);
            assert_eq!(ev, Event::Authentication(Authentication { key_number: 5, indication: linux }));
        }
    }

    #[test]
    fn stream_reset_keeps_flags_and_host_order_streams() {
        let mut b = header(0x0009, 12 + 4);
        put16(&mut b, 2, 0x0001 | 0x0010);
        wr32(&mut b, 8, 4);
        put16(&mut b, 12, 1);
        put16(&mut b, 14, 2);
        let (ev, _, payload) = decode(b);
        // usrsctp's STREAM_CHANGED_DENIED (0x10) is Linux's RESET_DENIED (4).
        assert_eq!(ev, Event::StreamReset(StreamReset { flags: 0x0001 | 0x0004 }));
        assert_eq!(payload, [1u16.to_ne_bytes(), 2u16.to_ne_bytes()].concat());
    }

    #[test]
    fn same_layout_kinds_decode_as_they_are() {
        let mut b = header(0x000d, 16);
        wr32(&mut b, 8, 6);
        put16(&mut b, 12, 20);
        put16(&mut b, 14, 30);
        let (ev, id, _) = decode(b);
        assert_eq!(ev, Event::StreamChange(StreamChange { flags: 0, inbound_streams: 20, outbound_streams: 30 }));
        assert_eq!(id, 6);
        let mut b = header(0x000c, 20);
        wr32(&mut b, 12, 100);
        wr32(&mut b, 16, 200);
        let (ev, _, _) = decode(b);
        assert_eq!(ev, Event::AssocReset(AssocReset { flags: 0, local_tsn: 100, remote_tsn: 200 }));
        let (ev, _, _) = decode(header(0x000a, 12));
        assert_eq!(ev, Event::SenderDry);
        let (ev, _, _) = decode(header(0x0005, 12));
        assert_eq!(ev, Event::Shutdown);
    }

    #[test]
    fn an_unknown_or_cut_notification_never_panics() {
        // NOTIFICATIONS_STOPPED (0x000b) has no Linux kind.
        let mut b = header(0x000b, 8);
        notification_to_linux(&mut b);
        assert!(decode_notification(&b).is_none());
        // Every kind cut at every length.
        for ty in 0..=0x000fu16 {
            for len in 0..200 {
                let mut b = vec![0xffu8; len];
                if len >= 2 {
                    put16(&mut b, 0, ty);
                }
                notification_to_linux(&mut b);
            }
        }
    }

    #[test]
    fn send_flags_round_trip_to_usrsctps_bits() {
        assert_eq!(send_flags_to_user(SEND_UNORDERED | SEND_EOF), 0x0400 | 0x0100);
        assert_eq!(send_flags_to_user(SEND_ABORT | SEND_SENDALL | SEND_SACK_IMMEDIATELY), 0x0200 | 0x1000 | 0x4000);
        // SEND_ADDR_OVER is refused on this backend before it gets here.
        let all = SEND_FLAGS_ALL & !SEND_ADDR_OVER;
        assert_eq!(send_flags_to_linux(send_flags_to_user(all)), all);
        assert!(rcv_unordered(0x0400));
    }

    #[test]
    fn pr_policies_are_usrsctps_numbers() {
        assert_eq!((pr_policy_to_user(PR_TTL), pr_policy_to_user(PR_RTX)), (1, 3));
    }

    #[test]
    fn assocparams_fields_move_to_usrsctps_order() {
        let l = sys::sctp_assocparams {
            sasoc_assoc_id: 1,
            sasoc_asocmaxrxt: 2,
            sasoc_number_peer_destinations: 3,
            sasoc_peer_rwnd: 4,
            sasoc_local_rwnd: 5,
            sasoc_cookie_life: 6,
        };
        // SAFETY: a plain struct's bytes.
        let bytes = unsafe {
            std::slice::from_raw_parts(
                (&l as *const sys::sctp_assocparams).cast::<u8>(),
                size_of::<sys::sctp_assocparams>(),
            )
        };
        let u = ASSOCPARAMS.to_user(bytes).unwrap();
        assert_eq!([rd32(&u, 0), rd32(&u, 4), rd32(&u, 8), rd32(&u, 12)], [1, 4, 5, 6]);
        assert_eq!([u16::from_ne_bytes([u[16], u[17]]), u16::from_ne_bytes([u[18], u[19]])], [2, 3]);
        let mut back = vec![0u8; bytes.len()];
        ASSOCPARAMS.to_linux(&u, &mut back);
        assert_eq!(back, bytes);
    }

    #[test]
    fn paddrparams_fields_move_to_usrsctps_order() {
        // SAFETY: all-zero is a valid sctp_paddrparams.
        let mut l: sys::sctp_paddrparams = unsafe { std::mem::zeroed() };
        l.spp_assoc_id = 7;
        l.spp_hbinterval = 1000;
        l.spp_pathmaxrxt = 5;
        l.spp_pathmtu = 1400;
        l.spp_flags = sys::SPP_HB_ENABLE | sys::SPP_PMTUD_DISABLE;
        l.spp_ipv6_flowlabel = 9;
        l.spp_dscp = 0x2e;
        // SAFETY: a plain struct's bytes.
        let bytes = unsafe {
            std::slice::from_raw_parts(
                (&l as *const sys::sctp_paddrparams).cast::<u8>(),
                size_of::<sys::sctp_paddrparams>(),
            )
        };
        let u = paddrparams_to_user(bytes).unwrap();
        assert_eq!(u.len(), 152);
        // No address given: usrsctp's wildcard of AF_INET.
        assert_eq!(u16::from_ne_bytes([u[0], u[1]]), libc::AF_INET as u16);
        assert_eq!(
            [rd32(&u, 128), rd32(&u, 132), rd32(&u, 136), rd32(&u, 140), rd32(&u, 144)],
            [7, 1000, 1400, 0x11, 9]
        );
        assert_eq!((u16::from_ne_bytes([u[148], u[149]]), u[150]), (5, 0x2e));
    }

    #[test]
    fn setprim_puts_the_assoc_id_after_the_address() {
        let mut l = vec![0u8; size_of::<sys::sctp_prim>()];
        wr32(&mut l, 0, 12);
        put16(&mut l, 4, libc::AF_INET as u16);
        let u = prim(num::PRIMARY_ADDR).to_user(&l).unwrap();
        assert_eq!(u.len(), 136);
        assert_eq!(rd32(&u, 128), 12);
        assert_eq!(u16::from_ne_bytes([u[0], u[1]]), libc::AF_INET as u16);
    }

    #[test]
    fn paddrinfo_moves_the_assoc_id_first_and_renumbers_the_state() {
        let mut u = [0u8; 152];
        put16(&mut u, 0, libc::AF_INET as u16);
        wr32(&mut u, 128, 4);
        wr32(&mut u, 132, 0x0200);
        wr32(&mut u, 136, 4380);
        let mut l = [0u8; 152];
        paddrinfo_to_linux(&u, &mut l);
        assert_eq!(rd32(&l, 0), 4);
        assert_eq!(u16::from_ne_bytes([l[4], l[5]]), libc::AF_INET as u16);
        assert_eq!(rd32(&l, 132) as i32, sys::SCTP_UNCONFIRMED);
        assert_eq!(rd32(&l, 136), 4380);
    }

    #[test]
    fn association_states_are_linuxs() {
        assert_eq!(assoc_state_to_linux(0x0008), sys::SCTP_ESTABLISHED);
        assert_eq!(assoc_state_to_linux(0x0002), sys::SCTP_COOKIE_WAIT);
        assert_eq!(assoc_state_to_linux(0x1000), sys::SCTP_CLOSED);
    }
}
