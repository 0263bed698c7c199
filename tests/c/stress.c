/*
 * Hundreds of threads sending on a few associations while other threads
 * close them and open new ones in their place, for a few seconds. Then:
 *  - every thread has returned (a sender blocked on a full buffer, or a
 *    reader blocked with timeout -1, is woken by the close of its handle);
 *  - the process holds as many descriptors as before;
 *  - no message was delivered on another association than the one it was
 *    sent on (each carries its sender's handle, which is never reused, and
 *    the receiver knows which client belongs to its association);
 *  - every call returned a code the header documents for the situation:
 *    success, SCTPX_ERR_CLOSED_HANDLE (closed by another thread), or an end
 *    of the association by the peer (-EPIPE, -ECONNRESET, -ESHUTDOWN,
 *    SCTPX_ERR_EOF); never SCTPX_ERR_BAD_HANDLE, every handle was issued.
 *
 * Half the associations are one-to-one at both ends, half have a one-to-many
 * server. Buffers are small so that senders block. Built once more with
 * ThreadSanitizer (tsan-stress) for the races of the test's own threads
 * around the library's calls.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

enum {
    SLOTS = 8,          /* associations in use at any time */
    SENDERS = 300,
    CLOSERS = 2,        /* threads closing an association and opening its successor */
    RUN_MS = 5000,
    DRAIN_MS = 10000,   /* every thread must be back this long after the end */
    MAX_PAIRS = 4096,   /* associations opened in one run, at most */
    SMALL_BUFFERS = 8192,
    STACK = 256 * 1024,
};

#ifdef __SANITIZE_THREAD__
/* The library is not instrumented: ThreadSanitizer does not see its atomics,
 * so the descriptors and memory it hands from thread to thread would read as
 * races. Ignoring what it calls leaves the test's own accesses checked. */
const char *__tsan_default_suppressions(void);
const char *__tsan_default_suppressions(void)
{
    return "called_from_lib:libsctpx.so\n";
}
#endif

/* One association: what a sender sends on (client) and a reader reads on
 * (server; `assoc`: its id there when the server is one-to-many). Never
 * freed or reused during the run: a thread may still hold it after the
 * slot has moved on. */
typedef struct {
    sctpx_handle client, server;
    sctpx_assoc_id assoc;
} pair;

static pair pairs[MAX_PAIRS];
static unsigned n_pairs;
static pair *slots[SLOTS];
static int running = 1;

/* What a message carries: the client it was sent from. */
typedef struct {
    sctpx_handle client;
    uint32_t sender, seq;
} message;

/* Counters, all updated with __atomic builtins. */
static long sent, delivered, wrong_association, closed_handle, peer_ended, reopened;
static long unexpected, finished, closers_finished;
static int unexpected_rc;
static const char *unexpected_call;

/* Release and acquire: what a thread did before it counted itself finished
 * is seen by the main thread once it sees the count. */
static void count(long *c)
{
    __atomic_add_fetch(c, 1, __ATOMIC_RELEASE);
}

static long get(long *c)
{
    return __atomic_load_n(c, __ATOMIC_ACQUIRE);
}

static pair *slot(unsigned i)
{
    return __atomic_load_n(&slots[i % SLOTS], __ATOMIC_ACQUIRE);
}

static int still_running(void)
{
    return __atomic_load_n(&running, __ATOMIC_ACQUIRE);
}

/* Classifies a failed call: the codes every call here may return while its
 * handle is closed under it or its peer goes away. */
static void failed(const char *call, int32_t rc)
{
    if (rc == SCTPX_ERR_CLOSED_HANDLE) {
        count(&closed_handle);
    } else if (rc == -EPIPE || rc == -ECONNRESET || rc == -ESHUTDOWN || rc == SCTPX_ERR_EOF) {
        count(&peer_ended);
    } else if (__atomic_add_fetch(&unexpected, 1, __ATOMIC_RELAXED) == 1) {
        __atomic_store_n(&unexpected_rc, rc, __ATOMIC_RELAXED);
        __atomic_store_n(&unexpected_call, call, __ATOMIC_RELEASE);
    }
}

static uint32_t next_random(uint32_t *state)
{
    *state ^= *state << 13;
    *state ^= *state >> 17;
    *state ^= *state << 5;
    return *state;
}

/* Sender k sends on a random association each time, by one of the three
 * send calls. */
static void *sender(void *arg)
{
    uint32_t me = (uint32_t)(uintptr_t)arg, rnd = me * 2654435761u + 1, seq = 0;
    message m;
    sctpx_send_msg batch;
    int32_t rc, want;
    const char *call;

    memset(&m, 0, sizeof m);
    memset(&batch, 0, sizeof batch);
    while (still_running()) {
        pair *p = slot(next_random(&rnd));
        m.client = p->client;
        m.sender = me;
        m.seq = seq++;
        want = sizeof m;
        switch (me % 3) {
        case 0:
            call = "sctpx_send_stream";
            rc = sctpx_send_stream(p->client, 0, (uint16_t)(me % 4), me, (const uint8_t *)&m, sizeof m);
            break;
        case 1:
            call = "sctpx_send";
            rc = sctpx_send(p->client, (const uint8_t *)&m, sizeof m, NULL, NULL, 0);
            break;
        default:
            call = "sctpx_send_batch";
            batch.data = (const uint8_t *)&m;
            batch.len = sizeof m;
            rc = sctpx_send_batch(p->client, &batch, 1);
            want = 1;
        }
        if (rc == want)
            count(&sent);
        else
            failed(call, rc);
    }
    count(&finished);
    return NULL;
}

