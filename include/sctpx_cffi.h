/*
 * sctpx_cffi.h - the C API of libsctpx as cffi's FFI.cdef() takes it, for ABI mode:
 *
 *     ffi = cffi.FFI()
 *     ffi.cdef(open("sctpx_cffi.h").read())
 *     lib = ffi.dlopen("libsctpx.so.0")
 *
 * Generated from sctpx.h by tools/cffi-cdef (run `make header`); do not edit. Not a header
 * for a C compiler: it declares what sctpx.h takes from <sys/socket.h> itself. What each
 * function and field means is in sctpx.h.
 */

/* <sys/socket.h> as Linux lays it out (glibc and musl alike). */
typedef uint32_t socklen_t;
struct sockaddr { uint16_t sa_family; char sa_data[14]; };
struct sockaddr_storage { uint16_t ss_family; char __ss_padding[118]; unsigned long __ss_align; };

#define SCTPX_VERSION_MAJOR 0
#define SCTPX_VERSION_MINOR 1
#define SCTPX_VERSION_PATCH 0
#define SCTPX_KIND_ONE_TO_ONE 1
#define SCTPX_KIND_ONE_TO_MANY 2
#define SCTPX_OK 0
#define SCTPX_ERR_NULL_POINTER -10001
#define SCTPX_ERR_BAD_HANDLE -10002
#define SCTPX_ERR_CLOSED_HANDLE -10003
#define SCTPX_ERR_WRONG_KIND -10004
#define SCTPX_ERR_INVALID_ARGUMENT -10005
#define SCTPX_ERR_TIMED_OUT -10007
#define SCTPX_ERR_EOF -10008
#define SCTPX_ERR_PANIC -10009
#define SCTPX_ERR_NOT_SUPPORTED -10010
#define SCTPX_ERR_BACKEND_UNAVAILABLE -10011
#define SCTPX_BACKEND_AUTO 0
#define SCTPX_BACKEND_KERNEL 1
#define SCTPX_BACKEND_USERSPACE 2
#define SCTPX_BINDX_ADD 1
#define SCTPX_BINDX_REMOVE 2
#define SCTPX_PEELOFF_NONBLOCK 1
#define SCTPX_PEELOFF_CLOEXEC 2
#define SCTPX_SEND_UNORDERED 1
#define SCTPX_SEND_ADDR_OVER 2
#define SCTPX_SEND_ABORT 4
#define SCTPX_SEND_SACK_IMMEDIATELY 8
#define SCTPX_SEND_SENDALL 64
#define SCTPX_SEND_EOF 512
#define SCTPX_PR_NONE 0
#define SCTPX_PR_TTL 1
#define SCTPX_PR_RTX 2
#define SCTPX_PR_PRIO 3
#define SCTPX_PR_ALL 4
#define SCTPX_SCHED_FCFS 0
#define SCTPX_SCHED_PRIO 1
#define SCTPX_SCHED_RR 2
#define SCTPX_SCHED_FC 3
#define SCTPX_SCHED_WFQ 4
#define SCTPX_EVENT_DATA 0
#define SCTPX_EVENT_ASSOC_CHANGE 1
#define SCTPX_EVENT_PEER_ADDR_CHANGE 2
#define SCTPX_EVENT_SEND_FAILED 3
#define SCTPX_EVENT_REMOTE_ERROR 4
#define SCTPX_EVENT_SHUTDOWN 5
#define SCTPX_EVENT_PARTIAL_DELIVERY 6
#define SCTPX_EVENT_ADAPTATION 7
#define SCTPX_EVENT_AUTHENTICATION 8
#define SCTPX_EVENT_SENDER_DRY 9
#define SCTPX_EVENT_STREAM_RESET 10
#define SCTPX_EVENT_ASSOC_RESET 11
#define SCTPX_EVENT_STREAM_CHANGE 12
#define SCTPX_EVENT_SEND_FAILED_EVENT 13
#define SCTPX_EVENT_FLAG_COMPLETE 1
#define SCTPX_EVENT_FLAG_UNORDERED 2
#define SCTPX_EVENT_FLAG_TRUNCATED 4
#define SCTPX_NEXT_FLAG_PRESENT 1
#define SCTPX_NEXT_FLAG_UNORDERED 2
#define SCTPX_NEXT_FLAG_COMPLETE 4
#define SCTPX_NEXT_FLAG_NOTIFICATION 8
#define SCTPX_COMM_UP 0
#define SCTPX_COMM_LOST 1
#define SCTPX_RESTART 2
#define SCTPX_SHUTDOWN_COMP 3
#define SCTPX_CANT_STR_ASSOC 4
#define SCTPX_FEATURE_PR 1
#define SCTPX_FEATURE_AUTH 2
#define SCTPX_FEATURE_ASCONF 4
#define SCTPX_FEATURE_MULTIBUF 8
#define SCTPX_FEATURE_RECONFIG 16
#define SCTPX_FEATURE_INTERLEAVING 32
#define SCTPX_ADDR_AVAILABLE 0
#define SCTPX_ADDR_UNREACHABLE 1
#define SCTPX_ADDR_REMOVED 2
#define SCTPX_ADDR_ADDED 3
#define SCTPX_ADDR_MADE_PRIM 4
#define SCTPX_ADDR_CONFIRMED 5
#define SCTPX_ADDR_POTENTIALLY_FAILED 6
#define SCTPX_OPT_NODELAY 1
#define SCTPX_OPT_AUTOCLOSE 2
#define SCTPX_OPT_DISABLE_FRAGMENTS 3
#define SCTPX_OPT_MAPPED_V4 4
#define SCTPX_OPT_FRAGMENT_INTERLEAVE 5
#define SCTPX_OPT_PARTIAL_DELIVERY_POINT 6
#define SCTPX_OPT_MAXSEG 7
#define SCTPX_OPT_MAX_BURST 8
#define SCTPX_OPT_CONTEXT 9
#define SCTPX_OPT_ADAPTATION_LAYER 10
#define SCTPX_OPT_REUSE_PORT 11
#define SCTPX_OPT_SNDBUF 12
#define SCTPX_OPT_RCVBUF 13
#define SCTPX_OPT_REUSEADDR 14
#define SCTPX_OPT_LINGER 15
#define SCTPX_OPT_ASSOC_NUMBER 16
#define SCTPX_OPT_V6ONLY 17
#define SCTPX_OPT_ENABLE_STREAM_RESET 18
#define SCTPX_OPT_RECONFIG_SUPPORTED 19
#define SCTPX_OPT_PR_SUPPORTED 20
#define SCTPX_OPT_NONBLOCK 21
#define SCTPX_OPT_PENDING_ERROR 22
#define SCTPX_OPT_RECV_FROM 23
#define SCTPX_OPT_UDP_REMOTE_PORT 24
#define SCTPX_OPT_STREAM_SCHEDULER 40
#define SCTPX_OPT_INTERLEAVING_SUPPORTED 41
#define SCTPX_OPT_ASCONF_SUPPORTED 42
#define SCTPX_OPT_AUTO_ASCONF 43
#define SCTPX_OPT_ECN_SUPPORTED 44
#define SCTPX_OPT_PLPMTUD_PROBE_INTERVAL 45
#define SCTPX_OPT_AUTH_SUPPORTED 25
#define SCTPX_OPT_EXPOSE_PF_STATE 50
#define SCTPX_OPT_RECV_NEXT_INFO 51
#define SCTPX_LEVEL_SCTP 132
#define SCTPX_LEVEL_SOCKET 1
#define SCTPX_AUTH_NEW_KEY 0
#define SCTPX_AUTH_FREE_KEY 1
#define SCTPX_AUTH_NO_AUTH 2
#define SCTPX_HMAC_SHA1 1
#define SCTPX_HMAC_SHA256 3
#define SCTPX_AF_INET 2
#define SCTPX_AF_INET6 10
#define SCTPX_ENABLE_RESET_STREAM_REQ 1
#define SCTPX_ENABLE_RESET_ASSOC_REQ 2
#define SCTPX_ENABLE_CHANGE_ASSOC_REQ 4
#define SCTPX_PF_EXPOSE_UNSET 0
#define SCTPX_PF_EXPOSE_DISABLE 1
#define SCTPX_PF_EXPOSE_ENABLE 2
#define SCTPX_DATA_UNSENT 0
#define SCTPX_DATA_SENT 1
#define SCTPX_PARTIAL_DELIVERY_ABORTED 0
#define SCTPX_STREAM_RESET_INCOMING_SSN 1
#define SCTPX_STREAM_RESET_OUTGOING_SSN 2
#define SCTPX_RESET_DENIED 4
#define SCTPX_RESET_FAILED 8
#define SCTPX_STREAM_RESET_INCOMING 1
#define SCTPX_STREAM_RESET_OUTGOING 2
#define SCTPX_PATH_INACTIVE 0
#define SCTPX_PATH_PF 1
#define SCTPX_PATH_ACTIVE 2
#define SCTPX_PATH_UNCONFIRMED 3
#define SCTPX_STATE_CLOSED 1
#define SCTPX_STATE_COOKIE_WAIT 2
#define SCTPX_STATE_COOKIE_ECHOED 3
#define SCTPX_STATE_ESTABLISHED 4
#define SCTPX_STATE_SHUTDOWN_PENDING 5
#define SCTPX_STATE_SHUTDOWN_SENT 6
#define SCTPX_STATE_SHUTDOWN_RECEIVED 7
#define SCTPX_STATE_SHUTDOWN_ACK_SENT 8
#define SCTPX_PEER_FAILED_THRESHOLD 0
#define SCTPX_PEER_RECEIVED_SACK 1
#define SCTPX_PEER_HEARTBEAT_SUCCESS 2
#define SCTPX_PEER_RESPONSE_TO_USER_REQ 3
#define SCTPX_PEER_INTERNAL_ERROR 4
#define SCTPX_PEER_SHUTDOWN_GUARD_EXPIRES 5
#define SCTPX_PEER_FAULTY 6
#define SCTPX_SPP_HB_ENABLE 1
#define SCTPX_SPP_HB_DISABLE 2
#define SCTPX_SPP_HB_DEMAND 4
#define SCTPX_SPP_PMTUD_ENABLE 8
#define SCTPX_SPP_PMTUD_DISABLE 16
#define SCTPX_SPP_SACKDELAY_ENABLE 32
#define SCTPX_SPP_SACKDELAY_DISABLE 64
#define SCTPX_SPP_HB_TIME_IS_ZERO 128
#define SCTPX_SPP_IPV6_FLOWLABEL 256
#define SCTPX_SPP_DSCP 512

