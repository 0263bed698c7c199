package sctpx

import (
	"errors"
	"io"
	"math"
	"net"
	"reflect"
	"strconv"
	"strings"
	"testing"
	"time"
)

// Values the C API cannot take are refused before any C call. The typed API
// rules most out (an AssocID is an int32, a stream a uint16, a PPID a
// uint32, exactly the C types); what is left is a Go int or time.Duration
// where C takes a narrower type, and nil.

// wideIntegers lists, for the exported socket types, every method parameter
// and every field of a struct they take (reached through pointers, slices
// and structs) whose type is wider than 32 bits: the values a C conversion
// could wrap. Keys are "Method#index" and "Type.Field".
func wideIntegers() map[string]bool {
	found := map[string]bool{}
	seen := map[reflect.Type]bool{}
	var walk func(t reflect.Type)
	walk = func(t reflect.Type) {
		for t.Kind() == reflect.Pointer || t.Kind() == reflect.Slice {
			t = t.Elem()
		}
		if t.Kind() != reflect.Struct || seen[t] {
			return
		}
		seen[t] = true
		for i := 0; i < t.NumField(); i++ {
			f := t.Field(i)
			if !f.IsExported() || f.Type.Kind() == reflect.Func {
				continue
			}
			if isWide(f.Type) {
				found[t.Name()+"."+f.Name] = true
			}
			walk(f.Type)
		}
	}
	for _, v := range []interface{}{&Conn{}, &OneToManyConn{}, Association{}, &Listener{}, &Dialer{}, &ListenConfig{}} {
		rt := reflect.TypeOf(v)
		walk(rt)
		for m := 0; m < rt.NumMethod(); m++ {
			method := rt.Method(m)
			for i := 1; i < method.Type.NumIn(); i++ { // 0 is the receiver
				in := method.Type.In(i)
				if isWide(in) {
					found[method.Name+"#"+strconv.Itoa(i-1)] = true
				}
				walk(in)
			}
		}
	}
	return found
}

func isWide(t reflect.Type) bool {
	switch t.Kind() {
	case reflect.Int, reflect.Int64, reflect.Uint, reflect.Uint64, reflect.Uintptr:
		return true
	}
	return false
}

// checkedWideIntegers says, for each wide integer, why it cannot wrap on its
// way to C: the test below that shows it refused, or the C type that holds it.
var checkedWideIntegers = map[string]string{
	"Addr.Port":                 "TestAPortOutsideUint16IsRefused",
	"ListenConfig.Backlog":      "TestABacklogOutsideInt32IsRefusedBeforeAnySocketOpens",
	"Dialer.Timeout":            "never reaches C: a deadline of the runtime's poller",
	"RTOInfo.Initial":           "TestADurationThatIsNoUint32MillisecondsIsRefusedAndChangesNothing",
	"RTOInfo.Max":               "TestADurationThatIsNoUint32MillisecondsIsRefusedAndChangesNothing",
	"RTOInfo.Min":               "TestADurationThatIsNoUint32MillisecondsIsRefusedAndChangesNothing",
	"AssocParams.CookieLife":    "TestADurationThatIsNoUint32MillisecondsIsRefusedAndChangesNothing",
	"SackInfo.Delay":            "TestADurationThatIsNoUint32MillisecondsIsRefusedAndChangesNothing",
	"PeerAddrParams.HBInterval": "TestADurationThatIsNoUint32MillisecondsIsRefusedAndChangesNothing",
	"PeerAddrParams.SackDelay":  "TestADurationThatIsNoUint32MillisecondsIsRefusedAndChangesNothing",
	"SetOption#2":               "int64_t in C, whose range checks it",
	"SetOption#1":               "Association.SetOption: int64_t in C, whose range checks it",
	"SetReadBuffer#0":           "an int64_t option value in C, whose range checks it",
	"SetWriteBuffer#0":          "an int64_t option value in C, whose range checks it",
	"SetLinger#0":               "an int64_t option value in C, whose range checks it",
	"RecvBatch#1":               "TestRecvBatchRefusesAStrideThatFitsNoEventAndConsumesNothing",
	"Message.N":                 "never reaches C: ReadBatch sets it from the C length",
	"SetPeerAddrUDPPort#2":      "TestAPeerAddrUDPPortOutsideUint16IsRefusedBeforeC",
	"SetPeerAddrUDPPort#1":      "Association.SetPeerAddrUDPPort: TestAPeerAddrUDPPortOutsideUint16IsRefusedBeforeC",
	// The typed option setters (option_methods.go): the value goes to C as
	// an int64_t, whose range for the option checks it.
	"SetFragmentInterleave#0":   "an int64_t option value in C, whose range checks it",
	"SetPartialDeliveryPoint#0": "an int64_t option value in C, whose range checks it",
	"SetMaxSeg#0":               "an int64_t option value in C, whose range checks it",
	"SetMaxBurst#0":             "an int64_t option value in C, whose range checks it",
	"SetStreamReset#0":          "an int64_t option value in C, whose range checks it",
	"SetUDPRemotePort#0":        "an int64_t option value in C, whose range checks it",
	"SetStreamScheduler#0":      "an int64_t option value in C, whose range checks it",
	"SetExposePFState#0":        "an int64_t option value in C, whose range checks it",
	"SetAutoClose#0":            "TestAutoCloseTakesWholeSeconds",
	"SetPLPMTUDProbeInterval#0": "a whole count of milliseconds (as SetAutoClose's seconds), an int64_t whose range C checks",
}

