"""Failed-login throttling per email and per client address: Redis when configured
(shared by every API process), in memory for the embedded default."""

from __future__ import annotations

import time
from typing import Protocol

from redis.asyncio import Redis


class FailureCounter(Protocol):
    async def count(self, key: str) -> int: ...
    async def add(self, key: str, window_seconds: int) -> int: ...
    async def clear(self, key: str) -> None: ...


class RedisFailureCounter:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def count(self, key: str) -> int:
        return int(await self.redis.get(f"login-failures:{key}") or 0)

    async def add(self, key: str, window_seconds: int) -> int:
        name = f"login-failures:{key}"
        async with self.redis.pipeline(transaction=True) as pipe:
            pipe.incr(name)
            pipe.expire(name, window_seconds, nx=True)
            value, _ = await pipe.execute()
        return int(value)

    async def clear(self, key: str) -> None:
        await self.redis.delete(f"login-failures:{key}")


class MemoryFailureCounter:
    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, float]] = {}

    async def count(self, key: str) -> int:
        value, expires = self._counts.get(key, (0, 0.0))
        return value if expires > time.monotonic() else 0

    async def add(self, key: str, window_seconds: int) -> int:
        now = time.monotonic()
        value, expires = self._counts.get(key, (0, 0.0))
        if expires <= now:
            value, expires = 0, now + window_seconds
        self._counts[key] = (value + 1, expires)
        return value + 1

    async def clear(self, key: str) -> None:
        self._counts.pop(key, None)
