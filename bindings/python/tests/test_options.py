"""Socket options: integer properties, structured options, association state."""

from __future__ import annotations

import socket

import pytest

import sctpx
from conftest import LOOPBACK, next_data, port_of


@pytest.mark.parametrize(
    "name,value",
    [
        ("nodelay", True),
        ("nodelay", False),
        ("disable_fragments", True),
        ("mapped_v4", True),
        ("reuseaddr", True),
        ("reuse_port", True),
        ("v6only", True),
        ("pr_supported", False),
        ("reconfig_supported", True),
        ("nonblock", True),
        ("recv_from", False),
        ("expose_pf_state", sctpx.PF_EXPOSE_ENABLE),
        ("autoclose", 30),
        ("fragment_interleave", 1),
        ("partial_delivery_point", 4096),
        ("maxseg", 1200),
        ("max_burst", 8),
        ("context", 1234),
        ("adaptation_layer", 0x11223344),
        ("linger", 5),
        ("enable_stream_reset", sctpx.ENABLE_RESET_STREAM_REQ | sctpx.ENABLE_CHANGE_ASSOC_REQ),
    ],
)
def test_option_property_reads_back_what_was_set(name, value):
    # autoclose applies to one-to-many sockets only, reuse_port to one-to-one only.
    opener = sctpx.open_udp if name == "autoclose" else sctpx.open_tcp
    with opener(socket.AF_INET6) as s:
        setattr(s, name, value)
        assert getattr(s, name) == value
        assert type(getattr(s, name)) is type(value)


def test_buffer_sizes_read_back_doubled_as_the_kernel_keeps_them():
    with sctpx.open_tcp() as s:
        s.sndbuf = 65536
        s.rcvbuf = 65536
        assert (s.sndbuf, s.rcvbuf) == (131072, 131072)


def test_generic_option_calls_match_the_properties():
    with sctpx.open_tcp() as s:
        s.set_option(sctpx.Option.MAXSEG, 1000)
        assert s.get_option(sctpx.OPT_MAXSEG) == s.maxseg == 1000


def test_assoc_number_is_read_only():
    with sctpx.open_udp() as s:
        assert s.assoc_number == 0
        with pytest.raises(AttributeError):
            s.assoc_number = 1


def test_initmsg_reads_back_and_sets_the_streams_of_new_associations(listener):
    with sctpx.open_tcp(socket.AF_INET) as cli:
        cli.initmsg = sctpx.InitMsg(num_ostreams=7, max_instreams=9, max_attempts=3, max_init_timeo=2000)
        assert cli.initmsg == sctpx.InitMsg(7, 9, 3, 2000)
        cli.connect((LOOPBACK, port_of(listener)))
        conn, _ = listener.accept()
        with conn:
            assert cli.status.outbound_streams == 7


def test_status_of_an_established_association(pair):
    cli, conn = pair
    st = cli.status
    assert st.state == sctpx.STATE_ESTABLISHED
    assert st.primary.address == (LOOPBACK, port_of(conn))
    assert st.primary.state == sctpx.PATH_ACTIVE
    assert st.inbound_streams > 0 and st.outbound_streams > 0
    assert st.assoc_id > 0


def test_paddrinfo_of_the_peer_address(pair):
    cli, conn = pair
    info = cli.get_paddrinfo((LOOPBACK, port_of(conn)))
    assert info.address == (LOOPBACK, port_of(conn))
    assert info.state == sctpx.PATH_ACTIVE
    assert info.mtu > 0 and info.rto > 0


def test_paddrparams_heartbeat_interval_round_trips(pair):
    cli, conn = pair
    peer = (LOOPBACK, port_of(conn))
    params = cli.get_paddrparams(peer)
    assert params.address == peer
    params.hbinterval = 12000  # the kernel keeps it in jiffies: a whole number of them
    params.flags = sctpx.options.SPP_HB_ENABLE
    cli.set_paddrparams(params)
    assert cli.get_paddrparams(peer).hbinterval == 12000


