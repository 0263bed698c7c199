"""Typed events: what :meth:`sctpx.Socket.next_event` returns.

A data message is a :class:`DataMessage`; each of the 13 notification kinds has its own
class (all subclasses of :class:`Notification`). Every event has ``assoc_id`` (the
association it belongs to) and ``data`` (its bytes: the message, or the payload the
header documents for the notification, always :class:`bytes`). ``KIND`` is the
``SCTPX_EVENT_*`` number, usable with :meth:`sctpx.Socket.subscribe` (the class itself
is accepted too).

The values of their state, flag and indication fields are the header's constants:
``sctpx.COMM_UP``, ``sctpx.ADDR_CONFIRMED``, ``sctpx.DATA_SENT``, ``sctpx.AUTH_NO_AUTH``,
``sctpx.STREAM_RESET_OUTGOING_SSN``, ``sctpx.RESET_DENIED``, ...
"""

from __future__ import annotations

import ctypes
import struct
from dataclasses import dataclass
from enum import IntEnum, IntFlag
from typing import Any, Callable, ClassVar

from . import _addr, _lib, constants
from .options import from_c

Address = tuple[Any, ...]


class EventKind(IntEnum):
    """``SCTPX_EVENT_*``: what an event is; the notification kinds are what
    :meth:`sctpx.Socket.subscribe` takes."""

    # BEGIN generated (event-kinds): tools/gen-bindings makes it from include/sctpx.h: do not edit
    #: A data message.
    DATA = constants.EVENT_DATA
    #: Association change (`assoc_change`).
    ASSOC_CHANGE = constants.EVENT_ASSOC_CHANGE
    #: Peer address change (`peer_addr_change`).
    PEER_ADDR_CHANGE = constants.EVENT_PEER_ADDR_CHANGE
    #: Send failed, old form (`send_failed`; the info came from sctp_sndrcvinfo).
    SEND_FAILED = constants.EVENT_SEND_FAILED
    #: Remote error (`remote_error`); the payload is the error cause.
    REMOTE_ERROR = constants.EVENT_REMOTE_ERROR
    #: The peer sent SHUTDOWN: no more data will arrive.
    SHUTDOWN = constants.EVENT_SHUTDOWN
    #: Partial delivery was aborted (`partial_delivery`).
    PARTIAL_DELIVERY = constants.EVENT_PARTIAL_DELIVERY
    #: The peer's adaptation layer indication (`adaptation`).
    ADAPTATION = constants.EVENT_ADAPTATION
    #: Authentication key event (`authentication`).
    AUTHENTICATION = constants.EVENT_AUTHENTICATION
    #: No user data is left to send or retransmit.
    SENDER_DRY = constants.EVENT_SENDER_DRY
    #: Streams were reset (`stream_reset`); the payload is the list of stream
    #: numbers as host-order uint16_t values.
    STREAM_RESET = constants.EVENT_STREAM_RESET
    #: The association was reset (`assoc_reset`).
    ASSOC_RESET = constants.EVENT_ASSOC_RESET
    #: The number of streams changed (`stream_change`).
    STREAM_CHANGE = constants.EVENT_STREAM_CHANGE
    #: Send failed, new form (`send_failed`; the info came from sctp_sndinfo).
    SEND_FAILED_EVENT = constants.EVENT_SEND_FAILED_EVENT
    # END generated


class EventFlag(IntFlag):
    """The flags :meth:`sctpx.Socket.recv_message_into` returns: ``SCTPX_EVENT_FLAG_*``,
    and ``NOTIFICATION`` for an event that is not a data message."""

    #: The message is complete (the last or only piece of it).
    COMPLETE = constants.EVENT_FLAG_COMPLETE
    #: The data message was sent unordered.
    UNORDERED = constants.EVENT_FLAG_UNORDERED
    #: A notification did not fit in the buffer (its payload was cut).
    TRUNCATED = constants.EVENT_FLAG_TRUNCATED
    #: Not a data message but a notification (decoded in
    #: :attr:`sctpx.Socket.last_notification`). The kernel's MSG_NOTIFICATION value,
    #: clear of every ``SCTPX_EVENT_FLAG_*`` bit.
    NOTIFICATION = 0x8000


