// Package sctpx is the Go binding of libsctpx, one binding layer over Linux
// kernel SCTP shared by C, Python, Go and Rust.
//
// Every call goes through the C API of include/sctpx.h (cgo, linked with
// `pkg-config sctpx`); the package adds no protocol logic of its own. What it
// adds is Go's I/O model: every socket is non-blocking (SCTPX_OPT_NONBLOCK)
// and every wait goes through the runtime's network poller, so deadlines work
// (os.ErrDeadlineExceeded) and a goroutine blocked in Read, Accept or
// ReadEvent holds no OS thread.
//
// One-to-one (SOCK_STREAM) sockets: Dial and Listen return *Conn and
// *Listener, which implement net.Conn and net.Listener. Each Read returns at
// most one message; a message longer than the buffer comes in pieces over
// several Reads. ReadMsg and WriteMsg carry the per-message metadata (stream,
// PPID, flags, context, partial-reliability policy).
//
// One-to-many (SOCK_SEQPACKET) sockets: ListenOneToMany and OpenOneToMany
// return *OneToManyConn, with Send/SendTo (by association id or address),
// ReadEvent (data and the 13 notification kinds as typed Events) and PeelOff.
//
// Multi-homing: an *Addr holds one port and several IP addresses
// ("10.0.0.1/10.0.1.1:5000"); Dial, Listen, Bindx and Connectx take them, and
// LocalAddrs/PeerAddrs list an association's addresses.
//
// Per-association calls (options, status, addresses, keys, streams) are
// methods of Association, which takes no association id: Conn.Association
// returns a Conn's, OneToManyConn.Association(id) one of a one-to-many
// socket's. Every integer option has a typed getter and setter named as
// package net names its own (NoDelay/SetNoDelay, ReadBuffer/SetReadBuffer).
//
// Names follow the C header: SCTPX_OPT_NODELAY is OptNodelay,
// SCTPX_EVENT_SENDER_DRY is EventSenderDry, sctpx_peeloff is PeelOff.
// Notifications are off until subscribed (Subscribe), as in the kernel.
package sctpx
