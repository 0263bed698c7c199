package sctpx

/*
#include <sctpx.h>
*/
import "C"

import (
	"math"
	"time"
	"unsafe"
)

// Option is an integer socket option (SCTPX_OPT_*), for Option and
// Association.SetOption; each also has a typed getter and setter of its own.
// SCTPX_OPT_NONBLOCK has no Option: the package keeps every socket
// non-blocking, because all waiting is done by the runtime poller.
type Option int32

// BEGIN generated (options): tools/gen-bindings makes it from include/sctpx.h: do not edit
const (
	// SCTP_NODELAY: 1 disables Nagle-like bundling delay.
	// Range: 0 to 1.
	OptNodelay Option = C.SCTPX_OPT_NODELAY

	// SCTP_AUTOCLOSE: seconds of idle time before a one-to-many association is
	// closed (0 = never). The kernel lowers a value above the sysctl
	// net.sctp.max_autoclose (by default INT_MAX / HZ: 8589934 with HZ=250) to
	// it. One-to-one sockets: -EOPNOTSUPP.
	// Range: 0 to 2147483647.
	OptAutoclose Option = C.SCTPX_OPT_AUTOCLOSE

	// SCTP_DISABLE_FRAGMENTS: 1 makes oversize sends fail with EMSGSIZE.
	// Range: 0 to 1.
	OptDisableFragments Option = C.SCTPX_OPT_DISABLE_FRAGMENTS

	// SCTP_I_WANT_MAPPED_V4_ADDR: 1 reports IPv4 peers of an IPv6 socket as
	// v4-mapped IPv6 addresses.
	// Range: 0 to 1.
	OptMappedV4 Option = C.SCTPX_OPT_MAPPED_V4

	// SCTP_FRAGMENT_INTERLEAVE: partial-delivery interleave level (RFC 6458
	// 8.1.20): 0 off, 1 across associations, 2 across streams as well (what
	// I-DATA needs). Linux keeps only on or off: 2 reads back as 1, and
	// turning it off also turns SCTPX_OPT_INTERLEAVING_SUPPORTED off.
	// Range: 0 to 2.
	OptFragmentInterleave Option = C.SCTPX_OPT_FRAGMENT_INTERLEAVE

	// SCTP_PARTIAL_DELIVERY_POINT: bytes after which partial delivery starts.
	// The kernel refuses more than half of SCTPX_OPT_RCVBUF's value (-EINVAL).
	// Range: 0 to 4294967295.
	OptPartialDeliveryPoint Option = C.SCTPX_OPT_PARTIAL_DELIVERY_POINT

	// SCTP_MAXSEG: maximum fragment size in bytes (per association); 0 lets
	// the path MTU decide. The kernel refuses other values below its minimum
	// for the family (464 for IPv4, 450 for IPv6 on Linux 6.1) and, on an
	// association using I-DATA, above 65512 (-EINVAL).
	// Range: 0 to 65516.
	OptMaxseg Option = C.SCTPX_OPT_MAXSEG

	// SCTP_MAX_BURST: maximum burst of packets (per association; 0: no limit).
	// Range: 0 to 4294967295.
	OptMaxBurst Option = C.SCTPX_OPT_MAX_BURST

	// SCTP_CONTEXT: default context for sends (per association).
	// Range: 0 to 4294967295.
	OptContext Option = C.SCTPX_OPT_CONTEXT

	// SCTP_ADAPTATION_LAYER: the adaptation indication sent in INIT/INIT-ACK.
	// Range: 0 to 4294967295.
	OptAdaptationLayer Option = C.SCTPX_OPT_ADAPTATION_LAYER

	// SCTP_REUSE_PORT: 1 lets several sockets bind the same port.
	// Range: 0 to 1.
	OptReusePort Option = C.SCTPX_OPT_REUSE_PORT

	// SO_SNDBUF in bytes. As socket(7) says, the kernel doubles what is set,
	// lowers it to twice the sysctl net.core.wmem_max and raises it to its
	// minimum (at least 2048).
	// Range: 0 to 2147483647.
	OptSndbuf Option = C.SCTPX_OPT_SNDBUF

	// SO_RCVBUF in bytes. As socket(7) says, the kernel doubles what is set,
	// lowers it to twice the sysctl net.core.rmem_max and raises it to its
	// minimum (at least 256).
	// Range: 0 to 2147483647.
	OptRcvbuf Option = C.SCTPX_OPT_RCVBUF

	// SO_REUSEADDR: 1 allows binding a port in TIME_WAIT-like states.
	// Range: 0 to 1.
	OptReuseaddr Option = C.SCTPX_OPT_REUSEADDR

	// SO_LINGER: -1 = off; N >= 0 = linger N seconds on close (0 aborts).
	// Range: -1 to 2147483647.
	OptLinger Option = C.SCTPX_OPT_LINGER

	// SCTP_GET_ASSOC_NUMBER: associations on a one-to-many socket.
	// Read only.
	OptAssocNumber Option = C.SCTPX_OPT_ASSOC_NUMBER

	// IPV6_V6ONLY: 1 makes an IPv6 socket refuse IPv4 peers.
	// Range: 0 to 1.
	OptV6only Option = C.SCTPX_OPT_V6ONLY

	// SCTP_ENABLE_STREAM_RESET: bit set of SCTPX_ENABLE_RESET_* (per assoc).
	// Range: 0 to 7.
	OptEnableStreamReset Option = C.SCTPX_OPT_ENABLE_STREAM_RESET

	// SCTP_RECONFIG_SUPPORTED: 1 offers stream reconfiguration to new peers.
	// Range: 0 to 1.
	OptReconfigSupported Option = C.SCTPX_OPT_RECONFIG_SUPPORTED

	// SCTP_PR_SUPPORTED: 1 offers partial reliability to new peers.
	// Range: 0 to 1.
	OptPrSupported Option = C.SCTPX_OPT_PR_SUPPORTED

	// O_NONBLOCK on the descriptor: 1 makes calls return -EAGAIN (connects:
	// -EINPROGRESS) instead of blocking when no timeout is given.
	// Range: 0 to 1.
	optNonblock Option = C.SCTPX_OPT_NONBLOCK

	// SO_ERROR: the socket's pending error as a positive errno (0 when none),
	// cleared by the read — how a non-blocking connect reports its result.
	// Read only.
	OptPendingError Option = C.SCTPX_OPT_PENDING_ERROR

	// sctpx's own option, not the kernel's: 1 (the default) data events carry
	// their source address in `from`; 0 they do not (`from_len` 0), and each
	// receive saves the kernel's copy of it. Per socket; inherited by peeloff.
	// Range: 0 to 1.
	OptRecvFrom Option = C.SCTPX_OPT_RECV_FROM

	// SCTP_REMOTE_UDP_ENCAPS_PORT: the UDP port the peer receives SCTP over UDP
	// on (RFC 6951), per association (0 = the socket's default for new
	// associations). 0 turns encapsulation off: plain SCTP over IP. The
	// userspace backend's sockets start with `sctpx_set_udp_remote_port`'s port
	// (9899 by default); the kernel's with the sysctl net.sctp.encap_port (0 by
	// default), and it sends over UDP only with net.sctp.udp_port set (Linux
	// 5.11 and later; older kernels: -ENOPROTOOPT).
	// Range: 0 to 65535.
	OptUdpRemotePort Option = C.SCTPX_OPT_UDP_REMOTE_PORT

	// SCTP_STREAM_SCHEDULER: SCTPX_SCHED_* (per association; new
	// associations take the socket's). Each stream's weight or priority is
	// sctpx_set_stream_sched_value's. The kernel refuses a scheduler it does
	// not have (-EINVAL: Linux before 6.3 has FCFS, PRIO and RR only).
	// Range: 0 to 4.
	OptStreamScheduler Option = C.SCTPX_OPT_STREAM_SCHEDULER

	// SCTP_INTERLEAVING_SUPPORTED: 1 offers I-DATA (RFC 8260, message
	// interleaving) to new peers; an association reads 1 when both sides
	// use it. Messages of different streams interleave only under a
	// scheduler that switches streams (SCTPX_SCHED_RR, _PRIO); under FCFS
	// each still goes out whole, in order. The kernel refuses any value
	// (-EPERM) unless the sysctl net.sctp.intl_enable is 1 and
	// SCTPX_OPT_FRAGMENT_INTERLEAVE is on.
	// Range: 0 to 1.
	OptInterleavingSupported Option = C.SCTPX_OPT_INTERLEAVING_SUPPORTED

	// SCTP_ASCONF_SUPPORTED: 1 offers dynamic address reconfiguration
	// (ASCONF, RFC 5061) to new peers; the default is the sysctl
	// net.sctp.addip_enable. An association reads whether the peer uses it.
	// Range: 0 to 1.
	OptAsconfSupported Option = C.SCTPX_OPT_ASCONF_SUPPORTED

	// SCTP_AUTO_ASCONF: 1 makes the kernel announce (ASCONF) the host's
	// addresses as they come and go, to every association of a socket bound
	// to the wildcard address; the default is the sysctl
	// net.sctp.default_auto_asconf. The kernel refuses 1 on a socket not
	// bound to the wildcard address (-EINVAL).
	// Range: 0 to 1.
	OptAutoAsconf Option = C.SCTPX_OPT_AUTO_ASCONF

	// SCTP_ECN_SUPPORTED: 1 offers explicit congestion notification to new
	// peers; the default is the sysctl net.sctp.ecn_enable. An association
	// reads whether the peer uses it.
	// Range: 0 to 1.
	OptEcnSupported Option = C.SCTPX_OPT_ECN_SUPPORTED

	// SCTP_PLPMTUD_PROBE_INTERVAL: milliseconds between packetization-layer
	// path MTU probes (RFC 8899) of every path of the association (0: the
	// socket's, for new ones); 0 turns probing off. The default is the sysctl
	// net.sctp.plpmtud_probe_interval. The kernel refuses 1 to 4999 (-EINVAL).
	// Range: 0 to 4294967295.
	OptPlpmtudProbeInterval Option = C.SCTPX_OPT_PLPMTUD_PROBE_INTERVAL

	// SCTP_AUTH_SUPPORTED: 1 turns SCTP-AUTH (RFC 4895) on for this socket
	// and offers it to new peers; the sysctl net.sctp.auth_enable is only the
	// default. The AUTH calls (sctpx_set_auth_key, ...) need it (-EACCES).
	// Range: 0 to 1.
	OptAuthSupported Option = C.SCTPX_OPT_AUTH_SUPPORTED

	// SCTP_EXPOSE_POTENTIALLY_FAILED_STATE (per association): whether a path
	// entering the potentially-failed state is shown. SCTPX_PF_EXPOSE_UNSET (0)
	// follows the sysctl net.sctp.pf_expose (the kernel's default: no
	// SCTPX_ADDR_POTENTIALLY_FAILED event, the path reads SCTPX_PATH_PF);
	// SCTPX_PF_EXPOSE_DISABLE (1): no event, and reading such a path's info is
	// refused (-EACCES); SCTPX_PF_EXPOSE_ENABLE (2): the event and the state.
	// Range: 0 to 2.
	OptExposePfState Option = C.SCTPX_OPT_EXPOSE_PF_STATE

	// SCTP_RECVNXTINFO: 1 makes each receive also describe the message queued
	// behind the one it returns, when one is already waiting: its stream,
	// PPID, length, flags and association (sctpx_next_event_with_next_info's
	// sctpx_next_info; `Received::next` in Rust). 0 (the default): no such
	// report.
	// Range: 0 to 1.
	OptRecvNextInfo Option = C.SCTPX_OPT_RECV_NEXT_INFO
)

