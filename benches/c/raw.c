/*
 * benches/c/raw.c - the C benchmark driver of `make bench` (see BENCHMARKS.md).
 *
 * One program, one loop per measurement, the API under test picked by an argument, so every
 * variant runs the exact same loop and differs only in the calls it makes:
 *
 *   raw          sendmsg/recvmsg with SCTP_SNDINFO / SCTP_RCVINFO control messages (the limit)
 *   libsctp      sctp_sendmsg/sctp_recvmsg from Debian's libsctp (baseline only, -lsctp)
 *   sctpx        sctpx through its C ABI: sctpx_send_stream / sctpx_next_event
 *   sctpx_batch  sctpx batch calls: sctpx_send_batch / sctpx_recv_batch, 32 messages per call
 *
 * Usage:
 *   raw tput VARIANT SIZE COUNT     one-to-one throughput: a sender and a receiver thread over
 *                                   127.0.0.1; prints "tput VARIANT SIZE COUNT SECONDS"
 *   raw tput_m VARIANT SIZE COUNT   the same over one-to-many (SOCK_SEQPACKET) sockets
 *   raw rr VARIANT COUNT            100-byte request/response: prints "rr VARIANT COUNT P50_US
 *                                   P99_US MEAN_US" (one-to-one)
 *   raw rr_mix COUNT                the same, raw and sctpx alternating in blocks on ONE association
 *                                   in one process, each with and without the source address:
 *                                   prints an "rrm" line for each of the four
 *   raw alt CASE:BLOCK[,...] ROUNDS VARIANT...
 *                                   the variants alternating in blocks in this one process, each
 *                                   on its own association (see alt() below; issue 16)
 *   raw mem NASSOC                  kernel memory for NASSOC associations on one one-to-many
 *                                   socket: prints "mem NASSOC SLAB_KB_DELTA ..." (raw only)
 *
 * Socket settings, the same for every variant: SCTP_NODELAY 1, SCTP_DELAYED_SACK
 * {delay 0, freq 1} (delayed SACK off) on every socket before connect/accept and on the
 * connected ones again, SCTP_RECVRCVINFO 1 (sctpx turns it on itself; raw does the same;
 * libsctp subscribes sctp_data_io_event as its users must to get sctp_sndrcvinfo), default
 * buffer sizes, stream 0, PPID 42.
 */
#define _GNU_SOURCE
#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
/* libsctp and libsctpx in one program: <netinet/sctp.h> first, so sctpx.h leaves out its names
 * before 1.0 (some are libsctp's); libsctpx.a and -lsctp both linked. */
#include <netinet/sctp.h>
#include <pthread.h>
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/resource.h>
#include <sys/socket.h>
#include <sys/time.h>
#include <time.h>
#include <unistd.h>

#include "sctpx.h"

#define BATCH 32
#define PPID 42

enum variant { V_RAW, V_LIBSCTP, V_SCTPX, V_SCTPX_BATCH };
static const char *vnames[] = {"raw", "libsctp", "sctpx", "sctpx_batch"};

static void die(const char *what, long code) {
  fprintf(stderr, "raw: %s failed: %ld (%s)\n", what, code, code < 0 && code > -4096 ? strerror((int)-code) : "");
  exit(1);
}
#define CHECK(x) do { long r_ = (long)(x); if (r_ < 0) die(#x, r_ == -1 ? -errno : r_); } while (0)
#define CHECKX(x) do { long r_ = (long)(x); if (r_ < 0) die(#x, r_); } while (0)

static double now(void) {
  struct timespec ts;
  clock_gettime(CLOCK_MONOTONIC, &ts);
  return ts.tv_sec + ts.tv_nsec * 1e-9;
}

/* --- socket setup ------------------------------------------------------------------------- */

/* One endpoint: a raw descriptor, or an sctpx handle (its descriptor in fd for setsockopt). */
struct ep {
  int fd;
  sctpx_handle h;
  sctp_assoc_t assoc; /* one-to-many: the association to send on */
  struct sockaddr_in peer;
  int raw_from; /* raw receives pass msg_name too (rr_mix's raw_from blocks) */
};

/* SCTPX_BENCH_SOCKBUF=N: SO_SNDBUF and SO_RCVBUF = N on every socket (default: the kernel's,
 * net.sctp.sctp_wmem/rmem). The send buffer bounds how many messages are in flight, and so
 * what a batch call can hand the kernel before it blocks: benches/run.sh runs one case with it. */
