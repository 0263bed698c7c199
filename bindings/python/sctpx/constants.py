"""The constants of ``include/sctpx.h``: each ``SCTPX_NAME`` is ``NAME`` here (and in
``sctpx``), with the same value and the header's comment.

Made by tools/gen-bindings from the header (make header): do not edit."""


#: The library's version as a string (must match Cargo.toml; a test checks).
VERSION_STRING = '0.1.0'

#: Major version of the library (must match Cargo.toml; a test checks).
VERSION_MAJOR = 0

#: Minor version of the library.
VERSION_MINOR = 1

#: Patch version of the library.
VERSION_PATCH = 0

#: Kind of a handle (`sctpx_kind`): one-to-one.
KIND_ONE_TO_ONE = 1

#: Kind of a handle (`sctpx_kind`): one-to-many.
KIND_ONE_TO_MANY = 2

#: Success.
OK = 0

#: A required pointer argument was NULL.
ERR_NULL_POINTER = -10001

#: The handle was never issued by this library (0, forged or out of range).
ERR_BAD_HANDLE = -10002

#: The handle was issued but has been closed.
ERR_CLOSED_HANDLE = -10003

#: The handle is of the wrong kind for this call (for example `sctpx_accept`
#: on a one-to-many socket or `sctpx_peeloff` on a one-to-one socket).
ERR_WRONG_KIND = -10004

#: An argument is out of range: an unknown flag, option, family or event
#: kind, a malformed address, a length that does not fit.
ERR_INVALID_ARGUMENT = -10005

#: A positive timeout expired before anything arrived.
ERR_TIMED_OUT = -10007

#: The peer shut the (one-to-one) association down: no more messages.
ERR_EOF = -10008

#: A Rust panic was caught at the ABI boundary; the call had no effect that
#: can be relied on. This is a bug in sctpx: please report it.
ERR_PANIC = -10009

#: The socket's backend does not support this call, option, flag or event
#: kind (the README's backend table lists what each backend supports).
ERR_NOT_SUPPORTED = -10010

#: The requested backend cannot run here: the userspace backend needs
#: libusrsctp.so.2 (Debian/Ubuntu package libusrsctp2); the kernel backend
#: needs a kernel with SCTP.
ERR_BACKEND_UNAVAILABLE = -10011

#: Automatic: the kernel when it has SCTP, else userspace.
BACKEND_AUTO = 0

#: The kernel's SCTP.
BACKEND_KERNEL = 1

#: SCTP over UDP in this process (usrsctp).
BACKEND_USERSPACE = 2

#: `sctpx_bindx`: add the addresses to the socket's bound set.
BINDX_ADD = 1

#: `sctpx_bindx`: remove the addresses from the socket's bound set.
BINDX_REMOVE = 2

#: `sctpx_peeloff`: the new socket is non-blocking.
PEELOFF_NONBLOCK = 1

#: `sctpx_peeloff`: the new descriptor is close-on-exec.
PEELOFF_CLOEXEC = 2

#: Deliver without regard to stream order.
SEND_UNORDERED = 1

#: One-to-many only: send over the path to the peer address the send
#: names (`to`), not the association's primary path (SCTP_ADDR_OVER).
#: Without it Linux uses that address only to find the association;
#: one-to-one sockets always send to a named address.
SEND_ADDR_OVER = 2

#: Abort the association (the message, if any, is the abort reason).
#: One-to-many only: Linux refuses it on one-to-one sockets (-EINVAL).
SEND_ABORT = 4

#: Ask the peer to acknowledge at once (I-bit).
SEND_SACK_IMMEDIATELY = 8

#: One-to-many only: send the message on every association of the socket.
SEND_SENDALL = 64

#: Start a graceful shutdown of the association after this message.
#: One-to-many only: Linux refuses it on one-to-one sockets (-EINVAL).
SEND_EOF = 512

#: Fully reliable (the default).
PR_NONE = 0

#: Abandon the message after `pr_value` milliseconds.
PR_TTL = 1

#: Abandon the message after `pr_value` retransmissions.
PR_RTX = 2

#: Abandon lower-priority messages first when the buffer is full;
#: `pr_value` is the priority (lower value = more important).
PR_PRIO = 3

