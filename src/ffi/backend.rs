//! Backends: which SCTP a handle runs on, which ones this machine has, the
//! process default, and the userspace backend's UDP ports.

use super::boundary::*;
use super::types::*;
use crate::backend::{self, Backend};

/// The backend for a C number; `None` for SCTPX_BACKEND_AUTO.
pub(super) fn backend_from(n: i32) -> Result<Option<Backend>, i32> {
    Backend::from_raw(n).or_code()
}

/// The C number of a backend (`None`: SCTPX_BACKEND_AUTO).
fn backend_number(b: Option<Backend>) -> i32 {
    b.map_or(SCTPX_BACKEND_AUTO, |b| b as i32)
}

/// A UDP port from the caller: 1 to 65535.
fn udp_port_from(port: i32) -> Result<u16, i32> {
    u16::try_from(port).ok().filter(|&p| p > 0).ok_or(SCTPX_ERR_INVALID_ARGUMENT)
}

/// Returns the backend handle `h` runs on: SCTPX_BACKEND_KERNEL or
/// SCTPX_BACKEND_USERSPACE (never SCTPX_BACKEND_AUTO). A socket accepted or
/// peeled off runs on its parent's.
#[no_mangle]
pub extern "C" fn sctpx_backend(h: sctpx_handle) -> i32 {
    guard(|| Ok(socket_of(h)?.backend() as i32))
}

/// Returns 1 when `backend` can open sockets on this machine, 0 when not:
/// SCTPX_BACKEND_KERNEL, when the kernel has SCTP (it opens and closes a
/// socket to find out); SCTPX_BACKEND_USERSPACE, when libusrsctp.so.2 loads
/// (it is loaded, but the stack does not start); SCTPX_BACKEND_AUTO, when
/// either does. Another number: SCTPX_ERR_INVALID_ARGUMENT.
#[no_mangle]
pub extern "C" fn sctpx_backend_available(backend: i32) -> i32 {
    guard(|| {
        let available = match backend_from(backend)? {
            Some(b) => b.available(),
            None => Backend::Kernel.available() || Backend::Userspace.available(),
        };
        Ok(available as i32)
    })
}

/// Sets the backend that sockets opened from now on without one get
/// (sctpx_open_tcp, sctpx_open_udp, sctpx_open with SCTPX_BACKEND_AUTO):
/// SCTPX_BACKEND_KERNEL, SCTPX_BACKEND_USERSPACE, or SCTPX_BACKEND_AUTO (the
/// kernel when it has SCTP, else userspace). It overrides the SCTPX_BACKEND
/// environment variable for the rest of the process; open sockets keep
/// theirs. Another number: SCTPX_ERR_INVALID_ARGUMENT, and nothing changes.
#[no_mangle]
pub extern "C" fn sctpx_set_default_backend(backend: i32) -> i32 {
    guard(|| {
        backend::set_default_backend(backend_from(backend)?);
        Ok(0)
    })
}

/// Returns the backend new sockets get: what sctpx_set_default_backend set,
/// else the SCTPX_BACKEND environment variable ("kernel", "userspace",
/// "auto" or empty), else SCTPX_BACKEND_AUTO. SCTPX_ERR_INVALID_ARGUMENT
/// when SCTPX_BACKEND holds anything else (and opening without a backend
/// fails the same way until it is fixed or a default is set).
#[no_mangle]
pub extern "C" fn sctpx_default_backend() -> i32 {
    guard(|| Ok(backend_number(backend::default_backend().or_code()?)))
}

/// Sets the local UDP port (1 to 65535) of the userspace backend, which it
/// receives SCTP over UDP on: over the SCTPX_UDP_PORT environment variable
/// and the default 9899. Two processes on one host each need their own. Only
/// before the first userspace socket starts the stack: after, -EBUSY (unless
/// `port` is the port it runs on: then 0). Another number:
/// SCTPX_ERR_INVALID_ARGUMENT.
#[no_mangle]
pub extern "C" fn sctpx_set_udp_port(port: i32) -> i32 {
    guard(|| {
        backend::set_udp_port(udp_port_from(port)?).or_code()?;
        Ok(0)
    })
}

/// Returns the userspace backend's local UDP port: the one it runs on once
/// started, else the one it will start on (sctpx_set_udp_port, else
/// SCTPX_UDP_PORT, else 9899). SCTPX_ERR_INVALID_ARGUMENT when
/// SCTPX_UDP_PORT is needed and is not a number from 1 to 65535.
#[no_mangle]
pub extern "C" fn sctpx_udp_port() -> i32 {
    guard(|| Ok(i32::from(backend::udp_port().or_code()?)))
}

/// Sets the remote UDP encapsulation port (1 to 65535) that userspace
/// sockets opened from now on send to (over the SCTPX_UDP_REMOTE_PORT
/// environment variable and the default 9899): the peer's local UDP port.
/// Open sockets keep theirs; SCTPX_OPT_UDP_REMOTE_PORT changes it per socket
/// or association, on either backend. Another number:
/// SCTPX_ERR_INVALID_ARGUMENT.
#[no_mangle]
pub extern "C" fn sctpx_set_udp_remote_port(port: i32) -> i32 {
    guard(|| {
        backend::set_udp_remote_port(udp_port_from(port)?).or_code()?;
        Ok(0)
    })
}

/// Returns the remote UDP encapsulation port userspace sockets opened now
/// get: sctpx_set_udp_remote_port's, else SCTPX_UDP_REMOTE_PORT's (when it
/// is a number from 1 to 65535), else 9899.
#[no_mangle]
pub extern "C" fn sctpx_udp_remote_port() -> i32 {
    guard(|| Ok(i32::from(backend::udp_remote_port())))
}
