//! The C ABI's data types and constants.
//!
//! Every name is prefixed `sctpx_`/`SCTPX_` so that `sctpx.h` can be included
//! together with `<linux/sctp.h>`. Layouts are fixed `#[repr(C)]`; fields are
//! never reordered and new fields are only ever appended.

use libc::{sockaddr, sockaddr_storage, socklen_t};

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
// Error codes. Numbered explicitly and never renumbered.
//
// Every function returns 0 (or a count) on success and a negative code on
// failure. Codes from -1 to -4095 are operating-system errors: the negated
// errno, unchanged (-ECONNREFUSED, -EAGAIN, ...). The library's own codes lie
// in the range -10000 to -10999.
// ---------------------------------------------------------------------------

/// Success.
pub const SCTPX_OK: i32 = 0;
/// A required pointer argument was NULL.
pub const SCTPX_ERR_NULL_POINTER: i32 = -10001;
/// The handle was never issued by this library (0, forged or out of range).
pub const SCTPX_ERR_BAD_HANDLE: i32 = -10002;
/// The handle was issued but has been closed.
pub const SCTPX_ERR_CLOSED_HANDLE: i32 = -10003;
/// The handle is of the wrong kind for this call (for example `sctpx_accept`
/// on a one-to-many socket or `sctpx_peeloff` on a one-to-one socket).
pub const SCTPX_ERR_WRONG_KIND: i32 = -10004;
/// An argument is out of range: an unknown flag, option, family or event
/// kind, a malformed address, a length that does not fit.
pub const SCTPX_ERR_INVALID_ARGUMENT: i32 = -10005;
/// A caller buffer is too small for the result; nothing was written.
pub const SCTPX_ERR_BUFFER_TOO_SMALL: i32 = -10006;
/// A positive timeout expired before anything arrived.
pub const SCTPX_ERR_TIMED_OUT: i32 = -10007;
/// The peer shut the (one-to-one) association down: no more messages.
pub const SCTPX_ERR_EOF: i32 = -10008;
/// A Rust panic was caught at the ABI boundary; the call had no effect that
/// can be relied on. This is a bug in sctpx: please report it.
pub const SCTPX_ERR_PANIC: i32 = -10009;

// ---------------------------------------------------------------------------
// Socket families accepted by sctpx_open_tcp / sctpx_open_udp.
// ---------------------------------------------------------------------------

/// IPv4 only.
pub const SCTPX_AF_INET: i32 = 2;
/// IPv6, dual-stack by default (IPv4 peers appear as v4-mapped addresses
/// unless `SCTPX_OPT_V6ONLY` is set).
pub const SCTPX_AF_INET6: i32 = 10;

// ---------------------------------------------------------------------------
// bindx flags.
// ---------------------------------------------------------------------------

/// `sctpx_bindx`: add the addresses to the socket's bound set.
pub const SCTPX_BINDX_ADD: i32 = 1;
/// `sctpx_bindx`: remove the addresses from the socket's bound set.
pub const SCTPX_BINDX_REMOVE: i32 = 2;

// ---------------------------------------------------------------------------
// peeloff flags.
// ---------------------------------------------------------------------------

/// `sctpx_peeloff`: the new socket is non-blocking.
pub const SCTPX_PEELOFF_NONBLOCK: i32 = 1;
/// `sctpx_peeloff`: the new descriptor is close-on-exec.
pub const SCTPX_PEELOFF_CLOEXEC: i32 = 2;

// ---------------------------------------------------------------------------
// Send flags (SendInfo.flags). Values equal the kernel's.
// ---------------------------------------------------------------------------

/// Deliver without regard to stream order.
pub const SCTPX_SEND_UNORDERED: u16 = 1;
/// Abort the association (the message, if any, is the abort reason).
/// One-to-many only: Linux refuses it on one-to-one sockets (-EINVAL).
pub const SCTPX_SEND_ABORT: u16 = 4;
/// Ask the peer to acknowledge at once (I-bit).
pub const SCTPX_SEND_SACK_IMMEDIATELY: u16 = 8;
/// One-to-many only: send the message on every association of the socket.
pub const SCTPX_SEND_SENDALL: u16 = 64;
/// Start a graceful shutdown of the association after this message.
/// One-to-many only: Linux refuses it on one-to-one sockets (-EINVAL).
pub const SCTPX_SEND_EOF: u16 = 0x200;

