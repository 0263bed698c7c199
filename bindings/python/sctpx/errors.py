"""Exceptions raised by sctpx.

Every C call returns a code; a negative one becomes an exception here:

* ``-errno`` (an operating-system error) raises :class:`OSError` built as
  ``OSError(errno, strerror)``, so Python picks the same subclass the :mod:`socket` module
  would: :class:`ConnectionRefusedError`, :class:`BlockingIOError` (``EAGAIN``,
  ``EINPROGRESS``), :class:`ConnectionResetError`, ...
* ``SCTPX_ERR_*`` (the library's own codes) raise a subclass of :class:`Error`:

  ====================================  =============================================
  code                                  exception (also an instance of)
  ====================================  =============================================
  ``SCTPX_ERR_NULL_POINTER``            :class:`NullPointerError`
  ``SCTPX_ERR_BAD_HANDLE``              :class:`BadHandleError` (:class:`HandleError`)
  ``SCTPX_ERR_CLOSED_HANDLE``           :class:`ClosedHandleError` (:class:`HandleError`)
  ``SCTPX_ERR_WRONG_KIND``              :class:`WrongKindError`
  ``SCTPX_ERR_INVALID_ARGUMENT``        :class:`InvalidArgumentError` (:class:`ValueError`)
  ``SCTPX_ERR_TIMED_OUT``               :class:`TimedOutError` (:class:`TimeoutError`)
  ``SCTPX_ERR_EOF``                     :class:`EofError` (:class:`EOFError`)
  ``SCTPX_ERR_PANIC``                   :class:`PanicError`
  ``SCTPX_ERR_NOT_SUPPORTED``           :class:`NotSupportedError`
  ``SCTPX_ERR_BACKEND_UNAVAILABLE``     :class:`BackendUnavailableError`
  ====================================  =============================================

Each :class:`Error` carries the C ``code`` and the library's message (``sctpx_strerror``).

A value that cannot be what C takes is refused in Python, before any call: a wrong type
(a ``float``, ``str`` or ``None`` where an integer goes, an ``int`` where bytes go) raises
:class:`TypeError`; an integer outside the range of its C type raises
:class:`OutOfRangeError`, which is an :class:`InvalidArgumentError` (a :class:`ValueError`)
and an :class:`OverflowError` (what the :mod:`socket` module raises for a port of 70000).
"""

from __future__ import annotations

import builtins
import ctypes
import errno
import os
from typing import NoReturn

from . import _lib, constants


def strerror(code: int) -> str:
    """The library's message for any return code (``sctpx_strerror``)."""
    buf = ctypes.create_string_buffer(256)
    n = _lib.checked.sctpx_strerror(code, buf, len(buf))
    if n >= len(buf):
        buf = ctypes.create_string_buffer(n + 1)
        _lib.checked.sctpx_strerror(code, buf, len(buf))
    return buf.value.decode("utf-8", "replace")


class Error(Exception):
    """Base of the library's own errors (the ``SCTPX_ERR_*`` codes)."""

    #: The C return code (``SCTPX_ERR_*``).
    code: int = 0

    def __init__(self, message: str, code: int = 0) -> None:
        super().__init__(message)
        self.code = code or type(self).code


class NullPointerError(Error):
    """A required pointer was NULL: a bug in this binding, please report it."""

    code = constants.ERR_NULL_POINTER


class HandleError(Error):
    """The socket's handle is not usable (never issued, or closed)."""


class BadHandleError(HandleError):
    """The handle was never issued by the library."""

    code = constants.ERR_BAD_HANDLE


class ClosedHandleError(HandleError):
    """The socket has been closed."""

    code = constants.ERR_CLOSED_HANDLE


class WrongKindError(Error):
    """The call does not apply to this kind of socket (for example ``accept`` on a
    one-to-many socket, ``peeloff`` on a one-to-one socket)."""

    code = constants.ERR_WRONG_KIND


class InvalidArgumentError(Error, ValueError):
    """An argument is out of range (unknown flag, option, family, malformed address...)."""

    code = constants.ERR_INVALID_ARGUMENT


class OutOfRangeError(InvalidArgumentError, OverflowError):
    """An integer outside the range of the C type it is passed as (a stream of 70000, an
    association id beyond 32 bits): refused before any call, so nothing was done."""


class TimedOutError(Error, builtins.TimeoutError):
    """A positive timeout expired before anything arrived.

    Also a :class:`TimeoutError` (``errno`` is ``ETIMEDOUT``), like :func:`socket.timeout`.
    """

    code = constants.ERR_TIMED_OUT

    def __init__(self, message: str, code: int = 0) -> None:
        builtins.TimeoutError.__init__(self, errno.ETIMEDOUT, message)
        self.code = code or type(self).code

    def __str__(self) -> str:
        return str(self.strerror)


class EofError(Error, builtins.EOFError):
    """The peer shut the one-to-one association down: no more messages will arrive."""

    code = constants.ERR_EOF


class PanicError(Error):
    """The library caught an internal panic: a bug in sctpx, please report it."""

    code = constants.ERR_PANIC


class NotSupportedError(Error):
    """The socket's backend lacks this call, option, flag or event kind (the README's
    backend table lists them); nothing was done."""

    code = constants.ERR_NOT_SUPPORTED


class BackendUnavailableError(Error):
    """The backend asked for cannot run here: the kernel has no SCTP, or libusrsctp.so.2
    (Debian/Ubuntu package libusrsctp2) does not load. The message says which."""

    code = constants.ERR_BACKEND_UNAVAILABLE


_BY_CODE: dict[int, type[Error]] = {
    cls.code: cls
    for cls in (
        NullPointerError,
        BadHandleError,
        ClosedHandleError,
        WrongKindError,
        InvalidArgumentError,
        TimedOutError,
        EofError,
        PanicError,
        NotSupportedError,
        BackendUnavailableError,
    )
}


def exception_for(code: int) -> BaseException:
    """The exception a negative return code stands for."""
    cls = _BY_CODE.get(code)
    if cls is not None:
        return cls(strerror(code), code)
    if -4095 <= code < 0:
        return OSError(-code, os.strerror(-code))
    return Error(strerror(code), code)


def raise_for(code: int) -> NoReturn:
    raise exception_for(code)


def check(code: int) -> int:
    """Returns a non-negative code unchanged; raises for a negative one."""
    if code < 0:
        raise exception_for(code)
    return code
