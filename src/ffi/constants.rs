//! The C ABI's numbered constants. GENERATED from the tables in the core (see
//! `src/tables.rs`) by `make header`: do not edit; edit the table.
//!
//! cbindgen reads this file (it does not expand the tables' macros); a test fails
//! when it differs from what the tables make.

// ---------------------------------------------------------------------------
// Return codes. Numbered explicitly and never renumbered; a removed
// code's number is never given to another.
//
// Every function returns 0 (or a count) on success and a negative code on
// failure. Codes from -1 to -4095 are operating-system errors: the negated
// errno, unchanged (-ECONNREFUSED, -EAGAIN, ...). The library's own codes lie
// in the range -10000 to -10999. -10006 was SCTPX_ERR_BUFFER_TOO_SMALL
// (0.1), which no function returned: every call that fills a caller's
// buffer says what it does with a short one (cuts the message and says
// so, reports the full count, or refuses the length as an invalid argument).
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

/// A positive timeout expired before anything arrived.
pub const SCTPX_ERR_TIMED_OUT: i32 = -10007;

/// The peer shut the (one-to-one) association down: no more messages.
pub const SCTPX_ERR_EOF: i32 = -10008;

/// A Rust panic was caught at the ABI boundary; the call had no effect that
/// can be relied on. This is a bug in sctpx: please report it.
pub const SCTPX_ERR_PANIC: i32 = -10009;

/// The socket's backend does not support this call, option, flag or event
/// kind (the README's backend table lists what each backend supports).
pub const SCTPX_ERR_NOT_SUPPORTED: i32 = -10010;

/// The requested backend cannot run here: the userspace backend needs
/// libusrsctp.so.2 (Debian/Ubuntu package libusrsctp2); the kernel backend
/// needs a kernel with SCTP.
pub const SCTPX_ERR_BACKEND_UNAVAILABLE: i32 = -10011;

// ---------------------------------------------------------------------------
// Backends (`sctpx_backend`, `sctpx_open`, `sctpx_set_default_backend`;
// `Backend` in Rust). 0 means automatic where a call accepts it.
// ---------------------------------------------------------------------------

/// Automatic: the kernel when it has SCTP, else userspace.
pub const SCTPX_BACKEND_AUTO: i32 = 0;

/// The kernel's SCTP.
pub const SCTPX_BACKEND_KERNEL: i32 = 1;

/// SCTP over UDP in this process (usrsctp).
pub const SCTPX_BACKEND_USERSPACE: i32 = 2;

// ---------------------------------------------------------------------------
// bindx operations (`sctpx_bindx`'s `flags`; `BindxOp` in Rust).
// ---------------------------------------------------------------------------

/// `sctpx_bindx`: add the addresses to the socket's bound set.
pub const SCTPX_BINDX_ADD: i32 = 1;

/// `sctpx_bindx`: remove the addresses from the socket's bound set.
pub const SCTPX_BINDX_REMOVE: i32 = 2;

// ---------------------------------------------------------------------------
// peeloff flags (`sctpx_peeloff`'s `flags`; `PeelOffFlags` in Rust).
// ---------------------------------------------------------------------------

/// `sctpx_peeloff`: the new socket is non-blocking.
pub const SCTPX_PEELOFF_NONBLOCK: i32 = 1;

/// `sctpx_peeloff`: the new descriptor is close-on-exec.
pub const SCTPX_PEELOFF_CLOEXEC: i32 = 2;

// ---------------------------------------------------------------------------
// Send flags (`SendInfo::flags`, `sctpx_send_info.flags`). Values equal
// the kernel's.
// ---------------------------------------------------------------------------

/// Deliver without regard to stream order.
pub const SCTPX_SEND_UNORDERED: u16 = 1;

/// One-to-many only: send over the path to the peer address the send
/// names (`to`), not the association's primary path (SCTP_ADDR_OVER).
/// Without it Linux uses that address only to find the association;
/// one-to-one sockets always send to a named address.
pub const SCTPX_SEND_ADDR_OVER: u16 = 2;

/// Abort the association (the message, if any, is the abort reason).
/// One-to-many only: Linux refuses it on one-to-one sockets (-EINVAL).
pub const SCTPX_SEND_ABORT: u16 = 4;

/// Ask the peer to acknowledge at once (I-bit).
pub const SCTPX_SEND_SACK_IMMEDIATELY: u16 = 8;

/// One-to-many only: send the message on every association of the socket.
pub const SCTPX_SEND_SENDALL: u16 = 64;

