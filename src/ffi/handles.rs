//! The process-wide handle registry.
//!
//! A handle is `generation << 32 | slot`: the slot indexes a table (no
//! hashing on the per-call lookup), and a slot's generation goes up each time
//! it is reused, so a handle value is never issued twice and "never issued"
//! and "closed" are always told apart. A slot whose generation is spent is
//! retired, never reused.
//!
//! The per-call lookup takes no lock and touches no shared word: each slot
//! has one atomic state word, generation | OPEN | users in flight, and a call
//! enters with one compare-and-swap on it and leaves with one subtraction.
//! (A process-wide read lock plus a reference count cost four atomic
//! operations per call, two of them on one cache line every thread shares.)
//! Slots live in fixed chunks that never move, so a slot found once stays
//! valid. Closing clears OPEN, so no call can enter any more; calls already
//! inside finish on a still-open socket, and the last one out (or the close
//! itself, when none is inside) drops the socket, closing the descriptor, and
//! frees the slot for a later generation.

use std::cell::UnsafeCell;
use std::sync::atomic::{fence, AtomicBool, AtomicPtr, AtomicU64, Ordering};
use std::sync::Once;

use super::types::{SCTPX_ERR_BAD_HANDLE, SCTPX_ERR_CLOSED_HANDLE};
use crate::Socket;

/// Slots per chunk, and chunks at most: 4 Mi sockets open at once, far above
/// any descriptor limit.
const CHUNK: usize = 1024;
const MAX_CHUNKS: usize = 4096;

/// State word: the slot's generation in the high 32 bits (0: never used),
/// OPEN while that generation's handle is open, and the number of calls
/// inside in the low 31 bits.
const OPEN: u64 = 1 << 31;
const USERS: u64 = OPEN - 1;

struct Slot {
    state: AtomicU64,
    /// The socket of the current generation, from insert until the last user
    /// after close has dropped it.
    socket: AtomicPtr<Socket>,
}

struct Chunk([Slot; CHUNK]);

// Slots hand out `&Socket` to any thread through a raw pointer, which the
// compiler does not check: Socket must be shareable.
const _: fn() = || {
    fn shareable<T: Send + Sync>() {}
    shareable::<Socket>();
};

static CHUNKS: [AtomicPtr<Chunk>; MAX_CHUNKS] = [const { AtomicPtr::new(std::ptr::null_mut()) }; MAX_CHUNKS];

/// Slot allocation (open and close only, never the per-call path).
struct Alloc {
    /// Slots handed out so far (the next fresh one).
    next: usize,
    /// Freed slots, reused most recent first.
    free: Vec<u32>,
}

/// The allocation state behind a spin lock that `fork()` handles: the
/// `pthread_atfork` handlers take it before the fork and release it on both
/// sides, so a child forked while another thread opens or closes a handle
/// does not inherit it locked (a std Mutex cannot be released from a
/// handler, and one held at fork time stays locked in the child for good).
/// Held only for a few instructions, or an allocation.
struct AllocLock {
    locked: AtomicBool,
    alloc: UnsafeCell<Alloc>,
}

// SAFETY: `alloc` is only reached through `AllocGuard`, one at a time.
unsafe impl Sync for AllocLock {}

static ALLOC: AllocLock =
    AllocLock { locked: AtomicBool::new(false), alloc: UnsafeCell::new(Alloc { next: 0, free: Vec::new() }) };

struct AllocGuard;

impl std::ops::Deref for AllocGuard {
    type Target = Alloc;
    fn deref(&self) -> &Alloc {
        // SAFETY: the guard holds the lock.
        unsafe { &*ALLOC.alloc.get() }
    }
}

impl std::ops::DerefMut for AllocGuard {
    fn deref_mut(&mut self) -> &mut Alloc {
        // SAFETY: the guard holds the lock.
        unsafe { &mut *ALLOC.alloc.get() }
    }
}

impl Drop for AllocGuard {
    fn drop(&mut self) {
        unlock_alloc();
    }
}

fn acquire_alloc() {
    while ALLOC.locked.compare_exchange_weak(false, true, Ordering::Acquire, Ordering::Relaxed).is_err() {
        std::thread::yield_now();
    }
}

extern "C" fn unlock_alloc() {
    ALLOC.locked.store(false, Ordering::Release);
}

extern "C" fn lock_alloc_before_fork() {
    acquire_alloc();
}

#[inline]
fn split(h: u64) -> (usize, u32) {
    ((h & 0xffff_ffff) as usize, (h >> 32) as u32)
}

#[inline]
fn generation(state: u64) -> u32 {
    (state >> 32) as u32
}

#[inline]
fn slot_at(index: usize) -> Option<&'static Slot> {
    let chunk = CHUNKS.get(index / CHUNK)?.load(Ordering::Acquire);
    // SAFETY: chunks are leaked once published and never freed or moved.
    (!chunk.is_null()).then(|| unsafe { &(*chunk).0[index % CHUNK] })
}

