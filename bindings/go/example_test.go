package sctpx_test

// Examples for go doc. Those that open sockets need kernel SCTP (or the
// userspace backend): they compile everywhere and have no Output line, so
// `go test` builds them without running them.

import (
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"time"

	sctpx "github.com/sctpx/sctpx/bindings/go"
)

// A one-to-one association used as a net.Conn: each Write is one message,
// each Read returns at most one.
func ExampleDial() {
	c, err := sctpx.Dial("sctp", "192.0.2.1:9899")
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	if err := c.SetNoDelay(true); err != nil {
		log.Fatal(err)
	}
	if _, err := c.Write([]byte("hello")); err != nil {
		log.Fatal(err)
	}
	buf := make([]byte, 1500)
	n, err := c.Read(buf)
	if err == io.EOF {
		return // the peer shut the association down
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Printf("%s\n", buf[:n])
}

// A server echoing every message on the stream and with the PPID it came
// with.
func ExampleListen() {
	l, err := sctpx.Listen("sctp", ":9899")
	if err != nil {
		log.Fatal(err)
	}
	defer l.Close()
	for {
		c, err := l.AcceptSCTP()
		if err != nil {
			log.Fatal(err)
		}
		go func(c *sctpx.Conn) {
			defer c.Close()
			buf := make([]byte, 64<<10)
			for {
				n, info, err := c.ReadMsg(buf)
				if err != nil {
					return // io.EOF at the end of the association
				}
				reply := sctpx.SendInfo{Stream: info.Stream, PPID: info.PPID}
				if _, err := c.WriteMsg(buf[:n], &reply); err != nil {
					return
				}
			}
		}(c)
	}
}

// Errors match the package's sentinels with errors.Is, through the
// *net.OpError every call of a connection wraps them in.
func ExampleErrInvalidArgument() {
	var err error = &net.OpError{Op: "set", Net: "sctp", Err: sctpx.ErrInvalidArgument}
	fmt.Println(errors.Is(err, sctpx.ErrInvalidArgument), errors.Is(err, sctpx.ErrNotSupported))
	var oe *net.OpError
	fmt.Println(errors.As(err, &oe), oe.Op)
	// Output:
	// true false
	// true set
}

// Reading an integer option: the association id, which one-to-one sockets
// ignore, may be left out.
func ExampleConn_Option() {
	c, err := sctpx.Dial("sctp", "192.0.2.1:9899")
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	v, err := c.Option(sctpx.OptNodelay)
	if errors.Is(err, sctpx.ErrNotSupported) {
		return // this backend lacks the option
	}
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("SCTP_NODELAY:", v)
}

// Receiving up to 32 messages in one call, into consecutive pieces of one
// array (any buffers will do; these land without a copy).
func ExampleConn_ReadBatch() {
	c, err := sctpx.Dial("sctp", "192.0.2.1:9899")
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	const size = 1500
	arr := make([]byte, 32*size)
	ms := make([]sctpx.Message, 32)
	for i := range ms {
		ms[i].Buffer = arr[i*size : (i+1)*size]
	}
	for {
		n, err := c.ReadBatch(ms)
		if err == io.EOF {
			return
		}
		if err != nil {
			log.Fatal(err)
		}
		for _, m := range ms[:n] {
			if d, ok := m.Event.(*sctpx.DataEvent); ok {
				fmt.Printf("stream %d: %d bytes\n", d.Stream, m.N)
			}
		}
	}
}

// A one-to-many socket: many associations on one socket, each message
// tagged with its association.
func ExampleListenOneToMany() {
	c, err := sctpx.ListenOneToMany("sctp", ":9899")
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	buf := make([]byte, 64<<10)
	for {
		n, info, err := c.ReadMsg(buf)
		if err != nil {
			log.Fatal(err)
		}
		reply := sctpx.SendInfo{AssocID: info.AssocID, Stream: info.Stream}
		if _, err := c.Send(buf[:n], &reply); err != nil {
			log.Print(err)
		}
	}
}

// Socket options have a typed getter and setter each, named as in Go's net
// package.
func ExampleConn_SetNoDelay() {
	l, err := sctpx.Listen("sctp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	defer l.Close()
	c, err := sctpx.Dial("sctp", l.Addr().String())
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	if err := c.SetNoDelay(true); err != nil {
		log.Fatal(err)
	}
	on, err := c.NoDelay()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("no delay:", on)
	// Output: no delay: true
}

// What concerns one association (its timers, status, addresses, keys) is
// a method of Association; a Conn has one.
func ExampleConn_Association() {
	l, err := sctpx.Listen("sctp", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	defer l.Close()
	c, err := sctpx.Dial("sctp", l.Addr().String())
	if err != nil {
		log.Fatal(err)
	}
	defer c.Close()
	a := c.Association()
	rto := sctpx.RTOInfo{Initial: 2 * time.Second, Max: 30 * time.Second, Min: 500 * time.Millisecond}
	if err := a.SetRTOInfo(rto); err != nil {
		log.Fatal(err)
	}
	got, err := a.RTOInfo()
	if err != nil {
		log.Fatal(err)
	}
	st, err := a.Status()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println(got.Initial, got.Max, got.Min)
	fmt.Println("established:", st.State == sctpx.StateEstablished)
	// Output:
	// 2s 30s 500ms
	// established: true
}

// On a one-to-many socket, Association(id) names one of its associations
// and Association(0) the defaults of those to come.
func ExampleOneToManyConn_Association() {
	server, err := sctpx.ListenOneToMany("sctp4", "127.0.0.1:0")
	if err != nil {
		log.Fatal(err)
	}
	defer server.Close()
	client, err := sctpx.OpenOneToMany("sctp4", nil)
	if err != nil {
		log.Fatal(err)
	}
	defer client.Close()
	if err := client.Subscribe(sctpx.EventAssocChange, true); err != nil {
		log.Fatal(err)
	}
	id, err := client.Connectx(server.LocalAddr().(*sctpx.Addr))
	if err != nil {
		log.Fatal(err)
	}
	// Connectx does not wait: the association is up at COMM_UP.
	buf := make([]byte, 256)
	for {
		ev, err := client.ReadEvent(buf)
		if err != nil {
			log.Fatal(err)
		}
		if up, ok := ev.(*sctpx.AssocChangeEvent); ok && up.State == sctpx.CommUp {
			break
		}
	}
	a := client.Association(id)
	if err := a.SetMaxBurst(8); err != nil {
		log.Fatal(err)
	}
	burst, err := a.MaxBurst()
	if err != nil {
		log.Fatal(err)
	}
	peer, err := a.PeerAddrs()
	if err != nil {
		log.Fatal(err)
	}
	fmt.Println("max burst:", burst)
	fmt.Println("peer is the server:", peer.Port == server.LocalAddr().(*sctpx.Addr).Port)
	// Output:
	// max burst: 8
	// peer is the server: true
}
