/*
 * The program tests/c/install builds against an installed sctpx with
 * nothing but `pkg-config --cflags --libs sctpx` (shared, and --static).
 * It opens and closes a real SCTP socket, so it needs kernel SCTP.
 */
#include <sctpx.h>

#include <stdio.h>

int main(void)
{
    sctpx_handle h;
    char msg[128];
    int32_t rc = sctpx_open_tcp(SCTPX_AF_INET, &h);

    if (rc < 0) {
        sctpx_strerror(rc, msg, sizeof msg);
        printf("sctpx_open_tcp: %s\n", msg);
        return 1;
    }
    rc = sctpx_close(h);
    printf("sctpx %s: opened and closed a one-to-one SCTP socket (close: %d)\n", sctpx_version(), (int)rc);
    return rc == 0 ? 0 : 1;
}
