"""The SCTP socket: :class:`Socket`, opened with :func:`open_tcp` or :func:`open_udp`."""

from __future__ import annotations

import ctypes
import dataclasses
import errno
import math
import socket as _socket
import struct
import threading
import time
import warnings
from collections.abc import Iterable, Sequence
from ctypes import byref
from dataclasses import dataclass
from enum import IntEnum
from typing import TYPE_CHECKING, Any, Callable, Generic, TypeVar, Union, overload

from . import _addr, _lib, constants
from .errors import InvalidArgumentError, check, exception_for
from .events import (
    Event,
    EventFlag,
    NextInfo,
    SendInfo,
    decode_at,
    decode_notification,
    kind_of,
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
    from_c,
    to_c,
)

if TYPE_CHECKING:  # Self is typing's from 3.11; only annotations name it
    from typing_extensions import Self

Address = tuple[Any, ...]
Bytes = Union[bytes, bytearray, memoryview]
T = TypeVar("T")

# Every C call goes through the checked conversion of its integer arguments (_lib.checked);
# the per-message calls (_lib.fast) check theirs here.
lib = _lib.checked

#: Default receive buffer (bytes) of :meth:`Socket.next_event` and :meth:`Socket.recv_batch`:
#: a larger message arrives in pieces (``DataMessage.complete`` False on all but the last).
DEFAULT_BUFSIZE = 65536

# A blocking wait is made of waits this long, so that Ctrl-C (and any signal handler) runs
# within this time: a single blocking C call cannot be interrupted from Python.
_WAIT_SLICE_MS = 500


# The checked conversions of the C types the per-message calls take (see _lib.CInt).
_U16 = _lib.INTS[ctypes.c_uint16]
_U32 = _lib.INTS[ctypes.c_uint32]
_ASSOC = _lib.INTS[_lib.sctpx_assoc_id]
_SIZE = _lib.INTS[ctypes.c_size_t]
# c_char_p takes bytes without a copy; other buffers are copied once.
_as_bytes = _lib.as_bytes


def _positive_size(value: Any, what: str) -> int:
    """A receive's count or buffer size: a size_t, at least 1."""
    n = _SIZE(value, what)
    if n < 1:
        raise InvalidArgumentError(f"{what} must be positive, not {n:d}")
    return n


def _timeout_ms(timeout: float) -> int:
    """A timeout in seconds as whole milliseconds, at least 1 unless it is 0."""
    if not isinstance(timeout, (int, float)):
        raise TypeError(f"timeout must be None or a number of seconds, not {type(timeout).__name__}")
    if not 0 <= timeout < math.inf:  # NaN too
        raise InvalidArgumentError(f"timeout must be None, 0 or positive, not {timeout!r}")
    return max(1, math.ceil(timeout * 1000)) if timeout else 0


@dataclass
class SendMsg:
    """One message of :meth:`Socket.send_batch`; the fields are :meth:`Socket.send`'s."""

    data: Bytes
    stream: int = 0
    ppid: int = 0
    flags: int = 0
    context: int = 0
    assoc_id: int = 0
    to: Address | None = None
    pr_policy: int = constants.PR_NONE
    pr_value: int = 0


_SEND_INFO = _lib.StructPacker(
    _lib.sctpx_send_info, ("stream", "flags", "ppid", "context", "assoc_id", "pr_policy", "pr_value")
)


def _send_info(stream: int, ppid: int, flags: int, context: int, assoc_id: int, pr_policy: int, pr_value: int) -> _lib.sctpx_send_info:
    return _SEND_INFO.new(stream, flags, ppid, context, assoc_id, pr_policy, pr_value)


V = TypeVar("V", int, bool)


class OptionProperty(Generic[V]):
    """A socket property for an integer option: ``bool`` for yes/no options, ``int`` for
    the others; per-association options read and write the socket's default (assoc_id 0)."""

    def __init__(self, option: Option, kind: type[V], read_only: bool = False) -> None:
        self.option = option
        self._kind: type[V] = kind
        self._read_only = read_only
        self.__doc__ = "SCTPX_OPT_{} ({}{}).".format(option.name, kind.__name__, ", read only" if read_only else "")

    @overload
    def __get__(self, obj: None, owner: Any) -> OptionProperty[V]: ...
    @overload
    def __get__(self, obj: Socket, owner: Any) -> V: ...
    def __get__(self, obj: Socket | None, owner: Any) -> V | OptionProperty[V]:
        if obj is None:
            return self
        return self._kind(obj.get_option(self.option))

    def __set__(self, obj: Socket, value: V) -> None:
        if self._read_only:
            raise AttributeError(f"SCTPX_OPT_{self.option.name} is read only")
        obj.set_option(self.option, value)


_c_size = ctypes.c_size_t
_fast = _lib.fast
_ERR_TIMED_OUT = constants.ERR_TIMED_OUT
_U16_MAX, _U32_MAX, _ASSOC_MIN, _ASSOC_MAX = _U16.hi, _U32.hi, _ASSOC.lo, _ASSOC.hi
# Receive memory is kept between calls per THREAD, not per socket: allocating (and zeroing)
# 64 KiB per message cost more than the receive itself, and a server with thousands of
# sockets must not hold a buffer for each. Each thread keeps its last next_event slot and its
# last recv_batch slot (attributes "single" and "batch"); a call takes the slot out while it
# runs, so a nested call on the same thread (a signal handler) allocates its own.
_rx = threading.local()

# The head of struct sctpx_event the lean receive (Socket.recv_message_into) reads: one
# struct call for what the stdlib's recvmsg would give (length, stream, PPID, flags, assoc).
_LEAN = struct.Struct(_lib.struct_format(_lib.sctpx_event, ("kind", "flags", "assoc_id", "len", "stream", "ssn", "ppid")))
# A zero-length array made over the caller's buffer is what ctypes passes as a pointer to
# it (without argtypes, as _lib.fast's calls are made): the cheapest way to lend the C call
# caller memory, an empty buffer included, and it keeps a bytearray from being resized
# while the call (which runs without the GIL) writes into it.
_over = (ctypes.c_char * 0).from_buffer
_DATA_KIND = constants.EVENT_DATA
_NOTIFICATION = EventFlag.NOTIFICATION


class _LeanSlot:
    """The one ``sctpx_event`` the lean receive of a thread fills (see _rx): a notification
    decodes from it; a data message is read from its head alone."""

    __slots__ = ("event", "ptr", "view")

    def __init__(self) -> None:
        self.event = _lib.sctpx_event()
        self.ptr = ctypes.byref(self.event)
        self.view = memoryview(self.event).cast("B")


# struct sctpx_send_msg, packed in one call: data, len, info {stream, flags, ppid, context,
# assoc_id, pr_policy, reserved, pr_value}, to, to_len.
_SEND_MSG = struct.Struct(_lib.struct_format(_lib.sctpx_send_msg))


class _RxSlot:
    """Receive memory kept between calls: ``count`` events and ``count`` buffers of
    ``bufsize`` bytes, with the views and C arguments the per-message path needs."""

    __slots__ = ("buf", "buf_view", "bufsize", "c_bufsize", "count", "events", "events_ptr", "events_view")

    def __init__(self, count: int, bufsize: int) -> None:
        self.count = count
        self.bufsize = bufsize
        self.events = (_lib.sctpx_event * count)()
        self.events_ptr = ctypes.cast(self.events, ctypes.POINTER(_lib.sctpx_event))
        self.events_view = memoryview(self.events).cast("B")
        self.buf = ctypes.create_string_buffer(count * bufsize)
        self.buf_view = memoryview(self.buf).cast("B")
        self.c_bufsize = _c_size(bufsize)


