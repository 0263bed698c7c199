"""sctpx.pysctp: PySCTP programs run unchanged but for the import.

The first tests are written the way PySCTP's README and users write them.
"""

from __future__ import annotations

import os
import socket

import pytest

import sctpx
import sctpx.pysctp as sctp
from conftest import LOOPBACK, TIMEOUT, next_data


def _open_fds() -> int:
    return len(os.listdir("/proc/self/fd"))


@pytest.fixture
def tcp_pair():
    srv = sctp.sctpsocket_tcp(socket.AF_INET)
    srv.bind((LOOPBACK, 0))
    srv.listen(5)
    cli = sctp.sctpsocket_tcp(socket.AF_INET)
    cli.connect((LOOPBACK, srv.getsockname()[1]))
    conn, _ = srv.accept()
    yield cli, conn
    for s in (cli, conn, srv):
        s.close()


@pytest.fixture
def udp_server():
    srv = sctp.sctpsocket_udp(socket.AF_INET)
    srv.bind((LOOPBACK, 0))
    srv.listen(5)
    yield srv
    srv.close()


def test_one_to_one_exchange_as_pysctp_users_write_it():
    server = sctp.sctpsocket_tcp(socket.AF_INET)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    port = server.getsockname()[1]

    client = sctp.sctpsocket_tcp(socket.AF_INET)
    client.connect(("127.0.0.1", port))
    conn, addr = server.accept()

    client.sctp_send("hello world", ppid=18, stream=1)
    fromaddr, flags, msg, notif = conn.sctp_recv(1024)
    assert msg == b"hello world"
    assert fromaddr == addr == client.getsockname()
    assert flags & sctp.FLAG_EOR and not flags & sctp.FLAG_NOTIFICATION
    assert (notif.ppid, notif.stream) == (18, 1)

    conn.sctp_send(b"bye")
    assert client.sctp_recv(1024)[2] == b"bye"
    client.close()
    conn.close()
    server.close()


def test_one_to_many_server_with_peeloff_as_pysctp_users_write_it():
    server = sctp.sctpsocket_udp(socket.AF_INET)
    server.bind(("127.0.0.1", 0))
    server.listen(5)
    server.events.clear()
    server.events.association = True
    port = server.getsockname()[1]

    client = sctp.sctpsocket_tcp(socket.AF_INET)
    client.connect(("127.0.0.1", port))

    fromaddr, flags, msg, notif = server.sctp_recv(1024)
    assert flags & sctp.FLAG_NOTIFICATION
    assert isinstance(notif, sctp.assoc_change)
    assert notif.state == sctp.assoc_change.state_COMM_UP
    assert fromaddr == client.getsockname()

    peeled = server.peeloff(notif.assoc_id)
    assert isinstance(peeled, sctp.sctpsocket_tcp)
    client.sctp_send(b"to the peeled socket")
    assert peeled.sctp_recv(1024)[2] == b"to the peeled socket"
    peeled.sctp_send(b"from the peeled socket")
    assert client.sctp_recv(1024)[2] == b"from the peeled socket"
    for s in (peeled, client, server):
        s.close()


def test_sctp_recv_of_data_is_address_flags_bytes_and_sndrcvinfo(tcp_pair):
    cli, conn = tcp_pair
    cli.sctp_send(b"x", flags=sctp.MSG_UNORDERED, context=3)
    fromaddr, flags, msg, notif = conn.sctp_recv(100)
    assert isinstance(fromaddr, tuple) and len(fromaddr) == 2
    assert type(flags) is int and type(msg) is bytes
    assert type(notif) is sctp.sndrcvinfo
    assert notif.flags == sctp.MSG_UNORDERED
    assert notif.assoc_id > 0 and notif.tsn > 0
    assert set(vars(notif)) >= {"stream", "ssn", "flags", "ppid", "context", "timetolive", "tsn", "cumtsn", "assoc_id"}


