"""Values that cannot be what C takes are refused in Python, before any C call.

ctypes converts a Python int to a C integer by dropping its high bits, so without a check
``assoc_id + 2**32`` is association ``assoc_id`` and ``2**64`` is 0; and ``bytes(123)`` is
123 zero bytes. Here every C function is replaced by a tripwire (the declared ones under
``sctpx._lib.checked`` and the per-message ones of ``sctpx._lib.fast``), and each public
call is given values just outside the C type it feeds: it must raise, and no C function
may have been called.

The integer slots come from the signatures themselves: every integer parameter of every
function in ``_lib.FUNCTIONS``, every integer field of every struct passed as a ``const``
pointer (an input, by the header), and the elements of ``const`` integer arrays. Each is
mapped below to the public calls that carry a caller's value into it, or to why none does;
a new slot with no entry fails ``test_every_integer_slot_of_the_c_api_is_mapped``.

These need no SCTP: nothing reaches the kernel. The last section shows the cases a probe
found, on real associations.
"""

from __future__ import annotations

import array
import asyncio
import ctypes
import functools
import math
import socket
from types import SimpleNamespace
from typing import Any, Callable, Dict, Iterator, List, Tuple, Union

import pytest

import sctpx
import sctpx.aio
import sctpx.pysctp as pysctp
from sctpx import _lib, core

from conftest import LOOPBACK, next_data, port_of
from test_header import parse_functions

Call = Callable[[Any, Any], Any]
ONE_TO_MANY, ONE_TO_ONE = 1, 2  # the fake handles of the two sockets
ADDR = ("::1", 5000)


# --- the integer slots of the C API ------------------------------------------------------------

# Struct types that hold an address: their bytes come from an address tuple (_addr.to_storage),
# whose integers (port, flowinfo, scope_id) test_an_out_of_range_address_number_... covers.
ADDRESS_TYPES = (_lib.sockaddr, _lib.sockaddr_storage)


def _struct_slots(ctype: Any, seen: Dict[str, Any]) -> None:
    for fname, ftype in ctype._fields_:
        if ftype in _lib.INTS:
            seen["%s.%s" % (ctype.__name__, fname)] = _lib.INTS[ftype]
        elif isinstance(ftype, type) and issubclass(ftype, ctypes.Structure) and ftype not in ADDRESS_TYPES:
            _struct_slots(ftype, seen)


def integer_slots() -> Dict[str, _lib.CInt]:
    """Every place a C integer goes in: ``fn(param)``, ``fn(param[])`` for the elements
    of a const integer array, and ``struct.field`` for the fields of const struct inputs."""
    header = parse_functions()
    slots: Dict[str, _lib.CInt] = {}
    for name, (_, params) in _lib.FUNCTIONS.items():
        c_decls = dict(header.get(name, (None, []))[1])  # for const: which pointers are inputs
        for pname, ptype in params:
            c_decl = c_decls.get(pname, "")
            if ptype in _lib.INTS:
                slots["%s(%s)" % (name, pname)] = _lib.INTS[ptype]
            elif c_decl.startswith("const ") and hasattr(ptype, "_type_"):
                target = ptype._type_
                if target in _lib.INTS:
                    slots["%s(%s[])" % (name, pname)] = _lib.INTS[target]
                elif isinstance(target, type) and issubclass(target, ctypes.Structure) and target not in ADDRESS_TYPES:
                    _struct_slots(target, slots)
    return slots


# --- where a caller's value enters each slot ---------------------------------------------------

HANDLE = "the Socket's own handle: a caller's handle enters only through Socket(), whose sctpx_kind checks it"
LENGTH = "a length the binding measures (of the data, the address or the array it built)"
WAIT = "milliseconds the binding computes (slices of at most 500) from the timeout, checked itself below"


V = object()  # where the bad value goes in an _aio call


def _aio(method: str, *args: Any) -> Call:
    """A call of AsyncSocket.METHOD (awaited when it is a coroutine) with the value at V."""

    def call(k: Any, v: Any) -> Any:
        r = getattr(k.aio, method)(*[v if a is V else a for a in args])
        return k.run(r) if asyncio.iscoroutine(r) else r

    return call


def _none_is_default(call: Call) -> Call:
    """Marks a call whose parameter takes None for "the socket's default" (PySCTP's)."""
    call.none_is_default = True  # type: ignore[attr-defined]
    return call


def _setattr(obj: str, attr: str) -> Call:
    return lambda k, v: setattr(getattr(k, obj), attr, v)


def _pysctp_record(cls: type, field: str, **extra: Any) -> Callable[[Any], Any]:
    """A PySCTP option object (rtoinfo, assocparams, paddrparams) with ``field`` set."""

    def make(v: Any) -> Any:
        o = cls()
        for name, value in dict(extra, **{field: v}).items():
            setattr(o, name, value)
        return o

    return make


