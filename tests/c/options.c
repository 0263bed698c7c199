/*
 * Options set through the C API read back as set (the kernel's own
 * adjustments, such as doubling buffer sizes, are part of what is checked),
 * and the association state options report a live association correctly.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>

/* Sets `opt` to `set` on `h`, reads it back and expects `want`. */
static void round_trip(sctpx_handle h, const char *name, int32_t opt, int64_t set, int64_t want)
{
    int64_t got = -12345;
    int32_t rc = sctpx_set_option(h, 0, opt, set);
    if (rc == 0)
        rc = sctpx_get_option(h, 0, opt, &got);
    if (rc < 0)
        is(rc, 0, "%s: set %lld then get", name, (long long)set);
    else
        is(got, want, "%s: set %lld, read back %lld", name, (long long)set, (long long)want);
}

int main(void)
{
    sctpx_handle tcp, udp, six, c, s;
    sctpx_assoc_id assoc;
    sctpx_initmsg init = {17, 19, 3, 1000}, back;
    sctpx_status st;
    sctpx_paddrparams pp;
    sctpx_paddrthlds th;
    struct sockaddr_storage prim;
    int64_t v = -1;
    char server[32];

    must(sctpx_open_tcp(SCTPX_AF_INET, &tcp), "sctpx_open_tcp");
    must(sctpx_open_udp(SCTPX_AF_INET, &udp), "sctpx_open_udp");
    must(sctpx_open_tcp(SCTPX_AF_INET6, &six), "sctpx_open_tcp (IPv6)");

    round_trip(tcp, "NODELAY", SCTPX_OPT_NODELAY, 1, 1);
    round_trip(tcp, "NODELAY", SCTPX_OPT_NODELAY, 0, 0);
    round_trip(tcp, "SNDBUF (the kernel doubles it)", SCTPX_OPT_SNDBUF, 65536, 131072);
    round_trip(tcp, "RCVBUF (the kernel doubles it)", SCTPX_OPT_RCVBUF, 65536, 131072);
    round_trip(tcp, "REUSEADDR", SCTPX_OPT_REUSEADDR, 1, 1);
    round_trip(tcp, "LINGER", SCTPX_OPT_LINGER, 7, 7);
    round_trip(tcp, "LINGER off", SCTPX_OPT_LINGER, -1, -1);
    round_trip(tcp, "MAXSEG", SCTPX_OPT_MAXSEG, 1200, 1200);
    round_trip(tcp, "MAX_BURST", SCTPX_OPT_MAX_BURST, 8, 8);
    round_trip(tcp, "CONTEXT", SCTPX_OPT_CONTEXT, 77, 77);
    round_trip(tcp, "ADAPTATION_LAYER", SCTPX_OPT_ADAPTATION_LAYER, 0x11223344, 0x11223344);
    round_trip(tcp, "DISABLE_FRAGMENTS", SCTPX_OPT_DISABLE_FRAGMENTS, 1, 1);
    round_trip(tcp, "FRAGMENT_INTERLEAVE", SCTPX_OPT_FRAGMENT_INTERLEAVE, 1, 1);
    round_trip(tcp, "PARTIAL_DELIVERY_POINT", SCTPX_OPT_PARTIAL_DELIVERY_POINT, 4096, 4096);
    round_trip(tcp, "REUSE_PORT", SCTPX_OPT_REUSE_PORT, 1, 1);
    round_trip(tcp, "NONBLOCK", SCTPX_OPT_NONBLOCK, 1, 1);
    round_trip(tcp, "RECV_FROM", SCTPX_OPT_RECV_FROM, 0, 0);
    round_trip(tcp, "UDP_REMOTE_PORT (sctp_udpencaps, network byte order inside)", SCTPX_OPT_UDP_REMOTE_PORT, 9899, 9899);
    round_trip(udp, "UDP_REMOTE_PORT (one-to-many, future associations)", SCTPX_OPT_UDP_REMOTE_PORT, 0x1234, 0x1234);
    round_trip(tcp, "EXPOSE_PF_STATE", SCTPX_OPT_EXPOSE_PF_STATE, SCTPX_PF_EXPOSE_ENABLE, SCTPX_PF_EXPOSE_ENABLE);
    round_trip(tcp, "PR_SUPPORTED", SCTPX_OPT_PR_SUPPORTED, 1, 1);
    round_trip(tcp, "RECONFIG_SUPPORTED", SCTPX_OPT_RECONFIG_SUPPORTED, 1, 1);
    round_trip(tcp, "ENABLE_STREAM_RESET", SCTPX_OPT_ENABLE_STREAM_RESET,
               SCTPX_ENABLE_RESET_STREAM_REQ | SCTPX_ENABLE_CHANGE_ASSOC_REQ, 5);
    round_trip(udp, "AUTOCLOSE (one-to-many)", SCTPX_OPT_AUTOCLOSE, 30, 30);
    round_trip(six, "V6ONLY", SCTPX_OPT_V6ONLY, 1, 1);
    round_trip(six, "MAPPED_V4", SCTPX_OPT_MAPPED_V4, 0, 0);

    is(sctpx_set_initmsg(tcp, &init), 0, "INITMSG: set {17, 19, 3, 1000}");
    memset(&back, 0, sizeof back);
    sctpx_get_initmsg(tcp, &back);
    ok(memcmp(&back, &init, sizeof init) == 0, "INITMSG: reads back {%u, %u, %u, %u}", back.num_ostreams,
       back.max_instreams, back.max_attempts, back.max_init_timeo);

    {
        sctpx_rtoinfo rto = {0, 2000, 30000, 500}, rto_back;
        sctpx_assocparams ap, ap_back;
        sctpx_sack_info sack = {0, 100, 2}, sack_back;

        is(sctpx_set_rtoinfo(tcp, &rto), 0, "RTOINFO: set initial 2000, max 30000, min 500 ms");
        memset(&rto_back, 0, sizeof rto_back);
        sctpx_get_rtoinfo(tcp, 0, &rto_back);
        ok(rto_back.initial == 2000 && rto_back.max == 30000 && rto_back.min == 500,
           "RTOINFO: reads back %u, %u, %u", rto_back.initial, rto_back.max, rto_back.min);

        memset(&ap, 0, sizeof ap);
        ap.max_retrans = 7;
        ap.cookie_life = 30000;
        is(sctpx_set_assocparams(tcp, &ap), 0, "ASSOCINFO: set 7 retransmissions, 30000 ms cookie life");
        memset(&ap_back, 0, sizeof ap_back);
        sctpx_get_assocparams(tcp, 0, &ap_back);
        ok(ap_back.max_retrans == 7 && ap_back.cookie_life == 30000, "ASSOCINFO: reads back %u, %u",
           ap_back.max_retrans, ap_back.cookie_life);

        is(sctpx_set_delayed_sack(tcp, &sack), 0, "DELAYED_SACK: set 100 ms, every 2nd packet");
        memset(&sack_back, 0, sizeof sack_back);
        sctpx_get_delayed_sack(tcp, 0, &sack_back);
        ok(sack_back.delay == 100 && sack_back.freq == 2, "DELAYED_SACK: reads back %u ms, %u",
           sack_back.delay, sack_back.freq);
    }

    /* A live one-to-one association: the default send parameters. */
    tcp_pair(SCTPX_AF_INET, &c, &s);
    {
        sctpx_send_info def, def_back;
        sctpx_event ev;
        uint8_t buf[16];

        memset(&def, 0, sizeof def);
        def.stream = 3;
        def.ppid = 0x01020304;
        def.context = 9;
        is(sctpx_set_default_send_info(c, &def), 0, "DEFAULT_SNDINFO: set stream 3, PPID 0x01020304, context 9");
        memset(&def_back, 0, sizeof def_back);
        sctpx_get_default_send_info(c, 0, &def_back);
        ok(def_back.stream == 3 && def_back.ppid == 0x01020304 && def_back.context == 9,
           "DEFAULT_SNDINFO: reads back stream %u, PPID 0x%08x (host order), context %u", def_back.stream,
           def_back.ppid, def_back.context);
        /* The header: DEFAULT_SNDINFO is "the parameters of sends that give
         * none", and sctpx_send's `info` may be NULL. */
        sctpx_send(c, (const uint8_t *)"d", 1, NULL, NULL, 0);
        next_data(s, &ev, buf, sizeof buf);
        ok(ev.stream == 3 && ev.ppid == 0x01020304,
           "DEFAULT_SNDINFO: sctpx_send with info NULL goes out on the default stream with the default PPID "
           "(got stream %u, PPID 0x%08x)", ev.stream, ev.ppid);
    }
    sctpx_close(c);
    sctpx_close(s);

    /* A live one-to-one association: scheduler values and PR-SCTP (their
     * effects are tests/kernel_features.rs'; here, that the C calls reach the
     * kernel's association). */
    tcp_pair(SCTPX_AF_INET, &c, &s);
    {
        sctpx_default_prinfo pri = {0, SCTPX_PR_RTX, 2}, pri_back;
        sctpx_pr_status prs;
        uint16_t prio = 0;

        round_trip(c, "STREAM_SCHEDULER", SCTPX_OPT_STREAM_SCHEDULER, SCTPX_SCHED_PRIO, SCTPX_SCHED_PRIO);
        is(sctpx_set_stream_sched_value(c, 0, 4, 9), 0, "STREAM_SCHEDULER_VALUE: stream 4 priority 9");
        is(sctpx_get_stream_sched_value(c, 0, 4, &prio), 0, "STREAM_SCHEDULER_VALUE: read back");
        is(prio, 9, "STREAM_SCHEDULER_VALUE: stream 4 has priority 9");
        is(sctpx_set_stream_sched_value(c, 0, 10, 1), -EINVAL, "STREAM_SCHEDULER_VALUE: stream 10 of 10: -EINVAL");

        is(sctpx_set_default_prinfo(c, &pri), 0, "DEFAULT_PRINFO: set RTX 2");
        memset(&pri_back, 0, sizeof pri_back);
        is(sctpx_get_default_prinfo(c, 0, &pri_back), 0, "DEFAULT_PRINFO: read back");
        ok(pri_back.policy == SCTPX_PR_RTX && pri_back.value == 2, "DEFAULT_PRINFO: reads back RTX 2 (got %u %u)",
           pri_back.policy, pri_back.value);

        memset(&prs, 0xff, sizeof prs);
        is(sctpx_get_pr_assoc_status(c, 0, SCTPX_PR_ALL, &prs), 0, "PR_ASSOC_STATUS: a fresh association");
        ok(prs.abandoned_unsent == 0 && prs.abandoned_sent == 0, "PR_ASSOC_STATUS: nothing abandoned yet");
        is(sctpx_get_pr_stream_status(c, 0, 10, SCTPX_PR_TTL, &prs), -EINVAL, "PR_STREAM_STATUS: stream 10 of 10: -EINVAL");
    }
    sctpx_close(c);
    sctpx_close(s);

    /* A live one-to-many association. */
    udp_pair(&s, &c, &assoc);
    must(sctpx_get_status(c, 0, &st), "sctpx_get_status");
    is(st.state, SCTPX_STATE_ESTABLISHED, "STATUS: a connected association is ESTABLISHED");
    is(st.outbound_streams, 10, "STATUS: Linux's default 10 outbound streams");
    is(sctpx_get_option(s, 0, SCTPX_OPT_ASSOC_NUMBER, &v), 0, "ASSOC_NUMBER: readable on a one-to-many socket");
    is(v, 1, "ASSOC_NUMBER: the server has 1 association");
    is(sctpx_get_primary(c, 0, &prim), sizeof(struct sockaddr_in), "PRIMARY: returns the length of an IPv4 address");
    snprintf(server, sizeof server, "127.0.0.1:%u", local_port(s));
    is_str(addr_text(&prim), server, "PRIMARY: the client's primary path is the server's address");
    is_str(addr_text(&st.primary.address), server, "STATUS: reports the same primary address");

    memset(&pp, 0, sizeof pp);
    pp.assoc_id = assoc;
    pp.hbinterval = 5000;
    pp.flags = 1; /* SPP_HB_ENABLE */
    is(sctpx_set_paddrparams(s, &pp), 0, "PEER_ADDR_PARAMS: set a 5000 ms heartbeat interval");
    memset(&pp, 0, sizeof pp);
    is(sctpx_get_paddrparams(s, assoc, NULL, 0, &pp), 0, "PEER_ADDR_PARAMS: read back");
    is(pp.hbinterval, 5000, "PEER_ADDR_PARAMS: the interval is 5000 ms");

    /* tests/paths.rs shows what the thresholds do; here, that C's fields reach the kernel's. */
    memset(&th, 0, sizeof th);
    th.assoc_id = assoc;
    th.pathmaxrxt = 9;
    th.pf_max_retrans = 2;
    th.ps_retrans = 4;
    is(sctpx_set_paddrthlds(s, &th), 0, "PEER_ADDR_THLDS_V2: set 9, 2, 4");
    memset(&th, 0, sizeof th);
    is(sctpx_get_paddrthlds(s, assoc, NULL, 0, &th), 0, "PEER_ADDR_THLDS_V2: read back");
    ok(th.pathmaxrxt == 9 && th.pf_max_retrans == 2 && th.ps_retrans == 4, "PEER_ADDR_THLDS_V2: 9, 2, 4 (got %u, %u, %u)",
       th.pathmaxrxt, th.pf_max_retrans, th.ps_retrans);

    sctpx_close(c);
    sctpx_close(s);
    sctpx_close(tcp);
    sctpx_close(udp);
    sctpx_close(six);
    return done_testing();
}