// END generated

// Bits of OptEnableStreamReset.
const (
	EnableResetStreamReq = C.SCTPX_ENABLE_RESET_STREAM_REQ
	EnableResetAssocReq  = C.SCTPX_ENABLE_RESET_ASSOC_REQ
	EnableChangeAssocReq = C.SCTPX_ENABLE_CHANGE_ASSOC_REQ
)

// Option reads integer option opt; id selects the association for
// per-association options (0, or nothing: the socket's default; one-to-one
// sockets ignore it) (sctpx_get_option).
func (s *socket) Option(opt Option, id ...AssocID) (int64, error) {
	var a AssocID
	if len(id) > 0 {
		a = id[0]
	}
	var v C.int64_t
	if r := C.sctpx_get_option(s.h, C.sctpx_assoc_id(a), C.int32_t(opt), &v); r < 0 {
		return 0, s.optError("get", r)
	}
	return int64(v), nil
}

// setOption sets integer option opt of association id (sctpx_set_option).
func (s *socket) setOption(id AssocID, opt Option, v int64) error {
	if opt == optNonblock {
		return s.wrapError("set", &Error{Code: CodeInvalidArgument, Message: "the Go binding keeps sockets non-blocking"})
	}
	return s.optError("set", C.sctpx_set_option(s.h, C.sctpx_assoc_id(id), C.int32_t(opt), C.int64_t(v)))
}

