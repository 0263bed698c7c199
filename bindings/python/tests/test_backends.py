"""Backends: which SCTP a socket runs on, which ones this machine has, the process default,
and the userspace backend's UDP ports.

The userspace stack is one per process and keeps its first local UDP port for good, so the
tests that start it (or set its ports) each run in a fresh interpreter (``isolated``), on a
local UDP port nothing else uses. Those need libusrsctp.so.2 (a dependency of the test
harness): without it they fail, they do not skip. There they drop root first, as tests/c/codes.c does: run
as root, usrsctp also opens raw SCTP sockets, which in the VM would see the kernel SCTP
traffic of the other tests. The rest asks the library only, in this process, and holds on
any machine: with or without kernel SCTP, with or without libusrsctp.
"""

from __future__ import annotations

import ctypes
import os
import socket
import subprocess
import sys
import textwrap

import pytest

import sctpx

from conftest import PACKAGE_ROOT

# What every isolated snippet starts with: the imports (the interpreter may live where only
# root can read), then root dropped, then a free local UDP port for the stack, and
# connected_pair(): (client, listener) of one userspace one-to-one association, both ports
# the stack's own (one stack: a socket reaches another of this process only through it).
PROLOGUE = """
import errno, os, socket, sys
import sctpx
if os.geteuid() == 0:
    os.setgid(65534)
    os.setuid(65534)
def free_udp_port():
    with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as u:
        u.bind(("0.0.0.0", 0))
        return u.getsockname()[1]
def connected_pair(port):
    sctpx.set_udp_port(port)
    sctpx.set_udp_remote_port(port)
    U = sctpx.BACKEND_USERSPACE
    srv = sctpx.open_tcp(socket.AF_INET, backend=U)
    cli = sctpx.open_tcp(socket.AF_INET, backend=U)
    srv.bind(("127.0.0.1", 0))
    srv.listen()
    cli.connect(("127.0.0.1", srv.local_addrs()[0][1]))
    return cli, srv
"""


def isolated(code: str, **env: str) -> list[str]:
    """Runs PROLOGUE + ``code`` in a fresh interpreter, with no SCTPX_* environment but
    ``env`` (and SCTPX_LIBRARY, which says which library is under test): its printed lines."""
    e = {k: v for k, v in os.environ.items() if not k.startswith("SCTPX_") or k == "SCTPX_LIBRARY"}
    e["PYTHONPATH"] = PACKAGE_ROOT
    e.update(env)
    r = subprocess.run(
        [sys.executable, "-c", PROLOGUE + textwrap.dedent(code)],
        env=e,
        capture_output=True,
        text=True,
        timeout=60,
        check=False,
    )
    assert r.returncode == 0, r.stderr
    return r.stdout.split()


def kernel_has_sctp() -> bool:
    """What the kernel says to an SCTP socket, asked without sctpx."""
    try:
        socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, socket.IPPROTO_SCTP).close()
    except OSError:
        return False
    return True


def usrsctp_loads() -> bool:
    """Whether the dynamic loader finds libusrsctp.so.2, asked without sctpx."""
    try:
        ctypes.CDLL("libusrsctp.so.2")
    except OSError:
        return False
    return True


# --- what the machine has ----------------------------------------------------------------------


def test_the_kernel_backend_is_available_exactly_when_the_kernel_opens_sctp_sockets():
    assert sctpx.backend_available(sctpx.BACKEND_KERNEL) == kernel_has_sctp()


def test_the_userspace_backend_is_available_exactly_when_libusrsctp_loads():
    assert sctpx.backend_available(sctpx.BACKEND_USERSPACE) == usrsctp_loads()


def test_auto_is_available_when_either_backend_is():
    assert sctpx.backend_available(sctpx.BACKEND_AUTO) == (kernel_has_sctp() or usrsctp_loads())


def test_the_kernel_backend_gives_a_kernel_socket_or_backend_unavailable_as_the_kernel_has_sctp():
    if kernel_has_sctp():
        with sctpx.open_tcp(socket.AF_INET, backend=sctpx.BACKEND_KERNEL) as s:
            assert s.backend == sctpx.BACKEND_KERNEL
    else:
        with pytest.raises(sctpx.BackendUnavailableError) as info:
            sctpx.open_tcp(socket.AF_INET, backend=sctpx.BACKEND_KERNEL)
        assert info.value.code == sctpx.ERR_BACKEND_UNAVAILABLE


@pytest.mark.parametrize("backend", [-1, 3])
def test_an_unknown_backend_number_raises_invalid_argument_everywhere(backend):
    for call in (
        lambda: sctpx.backend_available(backend),
        lambda: sctpx.set_default_backend(backend),
        lambda: sctpx.open_tcp(socket.AF_INET, backend=backend),
        lambda: sctpx.open_udp(socket.AF_INET, backend=backend),
    ):
        with pytest.raises(sctpx.InvalidArgumentError):
            call()


@pytest.mark.parametrize("port", [0, -1, 65536])
def test_a_udp_port_outside_1_to_65535_raises_invalid_argument_and_changes_nothing(port):
    before = (sctpx.udp_port(), sctpx.udp_remote_port())
    with pytest.raises(sctpx.InvalidArgumentError):
        sctpx.set_udp_port(port)
    with pytest.raises(sctpx.InvalidArgumentError):
        sctpx.set_udp_remote_port(port)
    assert (sctpx.udp_port(), sctpx.udp_remote_port()) == before


