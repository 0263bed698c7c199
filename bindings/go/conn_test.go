package sctpx

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"syscall"
	"testing"
	"time"
)

func TestEchoOverNetConnKeepsMessageBoundaries(t *testing.T) {
	l := listen(t, "127.0.0.1:0", ListenConfig{})
	go func() {
		// A plain net.Conn echo server: one Read is one message, one Write
		// sends it back as one message.
		c, err := l.Accept()
		if err != nil {
			return
		}
		defer c.Close()
		buf := make([]byte, 70000)
		for {
			n, err := c.Read(buf)
			if err != nil {
				return
			}
			if _, err := c.Write(buf[:n]); err != nil {
				return
			}
		}
	}()
	var c net.Conn = dial(t, "127.0.0.1", l, Dialer{})
	msgs := [][]byte{[]byte("hello"), bytes.Repeat([]byte{7}, 1), bytes.Repeat([]byte("sctp"), 16000)}
	for _, m := range msgs {
		if _, err := c.Write(m); err != nil {
			t.Fatalf("Write: %v", err)
		}
	}
	buf := make([]byte, 70000)
	for i, want := range msgs {
		n, err := c.Read(buf)
		if err != nil {
			t.Fatalf("Read %d: %v", i, err)
		}
		if !bytes.Equal(buf[:n], want) {
			t.Fatalf("message %d: got %d bytes, want %d", i, n, len(want))
		}
	}
}

func TestReadReturnsOneMessagePerCall(t *testing.T) {
	client, server := pair(t)
	client.Write([]byte("abc"))
	client.Write([]byte("defgh"))
	buf := make([]byte, 100)
	for _, want := range []string{"abc", "defgh"} {
		n, err := server.Read(buf)
		if err != nil || string(buf[:n]) != want {
			t.Fatalf("Read = %q, %v; want %q", buf[:n], err, want)
		}
	}
}

func TestAMessageLongerThanTheBufferContinuesOnTheNextRead(t *testing.T) {
	client, server := pair(t)
	client.Write([]byte("0123456789"))
	client.Write([]byte("next"))
	buf := make([]byte, 4)
	var pieces []string
	var complete []bool
	for len(pieces) < 3 {
		n, info, err := server.ReadMsg(buf)
		if err != nil {
			t.Fatalf("ReadMsg: %v", err)
		}
		pieces = append(pieces, string(buf[:n]))
		complete = append(complete, info.Flags&FlagComplete != 0)
	}
	if pieces[0] != "0123" || pieces[1] != "4567" || pieces[2] != "89" {
		t.Fatalf("pieces %q", pieces)
	}
	if complete[0] || complete[1] || !complete[2] {
		t.Fatalf("FlagComplete on pieces: %v; want only on the last", complete)
	}
	n, _ := server.Read(buf)
	if string(buf[:n]) != "next" {
		t.Fatalf("the following message read as %q", buf[:n])
	}
}

func TestWriteMsgMetadataArrivesWithReadMsg(t *testing.T) {
	client, server := pair(t)
	info := SendInfo{Stream: 3, PPID: 0xdeadbeef, Flags: SendUnordered}
	if n, err := client.WriteMsg([]byte("meta"), &info); err != nil || n != 4 {
		t.Fatalf("WriteMsg = %d, %v", n, err)
	}
	buf := make([]byte, 16)
	n, got, err := server.ReadMsg(buf)
	if err != nil {
		t.Fatalf("ReadMsg: %v", err)
	}
	if string(buf[:n]) != "meta" || got.Stream != 3 || got.PPID != 0xdeadbeef {
		t.Fatalf("got %q on stream %d, PPID %#x", buf[:n], got.Stream, got.PPID)
	}
	if got.Flags&FlagUnordered == 0 || got.Flags&FlagComplete == 0 {
		t.Fatalf("flags %#x lack UNORDERED|COMPLETE", got.Flags)
	}
	if got.TSN == 0 {
		t.Error("TSN is 0: the receive metadata was not filled")
	}
}

func TestReadAfterThePeerClosesIsEOF(t *testing.T) {
	client, server := pair(t)
	readsEOFAfterThePeerCloses(t, client, server)
}

// readsEOFAfterThePeerCloses closes peer after a last message, which c
// reads, then io.EOF.
func readsEOFAfterThePeerCloses(t *testing.T, peer, c *Conn) {
	t.Helper()
	peer.Write([]byte("last"))
	peer.Close()
	buf := make([]byte, 16)
	if n, err := c.Read(buf); err != nil || string(buf[:n]) != "last" {
		t.Fatalf("Read = %q, %v", buf[:n], err)
	}
	if n, err := c.Read(buf); err != io.EOF {
		t.Fatalf("Read after the peer closed = %d, %v; want io.EOF", n, err)
	}
}

