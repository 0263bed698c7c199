/*
 * libsctp and sctpx in one program: both headers in one translation unit and
 * both libraries linked, each call reaching its own library. The Makefile
 * builds this file four ways (tests/c/coexist-*): shared and -static (both
 * .a archives), each with libsctp first in the link and with libsctpx first,
 * and with <netinet/sctp.h> included before <sctpx.h> (which then leaves its
 * names before 1.0 out by itself) or after it (SCTPX_NO_SCTP_NAMES asks for
 * that).
 *
 * A plain SCTP socket driven through libsctp (sctp_bindx, sctp_connectx,
 * sctp_sendmsg, sctp_recvmsg, sctp_getpaddrs) talks over a real association
 * to an sctpx handle. Had a libsctp call reached sctpx it would have failed
 * with SCTPX_ERR_BAD_HANDLE (a descriptor is no handle sctpx issued); had an
 * sctpx call reached libsctp it would have failed with -1.
 */
#define _GNU_SOURCE

/* Before <netinet/sctp.h>, which defines IPPROTO_SCTP as a macro if <netinet/in.h> has not. */
#include <arpa/inet.h>
#include <netinet/in.h>

#ifdef COEXIST_SCTPX_HEADER_FIRST
#define SCTPX_NO_SCTP_NAMES
#include <sctpx.h>
#include <netinet/sctp.h>
#else
#include <netinet/sctp.h>
#include <sctpx.h>
#endif

#include "testlib.h"

#include <string.h>
#include <sys/socket.h>
#include <unistd.h>

int main(void)
{
    struct sctp_event_subscribe data_io = {.sctp_data_io_event = 1};
    struct sctp_sndrcvinfo sinfo;
    struct sockaddr_storage ss;
    struct sockaddr_in local = {.sin_family = AF_INET}, peer = {.sin_family = AF_INET};
    struct sockaddr *paddrs = NULL;
    socklen_t local_len = sizeof local;
    sctpx_handle listener, server;
    sctp_assoc_t id = 0;
    sctpx_event ev;
    uint8_t buf[64];
    int fd, flags = 0;
    int32_t n;

    watchdog(30);
#ifdef sctp_open_tcp
    ok(0, "sctpx.h left its names before 1.0 out");
#else
    ok(1, "sctpx.h left its names before 1.0 out");
#endif

    /* sctpx: a one-to-one listener on 127.0.0.1. */
    must(sctpx_open_tcp(SCTPX_AF_INET, &listener), "sctpx_open_tcp");
    must(sctpx_bind(listener, (struct sockaddr *)&ss, loopback4(0, &ss)), "sctpx_bind");
    must(sctpx_listen(listener, 4), "sctpx_listen");

    /* libsctp: a plain socket, bound and connected to the sctpx listener. */
    fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
    if (fd < 0) {
        ok(0, "a plain SCTP socket opens");
        return done_testing();
    }
    local.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    is(sctp_bindx(fd, (struct sockaddr *)&local, 1, SCTP_BINDX_ADD_ADDR), 0,
       "libsctp's sctp_bindx binds the plain socket");
    ok(getsockname(fd, (struct sockaddr *)&local, &local_len) == 0 && local.sin_port != 0,
       "... to a port of its own (%u)", ntohs(local.sin_port));
    peer.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
    peer.sin_port = htons(local_port(listener));
    is(sctp_connectx(fd, (struct sockaddr *)&peer, 1, &id), 0, "libsctp's sctp_connectx connects it to the sctpx listener");
    ok(id != 0, "... and gives the association's id");
    is(sctpx_accept(listener, &server, NULL, NULL), 0, "sctpx_accept takes the association");
    must(setsockopt(fd, IPPROTO_SCTP, SCTP_EVENTS, &data_io, sizeof data_io), "SCTP_EVENTS on the plain socket");

    /* libsctp's PPID is as on the wire (network order); sctpx's in host order. */
    is(sctp_sendmsg(fd, "hello", 5, NULL, 0, htonl(46), 0, 3, 0, 0), 5, "libsctp's sctp_sendmsg sends 5 bytes");
    n = next_data(server, &ev, buf, sizeof buf);
    ok(n == 5 && memcmp(buf, "hello", 5) == 0, "sctpx_next_event receives them on the sctpx handle");
    ok(ev.stream == 3 && ev.ppid == 46, "... on stream 3 with PPID 46 (got %u, %u)", ev.stream, ev.ppid);

    is(sctpx_send_stream(server, 0, 2, 47, (const uint8_t *)"world", 5), 5, "sctpx_send_stream answers on the handle");
    memset(&sinfo, 0, sizeof sinfo);
    n = sctp_recvmsg(fd, buf, sizeof buf, NULL, NULL, &sinfo, &flags);
    ok(n == 5 && memcmp(buf, "world", 5) == 0, "libsctp's sctp_recvmsg receives the answer on the plain socket");
    ok(sinfo.sinfo_stream == 2 && ntohl(sinfo.sinfo_ppid) == 47, "... on stream 2 with PPID 47 (got %u, %u)",
       sinfo.sinfo_stream, ntohl(sinfo.sinfo_ppid));

    is(sctp_getpaddrs(fd, 0, &paddrs), 1, "libsctp's sctp_getpaddrs lists the one peer address");
    ok(paddrs && ((struct sockaddr_in *)paddrs)->sin_port == peer.sin_port, "... the sctpx listener's");
    if (paddrs)
        sctp_freepaddrs(paddrs);
    is(sctpx_getpaddrs(server, 0, &ss, 1), 1, "sctpx_getpaddrs lists the one peer address");
    ok(((struct sockaddr_in *)&ss)->sin_port == local.sin_port, "... the plain socket's");

    close(fd);
    sctpx_close(server);
    sctpx_close(listener);
    return done_testing();
}
