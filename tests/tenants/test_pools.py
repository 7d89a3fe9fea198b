"""Pooled connections go to whoever asked first (`tenants.pools`): a request that arrives
as a connection comes back must not take it from one already waiting."""

from __future__ import annotations

import asyncio

import asyncpg
import pytest
from tortoise.connection import get_connection

from tenants.database import read_sessions
from tenants.pools import FairAsyncpgClient, FairPool, create_fair_pool
from tenants.settings import Settings
from tests.conftest import DATABASE_URL


async def _no_reset(connection: object) -> None:
    """As the server's pools: nothing to reset, so a release does no I/O."""


async def first_served(pool: asyncpg.Pool) -> list[str]:
    """A holds the only connection and B waits for it. A gives it back, and C asks for
    one in the very step after the connection is back, before B has run."""
    served: list[str] = []

    async def take(name: str) -> None:
        async with pool.acquire():
            served.append(name)

    held = await pool.acquire()
    b = asyncio.create_task(take("B"))
    await asyncio.sleep(0.05)  # B is waiting
    giving_back = asyncio.create_task(pool.release(held))
    await asyncio.sleep(0)  # the release has started: its inner step comes next
    c = asyncio.create_task(take("C"))  # C's first step right after it, before B's wake-up
    await asyncio.gather(giving_back, b, c)
    return served


async def test_a_waiter_is_served_before_a_newcomer(database: Settings) -> None:
    fair = await create_fair_pool(DATABASE_URL, min_size=1, max_size=1, reset=_no_reset)
    plain = await asyncpg.create_pool(DATABASE_URL, min_size=1, max_size=1, reset=_no_reset)
    try:
        assert await first_served(fair) == ["B", "C"]
        # What the fair pool is for: asyncpg's own lets the newcomer in first.
        assert await first_served(plain) == ["C", "B"]
    finally:
        await fair.close()
        await plain.close()


async def test_turns_come_back_whatever_happens(database: Settings) -> None:
    pool = await create_fair_pool(DATABASE_URL, min_size=1, max_size=2)
    try:
        connection = await pool.acquire()
        await pool.release(connection)
        await pool.release(connection)  # a second release gives back nothing more
        with pytest.raises(asyncpg.PostgresError):
            async with pool.acquire() as failing:
                await failing.execute("SELECT 1/0")
        with pytest.raises(TimeoutError):
            async with pool.acquire(), pool.acquire():
                await pool.acquire(timeout=0.05)  # the third of two
        both = [await pool.acquire(timeout=1), await pool.acquire(timeout=1)]
        assert len(both) == 2
        for connection in both:
            await pool.release(connection)
    finally:
        await pool.close()


async def test_the_orm_and_the_read_sessions_use_fair_pools(database: Settings) -> None:
    assert isinstance(get_connection("tenant"), FairAsyncpgClient)
    assert isinstance(get_connection("shared"), FairAsyncpgClient)
    sessions = read_sessions()
    assert sessions is not None
    assert isinstance(sessions._pool or await sessions._open(), FairPool)