#: Not a policy: what the PR status calls (SCTP_PR_ASSOC_STATUS,
#: SCTP_PR_STREAM_STATUS) take to count every policy together. Sends
#: and SCTP_DEFAULT_PRINFO refuse it.
PR_ALL = 4

#: First come, first served: streams do not matter (the default).
SCHED_FCFS = 0

#: Priority: each stream's value (sctpx_set_stream_sched_value) is its
#: priority, lower first; streams of equal priority take turns.
SCHED_PRIO = 1

#: Round robin: one message per stream in turn (with I-DATA, one
#: fragment).
SCHED_RR = 2

#: Fair capacity: the stream that has sent the fewest bytes next
#: (Linux 6.3 and later; earlier kernels refuse it: -EINVAL).
SCHED_FC = 3

#: Weighted fair queueing: as fair capacity, with each stream's value
#: as its weight (Linux 6.3 and later; earlier kernels: -EINVAL).
SCHED_WFQ = 4

#: A data message.
EVENT_DATA = 0

#: Association change (`assoc_change`).
EVENT_ASSOC_CHANGE = 1

#: Peer address change (`peer_addr_change`).
EVENT_PEER_ADDR_CHANGE = 2

#: Send failed, old form (`send_failed`; the info came from sctp_sndrcvinfo).
EVENT_SEND_FAILED = 3

#: Remote error (`remote_error`); the payload is the error cause.
EVENT_REMOTE_ERROR = 4

#: The peer sent SHUTDOWN: no more data will arrive.
EVENT_SHUTDOWN = 5

#: Partial delivery was aborted (`partial_delivery`).
EVENT_PARTIAL_DELIVERY = 6

#: The peer's adaptation layer indication (`adaptation`).
EVENT_ADAPTATION = 7

#: Authentication key event (`authentication`).
EVENT_AUTHENTICATION = 8

#: No user data is left to send or retransmit.
EVENT_SENDER_DRY = 9

#: Streams were reset (`stream_reset`); the payload is the list of stream
#: numbers as host-order uint16_t values.
EVENT_STREAM_RESET = 10

#: The association was reset (`assoc_reset`).
EVENT_ASSOC_RESET = 11

#: The number of streams changed (`stream_change`).
EVENT_STREAM_CHANGE = 12

#: Send failed, new form (`send_failed`; the info came from sctp_sndinfo).
EVENT_SEND_FAILED_EVENT = 13

#: The message is complete (the kernel set MSG_EOR). Without it, `len` bytes
#: are one part of a larger message and the next call returns more of it.
EVENT_FLAG_COMPLETE = 1

#: The data message was sent unordered.
EVENT_FLAG_UNORDERED = 2

#: A notification did not fit in the caller's buffer: its fixed fields are
#: decoded, its payload was cut to the buffer and the rest discarded.
EVENT_FLAG_TRUNCATED = 4

#: A message was queued behind the one received, and the other fields
#: describe it. Without it every field is 0: none was waiting, or
#: SCTPX_OPT_RECV_NEXT_INFO is off.
NEXT_FLAG_PRESENT = 1

#: The next message was sent unordered.
NEXT_FLAG_UNORDERED = 2

#: The whole next message has arrived. Linux has no SCTP_COMPLETE and
#: never reports it; the userspace backend does.
NEXT_FLAG_COMPLETE = 4

#: The next message is a notification, not data.
NEXT_FLAG_NOTIFICATION = 8

#: The association is up.
COMM_UP = 0

#: The association failed (peer unreachable or aborted).
COMM_LOST = 1

#: The peer restarted.
RESTART = 2

#: A graceful shutdown completed.
SHUTDOWN_COMP = 3

#: The association could not be set up.
CANT_STR_ASSOC = 4

#: The peer supports partial reliability (PR-SCTP).
FEATURE_PR = 1

#: The peer supports AUTH.
FEATURE_AUTH = 2

#: The peer supports dynamic address reconfiguration (ASCONF).
FEATURE_ASCONF = 4

#: The peer supports multi-buffer (not used by Linux, kept for RFC 6458).
FEATURE_MULTIBUF = 8

