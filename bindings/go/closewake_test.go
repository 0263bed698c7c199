package sctpx

import (
	"errors"
	"net"
	"os"
	"testing"
	"time"
)

// Close from another goroutine ends a blocked Accept, ReadEvent (one-to-one
// and one-to-many) and a Write on a full send buffer with net.ErrClosed, at
// once (conn_test.go's TestCloseWakesABlockedRead does Read).

// The C API promises 100 ms; the goroutine also has to be scheduled again
// (emulated CPU).
const wakeLimit = 200 * time.Millisecond

// closeWakes runs call in a goroutine until it blocks, closes with end, and
// checks that call returns net.ErrClosed within wakeLimit of end returning.
func closeWakes(t *testing.T, call func() error, end func() error) {
	t.Helper()
	type result struct {
		err error
		at  time.Time
	}
	done := make(chan result, 1)
	go func() {
		err := call()
		done <- result{err, time.Now()}
	}()
	// To get inside the call; asserted next.
	time.Sleep(50 * time.Millisecond)
	select {
	case r := <-done:
		t.Fatalf("the call returned before the close: %v", r.err)
	default:
	}
	if err := end(); err != nil {
		t.Fatalf("Close: %v", err)
	}
	closed := time.Now()
	select {
	case r := <-done:
		if !errors.Is(r.err, net.ErrClosed) {
			t.Fatalf("the call returned %v; want net.ErrClosed", r.err)
		}
		if after := r.at.Sub(closed); after > wakeLimit {
			t.Fatalf("the call returned %v after Close; want at most %v", after, wakeLimit)
		}
	case <-time.After(2 * time.Second):
		t.Fatal("the call is still blocked 2 s after Close")
	}
}

func TestCloseEndsABlockedAcceptWithErrClosed(t *testing.T) {
	l := listen(t, "127.0.0.1:0", ListenConfig{})
	l.SetDeadline(time.Time{})
	closeWakes(t, func() error { _, err := l.AcceptSCTP(); return err }, l.Close)
}

func TestCloseEndsABlockedReadEventWithErrClosed(t *testing.T) {
	_, server := pair(t)
	server.SetDeadline(time.Time{})
	closeWakes(t, func() error { _, err := server.ReadEvent(make([]byte, 64)); return err }, server.Close)
}

func TestCloseEndsABlockedOneToManyReadEventWithErrClosed(t *testing.T) {
	c := oneToMany(t)
	c.SetDeadline(time.Time{})
	closeWakes(t, func() error { _, err := c.ReadEvent(make([]byte, 64)); return err }, c.Close)
}

func TestCloseEndsAWriteBlockedOnAFullBufferWithErrClosed(t *testing.T) {
	small := func(s interface {
		SetReadBuffer(int) error
		SetWriteBuffer(int) error
	}) error {
		if err := s.SetReadBuffer(4096); err != nil {
			return err
		}
		return s.SetWriteBuffer(4096)
	}
	l := listen(t, "127.0.0.1:0", ListenConfig{Control: func(l *Listener) error { return small(l) }})
	client := dial(t, "127.0.0.1", l, Dialer{Control: func(c *Conn) error { return small(c) }})
	accept(t, l) // and never read
	fillSendBuffer(t, client)
	client.SetDeadline(time.Time{})
	closeWakes(t, func() error { _, err := client.Write(make([]byte, 1000)); return err }, client.Close)
}

// fillSendBuffer writes until nothing more fits, for good: the peer does not
// read, so once its window is closed (0 as c last heard) and nothing has been
// written for two 300 ms deadlines in a row, nothing frees space in it
// (acknowledgements of what was in flight free room for a while: delayed
// SACKs, up to 200 ms). One deadline is not enough: usrsctp polls writable
// only past a low-water mark, yet takes a message that fits below it, so the
// room a late SACK frees shows only to the next Write.
func fillSendBuffer(t *testing.T, c *Conn) {
	t.Helper()
	msg := make([]byte, 1000)
	full := 0 // deadlines in a row with nothing written and the window closed
	for start := time.Now(); time.Since(start) < 10*time.Second; {
		c.SetWriteDeadline(time.Now().Add(300 * time.Millisecond))
		_, err := c.Write(msg)
		if err == nil {
			full = 0
			continue
		}
		if !errors.Is(err, os.ErrDeadlineExceeded) {
			t.Fatalf("Write: %v", err)
		}
		st, err := c.Association().Status()
		if err != nil {
			t.Fatalf("Status: %v", err)
		}
		if st.Rwnd != 0 {
			full = 0
			continue
		}
		if full++; full == 2 {
			return
		}
	}
	t.Fatal("the send buffer never stayed full")
}