func TestEveryIntegerWiderThan32BitsInTheAPIIsAccountedFor(t *testing.T) {
	found := wideIntegers()
	if len(found) < 15 {
		t.Fatalf("the walk found %d wide integers, fewer than the 15 there were when written: %v", len(found), found)
	}
	for k := range found {
		if checkedWideIntegers[k] == "" {
			t.Errorf("%s is wider than 32 bits and nothing says how it is checked before C", k)
		}
	}
	for k := range checkedWideIntegers {
		if !found[k] {
			t.Errorf("%s is listed as checked but the API no longer has it", k)
		}
	}
}

// portAbove returns the port 65536 above l's: what uint16(port) made it.
func portAbove(l net.Addr) int { return portOf(l) + 65536 }

func loopbackAddr(port int) *Addr {
	return &Addr{IPAddrs: []net.IPAddr{{IP: net.IPv4(127, 0, 0, 1)}}, Port: port}
}

func wantAddrError(t *testing.T, what string, err error) {
	t.Helper()
	var ae *net.AddrError
	if !errors.As(err, &ae) {
		t.Fatalf("%s = %v; want a *net.AddrError", what, err)
	}
}

func TestAPeerAddrUDPPortOutsideUint16IsRefusedBeforeC(t *testing.T) {
	client := unboundOneToMany(t)
	for _, port := range []int{-1, 65536, 1 << 32} {
		err := client.Association(0).SetPeerAddrUDPPort(loopbackAddr(9), port)
		if !errors.Is(err, ErrInvalidArgument) {
			t.Fatalf("SetPeerAddrUDPPort(port %d) = %v, want ErrInvalidArgument", port, err)
		}
	}
}

func TestAPortOutsideUint16IsRefused(t *testing.T) {
	server := oneToMany(t)
	wrapped := portAbove(server.LocalAddr()) // would wrap to the server's port
	for _, port := range []int{-1, 65536, wrapped} {
		if l, err := (&ListenConfig{}).ListenAddr(bgCtx, "sctp4", loopbackAddr(port)); err == nil {
			l.Close()
			t.Fatalf("ListenAddr on port %d succeeded", port)
		} else {
			wantAddrError(t, "ListenAddr", err)
		}
		if c, err := (&Dialer{Timeout: waitLimit}).DialAddr(bgCtx, "sctp4", loopbackAddr(port)); err == nil {
			c.Close()
			t.Fatalf("DialAddr to port %d succeeded (the server's port is %d)", port, portOf(server.LocalAddr()))
		} else {
			wantAddrError(t, "DialAddr", err)
		}
	}
	client := unboundOneToMany(t)
	_, err := client.SendTo([]byte("wrapped"), loopbackAddr(wrapped), nil)
	wantAddrError(t, "SendTo", err)
	_, err = client.Connectx(loopbackAddr(wrapped))
	wantAddrError(t, "Connectx", err)
	_, err = client.SendBatch([]SendMsg{{Data: []byte("wrapped"), To: loopbackAddr(wrapped)}})
	wantAddrError(t, "SendBatch", err)
	// Nothing reached the server: the first message it reads is the next one.
	if _, err := client.SendTo([]byte("first"), loopbackAddr(portOf(server.LocalAddr())), nil); err != nil {
		t.Fatalf("SendTo: %v", err)
	}
	if d := waitEvent[*DataEvent](t, server, make([]byte, 64), nil); string(d.Data) != "first" {
		t.Fatalf("the server read %q first; want \"first\"", d.Data)
	}
}

