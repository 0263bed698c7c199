"""Socket options the C API does not cover yet, read and written on the descriptor.

WORKAROUND, to be removed when include/sctpx.h gains them: SCTP_RTOINFO, SCTP_ASSOCINFO
and SO_ERROR (needed to learn how a non-blocking connect ended) have no sctpx function,
so these few calls use libc's getsockopt/setsockopt on ``sctp_fileno()`` directly, with
the kernel's structs from <linux/sctp.h>. Nothing else in the package bypasses libsctpx.
"""

from __future__ import annotations

import ctypes
import os
import socket
from ctypes import Structure, c_int, c_int32, c_uint16, c_uint32

SOL_SCTP = 132
SCTP_RTOINFO = 0
SCTP_ASSOCINFO = 1


class sctp_rtoinfo(Structure):
    _fields_ = [
        ("srto_assoc_id", c_int32),
        ("srto_initial", c_uint32),
        ("srto_max", c_uint32),
        ("srto_min", c_uint32),
    ]


class sctp_assocparams(Structure):
    _fields_ = [
        ("sasoc_assoc_id", c_int32),
        ("sasoc_asocmaxrxt", c_uint16),
        ("sasoc_number_peer_destinations", c_uint16),
        ("sasoc_peer_rwnd", c_uint32),
        ("sasoc_local_rwnd", c_uint32),
        ("sasoc_cookie_life", c_uint32),
    ]


_libc = ctypes.CDLL(None, use_errno=True)
_getsockopt = _libc.getsockopt
_getsockopt.argtypes = [c_int, c_int, c_int, ctypes.c_void_p, ctypes.POINTER(c_uint32)]
_getsockopt.restype = c_int
_setsockopt = _libc.setsockopt
_setsockopt.argtypes = [c_int, c_int, c_int, ctypes.c_void_p, c_uint32]
_setsockopt.restype = c_int


def _fail() -> OSError:
    e = ctypes.get_errno()
    return OSError(e, os.strerror(e))


def get(fd: int, level: int, name: int, value: ctypes.Structure) -> None:
    """getsockopt into ``value`` (which also carries the input, e.g. the assoc id)."""
    n = c_uint32(ctypes.sizeof(value))
    if _getsockopt(fd, level, name, ctypes.byref(value), ctypes.byref(n)) != 0:
        raise _fail()


def set(fd: int, level: int, name: int, value: ctypes.Structure) -> None:  # noqa: A001
    if _setsockopt(fd, level, name, ctypes.byref(value), ctypes.sizeof(value)) != 0:
        raise _fail()


def so_error(fd: int) -> int:
    """SO_ERROR: the pending error of the socket (0 when none), cleared by reading it."""
    v = c_int(0)
    n = c_uint32(ctypes.sizeof(v))
    if _getsockopt(fd, socket.SOL_SOCKET, socket.SO_ERROR, ctypes.byref(v), ctypes.byref(n)) != 0:
        raise _fail()
    return v.value
