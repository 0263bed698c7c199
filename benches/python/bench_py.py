"""benches/python/bench_py.py — the Python driver of `make bench` (see BENCHMARKS.md).

  bench_py.py variants                  the variants this interpreter can run, one line
  bench_py.py tput|tput_m VARIANT SIZE COUNT
                                        one-to-one (tput) or one-to-many (tput_m) throughput,
                                        sender + receiver thread; prints
                                        "MODE VARIANT SIZE COUNT SECONDS" like the C driver
  bench_py.py alt CASE:BLOCK[,CASE:BLOCK...] ROUNDS VARIANT...   (CASE tput/SIZE or tput_m/SIZE)
                                        the variants alternating in blocks in this process,
                                        each on its own association (issue 16; as raw.c's alt)

VARIANT: py_sctpx (Socket.send_stream / recv_message_into, the lean per-message path),
py_sctpx_rich (send_stream / next_event, the typed event objects; informational), py_sctpx_batch (send_batch / recv_batch,
32 per call), py_stdlib (the standard socket module's sendmsg/recvmsg with SCTP_SNDINFO /
SCTP_RCVINFO control messages, no sctpx), py_pysctp (PySCTP 0.7.3 from PyPI, built against
libsctp by `make bench-build` into build/pysctp: sctp_send / sctp_recv). Settings as the C driver: NODELAY 1, delayed SACK
{delay 0, freq 1} on every socket before connect/accept and again once connected.
"""
import os
import socket
import struct
import sys
import threading
import time

_ROOT = os.path.join(os.path.dirname(os.path.abspath(__file__)), "..", "..")
sys.path.insert(0, os.path.join(_ROOT, "bindings", "python"))
# PySCTP, the baseline: first, so that its sctp.py's `import _sctp` finds PySCTP's own C
# extension, not the `_sctp` module sctpx installs for PySCTP programs (bindings/python/_sctp.py).
# Nothing of sctpx's is in that directory, so it shadows nothing sctpx needs.
sys.path.insert(0, os.path.join(_ROOT, "build", "pysctp"))

IPPROTO_SCTP = 132
SCTP_NODELAY = 3
SCTP_DELAYED_SACK = 16
SCTP_RECVRCVINFO = 32
SCTP_SNDINFO = 2  # cmsg types (enum sctp_cmsg_type)
SCTP_RCVINFO = 3
MSG_EOR = 0x80
PPID = 42
BATCH = 32
SACK = struct.pack("=iII", 0, 0, 1)  # struct sctp_sack_info {assoc_id 0, delay 0, freq 1}


def raw_settings(s, rcvinfo=True):
    s.setsockopt(IPPROTO_SCTP, SCTP_NODELAY, 1)
    s.setsockopt(IPPROTO_SCTP, SCTP_DELAYED_SACK, SACK)
    if rcvinfo:
        # Not for PySCTP: libsctp's sctp_recvmsg reads SCTP_SNDRCV (data_io) and its control
        # buffer has no room for an SCTP_RCVINFO beside it.
        s.setsockopt(IPPROTO_SCTP, SCTP_RECVRCVINFO, 1)


SCTP_GET_ASSOC_ID_LIST = 29


def first_assoc_id(s):
    """The one association of a one-to-many socket (struct sctp_assoc_ids)."""
    n, first = struct.unpack_from("=Ii", s.getsockopt(IPPROTO_SCTP, SCTP_GET_ASSOC_ID_LIST, 8 + 4 * 4))
    if n != 1:
        raise SystemExit("expected one association, got %d" % n)
    return first


def connected(open_socket, settings, many, port_of):
    """A client and a server end over loopback, with the settings applied to every socket
    before connect/accept and again to the connected ones (as the C driver does). One-to-one:
    the server end is the accepted socket; one-to-many: the listening socket itself."""
    srv = open_socket(many)
    settings(srv)
    srv.bind(("127.0.0.1", 0))
    srv.listen(16)
    cli = open_socket(many)
    settings(cli)
    cli.connect(("127.0.0.1", port_of(srv)))
    if not many:
        acc, _ = srv.accept()
        srv.close()
        srv = acc
        settings(srv)
        settings(cli)
    return cli, srv


