"""PySCTP-compatible API over sctpx: change only the import.

::

    import sctpx.pysctp as sctp          # instead of: import sctp

    sk = sctp.sctpsocket_tcp(socket.AF_INET)
    sk.connect(("127.0.0.1", 36412))
    sk.sctp_send(b"hello", ppid=18)
    fromaddr, flags, msg, notif = sk.sctp_recv(1024)

The names, signatures and return shapes are PySCTP's (``sctp.py`` of P1sec/pysctp):
``sctpsocket``, ``sctpsocket_tcp(family, sk=None)``, ``sctpsocket_udp(family, sk=None)``,
``sctp_send(msg, to=("", 0), ppid=None, flags=0, stream=None, timetolive=None, context=0,
record_file_prefix="RECORD_sctp_traffic", datalogging=False)``, ``sctp_recv(maxlen)`` ->
``(fromaddr, flags, msg, notif)``, the ``events`` and ``initparams`` sub-objects, the
notification classes and the module constants. Unknown attributes are delegated to a
standard :class:`socket.socket` for the same socket (``sock()``), as PySCTP does.

Where PySCTP has a known bug, this module does the right thing instead:

* ``peeloff`` does not leak a descriptor (PySCTP wraps the peeled-off descriptor with
  ``socket.fromfd``, which duplicates it, and never closes the original).
* ``bindx`` and ``connectx`` work with IPv6 addresses (PySCTP packs each address into a
  16-byte ``struct sockaddr``, too small for ``sockaddr_in6``).
* The PPID is converted between host and network byte order in both directions: here
  ``ppid=18`` is 18 on the wire, and a received 18 reads 18. PySCTP up to 0.7.2 converts in
  neither direction (a non-PySCTP peer sees ``ppid=1`` as ``16777216``); 0.7.3 converts on
  send (its PR #49) but still returns the received ``sinfo_ppid`` unconverted. Programs
  that call ``htonl``/``ntohl`` themselves set ``ppid_mode`` (below) so that nothing is
  converted twice.
* Notification payloads (``send_failed.data``, ``remote_error.data``) are ``bytes``;
  PySCTP decodes them as text, which fails or garbles binary data.
* ``initparams.max_init_timeo`` is read from ``sinit_max_init_timeo`` (PySCTP reads
  ``sinit_max_attempts`` into it). (``events.data_io`` can be read; so it can in PySCTP
  0.7.3: its getter's stray argument, a ``TypeError`` up to 0.7.2, was removed upstream in
  2023, PR #47.)

PPIDs of programs that convert them themselves: each socket's ``ppid_mode`` (new sockets
take the module's ``default_ppid_mode``; accepted and peeled-off ones their parent's):

* ``PPID_HOST_ORDER`` (the default): ``ppid`` in host order both ways, as everywhere in
  sctpx.
* ``PPID_UNCONVERTED``: PySCTP 0.7.2's behaviour, for programs that pass
  ``socket.htonl(ppid)`` to ``sctp_send`` and ``socket.ntohl`` what ``sctp_recv`` returns:
  the values pass as the program wrote them.
* ``PPID_AS_PYSCTP_0_7_3``: converted on send, unconverted on receive, for programs written
  against 0.7.3 that ``ntohl`` what they receive.

``import _sctp`` (PySCTP's C module) finds ``_sctp.py`` of this distribution, which offers
``getconstant`` and the ``have_sctp_*`` tests (``sctpx.pysctp._sctp``); where PySCTP is installed
too, its own compiled ``_sctp`` is found first.

Differences that follow from sctpx owning its descriptors:

* ``sk``, when a :class:`socket.socket`, is duplicated and the duplicate adopted
  (``sctpx_adopt_fd``): both stay usable and each must be closed.
* ``events.data_io`` is always True: sctpx always delivers the metadata of data messages
  (``sndrcvinfo``) and never subscribes anything else by default; the other ``events``
  flags map to :meth:`sctpx.Socket.subscribe`.
* ``MSG_ADDR_OVER`` is passed on as PySCTP passes it: on a one-to-many socket the message
  takes the path to ``to`` instead of the association's primary path (without it the kernel
  uses ``to`` only to find the association).
* ``fromaddr`` of a notification is the association's primary peer address when it still
  exists, else None.
"""

from __future__ import annotations

import ctypes
import datetime
import os
import socket
from typing import TYPE_CHECKING, Any, Callable

from .. import _lib, core, events, options
from .. import constants as _constants
from ..constants import BINDX_ADD, BINDX_REMOVE
from ..errors import EofError, InvalidArgumentError

if TYPE_CHECKING:  # Self is typing's from 3.11; only annotations name it
    from typing_extensions import Self

# --- constants ------------------------------------------------------------------------------

BINDX_REM = BINDX_REMOVE

# sndrcvinfo / sctp_send flags (the kernel's SCTP_* sinfo_flags).
MSG_UNORDERED = _constants.SEND_UNORDERED
MSG_ADDR_OVER = 2
MSG_ABORT = _constants.SEND_ABORT
MSG_EOF = _constants.SEND_EOF
MSG_FIN = _constants.SEND_EOF
MSG_SENDALL = _constants.SEND_SENDALL
MSG_ADDR_OVERRIDE = MSG_ADDR_OVER

# recvmsg flags, as sctp_recv returns them.
FLAG_NOTIFICATION = 0x8000
FLAG_EOR = int(socket.MSG_EOR)
FLAG_DONTROUTE = int(socket.MSG_DONTROUTE)

(
    HAVE_SCTP,
    HAVE_KERNEL_SCTP,
    HAVE_SCTP_MULTIBUF,
    HAVE_SCTP_NOCONNECT,
    HAVE_SCTP_PRSCTP,
    HAVE_SCTP_ADDIP,
    HAVE_SCTP_CANSET_PRIMARY,
    HAVE_SCTP_SAT_NETWORK_CAPABILITY,
) = (1, 2, 4, 8, 16, 32, 64, 128)

SOL_SCTP = 132
IPPROTO_SCTP = 132
SOCK_SEQPACKET = int(socket.SOCK_SEQPACKET)
SOCK_STREAM = int(socket.SOCK_STREAM)
(STYLE_TCP, STYLE_UDP) = (SOCK_STREAM, SOCK_SEQPACKET)
(TCP_STYLE, UDP_STYLE) = (STYLE_TCP, STYLE_UDP)

_SN_TYPE_BASE = 1 << 15

