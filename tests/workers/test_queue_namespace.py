"""Jobs are queued per database: a worker of another database on the same Redis (a
second deployment, a parallel test run) must never take them, for it cannot see their
estate and would drop them. Seen on the Citus subset, whose Paystack webhook job a
worker of another run's database took from the shared Redis database."""

from __future__ import annotations

from typing import Any

from redis.asyncio import Redis

from tests.conftest import DATABASE_URL, make_settings


async def keys_under(redis: Redis, namespace: str) -> set[str]:
    return {key.decode() async for key in redis.scan_iter(match=f"{namespace}:*")}


async def test_a_job_is_queued_under_its_own_database_only(app: Any, redis: Redis) -> None:
    ours = make_settings().queue_namespace
    theirs = make_settings(database_url=DATABASE_URL + "_another").queue_namespace
    assert ours != theirs
    before = await keys_under(redis, ours)
    await app.state.runtime.dispatcher.send("mark_overdue_bills", "no-such-estate")
    assert await keys_under(redis, ours) - before  # its queue and message hash
    assert await keys_under(redis, theirs) == set()


def test_the_host_spelling_does_not_part_a_deployment() -> None:
    spelled = [
        make_settings(database_url=f"postgres://postgres@{host}:5432/estatepay").queue_namespace
        for host in ("127.0.0.1", "localhost")
    ]
    assert spelled[0] == spelled[1] == "estatepay-jobs:estatepay"
