package sctpx

/*
#include <stdlib.h>
#include <sctpx.h>
*/
import "C"

import (
	"io"
	"syscall"
	"unsafe"
)

// SendMsg is one message of SendBatch (sctpx_send_msg).
type SendMsg struct {
	Data []byte
	Info SendInfo
	To   *Addr // its first IP; nil: send on Info.AssocID
}

// SendBatch sends msgs in as few system calls as possible (sctpx_send_batch:
// sendmmsg, 64 per call), waiting in the poller whenever the socket is full.
// Consecutive messages to the same association are bundled into as few
// packets as fit; each still arrives as its own message.
// It returns how many were sent: all of them unless err is set.
func (s *socket) SendBatch(msgs []SendMsg) (int, error) {
	n := len(msgs)
	if n == 0 {
		return 0, nil
	}
	// sctpx_send_msg holds pointers, and cgo forbids handing C a Go pointer
	// to memory that holds Go pointers: the array, the addresses and the
	// bytes are copied into one C allocation.
	msgSize := C.sizeof_sctpx_send_msg * uintptr(n)
	addrSize := C.sizeof_struct_sockaddr_storage * uintptr(n)
	total := uintptr(0)
	for i := range msgs {
		total += uintptr(len(msgs[i].Data))
	}
	mem := C.malloc(C.size_t(msgSize + addrSize + total + 1))
	if mem == nil {
		return 0, codeError(errnoCode(syscall.ENOMEM))
	}
	defer C.free(mem)
	arr := unsafe.Slice((*C.sctpx_send_msg)(mem), n)
	addrs := unsafe.Slice((*C.struct_sockaddr_storage)(unsafe.Add(mem, msgSize)), n)
	data := unsafe.Slice((*byte)(unsafe.Add(mem, msgSize+addrSize)), total+1)
	off := 0
	for i := range msgs {
		m := &msgs[i]
		arr[i] = C.sctpx_send_msg{info: m.Info.c(), len: C.size_t(len(m.Data))}
		if len(m.Data) > 0 {
			copy(data[off:], m.Data)
			arr[i].data = (*C.uint8_t)(unsafe.Pointer(&data[off]))
			off += len(m.Data)
		}
		if m.To != nil {
			sa, err := firstSockaddr(s.fam, m.To)
			if err != nil {
				return 0, err
			}
			addrs[i] = sa.ss
			arr[i].to = (*C.struct_sockaddr)(unsafe.Pointer(&addrs[i]))
			arr[i].to_len = sa.len
		}
	}
	sent := 0
	for sent < n {
		r, err := s.waitWrite(func() C.int32_t {
			return C.sctpx_send_batch(s.h, &arr[sent], C.size_t(n-sent))
		})
		if err != nil {
			return sent, err
		}
		if r == 0 {
			return sent, io.ErrShortWrite // not a documented result; never spin on it
		}
		sent += int(r)
	}
	return sent, nil
}

// recvBatch receives up to len(buf)/stride events (at most 64) in one system
// call (sctpx_recv_batch), waiting in the poller for the first. Event i's
// bytes are in buf[i*stride:].
func (s *socket) recvBatch(buf []byte, stride int) ([]Event, error) {
	count := 0
	if stride > 0 {
		count = len(buf) / stride
	}
	if count == 0 {
		return nil, &Error{Code: CodeInvalidArgument, Message: "RecvBatch needs room for one event of stride bytes"}
	}
	if count > 64 {
		count = 64
	}
	evs := make([]C.sctpx_event, count)
	r, err := s.waitRead(func() C.int32_t {
		return C.sctpx_recv_batch(s.h, &evs[0], C.size_t(count),
			(*C.uint8_t)(unsafe.Pointer(&buf[0])), C.size_t(stride), 0)
	})
	if err != nil {
		return nil, err
	}
	out := make([]Event, int(r))
	for i := range out {
		at := i * stride
		out[i] = decodeEvent(&evs[i], buf[at:at+int(evs[i].len)])
	}
	return out, nil
}