/// Start a graceful shutdown of the association after this message.
/// One-to-many only: Linux refuses it on one-to-one sockets (-EINVAL).
pub const SCTPX_SEND_EOF: u16 = 512;

// ---------------------------------------------------------------------------
// Partial-reliability policies (`SendInfo::pr_policy`).
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

/// Not a policy: what the PR status calls (SCTP_PR_ASSOC_STATUS,
/// SCTP_PR_STREAM_STATUS) take to count every policy together. Sends
/// and SCTP_DEFAULT_PRINFO refuse it.
pub const SCTPX_PR_ALL: u16 = 4;

// ---------------------------------------------------------------------------
// Stream schedulers (SCTPX_OPT_STREAM_SCHEDULER): the order in which the
// queued messages of different streams are sent. The numbers are Linux's
// `enum sctp_sched_type`.
// ---------------------------------------------------------------------------

/// First come, first served: streams do not matter (the default).
pub const SCTPX_SCHED_FCFS: u32 = 0;

/// Priority: each stream's value (sctpx_set_stream_sched_value) is its
/// priority, lower first; streams of equal priority take turns.
pub const SCTPX_SCHED_PRIO: u32 = 1;

/// Round robin: one message per stream in turn (with I-DATA, one
/// fragment).
pub const SCTPX_SCHED_RR: u32 = 2;

/// Fair capacity: the stream that has sent the fewest bytes next
/// (Linux 6.3 and later; earlier kernels refuse it: -EINVAL).
pub const SCTPX_SCHED_FC: u32 = 3;

/// Weighted fair queueing: as fair capacity, with each stream's value
/// as its weight (Linux 6.3 and later; earlier kernels: -EINVAL).
pub const SCTPX_SCHED_WFQ: u32 = 4;

// ---------------------------------------------------------------------------
// Event kinds (`sctpx_event.kind`; `sctpx_subscribe` takes the
// notification kinds).
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

// ---------------------------------------------------------------------------
// Event flags (`sctpx_event.flags`; `Received` and `DataInfo` in Rust).
// ---------------------------------------------------------------------------

/// The message is complete (the kernel set MSG_EOR). Without it, `len` bytes
/// are one part of a larger message and the next call returns more of it.
pub const SCTPX_EVENT_FLAG_COMPLETE: u32 = 1;

/// The data message was sent unordered.
pub const SCTPX_EVENT_FLAG_UNORDERED: u32 = 2;

/// A notification did not fit in the caller's buffer: its fixed fields are
/// decoded, its payload was cut to the buffer and the rest discarded.
pub const SCTPX_EVENT_FLAG_TRUNCATED: u32 = 4;

// ---------------------------------------------------------------------------
// Next-message flags (`sctpx_next_info.flags`; `Received::next` in Rust).
// ---------------------------------------------------------------------------

/// A message was queued behind the one received, and the other fields
/// describe it. Without it every field is 0: none was waiting, or
/// SCTPX_OPT_RECV_NEXT_INFO is off.
pub const SCTPX_NEXT_FLAG_PRESENT: u32 = 1;

/// The next message was sent unordered.
pub const SCTPX_NEXT_FLAG_UNORDERED: u32 = 2;

/// The whole next message has arrived. Linux has no SCTP_COMPLETE and
/// never reports it; the userspace backend does.
pub const SCTPX_NEXT_FLAG_COMPLETE: u32 = 4;

/// The next message is a notification, not data.
pub const SCTPX_NEXT_FLAG_NOTIFICATION: u32 = 8;

// ---------------------------------------------------------------------------
// `AssocChange::state` (`assoc_change.state`): the kernel's values.
// ---------------------------------------------------------------------------

/// The association is up.
pub const SCTPX_COMM_UP: u16 = 0;

/// The association failed (peer unreachable or aborted).
pub const SCTPX_COMM_LOST: u16 = 1;

/// The peer restarted.
pub const SCTPX_RESTART: u16 = 2;

/// A graceful shutdown completed.
pub const SCTPX_SHUTDOWN_COMP: u16 = 3;

/// The association could not be set up.
pub const SCTPX_CANT_STR_ASSOC: u16 = 4;

// ---------------------------------------------------------------------------
// `AssocChange::features` bits (decoded from sac_info on COMM_UP/RESTART).
// ---------------------------------------------------------------------------

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
// `PeerAddrChange::state` (`peer_addr_change.state`): the kernel's values.
// ---------------------------------------------------------------------------