def _send_info_calls(field: str, pysctp_kw: str = "") -> List[Call]:
    """The calls that fill sctpx_send_info.FIELD: send, send_batch, set_default_send_info,
    asyncio's send and send_batch, and PySCTP's sctp_send when it has the parameter."""
    calls: List[Call] = [
        lambda k, v: k.udp.send(b"x", **{field: v}),
        lambda k, v: k.udp.send_batch([b"ok", sctpx.SendMsg(b"x", **{field: v})]),
        lambda k, v: setattr(k.udp, "default_send_info", sctpx.SendInfo(**{field: v})),
        lambda k, v: k.run(k.aio.send(b"x", **{field: v})),
        lambda k, v: k.run(k.aio.send_batch([sctpx.SendMsg(b"x", **{field: v})])),
    ]
    if pysctp_kw:
        # ppid given: its default (None) is read from the socket first, a C call.
        py_call = lambda k, v: k.py_udp.sctp_send(b"x", **dict({"ppid": 0}, **{pysctp_kw: v}))  # noqa: E731
        calls.append(_none_is_default(py_call) if pysctp_kw in ("stream", "ppid", "timetolive") else py_call)
    return calls


def _option_setters() -> List[Call]:
    """Every writable option property of Socket, and PySCTP's option setters."""
    props = [n for n, p in vars(core.Socket).items() if isinstance(p, core.OptionProperty) and not p._read_only]
    assert len(props) >= 19  # all found (19 when written)
    calls: List[Call] = [_setattr("udp", n) for n in props]
    calls += [lambda k, v, n=n: getattr(k.py_udp, "set_" + n)(v) for n in ("nodelay", "adaptation", "disable_fragments", "mappedv4", "maxseg", "autoclose")]
    # PySCTP halves the buffer sizes it is given (Linux doubles them).
    calls += [lambda k, v: k.py_udp.set_sndbuf(v * 2), lambda k, v: k.py_udp.set_rcvbuf(v * 2)]
    return calls


