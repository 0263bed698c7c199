package sctpx

import "testing"

// Values outside the range sctpx.h documents for an option are
// CodeInvalidArgument and leave the option as it was: the C library checks
// them, the binding passes the int64 through.

func TestLingerOf2To31IsInvalidArgumentAndLingerStaysOff(t *testing.T) {
	client, _ := pair(t)
	// struct linger holds an int: 1<<31 seconds used to read back as -1752346657.
	if err := client.Association().SetOption(OptLinger, 1<<31); sctpError(t, err).Code != CodeInvalidArgument {
		t.Fatalf("SetOption(OptLinger, 1<<31) = %v; want CodeInvalidArgument", err)
	}
	if err := client.SetLinger(1 << 31); sctpError(t, err).Code != CodeInvalidArgument {
		t.Fatalf("SetLinger(1<<31) = %v; want CodeInvalidArgument", err)
	}
	if v, err := client.Option(OptLinger); err != nil || v != -1 {
		t.Fatalf("OptLinger = %d, %v; want -1 (off)", v, err)
	}
}

func TestAutocloseOfMinus1IsInvalidArgumentAndAutocloseStays0(t *testing.T) {
	c := oneToMany(t)
	// The kernel would take -1 as 4294967295 seconds and lower it to net.sctp.max_autoclose.
	if err := c.Association(0).SetOption(OptAutoclose, -1); sctpError(t, err).Code != CodeInvalidArgument {
		t.Fatalf("SetOption(OptAutoclose, -1) = %v; want CodeInvalidArgument", err)
	}
	if v, err := c.Option(OptAutoclose); err != nil || v != 0 {
		t.Fatalf("OptAutoclose = %d, %v; want 0", v, err)
	}
}
