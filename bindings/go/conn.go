package sctpx

/*
#include <sctpx.h>
*/
import "C"

import (
	"context"
	"errors"
	"io"
	"net"
	"sync"
	"syscall"
	"time"
)

// Conn is a one-to-one SCTP association: a net.Conn whose Read returns at
// most one message (a message longer than the buffer continues on the next
// Read) and whose Write sends one message.
type Conn struct {
	*socket
}

var _ net.Conn = (*Conn)(nil)

// newConn wraps a connected one-to-one socket.
func newConn(s *socket) *Conn {
	c := &Conn{socket: s}
	c.cacheAddrs()
	return c
}

// cacheAddrs keeps the association's addresses for LocalAddr and
// RemoteAddr, which net.Conn users call often (error messages too).
func (c *Conn) cacheAddrs() {
	c.laddr, _ = c.localAddrs(0)
	c.raddr, _ = c.peerAddrs(0)
}

var eventPool = sync.Pool{New: func() interface{} { return new(C.sctpx_event) }}

// next receives the next event (dataOnly: data message) for the user.
func (c *Conn) next(b []byte, ev *C.sctpx_event, dataOnly bool) (int, error) {
	for {
		n, err := c.nextEvent(b, ev)
		if err != nil {
			return 0, err
		}
		if dataOnly && ev.kind != C.SCTPX_EVENT_DATA {
			continue
		}
		return n, nil
	}
}

func (c *Conn) readError(err error) error {
	if errors.Is(err, ErrEOF) {
		return io.EOF
	}
	return opError("read", c.network, c.laddr, c.raddr, err)
}

// Read reads the next data message, or the next piece of it when b is
// shorter; notifications are skipped (ReadEvent returns them). At the end of
// the association it returns io.EOF.
func (c *Conn) Read(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	ev := eventPool.Get().(*C.sctpx_event)
	defer eventPool.Put(ev)
	n, err := c.next(b, ev, true)
	if err != nil {
		return 0, c.readError(err)
	}
	return n, nil
}

// ReadMsg is Read with the message's metadata (stream, PPID, flags: without
// FlagComplete, more of the message follows). Like Read, it returns 0 and no
// error for an empty b without reading anything.
func (c *Conn) ReadMsg(b []byte) (int, RecvInfo, error) {
	if len(b) == 0 {
		return 0, RecvInfo{}, nil
	}
	ev := eventPool.Get().(*C.sctpx_event)
	defer eventPool.Put(ev)
	n, err := c.next(b, ev, true)
	if err != nil {
		return 0, RecvInfo{}, c.readError(err)
	}
	return n, c.recvInfo(ev), nil
}

// ReadEvent reads the next event: a *DataEvent or a notification (only the
// kinds subscribed with Subscribe arrive). Its byte slices point into b.
func (c *Conn) ReadEvent(b []byte) (Event, error) {
	ev := eventPool.Get().(*C.sctpx_event)
	defer eventPool.Put(ev)
	n, err := c.next(b, ev, false)
	if err != nil {
		return nil, c.readError(err)
	}
	return decodeEvent(ev, b[:n]), nil
}

// ReadEventWithNextInfo is ReadEvent that also returns what the socket knows
// of the message queued behind the event (sctpx_next_event_with_next_info):
// nil unless OptRecvNextInfo is on and one was already waiting.
func (c *Conn) ReadEventWithNextInfo(b []byte) (Event, *NextInfo, error) {
	ev, next, err := c.readEventWithNext(b)
	if err != nil {
		return nil, nil, c.readError(err)
	}
	return ev, next, nil
}

// Write sends b as one message on stream 0 with PPID 0 (WriteMsg chooses).
// An empty b sends nothing: SCTP has no empty messages.
func (c *Conn) Write(b []byte) (int, error) {
	if len(b) == 0 {
		return 0, nil
	}
	return c.WriteMsg(b, nil)
}

// WriteMsg sends b as one message with info's stream, PPID, flags, context
// and partial-reliability policy (nil: all zero).
func (c *Conn) WriteMsg(b []byte, info *SendInfo) (int, error) {
	n, err := c.send(b, info, nil)
	return n, opError("write", c.network, c.laddr, c.raddr, err)
}

// LocalAddr returns the local addresses of the association (at setup).
func (c *Conn) LocalAddr() net.Addr { return c.laddr }

// RemoteAddr returns the peer's addresses (at setup).
func (c *Conn) RemoteAddr() net.Addr { return c.raddr }

// Close closes the socket: the kernel shuts the association down gracefully
// (or aborts it, with SetLinger(0)). Blocked calls return net.ErrClosed.
func (c *Conn) Close() error {
	return opError("close", c.network, c.laddr, c.raddr, c.close())
}

// Shutdown starts a graceful shutdown (sctpx_shutdown): queued data is still
// delivered, then the association closes; the peer reads io.EOF.
func (c *Conn) Shutdown() error { return c.shutdown(0) }

// AbortAndClose closes the Conn with its association aborted (ABORT; queued
// data is dropped; the peer reads ECONNRESET) instead of shut down
// (sctpx_abort_and_close: Linux aborts a one-to-one association only as its
// socket closes). Blocked calls return net.ErrClosed, as after Close, and so
// do later calls.
func (c *Conn) AbortAndClose() error {
	err := c.release(func() C.int32_t { return C.sctpx_abort_and_close(c.h) })
	return opError("abort", c.network, c.laddr, c.raddr, err)
}

