//! Typed socket options (RFC 6458 section 8, as Linux implements it).

use std::mem;
use std::net::SocketAddr;
use std::ops::RangeInclusive;

use crate::addr;
use crate::error::{Error, Result};
use crate::socket::{Kind, Socket};
use crate::sys;
use crate::types::*;

/// Integer-valued options, for `Socket::option` / `Socket::set_option`.
///
/// The discriminants are the C ABI's `SCTPX_OPT_*` numbers; `range` says
/// which values each accepts.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
#[repr(i32)]
pub enum IntOption {
    /// SCTP_NODELAY: 1 disables bundling delay.
    NoDelay = 1,
    /// SCTP_AUTOCLOSE: idle seconds before a one-to-many association closes.
    AutoClose = 2,
    /// SCTP_DISABLE_FRAGMENTS: 1 makes oversize sends fail with EMSGSIZE.
    DisableFragments = 3,
    /// SCTP_I_WANT_MAPPED_V4_ADDR: 1 reports IPv4 peers as v4-mapped.
    MappedV4 = 4,
    /// SCTP_FRAGMENT_INTERLEAVE: 0 or 1 (Linux has no level 2).
    FragmentInterleave = 5,
    /// SCTP_PARTIAL_DELIVERY_POINT in bytes.
    PartialDeliveryPoint = 6,
    /// SCTP_MAXSEG in bytes (per association).
    MaxSeg = 7,
    /// SCTP_MAX_BURST in packets (per association).
    MaxBurst = 8,
    /// SCTP_CONTEXT: default send context (per association).
    Context = 9,
    /// SCTP_ADAPTATION_LAYER indication.
    AdaptationLayer = 10,
    /// SCTP_REUSE_PORT.
    ReusePort = 11,
    /// SO_SNDBUF in bytes.
    SndBuf = 12,
    /// SO_RCVBUF in bytes.
    RcvBuf = 13,
    /// SO_REUSEADDR.
    ReuseAddr = 14,
    /// SO_LINGER: -1 off, N >= 0 seconds.
    Linger = 15,
    /// SCTP_GET_ASSOC_NUMBER (read only).
    AssocNumber = 16,
    /// IPV6_V6ONLY.
    V6Only = 17,
    /// SCTP_ENABLE_STREAM_RESET bit set (per association).
    EnableStreamReset = 18,
    /// SCTP_RECONFIG_SUPPORTED (per association / socket default).
    ReconfigSupported = 19,
    /// SCTP_PR_SUPPORTED (per association / socket default).
    PrSupported = 20,
    /// O_NONBLOCK.
    NonBlock = 21,
    /// SO_ERROR (read only): the pending error as a positive errno, cleared
    /// by the read.
    PendingError = 22,
    /// sctpx's own, not the kernel's: 1 (the default) data events carry
    /// their source address; 0 they do not (`from` is None / `from_len` 0),
    /// and receives save the kernel's copy of it. Inherited by peeloff.
    RecvFrom = 23,
}

impl IntOption {
    /// The values `set_option` accepts, or `None` for a read-only option: the
    /// one place each option's range is decided (the C header's SCTPX_OPT_*
    /// docs say the same). From the kernel field's type and meaning: a flag
    /// is 0 or 1 (the kernel would read any other value as 1); an `int` of
    /// seconds or bytes is 0 to `i32::MAX` (more would wrap negative); a
    /// `u32` is 0 to `u32::MAX`.
    pub const fn range(self) -> Option<RangeInclusive<i64>> {
        use IntOption::*;
        const FLAG: RangeInclusive<i64> = 0..=1;
        const INT: RangeInclusive<i64> = 0..=i32::MAX as i64;
        const U32: RangeInclusive<i64> = 0..=u32::MAX as i64;
        Some(match self {
            NoDelay | DisableFragments | MappedV4 | ReusePort | ReuseAddr | V6Only | ReconfigSupported
            | PrSupported | NonBlock | RecvFrom => FLAG,
            // Linux keeps only on or off (`!!val`): RFC 6458's level 2 would read back as 1.
            FragmentInterleave => FLAG,
            // Above net.sctp.max_autoclose the kernel lowers it, and reads it back as an int.
            AutoClose => INT,
            SndBuf | RcvBuf => INT,
            // struct linger's l_linger is an int; -1 is sctpx's "off".
            Linger => -1..=i32::MAX as i64,
            PartialDeliveryPoint | MaxBurst | Context | AdaptationLayer => U32,
            // The largest fragment a DATA chunk can carry (SCTP_MAX_CHUNK_LEN
            // 65532 less its 16-byte header); 0 lets the path MTU decide.
            MaxSeg => 0..=65516,
            // SCTPX_ENABLE_RESET_{STREAM,ASSOC,CHANGE_ASSOC}_REQ.
            EnableStreamReset => 0..=7,
            AssocNumber | PendingError => return None,
        })
    }