// The typed option methods (option_methods.go) go through these.

func (s *socket) boolOption(id AssocID, opt Option) (bool, error) {
	v, err := s.Option(opt, id)
	return v != 0, err
}

func (s *socket) setBoolOption(id AssocID, opt Option, on bool) error {
	return s.setOption(id, opt, int64(cBool(on)))
}

// intOption reads opt as T; the C side has checked that the value is in the
// option's range, which fits every T the methods use.
func intOption[T int | uint32](s *socket, id AssocID, opt Option) (T, error) {
	v, err := s.Option(opt, id)
	return T(v), err
}

func (s *socket) durationOption(id AssocID, opt Option, unit time.Duration) (time.Duration, error) {
	v, err := s.Option(opt, id)
	return time.Duration(v) * unit, err
}

// setDurationOption sets opt to d counted in unit, refusing before any C call
// a negative d or one that is no whole number of units (which would be cut).
func (s *socket) setDurationOption(id AssocID, opt Option, d time.Duration, unit time.Duration) error {
	if d < 0 || d%unit != 0 {
		return s.wrapError("set", &Error{Code: CodeInvalidArgument, Message: "the option takes whole " + unit.String() + " units, not " + d.String()})
	}
	return s.setOption(id, opt, int64(d/unit))
}

// SetLinger sets SO_LINGER as net.TCPConn.SetLinger does: sec < 0 is off,
// 0 aborts on Close, sec > 0 lingers that long.
func (s *socket) SetLinger(sec int) error {
	if sec < 0 {
		sec = -1
	}
	return s.setOption(0, OptLinger, int64(sec))
}

// InitMsg is sctpx_initmsg (SCTP_INITMSG): parameters for new associations;
// 0 leaves a value unchanged.
type InitMsg struct {
	NumOstreams  uint16
	MaxInstreams uint16
	MaxAttempts  uint16
	MaxInitTimeo uint16 // milliseconds
}

// InitMsg reads SCTP_INITMSG (sctpx_get_initmsg).
func (s *socket) InitMsg() (InitMsg, error) {
	var c C.sctpx_initmsg
	if r := C.sctpx_get_initmsg(s.h, &c); r < 0 {
		return InitMsg{}, s.optError("get", r)
	}
	return InitMsg{uint16(c.num_ostreams), uint16(c.max_instreams), uint16(c.max_attempts), uint16(c.max_init_timeo)}, nil
}

// SetInitMsg sets SCTP_INITMSG (sctpx_set_initmsg).
func (s *socket) SetInitMsg(m InitMsg) error {
	c := C.sctpx_initmsg{
		num_ostreams:   C.uint16_t(m.NumOstreams),
		max_instreams:  C.uint16_t(m.MaxInstreams),
		max_attempts:   C.uint16_t(m.MaxAttempts),
		max_init_timeo: C.uint16_t(m.MaxInitTimeo),
	}
	return s.optError("set", C.sctpx_set_initmsg(s.h, &c))
}

// RTOInfo is sctpx_rtoinfo (SCTP_RTOINFO): the retransmission timeouts, in
// whole milliseconds; 0 in SetRTOInfo leaves a value unchanged. The setters
// of this and the other structs with durations refuse, before any C call, a
// duration that is no uint32_t count of milliseconds: negative, under 1ms
// (but 0) or 2^32 ms and more.
type RTOInfo struct {
	AssocID AssocID // 0: the socket's defaults (one-to-one: its association)
	Initial time.Duration
	Max     time.Duration
	Min     time.Duration
}

// RTOInfo reads SCTP_RTOINFO of the association (sctpx_get_rtoinfo).
func (a Association) RTOInfo() (RTOInfo, error) {
	var c C.sctpx_rtoinfo
	if r := C.sctpx_get_rtoinfo(a.s.h, C.sctpx_assoc_id(a.id), &c); r < 0 {
		return RTOInfo{}, a.s.optError("get", r)
	}
	return RTOInfo{AssocID(c.assoc_id), ms(c.initial), ms(c.max), ms(c.min)}, nil
}

