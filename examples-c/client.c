/*
 * client: sends messages on several SCTP streams with PPIDs and prints the
 * echoes with the stream and PPID they came back on.
 *
 *   client [-n] [-b] [-u] [-a] [-s STREAMS] [-m MESSAGES] ADDR PORT
 *
 * Message i goes on stream i % STREAMS (default 3) with PPID 1000 + i; there
 * are MESSAGES of them (default 6). The client then waits for every echo and
 * checks it: the same bytes, on the same stream, with the same PPID. It ends
 * with a graceful shutdown and exits 0 only when every check passed.
 *   -n  send only: the peer does not echo (sctp_test -l, event_monitor).
 *   -b  check the echoed bytes only: for peers that echo on stream 0 with
 *       PPID 0 (sctp_darn -l -e).
 *   -u  send the odd-numbered messages unordered (SCTPX_SEND_UNORDERED).
 *   -a  end with an ABORT instead of the shutdown (sctpx_abort_and_close),
 *       once every echo is in: the peer sees the association lost.
 * It retries the connection for a few seconds, so that a script may start
 * a server and the client together.
 */
#define _POSIX_C_SOURCE 200809L

#include "common.h"

#include <time.h>

#define PPID_BASE 1000u
#define MAX_MESSAGES 1000

static int echo_checks = 1, meta_checks = 1, unordered = 0, abort_at_end = 0;

static void print_event(const sctpx_event *ev)
{
    static const char *const states[] = {"up", "lost", "restarted", "shut down", "could not start"};
    if (ev->kind == SCTPX_EVENT_ASSOC_CHANGE &&
        (ev->assoc_change.state == SCTPX_COMM_UP || ev->assoc_change.state == SCTPX_RESTART))
        printf("client: event: association %s (%u streams out, %u in)\n", states[ev->assoc_change.state],
               ev->assoc_change.outbound_streams, ev->assoc_change.inbound_streams);
    else if (ev->kind == SCTPX_EVENT_ASSOC_CHANGE && ev->assoc_change.state < 5)
        printf("client: event: association %s\n", states[ev->assoc_change.state]);
    else if (ev->kind == SCTPX_EVENT_SHUTDOWN)
        printf("client: event: the peer is shutting down\n");
    else
        printf("client: event: kind %u\n", ev->kind);
}

static sctpx_handle connect_to(const char *host, const char *port, uint16_t streams)
{
    struct sockaddr_storage ss;
    socklen_t len = parse_addr(host, port, &ss);
    sctpx_initmsg init = {0, 0, 0, 0};
    int attempt;

    if (len == 0) {
        fprintf(stderr, "not a numeric address and port: %s %s\n", host, port);
        exit(2);
    }
    init.num_ostreams = streams;
    for (attempt = 0;; attempt++) {
        sctpx_handle h;
        int32_t rc;
        const struct timespec pause = {0, 100 * 1000 * 1000};

        check(sctpx_open_tcp(family_of(&ss), &h), "sctpx_open_tcp");
        /* Ask for as many outbound streams as we use (Linux offers 10). */
        check(sctpx_set_initmsg(h, &init), "sctpx_set_initmsg");
        check(sctpx_subscribe(h, SCTPX_EVENT_ASSOC_CHANGE, 1), "sctpx_subscribe");
        check(sctpx_subscribe(h, SCTPX_EVENT_SHUTDOWN, 1), "sctpx_subscribe");
        rc = sctpx_connect(h, (const struct sockaddr *)&ss, len);
        if (rc == 0)
            return h;
        sctpx_close(h);
        /* No listener yet: the peer answers with an ABORT. */
        if (rc != -ECONNREFUSED || attempt == 50)
            check(rc, "sctpx_connect");
        nanosleep(&pause, NULL);
    }
}

/* Checks one echo against what message `i` was sent with. */
static int echo_ok(const sctpx_event *ev, const uint8_t *data, uint16_t streams, int *seen)
{
    char want[64], text[52];
    int i = -1;

    sscanf((const char *)data, "message %d", &i);
    printf("client: echo on stream %u with ppid %u (ssn %u): '%s'\n", ev->stream, ev->ppid, ev->ssn,
           text_of(data, ev->len, text));
    if (i < 0 || i >= MAX_MESSAGES || seen[i]) {
        printf("client: FAIL: not an echo of a message sent, or a second one\n");
        return 0;
    }
    seen[i] = 1;
    snprintf(want, sizeof want, "message %d on stream %d", i, i % streams);
    if (ev->len != strlen(want) + 1 || memcmp(data, want, ev->len) != 0) {
        printf("client: FAIL: the bytes differ from message %d\n", i);
        return 0;
    }
    if (meta_checks && (ev->stream != i % streams || ev->ppid != PPID_BASE + (uint32_t)i)) {
        printf("client: FAIL: message %d went out on stream %d with ppid %u\n", i, i % streams,
               PPID_BASE + (uint32_t)i);
        return 0;
    }
    return 1;
}

