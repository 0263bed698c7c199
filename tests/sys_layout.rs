//! Checks `src/sys` (the kernel ABI layer) against the real C header
//! `<linux/sctp.h>`:
//!
//! * name level: every struct/union, every field (in order) and every
//!   constant the header declares exists in `src/sys/types.rs` /
//!   `src/sys/consts.rs`, and every item of those files is in the tables
//!   below (both files are parsed, so adding an item without a check fails);
//! * value level: a C program, generated from the tables and compiled with
//!   `cc` (or `$CC`) into `std::env::temp_dir()`, prints `sizeof`,
//!   `_Alignof`, and every field's `offsetof`, size and signedness plus every
//!   constant's value; all must equal what Rust computes.
//!
//! Only the source tree's two files are read (via `include_str!`); the
//! header is located through the compiler's preprocessor output.

use std::collections::{BTreeMap, BTreeSet};
use std::mem::{align_of, offset_of, size_of, MaybeUninit};
use std::path::{Path, PathBuf};
use std::process::Command;
use std::sync::atomic::{AtomicUsize, Ordering};
use std::sync::OnceLock;

use sctpx::sys::*;

const TYPES_RS: &str = include_str!("../src/sys/types.rs");
const CONSTS_RS: &str = include_str!("../src/sys/consts.rs");

/// Constants in `consts.rs` that `<linux/sctp.h>` does not define (checked
/// against these RFC values instead; if the header ever defines one, the C
/// value is checked too).
const NOT_IN_HEADER: &[(&str, i128)] = &[
    // The kernel's internal include/linux/socket.h and lksctp's
    // <netinet/sctp.h> define it; neither the uapi headers nor glibc do.
    ("SOL_SCTP", 132),
    ("SCTP_ASSOC_SUPPORTS_PR", 0x01),
    ("SCTP_ASSOC_SUPPORTS_AUTH", 0x02),
    ("SCTP_ASSOC_SUPPORTS_ASCONF", 0x03),
    ("SCTP_ASSOC_SUPPORTS_MULTIBUF", 0x04),
    ("SCTP_ASSOC_SUPPORTS_RE_CONFIG", 0x05),
    ("SCTP_ASSOC_SUPPORTS_INTERLEAVING", 0x06),
    ("SCTP_ASSOC_SUPPORTS_MAX", 0x06),
];

/// Object-like macros of the header that are not constants: the include
/// guard, a type alias (`pub type sctp_setprim` in types.rs) and two
/// field-name aliases.
const HEADER_NON_CONSTANTS: &[&str] = &["_SCTP_H", "sctp_setprim", "shmac_number_of_idents", "guth_number_of_chunks"];

/// Rust types whose alignment is knowingly lower than C's: (name, Rust, C).
/// `sctp_paddrparams` is `packed, aligned(4)` in C with a `__u32` at offset
/// 138; Rust cannot combine `packed` and `align`, so it is `packed(2)`
/// (identical offsets and size, alignment 2).
const ALIGN_EXCEPTIONS: &[(&str, usize, usize)] = &[("sctp_paddrparams", 2, 4)];

// ---------------------------------------------------------------------------
// Rust-side layout tables.
// ---------------------------------------------------------------------------

/// Signedness of a field type: `Some(signed)` for integers, `None` otherwise.
trait Scalar {
    const SIGNED: Option<bool>;
}
macro_rules! scalar {
    ($($t:ty => $s:expr),* $(,)?) => {$( impl Scalar for $t { const SIGNED: Option<bool> = $s; } )*};
}
scalar!(u8 => Some(false), u16 => Some(false), u32 => Some(false), u64 => Some(false),
        i8 => Some(true), i16 => Some(true), i32 => Some(true), i64 => Some(true));
impl<T> Scalar for *mut T {
    const SIGNED: Option<bool> = None;
}
impl<T, const N: usize> Scalar for [T; N] {
    const SIGNED: Option<bool> = None;
}
macro_rules! non_scalar {
    ($($t:ty),* $(,)?) => {$( impl Scalar for $t { const SIGNED: Option<bool> = None; } )*};
}
non_scalar!(libc::sockaddr_storage);

fn pointee_size<F>(_: *const F) -> usize {
    size_of::<F>()
}
fn pointee_signed<F: Scalar>(_: *const F) -> Option<bool> {
    F::SIGNED
}
/// Compiles only for zero-length array fields (C flexible array members).
fn flex_elem_size<E>(_: *const [E; 0]) -> usize {
    size_of::<E>()
}
fn flex_elem_signed<E: Scalar>(_: *const [E; 0]) -> Option<bool> {
    E::SIGNED
}

#[derive(Debug)]
struct Field {
    name: &'static str,
    offset: usize,
    /// Size of the field, or of one element for a flexible array.
    size: usize,
    signed: Option<bool>,
    flex: bool,
}

#[derive(Debug)]
struct Type {
    name: &'static str,
    /// C type expression.
    c: &'static str,
    size: usize,
    align: usize,
    fields: Vec<Field>,
}

macro_rules! field_ptr {
    ($t:ident, $f:ident) => {{
        let u = MaybeUninit::<$t>::uninit();
        let p = u.as_ptr();
        // SAFETY: only computes a field address (no read, no reference),
        // which is fine for uninitialised memory and packed fields.
        unsafe { std::ptr::addr_of!((*p).$f) }
    }};
}

