"""Socket options: the ``SCTPX_OPT_*`` integer options and the structured ones.

Integer options are read and written with :meth:`sctpx.Socket.get_option` /
:meth:`~sctpx.Socket.set_option` (an :class:`Option` and a value) or through the socket's
properties named after them (``sock.nodelay = True``; bool for yes/no options). Structured options are dataclasses
mirroring the header's structs, field for field.
"""

from __future__ import annotations

import ctypes
from dataclasses import dataclass, field, fields
from enum import IntEnum
from typing import Any, TypeVar

from . import _addr, _lib, constants

# PeerAddrParams.flags bits, here too (sctpx.options.SPP_HB_ENABLE): defined, not merely
# imported, so that type checkers see them as this module's.
SPP_DSCP = constants.SPP_DSCP
SPP_HB_DEMAND = constants.SPP_HB_DEMAND
SPP_HB_DISABLE = constants.SPP_HB_DISABLE
SPP_HB_ENABLE = constants.SPP_HB_ENABLE
SPP_HB_TIME_IS_ZERO = constants.SPP_HB_TIME_IS_ZERO
SPP_IPV6_FLOWLABEL = constants.SPP_IPV6_FLOWLABEL
SPP_PMTUD_DISABLE = constants.SPP_PMTUD_DISABLE
SPP_PMTUD_ENABLE = constants.SPP_PMTUD_ENABLE
SPP_SACKDELAY_DISABLE = constants.SPP_SACKDELAY_DISABLE
SPP_SACKDELAY_ENABLE = constants.SPP_SACKDELAY_ENABLE

Address = tuple[Any, ...]