def test_sctp_recv_of_a_notification_has_no_message(tcp_pair):
    cli, conn = tcp_pair
    conn.events.shutdown = True
    cli.close()
    fromaddr, flags, msg, notif = conn.sctp_recv(100)
    assert flags & sctp.FLAG_NOTIFICATION
    assert msg is None
    assert isinstance(notif, sctp.shutdown_event)
    assert notif.type == sctp.notification.type_SHUTDOWN_EVENT == sctp.getconstant("SCTP_SHUTDOWN_EVENT")
    assert notif.assoc_id > 0


def test_sctp_recv_at_the_end_of_a_one_to_one_association_gives_an_empty_message(tcp_pair):
    cli, conn = tcp_pair
    cli.close()
    fromaddr, flags, msg, notif = conn.sctp_recv(100)
    assert msg == b""
    assert isinstance(notif, sctp.sndrcvinfo)


def test_a_message_longer_than_maxlen_comes_in_pieces_with_eor_on_the_last(tcp_pair):
    cli, conn = tcp_pair
    cli.sctp_send(b"a" * 150)
    first, second = conn.sctp_recv(100), conn.sctp_recv(100)
    assert (len(first[2]), first[1] & sctp.FLAG_EOR) == (100, 0)
    assert (len(second[2]), second[1] & sctp.FLAG_EOR) == (50, sctp.FLAG_EOR)


def test_ppid_is_sent_in_network_byte_order(tcp_pair):
    # A native sctpx receiver (host order in its API) sees the value that was sent:
    # the wire carried it in network order. PySCTP would deliver 0x01000000 here.
    cli, conn = tcp_pair
    cli.sctp_send(b"p", ppid=1)
    assert next_data(conn.sctpx).ppid == 1


def test_ppid_mode_unconverted_passes_ppids_as_a_pysctp_0_7_2_program_writes_them(tcp_pair):
    # Such a program htonl()s what it sends and ntohl()s what it receives itself.
    cli, conn = tcp_pair
    cli.ppid_mode = conn.ppid_mode = sctp.PPID_UNCONVERTED
    cli.sctp_send(b"p", ppid=socket.htonl(18))
    assert next_data(conn.sctpx).ppid == 18, "18 on the wire"
    conn.sctpx.send(b"q", ppid=18)
    assert socket.ntohl(cli.sctp_recv(10)[3].ppid) == 18


def test_ppid_mode_as_pysctp_0_7_3_converts_on_send_only(tcp_pair):
    cli, conn = tcp_pair
    cli.ppid_mode = sctp.PPID_AS_PYSCTP_0_7_3
    cli.sctp_send(b"p", ppid=18)
    assert next_data(conn.sctpx).ppid == 18
    conn.sctpx.send(b"q", ppid=18)
    assert cli.sctp_recv(10)[3].ppid == socket.htonl(18), "unconverted, as 0.7.3 returns it"


def test_default_ppid_mode_applies_to_new_and_accepted_sockets(monkeypatch):
    monkeypatch.setattr(sctp, "default_ppid_mode", sctp.PPID_UNCONVERTED)
    srv = sctp.sctpsocket_tcp(socket.AF_INET)
    try:
        srv.bind((LOOPBACK, 0))
        srv.listen(5)
        with sctpx.open_tcp(socket.AF_INET) as cli:
            cli.connect((LOOPBACK, srv.getsockname()[1]))
            conn, _ = srv.accept()
            with conn:
                assert srv.ppid_mode == conn.ppid_mode == sctp.PPID_UNCONVERTED
                cli.send(b"r", ppid=18)
                assert conn.sctp_recv(10)[3].ppid == socket.htonl(18)
    finally:
        srv.close()


def test_an_unknown_ppid_mode_is_refused(tcp_pair):
    with pytest.raises(sctpx.InvalidArgumentError):
        tcp_pair[0].ppid_mode = "network"


