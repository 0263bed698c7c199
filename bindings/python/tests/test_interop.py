"""Interoperability with lksctp-tools' sctp_test (its own C code over the kernel API).

sctp_test prints what it does; stdbuf makes it print line by line into our pipe.
"""

from __future__ import annotations

import re
import socket
import struct
import subprocess
import threading
import time
from typing import List

import sctpx
from conftest import LOOPBACK, TIMEOUT, next_data, port_of


class Output:
    """Collects a process's output lines in the background."""

    def __init__(self, proc: subprocess.Popen) -> None:
        self.lines: List[str] = []
        self._proc = proc
        self._thread = threading.Thread(target=self._read, daemon=True)
        self._thread.start()

    def _read(self) -> None:
        assert self._proc.stdout is not None
        for line in self._proc.stdout:
            self.lines.append(line.rstrip("\n"))

    def wait_for(self, pattern: str, timeout: float = TIMEOUT) -> str:
        deadline = time.monotonic() + timeout
        while time.monotonic() < deadline:
            for line in list(self.lines):
                if re.search(pattern, line):
                    return line
            time.sleep(0.05)
        raise AssertionError("no line matching %r in:\n%s" % (pattern, "\n".join(self.lines)))


def sctp_test(*args: str) -> subprocess.Popen:
    return subprocess.Popen(
        ["stdbuf", "-oL", "sctp_test", *args],
        stdout=subprocess.PIPE,
        stderr=subprocess.STDOUT,
        text=True,
    )


def free_port() -> int:
    with sctpx.open_tcp(socket.AF_INET) as probe:
        probe.bind((LOOPBACK, 0))
        return port_of(probe)


def test_sctp_test_server_receives_our_messages_and_sees_the_shutdown():
    port = free_port()
    proc = sctp_test("-H", LOOPBACK, "-P", str(port), "-l")
    out = Output(proc)
    try:
        out.wait_for(r"Server: Receiving packets")
        with sctpx.open_tcp(socket.AF_INET) as cli:
            cli.connect((LOOPBACK, port))
            cli.send(b"hello sctp_test", ppid=7)
            cli.send(b"x" * 3000, stream=1)
            out.wait_for(r"COMMUNICATION_UP")
            out.wait_for(r"Data 15 bytes\. First 10 bytes: hello sct")
            out.wait_for(r"Data 3000 bytes\. First 10 bytes: xxxxxxxxx")
        out.wait_for(r"SHUTDOWN_COMPLETE")
    finally:
        proc.terminate()
        proc.wait(TIMEOUT)


def test_sctp_test_client_messages_arrive_whole_and_unordered():
    with sctpx.open_udp(socket.AF_INET) as srv:
        srv.bind((LOOPBACK, 0))
        srv.listen()
        # -c 1: ten messages of 1452, 2904, 4356, ... bytes; -x 1: once; unordered by default.
        proc = sctp_test("-H", LOOPBACK, "-P", str(free_port()), "-h", LOOPBACK, "-p", str(port_of(srv)), "-s", "-c", "1", "-x", "1")
        out = Output(proc)
        try:
            got = [next_data(srv) for _ in range(10)]
            assert proc.wait(TIMEOUT) == 0
        finally:
            if proc.poll() is None:
                proc.kill()
        time.sleep(0.1)  # the reader thread drains the last lines
        sizes = [int(m) for m in re.findall(r"sendmsg\(sk=\d+, assoc=\d+\) (\d+) bytes", "\n".join(out.lines))]
        ppids = [int(m) for m in re.findall(r"ppid=(\d+)", "\n".join(out.lines))]
        assert [len(m.data) for m in got] == sizes
        assert all(m.complete and m.unordered for m in got)
        # sctp_test stores its random PPID into the (network-order) sinfo_ppid field as a
        # host-order number; sctpx reports wire values in host order, so it sees it swapped.
        swapped = [struct.unpack("<I", struct.pack(">I", p))[0] for p in ppids]
        assert [m.ppid for m in got] == swapped
