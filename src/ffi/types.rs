//! The C ABI's data types and constants.
//!
//! Every name is prefixed `sctpx_`/`SCTPX_` so that `sctpx.h` can be included
//! together with `<linux/sctp.h>`. Layouts are fixed `#[repr(C)]`; fields are
//! never reordered and new fields are only ever appended.

use libc::{sockaddr, sockaddr_storage, socklen_t};

// The numbered lists (codes, flags, event kinds, options) are generated from
// the core's tables (src/tables.rs).
pub use super::constants::*;

use crate::types::{
    Adaptation, AssocChange, AssocId, AssocReset, Authentication, PartialDelivery, RemoteError, SendFailed, SendInfo,
    StreamChange, StreamReset,
};

/// An opaque reference to a socket owned by the library.
///
/// Handles are issued from 1 upwards and never reused within a process, so a
/// stale handle is always detected (`SCTPX_ERR_CLOSED_HANDLE`) and a forged
/// one is `SCTPX_ERR_BAD_HANDLE`. 0 is never a valid handle.
pub type sctpx_handle = u64;

// ---------------------------------------------------------------------------
// Socket families accepted by sctpx_open_tcp / sctpx_open_udp.
// ---------------------------------------------------------------------------

/// IPv4 only.
pub const SCTPX_AF_INET: i32 = 2;
/// IPv6, dual-stack by default (IPv4 peers appear as v4-mapped addresses
/// unless `SCTPX_OPT_V6ONLY` is set).
pub const SCTPX_AF_INET6: i32 = 10;

/// SCTPX_OPT_ENABLE_STREAM_RESET: allow stream reset requests.
pub const SCTPX_ENABLE_RESET_STREAM_REQ: i64 = 1;
/// SCTPX_OPT_ENABLE_STREAM_RESET: allow association reset requests.
pub const SCTPX_ENABLE_RESET_ASSOC_REQ: i64 = 2;
/// SCTPX_OPT_ENABLE_STREAM_RESET: allow add-streams requests.
pub const SCTPX_ENABLE_CHANGE_ASSOC_REQ: i64 = 4;

/// SCTPX_OPT_EXPOSE_PF_STATE: as the sysctl net.sctp.pf_expose says.
pub const SCTPX_PF_EXPOSE_UNSET: i64 = 0;
/// SCTPX_OPT_EXPOSE_PF_STATE: hide the potentially-failed state.
pub const SCTPX_PF_EXPOSE_DISABLE: i64 = 1;
/// SCTPX_OPT_EXPOSE_PF_STATE: report it (SCTPX_ADDR_POTENTIALLY_FAILED events).
pub const SCTPX_PF_EXPOSE_ENABLE: i64 = 2;

/// One message of a `sctpx_send_batch` call.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sctpx_send_msg {
    /// The message bytes (may be NULL when `len` is 0).
    pub data: *const u8,
    /// Length of `data` in bytes.
    pub len: usize,
    /// Its send parameters.
    pub info: SendInfo,
    /// Destination address, or NULL to use `info.assoc_id`.
    pub to: *const sockaddr,
    /// Length of `to` (0 when `to` is NULL).
    pub to_len: socklen_t,
}

/// SCTP_PEER_ADDR_CHANGE.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctpx_peer_addr_change {
    /// The peer address concerned.
    pub addr: sockaddr_storage,
    /// SCTP_ADDR_AVAILABLE (0), _UNREACHABLE (1), _REMOVED (2), _ADDED (3),
    /// _MADE_PRIM (4), _CONFIRMED (5), _POTENTIALLY_FAILED (6).
    pub state: u32,
    /// Why the state changed: SCTPX_PEER_* reason codes (Linux fills this
    /// with its sctp_sn_error values, e.g. SCTPX_PEER_HEARTBEAT_SUCCESS with
    /// SCTPX_ADDR_CONFIRMED), not an errno.
    pub error: u32,
}

