/*
 * Echo over real SCTP through the C API: one-to-one over IPv4 and IPv6, and
 * one-to-many, answering both on the one-to-many socket itself and on a
 * socket peeled off from it; and how each kind of association ends for the
 * side that stays (SCTPX_ERR_EOF after a close, -ECONNRESET after an abort).
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <errno.h>
#include <stdio.h>
#include <string.h>

static uint8_t buf[256];

/* Sends `text` from `from`, lets `to` echo it back on association `assoc`
 * (0 on one-to-one sockets), and checks both legs. */
static void echo_round_trip(const char *what, sctpx_handle from, sctpx_handle to, sctpx_assoc_id assoc)
{
    static const char text[] = "ping";
    sctpx_event ev;
    int32_t n;

    is(sctpx_send_stream(from, 0, 2, 42, (const uint8_t *)text, sizeof text), sizeof text, "%s: the client sends 5 bytes", what);
    n = next_data(to, &ev, buf, sizeof buf);
    ok(n == sizeof text && memcmp(buf, text, sizeof text) == 0, "%s: the server receives the bytes sent", what);
    ok(ev.stream == 2 && ev.ppid == 42, "%s: ... on stream 2 with PPID 42 (got %u, %u)", what, ev.stream, ev.ppid);
    is(sctpx_send_stream(to, assoc, ev.stream, ev.ppid, buf, (size_t)n), n, "%s: the server echoes them", what);
    memset(buf, 0, sizeof buf);
    n = next_data(from, &ev, buf, sizeof buf);
    ok(n == sizeof text && memcmp(buf, text, sizeof text) == 0, "%s: the client gets its bytes back", what);
    ok(ev.stream == 2 && ev.ppid == 42, "%s: ... on stream 2 with PPID 42 (got %u, %u)", what, ev.stream, ev.ppid);
}

static void one_to_one(int32_t family, const char *what)
{
    sctpx_handle c, s;
    sctpx_event ev;
    tcp_pair(family, &c, &s);
    is(sctpx_kind(s), SCTPX_KIND_ONE_TO_ONE, "%s: an accepted socket is one-to-one", what);
    echo_round_trip(what, c, s, 0);
    sctpx_close(c);
    is(sctpx_next_event(s, &ev, buf, sizeof buf, 3000), SCTPX_ERR_EOF,
       "%s: the client's close ends the server's reads with SCTPX_ERR_EOF", what);
    sctpx_close(s);
}

/* A one-to-one association is aborted by closing its handle so: Linux has no
 * ABORT flag for one-to-one sockets, and sctpx_abort there does nothing. */
static void abort_one_to_one(void)
{
    sctpx_handle c, s;
    sctpx_event ev;

    tcp_pair(SCTPX_AF_INET, &c, &s);
    is(sctpx_abort(c, 0), SCTPX_ERR_WRONG_KIND, "abort: sctpx_abort on a one-to-one handle: SCTPX_ERR_WRONG_KIND");
    is(sctpx_send_stream(c, 0, 0, 0, (const uint8_t *)"up", 2), 2, "abort: ... and the association is still up");
    is(sctpx_next_event(s, &ev, buf, sizeof buf, 3000), 2, "abort: ... the peer reads what was sent after it");
    is(sctpx_abort_and_close(c), 0, "abort: sctpx_abort_and_close succeeds");
    is(sctpx_kind(c), SCTPX_ERR_CLOSED_HANDLE, "abort: ... and the handle is closed afterwards");
    is(sctpx_next_event(s, &ev, buf, sizeof buf, 3000), -ECONNRESET, "abort: the peer's next read fails with -ECONNRESET");
    sctpx_close(s);
}

int main(void)
{
    sctpx_handle server, client, peeled;
    sctpx_assoc_id assoc, none;
    sctpx_event ev;
    char from[32];

    one_to_one(SCTPX_AF_INET, "one-to-one IPv4");
    one_to_one(SCTPX_AF_INET6, "one-to-one IPv6");
    abort_one_to_one();

    udp_pair(&server, &client, &assoc);
    is(sctpx_kind(server), SCTPX_KIND_ONE_TO_MANY, "one-to-many: sctpx_open_udp gives a one-to-many socket");
    echo_round_trip("one-to-many", client, server, assoc);

    /* Data on a one-to-many socket says which association and peer it is from. */
    sctpx_send_stream(client, 0, 0, 0, (const uint8_t *)"x", 1);
    next_data(server, &ev, buf, sizeof buf);
    is(ev.assoc_id, assoc, "one-to-many: a message carries its association id");
    snprintf(from, sizeof from, "127.0.0.1:%u", local_port(client));
    is_str(ev.from_len ? addr_text(&ev.from) : "none", from, "one-to-many: ... and the client's address and port");

    is(sctpx_peeloff(server, assoc, 0, &peeled), 0, "peeloff: the association is peeled off");
    is(sctpx_kind(peeled), SCTPX_KIND_ONE_TO_ONE, "peeloff: the new handle is one-to-one");
    is(sctpx_get_assoc_ids(server, &none, 1), 0, "peeloff: the one-to-many socket no longer has the association");
    echo_round_trip("peeled-off", client, peeled, 0);

    /* sctpx_next_event documents SCTPX_ERR_EOF for a one-to-one association the
     * peer shut down, and sctpx_peeloff documents a one-to-one handle. */
    sctpx_close(client);
    is(sctpx_next_event(peeled, &ev, buf, sizeof buf, 3000), SCTPX_ERR_EOF,
       "peeled-off: the peer's shutdown ends it with SCTPX_ERR_EOF, as on any one-to-one handle");
    sctpx_close(peeled);
    sctpx_close(server);
    return done_testing();
}
