/*
 * fork(): a child shares the parent's sockets, not its associations' fate.
 * A child that closes the handles it inherited (sctpx_close, even on a handle
 * a parent thread is blocked in) leaves the parent's associations, listeners
 * and blocked calls as they were; a child may use an inherited handle; and a
 * child forked while other threads open and close handles can use the
 * library (no lock is left held in it).
 *
 * Children report by exit status only (their TAP counter is a copy of the
 * parent's); the parent waits for each at most CHILD_MS and counts a child
 * still running then as deadlocked.
 */
#define _POSIX_C_SOURCE 200809L

#include <sctpx.h>

#include "testlib.h"

#include <errno.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/types.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

enum { CHILD_MS = 5000, STUCK_MS = 2000 };

/* How a child ended: its exit status, or -1 when it was still running after
 * CHILD_MS (it is killed then). */
static int wait_child(pid_t pid)
{
    const struct timespec tick = {0, 2 * 1000 * 1000};
    int64_t start = now_ms();
    int status;
    pid_t r;
    while ((r = waitpid(pid, &status, WNOHANG)) == 0 && now_ms() - start < CHILD_MS)
        nanosleep(&tick, NULL);
    if (r == 0) {
        kill(pid, SIGKILL);
        waitpid(pid, &status, 0);
        return -1;
    }
    return r == pid && WIFEXITED(status) ? WEXITSTATUS(status) : 128;
}

/* Forks a child that runs `child` and _exits with its result. */
static pid_t spawn(int (*child)(void *arg), void *arg)
{
    pid_t pid;
    /* Buffered output would be written twice, once by each process. */
    fflush(stdout);
    pid = fork();
    if (pid < 0)
        must(-errno, "fork");
    if (pid == 0)
        _exit(child(arg));
    return pid;
}

/* The next DATA message's length (a notification is an error here). */
static int32_t read_forever(bg_call *c)
{
    sctpx_event ev;
    uint8_t buf[64];
    int32_t n = sctpx_next_event(*(sctpx_handle *)c->arg, &ev, buf, sizeof buf, -1);
    return n >= 0 && ev.kind != SCTPX_EVENT_DATA ? SCTPX_ERR_INVALID_ARGUMENT : n;
}

static int32_t accept_one(bg_call *c)
{
    sctpx_handle out;
    int32_t rc = sctpx_accept(*(sctpx_handle *)c->arg, &out, NULL, NULL);
    if (rc == 0)
        sctpx_close(out);
    return rc;
}

/* The handles a child closes: 0 ends the list. */
static int close_all(void *arg)
{
    const sctpx_handle *h;
    int failed = 0;
    for (h = arg; *h; h++)
        failed |= sctpx_close(*h) != 0;
    return failed;
}

static const uint8_t after[] = "sent after the child exited";

/* `reader` (blocked on `h`) is still blocked, then gets the message `from`
 * sends now, on association `assoc` (0 on one-to-one). */
static void still_reads(const char *what, bg_call *reader, sctpx_handle from, sctpx_assoc_id assoc)
{
    ok(!bg_returned(reader), "%s: the parent's blocked reader is still blocked", what);
    if (!is(sctpx_send_stream(from, assoc, 1, 7, after, sizeof after), sizeof after,
            "%s: the peer can still send to the parent", what))
        return;
    if (ok(bg_wait(reader, STUCK_MS), "%s: ... and receives what the peer sends after the child exited", what))
        is(reader->rc, sizeof after, "%s: ... the whole message", what);
}

/* `from` can still send on its association, and `to` receives it. */
static void still_sends(const char *what, sctpx_handle from, sctpx_assoc_id assoc, sctpx_handle to)
{
    sctpx_event ev;
    uint8_t buf[64];
    is(sctpx_send_stream(from, assoc, 0, 0, (const uint8_t *)"reply", 5), 5, "%s: the parent's send succeeds", what);
    is(next_data(to, &ev, buf, sizeof buf), 5, "%s: ... and the peer receives it", what);
}

/* (a) A one-to-one association with a parent thread blocked reading on it;
 * the child sctp_closes both ends it inherited. */
static void child_closing_one_to_one_leaves_it_alone(void)
{
    static sctpx_handle both[3];
    static bg_call reader;
    sctpx_handle c, s;

    watchdog_step("a child closes an inherited one-to-one association");
    tcp_pair(SCTPX_AF_INET, &c, &s);
    both[0] = s;
    both[1] = c;
    bg_start(&reader, "sctpx_next_event", read_forever, &both[0]);
    is(wait_child(spawn(close_all, both)), 0, "one-to-one: a child sctp_closes both inherited ends and exits");
    still_reads("one-to-one", &reader, c, 0);
    still_sends("one-to-one", s, 0, c);
    sctpx_close(c);
    sctpx_close(s);
}

/* (b) Every kind at once, each with a blocked call in the parent: a
 * listener in accept, a one-to-many socket and a peeled-off one reading; the
 * child sctp_closes every handle it inherited. */
