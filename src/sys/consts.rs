//! Constants of `<linux/sctp.h>` (plus `IPPROTO_SCTP` / `SOL_SCTP`).
//!
//! Every name is spelled exactly as in C. `tests/sys_layout.rs` enumerates
//! this file and checks every value against the C headers (a constant added
//! here without a check fails the test) and that every constant of
//! `<linux/sctp.h>` is present. The only constants the headers lack are
//! `SOL_SCTP` and the RFC 6458 `SCTP_ASSOC_SUPPORTS_*` bytes at the end,
//! which the test checks against fixed values instead.
//!
//! The Rust type of each group is the type of the struct field (or syscall
//! argument) the constant is normally stored in, e.g. the notification types
//! are `u16` because `sn_type` is `__u16`, the `spc_state` values are
//! `c_int` because `spc_state` is `int`.

use libc::c_int;

use super::types::sctp_assoc_t;

// ---------------------------------------------------------------------------
// Protocol / level numbers.
// ---------------------------------------------------------------------------

/// Protocol number of SCTP, the third argument of `socket(2)`.
pub const IPPROTO_SCTP: c_int = 132;
/// Socket option level of all SCTP options (`setsockopt(fd, SOL_SCTP, ...)`).
///
/// Not in the uapi headers or glibc (the kernel's internal
/// `linux/socket.h` and lksctp's `<netinet/sctp.h>` define it as 132).
pub const SOL_SCTP: c_int = 132;

// ---------------------------------------------------------------------------
// Special association ids (the `*_assoc_id` field of option structs).
// ---------------------------------------------------------------------------

/// Association id meaning "the endpoint default for future associations".
pub const SCTP_FUTURE_ASSOC: sctp_assoc_t = 0;
/// Association id meaning "all currently existing associations".
pub const SCTP_CURRENT_ASSOC: sctp_assoc_t = 1;
/// Association id meaning "current and future associations".
pub const SCTP_ALL_ASSOC: sctp_assoc_t = 2;

// ---------------------------------------------------------------------------
// Socket options (`optname` at level `SOL_SCTP`), RFC 6458 section 8.
// ---------------------------------------------------------------------------