def test_ppid_defaults_to_the_adaptation_value_as_in_pysctp(tcp_pair):
    cli, conn = tcp_pair
    cli.adaptation = 46
    cli.sctp_send(b"p")
    assert conn.sctp_recv(10)[3].ppid == 46


def test_stream_defaults_to_the_streamid_property(tcp_pair):
    cli, conn = tcp_pair
    cli.streamid = 2
    cli.sctp_send(b"s")
    assert conn.sctp_recv(10)[3].stream == 2


def test_send_failed_notification_carries_the_message_as_bytes(udp_server):
    udp_server.set_rcvbuf(8192)
    cli = sctp.sctpsocket_udp(socket.AF_INET)
    cli.events.send_failure = True
    cli.settimeout(0)  # delegated to the socket: O_NONBLOCK, so a full buffer stops the loop
    to = (LOOPBACK, udp_server.getsockname()[1])
    try:
        for _ in range(200):
            cli.sctp_send(b"\xff\x00" * 500, to=to, ppid=7, timetolive=1)
    except BlockingIOError:
        pass
    cli.settimeout(None)
    while True:
        fromaddr, flags, msg, notif = cli.sctp_recv(4096)
        if isinstance(notif, sctp.send_failed):
            break
    assert notif.data == b"\xff\x00" * 500
    assert notif.info.ppid == 7
    assert notif.flags in (sctp.send_failed.flag_DATA_UNSENT, sctp.send_failed.flag_DATA_SENT)
    cli.close()


def test_peeloff_does_not_leak_a_descriptor(udp_server):
    cli = sctp.sctpsocket_tcp(socket.AF_INET)
    cli.connect((LOOPBACK, udp_server.getsockname()[1]))
    cli.sctp_send(b"hi")
    notif = udp_server.sctp_recv(100)[3]
    before = _open_fds()
    peeled = udp_server.peeloff(notif.assoc_id)
    assert _open_fds() == before + 1
    peeled.close()
    assert _open_fds() == before
    cli.close()


def test_ipv6_bindx_and_connectx_work():
    srv = sctp.sctpsocket_udp(socket.AF_INET6)
    srv.bind(("::1", 0))
    port = srv.getsockname()[1]
    srv.bindx([("127.0.0.1", port)])
    srv.listen(5)
    assert srv.getladdrs() == (("::1", port), ("::ffff:127.0.0.1", port))
    cli = sctp.sctpsocket_tcp(socket.AF_INET6)
    ids = {}
    cli.connectx([("::1", port), ("127.0.0.1", port)], ids)
    assert ids["assoc_id"] > 0
    assert sorted(cli.getpaddrs()) == [("::1", port), ("::ffff:127.0.0.1", port)]
    cli.sctp_send(b"v6")
    assert srv.sctp_recv(10)[2] == b"v6"
    cli.close()
    srv.close()


def test_sctp_send_to_an_address_on_one_to_many(udp_server):
    cli = sctp.sctpsocket_udp(socket.AF_INET)
    cli.sctp_send(b"implicit", to=(LOOPBACK, udp_server.getsockname()[1]))
    fromaddr, _, msg, notif = udp_server.sctp_recv(100)
    assert msg == b"implicit"
    assert fromaddr == cli.getladdrs()[0]
    cli.close()


def test_msg_eof_with_an_empty_message_shuts_the_association_down(udp_server):
    udp_server.events.shutdown = True
    cli = sctp.sctpsocket_udp(socket.AF_INET)
    to = (LOOPBACK, udp_server.getsockname()[1])
    cli.sctp_send(b"first", to=to)
    assert udp_server.sctp_recv(100)[2] == b"first"
    cli.sctp_send(b"", flags=sctp.MSG_EOF, to=to)
    assert isinstance(udp_server.sctp_recv(100)[3], sctp.shutdown_event)
    cli.close()


def test_an_empty_message_without_msg_eof_is_refused(tcp_pair):
    cli, _ = tcp_pair
    with pytest.raises(ValueError):
        cli.sctp_send(b"")


