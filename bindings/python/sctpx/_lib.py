"""ctypes mirror of ``include/sctpx.h``: constants, structs and function prototypes.

This module is the only place that knows the C ABI. ``tests/test_header.py`` parses the
header and fails when a constant, struct field or prototype here differs from it, and
compiles a C program to compare every struct's size and field offsets, so the two cannot
drift apart.

The shared library is found, in order:

1. ``$SCTPX_LIBRARY`` (a path to ``libsctpx.so``), when set;
2. ``libsctpx.so`` next to this file (what an installed wheel carries);
3. ``target/release/libsctpx.so`` of the source tree this package sits in (running from a
   checkout after ``cargo build --release``), or under ``$CARGO_TARGET_DIR``.
"""

from __future__ import annotations

import ctypes
import operator
import os
import struct
from collections.abc import Iterator
from ctypes import (
    POINTER,
    Structure,
    c_char,
    c_char_p,
    c_int32,
    c_int64,
    c_size_t,
    c_uint8,
    c_uint16,
    c_uint32,
    c_uint64,
)
from typing import Any, Callable, Generic, TypeVar

# --- types ---------------------------------------------------------------------------------

sctpx_handle = c_uint64
sctpx_assoc_id = c_int32
socklen_t = c_uint32  # <sys/socket.h> on Linux
# `uint8_t *` / `char *` buffers: c_char_p passes a bytes object without copying, and also
# accepts a ctypes c_char array (create_string_buffer) as an output buffer.
byte_ptr = c_char_p


class sockaddr(Structure):
    """``struct sockaddr`` (only ever passed by pointer)."""

    _fields_ = [("sa_family", c_uint16), ("sa_data", c_char * 14)]


class sockaddr_storage(Structure):
    """``struct sockaddr_storage``: 128 bytes, 8-byte aligned, as glibc lays it out."""

    _fields_ = [
        ("ss_family", c_uint16),
        ("__ss_padding", c_char * 118),
        ("__ss_align", c_uint64),
    ]


class sockaddr_in(Structure):
    """``struct sockaddr_in`` (``<netinet/in.h>``); ``sin_port`` is in network byte order."""

    _fields_ = [("sin_family", c_uint16), ("sin_port", c_uint16), ("sin_addr", c_char * 4), ("sin_zero", c_char * 8)]


class sockaddr_in6(Structure):
    """``struct sockaddr_in6``; ``sin6_port`` and ``sin6_flowinfo`` are in network byte order."""

    _fields_ = [
        ("sin6_family", c_uint16),
        ("sin6_port", c_uint16),
        ("sin6_flowinfo", c_uint32),
        ("sin6_addr", c_char * 16),
        ("sin6_scope_id", c_uint32),
    ]


class sctpx_send_info(Structure):
    _fields_ = [
        ("stream", c_uint16),
        ("flags", c_uint16),
        ("ppid", c_uint32),
        ("context", c_uint32),
        ("assoc_id", sctpx_assoc_id),
        ("pr_policy", c_uint16),
        ("reserved", c_uint16),
        ("pr_value", c_uint32),
    ]


class sctpx_send_msg(Structure):
    _fields_ = [
        ("data", byte_ptr),
        ("len", c_size_t),
        ("info", sctpx_send_info),
        ("to", POINTER(sockaddr)),
        ("to_len", socklen_t),
    ]


class sctpx_assoc_change(Structure):
    _fields_ = [
        ("state", c_uint16),
        ("error", c_uint16),
        ("outbound_streams", c_uint16),
        ("inbound_streams", c_uint16),
        ("features", c_uint32),
    ]


class sctpx_peer_addr_change(Structure):
    _fields_ = [("addr", sockaddr_storage), ("state", c_uint32), ("error", c_uint32)]


class sctpx_remote_error(Structure):
    _fields_ = [("error", c_uint16)]


class sctpx_send_failed(Structure):
    _fields_ = [("flags", c_uint32), ("error", c_uint32), ("info", sctpx_send_info)]


class sctpx_partial_delivery(Structure):
    _fields_ = [("indication", c_uint32), ("stream", c_uint32), ("sequence", c_uint32)]


class sctpx_adaptation(Structure):
    _fields_ = [("indication", c_uint32)]


class sctpx_authentication(Structure):
    _fields_ = [("key_number", c_uint16), ("indication", c_uint32)]


class sctpx_stream_reset(Structure):
    _fields_ = [("flags", c_uint16)]


class sctpx_assoc_reset(Structure):
    _fields_ = [("flags", c_uint16), ("local_tsn", c_uint32), ("remote_tsn", c_uint32)]


