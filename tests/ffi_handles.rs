//! The C ABI's handle rules and error codes, called from Rust.

mod common;

use sctpx::ffi::*;

fn open_tcp() -> u64 {
    let mut h = 0;
    assert_eq!(unsafe { sctpx_open_tcp(SCTPX_AF_INET, &mut h) }, 0);
    h
}

#[test]
fn a_never_issued_handle_is_bad_handle() {
    assert_eq!(sctpx_fileno(0), SCTPX_ERR_BAD_HANDLE);
    assert_eq!(sctpx_fileno(0xdead_beef_0000), SCTPX_ERR_BAD_HANDLE);
}

#[test]
fn a_closed_handle_is_closed_handle_and_closing_twice_is_safe() {
    let h = open_tcp();
    assert!(sctpx_fileno(h) >= 0);
    assert_eq!(sctpx_close(h), 0);
    assert_eq!(sctpx_fileno(h), SCTPX_ERR_CLOSED_HANDLE);
    assert_eq!(sctpx_close(h), SCTPX_ERR_CLOSED_HANDLE);
}

#[test]
fn handles_are_never_reused() {
    let a = open_tcp();
    sctpx_close(a);
    let b = open_tcp();
    assert!(b > a);
    sctpx_close(b);
}

#[test]
fn a_closed_handle_stays_closed_after_its_slot_is_reused() {
    let a = open_tcp();
    assert_eq!(sctpx_close(a), 0);
    let later: Vec<u64> = (0..4).map(|_| open_tcp()).collect();
    assert!(!later.contains(&a));
    assert_eq!(sctpx_fileno(a), SCTPX_ERR_CLOSED_HANDLE);
    for h in &later {
        assert!(sctpx_fileno(*h) >= 0);
        assert_eq!(sctpx_close(*h), 0);
    }
}

#[test]
fn a_handle_from_a_future_generation_is_bad_handle() {
    let a = open_tcp();
    // The same slot, a generation not issued yet.
    let forged = a + (1u64 << 32);
    assert_eq!(sctpx_fileno(forged), SCTPX_ERR_BAD_HANDLE);
    assert_eq!(sctpx_close(forged), SCTPX_ERR_BAD_HANDLE);
    assert!(sctpx_fileno(a) >= 0);
    sctpx_close(a);
}

#[test]
fn peeloff_on_a_one_to_one_handle_is_wrong_kind() {
    let h = open_tcp();
    let mut out = 0;
    assert_eq!(unsafe { sctpx_peeloff(h, 1, 0, &mut out) }, SCTPX_ERR_WRONG_KIND);
    assert_eq!(out, 0, "nothing is written on failure");
    sctpx_close(h);
}

#[test]
fn null_output_pointer_is_null_pointer() {
    assert_eq!(unsafe { sctpx_open_udp(SCTPX_AF_INET, std::ptr::null_mut()) }, SCTPX_ERR_NULL_POINTER);
}

#[test]
fn an_unknown_family_is_invalid_argument() {
    let mut h = 0;
    assert_eq!(unsafe { sctpx_open_tcp(1, &mut h) }, SCTPX_ERR_INVALID_ARGUMENT);
}

#[test]
fn os_errors_are_negated_errno() {
    // Listening on an unbound one-to-one socket works, but connecting an
    // invalid address family length is EINVAL from the library's checks;
    // a real OS error: sending on an unconnected one-to-one socket.
    let h = open_tcp();
    let r = unsafe { sctpx_send_stream(h, 0, 0, 0, b"x".as_ptr(), 1) };
    assert_eq!(r, -libc::EPIPE);
    sctpx_close(h);
}

#[test]
fn strerror_describes_library_and_os_codes() {
    let mut buf = [0i8; 128];
    let n = unsafe { sctpx_strerror(SCTPX_ERR_CLOSED_HANDLE, buf.as_mut_ptr(), buf.len()) };
    let s = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap();
    assert_eq!(s, "the handle has been closed");
    assert_eq!(n as usize, s.len());
    unsafe { sctpx_strerror(-libc::ECONNREFUSED, buf.as_mut_ptr(), buf.len()) };
    let s = unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap();
    assert!(s.starts_with("Connection refused"), "{s}");
}

