package sctpx

import (
	"bytes"
	"encoding/binary"
	"fmt"
	"testing"
	"time"
)

// Every notification kind that a loopback set-up can make the kernel send
// (the same set as the core's tests/events.rs), read as typed Go events.

func TestNothingIsSubscribedByDefault(t *testing.T) {
	s := unboundOneToMany(t)
	for k := EventAssocChange; k <= EventSendFailedEvent; k++ {
		if on, err := s.Subscribed(k); err != nil || on {
			t.Errorf("Subscribed(%v) = %v, %v", k, on, err)
		}
	}
}

func TestAssociationUpReportsTheNegotiatedStreams(t *testing.T) {
	server := oneToMany(t, EventAssocChange)
	dialAddr(t, server.LocalAddr().String(), Dialer{Control: func(c *Conn) error {
		return c.SetInitMsg(InitMsg{NumOstreams: 7, MaxInstreams: 9})
	}})
	up := waitEvent[*AssocChangeEvent](t, server, make([]byte, 256), nil)
	if up.State != CommUp || up.InboundStreams != 7 || up.AssocID <= 0 {
		t.Fatalf("got %+v; want COMM_UP with 7 inbound streams", up)
	}
	if up.Kind() != EventAssocChange || up.Assoc() != up.AssocID {
		t.Fatalf("Kind() = %v, Assoc() = %d", up.Kind(), up.Assoc())
	}
}

func TestAGracefulShutdownGivesShutdownThenShutdownComplete(t *testing.T) {
	server := oneToMany(t, EventAssocChange, EventShutdown)
	client := dialAddr(t, server.LocalAddr().String(), Dialer{})
	buf := make([]byte, 256)
	up := waitEvent(t, server, buf, func(e *AssocChangeEvent) bool { return e.State == CommUp })
	if err := client.Shutdown(); err != nil {
		t.Fatalf("Shutdown: %v", err)
	}
	if sh := waitEvent[*ShutdownEvent](t, server, buf, nil); sh.AssocID != up.AssocID {
		t.Fatalf("SHUTDOWN for association %d, want %d", sh.AssocID, up.AssocID)
	}
	if down := waitEvent[*AssocChangeEvent](t, server, buf, nil); down.State != ShutdownComp {
		t.Fatalf("association change %d after SHUTDOWN, want SHUTDOWN_COMP", down.State)
	}
}

func TestAnAbortIsSeenAsCommunicationLost(t *testing.T) {
	server := oneToMany(t, EventAssocChange)
	client := dialAddr(t, server.LocalAddr().String(), Dialer{})
	buf := make([]byte, 256)
	waitEvent(t, server, buf, func(e *AssocChangeEvent) bool { return e.State == CommUp })
	if err := client.AbortAndClose(); err != nil {
		t.Fatalf("AbortAndClose: %v", err)
	}
	lost := waitEvent[*AssocChangeEvent](t, server, buf, nil)
	if lost.State != CommLost {
		t.Fatalf("state %d, want COMM_LOST", lost.State)
	}
	// Its bytes are the ABORT's error causes: a user abort is cause 12,
	// "User-Initiated Abort" (RFC 4960 3.3.10.12).
	if len(lost.Info) < 4 || binary.BigEndian.Uint16(lost.Info) != 12 {
		t.Fatalf("ABORT causes % x, want cause 12 first", lost.Info)
	}
}

func TestSetupRefusedByThePeerIsCantStartAssociation(t *testing.T) {
	// Bound but not listening: the kernel answers INITs with ABORT.
	closed, err := OpenOneToMany("sctp4", mustAddr(t, "sctp4", "127.0.0.1:0"))
	if err != nil {
		t.Fatal(err)
	}
	defer closed.Close()
	client := unboundOneToMany(t, EventAssocChange)
	if _, err := client.SendTo([]byte("x"), closed.LocalAddr().(*Addr), nil); err != nil {
		t.Fatalf("SendTo: %v", err)
	}
	if ev := waitEvent[*AssocChangeEvent](t, client, make([]byte, 256), nil); ev.State != CantStrAssoc {
		t.Fatalf("state %d, want CANT_STR_ASSOC", ev.State)
	}
}