typedef uint64_t sctpx_handle;

typedef int32_t sctpx_assoc_id;

typedef struct {
  uint16_t stream;
  uint16_t flags;
  uint32_t ppid;
  uint32_t context;
  sctpx_assoc_id assoc_id;
  uint16_t pr_policy;
  uint16_t reserved;
  uint32_t pr_value;
} sctpx_send_info;

typedef struct {
  uint16_t num_ostreams;
  uint16_t max_instreams;
  uint16_t max_attempts;
  uint16_t max_init_timeo;
} sctpx_initmsg;

typedef struct {
  const uint8_t *data;
  size_t len;
  sctpx_send_info info;
  const struct sockaddr *to;
  socklen_t to_len;
} sctpx_send_msg;

typedef struct {
  uint16_t state;
  uint16_t error;
  uint16_t outbound_streams;
  uint16_t inbound_streams;
  uint32_t features;
} sctpx_assoc_change;

typedef struct {
  struct sockaddr_storage addr;
  uint32_t state;
  uint32_t error;
} sctpx_peer_addr_change;

typedef struct {
  uint16_t error;
} sctpx_remote_error;

typedef struct {
  uint32_t flags;
  uint32_t error;
  sctpx_send_info info;
} sctpx_send_failed;

typedef struct {
  uint32_t indication;
  uint32_t stream;
  uint32_t sequence;
} sctpx_partial_delivery;

