/*
 * SCTP-AUTH through the C API on kernel SCTP, seen in what the peer
 * receives: matching keys carry data, a mismatch does not (until the key
 * matches), a key rotation gives SCTPX_AUTH_NEW_KEY to the peer and
 * SCTPX_AUTH_FREE_KEY to the rotating side, and each side reads the chunk
 * types the other requires. Then the raw escape hatch: an option set
 * through sctpx_setsockopt has its effect, and sctpx_getsockopt reads what
 * the typed calls set.
 *
 * Every socket turns AUTH on itself (SCTPX_OPT_AUTH_SUPPORTED): the test
 * neither needs nor changes the sysctl net.sctp.auth_enable.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

/* Chunk type DATA (RFC 9260 section 3.2). */
#define CHUNK_DATA 0
/* <linux/sctp.h> option numbers, for the raw calls. */
#define LINUX_SCTP_NODELAY 3
#define LINUX_SCTP_INITMSG 2

/* A one-to-one socket with AUTH on that requires DATA authenticated and
 * sends with key 1 = `key`; it retransmits every 200 ms or less, for long. */
static sctpx_handle auth_socket(const char *key)
{
    sctpx_handle h;
    sctpx_rtoinfo rto = {0, 100, 200, 100};
    sctpx_assocparams ap;

    memset(&ap, 0, sizeof ap);
    ap.max_retrans = 200;
    must(sctpx_open_tcp(SCTPX_AF_INET, &h), "sctpx_open_tcp");
    must(sctpx_set_option(h, 0, SCTPX_OPT_AUTH_SUPPORTED, 1), "SCTPX_OPT_AUTH_SUPPORTED");
    must(sctpx_add_auth_chunk(h, CHUNK_DATA), "sctpx_add_auth_chunk");
    must(sctpx_set_auth_key(h, 0, 1, (const uint8_t *)key, strlen(key)), "sctpx_set_auth_key");
    must(sctpx_set_active_auth_key(h, 0, 1), "sctpx_set_active_auth_key");
    must(sctpx_set_rtoinfo(h, &rto), "sctpx_set_rtoinfo");
    must(sctpx_set_assocparams(h, &ap), "sctpx_set_assocparams");
    must(sctpx_set_option(h, 0, SCTPX_OPT_NODELAY, 1), "SCTPX_OPT_NODELAY");
    return h;
}

/* A connected pair, each side made by auth_socket with its own key 1. */
static void auth_pair(const char *client_key, const char *server_key, sctpx_handle *client, sctpx_handle *server)
{
    struct sockaddr_storage ss;
    socklen_t len = loopback4(0, &ss);
    sctpx_handle l = auth_socket(server_key);

    must(sctpx_bind(l, (struct sockaddr *)&ss, len), "sctpx_bind");
    must(sctpx_listen(l, 4), "sctpx_listen");
    len = loopback4(local_port(l), &ss);
    *client = auth_socket(client_key);
    must(sctpx_connect(*client, (struct sockaddr *)&ss, len), "sctpx_connect");
    must(sctpx_accept(l, server, NULL, NULL), "sctpx_accept");
    sctpx_close(l);
}

/* The next data message within `ms` into buf: its length, or a negative
 * code (SCTPX_ERR_TIMED_OUT when none came). */
static int32_t data_within(sctpx_handle h, uint8_t *buf, size_t cap, int32_t ms)
{
    sctpx_event ev;
    for (;;) {
        int32_t n = sctpx_next_event(h, &ev, buf, cap, ms);
        if (n < 0 || ev.kind == SCTPX_EVENT_DATA)
            return n;
    }
}

/* The next AUTHENTICATION event (others skipped): 0, or a negative code. */
static int32_t next_auth_event(sctpx_handle h, sctpx_authentication *out)
{
    sctpx_event ev;
    uint8_t buf[256];
    for (int i = 0; i < 50; i++) {
        int32_t n = sctpx_next_event(h, &ev, buf, sizeof buf, 10000);
        if (n < 0)
            return n;
        if (ev.kind == SCTPX_EVENT_AUTHENTICATION) {
            *out = ev.authentication;
            return 0;
        }
    }
    return SCTPX_ERR_TIMED_OUT;
}

