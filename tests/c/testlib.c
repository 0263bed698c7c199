#define _POSIX_C_SOURCE 200809L
/* SO_ATTACH_FILTER */
#define _DEFAULT_SOURCE

#include "testlib.h"

#include <arpa/inet.h>
#include <dirent.h>
#include <errno.h>
#include <linux/filter.h>
#include <netinet/in.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <signal.h>
#include <time.h>
#include <unistd.h>

static int tests_run, tests_failed;

static void vreport(int pass, const char *fmt, va_list ap)
{
    tests_run++;
    if (!pass)
        tests_failed++;
    printf("%sok %d - ", pass ? "" : "not ", tests_run);
    vprintf(fmt, ap);
    printf("\n");
    fflush(stdout);
}

int todo(int pass, const char *why, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    tests_run++;
    printf("%sok %d - ", pass ? "" : "not ", tests_run);
    vprintf(fmt, ap);
    printf(" # TODO %s\n", why);
    fflush(stdout);
    va_end(ap);
    return pass;
}

int ok(int pass, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(pass, fmt, ap);
    va_end(ap);
    return pass;
}

static void describe(const char *label, int64_t v)
{
    char msg[160] = "";
    if (v < 0 && v >= INT32_MIN)
        sctpx_strerror((int32_t)v, msg, sizeof msg);
    printf("#   %s: %lld%s%s%s\n", label, (long long)v, *msg ? " (" : "", msg, *msg ? ")" : "");
}

int is_impl(int64_t got, int64_t want, const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    vreport(got == want, fmt, ap);
    va_end(ap);
    if (got != want) {
        describe("got ", got);
        describe("want", want);
    }
    return got == want;
}

int is_str(const char *got, const char *want, const char *fmt, ...)
{
    int pass = got && want && strcmp(got, want) == 0;
    va_list ap;
    va_start(ap, fmt);
    vreport(pass, fmt, ap);
    va_end(ap);
    if (!pass)
        printf("#   got  '%s'\n#   want '%s'\n", got ? got : "(null)", want ? want : "(null)");
    return pass;
}

void diag(const char *fmt, ...)
{
    va_list ap;
    va_start(ap, fmt);
    printf("# ");
    vprintf(fmt, ap);
    printf("\n");
    va_end(ap);
}

int done_testing(void)
{
    printf("1..%d\n", tests_run);
    if (tests_failed)
        printf("# %d of %d failed\n", tests_failed, tests_run);
    return tests_failed ? 1 : 0;
}

int32_t must(int32_t rc, const char *what)
{
    if (rc < 0) {
        char msg[160];
        sctpx_strerror(rc, msg, sizeof msg);
        ok(0, "fixture: %s: %s (%d)", what, msg, (int)rc);
        exit(done_testing());
    }
    return rc;
}

socklen_t loopback4(uint16_t port, struct sockaddr_storage *ss)
{
    return ipv4("127.0.0.1", port, ss);
}

int silent_listener(struct sockaddr_storage *ss, socklen_t *len)
{
    static struct sock_filter drop_all[] = {BPF_STMT(BPF_RET | BPF_K, 0)};
    struct sock_fprog prog = {1, drop_all};
    int fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
    *len = loopback4(0, ss);
    if (fd < 0 || bind(fd, (struct sockaddr *)ss, *len) != 0 || listen(fd, 4) != 0 ||
        getsockname(fd, (struct sockaddr *)ss, len) != 0 ||
        setsockopt(fd, SOL_SOCKET, SO_ATTACH_FILTER, &prog, sizeof prog) != 0)
        must(-errno, "a listener that drops every packet");
    return fd;
}

void fast_init_timeout(sctpx_handle h)
{
    sctpx_initmsg init;
    sctpx_rtoinfo rto = {0, 100, 200, 100};
    must(sctpx_get_initmsg(h, &init), "sctpx_get_initmsg");
    init.max_attempts = 2;
    init.max_init_timeo = 200;
    must(sctpx_set_initmsg(h, &init), "sctpx_set_initmsg");
    must(sctpx_set_rtoinfo(h, &rto), "sctpx_set_rtoinfo");
}

socklen_t loopback6(uint16_t port, struct sockaddr_storage *ss)
{
    struct sockaddr_in6 *a = (struct sockaddr_in6 *)ss;
    memset(ss, 0, sizeof *ss);
    a->sin6_family = AF_INET6;
    a->sin6_port = htons(port);
    a->sin6_addr = in6addr_loopback;
    return sizeof *a;
}

