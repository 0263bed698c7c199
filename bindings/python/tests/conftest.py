"""Shared fixtures. The tests run against real kernel SCTP (tests/vm/run, make test) and
import the package from this source tree, which finds target/release/libsctpx.so itself."""

from __future__ import annotations

import os
import socket
import sys
from typing import Iterator, Tuple

import pytest

HERE = os.path.dirname(os.path.abspath(__file__))
PACKAGE_ROOT = os.path.dirname(HERE)
REPO = os.path.dirname(os.path.dirname(PACKAGE_ROOT))

# The tree under test, ahead of any installed copy.
sys.path.insert(0, PACKAGE_ROOT)

import sctpx  # noqa: E402

LOOPBACK = "127.0.0.1"
# Generous for an emulated VM, still short enough that a hang fails quickly.
TIMEOUT = 10.0


def port_of(sock: sctpx.Socket) -> int:
    return sock.local_addrs()[0][1]


def next_data(sock: sctpx.Socket, timeout: float = TIMEOUT) -> sctpx.DataMessage:
    """The next data message, skipping notifications."""
    while True:
        ev = sock.next_event(timeout=timeout)
        if isinstance(ev, sctpx.DataMessage):
            return ev


def next_of(sock: sctpx.Socket, cls: type, timeout: float = TIMEOUT) -> sctpx.Event:
    """The next event of class ``cls``, skipping others."""
    while True:
        ev = sock.next_event(timeout=timeout)
        if isinstance(ev, cls):
            return ev


@pytest.fixture
def listener() -> Iterator[sctpx.Socket]:
    """A one-to-one IPv4 socket listening on a free loopback port."""
    with sctpx.open_tcp(socket.AF_INET) as srv:
        srv.bind((LOOPBACK, 0))
        srv.listen()
        yield srv


@pytest.fixture
def pair(listener: sctpx.Socket) -> Iterator[Tuple[sctpx.Socket, sctpx.Socket]]:
    """(client, server side) of one established one-to-one association."""
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.connect((LOOPBACK, port_of(listener)))
        conn, _ = listener.accept()
        with conn:
            yield cli, conn


@pytest.fixture
def udp_server() -> Iterator[sctpx.Socket]:
    """A one-to-many IPv4 socket accepting associations on a free loopback port."""
    with sctpx.open_udp(socket.AF_INET) as srv:
        srv.bind((LOOPBACK, 0))
        srv.listen()
        yield srv