MAPPING: Dict[str, Union[str, List[Call]]] = {
    "sctpx_strerror(code)": [lambda k, v: sctpx.strerror(v)],
    "sctpx_strerror(len)": LENGTH,
    "sctpx_open_tcp(family_)": [
        lambda k, v: sctpx.open_tcp(v),
        lambda k, v: sctpx.aio.open_tcp(v),
        lambda k, v: pysctp.sctpsocket_tcp(v),
    ],
    "sctpx_open_udp(family_)": [
        lambda k, v: sctpx.open_udp(v),
        lambda k, v: sctpx.aio.open_udp(v),
        lambda k, v: pysctp.sctpsocket_udp(v),
    ],
    "sctpx_open(backend)": [
        _none_is_default(lambda k, v: sctpx.open_tcp(socket.AF_INET, backend=v)),
        _none_is_default(lambda k, v: sctpx.open_udp(socket.AF_INET, backend=v)),
        _none_is_default(lambda k, v: sctpx.aio.open_tcp(socket.AF_INET, backend=v)),
        _none_is_default(lambda k, v: sctpx.aio.open_udp(socket.AF_INET, backend=v)),
    ],
    "sctpx_open(family_)": [
        lambda k, v: sctpx.open_tcp(v, backend=sctpx.BACKEND_AUTO),
        lambda k, v: sctpx.open_udp(v, backend=sctpx.BACKEND_AUTO),
    ],
    "sctpx_open(kind)": "the binding's own: open_tcp passes KIND_ONE_TO_ONE, open_udp KIND_ONE_TO_MANY",
    "sctpx_backend_available(backend)": [lambda k, v: sctpx.backend_available(v)],
    "sctpx_set_default_backend(backend)": [lambda k, v: sctpx.set_default_backend(v)],
    "sctpx_set_udp_port(port)": [lambda k, v: sctpx.set_udp_port(v)],
    "sctpx_set_udp_remote_port(port)": [lambda k, v: sctpx.set_udp_remote_port(v)],
    "sctpx_adopt_fd(fd)": [lambda k, v: sctpx.adopt_fd(v)],
    "sctpx_kind(h)": [lambda k, v: sctpx.Socket(v, socket.AF_INET6)],
    "sctpx_bind(addr_len)": LENGTH,
    "sctpx_bindx(count)": LENGTH,
    "sctpx_bindx(flags)": [
        lambda k, v: k.udp.bindx([ADDR], v),
        lambda k, v: k.py_udp.bindx([ADDR], v),
        _aio("bindx", [ADDR], V),
    ],
    "sctpx_listen(backlog)": [
        lambda k, v: k.udp.listen(v),
        lambda k, v: k.py_udp.listen(v),
        _aio("listen", V),
    ],
    "sctpx_connect(addr_len)": LENGTH,
    "sctpx_connectx(count)": LENGTH,
    "sctpx_peeloff(assoc_id)": [
        lambda k, v: k.udp.peeloff(v),
        lambda k, v: k.py_udp.peeloff(v),
        _aio("peeloff", V),
    ],
    "sctpx_peeloff(flags)": [lambda k, v: k.udp.peeloff(1, v)],
    "sctpx_shutdown(assoc_id)": [lambda k, v: k.udp.shutdown(v), _aio("shutdown", V)],
    "sctpx_abort(assoc_id)": [lambda k, v: k.udp.abort(v), _aio("abort", V)],
    "sctpx_connect_result(assoc_id)": [lambda k, v: k.udp.connect_result(v)],
    "sctpx_getpaddrs(assoc_id)": [
        lambda k, v: k.udp.peer_addrs(v),
        lambda k, v: k.py_udp.getpaddrs(v),
        _aio("peer_addrs", V),
    ],
    "sctpx_getpaddrs(cap)": LENGTH,
    "sctpx_getladdrs(assoc_id)": [
        lambda k, v: k.udp.local_addrs(v),
        lambda k, v: k.py_udp.getladdrs(v),
        _aio("local_addrs", V),
    ],
    "sctpx_getladdrs(cap)": LENGTH,
    "sctpx_send_stream(assoc_id)": [lambda k, v: k.udp.send_stream(b"x", 0, 0, v), _aio("send_stream", b"x", 0, 0, V)],
    "sctpx_send_stream(stream)": [lambda k, v: k.udp.send_stream(b"x", v), _aio("send_stream", b"x", V)],
    "sctpx_send_stream(ppid)": [lambda k, v: k.udp.send_stream(b"x", 0, v), _aio("send_stream", b"x", 0, V)],
    "sctpx_send_stream(len)": LENGTH,
    "sctpx_send(len)": LENGTH,
    "sctpx_send(to_len)": LENGTH,
    "sctpx_send_batch(count)": LENGTH,
    "sctpx_next_event(cap)": [
        lambda k, v: k.udp.next_event(bufsize=v),
        lambda k, v: k.py_udp.sctp_recv(v),
        _aio("next_event", V),
    ],
    "sctpx_next_event(timeout_ms)": WAIT,
    "sctpx_next_event_with_next_info(cap)": [lambda k, v: k.udp.next_event_with_next_info(bufsize=v)],
    "sctpx_next_event_with_next_info(timeout_ms)": WAIT,
    "sctpx_recv_batch(count)": [lambda k, v: k.udp.recv_batch(count=v), _aio("recv_batch", V)],
    "sctpx_recv_batch(stride)": [lambda k, v: k.udp.recv_batch(bufsize=v), _aio("recv_batch", 16, V)],
    "sctpx_recv_batch(timeout_ms)": WAIT,
    "sctpx_subscribe(kind)": [lambda k, v: k.udp.subscribe(v), _aio("subscribe", V)],
    "sctpx_subscribe(on)": "1 or 0: the truth value of `on`",
    "sctpx_subscribed(kind)": [lambda k, v: k.udp.subscribed(v)],
    "sctpx_get_option(assoc_id)": [lambda k, v: k.udp.get_option(sctpx.Option.SNDBUF, v)],
    "sctpx_get_option(option)": [lambda k, v: k.udp.get_option(v)],
    "sctpx_set_option(assoc_id)": [lambda k, v: k.udp.set_option(sctpx.Option.SNDBUF, 4096, v)],
    "sctpx_set_option(option)": [lambda k, v: k.udp.set_option(v, 1)],
    "sctpx_set_option(value)": [lambda k, v: k.udp.set_option(sctpx.Option.SNDBUF, v)] + _option_setters(),
    "sctpx_get_rtoinfo(assoc_id)": [lambda k, v: k.udp.association(v).rtoinfo, lambda k, v: k.py_udp.get_rtoinfo(v)],
    "sctpx_get_assocparams(assoc_id)": [
        lambda k, v: k.udp.association(v).assocparams,
        lambda k, v: k.py_udp.get_assocparams(v),
    ],
    "sctpx_get_default_send_info(assoc_id)": [lambda k, v: k.udp.association(v).default_send_info],
    "sctpx_get_delayed_sack(assoc_id)": [lambda k, v: k.udp.association(v).delayed_sack],
    "sctpx_get_paddrparams(assoc_id)": [
        lambda k, v: k.udp.get_paddrparams(None, v),
        lambda k, v: k.py_udp.get_paddrparams(v, ADDR),
    ],
    "sctpx_get_paddrparams(addr_len)": LENGTH,
    "sctpx_get_paddr_udp_port(assoc_id)": [lambda k, v: k.udp.get_paddr_udp_port(ADDR, v)],
    "sctpx_get_paddr_udp_port(addr_len)": LENGTH,
    "sctpx_set_paddr_udp_port(assoc_id)": [lambda k, v: k.udp.set_paddr_udp_port(ADDR, 9899, v)],
    "sctpx_set_paddr_udp_port(addr_len)": LENGTH,
    "sctpx_set_paddr_udp_port(port)": [lambda k, v: k.udp.set_paddr_udp_port(ADDR, v)],
    "sctpx_get_paddrthlds(assoc_id)": [lambda k, v: k.udp.get_paddrthlds(None, v)],
    "sctpx_get_paddrthlds(addr_len)": LENGTH,
    "sctpx_send_setup(len)": LENGTH,
    "sctpx_send_setup(count)": LENGTH,
    "sctpx_get_status(assoc_id)": [lambda k, v: k.udp.association(v).status, lambda k, v: k.py_udp.get_status(v)],
    "sctpx_get_paddrinfo(assoc_id)": [
        lambda k, v: k.udp.get_paddrinfo(ADDR, v),
        lambda k, v: k.py_udp.get_paddrinfo(v, ADDR),
    ],
    "sctpx_get_paddrinfo(addr_len)": LENGTH,
    "sctpx_get_assoc_stats(assoc_id)": [lambda k, v: k.udp.association(v).assoc_stats],
    "sctpx_get_assoc_ids(cap)": LENGTH,
    "sctpx_set_primary(assoc_id)": [
        lambda k, v: k.udp.set_primary(ADDR, v),
        lambda k, v: k.py_udp.set_primary(v, ADDR),
    ],
    "sctpx_set_primary(addr_len)": LENGTH,
    "sctpx_get_primary(assoc_id)": [lambda k, v: k.udp.association(v).primary],
    "sctpx_set_peer_primary(assoc_id)": [
        lambda k, v: k.udp.set_peer_primary(ADDR, v),
        lambda k, v: k.py_udp.set_peer_primary(v, ADDR),
    ],
    "sctpx_set_peer_primary(addr_len)": LENGTH,
    "sctpx_reset_streams(assoc_id)": [lambda k, v: k.udp.reset_streams(sctpx.STREAM_RESET_OUTGOING, (), v)],
    "sctpx_reset_streams(flags)": [lambda k, v: k.udp.reset_streams(v)],
    "sctpx_reset_streams(streams[])": [lambda k, v: k.udp.reset_streams(sctpx.STREAM_RESET_OUTGOING, [1, v])],
    "sctpx_reset_streams(count)": LENGTH,
    "sctpx_reset_assoc(assoc_id)": [lambda k, v: k.udp.reset_assoc(v)],
    "sctpx_add_streams(assoc_id)": [lambda k, v: k.udp.add_streams(1, 1, v)],
    "sctpx_add_streams(inbound)": [lambda k, v: k.udp.add_streams(v, 1)],
    "sctpx_add_streams(outbound)": [lambda k, v: k.udp.add_streams(1, v)],
    "sctpx_get_default_prinfo(assoc_id)": [lambda k, v: k.udp.association(v).default_prinfo],
    "sctpx_get_pr_assoc_status(assoc_id)": [lambda k, v: k.udp.get_pr_assoc_status(sctpx.PR_TTL, v)],
    "sctpx_get_pr_assoc_status(policy)": [lambda k, v: k.udp.get_pr_assoc_status(v)],
    "sctpx_get_pr_stream_status(assoc_id)": [lambda k, v: k.udp.get_pr_stream_status(0, sctpx.PR_TTL, v)],
    "sctpx_get_pr_stream_status(stream)": [lambda k, v: k.udp.get_pr_stream_status(v, sctpx.PR_TTL)],
    "sctpx_get_pr_stream_status(policy)": [lambda k, v: k.udp.get_pr_stream_status(0, v)],
    "sctpx_get_stream_sched_value(assoc_id)": [lambda k, v: k.udp.get_stream_sched_value(0, v)],
    "sctpx_get_stream_sched_value(stream)": [lambda k, v: k.udp.get_stream_sched_value(v)],
    "sctpx_set_stream_sched_value(assoc_id)": [lambda k, v: k.udp.set_stream_sched_value(0, 1, v)],
    "sctpx_set_stream_sched_value(stream)": [lambda k, v: k.udp.set_stream_sched_value(v, 1)],
    "sctpx_set_stream_sched_value(value)": [lambda k, v: k.udp.set_stream_sched_value(0, v)],
    "sctpx_getsockopt(level)": [lambda k, v: k.udp.getsockopt(v, 3, 4)],
    "sctpx_getsockopt(name)": [lambda k, v: k.udp.getsockopt(sctpx.LEVEL_SCTP, v, 4)],
    "sctpx_setsockopt(level)": [lambda k, v: k.udp.setsockopt(v, 3, b"\0\0\0\0")],
    "sctpx_setsockopt(name)": [lambda k, v: k.udp.setsockopt(sctpx.LEVEL_SCTP, v, b"\0\0\0\0")],
    "sctpx_setsockopt(len)": LENGTH,
    "sctpx_add_auth_chunk(chunk_type)": [lambda k, v: k.udp.add_auth_chunk(v)],
    "sctpx_set_hmac_idents(idents[])": [lambda k, v: k.udp.set_hmac_idents([sctpx.HMAC_SHA1, v])],
    "sctpx_set_hmac_idents(count)": LENGTH,
    "sctpx_get_hmac_idents(cap)": LENGTH,
    "sctpx_set_auth_key(assoc_id)": [lambda k, v: k.udp.set_auth_key(1, b"k", v)],
    "sctpx_set_auth_key(key_number)": [lambda k, v: k.udp.set_auth_key(v, b"k")],
    "sctpx_set_auth_key(len)": LENGTH,
    "sctpx_set_active_auth_key(assoc_id)": [lambda k, v: k.udp.set_active_auth_key(1, v)],
    "sctpx_set_active_auth_key(key_number)": [lambda k, v: k.udp.set_active_auth_key(v)],
    "sctpx_get_active_auth_key(assoc_id)": [lambda k, v: k.udp.association(v).active_auth_key],
    "sctpx_deactivate_auth_key(assoc_id)": [lambda k, v: k.udp.deactivate_auth_key(1, v)],
    "sctpx_deactivate_auth_key(key_number)": [lambda k, v: k.udp.deactivate_auth_key(v)],
    "sctpx_delete_auth_key(assoc_id)": [lambda k, v: k.udp.delete_auth_key(1, v)],
    "sctpx_delete_auth_key(key_number)": [lambda k, v: k.udp.delete_auth_key(v)],
    "sctpx_get_peer_auth_chunks(assoc_id)": [lambda k, v: k.udp.get_peer_auth_chunks(v)],
    "sctpx_get_peer_auth_chunks(cap)": LENGTH,
    "sctpx_get_local_auth_chunks(assoc_id)": [lambda k, v: k.udp.get_local_auth_chunks(v)],
    "sctpx_get_local_auth_chunks(cap)": LENGTH,
    # sctpx_send_info: sctpx_send's info, sctpx_set_default_send_info's value, sctpx_send_msg.info.
    "sctpx_send_info.stream": _send_info_calls("stream", "stream"),
    "sctpx_send_info.flags": _send_info_calls("flags", "flags"),
    "sctpx_send_info.ppid": _send_info_calls("ppid", "ppid"),
    "sctpx_send_info.context": _send_info_calls("context", "context"),
    "sctpx_send_info.assoc_id": _send_info_calls("assoc_id"),
    "sctpx_send_info.pr_policy": _send_info_calls("pr_policy"),
    "sctpx_send_info.reserved": "always 0",
    "sctpx_send_info.pr_value": _send_info_calls("pr_value", "timetolive"),
    "sctpx_send_msg.len": LENGTH,
    "sctpx_send_msg.to_len": LENGTH,
    "sctpx_paddrparams.address_len": LENGTH,
    "sctpx_paddrthlds.address_len": LENGTH,
    # The other fields of the settable structs: below.
}

