"""A small GraphQL-over-WebSocket client for the tests (graphql-transport-ws, and the
legacy graphql-ws), on the `websockets` library: what a client app would do."""

from __future__ import annotations

import asyncio
import itertools
import json
import time
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from datetime import datetime
from typing import Any

from websockets.asyncio.client import ClientConnection, connect
from websockets.exceptions import ConnectionClosed
from websockets.typing import Subprotocol

TRANSPORT_WS = Subprotocol("graphql-transport-ws")
LEGACY_WS = Subprotocol("graphql-ws")


class Received:
    """One `next` payload and when it arrived (epoch seconds)."""

    def __init__(self, payload: dict[str, Any], at: float) -> None:
        self.payload = payload
        self.at = at

    @property
    def data(self) -> dict[str, Any]:
        assert not self.payload.get("errors"), self.payload["errors"]
        data: dict[str, Any] = self.payload["data"]
        return data

    @property
    def latency(self) -> float:
        """Seconds from the commit (the server's `extensions.committedAt`) to arrival."""
        stamp = self.payload["extensions"]["committedAt"]
        return self.at - datetime.fromisoformat(stamp).timestamp()


class LiveClient:
    def __init__(self, ws: ClientConnection, protocol: str) -> None:
        self.ws = ws
        self.protocol = protocol
        self._ids = itertools.count(1)
        self.nexts: dict[str, asyncio.Queue[Received]] = {}
        self.errors: dict[str, asyncio.Future[list[dict[str, Any]]]] = {}
        self.completed: set[str] = set()
        self._pongs: asyncio.Queue[None] = asyncio.Queue()
        self._reader = asyncio.create_task(self._read())

    async def _read(self) -> None:
        async for raw in self.ws:
            at = time.time()
            message = json.loads(raw)
            kind, op = message.get("type"), message.get("id")
            if kind in ("next", "data"):
                self.nexts.setdefault(op, asyncio.Queue()).put_nowait(
                    Received(message["payload"], at)
                )
            elif kind == "error":
                payload = message["payload"]
                errors = payload if isinstance(payload, list) else [payload]
                future = self.errors.setdefault(op, asyncio.get_running_loop().create_future())
                if not future.done():
                    future.set_result(errors)
            elif kind == "complete":
                self.completed.add(op)
            elif kind == "pong":
                self._pongs.put_nowait(None)

    async def subscribe(self, query: str, **variables: Any) -> str:
        op = str(next(self._ids))
        self.nexts[op] = asyncio.Queue()
        self.errors[op] = asyncio.get_running_loop().create_future()
        kind = "subscribe" if self.protocol == TRANSPORT_WS else "start"
        payload = {"query": query, "variables": variables}
        await self.ws.send(json.dumps({"id": op, "type": kind, "payload": payload}))
        return op

    async def live(self, within: float = 30) -> None:
        """Ping, and wait for the pong: every subscription started before is live."""
        await self.ws.send(json.dumps({"type": "ping"}))
        await asyncio.wait_for(self._pongs.get(), within)

    async def next(self, op: str, within: float = 30) -> Received:
        return await asyncio.wait_for(self.nexts[op].get(), within)

    async def error(self, op: str, within: float = 30) -> dict[str, Any]:
        errors = await asyncio.wait_for(self.errors[op], within)
        return errors[0]

    def pending(self, op: str) -> list[Received]:
        queue = self.nexts[op]
        return [queue.get_nowait() for _ in range(queue.qsize())]

    async def close(self) -> None:
        await self.ws.close()
        self._reader.cancel()


def socket_url(base: str) -> str:
    return base.replace("http://", "ws://") + "/graphql"


async def until_closed(ws: ClientConnection, within: float = 15) -> list[dict[str, Any]]:
    """Every message the server sends until it closes the socket (`ws.close_code` then
    says how); TimeoutError if it is still open after `within` seconds."""
    messages: list[dict[str, Any]] = []
    async with asyncio.timeout(within):
        try:
            async for raw in ws:
                messages.append(json.loads(raw))
        except ConnectionClosed:
            pass
    return messages


async def refused_with(
    base: str, payload: Any, protocol: str = TRANSPORT_WS
) -> tuple[int | None, list[dict[str, Any]]]:
    """Send `connection_init` with `payload`: the close code and what came before it."""
    async with connect(socket_url(base), subprotocols=[Subprotocol(protocol)]) as ws:
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        messages = await until_closed(ws)
        return ws.close_code, messages


@asynccontextmanager
async def live_client(
    base: str,
    token: str | None,
    tenant: str | None,
    protocol: str = TRANSPORT_WS,
    payload: dict[str, Any] | None = None,
) -> AsyncIterator[LiveClient]:
    async with connect(socket_url(base), subprotocols=[Subprotocol(protocol)]) as ws:
        if payload is None:
            payload = {}
            if token is not None:
                payload["authorization"] = f"Bearer {token}"
            if tenant is not None:
                payload["tenant"] = tenant
        await ws.send(json.dumps({"type": "connection_init", "payload": payload}))
        while True:  # the legacy protocol may send `ka` before the ack
            ack = json.loads(await asyncio.wait_for(ws.recv(), 15))
            if ack["type"] != "ka":
                break
        assert ack["type"] == "connection_ack", ack
        client = LiveClient(ws, protocol)
        try:
            yield client
        finally:
            client._reader.cancel()