def test_paddrthlds_of_one_peer_address_round_trip(pair):
    # tests/paths.rs shows what the thresholds do on a cut link; here, that Python reaches them.
    cli, conn = pair
    peer = (LOOPBACK, port_of(conn))
    cli.set_paddrthlds(sctpx.PeerAddrThresholds(address=peer, pathmaxrxt=9, pf_max_retrans=2, ps_retrans=4))
    got = cli.get_paddrthlds(peer)
    assert (got.address, got.pathmaxrxt, got.pf_max_retrans, got.ps_retrans) == (peer, 9, 2, 4)


def test_paddrthlds_pf_max_retrans_above_ps_retrans_is_refused():
    with sctpx.open_tcp() as s, pytest.raises(sctpx.InvalidArgumentError):
        s.set_paddrthlds(sctpx.PeerAddrThresholds(pf_max_retrans=3, ps_retrans=2))


def test_socket_default_paddrparams_have_no_address():
    with sctpx.open_udp() as s:
        assert s.get_paddrparams().address is None


def test_assoc_stats_count_the_packets_sent(pair):
    cli, conn = pair
    before = cli.assoc_stats.opackets
    cli.send(b"counted")
    next_data(conn)
    assert cli.assoc_stats.opackets > before


def test_primary_is_the_connected_address_and_can_be_set(pair):
    cli, conn = pair
    peer = (LOOPBACK, port_of(conn))
    assert cli.primary == peer
    cli.set_primary(peer)
    assert cli.primary == peer


def test_rtoinfo_round_trips():
    with sctpx.open_tcp() as s:
        s.rtoinfo = sctpx.RtoInfo(initial=500, max=4000, min=200)
        assert s.rtoinfo == sctpx.RtoInfo(0, 500, 4000, 200)


def test_assocparams_round_trip_and_count_the_peer_addresses(pair):
    cli, _ = pair
    p = cli.assocparams
    assert p.peer_destinations == 1
    p.cookie_life, p.max_retrans = 30000, 7
    cli.assocparams = p
    got = cli.assocparams
    assert (got.cookie_life, got.max_retrans) == (30000, 7)


def test_default_send_info_round_trips():
    with sctpx.open_udp() as s:
        s.default_send_info = sctpx.SendInfo(stream=2, ppid=99, context=5, flags=sctpx.SEND_UNORDERED)
        got = s.default_send_info
        assert (got.stream, got.ppid, got.context, got.flags) == (2, 99, 5, sctpx.SEND_UNORDERED)


def test_delayed_sack_round_trips():
    with sctpx.open_udp() as s:
        s.delayed_sack = sctpx.SackInfo(delay=100, freq=2)
        assert s.delayed_sack == sctpx.SackInfo(0, 100, 2)


def test_pending_error_is_zero_and_read_only():
    with sctpx.open_tcp() as s:
        assert s.pending_error == 0
        with pytest.raises(AttributeError):
            s.pending_error = 1


def test_subscribe_turns_one_kind_on_and_off():
    with sctpx.open_udp() as s:
        assert not any(s.subscribed(k) for k in range(1, 14))
        s.subscribe(sctpx.AssocChange)
        s.subscribe(sctpx.EventKind.SENDER_DRY)
        assert [k for k in range(1, 14) if s.subscribed(k)] == [1, 9]
        s.subscribe(1, on=False)
        assert [k for k in range(1, 14) if s.subscribed(k)] == [9]


def test_one_peer_addresss_udp_port_round_trips(pair):
    # tests/udp_encap.rs shows the port at work between two kernels; here, that Python reaches it.
    cli, conn = pair
    peer = (LOOPBACK, port_of(conn))
    cli.set_paddr_udp_port(peer, 9899)
    assert cli.get_paddr_udp_port(peer) == 9899