def stdlib_pair(many):
    """The standard socket module; one-to-many sends on the client's association id."""
    kind = socket.SOCK_SEQPACKET if many else socket.SOCK_STREAM
    cli, srv = connected(
        lambda _: socket.socket(socket.AF_INET, kind, IPPROTO_SCTP), raw_settings, many, lambda s: s.getsockname()[1]
    )
    return cli, srv, first_assoc_id(cli) if many else 0


def pysctp_pair(many):
    """PySCTP. Its sctp_recv only fills sndrcvinfo with the data_io subscription
    (SCTP_SNDRCV); its sctp_send has no association argument, so one-to-many sends to the
    server's address (as the libsctp C variant does)."""
    import sctp

    def settings(s):
        raw_settings(s, False)
        s.events.data_io = True
        s.events.flush()

    def open_socket(m):
        return (sctp.sctpsocket_udp if m else sctp.sctpsocket_tcp)(socket.AF_INET)

    cli, srv = connected(open_socket, settings, many, lambda s: s.getsockname()[1])
    return cli, srv, srv.getsockname() if many else ("", 0)


def sctpx_settings(x):
    import sctpx

    x.set_option(sctpx.OPT_NODELAY, 1)
    socket.socket(fileno=os.dup(x.fileno())).setsockopt(IPPROTO_SCTP, SCTP_DELAYED_SACK, SACK)


def sctpx_pair(many):
    import sctpx

    def open_socket(m):
        return (sctpx.open_udp if m else sctpx.open_tcp)(socket.AF_INET)

    cli, srv = connected(open_socket, sctpx_settings, many, lambda s: s.local_addrs()[0][1])
    return cli, srv, cli.get_assoc_ids()[0] if many else 0


def setup(mode, variant, size):
    """A pair for VARIANT, and its send(count) -> t0 and recv(count) -> t1 loops on it."""
    many = mode == "tput_m"
    data = b"x" * size
    if variant == "py_stdlib":
        snd, rcv, assoc_id = stdlib_pair(many)
        cmsg = [(IPPROTO_SCTP, SCTP_SNDINFO, struct.pack("=HHIIi", 0, 0, socket.htonl(PPID), 0, assoc_id))]
        cspace = socket.CMSG_SPACE(28)  # struct sctp_rcvinfo

        def send(count):
            t0 = time.monotonic()
            for _ in range(count):
                snd.sendmsg([data], cmsg)
            return t0

        def recv(count):
            got = 0
            bufsize = max(size, 65536)
            while got < count:
                _, anc, flags, _ = rcv.recvmsg(bufsize, cspace)
                ((lvl, typ, cd),) = anc
                if typ != SCTP_RCVINFO or socket.ntohl(struct.unpack_from("=HHHxxI", cd)[3]) != PPID:
                    raise SystemExit("bad rcvinfo")
                got += bool(flags & MSG_EOR)
            return time.monotonic()

    elif variant == "py_pysctp":
        snd, rcv, to = pysctp_pair(many)

        def send(count):
            t0 = time.monotonic()
            for _ in range(count):
                snd.sctp_send(data, to=to, ppid=PPID)
            return t0

        def recv(count):
            got = 0
            while got < count:
                _, flags, msg, notif = rcv.sctp_recv(max(size, 65536))
                # PySCTP converts the PPID to network order when sending but not back
                # when receiving (its known byte-order bug): it arrives as htonl(PPID).
                if notif.ppid != socket.htonl(PPID):
                    raise SystemExit("bad ppid")
                got += bool(flags & MSG_EOR)
            return time.monotonic()

    else:
        import sctpx

        snd, rcv, assoc_id = sctpx_pair(many)
        batch = variant == "py_sctpx_batch"
        rich = variant == "py_sctpx_rich"
        msgs = [sctpx.SendMsg(data, ppid=PPID, assoc_id=assoc_id)] * BATCH

        def send(count):
            t0 = time.monotonic()
            sent = 0
            while sent < count:
                if batch:
                    sent += snd.send_batch(msgs[: min(BATCH, count - sent)])
                else:
                    snd.send_stream(data, 0, PPID, assoc_id)
                    sent += 1
            return t0

        def recv_lean(count):
            # What the stdlib loop does: a count into a buffer, stream, PPID and flags.
            got = 0
            buf = bytearray(max(size, 65536))
            complete = sctpx.EventFlag.COMPLETE
            while got < count:
                _, _, ppid, flags, _ = rcv.recv_message_into(buf)
                if ppid != PPID:
                    raise SystemExit("bad ppid")
                got += bool(flags & complete)
            return time.monotonic()

        def recv(count):
            if not (batch or rich):
                return recv_lean(count)
            got = 0
            bufsize = max(size, 2048) if batch else max(size, 65536)
            while got < count:
                evs = rcv.recv_batch(BATCH, None, bufsize) if batch else [rcv.next_event(None, bufsize)]
                for e in evs:
                    if e.ppid != PPID:
                        raise SystemExit("bad ppid")
                    got += bool(e.complete)
            return time.monotonic()

    return (snd, rcv), send, recv


