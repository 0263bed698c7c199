/*
 * raw_demo — SCTP with nothing but the kernel socket API (<linux/sctp.h>, no libsctp).
 *
 *   raw_demo server PORT          one-to-many (SOCK_SEQPACKET) echo server on 127.0.0.1;
 *                                 exits when its peer's association ends
 *   raw_demo client PORT          one-to-one (SOCK_STREAM) client: one message per stream
 *
 * Each message goes out with an SCTP_SNDINFO control message naming its stream; the receiver
 * asks for SCTP_RCVINFO (SCTP_RECVRCVINFO) to learn the stream, and subscribes with SCTP_EVENT
 * to association and shutdown notifications, which it prints as they arrive.
 * The placeholder demo until the sctpx examples replace it (examples-c/demo.sh runs it).
 */
#define _POSIX_C_SOURCE 200809L /* nanosleep under -std=c11 */

#include <arpa/inet.h>
#include <errno.h>
#include <netinet/in.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/socket.h>
#include <sys/uio.h>
#include <time.h>
#include <unistd.h>

#include <linux/sctp.h>

#define STREAMS 3

static void die(const char *what)
{
	perror(what);
	exit(1);
}

static void set_int_option(int fd, int option, int value, const char *name)
{
	if (setsockopt(fd, IPPROTO_SCTP, option, &value, sizeof(value)) < 0)
		die(name);
}

/* Ask for STREAMS outbound streams, the per-message stream info and the events we print. */
static void configure(int fd, sctp_assoc_t assoc)
{
	struct sctp_initmsg init = { .sinit_num_ostreams = STREAMS, .sinit_max_instreams = STREAMS };
	static const int events[] = { SCTP_ASSOC_CHANGE, SCTP_PEER_ADDR_CHANGE, SCTP_SHUTDOWN_EVENT };
	size_t i;

	if (setsockopt(fd, IPPROTO_SCTP, SCTP_INITMSG, &init, sizeof(init)) < 0)
		die("SCTP_INITMSG");
	set_int_option(fd, SCTP_RECVRCVINFO, 1, "SCTP_RECVRCVINFO");
	for (i = 0; i < sizeof(events) / sizeof(events[0]); i++) {
		struct sctp_event ev = { .se_assoc_id = assoc, .se_type = (uint16_t)events[i], .se_on = 1 };

		if (setsockopt(fd, IPPROTO_SCTP, SCTP_EVENT, &ev, sizeof(ev)) < 0)
			die("SCTP_EVENT");
	}
}

static const char *assoc_state(uint16_t state)
{
	switch (state) {
	case SCTP_COMM_UP: return "COMM_UP";
	case SCTP_COMM_LOST: return "COMM_LOST";
	case SCTP_RESTART: return "RESTART";
	case SCTP_SHUTDOWN_COMP: return "SHUTDOWN_COMP";
	case SCTP_CANT_STR_ASSOC: return "CANT_STR_ASSOC";
	default: return "?";
	}
}

/* Prints one notification; returns 1 when it ends the association. */
static int print_notification(const char *who, const void *buf)
{
	const union sctp_notification *n = buf;

	switch (n->sn_header.sn_type) {
	case SCTP_ASSOC_CHANGE:
		printf("%s: event ASSOC_CHANGE %s assoc=%d in=%u out=%u\n", who,
		       assoc_state(n->sn_assoc_change.sac_state), n->sn_assoc_change.sac_assoc_id,
		       n->sn_assoc_change.sac_inbound_streams, n->sn_assoc_change.sac_outbound_streams);
		return n->sn_assoc_change.sac_state == SCTP_SHUTDOWN_COMP ||
		       n->sn_assoc_change.sac_state == SCTP_COMM_LOST;
	case SCTP_PEER_ADDR_CHANGE:
		printf("%s: event PEER_ADDR_CHANGE state=%d\n", who, n->sn_paddr_change.spc_state);
		return 0;
	case SCTP_SHUTDOWN_EVENT:
		printf("%s: event SHUTDOWN_EVENT assoc=%d\n", who, n->sn_shutdown_event.sse_assoc_id);
		return 0;
	default:
		printf("%s: event type %u\n", who, n->sn_header.sn_type);
		return 0;
	}
}

/* sendmsg() of `len` bytes on stream `sid` of association `assoc`, via SCTP_SNDINFO. */
static void send_on_stream(int fd, const void *data, size_t len, uint16_t sid, sctp_assoc_t assoc,
			   const struct sockaddr *to, socklen_t tolen)
{
	char control[CMSG_SPACE(sizeof(struct sctp_sndinfo))] = { 0 };
	struct iovec iov = { .iov_base = (void *)data, .iov_len = len };
	struct msghdr msg = { .msg_name = (void *)to, .msg_namelen = tolen, .msg_iov = &iov,
			      .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control) };
	struct cmsghdr *cmsg = CMSG_FIRSTHDR(&msg);
	struct sctp_sndinfo info = { .snd_sid = sid, .snd_ppid = htonl(42), .snd_assoc_id = assoc };

	cmsg->cmsg_level = IPPROTO_SCTP;
	cmsg->cmsg_type = SCTP_SNDINFO;
	cmsg->cmsg_len = CMSG_LEN(sizeof(info));
	memcpy(CMSG_DATA(cmsg), &info, sizeof(info));
	if (sendmsg(fd, &msg, 0) < 0)
		die("sendmsg");
}

