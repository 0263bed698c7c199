"""send_batch and recv_batch: many messages per system call."""

from __future__ import annotations

import socket

import pytest

import sctpx
from conftest import LOOPBACK, TIMEOUT, next_data, next_of, port_of


def test_send_batch_sends_every_message_in_order_with_its_parameters(pair):
    cli, conn = pair
    msgs = [sctpx.SendMsg(b"m%d" % i, stream=i % 3, ppid=100 + i) for i in range(10)]
    assert cli.send_batch(msgs) == 10
    got = [next_data(conn) for _ in range(10)]
    assert [(m.data, m.stream, m.ppid) for m in got] == [(m.data, m.stream, m.ppid) for m in msgs]


def test_send_batch_takes_plain_bytes(pair):
    cli, conn = pair
    assert cli.send_batch([b"a", bytearray(b"b"), b"c"]) == 3
    assert [next_data(conn).data for _ in range(3)] == [b"a", b"b", b"c"]


def test_send_batch_of_nothing_sends_nothing(pair):
    cli, _ = pair
    assert cli.send_batch([]) == 0


def test_send_batch_addresses_each_message_on_one_to_many(udp_server):
    with sctpx.open_udp(socket.AF_INET) as other, sctpx.open_udp(socket.AF_INET) as cli:
        other.bind((LOOPBACK, 0))
        other.listen()
        to_a, to_b = (LOOPBACK, port_of(udp_server)), (LOOPBACK, port_of(other))
        assert cli.send_batch([sctpx.SendMsg(b"to a", to=to_a), sctpx.SendMsg(b"to b", to=to_b)]) == 2
        assert next_data(udp_server).data == b"to a"
        assert next_data(other).data == b"to b"


def test_recv_batch_takes_several_queued_messages_at_once(pair):
    cli, conn = pair
    cli.send_batch([b"one", b"two", b"three"])
    got = []
    while len(got) < 3:
        got += conn.recv_batch(count=8, timeout=TIMEOUT)
    assert [e.data for e in got] == [b"one", b"two", b"three"]
    assert all(isinstance(e, sctpx.DataMessage) and e.complete for e in got)


def test_recv_batch_returns_at_most_count_events(pair):
    cli, conn = pair
    cli.nodelay = True  # all six leave at once, so "dry" means all are queued at conn
    cli.subscribe(sctpx.SenderDry)
    next_of(cli, sctpx.SenderDry)
    cli.send_batch([b"%d" % i for i in range(6)])
    next_of(cli, sctpx.SenderDry)
    batches = [conn.recv_batch(count=2, timeout=0) for _ in range(3)]
    assert [[e.data for e in b] for b in batches] == [[b"0", b"1"], [b"2", b"3"], [b"4", b"5"]]


def test_recv_batch_mixes_notifications_and_data(pair):
    cli, conn = pair
    conn.subscribe(sctpx.Shutdown)
    cli.send(b"bye")
    cli.shutdown()
    kinds = []
    while sctpx.Shutdown not in kinds:
        kinds += [type(e) for e in conn.recv_batch(count=4, timeout=TIMEOUT)]
    assert kinds == [sctpx.DataMessage, sctpx.Shutdown]


def test_recv_batch_polling_an_empty_socket_raises_blocking_io_error(pair):
    _, conn = pair
    with pytest.raises(BlockingIOError):
        conn.recv_batch(timeout=0)
