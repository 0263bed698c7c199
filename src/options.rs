//! Typed socket options (RFC 6458 section 8, as Linux implements it).

use std::mem;
use std::net::SocketAddr;
use std::ops::RangeInclusive;

use crate::addr;
use crate::error::{Error, Result};
use crate::socket::{Kind, Socket};
use crate::sys;
use crate::types::*;

/// How the core reads and writes an integer option: the kernel option behind
/// it, and the form of its value there.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum Access {
    /// A C `int` at (level, name).
    Int(i32, i32),
    /// A `uint32_t` (or a struct of one) at `SOL_SCTP`.
    U32(i32),
    /// A `uint32_t` at `SOL_SCTP` that only one-to-many sockets have.
    OneToManyU32(i32),
    /// A `struct sctp_assoc_value` at `SOL_SCTP`: per association.
    AssocValue(i32),
    /// `SO_LINGER`'s `struct linger`, as seconds or -1 for off.
    Linger,
    /// The descriptor's O_NONBLOCK.
    NonBlock,
    /// Whether data events carry their source address (sctpx's own).
    RecvFrom,
    /// The remote UDP encapsulation port of an association (or the socket's
    /// default): `struct sctp_udpencaps` on the kernel, usrsctp's own layout
    /// on the userspace backend; the port is in network byte order in both.
    UdpRemotePort,
    /// A `struct sctp_probeinterval` at `SOL_SCTP` for no address in
    /// particular: the association's or the socket's.
    ProbeInterval(i32),
}

/// A yes/no option: the kernel reads any other value as 1.
const FLAG: Option<RangeInclusive<i64>> = Some(0..=1);
/// An `int` of seconds or bytes: more than `i32::MAX` would wrap negative.
const INT: Option<RangeInclusive<i64>> = Some(0..=i32::MAX as i64);
/// A `uint32_t`.
const U32: Option<RangeInclusive<i64>> = Some(0..=u32::MAX as i64);
/// An option `set_option` refuses.
const READ_ONLY: Option<RangeInclusive<i64>> = None;

