//! # sctpx — one audited binding layer over Linux kernel SCTP
//!
//! Layers, bottom up: [`sys`] is the kernel ABI (struct layouts, option
//! numbers, raw calls); the safe core is [`Socket`] with typed options and
//! [`Event`]s; [`ffi`] is the C ABI (`include/sctpx.h`) that the Python and Go
//! bindings use. No libsctp is needed at build or run time.
//!
//! ```no_run
//! use sctpx::{Family, Socket, Timeout};
//! let server = Socket::open_tcp(Family::Ipv4)?;
//! server.bind(&"127.0.0.1:0".parse().unwrap())?;
//! server.listen(8)?;
//! # Ok::<(), sctpx::Error>(())
//! ```
#![deny(missing_docs)]

/// cbindgen:ignore
mod addr;
/// cbindgen:ignore
mod auth;
/// cbindgen:ignore
mod backend;
/// cbindgen:ignore
mod error;
/// cbindgen:ignore
mod event;
pub mod ffi;
/// cbindgen:ignore
#[doc(hidden)]
pub mod fuzzing;
/// cbindgen:ignore
mod msg;
/// cbindgen:ignore
mod options;
/// cbindgen:ignore
mod socket;
/// The kernel ABI: struct layouts, constants and raw calls of `<linux/sctp.h>`
/// (not part of the C header).
///
/// cbindgen:ignore
pub mod sys;
/// cbindgen:ignore
mod tables;
mod types;
/// cbindgen:ignore
mod user;
/// cbindgen:ignore
mod wake;

pub use auth::{AUTH_FREE_KEY, AUTH_NEW_KEY, AUTH_NO_AUTH, HMAC_SHA1, HMAC_SHA256};
pub use backend::{
    default_backend, set_default_backend, set_udp_port, set_udp_remote_port, udp_port, udp_remote_port, Backend,
};
pub use error::{Error, Result};
pub use event::*;
pub use options::{IntOption, PeerAddrInfo, PeerAddrParams, PeerAddrThresholds, Status, LEVEL_SCTP, LEVEL_SOCKET};
pub use socket::{BindxOp, Family, Kind, PeelOffFlags, SendMsg, Socket, Timeout};
pub use types::*;