/// The address is reachable.
pub const SCTPX_ADDR_AVAILABLE: u32 = 0;

/// The address is unreachable (path failed).
pub const SCTPX_ADDR_UNREACHABLE: u32 = 1;

/// The address was removed from the association.
pub const SCTPX_ADDR_REMOVED: u32 = 2;

/// The address was added to the association.
pub const SCTPX_ADDR_ADDED: u32 = 3;

/// The address was made primary.
pub const SCTPX_ADDR_MADE_PRIM: u32 = 4;

/// The address was confirmed by a heartbeat.
pub const SCTPX_ADDR_CONFIRMED: u32 = 5;

/// The address is potentially failed.
pub const SCTPX_ADDR_POTENTIALLY_FAILED: u32 = 6;

// ---------------------------------------------------------------------------
// Integer options for sctpx_get_option / sctpx_set_option. Values are the
// library's own, stable, and independent of the kernel's option numbers.
// Each doc ends with what sctpx_set_option accepts, "Range: MIN to MAX." or
// "Read only.", from `IntOption::range` (tests/c/option_ranges.c checks
// that the library does what it says).
//
// Adding an integer option:
//  1. add its row here: its doc comment (the kernel option and what the
//     value means; the range line is added from the row), the next unused
//     number (never reuse one), its SCTPX_OPT_ name, its range (FLAG, INT,
//     U32, READ_ONLY or `Some(lo..=hi)`) and its `Access` (a new `Access`
//     variant only for a value form none of them has);
//  2. run `make header`: it regenerates src/ffi/constants.rs and
//     include/sctpx.h from this table, and the bindings' generated lists
//     from the header (Python's constants, `Option` and socket property;
//     Go's `Opt*` constant);
//  3. add a test of what the option does on kernel SCTP (tests/options.rs
//     or tests/c/options.c); its range is already tested for every option
//     by tests/c/option_ranges.c and the bindings' option range tests.
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

/// SCTP_FRAGMENT_INTERLEAVE: partial-delivery interleave level (RFC 6458
/// 8.1.20): 0 off, 1 across associations, 2 across streams as well (what
/// I-DATA needs). Linux keeps only on or off: 2 reads back as 1, and
/// turning it off also turns SCTPX_OPT_INTERLEAVING_SUPPORTED off.
/// Range: 0 to 2.
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

/// SCTP_REMOTE_UDP_ENCAPS_PORT: the UDP port the peer receives SCTP over UDP
/// on (RFC 6951), per association (0 = the socket's default for new
/// associations). 0 turns encapsulation off: plain SCTP over IP. The
/// userspace backend's sockets start with `sctpx_set_udp_remote_port`'s port
/// (9899 by default); the kernel's with the sysctl net.sctp.encap_port (0 by
/// default), and it sends over UDP only with net.sctp.udp_port set (Linux
/// 5.11 and later; older kernels: -ENOPROTOOPT).
/// Range: 0 to 65535.
pub const SCTPX_OPT_UDP_REMOTE_PORT: i32 = 24;

/// SCTP_STREAM_SCHEDULER: SCTPX_SCHED_* (per association; new
/// associations take the socket's). Each stream's weight or priority is
/// sctpx_set_stream_sched_value's. The kernel refuses a scheduler it does
/// not have (-EINVAL: Linux before 6.3 has FCFS, PRIO and RR only).
/// Range: 0 to 4.
pub const SCTPX_OPT_STREAM_SCHEDULER: i32 = 40;

/// SCTP_INTERLEAVING_SUPPORTED: 1 offers I-DATA (RFC 8260, message
/// interleaving) to new peers; an association reads 1 when both sides
/// use it. Messages of different streams interleave only under a
/// scheduler that switches streams (SCTPX_SCHED_RR, _PRIO); under FCFS
/// each still goes out whole, in order. The kernel refuses any value
/// (-EPERM) unless the sysctl net.sctp.intl_enable is 1 and
/// SCTPX_OPT_FRAGMENT_INTERLEAVE is on.
/// Range: 0 to 1.
pub const SCTPX_OPT_INTERLEAVING_SUPPORTED: i32 = 41;

/// SCTP_ASCONF_SUPPORTED: 1 offers dynamic address reconfiguration
/// (ASCONF, RFC 5061) to new peers; the default is the sysctl
/// net.sctp.addip_enable. An association reads whether the peer uses it.
/// Range: 0 to 1.
pub const SCTPX_OPT_ASCONF_SUPPORTED: i32 = 42;

