//! Plain value types shared by the Rust API and the C ABI.
//!
//! These are `#[repr(C)]` so that the C layer can hand them across unchanged;
//! in `sctpx.h` they carry the `sctpx_` names (see cbindgen.toml's renames).

/// An association identifier, as the kernel's `sctp_assoc_t`.
///
/// On one-to-one sockets it is ignored wherever it is accepted (pass 0).
pub type AssocId = i32;

/// Per-message send parameters (the kernel's SCTP_SNDINFO and SCTP_PRINFO).
///
/// All-zero (`Default`) means: stream 0, PPID 0, no flags, context 0, the
/// socket's association (one-to-one) or `assoc_id` 0, fully reliable.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SendInfo {
    /// Stream number.
    pub stream: u16,
    /// SEND_* flags (SCTPX_SEND_* in C).
    pub flags: u16,
    /// Payload protocol identifier, in host byte order.
    pub ppid: u32,
    /// Opaque value returned in send-failed notifications.
    pub context: u32,
    /// Association to send on (one-to-many); ignored on one-to-one sockets.
    pub assoc_id: AssocId,
    /// PR_* policy (SCTPX_PR_* in C).
    pub pr_policy: u16,
    /// Reserved, must be 0.
    pub reserved: u16,
    /// Policy value: milliseconds (TTL), retransmissions (RTX), priority.
    pub pr_value: u32,
}

crate::tables::c_constants! {
    /// Send flags (`SendInfo::flags`, `sctpx_send_info.flags`). Values equal
    /// the kernel's.
    pub table send_flags: u16, all SEND_FLAGS_ALL {
        /// Deliver without regard to stream order.
        SCTPX_SEND_UNORDERED = 1 => SEND_UNORDERED;
        /// One-to-many only: send over the path to the peer address the send
        /// names (`to`), not the association's primary path (SCTP_ADDR_OVER).
        /// Without it Linux uses that address only to find the association;
        /// one-to-one sockets always send to a named address.
        SCTPX_SEND_ADDR_OVER = 2 => SEND_ADDR_OVER;
        /// Abort the association (the message, if any, is the abort reason).
        /// One-to-many only: Linux refuses it on one-to-one sockets (-EINVAL).
        SCTPX_SEND_ABORT = 4 => SEND_ABORT;
        /// Ask the peer to acknowledge at once (I-bit).
        SCTPX_SEND_SACK_IMMEDIATELY = 8 => SEND_SACK_IMMEDIATELY;
        /// One-to-many only: send the message on every association of the socket.
        SCTPX_SEND_SENDALL = 64 => SEND_SENDALL;
        /// Start a graceful shutdown of the association after this message.
        /// One-to-many only: Linux refuses it on one-to-one sockets (-EINVAL).
        SCTPX_SEND_EOF = 0x200 => SEND_EOF;
    }
}

crate::tables::c_constants! {
    /// Partial-reliability policies (`SendInfo::pr_policy`).
    pub table pr_policies: u16 {
        /// Fully reliable (the default).
        SCTPX_PR_NONE = 0 => PR_NONE;
        /// Abandon the message after `pr_value` milliseconds.
        SCTPX_PR_TTL = 1 => PR_TTL;
        /// Abandon the message after `pr_value` retransmissions.
        SCTPX_PR_RTX = 2 => PR_RTX;
        /// Abandon lower-priority messages first when the buffer is full;
        /// `pr_value` is the priority (lower value = more important).
        SCTPX_PR_PRIO = 3 => PR_PRIO;
        /// Not a policy: what the PR status calls (SCTP_PR_ASSOC_STATUS,
        /// SCTP_PR_STREAM_STATUS) take to count every policy together. Sends
        /// and SCTP_DEFAULT_PRINFO refuse it.
        SCTPX_PR_ALL = 4 => PR_ALL;
    }
}

crate::tables::c_constants! {
    /// Stream schedulers (SCTPX_OPT_STREAM_SCHEDULER): the order in which the
    /// queued messages of different streams are sent. The numbers are Linux's
    /// `enum sctp_sched_type`.
    pub table schedulers: u32 {
        /// First come, first served: streams do not matter (the default).
        SCTPX_SCHED_FCFS = 0 => SCHED_FCFS;
        /// Priority: each stream's value (sctpx_set_stream_sched_value) is its
        /// priority, lower first; streams of equal priority take turns.
        SCTPX_SCHED_PRIO = 1 => SCHED_PRIO;
        /// Round robin: one message per stream in turn (with I-DATA, one
        /// fragment).
        SCTPX_SCHED_RR = 2 => SCHED_RR;
        /// Fair capacity: the stream that has sent the fewest bytes next
        /// (Linux 6.3 and later; earlier kernels refuse it: -EINVAL).
        SCTPX_SCHED_FC = 3 => SCHED_FC;
        /// Weighted fair queueing: as fair capacity, with each stream's value
        /// as its weight (Linux 6.3 and later; earlier kernels: -EINVAL).
        SCTPX_SCHED_WFQ = 4 => SCHED_WFQ;
    }
}