/// Declares the integer options; see the table below for its rows.
macro_rules! int_options {
    (
        $(#[doc = $heading:literal])*
        table {
            $( $(#[doc = $doc:literal])* $variant:ident = $num:literal as $cname:ident, $range:expr, $access:expr; )*
        }
    ) => {
        /// Integer-valued options, for `Socket::option` / `Socket::set_option`.
        ///
        /// The discriminants are the C ABI's `SCTPX_OPT_*` numbers; `range` says
        /// which values each accepts.
        #[derive(Clone, Copy, Debug, PartialEq, Eq)]
        #[repr(i32)]
        pub enum IntOption {
            $( $(#[doc = $doc])* $variant = $num, )*
        }

        impl IntOption {
            /// Every option, in number order.
            pub const ALL: [IntOption; [$($num),*].len()] = [$(IntOption::$variant),*];

            /// The option for a C ABI number, if valid.
            pub fn from_i32(n: i32) -> Option<IntOption> {
                match n {
                    $($num => Some(IntOption::$variant),)*
                    _ => None,
                }
            }

            /// The values `set_option` accepts, or `None` for a read-only option:
            /// the one place each option's range is decided (the header's
            /// SCTPX_OPT_* docs are generated from it).
            pub const fn range(self) -> Option<RangeInclusive<i64>> {
                match self {
                    $(IntOption::$variant => $range,)*
                }
            }

            /// The kernel option behind it and the form of its value.
            pub(crate) const fn access(self) -> Access {
                match self {
                    $(IntOption::$variant => $access,)*
                }
            }

            #[cfg(test)]
            fn c_name(self) -> &'static str {
                match self {
                    $(IntOption::$variant => stringify!($cname),)*
                }
            }

            #[cfg(test)]
            fn doc(self) -> &'static str {
                match self {
                    $(IntOption::$variant => concat!($($doc, "\n"),*),)*
                }
            }
        }

        $(#[doc = $heading])*
        #[cfg(test)]
        pub(crate) fn int_options() -> crate::tables::CGroup {
            crate::tables::CGroup {
                heading: concat!($($heading, "\n"),*),
                ty: "i32",
                rows: IntOption::ALL
                    .iter()
                    .map(|&o| {
                        // The range closes each doc, in the form tests/c/header-lists reads.
                        let range = match o.range() {
                            Some(r) => format!(" Range: {} to {}.\n", r.start(), r.end()),
                            None => " Read only.\n".to_string(),
                        };
                        crate::tables::CRow::new(o.c_name(), o as i64, &format!("{}{}", o.doc(), range))
                    })
                    .collect(),
            }
        }
    };
}

int_options! {
    /// Integer options for sctpx_get_option / sctpx_set_option. Values are the
    /// library's own, stable, and independent of the kernel's option numbers.
    /// Each doc ends with what sctpx_set_option accepts, "Range: MIN to MAX." or
    /// "Read only.", from `IntOption::range` (tests/c/option_ranges.c checks
    /// that the library does what it says).
    ///
    /// Adding an integer option:
    ///  1. add its row here: its doc comment (the kernel option and what the
    ///     value means; the range line is added from the row), the next unused
    ///     number (never reuse one), its SCTPX_OPT_ name, its range (FLAG, INT,
    ///     U32, READ_ONLY or `Some(lo..=hi)`) and its `Access` (a new `Access`
    ///     variant only for a value form none of them has);
    ///  2. run `make header`: it regenerates src/ffi/constants.rs and
    ///     include/sctpx.h from this table, and the bindings' generated lists
    ///     from the header (Python's constants, `Option` and socket property;
    ///     Go's `Opt*` constant);
    ///  3. add a test of what the option does on kernel SCTP (tests/options.rs
    ///     or tests/c/options.c); its range is already tested for every option
    ///     by tests/c/option_ranges.c and the bindings' option range tests.
    table {
        /// SCTP_NODELAY: 1 disables Nagle-like bundling delay.
        NoDelay = 1 as SCTPX_OPT_NODELAY, FLAG, Access::Int(sys::SOL_SCTP, sys::SCTP_NODELAY);
        /// SCTP_AUTOCLOSE: seconds of idle time before a one-to-many association is
        /// closed (0 = never). The kernel lowers a value above the sysctl
        /// net.sctp.max_autoclose (by default INT_MAX / HZ: 8589934 with HZ=250) to
        /// it. One-to-one sockets: -EOPNOTSUPP.
        AutoClose = 2 as SCTPX_OPT_AUTOCLOSE, INT, Access::Int(sys::SOL_SCTP, sys::SCTP_AUTOCLOSE);
        /// SCTP_DISABLE_FRAGMENTS: 1 makes oversize sends fail with EMSGSIZE.
        DisableFragments = 3 as SCTPX_OPT_DISABLE_FRAGMENTS, FLAG,
            Access::Int(sys::SOL_SCTP, sys::SCTP_DISABLE_FRAGMENTS);
        /// SCTP_I_WANT_MAPPED_V4_ADDR: 1 reports IPv4 peers of an IPv6 socket as
        /// v4-mapped IPv6 addresses.
        MappedV4 = 4 as SCTPX_OPT_MAPPED_V4, FLAG, Access::Int(sys::SOL_SCTP, sys::SCTP_I_WANT_MAPPED_V4_ADDR);
        /// SCTP_FRAGMENT_INTERLEAVE: partial-delivery interleave level (RFC 6458
        /// 8.1.20): 0 off, 1 across associations, 2 across streams as well (what
        /// I-DATA needs). Linux keeps only on or off: 2 reads back as 1, and
        /// turning it off also turns SCTPX_OPT_INTERLEAVING_SUPPORTED off.
        FragmentInterleave = 5 as SCTPX_OPT_FRAGMENT_INTERLEAVE, Some(0..=2),
            Access::Int(sys::SOL_SCTP, sys::SCTP_FRAGMENT_INTERLEAVE);
        /// SCTP_PARTIAL_DELIVERY_POINT: bytes after which partial delivery starts.
        /// The kernel refuses more than half of SCTPX_OPT_RCVBUF's value (-EINVAL).
        PartialDeliveryPoint = 6 as SCTPX_OPT_PARTIAL_DELIVERY_POINT, U32,
            Access::U32(sys::SCTP_PARTIAL_DELIVERY_POINT);
        /// SCTP_MAXSEG: maximum fragment size in bytes (per association); 0 lets
        /// the path MTU decide. The kernel refuses other values below its minimum
        /// for the family (464 for IPv4, 450 for IPv6 on Linux 6.1) and, on an
        /// association using I-DATA, above 65512 (-EINVAL).
        // The most a DATA chunk can carry: SCTP_MAX_CHUNK_LEN 65532 less its 16-byte header.
        MaxSeg = 7 as SCTPX_OPT_MAXSEG, Some(0..=65516), Access::AssocValue(sys::SCTP_MAXSEG);
        /// SCTP_MAX_BURST: maximum burst of packets (per association; 0: no limit).
        MaxBurst = 8 as SCTPX_OPT_MAX_BURST, U32, Access::AssocValue(sys::SCTP_MAX_BURST);
        /// SCTP_CONTEXT: default context for sends (per association).
        Context = 9 as SCTPX_OPT_CONTEXT, U32, Access::AssocValue(sys::SCTP_CONTEXT);
        /// SCTP_ADAPTATION_LAYER: the adaptation indication sent in INIT/INIT-ACK.
        // struct sctp_setadaptation is one uint32_t.
        AdaptationLayer = 10 as SCTPX_OPT_ADAPTATION_LAYER, U32, Access::U32(sys::SCTP_ADAPTATION_LAYER);
        /// SCTP_REUSE_PORT: 1 lets several sockets bind the same port.
        ReusePort = 11 as SCTPX_OPT_REUSE_PORT, FLAG, Access::Int(sys::SOL_SCTP, sys::SCTP_REUSE_PORT);
        /// SO_SNDBUF in bytes. As socket(7) says, the kernel doubles what is set,
        /// lowers it to twice the sysctl net.core.wmem_max and raises it to its
        /// minimum (at least 2048).
        SndBuf = 12 as SCTPX_OPT_SNDBUF, INT, Access::Int(libc::SOL_SOCKET, libc::SO_SNDBUF);
        /// SO_RCVBUF in bytes. As socket(7) says, the kernel doubles what is set,
        /// lowers it to twice the sysctl net.core.rmem_max and raises it to its
        /// minimum (at least 256).
        RcvBuf = 13 as SCTPX_OPT_RCVBUF, INT, Access::Int(libc::SOL_SOCKET, libc::SO_RCVBUF);
        /// SO_REUSEADDR: 1 allows binding a port in TIME_WAIT-like states.
        ReuseAddr = 14 as SCTPX_OPT_REUSEADDR, FLAG, Access::Int(libc::SOL_SOCKET, libc::SO_REUSEADDR);
        /// SO_LINGER: -1 = off; N >= 0 = linger N seconds on close (0 aborts).
        // struct linger's l_linger is an int; -1 is sctpx's "off".
        Linger = 15 as SCTPX_OPT_LINGER, Some(-1..=i32::MAX as i64), Access::Linger;
        /// SCTP_GET_ASSOC_NUMBER: associations on a one-to-many socket.
        AssocNumber = 16 as SCTPX_OPT_ASSOC_NUMBER, READ_ONLY, Access::OneToManyU32(sys::SCTP_GET_ASSOC_NUMBER);
        /// IPV6_V6ONLY: 1 makes an IPv6 socket refuse IPv4 peers.
        V6Only = 17 as SCTPX_OPT_V6ONLY, FLAG, Access::Int(libc::IPPROTO_IPV6, libc::IPV6_V6ONLY);
        /// SCTP_ENABLE_STREAM_RESET: bit set of SCTPX_ENABLE_RESET_* (per assoc).
        EnableStreamReset = 18 as SCTPX_OPT_ENABLE_STREAM_RESET, Some(0..=7),
            Access::AssocValue(sys::SCTP_ENABLE_STREAM_RESET);
        /// SCTP_RECONFIG_SUPPORTED: 1 offers stream reconfiguration to new peers.
        ReconfigSupported = 19 as SCTPX_OPT_RECONFIG_SUPPORTED, FLAG,
            Access::AssocValue(sys::SCTP_RECONFIG_SUPPORTED);
        /// SCTP_PR_SUPPORTED: 1 offers partial reliability to new peers.
        PrSupported = 20 as SCTPX_OPT_PR_SUPPORTED, FLAG, Access::AssocValue(sys::SCTP_PR_SUPPORTED);
        /// O_NONBLOCK on the descriptor: 1 makes calls return -EAGAIN (connects:
        /// -EINPROGRESS) instead of blocking when no timeout is given.
        NonBlock = 21 as SCTPX_OPT_NONBLOCK, FLAG, Access::NonBlock;
        /// SO_ERROR: the socket's pending error as a positive errno (0 when none),
        /// cleared by the read — how a non-blocking connect reports its result.
        PendingError = 22 as SCTPX_OPT_PENDING_ERROR, READ_ONLY, Access::Int(libc::SOL_SOCKET, libc::SO_ERROR);
        /// sctpx's own option, not the kernel's: 1 (the default) data events carry
        /// their source address in `from`; 0 they do not (`from_len` 0), and each
        /// receive saves the kernel's copy of it. Per socket; inherited by peeloff.
        RecvFrom = 23 as SCTPX_OPT_RECV_FROM, FLAG, Access::RecvFrom;
        /// SCTP_REMOTE_UDP_ENCAPS_PORT: the UDP port the peer receives SCTP over UDP
        /// on (RFC 6951), per association (0 = the socket's default for new
        /// associations). 0 turns encapsulation off: plain SCTP over IP. The
        /// userspace backend's sockets start with `sctpx_set_udp_remote_port`'s port
        /// (9899 by default); the kernel's with the sysctl net.sctp.encap_port (0 by
        /// default), and it sends over UDP only with net.sctp.udp_port set (Linux
        /// 5.11 and later; older kernels: -ENOPROTOOPT).
        UdpRemotePort = 24 as SCTPX_OPT_UDP_REMOTE_PORT, Some(0..=65535), Access::UdpRemotePort;
        /// SCTP_STREAM_SCHEDULER: SCTPX_SCHED_* (per association; new
        /// associations take the socket's). Each stream's weight or priority is
        /// sctpx_set_stream_sched_value's. The kernel refuses a scheduler it does
        /// not have (-EINVAL: Linux before 6.3 has FCFS, PRIO and RR only).
        StreamScheduler = 40 as SCTPX_OPT_STREAM_SCHEDULER, Some(0..=4),
            Access::AssocValue(sys::SCTP_STREAM_SCHEDULER);
        /// SCTP_INTERLEAVING_SUPPORTED: 1 offers I-DATA (RFC 8260, message
        /// interleaving) to new peers; an association reads 1 when both sides
        /// use it. Messages of different streams interleave only under a
        /// scheduler that switches streams (SCTPX_SCHED_RR, _PRIO); under FCFS
        /// each still goes out whole, in order. The kernel refuses any value
        /// (-EPERM) unless the sysctl net.sctp.intl_enable is 1 and
        /// SCTPX_OPT_FRAGMENT_INTERLEAVE is on.
        InterleavingSupported = 41 as SCTPX_OPT_INTERLEAVING_SUPPORTED, FLAG,
            Access::AssocValue(sys::SCTP_INTERLEAVING_SUPPORTED);
        /// SCTP_ASCONF_SUPPORTED: 1 offers dynamic address reconfiguration
        /// (ASCONF, RFC 5061) to new peers; the default is the sysctl
        /// net.sctp.addip_enable. An association reads whether the peer uses it.
        AsconfSupported = 42 as SCTPX_OPT_ASCONF_SUPPORTED, FLAG,
            Access::AssocValue(sys::SCTP_ASCONF_SUPPORTED);
        /// SCTP_AUTO_ASCONF: 1 makes the kernel announce (ASCONF) the host's
        /// addresses as they come and go, to every association of a socket bound
        /// to the wildcard address; the default is the sysctl
        /// net.sctp.default_auto_asconf. The kernel refuses 1 on a socket not
        /// bound to the wildcard address (-EINVAL).
        AutoAsconf = 43 as SCTPX_OPT_AUTO_ASCONF, FLAG, Access::Int(sys::SOL_SCTP, sys::SCTP_AUTO_ASCONF);
        /// SCTP_ECN_SUPPORTED: 1 offers explicit congestion notification to new
        /// peers; the default is the sysctl net.sctp.ecn_enable. An association
        /// reads whether the peer uses it.
        EcnSupported = 44 as SCTPX_OPT_ECN_SUPPORTED, FLAG, Access::AssocValue(sys::SCTP_ECN_SUPPORTED);
        /// SCTP_PLPMTUD_PROBE_INTERVAL: milliseconds between packetization-layer
        /// path MTU probes (RFC 8899) of every path of the association (0: the
        /// socket's, for new ones); 0 turns probing off. The default is the sysctl
        /// net.sctp.plpmtud_probe_interval. The kernel refuses 1 to 4999 (-EINVAL).
        PlpmtudProbeInterval = 45 as SCTPX_OPT_PLPMTUD_PROBE_INTERVAL, U32,
            Access::ProbeInterval(sys::SCTP_PLPMTUD_PROBE_INTERVAL);
        /// SCTP_AUTH_SUPPORTED: 1 turns SCTP-AUTH (RFC 4895) on for this socket
        /// and offers it to new peers; the sysctl net.sctp.auth_enable is only the
        /// default. The AUTH calls (sctpx_set_auth_key, ...) need it (-EACCES).
        AuthSupported = 25 as SCTPX_OPT_AUTH_SUPPORTED, FLAG, Access::AssocValue(sys::SCTP_AUTH_SUPPORTED);
        /// SCTP_EXPOSE_POTENTIALLY_FAILED_STATE (per association): whether a path
        /// entering the potentially-failed state is shown. SCTPX_PF_EXPOSE_UNSET (0)
        /// follows the sysctl net.sctp.pf_expose (the kernel's default: no
        /// SCTPX_ADDR_POTENTIALLY_FAILED event, the path reads SCTPX_PATH_PF);
        /// SCTPX_PF_EXPOSE_DISABLE (1): no event, and reading such a path's info is
        /// refused (-EACCES); SCTPX_PF_EXPOSE_ENABLE (2): the event and the state.
        ExposePfState = 50 as SCTPX_OPT_EXPOSE_PF_STATE, Some(0..=2),
            Access::AssocValue(sys::SCTP_EXPOSE_POTENTIALLY_FAILED_STATE);
        /// SCTP_RECVNXTINFO: 1 makes each receive also describe the message queued
        /// behind the one it returns, when one is already waiting: its stream,
        /// PPID, length, flags and association (sctpx_next_event_with_next_info's
        /// sctpx_next_info; `Received::next` in Rust). 0 (the default): no such
        /// report.
        RecvNextInfo = 51 as SCTPX_OPT_RECV_NEXT_INFO, FLAG, Access::Int(sys::SOL_SCTP, sys::SCTP_RECVNXTINFO);
    }
}

crate::tables::c_constants! {
    /// Option levels for sctpx_getsockopt / sctpx_setsockopt: the kernel's own
    /// values, so SOL_SCTP and SOL_SOCKET work as well.
    pub table option_levels: i32 {
        /// SOL_SCTP (IPPROTO_SCTP): the options of <linux/sctp.h>.
        SCTPX_LEVEL_SCTP = 132 => LEVEL_SCTP;
        /// SOL_SOCKET.
        SCTPX_LEVEL_SOCKET = 1 => LEVEL_SOCKET;
    }
}

/// Whether the raw option calls refuse `name` at `level`: a level other than
/// SOL_SCTP and SOL_SOCKET, or an option whose buffer holds a pointer the
/// kernel follows (so that a safe call cannot make it read or write memory
/// the buffer does not cover).
fn raw_refused(level: i32, name: i32) -> bool {
    match level {
        // 104 to 106 followed pointers before Linux removed them; CONNECTX3's
        // struct sctp_getaddrs_old holds a pointer to the addresses.
        LEVEL_SCTP => matches!(name, 104..=106 | sys::SCTP_SOCKOPT_CONNECTX3) || name < 0,
        // struct sock_fprog holds a pointer to the filter.
        LEVEL_SOCKET => matches!(name, libc::SO_ATTACH_FILTER | libc::SO_ATTACH_REUSEPORT_CBPF) || name < 0,
        _ => true,
    }
}

/// SCTP_PEER_ADDR_PARAMS.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeerAddrParams {
    /// Association (one-to-many), or 0 for the socket's defaults.
    pub assoc_id: AssocId,
    /// The peer address, or `None` for all of the association's addresses.
    pub address: Option<SocketAddr>,
    /// Heartbeat interval in milliseconds.
    pub hbinterval: u32,
    /// Maximum retransmissions on this path before it is marked failed.
    pub pathmaxrxt: u16,
    /// Path MTU (with SPP_PMTUD_DISABLE).
    pub pathmtu: u32,
    /// Delayed SACK time in milliseconds.
    pub sackdelay: u32,
    /// The kernel's SPP_* flags, unchanged.
    pub flags: u32,
    /// IPv6 flow label (with SPP_IPV6_FLOWLABEL).
    pub ipv6_flowlabel: u32,
    /// DSCP (with SPP_DSCP).
    pub dscp: u8,
}

/// SCTP_PEER_ADDR_THLDS_V2: when a path counts as potentially failed, when
/// as failed, and when the primary moves off it (RFC 7829), all counted in
/// consecutive retransmission timeouts on that path.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeerAddrThresholds {
    /// Association (one-to-many), or 0 for the socket's defaults.
    pub assoc_id: AssocId,
    /// The peer address, or `None` for all of the association's addresses.
    pub address: Option<SocketAddr>,
    /// Timeouts after which the path is failed (unreachable); 0 on a set
    /// leaves it unchanged.
    pub pathmaxrxt: u16,
    /// Timeouts after which the path is potentially failed (no longer used
    /// for new data while another path is active). Below `pathmaxrxt` to have
    /// an effect; at most `ps_retrans`.
    pub pf_max_retrans: u16,
    /// Timeouts on the primary path after which the path in use becomes the
    /// primary (primary path switchover); 65535, the kernel's default, never.
    pub ps_retrans: u16,
}

/// SCTP_GET_PEER_ADDR_INFO: one peer address's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct PeerAddrInfo {
    /// Association.
    pub assoc_id: AssocId,
    /// The peer address.
    pub address: Option<SocketAddr>,
    /// SCTP_INACTIVE (0), SCTP_PF (1), SCTP_ACTIVE (2), SCTP_UNCONFIRMED (3).
    pub state: i32,
    /// Congestion window in bytes.
    pub cwnd: u32,
    /// Smoothed RTT in milliseconds.
    pub srtt: u32,
    /// Retransmission timeout in milliseconds.
    pub rto: u32,
    /// Path MTU.
    pub mtu: u32,
}

/// SCTP_STATUS: an association's state.
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct Status {
    /// Association.
    pub assoc_id: AssocId,
    /// The kernel's association state (SCTP_ESTABLISHED = 4).
    pub state: i32,
    /// Peer's receive window.
    pub rwnd: u32,
    /// Unacknowledged DATA chunks.
    pub unackdata: u16,
    /// DATA chunks pending receipt.
    pub penddata: u16,
    /// Inbound streams.
    pub inbound_streams: u16,
    /// Outbound streams.
    pub outbound_streams: u16,
    /// Fragmentation point in bytes.
    pub fragmentation_point: u32,
    /// The primary path.
    pub primary: PeerAddrInfo,
}

fn storage_of(a: Option<SocketAddr>) -> libc::sockaddr_storage {
    // SAFETY: all-zero sockaddr_storage is valid (AF_UNSPEC).
    let mut s: libc::sockaddr_storage = unsafe { mem::zeroed() };
    if let Some(a) = a {
        addr::to_storage(&a, &mut s);
    }
    s
}

/// A `sctp_probeinterval` for no address in particular (all-zero: the
/// association's or socket's value).
fn probe_interval(assoc_id: AssocId, interval: u32) -> sys::sctp_probeinterval {
    let mut v: sys::sctp_probeinterval = zeroed();
    v.spi_assoc_id = assoc_id;
    v.spi_interval = interval;
    v
}

/// An all-zero kernel struct, padding included. Structs with padding that go
/// to the kernel start here: it copies (and valgrind checks) every byte, and
/// a struct literal leaves padding undefined.
fn zeroed<T: sys::Pod>() -> T {
    // SAFETY: Pod types are plain integers and byte arrays: all-zero is valid.
    unsafe { mem::zeroed() }
}

/// The kernel's SCTP_PR_SCTP_* for a PR_* policy (PR_ALL included).
fn kernel_pr_policy(policy: u16) -> Result<u16> {
    match policy {
        PR_NONE => Ok(sys::SCTP_PR_SCTP_NONE),
        PR_TTL => Ok(sys::SCTP_PR_SCTP_TTL),
        PR_RTX => Ok(sys::SCTP_PR_SCTP_RTX),
        PR_PRIO => Ok(sys::SCTP_PR_SCTP_PRIO),
        PR_ALL => Ok(sys::SCTP_PR_SCTP_ALL),
        _ => Err(Error::InvalidArgument("unknown partial-reliability policy")),
    }
}

/// The policy asked for by a PR status call: one that can abandon messages, or
/// PR_ALL (the kernel refuses PR_NONE too, but says only -EINVAL).
fn status_pr_policy(policy: u16) -> Result<u16> {
    if policy == PR_NONE {
        return Err(Error::InvalidArgument("PR_NONE abandons nothing: ask for a policy or PR_ALL"));
    }
    kernel_pr_policy(policy)
}

fn paddrinfo_of(p: &sys::sctp_paddrinfo) -> PeerAddrInfo {
    let a = p.spinfo_address;
    PeerAddrInfo {
        assoc_id: p.spinfo_assoc_id,
        address: addr::from_storage_any(&a).ok(),
        state: p.spinfo_state,
        cwnd: p.spinfo_cwnd,
        srtt: p.spinfo_srtt,
        rto: p.spinfo_rto,
        mtu: p.spinfo_mtu,
    }
}

impl Socket {
    fn assoc_value(&self, name: i32, assoc_id: AssocId) -> Result<i64> {
        let mut v = sys::sctp_assoc_value { assoc_id, assoc_value: 0 };
        self.getopt(name, &mut v)?;
        Ok(v.assoc_value as i64)
    }

    fn set_assoc_value(&self, name: i32, assoc_id: AssocId, value: i64) -> Result<()> {
        let v = sys::sctp_assoc_value { assoc_id, assoc_value: to_u32(value)? };
        self.setopt(name, &v)
    }

    fn int_at(&self, level: i32, name: i32) -> Result<i64> {
        let mut v: libc::c_int = 0;
        self.getopt_at(level, name, &mut v)?;
        Ok(v as i64)
    }

    fn set_int_at(&self, level: i32, name: i32, value: i64) -> Result<()> {
        let v = libc::c_int::try_from(value).map_err(|_| Error::InvalidArgument("value out of range"))?;
        self.setopt_at(level, name, &v)?;
        Ok(())
    }

    fn u32_sctp(&self, name: i32) -> Result<i64> {
        let mut v: u32 = 0;
        self.getopt(name, &mut v)?;
        Ok(v as i64)
    }

    /// The remote UDP encapsulation port of association `assoc_id` (host order).
    fn udp_remote_port(&self, assoc_id: AssocId) -> Result<u16> {
        if let Some(u) = self.user() {
            // usrsctp's struct differs from Linux's (address first, u32 id).
            return Ok(crate::user::xlate::remote_encaps_port(u, assoc_id)?);
        }
        // SAFETY: sctp_udpencaps is plain integers; all-zero is valid (and
        // leaves no padding byte undefined for the kernel to copy in).
        let mut v: sys::sctp_udpencaps = unsafe { mem::zeroed() };
        v.sue_assoc_id = assoc_id;
        self.getopt(sys::SCTP_REMOTE_UDP_ENCAPS_PORT, &mut v)?;
        Ok(u16::from_be(v.sue_port))
    }

    /// Sets the remote UDP encapsulation port of association `assoc_id`.
    fn set_udp_remote_port(&self, assoc_id: AssocId, port: u16) -> Result<()> {
        if let Some(u) = self.user() {
            // usrsctp refuses an association's port without a wildcard address of
            // a known family (an all-zero one is EAFNOSUPPORT).
            let any = SocketAddr::from(([0, 0, 0, 0], 0));
            return Ok(crate::user::xlate::set_remote_encaps_port(u, assoc_id, Some(&any), port)?);
        }
        // From zeroes, padding included: the kernel (and valgrind) reads every
        // byte passed, and a struct literal leaves its padding undefined.
        // SAFETY: sctp_udpencaps is plain integers; all-zero is valid.
        let mut v: sys::sctp_udpencaps = unsafe { mem::zeroed() };
        v.sue_assoc_id = assoc_id;
        v.sue_port = port.to_be();
        self.setopt(sys::SCTP_REMOTE_UDP_ENCAPS_PORT, &v)
    }

    /// SCTP_REMOTE_UDP_ENCAPS_PORT of one peer address of association
    /// `assoc_id`: the UDP port packets to it are encapsulated for (0: plain
    /// SCTP over IP). SCTPX_OPT_UDP_REMOTE_PORT is the association's or the
    /// socket's. The userspace backend cannot read one address's
    /// (`NotSupported`).
    pub fn peer_addr_udp_port(&self, assoc_id: AssocId, address: &SocketAddr) -> Result<u16> {
        if self.user().is_some() {
            return Err(Error::NotSupported("one peer address's UDP port on the userspace backend"));
        }
        let mut v: sys::sctp_udpencaps = zeroed();
        v.sue_assoc_id = assoc_id;
        v.sue_address = storage_of(Some(*address));
        self.getopt(sys::SCTP_REMOTE_UDP_ENCAPS_PORT, &mut v)?;
        Ok(u16::from_be(v.sue_port))
    }

    /// Sets SCTP_REMOTE_UDP_ENCAPS_PORT of one peer address of association
    /// `assoc_id`: packets to that address from now on go over UDP to `port`
    /// (0: plain SCTP over IP), the association's other paths as they were.
    pub fn set_peer_addr_udp_port(&self, assoc_id: AssocId, address: &SocketAddr, port: u16) -> Result<()> {
        if let Some(u) = self.user() {
            return Ok(crate::user::xlate::set_remote_encaps_port(u, assoc_id, Some(address), port)?);
        }
        let mut v: sys::sctp_udpencaps = zeroed();
        v.sue_assoc_id = assoc_id;
        v.sue_address = storage_of(Some(*address));
        v.sue_port = port.to_be();
        self.setopt(sys::SCTP_REMOTE_UDP_ENCAPS_PORT, &v)
    }

    /// Reads an integer option. `assoc_id` matters for per-association options
    /// on one-to-many sockets (0 = the socket's defaults).
    pub fn option(&self, opt: IntOption, assoc_id: AssocId) -> Result<i64> {
        match opt.access() {
            Access::Int(level, name) => self.int_at(level, name),
            Access::U32(name) => self.u32_sctp(name),
            Access::OneToManyU32(name) => {
                if self.kind() != Kind::OneToMany {
                    return Err(Error::WrongKind("the option needs a one-to-many socket"));
                }
                self.u32_sctp(name)
            }
            Access::AssocValue(name) => self.assoc_value(name, assoc_id),
            Access::Linger => Ok(match self.linger()? {
                Some(secs) => i64::from(secs),
                None => -1,
            }),
            Access::NonBlock => Ok(self.nonblocking() as i64),
            Access::RecvFrom => Ok(self.recv_from() as i64),
            Access::UdpRemotePort => self.udp_remote_port(assoc_id).map(i64::from),
            Access::ProbeInterval(name) => {
                let mut v = probe_interval(assoc_id, 0);
                self.getopt(name, &mut v)?;
                Ok(v.spi_interval as i64)
            }
        }
    }

    /// Sets an integer option. A value outside `opt.range()`, or any value
    /// of a read-only option, is `InvalidArgument` before the kernel is asked.
    pub fn set_option(&self, opt: IntOption, assoc_id: AssocId, value: i64) -> Result<()> {
        let Some(range) = opt.range() else { return Err(Error::InvalidArgument("the option is read only")) };
        if !range.contains(&value) {
            return Err(Error::InvalidArgument("value out of the option's range"));
        }
        // In range from here: the conversions below cannot truncate.
        match opt.access() {
            Access::Int(level, name) => self.set_int_at(level, name, value),
            Access::U32(name) | Access::OneToManyU32(name) => self.setopt(name, &(value as u32)),
            Access::AssocValue(name) => self.set_assoc_value(name, assoc_id, value),
            Access::Linger => self.set_linger(u32::try_from(value).ok()),
            Access::NonBlock => self.set_nonblocking(value == 1),
            Access::RecvFrom => {
                self.set_recv_from(value == 1);
                Ok(())
            }
            Access::UdpRemotePort => self.set_udp_remote_port(assoc_id, value as u16),
            Access::ProbeInterval(name) => self.setopt(name, &probe_interval(assoc_id, value as u32)),
        }
    }

    /// SCTP_RTOINFO.
    pub fn rtoinfo(&self, assoc_id: AssocId) -> Result<RtoInfo> {
        let mut v = sys::sctp_rtoinfo { srto_assoc_id: assoc_id, srto_initial: 0, srto_max: 0, srto_min: 0 };
        self.getopt(sys::SCTP_RTOINFO, &mut v)?;
        Ok(RtoInfo { assoc_id: v.srto_assoc_id, initial: v.srto_initial, max: v.srto_max, min: v.srto_min })
    }

    /// Sets SCTP_RTOINFO (0 leaves a value unchanged).
    pub fn set_rtoinfo(&self, r: &RtoInfo) -> Result<()> {
        let v =
            sys::sctp_rtoinfo { srto_assoc_id: r.assoc_id, srto_initial: r.initial, srto_max: r.max, srto_min: r.min };
        self.setopt(sys::SCTP_RTOINFO, &v)
    }

    /// SCTP_ASSOCINFO.
    pub fn assocparams(&self, assoc_id: AssocId) -> Result<AssocParams> {
        // SAFETY: plain integers.
        let mut v: sys::sctp_assocparams = unsafe { mem::zeroed() };
        v.sasoc_assoc_id = assoc_id;
        self.getopt(sys::SCTP_ASSOCINFO, &mut v)?;
        Ok(AssocParams {
            assoc_id: v.sasoc_assoc_id,
            max_retrans: v.sasoc_asocmaxrxt,
            peer_destinations: v.sasoc_number_peer_destinations,
            peer_rwnd: v.sasoc_peer_rwnd,
            local_rwnd: v.sasoc_local_rwnd,
            cookie_life: v.sasoc_cookie_life,
        })
    }

    /// Sets SCTP_ASSOCINFO (max_retrans and cookie_life; 0 leaves unchanged).
    pub fn set_assocparams(&self, p: &AssocParams) -> Result<()> {
        // SAFETY: plain integers.
        let mut v: sys::sctp_assocparams = unsafe { mem::zeroed() };
        v.sasoc_assoc_id = p.assoc_id;
        v.sasoc_asocmaxrxt = p.max_retrans;
        v.sasoc_cookie_life = p.cookie_life;
        self.setopt(sys::SCTP_ASSOCINFO, &v)
    }

    /// SCTP_INITMSG.
    pub fn initmsg(&self) -> Result<InitMsg> {
        // SAFETY: plain integers.
        let mut v: sys::sctp_initmsg = unsafe { mem::zeroed() };
        self.getopt(sys::SCTP_INITMSG, &mut v)?;
        Ok(InitMsg {
            num_ostreams: v.sinit_num_ostreams,
            max_instreams: v.sinit_max_instreams,
            max_attempts: v.sinit_max_attempts,
            max_init_timeo: v.sinit_max_init_timeo,
        })
    }

    /// Sets SCTP_INITMSG for associations set up after the call.
    pub fn set_initmsg(&self, m: &InitMsg) -> Result<()> {
        let v = sys::sctp_initmsg {
            sinit_num_ostreams: m.num_ostreams,
            sinit_max_instreams: m.max_instreams,
            sinit_max_attempts: m.max_attempts,
            sinit_max_init_timeo: m.max_init_timeo,
        };
        self.setopt(sys::SCTP_INITMSG, &v)
    }

    /// SCTP_DEFAULT_SNDINFO: the parameters of sends that give none.
    pub fn default_send_info(&self, assoc_id: AssocId) -> Result<SendInfo> {
        // SAFETY: plain integers.
        let mut v: sys::sctp_sndinfo = unsafe { mem::zeroed() };
        v.snd_assoc_id = assoc_id;
        self.getopt(sys::SCTP_DEFAULT_SNDINFO, &mut v)?;
        Ok(SendInfo {
            stream: v.snd_sid,
            flags: v.snd_flags,
            ppid: u32::from_be(v.snd_ppid),
            context: v.snd_context,
            assoc_id: v.snd_assoc_id,
            ..Default::default()
        })
    }

    /// Sets SCTP_DEFAULT_SNDINFO (PR fields are ignored: the kernel has no
    /// default PR policy through this option).
    pub fn set_default_send_info(&self, i: &SendInfo) -> Result<()> {
        if i.flags & !SEND_FLAGS_ALL != 0 {
            return Err(Error::InvalidArgument("unknown send flag"));
        }
        let v = sys::sctp_sndinfo {
            snd_sid: i.stream,
            snd_flags: i.flags,
            snd_ppid: i.ppid.to_be(),
            snd_context: i.context,
            snd_assoc_id: i.assoc_id,
        };
        self.setopt(sys::SCTP_DEFAULT_SNDINFO, &v)
    }

    /// SCTP_DEFAULT_PRINFO: the partial-reliability policy of sends that
    /// give none.
    pub fn default_pr_info(&self, assoc_id: AssocId) -> Result<DefaultPrInfo> {
        let mut v: sys::sctp_default_prinfo = zeroed();
        v.pr_assoc_id = assoc_id;
        self.getopt(sys::SCTP_DEFAULT_PRINFO, &mut v)?;
        let policy = match v.pr_policy & sys::SCTP_PR_SCTP_MASK {
            sys::SCTP_PR_SCTP_TTL => PR_TTL,
            sys::SCTP_PR_SCTP_RTX => PR_RTX,
            sys::SCTP_PR_SCTP_PRIO => PR_PRIO,
            _ => PR_NONE,
        };
        Ok(DefaultPrInfo { assoc_id: v.pr_assoc_id, policy, value: v.pr_value })
    }

    /// Sets SCTP_DEFAULT_PRINFO (`PR_ALL` is refused: it is no policy).
    pub fn set_default_pr_info(&self, p: &DefaultPrInfo) -> Result<()> {
        if p.policy == PR_ALL {
            return Err(Error::InvalidArgument("PR_ALL is not a policy for sends"));
        }
        let mut v: sys::sctp_default_prinfo = zeroed();
        v.pr_assoc_id = p.assoc_id;
        v.pr_value = p.value;
        v.pr_policy = kernel_pr_policy(p.policy)?;
        self.setopt(sys::SCTP_DEFAULT_PRINFO, &v)
    }

    /// SCTP_PR_ASSOC_STATUS: the messages of an association abandoned under
    /// `policy` (PR_TTL, PR_RTX, PR_PRIO, or PR_ALL for all of them).
    pub fn pr_assoc_status(&self, assoc_id: AssocId, policy: u16) -> Result<PrStatus> {
        self.pr_status(sys::SCTP_PR_ASSOC_STATUS, assoc_id, 0, policy)
    }

    /// SCTP_PR_STREAM_STATUS: as `pr_assoc_status`, for one outbound stream.
    pub fn pr_stream_status(&self, assoc_id: AssocId, stream: u16, policy: u16) -> Result<PrStatus> {
        self.pr_status(sys::SCTP_PR_STREAM_STATUS, assoc_id, stream, policy)
    }

    fn pr_status(&self, name: i32, assoc_id: AssocId, stream: u16, policy: u16) -> Result<PrStatus> {
        let mut v = sys::sctp_prstatus {
            sprstat_assoc_id: assoc_id,
            sprstat_sid: stream,
            sprstat_policy: status_pr_policy(policy)?,
            ..Default::default()
        };
        self.getopt(name, &mut v)?;
        Ok(PrStatus { abandoned_unsent: v.sprstat_abandoned_unsent, abandoned_sent: v.sprstat_abandoned_sent })
    }

    /// SCTP_STREAM_SCHEDULER_VALUE: outbound `stream`'s value under the
    /// association's scheduler (SCHED_PRIO: its priority, lower first;
    /// SCHED_WFQ: its weight). Needs an association.
    pub fn stream_sched_value(&self, assoc_id: AssocId, stream: u16) -> Result<u16> {
        let mut v = sys::sctp_stream_value { assoc_id, stream_id: stream, stream_value: 0 };
        self.getopt(sys::SCTP_STREAM_SCHEDULER_VALUE, &mut v)?;
        Ok(v.stream_value)
    }

    /// Sets SCTP_STREAM_SCHEDULER_VALUE of outbound `stream`.
    pub fn set_stream_sched_value(&self, assoc_id: AssocId, stream: u16, value: u16) -> Result<()> {
        let v = sys::sctp_stream_value { assoc_id, stream_id: stream, stream_value: value };
        self.setopt(sys::SCTP_STREAM_SCHEDULER_VALUE, &v)
    }

    /// SCTP_DELAYED_SACK.
    pub fn delayed_sack(&self, assoc_id: AssocId) -> Result<SackInfo> {
        let mut v = sys::sctp_sack_info { sack_assoc_id: assoc_id, sack_delay: 0, sack_freq: 0 };
        self.getopt(sys::SCTP_DELAYED_SACK, &mut v)?;
        Ok(SackInfo { assoc_id: v.sack_assoc_id, delay: v.sack_delay, freq: v.sack_freq })
    }

    /// Sets SCTP_DELAYED_SACK (freq 1 turns delayed SACK off).
    pub fn set_delayed_sack(&self, s: &SackInfo) -> Result<()> {
        let v = sys::sctp_sack_info { sack_assoc_id: s.assoc_id, sack_delay: s.delay, sack_freq: s.freq };
        self.setopt(sys::SCTP_DELAYED_SACK, &v)
    }

    /// SCTP_PEER_ADDR_PARAMS.
    pub fn peer_addr_params(&self, assoc_id: AssocId, address: Option<SocketAddr>) -> Result<PeerAddrParams> {
        // SAFETY: plain data.
        let mut v: sys::sctp_paddrparams = unsafe { mem::zeroed() };
        v.spp_assoc_id = assoc_id;
        v.spp_address = storage_of(address);
        self.getopt(sys::SCTP_PEER_ADDR_PARAMS, &mut v)?;
        let a = v.spp_address;
        Ok(PeerAddrParams {
            assoc_id: v.spp_assoc_id,
            address: addr::from_storage_any(&a).ok(),
            hbinterval: v.spp_hbinterval,
            pathmaxrxt: v.spp_pathmaxrxt,
            pathmtu: v.spp_pathmtu,
            sackdelay: v.spp_sackdelay,
            flags: v.spp_flags,
            ipv6_flowlabel: v.spp_ipv6_flowlabel,
            dscp: v.spp_dscp,
        })
    }

    /// Sets SCTP_PEER_ADDR_PARAMS.
    pub fn set_peer_addr_params(&self, p: &PeerAddrParams) -> Result<()> {
        // SAFETY: plain data.
        let mut v: sys::sctp_paddrparams = unsafe { mem::zeroed() };
        v.spp_assoc_id = p.assoc_id;
        v.spp_address = storage_of(p.address);
        v.spp_hbinterval = p.hbinterval;
        v.spp_pathmaxrxt = p.pathmaxrxt;
        v.spp_pathmtu = p.pathmtu;
        v.spp_sackdelay = p.sackdelay;
        v.spp_flags = p.flags;
        v.spp_ipv6_flowlabel = p.ipv6_flowlabel;
        v.spp_dscp = p.dscp;
        self.setopt(sys::SCTP_PEER_ADDR_PARAMS, &v)
    }

    /// SCTP_PEER_ADDR_THLDS_V2 of one peer address, or (`None`) of the
    /// association or the socket's defaults.
    pub fn peer_addr_thresholds(&self, assoc_id: AssocId, address: Option<SocketAddr>) -> Result<PeerAddrThresholds> {
        // SAFETY: plain data.
        let mut v: sys::sctp_paddrthlds_v2 = unsafe { mem::zeroed() };
        v.spt_assoc_id = assoc_id;
        v.spt_address = storage_of(address);
        self.getopt(sys::SCTP_PEER_ADDR_THLDS_V2, &mut v)?;
        let a = v.spt_address;
        Ok(PeerAddrThresholds {
            assoc_id: v.spt_assoc_id,
            address: addr::from_storage_any(&a).ok(),
            pathmaxrxt: v.spt_pathmaxrxt,
            pf_max_retrans: v.spt_pathpfthld,
            ps_retrans: v.spt_pathcpthld,
        })
    }

    /// Sets SCTP_PEER_ADDR_THLDS_V2. `pf_max_retrans` above `ps_retrans` is
    /// `InvalidArgument` (the kernel says -EINVAL).
    pub fn set_peer_addr_thresholds(&self, t: &PeerAddrThresholds) -> Result<()> {
        if t.pf_max_retrans > t.ps_retrans {
            return Err(Error::InvalidArgument("pf_max_retrans above ps_retrans"));
        }
        // SAFETY: plain data.
        let mut v: sys::sctp_paddrthlds_v2 = unsafe { mem::zeroed() };
        v.spt_assoc_id = t.assoc_id;
        v.spt_address = storage_of(t.address);
        v.spt_pathmaxrxt = t.pathmaxrxt;
        v.spt_pathpfthld = t.pf_max_retrans;
        v.spt_pathcpthld = t.ps_retrans;
        self.setopt(sys::SCTP_PEER_ADDR_THLDS_V2, &v)
    }

    /// SCTP_STATUS of an association.
    pub fn status(&self, assoc_id: AssocId) -> Result<Status> {
        // SAFETY: plain data.
        let mut v: sys::sctp_status = unsafe { mem::zeroed() };
        v.sstat_assoc_id = assoc_id;
        self.getopt(sys::SCTP_STATUS, &mut v)?;
        let prim = v.sstat_primary;
        Ok(Status {
            assoc_id: v.sstat_assoc_id,
            state: v.sstat_state,
            rwnd: v.sstat_rwnd,
            unackdata: v.sstat_unackdata,
            penddata: v.sstat_penddata,
            inbound_streams: v.sstat_instrms,
            outbound_streams: v.sstat_outstrms,
            fragmentation_point: v.sstat_fragmentation_point,
            primary: paddrinfo_of(&prim),
        })
    }

    /// SCTP_GET_PEER_ADDR_INFO for one peer address.
    pub fn peer_addr_info(&self, assoc_id: AssocId, address: &SocketAddr) -> Result<PeerAddrInfo> {
        // SAFETY: plain data.
        let mut v: sys::sctp_paddrinfo = unsafe { mem::zeroed() };
        v.spinfo_assoc_id = assoc_id;
        v.spinfo_address = storage_of(Some(*address));
        self.getopt(sys::SCTP_GET_PEER_ADDR_INFO, &mut v)?;
        Ok(paddrinfo_of(&v))
    }

    /// SCTP_GET_ASSOC_STATS.
    pub fn assoc_stats(&self, assoc_id: AssocId) -> Result<AssocStats> {
        // SAFETY: plain data.
        let mut v: sys::sctp_assoc_stats = unsafe { mem::zeroed() };
        v.sas_assoc_id = assoc_id;
        self.getopt(sys::SCTP_GET_ASSOC_STATS, &mut v)?;
        Ok(AssocStats {
            assoc_id: v.sas_assoc_id,
            max_rto: v.sas_maxrto,
            rtxchunks: v.sas_rtxchunks,
            gapcnt: v.sas_gapcnt,
            dupchunks: v.sas_idupchunks,
            osacks: v.sas_osacks,
            isacks: v.sas_isacks,
            octrlchunks: v.sas_octrlchunks,
            ictrlchunks: v.sas_ictrlchunks,
            oodchunks: v.sas_oodchunks,
            iodchunks: v.sas_iodchunks,
            ouodchunks: v.sas_ouodchunks,
            iuodchunks: v.sas_iuodchunks,
            opackets: v.sas_opackets,
            ipackets: v.sas_ipackets,
        })
    }

    /// The ids of every association on a one-to-many socket
    /// (SCTP_GET_ASSOC_ID_LIST), written into `out`. Returns how many there
    /// are; only `out.len()` are written when there are more.
    pub fn assoc_ids(&self, out: &mut [AssocId]) -> Result<usize> {
        if self.kind() != Kind::OneToMany {
            return Err(Error::WrongKind("association list needs a one-to-many socket"));
        }
        let mut cap = out.len().max(16);
        loop {
            let mut buf = vec![0u32; cap + 1];
            let bytes = buf.len() * 4;
            // SAFETY: buf is `bytes` long; any bytes are valid u32s.
            let raw = unsafe { std::slice::from_raw_parts_mut(buf.as_mut_ptr() as *mut u8, bytes) };
            // The kernel writes gaids_number_of_ids, then the ids.
            match self.getopt_bytes(sys::SOL_SCTP, sys::SCTP_GET_ASSOC_ID_LIST, raw) {
                Ok(_) => {
                    let n = buf[0] as usize;
                    for (o, id) in out.iter_mut().zip(&buf[1..=n.min(cap)]) {
                        *o = *id as AssocId;
                    }
                    return Ok(n);
                }
                Err(Error::Os(libc::EINVAL)) if cap < 1 << 20 => cap *= 8,
                Err(e) => return Err(e),
            }
        }
    }

    /// Makes one of the peer's addresses the primary path of an association
    /// (SCTP_PRIMARY_ADDR).
    pub fn set_primary(&self, assoc_id: AssocId, address: &SocketAddr) -> Result<()> {
        // SAFETY: plain data.
        let mut v: sys::sctp_prim = unsafe { mem::zeroed() };
        v.ssp_assoc_id = assoc_id;
        v.ssp_addr = storage_of(Some(*address));
        self.setopt(sys::SCTP_PRIMARY_ADDR, &v)
    }

    /// The primary (peer) address of an association (SCTP_PRIMARY_ADDR).
    pub fn primary(&self, assoc_id: AssocId) -> Result<Option<SocketAddr>> {
        // SAFETY: plain data.
        let mut v: sys::sctp_prim = unsafe { mem::zeroed() };
        v.ssp_assoc_id = assoc_id;
        self.getopt(sys::SCTP_PRIMARY_ADDR, &mut v)?;
        let a = v.ssp_addr;
        Ok(addr::from_storage_any(&a).ok())
    }

    /// Asks the peer to make one of our addresses its primary
    /// (SCTP_SET_PEER_PRIMARY_ADDR; needs ASCONF on both sides).
    pub fn set_peer_primary(&self, assoc_id: AssocId, local: &SocketAddr) -> Result<()> {
        // SAFETY: plain data.
        let mut v: sys::sctp_setpeerprim = unsafe { mem::zeroed() };
        v.sspp_assoc_id = assoc_id;
        v.sspp_addr = storage_of(Some(*local));
        self.setopt(sys::SCTP_SET_PEER_PRIMARY_ADDR, &v)
    }

    /// Requests a stream reset (SCTP_RESET_STREAMS; RE-CONFIG must be
    /// enabled on both sides). `flags` are SCTP_STREAM_RESET_INCOMING (1) /
    /// OUTGOING (2); an empty `streams` resets all.
    pub fn reset_streams(&self, assoc_id: AssocId, flags: u16, streams: &[u16]) -> Result<()> {
        if streams.len() > 256 {
            return Err(Error::InvalidArgument("at most 256 streams per request"));
        }
        let mut buf = [0u16; 4 + 256];
        let head = mem::size_of::<sys::sctp_reset_streams>();
        // SAFETY: sctpx_reset_streams is {assoc_id: i32, flags: u16, number: u16} then u16s.
        let hdr = sys::sctp_reset_streams {
            srs_assoc_id: assoc_id,
            srs_flags: flags,
            srs_number_streams: streams.len() as u16,
            srs_stream_list: [],
        };
        unsafe { std::ptr::write_unaligned(buf.as_mut_ptr() as *mut sys::sctp_reset_streams, hdr) };
        buf[head / 2..head / 2 + streams.len()].copy_from_slice(streams);
        let bytes = head + streams.len() * 2;
        // SAFETY: buf holds at least `bytes` bytes.
        let raw = unsafe { std::slice::from_raw_parts(buf.as_ptr() as *const u8, bytes) };
        // SAFETY: SCTP_RESET_STREAMS reads the buffer only.
        self.setopt_bytes(sys::SOL_SCTP, sys::SCTP_RESET_STREAMS, raw)
    }

    /// Resets a whole association: both sides' TSNs and every stream's SSN
    /// (SCTP_RESET_ASSOC; RE-CONFIG and the association reset request must
    /// be enabled on both sides).
    pub fn reset_assoc(&self, assoc_id: AssocId) -> Result<()> {
        self.setopt(sys::SCTP_RESET_ASSOC, &assoc_id)
    }

    /// Adds streams to an association (SCTP_ADD_STREAMS).
    pub fn add_streams(&self, assoc_id: AssocId, inbound: u16, outbound: u16) -> Result<()> {
        let v = sys::sctp_add_streams { sas_assoc_id: assoc_id, sas_instrms: inbound, sas_outstrms: outbound };
        self.setopt(sys::SCTP_ADD_STREAMS, &v)
    }
}

impl Socket {
    /// The escape hatch: getsockopt(level, name) with `buf` in and out (the
    /// kernel reads input fields such as an association id from it), for
    /// options sctpx does not type. Returns the length the kernel wrote.
    ///
    /// `level` is [`LEVEL_SCTP`] or [`LEVEL_SOCKET`]; the option numbers and
    /// layouts are Linux's (`<linux/sctp.h>`). Refused (`InvalidArgument`):
    /// any other level, and the few options whose buffer holds a pointer
    /// (SCTP_SOCKOPT_CONNECTX3, SO_ATTACH_FILTER, SO_ATTACH_REUSEPORT_CBPF).
    /// On the userspace backend: `NotSupported` (usrsctp numbers its options
    /// differently). sctpx does not see what a raw call changes: an option it
    /// also types reads back the new value, but its own state (the
    /// subscriptions it keeps, O_NONBLOCK it tracks) is not updated.
    pub fn raw_option(&self, level: i32, name: i32, buf: &mut [u8]) -> Result<usize> {
        self.check_raw(level, name)?;
        self.getopt_bytes(level, name, buf)
    }

    /// The escape hatch: setsockopt(level, name) from `buf`, as
    /// [`Socket::raw_option`] says.
    pub fn set_raw_option(&self, level: i32, name: i32, buf: &[u8]) -> Result<()> {
        self.check_raw(level, name)?;
        self.setopt_bytes(level, name, buf)
    }

    fn check_raw(&self, level: i32, name: i32) -> Result<()> {
        if raw_refused(level, name) {
            return Err(Error::InvalidArgument("level must be SOL_SCTP or SOL_SOCKET, and no pointer-carrying option"));
        }
        if self.user().is_some() {
            return Err(Error::NotSupported("raw options take Linux option numbers; usrsctp has its own"));
        }
        Ok(())
    }
}

fn to_u32(v: i64) -> Result<u32> {
    u32::try_from(v).map_err(|_| Error::InvalidArgument("value out of range"))
}
