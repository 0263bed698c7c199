/*
 * The codes sctpx.h documents are the codes the functions return. For each
 * function, every code its own comment names (SCTPX_ERR_* or -Exxx;
 * tests/c/header-lists lists them in sctpx_codes.h) must come out of at
 * least one scenario below, run against real SCTP; and every scenario's code
 * must be one the header documents for that function, in its comment or in
 * the conventions at the top. What the conventions promise of every function
 * (NULL pointers, bad, closed and wrong-kind handles) is misuse.c's table.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <errno.h>
#include <fcntl.h>
#include <poll.h>
#include <pthread.h>
#include <netinet/in.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

/* (function, code) for each code a function's comment names; function NULL
 * for the conventions, which speak for every function. */
static const struct code {
    const char *fn;
    int32_t code;
    const char *name;
} documented[] = {
#define SCTPX_DOC_CODE(f, c) {#f, c, #c},
#define SCTPX_CONVENTION_CODE(c) {NULL, c, #c},
#include "sctpx_codes.h"
#undef SCTPX_DOC_CODE
#undef SCTPX_CONVENTION_CODE
};

/* A listening one-to-one socket, for the scenarios that connect. */
static sctpx_handle listener;
static struct sockaddr_storage listener_addr;
static socklen_t listener_len;

static sctpx_handle open_tcp(void)
{
    sctpx_handle h;
    must(sctpx_open_tcp(SCTPX_AF_INET, &h), "sctpx_open_tcp");
    return h;
}

static sctpx_handle open_nonblocking(void)
{
    sctpx_handle h = open_tcp();
    must(sctpx_set_option(h, 0, SCTPX_OPT_NONBLOCK, 1), "sctpx_set_option(NONBLOCK)");
    return h;
}

/* Runs `rc = call` on `h`, closes `h`, gives rc. */
#define ON(h, call)               \
    do {                          \
        sctpx_handle h_ = (h);    \
        int32_t rc_ = call(h_);   \
        sctpx_close(h_);           \
        return rc_;               \
    } while (0)

static int32_t strerror_null_buf(void) { return sctpx_strerror(SCTPX_ERR_EOF, NULL, 16); }

static int32_t adopt_pipe(void)
{
    int fds[2];
    sctpx_handle h;
    must(pipe(fds) == 0 ? 0 : -errno, "pipe");
    close(fds[1]);
    return sctpx_adopt_fd(fds[0], &h);
}

static int32_t adopt_closed_number(void)
{
    sctpx_handle h;
    int fd = open("/dev/null", O_RDONLY);
    close(fd);
    return sctpx_adopt_fd(fd, &h);
}

static int32_t close_twice(void)
{
    sctpx_handle h = open_tcp();
    sctpx_close(h);
    return sctpx_close(h);
}

/* `h`, bound to a free port of 127.0.0.1; *a, *n: that address. */
static sctpx_handle bound(sctpx_handle h, struct sockaddr_storage *a, socklen_t *n)
{
    *n = loopback4(0, a);
    must(sctpx_bind(h, (struct sockaddr *)a, *n), "sctpx_bind");
    *n = loopback4(local_port(h), a);
    return h;
}

static int32_t accept_h(sctpx_handle h)
{
    sctpx_handle out;
    return sctpx_accept(h, &out, NULL, NULL);
}
static int32_t accept_one_to_many(void)
{
    sctpx_handle h;
    must(sctpx_open_udp(SCTPX_AF_INET, &h), "sctpx_open_udp");
    ON(h, accept_h);
}
static int32_t accept_nothing_pending(void)
{
    struct sockaddr_storage a;
    socklen_t n;
    sctpx_handle l = bound(open_nonblocking(), &a, &n);
    must(sctpx_listen(l, 4), "sctpx_listen");
    ON(l, accept_h);
}

static int32_t connect_h(sctpx_handle h) { return sctpx_connect(h, (struct sockaddr *)&listener_addr, listener_len); }
static int32_t connect_nonblocking(void) { ON(open_nonblocking(), connect_h); }

static int32_t connectx_h(sctpx_handle h) { return sctpx_connectx(h, &listener_addr, 1, NULL); }
static int32_t connectx_nonblocking(void) { ON(open_nonblocking(), connectx_h); }

/* A signal handled (by a handler installed without SA_RESTART, as Python
 * installs its own) while `fn` waits on another thread: what the call gives. */
