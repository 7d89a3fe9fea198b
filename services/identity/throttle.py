"""Failed-login throttling per email and per client address: Redis when configured
(shared by every API process), in memory for the embedded default."""

from __future__ import annotations

import time
from collections.abc import Mapping
from typing import Protocol

from redis.asyncio import Redis


class FailureCounter(Protocol):
    async def admit(self, limits: Mapping[str, int], window_seconds: int) -> bool:
        """Count one attempt against every key if each is still under its limit, else
        count nothing and refuse: one atomic step across all the keys, so parallel
        attempts cannot slip between two counts."""
        ...

    async def release(self, key: str) -> None:
        """Give back one counted attempt (it turned out not to be a failure)."""
        ...

    async def clear(self, key: str) -> None: ...


class RedisFailureCounter:
    def __init__(self, redis: Redis) -> None:
        self.redis = redis

    async def admit(self, limits: Mapping[str, int], window_seconds: int) -> bool:
        keys = [f"login-failures:{key}" for key in limits]
        admitted = await self.redis.eval(_ADMIT, len(keys), *keys, window_seconds, *limits.values())
        return bool(admitted)

    async def release(self, key: str) -> None:
        # Never below zero, never resurrecting a key whose window ended meanwhile.
        await self.redis.eval(_RELEASE, 1, f"login-failures:{key}")

    async def clear(self, key: str) -> None:
        await self.redis.delete(f"login-failures:{key}")


# KEYS: the counts; ARGV: the window, then each key's limit.
_ADMIT = """
for i, key in ipairs(KEYS) do
  if tonumber(redis.call('GET', key) or '0') >= tonumber(ARGV[i + 1]) then return 0 end
end
for _, key in ipairs(KEYS) do
  redis.call('INCR', key)
  redis.call('EXPIRE', key, ARGV[1], 'NX')
end
return 1
"""

_RELEASE = """
local value = tonumber(redis.call('GET', KEYS[1]) or '0')
if value > 0 then redis.call('DECR', KEYS[1]) end
"""


class MemoryFailureCounter:
    def __init__(self) -> None:
        self._counts: dict[str, tuple[int, float]] = {}

    async def admit(self, limits: Mapping[str, int], window_seconds: int) -> bool:
        # No await inside: atomic on the event loop.
        now = time.monotonic()
        current = {key: self._live(key, now) for key in limits}
        if any(current[key][0] >= limit for key, limit in limits.items()):
            return False
        for key, (value, expires) in current.items():
            self._counts[key] = (value + 1, expires or now + window_seconds)
        return True

    def _live(self, key: str, now: float) -> tuple[int, float]:
        value, expires = self._counts.get(key, (0, 0.0))
        return (value, expires) if expires > now else (0, 0.0)

    async def release(self, key: str) -> None:
        value, expires = self._counts.get(key, (0, 0.0))
        if value > 0 and expires > time.monotonic():
            self._counts[key] = (value - 1, expires)

    async def clear(self, key: str) -> None:
        self._counts.pop(key, None)
