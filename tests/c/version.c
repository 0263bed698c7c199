/*
 * The version, three ways: the header's macros, the library's
 * sctpx_version(), and Cargo.toml's `version` (which the Makefile passes in
 * as CARGO_VERSION). A release that bumps one and forgets another fails here.
 */
#include <sctpx.h>

#include "testlib.h"

#include <stdio.h>

#ifndef CARGO_VERSION
#error "build with -DCARGO_VERSION='\"x.y.z\"' (Cargo.toml's version; the Makefile does)"
#endif

int main(void)
{
    char macros[64];
    snprintf(macros, sizeof macros, "%d.%d.%d", SCTPX_VERSION_MAJOR, SCTPX_VERSION_MINOR, SCTPX_VERSION_PATCH);
    is_str(SCTPX_VERSION_STRING, CARGO_VERSION, "SCTPX_VERSION_STRING is Cargo.toml's version");
    is_str(macros, CARGO_VERSION, "SCTPX_VERSION_MAJOR.MINOR.PATCH is Cargo.toml's version");
    is_str(sctpx_version(), CARGO_VERSION, "sctpx_version() of the library loaded is Cargo.toml's version");
    ok(sctpx_version() == sctpx_version(), "sctpx_version() returns the same static string every time");
    return done_testing();
}
