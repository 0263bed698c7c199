/*
 * Symbol versioning. libsctp.so.1 (lksctp-tools) exports six functions under
 * the names sctpx uses too: sctp_peeloff, sctp_bindx, sctp_connectx,
 * sctp_getpaddrs, sctp_getladdrs, sctp_send. sctpx exports every function
 * as NAME@@SCTPX_0, so a program linked against sctpx binds to that version
 * and keeps calling sctpx's functions even when libsctp is loaded FIRST in
 * the process. This program makes that so: it re-executes itself with
 * LD_PRELOAD=libsctp.so.1, checks that an unversioned lookup now finds
 * libsctp's definitions, and that its own calls still reach sctpx (for which
 * handle 0xdeadbeef is SCTPX_ERR_BAD_HANDLE; libsctp would answer -1).
 *
 * (Linking with -lsctp BEFORE -lsctpx is a different case: the linker then
 * binds these names to libsctp's VERS_1 at build time, and no runtime
 * versioning can change that. Link -lsctpx first.)
 */
#define _GNU_SOURCE /* dlvsym, dladdr, RTLD_DEFAULT */

#include <sctpx.h>

#include "testlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

static const char *const shared_names[] = {"sctp_peeloff", "sctp_bindx", "sctp_connectx",
                                           "sctp_getpaddrs", "sctp_getladdrs", "sctp_send"};

static const char *const header_functions[] = {
#define SCTPX_FN(f) #f,
#include "sctpx_functions.h"
#undef SCTPX_FN
};

/* The file that defines `sym`, or "" when none does. */
static const char *file_of(void *sym)
{
    Dl_info di;
    return sym && dladdr(sym, &di) && di.dli_fname ? di.dli_fname : "";
}

int main(int argc, char **argv)
{
    struct sockaddr_storage ss;
    sctpx_handle out = 0;
    uint8_t byte = 0;
    void *libsctp;
    size_t i, j;
    int untested = 0;

    (void)argc;
    if (!getenv("SCTPX_SYMVER_PRELOADED")) {
        setenv("SCTPX_SYMVER_PRELOADED", "1", 1);
        setenv("LD_PRELOAD", "libsctp.so.1", 1);
        execv("/proc/self/exe", argv);
        perror("execv");
        return 1;
    }

    libsctp = dlopen("libsctp.so.1", RTLD_NOW | RTLD_NOLOAD);
    ok(libsctp != NULL, "libsctp.so.1 is loaded in this process (LD_PRELOAD)");
    ok(strstr(file_of(dlsym(RTLD_DEFAULT, "sctp_peeloff")), "libsctp.so") != NULL,
       "an unversioned lookup of sctp_peeloff finds libsctp's first (%s)", file_of(dlsym(RTLD_DEFAULT, "sctp_peeloff")));
    ok(strstr(file_of(dlvsym(RTLD_DEFAULT, "sctp_peeloff", "SCTPX_0")), "libsctpx.so") != NULL,
       "sctp_peeloff@SCTPX_0 is sctpx's (%s)", file_of(dlvsym(RTLD_DEFAULT, "sctp_peeloff", "SCTPX_0")));

    loopback4(0, &ss);
    is(sctp_peeloff(0xdeadbeef, 0, 0, &out), SCTPX_ERR_BAD_HANDLE, "sctp_peeloff(0xdeadbeef, ...) is sctpx's");
    is(sctp_bindx(0xdeadbeef, &ss, 1, SCTPX_BINDX_ADD), SCTPX_ERR_BAD_HANDLE, "sctp_bindx(0xdeadbeef, ...) is sctpx's");
    is(sctp_connectx(0xdeadbeef, &ss, 1, NULL), SCTPX_ERR_BAD_HANDLE, "sctp_connectx(0xdeadbeef, ...) is sctpx's");
    is(sctp_getpaddrs(0xdeadbeef, 0, &ss, 1), SCTPX_ERR_BAD_HANDLE, "sctp_getpaddrs(0xdeadbeef, ...) is sctpx's");
    is(sctp_getladdrs(0xdeadbeef, 0, &ss, 1), SCTPX_ERR_BAD_HANDLE, "sctp_getladdrs(0xdeadbeef, ...) is sctpx's");
    is(sctp_send(0xdeadbeef, &byte, 1, NULL, NULL, 0), SCTPX_ERR_BAD_HANDLE, "sctp_send(0xdeadbeef, ...) is sctpx's");

    /* If libsctp ever exports another of our names, this test must learn it. */
    for (i = 0; libsctp && i < sizeof header_functions / sizeof header_functions[0]; i++) {
        if (!dlsym(libsctp, header_functions[i]))
            continue;
        for (j = 0; j < sizeof shared_names / sizeof shared_names[0]; j++)
            if (strcmp(shared_names[j], header_functions[i]) == 0)
                break;
        if (j == sizeof shared_names / sizeof shared_names[0]) {
            diag("libsctp also exports %s, which this test does not call", header_functions[i]);
            untested++;
        }
    }
    ok(libsctp && untested == 0, "every name sctpx shares with libsctp is called above");
    return done_testing();
}
