package sctpx

import "time"

// The typed form of each integer option: a getter named for what it reads
// and a setter with Go's net names (SetNoDelay, SetReadBuffer, ...). Options
// that belong to one association have both forms on Association as well.
// Each method's comment is its option's (see the Opt* constant for all of
// it): where that says 1, a bool method says true; seconds and milliseconds
// are time.Durations, and a setter refuses one that is not whole
// (ErrInvalidArgument) before any C call. Option and Association.SetOption
// remain for options by number.

// BEGIN generated (option-methods): tools/gen-bindings makes it from include/sctpx.h: do not edit

// NoDelay reads OptNodelay (SCTP_NODELAY): 1 disables Nagle-like bundling
// delay.
func (s *socket) NoDelay() (bool, error) {
	return s.boolOption(0, OptNodelay)
}

// SetNoDelay sets OptNodelay.
func (s *socket) SetNoDelay(on bool) error {
	return s.setBoolOption(0, OptNodelay, on)
}

// AutoClose reads OptAutoclose (SCTP_AUTOCLOSE): seconds of idle time before a
// one-to-many association is closed (0 = never).
func (c *OneToManyConn) AutoClose() (time.Duration, error) {
	return c.socket.durationOption(0, OptAutoclose, time.Second)
}

// SetAutoClose sets OptAutoclose in whole seconds.
func (c *OneToManyConn) SetAutoClose(d time.Duration) error {
	return c.socket.setDurationOption(0, OptAutoclose, d, time.Second)
}

// DisableFragments reads OptDisableFragments (SCTP_DISABLE_FRAGMENTS): 1 makes
// oversize sends fail with EMSGSIZE.
func (s *socket) DisableFragments() (bool, error) {
	return s.boolOption(0, OptDisableFragments)
}

// SetDisableFragments sets OptDisableFragments.
func (s *socket) SetDisableFragments(on bool) error {
	return s.setBoolOption(0, OptDisableFragments, on)
}

// MappedV4 reads OptMappedV4 (SCTP_I_WANT_MAPPED_V4_ADDR): 1 reports IPv4
// peers of an IPv6 socket as v4-mapped IPv6 addresses.
func (s *socket) MappedV4() (bool, error) {
	return s.boolOption(0, OptMappedV4)
}

// SetMappedV4 sets OptMappedV4.
func (s *socket) SetMappedV4(on bool) error {
	return s.setBoolOption(0, OptMappedV4, on)
}

// FragmentInterleave reads OptFragmentInterleave (SCTP_FRAGMENT_INTERLEAVE):
// partial-delivery interleave level (RFC 6458 8.1.20): 0 off, 1 across
// associations, 2 across streams as well (what I-DATA needs).
func (s *socket) FragmentInterleave() (int, error) {
	return intOption[int](s, 0, OptFragmentInterleave)
}

// SetFragmentInterleave sets OptFragmentInterleave.
func (s *socket) SetFragmentInterleave(v int) error {
	return s.setOption(0, OptFragmentInterleave, int64(v))
}

// PartialDeliveryPoint reads OptPartialDeliveryPoint
// (SCTP_PARTIAL_DELIVERY_POINT): bytes after which partial delivery starts.
func (s *socket) PartialDeliveryPoint() (int, error) {
	return intOption[int](s, 0, OptPartialDeliveryPoint)
}

// SetPartialDeliveryPoint sets OptPartialDeliveryPoint.
func (s *socket) SetPartialDeliveryPoint(v int) error {
	return s.setOption(0, OptPartialDeliveryPoint, int64(v))
}

// MaxSeg reads OptMaxseg (SCTP_MAXSEG): maximum fragment size in bytes (per
// association); 0 lets the path MTU decide. On a OneToManyConn: the default
// for associations to come.
func (s *socket) MaxSeg() (int, error) {
	return intOption[int](s, 0, OptMaxseg)
}

// SetMaxSeg sets OptMaxseg. On a OneToManyConn: the default for associations
// to come.
func (s *socket) SetMaxSeg(v int) error {
	return s.setOption(0, OptMaxseg, int64(v))
}

// MaxSeg reads OptMaxseg (SCTP_MAXSEG): maximum fragment size in bytes (per
// association); 0 lets the path MTU decide.
func (a Association) MaxSeg() (int, error) {
	return intOption[int](a.s, a.id, OptMaxseg)
}