class Kind(IntEnum):
    """What :attr:`Socket.kind` says: the ``SCTPX_KIND_*`` numbers."""

    ONE_TO_ONE = constants.KIND_ONE_TO_ONE
    ONE_TO_MANY = constants.KIND_ONE_TO_MANY


def _for_assoc(value: Any, assoc_id: int) -> Any:
    """``value`` (an option dataclass) for association ``assoc_id`` when a view names one."""
    if assoc_id and dataclasses.is_dataclass(value) and not isinstance(value, type):
        return dataclasses.replace(value, assoc_id=assoc_id)
    return value


def _deprecated(old: str, new: str) -> None:
    warnings.warn(f"Socket.{old} is deprecated (removed in the next release): use {new}", DeprecationWarning, stacklevel=3)


class _StructOptions:
    """The struct options as properties: one style for every option (issue 15). On a
    :class:`Socket` they read the socket's association (one-to-one) or its defaults
    (one-to-many); on :meth:`Socket.association`'s view, that association's."""

    def _option_target(self) -> tuple[Socket, int]:
        raise NotImplementedError

    @property
    def rtoinfo(self) -> RtoInfo:
        """SCTP_RTOINFO: retransmission timeouts (of the association, or the socket's defaults). Set: the value's
        ``assoc_id`` picks the association (on an :meth:`Socket.association` view, its own)."""
        sock, assoc_id = self._option_target()
        return sock._get(lib.sctpx_get_rtoinfo, _lib.sctpx_rtoinfo, RtoInfo, assoc_id)

    @rtoinfo.setter
    def rtoinfo(self, value: RtoInfo) -> None:
        sock, assoc_id = self._option_target()
        sock._set(lib.sctpx_set_rtoinfo, _for_assoc(value, assoc_id), RtoInfo, _lib.sctpx_rtoinfo)

    @property
    def assocparams(self) -> AssocParams:
        """SCTP_ASSOCINFO (of the association, or the socket's defaults). Set: the value's
        ``assoc_id`` picks the association (on an :meth:`Socket.association` view, its own)."""
        sock, assoc_id = self._option_target()
        return sock._get(lib.sctpx_get_assocparams, _lib.sctpx_assocparams, AssocParams, assoc_id)

    @assocparams.setter
    def assocparams(self, value: AssocParams) -> None:
        sock, assoc_id = self._option_target()
        sock._set(lib.sctpx_set_assocparams, _for_assoc(value, assoc_id), AssocParams, _lib.sctpx_assocparams)

    @property
    def default_send_info(self) -> SendInfo:
        """SCTP_DEFAULT_SNDINFO: what sends that give no parameters use (of the association, or the socket's defaults). Set: the value's
        ``assoc_id`` picks the association (on an :meth:`Socket.association` view, its own)."""
        sock, assoc_id = self._option_target()
        return sock._get(lib.sctpx_get_default_send_info, _lib.sctpx_send_info, SendInfo, assoc_id)

    @default_send_info.setter
    def default_send_info(self, value: SendInfo) -> None:
        sock, assoc_id = self._option_target()
        sock._set(lib.sctpx_set_default_send_info, _for_assoc(value, assoc_id), SendInfo, _lib.sctpx_send_info)

    @property
    def default_prinfo(self) -> DefaultPrInfo:
        """SCTP_DEFAULT_PRINFO: the partial-reliability policy of sends that give none (of the association, or the socket's defaults). Set: the value's
        ``assoc_id`` picks the association (on an :meth:`Socket.association` view, its own)."""
        sock, assoc_id = self._option_target()
        return sock._get(lib.sctpx_get_default_prinfo, _lib.sctpx_default_prinfo, DefaultPrInfo, assoc_id)

    @default_prinfo.setter
    def default_prinfo(self, value: DefaultPrInfo) -> None:
        sock, assoc_id = self._option_target()
        sock._set(lib.sctpx_set_default_prinfo, _for_assoc(value, assoc_id), DefaultPrInfo, _lib.sctpx_default_prinfo)

    @property
    def delayed_sack(self) -> SackInfo:
        """SCTP_DELAYED_SACK (of the association, or the socket's defaults). Set: the value's
        ``assoc_id`` picks the association (on an :meth:`Socket.association` view, its own)."""
        sock, assoc_id = self._option_target()
        return sock._get(lib.sctpx_get_delayed_sack, _lib.sctpx_sack_info, SackInfo, assoc_id)

    @delayed_sack.setter
    def delayed_sack(self, value: SackInfo) -> None:
        sock, assoc_id = self._option_target()
        sock._set(lib.sctpx_set_delayed_sack, _for_assoc(value, assoc_id), SackInfo, _lib.sctpx_sack_info)

    @property
    def status(self) -> Status:
        """SCTP_STATUS of the association (read only)."""
        sock, assoc_id = self._option_target()
        out = _lib.sctpx_status()
        check(lib.sctpx_get_status(sock._handle, assoc_id, byref(out)))
        return Status.from_c(out)

    @property
    def assoc_stats(self) -> AssocStats:
        """SCTP_GET_ASSOC_STATS of the association (read only)."""
        sock, assoc_id = self._option_target()
        return sock._get(lib.sctpx_get_assoc_stats, _lib.sctpx_assoc_stats, AssocStats, assoc_id)

    @property
    def primary(self) -> Address | None:
        """The association's primary peer address; set it to make a peer address primary."""
        sock, assoc_id = self._option_target()
        out = _lib.sockaddr_storage()
        n = check(lib.sctpx_get_primary(sock._handle, assoc_id, byref(out)))
        return _addr.from_storage(out) if n else None

    @primary.setter
    def primary(self, addr: Address) -> None:
        sock, assoc_id = self._option_target()
        sa, n = _addr.sockaddr_arg(addr, sock._family)
        check(lib.sctpx_set_primary(sock._handle, assoc_id, sa, n))

    @property
    def active_auth_key(self) -> int:
        """SCTP_AUTH_ACTIVE_KEY: the key outgoing chunks are authenticated with."""
        sock, assoc_id = self._option_target()
        out = ctypes.c_uint16()
        check(lib.sctpx_get_active_auth_key(sock._handle, assoc_id, byref(out)))
        return out.value

    @active_auth_key.setter
    def active_auth_key(self, key_number: int) -> None:
        sock, assoc_id = self._option_target()
        check(lib.sctpx_set_active_auth_key(sock._handle, assoc_id, key_number))


class Association(_StructOptions):
    """One association's options, as :meth:`Socket.association` gives them."""

    __slots__ = ("assoc_id", "socket")

    def __init__(self, sock: Socket, assoc_id: int) -> None:
        self.socket = sock
        self.assoc_id = assoc_id

    def _option_target(self) -> tuple[Socket, int]:
        return self.socket, self.assoc_id

    def __repr__(self) -> str:
        return f"<sctpx.Association {self.assoc_id:d} of {self.socket!r}>"