# The settable structs: every integer field of each, through the struct's dataclass and the
# PySCTP equivalent where there is one (PySCTP's field name, or None).
_SETTERS: List[Tuple[Any, Callable[[Any, Any], Any], Dict[str, Any]]] = [
    (sctpx.RtoInfo, lambda k, o: setattr(k.udp, "rtoinfo", o), {}),
    (sctpx.AssocParams, lambda k, o: setattr(k.udp, "assocparams", o), {}),
    (sctpx.SackInfo, lambda k, o: setattr(k.udp, "delayed_sack", o), {}),
    (sctpx.InitMsg, lambda k, o: setattr(k.udp, "initmsg", o), {}),
    (sctpx.PeerAddrParams, lambda k, o: k.udp.set_paddrparams(o), {}),
    (sctpx.PeerAddrThresholds, lambda k, o: k.udp.set_paddrthlds(o), {}),
    (sctpx.DefaultPrInfo, lambda k, o: setattr(k.udp, "default_prinfo", o), {}),
]
_CTYPE_OF = {
    sctpx.RtoInfo: _lib.sctpx_rtoinfo,
    sctpx.AssocParams: _lib.sctpx_assocparams,
    sctpx.SackInfo: _lib.sctpx_sack_info,
    sctpx.InitMsg: _lib.sctpx_initmsg,
    sctpx.PeerAddrParams: _lib.sctpx_paddrparams,
    sctpx.PeerAddrThresholds: _lib.sctpx_paddrthlds,
    sctpx.DefaultPrInfo: _lib.sctpx_default_prinfo,
}
_PYSCTP: Dict[Any, Tuple[Callable[[Any, Any], Any], type, Dict[str, str]]] = {
    sctpx.RtoInfo: (lambda k, o: k.py_udp.set_rtoinfo(o), pysctp.rtoinfo, {}),
    sctpx.AssocParams: (
        lambda k, o: k.py_udp.set_assocparams(o),
        pysctp.assocparams,
        {"max_retrans": "assocmaxrxt", "peer_destinations": "number_peer_destinations"},
    ),
    sctpx.PeerAddrParams: (lambda k, o: k.py_udp.set_paddrparams(o), pysctp.paddrparams, {}),
}
for _cls, _set, _ in _SETTERS:
    _ctype = _CTYPE_OF[_cls]
    for _field in _lib.struct_fields(_ctype):
        _key = "%s.%s" % (_ctype.__name__, _field)
        if isinstance(MAPPING.get(_key), str):
            continue
        _calls: List[Call] = [lambda k, v, s=_set, c=_cls, f=_field: s(k, c(**{f: v}))]
        if _cls in _PYSCTP:
            _py_set, _py_cls, _renamed = _PYSCTP[_cls]
            _py_field = _renamed.get(_field, _field)
            if hasattr(_py_cls(), _py_field):
                _calls.append(lambda k, v, s=_py_set, c=_py_cls, f=_py_field: s(k, _pysctp_record(c, f)(v)))
        MAPPING[_key] = _calls
