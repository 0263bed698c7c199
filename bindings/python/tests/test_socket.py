"""sctpx.Socket: opening, addressing, associations, sending and receiving."""

from __future__ import annotations

import os
import select
import socket
import threading
import time

import pytest

import sctpx
from conftest import LOOPBACK, TIMEOUT, next_data, port_of


def test_one_to_one_message_arrives_with_its_stream_ppid_and_source(pair):
    cli, conn = pair
    assert cli.send(b"hello", stream=3, ppid=0x01020304) == 5
    msg = conn.next_event(timeout=TIMEOUT)
    assert isinstance(msg, sctpx.DataMessage)
    assert (msg.data, msg.stream, msg.ppid) == (b"hello", 3, 0x01020304)
    assert msg.complete and not msg.unordered
    assert msg.from_ == (LOOPBACK, port_of(cli))
    assert msg.assoc_id == conn.status.assoc_id


def test_recv_from_off_leaves_the_source_address_out(pair):
    cli, conn = pair
    assert conn.recv_from is True
    conn.recv_from = False
    cli.send(b"anonymous")
    msg = conn.next_event(timeout=TIMEOUT)
    assert (msg.data, msg.from_) == (b"anonymous", None)


def test_messages_keep_their_boundaries_and_order(pair):
    cli, conn = pair
    for i in range(5):
        cli.send(b"m%d" % i * (i + 1))
    assert [next_data(conn).data for _ in range(5)] == [b"m%d" % i * (i + 1) for i in range(5)]


def test_unordered_flag_reaches_the_receiver(pair):
    cli, conn = pair
    cli.send(b"u", flags=sctpx.SEND_UNORDERED)
    assert next_data(conn).unordered


def test_send_stream_sends_on_the_stream_with_the_ppid(pair):
    cli, conn = pair
    assert cli.send_stream(b"abc", stream=2, ppid=99) == 3
    msg = next_data(conn)
    assert (msg.data, msg.stream, msg.ppid) == (b"abc", 2, 99)


def test_send_takes_bytearray_and_memoryview(pair):
    cli, conn = pair
    cli.send(bytearray(b"ba"))
    cli.send(memoryview(b"xmvx")[1:3])
    assert [next_data(conn).data, next_data(conn).data] == [b"ba", b"mv"]


def test_receivers_context_option_is_reported_on_data(pair):
    cli, conn = pair
    conn.context = 77
    cli.send(b"c")
    assert next_data(conn).context == 77


def test_a_message_larger_than_the_buffer_arrives_in_pieces(pair):
    cli, conn = pair
    cli.send(bytes(range(256)) * 4)
    pieces = []
    while True:
        msg = conn.next_event(timeout=TIMEOUT, bufsize=300)
        pieces.append(msg)
        if msg.complete:
            break
    assert [len(p.data) for p in pieces] == [300, 300, 300, 124]
    assert b"".join(p.data for p in pieces) == bytes(range(256)) * 4


def test_kind_tells_one_to_one_from_one_to_many():
    with sctpx.open_tcp() as tcp, sctpx.open_udp() as udp:
        assert (tcp.kind, udp.kind) == (sctpx.KIND_ONE_TO_ONE, sctpx.KIND_ONE_TO_MANY)


def test_fileno_is_an_open_descriptor_of_an_sctp_socket():
    with sctpx.open_tcp(socket.AF_INET) as s:
        fd = s.fileno()
        with socket.socket(fileno=os.dup(fd)) as view:
            assert (view.family, view.type, view.proto) == (socket.AF_INET, socket.SOCK_STREAM, 132)


def test_context_manager_closes_the_socket():
    with sctpx.open_tcp() as s:
        pass
    assert s.closed
    with pytest.raises(sctpx.ClosedHandleError):
        s.fileno()


def test_closing_twice_is_harmless():
    s = sctpx.open_tcp()
    s.close()
    s.close()
    assert s.closed


def test_repr_names_kind_and_descriptor():
    with sctpx.open_udp() as s:
        assert repr(s) == "<sctpx.Socket handle=%d one-to-many fd=%d>" % (s.handle, s.fileno())


def test_accept_returns_the_clients_address(listener):
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.connect((LOOPBACK, port_of(listener)))
        conn, peer = listener.accept()
        with conn:
            assert peer == (LOOPBACK, port_of(cli))
            assert conn.kind == sctpx.KIND_ONE_TO_ONE