#: The peer supports stream reconfiguration (RE-CONFIG).
FEATURE_RECONFIG = 16

#: The peer supports message interleaving (I-DATA).
FEATURE_INTERLEAVING = 32

#: The address is reachable.
ADDR_AVAILABLE = 0

#: The address is unreachable (path failed).
ADDR_UNREACHABLE = 1

#: The address was removed from the association.
ADDR_REMOVED = 2

#: The address was added to the association.
ADDR_ADDED = 3

#: The address was made primary.
ADDR_MADE_PRIM = 4

#: The address was confirmed by a heartbeat.
ADDR_CONFIRMED = 5

#: The address is potentially failed.
ADDR_POTENTIALLY_FAILED = 6

#: SCTP_NODELAY: 1 disables Nagle-like bundling delay.
#: Range: 0 to 1.
OPT_NODELAY = 1

#: SCTP_AUTOCLOSE: seconds of idle time before a one-to-many association is
#: closed (0 = never). The kernel lowers a value above the sysctl
#: net.sctp.max_autoclose (by default INT_MAX / HZ: 8589934 with HZ=250) to
#: it. One-to-one sockets: -EOPNOTSUPP.
#: Range: 0 to 2147483647.
OPT_AUTOCLOSE = 2

#: SCTP_DISABLE_FRAGMENTS: 1 makes oversize sends fail with EMSGSIZE.
#: Range: 0 to 1.
OPT_DISABLE_FRAGMENTS = 3

#: SCTP_I_WANT_MAPPED_V4_ADDR: 1 reports IPv4 peers of an IPv6 socket as
#: v4-mapped IPv6 addresses.
#: Range: 0 to 1.
OPT_MAPPED_V4 = 4

#: SCTP_FRAGMENT_INTERLEAVE: partial-delivery interleave level (RFC 6458
#: 8.1.20): 0 off, 1 across associations, 2 across streams as well (what
#: I-DATA needs). Linux keeps only on or off: 2 reads back as 1, and
#: turning it off also turns SCTPX_OPT_INTERLEAVING_SUPPORTED off.
#: Range: 0 to 2.
OPT_FRAGMENT_INTERLEAVE = 5

#: SCTP_PARTIAL_DELIVERY_POINT: bytes after which partial delivery starts.
#: The kernel refuses more than half of SCTPX_OPT_RCVBUF's value (-EINVAL).
#: Range: 0 to 4294967295.
OPT_PARTIAL_DELIVERY_POINT = 6

#: SCTP_MAXSEG: maximum fragment size in bytes (per association); 0 lets
#: the path MTU decide. The kernel refuses other values below its minimum
#: for the family (464 for IPv4, 450 for IPv6 on Linux 6.1) and, on an
#: association using I-DATA, above 65512 (-EINVAL).
#: Range: 0 to 65516.
OPT_MAXSEG = 7

#: SCTP_MAX_BURST: maximum burst of packets (per association; 0: no limit).
#: Range: 0 to 4294967295.
OPT_MAX_BURST = 8

#: SCTP_CONTEXT: default context for sends (per association).
#: Range: 0 to 4294967295.
OPT_CONTEXT = 9

#: SCTP_ADAPTATION_LAYER: the adaptation indication sent in INIT/INIT-ACK.
#: Range: 0 to 4294967295.
OPT_ADAPTATION_LAYER = 10

#: SCTP_REUSE_PORT: 1 lets several sockets bind the same port.
#: Range: 0 to 1.
OPT_REUSE_PORT = 11

#: SO_SNDBUF in bytes. As socket(7) says, the kernel doubles what is set,
#: lowers it to twice the sysctl net.core.wmem_max and raises it to its
#: minimum (at least 2048).
#: Range: 0 to 2147483647.
OPT_SNDBUF = 12

#: SO_RCVBUF in bytes. As socket(7) says, the kernel doubles what is set,
#: lowers it to twice the sysctl net.core.rmem_max and raises it to its
#: minimum (at least 256).
#: Range: 0 to 2147483647.
OPT_RCVBUF = 13

#: SO_REUSEADDR: 1 allows binding a port in TIME_WAIT-like states.
#: Range: 0 to 1.
OPT_REUSEADDR = 14

