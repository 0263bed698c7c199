package sctpx

import (
	"errors"
	"fmt"
	"net"
	"sort"
	"syscall"
	"testing"
)

// peelOff is a one-to-one client, the one-to-many server it dialed, and the
// server's end of the association peeled off into a *Conn.
func peelOff(t *testing.T) (client *Conn, server *OneToManyConn, peeled *Conn) {
	t.Helper()
	server = oneToMany(t, EventAssocChange)
	client = dialAddr(t, fmt.Sprintf("127.0.0.1:%d", portOf(server.LocalAddr())), Dialer{})
	up := waitEvent(t, server, make([]byte, 256), func(e *AssocChangeEvent) bool { return e.State == CommUp })
	p, err := server.PeelOff(up.AssocID)
	if err != nil {
		t.Fatalf("PeelOff(%d): %v", up.AssocID, err)
	}
	return client, server, closeLater(t, p)
}

func TestPeelOffTurnsAnAssociationIntoAOneToOneConn(t *testing.T) {
	client, server, peeled := peelOff(t)
	var _ net.Conn = peeled

	client.Write([]byte("to the peeled socket"))
	buf := make([]byte, 64)
	if n, err := peeled.Read(buf); err != nil || string(buf[:n]) != "to the peeled socket" {
		t.Fatalf("peeled Read = %q, %v", buf[:n], err)
	}
	peeled.Write([]byte("from it"))
	if n, err := client.Read(buf); err != nil || string(buf[:n]) != "from it" {
		t.Fatalf("client Read = %q, %v", buf[:n], err)
	}
	ids, err := server.AssocIDs()
	if err != nil || len(ids) != 0 {
		t.Fatalf("one-to-many socket still has associations %v (%v) after the peel-off", ids, err)
	}
}

func TestAPeeledOffConnReadsEOFAfterThePeerCloses(t *testing.T) {
	client, _, p := peelOff(t)
	readsEOFAfterThePeerCloses(t, client, p)
}

func TestAPeeledOffConnReadsECONNRESETAfterThePeerAborts(t *testing.T) {
	client, _, p := peelOff(t)
	if err := client.AbortAndClose(); err != nil {
		t.Fatalf("AbortAndClose: %v", err)
	}
	if n, err := p.Read(make([]byte, 16)); !errors.Is(err, syscall.ECONNRESET) {
		t.Fatalf("Read after the peer aborted = %d, %v; want ECONNRESET", n, err)
	}
}

func TestSendToSetsUpAnAssociationAndSendAnswersOnIt(t *testing.T) {
	server := oneToMany(t)
	client := unboundOneToMany(t)
	to := mustAddr(t, "sctp4", fmt.Sprintf("127.0.0.1:%d", portOf(server.LocalAddr())))
	if _, err := client.SendTo([]byte("ping"), to, &SendInfo{PPID: 42}); err != nil {
		t.Fatalf("SendTo: %v", err)
	}
	buf := make([]byte, 64)
	d := waitEvent[*DataEvent](t, server, buf, nil)
	clientAddr, _ := client.Association(0).LocalAddrs()
	if string(d.Data) != "ping" || d.PPID != 42 || d.AssocID == 0 || d.From == nil || d.From.Port != clientAddr.Port {
		t.Fatalf("server got %q PPID %d assoc %d from %v (client is %v)", d.Data, d.PPID, d.AssocID, d.From, clientAddr)
	}
	if _, err := server.Send([]byte("pong"), &SendInfo{AssocID: d.AssocID, PPID: 43}); err != nil {
		t.Fatalf("Send: %v", err)
	}
	n, info, err := client.ReadMsg(buf)
	if err != nil || string(buf[:n]) != "pong" || info.PPID != 43 || info.AssocID == 0 {
		t.Fatalf("client ReadMsg = %q, %+v, %v", buf[:n], info, err)
	}
}

