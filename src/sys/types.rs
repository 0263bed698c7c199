//! `#[repr(C)]` copies of every struct and union of `<linux/sctp.h>`.
//!
//! Type and field names are exactly the C names. Size, alignment, and the
//! offset, size and signedness of every field are checked against the C
//! header by `tests/sys_layout.rs`.
//!
//! # Packed structs
//!
//! The kernel declares `sctp_paddr_change`, `sctp_setpeerprim`, `sctp_prim`,
//! `sctp_paddrparams` and `sctp_paddrinfo` with
//! `__attribute__((packed, aligned(4)))`. For the first four and the last
//! one every field already sits at a multiple of its (capped) alignment, so
//! `#[repr(C, packed(4))]` reproduces the C layout exactly.
//!
//! `sctp_paddrparams` is the exception: `spp_pathmtu` (a `__u32`) follows the
//! `__u16 spp_pathmaxrxt` at offset 138, which is not 4-aligned. Rust cannot
//! combine `packed` with `align(4)`, so it is `#[repr(C, packed(2))]`: every
//! offset and the size (156) match C, only `align_of` is 2 instead of 4. It
//! is never embedded in another struct, and the kernel does not care about
//! the alignment of option buffers.
//!
//! Fields of packed structs cannot be borrowed; copy them out first
//! (`let a = { p.spp_address };`).
//!
//! # Flexible array members
//!
//! C flexible array members (`__u8 sac_info[]`) are zero-length arrays of the
//! same element type; they have the C offset and contribute nothing to
//! `size_of`. The data follows the struct in the kernel's buffer.

use libc::{c_int, c_uint, sockaddr, sockaddr_storage};

/// Association identifier (`typedef __s32 sctp_assoc_t`).
pub type sctp_assoc_t = i32;

/// Implements `Default` as all-bytes-zero for types that cannot derive it
/// (they contain `sockaddr_storage`, a raw pointer or are unions).
macro_rules! zeroed_default {
    ($($t:ty),* $(,)?) => {$(
        impl Default for $t {
            #[inline]
            fn default() -> Self {
                // SAFETY: the type consists only of integers, byte arrays,
                // `sockaddr_storage` and raw pointers, for all of which the
                // all-zero bit pattern is a valid value (null for pointers).
                unsafe { core::mem::zeroed() }
            }
        }
    )*};
}

// ---------------------------------------------------------------------------
// Ancillary data (cmsg) structures.
// ---------------------------------------------------------------------------

/// `SCTP_INIT` cmsg and `SCTP_INITMSG` option: INIT parameters.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_initmsg {
    /// Number of outbound streams requested.
    pub sinit_num_ostreams: u16,
    /// Maximum number of inbound streams accepted.
    pub sinit_max_instreams: u16,
    /// Maximum INIT retransmissions.
    pub sinit_max_attempts: u16,
    /// Maximum INIT retransmission timeout (ms).
    pub sinit_max_init_timeo: u16,
}

/// `SCTP_SNDRCV` cmsg and `SCTP_DEFAULT_SEND_PARAM` option (deprecated API).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_sndrcvinfo {
    /// Stream number.
    pub sinfo_stream: u16,
    /// Stream sequence number (receive only).
    pub sinfo_ssn: u16,
    /// `SCTP_UNORDERED`, `SCTP_EOF`, ... and PR-SCTP policy bits.
    pub sinfo_flags: u16,
    /// Payload protocol identifier (opaque, network byte order by convention).
    pub sinfo_ppid: u32,
    /// Opaque context returned in send-failed notifications.
    pub sinfo_context: u32,
    /// Time to live / PR-SCTP policy value.
    pub sinfo_timetolive: u32,
    /// TSN (receive only).
    pub sinfo_tsn: u32,
    /// Cumulative TSN (receive only).
    pub sinfo_cumtsn: u32,
    /// Association id.
    pub sinfo_assoc_id: sctp_assoc_t,
}

/// `SCTP_SNDINFO` cmsg and `SCTP_DEFAULT_SNDINFO` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_sndinfo {
    /// Stream number.
    pub snd_sid: u16,
    /// `SCTP_UNORDERED`, `SCTP_EOF`, `SCTP_ABORT`, ...
    pub snd_flags: u16,
    /// Payload protocol identifier.
    pub snd_ppid: u32,
    /// Opaque context.
    pub snd_context: u32,
    /// Association id.
    pub snd_assoc_id: sctp_assoc_t,
}

/// `SCTP_RCVINFO` cmsg.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_rcvinfo {
    /// Stream number.
    pub rcv_sid: u16,
    /// Stream sequence number.
    pub rcv_ssn: u16,
    /// `SCTP_UNORDERED` if the message was unordered.
    pub rcv_flags: u16,
    /// Payload protocol identifier.
    pub rcv_ppid: u32,
    /// TSN.
    pub rcv_tsn: u32,
    /// Cumulative TSN.
    pub rcv_cumtsn: u32,
    /// Context from `SCTP_CONTEXT`.
    pub rcv_context: u32,
    /// Association id.
    pub rcv_assoc_id: sctp_assoc_t,
}