static int sockbuf(void) {
  const char *s = getenv("SCTPX_BENCH_SOCKBUF");
  return s ? atoi(s) : 0;
}

static void raw_settings(int fd, int libsctp) {
  int one = 1;
  int buf = sockbuf();
  if (buf) {
    CHECK(setsockopt(fd, SOL_SOCKET, SO_SNDBUF, &buf, sizeof buf));
    CHECK(setsockopt(fd, SOL_SOCKET, SO_RCVBUF, &buf, sizeof buf));
  }
  CHECK(setsockopt(fd, IPPROTO_SCTP, SCTP_NODELAY, &one, sizeof one));
  struct sctp_sack_info sack = {.sack_assoc_id = 0, .sack_delay = 0, .sack_freq = 1};
  CHECK(setsockopt(fd, IPPROTO_SCTP, SCTP_DELAYED_SACK, &sack, sizeof sack));
  if (libsctp) {
    struct sctp_event_subscribe ev;
    memset(&ev, 0, sizeof ev);
    ev.sctp_data_io_event = 1;
    CHECK(setsockopt(fd, IPPROTO_SCTP, SCTP_EVENTS, &ev, sizeof ev));
  } else {
    CHECK(setsockopt(fd, IPPROTO_SCTP, SCTP_RECVRCVINFO, &one, sizeof one));
  }
}

static void x_settings(sctpx_handle h) {
  /* Only through sctpx's own calls. */
  CHECKX(sctpx_set_option(h, 0, SCTPX_OPT_NODELAY, 1));
  if (sockbuf()) {
    CHECKX(sctpx_set_option(h, 0, SCTPX_OPT_SNDBUF, sockbuf()));
    CHECKX(sctpx_set_option(h, 0, SCTPX_OPT_RCVBUF, sockbuf()));
  }
  /* Delayed SACK: the standard option on the library's descriptor, byte for byte what the raw
   * variants set (written before sctpx_set_delayed_sack was in the header; same effect). */
  struct sctp_sack_info sack = {.sack_assoc_id = 0, .sack_delay = 0, .sack_freq = 1};
  CHECK(setsockopt(sctpx_fileno(h), IPPROTO_SCTP, SCTP_DELAYED_SACK, &sack, sizeof sack));
}

static struct sockaddr_in loopback(uint16_t port) {
  struct sockaddr_in a;
  memset(&a, 0, sizeof a);
  a.sin_family = AF_INET;
  a.sin_port = htons(port);
  a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
  return a;
}

static uint16_t local_port(int fd) {
  struct sockaddr_in a;
  socklen_t l = sizeof a;
  CHECK(getsockname(fd, (struct sockaddr *)&a, &l));
  return ntohs(a.sin_port);
}

/* Connected pair: *snd is the client, *rcv the accepted side (one-to-one), or two one-to-many
 * sockets with one association between them (the client's first send sets it up; here an
 * explicit connect on the client, and the server learns the assoc id from its first read). */
