#!/usr/bin/env python3
"""Harness self-tests: is the SCTP that tests/run-all runs against real, and does tests/vm/netns work?

Plain Python socket module with IPPROTO_SCTP (132): no SCTP library is involved, so a failure
here points at the kernel or the harness, never at sctpx. Prints TAP (`ok N - name`).
Usage: selftest.py (needs root for the namespace tests, skipped natively without it)
"""
import ctypes
import os
import socket
import subprocess
import sys
import threading
import time

IPPROTO_SCTP = 132
MSG_NOTIFICATION = 0x8000  # <linux/sctp.h>: recvmsg flag of an event, not user data
HERE = os.path.dirname(os.path.abspath(__file__))
NETNS = os.path.join(HERE, "netns")
NS_PORT = 5077  # inside our own namespaces only


def recv_data(sock, size=65536):
    """recvmsg() that skips SCTP notifications (some kernels subscribe one-to-many sockets)."""
    while True:
        data, _anc, flags, addr = sock.recvmsg(size)
        if not flags & MSG_NOTIFICATION:
            return data, addr


def one_to_one(family, host):
    with socket.socket(family, socket.SOCK_STREAM, IPPROTO_SCTP) as srv:
        srv.settimeout(10)
        srv.bind((host, 0))
        srv.listen(1)
        with socket.socket(family, socket.SOCK_STREAM, IPPROTO_SCTP) as cli:
            cli.settimeout(10)
            cli.connect(srv.getsockname())
            conn, _ = srv.accept()
            with conn:
                conn.settimeout(10)
                cli.sendall(b"ping")
                assert recv_data(conn)[0] == b"ping"
                conn.sendall(b"pong")
                assert recv_data(cli)[0] == b"pong"


def one_to_many(family, host):
    with socket.socket(family, socket.SOCK_SEQPACKET, IPPROTO_SCTP) as srv, \
            socket.socket(family, socket.SOCK_SEQPACKET, IPPROTO_SCTP) as cli:
        for s in (srv, cli):
            s.settimeout(10)
        srv.bind((host, 0))
        srv.listen(1)
        # The first sendto() sets the association up implicitly.
        cli.sendto(b"ping", srv.getsockname())
        data, peer = recv_data(srv)
        assert data == b"ping", data
        srv.sendto(b"pong", peer)
        assert recv_data(cli)[0] == b"pong"


def sctp_in_proc():
    with socket.socket(socket.AF_INET, socket.SOCK_STREAM, IPPROTO_SCTP):
        with open("/proc/net/protocols") as f:
            assert any(line.split()[:1] == ["SCTP"] for line in f), "SCTP not in /proc/net/protocols"


# --- namespace tests -------------------------------------------------------------------------
# Sockets are created inside a namespace with setns(2) and keep it after the thread switches
# back, so one process plays both hosts: no per-connection `ip netns exec` (slow under TCG).

CLONE_NEWNET = 0x40000000
libc = ctypes.CDLL(None, use_errno=True)


def netns(*args):
    subprocess.run([NETNS, *args], check=True)


def ns_env():
    out = subprocess.run([NETNS, "env"], check=True, capture_output=True, text=True).stdout
    return dict(line.split("=", 1) for line in out.split())


def setns(f):
    if libc.setns(f.fileno(), CLONE_NEWNET) != 0:
        err = ctypes.get_errno()
        raise OSError(err, f"setns({f.name}): {os.strerror(err)}")


def sctp_socket_in(ns, family, kind):
    """An SCTP socket that lives in network namespace `ns` (/run/netns/NAME)."""
    with open(f"/run/netns/{ns}") as target, open("/proc/thread-self/ns/net") as home:
        setns(target)
        try:
            return socket.socket(family, kind, IPPROTO_SCTP)
        finally:
            setns(home)


def family_of(addr):
    return socket.AF_INET6 if ":" in addr else socket.AF_INET


def echo_server(srv):
    """Echo every message on one-to-many socket `srv` until it is closed."""
    while True:
        try:
            data, peer = recv_data(srv)
            srv.sendto(data, peer)
        except OSError:
            return