# --- the process default -----------------------------------------------------------------------


def test_the_default_backend_is_auto_without_sctpx_backend():
    assert isolated("print(sctpx.default_backend())") == [str(sctpx.BACKEND_AUTO)]


def test_the_default_backend_follows_the_sctpx_backend_environment_variable():
    out = isolated("print(sctpx.default_backend())", SCTPX_BACKEND="userspace")
    assert out == [str(sctpx.BACKEND_USERSPACE)]


def test_set_default_backend_overrides_the_environment_variable():
    code = "sctpx.set_default_backend(sctpx.BACKEND_AUTO); print(sctpx.default_backend())"
    assert isolated(code, SCTPX_BACKEND="kernel") == [str(sctpx.BACKEND_AUTO)]


def test_sockets_opened_without_a_backend_take_the_default_set():
    out = isolated(
        """
        sctpx.set_udp_port(free_udp_port())
        sctpx.set_default_backend(sctpx.BACKEND_USERSPACE)
        with sctpx.open_tcp(socket.AF_INET) as t, sctpx.open_udp(socket.AF_INET) as u:
            print(t.backend, u.backend)
        """
    )
    assert out == [str(sctpx.BACKEND_USERSPACE)] * 2


# --- the userspace backend's UDP ports ---------------------------------------------------------


def test_the_local_udp_port_is_9899_unless_set():
    assert isolated("print(sctpx.udp_port())") == ["9899"]


def test_the_local_udp_port_follows_sctpx_udp_port():
    assert isolated("print(sctpx.udp_port())", SCTPX_UDP_PORT="4242") == ["4242"]


def test_set_udp_port_overrides_sctpx_udp_port():
    assert isolated("sctpx.set_udp_port(4343); print(sctpx.udp_port())", SCTPX_UDP_PORT="4242") == ["4343"]


def test_another_local_udp_port_once_the_stack_runs_raises_ebusy():
    out = isolated(
        """
        port = free_udp_port()
        sctpx.set_udp_port(port)
        s = sctpx.open_tcp(socket.AF_INET, backend=sctpx.BACKEND_USERSPACE)
        sctpx.set_udp_port(port)  # the port it runs on: accepted
        try:
            sctpx.set_udp_port(port + 1 if port < 65535 else port - 1)
        except OSError as e:
            print(errno.errorcode[e.errno], sctpx.udp_port() == port)
        """
    )
    assert out == ["EBUSY", "True"]


def test_a_taken_local_udp_port_makes_the_first_userspace_socket_raise_eaddrinuse():
    out = isolated(
        """
        with socket.socket(socket.AF_INET, socket.SOCK_DGRAM) as taken:
            taken.bind(("0.0.0.0", 0))
            sctpx.set_udp_port(taken.getsockname()[1])
            try:
                sctpx.open_tcp(socket.AF_INET, backend=sctpx.BACKEND_USERSPACE)
            except OSError as e:
                print(errno.errorcode[e.errno])
        """
    )
    assert out == ["EADDRINUSE"]


def test_the_remote_udp_port_is_9899_unless_set():
    assert isolated("print(sctpx.udp_remote_port())") == ["9899"]


def test_the_remote_udp_port_follows_sctpx_udp_remote_port():
    assert isolated("print(sctpx.udp_remote_port())", SCTPX_UDP_REMOTE_PORT="5151") == ["5151"]


def test_a_userspace_socket_starts_with_the_process_remote_udp_port():
    out = isolated(
        """
        sctpx.set_udp_port(free_udp_port())
        sctpx.set_udp_remote_port(5252)
        with sctpx.open_udp(socket.AF_INET, backend=sctpx.BACKEND_USERSPACE) as s:
            print(s.udp_remote_port)
        """
    )
    assert out == ["5252"]


def test_the_remote_udp_port_option_reads_back_what_is_set_on_a_userspace_socket():
    out = isolated(
        """
        sctpx.set_udp_port(free_udp_port())
        with sctpx.open_tcp(socket.AF_INET, backend=sctpx.BACKEND_USERSPACE) as s:
            s.udp_remote_port = 6000
            print(s.udp_remote_port, s.get_option(sctpx.Option.UDP_REMOTE_PORT))
            s.udp_remote_port = 0
            print(s.udp_remote_port)
        """
    )
    assert out == ["6000", "6000", "0"]


def test_userspace_sockets_exchange_data_through_a_chosen_local_and_remote_udp_port():
    # Neither port is 9899 here: the exchange shows both were taken.
    out = isolated(
        """
        port = free_udp_port()
        cli, srv = connected_pair(port)
        conn, _ = srv.accept()
        cli.send(b"over udp", stream=1, ppid=77)
        while True:
            ev = conn.next_event(timeout=10)
            if isinstance(ev, sctpx.DataMessage):
                break
        print(ev.data.decode(), ev.stream, ev.ppid, conn.backend == sctpx.BACKEND_USERSPACE, cli.udp_remote_port == port)
        """
    )
    assert out == ["over", "udp", "1", "77", "True", "True"]


def test_the_remote_udp_port_of_an_established_userspace_association_can_be_changed():
    out = isolated(
        """
        cli, srv = connected_pair(free_udp_port())
        cli.udp_remote_port = 7000
        print(cli.udp_remote_port)
        """
    )
    assert out == ["7000"]
