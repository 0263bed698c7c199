/*
 * Address lists: sctpx_getpaddrs and sctpx_getladdrs on both ends of an
 * association, sizing calls (cap 0), short arrays, and sctpx_bindx adding
 * and removing addresses, IPv4 and IPv6 mixed on one IPv6 socket.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

int main(void)
{
    struct sockaddr_storage list[4], ss, want;
    sctpx_handle l, c, s, six;
    char expect[64];
    uint16_t port, cport;
    int32_t n;
    int i, has_v6 = 0, has_v4 = 0;

    /* A listener bound to 127.0.0.1 only, and an association to it. */
    must(sctpx_open_tcp(SCTPX_AF_INET, &l), "sctpx_open_tcp");
    must(sctpx_bind(l, (struct sockaddr *)&ss, ipv4("127.0.0.1", 0, &ss)), "sctpx_bind");
    must(sctpx_listen(l, 2), "sctpx_listen");
    port = local_port(l);
    snprintf(expect, sizeof expect, "127.0.0.1:%u", port);
    n = sctpx_getladdrs(l, 0, list, 4);
    ok(n == 1 && strcmp(addr_text(&list[0]), expect) == 0, "getladdrs of a socket bound to one address: that address (%s)",
       n > 0 ? addr_text(&list[0]) : "none");

    must(sctpx_open_tcp(SCTPX_AF_INET, &c), "sctpx_open_tcp");
    must(sctpx_connect(c, (struct sockaddr *)&ss, ipv4("127.0.0.1", port, &ss)), "sctpx_connect");
    must(sctpx_accept(l, &s, NULL, NULL), "sctpx_accept");
    cport = local_port(c);

    n = sctpx_getpaddrs(c, 0, list, 4);
    ok(n == 1 && strcmp(addr_text(&list[0]), expect) == 0, "getpaddrs on the client: the server's address (%s)",
       n > 0 ? addr_text(&list[0]) : "none");
    n = sctpx_getpaddrs(s, 0, list, 4);
    ok(n >= 1 && list[0].ss_family == AF_INET && ntohs(((struct sockaddr_in *)&list[0])->sin_port) == cport,
       "getpaddrs on the server: the client's address, with its port %u (%s)", cport, n > 0 ? addr_text(&list[0]) : "none");
    is(sctpx_getpaddrs(c, 0, NULL, 0), 1, "getpaddrs with cap 0 counts the addresses without writing");

    /* bindx: a second loopback address on the same port, then away again. */
    must(sctpx_open_tcp(SCTPX_AF_INET, &six), "sctpx_open_tcp");
    must(sctpx_bind(six, (struct sockaddr *)&ss, ipv4("127.0.0.1", 0, &ss)), "sctpx_bind");
    port = local_port(six);
    ipv4("127.0.0.2", port, &want);
    is(sctpx_bindx(six, &want, 1, SCTPX_BINDX_ADD), 0, "bindx adds 127.0.0.2 on the same port");
    memset(list, 0xee, sizeof list);
    n = sctpx_getladdrs(six, 0, list, 1);
    is(n, 2, "getladdrs then counts 2 addresses");
    ok(((uint8_t *)&list[1])[0] == 0xee, "with cap 1 it writes only the first");
    is(sctpx_bindx(six, &want, 1, SCTPX_BINDX_REMOVE), 0, "bindx removes 127.0.0.2");
    is(sctpx_getladdrs(six, 0, list, 4), 1, "getladdrs then counts 1 address");
    sctpx_close(six);

    /* One IPv6 socket, an IPv6 and an IPv4 address, one bindx call. */
    must(sctpx_open_tcp(SCTPX_AF_INET6, &six), "sctpx_open_tcp (IPv6)");
    must(sctpx_bind(six, (struct sockaddr *)&ss, loopback6(0, &ss)), "sctpx_bind (IPv6)");
    port = local_port(six);
    ipv4("127.0.0.1", port, &want);
    is(sctpx_bindx(six, &want, 1, SCTPX_BINDX_ADD), 0, "bindx adds an IPv4 address to an IPv6 socket");
    n = sctpx_getladdrs(six, 0, list, 4);
    for (i = 0; i < n && i < 4; i++) {
        const char *a = addr_text(&list[i]);
        char v6[64], mapped[64];
        snprintf(v6, sizeof v6, "[::1]:%u", port);
        snprintf(mapped, sizeof mapped, "[::ffff:127.0.0.1]:%u", port);
        has_v6 |= strcmp(a, v6) == 0;
        /* The kernel may report it v4-mapped (SCTPX_OPT_MAPPED_V4). */
        has_v4 |= strcmp(a, expect) == 0 || strcmp(a, mapped) == 0 ||
                  (list[i].ss_family == AF_INET && ntohs(((struct sockaddr_in *)&list[i])->sin_port) == port);
    }
    ok(n == 2 && has_v6 && has_v4, "the IPv6 socket is bound to ::1 and 127.0.0.1 on one port (%d addresses)", (int)n);

    sctpx_close(six);
    sctpx_close(c);
    sctpx_close(s);
    sctpx_close(l);
    return done_testing();
}
