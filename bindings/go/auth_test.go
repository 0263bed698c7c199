package sctpx

import (
	"bytes"
	"encoding/binary"
	"errors"
	"os"
	"syscall"
	"testing"
	"time"
)

// SCTP-AUTH and the raw option calls on kernel SCTP, seen in what the peer
// receives. Every socket turns AUTH on itself (OptAuthSupported): nothing
// here needs or changes the sysctl net.sctp.auth_enable.

const chunkData = 0 // chunk type DATA (RFC 9260 section 3.2)

// authSetup turns AUTH on, requires DATA authenticated and sends with key 1;
// the socket retransmits every 200 ms or less, for long.
func authSetup(s interface {
	SetAuthSupported(bool) error
	AddAuthChunk(uint8) error
	Association() Association
	SetNoDelay(bool) error
}, key string) error {
	a := s.Association()
	for _, err := range []error{
		s.SetAuthSupported(true),
		s.AddAuthChunk(chunkData),
		a.SetAuthKey(1, []byte(key)),
		a.SetActiveAuthKey(1),
		a.SetRTOInfo(RTOInfo{Initial: 100 * time.Millisecond, Max: 200 * time.Millisecond, Min: 100 * time.Millisecond}),
		a.SetAssocParams(AssocParams{MaxRetrans: 200}),
		s.SetNoDelay(true),
	} {
		if err != nil {
			return err
		}
	}
	return nil
}

// authPair is a connected one-to-one pair, each side with its own key 1.
func authPair(t *testing.T, clientKey, serverKey string) (client, server *Conn) {
	t.Helper()
	l := listen(t, "127.0.0.1:0", ListenConfig{Control: func(l *Listener) error { return authSetup(l, serverKey) }})
	client = dial(t, "127.0.0.1", l, Dialer{Control: func(c *Conn) error { return authSetup(c, clientKey) }})
	return client, accept(t, l)
}

// readWithin reads the next message within d: its bytes, or nil on timeout.
func readWithin(t *testing.T, c *Conn, d time.Duration) []byte {
	t.Helper()
	c.SetReadDeadline(time.Now().Add(d))
	defer c.SetReadDeadline(time.Now().Add(waitLimit))
	buf := make([]byte, 256)
	n, err := c.Read(buf)
	if errors.Is(err, os.ErrDeadlineExceeded) {
		return nil
	}
	if err != nil {
		t.Fatalf("Read: %v", err)
	}
	return buf[:n]
}

func TestMatchingAuthKeysCarryData(t *testing.T) {
	client, server := authPair(t, "shared", "shared")
	if _, err := client.Write([]byte("authenticated")); err != nil {
		t.Fatal(err)
	}
	if got := readWithin(t, server, waitLimit); string(got) != "authenticated" {
		t.Fatalf("got %q", got)
	}
}

func TestAnAuthKeyMismatchDoesNotDeliverUntilTheKeyMatches(t *testing.T) {
	client, server := authPair(t, "client's", "server's")
	if _, err := client.Write([]byte("forged")); err != nil {
		t.Fatal(err)
	}
	if got := readWithin(t, server, 2*time.Second); got != nil {
		t.Fatalf("delivered %q despite the wrong key", got)
	}
	if err := client.Association().SetAuthKey(1, []byte("server's")); err != nil {
		t.Fatal(err)
	}
	if got := readWithin(t, server, waitLimit); string(got) != "forged" {
		t.Fatalf("after the key matched: got %q", got)
	}
}