static void ignore_signal(int sig) { (void)sig; }
static int32_t interrupted_by_signal(int32_t (*fn)(bg_call *c), void *arg)
{
    struct sigaction sa;
    bg_call c;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = ignore_signal;
    sigemptyset(&sa.sa_mask);
    must(sigaction(SIGUSR1, &sa, NULL) == 0 ? 0 : -errno, "sigaction");
    int tries;
    bg_start(&c, "the call", fn, arg);
    /* A signal handled while the thread runs between two waits (slow under
     * valgrind) is not one "while it waits": send again until one lands. */
    for (tries = 0; tries < 40; tries++) {
        pthread_kill(c.thread, SIGUSR1);
        if (bg_wait(&c, 50))
            return c.rc;
    }
    return 0; /* still waiting: not a documented code, so the check fails */
}

static int32_t bg_accept(bg_call *c) { return accept_h(*(sctpx_handle *)c->arg); }
static int32_t accept_signal(void)
{
    struct sockaddr_storage a;
    socklen_t n;
    sctpx_handle l = bound(open_tcp(), &a, &n);
    int32_t rc;
    must(sctpx_listen(l, 4), "sctpx_listen");
    rc = interrupted_by_signal(bg_accept, &l);
    sctpx_close(l);
    return rc;
}

static struct sockaddr_storage silent_addr;
static socklen_t silent_len;
static int32_t bg_connect_silent(bg_call *c)
{
    return sctpx_connect(*(sctpx_handle *)c->arg, (struct sockaddr *)&silent_addr, silent_len);
}
static int32_t connect_signal(void)
{
    int fd = silent_listener(&silent_addr, &silent_len);
    sctpx_handle h = open_tcp();
    int32_t rc = interrupted_by_signal(bg_connect_silent, &h);
    sctpx_close(h);
    close(fd);
    return rc;
}

static int32_t abort_h(sctpx_handle h) { return sctpx_abort(h, 0); }
static int32_t abort_one_to_one(void) { ON(open_tcp(), abort_h); }

static int32_t abort_and_close_twice(void)
{
    sctpx_handle h = open_tcp();
    sctpx_abort_and_close(h);
    return sctpx_abort_and_close(h);
}

/* sctpx_connect_result on a non-blocking one-to-one handle connecting to
 * `to`, after waiting up to `wait_ms` for poll to report an end. */
static int32_t connect_result_after(const struct sockaddr_storage *to, socklen_t len, int fast_timeout, int wait_ms)
{
    sctpx_handle h = open_nonblocking();
    struct pollfd p = {0, POLLOUT, 0};
    int32_t rc;
    if (fast_timeout)
        fast_init_timeout(h);
    if (sctpx_connect(h, (const struct sockaddr *)to, len) != -EINPROGRESS)
        must(-1, "sctpx_connect (non-blocking)");
    p.fd = sctpx_fileno(h);
    poll(&p, 1, wait_ms);
    rc = sctpx_connect_result(h, 0);
    sctpx_close(h);
    return rc;
}
static int32_t connect_result_pending(void)
{
    int fd = silent_listener(&silent_addr, &silent_len);
    int32_t rc = connect_result_after(&silent_addr, silent_len, 0, 0);
    close(fd);
    return rc;
}
static int32_t connect_result_timed_out(void)
{
    int fd = silent_listener(&silent_addr, &silent_len);
    int32_t rc = connect_result_after(&silent_addr, silent_len, 1, 5000);
    close(fd);
    return rc;
}
static int32_t connect_result_refused(void)
{
    /* Bound, not listening: the kernel answers the INIT with ABORT. */
    struct sockaddr_storage a;
    socklen_t n;
    sctpx_handle closed = bound(open_tcp(), &a, &n);
    int32_t rc = connect_result_after(&a, n, 0, 5000);
    sctpx_close(closed);
    return rc;
}
static int32_t connect_result_h(sctpx_handle h) { return sctpx_connect_result(h, 12345); }
static int32_t connect_result_never_connected(void) { ON(open_tcp(), connect_result_h); }
static int32_t connect_result_no_such_association(void)
{
    sctpx_handle h;
    must(sctpx_open_udp(SCTPX_AF_INET, &h), "sctpx_open_udp");
    ON(h, connect_result_h);
}

/* Runs `call` on the server side of a fresh association, then closes both. */
static int32_t on_pair(int32_t (*call)(sctpx_handle client, sctpx_handle server))
{
    sctpx_handle c, s;
    int32_t rc;
    tcp_pair(SCTPX_AF_INET, &c, &s);
    rc = call(c, s);
    sctpx_close(c);
    sctpx_close(s);
    return rc;
}

static uint8_t buf[256];
static sctpx_event evs[4];

