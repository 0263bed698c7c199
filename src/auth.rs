//! SCTP-AUTH (RFC 4895) as Linux implements it (RFC 6458 sections 8.1.20 to
//! 8.3.4): which chunk types must arrive authenticated, the HMAC algorithms,
//! the shared keys and their rotation.
//!
//! Linux enables AUTH per socket with `SCTP_AUTH_SUPPORTED`
//! ([`crate::IntOption::AuthSupported`]); the sysctl `net.sctp.auth_enable` is
//! only the default of new sockets. Every call here fails with `EACCES` on a
//! socket without AUTH, and the per-association ones also when the peer does
//! not support it.

use std::mem;

use crate::error::{Error, Result};
use crate::socket::Socket;
use crate::sys;
use crate::types::AssocId;

crate::tables::c_constants! {
    /// `sctpx_authentication::indication` values (SCTPX_EVENT_AUTHENTICATION),
    /// the kernel's.
    pub table auth_indications: u32 {
        /// The peer used a key number other than the active one: `key_number`
        /// is the one it used (RFC 6458's SCTP_AUTH_NEW_KEY).
        SCTPX_AUTH_NEW_KEY = 0 => AUTH_NEW_KEY;
        /// A deactivated key is no longer used by any queued chunk: it may
        /// now be deleted (SCTP_AUTH_FREE_KEY).
        SCTPX_AUTH_FREE_KEY = 1 => AUTH_FREE_KEY;
        /// The peer does not support AUTH (SCTP_AUTH_NO_AUTH).
        SCTPX_AUTH_NO_AUTH = 2 => AUTH_NO_AUTH;
    }
}

crate::tables::c_constants! {
    /// HMAC identifiers (RFC 4895 section 6.1) for sctpx_set_hmac_idents.
    pub table hmac_idents: u16 {
        /// HMAC-SHA-1: every list must include it.
        SCTPX_HMAC_SHA1 = 1 => HMAC_SHA1;
        /// HMAC-SHA-256.
        SCTPX_HMAC_SHA256 = 3 => HMAC_SHA256;
    }
}

/// The longest list of chunk types a CHUNKS parameter can hold: one of each
/// type.
const MAX_CHUNKS: usize = 256;
/// More HMAC identifiers than any kernel knows (Linux 6.1 knows 4); the
/// kernel refuses a longer list than its own.
const MAX_HMAC_IDENTS: usize = 16;

impl Socket {
    /// Requires chunks of type `chunk` to arrive authenticated from peers of
    /// associations set up after the call (SCTP_AUTH_CHUNK). The peer learns
    /// the list from the INIT or INIT-ACK. Linux refuses INIT, INIT-ACK,
    /// SHUTDOWN-COMPLETE and AUTH itself (-EINVAL).
    pub fn add_auth_chunk(&self, chunk: u8) -> Result<()> {
        self.setopt(sys::SCTP_AUTH_CHUNK, &sys::sctp_authchunk { sauth_chunk: chunk })
    }

    /// Sets the HMAC algorithms offered to new peers, in order of preference
    /// (SCTP_HMAC_IDENT); the list must include [`HMAC_SHA1`].
    pub fn set_hmac_idents(&self, idents: &[u16]) -> Result<()> {
        if idents.is_empty() || idents.len() > MAX_HMAC_IDENTS {
            return Err(Error::InvalidArgument("1 to 16 HMAC identifiers"));
        }
        let mut buf = [0u16; 2 + MAX_HMAC_IDENTS];
        // struct sctp_hmacalgo: a uint32_t count, then the uint16_t identifiers.
        let count = (idents.len() as u32).to_ne_bytes();
        buf[0] = u16::from_ne_bytes([count[0], count[1]]);
        buf[1] = u16::from_ne_bytes([count[2], count[3]]);
        buf[2..2 + idents.len()].copy_from_slice(idents);
        self.setopt_bytes(sys::SOL_SCTP, sys::SCTP_HMAC_IDENT, u16s_as_bytes(&buf[..2 + idents.len()]))
    }

    /// The HMAC algorithms offered to new peers (SCTP_HMAC_IDENT), written
    /// into `out`; returns how many there are (only `out.len()` are written
    /// when there are more).
    pub fn hmac_idents(&self, out: &mut [u16]) -> Result<usize> {
        let mut buf = [0u16; 2 + MAX_HMAC_IDENTS];
        self.getopt_bytes(sys::SOL_SCTP, sys::SCTP_HMAC_IDENT, u16s_as_bytes_mut(&mut buf))?;
        let count = u32::from_ne_bytes(u16s_as_bytes(&buf[..2]).try_into().expect("4 bytes")) as usize;
        let count = count.min(MAX_HMAC_IDENTS);
        let n = count.min(out.len());
        out[..n].copy_from_slice(&buf[2..2 + n]);
        Ok(count)
    }

    /// Adds shared key number `key_number`, or replaces its bytes
    /// (SCTP_AUTH_KEY): on association `assoc_id` of a one-to-many socket
    /// (0: the socket's, which associations set up later copy), and on a
    /// one-to-one socket on its association once it has one, else on the
    /// socket. Key number 0 is the empty key every endpoint starts with.
    pub fn set_auth_key(&self, assoc_id: AssocId, key_number: u16, key: &[u8]) -> Result<()> {
        let Ok(key_len) = u16::try_from(key.len()) else {
            return Err(Error::InvalidArgument("a key is at most 65535 bytes"));
        };
        let head = mem::size_of::<sys::sctp_authkey>();
        let mut buf = vec![0u8; head + key.len()];
        let hdr = sys::sctp_authkey {
            sca_assoc_id: assoc_id,
            sca_keynumber: key_number,
            sca_keylength: key_len,
            sca_key: [],
        };
        // SAFETY: `buf` holds at least `head` bytes; the write is unaligned-safe.
        unsafe { std::ptr::write_unaligned(buf.as_mut_ptr().cast::<sys::sctp_authkey>(), hdr) };
        buf[head..].copy_from_slice(key);
        let r = self.setopt_bytes(sys::SOL_SCTP, sys::SCTP_AUTH_KEY, &buf);
        wipe(&mut buf);
        r
    }