// ---------------------------------------------------------------------------
// Partial-reliability policies (SendInfo.pr_policy).
// ---------------------------------------------------------------------------

/// Fully reliable (the default).
pub const SCTPX_PR_NONE: u16 = 0;
/// Abandon the message after `pr_value` milliseconds.
pub const SCTPX_PR_TTL: u16 = 1;
/// Abandon the message after `pr_value` retransmissions.
pub const SCTPX_PR_RTX: u16 = 2;
/// Abandon lower-priority messages first when the buffer is full;
/// `pr_value` is the priority (lower value = more important).
pub const SCTPX_PR_PRIO: u16 = 3;

// ---------------------------------------------------------------------------
// Event kinds (sctpx_event.kind and sctpx_subscribe).
// ---------------------------------------------------------------------------

/// A data message.
pub const SCTPX_EVENT_DATA: u32 = 0;
/// Association change (`assoc_change`).
pub const SCTPX_EVENT_ASSOC_CHANGE: u32 = 1;
/// Peer address change (`peer_addr_change`).
pub const SCTPX_EVENT_PEER_ADDR_CHANGE: u32 = 2;
/// Send failed, old form (`send_failed`; the info came from sctp_sndrcvinfo).
pub const SCTPX_EVENT_SEND_FAILED: u32 = 3;
/// Remote error (`remote_error`); the payload is the error cause.
pub const SCTPX_EVENT_REMOTE_ERROR: u32 = 4;
/// The peer sent SHUTDOWN: no more data will arrive.
pub const SCTPX_EVENT_SHUTDOWN: u32 = 5;
/// Partial delivery was aborted (`partial_delivery`).
pub const SCTPX_EVENT_PARTIAL_DELIVERY: u32 = 6;
/// The peer's adaptation layer indication (`adaptation`).
pub const SCTPX_EVENT_ADAPTATION: u32 = 7;
/// Authentication key event (`authentication`).
pub const SCTPX_EVENT_AUTHENTICATION: u32 = 8;
/// No user data is left to send or retransmit.
pub const SCTPX_EVENT_SENDER_DRY: u32 = 9;
/// Streams were reset (`stream_reset`); the payload is the list of stream
/// numbers as host-order uint16_t values.
pub const SCTPX_EVENT_STREAM_RESET: u32 = 10;
/// The association was reset (`assoc_reset`).
pub const SCTPX_EVENT_ASSOC_RESET: u32 = 11;
/// The number of streams changed (`stream_change`).
pub const SCTPX_EVENT_STREAM_CHANGE: u32 = 12;
/// Send failed, new form (`send_failed`; the info came from sctp_sndinfo).
pub const SCTPX_EVENT_SEND_FAILED_EVENT: u32 = 13;

// Event flags (sctpx_event.flags).

/// The message is complete (the kernel set MSG_EOR). Without it, `len` bytes
/// are one part of a larger message and the next call returns more of it.
pub const SCTPX_EVENT_FLAG_COMPLETE: u32 = 1;
/// The data message was sent unordered.
pub const SCTPX_EVENT_FLAG_UNORDERED: u32 = 2;
/// A notification did not fit in the caller's buffer: its fixed fields are
/// decoded, its payload was cut to the buffer and the rest discarded.
pub const SCTPX_EVENT_FLAG_TRUNCATED: u32 = 4;

// assoc_change.features bits (decoded from sac_info on COMM_UP/RESTART).

/// The peer supports partial reliability (PR-SCTP).
pub const SCTPX_FEATURE_PR: u32 = 1;
/// The peer supports AUTH.
pub const SCTPX_FEATURE_AUTH: u32 = 2;
/// The peer supports dynamic address reconfiguration (ASCONF).
pub const SCTPX_FEATURE_ASCONF: u32 = 4;
/// The peer supports multi-buffer (not used by Linux, kept for RFC 6458).
pub const SCTPX_FEATURE_MULTIBUF: u32 = 8;
/// The peer supports stream reconfiguration (RE-CONFIG).
pub const SCTPX_FEATURE_RECONFIG: u32 = 16;
/// The peer supports message interleaving (I-DATA).
pub const SCTPX_FEATURE_INTERLEAVING: u32 = 32;

// ---------------------------------------------------------------------------
// Integer options for sctpx_get_option / sctpx_set_option. Values are the
// library's own, stable, and independent of the kernel's option numbers.
// Each doc ends with what sctpx_set_option accepts, "Range: MIN to MAX." or
// "Read only.", as `IntOption::range` has it (tests/c/option_ranges.c
// checks one against the other).
// ---------------------------------------------------------------------------