typedef struct {
  uint32_t indication;
} sctpx_adaptation;

typedef struct {
  uint16_t key_number;
  uint32_t indication;
} sctpx_authentication;

typedef struct {
  uint16_t flags;
} sctpx_stream_reset;

typedef struct {
  uint16_t flags;
  uint32_t local_tsn;
  uint32_t remote_tsn;
} sctpx_assoc_reset;

typedef struct {
  uint16_t flags;
  uint16_t inbound_streams;
  uint16_t outbound_streams;
} sctpx_stream_change;

typedef struct {
  uint32_t kind;
  uint32_t flags;
  sctpx_assoc_id assoc_id;
  uint32_t len;
  uint16_t stream;
  uint16_t ssn;
  uint32_t ppid;
  uint32_t tsn;
  uint32_t cumtsn;
  uint32_t context;
  socklen_t from_len;
  struct sockaddr_storage from;
  sctpx_assoc_change assoc_change;
  sctpx_peer_addr_change peer_addr_change;
  sctpx_remote_error remote_error;
  sctpx_send_failed send_failed;
  sctpx_partial_delivery partial_delivery;
  sctpx_adaptation adaptation;
  sctpx_authentication authentication;
  sctpx_stream_reset stream_reset;
  sctpx_assoc_reset assoc_reset;
  sctpx_stream_change stream_change;
} sctpx_event;

