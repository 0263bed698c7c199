/*
 * benches/c/user.c - the userspace-backend benchmark driver of `make bench` (issue 13 item 7),
 * run on the HOST (no VM): usrsctp in this one process, SCTP over UDP over 127.0.0.1.
 *
 *   usrsctp           usrsctp's own API, blocking sockets: usrsctp_sendv (SCTP_SENDV_SNDINFO) /
 *                     usrsctp_recvv (SCTP_RECVV_RCVINFO) - the limit
 *   sctpx_user        sctpx's C ABI on the userspace backend: sctpx_send_stream / sctpx_next_event
 *   sctpx_user_batch  sctpx_send_batch / sctpx_recv_batch, 32 messages per call
 *
 * Usage: user alt CASE:BLOCK[,...] ROUNDS VARIANT...   (as raw.c's alt: CASE tput/SIZE or rr/100; one
 * "B CASE VARIANT ROUND COUNT SECONDS P50_US" line per block, variants alternating in blocks,
 * each on its own association, all set up before timing)
 *
 * One stack: this program links libusrsctp.so.2 and sctpx dlopens the same soname, which returns
 * the library already loaded, so both variants run on one usrsctp instance (one set of threads,
 * one UDP port). usrsctp_init must run once: sctpx's stack start calls it, so the first thing
 * this program does is open an sctpx socket, and only then usrsctp_socket. The local UDP port is
 * SCTPX_UDP_PORT, or a free one found here (another process may hold 9899).
 *
 * Settings, every variant: NODELAY 1, delayed SACK {delay 0, freq 1}, RCVINFO on (sctpx turns it
 * on itself), default buffers, stream 0, PPID 42.
 */
#define _GNU_SOURCE
#define SCTPX_NO_SCTP_NAMES
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <time.h>
#include <unistd.h>
#include <usrsctp.h>

#include "sctpx.h"

#define BATCH 32
#define PPID 42

enum variant { V_USRSCTP, V_SCTPX, V_SCTPX_BATCH };
static const char *vnames[] = {"usrsctp", "sctpx_user", "sctpx_user_batch"};

static void die(const char *what, long code) {
  fprintf(stderr, "user: %s failed: %ld (%s)\n", what, code, code < 0 && code > -4096 ? strerror((int)-code) : "");
  exit(1);
}
#define CHECK(x) do { long r_ = (long)(x); if (r_ < 0) die(#x, r_ == -1 ? -errno : r_); } while (0)
#define CHECKX(x) do { long r_ = (long)(x); if (r_ < 0) die(#x, r_); } while (0)

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

static int cmpd(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return a < b ? -1 : a > b;
}