/// One event: a data message or a notification.
///
/// `kind` says which. The bytes of the event (the message, or a
/// notification's payload as documented per kind) are in the caller's buffer,
/// `len` of them. A notification writes every field (those of other kinds
/// zero); a data message writes only the fields up to `from_len` and the
/// first `from_len` bytes of `from`, leaving the rest as it was: clearing all
/// 408 bytes per message measurably slowed request/response (BENCHMARKS.md).
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctpx_event {
    /// SCTPX_EVENT_*.
    pub kind: u32,
    /// SCTPX_EVENT_FLAG_* bits.
    pub flags: u32,
    /// The association the event belongs to.
    pub assoc_id: AssocId,
    /// Bytes written to the caller's buffer.
    pub len: u32,
    /// Data: stream number.
    pub stream: u16,
    /// Data: stream sequence number.
    pub ssn: u16,
    /// Data: payload protocol identifier, host byte order.
    pub ppid: u32,
    /// Data: transmission sequence number.
    pub tsn: u32,
    /// Data: cumulative TSN acknowledged.
    pub cumtsn: u32,
    /// Data: context (for messages from SCTP_CONTEXT).
    pub context: u32,
    /// Data: length of `from` (0 when the kernel gave no source address).
    pub from_len: socklen_t,
    /// Data: the source address.
    pub from: sockaddr_storage,
    /// SCTPX_EVENT_ASSOC_CHANGE.
    pub assoc_change: AssocChange,
    /// SCTPX_EVENT_PEER_ADDR_CHANGE.
    pub peer_addr_change: sctpx_peer_addr_change,
    /// SCTPX_EVENT_REMOTE_ERROR.
    pub remote_error: RemoteError,
    /// SCTPX_EVENT_SEND_FAILED and SCTPX_EVENT_SEND_FAILED_EVENT.
    pub send_failed: SendFailed,
    /// SCTPX_EVENT_PARTIAL_DELIVERY.
    pub partial_delivery: PartialDelivery,
    /// SCTPX_EVENT_ADAPTATION.
    pub adaptation: Adaptation,
    /// SCTPX_EVENT_AUTHENTICATION.
    pub authentication: Authentication,
    /// SCTPX_EVENT_STREAM_RESET.
    pub stream_reset: StreamReset,
    /// SCTPX_EVENT_ASSOC_RESET.
    pub assoc_reset: AssocReset,
    /// SCTPX_EVENT_STREAM_CHANGE.
    pub stream_change: StreamChange,
}

/// The message queued behind the one a receive returned (SCTP_NXTINFO),
/// written by sctpx_next_event_with_next_info. `flags` without
/// SCTPX_NEXT_FLAG_PRESENT (and every other field 0) says no next message is
/// known: none was waiting, or SCTPX_OPT_RECV_NEXT_INFO is off.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctpx_next_info {
    /// SCTPX_NEXT_FLAG_* bits.
    pub flags: u32,
    /// Its association.
    pub assoc_id: AssocId,
    /// Its payload protocol identifier, host byte order.
    pub ppid: u32,
    /// Its length in bytes, as much of it as has arrived.
    pub len: u32,
    /// Its stream number.
    pub stream: u16,
    /// Reserved: always 0.
    pub reserved: u16,
}

/// SCTP_PEER_ADDR_PARAMS.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctpx_paddrparams {
    /// Association (one-to-many), or 0 for the socket's defaults.
    pub assoc_id: AssocId,
    /// Length of `address`, 0 for all of the association's addresses.
    pub address_len: socklen_t,
    /// The peer address these parameters apply to.
    pub address: sockaddr_storage,
    /// Heartbeat interval in milliseconds.
    pub hbinterval: u32,
    /// Maximum retransmissions on this path before it is marked failed.
    pub pathmaxrxt: u16,
    /// Path MTU (with SPP_PMTUD_DISABLE).
    pub pathmtu: u32,
    /// Delayed SACK time in milliseconds (with SPP_SACKDELAY_ENABLE).
    pub sackdelay: u32,
    /// The kernel's SPP_* flags, unchanged.
    pub flags: u32,
    /// IPv6 flow label (with SPP_IPV6_FLOWLABEL).
    pub ipv6_flowlabel: u32,
    /// DSCP (with SPP_DSCP).
    pub dscp: u8,
}