/// Option: retransmission timeout parameters (`sctp_rtoinfo`).
pub const SCTP_RTOINFO: c_int = 0;
/// Option: association parameters (`sctp_assocparams`).
pub const SCTP_ASSOCINFO: c_int = 1;
/// Option: default INIT parameters (`sctp_initmsg`).
pub const SCTP_INITMSG: c_int = 2;
/// Option: disable Nagle-like bundling delay (`int`).
pub const SCTP_NODELAY: c_int = 3;
/// Option: idle seconds before a one-to-many association is closed (`int`).
pub const SCTP_AUTOCLOSE: c_int = 4;
/// Option: ask the peer to use one of our addresses as primary (`sctp_setpeerprim`).
pub const SCTP_SET_PEER_PRIMARY_ADDR: c_int = 5;
/// Option: set the local primary destination address (`sctp_prim`).
pub const SCTP_PRIMARY_ADDR: c_int = 6;
/// Option: adaptation layer indication (`sctp_setadaptation`).
pub const SCTP_ADAPTATION_LAYER: c_int = 7;
/// Option: disable user message fragmentation (`int`).
pub const SCTP_DISABLE_FRAGMENTS: c_int = 8;
/// Option: per-peer-address parameters (`sctp_paddrparams`).
pub const SCTP_PEER_ADDR_PARAMS: c_int = 9;
/// Option: default `sctp_sndrcvinfo` for sends (deprecated by `SCTP_DEFAULT_SNDINFO`).
pub const SCTP_DEFAULT_SEND_PARAM: c_int = 10;
/// Option: old-style event subscription (`sctp_event_subscribe`).
pub const SCTP_EVENTS: c_int = 11;
/// Option: report IPv4 peers as v4-mapped IPv6 addresses (`int`).
pub const SCTP_I_WANT_MAPPED_V4_ADDR: c_int = 12;
/// Option: maximum fragment size (`sctp_assoc_value`).
pub const SCTP_MAXSEG: c_int = 13;
/// Option: association status, read only (`sctp_status`).
pub const SCTP_STATUS: c_int = 14;
/// Option: peer address information, read only (`sctp_paddrinfo`).
pub const SCTP_GET_PEER_ADDR_INFO: c_int = 15;
/// Option: delayed SACK timer and frequency (`sctp_sack_info`).
pub const SCTP_DELAYED_ACK_TIME: c_int = 16;
/// Option: alias of [`SCTP_DELAYED_ACK_TIME`].
pub const SCTP_DELAYED_ACK: c_int = SCTP_DELAYED_ACK_TIME;
/// Option: alias of [`SCTP_DELAYED_ACK_TIME`].
pub const SCTP_DELAYED_SACK: c_int = SCTP_DELAYED_ACK_TIME;
/// Option: default context value (`sctp_assoc_value`).
pub const SCTP_CONTEXT: c_int = 17;
/// Option: fragment interleave level for partial delivery (`int`).
pub const SCTP_FRAGMENT_INTERLEAVE: c_int = 18;
/// Option: partial delivery point in bytes (`u32`).
pub const SCTP_PARTIAL_DELIVERY_POINT: c_int = 19;
/// Option: maximum burst (`sctp_assoc_value`).
pub const SCTP_MAX_BURST: c_int = 20;
/// Option: add a chunk type that must be authenticated, set only (`sctp_authchunk`).
pub const SCTP_AUTH_CHUNK: c_int = 21;
/// Option: list of accepted HMAC identifiers (`sctp_hmacalgo`).
pub const SCTP_HMAC_IDENT: c_int = 22;
/// Option: set a shared key (`sctp_authkey`).
pub const SCTP_AUTH_KEY: c_int = 23;
/// Option: active shared key number (`sctp_authkeyid`).
pub const SCTP_AUTH_ACTIVE_KEY: c_int = 24;
/// Option: delete a shared key (`sctp_authkeyid`).
pub const SCTP_AUTH_DELETE_KEY: c_int = 25;
/// Option: chunks the peer requires authenticated, read only (`sctp_authchunks`).
pub const SCTP_PEER_AUTH_CHUNKS: c_int = 26;
/// Option: chunks we require authenticated, read only (`sctp_authchunks`).
pub const SCTP_LOCAL_AUTH_CHUNKS: c_int = 27;
/// Option: number of associations on a one-to-many socket, read only (`u32`).
pub const SCTP_GET_ASSOC_NUMBER: c_int = 28;
/// Option: list of association ids, read only (`sctp_assoc_ids`).
pub const SCTP_GET_ASSOC_ID_LIST: c_int = 29;
/// Option: automatic ASCONF on local address changes (`int`).
pub const SCTP_AUTO_ASCONF: c_int = 30;
/// Option: path failure / potentially-failed thresholds (`sctp_paddrthlds`).
pub const SCTP_PEER_ADDR_THLDS: c_int = 31;
/// Option: deliver `SCTP_RCVINFO` cmsgs on receive (`int`).
pub const SCTP_RECVRCVINFO: c_int = 32;
/// Option: deliver `SCTP_NXTINFO` cmsgs on receive (`int`).
pub const SCTP_RECVNXTINFO: c_int = 33;
/// Option: default `sctp_sndinfo` for sends (`sctp_sndinfo`).
pub const SCTP_DEFAULT_SNDINFO: c_int = 34;
/// Option: deactivate a shared key (`sctp_authkeyid`).
pub const SCTP_AUTH_DEACTIVATE_KEY: c_int = 35;
/// Option: allow port reuse between SCTP endpoints (`int`).
pub const SCTP_REUSE_PORT: c_int = 36;
/// Option: path thresholds including the primary-path-switchover threshold (`sctp_paddrthlds_v2`).
pub const SCTP_PEER_ADDR_THLDS_V2: c_int = 37;

