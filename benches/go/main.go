// Command bench_go is the Go driver of `make bench` (see BENCHMARKS.md): the same loops as
// benches/c/raw.c through sctpx's Go package, printing result lines in the C driver's format.
//
//	bench_go tput|tput_m go|go_batch SIZE COUNT   throughput, one-to-one (tput) or one-to-many
//	                                              (tput_m), sender + receiver goroutine
//	bench_go rr go COUNT                   100 B request/response latency (p50 p99 mean, µs)
//	bench_go alt CASE:BLOCK[,...] ROUNDS VARIANT...  the variants alternating in blocks in this
//	                                              process, each on its own association (issue 16)
//
// Variants: go (Conn.WriteMsg/ReadMsg), go_batch (SendBatch/RecvBatch, 32), go_raw (raw.go: the
// raw C loop written with Go's syscall package, the in-process anchor for "Go ÷ raw C").
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
	"strings"
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

// loops is one variant's pair and its send(count) and recv(count) loops on it.
type loops struct {
	send  func(count int) time.Time // returns when the first send started
	recv  func(count int)
	close func()
}

func setup(variant string, many bool, size int) loops {
	if variant == "go_raw" {
		return rawSetup(many, size)
	}
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
	l := loops{close: func() { snd.Close(); rcv.Close() }}
	if variant == "go_batch" {
		msgs := make([]sctpx.SendMsg, batch)
		for i := range msgs {
			msgs[i] = sctpx.SendMsg{Data: data, Info: info}
		}
		stride := size
		if stride < 2048 {
			stride = 2048
		}
		buf := make([]byte, stride*batch)
		l.send = func(count int) time.Time {
			t0 := time.Now()
			for sent := 0; sent < count; {
				k := count - sent
				if k > batch {
					k = batch
				}
				n, err := snd.SendBatch(msgs[:k])
				check(err)
				sent += n
			}
			return t0
		}
		l.recv = func(count int) {
			for got := 0; got < count; {
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
		}
		return l
	}
	bufsize := size
	if bufsize < 65536 {
		bufsize = 65536
	}
	buf := make([]byte, bufsize)
	l.send = func(count int) time.Time {
		t0 := time.Now()
		for i := 0; i < count; i++ {
			check(sendOne())
		}
		return t0
	}
	l.recv = func(count int) {
		for got := 0; got < count; {
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
	return l
}

// block sends COUNT messages from a sender goroutine and receives them here: seconds from the
// first send to the last complete message received.
func block(l loops, count int) float64 {
	start := make(chan time.Time, 1)
	go func() { start <- l.send(count) }()
	l.recv(count)
	t1 := time.Now()
	return t1.Sub(<-start).Seconds()
}

func tput(variant string, many bool, size, count int) {
	l := setup(variant, many, size)
	defer l.close()
	mode := "tput"
	if many {
		mode = "tput_m"
	}
	fmt.Printf("%s %s %d %d %.6f\n", mode, variant, size, count, block(l, count))
}

// rrLoops is one variant's one-to-one pair for request/response: a round trip from the client,
// and one echo on the server.
type rrLoops struct {
	trip, echo func(req, buf []byte)
	close      func()
}

func rrSetup(variant string) rrLoops {
	if variant == "go_raw" {
		return rawRRSetup()
	}
	cli, srv := pair()
	info := sctpx.SendInfo{PPID: ppid}
	return rrLoops{
		trip: func(req, buf []byte) {
			_, err := cli.WriteMsg(req, &info)
			check(err)
			_, _, err = cli.ReadMsg(buf)
			check(err)
		},
		echo: func(_, buf []byte) {
			n, _, err := srv.ReadMsg(buf)
			check(err)
			_, err = srv.WriteMsg(buf[:n], &info)
			check(err)
		},
		close: func() { cli.Close(); srv.Close() },
	}
}

// rrBlock runs COUNT round trips: total seconds and the median round trip in µs.
func rrBlock(l rrLoops, count int) (float64, float64) {
	done := make(chan struct{})
	go func() {
		buf := make([]byte, 2048)
		for i := 0; i < count; i++ {
			l.echo(nil, buf)
		}
		close(done)
	}()
	req, resp := make([]byte, 100), make([]byte, 2048)
	lat := make([]float64, count)
	t0 := time.Now()
	for i := 0; i < count; i++ {
		t := time.Now()
		l.trip(req, resp)
		lat[i] = float64(time.Since(t).Nanoseconds()) / 1e3
	}
	secs := time.Since(t0).Seconds()
	<-done
	sort.Float64s(lat)
	return secs, lat[count/2]
}

// alt (issue 16): every variant on its own association, all set up before timing; ROUNDS rounds
// of one block per variant, the order rotated each round; one "B ..." line per block (as
// benches/c/raw.c's alt).
func alt(c string, count, rounds int, variants []string) {
	mode, sz, ok := strings.Cut(c, "/")
	if !ok {
		check(fmt.Errorf("CASE %q is not MODE/SIZE", c))
	}
	size := atoi(sz)
	if mode == "rr" {
		ls := make([]rrLoops, len(variants))
		for i, v := range variants {
			ls[i] = rrSetup(v)
		}
		for r := 0; r < rounds; r++ {
			for k := range variants {
				i := (k + r) % len(variants)
				secs, p50 := rrBlock(ls[i], count)
				fmt.Printf("B %s %s %d %d %.6f %.2f\n", c, variants[i], r, count, secs, p50)
			}
		}
		for _, l := range ls {
			l.close()
		}
		return
	}
	ls := make([]loops, len(variants))
	for i, v := range variants {
		ls[i] = setup(v, mode == "tput_m", size)
	}
	for r := 0; r < rounds; r++ {
		for k := range variants {
			i := (k + r) % len(variants)
			fmt.Printf("B %s %s %d %d %.6f -\n", c, variants[i], r, count, block(ls[i], count))
		}
	}
	for _, l := range ls {
		l.close()
	}
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
	case len(a) >= 5 && a[1] == "alt":
		// CASE:BLOCK[,CASE:BLOCK...]: every case in this one process.
		for _, spec := range strings.Split(a[2], ",") {
			c, blk, ok := strings.Cut(spec, ":")
			if !ok {
				check(fmt.Errorf("%q is not CASE:BLOCK", spec))
			}
			alt(c, atoi(blk), atoi(a[3]), a[4:])
		}
	case len(a) == 4 && a[1] == "rr" && a[2] == "go":
		rr(atoi(a[3]))
	default:
		fmt.Fprintln(os.Stderr, "usage: bench_go tput|tput_m go|go_batch SIZE COUNT | bench_go rr go COUNT")
		os.Exit(2)
	}
}
