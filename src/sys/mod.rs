//! Kernel ABI layer: the raw Linux SCTP socket API, without libsctp.
//!
//! * [`consts`](crate::sys::consts): every constant of `<linux/sctp.h>` (option numbers, cmsg
//!   types, flags, notification types, states), with the C names.
//! * [`types`](crate::sys::types): `#[repr(C)]` copies of every struct and union of
//!   `<linux/sctp.h>`, with the C type and field names.
//! * [`calls`](crate::sys::calls): allocation-free wrappers over `getsockopt`/`setsockopt`,
//!   the libsctp-style operations (`bindx`, `connectx`, `peeloff`,
//!   `getaddrs`) and packed address list helpers.
//!
//! The layout of every type and the value of every constant are checked
//! against the system's C headers by `tests/sys_layout.rs`.
//!
//! Everything is re-exported at this level, so `sys::SCTP_NODELAY`,
//! `sys::sctp_sndinfo` and `sys::peeloff` all work.

#![allow(non_camel_case_types)]

pub mod calls;
pub mod consts;
pub mod types;

#[allow(unused_imports)]
pub(crate) use self::calls::syscall;
pub use self::calls::*;
pub use self::consts::*;
pub use self::types::*;