/// `SCTP_NXTINFO` cmsg: the next message waiting to be received.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_nxtinfo {
    /// Stream number.
    pub nxt_sid: u16,
    /// Flags (`SCTP_UNORDERED`, `SCTP_NOTIFICATION`, ...).
    pub nxt_flags: u16,
    /// Payload protocol identifier.
    pub nxt_ppid: u32,
    /// Length of the next message.
    pub nxt_length: u32,
    /// Association id.
    pub nxt_assoc_id: sctp_assoc_t,
}

/// `SCTP_PRINFO` cmsg: PR-SCTP policy for one send.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_prinfo {
    /// `SCTP_PR_SCTP_*` policy.
    pub pr_policy: u16,
    /// Policy value (ms, retransmissions or priority).
    pub pr_value: u32,
}

/// `SCTP_AUTHINFO` cmsg: AUTH key to use for one send.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_authinfo {
    /// Shared key number.
    pub auth_keynumber: u16,
}

/// `sctp_cmsg_data_t`: union of the original cmsg payloads.
#[repr(C)]
#[derive(Clone, Copy)]
pub union sctp_cmsg_data_t {
    /// First byte.
    pub raw: u8,
    /// `SCTP_INIT` payload.
    pub init: sctp_initmsg,
    /// `SCTP_SNDRCV` payload.
    pub sndrcv: sctp_sndrcvinfo,
}

// ---------------------------------------------------------------------------
// Notifications (read from the socket when `MSG_NOTIFICATION` is set).
// ---------------------------------------------------------------------------

/// Common notification header (the anonymous `sn_header` struct of
/// `union sctp_notification`; named `sctp_tlv` as in lksctp-tools).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_tlv {
    /// Notification type (`SCTP_ASSOC_CHANGE`, ...).
    pub sn_type: u16,
    /// Notification flags.
    pub sn_flags: u16,
    /// Total notification length in bytes.
    pub sn_length: u32,
}

/// `SCTP_ASSOC_CHANGE` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_assoc_change {
    /// `SCTP_ASSOC_CHANGE`.
    pub sac_type: u16,
    /// Flags.
    pub sac_flags: u16,
    /// Total length including `sac_info`.
    pub sac_length: u32,
    /// `SCTP_COMM_UP`, `SCTP_COMM_LOST`, ...
    pub sac_state: u16,
    /// Error cause code.
    pub sac_error: u16,
    /// Negotiated outbound streams.
    pub sac_outbound_streams: u16,
    /// Negotiated inbound streams.
    pub sac_inbound_streams: u16,
    /// Association id.
    pub sac_assoc_id: sctp_assoc_t,
    /// Flexible array: ABORT chunk for `SCTP_COMM_LOST`/`SCTP_CANT_STR_ASSOC`.
    pub sac_info: [u8; 0],
}

/// `SCTP_PEER_ADDR_CHANGE` notification (packed, aligned(4) in C).
#[repr(C, packed(4))]
#[derive(Clone, Copy)]
pub struct sctp_paddr_change {
    /// `SCTP_PEER_ADDR_CHANGE`.
    pub spc_type: u16,
    /// Flags.
    pub spc_flags: u16,
    /// Length of the notification.
    pub spc_length: u32,
    /// The affected peer address.
    pub spc_aaddr: sockaddr_storage,
    /// `SCTP_ADDR_AVAILABLE`, ...
    pub spc_state: c_int,
    /// Error code.
    pub spc_error: c_int,
    /// Association id.
    pub spc_assoc_id: sctp_assoc_t,
}

/// `SCTP_REMOTE_ERROR` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_remote_error {
    /// `SCTP_REMOTE_ERROR`.
    pub sre_type: u16,
    /// Flags.
    pub sre_flags: u16,
    /// Total length including `sre_data`.
    pub sre_length: u32,
    /// Error cause code, network byte order (`__be16`).
    pub sre_error: u16,
    /// Association id.
    pub sre_assoc_id: sctp_assoc_t,
    /// Flexible array: the ERROR chunk as received.
    pub sre_data: [u8; 0],
}

/// `SCTP_SEND_FAILED` notification (deprecated format).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_send_failed {
    /// `SCTP_SEND_FAILED`.
    pub ssf_type: u16,
    /// `SCTP_DATA_UNSENT` or `SCTP_DATA_SENT`.
    pub ssf_flags: u16,
    /// Total length including `ssf_data`.
    pub ssf_length: u32,
    /// Error code.
    pub ssf_error: u32,
    /// Send parameters of the failed message.
    pub ssf_info: sctp_sndrcvinfo,
    /// Association id.
    pub ssf_assoc_id: sctp_assoc_t,
    /// Flexible array: the undelivered payload.
    pub ssf_data: [u8; 0],
}