static struct sockaddr_in loopback(uint16_t port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

/* One endpoint: a usrsctp socket or an sctpx handle. */
struct ep {
  struct socket *so;
  sctpx_handle h;
};

static void u_settings(struct socket *so) {
  int one = 1;
  /* Over UDP to this process's own port, as sctpx's sockets (SCTPX_UDP_REMOTE_PORT): without it
   * usrsctp sends plain SCTP on its raw socket (as root), which every other usrsctp process on
   * the host receives too, and answers with ABORT. */
  struct sctp_udpencaps enc;
  memset(&enc, 0, sizeof enc);
  /* 0.0.0.0: every peer address (a connected socket refuses family 0 with EAFNOSUPPORT). */
  ((struct sockaddr_in *)&enc.sue_address)->sin_family = AF_INET;
  enc.sue_assoc_id = SCTP_FUTURE_ASSOC;
  enc.sue_port = htons((uint16_t)atoi(getenv("SCTPX_UDP_PORT")));
  CHECK(usrsctp_setsockopt(so, IPPROTO_SCTP, SCTP_REMOTE_UDP_ENCAPS_PORT, &enc, sizeof enc));
  CHECK(usrsctp_setsockopt(so, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one));
  CHECK(usrsctp_setsockopt(so, IPPROTO_SCTP, SCTP_RECVRCVINFO, &one, sizeof one));
  struct sctp_sack_info sack = {.sack_assoc_id = SCTP_FUTURE_ASSOC, .sack_delay = 0, .sack_freq = 1};
  CHECK(usrsctp_setsockopt(so, IPPROTO_SCTP, SCTP_DELAYED_SACK, &sack, sizeof sack));
}

static void x_settings(sctpx_handle h) {
  CHECKX(sctpx_set_option(h, 0, SCTPX_OPT_NODELAY, 1));
  sctpx_sack_info sack = {.assoc_id = 0, .delay = 0, .freq = 1};
  CHECKX(sctpx_set_delayed_sack(h, &sack));
}

/* usrsctp's SCTP ports are its own (not the host's): each direct pair listens on its own. */
static uint16_t next_usrsctp_port = 20000;

/* A connected one-to-one pair: *a the client, *b the accepted end. */
static void make_pair(enum variant v, struct ep *a, struct ep *b) {
  memset(a, 0, sizeof *a);
  memset(b, 0, sizeof *b);
  if (v == V_USRSCTP) {
    struct socket *l = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
    if (!l) die("usrsctp_socket", -errno);
    u_settings(l);
    struct sockaddr_in srv = loopback(next_usrsctp_port++);
    CHECK(usrsctp_bind(l, (struct sockaddr *)&srv, sizeof srv));
    CHECK(usrsctp_listen(l, 16));
    struct socket *c = usrsctp_socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP, NULL, NULL, 0, NULL);
    if (!c) die("usrsctp_socket", -errno);
    u_settings(c);
    CHECK(usrsctp_connect(c, (struct sockaddr *)&srv, sizeof srv));
    struct socket *s = usrsctp_accept(l, NULL, NULL);
    if (!s) die("usrsctp_accept", -errno);
    usrsctp_close(l);
    u_settings(s);
    u_settings(c);
    a->so = c;
    b->so = s;
  } else {
    sctpx_handle l, c, s;
    CHECKX(sctpx_open_tcp(SCTPX_AF_INET, &l));
    x_settings(l);
    struct sockaddr_in any = loopback(0);
    CHECKX(sctpx_bind(l, (struct sockaddr *)&any, sizeof any));
    CHECKX(sctpx_listen(l, 16));
    struct sockaddr_storage la;
    CHECKX(sctpx_getladdrs(l, 0, &la, 1));
    struct sockaddr_in srv = loopback(ntohs(((struct sockaddr_in *)&la)->sin_port));
    CHECKX(sctpx_open_tcp(SCTPX_AF_INET, &c));
    x_settings(c);
    CHECKX(sctpx_connect(c, (struct sockaddr *)&srv, sizeof srv));
    CHECKX(sctpx_accept(l, &s, NULL, NULL));
    sctpx_close(l);
    x_settings(s);
    x_settings(c);
    a->h = c;
    b->h = s;
  }
}

static void send_one(enum variant v, struct ep *e, const uint8_t *buf, size_t len) {
  if (v == V_USRSCTP) {
    struct sctp_sndinfo si;
    memset(&si, 0, sizeof si);
    si.snd_ppid = htonl(PPID);
    ssize_t n = usrsctp_sendv(e->so, buf, len, NULL, 0, &si, sizeof si, SCTP_SENDV_SNDINFO, 0);
    if (n != (ssize_t)len) die("usrsctp_sendv", n < 0 ? -errno : n);
  } else {
    int32_t n = sctpx_send_stream(e->h, 0, 0, PPID, buf, len);
    if (n != (int32_t)len) die("sctpx_send_stream", n);
  }
}

/* Returns 1 when a whole message (MSG_EOR) ended, 0 for a piece. */
static int recv_one(enum variant v, struct ep *e, uint8_t *buf, size_t cap) {
  if (v == V_USRSCTP) {
    struct sctp_rcvinfo ri;
    socklen_t ril = sizeof ri;
    unsigned int type = 0;
    int flags = 0;
    struct sockaddr_in from;
    socklen_t froml = sizeof from;
    ssize_t n = usrsctp_recvv(e->so, buf, cap, (struct sockaddr *)&from, &froml, &ri, &ril, &type, &flags);
    if (n <= 0) die("usrsctp_recvv", n < 0 ? -errno : -10008);
    if (flags & MSG_NOTIFICATION) die("usrsctp_recvv: unexpected notification", 0);
    if (type != SCTP_RECVV_RCVINFO || ntohl(ri.rcv_ppid) != PPID) die("usrsctp_recvv: rcvinfo/ppid", type);
    return (flags & MSG_EOR) != 0;
  }
  sctpx_event ev;
  int32_t n = sctpx_next_event(e->h, &ev, buf, cap, -1);
  if (n < 0) die("sctpx_next_event", n);
  if (ev.kind != SCTPX_EVENT_DATA || ev.ppid != PPID) die("sctpx_next_event: kind/ppid", ev.kind);
  return (ev.flags & SCTPX_EVENT_FLAG_COMPLETE) != 0;
}