class sctpx_stream_change(Structure):
    _fields_ = [
        ("flags", c_uint16),
        ("inbound_streams", c_uint16),
        ("outbound_streams", c_uint16),
    ]


class sctpx_event(Structure):
    _fields_ = [
        ("kind", c_uint32),
        ("flags", c_uint32),
        ("assoc_id", sctpx_assoc_id),
        ("len", c_uint32),
        ("stream", c_uint16),
        ("ssn", c_uint16),
        ("ppid", c_uint32),
        ("tsn", c_uint32),
        ("cumtsn", c_uint32),
        ("context", c_uint32),
        ("from_len", socklen_t),
        ("from", sockaddr_storage),
        ("assoc_change", sctpx_assoc_change),
        ("peer_addr_change", sctpx_peer_addr_change),
        ("remote_error", sctpx_remote_error),
        ("send_failed", sctpx_send_failed),
        ("partial_delivery", sctpx_partial_delivery),
        ("adaptation", sctpx_adaptation),
        ("authentication", sctpx_authentication),
        ("stream_reset", sctpx_stream_reset),
        ("assoc_reset", sctpx_assoc_reset),
        ("stream_change", sctpx_stream_change),
    ]


class sctpx_next_info(Structure):
    _fields_ = [
        ("flags", c_uint32),
        ("assoc_id", sctpx_assoc_id),
        ("ppid", c_uint32),
        ("len", c_uint32),
        ("stream", c_uint16),
        ("reserved", c_uint16),
    ]


class sctpx_rtoinfo(Structure):
    _fields_ = [
        ("assoc_id", sctpx_assoc_id),
        ("initial", c_uint32),
        ("max", c_uint32),
        ("min", c_uint32),
    ]


class sctpx_default_prinfo(Structure):
    _fields_ = [
        ("assoc_id", sctpx_assoc_id),
        ("policy", c_uint16),
        ("value", c_uint32),
    ]


class sctpx_pr_status(Structure):
    _fields_ = [
        ("abandoned_unsent", c_uint64),
        ("abandoned_sent", c_uint64),
    ]


class sctpx_assocparams(Structure):
    _fields_ = [
        ("assoc_id", sctpx_assoc_id),
        ("max_retrans", c_uint16),
        ("peer_destinations", c_uint16),
        ("peer_rwnd", c_uint32),
        ("local_rwnd", c_uint32),
        ("cookie_life", c_uint32),
    ]


class sctpx_sack_info(Structure):
    _fields_ = [("assoc_id", sctpx_assoc_id), ("delay", c_uint32), ("freq", c_uint32)]


class sctpx_initmsg(Structure):
    _fields_ = [
        ("num_ostreams", c_uint16),
        ("max_instreams", c_uint16),
        ("max_attempts", c_uint16),
        ("max_init_timeo", c_uint16),
    ]


class sctpx_paddrparams(Structure):
    _fields_ = [
        ("assoc_id", sctpx_assoc_id),
        ("address_len", socklen_t),
        ("address", sockaddr_storage),
        ("hbinterval", c_uint32),
        ("pathmaxrxt", c_uint16),
        ("pathmtu", c_uint32),
        ("sackdelay", c_uint32),
        ("flags", c_uint32),
        ("ipv6_flowlabel", c_uint32),
        ("dscp", c_uint8),
    ]


class sctpx_paddrthlds(Structure):
    _fields_ = [
        ("assoc_id", sctpx_assoc_id),
        ("address_len", socklen_t),
        ("address", sockaddr_storage),
        ("pathmaxrxt", c_uint16),
        ("pf_max_retrans", c_uint16),
        ("ps_retrans", c_uint16),
    ]


class sctpx_paddrinfo(Structure):
    _fields_ = [
        ("assoc_id", sctpx_assoc_id),
        ("address_len", socklen_t),
        ("address", sockaddr_storage),
        ("state", c_int32),
        ("cwnd", c_uint32),
        ("srtt", c_uint32),
        ("rto", c_uint32),
        ("mtu", c_uint32),
    ]


class sctpx_status(Structure):
    _fields_ = [
        ("assoc_id", sctpx_assoc_id),
        ("state", c_int32),
        ("rwnd", c_uint32),
        ("unackdata", c_uint16),
        ("penddata", c_uint16),
        ("inbound_streams", c_uint16),
        ("outbound_streams", c_uint16),
        ("fragmentation_point", c_uint32),
        ("primary", sctpx_paddrinfo),
    ]