int main(int argc, char **argv)
{
    long streams = 3, messages = 6;
    int opt, i, echoes = 0, good = 1;
    static int seen[MAX_MESSAGES];
    static uint8_t buf[65536];
    sctpx_handle h;

    setvbuf(stdout, NULL, _IOLBF, 0);
    while ((opt = getopt(argc, argv, "nbuas:m:")) != -1) {
        switch (opt) {
        case 'n': echo_checks = 0; break;
        case 'b': meta_checks = 0; break;
        case 'u': unordered = 1; break;
        case 'a': abort_at_end = 1; break;
        case 's': streams = number(optarg); break;
        case 'm': messages = number(optarg); break;
        default: goto usage;
        }
    }
    if (argc - optind != 2 || streams < 1 || streams > 65535 || messages > MAX_MESSAGES)
        goto usage;

    h = connect_to(argv[optind], argv[optind + 1], (uint16_t)streams);
    {
        /* Subscribed before connecting, the first event is "association up". */
        sctpx_event ev;
        check(sctpx_next_event(h, &ev, buf, sizeof buf, 10000), "sctpx_next_event");
        print_event(&ev);
    }

    for (i = 0; i < messages; i++) {
        char msg[64];
        uint16_t stream = (uint16_t)(i % streams);
        /* The NUL goes too, so C peers can print the message as a string. */
        int len = snprintf(msg, sizeof msg, "message %d on stream %u", i, stream) + 1;
        sctpx_send_info info;

        memset(&info, 0, sizeof info);
        info.stream = stream;
        info.ppid = PPID_BASE + (uint32_t)i;
        if (unordered && i % 2 == 1)
            info.flags = SCTPX_SEND_UNORDERED;
        check(sctpx_send(h, (const uint8_t *)msg, (size_t)len, &info, NULL, 0), "sctpx_send");
        printf("client: sent '%s' with ppid %u%s\n", msg, info.ppid, info.flags ? ", unordered" : "");
    }

    /* Read until every echo is in; then shut down and read until the
     * association is gone. A peer that stays silent for 10 s fails us. */
    for (;;) {
        sctpx_event ev;
        int32_t n;

        if (echoes == (echo_checks ? messages : 0) && abort_at_end) {
            /* Sent data may still wait for its SACK: an ABORT would drop it. */
            sctpx_status st;
            do {
                const struct timespec pause = {0, 10 * 1000 * 1000};
                check(sctpx_get_status(h, 0, &st), "sctpx_get_status");
                if (st.unackdata == 0)
                    break;
                nanosleep(&pause, NULL);
            } while (1);
            check(sctpx_abort_and_close(h), "sctpx_abort_and_close");
            printf("client: aborted the association\n");
            printf("client: %s\n", good ? "all checks passed" : "FAILED");
            return good ? 0 : 1;
        }
        if (echoes == (echo_checks ? messages : 0)) {
            echoes = -1;
            check(sctpx_shutdown(h, 0), "sctpx_shutdown");
        }
        n = sctpx_next_event(h, &ev, buf, sizeof buf - 1, 10000);
        if (n == SCTPX_ERR_EOF)
            break;
        check(n, "sctpx_next_event");
        if (ev.kind != SCTPX_EVENT_DATA) {
            print_event(&ev);
            /* "shut down" ends it; a lost association is a failure. */
            if (ev.kind == SCTPX_EVENT_ASSOC_CHANGE && ev.assoc_change.state == SCTPX_SHUTDOWN_COMP)
                break;
            if (ev.kind == SCTPX_EVENT_ASSOC_CHANGE && ev.assoc_change.state == SCTPX_COMM_LOST) {
                good = 0;
                break;
            }
            continue;
        }
        buf[ev.len] = '\0';
        if (!echo_checks || echoes < 0) {
            printf("client: FAIL: unexpected data\n");
            good = 0;
            continue;
        }
        good &= echo_ok(&ev, buf, (uint16_t)streams, seen);
        echoes++;
    }
    check(sctpx_close(h), "sctpx_close");
    if (echoes >= 0) {
        printf("client: FAIL: the association ended before every echo came back\n");
        good = 0;
    }
    printf("client: %s\n", good ? "all checks passed" : "FAILED");
    return good ? 0 : 1;

usage:
    fprintf(stderr, "usage: %s [-n] [-b] [-u] [-a] [-s STREAMS] [-m MESSAGES] ADDR PORT\n", argv[0]);
    return 2;
}
