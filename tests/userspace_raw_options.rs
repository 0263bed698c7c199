//! On the userspace backend the raw option calls and the AUTH calls are
//! NotSupported: the raw calls take Linux option numbers and layouts, which
//! usrsctp does not share, and sctpx translates no AUTH option yet.
//!
//! Runs on the host, where the kernel has no SCTP (as
//! tests/userspace_readiness.rs): never in the VM beside kernel SCTP.

use sctpx::{Backend, Error, Family, Socket, LEVEL_SCTP, LEVEL_SOCKET};

fn userspace_socket() -> Socket {
    static PORT: std::sync::Once = std::sync::Once::new();
    // Not 9899 nor userspace_readiness' port: either may be in use.
    PORT.call_once(|| sctpx::set_udp_port(29897).unwrap());
    Socket::open_with(Some(Backend::Userspace), Family::Ipv4, sctpx::Kind::OneToOne).unwrap()
}

#[test]
fn raw_options_are_not_supported_on_the_userspace_backend() {
    let s = userspace_socket();
    let mut v = [0u8; 4];
    assert!(matches!(s.raw_option(LEVEL_SCTP, sctpx::sys::SCTP_NODELAY, &mut v), Err(Error::NotSupported(_))));
    assert!(matches!(
        s.set_raw_option(LEVEL_SOCKET, libc::SO_REUSEADDR, &1i32.to_ne_bytes()),
        Err(Error::NotSupported(_))
    ));
    assert_eq!(v, [0; 4], "nothing written");
}

#[test]
fn auth_calls_are_not_supported_on_the_userspace_backend() {
    let s = userspace_socket();
    assert!(matches!(s.set_auth_key(0, 1, b"k"), Err(Error::NotSupported(_))));
    assert!(matches!(s.add_auth_chunk(0), Err(Error::NotSupported(_))));
    assert!(matches!(s.peer_auth_chunks(0, &mut [0u8; 4]), Err(Error::NotSupported(_))));
}