class sctpx_assoc_stats(Structure):
    _fields_ = [("assoc_id", sctpx_assoc_id)] + [
        (name, c_uint64)
        for name in (
            "max_rto",
            "rtxchunks",
            "gapcnt",
            "dupchunks",
            "osacks",
            "isacks",
            "octrlchunks",
            "ictrlchunks",
            "oodchunks",
            "iodchunks",
            "ouodchunks",
            "iuodchunks",
            "opackets",
            "ipackets",
        )
    ]


# --- functions -----------------------------------------------------------------------------

_h = sctpx_handle
_a = sctpx_assoc_id
_ss = POINTER(sockaddr_storage)
_sa = POINTER(sockaddr)

#: name -> (restype, [(parameter, argtype), ...]), in header order, with the header's parameter
#: names (tests/test_header.py compares both): a refused argument is named by them, and the
#: bad-value tests map each integer parameter to the public calls that fill it.
FUNCTIONS: dict[str, tuple[type | None, list[tuple[str, type]]]] = {
    "sctpx_version": (c_char_p, []),
    "sctpx_strerror": (c_int32, [("code", c_int32), ("buf", c_char_p), ("len", c_size_t)]),
    "sctpx_open_tcp": (c_int32, [("family_", c_int32), ("out", POINTER(_h))]),
    "sctpx_open_udp": (c_int32, [("family_", c_int32), ("out", POINTER(_h))]),
    "sctpx_open": (c_int32, [("backend", c_int32), ("family_", c_int32), ("kind", c_int32), ("out", POINTER(_h))]),
    "sctpx_adopt_fd": (c_int32, [("fd", c_int32), ("out", POINTER(_h))]),
    "sctpx_close": (c_int32, [("h", _h)]),
    "sctpx_fileno": (c_int32, [("h", _h)]),
    "sctpx_kind": (c_int32, [("h", _h)]),
    "sctpx_bind": (c_int32, [("h", _h), ("addr", _sa), ("addr_len", socklen_t)]),
    "sctpx_listen": (c_int32, [("h", _h), ("backlog", c_int32)]),
    "sctpx_accept": (
        c_int32,
        [("h", _h), ("out", POINTER(_h)), ("peer", _ss), ("peer_len", POINTER(socklen_t))],
    ),
    "sctpx_connect": (c_int32, [("h", _h), ("addr", _sa), ("addr_len", socklen_t)]),
    "sctpx_connect_result": (c_int32, [("h", _h), ("assoc_id", _a)]),
    "sctpx_peeloff": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("flags", c_int32), ("out", POINTER(_h))],
    ),
    "sctpx_shutdown": (c_int32, [("h", _h), ("assoc_id", _a)]),
    "sctpx_abort": (c_int32, [("h", _h), ("assoc_id", _a)]),
    "sctpx_abort_and_close": (c_int32, [("h", _h)]),
    "sctpx_backend": (c_int32, [("h", _h)]),
    "sctpx_backend_available": (c_int32, [("backend", c_int32)]),
    "sctpx_set_default_backend": (c_int32, [("backend", c_int32)]),
    "sctpx_default_backend": (c_int32, []),
    "sctpx_set_udp_port": (c_int32, [("port", c_int32)]),
    "sctpx_udp_port": (c_int32, []),
    "sctpx_set_udp_remote_port": (c_int32, [("port", c_int32)]),
    "sctpx_udp_remote_port": (c_int32, []),
    "sctpx_bindx": (c_int32, [("h", _h), ("addrs", _ss), ("count", c_size_t), ("flags", c_int32)]),
    "sctpx_connectx": (
        c_int32,
        [("h", _h), ("addrs", _ss), ("count", c_size_t), ("assoc_id", POINTER(_a))],
    ),
    "sctpx_getpaddrs": (c_int32, [("h", _h), ("assoc_id", _a), ("out", _ss), ("cap", c_size_t)]),
    "sctpx_getladdrs": (c_int32, [("h", _h), ("assoc_id", _a), ("out", _ss), ("cap", c_size_t)]),
    "sctpx_set_primary": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("addr", _sa), ("addr_len", socklen_t)],
    ),
    "sctpx_get_primary": (c_int32, [("h", _h), ("assoc_id", _a), ("out", _ss)]),
    "sctpx_set_peer_primary": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("addr", _sa), ("addr_len", socklen_t)],
    ),
    "sctpx_send_stream": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("stream", c_uint16), ("ppid", c_uint32), ("buf", byte_ptr),
         ("len", c_size_t)],
    ),
    "sctpx_send": (
        c_int32,
        [("h", _h), ("buf", byte_ptr), ("len", c_size_t), ("info", POINTER(sctpx_send_info)),
         ("to", _sa), ("to_len", socklen_t)],
    ),
    "sctpx_send_setup": (
        c_int32,
        [("h", _h), ("buf", byte_ptr), ("len", c_size_t), ("info", POINTER(sctpx_send_info)),
         ("addrs", _ss), ("count", c_size_t), ("init", POINTER(sctpx_initmsg))],
    ),
    "sctpx_send_batch": (
        c_int32,
        [("h", _h), ("msgs", POINTER(sctpx_send_msg)), ("count", c_size_t)],
    ),
    "sctpx_next_event": (
        c_int32,
        [("h", _h), ("event", POINTER(sctpx_event)), ("buf", byte_ptr), ("cap", c_size_t),
         ("timeout_ms", c_int32)],
    ),
    "sctpx_next_event_with_next_info": (
        c_int32,
        [("h", _h), ("event", POINTER(sctpx_event)), ("buf", byte_ptr), ("cap", c_size_t),
         ("timeout_ms", c_int32), ("next", POINTER(sctpx_next_info))],
    ),
    "sctpx_recv_batch": (
        c_int32,
        [("h", _h), ("events", POINTER(sctpx_event)), ("count", c_size_t), ("bufs", byte_ptr),
         ("stride", c_size_t), ("timeout_ms", c_int32)],
    ),
    "sctpx_subscribe": (c_int32, [("h", _h), ("kind", c_uint32), ("on", c_int32)]),
    "sctpx_subscribed": (c_int32, [("h", _h), ("kind", c_uint32)]),
    "sctpx_get_option": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("option", c_int32), ("value", POINTER(c_int64))],
    ),
    "sctpx_set_option": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("option", c_int32), ("value", c_int64)],
    ),
    "sctpx_get_rtoinfo": (c_int32, [("h", _h), ("assoc_id", _a), ("out", POINTER(sctpx_rtoinfo))]),
    "sctpx_set_rtoinfo": (c_int32, [("h", _h), ("value", POINTER(sctpx_rtoinfo))]),
    "sctpx_get_assocparams": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("out", POINTER(sctpx_assocparams))],
    ),
    "sctpx_set_assocparams": (c_int32, [("h", _h), ("value", POINTER(sctpx_assocparams))]),
    "sctpx_get_default_send_info": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("out", POINTER(sctpx_send_info))],
    ),
    "sctpx_set_default_send_info": (c_int32, [("h", _h), ("value", POINTER(sctpx_send_info))]),
    "sctpx_get_delayed_sack": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("out", POINTER(sctpx_sack_info))],
    ),
    "sctpx_set_delayed_sack": (c_int32, [("h", _h), ("value", POINTER(sctpx_sack_info))]),
    "sctpx_get_initmsg": (c_int32, [("h", _h), ("out", POINTER(sctpx_initmsg))]),
    "sctpx_set_initmsg": (c_int32, [("h", _h), ("value", POINTER(sctpx_initmsg))]),
    "sctpx_get_paddrparams": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("addr", _sa), ("addr_len", socklen_t),
         ("out", POINTER(sctpx_paddrparams))],
    ),
    "sctpx_set_paddrparams": (c_int32, [("h", _h), ("value", POINTER(sctpx_paddrparams))]),
    "sctpx_get_paddrthlds": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("addr", _sa), ("addr_len", socklen_t),
         ("out", POINTER(sctpx_paddrthlds))],
    ),
    "sctpx_set_paddrthlds": (c_int32, [("h", _h), ("value", POINTER(sctpx_paddrthlds))]),
    "sctpx_get_paddr_udp_port": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("addr", _sa), ("addr_len", socklen_t), ("port", POINTER(c_int32))],
    ),
    "sctpx_set_paddr_udp_port": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("addr", _sa), ("addr_len", socklen_t), ("port", c_int32)],
    ),
    "sctpx_get_status": (c_int32, [("h", _h), ("assoc_id", _a), ("out", POINTER(sctpx_status))]),
    "sctpx_get_paddrinfo": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("addr", _sa), ("addr_len", socklen_t),
         ("out", POINTER(sctpx_paddrinfo))],
    ),
    "sctpx_get_assoc_stats": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("out", POINTER(sctpx_assoc_stats))],
    ),
    "sctpx_get_assoc_ids": (c_int32, [("h", _h), ("out", POINTER(_a)), ("cap", c_size_t)]),
    "sctpx_reset_streams": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("flags", c_uint16), ("streams", POINTER(c_uint16)),
         ("count", c_size_t)],
    ),
    "sctpx_reset_assoc": (c_int32, [("h", _h), ("assoc_id", _a)]),
    "sctpx_add_streams": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("inbound", c_uint16), ("outbound", c_uint16)],
    ),
    "sctpx_get_default_prinfo": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("out", POINTER(sctpx_default_prinfo))],
    ),
    "sctpx_set_default_prinfo": (c_int32, [("h", _h), ("value", POINTER(sctpx_default_prinfo))]),
    "sctpx_get_pr_assoc_status": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("policy", c_uint16), ("out", POINTER(sctpx_pr_status))],
    ),
    "sctpx_get_pr_stream_status": (
        c_int32,
        [
            ("h", _h),
            ("assoc_id", _a),
            ("stream", c_uint16),
            ("policy", c_uint16),
            ("out", POINTER(sctpx_pr_status)),
        ],
    ),
    "sctpx_get_stream_sched_value": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("stream", c_uint16), ("value", POINTER(c_uint16))],
    ),
    "sctpx_set_stream_sched_value": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("stream", c_uint16), ("value", c_uint16)],
    ),
    "sctpx_getsockopt": (
        c_int32,
        [("h", _h), ("level", c_int32), ("name", c_int32), ("buf", byte_ptr), ("len", POINTER(c_size_t))],
    ),
    "sctpx_setsockopt": (
        c_int32,
        [("h", _h), ("level", c_int32), ("name", c_int32), ("buf", byte_ptr), ("len", c_size_t)],
    ),
    "sctpx_add_auth_chunk": (c_int32, [("h", _h), ("chunk_type", c_uint8)]),
    "sctpx_set_hmac_idents": (c_int32, [("h", _h), ("idents", POINTER(c_uint16)), ("count", c_size_t)]),
    "sctpx_get_hmac_idents": (c_int32, [("h", _h), ("out", POINTER(c_uint16)), ("cap", c_size_t)]),
    "sctpx_set_auth_key": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("key_number", c_uint16), ("key", byte_ptr), ("len", c_size_t)],
    ),
    "sctpx_set_active_auth_key": (c_int32, [("h", _h), ("assoc_id", _a), ("key_number", c_uint16)]),
    "sctpx_get_active_auth_key": (c_int32, [("h", _h), ("assoc_id", _a), ("out", POINTER(c_uint16))]),
    "sctpx_deactivate_auth_key": (c_int32, [("h", _h), ("assoc_id", _a), ("key_number", c_uint16)]),
    "sctpx_delete_auth_key": (c_int32, [("h", _h), ("assoc_id", _a), ("key_number", c_uint16)]),
    "sctpx_get_peer_auth_chunks": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("out", byte_ptr), ("cap", c_size_t)],
    ),
    "sctpx_get_local_auth_chunks": (
        c_int32,
        [("h", _h), ("assoc_id", _a), ("out", byte_ptr), ("cap", c_size_t)],
    ),
}