    /// The option for a C ABI number, if valid.
    pub fn from_i32(n: i32) -> Option<IntOption> {
        use IntOption::*;
        const ALL: [IntOption; 23] = [
            NoDelay,
            AutoClose,
            DisableFragments,
            MappedV4,
            FragmentInterleave,
            PartialDeliveryPoint,
            MaxSeg,
            MaxBurst,
            Context,
            AdaptationLayer,
            ReusePort,
            SndBuf,
            RcvBuf,
            ReuseAddr,
            Linger,
            AssocNumber,
            V6Only,
            EnableStreamReset,
            ReconfigSupported,
            PrSupported,
            NonBlock,
            PendingError,
            RecvFrom,
        ];
        ALL.get((n as usize).wrapping_sub(1)).copied()
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
        crate::socket::getopt(self.fd(), name, &mut v)?;
        Ok(v.assoc_value as i64)
    }

    fn set_assoc_value(&self, name: i32, assoc_id: AssocId, value: i64) -> Result<()> {
        let v = sys::sctp_assoc_value { assoc_id, assoc_value: to_u32(value)? };
        Ok(sys::setsockopt_val(self.fd(), name, &v)?)
    }

    fn int_sctp(&self, name: i32) -> Result<i64> {
        let mut v: i32 = 0;
        crate::socket::getopt(self.fd(), name, &mut v)?;
        Ok(v as i64)
    }

    fn set_int_sctp(&self, name: i32, value: i64) -> Result<()> {
        let v = i32::try_from(value).map_err(|_| Error::InvalidArgument("value out of range"))?;
        Ok(sys::setsockopt_val(self.fd(), name, &v)?)
    }

    /// Reads an integer option. `assoc_id` matters for per-association options
    /// on one-to-many sockets (0 = the socket's defaults).
    pub fn option(&self, opt: IntOption, assoc_id: AssocId) -> Result<i64> {
        let s = socket2::SockRef::from(self);
        use IntOption::*;
        Ok(match opt {
            NoDelay => self.int_sctp(sys::SCTP_NODELAY)?,
            AutoClose => self.int_sctp(sys::SCTP_AUTOCLOSE)?,
            DisableFragments => self.int_sctp(sys::SCTP_DISABLE_FRAGMENTS)?,
            MappedV4 => self.int_sctp(sys::SCTP_I_WANT_MAPPED_V4_ADDR)?,
            FragmentInterleave => self.int_sctp(sys::SCTP_FRAGMENT_INTERLEAVE)?,
            PartialDeliveryPoint => {
                let mut v: u32 = 0;
                crate::socket::getopt(self.fd(), sys::SCTP_PARTIAL_DELIVERY_POINT, &mut v)?;
                v as i64
            }
            MaxSeg => self.assoc_value(sys::SCTP_MAXSEG, assoc_id)?,
            MaxBurst => self.assoc_value(sys::SCTP_MAX_BURST, assoc_id)?,
            Context => self.assoc_value(sys::SCTP_CONTEXT, assoc_id)?,
            AdaptationLayer => {
                let mut v = sys::sctp_setadaptation { ssb_adaptation_ind: 0 };
                crate::socket::getopt(self.fd(), sys::SCTP_ADAPTATION_LAYER, &mut v)?;
                v.ssb_adaptation_ind as i64
            }
            ReusePort => self.int_sctp(sys::SCTP_REUSE_PORT)?,
            SndBuf => s.send_buffer_size()? as i64,
            RcvBuf => s.recv_buffer_size()? as i64,
            ReuseAddr => s.reuse_address()? as i64,
            Linger => match s.linger()? {
                Some(d) => d.as_secs() as i64,
                None => -1,
            },
            AssocNumber => {
                if self.kind() != Kind::OneToMany {
                    return Err(Error::WrongKind("association number needs a one-to-many socket"));
                }
                let mut v: u32 = 0;
                crate::socket::getopt(self.fd(), sys::SCTP_GET_ASSOC_NUMBER, &mut v)?;
                v as i64
            }
            V6Only => s.only_v6()? as i64,
            EnableStreamReset => self.assoc_value(sys::SCTP_ENABLE_STREAM_RESET, assoc_id)?,
            ReconfigSupported => self.assoc_value(sys::SCTP_RECONFIG_SUPPORTED, assoc_id)?,
            PrSupported => self.assoc_value(sys::SCTP_PR_SUPPORTED, assoc_id)?,
            NonBlock => self.nonblocking() as i64,
            PendingError => s.take_error()?.and_then(|e| e.raw_os_error()).unwrap_or(0) as i64,
            RecvFrom => self.recv_from() as i64,
        })
    }

