//! kernel ABI
