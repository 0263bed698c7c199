package sctpx

/*
#include <sctpx.h>
*/
import "C"

// SendFlags are the SCTPX_SEND_* flags of SendInfo. SendAbort, SendEOF and
// SendSendall are for one-to-many sockets: Linux refuses the first two on
// one-to-one sockets (EINVAL), which use Conn.AbortAndClose and Conn.Shutdown.
type SendFlags uint16

const (
	SendUnordered       SendFlags = C.SCTPX_SEND_UNORDERED
	SendAddrOver        SendFlags = C.SCTPX_SEND_ADDR_OVER // one-to-many: take the path to the address SendTo names
	SendAbort           SendFlags = C.SCTPX_SEND_ABORT
	SendSackImmediately SendFlags = C.SCTPX_SEND_SACK_IMMEDIATELY
	SendSendall         SendFlags = C.SCTPX_SEND_SENDALL
	SendEOF             SendFlags = C.SCTPX_SEND_EOF
)

// PRPolicy is a partial-reliability policy (SCTPX_PR_*).
type PRPolicy uint16

const (
	PRNone PRPolicy = C.SCTPX_PR_NONE // fully reliable
	PRTTL  PRPolicy = C.SCTPX_PR_TTL  // abandon after PRValue milliseconds
	PRRTX  PRPolicy = C.SCTPX_PR_RTX  // abandon after PRValue retransmissions
	PRPrio PRPolicy = C.SCTPX_PR_PRIO // PRValue is a priority (lower = more important)
	// PRAll is no policy: PRAssocStatus and PRStreamStatus take it to count
	// every policy together; sends and SetDefaultPRInfo refuse it.
	PRAll PRPolicy = C.SCTPX_PR_ALL
)

// SendInfo is sctpx_send_info: how one message is sent. The zero value is
// stream 0, PPID 0, no flags, fully reliable.
type SendInfo struct {
	Stream   uint16
	Flags    SendFlags
	PPID     uint32 // host byte order
	Context  uint32 // returned in send-failed notifications
	AssocID  AssocID
	PRPolicy PRPolicy
	PRValue  uint32
}

func (i *SendInfo) c() C.sctpx_send_info {
	if i == nil {
		return C.sctpx_send_info{}
	}
	return C.sctpx_send_info{
		stream:    C.uint16_t(i.Stream),
		flags:     C.uint16_t(i.Flags),
		ppid:      C.uint32_t(i.PPID),
		context:   C.uint32_t(i.Context),
		assoc_id:  C.sctpx_assoc_id(i.AssocID),
		pr_policy: C.uint16_t(i.PRPolicy),
		pr_value:  C.uint32_t(i.PRValue),
	}
}

func sendInfoOf(c *C.sctpx_send_info) SendInfo {
	return SendInfo{
		Stream:   uint16(c.stream),
		Flags:    SendFlags(c.flags),
		PPID:     uint32(c.ppid),
		Context:  uint32(c.context),
		AssocID:  AssocID(c.assoc_id),
		PRPolicy: PRPolicy(c.pr_policy),
		PRValue:  uint32(c.pr_value),
	}
}

// EventFlags are the SCTPX_EVENT_FLAG_* bits of a received data message.
type EventFlags uint32

const (
	// FlagComplete marks the last (or only) piece of a message.
	FlagComplete EventFlags = C.SCTPX_EVENT_FLAG_COMPLETE
	// FlagUnordered: the message was sent unordered.
	FlagUnordered EventFlags = C.SCTPX_EVENT_FLAG_UNORDERED
	// FlagTruncated: a notification's payload was cut to the buffer.
	FlagTruncated EventFlags = C.SCTPX_EVENT_FLAG_TRUNCATED
)

// RecvInfo is what a data message arrived with (the data fields of
// sctpx_event).
type RecvInfo struct {
	AssocID AssocID
	Flags   EventFlags
	Stream  uint16
	SSN     uint16
	PPID    uint32 // host byte order
	TSN     uint32
	CumTSN  uint32
	Context uint32
	// From is the source address, nil when the kernel gave none (always with
	// OptRecvFrom 0). ReadMsg
	// hands out one *Addr for a run of messages from the same address (so
	// that reading allocates nothing): treat it as read-only.
	From *Addr
}

// NextInfo describes the message queued behind the one a read returned
// (SCTP_NXTINFO), reported with OptRecvNextInfo on. That message is not
// consumed: the next read returns it.
type NextInfo struct {
	Stream  uint16
	PPID    uint32 // host byte order
	Len     uint32 // its length in bytes, as much of it as has arrived
	AssocID AssocID
	// Unordered: it was sent unordered. Complete: the whole of it has arrived
	// (Linux, which has no SCTP_COMPLETE, never says so). Notification: it is
	// a notification, not a data message.
	Unordered, Complete, Notification bool
}

// nextInfoOf is the report in a filled sctpx_next_info, or nil when it says
// no next message is known.
func nextInfoOf(c *C.sctpx_next_info) *NextInfo {
	if c.flags&C.SCTPX_NEXT_FLAG_PRESENT == 0 {
		return nil
	}
	return &NextInfo{
		Stream:       uint16(c.stream),
		PPID:         uint32(c.ppid),
		Len:          uint32(c.len),
		AssocID:      AssocID(c.assoc_id),
		Unordered:    c.flags&C.SCTPX_NEXT_FLAG_UNORDERED != 0,
		Complete:     c.flags&C.SCTPX_NEXT_FLAG_COMPLETE != 0,
		Notification: c.flags&C.SCTPX_NEXT_FLAG_NOTIFICATION != 0,
	}
}

// Assoc returns the association the message belongs to.
func (i *RecvInfo) Assoc() AssocID { return i.AssocID }

func recvInfoOf(ev *C.sctpx_event) RecvInfo {
	i := recvFields(ev)
	if ev.from_len > 0 {
		i.From = addrOf(&ev.from)
	}
	return i
}

// recvFields is a data event's metadata without its source address.
func recvFields(ev *C.sctpx_event) RecvInfo {
	return RecvInfo{
		AssocID: AssocID(ev.assoc_id),
		Flags:   EventFlags(ev.flags),
		Stream:  uint16(ev.stream),
		SSN:     uint16(ev.ssn),
		PPID:    uint32(ev.ppid),
		TSN:     uint32(ev.tsn),
		CumTSN:  uint32(ev.cumtsn),
		Context: uint32(ev.context),
	}
}

// BindxOp says whether Bindx adds or removes addresses.
type BindxOp int32

const (
	BindxAdd    BindxOp = C.SCTPX_BINDX_ADD
	BindxRemove BindxOp = C.SCTPX_BINDX_REMOVE
)

// Features are the SCTPX_FEATURE_* bits of AssocChangeEvent.Features.
type Features uint32

const (
	FeaturePR           Features = C.SCTPX_FEATURE_PR
	FeatureAuth         Features = C.SCTPX_FEATURE_AUTH
	FeatureAsconf       Features = C.SCTPX_FEATURE_ASCONF
	FeatureMultibuf     Features = C.SCTPX_FEATURE_MULTIBUF
	FeatureReconfig     Features = C.SCTPX_FEATURE_RECONFIG
	FeatureInterleaving Features = C.SCTPX_FEATURE_INTERLEAVING
)