def test_events_reflect_and_change_the_subscriptions():
    s = sctp.sctpsocket_udp(socket.AF_INET)
    ev = s.events
    assert ev.data_io is True
    assert not any((ev.association, ev.address, ev.send_failure, ev.peer_error, ev.shutdown, ev.partial_delivery, ev.adaptation_layer))
    ev.association = True
    ev.peer_error = True
    assert s.sctpx.subscribed(sctpx.AssocChange) and s.sctpx.subscribed(sctpx.RemoteError)
    ev.autoflush = False
    ev.address = True
    assert not s.sctpx.subscribed(sctpx.PeerAddrChange)
    ev.flush()
    assert s.sctpx.subscribed(sctpx.PeerAddrChange)
    ev.autoflush = True
    ev.clear()
    assert not any(s.sctpx.subscribed(k) for k in range(1, 14))
    s.close()


def test_initparams_read_and_flush_the_init_message():
    s = sctp.sctpsocket_tcp(socket.AF_INET)
    s.initparams.max_init_timeo = 1234
    s.initparams.num_ostreams = 4
    assert s.sctpx.initmsg.max_init_timeo == 1234
    fresh = sctp.initparams(s)
    assert (fresh.num_ostreams, fresh.max_init_timeo) == (4, 1234)
    im = s.initparams.initmsg()
    assert (im.num_ostreams, im.max_init_timeo) == (4, 1234)
    s.close()


def test_properties_read_back_what_was_set():
    s = sctp.sctpsocket_udp(socket.AF_INET6)
    s.nodelay = True
    s.disable_fragments = True
    s.mappedv4 = True
    s.maxseg = 1100
    s.autoclose = 9
    s.adaptation = 5
    assert (s.nodelay, s.disable_fragments, s.mappedv4, s.maxseg, s.autoclose, s.adaptation) == (True, True, True, 1100, 9, 5)
    s.set_sndbuf(65536)
    assert s.get_sndbuf() == 65536
    s.close()


def test_autoclose_and_peeloff_are_refused_on_tcp_style_sockets():
    s = sctp.sctpsocket_tcp(socket.AF_INET)
    with pytest.raises(IOError):
        s.autoclose = 5
    with pytest.raises(IOError):
        s.peeloff(1)
    s.close()


def test_ttl_and_streamid_are_range_checked_as_in_pysctp():
    s = sctp.sctpsocket_tcp(socket.AF_INET)
    with pytest.raises(ValueError):
        s.ttl = 256
    with pytest.raises(ValueError):
        s.streamid = -1
    s.close()


def test_status_paddrinfo_and_parameters_have_pysctp_fields(tcp_pair):
    cli, conn = tcp_pair
    peer = (LOOPBACK, conn.getsockname()[1])
    st = cli.get_status()
    assert st.state == sctp.status.state_ESTABLISHED
    assert st.instrms > 0 and st.outstrms > 0
    assert st.primary.sockaddr == peer
    info = cli.get_paddrinfo(0, peer)
    assert info.state == sctp.paddrinfo.state_ACTIVE and info.sockaddr == peer
    params = cli.get_paddrparams(0, peer)
    params.hbinterval = 4000
    params.flags = sctp.paddrparams.flags_HB_ENABLED
    cli.set_paddrparams(params)
    assert cli.get_paddrparams(0, peer).hbinterval == 4000
    rto = cli.get_rtoinfo()
    rto.initial, rto.min = 700, 300
    cli.set_rtoinfo(rto)
    assert (cli.get_rtoinfo().initial, cli.get_rtoinfo().min) == (700, 300)
    ap = cli.get_assocparams()
    assert ap.number_peer_destinations == 1 and ap.cookie_life > 0
    ap.assocmaxrxt = 7
    cli.set_assocparams(ap)
    assert cli.get_assocparams().assocmaxrxt == 7