def block(send, recv, count):
    """COUNT messages: seconds from the first send to the last complete message received."""
    res = {}
    bar = threading.Barrier(2)

    def receiver():
        bar.wait()
        res["t1"] = recv(count)

    tr = threading.Thread(target=receiver)
    tr.start()
    bar.wait()
    t0 = send(count)
    tr.join()
    return res["t1"] - t0


def tput(mode, variant, size, count):
    _, send, recv = setup(mode, variant, size)
    print(f"{mode} {variant} {size} {count} {block(send, recv, count):.6f}", flush=True)


def alt(cases, rounds, variants):
    """Issue 16: every variant on its own association, set up before timing; ROUNDS rounds of
    one block per variant, order rotated each round; one "B ..." line per block (raw.c's alt).
    CASES is "CASE:BLOCK[,CASE:BLOCK...]": one process for them all, since starting Python and
    importing the modules costs tens of seconds under emulation."""
    for spec in cases.split(","):
        case, count = spec.split(":")
        count = int(count)
        mode, size = case.split("/")
        pairs = [setup(mode, v, int(size)) for v in variants]
        for r in range(rounds):
            for k in range(len(variants)):
                i = (k + r) % len(variants)
                secs = block(pairs[i][1], pairs[i][2], count)
                print(f"B {case} {variants[i]} {r} {count} {secs:.6f} -", flush=True)
        for (a, b), _, _ in pairs:
            a.close()
            b.close()


def main():
    if sys.argv[1] == "variants":
        v = ["py_stdlib"]
        try:
            import sctpx  # noqa: F401

            v = ["py_sctpx", "py_sctpx_rich", "py_sctpx_batch"] + v
        except Exception as e:  # binding not ready: its rows are skipped
            print(f"bench_py: sctpx not importable: {e}", file=sys.stderr)
        try:
            import sctp  # noqa: F401

            v.append("py_pysctp")
        except Exception as e:  # not built: its rows say "not measured"
            print(f"bench_py: PySCTP not importable: {e}", file=sys.stderr)
        print(" ".join(v))
    elif sys.argv[1] == "alt" and len(sys.argv) >= 5:
        alt(sys.argv[2], int(sys.argv[3]), sys.argv[4:])
    elif sys.argv[1] in ("tput", "tput_m"):
        tput(sys.argv[1], sys.argv[2], int(sys.argv[3]), int(sys.argv[4]))
    else:
        raise SystemExit(__doc__)


main()