def test_ipv6_loopback_exchange():
    with sctpx.open_tcp(socket.AF_INET6) as srv, sctpx.open_tcp(socket.AF_INET6) as cli:
        srv.bind(("::1", 0))
        srv.listen()
        cli.connect(("::1", port_of(srv)))
        conn, peer = srv.accept()
        with conn:
            assert peer[:2] == ("::1", port_of(cli))
            cli.send(b"six")
            assert next_data(conn).data == b"six"


def test_ipv6_socket_is_dual_stack_and_sees_ipv4_peers_mapped():
    with sctpx.open_tcp(socket.AF_INET6) as srv, sctpx.open_tcp(socket.AF_INET) as cli:
        srv.bind(("", 0))
        srv.listen()
        cli.connect((LOOPBACK, port_of(srv)))
        conn, peer = srv.accept()
        with conn:
            assert peer[:2] == ("::ffff:127.0.0.1", port_of(cli))


def test_local_and_peer_addresses_of_an_association(pair):
    cli, conn = pair
    assert cli.peer_addrs() == conn.local_addrs() == [(LOOPBACK, port_of(conn))]
    # The client, bound to no address, offers each of its stack's addresses; in what order
    # each side lists them is the stack's own (usrsctp's peer list starts with the address the INIT came from).
    assert sorted(conn.peer_addrs()) == sorted(cli.local_addrs())


def test_bindx_adds_and_removes_local_addresses():
    with sctpx.open_udp(socket.AF_INET) as s:
        s.bind((LOOPBACK, 0))
        port = port_of(s)
        s.bindx([("127.0.0.2", port), ("127.0.0.3", port)])
        assert sorted(s.local_addrs()) == [(LOOPBACK, port), ("127.0.0.2", port), ("127.0.0.3", port)]
        s.bindx([("127.0.0.2", port)], sctpx.BINDX_REMOVE)
        assert sorted(s.local_addrs()) == [(LOOPBACK, port), ("127.0.0.3", port)]


def test_bindx_mixes_ipv4_and_ipv6_on_an_ipv6_socket():
    with sctpx.open_udp(socket.AF_INET6) as s:
        s.bind(("::1", 0))
        port = port_of(s)
        s.bindx([(LOOPBACK, port)])
        # IPv4 addresses of an IPv6 socket show v4-mapped (mapped_v4 is on by default).
        assert s.local_addrs() == [("::1", port, 0, 0), ("::ffff:127.0.0.1", port, 0, 0)]


def test_one_to_many_send_to_an_address_sets_the_association_up(udp_server):
    with sctpx.open_udp(socket.AF_INET) as cli:
        cli.send(b"implicit", to=(LOOPBACK, port_of(udp_server)))
        msg = next_data(udp_server)
        assert msg.data == b"implicit"
        assert udp_server.get_assoc_ids() == [msg.assoc_id]


def test_one_to_many_replies_by_association_id(udp_server):
    with sctpx.open_udp(socket.AF_INET) as a, sctpx.open_udp(socket.AF_INET) as b:
        a.send(b"from a", to=(LOOPBACK, port_of(udp_server)))
        b.send(b"from b", to=(LOOPBACK, port_of(udp_server)))
        for _ in range(2):
            msg = next_data(udp_server)
            udp_server.send(b"re: " + msg.data, assoc_id=msg.assoc_id)
        assert next_data(a).data == b"re: from a"
        assert next_data(b).data == b"re: from b"


def test_connectx_returns_the_new_association_id(udp_server):
    with sctpx.open_udp(socket.AF_INET) as cli:
        assoc = cli.connectx([(LOOPBACK, port_of(udp_server))])
        assert assoc > 0
        assert cli.get_assoc_ids() == [assoc]
        cli.send(b"by id", assoc_id=assoc)
        assert next_data(udp_server).data == b"by id"


def test_non_blocking_connectx_names_the_association_being_set_up(udp_server):
    with sctpx.open_udp(socket.AF_INET) as cli:
        cli.nonblock = True
        with pytest.raises(BlockingIOError) as info:
            cli.connectx([(LOOPBACK, port_of(udp_server))])
        assert info.value.assoc_id > 0
        cli.send(b"queued", assoc_id=info.value.assoc_id)
        assert next_data(udp_server).data == b"queued"
        assert cli.get_assoc_ids() == [info.value.assoc_id]


