"""Which SCTP sockets run on, process-wide: the kernel's, or the userspace backend (SCTP over
UDP, RFC 6951, through libusrsctp.so.2) for machines whose kernel has none.

Backends are the ``sctpx.BACKEND_*`` constants. A socket's own is :attr:`Socket.backend`;
:func:`sctpx.open_tcp` and :func:`sctpx.open_udp` take one with ``backend=``.
"""

from __future__ import annotations

from . import _lib
from .errors import check

lib = _lib.checked


def backend_available(backend: int) -> bool:
    """Whether ``backend`` can open sockets here: ``BACKEND_KERNEL`` when the kernel has
    SCTP, ``BACKEND_USERSPACE`` when libusrsctp.so.2 loads, ``BACKEND_AUTO`` when either
    does (``sctpx_backend_available``)."""
    return check(lib.sctpx_backend_available(backend)) == 1


def set_default_backend(backend: int) -> None:
    """The backend sockets opened from now on without one get (over the ``SCTPX_BACKEND``
    environment variable); ``BACKEND_AUTO``: the kernel when it has SCTP, else userspace."""
    check(lib.sctpx_set_default_backend(backend))


def default_backend() -> int:
    """The backend new sockets get: :func:`set_default_backend`'s, else ``SCTPX_BACKEND``'s,
    else ``BACKEND_AUTO``."""
    return check(lib.sctpx_default_backend())


def set_udp_port(port: int) -> None:
    """The userspace backend's local UDP port (1 to 65535; default 9899 or
    ``SCTPX_UDP_PORT``). Only before its first socket: after that, another port raises
    ``OSError(EBUSY)``. Two processes on one host each need their own."""
    check(lib.sctpx_set_udp_port(port))


def udp_port() -> int:
    """The userspace backend's local UDP port: the one it runs on, or will start on."""
    return check(lib.sctpx_udp_port())


def set_udp_remote_port(port: int) -> None:
    """The UDP port (1 to 65535; default 9899 or ``SCTPX_UDP_REMOTE_PORT``) that userspace
    sockets opened from now on send to: the peer's local UDP port. Per socket or
    association: :attr:`Socket.udp_remote_port` / ``Option.UDP_REMOTE_PORT``."""
    check(lib.sctpx_set_udp_remote_port(port))


def udp_remote_port() -> int:
    """The remote UDP encapsulation port userspace sockets opened now get."""
    return check(lib.sctpx_udp_remote_port())
