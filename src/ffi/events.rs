//! Notification subscriptions: which kinds of event a socket delivers.

use super::boundary::*;
use super::types::*;
use crate::event::EventKind;

/// Notification kind `kind` as the core's, or SCTPX_ERR_INVALID_ARGUMENT.
fn event_kind_from(kind: u32) -> Result<EventKind, i32> {
    EventKind::from_u32(kind).ok_or(SCTPX_ERR_INVALID_ARGUMENT)
}

/// Turns delivery of notification kind `kind` (SCTPX_EVENT_ASSOC_CHANGE ..
/// SCTPX_EVENT_SEND_FAILED_EVENT) on (`on` != 0) or off. sctpx subscribes to
/// nothing by default, as the kernel; on one-to-many sockets a subscription
/// applies to current and future associations.
#[no_mangle]
pub extern "C" fn sctpx_subscribe(h: sctpx_handle, kind: u32, on: i32) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        s.subscribe(event_kind_from(kind)?, on != 0).or_code()?;
        Ok(0)
    })
}

/// Returns 1 when notification kind `kind` is delivered, 0 when not.
#[no_mangle]
pub extern "C" fn sctpx_subscribed(h: sctpx_handle, kind: u32) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        Ok(s.subscribed(event_kind_from(kind)?).or_code()? as i32)
    })
}
