// Command bench_go is the Go driver of `make bench` (see BENCHMARKS.md): the same loops as
// benches/c/raw.c through sctpx's Go package, printing result lines in the C driver's format.
//
//	bench_go tput|tput_m go|go_batch SIZE COUNT   throughput, one-to-one (tput) or one-to-many
//	                                              (tput_m), sender + receiver goroutine
//	bench_go rr go COUNT                   100 B request/response latency (p50 p99 mean, µs)
//
// Settings as the C driver: NODELAY 1 and delayed SACK {delay 0, freq 1} on the listening
// socket (inherited by the accepted one) and on both connected sockets.
package main

import (
	"context"
	"fmt"
	"os"
	"sort"
	"strconv"
	"time"

	sctpx "github.com/sctpx/sctpx/bindings/go"
)

const (
	ppid  = 42
	batch = 32
)

type settable interface {
	SetNoDelay(bool) error
	SetDelayedSack(sctpx.SackInfo) error
}

func settings(s settable) {
	check(s.SetNoDelay(true))
	check(s.SetDelayedSack(sctpx.SackInfo{Freq: 1}))
}

func check(err error) {
	if err != nil {
		fmt.Fprintln(os.Stderr, "bench_go:", err)
		os.Exit(1)
	}
}

// The calls a throughput run needs, which Conn and OneToManyConn both have.
type receiver interface {
	ReadMsg(b []byte) (int, sctpx.RecvInfo, error)
	RecvBatch(buf []byte, stride int) ([]sctpx.Event, error)
	Close() error
}

type sender interface {
	SendBatch(msgs []sctpx.SendMsg) (int, error)
	Close() error
}

// manyPair returns two one-to-many sockets with one association between them and the
// client's id for it.
func manyPair() (*sctpx.OneToManyConn, *sctpx.OneToManyConn, sctpx.AssocID) {
	srv, err := sctpx.ListenOneToMany("sctp4", "127.0.0.1:0")
	check(err)
	settings(srv)
	cli, err := sctpx.OpenOneToMany("sctp4", nil)
	check(err)
	settings(cli)
	raddr, err := sctpx.ResolveAddr("sctp4", srv.LocalAddr().String())
	check(err)
	id, err := cli.Connectx(raddr)
	check(err)
	return cli, srv, id
}

// pair returns a connected one-to-one pair: the client and the accepted end.
func pair() (*sctpx.Conn, *sctpx.Conn) {
	lc := sctpx.ListenConfig{Control: func(l *sctpx.Listener) error { settings(l); return nil }}
	l, err := lc.Listen(context.Background(), "sctp4", "127.0.0.1:0")
	check(err)
	defer l.Close()
	d := sctpx.Dialer{Control: func(c *sctpx.Conn) error { settings(c); return nil }}
	c, err := d.Dial("sctp4", l.Addr().String())
	check(err)
	s, err := l.AcceptSCTP()
	check(err)
	settings(s)
	settings(c)
	return c, s
}

func tput(variant string, many bool, size, count int) {
	data := make([]byte, size)
	info := sctpx.SendInfo{PPID: ppid}
	var snd sender
	var rcv receiver
	var sendOne func() error
	if many {
		cli, srv, id := manyPair()
		info.AssocID = id
		snd, rcv = cli, srv
		sendOne = func() error { _, err := cli.Send(data, &info); return err }
	} else {
		cli, srv := pair()
		snd, rcv = cli, srv
		sendOne = func() error { _, err := cli.WriteMsg(data, &info); return err }
	}
	defer snd.Close()
	defer rcv.Close()
	start := make(chan time.Time, 1)
	go func() {
		t0 := time.Now()
		start <- t0
		if variant == "go_batch" {
			msgs := make([]sctpx.SendMsg, batch)
			for i := range msgs {
				msgs[i] = sctpx.SendMsg{Data: data, Info: info}
			}
			for sent := 0; sent < count; {
				k := count - sent
				if k > batch {
					k = batch
				}
				n, err := snd.SendBatch(msgs[:k])
				check(err)
				sent += n
			}
			return
		}
		for i := 0; i < count; i++ {
			check(sendOne())
		}
	}()
	got := 0
	if variant == "go_batch" {
		stride := size
		if stride < 2048 {
			stride = 2048
		}
		buf := make([]byte, stride*batch)
		for got < count {
			evs, err := rcv.RecvBatch(buf, stride)
			check(err)
			for _, e := range evs {
				d, ok := e.(*sctpx.DataEvent)
				if !ok || d.PPID != ppid {
					check(fmt.Errorf("unexpected event %v", e))
				}
				if d.Flags&sctpx.FlagComplete != 0 {
					got++
				}
			}
		}
	} else {
		bufsize := size
		if bufsize < 65536 {
			bufsize = 65536
		}
		buf := make([]byte, bufsize)
		for got < count {
			_, ri, err := rcv.ReadMsg(buf)
			check(err)
			if ri.PPID != ppid {
				check(fmt.Errorf("ppid %d", ri.PPID))
			}
			if ri.Flags&sctpx.FlagComplete != 0 {
				got++
			}
		}
	}
	t1 := time.Now()
	mode := "tput"
	if many {
		mode = "tput_m"
	}
	fmt.Printf("%s %s %d %d %.6f\n", mode, variant, size, count, t1.Sub(<-start).Seconds())
}

func rr(count int) {
	cli, srv := pair()
	defer cli.Close()
	defer srv.Close()
	info := sctpx.SendInfo{PPID: ppid}
	go func() {
		buf := make([]byte, 2048)
		for i := 0; i < count; i++ {
			n, _, err := srv.ReadMsg(buf)
			check(err)
			_, err = srv.WriteMsg(buf[:n], &info)
			check(err)
		}
	}()
	req, resp := make([]byte, 100), make([]byte, 2048)
	lat := make([]float64, count)
	sum := 0.0
	for i := 0; i < count; i++ {
		t := time.Now()
		_, err := cli.WriteMsg(req, &info)
		check(err)
		_, _, err = cli.ReadMsg(resp)
		check(err)
		lat[i] = float64(time.Since(t).Nanoseconds()) / 1e3
		sum += lat[i]
	}
	sort.Float64s(lat)
	fmt.Printf("rr go %d %.2f %.2f %.2f\n", count, lat[count/2], lat[int(float64(count)*0.99)], sum/float64(count))
}

func atoi(s string) int {
	n, err := strconv.Atoi(s)
	check(err)
	return n
}

func main() {
	a := os.Args
	switch {
	case len(a) == 5 && (a[1] == "tput" || a[1] == "tput_m") && (a[2] == "go" || a[2] == "go_batch"):
		tput(a[2], a[1] == "tput_m", atoi(a[3]), atoi(a[4]))
	case len(a) == 4 && a[1] == "rr" && a[2] == "go":
		rr(atoi(a[3]))
	default:
		fmt.Fprintln(os.Stderr, "usage: bench_go tput|tput_m go|go_batch SIZE COUNT | bench_go rr go COUNT")
		os.Exit(2)
	}
}
