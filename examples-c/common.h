/*
 * Small helpers shared by the sctpx C examples: turning "ADDR PORT" into a
 * socket address, printing addresses and payloads, and stopping on an error
 * with the library's own message (sctpx_strerror).
 */
#ifndef SCTPX_EXAMPLES_COMMON_H
#define SCTPX_EXAMPLES_COMMON_H

#include <sctpx.h>

#include <arpa/inet.h>
#include <ctype.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

/* Every sctpx function returns >= 0 on success and a negative code on
 * failure (-errno, or SCTPX_ERR_*): stop with its message. */
static inline int32_t check(int32_t rc, const char *what)
{
    if (rc < 0) {
        char msg[160];
        sctpx_strerror(rc, msg, sizeof msg);
        fprintf(stderr, "%s: %s (%d)\n", what, msg, (int)rc);
        exit(1);
    }
    return rc;
}

/* The peer has ended the association: it shut down (EOF), aborted, or is
 * gone by the time we send (EPIPE). A server then just closes its side. */
static inline int peer_gone(int32_t rc)
{
    return rc == SCTPX_ERR_EOF || rc == -ECONNRESET || rc == -EPIPE;
}

/* Fills *ss from a numeric IPv4 or IPv6 address and a port; returns the
 * address length, or 0 when `host` is neither. */
static inline socklen_t parse_addr(const char *host, const char *port, struct sockaddr_storage *ss)
{
    struct sockaddr_in *v4 = (struct sockaddr_in *)ss;
    struct sockaddr_in6 *v6 = (struct sockaddr_in6 *)ss;
    char *end;
    long p = strtol(port, &end, 10);

    memset(ss, 0, sizeof *ss);
    if (*end != '\0' || p < 0 || p > 65535)
        return 0;
    if (inet_pton(AF_INET, host, &v4->sin_addr) == 1) {
        v4->sin_family = AF_INET;
        v4->sin_port = htons((uint16_t)p);
        return sizeof *v4;
    }
    if (inet_pton(AF_INET6, host, &v6->sin6_addr) == 1) {
        v6->sin6_family = AF_INET6;
        v6->sin6_port = htons((uint16_t)p);
        return sizeof *v6;
    }
    return 0;
}

/* The sctpx family (SCTPX_AF_*) for a socket that talks to `ss`. */
static inline int32_t family_of(const struct sockaddr_storage *ss)
{
    return ss->ss_family == AF_INET6 ? SCTPX_AF_INET6 : SCTPX_AF_INET;
}

/* "127.0.0.1:5001" or "[::1]:5001". */
static inline const char *addr_str(const struct sockaddr_storage *ss, char *buf, size_t len)
{
    char ip[INET6_ADDRSTRLEN] = "?";
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *v4 = (const struct sockaddr_in *)ss;
        inet_ntop(AF_INET, &v4->sin_addr, ip, sizeof ip);
        snprintf(buf, len, "%s:%u", ip, ntohs(v4->sin_port));
    } else if (ss->ss_family == AF_INET6) {
        const struct sockaddr_in6 *v6 = (const struct sockaddr_in6 *)ss;
        inet_ntop(AF_INET6, &v6->sin6_addr, ip, sizeof ip);
        snprintf(buf, len, "[%s]:%u", ip, ntohs(v6->sin6_port));
    } else {
        snprintf(buf, len, "(family %d)", (int)ss->ss_family);
    }
    return buf;
}

/* A payload as printable text: at most 48 characters, stopping at a NUL
 * (peers such as sctp_test send C strings), other bytes shown as '.'. */
static inline const char *text_of(const uint8_t *data, size_t n, char out[52])
{
    size_t i;
    for (i = 0; i < n && i < 48 && data[i] != '\0'; i++)
        out[i] = isprint(data[i]) ? (char)data[i] : '.';
    out[i] = '\0';
    if (i < n && data[i] != '\0')
        strcpy(out + i, "...");
    return out;
}

/* Opens a socket of the right family for ADDR, binds it to ADDR PORT and
 * listens: the start of every server here. `one_to_many` picks the socket
 * style. */
static inline sctpx_handle listen_on(const char *host, const char *port, int one_to_many)
{
    struct sockaddr_storage ss;
    socklen_t len = parse_addr(host, port, &ss);
    sctpx_handle h;
    int32_t rc;

    if (len == 0) {
        fprintf(stderr, "not a numeric address and port: %s %s\n", host, port);
        exit(2);
    }
    if (one_to_many)
        check(sctpx_open_udp(family_of(&ss), &h), "sctpx_open_udp");
    else
        check(sctpx_open_tcp(family_of(&ss), &h), "sctpx_open_tcp");
    /* A restarted server must not wait for the old port to be released.
     * The userspace backend (SCTP over UDP) has no such wait, and says so. */
    rc = sctpx_set_option(h, 0, SCTPX_OPT_REUSEADDR, 1);
    if (rc != SCTPX_ERR_NOT_SUPPORTED)
        check(rc, "SCTPX_OPT_REUSEADDR");
    check(sctpx_bind(h, (const struct sockaddr *)&ss, len), "sctpx_bind");
    check(sctpx_listen(h, 16), "sctpx_listen");
    return h;
}

/* Parses "-n COUNT" style numbers. */
static inline long number(const char *s)
{
    char *end;
    long v = strtol(s, &end, 10);
    if (*s == '\0' || *end != '\0' || v < 0) {
        fprintf(stderr, "not a number: %s\n", s);
        exit(2);
    }
    return v;
}

/* The command line every server here takes, "[-n COUNT] ADDR PORT": sets
 * *count (-1 when there is no -n: serve until killed) and returns the index
 * of ADDR in argv, or exits with a usage message. Also makes stdout line
 * buffered, so that a script sees each line as it happens. */
static inline int server_args(int argc, char **argv, long *count)
{
    int opt;

    setvbuf(stdout, NULL, _IOLBF, 0);
    *count = -1;
    while ((opt = getopt(argc, argv, "n:")) != -1) {
        if (opt != 'n')
            break;
        *count = number(optarg);
    }
    if (opt != -1 || argc - optind != 2) {
        fprintf(stderr, "usage: %s [-n COUNT] ADDR PORT\n", argv[0]);
        exit(2);
    }
    return optind;
}

#endif /* SCTPX_EXAMPLES_COMMON_H */