for _field in _lib.struct_fields(_lib.sctpx_initmsg):
    MAPPING["sctpx_initmsg.%s" % _field].append(_setattr("py_initparams", _field))  # type: ignore[union-attr]

# The handle parameter of every other function.
for _name, (_, _params) in _lib.FUNCTIONS.items():
    if ("h", _lib.sctpx_handle) in _params and "%s(h)" % _name not in MAPPING:
        MAPPING["%s(h)" % _name] = HANDLE


def test_every_integer_slot_of_the_c_api_is_mapped():
    slots = integer_slots()
    assert len(slots) >= 140  # the walk found them all (144 when written)
    assert sorted(set(slots) - set(MAPPING)) == [], "integer slots with no public call or reason"
    assert sorted(set(MAPPING) - set(slots)) == [], "mapped slots the C API no longer has"
    assert [k for k, calls in MAPPING.items() if calls == []] == []


# --- the fake C library --------------------------------------------------------------------------


class FakeC:
    """Every C function replaced: before ``armed``, each returns 0 (sctpx_kind the kind of
    the fake handle) and leaves its out-arguments zero; once armed, each call is recorded
    and fails the test."""

    def __init__(self, monkeypatch: pytest.MonkeyPatch) -> None:
        self.mp = monkeypatch
        self.armed = False
        self.reached: List[str] = []
        for name in _lib.FUNCTIONS:
            monkeypatch.setattr(_lib.lib, name, self._function(name))
        for name in _lib.fast.NAMES:
            monkeypatch.setattr(_lib.fast, name, self._function(name))

    def _function(self, name: str) -> Callable[..., int]:
        def call(*args: Any) -> int:
            if self.armed:
                self.reached.append(name)
                raise AssertionError("%s%r reached C" % (name, args))
            if name == "sctpx_kind":
                return sctpx.KIND_ONE_TO_MANY if args[0] == ONE_TO_MANY else sctpx.KIND_ONE_TO_ONE
            return 0

        return call


