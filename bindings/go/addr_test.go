package sctpx

import (
	"context"
	"net"
	"testing"
)

var bgCtx = context.Background()

func TestResolveAddrSplitsMultiHomedHostsOnSlash(t *testing.T) {
	a := mustAddr(t, "sctp", "10.77.1.1/10.77.2.1:5000")
	if a.Port != 5000 || len(a.IPAddrs) != 2 {
		t.Fatalf("got %+v", a)
	}
	if !a.IPAddrs[0].IP.Equal(net.ParseIP("10.77.1.1")) || !a.IPAddrs[1].IP.Equal(net.ParseIP("10.77.2.1")) {
		t.Fatalf("got %v", a.IPAddrs)
	}
}

func TestAddrStringIsWhatResolveAddrParses(t *testing.T) {
	for _, s := range []string{"10.77.1.1/10.77.2.1:5000", "[fd77:1::1/fd77:2::1]:7", ":9", "127.0.0.1:0"} {
		a := mustAddr(t, "sctp", s)
		if a.String() != s {
			t.Errorf("ResolveAddr(%q).String() = %q", s, a.String())
		}
	}
}

func TestResolveAddrRejectsUnknownNetworksAndFamilyMismatches(t *testing.T) {
	if _, err := ResolveAddr("tcp", "127.0.0.1:1"); err == nil {
		t.Error(`network "tcp" accepted`)
	}
	if _, err := socketFamily("sctp4", mustAddr(t, "sctp", "[::1]:1")); err == nil {
		t.Error("an IPv6 address accepted for sctp4")
	}
	if _, err := ResolveAddr("sctp", "127.0.0.1:70000"); err == nil {
		t.Error("port 70000 accepted")
	}
}

func TestSocketFamilyIsIPv4OnlyForAllIPv4Addresses(t *testing.T) {
	cases := []struct {
		network, addr string
		want          family
	}{
		{"sctp", "127.0.0.1:1", afInet},
		{"sctp", "[127.0.0.1/::1]:1", afInet6},
		{"sctp", ":1", afInet6},
		{"sctp4", ":1", afInet},
		{"sctp6", "[::1]:1", afInet6},
	}
	for _, c := range cases {
		a, err := ResolveAddr("sctp", c.addr)
		if err != nil {
			t.Fatal(err)
		}
		got, err := socketFamily(c.network, a)
		if err != nil || got != c.want {
			t.Errorf("socketFamily(%s, %s) = %v, %v; want %v", c.network, c.addr, got, err, c.want)
		}
	}
}
