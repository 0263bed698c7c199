package sctpx

import (
	"testing"
	"time"
)

// The typed get/set pairs, each set and read back on a one-to-one
// association (id 0: its association) and as a one-to-many socket's
// defaults (id 0: the socket's).
func typedOptionSockets(t *testing.T) map[string]*socket {
	client, _ := pair(t)
	return map[string]*socket{"one-to-one": client.socket, "one-to-many": oneToMany(t).socket}
}

func TestRTOInfoSetReadsBack(t *testing.T) {
	for name, s := range typedOptionSockets(t) {
		want := RTOInfo{Initial: 1500 * time.Millisecond, Max: 40 * time.Second, Min: 300 * time.Millisecond}
		if err := s.SetRTOInfo(want); err != nil {
			t.Fatalf("%s: SetRTOInfo: %v", name, err)
		}
		if got, err := rtoInfo(s); err != nil || got != want {
			t.Fatalf("%s: RTOInfo = %+v, %v; want %+v", name, got, err, want)
		}
		// 0 leaves a value as it is.
		if err := s.SetRTOInfo(RTOInfo{Initial: 2 * time.Second}); err != nil {
			t.Fatalf("%s: SetRTOInfo: %v", name, err)
		}
		want.Initial = 2 * time.Second
		if got, err := rtoInfo(s); err != nil || got != want {
			t.Fatalf("%s: after setting Initial alone, RTOInfo = %+v, %v; want %+v", name, got, err, want)
		}
	}
}

// rtoInfo is s.assoc(0).RTOInfo() without the association id, which the kernel
// may fill in with the association it answered for.
func rtoInfo(s *socket) (RTOInfo, error) {
	r, err := s.assoc(0).RTOInfo()
	r.AssocID = 0
	return r, err
}

func TestAssocParamsSetReadsBack(t *testing.T) {
	for name, s := range typedOptionSockets(t) {
		if err := s.SetAssocParams(AssocParams{MaxRetrans: 7, CookieLife: 30 * time.Second}); err != nil {
			t.Fatalf("%s: SetAssocParams: %v", name, err)
		}
		got, err := s.assoc(0).AssocParams()
		if err != nil || got.MaxRetrans != 7 || got.CookieLife != 30*time.Second {
			t.Fatalf("%s: AssocParams = %+v, %v; want MaxRetrans 7, CookieLife 30s", name, got, err)
		}
		if name == "one-to-one" && (got.PeerDestinations != 1 || got.LocalRwnd == 0 || got.PeerRwnd == 0) {
			t.Fatalf("%s: the association's read-only fields: %+v", name, got)
		}
	}
}

func TestDefaultSendInfoSetReadsBack(t *testing.T) {
	for name, s := range typedOptionSockets(t) {
		want := SendInfo{Stream: 2, Flags: SendUnordered, PPID: 0xdeadbeef, Context: 7}
		if err := s.SetDefaultSendInfo(want); err != nil {
			t.Fatalf("%s: SetDefaultSendInfo: %v", name, err)
		}
		got, err := s.assoc(0).DefaultSendInfo()
		got.AssocID = 0 // as in rtoInfo
		if err != nil || got != want {
			t.Fatalf("%s: DefaultSendInfo = %+v, %v; want %+v", name, got, err, want)
		}
	}
}

func TestDelayedSackSetReadsBack(t *testing.T) {
	for name, s := range typedOptionSockets(t) {
		// 100 ms is a whole number of jiffies at any HZ the kernel is built with.
		want := SackInfo{Delay: 100 * time.Millisecond, Freq: 3}
		if err := s.SetDelayedSack(want); err != nil {
			t.Fatalf("%s: SetDelayedSack: %v", name, err)
		}
		got, err := s.assoc(0).DelayedSack()
		got.AssocID = 0
		if err != nil || got != want {
			t.Fatalf("%s: DelayedSack = %+v, %v; want %+v", name, got, err, want)
		}
	}
}

func TestPendingErrorIsReadOnlyAndZeroOnAHealthySocket(t *testing.T) {
	client, _ := pair(t)
	if v, err := client.Option(OptPendingError); err != nil || v != 0 {
		t.Fatalf("OptPendingError = %d, %v; want 0", v, err)
	}
	if err := client.Association().SetOption(OptPendingError, 1); err == nil {
		t.Fatal("setting OptPendingError succeeded; it is read only")
	}
}

func TestRecvFromOffLeavesTheSourceAddressOut(t *testing.T) {
	client, server := pair(t)
	if v, err := server.Option(OptRecvFrom); err != nil || v != 1 {
		t.Fatalf("OptRecvFrom = %d, %v; want 1 by default", v, err)
	}
	buf := make([]byte, 16)
	client.Write([]byte("with"))
	if _, info, err := server.ReadMsg(buf); err != nil || info.From == nil {
		t.Fatalf("ReadMsg: From %v, %v; want the client's address", info.From, err)
	}
	if err := server.SetRecvFrom(false); err != nil {
		t.Fatal(err)
	}
	client.Write([]byte("without"))
	n, info, err := server.ReadMsg(buf)
	if err != nil || string(buf[:n]) != "without" || info.From != nil {
		t.Fatalf("ReadMsg = %q, From %v, %v; want the message and no address", buf[:n], info.From, err)
	}
}

// tests/paths.rs shows what the thresholds do on a cut link; here, that Go
// reaches the kernel's fields.
func TestPeerAddrThresholdsSetReadsBack(t *testing.T) {
	for name, s := range typedOptionSockets(t) {
		want := PeerAddrThresholds{PathMaxRxt: 9, PFMaxRetrans: 2, PSRetrans: 4}
		if err := s.SetPeerAddrThresholds(want); err != nil {
			t.Fatalf("%s: SetPeerAddrThresholds: %v", name, err)
		}
		got, err := s.assoc(0).PeerAddrThresholds(nil)
		got.AssocID = 0
		if err != nil || got != want {
			t.Fatalf("%s: PeerAddrThresholds = %+v, %v; want %+v", name, got, err, want)
		}
	}
}

func TestPeerAddrThresholdsPFAbovePSIsRefused(t *testing.T) {
	client, _ := pair(t)
	err := client.SetPeerAddrThresholds(PeerAddrThresholds{PFMaxRetrans: 3, PSRetrans: 2})
	if e, ok := err.(*Error); !ok || e.Code != CodeInvalidArgument {
		t.Fatalf("SetPeerAddrThresholds(PF 3 > PS 2) = %v; want CodeInvalidArgument", err)
	}
}

// tests/udp_encap.rs shows the port at work between two kernels; here, that
// Go reaches one address's.
func TestPeerAddrUDPPortSetReadsBack(t *testing.T) {
	client, _ := pair(t)
	peer, err := client.Association().PeerAddrs()
	if err != nil {
		t.Fatalf("PeerAddrs: %v", err)
	}
	if err := client.Association().SetPeerAddrUDPPort(peer, 9899); err != nil {
		t.Fatalf("SetPeerAddrUDPPort: %v", err)
	}
	if got, err := client.Association().PeerAddrUDPPort(peer); err != nil || got != 9899 {
		t.Fatalf("PeerAddrUDPPort = %d, %v; want 9899", got, err)
	}
}
