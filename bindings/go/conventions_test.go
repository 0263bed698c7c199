package sctpx

// The net package's conventions (issue 15): sentinel errors, *net.OpError
// everywhere, Read and ReadMsg alike on an empty buffer, ReadBatch without a
// stride, and the per-message calls' direct path honouring deadlines.

import (
	"errors"
	"fmt"
	"io"
	"net"
	"os"
	"testing"
	"time"
)

func TestEachSentinelMatchesItsCodeAndNoOther(t *testing.T) {
	sentinels := map[int]error{
		CodeNullPointer: ErrNullPointer, CodeBadHandle: ErrBadHandle, CodeWrongKind: ErrWrongKind,
		CodeInvalidArgument: ErrInvalidArgument, CodeTimedOut: ErrTimedOut, CodeEOF: ErrEOF,
		CodePanic: ErrPanic, CodeNotSupported: ErrNotSupported, CodeBackendUnavailable: ErrBackendUnavailable,
	}
	for code := range sentinels {
		err := fmt.Errorf("wrapped: %w", sentinel(code))
		for other, s := range sentinels {
			if got := errors.Is(err, s); got != (other == code) {
				t.Errorf("errors.Is(error with code %d, sentinel of %d) = %v", code, other, got)
			}
		}
	}
}

func TestErrClosedIsNetErrClosedAndMatchesAClosedHandle(t *testing.T) {
	if ErrClosed != net.ErrClosed {
		t.Fatal("ErrClosed is not net.ErrClosed")
	}
	if err := error(sentinel(CodeClosedHandle)); !errors.Is(err, ErrClosed) {
		t.Fatalf("%v does not match ErrClosed", err)
	}
}

// opErrorOf returns err as a *net.OpError, failing the test when it is none.
func opErrorOf(t *testing.T, err error) *net.OpError {
	t.Helper()
	var oe *net.OpError
	if !errors.As(err, &oe) {
		t.Fatalf("%v (%T) is no *net.OpError", err, err)
	}
	return oe
}

func TestAFailedSetOptionIsANetOpErrorMatchingItsSentinel(t *testing.T) {
	client, _ := pair(t)
	err := client.Association().SetOption(Option(9999), 1)
	if oe := opErrorOf(t, err); oe.Op != "set" || oe.Net != "sctp" || oe.Source == nil || oe.Addr == nil {
		t.Fatalf("OpError = %+v; want Op set, Net sctp and both addresses", oe)
	}
	if !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("%v does not match ErrInvalidArgument", err)
	}
}

func TestAFailedOptionReadIsANetOpError(t *testing.T) {
	client, _ := pair(t)
	_, err := client.Option(Option(9999))
	if oe := opErrorOf(t, err); oe.Op != "get" || !errors.Is(err, ErrInvalidArgument) {
		t.Fatalf("Option(9999) = %v; want a get *net.OpError matching ErrInvalidArgument", err)
	}
}

func TestOptionCallsOnAClosedConnAreNetOpErrorsMatchingErrClosed(t *testing.T) {
	client, _ := pair(t)
	client.Close()
	_, err := client.Option(OptNodelay)
	opErrorOf(t, err)
	if !errors.Is(err, ErrClosed) {
		t.Fatalf("Option after Close = %v; want ErrClosed", err)
	}
}

func TestOptionReadsWhatSetNoDelaySetAndGetOptionStillAgrees(t *testing.T) {
	client, _ := pair(t)
	if err := client.SetNoDelay(true); err != nil {
		t.Fatal(err)
	}
	v, err := client.Option(OptNodelay)
	if err != nil || v != 1 {
		t.Fatalf("Option(OptNodelay) = %d, %v; want 1", v, err)
	}
	if old, err := client.GetOption(0, OptNodelay); err != nil || old != v {
		t.Fatalf("deprecated GetOption = %d, %v; want %d", old, err, v)
	}
}

func TestReadMsgOnAnEmptyBufferReturnsZeroAndNoErrorAsReadDoes(t *testing.T) {
	client, server := pair(t)
	n, _, msgErr := server.ReadMsg(nil)
	rn, readErr := server.Read(nil)
	if n != 0 || msgErr != nil || rn != 0 || readErr != nil {
		t.Fatalf("ReadMsg(nil) = %d, %v; Read(nil) = %d, %v; want 0, nil for both", n, msgErr, rn, readErr)
	}
	// Nothing was consumed: the next message is still whole.
	client.Write([]byte("whole"))
	buf := make([]byte, 8)
	if n, _, err := server.ReadMsg(buf); err != nil || string(buf[:n]) != "whole" {
		t.Fatalf("ReadMsg = %q, %v", buf[:n], err)
	}
}