socklen_t ipv4(const char *ip, uint16_t port, struct sockaddr_storage *ss)
{
    struct sockaddr_in *a = (struct sockaddr_in *)ss;
    memset(ss, 0, sizeof *ss);
    a->sin_family = AF_INET;
    a->sin_port = htons(port);
    inet_pton(AF_INET, ip, &a->sin_addr);
    return sizeof *a;
}

const char *addr_text(const struct sockaddr_storage *ss)
{
    static char out[4][64];
    static int next;
    char ip[INET6_ADDRSTRLEN] = "?";
    char *o = out[next++ % 4];
    if (ss->ss_family == AF_INET) {
        const struct sockaddr_in *a = (const struct sockaddr_in *)ss;
        inet_ntop(AF_INET, &a->sin_addr, ip, sizeof ip);
        snprintf(o, 64, "%s:%u", ip, ntohs(a->sin_port));
    } else if (ss->ss_family == AF_INET6) {
        const struct sockaddr_in6 *a = (const struct sockaddr_in6 *)ss;
        inet_ntop(AF_INET6, &a->sin6_addr, ip, sizeof ip);
        snprintf(o, 64, "[%s]:%u", ip, ntohs(a->sin6_port));
    } else {
        snprintf(o, 64, "(family %d)", (int)ss->ss_family);
    }
    return o;
}

uint16_t local_port(sctpx_handle h)
{
    struct sockaddr_storage ss;
    must(sctpx_getladdrs(h, 0, &ss, 1), "sctpx_getladdrs");
    /* sin_port and sin6_port sit at the same offset. */
    return ntohs(((struct sockaddr_in *)&ss)->sin_port);
}

static socklen_t loopback(int32_t family, uint16_t port, struct sockaddr_storage *ss)
{
    return family == SCTPX_AF_INET6 ? loopback6(port, ss) : loopback4(port, ss);
}

void tcp_pair(int32_t family, sctpx_handle *client, sctpx_handle *server)
{
    tcp_pair_buffers(family, 0, client, server);
}

/* Sets both buffer sizes of `h` to `bytes` (0: leaves the defaults). */
static void set_buffers(sctpx_handle h, int64_t bytes)
{
    if (bytes > 0) {
        must(sctpx_set_option(h, 0, SCTPX_OPT_SNDBUF, bytes), "SCTPX_OPT_SNDBUF");
        must(sctpx_set_option(h, 0, SCTPX_OPT_RCVBUF, bytes), "SCTPX_OPT_RCVBUF");
    }
}

void tcp_pair_buffers(int32_t family, int64_t bytes, sctpx_handle *client, sctpx_handle *server)
{
    struct sockaddr_storage ss;
    sctpx_handle listener;
    socklen_t len = loopback(family, 0, &ss);

    must(sctpx_open_tcp(family, &listener), "sctpx_open_tcp (listener)");
    /* The accepted socket inherits the listener's buffers. */
    set_buffers(listener, bytes);
    must(sctpx_bind(listener, (struct sockaddr *)&ss, len), "sctpx_bind");
    must(sctpx_listen(listener, 4), "sctpx_listen");
    len = loopback(family, local_port(listener), &ss);
    must(sctpx_open_tcp(family, client), "sctpx_open_tcp (client)");
    set_buffers(*client, bytes);
    must(sctpx_connect(*client, (struct sockaddr *)&ss, len), "sctpx_connect");
    must(sctpx_accept(listener, server, NULL, NULL), "sctpx_accept");
    must(sctpx_close(listener), "sctpx_close (listener)");
}

/* The id of a one-to-many socket's first association, waiting up to 5 s for
 * it to come up on that side. */
static sctpx_assoc_id first_assoc(sctpx_handle server)
{
    sctpx_assoc_id assoc;
    int64_t start;
    /* connect() returns when the client's side is up; the server's side
     * follows on COOKIE-ACK, a moment later. */
    for (start = now_ms(); now_ms() - start < 5000;) {
        if (must(sctpx_get_assoc_ids(server, &assoc, 1), "sctpx_get_assoc_ids") == 1)
            return assoc;
        nanosleep(&(struct timespec){0, 10 * 1000 * 1000}, NULL);
    }
    must(SCTPX_ERR_TIMED_OUT, "the server's association id");
    return 0;
}

void udp_pair(sctpx_handle *server, sctpx_handle *client, sctpx_assoc_id *assoc)
{
    udp_pair_buffers(0, server, client, assoc);
}

