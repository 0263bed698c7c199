"""How C return codes become Python exceptions."""

from __future__ import annotations

import errno
import socket

import pytest

import sctpx
from sctpx import errors
from conftest import LOOPBACK, port_of

LIBRARY_ERRORS = [
    (sctpx.ERR_NULL_POINTER, sctpx.NullPointerError, ()),
    (sctpx.ERR_BAD_HANDLE, sctpx.BadHandleError, (sctpx.HandleError,)),
    (sctpx.ERR_CLOSED_HANDLE, sctpx.ClosedHandleError, (sctpx.HandleError,)),
    (sctpx.ERR_WRONG_KIND, sctpx.WrongKindError, ()),
    (sctpx.ERR_INVALID_ARGUMENT, sctpx.InvalidArgumentError, (ValueError,)),
    (sctpx.ERR_TIMED_OUT, sctpx.TimedOutError, (TimeoutError,)),
    (sctpx.ERR_EOF, sctpx.EofError, (EOFError,)),
    (sctpx.ERR_PANIC, sctpx.PanicError, ()),
    (sctpx.ERR_NOT_SUPPORTED, sctpx.NotSupportedError, ()),
    (sctpx.ERR_BACKEND_UNAVAILABLE, sctpx.BackendUnavailableError, ()),
]


@pytest.mark.parametrize("code,cls,also", LIBRARY_ERRORS)
def test_each_library_code_raises_its_error_class(code, cls, also):
    exc = errors.exception_for(code)
    assert type(exc) is cls
    assert isinstance(exc, sctpx.Error)
    assert all(isinstance(exc, base) for base in also)
    assert exc.code == code
    assert str(exc) == sctpx.strerror(code)


def test_library_messages_are_distinct():
    messages = {sctpx.strerror(code) for code, _, _ in LIBRARY_ERRORS}
    assert len(messages) == len(LIBRARY_ERRORS)


def test_timed_out_error_carries_etimedout_like_socket_timeout():
    assert errors.exception_for(sctpx.ERR_TIMED_OUT).errno == errno.ETIMEDOUT


@pytest.mark.parametrize(
    "err,cls",
    [
        (errno.ECONNREFUSED, ConnectionRefusedError),
        (errno.EAGAIN, BlockingIOError),
        (errno.EINPROGRESS, BlockingIOError),
        (errno.ECONNRESET, ConnectionResetError),
        (errno.EPIPE, BrokenPipeError),
        (errno.EADDRINUSE, OSError),
    ],
)
def test_os_codes_raise_the_oserror_subclass_python_picks(err, cls):
    exc = errors.exception_for(-err)
    assert type(exc) is cls
    assert exc.errno == err
    assert not isinstance(exc, sctpx.Error)


def test_check_passes_counts_through():
    assert errors.check(0) == 0
    assert errors.check(42) == 42


def test_connect_to_a_closed_port_raises_connection_refused():
    # Bind and close to get a port nobody listens on.
    with sctpx.open_tcp(socket.AF_INET) as probe:
        probe.bind((LOOPBACK, 0))
        port = port_of(probe)
    with sctpx.open_tcp(socket.AF_INET) as cli:
        with pytest.raises(ConnectionRefusedError) as info:
            cli.connect((LOOPBACK, port))
        assert info.value.errno == errno.ECONNREFUSED


def test_binding_a_port_in_use_raises_eaddrinuse(listener):
    with sctpx.open_tcp(socket.AF_INET) as other:
        with pytest.raises(OSError) as info:
            other.bind((LOOPBACK, port_of(listener)))
        assert info.value.errno == errno.EADDRINUSE


def test_a_closed_socket_raises_closed_handle_error():
    s = sctpx.open_tcp()
    s.close()
    with pytest.raises(sctpx.ClosedHandleError) as info:
        s.listen()
    assert info.value.code == sctpx.ERR_CLOSED_HANDLE


def test_a_forged_handle_raises_bad_handle_error():
    with pytest.raises(sctpx.BadHandleError):
        sctpx.Socket(2**40, socket.AF_INET)


def test_an_unknown_family_raises_invalid_argument_error_a_value_error():
    with pytest.raises(ValueError) as info:
        sctpx.open_tcp(12345)
    assert isinstance(info.value, sctpx.InvalidArgumentError)


def test_accept_on_one_to_many_raises_wrong_kind_error(udp_server):
    with pytest.raises(sctpx.WrongKindError):
        udp_server.accept()


def test_peeloff_on_one_to_one_raises_wrong_kind_error(listener):
    with pytest.raises(sctpx.WrongKindError):
        listener.peeloff(1)


def test_out_of_range_send_fields_raise_invalid_argument_before_any_call(pair):
    cli, _ = pair
    with pytest.raises(sctpx.InvalidArgumentError, match="stream"):
        cli.send(b"x", stream=70000)
    with pytest.raises(sctpx.InvalidArgumentError, match="ppid"):
        cli.send(b"x", ppid=-1)


def test_out_of_range_send_stream_arguments_raise_invalid_argument_naming_them(pair):
    cli, srv = pair
    with pytest.raises(sctpx.InvalidArgumentError, match="stream"):
        cli.send_stream(b"x", 70000)
    with pytest.raises(sctpx.InvalidArgumentError, match="ppid"):
        cli.send_stream(b"x", 0, 2**32)
    with pytest.raises(sctpx.InvalidArgumentError, match="assoc_id"):
        cli.send_stream(b"x", 0, 1, 2**31)
    # Nothing was sent: the next message is the first to arrive.
    cli.send_stream(b"first", 1, 7)
    ev = srv.next_event(timeout=5)
    assert (ev.data, ev.stream, ev.ppid) == (b"first", 1, 7)


def test_an_out_of_range_field_in_a_batch_raises_invalid_argument_and_sends_nothing(pair):
    cli, srv = pair
    with pytest.raises(sctpx.InvalidArgumentError, match="ppid"):
        cli.send_batch([sctpx.SendMsg(b"a"), sctpx.SendMsg(b"b", ppid=2**32)])
    with pytest.raises(sctpx.InvalidArgumentError, match="stream"):
        cli.send_batch([sctpx.SendMsg(b"a", stream=-1)])
    assert cli.send_batch([b"only"]) == 1
    assert srv.next_event(timeout=5).data == b"only"


def test_a_malformed_address_raises_type_error():
    with sctpx.open_tcp() as s:
        with pytest.raises(TypeError):
            s.bind("127.0.0.1:80")


def test_an_unknown_option_raises_invalid_argument_error():
    with sctpx.open_tcp() as s:
        with pytest.raises(sctpx.InvalidArgumentError):
            s.get_option(999)
