"""cffi in ABI mode over include/sctpx_cffi.h, used as the README shows: the declarations handed
to ``FFI.cdef()`` unmodified, the library opened with ``ffi.dlopen``, no C compiler involved.

The declarations are checked against the header (every function, every integer constant) and
against the ctypes mirror, whose layouts tests/test_header.py checks against the C compiler;
then a message crosses a real association (kernel SCTP: these run in the test VM).
"""

from __future__ import annotations

import contextlib
import ctypes
import os
import socket
import struct
from typing import Any, Iterator, Tuple

import cffi
import pytest

from sctpx import _lib

from conftest import LOOPBACK, REPO, TIMEOUT
from test_header import parse_defines, parse_functions, parse_structs

CDEF = os.path.join(REPO, "include", "sctpx_cffi.h")
SOCKADDR_IN_LEN = 16  # sizeof(struct sockaddr_in)


@pytest.fixture(scope="module")
def ffi() -> cffi.FFI:
    ffi = cffi.FFI()
    with open(CDEF) as f:
        ffi.cdef(f.read())
    return ffi


@pytest.fixture(scope="module")
def lib(ffi: cffi.FFI) -> Any:
    # The library the package itself loaded: target/release/libsctpx.so in this tree.
    return ffi.dlopen(_lib.path)


def test_every_header_function_is_declared_and_resolves_in_the_library(ffi, lib):
    functions = parse_functions()
    assert len(functions) >= 50  # the parser found them all (54 when written)
    for name, (_, params) in functions.items():
        declared = ffi.typeof(getattr(lib, name))  # the symbol lookup itself: dlsym
        assert declared.kind == "function", name
        assert len(declared.args) == len(params), name


def test_every_integer_constant_of_the_header_has_its_value(lib):
    integers = {name: value for name, value in parse_defines().items() if isinstance(value, int)}
    assert len(integers) >= 78
    assert {name: getattr(lib, name, None) for name in integers} == integers


def test_struct_layouts_are_those_the_c_compiler_gives(ffi):
    # ctypes' layouts are the C compiler's (test_header.py compiles a C program to check them).
    for name, fields in parse_structs().items():
        mirror = getattr(_lib, name)
        assert ffi.sizeof(name) == ctypes.sizeof(mirror), name
        assert ffi.alignof(name) == ctypes.alignment(mirror), name
        for field, _ in fields:
            assert ffi.offsetof(name, field) == getattr(mirror, field).offset, (name, field)
    assert (ffi.sizeof("struct sockaddr_storage"), ffi.alignof("struct sockaddr_storage")) == (128, 8)
    assert ffi.sizeof("socklen_t") == 4


# --- a message on a real association ---------------------------------------------------------


def ok(ffi: cffi.FFI, lib: Any, rc: int) -> int:
    """``rc`` when it is no error code, else an AssertionError with sctp_strerror's words."""
    if rc < 0:
        msg = ffi.new("char[]", 128)
        lib.sctpx_strerror(rc, msg, 128)
        raise AssertionError("code %d: %s" % (rc, ffi.string(msg).decode()))
    return rc


def sockaddr_in(ffi: cffi.FFI, host: str, port: int) -> Tuple[Any, int]:
    """``struct sockaddr_in`` for host:port, as the ``struct sockaddr *`` sctpx takes."""
    addr = ffi.new("struct sockaddr_storage *")
    packed = struct.pack("=H", socket.AF_INET) + struct.pack("!H", port) + socket.inet_aton(host)
    ffi.memmove(addr, packed, len(packed))
    return ffi.cast("struct sockaddr *", addr), SOCKADDR_IN_LEN


def port_of(ffi: cffi.FFI, lib: Any, handle: int) -> int:
    out = ffi.new("struct sockaddr_storage[1]")
    assert ok(ffi, lib, lib.sctpx_getladdrs(handle, 0, out, 1)) >= 1
    assert out[0].ss_family == socket.AF_INET
    return struct.unpack("!H", ffi.buffer(out)[2:4])[0]


@contextlib.contextmanager
def opened(ffi: cffi.FFI, lib: Any) -> Iterator[int]:
    """A one-to-one IPv4 handle, closed at the end."""
    out = ffi.new("sctpx_handle *")
    ok(ffi, lib, lib.sctpx_open_tcp(lib.SCTPX_AF_INET, out))
    try:
        yield out[0]
    finally:
        assert lib.sctpx_close(out[0]) == lib.SCTPX_OK


def test_abi_mode_sends_and_receives_a_message_on_a_real_association(ffi, lib):
    with opened(ffi, lib) as srv, opened(ffi, lib) as cli:
        ok(ffi, lib, lib.sctpx_bind(srv, *sockaddr_in(ffi, LOOPBACK, 0)))
        ok(ffi, lib, lib.sctpx_listen(srv, 1))
        ok(ffi, lib, lib.sctpx_connect(cli, *sockaddr_in(ffi, LOOPBACK, port_of(ffi, lib, srv))))
        accepted = ffi.new("sctpx_handle *")
        ok(ffi, lib, lib.sctpx_accept(srv, accepted, ffi.NULL, ffi.NULL))
        try:
            payload = b"hello over cffi"
            sent = lib.sctpx_send_stream(cli, 0, 1, 42, payload, len(payload))
            assert sent == len(payload)

            event = ffi.new("sctpx_event *")
            buf = ffi.new("uint8_t[]", 256)
            got = ok(ffi, lib, lib.sctpx_next_event(accepted[0], event, buf, 256, int(TIMEOUT * 1000)))
            assert (event.kind, got, event.len) == (lib.SCTPX_EVENT_DATA, len(payload), len(payload))
            assert ffi.buffer(buf, got)[:] == payload
            assert (event.stream, event.ppid) == (1, 42)
            assert event.flags & lib.SCTPX_EVENT_FLAG_COMPLETE
            source = ffi.buffer(ffi.addressof(event, "from"), SOCKADDR_IN_LEN)[:]
            assert source[:4] == struct.pack("=H", socket.AF_INET) + struct.pack("!H", port_of(ffi, lib, cli))
        finally:
            assert lib.sctpx_close(accepted[0]) == lib.SCTPX_OK
