"""asyncio support: :class:`AsyncSocket`, an SCTP socket whose receives and sends are
awaitable.

The socket is made non-blocking and its descriptor (``sctpx_fileno``) is watched with the
running loop's ``add_reader`` / ``add_writer``; nothing runs in threads, so one loop can
serve thousands of associations. Every awaitable is cancellable: cancelling it (or
``asyncio.wait_for`` timing it out) leaves the socket usable.

::

    import asyncio, socket, sctpx.aio

    async def main():
        srv = sctpx.aio.open_udp(socket.AF_INET)
        srv.bind(("127.0.0.1", 5000))
        srv.listen()
        while True:
            ev = await srv.next_event()
            if isinstance(ev, sctpx.DataMessage):
                await srv.send(ev.data, stream=ev.stream, ppid=ev.ppid, assoc_id=ev.assoc_id)

See also ``bindings/python/examples/asyncio_echo_server.py``.
"""

from __future__ import annotations

import asyncio
import functools
import socket as _socket
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Callable, TypeVar

from .constants import BINDX_ADD, KIND_ONE_TO_ONE
from .core import DEFAULT_BUFSIZE, Bytes, SendMsg, Socket
from .core import open_tcp as _open_tcp
from .core import open_udp as _open_udp
from .errors import ClosedHandleError
from .events import Event

if TYPE_CHECKING:  # Self is typing's from 3.11; only annotations name it
    from typing_extensions import Self

Address = tuple[Any, ...]
T = TypeVar("T")


class _Watch:
    """Futures waiting for one readiness direction of a descriptor.

    asyncio keeps one reader (and one writer) callback per descriptor; this lets several
    coroutines wait on the same socket at once, and unregisters as soon as none waits.
    """

    def __init__(self, add: Callable[..., None], remove: Callable[[int], Any], fd: int) -> None:
        self._add, self._remove, self._fd = add, remove, fd
        self._waiters: set[asyncio.Future[None]] = set()
        self._registered = False
        self._closed = False

    async def wait(self, loop: asyncio.AbstractEventLoop) -> None:
        if self._closed:
            raise ClosedHandleError("the socket is closed")
        fut: asyncio.Future[None] = loop.create_future()
        self._waiters.add(fut)
        if not self._registered:
            self._add(self._fd, self._ready)
            self._registered = True
        try:
            await fut
        finally:
            self._waiters.discard(fut)
            if not self._waiters:
                self._unregister()

    def _unregister(self) -> None:
        if self._registered:
            self._remove(self._fd)
            self._registered = False

    def _ready(self) -> None:
        for fut in self._waiters:
            if not fut.done():
                fut.set_result(None)

    def close(self) -> None:
        """Stops watching at once (the descriptor number may be reused right after) and
        fails the waiters as a call on the closed socket would."""
        self._unregister()
        self._closed = True
        for fut in self._waiters:
            if not fut.done():
                fut.set_exception(ClosedHandleError("the socket was closed while waiting"))