typedef struct {
  uint32_t flags;
  sctpx_assoc_id assoc_id;
  uint32_t ppid;
  uint32_t len;
  uint16_t stream;
  uint16_t reserved;
} sctpx_next_info;

typedef struct {
  sctpx_assoc_id assoc_id;
  uint32_t initial;
  uint32_t max;
  uint32_t min;
} sctpx_rtoinfo;

typedef struct {
  sctpx_assoc_id assoc_id;
  uint16_t max_retrans;
  uint16_t peer_destinations;
  uint32_t peer_rwnd;
  uint32_t local_rwnd;
  uint32_t cookie_life;
} sctpx_assocparams;

typedef struct {
  sctpx_assoc_id assoc_id;
  uint32_t delay;
  uint32_t freq;
} sctpx_sack_info;

typedef struct {
  sctpx_assoc_id assoc_id;
  socklen_t address_len;
  struct sockaddr_storage address;
  uint32_t hbinterval;
  uint16_t pathmaxrxt;
  uint32_t pathmtu;
  uint32_t sackdelay;
  uint32_t flags;
  uint32_t ipv6_flowlabel;
  uint8_t dscp;
} sctpx_paddrparams;

typedef struct {
  sctpx_assoc_id assoc_id;
  socklen_t address_len;
  struct sockaddr_storage address;
  uint16_t pathmaxrxt;
  uint16_t pf_max_retrans;
  uint16_t ps_retrans;
} sctpx_paddrthlds;

typedef struct {
  sctpx_assoc_id assoc_id;
  socklen_t address_len;
  struct sockaddr_storage address;
  int32_t state;
  uint32_t cwnd;
  uint32_t srtt;
  uint32_t rto;
  uint32_t mtu;
} sctpx_paddrinfo;

typedef struct {
  sctpx_assoc_id assoc_id;
  int32_t state;
  uint32_t rwnd;
  uint16_t unackdata;
  uint16_t penddata;
  uint16_t inbound_streams;
  uint16_t outbound_streams;
  uint32_t fragmentation_point;
  sctpx_paddrinfo primary;
} sctpx_status;