@dataclass(frozen=True)
class Event:
    """Fields every event has."""

    KIND: ClassVar[EventKind]
    #: The association the event belongs to.
    assoc_id: int
    #: The event's bytes.
    data: bytes


@dataclass(frozen=True)
class DataMessage(Event):
    """A data message (or, when ``complete`` is False, one piece of a larger one)."""

    KIND: ClassVar[EventKind] = EventKind.DATA
    stream: int
    #: Stream sequence number.
    ssn: int
    #: Payload protocol identifier, host byte order.
    ppid: int
    tsn: int
    cumtsn: int
    context: int
    #: The source address, or None when the kernel gave none (always with ``recv_from`` off).
    from_: Address | None
    #: The message ends here (MSG_EOR); False: the next receive returns more of it.
    complete: bool
    #: The peer sent it unordered.
    unordered: bool


@dataclass(frozen=True)
class NextInfo:
    """The message queued behind the one a receive returned (SCTP_NXTINFO): what
    :meth:`sctpx.Socket.next_event_with_next_info` reports with ``recv_next_info`` on.
    That message is not consumed: the next receive returns it."""

    #: Its stream number.
    stream: int
    #: Its payload protocol identifier, host byte order.
    ppid: int
    #: Its length in bytes, as much of it as has arrived.
    len: int
    #: Its association.
    assoc_id: int
    #: It was sent unordered.
    unordered: bool
    #: The whole of it has arrived (never reported by Linux, which has no SCTP_COMPLETE).
    complete: bool
    #: It is a notification, not a data message.
    notification: bool

    @staticmethod
    def from_c(c: _lib.sctpx_next_info) -> NextInfo | None:
        """The report in a filled ``sctpx_next_info``, or None when it says no next
        message is known."""
        if not c.flags & constants.NEXT_FLAG_PRESENT:
            return None
        return NextInfo(
            stream=c.stream,
            ppid=c.ppid,
            len=c.len,
            assoc_id=c.assoc_id,
            unordered=bool(c.flags & constants.NEXT_FLAG_UNORDERED),
            complete=bool(c.flags & constants.NEXT_FLAG_COMPLETE),
            notification=bool(c.flags & constants.NEXT_FLAG_NOTIFICATION),
        )


@dataclass(frozen=True)
class Notification(Event):
    """Fields every notification has."""

    #: The notification did not fit the buffer: its fields are whole, ``data`` was cut.
    truncated: bool


@dataclass(frozen=True)
class AssocChange(Notification):
    """An association came up, went down, restarted or could not start."""

    KIND: ClassVar[EventKind] = EventKind.ASSOC_CHANGE
    state: int
    #: The error cause code (host order) when the association failed.
    error: int
    outbound_streams: int
    inbound_streams: int
    #: ``sctpx.FEATURE_*`` bits the peer supports (COMM_UP and RESTART only; Linux 6.1
    #: sends none, so it reads 0 there).
    features: int


@dataclass(frozen=True)
class PeerAddrChange(Notification):
    """A peer address changed state."""

    KIND: ClassVar[EventKind] = EventKind.PEER_ADDR_CHANGE
    # Values of ``error``: why the state changed (SCTPX_PEER_* in the header).
    FAILED_THRESHOLD: ClassVar[int] = constants.PEER_FAILED_THRESHOLD
    RECEIVED_SACK: ClassVar[int] = constants.PEER_RECEIVED_SACK
    HEARTBEAT_SUCCESS: ClassVar[int] = constants.PEER_HEARTBEAT_SUCCESS
    RESPONSE_TO_USER_REQ: ClassVar[int] = constants.PEER_RESPONSE_TO_USER_REQ
    INTERNAL_ERROR: ClassVar[int] = constants.PEER_INTERNAL_ERROR
    SHUTDOWN_GUARD_EXPIRES: ClassVar[int] = constants.PEER_SHUTDOWN_GUARD_EXPIRES
    PEER_FAULTY: ClassVar[int] = constants.PEER_FAULTY
    addr: Address | None
    state: int
    #: Why: one of the constants above (a reason code, not an errno).
    error: int


@dataclass(frozen=True)
class SendInfo:
    """What a message was sent with (``sctpx_send_info``); PPID in host byte order."""

    stream: int = 0
    flags: int = 0
    ppid: int = 0
    context: int = 0
    assoc_id: int = 0
    pr_policy: int = 0
    pr_value: int = 0


