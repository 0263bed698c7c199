//! Socket and association options: the integer options by number, the
//! structured ones each by its own pair of calls, status and statistics,
//! and stream reconfiguration.

use std::mem;

use libc::{sockaddr, socklen_t};

use super::addrs::write_addr;
use super::boundary::*;
use super::types::*;
use crate::options::{IntOption, PeerAddrInfo, PeerAddrParams, PeerAddrThresholds};
use crate::types::*;

/// Reads integer option `option` (SCTPX_OPT_*) into `*value`. `assoc_id`
/// selects the association for per-association options (0: socket default).
/// An unknown option gives SCTPX_ERR_INVALID_ARGUMENT; SCTPX_OPT_ASSOC_NUMBER
/// of a one-to-one socket SCTPX_ERR_WRONG_KIND.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_option(h: sctpx_handle, assoc_id: AssocId, option: i32, value: *mut i64) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let value = mut_from_ptr(value)?;
        let o = IntOption::from_i32(option).ok_or(SCTPX_ERR_INVALID_ARGUMENT)?;
        *value = s.option(o, assoc_id).or_code()?;
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
pub extern "C" fn sctpx_set_option(h: sctpx_handle, assoc_id: AssocId, option: i32, value: i64) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let o = IntOption::from_i32(option).ok_or(SCTPX_ERR_INVALID_ARGUMENT)?;
        s.set_option(o, assoc_id, value).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_RTOINFO (retransmission timeouts, ms) of association `assoc_id` (0: the socket's defaults)
/// into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_rtoinfo(h: sctpx_handle, assoc_id: AssocId, out: *mut RtoInfo) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        *out = s.rtoinfo(assoc_id).or_code()?;
        Ok(0)
    })
}

/// Sets SCTP_RTOINFO (retransmission timeouts, ms) from `*value`; its `assoc_id` selects the association.
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_rtoinfo(h: sctpx_handle, value: *const RtoInfo) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let value = ref_from_ptr(value)?;
        s.set_rtoinfo(value).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_ASSOCINFO (association parameters) of association `assoc_id` (0: the socket's defaults)
/// into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_assocparams(h: sctpx_handle, assoc_id: AssocId, out: *mut AssocParams) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        *out = s.assocparams(assoc_id).or_code()?;
        Ok(0)
    })
}

/// Sets SCTP_ASSOCINFO (association parameters) from `*value`; its `assoc_id` selects the association.
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_assocparams(h: sctpx_handle, value: *const AssocParams) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let value = ref_from_ptr(value)?;
        s.set_assocparams(value).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_DEFAULT_SNDINFO (the parameters of sends that give none) of association `assoc_id` (0: the socket's defaults)
/// into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_default_send_info(h: sctpx_handle, assoc_id: AssocId, out: *mut SendInfo) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        *out = s.default_send_info(assoc_id).or_code()?;
        Ok(0)
    })
}

/// Sets SCTP_DEFAULT_SNDINFO (the parameters of sends that give none) from `*value`; its `assoc_id` selects the association.
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_default_send_info(h: sctpx_handle, value: *const SendInfo) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let value = ref_from_ptr(value)?;
        s.set_default_send_info(value).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_DELAYED_SACK of association `assoc_id` (0: the socket's defaults)
/// into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_delayed_sack(h: sctpx_handle, assoc_id: AssocId, out: *mut SackInfo) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        *out = s.delayed_sack(assoc_id).or_code()?;
        Ok(0)
    })
}

/// Sets SCTP_DELAYED_SACK from `*value`; its `assoc_id` selects the association.
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_delayed_sack(h: sctpx_handle, value: *const SackInfo) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let value = ref_from_ptr(value)?;
        s.set_delayed_sack(value).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_INITMSG (the parameters for new associations) into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_initmsg(h: sctpx_handle, out: *mut InitMsg) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        *out = s.initmsg().or_code()?;
        Ok(0)
    })
}

/// Sets SCTP_INITMSG from `*value` (0 fields leave a value unchanged).
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_initmsg(h: sctpx_handle, value: *const InitMsg) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let value = ref_from_ptr(value)?;
        s.set_initmsg(value).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_PEER_ADDR_PARAMS of association `assoc_id` for peer address
