package sctpx

import (
	"errors"
	"testing"
	"time"
)

// connectedOneToMany is a one-to-many client with one association, up, to a
// one-to-many server; it returns the client and the association's id.
func connectedOneToMany(t *testing.T) (*OneToManyConn, AssocID) {
	t.Helper()
	server := oneToMany(t)
	client := unboundOneToMany(t, EventAssocChange)
	id, err := client.Connectx(mustAddr(t, "sctp4", server.LocalAddr().String()))
	if err != nil {
		t.Fatal(err)
	}
	waitEvent(t, client, make([]byte, 256), func(e *AssocChangeEvent) bool { return e.State == CommUp })
	return client, id
}

func TestConnAssociationIsItsEstablishedAssociation(t *testing.T) {
	client, server := pair(t)
	a := client.Association()
	if a.ID() != 0 {
		t.Fatalf("a Conn's Association().ID() = %d; want 0", a.ID())
	}
	st, err := a.Status()
	if err != nil || st.State != StateEstablished {
		t.Fatalf("Status() = state %d, %v; want StateEstablished", st.State, err)
	}
	peers, err := a.PeerAddrs()
	if err != nil || peers.Port != portOf(server.LocalAddr()) {
		t.Fatalf("PeerAddrs() = %v, %v; want the server's port %d", peers, err, portOf(server.LocalAddr()))
	}
}

func TestConnAssociationSetsAndReadsBackRTOInfo(t *testing.T) {
	client, _ := pair(t)
	a := client.Association()
	want := RTOInfo{Initial: 1500 * time.Millisecond, Max: 40 * time.Second, Min: 300 * time.Millisecond}
	if err := a.SetRTOInfo(want); err != nil {
		t.Fatal(err)
	}
	got, err := a.RTOInfo()
	got.AssocID = 0 // the kernel may fill in the id it answered for
	if err != nil || got != want {
		t.Fatalf("RTOInfo() = %+v, %v; want %+v", got, err, want)
	}
}

// The id of OneToManyConn.Association reaches the C call: a setting made on
// one association leaves the socket's defaults as they were.
func TestOneToManyAssociationSettingsStayWithThatAssociation(t *testing.T) {
	client, id := connectedOneToMany(t)
	a := client.Association(id)
	if a.ID() != id {
		t.Fatalf("Association(%d).ID() = %d", id, a.ID())
	}
	defaults, err := client.Association(0).DelayedSack()
	if err != nil {
		t.Fatal(err)
	}
	want := SackInfo{Delay: 100 * time.Millisecond, Freq: 4}
	if defaults.Delay == want.Delay && defaults.Freq == want.Freq {
		t.Fatalf("the defaults already are %+v: the test would not see the difference", want)
	}
	if err := a.SetDelayedSack(want); err != nil {
		t.Fatal(err)
	}
	got, err := a.DelayedSack()
	if err != nil || got.Delay != want.Delay || got.Freq != want.Freq {
		t.Fatalf("DelayedSack() = %+v, %v; want %+v", got, err, want)
	}
	after, err := client.Association(0).DelayedSack()
	if err != nil || after.Delay != defaults.Delay || after.Freq != defaults.Freq {
		t.Fatalf("the socket's defaults became %+v, %v; want them unchanged, %+v", after, err, defaults)
	}
	if st, err := a.Status(); err != nil || st.AssocID != id || st.State != StateEstablished {
		t.Fatalf("Status() = %+v, %v; want association %d established", st, err, id)
	}
}

// A struct's AssocID is the old way to name the association; on an
// Association the receiver names it, whatever the struct says.
func TestAssociationSettersIgnoreTheStructsAssocID(t *testing.T) {
	client, id := connectedOneToMany(t)
	a := client.Association(id)
	if err := a.SetRTOInfo(RTOInfo{AssocID: id + 1000, Initial: 2 * time.Second}); err != nil {
		t.Fatalf("SetRTOInfo with a stray AssocID: %v", err)
	}
	if got, err := a.RTOInfo(); err != nil || got.Initial != 2*time.Second {
		t.Fatalf("RTOInfo() = %+v, %v; want Initial 2s", got, err)
	}
}

func TestAssociationOfAnUnknownIDFails(t *testing.T) {
	client, id := connectedOneToMany(t)
	_, err := client.Association(id + 1000).Status()
	if err == nil {
		t.Fatal("Status of an association that does not exist succeeded")
	}
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("Status error %v (%T) is no *sctpx.Error", err, err)
	}
}

// The id-first calls stay for one release and give what the Association
// methods give.
func TestDeprecatedIDFirstCallsStillWork(t *testing.T) {
	client, id := connectedOneToMany(t)
	a := client.Association(id)
	if err := a.SetRTOInfo(RTOInfo{Initial: 1700 * time.Millisecond}); err != nil {
		t.Fatal(err)
	}
	oldRTO, err1 := client.RTOInfo(id)
	newRTO, err2 := a.RTOInfo()
	if err1 != nil || err2 != nil || oldRTO != newRTO || oldRTO.Initial != 1700*time.Millisecond {
		t.Fatalf("RTOInfo(id) = %+v, %v; Association(id).RTOInfo() = %+v, %v", oldRTO, err1, newRTO, err2)
	}
	oldSt, err1 := client.Status(id)
	newSt, err2 := a.Status()
	if err1 != nil || err2 != nil || oldSt.AssocID != id || oldSt.State != newSt.State || oldSt.OutboundStreams != newSt.OutboundStreams {
		t.Fatalf("Status(id) = %+v, %v; Association(id).Status() = %+v, %v", oldSt, err1, newSt, err2)
	}
	oldPeers, err1 := client.PeerAddrs(id)
	newPeers, err2 := a.PeerAddrs()
	if err1 != nil || err2 != nil || oldPeers.String() != newPeers.String() {
		t.Fatalf("PeerAddrs(id) = %v, %v; Association(id).PeerAddrs() = %v, %v", oldPeers, err1, newPeers, err2)
	}
}