    /// Sets an integer option. A value outside `opt.range()`, or any value
    /// of a read-only option, is `InvalidArgument` before the kernel is asked.
    pub fn set_option(&self, opt: IntOption, assoc_id: AssocId, value: i64) -> Result<()> {
        const READ_ONLY: Error = Error::InvalidArgument("the option is read only");
        let Some(range) = opt.range() else { return Err(READ_ONLY) };
        if !range.contains(&value) {
            return Err(Error::InvalidArgument("value out of the option's range"));
        }
        // In range from here: the conversions below cannot truncate.
        let s = socket2::SockRef::from(self);
        use IntOption::*;
        let flag = |v: i64| v == 1;
        match opt {
            NoDelay => self.set_int_sctp(sys::SCTP_NODELAY, value),
            AutoClose => self.set_int_sctp(sys::SCTP_AUTOCLOSE, value),
            DisableFragments => self.set_int_sctp(sys::SCTP_DISABLE_FRAGMENTS, value),
            MappedV4 => self.set_int_sctp(sys::SCTP_I_WANT_MAPPED_V4_ADDR, value),
            FragmentInterleave => self.set_int_sctp(sys::SCTP_FRAGMENT_INTERLEAVE, value),
            PartialDeliveryPoint => {
                Ok(sys::setsockopt_val(self.fd(), sys::SCTP_PARTIAL_DELIVERY_POINT, &(value as u32))?)
            }
            MaxSeg => self.set_assoc_value(sys::SCTP_MAXSEG, assoc_id, value),
            MaxBurst => self.set_assoc_value(sys::SCTP_MAX_BURST, assoc_id, value),
            Context => self.set_assoc_value(sys::SCTP_CONTEXT, assoc_id, value),
            AdaptationLayer => {
                let v = sys::sctp_setadaptation { ssb_adaptation_ind: value as u32 };
                Ok(sys::setsockopt_val(self.fd(), sys::SCTP_ADAPTATION_LAYER, &v)?)
            }
            ReusePort => self.set_int_sctp(sys::SCTP_REUSE_PORT, value),
            SndBuf => Ok(s.set_send_buffer_size(value as usize)?),
            RcvBuf => Ok(s.set_recv_buffer_size(value as usize)?),
            ReuseAddr => Ok(s.set_reuse_address(flag(value))?),
            Linger => {
                let d = u64::try_from(value).ok().map(std::time::Duration::from_secs);
                Ok(s.set_linger(d)?)
            }
            AssocNumber | PendingError => Err(READ_ONLY),
            V6Only => Ok(s.set_only_v6(flag(value))?),
            EnableStreamReset => self.set_assoc_value(sys::SCTP_ENABLE_STREAM_RESET, assoc_id, value),
            ReconfigSupported => self.set_assoc_value(sys::SCTP_RECONFIG_SUPPORTED, assoc_id, value),
            PrSupported => self.set_assoc_value(sys::SCTP_PR_SUPPORTED, assoc_id, value),
            NonBlock => self.set_nonblocking(flag(value)),
            RecvFrom => {
                self.set_recv_from(flag(value));
                Ok(())
            }
        }
    }