/// `addr` (may be NULL: the association's or socket's defaults) into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_paddrparams(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
    out: *mut sctpx_paddrparams,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        let a = optional_addr_from_ptr(addr, addr_len)?;
        let p = s.peer_addr_params(assoc_id, a).or_code()?;
        // SAFETY: plain data; all-zero is valid (the padding is sent zeroed).
        let mut o: sctpx_paddrparams = mem::zeroed();
        o.assoc_id = p.assoc_id;
        o.address_len = write_addr(&p.address, &mut o.address);
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
pub unsafe extern "C" fn sctpx_set_paddrparams(h: sctpx_handle, value: *const sctpx_paddrparams) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let v = ref_from_ptr(value)?;
        let address =
            if v.address_len == 0 { None } else { Some(crate::addr::from_storage_any(&v.address).or_code()?) };
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
        s.set_peer_addr_params(&p).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_PEER_ADDR_THLDS_V2 of association `assoc_id` for peer address
/// `addr` (may be NULL: the association's or socket's defaults) into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_paddrthlds(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
    out: *mut sctpx_paddrthlds,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        let a = optional_addr_from_ptr(addr, addr_len)?;
        let t = s.peer_addr_thresholds(assoc_id, a).or_code()?;
        // SAFETY: plain data; all-zero is valid.
        let mut o: sctpx_paddrthlds = mem::zeroed();
        o.assoc_id = t.assoc_id;
        o.address_len = write_addr(&t.address, &mut o.address);
        o.pathmaxrxt = t.pathmaxrxt;
        o.pf_max_retrans = t.pf_max_retrans;
        o.ps_retrans = t.ps_retrans;
        *out = o;
        Ok(0)
    })
}

/// Sets SCTP_PEER_ADDR_THLDS_V2 from `*value` (`address_len` 0: all
/// addresses). `pf_max_retrans` above `ps_retrans` gives
/// SCTPX_ERR_INVALID_ARGUMENT and changes nothing.
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_paddrthlds(h: sctpx_handle, value: *const sctpx_paddrthlds) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let v = ref_from_ptr(value)?;
        let address =
            if v.address_len == 0 { None } else { Some(crate::addr::from_storage_any(&v.address).or_code()?) };
        let t = PeerAddrThresholds {
            assoc_id: v.assoc_id,
            address,
            pathmaxrxt: v.pathmaxrxt,
            pf_max_retrans: v.pf_max_retrans,
            ps_retrans: v.ps_retrans,
        };
        s.set_peer_addr_thresholds(&t).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_REMOTE_UDP_ENCAPS_PORT of peer address `addr` of association
/// `assoc_id` into `*port`: the UDP port packets to it are encapsulated for,
/// 0 for plain SCTP (SCTPX_OPT_UDP_REMOTE_PORT is the association's).
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_paddr_udp_port(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
    port: *mut i32,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let port = mut_from_ptr(port)?;
        let a = addr_from_ptr(addr, addr_len)?;
        *port = i32::from(s.peer_addr_udp_port(assoc_id, &a).or_code()?);
        Ok(0)
    })
}

/// Sets SCTP_REMOTE_UDP_ENCAPS_PORT of peer address `addr` of association
/// `assoc_id`: packets to it go over UDP to `port` from now on (0: plain
/// SCTP), the association's other paths unchanged. A port outside 0 to 65535
/// gives SCTPX_ERR_INVALID_ARGUMENT.
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_paddr_udp_port(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
    port: i32,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let a = addr_from_ptr(addr, addr_len)?;
        let port = u16::try_from(port).map_err(|_| SCTPX_ERR_INVALID_ARGUMENT)?;
        s.set_peer_addr_udp_port(assoc_id, &a, port).or_code()?;
        Ok(0)
    })
}

/// Fills a C peer-address info from the core's.
fn write_paddrinfo(p: &PeerAddrInfo, o: &mut sctpx_paddrinfo) {
    o.assoc_id = p.assoc_id;
    o.address_len = write_addr(&p.address, &mut o.address);
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
pub unsafe extern "C" fn sctpx_get_status(h: sctpx_handle, assoc_id: AssocId, out: *mut sctpx_status) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        let st = s.status(assoc_id).or_code()?;
        // SAFETY: as in sctpx_get_paddrparams.
        let mut o: sctpx_status = mem::zeroed();
        o.assoc_id = st.assoc_id;
        o.state = st.state;
        o.rwnd = st.rwnd;
        o.unackdata = st.unackdata;
        o.penddata = st.penddata;
        o.inbound_streams = st.inbound_streams;
        o.outbound_streams = st.outbound_streams;
        o.fragmentation_point = st.fragmentation_point;
        write_paddrinfo(&st.primary, &mut o.primary);
        *out = o;
        Ok(0)
    })
}

