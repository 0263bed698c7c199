"""sctpx.aio: awaitable sockets on one event loop."""

from __future__ import annotations

import asyncio
import os
import resource
import socket
import subprocess
import sys
import time

import pytest

import sctpx
import sctpx.aio
from conftest import LOOPBACK, PACKAGE_ROOT, TIMEOUT, port_of


def run(coro):
    return asyncio.run(asyncio.wait_for(coro, 120))


async def _next_data(asock: sctpx.aio.AsyncSocket) -> sctpx.DataMessage:
    while True:
        ev = await asock.next_event()
        if isinstance(ev, sctpx.DataMessage):
            return ev


def test_echo_over_one_to_one_sockets():
    async def main():
        async with sctpx.aio.open_tcp(socket.AF_INET) as srv:
            srv.bind((LOOPBACK, 0))
            srv.listen()

            async def server():
                conn, _ = await srv.accept()
                async with conn:
                    msg = await _next_data(conn)
                    await conn.send(msg.data.upper(), stream=msg.stream, ppid=msg.ppid)

            task = asyncio.ensure_future(server())
            async with sctpx.aio.open_tcp(socket.AF_INET) as cli:
                await cli.connect((LOOPBACK, port_of(srv.sock)))
                await cli.send(b"echo me", stream=1, ppid=5)
                reply = await _next_data(cli)
            await task
            return reply

    reply = run(main())
    assert (reply.data, reply.stream, reply.ppid) == (b"ECHO ME", 1, 5)


def test_the_socket_is_made_non_blocking():
    async def main():
        async with sctpx.aio.open_tcp() as s:
            return s.sock.nonblock

    assert run(main()) is True


def test_wait_for_times_out_a_receive_and_the_socket_still_works(pair):
    cli, conn = pair

    async def main():
        aconn = sctpx.aio.AsyncSocket(conn)
        start = time.monotonic()
        with pytest.raises(asyncio.TimeoutError):
            await asyncio.wait_for(aconn.next_event(), 0.3)
        waited = time.monotonic() - start
        cli.send(b"after the timeout")
        return waited, await _next_data(aconn)

    waited, msg = run(main())
    assert waited >= 0.29
    assert msg.data == b"after the timeout"


def test_cancelling_a_receive_stops_watching_the_descriptor(pair):
    _, conn = pair

    async def main():
        aconn = sctpx.aio.AsyncSocket(conn)
        task = asyncio.ensure_future(aconn.next_event())
        await asyncio.sleep(0.05)
        loop = asyncio.get_running_loop()
        watched_before = conn.fileno() in loop._selector.get_map()  # type: ignore[attr-defined]
        task.cancel()
        with pytest.raises(asyncio.CancelledError):
            await task
        return watched_before, conn.fileno() in loop._selector.get_map()  # type: ignore[attr-defined]

    assert run(main()) == (True, False)


def test_two_waiters_on_one_socket_both_get_a_message(pair):
    cli, conn = pair

    async def main():
        aconn = sctpx.aio.AsyncSocket(conn)
        waiters = [asyncio.ensure_future(_next_data(aconn)) for _ in range(2)]
        await asyncio.sleep(0.05)
        cli.send(b"a")
        cli.send(b"b")
        return sorted([m.data for m in await asyncio.gather(*waiters)])

    assert run(main()) == [b"a", b"b"]


def test_closing_fails_a_pending_receive_with_closed_handle_error(pair):
    _, conn = pair

    async def main():
        aconn = sctpx.aio.AsyncSocket(conn)
        task = asyncio.ensure_future(aconn.next_event())
        await asyncio.sleep(0.05)
        aconn.close()
        with pytest.raises(sctpx.ClosedHandleError):
            await task

    run(main())


def test_connect_to_a_closed_port_raises_connection_refused():
    async def main():
        with sctpx.open_tcp(socket.AF_INET) as probe:
            probe.bind((LOOPBACK, 0))
            port = port_of(probe)
        async with sctpx.aio.open_tcp(socket.AF_INET) as cli:
            with pytest.raises(ConnectionRefusedError):
                await cli.connect((LOOPBACK, port))

    run(main())


def test_connectx_on_one_to_many_returns_the_association_being_set_up(udp_server):
    async def main():
        async with sctpx.aio.open_udp(socket.AF_INET) as cli:
            assoc = await cli.connectx([(LOOPBACK, port_of(udp_server))])
            await cli.send(b"first", assoc_id=assoc)
            return assoc, cli.sock.get_assoc_ids(), (await _next_data(sctpx.aio.AsyncSocket(udp_server))).data

    assoc, ids, data = run(main())
    assert assoc > 0 and ids == [assoc]
    assert data == b"first"


def test_connectx_on_one_to_one_waits_for_the_association(listener):
    async def main():
        async with sctpx.aio.open_tcp(socket.AF_INET) as cli:
            assoc = await cli.connectx([(LOOPBACK, port_of(listener))])
            return assoc, cli.sock.status.state

    assoc, state = run(main())
    assert assoc > 0
    assert state == sctpx.STATE_ESTABLISHED


