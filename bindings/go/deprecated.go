package sctpx

// The calls that took the association id first, as the C API does; each is now
// a method of Association. They keep working for one release.

// RTOInfo is Association(id).RTOInfo.
//
// Deprecated: use Association(id).RTOInfo() (a Conn: Association().RTOInfo()).
func (s *socket) RTOInfo(id AssocID) (RTOInfo, error) { return s.assoc(id).RTOInfo() }

// AssocParams is Association(id).AssocParams.
//
// Deprecated: use Association(id).AssocParams() (a Conn: Association().AssocParams()).
func (s *socket) AssocParams(id AssocID) (AssocParams, error) { return s.assoc(id).AssocParams() }

// DefaultSendInfo is Association(id).DefaultSendInfo.
//
// Deprecated: use Association(id).DefaultSendInfo() (a Conn: Association().DefaultSendInfo()).
func (s *socket) DefaultSendInfo(id AssocID) (SendInfo, error) { return s.assoc(id).DefaultSendInfo() }

// DelayedSack is Association(id).DelayedSack.
//
// Deprecated: use Association(id).DelayedSack() (a Conn: Association().DelayedSack()).
func (s *socket) DelayedSack(id AssocID) (SackInfo, error) { return s.assoc(id).DelayedSack() }

// PeerAddrParams is Association(id).PeerAddrParams.
//
// Deprecated: use Association(id).PeerAddrParams(addr) (a Conn: Association().PeerAddrParams(addr)).
func (s *socket) PeerAddrParams(id AssocID, addr *Addr) (PeerAddrParams, error) {
	return s.assoc(id).PeerAddrParams(addr)
}

// PeerAddrThresholds is Association(id).PeerAddrThresholds.
//
// Deprecated: use Association(id).PeerAddrThresholds(addr) (a Conn: Association().PeerAddrThresholds(addr)).
func (s *socket) PeerAddrThresholds(id AssocID, addr *Addr) (PeerAddrThresholds, error) {
	return s.assoc(id).PeerAddrThresholds(addr)
}

// PeerAddrUDPPort is Association(id).PeerAddrUDPPort.
//
// Deprecated: use Association(id).PeerAddrUDPPort(addr) (a Conn: Association().PeerAddrUDPPort(addr)).
func (s *socket) PeerAddrUDPPort(id AssocID, addr *Addr) (int, error) {
	return s.assoc(id).PeerAddrUDPPort(addr)
}

// SetPeerAddrUDPPort is Association(id).SetPeerAddrUDPPort.
//
// Deprecated: use Association(id).SetPeerAddrUDPPort(addr, port) (a Conn: Association().SetPeerAddrUDPPort(addr, port)).
func (s *socket) SetPeerAddrUDPPort(id AssocID, addr *Addr, port int) error {
	return s.assoc(id).SetPeerAddrUDPPort(addr, port)
}

// PeerAddrInfo is Association(id).PeerAddrInfo.
//
// Deprecated: use Association(id).PeerAddrInfo(addr) (a Conn: Association().PeerAddrInfo(addr)).
func (s *socket) PeerAddrInfo(id AssocID, addr *Addr) (PeerAddrInfo, error) {
	return s.assoc(id).PeerAddrInfo(addr)
}

// Status is Association(id).Status.
//
// Deprecated: use Association(id).Status() (a Conn: Association().Status()).
func (s *socket) Status(id AssocID) (Status, error) { return s.assoc(id).Status() }

// AssocStats is Association(id).AssocStats.
//
// Deprecated: use Association(id).AssocStats() (a Conn: Association().AssocStats()).
func (s *socket) AssocStats(id AssocID) (AssocStats, error) { return s.assoc(id).AssocStats() }

// SetPrimary is Association(id).SetPrimary.
//
// Deprecated: use Association(id).SetPrimary(addr) (a Conn: Association().SetPrimary(addr)).
func (s *socket) SetPrimary(id AssocID, addr *Addr) error { return s.assoc(id).SetPrimary(addr) }

// SetPeerPrimary is Association(id).SetPeerPrimary.
//
// Deprecated: use Association(id).SetPeerPrimary(addr) (a Conn: Association().SetPeerPrimary(addr)).
func (s *socket) SetPeerPrimary(id AssocID, addr *Addr) error {
	return s.assoc(id).SetPeerPrimary(addr)
}

// Primary is Association(id).Primary.
//
// Deprecated: use Association(id).Primary() (a Conn: Association().Primary()).
func (s *socket) Primary(id AssocID) (*Addr, error) { return s.assoc(id).Primary() }

// ResetStreams is Association(id).ResetStreams.
//
// Deprecated: use Association(id).ResetStreams(flags, streams...) (a Conn: Association().ResetStreams(flags, streams...)).
func (s *socket) ResetStreams(id AssocID, flags uint16, streams ...uint16) error {
	return s.assoc(id).ResetStreams(flags, streams...)
}

// ResetAssoc is Association(id).ResetAssoc.
//
// Deprecated: use Association(id).ResetAssoc() (a Conn: Association().ResetAssoc()).
func (s *socket) ResetAssoc(id AssocID) error { return s.assoc(id).ResetAssoc() }

// AddStreams is Association(id).AddStreams.
//
// Deprecated: use Association(id).AddStreams(inbound, outbound) (a Conn: Association().AddStreams(inbound, outbound)).
func (s *socket) AddStreams(id AssocID, inbound, outbound uint16) error {
	return s.assoc(id).AddStreams(inbound, outbound)
}

