/*
 * Batches: sctp_send_batch sends 32 messages (each with its own stream and
 * PPID) in one call, and sctp_recv_batch takes all 32 back in one call, each
 * with its own metadata. 100 messages, more than one sendmmsg (64) carries,
 * go out in one sctp_send_batch call too.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <stdio.h>
#include <string.h>
#include <time.h>

#define STRIDE 64

static char text[100][16];
static sctpx_send_msg msgs[100];
static sctpx_event evs[64];
static uint8_t bufs[64 * STRIDE];

/* Until the sender has nothing unacknowledged: everything it sent is queued
 * at the receiver. */
static void wait_acked(sctpx_handle h)
{
    sctpx_status st;
    int64_t start = now_ms();
    do {
        nanosleep(&(struct timespec){0, 20 * 1000 * 1000}, NULL);
        must(sctp_get_status(h, 0, &st), "sctp_get_status");
    } while (st.unackdata != 0 && now_ms() - start < 5000);
}

int main(void)
{
    sctpx_handle c, s;
    int i, n, good = 0, in_order = 1, last[4] = {-1, -1, -1, -1};
    int total = 0, calls = 0;

    tcp_pair(SCTPX_AF_INET, &c, &s);
    for (i = 0; i < 100; i++) {
        snprintf(text[i], sizeof text[i], "batch %03d", i);
        msgs[i].data = (const uint8_t *)text[i];
        msgs[i].len = strlen(text[i]);
        msgs[i].info.stream = (uint16_t)(i % 4);
        msgs[i].info.ppid = 100u + (uint32_t)i;
    }

    is(sctp_send_batch(c, msgs, 32), 32, "sctp_send_batch sends 32 messages in one call");
    wait_acked(c);
    n = sctp_recv_batch(s, evs, 64, bufs, STRIDE, 5000);
    is(n, 32, "sctp_recv_batch with room for 64 returns the 32 queued, in one call");
    for (i = 0; i < n; i++) {
        int k = -1;
        sscanf((const char *)bufs + i * STRIDE, "batch %d", &k);
        if (k >= 0 && k < 32 && evs[i].len == msgs[k].len && memcmp(bufs + i * STRIDE, text[k], evs[i].len) == 0 &&
            evs[i].stream == k % 4 && evs[i].ppid == 100u + (uint32_t)k)
            good++;
        /* Within a stream, order is kept. */
        if (k >= 0 && evs[i].stream < 4) {
            in_order &= k > last[evs[i].stream];
            last[evs[i].stream] = k;
        }
    }
    is(good, 32, "each of the 32 comes with its own bytes, stream and PPID");
    ok(in_order, "messages of one stream arrive in the order sent");

    is(sctp_send_batch(c, msgs, 100), 100, "sctp_send_batch sends 100 messages (over 64 per sendmmsg) in one call");
    while (total < 100 && calls < 100) {
        n = sctp_recv_batch(s, evs, 64, bufs, STRIDE, 5000);
        if (n <= 0)
            break;
        total += n;
        calls++;
    }
    is(total, 100, "all 100 arrive");

    sctp_close(c);
    sctp_close(s);
    return done_testing();
}
