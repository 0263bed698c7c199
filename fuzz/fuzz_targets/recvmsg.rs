//! One recvmsg's flags, source address and control buffer: sctpx::fuzzing::recvmsg says what
//! is checked.
#![no_main]
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| sctpx::fuzzing::recvmsg(bytes));