    /// Makes key `key_number` the one outgoing chunks are authenticated with
    /// (SCTP_AUTH_ACTIVE_KEY). The peer, when its own active key differs,
    /// reports [`AUTH_NEW_KEY`] on its first chunk with it.
    pub fn set_active_auth_key(&self, assoc_id: AssocId, key_number: u16) -> Result<()> {
        self.setopt_bytes(sys::SOL_SCTP, sys::SCTP_AUTH_ACTIVE_KEY, &key_id(assoc_id, key_number))
    }

    /// The active key number (SCTP_AUTH_ACTIVE_KEY).
    pub fn active_auth_key(&self, assoc_id: AssocId) -> Result<u16> {
        let mut v = key_id(assoc_id, 0);
        self.getopt_bytes(sys::SOL_SCTP, sys::SCTP_AUTH_ACTIVE_KEY, &mut v)?;
        Ok(u16::from_ne_bytes([v[4], v[5]]))
    }

    /// Stops using key `key_number` for sending (SCTP_AUTH_DEACTIVATE_KEY;
    /// not the active key: -EINVAL). On an association, [`AUTH_FREE_KEY`]
    /// follows once no queued chunk uses it any more.
    pub fn deactivate_auth_key(&self, assoc_id: AssocId, key_number: u16) -> Result<()> {
        self.setopt_bytes(sys::SOL_SCTP, sys::SCTP_AUTH_DEACTIVATE_KEY, &key_id(assoc_id, key_number))
    }

    /// Deletes key `key_number` (SCTP_AUTH_DELETE_KEY; not the active key:
    /// -EINVAL). Chunks that arrive with it are discarded from then on.
    pub fn delete_auth_key(&self, assoc_id: AssocId, key_number: u16) -> Result<()> {
        self.setopt_bytes(sys::SOL_SCTP, sys::SCTP_AUTH_DELETE_KEY, &key_id(assoc_id, key_number))
    }

    /// The chunk types the peer of association `assoc_id` requires
    /// authenticated (SCTP_PEER_AUTH_CHUNKS), written into `out`; returns
    /// how many there are (only `out.len()` are written when there are more).
    pub fn peer_auth_chunks(&self, assoc_id: AssocId, out: &mut [u8]) -> Result<usize> {
        self.auth_chunks(sys::SCTP_PEER_AUTH_CHUNKS, assoc_id, out)
    }

    /// The chunk types this side requires authenticated on association
    /// `assoc_id` (SCTP_LOCAL_AUTH_CHUNKS; 0 on a one-to-many socket: the
    /// socket's list), as [`Socket::peer_auth_chunks`].
    pub fn local_auth_chunks(&self, assoc_id: AssocId, out: &mut [u8]) -> Result<usize> {
        self.auth_chunks(sys::SCTP_LOCAL_AUTH_CHUNKS, assoc_id, out)
    }

    fn auth_chunks(&self, name: i32, assoc_id: AssocId, out: &mut [u8]) -> Result<usize> {
        let head = mem::size_of::<sys::sctp_authchunks>();
        let mut buf = [0u8; 8 + MAX_CHUNKS];
        buf[..4].copy_from_slice(&assoc_id.to_ne_bytes());
        self.getopt_bytes(sys::SOL_SCTP, name, &mut buf)?;
        let count = u32::from_ne_bytes(buf[4..8].try_into().expect("4 bytes")) as usize;
        let count = count.min(MAX_CHUNKS);
        let n = count.min(out.len());
        out[..n].copy_from_slice(&buf[head..head + n]);
        Ok(count)
    }
}

/// A `struct sctp_authkeyid` (an `sctp_assoc_t`, a `uint16_t` key number, two
/// bytes of tail padding) as bytes, the padding zero: the whole struct goes to
/// the kernel, which must not be handed uninitialised memory (a Rust struct's
/// padding is not guaranteed to survive being built and copied).
fn key_id(assoc_id: AssocId, key_number: u16) -> [u8; KEY_ID_LEN] {
    let mut v = [0u8; KEY_ID_LEN];
    v[..4].copy_from_slice(&assoc_id.to_ne_bytes());
    v[4..6].copy_from_slice(&key_number.to_ne_bytes());
    v
}

const KEY_ID_LEN: usize = mem::size_of::<sys::sctp_authkeyid>();

fn u16s_as_bytes(v: &[u16]) -> &[u8] {
    // SAFETY: u16s are plain bytes, twice as many; u8 has no alignment.
    unsafe { std::slice::from_raw_parts(v.as_ptr().cast::<u8>(), mem::size_of_val(v)) }
}

fn u16s_as_bytes_mut(v: &mut [u16]) -> &mut [u8] {
    // SAFETY: as in `u16s_as_bytes`; any bytes form valid u16s.
    unsafe { std::slice::from_raw_parts_mut(v.as_mut_ptr().cast::<u8>(), mem::size_of_val(v)) }
}

/// Overwrites a copy of key material before it is freed, in a way the
/// compiler may not leave out as a dead store.
fn wipe(buf: &mut [u8]) {
    for b in buf.iter_mut() {
        // SAFETY: `b` is a valid, exclusive reference.
        unsafe { std::ptr::write_volatile(b, 0) };
    }
}