#: SO_LINGER: -1 = off; N >= 0 = linger N seconds on close (0 aborts).
#: Range: -1 to 2147483647.
OPT_LINGER = 15

#: SCTP_GET_ASSOC_NUMBER: associations on a one-to-many socket.
#: Read only.
OPT_ASSOC_NUMBER = 16

#: IPV6_V6ONLY: 1 makes an IPv6 socket refuse IPv4 peers.
#: Range: 0 to 1.
OPT_V6ONLY = 17

#: SCTP_ENABLE_STREAM_RESET: bit set of SCTPX_ENABLE_RESET_* (per assoc).
#: Range: 0 to 7.
OPT_ENABLE_STREAM_RESET = 18

#: SCTP_RECONFIG_SUPPORTED: 1 offers stream reconfiguration to new peers.
#: Range: 0 to 1.
OPT_RECONFIG_SUPPORTED = 19

#: SCTP_PR_SUPPORTED: 1 offers partial reliability to new peers.
#: Range: 0 to 1.
OPT_PR_SUPPORTED = 20

#: O_NONBLOCK on the descriptor: 1 makes calls return -EAGAIN (connects:
#: -EINPROGRESS) instead of blocking when no timeout is given.
#: Range: 0 to 1.
OPT_NONBLOCK = 21

#: SO_ERROR: the socket's pending error as a positive errno (0 when none),
#: cleared by the read — how a non-blocking connect reports its result.
#: Read only.
OPT_PENDING_ERROR = 22

#: sctpx's own option, not the kernel's: 1 (the default) data events carry
#: their source address in `from`; 0 they do not (`from_len` 0), and each
#: receive saves the kernel's copy of it. Per socket; inherited by peeloff.
#: Range: 0 to 1.
OPT_RECV_FROM = 23

#: SCTP_REMOTE_UDP_ENCAPS_PORT: the UDP port the peer receives SCTP over UDP
#: on (RFC 6951), per association (0 = the socket's default for new
#: associations). 0 turns encapsulation off: plain SCTP over IP. The
#: userspace backend's sockets start with `sctpx_set_udp_remote_port`'s port
#: (9899 by default); the kernel's with the sysctl net.sctp.encap_port (0 by
#: default), and it sends over UDP only with net.sctp.udp_port set (Linux
#: 5.11 and later; older kernels: -ENOPROTOOPT).
#: Range: 0 to 65535.
OPT_UDP_REMOTE_PORT = 24

#: SCTP_STREAM_SCHEDULER: SCTPX_SCHED_* (per association; new
#: associations take the socket's). Each stream's weight or priority is
#: sctpx_set_stream_sched_value's. The kernel refuses a scheduler it does
#: not have (-EINVAL: Linux before 6.3 has FCFS, PRIO and RR only).
#: Range: 0 to 4.
OPT_STREAM_SCHEDULER = 40

#: SCTP_INTERLEAVING_SUPPORTED: 1 offers I-DATA (RFC 8260, message
#: interleaving) to new peers; an association reads 1 when both sides
#: use it. Messages of different streams interleave only under a
#: scheduler that switches streams (SCTPX_SCHED_RR, _PRIO); under FCFS
#: each still goes out whole, in order. The kernel refuses any value
#: (-EPERM) unless the sysctl net.sctp.intl_enable is 1 and
#: SCTPX_OPT_FRAGMENT_INTERLEAVE is on.
#: Range: 0 to 1.
OPT_INTERLEAVING_SUPPORTED = 41

#: SCTP_ASCONF_SUPPORTED: 1 offers dynamic address reconfiguration
#: (ASCONF, RFC 5061) to new peers; the default is the sysctl
#: net.sctp.addip_enable. An association reads whether the peer uses it.
#: Range: 0 to 1.
OPT_ASCONF_SUPPORTED = 42

#: SCTP_AUTO_ASCONF: 1 makes the kernel announce (ASCONF) the host's
#: addresses as they come and go, to every association of a socket bound
#: to the wildcard address; the default is the sysctl
#: net.sctp.default_auto_asconf. The kernel refuses 1 on a socket not
#: bound to the wildcard address (-EINVAL).
#: Range: 0 to 1.
OPT_AUTO_ASCONF = 43