/// Defines `rust_types()` from the table and makes every listed type usable
/// as a (non-scalar) field type.
macro_rules! types {
    ($( $t:ident = $c:literal { $($f:ident),* $(; flex $($ff:ident),+)? } ),* $(,)?) => {
        non_scalar!($($t),*);

        fn rust_types() -> Vec<Type> {
        vec![$(
            Type {
                name: stringify!($t),
                c: $c,
                size: size_of::<$t>(),
                align: align_of::<$t>(),
                fields: vec![
                    $( Field {
                        name: stringify!($f),
                        offset: offset_of!($t, $f),
                        size: pointee_size(field_ptr!($t, $f)),
                        signed: pointee_signed(field_ptr!($t, $f)),
                        flex: false,
                    }, )*
                    $($( Field {
                        name: stringify!($ff),
                        offset: offset_of!($t, $ff),
                        size: flex_elem_size(field_ptr!($t, $ff)),
                        signed: flex_elem_signed(field_ptr!($t, $ff)),
                        flex: true,
                    }, )+)?
                ],
            },
        )*]
        }
    };
}

types! {
    sctp_initmsg = "struct sctp_initmsg" {
        sinit_num_ostreams, sinit_max_instreams, sinit_max_attempts, sinit_max_init_timeo
    },
    sctp_sndrcvinfo = "struct sctp_sndrcvinfo" {
        sinfo_stream, sinfo_ssn, sinfo_flags, sinfo_ppid, sinfo_context, sinfo_timetolive,
        sinfo_tsn, sinfo_cumtsn, sinfo_assoc_id
    },
    sctp_sndinfo = "struct sctp_sndinfo" {
        snd_sid, snd_flags, snd_ppid, snd_context, snd_assoc_id
    },
    sctp_rcvinfo = "struct sctp_rcvinfo" {
        rcv_sid, rcv_ssn, rcv_flags, rcv_ppid, rcv_tsn, rcv_cumtsn, rcv_context, rcv_assoc_id
    },
    sctp_nxtinfo = "struct sctp_nxtinfo" {
        nxt_sid, nxt_flags, nxt_ppid, nxt_length, nxt_assoc_id
    },
    sctp_prinfo = "struct sctp_prinfo" { pr_policy, pr_value },
    sctp_authinfo = "struct sctp_authinfo" { auth_keynumber },
    sctp_cmsg_data_t = "sctp_cmsg_data_t" { raw, init, sndrcv },
    sctp_tlv = "sctp_tlv_c" { sn_type, sn_flags, sn_length },
    sctp_assoc_change = "struct sctp_assoc_change" {
        sac_type, sac_flags, sac_length, sac_state, sac_error, sac_outbound_streams,
        sac_inbound_streams, sac_assoc_id; flex sac_info
    },
    sctp_paddr_change = "struct sctp_paddr_change" {
        spc_type, spc_flags, spc_length, spc_aaddr, spc_state, spc_error, spc_assoc_id
    },
    sctp_remote_error = "struct sctp_remote_error" {
        sre_type, sre_flags, sre_length, sre_error, sre_assoc_id; flex sre_data
    },
    sctp_send_failed = "struct sctp_send_failed" {
        ssf_type, ssf_flags, ssf_length, ssf_error, ssf_info, ssf_assoc_id; flex ssf_data
    },
    sctp_send_failed_event = "struct sctp_send_failed_event" {
        ssf_type, ssf_flags, ssf_length, ssf_error, ssfe_info, ssf_assoc_id; flex ssf_data
    },
    sctp_shutdown_event = "struct sctp_shutdown_event" {
        sse_type, sse_flags, sse_length, sse_assoc_id
    },
    sctp_adaptation_event = "struct sctp_adaptation_event" {
        sai_type, sai_flags, sai_length, sai_adaptation_ind, sai_assoc_id
    },
    sctp_pdapi_event = "struct sctp_pdapi_event" {
        pdapi_type, pdapi_flags, pdapi_length, pdapi_indication, pdapi_assoc_id, pdapi_stream,
        pdapi_seq
    },
    sctp_authkey_event = "struct sctp_authkey_event" {
        auth_type, auth_flags, auth_length, auth_keynumber, auth_altkeynumber,
        auth_indication, auth_assoc_id
    },
    sctp_sender_dry_event = "struct sctp_sender_dry_event" {
        sender_dry_type, sender_dry_flags, sender_dry_length, sender_dry_assoc_id
    },
    sctp_stream_reset_event = "struct sctp_stream_reset_event" {
        strreset_type, strreset_flags, strreset_length, strreset_assoc_id; flex strreset_stream_list
    },
    sctp_assoc_reset_event = "struct sctp_assoc_reset_event" {
        assocreset_type, assocreset_flags, assocreset_length, assocreset_assoc_id,
        assocreset_local_tsn, assocreset_remote_tsn
    },
    sctp_stream_change_event = "struct sctp_stream_change_event" {
        strchange_type, strchange_flags, strchange_length, strchange_assoc_id,
        strchange_instrms, strchange_outstrms
    },
    sctp_event_subscribe = "struct sctp_event_subscribe" {
        sctp_data_io_event, sctp_association_event, sctp_address_event,
        sctp_send_failure_event, sctp_peer_error_event, sctp_shutdown_event,
        sctp_partial_delivery_event, sctp_adaptation_layer_event, sctp_authentication_event,
        sctp_sender_dry_event, sctp_stream_reset_event, sctp_assoc_reset_event,
        sctp_stream_change_event, sctp_send_failure_event_event
    },
    sctp_notification = "union sctp_notification" {
        sn_header, sn_assoc_change, sn_paddr_change, sn_remote_error, sn_send_failed,
        sn_shutdown_event, sn_adaptation_event, sn_pdapi_event, sn_authkey_event,
        sn_sender_dry_event, sn_strreset_event, sn_assocreset_event, sn_strchange_event,
        sn_send_failed_event
    },
    sctp_rtoinfo = "struct sctp_rtoinfo" { srto_assoc_id, srto_initial, srto_max, srto_min },
    sctp_assocparams = "struct sctp_assocparams" {
        sasoc_assoc_id, sasoc_asocmaxrxt, sasoc_number_peer_destinations, sasoc_peer_rwnd,
        sasoc_local_rwnd, sasoc_cookie_life
    },
    sctp_setpeerprim = "struct sctp_setpeerprim" { sspp_assoc_id, sspp_addr },
    sctp_prim = "struct sctp_prim" { ssp_assoc_id, ssp_addr },
    sctp_setadaptation = "struct sctp_setadaptation" { ssb_adaptation_ind },
    sctp_paddrparams = "struct sctp_paddrparams" {
        spp_assoc_id, spp_address, spp_hbinterval, spp_pathmaxrxt, spp_pathmtu, spp_sackdelay,
        spp_flags, spp_ipv6_flowlabel, spp_dscp
    },
    sctp_authchunk = "struct sctp_authchunk" { sauth_chunk },
    sctp_hmacalgo = "struct sctp_hmacalgo" { shmac_num_idents; flex shmac_idents },
    sctp_authkey = "struct sctp_authkey" {
        sca_assoc_id, sca_keynumber, sca_keylength; flex sca_key
    },
    sctp_authkeyid = "struct sctp_authkeyid" { scact_assoc_id, scact_keynumber },
    sctp_sack_info = "struct sctp_sack_info" { sack_assoc_id, sack_delay, sack_freq },
    sctp_assoc_value = "struct sctp_assoc_value" { assoc_id, assoc_value },
    sctp_stream_value = "struct sctp_stream_value" { assoc_id, stream_id, stream_value },
    sctp_paddrinfo = "struct sctp_paddrinfo" {
        spinfo_assoc_id, spinfo_address, spinfo_state, spinfo_cwnd, spinfo_srtt, spinfo_rto,
        spinfo_mtu
    },
    sctp_status = "struct sctp_status" {
        sstat_assoc_id, sstat_state, sstat_rwnd, sstat_unackdata, sstat_penddata,
        sstat_instrms, sstat_outstrms, sstat_fragmentation_point, sstat_primary
    },
    sctp_authchunks = "struct sctp_authchunks" {
        gauth_assoc_id, gauth_number_of_chunks; flex gauth_chunks
    },
    sctp_assoc_ids = "struct sctp_assoc_ids" { gaids_number_of_ids; flex gaids_assoc_id },
    sctp_getaddrs_old = "struct sctp_getaddrs_old" { assoc_id, addr_num, addrs },
    sctp_getaddrs = "struct sctp_getaddrs" { assoc_id, addr_num; flex addrs },
    sctp_assoc_stats = "struct sctp_assoc_stats" {
        sas_assoc_id, sas_obs_rto_ipaddr, sas_maxrto, sas_isacks, sas_osacks, sas_opackets,
        sas_ipackets, sas_rtxchunks, sas_outofseqtsns, sas_idupchunks, sas_gapcnt,
        sas_ouodchunks, sas_iuodchunks, sas_oodchunks, sas_iodchunks, sas_octrlchunks,
        sas_ictrlchunks
    },
    sctp_peeloff_arg_t = "sctp_peeloff_arg_t" { associd, sd },
    sctp_peeloff_flags_arg_t = "sctp_peeloff_flags_arg_t" { p_arg, flags },
    sctp_paddrthlds = "struct sctp_paddrthlds" {
        spt_assoc_id, spt_address, spt_pathmaxrxt, spt_pathpfthld
    },
    sctp_paddrthlds_v2 = "struct sctp_paddrthlds_v2" {
        spt_assoc_id, spt_address, spt_pathmaxrxt, spt_pathpfthld, spt_pathcpthld
    },
    sctp_prstatus = "struct sctp_prstatus" {
        sprstat_assoc_id, sprstat_sid, sprstat_policy, sprstat_abandoned_unsent,
        sprstat_abandoned_sent
    },
    sctp_default_prinfo = "struct sctp_default_prinfo" { pr_assoc_id, pr_value, pr_policy },
    sctp_info = "struct sctp_info" {
        sctpi_tag, sctpi_state, sctpi_rwnd, sctpi_unackdata, sctpi_penddata, sctpi_instrms,
        sctpi_outstrms, sctpi_fragmentation_point, sctpi_inqueue, sctpi_outqueue,
        sctpi_overall_error, sctpi_max_burst, sctpi_maxseg, sctpi_peer_rwnd, sctpi_peer_tag,
        sctpi_peer_capable, sctpi_peer_sack, __reserved1, sctpi_isacks, sctpi_osacks,
        sctpi_opackets, sctpi_ipackets, sctpi_rtxchunks, sctpi_outofseqtsns, sctpi_idupchunks,
        sctpi_gapcnt, sctpi_ouodchunks, sctpi_iuodchunks, sctpi_oodchunks, sctpi_iodchunks,
        sctpi_octrlchunks, sctpi_ictrlchunks, sctpi_p_address, sctpi_p_state, sctpi_p_cwnd,
        sctpi_p_srtt, sctpi_p_rto, sctpi_p_hbinterval, sctpi_p_pathmaxrxt, sctpi_p_sackdelay,
        sctpi_p_sackfreq, sctpi_p_ssthresh, sctpi_p_partial_bytes_acked, sctpi_p_flight_size,
        sctpi_p_error, __reserved2, sctpi_s_autoclose, sctpi_s_adaptation_ind,
        sctpi_s_pd_point, sctpi_s_nodelay, sctpi_s_disable_fragments, sctpi_s_v4mapped,
        sctpi_s_frag_interleave, sctpi_s_type, __reserved3
    },
    sctp_reset_streams = "struct sctp_reset_streams" {
        srs_assoc_id, srs_flags, srs_number_streams; flex srs_stream_list
    },
    sctp_add_streams = "struct sctp_add_streams" { sas_assoc_id, sas_instrms, sas_outstrms },
    sctp_event = "struct sctp_event" { se_assoc_id, se_type, se_on },
    sctp_udpencaps = "struct sctp_udpencaps" { sue_assoc_id, sue_address, sue_port },
    sctp_probeinterval = "struct sctp_probeinterval" {
        spi_assoc_id, spi_address, spi_interval
    },
}