# --- checked conversions -------------------------------------------------------------------
# ctypes converts a Python int to a C integer by dropping the high bits (2**32 + 5 becomes 5
# as an int32: another association's id), and bytes(5) is five zero bytes. Every value a
# caller gives goes through one of the conversions below before it reaches C; what they
# refuse has reached nothing.


class CInt:
    """An integer C type: its range, and the checked conversion of a caller's value to it.

    ``checker(value, what)`` returns ``value`` as an ``int`` when it is an integer
    (``operator.index``: ``int``, ``bool``, ``IntEnum``, numpy integers; never ``float``,
    ``str`` or ``None``, which raise :class:`TypeError`) inside the type's range, and raises
    :class:`sctpx.OutOfRangeError` (an :class:`OverflowError` and a :class:`ValueError`)
    outside it. ``what`` names the value in the message.
    """

    __slots__ = ("hi", "lo", "name")

    def __init__(self, ctype: Any) -> None:
        bits = 8 * ctypes.sizeof(ctype)
        signed = ctype(-1).value == -1
        self.name = ("int%d" if signed else "uint%d") % bits
        self.lo = -(1 << (bits - 1)) if signed else 0
        self.hi = (1 << (bits - 1)) - 1 if signed else (1 << bits) - 1

    def __call__(self, value: Any, what: str) -> int:
        if type(value) is int and self.lo <= value <= self.hi:
            return value
        try:
            v = operator.index(value)
        except TypeError:
            raise TypeError(f"{what} must be an integer, not {type(value).__name__}") from None
        if not self.lo <= v <= self.hi:
            from .errors import OutOfRangeError  # errors imports this module

            raise OutOfRangeError(f"{what} must be {self.lo:d}..{self.hi:d} ({self.name}), not {v:d}")
        return v


