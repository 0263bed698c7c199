#!/usr/bin/env python3
"""An asyncio SCTP echo server: every message goes back on its stream with its PPID.

    python3 asyncio_echo_server.py [--host 127.0.0.1] [--port 5000] [--one-to-many]

One-to-one (the default) accepts each association and serves it in its own task;
``--one-to-many`` serves every association from one socket, replying by association id.
Prints "listening on HOST PORT" once ready (port 0 picks a free one).
"""

from __future__ import annotations

import argparse
import asyncio
import socket

import sctpx
import sctpx.aio


async def serve_association(conn: sctpx.aio.AsyncSocket) -> None:
    with conn.sock:
        while True:
            try:
                ev = await conn.next_event()
            except (sctpx.EofError, ConnectionResetError):
                return  # the peer is gone
            if isinstance(ev, sctpx.DataMessage):
                await conn.send(ev.data, stream=ev.stream, ppid=ev.ppid)


async def one_to_one(srv: sctpx.aio.AsyncSocket) -> None:
    tasks = set()
    while True:
        conn, _peer = await srv.accept()
        task = asyncio.ensure_future(serve_association(conn))
        tasks.add(task)  # keep a reference until it is done
        task.add_done_callback(tasks.discard)


async def one_to_many(srv: sctpx.aio.AsyncSocket) -> None:
    while True:
        ev = await srv.next_event()
        if isinstance(ev, sctpx.DataMessage):
            await srv.send(ev.data, stream=ev.stream, ppid=ev.ppid, assoc_id=ev.assoc_id)


async def main() -> None:
    ap = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    ap.add_argument("--host", default="127.0.0.1")
    ap.add_argument("--port", type=int, default=5000)
    ap.add_argument("--one-to-many", action="store_true")
    args = ap.parse_args()

    family = socket.AF_INET6 if ":" in args.host else socket.AF_INET
    srv = sctpx.aio.open_udp(family) if args.one_to_many else sctpx.aio.open_tcp(family)
    async with srv:
        srv.bind((args.host, args.port))
        srv.listen()
        host, port = srv.local_addrs()[0][:2]
        print("listening on", host, port, flush=True)
        await (one_to_many(srv) if args.one_to_many else one_to_one(srv))


if __name__ == "__main__":
    try:
        asyncio.run(main())
    except KeyboardInterrupt:
        pass
