/*
 * The misuse table: every function of sctpx.h called the ways the header's
 * conventions forbid, each fault alone in an otherwise valid call:
 *  - a never-issued handle (0, 0xdeadbeef, UINT64_MAX): SCTPX_ERR_BAD_HANDLE;
 *  - a closed handle: SCTPX_ERR_CLOSED_HANDLE;
 *  - a handle of the wrong kind: SCTPX_ERR_WRONG_KIND;
 *  - a NULL required pointer: SCTPX_ERR_NULL_POINTER;
 *  - a zero, out-of-range or overflowing length or count, an unknown flag,
 *    option or kind: SCTPX_ERR_INVALID_ARGUMENT;
 * and an output argument is left alone when a call fails. Reaching the end
 * at all shows that none of it crashed. The last test checks that the table
 * has an entry for every prototype in the header (sctpx_functions.h is
 * generated from it by tests/c/header-lists).
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <errno.h>
#include <fcntl.h>
#include <netinet/in.h>
#include <stdio.h>
#include <string.h>
#include <sys/un.h>
#include <unistd.h>

#define BAD SCTPX_ERR_BAD_HANDLE
#define CLOSED SCTPX_ERR_CLOSED_HANDLE
#define WRONG SCTPX_ERR_WRONG_KIND
#define NUL SCTPX_ERR_NULL_POINTER
#define INVAL SCTPX_ERR_INVALID_ARGUMENT

/* The fixture: unconnected sockets of both kinds, a closed handle, a
 * listening socket and a connected one-to-one association. */
static sctpx_handle tcp, udp, closed_h, listener, conn, conn_peer;

/* Valid arguments, for the parts of a call that are not being misused. */
static struct sockaddr_storage addr, many[65];
static socklen_t addr_len;
static uint8_t buf[256];
static sctpx_event ev;
static sctpx_handle out;
static sctpx_assoc_id ids[4];
static int64_t value;
static sctpx_initmsg initmsg;
static sctpx_paddrparams pp;
static sctpx_paddrthlds thlds;
static int32_t port;
static sctpx_paddrinfo pi;
static sctpx_status st;
static sctpx_assoc_stats stats;
static sctpx_pr_status pr;
static uint16_t sched_value;
static sctpx_send_info info;
static sctpx_send_msg msg;
static const uint16_t streams[2] = {0, 1};

#define SENTINEL_HANDLE 0x5a5a5a5aull

/* Never-issued and closed handles, for a function called as `call(h)`. */
static void handle_cases(const char *fn, int32_t (*call)(sctpx_handle))
{
    is(call(0), BAD, "%s: handle 0 is never issued: SCTPX_ERR_BAD_HANDLE", fn);
    is(call(0xdeadbeef), BAD, "%s: handle 0xdeadbeef: SCTPX_ERR_BAD_HANDLE", fn);
    is(call(UINT64_MAX), BAD, "%s: handle UINT64_MAX: SCTPX_ERR_BAD_HANDLE", fn);
    is(call(closed_h), CLOSED, "%s: a closed handle: SCTPX_ERR_CLOSED_HANDLE", fn);
}

/* One misuse entry per function: HANDLE_CALL(f, expr) defines how to call f
 * with handle h and otherwise valid arguments. */
#define HANDLE_CALL(f, expr) \
    static int32_t call_##f(sctpx_handle h) { return (expr); }
#define HANDLES(f) handle_cases(#f, call_##f)

static void misuse_sctpx_version(void)
{
    /* No arguments to misuse; the result must still be usable. */
    ok(sctpx_version() != NULL, "sctpx_version: never NULL");
}

static void misuse_sctpx_strerror(void)
{
    char small[2] = {'x', 'y'};
    char big[160];
    int32_t full = sctpx_strerror(SCTPX_ERR_BAD_HANDLE, NULL, 0);

    is(sctpx_strerror(SCTPX_ERR_BAD_HANDLE, NULL, sizeof big), NUL, "sctpx_strerror: NULL buf with len > 0: SCTPX_ERR_NULL_POINTER");
    ok(full > 0, "sctpx_strerror: NULL buf with len 0 returns the full message length (%d)", (int)full);
    is(sctpx_strerror(SCTPX_ERR_BAD_HANDLE, small, 1), full, "sctpx_strerror: len 1 still returns the full length");
    ok(small[0] == '\0' && small[1] == 'y', "sctpx_strerror: len 1 writes only the NUL");
    is(sctpx_strerror(SCTPX_ERR_BAD_HANDLE, big, SIZE_MAX), full, "sctpx_strerror: a huge len writes just the message");
    ok(sctpx_strerror(INT32_MIN, big, sizeof big) > 0 && big[0] != '\0', "sctpx_strerror: INT32_MIN still gets a message");
    ok(sctpx_strerror(INT32_MAX, big, sizeof big) > 0 && big[0] != '\0', "sctpx_strerror: INT32_MAX still gets a message");
}

static void open_cases(const char *fn, int32_t (*open)(int32_t, sctpx_handle *))
{
    static const int32_t families[] = {0, AF_UNIX, -1, 12345};
    size_t i;
    out = SENTINEL_HANDLE;
    is(open(SCTPX_AF_INET, NULL), NUL, "%s: NULL out: SCTPX_ERR_NULL_POINTER", fn);
    for (i = 0; i < sizeof families / sizeof families[0]; i++)
        is(open(families[i], &out), INVAL, "%s: family %d: SCTPX_ERR_INVALID_ARGUMENT", fn, (int)families[i]);
    is(out, SENTINEL_HANDLE, "%s: *out is untouched when it fails", fn);
}

static void misuse_sctpx_open_tcp(void) { open_cases("sctpx_open_tcp", sctpx_open_tcp); }
static void misuse_sctpx_open_udp(void) { open_cases("sctpx_open_udp", sctpx_open_udp); }

static void misuse_sctpx_open(void)
{
    static const int32_t families[] = {0, AF_UNIX, -1, 12345};
    static const int32_t numbers[] = {-1, 3, INT32_MIN, INT32_MAX};
    size_t i;
    out = SENTINEL_HANDLE;
    is(sctpx_open(SCTPX_BACKEND_AUTO, SCTPX_AF_INET, SCTPX_KIND_ONE_TO_ONE, NULL), NUL,
       "sctpx_open: NULL out: SCTPX_ERR_NULL_POINTER");
    for (i = 0; i < sizeof families / sizeof families[0]; i++)
        is(sctpx_open(SCTPX_BACKEND_AUTO, families[i], SCTPX_KIND_ONE_TO_ONE, &out), INVAL,
           "sctpx_open: family %d: SCTPX_ERR_INVALID_ARGUMENT", (int)families[i]);
    for (i = 0; i < sizeof numbers / sizeof numbers[0]; i++) {
        is(sctpx_open(numbers[i], SCTPX_AF_INET, SCTPX_KIND_ONE_TO_ONE, &out), INVAL,
           "sctpx_open: backend %d: SCTPX_ERR_INVALID_ARGUMENT", (int)numbers[i]);
        is(sctpx_open(SCTPX_BACKEND_AUTO, SCTPX_AF_INET, numbers[i], &out), INVAL,
           "sctpx_open: kind %d: SCTPX_ERR_INVALID_ARGUMENT", (int)numbers[i]);
    }
    is(sctpx_open(SCTPX_BACKEND_AUTO, SCTPX_AF_INET, 0, &out), INVAL, "sctpx_open: kind 0: SCTPX_ERR_INVALID_ARGUMENT");
    is(out, SENTINEL_HANDLE, "sctpx_open: *out is untouched when it fails");
}

