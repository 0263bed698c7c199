//! The userspace backend: SCTP over UDP (RFC 6951) through usrsctp, loaded
//! at run time, for hosts whose kernel has no SCTP.
//!
//! usrsctp is one stack per process, with its own threads (timers, UDP
//! receive): it is started on the first userspace socket and runs until the
//! process ends. Its local UDP port is fixed then.

pub(crate) mod api;
pub(crate) mod sock;
pub(crate) mod xlate;

pub(crate) use sock::UserSock;

pub(crate) mod stack {
    //! The process's one usrsctp stack and its configuration.

    use std::net::{Ipv4Addr, SocketAddrV4, UdpSocket};
    use std::sync::atomic::{AtomicU16, AtomicU32, Ordering};
    use std::sync::Mutex;
    use std::time::Duration;

    use super::api::{api, Api};
    use crate::error::{Error, Result};

    /// RFC 6951's port (IANA "sctp-tunneling"), usrsctp's default too.
    pub const DEFAULT_UDP_PORT: u16 = 9899;

    /// The local UDP port set by `set_udp_port` (0: not set).
    static LOCAL_PORT: AtomicU16 = AtomicU16::new(0);
    /// The remote encapsulation port new sockets get (0: not set).
    static REMOTE_PORT: AtomicU16 = AtomicU16::new(0);
    /// The port the stack started on (0: not started), and the fork
    /// generation it started in.
    static STARTED: Mutex<Option<u16>> = Mutex::new(None);
    static STARTED_GENERATION: AtomicU32 = AtomicU32::new(0);

    /// How often every userspace socket's descriptor is brought in step with
    /// usrsctp, for the changes usrsctp makes without an upcall (timers).
    const REFRESH: Duration = Duration::from_millis(50);

    fn env_port(name: &str) -> Result<Option<u16>> {
        match std::env::var(name) {
            Err(_) => Ok(None),
            Ok(v) => match v.trim().parse::<u16>() {
                Ok(p) if p > 0 => Ok(Some(p)),
                _ => Err(Error::InvalidArgument("SCTPX_UDP_PORT/SCTPX_UDP_REMOTE_PORT must be 1..65535")),
            },
        }
    }

    /// The local UDP port the stack uses or will use: `set_udp_port`, else
    /// `SCTPX_UDP_PORT`, else 9899.
    pub fn udp_port() -> Result<u16> {
        if let Some(p) = *STARTED.lock().unwrap_or_else(|e| e.into_inner()) {
            return Ok(p);
        }
        match LOCAL_PORT.load(Ordering::Relaxed) {
            0 => Ok(env_port("SCTPX_UDP_PORT")?.unwrap_or(DEFAULT_UDP_PORT)),
            p => Ok(p),
        }
    }

    /// Sets the local UDP port; only before the stack started (EBUSY after,
    /// unless it is the same port).
    pub fn set_udp_port(port: u16) -> Result<()> {
        if port == 0 {
            return Err(Error::InvalidArgument("the UDP port must be 1..65535"));
        }
        match *STARTED.lock().unwrap_or_else(|e| e.into_inner()) {
            Some(p) if p == port => Ok(()),
            Some(_) => Err(Error::Os(libc::EBUSY)),
            None => {
                LOCAL_PORT.store(port, Ordering::Relaxed);
                Ok(())
            }
        }
    }

    /// The remote UDP encapsulation port new sockets get: `set_udp_remote_port`,
    /// else `SCTPX_UDP_REMOTE_PORT`, else 9899.
    pub fn remote_port() -> u16 {
        match REMOTE_PORT.load(Ordering::Relaxed) {
            0 => env_port("SCTPX_UDP_REMOTE_PORT").ok().flatten().unwrap_or(DEFAULT_UDP_PORT),
            p => p,
        }
    }

    /// Sets the remote encapsulation port of sockets opened from now on.
    pub fn set_udp_remote_port(port: u16) -> Result<()> {
        if port == 0 {
            return Err(Error::InvalidArgument("the UDP port must be 1..65535"));
        }
        REMOTE_PORT.store(port, Ordering::Relaxed);
        Ok(())
    }

    /// Whether libusrsctp can be loaded here.
    pub fn available() -> bool {
        api().is_ok()
    }

    /// Whether this process is a child forked after the stack started (its
    /// copy of the stack has none of the stack's threads).
    pub fn in_forked_child() -> bool {
        let g = STARTED_GENERATION.load(Ordering::Relaxed);
        g != 0 && g != crate::wake::fork_generation()
    }

    /// Starts the stack if it is not running and returns its entry points.
    pub fn start() -> Result<&'static Api> {
        let api = api()?;
        // usrsctp's threads do not survive fork(): the child has a copy of
        // the stack's state that nothing runs. Asked before taking the lock:
        // a parent thread opening a socket may have held it at fork(), and
        // in the child nothing would ever release it.
        if in_forked_child() {
            return Err(Error::NotSupported(
                "the userspace stack does not survive fork(): use it in the parent, or start it after forking",
            ));
        }
        let mut started = STARTED.lock().unwrap_or_else(|e| e.into_inner());
        if started.is_some() {
            return Ok(api);
        }
        let port = match LOCAL_PORT.load(Ordering::Relaxed) {
            0 => env_port("SCTPX_UDP_PORT")?.unwrap_or(DEFAULT_UDP_PORT),
            p => p,
        };
        // usrsctp only logs when its UDP port is taken (and then neither
        // sends nor receives): find out first, and say so.
        match UdpSocket::bind(SocketAddrV4::new(Ipv4Addr::UNSPECIFIED, port)) {
            Ok(probe) => drop(probe),
            Err(e) => return Err(e.into()),
        }
        // SAFETY: called once (under the lock); no callbacks.
        unsafe { (api.usrsctp_init)(port, None, None) };
        *started = Some(port);
        STARTED_GENERATION.store(crate::wake::fork_generation(), Ordering::Relaxed);
        std::thread::Builder::new()
            .name("sctpx-usrsctp".into())
            .spawn(move || loop {
                std::thread::sleep(REFRESH);
                super::sock::sync_all(api);
            })
            .map_err(Error::from)?;
        Ok(api)
    }
}
