package sctpx

/*
#include <sctpx.h>
*/
import "C"

import (
	"context"
	"math"
	"net"
	"strconv"
)

// Listener accepts associations on a one-to-one socket (net.Listener).
type Listener struct {
	*socket
	addr *Addr
}

var _ net.Listener = (*Listener)(nil)

// DefaultBacklog is the listen backlog when ListenConfig.Backlog is 0. The
// kernel caps it at net.core.somaxconn; a full accept queue makes the kernel
// ABORT new associations (the peer gets ECONNREFUSED), so it is generous.
const DefaultBacklog = 4096

// ListenConfig holds the options for listening.
type ListenConfig struct {
	// Backlog is the accept queue length (0: DefaultBacklog): 0 to
	// math.MaxInt32 (the C API's int32_t; the kernel caps it at
	// net.core.somaxconn). Listen refuses any other before opening a socket.
	Backlog int
	// Control, if set, runs on the bound socket before it listens: the
	// place for options and subscriptions that accepted associations inherit.
	Control func(l *Listener) error
	// Backend is the SCTP the socket runs on (BackendAuto, the zero value:
	// the process default, DefaultBackend); accepted sockets run on it too.
	Backend Backend
}

// Listen listens on address ("host:port", "h1/h2:port" to bind several
// addresses, ":port" for all). network is "sctp", "sctp4" or "sctp6".
func Listen(network, address string) (*Listener, error) {
	var lc ListenConfig
	return lc.Listen(context.Background(), network, address)
}

// Listen resolves address and calls ListenAddr.
func (lc *ListenConfig) Listen(ctx context.Context, network, address string) (*Listener, error) {
	laddr, err := ResolveAddr(network, address)
	if err != nil {
		return nil, opError("listen", network, nil, nil, err)
	}
	return lc.ListenAddr(ctx, network, laddr)
}

// ListenAddr listens on laddr (every IP of it: a multi-homed bind).
func (lc *ListenConfig) ListenAddr(_ context.Context, network string, laddr *Addr) (*Listener, error) {
	if lc.Backlog < 0 || lc.Backlog > math.MaxInt32 {
		// C.int32_t(backlog) would make 1<<32 + 1 a backlog of 1.
		err := &Error{Code: CodeInvalidArgument, Message: "ListenConfig.Backlog must be 0.." + strconv.Itoa(math.MaxInt32)}
		return nil, opError("listen", network, nil, laddr, err)
	}
	s, err := bindSocket(network, laddr, false, lc.Backend)
	if err != nil {
		return nil, opError("listen", network, nil, laddr, err)
	}
	l := &Listener{socket: s}
	if err := lc.finish(l); err != nil {
		s.close()
		return nil, opError("listen", network, nil, laddr, err)
	}
	return l, nil
}

func (lc *ListenConfig) finish(l *Listener) error {
	if lc.Control != nil {
		if err := lc.Control(l); err != nil {
			return err
		}
	}
	if err := l.listen(lc.Backlog); err != nil {
		return err
	}
	var err error
	l.addr, err = l.localAddrs(0)
	return err
}

// bindSocket opens a socket and binds laddr (Bindx with all its IPs).
func bindSocket(network string, laddr *Addr, oneToMany bool, backend Backend) (*socket, error) {
	fam, err := socketFamily(network, laddr)
	if err != nil {
		return nil, err
	}
	s, err := openSocket(network, fam, oneToMany, backend)
	if err != nil {
		return nil, err
	}
	if laddr != nil {
		err = s.bindx(laddr, BindxAdd)
	}
	if err != nil {
		s.close()
		return nil, err
	}
	return s, nil
}

// listen listens with backlog, 0 to math.MaxInt32 (0: DefaultBacklog).
func (s *socket) listen(backlog int) error {
	if backlog == 0 {
		backlog = DefaultBacklog
	}
	return codeError(C.sctpx_listen(s.h, C.int32_t(backlog)))
}

// Accept waits (in the poller) for the next association; it returns a *Conn.
func (l *Listener) Accept() (net.Conn, error) { return l.AcceptSCTP() }

// AcceptSCTP is Accept returning the *Conn type.
func (l *Listener) AcceptSCTP() (*Conn, error) {
	var h C.sctpx_handle
	_, err := l.waitRead(func() C.int32_t { return C.sctpx_accept(l.h, &h, nil, nil) })
	if err != nil {
		return nil, opError("accept", l.network, nil, l.addr, err)
	}
	s, err := newSocket(h, l.network, l.fam)
	if err != nil {
		return nil, opError("accept", l.network, nil, l.addr, err)
	}
	return newConn(s), nil
}

// Close stops listening; a blocked Accept returns net.ErrClosed.
func (l *Listener) Close() error {
	return opError("close", l.network, nil, l.addr, l.close())
}

// Addr returns the bound addresses (the port the kernel picked for port 0).
func (l *Listener) Addr() net.Addr { return l.addr }
