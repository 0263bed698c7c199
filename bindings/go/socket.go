package sctpx

/*
#include <sctpx.h>
*/
import "C"

import (
	"errors"
	"net"
	"os"
	"sync"
	"sync/atomic"
	"syscall"
	"time"
	"unsafe"
)

// AssocID identifies an association (sctpx_assoc_id). One-to-one sockets
// ignore it wherever it is accepted: pass 0.
type AssocID int32

// eagain is what a non-blocking C call returns when it would block.
var eagain = errnoCode(syscall.EAGAIN)

// socket is what every socket type of this package shares: the library's
// handle, which owns the descriptor, and a duplicate of that descriptor
// registered with Go's runtime poller.
//
// The duplicate shares the open file description, so it shares O_NONBLOCK
// and readiness: the poller waits on it, and the C call made on the handle
// after each wake-up is the readiness test. Nothing is ever read or written
// through the duplicate itself.
type socket struct {
	h       C.sctpx_handle
	network string
	fam     family
	f       *os.File
	rc      syscall.RawConn

	// The addresses errors name (*net.OpError Source and Addr): a Conn's
	// at setup; a OneToManyConn has no single peer.
	laddr, raddr *Addr

	closeOnce sync.Once
	closed    int32 // atomic: 1 once close has begun

	// 1 while a read (write) deadline is set: the per-message calls try
	// the C call directly, without the poller's bookkeeping, only when
	// no deadline could have passed (net.Conn: a passed deadline fails a
	// call even when data is ready).
	readDL, writeDL int32

	// The last source address ReadMsg decoded, with its raw bytes: a
	// stream of messages from one peer address decodes (and allocates) it once.
	lastFrom atomic.Pointer[decodedFrom]
}

type decodedFrom struct {
	raw  [28]byte // a sockaddr_in6's size: all a source address uses
	addr *Addr
}

// recvInfo is recvInfoOf with the source address taken from lastFrom when
// it is the same as the last message's.
func (s *socket) recvInfo(ev *C.sctpx_event) RecvInfo {
	i := recvFields(ev)
	if ev.from_len == 0 {
		return i
	}
	// Only the address's own bytes: the C call leaves the rest of the
	// storage as it was.
	var raw [28]byte
	n := int(ev.from_len)
	if n > len(raw) {
		n = len(raw)
	}
	copy(raw[:n], (*[28]byte)(unsafe.Pointer(&ev.from))[:n])
	if last := s.lastFrom.Load(); last != nil && last.raw == raw {
		i.From = last.addr
	} else if i.From = addrOf(&ev.from); i.From != nil {
		s.lastFrom.Store(&decodedFrom{raw: raw, addr: i.From})
	}
	return i
}

// newSocket wraps a fresh handle; on failure the handle is closed.
func newSocket(h C.sctpx_handle, network string, fam family) (*socket, error) {
	s := &socket{h: h, network: network, fam: fam}
	if err := s.attachPoller(); err != nil {
		C.sctpx_close(h)
		return nil, err
	}
	return s, nil
}

// openSocket opens a one-to-many or (oneToMany false) a one-to-one socket on
// backend (BackendAuto: the process default).
func openSocket(network string, fam family, oneToMany bool, backend Backend) (*socket, error) {
	var h C.sctpx_handle
	kind := C.int32_t(C.SCTPX_KIND_ONE_TO_ONE)
	if oneToMany {
		kind = C.SCTPX_KIND_ONE_TO_MANY
	}
	r := C.sctpx_open(C.int32_t(backend), C.int32_t(fam), kind, &h)
	if r < 0 {
		return nil, codeError(r)
	}
	s, err := newSocket(h, network, fam)
	if err == nil && network == "sctp6" {
		// As the net package does for "tcp6": an IPv6-only socket, where the
		// backend has IPV6_V6ONLY. usrsctp has none (its IPv6 sockets are all
		// dual-stack): there "sctp6" means an IPv6 socket, as it can.
		err = codeError(C.sctpx_set_option(s.h, 0, C.SCTPX_OPT_V6ONLY, 1))
		if b, _ := s.Backend(); b == BackendUserspace && errors.Is(err, ErrNotSupported) {
			err = nil
		}
		if err != nil {
			s.close()
		}
	}
	return s, err
}

