/*
 * event_monitor: listens on a one-to-many SCTP socket with every one of the
 * 13 notification kinds subscribed, and prints each event it receives,
 * decoded, together with the data messages.
 *
 *   event_monitor [-n COUNT] ADDR PORT
 *
 * sctpx subscribes to nothing by default; this program turns everything on.
 * Exits after COUNT associations have ended (default: runs until killed).
 */
#define _POSIX_C_SOURCE 200809L

#include "common.h"


/* Names for the states, indexed by SCTPX_COMM_UP .., SCTPX_ADDR_AVAILABLE ..
 * and SCTPX_AUTH_NEW_KEY .. (each set numbered from 0, as the kernel's). */
static const char *const assoc_states[] = {"COMM_UP", "COMM_LOST", "RESTART", "SHUTDOWN_COMP",
                                           "CANT_STR_ASSOC"};
static const char *const addr_states[] = {"ADDR_AVAILABLE", "ADDR_UNREACHABLE", "ADDR_REMOVED",
                                          "ADDR_ADDED",     "ADDR_MADE_PRIM",   "ADDR_CONFIRMED",
                                          "ADDR_POTENTIALLY_FAILED"};
static const char *const auth_indications[] = {"AUTH_NEW_KEY", "AUTH_FREE_KEY", "AUTH_NO_AUTH"};

#define NAME(table, i) ((size_t)(i) < sizeof table / sizeof table[0] ? table[i] : "?")

static void print_features(uint32_t f)
{
    static const struct { uint32_t bit; const char *name; } names[] = {
        {SCTPX_FEATURE_PR, "PR"},           {SCTPX_FEATURE_AUTH, "AUTH"},
        {SCTPX_FEATURE_ASCONF, "ASCONF"},   {SCTPX_FEATURE_MULTIBUF, "MULTIBUF"},
        {SCTPX_FEATURE_RECONFIG, "RECONFIG"}, {SCTPX_FEATURE_INTERLEAVING, "INTERLEAVING"},
    };
    size_t i;
    printf(" features:");
    for (i = 0; i < sizeof names / sizeof names[0]; i++)
        if (f & names[i].bit)
            printf(" %s", names[i].name);
    if (f == 0)
        printf(" none");
}

static void print_event(const sctpx_event *ev, const uint8_t *data)
{
    char a[64], text[52];
    uint32_t i;

    printf("event_monitor: assoc %d ", (int)ev->assoc_id);
    switch (ev->kind) {
    case SCTPX_EVENT_DATA:
        printf("DATA stream %u ssn %u ppid %u tsn %u from %s%s: '%s'", ev->stream, ev->ssn, ev->ppid,
               ev->tsn, ev->from_len ? addr_str(&ev->from, a, sizeof a) : "?",
               ev->flags & SCTPX_EVENT_FLAG_UNORDERED ? " unordered" : "", text_of(data, ev->len, text));
        break;
    case SCTPX_EVENT_ASSOC_CHANGE:
        printf("ASSOC_CHANGE %s error %u streams out %u in %u", NAME(assoc_states, ev->assoc_change.state),
               ev->assoc_change.error, ev->assoc_change.outbound_streams, ev->assoc_change.inbound_streams);
        print_features(ev->assoc_change.features);
        break;
    case SCTPX_EVENT_PEER_ADDR_CHANGE:
        printf("PEER_ADDR_CHANGE %s %s error %u", addr_str(&ev->peer_addr_change.addr, a, sizeof a),
               NAME(addr_states, ev->peer_addr_change.state), ev->peer_addr_change.error);
        break;
    case SCTPX_EVENT_SEND_FAILED:
    case SCTPX_EVENT_SEND_FAILED_EVENT:
        printf("%s flags %u error %u stream %u ppid %u context %u, %u bytes unsent: '%s'",
               ev->kind == SCTPX_EVENT_SEND_FAILED ? "SEND_FAILED" : "SEND_FAILED_EVENT",
               ev->send_failed.flags, ev->send_failed.error, ev->send_failed.info.stream,
               ev->send_failed.info.ppid, ev->send_failed.info.context, ev->len, text_of(data, ev->len, text));
        break;
    case SCTPX_EVENT_REMOTE_ERROR:
        printf("REMOTE_ERROR cause %u, %u bytes of cause data", ev->remote_error.error, ev->len);
        break;
    case SCTPX_EVENT_SHUTDOWN:
        printf("SHUTDOWN (the peer will send no more)");
        break;
    case SCTPX_EVENT_PARTIAL_DELIVERY:
        printf("PARTIAL_DELIVERY indication %u stream %u sequence %u", ev->partial_delivery.indication,
               ev->partial_delivery.stream, ev->partial_delivery.sequence);
        break;
    case SCTPX_EVENT_ADAPTATION:
        printf("ADAPTATION indication 0x%08x", ev->adaptation.indication);
        break;
    case SCTPX_EVENT_AUTHENTICATION:
        printf("AUTHENTICATION key %u %s", ev->authentication.key_number,
               NAME(auth_indications, ev->authentication.indication));
        break;
    case SCTPX_EVENT_SENDER_DRY:
        printf("SENDER_DRY (nothing left to send)");
        break;
    case SCTPX_EVENT_STREAM_RESET:
        printf("STREAM_RESET flags 0x%x streams:", ev->stream_reset.flags);
        /* The payload is the list of streams, host-order uint16_t. */
        for (i = 0; i + 2 <= ev->len; i += 2) {
            uint16_t s;
            memcpy(&s, data + i, 2);
            printf(" %u", s);
        }
        break;
    case SCTPX_EVENT_ASSOC_RESET:
        printf("ASSOC_RESET flags 0x%x local tsn %u remote tsn %u", ev->assoc_reset.flags,
               ev->assoc_reset.local_tsn, ev->assoc_reset.remote_tsn);
        break;
    case SCTPX_EVENT_STREAM_CHANGE:
        printf("STREAM_CHANGE flags 0x%x streams in %u out %u", ev->stream_change.flags,
               ev->stream_change.inbound_streams, ev->stream_change.outbound_streams);
        break;
    default:
        printf("unknown event kind %u", ev->kind);
    }
    if (ev->flags & SCTPX_EVENT_FLAG_TRUNCATED)
        printf(" (truncated)");
    printf("\n");
}

int main(int argc, char **argv)
{
    long count;
    int a = server_args(argc, argv, &count);
    sctpx_handle h = listen_on(argv[a], argv[a + 1], 1);
    uint32_t kind;
    static uint8_t buf[65536];

    for (kind = SCTPX_EVENT_ASSOC_CHANGE; kind <= SCTPX_EVENT_SEND_FAILED_EVENT; kind++)
        check(sctpx_subscribe(h, kind, 1), "sctpx_subscribe");
    printf("event_monitor: listening on %s %s, all 13 notification kinds subscribed\n", argv[a], argv[a + 1]);

    while (count != 0) {
        sctpx_event ev;
        check(sctpx_next_event(h, &ev, buf, sizeof buf, -1), "sctpx_next_event");
        print_event(&ev, buf);
        if (ev.kind == SCTPX_EVENT_ASSOC_CHANGE && count > 0 &&
            (ev.assoc_change.state == SCTPX_SHUTDOWN_COMP || ev.assoc_change.state == SCTPX_COMM_LOST ||
             ev.assoc_change.state == SCTPX_CANT_STR_ASSOC))
            count--;
    }
    check(sctpx_close(h), "sctpx_close");
    return 0;
}
