/*
 * What sctpx_next_event reports about a data message: stream, PPID (host
 * order in the API, network order on the wire, checked against a plain
 * kernel socket that uses neither sctpx nor libsctp), SSN, TSN, the
 * unordered and complete flags, and messages bigger than the buffer.
 */
#define _DEFAULT_SOURCE /* CMSG_SPACE and friends */

#include <sctpx.h>
#include <linux/sctp.h>

#include "testlib.h"

#include <arpa/inet.h>
#include <netinet/in.h>
#include <stddef.h>
#include <string.h>
#include <unistd.h>

static uint8_t buf[2048];

/* A raw kernel SCTP socket connected to a fresh sctpx listener; *server is
 * the sctpx side of the association. */
static int raw_pair(sctpx_handle *server)
{
    struct sockaddr_storage ss;
    socklen_t len = loopback4(0, &ss);
    sctpx_handle listener;
    int fd, one = 1;

    must(sctpx_open_tcp(SCTPX_AF_INET, &listener), "sctpx_open_tcp");
    must(sctpx_bind(listener, (struct sockaddr *)&ss, len), "sctpx_bind");
    must(sctpx_listen(listener, 1), "sctpx_listen");
    len = loopback4(local_port(listener), &ss);
    fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
    if (fd < 0 || connect(fd, (struct sockaddr *)&ss, len) != 0 ||
        setsockopt(fd, IPPROTO_SCTP, SCTP_RECVRCVINFO, &one, sizeof one) != 0)
        must(-1, "a raw kernel SCTP socket");
    must(sctpx_accept(listener, server, NULL, NULL), "sctpx_accept");
    sctpx_close(listener);
    return fd;
}

static void ppid_byte_order(void)
{
    sctpx_handle s;
    int fd = raw_pair(&s);
    struct sctp_sndinfo si;
    struct sctp_rcvinfo ri;
    char cbuf[CMSG_SPACE(sizeof(struct sctp_rcvinfo))];
    struct iovec iov = {buf, sizeof buf};
    struct msghdr m;
    struct cmsghdr *c;
    sctpx_event ev;
    int found = 0;

    /* Kernel -> sctpx: the raw socket puts the PPID on the wire as given,
     * so it passes it in network order, as RFC 6458 says. */
    memset(&si, 0, sizeof si);
    si.snd_sid = 3;
    si.snd_ppid = htonl(0x01020304);
    memset(&m, 0, sizeof m);
    iov.iov_len = 1;
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf;
    m.msg_controllen = CMSG_SPACE(sizeof si);
    c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = IPPROTO_SCTP;
    c->cmsg_type = SCTP_SNDINFO;
    c->cmsg_len = CMSG_LEN(sizeof si);
    memcpy(CMSG_DATA(c), &si, sizeof si);
    buf[0] = 'k';
    is(sendmsg(fd, &m, 0), 1, "a raw kernel socket sends with PPID 0x01020304 in network order");
    next_data(s, &ev, buf, sizeof buf);
    is(ev.ppid, 0x01020304, "sctpx reports that PPID as 0x01020304: host order");
    is(ev.stream, 3, "... and the stream it was sent on");

    /* sctpx -> kernel: host order in, network order on the wire. */
    sctpx_send_stream(s, 0, 4, 0x0A0B0C0D, (const uint8_t *)"y", 1);
    memset(&m, 0, sizeof m);
    iov.iov_len = sizeof buf;
    m.msg_iov = &iov;
    m.msg_iovlen = 1;
    m.msg_control = cbuf;
    m.msg_controllen = sizeof cbuf;
    is(recvmsg(fd, &m, 0), 1, "the raw socket receives what sctpx sent with PPID 0x0A0B0C0D");
    for (c = CMSG_FIRSTHDR(&m); c; c = CMSG_NXTHDR(&m, c)) {
        if (c->cmsg_level == IPPROTO_SCTP && c->cmsg_type == SCTP_RCVINFO) {
            memcpy(&ri, CMSG_DATA(c), sizeof ri);
            found = 1;
        }
    }
    ok(found && ri.rcv_ppid == htonl(0x0A0B0C0D), "... and the kernel hands it over in network order");
    ok(found && ri.rcv_sid == 4, "... on stream 4");
    close(fd);
    sctpx_close(s);
}

/* One sctpx_event reused: a data message writes the data fields and its
 * source address (nothing else, see the header); a notification after it
 * writes every field, the data ones and the other kinds' zero. */