typedef struct {
  sctpx_assoc_id assoc_id;
  uint64_t max_rto;
  uint64_t rtxchunks;
  uint64_t gapcnt;
  uint64_t dupchunks;
  uint64_t osacks;
  uint64_t isacks;
  uint64_t octrlchunks;
  uint64_t ictrlchunks;
  uint64_t oodchunks;
  uint64_t iodchunks;
  uint64_t ouodchunks;
  uint64_t iuodchunks;
  uint64_t opackets;
  uint64_t ipackets;
} sctpx_assoc_stats;

typedef struct {
  sctpx_assoc_id assoc_id;
  uint16_t policy;
  uint32_t value;
} sctpx_default_prinfo;

typedef struct {
  uint64_t abandoned_unsent;
  uint64_t abandoned_sent;
} sctpx_pr_status;

const char *sctpx_version(void);

int32_t sctpx_strerror(int32_t code, char *buf, size_t len);

int32_t sctpx_open_tcp(int32_t family_, sctpx_handle *out);

int32_t sctpx_open_udp(int32_t family_, sctpx_handle *out);

int32_t sctpx_open(int32_t backend, int32_t family_, int32_t kind, sctpx_handle *out);

int32_t sctpx_adopt_fd(int32_t fd, sctpx_handle *out);

int32_t sctpx_close(sctpx_handle h);

int32_t sctpx_fileno(sctpx_handle h);

int32_t sctpx_kind(sctpx_handle h);

int32_t sctpx_bind(sctpx_handle h, const struct sockaddr *addr, socklen_t addr_len);

int32_t sctpx_listen(sctpx_handle h, int32_t backlog);

int32_t sctpx_accept(sctpx_handle h,
                     sctpx_handle *out,
                     struct sockaddr_storage *peer,
                     socklen_t *peer_len);

int32_t sctpx_connect(sctpx_handle h, const struct sockaddr *addr, socklen_t addr_len);

int32_t sctpx_connect_result(sctpx_handle h, sctpx_assoc_id assoc_id);

int32_t sctpx_peeloff(sctpx_handle h, sctpx_assoc_id assoc_id, int32_t flags, sctpx_handle *out);

int32_t sctpx_shutdown(sctpx_handle h, sctpx_assoc_id assoc_id);

int32_t sctpx_abort(sctpx_handle h, sctpx_assoc_id assoc_id);

int32_t sctpx_abort_and_close(sctpx_handle h);

int32_t sctpx_backend(sctpx_handle h);

int32_t sctpx_backend_available(int32_t backend);

int32_t sctpx_set_default_backend(int32_t backend);

int32_t sctpx_default_backend(void);

int32_t sctpx_set_udp_port(int32_t port);

int32_t sctpx_udp_port(void);

int32_t sctpx_set_udp_remote_port(int32_t port);

int32_t sctpx_udp_remote_port(void);

int32_t sctpx_bindx(sctpx_handle h,
                    const struct sockaddr_storage *addrs,
                    size_t count,
                    int32_t flags);

int32_t sctpx_connectx(sctpx_handle h,
                       const struct sockaddr_storage *addrs,
                       size_t count,
                       sctpx_assoc_id *assoc_id);

int32_t sctpx_getpaddrs(sctpx_handle h,
                        sctpx_assoc_id assoc_id,
                        struct sockaddr_storage *out,
                        size_t cap);

int32_t sctpx_getladdrs(sctpx_handle h,
                        sctpx_assoc_id assoc_id,
                        struct sockaddr_storage *out,
                        size_t cap);

int32_t sctpx_set_primary(sctpx_handle h,
                          sctpx_assoc_id assoc_id,
                          const struct sockaddr *addr,
                          socklen_t addr_len);

int32_t sctpx_get_primary(sctpx_handle h, sctpx_assoc_id assoc_id, struct sockaddr_storage *out);

int32_t sctpx_set_peer_primary(sctpx_handle h,
                               sctpx_assoc_id assoc_id,
                               const struct sockaddr *addr,
                               socklen_t addr_len);

int32_t sctpx_send_stream(sctpx_handle h,
                          sctpx_assoc_id assoc_id,
                          uint16_t stream,
                          uint32_t ppid,
                          const uint8_t *buf,
                          size_t len);

