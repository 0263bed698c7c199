package sctpx

/*
#include <sctpx.h>
*/
import "C"

import (
	"strconv"
	"unsafe"
)

// EventKind is SCTPX_EVENT_*: data, or one of the 13 notification kinds
// (the argument of Subscribe).
type EventKind uint32

// BEGIN generated (event-kinds): tools/gen-bindings makes it from include/sctpx.h: do not edit
const (
	// A data message.
	EventData EventKind = C.SCTPX_EVENT_DATA

	// Association change (`assoc_change`).
	EventAssocChange EventKind = C.SCTPX_EVENT_ASSOC_CHANGE

	// Peer address change (`peer_addr_change`).
	EventPeerAddrChange EventKind = C.SCTPX_EVENT_PEER_ADDR_CHANGE

	// Send failed, old form (`send_failed`; the info came from sctp_sndrcvinfo).
	EventSendFailed EventKind = C.SCTPX_EVENT_SEND_FAILED

	// Remote error (`remote_error`); the payload is the error cause.
	EventRemoteError EventKind = C.SCTPX_EVENT_REMOTE_ERROR

	// The peer sent SHUTDOWN: no more data will arrive.
	EventShutdown EventKind = C.SCTPX_EVENT_SHUTDOWN

	// Partial delivery was aborted (`partial_delivery`).
	EventPartialDelivery EventKind = C.SCTPX_EVENT_PARTIAL_DELIVERY

	// The peer's adaptation layer indication (`adaptation`).
	EventAdaptation EventKind = C.SCTPX_EVENT_ADAPTATION

	// Authentication key event (`authentication`).
	EventAuthentication EventKind = C.SCTPX_EVENT_AUTHENTICATION

	// No user data is left to send or retransmit.
	EventSenderDry EventKind = C.SCTPX_EVENT_SENDER_DRY

	// Streams were reset (`stream_reset`); the payload is the list of stream
	// numbers as host-order uint16_t values.
	EventStreamReset EventKind = C.SCTPX_EVENT_STREAM_RESET

	// The association was reset (`assoc_reset`).
	EventAssocReset EventKind = C.SCTPX_EVENT_ASSOC_RESET

	// The number of streams changed (`stream_change`).
	EventStreamChange EventKind = C.SCTPX_EVENT_STREAM_CHANGE

	// Send failed, new form (`send_failed`; the info came from sctp_sndinfo).
	EventSendFailedEvent EventKind = C.SCTPX_EVENT_SEND_FAILED_EVENT
)

// END generated

// BEGIN generated (event-kind-names): tools/gen-bindings makes it from include/sctpx.h: do not edit
var eventKindNames = [...]string{
	C.SCTPX_EVENT_DATA:              "Data",
	C.SCTPX_EVENT_ASSOC_CHANGE:      "AssocChange",
	C.SCTPX_EVENT_PEER_ADDR_CHANGE:  "PeerAddrChange",
	C.SCTPX_EVENT_SEND_FAILED:       "SendFailed",
	C.SCTPX_EVENT_REMOTE_ERROR:      "RemoteError",
	C.SCTPX_EVENT_SHUTDOWN:          "Shutdown",
	C.SCTPX_EVENT_PARTIAL_DELIVERY:  "PartialDelivery",
	C.SCTPX_EVENT_ADAPTATION:        "Adaptation",
	C.SCTPX_EVENT_AUTHENTICATION:    "Authentication",
	C.SCTPX_EVENT_SENDER_DRY:        "SenderDry",
	C.SCTPX_EVENT_STREAM_RESET:      "StreamReset",
	C.SCTPX_EVENT_ASSOC_RESET:       "AssocReset",
	C.SCTPX_EVENT_STREAM_CHANGE:     "StreamChange",
	C.SCTPX_EVENT_SEND_FAILED_EVENT: "SendFailedEvent",
}

// END generated

func (k EventKind) String() string {
	if int(k) < len(eventKindNames) && eventKindNames[k] != "" {
		return eventKindNames[k]
	}
	return "EventKind(" + strconv.Itoa(int(k)) + ")"
}

// Event is what ReadEvent returns: a *DataEvent or one of the notification
// types below (a pointer to it). Byte slices in an event (Data, Streams'
// source) point into the buffer given to ReadEvent.
type Event interface {
	Kind() EventKind
	// Assoc is the association the event belongs to.
	Assoc() AssocID
}

// DataEvent is a data message, or a piece of one when the buffer was smaller
// than the message (Flags lacks FlagComplete then; the rest follows).
type DataEvent struct {
	RecvInfo
	Data []byte
}

// Notification holds what every notification carries.
type Notification struct {
	AssocID AssocID
	// Truncated: the payload did not fit the buffer and was cut to it.
	Truncated bool
}

// Assoc returns the association the notification is about.
func (n *Notification) Assoc() AssocID { return n.AssocID }

// Association change states (AssocChangeEvent.State).
const (
	CommUp       = C.SCTPX_COMM_UP
	CommLost     = C.SCTPX_COMM_LOST
	Restart      = C.SCTPX_RESTART
	ShutdownComp = C.SCTPX_SHUTDOWN_COMP
	CantStrAssoc = C.SCTPX_CANT_STR_ASSOC
)