static int32_t batch_null_data(sctpx_handle c, sctpx_handle s)
{
    sctpx_send_msg m;
    (void)s;
    memset(&m, 0, sizeof m);
    m.len = 4;
    return sctpx_send_batch(c, &m, 1);
}
static int32_t batch_unknown_flag(sctpx_handle c, sctpx_handle s)
{
    sctpx_send_msg m;
    (void)s;
    memset(&m, 0, sizeof m);
    m.data = buf;
    m.len = 4;
    m.info.flags = 0x8000;
    return sctpx_send_batch(c, &m, 1);
}
static int32_t send_batch_null_data(void) { return on_pair(batch_null_data); }
static int32_t send_batch_unknown_flag(void) { return on_pair(batch_unknown_flag); }

static int32_t next_event_poll(sctpx_handle c, sctpx_handle s)
{
    (void)c;
    return sctpx_next_event(s, &evs[0], buf, sizeof buf, 0);
}
/* `next` is the one pointer sctpx_next_event_with_next_info adds; checked
 * before anything is received. */
static int32_t next_info_null_next(sctpx_handle c, sctpx_handle s)
{
    (void)c;
    return sctpx_next_event_with_next_info(s, &evs[0], buf, sizeof buf, 0, NULL);
}
static int32_t next_event_with_next_info_null_next(void) { return on_pair(next_info_null_next); }
static int32_t next_event_wait(sctpx_handle c, sctpx_handle s)
{
    (void)c;
    return sctpx_next_event(s, &evs[0], buf, sizeof buf, 50);
}
static int32_t next_event_after_shutdown(sctpx_handle c, sctpx_handle s)
{
    must(sctpx_shutdown(c, 0), "sctpx_shutdown");
    return sctpx_next_event(s, &evs[0], buf, sizeof buf, 5000);
}
static int32_t recv_batch_poll(sctpx_handle c, sctpx_handle s)
{
    (void)c;
    return sctpx_recv_batch(s, evs, 4, buf, sizeof buf / 4, 0);
}
static int32_t recv_batch_wait(sctpx_handle c, sctpx_handle s)
{
    (void)c;
    return sctpx_recv_batch(s, evs, 4, buf, sizeof buf / 4, 50);
}
static int32_t recv_batch_after_shutdown(sctpx_handle c, sctpx_handle s)
{
    must(sctpx_shutdown(c, 0), "sctpx_shutdown");
    return sctpx_recv_batch(s, evs, 4, buf, sizeof buf / 4, 5000);
}
static int32_t next_event_nothing_queued(void) { return on_pair(next_event_poll); }
static int32_t next_event_timeout(void) { return on_pair(next_event_wait); }
static int32_t next_event_peer_shut_down(void) { return on_pair(next_event_after_shutdown); }
static int32_t recv_batch_nothing_queued(void) { return on_pair(recv_batch_poll); }
static int32_t recv_batch_timeout(void) { return on_pair(recv_batch_wait); }
static int32_t recv_batch_peer_shut_down(void) { return on_pair(recv_batch_after_shutdown); }

static int64_t value;
static int32_t get_unknown_h(sctpx_handle h) { return sctpx_get_option(h, 0, 0, &value); }
static int32_t get_assoc_number_h(sctpx_handle h) { return sctpx_get_option(h, 0, SCTPX_OPT_ASSOC_NUMBER, &value); }
static int32_t set_linger_2_31_h(sctpx_handle h) { return sctpx_set_option(h, 0, SCTPX_OPT_LINGER, INT64_C(1) << 31); }
static int32_t set_pd_point_max_h(sctpx_handle h)
{
    return sctpx_set_option(h, 0, SCTPX_OPT_PARTIAL_DELIVERY_POINT, UINT32_MAX);
}
static int32_t set_autoclose_h(sctpx_handle h) { return sctpx_set_option(h, 0, SCTPX_OPT_AUTOCLOSE, 30); }
static int32_t set_paddrthlds_pf_above_ps_h(sctpx_handle h)
{
    sctpx_paddrthlds t;
    memset(&t, 0, sizeof t);
    t.pf_max_retrans = 3;
    t.ps_retrans = 2;
    return sctpx_set_paddrthlds(h, &t);
}
static int32_t set_paddrthlds_pf_above_ps(void) { ON(open_tcp(), set_paddrthlds_pf_above_ps_h); }
static int32_t send_setup_no_address_h(sctpx_handle h)
{
    sctpx_send_info info;
    struct sockaddr_storage none;
    memset(&info, 0, sizeof info);
    memset(&none, 0, sizeof none);
    return sctpx_send_setup(h, (const uint8_t *)"x", 1, &info, &none, 0, NULL);
}
static int32_t send_setup_no_address(void) { ON(open_tcp(), send_setup_no_address_h); }
static int32_t set_paddr_udp_port_65536_h(sctpx_handle h)
{
    struct sockaddr_storage peer;
    memset(&peer, 0, sizeof peer);
    peer.ss_family = AF_INET;
    return sctpx_set_paddr_udp_port(h, 0, (struct sockaddr *)&peer, sizeof(struct sockaddr_in), 65536);
}
static int32_t set_paddr_udp_port_65536(void) { ON(open_tcp(), set_paddr_udp_port_65536_h); }
static int32_t get_option_unknown(void) { ON(open_tcp(), get_unknown_h); }
static int32_t get_option_assoc_number_one_to_one(void) { ON(open_tcp(), get_assoc_number_h); }
static int32_t set_option_out_of_range(void) { ON(open_tcp(), set_linger_2_31_h); }
static int32_t set_option_above_kernel_limit(void) { ON(open_tcp(), set_pd_point_max_h); }
static int32_t set_option_autoclose_one_to_one(void) { ON(open_tcp(), set_autoclose_h); }