#: The checked conversion of each integer C type the prototypes and structs use (ctypes
#: aliases some: c_size_t is c_uint64 on 64-bit Linux, sctpx_assoc_id is c_int32).
INTS: dict[Any, CInt] = {t: CInt(t) for t in (c_uint8, c_uint16, c_uint32, c_uint64, c_int32, c_int64, c_size_t)}


def struct_fields(ctype: Any) -> dict[str, CInt]:
    """The integer fields of a struct type, with their conversions."""
    return {name: INTS[t] for name, t in ctype._fields_ if t in INTS}


#: The :mod:`struct` code of each scalar C type the structs use.
_CODES = {c_uint8: "B", c_uint16: "H", c_uint32: "I", c_uint64: "Q", c_int32: "i", c_int64: "q"}


def _scalars(ctype: Any, offset: int) -> Iterator[tuple[int, str]]:
    """(offset, struct code) of each scalar in a field of type ``ctype`` at ``offset``:
    nested structs flattened, byte arrays as ``Ns``, pointers as unsigned integers."""
    if isinstance(ctype, type) and issubclass(ctype, Structure):
        # _fields_ entries are (name, type) here; a bit field's third item never occurs.
        for field in ctype._fields_:
            yield from _scalars(field[1], offset + getattr(ctype, field[0]).offset)
    # typeshed declares Array._type_ as an instance property; on an array class it is the
    # element type, which is what this compares.
    elif isinstance(ctype, type) and issubclass(ctype, ctypes.Array) and ctype._type_ in (c_char, c_uint8):  # type: ignore[comparison-overlap]
        yield offset, f"{ctypes.sizeof(ctype):d}s"
    elif ctype in _CODES:
        yield offset, _CODES[ctype]
    else:
        yield offset, {4: "I", 8: "Q"}[ctypes.sizeof(ctype)]


