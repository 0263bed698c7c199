//! The library's error type.

use std::fmt;
use std::io;

/// Declares the C ABI's return codes: rows of `/// doc`, then
/// `SCTPX_NAME = value, "sctpx_strerror's message";`. Makes `codes()` (the
/// table for the header) and `code_message()`.
macro_rules! error_codes {
    (
        $(#[doc = $heading:literal])*
        table {
            $( $(#[doc = $doc:literal])* $cname:ident = $value:literal, $message:literal; )*
        }
    ) => {
        $(#[doc = $heading])*
        #[cfg(test)]
        pub(crate) fn codes() -> crate::tables::CGroup {
            crate::tables::CGroup {
                heading: concat!($($heading, "\n"),*),
                ty: "i32",
                rows: vec![$(crate::tables::CRow::new(stringify!($cname), $value, concat!($($doc, "\n"),*))),*],
            }
        }

        /// `sctpx_strerror`'s message for one of the codes above.
        pub(crate) fn code_message(code: i32) -> Option<&'static str> {
            match code {
                $($value => Some($message),)*
                _ => None,
            }
        }
    };
}

error_codes! {
    /// Return codes. Numbered explicitly and never renumbered; a removed
    /// code's number is never given to another.
    ///
    /// Every function returns 0 (or a count) on success and a negative code on
    /// failure. Codes from -1 to -4095 are operating-system errors: the negated
    /// errno, unchanged (-ECONNREFUSED, -EAGAIN, ...). The library's own codes lie
    /// in the range -10000 to -10999. -10006 was SCTPX_ERR_BUFFER_TOO_SMALL
    /// (0.1), which no function returned: every call that fills a caller's
    /// buffer says what it does with a short one (cuts the message and says
    /// so, reports the full count, or refuses the length as an invalid argument).
    table {
        /// Success.
        SCTPX_OK = 0, "success";
        /// A required pointer argument was NULL.
        SCTPX_ERR_NULL_POINTER = -10001, "a required pointer argument was NULL";
        /// The handle was never issued by this library (0, forged or out of range).
        SCTPX_ERR_BAD_HANDLE = -10002, "the handle was never issued by sctpx";
        /// The handle was issued but has been closed.
        SCTPX_ERR_CLOSED_HANDLE = -10003, "the handle has been closed";
        /// The handle is of the wrong kind for this call (for example `sctpx_accept`
        /// on a one-to-many socket or `sctpx_peeloff` on a one-to-one socket).
        SCTPX_ERR_WRONG_KIND = -10004, "the handle is the wrong kind of socket for this call";
        /// An argument is out of range: an unknown flag, option, family or event
        /// kind, a malformed address, a length that does not fit.
        SCTPX_ERR_INVALID_ARGUMENT = -10005, "an argument is out of range";
        /// A positive timeout expired before anything arrived.
        SCTPX_ERR_TIMED_OUT = -10007, "the timeout expired";
        /// The peer shut the (one-to-one) association down: no more messages.
        SCTPX_ERR_EOF = -10008, "the peer shut the association down";
        /// A Rust panic was caught at the ABI boundary; the call had no effect that
        /// can be relied on. This is a bug in sctpx: please report it.
        SCTPX_ERR_PANIC = -10009, "internal error (a panic was caught); please report it";
        /// The socket's backend does not support this call, option, flag or event
        /// kind (the README's backend table lists what each backend supports).
        SCTPX_ERR_NOT_SUPPORTED = -10010, "not supported by this socket's backend";
        /// The requested backend cannot run here: the userspace backend needs
        /// libusrsctp.so.2 (Debian/Ubuntu package libusrsctp2); the kernel backend
        /// needs a kernel with SCTP.
        SCTPX_ERR_BACKEND_UNAVAILABLE = -10011, "the backend is not available here (userspace: install libusrsctp2)";
    }
}

/// Everything that can go wrong in sctpx.
///
/// Operating-system failures keep their errno unchanged (`Os`); the other
/// variants are the library's own and map one-to-one onto the C ABI's
/// `SCTPX_ERR_*` codes.
#[derive(Debug)]
pub enum Error {
    /// A system call failed with this errno.
    Os(i32),
    /// An argument is out of range (flag, option, family, address, length).
    InvalidArgument(&'static str),
    /// The call does not apply to this kind of socket.
    WrongKind(&'static str),
    /// A positive timeout expired before anything arrived.
    TimedOut,
    /// The peer shut the one-to-one association down: no more messages.
    Eof,
    /// The socket was interrupted (`Socket::interrupt`; in the C ABI, the
    /// handle was closed) while the call waited, or before it would have.
    Closed,
    /// The socket's backend does not support this (see `Backend`).
    NotSupported(&'static str),
    /// The backend cannot run here (the userspace one: libusrsctp.so.2 is
    /// missing; the kernel one: no SCTP in this kernel).
    BackendUnavailable(&'static str),
}

/// Shorthand for `Result<T, sctpx::Error>`.
pub type Result<T> = std::result::Result<T, Error>;

impl Error {
    /// The errno, when this is an operating-system error.
    pub fn raw_os_error(&self) -> Option<i32> {
        match self {
            Error::Os(e) => Some(*e),
            _ => None,
        }
    }

    pub(crate) fn last_os_error() -> Error {
        Error::from(io::Error::last_os_error())
    }
}

impl From<io::Error> for Error {
    fn from(e: io::Error) -> Error {
        // Errors built by std without an errno (rare) become EIO rather than
        // being lost: callers match on errno values.
        Error::Os(e.raw_os_error().unwrap_or(libc::EIO))
    }
}

impl From<Error> for io::Error {
    fn from(e: Error) -> io::Error {
        match e {
            Error::Os(errno) => io::Error::from_raw_os_error(errno),
            Error::TimedOut => io::Error::new(io::ErrorKind::TimedOut, e.to_string()),
            Error::Eof => io::Error::new(io::ErrorKind::UnexpectedEof, e.to_string()),
            Error::Closed => io::Error::new(io::ErrorKind::ConnectionAborted, e.to_string()),
            Error::InvalidArgument(_) | Error::WrongKind(_) => {
                io::Error::new(io::ErrorKind::InvalidInput, e.to_string())
            }
            Error::NotSupported(_) | Error::BackendUnavailable(_) => {
                io::Error::new(io::ErrorKind::Unsupported, e.to_string())
            }
        }
    }
}

impl fmt::Display for Error {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Error::Os(errno) => write!(f, "{}", io::Error::from_raw_os_error(*errno)),
            Error::InvalidArgument(what) => write!(f, "invalid argument: {what}"),
            Error::WrongKind(what) => write!(f, "wrong kind of socket: {what}"),
            Error::TimedOut => f.write_str("timed out"),
            Error::Eof => f.write_str("the peer shut the association down"),
            Error::Closed => f.write_str("the socket was closed while the call waited"),
            Error::NotSupported(what) => write!(f, "not supported by this backend: {what}"),
            Error::BackendUnavailable(what) => write!(f, "backend unavailable: {what}"),
        }
    }
}

impl std::error::Error for Error {}
