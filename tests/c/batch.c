/*
 * Batches: sctpx_send_batch sends 32 messages (each with its own stream and
 * PPID) in one call, and sctpx_recv_batch takes all 32 back in one call, each
 * with its own metadata. 100 messages, more than one sendmmsg (64) carries,
 * go out in one sctpx_send_batch call too.
 *
 * A call that reports failure has sent nothing: every message of a batch is
 * checked before the first goes out, so a bad one anywhere (here past the
 * first sendmmsg's 64) gives its code and the peer gets none of the batch. A
 * failure only the kernel can see (a stream the association lacks) comes
 * after some were sent: the call returns how many.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <netinet/in.h>
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
        must(sctpx_get_status(h, 0, &st), "sctpx_get_status");
    } while (st.unackdata != 0 && now_ms() - start < 5000);
}

/* 100 messages "batch 000" .. "batch 099", all on stream 0: the peer gets
 * them, and whatever is sent after them, in the order sent. */
static void fill_stream0(sctpx_send_msg *m)
{
    int i;
    for (i = 0; i < 100; i++) {
        memset(&m[i], 0, sizeof m[i]);
        m[i].data = (const uint8_t *)text[i];
        m[i].len = strlen(text[i]);
    }
}

/* Sends a marker after a refused batch: when the peer's next message is the
 * marker, none of the batch went out (stream 0 keeps the order). */
static void nothing_arrived(sctpx_handle c, sctpx_handle s, const char *what)
{
    sctpx_event ev;
    uint8_t buf[64];
    int32_t n;

    must(sctpx_send_stream(c, 0, 0, 1, (const uint8_t *)"marker", 6), "sctpx_send_stream");
    n = next_data(s, &ev, buf, sizeof buf);
    ok(n == 6 && memcmp(buf, "marker", 6) == 0, "%s: the peer's next message is the one sent after the call "
       "(got \"%.*s\"): nothing of the batch went out", what, n > 0 ? (int)n : 0, (const char *)buf);
}

static sctpx_send_msg bad[100];
static struct sockaddr_storage unix_addr;

static void null_data_at_70(void) { bad[70].data = NULL; }
static void unix_address_at_65(void)
{
    unix_addr.ss_family = AF_UNIX;
    bad[65].to = (const struct sockaddr *)&unix_addr;
    bad[65].to_len = sizeof unix_addr;
}
static void unknown_flag_at_70(void) { bad[70].info.flags = 0x8000; }

/* A batch of 100 with one message spoiled is refused with `want`, and the
 * peer gets none of it. */
static void refused_whole(const char *what, void (*spoil)(void), int32_t want)
{
    sctpx_handle c, s;
    tcp_pair(SCTPX_AF_INET, &c, &s);
    fill_stream0(bad);
    spoil();
    is(sctpx_send_batch(c, bad, 100), want, "%s: refused with its code, not a count", what);
    nothing_arrived(c, s, what);
    sctpx_close(c);
    sctpx_close(s);
}

/* The kernel refuses message 70 (stream 1000; the association has 10): the
 * 70 before it are sent and counted; sending the rest delivers them all. */
static void kernel_refusal_at_70_counts_what_was_sent(void)
{
    sctpx_handle c, s;
    sctpx_event ev;
    uint8_t buf[64];
    int i, in_order = 1;

    tcp_pair(SCTPX_AF_INET, &c, &s);
    fill_stream0(bad);
    bad[70].info.stream = 1000;
    is(sctpx_send_batch(c, bad, 100), 70, "message 70 of 100 on a stream the association lacks: 70 were sent");
    bad[70].info.stream = 0;
    is(sctpx_send_batch(c, bad + 70, 30), 30, "... and the 30 left go out in the next call");
    for (i = 0; i < 100; i++) {
        int32_t n = next_data(s, &ev, buf, sizeof buf);
        in_order &= n == (int32_t)strlen(text[i]) && memcmp(buf, text[i], (size_t)n) == 0;
    }
    ok(in_order, "the peer gets all 100, once each, in order");
    sctpx_close(c);
    sctpx_close(s);
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

    is(sctpx_send_batch(c, msgs, 32), 32, "sctpx_send_batch sends 32 messages in one call");
    wait_acked(c);
    n = sctpx_recv_batch(s, evs, 64, bufs, STRIDE, 5000);
    is(n, 32, "sctpx_recv_batch with room for 64 returns the 32 queued, in one call");
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

    is(sctpx_send_batch(c, msgs, 100), 100, "sctpx_send_batch sends 100 messages (over 64 per sendmmsg) in one call");
    while (total < 100 && calls < 100) {
        n = sctpx_recv_batch(s, evs, 64, bufs, STRIDE, 5000);
        if (n <= 0)
            break;
        total += n;
        calls++;
    }
    is(total, 100, "all 100 arrive");

    sctpx_close(c);
    sctpx_close(s);

    refused_whole("message 70 of 100 with NULL data (len 9): SCTPX_ERR_NULL_POINTER", null_data_at_70,
                  SCTPX_ERR_NULL_POINTER);
    refused_whole("message 65 of 100 to an AF_UNIX address: SCTPX_ERR_INVALID_ARGUMENT", unix_address_at_65,
                  SCTPX_ERR_INVALID_ARGUMENT);
    refused_whole("message 70 of 100 with unknown send flag 0x8000: SCTPX_ERR_INVALID_ARGUMENT", unknown_flag_at_70,
                  SCTPX_ERR_INVALID_ARGUMENT);
    kernel_refusal_at_70_counts_what_was_sent();
    return done_testing();
}