int32_t sctpx_send(sctpx_handle h,
                   const uint8_t *buf,
                   size_t len,
                   const sctpx_send_info *info,
                   const struct sockaddr *to,
                   socklen_t to_len);

int32_t sctpx_send_setup(sctpx_handle h,
                         const uint8_t *buf,
                         size_t len,
                         const sctpx_send_info *info,
                         const struct sockaddr_storage *addrs,
                         size_t count,
                         const sctpx_initmsg *init);

int32_t sctpx_send_batch(sctpx_handle h, const sctpx_send_msg *msgs, size_t count);

int32_t sctpx_next_event(sctpx_handle h,
                         sctpx_event *event,
                         uint8_t *buf,
                         size_t cap,
                         int32_t timeout_ms);

int32_t sctpx_next_event_with_next_info(sctpx_handle h,
                                        sctpx_event *event,
                                        uint8_t *buf,
                                        size_t cap,
                                        int32_t timeout_ms,
                                        sctpx_next_info *next);

int32_t sctpx_recv_batch(sctpx_handle h,
                         sctpx_event *events,
                         size_t count,
                         uint8_t *bufs,
                         size_t stride,
                         int32_t timeout_ms);

int32_t sctpx_subscribe(sctpx_handle h, uint32_t kind, int32_t on);

int32_t sctpx_subscribed(sctpx_handle h, uint32_t kind);

int32_t sctpx_get_option(sctpx_handle h, sctpx_assoc_id assoc_id, int32_t option, int64_t *value);

int32_t sctpx_set_option(sctpx_handle h, sctpx_assoc_id assoc_id, int32_t option, int64_t value);

int32_t sctpx_get_rtoinfo(sctpx_handle h,
                          sctpx_assoc_id assoc_id,
                          sctpx_rtoinfo *out);

int32_t sctpx_set_rtoinfo(sctpx_handle h,
                          const sctpx_rtoinfo *value);

int32_t sctpx_get_assocparams(sctpx_handle h,
                              sctpx_assoc_id assoc_id,
                              sctpx_assocparams *out);

int32_t sctpx_set_assocparams(sctpx_handle h,
                              const sctpx_assocparams *value);

int32_t sctpx_get_default_send_info(sctpx_handle h,
                                    sctpx_assoc_id assoc_id,
                                    sctpx_send_info *out);

int32_t sctpx_set_default_send_info(sctpx_handle h,
                                    const sctpx_send_info *value);

int32_t sctpx_get_delayed_sack(sctpx_handle h, sctpx_assoc_id assoc_id, sctpx_sack_info *out);

int32_t sctpx_set_delayed_sack(sctpx_handle h, const sctpx_sack_info *value);

int32_t sctpx_get_initmsg(sctpx_handle h, sctpx_initmsg *out);

int32_t sctpx_set_initmsg(sctpx_handle h, const sctpx_initmsg *value);

int32_t sctpx_get_paddrparams(sctpx_handle h,
                              sctpx_assoc_id assoc_id,
                              const struct sockaddr *addr,
                              socklen_t addr_len,
                              sctpx_paddrparams *out);

int32_t sctpx_set_paddrparams(sctpx_handle h, const sctpx_paddrparams *value);

int32_t sctpx_get_paddrthlds(sctpx_handle h,
                             sctpx_assoc_id assoc_id,
                             const struct sockaddr *addr,
                             socklen_t addr_len,
                             sctpx_paddrthlds *out);

int32_t sctpx_set_paddrthlds(sctpx_handle h, const sctpx_paddrthlds *value);

int32_t sctpx_get_paddr_udp_port(sctpx_handle h,
                                 sctpx_assoc_id assoc_id,
                                 const struct sockaddr *addr,
                                 socklen_t addr_len,
                                 int32_t *port);

