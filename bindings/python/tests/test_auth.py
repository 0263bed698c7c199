"""SCTP-AUTH and the raw option calls on kernel SCTP, seen in what the peer receives.

Every socket turns AUTH on itself (``auth_supported``): nothing here needs or changes the
sysctl net.sctp.auth_enable."""

from __future__ import annotations

import socket
import struct
from typing import Iterator, Tuple

import pytest
from conftest import LOOPBACK, TIMEOUT, next_data, next_of, port_of

import sctpx

DATA = 0  # chunk type DATA (RFC 9260 section 3.2)
SCTP_NODELAY = 3  # <linux/sctp.h> option numbers, for the raw calls
SCTP_INITMSG = 2


def auth_socket(key: bytes) -> sctpx.Socket:
    """A one-to-one socket with AUTH on that requires DATA authenticated and sends with key 1;
    it retransmits every 200 ms or less, for long."""
    s = sctpx.open_tcp(socket.AF_INET)
    s.auth_supported = True
    s.add_auth_chunk(DATA)
    s.set_auth_key(1, key)
    s.active_auth_key = 1
    s.rtoinfo = sctpx.RtoInfo(initial=100, max=200, min=100)
    s.assocparams = sctpx.AssocParams(max_retrans=200)
    s.nodelay = True
    return s


def auth_pair(client_key: bytes, server_key: bytes) -> Tuple[sctpx.Socket, sctpx.Socket]:
    with auth_socket(server_key) as listener:
        listener.bind((LOOPBACK, 0))
        listener.listen()
        cli = auth_socket(client_key)
        cli.connect((LOOPBACK, port_of(listener)))
        conn, _ = listener.accept()
        return cli, conn


@pytest.fixture
def same_keys() -> Iterator[Tuple[sctpx.Socket, sctpx.Socket]]:
    cli, srv = auth_pair(b"one", b"one")
    with cli, srv:
        yield cli, srv


def test_matching_keys_carry_data(same_keys):
    cli, srv = same_keys
    cli.send(b"authenticated")
    assert next_data(srv).data == b"authenticated"


def test_a_key_mismatch_does_not_deliver_until_the_key_matches():
    cli, srv = auth_pair(b"client's", b"server's")
    with cli, srv:
        cli.send(b"forged")
        with pytest.raises(sctpx.TimedOutError):
            next_data(srv, timeout=2.0)
        cli.set_auth_key(1, b"server's")
        assert next_data(srv).data == b"forged"


def test_a_new_active_key_gives_the_peer_new_key(same_keys):
    cli, srv = same_keys
    srv.subscribe(sctpx.Authentication)
    cli.set_auth_key(2, b"two")
    srv.set_auth_key(2, b"two")
    cli.active_auth_key = 2
    assert cli.active_auth_key == 2
    cli.send(b"under key 2")
    ev = next_of(srv, sctpx.Authentication)
    assert (ev.indication, ev.key_number) == (sctpx.AUTH_NEW_KEY, 2)
    assert next_data(srv).data == b"under key 2"


def test_deactivating_a_key_gives_free_key_then_it_can_be_deleted(same_keys):
    cli, _ = same_keys
    cli.subscribe(sctpx.Authentication)
    cli.set_auth_key(2, b"two")
    cli.active_auth_key = 2
    cli.deactivate_auth_key(1)
    ev = next_of(cli, sctpx.Authentication, TIMEOUT)
    assert (ev.indication, ev.key_number) == (sctpx.AUTH_FREE_KEY, 1)
    cli.delete_auth_key(1)
    with pytest.raises(OSError):  # EINVAL: gone
        cli.delete_auth_key(1)


def test_each_side_reads_the_chunk_types_the_other_requires(same_keys):
    cli, srv = same_keys
    assert cli.get_peer_auth_chunks() == bytes([DATA])
    assert srv.get_local_auth_chunks() == bytes([DATA])


def test_hmac_identifiers_read_back_in_the_order_set():
    with sctpx.open_tcp(socket.AF_INET) as s:
        s.auth_supported = True
        s.set_hmac_idents([sctpx.HMAC_SHA256, sctpx.HMAC_SHA1])
        assert s.get_hmac_idents() == [sctpx.HMAC_SHA256, sctpx.HMAC_SHA1]


def test_auth_calls_without_auth_supported_raise_eacces():
    with sctpx.open_tcp(socket.AF_INET) as s:
        s.auth_supported = False
        with pytest.raises(PermissionError):
            s.set_auth_key(1, b"k")


def test_raw_getsockopt_reads_what_a_typed_option_set():
    with sctpx.open_tcp(socket.AF_INET) as s:
        s.nodelay = True
        assert struct.unpack("i", s.getsockopt(sctpx.LEVEL_SCTP, SCTP_NODELAY, 4)) == (1,)


def test_raw_setsockopt_has_its_effect_on_the_peer(udp_server):
    udp_server.subscribe(sctpx.AssocChange)
    with sctpx.open_udp(socket.AF_INET) as cli:
        # struct sctp_initmsg: 3 outbound streams, the rest left as they are.
        cli.setsockopt(sctpx.LEVEL_SCTP, SCTP_INITMSG, struct.pack("HHHH", 3, 0, 0, 0))
        cli.connectx([(LOOPBACK, port_of(udp_server))])
        assert next_of(udp_server, sctpx.AssocChange).inbound_streams == 3


def test_raw_calls_refuse_other_levels():
    with sctpx.open_tcp(socket.AF_INET) as s:
        with pytest.raises(sctpx.InvalidArgumentError):
            s.getsockopt(socket.IPPROTO_IP, socket.IP_TOS, 4)
        with pytest.raises(sctpx.InvalidArgumentError):
            s.setsockopt(socket.IPPROTO_IP, socket.IP_TOS, b"\0\0\0\0")
