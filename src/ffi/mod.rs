//! The C ABI (`include/sctpx.h`).
//!
//! Conventions, true of every function unless its comment says otherwise:
//! - The return value is 0 or a count on success and a negative `SCTPX_ERR_*`
//!   code or negated errno on failure.
//! - Output arguments are written only when the function succeeds.
//! - A NULL required pointer gives `SCTPX_ERR_NULL_POINTER`; a buffer pointer
//!   may be NULL when its length is 0.
//! - The caller owns every buffer it passes; the library keeps no pointer
//!   after the call returns.
//! - Every function is safe to call from several threads at once, on the same
//!   or different handles. Concurrent receives on one handle each get whole
//!   messages, in no defined order between them.
//! - A panic inside the library is caught and returned as `SCTPX_ERR_PANIC`.
//!
//! One module per area: `boundary` (the panic guard, codes, handle lookup,
//! pointer checks, library information), `handles` (the handle table),
//! `lifecycle` (open to close), `backend` (which SCTP a handle runs on, the
//! process default, the userspace backend's UDP ports), `addrs` (address lists, local and peer
//! addresses, the primary path), `io` (sending and receiving), `events`
//! (subscriptions), `options` (and the raw escape hatch), `auth` (SCTP-AUTH); `types` holds the C types and constants.
//! The header lists the functions in this order.
#![allow(non_camel_case_types)]
#![allow(clippy::missing_safety_doc)]

// cbindgen takes the functions in this order (a blank line keeps rustfmt
// from sorting the modules by name).
mod boundary;

mod lifecycle;

mod backend;

mod addrs;

mod io;

mod events;

mod options;

mod auth;

mod constants;

pub mod handles;
pub mod types;

pub use addrs::*;
pub use auth::*;
pub use backend::*;
pub use boundary::{sctpx_strerror, sctpx_version};
pub use events::*;
pub use io::*;
pub use lifecycle::*;
pub use options::*;
pub use types::*;

/// Major version of the library (must match Cargo.toml; a test checks).
pub const SCTPX_VERSION_MAJOR: u32 = 0;
/// Minor version of the library.
pub const SCTPX_VERSION_MINOR: u32 = 1;
/// Patch version of the library.
pub const SCTPX_VERSION_PATCH: u32 = 0;

/// Kind of a handle (`sctpx_kind`): one-to-one.
pub const SCTPX_KIND_ONE_TO_ONE: i32 = 1;
/// Kind of a handle (`sctpx_kind`): one-to-many.
pub const SCTPX_KIND_ONE_TO_MANY: i32 = 2;