// SetMaxSeg sets OptMaxseg.
func (a Association) SetMaxSeg(v int) error {
	return a.s.setOption(a.id, OptMaxseg, int64(v))
}

// MaxBurst reads OptMaxBurst (SCTP_MAX_BURST): maximum burst of packets (per
// association; 0: no limit). On a OneToManyConn: the default for associations
// to come.
func (s *socket) MaxBurst() (int, error) {
	return intOption[int](s, 0, OptMaxBurst)
}

// SetMaxBurst sets OptMaxBurst. On a OneToManyConn: the default for
// associations to come.
func (s *socket) SetMaxBurst(v int) error {
	return s.setOption(0, OptMaxBurst, int64(v))
}

// MaxBurst reads OptMaxBurst (SCTP_MAX_BURST): maximum burst of packets (per
// association; 0: no limit).
func (a Association) MaxBurst() (int, error) {
	return intOption[int](a.s, a.id, OptMaxBurst)
}

// SetMaxBurst sets OptMaxBurst.
func (a Association) SetMaxBurst(v int) error {
	return a.s.setOption(a.id, OptMaxBurst, int64(v))
}

// DefaultContext reads OptContext (SCTP_CONTEXT): default context for sends
// (per association). On a OneToManyConn: the default for associations to come.
func (s *socket) DefaultContext() (uint32, error) {
	return intOption[uint32](s, 0, OptContext)
}

// SetDefaultContext sets OptContext. On a OneToManyConn: the default for
// associations to come.
func (s *socket) SetDefaultContext(v uint32) error {
	return s.setOption(0, OptContext, int64(v))
}

// DefaultContext reads OptContext (SCTP_CONTEXT): default context for sends
// (per association).
func (a Association) DefaultContext() (uint32, error) {
	return intOption[uint32](a.s, a.id, OptContext)
}

// SetDefaultContext sets OptContext.
func (a Association) SetDefaultContext(v uint32) error {
	return a.s.setOption(a.id, OptContext, int64(v))
}

// AdaptationLayer reads OptAdaptationLayer (SCTP_ADAPTATION_LAYER): the
// adaptation indication sent in INIT/INIT-ACK.
func (s *socket) AdaptationLayer() (uint32, error) {
	return intOption[uint32](s, 0, OptAdaptationLayer)
}

// SetAdaptationLayer sets OptAdaptationLayer.
func (s *socket) SetAdaptationLayer(v uint32) error {
	return s.setOption(0, OptAdaptationLayer, int64(v))
}

// ReusePort reads OptReusePort (SCTP_REUSE_PORT): 1 lets several sockets bind
// the same port.
func (s *socket) ReusePort() (bool, error) {
	return s.boolOption(0, OptReusePort)
}

// SetReusePort sets OptReusePort.
func (s *socket) SetReusePort(on bool) error {
	return s.setBoolOption(0, OptReusePort, on)
}

// WriteBuffer reads OptSndbuf: SO_SNDBUF in bytes.
func (s *socket) WriteBuffer() (int, error) {
	return intOption[int](s, 0, OptSndbuf)
}

// SetWriteBuffer sets OptSndbuf.
func (s *socket) SetWriteBuffer(v int) error {
	return s.setOption(0, OptSndbuf, int64(v))
}

// ReadBuffer reads OptRcvbuf: SO_RCVBUF in bytes.
func (s *socket) ReadBuffer() (int, error) {
	return intOption[int](s, 0, OptRcvbuf)
}

// SetReadBuffer sets OptRcvbuf.
func (s *socket) SetReadBuffer(v int) error {
	return s.setOption(0, OptRcvbuf, int64(v))
}

// ReuseAddr reads OptReuseaddr (SO_REUSEADDR): 1 allows binding a port in
// TIME_WAIT-like states.
func (s *socket) ReuseAddr() (bool, error) {
	return s.boolOption(0, OptReuseaddr)
}

// SetReuseAddr sets OptReuseaddr.
func (s *socket) SetReuseAddr(on bool) error {
	return s.setBoolOption(0, OptReuseaddr, on)
}

// Linger reads OptLinger (SO_LINGER): -1 = off; N >= 0 = linger N seconds on
// close (0 aborts).
func (s *socket) Linger() (int, error) {
	return intOption[int](s, 0, OptLinger)
}

// V6Only reads OptV6only (IPV6_V6ONLY): 1 makes an IPv6 socket refuse IPv4
// peers.
func (s *socket) V6Only() (bool, error) {
	return s.boolOption(0, OptV6only)
}