static int32_t status_h(sctpx_handle h)
{
    sctpx_status st;
    return sctpx_get_status(h, 0, &st);
}
static int32_t get_status_unconnected(void) { ON(open_tcp(), status_h); }

/* Partial reliability and stream scheduling: sctpx checks policies itself;
 * streams and associations are the kernel's to judge. */
static int32_t set_prinfo_policy_7_h(sctpx_handle h)
{
    sctpx_default_prinfo p;
    memset(&p, 0, sizeof p);
    p.policy = 7;
    return sctpx_set_default_prinfo(h, &p);
}
static int32_t pr_assoc_status_policy_7_h(sctpx_handle h)
{
    sctpx_pr_status st;
    return sctpx_get_pr_assoc_status(h, 0, 7, &st);
}
static int32_t get_sched_value_h(sctpx_handle h)
{
    uint16_t v;
    return sctpx_get_stream_sched_value(h, 0, 0, &v);
}
static int32_t set_default_prinfo_bad_policy(void) { ON(open_tcp(), set_prinfo_policy_7_h); }
static int32_t get_pr_assoc_status_bad_policy(void) { ON(open_tcp(), pr_assoc_status_policy_7_h); }
static int32_t get_stream_sched_value_unconnected(void) { ON(open_tcp(), get_sched_value_h); }

/* Stream 65535: far past the kernel's default of 10 outbound streams. */
static int32_t pr_stream_status_65535(sctpx_handle c, sctpx_handle s)
{
    sctpx_pr_status st;
    (void)s;
    return sctpx_get_pr_stream_status(c, 0, 65535, SCTPX_PR_ALL, &st);
}
static int32_t set_sched_value_65535(sctpx_handle c, sctpx_handle s)
{
    (void)s;
    return sctpx_set_stream_sched_value(c, 0, 65535, 1);
}
static int32_t get_pr_stream_status_no_such_stream(void) { return on_pair(pr_stream_status_65535); }
static int32_t set_stream_sched_value_no_such_stream(void) { return on_pair(set_sched_value_65535); }

static int32_t getsockopt_level_99_h(sctpx_handle h)
{
    uint8_t b[8] = {0};
    size_t n = sizeof b;
    return sctpx_getsockopt(h, 99, 1, b, &n);
}
static int32_t getsockopt_other_level(void) { ON(open_tcp(), getsockopt_level_99_h); }

/* SCTP-AUTH: the socket turns it on itself (the sysctl
 * net.sctp.auth_enable decides the default); key 7 is never set. */
static sctpx_handle open_auth(int on)
{
    sctpx_handle h = open_tcp();
    must(sctpx_set_option(h, 0, SCTPX_OPT_AUTH_SUPPORTED, on), "SCTPX_OPT_AUTH_SUPPORTED");
    return h;
}
static int32_t add_auth_chunk_init_h(sctpx_handle h) { return sctpx_add_auth_chunk(h, 1); }
static int32_t hmac_sha256_alone_h(sctpx_handle h)
{
    const uint16_t ids[1] = {SCTPX_HMAC_SHA256};
    return sctpx_set_hmac_idents(h, ids, 1);
}
static int32_t activate_key_7_h(sctpx_handle h) { return sctpx_set_active_auth_key(h, 0, 7); }
static int32_t deactivate_key_7_h(sctpx_handle h) { return sctpx_deactivate_auth_key(h, 0, 7); }
static int32_t delete_key_7_h(sctpx_handle h) { return sctpx_delete_auth_key(h, 0, 7); }
static int32_t add_auth_chunk_init(void) { ON(open_auth(1), add_auth_chunk_init_h); }
static int32_t set_hmac_idents_without_sha1(void) { ON(open_auth(1), hmac_sha256_alone_h); }
static int32_t set_active_auth_key_unknown(void) { ON(open_auth(1), activate_key_7_h); }
static int32_t deactivate_auth_key_unknown(void) { ON(open_auth(1), deactivate_key_7_h); }
static int32_t delete_auth_key_unknown(void) { ON(open_auth(1), delete_key_7_h); }

