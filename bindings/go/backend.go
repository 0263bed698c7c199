package sctpx

/*
#include <sctpx.h>
*/
import "C"

import (
	"math"
	"strconv"
)

// Backend is the SCTP a socket runs on: the kernel's, or the userspace
// backend (SCTP over UDP, RFC 6951, through libusrsctp.so.2) for machines
// whose kernel has none.
type Backend int32

const (
	// BackendAuto is the process default (DefaultBackend) where a socket
	// is opened, and means "the kernel when it has SCTP, else userspace"
	// as that default.
	BackendAuto Backend = C.SCTPX_BACKEND_AUTO
	// BackendKernel is the kernel's SCTP.
	BackendKernel Backend = C.SCTPX_BACKEND_KERNEL
	// BackendUserspace is SCTP over UDP in this process (usrsctp).
	BackendUserspace Backend = C.SCTPX_BACKEND_USERSPACE
)

// String gives the name the SCTPX_BACKEND environment variable takes.
func (b Backend) String() string {
	switch b {
	case BackendAuto:
		return "auto"
	case BackendKernel:
		return "kernel"
	case BackendUserspace:
		return "userspace"
	}
	return "Backend(" + strconv.Itoa(int(b)) + ")"
}

// Backend reports the backend the socket runs on: BackendKernel or
// BackendUserspace (accepted and peeled-off sockets run on their parent's).
func (s *socket) Backend() (Backend, error) {
	r := C.sctpx_backend(s.h)
	if r < 0 {
		return 0, s.optError("get", r)
	}
	return Backend(r), nil
}

// BackendAvailable reports whether b can open sockets on this machine:
// BackendKernel when the kernel has SCTP, BackendUserspace when
// libusrsctp.so.2 loads, BackendAuto when either does.
func BackendAvailable(b Backend) (bool, error) {
	r := C.sctpx_backend_available(C.int32_t(b))
	if r < 0 {
		return false, codeError(r)
	}
	return r == 1, nil
}

// SetDefaultBackend sets the backend of sockets opened from now on with
// BackendAuto (every Dial, Listen and OpenOneToMany without one), over the
// SCTPX_BACKEND environment variable. Open sockets keep theirs.
func SetDefaultBackend(b Backend) error {
	return codeError(C.sctpx_set_default_backend(C.int32_t(b)))
}

// DefaultBackend reports the backend new sockets get: SetDefaultBackend's,
// else SCTPX_BACKEND's, else BackendAuto.
func DefaultBackend() (Backend, error) {
	r := C.sctpx_default_backend()
	if r < 0 {
		return 0, codeError(r)
	}
	return Backend(r), nil
}

// portArg is a UDP port as the C API takes it: a Go int beyond int32 would
// wrap into a valid port, so it is refused here; the library checks the
// rest (1 to 65535).
func portArg(port int, fn string) (C.int32_t, error) {
	if port < math.MinInt32 || port > math.MaxInt32 {
		return 0, &Error{Code: CodeInvalidArgument, Message: fn + ": the port must be 1..65535"}
	}
	return C.int32_t(port), nil
}

// SetUDPPort sets the userspace backend's local UDP port (1 to 65535;
// default 9899, or SCTPX_UDP_PORT). Only before its first socket: after
// that, another port is an error that unwraps to syscall.EBUSY. Two
// processes on one host each need their own.
func SetUDPPort(port int) error {
	p, err := portArg(port, "SetUDPPort")
	if err != nil {
		return err
	}
	return codeError(C.sctpx_set_udp_port(p))
}

// UDPPort reports the userspace backend's local UDP port: the one it runs
// on, or will start on.
func UDPPort() (int, error) {
	r := C.sctpx_udp_port()
	if r < 0 {
		return 0, codeError(r)
	}
	return int(r), nil
}

// SetUDPRemotePort sets the UDP port (1 to 65535; default 9899, or
// SCTPX_UDP_REMOTE_PORT) that userspace sockets opened from now on send to:
// the peer's local UDP port. Per socket or association: OptUdpRemotePort.
func SetUDPRemotePort(port int) error {
	p, err := portArg(port, "SetUDPRemotePort")
	if err != nil {
		return err
	}
	return codeError(C.sctpx_set_udp_remote_port(p))
}

// UDPRemotePort reports the remote UDP port userspace sockets opened now get.
func UDPRemotePort() (int, error) {
	r := C.sctpx_udp_remote_port()
	if r < 0 {
		return 0, codeError(r)
	}
	return int(r), nil
}
