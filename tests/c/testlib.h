/*
 * A tiny TAP producer and the SCTP fixtures the sctpx C tests share.
 *
 * Each test program prints "ok N - what" / "not ok N - what" lines and a
 * "1..N" plan at the end, and exits 1 when anything failed (tests/run-all
 * counts the lines). A fixture that cannot be set up (no socket, no
 * association) is itself a failure: the program prints why and exits, it
 * never skips.
 */
#ifndef SCTPX_TESTLIB_H
#define SCTPX_TESTLIB_H

#include <sctpx.h>

#include <pthread.h>
#include <semaphore.h>
#include <stdint.h>

/* Records one test result; returns `pass`. */
int ok(int pass, const char *fmt, ...) __attribute__((format(printf, 2, 3)));
/* A check a known bug elsewhere fails (`why`): reported, not counted as a failure (TAP TODO). */
int todo(int pass, const char *why, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Passes when got == want; on failure prints both (and, for negative codes,
 * what sctpx_strerror says about them). */
#define is(got, want, ...) is_impl((int64_t)(got), (int64_t)(want), __VA_ARGS__)
int is_impl(int64_t got, int64_t want, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* Passes when the two NUL-terminated strings are equal. */
int is_str(const char *got, const char *want, const char *fmt, ...) __attribute__((format(printf, 3, 4)));

/* A "# ..." comment line in the TAP output. */
void diag(const char *fmt, ...) __attribute__((format(printf, 1, 2)));

/* Prints the plan; the return value is the exit status for main(). */
int done_testing(void);

/* For fixtures: a negative rc ends the program as a failed test. */
int32_t must(int32_t rc, const char *what);

/* 127.0.0.1:port / ::1:port; returns the address length. */
socklen_t loopback4(uint16_t port, struct sockaddr_storage *ss);
socklen_t loopback6(uint16_t port, struct sockaddr_storage *ss);

/* An IPv4 address from its text; returns the address length. */
socklen_t ipv4(const char *ip, uint16_t port, struct sockaddr_storage *ss);

/* "127.0.0.1:5000" or "[::1]:5000", in one of four rotating buffers. */
const char *addr_text(const struct sockaddr_storage *ss);

/* The port of a socket's first bound address. */
uint16_t local_port(sctpx_handle h);

/* A one-to-one association over loopback of `family` (SCTPX_AF_INET or
 * SCTPX_AF_INET6): *client connected, *server accepted. */
void tcp_pair(int32_t family, sctpx_handle *client, sctpx_handle *server);

/* A one-to-many server with one association from a one-to-one *client;
 * *assoc is the association's id on the server's side. */
void udp_pair(sctpx_handle *server, sctpx_handle *client, sctpx_assoc_id *assoc);

/* As tcp_pair and udp_pair, with SO_SNDBUF and SO_RCVBUF of every socket set
 * to `bytes` before the association is set up, so that a few messages fill
 * them (0: the defaults). */
void tcp_pair_buffers(int32_t family, int64_t bytes, sctpx_handle *client, sctpx_handle *server);
void udp_pair_buffers(int64_t bytes, sctpx_handle *server, sctpx_handle *client, sctpx_assoc_id *assoc);

/* The next DATA event, waiting at most 5 s; notifications are skipped.
 * Returns its length or a negative code. */
int32_t next_data(sctpx_handle h, sctpx_event *ev, uint8_t *buf, size_t cap);

/* Milliseconds on the monotonic clock. */
int64_t now_ms(void);

/* How many descriptors this process has open (for leak checks). */
int open_fds(void);

/* Opens and closes one socket. The userspace backend starts its stack on the
 * first socket, and the stack keeps descriptors of its own (its UDP and raw
 * sockets) until the process ends: a leak check's open_fds() taken after
 * this counts only what sctpx opens and must release. (Nothing stays open on
 * kernel SCTP.) */
void start_backend(void);

/* A listener (a plain socket, returned; close it) on 127.0.0.1 whose address
 * goes to *ss and *len, and that never answers: its filter drops every packet
 * before SCTP sees it, so an INIT sent to it goes unanswered and the
 * connecting side keeps retransmitting it for minutes. */
int silent_listener(struct sockaddr_storage *ss, socklen_t *len);

/* Makes h's set-ups give up on an unanswered INIT after about 500 ms instead
 * of minutes: 2 retransmissions (SCTP_INITMSG), RTO 100 to 200 ms
 * (SCTP_RTOINFO); connect_result's judgment sees an INIT schedule of 300 ms. */
void fast_init_timeout(sctpx_handle h);

/* A call made on a thread of its own, so that the main thread can act
 * (close the handle, fork, ...) while the call blocks. */
typedef struct bg_call bg_call;
struct bg_call {
    const char *what;            /* names the call in messages */
    int32_t (*fn)(bg_call *c);   /* makes the call; its result goes to rc */
    void *arg;                   /* for fn */
    int32_t rc;                  /* what the call returned */
    int64_t returned_ms;         /* now_ms() when it returned */
    sem_t started, returned;
    pthread_t thread;
};

/* Runs fn(c) on a new thread, with c->what and c->arg set as given, and
 * returns once that thread is about to make the call. */
void bg_launch(bg_call *c, const char *what, int32_t (*fn)(bg_call *c), void *arg);

/* Pauses 50 ms, for calls just launched to get inside (there is no way to
 * await "blocked in the kernel"; bg_returned tells whether one returned
 * instead). */
void bg_settle(void);

/* bg_launch, then bg_settle. */
void bg_start(bg_call *c, const char *what, int32_t (*fn)(bg_call *c), void *arg);

/* Whether the call has returned (without waiting). */
int bg_returned(bg_call *c);

/* Waits up to `ms` for the call to return: 1 when it has (its thread is
 * joined), 0 when it is still blocked (its thread is left to itself). */
int bg_wait(bg_call *c, int ms);

/* A hang must be a failure, not a stuck test run: after `seconds` the program
 * prints "not ok - watchdog: ..." naming the step it was in (watchdog_step)
 * and exits 1. */
void watchdog(unsigned seconds);

/* What the program is doing now, for the watchdog's message (a string that
 * stays valid: a literal). */
void watchdog_step(const char *what);

#endif /* SCTPX_TESTLIB_H */