// readBatchAll reads n data messages with ReadBatch into ms (reused each
// call) and returns them as "data/ppid".
func readBatchAll(t *testing.T, c *Conn, ms []Message, n int) []string {
	t.Helper()
	var got []string
	for len(got) < n {
		k, err := c.ReadBatch(ms)
		if err != nil || k == 0 {
			t.Fatalf("ReadBatch = %d, %v", k, err)
		}
		for _, m := range ms[:k] {
			d := m.Event.(*DataEvent)
			if string(d.Data) != string(m.Buffer[:m.N]) {
				t.Fatalf("DataEvent.Data %q is not Buffer[:N] %q", d.Data, m.Buffer[:m.N])
			}
			got = append(got, fmt.Sprintf("%s/%d", d.Data, d.PPID))
		}
	}
	return got
}

func sendThree(t *testing.T, c *Conn) {
	t.Helper()
	msgs := []SendMsg{{Data: []byte("one"), Info: SendInfo{PPID: 1}}, {Data: []byte("two"), Info: SendInfo{PPID: 2}},
		{Data: []byte("three"), Info: SendInfo{PPID: 3}}}
	if n, err := c.SendBatch(msgs); err != nil || n != 3 {
		t.Fatalf("SendBatch = %d, %v", n, err)
	}
}

func TestReadBatchFillsSeparateBuffersOfDifferentSizes(t *testing.T) {
	client, server := pair(t)
	sendThree(t, client)
	ms := []Message{{Buffer: make([]byte, 64)}, {Buffer: make([]byte, 16)}, {Buffer: make([]byte, 32)}}
	if got := fmt.Sprint(readBatchAll(t, server, ms, 3)); got != "[one/1 two/2 three/3]" {
		t.Fatalf("received %v", got)
	}
}

func TestReadBatchFillsConsecutivePiecesOfOneArray(t *testing.T) {
	client, server := pair(t)
	sendThree(t, client)
	arr := make([]byte, 4*32)
	ms := make([]Message, 4)
	for i := range ms {
		ms[i].Buffer = arr[i*32 : (i+1)*32]
	}
	if got := fmt.Sprint(readBatchAll(t, server, ms, 3)); got != "[one/1 two/2 three/3]" {
		t.Fatalf("received %v", got)
	}
}

func TestReadBatchAtTheEndOfTheAssociationIsIOEOF(t *testing.T) {
	client, server := pair(t)
	client.Close()
	if n, err := server.ReadBatch([]Message{{Buffer: make([]byte, 16)}}); err != io.EOF {
		t.Fatalf("ReadBatch after the peer closed = %d, %v; want io.EOF", n, err)
	}
}

// clearDeadlines leaves c without deadlines (the per-message calls then take
// their direct path); a watchdog closes it should a call block past waitLimit.
func clearDeadlines(t *testing.T, c *Conn) {
	t.Helper()
	c.SetDeadline(time.Time{})
	timer := time.AfterFunc(waitLimit, func() { c.Close() })
	t.Cleanup(func() { timer.Stop() })
}

func TestMessagesWithoutDeadlinesArriveWhole(t *testing.T) {
	client, server := pair(t)
	if err := client.SetNoDelay(true); err != nil { // no 200 ms wait for each SACK
		t.Fatal(err)
	}
	clearDeadlines(t, client)
	clearDeadlines(t, server)
	buf := make([]byte, 16)
	for i := 0; i < 20; i++ {
		want := fmt.Sprint("message ", i)
		if _, err := client.Write([]byte(want)); err != nil {
			t.Fatal(err)
		}
		if n, err := server.Read(buf); err != nil || string(buf[:n]) != want {
			t.Fatalf("Read = %q, %v; want %q", buf[:n], err, want)
		}
	}
}

func TestAPassedReadDeadlineFailsAReadEvenWithAMessageQueued(t *testing.T) {
	client, server := pair(t)
	clearDeadlines(t, server)
	client.Write([]byte("first"))
	client.Write([]byte("queued"))
	buf := make([]byte, 16)
	if n, err := server.Read(buf); err != nil || string(buf[:n]) != "first" {
		t.Fatalf("Read = %q, %v", buf[:n], err)
	}
	server.SetReadDeadline(time.Now().Add(-time.Second))
	if _, err := server.Read(buf); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Read past the deadline = %v; want os.ErrDeadlineExceeded", err)
	}
	server.SetReadDeadline(time.Time{})
	if n, err := server.Read(buf); err != nil || string(buf[:n]) != "queued" {
		t.Fatalf("Read after clearing the deadline = %q, %v", buf[:n], err)
	}
}

func TestAPassedWriteDeadlineFailsAWrite(t *testing.T) {
	client, _ := pair(t)
	clearDeadlines(t, client)
	client.SetWriteDeadline(time.Now().Add(-time.Second))
	if _, err := client.Write([]byte("x")); !errors.Is(err, os.ErrDeadlineExceeded) {
		t.Fatalf("Write past the deadline = %v; want os.ErrDeadlineExceeded", err)
	}
}
