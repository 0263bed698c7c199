"""Conversions between Python socket addresses and ``struct sockaddr_storage``.

Addresses follow the :mod:`socket` module: ``(host, port)`` for IPv4 and
``(host, port, flowinfo, scope_id)`` for IPv6 (a 2-tuple is accepted for IPv6 too).
``host`` is an IP literal (``"fe80::1%eth0"`` names a scope), a host name, or ``""`` for
the wildcard address of the socket's family.
"""

from __future__ import annotations

import ctypes
import socket
import struct
import sys
from collections.abc import Sequence
from typing import Any

from . import _lib

Address = tuple[Any, ...]

# The layouts, from _lib's ctypes description (which tests/test_header.py checks against
# the C compiler's). Ports and flow labels are in network byte order: packed and unpacked
# through htons/htonl.
_FAMILY = struct.Struct(_lib.struct_format(_lib.sockaddr, ("sa_family",)))
_SIN = struct.Struct(_lib.struct_format(_lib.sockaddr_in))
_SIN6 = struct.Struct(_lib.struct_format(_lib.sockaddr_in6))
# sin_port / sin6_port, sin6_flowinfo, sin6_scope_id: the C types of their fields.
_U16 = _lib.INTS[ctypes.c_uint16]
_U32 = _lib.INTS[ctypes.c_uint32]


def _resolve(host: str, family: int) -> tuple[int, bytes, int]:
    """(family, packed address, scope id) for a host string."""
    if host == "":
        if family == socket.AF_INET:
            return socket.AF_INET, bytes(4), 0
        return socket.AF_INET6, bytes(16), 0
    if host == "<broadcast>":
        return socket.AF_INET, b"\xff\xff\xff\xff", 0
    name, _, scope = host.partition("%")
    try:
        return socket.AF_INET, socket.inet_pton(socket.AF_INET, name), 0
    except OSError:
        pass
    try:
        packed = socket.inet_pton(socket.AF_INET6, name)
    except OSError:
        # A host name: the first address of the socket's family (an IPv6 socket takes both).
        want = socket.AF_INET if family == socket.AF_INET else socket.AF_UNSPEC
        info = socket.getaddrinfo(host, None, want, socket.SOCK_STREAM)
        fam, _, _, _, sa = info[0]
        return _resolve(str(sa[0]), fam)
    scope_id = 0
    if scope:
        scope_id = int(scope) if scope.isdigit() else socket.if_nametoindex(scope)
    return socket.AF_INET6, packed, scope_id


def to_storage(addr: Address, family: int, out: _lib.sockaddr_storage | None = None) -> tuple[_lib.sockaddr_storage, int]:
    """Fills a ``sockaddr_storage`` from a Python address; returns it and its length."""
    if not isinstance(addr, tuple) or len(addr) not in (2, 4):
        raise TypeError(f"an address is a (host, port) or (host, port, flowinfo, scope_id) tuple, not {addr!r}")
    host, port = addr[0], _U16(addr[1], "port")
    if not isinstance(host, str):
        # str(host) would make any object a host name to look up (123 is 0.0.0.123).
        raise TypeError(f"an address's host must be a str, not {type(host).__name__}")
    flowinfo, scope = (_U32(addr[2], "flowinfo"), _U32(addr[3], "scope_id")) if len(addr) == 4 else (0, 0)
    fam, packed, scope_id = _resolve(host, family)
    st = out if out is not None else _lib.sockaddr_storage()
    if fam == socket.AF_INET:
        _SIN.pack_into(st, 0, socket.AF_INET, socket.htons(port), packed, b"")
        return st, _SIN.size
    _SIN6.pack_into(st, 0, socket.AF_INET6, socket.htons(port), socket.htonl(flowinfo), packed, scope or scope_id)
    return st, _SIN6.size


def sockaddr_arg(addr: Address, family: int) -> tuple[Any, int]:
    """A ``const struct sockaddr *`` argument and its length for a Python address."""
    st, n = to_storage(addr, family)
    return ctypes.cast(ctypes.pointer(st), ctypes.POINTER(_lib.sockaddr)), n


def storage_array(addrs: Sequence[Address], family: int) -> Any:
    """A ``struct sockaddr_storage`` array holding ``addrs``."""
    if isinstance(addrs, tuple) and addrs and not isinstance(addrs[0], tuple):
        raise TypeError(f"expected a list of address tuples, got one address: {addrs!r}")
    arr = (_lib.sockaddr_storage * len(addrs))()
    for i, a in enumerate(addrs):
        to_storage(a, family, arr[i])
    return arr


# Decoded addresses by their raw bytes (or, for IPv4, by the first 8 of them as an integer,
# see from_event): every message of an association carries the same source address, and
# decoding it each time was a large part of a receive's cost. The tuples are immutable, so
# sharing them is safe; the cache is simply reset when full.
_DECODED: dict[int | bytes, Address] = {}
_DECODED_MAX = 4096


def from_storage(st: _lib.sockaddr_storage) -> Address | None:
    """The Python address in a ``sockaddr_storage``, or None when it holds none."""
    return from_raw(ctypes.string_at(ctypes.addressof(st), RAW_LEN))


#: The bytes of a sockaddr_storage that can hold an address (a sockaddr_in6's size).
RAW_LEN = _SIN6.size
# Where ss_family sits in the storage's first 8 bytes read as one native-order integer.
_FAMILY_AT = 8 * _lib.sockaddr.sa_family.offset
_FAMILY_SHIFT = _FAMILY_AT if sys.byteorder == "little" else 48 - _FAMILY_AT


def from_raw(raw: bytes) -> Address | None:
    """The Python address in the first :data:`RAW_LEN` bytes of a ``sockaddr_storage``."""
    hit = _DECODED.get(raw)
    return hit if hit is not None else _remember(raw, _decode(raw))


def from_event(view: memoryview, start: int, head8: int) -> Address | None:
    """The address in the ``sockaddr_storage`` at byte ``start`` of ``view``, whose first
    8 bytes read as a native-order integer are ``head8``. For IPv4 those 8 bytes (family,
    port, address) are the whole address and key the cache without copying the storage
    out; other families go through :func:`from_raw`."""
    if (head8 >> _FAMILY_SHIFT) & 0xFFFF == socket.AF_INET:
        hit = _DECODED.get(head8)
        if hit is not None:
            return hit
        return _remember(head8, _decode(view[start : start + RAW_LEN].tobytes()))
    return from_raw(view[start : start + RAW_LEN].tobytes())


def _remember(key: int | bytes, addr: Address | None) -> Address | None:
    if addr is not None:
        if len(_DECODED) >= _DECODED_MAX:
            _DECODED.clear()
        _DECODED[key] = addr
    return addr


def _decode(raw: bytes) -> Address | None:
    fam = _FAMILY.unpack_from(raw)[0]
    if fam == socket.AF_INET:
        _, port, addr, _ = _SIN.unpack_from(raw)
        return socket.inet_ntop(socket.AF_INET, addr), socket.ntohs(port)
    if fam == socket.AF_INET6:
        _, port, flowinfo, addr, scope_id = _SIN6.unpack_from(raw)
        return socket.inet_ntop(socket.AF_INET6, addr), socket.ntohs(port), socket.ntohl(flowinfo), scope_id
    return None


def from_array(arr: Any, count: int) -> list[Address]:
    return [a for a in (from_storage(arr[i]) for i in range(count)) if a is not None]