/// SCTP_PEER_ADDR_THLDS_V2: a path's failure thresholds, in consecutive
/// retransmission timeouts on that path.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctpx_paddrthlds {
    /// Association (one-to-many), or 0 for the socket's defaults.
    pub assoc_id: AssocId,
    /// Length of `address`, 0 for all of the association's addresses.
    pub address_len: socklen_t,
    /// The peer address these thresholds apply to.
    pub address: sockaddr_storage,
    /// Timeouts after which the path is failed; 0 on a set leaves it unchanged.
    pub pathmaxrxt: u16,
    /// Timeouts after which the path is potentially failed (new data goes to
    /// another active path); at most `ps_retrans`.
    pub pf_max_retrans: u16,
    /// Timeouts on the primary path after which the path in use becomes the
    /// primary (RFC 7829 switchover); 65535 (the kernel's default): never.
    pub ps_retrans: u16,
}

/// SCTP_GET_PEER_ADDR_INFO: one peer address's state.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctpx_paddrinfo {
    /// Association (one-to-many), or 0.
    pub assoc_id: AssocId,
    /// Length of `address`.
    pub address_len: socklen_t,
    /// The peer address.
    pub address: sockaddr_storage,
    /// SCTP_INACTIVE (0), SCTP_PF (1), SCTP_ACTIVE (2), SCTP_UNCONFIRMED (3).
    pub state: i32,
    /// Congestion window in bytes.
    pub cwnd: u32,
    /// Smoothed round-trip time in milliseconds.
    pub srtt: u32,
    /// Retransmission timeout in milliseconds.
    pub rto: u32,
    /// Path MTU.
    pub mtu: u32,
}

/// SCTP_STATUS: an association's state.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctpx_status {
    /// Association (one-to-many), or 0.
    pub assoc_id: AssocId,
    /// The kernel's SCTP_* association state (SCTP_ESTABLISHED = 4).
    pub state: i32,
    /// Peer's receive window.
    pub rwnd: u32,
    /// Unacknowledged DATA chunks.
    pub unackdata: u16,
    /// DATA chunks pending receipt.
    pub penddata: u16,
    /// Inbound streams.
    pub inbound_streams: u16,
    /// Outbound streams.
    pub outbound_streams: u16,
    /// Fragmentation point in bytes.
    pub fragmentation_point: u32,
    /// The primary path.
    pub primary: sctpx_paddrinfo,
}

// ---------------------------------------------------------------------------
// Values of notification fields (the kernel's, under SCTPX_ names so that
// bindings need not copy them from <linux/sctp.h>).
// ---------------------------------------------------------------------------

/// send_failed.flags: the data never reached the wire (Linux: 0).
pub const SCTPX_DATA_UNSENT: u32 = 0;
/// send_failed.flags: the data was sent but not acknowledged (Linux: 1).
pub const SCTPX_DATA_SENT: u32 = 1;

/// partial_delivery.indication: partial delivery was aborted.
pub const SCTPX_PARTIAL_DELIVERY_ABORTED: u32 = 0;

/// stream_reset.flags: incoming SSNs were reset.
pub const SCTPX_STREAM_RESET_INCOMING_SSN: u16 = 1;
/// stream_reset.flags: outgoing SSNs were reset.
pub const SCTPX_STREAM_RESET_OUTGOING_SSN: u16 = 2;
/// stream_reset / assoc_reset / stream_change flags: the peer denied it.
pub const SCTPX_RESET_DENIED: u16 = 4;
/// stream_reset / assoc_reset / stream_change flags: it failed.
pub const SCTPX_RESET_FAILED: u16 = 8;

/// sctpx_reset_streams direction: incoming streams.
pub const SCTPX_STREAM_RESET_INCOMING: u16 = 1;
/// sctpx_reset_streams direction: outgoing streams.
pub const SCTPX_STREAM_RESET_OUTGOING: u16 = 2;