static void child_closing_every_handle_leaves_them_alone(void)
{
    static sctpx_handle all[8];
    static bg_call acceptor, many_reader, peeled_reader;
    struct sockaddr_storage ss;
    socklen_t len;
    sctpx_handle listener, newcomer, many, many_client, peel_server, peel_client, peeled;
    sctpx_assoc_id many_assoc, peel_assoc;

    watchdog_step("a child closes every handle it inherited");
    must(sctpx_open_tcp(SCTPX_AF_INET, &listener), "sctpx_open_tcp");
    len = loopback4(0, &ss);
    must(sctpx_bind(listener, (struct sockaddr *)&ss, len), "sctpx_bind");
    must(sctpx_listen(listener, 4), "sctpx_listen");
    udp_pair(&many, &many_client, &many_assoc);
    udp_pair(&peel_server, &peel_client, &peel_assoc);
    must(sctpx_peeloff(peel_server, peel_assoc, 0, &peeled), "sctpx_peeloff");
    all[0] = listener;
    all[1] = many;
    all[2] = many_client;
    all[3] = peel_server;
    all[4] = peel_client;
    all[5] = peeled;

    bg_launch(&acceptor, "sctpx_accept", accept_one, &all[0]);
    bg_launch(&many_reader, "sctpx_next_event (one-to-many)", read_forever, &all[1]);
    bg_launch(&peeled_reader, "sctpx_next_event (peeled-off)", read_forever, &all[5]);
    bg_settle();

    is(wait_child(spawn(close_all, all)), 0, "every kind: a child sctp_closes all six inherited handles and exits");

    ok(!bg_returned(&acceptor), "listener: the parent's blocked accept is still blocked");
    must(sctpx_open_tcp(SCTPX_AF_INET, &newcomer), "sctpx_open_tcp");
    len = loopback4(local_port(listener), &ss);
    is(sctpx_connect(newcomer, (struct sockaddr *)&ss, len), 0,
       "listener: a new client connects to the parent's listener");
    if (ok(bg_wait(&acceptor, STUCK_MS), "listener: ... and the parent's accept takes it"))
        is(acceptor.rc, 0, "listener: ... successfully");
    sctpx_close(newcomer);

    still_reads("one-to-many", &many_reader, many_client, 0);
    still_sends("one-to-many", many, many_assoc, many_client);
    still_reads("peeled-off", &peeled_reader, peel_client, 0);
    still_sends("peeled-off", peeled, 0, peel_client);
    close_all(all);
}

/* (d) The child sends on an inherited handle; the peer, in the parent,
 * receives it. */
static const uint8_t from_child[] = "from the child";

static int send_from_child(void *arg)
{
    int32_t rc = sctpx_send_stream(*(sctpx_handle *)arg, 0, 0, 0, from_child, sizeof from_child);
    return rc == (int32_t)sizeof from_child ? 0 : 1;
}

static void child_can_send_on_an_inherited_handle(void)
{
    sctpx_handle c, s;
    sctpx_event ev;
    uint8_t buf[64];

    watchdog_step("a child sends on an inherited handle");
    tcp_pair(SCTPX_AF_INET, &c, &s);
    is(wait_child(spawn(send_from_child, &c)), 0, "a child sends on the handle it inherited");
    ok(next_data(s, &ev, buf, sizeof buf) == sizeof from_child && memcmp(buf, from_child, sizeof from_child) == 0,
       "... and the peer receives the message");
    sctpx_close(c);
    sctpx_close(s);
}

/* (c) Children forked while other threads open and close handles: the
 * handle table's lock may be held at the fork. */
static int churning = 1;

static void *churn(void *arg)
{
    sctpx_handle h;
    (void)arg;
    while (__atomic_load_n(&churning, __ATOMIC_RELAXED)) {
        if (sctpx_open_udp(SCTPX_AF_INET, &h) == 0)
            sctpx_close(h);
    }
    return NULL;
}

static int open_use_close(void *arg)
{
    sctpx_handle h;
    (void)arg;
    if (sctpx_open_tcp(SCTPX_AF_INET, &h) != 0)
        return 2;
    if (sctpx_kind(h) != SCTPX_KIND_ONE_TO_ONE)
        return 3;
    return sctpx_close(h) == 0 ? 0 : 4;
}

static void children_forked_amid_opens_and_closes_can_use_the_library(void)
{
    enum { CHILDREN = 60, CHURNERS = 2 };
    pthread_t churners[CHURNERS];
    int i, clean = 0, deadlocked = 0, rc;

    watchdog_step("children forked while threads open and close handles");
    for (i = 0; i < CHURNERS; i++)
        pthread_create(&churners[i], NULL, churn, NULL);
    for (i = 0; i < CHILDREN; i++) {
        rc = wait_child(spawn(open_use_close, NULL));
        clean += rc == 0;
        deadlocked += rc == -1;
    }
    __atomic_store_n(&churning, 0, __ATOMIC_RELAXED);
    for (i = 0; i < CHURNERS; i++)
        pthread_join(churners[i], NULL);
    is(deadlocked, 0, "none of %d children forked amid opens and closes hangs in the library (%d s each)", CHILDREN,
       CHILD_MS / 1000);
    is(clean, CHILDREN, "... each one opens, uses and closes a handle");
}

int main(void)
{
    watchdog(120);
    child_closing_one_to_one_leaves_it_alone();
    child_closing_every_handle_leaves_them_alone();
    child_can_send_on_an_inherited_handle();
    children_forked_amid_opens_and_closes_can_use_the_library();
    return done_testing();
}