func TestANilAddressIsRefusedNotAPanic(t *testing.T) {
	c := unboundOneToMany(t)
	client, _ := pair(t)
	calls := map[string]func() error{
		"SendTo":         func() error { _, err := c.SendTo([]byte("x"), nil, nil); return err },
		"WriteTo":        func() error { _, err := c.WriteTo([]byte("x"), (*Addr)(nil)); return err },
		"Connectx":       func() error { _, err := c.Connectx(nil); return err },
		"Bindx":          func() error { return c.Bindx(nil, BindxAdd) },
		"SetPrimary":     func() error { return client.Association().SetPrimary(nil) },
		"SetPeerPrimary": func() error { return client.Association().SetPeerPrimary(nil) },
		"PeerAddrInfo":   func() error { _, err := client.Association().PeerAddrInfo(nil); return err },
		"DialAddr":       func() error { _, err := (&Dialer{}).DialAddr(bgCtx, "sctp4", nil); return err },
	}
	for name, call := range calls {
		if err := call(); !errors.Is(err, errMissingAddr) {
			t.Errorf("%s(nil address) = %v; want %v", name, err, errMissingAddr)
		}
	}
}

func TestABacklogOutsideInt32IsRefusedBeforeAnySocketOpens(t *testing.T) {
	for _, backlog := range []int{-1, math.MaxInt32 + 1, 1<<32 + 1} {
		controlled := false
		lc := ListenConfig{Backlog: backlog, Control: func(*Listener) error { controlled = true; return nil }}
		l, err := lc.Listen(bgCtx, "sctp4", "127.0.0.1:0")
		if err == nil {
			l.Close()
			t.Fatalf("Listen with backlog %d succeeded", backlog)
		}
		if sctpError(t, err).Code != CodeInvalidArgument || controlled {
			t.Fatalf("Listen with backlog %d = %v, Control run: %v; want CodeInvalidArgument before any socket", backlog, err, controlled)
		}
	}
	// The largest is the kernel's to cap.
	listen(t, "127.0.0.1:0", ListenConfig{Backlog: math.MaxInt32})
}

func TestADurationThatIsNoUint32MillisecondsIsRefusedAndChangesNothing(t *testing.T) {
	s := oneToMany(t).socket
	bad := []time.Duration{-time.Millisecond, 500 * time.Microsecond, (1 << 32) * time.Millisecond}
	readRTO := func() (interface{}, error) { return s.assoc(0).RTOInfo() }
	readPeerAddr := func() (interface{}, error) { return s.assoc(0).PeerAddrParams(nil) }
	setters := []struct {
		field string
		set   func(time.Duration) error
		read  func() (interface{}, error)
	}{
		{"RTOInfo.Initial", func(d time.Duration) error { return s.SetRTOInfo(RTOInfo{Initial: d}) }, readRTO},
		{"RTOInfo.Max", func(d time.Duration) error { return s.SetRTOInfo(RTOInfo{Max: d}) }, readRTO},
		{"RTOInfo.Min", func(d time.Duration) error { return s.SetRTOInfo(RTOInfo{Min: d}) }, readRTO},
		{"AssocParams.CookieLife", func(d time.Duration) error { return s.SetAssocParams(AssocParams{CookieLife: d}) },
			func() (interface{}, error) { return s.assoc(0).AssocParams() }},
		{"SackInfo.Delay", func(d time.Duration) error { return s.SetDelayedSack(SackInfo{Delay: d, Freq: 2}) },
			func() (interface{}, error) { return s.assoc(0).DelayedSack() }},
		{"PeerAddrParams.HBInterval", func(d time.Duration) error { return s.SetPeerAddrParams(PeerAddrParams{HBInterval: d}) }, readPeerAddr},
		{"PeerAddrParams.SackDelay", func(d time.Duration) error { return s.SetPeerAddrParams(PeerAddrParams{SackDelay: d}) }, readPeerAddr},
	}
	for _, st := range setters {
		field := st.field
		before, err := st.read()
		if err != nil {
			t.Fatalf("%s: read: %v", field, err)
		}
		for _, d := range bad {
			err := st.set(d)
			if err == nil || sctpError(t, err).Code != CodeInvalidArgument || !strings.Contains(err.Error(), field) {
				t.Fatalf("%s = %v: %v; want CodeInvalidArgument naming the field", field, d, err)
			}
			if after, err := st.read(); err != nil || !reflect.DeepEqual(after, before) {
				t.Fatalf("%s = %v was refused but the option changed: %+v -> %+v (%v)", field, d, before, after, err)
			}
		}
	}
}

