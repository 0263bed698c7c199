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
from typing import Any, Optional, Tuple, Type, TypeVar

from . import _addr, _lib, constants
from .constants import (  # noqa: F401  (re-exported: PeerAddrParams.flags bits)
    SPP_DSCP,
    SPP_HB_DEMAND,
    SPP_HB_DISABLE,
    SPP_HB_ENABLE,
    SPP_HB_TIME_IS_ZERO,
    SPP_IPV6_FLOWLABEL,
    SPP_PMTUD_DISABLE,
    SPP_PMTUD_ENABLE,
    SPP_SACKDELAY_DISABLE,
    SPP_SACKDELAY_ENABLE,
)

Address = Tuple[Any, ...]


class Option(IntEnum):
    """``SCTPX_OPT_*``: the integer options."""

    NODELAY = constants.OPT_NODELAY
    AUTOCLOSE = constants.OPT_AUTOCLOSE
    DISABLE_FRAGMENTS = constants.OPT_DISABLE_FRAGMENTS
    MAPPED_V4 = constants.OPT_MAPPED_V4
    FRAGMENT_INTERLEAVE = constants.OPT_FRAGMENT_INTERLEAVE
    PARTIAL_DELIVERY_POINT = constants.OPT_PARTIAL_DELIVERY_POINT
    MAXSEG = constants.OPT_MAXSEG
    MAX_BURST = constants.OPT_MAX_BURST
    CONTEXT = constants.OPT_CONTEXT
    ADAPTATION_LAYER = constants.OPT_ADAPTATION_LAYER
    REUSE_PORT = constants.OPT_REUSE_PORT
    SNDBUF = constants.OPT_SNDBUF
    RCVBUF = constants.OPT_RCVBUF
    REUSEADDR = constants.OPT_REUSEADDR
    LINGER = constants.OPT_LINGER
    ASSOC_NUMBER = constants.OPT_ASSOC_NUMBER
    V6ONLY = constants.OPT_V6ONLY
    ENABLE_STREAM_RESET = constants.OPT_ENABLE_STREAM_RESET
    RECONFIG_SUPPORTED = constants.OPT_RECONFIG_SUPPORTED
    PR_SUPPORTED = constants.OPT_PR_SUPPORTED
    NONBLOCK = constants.OPT_NONBLOCK
    PENDING_ERROR = constants.OPT_PENDING_ERROR
    RECV_FROM = constants.OPT_RECV_FROM


T = TypeVar("T")
S = TypeVar("S", bound=ctypes.Structure)


def from_c(cls: Type[T], s: Any, **extra: Any) -> T:
    """A dataclass from the same-named fields of a ctypes struct (``extra`` overrides)."""
    values = {f.name: extra[f.name] if f.name in extra else getattr(s, f.name) for f in fields(cls)}  # type: ignore[arg-type]
    return cls(**values)


def to_c(value: Any, cls: Type[Any], ctype: Type[S]) -> S:
    """A ctypes struct from the same-named integer fields of ``value``, a ``cls`` dataclass
    (the struct's other fields, such as ``reserved``, stay 0), each checked for its field's
    C type first (:func:`sctpx._lib.struct_of`)."""
    if not isinstance(value, cls):
        # Any other object would set nothing (0 leaves every value unchanged) and succeed.
        raise TypeError("expected %s, not %s" % (cls.__name__, type(value).__name__))
    ints = _lib.struct_fields(ctype)
    values = {f.name: getattr(value, f.name) for f in fields(cls) if f.name in ints}
    return _lib.struct_of(ctype, values, cls.__name__ + ".")


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
        return from_c(cls, s, address=_address(s.address, s.address_len))

    def to_c(self, family: int) -> _lib.sctpx_paddrparams:
        s = to_c(self, PeerAddrParams, _lib.sctpx_paddrparams)
        if self.address is not None:
            _, s.address_len = _addr.to_storage(self.address, family, s.address)
        return s


@dataclass
class PeerAddrInfo:
    """SCTP_GET_PEER_ADDR_INFO: one peer address's state."""

    assoc_id: int = 0
    address: Optional[Address] = None
    #: ``sctpx.PATH_*``.
    state: int = 0
    cwnd: int = 0
    #: Smoothed RTT, milliseconds.
    srtt: int = 0
    #: Milliseconds.
    rto: int = 0
    mtu: int = 0

    @classmethod
    def from_c(cls, s: _lib.sctpx_paddrinfo) -> "PeerAddrInfo":
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
    def from_c(cls, s: _lib.sctpx_status) -> "Status":
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