// SetV6Only sets OptV6only.
func (s *socket) SetV6Only(on bool) error {
	return s.setBoolOption(0, OptV6only, on)
}

// StreamReset reads OptEnableStreamReset (SCTP_ENABLE_STREAM_RESET): bit set
// of SCTPX_ENABLE_RESET_* (per assoc). On a OneToManyConn: the default for
// associations to come.
func (s *socket) StreamReset() (int, error) {
	return intOption[int](s, 0, OptEnableStreamReset)
}

// SetStreamReset sets OptEnableStreamReset. On a OneToManyConn: the default
// for associations to come.
func (s *socket) SetStreamReset(v int) error {
	return s.setOption(0, OptEnableStreamReset, int64(v))
}

// StreamReset reads OptEnableStreamReset (SCTP_ENABLE_STREAM_RESET): bit set
// of SCTPX_ENABLE_RESET_* (per assoc).
func (a Association) StreamReset() (int, error) {
	return intOption[int](a.s, a.id, OptEnableStreamReset)
}

// SetStreamReset sets OptEnableStreamReset.
func (a Association) SetStreamReset(v int) error {
	return a.s.setOption(a.id, OptEnableStreamReset, int64(v))
}

// ReconfigSupported reads OptReconfigSupported (SCTP_RECONFIG_SUPPORTED): 1
// offers stream reconfiguration to new peers. For the peers to come.
func (s *socket) ReconfigSupported() (bool, error) {
	return s.boolOption(0, OptReconfigSupported)
}

// SetReconfigSupported sets OptReconfigSupported. For the peers to come.
func (s *socket) SetReconfigSupported(on bool) error {
	return s.setBoolOption(0, OptReconfigSupported, on)
}

// ReconfigSupported reads OptReconfigSupported (SCTP_RECONFIG_SUPPORTED): 1
// offers stream reconfiguration to new peers. On an association: whether its
// peer agreed.
func (a Association) ReconfigSupported() (bool, error) {
	return a.s.boolOption(a.id, OptReconfigSupported)
}

// PRSupported reads OptPrSupported (SCTP_PR_SUPPORTED): 1 offers partial
// reliability to new peers. For the peers to come.
func (s *socket) PRSupported() (bool, error) {
	return s.boolOption(0, OptPrSupported)
}

// SetPRSupported sets OptPrSupported. For the peers to come.
func (s *socket) SetPRSupported(on bool) error {
	return s.setBoolOption(0, OptPrSupported, on)
}

// PRSupported reads OptPrSupported (SCTP_PR_SUPPORTED): 1 offers partial
// reliability to new peers. On an association: whether its peer agreed.
func (a Association) PRSupported() (bool, error) {
	return a.s.boolOption(a.id, OptPrSupported)
}

// RecvFrom reads OptRecvFrom: sctpx's own option, not the kernel's: 1 (the
// default) data events carry their source address in `from`; 0 they do not
// (`from_len` 0), and each receive saves the kernel's copy of it.
func (s *socket) RecvFrom() (bool, error) {
	return s.boolOption(0, OptRecvFrom)
}

// SetRecvFrom sets OptRecvFrom.
func (s *socket) SetRecvFrom(on bool) error {
	return s.setBoolOption(0, OptRecvFrom, on)
}

// UDPRemotePort reads OptUdpRemotePort (SCTP_REMOTE_UDP_ENCAPS_PORT): the UDP
// port the peer receives SCTP over UDP on (RFC 6951), per association (0 = the
// socket's default for new associations). On a OneToManyConn: the default for
// associations to come.
func (s *socket) UDPRemotePort() (int, error) {
	return intOption[int](s, 0, OptUdpRemotePort)
}

// SetUDPRemotePort sets OptUdpRemotePort. On a OneToManyConn: the default for
// associations to come.
func (s *socket) SetUDPRemotePort(v int) error {
	return s.setOption(0, OptUdpRemotePort, int64(v))
}

// UDPRemotePort reads OptUdpRemotePort (SCTP_REMOTE_UDP_ENCAPS_PORT): the UDP
// port the peer receives SCTP over UDP on (RFC 6951), per association (0 = the
// socket's default for new associations).
func (a Association) UDPRemotePort() (int, error) {
	return intOption[int](a.s, a.id, OptUdpRemotePort)
}

// SetUDPRemotePort sets OptUdpRemotePort.
func (a Association) SetUDPRemotePort(v int) error {
	return a.s.setOption(a.id, OptUdpRemotePort, int64(v))
}