// SetRTOInfo sets SCTP_RTOINFO of association r.AssocID (sctpx_set_rtoinfo).
func (s *socket) SetRTOInfo(r RTOInfo) error {
	var ms msFields
	c := C.sctpx_rtoinfo{
		assoc_id: C.sctpx_assoc_id(r.AssocID),
		initial:  ms.of("RTOInfo.Initial", r.Initial),
		max:      ms.of("RTOInfo.Max", r.Max),
		min:      ms.of("RTOInfo.Min", r.Min),
	}
	if ms.err != nil {
		return s.wrapError("set", ms.err)
	}
	return s.optError("set", C.sctpx_set_rtoinfo(s.h, &c))
}

// AssocParams is sctpx_assocparams (SCTP_ASSOCINFO); 0 in SetAssocParams
// leaves a value unchanged, and the read-only fields are ignored there.
type AssocParams struct {
	AssocID          AssocID // 0: the socket's defaults (one-to-one: its association)
	MaxRetrans       uint16  // retransmissions before the association is declared lost
	PeerDestinations uint16  // read only: the peer's address count
	PeerRwnd         uint32  // read only
	LocalRwnd        uint32  // read only
	CookieLife       time.Duration
}

// AssocParams reads SCTP_ASSOCINFO of the association (sctpx_get_assocparams).
func (a Association) AssocParams() (AssocParams, error) {
	var c C.sctpx_assocparams
	if r := C.sctpx_get_assocparams(a.s.h, C.sctpx_assoc_id(a.id), &c); r < 0 {
		return AssocParams{}, a.s.optError("get", r)
	}
	return AssocParams{
		AssocID:          AssocID(c.assoc_id),
		MaxRetrans:       uint16(c.max_retrans),
		PeerDestinations: uint16(c.peer_destinations),
		PeerRwnd:         uint32(c.peer_rwnd),
		LocalRwnd:        uint32(c.local_rwnd),
		CookieLife:       ms(c.cookie_life),
	}, nil
}

// SetAssocParams sets SCTP_ASSOCINFO of association p.AssocID
// (sctpx_set_assocparams).
func (s *socket) SetAssocParams(p AssocParams) error {
	var ms msFields
	c := C.sctpx_assocparams{
		assoc_id:    C.sctpx_assoc_id(p.AssocID),
		max_retrans: C.uint16_t(p.MaxRetrans),
		cookie_life: ms.of("AssocParams.CookieLife", p.CookieLife),
	}
	if ms.err != nil {
		return s.wrapError("set", ms.err)
	}
	return s.optError("set", C.sctpx_set_assocparams(s.h, &c))
}

// DefaultSendInfo reads SCTP_DEFAULT_SNDINFO of the association: what sends
// use when they give no parameters (sctpx_get_default_send_info). The PR
// fields are always zero: the option has none.
func (a Association) DefaultSendInfo() (SendInfo, error) {
	var c C.sctpx_send_info
	if r := C.sctpx_get_default_send_info(a.s.h, C.sctpx_assoc_id(a.id), &c); r < 0 {
		return SendInfo{}, a.s.optError("get", r)
	}
	return sendInfoOf(&c), nil
}

// SetDefaultSendInfo sets SCTP_DEFAULT_SNDINFO of association i.AssocID
// (0: the socket's defaults) from i's stream, flags, PPID and context; its
// PR fields are ignored (sctpx_set_default_send_info).
func (s *socket) SetDefaultSendInfo(i SendInfo) error {
	c := i.c()
	return s.optError("set", C.sctpx_set_default_send_info(s.h, &c))
}

// SackInfo is sctpx_sack_info (SCTP_DELAYED_SACK).
type SackInfo struct {
	AssocID AssocID       // 0: the socket's defaults (one-to-one: its association)
	Delay   time.Duration // whole milliseconds
	Freq    uint32        // packets before a SACK; 1 turns delayed SACK off
}

// DelayedSack reads SCTP_DELAYED_SACK of the association
// (sctpx_get_delayed_sack).
func (a Association) DelayedSack() (SackInfo, error) {
	var c C.sctpx_sack_info
	if r := C.sctpx_get_delayed_sack(a.s.h, C.sctpx_assoc_id(a.id), &c); r < 0 {
		return SackInfo{}, a.s.optError("get", r)
	}
	return SackInfo{AssocID(c.assoc_id), ms(c.delay), uint32(c.freq)}, nil
}

// SetDelayedSack sets SCTP_DELAYED_SACK of association si.AssocID
// (sctpx_set_delayed_sack).
func (s *socket) SetDelayedSack(si SackInfo) error {
	var ms msFields
	c := C.sctpx_sack_info{
		assoc_id: C.sctpx_assoc_id(si.AssocID),
		delay:    ms.of("SackInfo.Delay", si.Delay),
		freq:     C.uint32_t(si.Freq),
	}
	if ms.err != nil {
		return s.wrapError("set", ms.err)
	}
	return s.optError("set", C.sctpx_set_delayed_sack(s.h, &c))
}

// ms converts the C API's millisecond counts.
func ms(v C.uint32_t) time.Duration { return time.Duration(v) * time.Millisecond }

// msFields converts the durations of one struct to the C API's whole
// milliseconds (uint32_t), remembering the first that cannot be one: a
// negative duration or one of 2^32 ms (49.7 days) or more, which
// C.uint32_t would wrap (-1ms is 49.7 days), and one under a millisecond,
// which would be 0: "leave the value unchanged". The setters return err
// before calling C.
type msFields struct{ err error }