static void make_pair(enum variant v, int many, struct ep *a, struct ep *b) {
  int lib = v == V_LIBSCTP;
  int type = many ? SOCK_SEQPACKET : SOCK_STREAM;
  memset(a, 0, sizeof *a);
  memset(b, 0, sizeof *b);
  if (v == V_RAW || v == V_LIBSCTP) {
    int l = socket(AF_INET, type, IPPROTO_SCTP);
    CHECK(l);
    raw_settings(l, lib);
    struct sockaddr_in any = loopback(0);
    CHECK(bind(l, (struct sockaddr *)&any, sizeof any));
    CHECK(listen(l, 16));
    struct sockaddr_in srv = loopback(local_port(l));
    int c = socket(AF_INET, type, IPPROTO_SCTP);
    CHECK(c);
    raw_settings(c, lib);
    CHECK(connect(c, (struct sockaddr *)&srv, sizeof srv));
    if (many) {
      a->fd = c;
      b->fd = l;
      a->peer = srv;
      /* The client's association id. */
      struct sctp_assoc_ids *ids = calloc(1, sizeof *ids + sizeof(sctp_assoc_t) * 4);
      socklen_t len = sizeof *ids + sizeof(sctp_assoc_t) * 4;
      CHECK(getsockopt(c, IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST, ids, &len));
      a->assoc = ids->gaids_assoc_id[0];
      free(ids);
    } else {
      int s = accept(l, NULL, NULL);
      CHECK(s);
      close(l);
      raw_settings(s, lib);
      raw_settings(c, lib);
      a->fd = c;
      b->fd = s;
    }
  } else {
    sctpx_handle l, c;
    CHECKX(many ? sctpx_open_udp(SCTPX_AF_INET, &l) : sctpx_open_tcp(SCTPX_AF_INET, &l));
    x_settings(l);
    struct sockaddr_in any = loopback(0);
    CHECKX(sctpx_bind(l, (struct sockaddr *)&any, sizeof any));
    CHECKX(sctpx_listen(l, 16));
    struct sockaddr_in srv = loopback(local_port(sctpx_fileno(l)));
    CHECKX(many ? sctpx_open_udp(SCTPX_AF_INET, &c) : sctpx_open_tcp(SCTPX_AF_INET, &c));
    x_settings(c);
    CHECKX(sctpx_connect(c, (struct sockaddr *)&srv, sizeof srv));
    if (many) {
      a->h = c;
      b->h = l;
      sctpx_assoc_id id;
      CHECKX(sctpx_get_assoc_ids(c, &id, 1));
      a->assoc = id;
    } else {
      sctpx_handle s;
      CHECKX(sctpx_accept(l, &s, NULL, NULL));
      sctpx_close(l);
      x_settings(s);
      x_settings(c);
      a->h = c;
      b->h = s;
    }
    a->fd = sctpx_fileno(a->h);
    b->fd = sctpx_fileno(b->h);
  }
}

static void close_ep(enum variant v, struct ep *e) {
  (void)v;
  if (v == V_SCTPX || v == V_SCTPX_BATCH) {
    sctpx_close(e->h);
    return;
  }
  close(e->fd);
}

/* --- one message, per variant ------------------------------------------------------------- */

static void send_one(enum variant v, struct ep *e, const uint8_t *buf, size_t len) {
  switch (v) {
  case V_RAW: {
    struct iovec iov = {(void *)buf, len};
    union {
      char b[CMSG_SPACE(sizeof(struct sctp_sndinfo))];
      struct cmsghdr align;
    } u;
    memset(&u, 0, sizeof u);
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.b, .msg_controllen = sizeof u.b};
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    c->cmsg_level = IPPROTO_SCTP;
    c->cmsg_type = SCTP_SNDINFO;
    c->cmsg_len = CMSG_LEN(sizeof(struct sctp_sndinfo));
    struct sctp_sndinfo *si = (struct sctp_sndinfo *)CMSG_DATA(c);
    si->snd_sid = 0;
    si->snd_ppid = htonl(PPID);
    si->snd_assoc_id = e->assoc;
    ssize_t n = sendmsg(e->fd, &m, 0);
    if (n != (ssize_t)len) die("sendmsg", n < 0 ? -errno : n);
    break;
  }
  case V_LIBSCTP: {
    /* One-to-many: libsctp's call has no association argument, so the peer's address. */
    struct sockaddr *to = e->peer.sin_family ? (struct sockaddr *)&e->peer : NULL;
    int n = sctp_sendmsg(e->fd, buf, len, to, to ? sizeof e->peer : 0, htonl(PPID), 0, 0, 0, 0);
    if (n != (int)len) die("sctp_sendmsg", n < 0 ? -errno : n);
    break;
  }
  case V_SCTPX: {
    int32_t n = sctpx_send_stream(e->h, e->assoc, 0, PPID, buf, len);
    if (n != (int32_t)len) die("sctpx_send_stream", n);
    break;
  }
  default:
    abort();
  }
}

