"""The subscriptions bench's baseline: raw Redis pub/sub fanned out to plain WebSockets."""

from __future__ import annotations

import argparse
import asyncio
import contextlib
import json
from collections.abc import AsyncIterator
from typing import Any

from bench.common import serve_app
from bench.subscriptions.world import BASELINE_CHANNEL

# --- the baseline server (runs in its own process) ----------------------------------


def baseline_app(redis_url: str) -> Any:
    """Plain WebSockets fed by one Redis pub/sub connection, nothing else."""
    from redis.asyncio import Redis
    from starlette.applications import Starlette
    from starlette.requests import Request
    from starlette.responses import Response
    from starlette.routing import Route, WebSocketRoute
    from starlette.websockets import WebSocket, WebSocketDisconnect

    sockets: dict[str, set[WebSocket]] = {}
    redis = Redis.from_url(redis_url)

    async def feed() -> None:
        async with redis.pubsub() as pubsub:
            await pubsub.subscribe(BASELINE_CHANNEL)
            while True:
                message = await pubsub.get_message(ignore_subscribe_messages=True, timeout=None)
                if message is None:
                    continue
                text = message["data"].decode()
                for ws in list(sockets.get(json.loads(text)["to"], ())):
                    with contextlib.suppress(Exception):
                        await ws.send_text(text)

    async def endpoint(ws: WebSocket) -> None:
        await ws.accept()
        who = ws.query_params["who"]
        sockets.setdefault(who, set()).add(ws)
        try:
            while True:
                if await ws.receive_text() == "ping":  # the same readiness handshake
                    await ws.send_text("pong")
        except WebSocketDisconnect:
            pass
        finally:
            sockets[who].discard(ws)

    async def healthz(request: Request) -> Response:
        return Response('{"status":"ok"}', media_type="application/json")

    @contextlib.asynccontextmanager
    async def lifespan(app: Starlette) -> AsyncIterator[None]:
        task = asyncio.create_task(feed())
        try:
            yield
        finally:
            task.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await task
            await redis.aclose()

    return Starlette(
        routes=[Route("/healthz", healthz), WebSocketRoute("/ws", endpoint)],
        lifespan=lifespan,
    )


def serve_baseline(args: argparse.Namespace) -> int:
    return serve_app(baseline_app(args.redis_url), args.port)
