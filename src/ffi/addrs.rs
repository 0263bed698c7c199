//! Addresses: several of them at once (bindx, connectx), the association's
//! local and peer addresses, the primary path; and the conversions between
//! the caller's `sockaddr_storage`s and the core's `SocketAddr`s.

use std::mem;
use std::net::SocketAddr;

use libc::{sockaddr, sockaddr_storage, socklen_t};

use super::boundary::*;
use super::types::*;
use crate::socket::BindxOp;
use crate::types::AssocId;

/// The most addresses one bindx or connectx takes.
pub(super) const MAX_ADDRS: usize = 64;

/// Reads the caller's `count` `sockaddr_storage`s (1 to MAX_ADDRS) into
/// `out` and returns how many.
///
/// # Safety
/// A non-NULL `addrs` points at `count` `sockaddr_storage`s.
pub(super) unsafe fn read_addr_list(
    addrs: *const sockaddr_storage,
    count: usize,
    out: &mut [SocketAddr; MAX_ADDRS],
) -> Result<usize, i32> {
    let list = array_from_ptr(addrs, count, MAX_ADDRS)?;
    for (slot, a) in out.iter_mut().zip(list) {
        *slot = crate::addr::from_storage_any(a).or_code()?;
    }
    Ok(list.len())
}

/// Writes an address (all zero, AF_UNSPEC, for None) into a caller's
/// `sockaddr_storage` and returns its length (0 for None).
pub(super) fn write_addr(a: &Option<SocketAddr>, out: &mut sockaddr_storage) -> socklen_t {
    match a {
        Some(a) => crate::addr::to_storage(a, out),
        None => {
            // SAFETY: all-zero is a valid (AF_UNSPEC) storage.
            *out = unsafe { mem::zeroed() };
            0
        }
    }
}

/// Writes what fits of `list` into the caller's array of `cap` entries and
/// returns how many there are.
///
/// # Safety
/// A non-NULL `out` points at `cap` `sockaddr_storage`s.
unsafe fn write_addr_list(list: &[SocketAddr], out: *mut sockaddr_storage, cap: usize) -> CallResult {
    let out = mut_prefix_from_ptr(out, cap, list.len())?;
    for (a, slot) in list.iter().zip(out) {
        crate::addr::to_storage(a, slot);
    }
    count_result(list.len())
}

/// Adds (SCTPX_BINDX_ADD) or removes (SCTPX_BINDX_REMOVE) `count` addresses
/// (1 to 64), given as an array of `struct sockaddr_storage` (IPv4 and IPv6
/// may be mixed on an IPv6 socket). All addresses must share one port.
#[no_mangle]
pub unsafe extern "C" fn sctpx_bindx(h: sctpx_handle, addrs: *const sockaddr_storage, count: usize, flags: i32) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let op = match flags {
            SCTPX_BINDX_ADD => BindxOp::Add,
            SCTPX_BINDX_REMOVE => BindxOp::Remove,
            _ => return Err(SCTPX_ERR_INVALID_ARGUMENT),
        };
        let mut list = [SocketAddr::from(([0, 0, 0, 0], 0)); MAX_ADDRS];
        let n = read_addr_list(addrs, count, &mut list)?;
        s.bindx(&list[..n], op).or_code()?;
        Ok(0)
    })
}

/// Connects to a peer by `count` of its addresses (1 to 64, an array of
/// `struct sockaddr_storage`) and writes the association id to
/// `*assoc_id` (may be NULL).
///
/// On a non-blocking socket it returns -EINPROGRESS while the association is
/// being set up and, unlike other failures, still writes `*assoc_id`: the
/// association exists, and `sctpx_connect_result` says how its set-up goes
/// on.
#[no_mangle]
pub unsafe extern "C" fn sctpx_connectx(
    h: sctpx_handle,
    addrs: *const sockaddr_storage,
    count: usize,
    assoc_id: *mut AssocId,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let mut list = [SocketAddr::from(([0, 0, 0, 0], 0)); MAX_ADDRS];
        let n = read_addr_list(addrs, count, &mut list)?;
        let (id, in_progress) = s.connectx_progress(&list[..n]).or_code()?;
        if let Some(out) = optional_mut_from_ptr(assoc_id) {
            *out = id;
        }
        Ok(if in_progress { -libc::EINPROGRESS } else { 0 })
    })
}

/// Writes the peer's addresses of an association into `out` (`cap` entries)
/// and returns how many there are (only `cap` are written when there are
/// more; call with `cap` 0 to size the array).
#[no_mangle]
pub unsafe extern "C" fn sctpx_getpaddrs(
    h: sctpx_handle,
    assoc_id: AssocId,
    out: *mut sockaddr_storage,
    cap: usize,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let list = s.peer_addrs(assoc_id).or_code()?;
        write_addr_list(&list, out, cap)
    })
}

/// As `sctpx_getpaddrs`, for the local addresses (`assoc_id` 0 on a
/// one-to-many socket: all bound addresses).
#[no_mangle]
pub unsafe extern "C" fn sctpx_getladdrs(
    h: sctpx_handle,
    assoc_id: AssocId,
    out: *mut sockaddr_storage,
    cap: usize,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let list = s.local_addrs(assoc_id).or_code()?;
        write_addr_list(&list, out, cap)
    })
}

/// Makes the peer address `addr` the primary path of association
/// `assoc_id` (SCTP_PRIMARY_ADDR).
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_primary(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let a = addr_from_ptr(addr, addr_len)?;
        s.set_primary(assoc_id, &a).or_code()?;
        Ok(0)
    })
}

/// Writes association `assoc_id`'s primary peer address to `*out` and returns
/// its length.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_primary(h: sctpx_handle, assoc_id: AssocId, out: *mut sockaddr_storage) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        let a = s.primary(assoc_id).or_code()?;
        Ok(write_addr(&a, out) as i32)
    })
}

/// Asks the peer to use our address `addr` as its primary
/// (SCTP_SET_PEER_PRIMARY_ADDR; needs ASCONF on both sides).
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_peer_primary(
    h: sctpx_handle,
    assoc_id: AssocId,
    addr: *const sockaddr,
    addr_len: socklen_t,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let a = addr_from_ptr(addr, addr_len)?;
        s.set_peer_primary(assoc_id, &a).or_code()?;
        Ok(0)
    })
}