/// The error for handle generation `g` on a slot whose state is `state`:
/// issued before (and so closed) or never issued.
fn missing(state: u64, g: u32) -> i32 {
    let current = generation(state);
    if g != 0 && (g < current || (g == current && state & OPEN == 0)) {
        SCTPX_ERR_CLOSED_HANDLE
    } else {
        SCTPX_ERR_BAD_HANDLE
    }
}

/// A call's hold on a handle's socket: the socket stays open while any
/// exists, even across a concurrent close.
pub(crate) struct SockRef {
    slot: &'static Slot,
    index: u32,
}

impl std::ops::Deref for SockRef {
    type Target = Socket;

    #[inline(always)]
    fn deref(&self) -> &Socket {
        // SAFETY: a SockRef counts as a user, and the socket is only dropped
        // once the users are gone.
        unsafe { &*self.slot.socket.load(Ordering::Relaxed) }
    }
}

impl Drop for SockRef {
    #[inline(always)]
    fn drop(&mut self) {
        let prev = self.slot.state.fetch_sub(1, Ordering::Release);
        if prev & OPEN == 0 && prev & USERS == 1 {
            // The last user of a closed handle.
            finalize(self.slot, self.index);
        }
    }
}

#[cold]
fn finalize(slot: &'static Slot, index: u32) {
    // Pairs with every user's Release decrement: their use of the socket
    // happens before it is dropped.
    fence(Ordering::Acquire);
    let sock = slot.socket.swap(std::ptr::null_mut(), Ordering::Relaxed);
    // SAFETY: inserted as a Box; OPEN is clear and no user is left, so no one
    // else can reach it.
    drop(unsafe { Box::from_raw(sock) });
    // A slot at the last generation is retired: its next handle would repeat
    // an issued value.
    if generation(slot.state.load(Ordering::Relaxed)) != u32::MAX {
        lock_alloc().free.push(index);
    }
}

fn lock_alloc() -> AllocGuard {
    static AT_FORK: Once = Once::new();
    AT_FORK.call_once(|| {
        // SAFETY: the handlers only take and release the spin lock.
        unsafe { libc::pthread_atfork(Some(lock_alloc_before_fork), Some(unlock_alloc), Some(unlock_alloc)) };
    });
    acquire_alloc();
    AllocGuard
}

/// Registers a socket and returns its new handle (-EMFILE when 4 Mi sockets
/// are open).
pub(crate) fn insert(sock: Socket) -> Result<u64, i32> {
    let mut alloc = lock_alloc();
    let index = match alloc.free.pop() {
        Some(i) => i as usize,
        None => {
            let i = alloc.next;
            if i / CHUNK >= MAX_CHUNKS {
                return Err(-libc::EMFILE);
            }
            if i % CHUNK == 0 {
                let chunk = Box::new(Chunk(
                    [const { Slot { state: AtomicU64::new(0), socket: AtomicPtr::new(std::ptr::null_mut()) } }; CHUNK],
                ));
                CHUNKS[i / CHUNK].store(Box::into_raw(chunk), Ordering::Release);
            }
            alloc.next += 1;
            i
        }
    };
    let slot = slot_at(index).expect("allocated above");
    let g = generation(slot.state.load(Ordering::Relaxed)) + 1;
    slot.socket.store(Box::into_raw(Box::new(sock)), Ordering::Relaxed);
    // Release: a call that sees the new state sees the socket.
    slot.state.store((u64::from(g) << 32) | OPEN, Ordering::Release);
    Ok((u64::from(g) << 32) | index as u64)
}

/// Enters a call on the handle's socket: one CAS adding a user, with
/// `change` applied to the state word as well.
#[inline(always)]
fn enter(h: u64, change: impl Fn(u64) -> u64) -> Result<(SockRef, u64), i32> {
    let (index, g) = split(h);
    let slot = slot_at(index).ok_or(SCTPX_ERR_BAD_HANDLE)?;
    let mut cur = slot.state.load(Ordering::Acquire);
    loop {
        if generation(cur) != g || cur & OPEN == 0 {
            return Err(missing(cur, g));
        }
        if cur & USERS == USERS {
            // 2^31 - 1 calls inside at once cannot happen; refuse rather than overflow.
            return Err(-libc::EBUSY);
        }
        match slot.state.compare_exchange_weak(cur, change(cur + 1), Ordering::Acquire, Ordering::Acquire) {
            Ok(_) => return Ok((SockRef { slot, index: index as u32 }, cur)),
            Err(now) => cur = now,
        }
    }
}

/// The socket behind a handle, held for the length of a call.
#[inline(always)]
pub(crate) fn get(h: u64) -> Result<SockRef, i32> {
    enter(h, |s| s).map(|(r, _)| r)
}

/// Closes a handle: no call can enter from now on. Returns a hold on the
/// socket (dropping it drops the socket unless calls are still inside) and
/// whether calls were inside.
pub(crate) fn remove(h: u64) -> Result<(SockRef, bool), i32> {
    enter(h, |s| s & !OPEN).map(|(r, before)| (r, before & USERS > 0))
}
