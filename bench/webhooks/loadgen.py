"""The webhooks bench's load generator processes: signed webhooks sent by keep-alive senders."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import gc
import itertools
import json
import sys
import time
from collections.abc import Awaitable, Callable, Iterator
from dataclasses import dataclass
from typing import Any

import httpx

from bench.common import (
    ROOT,
    build_request,
    read_response,
)
from bench.webhooks.world import AMOUNT, CURRENCY, ID_BLOCK, SECRET, SELF
from estatepay.demo.fakes.paystack import FakePaystack, Transaction


def signed_event(fake: FakePaystack, tx_id: int) -> tuple[bytes, dict[str, str]]:
    """A new completed charge and its webhook as the fake Paystack signs it."""
    reference = f"PAY-BENCH{tx_id:016d}"
    fake.transactions[reference] = Transaction(
        tx_id, reference, AMOUNT, CURRENCY, "payer@example.com", "success"
    )
    try:
        return fake.webhook(reference)
    finally:
        del fake.transactions[reference]  # bounded memory however long it runs


Post = Callable[[bytes, dict[str, str]], Awaitable[tuple[int, bytes]]]


async def httpx_posts(stack: contextlib.AsyncExitStack, base: str, path: str, n: int) -> list[Post]:
    """Each sender its own httpx.AsyncClient: one client's pool shared by 32 connections
    costs ~4x the CPU per request (3.4 ms against 0.8 ms, measured), enough to make the
    client the bottleneck of the bare route."""
    one = httpx.Limits(max_connections=1, max_keepalive_connections=1)
    clients = [
        await stack.enter_async_context(httpx.AsyncClient(limits=one, timeout=60)) for _ in range(n)
    ]
    # Every connection open before the clock starts.
    await asyncio.gather(*(client.get(base + "/healthz") for client in clients))

    def poster(client: httpx.AsyncClient) -> Post:
        async def post(body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
            response = await client.post(base + path, content=body, headers=headers)
            return response.status_code, response.content

        return post

    return [poster(client) for client in clients]


async def raw_posts(stack: contextlib.AsyncExitStack, port: int, path: str, n: int) -> list[Post]:
    """bench/common.py's small HTTP/1.1 client, one keep-alive connection per sender."""
    connections = []
    for _ in range(n):
        reader, writer = await asyncio.open_connection("127.0.0.1", port)
        stack.callback(writer.close)
        connections.append((reader, writer))

    def poster(reader: asyncio.StreamReader, writer: asyncio.StreamWriter) -> Post:
        async def post(body: bytes, headers: dict[str, str]) -> tuple[int, bytes]:
            signature = {"x-paystack-signature": headers["x-paystack-signature"]}
            writer.write(build_request("POST", path, body, signature, port))  # adds the type
            return await read_response(reader)

        return post

    return [poster(reader, writer) for reader, writer in connections]


async def loadgen_slice(
    fake: FakePaystack, ids: Iterator[int], order: dict[str, Any]
) -> dict[str, Any]:
    """`order["senders"]` senders, each on its own keep-alive connection, each sending its
    next webhook as soon as the answer is in, until the time is up."""
    port, path, senders = int(order["port"]), str(order["path"]), int(order["senders"])
    latencies: list[float] = []
    failures: list[str] = []
    async with contextlib.AsyncExitStack() as stack:
        if order["client"] == "raw":
            posts = await raw_posts(stack, port, path, senders)
        else:
            posts = await httpx_posts(stack, f"http://127.0.0.1:{port}", path, senders)
        gc.collect()
        await asyncio.sleep(max(0.0, float(order["start_at"]) - time.time()))
        cpu0, wall_start, started = time.process_time(), time.time(), time.perf_counter()
        deadline = started + float(order["seconds"])

        async def sender(post: Post) -> None:
            while time.perf_counter() < deadline:
                body, headers = signed_event(fake, next(ids))
                begun = time.perf_counter()
                status, answer = await post(body, headers)
                if status != 200:
                    failures.append(f"{status}: {answer[:300]!r}")
                    return
                latencies.append(time.perf_counter() - begun)

        await asyncio.gather(*(sender(post) for post in posts))
        seconds = time.perf_counter() - started
        cpu = time.process_time() - cpu0
    return {
        "latencies": latencies,
        "failures": failures,
        "start": wall_start,
        "seconds": seconds,
        "cpu": cpu,
    }


async def loadgen(args: argparse.Namespace) -> int:
    """One load generator process: a JSON order per stdin line, a JSON result per line."""
    fake = FakePaystack(args.secret)
    ids = itertools.count(args.index * ID_BLOCK)
    loop = asyncio.get_running_loop()
    while line := await loop.run_in_executor(None, sys.stdin.readline):
        result = await loadgen_slice(fake, ids, json.loads(line))
        sys.stdout.write(json.dumps(result) + "\n")
        sys.stdout.flush()
    return 0


@dataclass
class Loadgen:
    process: asyncio.subprocess.Process
    senders: int

    def order(self, order: dict[str, Any]) -> None:
        assert self.process.stdin is not None
        self.process.stdin.write((json.dumps(order) + "\n").encode())

    async def result(self) -> dict[str, Any]:
        assert self.process.stdout is not None
        line = await self.process.stdout.readline()
        if not line:
            raise SystemExit(f"load generator {self.process.pid} exited")
        answer: dict[str, Any] = json.loads(line)
        return answer

    async def stop(self) -> None:
        if self.process.stdin is not None:
            self.process.stdin.close()
        try:
            await asyncio.wait_for(self.process.wait(), 10)
        except TimeoutError:
            self.process.kill()
            await self.process.wait()


async def start_loadgens(senders: int, processes: int, env: dict[str, str]) -> list[Loadgen]:
    """The load generator processes (their errors go to this process's stderr)."""
    loadgens = []
    for i in range(processes):
        process = await asyncio.create_subprocess_exec(
            *[*SELF, "--loadgen", "--index", str(i + 1)],
            *["--secret", SECRET],
            cwd=ROOT,
            env=env,
            stdin=asyncio.subprocess.PIPE,
            stdout=asyncio.subprocess.PIPE,
            limit=2**26,  # one line carries a slice's latencies
        )
        share = (i + 1) * senders // processes - i * senders // processes
        loadgens.append(Loadgen(process, share))
    return loadgens