/// Reads SCTP_GET_PEER_ADDR_INFO for peer address `addr` into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_paddrinfo(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
    out: *mut sctpx_paddrinfo,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        let a = addr_from_ptr(addr, addr_len)?;
        let p = s.peer_addr_info(assoc_id, &a).or_code()?;
        // SAFETY: as in sctpx_get_paddrparams.
        let mut o: sctpx_paddrinfo = mem::zeroed();
        write_paddrinfo(&p, &mut o);
        *out = o;
        Ok(0)
    })
}

/// Reads SCTP_GET_ASSOC_STATS of association `assoc_id` into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_assoc_stats(h: sctpx_handle, assoc_id: AssocId, out: *mut AssocStats) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        *out = s.assoc_stats(assoc_id).or_code()?;
        Ok(0)
    })
}

/// Writes the ids of the associations of a one-to-many socket into `out`
/// (`cap` entries) and returns how many there are (only `cap` are written
/// when there are more).
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_assoc_ids(h: sctpx_handle, out: *mut AssocId, cap: usize) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let list = mut_slice_from_ptr(out, cap, i32::MAX as usize)?;
        count_result(s.assoc_ids(list).or_code()?)
    })
}

/// Requests a reset of `count` streams (`streams`, may be NULL when `count`
/// is 0: all streams) in direction `flags` (1 incoming, 2 outgoing, 3 both).
/// Needs SCTPX_OPT_ENABLE_STREAM_RESET on both sides.
#[no_mangle]
pub unsafe extern "C" fn sctpx_reset_streams(
    h: sctpx_handle,
    assoc_id: AssocId,
    flags: u16,
    streams: *const u16,
    count: usize,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        if flags == 0 || flags & !3 != 0 || count > 256 {
            return Err(SCTPX_ERR_INVALID_ARGUMENT);
        }
        let list = slice_from_ptr(streams, count, usize::MAX)?;
        s.reset_streams(assoc_id, flags, list).or_code()?;
        Ok(0)
    })
}

/// Resets association `assoc_id` (SCTP_RESET_ASSOC): TSNs and every
/// stream's SSN start again. Needs SCTPX_OPT_RECONFIG_SUPPORTED and
/// SCTPX_ENABLE_RESET_ASSOC_REQ on both sides; SCTPX_EVENT_ASSOC_RESET
/// reports the outcome.
#[no_mangle]
pub extern "C" fn sctpx_reset_assoc(h: sctpx_handle, assoc_id: AssocId) -> i32 {
    guard(|| {
        socket_of(h)?.reset_assoc(assoc_id).or_code()?;
        Ok(0)
    })
}

/// Adds `inbound` and `outbound` streams to association `assoc_id`
/// (SCTP_ADD_STREAMS).
#[no_mangle]
pub extern "C" fn sctpx_add_streams(h: sctpx_handle, assoc_id: AssocId, inbound: u16, outbound: u16) -> i32 {
    guard(|| {
        socket_of(h)?.add_streams(assoc_id, inbound, outbound).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_DEFAULT_PRINFO (the partial-reliability policy of sends that
/// give none) of association `assoc_id` (0: the socket's defaults) into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_default_prinfo(h: sctpx_handle, assoc_id: AssocId, out: *mut DefaultPrInfo) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        *out = s.default_pr_info(assoc_id).or_code()?;
        Ok(0)
    })
}

/// Sets SCTP_DEFAULT_PRINFO from `*value`; its `assoc_id` selects the
/// association. A policy that is not SCTPX_PR_NONE, _TTL, _RTX or _PRIO gives
/// SCTPX_ERR_INVALID_ARGUMENT.
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_default_prinfo(h: sctpx_handle, value: *const DefaultPrInfo) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let value = ref_from_ptr(value)?;
        s.set_default_pr_info(value).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_PR_ASSOC_STATUS into `*out`: the messages of association
/// `assoc_id` abandoned under `policy` (SCTPX_PR_TTL, _RTX, _PRIO, or
/// SCTPX_PR_ALL for every policy together; another value gives
/// SCTPX_ERR_INVALID_ARGUMENT).
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_pr_assoc_status(
    h: sctpx_handle,
    assoc_id: AssocId,
    policy: u16,
    out: *mut PrStatus,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        *out = s.pr_assoc_status(assoc_id, policy).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_PR_STREAM_STATUS into `*out`: as sctpx_get_pr_assoc_status, for
/// outbound stream `stream` alone (one the association does not have: -EINVAL).
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_pr_stream_status(
    h: sctpx_handle,
    assoc_id: AssocId,
    stream: u16,
    policy: u16,
    out: *mut PrStatus,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        *out = s.pr_stream_status(assoc_id, stream, policy).or_code()?;
        Ok(0)
    })
}