/// sctpx_paddrinfo.state: the path is inactive (failed).
pub const SCTPX_PATH_INACTIVE: i32 = 0;
/// sctpx_paddrinfo.state: the path is potentially failed.
pub const SCTPX_PATH_PF: i32 = 1;
/// sctpx_paddrinfo.state: the path is active.
pub const SCTPX_PATH_ACTIVE: i32 = 2;
/// sctpx_paddrinfo.state: the path is not confirmed yet.
pub const SCTPX_PATH_UNCONFIRMED: i32 = 3;

/// sctpx_status.state: closed.
pub const SCTPX_STATE_CLOSED: i32 = 1;
/// sctpx_status.state: INIT sent, waiting for INIT-ACK.
pub const SCTPX_STATE_COOKIE_WAIT: i32 = 2;
/// sctpx_status.state: COOKIE-ECHO sent.
pub const SCTPX_STATE_COOKIE_ECHOED: i32 = 3;
/// sctpx_status.state: established.
pub const SCTPX_STATE_ESTABLISHED: i32 = 4;
/// sctpx_status.state: shutdown pending.
pub const SCTPX_STATE_SHUTDOWN_PENDING: i32 = 5;
/// sctpx_status.state: SHUTDOWN sent.
pub const SCTPX_STATE_SHUTDOWN_SENT: i32 = 6;
/// sctpx_status.state: SHUTDOWN received.
pub const SCTPX_STATE_SHUTDOWN_RECEIVED: i32 = 7;
/// sctpx_status.state: SHUTDOWN-ACK sent.
pub const SCTPX_STATE_SHUTDOWN_ACK_SENT: i32 = 8;

/// peer_addr_change.error: the path exceeded its retransmission threshold.
pub const SCTPX_PEER_FAILED_THRESHOLD: u32 = 0;
/// peer_addr_change.error: a SACK arrived on the path.
pub const SCTPX_PEER_RECEIVED_SACK: u32 = 1;
/// peer_addr_change.error: a heartbeat was answered.
pub const SCTPX_PEER_HEARTBEAT_SUCCESS: u32 = 2;
/// peer_addr_change.error: in response to a user request.
pub const SCTPX_PEER_RESPONSE_TO_USER_REQ: u32 = 3;
/// peer_addr_change.error: an internal error.
pub const SCTPX_PEER_INTERNAL_ERROR: u32 = 4;
/// peer_addr_change.error: the shutdown guard timer expired.
pub const SCTPX_PEER_SHUTDOWN_GUARD_EXPIRES: u32 = 5;
/// peer_addr_change.error: the peer behaved faultily.
pub const SCTPX_PEER_FAULTY: u32 = 6;

/// sctpx_paddrparams.flags: enable heartbeats.
pub const SCTPX_SPP_HB_ENABLE: u32 = 1;
/// sctpx_paddrparams.flags: disable heartbeats.
pub const SCTPX_SPP_HB_DISABLE: u32 = 0x2;
/// sctpx_paddrparams.flags: send a heartbeat at once.
pub const SCTPX_SPP_HB_DEMAND: u32 = 0x4;
/// sctpx_paddrparams.flags: enable path MTU discovery.
pub const SCTPX_SPP_PMTUD_ENABLE: u32 = 0x8;
/// sctpx_paddrparams.flags: disable path MTU discovery (pathmtu applies).
pub const SCTPX_SPP_PMTUD_DISABLE: u32 = 0x10;
/// sctpx_paddrparams.flags: enable delayed SACK (sackdelay applies).
pub const SCTPX_SPP_SACKDELAY_ENABLE: u32 = 0x20;
/// sctpx_paddrparams.flags: disable delayed SACK.
pub const SCTPX_SPP_SACKDELAY_DISABLE: u32 = 0x40;
/// sctpx_paddrparams.flags: heartbeat interval 0 (hbinterval is ignored).
pub const SCTPX_SPP_HB_TIME_IS_ZERO: u32 = 0x80;
/// sctpx_paddrparams.flags: ipv6_flowlabel applies.
pub const SCTPX_SPP_IPV6_FLOWLABEL: u32 = 0x100;
/// sctpx_paddrparams.flags: dscp applies.
pub const SCTPX_SPP_DSCP: u32 = 0x200;