class Option(IntEnum):
    """``SCTPX_OPT_*``: the integer options."""

    # BEGIN generated (options): tools/gen-bindings makes it from include/sctpx.h: do not edit
    #: SCTP_NODELAY: 1 disables Nagle-like bundling delay.
    #: Range: 0 to 1.
    NODELAY = constants.OPT_NODELAY
    #: SCTP_AUTOCLOSE: seconds of idle time before a one-to-many association is
    #: closed (0 = never). The kernel lowers a value above the sysctl
    #: net.sctp.max_autoclose (by default INT_MAX / HZ: 8589934 with HZ=250) to
    #: it. One-to-one sockets: -EOPNOTSUPP.
    #: Range: 0 to 2147483647.
    AUTOCLOSE = constants.OPT_AUTOCLOSE
    #: SCTP_DISABLE_FRAGMENTS: 1 makes oversize sends fail with EMSGSIZE.
    #: Range: 0 to 1.
    DISABLE_FRAGMENTS = constants.OPT_DISABLE_FRAGMENTS
    #: SCTP_I_WANT_MAPPED_V4_ADDR: 1 reports IPv4 peers of an IPv6 socket as
    #: v4-mapped IPv6 addresses.
    #: Range: 0 to 1.
    MAPPED_V4 = constants.OPT_MAPPED_V4
    #: SCTP_FRAGMENT_INTERLEAVE: partial-delivery interleave level (RFC 6458
    #: 8.1.20): 0 off, 1 across associations, 2 across streams as well (what
    #: I-DATA needs). Linux keeps only on or off: 2 reads back as 1, and
    #: turning it off also turns SCTPX_OPT_INTERLEAVING_SUPPORTED off.
    #: Range: 0 to 2.
    FRAGMENT_INTERLEAVE = constants.OPT_FRAGMENT_INTERLEAVE
    #: SCTP_PARTIAL_DELIVERY_POINT: bytes after which partial delivery starts.
    #: The kernel refuses more than half of SCTPX_OPT_RCVBUF's value (-EINVAL).
    #: Range: 0 to 4294967295.
    PARTIAL_DELIVERY_POINT = constants.OPT_PARTIAL_DELIVERY_POINT
    #: SCTP_MAXSEG: maximum fragment size in bytes (per association); 0 lets
    #: the path MTU decide. The kernel refuses other values below its minimum
    #: for the family (464 for IPv4, 450 for IPv6 on Linux 6.1) and, on an
    #: association using I-DATA, above 65512 (-EINVAL).
    #: Range: 0 to 65516.
    MAXSEG = constants.OPT_MAXSEG
    #: SCTP_MAX_BURST: maximum burst of packets (per association; 0: no limit).
    #: Range: 0 to 4294967295.
    MAX_BURST = constants.OPT_MAX_BURST
    #: SCTP_CONTEXT: default context for sends (per association).
    #: Range: 0 to 4294967295.
    CONTEXT = constants.OPT_CONTEXT
    #: SCTP_ADAPTATION_LAYER: the adaptation indication sent in INIT/INIT-ACK.
    #: Range: 0 to 4294967295.
    ADAPTATION_LAYER = constants.OPT_ADAPTATION_LAYER
    #: SCTP_REUSE_PORT: 1 lets several sockets bind the same port.
    #: Range: 0 to 1.
    REUSE_PORT = constants.OPT_REUSE_PORT
    #: SO_SNDBUF in bytes. As socket(7) says, the kernel doubles what is set,
    #: lowers it to twice the sysctl net.core.wmem_max and raises it to its
    #: minimum (at least 2048).
    #: Range: 0 to 2147483647.
    SNDBUF = constants.OPT_SNDBUF
    #: SO_RCVBUF in bytes. As socket(7) says, the kernel doubles what is set,
    #: lowers it to twice the sysctl net.core.rmem_max and raises it to its
    #: minimum (at least 256).
    #: Range: 0 to 2147483647.
    RCVBUF = constants.OPT_RCVBUF
    #: SO_REUSEADDR: 1 allows binding a port in TIME_WAIT-like states.
    #: Range: 0 to 1.
    REUSEADDR = constants.OPT_REUSEADDR
    #: SO_LINGER: -1 = off; N >= 0 = linger N seconds on close (0 aborts).
    #: Range: -1 to 2147483647.
    LINGER = constants.OPT_LINGER
    #: SCTP_GET_ASSOC_NUMBER: associations on a one-to-many socket.
    #: Read only.
    ASSOC_NUMBER = constants.OPT_ASSOC_NUMBER
    #: IPV6_V6ONLY: 1 makes an IPv6 socket refuse IPv4 peers.
    #: Range: 0 to 1.
    V6ONLY = constants.OPT_V6ONLY
    #: SCTP_ENABLE_STREAM_RESET: bit set of SCTPX_ENABLE_RESET_* (per assoc).
    #: Range: 0 to 7.
    ENABLE_STREAM_RESET = constants.OPT_ENABLE_STREAM_RESET
    #: SCTP_RECONFIG_SUPPORTED: 1 offers stream reconfiguration to new peers.
    #: Range: 0 to 1.
    RECONFIG_SUPPORTED = constants.OPT_RECONFIG_SUPPORTED
    #: SCTP_PR_SUPPORTED: 1 offers partial reliability to new peers.
    #: Range: 0 to 1.
    PR_SUPPORTED = constants.OPT_PR_SUPPORTED
    #: O_NONBLOCK on the descriptor: 1 makes calls return -EAGAIN (connects:
    #: -EINPROGRESS) instead of blocking when no timeout is given.
    #: Range: 0 to 1.
    NONBLOCK = constants.OPT_NONBLOCK
    #: SO_ERROR: the socket's pending error as a positive errno (0 when none),
    #: cleared by the read — how a non-blocking connect reports its result.
    #: Read only.
    PENDING_ERROR = constants.OPT_PENDING_ERROR
    #: sctpx's own option, not the kernel's: 1 (the default) data events carry
    #: their source address in `from`; 0 they do not (`from_len` 0), and each
    #: receive saves the kernel's copy of it. Per socket; inherited by peeloff.
    #: Range: 0 to 1.
    RECV_FROM = constants.OPT_RECV_FROM
    #: SCTP_REMOTE_UDP_ENCAPS_PORT: the UDP port the peer receives SCTP over UDP
    #: on (RFC 6951), per association (0 = the socket's default for new
    #: associations). 0 turns encapsulation off: plain SCTP over IP. The
    #: userspace backend's sockets start with `sctpx_set_udp_remote_port`'s port
    #: (9899 by default); the kernel's with the sysctl net.sctp.encap_port (0 by
    #: default), and it sends over UDP only with net.sctp.udp_port set (Linux
    #: 5.11 and later; older kernels: -ENOPROTOOPT).
    #: Range: 0 to 65535.
    UDP_REMOTE_PORT = constants.OPT_UDP_REMOTE_PORT
    #: SCTP_STREAM_SCHEDULER: SCTPX_SCHED_* (per association; new
    #: associations take the socket's). Each stream's weight or priority is
    #: sctpx_set_stream_sched_value's. The kernel refuses a scheduler it does
    #: not have (-EINVAL: Linux before 6.3 has FCFS, PRIO and RR only).
    #: Range: 0 to 4.
    STREAM_SCHEDULER = constants.OPT_STREAM_SCHEDULER
    #: SCTP_INTERLEAVING_SUPPORTED: 1 offers I-DATA (RFC 8260, message
    #: interleaving) to new peers; an association reads 1 when both sides
    #: use it. Messages of different streams interleave only under a
    #: scheduler that switches streams (SCTPX_SCHED_RR, _PRIO); under FCFS
    #: each still goes out whole, in order. The kernel refuses any value
    #: (-EPERM) unless the sysctl net.sctp.intl_enable is 1 and
    #: SCTPX_OPT_FRAGMENT_INTERLEAVE is on.
    #: Range: 0 to 1.
    INTERLEAVING_SUPPORTED = constants.OPT_INTERLEAVING_SUPPORTED
    #: SCTP_ASCONF_SUPPORTED: 1 offers dynamic address reconfiguration
    #: (ASCONF, RFC 5061) to new peers; the default is the sysctl
    #: net.sctp.addip_enable. An association reads whether the peer uses it.
    #: Range: 0 to 1.
    ASCONF_SUPPORTED = constants.OPT_ASCONF_SUPPORTED
    #: SCTP_AUTO_ASCONF: 1 makes the kernel announce (ASCONF) the host's
    #: addresses as they come and go, to every association of a socket bound
    #: to the wildcard address; the default is the sysctl
    #: net.sctp.default_auto_asconf. The kernel refuses 1 on a socket not
    #: bound to the wildcard address (-EINVAL).
    #: Range: 0 to 1.
    AUTO_ASCONF = constants.OPT_AUTO_ASCONF
    #: SCTP_ECN_SUPPORTED: 1 offers explicit congestion notification to new
    #: peers; the default is the sysctl net.sctp.ecn_enable. An association
    #: reads whether the peer uses it.
    #: Range: 0 to 1.
    ECN_SUPPORTED = constants.OPT_ECN_SUPPORTED
    #: SCTP_PLPMTUD_PROBE_INTERVAL: milliseconds between packetization-layer
    #: path MTU probes (RFC 8899) of every path of the association (0: the
    #: socket's, for new ones); 0 turns probing off. The default is the sysctl
    #: net.sctp.plpmtud_probe_interval. The kernel refuses 1 to 4999 (-EINVAL).
    #: Range: 0 to 4294967295.
    PLPMTUD_PROBE_INTERVAL = constants.OPT_PLPMTUD_PROBE_INTERVAL
    #: SCTP_AUTH_SUPPORTED: 1 turns SCTP-AUTH (RFC 4895) on for this socket
    #: and offers it to new peers; the sysctl net.sctp.auth_enable is only the
    #: default. The AUTH calls (sctpx_set_auth_key, ...) need it (-EACCES).
    #: Range: 0 to 1.
    AUTH_SUPPORTED = constants.OPT_AUTH_SUPPORTED
    #: SCTP_EXPOSE_POTENTIALLY_FAILED_STATE (per association): whether a path
    #: entering the potentially-failed state is shown. SCTPX_PF_EXPOSE_UNSET (0)
    #: follows the sysctl net.sctp.pf_expose (the kernel's default: no
    #: SCTPX_ADDR_POTENTIALLY_FAILED event, the path reads SCTPX_PATH_PF);
    #: SCTPX_PF_EXPOSE_DISABLE (1): no event, and reading such a path's info is
    #: refused (-EACCES); SCTPX_PF_EXPOSE_ENABLE (2): the event and the state.
    #: Range: 0 to 2.
    EXPOSE_PF_STATE = constants.OPT_EXPOSE_PF_STATE
    #: SCTP_RECVNXTINFO: 1 makes each receive also describe the message queued
    #: behind the one it returns, when one is already waiting: its stream,
    #: PPID, length, flags and association (sctpx_next_event_with_next_info's
    #: sctpx_next_info; `Received::next` in Rust). 0 (the default): no such
    #: report.
    #: Range: 0 to 1.
    RECV_NEXT_INFO = constants.OPT_RECV_NEXT_INFO
    # END generated