/// Reads SCTP_STREAM_SCHEDULER_VALUE of outbound stream `stream` of
/// association `assoc_id` into `*value`: its priority under SCTPX_SCHED_PRIO
/// (lower is sent first), its weight under SCTPX_SCHED_WFQ. Needs an
/// association (before one: -EINVAL).
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_stream_sched_value(
    h: sctpx_handle,
    assoc_id: AssocId,
    stream: u16,
    value: *mut u16,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let value = mut_from_ptr(value)?;
        *value = s.stream_sched_value(assoc_id, stream).or_code()?;
        Ok(0)
    })
}

/// Sets SCTP_STREAM_SCHEDULER_VALUE of outbound stream `stream` of association
/// `assoc_id` to `value` (see sctpx_get_stream_sched_value). A stream the
/// association does not have: -EINVAL.
#[no_mangle]
pub extern "C" fn sctpx_set_stream_sched_value(h: sctpx_handle, assoc_id: AssocId, stream: u16, value: u16) -> i32 {
    guard(|| {
        socket_of(h)?.set_stream_sched_value(assoc_id, stream, value).or_code()?;
        Ok(0)
    })
}

/// The most bytes sctpx_getsockopt and sctpx_setsockopt take: more than any
/// option of <linux/sctp.h> needs (SCTP_GET_ASSOC_ID_LIST of 262 143 associations).
const MAX_RAW_LEN: usize = 1 << 20;

/// The escape hatch for options sctpx does not type: getsockopt(`level`,
/// `name`) on the handle's socket. `level` is SCTPX_LEVEL_SCTP (SOL_SCTP)
/// or SCTPX_LEVEL_SOCKET (SOL_SOCKET); `name` and the buffer's layout are
/// Linux's (<linux/sctp.h>). `*len` is the buffer's size in bytes (at most
/// 1 MiB) on entry; the buffer's first bytes are passed in (the kernel reads
/// input fields such as an association id from them). On success the
/// buffer holds what the kernel wrote and `*len` its length; on failure
/// neither is changed. Any other level, or an option whose buffer holds a
/// pointer (SCTP_SOCKOPT_CONNECTX3, SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF):
/// SCTPX_ERR_INVALID_ARGUMENT. On the userspace backend: SCTPX_ERR_NOT_SUPPORTED
/// (usrsctp numbers its options differently). sctpx does not learn of what
/// a raw call changes (its own subscriptions, O_NONBLOCK it tracks).
#[no_mangle]
pub unsafe extern "C" fn sctpx_getsockopt(
    h: sctpx_handle,
    level: i32,
    name: i32,
    buf: *mut u8,
    len: *mut usize,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let len = mut_from_ptr(len)?;
        let caller = mut_slice_from_ptr(buf, *len, MAX_RAW_LEN)?;
        // The kernel writes into the buffer as it goes: a copy keeps the
        // caller's untouched unless the call succeeds.
        let mut tmp = caller.to_vec();
        let n = s.raw_option(level, name, &mut tmp).or_code()?;
        caller[..n].copy_from_slice(&tmp[..n]);
        *len = n;
        Ok(0)
    })
}

/// The escape hatch for options sctpx does not type: setsockopt(`level`,
/// `name`) from the `len` bytes at `buf` (at most 1 MiB; NULL when `len` is
/// 0), as sctpx_getsockopt says.
#[no_mangle]
pub unsafe extern "C" fn sctpx_setsockopt(h: sctpx_handle, level: i32, name: i32, buf: *const u8, len: usize) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let bytes = slice_from_ptr(buf, len, MAX_RAW_LEN)?;
        s.set_raw_option(level, name, bytes).or_code()?;
        Ok(0)
    })
}
