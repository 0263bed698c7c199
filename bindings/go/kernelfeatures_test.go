package sctpx

import (
	"testing"
	"time"
)

// The stream schedulers and partial-reliability status, seen by their effect
// on the kernel's SCTP (tests/kernel_features.rs covers the features that
// need sysctls: I-DATA and ASCONF).

const queued = 30

// backedUp is a pair whose server window is 16 KiB, so that a
// few messages fill it and the rest wait in the client's queue while the
// server does not read.
func backedUp(t *testing.T) (client, server *Conn) {
	t.Helper()
	l := listen(t, "127.0.0.1:0", ListenConfig{Control: func(l *Listener) error {
		return l.SetReadBuffer(8192)
	}})
	client = dial(t, "127.0.0.1", l, Dialer{Control: func(c *Conn) error {
		if err := c.SetNoDelay(true); err != nil {
			return err
		}
		return c.SetWriteBuffer(1 << 20)
	}})
	return client, accept(t, l)
}

func send(t *testing.T, c *Conn, n int, size int, info SendInfo) {
	t.Helper()
	for i := 0; i < n; i++ {
		if _, err := c.WriteMsg(make([]byte, size), &info); err != nil {
			t.Fatalf("WriteMsg(%+v): %v", info, err)
		}
	}
}

// streamsRead reads n messages and returns their streams in order.
func streamsRead(t *testing.T, c *Conn, n int) []uint16 {
	t.Helper()
	buf := make([]byte, 4096)
	var out []uint16
	for len(out) < n {
		_, info, err := c.ReadMsg(buf)
		if err != nil {
			t.Fatalf("ReadMsg: %v", err)
		}
		out = append(out, info.Stream)
	}
	return out
}

func TestPrioritySchedulerSendsTheMoreImportantStreamFirstFromABackedUpQueue(t *testing.T) {
	c, s := backedUp(t)
	if err := c.SetStreamScheduler(SchedPrio); err != nil {
		t.Fatal(err)
	}
	for stream, prio := range map[uint16]uint16{1: 0, 2: 7} {
		if err := c.Association().SetStreamSchedValue(stream, prio); err != nil {
			t.Fatal(err)
		}
		if v, err := c.Association().StreamSchedValue(stream); err != nil || v != prio {
			t.Fatalf("StreamSchedValue(%d) = %d, %v; want %d", stream, v, err, prio)
		}
	}
	send(t, c, queued, 1000, SendInfo{Stream: 2})
	send(t, c, queued, 1000, SendInfo{Stream: 1})
	order := streamsRead(t, s, 2*queued)
	// Stream 2's first messages left before the window closed; the rest
	// waited for stream 1.
	if order[len(order)-1] != 2 || order[queued-1] != 1 {
		t.Fatalf("stream 1 (priority 0) did not overtake stream 2's queue: %v", order)
	}
}

func TestMessagesPastTheirTTLAreCountedUnsentForTheirStream(t *testing.T) {
	c, s := backedUp(t)
	send(t, c, queued, 1000, SendInfo{Stream: 0})
	send(t, c, 3, 4, SendInfo{Stream: 1, PRPolicy: PRTTL, PRValue: 1})
	time.Sleep(50 * time.Millisecond)
	for _, stream := range streamsRead(t, s, queued) {
		if stream != 0 {
			t.Fatalf("a message past its TTL arrived on stream %d", stream)
		}
	}
	want := PRStatus{AbandonedUnsent: 3}
	var got PRStatus
	for end := time.Now().Add(waitLimit); time.Now().Before(end); time.Sleep(50 * time.Millisecond) {
		var err error
		if got, err = c.Association().PRStreamStatus(1, PRTTL); err != nil {
			t.Fatal(err)
		}
		if got == want {
			break
		}
	}
	if got != want {
		t.Fatalf("PRStreamStatus(1, TTL) = %+v; want %+v", got, want)
	}
	if st, err := c.Association().PRStreamStatus(0, PRTTL); err != nil || st != (PRStatus{}) {
		t.Fatalf("PRStreamStatus(0, TTL) = %+v, %v; want none abandoned", st, err)
	}
	if st, err := c.Association().PRAssocStatus(PRAll); err != nil || st != want {
		t.Fatalf("PRAssocStatus(PRAll) = %+v, %v; want %+v", st, err, want)
	}
}

func TestDefaultPRInfoRoundTrips(t *testing.T) {
	c, _ := pair(t)
	want := DefaultPRInfo{Policy: PRRTX, Value: 2}
	if err := c.SetDefaultPRInfo(want); err != nil {
		t.Fatal(err)
	}
	if got, err := c.Association().DefaultPRInfo(); err != nil || got != want {
		t.Fatalf("DefaultPRInfo = %+v, %v; want %+v", got, err, want)
	}
}
