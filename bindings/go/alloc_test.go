//go:build !race

// The race detector's sync.Pool drops pooled objects on purpose, so these
// counts only hold in a plain build: the race build leaves this file out.

package sctpx

import "testing"

// quickPair is pair with NODELAY on the sender: without it each small
// message waits for the SACK of the one before (200 ms delayed SACK).
func quickPair(t *testing.T) (client, server *Conn) {
	cli, srv := pair(t)
	if err := cli.SetNoDelay(true); err != nil {
		t.Fatal(err)
	}
	return cli, srv
}

// allocsPerMessage runs one message through f 200 times (after a warm-up
// run) and returns the heap allocations per run.
func allocsPerMessage(t *testing.T, f func() error) float64 {
	t.Helper()
	return testing.AllocsPerRun(200, func() {
		if err := f(); err != nil {
			t.Fatal(err)
		}
	})
}

func TestWriteMsgAllocatesNothing(t *testing.T) {
	cli, srv := quickPair(t)
	data, buf := make([]byte, 100), make([]byte, 2048)
	info := SendInfo{Stream: 1, PPID: 42}
	n := allocsPerMessage(t, func() error {
		if _, err := cli.WriteMsg(data, &info); err != nil {
			return err
		}
		_, err := srv.Read(buf) // keeps the queue short; Read is measured below
		return err
	})
	if n != 0 {
		t.Fatalf("WriteMsg + Read: %.1f allocations per message, want 0", n)
	}
}

func TestReadMsgAllocatesNothingForMessagesFromOneAddress(t *testing.T) {
	cli, srv := quickPair(t)
	data, buf := make([]byte, 100), make([]byte, 2048)
	info := SendInfo{PPID: 42}
	var from *Addr
	n := allocsPerMessage(t, func() error {
		if _, err := cli.WriteMsg(data, &info); err != nil {
			return err
		}
		_, ri, err := srv.ReadMsg(buf)
		if from != nil && ri.From != from {
			t.Errorf("From decoded again for the same address: %v", ri.From)
		}
		from = ri.From
		return err
	})
	if n != 0 {
		t.Fatalf("WriteMsg + ReadMsg: %.1f allocations per message, want 0", n)
	}
	if from == nil || from.Port != portOf(cli.LocalAddr()) {
		t.Fatalf("From = %v, want the client's address %v", from, cli.LocalAddr())
	}
}

func TestWriteAndReadAllocateNothing(t *testing.T) {
	cli, srv := quickPair(t)
	data, buf := make([]byte, 100), make([]byte, 2048)
	n := allocsPerMessage(t, func() error {
		if _, err := cli.Write(data); err != nil {
			return err
		}
		_, err := srv.Read(buf)
		return err
	})
	if n != 0 {
		t.Fatalf("Write + Read: %.1f allocations per message, want 0", n)
	}
}

// Without deadlines the calls take their direct path (no poller on a send
// that finds room or a read that finds data): it must allocate nothing too.
func TestWriteAndReadWithoutDeadlinesAllocateNothing(t *testing.T) {
	cli, srv := quickPair(t)
	clearDeadlines(t, cli)
	clearDeadlines(t, srv)
	data, buf := make([]byte, 100), make([]byte, 2048)
	info := SendInfo{PPID: 42}
	n := allocsPerMessage(t, func() error {
		if _, err := cli.WriteMsg(data, &info); err != nil {
			return err
		}
		_, _, err := srv.ReadMsg(buf)
		return err
	})
	if n != 0 {
		t.Fatalf("WriteMsg + ReadMsg without deadlines: %.1f allocations per message, want 0", n)
	}
}