/* Returns 1 when a whole message (MSG_EOR) ended, 0 for a piece. */
static int recv_one(enum variant v, struct ep *e, uint8_t *buf, size_t cap) {
  switch (v) {
  case V_RAW: {
    struct iovec iov = {buf, cap};
    union {
      char b[CMSG_SPACE(sizeof(struct sctp_rcvinfo))];
      struct cmsghdr align;
    } u;
    struct msghdr m = {.msg_iov = &iov, .msg_iovlen = 1, .msg_control = u.b, .msg_controllen = sizeof u.b};
    struct sockaddr_storage from;
    if (e->raw_from) {
      m.msg_name = &from;
      m.msg_namelen = sizeof from;
    }
    ssize_t n = recvmsg(e->fd, &m, 0);
    if (n <= 0) die("recvmsg", n < 0 ? -errno : -10008);
    if (m.msg_flags & MSG_NOTIFICATION) die("recvmsg: unexpected notification", 0);
    struct cmsghdr *c = CMSG_FIRSTHDR(&m);
    if (!c || c->cmsg_type != SCTP_RCVINFO) die("recvmsg: no SCTP_RCVINFO", 0);
    struct sctp_rcvinfo ri;
    memcpy(&ri, CMSG_DATA(c), sizeof ri);
    if (ntohl(ri.rcv_ppid) != PPID) die("recvmsg: ppid", ri.rcv_ppid);
    e->assoc = ri.rcv_assoc_id;
    return (m.msg_flags & MSG_EOR) != 0;
  }
  case V_LIBSCTP: {
    struct sctp_sndrcvinfo si;
    int flags = 0;
    int n = sctp_recvmsg(e->fd, buf, cap, NULL, NULL, &si, &flags);
    if (n <= 0) die("sctp_recvmsg", n < 0 ? -errno : -10008);
    if (ntohl(si.sinfo_ppid) != PPID) die("sctp_recvmsg: ppid", si.sinfo_ppid);
    e->assoc = si.sinfo_assoc_id;
    return (flags & MSG_EOR) != 0;
  }
  case V_SCTPX: {
    sctpx_event ev;
    int32_t n = sctpx_next_event(e->h, &ev, buf, cap, -1);
    if (n < 0) die("sctpx_next_event", n);
    if (ev.kind != SCTPX_EVENT_DATA || ev.ppid != PPID) die("sctpx_next_event: kind/ppid", ev.kind);
    e->assoc = ev.assoc_id;
    return (ev.flags & SCTPX_EVENT_FLAG_COMPLETE) != 0;
  }
  default:
    abort();
  }
}

/* --- throughput --------------------------------------------------------------------------- */

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
      msgs[i].info.assoc_id = j->e->assoc;
    }
    long sent = 0;
    while (sent < j->count) {
      long want = j->count - sent < BATCH ? j->count - sent : BATCH;
      int32_t n = sctpx_send_batch(j->e->h, msgs, (size_t)want);
      if (n <= 0) die("sctpx_send_batch", n == 0 ? -10005 : n);
      sent += n;
    }
  } else
  {
    for (long i = 0; i < j->count; i++) send_one(j->v, j->e, buf, j->size);
  }
  free(buf);
  return NULL;
}

static void *receiver(void *p) {
  struct job *j = p;
  size_t cap = j->size < 65536 ? 65536 : j->size;
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
  } else
  {
    uint8_t *buf = malloc(cap);
    while (got < j->count) got += recv_one(j->v, j->e, buf, cap);
    free(buf);
  }
  j->t1 = now();
  return NULL;
}

/* COUNT messages from a to b on an existing pair: seconds from the first send to the last
 * complete message received. */
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

static void tput(enum variant v, int many, size_t size, long count) {
  struct ep a, b;
  make_pair(v, many, &a, &b);
  double secs = tput_block(v, &a, &b, size, count);
  printf("%s %s %zu %ld %.6f\n", many ? "tput_m" : "tput", vnames[v], size, count, secs);
  close_ep(v, &a);
  close_ep(v, &b);
}

/* --- request/response --------------------------------------------------------------------- */

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

static int cmpd(const void *x, const void *y) {
  double a = *(const double *)x, b = *(const double *)y;
  return a < b ? -1 : a > b;
}

/* One request/response result line: "MODE NAME COUNT P50_US P99_US MEAN_US" (sorts lat). */
static void print_rr(const char *mode, const char *name, double *lat, long n, double sum) {
  qsort(lat, n, sizeof(double), cmpd);
  printf("%s %s %ld %.2f %.2f %.2f\n", mode, name, n, lat[n / 2], lat[(long)(n * 0.99)], sum / n);
}