T = TypeVar("T")
S = TypeVar("S", bound=ctypes.Structure)


def from_c(cls: type[T], s: Any, **extra: Any) -> T:
    """A dataclass from the same-named fields of a ctypes struct (``extra`` overrides)."""
    values = {f.name: extra[f.name] if f.name in extra else getattr(s, f.name) for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**values)


def to_c(value: Any, cls: type[Any], ctype: type[S]) -> S:
    """A ctypes struct from the same-named integer fields of ``value``, a ``cls`` dataclass
    (the struct's other fields, such as ``reserved``, stay 0), each checked for its field's
    C type first (:func:`sctpx._lib.struct_of`)."""
    if not isinstance(value, cls):
        # Any other object would set nothing (0 leaves every value unchanged) and succeed.
        raise TypeError(f"expected {cls.__name__}, not {type(value).__name__}")
    ints = _lib.struct_fields(ctype)
    values = {f.name: getattr(value, f.name) for f in fields(cls) if f.name in ints}
    return _lib.struct_of(ctype, values, cls.__name__ + ".")


def _address(st: Any, length: int) -> Address | None:
    return _addr.from_storage(st) if length else None


@dataclass
class InitMsg:
    """SCTP_INITMSG: parameters for new associations; 0 leaves a value unchanged."""

    num_ostreams: int = 0
    max_instreams: int = 0
    max_attempts: int = 0
    #: Milliseconds.
    max_init_timeo: int = 0


