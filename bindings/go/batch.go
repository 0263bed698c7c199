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

// RecvBatch receives several events at once (sctpx_recv_batch): up to
// len(buf)/stride of them, at most 64, the first waited for, the rest what is
// already queued. Event i's bytes are in buf[i*stride:(i+1)*stride].
func (c *Conn) RecvBatch(buf []byte, stride int) ([]Event, error) {
	evs, err := c.recvBatch(buf, stride)
	if err != nil {
		return nil, c.readError(err)
	}
	return evs, nil
}

// RecvBatch is Conn.RecvBatch for every association of the socket.
func (c *OneToManyConn) RecvBatch(buf []byte, stride int) ([]Event, error) {
	evs, err := c.recvBatch(buf, stride)
	return evs, opError("read", c.network, c.laddr, nil, err)
}
