/*
 * sctpx.h and <linux/sctp.h> in one translation unit (sctpx.h first:
 * linux/sctp.h needs the struct sockaddr_storage that sctpx.h brings in).
 * Compiling at all proves no name collides; at run time the constants sctpx
 * says are the kernel's must equal the kernel's.
 */
#include <sctpx.h>
#include <linux/sctp.h>

#include "testlib.h"

int main(void)
{
    is(SCTPX_AF_INET, AF_INET, "SCTPX_AF_INET is AF_INET");
    is(SCTPX_AF_INET6, AF_INET6, "SCTPX_AF_INET6 is AF_INET6");
    is(SCTPX_SEND_UNORDERED, SCTP_UNORDERED, "SCTPX_SEND_UNORDERED is the kernel's SCTP_UNORDERED");
    is(SCTPX_SEND_ABORT, SCTP_ABORT, "SCTPX_SEND_ABORT is the kernel's SCTP_ABORT");
    is(SCTPX_SEND_SACK_IMMEDIATELY, SCTP_SACK_IMMEDIATELY, "SCTPX_SEND_SACK_IMMEDIATELY is SCTP_SACK_IMMEDIATELY");
    is(SCTPX_SEND_SENDALL, SCTP_SENDALL, "SCTPX_SEND_SENDALL is the kernel's SCTP_SENDALL");
    is(SCTPX_SEND_EOF, SCTP_EOF, "SCTPX_SEND_EOF is the kernel's SCTP_EOF");
    is(SCTPX_ENABLE_RESET_STREAM_REQ, SCTP_ENABLE_RESET_STREAM_REQ, "SCTPX_ENABLE_RESET_STREAM_REQ matches");
    is(SCTPX_ENABLE_RESET_ASSOC_REQ, SCTP_ENABLE_RESET_ASSOC_REQ, "SCTPX_ENABLE_RESET_ASSOC_REQ matches");
    is(SCTPX_ENABLE_CHANGE_ASSOC_REQ, SCTP_ENABLE_CHANGE_ASSOC_REQ, "SCTPX_ENABLE_CHANGE_ASSOC_REQ matches");
    is(sizeof(sctpx_assoc_id), sizeof(sctp_assoc_t), "sctpx_assoc_id is as wide as the kernel's sctp_assoc_t");
    /* The states documented in the header's struct comments. */
    is(SCTP_COMM_UP, 0, "SCTP_COMM_UP is 0, as sctpx_assoc_change documents");
    is(SCTP_SHUTDOWN_COMP, 3, "SCTP_SHUTDOWN_COMP is 3, as sctpx_assoc_change documents");
    is(SCTP_ADDR_CONFIRMED, 5, "SCTP_ADDR_CONFIRMED is 5, as sctpx_peer_addr_change documents");
    is(SCTP_DATA_UNSENT, 1, "SCTP_DATA_UNSENT is 1, as sctpx_send_failed documents");
    is(SCTP_DATA_SENT, 2, "SCTP_DATA_SENT is 2, as sctpx_send_failed documents");
    is(SCTP_STREAM_RESET_OUTGOING_SSN, 2, "SCTP_STREAM_RESET_OUTGOING_SSN is 2, as sctpx_stream_reset documents");
    return done_testing();
}