/* Reader i reads slot i's current association with timeout -1, and checks
 * that each message came from that association's client. */
static void *reader(void *arg)
{
    unsigned i = (unsigned)(uintptr_t)arg;
    sctpx_event ev;
    message m;
    int32_t rc;

    while (still_running()) {
        pair *p = slot(i);
        rc = sctpx_next_event(p->server, &ev, (uint8_t *)&m, sizeof m, -1);
        if (rc < 0) {
            failed("sctpx_next_event", rc);
        } else if (ev.kind == SCTPX_EVENT_DATA) {
            count(&delivered);
            if (rc != (int32_t)sizeof m || m.client != p->client)
                count(&wrong_association);
        }
    }
    count(&finished);
    return NULL;
}

/* A new association in a free entry of `pairs`, or NULL when they are used
 * up. Odd ones have a one-to-many server. */
static pair *open_pair(void)
{
    unsigned n = __atomic_fetch_add(&n_pairs, 1, __ATOMIC_RELAXED);
    pair *p;
    if (n >= MAX_PAIRS)
        return NULL;
    p = &pairs[n];
    if (n % 2)
        udp_pair_buffers(SMALL_BUFFERS, &p->server, &p->client, &p->assoc);
    else
        tcp_pair_buffers(SCTPX_AF_INET, SMALL_BUFFERS, &p->client, &p->server);
    return p;
}

/* Replaces a random slot's association by a new one, then closes the old
 * one's ends, in a random order, under the threads still using them. */
static void *closer(void *arg)
{
    uint32_t rnd = (uint32_t)(uintptr_t)arg * 40503u + 7;
    pair *fresh, *old;
    while (still_running() && (fresh = open_pair()) != NULL) {
        old = __atomic_exchange_n(&slots[next_random(&rnd) % SLOTS], fresh, __ATOMIC_ACQ_REL);
        if (next_random(&rnd) % 2) {
            sctpx_close(old->client);
            sctpx_close(old->server);
        } else {
            sctpx_close(old->server);
            sctpx_close(old->client);
        }
        count(&reopened);
    }
    count(&closers_finished);
    count(&finished);
    return NULL;
}

static void start(pthread_t *t, void *(*fn)(void *), uintptr_t arg)
{
    pthread_attr_t attr;
    pthread_attr_init(&attr);
    pthread_attr_setstacksize(&attr, STACK);
    if (pthread_create(t, &attr, fn, (void *)arg) != 0)
        must(SCTPX_ERR_INVALID_ARGUMENT, "pthread_create");
    pthread_attr_destroy(&attr);
}

int main(void)
{
    enum { THREADS = SENDERS + SLOTS + CLOSERS };
    static pthread_t threads[THREADS];
    const struct timespec tick = {0, 10 * 1000 * 1000};
    int fds, i, n = 0;
    int64_t t;

    watchdog(60);
    start_backend();
    fds = open_fds();
    watchdog_step("opening the first associations");
    for (i = 0; i < SLOTS; i++)
        slots[i] = open_pair();
    watchdog_step("running");
    for (i = 0; i < SENDERS; i++)
        start(&threads[n++], sender, (uintptr_t)i);
    for (i = 0; i < SLOTS; i++)
        start(&threads[n++], reader, (uintptr_t)i);
    for (i = 0; i < CLOSERS; i++)
        start(&threads[n++], closer, (uintptr_t)i);
    for (t = now_ms(); now_ms() - t < RUN_MS;)
        nanosleep(&tick, NULL);

    /* The end: closing what the slots hold wakes whoever is blocked on it. */
    watchdog_step("waiting for every thread");
    __atomic_store_n(&running, 0, __ATOMIC_RELEASE);
    for (t = now_ms(); get(&closers_finished) < CLOSERS && now_ms() - t < DRAIN_MS;)
        nanosleep(&tick, NULL);
    for (i = 0; i < SLOTS; i++) {
        sctpx_close(slot(i)->client);
        sctpx_close(slot(i)->server);
    }
    while (get(&finished) < THREADS && now_ms() - t < DRAIN_MS)
        nanosleep(&tick, NULL);
    diag("%ld sent, %ld delivered, %ld associations replaced, %ld SCTPX_ERR_CLOSED_HANDLE, %ld ended by the peer",
         get(&sent), get(&delivered), get(&reopened), get(&closed_handle), get(&peer_ended));
    if (!is(get(&finished), THREADS, "every one of %d threads returns within %d s of the end", THREADS, DRAIN_MS / 1000))
        return done_testing();
    for (i = 0; i < THREADS; i++)
        pthread_join(threads[i], NULL);

    ok(sent > 0 && delivered > 0 && reopened > 0, "messages were sent and delivered while associations were replaced");
    is(wrong_association, 0, "no message was delivered on another association than its sender's");
    if (!is(unexpected, 0, "every call returned success, SCTPX_ERR_CLOSED_HANDLE or an end by the peer"))
        diag("the first other: %s returned %d", unexpected_call, unexpected_rc);
    is(open_fds(), fds, "the process holds as many descriptors as before");
    return done_testing();
}
