package sctpx

/*
#include <sctpx.h>
*/
import "C"

import (
	"net"
	"syscall"
	"unsafe"
)

// OneToManyConn is a one-to-many (SOCK_SEQPACKET) SCTP socket: many
// associations on one socket, each message tagged with its association. It
// implements net.PacketConn for plain data use.
type OneToManyConn struct {
	*socket
}

var _ net.PacketConn = (*OneToManyConn)(nil)

// ListenOneToMany opens a one-to-many socket bound to address (as Listen)
// that accepts associations from peers; it can start its own as well.
func ListenOneToMany(network, address string) (*OneToManyConn, error) {
	laddr, err := ResolveAddr(network, address)
	if err != nil {
		return nil, opError("listen", network, nil, nil, err)
	}
	c, err := openOneToMany(BackendAuto, network, laddr)
	if err == nil {
		err = c.listen(0)
	}
	if err != nil {
		if c != nil {
			c.close()
		}
		return nil, opError("listen", network, nil, laddr, err)
	}
	return c, nil
}

// OpenOneToMany opens a one-to-many socket that only starts associations
// (Connectx, SendTo); laddr, if non-nil, is bound first. The socket's family
// follows network and laddr ("sctp" with no address: IPv6, dual-stack).
func OpenOneToMany(network string, laddr *Addr) (*OneToManyConn, error) {
	return OpenOneToManyWith(BackendAuto, network, laddr)
}

// OpenOneToManyWith is OpenOneToMany on backend (BackendAuto: the process
// default, DefaultBackend).
func OpenOneToManyWith(backend Backend, network string, laddr *Addr) (*OneToManyConn, error) {
	c, err := openOneToMany(backend, network, laddr)
	if err != nil {
		return nil, opError("open", network, nil, laddr, err)
	}
	return c, nil
}

func openOneToMany(backend Backend, network string, laddr *Addr) (*OneToManyConn, error) {
	s, err := bindSocket(network, laddr, true, backend)
	if err != nil {
		return nil, err
	}
	c := &OneToManyConn{socket: s}
	if laddr != nil {
		c.laddr, _ = s.localAddrs(0)
	}
	return c, nil
}

// Listen makes the socket accept associations from peers (sctpx_listen).
func (c *OneToManyConn) Listen() error { return c.listen(0) }

// Connectx starts an association with raddr (all of its IPs: a multi-homed
// peer) and returns its id without waiting for it to come up: an
// AssocChangeEvent (if subscribed) says when it is, and messages sent to it
// meanwhile are queued.
func (c *OneToManyConn) Connectx(raddr *Addr) (AssocID, error) {
	list, err := storageList(c.fam, raddr)
	if err == nil && len(raddr.IPAddrs) == 0 {
		err = &net.AddrError{Err: "no address to connect to", Addr: raddr.String()}
	}
	if err != nil {
		return 0, opError("connectx", c.network, c.laddr, raddr, err)
	}
	var id C.sctpx_assoc_id
	// The socket is non-blocking, so setup is in progress when this
	// returns: -EINPROGRESS, with the association's id written all the same.
	if r := C.sctpx_connectx(c.h, &list[0], C.size_t(len(list)), &id); r < 0 && r != errnoCode(syscall.EINPROGRESS) {
		return 0, opError("connectx", c.network, c.laddr, raddr, codeError(r))
	}
	return AssocID(id), nil
}

// AssocIDs lists the socket's associations (sctpx_get_assoc_ids).
func (c *OneToManyConn) AssocIDs() ([]AssocID, error) {
	ids := make([]AssocID, 16)
	for {
		r := C.sctpx_get_assoc_ids(c.h, (*C.sctpx_assoc_id)(&ids[0]), C.size_t(len(ids)))
		if r < 0 {
			return nil, codeError(r)
		}
		if int(r) <= len(ids) {
			return ids[:r], nil
		}
		ids = make([]AssocID, r)
	}
}

// Send sends b on association info.AssocID (sctpx_send).
func (c *OneToManyConn) Send(b []byte, info *SendInfo) (int, error) {
	n, err := c.send(b, info, nil)
	return n, opError("write", c.network, c.laddr, nil, err)
}

// SendTo sends b to the peer at to (its first IP), setting an association
// up implicitly if there is none (sctpx_send with an address).
func (c *OneToManyConn) SendTo(b []byte, to *Addr, info *SendInfo) (int, error) {
	sa, err := firstSockaddr(c.fam, to)
	if err != nil {
		return 0, opError("write", c.network, c.laddr, to, err)
	}
	n, err := c.send(b, info, sa)
	return n, opError("write", c.network, c.laddr, to, err)
}