static void reused_event(void)
{
    sctpx_handle c, s;
    sctpx_event ev;
    struct sockaddr_in from;
    static const uint8_t zeroes[sizeof(sctpx_event)];
    size_t notif_start = offsetof(sctpx_event, assoc_change);
    int32_t n;

    tcp_pair(SCTPX_AF_INET, &c, &s);
    must(sctpx_subscribe(s, SCTPX_EVENT_SHUTDOWN, 1), "sctpx_subscribe");
    memset(&ev, 0xAA, sizeof ev);
    sctpx_send_stream(c, 0, 2, 77, (const uint8_t *)"hi", 2);
    next_data(s, &ev, buf, sizeof buf);
    ok(ev.kind == SCTPX_EVENT_DATA && ev.len == 2 && ev.stream == 2 && ev.ppid == 77 && ev.ssn == 0 &&
           ev.context == 0 && ev.flags == SCTPX_EVENT_FLAG_COMPLETE,
       "a data message writes every data field over old contents");
    is(ev.from_len, sizeof from, "... and the length of its IPv4 source address");
    memcpy(&from, &ev.from, sizeof from);
    ok(from.sin_family == AF_INET && from.sin_addr.s_addr == htonl(INADDR_LOOPBACK) &&
           ntohs(from.sin_port) == local_port(c) && memcmp(from.sin_zero, zeroes, sizeof from.sin_zero) == 0,
       "... and the whole sockaddr_in: 127.0.0.1, the client's port, sin_zero cleared");

    sctpx_close(c);
    n = sctpx_next_event(s, &ev, buf, sizeof buf, 5000);
    ok(n >= 0 && (uint32_t)n == ev.len, "the peer's shutdown arrives (%d bytes)", n);
    is(ev.kind, SCTPX_EVENT_SHUTDOWN, "... as a shutdown notification");
    ok(ev.stream == 0 && ev.ppid == 0 && ev.tsn == 0 && ev.from_len == 0 &&
           memcmp(&ev.from, zeroes, sizeof ev.from) == 0,
       "a notification clears the data fields the message before it wrote");
    ok(memcmp((const uint8_t *)&ev + notif_start, zeroes, sizeof ev - notif_start) == 0,
       "... and every other kind's fields");
    sctpx_close(s);
}

int main(void)
{
    sctpx_handle c, s;
    sctpx_event ev[4];
    sctpx_send_info info;
    uint8_t big[1000], whole[1000];
    size_t got = 0;
    int i, pieces = 0, last_complete = 0, early_complete = 0;

    ppid_byte_order();
    reused_event();

    tcp_pair(SCTPX_AF_INET, &c, &s);
    for (i = 0; i < 3; i++)
        sctpx_send_stream(c, 0, 1, 7, (const uint8_t *)"a", 1);
    sctpx_send_stream(c, 0, 2, 7, (const uint8_t *)"b", 1);
    for (i = 0; i < 4; i++)
        next_data(s, &ev[i], buf, sizeof buf);
    ok(ev[0].ssn == 0 && ev[1].ssn == 1 && ev[2].ssn == 2, "stream 1's messages have SSNs 0, 1, 2 (got %u, %u, %u)",
       ev[0].ssn, ev[1].ssn, ev[2].ssn);
    is(ev[3].ssn, 0, "the first message on stream 2 has SSN 0: each stream counts alone");
    ok(ev[1].tsn == ev[0].tsn + 1 && ev[3].tsn == ev[2].tsn + 1, "TSNs count messages across streams (%u, %u, %u, %u)",
       ev[0].tsn, ev[1].tsn, ev[2].tsn, ev[3].tsn);
    is(ev[0].len, 1, "event.len is the message length");
    ok(ev[0].flags & SCTPX_EVENT_FLAG_COMPLETE, "a message that fits the buffer is flagged complete");
    ok(!(ev[0].flags & SCTPX_EVENT_FLAG_UNORDERED), "an ordered message is not flagged unordered");

    memset(&info, 0, sizeof info);
    info.stream = 1;
    info.flags = SCTPX_SEND_UNORDERED;
    sctpx_send(c, (const uint8_t *)"u", 1, &info, NULL, 0);
    next_data(s, &ev[0], buf, sizeof buf);
    ok(ev[0].flags & SCTPX_EVENT_FLAG_UNORDERED, "a message sent with SCTPX_SEND_UNORDERED arrives flagged unordered");

    /* 1000 bytes through a 300-byte buffer: pieces, the last one complete. */
    for (i = 0; i < (int)sizeof big; i++)
        big[i] = (uint8_t)(i * 7);
    sctpx_send_stream(c, 0, 0, 9, big, sizeof big);
    while (got < sizeof big && pieces < 10) {
        int32_t n = sctpx_next_event(s, &ev[0], buf, 300, 5000);
        if (n <= 0)
            break;
        memcpy(whole + got, buf, (size_t)n);
        got += (size_t)n;
        pieces++;
        last_complete = (ev[0].flags & SCTPX_EVENT_FLAG_COMPLETE) != 0;
        if (last_complete && got < sizeof big)
            early_complete = 1;
    }
    is(pieces, 4, "a 1000-byte message read into 300 bytes comes in 4 pieces");
    ok(last_complete && !early_complete, "only the last piece is flagged complete");
    ok(got == sizeof big && memcmp(whole, big, sizeof big) == 0, "the pieces put together are the message");
    is(ev[0].ppid, 9, "the last piece still carries the PPID");

    sctpx_close(c);
    sctpx_close(s);
    return done_testing();
}