void udp_pair_buffers(int64_t bytes, sctpx_handle *server, sctpx_handle *client, sctpx_assoc_id *assoc)
{
    struct sockaddr_storage ss;
    socklen_t len = loopback4(0, &ss);

    must(sctpx_open_udp(SCTPX_AF_INET, server), "sctpx_open_udp");
    set_buffers(*server, bytes);
    must(sctpx_bind(*server, (struct sockaddr *)&ss, len), "sctpx_bind");
    must(sctpx_listen(*server, 4), "sctpx_listen");
    len = loopback4(local_port(*server), &ss);
    must(sctpx_open_tcp(SCTPX_AF_INET, client), "sctpx_open_tcp (client)");
    set_buffers(*client, bytes);
    must(sctpx_connect(*client, (struct sockaddr *)&ss, len), "sctpx_connect");
    *assoc = first_assoc(*server);
}

int32_t next_data(sctpx_handle h, sctpx_event *ev, uint8_t *buf, size_t cap)
{
    for (;;) {
        int32_t n = sctpx_next_event(h, ev, buf, cap, 5000);
        if (n < 0 || ev->kind == SCTPX_EVENT_DATA)
            return n;
    }
}

int64_t now_ms(void)
{
    struct timespec t;
    clock_gettime(CLOCK_MONOTONIC, &t);
    return (int64_t)t.tv_sec * 1000 + t.tv_nsec / 1000000;
}

int open_fds(void)
{
    int n = 0;
    DIR *d = opendir("/proc/self/fd");
    if (!d)
        return -1;
    while (readdir(d))
        n++;
    closedir(d);
    return n;
}

void start_backend(void)
{
    sctpx_handle h;
    must(sctpx_open_tcp(SCTPX_AF_INET, &h), "sctpx_open_tcp (starting the backend)");
    must(sctpx_close(h), "sctpx_close (starting the backend)");
}

static void *bg_thread(void *arg)
{
    bg_call *c = arg;
    sem_post(&c->started);
    c->rc = c->fn(c);
    c->returned_ms = now_ms();
    sem_post(&c->returned);
    return NULL;
}

void bg_launch(bg_call *c, const char *what, int32_t (*fn)(bg_call *c), void *arg)
{
    c->what = what;
    c->fn = fn;
    c->arg = arg;
    sem_init(&c->started, 0, 0);
    sem_init(&c->returned, 0, 0);
    c->rc = 0;
    c->returned_ms = 0;
    if (pthread_create(&c->thread, NULL, bg_thread, c) != 0) {
        ok(0, "fixture: a thread for %s", c->what);
        exit(done_testing());
    }
    while (sem_wait(&c->started) != 0 && errno == EINTR)
        ;
}

void bg_settle(void)
{
    const struct timespec pause = {0, 50 * 1000 * 1000};
    nanosleep(&pause, NULL);
}

void bg_start(bg_call *c, const char *what, int32_t (*fn)(bg_call *c), void *arg)
{
    bg_launch(c, what, fn, arg);
    bg_settle();
}

int bg_returned(bg_call *c)
{
    int v = 0;
    sem_getvalue(&c->returned, &v);
    return v > 0;
}

int bg_wait(bg_call *c, int ms)
{
    struct timespec until;
    clock_gettime(CLOCK_REALTIME, &until);
    until.tv_sec += ms / 1000;
    until.tv_nsec += (long)(ms % 1000) * 1000000;
    if (until.tv_nsec >= 1000000000) {
        until.tv_sec++;
        until.tv_nsec -= 1000000000;
    }
    for (;;) {
        if (sem_timedwait(&c->returned, &until) == 0)
            break;
        if (errno != EINTR) {
            pthread_detach(c->thread);
            return 0;
        }
    }
    /* Keeps bg_returned true. */
    sem_post(&c->returned);
    pthread_join(c->thread, NULL);
    return 1;
}

static const char *volatile current_step = "start";
static unsigned watchdog_seconds;

static void say(const char *s)
{
    ssize_t n = write(STDOUT_FILENO, s, strlen(s));
    (void)n;
}

static void on_watchdog(int sig)
{
    char secs[16];
    int i = (int)sizeof secs - 1;
    unsigned v = watchdog_seconds;
    (void)sig;
    secs[i] = 0;
    do {
        secs[--i] = (char)('0' + v % 10);
        v /= 10;
    } while (v && i > 0);
    /* Only async-signal-safe calls here: the stuck thread may hold stdio's lock. */
    say("not ok - watchdog: still in '");
    say(current_step);
    say("' after ");
    say(secs + i);
    say(" s: a call that should have returned did not\nBail out! watchdog\n");
    _exit(1);
}

void watchdog(unsigned seconds)
{
    struct sigaction sa;
    memset(&sa, 0, sizeof sa);
    sa.sa_handler = on_watchdog;
    sigaction(SIGALRM, &sa, NULL);
    watchdog_seconds = seconds;
    alarm(seconds);
}

void watchdog_step(const char *what)
{
    current_step = what;
}
