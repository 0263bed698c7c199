//! libusrsctp, loaded at run time: a machine with kernel SCTP needs nothing
//! new, and one without libusrsctp gets `Error::BackendUnavailable` naming the
//! package instead of a program that does not start.
//!
//! The function types are `<usrsctp.h>`'s (usrsctp 0.9.5, Debian
//! `libusrsctp-dev`); `sctp_assoc_t` is a u32 there.

use std::ffi::{c_char, c_int, c_uint, c_void, CStr};
use std::sync::OnceLock;

use libc::{size_t, sockaddr, socklen_t, ssize_t};

use crate::error::{Error, Result};

/// The library's soname (Debian `libusrsctp2`).
pub(crate) const SONAME: &CStr = c"libusrsctp.so.2";

/// usrsctp's opaque `struct socket`.
pub(crate) type So = *mut c_void;

/// The upcall usrsctp calls (from its own threads, with no lock held) when a
/// socket's readiness may have changed.
pub(crate) type Upcall = unsafe extern "C" fn(so: So, arg: *mut c_void, flags: c_int);

type ConnOutput = Option<unsafe extern "C" fn(*mut c_void, *mut c_void, size_t, u8, u8) -> c_int>;
type DebugPrintf = Option<unsafe extern "C" fn(*const c_char, ...)>;
type ReceiveCb = Option<unsafe extern "C" fn()>;

macro_rules! api {
    ($( $name:ident : fn($($arg:ty),*) $(-> $ret:ty)?; )*) => {
        /// The entry points sctpx uses, resolved once.
        #[allow(non_snake_case)]
        pub(crate) struct Api {
            $( pub(crate) $name: unsafe extern "C" fn($($arg),*) $(-> $ret)?, )*
            /// usrsctp's internal `sctp_close(struct socket *)` (exported by
            /// Debian's build, not in usrsctp.h): detaches a socket from its
            /// endpoint and associations. `close` calls it before
            /// usrsctp_close; absent from a build that hides it.
            pub(crate) sctp_close: Option<unsafe extern "C" fn(So)>,
        }

        impl Api {
            /// Resolves every entry point in `lib` (a dlopen handle).
            fn resolve(lib: *mut c_void) -> std::result::Result<Api, &'static str> {
                Ok(Api {
                    $( $name: {
                        let name = concat!(stringify!($name), "\0");
                        // SAFETY: `lib` is a live dlopen handle and `name` is
                        // NUL-terminated.
                        let p = unsafe { libc::dlsym(lib, name.as_ptr().cast()) };
                        if p.is_null() {
                            return Err(concat!("libusrsctp.so.2 lacks ", stringify!($name)));
                        }
                        // SAFETY: the symbol is usrsctp's function of this
                        // type (usrsctp.h).
                        unsafe { std::mem::transmute::<*mut c_void, unsafe extern "C" fn($($arg),*) $(-> $ret)?>(p) }
                    }, )*
                    sctp_close: {
                        // SAFETY: as above; a missing symbol is allowed.
                        let p = unsafe { libc::dlsym(lib, c"sctp_close".as_ptr()) };
                        // SAFETY: usrsctp's `void sctp_close(struct socket *)`.
                        (!p.is_null()).then(|| unsafe { std::mem::transmute::<*mut c_void, unsafe extern "C" fn(So)>(p) })
                    },
                })
            }
        }
    };
}

api! {
    usrsctp_init: fn(u16, ConnOutput, DebugPrintf);
    usrsctp_socket: fn(c_int, c_int, c_int, ReceiveCb, ReceiveCb, u32, *mut c_void) -> So;
    usrsctp_setsockopt: fn(So, c_int, c_int, *const c_void, socklen_t) -> c_int;
    usrsctp_getsockopt: fn(So, c_int, c_int, *mut c_void, *mut socklen_t) -> c_int;
    usrsctp_getpaddrs: fn(So, u32, *mut *mut sockaddr) -> c_int;
    usrsctp_freepaddrs: fn(*mut sockaddr);
    usrsctp_getladdrs: fn(So, u32, *mut *mut sockaddr) -> c_int;
    usrsctp_freeladdrs: fn(*mut sockaddr);
    usrsctp_sendv: fn(So, *const c_void, size_t, *mut sockaddr, c_int, *mut c_void, socklen_t, c_uint, c_int) -> ssize_t;
    usrsctp_recvv: fn(So, *mut c_void, size_t, *mut sockaddr, *mut socklen_t, *mut c_void, *mut socklen_t, *mut c_uint, *mut c_int) -> ssize_t;
    usrsctp_bind: fn(So, *mut sockaddr, socklen_t) -> c_int;
    usrsctp_bindx: fn(So, *mut sockaddr, c_int, c_int) -> c_int;
    usrsctp_listen: fn(So, c_int) -> c_int;
    usrsctp_accept: fn(So, *mut sockaddr, *mut socklen_t) -> So;
    usrsctp_peeloff: fn(So, u32) -> So;
    usrsctp_connect: fn(So, *mut sockaddr, socklen_t) -> c_int;
    usrsctp_connectx: fn(So, *const sockaddr, c_int, *mut u32) -> c_int;
    usrsctp_close: fn(So);
    usrsctp_shutdown: fn(So, c_int) -> c_int;
    usrsctp_set_non_blocking: fn(So, c_int) -> c_int;
    usrsctp_set_upcall: fn(So, Option<Upcall>, *mut c_void) -> c_int;
    usrsctp_get_events: fn(So) -> c_int;
}

// SAFETY: the table holds function pointers only; usrsctp's functions may be
// called from any thread.
unsafe impl Send for Api {}
// SAFETY: as above.
unsafe impl Sync for Api {}

static API: OnceLock<std::result::Result<Api, String>> = OnceLock::new();

/// The library, loaded on first use; the same answer every time after.
pub(crate) fn api() -> Result<&'static Api> {
    API.get_or_init(load).as_ref().map_err(|_| Error::BackendUnavailable(UNAVAILABLE))
}

/// What `sctpx_strerror`-style messages say when the library is missing.
pub(crate) const UNAVAILABLE: &str = "the userspace backend needs libusrsctp.so.2 (Debian/Ubuntu package libusrsctp2)";

fn load() -> std::result::Result<Api, String> {
    // RTLD_NODELETE: usrsctp's threads run its code until the process ends.
    // SAFETY: a NUL-terminated name; dlopen runs the library's constructors,
    // which usrsctp does not rely on.
    let lib = unsafe { libc::dlopen(SONAME.as_ptr(), libc::RTLD_NOW | libc::RTLD_LOCAL | libc::RTLD_NODELETE) };
    if lib.is_null() {
        // SAFETY: dlerror returns a NUL-terminated string or NULL.
        let e = unsafe { libc::dlerror() };
        let why = if e.is_null() {
            "dlopen failed".to_string()
        } else {
            // SAFETY: non-NULL, NUL-terminated.
            unsafe { CStr::from_ptr(e) }.to_string_lossy().into_owned()
        };
        return Err(why);
    }
    Api::resolve(lib).map_err(str::to_string)
}