/* An association whose side asked has AUTH off: it takes no peer for one
 * that supports AUTH, whatever the listener offers. */
static int32_t peer_auth_chunks_h(sctpx_handle h)
{
    uint8_t chunks[8];
    must(connect_h(h), "sctpx_connect");
    return sctpx_get_peer_auth_chunks(h, 0, chunks, sizeof chunks);
}
static int32_t get_peer_auth_chunks_without_auth(void) { ON(open_auth(0), peer_auth_chunks_h); }

/* The backend calls. Those that need the userspace stack run in a child:
 * it starts once per process, for good, and must not share a process (nor,
 * as root, its raw SCTP sockets) with the kernel SCTP the others use. */
static int32_t open_backend_3(void)
{
    sctpx_handle h;
    return sctpx_open(3, SCTPX_AF_INET, SCTPX_KIND_ONE_TO_ONE, &h);
}
static int32_t backend_available_3(void) { return sctpx_backend_available(3); }
static int32_t set_default_backend_3(void) { return sctpx_set_default_backend(3); }
static int32_t set_udp_port_0(void) { return sctpx_set_udp_port(0); }
static int32_t set_udp_remote_port_0(void) { return sctpx_set_udp_remote_port(0); }

/* `call` with environment variable `name` set to `value`, then as it was. */
static int32_t with_env(const char *name, const char *value, int32_t (*call)(void))
{
    const char *was = getenv(name);
    char *saved = was ? strdup(was) : NULL;
    int32_t rc;
    must(setenv(name, value, 1) == 0 ? 0 : -errno, "setenv");
    rc = call();
    if (saved) {
        setenv(name, saved, 1);
        free(saved);
    } else {
        unsetenv(name);
    }
    return rc;
}
static int32_t default_backend_bad_env(void) { return with_env("SCTPX_BACKEND", "sideways", sctpx_default_backend); }
static int32_t udp_port_bad_env(void) { return with_env("SCTPX_UDP_PORT", "70000", sctpx_udp_port); }

/* A UDP port nothing on this host uses now; *keep (if not NULL) gets the
 * socket that holds it, else it is closed. */
static int free_udp_port(int *keep)
{
    struct sockaddr_storage a;
    socklen_t n = loopback4(0, &a);
    int fd = socket(AF_INET, SOCK_DGRAM, 0);
    ((struct sockaddr_in *)&a)->sin_addr.s_addr = htonl(INADDR_ANY);
    must(fd >= 0 && bind(fd, (struct sockaddr *)&a, n) == 0 ? 0 : -errno, "bind (UDP)");
    must(getsockname(fd, (struct sockaddr *)&a, &n) == 0 ? 0 : -errno, "getsockname (UDP)");
    if (keep)
        *keep = fd;
    else
        close(fd);
    return ntohs(((struct sockaddr_in *)&a)->sin_port);
}

/* In the child: usrsctp run as root opens raw SCTP sockets too, which would
 * see the kernel's SCTP traffic; as nobody it runs over UDP only. */
static void drop_root(void)
{
    if (geteuid() == 0 && (setgid(65534) != 0 || setuid(65534) != 0))
        must(-errno, "setuid(nobody)");
}

static int32_t child_open_userspace_h(sctpx_handle *h)
{
    return sctpx_open(SCTPX_BACKEND_USERSPACE, SCTPX_AF_INET, SCTPX_KIND_ONE_TO_ONE, h);
}
static int32_t child_open_userspace(void)
{
    sctpx_handle h;
    return child_open_userspace_h(&h);
}
static int32_t child_port_busy(void)
{
    int port;
    drop_root();
    port = free_udp_port(NULL);
    must(sctpx_set_udp_port(port), "sctpx_set_udp_port");
    must(child_open_userspace(), "sctpx_open (userspace)");
    return sctpx_set_udp_port(port == 65535 ? port - 1 : port + 1);
}
static int32_t child_port_taken(void)
{
    int fd;
    drop_root();
    must(sctpx_set_udp_port(free_udp_port(&fd)), "sctpx_set_udp_port");
    return child_open_userspace();
}