@dataclass
class PeerAddrParams:
    """SCTP_PEER_ADDR_PARAMS of one peer address (``address`` None: all of them, or the
    socket's defaults)."""

    assoc_id: int = 0
    address: Address | None = None
    #: Heartbeat interval, milliseconds.
    hbinterval: int = 0
    pathmaxrxt: int = 0
    pathmtu: int = 0
    #: Delayed SACK time, milliseconds.
    sackdelay: int = 0
    #: The kernel's SPP_* flags.
    flags: int = 0
    ipv6_flowlabel: int = 0
    dscp: int = 0

    @classmethod
    def from_c(cls, s: _lib.sctpx_paddrparams) -> PeerAddrParams:
        return from_c(cls, s, address=_address(s.address, s.address_len))

    def to_c(self, family: int) -> _lib.sctpx_paddrparams:
        s = to_c(self, PeerAddrParams, _lib.sctpx_paddrparams)
        if self.address is not None:
            _, s.address_len = _addr.to_storage(self.address, family, s.address)
        return s


@dataclass
class PeerAddrThresholds:
    """SCTP_PEER_ADDR_THLDS_V2 of one peer address (``address`` None: all of them, or the
    socket's defaults), in consecutive retransmission timeouts on the path."""

    assoc_id: int = 0
    address: Address | None = None
    #: Timeouts after which the path is failed; 0 on a set leaves it unchanged.
    pathmaxrxt: int = 0
    #: Timeouts after which the path is potentially failed (new data takes another
    #: active path); at most ``ps_retrans``.
    pf_max_retrans: int = 0
    #: Timeouts on the primary after which the path in use becomes the primary
    #: (RFC 7829 switchover); 65535, the kernel's default: never.
    ps_retrans: int = 0xFFFF

    @classmethod
    def from_c(cls, s: _lib.sctpx_paddrthlds) -> PeerAddrThresholds:
        return from_c(cls, s, address=_address(s.address, s.address_len))

    def to_c(self, family: int) -> _lib.sctpx_paddrthlds:
        s = to_c(self, PeerAddrThresholds, _lib.sctpx_paddrthlds)
        if self.address is not None:
            _, s.address_len = _addr.to_storage(self.address, family, s.address)
        return s