func (m *msFields) of(field string, d time.Duration) C.uint32_t {
	if d == 0 {
		return 0
	}
	if d < time.Millisecond || d/time.Millisecond > math.MaxUint32 {
		if m.err == nil {
			m.err = &Error{Code: CodeInvalidArgument, Message: field + " must be 0 or 1ms to 2^32-1 ms, not " + d.String()}
		}
		return 0
	}
	return C.uint32_t(d / time.Millisecond)
}

// PeerAddrParams is sctpx_paddrparams (SCTP_PEER_ADDR_PARAMS).
type PeerAddrParams struct {
	AssocID       AssocID
	Address       *Addr // nil: all of the association's addresses
	HBInterval    time.Duration
	PathMaxRxt    uint16
	PathMTU       uint32
	SackDelay     time.Duration
	Flags         uint32 // Spp* flags
	IPv6FlowLabel uint32
	DSCP          uint8
}

// Flags of PeerAddrParams (SCTPX_SPP_*).
const (
	SppHBEnable         = C.SCTPX_SPP_HB_ENABLE
	SppHBDisable        = C.SCTPX_SPP_HB_DISABLE
	SppHBDemand         = C.SCTPX_SPP_HB_DEMAND
	SppPMTUDEnable      = C.SCTPX_SPP_PMTUD_ENABLE
	SppPMTUDDisable     = C.SCTPX_SPP_PMTUD_DISABLE
	SppSackDelayEnable  = C.SCTPX_SPP_SACKDELAY_ENABLE
	SppSackDelayDisable = C.SCTPX_SPP_SACKDELAY_DISABLE
	SppHBTimeIsZero     = C.SCTPX_SPP_HB_TIME_IS_ZERO
	SppIPv6FlowLabel    = C.SCTPX_SPP_IPV6_FLOWLABEL
	SppDSCP             = C.SCTPX_SPP_DSCP
)

// PeerAddrParams reads SCTP_PEER_ADDR_PARAMS of the association for peer
// address addr (nil: a's defaults for all its addresses).
func (a Association) PeerAddrParams(addr *Addr) (PeerAddrParams, error) {
	var c C.sctpx_paddrparams
	var r C.int32_t
	if addr == nil {
		r = C.sctpx_get_paddrparams(a.s.h, C.sctpx_assoc_id(a.id), nil, 0, &c)
	} else {
		sa, err := firstSockaddr(a.s.fam, addr)
		if err != nil {
			return PeerAddrParams{}, a.s.wrapError("get", err)
		}
		r = C.sctpx_get_paddrparams(a.s.h, C.sctpx_assoc_id(a.id), sa.ptr(), sa.len, &c)
	}
	if r < 0 {
		return PeerAddrParams{}, a.s.optError("get", r)
	}
	p := PeerAddrParams{
		AssocID:       AssocID(c.assoc_id),
		HBInterval:    ms(c.hbinterval),
		PathMaxRxt:    uint16(c.pathmaxrxt),
		PathMTU:       uint32(c.pathmtu),
		SackDelay:     ms(c.sackdelay),
		Flags:         uint32(c.flags),
		IPv6FlowLabel: uint32(c.ipv6_flowlabel),
		DSCP:          uint8(c.dscp),
	}
	if c.address_len > 0 {
		p.Address = addrOf(&c.address)
	}
	return p, nil
}

// SetPeerAddrParams sets SCTP_PEER_ADDR_PARAMS (sctpx_set_paddrparams).
func (s *socket) SetPeerAddrParams(p PeerAddrParams) error {
	var ms msFields
	c := C.sctpx_paddrparams{
		assoc_id:       C.sctpx_assoc_id(p.AssocID),
		hbinterval:     ms.of("PeerAddrParams.HBInterval", p.HBInterval),
		pathmaxrxt:     C.uint16_t(p.PathMaxRxt),
		pathmtu:        C.uint32_t(p.PathMTU),
		sackdelay:      ms.of("PeerAddrParams.SackDelay", p.SackDelay),
		flags:          C.uint32_t(p.Flags),
		ipv6_flowlabel: C.uint32_t(p.IPv6FlowLabel),
		dscp:           C.uint8_t(p.DSCP),
	}
	if ms.err != nil {
		return s.wrapError("set", ms.err)
	}
	if p.Address != nil {
		sa, err := firstSockaddr(s.fam, p.Address)
		if err != nil {
			return s.wrapError("set", err)
		}
		c.address, c.address_len = sa.ss, sa.len
	}
	return s.optError("set", C.sctpx_set_paddrparams(s.h, &c))
}

// PeerAddrThresholds is sctpx_paddrthlds (SCTP_PEER_ADDR_THLDS_V2): a
// path's failure thresholds, in consecutive retransmission timeouts on it.
type PeerAddrThresholds struct {
	AssocID AssocID
	Address *Addr // nil: all of the association's addresses
	// PathMaxRxt: timeouts after which the path is failed; 0 on a set
	// leaves it unchanged.
	PathMaxRxt uint16
	// PFMaxRetrans: timeouts after which the path is potentially failed
	// (new data takes another active path); at most PSRetrans.
	PFMaxRetrans uint16
	// PSRetrans: timeouts on the primary after which the path in use
	// becomes the primary (RFC 7829); 65535, the kernel's default: never.
	PSRetrans uint16
}

// Values of OptExposePfState (SCTPX_PF_EXPOSE_*).
const (
	PFExposeUnset   = C.SCTPX_PF_EXPOSE_UNSET
	PFExposeDisable = C.SCTPX_PF_EXPOSE_DISABLE
	PFExposeEnable  = C.SCTPX_PF_EXPOSE_ENABLE
)