func (s *socket) attachPoller() error {
	// Every wait goes through the poller, never through a blocking C call.
	if r := C.sctpx_set_option(s.h, 0, C.SCTPX_OPT_NONBLOCK, 1); r < 0 {
		return codeError(r)
	}
	fd := C.sctpx_fileno(s.h)
	if fd < 0 {
		return codeError(fd)
	}
	dup, _, e := syscall.Syscall(syscall.SYS_FCNTL, uintptr(fd), syscall.F_DUPFD_CLOEXEC, 0)
	if e != 0 {
		return os.NewSyscallError("fcntl", e)
	}
	// NewFile sees O_NONBLOCK and registers the descriptor with the poller.
	s.f = os.NewFile(dup, "sctpx")
	rc, err := s.f.SyscallConn()
	if err != nil {
		s.f.Close()
		return err
	}
	s.rc = rc
	return nil
}

// waitRead runs op, a non-blocking C call, until it stops returning -EAGAIN,
// parking the goroutine in the poller (not an OS thread) until the socket is
// readable in between. The read deadline applies.
func (s *socket) waitRead(op func() C.int32_t) (C.int32_t, error) {
	var r C.int32_t
	err := s.pollRead(func(uintptr) bool {
		r = op()
		return r != eagain
	})
	return s.result(r, err)
}

// pollRead is rc.Read, except when Go's poller gives up on the descriptor:
// an epoll event of EPOLLERR alone (a socket error pending and nothing to
// read, e.g. an association refused between two checks) makes it return
// "not pollable" without calling f again. Then f runs once more, and its
// answer (the C call's own error) stands when it has one. (Writes are not
// affected: the runtime reports that condition for reads only.)
func (s *socket) pollRead(f func(uintptr) bool) error {
	err := s.rc.Read(f)
	if err != nil && !errors.Is(err, os.ErrDeadlineExceeded) && atomic.LoadInt32(&s.closed) == 0 && f(0) {
		return nil
	}
	return err
}

// waitWrite is waitRead for writability and the write deadline.
func (s *socket) waitWrite(op func() C.int32_t) (C.int32_t, error) {
	var r C.int32_t
	err := s.rc.Write(func(uintptr) bool {
		r = op()
		return r != eagain
	})
	return s.result(r, err)
}

func (s *socket) result(r C.int32_t, pollErr error) (C.int32_t, error) {
	if pollErr != nil {
		// The poller reports a closed file with an error of its own: what
		// the net package calls net.ErrClosed.
		if atomic.LoadInt32(&s.closed) == 1 {
			return r, net.ErrClosed
		}
		return r, pollError(pollErr)
	}
	if r < 0 {
		return r, codeError(r)
	}
	return r, nil
}

// close closes the socket (sctpx_close); see release.
func (s *socket) close() error {
	return s.release(func() C.int32_t { return C.sctpx_close(s.h) })
}

// release ends the socket, once: it closes the poller's duplicate first,
// which wakes every goroutine parked on it (they get net.ErrClosed) and
// waits until none is still inside a callback, then runs end, which closes
// the handle and with it the library's descriptor (sctpx_close, or
// sctpx_abort_and_close). Later calls return net.ErrClosed.
func (s *socket) release(end func() C.int32_t) error {
	err := net.ErrClosed
	s.closeOnce.Do(func() {
		atomic.StoreInt32(&s.closed, 1)
		s.f.Close()
		err = codeError(end())
	})
	return err
}

// SetDeadline sets the read and write deadlines (see net.Conn).
func (s *socket) SetDeadline(t time.Time) error {
	if err := s.SetReadDeadline(t); err != nil {
		return err
	}
	return s.SetWriteDeadline(t)
}

// SetReadDeadline sets the deadline of reads, accepts and ReadEvent calls.
func (s *socket) SetReadDeadline(t time.Time) error {
	// Set before the poller's deadline and cleared after it, so that a
	// call that sees 0 here cannot miss a deadline already in force.
	if !t.IsZero() {
		atomic.StoreInt32(&s.readDL, 1)
	}
	err := pollError(s.f.SetReadDeadline(t))
	if t.IsZero() && err == nil {
		atomic.StoreInt32(&s.readDL, 0)
	}
	return err
}