// AssocChangeEvent is SCTP_ASSOC_CHANGE: an association came up, went down
// or restarted.
type AssocChangeEvent struct {
	Notification
	State           uint16 // CommUp, CommLost, Restart, ShutdownComp or CantStrAssoc
	Error           uint16 // the error cause code when the association failed
	OutboundStreams uint16
	InboundStreams  uint16
	Features        Features // what the peer supports (CommUp and Restart only)
	Info            []byte   // the ABORT's error causes, on CommLost and CantStrAssoc
}

// Peer address states (PeerAddrChangeEvent.State).
const (
	AddrAvailable         = C.SCTPX_ADDR_AVAILABLE
	AddrUnreachable       = C.SCTPX_ADDR_UNREACHABLE
	AddrRemoved           = C.SCTPX_ADDR_REMOVED
	AddrAdded             = C.SCTPX_ADDR_ADDED
	AddrMadePrim          = C.SCTPX_ADDR_MADE_PRIM
	AddrConfirmed         = C.SCTPX_ADDR_CONFIRMED
	AddrPotentiallyFailed = C.SCTPX_ADDR_POTENTIALLY_FAILED
)

// PeerAddrChangeEvent is SCTP_PEER_ADDR_CHANGE: one peer address changed state.
type PeerAddrChangeEvent struct {
	Notification
	Addr  *Addr
	State uint32 // Addr* constants
	Error uint32 // why: a Peer* reason code (not an errno)
}

// Reasons of a peer address change (PeerAddrChangeEvent.Error).
const (
	PeerFailedThreshold      = C.SCTPX_PEER_FAILED_THRESHOLD
	PeerReceivedSack         = C.SCTPX_PEER_RECEIVED_SACK
	PeerHeartbeatSuccess     = C.SCTPX_PEER_HEARTBEAT_SUCCESS
	PeerResponseToUserReq    = C.SCTPX_PEER_RESPONSE_TO_USER_REQ
	PeerInternalError        = C.SCTPX_PEER_INTERNAL_ERROR
	PeerShutdownGuardExpires = C.SCTPX_PEER_SHUTDOWN_GUARD_EXPIRES
	PeerFaulty               = C.SCTPX_PEER_FAULTY
)

// Send-failed flags (SendFailedEvent.Flags): Linux's values (enum
// sctp_ssf_flags), which are what the library passes on; RFC 6458 numbers
// them 1 and 2.
const (
	DataUnsent = C.SCTPX_DATA_UNSENT
	DataSent   = C.SCTPX_DATA_SENT
)

// SendFailedEvent is SCTP_SEND_FAILED_EVENT or (Kind EventSendFailed) the
// old SCTP_SEND_FAILED: a message could not be delivered.
type SendFailedEvent struct {
	Notification
	kind  EventKind
	Flags uint32 // DataUnsent (never on the wire) or DataSent
	Error uint32
	Info  SendInfo // what the message was sent with
	Data  []byte   // the undelivered message
}

// RemoteErrorEvent is SCTP_REMOTE_ERROR: the peer sent an ERROR chunk.
type RemoteErrorEvent struct {
	Notification
	Error  uint16 // the cause code
	Causes []byte // the error cause TLVs
}

// ShutdownEvent is SCTP_SHUTDOWN_EVENT: the peer sent SHUTDOWN; no more
// data will arrive.
type ShutdownEvent struct{ Notification }

// PartialDeliveryAborted is PartialDeliveryEvent.Indication's only value.
const PartialDeliveryAborted = C.SCTPX_PARTIAL_DELIVERY_ABORTED

// PartialDeliveryEvent is SCTP_PARTIAL_DELIVERY_EVENT: a partially
// delivered message will not be completed.
type PartialDeliveryEvent struct {
	Notification
	Indication uint32
	Stream     uint32
	Sequence   uint32
}

// AdaptationEvent is SCTP_ADAPTATION_INDICATION: the peer's adaptation
// layer indication (OptAdaptationLayer on its side).
type AdaptationEvent struct {
	Notification
	Indication uint32
}

// Authentication indications (AuthenticationEvent.Indication).
const (
	AuthNewKey  = C.SCTPX_AUTH_NEW_KEY
	AuthFreeKey = C.SCTPX_AUTH_FREE_KEY
	AuthNoAuth  = C.SCTPX_AUTH_NO_AUTH
)

// AuthenticationEvent is SCTP_AUTHENTICATION_EVENT.
type AuthenticationEvent struct {
	Notification
	KeyNumber  uint16
	Indication uint32
}

// SenderDryEvent is SCTP_SENDER_DRY_EVENT: nothing is left to send or
// retransmit.
type SenderDryEvent struct{ Notification }

// Stream reset flags (StreamResetEvent.Flags).
const (
	StreamResetIncomingSSN = C.SCTPX_STREAM_RESET_INCOMING_SSN
	StreamResetOutgoingSSN = C.SCTPX_STREAM_RESET_OUTGOING_SSN
	StreamResetDenied      = C.SCTPX_RESET_DENIED
	StreamResetFailed      = C.SCTPX_RESET_FAILED
)