/// `SCTP_SEND_FAILED_EVENT` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_send_failed_event {
    /// `SCTP_SEND_FAILED_EVENT`.
    pub ssf_type: u16,
    /// `SCTP_DATA_UNSENT` or `SCTP_DATA_SENT`.
    pub ssf_flags: u16,
    /// Total length including `ssf_data`.
    pub ssf_length: u32,
    /// Error code.
    pub ssf_error: u32,
    /// Send parameters of the failed message.
    pub ssfe_info: sctp_sndinfo,
    /// Association id.
    pub ssf_assoc_id: sctp_assoc_t,
    /// Flexible array: the undelivered payload.
    pub ssf_data: [u8; 0],
}

/// `SCTP_SHUTDOWN_EVENT` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_shutdown_event {
    /// `SCTP_SHUTDOWN_EVENT`.
    pub sse_type: u16,
    /// Flags.
    pub sse_flags: u16,
    /// Length.
    pub sse_length: u32,
    /// Association id.
    pub sse_assoc_id: sctp_assoc_t,
}

/// `SCTP_ADAPTATION_INDICATION` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_adaptation_event {
    /// `SCTP_ADAPTATION_INDICATION`.
    pub sai_type: u16,
    /// Flags.
    pub sai_flags: u16,
    /// Length.
    pub sai_length: u32,
    /// The peer's adaptation layer indication.
    pub sai_adaptation_ind: u32,
    /// Association id.
    pub sai_assoc_id: sctp_assoc_t,
}

/// `SCTP_PARTIAL_DELIVERY_EVENT` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_pdapi_event {
    /// `SCTP_PARTIAL_DELIVERY_EVENT`.
    pub pdapi_type: u16,
    /// Flags.
    pub pdapi_flags: u16,
    /// Length.
    pub pdapi_length: u32,
    /// `SCTP_PARTIAL_DELIVERY_ABORTED`.
    pub pdapi_indication: u32,
    /// Association id.
    pub pdapi_assoc_id: sctp_assoc_t,
    /// Stream of the aborted message.
    pub pdapi_stream: u32,
    /// Stream sequence number of the aborted message.
    pub pdapi_seq: u32,
}

/// `SCTP_AUTHENTICATION_EVENT` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_authkey_event {
    /// `SCTP_AUTHENTICATION_EVENT`.
    pub auth_type: u16,
    /// Flags.
    pub auth_flags: u16,
    /// Length.
    pub auth_length: u32,
    /// Key number.
    pub auth_keynumber: u16,
    /// Alternate key number.
    pub auth_altkeynumber: u16,
    /// `SCTP_AUTH_NEW_KEY`, `SCTP_AUTH_FREE_KEY` or `SCTP_AUTH_NO_AUTH`.
    pub auth_indication: u32,
    /// Association id.
    pub auth_assoc_id: sctp_assoc_t,
}

/// `SCTP_SENDER_DRY_EVENT` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_sender_dry_event {
    /// `SCTP_SENDER_DRY_EVENT`.
    pub sender_dry_type: u16,
    /// Flags.
    pub sender_dry_flags: u16,
    /// Length.
    pub sender_dry_length: u32,
    /// Association id.
    pub sender_dry_assoc_id: sctp_assoc_t,
}

/// `SCTP_STREAM_RESET_EVENT` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_stream_reset_event {
    /// `SCTP_STREAM_RESET_EVENT`.
    pub strreset_type: u16,
    /// `SCTP_STREAM_RESET_*` flags.
    pub strreset_flags: u16,
    /// Total length including the stream list.
    pub strreset_length: u32,
    /// Association id.
    pub strreset_assoc_id: sctp_assoc_t,
    /// Flexible array: the reset stream numbers.
    pub strreset_stream_list: [u16; 0],
}

/// `SCTP_ASSOC_RESET_EVENT` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_assoc_reset_event {
    /// `SCTP_ASSOC_RESET_EVENT`.
    pub assocreset_type: u16,
    /// `SCTP_ASSOC_RESET_DENIED` / `SCTP_ASSOC_RESET_FAILED`.
    pub assocreset_flags: u16,
    /// Length.
    pub assocreset_length: u32,
    /// Association id.
    pub assocreset_assoc_id: sctp_assoc_t,
    /// New local TSN.
    pub assocreset_local_tsn: u32,
    /// New remote TSN.
    pub assocreset_remote_tsn: u32,
}

/// `SCTP_STREAM_CHANGE_EVENT` notification.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_stream_change_event {
    /// `SCTP_STREAM_CHANGE_EVENT`.
    pub strchange_type: u16,
    /// `SCTP_STREAM_CHANGE_DENIED` / `SCTP_STREAM_CHANGE_FAILED`.
    pub strchange_flags: u16,
    /// Length.
    pub strchange_length: u32,
    /// Association id.
    pub strchange_assoc_id: sctp_assoc_t,
    /// New number of inbound streams.
    pub strchange_instrms: u16,
    /// New number of outbound streams.
    pub strchange_outstrms: u16,
}