func TestAuthKeyRotationGivesNewKeyThenFreeKey(t *testing.T) {
	client, server := authPair(t, "one", "one")
	subscribe(t, server, EventAuthentication)
	subscribe(t, client, EventAuthentication)
	for _, err := range []error{client.Association().SetAuthKey(2, []byte("two")), server.Association().SetAuthKey(2, []byte("two")),
		client.Association().SetActiveAuthKey(2)} {
		if err != nil {
			t.Fatal(err)
		}
	}
	if k, err := client.Association().ActiveAuthKey(); err != nil || k != 2 {
		t.Fatalf("ActiveAuthKey = %d, %v; want 2", k, err)
	}
	if _, err := client.Write([]byte("under key 2")); err != nil {
		t.Fatal(err)
	}
	if a := waitEvent[*AuthenticationEvent](t, server, make([]byte, 256), nil); a.Indication != AuthNewKey || a.KeyNumber != 2 {
		t.Fatalf("server: indication %d key %d, want AuthNewKey for 2", a.Indication, a.KeyNumber)
	}
	if err := client.Association().DeactivateAuthKey(1); err != nil {
		t.Fatal(err)
	}
	if a := waitEvent[*AuthenticationEvent](t, client, make([]byte, 256), nil); a.Indication != AuthFreeKey || a.KeyNumber != 1 {
		t.Fatalf("client: indication %d key %d, want AuthFreeKey for 1", a.Indication, a.KeyNumber)
	}
	if err := client.Association().DeleteAuthKey(1); err != nil {
		t.Fatal(err)
	}
	if err := client.Association().DeleteAuthKey(1); !errors.Is(err, syscall.EINVAL) {
		t.Fatalf("deleting key 1 twice: %v, want EINVAL", err)
	}
}

func TestEachSideReadsTheAuthChunksTheOtherRequires(t *testing.T) {
	client, server := authPair(t, "k", "k")
	if got, err := client.Association().PeerAuthChunks(); err != nil || !bytes.Equal(got, []byte{chunkData}) {
		t.Fatalf("client PeerAuthChunks = %v, %v", got, err)
	}
	if got, err := server.Association().LocalAuthChunks(); err != nil || !bytes.Equal(got, []byte{chunkData}) {
		t.Fatalf("server LocalAuthChunks = %v, %v", got, err)
	}
}

func TestHMACIdentsReadBackInTheOrderSet(t *testing.T) {
	s := unboundOneToMany(t)
	if err := s.SetAuthSupported(true); err != nil {
		t.Fatal(err)
	}
	if err := s.SetHMACIdents(HMACSHA256, HMACSHA1); err != nil {
		t.Fatal(err)
	}
	if got, err := s.HMACIdents(); err != nil || len(got) != 2 || got[0] != HMACSHA256 || got[1] != HMACSHA1 {
		t.Fatalf("HMACIdents = %v, %v", got, err)
	}
}

func TestRawSetsockoptHasItsEffectOnThePeer(t *testing.T) {
	server := oneToMany(t, EventAssocChange)
	// struct sctp_initmsg (SCTP_INITMSG = 2): 3 outbound streams, the rest left as they are
	// (little-endian, as every machine the tests run on).
	init := make([]byte, 8)
	binary.LittleEndian.PutUint16(init, 3)
	dialAddr(t, server.LocalAddr().String(), Dialer{Control: func(c *Conn) error {
		return c.SetsockoptRaw(LevelSCTP, 2, init)
	}})
	if a := waitEvent[*AssocChangeEvent](t, server, make([]byte, 256), nil); a.InboundStreams != 3 {
		t.Fatalf("inbound streams %d, want 3", a.InboundStreams)
	}
}

func TestRawGetsockoptReadsWhatATypedOptionSet(t *testing.T) {
	s := unboundOneToMany(t)
	if err := s.SetNoDelay(true); err != nil {
		t.Fatal(err)
	}
	buf := make([]byte, 4)
	if n, err := s.GetsockoptRaw(LevelSCTP, 3 /* SCTP_NODELAY */, buf); err != nil || n != 4 || binary.LittleEndian.Uint32(buf) != 1 {
		t.Fatalf("GetsockoptRaw = %d %v, %v", n, buf, err)
	}
}

func TestRawOptionsRefuseOtherLevelsAndPointerCarryingOptions(t *testing.T) {
	s := unboundOneToMany(t)
	if _, err := s.GetsockoptRaw(syscall.IPPROTO_IP, syscall.IP_TOS, make([]byte, 4)); sctpError(t, err).Code != CodeInvalidArgument {
		t.Fatalf("level IPPROTO_IP: %v", err)
	}
	if err := s.SetsockoptRaw(LevelSocket, syscall.SO_ATTACH_FILTER, make([]byte, 16)); sctpError(t, err).Code != CodeInvalidArgument {
		t.Fatalf("SO_ATTACH_FILTER (its buffer holds a pointer): %v", err)
	}
}