static void rr(enum variant v, long count) {
  struct ep a, b;
  make_pair(v, 0, &a, &b);
  pthread_barrier_t bar;
  pthread_barrier_init(&bar, NULL, 2);
  struct job je = {v, &b, 100, count, 0, 0, &bar};
  pthread_t te;
  pthread_create(&te, NULL, echo, &je);
  uint8_t req[100], resp[2048];
  memset(req, 'r', sizeof req);
  double *lat = malloc(sizeof(double) * count), sum = 0;
  pthread_barrier_wait(&bar);
  for (long i = 0; i < count; i++) {
    double t = now();
    send_one(v, &a, req, sizeof req);
    while (!recv_one(v, &a, resp, sizeof resp)) {
    }
    lat[i] = (now() - t) * 1e6;
    sum += lat[i];
  }
  pthread_join(te, NULL);
  print_rr("rr", vnames[v], lat, count, sum);
  free(lat);
  close_ep(v, &a);
  close_ep(v, &b);
}

/* --- alternation (issue 16) ---------------------------------------------------------------- */

/* COUNT 100-byte round trips on an existing one-to-one pair (a the client, b the echo end):
 * total seconds; *p50 the median round trip in microseconds. */
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

/* alt CASE:BLOCK[,CASE:BLOCK...] ROUNDS VARIANT..., one case: every variant gets its own association, all set up before
 * any timing; then ROUNDS rounds, each one block of BLOCK messages (or round trips) per variant,
 * the order rotated by one each round, so drift and neighbours hit every variant alike. CASE is
 * tput/SIZE, tput_m/SIZE (one-to-one, one-to-many throughput) or rr/100 (request/response; the
 * batch variant's round trips are single calls). One line per block:
 * "B CASE VARIANT ROUND COUNT SECONDS P50_US" (P50_US "-" for throughput); benches/report.py
 * bootstraps ratios over rounds. */
static enum variant parse_variant(const char *s);
static void alt(const char *cs, long block, long rounds, int nv, char **names) {
  int many = !strncmp(cs, "tput_m/", 7), is_rr = !strncmp(cs, "rr/", 3);
  if (!many && !is_rr && strncmp(cs, "tput/", 5)) die("alt: CASE must be tput/SIZE, tput_m/SIZE or rr/100", 0);
  size_t size = (size_t)atol(strchr(cs, '/') + 1);
  if (nv > 8 || block <= 0 || rounds <= 0 || size == 0) die("alt: arguments", 0);
  enum variant vs[8];
  struct ep a[8], b[8];
  for (int i = 0; i < nv; i++) {
    /* Like for like on the source address (see rr_mix): raw_from is raw C also asking the kernel
     * for it, sctpx_nofrom the C ABI with SCTPX_OPT_RECV_FROM 0. */
    int from = !strcmp(names[i], "raw_from"), nofrom = !strcmp(names[i], "sctpx_nofrom");
    vs[i] = from ? V_RAW : nofrom ? V_SCTPX : parse_variant(names[i]);
    make_pair(vs[i], many, &a[i], &b[i]);
    a[i].raw_from = b[i].raw_from = from;
    if (nofrom) {
      CHECKX(sctpx_set_option(a[i].h, 0, SCTPX_OPT_RECV_FROM, 0));
      CHECKX(sctpx_set_option(b[i].h, 0, SCTPX_OPT_RECV_FROM, 0));
    }
  }
  for (long r = 0; r < rounds; r++) {
    for (int k = 0; k < nv; k++) {
      int i = (int)((k + r) % nv);
      if (is_rr) {
        double p50, secs = rr_block(vs[i] == V_SCTPX_BATCH ? V_SCTPX : vs[i], &a[i], &b[i], block, &p50);
        printf("B %s %s %ld %ld %.6f %.2f\n", cs, names[i], r, block, secs, p50);
      } else {
        printf("B %s %s %ld %ld %.6f -\n", cs, names[i], r, block, tput_block(vs[i], &a[i], &b[i], size, block));
      }
    }
  }
  for (int i = 0; i < nv; i++) {
    close_ep(vs[i], &a[i]);
    close_ep(vs[i], &b[i]);
  }
}

/* rr_mix: raw C and the C ABI on the SAME association in one process, alternating blocks of
 * MIX_BLOCK round trips (raw calls on sctpx_fileno of the same handles). Both then meet the same
 * association, scheduler and emulator state, which separate processes do not (under TCG the
 * variant run just before shifts a process's p50 by several per cent). Four kinds of block, so
 * that both like-for-like comparisons are in the same run: raw C as the other rows run it (no
 * source address), the C ABI with its defaults (events carry the source address), raw C asking
 * the kernel for the source address too, and the C ABI with SCTPX_OPT_RECV_FROM 0. Prints one
 * "rrm" line per kind. */
