"""Failed-login throttling per email and per client address: Redis when configured
(shared by every API process), in memory for the embedded default."""

from __future__ import annotations

import time
from typing import Protocol

from redis.asyncio import Redis


class FailureCounter(Protocol):
    async def add(self, key: str, window_seconds: int) -> int:
        """Count one attempt and return the count with it, atomically."""
        ...

    async def release(self, key: str) -> None:
        """Give back one counted attempt (it turned out not to be a failure)."""
        ...

    async def clear(self, key: str) -> None: ...


class RedisFailureCounter:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def add(self, key: str, window_seconds: int) -> int:
        name = f"login-failures:{key}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, window_seconds, nx=True)
            value, _ = await pipe.execute()
        return int(value)

    async def release(self, key: str) -> None:
        # Never below zero, never resurrecting a key whose window ended meanwhile.
        await self.redis.eval(_RELEASE, 1, f"login-failures:{key}")

    async def clear(self, key: str) -> None:
        await self.redis.delete(f"login-failures:{key}")


_RELEASE = """
local value = tonumber(redis.call('GET', KEYS[1]) or '0')
if value > 0 then redis.call('DECR', KEYS[1]) end
"""


class MemoryFailureCounter:
    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, float]] = {}

    async def add(self, key: str, window_seconds: int) -> int:
        now = time.monotonic()
        value, expires = self._counts.get(key, (0, 0.0))
        if expires <= now:
            value, expires = 0, now + window_seconds
        self._counts[key] = (value + 1, expires)
        return value + 1

    async def release(self, key: str) -> None:
        value, expires = self._counts.get(key, (0, 0.0))
        if value > 0 and expires > time.monotonic():
            self._counts[key] = (value - 1, expires)

    async def clear(self, key: str) -> None:
        self._counts.pop(key, None)