static void matching_keys_carry_data(void)
{
    sctpx_handle c, s;
    uint8_t buf[64];
    auth_pair("shared", "shared", &c, &s);
    must(sctpx_send_stream(c, 0, 0, 0, (const uint8_t *)"hello", 5), "sctpx_send_stream");
    is(data_within(s, buf, sizeof buf, 10000), 5, "matching keys: the message arrives");
    sctpx_close(c);
    sctpx_close(s);
}

static void a_mismatch_does_not_deliver_until_the_key_matches(void)
{
    sctpx_handle c, s;
    uint8_t buf[64];
    auth_pair("client's", "server's", &c, &s);
    must(sctpx_send_stream(c, 0, 0, 0, (const uint8_t *)"forged", 6), "sctpx_send_stream");
    is(data_within(s, buf, sizeof buf, 2000), SCTPX_ERR_TIMED_OUT, "different key bytes: nothing arrives in 2 s");
    must(sctpx_set_auth_key(c, 0, 1, (const uint8_t *)"server's", 8), "sctpx_set_auth_key");
    is(data_within(s, buf, sizeof buf, 10000), 6, "the same bytes under key 1: the retransmission arrives");
    sctpx_close(c);
    sctpx_close(s);
}

static void rotation_gives_new_key_then_free_key(void)
{
    sctpx_handle c, s;
    uint8_t buf[64];
    uint16_t active = 0;
    sctpx_authentication a;

    auth_pair("one", "one", &c, &s);
    must(sctpx_subscribe(s, SCTPX_EVENT_AUTHENTICATION, 1), "sctpx_subscribe");
    must(sctpx_subscribe(c, SCTPX_EVENT_AUTHENTICATION, 1), "sctpx_subscribe");
    must(sctpx_set_auth_key(c, 0, 2, (const uint8_t *)"two", 3), "sctpx_set_auth_key");
    must(sctpx_set_auth_key(s, 0, 2, (const uint8_t *)"two", 3), "sctpx_set_auth_key");
    is(sctpx_deactivate_auth_key(c, 0, 1), -EINVAL, "the active key cannot be deactivated: -EINVAL");
    must(sctpx_set_active_auth_key(c, 0, 2), "sctpx_set_active_auth_key");
    is(sctpx_get_active_auth_key(c, 0, &active), 0, "sctpx_get_active_auth_key");
    is(active, 2, "the active key reads back as 2");
    must(sctpx_send_stream(c, 0, 0, 0, (const uint8_t *)"rotated", 7), "sctpx_send_stream");
    memset(&a, 0xff, sizeof a);
    is(next_auth_event(s, &a), 0, "the server gets an AUTHENTICATION event");
    ok(a.indication == SCTPX_AUTH_NEW_KEY && a.key_number == 2, "... SCTPX_AUTH_NEW_KEY for key 2 (got %u, key %u)",
       (unsigned)a.indication, (unsigned)a.key_number);
    is(data_within(s, buf, sizeof buf, 10000), 7, "... and the message under key 2");
    must(sctpx_deactivate_auth_key(c, 0, 1), "sctpx_deactivate_auth_key");
    memset(&a, 0xff, sizeof a);
    is(next_auth_event(c, &a), 0, "deactivating key 1 gives the client an AUTHENTICATION event");
    ok(a.indication == SCTPX_AUTH_FREE_KEY && a.key_number == 1, "... SCTPX_AUTH_FREE_KEY for key 1 (got %u, key %u)",
       (unsigned)a.indication, (unsigned)a.key_number);
    is(sctpx_delete_auth_key(c, 0, 1), 0, "key 1 can then be deleted");
    is(sctpx_delete_auth_key(c, 0, 1), -EINVAL, "... once: -EINVAL the second time");
    sctpx_close(c);
    sctpx_close(s);
}