/// `SCTP_EVENTS` option: old-style all-at-once event subscription.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_event_subscribe {
    /// Deliver `SCTP_SNDRCV` cmsgs.
    pub sctp_data_io_event: u8,
    /// `SCTP_ASSOC_CHANGE`.
    pub sctp_association_event: u8,
    /// `SCTP_PEER_ADDR_CHANGE`.
    pub sctp_address_event: u8,
    /// `SCTP_SEND_FAILED`.
    pub sctp_send_failure_event: u8,
    /// `SCTP_REMOTE_ERROR`.
    pub sctp_peer_error_event: u8,
    /// `SCTP_SHUTDOWN_EVENT`.
    pub sctp_shutdown_event: u8,
    /// `SCTP_PARTIAL_DELIVERY_EVENT`.
    pub sctp_partial_delivery_event: u8,
    /// `SCTP_ADAPTATION_INDICATION`.
    pub sctp_adaptation_layer_event: u8,
    /// `SCTP_AUTHENTICATION_EVENT`.
    pub sctp_authentication_event: u8,
    /// `SCTP_SENDER_DRY_EVENT`.
    pub sctp_sender_dry_event: u8,
    /// `SCTP_STREAM_RESET_EVENT`.
    pub sctp_stream_reset_event: u8,
    /// `SCTP_ASSOC_RESET_EVENT`.
    pub sctp_assoc_reset_event: u8,
    /// `SCTP_STREAM_CHANGE_EVENT`.
    pub sctp_stream_change_event: u8,
    /// `SCTP_SEND_FAILED_EVENT`.
    pub sctp_send_failure_event_event: u8,
}

/// `union sctp_notification`: any notification, discriminated by
/// `sn_header.sn_type`.
#[repr(C)]
#[derive(Clone, Copy)]
pub union sctp_notification {
    /// Common header.
    pub sn_header: sctp_tlv,
    /// `SCTP_ASSOC_CHANGE`.
    pub sn_assoc_change: sctp_assoc_change,
    /// `SCTP_PEER_ADDR_CHANGE`.
    pub sn_paddr_change: sctp_paddr_change,
    /// `SCTP_REMOTE_ERROR`.
    pub sn_remote_error: sctp_remote_error,
    /// `SCTP_SEND_FAILED`.
    pub sn_send_failed: sctp_send_failed,
    /// `SCTP_SHUTDOWN_EVENT`.
    pub sn_shutdown_event: sctp_shutdown_event,
    /// `SCTP_ADAPTATION_INDICATION`.
    pub sn_adaptation_event: sctp_adaptation_event,
    /// `SCTP_PARTIAL_DELIVERY_EVENT`.
    pub sn_pdapi_event: sctp_pdapi_event,
    /// `SCTP_AUTHENTICATION_EVENT`.
    pub sn_authkey_event: sctp_authkey_event,
    /// `SCTP_SENDER_DRY_EVENT`.
    pub sn_sender_dry_event: sctp_sender_dry_event,
    /// `SCTP_STREAM_RESET_EVENT`.
    pub sn_strreset_event: sctp_stream_reset_event,
    /// `SCTP_ASSOC_RESET_EVENT`.
    pub sn_assocreset_event: sctp_assoc_reset_event,
    /// `SCTP_STREAM_CHANGE_EVENT`.
    pub sn_strchange_event: sctp_stream_change_event,
    /// `SCTP_SEND_FAILED_EVENT`.
    pub sn_send_failed_event: sctp_send_failed_event,
}

// ---------------------------------------------------------------------------
// Socket option structures.
// ---------------------------------------------------------------------------

/// `SCTP_RTOINFO` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_rtoinfo {
    /// Association id.
    pub srto_assoc_id: sctp_assoc_t,
    /// Initial RTO (ms).
    pub srto_initial: u32,
    /// Maximum RTO (ms).
    pub srto_max: u32,
    /// Minimum RTO (ms).
    pub srto_min: u32,
}

/// `SCTP_ASSOCINFO` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_assocparams {
    /// Association id.
    pub sasoc_assoc_id: sctp_assoc_t,
    /// Maximum association retransmissions.
    pub sasoc_asocmaxrxt: u16,
    /// Number of peer addresses (read only).
    pub sasoc_number_peer_destinations: u16,
    /// Peer receive window (read only).
    pub sasoc_peer_rwnd: u32,
    /// Local receive window (read only).
    pub sasoc_local_rwnd: u32,
    /// Cookie lifetime (ms).
    pub sasoc_cookie_life: u32,
}

/// `SCTP_SET_PEER_PRIMARY_ADDR` option (packed, aligned(4) in C).
#[repr(C, packed(4))]
#[derive(Clone, Copy)]
pub struct sctp_setpeerprim {
    /// Association id.
    pub sspp_assoc_id: sctp_assoc_t,
    /// Local address the peer should use as primary.
    pub sspp_addr: sockaddr_storage,
}

/// `SCTP_PRIMARY_ADDR` option (packed, aligned(4) in C; old name `sctp_setprim`).
#[repr(C, packed(4))]
#[derive(Clone, Copy)]
pub struct sctp_prim {
    /// Association id.
    pub ssp_assoc_id: sctp_assoc_t,
    /// Peer address to use as primary.
    pub ssp_addr: sockaddr_storage,
}

/// Old name of [`sctp_prim`] (`#define sctp_setprim sctp_prim`).
pub type sctp_setprim = sctp_prim;