def struct_format(ctype: Any, names: tuple[str, ...] | None = None) -> str:
    """The :mod:`struct` format of the fields ``names`` (in struct order; all by default)
    of a struct described above, made from that description: the per-message paths pack
    and unpack whole structs with one :mod:`struct` call, and this keeps their formats
    from being a second copy of the layout. Native byte order with standard sizes and the
    padding as ``x`` (so the offsets are ctypes'); with every field, the tail padding too,
    so that the size is ``sizeof``."""
    types = dict(ctype._fields_)
    fmt, pos = "=", 0
    for name in names if names is not None else tuple(types):
        for offset, code in _scalars(types[name], getattr(ctype, name).offset):
            assert offset >= pos, "fields in struct order"
            fmt += "x" * (offset - pos) + code
            pos = offset + struct.calcsize("=" + code)
    if names is None:
        fmt += "x" * (ctypes.sizeof(ctype) - pos)
    return fmt


S = TypeVar("S", bound=Structure)


class StructPacker(Generic[S]):
    """Makes ``ctype`` structs with the integer fields ``names`` (in struct order) set and
    the rest zero, every value checked for its field's C type.

    One ``struct.pack_into`` writes them all: it refuses, in C, what is not an integer or
    does not fit the field's size (ctypes' field assignment would wrap it), several times
    faster than checking each in Python; on a refusal the field's :class:`CInt` says
    which field and why. ``prefix`` leads the field's name in a message.
    """

    def __init__(self, ctype: type[S], names: tuple[str, ...], prefix: str = "") -> None:
        ints = struct_fields(ctype)
        self.ctype = ctype
        self.struct = struct.Struct(struct_format(ctype, names))
        self.checks = [(prefix + name, ints[name]) for name in names]

    def new(self, *values: Any) -> S:
        out = self.ctype()
        try:
            self.struct.pack_into(out, 0, *values)
        except struct.error:
            for (what, check), v in zip(self.checks, values):
                check(v, what)
            raise
        return out


def struct_of(ctype: type[S], values: dict[str, Any], prefix: str = "") -> S:
    """A ``ctype`` struct with the integer fields in ``values`` (in struct order; the
    others zero), each checked for its C type first (see :class:`StructPacker`)."""
    key = (ctype, tuple(values), prefix)
    packer: StructPacker[S] | None = _PACKERS.get(key)
    if packer is None:
        packer = _PACKERS[key] = StructPacker(ctype, key[1], prefix)
    return packer.new(*values.values())


_PACKERS: dict[tuple[Any, tuple[str, ...], str], StructPacker[Any]] = {}


def as_bytes(data: Any, what: str = "data") -> bytes:
    """A message as ``bytes``: ``data`` itself, or a copy of any other buffer (bytearray,
    memoryview, array, ...). An ``int`` or an iterable of ints raises :class:`TypeError`
    (``bytes(5)`` would be five zero bytes, ``bytes([1, 2])`` a message nobody wrote)."""
    if type(data) is bytes:
        return data
    try:
        view = memoryview(data)
    except TypeError:
        raise TypeError(f"{what} must be a bytes-like object, not {type(data).__name__}") from None
    return view.tobytes()


