/*
 * SCTPX_OPT_RECV_NEXT_INFO and sctpx_next_event_with_next_info: a receive
 * describes the message queued behind the one it returns (SCTP_NXTINFO), and
 * says when none is known.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <string.h>
#include <time.h>

/* The next data event with its next-message report, notifications skipped. */
static int32_t next_data_with_next(sctpx_handle h, sctpx_event *ev, uint8_t *buf, size_t cap, sctpx_next_info *next)
{
    for (;;) {
        int32_t n = sctpx_next_event_with_next_info(h, ev, buf, cap, 5000, next);
        if (n < 0 || ev->kind == SCTPX_EVENT_DATA)
            return n;
    }
}

/* From `client`: "first" (stream 1, PPID 7), then "second message" (stream 5,
 * PPID 0x01020304, unordered), then time for both to be queued at the server:
 * only what is already queued is reported. */
static void send_two(sctpx_handle client)
{
    sctpx_send_info second = {0};
    const struct timespec pause = {0, 300 * 1000 * 1000};
    must(sctpx_send_stream(client, 0, 1, 7, (const uint8_t *)"first", 5), "send first");
    second.stream = 5;
    second.ppid = 0x01020304;
    second.flags = SCTPX_SEND_UNORDERED;
    must(sctpx_send(client, (const uint8_t *)"second message", 14, &second, NULL, 0), "send second");
    nanosleep(&pause, NULL);
}

int main(void)
{
    sctpx_handle server, client;
    sctpx_assoc_id assoc;
    sctpx_event ev;
    sctpx_next_info next;
    uint8_t buf[64];
    int64_t v = -1;

    udp_pair(&server, &client, &assoc);
    is(sctpx_set_option(server, 0, SCTPX_OPT_RECV_NEXT_INFO, 1), 0, "RECV_NEXT_INFO: set 1");
    sctpx_get_option(server, 0, SCTPX_OPT_RECV_NEXT_INFO, &v);
    is(v, 1, "RECV_NEXT_INFO: reads back 1");
    send_two(client);

    /* A required pointer missing: refused before anything is received. */
    memset(&ev, 0xAB, sizeof ev);
    is(sctpx_next_event_with_next_info(server, &ev, buf, sizeof buf, 0, NULL), SCTPX_ERR_NULL_POINTER,
       "NULL next: SCTPX_ERR_NULL_POINTER");
    is(ev.kind, 0xABABABABu, "NULL next: the event is left untouched");

    memset(&next, 0, sizeof next);
    is(next_data_with_next(server, &ev, buf, sizeof buf, &next), 5, "first message: 5 bytes");
    ok(memcmp(buf, "first", 5) == 0 && ev.stream == 1 && ev.ppid == 7, "first message: \"first\", stream 1, PPID 7");
    is(next.flags, SCTPX_NEXT_FLAG_PRESENT | SCTPX_NEXT_FLAG_UNORDERED, "next: present, unordered");
    is(next.stream, 5, "next: stream 5");
    is(next.ppid, 0x01020304, "next: PPID in host byte order");
    is(next.len, 14, "next: 14 bytes");
    is(next.assoc_id, assoc, "next: the association");

    memset(&next, 0xCD, sizeof next);
    is(next_data_with_next(server, &ev, buf, sizeof buf, &next), 14, "second message: 14 bytes");
    ok(memcmp(buf, "second message", 14) == 0 && ev.stream == 5 && (ev.flags & SCTPX_EVENT_FLAG_UNORDERED),
       "second message: the one described, unordered on stream 5");
    is(next.flags, 0, "after the last message: no next (flags 0)");
    ok(next.stream == 0 && next.ppid == 0 && next.len == 0 && next.assoc_id == 0, "after the last message: all zero");

    is(sctpx_set_option(server, 0, SCTPX_OPT_RECV_NEXT_INFO, 0), 0, "RECV_NEXT_INFO: set 0");
    send_two(client);
    memset(&next, 0xCD, sizeof next);
    is(next_data_with_next(server, &ev, buf, sizeof buf, &next), 5, "option off: first message");
    is(next.flags, 0, "option off: no next although one is queued");
    is(next_data(server, &ev, buf, sizeof buf), 14, "option off: the second message was queued");

    sctpx_close(client);
    sctpx_close(server);
    return done_testing();
}