// SetWriteDeadline sets the deadline of sends.
func (s *socket) SetWriteDeadline(t time.Time) error {
	if !t.IsZero() {
		atomic.StoreInt32(&s.writeDL, 1)
	}
	err := pollError(s.f.SetWriteDeadline(t))
	if t.IsZero() && err == nil {
		atomic.StoreInt32(&s.writeDL, 0)
	}
	return err
}

// direct reports whether a per-message call may first try the C call
// without the poller (which it needs only to wait, or to honour a
// deadline): the socket is open and dl (readDL or writeDL) is 0. The C
// library keeps its handle valid during a call that races with Close.
func (s *socket) direct(dl *int32) bool {
	return atomic.LoadInt32(dl) == 0 && atomic.LoadInt32(&s.closed) == 0
}

// SyscallConn gives raw access to (a duplicate of) the socket's descriptor,
// for options this package does not wrap.
func (s *socket) SyscallConn() (syscall.RawConn, error) { return s.rc, nil }

// msgOp is the state of one per-message call (send or nextEvent) while it
// waits in the poller. Closures capturing the call's arguments escaped to the
// heap, several allocations per message; these come from a pool instead, and
// each carries its poller callbacks bound once, at creation.
type msgOp struct {
	h     C.sctpx_handle
	buf   *C.uint8_t
	n     C.size_t
	info  C.sctpx_send_info // send: its parameters, in C memory layout
	sa    *C.struct_sockaddr
	salen C.socklen_t
	ev    *C.sctpx_event     // nextEvent: where the event goes
	next  *C.sctpx_next_info // nextEventWithNext: where the next-message report goes (else nil)
	r     C.int32_t

	send, recv func(uintptr) bool
}

var msgOps = sync.Pool{New: func() interface{} {
	op := new(msgOp)
	op.send = func(uintptr) bool {
		op.r = C.sctpx_send(op.h, op.buf, op.n, &op.info, op.sa, op.salen)
		return op.r != eagain
	}
	op.recv = func(uintptr) bool {
		if op.next != nil {
			op.r = C.sctpx_next_event_with_next_info(op.h, op.ev, op.buf, op.n, 0, op.next)
		} else {
			op.r = C.sctpx_next_event(op.h, op.ev, op.buf, op.n, 0)
		}
		return op.r != eagain
	}
	return op
}}

// send sends one message with full parameters, waiting for room through the
// poller. to may be nil (send by info.AssocID).
func (s *socket) send(b []byte, info *SendInfo, to *sockaddr) (int, error) {
	op := msgOps.Get().(*msgOp)
	op.h, op.info, op.n, op.buf, op.sa, op.salen = s.h, info.c(), C.size_t(len(b)), nil, nil, 0
	if len(b) > 0 {
		op.buf = (*C.uint8_t)(unsafe.Pointer(&b[0]))
	}
	if to != nil {
		op.sa, op.salen = to.ptr(), to.len
	}
	// A send almost always finds room: the poller's locking and readiness
	// reset are only worth paying when it does not.
	var err error
	if !s.direct(&s.writeDL) || !op.send(0) {
		err = s.rc.Write(op.send)
	}
	r := op.r
	op.buf, op.sa = nil, nil // no pointers into the caller's memory stay in the pool
	msgOps.Put(op)
	r, err = s.result(r, err)
	return int(r), err
}

// nextEvent receives the next event (data or notification) through the
// poller; its bytes land in b.
func (s *socket) nextEvent(b []byte, ev *C.sctpx_event) (int, error) {
	return s.nextEventWithNext(b, ev, nil)
}

// nextEventWithNext is nextEvent that also fills *next (when not nil) with
// the report of the message queued behind the one received.
func (s *socket) nextEventWithNext(b []byte, ev *C.sctpx_event, next *C.sctpx_next_info) (int, error) {
	if len(b) == 0 {
		return 0, &Error{Code: CodeInvalidArgument, Message: "ReadEvent needs a non-empty buffer"}
	}
	op := msgOps.Get().(*msgOp)
	op.h, op.ev, op.next, op.buf, op.n = s.h, ev, next, (*C.uint8_t)(unsafe.Pointer(&b[0])), C.size_t(len(b))
	// Queued data is taken without the poller; only an empty socket (one
	// more non-blocking call, then the poller's wait) goes through it.
	var err error
	if !s.direct(&s.readDL) || !op.recv(0) {
		err = s.pollRead(op.recv)
	}
	r := op.r
	op.ev, op.next, op.buf = nil, nil, nil
	msgOps.Put(op)
	r, err = s.result(r, err)
	return int(r), err
}

