package sctpx

import (
	"errors"
	"fmt"
	"net"
	"testing"
	"time"
)

// The tests run against real kernel SCTP in an emulated VM (make test), where
// everything is slow: waits are generous, and every blocking call has a
// deadline so that a failure fails instead of hanging.
const waitLimit = 20 * time.Second

// closer is what closeLater manages: every socket type of the package.
type closer interface {
	Close() error
	SetDeadline(time.Time) error
}

// closeLater closes s after the test and bounds its blocking calls.
func closeLater[T closer](t *testing.T, s T) T {
	t.Cleanup(func() { s.Close() })
	s.SetDeadline(time.Now().Add(waitLimit))
	return s
}

// listen is a one-to-one listener, closed after the test.
func listen(t *testing.T, address string, lc ListenConfig) *Listener {
	t.Helper()
	l, err := (&lc).Listen(bgCtx, "sctp", address)
	if err != nil {
		t.Fatalf("Listen(%q): %v", address, err)
	}
	return closeLater(t, l)
}

// dial connects to l's port on host, closed after the test.
func dial(t *testing.T, host string, l *Listener, d Dialer) *Conn {
	t.Helper()
	return dialAddr(t, fmt.Sprintf("%s:%d", host, portOf(l.Addr())), d)
}

// dialAddr dials address, closed after the test.
func dialAddr(t *testing.T, address string, d Dialer) *Conn {
	t.Helper()
	c, err := d.Dial("sctp", address)
	if err != nil {
		t.Fatalf("Dial(%q): %v", address, err)
	}
	return closeLater(t, c)
}

// accept takes the next association from l, closed after the test.
func accept(t *testing.T, l *Listener) *Conn {
	t.Helper()
	c, err := l.AcceptSCTP()
	if err != nil {
		t.Fatalf("Accept: %v", err)
	}
	return closeLater(t, c)
}

// pair is a connected one-to-one pair over 127.0.0.1.
func pair(t *testing.T) (client, server *Conn) {
	t.Helper()
	l := listen(t, "127.0.0.1:0", ListenConfig{})
	client = dial(t, "127.0.0.1", l, Dialer{})
	return client, accept(t, l)
}

// oneToMany is a one-to-many socket listening on 127.0.0.1, closed after the
// test, subscribed to kinds.
func oneToMany(t *testing.T, kinds ...EventKind) *OneToManyConn {
	t.Helper()
	c := listenOneToMany(t, "127.0.0.1:0")
	subscribe(t, c, kinds...)
	return c
}

func listenOneToMany(t *testing.T, address string) *OneToManyConn {
	t.Helper()
	c, err := ListenOneToMany("sctp4", address)
	if err != nil {
		t.Fatalf("ListenOneToMany(%q): %v", address, err)
	}
	return closeLater(t, c)
}

// unboundOneToMany is an unbound IPv4 one-to-many socket, closed after the
// test, subscribed to kinds.
func unboundOneToMany(t *testing.T, kinds ...EventKind) *OneToManyConn {
	t.Helper()
	c, err := OpenOneToMany("sctp4", nil)
	if err != nil {
		t.Fatalf("OpenOneToMany: %v", err)
	}
	subscribe(t, closeLater(t, c), kinds...)
	return c
}

func subscribe(t *testing.T, s interface{ Subscribe(EventKind, bool) error }, kinds ...EventKind) {
	t.Helper()
	for _, k := range kinds {
		if err := s.Subscribe(k, true); err != nil {
			t.Fatalf("Subscribe(%v): %v", k, err)
		}
	}
}

type eventReader interface {
	ReadEvent([]byte) (Event, error)
}

// waitEvent reads events until one of type T satisfies match (nil: any),
// failing after 50 others or an error.
func waitEvent[T Event](t *testing.T, r eventReader, buf []byte, match func(T) bool) T {
	t.Helper()
	for i := 0; i < 50; i++ {
		ev, err := r.ReadEvent(buf)
		if err != nil {
			var zero T
			t.Fatalf("ReadEvent while waiting for %T: %v", zero, err)
		}
		if e, ok := ev.(T); ok && (match == nil || match(e)) {
			return e
		}
	}
	var zero T
	t.Fatalf("no %T among 50 events", zero)
	return zero
}

func portOf(a net.Addr) int { return a.(*Addr).Port }

// mustAddr resolves an address the test spells out.
func mustAddr(t *testing.T, network, address string) *Addr {
	t.Helper()
	a, err := ResolveAddr(network, address)
	if err != nil {
		t.Fatalf("ResolveAddr(%q): %v", address, err)
	}
	return a
}

// sctpError is the *Error inside err, failing the test when there is none.
func sctpError(t *testing.T, err error) *Error {
	t.Helper()
	var e *Error
	if !errors.As(err, &e) {
		t.Fatalf("%v (%T) holds no *sctpx.Error", err, err)
	}
	return e
}