_CONSTANTS: dict[str, int] = {
    "BINDX_ADD": BINDX_ADD,
    "BINDX_REMOVE": BINDX_REMOVE,
    "SOL_SCTP": SOL_SCTP,
    "IPPROTO_SCTP": IPPROTO_SCTP,
    "SOCK_SEQPACKET": SOCK_SEQPACKET,
    "SOCK_STREAM": SOCK_STREAM,
    "MSG_UNORDERED": MSG_UNORDERED,
    "MSG_ADDR_OVER": MSG_ADDR_OVER,
    "MSG_SENDALL": MSG_SENDALL,
    "MSG_ABORT": MSG_ABORT,
    "MSG_EOF": MSG_EOF,
    "MSG_EOR": FLAG_EOR,
    "MSG_FIN": MSG_FIN,
    "MSG_DONTROUTE": FLAG_DONTROUTE,
    "MSG_NOTIFICATION": FLAG_NOTIFICATION,
    "SCTP_COMM_UP": _constants.COMM_UP,
    "SCTP_COMM_LOST": _constants.COMM_LOST,
    "SCTP_RESTART": _constants.RESTART,
    "SCTP_SHUTDOWN_COMP": _constants.SHUTDOWN_COMP,
    "SCTP_CANT_STR_ASSOC": _constants.CANT_STR_ASSOC,
    "SCTP_DATA_UNSENT": _constants.DATA_UNSENT,
    "SCTP_DATA_SENT": _constants.DATA_SENT,
    "SCTP_PARTIAL_DELIVERY_ABORTED": _constants.PARTIAL_DELIVERY_ABORTED,
    "SPP_HB_DISABLED": options.SPP_HB_DISABLE,
    "SPP_HB_ENABLED": options.SPP_HB_ENABLE,
    "SPP_PMTUD_DISABLED": options.SPP_PMTUD_DISABLE,
    "SPP_PMTUD_ENABLED": options.SPP_PMTUD_ENABLE,
    "SPP_SACKDELAY_DISABLED": options.SPP_SACKDELAY_DISABLE,
    "SPP_SACKDELAY_ENABLED": options.SPP_SACKDELAY_ENABLE,
    # Linux has no such association states; PySCTP gives -1 there too.
    "SCTP_BOUND": -1,
    "SCTP_LISTEN": -1,
    "SCTP_FAILED_THRESHOLD": events.PeerAddrChange.FAILED_THRESHOLD,
    "SCTP_RECEIVED_SACK": events.PeerAddrChange.RECEIVED_SACK,
    "SCTP_HEARTBEAT_SUCCESS": events.PeerAddrChange.HEARTBEAT_SUCCESS,
    "SCTP_RESPONSE_TO_USER_REQ": events.PeerAddrChange.RESPONSE_TO_USER_REQ,
    "SCTP_INTERNAL_ERROR": events.PeerAddrChange.INTERNAL_ERROR,
    "SCTP_SHUTDOWN_GUARD_EXPIRES": events.PeerAddrChange.SHUTDOWN_GUARD_EXPIRES,
    "SCTP_PEER_FAULTY": events.PeerAddrChange.PEER_FAULTY,
    "SCTP_ADDR_AVAILABLE": _constants.ADDR_AVAILABLE,
    "SCTP_ADDR_UNREACHABLE": _constants.ADDR_UNREACHABLE,
    "SCTP_ADDR_REMOVED": _constants.ADDR_REMOVED,
    "SCTP_ADDR_MADE_PRIM": _constants.ADDR_MADE_PRIM,
    "SCTP_ADDR_ADDED": _constants.ADDR_ADDED,
    "SCTP_INACTIVE": _constants.PATH_INACTIVE,
    "SCTP_ACTIVE": _constants.PATH_ACTIVE,
    "SCTP_EMPTY": 0,  # no SCTPX_ name: Linux never reports it
    "SCTP_CLOSED": _constants.STATE_CLOSED,
    "SCTP_COOKIE_WAIT": _constants.STATE_COOKIE_WAIT,
    "SCTP_COOKIE_ECHOED": _constants.STATE_COOKIE_ECHOED,
    "SCTP_ESTABLISHED": _constants.STATE_ESTABLISHED,
    "SCTP_SHUTDOWN_PENDING": _constants.STATE_SHUTDOWN_PENDING,
    "SCTP_SHUTDOWN_SENT": _constants.STATE_SHUTDOWN_SENT,
    "SCTP_SHUTDOWN_RECEIVED": _constants.STATE_SHUTDOWN_RECEIVED,
    "SCTP_SHUTDOWN_ACK_SENT": _constants.STATE_SHUTDOWN_ACK_SENT,
    "SCTP_SN_TYPE_BASE": _SN_TYPE_BASE,
    # The kernel's sn_type of each notification: SN_TYPE_BASE + SCTPX_EVENT_*.
    "SCTP_ASSOC_CHANGE": _SN_TYPE_BASE + events.EventKind.ASSOC_CHANGE,
    "SCTP_PEER_ADDR_CHANGE": _SN_TYPE_BASE + events.EventKind.PEER_ADDR_CHANGE,
    "SCTP_SEND_FAILED": _SN_TYPE_BASE + events.EventKind.SEND_FAILED,
    "SCTP_REMOTE_ERROR": _SN_TYPE_BASE + events.EventKind.REMOTE_ERROR,
    "SCTP_SHUTDOWN_EVENT": _SN_TYPE_BASE + events.EventKind.SHUTDOWN,
    "SCTP_PARTIAL_DELIVERY_EVENT": _SN_TYPE_BASE + events.EventKind.PARTIAL_DELIVERY,
    "SCTP_ADAPTATION_INDICATION": _SN_TYPE_BASE + events.EventKind.ADAPTATION,
}


def getconstant(name: str) -> int | None:
    """The value of a PySCTP constant by name; None when unknown (PySCTP's C function
    returns NULL without an exception there, which Python reports as ``SystemError``)."""
    return _CONSTANTS.get(name)


#: ``sctpsocket.ppid_mode``: the PPID in host order both ways (sctpx's own convention).
PPID_HOST_ORDER = "host"
#: ``sctpsocket.ppid_mode``: no conversion either way (PySCTP up to 0.7.2): for programs
#: that ``htonl`` the PPIDs they send and ``ntohl`` those they receive.
PPID_UNCONVERTED = "unconverted"
#: ``sctpsocket.ppid_mode``: converted on send, returned unconverted (PySCTP 0.7.3).
PPID_AS_PYSCTP_0_7_3 = "pysctp-0.7.3"
_PPID_MODES = (PPID_HOST_ORDER, PPID_UNCONVERTED, PPID_AS_PYSCTP_0_7_3)

