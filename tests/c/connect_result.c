/*
 * sctpx_connect_result, and what wakes a poller, for each kind of handle and
 * each way a non-blocking set-up ends, against real SCTP on loopback:
 *  - established: a listening peer;
 *  - refused: a port bound by a socket that does not listen (the kernel
 *    answers the INIT with ABORT);
 *  - timed out: a listener that drops every packet, with INIT retransmissions
 *    cut to about 500 ms (fast_init_timeout).
 * What the header promises a poller: one-to-one, POLLOUT when established and
 * POLLERR (no POLLOUT) when failed; one-to-many, POLLOUT throughout and POLLIN
 * from a subscribed ASSOC_CHANGE either way, the notification still there to
 * read after sctpx_connect_result has answered.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <errno.h>
#include <poll.h>
#include <string.h>
#include <unistd.h>

/* Where each kind of set-up goes. */
static struct sockaddr_storage up_addr, refused_addr, silent_addr;
static socklen_t up_len, refused_len, silent_len;

enum ending { ESTABLISHED, REFUSED, TIMED_OUT };
static const char *const ending_name[] = {"established", "refused", "timed out"};

static const struct sockaddr_storage *peer_of(enum ending e, socklen_t *len)
{
    switch (e) {
    case ESTABLISHED: *len = up_len; return &up_addr;
    case REFUSED: *len = refused_len; return &refused_addr;
    default: *len = silent_len; return &silent_addr;
    }
}

/* A non-blocking handle of `kind`; a timed-out set-up gets the short INIT
 * schedule. */
static sctpx_handle client(int32_t kind, enum ending e)
{
    sctpx_handle h;
    must(kind == SCTPX_KIND_ONE_TO_ONE ? sctpx_open_tcp(SCTPX_AF_INET, &h) : sctpx_open_udp(SCTPX_AF_INET, &h),
         "open");
    must(sctpx_set_option(h, 0, SCTPX_OPT_NONBLOCK, 1), "SCTPX_OPT_NONBLOCK");
    if (e == TIMED_OUT)
        fast_init_timeout(h);
    return h;
}

/* poll() on the handle's descriptor for `events`, at most `ms`: its revents. */
static short poll_for(sctpx_handle h, short events, int ms)
{
    struct pollfd p = {0, 0, 0};
    p.fd = sctpx_fileno(h);
    p.events = events;
    return poll(&p, 1, ms) == 1 ? p.revents : 0;
}

static const int32_t want_result[] = {0, -ECONNREFUSED, -ETIMEDOUT};

/* One-to-one: connect, wait in poll() for POLLOUT, see what woke it and what
 * sctpx_connect_result says. */
static void one_to_one(enum ending e)
{
    const char *what = ending_name[e];
    socklen_t len;
    const struct sockaddr_storage *to = peer_of(e, &len);
    sctpx_handle h = client(SCTPX_KIND_ONE_TO_ONE, e);
    int64_t start = now_ms();
    short revents;

    watchdog_step(what);
    is(sctpx_connect(h, (const struct sockaddr *)to, len), -EINPROGRESS, "one-to-one %s: sctpx_connect gives -EINPROGRESS",
       what);
    if (e == TIMED_OUT) {
        is(sctpx_connect_result(h, 0), -EINPROGRESS,
           "one-to-one %s: sctpx_connect_result is -EINPROGRESS while the INITs go unanswered", what);
        is(poll_for(h, POLLOUT, 0), 0, "one-to-one %s: ... and poll reports nothing meanwhile", what);
    }
    revents = poll_for(h, POLLOUT, 5000);
    if (e == ESTABLISHED)
        is(revents, POLLOUT, "one-to-one %s: poll wakes with POLLOUT", what);
    else
        is(revents, POLLERR, "one-to-one %s: poll, asked for POLLOUT, wakes with POLLERR alone", what);
    if (e == TIMED_OUT)
        ok(now_ms() - start >= 400, "one-to-one %s: ... once the INITs have run out (%lld ms)", what,
           (long long)(now_ms() - start));
    is(sctpx_connect_result(h, 0), want_result[e], "one-to-one %s: sctpx_connect_result gives it", what);
    is(sctpx_connect_result(h, 0), want_result[e], "one-to-one %s: ... and again on a second call", what);
    sctpx_close(h);
}

/* One-to-many, ASSOC_CHANGE subscribed: connectx, wait in poll() for POLLIN,
 * see what sctpx_connect_result says, then read the notification that woke
 * the poller. */
