//! The process-wide handle registry.
//!
//! A handle is `generation << 32 | slot`: the slot indexes a table (no
//! hashing on the per-call lookup), and a slot's generation goes up each time
//! it is reused, so a handle value is never issued twice and "never issued"
//! and "closed" are always told apart. A slot whose generation is spent is
//! retired, never reused. The lock only guards the table: a call clones the
//! socket's `Arc` and drops the lock before any system call, so calls on
//! different handles never wait for each other, and a call on a handle being
//! closed finishes on a still-open descriptor (the descriptor is released
//! when the last such call returns).

use std::sync::{Arc, RwLock};

use super::types::{SCTPX_ERR_BAD_HANDLE, SCTPX_ERR_CLOSED_HANDLE};
use crate::Socket;

struct Slot {
    /// The generation of the last handle issued for this slot (0: none yet).
    generation: u32,
    /// The open socket of handle `generation`, `None` once it was closed.
    socket: Option<Arc<Socket>>,
}

struct Registry {
    slots: Vec<Slot>,
    /// Slots whose socket was closed, reused most recent first.
    free: Vec<u32>,
}

static REGISTRY: RwLock<Registry> = RwLock::new(Registry { slots: Vec::new(), free: Vec::new() });

fn read() -> std::sync::RwLockReadGuard<'static, Registry> {
    // A panic while holding the lock cannot leave the table inconsistent
    // (each update completes before it can panic), so a poisoned lock is
    // still usable.
    REGISTRY.read().unwrap_or_else(|p| p.into_inner())
}

fn write() -> std::sync::RwLockWriteGuard<'static, Registry> {
    REGISTRY.write().unwrap_or_else(|p| p.into_inner())
}

#[inline]
fn split(h: u64) -> (usize, u32) {
    ((h & 0xffff_ffff) as usize, (h >> 32) as u32)
}

impl Registry {
    /// The error for a handle that names no open socket.
    fn missing(&self, h: u64) -> i32 {
        let (slot, generation) = split(h);
        match self.slots.get(slot) {
            Some(s) if generation != 0 && generation <= s.generation => SCTPX_ERR_CLOSED_HANDLE,
            _ => SCTPX_ERR_BAD_HANDLE,
        }
    }
}

/// Registers a socket and returns its new handle.
pub(crate) fn insert(sock: Socket) -> u64 {
    let mut reg = write();
    let slot = match reg.free.pop() {
        Some(i) => i as usize,
        None => {
            reg.slots.push(Slot { generation: 0, socket: None });
            reg.slots.len() - 1
        }
    };
    let s = &mut reg.slots[slot];
    s.generation += 1;
    s.socket = Some(Arc::new(sock));
    (u64::from(s.generation) << 32) | slot as u64
}

/// The socket behind a handle.
#[inline(always)]
pub(crate) fn get(h: u64) -> Result<Arc<Socket>, i32> {
    let (slot, generation) = split(h);
    let reg = read();
    match reg.slots.get(slot) {
        Some(Slot { generation: g, socket: Some(s) }) if *g == generation => Ok(Arc::clone(s)),
        _ => Err(reg.missing(h)),
    }
}

/// Unregisters a handle; the socket closes when the last user drops it.
pub(crate) fn remove(h: u64) -> Result<Arc<Socket>, i32> {
    let (slot, generation) = split(h);
    let mut reg = write();
    let taken = match reg.slots.get_mut(slot) {
        Some(s) if s.generation == generation => s.socket.take(),
        _ => None,
    };
    match taken {
        Some(sock) => {
            // A slot at the last generation is retired: its next handle
            // would repeat an issued value.
            if generation != u32::MAX {
                reg.free.push(slot as u32);
            }
            Ok(sock)
        }
        None => Err(reg.missing(h)),
    }
}
