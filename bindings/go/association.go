package sctpx

// Association is one association of a socket: the receiver of every call
// that concerns one association (its options, status, addresses, keys and
// streams), so that none of them takes an association id.
//
// A Conn has one association: Conn.Association. A Listener's
// Association holds what the associations it accepts start with. A
// OneToManyConn has many:
// OneToManyConn.Association(id) names one of them, and Association(0) the
// socket's defaults, which associations set up later start with (calls that
// need an established association, such as Status, fail on it).
//
// An Association is a small value: copy it freely. It holds no resources;
// its calls fail once the socket is closed or the association has ended.
// Only those methods make one: the zero Association names no socket.
type Association struct {
	s  *socket
	id AssocID
}

func (s *socket) assoc(id AssocID) Association { return Association{s: s, id: id} }

// Association returns c's association.
func (c *Conn) Association() Association { return c.assoc(0) }

// Association returns association id of c; id 0 stands for the socket's
// defaults for associations to come.
func (c *OneToManyConn) Association(id AssocID) Association { return c.assoc(id) }

// Association returns the settings of l's socket that the associations it
// accepts start with (as a OneToManyConn's Association(0)): set them before
// Accept, and each accepted Conn has its own from then on.
func (l *Listener) Association() Association { return l.assoc(0) }

// ID returns a's association id: 0 for a Conn's association and for a
// OneToManyConn's defaults.
func (a Association) ID() AssocID { return a.id }

// SetRTOInfo sets SCTP_RTOINFO of a; r.AssocID is ignored (sctpx_set_rtoinfo).
func (a Association) SetRTOInfo(r RTOInfo) error {
	r.AssocID = a.id
	return a.s.SetRTOInfo(r)
}

// SetAssocParams sets SCTP_ASSOCINFO of a; p.AssocID is ignored
// (sctpx_set_assocparams).
func (a Association) SetAssocParams(p AssocParams) error {
	p.AssocID = a.id
	return a.s.SetAssocParams(p)
}

// SetDefaultSendInfo sets SCTP_DEFAULT_SNDINFO of a; i.AssocID is ignored
// (sctpx_set_default_send_info).
func (a Association) SetDefaultSendInfo(i SendInfo) error {
	i.AssocID = a.id
	return a.s.SetDefaultSendInfo(i)
}

// SetDelayedSack sets SCTP_DELAYED_SACK of a; si.AssocID is ignored
// (sctpx_set_delayed_sack).
func (a Association) SetDelayedSack(si SackInfo) error {
	si.AssocID = a.id
	return a.s.SetDelayedSack(si)
}

// SetPeerAddrParams sets SCTP_PEER_ADDR_PARAMS of a, for p.Address (nil:
// all of a's addresses); p.AssocID is ignored (sctpx_set_paddrparams).
func (a Association) SetPeerAddrParams(p PeerAddrParams) error {
	p.AssocID = a.id
	return a.s.SetPeerAddrParams(p)
}

// SetPeerAddrThresholds sets SCTP_PEER_ADDR_THLDS_V2 of a, for t.Address
// (nil: all of a's addresses); t.AssocID is ignored (sctpx_set_paddrthlds).
func (a Association) SetPeerAddrThresholds(t PeerAddrThresholds) error {
	t.AssocID = a.id
	return a.s.SetPeerAddrThresholds(t)
}

// SetDefaultPRInfo sets SCTP_DEFAULT_PRINFO of a; p.AssocID is ignored
// (sctpx_set_default_prinfo).
func (a Association) SetDefaultPRInfo(p DefaultPRInfo) error {
	p.AssocID = a.id
	return a.s.SetDefaultPRInfo(p)
}

// Option reads integer option opt of a (sctpx_get_option): a's own value
// of a per-association option, the socket's of any other.
func (a Association) Option(opt Option) (int64, error) { return a.s.Option(opt, a.id) }

// SetOption sets integer option opt of a (sctpx_set_option): the typed
// setters (SetNoDelay, SetMaxSeg, ...) do so for each option by name.
func (a Association) SetOption(opt Option, v int64) error { return a.s.setOption(a.id, opt, v) }
