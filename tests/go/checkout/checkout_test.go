// A module of its own, outside the binding's tree, using github.com/sctpx/sctpx/bindings/go from
// a checkout exactly as bindings/go/README.md says (`go mod edit -require -replace`, then
// PKG_CONFIG_PATH at the checkout's build/pkgconfig): `make go` sets it up in build/go-checkout
// and builds this into build/go-tests/checkout.test. That it builds is half the check; running
// it sends one message through the module on real kernel SCTP.
package checkout

import (
	"testing"
	"time"

	sctpx "github.com/sctpx/sctpx/bindings/go"
)

func TestModuleFromACheckoutExchangesAMessage(t *testing.T) {
	l, err := sctpx.Listen("sctp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	defer l.Close()
	c, err := sctpx.Dial("sctp", l.Addr().String())
	if err != nil {
		t.Fatal(err)
	}
	defer c.Close()
	srv, err := l.Accept()
	if err != nil {
		t.Fatal(err)
	}
	defer srv.Close()

	const msg = "hello from a module outside the tree"
	if _, err := c.WriteMsg([]byte(msg), &sctpx.SendInfo{Stream: 1, PPID: 51}); err != nil {
		t.Fatal(err)
	}
	if err := srv.SetReadDeadline(time.Now().Add(10 * time.Second)); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 256)
	n, err := srv.Read(buf)
	if err != nil {
		t.Fatal(err)
	}
	if got := string(buf[:n]); got != msg {
		t.Fatalf("received %q, want %q", got, msg)
	}
}
