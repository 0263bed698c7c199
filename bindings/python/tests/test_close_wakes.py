"""Closing a socket from another thread ends the calls blocked on it: accept, next_event,
recv_batch and a send on a full buffer raise :class:`sctpx.ClosedHandleError` at once. And a
forked child closing the socket objects it inherited leaves the parent's association alone."""

from __future__ import annotations

import os
import socket
import threading
import time
import warnings
from typing import Any, Callable, Dict, Iterator, Tuple

import pytest

from conftest import LOOPBACK, next_data, port_of

import sctpx

# The C API promises 100 ms; a Python thread also has to get the GIL back (emulated CPU).
WAKE_S = 0.2
# A call not back this long after the close is stuck for good.
STUCK_S = 2.0
SMALL_BUFFERS = 4096


def blocked_then_closed(sock: sctpx.Socket, call: Callable[[], Any]) -> Tuple[BaseException, float]:
    """Runs ``call`` in a thread until it blocks, closes ``sock`` here, and returns what the
    call raised and how long after ``close`` returned it did."""
    out: Dict[str, Any] = {}
    about_to_call = threading.Event()

    def run() -> None:
        about_to_call.set()
        try:
            out["returned"] = call()
        except BaseException as e:  # noqa: BLE001 - whatever it is, the test reports it
            out["raised"] = e
        out["at"] = time.monotonic()

    t = threading.Thread(target=run, daemon=True)
    t.start()
    about_to_call.wait()
    time.sleep(0.05)  # to get inside the call; asserted next
    assert t.is_alive(), "the call returned before the close: %r" % out
    sock.close()
    closed = time.monotonic()
    t.join(STUCK_S)
    assert not t.is_alive(), "still blocked %.0f s after close()" % STUCK_S
    assert "raised" in out, "the call returned %r instead of raising" % out.get("returned")
    return out["raised"], out["at"] - closed


def assert_woken(sock: sctpx.Socket, call: Callable[[], Any]) -> None:
    raised, after = blocked_then_closed(sock, call)
    assert isinstance(raised, sctpx.ClosedHandleError), "raised %r" % raised
    assert after <= WAKE_S, "woken %.3f s after close()" % after


def test_close_ends_a_blocked_accept_with_closed_handle_error(listener: sctpx.Socket) -> None:
    assert_woken(listener, listener.accept)


def test_close_ends_a_blocked_next_event_with_closed_handle_error(pair: Tuple[sctpx.Socket, sctpx.Socket]) -> None:
    _, conn = pair
    assert_woken(conn, conn.next_event)


def test_close_ends_a_blocked_next_event_with_a_timeout_with_closed_handle_error(
    pair: Tuple[sctpx.Socket, sctpx.Socket],
) -> None:
    _, conn = pair
    assert_woken(conn, lambda: conn.next_event(timeout=60))


def test_close_ends_a_blocked_recv_batch_with_closed_handle_error(pair: Tuple[sctpx.Socket, sctpx.Socket]) -> None:
    _, conn = pair
    assert_woken(conn, conn.recv_batch)


def test_close_ends_a_blocked_one_to_many_next_event_with_closed_handle_error(udp_server: sctpx.Socket) -> None:
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.connect((LOOPBACK, port_of(udp_server)))
        assert_woken(udp_server, udp_server.next_event)


@pytest.fixture
def small_pair() -> Iterator[Tuple[sctpx.Socket, sctpx.Socket]]:
    """(client, server side) of a one-to-one association with small buffers everywhere."""
    with sctpx.open_tcp(socket.AF_INET) as srv, sctpx.open_tcp(socket.AF_INET) as cli:
        for s in (srv, cli):
            s.sndbuf = SMALL_BUFFERS
            s.rcvbuf = SMALL_BUFFERS
        srv.bind((LOOPBACK, 0))
        srv.listen()
        cli.connect((LOOPBACK, port_of(srv)))
        conn, _ = srv.accept()
        with conn:
            yield cli, conn


def fill_send_buffer(sock: sctpx.Socket) -> None:
    """Sends 1000-byte messages until none fits, for good: the peer does not read, so once its
    window is closed (0 as the sender last heard) and no send has gone through for 600 ms
    (acknowledgements of what was in flight free room for a while: delayed SACKs, up to
    200 ms), nothing frees space in the buffer. A descriptor that stops polling writable does
    not say that: both stacks report writability only past a low-water mark, and usrsctp
    still takes a message that fits below it."""
    deadline = time.monotonic() + 10
    sock.nonblock = True
    full_since = None
    while time.monotonic() < deadline:
        try:
            sock.send_stream(b"x" * 1000)
            full_since = None
            continue
        except BlockingIOError:
            pass
        now = time.monotonic()
        if sock.status.rwnd != 0:
            full_since = None
        elif full_since is None:
            full_since = now
        elif now - full_since >= 0.6:
            sock.nonblock = False
            return
        time.sleep(0.02)
    raise AssertionError("the send buffer never stayed full")


def test_close_ends_a_send_blocked_on_a_full_buffer_with_closed_handle_error(
    small_pair: Tuple[sctpx.Socket, sctpx.Socket],
) -> None:
    cli, _ = small_pair
    fill_send_buffer(cli)
    assert_woken(cli, lambda: cli.send_stream(b"y" * 1000))


def test_a_forked_child_closing_its_copy_leaves_the_parents_association_alone(
    pair: Tuple[sctpx.Socket, sctpx.Socket],
) -> None:
    cli, conn = pair
    got: Dict[str, Any] = {}

    def read() -> None:
        try:
            got["data"] = next_data(conn).data
        except BaseException as e:  # noqa: BLE001
            got["raised"] = e

    # A parent thread blocked in the socket while the child closes it: the case that broke.
    reader = threading.Thread(target=read, daemon=True)
    reader.start()
    time.sleep(0.05)
    with warnings.catch_warnings():
        # Python 3.12 warns about fork() with threads running; this test needs exactly that.
        warnings.simplefilter("ignore", DeprecationWarning)
        pid = os.fork()
    if pid == 0:
        try:
            conn.close()
            cli.close()
        finally:
            os._exit(0)
    _, status = os.waitpid(pid, 0)
    assert os.WIFEXITED(status) and os.WEXITSTATUS(status) == 0
    assert reader.is_alive(), "the parent's reader returned when the child closed: %r" % got
    cli.send_stream(b"after the child")
    reader.join(STUCK_S)
    assert got == {"data": b"after the child"}
    assert conn.send_stream(b"reply") == 5
    assert next_data(cli).data == b"reply"