/*
 * recvmsg() one whole message. Returns 1 for data (with its SCTP_RCVINFO in *info), 0 for a
 * notification (printed; *ended set when it ends the association), -1 at end of stream.
 */
static int receive(const char *who, int fd, char *buf, size_t size, ssize_t *len,
		   struct sctp_rcvinfo *info, struct sockaddr_storage *from, int *ended)
{
	char control[CMSG_SPACE(sizeof(struct sctp_rcvinfo))];
	struct iovec iov = { .iov_base = buf, .iov_len = size - 1 };
	struct msghdr msg = { .msg_name = from, .msg_namelen = sizeof(*from), .msg_iov = &iov,
			      .msg_iovlen = 1, .msg_control = control, .msg_controllen = sizeof(control) };
	struct cmsghdr *cmsg;

	*len = recvmsg(fd, &msg, 0);
	if (*len < 0)
		die("recvmsg");
	if (*len == 0)
		return -1;
	if (msg.msg_flags & MSG_NOTIFICATION) {
		*ended = print_notification(who, buf);
		return 0;
	}
	buf[*len] = '\0';
	memset(info, 0, sizeof(*info));
	for (cmsg = CMSG_FIRSTHDR(&msg); cmsg; cmsg = CMSG_NXTHDR(&msg, cmsg))
		if (cmsg->cmsg_level == IPPROTO_SCTP && cmsg->cmsg_type == SCTP_RCVINFO)
			memcpy(info, CMSG_DATA(cmsg), sizeof(*info));
	return 1;
}

static struct sockaddr_in loopback(int port)
{
	struct sockaddr_in a = { .sin_family = AF_INET, .sin_port = htons((uint16_t)port) };

	a.sin_addr.s_addr = htonl(INADDR_LOOPBACK);
	return a;
}

static int server(int port)
{
	struct sockaddr_in addr = loopback(port);
	struct sockaddr_storage from;
	struct sctp_rcvinfo info;
	char buf[1024];
	ssize_t len;
	int fd, ended = 0, kind;

	fd = socket(AF_INET, SOCK_SEQPACKET, IPPROTO_SCTP);
	if (fd < 0)
		die("socket");
	configure(fd, SCTP_FUTURE_ASSOC);
	if (bind(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0)
		die("bind");
	if (listen(fd, 4) < 0)
		die("listen");
	printf("server: listening on 127.0.0.1:%d (one-to-many)\n", port);
	fflush(stdout);
	while (!ended) {
		kind = receive("server", fd, buf, sizeof(buf), &len, &info, &from, &ended);
		if (kind < 0)
			break;
		if (kind == 0)
			continue;
		printf("server: got \"%s\" on stream %u (ssn %u, ppid %u, assoc %d); echoing it back\n",
		       buf, info.rcv_sid, info.rcv_ssn, ntohl(info.rcv_ppid), info.rcv_assoc_id);
		send_on_stream(fd, buf, (size_t)len, info.rcv_sid, info.rcv_assoc_id, NULL, 0);
	}
	fflush(stdout);
	close(fd);
	return 0;
}

static int client(int port)
{
	struct sockaddr_in addr = loopback(port);
	struct sockaddr_storage from;
	struct sctp_rcvinfo info;
	char buf[1024];
	ssize_t len;
	int fd, tries, echoes = 0, ended = 0, kind;
	uint16_t sid;

	fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
	if (fd < 0)
		die("socket");
	configure(fd, 0);
	/* The server may still be starting: retry a refused connect for a few seconds. */
	for (tries = 0; connect(fd, (struct sockaddr *)&addr, sizeof(addr)) < 0; tries++) {
		struct timespec pause = { 0, 100 * 1000 * 1000 };

		if (errno != ECONNREFUSED || tries == 100)
			die("connect");
		close(fd);
		nanosleep(&pause, NULL);
		fd = socket(AF_INET, SOCK_STREAM, IPPROTO_SCTP);
		if (fd < 0)
			die("socket");
		configure(fd, 0);
	}
	for (sid = 0; sid < STREAMS; sid++) {
		snprintf(buf, sizeof(buf), "hello on stream %u", sid);
		printf("client: sending \"%s\"\n", buf);
		send_on_stream(fd, buf, strlen(buf), sid, 0, NULL, 0);
	}
	while (echoes < STREAMS && !ended) {
		kind = receive("client", fd, buf, sizeof(buf), &len, &info, &from, &ended);
		if (kind < 0)
			break;
		if (kind == 1) {
			printf("client: echo \"%s\" on stream %u\n", buf, info.rcv_sid);
			echoes++;
		}
	}
	printf("client: %d of %d echoes; closing\n", echoes, STREAMS);
	fflush(stdout);
	close(fd);
	return echoes == STREAMS ? 0 : 1;
}

int main(int argc, char **argv)
{
	int port;

	setvbuf(stdout, NULL, _IOLBF, 0);
	if (argc != 3 || (port = atoi(argv[2])) <= 0 || port > 65535) {
		fprintf(stderr, "usage: %s server|client PORT\n", argv[0]);
		return 2;
	}
	if (strcmp(argv[1], "server") == 0)
		return server(port);
	if (strcmp(argv[1], "client") == 0)
		return client(port);
	fprintf(stderr, "usage: %s server|client PORT\n", argv[0]);
	return 2;
}