struct job {
  enum variant v;
  struct ep *e;
  size_t size;
  long count;
  double t0, t1;
  pthread_barrier_t *bar;
};

static void *sender(void *p) {
  struct job *j = p;
  uint8_t *buf = calloc(1, j->size);
  memset(buf, 'x', j->size);
  pthread_barrier_wait(j->bar);
  j->t0 = now();
  if (j->v == V_SCTPX_BATCH) {
    sctpx_send_msg msgs[BATCH];
    memset(msgs, 0, sizeof msgs);
    for (int i = 0; i < BATCH; i++) {
      msgs[i].data = buf;
      msgs[i].len = j->size;
      msgs[i].info.ppid = PPID;
    }
    for (long sent = 0; sent < j->count;) {
      long want = j->count - sent < BATCH ? j->count - sent : BATCH;
      int32_t n = sctpx_send_batch(j->e->h, msgs, (size_t)want);
      if (n <= 0) die("sctpx_send_batch", n == 0 ? -10005 : n);
      sent += n;
    }
  } else {
    for (long i = 0; i < j->count; i++) send_one(j->v, j->e, buf, j->size);
  }
  free(buf);
  return NULL;
}

static void *receiver(void *p) {
  struct job *j = p;
  pthread_barrier_wait(j->bar);
  long got = 0;
  if (j->v == V_SCTPX_BATCH) {
    size_t stride = j->size < 2048 ? 2048 : j->size;
    uint8_t *bufs = malloc(stride * BATCH);
    sctpx_event evs[BATCH];
    while (got < j->count) {
      int32_t n = sctpx_recv_batch(j->e->h, evs, BATCH, bufs, stride, -1);
      if (n <= 0) die("sctpx_recv_batch", n == 0 ? -10005 : n);
      for (int i = 0; i < n; i++) {
        if (evs[i].kind != SCTPX_EVENT_DATA || evs[i].ppid != PPID) die("sctpx_recv_batch: kind/ppid", evs[i].kind);
        if (evs[i].flags & SCTPX_EVENT_FLAG_COMPLETE) got++;
      }
    }
    free(bufs);
  } else {
    size_t cap = j->size < 65536 ? 65536 : j->size;
    uint8_t *buf = malloc(cap);
    while (got < j->count) got += recv_one(j->v, j->e, buf, cap);
    free(buf);
  }
  j->t1 = now();
  return NULL;
}

static double tput_block(enum variant v, struct ep *a, struct ep *b, size_t size, long count) {
  pthread_barrier_t bar;
  pthread_barrier_init(&bar, NULL, 2);
  struct job js = {v, a, size, count, 0, 0, &bar}, jr = {v, b, size, count, 0, 0, &bar};
  pthread_t ts, tr;
  pthread_create(&tr, NULL, receiver, &jr);
  pthread_create(&ts, NULL, sender, &js);
  pthread_join(ts, NULL);
  pthread_join(tr, NULL);
  pthread_barrier_destroy(&bar);
  return jr.t1 - js.t0;
}

static void *echo(void *p) {
  struct job *j = p;
  uint8_t buf[2048];
  pthread_barrier_wait(j->bar);
  for (long i = 0; i < j->count; i++) {
    while (!recv_one(j->v, j->e, buf, sizeof buf)) {
    }
    send_one(j->v, j->e, buf, j->size);
  }
  return NULL;
}

static double rr_block(enum variant v, struct ep *a, struct ep *b, long count, double *p50) {
  pthread_barrier_t bar;
  pthread_barrier_init(&bar, NULL, 2);
  struct job je = {v, b, 100, count, 0, 0, &bar};
  pthread_t te;
  pthread_create(&te, NULL, echo, &je);
  uint8_t req[100], resp[2048];
  memset(req, 'r', sizeof req);
  double *lat = malloc(sizeof(double) * count);
  pthread_barrier_wait(&bar);
  double t0 = now();
  for (long i = 0; i < count; i++) {
    double t = now();
    send_one(v, a, req, sizeof req);
    while (!recv_one(v, a, resp, sizeof resp)) {
    }
    lat[i] = (now() - t) * 1e6;
  }
  double secs = now() - t0;
  pthread_join(te, NULL);
  pthread_barrier_destroy(&bar);
  qsort(lat, count, sizeof(double), cmpd);
  *p50 = lat[count / 2];
  free(lat);
  return secs;
}

