/*
 * udp_server: a one-to-many (UDP-style) SCTP server on sctpx that peels every
 * new association off into its own one-to-one socket and echoes there.
 *
 *   udp_server [-n COUNT] ADDR PORT
 *
 * One poll() loop watches the listening socket (for "association up"
 * notifications) and every peeled-off socket (for data). Every message goes
 * back on its stream with its PPID. Exits after COUNT associations have
 * ended (default: runs until killed).
 */
#define _POSIX_C_SOURCE 200809L

#include "common.h"

#include <poll.h>

#define MAX_PEELED 32

static uint8_t buf[65536];

/* Handles one event on a peeled-off socket; returns 0 when its association
 * has ended. */
static int serve_one(sctpx_handle h, sctpx_assoc_id id)
{
    sctpx_event ev;
    char text[52];
    int32_t n = sctpx_next_event(h, &ev, buf, sizeof buf, 0);

    if (n == -EAGAIN)
        return 1;
    if (!peer_gone(n)) {
        check(n, "sctpx_next_event");
        if (ev.kind != SCTPX_EVENT_DATA)
            return 1;
        printf("udp_server: association %d stream %u ppid %u: '%s'\n", (int)id, ev.stream, ev.ppid,
               text_of(buf, ev.len, text));
        n = sctpx_send_stream(h, 0, ev.stream, ev.ppid, buf, ev.len);
        if (!peer_gone(n)) {
            check(n, "sctpx_send_stream");
            return 1;
        }
    }
    printf("udp_server: association %d closed by the peer\n", (int)id);
    return 0;
}

int main(int argc, char **argv)
{
    long count;
    int a = server_args(argc, argv, &count);
    sctpx_handle listener = listen_on(argv[a], argv[a + 1], 1);
    sctpx_handle peeled[MAX_PEELED];
    sctpx_assoc_id ids[MAX_PEELED];
    struct pollfd fds[1 + MAX_PEELED];
    int npeeled = 0;

    /* Association-change notifications say when there is something to peel
     * off. (A peeled-off socket ends like any one-to-one socket: EOF.) */
    check(sctpx_subscribe(listener, SCTPX_EVENT_ASSOC_CHANGE, 1), "sctpx_subscribe");
    printf("udp_server: listening on %s %s\n", argv[a], argv[a + 1]);

    while (count != 0) {
        int i;

        fds[0].fd = check(sctpx_fileno(listener), "sctpx_fileno");
        fds[0].events = POLLIN;
        for (i = 0; i < npeeled; i++) {
            fds[1 + i].fd = check(sctpx_fileno(peeled[i]), "sctpx_fileno");
            fds[1 + i].events = POLLIN;
        }
        if (poll(fds, (nfds_t)(1 + npeeled), -1) < 0) {
            perror("poll");
            return 1;
        }

        if (fds[0].revents) {
            sctpx_event ev;
            check(sctpx_next_event(listener, &ev, buf, sizeof buf, 0), "sctpx_next_event");
            if (ev.kind == SCTPX_EVENT_ASSOC_CHANGE && ev.assoc_change.state == SCTPX_COMM_UP) {
                if (npeeled == MAX_PEELED) {
                    check(sctpx_abort(listener, ev.assoc_id), "sctpx_abort");
                    continue;
                }
                check(sctpx_peeloff(listener, ev.assoc_id, SCTPX_PEELOFF_CLOEXEC, &peeled[npeeled]),
                      "sctpx_peeloff");
                ids[npeeled] = ev.assoc_id;
                printf("udp_server: association %d up (%u streams in, %u out), peeled off\n",
                       (int)ev.assoc_id, ev.assoc_change.inbound_streams,
                       ev.assoc_change.outbound_streams);
                npeeled++;
            }
        }

        for (i = npeeled - 1; i >= 0; i--) {
            if (!fds[1 + i].revents || serve_one(peeled[i], ids[i]))
                continue;
            check(sctpx_close(peeled[i]), "sctpx_close");
            /* Keep the array dense: the last one takes the freed slot. */
            peeled[i] = peeled[npeeled - 1];
            ids[i] = ids[npeeled - 1];
            fds[1 + i] = fds[npeeled];
            npeeled--;
            if (count > 0)
                count--;
        }
    }
    check(sctpx_close(listener), "sctpx_close");
    return 0;
}
