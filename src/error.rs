//! The library's error type.

use std::fmt;
use std::io;

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
    /// A caller buffer is too small for the result; nothing was written.
    BufferTooSmall,
    /// A positive timeout expired before anything arrived.
    TimedOut,
    /// The peer shut the one-to-one association down: no more messages.
    Eof,
    /// The socket was interrupted (`Socket::interrupt`; in the C ABI, the
    /// handle was closed) while the call waited, or before it would have.
    Closed,
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
            Error::InvalidArgument(_) | Error::WrongKind(_) | Error::BufferTooSmall => {
                io::Error::new(io::ErrorKind::InvalidInput, e.to_string())
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
            Error::BufferTooSmall => f.write_str("buffer too small for the result"),
            Error::TimedOut => f.write_str("timed out"),
            Error::Eof => f.write_str("the peer shut the association down"),
            Error::Closed => f.write_str("the socket was closed while the call waited"),
        }
    }
}

impl std::error::Error for Error {}