/// Internal option: `sctp_bindx()` add addresses (packed address array).
pub const SCTP_SOCKOPT_BINDX_ADD: c_int = 100;
/// Internal option: `sctp_bindx()` remove addresses (packed address array).
pub const SCTP_SOCKOPT_BINDX_REM: c_int = 101;
/// Internal option: peel an association off into a new socket (`sctp_peeloff_arg_t`).
pub const SCTP_SOCKOPT_PEELOFF: c_int = 102;
/// Internal option: original `sctp_connectx()`, returns no association id.
pub const SCTP_SOCKOPT_CONNECTX_OLD: c_int = 107;
/// Internal option: list peer addresses (`sctp_getaddrs` + packed addresses).
pub const SCTP_GET_PEER_ADDRS: c_int = 108;
/// Internal option: list local addresses (`sctp_getaddrs` + packed addresses).
pub const SCTP_GET_LOCAL_ADDRS: c_int = 109;
/// Internal option: `sctp_connectx()` via setsockopt; the association id is the return value.
pub const SCTP_SOCKOPT_CONNECTX: c_int = 110;
/// Internal option: `sctp_connectx()` via getsockopt (`sctp_getaddrs_old`), works non-blocking.
pub const SCTP_SOCKOPT_CONNECTX3: c_int = 111;
/// Option: association statistics, read only (`sctp_assoc_stats`).
pub const SCTP_GET_ASSOC_STATS: c_int = 112;
/// Option: PR-SCTP support (`sctp_assoc_value`).
pub const SCTP_PR_SUPPORTED: c_int = 113;
/// Option: default PR-SCTP policy (`sctp_default_prinfo`).
pub const SCTP_DEFAULT_PRINFO: c_int = 114;
/// Option: PR-SCTP abandoned counters per association (`sctp_prstatus`).
pub const SCTP_PR_ASSOC_STATUS: c_int = 115;
/// Option: PR-SCTP abandoned counters per stream (`sctp_prstatus`).
pub const SCTP_PR_STREAM_STATUS: c_int = 116;
/// Option: stream reconfiguration (RFC 6525) support (`sctp_assoc_value`).
pub const SCTP_RECONFIG_SUPPORTED: c_int = 117;
/// Option: which reconfiguration requests are allowed (`sctp_assoc_value`).
pub const SCTP_ENABLE_STREAM_RESET: c_int = 118;
/// Option: reset streams, set only (`sctp_reset_streams`).
pub const SCTP_RESET_STREAMS: c_int = 119;
/// Option: reset the association TSNs, set only (`sctp_assoc_t`).
pub const SCTP_RESET_ASSOC: c_int = 120;
/// Option: add streams, set only (`sctp_add_streams`).
pub const SCTP_ADD_STREAMS: c_int = 121;
/// Internal option: peel off with `O_NONBLOCK`/`O_CLOEXEC` flags (`sctp_peeloff_flags_arg_t`).
pub const SCTP_SOCKOPT_PEELOFF_FLAGS: c_int = 122;
/// Option: stream scheduler (`sctp_assoc_value`, values `SCTP_SS_*`).
pub const SCTP_STREAM_SCHEDULER: c_int = 123;
/// Option: per-stream scheduler value (`sctp_stream_value`).
pub const SCTP_STREAM_SCHEDULER_VALUE: c_int = 124;
/// Option: message interleaving (I-DATA) support (`sctp_assoc_value`).
pub const SCTP_INTERLEAVING_SUPPORTED: c_int = 125;
/// Option: `sendmsg()` on a one-to-many socket may set up an association (`int`).
pub const SCTP_SENDMSG_CONNECT: c_int = 126;
/// Option: per-event subscription (`sctp_event`).
pub const SCTP_EVENT: c_int = 127;
/// Option: ASCONF support (`sctp_assoc_value`).
pub const SCTP_ASCONF_SUPPORTED: c_int = 128;
/// Option: AUTH support (`sctp_assoc_value`).
pub const SCTP_AUTH_SUPPORTED: c_int = 129;
/// Option: ECN support (`sctp_assoc_value`).
pub const SCTP_ECN_SUPPORTED: c_int = 130;
/// Option: expose the potentially-failed path state to users (`sctp_assoc_value`).
pub const SCTP_EXPOSE_POTENTIALLY_FAILED_STATE: c_int = 131;
/// Option: alias of [`SCTP_EXPOSE_POTENTIALLY_FAILED_STATE`].
pub const SCTP_EXPOSE_PF_STATE: c_int = SCTP_EXPOSE_POTENTIALLY_FAILED_STATE;
/// Option: remote UDP encapsulation port (`sctp_udpencaps`).
pub const SCTP_REMOTE_UDP_ENCAPS_PORT: c_int = 132;
/// Option: PLPMTUD probe interval (`sctp_probeinterval`).
pub const SCTP_PLPMTUD_PROBE_INTERVAL: c_int = 133;