def test_connectx_on_one_to_one_connects(listener):
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.connectx([(LOOPBACK, port_of(listener))])
        conn, _ = listener.accept()
        with conn:
            cli.send(b"x")
            assert next_data(conn).data == b"x"


def test_peeloff_branches_an_association_into_a_one_to_one_socket(udp_server):
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.connect((LOOPBACK, port_of(udp_server)))
        cli.send(b"first")
        first = next_data(udp_server)
        with udp_server.peeloff(first.assoc_id) as peeled:
            assert peeled.kind == sctpx.KIND_ONE_TO_ONE
            cli.send(b"second")
            assert next_data(peeled).data == b"second"
            peeled.send(b"reply")
            assert next_data(cli).data == b"reply"
        assert udp_server.get_assoc_ids() == []


def test_get_assoc_ids_lists_every_association(udp_server):
    clients = [sctpx.open_udp(socket.AF_INET) for _ in range(3)]
    try:
        for c in clients:
            c.send(b"hi", to=(LOOPBACK, port_of(udp_server)))
        ids = {next_data(udp_server).assoc_id for _ in clients}
        assert sorted(udp_server.get_assoc_ids()) == sorted(ids)
        assert udp_server.assoc_number == 3
    finally:
        for c in clients:
            c.close()


def test_shutdown_ends_the_peers_stream_with_eof(pair):
    cli, conn = pair
    cli.send(b"last")
    cli.shutdown()
    assert next_data(conn).data == b"last"
    with pytest.raises(sctpx.EofError):
        conn.next_event(timeout=TIMEOUT)


def test_abort_on_one_to_one_is_wrong_kind_and_leaves_the_association_up(pair):
    cli, conn = pair
    with pytest.raises(sctpx.WrongKindError):
        cli.abort(0)
    assert not cli.closed
    cli.send(b"still up")
    assert next_data(conn).data == b"still up"


def test_abort_and_close_resets_the_peer_and_closes_the_socket(pair):
    cli, conn = pair
    cli.abort_and_close()
    assert cli.closed
    with pytest.raises(ConnectionResetError):
        conn.next_event(timeout=TIMEOUT)


def test_connect_result_of_a_non_blocking_connect_after_writability(listener):
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.nonblock = True
        with pytest.raises(BlockingIOError):
            cli.connect((LOOPBACK, port_of(listener)))
        assert select.select([], [cli], [], TIMEOUT)[1] == [cli]
        assert cli.connect_result() is None
        assert cli.status.state == sctpx.STATE_ESTABLISHED


def test_connect_result_raises_the_refusal_of_a_closed_port():
    with sctpx.open_tcp(socket.AF_INET) as closed, sctpx.open_tcp(socket.AF_INET) as cli:
        closed.bind((LOOPBACK, 0))  # bound, not listening: INITs get an ABORT
        cli.nonblock = True
        with pytest.raises(BlockingIOError):
            cli.connect((LOOPBACK, port_of(closed)))
        assert select.select([], [cli], [], TIMEOUT)[1] == [cli]
        with pytest.raises(ConnectionRefusedError):
            cli.connect_result()


def test_abort_on_one_to_many_resets_the_peer(udp_server):
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.connect((LOOPBACK, port_of(udp_server)))
        cli.send(b"hi")
        udp_server.abort(next_data(udp_server).assoc_id)
        with pytest.raises(ConnectionResetError):
            cli.next_event(timeout=TIMEOUT)
        assert udp_server.get_assoc_ids() == []


def test_poll_with_nothing_queued_raises_blocking_io_error(pair):
    _, conn = pair
    with pytest.raises(BlockingIOError):
        conn.next_event(timeout=0)


def test_timeout_raises_timed_out_error_after_waiting(pair):
    _, conn = pair
    start = time.monotonic()
    with pytest.raises(sctpx.TimedOutError) as info:
        conn.next_event(timeout=0.3)
    assert time.monotonic() - start >= 0.29
    assert isinstance(info.value, TimeoutError)


def test_a_blocking_receive_waits_longer_than_one_wait_slice(pair):
    cli, conn = pair
    threading.Timer(0.8, lambda: cli.send(b"late")).start()
    start = time.monotonic()
    assert next_data(conn, timeout=None).data == b"late"
    assert time.monotonic() - start >= 0.7


def test_non_blocking_socket_raises_blocking_io_error_without_timeout(pair):
    _, conn = pair
    conn.nonblock = True
    with pytest.raises(BlockingIOError):
        conn.next_event()
