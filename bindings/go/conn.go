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
	"sync/atomic"
	"syscall"
	"time"
)

// Conn is a one-to-one SCTP association: a net.Conn whose Read returns at
// most one message (a message longer than the buffer continues on the next
// Read) and whose Write sends one message.
type Conn struct {
	*socket
	laddr, raddr *Addr

	// 1 while the COMM_UP notification that Dial waited on (subscribed
	// only for that) is still queued: the readers drop it.
	skipCommUp int32
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
	c.laddr, _ = c.LocalAddrs(0)
	c.raddr, _ = c.PeerAddrs(0)
}

var eventPool = sync.Pool{New: func() interface{} { return new(C.sctpx_event) }}

// next receives the next event (dataOnly: data message) for the user.
func (c *Conn) next(b []byte, ev *C.sctpx_event, dataOnly bool) (int, error) {
	for {
		n, err := c.nextEvent(b, ev)
		if err != nil {
			return 0, err
		}
		if c.hidden(ev) || (dataOnly && ev.kind != C.SCTPX_EVENT_DATA) {
			continue
		}
		return n, nil
	}
}

// hidden reports (once) the COMM_UP that only Dial asked for.
func (c *Conn) hidden(ev *C.sctpx_event) bool {
	return ev.kind == C.SCTPX_EVENT_ASSOC_CHANGE && atomic.CompareAndSwapInt32(&c.skipCommUp, 1, 0)
}

func (c *Conn) readError(err error) error {
	if errors.Is(err, &Error{Code: CodeEOF}) {
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
// FlagComplete, more of the message follows).
func (c *Conn) ReadMsg(b []byte) (int, RecvInfo, error) {
	if len(b) == 0 {
		return 0, RecvInfo{}, c.readError(&Error{Code: CodeInvalidArgument, Message: "ReadMsg needs a non-empty buffer"})
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

// Abort aborts the association at once (ABORT; queued data is dropped; the
// peer reads ECONNRESET) and closes the Conn: sctpx_abort on a one-to-one
// socket sets SO_LINGER to 0 and closes the handle. Blocked calls return
// net.ErrClosed, as after Close, and so does a later Close.
func (c *Conn) Abort() error {
	err := c.release(func() C.int32_t {
		r := C.sctpx_abort(c.h, 0)
		if r < 0 {
			// The handle is open still: the Conn is closed all the same.
			C.sctpx_close(c.h)
		}
		return r
	})
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
	s, err := openSocket(network, fam, false)
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
		if err := c.Bindx(d.LocalAddr, BindxAdd); err != nil {
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
// up or has failed.
//
// When a non-blocking SCTP connect fails, the kernel sets the socket's error
// without waking anyone who polls it, so the wait is for an
// SCTP_ASSOC_CHANGE notification, which makes the socket readable both when
// the association is up and when setup failed. It is subscribed for the
// duration unless the caller's Control already subscribed it.
func (c *Conn) connect(ctx context.Context, raddr *Addr, deadline time.Time) error {
	wanted, err := c.Subscribed(EventAssocChange)
	if err != nil {
		return err
	}
	if !wanted {
		if err := c.Subscribe(EventAssocChange, true); err != nil {
			return err
		}
	}
	if r, err := c.startConnect(raddr); err != nil {
		return err
	} else if r < 0 && r != errnoCode(syscall.EINPROGRESS) {
		return codeError(r)
	}
	if err := c.waitAssociated(ctx, deadline); err != nil {
		return err
	}
	if wanted {
		return nil
	}
	// Its COMM_UP is queued (before any data): the readers drop it.
	atomic.StoreInt32(&c.skipCommUp, 1)
	return c.Subscribe(EventAssocChange, false)
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

// waitAssociated parks in the poller until the association is up or setup
// has failed; ctx and deadline bound the wait.
//
// Until a one-to-one association is established the kernel reports no
// status for it (sctpx_get_status fails), and a failed setup shows only as
// the socket's pending error (OptPendingError: ECONNREFUSED when the peer
// aborted, ETIMEDOUT when INIT or COOKIE-ECHO went unanswered).
func (c *Conn) waitAssociated(ctx context.Context, deadline time.Time) error {
	if d, ok := ctx.Deadline(); ok && (deadline.IsZero() || d.Before(deadline)) {
		deadline = d
	}
	if err := c.SetReadDeadline(deadline); err != nil {
		return err
	}
	stop := c.interruptOnDone(ctx)
	var setupErr error
	err := c.pollRead(func(uintptr) bool {
		var st C.sctpx_status
		if C.sctpx_get_status(c.h, 0, &st) == 0 && st.state >= StateEstablished {
			return true
		}
		soErr, err := c.GetOption(0, OptPendingError)
		if err == nil && soErr != 0 {
			err = codeError(errnoCode(syscall.Errno(soErr)))
		}
		setupErr = err
		return err != nil
	})
	if stop() {
		return ctx.Err()
	}
	if _, err := c.result(0, err); err != nil {
		return err
	}
	if setupErr != nil {
		return setupErr
	}
	return c.SetReadDeadline(time.Time{})
}

// interruptOnDone makes ctx's end wake the socket's pending read (by moving
// the read deadline into the past). The returned stop reports whether it did.
func (s *socket) interruptOnDone(ctx context.Context) (stop func() bool) {
	if ctx.Done() == nil {
		return func() bool { return false }
	}
	quit, fired := make(chan struct{}), make(chan bool, 1)
	go func() {
		select {
		case <-ctx.Done():
			s.SetReadDeadline(time.Unix(1, 0))
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