/// SCTP_ASSOC_CHANGE. On COMM_LOST and CANT_STR_ASSOC the event's bytes are
/// the error causes of the ABORT that ended it (without the chunk header),
/// e.g. cause 12 "User-Initiated Abort"; otherwise there are none.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AssocChange {
    /// SCTP_COMM_UP (0), SCTP_COMM_LOST (1), SCTP_RESTART (2),
    /// SCTP_SHUTDOWN_COMP (3), SCTP_CANT_STR_ASSOC (4).
    pub state: u16,
    /// The error cause code (host order) when the association failed.
    pub error: u16,
    /// Outbound streams negotiated.
    pub outbound_streams: u16,
    /// Inbound streams negotiated.
    pub inbound_streams: u16,
    /// FEATURE_* bits the peer supports (COMM_UP and RESTART only), decoded
    /// from the RFC 6458 feature list. Linux (6.1) never sends that list, so
    /// this is 0 there; SCTPX_OPT_PR_SUPPORTED / RECONFIG_SUPPORTED per
    /// association tell what was negotiated.
    pub features: u32,
}

crate::tables::c_constants! {
    /// `AssocChange::state` (`assoc_change.state`): the kernel's values.
    pub table assoc_change_states: u16 {
        /// The association is up.
        SCTPX_COMM_UP = 0 => COMM_UP;
        /// The association failed (peer unreachable or aborted).
        SCTPX_COMM_LOST = 1 => COMM_LOST;
        /// The peer restarted.
        SCTPX_RESTART = 2 => RESTART;
        /// A graceful shutdown completed.
        SCTPX_SHUTDOWN_COMP = 3 => SHUTDOWN_COMP;
        /// The association could not be set up.
        SCTPX_CANT_STR_ASSOC = 4 => CANT_STR_ASSOC;
    }
}

crate::tables::c_constants! {
    /// `AssocChange::features` bits (decoded from sac_info on COMM_UP/RESTART).
    pub table features: u32 {
        /// The peer supports partial reliability (PR-SCTP).
        SCTPX_FEATURE_PR = 1 => FEATURE_PR;
        /// The peer supports AUTH.
        SCTPX_FEATURE_AUTH = 2 => FEATURE_AUTH;
        /// The peer supports dynamic address reconfiguration (ASCONF).
        SCTPX_FEATURE_ASCONF = 4 => FEATURE_ASCONF;
        /// The peer supports multi-buffer (not used by Linux, kept for RFC 6458).
        SCTPX_FEATURE_MULTIBUF = 8 => FEATURE_MULTIBUF;
        /// The peer supports stream reconfiguration (RE-CONFIG).
        SCTPX_FEATURE_RECONFIG = 16 => FEATURE_RECONFIG;
        /// The peer supports message interleaving (I-DATA).
        SCTPX_FEATURE_INTERLEAVING = 32 => FEATURE_INTERLEAVING;
    }
}

/// SCTP_REMOTE_ERROR. The event's bytes are the error cause TLVs.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RemoteError {
    /// The cause code, host order.
    pub error: u16,
}

/// SCTP_SEND_FAILED and SCTP_SEND_FAILED_EVENT. The event's bytes are the
/// unsent user data.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SendFailed {
    /// SCTP_DATA_UNSENT (0: never put on the wire) or SCTP_DATA_SENT (1),
    /// Linux's values (RFC 6458 numbers them 1 and 2).
    pub flags: u32,
    /// The error that caused the failure.
    pub error: u32,
    /// What the message was sent with (PPID in host order).
    pub info: SendInfo,
}

/// SCTP_PARTIAL_DELIVERY_EVENT.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PartialDelivery {
    /// SCTP_PARTIAL_DELIVERY_ABORTED (0).
    pub indication: u32,
    /// The stream of the aborted message.
    pub stream: u32,
    /// Its stream sequence number.
    pub sequence: u32,
}

/// SCTP_ADAPTATION_INDICATION.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Adaptation {
    /// The peer's adaptation layer indication.
    pub indication: u32,
}

/// SCTP_AUTHENTICATION_EVENT.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Authentication {
    /// The key number concerned.
    pub key_number: u16,
    /// SCTP_AUTH_NEW_KEY (0), SCTP_AUTH_FREE_KEY (1), SCTP_AUTH_NO_AUTH (2).
    pub indication: u32,
}

