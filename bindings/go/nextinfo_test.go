package sctpx

import (
	"fmt"
	"testing"
	"time"
)

// twoQueued turns OptRecvNextInfo on or off on a one-to-many server, dials it
// and sends "first" (stream 1, PPID 7) then "second message" (stream 5, PPID
// 0x01020304, unordered). The client stays open until the test ends, so
// nothing else joins the queue.
func twoQueued(t *testing.T, on bool) *OneToManyConn {
	t.Helper()
	server := oneToMany(t)
	v := int64(0)
	if on {
		v = 1
	}
	if err := server.SetOption(0, OptRecvNextInfo, v); err != nil {
		t.Fatalf("SetOption(OptRecvNextInfo, %d): %v", v, err)
	}
	client := dialAddr(t, fmt.Sprintf("127.0.0.1:%d", portOf(server.LocalAddr())), Dialer{})
	if _, err := client.WriteMsg([]byte("first"), &SendInfo{Stream: 1, PPID: 7}); err != nil {
		t.Fatalf("WriteMsg: %v", err)
	}
	second := &SendInfo{Stream: 5, PPID: 0x01020304, Flags: SendUnordered}
	if _, err := client.WriteMsg([]byte("second message"), second); err != nil {
		t.Fatalf("WriteMsg: %v", err)
	}
	// Only what is already queued is reported: give the second time to arrive.
	time.Sleep(300 * time.Millisecond)
	return server
}

// readData reads events until a data message, with its next-message report.
func readData(t *testing.T, c *OneToManyConn) (*DataEvent, *NextInfo) {
	t.Helper()
	buf := make([]byte, 64)
	for {
		ev, next, err := c.ReadEventWithNextInfo(buf)
		if err != nil {
			t.Fatalf("ReadEventWithNextInfo: %v", err)
		}
		if d, ok := ev.(*DataEvent); ok {
			return d, next
		}
	}
}

func TestTheFirstOfTwoQueuedMessagesDescribesTheSecond(t *testing.T) {
	server := twoQueued(t, true)
	first, next := readData(t, server)
	if string(first.Data) != "first" {
		t.Fatalf("first message %q", first.Data)
	}
	want := NextInfo{Stream: 5, PPID: 0x01020304, Len: 14, AssocID: first.AssocID, Unordered: true}
	if next == nil || *next != want {
		t.Fatalf("next = %+v, want %+v", next, want)
	}
	second, next := readData(t, server)
	if string(second.Data) != "second message" || second.Stream != 5 || second.PPID != 0x01020304 {
		t.Fatalf("second message %q on stream %d PPID %#x", second.Data, second.Stream, second.PPID)
	}
	if next != nil {
		t.Fatalf("after the last message next = %+v, want nil", next)
	}
}

func TestWithOptRecvNextInfoOffNoNextIsReported(t *testing.T) {
	server := twoQueued(t, false)
	first, next := readData(t, server)
	if string(first.Data) != "first" || next != nil {
		t.Fatalf("first message %q, next %+v; want \"first\", nil", first.Data, next)
	}
}