macro_rules! consts {
    ($($c:ident),* $(,)?) => {
        vec![$( (stringify!($c), $c as i128) ),*]
    };
}

fn rust_consts() -> Vec<(&'static str, i128)> {
    consts![
        IPPROTO_SCTP,
        SOL_SCTP,
        SCTP_FUTURE_ASSOC,
        SCTP_CURRENT_ASSOC,
        SCTP_ALL_ASSOC,
        SCTP_RTOINFO,
        SCTP_ASSOCINFO,
        SCTP_INITMSG,
        SCTP_NODELAY,
        SCTP_AUTOCLOSE,
        SCTP_SET_PEER_PRIMARY_ADDR,
        SCTP_PRIMARY_ADDR,
        SCTP_ADAPTATION_LAYER,
        SCTP_DISABLE_FRAGMENTS,
        SCTP_PEER_ADDR_PARAMS,
        SCTP_DEFAULT_SEND_PARAM,
        SCTP_EVENTS,
        SCTP_I_WANT_MAPPED_V4_ADDR,
        SCTP_MAXSEG,
        SCTP_STATUS,
        SCTP_GET_PEER_ADDR_INFO,
        SCTP_DELAYED_ACK_TIME,
        SCTP_DELAYED_ACK,
        SCTP_DELAYED_SACK,
        SCTP_CONTEXT,
        SCTP_FRAGMENT_INTERLEAVE,
        SCTP_PARTIAL_DELIVERY_POINT,
        SCTP_MAX_BURST,
        SCTP_AUTH_CHUNK,
        SCTP_HMAC_IDENT,
        SCTP_AUTH_KEY,
        SCTP_AUTH_ACTIVE_KEY,
        SCTP_AUTH_DELETE_KEY,
        SCTP_PEER_AUTH_CHUNKS,
        SCTP_LOCAL_AUTH_CHUNKS,
        SCTP_GET_ASSOC_NUMBER,
        SCTP_GET_ASSOC_ID_LIST,
        SCTP_AUTO_ASCONF,
        SCTP_PEER_ADDR_THLDS,
        SCTP_RECVRCVINFO,
        SCTP_RECVNXTINFO,
        SCTP_DEFAULT_SNDINFO,
        SCTP_AUTH_DEACTIVATE_KEY,
        SCTP_REUSE_PORT,
        SCTP_PEER_ADDR_THLDS_V2,
        SCTP_SOCKOPT_BINDX_ADD,
        SCTP_SOCKOPT_BINDX_REM,
        SCTP_SOCKOPT_PEELOFF,
        SCTP_SOCKOPT_CONNECTX_OLD,
        SCTP_GET_PEER_ADDRS,
        SCTP_GET_LOCAL_ADDRS,
        SCTP_SOCKOPT_CONNECTX,
        SCTP_SOCKOPT_CONNECTX3,
        SCTP_GET_ASSOC_STATS,
        SCTP_PR_SUPPORTED,
        SCTP_DEFAULT_PRINFO,
        SCTP_PR_ASSOC_STATUS,
        SCTP_PR_STREAM_STATUS,
        SCTP_RECONFIG_SUPPORTED,
        SCTP_ENABLE_STREAM_RESET,
        SCTP_RESET_STREAMS,
        SCTP_RESET_ASSOC,
        SCTP_ADD_STREAMS,
        SCTP_SOCKOPT_PEELOFF_FLAGS,
        SCTP_STREAM_SCHEDULER,
        SCTP_STREAM_SCHEDULER_VALUE,
        SCTP_INTERLEAVING_SUPPORTED,
        SCTP_SENDMSG_CONNECT,
        SCTP_EVENT,
        SCTP_ASCONF_SUPPORTED,
        SCTP_AUTH_SUPPORTED,
        SCTP_ECN_SUPPORTED,
        SCTP_EXPOSE_POTENTIALLY_FAILED_STATE,
        SCTP_EXPOSE_PF_STATE,
        SCTP_REMOTE_UDP_ENCAPS_PORT,
        SCTP_PLPMTUD_PROBE_INTERVAL,
        SCTP_PR_SCTP_NONE,
        SCTP_PR_SCTP_TTL,
        SCTP_PR_SCTP_RTX,
        SCTP_PR_SCTP_PRIO,
        SCTP_PR_SCTP_MAX,
        SCTP_PR_SCTP_MASK,
        SCTP_ENABLE_RESET_STREAM_REQ,
        SCTP_ENABLE_RESET_ASSOC_REQ,
        SCTP_ENABLE_CHANGE_ASSOC_REQ,
        SCTP_ENABLE_STRRESET_MASK,
        SCTP_STREAM_RESET_INCOMING,
        SCTP_STREAM_RESET_OUTGOING,
        MSG_NOTIFICATION,
        SCTP_UNORDERED,
        SCTP_ADDR_OVER,
        SCTP_ABORT,
        SCTP_SACK_IMMEDIATELY,
        SCTP_SENDALL,
        SCTP_PR_SCTP_ALL,
        SCTP_NOTIFICATION,
        SCTP_EOF,
        SCTP_INIT,
        SCTP_SNDRCV,
        SCTP_SNDINFO,
        SCTP_RCVINFO,
        SCTP_NXTINFO,
        SCTP_PRINFO,
        SCTP_AUTHINFO,
        SCTP_DSTADDRV4,
        SCTP_DSTADDRV6,
        SCTP_SN_TYPE_BASE,
        SCTP_DATA_IO_EVENT,
        SCTP_ASSOC_CHANGE,
        SCTP_PEER_ADDR_CHANGE,
        SCTP_SEND_FAILED,
        SCTP_REMOTE_ERROR,
        SCTP_SHUTDOWN_EVENT,
        SCTP_PARTIAL_DELIVERY_EVENT,
        SCTP_ADAPTATION_INDICATION,
        SCTP_AUTHENTICATION_EVENT,
        SCTP_AUTHENTICATION_INDICATION,
        SCTP_SENDER_DRY_EVENT,
        SCTP_STREAM_RESET_EVENT,
        SCTP_ASSOC_RESET_EVENT,
        SCTP_STREAM_CHANGE_EVENT,
        SCTP_SEND_FAILED_EVENT,
        SCTP_SN_TYPE_MAX,
        SCTP_COMM_UP,
        SCTP_COMM_LOST,
        SCTP_RESTART,
        SCTP_SHUTDOWN_COMP,
        SCTP_CANT_STR_ASSOC,
        SCTP_ASSOC_CHANGE_DENIED,
        SCTP_ASSOC_CHANGE_FAILED,
        SCTP_STREAM_CHANGE_DENIED,
        SCTP_STREAM_CHANGE_FAILED,
        SCTP_ADDR_AVAILABLE,
        SCTP_ADDR_UNREACHABLE,
        SCTP_ADDR_REMOVED,
        SCTP_ADDR_ADDED,
        SCTP_ADDR_MADE_PRIM,
        SCTP_ADDR_CONFIRMED,
        SCTP_ADDR_POTENTIALLY_FAILED,
        SCTP_ADDR_PF,
        SCTP_DATA_UNSENT,
        SCTP_DATA_SENT,
        SCTP_PARTIAL_DELIVERY_ABORTED,
        SCTP_AUTH_NEW_KEY,
        SCTP_AUTH_NEWKEY,
        SCTP_AUTH_FREE_KEY,
        SCTP_AUTH_NO_AUTH,
        SCTP_STREAM_RESET_INCOMING_SSN,
        SCTP_STREAM_RESET_OUTGOING_SSN,
        SCTP_STREAM_RESET_DENIED,
        SCTP_STREAM_RESET_FAILED,
        SCTP_ASSOC_RESET_DENIED,
        SCTP_ASSOC_RESET_FAILED,
        SCTP_FAILED_THRESHOLD,
        SCTP_RECEIVED_SACK,
        SCTP_HEARTBEAT_SUCCESS,
        SCTP_RESPONSE_TO_USER_REQ,
        SCTP_INTERNAL_ERROR,
        SCTP_SHUTDOWN_GUARD_EXPIRES,
        SCTP_PEER_FAULTY,
        SPP_HB_ENABLE,
        SPP_HB_DISABLE,
        SPP_HB,
        SPP_HB_DEMAND,
        SPP_PMTUD_ENABLE,
        SPP_PMTUD_DISABLE,
        SPP_PMTUD,
        SPP_SACKDELAY_ENABLE,
        SPP_SACKDELAY_DISABLE,
        SPP_SACKDELAY,
        SPP_HB_TIME_IS_ZERO,
        SPP_IPV6_FLOWLABEL,
        SPP_DSCP,
        SCTP_AUTH_HMAC_ID_SHA1,
        SCTP_AUTH_HMAC_ID_SHA256,
        SCTP_INACTIVE,
        SCTP_PF,
        SCTP_POTENTIALLY_FAILED,
        SCTP_ACTIVE,
        SCTP_UNCONFIRMED,
        SCTP_UNKNOWN,
        SCTP_EMPTY,
        SCTP_CLOSED,
        SCTP_COOKIE_WAIT,
        SCTP_COOKIE_ECHOED,
        SCTP_ESTABLISHED,
        SCTP_SHUTDOWN_PENDING,
        SCTP_SHUTDOWN_SENT,
        SCTP_SHUTDOWN_RECEIVED,
        SCTP_SHUTDOWN_ACK_SENT,
        SCTP_BINDX_ADD_ADDR,
        SCTP_BINDX_REM_ADDR,
        SCTP_SS_FCFS,
        SCTP_SS_DEFAULT,
        SCTP_SS_PRIO,
        SCTP_SS_RR,
        SCTP_SS_MAX,
        SCTP_ASSOC_SUPPORTS_PR,
        SCTP_ASSOC_SUPPORTS_AUTH,
        SCTP_ASSOC_SUPPORTS_ASCONF,
        SCTP_ASSOC_SUPPORTS_MULTIBUF,
        SCTP_ASSOC_SUPPORTS_RE_CONFIG,
        SCTP_ASSOC_SUPPORTS_INTERLEAVING,
        SCTP_ASSOC_SUPPORTS_MAX,
    ]
}

