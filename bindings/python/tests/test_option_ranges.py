"""Option values outside the range sctpx.h documents for the option raise InvalidArgumentError
and leave the option as it was (the check is the C library's: the binding passes the int64
through)."""

from __future__ import annotations

import socket

import pytest

import sctpx


def test_linger_of_2_to_the_31_is_refused_and_linger_stays_off():
    # struct linger holds an int: 2**31 seconds used to read back as -1752346657.
    with sctpx.open_tcp(socket.AF_INET) as s:
        with pytest.raises(sctpx.InvalidArgumentError):
            s.linger = 2**31
        assert s.linger == -1


def test_autoclose_of_minus_1_is_refused_and_autoclose_stays_0():
    # The kernel would take -1 as 4294967295 seconds and lower it to net.sctp.max_autoclose.
    with sctpx.open_udp(socket.AF_INET) as s:
        with pytest.raises(sctpx.InvalidArgumentError):
            s.autoclose = -1
        assert s.autoclose == 0


def test_set_option_checks_the_same_ranges_as_the_properties():
    with sctpx.open_udp(socket.AF_INET) as s:
        with pytest.raises(sctpx.InvalidArgumentError):
            s.set_option(sctpx.Option.LINGER, -2)
        with pytest.raises(sctpx.InvalidArgumentError):
            s.set_option(sctpx.Option.AUTOCLOSE, 2**31)
        assert (s.linger, s.autoclose) == (-1, 0)
