/*
 * The C ABI on the userspace backend with its UDP port under attack (issue 13 item 8), built
 * with AddressSanitizer and UBSan by `make hostile` and run by tests/hostile/run next to
 * `hostile_udp --attack` (examples/hostile_udp.rs), which sends the attacks from another
 * process. Host only: no VM, no kernel SCTP.
 *
 *   hostile_udp SERVER_PORT CLIENT_PORT SECONDS
 *
 * with SCTPX_BACKEND=userspace, SCTPX_UDP_PORT=P and SCTPX_UDP_REMOTE_PORT=P in the
 * environment. Sets up a one-to-one association over 127.0.0.1 (server on SERVER_PORT, client
 * on CLIENT_PORT: the attacker is told both), prints "# ready" once it is up, then for SECONDS
 * sends messages to a server thread that echoes them, checking each one's payload, stream and
 * PPID; then more messages after the attack, the association's state, descriptors, and a clean
 * shutdown. TAP on stdout.
 *
 * What ASan sees: this program and, since it replaces malloc/free for the whole process, every
 * heap block libsctpx and usrsctp allocate (double and invalid frees, and overflows through the
 * intercepted memcpy/memmove/memset). Plain loads and stores inside libsctpx (Rust, built
 * without instrumentation) and inside libusrsctp (Debian's build) are not checked.
 */
#define _POSIX_C_SOURCE 200809L
#include "testlib.h"

#include <stdatomic.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

/* Longest message: several DATA chunks (usrsctp fragments at its path MTU). */
#define MAX_MESSAGE 4000
#define STREAMS 4
/* How long one message may take to come back while the port is under attack. */
#define MESSAGE_WAIT_MS 10000
/* The usrsctp bug the attack meets (see examples/hostile_udp.rs, TODO_PORT). */
#define PORT_BUG                                                                                  \
  "usrsctp bug: packets with the association's addresses and ports but a wrong verification tag " \
  "change its remote UDP port (sctp_input.c sets net->port before the tag check)"

/* Message n's stream, PPID and payload, as examples/hostile_udp.rs makes them. */
static size_t message(uint32_t n, uint16_t *stream, uint32_t *ppid, uint8_t *payload) {
  size_t len = 1 + ((size_t)n * 997) % MAX_MESSAGE;
  for (size_t i = 0; i < len; i++) payload[i] = (uint8_t)(n * 31 + i * 7);
  *stream = (uint16_t)(n % STREAMS);
  *ppid = 0x40000000u | n;
  return len;
}

static sctpx_handle server_conn;
static atomic_int closing;
/* The server thread's verdict: 0 until it ends; 1 clean end of stream, else a negative code
 * or -1 for an unexpected notification. */
static atomic_int server_result;
static atomic_long echoed;

/* Receives the next data message; SCTPX_ERR_EOF at end of stream. A notification other than
 * the first COMM_UP (and, once closing, SHUTDOWN and SHUTDOWN_COMP) is an error (-1): an attack
 * that aborted or restarted the association shows up here. */
static int32_t recv_data(sctpx_handle h, sctpx_event *ev, uint8_t *buf, int *comm_up_seen, int patient) {
  for (;;) {
    int32_t rc = sctpx_next_event(h, ev, buf, MAX_MESSAGE + 1, MESSAGE_WAIT_MS);
    if (rc == SCTPX_ERR_TIMED_OUT && patient && !atomic_load(&closing)) continue;
    if (rc < 0) return rc;
    if (ev->kind == SCTPX_EVENT_DATA) return (ev->flags & SCTPX_EVENT_FLAG_COMPLETE) ? rc : -1;
    if (ev->kind == SCTPX_EVENT_ASSOC_CHANGE && ev->assoc_change.state == SCTPX_COMM_UP && !*comm_up_seen) {
      *comm_up_seen = 1;
      continue;
    }
    if (atomic_load(&closing) && ev->kind == SCTPX_EVENT_SHUTDOWN) continue;
    if (atomic_load(&closing) && ev->kind == SCTPX_EVENT_ASSOC_CHANGE &&
        ev->assoc_change.state == SCTPX_SHUTDOWN_COMP)
      return SCTPX_ERR_EOF;
    diag("unexpected event kind %u (assoc change state %u)", ev->kind, ev->assoc_change.state);
    return -1;
  }
}

static void *echo(void *arg) {
  (void)arg;
  uint8_t *buf = malloc(MAX_MESSAGE + 1);
  sctpx_event ev;
  int comm_up_seen = 0;
  int32_t rc;
  while ((rc = recv_data(server_conn, &ev, buf, &comm_up_seen, 1)) >= 0) {
    int32_t sent = sctpx_send_stream(server_conn, 0, ev.stream, ev.ppid, buf, (size_t)rc);
    if (sent != rc) {
      diag("server: send: %d", sent);
      rc = sent < 0 ? sent : -1;
      break;
    }
    atomic_fetch_add(&echoed, 1);
  }
  free(buf);
  atomic_store(&server_result, rc == SCTPX_ERR_EOF ? 1 : rc);
  return NULL;
}

/* Sends message n and checks that it comes back intact (late echoes of earlier messages are
 * passed over). 0 or a negative code / -1. */
