package sctpx

/*
#include <netinet/in.h>
#include <sctpx.h>
*/
import "C"

import (
	"context"
	"encoding/binary"
	"net"
	"strconv"
	"strings"
	"unsafe"
)

// Addr is an SCTP endpoint: one port and one or more IP addresses (an
// SCTP endpoint is multi-homed when it has several).
//
// Its string form, which ResolveAddr parses, joins the addresses with "/":
// "10.77.1.1/10.77.2.1:5000", "[fd77:1::1/fd77:2::1]:5000", ":5000".
type Addr struct {
	IPAddrs []net.IPAddr
	Port    int
}

// Network returns "sctp".
func (a *Addr) Network() string { return "sctp" }

func (a *Addr) String() string {
	if a == nil {
		return "<nil>"
	}
	ips := make([]string, len(a.IPAddrs))
	for i := range a.IPAddrs {
		ips[i] = a.IPAddrs[i].String()
	}
	return net.JoinHostPort(strings.Join(ips, "/"), strconv.Itoa(a.Port))
}

// ResolveAddr parses "host[/host...]:port" into an *Addr. network is "sctp",
// "sctp4" or "sctp6"; a host name resolves to its first address of a
// matching family. An empty host gives an Addr without addresses (the
// wildcard, when binding).
func ResolveAddr(network, address string) (*Addr, error) {
	if _, err := familyOf(network); err != nil {
		return nil, err
	}
	host, port, err := net.SplitHostPort(address)
	if err != nil {
		return nil, err
	}
	p, err := strconv.ParseUint(port, 10, 16)
	if err != nil {
		return nil, &net.AddrError{Err: "invalid port", Addr: address}
	}
	a := &Addr{Port: int(p)}
	if host == "" {
		return a, nil
	}
	for _, h := range strings.Split(host, "/") {
		ip, err := resolveIP(network, h)
		if err != nil {
			return nil, err
		}
		a.IPAddrs = append(a.IPAddrs, ip)
	}
	return a, nil
}

func resolveIP(network, host string) (net.IPAddr, error) {
	ipOnly, zone := host, ""
	if i := strings.LastIndexByte(host, '%'); i >= 0 {
		ipOnly, zone = host[:i], host[i+1:]
	}
	if ip := net.ParseIP(ipOnly); ip != nil {
		return net.IPAddr{IP: ip, Zone: zone}, nil
	}
	ips, err := net.DefaultResolver.LookupIPAddr(context.Background(), host)
	if err != nil {
		return net.IPAddr{}, err
	}
	for _, ip := range ips {
		v4 := ip.IP.To4() != nil
		if network == "sctp" || (network == "sctp4") == v4 {
			return ip, nil
		}
	}
	return net.IPAddr{}, &net.AddrError{Err: "no suitable address found", Addr: host}
}

// family is the C API's address family of a socket (SCTPX_AF_*).
type family C.int32_t

const (
	afInet  = family(C.SCTPX_AF_INET)
	afInet6 = family(C.SCTPX_AF_INET6)
)

// familyOf checks network and gives the family it forces (0: "sctp", which
// picks by the addresses).
func familyOf(network string) (family, error) {
	switch network {
	case "sctp":
		return 0, nil
	case "sctp4":
		return afInet, nil
	case "sctp6":
		return afInet6, nil
	}
	return 0, net.UnknownNetworkError(network)
}

// socketFamily picks the socket's family for network and the addresses it
// will bind or connect to: IPv4 when they are all IPv4 (or there are none and
// network is "sctp4"), IPv6 otherwise (dual-stack unless network is "sctp6").
func socketFamily(network string, addrs ...*Addr) (family, error) {
	f, err := familyOf(network)
	if err != nil {
		return 0, err
	}
	anyV4, anyV6 := false, false
	for _, a := range addrs {
		if a == nil {
			continue
		}
		for _, ip := range a.IPAddrs {
			if ip.IP.To4() != nil {
				anyV4 = true
			} else {
				anyV6 = true
			}
		}
	}
	switch {
	case f == afInet && anyV6, f == afInet6 && anyV4:
		return 0, &net.AddrError{Err: "address family does not match network " + network}
	case f != 0:
		return f, nil
	case anyV4 && !anyV6:
		return afInet, nil
	}
	return afInet6, nil
}

// wildcard is the any-address of family f.
func wildcard(f family) net.IPAddr {
	if f == afInet {
		return net.IPAddr{IP: net.IPv4zero}
	}
	return net.IPAddr{IP: net.IPv6unspecified}
}

// putSockaddr writes ip:port into ss as a sockaddr_in (f == afInet) or
// sockaddr_in6 (IPv4 addresses v4-mapped) and returns its length.
func putSockaddr(ss *C.struct_sockaddr_storage, f family, ip net.IPAddr, port int) (C.socklen_t, error) {
	if port < 0 || port > 0xFFFF {
		// uint16(port) would make 70000 port 4464.
		return 0, &net.AddrError{Err: "invalid port", Addr: strconv.Itoa(port)}
	}
	*ss = C.struct_sockaddr_storage{}
	if f == afInet {
		v4 := ip.IP.To4()
		if v4 == nil {
			return 0, &net.AddrError{Err: "IPv6 address on an IPv4 socket", Addr: ip.String()}
		}
		sin := (*C.struct_sockaddr_in)(unsafe.Pointer(ss))
		sin.sin_family = C.AF_INET
		putPort(&sin.sin_port, port)
		copy((*[4]byte)(unsafe.Pointer(&sin.sin_addr))[:], v4)
		return C.sizeof_struct_sockaddr_in, nil
	}
	v6 := ip.IP.To16()
	if v6 == nil {
		return 0, &net.AddrError{Err: "invalid IP address", Addr: ip.String()}
	}
	sin6 := (*C.struct_sockaddr_in6)(unsafe.Pointer(ss))
	sin6.sin6_family = C.AF_INET6
	putPort(&sin6.sin6_port, port)
	copy((*[16]byte)(unsafe.Pointer(&sin6.sin6_addr))[:], v6)
	if ip.Zone != "" {
		scope, err := zoneIndex(ip.Zone)
		if err != nil {
			return 0, err
		}
		sin6.sin6_scope_id = C.uint32_t(scope)
	}
	return C.sizeof_struct_sockaddr_in6, nil
}