// PeerAddrThresholds reads SCTP_PEER_ADDR_THLDS_V2 of the association for
// peer address addr (nil: a's defaults for all its addresses).
func (a Association) PeerAddrThresholds(addr *Addr) (PeerAddrThresholds, error) {
	var c C.sctpx_paddrthlds
	var r C.int32_t
	if addr == nil {
		r = C.sctpx_get_paddrthlds(a.s.h, C.sctpx_assoc_id(a.id), nil, 0, &c)
	} else {
		sa, err := firstSockaddr(a.s.fam, addr)
		if err != nil {
			return PeerAddrThresholds{}, err
		}
		r = C.sctpx_get_paddrthlds(a.s.h, C.sctpx_assoc_id(a.id), sa.ptr(), sa.len, &c)
	}
	if r < 0 {
		return PeerAddrThresholds{}, codeError(r)
	}
	t := PeerAddrThresholds{
		AssocID:      AssocID(c.assoc_id),
		PathMaxRxt:   uint16(c.pathmaxrxt),
		PFMaxRetrans: uint16(c.pf_max_retrans),
		PSRetrans:    uint16(c.ps_retrans),
	}
	if c.address_len > 0 {
		t.Address = addrOf(&c.address)
	}
	return t, nil
}

// SetPeerAddrThresholds sets SCTP_PEER_ADDR_THLDS_V2 (sctpx_set_paddrthlds);
// PFMaxRetrans above PSRetrans is CodeInvalidArgument.
func (s *socket) SetPeerAddrThresholds(t PeerAddrThresholds) error {
	c := C.sctpx_paddrthlds{
		assoc_id:       C.sctpx_assoc_id(t.AssocID),
		pathmaxrxt:     C.uint16_t(t.PathMaxRxt),
		pf_max_retrans: C.uint16_t(t.PFMaxRetrans),
		ps_retrans:     C.uint16_t(t.PSRetrans),
	}
	if t.Address != nil {
		sa, err := firstSockaddr(s.fam, t.Address)
		if err != nil {
			return err
		}
		c.address, c.address_len = sa.ss, sa.len
	}
	return codeError(C.sctpx_set_paddrthlds(s.h, &c))
}

// PeerAddrUDPPort reads SCTP_REMOTE_UDP_ENCAPS_PORT of peer address addr
// (its first IP) of the association: the UDP port packets to it are
// encapsulated for, 0 for plain SCTP (OptUdpRemotePort is the association's).
func (a Association) PeerAddrUDPPort(addr *Addr) (int, error) {
	sa, err := firstSockaddr(a.s.fam, addr)
	if err != nil {
		return 0, err
	}
	var port C.int32_t
	if r := C.sctpx_get_paddr_udp_port(a.s.h, C.sctpx_assoc_id(a.id), sa.ptr(), sa.len, &port); r < 0 {
		return 0, codeError(r)
	}
	return int(port), nil
}

// SetPeerAddrUDPPort sets SCTP_REMOTE_UDP_ENCAPS_PORT of peer address addr
// (its first IP) of the association: packets to it go over UDP to port from
// now on (0: plain SCTP), the other paths unchanged.
func (a Association) SetPeerAddrUDPPort(addr *Addr, port int) error {
	if port < 0 || port > 65535 {
		return &Error{Code: CodeInvalidArgument, Message: "a UDP port is 0 to 65535"}
	}
	sa, err := firstSockaddr(a.s.fam, addr)
	if err != nil {
		return err
	}
	return codeError(C.sctpx_set_paddr_udp_port(a.s.h, C.sctpx_assoc_id(a.id), sa.ptr(), sa.len, C.int32_t(port)))
}

// Path states (PeerAddrInfo.State).
const (
	PathInactive    = C.SCTPX_PATH_INACTIVE // failed
	PathPF          = C.SCTPX_PATH_PF       // potentially failed
	PathActive      = C.SCTPX_PATH_ACTIVE
	PathUnconfirmed = C.SCTPX_PATH_UNCONFIRMED // not confirmed by a heartbeat yet
)

// PeerAddrInfo is sctpx_paddrinfo (SCTP_GET_PEER_ADDR_INFO): one peer
// address's state.
type PeerAddrInfo struct {
	AssocID AssocID
	Address *Addr
	State   int32 // Path* constants
	Cwnd    uint32
	SRTT    time.Duration
	RTO     time.Duration
	MTU     uint32
}

func paddrInfoOf(c *C.sctpx_paddrinfo) PeerAddrInfo {
	p := PeerAddrInfo{
		AssocID: AssocID(c.assoc_id),
		State:   int32(c.state),
		Cwnd:    uint32(c.cwnd),
		SRTT:    ms(c.srtt),
		RTO:     ms(c.rto),
		MTU:     uint32(c.mtu),
	}
	if c.address_len > 0 {
		p.Address = addrOf(&c.address)
	}
	return p
}

// PeerAddrInfo reads SCTP_GET_PEER_ADDR_INFO for peer address addr (its
// first IP) of the association.
func (a Association) PeerAddrInfo(addr *Addr) (PeerAddrInfo, error) {
	sa, err := firstSockaddr(a.s.fam, addr)
	if err != nil {
		return PeerAddrInfo{}, a.s.wrapError("get", err)
	}
	var c C.sctpx_paddrinfo
	if r := C.sctpx_get_paddrinfo(a.s.h, C.sctpx_assoc_id(a.id), sa.ptr(), sa.len, &c); r < 0 {
		return PeerAddrInfo{}, a.s.optError("get", r)
	}
	return paddrInfoOf(&c), nil
}