/// SCTP_NODELAY: 1 disables Nagle-like bundling delay.
/// Range: 0 to 1.
pub const SCTPX_OPT_NODELAY: i32 = 1;
/// SCTP_AUTOCLOSE: seconds of idle time before a one-to-many association is
/// closed (0 = never). The kernel lowers a value above the sysctl
/// net.sctp.max_autoclose (by default INT_MAX / HZ: 8589934 with HZ=250) to
/// it. One-to-one sockets: -EOPNOTSUPP.
/// Range: 0 to 2147483647.
pub const SCTPX_OPT_AUTOCLOSE: i32 = 2;
/// SCTP_DISABLE_FRAGMENTS: 1 makes oversize sends fail with EMSGSIZE.
/// Range: 0 to 1.
pub const SCTPX_OPT_DISABLE_FRAGMENTS: i32 = 3;
/// SCTP_I_WANT_MAPPED_V4_ADDR: 1 reports IPv4 peers of an IPv6 socket as
/// v4-mapped IPv6 addresses.
/// Range: 0 to 1.
pub const SCTPX_OPT_MAPPED_V4: i32 = 4;
/// SCTP_FRAGMENT_INTERLEAVE: partial-delivery interleave, off (0) or on (1).
/// Linux keeps only on or off: RFC 6458's level 2 would read back as 1.
/// Range: 0 to 1.
pub const SCTPX_OPT_FRAGMENT_INTERLEAVE: i32 = 5;
/// SCTP_PARTIAL_DELIVERY_POINT: bytes after which partial delivery starts.
/// The kernel refuses more than half of SCTPX_OPT_RCVBUF's value (-EINVAL).
/// Range: 0 to 4294967295.
pub const SCTPX_OPT_PARTIAL_DELIVERY_POINT: i32 = 6;
/// SCTP_MAXSEG: maximum fragment size in bytes (per association); 0 lets
/// the path MTU decide. The kernel refuses other values below its minimum
/// for the family (464 for IPv4, 450 for IPv6 on Linux 6.1) and, on an
/// association using I-DATA, above 65512 (-EINVAL).
/// Range: 0 to 65516.
pub const SCTPX_OPT_MAXSEG: i32 = 7;
/// SCTP_MAX_BURST: maximum burst of packets (per association; 0: no limit).
/// Range: 0 to 4294967295.
pub const SCTPX_OPT_MAX_BURST: i32 = 8;
/// SCTP_CONTEXT: default context for sends (per association).
/// Range: 0 to 4294967295.
pub const SCTPX_OPT_CONTEXT: i32 = 9;
/// SCTP_ADAPTATION_LAYER: the adaptation indication sent in INIT/INIT-ACK.
/// Range: 0 to 4294967295.
pub const SCTPX_OPT_ADAPTATION_LAYER: i32 = 10;
/// SCTP_REUSE_PORT: 1 lets several sockets bind the same port.
/// Range: 0 to 1.
pub const SCTPX_OPT_REUSE_PORT: i32 = 11;
/// SO_SNDBUF in bytes. As socket(7) says, the kernel doubles what is set,
/// lowers it to twice the sysctl net.core.wmem_max and raises it to its
/// minimum (at least 2048).
/// Range: 0 to 2147483647.
pub const SCTPX_OPT_SNDBUF: i32 = 12;
/// SO_RCVBUF in bytes. As socket(7) says, the kernel doubles what is set,
/// lowers it to twice the sysctl net.core.rmem_max and raises it to its
/// minimum (at least 256).
/// Range: 0 to 2147483647.
pub const SCTPX_OPT_RCVBUF: i32 = 13;
/// SO_REUSEADDR: 1 allows binding a port in TIME_WAIT-like states.
/// Range: 0 to 1.
pub const SCTPX_OPT_REUSEADDR: i32 = 14;
/// SO_LINGER: -1 = off; N >= 0 = linger N seconds on close (0 aborts).
/// Range: -1 to 2147483647.
pub const SCTPX_OPT_LINGER: i32 = 15;
/// SCTP_GET_ASSOC_NUMBER: associations on a one-to-many socket.
/// Read only.
pub const SCTPX_OPT_ASSOC_NUMBER: i32 = 16;
/// IPV6_V6ONLY: 1 makes an IPv6 socket refuse IPv4 peers.
/// Range: 0 to 1.
pub const SCTPX_OPT_V6ONLY: i32 = 17;
/// SCTP_ENABLE_STREAM_RESET: bit set of SCTPX_ENABLE_RESET_* (per assoc).
/// Range: 0 to 7.
pub const SCTPX_OPT_ENABLE_STREAM_RESET: i32 = 18;
/// SCTP_RECONFIG_SUPPORTED: 1 offers stream reconfiguration to new peers.
/// Range: 0 to 1.
pub const SCTPX_OPT_RECONFIG_SUPPORTED: i32 = 19;
/// SCTP_PR_SUPPORTED: 1 offers partial reliability to new peers.
/// Range: 0 to 1.
pub const SCTPX_OPT_PR_SUPPORTED: i32 = 20;
/// O_NONBLOCK on the descriptor: 1 makes calls return -EAGAIN (connects:
/// -EINPROGRESS) instead of blocking when no timeout is given.
/// Range: 0 to 1.
pub const SCTPX_OPT_NONBLOCK: i32 = 21;
/// SO_ERROR: the socket's pending error as a positive errno (0 when none),
/// cleared by the read — how a non-blocking connect reports its result.
/// Read only.
pub const SCTPX_OPT_PENDING_ERROR: i32 = 22;
/// sctpx's own option, not the kernel's: 1 (the default) data events carry
/// their source address in `from`; 0 they do not (`from_len` 0), and each
/// receive saves the kernel's copy of it. Per socket; inherited by peeloff.
/// Range: 0 to 1.
pub const SCTPX_OPT_RECV_FROM: i32 = 23;

