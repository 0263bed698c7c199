//! The boundary every exported function crosses: the panic guard, the
//! mapping of core errors to return codes, the handle lookup, and the
//! checked conversion of the caller's pointers into references. Also the
//! library-information calls (version, messages for codes).
//!
//! Each pointer helper checks a pointer and hands back the reference in one
//! step, under the one SAFETY comment that covers every caller: the header's
//! conventions make the caller promise that a non-NULL pointer points at what
//! the function's comment says (an object, or `len` of them), valid for the
//! call. Nothing the helpers return outlives the call.

use std::ffi::c_char;
use std::mem;
use std::net::SocketAddr;
use std::panic::{catch_unwind, AssertUnwindSafe};

use libc::{sockaddr, socklen_t};

use super::handles;
use super::types::*;
use crate::Error;

/// What a function body returns: its non-negative result, or a code.
pub(super) type CallResult = Result<i32, i32>;

/// The C return code of a core error.
pub(super) fn code_of(e: Error) -> i32 {
    match e {
        Error::Os(errno) => -errno.clamp(1, 4095),
        Error::InvalidArgument(_) => SCTPX_ERR_INVALID_ARGUMENT,
        Error::WrongKind(_) => SCTPX_ERR_WRONG_KIND,
        Error::TimedOut => SCTPX_ERR_TIMED_OUT,
        Error::Eof => SCTPX_ERR_EOF,
        Error::Closed => SCTPX_ERR_CLOSED_HANDLE,
        Error::NotSupported(_) => SCTPX_ERR_NOT_SUPPORTED,
        Error::BackendUnavailable(_) => SCTPX_ERR_BACKEND_UNAVAILABLE,
    }
}

/// The panic boundary: every exported function body runs inside it.
#[inline]
pub(super) fn guard<F: FnOnce() -> CallResult>(f: F) -> i32 {
    match catch_unwind(AssertUnwindSafe(f)) {
        Ok(Ok(v)) => v,
        Ok(Err(c)) => c,
        Err(_) => SCTPX_ERR_PANIC,
    }
}

/// A core result with its error as a C return code.
pub(super) trait OrCode<T> {
    fn or_code(self) -> Result<T, i32>;
}

impl<T> OrCode<T> for crate::Result<T> {
    #[inline]
    fn or_code(self) -> Result<T, i32> {
        self.map_err(code_of)
    }
}

/// The socket behind handle `h`, held for the call.
#[inline(always)]
pub(super) fn socket_of(h: sctpx_handle) -> Result<handles::SockRef, i32> {
    handles::get(h)
}

/// A count as a return value (a count that does not fit is refused).
pub(super) fn count_result(n: usize) -> CallResult {
    i32::try_from(n).map_err(|_| SCTPX_ERR_INVALID_ARGUMENT)
}

/// The object a required input pointer points at; NULL gives
/// SCTPX_ERR_NULL_POINTER.
///
/// # Safety
/// A non-NULL `p` points at a valid `T` for the call (the header's contract).
#[inline]
pub(super) unsafe fn ref_from_ptr<'a, T>(p: *const T) -> Result<&'a T, i32> {
    // SAFETY: non-NULL is the caller's promise of a valid, aligned `T`.
    unsafe { p.as_ref() }.ok_or(SCTPX_ERR_NULL_POINTER)
}

/// The object an optional input pointer points at, or None for NULL.
///
/// # Safety
/// As [`ref_from_ptr`].
#[inline]
pub(super) unsafe fn optional_ref_from_ptr<'a, T>(p: *const T) -> Option<&'a T> {
    // SAFETY: as in `ref_from_ptr`.
    unsafe { p.as_ref() }
}

/// The object a required output pointer points at; NULL gives
/// SCTPX_ERR_NULL_POINTER.
///
/// # Safety
/// As [`ref_from_ptr`], and nothing else refers to `*p` during the call.
#[inline]
pub(super) unsafe fn mut_from_ptr<'a, T>(p: *mut T) -> Result<&'a mut T, i32> {
    // SAFETY: non-NULL is the caller's promise of a valid, aligned `T` that
    // this call alone writes.
    unsafe { p.as_mut() }.ok_or(SCTPX_ERR_NULL_POINTER)
}