#[test]
fn strerror_truncates_to_the_buffer_and_terminates_it() {
    let mut buf = [0x7fi8; 5];
    let n = unsafe { sctpx_strerror(SCTPX_ERR_CLOSED_HANDLE, buf.as_mut_ptr(), buf.len()) };
    assert_eq!(n as usize, "the handle has been closed".len());
    assert_eq!(unsafe { std::ffi::CStr::from_ptr(buf.as_ptr()) }.to_str().unwrap(), "the ");
}

#[test]
fn version_macros_match_cargo_toml_and_the_runtime_string() {
    let v = format!("{SCTPX_VERSION_MAJOR}.{SCTPX_VERSION_MINOR}.{SCTPX_VERSION_PATCH}");
    assert_eq!(v, env!("CARGO_PKG_VERSION"));
    let rt = unsafe { std::ffi::CStr::from_ptr(sctpx_version()) }.to_str().unwrap();
    assert_eq!(rt, env!("CARGO_PKG_VERSION"));
    let header = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/include/sctpx.h")).unwrap();
    assert!(header.contains(&format!("#define SCTPX_VERSION_STRING \"{v}\"")));
}

#[test]
fn closing_a_handle_wakes_a_thread_blocked_on_it() {
    // Needs kernel SCTP: a connected one-to-one pair through the C ABI.
    let (l, c, s) = common::ffi_tcp_pair();
    let reader = std::thread::spawn(move || {
        let mut ev: sctpx_event = unsafe { std::mem::zeroed() };
        let mut buf = [0u8; 16];
        unsafe { sctpx_next_event(s, &mut ev, buf.as_mut_ptr(), buf.len(), -1) }
    });
    std::thread::sleep(std::time::Duration::from_millis(200));
    assert_eq!(sctpx_close(s), 0);
    let rc = reader.join().unwrap();
    assert_eq!(rc, SCTPX_ERR_CLOSED_HANDLE, "the blocked receive returned when its handle closed");
    sctpx_close(c);
    sctpx_close(l);
}

#[test]
fn sctpx_abort_on_a_one_to_one_handle_is_wrong_kind_and_leaves_it_open() {
    let h = open_tcp();
    assert_eq!(sctpx_abort(h, 0), SCTPX_ERR_WRONG_KIND);
    assert!(sctpx_fileno(h) >= 0, "the handle is still open");
    assert_eq!(sctpx_close(h), 0);
}

#[test]
fn sctpx_abort_and_close_closes_the_handle() {
    let h = open_tcp();
    assert_eq!(sctpx_abort_and_close(h), 0);
    assert_eq!(sctpx_fileno(h), SCTPX_ERR_CLOSED_HANDLE);
}

#[test]
fn every_header_function_and_name_before_1_0_is_exported_with_the_sctpx_0_version() {
    let header = std::fs::read_to_string(concat!(env!("CARGO_MANIFEST_DIR"), "/include/sctpx.h")).unwrap();
    let mut declared: Vec<String> = header
        .lines()
        .filter(|l| l.starts_with("int32_t ") || l.starts_with("const char *"))
        .map(|l| l.split('(').next().unwrap().rsplit([' ', '*']).next().unwrap().to_string())
        .collect();
    // `#define sctp_NAME sctpx_NAME`: the names before 1.0.
    let old = header.lines().filter_map(|l| l.strip_prefix("#define sctp_")).map(|l| l.split(' ').next().unwrap());
    declared.extend(old.map(|name| format!("sctp_{name}")));
    declared.sort();
    let lib = concat!(env!("CARGO_MANIFEST_DIR"), "/target/release/libsctpx.so");
    let out = std::process::Command::new("objdump").args(["-T", lib]).output().expect("objdump runs");
    let text = String::from_utf8(out.stdout).unwrap();
    // "ADDRESS g DF .text SIZE VERSION NAME", the version in parentheses when it is not the
    // default (the names libsctp or libusrsctp has too: tests/c/exports checks which).
    let mut exported: Vec<String> = text
        .lines()
        .filter(|l| l.contains(" DF ") && l.contains(".text"))
        .map(|l| {
            assert!(l.contains(" SCTPX_0 ") || l.contains(" (SCTPX_0) "), "not at version SCTPX_0: {l}");
            l.split_whitespace().last().unwrap().to_string()
        })
        .collect();
    exported.sort();
    assert_eq!(exported, declared);
}