# --- loading -------------------------------------------------------------------------------

LIBRARY_NAME = "libsctpx.so"
_HERE = os.path.dirname(os.path.abspath(__file__))


def candidate_paths() -> list[str]:
    """Where the library is looked for, in order (see the module docstring)."""
    override = os.environ.get("SCTPX_LIBRARY")
    if override:
        # An explicit choice is never second-guessed: a wrong path is an error, not a fallback.
        return [override]
    paths = [os.path.join(_HERE, LIBRARY_NAME)]
    target = os.environ.get("CARGO_TARGET_DIR")
    if target:
        paths.append(os.path.join(target, "release", LIBRARY_NAME))
    # bindings/python/sctpx/ -> the repository root three levels up.
    root = os.path.dirname(os.path.dirname(os.path.dirname(_HERE)))
    paths.append(os.path.join(root, "target", "release", LIBRARY_NAME))
    return paths


def _load() -> tuple[ctypes.CDLL, str]:
    tried = candidate_paths()
    for path in tried:
        if os.path.exists(path):
            return ctypes.CDLL(path, use_errno=False), path
    raise ImportError(
        "sctpx: libsctpx.so not found (looked at: {}). Build it with "
        "`cargo build --release`, install the wheel, or set SCTPX_LIBRARY.".format(", ".join(tried))
    )


def _declare(lib: ctypes.CDLL, path: str) -> None:
    missing = [name for name in FUNCTIONS if not hasattr(lib, name)]
    if missing:
        # Said at once and completely: otherwise the first call fails with a bare
        # AttributeError far from the cause (a library that does not export the C API).
        raise ImportError("sctpx: {} does not export {}".format(path, ", ".join(missing)))
    for name, (restype, params) in FUNCTIONS.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = [t for _, t in params]


def _checked_call(name: str, params: list[tuple[str, type]]) -> Callable[..., Any]:
    """``lib``'s function ``name`` behind the checked conversion of its integer arguments,
    by the C type of each (:data:`INTS`): ctypes would wrap them silently."""
    ints = tuple((i, INTS[t], f"{pname} ({name})") for i, (pname, t) in enumerate(params) if t in INTS)
    # Looked up at each call, not bound once: tests replace the C function to prove that a
    # refused value never reaches it.
    declared = lib.__dict__

    def call(*args: Any) -> Any:
        for i, check, what in ints:
            v = args[i]
            if type(v) is not int or not check.lo <= v <= check.hi:
                args = args[:i] + (check(v, what),) + args[i + 1 :]
        return declared[name](*args)

    call.__name__ = call.__qualname__ = name
    return call