/// `SCTP_ADAPTATION_LAYER` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_setadaptation {
    /// Adaptation layer indication sent in INIT/INIT-ACK.
    pub ssb_adaptation_ind: u32,
}

/// `SCTP_PEER_ADDR_PARAMS` option (packed, aligned(4) in C).
///
/// `#[repr(C, packed(2))]`: same offsets and size (156) as C, alignment 2
/// instead of 4 (see the module docs).
#[repr(C, packed(2))]
#[derive(Clone, Copy)]
pub struct sctp_paddrparams {
    /// Association id.
    pub spp_assoc_id: sctp_assoc_t,
    /// Peer address, or all-zero for all addresses.
    pub spp_address: sockaddr_storage,
    /// Heartbeat interval (ms).
    pub spp_hbinterval: u32,
    /// Maximum path retransmissions.
    pub spp_pathmaxrxt: u16,
    /// Path MTU (with `SPP_PMTUD_DISABLE`).
    pub spp_pathmtu: u32,
    /// SACK delay (ms, with `SPP_SACKDELAY_ENABLE`).
    pub spp_sackdelay: u32,
    /// `SPP_*` flags.
    pub spp_flags: u32,
    /// IPv6 flow label (with `SPP_IPV6_FLOWLABEL`).
    pub spp_ipv6_flowlabel: u32,
    /// DSCP (with `SPP_DSCP`).
    pub spp_dscp: u8,
}

/// `SCTP_AUTH_CHUNK` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_authchunk {
    /// Chunk type to require authentication for.
    pub sauth_chunk: u8,
}

/// `SCTP_HMAC_IDENT` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_hmacalgo {
    /// Number of identifiers following.
    pub shmac_num_idents: u32,
    /// Flexible array: `SCTP_AUTH_HMAC_ID_*` identifiers.
    pub shmac_idents: [u16; 0],
}

/// `SCTP_AUTH_KEY` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_authkey {
    /// Association id.
    pub sca_assoc_id: sctp_assoc_t,
    /// Key number.
    pub sca_keynumber: u16,
    /// Key length in bytes.
    pub sca_keylength: u16,
    /// Flexible array: key bytes.
    pub sca_key: [u8; 0],
}

/// `SCTP_AUTH_ACTIVE_KEY` / `SCTP_AUTH_DELETE_KEY` /
/// `SCTP_AUTH_DEACTIVATE_KEY` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_authkeyid {
    /// Association id.
    pub scact_assoc_id: sctp_assoc_t,
    /// Key number.
    pub scact_keynumber: u16,
}

/// `SCTP_DELAYED_SACK` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_sack_info {
    /// Association id.
    pub sack_assoc_id: sctp_assoc_t,
    /// SACK delay (ms).
    pub sack_delay: u32,
    /// SACK frequency (packets); 1 disables delayed SACK.
    pub sack_freq: u32,
}

/// Generic per-association value option (`SCTP_MAXSEG`, `SCTP_CONTEXT`, ...).
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_assoc_value {
    /// Association id.
    pub assoc_id: sctp_assoc_t,
    /// Value.
    pub assoc_value: u32,
}

/// `SCTP_STREAM_SCHEDULER_VALUE` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_stream_value {
    /// Association id.
    pub assoc_id: sctp_assoc_t,
    /// Stream number.
    pub stream_id: u16,
    /// Scheduler-specific value.
    pub stream_value: u16,
}

/// `SCTP_GET_PEER_ADDR_INFO` option (packed, aligned(4) in C).
#[repr(C, packed(4))]
#[derive(Clone, Copy)]
pub struct sctp_paddrinfo {
    /// Association id.
    pub spinfo_assoc_id: sctp_assoc_t,
    /// Peer address (input).
    pub spinfo_address: sockaddr_storage,
    /// `SCTP_ACTIVE`, `SCTP_INACTIVE`, ...
    pub spinfo_state: i32,
    /// Congestion window.
    pub spinfo_cwnd: u32,
    /// Smoothed RTT (ms).
    pub spinfo_srtt: u32,
    /// Current RTO (ms).
    pub spinfo_rto: u32,
    /// Path MTU.
    pub spinfo_mtu: u32,
}

/// `SCTP_STATUS` option.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctp_status {
    /// Association id.
    pub sstat_assoc_id: sctp_assoc_t,
    /// `SCTP_ESTABLISHED`, ...
    pub sstat_state: i32,
    /// Peer receive window.
    pub sstat_rwnd: u32,
    /// Unacknowledged DATA chunks.
    pub sstat_unackdata: u16,
    /// DATA chunks pending receipt.
    pub sstat_penddata: u16,
    /// Inbound streams.
    pub sstat_instrms: u16,
    /// Outbound streams.
    pub sstat_outstrms: u16,
    /// Fragmentation point.
    pub sstat_fragmentation_point: u32,
    /// Primary path information.
    pub sstat_primary: sctp_paddrinfo,
}