func TestSenderDryFollowsAnAcknowledgedSend(t *testing.T) {
	client, server := pair(t)
	subscribe(t, client, EventSenderDry)
	buf := make([]byte, 256)
	// Subscribing on an idle association reports dry at once.
	waitEvent[*SenderDryEvent](t, client, buf, nil)
	client.Write([]byte("x"))
	if _, err := server.Read(buf); err != nil {
		t.Fatal(err)
	}
	if dry := waitEvent[*SenderDryEvent](t, client, buf, nil); dry.Kind() != EventSenderDry {
		t.Fatalf("Kind() = %v", dry.Kind())
	}
}

func TestPeerAddressEventsReportTheAddressesOfAMultiHomedPeer(t *testing.T) {
	l := listen(t, "127.0.0.1/127.0.0.4:0", ListenConfig{})
	c := dial(t, "127.0.0.1", l, Dialer{Control: func(c *Conn) error { return c.Subscribe(EventPeerAddrChange, true) }})
	p := waitEvent(t, c, make([]byte, 256), func(e *PeerAddrChangeEvent) bool {
		return e.Addr != nil && e.Addr.IPAddrs[0].IP.String() == "127.0.0.4"
	})
	if p.State != AddrAvailable && p.State != AddrConfirmed && p.State != AddrAdded {
		t.Fatalf("state %d", p.State)
	}
	if p.Addr.Port != portOf(l.Addr()) {
		t.Fatalf("port %d, listener's is %d", p.Addr.Port, portOf(l.Addr()))
	}
}

// stallWithTTL sets up an association to a server with a tiny receive
// window that never reads, and sends 1000-byte messages with a 1 ms TTL
// (PPID ppid, every byte fill) until the socket is full: the queued ones
// expire. The client is subscribed to kind.
func stallWithTTL(t *testing.T, kind EventKind, ppid uint32, fill byte) *OneToManyConn {
	server := oneToMany(t)
	if err := server.SetReadBuffer(4096); err != nil {
		t.Fatal(err)
	}
	client := unboundOneToMany(t, kind, EventAssocChange)
	if err := client.SetPRSupported(true); err != nil {
		t.Fatal(err)
	}
	id, err := client.Connectx(mustAddr(t, "sctp4", server.LocalAddr().String()))
	if err != nil {
		t.Fatal(err)
	}
	waitEvent(t, client, make([]byte, 256), func(e *AssocChangeEvent) bool { return e.State == CommUp })
	payload := bytes.Repeat([]byte{fill}, 1000)
	client.SetWriteDeadline(time.Now().Add(500 * time.Millisecond))
	sent := 0
	for i := 0; i < 200; i++ {
		info := SendInfo{AssocID: id, PPID: ppid, Context: uint32(i), PRPolicy: PRTTL, PRValue: 1}
		if _, err := client.Send(payload, &info); err != nil {
			break
		}
		sent++
	}
	if sent <= 5 {
		t.Fatalf("only %d messages went out before the socket was full", sent)
	}
	client.SetWriteDeadline(time.Now().Add(waitLimit))
	return client
}

func TestAnExpiredTTLGivesSendFailedWithTheUnsentData(t *testing.T) {
	for _, kind := range []EventKind{EventSendFailedEvent, EventSendFailed} {
		t.Run(kind.String(), func(t *testing.T) {
			client := stallWithTTL(t, kind, 77, 0xAB)
			f := waitEvent[*SendFailedEvent](t, client, make([]byte, 2048), nil)
			if f.Kind() != kind || f.Info.PPID != 77 || (f.Flags != DataUnsent && f.Flags != DataSent) {
				t.Fatalf("got %v with PPID %d, flags %#x", f.Kind(), f.Info.PPID, f.Flags)
			}
			if !bytes.Equal(f.Data, bytes.Repeat([]byte{0xAB}, 1000)) {
				t.Fatalf("undelivered data: %d bytes, want the 1000-byte message", len(f.Data))
			}
		})
	}
}

func TestANotificationLargerThanTheBufferIsDecodedAndMarkedTruncated(t *testing.T) {
	client := stallWithTTL(t, EventSendFailedEvent, 5, 1)
	small := make([]byte, 100)
	f := waitEvent[*SendFailedEvent](t, client, small, nil)
	if !f.Truncated || f.Info.PPID != 5 || len(f.Data) > 100 {
		t.Fatalf("Truncated %v, PPID %d, %d bytes", f.Truncated, f.Info.PPID, len(f.Data))
	}
	// The next event starts fresh: another whole notification, not a piece.
	if next := waitEvent[*SendFailedEvent](t, client, small, nil); next.Info.PPID != 5 {
		t.Fatalf("next event's PPID %d", next.Info.PPID)
	}
}