class _Checked:
    """Every C function, its integer arguments checked (see :func:`_checked_call`): what the
    package calls. ``lib`` keeps the declared ctypes functions themselves.

    The annotations are what a type checker sees of the functions set in ``__init__``: one per
    entry of :data:`FUNCTIONS` (tests/test_header.py checks that), typed by what ctypes makes
    of the return type (``c_int32``: ``int``; ``c_char_p``: ``bytes``). The arguments are
    left open: ctypes checks them against the declared argtypes at each call.
    """

    sctpx_version: Callable[..., bytes]
    sctpx_strerror: Callable[..., int]
    sctpx_open_tcp: Callable[..., int]
    sctpx_open_udp: Callable[..., int]
    sctpx_open: Callable[..., int]
    sctpx_adopt_fd: Callable[..., int]
    sctpx_close: Callable[..., int]
    sctpx_fileno: Callable[..., int]
    sctpx_kind: Callable[..., int]
    sctpx_bind: Callable[..., int]
    sctpx_listen: Callable[..., int]
    sctpx_accept: Callable[..., int]
    sctpx_connect: Callable[..., int]
    sctpx_connect_result: Callable[..., int]
    sctpx_peeloff: Callable[..., int]
    sctpx_shutdown: Callable[..., int]
    sctpx_abort: Callable[..., int]
    sctpx_abort_and_close: Callable[..., int]
    sctpx_backend: Callable[..., int]
    sctpx_backend_available: Callable[..., int]
    sctpx_set_default_backend: Callable[..., int]
    sctpx_default_backend: Callable[..., int]
    sctpx_set_udp_port: Callable[..., int]
    sctpx_udp_port: Callable[..., int]
    sctpx_set_udp_remote_port: Callable[..., int]
    sctpx_udp_remote_port: Callable[..., int]
    sctpx_bindx: Callable[..., int]
    sctpx_connectx: Callable[..., int]
    sctpx_getpaddrs: Callable[..., int]
    sctpx_getladdrs: Callable[..., int]
    sctpx_set_primary: Callable[..., int]
    sctpx_get_primary: Callable[..., int]
    sctpx_set_peer_primary: Callable[..., int]
    sctpx_send_stream: Callable[..., int]
    sctpx_send: Callable[..., int]
    sctpx_send_setup: Callable[..., int]
    sctpx_send_batch: Callable[..., int]
    sctpx_next_event: Callable[..., int]
    sctpx_next_event_with_next_info: Callable[..., int]
    sctpx_recv_batch: Callable[..., int]
    sctpx_subscribe: Callable[..., int]
    sctpx_subscribed: Callable[..., int]
    sctpx_get_option: Callable[..., int]
    sctpx_set_option: Callable[..., int]
    sctpx_get_rtoinfo: Callable[..., int]
    sctpx_set_rtoinfo: Callable[..., int]
    sctpx_get_assocparams: Callable[..., int]
    sctpx_set_assocparams: Callable[..., int]
    sctpx_get_default_send_info: Callable[..., int]
    sctpx_set_default_send_info: Callable[..., int]
    sctpx_get_delayed_sack: Callable[..., int]
    sctpx_set_delayed_sack: Callable[..., int]
    sctpx_get_initmsg: Callable[..., int]
    sctpx_set_initmsg: Callable[..., int]
    sctpx_get_paddrparams: Callable[..., int]
    sctpx_set_paddrparams: Callable[..., int]
    sctpx_get_paddrthlds: Callable[..., int]
    sctpx_set_paddrthlds: Callable[..., int]
    sctpx_get_paddr_udp_port: Callable[..., int]
    sctpx_set_paddr_udp_port: Callable[..., int]
    sctpx_get_status: Callable[..., int]
    sctpx_get_paddrinfo: Callable[..., int]
    sctpx_get_assoc_stats: Callable[..., int]
    sctpx_get_assoc_ids: Callable[..., int]
    sctpx_reset_streams: Callable[..., int]
    sctpx_reset_assoc: Callable[..., int]
    sctpx_add_streams: Callable[..., int]
    sctpx_get_default_prinfo: Callable[..., int]
    sctpx_set_default_prinfo: Callable[..., int]
    sctpx_get_pr_assoc_status: Callable[..., int]
    sctpx_get_pr_stream_status: Callable[..., int]
    sctpx_get_stream_sched_value: Callable[..., int]
    sctpx_set_stream_sched_value: Callable[..., int]
    sctpx_getsockopt: Callable[..., int]
    sctpx_setsockopt: Callable[..., int]
    sctpx_add_auth_chunk: Callable[..., int]
    sctpx_set_hmac_idents: Callable[..., int]
    sctpx_get_hmac_idents: Callable[..., int]
    sctpx_set_auth_key: Callable[..., int]
    sctpx_set_active_auth_key: Callable[..., int]
    sctpx_get_active_auth_key: Callable[..., int]
    sctpx_deactivate_auth_key: Callable[..., int]
    sctpx_delete_auth_key: Callable[..., int]
    sctpx_get_peer_auth_chunks: Callable[..., int]
    sctpx_get_local_auth_chunks: Callable[..., int]

    def __init__(self) -> None:
        for name, (_, params) in FUNCTIONS.items():
            setattr(self, name, _checked_call(name, params))


lib, path = _load()
_declare(lib, path)
checked = _Checked()


class _Fast:
    """The per-message calls again, declared WITHOUT argtypes.

    ctypes' per-argument conversion costs more than the C call itself (measured: 765 ns
    with argtypes, 277 ns without, per sctpx_send_stream), and these run once per
    message. The callers in core.py pass every argument already in its C form: handles
    as ``c_uint64``, sizes as ``c_size_t``, pointers as ctypes objects, and as plain
    Python ints only values whose C type is 32 bits or narrower, checked first against
    :data:`INTS` (ctypes passes an int as a C ``int``; nothing here checks). The declared
    prototypes above stay the reference; tests compare both against the header.
    """

    # What a type checker sees of them (one per name in NAMES; tests/test_header.py checks).
    # The restype is c_int32, so each returns an int.
    sctpx_send_stream: Callable[..., int]
    sctpx_next_event: Callable[..., int]
    sctpx_send_batch: Callable[..., int]
    sctpx_recv_batch: Callable[..., int]

    def __init__(self, dll: ctypes.CDLL) -> None:
        for name in self.NAMES:
            fn = dll[name]  # a new function object: `lib`'s declared one is untouched
            fn.restype = c_int32
            setattr(self, name, fn)

    NAMES = ("sctpx_send_stream", "sctpx_next_event", "sctpx_send_batch", "sctpx_recv_batch")


fast = _Fast(lib)