/// The object an optional output pointer points at, or None for NULL.
///
/// # Safety
/// As [`mut_from_ptr`].
#[inline]
pub(super) unsafe fn optional_mut_from_ptr<'a, T>(p: *mut T) -> Option<&'a mut T> {
    // SAFETY: as in `mut_from_ptr`.
    unsafe { p.as_mut() }
}

/// Checks `len` against `max` and against what a slice can hold.
fn check_len<T>(len: usize, max: usize) -> Result<(), i32> {
    if len > max || len > isize::MAX as usize / mem::size_of::<T>().max(1) {
        return Err(SCTPX_ERR_INVALID_ARGUMENT);
    }
    Ok(())
}

/// The caller's buffer of `len` `T`s at `p` (at most `max`, else
/// SCTPX_ERR_INVALID_ARGUMENT). NULL is allowed only when `len` is 0.
///
/// # Safety
/// A non-NULL `p` points at `len` valid `T`s for the call.
#[inline]
pub(super) unsafe fn slice_from_ptr<'a, T>(p: *const T, len: usize, max: usize) -> Result<&'a [T], i32> {
    if len == 0 {
        return Ok(&[]);
    }
    if p.is_null() {
        return Err(SCTPX_ERR_NULL_POINTER);
    }
    check_len::<T>(len, max)?;
    // SAFETY: non-NULL with `len` > 0 is the caller's promise of `len` valid
    // `T`s; `check_len` keeps the slice within isize::MAX bytes.
    Ok(unsafe { std::slice::from_raw_parts(p, len) })
}

/// As [`slice_from_ptr`], for a buffer the call writes.
///
/// # Safety
/// As [`slice_from_ptr`], and nothing else refers to the buffer during the call.
#[inline]
pub(super) unsafe fn mut_slice_from_ptr<'a, T>(p: *mut T, len: usize, max: usize) -> Result<&'a mut [T], i32> {
    if len == 0 {
        return Ok(&mut []);
    }
    if p.is_null() {
        return Err(SCTPX_ERR_NULL_POINTER);
    }
    check_len::<T>(len, max)?;
    // SAFETY: as in `slice_from_ptr`; the buffer is this call's alone.
    Ok(unsafe { std::slice::from_raw_parts_mut(p, len) })
}

/// The caller's required array of `len` `T`s at `p`: NULL gives
/// SCTPX_ERR_NULL_POINTER whatever `len` is, then a `len` of 0 or above
/// `max` gives SCTPX_ERR_INVALID_ARGUMENT.
///
/// # Safety
/// As [`slice_from_ptr`].
#[inline]
pub(super) unsafe fn array_from_ptr<'a, T>(p: *const T, len: usize, max: usize) -> Result<&'a [T], i32> {
    if p.is_null() {
        return Err(SCTPX_ERR_NULL_POINTER);
    }
    if len == 0 {
        return Err(SCTPX_ERR_INVALID_ARGUMENT);
    }
    // SAFETY: the caller's contract, passed on.
    unsafe { slice_from_ptr(p, len, max) }
}

/// As [`array_from_ptr`], for an array the call writes.
///
/// # Safety
/// As [`mut_slice_from_ptr`].
#[inline]
pub(super) unsafe fn mut_array_from_ptr<'a, T>(p: *mut T, len: usize, max: usize) -> Result<&'a mut [T], i32> {
    if p.is_null() {
        return Err(SCTPX_ERR_NULL_POINTER);
    }
    if len == 0 {
        return Err(SCTPX_ERR_INVALID_ARGUMENT);
    }
    // SAFETY: the caller's contract, passed on.
    unsafe { mut_slice_from_ptr(p, len, max) }
}