// ---------------------------------------------------------------------------
// Parsing the Rust sources.
// ---------------------------------------------------------------------------

/// `(type name, field names in order)` of every `pub struct` / `pub union`
/// in types.rs.
fn parse_types_rs() -> Vec<(String, Vec<String>)> {
    let mut out = Vec::new();
    let mut cur: Option<(String, Vec<String>)> = None;
    for line in TYPES_RS.lines() {
        let t = line.trim();
        if let Some((name, fields)) = cur.as_mut() {
            if line.starts_with('}') {
                out.push((std::mem::take(name), std::mem::take(fields)));
                cur = None;
            } else if let Some(rest) = t.strip_prefix("pub ") {
                let field = rest.split(':').next().unwrap().trim();
                fields.push(field.to_string());
            }
            continue;
        }
        for kw in ["pub struct ", "pub union "] {
            if let Some(rest) = t.strip_prefix(kw) {
                let name = rest.split(|c: char| !(c.is_alphanumeric() || c == '_')).next().unwrap();
                assert!(t.ends_with('{'), "types.rs: put `{t}` on one line ending in `{{`");
                cur = Some((name.to_string(), Vec::new()));
            }
        }
    }
    assert!(cur.is_none(), "types.rs: unterminated struct");
    out
}

/// Names of every `pub const` in consts.rs.
fn parse_consts_rs() -> Vec<String> {
    CONSTS_RS
        .lines()
        .filter_map(|l| l.trim().strip_prefix("pub const "))
        .map(|r| r.split(':').next().unwrap().trim().to_string())
        .collect()
}