// ---------------------------------------------------------------------------
// PR-SCTP policies (`pr_policy`, also OR-ed into `sinfo_flags`).
// ---------------------------------------------------------------------------

/// PR-SCTP policy: reliable transfer.
pub const SCTP_PR_SCTP_NONE: u16 = 0x0000;
/// PR-SCTP policy: time-to-live in milliseconds.
pub const SCTP_PR_SCTP_TTL: u16 = 0x0010;
/// PR-SCTP policy: limited number of retransmissions.
pub const SCTP_PR_SCTP_RTX: u16 = 0x0020;
/// PR-SCTP policy: priority (drop lower priority messages first).
pub const SCTP_PR_SCTP_PRIO: u16 = 0x0030;
/// Highest defined PR-SCTP policy.
pub const SCTP_PR_SCTP_MAX: u16 = SCTP_PR_SCTP_PRIO;
/// Mask of the policy bits in `sinfo_flags` / `pr_policy`.
pub const SCTP_PR_SCTP_MASK: u16 = 0x0030;

// ---------------------------------------------------------------------------
// Stream reconfiguration (`SCTP_ENABLE_STREAM_RESET` value,
// `sctp_reset_streams.srs_flags`).
// ---------------------------------------------------------------------------

/// Allow the peer to reset streams.
pub const SCTP_ENABLE_RESET_STREAM_REQ: u32 = 0x01;
/// Allow the peer to reset the association.
pub const SCTP_ENABLE_RESET_ASSOC_REQ: u32 = 0x02;
/// Allow the peer to add streams.
pub const SCTP_ENABLE_CHANGE_ASSOC_REQ: u32 = 0x04;
/// Mask of all `SCTP_ENABLE_*_REQ` bits.
pub const SCTP_ENABLE_STRRESET_MASK: u32 = 0x07;
/// `srs_flags`: reset incoming streams.
pub const SCTP_STREAM_RESET_INCOMING: u16 = 0x01;
/// `srs_flags`: reset outgoing streams.
pub const SCTP_STREAM_RESET_OUTGOING: u16 = 0x02;

// ---------------------------------------------------------------------------
// `msghdr.msg_flags`.
// ---------------------------------------------------------------------------

/// `msg_flags` bit: the received message is a notification, not user data.
pub const MSG_NOTIFICATION: c_int = 0x8000;

// ---------------------------------------------------------------------------
// `sinfo_flags` / `snd_flags` / `rcv_flags` (enum sctp_sinfo_flags).
// ---------------------------------------------------------------------------

/// Send/receive the message unordered.
pub const SCTP_UNORDERED: u16 = 1 << 0;
/// Override the primary destination with the given address.
pub const SCTP_ADDR_OVER: u16 = 1 << 1;
/// Abort the association (ABORT chunk, message is the user cause).
pub const SCTP_ABORT: u16 = 1 << 2;
/// Ask the peer to SACK this message without delay.
pub const SCTP_SACK_IMMEDIATELY: u16 = 1 << 3;
/// Send the message on all associations of a one-to-many socket.
pub const SCTP_SENDALL: u16 = 1 << 6;
/// Apply the PR-SCTP policy to all pending messages (abandon).
pub const SCTP_PR_SCTP_ALL: u16 = 1 << 7;
/// The message is a notification (same value as `MSG_NOTIFICATION`).
pub const SCTP_NOTIFICATION: u16 = 0x8000;
/// Initiate graceful shutdown (same value as `MSG_FIN`).
pub const SCTP_EOF: u16 = 0x0200;

// ---------------------------------------------------------------------------
// Ancillary data types (`cmsg_type` at `cmsg_level == IPPROTO_SCTP`).
// ---------------------------------------------------------------------------

/// cmsg: `sctp_initmsg` for implicit association setup.
pub const SCTP_INIT: c_int = 0;
/// cmsg: `sctp_sndrcvinfo` (deprecated send/receive info).
pub const SCTP_SNDRCV: c_int = 1;
/// cmsg: `sctp_sndinfo` (send info).
pub const SCTP_SNDINFO: c_int = 2;
/// cmsg: `sctp_rcvinfo` (receive info).
pub const SCTP_RCVINFO: c_int = 3;
/// cmsg: `sctp_nxtinfo` (next message info).
pub const SCTP_NXTINFO: c_int = 4;
/// cmsg: `sctp_prinfo` (PR-SCTP send info).
pub const SCTP_PRINFO: c_int = 5;
/// cmsg: `sctp_authinfo` (AUTH key to send with).
pub const SCTP_AUTHINFO: c_int = 6;
/// cmsg: `struct in_addr` destination.
pub const SCTP_DSTADDRV4: c_int = 7;
/// cmsg: `struct in6_addr` destination.
pub const SCTP_DSTADDRV6: c_int = 8;