static int32_t child_getsockopt_userspace(void)
{
    sctpx_handle h;
    uint8_t b[8] = {0};
    size_t n = sizeof b;
    int32_t rc;
    drop_root();
    must(sctpx_set_udp_port(free_udp_port(NULL)), "sctpx_set_udp_port");
    must(child_open_userspace_h(&h), "sctpx_open (userspace)");
    rc = sctpx_getsockopt(h, SCTPX_LEVEL_SCTP, 3, b, &n); /* SCTP_NODELAY */
    sctpx_close(h);
    return rc;
}

static const struct child_mode {
    const char *name;
    int32_t (*run)(void);
} child_modes[] = {
    {"open-userspace", child_open_userspace},
    {"port-busy", child_port_busy},
    {"port-taken", child_port_taken},
    {"getsockopt-userspace", child_getsockopt_userspace},
};

/* This program again, running child mode `mode`, with LD_LIBRARY_PATH
 * `libdir` (or as it is): the code the mode printed. Its path is what
 * readlink gives for /proc/self/exe (under valgrind, this program's, where
 * exec of /proc/self/exe itself would run valgrind's). */
static int32_t in_child(const char *mode, const char *libdir)
{
    int p[2];
    char out[32] = {0}, exe[4096];
    ssize_t n = readlink("/proc/self/exe", exe, sizeof exe - 1);
    pid_t pid;
    must(n > 0 ? 0 : -errno, "readlink /proc/self/exe");
    exe[n] = '\0';
    must(pipe(p) == 0 ? 0 : -errno, "pipe");
    pid = fork();
    if (pid == 0) {
        dup2(p[1], STDOUT_FILENO);
        close(p[0]);
        close(p[1]);
        if (libdir)
            setenv("LD_LIBRARY_PATH", libdir, 1);
        execl(exe, "codes", mode, (char *)NULL);
        _exit(127);
    }
    close(p[1]);
    n = read(p[0], out, sizeof out - 1);
    close(p[0]);
    waitpid(pid, NULL, 0);
    /* Nothing printed: 0, which is no documented failure, so the check fails. */
    return n > 0 ? (int32_t)strtol(out, NULL, 10) : 0;
}

/* The userspace backend where libusrsctp.so.2 does not load: the child finds
 * that name first in a directory where it is this program, which dlopen
 * refuses (an executable), as it would a missing library. */
static int32_t open_userspace_unavailable(void)
{
    char dir[] = "/tmp/sctpx-codes-XXXXXX", lib[64];
    int32_t rc;
    must(mkdtemp(dir) ? 0 : -errno, "mkdtemp");
    snprintf(lib, sizeof lib, "%s/libusrsctp.so.2", dir);
    must(symlink("/proc/self/exe", lib) == 0 ? 0 : -errno, "symlink");
    rc = in_child("open-userspace", dir);
    unlink(lib);
    rmdir(dir);
    return rc;
}
static int32_t open_userspace_port_taken(void) { return in_child("port-taken", NULL); }
static int32_t set_udp_port_after_start(void) { return in_child("port-busy", NULL); }
static int32_t getsockopt_userspace(void) { return in_child("getsockopt-userspace", NULL); }

/* (function, the code it gives, how): `f` is named for the compiler too, so
 * a scenario cannot name a function the header lacks. */