/// SCTP_STREAM_RESET_EVENT. The event's bytes are the stream numbers, each a
/// host-order `u16`.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StreamReset {
    /// SCTP_STREAM_RESET_INCOMING_SSN (1), _OUTGOING_SSN (2), _DENIED (4),
    /// _FAILED (8).
    pub flags: u16,
}

/// SCTP_ASSOC_RESET_EVENT.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AssocReset {
    /// SCTP_ASSOC_RESET_DENIED (4), SCTP_ASSOC_RESET_FAILED (8).
    pub flags: u16,
    /// Next local TSN.
    pub local_tsn: u32,
    /// Next remote TSN.
    pub remote_tsn: u32,
}

/// SCTP_STREAM_CHANGE_EVENT.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct StreamChange {
    /// SCTP_STREAM_CHANGE_DENIED (4), SCTP_STREAM_CHANGE_FAILED (8).
    pub flags: u16,
    /// Inbound streams: as Linux reports it, the number added by the request.
    pub inbound_streams: u16,
    /// Outbound streams: as Linux reports it, the number added by the request.
    pub outbound_streams: u16,
}

/// SCTP_RTOINFO, in milliseconds; 0 in a set call leaves a value unchanged.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct RtoInfo {
    /// Association (one-to-many), or 0 for the socket's defaults.
    pub assoc_id: AssocId,
    /// Initial retransmission timeout.
    pub initial: u32,
    /// Maximum retransmission timeout.
    pub max: u32,
    /// Minimum retransmission timeout.
    pub min: u32,
}

/// SCTP_DEFAULT_PRINFO: the partial-reliability policy of sends that give none.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DefaultPrInfo {
    /// Association (one-to-many), or 0 for the socket's defaults.
    pub assoc_id: AssocId,
    /// PR_* policy (SCTPX_PR_* in C; not PR_ALL).
    pub policy: u16,
    /// The policy's value: milliseconds (TTL), retransmissions (RTX) or
    /// priority (PRIO); ignored with PR_NONE.
    pub value: u32,
}

/// SCTP_PR_ASSOC_STATUS / SCTP_PR_STREAM_STATUS: messages abandoned under one
/// policy (or all), since the association started.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PrStatus {
    /// Abandoned before any of their chunks was sent.
    pub abandoned_unsent: u64,
    /// Abandoned after being sent at least once.
    pub abandoned_sent: u64,
}

/// SCTP_ASSOCINFO; 0 in a set call leaves a value unchanged.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AssocParams {
    /// Association (one-to-many), or 0 for the socket's defaults.
    pub assoc_id: AssocId,
    /// Maximum retransmissions before the association is declared lost.
    pub max_retrans: u16,
    /// Number of peer addresses (read only).
    pub peer_destinations: u16,
    /// Peer's receive window (read only).
    pub peer_rwnd: u32,
    /// Local receive window (read only).
    pub local_rwnd: u32,
    /// Cookie lifetime in milliseconds.
    pub cookie_life: u32,
}

/// SCTP_INITMSG: parameters for new associations; 0 leaves a value unchanged.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct InitMsg {
    /// Outbound streams requested.
    pub num_ostreams: u16,
    /// Maximum inbound streams accepted.
    pub max_instreams: u16,
    /// Maximum INIT retransmissions.
    pub max_attempts: u16,
    /// Maximum INIT timeout in milliseconds.
    pub max_init_timeo: u16,
}

/// SCTP_DELAYED_SACK.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct SackInfo {
    /// Association (one-to-many), or 0 for the socket's defaults.
    pub assoc_id: AssocId,
    /// Delay in milliseconds.
    pub delay: u32,
    /// Packets received before a SACK is sent (1 = SACK every packet, which
    /// turns delayed SACK off).
    pub freq: u32,
}

/// SCTP_GET_ASSOC_STATS: an association's counters.
#[repr(C)]
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct AssocStats {
    /// Association (one-to-many), or 0.
    pub assoc_id: AssocId,
    /// Maximum observed RTO in milliseconds since the last read.
    pub max_rto: u64,
    /// Retransmitted chunks.
    pub rtxchunks: u64,
    /// Gap-acknowledged TSNs received.
    pub gapcnt: u64,
    /// Duplicate TSNs received.
    pub dupchunks: u64,
    /// SACKs sent.
    pub osacks: u64,
    /// SACKs received.
    pub isacks: u64,
    /// Control chunks sent.
    pub octrlchunks: u64,
    /// Control chunks received.
    pub ictrlchunks: u64,
    /// Ordered DATA chunks sent.
    pub oodchunks: u64,
    /// Ordered DATA chunks received.
    pub iodchunks: u64,
    /// Unordered DATA chunks sent.
    pub ouodchunks: u64,
    /// Unordered DATA chunks received.
    pub iuodchunks: u64,
    /// Packets sent.
    pub opackets: u64,
    /// Packets received.
    pub ipackets: u64,
}
