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
    /* Every SCTPX_ERR_* code with its number: codes are never renumbered, and a removed
     * code's number is never reused (-10006 was SCTPX_ERR_BUFFER_TOO_SMALL, which no
     * function returned; removed before 1.0). */
    static const struct {
        int32_t code, number;
    } codes[] = {
        {SCTPX_ERR_NULL_POINTER, -10001}, {SCTPX_ERR_BAD_HANDLE, -10002},
        {SCTPX_ERR_CLOSED_HANDLE, -10003}, {SCTPX_ERR_WRONG_KIND, -10004},
        {SCTPX_ERR_INVALID_ARGUMENT, -10005}, {SCTPX_ERR_TIMED_OUT, -10007},
        {SCTPX_ERR_EOF, -10008}, {SCTPX_ERR_PANIC, -10009},
    };
    char unknown[160], prev[160] = "", msg[160];
    size_t i;
    int distinct = 1, numbered = 1;

    is(SCTPX_OK, 0, "SCTPX_OK is 0");
    sctpx_strerror(-10000, unknown, sizeof unknown);
    for (i = 0; i < sizeof codes / sizeof codes[0]; i++) {
        numbered &= codes[i].code == codes[i].number;
        sctpx_strerror(codes[i].code, msg, sizeof msg);
        /* Each library code has its own text, not the "unknown" fallback. */
        distinct &= strcmp(msg, prev) != 0 && strcmp(msg, unknown) != 0 && *msg != '\0';
        strcpy(prev, msg);
    }
    ok(numbered, "the library's codes keep their numbers, -10001 to -10009 without -10006");
    sctpx_strerror(-10006, msg, sizeof msg);
    ok(strcmp(msg, unknown) == 0, "-10006, retired, is no code: sctpx_strerror calls it unknown");
    ok(distinct, "every library code has its own message from sctpx_strerror");
    ok(-4095 > SCTPX_ERR_NULL_POINTER, "library codes lie below the -errno range (-1 .. -4095)");
    ok(sctpx_version() != NULL && strlen(sctpx_version()) > 0, "sctpx_version() is a non-empty string");
    return done_testing();
}