func TestRecvBatchRefusesAStrideThatFitsNoEventAndConsumesNothing(t *testing.T) {
	client, server := pair(t)
	client.Write([]byte("kept"))
	buf := make([]byte, 128)
	for _, stride := range []int{0, -1, -128, len(buf) + 1} {
		if _, err := server.RecvBatch(buf, stride); sctpError(t, err).Code != CodeInvalidArgument {
			t.Fatalf("RecvBatch(stride %d) = %v; want CodeInvalidArgument", stride, err)
		}
	}
	if _, err := server.RecvBatch(nil, 64); sctpError(t, err).Code != CodeInvalidArgument {
		t.Fatalf("RecvBatch(nil buffer) = %v; want CodeInvalidArgument", err)
	}
	if _, err := server.ReadEvent(nil); sctpError(t, err).Code != CodeInvalidArgument {
		t.Fatalf("ReadEvent(nil) = %v; want CodeInvalidArgument", err)
	}
	if _, err := server.ReadBatch([]Message{{}, {}}); sctpError(t, err).Code != CodeInvalidArgument {
		t.Fatalf("ReadBatch(no buffers) = %v; want CodeInvalidArgument", err)
	}
	if n, err := server.Read(buf); err != nil || string(buf[:n]) != "kept" {
		t.Fatalf("Read = %q, %v; want the message the refused calls left", buf[:n], err)
	}
}

// nil data is an empty message, as []byte{} is: Conn.Write sends nothing
// (the io.Writer convention), and the calls that send a message send an
// empty one, which SCTP has only as a SendEOF or SendAbort on a one-to-many
// socket (the kernel refuses any other).

func TestWriteOfNilSendsNothing(t *testing.T) {
	client, server := pair(t)
	if n, err := client.Write(nil); n != 0 || err != nil {
		t.Fatalf("Write(nil) = %d, %v; want 0, nil", n, err)
	}
	client.Write([]byte("first"))
	buf := make([]byte, 16)
	if n, err := server.Read(buf); err != nil || string(buf[:n]) != "first" {
		t.Fatalf("Read = %q, %v; want \"first\"", buf[:n], err)
	}
}

func TestAnEmptyMessageWithoutEOFIsRefusedAndSendsNothing(t *testing.T) {
	client, server := pair(t)
	if _, err := client.WriteMsg(nil, &SendInfo{PPID: 1}); err == nil {
		t.Fatal("WriteMsg(nil) succeeded; SCTP has no empty data message")
	}
	client.Write([]byte("first"))
	buf := make([]byte, 16)
	if n, err := server.Read(buf); err != nil || string(buf[:n]) != "first" {
		t.Fatalf("Read = %q, %v; want \"first\"", buf[:n], err)
	}
}

func TestNilDataWithSendEOFShutsAnAssociationOfAOneToManySocketDown(t *testing.T) {
	server := oneToMany(t, EventAssocChange)
	client := dialAddr(t, "127.0.0.1:"+strconv.Itoa(portOf(server.LocalAddr())), Dialer{})
	up := waitEvent(t, server, make([]byte, 256), func(e *AssocChangeEvent) bool { return e.State == CommUp })
	if _, err := server.Send(nil, &SendInfo{AssocID: up.AssocID, Flags: SendEOF}); err != nil {
		t.Fatalf("Send(nil, SendEOF): %v", err)
	}
	if n, err := client.Read(make([]byte, 16)); err != io.EOF {
		t.Fatalf("the peer's Read = %d, %v; want io.EOF", n, err)
	}
}