func TestAdaptationIndicationCarriesThePeersValue(t *testing.T) {
	server := oneToMany(t, EventAdaptation)
	dialAddr(t, server.LocalAddr().String(), Dialer{Control: func(c *Conn) error {
		return c.SetAdaptationLayer(0x12345678)
	}})
	if a := waitEvent[*AdaptationEvent](t, server, make([]byte, 256), nil); a.Indication != 0x12345678 {
		t.Fatalf("indication %#x", a.Indication)
	}
}

func TestAuthenticationEventSaysThePeerHasNoAuth(t *testing.T) {
	// net.sctp.auth_enable is 0 by default: the kernel reports NO_AUTH.
	server := oneToMany(t, EventAuthentication)
	dialAddr(t, server.LocalAddr().String(), Dialer{})
	if a := waitEvent[*AuthenticationEvent](t, server, make([]byte, 256), nil); a.Indication != AuthNoAuth {
		t.Fatalf("indication %d, want AuthNoAuth", a.Indication)
	}
}

// reconfigPair is a one-to-one client and a one-to-many server, both
// offering stream reconfiguration and allowing every kind of request.
func reconfigPair(t *testing.T) (*Conn, *OneToManyConn) {
	all := EnableResetStreamReq | EnableResetAssocReq | EnableChangeAssocReq
	allow := func(s interface {
		SetReconfigSupported(bool) error
		SetStreamReset(int) error
	}) error {
		if err := s.SetReconfigSupported(true); err != nil {
			return err
		}
		return s.SetStreamReset(all)
	}
	server := oneToMany(t, EventAssocChange, EventStreamReset)
	if err := allow(server); err != nil {
		t.Fatal(err)
	}
	client := dialAddr(t, server.LocalAddr().String(), Dialer{Control: func(c *Conn) error {
		if err := allow(c); err != nil {
			return err
		}
		for _, k := range []EventKind{EventStreamReset, EventStreamChange, EventAssocReset} {
			if err := c.Subscribe(k, true); err != nil {
				return err
			}
		}
		return nil
	}})
	waitEvent(t, server, make([]byte, 256), func(e *AssocChangeEvent) bool { return e.State == CommUp })
	return client, server
}

func TestResettingOutgoingStreamsGivesAStreamResetEventListingThem(t *testing.T) {
	client, server := reconfigPair(t)
	if err := client.Association().ResetStreams(ResetOutgoing, 1, 3); err != nil {
		t.Fatalf("ResetStreams: %v", err)
	}
	buf := make([]byte, 256)
	r := waitEvent[*StreamResetEvent](t, client, buf, nil)
	if r.Flags&StreamResetOutgoingSSN == 0 || fmt.Sprint(r.Streams) != "[1 3]" {
		t.Fatalf("client: flags %#x, streams %v", r.Flags, r.Streams)
	}
	in := waitEvent[*StreamResetEvent](t, server, buf, nil)
	if in.Flags&StreamResetIncomingSSN == 0 || fmt.Sprint(in.Streams) != "[1 3]" {
		t.Fatalf("server: flags %#x, streams %v", in.Flags, in.Streams)
	}
}

func TestAddingStreamsGivesAStreamChangeEventWithTheNumberAdded(t *testing.T) {
	client, _ := reconfigPair(t)
	before, err := client.Association().Status()
	if err != nil {
		t.Fatal(err)
	}
	if err := client.Association().AddStreams(0, 5); err != nil {
		t.Fatalf("AddStreams: %v", err)
	}
	c := waitEvent[*StreamChangeEvent](t, client, make([]byte, 256), nil)
	// Linux reports the number of streams added, not the new total.
	if c.OutboundStreams != 5 || c.Flags&(StreamChangeDenied|StreamChangeFailed) != 0 {
		t.Fatalf("got %+v", c)
	}
	if after, _ := client.Association().Status(); after.OutboundStreams != before.OutboundStreams+5 {
		t.Fatalf("outbound streams %d -> %d", before.OutboundStreams, after.OutboundStreams)
	}
}

func TestResettingTheAssociationGivesAnAssocResetEvent(t *testing.T) {
	client, _ := reconfigPair(t)
	if err := client.Association().ResetAssoc(); err != nil {
		t.Fatalf("ResetAssoc: %v", err)
	}
	a := waitEvent[*AssocResetEvent](t, client, make([]byte, 256), nil)
	if a.Flags&(AssocResetDenied|AssocResetFailed) != 0 || a.LocalTSN == 0 {
		t.Fatalf("got %+v", a)
	}
}
