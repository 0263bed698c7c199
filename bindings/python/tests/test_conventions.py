"""Python's socket conventions (issue 15): the lean receive into caller memory, settimeout /
gettimeout / setblocking, the enums, ResourceWarning for a socket collected open."""

from __future__ import annotations

import array
import gc
import socket
import warnings

import pytest
from conftest import LOOPBACK, TIMEOUT, port_of

import sctpx


def test_recv_message_into_returns_count_stream_ppid_flags_and_association(pair):
    cli, srv = pair
    cli.send_stream(b"hello", stream=2, ppid=77)
    buf = bytearray(64)
    n, stream, ppid, flags, _ = srv.recv_message_into(buf, timeout=TIMEOUT)
    assert (bytes(buf[:n]), stream, ppid) == (b"hello", 2, 77)
    assert flags & sctpx.EventFlag.COMPLETE and not flags & sctpx.EventFlag.NOTIFICATION


def test_recv_message_into_names_the_association_on_one_to_many(udp_server):
    with sctpx.open_udp(socket.AF_INET) as cli:
        cli.send(b"which", to=(LOOPBACK, port_of(udp_server)))
        n, _, _, _, assoc_id = udp_server.recv_message_into(bytearray(64), timeout=TIMEOUT)
        assert n == 5 and udp_server.get_assoc_ids() == [assoc_id]


def test_recv_into_writes_into_a_memoryview_slice_of_the_callers_memory(pair):
    cli, srv = pair
    cli.send_stream(b"abc")
    backing = bytearray(b"-" * 10)
    assert srv.recv_into(memoryview(backing)[4:], timeout=TIMEOUT) == 3
    assert backing == bytearray(b"----abc---")


def test_recv_into_takes_an_array(pair):
    cli, srv = pair
    cli.send_stream(b"\x01\x00\x00\x00")
    out = array.array("i", [0, 0])
    assert srv.recv_into(out, timeout=TIMEOUT) == 4
    assert out.tobytes()[:4] == b"\x01\x00\x00\x00"


def test_recv_into_with_nbytes_returns_the_message_in_pieces(pair):
    cli, srv = pair
    cli.send_stream(b"0123456789")
    buf = bytearray(64)
    n, _, _, flags, _ = srv.recv_message_into(buf, 4, timeout=TIMEOUT)
    assert (bytes(buf[:n]), flags & sctpx.EventFlag.COMPLETE) == (b"0123", 0)
    rest = bytearray()
    while not flags & sctpx.EventFlag.COMPLETE:
        n, _, _, flags, _ = srv.recv_message_into(buf, timeout=TIMEOUT)
        rest += buf[:n]
    assert bytes(rest) == b"456789"


def test_recv_into_refuses_a_read_only_buffer(pair):
    _, srv = pair
    with pytest.raises(TypeError):
        srv.recv_into(b"immutable", timeout=0)


def test_recv_into_refuses_nbytes_beyond_the_buffer(pair):
    _, srv = pair
    with pytest.raises(sctpx.InvalidArgumentError):
        srv.recv_into(bytearray(4), 5, timeout=0)


def test_a_notification_is_flagged_and_decoded_in_last_notification(listener):
    listener.subscribe(sctpx.AssocChange)
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.subscribe(sctpx.AssocChange)
        cli.connect((LOOPBACK, port_of(listener)))
        conn, _ = listener.accept()
        with conn:
            _, stream, ppid, flags, _ = conn.recv_message_into(bytearray(256), timeout=TIMEOUT)
            assert flags & sctpx.EventFlag.NOTIFICATION and (stream, ppid) == (0, 0)
            assert isinstance(conn.last_notification, sctpx.AssocChange)


def test_settimeout_makes_a_receive_without_timeout_raise_timeout_error(pair):
    _, srv = pair
    srv.settimeout(0.05)
    assert srv.gettimeout() == 0.05
    with pytest.raises(TimeoutError):
        srv.recv_into(bytearray(16))


def test_settimeout_applies_to_next_event_too(pair):
    _, srv = pair
    srv.settimeout(0.05)
    with pytest.raises(TimeoutError):
        srv.next_event()


def test_setblocking_false_makes_receives_raise_blocking_io_error(pair):
    _, srv = pair
    srv.setblocking(False)
    assert (srv.gettimeout(), srv.getblocking(), srv.nonblock) == (0.0, False, True)
    with pytest.raises(BlockingIOError):
        srv.recv_into(bytearray(16))


def test_settimeout_none_makes_the_socket_blocking_again(pair):
    _, srv = pair
    srv.setblocking(False)
    srv.settimeout(None)
    assert (srv.gettimeout(), srv.getblocking(), srv.nonblock) == (None, True, False)


def test_settimeout_refuses_a_negative_time(pair):
    _, srv = pair
    with pytest.raises(ValueError):
        srv.settimeout(-1)


def test_family_and_kind_are_enums():
    with sctpx.open_udp(socket.AF_INET6) as s:
        assert s.family is socket.AddressFamily.AF_INET6
        assert s.kind is sctpx.Kind.ONE_TO_MANY and s.kind == sctpx.KIND_ONE_TO_MANY


def test_a_socket_collected_open_warns_resource_warning():
    s = sctpx.open_tcp(socket.AF_INET)
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del s
        gc.collect()
    assert any(issubclass(w.category, ResourceWarning) for w in caught)


def test_a_socket_closed_before_collection_does_not_warn():
    s = sctpx.open_tcp(socket.AF_INET)
    s.close()
    with warnings.catch_warnings(record=True) as caught:
        warnings.simplefilter("always")
        del s
        gc.collect()
    assert not [w for w in caught if issubclass(w.category, ResourceWarning)]


def test_the_old_sctpx_sctp_path_warns_and_is_the_pysctp_subpackages_module():
    import importlib
    import sys

    import sctpx.pysctp._sctp as new

    sys.modules.pop("sctpx._sctp", None)
    with pytest.warns(DeprecationWarning, match="sctpx.pysctp._sctp"):
        old = importlib.import_module("sctpx._sctp")
    assert old is new


def test_import_sctp_still_gives_the_pysctp_c_module_names():
    import _sctp

    assert _sctp.getconstant("BINDX_ADD") == sctpx.BINDX_ADD


def test_struct_options_are_properties_read_and_written(pair):
    _, srv = pair
    srv.rtoinfo = sctpx.RtoInfo(initial=1500, max=4000, min=500)
    got = srv.rtoinfo
    assert (got.initial, got.max, got.min) == (1500, 4000, 500)


def test_an_association_view_reads_and_writes_that_associations_options(udp_server):
    with sctpx.open_udp(socket.AF_INET) as cli:
        assoc = cli.connectx([(LOOPBACK, port_of(udp_server))])
        view = cli.association(assoc)
        view.delayed_sack = sctpx.SackInfo(delay=0, freq=1)
        assert (view.delayed_sack.assoc_id, view.delayed_sack.freq) == (assoc, 1)


def test_the_old_get_method_warns_deprecation_and_still_answers(pair):
    _, srv = pair
    with pytest.warns(DeprecationWarning, match="rtoinfo property"):
        old = srv.get_rtoinfo()
    assert old == srv.rtoinfo


def test_the_old_set_method_warns_deprecation_and_still_sets(pair):
    _, srv = pair
    with pytest.warns(DeprecationWarning, match="assocparams property"):
        srv.set_assocparams(sctpx.AssocParams(max_retrans=7))
    assert srv.assocparams.max_retrans == 7