#define MIX_BLOCK 50
enum mix_kind { MIX_RAW, MIX_SCTPX, MIX_RAW_FROM, MIX_SCTPX_NOFROM, MIX_KINDS };
static const char *mix_names[] = {"raw", "sctpx", "raw_from", "sctpx_nofrom"};

/* Sets one thread's end up for block kind k (each thread sets its own socket) and returns the
 * API its calls go through. */
static enum variant mix_enter(long i, struct ep *e, enum mix_kind *kind) {
  enum mix_kind k = (enum mix_kind)((i / MIX_BLOCK) % MIX_KINDS);
  if (i % MIX_BLOCK == 0) {
    e->raw_from = k == MIX_RAW_FROM;
    CHECKX(sctpx_set_option(e->h, 0, SCTPX_OPT_RECV_FROM, k != MIX_SCTPX_NOFROM));
  }
  if (kind) *kind = k;
  return k == MIX_SCTPX || k == MIX_SCTPX_NOFROM ? V_SCTPX : V_RAW;
}

/* SCTPX_BENCH_SPLIT=1: the client thread on CPU 0 and the echo thread on CPU 1, so every wake-up
 * crosses CPUs (without it the scheduler picks, and under TCG its choice moves a block's p50 by
 * ~100 us). */
static void pin_to(int cpu) {
  if (!getenv("SCTPX_BENCH_SPLIT")) return;
  cpu_set_t set;
  CPU_ZERO(&set);
  CPU_SET(cpu, &set);
  if (pthread_setaffinity_np(pthread_self(), sizeof set, &set) != 0) die("pthread_setaffinity_np", 0);
}

static void *echo_mix(void *p) {
  struct job *j = p;
  uint8_t buf[2048];
  pin_to(1);
  pthread_barrier_wait(j->bar);
  for (long i = 0; i < j->count; i++) {
    enum variant v = mix_enter(i, j->e, NULL);
    while (!recv_one(v, j->e, buf, sizeof buf)) {
    }
    send_one(v, j->e, buf, j->size);
  }
  return NULL;
}

static void rr_mix(long count) {
  struct ep a, b;
  make_pair(V_SCTPX, 0, &a, &b);
  a.fd = sctpx_fileno(a.h);
  b.fd = sctpx_fileno(b.h);
  /* sctpx sockets block in the kernel 25 ms at a time (SO_RCVTIMEO/SO_SNDTIMEO: how a close
   * reaches a blocked call); the raw blocks' recvmsg on the same descriptors must block for good,
   * as on raw C's own sockets. Nothing here closes a handle while a call waits. */
  struct timeval forever = {0, 0};
  CHECK(setsockopt(a.fd, SOL_SOCKET, SO_RCVTIMEO, &forever, sizeof forever));
  CHECK(setsockopt(b.fd, SOL_SOCKET, SO_RCVTIMEO, &forever, sizeof forever));
  pthread_barrier_t bar;
  pthread_barrier_init(&bar, NULL, 2);
  struct job je = {V_SCTPX, &b, 100, count, 0, 0, &bar};
  pthread_t te;
  pthread_create(&te, NULL, echo_mix, &je);
  uint8_t req[100], resp[2048];
  memset(req, 'r', sizeof req);
  double *lat[MIX_KINDS], sum[MIX_KINDS] = {0};
  long n[MIX_KINDS] = {0};
  for (int k = 0; k < MIX_KINDS; k++) lat[k] = malloc(sizeof(double) * count);
  pin_to(0);
  pthread_barrier_wait(&bar);
  for (long i = 0; i < count; i++) {
    enum mix_kind k;
    enum variant v = mix_enter(i, &a, &k);
    double t = now();
    send_one(v, &a, req, sizeof req);
    while (!recv_one(v, &a, resp, sizeof resp)) {
    }
    lat[k][n[k]] = (now() - t) * 1e6;
    sum[k] += lat[k][n[k]++];
  }
  pthread_join(te, NULL);
  for (int k = 0; k < MIX_KINDS; k++) {
    print_rr("rrm", mix_names[k], lat[k], n[k], sum[k]);
    free(lat[k]);
  }
  close_ep(V_SCTPX, &a);
  close_ep(V_SCTPX, &b);
}

/* --- memory per association --------------------------------------------------------------- */