@pytest.fixture
def fake() -> Iterator[SimpleNamespace]:
    """Sockets over fake handles of every public kind, then every C function armed."""
    with pytest.MonkeyPatch.context() as mp:
        c = FakeC(mp)
        udp = core.Socket(ONE_TO_MANY, socket.AF_INET6)
        tcp = core.Socket(ONE_TO_ONE, socket.AF_INET6)
        udp._nonblock = tcp._nonblock = False
        loop = asyncio.new_event_loop()
        k = SimpleNamespace(
            c=c,
            udp=udp,
            tcp=tcp,
            py_udp=pysctp.sctpsocket_udp(socket.AF_INET6, udp),
            aio=sctpx.aio.AsyncSocket(core.Socket(ONE_TO_MANY, socket.AF_INET6), loop),
            run=loop.run_until_complete,
        )
        k.py_initparams = k.py_udp.initparams
        c.armed = True
        yield k
        c.armed = False
        loop.close()
        for s in (udp, tcp, k.aio.sock):
            s._closed = True  # their handles are fake: nothing to close


# --- out of range and wrong type, in every mapped call -------------------------------------------

CASES = [
    pytest.param(key, i, id="%s-%d" % (key, i))
    for key, calls in MAPPING.items()
    if not isinstance(calls, str)
    for i in range(len(calls))
]


_slot_range = functools.lru_cache(maxsize=None)(lambda key: integer_slots()[key])


@pytest.mark.parametrize("key,index", CASES)
def test_a_value_one_past_either_end_of_its_c_type_raises_overflow_and_reaches_no_c(fake, key, index):
    call = MAPPING[key][index]  # type: ignore[index]
    t = _slot_range(key)
    for v in (t.lo - 1, t.hi + 1):
        with pytest.raises(OverflowError) as info:
            call(fake, v)
        assert isinstance(info.value, sctpx.InvalidArgumentError)
        assert fake.c.reached == []


@pytest.mark.parametrize("key,index", CASES)
def test_a_float_where_an_integer_goes_raises_type_error_and_reaches_no_c(fake, key, index):
    call = MAPPING[key][index]  # type: ignore[index]
    for v in (1.0, "1") if getattr(call, "none_is_default", False) else (1.0, "1", None):
        with pytest.raises(TypeError):
            call(fake, v)
        assert fake.c.reached == []


# --- the other numbers and the bytes -------------------------------------------------------------

