package sctpx

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/exec"
	"strings"
	"syscall"
	"testing"
)

// The userspace stack is one per process and keeps its first local UDP port
// for good, so the tests that start it (or set its ports) each run in a
// fresh copy of this test binary (inChild), on a local UDP port nothing else
// uses. The child drops root first, as tests/c/codes.c does: run as root,
// usrsctp also opens raw SCTP sockets, which in the VM would see the kernel
// SCTP traffic of the other tests. They need libusrsctp.so.2 (a dependency
// of the test harness): without it they fail. The other tests ask the
// library only, in this process, and hold on any machine.

// childEnv names the child mode a copy of this binary runs (see TestMain).
const childEnv = "SCTPX_GO_TEST_CHILD"

// childModes: what a child does, printing its results to stdout.
var childModes = map[string]func() error{
	"default-backend": func() error {
		b, err := DefaultBackend()
		fmt.Println(b)
		return err
	},
	"udp-ports": func() error {
		local, err := UDPPort()
		remote, err2 := UDPRemotePort()
		fmt.Println(local, remote)
		return errors.Join(err, err2)
	},
	"default-backend-set": func() error {
		if err := SetUDPPort(freeUDPPort()); err != nil {
			return err
		}
		if err := SetDefaultBackend(BackendUserspace); err != nil {
			return err
		}
		c, err := OpenOneToMany("sctp4", nil)
		if err != nil {
			return err
		}
		defer c.Close()
		b, err := c.Backend()
		fmt.Println(b)
		return err
	},
	"port-busy": func() error {
		port := freeUDPPort()
		if err := SetUDPPort(port); err != nil {
			return err
		}
		c, err := OpenOneToManyWith(BackendUserspace, "sctp4", nil)
		if err != nil {
			return err
		}
		defer c.Close()
		err = SetUDPPort(port%65535 + 1)
		fmt.Println(errors.Is(err, syscall.EBUSY))
		return nil
	},
	"remote-port-option": func() error {
		if err := SetUDPPort(freeUDPPort()); err != nil {
			return err
		}
		if err := SetUDPRemotePort(5252); err != nil {
			return err
		}
		c, err := OpenOneToManyWith(BackendUserspace, "sctp4", nil)
		if err != nil {
			return err
		}
		defer c.Close()
		first, err := c.UDPRemotePort()
		if err != nil {
			return err
		}
		if err := c.SetUDPRemotePort(6000); err != nil {
			return err
		}
		then, err := c.UDPRemotePort()
		fmt.Println(first, then)
		return err
	},
	"exchange": func() error {
		// One stack: a socket reaches another of this process only through
		// the stack's own port, so the exchange shows both ports were taken.
		port := freeUDPPort()
		if err := errors.Join(SetUDPPort(port), SetUDPRemotePort(port)); err != nil {
			return err
		}
		lc := ListenConfig{Backend: BackendUserspace}
		l, err := lc.Listen(bgCtx, "sctp4", "127.0.0.1:0")
		if err != nil {
			return err
		}
		defer l.Close()
		d := Dialer{Backend: BackendUserspace, Timeout: waitLimit}
		c, err := d.Dial("sctp4", fmt.Sprintf("127.0.0.1:%d", portOf(l.Addr())))
		if err != nil {
			return err
		}
		defer c.Close()
		s, err := l.AcceptSCTP()
		if err != nil {
			return err
		}
		defer s.Close()
		if _, err := c.Write([]byte("over-udp")); err != nil {
			return err
		}
		buf := make([]byte, 64)
		n, err := s.Read(buf)
		if err != nil {
			return err
		}
		b, err := s.Backend()
		fmt.Println(string(buf[:n]), b)
		return err
	},
}

func TestMain(m *testing.M) {
	if mode := os.Getenv(childEnv); mode != "" {
		if os.Geteuid() == 0 {
			if err := errors.Join(syscall.Setgid(65534), syscall.Setuid(65534)); err != nil {
				fmt.Fprintln(os.Stderr, "dropping root:", err)
				os.Exit(2)
			}
		}
		if err := childModes[mode](); err != nil {
			fmt.Fprintln(os.Stderr, mode+":", err)
			os.Exit(1)
		}
		os.Exit(0)
	}
	os.Exit(m.Run())
}

// inChild runs child mode `mode` in a fresh copy of this binary, with no
// SCTPX_* environment but env: the words it printed.
func inChild(t *testing.T, mode string, env ...string) []string {
	t.Helper()
	cmd := exec.Command(os.Args[0])
	for _, kv := range os.Environ() {
		if !strings.HasPrefix(kv, "SCTPX_") {
			cmd.Env = append(cmd.Env, kv)
		}
	}
	cmd.Env = append(append(cmd.Env, childEnv+"="+mode), env...)
	var stderr strings.Builder
	cmd.Stderr = &stderr
	out, err := cmd.Output()
	if err != nil {
		t.Fatalf("child %s: %v: %s", mode, err, stderr.String())
	}
	return strings.Fields(string(out))
}

// freeUDPPort is a local UDP port nothing uses now.
func freeUDPPort() int {
	u, err := net.ListenUDP("udp4", &net.UDPAddr{})
	if err != nil {
		panic(err)
	}
	defer u.Close()
	return u.LocalAddr().(*net.UDPAddr).Port
}