def test_send_waits_for_room_and_completes_once_the_peer_reads(pair):
    cli, conn = pair

    def fill() -> int:
        sent = 0
        while True:
            try:
                cli.send(b"f" * 1000)
                sent += 1
            except BlockingIOError:
                return sent

    async def main():
        acli = sctpx.aio.AsyncSocket(cli)
        # conn does not read: fill its window, then our send buffer. Acknowledgements free
        # room for a while (delayed SACKs: up to 200 ms), so fill until none has for 600 ms.
        queued = fill()
        quiet = 0
        while quiet < 2:
            await asyncio.sleep(0.3)
            more = fill()
            queued += more
            quiet = 0 if more else quiet + 1
        # As large as the messages that no longer fit: a smaller one may (usrsctp takes any
        # message that fits the room left).
        last = b"last".ljust(1000, b".")
        pending = asyncio.ensure_future(acli.send(last))
        await asyncio.sleep(0.2)
        blocked = not pending.done()
        got = []
        while not got or got[-1] != last:
            try:
                ev = conn.next_event(timeout=0)
            except BlockingIOError:
                await asyncio.sleep(0.01)  # let the loop run the pending send
                continue
            got.append(ev.data)
        return blocked, await pending, len(got) - 1, queued

    blocked, sent, drained, queued = run(main())
    assert blocked
    assert sent == 1000
    assert drained == queued


def test_send_batch_and_recv_batch_are_awaitable(pair):
    cli, conn = pair

    async def main():
        acli, aconn = sctpx.aio.AsyncSocket(cli), sctpx.aio.AsyncSocket(conn)
        assert await acli.send_batch([b"x%d" % i for i in range(20)]) == 20
        got = []
        while len(got) < 20:
            got += await aconn.recv_batch(8)
        return [e.data for e in got]

    assert run(main()) == [b"x%d" % i for i in range(20)]


def test_peeloff_gives_an_async_one_to_one_socket(udp_server):
    async def main():
        asrv = sctpx.aio.AsyncSocket(udp_server)
        async with sctpx.aio.open_tcp(socket.AF_INET) as cli:
            await cli.connect((LOOPBACK, port_of(udp_server)))
            await cli.send(b"hi")
            first = await _next_data(asrv)
            async with asrv.peeloff(first.assoc_id) as peeled:
                await peeled.send(b"peeled")
                return (await _next_data(cli)).data

    assert run(main()) == b"peeled"


def _raise_fd_limit(need: int) -> None:
    soft, hard = resource.getrlimit(resource.RLIMIT_NOFILE)
    if soft < need:
        resource.setrlimit(resource.RLIMIT_NOFILE, (min(need, hard), hard))


ASSOCIATIONS = 1000


def test_a_thousand_associations_on_one_loop(udp_server):
    """1000 one-to-one clients against one one-to-many echo server, all on one loop."""
    _raise_fd_limit(ASSOCIATIONS + 100)

    async def main():
        srv = sctpx.aio.AsyncSocket(udp_server)

        async def echo():
            while True:
                ev = await srv.next_event()
                if isinstance(ev, sctpx.DataMessage):
                    await srv.send(ev.data, assoc_id=ev.assoc_id)

        async def client(i: int) -> bytes:
            async with sctpx.aio.open_tcp(socket.AF_INET) as c:
                await c.connect((LOOPBACK, port_of(udp_server)))
                await c.send(b"client %d" % i)
                return (await _next_data(c)).data

        server = asyncio.ensure_future(echo())
        start = time.monotonic()
        replies = await asyncio.gather(*(client(i) for i in range(ASSOCIATIONS)))
        elapsed = time.monotonic() - start
        server.cancel()
        return replies, elapsed

    replies, elapsed = run(main())
    assert replies == [b"client %d" % i for i in range(ASSOCIATIONS)]
    print("\n%d associations echoed in %.1f s" % (ASSOCIATIONS, elapsed))
    assert elapsed < 60


def test_the_example_echo_server_echoes():
    env = dict(os.environ, PYTHONPATH=PACKAGE_ROOT)
    example = os.path.join(PACKAGE_ROOT, "examples", "asyncio_echo_server.py")
    with sctpx.open_tcp(socket.AF_INET) as cli:
        if cli.backend == sctpx.BACKEND_USERSPACE:
            # The example is a process of its own, so a usrsctp stack of its own: it needs a
            # local UDP port of its own (this one's is taken), and cli sends there.
            with socket.socket(socket.AF_INET6, socket.SOCK_DGRAM) as u:  # IPv4 and IPv6, as usrsctp
                u.bind(("::", 0))
                example_udp_port = u.getsockname()[1]
            env.update(SCTPX_UDP_PORT=str(example_udp_port), SCTPX_UDP_REMOTE_PORT=str(sctpx.udp_port()))
            cli.udp_remote_port = example_udp_port
        proc = subprocess.Popen(
            [sys.executable, example, "--port", "0"], stdout=subprocess.PIPE, env=env, text=True
        )
        try:
            line = proc.stdout.readline()
            assert line.startswith("listening on 127.0.0.1 ")
            port = int(line.split()[-1])
            cli.connect((LOOPBACK, port))
            cli.send(b"ping", stream=2, ppid=9)
            msg = cli.next_event(timeout=TIMEOUT)
            assert (msg.data, msg.stream, msg.ppid) == (b"ping", 2, 9)
        finally:
            proc.terminate()
            proc.wait(TIMEOUT)