    /// SCTP_RTOINFO.
    pub fn rtoinfo(&self, assoc_id: AssocId) -> Result<RtoInfo> {
        let mut v = sys::sctp_rtoinfo { srto_assoc_id: assoc_id, srto_initial: 0, srto_max: 0, srto_min: 0 };
        crate::socket::getopt(self.fd(), sys::SCTP_RTOINFO, &mut v)?;
        Ok(RtoInfo { assoc_id: v.srto_assoc_id, initial: v.srto_initial, max: v.srto_max, min: v.srto_min })
    }

    /// Sets SCTP_RTOINFO (0 leaves a value unchanged).
    pub fn set_rtoinfo(&self, r: &RtoInfo) -> Result<()> {
        let v =
            sys::sctp_rtoinfo { srto_assoc_id: r.assoc_id, srto_initial: r.initial, srto_max: r.max, srto_min: r.min };
        Ok(sys::setsockopt_val(self.fd(), sys::SCTP_RTOINFO, &v)?)
    }

    /// SCTP_ASSOCINFO.
    pub fn assocparams(&self, assoc_id: AssocId) -> Result<AssocParams> {
        // SAFETY: plain integers.
        let mut v: sys::sctp_assocparams = unsafe { mem::zeroed() };
        v.sasoc_assoc_id = assoc_id;
        crate::socket::getopt(self.fd(), sys::SCTP_ASSOCINFO, &mut v)?;
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
        Ok(sys::setsockopt_val(self.fd(), sys::SCTP_ASSOCINFO, &v)?)
    }

    /// SCTP_INITMSG.
    pub fn initmsg(&self) -> Result<InitMsg> {
        // SAFETY: plain integers.
        let mut v: sys::sctp_initmsg = unsafe { mem::zeroed() };
        crate::socket::getopt(self.fd(), sys::SCTP_INITMSG, &mut v)?;
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
        Ok(sys::setsockopt_val(self.fd(), sys::SCTP_INITMSG, &v)?)
    }

    /// SCTP_DEFAULT_SNDINFO: the parameters of sends that give none.
    pub fn default_send_info(&self, assoc_id: AssocId) -> Result<SendInfo> {
        // SAFETY: plain integers.
        let mut v: sys::sctp_sndinfo = unsafe { mem::zeroed() };
        v.snd_assoc_id = assoc_id;
        crate::socket::getopt(self.fd(), sys::SCTP_DEFAULT_SNDINFO, &mut v)?;
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
        Ok(sys::setsockopt_val(self.fd(), sys::SCTP_DEFAULT_SNDINFO, &v)?)
    }

    /// SCTP_DELAYED_SACK.
    pub fn delayed_sack(&self, assoc_id: AssocId) -> Result<SackInfo> {
        let mut v = sys::sctp_sack_info { sack_assoc_id: assoc_id, sack_delay: 0, sack_freq: 0 };
        crate::socket::getopt(self.fd(), sys::SCTP_DELAYED_SACK, &mut v)?;
        Ok(SackInfo { assoc_id: v.sack_assoc_id, delay: v.sack_delay, freq: v.sack_freq })
    }

    /// Sets SCTP_DELAYED_SACK (freq 1 turns delayed SACK off).
    pub fn set_delayed_sack(&self, s: &SackInfo) -> Result<()> {
        let v = sys::sctp_sack_info { sack_assoc_id: s.assoc_id, sack_delay: s.delay, sack_freq: s.freq };
        Ok(sys::setsockopt_val(self.fd(), sys::SCTP_DELAYED_SACK, &v)?)
    }

    /// SCTP_PEER_ADDR_PARAMS.
    pub fn peer_addr_params(&self, assoc_id: AssocId, address: Option<SocketAddr>) -> Result<PeerAddrParams> {
        // SAFETY: plain data.
        let mut v: sys::sctp_paddrparams = unsafe { mem::zeroed() };
        v.spp_assoc_id = assoc_id;
        v.spp_address = storage_of(address);
        crate::socket::getopt(self.fd(), sys::SCTP_PEER_ADDR_PARAMS, &mut v)?;
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
        Ok(sys::setsockopt_val(self.fd(), sys::SCTP_PEER_ADDR_PARAMS, &v)?)
    }