__attribute__((unused)) static long meminfo_kb(const char *key) {
  FILE *f = fopen("/proc/meminfo", "r");
  char line[256];
  long v = -1;
  size_t kl = strlen(key);
  while (f && fgets(line, sizeof line, f))
    if (!strncmp(line, key, kl) && line[kl] == ':') v = atol(line + kl + 1);
  if (f) fclose(f);
  return v;
}

/* NASSOC one-to-one client sockets connect to ONE one-to-many server socket (opened with
 * sctpx): NASSOC associations on it. The deltas count both ends (client sockets too). */
static void mem(long n) {
  struct rlimit rl = {(rlim_t)n + 64, (rlim_t)n + 64};
  if (setrlimit(RLIMIT_NOFILE, &rl) < 0) die("setrlimit(RLIMIT_NOFILE)", -errno);
  sctpx_handle srv;
  CHECKX(sctpx_open_udp(SCTPX_AF_INET, &srv));
  struct sockaddr_in any = loopback(0);
  CHECKX(sctpx_bind(srv, (struct sockaddr *)&any, sizeof any));
  CHECKX(sctpx_listen(srv, 1024));
  struct sockaddr_in sa = loopback(local_port(sctpx_fileno(srv)));
  int *fds = malloc(sizeof(int) * n);
  sleep(1);
  long slab0 = meminfo_kb("Slab"), unrec0 = meminfo_kb("SUnreclaim"), avail0 = meminfo_kb("MemAvailable");
  double t0 = now();
  for (long i = 0; i < n; i++) {
    fds[i] = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
    CHECK(fds[i]);
    CHECK(connect(fds[i], (struct sockaddr *)&sa, sizeof sa));
  }
  double t1 = now();
  int64_t assocs = 0;
  CHECKX(sctpx_get_option(srv, 0, SCTPX_OPT_ASSOC_NUMBER, &assocs));
  sleep(1);
  long slab1 = meminfo_kb("Slab"), unrec1 = meminfo_kb("SUnreclaim"), avail1 = meminfo_kb("MemAvailable");
  printf("mem %ld %lld %ld %ld %ld %.3f\n", n, (long long)assocs, slab1 - slab0, unrec1 - unrec0, avail0 - avail1,
         t1 - t0);
  for (long i = 0; i < n; i++) close(fds[i]);
  sctpx_close(srv);
  free(fds);
}

static enum variant parse_variant(const char *s) {
  for (int i = 0; i < 4; i++)
    if (!strcmp(s, vnames[i])) {
      return (enum variant)i;
    }
  fprintf(stderr, "raw: unknown variant %s\n", s);
  exit(2);
}

int main(int argc, char **argv) {
  setvbuf(stdout, NULL, _IOLBF, 0);
  if (argc == 5 && (!strcmp(argv[1], "tput") || !strcmp(argv[1], "tput_m"))) {
    tput(parse_variant(argv[2]), argv[1][4] == '_', (size_t)atol(argv[3]), atol(argv[4]));
  } else if (argc == 4 && !strcmp(argv[1], "rr")) {
    enum variant v = parse_variant(argv[2]);
    if (v == V_SCTPX_BATCH) v = V_SCTPX;
    rr(v, atol(argv[3]));
  } else if (argc == 3 && !strcmp(argv[1], "rr_mix")) {
    rr_mix(atol(argv[2]));
  } else if (argc >= 5 && !strcmp(argv[1], "alt")) {
    /* CASE:BLOCK[,CASE:BLOCK...]: every case in this one process (starting one costs seconds
     * under emulation). */
    for (char *save = NULL, *spec = strtok_r(argv[2], ",", &save); spec; spec = strtok_r(NULL, ",", &save)) {
      char *colon = strchr(spec, ':');
      if (!colon) die("alt: CASE:BLOCK", 0);
      *colon = 0;
      alt(spec, atol(colon + 1), atol(argv[3]), argc - 4, argv + 4);
    }
  } else if (argc == 3 && !strcmp(argv[1], "mem")) {
    mem(atol(argv[2]));
  } else {
    fprintf(stderr, "usage: raw tput|tput_m VARIANT SIZE COUNT | raw rr VARIANT COUNT | raw rr_mix COUNT | raw mem NASSOC\n"
                    "       raw alt CASE:BLOCK[,CASE:BLOCK...] ROUNDS VARIANT...  (CASE tput/SIZE, tput_m/SIZE, rr/100)\n");
    return 2;
  }
  return 0;
}
