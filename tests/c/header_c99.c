/*
 * sctpx.h as plain C99: this file is compiled with -std=c99 -Wall -Wextra
 * -Wpedantic -Werror and no feature-test macros, so the header must stand on
 * its own (its three system includes, nothing else). At run time it checks
 * the error-code convention the header documents.
 */
#include <sctpx.h>

#include "testlib.h"

#include <stdio.h>
#include <string.h>

int main(void)
{
    /* Every SCTPX_ERR_* code, in the order the header numbers them. */
    static const int32_t codes[] = {
        SCTPX_ERR_NULL_POINTER, SCTPX_ERR_BAD_HANDLE, SCTPX_ERR_CLOSED_HANDLE,
        SCTPX_ERR_WRONG_KIND,   SCTPX_ERR_INVALID_ARGUMENT, SCTPX_ERR_BUFFER_TOO_SMALL,
        SCTPX_ERR_TIMED_OUT,    SCTPX_ERR_EOF,          SCTPX_ERR_PANIC,
    };
    char unknown[160], prev[160] = "", msg[160];
    size_t i;
    int distinct = 1, numbered = 1;

    is(SCTPX_OK, 0, "SCTPX_OK is 0");
    sctpx_strerror(-10000, unknown, sizeof unknown);
    for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        numbered &= codes[i] == -10001 - (int32_t)i;
        sctpx_strerror(codes[i], msg, sizeof msg);
        /* Each library code has its own text, not the "unknown" fallback. */
        distinct &= strcmp(msg, prev) != 0 && strcmp(msg, unknown) != 0 && *msg != '\0';
        strcpy(prev, msg);
    }
    ok(numbered, "the library's codes run from -10001 down to -10009 without gaps");
    ok(distinct, "every library code has its own message from sctpx_strerror");
    ok(-4095 > SCTPX_ERR_NULL_POINTER, "library codes lie below the -errno range (-1 .. -4095)");
    ok(sctpx_version() != NULL && strlen(sctpx_version()) > 0, "sctpx_version() is a non-empty string");
    return done_testing();
}
