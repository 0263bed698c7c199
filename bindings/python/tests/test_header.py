"""The ctypes mirror (sctpx/_lib.py) against the C contract (include/sctpx.h).

The header is parsed here; every constant, struct field and prototype must be declared in
Python exactly as in C, and a C program compiled against the header checks every
struct's size and field offsets against ctypes. These tests need no SCTP.
"""

from __future__ import annotations

import ctypes
import os
import re
import socket
import struct
import subprocess
import sys

import pytest

import sctpx
from sctpx import _lib, constants

from conftest import REPO

HEADER = os.path.join(REPO, "include", "sctpx.h")


def _source() -> str:
    with open(HEADER) as f:
        text = f.read()
    return re.sub(r"/\*.*?\*/", "", text, flags=re.S)


def _code() -> str:
    """The declarations: no comments, no preprocessor lines."""
    return re.sub(r"^#[^\n]*", "", re.sub(r"//[^\n]*", "", _source()), flags=re.M)


def parse_defines() -> dict:
    out = {}
    for name, value in re.findall(r"^#define\s+(SCTPX_\w+)\s+(.+?)\s*$", _source(), re.M):
        if name == "SCTPX_H":
            continue
        out[name] = value[1:-1] if value.startswith('"') else int(value, 0)
    return out


def parse_typedefs() -> dict:
    return dict((name, ctype) for ctype, name in re.findall(r"typedef\s+(\w+)\s+(\w+)\s*;", _code()))


def parse_structs() -> dict:
    structs = {}
    for body, name in re.findall(r"typedef\s+struct\s*\{(.*?)\}\s*(\w+)\s*;", _code(), re.S):
        fields = []
        for decl in body.split(";"):
            decl = " ".join(decl.split())
            if decl:
                m = re.match(r"(.*?[\s*])(\w+)$", decl)
                assert m, decl
                ctype, fname = m.groups()
                fields.append((fname, ctype.strip()))
        structs[name] = fields
    return structs


def parse_functions() -> dict:
    code = _code()
    body = code[code.index('extern "C" {') + len('extern "C" {') :]
    funcs = {}
    for ret, name, params in re.findall(r"([\w\s*]+?)\s*\b(\w+)\(([^)]*)\);", body):
        args = []
        for p in params.split(","):
            p = " ".join(p.split())
            if p and p != "void":
                m = re.match(r"(.*?[\s*])(\w+)$", p)
                assert m, p
                args.append((m.group(2), m.group(1).strip()))
        funcs[name] = (" ".join(ret.split()), args)
    return funcs


SCALARS = {
    "void": None,
    "int32_t": ctypes.c_int32,
    "int64_t": ctypes.c_int64,
    "uint8_t": ctypes.c_uint8,
    "uint16_t": ctypes.c_uint16,
    "uint32_t": ctypes.c_uint32,
    "uint64_t": ctypes.c_uint64,
    "size_t": ctypes.c_size_t,
    "socklen_t": ctypes.c_uint32,
}


def expected_ctype(ctype: str):
    """The ctypes type a C type must be declared as."""
    ctype = ctype.replace("const ", "").strip()
    if ctype.endswith("*"):
        inner = ctype[:-1].strip()
        if inner in ("char", "uint8_t"):
            return ctypes.c_char_p  # byte buffers: see _lib.byte_ptr
        return ctypes.POINTER(expected_ctype(inner))
    if ctype in SCALARS:
        return SCALARS[ctype]
    if ctype.startswith("struct "):
        return getattr(_lib, ctype[len("struct ") :])
    target = parse_typedefs().get(ctype)
    if target is not None:
        return SCALARS[target]
    return getattr(_lib, ctype)


def header_constants() -> dict:
    """The header's constants by their Python name (SCTPX_ dropped)."""
    return {name[len("SCTPX_") :]: value for name, value in parse_defines().items()}


def test_every_header_constant_is_in_the_package_with_the_same_value():
    expected = header_constants()
    assert len(expected) >= 78  # the parser found them all (78 when written)
    assert {n: getattr(constants, n, None) for n in expected} == expected
    assert {n: getattr(sctpx, n, None) for n in expected} == expected


def test_the_constants_module_has_nothing_the_header_lacks():
    ours = {n for n in vars(constants) if n.isupper()}
    assert ours == set(header_constants())


def test_typedefs_match():
    typedefs = parse_typedefs()
    assert typedefs == {"sctpx_handle": "uint64_t", "sctpx_assoc_id": "int32_t"}
    for name, target in typedefs.items():
        assert getattr(_lib, name) is SCALARS[target]


def test_every_struct_has_the_header_fields_in_order_with_their_types():
    structs = parse_structs()
    assert len(structs) >= 18  # the parser found them all (18 when written)
    for name, fields in structs.items():
        cls = getattr(_lib, name)
        declared = [(f[0], f[1]) for f in cls._fields_]
        assert [f for f, _ in declared] == [f for f, _ in fields], name
        for (fname, ctype), (_, pytype) in zip(fields, declared):
            assert pytype == expected_ctype(ctype), "%s.%s" % (name, fname)


def test_every_function_is_declared_with_the_header_prototype():
    funcs = parse_functions()
    assert len(funcs) >= 40  # the parser found them all (40 when written)
    assert list(_lib.FUNCTIONS) == list(funcs)
    for name, (ret, args) in funcs.items():
        restype, params = _lib.FUNCTIONS[name]
        assert restype == expected_ctype(ret), name
        assert params == [(pname, expected_ctype(a)) for pname, a in args], name


def test_loaded_functions_carry_the_declared_types():
    for name, (restype, params) in _lib.FUNCTIONS.items():
        fn = getattr(_lib.lib, name)
        assert (fn.restype, fn.argtypes) == (restype, [t for _, t in params]), name