/// The first `min(cap, wanted)` entries of the caller's output array of `cap`
/// entries at `p` (NULL allowed only when `cap` is 0): for the calls that
/// write what fits and return how many there are.
///
/// # Safety
/// As [`mut_slice_from_ptr`], for `cap` entries.
#[inline]
pub(super) unsafe fn mut_prefix_from_ptr<'a, T>(p: *mut T, cap: usize, wanted: usize) -> Result<&'a mut [T], i32> {
    if cap > 0 && p.is_null() {
        return Err(SCTPX_ERR_NULL_POINTER);
    }
    // SAFETY: `cap` entries are the caller's, so their first `min(cap,
    // wanted)` are; that many fit in memory, so within isize::MAX bytes.
    unsafe { mut_slice_from_ptr(p, cap.min(wanted), usize::MAX) }
}

/// The address a required `sockaddr` argument holds (`len` bytes): NULL
/// gives SCTPX_ERR_NULL_POINTER, a malformed one SCTPX_ERR_INVALID_ARGUMENT.
///
/// # Safety
/// A non-NULL `p` points at `len` readable bytes.
#[inline]
pub(super) unsafe fn addr_from_ptr(p: *const sockaddr, len: socklen_t) -> Result<SocketAddr, i32> {
    if p.is_null() {
        return Err(SCTPX_ERR_NULL_POINTER);
    }
    // SAFETY: the caller's contract, passed on.
    unsafe { crate::addr::from_raw(p, len) }.or_code()
}

/// As [`addr_from_ptr`] for an optional address: None for NULL.
///
/// # Safety
/// As [`addr_from_ptr`].
#[inline]
pub(super) unsafe fn optional_addr_from_ptr(p: *const sockaddr, len: socklen_t) -> Result<Option<SocketAddr>, i32> {
    if p.is_null() {
        return Ok(None);
    }
    // SAFETY: the caller's contract, passed on.
    Ok(Some(unsafe { addr_from_ptr(p, len) }?))
}

// ---------------------------------------------------------------------------
// Library information
// ---------------------------------------------------------------------------

/// The library's version as a static NUL-terminated string ("0.1.0").
/// Never NULL; the caller must not free it.
#[no_mangle]
pub extern "C" fn sctpx_version() -> *const c_char {
    concat!(env!("CARGO_PKG_VERSION"), "\0").as_ptr() as *const c_char
}

/// Writes a message for any return code into `buf` (at most `len` bytes,
/// always NUL-terminated when `len` > 0, truncated to fit).
///
/// Returns the message length without the NUL (which may exceed `len` - 1 when
/// truncated), or SCTPX_ERR_NULL_POINTER when `buf` is NULL and `len` > 0.
/// With `len` == 0 nothing is written and the full length is returned.
#[no_mangle]
pub unsafe extern "C" fn sctpx_strerror(code: i32, buf: *mut c_char, len: usize) -> i32 {
    guard(|| {
        let mut tmp = [0u8; 256];
        let msg = message_for(code, &mut tmp);
        // The message and its NUL, cut to fit: only what is written is borrowed.
        let out = mut_prefix_from_ptr(buf.cast::<u8>(), len, msg.len() + 1)?;
        if let Some((nul, text)) = out.split_last_mut() {
            text.copy_from_slice(&msg[..text.len()]);
            *nul = 0;
        }
        count_result(msg.len())
    })
}

/// The message for `code`; `tmp` holds an operating-system error's text.
fn message_for(code: i32, tmp: &mut [u8; 256]) -> &[u8] {
    if let Some(s) = crate::error::code_message(code) {
        return s.as_bytes();
    }
    let s: &str = match code {
        c if (-4095..0).contains(&c) => {
            // strerror_r via std: the OS's own text for the errno.
            use std::io::Write;
            let mut cur = std::io::Cursor::new(&mut tmp[..]);
            let _ = write!(cur, "{}", std::io::Error::from_raw_os_error(-c));
            let n = cur.position() as usize;
            return &tmp[..n];
        }
        c if c > 0 => "success (a count)",
        _ => "unknown sctpx error code",
    };
    s.as_bytes()
}
