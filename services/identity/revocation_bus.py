"""How revocations reach every API process's `AuthCache`.

Embedded default (no Redis): one process, so announcing is dropping the entries.

With REDIS_URL: the announcing process drops its own entries at once and PUBLISHes the
revocations on `estatepay:revocations` (before the request that made the change answers);
every process holds one subscription to that channel and drops what each message names.
Pub/sub is at-most-once, so a process trusts its memory only while it is sure to hear:
from the subscription's confirmation, and for TRUST_SECONDS after it last heard from
Redis (a PING every HEARTBEAT_SECONDS keeps it talking). A lost or silent connection
empties the memory and nothing is served from it until the channel is subscribed again.
"""

from __future__ import annotations

import asyncio
import contextlib
import logging
import time
from collections.abc import Sequence
from typing import Any

from redis.asyncio import Redis
from redis.asyncio.client import PubSub

from services.identity.authcache import AuthCache
from services.identity.revocations import Revocation

log = logging.getLogger(__name__)

CHANNEL = "estatepay:revocations"
HEARTBEAT_SECONDS = 1.0
# The longest a process may go without hearing from Redis and still serve its memory:
# the bound on how stale an identity can be when the subscription dies silently.
TRUST_SECONDS = 3.0
RECONNECT_MAX_DELAY = 5.0


def encode(revocations: Sequence[Revocation]) -> str:
    return " ".join(revocation.encode() for revocation in revocations)


def decode(data: object) -> list[Revocation]:
    text = data.decode(errors="replace") if isinstance(data, bytes) else str(data)
    return [r for part in text.split() if (r := Revocation.decode(part)) is not None]


class LocalRevocations:
    """The embedded default: one process hears every revocation as it is made."""

    def __init__(self, cache: AuthCache[Any]) -> None:
        self.cache = cache

    async def start(self) -> None:
        pass

    async def stop(self) -> None:
        pass

    async def announce(self, revocations: Sequence[Revocation]) -> None:
        self.cache.drop(revocations)


class RedisRevocations:
    def __init__(self, redis: Redis, cache: AuthCache[Any], timeout: float) -> None:
        self.redis = redis
        self.cache = cache
        self.timeout = timeout
        cache.distrust()  # until the subscription is confirmed
        self._reader: asyncio.Task[None] | None = None
        self.subscribed = asyncio.Event()
        self.connections = 0  # how many times the reader (re)subscribed

    async def start(self) -> None:
        if self._reader is None:
            self._reader = asyncio.create_task(self._read_forever(), name="estatepay-revocations")

    async def stop(self) -> None:
        if self._reader is not None:
            self._reader.cancel()
            with contextlib.suppress(asyncio.CancelledError):
                await self._reader
            self._reader = None
        self.cache.distrust()

    async def announce(self, revocations: Sequence[Revocation]) -> None:
        self.cache.drop(revocations)
        try:
            async with asyncio.timeout(self.timeout):
                await self.redis.publish(CHANNEL, encode(revocations))
        except Exception as exc:
            # The change has committed; the other processes forget it within their TTL
            # (and at once if they lost Redis too: they stop trusting their memory).
            log.warning("revocations %s not published: %s", encode(revocations), exc)

    async def _read_forever(self) -> None:
        delay = 0.1
        while True:
            pubsub = self.redis.pubsub()
            try:
                await pubsub.subscribe(CHANNEL)
                await self._read(pubsub)
            except asyncio.CancelledError:
                raise
            except Exception as exc:
                log.warning("revocations: lost Redis (%s); reconnecting in %.1fs", exc, delay)
            finally:
                self.subscribed.clear()
                self.cache.distrust()
                with contextlib.suppress(Exception):
                    await pubsub.aclose()
            await asyncio.sleep(delay)
            delay = min(delay * 2, RECONNECT_MAX_DELAY)

    async def _read(self, pubsub: PubSub) -> None:
        heard = pinged = time.monotonic()
        confirmed = False
        while True:
            if time.monotonic() - pinged >= HEARTBEAT_SECONDS:
                pinged = time.monotonic()
                await pubsub.ping()
            message = await pubsub.get_message(timeout=HEARTBEAT_SECONDS)
            now = time.monotonic()
            if message is None:
                if now - heard > TRUST_SECONDS:
                    raise TimeoutError(f"Redis silent for {now - heard:.1f}s")
                continue
            heard = now
            kind = message.get("type")
            if kind == "subscribe":
                # (Re)subscribed, perhaps by the client's own reconnect: whatever was
                # published meanwhile is lost, so nothing remembered before is kept.
                self.cache.clear()
                confirmed = True
                self.connections += 1
                self.subscribed.set()
            elif kind == "message":
                self.cache.drop(decode(message.get("data")))
            if confirmed:
                self.cache.trust(now + TRUST_SECONDS)


def make_revocations(
    redis: Redis | None, cache: AuthCache[Any], timeout: float
) -> LocalRevocations | RedisRevocations:
    return RedisRevocations(redis, cache, timeout) if redis is not None else LocalRevocations(cache)
