"""The subscriptions bench's clients: subscribers to either system and the payments driver."""

from __future__ import annotations

import asyncio
import contextlib
import json
import time
import uuid
from collections.abc import Awaitable, Callable, Coroutine
from dataclasses import dataclass, field
from datetime import datetime
from functools import partial
from typing import Any

from bench.common import (
    log,
)
from bench.subscriptions.world import (
    BASELINE_CHANNEL,
    BURST_CONCURRENCY,
    PAY,
    SETTLE_SECONDS,
    SLUG,
    Estate,
    Resident,
)

# --- clients ------------------------------------------------------------------------


@dataclass
class Deliveries:
    """Arrivals per system: latency of each (seconds) and the arrival times."""

    latencies: list[float] = field(default_factory=list)
    arrivals: list[float] = field(default_factory=list)

    def record(self, committed_at: float, at: float) -> None:
        self.latencies.append(at - committed_at)
        self.arrivals.append(at)

    def mark(self) -> int:
        return len(self.latencies)


class Connection:
    def __init__(self, ws: Any, sink: Deliveries, stamp: Callable[[dict[str, Any]], float]):
        self.ws = ws
        self.sink = sink
        self.stamp = stamp
        self.pong: asyncio.Queue[None] = asyncio.Queue()
        self.task = asyncio.create_task(self.read())

    async def read(self) -> None:
        with contextlib.suppress(Exception):
            async for raw in self.ws:
                at = time.time()
                if raw == "pong":  # the baseline's readiness answer
                    self.pong.put_nowait(None)
                    continue
                message = json.loads(raw)
                kind = message.get("type")
                if kind == "pong":
                    self.pong.put_nowait(None)
                elif kind in ("next", None):
                    self.sink.record(self.stamp(message), at)
                elif kind in ("error", "complete"):
                    log(f"subscription ended: {raw[:300]}")

    async def live(self, ping: str) -> None:
        await self.ws.send(ping)
        await asyncio.wait_for(self.pong.get(), 120)

    async def close(self) -> None:
        with contextlib.suppress(Exception):
            await self.ws.close()
        self.task.cancel()


def ours_stamp(message: dict[str, Any]) -> float:
    stamp = message["payload"]["extensions"]["committedAt"]
    return datetime.fromisoformat(stamp).timestamp()


def baseline_stamp(message: dict[str, Any]) -> float:
    return float(message["at"])


async def connect_ours(port: int, token: str, query: str, sink: Deliveries) -> Connection:
    from websockets.asyncio.client import connect
    from websockets.typing import Subprotocol

    ws = await connect(
        f"ws://127.0.0.1:{port}/graphql",
        subprotocols=[Subprotocol("graphql-transport-ws")],
        compression=None,
        ping_interval=None,
        max_queue=None,
    )
    payload = {"authorization": f"Bearer {token}", "tenant": SLUG}
    await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
    ack = json.loads(await asyncio.wait_for(ws.recv(), 120))
    assert ack["type"] == "connection_ack", ack
    await ws.send(json.dumps({"id": "1", "type": "subscribe", "payload": {"query": query}}))
    return Connection(ws, sink, ours_stamp)


async def connect_baseline(port: int, who: str, sink: Deliveries) -> Connection:
    from websockets.asyncio.client import connect

    ws = await connect(
        f"ws://127.0.0.1:{port}/ws?who={who}",
        compression=None,
        ping_interval=None,
        max_queue=None,
    )
    return Connection(ws, sink, baseline_stamp)


async def gather_limited(jobs: list[Callable[[], Awaitable[Any]]], limit: int) -> list[Any]:
    gate = asyncio.Semaphore(limit)

    async def one(job: Callable[[], Awaitable[Any]]) -> Any:
        async with gate:
            return await job()

    return await asyncio.gather(*(one(job) for job in jobs))


# --- driving ------------------------------------------------------------------------

Act = Callable[["Payment"], Coroutine[Any, Any, None]]


@dataclass
class Payment:
    payer: Resident
    bill: uuid.UUID


class Driver:
    def __init__(self, estate: Estate, api_ports: list[int], redis_url: str) -> None:
        import httpx
        from redis.asyncio import Redis

        self.estate = estate
        self.api_ports = api_ports
        self.http = httpx.AsyncClient(timeout=60, limits=httpx.Limits(max_connections=64))
        self.redis = Redis.from_url(redis_url)
        self.failures: list[str] = []
        self._next_bill: dict[int, int] = {}

    def payments(self, count: int, offset: int) -> list[Payment]:
        people = self.estate.residents
        chosen = []
        for n in range(offset, offset + count):
            payer = people[n % len(people)]
            used = self._next_bill.get(payer.index, 0)
            self._next_bill[payer.index] = used + 1
            chosen.append(Payment(payer, payer.bills[used]))
        return chosen

    async def pay(self, payment: Payment) -> None:
        # Through the process the payer is not subscribed on: the event crosses Redis.
        port = self.api_ports[(payment.payer.index + 1) % 2]
        response = await self.http.post(
            f"http://127.0.0.1:{port}/graphql",
            json={"query": PAY, "variables": {"b": str(payment.bill), "k": uuid.uuid4().hex}},
            headers={"Authorization": f"Bearer {payment.payer.token}", "X-Tenant": SLUG},
        )
        body = response.json()
        if body.get("errors") or body["data"]["payBillFromWallet"]["status"] != "SUCCEEDED":
            self.failures.append(str(body)[:300])

    async def publish(self, payment: Payment) -> None:
        """The baseline's equivalent of a payment: the two messages it fans out."""
        for to in (f"r{payment.payer.index}", "admin"):
            message = json.dumps({"to": to, "at": time.time()})
            await self.redis.publish(BASELINE_CHANNEL, message)

    async def paced(self, act: Act, batch: list[Payment], rate: float) -> None:
        start = time.monotonic()
        tasks: list[asyncio.Task[None]] = []
        for n, payment in enumerate(batch):
            delay = start + n / rate - time.monotonic()
            if delay > 0:
                await asyncio.sleep(delay)
            tasks.append(asyncio.create_task(act(payment)))
        await asyncio.gather(*tasks)

    async def burst(self, act: Act, batch: list[Payment]) -> None:
        await gather_limited([partial(act, p) for p in batch], BURST_CONCURRENCY)

    async def close(self) -> None:
        await self.http.aclose()
        await self.redis.aclose()


async def settle(sink: Deliveries, expected: int) -> None:
    """Wait until `expected` deliveries arrived, or none for SETTLE_SECONDS."""
    last, quiet_since = sink.mark(), time.monotonic()
    while sink.mark() < expected:
        await asyncio.sleep(0.05)
        if sink.mark() != last:
            last, quiet_since = sink.mark(), time.monotonic()
        elif time.monotonic() - quiet_since > SETTLE_SECONDS:
            return