/// `SCTP_PEER_AUTH_CHUNKS` / `SCTP_LOCAL_AUTH_CHUNKS` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_authchunks {
    /// Association id.
    pub gauth_assoc_id: sctp_assoc_t,
    /// Number of chunk types following.
    pub gauth_number_of_chunks: u32,
    /// Flexible array: chunk types.
    pub gauth_chunks: [u8; 0],
}

/// `SCTP_GET_ASSOC_ID_LIST` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_assoc_ids {
    /// Number of ids following.
    pub gaids_number_of_ids: u32,
    /// Flexible array: association ids.
    pub gaids_assoc_id: [sctp_assoc_t; 0],
}

/// `SCTP_SOCKOPT_CONNECTX3` argument (and the removed `*_OLD` address
/// queries). For `CONNECTX3`, `addr_num` is the size **in bytes** of the
/// packed address array at `addrs`, and the kernel overwrites `assoc_id`.
#[repr(C)]
#[derive(Clone, Copy, Debug)]
pub struct sctp_getaddrs_old {
    /// Association id (output for `CONNECTX3`).
    pub assoc_id: sctp_assoc_t,
    /// Address count (byte length for `CONNECTX3`).
    pub addr_num: c_int,
    /// Packed addresses.
    pub addrs: *mut sockaddr,
}

/// `SCTP_GET_PEER_ADDRS` / `SCTP_GET_LOCAL_ADDRS` header, followed in the
/// buffer by packed `sockaddr_in` / `sockaddr_in6`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_getaddrs {
    /// Association id (input).
    pub assoc_id: sctp_assoc_t,
    /// Number of addresses (output).
    pub addr_num: u32,
    /// Flexible array: packed addresses (output).
    pub addrs: [u8; 0],
}

/// `SCTP_GET_ASSOC_STATS` option.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctp_assoc_stats {
    /// Association id (input).
    pub sas_assoc_id: sctp_assoc_t,
    /// Transport of the maximum observed RTO.
    pub sas_obs_rto_ipaddr: sockaddr_storage,
    /// Maximum observed RTO since the last query.
    pub sas_maxrto: u64,
    /// SACKs received.
    pub sas_isacks: u64,
    /// SACKs sent.
    pub sas_osacks: u64,
    /// Packets sent.
    pub sas_opackets: u64,
    /// Packets received.
    pub sas_ipackets: u64,
    /// Retransmitted chunks.
    pub sas_rtxchunks: u64,
    /// TSNs received above the next expected one.
    pub sas_outofseqtsns: u64,
    /// Duplicate chunks received.
    pub sas_idupchunks: u64,
    /// Gap acknowledgements received.
    pub sas_gapcnt: u64,
    /// Unordered DATA chunks sent.
    pub sas_ouodchunks: u64,
    /// Unordered DATA chunks received.
    pub sas_iuodchunks: u64,
    /// Ordered DATA chunks sent.
    pub sas_oodchunks: u64,
    /// Ordered DATA chunks received.
    pub sas_iodchunks: u64,
    /// Control chunks sent.
    pub sas_octrlchunks: u64,
    /// Control chunks received.
    pub sas_ictrlchunks: u64,
}

/// `SCTP_SOCKOPT_PEELOFF` argument.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_peeloff_arg_t {
    /// Association to peel off (input).
    pub associd: sctp_assoc_t,
    /// New socket descriptor (output).
    pub sd: c_int,
}

/// `SCTP_SOCKOPT_PEELOFF_FLAGS` argument.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_peeloff_flags_arg_t {
    /// Association id in, descriptor out.
    pub p_arg: sctp_peeloff_arg_t,
    /// `SOCK_NONBLOCK` / `SOCK_CLOEXEC` for the new descriptor.
    pub flags: c_uint,
}

/// `SCTP_PEER_ADDR_THLDS` option.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctp_paddrthlds {
    /// Association id.
    pub spt_assoc_id: sctp_assoc_t,
    /// Peer address, or all-zero for all addresses.
    pub spt_address: sockaddr_storage,
    /// Path failure threshold.
    pub spt_pathmaxrxt: u16,
    /// Potentially-failed threshold.
    pub spt_pathpfthld: u16,
}

/// `SCTP_PEER_ADDR_THLDS_V2` option.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctp_paddrthlds_v2 {
    /// Association id.
    pub spt_assoc_id: sctp_assoc_t,
    /// Peer address, or all-zero for all addresses.
    pub spt_address: sockaddr_storage,
    /// Path failure threshold.
    pub spt_pathmaxrxt: u16,
    /// Potentially-failed threshold.
    pub spt_pathpfthld: u16,
    /// Primary path switchover threshold.
    pub spt_pathcpthld: u16,
}

/// `SCTP_PR_ASSOC_STATUS` / `SCTP_PR_STREAM_STATUS` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_prstatus {
    /// Association id.
    pub sprstat_assoc_id: sctp_assoc_t,
    /// Stream id (stream status only).
    pub sprstat_sid: u16,
    /// PR-SCTP policy to query.
    pub sprstat_policy: u16,
    /// Abandoned messages that were never sent.
    pub sprstat_abandoned_unsent: u64,
    /// Abandoned messages that were sent.
    pub sprstat_abandoned_sent: u64,
}

