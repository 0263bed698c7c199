//! Conversions between `std::net::SocketAddr` and the kernel's socket
//! addresses, without heap allocation.

use std::mem;
use std::net::SocketAddr;

use libc::{sockaddr, sockaddr_storage, socklen_t};
use socket2::SockAddr;

use crate::error::{Error, Result};

/// Reads a kernel socket address. `len` is the valid length of `storage`.
pub(crate) fn from_storage(storage: &sockaddr_storage, len: socklen_t) -> Option<SocketAddr> {
    if len == 0 {
        return None;
    }
    // SAFETY: SockAddr::new only requires `len` not to exceed the storage.
    let len = len.min(mem::size_of::<sockaddr_storage>() as socklen_t);
    let sa = unsafe { SockAddr::new(*storage, len) };
    sa.as_socket()
}

/// Reads one address from the front of a packed address list (the kernel's
/// bindx/getpaddrs format: sockaddr_in and sockaddr_in6 back to back).
/// Returns the address and the bytes it took.
pub(crate) fn from_packed(buf: &[u8]) -> Option<(SocketAddr, usize)> {
    if buf.len() < 2 {
        return None;
    }
    let family = u16::from_ne_bytes([buf[0], buf[1]]) as i32;
    let len = match family {
        libc::AF_INET => mem::size_of::<libc::sockaddr_in>(),
        libc::AF_INET6 => mem::size_of::<libc::sockaddr_in6>(),
        _ => return None,
    };
    if buf.len() < len {
        return None;
    }
    // SAFETY: zeroed storage is a valid sockaddr_storage; we copy at most its size.
    let mut storage: sockaddr_storage = unsafe { mem::zeroed() };
    unsafe {
        std::ptr::copy_nonoverlapping(buf.as_ptr(), &mut storage as *mut _ as *mut u8, len);
    }
    from_storage(&storage, len as socklen_t).map(|a| (a, len))
}

/// Appends `addr` in the packed format to `out` at `*pos`.
pub(crate) fn pack(addr: &SocketAddr, out: &mut [u8], pos: &mut usize) -> Result<()> {
    let sa = SockAddr::from(*addr);
    let len = sa.len() as usize;
    if *pos + len > out.len() {
        return Err(Error::InvalidArgument("too many addresses"));
    }
    // SAFETY: `sa.as_ptr()` points at `len` valid bytes.
    let src = unsafe { std::slice::from_raw_parts(sa.as_ptr() as *const u8, len) };
    out[*pos..*pos + len].copy_from_slice(src);
    *pos += len;
    Ok(())
}

/// Writes `addr` into a caller's `sockaddr_storage`, returning its length.
pub(crate) fn to_storage(addr: &SocketAddr, out: &mut sockaddr_storage) -> socklen_t {
    let sa = SockAddr::from(*addr);
    // SAFETY: SockAddr's storage is a sockaddr_storage.
    *out = unsafe { *(sa.as_ptr() as *const sockaddr_storage) };
    sa.len()
}

/// Reads a C `struct sockaddr *` of `len` bytes supplied by a caller.
///
/// # Safety
/// `ptr` must point at `len` readable bytes.
pub(crate) unsafe fn from_raw(ptr: *const sockaddr, len: socklen_t) -> Result<SocketAddr> {
    if ptr.is_null() {
        return Err(Error::InvalidArgument("NULL address"));
    }
    if (len as usize) < mem::size_of::<libc::sa_family_t>()
        || len as usize > mem::size_of::<sockaddr_storage>()
    {
        return Err(Error::InvalidArgument("address length out of range"));
    }
    let mut storage: sockaddr_storage = mem::zeroed();
    std::ptr::copy_nonoverlapping(ptr as *const u8, &mut storage as *mut _ as *mut u8, len as usize);
    let need = match storage.ss_family as i32 {
        libc::AF_INET => mem::size_of::<libc::sockaddr_in>(),
        libc::AF_INET6 => mem::size_of::<libc::sockaddr_in6>(),
        _ => return Err(Error::InvalidArgument("address family is not AF_INET or AF_INET6")),
    };
    if (len as usize) < need {
        return Err(Error::InvalidArgument("address length too short for its family"));
    }
    from_storage(&storage, need as socklen_t).ok_or(Error::InvalidArgument("malformed address"))
}

/// Reads a caller's `sockaddr_storage` (its family says how much is valid).
pub(crate) fn from_storage_any(storage: &sockaddr_storage) -> Result<SocketAddr> {
    let need = match storage.ss_family as i32 {
        libc::AF_INET => mem::size_of::<libc::sockaddr_in>(),
        libc::AF_INET6 => mem::size_of::<libc::sockaddr_in6>(),
        _ => return Err(Error::InvalidArgument("address family is not AF_INET or AF_INET6")),
    };
    from_storage(storage, need as socklen_t).ok_or(Error::InvalidArgument("malformed address"))
}