    /// SCTP_STATUS of an association.
    pub fn status(&self, assoc_id: AssocId) -> Result<Status> {
        // SAFETY: plain data.
        let mut v: sys::sctp_status = unsafe { mem::zeroed() };
        v.sstat_assoc_id = assoc_id;
        crate::socket::getopt(self.fd(), sys::SCTP_STATUS, &mut v)?;
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
        crate::socket::getopt(self.fd(), sys::SCTP_GET_PEER_ADDR_INFO, &mut v)?;
        Ok(paddrinfo_of(&v))
    }

    /// SCTP_GET_ASSOC_STATS.
    pub fn assoc_stats(&self, assoc_id: AssocId) -> Result<AssocStats> {
        // SAFETY: plain data.
        let mut v: sys::sctp_assoc_stats = unsafe { mem::zeroed() };
        v.sas_assoc_id = assoc_id;
        crate::socket::getopt(self.fd(), sys::SCTP_GET_ASSOC_STATS, &mut v)?;
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
            // SAFETY: buf is `bytes` long; the kernel writes gaids_number_of_ids then ids.
            let r = unsafe {
                sys::getsockopt_buf(
                    self.fd(),
                    sys::SOL_SCTP,
                    sys::SCTP_GET_ASSOC_ID_LIST,
                    std::slice::from_raw_parts_mut(buf.as_mut_ptr() as *mut u8, bytes),
                )
            };
            match r {
                Ok(_) => {
                    let n = buf[0] as usize;
                    for (o, id) in out.iter_mut().zip(&buf[1..=n.min(cap)]) {
                        *o = *id as AssocId;
                    }
                    return Ok(n);
                }
                Err(e) if e.raw_os_error() == Some(libc::EINVAL) && cap < 1 << 20 => cap *= 8,
                Err(e) => return Err(e.into()),
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
        Ok(sys::setsockopt_val(self.fd(), sys::SCTP_PRIMARY_ADDR, &v)?)
    }

    /// The primary (peer) address of an association (SCTP_PRIMARY_ADDR).
    pub fn primary(&self, assoc_id: AssocId) -> Result<Option<SocketAddr>> {
        // SAFETY: plain data.
        let mut v: sys::sctp_prim = unsafe { mem::zeroed() };
        v.ssp_assoc_id = assoc_id;
        crate::socket::getopt(self.fd(), sys::SCTP_PRIMARY_ADDR, &mut v)?;
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
        Ok(sys::setsockopt_val(self.fd(), sys::SCTP_SET_PEER_PRIMARY_ADDR, &v)?)
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
        // SAFETY: sctp_reset_streams is {assoc_id: i32, flags: u16, number: u16} then u16s.
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
        Ok(unsafe { sys::setsockopt_buf(self.fd(), sys::SOL_SCTP, sys::SCTP_RESET_STREAMS, raw) }?)
    }

    /// Resets a whole association: both sides' TSNs and every stream's SSN
    /// (SCTP_RESET_ASSOC; RE-CONFIG and the association reset request must
    /// be enabled on both sides).
    pub fn reset_assoc(&self, assoc_id: AssocId) -> Result<()> {
        Ok(sys::setsockopt_val(self.fd(), sys::SCTP_RESET_ASSOC, &assoc_id)?)
    }

    /// Adds streams to an association (SCTP_ADD_STREAMS).
    pub fn add_streams(&self, assoc_id: AssocId, inbound: u16, outbound: u16) -> Result<()> {
        let v = sys::sctp_add_streams { sas_assoc_id: assoc_id, sas_instrms: inbound, sas_outstrms: outbound };
        Ok(sys::setsockopt_val(self.fd(), sys::SCTP_ADD_STREAMS, &v)?)
    }
}

fn to_u32(v: i64) -> Result<u32> {
    u32::try_from(v).map_err(|_| Error::InvalidArgument("value out of range"))
}