// ---------------------------------------------------------------------------
// Parsing the C header (declarations only; values come from the compiler).
// ---------------------------------------------------------------------------

fn compiler() -> String {
    std::env::var("CC").ok().filter(|s| !s.is_empty()).unwrap_or_else(|| "cc".to_string())
}

const C_INCLUDES: &str = "#include <stddef.h>\n#include <stdio.h>\n#include <sys/socket.h>\n\
                          #include <netinet/in.h>\n#include <linux/sctp.h>\n";

/// Path of the `<linux/sctp.h>` the compiler uses (from its line markers).
fn header_path() -> PathBuf {
    let dir = WorkDir::new();
    let src = dir.0.join("find_header.c");
    std::fs::write(&src, C_INCLUDES).unwrap();
    let out = Command::new(compiler())
        .arg("-E")
        .arg(&src)
        .output()
        .unwrap_or_else(|e| panic!("cannot run `{}`: {e}", compiler()));
    assert!(out.status.success(), "preprocessing failed:\n{}", String::from_utf8_lossy(&out.stderr));
    let text = String::from_utf8_lossy(&out.stdout);
    for line in text.lines() {
        if let Some(start) = line.find('"') {
            let path = &line[start + 1..];
            let path = &path[..path.find('"').unwrap_or(path.len())];
            if line.starts_with('#') && path.ends_with("linux/sctp.h") {
                return PathBuf::from(path);
            }
        }
    }
    panic!("could not locate linux/sctp.h in the preprocessor output");
}