/// SCTPX_OPT_ENABLE_STREAM_RESET: allow stream reset requests.
pub const SCTPX_ENABLE_RESET_STREAM_REQ: i64 = 1;
/// SCTPX_OPT_ENABLE_STREAM_RESET: allow association reset requests.
pub const SCTPX_ENABLE_RESET_ASSOC_REQ: i64 = 2;
/// SCTPX_OPT_ENABLE_STREAM_RESET: allow add-streams requests.
pub const SCTPX_ENABLE_CHANGE_ASSOC_REQ: i64 = 4;

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

/// assoc_change.state: the association is up.
pub const SCTPX_COMM_UP: u16 = 0;
/// assoc_change.state: the association failed (peer unreachable or aborted).
pub const SCTPX_COMM_LOST: u16 = 1;
/// assoc_change.state: the peer restarted.
pub const SCTPX_RESTART: u16 = 2;
/// assoc_change.state: a graceful shutdown completed.
pub const SCTPX_SHUTDOWN_COMP: u16 = 3;
/// assoc_change.state: the association could not be set up.
pub const SCTPX_CANT_STR_ASSOC: u16 = 4;

/// peer_addr_change.state: the address is reachable.
pub const SCTPX_ADDR_AVAILABLE: u32 = 0;
/// peer_addr_change.state: the address is unreachable (path failed).
pub const SCTPX_ADDR_UNREACHABLE: u32 = 1;
/// peer_addr_change.state: the address was removed from the association.
pub const SCTPX_ADDR_REMOVED: u32 = 2;
/// peer_addr_change.state: the address was added to the association.
pub const SCTPX_ADDR_ADDED: u32 = 3;
/// peer_addr_change.state: the address was made primary.
pub const SCTPX_ADDR_MADE_PRIM: u32 = 4;
/// peer_addr_change.state: the address was confirmed by a heartbeat.
pub const SCTPX_ADDR_CONFIRMED: u32 = 5;
/// peer_addr_change.state: the address is potentially failed.
pub const SCTPX_ADDR_POTENTIALLY_FAILED: u32 = 6;

/// send_failed.flags: the data never reached the wire (Linux: 0).
pub const SCTPX_DATA_UNSENT: u32 = 0;
/// send_failed.flags: the data was sent but not acknowledged (Linux: 1).
pub const SCTPX_DATA_SENT: u32 = 1;

/// partial_delivery.indication: partial delivery was aborted.
pub const SCTPX_PARTIAL_DELIVERY_ABORTED: u32 = 0;

/// authentication.indication: a new key is active.
pub const SCTPX_AUTH_NEW_KEY: u32 = 0;
/// authentication.indication: a key is no longer used.
pub const SCTPX_AUTH_FREE_KEY: u32 = 1;
/// authentication.indication: the peer does not support AUTH.
pub const SCTPX_AUTH_NO_AUTH: u32 = 2;

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