// StreamSchedValue is Association(id).StreamSchedValue.
//
// Deprecated: use Association(id).StreamSchedValue(stream) (a Conn: Association().StreamSchedValue(stream)).
func (s *socket) StreamSchedValue(id AssocID, stream uint16) (uint16, error) {
	return s.assoc(id).StreamSchedValue(stream)
}

// SetStreamSchedValue is Association(id).SetStreamSchedValue.
//
// Deprecated: use Association(id).SetStreamSchedValue(stream, value) (a Conn: Association().SetStreamSchedValue(stream, value)).
func (s *socket) SetStreamSchedValue(id AssocID, stream, value uint16) error {
	return s.assoc(id).SetStreamSchedValue(stream, value)
}

// DefaultPRInfo is Association(id).DefaultPRInfo.
//
// Deprecated: use Association(id).DefaultPRInfo() (a Conn: Association().DefaultPRInfo()).
func (s *socket) DefaultPRInfo(id AssocID) (DefaultPRInfo, error) { return s.assoc(id).DefaultPRInfo() }

// PRAssocStatus is Association(id).PRAssocStatus.
//
// Deprecated: use Association(id).PRAssocStatus(policy) (a Conn: Association().PRAssocStatus(policy)).
func (s *socket) PRAssocStatus(id AssocID, policy PRPolicy) (PRStatus, error) {
	return s.assoc(id).PRAssocStatus(policy)
}

// PRStreamStatus is Association(id).PRStreamStatus.
//
// Deprecated: use Association(id).PRStreamStatus(stream, policy) (a Conn: Association().PRStreamStatus(stream, policy)).
func (s *socket) PRStreamStatus(id AssocID, stream uint16, policy PRPolicy) (PRStatus, error) {
	return s.assoc(id).PRStreamStatus(stream, policy)
}

// SetAuthKey is Association(id).SetAuthKey.
//
// Deprecated: use Association(id).SetAuthKey(keyNumber, key) (a Conn: Association().SetAuthKey(keyNumber, key)).
func (s *socket) SetAuthKey(id AssocID, keyNumber uint16, key []byte) error {
	return s.assoc(id).SetAuthKey(keyNumber, key)
}

// SetActiveAuthKey is Association(id).SetActiveAuthKey.
//
// Deprecated: use Association(id).SetActiveAuthKey(keyNumber) (a Conn: Association().SetActiveAuthKey(keyNumber)).
func (s *socket) SetActiveAuthKey(id AssocID, keyNumber uint16) error {
	return s.assoc(id).SetActiveAuthKey(keyNumber)
}

// ActiveAuthKey is Association(id).ActiveAuthKey.
//
// Deprecated: use Association(id).ActiveAuthKey() (a Conn: Association().ActiveAuthKey()).
func (s *socket) ActiveAuthKey(id AssocID) (uint16, error) { return s.assoc(id).ActiveAuthKey() }

// DeactivateAuthKey is Association(id).DeactivateAuthKey.
//
// Deprecated: use Association(id).DeactivateAuthKey(keyNumber) (a Conn: Association().DeactivateAuthKey(keyNumber)).
func (s *socket) DeactivateAuthKey(id AssocID, keyNumber uint16) error {
	return s.assoc(id).DeactivateAuthKey(keyNumber)
}

// DeleteAuthKey is Association(id).DeleteAuthKey.
//
// Deprecated: use Association(id).DeleteAuthKey(keyNumber) (a Conn: Association().DeleteAuthKey(keyNumber)).
func (s *socket) DeleteAuthKey(id AssocID, keyNumber uint16) error {
	return s.assoc(id).DeleteAuthKey(keyNumber)
}

// PeerAuthChunks is Association(id).PeerAuthChunks.
//
// Deprecated: use Association(id).PeerAuthChunks() (a Conn: Association().PeerAuthChunks()).
func (s *socket) PeerAuthChunks(id AssocID) ([]byte, error) { return s.assoc(id).PeerAuthChunks() }

// LocalAuthChunks is Association(id).LocalAuthChunks.
//
// Deprecated: use Association(id).LocalAuthChunks() (a Conn: Association().LocalAuthChunks()).
func (s *socket) LocalAuthChunks(id AssocID) ([]byte, error) { return s.assoc(id).LocalAuthChunks() }

// LocalAddrs is Association(id).LocalAddrs.
//
// Deprecated: use Association(id).LocalAddrs() (a Conn: Association().LocalAddrs()).
func (s *socket) LocalAddrs(id AssocID) (*Addr, error) { return s.assoc(id).LocalAddrs() }

// PeerAddrs is Association(id).PeerAddrs.
//
// Deprecated: use Association(id).PeerAddrs() (a Conn: Association().PeerAddrs()).
func (s *socket) PeerAddrs(id AssocID) (*Addr, error) { return s.assoc(id).PeerAddrs() }

// SetOption sets integer option opt of association id (sctpx_set_option).
//
// Deprecated: use the option's typed setter (SetNoDelay, SetMaxSeg, ...), or
// Association(id).SetOption(opt, v) (a Conn: Association().SetOption(opt, v)).
func (s *socket) SetOption(id AssocID, opt Option, v int64) error { return s.setOption(id, opt, v) }

// GetOption is Option with the association first.
//
// Deprecated: use the option's typed getter (NoDelay, MaxSeg, ...), Option(opt),
// or Association(id).Option(opt).
func (s *socket) GetOption(id AssocID, opt Option) (int64, error) { return s.Option(opt, id) }
