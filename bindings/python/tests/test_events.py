"""Every notification kind the kernel produces over loopback, as typed events.

(Remote error and partial-delivery-aborted cannot be provoked between two Linux endpoints
on loopback; their decoding is the same code path as the kinds below.)
"""

from __future__ import annotations

import socket
from typing import Tuple

import pytest

import sctpx
from conftest import LOOPBACK, TIMEOUT, next_data, next_of, port_of


def test_nothing_is_subscribed_by_default():
    with sctpx.open_tcp() as tcp, sctpx.open_udp() as udp:
        assert not any(s.subscribed(k) for s in (tcp, udp) for k in sctpx.NOTIFICATIONS)


def test_every_notification_kind_has_its_class():
    assert sorted(sctpx.NOTIFICATIONS) == list(range(1, 14))
    assert all(cls.KIND == kind for kind, cls in sctpx.NOTIFICATIONS.items())
    assert len(set(sctpx.NOTIFICATIONS.values())) == 13


def test_association_up_reports_the_negotiated_streams(listener):
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.subscribe(sctpx.AssocChange)
        cli.initmsg = sctpx.InitMsg(num_ostreams=5)
        cli.connect((LOOPBACK, port_of(listener)))
        ev = next_of(cli, sctpx.AssocChange)
        assert ev.state == sctpx.COMM_UP
        assert ev.outbound_streams == 5
        assert ev.inbound_streams > 0
        assert ev.assoc_id == cli.status.assoc_id
        listener.accept()[0].close()


def test_graceful_shutdown_gives_shutdown_then_shutdown_complete(pair):
    cli, conn = pair
    conn.subscribe(sctpx.Shutdown)
    conn.subscribe(sctpx.AssocChange)
    cli.shutdown()
    assert isinstance(next_of(conn, sctpx.Shutdown), sctpx.Shutdown)
    conn.shutdown()
    ev = next_of(conn, sctpx.AssocChange)
    assert ev.state == sctpx.SHUTDOWN_COMP


def test_abort_is_seen_as_communication_lost_with_the_abort_cause(udp_server):
    with sctpx.open_tcp(socket.AF_INET) as conn:
        conn.subscribe(sctpx.AssocChange)
        conn.connect((LOOPBACK, port_of(udp_server)))
        conn.send(b"hi")
        udp_server.abort(next_data(udp_server).assoc_id)
        while True:
            ev = next_of(conn, sctpx.AssocChange)
            if ev.state != sctpx.COMM_UP:
                break
        assert ev.state == sctpx.COMM_LOST
        # The payload is the ABORT's error cause: User-Initiated Abort (12), no reason.
        assert ev.data == b"\x00\x0c\x00\x04"


def test_init_to_a_closed_port_cannot_start_an_association():
    with sctpx.open_tcp(socket.AF_INET) as probe:
        probe.bind((LOOPBACK, 0))
        port = port_of(probe)
    with sctpx.open_udp(socket.AF_INET) as cli:
        cli.subscribe(sctpx.AssocChange)
        cli.send(b"nobody", to=(LOOPBACK, port))
        ev = next_of(cli, sctpx.AssocChange)
        assert ev.state == sctpx.CANT_STR_ASSOC


def test_sender_dry_follows_an_acknowledged_send(pair):
    cli, conn = pair
    cli.subscribe(sctpx.SenderDry)
    next_of(cli, sctpx.SenderDry)  # dry as soon as subscribed
    cli.send(b"x")
    next_data(conn)
    assert isinstance(next_of(cli, sctpx.SenderDry), sctpx.SenderDry)


def test_peer_address_events_report_a_multi_homed_peers_second_address():
    with sctpx.open_tcp(socket.AF_INET) as srv, sctpx.open_tcp(socket.AF_INET) as cli:
        srv.bind((LOOPBACK, 0))
        port = port_of(srv)
        srv.bindx([("127.0.0.4", port)])
        srv.listen()
        cli.subscribe(sctpx.PeerAddrChange)
        cli.connect((LOOPBACK, port))
        while True:
            ev = next_of(cli, sctpx.PeerAddrChange)
            if ev.addr == ("127.0.0.4", port):
                break
        # Confirmed by a heartbeat: the second address starts unconfirmed.
        assert (ev.state, ev.error) == (sctpx.ADDR_CONFIRMED, sctpx.PeerAddrChange.HEARTBEAT_SUCCESS)


