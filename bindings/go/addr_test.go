package sctpx

import (
	"context"
	"net"
	"syscall"
	"testing"
	"unsafe"
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

// putSockaddr writes what the kernel reads: the layout of the syscall
// package's own description of Linux's sockaddr_in6 and sockaddr_in, port in
// network byte order; getSockaddr reads the same back.
func TestSockaddrsAreLaidOutAsTheKernelReadsThem(t *testing.T) {
	var s sockaddr
	n, err := putSockaddr(&s.ss, afInet6, net.IPAddr{IP: net.ParseIP("fe80::1"), Zone: "7"}, 0x1234)
	if err != nil || n != syscall.SizeofSockaddrInet6 {
		t.Fatalf("putSockaddr(IPv6) = %d, %v", n, err)
	}
	raw6 := (*syscall.RawSockaddrInet6)(unsafe.Pointer(&s.ss))
	port := (*[2]byte)(unsafe.Pointer(&raw6.Port))
	if raw6.Family != syscall.AF_INET6 || *port != [2]byte{0x12, 0x34} || raw6.Scope_id != 7 ||
		!net.IP(raw6.Addr[:]).Equal(net.ParseIP("fe80::1")) {
		t.Errorf("sockaddr_in6 holds %+v", *raw6)
	}
	ip, p, ok := getSockaddr(&s.ss)
	if scope, err := zoneIndex(ip.Zone); !ok || p != 0x1234 || !ip.IP.Equal(net.ParseIP("fe80::1")) || err != nil || scope != 7 {
		t.Errorf("getSockaddr(IPv6) = %v, %d, %v", ip, p, ok)
	}

	n, err = putSockaddr(&s.ss, afInet, net.IPAddr{IP: net.ParseIP("10.1.2.3")}, 80)
	if err != nil || n != syscall.SizeofSockaddrInet4 {
		t.Fatalf("putSockaddr(IPv4) = %d, %v", n, err)
	}
	raw4 := (*syscall.RawSockaddrInet4)(unsafe.Pointer(&s.ss))
	port = (*[2]byte)(unsafe.Pointer(&raw4.Port))
	if raw4.Family != syscall.AF_INET || *port != [2]byte{0, 80} || raw4.Addr != [4]byte{10, 1, 2, 3} {
		t.Errorf("sockaddr_in holds %+v", *raw4)
	}
	if ip, p, ok := getSockaddr(&s.ss); !ok || p != 80 || !ip.IP.Equal(net.ParseIP("10.1.2.3")) {
		t.Errorf("getSockaddr(IPv4) = %v, %d, %v", ip, p, ok)
	}
}