/* The backend numbers the backend calls refuse. */
static const int32_t bad_backends[] = {-1, 3, INT32_MIN, INT32_MAX};
#define BAD_BACKENDS (sizeof bad_backends / sizeof bad_backends[0])

HANDLE_CALL(sctpx_backend, sctpx_backend(h))
static void misuse_sctpx_backend(void) { HANDLES(sctpx_backend); }

static void misuse_sctpx_backend_available(void)
{
    size_t i;
    for (i = 0; i < BAD_BACKENDS; i++)
        is(sctpx_backend_available(bad_backends[i]), INVAL, "sctpx_backend_available: backend %d: SCTPX_ERR_INVALID_ARGUMENT",
           (int)bad_backends[i]);
}

static void misuse_sctpx_set_default_backend(void)
{
    int32_t before = sctpx_default_backend();
    size_t i;
    for (i = 0; i < BAD_BACKENDS; i++)
        is(sctpx_set_default_backend(bad_backends[i]), INVAL,
           "sctpx_set_default_backend: backend %d: SCTPX_ERR_INVALID_ARGUMENT", (int)bad_backends[i]);
    is(sctpx_default_backend(), before, "sctpx_set_default_backend: a refused number leaves the default as it was");
}

static void misuse_sctpx_default_backend(void)
{
    /* No arguments to misuse; the result must be a backend number. */
    int32_t b = sctpx_default_backend();
    ok(b == SCTPX_BACKEND_AUTO || b == SCTPX_BACKEND_KERNEL || b == SCTPX_BACKEND_USERSPACE,
       "sctpx_default_backend: a backend number (%d)", (int)b);
}

/* The port numbers the UDP port calls refuse (valid ones are 1 to 65535). */
static const int32_t bad_ports[] = {0, -1, 65536, INT32_MIN, INT32_MAX};
#define BAD_PORTS (sizeof bad_ports / sizeof bad_ports[0])

static void port_cases(const char *fn, int32_t (*set)(int32_t), int32_t (*get)(void))
{
    int32_t before = get();
    size_t i;
    for (i = 0; i < BAD_PORTS; i++)
        is(set(bad_ports[i]), INVAL, "%s: port %d: SCTPX_ERR_INVALID_ARGUMENT", fn, (int)bad_ports[i]);
    is(get(), before, "%s: a refused port leaves the port as it was (%d)", fn, (int)before);
}

static void misuse_sctpx_set_udp_port(void) { port_cases("sctpx_set_udp_port", sctpx_set_udp_port, sctpx_udp_port); }
static void misuse_sctpx_set_udp_remote_port(void)
{
    port_cases("sctpx_set_udp_remote_port", sctpx_set_udp_remote_port, sctpx_udp_remote_port);
}

static void misuse_sctpx_udp_port(void)
{
    int32_t p = sctpx_udp_port();
    ok(p >= 1 && p <= 65535, "sctpx_udp_port: a port (%d)", (int)p);
}

static void misuse_sctpx_udp_remote_port(void)
{
    int32_t p = sctpx_udp_remote_port();
    ok(p >= 1 && p <= 65535, "sctpx_udp_remote_port: a port (%d)", (int)p);
}

/* sctpx_adopt_fd owns what it is given, refused or not: a descriptor that is
 * not an SCTP socket is an invalid argument, and is closed all the same. */
static void adopt_refused(const char *what, int fd)
{
    out = SENTINEL_HANDLE;
    if (fd < 0) {
        ok(0, "sctpx_adopt_fd: %s: cannot make one (errno %d)", what, errno);
        return;
    }
    is(sctpx_adopt_fd(fd, &out), INVAL, "sctpx_adopt_fd: %s: SCTPX_ERR_INVALID_ARGUMENT", what);
    is(fcntl(fd, F_GETFD), -1, "sctpx_adopt_fd: ... and the refused %s is closed", what);
    is(out, SENTINEL_HANDLE, "sctpx_adopt_fd: ... and *out is untouched");
}

static void misuse_sctpx_adopt_fd(void)
{
    int fd, pipe_fds[2];
    adopt_refused("a Unix socket", socket(AF_UNIX, SOCK_STREAM, 0));
    adopt_refused("a TCP socket", socket(AF_INET, SOCK_STREAM, 0));
    adopt_refused("a UDP socket", socket(AF_INET, SOCK_DGRAM, 0));
    adopt_refused("/dev/null (no socket)", open("/dev/null", O_RDONLY));
    if (pipe(pipe_fds) == 0)
        close(pipe_fds[1]);
    else
        pipe_fds[0] = -1;
    adopt_refused("a pipe (no socket)", pipe_fds[0]);

    out = SENTINEL_HANDLE;
    is(sctpx_adopt_fd(-1, &out), INVAL, "sctpx_adopt_fd: fd -1: SCTPX_ERR_INVALID_ARGUMENT");
    /* A number no descriptor has: the one just closed (this thread opens nothing in between). */
    fd = open("/dev/null", O_RDONLY);
    close(fd);
    is(sctpx_adopt_fd(fd, &out), -EBADF, "sctpx_adopt_fd: a descriptor that is not open: -EBADF");
    is(sctpx_adopt_fd(INT32_MAX, &out), -EBADF, "sctpx_adopt_fd: descriptor INT32_MAX (not open): -EBADF");
    fd = socket(AF_UNIX, SOCK_STREAM, 0);
    is(sctpx_adopt_fd(fd, NULL), NUL, "sctpx_adopt_fd: NULL out: SCTPX_ERR_NULL_POINTER");
    is(fcntl(fd, F_GETFD), -1, "sctpx_adopt_fd: ... and the descriptor is closed");
    is(out, SENTINEL_HANDLE, "sctpx_adopt_fd: *out is untouched when it fails");
}

HANDLE_CALL(sctpx_close, sctpx_close(h))
static void misuse_sctpx_close(void) { HANDLES(sctpx_close); }

HANDLE_CALL(sctpx_fileno, sctpx_fileno(h))
static void misuse_sctpx_fileno(void) { HANDLES(sctpx_fileno); }

HANDLE_CALL(sctpx_kind, sctpx_kind(h))
static void misuse_sctpx_kind(void) { HANDLES(sctpx_kind); }

/* The address checks every function taking (addr, addr_len) shares. */
static void address_cases(const char *fn, int32_t (*call)(const struct sockaddr *, socklen_t))
{
    struct sockaddr_storage unix_addr;
    memset(&unix_addr, 0, sizeof unix_addr);
    unix_addr.ss_family = AF_UNIX;

    is(call(NULL, addr_len), NUL, "%s: NULL address: SCTPX_ERR_NULL_POINTER", fn);
    is(call((struct sockaddr *)&addr, 0), INVAL, "%s: address length 0: SCTPX_ERR_INVALID_ARGUMENT", fn);
    is(call((struct sockaddr *)&addr, 8), INVAL, "%s: address length 8 for AF_INET: SCTPX_ERR_INVALID_ARGUMENT", fn);
    is(call((struct sockaddr *)&addr, UINT32_MAX), INVAL, "%s: address length UINT32_MAX: SCTPX_ERR_INVALID_ARGUMENT", fn);
    is(call((struct sockaddr *)&unix_addr, sizeof(struct sockaddr_un)), INVAL, "%s: an AF_UNIX address: SCTPX_ERR_INVALID_ARGUMENT", fn);
}

HANDLE_CALL(sctpx_bind, sctpx_bind(h, (struct sockaddr *)&addr, addr_len))
static int32_t bind_tcp(const struct sockaddr *a, socklen_t n) { return sctpx_bind(tcp, a, n); }
static void misuse_sctpx_bind(void)
{
    HANDLES(sctpx_bind);
    address_cases("sctpx_bind", bind_tcp);
}