#: SCTP_ECN_SUPPORTED: 1 offers explicit congestion notification to new
#: peers; the default is the sysctl net.sctp.ecn_enable. An association
#: reads whether the peer uses it.
#: Range: 0 to 1.
OPT_ECN_SUPPORTED = 44

#: SCTP_PLPMTUD_PROBE_INTERVAL: milliseconds between packetization-layer
#: path MTU probes (RFC 8899) of every path of the association (0: the
#: socket's, for new ones); 0 turns probing off. The default is the sysctl
#: net.sctp.plpmtud_probe_interval. The kernel refuses 1 to 4999 (-EINVAL).
#: Range: 0 to 4294967295.
OPT_PLPMTUD_PROBE_INTERVAL = 45

#: SCTP_AUTH_SUPPORTED: 1 turns SCTP-AUTH (RFC 4895) on for this socket
#: and offers it to new peers; the sysctl net.sctp.auth_enable is only the
#: default. The AUTH calls (sctpx_set_auth_key, ...) need it (-EACCES).
#: Range: 0 to 1.
OPT_AUTH_SUPPORTED = 25

#: SCTP_EXPOSE_POTENTIALLY_FAILED_STATE (per association): whether a path
#: entering the potentially-failed state is shown. SCTPX_PF_EXPOSE_UNSET (0)
#: follows the sysctl net.sctp.pf_expose (the kernel's default: no
#: SCTPX_ADDR_POTENTIALLY_FAILED event, the path reads SCTPX_PATH_PF);
#: SCTPX_PF_EXPOSE_DISABLE (1): no event, and reading such a path's info is
#: refused (-EACCES); SCTPX_PF_EXPOSE_ENABLE (2): the event and the state.
#: Range: 0 to 2.
OPT_EXPOSE_PF_STATE = 50

#: SCTP_RECVNXTINFO: 1 makes each receive also describe the message queued
#: behind the one it returns, when one is already waiting: its stream,
#: PPID, length, flags and association (sctpx_next_event_with_next_info's
#: sctpx_next_info; `Received::next` in Rust). 0 (the default): no such
#: report.
#: Range: 0 to 1.
OPT_RECV_NEXT_INFO = 51

#: SOL_SCTP (IPPROTO_SCTP): the options of <linux/sctp.h>.
LEVEL_SCTP = 132

#: SOL_SOCKET.
LEVEL_SOCKET = 1

#: The peer used a key number other than the active one: `key_number`
#: is the one it used (RFC 6458's SCTP_AUTH_NEW_KEY).
AUTH_NEW_KEY = 0

#: A deactivated key is no longer used by any queued chunk: it may
#: now be deleted (SCTP_AUTH_FREE_KEY).
AUTH_FREE_KEY = 1

#: The peer does not support AUTH (SCTP_AUTH_NO_AUTH).
AUTH_NO_AUTH = 2

#: HMAC-SHA-1: every list must include it.
HMAC_SHA1 = 1

#: HMAC-SHA-256.
HMAC_SHA256 = 3

#: IPv4 only.
AF_INET = 2

#: IPv6, dual-stack by default (IPv4 peers appear as v4-mapped addresses
#: unless `SCTPX_OPT_V6ONLY` is set).
AF_INET6 = 10

#: SCTPX_OPT_ENABLE_STREAM_RESET: allow stream reset requests.
ENABLE_RESET_STREAM_REQ = 1

#: SCTPX_OPT_ENABLE_STREAM_RESET: allow association reset requests.
ENABLE_RESET_ASSOC_REQ = 2

#: SCTPX_OPT_ENABLE_STREAM_RESET: allow add-streams requests.
ENABLE_CHANGE_ASSOC_REQ = 4

#: SCTPX_OPT_EXPOSE_PF_STATE: as the sysctl net.sctp.pf_expose says.
PF_EXPOSE_UNSET = 0

#: SCTPX_OPT_EXPOSE_PF_STATE: hide the potentially-failed state.
PF_EXPOSE_DISABLE = 1

#: SCTPX_OPT_EXPOSE_PF_STATE: report it (SCTPX_ADDR_POTENTIALLY_FAILED events).
PF_EXPOSE_ENABLE = 2