// StreamResetEvent is SCTP_STREAM_RESET_EVENT.
type StreamResetEvent struct {
	Notification
	Flags   uint16
	Streams []uint16 // the streams reset (none: all)
}

// Association reset and stream change flags (AssocResetEvent.Flags,
// StreamChangeEvent.Flags): the same SCTPX_RESET_* values.
const (
	AssocResetDenied   = C.SCTPX_RESET_DENIED
	AssocResetFailed   = C.SCTPX_RESET_FAILED
	StreamChangeDenied = C.SCTPX_RESET_DENIED
	StreamChangeFailed = C.SCTPX_RESET_FAILED
)

// AssocResetEvent is SCTP_ASSOC_RESET_EVENT.
type AssocResetEvent struct {
	Notification
	Flags     uint16
	LocalTSN  uint32
	RemoteTSN uint32
}

// StreamChangeEvent is SCTP_STREAM_CHANGE_EVENT: the number of streams changed.
type StreamChangeEvent struct {
	Notification
	Flags           uint16
	InboundStreams  uint16
	OutboundStreams uint16
}

func (*DataEvent) Kind() EventKind            { return EventData }
func (*AssocChangeEvent) Kind() EventKind     { return EventAssocChange }
func (*PeerAddrChangeEvent) Kind() EventKind  { return EventPeerAddrChange }
func (e *SendFailedEvent) Kind() EventKind    { return e.kind }
func (*RemoteErrorEvent) Kind() EventKind     { return EventRemoteError }
func (*ShutdownEvent) Kind() EventKind        { return EventShutdown }
func (*PartialDeliveryEvent) Kind() EventKind { return EventPartialDelivery }
func (*AdaptationEvent) Kind() EventKind      { return EventAdaptation }
func (*AuthenticationEvent) Kind() EventKind  { return EventAuthentication }
func (*SenderDryEvent) Kind() EventKind       { return EventSenderDry }
func (*StreamResetEvent) Kind() EventKind     { return EventStreamReset }
func (*AssocResetEvent) Kind() EventKind      { return EventAssocReset }
func (*StreamChangeEvent) Kind() EventKind    { return EventStreamChange }

// decodeEvent turns a filled sctpx_event and its bytes (b, already cut to
// the event's length) into the typed Event.
func decodeEvent(ev *C.sctpx_event, b []byte) Event {
	if EventKind(ev.kind) == EventData {
		return &DataEvent{RecvInfo: recvInfoOf(ev), Data: b}
	}
	n := Notification{AssocID: AssocID(ev.assoc_id), Truncated: EventFlags(ev.flags)&FlagTruncated != 0}
	switch k := EventKind(ev.kind); k {
	case EventAssocChange:
		a := &ev.assoc_change
		return &AssocChangeEvent{n, uint16(a.state), uint16(a.error), uint16(a.outbound_streams),
			uint16(a.inbound_streams), Features(a.features), b}
	case EventPeerAddrChange:
		p := &ev.peer_addr_change
		return &PeerAddrChangeEvent{n, addrOf(&p.addr), uint32(p.state), uint32(p.error)}
	case EventSendFailed, EventSendFailedEvent:
		f := &ev.send_failed
		return &SendFailedEvent{n, k, uint32(f.flags), uint32(f.error), sendInfoOf(&f.info), b}
	case EventRemoteError:
		return &RemoteErrorEvent{n, uint16(ev.remote_error.error), b}
	case EventShutdown:
		return &ShutdownEvent{n}
	case EventPartialDelivery:
		p := &ev.partial_delivery
		return &PartialDeliveryEvent{n, uint32(p.indication), uint32(p.stream), uint32(p.sequence)}
	case EventAdaptation:
		return &AdaptationEvent{n, uint32(ev.adaptation.indication)}
	case EventAuthentication:
		a := &ev.authentication
		return &AuthenticationEvent{n, uint16(a.key_number), uint32(a.indication)}
	case EventSenderDry:
		return &SenderDryEvent{n}
	case EventStreamReset:
		// The payload is host-order uint16 stream numbers.
		streams := make([]uint16, len(b)/2)
		for i := range streams {
			copy((*[2]byte)(unsafe.Pointer(&streams[i]))[:], b[2*i:])
		}
		return &StreamResetEvent{n, uint16(ev.stream_reset.flags), streams}
	case EventAssocReset:
		a := &ev.assoc_reset
		return &AssocResetEvent{n, uint16(a.flags), uint32(a.local_tsn), uint32(a.remote_tsn)}
	case EventStreamChange:
		s := &ev.stream_change
		return &StreamChangeEvent{n, uint16(s.flags), uint16(s.inbound_streams), uint16(s.outbound_streams)}
	}
	// The header defines no other kind; a newer library might.
	return &unknownEvent{n, EventKind(ev.kind)}
}

// unknownEvent stands for a kind newer than this package.
type unknownEvent struct {
	Notification
	kind EventKind
}

func (e *unknownEvent) Kind() EventKind { return e.kind }
