"""Sends that set an association up with their own INIT parameters and addresses
(``Socket.send_setup``), seen in the association they make. tests/sendv.rs also shows the
further addresses and SEND_ADDR_OVER at work over two links."""

from __future__ import annotations

import socket

import pytest

import sctpx
from conftest import LOOPBACK, next_data, port_of


def test_init_parameters_given_with_a_send_set_the_new_associations_stream_counts(udp_server):
    with sctpx.open_udp(socket.AF_INET) as cli:
        init = sctpx.InitMsg(num_ostreams=3, max_instreams=4)
        cli.send_setup(b"hello", [(LOOPBACK, port_of(udp_server))], init=init)
        msg = next_data(udp_server)
        st = udp_server.association(msg.assoc_id).status
        # The socket's own INITMSG (10 streams each way) would have given 10 and 10.
        assert (st.inbound_streams, st.outbound_streams) == (3, 4)


def test_a_setup_send_with_no_address_is_refused():
    with sctpx.open_udp(socket.AF_INET) as cli, pytest.raises(sctpx.InvalidArgumentError):
        cli.send_setup(b"x", [])