// SendSetup sends b to the peer at to, setting an association up if there
// is none, as sctp_sendv can (sctpx_send_setup): the first of to's IPs is
// the destination, the others further addresses of the same peer the set-up
// may use too (SCTP_DSTADDRV4/V6), and init (nil: the socket's InitMsg) the
// INIT parameters of this set-up. For an existing association the kernel
// ignores both. At most 64 IPs.
func (c *OneToManyConn) SendSetup(b []byte, to *Addr, init *InitMsg, info *SendInfo) (int, error) {
	list, err := storageList(c.fam, to)
	if err == nil && len(to.IPAddrs) == 0 {
		err = &net.AddrError{Err: "no address to send to", Addr: to.String()}
	}
	if err != nil {
		return 0, opError("write", c.network, c.laddr, to, err)
	}
	ci := info.c()
	var cinit *C.sctpx_initmsg
	if init != nil {
		cinit = &C.sctpx_initmsg{
			num_ostreams:   C.uint16_t(init.NumOstreams),
			max_instreams:  C.uint16_t(init.MaxInstreams),
			max_attempts:   C.uint16_t(init.MaxAttempts),
			max_init_timeo: C.uint16_t(init.MaxInitTimeo),
		}
	}
	var buf *C.uint8_t
	if len(b) > 0 {
		buf = (*C.uint8_t)(unsafe.Pointer(&b[0]))
	}
	var r C.int32_t
	werr := c.rc.Write(func(uintptr) bool {
		r = C.sctpx_send_setup(c.h, buf, C.size_t(len(b)), &ci, &list[0], C.size_t(len(list)), cinit)
		return r != errnoCode(syscall.EAGAIN)
	})
	n, err := c.result(r, werr)
	return int(n), opError("write", c.network, c.laddr, to, err)
}

// WriteTo is SendTo with default parameters, for net.PacketConn.
func (c *OneToManyConn) WriteTo(b []byte, addr net.Addr) (int, error) {
	to, err := asAddr(addr)
	if err != nil {
		return 0, opError("write", c.network, c.laddr, addr, err)
	}
	return c.SendTo(b, to, nil)
}

// ReadEvent reads the next event of any association: a *DataEvent or a
// subscribed notification. Its byte slices point into b.
func (c *OneToManyConn) ReadEvent(b []byte) (Event, error) {
	ev := eventPool.Get().(*C.sctpx_event)
	defer eventPool.Put(ev)
	n, err := c.nextEvent(b, ev)
	if err != nil {
		return nil, opError("read", c.network, c.laddr, nil, err)
	}
	return decodeEvent(ev, b[:n]), nil
}

// ReadEventWithNextInfo is ReadEvent that also returns what the socket knows
// of the message queued behind the event (sctpx_next_event_with_next_info):
// nil unless OptRecvNextInfo is on and one was already waiting.
func (c *OneToManyConn) ReadEventWithNextInfo(b []byte) (Event, *NextInfo, error) {
	ev, next, err := c.readEventWithNext(b)
	if err != nil {
		return nil, nil, opError("read", c.network, c.laddr, nil, err)
	}
	return ev, next, nil
}

// ReadMsg reads the next data message (or the next piece of it), skipping
// notifications; info says which association and stream it came on. An
// empty b reads nothing: 0 and no error, as Conn.ReadMsg.
func (c *OneToManyConn) ReadMsg(b []byte) (int, RecvInfo, error) {
	if len(b) == 0 {
		return 0, RecvInfo{}, nil
	}
	ev := eventPool.Get().(*C.sctpx_event)
	defer eventPool.Put(ev)
	n, err := c.nextData(b, ev)
	if err != nil {
		return 0, RecvInfo{}, opError("read", c.network, c.laddr, nil, err)
	}
	return n, c.recvInfo(ev), nil
}

// ReadFrom is ReadMsg for net.PacketConn: the address is the sender's.
func (c *OneToManyConn) ReadFrom(b []byte) (int, net.Addr, error) {
	n, info, err := c.ReadMsg(b)
	if err != nil || info.From == nil {
		return n, nil, err
	}
	return n, info.From, nil
}

// PeelOff branches association id off into its own one-to-one *Conn
// (sctpx_peeloff); its events no longer arrive here.
func (c *OneToManyConn) PeelOff(id AssocID) (*Conn, error) {
	var h C.sctpx_handle
	r := C.sctpx_peeloff(c.h, C.sctpx_assoc_id(id), C.SCTPX_PEELOFF_NONBLOCK|C.SCTPX_PEELOFF_CLOEXEC, &h)
	if r < 0 {
		return nil, opError("peeloff", c.network, c.laddr, nil, codeError(r))
	}
	s, err := newSocket(h, c.network, c.fam)
	if err != nil {
		return nil, opError("peeloff", c.network, c.laddr, nil, err)
	}
	return newConn(s), nil
}

// Shutdown gracefully shuts association id down (sctpx_shutdown).
func (c *OneToManyConn) Shutdown(id AssocID) error { return c.shutdown(id) }

// Abort aborts association id at once (sctpx_abort).
func (c *OneToManyConn) Abort(id AssocID) error {
	return codeError(C.sctpx_abort(c.h, C.sctpx_assoc_id(id)))
}

// LocalAddr returns the bound addresses (nil until bound).
func (c *OneToManyConn) LocalAddr() net.Addr {
	if c.laddr == nil {
		return nil
	}
	return c.laddr
}

// Close closes the socket and with it every association on it.
func (c *OneToManyConn) Close() error {
	return opError("close", c.network, c.laddr, nil, c.close())
}