/// The inode of descriptor `fd`, or None when it is not open.
fn inode(fd: i32) -> Option<u64> {
    let mut st: libc::stat = unsafe { std::mem::zeroed() };
    (unsafe { libc::fstat(fd, &mut st) } == 0).then_some(st.st_ino)
}

#[test]
fn a_one_to_many_handle_closed_while_a_receive_waits_wakes_it_then_closes_its_descriptor() {
    let mut u = 0;
    assert_eq!(unsafe { sctpx_open_udp(SCTPX_AF_INET, &mut u) }, 0);
    let fd = sctpx_fileno(u);
    let ino = inode(fd).unwrap();
    let reader = std::thread::spawn(move || {
        let mut ev: sctpx_event = unsafe { std::mem::zeroed() };
        let mut buf = [0u8; 16];
        let rc = unsafe { sctpx_next_event(u, &mut ev, buf.as_mut_ptr(), buf.len(), 60_000) };
        (rc, std::time::Instant::now())
    });
    std::thread::sleep(std::time::Duration::from_millis(300));
    let closed_at = std::time::Instant::now();
    assert_eq!(sctpx_close(u), 0);
    assert_eq!(sctpx_fileno(u), SCTPX_ERR_CLOSED_HANDLE, "no new call gets in");
    let (rc, returned_at) = reader.join().unwrap();
    assert_eq!(rc, SCTPX_ERR_CLOSED_HANDLE);
    let after = returned_at.saturating_duration_since(closed_at);
    assert!(after < std::time::Duration::from_millis(100), "returned {after:?} after the close");
    // (Another test may reuse the descriptor number at once: compare inodes.)
    assert_ne!(inode(fd), Some(ino), "the call's return closed the descriptor");
}

#[test]
fn calls_racing_closes_and_reopens_see_their_socket_or_closed_handle() {
    // Four threads open, use and close handles while using each other's:
    // every call must find its own socket (a valid option value) or
    // SCTPX_ERR_CLOSED_HANDLE, never another socket's or a freed one.
    let shared: std::sync::Arc<std::sync::Mutex<Vec<u64>>> = Default::default();
    let threads: Vec<_> = (0..4)
        .map(|_| {
            let shared = shared.clone();
            std::thread::spawn(move || {
                let mut seen_closed = 0;
                for _ in 0..150 {
                    let h = open_tcp();
                    assert_eq!(sctpx_set_option(h, 0, SCTPX_OPT_NODELAY, 1), 0);
                    shared.lock().unwrap().push(h);
                    let others: Vec<u64> = shared.lock().unwrap().iter().rev().take(8).copied().collect();
                    for o in others {
                        let mut v = -1i64;
                        match unsafe { sctpx_get_option(o, 0, SCTPX_OPT_NODELAY, &mut v) } {
                            0 => assert_eq!(v, 1, "a live socket's option"),
                            SCTPX_ERR_CLOSED_HANDLE => seen_closed += 1,
                            rc => panic!("handle {o:#x}: unexpected {rc}"),
                        }
                    }
                    assert_eq!(sctpx_close(h), 0);
                }
                seen_closed
            })
        })
        .collect();
    let closed_seen: i32 = threads.into_iter().map(|t| t.join().unwrap()).sum();
    for h in shared.lock().unwrap().iter() {
        assert_eq!(sctpx_fileno(*h), SCTPX_ERR_CLOSED_HANDLE);
    }
    assert!(closed_seen > 0, "the race was exercised: some calls met a closed handle");
}
