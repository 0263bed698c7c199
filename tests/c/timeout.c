/*
 * sctpx_next_event's and sctpx_recv_batch's timeout: -1 blocks until
 * something arrives, 0 polls (-EAGAIN when nothing is there), N > 0 waits at
 * most N ms (then SCTPX_ERR_TIMED_OUT). Time bounds are generous at the top:
 * the tests run under an emulated CPU.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <errno.h>
#include <pthread.h>
#include <time.h>

static sctpx_handle c, s;
static uint8_t buf[64];

static void *send_later(void *arg)
{
    const struct timespec pause = {0, 300 * 1000 * 1000};
    (void)arg;
    nanosleep(&pause, NULL);
    sctpx_send_stream(c, 0, 0, 0, (const uint8_t *)"late", 4);
    return NULL;
}

int main(void)
{
    sctpx_event ev, evs[4];
    int64_t t;
    int32_t n;
    pthread_t th;

    tcp_pair(SCTPX_AF_INET, &c, &s);

    t = now_ms();
    is(sctpx_next_event(s, &ev, buf, sizeof buf, 0), -EAGAIN, "timeout 0 with nothing queued: -EAGAIN");
    ok(now_ms() - t < 1000, "timeout 0 returns at once (%lld ms)", (long long)(now_ms() - t));

    t = now_ms();
    is(sctpx_next_event(s, &ev, buf, sizeof buf, 300), SCTPX_ERR_TIMED_OUT, "timeout 300 with nothing arriving: SCTPX_ERR_TIMED_OUT");
    t = now_ms() - t;
    ok(t >= 295 && t < 5000, "... after about 300 ms (%lld ms)", (long long)t);

    sctpx_send_stream(c, 0, 0, 0, (const uint8_t *)"now", 3);
    t = now_ms();
    is(sctpx_next_event(s, &ev, buf, sizeof buf, 10000), 3, "timeout 10000 with a message queued returns it");
    ok(now_ms() - t < 5000, "... without waiting out the timeout (%lld ms)", (long long)(now_ms() - t));

    pthread_create(&th, NULL, send_later, NULL);
    t = now_ms();
    n = sctpx_next_event(s, &ev, buf, sizeof buf, -1);
    t = now_ms() - t;
    pthread_join(th, NULL);
    is(n, 4, "timeout -1 blocks until a message arrives and returns it");
    ok(t >= 250, "... having waited for the sender's 300 ms pause (%lld ms)", (long long)t);

    sctpx_set_option(s, 0, SCTPX_OPT_NONBLOCK, 1);
    is(sctpx_next_event(s, &ev, buf, sizeof buf, -1), -EAGAIN, "timeout -1 on a non-blocking socket: -EAGAIN");
    sctpx_set_option(s, 0, SCTPX_OPT_NONBLOCK, 0);

    is(sctpx_recv_batch(s, evs, 4, buf, 16, 0), -EAGAIN, "sctpx_recv_batch, timeout 0, nothing queued: -EAGAIN");
    t = now_ms();
    is(sctpx_recv_batch(s, evs, 4, buf, 16, 200), SCTPX_ERR_TIMED_OUT, "sctpx_recv_batch, timeout 200: SCTPX_ERR_TIMED_OUT");
    t = now_ms() - t;
    ok(t >= 195 && t < 5000, "... after about 200 ms (%lld ms)", (long long)t);

    sctpx_close(c);
    sctpx_close(s);
    return done_testing();
}