ADDRESS_CALLS: List[Call] = [
    lambda k, a: k.udp.bind(a),
    lambda k, a: k.udp.bindx([ADDR, a]),
    lambda k, a: k.tcp.connect(a),
    lambda k, a: k.udp.connectx([ADDR, a]),
    lambda k, a: k.udp.send(b"x", to=a),
    lambda k, a: k.udp.send_batch([sctpx.SendMsg(b"x", to=a)]),
    lambda k, a: k.udp.set_primary(a),
    lambda k, a: k.udp.get_paddrinfo(a),
    lambda k, a: k.udp.set_paddrparams(sctpx.PeerAddrParams(address=a)),
    lambda k, a: k.py_udp.sctp_send(b"x", to=a, ppid=0),
]


@pytest.mark.parametrize("call", ADDRESS_CALLS)
@pytest.mark.parametrize(
    "addr",
    [("::1", -1), ("::1", 65536), ("::1", 1, -1, 0), ("::1", 1, 2**32, 0), ("::1", 1, 0, -1), ("::1", 1, 0, 2**32)],
)
def test_an_out_of_range_address_number_raises_overflow_and_reaches_no_c(fake, call, addr):
    # port is a uint16 (sin6_port), flowinfo and scope_id uint32 (sin6_flowinfo, sin6_scope_id).
    with pytest.raises(OverflowError):
        call(fake, addr)
    assert fake.c.reached == []


@pytest.mark.parametrize("addr", [("::1", 1.0), ("::1", "80"), (None, 80), (123, 80), ("::1", 1, 0.5, 0)])
def test_an_address_of_the_wrong_types_raises_type_error_and_reaches_no_c(fake, addr):
    with pytest.raises(TypeError):
        fake.udp.bind(addr)
    assert fake.c.reached == []


MESSAGE_CALLS: List[Call] = [
    lambda k, d: k.udp.send(d),
    lambda k, d: k.udp.send_stream(d),
    lambda k, d: k.udp.send_batch([d]),
    lambda k, d: k.udp.send_batch([sctpx.SendMsg(d)]),
    lambda k, d: k.run(k.aio.send(d)),
    lambda k, d: k.run(k.aio.send_stream(d)),
    lambda k, d: k.py_udp.sctp_send(d, ppid=0),
]


@pytest.mark.parametrize("call", MESSAGE_CALLS)
@pytest.mark.parametrize("data", [123, 0, [1, 2], (1,), None, 1.5], ids=repr)
def test_a_message_that_is_not_bytes_like_raises_type_error_and_reaches_no_c(fake, call, data):
    with pytest.raises(TypeError):
        call(fake, data)
    assert fake.c.reached == []


@pytest.mark.parametrize("data", [bytearray(b"ab\x00c"), memoryview(b"ab\x00c"), array.array("B", b"ab\x00c")], ids=repr)
def test_every_buffer_is_sent_as_its_bytes(fake, data):
    seen = []
    fake.c.mp.setattr(_lib.fast, "sctpx_send_stream", lambda h, a, s, p, buf, n: seen.append((buf, n.value)) or n.value)
    assert fake.udp.send_stream(data) == 4
    assert seen == [(b"ab\x00c", 4)]


def test_a_batch_that_is_a_bytes_object_is_refused_not_sent_as_one_message_per_byte(fake):
    with pytest.raises(TypeError):
        fake.udp.send_batch(b"ab")
    assert fake.c.reached == []


@pytest.mark.parametrize("timeout", ["1", [1]])
def test_a_timeout_that_is_not_a_number_raises_type_error_and_reaches_no_c(fake, timeout):
    for call in (fake.udp.next_event, fake.udp.recv_batch, fake.tcp.next_event):
        with pytest.raises(TypeError):
            call(timeout=timeout)
    assert fake.c.reached == []


@pytest.mark.parametrize("timeout", [-1, -0.001, math.nan, math.inf])
def test_a_negative_or_infinite_timeout_raises_value_error_and_reaches_no_c(fake, timeout):
    for call in (fake.udp.next_event, fake.udp.recv_batch):
        with pytest.raises(ValueError):
            call(timeout=timeout)
    assert fake.c.reached == []


@pytest.mark.parametrize("call", [lambda k: k.udp.next_event(bufsize=0), lambda k: k.udp.recv_batch(count=0), lambda k: k.udp.recv_batch(bufsize=0)])
def test_a_receive_of_zero_events_or_zero_bytes_raises_value_error_and_reaches_no_c(fake, call):
    with pytest.raises(ValueError):
        call(fake)
    assert fake.c.reached == []


@pytest.mark.parametrize(
    "setter",
    [
        lambda k: setattr(k.udp, "rtoinfo", sctpx.AssocParams()),
        lambda k: setattr(k.udp, "assocparams", None),
        lambda k: setattr(k.udp, "delayed_sack", {"delay": 1}),
        lambda k: setattr(k.udp, "default_send_info", sctpx.SackInfo()),
        lambda k: setattr(k.udp, "initmsg", (10, 10, 0, 0)),
        lambda k: k.udp.set_paddrparams(sctpx.RtoInfo()),
    ],
)
def test_a_structured_option_of_another_type_raises_type_error_and_reaches_no_c(fake, setter):
    # Any object would otherwise set nothing (0 leaves a value unchanged) and succeed.
    with pytest.raises(TypeError):
        setter(fake)
    assert fake.c.reached == []


