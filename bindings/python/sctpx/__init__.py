"""sctpx: Linux kernel SCTP for Python, over the audited libsctpx C API (or SCTP over UDP in
this process where the kernel has none: see :mod:`sctpx.backends`).

Quick start::

    import socket, sctpx

    with sctpx.open_tcp(socket.AF_INET) as srv:
        srv.bind(("127.0.0.1", 0))
        srv.listen()
        ...
        conn, peer = srv.accept()
        msg = conn.next_event()          # sctpx.DataMessage
        conn.send(msg.data, stream=msg.stream, ppid=msg.ppid)

Every ``SCTPX_*`` constant of ``include/sctpx.h`` is here without its prefix
(``SCTPX_SEND_UNORDERED`` is ``sctpx.SEND_UNORDERED``). See :mod:`sctpx.aio` for asyncio
and :mod:`sctpx.pysctp` for a drop-in PySCTP replacement.
"""

from __future__ import annotations

from . import _lib, constants
from .backends import (
    backend_available,
    default_backend,
    set_default_backend,
    set_udp_port,
    set_udp_remote_port,
    udp_port,
    udp_remote_port,
)
from .core import (
    DEFAULT_BUFSIZE,
    Association,
    Kind,
    SendMsg,
    Socket,
    adopt_fd,
    open_tcp,
    open_udp,
)
from .errors import (
    BackendUnavailableError,
    BadHandleError,
    ClosedHandleError,
    EofError,
    Error,
    HandleError,
    InvalidArgumentError,
    NotSupportedError,
    NullPointerError,
    OutOfRangeError,
    PanicError,
    TimedOutError,
    WrongKindError,
    strerror,
)
from .events import (
    NOTIFICATIONS,
    Adaptation,
    AssocChange,
    AssocReset,
    Authentication,
    DataMessage,
    Event,
    EventFlag,
    EventKind,
    NextInfo,
    Notification,
    PartialDelivery,
    PeerAddrChange,
    RemoteError,
    SenderDry,
    SendFailed,
    SendFailedEvent,
    SendInfo,
    Shutdown,
    StreamChange,
    StreamReset,
)
from .options import (
    AssocParams,
    AssocStats,
    DefaultPrInfo,
    InitMsg,
    Option,
    PeerAddrInfo,
    PeerAddrParams,
    PeerAddrThresholds,
    PrStatus,
    RtoInfo,
    SackInfo,
    Status,
)


def version() -> str:
    """The library's version string (``sctpx_version()``)."""
    v: bytes = _lib.lib.sctpx_version()
    return v.decode("ascii")


# The header's constants without the SCTPX_ prefix: one name per concept everywhere.
from .constants import *

__version__ = constants.VERSION_STRING

__all__ = [
    "DEFAULT_BUFSIZE",
    "NOTIFICATIONS",
    "Adaptation",
    "AssocChange",
    "AssocParams",
    "AssocReset",
    "AssocStats",
    "Association",
    "Authentication",
    "BackendUnavailableError",
    "BadHandleError",
    "ClosedHandleError",
    "DataMessage",
    "DefaultPrInfo",
    "EofError",
    "Error",
    "Event",
    "EventFlag",
    "EventKind",
    "HandleError",
    "InitMsg",
    "InvalidArgumentError",
    "Kind",
    "NextInfo",
    "NotSupportedError",
    "Notification",
    "NullPointerError",
    "Option",
    "OutOfRangeError",
    "PanicError",
    "PartialDelivery",
    "PeerAddrChange",
    "PeerAddrInfo",
    "PeerAddrParams",
    "PeerAddrThresholds",
    "PrStatus",
    "RemoteError",
    "RtoInfo",
    "SackInfo",
    "SendFailed",
    "SendFailedEvent",
    "SendInfo",
    "SendMsg",
    "SenderDry",
    "Shutdown",
    "Socket",
    "Status",
    "StreamChange",
    "StreamReset",
    "TimedOutError",
    "WrongKindError",
    "adopt_fd",
    "backend_available",
    "default_backend",
    "open_tcp",
    "open_udp",
    "set_default_backend",
    "set_udp_port",
    "set_udp_remote_port",
    "strerror",
    "udp_port",
    "udp_remote_port",
    "version",
]
__all__ += [name for name in vars(constants) if name.isupper()]