class Socket(_StructOptions):
    """An SCTP socket owned by libsctpx: one-to-one (:func:`open_tcp`) or one-to-many
    (:func:`open_udp`).

    Use it as a context manager or call :meth:`close`. Addresses are :mod:`socket`-style
    tuples. Errors raise :class:`OSError` subclasses (OS errors) or :class:`sctpx.Error`
    subclasses (see :mod:`sctpx.errors`).
    """

    def __init__(self, handle: int, family: int) -> None:
        """Wraps a handle the library issued; use :func:`open_tcp` / :func:`open_udp`."""
        self._handle = handle
        # The handle as the per-message calls take it (see _lib.fast).
        self._h = ctypes.c_uint64(handle)
        self._family = _socket.AddressFamily(family)
        self._closed = False
        self._kind = Kind(check(lib.sctpx_kind(handle)))
        # None: not known yet (asked once when needed); kept in step by set_option.
        self._nonblock: bool | None = None
        # settimeout's: what a receive given no timeout waits (None: as long as it takes).
        self._timeout: float | None = None
        #: The notification the last :meth:`recv_message_into` (or :meth:`recv_into`)
        #: returned flagged ``EventFlag.NOTIFICATION``, decoded; None before the first.
        self.last_notification: Event | None = None

    # --- lifecycle ------------------------------------------------------------------------

    @property
    def handle(self) -> int:
        """The C API handle."""
        return self._handle

    @property
    def family(self) -> _socket.AddressFamily:
        """``socket.AF_INET`` or ``socket.AF_INET6`` (a :class:`socket.AddressFamily`)."""
        return self._family

    @property
    def kind(self) -> Kind:
        """:attr:`Kind.ONE_TO_ONE` or :attr:`Kind.ONE_TO_MANY` (equal to
        ``sctpx.KIND_ONE_TO_ONE`` / ``sctpx.KIND_ONE_TO_MANY``)."""
        return self._kind

    @property
    def backend(self) -> int:
        """``sctpx.BACKEND_KERNEL`` or ``sctpx.BACKEND_USERSPACE``: the SCTP this socket
        runs on (accepted and peeled-off sockets run on their parent's)."""
        return check(lib.sctpx_backend(self._handle))

    @property
    def closed(self) -> bool:
        return self._closed

    def close(self) -> None:
        """Closes the socket (a second close does nothing, as for :mod:`socket`)."""
        self._end(lib.sctpx_close)

    def abort_and_close(self) -> None:
        """Closes the socket as :meth:`close` does, with its associations aborted
        (queued data dropped; the peer reads ``ECONNRESET``) instead of shut down."""
        self._end(lib.sctpx_abort_and_close)

    def _end(self, close: Callable[[int], int]) -> None:
        if not self._closed:
            self._closed = True
            check(close(self._handle))

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def __del__(self) -> None:
        # A forgotten socket must not keep its association (and descriptor) alive; and, as
        # the stdlib's socket does, it says so: closing on collection hides a leak.
        if not getattr(self, "_closed", True):
            try:
                warnings.warn(f"unclosed {self!r}", ResourceWarning, stacklevel=2, source=self)
                self.close()
            # A finaliser has no caller to raise to, and Python would only print the error
            # (at interpreter exit, module globals may already be gone).
            except Exception:  # noqa: BLE001, S110
                pass

    def __repr__(self) -> str:
        kind = "one-to-one" if self._kind == constants.KIND_ONE_TO_ONE else "one-to-many"
        state = "closed" if self._closed else f"fd={self.fileno():d}"
        return f"<sctpx.Socket handle={self._handle:d} {kind} {state}>"

    def fileno(self) -> int:
        """The descriptor, for select/poll/asyncio. The library owns it: do not close it."""
        return check(lib.sctpx_fileno(self._handle))

    def _option_target(self) -> tuple[Socket, int]:
        return self, 0

    def association(self, assoc_id: int) -> Association:
        """The options of association ``assoc_id`` of a one-to-many socket, as properties
        (``sock.association(a).rtoinfo``)."""
        return Association(self, assoc_id)

    def _child(self, handle: int) -> Socket:
        return Socket(handle, self._family)

    # --- addresses and associations --------------------------------------------------------

    def bind(self, addr: Address) -> None:
        """Binds to one address (port 0 picks one)."""
        sa, n = _addr.sockaddr_arg(addr, self._family)
        check(lib.sctpx_bind(self._handle, sa, n))

    def bindx(self, addrs: Sequence[Address], flags: int = constants.BINDX_ADD) -> None:
        """Adds (``BINDX_ADD``) or removes (``BINDX_REMOVE``) addresses; all share one port."""
        arr = _addr.storage_array(addrs, self._family)
        check(lib.sctpx_bindx(self._handle, arr, len(addrs), flags))

    def listen(self, backlog: int = 128) -> None:
        """Listens (one-to-one) or starts accepting associations (one-to-many)."""
        check(lib.sctpx_listen(self._handle, backlog))

    def accept(self) -> tuple[Socket, Address | None]:
        """Accepts an association: (new one-to-one socket, peer address)."""
        out = _lib.sctpx_handle()
        peer = _lib.sockaddr_storage()
        peer_len = _lib.socklen_t(ctypes.sizeof(peer))
        check(lib.sctpx_accept(self._handle, byref(out), byref(peer), byref(peer_len)))
        return self._child(out.value), _addr.from_storage(peer) if peer_len.value else None

    def connect(self, addr: Address) -> None:
        """Connects, blocking until the association is up (non-blocking: raises
        :class:`BlockingIOError` with ``EINPROGRESS``; :meth:`connect_result` then
        says how the set-up goes on)."""
        sa, n = _addr.sockaddr_arg(addr, self._family)
        check(lib.sctpx_connect(self._handle, sa, n))

    def connectx(self, addrs: Sequence[Address]) -> int:
        """Connects to a peer by several of its addresses; returns the association id.

        On a non-blocking socket it raises :class:`BlockingIOError` (``EINPROGRESS``)
        while the association is set up, with the new id in the exception's
        ``assoc_id`` attribute.
        """
        arr = _addr.storage_array(addrs, self._family)
        assoc = _lib.sctpx_assoc_id()
        rc = lib.sctpx_connectx(self._handle, arr, len(addrs), byref(assoc))
        if rc < 0:
            exc = exception_for(rc)
            if rc == -errno.EINPROGRESS:
                exc.assoc_id = assoc.value  # type: ignore[attr-defined]
            raise exc
        return assoc.value

    def connect_result(self, assoc_id: int = 0) -> None:
        """How a set-up a non-blocking :meth:`connect`/:meth:`connectx` started stands
        (``sctpx_connect_result``): returns once the association is established, raises
        :class:`BlockingIOError` (``EINPROGRESS``) while it is being set up and the
        set-up's failure (:class:`ConnectionRefusedError`, :class:`TimeoutError`, ...)
        once it failed. Receives nothing. ``assoc_id``: one-to-many only.

        A one-to-one socket turns writable when the set-up ends, either way; a
        one-to-many socket is writable throughout (a subscribed :class:`AssocChange`
        makes it readable)."""
        check(lib.sctpx_connect_result(self._handle, assoc_id))

    def peeloff(self, assoc_id: int, flags: int = constants.PEELOFF_CLOEXEC) -> Socket:
        """Branches an association of a one-to-many socket off into a one-to-one socket."""
        out = _lib.sctpx_handle()
        check(lib.sctpx_peeloff(self._handle, assoc_id, flags, byref(out)))
        child = self._child(out.value)
        child._nonblock = bool(flags & constants.PEELOFF_NONBLOCK)
        return child

    def shutdown(self, assoc_id: int = 0) -> None:
        """Gracefully shuts an association down (one-to-one: the socket's)."""
        check(lib.sctpx_shutdown(self._handle, assoc_id))

    def abort(self, assoc_id: int) -> None:
        """Aborts association ``assoc_id`` of a one-to-many socket at once (queued data
        is dropped); the socket stays open. A one-to-one socket raises
        :class:`sctpx.WrongKindError`: Linux aborts its association only as it closes,
        which is :meth:`abort_and_close`."""
        check(lib.sctpx_abort(self._handle, assoc_id))

    def _addrs(self, fn: Callable[..., int], assoc_id: int) -> list[Address]:
        cap = 8
        while True:
            arr = (_lib.sockaddr_storage * cap)()
            n = check(fn(self._handle, assoc_id, arr, cap))
            if n <= cap:
                return _addr.from_array(arr, n)
            cap = n  # more appeared than fit: ask again with room for all

    def peer_addrs(self, assoc_id: int = 0) -> list[Address]:
        """The peer's addresses of an association (``sctpx_getpaddrs``)."""
        return self._addrs(lib.sctpx_getpaddrs, assoc_id)

    def local_addrs(self, assoc_id: int = 0) -> list[Address]:
        """The local addresses of an association, or all bound addresses with assoc_id 0
        on a one-to-many socket (``sctpx_getladdrs``)."""
        return self._addrs(lib.sctpx_getladdrs, assoc_id)

    def get_assoc_ids(self) -> list[int]:
        """The association ids of a one-to-many socket."""
        cap = 64
        while True:
            arr = (_lib.sctpx_assoc_id * cap)()
            n = check(lib.sctpx_get_assoc_ids(self._handle, arr, cap))
            if n <= cap:
                return list(arr[:n])
            cap = n

    # --- sending ---------------------------------------------------------------------------

    def send(
        self,
        data: Bytes,
        stream: int = 0,
        ppid: int = 0,
        flags: int = 0,
        context: int = 0,
        assoc_id: int = 0,
        to: Address | None = None,
        pr_policy: int = constants.PR_NONE,
        pr_value: int = 0,
    ) -> int:
        """Sends one message; returns the bytes sent.

        ``ppid`` is in host byte order. ``flags``: ``SEND_*`` bits. ``assoc_id`` picks the
        association of a one-to-many socket; ``to`` sends to an address instead (setting
        an association up implicitly). ``pr_policy``/``pr_value``: partial reliability
        (``PR_TTL`` milliseconds, ``PR_RTX`` retransmissions, ``PR_PRIO`` priority).
        """
        data = _as_bytes(data)
        info = _send_info(stream, ppid, flags, context, assoc_id, pr_policy, pr_value)
        sa, n = _addr.sockaddr_arg(to, self._family) if to is not None else (None, 0)
        return check(lib.sctpx_send(self._handle, data, len(data), byref(info), sa, n))

    def send_setup(
        self,
        data: Bytes,
        to: Sequence[Address],
        init: InitMsg | None = None,
        stream: int = 0,
        ppid: int = 0,
        flags: int = 0,
        context: int = 0,
        pr_policy: int = constants.PR_NONE,
        pr_value: int = 0,
    ) -> int:
        """Sends one message that may set an association up, as ``sctp_sendv`` can
        (``sctpx_send_setup``): ``to[0]`` is the destination, ``to[1:]`` further addresses
        of the same peer the set-up may use too (SCTP_DSTADDRV4/V6), ``init`` the INIT
        parameters of this set-up instead of the socket's :meth:`set_initmsg`. The other
        arguments are :meth:`send`'s. Returns the bytes sent."""
        data = _as_bytes(data)
        info = _send_info(stream, ppid, flags, context, 0, pr_policy, pr_value)
        arr = _addr.storage_array(to, self._family)
        c_init = to_c(init, InitMsg, _lib.sctpx_initmsg) if init is not None else None
        return check(
            lib.sctpx_send_setup(
                self._handle, data, len(data), byref(info), arr, len(to), byref(c_init) if c_init else None
            )
        )

    def send_stream(self, data: Bytes, stream: int = 0, ppid: int = 0, assoc_id: int = 0) -> int:
        """Sends on a stream with a PPID, nothing else (``sctpx_send_stream``)."""
        if type(data) is not bytes:
            data = _as_bytes(data)
        # One test chain on the per-message path (this call takes no argtypes: nothing else
        # checks); anything else goes through the conversions, which convert or raise.
        if not (
            type(stream) is int
            and type(ppid) is int
            and type(assoc_id) is int
            and 0 <= stream <= _U16_MAX
            and 0 <= ppid <= _U32_MAX
            and _ASSOC_MIN <= assoc_id <= _ASSOC_MAX
        ):
            stream, ppid, assoc_id = _U16(stream, "stream"), _U32(ppid, "ppid"), _ASSOC(assoc_id, "assoc_id")
        rc = _fast.sctpx_send_stream(self._h, assoc_id, stream, ppid, data, _c_size(len(data)))
        if rc < 0:
            raise exception_for(rc)
        return rc

    def send_batch(self, messages: Iterable[Bytes | SendMsg]) -> int:
        """Sends many messages in as few system calls as possible; consecutive messages to
        the same association are bundled into as few packets as fit (each still arrives as
        its own message). Returns how many were sent: fewer when the socket would block or
        a later one failed (sending that one alone reports why); then the last one sent may
        wait for the next send to its association to be bundled with it, so send the rest."""
        msgs = [m if isinstance(m, SendMsg) else SendMsg(m) for m in messages]
        if not msgs:
            return 0
        # The payloads go into one C buffer and the sctpx_send_msg array is packed with
        # struct, one pack per message: setting ctypes fields one by one cost several
        # times the system call's share per message.
        datas = [m.data if type(m.data) is bytes else _as_bytes(m.data) for m in msgs]
        blob = b"".join(datas)
        # A c_char_p made from bytes points at the object's own buffer: no second copy.
        base = ctypes.cast(ctypes.c_char_p(blob), ctypes.c_void_p).value or 0
        arr = (_lib.sctpx_send_msg * len(msgs))()
        view = memoryview(arr).cast("B")
        keep: list[object] = [blob]  # the addresses the array points into
        off = 0
        for i, (m, data) in enumerate(zip(msgs, datas)):
            to, to_len = 0, 0
            if m.to is not None:
                st, to_len = _addr.to_storage(m.to, self._family)
                keep.append(st)
                to = ctypes.addressof(st)
            try:
                _SEND_MSG.pack_into(
                    view, i * _SEND_MSG.size, base + off, len(data),
                    m.stream, m.flags, m.ppid, m.context, m.assoc_id, m.pr_policy, 0, m.pr_value, to, to_len,
                )
            except struct.error:
                # struct refuses what is not an integer of the field's C type; the checked
                # conversions say which field and why.
                _send_info(m.stream, m.ppid, m.flags, m.context, m.assoc_id, m.pr_policy, m.pr_value)
                raise
            off += len(data)
        rc = _fast.sctpx_send_batch(self._h, arr, _c_size(len(msgs)))
        if rc < 0:
            raise exception_for(rc)
        return rc

    # --- receiving -------------------------------------------------------------------------

    def _is_nonblock(self) -> bool:
        if self._nonblock is None:
            self._nonblock = bool(self.get_option(Option.NONBLOCK))
        return self._nonblock

    def settimeout(self, timeout: float | None) -> None:
        """As :meth:`socket.socket.settimeout`: what a receive given no ``timeout`` waits.
        None blocks (the socket is made blocking); 0 makes the socket non-blocking; N > 0
        waits up to N seconds, then raises :class:`sctpx.TimedOutError` (a
        :class:`TimeoutError`). It applies to :meth:`next_event`, :meth:`recv_batch`,
        :meth:`recv_into` and :meth:`recv_message_into`; sends, ``accept`` and ``connect``
        block (or not) as :attr:`nonblock` says."""
        if timeout is not None:
            _timeout_ms(timeout)  # refuses what is not a time, as the stdlib does
        self.set_option(Option.NONBLOCK, 1 if timeout == 0 else 0)
        self._timeout = None if timeout is None or timeout == 0 else float(timeout)

    def gettimeout(self) -> float | None:
        """As :meth:`socket.socket.gettimeout`: None when receives block, 0.0 when the
        socket is non-blocking, else the seconds :meth:`settimeout` set."""
        return 0.0 if self._is_nonblock() else self._timeout

    def setblocking(self, flag: bool) -> None:
        """As :meth:`socket.socket.setblocking`: ``settimeout(None)`` or ``settimeout(0.0)``."""
        self.settimeout(None if flag else 0.0)

    def getblocking(self) -> bool:
        """As :meth:`socket.socket.getblocking`: False when non-blocking or with a timeout."""
        return self.gettimeout() is None

    def _wait_call(self, call: Callable[..., int], args: tuple[Any, ...], timeout: float | None) -> int:
        """Runs ``call(*args, timeout_ms)``, a receive taking a C timeout, in slices so that
        signals get handled."""
        deadline = None
        if timeout is None:
            timeout = self._timeout
        if timeout is None:
            if self._nonblock is False:
                # The common case first: a blocking socket, no timeout.
                rc = call(*args, _WAIT_SLICE_MS)
                if rc >= 0:
                    return rc
                if rc != _ERR_TIMED_OUT:
                    raise exception_for(rc)
            elif self._is_nonblock():
                return check(call(*args, -1))  # -EAGAIN at once, as a non-blocking socket should
        else:
            ms = _timeout_ms(timeout)
            if ms == 0:
                return check(call(*args, 0))
            deadline = time.monotonic() + ms / 1000
        while True:
            ms = _WAIT_SLICE_MS
            if deadline is not None:
                ms = min(ms, max(1, math.ceil((deadline - time.monotonic()) * 1000)))
            rc = call(*args, ms)
            if rc != _ERR_TIMED_OUT or (deadline is not None and time.monotonic() >= deadline):
                return check(rc)

    def next_event(self, timeout: float | None = None, bufsize: int = DEFAULT_BUFSIZE) -> Event:
        """Receives the next data message or notification.

        ``timeout``: None blocks; 0 polls (raises :class:`BlockingIOError` when nothing is
        ready); N > 0 waits up to N seconds (then raises :class:`sctpx.TimedOutError`, a
        :class:`TimeoutError`). A one-to-one association shut down by the peer raises
        :class:`sctpx.EofError` (an :class:`EOFError`).
        """
        rx = _rx.__dict__
        slot = rx.pop("single", None)
        if slot is None or slot.bufsize != bufsize or type(bufsize) is not int:
            slot = _RxSlot(1, _positive_size(bufsize, "bufsize"))
        try:
            self._wait_call(_fast.sctpx_next_event, (self._h, slot.events_ptr, slot.buf, slot.c_bufsize), timeout)
            return decode_at(slot.events, 0, slot.events_view, slot.buf_view, 0)
        finally:
            rx["single"] = slot

    def next_event_with_next_info(
        self, timeout: float | None = None, bufsize: int = DEFAULT_BUFSIZE
    ) -> tuple[Event, NextInfo | None]:
        """Receives as :meth:`next_event`, and also returns what the socket knows of the
        message queued behind it: a :class:`NextInfo` when ``recv_next_info`` is on and one
        was already waiting, else None. ``timeout`` and the errors are
        :meth:`next_event`'s."""
        slot = _RxSlot(1, _positive_size(bufsize, "bufsize"))
        nxt = _lib.sctpx_next_info()
        receive, next_ptr = lib.sctpx_next_event_with_next_info, ctypes.byref(nxt)
        # _wait_call appends the timeout; the C call takes `next` after it.
        self._wait_call(
            lambda ms: receive(self._handle, slot.events_ptr, slot.buf, slot.bufsize, ms, next_ptr), (), timeout
        )
        return decode_at(slot.events, 0, slot.events_view, slot.buf_view, 0), NextInfo.from_c(nxt)

    def recv_message_into(
        self, buffer: Any, nbytes: int = 0, timeout: float | None = None
    ) -> tuple[int, int, int, int, int]:
        """Receives the next message into ``buffer`` (any writable buffer: a bytearray, a
        memoryview, an array, mmap; no copy is made) and returns ``(nbytes, stream, ppid,
        flags, assoc_id)``: the per-message receive, as lean as the stdlib's ``recvmsg``.

        ``nbytes`` > 0 receives at most that many bytes. ``flags`` are
        :class:`EventFlag` bits: without ``COMPLETE`` the message is longer than the
        buffer and the next call returns more of it; with ``NOTIFICATION`` the event is a
        notification, decoded in :attr:`last_notification` (``stream`` and ``ppid`` 0).
        ``timeout`` and the errors are :meth:`next_event`'s."""
        slot = getattr(_rx, "lean", None)
        if slot is None:
            slot = _rx.lean = _LeanSlot()
        _rx.lean = None  # taken while the call runs (a nested call makes its own)
        try:
            mem = _over(buffer)
            if nbytes == 0:
                cap = len(buffer) if type(buffer) is bytearray else memoryview(buffer).nbytes
            else:
                cap = self._cap(buffer, nbytes)
            args = (self._h, slot.ptr, mem, _c_size(cap))
            if timeout is None and self._timeout is None and self._nonblock is False:
                # The common case inline: a blocking socket, no timeout.
                rc = _fast.sctpx_next_event(*args, _WAIT_SLICE_MS)
                if rc < 0:
                    rc = check(rc) if rc != _ERR_TIMED_OUT else self._wait_call(_fast.sctpx_next_event, args, None)
            else:
                rc = self._wait_call(_fast.sctpx_next_event, args, timeout)
            kind, flags, assoc_id, n, stream, _, ppid = _LEAN.unpack_from(slot.view)
            if kind != _DATA_KIND:
                self.last_notification = decode_notification(slot.event, memoryview(buffer).cast("B")[:n].tobytes())
                return n, 0, 0, flags | _NOTIFICATION, assoc_id
            return n, stream, ppid, flags, assoc_id
        finally:
            _rx.lean = slot

    def recv_into(self, buffer: Any, nbytes: int = 0, timeout: float | None = None) -> int:
        """As :meth:`socket.socket.recv_into`: receives into ``buffer`` without a copy and
        returns the byte count; :meth:`recv_message_into` says the rest (stream, PPID,
        flags, association) and is as fast."""
        return self.recv_message_into(buffer, nbytes, timeout)[0]

    @staticmethod
    def _cap(buffer: Any, nbytes: int) -> int:
        size = memoryview(buffer).nbytes
        if type(nbytes) is not int or nbytes < 0:
            raise InvalidArgumentError(f"nbytes must be an int >= 0, not {nbytes!r}")
        if nbytes > size:
            raise InvalidArgumentError(f"nbytes {nbytes} is more than the buffer's {size} bytes")
        return nbytes

    def recv_batch(self, count: int = 16, timeout: float | None = None, bufsize: int = DEFAULT_BUFSIZE) -> list[Event]:
        """Receives up to ``count`` events in one system call: waits as :meth:`next_event`
        for the first, then takes what is already queued."""
        count, bufsize = _positive_size(count, "count"), _positive_size(bufsize, "bufsize")
        rx = _rx.__dict__
        slot = rx.pop("batch", None)
        if slot is None or slot.count != count or slot.bufsize != bufsize:
            slot = _RxSlot(count, bufsize)
        try:
            n = self._wait_call(
                _fast.sctpx_recv_batch,
                (self._h, slot.events_ptr, _c_size(count), slot.buf, slot.c_bufsize),
                timeout,
            )
            evs, ev_view, buf_view = slot.events, slot.events_view, slot.buf_view
            return [decode_at(evs, i, ev_view, buf_view, i * bufsize) for i in range(n)]
        finally:
            rx["batch"] = slot

    # --- notifications ---------------------------------------------------------------------

    def subscribe(self, kind: Any, on: bool = True) -> None:
        """Turns delivery of a notification kind on (or off): an :class:`EventKind`, its
        number, or an event class such as ``sctpx.AssocChange``. Nothing is subscribed
        by default."""
        check(lib.sctpx_subscribe(self._handle, kind_of(kind), 1 if on else 0))

    def subscribed(self, kind: Any) -> bool:
        """Whether a notification kind is delivered."""
        return bool(check(lib.sctpx_subscribed(self._handle, kind_of(kind))))

    # --- options ---------------------------------------------------------------------------

    def get_option(self, option: int, assoc_id: int = 0) -> int:
        """Reads an integer option (``Option``/``OPT_*``); ``assoc_id`` selects the
        association for per-association options (0: the socket's default)."""
        v = ctypes.c_int64()
        check(lib.sctpx_get_option(self._handle, assoc_id, option, byref(v)))
        return v.value

    def set_option(self, option: int, value: int, assoc_id: int = 0) -> None:
        """Sets an integer option."""
        check(lib.sctpx_set_option(self._handle, assoc_id, option, value))
        if option == Option.NONBLOCK:
            self._nonblock = bool(value)

    # BEGIN generated (option-properties): tools/gen-bindings makes it from include/sctpx.h: do not edit
    nodelay = OptionProperty(Option.NODELAY, bool)
    autoclose = OptionProperty(Option.AUTOCLOSE, int)
    disable_fragments = OptionProperty(Option.DISABLE_FRAGMENTS, bool)
    mapped_v4 = OptionProperty(Option.MAPPED_V4, bool)
    fragment_interleave = OptionProperty(Option.FRAGMENT_INTERLEAVE, int)
    partial_delivery_point = OptionProperty(Option.PARTIAL_DELIVERY_POINT, int)
    maxseg = OptionProperty(Option.MAXSEG, int)
    max_burst = OptionProperty(Option.MAX_BURST, int)
    context = OptionProperty(Option.CONTEXT, int)
    adaptation_layer = OptionProperty(Option.ADAPTATION_LAYER, int)
    reuse_port = OptionProperty(Option.REUSE_PORT, bool)
    sndbuf = OptionProperty(Option.SNDBUF, int)
    rcvbuf = OptionProperty(Option.RCVBUF, int)
    reuseaddr = OptionProperty(Option.REUSEADDR, bool)
    linger = OptionProperty(Option.LINGER, int)
    assoc_number = OptionProperty(Option.ASSOC_NUMBER, int, read_only=True)
    v6only = OptionProperty(Option.V6ONLY, bool)
    enable_stream_reset = OptionProperty(Option.ENABLE_STREAM_RESET, int)
    reconfig_supported = OptionProperty(Option.RECONFIG_SUPPORTED, bool)
    pr_supported = OptionProperty(Option.PR_SUPPORTED, bool)
    nonblock = OptionProperty(Option.NONBLOCK, bool)
    pending_error = OptionProperty(Option.PENDING_ERROR, int, read_only=True)
    recv_from = OptionProperty(Option.RECV_FROM, bool)
    udp_remote_port = OptionProperty(Option.UDP_REMOTE_PORT, int)
    stream_scheduler = OptionProperty(Option.STREAM_SCHEDULER, int)
    interleaving_supported = OptionProperty(Option.INTERLEAVING_SUPPORTED, bool)
    asconf_supported = OptionProperty(Option.ASCONF_SUPPORTED, bool)
    auto_asconf = OptionProperty(Option.AUTO_ASCONF, bool)
    ecn_supported = OptionProperty(Option.ECN_SUPPORTED, bool)
    plpmtud_probe_interval = OptionProperty(Option.PLPMTUD_PROBE_INTERVAL, int)
    auth_supported = OptionProperty(Option.AUTH_SUPPORTED, bool)
    expose_pf_state = OptionProperty(Option.EXPOSE_PF_STATE, int)
    recv_next_info = OptionProperty(Option.RECV_NEXT_INFO, bool)
    # END generated

    @property
    def initmsg(self) -> InitMsg:
        """SCTP_INITMSG: the parameters for new associations."""
        out = _lib.sctpx_initmsg()
        check(lib.sctpx_get_initmsg(self._handle, byref(out)))
        return from_c(InitMsg, out)

    @initmsg.setter
    def initmsg(self, value: InitMsg) -> None:
        check(lib.sctpx_set_initmsg(self._handle, byref(to_c(value, InitMsg, _lib.sctpx_initmsg))))

    def _get(self, fn: Callable[..., int], ctype: type[Any], cls: type[T], assoc_id: int) -> T:
        out = ctype()
        check(fn(self._handle, assoc_id, byref(out)))
        return from_c(cls, out)

    def _set(self, fn: Callable[..., int], value: Any, cls: type[Any], ctype: type[Any]) -> None:
        check(fn(self._handle, byref(to_c(value, cls, ctype))))

    def get_rtoinfo(self, assoc_id: int = 0) -> RtoInfo:
        """SCTP_RTOINFO of an association (0: the socket's defaults). Deprecated: the ``rtoinfo`` property."""
        _deprecated("get_rtoinfo", "the rtoinfo property (sock.association(id).rtoinfo for one association)")
        return self.association(assoc_id).rtoinfo

    def set_rtoinfo(self, value: RtoInfo) -> None:
        """Sets SCTP_RTOINFO (``value.assoc_id`` picks the association; 0 fields keep their value). Deprecated: the ``rtoinfo`` property."""
        _deprecated("set_rtoinfo", "the rtoinfo property")
        self.rtoinfo = value

    def get_assocparams(self, assoc_id: int = 0) -> AssocParams:
        """SCTP_ASSOCINFO of an association (0: the socket's defaults). Deprecated: the ``assocparams`` property."""
        _deprecated("get_assocparams", "the assocparams property (sock.association(id).assocparams for one association)")
        return self.association(assoc_id).assocparams

    def set_assocparams(self, value: AssocParams) -> None:
        """Sets SCTP_ASSOCINFO (``value.assoc_id`` picks the association). Deprecated: the ``assocparams`` property."""
        _deprecated("set_assocparams", "the assocparams property")
        self.assocparams = value

    def get_default_send_info(self, assoc_id: int = 0) -> SendInfo:
        """SCTP_DEFAULT_SNDINFO: what sends that give no parameters use. Deprecated: the ``default_send_info`` property."""
        _deprecated("get_default_send_info", "the default_send_info property (sock.association(id).default_send_info for one association)")
        return self.association(assoc_id).default_send_info

    def set_default_send_info(self, value: SendInfo) -> None:
        """Sets SCTP_DEFAULT_SNDINFO (``value.assoc_id`` picks the association). Deprecated: the ``default_send_info`` property."""
        _deprecated("set_default_send_info", "the default_send_info property")
        self.default_send_info = value

    def get_default_prinfo(self, assoc_id: int = 0) -> DefaultPrInfo:
        """SCTP_DEFAULT_PRINFO: the partial-reliability policy of sends that give none. Deprecated: the ``default_prinfo`` property."""
        _deprecated("get_default_prinfo", "the default_prinfo property (sock.association(id).default_prinfo for one association)")
        return self.association(assoc_id).default_prinfo

    def set_default_prinfo(self, value: DefaultPrInfo) -> None:
        """Sets SCTP_DEFAULT_PRINFO (``value.assoc_id`` picks the association). Deprecated: the ``default_prinfo`` property."""
        _deprecated("set_default_prinfo", "the default_prinfo property")
        self.default_prinfo = value

    def get_pr_assoc_status(self, policy: int, assoc_id: int = 0) -> PrStatus:
        """SCTP_PR_ASSOC_STATUS: the association's messages abandoned under ``policy``
        (``PR_TTL``, ``PR_RTX``, ``PR_PRIO``, or ``PR_ALL`` for every policy together)."""
        out = _lib.sctpx_pr_status()
        check(lib.sctpx_get_pr_assoc_status(self._handle, assoc_id, policy, byref(out)))
        return from_c(PrStatus, out)

    def get_pr_stream_status(self, stream: int, policy: int, assoc_id: int = 0) -> PrStatus:
        """SCTP_PR_STREAM_STATUS: as :meth:`get_pr_assoc_status`, for one outbound stream."""
        out = _lib.sctpx_pr_status()
        check(lib.sctpx_get_pr_stream_status(self._handle, assoc_id, stream, policy, byref(out)))
        return from_c(PrStatus, out)

    def get_stream_sched_value(self, stream: int, assoc_id: int = 0) -> int:
        """SCTP_STREAM_SCHEDULER_VALUE of an outbound stream: its priority under
        ``SCHED_PRIO`` (lower is sent first), its weight under ``SCHED_WFQ``."""
        out = ctypes.c_uint16()
        check(lib.sctpx_get_stream_sched_value(self._handle, assoc_id, stream, byref(out)))
        return out.value

    def set_stream_sched_value(self, stream: int, value: int, assoc_id: int = 0) -> None:
        """Sets SCTP_STREAM_SCHEDULER_VALUE of an outbound stream."""
        check(lib.sctpx_set_stream_sched_value(self._handle, assoc_id, stream, value))

    def get_delayed_sack(self, assoc_id: int = 0) -> SackInfo:
        """SCTP_DELAYED_SACK of an association (0: the socket's defaults). Deprecated: the ``delayed_sack`` property."""
        _deprecated("get_delayed_sack", "the delayed_sack property (sock.association(id).delayed_sack for one association)")
        return self.association(assoc_id).delayed_sack

    def set_delayed_sack(self, value: SackInfo) -> None:
        """Sets SCTP_DELAYED_SACK (``value.assoc_id`` picks the association). Deprecated: the ``delayed_sack`` property."""
        _deprecated("set_delayed_sack", "the delayed_sack property")
        self.delayed_sack = value

    def get_paddrparams(self, addr: Address | None = None, assoc_id: int = 0) -> PeerAddrParams:
        """SCTP_PEER_ADDR_PARAMS for a peer address (None: the association's or the
        socket's defaults)."""
        sa, n = _addr.sockaddr_arg(addr, self._family) if addr is not None else (None, 0)
        out = _lib.sctpx_paddrparams()
        check(lib.sctpx_get_paddrparams(self._handle, assoc_id, sa, n, byref(out)))
        return PeerAddrParams.from_c(out)

    def set_paddrparams(self, params: PeerAddrParams) -> None:
        # Called through the class: anything but a PeerAddrParams raises TypeError there.
        check(lib.sctpx_set_paddrparams(self._handle, byref(PeerAddrParams.to_c(params, self._family))))

    def get_paddrthlds(self, addr: Address | None = None, assoc_id: int = 0) -> PeerAddrThresholds:
        """SCTP_PEER_ADDR_THLDS_V2 for a peer address (None: the association's or the
        socket's defaults)."""
        sa, n = _addr.sockaddr_arg(addr, self._family) if addr is not None else (None, 0)
        out = _lib.sctpx_paddrthlds()
        check(lib.sctpx_get_paddrthlds(self._handle, assoc_id, sa, n, byref(out)))
        return PeerAddrThresholds.from_c(out)

    def set_paddrthlds(self, thresholds: PeerAddrThresholds) -> None:
        """Sets SCTP_PEER_ADDR_THLDS_V2; ``pf_max_retrans`` above ``ps_retrans`` raises
        InvalidArgumentError."""
        c = PeerAddrThresholds.to_c(thresholds, self._family)
        check(lib.sctpx_set_paddrthlds(self._handle, byref(c)))

    def get_paddr_udp_port(self, addr: Address, assoc_id: int = 0) -> int:
        """SCTP_REMOTE_UDP_ENCAPS_PORT of one peer address: the UDP port packets to it are
        encapsulated for, 0 for plain SCTP (``udp_remote_port`` is the association's)."""
        sa, n = _addr.sockaddr_arg(addr, self._family)
        out = ctypes.c_int32()
        check(lib.sctpx_get_paddr_udp_port(self._handle, assoc_id, sa, n, byref(out)))
        return out.value

    def set_paddr_udp_port(self, addr: Address, port: int, assoc_id: int = 0) -> None:
        """Sets SCTP_REMOTE_UDP_ENCAPS_PORT of one peer address: packets to it go over UDP
        to ``port`` from now on (0: plain SCTP), the other paths unchanged."""
        sa, n = _addr.sockaddr_arg(addr, self._family)
        check(lib.sctpx_set_paddr_udp_port(self._handle, assoc_id, sa, n, port))

    def get_status(self, assoc_id: int = 0) -> Status:
        """SCTP_STATUS of an association. Deprecated: the ``status`` property."""
        _deprecated("get_status", "the status property (sock.association(id).status for one association)")
        return self.association(assoc_id).status

    def get_paddrinfo(self, addr: Address, assoc_id: int = 0) -> PeerAddrInfo:
        """SCTP_GET_PEER_ADDR_INFO for one peer address."""
        sa, n = _addr.sockaddr_arg(addr, self._family)
        out = _lib.sctpx_paddrinfo()
        check(lib.sctpx_get_paddrinfo(self._handle, assoc_id, sa, n, byref(out)))
        return PeerAddrInfo.from_c(out)

    def get_assoc_stats(self, assoc_id: int = 0) -> AssocStats:
        """SCTP_GET_ASSOC_STATS of an association. Deprecated: the ``assoc_stats`` property."""
        _deprecated("get_assoc_stats", "the assoc_stats property (sock.association(id).assoc_stats for one association)")
        return self.association(assoc_id).assoc_stats

    def set_primary(self, addr: Address, assoc_id: int = 0) -> None:
        """Makes peer address ``addr`` the primary path of the association."""
        sa, n = _addr.sockaddr_arg(addr, self._family)
        check(lib.sctpx_set_primary(self._handle, assoc_id, sa, n))

    def get_primary(self, assoc_id: int = 0) -> Address | None:
        """The association's primary peer address. Deprecated: the ``primary`` property."""
        _deprecated("get_primary", "the primary property (sock.association(id).primary for one association)")
        return self.association(assoc_id).primary

    def set_peer_primary(self, addr: Address, assoc_id: int = 0) -> None:
        """Asks the peer to use our address ``addr`` as its primary (needs ASCONF)."""
        sa, n = _addr.sockaddr_arg(addr, self._family)
        check(lib.sctpx_set_peer_primary(self._handle, assoc_id, sa, n))

    def reset_streams(self, flags: int, streams: Sequence[int] = (), assoc_id: int = 0) -> None:
        """Requests a reset of ``streams`` (empty: all) in direction ``flags``
        (``sctpx.STREAM_RESET_INCOMING`` | ``sctpx.STREAM_RESET_OUTGOING``). Both sides
        need ``enable_stream_reset``."""
        arr = (ctypes.c_uint16 * len(streams))(*[_U16(s, f"streams[{i:d}]") for i, s in enumerate(streams)])
        check(lib.sctpx_reset_streams(self._handle, assoc_id, flags, arr if streams else None, len(streams)))

    def reset_assoc(self, assoc_id: int = 0) -> None:
        """Resets the association's TSNs and stream sequence numbers (SCTP_RESET_ASSOC).
        Both sides need ``reconfig_supported`` and ``ENABLE_RESET_ASSOC_REQ``."""
        check(lib.sctpx_reset_assoc(self._handle, assoc_id))

    def add_streams(self, inbound: int, outbound: int, assoc_id: int = 0) -> None:
        """Adds streams to an association (SCTP_ADD_STREAMS)."""
        check(lib.sctpx_add_streams(self._handle, assoc_id, inbound, outbound))

    # --- SCTP-AUTH (RFC 4895); each needs ``auth_supported`` on the socket (else EACCES) ---

    def add_auth_chunk(self, chunk_type: int) -> None:
        """Requires chunks of ``chunk_type`` (0 is DATA) to arrive authenticated on associations
        set up after the call (SCTP_AUTH_CHUNK); the peer learns the list during set-up."""
        check(lib.sctpx_add_auth_chunk(self._handle, chunk_type))

    def set_hmac_idents(self, idents: Sequence[int]) -> None:
        """Sets the HMAC algorithms offered to new peers, in order of preference
        (``sctpx.HMAC_SHA1`` must be among them; SCTP_HMAC_IDENT)."""
        arr = (ctypes.c_uint16 * len(idents))(*[_U16(v, f"idents[{i:d}]") for i, v in enumerate(idents)])
        check(lib.sctpx_set_hmac_idents(self._handle, arr, len(idents)))

    def get_hmac_idents(self) -> list[int]:
        """The HMAC algorithms offered to new peers (SCTP_HMAC_IDENT)."""
        arr = (ctypes.c_uint16 * 16)()
        n = check(lib.sctpx_get_hmac_idents(self._handle, arr, 16))
        return list(arr[: min(n, 16)])

    def set_auth_key(self, key_number: int, key: Bytes, assoc_id: int = 0) -> None:
        """Adds shared key ``key_number`` (or replaces its bytes) (SCTP_AUTH_KEY): on association
        ``assoc_id`` of a one-to-many socket (0: its defaults), on a one-to-one socket on its
        association once it has one."""
        key = _as_bytes(key)
        check(lib.sctpx_set_auth_key(self._handle, assoc_id, key_number, key, len(key)))

    def set_active_auth_key(self, key_number: int, assoc_id: int = 0) -> None:
        """Makes key ``key_number`` the one outgoing chunks are authenticated with
        (SCTP_AUTH_ACTIVE_KEY); a peer whose active key differs reports ``AUTH_NEW_KEY``."""
        check(lib.sctpx_set_active_auth_key(self._handle, assoc_id, key_number))

    def get_active_auth_key(self, assoc_id: int = 0) -> int:
        """The active key number (SCTP_AUTH_ACTIVE_KEY). Deprecated: the ``active_auth_key`` property."""
        _deprecated("get_active_auth_key", "the active_auth_key property (sock.association(id).active_auth_key for one association)")
        return self.association(assoc_id).active_auth_key

    def deactivate_auth_key(self, key_number: int, assoc_id: int = 0) -> None:
        """Stops sending with key ``key_number`` (not the active one; SCTP_AUTH_DEACTIVATE_KEY).
        On an association ``AUTH_FREE_KEY`` follows once no queued chunk uses it."""
        check(lib.sctpx_deactivate_auth_key(self._handle, assoc_id, key_number))

    def delete_auth_key(self, key_number: int, assoc_id: int = 0) -> None:
        """Deletes key ``key_number`` (not the active one; SCTP_AUTH_DELETE_KEY)."""
        check(lib.sctpx_delete_auth_key(self._handle, assoc_id, key_number))

    def get_peer_auth_chunks(self, assoc_id: int = 0) -> bytes:
        """The chunk types the peer requires authenticated, one byte each
        (SCTP_PEER_AUTH_CHUNKS)."""
        return self._auth_chunks(lib.sctpx_get_peer_auth_chunks, assoc_id)

    def get_local_auth_chunks(self, assoc_id: int = 0) -> bytes:
        """The chunk types this side requires authenticated, one byte each
        (SCTP_LOCAL_AUTH_CHUNKS)."""
        return self._auth_chunks(lib.sctpx_get_local_auth_chunks, assoc_id)

    def _auth_chunks(self, fn: Callable[..., int], assoc_id: int) -> bytes:
        buf = ctypes.create_string_buffer(256)  # one of each chunk type at most
        n = check(fn(self._handle, assoc_id, buf, 256))
        return buf.raw[: min(n, 256)]

    # --- the escape hatch: options sctpx does not type ------------------------------------

    def getsockopt(self, level: int, name: int, buf: Bytes | int) -> bytes:
        """getsockopt(``level``, ``name``) with Linux's option numbers and layouts
        (``<linux/sctp.h>``). ``level`` is ``sctpx.LEVEL_SCTP`` or ``sctpx.LEVEL_SOCKET``.
        ``buf`` is what to pass in (the kernel reads fields such as an association id from
        it), or a size in bytes to pass zeros; returns what the kernel wrote. Options whose
        buffer holds a pointer are refused (:class:`InvalidArgumentError`); on the userspace
        backend every raw call raises :class:`Error` with code ``ERR_NOT_SUPPORTED`` (usrsctp
        numbers its options differently)."""
        data = bytes(_SIZE(buf, "buf")) if isinstance(buf, int) else bytes(buf)
        out = ctypes.create_string_buffer(data, len(data))
        n = ctypes.c_size_t(len(data))
        check(lib.sctpx_getsockopt(self._handle, level, name, out, byref(n)))
        return out.raw[: n.value]

    def setsockopt(self, level: int, name: int, value: Bytes) -> None:
        """setsockopt(``level``, ``name``) from ``value``'s bytes, as :meth:`getsockopt` says."""
        data = _as_bytes(value)
        check(lib.sctpx_setsockopt(self._handle, level, name, data, len(data)))


