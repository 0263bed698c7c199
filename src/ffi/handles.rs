//! The process-wide handle registry.
//!
//! Handles are issued from 1 upwards and never reused, so "never issued" and
//! "closed" are always told apart. The lock only guards the map: a call
//! clones the socket's `Arc` and drops the lock before any system call, so
//! calls on different handles never wait for each other, and a call on a
//! handle being closed finishes on a still-open descriptor (the descriptor is
//! released when the last such call returns).

use std::collections::HashMap;
use std::hash::{BuildHasherDefault, Hasher};
use std::sync::{Arc, LazyLock, RwLock};

use super::types::{SCTPX_ERR_BAD_HANDLE, SCTPX_ERR_CLOSED_HANDLE};
use crate::Socket;

/// Handles are unique sequential integers: hashing them is pointless.
#[derive(Default)]
struct IdHasher(u64);

impl Hasher for IdHasher {
    fn finish(&self) -> u64 {
        self.0
    }
    fn write(&mut self, _: &[u8]) {
        unreachable!("only u64 keys are hashed")
    }
    fn write_u64(&mut self, n: u64) {
        // Spread sequential ids over the buckets.
        self.0 = n.wrapping_mul(0x9E37_79B9_7F4A_7C15);
    }
}

struct Registry {
    last_issued: u64,
    live: HashMap<u64, Arc<Socket>, BuildHasherDefault<IdHasher>>,
}

static REGISTRY: LazyLock<RwLock<Registry>> =
    LazyLock::new(|| RwLock::new(Registry { last_issued: 0, live: HashMap::default() }));

fn read() -> std::sync::RwLockReadGuard<'static, Registry> {
    // A panic while holding the lock cannot leave the map inconsistent (each
    // update is a single insert/remove), so a poisoned lock is still usable.
    REGISTRY.read().unwrap_or_else(|p| p.into_inner())
}

fn write() -> std::sync::RwLockWriteGuard<'static, Registry> {
    REGISTRY.write().unwrap_or_else(|p| p.into_inner())
}

fn missing(reg: &Registry, h: u64) -> i32 {
    if h != 0 && h <= reg.last_issued {
        SCTPX_ERR_CLOSED_HANDLE
    } else {
        SCTPX_ERR_BAD_HANDLE
    }
}

/// Registers a socket and returns its new handle.
pub(crate) fn insert(sock: Socket) -> u64 {
    let mut reg = write();
    reg.last_issued += 1;
    let h = reg.last_issued;
    reg.live.insert(h, Arc::new(sock));
    h
}

/// The socket behind a handle.
pub(crate) fn get(h: u64) -> Result<Arc<Socket>, i32> {
    let reg = read();
    match reg.live.get(&h) {
        Some(s) => Ok(Arc::clone(s)),
        None => Err(missing(&reg, h)),
    }
}

/// Unregisters a handle; the socket closes when the last user drops it.
pub(crate) fn remove(h: u64) -> Result<Arc<Socket>, i32> {
    let mut reg = write();
    match reg.live.remove(&h) {
        Some(s) => Ok(s),
        None => Err(missing(&reg, h)),
    }
}