#define SCENARIO(f, c, what, run) {#f, c, #c, what, run, (void (*)(void))f}
static const struct scenario {
    const char *fn;
    int32_t code;
    const char *name;
    const char *what;
    int32_t (*run)(void);
    void (*function)(void);
} scenarios[] = {
    SCENARIO(sctpx_strerror, SCTPX_ERR_NULL_POINTER, "NULL buf with len 16", strerror_null_buf),
    SCENARIO(sctpx_open, SCTPX_ERR_INVALID_ARGUMENT, "backend 3", open_backend_3),
    SCENARIO(sctpx_open, SCTPX_ERR_BACKEND_UNAVAILABLE, "the userspace backend where libusrsctp.so.2 does not load",
             open_userspace_unavailable),
    SCENARIO(sctpx_open, -EADDRINUSE, "the first userspace socket, its UDP port taken", open_userspace_port_taken),
    SCENARIO(sctpx_adopt_fd, SCTPX_ERR_INVALID_ARGUMENT, "a pipe", adopt_pipe),
    SCENARIO(sctpx_adopt_fd, -EBADF, "a number no descriptor has", adopt_closed_number),
    SCENARIO(sctpx_close, SCTPX_ERR_CLOSED_HANDLE, "closing twice", close_twice),
    SCENARIO(sctpx_accept, SCTPX_ERR_WRONG_KIND, "a one-to-many socket", accept_one_to_many),
    SCENARIO(sctpx_accept, -EAGAIN, "a non-blocking listener with nothing pending", accept_nothing_pending),
    SCENARIO(sctpx_accept, -EINTR, "a signal handled while it waits", accept_signal),
    SCENARIO(sctpx_connect, -EINPROGRESS, "a non-blocking socket", connect_nonblocking),
    SCENARIO(sctpx_connect, -EINTR, "a signal handled while it waits for an unanswered INIT", connect_signal),
    SCENARIO(sctpx_abort, SCTPX_ERR_WRONG_KIND, "a one-to-one handle", abort_one_to_one),
    SCENARIO(sctpx_abort_and_close, SCTPX_ERR_CLOSED_HANDLE, "aborting and closing twice", abort_and_close_twice),
    SCENARIO(sctpx_backend_available, SCTPX_ERR_INVALID_ARGUMENT, "backend 3", backend_available_3),
    SCENARIO(sctpx_set_default_backend, SCTPX_ERR_INVALID_ARGUMENT, "backend 3", set_default_backend_3),
    SCENARIO(sctpx_default_backend, SCTPX_ERR_INVALID_ARGUMENT, "SCTPX_BACKEND=sideways", default_backend_bad_env),
    SCENARIO(sctpx_set_udp_port, SCTPX_ERR_INVALID_ARGUMENT, "port 0", set_udp_port_0),
    SCENARIO(sctpx_set_udp_port, -EBUSY, "another port once the userspace stack runs", set_udp_port_after_start),
    SCENARIO(sctpx_udp_port, SCTPX_ERR_INVALID_ARGUMENT, "SCTPX_UDP_PORT=70000", udp_port_bad_env),
    SCENARIO(sctpx_set_udp_remote_port, SCTPX_ERR_INVALID_ARGUMENT, "port 0", set_udp_remote_port_0),
    SCENARIO(sctpx_connect_result, -EINPROGRESS, "an INIT not answered yet", connect_result_pending),
    SCENARIO(sctpx_connect_result, -ECONNREFUSED, "a port nobody listens on, after POLLERR", connect_result_refused),
    SCENARIO(sctpx_connect_result, -ETIMEDOUT, "INITs never answered, after POLLERR", connect_result_timed_out),
    SCENARIO(sctpx_connect_result, -ENOTCONN, "a one-to-one handle that never connected",
             connect_result_never_connected),
    SCENARIO(sctpx_connect_result, -EINVAL, "a one-to-many handle, an id no association has",
             connect_result_no_such_association),
    SCENARIO(sctpx_connectx, -EINPROGRESS, "a non-blocking socket", connectx_nonblocking),
    SCENARIO(sctpx_send_batch, SCTPX_ERR_NULL_POINTER, "a message with NULL data and len 4", send_batch_null_data),
    SCENARIO(sctpx_send_batch, SCTPX_ERR_INVALID_ARGUMENT, "a message with unknown flag 0x8000", send_batch_unknown_flag),
    SCENARIO(sctpx_next_event, -EAGAIN, "timeout 0 with nothing queued", next_event_nothing_queued),
    SCENARIO(sctpx_next_event, SCTPX_ERR_TIMED_OUT, "timeout 50 ms with nothing arriving", next_event_timeout),
    SCENARIO(sctpx_next_event, SCTPX_ERR_EOF, "the peer shut the association down", next_event_peer_shut_down),
    SCENARIO(sctpx_next_event_with_next_info, SCTPX_ERR_NULL_POINTER, "NULL next", next_event_with_next_info_null_next),
    SCENARIO(sctpx_recv_batch, -EAGAIN, "timeout 0 with nothing queued", recv_batch_nothing_queued),
    SCENARIO(sctpx_recv_batch, SCTPX_ERR_TIMED_OUT, "timeout 50 ms with nothing arriving", recv_batch_timeout),
    SCENARIO(sctpx_recv_batch, SCTPX_ERR_EOF, "the peer shut the association down", recv_batch_peer_shut_down),
    SCENARIO(sctpx_get_option, SCTPX_ERR_INVALID_ARGUMENT, "option 0", get_option_unknown),
    SCENARIO(sctpx_get_option, SCTPX_ERR_WRONG_KIND, "ASSOC_NUMBER of a one-to-one socket",
             get_option_assoc_number_one_to_one),
    SCENARIO(sctpx_set_option, SCTPX_ERR_INVALID_ARGUMENT, "LINGER 2^31, out of its range", set_option_out_of_range),
    SCENARIO(sctpx_set_option, -EINVAL, "PARTIAL_DELIVERY_POINT UINT32_MAX, above half of SO_RCVBUF",
             set_option_above_kernel_limit),
    SCENARIO(sctpx_set_option, -EOPNOTSUPP, "AUTOCLOSE on a one-to-one socket", set_option_autoclose_one_to_one),
    SCENARIO(sctpx_get_status, -EINVAL, "a socket with no association yet", get_status_unconnected),
    SCENARIO(sctpx_set_paddrthlds, SCTPX_ERR_INVALID_ARGUMENT, "pf_max_retrans 3 above ps_retrans 2",
             set_paddrthlds_pf_above_ps),
    SCENARIO(sctpx_send_setup, SCTPX_ERR_INVALID_ARGUMENT, "count 0", send_setup_no_address),
    SCENARIO(sctpx_set_paddr_udp_port, SCTPX_ERR_INVALID_ARGUMENT, "port 65536", set_paddr_udp_port_65536),
    SCENARIO(sctpx_set_default_prinfo, SCTPX_ERR_INVALID_ARGUMENT, "policy 7", set_default_prinfo_bad_policy),
    SCENARIO(sctpx_get_pr_assoc_status, SCTPX_ERR_INVALID_ARGUMENT, "policy 7", get_pr_assoc_status_bad_policy),
    SCENARIO(sctpx_get_pr_stream_status, -EINVAL, "stream 65535, past the association's 10 outbound ones",
             get_pr_stream_status_no_such_stream),
    SCENARIO(sctpx_get_stream_sched_value, -EINVAL, "a socket with no association yet",
             get_stream_sched_value_unconnected),
    SCENARIO(sctpx_set_stream_sched_value, -EINVAL, "stream 65535, past the association's 10 outbound ones",
             set_stream_sched_value_no_such_stream),
    SCENARIO(sctpx_getsockopt, SCTPX_ERR_INVALID_ARGUMENT, "level 99", getsockopt_other_level),
    SCENARIO(sctpx_getsockopt, SCTPX_ERR_NOT_SUPPORTED, "a userspace socket", getsockopt_userspace),
    SCENARIO(sctpx_add_auth_chunk, -EINVAL, "chunk type 1 (INIT)", add_auth_chunk_init),
    SCENARIO(sctpx_set_hmac_idents, -EINVAL, "SHA-256 alone, no SHA-1", set_hmac_idents_without_sha1),
    SCENARIO(sctpx_set_active_auth_key, -EINVAL, "key 7, never set", set_active_auth_key_unknown),
    SCENARIO(sctpx_deactivate_auth_key, -EINVAL, "key 7, never set", deactivate_auth_key_unknown),
    SCENARIO(sctpx_delete_auth_key, -EINVAL, "key 7, never set", delete_auth_key_unknown),
    SCENARIO(sctpx_get_peer_auth_chunks, -EACCES, "an association set up with AUTH off",
             get_peer_auth_chunks_without_auth),
};

