//! Typed events: data messages and the 13 notification kinds Linux defines.

use std::mem::{self, size_of};
use std::net::SocketAddr;
use std::ptr;

use crate::sys;
use crate::types::*;

/// What a data message arrived with (the kernel's SCTP_RCVINFO).
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct DataInfo {
    /// Stream number.
    pub stream: u16,
    /// Stream sequence number.
    pub ssn: u16,
    /// Payload protocol identifier, in host byte order.
    pub ppid: u32,
    /// Transmission sequence number.
    pub tsn: u32,
    /// Cumulative TSN acknowledged.
    pub cumtsn: u32,
    /// Context.
    pub context: u32,
    /// The message was sent unordered.
    pub unordered: bool,
    /// The source address, when the kernel gave one (never with
    /// `IntOption::RecvFrom` off).
    pub from: Option<SocketAddr>,
}

/// The message queued behind the one just received (the kernel's
/// SCTP_NXTINFO), reported with `IntOption::RecvNextInfo` on. It describes the
/// next message without consuming it: the next receive returns that message.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NextInfo {
    /// Its stream number.
    pub stream: u16,
    /// Its payload protocol identifier, in host byte order.
    pub ppid: u32,
    /// Its length in bytes, as much of it as has arrived.
    pub len: u32,
    /// Its association.
    pub assoc_id: AssocId,
    /// It was sent unordered.
    pub unordered: bool,
    /// The whole of it has arrived. Linux has no SCTP_COMPLETE and never says
    /// so (always false on kernel SCTP); the userspace backend does.
    pub complete: bool,
    /// It is a notification, not a data message.
    pub notification: bool,
}

/// A peer address changed state (SCTP_PEER_ADDR_CHANGE).
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct PeerAddrChange {
    /// The address concerned (`None` if the kernel sent an unknown family).
    pub addr: Option<SocketAddr>,
    /// SCTP_ADDR_AVAILABLE (0), _UNREACHABLE (1), _REMOVED (2), _ADDED (3),
    /// _MADE_PRIM (4), _CONFIRMED (5), _POTENTIALLY_FAILED (6).
    pub state: u32,
    /// Why the state changed: a reason code (SCTPX_PEER_* in C; Linux's
    /// sctp_sn_error values), not an errno.
    pub error: u32,
}

crate::tables::c_constants! {
    /// `PeerAddrChange::state` (`peer_addr_change.state`): the kernel's values.
    pub table peer_addr_states: u32 {
        /// The address is reachable.
        SCTPX_ADDR_AVAILABLE = 0 => ADDR_AVAILABLE;
        /// The address is unreachable (path failed).
        SCTPX_ADDR_UNREACHABLE = 1 => ADDR_UNREACHABLE;
        /// The address was removed from the association.
        SCTPX_ADDR_REMOVED = 2 => ADDR_REMOVED;
        /// The address was added to the association.
        SCTPX_ADDR_ADDED = 3 => ADDR_ADDED;
        /// The address was made primary.
        SCTPX_ADDR_MADE_PRIM = 4 => ADDR_MADE_PRIM;
        /// The address was confirmed by a heartbeat.
        SCTPX_ADDR_CONFIRMED = 5 => ADDR_CONFIRMED;
        /// The address is potentially failed.
        SCTPX_ADDR_POTENTIALLY_FAILED = 6 => ADDR_POTENTIALLY_FAILED;
    }
}

/// One event: a data message or a notification. The event's bytes (the
/// message, or the payload documented for the notification) are in the buffer
/// passed to the receive call.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub enum Event {
    /// A data message.
    Data(DataInfo),
    /// Association change; bytes: the ABORT chunk's error causes on COMM_LOST/CANT_STR_ASSOC.
    AssocChange(AssocChange),
    /// Peer address change.
    PeerAddrChange(PeerAddrChange),
    /// Old-form send failure (SCTP_SEND_FAILED); bytes: the unsent data.
    SendFailed(SendFailed),
    /// Remote error; bytes: the error cause TLVs.
    RemoteError(RemoteError),
    /// The peer sent SHUTDOWN.
    Shutdown,
    /// Partial delivery aborted.
    PartialDelivery(PartialDelivery),
    /// The peer's adaptation layer indication.
    Adaptation(Adaptation),
    /// Authentication key event.
    Authentication(Authentication),
    /// No user data is left to send or retransmit.
    SenderDry,
    /// Streams were reset; bytes: host-order u16 stream numbers.
    StreamReset(StreamReset),
    /// The association was reset.
    AssocReset(AssocReset),
    /// The number of streams changed.
    StreamChange(StreamChange),
    /// New-form send failure (SCTP_SEND_FAILED_EVENT); bytes: the unsent data.
    SendFailedEvent(SendFailed),
}