static void chunk_lists_and_hmacs_read_back(void)
{
    sctpx_handle c, s, h;
    uint8_t chunks[8];
    uint16_t ids[4], want[2] = {SCTPX_HMAC_SHA256, SCTPX_HMAC_SHA1};

    auth_pair("k", "k", &c, &s);
    memset(chunks, 0xff, sizeof chunks);
    is(sctpx_get_peer_auth_chunks(c, 0, chunks, sizeof chunks), 1, "the client reads one chunk type the server requires");
    is(chunks[0], CHUNK_DATA, "... DATA");
    is(sctpx_get_local_auth_chunks(s, 0, NULL, 0), 1, "the server counts its own list with a NULL buffer: 1");
    sctpx_close(c);
    sctpx_close(s);

    must(sctpx_open_tcp(SCTPX_AF_INET, &h), "sctpx_open_tcp");
    /* Off explicitly: the sysctl net.sctp.auth_enable decides the default. */
    must(sctpx_set_option(h, 0, SCTPX_OPT_AUTH_SUPPORTED, 0), "SCTPX_OPT_AUTH_SUPPORTED");
    is(sctpx_set_hmac_idents(h, want, 2), -EACCES, "HMAC identifiers without AUTH on the socket: -EACCES");
    must(sctpx_set_option(h, 0, SCTPX_OPT_AUTH_SUPPORTED, 1), "SCTPX_OPT_AUTH_SUPPORTED");
    is(sctpx_set_hmac_idents(h, want, 2), 0, "sctpx_set_hmac_idents SHA-256, SHA-1");
    is(sctpx_get_hmac_idents(h, ids, 4), 2, "sctpx_get_hmac_idents: 2");
    ok(ids[0] == SCTPX_HMAC_SHA256 && ids[1] == SCTPX_HMAC_SHA1, "... in the order set");
    is(sctpx_set_hmac_idents(h, want, 1), -EINVAL, "a list without SHA-1: -EINVAL");
    sctpx_close(h);
}

static void raw_options_have_their_effect(void)
{
    sctpx_handle server, client;
    sctpx_assoc_id assoc;
    struct sockaddr_storage ss;
    socklen_t len = loopback4(0, &ss);
    uint16_t initmsg[4] = {3, 0, 0, 0}; /* struct sctp_initmsg: 3 outbound streams */
    int32_t v = -1;
    size_t vlen = sizeof v;
    sctpx_event ev;
    uint8_t buf[256];
    int32_t n;

    must(sctpx_open_udp(SCTPX_AF_INET, &server), "sctpx_open_udp");
    must(sctpx_bind(server, (struct sockaddr *)&ss, len), "sctpx_bind");
    must(sctpx_listen(server, 4), "sctpx_listen");
    must(sctpx_subscribe(server, SCTPX_EVENT_ASSOC_CHANGE, 1), "sctpx_subscribe");
    must(sctpx_open_udp(SCTPX_AF_INET, &client), "sctpx_open_udp");
    is(sctpx_setsockopt(client, SCTPX_LEVEL_SCTP, LINUX_SCTP_INITMSG, (const uint8_t *)initmsg, sizeof initmsg), 0,
       "sctpx_setsockopt SCTP_INITMSG");
    len = loopback4(local_port(server), &ss);
    must(sctpx_connectx(client, &ss, 1, &assoc), "sctpx_connectx");
    do
        n = sctpx_next_event(server, &ev, buf, sizeof buf, 10000);
    while (n >= 0 && ev.kind != SCTPX_EVENT_ASSOC_CHANGE);
    is(n >= 0 ? ev.assoc_change.inbound_streams : n, 3, "the server sees the 3 streams the raw SCTP_INITMSG asked for");

    must(sctpx_set_option(client, 0, SCTPX_OPT_NODELAY, 1), "SCTPX_OPT_NODELAY");
    is(sctpx_getsockopt(client, SCTPX_LEVEL_SCTP, LINUX_SCTP_NODELAY, (uint8_t *)&v, &vlen), 0, "sctpx_getsockopt SCTP_NODELAY");
    ok(v == 1 && vlen == sizeof v, "... reads the 1 sctpx_set_option set, 4 bytes long");
    sctpx_close(client);
    sctpx_close(server);
}

int main(void)
{
    matching_keys_carry_data();
    a_mismatch_does_not_deliver_until_the_key_matches();
    rotation_gives_new_key_then_free_key();
    chunk_lists_and_hmacs_read_back();
    raw_options_have_their_effect();
    return done_testing();
}