// kernelHasSCTP asks the kernel for an SCTP socket without sctpx.
func kernelHasSCTP() bool {
	fd, err := syscall.Socket(syscall.AF_INET, syscall.SOCK_SEQPACKET, syscall.IPPROTO_SCTP)
	if err != nil {
		return false
	}
	syscall.Close(fd)
	return true
}

func TestBackendKernelIsAvailableExactlyWhenTheKernelOpensSCTPSockets(t *testing.T) {
	got, err := BackendAvailable(BackendKernel)
	if err != nil || got != kernelHasSCTP() {
		t.Fatalf("BackendAvailable(BackendKernel) = %v, %v; the kernel opens SCTP sockets: %v", got, err, kernelHasSCTP())
	}
}

func TestBackendKernelGivesAKernelSocketOrBackendUnavailableAsTheKernelHasSCTP(t *testing.T) {
	c, err := OpenOneToManyWith(BackendKernel, "sctp4", nil)
	if kernelHasSCTP() {
		if err != nil {
			t.Fatalf("OpenOneToManyWith(BackendKernel): %v", err)
		}
		defer c.Close()
		if b, err := c.Backend(); b != BackendKernel || err != nil {
			t.Fatalf("Backend() = %v, %v; want kernel", b, err)
		}
	} else if !errors.Is(err, &Error{Code: CodeBackendUnavailable}) {
		t.Fatalf("OpenOneToManyWith(BackendKernel) without kernel SCTP: %v; want CodeBackendUnavailable", err)
	}
}

func TestAnUnknownBackendIsAnInvalidArgumentEverywhere(t *testing.T) {
	invalid := &Error{Code: CodeInvalidArgument}
	for _, b := range []Backend{-1, 3} {
		if _, err := BackendAvailable(b); !errors.Is(err, invalid) {
			t.Errorf("BackendAvailable(%d): %v", b, err)
		}
		if err := SetDefaultBackend(b); !errors.Is(err, invalid) {
			t.Errorf("SetDefaultBackend(%d): %v", b, err)
		}
		if _, err := OpenOneToManyWith(b, "sctp4", nil); !errors.Is(err, invalid) {
			t.Errorf("OpenOneToManyWith(%d): %v", b, err)
		}
		d := Dialer{Backend: b}
		if _, err := d.Dial("sctp4", "127.0.0.1:9"); !errors.Is(err, invalid) {
			t.Errorf("Dialer{Backend: %d}.Dial: %v", b, err)
		}
	}
}

func TestAUDPPortOutside1To65535IsAnInvalidArgumentAndChangesNothing(t *testing.T) {
	invalid := &Error{Code: CodeInvalidArgument}
	local, _ := UDPPort()
	remote, _ := UDPRemotePort()
	for _, p := range []int{0, -1, 65536, 1 << 32, 1<<32 + 9899} {
		if err := SetUDPPort(p); !errors.Is(err, invalid) {
			t.Errorf("SetUDPPort(%d): %v", p, err)
		}
		if err := SetUDPRemotePort(p); !errors.Is(err, invalid) {
			t.Errorf("SetUDPRemotePort(%d): %v", p, err)
		}
	}
	if l, _ := UDPPort(); l != local {
		t.Errorf("UDPPort() = %d after refused values; was %d", l, local)
	}
	if r, _ := UDPRemotePort(); r != remote {
		t.Errorf("UDPRemotePort() = %d after refused values; was %d", r, remote)
	}
}

func TestBackendNamesAreTheOnesSCTPXBackendTakes(t *testing.T) {
	got := fmt.Sprint(BackendAuto, BackendKernel, BackendUserspace, Backend(7))
	if got != "auto kernel userspace Backend(7)" {
		t.Fatalf("got %q", got)
	}
}

// wantChild fails t unless child mode `mode` (with env) prints want.
func wantChild(t *testing.T, want string, mode string, env ...string) {
	t.Helper()
	if got := fmt.Sprint(inChild(t, mode, env...)); got != want {
		t.Fatalf("child %s printed %s; want %s", mode, got, want)
	}
}

func TestDefaultBackendFollowsTheSCTPXBackendEnvironmentVariable(t *testing.T) {
	wantChild(t, "[userspace]", "default-backend", "SCTPX_BACKEND=userspace")
}

func TestDefaultBackendIsAutoWithoutSCTPXBackend(t *testing.T) {
	wantChild(t, "[auto]", "default-backend")
}

func TestSocketsOpenedWithoutABackendTakeTheDefaultSet(t *testing.T) {
	wantChild(t, "[userspace]", "default-backend-set")
}

func TestUDPPortsAre9899UnlessSet(t *testing.T) { wantChild(t, "[9899 9899]", "udp-ports") }

func TestUDPPortsFollowTheEnvironment(t *testing.T) {
	wantChild(t, "[4242 5151]", "udp-ports", "SCTPX_UDP_PORT=4242", "SCTPX_UDP_REMOTE_PORT=5151")
}

func TestAnotherLocalUDPPortOnceTheStackRunsIsEBUSY(t *testing.T) {
	wantChild(t, "[true]", "port-busy")
}

func TestAUserspaceSocketStartsWithTheProcessRemotePortAndTakesItsOwn(t *testing.T) {
	wantChild(t, "[5252 6000]", "remote-port-option")
}

func TestUserspaceSocketsExchangeDataThroughAChosenLocalAndRemoteUDPPort(t *testing.T) {
	wantChild(t, "[over-udp userspace]", "exchange")
}