/// SCTP_AUTO_ASCONF: 1 makes the kernel announce (ASCONF) the host's
/// addresses as they come and go, to every association of a socket bound
/// to the wildcard address; the default is the sysctl
/// net.sctp.default_auto_asconf. The kernel refuses 1 on a socket not
/// bound to the wildcard address (-EINVAL).
/// Range: 0 to 1.
pub const SCTPX_OPT_AUTO_ASCONF: i32 = 43;

/// SCTP_ECN_SUPPORTED: 1 offers explicit congestion notification to new
/// peers; the default is the sysctl net.sctp.ecn_enable. An association
/// reads whether the peer uses it.
/// Range: 0 to 1.
pub const SCTPX_OPT_ECN_SUPPORTED: i32 = 44;

/// SCTP_PLPMTUD_PROBE_INTERVAL: milliseconds between packetization-layer
/// path MTU probes (RFC 8899) of every path of the association (0: the
/// socket's, for new ones); 0 turns probing off. The default is the sysctl
/// net.sctp.plpmtud_probe_interval. The kernel refuses 1 to 4999 (-EINVAL).
/// Range: 0 to 4294967295.
pub const SCTPX_OPT_PLPMTUD_PROBE_INTERVAL: i32 = 45;

/// SCTP_AUTH_SUPPORTED: 1 turns SCTP-AUTH (RFC 4895) on for this socket
/// and offers it to new peers; the sysctl net.sctp.auth_enable is only the
/// default. The AUTH calls (sctpx_set_auth_key, ...) need it (-EACCES).
/// Range: 0 to 1.
pub const SCTPX_OPT_AUTH_SUPPORTED: i32 = 25;

/// SCTP_EXPOSE_POTENTIALLY_FAILED_STATE (per association): whether a path
/// entering the potentially-failed state is shown. SCTPX_PF_EXPOSE_UNSET (0)
/// follows the sysctl net.sctp.pf_expose (the kernel's default: no
/// SCTPX_ADDR_POTENTIALLY_FAILED event, the path reads SCTPX_PATH_PF);
/// SCTPX_PF_EXPOSE_DISABLE (1): no event, and reading such a path's info is
/// refused (-EACCES); SCTPX_PF_EXPOSE_ENABLE (2): the event and the state.
/// Range: 0 to 2.
pub const SCTPX_OPT_EXPOSE_PF_STATE: i32 = 50;

/// SCTP_RECVNXTINFO: 1 makes each receive also describe the message queued
/// behind the one it returns, when one is already waiting: its stream,
/// PPID, length, flags and association (sctpx_next_event_with_next_info's
/// sctpx_next_info; `Received::next` in Rust). 0 (the default): no such
/// report.
/// Range: 0 to 1.
pub const SCTPX_OPT_RECV_NEXT_INFO: i32 = 51;

// ---------------------------------------------------------------------------
// Option levels for sctpx_getsockopt / sctpx_setsockopt: the kernel's own
// values, so SOL_SCTP and SOL_SOCKET work as well.
// ---------------------------------------------------------------------------

/// SOL_SCTP (IPPROTO_SCTP): the options of <linux/sctp.h>.
pub const SCTPX_LEVEL_SCTP: i32 = 132;

/// SOL_SOCKET.
pub const SCTPX_LEVEL_SOCKET: i32 = 1;

// ---------------------------------------------------------------------------
// `sctpx_authentication::indication` values (SCTPX_EVENT_AUTHENTICATION),
// the kernel's.
// ---------------------------------------------------------------------------

/// The peer used a key number other than the active one: `key_number`
/// is the one it used (RFC 6458's SCTP_AUTH_NEW_KEY).
pub const SCTPX_AUTH_NEW_KEY: u32 = 0;

/// A deactivated key is no longer used by any queued chunk: it may
/// now be deleted (SCTP_AUTH_FREE_KEY).
pub const SCTPX_AUTH_FREE_KEY: u32 = 1;

/// The peer does not support AUTH (SCTP_AUTH_NO_AUTH).
pub const SCTPX_AUTH_NO_AUTH: u32 = 2;

// ---------------------------------------------------------------------------
// HMAC identifiers (RFC 4895 section 6.1) for sctpx_set_hmac_idents.
// ---------------------------------------------------------------------------

/// HMAC-SHA-1: every list must include it.
pub const SCTPX_HMAC_SHA1: u16 = 1;

/// HMAC-SHA-256.
pub const SCTPX_HMAC_SHA256: u16 = 3;
