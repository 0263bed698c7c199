/*
 * echo_server: a one-to-one (TCP-style) SCTP echo server on sctpx.
 *
 *   echo_server [-n COUNT] ADDR PORT
 *
 * Accepts one association at a time and sends every message back on the
 * stream and with the PPID it arrived with. Exits after COUNT associations
 * (default: runs until killed).
 */
#define _POSIX_C_SOURCE 200809L

#include "common.h"


static void serve(sctpx_handle conn)
{
    static uint8_t buf[65536];
    char text[52];

    for (;;) {
        sctpx_event ev;
        int32_t n = sctpx_next_event(conn, &ev, buf, sizeof buf, -1);

        if (peer_gone(n))
            break;
        check(n, "sctpx_next_event");
        /* Nothing is subscribed, so only data arrives here. */
        if (ev.kind != SCTPX_EVENT_DATA)
            continue;
        printf("echo_server: stream %u ppid %u ssn %u: '%s'\n", ev.stream, ev.ppid, ev.ssn,
               text_of(buf, ev.len, text));
        n = sctpx_send_stream(conn, 0, ev.stream, ev.ppid, buf, ev.len);
        if (peer_gone(n))
            break;
        check(n, "sctpx_send_stream");
    }
    printf("echo_server: association closed by the peer\n");
}

int main(int argc, char **argv)
{
    long count;
    int a = server_args(argc, argv, &count);
    sctpx_handle listener = listen_on(argv[a], argv[a + 1], 0);
    char where[64];

    printf("echo_server: listening on %s %s\n", argv[a], argv[a + 1]);
    for (; count != 0; count--) {
        struct sockaddr_storage peer;
        socklen_t peer_len = sizeof peer;
        sctpx_handle conn;

        check(sctpx_accept(listener, &conn, &peer, &peer_len), "sctpx_accept");
        printf("echo_server: association from %s\n", addr_str(&peer, where, sizeof where));
        serve(conn);
        check(sctpx_close(conn), "sctpx_close");
    }
    check(sctpx_close(listener), "sctpx_close");
    return 0;
}