#: The ``ppid_mode`` of sockets made from now on.
default_ppid_mode = PPID_HOST_ORDER


def features() -> int:
    """The HAVE_* bits of this implementation (Linux kernel SCTP), from the ``have_sctp_*``
    tests of ``_sctp`` as PySCTP makes them."""
    from . import _sctp  # here: _sctp imports this module

    flags = HAVE_SCTP | HAVE_KERNEL_SCTP
    for have, bit in (
        (_sctp.have_sctp_multibuf, HAVE_SCTP_MULTIBUF),
        (_sctp.have_sctp_noconnect, HAVE_SCTP_NOCONNECT),
        (_sctp.have_sctp_prsctp, HAVE_SCTP_PRSCTP),
        (_sctp.have_sctp_addip, HAVE_SCTP_ADDIP),
        (_sctp.have_sctp_setprimary, HAVE_SCTP_CANSET_PRIMARY),
        (_sctp.have_sctp_sat_network, HAVE_SCTP_SAT_NETWORK_CAPABILITY),
    ):
        if have():
            flags |= bit
    return flags


def _addr2(addr: tuple[Any, ...] | None) -> tuple[str, int] | None:
    """PySCTP's address shape: (host, port), for IPv6 too."""
    return None if addr is None else (addr[0], addr[1])


def _target(addr: tuple[Any, ...]) -> tuple[Any, ...] | None:
    """None for PySCTP's "no address", ("", 0)."""
    return None if tuple(addr[:2]) == ("", 0) else tuple(addr)


# --- message and notification objects --------------------------------------------------------


class _Record:
    """Attributes from keyword arguments (PySCTP's objects are plain attribute bags)."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        if values:
            self.__dict__.update(values)

    def __repr__(self) -> str:
        fields = ", ".join("{}={!r}".format(*kv) for kv in sorted(self.__dict__.items()))
        return f"{type(self).__name__}({fields})"


class initmsg(_Record):
    """SCTP_INITMSG values, as ``initparams.initmsg()`` builds them."""

    def __init__(self) -> None:
        self.num_ostreams = 0
        self.max_instreams = 0
        self.max_attempts = 0
        self.max_init_timeo = 0


class sndrcvinfo(_Record):
    """What a data message arrived with. ``flags``: MSG_UNORDERED; ``ppid`` in host order."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.stream = 0
        self.ssn = 0
        self.flags = 0
        self.ppid = 0
        self.context = 0
        self.timetolive = 0
        self.tsn = 0
        self.cumtsn = 0
        self.assoc_id = 0
        super().__init__(values)


class notification(_Record):
    """Base of every notification: ``type`` (the kernel's sn_type), ``flags`` and
    ``length``. A notification PySCTP has no class for arrives as this class."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.type = 0
        self.flags = 0
        self.length = 0
        super().__init__(values)

    type_SN_TYPE_BASE = _CONSTANTS["SCTP_SN_TYPE_BASE"]
    type_ASSOC_CHANGE = _CONSTANTS["SCTP_ASSOC_CHANGE"]
    type_PEER_ADDR_CHANGE = _CONSTANTS["SCTP_PEER_ADDR_CHANGE"]
    type_SEND_FAILED = _CONSTANTS["SCTP_SEND_FAILED"]
    type_REMOTE_ERROR = _CONSTANTS["SCTP_REMOTE_ERROR"]
    type_SHUTDOWN_EVENT = _CONSTANTS["SCTP_SHUTDOWN_EVENT"]
    type_PARTIAL_DELIVERY_EVENT = _CONSTANTS["SCTP_PARTIAL_DELIVERY_EVENT"]
    type_ADAPTATION_INDICATION = _CONSTANTS["SCTP_ADAPTATION_INDICATION"]


class assoc_change(notification):
    """An association changed state: ``state``, ``error``, ``outbound_streams``,
    ``inbound_streams``, ``assoc_id``."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.state = 0
        self.error = 0
        self.outbound_streams = 0
        self.inbound_streams = 0
        self.assoc_id = 0
        super().__init__(values)

    state_COMM_UP = _CONSTANTS["SCTP_COMM_UP"]
    state_COMM_LOST = _CONSTANTS["SCTP_COMM_LOST"]
    state_RESTART = _CONSTANTS["SCTP_RESTART"]
    state_SHUTDOWN_COMP = _CONSTANTS["SCTP_SHUTDOWN_COMP"]
    state_CANT_STR_ASSOC = _CONSTANTS["SCTP_CANT_STR_ASSOC"]
    state_CANT_START_ASSOCIATION = _CONSTANTS["SCTP_CANT_STR_ASSOC"]

    error_FAILED_THRESHOLD = _CONSTANTS["SCTP_FAILED_THRESHOLD"]
    error_RECEIVED_SACK = _CONSTANTS["SCTP_RECEIVED_SACK"]
    error_HEARTBEAT_SUCCESS = _CONSTANTS["SCTP_HEARTBEAT_SUCCESS"]
    error_RESPONSE_TO_USER_REQ = _CONSTANTS["SCTP_RESPONSE_TO_USER_REQ"]
    error_INTERNAL_ERROR = _CONSTANTS["SCTP_INTERNAL_ERROR"]
    error_SHUTDOWN_GUARD_EXPIRES = _CONSTANTS["SCTP_SHUTDOWN_GUARD_EXPIRES"]
    error_PEER_FAULTY = _CONSTANTS["SCTP_PEER_FAULTY"]


class paddr_change(notification):
    """A peer address changed state: ``addr`` (host, port), ``state``, ``error``,
    ``assoc_id``."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.addr: tuple[str, int] | None = ("", 0)
        self.state = 0
        self.error = 0
        self.assoc_id = 0
        super().__init__(values)

    state_ADDR_AVAILABLE = _CONSTANTS["SCTP_ADDR_AVAILABLE"]
    state_ADDR_UNREACHABLE = _CONSTANTS["SCTP_ADDR_UNREACHABLE"]
    state_ADDR_REMOVED = _CONSTANTS["SCTP_ADDR_REMOVED"]
    state_ADDR_ADDED = _CONSTANTS["SCTP_ADDR_ADDED"]
    state_ADDR_MADE_PRIM = _CONSTANTS["SCTP_ADDR_MADE_PRIM"]

    error_FAILED_THRESHOLD = assoc_change.error_FAILED_THRESHOLD
    error_RECEIVED_SACK = assoc_change.error_RECEIVED_SACK
    error_HEARTBEAT_SUCCESS = assoc_change.error_HEARTBEAT_SUCCESS
    error_RESPONSE_TO_USER_REQ = assoc_change.error_RESPONSE_TO_USER_REQ
    error_INTERNAL_ERROR = assoc_change.error_INTERNAL_ERROR
    error_SHUTDOWN_GUARD_EXPIRES = assoc_change.error_SHUTDOWN_GUARD_EXPIRES
    error_PEER_FAULTY = assoc_change.error_PEER_FAULTY


class remote_error(notification):
    """The peer reported an error: ``error`` (cause code), ``assoc_id``, ``data`` (bytes)."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.error = 0
        self.assoc_id = 0
        self.data = b""
        super().__init__(values)