fn strip_comments(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    let mut rest = s;
    while let Some(i) = rest.find("/*") {
        out.push_str(&rest[..i]);
        let end = rest[i + 2..].find("*/").expect("unterminated comment") + i + 4;
        out.push(' ');
        rest = &rest[end..];
    }
    out.push_str(rest);
    out.lines().map(|l| l.split("//").next().unwrap()).collect::<Vec<_>>().join("\n")
}

fn ident_at_end(s: &str) -> Option<&str> {
    let s = s.trim_end();
    let start = s.rfind(|c: char| !(c.is_alphanumeric() || c == '_')).map_or(0, |i| i + 1);
    let id = &s[start..];
    (!id.is_empty() && !id.starts_with(|c: char| c.is_ascii_digit())).then_some(id)
}

struct Header {
    /// C aggregate name (struct tag, typedef name, or `sctp_tlv` for the
    /// anonymous `sn_header`) -> member names in order.
    aggregates: BTreeMap<String, Vec<String>>,
    /// Object-like `#define` names and enumerator names.
    constants: BTreeSet<String>,
}

/// Member names of an aggregate body; nested anonymous aggregates are
/// recorded in `nested` under their member name.
fn parse_members(body: &str, nested: &mut Vec<(String, Vec<String>)>) -> Vec<String> {
    let mut members = Vec::new();
    let mut depth = 0;
    let mut decl = String::new();
    for ch in body.chars() {
        match ch {
            '{' => depth += 1,
            '}' => depth -= 1,
            ';' if depth == 0 => {
                let d = decl.trim().to_string();
                decl.clear();
                if d.is_empty() {
                    continue;
                }
                let (head, tail) = match (d.find('{'), d.rfind('}')) {
                    (Some(o), Some(c)) => (Some(&d[o + 1..c]), &d[c + 1..]),
                    _ => (None, d.as_str()),
                };
                let tail = tail.split('[').next().unwrap();
                let name = ident_at_end(tail).unwrap_or_else(|| panic!("cannot parse member `{d}`")).to_string();
                if let Some(inner) = head {
                    let m = parse_members(inner, nested);
                    nested.push((name.clone(), m));
                }
                members.push(name);
                continue;
            }
            _ => {}
        }
        decl.push(ch);
    }
    members
}