func TestReadDeadlineExpires(t *testing.T) {
	_, server := pair(t)
	start := time.Now()
	server.SetReadDeadline(start.Add(200 * time.Millisecond))
	_, err := server.Read(make([]byte, 16))
	elapsed := time.Since(start)
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Read = %v; want os.ErrDeadlineExceeded", err)
	}
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("%v is not a net.Error with Timeout()", err)
	}
	if elapsed < 200*time.Millisecond {
		t.Fatalf("returned after %v, before the deadline", elapsed)
	}
	t.Logf("Read gave up after %v", elapsed)
}

func TestADeadlineInThePastFailsAtOnceAndClearingItReadsAgain(t *testing.T) {
	client, server := pair(t)
	server.SetReadDeadline(time.Now().Add(-time.Second))
	if _, err := server.Read(make([]byte, 4)); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Read = %v; want os.ErrDeadlineExceeded", err)
	}
	server.SetReadDeadline(time.Now().Add(waitLimit))
	client.Write([]byte("ok"))
	if n, err := server.Read(make([]byte, 4)); err != nil || n != 2 {
		t.Fatalf("Read after moving the deadline = %d, %v", n, err)
	}
}

// endWakesABlockedRead parks a Read on c, ends c with end (its Close or
// AbortAndClose) and checks that the Read returns net.ErrClosed, as Close does then.
func endWakesABlockedRead(t *testing.T, c *Conn, end func() error) {
	t.Helper()
	done := make(chan error)
	go func() {
		_, err := c.Read(make([]byte, 4))
		done <- err
	}()
	time.Sleep(100 * time.Millisecond) // let it park in the poller
	if err := end(); err != nil {
		t.Fatalf("ending the Conn: %v", err)
	}
	select {
	case err := <-done:
		if !errors.Is(err, net.ErrClosed) {
			t.Fatalf("Read = %v; want net.ErrClosed", err)
		}
	case <-time.After(waitLimit):
		t.Fatal("Read still blocked after the Conn ended")
	}
	if err := c.Close(); !errors.Is(err, net.ErrClosed) {
		t.Fatalf("Close after that = %v; want net.ErrClosed", err)
	}
}

func TestCloseWakesABlockedRead(t *testing.T) {
	_, server := pair(t)
	endWakesABlockedRead(t, server, server.Close)
}

func TestAbortAndCloseClosesTheConnAndThePeerReadsECONNRESET(t *testing.T) {
	client, server := pair(t)
	endWakesABlockedRead(t, client, client.AbortAndClose)
	// The ABORT goes out only once every descriptor of the socket is
	// closed, the poller's duplicate included.
	if n, err := server.Read(make([]byte, 4)); !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("peer's Read = %d, %v; want ECONNRESET", n, err)
	}
	if err := client.AbortAndClose(); !errors.Is(err, net.ErrClosed) {
		t.Fatalf("second AbortAndClose = %v; want net.ErrClosed", err)
	}
	if _, err := client.Write([]byte("x")); !errors.Is(err, net.ErrClosed) {
		t.Fatalf("Write after AbortAndClose = %v; want net.ErrClosed", err)
	}
}

func TestDialToAPortWithoutListenerIsECONNREFUSED(t *testing.T) {
	// Bind a port and never listen on it: nobody accepts associations there.
	s, err := OpenOneToMany("sctp4", mustAddr(t, "sctp4", "127.0.0.1:0"))
	if err != nil {
		t.Fatal(err)
	}
	port := portOf(s.LocalAddr())
	s.Close()
	_, err = (&Dialer{Timeout: waitLimit}).Dial("sctp4", fmt.Sprintf("127.0.0.1:%d", port))
	if !errors.Is(err, syscall.ECONNREFUSED) {
		t.Fatalf("Dial = %v; want ECONNREFUSED", err)
	}
	e := sctpError(t, err)
	if e.Code != -int(syscall.ECONNREFUSED) || e.Message == "" {
		t.Fatalf("Error{Code: %d, Message: %q}", e.Code, e.Message)
	}
	var op *net.OpError
	if !errors.As(err, &op) || op.Op != "dial" {
		t.Fatalf("%v is not a dial *net.OpError", err)
	}
}

// silentListener is a listener that never answers: a socket filter drops
// every packet addressed to it (the kernel filters SCTP input per socket),
// so a peer's INIT goes unanswered instead of being refused.
func silentListener(t *testing.T) *Listener {
	l := listen(t, "127.0.0.1:0", ListenConfig{})
	rc, _ := l.SyscallConn()
	var err error
	rc.Control(func(fd uintptr) {
		err = syscall.AttachLsf(int(fd), []syscall.SockFilter{{Code: syscall.BPF_RET | syscall.BPF_K, K: 0}})
	})
	if err != nil {
		t.Fatalf("attaching a drop-all filter: %v", err)
	}
	return l
}