/// `SCTP_DEFAULT_PRINFO` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_default_prinfo {
    /// Association id.
    pub pr_assoc_id: sctp_assoc_t,
    /// Policy value.
    pub pr_value: u32,
    /// `SCTP_PR_SCTP_*` policy.
    pub pr_policy: u16,
}

/// `struct sctp_info`: association/socket summary used by `inet_diag`
/// (`INET_DIAG_INFO`), not a socket option.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctp_info {
    /// Local verification tag.
    pub sctpi_tag: u32,
    /// Association state.
    pub sctpi_state: u32,
    /// Receive window.
    pub sctpi_rwnd: u32,
    /// Unacknowledged DATA chunks.
    pub sctpi_unackdata: u16,
    /// Pending DATA chunks.
    pub sctpi_penddata: u16,
    /// Inbound streams.
    pub sctpi_instrms: u16,
    /// Outbound streams.
    pub sctpi_outstrms: u16,
    /// Fragmentation point.
    pub sctpi_fragmentation_point: u32,
    /// Inbound queue length.
    pub sctpi_inqueue: u32,
    /// Outbound queue length.
    pub sctpi_outqueue: u32,
    /// Overall error count.
    pub sctpi_overall_error: u32,
    /// Max burst.
    pub sctpi_max_burst: u32,
    /// Max segment.
    pub sctpi_maxseg: u32,
    /// Peer receive window.
    pub sctpi_peer_rwnd: u32,
    /// Peer verification tag.
    pub sctpi_peer_tag: u32,
    /// Peer capability bits.
    pub sctpi_peer_capable: u8,
    /// Peer SACK mode.
    pub sctpi_peer_sack: u8,
    /// Reserved.
    pub __reserved1: u16,
    /// SACKs received.
    pub sctpi_isacks: u64,
    /// SACKs sent.
    pub sctpi_osacks: u64,
    /// Packets sent.
    pub sctpi_opackets: u64,
    /// Packets received.
    pub sctpi_ipackets: u64,
    /// Retransmitted chunks.
    pub sctpi_rtxchunks: u64,
    /// Out-of-sequence TSNs.
    pub sctpi_outofseqtsns: u64,
    /// Duplicate chunks received.
    pub sctpi_idupchunks: u64,
    /// Gap acknowledgements.
    pub sctpi_gapcnt: u64,
    /// Unordered chunks sent.
    pub sctpi_ouodchunks: u64,
    /// Unordered chunks received.
    pub sctpi_iuodchunks: u64,
    /// Ordered chunks sent.
    pub sctpi_oodchunks: u64,
    /// Ordered chunks received.
    pub sctpi_iodchunks: u64,
    /// Control chunks sent.
    pub sctpi_octrlchunks: u64,
    /// Control chunks received.
    pub sctpi_ictrlchunks: u64,
    /// Primary path address.
    pub sctpi_p_address: sockaddr_storage,
    /// Primary path state.
    pub sctpi_p_state: i32,
    /// Primary path cwnd.
    pub sctpi_p_cwnd: u32,
    /// Primary path smoothed RTT.
    pub sctpi_p_srtt: u32,
    /// Primary path RTO.
    pub sctpi_p_rto: u32,
    /// Primary path heartbeat interval.
    pub sctpi_p_hbinterval: u32,
    /// Primary path max retransmissions.
    pub sctpi_p_pathmaxrxt: u32,
    /// Primary path SACK delay.
    pub sctpi_p_sackdelay: u32,
    /// Primary path SACK frequency.
    pub sctpi_p_sackfreq: u32,
    /// Primary path slow start threshold.
    pub sctpi_p_ssthresh: u32,
    /// Primary path partial bytes acked.
    pub sctpi_p_partial_bytes_acked: u32,
    /// Primary path flight size.
    pub sctpi_p_flight_size: u32,
    /// Primary path error count.
    pub sctpi_p_error: u16,
    /// Reserved.
    pub __reserved2: u16,
    /// Socket autoclose.
    pub sctpi_s_autoclose: u32,
    /// Socket adaptation indication.
    pub sctpi_s_adaptation_ind: u32,
    /// Socket partial delivery point.
    pub sctpi_s_pd_point: u32,
    /// Socket nodelay.
    pub sctpi_s_nodelay: u8,
    /// Socket disable-fragments.
    pub sctpi_s_disable_fragments: u8,
    /// Socket v4-mapped.
    pub sctpi_s_v4mapped: u8,
    /// Socket fragment interleave.
    pub sctpi_s_frag_interleave: u8,
    /// Socket type.
    pub sctpi_s_type: u32,
    /// Reserved.
    pub __reserved3: u32,
}

/// `SCTP_RESET_STREAMS` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default)]
pub struct sctp_reset_streams {
    /// Association id.
    pub srs_assoc_id: sctp_assoc_t,
    /// `SCTP_STREAM_RESET_INCOMING` / `SCTP_STREAM_RESET_OUTGOING`.
    pub srs_flags: u16,
    /// Number of streams following (0 = all).
    pub srs_number_streams: u16,
    /// Flexible array: stream numbers.
    pub srs_stream_list: [u16; 0],
}

