"""Stream schedulers, partial-reliability status and the feature switches, each seen by its
effect on the kernel's SCTP (the Rust suite, tests/kernel_features.rs, covers the ones that
need sysctls: I-DATA and ASCONF)."""

from __future__ import annotations

import errno
import socket
import time
from collections.abc import Iterator

import pytest
from conftest import LOOPBACK, TIMEOUT, next_data, port_of

import sctpx

QUEUED = 30


@pytest.fixture
def backed_up() -> Iterator[tuple[sctpx.Socket, sctpx.Socket]]:
    """(client, server side) with a server window of 16 KiB, so that a few
    messages fill it and the rest wait in the client's queue while the server does not read."""
    with sctpx.open_tcp(socket.AF_INET) as srv:
        srv.bind((LOOPBACK, 0))
        srv.rcvbuf = 8192
        srv.listen()
        with sctpx.open_tcp(socket.AF_INET) as cli:
            cli.nodelay = True
            cli.sndbuf = 1 << 20
            cli.connect((LOOPBACK, port_of(srv)))
            conn, _ = srv.accept()
            with conn:
                yield cli, conn


def streams_read(sock: sctpx.Socket, count: int) -> list[int]:
    return [next_data(sock).stream for _ in range(count)]


def test_the_priority_scheduler_sends_the_more_important_stream_first(backed_up):
    cli, srv = backed_up
    cli.stream_scheduler = sctpx.SCHED_PRIO
    cli.set_stream_sched_value(1, 0)
    cli.set_stream_sched_value(2, 7)
    assert (cli.get_stream_sched_value(1), cli.get_stream_sched_value(2)) == (0, 7)
    for stream in (2, 1):
        for _ in range(QUEUED):
            cli.send(bytes(1000), stream=stream)
    order = streams_read(srv, 2 * QUEUED)
    # Stream 2's first messages left before the window closed; the rest waited for stream 1.
    assert order[-1] == 2 and order.index(1) < QUEUED, order


def test_messages_past_their_ttl_are_counted_unsent_for_their_stream(backed_up):
    cli, srv = backed_up
    for _ in range(QUEUED):
        cli.send(bytes(1000), stream=0)
    for _ in range(3):
        cli.send(b"late", stream=1, pr_policy=sctpx.PR_TTL, pr_value=1)
    time.sleep(0.05)
    assert set(streams_read(srv, QUEUED)) == {0}
    deadline = time.monotonic() + TIMEOUT
    while (
        cli.get_pr_stream_status(1, sctpx.PR_TTL).abandoned_unsent < 3
        and time.monotonic() < deadline
    ):
        time.sleep(0.05)
    assert cli.get_pr_stream_status(1, sctpx.PR_TTL) == sctpx.PrStatus(
        abandoned_unsent=3
    )
    assert cli.get_pr_stream_status(0, sctpx.PR_TTL) == sctpx.PrStatus()
    assert cli.get_pr_assoc_status(sctpx.PR_ALL) == sctpx.PrStatus(abandoned_unsent=3)


def test_pr_status_of_pr_none_is_refused(pair):
    cli, _ = pair
    with pytest.raises(sctpx.InvalidArgumentError):
        cli.get_pr_assoc_status(sctpx.PR_NONE)


def test_default_prinfo_round_trips():
    with sctpx.open_tcp() as s:
        s.default_prinfo = sctpx.DefaultPrInfo(policy=sctpx.PR_RTX, value=2)
        assert s.default_prinfo == sctpx.DefaultPrInfo(
            policy=sctpx.PR_RTX, value=2
        )


def test_ecn_turned_off_on_the_client_is_off_for_the_servers_association(listener):
    assert (
        listener.ecn_supported is True
    )  # the server offers it: the client's refusal decides
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.ecn_supported = False
        cli.connect((LOOPBACK, port_of(listener)))
        conn, _ = listener.accept()
        with conn:
            assert conn.ecn_supported is False


def test_plpmtud_probe_interval_below_5_seconds_is_refused_by_the_kernel():
    with sctpx.open_tcp() as s:
        s.plpmtud_probe_interval = 6000
        assert s.plpmtud_probe_interval == 6000
        with pytest.raises(OSError) as e:
            s.plpmtud_probe_interval = 4999
        assert e.value.errno == errno.EINVAL