fn parse_header(path: &Path) -> Header {
    let raw = std::fs::read_to_string(path).unwrap();
    // Join continuation lines, then drop comments.
    let text = strip_comments(&raw.replace("\\\n", " "));
    let mut constants = BTreeSet::new();
    let mut code = String::new();
    for line in text.lines() {
        let t = line.trim_start();
        if let Some(rest) = t.strip_prefix('#') {
            let rest = rest.trim_start();
            if let Some(def) = rest.strip_prefix("define") {
                let def = def.trim_start();
                let name_end = def.find(|c: char| !(c.is_alphanumeric() || c == '_')).unwrap_or(def.len());
                let name = &def[..name_end];
                let function_like = def[name_end..].starts_with('(');
                if !function_like && !HEADER_NON_CONSTANTS.contains(&name) {
                    constants.insert(name.to_string());
                }
            }
            code.push('\n');
            continue;
        }
        code.push_str(line);
        code.push('\n');
    }

    let mut aggregates = BTreeMap::new();
    let bytes = code.as_bytes();
    let mut i = 0;
    while let Some(off) = code[i..].find('{') {
        let open = i + off;
        // Matching close brace.
        let mut depth = 0;
        let mut close = open;
        for (j, &b) in bytes.iter().enumerate().skip(open) {
            if b == b'{' {
                depth += 1;
            } else if b == b'}' {
                depth -= 1;
                if depth == 0 {
                    close = j;
                    break;
                }
            }
        }
        let before = &code[..open];
        let stmt_start = before.rfind([';', '}']).map_or(0, |p| p + 1);
        let intro: Vec<&str> = before[stmt_start..].split_whitespace().collect();
        let body = &code[open + 1..close];
        let after_end = code[close..].find(';').unwrap() + close;
        let after = code[close + 1..after_end].trim();
        let is_typedef = intro.first() == Some(&"typedef");
        let kw_pos = intro
            .iter()
            .position(|w| matches!(*w, "struct" | "union" | "enum"))
            .unwrap_or_else(|| panic!("unknown `{{` context: {intro:?}"));
        let kw = intro[kw_pos];
        let tag = intro.get(kw_pos + 1).copied();
        let typedef_name = if is_typedef { ident_at_end(after.split("__attribute__").next().unwrap()) } else { None };
        if kw == "enum" {
            for item in body.split(',') {
                let name = item.split('=').next().unwrap().trim();
                if !name.is_empty() {
                    constants.insert(name.to_string());
                }
            }
        } else {
            let mut nested = Vec::new();
            let members = parse_members(body, &mut nested);
            for (member, fields) in nested {
                assert_eq!(member, "sn_header", "unexpected anonymous aggregate `{member}`");
                aggregates.insert("sctp_tlv".to_string(), fields);
            }
            let name = match (tag, typedef_name) {
                (_, Some(t)) => t,
                (Some(t), None) => t,
                (None, None) => panic!("anonymous aggregate without a name"),
            };
            aggregates.insert(name.to_string(), members);
        }
        i = after_end + 1;
    }
    Header { aggregates, constants }
}

// ---------------------------------------------------------------------------
// The generated C program.
// ---------------------------------------------------------------------------

/// A fresh private directory under `temp_dir()` (the source tree may be
/// read-only), removed again when dropped.
struct WorkDir(PathBuf);

impl WorkDir {
    fn new() -> WorkDir {
        static N: AtomicUsize = AtomicUsize::new(0);
        let n = N.fetch_add(1, Ordering::Relaxed);
        let d = std::env::temp_dir().join(format!("sctpx-sys-layout-{}-{n}", std::process::id()));
        std::fs::create_dir_all(&d).unwrap_or_else(|e| panic!("cannot create {}: {e}", d.display()));
        WorkDir(d)
    }
}

impl Drop for WorkDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

fn c_program(types: &[Type], consts: &[(&str, i128)]) -> String {
    let mut c = String::from(C_INCLUDES);
    c.push_str(
        "typedef __typeof__(((union sctp_notification *)0)->sn_header) sctp_tlv_c;\n\
         #define SIGNED(x) ((__typeof__(x))-1 < (__typeof__(x))0)\n\
         int main(void) {\n",
    );
    for t in types {
        c.push_str(&format!(
            "  printf(\"T {n} %zu %zu\\n\", sizeof({c}), (size_t)_Alignof({c}));\n",
            n = t.name,
            c = t.c
        ));
        for f in &t.fields {
            let m = format!("((({c} *)0)->{f}{idx})", c = t.c, f = f.name, idx = if f.flex { "[0]" } else { "" });
            let signed = if f.signed.is_some() { format!("(int)SIGNED({m})") } else { "-1".into() };
            c.push_str(&format!(
                "  printf(\"F {n} {f} %zu %zu %d\\n\", offsetof({c}, {f}), sizeof{m}, {signed});\n",
                n = t.name,
                f = f.name,
                c = t.c
            ));
        }
    }
    for (name, _) in consts {
        let stmt = format!("  printf(\"C {name} %lld\\n\", (long long)({name}));\n");
        if NOT_IN_HEADER.iter().any(|(n, _)| n == name) {
            c.push_str(&format!("#ifdef {name}\n{stmt}#endif\n"));
        } else {
            c.push_str(&stmt);
        }
    }
    c.push_str("  return 0;\n}\n");
    c
}

struct CResults {
    types: BTreeMap<String, (usize, usize)>,
    fields: BTreeMap<(String, String), (usize, usize, i32)>,
    consts: BTreeMap<String, i128>,
}

/// Compiles and runs the C program once per test process.
fn c_results() -> &'static CResults {
    static RES: OnceLock<CResults> = OnceLock::new();
    RES.get_or_init(|| {
        let dir = WorkDir::new();
        let src = dir.0.join("layout.c");
        let bin = dir.0.join("layout");
        std::fs::write(&src, c_program(&rust_types(), &rust_consts())).unwrap();
        let out = Command::new(compiler())
            .args(["-std=gnu11", "-w", "-o"])
            .arg(&bin)
            .arg(&src)
            .output()
            .unwrap_or_else(|e| panic!("cannot run `{}`: {e}", compiler()));
        assert!(
            out.status.success(),
            "compiling {} failed (a Rust name the header lacks?):\n{}",
            src.display(),
            String::from_utf8_lossy(&out.stderr)
        );
        let out = Command::new(&bin).output().unwrap();
        assert!(out.status.success(), "{} failed", bin.display());
        let mut res = CResults { types: BTreeMap::new(), fields: BTreeMap::new(), consts: BTreeMap::new() };
        for line in String::from_utf8(out.stdout).unwrap().lines() {
            let w: Vec<&str> = line.split_whitespace().collect();
            match w[0] {
                "T" => {
                    res.types.insert(w[1].into(), (w[2].parse().unwrap(), w[3].parse().unwrap()));
                }
                "F" => {
                    let v = (w[3].parse().unwrap(), w[4].parse().unwrap(), w[5].parse().unwrap());
                    res.fields.insert((w[1].into(), w[2].into()), v);
                }
                "C" => {
                    res.consts.insert(w[1].into(), w[2].parse().unwrap());
                }
                _ => panic!("unexpected line `{line}`"),
            }
        }
        res
    })
}