#define COUNT(a) (sizeof(a) / sizeof((a)[0]))

static int is_documented(const char *fn, int32_t code)
{
    size_t i;
    for (i = 0; i < COUNT(documented); i++)
        if ((documented[i].fn == NULL || strcmp(documented[i].fn, fn) == 0) && documented[i].code == code)
            return 1;
    return 0;
}

int main(int argc, char **argv)
{
    size_t i, j;
    int fds;

    if (argc == 2) {
        for (i = 0; i < COUNT(child_modes); i++)
            if (strcmp(argv[1], child_modes[i].name) == 0) {
                printf("%d\n", (int)child_modes[i].run());
                return 0;
            }
        return 2;
    }
    start_backend();
    fds = open_fds();

    listener = open_tcp();
    listener_len = loopback4(0, &listener_addr);
    must(sctpx_bind(listener, (struct sockaddr *)&listener_addr, listener_len), "sctpx_bind");
    must(sctpx_listen(listener, 16), "sctpx_listen");
    listener_len = loopback4(local_port(listener), &listener_addr);

    for (i = 0; i < COUNT(documented); i++) {
        int produced = 0;
        if (documented[i].fn == NULL)
            continue; /* a convention: misuse.c */
        for (j = 0; j < COUNT(scenarios); j++)
            produced |= strcmp(scenarios[j].fn, documented[i].fn) == 0 && scenarios[j].code == documented[i].code;
        ok(produced, "%s documents %s: a scenario here produces it", documented[i].fn, documented[i].name);
    }
    for (i = 0; i < COUNT(scenarios); i++) {
        const struct scenario *sc = &scenarios[i];
        ok(is_documented(sc->fn, sc->code), "%s: %s is documented for it", sc->fn, sc->name);
        is(sc->run(), sc->code, "%s: %s gives %s", sc->fn, sc->what, sc->name);
    }
    sctpx_close(listener);
    is(open_fds(), fds, "the scenarios leave no descriptor open");
    return done_testing();
}