// ---------------------------------------------------------------------------
// Notification types (`sn_type`, `sctp_event.se_type`), enum sctp_sn_type.
// ---------------------------------------------------------------------------

/// Base of all notification type numbers (`1 << 15`).
pub const SCTP_SN_TYPE_BASE: u16 = 1 << 15;
/// Event type for data/`sctp_sndrcvinfo` delivery (not a notification itself).
pub const SCTP_DATA_IO_EVENT: u16 = SCTP_SN_TYPE_BASE;
/// Notification: association came up / went down (`sctp_assoc_change`).
pub const SCTP_ASSOC_CHANGE: u16 = SCTP_SN_TYPE_BASE + 1;
/// Notification: peer address state change (`sctp_paddr_change`).
pub const SCTP_PEER_ADDR_CHANGE: u16 = SCTP_SN_TYPE_BASE + 2;
/// Notification: message could not be sent, old format (`sctp_send_failed`).
pub const SCTP_SEND_FAILED: u16 = SCTP_SN_TYPE_BASE + 3;
/// Notification: peer sent an operation error (`sctp_remote_error`).
pub const SCTP_REMOTE_ERROR: u16 = SCTP_SN_TYPE_BASE + 4;
/// Notification: peer sent SHUTDOWN (`sctp_shutdown_event`).
pub const SCTP_SHUTDOWN_EVENT: u16 = SCTP_SN_TYPE_BASE + 5;
/// Notification: partial delivery aborted (`sctp_pdapi_event`).
pub const SCTP_PARTIAL_DELIVERY_EVENT: u16 = SCTP_SN_TYPE_BASE + 6;
/// Notification: peer adaptation layer indication (`sctp_adaptation_event`).
pub const SCTP_ADAPTATION_INDICATION: u16 = SCTP_SN_TYPE_BASE + 7;
/// Notification: AUTH key event (`sctp_authkey_event`).
pub const SCTP_AUTHENTICATION_EVENT: u16 = SCTP_SN_TYPE_BASE + 8;
/// Alias of [`SCTP_AUTHENTICATION_EVENT`].
pub const SCTP_AUTHENTICATION_INDICATION: u16 = SCTP_AUTHENTICATION_EVENT;
/// Notification: nothing left to send or retransmit (`sctp_sender_dry_event`).
pub const SCTP_SENDER_DRY_EVENT: u16 = SCTP_SN_TYPE_BASE + 9;
/// Notification: streams were reset (`sctp_stream_reset_event`).
pub const SCTP_STREAM_RESET_EVENT: u16 = SCTP_SN_TYPE_BASE + 10;
/// Notification: association TSNs were reset (`sctp_assoc_reset_event`).
pub const SCTP_ASSOC_RESET_EVENT: u16 = SCTP_SN_TYPE_BASE + 11;
/// Notification: stream counts changed (`sctp_stream_change_event`).
pub const SCTP_STREAM_CHANGE_EVENT: u16 = SCTP_SN_TYPE_BASE + 12;
/// Notification: message could not be sent, new format (`sctp_send_failed_event`).
pub const SCTP_SEND_FAILED_EVENT: u16 = SCTP_SN_TYPE_BASE + 13;
/// Highest defined notification type.
pub const SCTP_SN_TYPE_MAX: u16 = SCTP_SEND_FAILED_EVENT;

// ---------------------------------------------------------------------------
// `sac_state` values (enum sctp_sac_state).
// ---------------------------------------------------------------------------

/// `sac_state`: association is up.
pub const SCTP_COMM_UP: u16 = 0;
/// `sac_state`: association failed.
pub const SCTP_COMM_LOST: u16 = 1;
/// `sac_state`: peer restarted.
pub const SCTP_RESTART: u16 = 2;
/// `sac_state`: association shut down gracefully.
pub const SCTP_SHUTDOWN_COMP: u16 = 3;
/// `sac_state`: association setup failed.
pub const SCTP_CANT_STR_ASSOC: u16 = 4;

