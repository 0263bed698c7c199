package sctpx

import (
	"errors"
	"testing"
	"time"
)

// The typed option methods (option_methods.go, generated): each reads what
// its setter set, and agrees with the generic Option.

func TestSetNoDelayReadsBackThroughNoDelay(t *testing.T) {
	client, _ := pair(t)
	for _, on := range []bool{true, false} {
		if err := client.SetNoDelay(on); err != nil {
			t.Fatal(err)
		}
		got, err := client.NoDelay()
		raw, rawErr := client.Option(OptNodelay)
		if err != nil || rawErr != nil || got != on || raw != int64(cBool(on)) {
			t.Fatalf("after SetNoDelay(%v): NoDelay() = %v, %v; Option(OptNodelay) = %d, %v", on, got, err, raw, rawErr)
		}
	}
}

// The kernel doubles a buffer size (socket(7)); either way it holds at least
// what was asked, and the getter says what the socket has.
func TestSetReadAndWriteBufferReadBack(t *testing.T) {
	client, _ := pair(t)
	if err := client.SetReadBuffer(65536); err != nil {
		t.Fatal(err)
	}
	if err := client.SetWriteBuffer(98304); err != nil {
		t.Fatal(err)
	}
	r, err1 := client.ReadBuffer()
	w, err2 := client.WriteBuffer()
	rawR, _ := client.Option(OptRcvbuf)
	rawW, _ := client.Option(OptSndbuf)
	if err1 != nil || err2 != nil || r < 65536 || w < 98304 || int64(r) != rawR || int64(w) != rawW {
		t.Fatalf("ReadBuffer() = %d, %v; WriteBuffer() = %d, %v; Option: %d, %d", r, err1, w, err2, rawR, rawW)
	}
}

func TestLingerReadsWhatSetLingerSet(t *testing.T) {
	client, _ := pair(t)
	for _, c := range []struct{ set, want int }{{7, 7}, {0, 0}, {-5, -1}} {
		if err := client.SetLinger(c.set); err != nil {
			t.Fatal(err)
		}
		if got, err := client.Linger(); err != nil || got != c.want {
			t.Fatalf("after SetLinger(%d): Linger() = %d, %v; want %d", c.set, got, err, c.want)
		}
	}
}

// SCTP_AUTOCLOSE counts seconds: a duration that is no whole number of them
// is refused before the C call, and the value stays.
func TestAutoCloseTakesWholeSeconds(t *testing.T) {
	c := oneToMany(t)
	if err := c.SetAutoClose(30 * time.Second); err != nil {
		t.Fatal(err)
	}
	if got, err := c.AutoClose(); err != nil || got != 30*time.Second {
		t.Fatalf("AutoClose() = %v, %v; want 30s", got, err)
	}
	// 2^31 s is whole but beyond SCTP_AUTOCLOSE's range: the C side refuses it.
	for _, d := range []time.Duration{1500 * time.Millisecond, -time.Second, (1 << 31) * time.Second} {
		if err := c.SetAutoClose(d); !errors.Is(err, ErrInvalidArgument) {
			t.Fatalf("SetAutoClose(%v) = %v; want ErrInvalidArgument", d, err)
		}
	}
	if got, err := c.AutoClose(); err != nil || got != 30*time.Second {
		t.Fatalf("after the refused sets, AutoClose() = %v, %v; want 30s still", got, err)
	}
}

// A per-association option has two forms: on the socket (a one-to-many
// socket's default) and on an Association (that association's own).
func TestMaxBurstOfAnAssociationIsApartFromTheDefault(t *testing.T) {
	client, id := connectedOneToMany(t)
	if err := client.SetMaxBurst(3); err != nil {
		t.Fatal(err)
	}
	a := client.Association(id)
	if err := a.SetMaxBurst(5); err != nil {
		t.Fatal(err)
	}
	def, err1 := client.MaxBurst()
	own, err2 := a.MaxBurst()
	if err1 != nil || err2 != nil || def != 3 || own != 5 {
		t.Fatalf("MaxBurst(): socket %d, %v; association %d, %v; want 3 and 5", def, err1, own, err2)
	}
}

func TestDefaultContextSetReadsBackAsUint32(t *testing.T) {
	client, id := connectedOneToMany(t)
	a := client.Association(id)
	if err := a.SetDefaultContext(0xfeedbeef); err != nil {
		t.Fatal(err)
	}
	if got, err := a.DefaultContext(); err != nil || got != 0xfeedbeef {
		t.Fatalf("DefaultContext() = %#x, %v; want 0xfeedbeef", got, err)
	}
}

// A negotiated option is set on the socket for the peers to come; on an
// association it reads what was agreed.
func TestPRSupportedOfAnAssociationSaysWhatWasAgreed(t *testing.T) {
	server := oneToMany(t)
	for _, on := range []bool{true, false} {
		client := unboundOneToMany(t, EventAssocChange)
		if err := client.SetPRSupported(on); err != nil {
			t.Fatal(err)
		}
		if got, err := client.PRSupported(); err != nil || got != on {
			t.Fatalf("after SetPRSupported(%v): PRSupported() = %v, %v", on, got, err)
		}
		id, err := client.Connectx(mustAddr(t, "sctp4", server.LocalAddr().String()))
		if err != nil {
			t.Fatal(err)
		}
		waitEvent(t, client, make([]byte, 256), func(e *AssocChangeEvent) bool { return e.State == CommUp })
		if got, err := client.Association(id).PRSupported(); err != nil || got != on {
			t.Fatalf("offered %v to a peer that supports PR: Association.PRSupported() = %v, %v", on, got, err)
		}
	}
}