int32_t sctpx_set_paddr_udp_port(sctpx_handle h,
                                 sctpx_assoc_id assoc_id,
                                 const struct sockaddr *addr,
                                 socklen_t addr_len,
                                 int32_t port);

int32_t sctpx_get_status(sctpx_handle h, sctpx_assoc_id assoc_id, sctpx_status *out);

int32_t sctpx_get_paddrinfo(sctpx_handle h,
                            sctpx_assoc_id assoc_id,
                            const struct sockaddr *addr,
                            socklen_t addr_len,
                            sctpx_paddrinfo *out);

int32_t sctpx_get_assoc_stats(sctpx_handle h, sctpx_assoc_id assoc_id, sctpx_assoc_stats *out);

int32_t sctpx_get_assoc_ids(sctpx_handle h, sctpx_assoc_id *out, size_t cap);

int32_t sctpx_reset_streams(sctpx_handle h,
                            sctpx_assoc_id assoc_id,
                            uint16_t flags,
                            const uint16_t *streams,
                            size_t count);

int32_t sctpx_reset_assoc(sctpx_handle h, sctpx_assoc_id assoc_id);

int32_t sctpx_add_streams(sctpx_handle h,
                          sctpx_assoc_id assoc_id,
                          uint16_t inbound,
                          uint16_t outbound);

int32_t sctpx_get_default_prinfo(sctpx_handle h,
                                 sctpx_assoc_id assoc_id,
                                 sctpx_default_prinfo *out);

int32_t sctpx_set_default_prinfo(sctpx_handle h, const sctpx_default_prinfo *value);

int32_t sctpx_get_pr_assoc_status(sctpx_handle h,
                                  sctpx_assoc_id assoc_id,
                                  uint16_t policy,
                                  sctpx_pr_status *out);

int32_t sctpx_get_pr_stream_status(sctpx_handle h,
                                   sctpx_assoc_id assoc_id,
                                   uint16_t stream,
                                   uint16_t policy,
                                   sctpx_pr_status *out);

int32_t sctpx_get_stream_sched_value(sctpx_handle h,
                                     sctpx_assoc_id assoc_id,
                                     uint16_t stream,
                                     uint16_t *value);

int32_t sctpx_set_stream_sched_value(sctpx_handle h,
                                     sctpx_assoc_id assoc_id,
                                     uint16_t stream,
                                     uint16_t value);

int32_t sctpx_getsockopt(sctpx_handle h, int32_t level, int32_t name, uint8_t *buf, size_t *len);

int32_t sctpx_setsockopt(sctpx_handle h,
                         int32_t level,
                         int32_t name,
                         const uint8_t *buf,
                         size_t len);

int32_t sctpx_add_auth_chunk(sctpx_handle h, uint8_t chunk_type);

int32_t sctpx_set_hmac_idents(sctpx_handle h, const uint16_t *idents, size_t count);

int32_t sctpx_get_hmac_idents(sctpx_handle h, uint16_t *out, size_t cap);

int32_t sctpx_set_auth_key(sctpx_handle h,
                           sctpx_assoc_id assoc_id,
                           uint16_t key_number,
                           const uint8_t *key,
                           size_t len);

int32_t sctpx_set_active_auth_key(sctpx_handle h, sctpx_assoc_id assoc_id, uint16_t key_number);

int32_t sctpx_get_active_auth_key(sctpx_handle h, sctpx_assoc_id assoc_id, uint16_t *out);

int32_t sctpx_deactivate_auth_key(sctpx_handle h, sctpx_assoc_id assoc_id, uint16_t key_number);

int32_t sctpx_delete_auth_key(sctpx_handle h, sctpx_assoc_id assoc_id, uint16_t key_number);

int32_t sctpx_get_peer_auth_chunks(sctpx_handle h,
                                   sctpx_assoc_id assoc_id,
                                   uint8_t *out,
                                   size_t cap);

int32_t sctpx_get_local_auth_chunks(sctpx_handle h,
                                    sctpx_assoc_id assoc_id,
                                    uint8_t *out,
                                    size_t cap);