def _open(fn: Callable[..., int], family: int, kind: int, backend: int | None) -> Socket:
    out = _lib.sctpx_handle()
    if backend is None:
        check(fn(family, byref(out)))
    else:
        check(lib.sctpx_open(backend, family, kind, byref(out)))
    return Socket(out.value, int(family))


def adopt_fd(fd: int) -> Socket:
    """Takes ownership of an existing SCTP socket descriptor (sctpx_adopt_fd): sctpx closes
    it, also when it is refused for not being an SCTP socket. Pass ``os.dup(fd)`` to keep
    your own. The kind (one-to-one or one-to-many) comes from the socket's type."""
    fd = _lib.INTS[ctypes.c_int32](fd, "fd")
    # The socket module reads the family from the descriptor; detach() gives it back. It
    # refuses what is no socket (or not open): sctpx_adopt_fd then refuses it too, with its
    # documented code, and closes it as promised.
    try:
        probe = _socket.socket(fileno=fd)
    except OSError:
        family = None
    else:
        family = int(probe.family)
        probe.detach()
    out = _lib.sctpx_handle()
    check(lib.sctpx_adopt_fd(fd, byref(out)))
    if family is None:  # the C call accepted what the socket module refused: no such socket exists
        lib.sctpx_close(out.value)
        raise InvalidArgumentError("adopt_fd: not an SCTP socket")
    return Socket(out.value, family)


def open_tcp(family: int = _socket.AF_INET6, *, backend: int | None = None) -> Socket:
    """Opens a one-to-one (SOCK_STREAM-style) socket. ``AF_INET6`` (the default) is
    dual-stack: IPv4 peers work too. ``backend``: ``sctpx.BACKEND_KERNEL``,
    ``sctpx.BACKEND_USERSPACE`` or ``sctpx.BACKEND_AUTO``; None (the default) takes the
    process default (:func:`sctpx.default_backend`). A backend this machine lacks raises
    :class:`sctpx.BackendUnavailableError`."""
    return _open(lib.sctpx_open_tcp, family, constants.KIND_ONE_TO_ONE, backend)


def open_udp(family: int = _socket.AF_INET6, *, backend: int | None = None) -> Socket:
    """Opens a one-to-many (SOCK_SEQPACKET-style) socket; ``backend`` as for
    :func:`open_tcp`."""
    return _open(lib.sctpx_open_udp, family, constants.KIND_ONE_TO_MANY, backend)