// StreamScheduler reads OptStreamScheduler (SCTP_STREAM_SCHEDULER):
// SCTPX_SCHED_* (per association; new associations take the socket's). On a
// OneToManyConn: the default for associations to come.
func (s *socket) StreamScheduler() (int, error) {
	return intOption[int](s, 0, OptStreamScheduler)
}

// SetStreamScheduler sets OptStreamScheduler. On a OneToManyConn: the default
// for associations to come.
func (s *socket) SetStreamScheduler(v int) error {
	return s.setOption(0, OptStreamScheduler, int64(v))
}

// StreamScheduler reads OptStreamScheduler (SCTP_STREAM_SCHEDULER):
// SCTPX_SCHED_* (per association; new associations take the socket's).
func (a Association) StreamScheduler() (int, error) {
	return intOption[int](a.s, a.id, OptStreamScheduler)
}

// SetStreamScheduler sets OptStreamScheduler.
func (a Association) SetStreamScheduler(v int) error {
	return a.s.setOption(a.id, OptStreamScheduler, int64(v))
}

// InterleavingSupported reads OptInterleavingSupported
// (SCTP_INTERLEAVING_SUPPORTED): 1 offers I-DATA (RFC 8260, message
// interleaving) to new peers; an association reads 1 when both sides use it.
// For the peers to come.
func (s *socket) InterleavingSupported() (bool, error) {
	return s.boolOption(0, OptInterleavingSupported)
}

// SetInterleavingSupported sets OptInterleavingSupported. For the peers to
// come.
func (s *socket) SetInterleavingSupported(on bool) error {
	return s.setBoolOption(0, OptInterleavingSupported, on)
}

// InterleavingSupported reads OptInterleavingSupported
// (SCTP_INTERLEAVING_SUPPORTED): 1 offers I-DATA (RFC 8260, message
// interleaving) to new peers; an association reads 1 when both sides use it.
// On an association: whether its peer agreed.
func (a Association) InterleavingSupported() (bool, error) {
	return a.s.boolOption(a.id, OptInterleavingSupported)
}

// ASCONFSupported reads OptAsconfSupported (SCTP_ASCONF_SUPPORTED): 1 offers
// dynamic address reconfiguration (ASCONF, RFC 5061) to new peers; the default
// is the sysctl net.sctp.addip_enable. For the peers to come.
func (s *socket) ASCONFSupported() (bool, error) {
	return s.boolOption(0, OptAsconfSupported)
}

// SetASCONFSupported sets OptAsconfSupported. For the peers to come.
func (s *socket) SetASCONFSupported(on bool) error {
	return s.setBoolOption(0, OptAsconfSupported, on)
}

// ASCONFSupported reads OptAsconfSupported (SCTP_ASCONF_SUPPORTED): 1 offers
// dynamic address reconfiguration (ASCONF, RFC 5061) to new peers; the default
// is the sysctl net.sctp.addip_enable. On an association: whether its peer
// agreed.
func (a Association) ASCONFSupported() (bool, error) {
	return a.s.boolOption(a.id, OptAsconfSupported)
}

// AutoASCONF reads OptAutoAsconf (SCTP_AUTO_ASCONF): 1 makes the kernel
// announce (ASCONF) the host's addresses as they come and go, to every
// association of a socket bound to the wildcard address; the default is the
// sysctl net.sctp.default_auto_asconf.
func (s *socket) AutoASCONF() (bool, error) {
	return s.boolOption(0, OptAutoAsconf)
}

// SetAutoASCONF sets OptAutoAsconf.
func (s *socket) SetAutoASCONF(on bool) error {
	return s.setBoolOption(0, OptAutoAsconf, on)
}

// ECNSupported reads OptEcnSupported (SCTP_ECN_SUPPORTED): 1 offers explicit
// congestion notification to new peers; the default is the sysctl
// net.sctp.ecn_enable. For the peers to come.
func (s *socket) ECNSupported() (bool, error) {
	return s.boolOption(0, OptEcnSupported)
}

// SetECNSupported sets OptEcnSupported. For the peers to come.
func (s *socket) SetECNSupported(on bool) error {
	return s.setBoolOption(0, OptEcnSupported, on)
}

// ECNSupported reads OptEcnSupported (SCTP_ECN_SUPPORTED): 1 offers explicit
// congestion notification to new peers; the default is the sysctl
// net.sctp.ecn_enable. On an association: whether its peer agreed.
func (a Association) ECNSupported() (bool, error) {
	return a.s.boolOption(a.id, OptEcnSupported)
}

