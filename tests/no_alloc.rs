//! The per-message path allocates nothing: the caller owns every buffer.
//! A counting global allocator proves it for the Rust API and the C ABI.

mod common;
use common::*;

use std::alloc::{GlobalAlloc, Layout, System};
use std::cell::Cell;
use std::sync::atomic::{AtomicUsize, Ordering};

use sctpx::ffi::*;
use sctpx::{Family, SendInfo, SendMsg, Timeout};

struct Counting;

static ALLOCS: AtomicUsize = AtomicUsize::new(0);
thread_local! {
    // Only the measuring thread counts: the test harness and other tests
    // allocate on their own threads meanwhile. Const-initialised, so reading
    // it never allocates.
    static COUNTING: Cell<bool> = const { Cell::new(false) };
}

unsafe impl GlobalAlloc for Counting {
    unsafe fn alloc(&self, l: Layout) -> *mut u8 {
        if COUNTING.with(|c| c.get()) {
            ALLOCS.fetch_add(1, Ordering::Relaxed);
        }
        System.alloc(l)
    }
    unsafe fn dealloc(&self, p: *mut u8, l: Layout) {
        System.dealloc(p, l)
    }
}

#[global_allocator]
static GLOBAL: Counting = Counting;

/// Counts allocations made on this thread by `f` (one measurement at a time:
/// the counter itself is process-wide).
fn allocations_in(f: impl FnOnce()) -> usize {
    static ONE_AT_A_TIME: std::sync::Mutex<()> = std::sync::Mutex::new(());
    let _g = ONE_AT_A_TIME.lock().unwrap();
    ALLOCS.store(0, Ordering::SeqCst);
    COUNTING.with(|c| c.set(true));
    f();
    COUNTING.with(|c| c.set(false));
    ALLOCS.load(Ordering::SeqCst)
}

#[test]
fn rust_send_and_receive_allocate_nothing_per_message() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    // Without NODELAY each small message waits for the delayed SACK.
    c.set_option(sctpx::IntOption::NoDelay, 0, 1).unwrap();
    let mut buf = [0u8; 256];
    let n = allocations_in(|| {
        for i in 0..200u32 {
            c.send_stream(0, (i % 4) as u16, i, b"no heap here").unwrap();
            let r = s.next_event(&mut buf, Timeout::Block).unwrap();
            assert_eq!(r.len, 12);
        }
    });
    assert_eq!(n, 0);
}

#[test]
fn rust_batch_calls_allocate_nothing() {
    let (c, s) = tcp_pair(Family::Ipv4, "127.0.0.1:0");
    let msgs = [SendMsg { data: b"batched", info: SendInfo::default(), to: None }; 32];
    let mut buf = [0u8; 32 * 64];
    let mut out = [sctpx::Received::default(); 32];
    let n = allocations_in(|| {
        for _ in 0..10 {
            assert_eq!(c.send_batch(&msgs).unwrap(), 32);
            let mut got = 0;
            while got < 32 {
                got += s.recv_batch(&mut buf, 64, &mut out, WAIT).unwrap();
            }
        }
    });
    assert_eq!(n, 0);
}

#[test]
fn c_abi_send_and_receive_allocate_nothing_per_message() {
    let (l, c, s) = ffi_tcp_pair();
    unsafe {
        let mut ev: sctpx_event = std::mem::zeroed();
        let mut buf = [0u8; 256];
        let n = allocations_in(|| {
            for i in 0..200u32 {
                assert_eq!(sctpx_send_stream(c, 0, 1, i, b"abi".as_ptr(), 3), 3);
                assert_eq!(sctpx_next_event(s, &mut ev, buf.as_mut_ptr(), buf.len(), -1), 3);
                assert_eq!(ev.ppid, i);
            }
        });
        assert_eq!(n, 0);
        for h in [c, s, l] {
            assert_eq!(sctpx_close(h), 0);
        }
    }
}

#[test]
fn c_abi_receive_with_next_info_allocates_nothing_per_message() {
    let (l, c, s) = ffi_tcp_pair();
    unsafe {
        assert_eq!(sctpx_set_option(s, 0, SCTPX_OPT_RECV_NEXT_INFO, 1), 0);
        let mut ev: sctpx_event = std::mem::zeroed();
        let mut next = sctpx_next_info::default();
        let mut buf = [0u8; 256];
        let mut reported = 0;
        let n = allocations_in(|| {
            for i in 0..100u32 {
                // Two at a time, so that the first is received with the second queued behind it.
                assert_eq!(sctpx_send_stream(c, 0, 1, i, b"abi".as_ptr(), 3), 3);
                assert_eq!(sctpx_send_stream(c, 0, 2, i, b"next".as_ptr(), 4), 4);
                for _ in 0..2 {
                    assert!(
                        sctpx_next_event_with_next_info(s, &mut ev, buf.as_mut_ptr(), buf.len(), -1, &mut next) > 0
                    );
                    reported += (next.flags & SCTPX_NEXT_FLAG_PRESENT != 0) as usize;
                }
            }
        });
        assert_eq!(n, 0);
        // The path measured is the one that decodes a report, not only the one without.
        assert!(reported > 0, "no receive reported a next message");
        for h in [c, s, l] {
            assert_eq!(sctpx_close(h), 0);
        }
    }
}
