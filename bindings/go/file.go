package sctpx

// #include <sctpx.h>
import "C"

import (
	"errors"
	"os"
	"syscall"
)

// FileConn returns a one-to-one connection for a duplicate of f, an open
// SCTP socket (as net.FileConn does for TCP): sctpx adopts the duplicate
// (sctpx_adopt_fd), so f stays open and closing it is the caller's business.
// A one-to-many socket is refused: use FileOneToManyConn.
func FileConn(f *os.File) (*Conn, error) {
	s, err := adoptFile(f, false)
	if err != nil {
		return nil, err
	}
	return newConn(s), nil
}

// FileOneToManyConn is FileConn for a one-to-many SCTP socket.
func FileOneToManyConn(f *os.File) (*OneToManyConn, error) {
	s, err := adoptFile(f, true)
	if err != nil {
		return nil, err
	}
	c := &OneToManyConn{socket: s}
	c.laddr, _ = s.localAddrs(0)
	return c, nil
}

func adoptFile(f *os.File, oneToMany bool) (*socket, error) {
	rc, err := f.SyscallConn()
	if err != nil {
		return nil, err
	}
	var dup int
	var dupErr error
	// Control gives the descriptor without changing its blocking mode (f.Fd would).
	if err := rc.Control(func(fd uintptr) {
		dup, dupErr = dupCloexec(int(fd))
	}); err != nil {
		return nil, err
	}
	if dupErr != nil {
		return nil, dupErr
	}
	domain, err := syscall.GetsockoptInt(dup, syscall.SOL_SOCKET, syscall.SO_DOMAIN)
	if err != nil {
		syscall.Close(dup)
		return nil, os.NewSyscallError("getsockopt", err)
	}
	var h C.sctpx_handle
	// From here the library owns dup, on failure too.
	if r := C.sctpx_adopt_fd(C.int32_t(dup), &h); r < 0 {
		return nil, codeError(r)
	}
	want := C.int32_t(C.SCTPX_KIND_ONE_TO_ONE)
	if oneToMany {
		want = C.SCTPX_KIND_ONE_TO_MANY
	}
	if C.sctpx_kind(h) != want {
		C.sctpx_close(h)
		return nil, errors.New("sctpx: the file is the other kind of SCTP socket")
	}
	network, fam := "sctp4", afInet
	if domain == syscall.AF_INET6 {
		network, fam = "sctp", afInet6
	}
	return newSocket(h, network, fam)
}

func dupCloexec(fd int) (int, error) {
	dup, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_DUPFD_CLOEXEC, 0)
	if e != 0 {
		return -1, os.NewSyscallError("fcntl", e)
	}
	return int(dup), nil
}