# The system's address structs that _lib describes for the bindings' own packing (_addr.py).
SYSTEM_STRUCTS = {"sockaddr_in": "struct sockaddr_in", "sockaddr_in6": "struct sockaddr_in6"}


def test_struct_layouts_match_the_c_compiler(tmp_path):
    structs = parse_structs()
    system = {name: [(f[0], None) for f in getattr(_lib, name)._fields_] for name in SYSTEM_STRUCTS}
    lines = ["#include <stdio.h>", "#include <stddef.h>", "#include <netinet/in.h>", '#include "sctpx.h"']
    lines.append("int main(void) {")
    for name, fields in list(structs.items()) + list(system.items()):
        ctype = SYSTEM_STRUCTS.get(name, name)
        lines.append('printf("%s %%zu\\n", sizeof(%s));' % (name, ctype))
        for fname, _ in fields:
            lines.append('printf("%s.%s %%zu\\n", offsetof(%s, %s));' % (name, fname, ctype, fname))
    lines += ['printf("sockaddr_storage %zu\\n", sizeof(struct sockaddr_storage));', "return 0; }"]
    src = tmp_path / "layout.c"
    src.write_text("\n".join(lines))
    exe = tmp_path / "layout"
    subprocess.run(["cc", "-I", os.path.dirname(HEADER), "-o", str(exe), str(src)], check=True)
    c_layout = dict(line.split() for line in subprocess.check_output([str(exe)], text=True).splitlines())

    py_layout = {"sockaddr_storage": str(ctypes.sizeof(_lib.sockaddr_storage))}
    for name, fields in list(structs.items()) + list(system.items()):
        cls = getattr(_lib, name)
        py_layout[name] = str(ctypes.sizeof(cls))
        for fname, _ in fields:
            py_layout["%s.%s" % (name, fname)] = str(getattr(cls, fname).offset)
    assert py_layout == c_layout


def test_struct_format_reads_back_what_ctypes_wrote():
    # The one-call formats (sctpx_send_msg in send_batch, sockaddr_in6 in _addr) are made
    # from the ctypes description: every field, nested ones included, at its ctypes offset.
    msg = _lib.sctpx_send_msg(
        len=2,
        info=_lib.sctpx_send_info(stream=3, flags=4, ppid=5, context=6, assoc_id=-7, pr_policy=8, reserved=9, pr_value=10),
        to_len=11,
    )
    fmt = _lib.struct_format(_lib.sctpx_send_msg)
    assert struct.calcsize(fmt) == ctypes.sizeof(_lib.sctpx_send_msg)
    assert struct.unpack(fmt, bytes(msg)) == (0, 2, 3, 4, 5, 6, -7, 8, 9, 10, 0, 11)
    sin6 = _lib.sockaddr_in6(sin6_family=10, sin6_port=12, sin6_flowinfo=13, sin6_addr=b"\x01" * 16, sin6_scope_id=14)
    assert struct.unpack(_lib.struct_format(_lib.sockaddr_in6), bytes(sin6)) == (10, 12, 13, b"\x01" * 16, 14)


def test_addresses_are_laid_out_as_the_kernel_reads_them():
    # sockaddr_in6 per <netinet/in.h>: family in host order, port and flow label in network
    # order, the address, the scope id in host order; and back.
    from sctpx import _addr

    st, n = _addr.to_storage(("fe80::1", 0x1234, 5, 7), socket.AF_INET6)
    raw = bytes(st)[:n]
    assert n == 28
    assert raw == struct.pack("=H", socket.AF_INET6) + b"\x12\x34" + struct.pack("!I", 5) + socket.inet_pton(
        socket.AF_INET6, "fe80::1"
    ) + struct.pack("=I", 7)
    assert _addr.from_raw(raw) == ("fe80::1", 0x1234, 5, 7)
    st, n = _addr.to_storage(("10.1.2.3", 80), socket.AF_INET)
    assert bytes(st)[:n] == struct.pack("=H", socket.AF_INET) + b"\x00\x50\x0a\x01\x02\x03" + bytes(8)
    assert _addr.from_raw(bytes(st)[:28]) == ("10.1.2.3", 80)


def test_generated_binding_lists_are_what_the_header_makes():
    # tools/gen-bindings writes constants.py, the Option members and Socket properties and
    # Go's Opt* constants from the header; --check fails when any differs.
    gen = subprocess.run([sys.executable, os.path.join(REPO, "tools", "gen-bindings"), "--check"], capture_output=True, text=True)
    assert gen.returncode == 0, gen.stderr


def test_version_is_the_header_version():
    assert sctpx.version() == header_constants()["VERSION_STRING"] == sctpx.__version__


def test_the_per_message_fast_calls_are_header_functions_returning_int32():
    # _lib.fast re-declares these without argtypes; each must be a header function whose
    # declared prototype returns int32_t like the fast one.
    for name in _lib.fast.NAMES:
        assert _lib.FUNCTIONS[name][0] is ctypes.c_int32
        assert getattr(_lib.fast, name).restype is ctypes.c_int32
        assert getattr(_lib.fast, name).argtypes is None


def test_the_checked_calls_type_annotations_name_every_declared_function():
    # mypy sees _lib.checked only through these annotations: one missing would make a call
    # of that function a type error, one left over would let mypy pass a call that fails.
    assert list(_lib._Checked.__annotations__) == list(_lib.FUNCTIONS)


def test_the_fast_calls_type_annotations_name_every_fast_call():
    assert list(_lib._Fast.__annotations__) == list(_lib.fast.NAMES)
