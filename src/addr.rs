//! Socket addresses at the edges of the core: caller-supplied C addresses
//! are validated here; the conversions themselves live in `sys`.

use std::mem;
use std::net::SocketAddr;

use libc::{sockaddr, sockaddr_storage, socklen_t};

use crate::error::{Error, Result};
use crate::sys;

/// Reads an address of which `len` bytes are valid (`None` when that is too
/// short for its family).
pub(crate) fn from_storage(storage: &sockaddr_storage, len: socklen_t) -> Option<SocketAddr> {
    // SAFETY: a `&sockaddr_storage` is wholly initialised.
    unsafe { sys::socket_addr_from_raw(storage, len as usize) }
}

/// Reads a caller's `sockaddr_storage` (its family says how much is valid).
pub(crate) fn from_storage_any(storage: &sockaddr_storage) -> Result<SocketAddr> {
    sys::socket_addr_from_storage(storage).ok_or(Error::InvalidArgument("address family is not AF_INET or AF_INET6"))
}

/// Writes `addr` into a caller's `sockaddr_storage`, returning its length.
#[inline]
pub(crate) fn to_storage(addr: &SocketAddr, out: &mut sockaddr_storage) -> socklen_t {
    sys::write_socket_addr(addr, out)
}

/// Reads a C `struct sockaddr *` of `len` bytes supplied by a caller,
/// checking the length against the family before reading past the family.
///
/// # Safety
/// `ptr` must point at `len` readable bytes.
pub(crate) unsafe fn from_raw(ptr: *const sockaddr, len: socklen_t) -> Result<SocketAddr> {
    if ptr.is_null() {
        return Err(Error::InvalidArgument("NULL address"));
    }
    let len = len as usize;
    if len < mem::size_of::<libc::sa_family_t>() || len > mem::size_of::<sockaddr_storage>() {
        return Err(Error::InvalidArgument("address length out of range"));
    }
    let mut storage: sockaddr_storage = mem::zeroed();
    std::ptr::copy_nonoverlapping(ptr as *const u8, &mut storage as *mut _ as *mut u8, len);
    if from_storage(&storage, len as socklen_t).is_none() {
        return Err(Error::InvalidArgument("address too short for its family, or not AF_INET/AF_INET6"));
    }
    from_storage_any(&storage)
}
