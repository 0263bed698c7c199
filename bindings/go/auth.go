package sctpx

/*
#include <sctpx.h>
*/
import "C"

import "unsafe"

// SCTP-AUTH (RFC 4895). Every call needs OptAuthSupported 1 on the socket
// (else EACCES), and the per-association ones a peer that supports AUTH.

// HMAC identifiers for SetHMACIdents.
const (
	HMACSHA1   = C.SCTPX_HMAC_SHA1 // must be in every list
	HMACSHA256 = C.SCTPX_HMAC_SHA256
)

// AddAuthChunk requires chunks of type chunkType (0 is DATA) to arrive
// authenticated on associations set up after the call (sctpx_add_auth_chunk,
// SCTP_AUTH_CHUNK); the peer learns the list during set-up.
func (s *socket) AddAuthChunk(chunkType uint8) error {
	return s.optError("set", C.sctpx_add_auth_chunk(s.h, C.uint8_t(chunkType)))
}

// SetHMACIdents sets the HMAC algorithms offered to new peers, in order of
// preference; HMACSHA1 must be among them (sctpx_set_hmac_idents).
func (s *socket) SetHMACIdents(idents ...uint16) error {
	var p *C.uint16_t
	if len(idents) > 0 {
		p = (*C.uint16_t)(unsafe.Pointer(&idents[0]))
	}
	return s.optError("set", C.sctpx_set_hmac_idents(s.h, p, C.size_t(len(idents))))
}

// HMACIdents returns the HMAC algorithms offered to new peers
// (sctpx_get_hmac_idents).
func (s *socket) HMACIdents() ([]uint16, error) {
	var ids [16]uint16
	r := C.sctpx_get_hmac_idents(s.h, (*C.uint16_t)(unsafe.Pointer(&ids[0])), C.size_t(len(ids)))
	if r < 0 {
		return nil, s.optError("get", r)
	}
	if int(r) < len(ids) {
		return append([]uint16(nil), ids[:r]...), nil
	}
	return append([]uint16(nil), ids[:]...), nil
}

// SetAuthKey adds shared key keyNumber, or replaces its bytes
// (sctpx_set_auth_key): on a (a OneToManyConn's Association(0): the socket's
// defaults; a Conn's association: once it is set up).
func (a Association) SetAuthKey(keyNumber uint16, key []byte) error {
	var p *C.uint8_t
	if len(key) > 0 {
		p = (*C.uint8_t)(unsafe.Pointer(&key[0]))
	}
	return a.s.optError("set", C.sctpx_set_auth_key(a.s.h, C.sctpx_assoc_id(a.id), C.uint16_t(keyNumber), p, C.size_t(len(key))))
}

// SetActiveAuthKey makes key keyNumber the one outgoing chunks are
// authenticated with (sctpx_set_active_auth_key). A peer whose own active
// key differs reports an AuthenticationEvent with AuthNewKey.
func (a Association) SetActiveAuthKey(keyNumber uint16) error {
	return a.s.optError("set", C.sctpx_set_active_auth_key(a.s.h, C.sctpx_assoc_id(a.id), C.uint16_t(keyNumber)))
}

// ActiveAuthKey returns the active key number (sctpx_get_active_auth_key).
func (a Association) ActiveAuthKey() (uint16, error) {
	var v C.uint16_t
	if r := C.sctpx_get_active_auth_key(a.s.h, C.sctpx_assoc_id(a.id), &v); r < 0 {
		return 0, a.s.optError("get", r)
	}
	return uint16(v), nil
}

// DeactivateAuthKey stops sending with key keyNumber, which must not be the
// active one (sctpx_deactivate_auth_key). On an association an
// AuthenticationEvent with AuthFreeKey follows once no queued chunk uses it.
func (a Association) DeactivateAuthKey(keyNumber uint16) error {
	return a.s.optError("set", C.sctpx_deactivate_auth_key(a.s.h, C.sctpx_assoc_id(a.id), C.uint16_t(keyNumber)))
}

// DeleteAuthKey deletes key keyNumber, which must not be the active one
// (sctpx_delete_auth_key).
func (a Association) DeleteAuthKey(keyNumber uint16) error {
	return a.s.optError("set", C.sctpx_delete_auth_key(a.s.h, C.sctpx_assoc_id(a.id), C.uint16_t(keyNumber)))
}

// PeerAuthChunks returns the chunk types the peer of the association requires
// authenticated, one byte each (sctpx_get_peer_auth_chunks).
func (a Association) PeerAuthChunks() ([]byte, error) {
	var buf [256]byte
	r := C.sctpx_get_peer_auth_chunks(a.s.h, C.sctpx_assoc_id(a.id), (*C.uint8_t)(&buf[0]), C.size_t(len(buf)))
	return a.s.authChunks(buf[:], r)
}

// LocalAuthChunks returns the chunk types this side requires authenticated
// on a (a OneToManyConn's Association(0): the socket's list), one byte each
// (sctpx_get_local_auth_chunks).
func (a Association) LocalAuthChunks() ([]byte, error) {
	var buf [256]byte
	r := C.sctpx_get_local_auth_chunks(a.s.h, C.sctpx_assoc_id(a.id), (*C.uint8_t)(&buf[0]), C.size_t(len(buf)))
	return a.s.authChunks(buf[:], r)
}

func (s *socket) authChunks(buf []byte, r C.int32_t) ([]byte, error) {
	if r < 0 {
		return nil, s.optError("get", r)
	}
	if int(r) < len(buf) {
		buf = buf[:r]
	}
	return append([]byte(nil), buf...), nil
}

// Levels for GetsockoptRaw and SetsockoptRaw: the kernel's SOL_SCTP and
// SOL_SOCKET.
const (
	LevelSCTP   = C.SCTPX_LEVEL_SCTP
	LevelSocket = C.SCTPX_LEVEL_SOCKET
)

// GetsockoptRaw is the escape hatch for options the package does not type:
// getsockopt(level, name) with Linux's option numbers and layouts
// (<linux/sctp.h>), buf passed in (the kernel reads fields such as an
// association id from it) and out. It returns how many bytes the kernel
// wrote; on failure buf is unchanged (sctpx_getsockopt). level is LevelSCTP
// or LevelSocket; options whose buffer holds a pointer are refused; on the
// userspace backend every raw call fails with SCTPX_ERR_NOT_SUPPORTED.
func (s *socket) GetsockoptRaw(level, name int32, buf []byte) (int, error) {
	var p *C.uint8_t
	if len(buf) > 0 {
		p = (*C.uint8_t)(unsafe.Pointer(&buf[0]))
	}
	n := C.size_t(len(buf))
	if r := C.sctpx_getsockopt(s.h, C.int32_t(level), C.int32_t(name), p, &n); r < 0 {
		return 0, s.optError("get", r)
	}
	return int(n), nil
}

// SetsockoptRaw is setsockopt(level, name) from value, as GetsockoptRaw says
// (sctpx_setsockopt).
func (s *socket) SetsockoptRaw(level, name int32, value []byte) error {
	var p *C.uint8_t
	if len(value) > 0 {
		p = (*C.uint8_t)(unsafe.Pointer(&value[0]))
	}
	return s.optError("set", C.sctpx_setsockopt(s.h, C.int32_t(level), C.int32_t(name), p, C.size_t(len(value))))
}