// Message is one entry of ReadBatch: the caller sets Buffer; ReadBatch sets
// N and Event.
type Message struct {
	Buffer []byte // where the event's bytes go
	N      int    // how many bytes of Buffer the event filled
	Event  Event  // a *DataEvent or a subscribed notification; its slices point into Buffer
}

// maxBatch is the most events one sctpx_recv_batch call returns.
const maxBatch = 64

// readBatch fills up to len(ms) (at most 64) messages in one call. When the
// buffers are consecutive, equal-sized pieces of one array (the usual way to
// make them), the events land in them directly; otherwise in one scratch
// array, copied out after.
func (s *socket) readBatch(ms []Message) (int, error) {
	count := len(ms)
	if count > maxBatch {
		count = maxBatch
	}
	if count == 0 {
		return 0, nil
	}
	stride, direct := len(ms[0].Buffer), true
	for i := 1; i < count; i++ {
		b := ms[i].Buffer
		if len(b) > stride {
			stride = len(b)
		}
		direct = direct && len(b) == len(ms[0].Buffer) && len(b) > 0 &&
			unsafe.Pointer(&b[0]) == unsafe.Add(unsafe.Pointer(&ms[0].Buffer[0]), i*len(b))
	}
	if stride == 0 {
		return 0, &Error{Code: CodeInvalidArgument, Message: "ReadBatch needs a non-empty Buffer"}
	}
	var buf []byte
	if direct && len(ms[0].Buffer) == stride {
		buf = unsafe.Slice(&ms[0].Buffer[0], count*stride)
	} else {
		buf = make([]byte, count*stride)
	}
	evs := make([]C.sctpx_event, count)
	r, err := s.waitRead(func() C.int32_t {
		return C.sctpx_recv_batch(s.h, &evs[0], C.size_t(count),
			(*C.uint8_t)(unsafe.Pointer(&buf[0])), C.size_t(stride), 0)
	})
	if err != nil {
		return 0, err
	}
	for i := 0; i < int(r); i++ {
		m := &ms[i]
		// A buffer shorter than the stride got at most its own length:
		// the C call was told stride, so trim to what fits (the rest of
		// the message, as with a short Read, is not kept).
		n := int(evs[i].len)
		if n > len(m.Buffer) {
			n = len(m.Buffer)
		}
		if !direct {
			copy(m.Buffer, buf[i*stride:i*stride+n])
		}
		m.N = n
		m.Event = decodeEvent(&evs[i], m.Buffer[:n])
	}
	return int(r), nil
}

// ReadBatch receives several events in one call (sctpx_recv_batch): up to
// len(ms), at most 64, the first waited for, the rest what is already
// queued. It returns how many entries of ms it filled. At the end of the
// association it returns io.EOF.
func (c *Conn) ReadBatch(ms []Message) (int, error) {
	n, err := c.readBatch(ms)
	if err != nil {
		return 0, c.readError(err)
	}
	return n, nil
}

// ReadBatch is Conn.ReadBatch for every association of the socket.
func (c *OneToManyConn) ReadBatch(ms []Message) (int, error) {
	n, err := c.readBatch(ms)
	return n, opError("read", c.network, c.laddr, nil, err)
}

// RecvBatch receives several events at once (sctpx_recv_batch): up to
// len(buf)/stride of them, at most 64, the first waited for, the rest what is
// already queued. Event i's bytes are in buf[i*stride:(i+1)*stride].
//
// Deprecated: use ReadBatch, which takes one buffer per message and no
// stride; RecvBatch goes in the next release.
func (c *Conn) RecvBatch(buf []byte, stride int) ([]Event, error) {
	evs, err := c.recvBatch(buf, stride)
	if err != nil {
		return nil, c.readError(err)
	}
	return evs, nil
}

// RecvBatch is Conn.RecvBatch for every association of the socket.
//
// Deprecated: use ReadBatch; RecvBatch goes in the next release.
func (c *OneToManyConn) RecvBatch(buf []byte, stride int) ([]Event, error) {
	evs, err := c.recvBatch(buf, stride)
	return evs, opError("read", c.network, c.laddr, nil, err)
}