static void one_to_many(enum ending e)
{
    const char *what = ending_name[e];
    socklen_t len;
    const struct sockaddr_storage *to = peer_of(e, &len);
    sctpx_handle h = client(SCTPX_KIND_ONE_TO_MANY, e);
    sctpx_assoc_id id = 0;
    sctpx_event ev;
    uint8_t buf[256];

    memset(&ev, 0, sizeof ev);
    watchdog_step(what);
    must(sctpx_subscribe(h, SCTPX_EVENT_ASSOC_CHANGE, 1), "sctpx_subscribe(ASSOC_CHANGE)");
    is(sctpx_connectx(h, to, 1, &id), -EINPROGRESS, "one-to-many %s: sctpx_connectx gives -EINPROGRESS", what);
    if (e == TIMED_OUT) {
        is(sctpx_connect_result(h, id), -EINPROGRESS,
           "one-to-many %s: sctpx_connect_result is -EINPROGRESS while the INITs go unanswered", what);
        is(poll_for(h, POLLOUT, 0), POLLOUT, "one-to-many %s: ... while poll reports POLLOUT: it says nothing", what);
    }
    is(poll_for(h, POLLIN, 5000), POLLIN, "one-to-many %s: poll wakes with POLLIN (the ASSOC_CHANGE)", what);
    is(sctpx_connect_result(h, id), want_result[e], "one-to-many %s: sctpx_connect_result gives it", what);
    is(sctpx_connect_result(h, id), want_result[e], "one-to-many %s: ... and again on a second call", what);
    is(sctpx_next_event(h, &ev, buf, sizeof buf, 0) >= 0 && ev.kind == SCTPX_EVENT_ASSOC_CHANGE ? ev.assoc_change.state
                                                                                                : -1,
       e == ESTABLISHED ? SCTPX_COMM_UP : SCTPX_CANT_STR_ASSOC,
       "one-to-many %s: the ASSOC_CHANGE is still queued for the caller, %s", what,
       e == ESTABLISHED ? "COMM_UP" : "CANT_STR_ASSOC");
    is(ev.assoc_id, id, "one-to-many %s: ... for that association", what);
    sctpx_close(h);
}

/* Set-ups sctpx did not start: nothing to report but what the kernel knows. */
static void not_started(void)
{
    sctpx_handle tcp = client(SCTPX_KIND_ONE_TO_ONE, ESTABLISHED), udp = client(SCTPX_KIND_ONE_TO_MANY, ESTABLISHED);
    is(sctpx_connect_result(tcp, 0), -ENOTCONN, "a one-to-one handle that never connected: -ENOTCONN");
    is(sctpx_connect_result(udp, 12345), -EINVAL, "a one-to-many handle, an id no association has: -EINVAL");
    sctpx_close(tcp);
    sctpx_close(udp);
}

/* A one-to-one set-up started by sctpx_connectx is the handle's one set-up,
 * whatever the id. */
static void one_to_one_by_connectx(void)
{
    sctpx_handle h = client(SCTPX_KIND_ONE_TO_ONE, TIMED_OUT);
    sctpx_assoc_id id = 0;
    is(sctpx_connectx(h, &silent_addr, 1, &id), -EINPROGRESS, "one-to-one sctpx_connectx: -EINPROGRESS");
    is(sctpx_connect_result(h, id), -EINPROGRESS, "one-to-one sctpx_connectx: sctpx_connect_result with its id: -EINPROGRESS");
    is(sctpx_connect_result(h, 0), -EINPROGRESS, "one-to-one sctpx_connectx: ... and with id 0 (ignored)");
    sctpx_close(h);
}

/* A handle remembers its last 64 set-ups: of 65 refused ones, the first is
 * forgotten (its association long gone: -EINVAL) and the last still
 * reported. */
static void sixty_four_remembered(void)
{
    sctpx_handle h = client(SCTPX_KIND_ONE_TO_MANY, REFUSED);
    sctpx_assoc_id first = 0, id = 0;
    sctpx_event ev;
    uint8_t buf[256];
    int i;

    watchdog_step("65 set-ups");
    must(sctpx_subscribe(h, SCTPX_EVENT_ASSOC_CHANGE, 1), "sctpx_subscribe(ASSOC_CHANGE)");
    for (i = 0; i < 65; i++) {
        if (sctpx_connectx(h, &refused_addr, 1, &id) != -EINPROGRESS)
            must(-1, "sctpx_connectx (refused)");
        /* Each refusal ends before the next connectx to the same peer. */
        must(sctpx_next_event(h, &ev, buf, sizeof buf, 5000), "the refusal's CANT_STR_ASSOC");
        if (i == 0)
            first = id;
    }
    is(sctpx_connect_result(h, first), -EINVAL, "the first of 65 refused set-ups is forgotten: -EINVAL");
    is(sctpx_connect_result(h, id), -ECONNREFUSED, "the 65th is remembered: -ECONNREFUSED");
    sctpx_close(h);
}

int main(void)
{
    sctpx_handle listener, bound;
    int silent;
    int e;

    watchdog(60);
    must(sctpx_open_tcp(SCTPX_AF_INET, &listener), "sctpx_open_tcp");
    up_len = loopback4(0, &up_addr);
    must(sctpx_bind(listener, (struct sockaddr *)&up_addr, up_len), "sctpx_bind");
    must(sctpx_listen(listener, 64), "sctpx_listen");
    up_len = loopback4(local_port(listener), &up_addr);
    must(sctpx_open_tcp(SCTPX_AF_INET, &bound), "sctpx_open_tcp");
    refused_len = loopback4(0, &refused_addr);
    must(sctpx_bind(bound, (struct sockaddr *)&refused_addr, refused_len), "sctpx_bind");
    refused_len = loopback4(local_port(bound), &refused_addr);
    silent = silent_listener(&silent_addr, &silent_len);

    for (e = ESTABLISHED; e <= TIMED_OUT; e++) {
        one_to_one((enum ending)e);
        one_to_many((enum ending)e);
    }
    not_started();
    one_to_one_by_connectx();
    sixty_four_remembered();

    close(silent);
    sctpx_close(bound);
    sctpx_close(listener);
    return done_testing();
}