/* The address-list checks of bindx and connectx. */
static void address_list_cases(const char *fn, int32_t (*call)(const struct sockaddr_storage *, size_t))
{
    is(call(NULL, 1), NUL, "%s: NULL address list: SCTPX_ERR_NULL_POINTER", fn);
    is(call(many, 0), INVAL, "%s: count 0: SCTPX_ERR_INVALID_ARGUMENT", fn);
    is(call(many, 65), INVAL, "%s: count 65 (the limit is 64): SCTPX_ERR_INVALID_ARGUMENT", fn);
    is(call(many, SIZE_MAX), INVAL, "%s: count SIZE_MAX: SCTPX_ERR_INVALID_ARGUMENT", fn);
}

HANDLE_CALL(sctpx_bindx, sctpx_bindx(h, &addr, 1, SCTPX_BINDX_ADD))
static int32_t bindx_tcp(const struct sockaddr_storage *a, size_t n) { return sctpx_bindx(tcp, a, n, SCTPX_BINDX_ADD); }
static void misuse_sctpx_bindx(void)
{
    HANDLES(sctpx_bindx);
    address_list_cases("sctpx_bindx", bindx_tcp);
    is(sctpx_bindx(tcp, &addr, 1, 0), INVAL, "sctpx_bindx: flags 0: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_bindx(tcp, &addr, 1, 3), INVAL, "sctpx_bindx: flags ADD|REMOVE: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_listen, sctpx_listen(h, 4))
static void misuse_sctpx_listen(void) { HANDLES(sctpx_listen); }

HANDLE_CALL(sctpx_accept, sctpx_accept(h, &out, NULL, NULL))
static void misuse_sctpx_accept(void)
{
    HANDLES(sctpx_accept);
    out = SENTINEL_HANDLE;
    is(sctpx_accept(listener, NULL, NULL, NULL), NUL, "sctpx_accept: NULL out: SCTPX_ERR_NULL_POINTER");
    is(sctpx_accept(udp, &out, NULL, NULL), WRONG, "sctpx_accept: a one-to-many socket: SCTPX_ERR_WRONG_KIND");
    is(out, SENTINEL_HANDLE, "sctpx_accept: *out is untouched when it fails");
}

HANDLE_CALL(sctpx_connect, sctpx_connect(h, (struct sockaddr *)&addr, addr_len))
static int32_t connect_tcp(const struct sockaddr *a, socklen_t n) { return sctpx_connect(tcp, a, n); }
static void misuse_sctpx_connect(void)
{
    HANDLES(sctpx_connect);
    address_cases("sctpx_connect", connect_tcp);
}

HANDLE_CALL(sctpx_connectx, sctpx_connectx(h, &addr, 1, NULL))
static int32_t connectx_tcp(const struct sockaddr_storage *a, size_t n) { return sctpx_connectx(tcp, a, n, NULL); }
static void misuse_sctpx_connectx(void)
{
    HANDLES(sctpx_connectx);
    address_list_cases("sctpx_connectx", connectx_tcp);
}

HANDLE_CALL(sctpx_peeloff, sctpx_peeloff(h, 1, 0, &out))
static void misuse_sctpx_peeloff(void)
{
    int fds = open_fds();
    HANDLES(sctpx_peeloff);
    out = SENTINEL_HANDLE;
    is(sctpx_peeloff(udp, 1, 0, NULL), NUL, "sctpx_peeloff: NULL out: SCTPX_ERR_NULL_POINTER");
    is(sctpx_peeloff(tcp, 1, 0, &out), WRONG, "sctpx_peeloff: a one-to-one socket: SCTPX_ERR_WRONG_KIND");
    is(sctpx_peeloff(udp, 1, 4, &out), INVAL, "sctpx_peeloff: unknown flag 4: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_peeloff(udp, 12345, 0, &out), -EINVAL, "sctpx_peeloff: an association the socket does not have: -EINVAL");
    is(out, SENTINEL_HANDLE, "sctpx_peeloff: *out is untouched when it fails");
    is(open_fds(), fds, "sctpx_peeloff: no failure leaves a descriptor open");
}

HANDLE_CALL(sctpx_shutdown, sctpx_shutdown(h, 0))
static void misuse_sctpx_shutdown(void) { HANDLES(sctpx_shutdown); }

HANDLE_CALL(sctpx_abort, sctpx_abort(h, 0))
static void misuse_sctpx_abort(void)
{
    HANDLES(sctpx_abort);
    is(sctpx_abort(tcp, 0), WRONG, "sctpx_abort: a one-to-one handle: SCTPX_ERR_WRONG_KIND");
}

HANDLE_CALL(sctpx_abort_and_close, sctpx_abort_and_close(h))
static void misuse_sctpx_abort_and_close(void) { HANDLES(sctpx_abort_and_close); }

HANDLE_CALL(sctpx_connect_result, sctpx_connect_result(h, 0))
static void misuse_sctpx_connect_result(void) { HANDLES(sctpx_connect_result); }

static void addrs_cases(const char *fn, int32_t (*get)(sctpx_handle, sctpx_assoc_id, struct sockaddr_storage *, size_t))
{
    int32_t n = get(conn, 0, many, 65);
    is(get(conn, 0, NULL, 4), NUL, "%s: NULL out with cap 4: SCTPX_ERR_NULL_POINTER", fn);
    ok(n >= 1, "%s: the association has addresses (%d)", fn, (int)n);
    is(get(conn, 0, NULL, 0), n, "%s: NULL out with cap 0 just counts them", fn);
}

HANDLE_CALL(sctpx_getpaddrs, sctpx_getpaddrs(h, 0, many, 4))
static void misuse_sctpx_getpaddrs(void)
{
    HANDLES(sctpx_getpaddrs);
    addrs_cases("sctpx_getpaddrs", sctpx_getpaddrs);
}

HANDLE_CALL(sctpx_getladdrs, sctpx_getladdrs(h, 0, many, 4))
static void misuse_sctpx_getladdrs(void)
{
    HANDLES(sctpx_getladdrs);
    addrs_cases("sctpx_getladdrs", sctpx_getladdrs);
}

HANDLE_CALL(sctpx_send_stream, sctpx_send_stream(h, 0, 0, 0, buf, 4))
static void misuse_sctpx_send_stream(void)
{
    HANDLES(sctpx_send_stream);
    is(sctpx_send_stream(conn, 0, 0, 0, NULL, 4), NUL, "sctpx_send_stream: NULL buf with len 4: SCTPX_ERR_NULL_POINTER");
    is(sctpx_send_stream(conn, 0, 0, 0, buf, SIZE_MAX), INVAL, "sctpx_send_stream: len SIZE_MAX: SCTPX_ERR_INVALID_ARGUMENT");
    /* NULL with 0 passes sctpx's checks; SCTP itself has no empty messages. */
    is(sctpx_send_stream(conn, 0, 0, 0, NULL, 0), -EINVAL, "sctpx_send_stream: an empty message: -EINVAL from the kernel");
}

HANDLE_CALL(sctpx_send_setup, sctpx_send_setup(h, buf, 4, &info, &addr, 1, NULL))
static void misuse_sctpx_send_setup(void)
{
    HANDLES(sctpx_send_setup);
    is(sctpx_send_setup(udp, NULL, 4, &info, &addr, 1, NULL), NUL, "sctpx_send_setup: NULL buf with len 4: SCTPX_ERR_NULL_POINTER");
    is(sctpx_send_setup(udp, buf, 4, NULL, &addr, 1, NULL), NUL, "sctpx_send_setup: NULL info: SCTPX_ERR_NULL_POINTER");
    is(sctpx_send_setup(udp, buf, 4, &info, NULL, 1, NULL), NUL, "sctpx_send_setup: NULL addrs with count 1: SCTPX_ERR_NULL_POINTER");
    is(sctpx_send_setup(udp, buf, 4, &info, many, 65, NULL), INVAL, "sctpx_send_setup: 65 addresses: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_send, sctpx_send(h, buf, 4, NULL, NULL, 0))
static void misuse_sctpx_send(void)
{
    sctpx_send_info bad;
    HANDLES(sctpx_send);
    is(sctpx_send(conn, NULL, 4, NULL, NULL, 0), NUL, "sctpx_send: NULL buf with len 4: SCTPX_ERR_NULL_POINTER");
    is(sctpx_send(conn, buf, SIZE_MAX, NULL, NULL, 0), INVAL, "sctpx_send: len SIZE_MAX: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_send(conn, buf, 4, &info, (struct sockaddr *)&addr, 0), INVAL, "sctpx_send: destination length 0: SCTPX_ERR_INVALID_ARGUMENT");
    bad = info;
    bad.flags = 0x8000;
    is(sctpx_send(conn, buf, 4, &bad, NULL, 0), INVAL, "sctpx_send: unknown send flag 0x8000: SCTPX_ERR_INVALID_ARGUMENT");
    bad = info;
    bad.pr_policy = 4;
    is(sctpx_send(conn, buf, 4, &bad, NULL, 0), INVAL, "sctpx_send: unknown PR policy 4: SCTPX_ERR_INVALID_ARGUMENT");
    bad = info;
    bad.reserved = 1;
    is(sctpx_send(conn, buf, 4, &bad, NULL, 0), INVAL, "sctpx_send: reserved field not 0: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_send_batch, sctpx_send_batch(h, &msg, 1))
static void misuse_sctpx_send_batch(void)
{
    sctpx_send_msg bad;
    HANDLES(sctpx_send_batch);
    is(sctpx_send_batch(conn, NULL, 1), NUL, "sctpx_send_batch: NULL msgs with count 1: SCTPX_ERR_NULL_POINTER");
    is(sctpx_send_batch(conn, NULL, 0), 0, "sctpx_send_batch: count 0 sends nothing and returns 0");
    is(sctpx_send_batch(conn, &msg, SIZE_MAX), INVAL, "sctpx_send_batch: count SIZE_MAX: SCTPX_ERR_INVALID_ARGUMENT");
    bad = msg;
    bad.data = NULL;
    is(sctpx_send_batch(conn, &bad, 1), NUL, "sctpx_send_batch: a message with NULL data and len 4: SCTPX_ERR_NULL_POINTER");
    bad = msg;
    bad.len = SIZE_MAX;
    is(sctpx_send_batch(conn, &bad, 1), INVAL, "sctpx_send_batch: a message of len SIZE_MAX: SCTPX_ERR_INVALID_ARGUMENT");
    bad = msg;
    bad.info.flags = 0x8000;
    is(sctpx_send_batch(conn, &bad, 1), INVAL, "sctpx_send_batch: a message with unknown flag 0x8000: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_next_event, sctpx_next_event(h, &ev, buf, sizeof buf, 0))
static void misuse_sctpx_next_event(void)
{
    HANDLES(sctpx_next_event);
    ev.kind = 0xffffffffu;
    is(sctpx_next_event(conn, NULL, buf, sizeof buf, 0), NUL, "sctpx_next_event: NULL event: SCTPX_ERR_NULL_POINTER");
    is(sctpx_next_event(conn, &ev, NULL, sizeof buf, 0), NUL, "sctpx_next_event: NULL buf with cap 256: SCTPX_ERR_NULL_POINTER");
    is(sctpx_next_event(conn, &ev, buf, 0, 0), INVAL, "sctpx_next_event: cap 0: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_next_event(conn, &ev, buf, SIZE_MAX, 0), INVAL, "sctpx_next_event: cap SIZE_MAX: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_next_event(conn, &ev, buf, sizeof buf, -2), INVAL, "sctpx_next_event: timeout -2: SCTPX_ERR_INVALID_ARGUMENT");
    is(ev.kind, 0xffffffffu, "sctpx_next_event: *event is untouched when it fails");
}

static sctpx_next_info next_info;
HANDLE_CALL(sctpx_next_event_with_next_info, sctpx_next_event_with_next_info(h, &ev, buf, sizeof buf, 0, &next_info))
static void misuse_sctpx_next_event_with_next_info(void)
{
    const char *f = "sctpx_next_event_with_next_info";
    HANDLES(sctpx_next_event_with_next_info);
    ev.kind = 0xffffffffu;
    next_info.flags = 0xffffffffu;
    is(sctpx_next_event_with_next_info(conn, NULL, buf, sizeof buf, 0, &next_info), NUL, "%s: NULL event: SCTPX_ERR_NULL_POINTER", f);
    is(sctpx_next_event_with_next_info(conn, &ev, buf, sizeof buf, 0, NULL), NUL, "%s: NULL next: SCTPX_ERR_NULL_POINTER", f);
    is(sctpx_next_event_with_next_info(conn, &ev, NULL, sizeof buf, 0, &next_info), NUL,
       "%s: NULL buf with cap 256: SCTPX_ERR_NULL_POINTER", f);
    is(sctpx_next_event_with_next_info(conn, &ev, buf, 0, 0, &next_info), INVAL, "%s: cap 0: SCTPX_ERR_INVALID_ARGUMENT", f);
    is(sctpx_next_event_with_next_info(conn, &ev, buf, sizeof buf, -2, &next_info), INVAL,
       "%s: timeout -2: SCTPX_ERR_INVALID_ARGUMENT", f);
    ok(ev.kind == 0xffffffffu && next_info.flags == 0xffffffffu, "%s: *event and *next are untouched when it fails", f);
}

HANDLE_CALL(sctpx_recv_batch, sctpx_recv_batch(h, &ev, 1, buf, sizeof buf, 0))
static void misuse_sctpx_recv_batch(void)
{
    HANDLES(sctpx_recv_batch);
    is(sctpx_recv_batch(conn, NULL, 1, buf, sizeof buf, 0), NUL, "sctpx_recv_batch: NULL events: SCTPX_ERR_NULL_POINTER");
    is(sctpx_recv_batch(conn, &ev, 1, NULL, sizeof buf, 0), NUL, "sctpx_recv_batch: NULL bufs: SCTPX_ERR_NULL_POINTER");
    is(sctpx_recv_batch(conn, &ev, 0, buf, sizeof buf, 0), INVAL, "sctpx_recv_batch: count 0: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_recv_batch(conn, &ev, 1, buf, 0, 0), INVAL, "sctpx_recv_batch: stride 0: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_recv_batch(conn, &ev, SIZE_MAX, buf, 2, 0), INVAL, "sctpx_recv_batch: count * stride overflows: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_recv_batch(conn, &ev, 1, buf, sizeof buf, -2), INVAL, "sctpx_recv_batch: timeout -2: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_subscribe, sctpx_subscribe(h, SCTPX_EVENT_ASSOC_CHANGE, 1))
static void misuse_sctpx_subscribe(void)
{
    HANDLES(sctpx_subscribe);
    is(sctpx_subscribe(tcp, SCTPX_EVENT_DATA, 1), INVAL, "sctpx_subscribe: kind DATA is no notification: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_subscribe(tcp, 14, 1), INVAL, "sctpx_subscribe: kind 14: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_subscribe(tcp, UINT32_MAX, 1), INVAL, "sctpx_subscribe: kind UINT32_MAX: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_subscribed, sctpx_subscribed(h, SCTPX_EVENT_ASSOC_CHANGE))
static void misuse_sctpx_subscribed(void)
{
    HANDLES(sctpx_subscribed);
    is(sctpx_subscribed(tcp, SCTPX_EVENT_DATA), INVAL, "sctpx_subscribed: kind DATA: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_subscribed(tcp, 14), INVAL, "sctpx_subscribed: kind 14: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_get_option, sctpx_get_option(h, 0, SCTPX_OPT_NODELAY, &value))
static void misuse_sctpx_get_option(void)
{
    HANDLES(sctpx_get_option);
    value = 0x5a5a;
    is(sctpx_get_option(tcp, 0, SCTPX_OPT_NODELAY, NULL), NUL, "sctpx_get_option: NULL value: SCTPX_ERR_NULL_POINTER");
    is(sctpx_get_option(tcp, 0, 0, &value), INVAL, "sctpx_get_option: option 0: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_get_option(tcp, 0, 1000, &value), INVAL, "sctpx_get_option: option 1000: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_get_option(tcp, 0, -1, &value), INVAL, "sctpx_get_option: option -1: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_get_option(tcp, 0, SCTPX_OPT_ASSOC_NUMBER, &value), WRONG, "sctpx_get_option: ASSOC_NUMBER of a one-to-one socket: SCTPX_ERR_WRONG_KIND");
    is(value, 0x5a5a, "sctpx_get_option: *value is untouched when it fails");
}

HANDLE_CALL(sctpx_set_option, sctpx_set_option(h, 0, SCTPX_OPT_NODELAY, 1))
static void misuse_sctpx_set_option(void)
{
    HANDLES(sctpx_set_option);
    is(sctpx_set_option(tcp, 0, 0, 1), INVAL, "sctpx_set_option: option 0: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_set_option(tcp, 0, 1000, 1), INVAL, "sctpx_set_option: option 1000: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_set_option(tcp, 0, SCTPX_OPT_NODELAY, 2), INVAL, "sctpx_set_option: NODELAY 2 (a flag): SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_set_option(tcp, 0, SCTPX_OPT_SNDBUF, INT64_MAX), INVAL, "sctpx_set_option: SNDBUF INT64_MAX: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_set_option(tcp, 0, SCTPX_OPT_LINGER, -2), INVAL, "sctpx_set_option: LINGER -2: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_set_option(udp, 0, SCTPX_OPT_ASSOC_NUMBER, 1), INVAL, "sctpx_set_option: ASSOC_NUMBER is read only: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_set_option(tcp, 0, SCTPX_OPT_PENDING_ERROR, 0), INVAL, "sctpx_set_option: PENDING_ERROR is read only: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_set_option(tcp, 0, SCTPX_OPT_ENABLE_STREAM_RESET, 8), INVAL, "sctpx_set_option: ENABLE_STREAM_RESET bit 8: SCTPX_ERR_INVALID_ARGUMENT");
}

/* A typed option's get/set pair: the handle cases, and NULL for its struct. */
#define GET_SET(get, set, type)                                                            \
    static type get##_value;                                                               \
    HANDLE_CALL(get, get(h, 0, &get##_value))                                              \
    HANDLE_CALL(set, set(h, &get##_value))                                                 \
    static void misuse_##get(void)                                                         \
    {                                                                                      \
        HANDLES(get);                                                                      \
        is(get(tcp, 0, NULL), NUL, #get ": NULL out: SCTPX_ERR_NULL_POINTER");             \
    }                                                                                      \
    static void misuse_##set(void)                                                         \
    {                                                                                      \
        HANDLES(set);                                                                      \
        is(set(tcp, NULL), NUL, #set ": NULL value: SCTPX_ERR_NULL_POINTER");              \
    }

GET_SET(sctpx_get_rtoinfo, sctpx_set_rtoinfo, sctpx_rtoinfo)
GET_SET(sctpx_get_assocparams, sctpx_set_assocparams, sctpx_assocparams)
GET_SET(sctpx_get_default_send_info, sctpx_set_default_send_info, sctpx_send_info)
GET_SET(sctpx_get_delayed_sack, sctpx_set_delayed_sack, sctpx_sack_info)

static void misuse_default_send_info_flags(void)
{
    sctpx_send_info bad;
    memset(&bad, 0, sizeof bad);
    bad.flags = 0x8000;
    is(sctpx_set_default_send_info(tcp, &bad), INVAL, "sctpx_set_default_send_info: unknown send flag 0x8000: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_get_initmsg, sctpx_get_initmsg(h, &initmsg))
static void misuse_sctpx_get_initmsg(void)
{
    HANDLES(sctpx_get_initmsg);
    is(sctpx_get_initmsg(tcp, NULL), NUL, "sctpx_get_initmsg: NULL out: SCTPX_ERR_NULL_POINTER");
}

HANDLE_CALL(sctpx_set_initmsg, sctpx_set_initmsg(h, &initmsg))
static void misuse_sctpx_set_initmsg(void)
{
    HANDLES(sctpx_set_initmsg);
    is(sctpx_set_initmsg(tcp, NULL), NUL, "sctpx_set_initmsg: NULL value: SCTPX_ERR_NULL_POINTER");
}

HANDLE_CALL(sctpx_get_paddrparams, sctpx_get_paddrparams(h, 0, NULL, 0, &pp))
static void misuse_sctpx_get_paddrparams(void)
{
    HANDLES(sctpx_get_paddrparams);
    is(sctpx_get_paddrparams(conn, 0, NULL, 0, NULL), NUL, "sctpx_get_paddrparams: NULL out: SCTPX_ERR_NULL_POINTER");
    is(sctpx_get_paddrparams(conn, 0, (struct sockaddr *)&addr, 0, &pp), INVAL, "sctpx_get_paddrparams: address length 0: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_set_paddrparams, sctpx_set_paddrparams(h, &pp))
static void misuse_sctpx_set_paddrparams(void)
{
    sctpx_paddrparams bad;
    HANDLES(sctpx_set_paddrparams);
    is(sctpx_set_paddrparams(conn, NULL), NUL, "sctpx_set_paddrparams: NULL value: SCTPX_ERR_NULL_POINTER");
    memset(&bad, 0, sizeof bad);
    bad.address.ss_family = AF_UNIX;
    bad.address_len = sizeof(struct sockaddr_un);
    is(sctpx_set_paddrparams(conn, &bad), INVAL, "sctpx_set_paddrparams: an AF_UNIX address: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_get_paddrthlds, sctpx_get_paddrthlds(h, 0, NULL, 0, &thlds))
static void misuse_sctpx_get_paddrthlds(void)
{
    HANDLES(sctpx_get_paddrthlds);
    is(sctpx_get_paddrthlds(conn, 0, NULL, 0, NULL), NUL, "sctpx_get_paddrthlds: NULL out: SCTPX_ERR_NULL_POINTER");
    is(sctpx_get_paddrthlds(conn, 0, (struct sockaddr *)&addr, 0, &thlds), INVAL, "sctpx_get_paddrthlds: address length 0: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_set_paddrthlds, sctpx_set_paddrthlds(h, &thlds))
static void misuse_sctpx_set_paddrthlds(void)
{
    sctpx_paddrthlds bad;
    HANDLES(sctpx_set_paddrthlds);
    is(sctpx_set_paddrthlds(conn, NULL), NUL, "sctpx_set_paddrthlds: NULL value: SCTPX_ERR_NULL_POINTER");
    memset(&bad, 0, sizeof bad);
    bad.address.ss_family = AF_UNIX;
    bad.address_len = sizeof(struct sockaddr_un);
    is(sctpx_set_paddrthlds(conn, &bad), INVAL, "sctpx_set_paddrthlds: an AF_UNIX address: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_get_paddr_udp_port, sctpx_get_paddr_udp_port(h, 0, (struct sockaddr *)&addr, addr_len, &port))
static void misuse_sctpx_get_paddr_udp_port(void)
{
    HANDLES(sctpx_get_paddr_udp_port);
    is(sctpx_get_paddr_udp_port(conn, 0, (struct sockaddr *)&addr, addr_len, NULL), NUL, "sctpx_get_paddr_udp_port: NULL port: SCTPX_ERR_NULL_POINTER");
    is(sctpx_get_paddr_udp_port(conn, 0, NULL, addr_len, &port), NUL, "sctpx_get_paddr_udp_port: NULL address: SCTPX_ERR_NULL_POINTER");
}

HANDLE_CALL(sctpx_set_paddr_udp_port, sctpx_set_paddr_udp_port(h, 0, (struct sockaddr *)&addr, addr_len, 9899))
static void misuse_sctpx_set_paddr_udp_port(void)
{
    HANDLES(sctpx_set_paddr_udp_port);
    is(sctpx_set_paddr_udp_port(conn, 0, NULL, addr_len, 9899), NUL, "sctpx_set_paddr_udp_port: NULL address: SCTPX_ERR_NULL_POINTER");
    is(sctpx_set_paddr_udp_port(conn, 0, (struct sockaddr *)&addr, addr_len, 65536), INVAL, "sctpx_set_paddr_udp_port: port 65536: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_get_status, sctpx_get_status(h, 0, &st))
static void misuse_sctpx_get_status(void)
{
    HANDLES(sctpx_get_status);
    is(sctpx_get_status(conn, 0, NULL), NUL, "sctpx_get_status: NULL out: SCTPX_ERR_NULL_POINTER");
}

HANDLE_CALL(sctpx_get_paddrinfo, sctpx_get_paddrinfo(h, 0, (struct sockaddr *)&addr, addr_len, &pi))
static void misuse_sctpx_get_paddrinfo(void)
{
    HANDLES(sctpx_get_paddrinfo);
    is(sctpx_get_paddrinfo(conn, 0, NULL, addr_len, &pi), NUL, "sctpx_get_paddrinfo: NULL address: SCTPX_ERR_NULL_POINTER");
    is(sctpx_get_paddrinfo(conn, 0, (struct sockaddr *)&addr, addr_len, NULL), NUL, "sctpx_get_paddrinfo: NULL out: SCTPX_ERR_NULL_POINTER");
    is(sctpx_get_paddrinfo(conn, 0, (struct sockaddr *)&addr, 0, &pi), INVAL, "sctpx_get_paddrinfo: address length 0: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_get_assoc_stats, sctpx_get_assoc_stats(h, 0, &stats))
static void misuse_sctpx_get_assoc_stats(void)
{
    HANDLES(sctpx_get_assoc_stats);
    is(sctpx_get_assoc_stats(conn, 0, NULL), NUL, "sctpx_get_assoc_stats: NULL out: SCTPX_ERR_NULL_POINTER");
}

HANDLE_CALL(sctpx_get_assoc_ids, sctpx_get_assoc_ids(h, ids, 4))
static void misuse_sctpx_get_assoc_ids(void)
{
    HANDLES(sctpx_get_assoc_ids);
    is(sctpx_get_assoc_ids(udp, NULL, 4), NUL, "sctpx_get_assoc_ids: NULL out with cap 4: SCTPX_ERR_NULL_POINTER");
    is(sctpx_get_assoc_ids(udp, NULL, 0), 0, "sctpx_get_assoc_ids: NULL out with cap 0 just counts (none)");
    is(sctpx_get_assoc_ids(udp, ids, SIZE_MAX), INVAL, "sctpx_get_assoc_ids: cap SIZE_MAX: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_get_assoc_ids(tcp, ids, 4), WRONG, "sctpx_get_assoc_ids: a one-to-one socket: SCTPX_ERR_WRONG_KIND");
}

HANDLE_CALL(sctpx_set_primary, sctpx_set_primary(h, 0, (struct sockaddr *)&addr, addr_len))
static int32_t set_primary_conn(const struct sockaddr *a, socklen_t n) { return sctpx_set_primary(conn, 0, a, n); }
static void misuse_sctpx_set_primary(void)
{
    HANDLES(sctpx_set_primary);
    address_cases("sctpx_set_primary", set_primary_conn);
}

HANDLE_CALL(sctpx_get_primary, sctpx_get_primary(h, 0, &addr))
static void misuse_sctpx_get_primary(void)
{
    HANDLES(sctpx_get_primary);
    is(sctpx_get_primary(conn, 0, NULL), NUL, "sctpx_get_primary: NULL out: SCTPX_ERR_NULL_POINTER");
}

HANDLE_CALL(sctpx_set_peer_primary, sctpx_set_peer_primary(h, 0, (struct sockaddr *)&addr, addr_len))
static int32_t set_peer_primary_conn(const struct sockaddr *a, socklen_t n) { return sctpx_set_peer_primary(conn, 0, a, n); }
static void misuse_sctpx_set_peer_primary(void)
{
    HANDLES(sctpx_set_peer_primary);
    address_cases("sctpx_set_peer_primary", set_peer_primary_conn);
}

HANDLE_CALL(sctpx_reset_streams, sctpx_reset_streams(h, 0, 2, streams, 2))
static void misuse_sctpx_reset_streams(void)
{
    HANDLES(sctpx_reset_streams);
    is(sctpx_reset_streams(conn, 0, 0, streams, 2), INVAL, "sctpx_reset_streams: direction 0: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_reset_streams(conn, 0, 4, streams, 2), INVAL, "sctpx_reset_streams: direction 4: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_reset_streams(conn, 0, 2, NULL, 2), NUL, "sctpx_reset_streams: NULL streams with count 2: SCTPX_ERR_NULL_POINTER");
    is(sctpx_reset_streams(conn, 0, 2, streams, 257), INVAL, "sctpx_reset_streams: count 257 (the limit is 256): SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_reset_streams(conn, 0, 2, streams, SIZE_MAX), INVAL, "sctpx_reset_streams: count SIZE_MAX: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_reset_assoc, sctpx_reset_assoc(h, 0))
static void misuse_sctpx_reset_assoc(void) { HANDLES(sctpx_reset_assoc); }

HANDLE_CALL(sctpx_add_streams, sctpx_add_streams(h, 0, 1, 1))
static void misuse_sctpx_add_streams(void) { HANDLES(sctpx_add_streams); }

GET_SET(sctpx_get_default_prinfo, sctpx_set_default_prinfo, sctpx_default_prinfo)

static void misuse_default_prinfo_policy(void)
{
    sctpx_default_prinfo bad;
    memset(&bad, 0, sizeof bad);
    bad.policy = SCTPX_PR_ALL;
    is(sctpx_set_default_prinfo(tcp, &bad), INVAL, "sctpx_set_default_prinfo: SCTPX_PR_ALL (no policy): SCTPX_ERR_INVALID_ARGUMENT");
    bad.policy = 5;
    is(sctpx_set_default_prinfo(tcp, &bad), INVAL, "sctpx_set_default_prinfo: policy 5: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_get_pr_assoc_status, sctpx_get_pr_assoc_status(h, 0, SCTPX_PR_ALL, &pr))
static void misuse_sctpx_get_pr_assoc_status(void)
{
    HANDLES(sctpx_get_pr_assoc_status);
    is(sctpx_get_pr_assoc_status(conn, 0, SCTPX_PR_TTL, NULL), NUL, "sctpx_get_pr_assoc_status: NULL out: SCTPX_ERR_NULL_POINTER");
    is(sctpx_get_pr_assoc_status(conn, 0, SCTPX_PR_NONE, &pr), INVAL, "sctpx_get_pr_assoc_status: SCTPX_PR_NONE: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_get_pr_assoc_status(conn, 0, 5, &pr), INVAL, "sctpx_get_pr_assoc_status: policy 5: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_get_pr_stream_status, sctpx_get_pr_stream_status(h, 0, 0, SCTPX_PR_ALL, &pr))
static void misuse_sctpx_get_pr_stream_status(void)
{
    HANDLES(sctpx_get_pr_stream_status);
    is(sctpx_get_pr_stream_status(conn, 0, 0, SCTPX_PR_TTL, NULL), NUL, "sctpx_get_pr_stream_status: NULL out: SCTPX_ERR_NULL_POINTER");
    is(sctpx_get_pr_stream_status(conn, 0, 0, SCTPX_PR_NONE, &pr), INVAL, "sctpx_get_pr_stream_status: SCTPX_PR_NONE: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_get_stream_sched_value, sctpx_get_stream_sched_value(h, 0, 0, &sched_value))
static void misuse_sctpx_get_stream_sched_value(void)
{
    HANDLES(sctpx_get_stream_sched_value);
    is(sctpx_get_stream_sched_value(conn, 0, 0, NULL), NUL, "sctpx_get_stream_sched_value: NULL out: SCTPX_ERR_NULL_POINTER");
}

HANDLE_CALL(sctpx_set_stream_sched_value, sctpx_set_stream_sched_value(h, 0, 0, 1))
static void misuse_sctpx_set_stream_sched_value(void) { HANDLES(sctpx_set_stream_sched_value); }
/* The AUTH calls: the handle and pointer checks (what they do with AUTH on
 * is tests/c/auth.c's). */
static const uint16_t hmacs[2] = {SCTPX_HMAC_SHA1, SCTPX_HMAC_SHA256};
static uint16_t u16_out[4];

HANDLE_CALL(sctpx_add_auth_chunk, sctpx_add_auth_chunk(h, 0))
static void misuse_sctpx_add_auth_chunk(void) { HANDLES(sctpx_add_auth_chunk); }

HANDLE_CALL(sctpx_set_hmac_idents, sctpx_set_hmac_idents(h, hmacs, 2))
static void misuse_sctpx_set_hmac_idents(void)
{
    HANDLES(sctpx_set_hmac_idents);
    is(sctpx_set_hmac_idents(tcp, NULL, 2), NUL, "sctpx_set_hmac_idents: NULL list with count 2: SCTPX_ERR_NULL_POINTER");
    is(sctpx_set_hmac_idents(tcp, hmacs, 0), INVAL, "sctpx_set_hmac_idents: count 0: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_set_hmac_idents(tcp, hmacs, 17), INVAL, "sctpx_set_hmac_idents: count 17 (the limit is 16): SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_set_hmac_idents(tcp, hmacs, SIZE_MAX), INVAL, "sctpx_set_hmac_idents: count SIZE_MAX: SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_get_hmac_idents, sctpx_get_hmac_idents(h, u16_out, 4))
static void misuse_sctpx_get_hmac_idents(void) { HANDLES(sctpx_get_hmac_idents); }

HANDLE_CALL(sctpx_set_auth_key, sctpx_set_auth_key(h, 0, 1, buf, 4))
static void misuse_sctpx_set_auth_key(void)
{
    HANDLES(sctpx_set_auth_key);
    is(sctpx_set_auth_key(tcp, 0, 1, NULL, 4), NUL, "sctpx_set_auth_key: NULL key with length 4: SCTPX_ERR_NULL_POINTER");
    is(sctpx_set_auth_key(tcp, 0, 1, buf, 65536), INVAL, "sctpx_set_auth_key: length 65536 (the limit is 65535): SCTPX_ERR_INVALID_ARGUMENT");
}

HANDLE_CALL(sctpx_set_active_auth_key, sctpx_set_active_auth_key(h, 0, 0))
static void misuse_sctpx_set_active_auth_key(void) { HANDLES(sctpx_set_active_auth_key); }

HANDLE_CALL(sctpx_get_active_auth_key, sctpx_get_active_auth_key(h, 0, u16_out))
static void misuse_sctpx_get_active_auth_key(void)
{
    HANDLES(sctpx_get_active_auth_key);
    is(sctpx_get_active_auth_key(tcp, 0, NULL), NUL, "sctpx_get_active_auth_key: NULL out: SCTPX_ERR_NULL_POINTER");
}

HANDLE_CALL(sctpx_deactivate_auth_key, sctpx_deactivate_auth_key(h, 0, 1))
static void misuse_sctpx_deactivate_auth_key(void) { HANDLES(sctpx_deactivate_auth_key); }

HANDLE_CALL(sctpx_delete_auth_key, sctpx_delete_auth_key(h, 0, 1))
static void misuse_sctpx_delete_auth_key(void) { HANDLES(sctpx_delete_auth_key); }

HANDLE_CALL(sctpx_get_peer_auth_chunks, sctpx_get_peer_auth_chunks(h, 0, buf, 4))
static void misuse_sctpx_get_peer_auth_chunks(void) { HANDLES(sctpx_get_peer_auth_chunks); }

HANDLE_CALL(sctpx_get_local_auth_chunks, sctpx_get_local_auth_chunks(h, 0, buf, 4))
static void misuse_sctpx_get_local_auth_chunks(void) { HANDLES(sctpx_get_local_auth_chunks); }

/* The raw option calls: levels, lengths, and nothing written on failure. */
static size_t raw_len;

HANDLE_CALL(sctpx_getsockopt, (raw_len = 4, sctpx_getsockopt(h, SCTPX_LEVEL_SCTP, 3, buf, &raw_len)))
static void misuse_sctpx_getsockopt(void)
{
    size_t len;
    HANDLES(sctpx_getsockopt);
    len = 4;
    is(sctpx_getsockopt(tcp, SCTPX_LEVEL_SCTP, 3, buf, NULL), NUL, "sctpx_getsockopt: NULL length: SCTPX_ERR_NULL_POINTER");
    is(sctpx_getsockopt(tcp, SCTPX_LEVEL_SCTP, 3, NULL, &len), NUL, "sctpx_getsockopt: NULL buffer with length 4: SCTPX_ERR_NULL_POINTER");
    len = (size_t)1 << 20 | 1;
    is(sctpx_getsockopt(tcp, SCTPX_LEVEL_SCTP, 3, buf, &len), INVAL, "sctpx_getsockopt: length 1 MiB + 1: SCTPX_ERR_INVALID_ARGUMENT");
    len = 4;
    is(sctpx_getsockopt(tcp, 0 /* IPPROTO_IP */, 1, buf, &len), INVAL, "sctpx_getsockopt: level IPPROTO_IP: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_getsockopt(tcp, SCTPX_LEVEL_SCTP, -1, buf, &len), INVAL, "sctpx_getsockopt: option -1: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_getsockopt(tcp, SCTPX_LEVEL_SCTP, 111, buf, &len), INVAL, "sctpx_getsockopt: SCTP_SOCKOPT_CONNECTX3 (its buffer holds a pointer): SCTPX_ERR_INVALID_ARGUMENT");
    /* A kernel refusal leaves the buffer and the length alone. */
    memset(buf, 0x5a, 4);
    len = 2;
    is(sctpx_getsockopt(tcp, SCTPX_LEVEL_SCTP, 3 /* SCTP_NODELAY */, buf, &len), -EINVAL, "sctpx_getsockopt: SCTP_NODELAY into 2 bytes: -EINVAL");
    ok(len == 2 && buf[0] == 0x5a && buf[1] == 0x5a, "sctpx_getsockopt: ... and neither the buffer nor the length changed");
}

HANDLE_CALL(sctpx_setsockopt, sctpx_setsockopt(h, SCTPX_LEVEL_SCTP, 3, buf, 4))
static void misuse_sctpx_setsockopt(void)
{
    HANDLES(sctpx_setsockopt);
    is(sctpx_setsockopt(tcp, SCTPX_LEVEL_SCTP, 3, NULL, 4), NUL, "sctpx_setsockopt: NULL buffer with length 4: SCTPX_ERR_NULL_POINTER");
    is(sctpx_setsockopt(tcp, SCTPX_LEVEL_SCTP, 3, buf, ((size_t)1 << 20) + 1), INVAL, "sctpx_setsockopt: length 1 MiB + 1: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_setsockopt(tcp, 41 /* IPPROTO_IPV6 */, 26, buf, 4), INVAL, "sctpx_setsockopt: level IPPROTO_IPV6: SCTPX_ERR_INVALID_ARGUMENT");
    is(sctpx_setsockopt(tcp, SCTPX_LEVEL_SOCKET, 26 /* SO_ATTACH_FILTER */, buf, 16), INVAL, "sctpx_setsockopt: SO_ATTACH_FILTER (its buffer holds a pointer): SCTPX_ERR_INVALID_ARGUMENT");
}

#define ENTRY(f) {#f, misuse_##f}
static const struct entry {
    const char *name;
    void (*run)(void);
} table[] = {
    ENTRY(sctpx_version),        ENTRY(sctpx_strerror),        ENTRY(sctpx_open_tcp),
    ENTRY(sctpx_open_udp),        ENTRY(sctpx_open),            ENTRY(sctpx_adopt_fd),
    ENTRY(sctpx_close),
    ENTRY(sctpx_fileno),
    ENTRY(sctpx_kind),            ENTRY(sctpx_bind),            ENTRY(sctpx_bindx),
    ENTRY(sctpx_listen),          ENTRY(sctpx_accept),          ENTRY(sctpx_connect),
    ENTRY(sctpx_connectx),        ENTRY(sctpx_peeloff),         ENTRY(sctpx_shutdown),
    ENTRY(sctpx_abort),           ENTRY(sctpx_abort_and_close), ENTRY(sctpx_connect_result),
    ENTRY(sctpx_backend),         ENTRY(sctpx_backend_available), ENTRY(sctpx_set_default_backend),
    ENTRY(sctpx_default_backend), ENTRY(sctpx_set_udp_port),    ENTRY(sctpx_udp_port),
    ENTRY(sctpx_set_udp_remote_port), ENTRY(sctpx_udp_remote_port),
    ENTRY(sctpx_getpaddrs),       ENTRY(sctpx_getladdrs),
    ENTRY(sctpx_send_stream),     ENTRY(sctpx_send),            ENTRY(sctpx_send_batch),
    ENTRY(sctpx_next_event),      ENTRY(sctpx_next_event_with_next_info), ENTRY(sctpx_recv_batch),      ENTRY(sctpx_subscribe),
    ENTRY(sctpx_subscribed),      ENTRY(sctpx_get_option),      ENTRY(sctpx_set_option),
    ENTRY(sctpx_get_rtoinfo),     ENTRY(sctpx_set_rtoinfo),     ENTRY(sctpx_get_assocparams),
    ENTRY(sctpx_set_assocparams), ENTRY(sctpx_get_default_send_info),
    ENTRY(sctpx_set_default_send_info), {"sctpx_set_default_send_info", misuse_default_send_info_flags},
    ENTRY(sctpx_get_delayed_sack), ENTRY(sctpx_set_delayed_sack),
    ENTRY(sctpx_get_initmsg),     ENTRY(sctpx_set_initmsg),     ENTRY(sctpx_get_paddrparams),
    ENTRY(sctpx_set_paddrparams), ENTRY(sctpx_get_status),      ENTRY(sctpx_get_paddrinfo),
    ENTRY(sctpx_get_assoc_stats), ENTRY(sctpx_get_assoc_ids),   ENTRY(sctpx_set_primary),
    ENTRY(sctpx_get_primary),     ENTRY(sctpx_set_peer_primary), ENTRY(sctpx_reset_streams),
    ENTRY(sctpx_reset_assoc),     ENTRY(sctpx_add_streams),
    ENTRY(sctpx_get_default_prinfo), ENTRY(sctpx_set_default_prinfo),
    {"sctpx_set_default_prinfo", misuse_default_prinfo_policy},
    ENTRY(sctpx_get_pr_assoc_status), ENTRY(sctpx_get_pr_stream_status),
    ENTRY(sctpx_get_stream_sched_value), ENTRY(sctpx_set_stream_sched_value),
    ENTRY(sctpx_getsockopt),
    ENTRY(sctpx_setsockopt),      ENTRY(sctpx_add_auth_chunk),  ENTRY(sctpx_set_hmac_idents),
    ENTRY(sctpx_get_hmac_idents), ENTRY(sctpx_set_auth_key),    ENTRY(sctpx_set_active_auth_key),
    ENTRY(sctpx_get_active_auth_key), ENTRY(sctpx_deactivate_auth_key), ENTRY(sctpx_delete_auth_key),
    ENTRY(sctpx_get_peer_auth_chunks), ENTRY(sctpx_get_local_auth_chunks),
    ENTRY(sctpx_get_paddrthlds),  ENTRY(sctpx_set_paddrthlds),  ENTRY(sctpx_send_setup),
    ENTRY(sctpx_get_paddr_udp_port), ENTRY(sctpx_set_paddr_udp_port),
};

/* Every prototype of the header, by name (generated from sctpx.h). */
static const char *const header_functions[] = {
#define SCTPX_FN(f) #f,
#include "sctpx_functions.h"
#undef SCTPX_FN
};

int main(void)
{
    size_t i, j, n = sizeof table / sizeof table[0];
    int fds, missing = 0;

    addr_len = loopback4(0, &addr);
    for (i = 0; i < sizeof many / sizeof many[0]; i++)
        loopback4(0, &many[i]);
    msg.data = buf;
    msg.len = 4;

    must(sctpx_open_tcp(SCTPX_AF_INET, &tcp), "sctpx_open_tcp");
    must(sctpx_open_udp(SCTPX_AF_INET, &udp), "sctpx_open_udp");
    must(sctpx_open_tcp(SCTPX_AF_INET, &closed_h), "sctpx_open_tcp");
    must(sctpx_close(closed_h), "sctpx_close");
    must(sctpx_open_tcp(SCTPX_AF_INET, &listener), "sctpx_open_tcp");
    must(sctpx_bind(listener, (struct sockaddr *)&addr, addr_len), "sctpx_bind");
    must(sctpx_listen(listener, 4), "sctpx_listen");
    tcp_pair(SCTPX_AF_INET, &conn, &conn_peer);
    /* The peer's address, for the calls that name one. */
    must(sctpx_getpaddrs(conn, 0, &addr, 1), "sctpx_getpaddrs");
    fds = open_fds();

    for (i = 0; i < n; i++)
        table[i].run();

    is(open_fds(), fds, "no misuse left a descriptor open");
    for (i = 0; i < sizeof header_functions / sizeof header_functions[0]; i++) {
        for (j = 0; j < n && strcmp(table[j].name, header_functions[i]) != 0; j++)
            ;
        if (j == n) {
            diag("%s is in sctpx.h but not in the misuse table", header_functions[i]);
            missing++;
        }
    }
    ok(missing == 0, "the table covers all %d functions of sctpx.h", (int)(sizeof header_functions / sizeof header_functions[0]));
    return done_testing();
}
