//! One received notification: sctpx::fuzzing::notification says what is checked.
#![no_main]
libfuzzer_sys::fuzz_target!(|bytes: &[u8]| sctpx::fuzzing::notification(bytes));