fn report(what: &str, errors: Vec<String>) {
    assert!(errors.is_empty(), "{what}: {} mismatch(es):\n  {}", errors.len(), errors.join("\n  "));
}

// ---------------------------------------------------------------------------
// Tests.
// ---------------------------------------------------------------------------

#[test]
fn every_header_struct_and_field_exists_in_types_rs_in_c_order() {
    let header = parse_header(&header_path());
    let parsed: BTreeMap<String, Vec<String>> = parse_types_rs().into_iter().collect();
    let mut errors = Vec::new();
    for (name, c_fields) in &header.aggregates {
        match parsed.get(name) {
            None => errors.push(format!("C aggregate `{name}` has no Rust counterpart in types.rs")),
            Some(r) if r != c_fields => errors.push(format!("`{name}` fields differ: C {c_fields:?}, Rust {r:?}")),
            Some(_) => {}
        }
    }
    for name in parsed.keys() {
        if !header.aggregates.contains_key(name) {
            errors.push(format!("Rust type `{name}` is not declared by the header"));
        }
    }
    report("types.rs vs <linux/sctp.h> declarations", errors);
}

#[test]
fn every_types_rs_struct_and_field_is_in_the_layout_table() {
    let table: BTreeMap<&str, Vec<&str>> =
        rust_types().iter().map(|t| (t.name, t.fields.iter().map(|f| f.name).collect())).collect();
    let parsed = parse_types_rs();
    let mut errors = Vec::new();
    for (name, fields) in &parsed {
        match table.get(name.as_str()) {
            None => errors.push(format!("`{name}` is missing from the layout table")),
            Some(t) if t != fields => errors.push(format!("`{name}`: table {t:?}, types.rs {fields:?}")),
            Some(_) => {}
        }
    }
    for name in table.keys() {
        if !parsed.iter().any(|(n, _)| n == name) {
            errors.push(format!("table entry `{name}` is not in types.rs"));
        }
    }
    report("layout table vs types.rs", errors);
}

#[test]
fn struct_sizes_alignments_and_field_offsets_sizes_signedness_match_c() {
    let c = c_results();
    let mut errors = Vec::new();
    for t in rust_types() {
        let (c_size, c_align) = c.types[t.name];
        if t.size != c_size {
            errors.push(format!("sizeof({}): Rust {} C {}", t.name, t.size, c_size));
        }
        let (want_rust, want_c) = match ALIGN_EXCEPTIONS.iter().find(|e| e.0 == t.name) {
            Some(&(_, r, cc)) => (r, cc),
            None => (c_align, c_align),
        };
        if (t.align, c_align) != (want_rust, want_c) {
            errors.push(format!(
                "alignof({}): Rust {} C {} (expected Rust {want_rust} C {want_c})",
                t.name, t.align, c_align
            ));
        }
        for f in &t.fields {
            let (off, size, signed) = c.fields[&(t.name.to_string(), f.name.to_string())];
            let what = if f.flex { "element size" } else { "size" };
            if f.offset != off {
                errors.push(format!("offsetof({}, {}): Rust {} C {}", t.name, f.name, f.offset, off));
            }
            if f.size != size {
                errors.push(format!("{what} of {}.{}: Rust {} C {}", t.name, f.name, f.size, size));
            }
            if let Some(s) = f.signed {
                if i32::from(s) != signed {
                    errors.push(format!(
                        "signedness of {}.{}: Rust signed={} C signed={}",
                        t.name,
                        f.name,
                        s,
                        signed == 1
                    ));
                }
            }
        }
    }
    report("layout vs C", errors);
}

#[test]
fn every_header_constant_exists_in_consts_rs() {
    let header = parse_header(&header_path());
    let parsed: BTreeSet<String> = parse_consts_rs().into_iter().collect();
    let errors: Vec<String> = header
        .constants
        .iter()
        .filter(|c| !parsed.contains(*c))
        .map(|c| format!("`{c}` is defined by the header but missing from consts.rs"))
        .collect();
    report("consts.rs vs <linux/sctp.h>", errors);
}

#[test]
fn every_consts_rs_constant_is_checked_and_equals_c() {
    let table = rust_consts();
    let names: BTreeSet<&str> = table.iter().map(|c| c.0).collect();
    let parsed = parse_consts_rs();
    let mut errors = Vec::new();
    for p in &parsed {
        if !names.contains(p.as_str()) {
            errors.push(format!("`{p}` in consts.rs is missing from the test's constant table"));
        }
    }
    if parsed.len() != table.len() {
        errors.push(format!("consts.rs has {} constants, the table {}", parsed.len(), table.len()));
    }
    let c = c_results();
    for (name, value) in &table {
        if let Some(&(_, rfc)) = NOT_IN_HEADER.iter().find(|(n, _)| n == name) {
            if *value != rfc {
                errors.push(format!("{name}: Rust {value} RFC {rfc}"));
            }
            if let Some(cv) = c.consts.get(*name) {
                if cv != value {
                    errors.push(format!("{name}: Rust {value} C {cv}"));
                }
            }
            continue;
        }
        match c.consts.get(*name) {
            Some(cv) if cv == value => {}
            Some(cv) => errors.push(format!("{name}: Rust {value} ({value:#x}) C {cv} ({cv:#x})")),
            None => errors.push(format!("{name}: not printed by the C program")),
        }
    }
    report("constant values", errors);
}
