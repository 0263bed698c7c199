package sctpx

import (
	"bufio"
	"errors"
	"fmt"
	"os"
	"strconv"
	"strings"
	"sync"
	"sync/atomic"
	"syscall"
	"testing"
	"time"
)

// osThreads is the process's OS thread count (Threads: in /proc/self/status).
func osThreads() (int, error) {
	f, err := os.Open("/proc/self/status")
	if err != nil {
		return 0, err
	}
	defer f.Close()
	sc := bufio.NewScanner(f)
	for sc.Scan() {
		if v := strings.TrimPrefix(sc.Text(), "Threads:"); v != sc.Text() {
			return strconv.Atoi(strings.TrimSpace(v))
		}
	}
	return 0, errors.New("no Threads: line in /proc/self/status")
}

// ensureFileLimit raises RLIMIT_NOFILE to at least n descriptors.
func ensureFileLimit(t *testing.T, n uint64) {
	var lim syscall.Rlimit
	if err := syscall.Getrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatal(err)
	}
	if lim.Cur >= n {
		return
	}
	if lim.Max < n {
		lim.Max = n // needs CAP_SYS_RESOURCE: the test VM runs as root
	}
	lim.Cur = n
	if err := syscall.Setrlimit(syscall.RLIMIT_NOFILE, &lim); err != nil {
		t.Fatalf("raising RLIMIT_NOFILE to %d: %v", n, err)
	}
}

// The point of the runtime poller: 1 000 associations, each with a goroutine
// blocked in Read on both ends, must not cost an OS thread per blocked read.
func TestThousandConcurrentConnectionsRunOnFewOSThreads(t *testing.T) {
	const n = 1000
	// Every socket is two descriptors (the library's and the poller's duplicate).
	ensureFileLimit(t, 4*n+256)
	l := listen(t, "127.0.0.1:0", ListenConfig{})
	l.SetDeadline(time.Time{})

	var maxThreads int64
	stopSampling := make(chan struct{})
	sampled := make(chan struct{})
	go func() {
		defer close(sampled)
		for {
			if v, err := osThreads(); err == nil && int64(v) > atomic.LoadInt64(&maxThreads) {
				atomic.StoreInt64(&maxThreads, int64(v))
			}
			select {
			case <-stopSampling:
				return
			case <-time.After(10 * time.Millisecond):
			}
		}
	}()

	start := time.Now()
	var serverReading sync.WaitGroup // server goroutines parked in Read
	serverReading.Add(n)
	var serversDone sync.WaitGroup
	serversDone.Add(n)
	acceptErr := make(chan error, 1)
	go func() {
		for i := 0; i < n; i++ {
			c, err := l.AcceptSCTP()
			if err != nil {
				acceptErr <- err
				return
			}
			go func() {
				// Echo one message, then wait for the peer to close.
				defer serversDone.Done()
				defer c.Close()
				c.SetDeadline(time.Now().Add(4 * waitLimit))
				buf := make([]byte, 64)
				serverReading.Done()
				m, err := c.Read(buf)
				if err != nil {
					t.Errorf("server Read: %v", err)
					return
				}
				c.Write(buf[:m])
				c.Read(buf)
			}()
		}
	}()

	clients := make([]*Conn, n)
	var dialed, clientsReading, clientsDone sync.WaitGroup
	dialed.Add(n)
	clientsReading.Add(n)
	clientsDone.Add(n)
	address := l.Addr().String()
	// At most 16 set-ups at a time. Each is a few C calls, and the runtime
	// gives a goroutine that stays long in C (usrsctp does its packet work in
	// the caller, under its locks) a thread of its own, kept idle afterwards:
	// a thousand dials at once would count those threads, not the reads.
	dialing := make(chan struct{}, 16)
	for i := 0; i < n; i++ {
		go func(i int) {
			defer clientsDone.Done()
			dialing <- struct{}{}
			c, err := (&Dialer{Timeout: 4 * waitLimit}).Dial("sctp", address)
			<-dialing
			if err != nil {
				t.Errorf("Dial %d: %v", i, err)
				dialed.Done()
				clientsReading.Done()
				return
			}
			defer c.Close()
			c.SetDeadline(time.Now().Add(4 * waitLimit))
			clients[i] = c
			dialed.Done()
			// Parked until the main goroutine writes: the server echoes.
			buf := make([]byte, 64)
			clientsReading.Done()
			m, err := c.Read(buf)
			if want := fmt.Sprint(i); err != nil || string(buf[:m]) != want {
				t.Errorf("client %d read %q, %v; want %q", i, buf[:m], err, want)
			}
		}(i)
	}
	dialed.Wait()
	if t.Failed() {
		t.FailNow()
	}
	serverReading.Wait()
	clientsReading.Wait()
	time.Sleep(200 * time.Millisecond) // let the last readers park
	parked, err := osThreads()
	if err != nil {
		t.Fatal(err)
	}
	setup := time.Since(start)

	for i, c := range clients {
		if _, err := c.Write([]byte(fmt.Sprint(i))); err != nil {
			t.Fatalf("client %d Write: %v", i, err)
		}
	}
	clientsDone.Wait()
	serversDone.Wait()
	close(stopSampling)
	<-sampled
	select {
	case err := <-acceptErr:
		t.Fatalf("Accept: %v", err)
	default:
	}
	peak := int(atomic.LoadInt64(&maxThreads))
	t.Logf("%d associations: %d OS threads with %d reads parked, at most %d during the test; set up in %v, all echoed in %v",
		n, parked, 2*n, peak, setup.Round(time.Millisecond), time.Since(start).Round(time.Millisecond))
	if parked >= 100 || peak >= 100 {
		t.Fatalf("%d OS threads with %d blocked reads (peak %d): reads are holding threads", parked, 2*n, peak)
	}
}
