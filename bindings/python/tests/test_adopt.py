"""sctpx.adopt_fd: what it takes over and what it refuses."""
import errno
import os
import socket

import pytest

import sctpx


def test_adopting_a_pipe_is_refused_and_closes_it():
    r, w = os.pipe()
    os.close(w)
    with pytest.raises(sctpx.InvalidArgumentError):
        sctpx.adopt_fd(r)
    with pytest.raises(OSError) as e:
        os.fstat(r)
    assert e.value.errno == errno.EBADF


def test_adopting_a_number_no_descriptor_has_is_ebadf():
    r, w = os.pipe()
    os.close(r)
    os.close(w)
    with pytest.raises(OSError) as e:
        sctpx.adopt_fd(r)
    assert e.value.errno == errno.EBADF


def test_adopting_a_udp_socket_is_refused_and_closes_it():
    u = socket.socket(socket.AF_INET, socket.SOCK_DGRAM)
    fd = u.detach()
    with pytest.raises(sctpx.InvalidArgumentError):
        sctpx.adopt_fd(fd)
    with pytest.raises(OSError):
        os.fstat(fd)


def test_an_adopted_sctp_socket_keeps_its_kind_and_family():
    s = socket.socket(socket.AF_INET, socket.SOCK_SEQPACKET, socket.IPPROTO_SCTP)
    with sctpx.adopt_fd(s.detach()) as a:
        assert a.kind == sctpx.KIND_ONE_TO_MANY
        a.bind(("127.0.0.1", 0))
