"""Socket options: the ``SCTPX_OPT_*`` integer options and the structured ones.

Integer options are read and written with :meth:`sctpx.Socket.get_option` /
:meth:`~sctpx.Socket.set_option` (an :class:`Option` and a value) or through the socket's
properties named after them (``sock.nodelay = True``). Structured options are dataclasses
mirroring the header's structs, field for field.
"""

from __future__ import annotations

from dataclasses import dataclass, field, fields
from enum import IntEnum
from typing import Any, Optional, Tuple, Type, TypeVar

from . import _addr, _lib

Address = Tuple[Any, ...]


class Option(IntEnum):
    """``SCTPX_OPT_*``: the integer options."""

    NODELAY = _lib.SCTPX_OPT_NODELAY
    AUTOCLOSE = _lib.SCTPX_OPT_AUTOCLOSE
    DISABLE_FRAGMENTS = _lib.SCTPX_OPT_DISABLE_FRAGMENTS
    MAPPED_V4 = _lib.SCTPX_OPT_MAPPED_V4
    FRAGMENT_INTERLEAVE = _lib.SCTPX_OPT_FRAGMENT_INTERLEAVE
    PARTIAL_DELIVERY_POINT = _lib.SCTPX_OPT_PARTIAL_DELIVERY_POINT
    MAXSEG = _lib.SCTPX_OPT_MAXSEG
    MAX_BURST = _lib.SCTPX_OPT_MAX_BURST
    CONTEXT = _lib.SCTPX_OPT_CONTEXT
    ADAPTATION_LAYER = _lib.SCTPX_OPT_ADAPTATION_LAYER
    REUSE_PORT = _lib.SCTPX_OPT_REUSE_PORT
    SNDBUF = _lib.SCTPX_OPT_SNDBUF
    RCVBUF = _lib.SCTPX_OPT_RCVBUF
    REUSEADDR = _lib.SCTPX_OPT_REUSEADDR
    LINGER = _lib.SCTPX_OPT_LINGER
    ASSOC_NUMBER = _lib.SCTPX_OPT_ASSOC_NUMBER
    V6ONLY = _lib.SCTPX_OPT_V6ONLY
    ENABLE_STREAM_RESET = _lib.SCTPX_OPT_ENABLE_STREAM_RESET
    RECONFIG_SUPPORTED = _lib.SCTPX_OPT_RECONFIG_SUPPORTED
    PR_SUPPORTED = _lib.SCTPX_OPT_PR_SUPPORTED
    NONBLOCK = _lib.SCTPX_OPT_NONBLOCK


#: Options whose value is a yes/no (the socket's properties give them as bool).
BOOLEAN_OPTIONS = frozenset(
    {
        Option.NODELAY,
        Option.DISABLE_FRAGMENTS,
        Option.MAPPED_V4,
        Option.REUSE_PORT,
        Option.REUSEADDR,
        Option.V6ONLY,
        Option.RECONFIG_SUPPORTED,
        Option.PR_SUPPORTED,
        Option.NONBLOCK,
    }
)

#: Options that can only be read.
READ_ONLY_OPTIONS = frozenset({Option.ASSOC_NUMBER})

T = TypeVar("T")


def _from_struct(cls: Type[T], s: Any, **extra: Any) -> T:
    """A dataclass from the same-named fields of a ctypes struct (``extra`` overrides)."""
    values = {f.name: extra[f.name] if f.name in extra else getattr(s, f.name) for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**values)


def _address(st: Any, length: int) -> Optional[Address]:
    return _addr.from_storage(st) if length else None


@dataclass
class InitMsg:
    """SCTP_INITMSG: parameters for new associations; 0 leaves a value unchanged."""

    num_ostreams: int = 0
    max_instreams: int = 0
    max_attempts: int = 0
    #: Milliseconds.
    max_init_timeo: int = 0

    @classmethod
    def from_c(cls, s: _lib.sctpx_initmsg) -> "InitMsg":
        return _from_struct(cls, s)

    def to_c(self) -> _lib.sctpx_initmsg:
        return _lib.sctpx_initmsg(self.num_ostreams, self.max_instreams, self.max_attempts, self.max_init_timeo)