#: send_failed.flags: the data never reached the wire (Linux: 0).
DATA_UNSENT = 0

#: send_failed.flags: the data was sent but not acknowledged (Linux: 1).
DATA_SENT = 1

#: partial_delivery.indication: partial delivery was aborted.
PARTIAL_DELIVERY_ABORTED = 0

#: stream_reset.flags: incoming SSNs were reset.
STREAM_RESET_INCOMING_SSN = 1

#: stream_reset.flags: outgoing SSNs were reset.
STREAM_RESET_OUTGOING_SSN = 2

#: stream_reset / assoc_reset / stream_change flags: the peer denied it.
RESET_DENIED = 4

#: stream_reset / assoc_reset / stream_change flags: it failed.
RESET_FAILED = 8

#: sctpx_reset_streams direction: incoming streams.
STREAM_RESET_INCOMING = 1

#: sctpx_reset_streams direction: outgoing streams.
STREAM_RESET_OUTGOING = 2

#: sctpx_paddrinfo.state: the path is inactive (failed).
PATH_INACTIVE = 0

#: sctpx_paddrinfo.state: the path is potentially failed.
PATH_PF = 1

#: sctpx_paddrinfo.state: the path is active.
PATH_ACTIVE = 2

#: sctpx_paddrinfo.state: the path is not confirmed yet.
PATH_UNCONFIRMED = 3

#: sctpx_status.state: closed.
STATE_CLOSED = 1

#: sctpx_status.state: INIT sent, waiting for INIT-ACK.
STATE_COOKIE_WAIT = 2

#: sctpx_status.state: COOKIE-ECHO sent.
STATE_COOKIE_ECHOED = 3

#: sctpx_status.state: established.
STATE_ESTABLISHED = 4

#: sctpx_status.state: shutdown pending.
STATE_SHUTDOWN_PENDING = 5

#: sctpx_status.state: SHUTDOWN sent.
STATE_SHUTDOWN_SENT = 6

#: sctpx_status.state: SHUTDOWN received.
STATE_SHUTDOWN_RECEIVED = 7

#: sctpx_status.state: SHUTDOWN-ACK sent.
STATE_SHUTDOWN_ACK_SENT = 8

#: peer_addr_change.error: the path exceeded its retransmission threshold.
PEER_FAILED_THRESHOLD = 0

#: peer_addr_change.error: a SACK arrived on the path.
PEER_RECEIVED_SACK = 1

#: peer_addr_change.error: a heartbeat was answered.
PEER_HEARTBEAT_SUCCESS = 2

#: peer_addr_change.error: in response to a user request.
PEER_RESPONSE_TO_USER_REQ = 3

#: peer_addr_change.error: an internal error.
PEER_INTERNAL_ERROR = 4

#: peer_addr_change.error: the shutdown guard timer expired.
PEER_SHUTDOWN_GUARD_EXPIRES = 5

#: peer_addr_change.error: the peer behaved faultily.
PEER_FAULTY = 6

#: sctpx_paddrparams.flags: enable heartbeats.
SPP_HB_ENABLE = 1

#: sctpx_paddrparams.flags: disable heartbeats.
SPP_HB_DISABLE = 2

#: sctpx_paddrparams.flags: send a heartbeat at once.
SPP_HB_DEMAND = 4

#: sctpx_paddrparams.flags: enable path MTU discovery.
SPP_PMTUD_ENABLE = 8

#: sctpx_paddrparams.flags: disable path MTU discovery (pathmtu applies).
SPP_PMTUD_DISABLE = 16

#: sctpx_paddrparams.flags: enable delayed SACK (sackdelay applies).
SPP_SACKDELAY_ENABLE = 32

#: sctpx_paddrparams.flags: disable delayed SACK.
SPP_SACKDELAY_DISABLE = 64

#: sctpx_paddrparams.flags: heartbeat interval 0 (hbinterval is ignored).
SPP_HB_TIME_IS_ZERO = 128

#: sctpx_paddrparams.flags: ipv6_flowlabel applies.
SPP_IPV6_FLOWLABEL = 256

#: sctpx_paddrparams.flags: dscp applies.
SPP_DSCP = 512