@dataclass(frozen=True)
class SendFailed(Notification):
    """A message could not be delivered (old form, SCTP_SEND_FAILED); ``data`` is the
    unsent user data."""

    KIND: ClassVar[EventKind] = EventKind.SEND_FAILED
    #: ``sctpx.DATA_UNSENT`` or ``sctpx.DATA_SENT``: whether the data went on the wire.
    flags: int
    error: int
    info: SendInfo


@dataclass(frozen=True)
class SendFailedEvent(SendFailed):
    """As :class:`SendFailed`, the new form (SCTP_SEND_FAILED_EVENT)."""

    KIND: ClassVar[EventKind] = EventKind.SEND_FAILED_EVENT


@dataclass(frozen=True)
class RemoteError(Notification):
    """The peer sent an ERROR chunk; ``data`` is the error cause TLVs."""

    KIND: ClassVar[EventKind] = EventKind.REMOTE_ERROR
    #: The cause code, host order.
    error: int


@dataclass(frozen=True)
class Shutdown(Notification):
    """The peer sent SHUTDOWN: no more data will arrive on the association."""

    KIND: ClassVar[EventKind] = EventKind.SHUTDOWN


@dataclass(frozen=True)
class PartialDelivery(Notification):
    """Partial delivery of a message was aborted."""

    KIND: ClassVar[EventKind] = EventKind.PARTIAL_DELIVERY
    indication: int
    stream: int
    sequence: int


@dataclass(frozen=True)
class Adaptation(Notification):
    """The peer's adaptation layer indication."""

    KIND: ClassVar[EventKind] = EventKind.ADAPTATION
    indication: int


@dataclass(frozen=True)
class Authentication(Notification):
    """An authentication key event."""

    KIND: ClassVar[EventKind] = EventKind.AUTHENTICATION
    key_number: int
    indication: int


@dataclass(frozen=True)
class SenderDry(Notification):
    """No user data is left to send or retransmit."""

    KIND: ClassVar[EventKind] = EventKind.SENDER_DRY


@dataclass(frozen=True)
class StreamReset(Notification):
    """Streams were reset; :attr:`streams` lists them."""

    KIND: ClassVar[EventKind] = EventKind.STREAM_RESET
    flags: int

    @property
    def streams(self) -> tuple[int, ...]:
        """The stream numbers (the payload: host-order uint16 values)."""
        n = len(self.data) // 2
        return struct.unpack(f"={n:d}H", self.data[: 2 * n])


@dataclass(frozen=True)
class AssocReset(Notification):
    """The association was reset."""

    KIND: ClassVar[EventKind] = EventKind.ASSOC_RESET
    flags: int
    local_tsn: int
    remote_tsn: int


@dataclass(frozen=True)
class StreamChange(Notification):
    """The number of streams changed."""

    KIND: ClassVar[EventKind] = EventKind.STREAM_CHANGE
    flags: int
    inbound_streams: int
    outbound_streams: int


#: Notification classes by kind, 1..13.
NOTIFICATIONS: dict[int, type[Notification]] = {
    cls.KIND: cls
    for cls in (
        AssocChange,
        PeerAddrChange,
        SendFailed,
        RemoteError,
        Shutdown,
        PartialDelivery,
        Adaptation,
        Authentication,
        SenderDry,
        StreamReset,
        AssocReset,
        StreamChange,
        SendFailedEvent,
    )
}


def _send_failed(ev: _lib.sctpx_event) -> dict[str, Any]:
    s = ev.send_failed
    return {"flags": s.flags, "error": s.error, "info": from_c(SendInfo, s.info)}


def _fields(sub: str, *names: str) -> Callable[[_lib.sctpx_event], dict[str, Any]]:
    """Copies the named fields of the event's sub-struct ``sub``."""

    def get(ev: _lib.sctpx_event) -> dict[str, Any]:
        s = getattr(ev, sub)
        return {n: getattr(s, n) for n in names}

    return get