// The kernel's association states (Status.State, enum sctp_sstat_state).
const (
	StateClosed           = C.SCTPX_STATE_CLOSED
	StateCookieWait       = C.SCTPX_STATE_COOKIE_WAIT
	StateCookieEchoed     = C.SCTPX_STATE_COOKIE_ECHOED
	StateEstablished      = C.SCTPX_STATE_ESTABLISHED
	StateShutdownPending  = C.SCTPX_STATE_SHUTDOWN_PENDING
	StateShutdownSent     = C.SCTPX_STATE_SHUTDOWN_SENT
	StateShutdownReceived = C.SCTPX_STATE_SHUTDOWN_RECEIVED
	StateShutdownAckSent  = C.SCTPX_STATE_SHUTDOWN_ACK_SENT
)

// Status is sctpx_status (SCTP_STATUS): an association's state.
type Status struct {
	AssocID            AssocID
	State              int32 // State* constants
	Rwnd               uint32
	UnackData          uint16
	PendData           uint16
	InboundStreams     uint16
	OutboundStreams    uint16
	FragmentationPoint uint32
	Primary            PeerAddrInfo
}

// Status reads SCTP_STATUS of the association (sctpx_get_status).
func (a Association) Status() (Status, error) {
	var c C.sctpx_status
	if r := C.sctpx_get_status(a.s.h, C.sctpx_assoc_id(a.id), &c); r < 0 {
		return Status{}, a.s.optError("get", r)
	}
	return Status{
		AssocID:            AssocID(c.assoc_id),
		State:              int32(c.state),
		Rwnd:               uint32(c.rwnd),
		UnackData:          uint16(c.unackdata),
		PendData:           uint16(c.penddata),
		InboundStreams:     uint16(c.inbound_streams),
		OutboundStreams:    uint16(c.outbound_streams),
		FragmentationPoint: uint32(c.fragmentation_point),
		Primary:            paddrInfoOf(&c.primary),
	}, nil
}

// AssocStats is sctpx_assoc_stats (SCTP_GET_ASSOC_STATS), field for field.
type AssocStats struct {
	AssocID     AssocID
	MaxRTO      time.Duration // maximum observed RTO since the last read
	RtxChunks   uint64
	GapCnt      uint64
	DupChunks   uint64
	OSacks      uint64
	ISacks      uint64
	OCtrlChunks uint64
	ICtrlChunks uint64
	OODChunks   uint64
	IODChunks   uint64
	OUODChunks  uint64
	IUODChunks  uint64
	OPackets    uint64
	IPackets    uint64
}

// AssocStats reads SCTP_GET_ASSOC_STATS of the association.
func (a Association) AssocStats() (AssocStats, error) {
	var c C.sctpx_assoc_stats
	if r := C.sctpx_get_assoc_stats(a.s.h, C.sctpx_assoc_id(a.id), &c); r < 0 {
		return AssocStats{}, a.s.optError("get", r)
	}
	return AssocStats{
		AssocID: AssocID(c.assoc_id), MaxRTO: time.Duration(c.max_rto) * time.Millisecond,
		RtxChunks: uint64(c.rtxchunks), GapCnt: uint64(c.gapcnt), DupChunks: uint64(c.dupchunks),
		OSacks: uint64(c.osacks), ISacks: uint64(c.isacks),
		OCtrlChunks: uint64(c.octrlchunks), ICtrlChunks: uint64(c.ictrlchunks),
		OODChunks: uint64(c.oodchunks), IODChunks: uint64(c.iodchunks),
		OUODChunks: uint64(c.ouodchunks), IUODChunks: uint64(c.iuodchunks),
		OPackets: uint64(c.opackets), IPackets: uint64(c.ipackets),
	}, nil
}

// SetPrimary makes peer address addr the primary path of the association
// (sctpx_set_primary).
func (a Association) SetPrimary(addr *Addr) error {
	return a.s.withSockaddr(addr, func(sa *sockaddr) C.int32_t {
		return C.sctpx_set_primary(a.s.h, C.sctpx_assoc_id(a.id), sa.ptr(), sa.len)
	})
}

// SetPeerPrimary asks the peer to use our address addr as its primary
// (sctpx_set_peer_primary; needs ASCONF on both sides).
func (a Association) SetPeerPrimary(addr *Addr) error {
	return a.s.withSockaddr(addr, func(sa *sockaddr) C.int32_t {
		return C.sctpx_set_peer_primary(a.s.h, C.sctpx_assoc_id(a.id), sa.ptr(), sa.len)
	})
}

func (s *socket) withSockaddr(addr *Addr, call func(*sockaddr) C.int32_t) error {
	sa, err := firstSockaddr(s.fam, addr)
	if err != nil {
		return s.wrapError("set", err)
	}
	return s.optError("set", call(sa))
}

// Primary returns the primary peer address of the association.
func (a Association) Primary() (*Addr, error) {
	var ss C.struct_sockaddr_storage
	if r := C.sctpx_get_primary(a.s.h, C.sctpx_assoc_id(a.id), &ss); r < 0 {
		return nil, a.s.optError("get", r)
	}
	return addrOf(&ss), nil
}

// Stream reset directions for ResetStreams.
const (
	ResetIncoming = C.SCTPX_STREAM_RESET_INCOMING
	ResetOutgoing = C.SCTPX_STREAM_RESET_OUTGOING
)

// ResetStreams asks for a reset of streams (none: all) of the association in
// direction flags (ResetIncoming|ResetOutgoing) (sctpx_reset_streams; needs
// OptEnableStreamReset on both sides).
func (a Association) ResetStreams(flags uint16, streams ...uint16) error {
	var p *C.uint16_t
	if len(streams) > 0 {
		p = (*C.uint16_t)(unsafe.Pointer(&streams[0]))
	}
	return a.s.optError("set", C.sctpx_reset_streams(a.s.h, C.sctpx_assoc_id(a.id), C.uint16_t(flags), p, C.size_t(len(streams))))
}