// Dialer holds the options for setting up an association. The zero value
// dials with the kernel's defaults and no timeout.
type Dialer struct {
	// Timeout bounds the dial, association setup included (0: none).
	Timeout time.Duration
	// Deadline is an absolute dial deadline (zero: none).
	Deadline time.Time
	// LocalAddr, if set, is bound first; several IPs make a multi-homed
	// bind (Bindx).
	LocalAddr *Addr
	// Control, if set, runs on the open socket before it connects: the
	// place for options such as SetInitMsg and for Subscribe.
	Control func(c *Conn) error
	// Backend is the SCTP the socket runs on (BackendAuto, the zero value:
	// the process default, DefaultBackend).
	Backend Backend
}

// Dial sets up an association with address ("host:port"; "h1/h2:port" for a
// multi-homed peer). network is "sctp", "sctp4" or "sctp6".
func Dial(network, address string) (*Conn, error) {
	var d Dialer
	return d.DialContext(context.Background(), network, address)
}

// Dial is DialContext with the background context.
func (d *Dialer) Dial(network, address string) (*Conn, error) {
	return d.DialContext(context.Background(), network, address)
}

// DialContext resolves address and calls DialAddr.
func (d *Dialer) DialContext(ctx context.Context, network, address string) (*Conn, error) {
	raddr, err := ResolveAddr(network, address)
	if err != nil {
		return nil, opError("dial", network, d.LocalAddr, nil, err)
	}
	return d.DialAddr(ctx, network, raddr)
}

// DialAddr sets up an association with raddr: sctpx_connect for one IP,
// sctpx_connectx for several (a multi-homed peer). The wait for the
// association goes through the poller and ends with ctx, d.Timeout or
// d.Deadline.
func (d *Dialer) DialAddr(ctx context.Context, network string, raddr *Addr) (*Conn, error) {
	c, err := d.dial(ctx, network, raddr)
	if err != nil {
		return nil, opError("dial", network, d.LocalAddr, raddr, err)
	}
	return c, nil
}

func (d *Dialer) dial(ctx context.Context, network string, raddr *Addr) (*Conn, error) {
	if err := ctx.Err(); err != nil {
		return nil, err
	}
	if raddr == nil {
		return nil, errMissingAddr
	}
	if len(raddr.IPAddrs) == 0 {
		return nil, &net.AddrError{Err: "no address to connect to", Addr: raddr.String()}
	}
	fam, err := socketFamily(network, raddr, d.LocalAddr)
	if err != nil {
		return nil, err
	}
	s, err := openSocket(network, fam, false, d.Backend)
	if err != nil {
		return nil, err
	}
	c := &Conn{socket: s}
	if err := d.setUp(c); err != nil {
		s.close()
		return nil, err
	}
	if err := c.connect(ctx, raddr, d.deadline()); err != nil {
		s.close()
		return nil, err
	}
	c.cacheAddrs()
	return c, nil
}

func (d *Dialer) setUp(c *Conn) error {
	if d.LocalAddr != nil {
		if err := c.bindx(d.LocalAddr, BindxAdd); err != nil {
			return err
		}
	}
	if d.Control != nil {
		return d.Control(c)
	}
	return nil
}

func (d *Dialer) deadline() time.Time {
	t := d.Deadline
	if d.Timeout > 0 {
		if byTimeout := time.Now().Add(d.Timeout); t.IsZero() || byTimeout.Before(t) {
			t = byTimeout
		}
	}
	return t
}

// connect starts the association and waits, through the poller, until it is
// up or has failed: the socket turns writable when its set-up ends either
// way (POLLOUT, or POLLERR), and sctpx_connect_result says which. ctx and
// deadline bound the wait.
func (c *Conn) connect(ctx context.Context, raddr *Addr, deadline time.Time) error {
	if r, err := c.startConnect(raddr); err != nil {
		return err
	} else if r < 0 && r != errnoCode(syscall.EINPROGRESS) {
		return codeError(r)
	}
	if d, ok := ctx.Deadline(); ok && (deadline.IsZero() || d.Before(deadline)) {
		deadline = d
	}
	if err := c.SetWriteDeadline(deadline); err != nil {
		return err
	}
	stop := c.interruptOnDone(ctx)
	var r C.int32_t
	err := c.rc.Write(func(uintptr) bool {
		r = C.sctpx_connect_result(c.h, 0)
		return r != errnoCode(syscall.EINPROGRESS)
	})
	if stop() {
		return ctx.Err()
	}
	if _, err := c.result(r, err); err != nil {
		return err
	}
	return c.SetWriteDeadline(time.Time{})
}

func (c *Conn) startConnect(raddr *Addr) (C.int32_t, error) {
	if len(raddr.IPAddrs) == 1 {
		sa, err := firstSockaddr(c.fam, raddr)
		if err != nil {
			return 0, err
		}
		return C.sctpx_connect(c.h, sa.ptr(), sa.len), nil
	}
	list, err := storageList(c.fam, raddr)
	if err != nil {
		return 0, err
	}
	return C.sctpx_connectx(c.h, &list[0], C.size_t(len(list)), nil), nil
}

// interruptOnDone makes ctx's end wake the socket's pending write (by moving
// the write deadline into the past). The returned stop reports whether it did.
func (s *socket) interruptOnDone(ctx context.Context) (stop func() bool) {
	if ctx.Done() == nil {
		return func() bool { return false }
	}
	quit, fired := make(chan struct{}), make(chan bool, 1)
	go func() {
		select {
		case <-ctx.Done():
			s.SetWriteDeadline(time.Unix(1, 0))
			fired <- true
		case <-quit:
			fired <- false
		}
	}()
	return func() bool {
		close(quit)
		return <-fired
	}
}