_DECODE: dict[int, Callable[[_lib.sctpx_event], dict[str, Any]]] = {
    EventKind.ASSOC_CHANGE: _fields(
        "assoc_change", "state", "error", "outbound_streams", "inbound_streams", "features"
    ),
    EventKind.PEER_ADDR_CHANGE: lambda ev: {
        "addr": _addr.from_storage(ev.peer_addr_change.addr),
        "state": ev.peer_addr_change.state,
        "error": ev.peer_addr_change.error,
    },
    EventKind.SEND_FAILED: _send_failed,
    EventKind.REMOTE_ERROR: _fields("remote_error", "error"),
    EventKind.SHUTDOWN: lambda ev: {},
    EventKind.PARTIAL_DELIVERY: _fields("partial_delivery", "indication", "stream", "sequence"),
    EventKind.ADAPTATION: _fields("adaptation", "indication"),
    EventKind.AUTHENTICATION: _fields("authentication", "key_number", "indication"),
    EventKind.SENDER_DRY: lambda ev: {},
    EventKind.STREAM_RESET: _fields("stream_reset", "flags"),
    EventKind.ASSOC_RESET: _fields("assoc_reset", "flags", "local_tsn", "remote_tsn"),
    EventKind.STREAM_CHANGE: _fields("stream_change", "flags", "inbound_streams", "outbound_streams"),
    EventKind.SEND_FAILED_EVENT: _send_failed,
}


_new_object = object.__new__
_FLAG_COMPLETE = constants.EVENT_FLAG_COMPLETE
_FLAG_UNORDERED = constants.EVENT_FLAG_UNORDERED


def decode_notification(ev: _lib.sctpx_event, data: bytes) -> Event:
    """The typed notification a filled ``sctpx_event`` holds, with its bytes ``data``."""
    cls = NOTIFICATIONS[ev.kind]
    return cls(
        assoc_id=ev.assoc_id,
        data=data,
        truncated=bool(ev.flags & constants.EVENT_FLAG_TRUNCATED),
        **_DECODE[ev.kind](ev),
    )


# The fixed head of sctpx_event (kind .. from_len), read in one unpack: nine ctypes field
# reads cost more than the receive call. The head is followed by `from`, whose first 8 bytes
# come in the same unpack (see _addr.from_event).
_HEAD_FIELDS = ("kind", "flags", "assoc_id", "len", "stream", "ssn", "ppid", "tsn", "cumtsn", "context", "from_len")
_FROM = _lib.sctpx_event.__dict__["from"].offset
_HEAD = struct.Struct(_lib.struct_format(_lib.sctpx_event, _HEAD_FIELDS) + "Q")
assert _HEAD.size == _FROM + 8, "from follows from_len"
_EVENT_SIZE = ctypes.sizeof(_lib.sctpx_event)
_DATA = constants.EVENT_DATA
_set_dict = object.__setattr__


def decode_at(events: Any, index: int, view: memoryview, buf: memoryview, data_off: int) -> Event:
    """The typed event ``events[index]`` of a filled ``sctpx_event`` array, read through
    ``view`` (the array's bytes), with its bytes at ``data_off`` of ``buf``."""
    off = index * _EVENT_SIZE
    kind, flags, assoc_id, n, stream, ssn, ppid, tsn, cumtsn, context, from_len, head8 = _HEAD.unpack_from(view, off)
    data = buf[data_off : data_off + n].tobytes()
    if kind != _DATA:
        return decode_notification(events[index], data)
    # A frozen dataclass's __init__ sets each field through object.__setattr__, which cost
    # more than the receive itself: the instance dict is filled in one go instead (the
    # same object: every field, still frozen).
    msg = _new_object(DataMessage)
    _set_dict(
        msg,
        "__dict__",
        {
            "assoc_id": assoc_id,
            "data": data,
            "stream": stream,
            "ssn": ssn,
            "ppid": ppid,
            "tsn": tsn,
            "cumtsn": cumtsn,
            "context": context,
            "from_": _addr.from_event(view, off + _FROM, head8) if from_len else None,
            "complete": flags & _FLAG_COMPLETE != 0,
            "unordered": flags & _FLAG_UNORDERED != 0,
        },
    )
    return msg


def kind_of(kind: Any) -> Any:
    """An ``SCTPX_EVENT_*`` number from an event class; a number or an :class:`EventKind`
    is returned as it is, for the C call's checked conversion (int() would make 1.5 a 1)."""
    if isinstance(kind, type) and issubclass(kind, Event):
        return int(kind.KIND)
    return kind