def test_an_out_of_range_initparams_value_is_refused_when_set_and_not_kept(fake):
    fake.py_initparams.autoflush = False
    with pytest.raises(OverflowError):
        fake.py_initparams.num_ostreams = 70000
    assert fake.py_initparams.num_ostreams == 0
    assert fake.c.reached == []


def test_pysctp_refuses_an_unknown_socket_style():
    with pytest.raises(ValueError):
        pysctp.sctpsocket(socket.AF_INET, 99, None)
    with pytest.raises(TypeError):
        pysctp.sctpsocket(socket.AF_INET, "tcp", None)


def test_a_bool_is_an_integer_as_everywhere_in_python(fake):
    sent = []
    fake.c.mp.setattr(_lib.fast, "sctpx_send_stream", lambda h, a, s, p, buf, n: sent.append((a, s, p)) or 1)
    fake.udp.send_stream(b"x", True, False, True)
    assert sent == [(1, 1, 0)] and all(type(v) is int for v in sent[0])


# --- the cases a probe found, on real associations (SCTP) ---------------------------------------


def assert_first_to_arrive(sender: sctpx.Socket, receiver: sctpx.Socket, **send_params: Any) -> None:
    """Nothing was sent before: a message sent now is the next to arrive."""
    sender.send(b"first", **send_params)
    assert next_data(receiver).data == b"first"


def test_send_of_an_int_raises_type_error_and_sends_nothing(pair):
    cli, srv = pair
    with pytest.raises(TypeError):
        cli.send(123)  # bytes(123) is 123 zero bytes
    assert_first_to_arrive(cli, srv)


def test_send_stream_of_an_int_or_a_list_raises_type_error_and_sends_nothing(pair):
    cli, srv = pair
    with pytest.raises(TypeError):
        cli.send_stream(0, [1, 2])
    with pytest.raises(TypeError):
        cli.send_stream([1, 2])  # bytes([1, 2]) is b"\x01\x02"
    assert_first_to_arrive(cli, srv)


def test_send_batch_of_an_int_raises_type_error_and_sends_nothing(pair):
    cli, srv = pair
    with pytest.raises(TypeError):
        cli.send_batch([b"ok", 123])
    assert_first_to_arrive(cli, srv)


@pytest.fixture
def udp_assoc(udp_server):
    """(client, server, the server's id of their association), one-to-many on both sides."""
    with sctpx.open_udp(socket.AF_INET) as cli:
        cli.send(b"hello", to=(LOOPBACK, port_of(udp_server)))
        aid = next_data(udp_server).assoc_id
        yield cli, udp_server, aid


def test_send_on_an_assoc_id_beyond_32_bits_raises_overflow_and_delivers_nothing(udp_assoc):
    cli, srv, aid = udp_assoc
    with pytest.raises(OverflowError):
        srv.send(b"wrapped", assoc_id=aid + 2**32)  # ctypes made this association aid
    with pytest.raises(OverflowError):
        srv.send_stream(b"wrapped", 0, 0, aid + 2**32)
    with pytest.raises(OverflowError):
        srv.send_batch([sctpx.SendMsg(b"wrapped", assoc_id=aid + 2**32)])
    assert_first_to_arrive(srv, cli, assoc_id=aid)


def test_get_status_of_an_assoc_id_beyond_32_bits_raises_overflow(udp_assoc):
    _, srv, aid = udp_assoc
    assert srv.association(aid).status.assoc_id == aid
    with pytest.raises(OverflowError):
        srv.association(aid + 2**32).status


def test_linger_of_two_to_the_64_raises_overflow_and_leaves_linger_as_it_was():
    with sctpx.open_tcp(socket.AF_INET) as s:
        s.linger = 5
        with pytest.raises(OverflowError):
            s.linger = 2**64  # wrapped, it was 0: abort on close
        assert s.linger == 5


def test_initmsg_with_70000_outbound_streams_raises_overflow_and_leaves_initmsg_as_it_was():
    with sctpx.open_tcp(socket.AF_INET) as s:
        before = s.initmsg
        with pytest.raises(OverflowError):
            s.initmsg = sctpx.InitMsg(num_ostreams=70000, max_instreams=10)  # wrapped: 4464
        assert s.initmsg == before


def test_sndbuf_beyond_int64_raises_overflow_and_leaves_sndbuf_as_it_was():
    with sctpx.open_tcp(socket.AF_INET) as s:
        before = s.sndbuf
        with pytest.raises(OverflowError):
            s.sndbuf = 2**64 + 4096  # wrapped: 4096
        assert s.sndbuf == before
