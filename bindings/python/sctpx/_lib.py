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
import os
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
from typing import Dict, List, Optional, Tuple

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


class sctpx_rtoinfo(Structure):
    _fields_ = [
        ("assoc_id", sctpx_assoc_id),
        ("initial", c_uint32),
        ("max", c_uint32),
        ("min", c_uint32),
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

#: name -> (restype, argtypes), in header order.
FUNCTIONS: Dict[str, Tuple[Optional[type], List[type]]] = {
    "sctpx_version": (c_char_p, []),
    "sctp_strerror": (c_int32, [c_int32, c_char_p, c_size_t]),
    "sctp_open_tcp": (c_int32, [c_int32, POINTER(_h)]),
    "sctp_open_udp": (c_int32, [c_int32, POINTER(_h)]),
    "sctp_adopt_fd": (c_int32, [c_int32, POINTER(_h)]),
    "sctp_close": (c_int32, [_h]),
    "sctp_fileno": (c_int32, [_h]),
    "sctp_kind": (c_int32, [_h]),
    "sctp_bind": (c_int32, [_h, _sa, socklen_t]),
    "sctp_bindx": (c_int32, [_h, _ss, c_size_t, c_int32]),
    "sctp_listen": (c_int32, [_h, c_int32]),
    "sctp_accept": (c_int32, [_h, POINTER(_h), _ss, POINTER(socklen_t)]),
    "sctp_connect": (c_int32, [_h, _sa, socklen_t]),
    "sctp_connectx": (c_int32, [_h, _ss, c_size_t, POINTER(_a)]),
    "sctp_peeloff": (c_int32, [_h, _a, c_int32, POINTER(_h)]),
    "sctp_shutdown": (c_int32, [_h, _a]),
    "sctp_abort": (c_int32, [_h, _a]),
    "sctp_getpaddrs": (c_int32, [_h, _a, _ss, c_size_t]),
    "sctp_getladdrs": (c_int32, [_h, _a, _ss, c_size_t]),
    "sctp_send_stream": (c_int32, [_h, _a, c_uint16, c_uint32, byte_ptr, c_size_t]),
    "sctp_send": (c_int32, [_h, byte_ptr, c_size_t, POINTER(sctpx_send_info), _sa, socklen_t]),
    "sctp_send_batch": (c_int32, [_h, POINTER(sctpx_send_msg), c_size_t]),
    "sctp_next_event": (c_int32, [_h, POINTER(sctpx_event), byte_ptr, c_size_t, c_int32]),
    "sctp_recv_batch": (
        c_int32,
        [_h, POINTER(sctpx_event), c_size_t, byte_ptr, c_size_t, c_int32],
    ),
    "sctp_subscribe": (c_int32, [_h, c_uint32, c_int32]),
    "sctp_subscribed": (c_int32, [_h, c_uint32]),
    "sctp_get_option": (c_int32, [_h, _a, c_int32, POINTER(c_int64)]),
    "sctp_set_option": (c_int32, [_h, _a, c_int32, c_int64]),
    "sctp_get_rtoinfo": (c_int32, [_h, _a, POINTER(sctpx_rtoinfo)]),
    "sctp_set_rtoinfo": (c_int32, [_h, POINTER(sctpx_rtoinfo)]),
    "sctp_get_assocparams": (c_int32, [_h, _a, POINTER(sctpx_assocparams)]),
    "sctp_set_assocparams": (c_int32, [_h, POINTER(sctpx_assocparams)]),
    "sctp_get_default_send_info": (c_int32, [_h, _a, POINTER(sctpx_send_info)]),
    "sctp_set_default_send_info": (c_int32, [_h, POINTER(sctpx_send_info)]),
    "sctp_get_delayed_sack": (c_int32, [_h, _a, POINTER(sctpx_sack_info)]),
    "sctp_set_delayed_sack": (c_int32, [_h, POINTER(sctpx_sack_info)]),
    "sctp_get_initmsg": (c_int32, [_h, POINTER(sctpx_initmsg)]),
    "sctp_set_initmsg": (c_int32, [_h, POINTER(sctpx_initmsg)]),
    "sctp_get_paddrparams": (c_int32, [_h, _a, _sa, socklen_t, POINTER(sctpx_paddrparams)]),
    "sctp_set_paddrparams": (c_int32, [_h, POINTER(sctpx_paddrparams)]),
    "sctp_get_status": (c_int32, [_h, _a, POINTER(sctpx_status)]),
    "sctp_get_paddrinfo": (c_int32, [_h, _a, _sa, socklen_t, POINTER(sctpx_paddrinfo)]),
    "sctp_get_assoc_stats": (c_int32, [_h, _a, POINTER(sctpx_assoc_stats)]),
    "sctp_get_assoc_ids": (c_int32, [_h, POINTER(_a), c_size_t]),
    "sctp_set_primary": (c_int32, [_h, _a, _sa, socklen_t]),
    "sctp_get_primary": (c_int32, [_h, _a, _ss]),
    "sctp_set_peer_primary": (c_int32, [_h, _a, _sa, socklen_t]),
    "sctp_reset_streams": (c_int32, [_h, _a, c_uint16, POINTER(c_uint16), c_size_t]),
    "sctp_reset_assoc": (c_int32, [_h, _a]),
    "sctp_add_streams": (c_int32, [_h, _a, c_uint16, c_uint16]),
}

# --- loading -------------------------------------------------------------------------------

LIBRARY_NAME = "libsctpx.so"
_HERE = os.path.dirname(os.path.abspath(__file__))


def candidate_paths() -> List[str]:
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


def _load() -> Tuple[ctypes.CDLL, str]:
    tried = candidate_paths()
    for path in tried:
        if os.path.exists(path):
            return ctypes.CDLL(path, use_errno=False), path
    raise ImportError(
        "sctpx: libsctpx.so not found (looked at: %s). Build it with "
        "`cargo build --release`, install the wheel, or set SCTPX_LIBRARY." % ", ".join(tried)
    )


def _declare(lib: ctypes.CDLL, path: str) -> None:
    missing = [name for name in FUNCTIONS if not hasattr(lib, name)]
    if missing:
        # Said at once and completely: otherwise the first call fails with a bare
        # AttributeError far from the cause (a library that does not export the C API).
        raise ImportError("sctpx: %s does not export %s" % (path, ", ".join(missing)))
    for name, (restype, argtypes) in FUNCTIONS.items():
        fn = getattr(lib, name)
        fn.restype = restype
        fn.argtypes = argtypes


lib, path = _load()
_declare(lib, path)


class _Fast:
    """The per-message calls again, declared WITHOUT argtypes.

    ctypes' per-argument conversion costs more than the C call itself (measured: 765 ns
    with argtypes, 277 ns without, per sctp_send_stream), and these run once per
    message. The callers in core.py pass every argument already in its C form: handles
    as ``c_uint64``, sizes as ``c_size_t``, pointers as ctypes objects, and as plain
    Python ints only values whose C type is 32 bits or narrower, range-checked first
    (ctypes passes an int as a C ``int``). The declared prototypes above stay the
    reference; tests compare both against the header.
    """

    def __init__(self, dll: ctypes.CDLL) -> None:
        for name in self.NAMES:
            fn = dll[name]  # a new function object: `lib`'s declared one is untouched
            fn.restype = c_int32
            setattr(self, name, fn)

    NAMES = ("sctp_send_stream", "sctp_next_event", "sctp_send_batch", "sctp_recv_batch")


fast = _Fast(lib)