// ResetAssoc resets the association: TSNs and every stream's sequence
// numbers start again (sctpx_reset_assoc; needs OptReconfigSupported and
// EnableResetAssocReq on both sides). An AssocResetEvent reports the outcome.
func (a Association) ResetAssoc() error {
	return a.s.optError("set", C.sctpx_reset_assoc(a.s.h, C.sctpx_assoc_id(a.id)))
}

// AddStreams adds inbound and outbound streams to the association
// (sctpx_add_streams).
func (a Association) AddStreams(inbound, outbound uint16) error {
	return a.s.optError("set", C.sctpx_add_streams(a.s.h, C.sctpx_assoc_id(a.id), C.uint16_t(inbound), C.uint16_t(outbound)))
}

// Stream schedulers (SCTPX_SCHED_*), the values of OptStreamScheduler: the
// order in which queued messages of different streams are sent.
const (
	SchedFCFS = C.SCTPX_SCHED_FCFS // first come, first served (the default)
	SchedPrio = C.SCTPX_SCHED_PRIO // by each stream's priority (SetStreamSchedValue), lower first
	SchedRR   = C.SCTPX_SCHED_RR   // round robin: one message (with I-DATA, one fragment) per stream in turn
	SchedFC   = C.SCTPX_SCHED_FC   // fair capacity (Linux 6.3 and later)
	SchedWFQ  = C.SCTPX_SCHED_WFQ  // weighted fair queueing, the stream value as weight (Linux 6.3 and later)
)

// StreamSchedValue reads SCTP_STREAM_SCHEDULER_VALUE of outbound stream
// (sctpx_get_stream_sched_value): its priority under SchedPrio, its weight
// under SchedWFQ. Needs an association.
func (a Association) StreamSchedValue(stream uint16) (uint16, error) {
	var v C.uint16_t
	if r := C.sctpx_get_stream_sched_value(a.s.h, C.sctpx_assoc_id(a.id), C.uint16_t(stream), &v); r < 0 {
		return 0, a.s.optError("get", r)
	}
	return uint16(v), nil
}

// SetStreamSchedValue sets SCTP_STREAM_SCHEDULER_VALUE of outbound stream
// (sctpx_set_stream_sched_value).
func (a Association) SetStreamSchedValue(stream, value uint16) error {
	return a.s.optError("set", C.sctpx_set_stream_sched_value(a.s.h, C.sctpx_assoc_id(a.id), C.uint16_t(stream), C.uint16_t(value)))
}

// DefaultPRInfo is sctpx_default_prinfo (SCTP_DEFAULT_PRINFO): the
// partial-reliability policy of sends that give none.
type DefaultPRInfo struct {
	AssocID AssocID  // 0: the socket's defaults (one-to-one: its association)
	Policy  PRPolicy // not PRAll
	Value   uint32   // milliseconds (PRTTL), retransmissions (PRRTX) or priority (PRPrio)
}

// DefaultPRInfo reads SCTP_DEFAULT_PRINFO of the association
// (sctpx_get_default_prinfo).
func (a Association) DefaultPRInfo() (DefaultPRInfo, error) {
	var c C.sctpx_default_prinfo
	if r := C.sctpx_get_default_prinfo(a.s.h, C.sctpx_assoc_id(a.id), &c); r < 0 {
		return DefaultPRInfo{}, a.s.optError("get", r)
	}
	return DefaultPRInfo{AssocID(c.assoc_id), PRPolicy(c.policy), uint32(c.value)}, nil
}

// SetDefaultPRInfo sets SCTP_DEFAULT_PRINFO of association p.AssocID (sctpx_set_default_prinfo).
func (s *socket) SetDefaultPRInfo(p DefaultPRInfo) error {
	c := C.sctpx_default_prinfo{
		assoc_id: C.sctpx_assoc_id(p.AssocID),
		policy:   C.uint16_t(p.Policy),
		value:    C.uint32_t(p.Value),
	}
	return s.optError("set", C.sctpx_set_default_prinfo(s.h, &c))
}

// PRStatus is sctpx_pr_status: messages abandoned under a partial-reliability
// policy since the association started.
type PRStatus struct {
	AbandonedUnsent uint64 // before any of their chunks was sent
	AbandonedSent   uint64 // after being sent at least once
}

// PRAssocStatus reads SCTP_PR_ASSOC_STATUS (sctpx_get_pr_assoc_status): the
// association's messages abandoned under policy (PRTTL, PRRTX, PRPrio, or
// PRAll for every policy together).
func (a Association) PRAssocStatus(policy PRPolicy) (PRStatus, error) {
	var c C.sctpx_pr_status
	if r := C.sctpx_get_pr_assoc_status(a.s.h, C.sctpx_assoc_id(a.id), C.uint16_t(policy), &c); r < 0 {
		return PRStatus{}, a.s.optError("get", r)
	}
	return PRStatus{uint64(c.abandoned_unsent), uint64(c.abandoned_sent)}, nil
}

// PRStreamStatus reads SCTP_PR_STREAM_STATUS (sctpx_get_pr_stream_status):
// as PRAssocStatus, for one outbound stream.
func (a Association) PRStreamStatus(stream uint16, policy PRPolicy) (PRStatus, error) {
	var c C.sctpx_pr_status
	if r := C.sctpx_get_pr_stream_status(a.s.h, C.sctpx_assoc_id(a.id), C.uint16_t(stream), C.uint16_t(policy), &c); r < 0 {
		return PRStatus{}, a.s.optError("get", r)
	}
	return PRStatus{uint64(c.abandoned_unsent), uint64(c.abandoned_sent)}, nil
}