@dataclass
class PeerAddrParams:
    """SCTP_PEER_ADDR_PARAMS of one peer address (``address`` None: all of them, or the
    socket's defaults)."""

    assoc_id: int = 0
    address: Optional[Address] = None
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
    def from_c(cls, s: _lib.sctpx_paddrparams) -> "PeerAddrParams":
        return _from_struct(cls, s, address=_address(s.address, s.address_len))

    def to_c(self, family: int) -> _lib.sctpx_paddrparams:
        s = _lib.sctpx_paddrparams()
        for f in fields(self):
            if f.name != "address":
                setattr(s, f.name, getattr(self, f.name))
        if self.address is not None:
            _, s.address_len = _addr.to_storage(self.address, family, s.address)
        return s


#: SPP_* flags of :attr:`PeerAddrParams.flags` (<linux/sctp.h>).
SPP_HB_ENABLE = 1 << 0
SPP_HB_DISABLE = 1 << 1
SPP_HB_DEMAND = 1 << 2
SPP_PMTUD_ENABLE = 1 << 3
SPP_PMTUD_DISABLE = 1 << 4
SPP_SACKDELAY_ENABLE = 1 << 5
SPP_SACKDELAY_DISABLE = 1 << 6
SPP_HB_TIME_IS_ZERO = 1 << 7
SPP_IPV6_FLOWLABEL = 1 << 8
SPP_DSCP = 1 << 9


@dataclass
class PeerAddrInfo:
    """SCTP_GET_PEER_ADDR_INFO: one peer address's state."""

    INACTIVE = 0
    PF = 1
    ACTIVE = 2
    UNCONFIRMED = 3

    assoc_id: int = 0
    address: Optional[Address] = None
    state: int = 0
    cwnd: int = 0
    #: Smoothed RTT, milliseconds.
    srtt: int = 0
    #: Milliseconds.
    rto: int = 0
    mtu: int = 0

    @classmethod
    def from_c(cls, s: _lib.sctpx_paddrinfo) -> "PeerAddrInfo":
        return _from_struct(cls, s, address=_address(s.address, s.address_len))


@dataclass
class Status:
    """SCTP_STATUS: an association's state."""

    # The kernel's association states (enum sctp_sstat_state).
    EMPTY = 0
    CLOSED = 1
    COOKIE_WAIT = 2
    COOKIE_ECHOED = 3
    ESTABLISHED = 4
    SHUTDOWN_PENDING = 5
    SHUTDOWN_SENT = 6
    SHUTDOWN_RECEIVED = 7
    SHUTDOWN_ACK_SENT = 8

    assoc_id: int = 0
    state: int = 0
    rwnd: int = 0
    unackdata: int = 0
    penddata: int = 0
    inbound_streams: int = 0
    outbound_streams: int = 0
    fragmentation_point: int = 0
    primary: PeerAddrInfo = field(default_factory=PeerAddrInfo)

    @classmethod
    def from_c(cls, s: _lib.sctpx_status) -> "Status":
        return _from_struct(cls, s, primary=PeerAddrInfo.from_c(s.primary))


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

    @classmethod
    def from_c(cls, s: _lib.sctpx_assoc_stats) -> "AssocStats":
        return _from_struct(cls, s)


@dataclass
class RtoInfo:
    """SCTP_RTOINFO: retransmission timeouts in milliseconds; 0 leaves a value unchanged."""

    assoc_id: int = 0
    initial: int = 0
    max: int = 0
    min: int = 0


@dataclass
class AssocParams:
    """SCTP_ASSOCINFO; ``asocmaxrxt`` and ``cookie_life`` (ms) can be set, 0 leaves them
    unchanged; the rest is read only."""

    assoc_id: int = 0
    asocmaxrxt: int = 0
    number_peer_destinations: int = 0
    peer_rwnd: int = 0
    local_rwnd: int = 0
    cookie_life: int = 0