func TestOneToManyConnIsANetPacketConn(t *testing.T) {
	var server, client net.PacketConn = oneToMany(t), unboundOneToMany(t)
	if _, err := client.WriteTo([]byte("hi"), server.LocalAddr()); err != nil {
		t.Fatalf("WriteTo: %v", err)
	}
	buf := make([]byte, 16)
	n, from, err := server.ReadFrom(buf)
	if err != nil || string(buf[:n]) != "hi" {
		t.Fatalf("ReadFrom = %q, %v", buf[:n], err)
	}
	if _, err := server.WriteTo([]byte("back"), from); err != nil {
		t.Fatalf("WriteTo(%v): %v", from, err)
	}
	if n, _, err := client.ReadFrom(buf); err != nil || string(buf[:n]) != "back" {
		t.Fatalf("client ReadFrom = %q, %v", buf[:n], err)
	}
}

func TestConnectxToAMultiHomedPeerKnowsAllItsAddresses(t *testing.T) {
	server := listenOneToMany(t, "127.0.0.1/127.0.0.2:0")
	client := unboundOneToMany(t, EventAssocChange)
	peer := mustAddr(t, "sctp4", fmt.Sprintf("127.0.0.1/127.0.0.2:%d", portOf(server.LocalAddr())))
	id, err := client.Connectx(peer)
	if err != nil || id == 0 {
		t.Fatalf("Connectx = %d, %v", id, err)
	}
	up := waitEvent(t, client, make([]byte, 256), func(e *AssocChangeEvent) bool { return e.State == CommUp })
	if up.AssocID != id {
		t.Fatalf("COMM_UP for association %d, Connectx said %d", up.AssocID, id)
	}
	got, err := client.Association(id).PeerAddrs()
	if err != nil {
		t.Fatal(err)
	}
	if ips := ipStrings(got); fmt.Sprint(ips) != "[127.0.0.1 127.0.0.2]" || got.Port != peer.Port {
		t.Fatalf("PeerAddrs = %v", got)
	}
}

func TestDialToAMultiHomedPeerKnowsAllItsAddresses(t *testing.T) {
	l := listen(t, "127.0.0.1/127.0.0.2:0", ListenConfig{})
	if ips := ipStrings(l.Addr().(*Addr)); fmt.Sprint(ips) != "[127.0.0.1 127.0.0.2]" {
		t.Fatalf("listener bound to %v", l.Addr())
	}
	c := dial(t, "127.0.0.1/127.0.0.2", l, Dialer{})
	if ips := ipStrings(c.RemoteAddr().(*Addr)); fmt.Sprint(ips) != "[127.0.0.1 127.0.0.2]" {
		t.Fatalf("RemoteAddr = %v", c.RemoteAddr())
	}
}

func TestBindxRemoveDropsALocalAddress(t *testing.T) {
	s := listenOneToMany(t, "127.0.0.1/127.0.0.2:0")
	port := portOf(s.LocalAddr())
	if err := s.Bindx(mustAddr(t, "sctp4", fmt.Sprintf("127.0.0.2:%d", port)), BindxRemove); err != nil {
		t.Fatalf("Bindx remove: %v", err)
	}
	got, err := s.Association(0).LocalAddrs()
	if err != nil || fmt.Sprint(ipStrings(got)) != "[127.0.0.1]" || got.Port != port {
		t.Fatalf("LocalAddrs = %v, %v", got, err)
	}
}

func ipStrings(a *Addr) []string {
	var s []string
	for _, ip := range a.IPAddrs {
		s = append(s, ip.IP.String())
	}
	sort.Strings(s)
	return s
}

// tests/sendv.rs also shows SendSetup's further addresses at work over two links.
func TestSendSetupInitParametersSetTheNewAssociationsStreamCounts(t *testing.T) {
	server := oneToMany(t)
	client := unboundOneToMany(t)
	to := mustAddr(t, "sctp4", fmt.Sprintf("127.0.0.1:%d", portOf(server.LocalAddr())))
	if _, err := client.SendSetup([]byte("hello"), to, &InitMsg{NumOstreams: 3, MaxInstreams: 4}, nil); err != nil {
		t.Fatalf("SendSetup: %v", err)
	}
	d := waitEvent[*DataEvent](t, server, make([]byte, 64), nil)
	st, err := server.Association(d.AssocID).Status()
	// The socket's own InitMsg (10 streams each way) would have given 10 and 10.
	if err != nil || st.InboundStreams != 3 || st.OutboundStreams != 4 {
		t.Fatalf("server's side: inbound %d, outbound %d, %v; want 3, 4", st.InboundStreams, st.OutboundStreams, err)
	}
}