// ---------------------------------------------------------------------------
// `strchange_flags` bits (kernel names them SCTP_ASSOC_CHANGE_*).
// ---------------------------------------------------------------------------

/// `strchange_flags`: the add-streams request was denied.
pub const SCTP_ASSOC_CHANGE_DENIED: u16 = 0x0004;
/// `strchange_flags`: the add-streams request failed.
pub const SCTP_ASSOC_CHANGE_FAILED: u16 = 0x0008;
/// `strchange_flags`: alias of [`SCTP_ASSOC_CHANGE_DENIED`].
pub const SCTP_STREAM_CHANGE_DENIED: u16 = SCTP_ASSOC_CHANGE_DENIED;
/// `strchange_flags`: alias of [`SCTP_ASSOC_CHANGE_FAILED`].
pub const SCTP_STREAM_CHANGE_FAILED: u16 = SCTP_ASSOC_CHANGE_FAILED;

// ---------------------------------------------------------------------------
// `spc_state` values (enum sctp_spc_state).
// ---------------------------------------------------------------------------

/// `spc_state`: address is reachable again.
pub const SCTP_ADDR_AVAILABLE: c_int = 0;
/// `spc_state`: address became unreachable.
pub const SCTP_ADDR_UNREACHABLE: c_int = 1;
/// `spc_state`: address was removed from the association.
pub const SCTP_ADDR_REMOVED: c_int = 2;
/// `spc_state`: address was added to the association.
pub const SCTP_ADDR_ADDED: c_int = 3;
/// `spc_state`: address became the primary.
pub const SCTP_ADDR_MADE_PRIM: c_int = 4;
/// `spc_state`: address was confirmed by a heartbeat.
pub const SCTP_ADDR_CONFIRMED: c_int = 5;
/// `spc_state`: address entered the potentially-failed state.
pub const SCTP_ADDR_POTENTIALLY_FAILED: c_int = 6;
/// `spc_state`: alias of [`SCTP_ADDR_POTENTIALLY_FAILED`].
pub const SCTP_ADDR_PF: c_int = SCTP_ADDR_POTENTIALLY_FAILED;

// ---------------------------------------------------------------------------
// `ssf_flags` values (enum sctp_ssf_flags).
// ---------------------------------------------------------------------------

/// `ssf_flags`: the data was never put on the wire.
pub const SCTP_DATA_UNSENT: u16 = 0;
/// `ssf_flags`: the data was put on the wire (delivery unknown).
pub const SCTP_DATA_SENT: u16 = 1;

// ---------------------------------------------------------------------------
// `pdapi_indication` values.
// ---------------------------------------------------------------------------

/// `pdapi_indication`: partial delivery was aborted.
pub const SCTP_PARTIAL_DELIVERY_ABORTED: u32 = 0;

// ---------------------------------------------------------------------------
// `auth_indication` values.
// ---------------------------------------------------------------------------

/// `auth_indication`: a new key became active.
pub const SCTP_AUTH_NEW_KEY: u32 = 0;
/// `auth_indication`: alias of [`SCTP_AUTH_NEW_KEY`].
pub const SCTP_AUTH_NEWKEY: u32 = SCTP_AUTH_NEW_KEY;
/// `auth_indication`: a deactivated key is no longer in use and may be freed.
pub const SCTP_AUTH_FREE_KEY: u32 = 1;
/// `auth_indication`: the peer does not support AUTH.
pub const SCTP_AUTH_NO_AUTH: u32 = 2;

// ---------------------------------------------------------------------------
// `strreset_flags` / `assocreset_flags` bits.
// ---------------------------------------------------------------------------

/// `strreset_flags`: incoming streams were reset.
pub const SCTP_STREAM_RESET_INCOMING_SSN: u16 = 0x0001;
/// `strreset_flags`: outgoing streams were reset.
pub const SCTP_STREAM_RESET_OUTGOING_SSN: u16 = 0x0002;
/// `strreset_flags`: the reset request was denied.
pub const SCTP_STREAM_RESET_DENIED: u16 = 0x0004;
/// `strreset_flags`: the reset request failed.
pub const SCTP_STREAM_RESET_FAILED: u16 = 0x0008;
/// `assocreset_flags`: the association reset was denied.
pub const SCTP_ASSOC_RESET_DENIED: u16 = 0x0004;
/// `assocreset_flags`: the association reset failed.
pub const SCTP_ASSOC_RESET_FAILED: u16 = 0x0008;