// readEventWithNext reads the next event as ReadEvent does, and what the
// socket knows of the message queued behind it: nil unless OptRecvNextInfo is
// on and one was already waiting.
func (s *socket) readEventWithNext(b []byte) (Event, *NextInfo, error) {
	ev := eventPool.Get().(*C.sctpx_event)
	defer eventPool.Put(ev)
	var next C.sctpx_next_info
	n, err := s.nextEventWithNext(b, ev, &next)
	if err != nil {
		return nil, nil, err
	}
	return decodeEvent(ev, b[:n]), nextInfoOf(&next), nil
}

// nextData skips notifications and returns the next data message (or piece
// of one), for the net.Conn-style readers.
func (s *socket) nextData(b []byte, ev *C.sctpx_event) (int, error) {
	for {
		n, err := s.nextEvent(b, ev)
		if err != nil || ev.kind == C.SCTPX_EVENT_DATA {
			return n, err
		}
	}
}

// Subscribe turns delivery of notification kind k on or off (sctpx_subscribe).
// Nothing is subscribed by default.
func (s *socket) Subscribe(k EventKind, on bool) error {
	return s.optError("set", C.sctpx_subscribe(s.h, C.uint32_t(k), cBool(on)))
}

// Subscribed reports whether notification kind k is delivered.
func (s *socket) Subscribed(k EventKind) (bool, error) {
	r := C.sctpx_subscribed(s.h, C.uint32_t(k))
	return r == 1, s.optError("get", r)
}

// Bindx adds (BindxAdd) or removes (BindxRemove) the addresses of a, which
// share a's port (sctpx_bindx): the multi-homing bind.
func (s *socket) Bindx(a *Addr, op BindxOp) error {
	return s.wrapError("bindx", s.bindx(a, op))
}

func (s *socket) bindx(a *Addr, op BindxOp) error {
	list, err := storageList(s.fam, a)
	if err != nil {
		return err
	}
	return codeError(C.sctpx_bindx(s.h, &list[0], C.size_t(len(list)), C.int32_t(op)))
}

// LocalAddrs lists the local addresses of a (a OneToManyConn's
// Association(0): every bound address) (sctpx_getladdrs).
func (a Association) LocalAddrs() (*Addr, error) {
	addrs, err := a.s.localAddrs(a.id)
	return addrs, a.s.wrapError("get", err)
}

func (s *socket) localAddrs(id AssocID) (*Addr, error) {
	return s.addrs(func(out *C.struct_sockaddr_storage, n C.size_t) C.int32_t {
		return C.sctpx_getladdrs(s.h, C.sctpx_assoc_id(id), out, n)
	})
}

// PeerAddrs lists the addresses of a's peer (sctpx_getpaddrs).
func (a Association) PeerAddrs() (*Addr, error) {
	addrs, err := a.s.peerAddrs(a.id)
	return addrs, a.s.wrapError("get", err)
}

func (s *socket) peerAddrs(id AssocID) (*Addr, error) {
	return s.addrs(func(out *C.struct_sockaddr_storage, n C.size_t) C.int32_t {
		return C.sctpx_getpaddrs(s.h, C.sctpx_assoc_id(id), out, n)
	})
}

func (s *socket) addrs(get func(*C.struct_sockaddr_storage, C.size_t) C.int32_t) (*Addr, error) {
	list := make([]C.struct_sockaddr_storage, 4)
	for {
		r := get(&list[0], C.size_t(len(list)))
		if r < 0 {
			return nil, codeError(r)
		}
		if int(r) <= len(list) {
			return addrList(list[:r]), nil
		}
		// More addresses than room: ask again with the size it gave.
		list = make([]C.struct_sockaddr_storage, r)
	}
}

func (s *socket) shutdown(id AssocID) error {
	return codeError(C.sctpx_shutdown(s.h, C.sctpx_assoc_id(id)))
}

func cBool(b bool) C.int32_t {
	if b {
		return 1
	}
	return 0
}
