package main

// go_raw: benches/c/raw.c's raw loop written with Go's syscall package — sendmsg/recvmsg with
// SCTP_SNDINFO / SCTP_RCVINFO control messages on blocking descriptors, no sctpx. It runs in the
// same process as the sctpx Go variants, alternating with them, so "Go ÷ raw C" (issue 15's
// target) is decided in-process against it (issue 16); how far it is from raw C itself is a
// cross-process ratio in the report. Like raw.c it passes no address buffer to recvmsg
// (syscall.Recvmsg always does, hence the raw system calls), and the blocking calls go through
// syscall.Syscall so that the runtime hands the thread's P to others while one blocks.

import (
	"encoding/binary"
	"syscall"
	"time"
	"unsafe"
)

const (
	ipprotoSCTP        = 132
	sctpNodelay        = 3
	sctpDelayedSack    = 16
	sctpRecvRcvinfo    = 32
	sctpGetAssocIDList = 29
	sctpSndinfo        = 2 // cmsg types
	sctpRcvinfo        = 3
	msgEOR             = 0x80
	msgNotification    = 0x8000
)

func errno(e syscall.Errno) error {
	if e != 0 {
		return e
	}
	return nil
}

func rawSettings(fd int) {
	check(syscall.SetsockoptInt(fd, ipprotoSCTP, sctpNodelay, 1))
	check(syscall.SetsockoptInt(fd, ipprotoSCTP, sctpRecvRcvinfo, 1))
	var sack [12]byte // struct sctp_sack_info {assoc 0, delay 0, freq 1}
	binary.LittleEndian.PutUint32(sack[8:], 1)
	check(syscall.SetsockoptString(fd, ipprotoSCTP, sctpDelayedSack, string(sack[:])))
}

// rawPair returns the client and server descriptors and, one-to-many, the client's association.
func rawPair(many bool) (int, int, int32) {
	typ := syscall.SOCK_STREAM
	if many {
		typ = syscall.SOCK_SEQPACKET
	}
	lo := [4]byte{127, 0, 0, 1}
	l, err := syscall.Socket(syscall.AF_INET, typ, ipprotoSCTP)
	check(err)
	rawSettings(l)
	check(syscall.Bind(l, &syscall.SockaddrInet4{Addr: lo}))
	check(syscall.Listen(l, 16))
	sa, err := syscall.Getsockname(l)
	check(err)
	c, err := syscall.Socket(syscall.AF_INET, typ, ipprotoSCTP)
	check(err)
	rawSettings(c)
	check(syscall.Connect(c, &syscall.SockaddrInet4{Addr: lo, Port: sa.(*syscall.SockaddrInet4).Port}))
	if many {
		var ids [5]uint32 // struct sctp_assoc_ids: count, then ids
		n := uint32(len(ids) * 4)
		_, _, e := syscall.Syscall6(syscall.SYS_GETSOCKOPT, uintptr(c), ipprotoSCTP, sctpGetAssocIDList,
			uintptr(unsafe.Pointer(&ids[0])), uintptr(unsafe.Pointer(&n)), 0)
		check(errno(e))
		return c, l, int32(ids[1])
	}
	s, _, err := syscall.Accept(l)
	check(err)
	syscall.Close(l)
	rawSettings(s)
	rawSettings(c)
	return c, s, 0
}

// rawEnd sends and receives on one descriptor with a message header built once.
type rawEnd struct {
	fd             int
	sndOOB, rcvOOB []byte
	iov            syscall.Iovec
	msg            syscall.Msghdr
}

func newRawEnd(fd int, assoc int32) *rawEnd {
	e := &rawEnd{fd: fd, sndOOB: make([]byte, syscall.CmsgSpace(16)), rcvOOB: make([]byte, syscall.CmsgSpace(28))}
	h := (*syscall.Cmsghdr)(unsafe.Pointer(&e.sndOOB[0]))
	h.Level, h.Type = ipprotoSCTP, sctpSndinfo
	h.SetLen(syscall.CmsgLen(16))
	d := e.sndOOB[syscall.CmsgLen(0):] // struct sctp_sndinfo {sid, flags, ppid, context, assoc}
	binary.BigEndian.PutUint32(d[4:], ppid)
	binary.LittleEndian.PutUint32(d[12:], uint32(assoc))
	return e
}

func (e *rawEnd) send(b []byte) {
	e.iov.Base, e.iov.Len = &b[0], uint64(len(b))
	e.msg = syscall.Msghdr{Iov: &e.iov, Iovlen: 1, Control: &e.sndOOB[0], Controllen: uint64(len(e.sndOOB))}
	n, _, er := syscall.Syscall(syscall.SYS_SENDMSG, uintptr(e.fd), uintptr(unsafe.Pointer(&e.msg)), 0)
	check(errno(er))
	if int(n) != len(b) {
		check(syscall.EMSGSIZE)
	}
}

// recv returns the length and whether the message ended (MSG_EOR).
func (e *rawEnd) recv(b []byte) (int, bool) {
	e.iov.Base, e.iov.Len = &b[0], uint64(len(b))
	e.msg = syscall.Msghdr{Iov: &e.iov, Iovlen: 1, Control: &e.rcvOOB[0], Controllen: uint64(len(e.rcvOOB))}
	n, _, er := syscall.Syscall(syscall.SYS_RECVMSG, uintptr(e.fd), uintptr(unsafe.Pointer(&e.msg)), 0)
	check(errno(er))
	h := (*syscall.Cmsghdr)(unsafe.Pointer(&e.rcvOOB[0]))
	if n == 0 || e.msg.Flags&msgNotification != 0 || e.msg.Controllen < uint64(syscall.CmsgLen(28)) ||
		h.Type != sctpRcvinfo || binary.BigEndian.Uint32(e.rcvOOB[syscall.CmsgLen(0)+8:]) != ppid {
		check(syscall.EBADMSG)
	}
	return int(n), e.msg.Flags&msgEOR != 0
}

func rawSetup(many bool, size int) loops {
	c, s, assoc := rawPair(many)
	snd, rcv := newRawEnd(c, assoc), newRawEnd(s, 0)
	data := make([]byte, size)
	bufsize := size
	if bufsize < 65536 {
		bufsize = 65536
	}
	buf := make([]byte, bufsize)
	return loops{
		send: func(count int) time.Time {
			t0 := time.Now()
			for i := 0; i < count; i++ {
				snd.send(data)
			}
			return t0
		},
		recv: func(count int) {
			for got := 0; got < count; {
				if _, eor := rcv.recv(buf); eor {
					got++
				}
			}
		},
		close: func() { syscall.Close(c); syscall.Close(s) },
	}
}

func rawRRSetup() rrLoops {
	c, s, _ := rawPair(false)
	cli, srv := newRawEnd(c, 0), newRawEnd(s, 0)
	return rrLoops{
		trip: func(req, buf []byte) {
			cli.send(req)
			for _, eor := cli.recv(buf); !eor; _, eor = cli.recv(buf) {
			}
		},
		echo: func(_, buf []byte) {
			n, eor := srv.recv(buf)
			for !eor {
				n, eor = srv.recv(buf)
			}
			srv.send(buf[:n])
		},
		close: func() { syscall.Close(c); syscall.Close(s) },
	}
}
