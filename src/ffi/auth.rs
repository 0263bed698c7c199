//! SCTP-AUTH (RFC 4895): chunk types that must arrive authenticated, HMAC
//! algorithms, shared keys and their rotation. Each needs
//! SCTPX_OPT_AUTH_SUPPORTED 1 on the socket (else -EACCES), and the
//! per-association calls a peer that supports AUTH too.

use super::boundary::*;
use super::types::*;
use crate::types::AssocId;

/// The most bytes sctpx_set_auth_key takes: a key's length is a uint16_t.
const MAX_KEY_LEN: usize = u16::MAX as usize;

/// Requires chunks of type `chunk_type` (RFC 4960 numbering: 0 DATA, ...) to
/// arrive authenticated on associations set up after the call
/// (SCTP_AUTH_CHUNK); the peer learns the list during set-up. The kernel
/// refuses INIT, INIT-ACK, SHUTDOWN-COMPLETE and AUTH (-EINVAL).
#[no_mangle]
pub extern "C" fn sctpx_add_auth_chunk(h: sctpx_handle, chunk_type: u8) -> i32 {
    guard(|| {
        socket_of(h)?.add_auth_chunk(chunk_type).or_code()?;
        Ok(0)
    })
}

/// Sets the HMAC algorithms offered to new peers, `count` (1 to 16)
/// SCTPX_HMAC_* identifiers at `idents` in order of preference
/// (SCTP_HMAC_IDENT). The list must include SCTPX_HMAC_SHA1, and the kernel
/// refuses identifiers it does not know (-EINVAL).
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_hmac_idents(h: sctpx_handle, idents: *const u16, count: usize) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let list = array_from_ptr(idents, count, 16)?;
        s.set_hmac_idents(list).or_code()?;
        Ok(0)
    })
}

/// Writes the HMAC algorithms offered to new peers (SCTP_HMAC_IDENT) into
/// `out` (`cap` entries; NULL when `cap` is 0) and returns how many there
/// are (only `cap` are written when there are more).
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_hmac_idents(h: sctpx_handle, out: *mut u16, cap: usize) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let mut all = [0u16; 16];
        let n = s.hmac_idents(&mut all).or_code()?;
        let dst = mut_prefix_from_ptr(out, cap, n)?;
        dst.copy_from_slice(&all[..dst.len()]);
        count_result(n)
    })
}

/// Adds shared key `key_number` (or replaces its bytes) with the `len`
/// bytes at `key` (0 to 65535; NULL when `len` is 0) (SCTP_AUTH_KEY): on
/// association `assoc_id` of a one-to-many socket, or its defaults with 0;
/// on a one-to-one socket, on its association once it has one. The library
/// keeps no copy of the key.
#[no_mangle]
pub unsafe extern "C" fn sctpx_set_auth_key(
    h: sctpx_handle,
    assoc_id: AssocId,
    key_number: u16,
    key: *const u8,
    len: usize,
) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let key = slice_from_ptr(key, len, MAX_KEY_LEN)?;
        s.set_auth_key(assoc_id, key_number, key).or_code()?;
        Ok(0)
    })
}

/// Makes key `key_number` the one outgoing chunks are authenticated with
/// (SCTP_AUTH_ACTIVE_KEY). A peer whose own active key differs reports
/// SCTPX_AUTH_NEW_KEY (SCTPX_EVENT_AUTHENTICATION) when the first chunk
/// with it arrives. An unknown key: -EINVAL.
#[no_mangle]
pub extern "C" fn sctpx_set_active_auth_key(h: sctpx_handle, assoc_id: AssocId, key_number: u16) -> i32 {
    guard(|| {
        socket_of(h)?.set_active_auth_key(assoc_id, key_number).or_code()?;
        Ok(0)
    })
}

/// Reads the active key number (SCTP_AUTH_ACTIVE_KEY) into `*out`.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_active_auth_key(h: sctpx_handle, assoc_id: AssocId, out: *mut u16) -> i32 {
    guard(|| {
        let s = socket_of(h)?;
        let out = mut_from_ptr(out)?;
        *out = s.active_auth_key(assoc_id).or_code()?;
        Ok(0)
    })
}

/// Stops sending with key `key_number` (SCTP_AUTH_DEACTIVATE_KEY; the active
/// key or an unknown one: -EINVAL). On an association SCTPX_AUTH_FREE_KEY
/// follows once no queued chunk uses the key any more; then delete it.
#[no_mangle]
pub extern "C" fn sctpx_deactivate_auth_key(h: sctpx_handle, assoc_id: AssocId, key_number: u16) -> i32 {
    guard(|| {
        socket_of(h)?.deactivate_auth_key(assoc_id, key_number).or_code()?;
        Ok(0)
    })
}

/// Deletes key `key_number` (SCTP_AUTH_DELETE_KEY; the active key or an
/// unknown one: -EINVAL). Chunks arriving with it are discarded from then on.
#[no_mangle]
pub extern "C" fn sctpx_delete_auth_key(h: sctpx_handle, assoc_id: AssocId, key_number: u16) -> i32 {
    guard(|| {
        socket_of(h)?.delete_auth_key(assoc_id, key_number).or_code()?;
        Ok(0)
    })
}

/// Writes the chunk types the peer of association `assoc_id` requires
/// authenticated (SCTP_PEER_AUTH_CHUNKS) into `out` (`cap` bytes; NULL when
/// `cap` is 0) and returns how many there are (only `cap` are written when
/// there are more). A peer without AUTH: -EACCES.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_peer_auth_chunks(
    h: sctpx_handle,
    assoc_id: AssocId,
    out: *mut u8,
    cap: usize,
) -> i32 {
    guard(|| auth_chunks(h, assoc_id, out, cap, true))
}

/// Writes the chunk types this side requires authenticated on association
/// `assoc_id` (SCTP_LOCAL_AUTH_CHUNKS; 0 on a one-to-many socket: the
/// socket's list) into `out`, as sctpx_get_peer_auth_chunks.
#[no_mangle]
pub unsafe extern "C" fn sctpx_get_local_auth_chunks(
    h: sctpx_handle,
    assoc_id: AssocId,
    out: *mut u8,
    cap: usize,
) -> i32 {
    guard(|| auth_chunks(h, assoc_id, out, cap, false))
}

/// # Safety
/// As sctpx_get_peer_auth_chunks: `out` holds `cap` bytes when non-NULL.
unsafe fn auth_chunks(h: sctpx_handle, assoc_id: AssocId, out: *mut u8, cap: usize, peer: bool) -> CallResult {
    let s = socket_of(h)?;
    let mut all = [0u8; 256];
    let n = if peer { s.peer_auth_chunks(assoc_id, &mut all) } else { s.local_auth_chunks(assoc_id, &mut all) }
        .or_code()?;
    // SAFETY: the caller's contract, passed on.
    let dst = unsafe { mut_prefix_from_ptr(out, cap, n)? };
    dst.copy_from_slice(&all[..dst.len()]);
    count_result(n)
}