impl Default for Event {
    fn default() -> Event {
        Event::Data(DataInfo::default())
    }
}

impl Event {
    /// The C ABI's number for this kind (SCTPX_EVENT_*).
    pub fn kind(&self) -> u32 {
        let kind = match self {
            Event::Data(_) => return EVENT_DATA,
            Event::AssocChange(_) => EventKind::AssocChange,
            Event::PeerAddrChange(_) => EventKind::PeerAddrChange,
            Event::SendFailed(_) => EventKind::SendFailed,
            Event::RemoteError(_) => EventKind::RemoteError,
            Event::Shutdown => EventKind::Shutdown,
            Event::PartialDelivery(_) => EventKind::PartialDelivery,
            Event::Adaptation(_) => EventKind::Adaptation,
            Event::Authentication(_) => EventKind::Authentication,
            Event::SenderDry => EventKind::SenderDry,
            Event::StreamReset(_) => EventKind::StreamReset,
            Event::AssocReset(_) => EventKind::AssocReset,
            Event::StreamChange(_) => EventKind::StreamChange,
            Event::SendFailedEvent(_) => EventKind::SendFailedEvent,
        };
        kind as u32
    }
}

/// Declares the event kinds: first the data row, `/// doc` lines then
/// `SCTPX_EVENT_DATA = 0;`, then one row per notification kind: `/// doc`
/// lines, `Variant = number as SCTPX_NAME, sys::KERNEL_SN_TYPE;`. Makes the
/// `EventKind` enum (the notification kinds: what `subscribe` takes), `ALL`,
/// `from_u32`, the kernel type of each, and `event_kinds()` for the header.
macro_rules! event_kinds {
    (
        $(#[doc = $heading:literal])*
        table {
            $(#[doc = $data_doc:literal])* $data_cname:ident = $data_num:literal;
            $( $(#[doc = $doc:literal])* $variant:ident = $num:literal as $cname:ident, $kernel:expr; )*
        }
    ) => {
        /// `sctpx_event.kind` of a data message.
        pub(crate) const EVENT_DATA: u32 = $data_num;

        /// The notification kinds, for subscriptions; numbered as `Event::kind`.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(u32)]
        pub enum EventKind {
            $( $(#[doc = $doc])* $variant = $num, )*
        }

        impl EventKind {
            /// Every notification kind, in number order.
            pub const ALL: [EventKind; [$($num),*].len()] = [$(EventKind::$variant),*];

            /// The kind for a C ABI number, if valid.
            pub fn from_u32(n: u32) -> Option<EventKind> {
                match n {
                    $($num => Some(EventKind::$variant),)*
                    _ => None,
                }
            }

            /// The kernel's notification type (sn_type) for this kind.
            pub(crate) fn kernel_type(self) -> u16 {
                match self {
                    $(EventKind::$variant => $kernel,)*
                }
            }
        }

        $(#[doc = $heading])*
        #[cfg(test)]
        pub(crate) fn event_kinds() -> crate::tables::CGroup {
            crate::tables::CGroup {
                heading: concat!($($heading, "\n"),*),
                ty: "u32",
                rows: vec![
                    crate::tables::CRow::new(stringify!($data_cname), $data_num, concat!($($data_doc, "\n"),*)),
                    $(crate::tables::CRow::new(stringify!($cname), $num, concat!($($doc, "\n"),*))),*
                ],
            }
        }
    };
}

event_kinds! {
    /// Event kinds (`sctpx_event.kind`; `sctpx_subscribe` takes the
    /// notification kinds).
    table {
        /// A data message.
        SCTPX_EVENT_DATA = 0;
        /// Association change (`assoc_change`).
        AssocChange = 1 as SCTPX_EVENT_ASSOC_CHANGE, sys::SCTP_ASSOC_CHANGE;
        /// Peer address change (`peer_addr_change`).
        PeerAddrChange = 2 as SCTPX_EVENT_PEER_ADDR_CHANGE, sys::SCTP_PEER_ADDR_CHANGE;
        /// Send failed, old form (`send_failed`; the info came from sctp_sndrcvinfo).
        SendFailed = 3 as SCTPX_EVENT_SEND_FAILED, sys::SCTP_SEND_FAILED;
        /// Remote error (`remote_error`); the payload is the error cause.
        RemoteError = 4 as SCTPX_EVENT_REMOTE_ERROR, sys::SCTP_REMOTE_ERROR;
        /// The peer sent SHUTDOWN: no more data will arrive.
        Shutdown = 5 as SCTPX_EVENT_SHUTDOWN, sys::SCTP_SHUTDOWN_EVENT;
        /// Partial delivery was aborted (`partial_delivery`).
        PartialDelivery = 6 as SCTPX_EVENT_PARTIAL_DELIVERY, sys::SCTP_PARTIAL_DELIVERY_EVENT;
        /// The peer's adaptation layer indication (`adaptation`).
        Adaptation = 7 as SCTPX_EVENT_ADAPTATION, sys::SCTP_ADAPTATION_INDICATION;
        /// Authentication key event (`authentication`).
        Authentication = 8 as SCTPX_EVENT_AUTHENTICATION, sys::SCTP_AUTHENTICATION_EVENT;
        /// No user data is left to send or retransmit.
        SenderDry = 9 as SCTPX_EVENT_SENDER_DRY, sys::SCTP_SENDER_DRY_EVENT;
        /// Streams were reset (`stream_reset`); the payload is the list of stream
        /// numbers as host-order uint16_t values.
        StreamReset = 10 as SCTPX_EVENT_STREAM_RESET, sys::SCTP_STREAM_RESET_EVENT;
        /// The association was reset (`assoc_reset`).
        AssocReset = 11 as SCTPX_EVENT_ASSOC_RESET, sys::SCTP_ASSOC_RESET_EVENT;
        /// The number of streams changed (`stream_change`).
        StreamChange = 12 as SCTPX_EVENT_STREAM_CHANGE, sys::SCTP_STREAM_CHANGE_EVENT;
        /// Send failed, new form (`send_failed`; the info came from sctp_sndinfo).
        SendFailedEvent = 13 as SCTPX_EVENT_SEND_FAILED_EVENT, sys::SCTP_SEND_FAILED_EVENT;
    }
}

crate::tables::c_constants! {
    /// Event flags (`sctpx_event.flags`; `Received` and `DataInfo` in Rust).
    pub(crate) table event_flags: u32 {
        /// The message is complete (the kernel set MSG_EOR). Without it, `len` bytes
        /// are one part of a larger message and the next call returns more of it.
        SCTPX_EVENT_FLAG_COMPLETE = 1 => _;
        /// The data message was sent unordered.
        SCTPX_EVENT_FLAG_UNORDERED = 2 => _;
        /// A notification did not fit in the caller's buffer: its fixed fields are
        /// decoded, its payload was cut to the buffer and the rest discarded.
        SCTPX_EVENT_FLAG_TRUNCATED = 4 => _;
    }
}

crate::tables::c_constants! {
    /// Next-message flags (`sctpx_next_info.flags`; `Received::next` in Rust).
    pub(crate) table next_info_flags: u32 {
        /// A message was queued behind the one received, and the other fields
        /// describe it. Without it every field is 0: none was waiting, or
        /// SCTPX_OPT_RECV_NEXT_INFO is off.
        SCTPX_NEXT_FLAG_PRESENT = 1 => _;
        /// The next message was sent unordered.
        SCTPX_NEXT_FLAG_UNORDERED = 2 => _;
        /// The whole next message has arrived. Linux has no SCTP_COMPLETE and
        /// never reports it; the userspace backend does.
        SCTPX_NEXT_FLAG_COMPLETE = 4 => _;
        /// The next message is a notification, not data.
        SCTPX_NEXT_FLAG_NOTIFICATION = 8 => _;
    }
}

impl EventKind {
    /// The kind for a kernel notification type (sn_type).
    pub(crate) fn from_kernel_type(t: u16) -> Option<EventKind> {
        EventKind::ALL.iter().copied().find(|k| k.kernel_type() == t)
    }
}

/// One received event with what the receive call wrote to the buffer.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Received {
    /// The event.
    pub event: Event,
    /// Its association.
    pub assoc_id: AssocId,
    /// Bytes of the event in the buffer.
    pub len: usize,
    /// The message is complete (MSG_EOR). False means more of the same message
    /// follows in the next receive call.
    pub complete: bool,
    /// A notification was cut to fit the buffer.
    pub truncated: bool,
    /// The message queued behind this one, when `IntOption::RecvNextInfo` is on
    /// and one was already waiting; `None` when nothing was (or the option is
    /// off).
    pub next: Option<NextInfo>,
}

/// The longest fixed part of any notification plus room for its start: the
/// decoder copies this much into a stack buffer so a small caller buffer never
/// loses a notification's fields.
pub(crate) const NOTIFICATION_HEAD: usize = 512;

#[inline]
fn read<T: Copy>(buf: &[u8]) -> T {
    // Zero-filled tail: a short notification decodes with zeros rather than
    // reading past the buffer.
    let mut tmp = [0u8; NOTIFICATION_HEAD];
    let n = buf.len().min(size_of::<T>()).min(NOTIFICATION_HEAD);
    tmp[..n].copy_from_slice(&buf[..n]);
    // SAFETY: T is a plain-old-data kernel struct, NOTIFICATION_HEAD >= size_of::<T>().
    unsafe { ptr::read_unaligned(tmp.as_ptr() as *const T) }
}

// RFC 6458 section 6.1.1 feature bytes in sac_info. <linux/sctp.h> does not
// define them; the values are the RFC's (FreeBSD adds RE_CONFIG and
// INTERLEAVING with the next numbers).
const SUPPORTS_PR: u8 = 1;
const SUPPORTS_AUTH: u8 = 2;
const SUPPORTS_ASCONF: u8 = 3;
const SUPPORTS_MULTIBUF: u8 = 4;
const SUPPORTS_RE_CONFIG: u8 = 5;
const SUPPORTS_INTERLEAVING: u8 = 6;

fn features(info: &[u8]) -> u32 {
    let mut bits = 0;
    for &b in info {
        bits |= match b as u32 {
            x if x == SUPPORTS_PR as u32 => FEATURE_PR,
            x if x == SUPPORTS_AUTH as u32 => FEATURE_AUTH,
            x if x == SUPPORTS_ASCONF as u32 => FEATURE_ASCONF,
            x if x == SUPPORTS_MULTIBUF as u32 => FEATURE_MULTIBUF,
            x if x == SUPPORTS_RE_CONFIG as u32 => FEATURE_RECONFIG,
            x if x == SUPPORTS_INTERLEAVING as u32 => FEATURE_INTERLEAVING,
            _ => 0,
        };
    }
    bits
}

fn storage_addr(s: &libc::sockaddr_storage) -> Option<SocketAddr> {
    crate::addr::from_storage_any(s).ok()
}

/// Decodes a notification.
///
/// `head` holds the first bytes of the notification (up to NOTIFICATION_HEAD);
/// `total` is its full length as received. Returns the event, its association
/// and the byte range of its payload relative to the notification start.
pub(crate) fn decode_notification(head: &[u8]) -> Option<(Event, AssocId, usize)> {
    let hdr: sys::sctp_tlv = read(head);
    let kind = EventKind::from_kernel_type(hdr.sn_type)?;
    Some(match kind {
        EventKind::AssocChange => {
            let n: sys::sctp_assoc_change = read(head);
            let off = mem::offset_of!(sys::sctp_assoc_change, sac_info);
            let info = head.get(off..).unwrap_or(&[]);
            let up = n.sac_state == COMM_UP || n.sac_state == RESTART;
            let ev = AssocChange {
                state: n.sac_state,
                error: n.sac_error,
                outbound_streams: n.sac_outbound_streams,
                inbound_streams: n.sac_inbound_streams,
                features: if up { features(info) } else { 0 },
            };
            // Only failure notifications carry a payload: the ABORT's error
            // causes, without the chunk header.
            (Event::AssocChange(ev), n.sac_assoc_id, if up { usize::MAX } else { off })
        }
        EventKind::PeerAddrChange => {
            let n: sys::sctp_paddr_change = read(head);
            let addr = n.spc_aaddr;
            let ev = PeerAddrChange { addr: storage_addr(&addr), state: n.spc_state as u32, error: n.spc_error as u32 };
            (Event::PeerAddrChange(ev), n.spc_assoc_id, usize::MAX)
        }
        EventKind::SendFailed => {
            let n: sys::sctp_send_failed = read(head);
            let i = n.ssf_info;
            let ev = SendFailed {
                flags: n.ssf_flags as u32,
                error: n.ssf_error,
                info: SendInfo {
                    stream: i.sinfo_stream,
                    flags: i.sinfo_flags,
                    ppid: u32::from_be(i.sinfo_ppid),
                    context: i.sinfo_context,
                    assoc_id: i.sinfo_assoc_id,
                    pr_policy: 0,
                    reserved: 0,
                    pr_value: i.sinfo_timetolive,
                },
            };
            let off = mem::offset_of!(sys::sctp_send_failed, ssf_data);
            (Event::SendFailed(ev), n.ssf_assoc_id, off)
        }
        EventKind::SendFailedEvent => {
            let n: sys::sctp_send_failed_event = read(head);
            let i = n.ssfe_info;
            let ev = SendFailed {
                flags: n.ssf_flags as u32,
                error: n.ssf_error,
                info: SendInfo {
                    stream: i.snd_sid,
                    flags: i.snd_flags,
                    ppid: u32::from_be(i.snd_ppid),
                    context: i.snd_context,
                    assoc_id: i.snd_assoc_id,
                    pr_policy: 0,
                    reserved: 0,
                    pr_value: 0,
                },
            };
            let off = mem::offset_of!(sys::sctp_send_failed_event, ssf_data);
            (Event::SendFailedEvent(ev), n.ssf_assoc_id, off)
        }
        EventKind::RemoteError => {
            let n: sys::sctp_remote_error = read(head);
            let off = mem::offset_of!(sys::sctp_remote_error, sre_data);
            let ev = RemoteError { error: u16::from_be(n.sre_error) };
            (Event::RemoteError(ev), n.sre_assoc_id, off)
        }
        EventKind::Shutdown => {
            let n: sys::sctp_shutdown_event = read(head);
            (Event::Shutdown, n.sse_assoc_id, usize::MAX)
        }
        EventKind::PartialDelivery => {
            let n: sys::sctp_pdapi_event = read(head);
            let ev = PartialDelivery { indication: n.pdapi_indication, stream: n.pdapi_stream, sequence: n.pdapi_seq };
            (Event::PartialDelivery(ev), n.pdapi_assoc_id, usize::MAX)
        }
        EventKind::Adaptation => {
            let n: sys::sctp_adaptation_event = read(head);
            let ev = Adaptation { indication: n.sai_adaptation_ind };
            (Event::Adaptation(ev), n.sai_assoc_id, usize::MAX)
        }
        EventKind::Authentication => {
            let n: sys::sctp_authkey_event = read(head);
            let ev = Authentication { key_number: n.auth_keynumber, indication: n.auth_indication };
            (Event::Authentication(ev), n.auth_assoc_id, usize::MAX)
        }
        EventKind::SenderDry => {
            let n: sys::sctp_sender_dry_event = read(head);
            (Event::SenderDry, n.sender_dry_assoc_id, usize::MAX)
        }
        EventKind::StreamReset => {
            let n: sys::sctp_stream_reset_event = read(head);
            let off = mem::offset_of!(sys::sctp_stream_reset_event, strreset_stream_list);
            let ev = StreamReset { flags: n.strreset_flags };
            (Event::StreamReset(ev), n.strreset_assoc_id, off)
        }
        EventKind::AssocReset => {
            let n: sys::sctp_assoc_reset_event = read(head);
            let ev = AssocReset {
                flags: n.assocreset_flags,
                local_tsn: n.assocreset_local_tsn,
                remote_tsn: n.assocreset_remote_tsn,
            };
            (Event::AssocReset(ev), n.assocreset_assoc_id, usize::MAX)
        }
        EventKind::StreamChange => {
            let n: sys::sctp_stream_change_event = read(head);
            let ev = StreamChange {
                flags: n.strchange_flags,
                inbound_streams: n.strchange_instrms,
                outbound_streams: n.strchange_outstrms,
            };
            (Event::StreamChange(ev), n.strchange_assoc_id, usize::MAX)
        }
    })
}