/// `SCTP_ADD_STREAMS` option.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_add_streams {
    /// Association id.
    pub sas_assoc_id: sctp_assoc_t,
    /// Inbound streams to add.
    pub sas_instrms: u16,
    /// Outbound streams to add.
    pub sas_outstrms: u16,
}

/// `SCTP_EVENT` option: subscribe to one notification type.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct sctp_event {
    /// Association id.
    pub se_assoc_id: sctp_assoc_t,
    /// Notification type (`SCTP_ASSOC_CHANGE`, ...).
    pub se_type: u16,
    /// 1 to subscribe, 0 to unsubscribe.
    pub se_on: u8,
}

/// `SCTP_REMOTE_UDP_ENCAPS_PORT` option.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctp_udpencaps {
    /// Association id.
    pub sue_assoc_id: sctp_assoc_t,
    /// Peer address, or all-zero.
    pub sue_address: sockaddr_storage,
    /// Remote UDP port (network byte order).
    pub sue_port: u16,
}

/// `SCTP_PLPMTUD_PROBE_INTERVAL` option.
#[repr(C)]
#[derive(Clone, Copy)]
pub struct sctp_probeinterval {
    /// Association id.
    pub spi_assoc_id: sctp_assoc_t,
    /// Peer address, or all-zero.
    pub spi_address: sockaddr_storage,
    /// Probe interval (ms); 0 disables PLPMTUD.
    pub spi_interval: u32,
}

/// Plain old data: types for which **every** bit pattern is a valid value
/// and which contain no pointers, so the kernel may fill them freely.
///
/// A safe wrapper around the `unsafe` [`super::getsockopt_val`] bounded by
/// `T: Pod` is sound. Implemented for the
/// integer types, arrays of `Pod`, `sockaddr_in`/`sockaddr_in6`/
/// `sockaddr_storage` and every struct and union of this module except
/// [`sctp_getaddrs_old`] (it holds a pointer the kernel dereferences).
///
/// # Safety
///
/// Implement only for `Copy` types without niches (no `bool`, `char`, enums,
/// references, `NonZero*`, ...) and without pointers.
pub unsafe trait Pod: Copy {}

macro_rules! impl_pod {
    ($($t:ty),* $(,)?) => {$(
        // SAFETY: integers / repr(C) aggregates of integers and byte arrays:
        // every bit pattern is valid, no pointers.
        unsafe impl Pod for $t {}
    )*};
}

impl_pod!(u8, i8, u16, i16, u32, i32, u64, i64, usize, isize);
impl_pod!(libc::sockaddr_in, libc::sockaddr_in6, sockaddr_storage, libc::linger);
// SAFETY: an array of Pod is Pod.
unsafe impl<T: Pod, const N: usize> Pod for [T; N] {}

impl_pod!(
    sctp_initmsg,
    sctp_sndrcvinfo,
    sctp_sndinfo,
    sctp_rcvinfo,
    sctp_nxtinfo,
    sctp_prinfo,
    sctp_authinfo,
    sctp_cmsg_data_t,
    sctp_tlv,
    sctp_assoc_change,
    sctp_paddr_change,
    sctp_remote_error,
    sctp_send_failed,
    sctp_send_failed_event,
    sctp_shutdown_event,
    sctp_adaptation_event,
    sctp_pdapi_event,
    sctp_authkey_event,
    sctp_sender_dry_event,
    sctp_stream_reset_event,
    sctp_assoc_reset_event,
    sctp_stream_change_event,
    sctp_event_subscribe,
    sctp_notification,
    sctp_rtoinfo,
    sctp_assocparams,
    sctp_setpeerprim,
    sctp_prim,
    sctp_setadaptation,
    sctp_paddrparams,
    sctp_authchunk,
    sctp_hmacalgo,
    sctp_authkey,
    sctp_authkeyid,
    sctp_sack_info,
    sctp_assoc_value,
    sctp_stream_value,
    sctp_paddrinfo,
    sctp_status,
    sctp_authchunks,
    sctp_assoc_ids,
    sctp_getaddrs,
    sctp_assoc_stats,
    sctp_peeloff_arg_t,
    sctp_peeloff_flags_arg_t,
    sctp_paddrthlds,
    sctp_paddrthlds_v2,
    sctp_prstatus,
    sctp_default_prinfo,
    sctp_info,
    sctp_reset_streams,
    sctp_add_streams,
    sctp_event,
    sctp_udpencaps,
    sctp_probeinterval,
);

zeroed_default!(
    sctp_cmsg_data_t,
    sctp_paddr_change,
    sctp_notification,
    sctp_setpeerprim,
    sctp_prim,
    sctp_paddrparams,
    sctp_paddrinfo,
    sctp_status,
    sctp_getaddrs_old,
    sctp_assoc_stats,
    sctp_paddrthlds,
    sctp_paddrthlds_v2,
    sctp_info,
    sctp_udpencaps,
    sctp_probeinterval,
);