func TestDialTimeoutEndsASetupNobodyAnswers(t *testing.T) {
	l := silentListener(t)
	start := time.Now()
	_, err := (&Dialer{Timeout: 300 * time.Millisecond}).Dial("sctp", l.Addr().String())
	elapsed := time.Since(start)
	if !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Dial = %v; want os.ErrDeadlineExceeded", err)
	}
	var ne net.Error
	if !errors.As(err, &ne) || !ne.Timeout() {
		t.Fatalf("%v is not a net.Error with Timeout()", err)
	}
	if elapsed < 300*time.Millisecond || elapsed > waitLimit {
		t.Fatalf("Dial gave up after %v", elapsed)
	}
}

func TestCancelingTheContextEndsAPendingDial(t *testing.T) {
	l := silentListener(t)
	ctx, cancel := context.WithCancel(bgCtx)
	time.AfterFunc(300*time.Millisecond, cancel)
	_, err := (&Dialer{}).DialContext(ctx, "sctp", l.Addr().String())
	if !errors.Is(err, context.Canceled) {
		t.Fatalf("DialContext = %v; want context.Canceled", err)
	}
}

func TestErrorsFromTheLibraryCarryCodeAndMessage(t *testing.T) {
	client, _ := pair(t)
	// Stream 60000 is beyond the negotiated streams: the kernel says EINVAL.
	_, err := client.WriteMsg([]byte("x"), &SendInfo{Stream: 60000})
	if !errors.Is(err, syscall.EINVAL) {
		t.Fatalf("WriteMsg on stream 60000 = %v; want EINVAL", err)
	}
	if e := sctpError(t, err); e.Message == "" || e.Code != -int(syscall.EINVAL) {
		t.Fatalf("Error{Code: %d, Message: %q}", e.Code, e.Message)
	}
	if err := client.Association().SetOption(Option(9999), 1); sctpError(t, err).Code != CodeInvalidArgument {
		t.Fatalf("unknown option = %v; want CodeInvalidArgument", err)
	}
}

func TestOptionsRoundTrip(t *testing.T) {
	client, _ := pair(t)
	if err := client.SetNoDelay(true); err != nil {
		t.Fatal(err)
	}
	if on, err := client.NoDelay(); err != nil || !on {
		t.Fatalf("NoDelay() = %v, %v; want true", on, err)
	}
	st, err := client.Association().Status()
	if err != nil || st.State != StateEstablished || st.OutboundStreams == 0 {
		t.Fatalf("Status = %+v, %v", st, err)
	}
	if st.Primary.Address == nil || !st.Primary.Address.IPAddrs[0].IP.Equal(net.IPv4(127, 0, 0, 1)) {
		t.Fatalf("primary path %v", st.Primary.Address)
	}
	im, err := client.InitMsg()
	if err != nil || im.NumOstreams == 0 {
		t.Fatalf("InitMsg = %+v, %v", im, err)
	}
}

func TestInitMsgSetByControlSetsTheStreamCounts(t *testing.T) {
	l := listen(t, "127.0.0.1:0", ListenConfig{})
	c := dial(t, "127.0.0.1", l, Dialer{Control: func(c *Conn) error {
		return c.SetInitMsg(InitMsg{NumOstreams: 5, MaxInstreams: 6})
	}})
	server := accept(t, l)
	st, err := c.Association().Status()
	if err != nil || st.OutboundStreams != 5 {
		t.Fatalf("client Status = %+v, %v; want 5 outbound streams", st, err)
	}
	if st, _ := server.Association().Status(); st.InboundStreams != 5 {
		t.Fatalf("server has %d inbound streams, want 5", st.InboundStreams)
	}
}

func TestConnAddressesAreTheAssociations(t *testing.T) {
	client, server := pair(t)
	if portOf(client.RemoteAddr()) != portOf(server.LocalAddr()) || portOf(server.RemoteAddr()) != portOf(client.LocalAddr()) {
		t.Fatalf("client %v -> %v, server %v -> %v", client.LocalAddr(), client.RemoteAddr(), server.LocalAddr(), server.RemoteAddr())
	}
	if client.RemoteAddr().Network() != "sctp" {
		t.Fatalf("Network() = %q", client.RemoteAddr().Network())
	}
}