static int32_t round_trip(sctpx_handle h, uint32_t n, uint8_t *want, uint8_t *buf, int *comm_up_seen) {
  uint16_t stream;
  uint32_t ppid;
  size_t len = message(n, &stream, &ppid, want);
  int32_t rc = sctpx_send_stream(h, 0, stream, ppid, want, len);
  if (rc != (int32_t)len) {
    diag("client: send %u: %d", n, rc);
    return rc < 0 ? rc : -1;
  }
  sctpx_event ev;
  do {
    rc = recv_data(h, &ev, buf, comm_up_seen, 0);
    if (rc < 0) {
      char why[128];
      sctpx_strerror(rc, why, sizeof why);
      diag("client: receive %u: %d (%s)", n, rc, why);
      return rc;
    }
  } while (ev.ppid < ppid && (ev.ppid & 0x40000000u));
  if ((size_t)rc != len || ev.stream != stream || ev.ppid != ppid || memcmp(buf, want, len) != 0) {
    diag("client: message %u came back changed (len %d stream %u ppid %#x)", n, rc, ev.stream, ev.ppid);
    return -1;
  }
  return 0;
}

int main(int argc, char **argv) {
  if (argc != 4) {
    fprintf(stderr, "usage: %s SERVER_PORT CLIENT_PORT SECONDS\n", argv[0]);
    return 2;
  }
  uint16_t server_port = (uint16_t)atoi(argv[1]), client_port = (uint16_t)atoi(argv[2]);
  int64_t seconds = atoi(argv[3]);
  setvbuf(stdout, NULL, _IOLBF, 0);

  sctpx_handle listener, client;
  struct sockaddr_storage ss;
  socklen_t len;
  must(sctpx_open_tcp(SCTPX_AF_INET, &listener), "open (userspace backend: SCTPX_BACKEND=userspace)");
  must(sctpx_open_tcp(SCTPX_AF_INET, &client), "open");
  len = loopback4(server_port, &ss);
  must(sctpx_bind(listener, (struct sockaddr *)&ss, len), "bind the server");
  must(sctpx_listen(listener, 8), "listen");
  len = loopback4(client_port, &ss);
  must(sctpx_bind(client, (struct sockaddr *)&ss, len), "bind the client");
  sctpx_handle both[2] = {listener, client};
  for (int i = 0; i < 2; i++) {
    must(sctpx_subscribe(both[i], SCTPX_EVENT_ASSOC_CHANGE, 1), "subscribe");
    must(sctpx_subscribe(both[i], SCTPX_EVENT_SHUTDOWN, 1), "subscribe");
    /* One message in flight at a time: without NODELAY each waits for the delayed SACK. */
    must(sctpx_set_option(both[i], 0, SCTPX_OPT_NODELAY, 1), "SCTP_NODELAY");
  }
  len = loopback4(server_port, &ss);
  must(sctpx_connect(client, (struct sockaddr *)&ss, len), "connect");
  must(sctpx_accept(listener, &server_conn, NULL, NULL), "accept");
  pthread_t server_thread;
  if (pthread_create(&server_thread, NULL, echo, NULL) != 0) must(-1, "pthread_create");

  uint8_t *want = malloc(MAX_MESSAGE), *buf = malloc(MAX_MESSAGE + 1);
  int comm_up_seen = 0;
  uint32_t n = 0;
  int32_t rc = 0;
  for (; n < 200 && rc == 0; n++) rc = round_trip(client, n, want, buf, &comm_up_seen);
  must(rc, "warm-up round trips");
  int fds_before = open_fds();
  diag("ready: association 127.0.0.1:%u -> 127.0.0.1:%u", client_port, server_port);

  int64_t start = now_ms(), end = start + seconds * 1000;
  uint32_t first = n;
  while (now_ms() < end && rc == 0) rc = round_trip(client, n++, want, buf, &comm_up_seen);
  double elapsed = (double)(now_ms() - start) / 1000;
  /* Garbage packets carry the association's ports with random tags: usrsctp then may send the
   * association's packets to the attacker's UDP port for a while (sctp_input.c sets net->port
   * before the tag check), seen as a round trip that never comes. The checks after stay strict. */
  int during_ok = rc == 0 && n - first >= elapsed;
  todo(during_ok, PORT_BUG,
     "C ABI: during the attack %u messages went to the server and back with payload, stream and PPID intact, and "
     "no notification came (%.0f/s over %.1f s; at least 1/s needed)",
     n - first, (n - first) / elapsed, elapsed);

  rc = 0;
  first = n;
  for (; n - first < 100 && rc == 0; n++) rc = round_trip(client, n, want, buf, &comm_up_seen);
  ok(rc == 0, "C ABI: after the attack 100 more messages on %d streams went to the server and back intact (%ld echoed)",
     STREAMS, atomic_load(&echoed));

  sctpx_status st;
  rc = sctpx_get_status(client, 0, &st);
  ok(rc == 0 && st.state == SCTPX_STATE_ESTABLISHED, "C ABI: the association is still ESTABLISHED (rc %d, state %d)",
     rc, rc == 0 ? st.state : -1);
  int fds_after = open_fds();
  is(fds_after, fds_before, "C ABI: no descriptor leaked over the attack (%d before, %d after)", fds_before,
     fds_after);

  atomic_store(&closing, 1);
  sctpx_close(client);
  pthread_join(server_thread, NULL);
  if (during_ok)
    is(atomic_load(&server_result), 1, "C ABI: closing the client shut the association down cleanly (end of stream)");
  else
    todo(atomic_load(&server_result) == 1, PORT_BUG,
         "C ABI: closing the client shut the association down cleanly (end of stream)");
  sctpx_close(server_conn);
  sctpx_close(listener);
  free(want);
  free(buf);
  return done_testing();
}
