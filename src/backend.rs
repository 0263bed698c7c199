//! Which SCTP implementation a socket runs on.
//!
//! - **kernel**: the operating system's SCTP (Linux `sctp` module), through
//!   system calls.
//! - **userspace**: SCTP over UDP (RFC 6951) in this process, through usrsctp
//!   (`libusrsctp.so.2`, loaded on first use), for hosts whose kernel has no
//!   SCTP. It talks to any SCTP-over-UDP peer: another usrsctp, FreeBSD, or
//!   Linux ≥ 5.11 with `net.sctp.udp_port` set.
//!
//! New sockets get the process default: `set_default_backend`, else the
//! `SCTPX_BACKEND` environment variable (`kernel` or `userspace`), else
//! automatic: the kernel, or the userspace backend when the kernel refuses
//! SCTP (EPROTONOSUPPORT, ESOCKTNOSUPPORT).

use std::sync::atomic::{AtomicU8, Ordering};

use crate::error::{Error, Result};

crate::tables::c_constants! {
    /// Backends (`sctpx_backend`, `sctpx_open`, `sctpx_set_default_backend`;
    /// `Backend` in Rust). 0 means automatic where a call accepts it.
    pub(crate) table backends: i32 {
        /// Automatic: the kernel when it has SCTP, else userspace.
        SCTPX_BACKEND_AUTO = 0 => BACKEND_AUTO;
        /// The kernel's SCTP.
        SCTPX_BACKEND_KERNEL = 1 => BACKEND_KERNEL;
        /// SCTP over UDP in this process (usrsctp).
        SCTPX_BACKEND_USERSPACE = 2 => BACKEND_USERSPACE;
    }
}

/// An SCTP implementation a socket can run on.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[repr(i32)]
pub enum Backend {
    /// The kernel's SCTP.
    Kernel = BACKEND_KERNEL,
    /// SCTP over UDP in this process (usrsctp).
    Userspace = BACKEND_USERSPACE,
}

impl Backend {
    /// The backend for a C number (`SCTPX_BACKEND_*`): `Ok(None)` for auto.
    pub fn from_raw(n: i32) -> Result<Option<Backend>> {
        match n {
            BACKEND_AUTO => Ok(None),
            BACKEND_KERNEL => Ok(Some(Backend::Kernel)),
            BACKEND_USERSPACE => Ok(Some(Backend::Userspace)),
            _ => Err(Error::InvalidArgument("backend must be SCTPX_BACKEND_AUTO, _KERNEL or _USERSPACE")),
        }
    }

    /// The name `SCTPX_BACKEND` takes.
    pub fn name(self) -> &'static str {
        match self {
            Backend::Kernel => "kernel",
            Backend::Userspace => "userspace",
        }
    }

    /// Whether this backend can open sockets here: the kernel has SCTP, or
    /// libusrsctp.so.2 loads.
    pub fn available(self) -> bool {
        match self {
            Backend::Kernel => kernel_has_sctp(),
            Backend::Userspace => crate::user::stack::available(),
        }
    }
}

/// Probes for kernel SCTP by opening (and closing) a socket.
fn kernel_has_sctp() -> bool {
    // SAFETY: plain socket(2); closed at once.
    let fd =
        unsafe { libc::socket(libc::AF_INET, libc::SOCK_SEQPACKET | libc::SOCK_CLOEXEC, crate::sys::IPPROTO_SCTP) };
    if fd < 0 {
        return false;
    }
    // SAFETY: ours.
    unsafe { libc::close(fd) };
    true
}

/// 0: not set (the environment decides), else BACKEND_* + 1.
static DEFAULT: AtomicU8 = AtomicU8::new(0);

/// Sets the backend new sockets get (`None`: automatic), over `SCTPX_BACKEND`.
pub fn set_default_backend(b: Option<Backend>) {
    DEFAULT.store(b.map_or(BACKEND_AUTO, |b| b as i32) as u8 + 1, Ordering::Relaxed);
}

/// The backend new sockets get: `Ok(None)` for automatic.
pub fn default_backend() -> Result<Option<Backend>> {
    match DEFAULT.load(Ordering::Relaxed) {
        0 => match std::env::var("SCTPX_BACKEND").as_deref() {
            Err(_) | Ok("") | Ok("auto") => Ok(None),
            Ok("kernel") => Ok(Some(Backend::Kernel)),
            Ok("userspace") => Ok(Some(Backend::Userspace)),
            Ok(_) => Err(Error::InvalidArgument("SCTPX_BACKEND must be kernel, userspace or auto")),
        },
        n => Backend::from_raw(i32::from(n) - 1),
    }
}

/// Sets the userspace backend's local UDP port (default 9899, or
/// `SCTPX_UDP_PORT`). Only before its first socket: `Error::Os(EBUSY)` after,
/// unless unchanged. Two processes on one host each need their own.
pub fn set_udp_port(port: u16) -> Result<()> {
    crate::user::stack::set_udp_port(port)
}

/// The userspace backend's local UDP port (the one it runs on, once started).
pub fn udp_port() -> Result<u16> {
    crate::user::stack::udp_port()
}

/// Sets the remote UDP encapsulation port that userspace sockets opened from
/// now on send to (default 9899, or `SCTPX_UDP_REMOTE_PORT`). Per socket and
/// association: `IntOption::UdpRemotePort`.
pub fn set_udp_remote_port(port: u16) -> Result<()> {
    crate::user::stack::set_udp_remote_port(port)
}

/// The remote UDP encapsulation port new userspace sockets get.
pub fn udp_remote_port() -> u16 {
    crate::user::stack::remote_port()
}