func TestBatchesSendAndReceiveSeveralMessages(t *testing.T) {
	client, server := pair(t)
	msgs := []SendMsg{{Data: []byte("one"), Info: SendInfo{PPID: 1}}, {Data: []byte("two"), Info: SendInfo{PPID: 2}},
		{Data: []byte("three"), Info: SendInfo{PPID: 3}}}
	if n, err := client.SendBatch(msgs); err != nil || n != 3 {
		t.Fatalf("SendBatch = %d, %v", n, err)
	}
	buf := make([]byte, 8*64)
	var got []string
	for len(got) < 3 {
		evs, err := server.RecvBatch(buf, 64)
		if err != nil {
			t.Fatalf("RecvBatch: %v", err)
		}
		// Data points into buf, which the next call reuses: keep copies.
		for _, ev := range evs {
			d := ev.(*DataEvent)
			got = append(got, fmt.Sprintf("%s/%d", d.Data, d.PPID))
		}
	}
	if fmt.Sprint(got) != "[one/1 two/2 three/3]" {
		t.Fatalf("received %v", got)
	}
}

func TestDialDoesNotLeakTheAssociationUpItWaitedFor(t *testing.T) {
	client, _ := pair(t)
	subscribe(t, client, EventSenderDry)
	// Dial waits without subscribing ASSOC_CHANGE: no COMM_UP may surface.
	ev, err := client.ReadEvent(make([]byte, 256))
	if _, ok := ev.(*SenderDryEvent); !ok || err != nil {
		t.Fatalf("first event %T (%v); want *SenderDryEvent", ev, err)
	}
}

func TestDialKeepsTheAssociationUpForACallerWhoSubscribed(t *testing.T) {
	l := listen(t, "127.0.0.1:0", ListenConfig{})
	c := dial(t, "127.0.0.1", l, Dialer{Control: func(c *Conn) error { return c.Subscribe(EventAssocChange, true) }})
	ev, err := c.ReadEvent(make([]byte, 256))
	if up, ok := ev.(*AssocChangeEvent); !ok || err != nil || up.State != CommUp {
		t.Fatalf("first event %#v (%v); want COMM_UP", ev, err)
	}
}

func TestDialOverIPv6Loopback(t *testing.T) {
	l, err := Listen("sctp6", "[::1]:0")
	if err != nil {
		t.Fatalf("Listen: %v", err)
	}
	defer l.Close()
	c := dial(t, "[::1]", l, Dialer{})
	if ip := c.RemoteAddr().(*Addr).IPAddrs[0].IP; !ip.Equal(net.IPv6loopback) {
		t.Fatalf("RemoteAddr %v", c.RemoteAddr())
	}
}

func TestADualStackListenerAcceptsIPv4Peers(t *testing.T) {
	l := listen(t, ":0", ListenConfig{}) // "sctp" without a host: IPv6 wildcard, dual-stack
	c := dial(t, "127.0.0.1", l, Dialer{})
	s := accept(t, l)
	c.Write([]byte("v4"))
	buf := make([]byte, 4)
	if n, err := s.Read(buf); err != nil || string(buf[:n]) != "v4" {
		t.Fatalf("Read = %q, %v", buf[:n], err)
	}
	if ip := s.RemoteAddr().(*Addr).IPAddrs[0].IP; !ip.Equal(net.IPv4(127, 0, 0, 1)) {
		t.Fatalf("the IPv4 peer appears as %v", ip)
	}
}

// FileConn adopts a duplicate of an SCTP socket opened elsewhere (here by
// the syscall package) and the original stays usable.
func TestFileConnAdoptsADuplicateOfAnSCTPSocket(t *testing.T) {
	l, err := Listen("sctp4", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, syscall.IPPROTO_SCTP)
	if err != nil {
		t.Fatal(err)
	}
	port := l.Addr().(*Addr).Port
	if err := syscall.Connect(fd, &syscall.SockaddrInet4{Port: port, Addr: [4]byte{127, 0, 0, 1}}); err != nil {
		t.Fatal(err)
	}
	f := os.NewFile(uintptr(fd), "sctp")
	defer f.Close()
	c, err := FileConn(f)
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	srv, err := l.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()
	if _, err := c.Write([]byte("adopted")); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 16)
	n, err := srv.Read(buf)
	if err != nil || string(buf[:n]) != "adopted" {
		t.Fatalf("read %q, %v", buf[:n], err)
	}
}

// A descriptor that is not an SCTP socket is refused.
func TestFileConnRefusesANonSCTPSocket(t *testing.T) {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_STREAM, 0)
	if err != nil {
		t.Fatal(err)
	}
	f := os.NewFile(uintptr(fd), "tcp")
	defer f.Close()
	if _, err := FileConn(f); !errors.Is(err, &Error{Code: CodeInvalidArgument}) {
		t.Fatalf("FileConn of a TCP socket: %v", err)
	}
}