@dataclass
class PeerAddrInfo:
    """SCTP_GET_PEER_ADDR_INFO: one peer address's state."""

    assoc_id: int = 0
    address: Address | None = None
    #: ``sctpx.PATH_*``.
    state: int = 0
    cwnd: int = 0
    #: Smoothed RTT, milliseconds.
    srtt: int = 0
    #: Milliseconds.
    rto: int = 0
    mtu: int = 0

    @classmethod
    def from_c(cls, s: _lib.sctpx_paddrinfo) -> PeerAddrInfo:
        return from_c(cls, s, address=_address(s.address, s.address_len))


@dataclass
class Status:
    """SCTP_STATUS: an association's state."""

    assoc_id: int = 0
    #: ``sctpx.STATE_*``.
    state: int = 0
    rwnd: int = 0
    unackdata: int = 0
    penddata: int = 0
    inbound_streams: int = 0
    outbound_streams: int = 0
    fragmentation_point: int = 0
    primary: PeerAddrInfo = field(default_factory=PeerAddrInfo)

    @classmethod
    def from_c(cls, s: _lib.sctpx_status) -> Status:
        return from_c(cls, s, primary=PeerAddrInfo.from_c(s.primary))


@dataclass
class AssocStats:
    """SCTP_GET_ASSOC_STATS: an association's counters."""

    assoc_id: int = 0
    max_rto: int = 0
    rtxchunks: int = 0
    gapcnt: int = 0
    dupchunks: int = 0
    osacks: int = 0
    isacks: int = 0
    octrlchunks: int = 0
    ictrlchunks: int = 0
    oodchunks: int = 0
    iodchunks: int = 0
    ouodchunks: int = 0
    iuodchunks: int = 0
    opackets: int = 0
    ipackets: int = 0


@dataclass
class RtoInfo:
    """SCTP_RTOINFO: retransmission timeouts in milliseconds; 0 leaves a value unchanged."""

    assoc_id: int = 0
    initial: int = 0
    max: int = 0
    min: int = 0


@dataclass
class DefaultPrInfo:
    """SCTP_DEFAULT_PRINFO: the partial-reliability policy of sends that give none.
    ``policy`` is a ``PR_*`` constant (not ``PR_ALL``); ``value`` is milliseconds (TTL),
    retransmissions (RTX) or a priority (PRIO)."""

    assoc_id: int = 0
    policy: int = 0
    value: int = 0


@dataclass
class PrStatus:
    """SCTP_PR_ASSOC_STATUS / SCTP_PR_STREAM_STATUS: messages abandoned under a policy."""

    #: Abandoned before any of their chunks was sent.
    abandoned_unsent: int = 0
    #: Abandoned after being sent at least once.
    abandoned_sent: int = 0


@dataclass
class AssocParams:
    """SCTP_ASSOCINFO; ``max_retrans`` and ``cookie_life`` (ms) can be set, 0 leaves them
    unchanged; the rest is read only."""

    assoc_id: int = 0
    #: Retransmissions before the association is declared lost.
    max_retrans: int = 0
    #: Number of peer addresses.
    peer_destinations: int = 0
    peer_rwnd: int = 0
    local_rwnd: int = 0
    cookie_life: int = 0


@dataclass
class SackInfo:
    """SCTP_DELAYED_SACK: ``delay`` in milliseconds; ``freq`` packets before a SACK is
    sent (1 turns delayed SACK off)."""

    assoc_id: int = 0
    delay: int = 0
    freq: int = 0