// ---------------------------------------------------------------------------
// Notification error codes (enum sctp_sn_error; `sac_error`, `spc_error`).
// ---------------------------------------------------------------------------

/// Error code: path failure threshold reached.
pub const SCTP_FAILED_THRESHOLD: u16 = 0;
/// Error code: SACK received.
pub const SCTP_RECEIVED_SACK: u16 = 1;
/// Error code: heartbeat succeeded.
pub const SCTP_HEARTBEAT_SUCCESS: u16 = 2;
/// Error code: response to a user request.
pub const SCTP_RESPONSE_TO_USER_REQ: u16 = 3;
/// Error code: internal error.
pub const SCTP_INTERNAL_ERROR: u16 = 4;
/// Error code: shutdown guard timer expired.
pub const SCTP_SHUTDOWN_GUARD_EXPIRES: u16 = 5;
/// Error code: peer is faulty.
pub const SCTP_PEER_FAULTY: u16 = 6;

// ---------------------------------------------------------------------------
// `spp_flags` bits (enum sctp_spp_flags).
// ---------------------------------------------------------------------------

/// `spp_flags`: enable heartbeats.
pub const SPP_HB_ENABLE: u32 = 1 << 0;
/// `spp_flags`: disable heartbeats.
pub const SPP_HB_DISABLE: u32 = 1 << 1;
/// `spp_flags`: mask of the heartbeat enable/disable bits.
pub const SPP_HB: u32 = SPP_HB_ENABLE | SPP_HB_DISABLE;
/// `spp_flags`: send a heartbeat immediately.
pub const SPP_HB_DEMAND: u32 = 1 << 2;
/// `spp_flags`: enable path MTU discovery.
pub const SPP_PMTUD_ENABLE: u32 = 1 << 3;
/// `spp_flags`: disable path MTU discovery (use `spp_pathmtu`).
pub const SPP_PMTUD_DISABLE: u32 = 1 << 4;
/// `spp_flags`: mask of the PMTUD enable/disable bits.
pub const SPP_PMTUD: u32 = SPP_PMTUD_ENABLE | SPP_PMTUD_DISABLE;
/// `spp_flags`: enable delayed SACK (use `spp_sackdelay`).
pub const SPP_SACKDELAY_ENABLE: u32 = 1 << 5;
/// `spp_flags`: disable delayed SACK.
pub const SPP_SACKDELAY_DISABLE: u32 = 1 << 6;
/// `spp_flags`: mask of the SACK delay enable/disable bits.
pub const SPP_SACKDELAY: u32 = SPP_SACKDELAY_ENABLE | SPP_SACKDELAY_DISABLE;
/// `spp_flags`: set the heartbeat delay to zero.
pub const SPP_HB_TIME_IS_ZERO: u32 = 1 << 7;
/// `spp_flags`: `spp_ipv6_flowlabel` is valid.
pub const SPP_IPV6_FLOWLABEL: u32 = 1 << 8;
/// `spp_flags`: `spp_dscp` is valid.
pub const SPP_DSCP: u32 = 1 << 9;

// ---------------------------------------------------------------------------
// HMAC identifiers (`shmac_idents`).
// ---------------------------------------------------------------------------

/// HMAC identifier: HMAC-SHA-1.
pub const SCTP_AUTH_HMAC_ID_SHA1: u16 = 1;
/// HMAC identifier: HMAC-SHA-256.
pub const SCTP_AUTH_HMAC_ID_SHA256: u16 = 3;

// ---------------------------------------------------------------------------
// `spinfo_state` values (enum sctp_spinfo_state).
// ---------------------------------------------------------------------------

/// Path state: inactive.
pub const SCTP_INACTIVE: i32 = 0;
/// Path state: potentially failed.
pub const SCTP_PF: i32 = 1;
/// Path state: alias of [`SCTP_PF`].
pub const SCTP_POTENTIALLY_FAILED: i32 = SCTP_PF;
/// Path state: active.
pub const SCTP_ACTIVE: i32 = 2;
/// Path state: not yet confirmed by a heartbeat.
pub const SCTP_UNCONFIRMED: i32 = 3;
/// Path state: unknown.
pub const SCTP_UNKNOWN: i32 = 0xffff;

