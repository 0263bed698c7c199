"""recv_next_info (SCTP_RECVNXTINFO): a receive describes the message queued behind it."""

from __future__ import annotations

import socket
import time

import sctpx
from conftest import LOOPBACK, TIMEOUT, port_of


def _two_queued(server: sctpx.Socket, on: bool) -> sctpx.Socket:
    """Turns the report on or off, connects a one-to-one client and sends "first"
    (stream 1, PPID 7) then "second message" (stream 5, PPID 0x01020304, unordered).
    Returns the client, kept open so that nothing else joins the queue."""
    server.recv_next_info = on
    cli = sctpx.open_tcp(socket.AF_INET)
    cli.connect((LOOPBACK, port_of(server)))
    cli.send(b"first", stream=1, ppid=7)
    cli.send(b"second message", stream=5, ppid=0x01020304, flags=sctpx.SEND_UNORDERED)
    # Only what is already queued is reported: give the second time to arrive.
    time.sleep(0.3)
    return cli


def _next_data(sock: sctpx.Socket) -> tuple[sctpx.DataMessage, sctpx.NextInfo | None]:
    while True:
        ev, nxt = sock.next_event_with_next_info(timeout=TIMEOUT)
        if isinstance(ev, sctpx.DataMessage):
            return ev, nxt


def test_the_first_of_two_queued_messages_describes_the_second(udp_server):
    with _two_queued(udp_server, True):
        first, nxt = _next_data(udp_server)
        assert first.data == b"first"
        assert nxt == sctpx.NextInfo(
            stream=5, ppid=0x01020304, len=14, assoc_id=first.assoc_id,
            unordered=True, complete=False, notification=False,
        )
        second, nxt = _next_data(udp_server)
        assert (second.data, second.stream, second.unordered) == (b"second message", 5, True)
        assert nxt is None


def test_with_recv_next_info_off_no_next_is_reported(udp_server):
    with _two_queued(udp_server, False):
        assert udp_server.recv_next_info is False
        first, nxt = _next_data(udp_server)
        assert first.data == b"first"
        assert nxt is None
