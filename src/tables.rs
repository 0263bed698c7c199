//! The one list per enumeration, and what makes the C header's copy of it.
//!
//! Each enumeration the C ABI numbers — error codes (`error.rs`), flags and policies
//! (`types.rs`, `socket.rs`, `event.rs`), event kinds and the states notifications report
//! (`event.rs`, `types.rs`), integer options (`options.rs`) — is
//! declared once, as a table: a macro invocation whose rows give each entry's doc comment,
//! C name and number (and, for options and event kinds, what the core does with it). The
//! macro makes the Rust side (an enum or constants, `ALL`, `from_*`, the dispatch data),
//! and records each row as a [`CRow`].
//!
//! cbindgen does not expand macros, so the C constants reach `include/sctpx.h` through
//! `src/ffi/constants.rs`: plain `pub const SCTPX_*` items that [`render`] writes from the
//! tables. `make header` regenerates it (and the header, and the bindings' generated
//! constants from the header); the test below fails whenever the file differs from what
//! the tables make now, so neither can drift.

#[cfg(test)]
use std::fmt::Write;

/// One constant of the C header.
#[cfg(test)]
pub(crate) struct CRow {
    /// Its C name (`SCTPX_...`).
    pub name: &'static str,
    /// Its value.
    pub value: i64,
    /// Its doc comment, one line per `///` line (each with its leading space).
    pub doc: String,
}

#[cfg(test)]
impl CRow {
    /// A row from a table's C name, value and doc lines (`concat!`ed).
    pub(crate) fn new(name: &'static str, value: i64, doc: &str) -> CRow {
        CRow { name, value, doc: doc.to_string() }
    }
}

/// Constants of one C type under one heading.
#[cfg(test)]
pub(crate) struct CGroup {
    /// The heading's lines, one per `///` line of the table's own doc comment.
    pub heading: &'static str,
    /// The Rust type of the generated constants (`i32`, `u32`, `u16`).
    pub ty: &'static str,
    /// The constants, in table order.
    pub rows: Vec<CRow>,
}

/// Declares a list of constants that the C header carries: each row is
/// `/// doc` lines, then `SCTPX_NAME = value => RUST_NAME;` — or `=> _;` for a
/// constant only the C ABI has. A Rust name becomes a constant of the table's
/// visibility and type; the whole table becomes `fn TABLE() -> CGroup` (for the test that
/// writes the C constants), and
/// `all NAME` after the type makes a Rust constant of every row's bits or'ed.
macro_rules! c_constants {
    (@all $vis:vis, , $ty:ty, [$($value:expr),*]) => {};
    (@all $vis:vis, $all:ident, $ty:ty, [$($value:expr),*]) => {
        /// Every flag of the table above.
        $vis const $all: $ty = 0 $(| $value)*;
    };
    (@rust $vis:vis, _, $ty:ty, $value:expr, [$($doc:literal)*]) => {};
    (@rust $vis:vis, $rust:ident, $ty:ty, $value:expr, [$($doc:literal)*]) => {
        $(#[doc = $doc])*
        $vis const $rust: $ty = $value;
    };
    (
        $(#[doc = $heading:literal])*
        $vis:vis table $table:ident: $ty:ident $(, all $all:ident)? {
            $( $(#[doc = $doc:literal])* $cname:ident = $value:expr => $rust:tt; )*
        }
    ) => {
        $( crate::tables::c_constants!(@rust $vis, $rust, $ty, $value, [$($doc)*]); )*
        crate::tables::c_constants!(@all $vis, $($all)?, $ty, [$($value),*]);

        $(#[doc = $heading])*
        #[cfg(test)]
        pub(crate) fn $table() -> crate::tables::CGroup {
            crate::tables::CGroup {
                heading: concat!($($heading, "\n"),*),
                ty: stringify!($ty),
                rows: vec![$(crate::tables::CRow::new(stringify!($cname), ($value) as i64, concat!($($doc, "\n"),*))),*],
            }
        }
    };
}
pub(crate) use c_constants;

/// Every table, in the order of the header.
#[cfg(test)]
fn all() -> Vec<CGroup> {
    vec![
        crate::error::codes(),
        crate::backend::backends(),
        crate::socket::bindx_flags(),
        crate::socket::peeloff_flags(),
        crate::types::send_flags(),
        crate::types::pr_policies(),
        crate::types::schedulers(),
        crate::event::event_kinds(),
        crate::event::event_flags(),
        crate::event::next_info_flags(),
        crate::types::assoc_change_states(),
        crate::types::features(),
        crate::event::peer_addr_states(),
        crate::options::int_options(),
        crate::options::option_levels(),
        crate::auth::auth_indications(),
        crate::auth::hmac_idents(),
    ]
}

/// `src/ffi/constants.rs` as the tables make it.
#[cfg(test)]
fn render() -> String {
    let mut out = String::from(
        "//! The C ABI's numbered constants. GENERATED from the tables in the core (see\n\
         //! `src/tables.rs`) by `make header`: do not edit; edit the table.\n\
         //!\n\
         //! cbindgen reads this file (it does not expand the tables' macros); a test fails\n\
         //! when it differs from what the tables make.\n",
    );
    for group in all() {
        out.push_str("\n// ---------------------------------------------------------------------------\n");
        for line in group.heading.lines() {
            let _ = writeln!(out, "//{}", line.trim_end());
        }
        out.push_str("// ---------------------------------------------------------------------------\n");
        for row in group.rows {
            out.push('\n');
            for line in row.doc.lines() {
                let _ = writeln!(out, "///{}", line.trim_end());
            }
            let _ = writeln!(out, "pub const {}: {} = {};", row.name, group.ty, row.value);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    const GENERATED: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/src/ffi/constants.rs");

    /// `make header` runs this with SCTPX_WRITE_C_CONSTANTS=1 to write the file.
    #[test]
    fn src_ffi_constants_rs_is_what_the_tables_make() {
        let fresh = render();
        if std::env::var_os("SCTPX_WRITE_C_CONSTANTS").is_some() {
            std::fs::write(GENERATED, &fresh).unwrap();
        }
        let file = std::fs::read_to_string(GENERATED).unwrap();
        assert!(file == fresh, "src/ffi/constants.rs differs from the tables: run `make header`");
    }
}