// PLPMTUDProbeInterval reads OptPlpmtudProbeInterval
// (SCTP_PLPMTUD_PROBE_INTERVAL): milliseconds between packetization-layer path
// MTU probes (RFC 8899) of every path of the association (0: the socket's, for
// new ones); 0 turns probing off. On a OneToManyConn: the default for
// associations to come.
func (s *socket) PLPMTUDProbeInterval() (time.Duration, error) {
	return s.durationOption(0, OptPlpmtudProbeInterval, time.Millisecond)
}

// SetPLPMTUDProbeInterval sets OptPlpmtudProbeInterval in whole milliseconds.
// On a OneToManyConn: the default for associations to come.
func (s *socket) SetPLPMTUDProbeInterval(d time.Duration) error {
	return s.setDurationOption(0, OptPlpmtudProbeInterval, d, time.Millisecond)
}

// PLPMTUDProbeInterval reads OptPlpmtudProbeInterval
// (SCTP_PLPMTUD_PROBE_INTERVAL): milliseconds between packetization-layer path
// MTU probes (RFC 8899) of every path of the association (0: the socket's, for
// new ones); 0 turns probing off.
func (a Association) PLPMTUDProbeInterval() (time.Duration, error) {
	return a.s.durationOption(a.id, OptPlpmtudProbeInterval, time.Millisecond)
}

// SetPLPMTUDProbeInterval sets OptPlpmtudProbeInterval in whole milliseconds.
func (a Association) SetPLPMTUDProbeInterval(d time.Duration) error {
	return a.s.setDurationOption(a.id, OptPlpmtudProbeInterval, d, time.Millisecond)
}

// AuthSupported reads OptAuthSupported (SCTP_AUTH_SUPPORTED): 1 turns SCTP-
// AUTH (RFC 4895) on for this socket and offers it to new peers; the sysctl
// net.sctp.auth_enable is only the default. For the peers to come.
func (s *socket) AuthSupported() (bool, error) {
	return s.boolOption(0, OptAuthSupported)
}

// SetAuthSupported sets OptAuthSupported. For the peers to come.
func (s *socket) SetAuthSupported(on bool) error {
	return s.setBoolOption(0, OptAuthSupported, on)
}

// AuthSupported reads OptAuthSupported (SCTP_AUTH_SUPPORTED): 1 turns SCTP-
// AUTH (RFC 4895) on for this socket and offers it to new peers; the sysctl
// net.sctp.auth_enable is only the default. On an association: whether its
// peer agreed.
func (a Association) AuthSupported() (bool, error) {
	return a.s.boolOption(a.id, OptAuthSupported)
}

// ExposePFState reads OptExposePfState: SCTP_EXPOSE_POTENTIALLY_FAILED_STATE
// (per association): whether a path entering the potentially-failed state is
// shown. On a OneToManyConn: the default for associations to come.
func (s *socket) ExposePFState() (int, error) {
	return intOption[int](s, 0, OptExposePfState)
}

// SetExposePFState sets OptExposePfState. On a OneToManyConn: the default for
// associations to come.
func (s *socket) SetExposePFState(v int) error {
	return s.setOption(0, OptExposePfState, int64(v))
}

// ExposePFState reads OptExposePfState: SCTP_EXPOSE_POTENTIALLY_FAILED_STATE
// (per association): whether a path entering the potentially-failed state is
// shown.
func (a Association) ExposePFState() (int, error) {
	return intOption[int](a.s, a.id, OptExposePfState)
}

// SetExposePFState sets OptExposePfState.
func (a Association) SetExposePFState(v int) error {
	return a.s.setOption(a.id, OptExposePfState, int64(v))
}

// RecvNextInfo reads OptRecvNextInfo (SCTP_RECVNXTINFO): 1 makes each receive
// also describe the message queued behind the one it returns, when one is
// already waiting: its stream, PPID, length, flags and association
// (sctpx_next_event_with_next_info's sctpx_next_info; `Received::next` in
// Rust).
func (s *socket) RecvNextInfo() (bool, error) {
	return s.boolOption(0, OptRecvNextInfo)
}

// SetRecvNextInfo sets OptRecvNextInfo.
func (s *socket) SetRecvNextInfo(on bool) error {
	return s.setBoolOption(0, OptRecvNextInfo, on)
}

// END generated