class AsyncSocket:
    """An SCTP socket for asyncio, wrapping a :class:`sctpx.Socket` (``sock``).

    The awaitable methods mirror the socket's blocking ones; the others are passed
    through. Options and everything else stay on :attr:`sock` (``asock.sock.nodelay``).
    Create it inside a running loop (it binds to it).
    """

    def __init__(self, sock: Socket, loop: asyncio.AbstractEventLoop | None = None) -> None:
        self.sock = sock
        self._loop = loop or asyncio.get_running_loop()
        sock.nonblock = True
        fd = sock.fileno()
        self._readable = _Watch(self._loop.add_reader, self._loop.remove_reader, fd)
        self._writable = _Watch(self._loop.add_writer, self._loop.remove_writer, fd)

    async def _retry(self, watch: _Watch, call: Callable[[], T]) -> T:
        """Runs a non-blocking call until it stops raising BlockingIOError."""
        while True:
            try:
                return call()
            except BlockingIOError:
                await watch.wait(self._loop)

    # --- pass-through ----------------------------------------------------------------------

    def fileno(self) -> int:
        return self.sock.fileno()

    def bind(self, addr: Address) -> None:
        self.sock.bind(addr)

    def bindx(self, addrs: Sequence[Address], flags: int = BINDX_ADD) -> None:
        self.sock.bindx(addrs, flags)

    def listen(self, backlog: int = 128) -> None:
        self.sock.listen(backlog)

    def subscribe(self, kind: Any, on: bool = True) -> None:
        self.sock.subscribe(kind, on)

    def shutdown(self, assoc_id: int = 0) -> None:
        self.sock.shutdown(assoc_id)

    def abort(self, assoc_id: int) -> None:
        """As :meth:`sctpx.Socket.abort` (one-to-many)."""
        self.sock.abort(assoc_id)

    def peer_addrs(self, assoc_id: int = 0) -> list[Address]:
        return self.sock.peer_addrs(assoc_id)

    def local_addrs(self, assoc_id: int = 0) -> list[Address]:
        return self.sock.local_addrs(assoc_id)

    def peeloff(self, assoc_id: int) -> AsyncSocket:
        """Branches an association off into a new :class:`AsyncSocket`."""
        return AsyncSocket(self.sock.peeloff(assoc_id), self._loop)

    def close(self) -> None:
        """Closes the socket; coroutines waiting on it raise :class:`sctpx.ClosedHandleError`."""
        self._end(self.sock.close)

    def abort_and_close(self) -> None:
        """As :meth:`close`, with the associations aborted (:meth:`sctpx.Socket.abort_and_close`)."""
        self._end(self.sock.abort_and_close)

    def _end(self, close: Callable[[], None]) -> None:
        if not self.sock.closed:
            # Stop watching before the descriptor closes: its number can be reused at once.
            self._readable.close()
            self._writable.close()
            close()

    async def __aenter__(self) -> Self:
        return self

    async def __aexit__(self, *exc: object) -> None:
        self.close()

    def __repr__(self) -> str:
        return f"<sctpx.aio.AsyncSocket {self.sock!r}>"

    # --- awaitable -------------------------------------------------------------------------

    async def next_event(self, bufsize: int = DEFAULT_BUFSIZE) -> Event:
        """The next data message or notification (see :meth:`sctpx.Socket.next_event`)."""
        return await self._retry(self._readable, lambda: self.sock.next_event(0, bufsize))

    async def recv_batch(self, count: int = 16, bufsize: int = DEFAULT_BUFSIZE) -> list[Event]:
        """Up to ``count`` events: waits for the first, then takes what is queued."""
        return await self._retry(self._readable, lambda: self.sock.recv_batch(count, 0, bufsize))

    async def send(self, data: Bytes, **params: Any) -> int:
        """Sends one message; ``params`` are those of :meth:`sctpx.Socket.send`."""
        return await self._retry(self._writable, lambda: self.sock.send(data, **params))

    async def send_stream(self, data: Bytes, stream: int = 0, ppid: int = 0, assoc_id: int = 0) -> int:
        return await self._retry(self._writable, lambda: self.sock.send_stream(data, stream, ppid, assoc_id))

    async def send_batch(self, messages: Iterable[Bytes | SendMsg]) -> int:
        """Sends every message, waiting for room as needed; returns how many."""
        pending = list(messages)
        sent = 0
        while sent < len(pending):
            sent += await self._retry(self._writable, functools.partial(self.sock.send_batch, pending[sent:]))
        return sent

    async def accept(self) -> tuple[AsyncSocket, Address | None]:
        """Accepts an association: (new :class:`AsyncSocket`, peer address)."""
        conn, peer = await self._retry(self._readable, self.sock.accept)
        return AsyncSocket(conn, self._loop), peer

    async def _connected(self) -> None:
        """Waits for a one-to-one socket's set-up to end (it turns writable either
        way) and raises how it failed, if it did."""
        await self._retry(self._writable, self.sock.connect_result)

    async def connect(self, addr: Address) -> None:
        """Connects; returns when the association is up. On a one-to-many socket it
        returns once the association is being set up (see :meth:`connectx`)."""
        if self.sock.kind != KIND_ONE_TO_ONE:
            await self.connectx([addr])
            return
        try:
            self.sock.connect(addr)
        except BlockingIOError:
            await self._connected()

    async def connectx(self, addrs: Sequence[Address]) -> int:
        """Connects by several peer addresses and returns the association id.

        One-to-one: returns once the association is up. One-to-many: returns at once with
        the id of the association being set up (writability says nothing about one
        association there); messages sent to it wait for it, and
        :meth:`sctpx.Socket.connect_result` or an :class:`sctpx.AssocChange` (when
        subscribed) says how it went.
        """
        try:
            return self.sock.connectx(addrs)
        except BlockingIOError as e:
            assoc: int = getattr(e, "assoc_id", 0)
        if self.sock.kind == KIND_ONE_TO_ONE:
            await self._connected()
        return assoc


def open_tcp(family: int = _socket.AF_INET6, *, backend: int | None = None) -> AsyncSocket:
    """A one-to-one :class:`AsyncSocket` (call from a running loop); ``backend`` as for
    :func:`sctpx.open_tcp`."""
    return AsyncSocket(_open_tcp(family, backend=backend))


def open_udp(family: int = _socket.AF_INET6, *, backend: int | None = None) -> AsyncSocket:
    """A one-to-many :class:`AsyncSocket` (call from a running loop); ``backend`` as for
    :func:`sctpx.open_udp`."""
    return AsyncSocket(_open_udp(family, backend=backend))