// putPort and getPort: a sockaddr's port is in network byte order.
func putPort(p *C.in_port_t, port int) {
	binary.BigEndian.PutUint16((*[2]byte)(unsafe.Pointer(p))[:], uint16(port))
}

func getPort(p *C.in_port_t) int {
	return int(binary.BigEndian.Uint16((*[2]byte)(unsafe.Pointer(p))[:]))
}

func zoneIndex(zone string) (uint32, error) {
	if n, err := strconv.ParseUint(zone, 10, 32); err == nil {
		return uint32(n), nil
	}
	ifi, err := net.InterfaceByName(zone)
	if err != nil {
		return 0, err
	}
	return uint32(ifi.Index), nil
}

// getSockaddr reads an IPv4 or IPv6 address out of ss (nil for any other
// family, such as AF_UNSPEC for "none").
func getSockaddr(ss *C.struct_sockaddr_storage) (net.IPAddr, int, bool) {
	switch ss.ss_family {
	case C.AF_INET:
		sin := (*C.struct_sockaddr_in)(unsafe.Pointer(ss))
		b := (*[4]byte)(unsafe.Pointer(&sin.sin_addr))
		return net.IPAddr{IP: net.IPv4(b[0], b[1], b[2], b[3])}, getPort(&sin.sin_port), true
	case C.AF_INET6:
		sin6 := (*C.struct_sockaddr_in6)(unsafe.Pointer(ss))
		ip := make(net.IP, net.IPv6len)
		copy(ip, (*[16]byte)(unsafe.Pointer(&sin6.sin6_addr))[:])
		a := net.IPAddr{IP: ip}
		if scope := uint32(sin6.sin6_scope_id); scope != 0 {
			a.Zone = strconv.FormatUint(uint64(scope), 10)
			if ifi, err := net.InterfaceByIndex(int(scope)); err == nil {
				a.Zone = ifi.Name
			}
		}
		return a, getPort(&sin6.sin6_port), true
	}
	return net.IPAddr{}, 0, false
}

// addrOf turns one sockaddr_storage into an *Addr (nil when it holds none).
func addrOf(ss *C.struct_sockaddr_storage) *Addr {
	ip, port, ok := getSockaddr(ss)
	if !ok {
		return nil
	}
	return &Addr{IPAddrs: []net.IPAddr{ip}, Port: port}
}

// addrList turns a list of sockaddr_storage (one port) into one *Addr.
func addrList(list []C.struct_sockaddr_storage) *Addr {
	a := &Addr{}
	for i := range list {
		if ip, port, ok := getSockaddr(&list[i]); ok {
			a.IPAddrs = append(a.IPAddrs, ip)
			a.Port = port
		}
	}
	return a
}

// storageList writes a's addresses (the wildcard when it has none) for
// sctpx_bindx/sctpx_connectx.
func storageList(f family, a *Addr) ([]C.struct_sockaddr_storage, error) {
	if a == nil {
		return nil, errMissingAddr
	}
	ips := a.IPAddrs
	if len(ips) == 0 {
		ips = []net.IPAddr{wildcard(f)}
	}
	list := make([]C.struct_sockaddr_storage, len(ips))
	for i, ip := range ips {
		if _, err := putSockaddr(&list[i], f, ip, a.Port); err != nil {
			return nil, err
		}
	}
	return list, nil
}

// sockaddr is one address ready for the C API's (struct sockaddr*, len)
// arguments.
type sockaddr struct {
	ss  C.struct_sockaddr_storage
	len C.socklen_t
}

func (s *sockaddr) ptr() *C.struct_sockaddr { return (*C.struct_sockaddr)(unsafe.Pointer(&s.ss)) }

// firstSockaddr is a's first address (or the wildcard) as a sockaddr.
func firstSockaddr(f family, a *Addr) (*sockaddr, error) {
	if a == nil {
		return nil, errMissingAddr
	}
	ip := wildcard(f)
	if len(a.IPAddrs) > 0 {
		ip = a.IPAddrs[0]
	}
	s := &sockaddr{}
	var err error
	s.len, err = putSockaddr(&s.ss, f, ip, a.Port)
	return s, err
}

// errMissingAddr is what a call given a nil address returns (as the net
// package's).
var errMissingAddr = &net.AddrError{Err: "missing address"}

// asAddr accepts the net.Addr forms a caller may pass: *Addr, or anything
// whose String() ResolveAddr parses.
func asAddr(a net.Addr) (*Addr, error) {
	switch v := a.(type) {
	case *Addr:
		return v, nil
	case nil:
		return nil, errMissingAddr
	}
	return ResolveAddr("sctp", a.String())
}

var _ net.Addr = (*Addr)(nil)
