package sctpx

/*
#cgo pkg-config: sctpx
#include <sctpx.h>
*/
import "C"

import (
	"errors"
	"net"
	"os"
	"syscall"
)

// The library's own error codes (SCTPX_ERR_*). Operating-system errors are
// -errno instead and unwrap to syscall.Errno.
const (
	CodeNullPointer     = C.SCTPX_ERR_NULL_POINTER
	CodeBadHandle       = C.SCTPX_ERR_BAD_HANDLE
	CodeClosedHandle    = C.SCTPX_ERR_CLOSED_HANDLE
	CodeWrongKind       = C.SCTPX_ERR_WRONG_KIND
	CodeInvalidArgument = C.SCTPX_ERR_INVALID_ARGUMENT
	CodeTimedOut        = C.SCTPX_ERR_TIMED_OUT
	CodeEOF             = C.SCTPX_ERR_EOF
	CodePanic           = C.SCTPX_ERR_PANIC
	// The handle's backend lacks the call, option, flag or event kind.
	CodeNotSupported = C.SCTPX_ERR_NOT_SUPPORTED
	// The backend asked for cannot run here (no kernel SCTP; no
	// libusrsctp.so.2): the message says which.
	CodeBackendUnavailable = C.SCTPX_ERR_BACKEND_UNAVAILABLE
)

// Sentinel errors for errors.Is, one per library error code: every *Error
// with that code matches its sentinel (errors.Is(err, sctpx.ErrTimedOut)).
// End of association is io.EOF from Conn.Read, ReadMsg and ReadEvent, as
// net returns it; ErrEOF matches where an *Error with CodeEOF is returned
// (RecvBatch, ReadBatch on a one-to-many socket). A closed socket is
// net.ErrClosed, which ErrClosed is.
var (
	ErrNullPointer        error = sentinel(CodeNullPointer)
	ErrBadHandle          error = sentinel(CodeBadHandle)
	ErrWrongKind          error = sentinel(CodeWrongKind)
	ErrInvalidArgument    error = sentinel(CodeInvalidArgument)
	ErrTimedOut           error = sentinel(CodeTimedOut)
	ErrEOF                error = sentinel(CodeEOF)
	ErrPanic              error = sentinel(CodePanic)
	ErrNotSupported       error = sentinel(CodeNotSupported)
	ErrBackendUnavailable error = sentinel(CodeBackendUnavailable)
	// ErrClosed is net.ErrClosed: what calls on a closed socket return
	// (SCTPX_ERR_CLOSED_HANDLE unwraps to it).
	ErrClosed = net.ErrClosed
)

func sentinel(code int) *Error {
	return codeError(C.int32_t(code)).(*Error)
}

// Error is a failure reported by libsctpx: the negative return code of the C
// call and its sctpx_strerror message.
type Error struct {
	// Code is -errno (-1 .. -4095) or one of the Code* constants.
	Code int
	// Message is sctpx_strerror(Code).
	Message string
}

func (e *Error) Error() string { return "sctpx: " + e.Message }

// Unwrap gives the syscall.Errno of an operating-system error, so that
// errors.Is(err, syscall.ECONNREFUSED) works; net.ErrClosed for a closed
// handle; nil otherwise.
func (e *Error) Unwrap() error {
	switch {
	case e.Code < 0 && e.Code >= -4095:
		return syscall.Errno(-e.Code)
	case e.Code == CodeClosedHandle:
		return net.ErrClosed
	}
	return nil
}

// Is matches another *Error by code, so the sentinels (ErrEOF, ...) match
// every error with their code; errors.Is(err, &Error{Code: CodeEOF}) works
// too.
func (e *Error) Is(target error) bool {
	t, ok := target.(*Error)
	return ok && t.Code == e.Code
}

// Timeout reports whether the error is a timeout (as net.Error does).
func (e *Error) Timeout() bool {
	var errno syscall.Errno
	return e.Code == CodeTimedOut || (errors.As(e, &errno) && errno.Timeout())
}

// codeError turns a negative C return code into an *Error (nil for r >= 0).
func codeError(r C.int32_t) error {
	if r >= 0 {
		return nil
	}
	var buf [256]C.char
	n := C.sctpx_strerror(r, &buf[0], C.size_t(len(buf)))
	msg := C.GoString(&buf[0])
	if n < 0 {
		msg = "unknown error"
	}
	return &Error{Code: int(r), Message: msg}
}

// errnoCode is the C API's return code for an errno.
func errnoCode(e syscall.Errno) C.int32_t { return -C.int32_t(e) }

// pollError maps what the runtime poller returns to the net package's
// conventions: a closed file is net.ErrClosed; deadlines stay
// os.ErrDeadlineExceeded.
func pollError(err error) error {
	if errors.Is(err, os.ErrClosed) {
		return net.ErrClosed
	}
	return err
}

// opError wraps err for net.Conn-style callers (nil stays nil; io.EOF is
// returned bare, as the net package does).
func opError(op, network string, src, dst net.Addr, err error) error {
	if err == nil {
		return nil
	}
	return &net.OpError{Op: op, Net: network, Source: nilAddr(src), Addr: nilAddr(dst), Err: err}
}

// optError is codeError(r) of an option call (op "get" or "set", as net
// names setsockopt failures) wrapped as a *net.OpError; nil for r >= 0.
func (s *socket) optError(op string, r C.int32_t) error {
	return s.wrapError(op, codeError(r))
}

// wrapError wraps err as a *net.OpError naming the socket's addresses.
func (s *socket) wrapError(op string, err error) error {
	return opError(op, s.network, s.laddr, s.raddr, err)
}

// nilAddr makes a nil *Addr a nil net.Addr.
func nilAddr(a net.Addr) net.Addr {
	if p, ok := a.(*Addr); ok && p == nil {
		return nil
	}
	return a
}