static enum variant parse_variant(const char *s) {
  for (int i = 0; i < 3; i++)
    if (!strcmp(s, vnames[i])) return (enum variant)i;
  fprintf(stderr, "user: unknown variant %s\n", s);
  exit(2);
}

/* A free local UDP port for the stack when SCTPX_UDP_PORT is not set. */
static void pick_udp_port(void) {
  if (getenv("SCTPX_UDP_PORT")) {
    setenv("SCTPX_UDP_REMOTE_PORT", getenv("SCTPX_UDP_PORT"), 1); /* this process talks to itself */
    return;
  }
  int fd = socket(AF_INET, SOCK_DGRAM, 0);
  CHECK(fd);
  struct sockaddr_in a = loopback(0);
  a.sin_addr.s_addr = htonl(INADDR_ANY);
  CHECK(bind(fd, (struct sockaddr *)&a, sizeof a));
  socklen_t l = sizeof a;
  CHECK(getsockname(fd, (struct sockaddr *)&a, &l));
  char port[16];
  snprintf(port, sizeof port, "%u", ntohs(a.sin_port));
  close(fd);
  setenv("SCTPX_UDP_PORT", port, 1);
  setenv("SCTPX_UDP_REMOTE_PORT", port, 1); /* this process talks to itself */
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (argc < 5 || strcmp(argv[1], "alt")) {
    fprintf(stderr, "usage: user alt CASE:BLOCK[,CASE:BLOCK...] ROUNDS VARIANT...  (CASE tput/SIZE or rr/100)\n");
    return 2;
  }
  setenv("SCTPX_BACKEND", "userspace", 1);
  pick_udp_port();
  /* Starts the stack (usrsctp_init) through sctpx before any direct usrsctp call. */
  sctpx_handle starter; /* kept open: the stack runs until _exit */
  CHECKX(sctpx_open_tcp(SCTPX_AF_INET, &starter));
  long rounds = atol(argv[3]);
  int nv = argc - 4;
  /* CASE:BLOCK[,CASE:BLOCK...]: every case in this one process. */
  for (char *save = NULL, *spec = strtok_r(argv[2], ",", &save); spec; spec = strtok_r(NULL, ",", &save)) {
    char *colon = strchr(spec, ':');
    if (!colon) die("user: CASE:BLOCK", 0);
    *colon = 0;
    const char *cs = spec;
    long block = atol(colon + 1);
    int is_rr = !strncmp(cs, "rr/", 3);
    if (!is_rr && strncmp(cs, "tput/", 5)) die("user: CASE must be tput/SIZE or rr/100", 0);
    size_t size = (size_t)atol(strchr(cs, '/') + 1);
    if (nv > 8 || block <= 0 || rounds <= 0 || size == 0) die("user: arguments", 0);
    enum variant vs[8];
    struct ep a[8], b[8];
    for (int i = 0; i < nv; i++) {
      vs[i] = parse_variant(argv[4 + i]);
      make_pair(vs[i], &a[i], &b[i]);
    }
    for (long r = 0; r < rounds; r++) {
      for (int k = 0; k < nv; k++) {
        int i = (int)((k + r) % nv);
        if (is_rr) {
          double p50, secs = rr_block(vs[i] == V_SCTPX_BATCH ? V_SCTPX : vs[i], &a[i], &b[i], block, &p50);
          printf("B %s %s %ld %ld %.6f %.2f\n", cs, vnames[vs[i]], r, block, secs, p50);
        } else {
          printf("B %s %s %ld %ld %.6f -\n", cs, vnames[vs[i]], r, block, tput_block(vs[i], &a[i], &b[i], size, block));
        }
      }
    }
    /* The pairs stay open (closing usrsctp sockets under load is where exit-time trouble lives):
     * each case opens its own, few enough for one process. */
  }
  /* Out without closing or running the library's destructors: usrsctp's threads still run
   * while exit() finalises libusrsctp, which crashed one exit in a few hundred. The measurement
   * is printed; the kernel reclaims the sockets. */
  fflush(stdout);
  _exit(0);
}