def reaches(ns, addr, secs):
    """True when host `ns` completes an SCTP echo with `addr` within `secs` seconds."""
    message = b"hello over " + addr.encode()
    try:
        with sctp_socket_in(ns, family_of(addr), socket.SOCK_STREAM) as s:
            s.settimeout(secs)
            s.connect((addr, NS_PORT))
            s.sendall(message)
            return recv_data(s)[0] == message
    except OSError as e:
        print(f"# host {ns} -> {addr}: {e}", flush=True)
        return False


def namespace_tests(ok):
    """Two hosts, two links: SCTP over both, and link-down really cuts one path."""
    netns("up")
    srv = None
    try:
        env = ns_env()
        a, b = env["SCTPX_NS_A"], env["SCTPX_NS_B"]
        srv = sctp_socket_in(a, socket.AF_INET6, socket.SOCK_SEQPACKET)
        srv.bind(("::", NS_PORT))  # IPv4 peers arrive as v4-mapped addresses
        srv.listen(8)
        threading.Thread(target=echo_server, args=(srv,), daemon=True).start()
        links = range(1, int(env["SCTPX_NS_LINKS"]) + 1)
        addrs = {i: (env[f"SCTPX_NS_A_ADDR{i}"], env[f"SCTPX_NS_A_ADDR{i}_V6"]) for i in links}
        for i in links:
            for addr in addrs[i]:
                ok(f"netns: host b reaches host a at {addr} (link {i})",
                   lambda addr=addr: reaches(b, addr, 20))
        netns("link-down", "2")
        for addr in addrs[2]:
            ok(f"netns: link-down 2 makes {addr} unreachable",
               lambda addr=addr: not reaches(b, addr, 1.5))
        for addr in addrs[1]:
            ok(f"netns: link 1 still carries SCTP to {addr} while link 2 is down",
               lambda addr=addr: reaches(b, addr, 20))
        netns("link-up", "2")
        for addr in addrs[2]:
            ok(f"netns: link-up 2 makes {addr} reachable again", lambda addr=addr: reaches(b, addr, 20))
    finally:
        if srv is not None:
            srv.close()
        netns("down")


def main():
    number = 0
    failed = 0

    def report(name, why=None):
        nonlocal number, failed
        number += 1
        print(f"{'not ok' if why else 'ok'} {number} - {name}", flush=True)
        if why:
            failed += 1
            print(f"# {why}", flush=True)

    def ok(name, fn):
        try:
            result = fn()
            why = None if result is None or result is True else f"returned {result!r}"
        except Exception as e:  # a test's failure, reported, never fatal to the run
            why = f"{type(e).__name__}: {e}"
        report(name, why)

    def skip(name, why):
        nonlocal number
        number += 1
        print(f"ok {number} - {name} # SKIP {why}", flush=True)

    print(f"# kernel {os.uname().release}, {'VM' if os.environ.get('SCTPX_IN_VM') else 'native'}")
    ok("kernel SCTP: socket() works and /proc/net/protocols lists SCTP", sctp_in_proc)
    ok("one-to-one (SOCK_STREAM) over IPv4 loopback", lambda: one_to_one(socket.AF_INET, "127.0.0.1"))
    ok("one-to-one (SOCK_STREAM) over IPv6 loopback", lambda: one_to_one(socket.AF_INET6, "::1"))
    ok("one-to-many (SOCK_SEQPACKET) over IPv4 loopback",
       lambda: one_to_many(socket.AF_INET, "127.0.0.1"))
    ok("one-to-many (SOCK_SEQPACKET) over IPv6 loopback", lambda: one_to_many(socket.AF_INET6, "::1"))

    # Namespaces need root. Inside the VM we are root, so there they always run.
    if os.geteuid() != 0 and not os.environ.get("SCTPX_IN_VM"):
        skip("netns: two hosts, two links, link-down/link-up", "needs root")
    else:
        start = time.monotonic()
        try:
            namespace_tests(ok)
        except Exception as e:  # setup or cleanup broke: that is a failed test too
            report("netns: setup and cleanup", f"{type(e).__name__}: {e}")
        print(f"# namespace tests took {time.monotonic() - start:.1f}s")
    print(f"1..{number}")
    return 1 if failed else 0


if __name__ == "__main__":
    sys.exit(main())