def test_assoc_id_rules_for_tcp_and_udp_styles(tcp_pair, udp_server):
    cli, _ = tcp_pair
    with pytest.raises(ValueError):
        cli.get_status(5)
    with pytest.raises(ValueError):
        udp_server.get_status(0)


def test_unknown_attributes_go_to_a_standard_socket_closed_with_it():
    s = sctp.sctpsocket_tcp(socket.AF_INET)
    s.setsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR, 1)
    assert s.getsockopt(socket.SOL_SOCKET, socket.SO_REUSEADDR) == 1
    assert s.sctpx.reuseaddr is True
    assert isinstance(s.sock(), socket.socket)
    before = _open_fds()
    s.close()
    assert _open_fds() == before - 2  # the socket and the standard socket's duplicate


def test_wrapping_a_standard_sctp_socket_adopts_a_duplicate_of_it():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, socket.IPPROTO_SCTP) as plain:
        plain.bind(("127.0.0.1", 0))
        port = plain.getsockname()[1]
        s = sctp.sctpsocket_tcp(socket.AF_INET, plain)
        assert s.getladdrs()[0][1] == port
        s.close()
        assert plain.getsockname()[1] == port, "the caller's socket stays open"


def test_wrapping_a_non_sctp_socket_is_refused():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM) as plain:
        with pytest.raises(sctpx.InvalidArgumentError):
            sctp.sctpsocket_tcp(socket.AF_INET, plain)


def test_datalogging_records_each_sent_message(tcp_pair, tmp_path):
    cli, conn = tcp_pair
    prefix = str(tmp_path / "rec")
    cli.sctp_send(b"logged", record_file_prefix=prefix, datalogging=True)
    files = os.listdir(str(tmp_path))
    assert len(files) == 1 and files[0].startswith("rec-") and files[0].endswith("-c2s.1")
    with open(os.path.join(str(tmp_path), files[0]), "rb") as f:
        assert f.read() == b"logged"


def test_module_constants_and_getconstant():
    assert (sctp.BINDX_ADD, sctp.BINDX_REMOVE) == (sctpx.BINDX_ADD, sctpx.BINDX_REMOVE)
    assert (sctp.MSG_UNORDERED, sctp.MSG_ABORT, sctp.MSG_EOF) == (1, 4, 0x200)
    assert (sctp.FLAG_NOTIFICATION, sctp.FLAG_EOR) == (0x8000, 0x80)
    assert sctp.features() & sctp.HAVE_KERNEL_SCTP
    assert sctp.getconstant("SCTP_ASSOC_CHANGE") == 0x8001
    assert sctp.getconstant("SCTP_COMM_UP") == sctp.assoc_change.state_COMM_UP == 0
    assert sctp.getconstant("NOT_A_CONSTANT") is None
    assert sctp.TCP_STYLE == socket.SOCK_STREAM and sctp.UDP_STYLE == socket.SOCK_SEQPACKET


def test_import_sctp_gives_pysctps_c_module_functions():
    import _sctp

    assert _sctp.getconstant("SCTP_COMM_UP") == sctp.getconstant("SCTP_COMM_UP") == 0
    assert _sctp.getconstant("MSG_EOF") == sctp.MSG_EOF
    # What PySCTP reports on Linux, and what sctp.features() is made of.
    assert (_sctp.have_sctp_noconnect(), _sctp.have_sctp_sat_network()) == (True, False)
    assert sctp.features() & sctp.HAVE_SCTP_MULTIBUF
    assert not sctp.features() & sctp.HAVE_SCTP_SAT_NETWORK_CAPABILITY


def test_notification_factory_builds_the_class_for_a_type():
    n = sctp.notification_factory({"type": sctp.notification.type_ASSOC_CHANGE, "state": 3})
    assert isinstance(n, sctp.assoc_change) and n.state == 3
    assert type(sctp.notification_factory({"type": 1})) is sctp.notification
