/*
 * Programs linked before 1.0 keep working beside libsctp. Before 1.0 sctpx's
 * functions were called sctp_*, and six of those names are also libsctp's
 * (lksctp-tools): sctp_peeloff, sctp_bindx, sctp_connectx, sctp_getpaddrs,
 * sctp_getladdrs, sctp_send. A binary linked then asks for NAME@SCTPX_0;
 * libsctpx.so.0 still has each of them at that version, but only as a
 * non-default version, so a new link (and dlsym) takes libsctp's.
 *
 * This program references the six exactly as such a binary does (.symver:
 * NAME@SCTPX_0), re-executes itself with LD_PRELOAD=libsctp.so.1 so that
 * libsctp comes first in the process, and checks that an unversioned lookup
 * now finds libsctp's definitions while its own versioned calls still reach
 * sctpx (for which handle 0xdeadbeef is SCTPX_ERR_BAD_HANDLE; libsctp would
 * answer -1).
 */
#define _GNU_SOURCE /* dlvsym, dladdr, RTLD_DEFAULT */
/* Only the sctpx_ names: the sctp_ ones below are strings and .symver targets. */
#define SCTPX_NO_SCTP_NAMES

#include <sctpx.h>

#include "testlib.h"

#include <dlfcn.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* The six as a binary linked before 1.0 calls them. */
#define BEFORE_1_0(name, ret, params) \
    ret old_##name params;            \
    __asm__(".symver old_" #name ", " #name "@SCTPX_0");
BEFORE_1_0(sctp_peeloff, int32_t, (sctpx_handle, sctpx_assoc_id, int32_t, sctpx_handle *))
BEFORE_1_0(sctp_bindx, int32_t, (sctpx_handle, const struct sockaddr_storage *, size_t, int32_t))
BEFORE_1_0(sctp_connectx, int32_t, (sctpx_handle, const struct sockaddr_storage *, size_t, sctpx_assoc_id *))
BEFORE_1_0(sctp_getpaddrs, int32_t, (sctpx_handle, sctpx_assoc_id, struct sockaddr_storage *, size_t))
BEFORE_1_0(sctp_getladdrs, int32_t, (sctpx_handle, sctpx_assoc_id, struct sockaddr_storage *, size_t))
BEFORE_1_0(sctp_send, int32_t,
           (sctpx_handle, const uint8_t *, size_t, const sctpx_send_info *, const struct sockaddr *, socklen_t))

static const char *const shared_names[] = {"sctp_peeloff", "sctp_bindx", "sctp_connectx",
                                           "sctp_getpaddrs", "sctp_getladdrs", "sctp_send"};

static const char *const old_names[] = {
#define SCTPX_SCTP_NAME(f) #f,
#include "sctpx_sctp_names.h"
#undef SCTPX_SCTP_NAME
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
       "an unversioned lookup of sctp_peeloff finds libsctp's (%s)", file_of(dlsym(RTLD_DEFAULT, "sctp_peeloff")));
    ok(strstr(file_of(dlvsym(RTLD_DEFAULT, "sctp_peeloff", "SCTPX_0")), "libsctpx.so") != NULL,
       "sctp_peeloff@SCTPX_0 is sctpx's (%s)", file_of(dlvsym(RTLD_DEFAULT, "sctp_peeloff", "SCTPX_0")));

    loopback4(0, &ss);
    is(old_sctp_peeloff(0xdeadbeef, 0, 0, &out), SCTPX_ERR_BAD_HANDLE, "sctp_peeloff@SCTPX_0(0xdeadbeef, ...) is sctpx's");
    is(old_sctp_bindx(0xdeadbeef, &ss, 1, SCTPX_BINDX_ADD), SCTPX_ERR_BAD_HANDLE, "sctp_bindx@SCTPX_0(0xdeadbeef, ...) is sctpx's");
    is(old_sctp_connectx(0xdeadbeef, &ss, 1, NULL), SCTPX_ERR_BAD_HANDLE, "sctp_connectx@SCTPX_0(0xdeadbeef, ...) is sctpx's");
    is(old_sctp_getpaddrs(0xdeadbeef, 0, &ss, 1), SCTPX_ERR_BAD_HANDLE, "sctp_getpaddrs@SCTPX_0(0xdeadbeef, ...) is sctpx's");
    is(old_sctp_getladdrs(0xdeadbeef, 0, &ss, 1), SCTPX_ERR_BAD_HANDLE, "sctp_getladdrs@SCTPX_0(0xdeadbeef, ...) is sctpx's");
    is(old_sctp_send(0xdeadbeef, &byte, 1, NULL, NULL, 0), SCTPX_ERR_BAD_HANDLE, "sctp_send@SCTPX_0(0xdeadbeef, ...) is sctpx's");

    /* If libsctp ever exports another of sctpx's names before 1.0, this test must learn it. */
    for (i = 0; libsctp && i < sizeof old_names / sizeof old_names[0]; i++) {
        if (!dlsym(libsctp, old_names[i]))
            continue;
        for (j = 0; j < sizeof shared_names / sizeof shared_names[0]; j++)
            if (strcmp(shared_names[j], old_names[i]) == 0)
                break;
        if (j == sizeof shared_names / sizeof shared_names[0]) {
            diag("libsctp also exports %s, which this test does not call", old_names[i]);
            untested++;
        }
    }
    ok(libsctp && untested == 0, "every name before 1.0 that libsctp also has is called above");
    return done_testing();
}