class send_failed(notification):
    """A message could not be sent: ``error``, ``assoc_id``, ``data`` (the message,
    bytes), ``info`` (its :class:`sndrcvinfo`); ``flags`` is a ``flag_*`` constant."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.error = 0
        self.assoc_id = 0
        self.data = b""
        self.info = sndrcvinfo()
        super().__init__(values)

    flag_DATA_UNSENT = _CONSTANTS["SCTP_DATA_UNSENT"]
    flag_DATA_SENT = _CONSTANTS["SCTP_DATA_SENT"]


class shutdown_event(notification):
    """The peer shut the association down: ``assoc_id``."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.assoc_id = 0
        super().__init__(values)


class adaptation_event(notification):
    """The peer's adaptation layer indication: ``adaptation_ind``, ``assoc_id``."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.adaptation_ind = 0
        self.assoc_id = 0
        super().__init__(values)


class pdapi_event(notification):
    """Partial delivery was aborted: ``indication``, ``assoc_id``."""

    def __init__(self, values: dict[str, Any] | None = None) -> None:
        self.indication = 0
        self.assoc_id = 0
        super().__init__(values)

    indication_PD_ABORTED = _CONSTANTS["SCTP_PARTIAL_DELIVERY_ABORTED"]
    indication_PARTIAL_DELIVERY_ABORTED = indication_PD_ABORTED


notification_table = {
    notification.type_ASSOC_CHANGE: assoc_change,
    notification.type_PEER_ADDR_CHANGE: paddr_change,
    notification.type_SEND_FAILED: send_failed,
    notification.type_REMOTE_ERROR: remote_error,
    notification.type_SHUTDOWN_EVENT: shutdown_event,
    notification.type_PARTIAL_DELIVERY_EVENT: pdapi_event,
    notification.type_ADAPTATION_INDICATION: adaptation_event,
}

# The kernel's fixed notification sizes (<linux/sctp.h>), for ``notification.length``.
_FIXED_LENGTH = {
    events.EventKind.ASSOC_CHANGE: 20,
    events.EventKind.PEER_ADDR_CHANGE: 148,
    events.EventKind.SEND_FAILED: 48,
    events.EventKind.REMOTE_ERROR: 16,
    events.EventKind.SHUTDOWN: 12,
    events.EventKind.PARTIAL_DELIVERY: 24,
    events.EventKind.ADAPTATION: 16,
    events.EventKind.AUTHENTICATION: 20,
    events.EventKind.SENDER_DRY: 12,
    events.EventKind.STREAM_RESET: 12,
    events.EventKind.ASSOC_RESET: 20,
    events.EventKind.STREAM_CHANGE: 16,
    events.EventKind.SEND_FAILED_EVENT: 48,
}


def _info(si: events.SendInfo) -> sndrcvinfo:
    return sndrcvinfo(
        {
            "stream": si.stream,
            "flags": si.flags,
            "ppid": si.ppid,
            "context": si.context,
            "timetolive": si.pr_value,
            "assoc_id": si.assoc_id,
        }
    )


def _notification(ev: events.Notification) -> notification:
    """The PySCTP object for a notification."""
    kind = ev.KIND
    values: dict[str, Any] = {
        "type": _SN_TYPE_BASE + kind,
        "length": _FIXED_LENGTH[kind] + len(ev.data),
        "assoc_id": ev.assoc_id,
    }
    if isinstance(ev, events.AssocChange):
        values.update(
            state=ev.state, error=ev.error, outbound_streams=ev.outbound_streams, inbound_streams=ev.inbound_streams
        )
    elif isinstance(ev, events.PeerAddrChange):
        values.update(addr=_addr2(ev.addr), state=ev.state, error=ev.error)
    elif isinstance(ev, events.SendFailed):
        values.update(flags=ev.flags, error=ev.error, data=ev.data, info=_info(ev.info))
    elif isinstance(ev, events.RemoteError):
        values.update(error=ev.error, data=ev.data)
    elif isinstance(ev, events.PartialDelivery):
        values.update(indication=ev.indication)
    elif isinstance(ev, events.Adaptation):
        values.update(adaptation_ind=ev.indication)
    cls = notification_table.get(values["type"], notification)
    return cls(values)


def notification_factory(raw_notification: dict[str, Any]) -> notification:
    """A notification object from a dictionary with a ``type`` (PySCTP's factory)."""
    if "type" not in raw_notification:
        raise ValueError("Dictionary passed as parameter has no 'type' attribute")
    return notification_table.get(raw_notification["type"], notification)(raw_notification)


# --- sub-properties ---------------------------------------------------------------------------


def _flushing_property(name: str, convert: Callable[[Any], Any]) -> property:
    """A property kept in ``_NAME`` that calls ``self.flush()`` when set if ``autoflush``
    (PySCTP's initparams and events behave so)."""
    key = "_" + name

    def get(self: Any) -> Any:
        return getattr(self, key)

    def set_(self: Any, value: Any) -> None:
        setattr(self, key, convert(value))
        if self.autoflush:
            self.flush()

    return property(get, set_)


def _initmsg_field(name: str) -> Callable[[Any], int]:
    """The checked conversion of an sctpx_initmsg field, naming it as initparams' property."""
    check = _lib.struct_fields(_lib.sctpx_initmsg)[name]
    return lambda value: check(value, "initparams." + name)


class initparams:
    """``sctpsocket.initparams``: SCTP_INITMSG for new associations (``num_ostreams``,
    ``max_instreams``, ``max_attempts``, ``max_init_timeo`` in ms). Setting one flushes
    to the socket unless ``autoflush`` is False."""

    def __init__(self, container: sctpsocket) -> None:
        self.autoflush = True
        self.container = container
        im = container._sx.initmsg
        self._num_ostreams = im.num_ostreams
        self._max_instreams = im.max_instreams
        self._max_attempts = im.max_attempts
        self._max_init_timeo = im.max_init_timeo

    def flush(self) -> None:
        """Writes the values to the socket."""
        self.container._sx.initmsg = options.InitMsg(
            self._num_ostreams, self._max_instreams, self._max_attempts, self._max_init_timeo
        )

    def initmsg(self) -> initmsg:
        r = initmsg()
        r.num_ostreams = self._num_ostreams
        r.max_instreams = self._max_instreams
        r.max_attempts = self._max_attempts
        r.max_init_timeo = self._max_init_timeo
        return r

    # Each checked as its sctpx_initmsg field when set, not at the next flush.
    num_ostreams = _flushing_property("num_ostreams", _initmsg_field("num_ostreams"))
    max_instreams = _flushing_property("max_instreams", _initmsg_field("max_instreams"))
    max_attempts = _flushing_property("max_attempts", _initmsg_field("max_attempts"))
    max_init_timeo = _flushing_property("max_init_timeo", _initmsg_field("max_init_timeo"))


# PySCTP's event names -> the notification kind each subscribes to.
_EVENT_KINDS = {
    "association": events.EventKind.ASSOC_CHANGE,
    "address": events.EventKind.PEER_ADDR_CHANGE,
    "send_failure": events.EventKind.SEND_FAILED,
    "peer_error": events.EventKind.REMOTE_ERROR,
    "shutdown": events.EventKind.SHUTDOWN,
    "partial_delivery": events.EventKind.PARTIAL_DELIVERY,
    "adaptation_layer": events.EventKind.ADAPTATION,
}


class event_subscribe:
    """``sctpsocket.events``: which notifications ``sctp_recv`` returns. Properties
    ``data_io`` (always True in sctpx), ``association``, ``address``, ``send_failure``,
    ``peer_error``, ``shutdown``, ``partial_delivery``, ``adaptation_layer`` (and PySCTP's
    aliases); ``clear()`` turns all notifications off, ``flush()`` writes them; setting a
    property flushes unless ``autoflush`` is False."""

    def __init__(self, container: sctpsocket) -> None:
        self.autoflush = True
        self.container = container
        self._data_io = True
        for name, kind in _EVENT_KINDS.items():
            setattr(self, "_" + name, container._sx.subscribed(kind))

    def flush(self) -> None:
        for name, kind in _EVENT_KINDS.items():
            self.container._sx.subscribe(kind, bool(getattr(self, "_" + name)))

    def clear(self) -> None:
        """Everything off except data_io (sctp_recv then returns only data)."""
        self._data_io = True
        for name in _EVENT_KINDS:
            setattr(self, "_" + name, False)
        if self.autoflush:
            self.flush()

    @property
    def data_io(self) -> bool:
        return True

    @data_io.setter
    def data_io(self, value: Any) -> None:
        # Data messages always carry their metadata in sctpx: nothing to switch.
        pass

    dataio = data_io
    sndrcvinfo = data_io
    association = _flushing_property("association", bool)
    address = _flushing_property("address", bool)
    send_failure = _flushing_property("send_failure", bool)
    sendfailure = send_failure
    peer_error = _flushing_property("peer_error", bool)
    peererror = peer_error
    shutdown = _flushing_property("shutdown", bool)
    partial_delivery = _flushing_property("partial_delivery", bool)
    partialdelivery = partial_delivery
    adaptation_layer = _flushing_property("adaptation_layer", bool)
    adaptationlayer = adaptation_layer


# --- socket option objects --------------------------------------------------------------------


class rtoinfo(_Record):
    """SCTP_RTOINFO: ``assoc_id``, ``initial``, ``max``, ``min`` (milliseconds)."""

    def __init__(self) -> None:
        self.assoc_id = 0
        self.initial = 0
        self.max = 0
        self.min = 0


class assocparams(_Record):
    """SCTP_ASSOCINFO: ``assoc_id``, ``assocmaxrxt``, ``number_peer_destinations``,
    ``peer_rwnd``, ``local_rwnd``, ``cookie_life``."""

    def __init__(self) -> None:
        self.assoc_id = 0
        self.assocmaxrxt = 0
        self.number_peer_destinations = 0
        self.peer_rwnd = 0
        self.local_rwnd = 0
        self.cookie_life = 0


class paddrparams(_Record):
    """SCTP_PEER_ADDR_PARAMS: ``assoc_id``, ``sockaddr``, ``hbinterval``, ``pathmaxrxt``,
    ``pathmtu``, ``sackdelay``, ``flags`` (``flags_*``)."""

    def __init__(self) -> None:
        self.assoc_id = 0
        self.sockaddr: tuple[Any, ...] = ("", 0)
        self.hbinterval = 0
        self.pathmaxrxt = 0
        self.pathmtu = 0
        self.sackdelay = 0
        self.flags = 0

    flags_HB_DISABLED = _CONSTANTS["SPP_HB_DISABLED"]
    flags_HB_ENABLED = _CONSTANTS["SPP_HB_ENABLED"]
    flags_PMTUD_DISABLED = _CONSTANTS["SPP_PMTUD_DISABLED"]
    flags_PMTUD_ENABLED = _CONSTANTS["SPP_PMTUD_ENABLED"]
    flags_SACKDELAY_DISABLED = _CONSTANTS["SPP_SACKDELAY_DISABLED"]
    flags_SACKDELAY_ENABLED = _CONSTANTS["SPP_SACKDELAY_ENABLED"]
    flags_HB_DISABLE = flags_HB_DISABLED
    flags_HB_ENABLE = flags_HB_ENABLED
    flags_PMTUD_DISABLE = flags_PMTUD_DISABLED
    flags_PMTUD_ENABLE = flags_PMTUD_ENABLED
    flags_SACKDELAY_DISABLE = flags_SACKDELAY_DISABLED
    flags_SACKDELAY_ENABLE = flags_SACKDELAY_ENABLED


class paddrinfo(_Record):
    """SCTP_GET_PEER_ADDR_INFO: ``assoc_id``, ``sockaddr``, ``state``, ``cwnd``, ``srtt``,
    ``rto``, ``mtu``."""

    def __init__(self) -> None:
        self.assoc_id = 0
        self.sockaddr: tuple[Any, ...] | None = ("", 0)
        self.state = 0
        self.cwnd = 0
        self.srtt = 0
        self.rto = 0
        self.mtu = 0

    state_INACTIVE = _CONSTANTS["SCTP_INACTIVE"]
    state_ACTIVE = _CONSTANTS["SCTP_ACTIVE"]


class status(_Record):
    """SCTP_STATUS: ``assoc_id``, ``state`` (``state_*``), ``rwnd``, ``unackdata``,
    ``penddata``, ``instrms``, ``outstrms``, ``fragmentation_point``, ``primary``
    (a :class:`paddrinfo`)."""

    def __init__(self) -> None:
        self.assoc_id = 0
        self.state = 0
        self.rwnd = 0
        self.unackdata = 0
        self.penddata = 0
        self.instrms = 0
        self.outstrms = 0
        self.fragmentation_point = 0
        self.primary = paddrinfo()

    state_EMPTY = _CONSTANTS["SCTP_EMPTY"]
    state_CLOSED = _CONSTANTS["SCTP_CLOSED"]
    state_COOKIE_WAIT = _CONSTANTS["SCTP_COOKIE_WAIT"]
    state_COOKIE_ECHOED = _CONSTANTS["SCTP_COOKIE_ECHOED"]
    state_ESTABLISHED = _CONSTANTS["SCTP_ESTABLISHED"]
    state_SHUTDOWN_PENDING = _CONSTANTS["SCTP_SHUTDOWN_PENDING"]
    state_SHUTDOWN_SENT = _CONSTANTS["SCTP_SHUTDOWN_SENT"]
    state_SHUTDOWN_RECEIVED = _CONSTANTS["SCTP_SHUTDOWN_RECEIVED"]
    state_SHUTDOWN_ACK_SENT = _CONSTANTS["SCTP_SHUTDOWN_ACK_SENT"]
    state_BOUND = _CONSTANTS["SCTP_BOUND"]
    state_LISTEN = _CONSTANTS["SCTP_LISTEN"]


def _fill_paddrinfo(out: paddrinfo, info: options.PeerAddrInfo) -> paddrinfo:
    out.assoc_id = info.assoc_id
    out.sockaddr = _addr2(info.address)
    out.state, out.cwnd, out.srtt, out.rto, out.mtu = info.state, info.cwnd, info.srtt, info.rto, info.mtu
    return out


# --- the socket -------------------------------------------------------------------------------


def _forward(attr: str) -> tuple[Callable[..., Any], Callable[..., None]]:
    """A get/set pair for the ``attr`` property of the socket's sctpx.Socket (which takes
    an integer, yes/no options too, as PySCTP's C module does)."""

    def get(self: sctpsocket) -> Any:
        return getattr(self._sx, attr)

    def set_(self: sctpsocket, value: Any) -> None:
        setattr(self._sx, attr, value)

    return get, set_


def _through_accessors(name: str) -> property:
    """A property calling ``get_NAME``/``set_NAME`` by name, so that a subclass's override
    (sctpsocket_tcp refuses autoclose) is the one called, as in PySCTP."""
    return property(lambda self: getattr(self, "get_" + name)(), lambda self, v: getattr(self, "set_" + name)(v))


class sctpsocket:
    """An SCTP socket with PySCTP's interface (see the module docstring).

    ``family``: ``socket.AF_INET`` or ``socket.AF_INET6``; ``style``: ``TCP_STYLE`` or
    ``UDP_STYLE``; ``sk``: None (a new socket), a ``socket.socket`` of protocol SCTP (its
    descriptor is duplicated and adopted) or an :class:`sctpx.Socket` to wrap.
    """

    def __init__(self, family: int, style: int, sk: core.Socket | None) -> None:
        if _lib.INTS[ctypes.c_int32](style, "style") not in (TCP_STYLE, UDP_STYLE):
            raise InvalidArgumentError(f"style must be TCP_STYLE or UDP_STYLE, not {style:d}")
        if sk is None:
            sk = core.open_tcp(family) if style == TCP_STYLE else core.open_udp(family)
        elif isinstance(sk, socket.socket):
            # As PySCTP wraps a socket.socket: sctpx adopts a duplicate of its descriptor,
            # so both objects stay valid and closing one leaves the other working.
            sk = core.adopt_fd(os.dup(sk.fileno()))
        elif not isinstance(sk, core.Socket):
            raise TypeError(f"sk must be a socket.socket or an sctpx.Socket, not {sk!r}")
        self._sx = sk
        self._style = style
        self._family = family
        self._sk: socket.socket | None = None
        self._ttl = 0
        self._streamid = 0
        self.unexpected_event_raises_exception = False
        self.initparams = initparams(self)
        self.events = event_subscribe(self)
        self.datalogging = False
        self.ppid_mode = default_ppid_mode

    @property
    def ppid_mode(self) -> str:
        """How ``sctp_send`` and ``sctp_recv`` treat PPIDs: ``PPID_HOST_ORDER``,
        ``PPID_UNCONVERTED`` or ``PPID_AS_PYSCTP_0_7_3`` (see the module docstring)."""
        return self._ppid_mode

    @ppid_mode.setter
    def ppid_mode(self, mode: str) -> None:
        if mode not in _PPID_MODES:
            raise InvalidArgumentError(f"ppid_mode must be one of {_PPID_MODES}, not {mode!r}")
        self._ppid_mode = mode

    def _ppid_to_send(self, ppid: int) -> int:
        # Unconverted: the program gave the wire's byte order; sctpx takes host order.
        return socket.ntohl(ppid) if self._ppid_mode == PPID_UNCONVERTED else ppid

    def _ppid_received(self, ppid: int) -> int:
        return ppid if self._ppid_mode == PPID_HOST_ORDER else socket.htonl(ppid)

    @property
    def sctpx(self) -> core.Socket:
        """The :class:`sctpx.Socket` underneath, for the modern API."""
        return self._sx

    # --- what PySCTP delegates to socket.socket, done by sctpx -----------------------------

    def bind(self, addr: tuple[Any, ...]) -> None:
        self._sx.bind(addr)

    def listen(self, backlog: int = 128) -> None:
        self._sx.listen(backlog)

    def connect(self, addr: tuple[Any, ...]) -> None:
        self._sx.connect(addr)

    def fileno(self) -> int:
        return self._sx.fileno()

    def close(self) -> None:
        if self._sk is not None:
            self._sk.close()
            self._sk = None
        self._sx.close()

    def __enter__(self) -> Self:
        return self

    def __exit__(self, *exc: object) -> None:
        self.close()

    def sock(self) -> socket.socket:
        """A standard :class:`socket.socket` for this socket (on a duplicate of its
        descriptor, closed with it), for the calls sctpx does not wrap."""
        if self._sk is None:
            self._sk = socket.socket(self._family, self._style, IPPROTO_SCTP, fileno=os.dup(self._sx.fileno()))
        return self._sk

    def __getattr__(self, name: str) -> Any:
        if name.startswith("_"):
            raise AttributeError(name)
        return getattr(self.sock(), name)

    # --- PySCTP's methods ---------------------------------------------------------------

    def bindx(self, sockaddrs: Any, action: int = BINDX_ADD) -> None:
        self._sx.bindx([tuple(a) for a in sockaddrs], action)

    def connectx(self, sockaddrs: Any, assoc_id: dict[str, Any] | None = None) -> int:
        """Connects by several addresses. The association id is returned, and also
        stored in ``assoc_id["assoc_id"]`` when a dict is passed (PySCTP's way)."""
        aid = self._sx.connectx([tuple(a) for a in sockaddrs])
        if isinstance(assoc_id, dict):
            assoc_id["assoc_id"] = aid
        return aid

    def getpaddrs(self, assoc_id: int = 0) -> tuple[tuple[str, int], ...]:
        return tuple(_addr2(a) for a in self._sx.peer_addrs(assoc_id))  # type: ignore[misc]

    def getladdrs(self, assoc_id: int = 0) -> tuple[tuple[str, int], ...]:
        return tuple(_addr2(a) for a in self._sx.local_addrs(assoc_id))  # type: ignore[misc]

    def sctp_send(
        self,
        msg: bytes | str,
        to: tuple[Any, ...] = ("", 0),
        ppid: int | None = None,
        flags: int = 0,
        stream: int | None = None,
        timetolive: int | None = None,
        context: int = 0,
        record_file_prefix: str = "RECORD_sctp_traffic",
        datalogging: bool = False,
    ) -> int:
        """Sends a message; returns the bytes sent. As in PySCTP, ``ppid`` defaults to the
        socket's ``adaptation`` value, ``stream`` to ``streamid`` and ``timetolive`` (ms,
        0: forever) to ``ttl``; an empty message needs MSG_EOF."""
        data = msg.encode("utf-8") if isinstance(msg, str) else _lib.as_bytes(msg, "msg")
        if not data and not flags & MSG_EOF:
            raise ValueError("Empty messages are not allowed, except if coupled with the MSG_EOF flag.")
        if ppid is None:
            ppid = self.adaptation
        if timetolive is None:
            timetolive = self._ttl
        if stream is None:
            stream = self._streamid
        sent = self._sx.send(
            data,
            stream=stream,
            ppid=self._ppid_to_send(_lib.INTS[ctypes.c_uint32](ppid, "ppid")),
            flags=flags,
            context=context,
            to=_target(to),
            pr_policy=_constants.PR_TTL if timetolive else _constants.PR_NONE,
            pr_value=timetolive,
        )
        # Once sent: a refused or failed send is no traffic to record.
        if datalogging or self.datalogging:
            self._record(data, record_file_prefix)
        return sent

    @staticmethod
    def _record(data: bytes, prefix: str) -> None:
        # PySCTP's data logging: each sent message in PREFIX-YYYYmmddHHMMSS-c2s.N.
        name = prefix + "-" + datetime.datetime.now().strftime("%Y%m%d%H%M%S") + "-c2s."
        i = 1
        while os.path.exists(name + str(i)):
            i += 1
        with open(name + str(i), "wb") as f:
            f.write(data)

    def sctp_recv(self, maxlen: int) -> tuple[tuple[str, int] | None, int, bytes | None, Any]:
        """Receives a message or a notification: ``(fromaddr, flags, msg, notif)``.

        Data: ``msg`` is the bytes, ``notif`` a :class:`sndrcvinfo`, ``flags`` has FLAG_EOR
        on a message's last piece. Notification: ``msg`` is None, ``flags`` has
        FLAG_NOTIFICATION, ``notif`` is a :class:`notification` subclass. A one-to-one
        association shut down by the peer gives ``msg`` ``b""``.
        """
        try:
            ev = self._sx.next_event(bufsize=maxlen)
        except EofError:
            return None, 0, b"", sndrcvinfo()
        if isinstance(ev, events.DataMessage):
            info = sndrcvinfo(
                {
                    "stream": ev.stream,
                    "ssn": ev.ssn,
                    "flags": MSG_UNORDERED if ev.unordered else 0,
                    "ppid": self._ppid_received(ev.ppid),
                    "context": ev.context,
                    "tsn": ev.tsn,
                    "cumtsn": ev.cumtsn,
                    "assoc_id": ev.assoc_id,
                }
            )
            return _addr2(ev.from_), FLAG_EOR if ev.complete else 0, ev.data, info
        assert isinstance(ev, events.Notification)
        notif = _notification(ev)
        if isinstance(notif, send_failed):
            notif.info.ppid = self._ppid_received(notif.info.ppid)
        if type(notif) is notification and self.unexpected_event_raises_exception:
            raise OSError("An unknown event notification has arrived")
        return self._notification_from(ev), FLAG_NOTIFICATION | FLAG_EOR, None, notif

    def _notification_from(self, ev: events.Notification) -> tuple[str, int] | None:
        if isinstance(ev, events.PeerAddrChange):
            return _addr2(ev.addr)
        try:
            return _addr2(self._sx.association(ev.assoc_id).primary)
        except OSError:
            return None  # the association is gone

    def peeloff(self, assoc_id: int) -> sctpsocket_tcp:
        """Branches an association off into a :class:`sctpsocket_tcp`."""
        return self._child(self._sx.peeloff(assoc_id))

    def accept(self) -> tuple[sctpsocket_tcp, Any]:
        """Accepts an association: ``(sctpsocket_tcp, fromaddr)``."""
        conn, addr = self._sx.accept()
        return self._child(conn), addr

    def _child(self, sx: core.Socket) -> sctpsocket_tcp:
        child = sctpsocket_tcp(self._family, sx)
        child.ppid_mode = self.ppid_mode
        return child

    def _check_assoc(self, assoc_id: int, required: bool = True) -> None:
        # PySCTP's argument rules, kept so that programs fail the same way; a value that is
        # no association id at all is refused as everywhere else first.
        assoc_id = _lib.INTS[_lib.sctpx_assoc_id](assoc_id, "assoc_id")
        if self._style == TCP_STYLE:
            if assoc_id != 0:
                raise ValueError("assoc_id is ignored for TCP-style sockets, pass 0")
        elif assoc_id == 0 and required:
            raise ValueError("assoc_id is needed for UDP-style sockets")

    def set_peer_primary(self, assoc_id: int, addr: tuple[Any, ...]) -> None:
        """Asks the peer to use our ``addr`` as its primary address."""
        self._check_assoc(assoc_id, required=False)
        self._sx.set_peer_primary(tuple(addr), assoc_id)

    def set_primary(self, assoc_id: int, addr: tuple[Any, ...]) -> None:
        """Makes the peer address ``addr`` our primary path."""
        self._check_assoc(assoc_id)
        self._sx.set_primary(tuple(addr), assoc_id)

    def get_status(self, assoc_id: int = 0) -> status:
        self._check_assoc(assoc_id)
        st = self._sx.association(assoc_id).status
        s = status()
        s.assoc_id = assoc_id
        s.state, s.rwnd, s.unackdata, s.penddata = st.state, st.rwnd, st.unackdata, st.penddata
        s.instrms, s.outstrms, s.fragmentation_point = st.inbound_streams, st.outbound_streams, st.fragmentation_point
        _fill_paddrinfo(s.primary, st.primary)
        return s

    def get_paddrinfo(self, assoc_id: int, sockaddr: tuple[Any, ...]) -> paddrinfo:
        self._check_assoc(assoc_id)
        s = _fill_paddrinfo(paddrinfo(), self._sx.get_paddrinfo(tuple(sockaddr), assoc_id))
        s.assoc_id = assoc_id
        s.sockaddr = tuple(sockaddr)
        return s

    def get_assocparams(self, assoc_id: int = 0) -> assocparams:
        v = self._sx.association(assoc_id).assocparams
        s = assocparams()
        s.assoc_id = assoc_id
        s.assocmaxrxt, s.number_peer_destinations = v.max_retrans, v.peer_destinations
        s.peer_rwnd, s.local_rwnd, s.cookie_life = v.peer_rwnd, v.local_rwnd, v.cookie_life
        return s

    def set_assocparams(self, o: assocparams) -> None:
        self._sx.assocparams = options.AssocParams(
            o.assoc_id, o.assocmaxrxt, o.number_peer_destinations, o.peer_rwnd, o.local_rwnd, o.cookie_life
        )

    def get_paddrparams(self, assoc_id: int, sockaddr: tuple[Any, ...]) -> paddrparams:
        self._check_assoc(assoc_id)
        p = self._sx.get_paddrparams(_target(sockaddr), assoc_id)
        s = paddrparams()
        s.assoc_id, s.sockaddr = assoc_id, tuple(sockaddr)
        s.hbinterval, s.pathmaxrxt, s.pathmtu = p.hbinterval, p.pathmaxrxt, p.pathmtu
        s.sackdelay, s.flags = p.sackdelay, p.flags
        return s

    def set_paddrparams(self, o: paddrparams) -> None:
        self._sx.set_paddrparams(
            options.PeerAddrParams(
                assoc_id=o.assoc_id,
                address=_target(o.sockaddr),
                hbinterval=o.hbinterval,
                pathmaxrxt=o.pathmaxrxt,
                pathmtu=o.pathmtu,
                sackdelay=o.sackdelay,
                flags=o.flags,
            )
        )

    def get_rtoinfo(self, assoc_id: int = 0) -> rtoinfo:
        v = self._sx.association(assoc_id).rtoinfo
        s = rtoinfo()
        s.assoc_id, s.initial, s.max, s.min = assoc_id, v.initial, v.max, v.min
        return s

    def set_rtoinfo(self, o: rtoinfo) -> None:
        self._sx.rtoinfo = options.RtoInfo(o.assoc_id, o.initial, o.max, o.min)

    def get_sndbuf(self) -> int:
        return self._sx.sndbuf

    def set_sndbuf(self, rvalue: int) -> None:
        # As PySCTP: Linux doubles what is set, so half is asked for.
        self._sx.sndbuf = rvalue // 2

    def get_rcvbuf(self) -> int:
        return self._sx.rcvbuf

    def set_rcvbuf(self, rvalue: int) -> None:
        self._sx.rcvbuf = rvalue // 2

    # --- properties -----------------------------------------------------------------------

    # PySCTP's get_X/set_X pairs, each over an sctpx.Socket option property.
    get_nodelay, set_nodelay = _forward("nodelay")
    get_adaptation, set_adaptation = _forward("adaptation_layer")
    get_disable_fragments, set_disable_fragments = _forward("disable_fragments")
    get_mappedv4, set_mappedv4 = _forward("mapped_v4")
    get_maxseg, set_maxseg = _forward("maxseg")
    get_autoclose, set_autoclose = _forward("autoclose")

    def get_ttl(self) -> int:
        """The default ``timetolive`` of sctp_send (ms, 0: forever)."""
        return self._ttl

    def set_ttl(self, newVal: int) -> None:
        if not isinstance(newVal, int):
            raise TypeError(f"TTL must be an integer, not {type(newVal).__name__}")
        if newVal < 0 or newVal > 255:
            raise ValueError("TTL shall be >= 0 and <= 255")
        self._ttl = newVal

    def get_streamid(self) -> int:
        """The default ``stream`` of sctp_send."""
        return self._streamid

    def set_streamid(self, newVal: int) -> None:
        if not isinstance(newVal, int):
            raise TypeError(f"streamid must be an integer, not {type(newVal).__name__}")
        if newVal < 0 or newVal > 65535:
            raise ValueError("streamid shall be a valid unsigned 16bits integer")
        self._streamid = newVal

    nodelay = _through_accessors("nodelay")
    adaptation = _through_accessors("adaptation")
    disable_fragments = _through_accessors("disable_fragments")
    mappedv4 = _through_accessors("mappedv4")
    maxseg = _through_accessors("maxseg")
    autoclose = _through_accessors("autoclose")
    ttl = _through_accessors("ttl")
    streamid = _through_accessors("streamid")


class sctpsocket_tcp(sctpsocket):
    """A TCP-style (one-to-one) SCTP socket."""

    def __init__(self, family: int, sk: core.Socket | None = None) -> None:
        super().__init__(family, TCP_STYLE, sk)

    def peeloff(self, *params: Any) -> sctpsocket_tcp:
        raise OSError("TCP-style sockets have no peeloff operation")

    def get_autoclose(self) -> int:
        raise OSError("TCP-style sockets do not support AUTOCLOSE")

    def set_autoclose(self, rvalue: int) -> None:
        raise OSError("TCP-style sockets do not support AUTOCLOSE")


class sctpsocket_udp(sctpsocket):
    """A UDP-style (one-to-many) SCTP socket; call ``listen()`` to accept associations."""

    def __init__(self, family: int, sk: core.Socket | None = None) -> None:
        super().__init__(family, UDP_STYLE, sk)

    def accept(self, *params: Any) -> tuple[sctpsocket_tcp, Any]:
        raise OSError("UDP-style sockets have no accept() operation")