// ---------------------------------------------------------------------------
// `sstat_state` values (enum sctp_sstat_state).
// ---------------------------------------------------------------------------

/// Association state: empty.
pub const SCTP_EMPTY: i32 = 0;
/// Association state: closed.
pub const SCTP_CLOSED: i32 = 1;
/// Association state: INIT sent, waiting for INIT-ACK.
pub const SCTP_COOKIE_WAIT: i32 = 2;
/// Association state: COOKIE-ECHO sent, waiting for COOKIE-ACK.
pub const SCTP_COOKIE_ECHOED: i32 = 3;
/// Association state: established.
pub const SCTP_ESTABLISHED: i32 = 4;
/// Association state: shutdown pending (waiting for outstanding data).
pub const SCTP_SHUTDOWN_PENDING: i32 = 5;
/// Association state: SHUTDOWN sent.
pub const SCTP_SHUTDOWN_SENT: i32 = 6;
/// Association state: SHUTDOWN received.
pub const SCTP_SHUTDOWN_RECEIVED: i32 = 7;
/// Association state: SHUTDOWN-ACK sent.
pub const SCTP_SHUTDOWN_ACK_SENT: i32 = 8;

// ---------------------------------------------------------------------------
// `sctp_bindx()` flags (libsctp API, defined by the kernel header too).
// ---------------------------------------------------------------------------

/// `sctp_bindx()` flag: add the addresses.
pub const SCTP_BINDX_ADD_ADDR: c_int = 0x01;
/// `sctp_bindx()` flag: remove the addresses.
pub const SCTP_BINDX_REM_ADDR: c_int = 0x02;

// ---------------------------------------------------------------------------
// Stream schedulers (`SCTP_STREAM_SCHEDULER` value), enum sctp_sched_type.
// ---------------------------------------------------------------------------

/// Scheduler: first come, first served.
pub const SCTP_SS_FCFS: u32 = 0;
/// Scheduler: the default ([`SCTP_SS_FCFS`]).
pub const SCTP_SS_DEFAULT: u32 = SCTP_SS_FCFS;
/// Scheduler: stream priorities.
pub const SCTP_SS_PRIO: u32 = 1;
/// Scheduler: round robin.
pub const SCTP_SS_RR: u32 = 2;
/// Highest scheduler known to the header this crate was checked against.
pub const SCTP_SS_MAX: u32 = SCTP_SS_RR;

// ---------------------------------------------------------------------------
// `sac_info` feature bytes of RFC 6458 section 6.1.1 (+ RFC 8260).
//
// NOT defined by <linux/sctp.h>, and Linux never sends them: its
// `sac_info` only ever carries the received ABORT chunk (for
// `SCTP_COMM_LOST` / `SCTP_CANT_STR_ASSOC`). They exist for portable code
// (FreeBSD, usrsctp) and are checked against the RFC values in
// `tests/sys_layout.rs` instead of the header.
// ---------------------------------------------------------------------------

/// `sac_info` byte (RFC 6458): the association supports PR-SCTP.
pub const SCTP_ASSOC_SUPPORTS_PR: u8 = 0x01;
/// `sac_info` byte (RFC 6458): the association supports AUTH.
pub const SCTP_ASSOC_SUPPORTS_AUTH: u8 = 0x02;
/// `sac_info` byte (RFC 6458): the association supports ASCONF.
pub const SCTP_ASSOC_SUPPORTS_ASCONF: u8 = 0x03;
/// `sac_info` byte (RFC 6458): the association supports multiple buffers.
pub const SCTP_ASSOC_SUPPORTS_MULTIBUF: u8 = 0x04;
/// `sac_info` byte (RFC 6458): the association supports stream reconfiguration.
pub const SCTP_ASSOC_SUPPORTS_RE_CONFIG: u8 = 0x05;
/// `sac_info` byte (RFC 8260): the association supports message interleaving.
pub const SCTP_ASSOC_SUPPORTS_INTERLEAVING: u8 = 0x06;
/// Highest defined `sac_info` feature byte.
pub const SCTP_ASSOC_SUPPORTS_MAX: u8 = SCTP_ASSOC_SUPPORTS_INTERLEAVING;