def _stalled_sender(server: sctpx.Socket, kind: type) -> Tuple[sctpx.Socket, int]:
    """A one-to-many client that queued messages with a 1 ms TTL to ``server``, which
    does not read and has a tiny window: the TTLs expire and the kernel reports them."""
    server.rcvbuf = 4096
    client = sctpx.open_udp(socket.AF_INET)
    client.subscribe(kind)
    assoc = client.connectx([(LOOPBACK, port_of(server))])
    client.nonblock = True
    for i in range(200):
        try:
            client.send(b"\xab" * 1000, assoc_id=assoc, ppid=77, context=i, pr_policy=sctpx.PR_TTL, pr_value=1)
        except BlockingIOError:
            break
    return client, assoc


@pytest.mark.parametrize("kind", [sctpx.SendFailed, sctpx.SendFailedEvent])
def test_an_expired_ttl_gives_send_failed_with_the_unsent_message(udp_server, kind):
    client, assoc = _stalled_sender(udp_server, kind)
    with client:
        client.nonblock = False
        ev = next_of(client, kind)
        assert type(ev) is kind
        assert ev.data == b"\xab" * 1000
        assert (ev.info.ppid, ev.info.stream, ev.info.assoc_id) == (77, 0, assoc)
        assert ev.assoc_id == assoc
        assert ev.flags in (sctpx.DATA_UNSENT, sctpx.DATA_SENT)


def test_a_notification_larger_than_the_buffer_is_decoded_and_marked_truncated(udp_server):
    client, _ = _stalled_sender(udp_server, sctpx.SendFailedEvent)
    with client:
        client.nonblock = False
        while True:
            ev = client.next_event(timeout=TIMEOUT, bufsize=100)
            if isinstance(ev, sctpx.SendFailedEvent):
                break
        assert ev.truncated
        assert ev.info.ppid == 77
        assert ev.data == b"\xab" * len(ev.data) and len(ev.data) < 100


def test_adaptation_indication_carries_the_peers_value(udp_server):
    udp_server.subscribe(sctpx.Adaptation)
    with sctpx.open_udp(socket.AF_INET) as cli:
        cli.adaptation_layer = 0x12345678
        cli.connectx([(LOOPBACK, port_of(udp_server))])
        assert next_of(udp_server, sctpx.Adaptation).indication == 0x12345678


def test_authentication_event_says_the_peer_has_no_auth(udp_server):
    udp_server.subscribe(sctpx.Authentication)
    with sctpx.open_udp(socket.AF_INET) as cli:
        cli.connectx([(LOOPBACK, port_of(udp_server))])
        ev = next_of(udp_server, sctpx.Authentication)
        assert ev.indication == sctpx.AUTH_NO_AUTH


@pytest.fixture
def reconfig_pair(udp_server):
    """(client, client's assoc id, server) with stream reconfiguration on both sides and
    every notification subscribed."""
    with sctpx.open_udp(socket.AF_INET) as cli:
        for s in (cli, udp_server):
            s.reconfig_supported = True
            s.enable_stream_reset = 7
            for kind in sctpx.NOTIFICATIONS:
                s.subscribe(kind)
        assoc = cli.connectx([(LOOPBACK, port_of(udp_server))])
        next_of(cli, sctpx.AssocChange)
        next_of(udp_server, sctpx.AssocChange)
        yield cli, assoc, udp_server


def test_resetting_outgoing_streams_gives_a_stream_reset_event_listing_them(reconfig_pair):
    cli, assoc, _ = reconfig_pair
    cli.reset_streams(sctpx.STREAM_RESET_OUTGOING, [1, 3], assoc_id=assoc)
    ev = next_of(cli, sctpx.StreamReset)
    assert ev.flags & sctpx.STREAM_RESET_OUTGOING_SSN
    assert ev.streams == (1, 3)


def test_adding_streams_gives_a_stream_change_event(reconfig_pair):
    cli, assoc, _ = reconfig_pair
    before = cli.association(assoc).status.outbound_streams
    cli.add_streams(0, 5, assoc_id=assoc)
    ev = next_of(cli, sctpx.StreamChange)
    assert ev.flags & (sctpx.RESET_DENIED | sctpx.RESET_FAILED) == 0
    assert ev.outbound_streams == 5  # Linux reports how many were added
    assert cli.association(assoc).status.outbound_streams == before + 5


def test_resetting_the_association_gives_an_assoc_reset_event(reconfig_pair):
    cli, assoc, _ = reconfig_pair
    cli.reset_assoc(assoc)
    ev = next_of(cli, sctpx.AssocReset)
    assert ev.flags & (sctpx.RESET_DENIED | sctpx.RESET_FAILED) == 0
    assert ev.local_tsn != 0


def test_events_are_frozen_dataclasses(pair):
    cli, conn = pair
    cli.send(b"x")
    msg = next_data(conn)
    with pytest.raises(AttributeError):
        msg.data = b"y"
