"""Bulk billing's notifications travel as a few batch jobs, not one message each: a
`createBills` for many residents sends one `deliver_notification_batch` per 200, through
the real Redis broker, and running it delivers every one of them."""

from __future__ import annotations

import json
from collections.abc import Iterator
from typing import Any

import pytest
from redis.asyncio import Redis

from services import events
from services.notifications.models import NotificationDelivery
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient, make_settings
from tests.world import build_world
from workers import tasks
from workers.broker import BATCH_FROM, jobs_outlet


@pytest.fixture
def jobs(app: Any) -> Iterator[None]:
    outlet = jobs_outlet(app.state.runtime.dispatcher)
    events.install_outlet(outlet)
    yield
    events.remove_outlet(outlet)


async def queued(redis: Redis) -> dict[Any, dict[str, Any]]:
    # Dramatiq's hash of the queue's messages, under this database's namespace.
    queue = f"{make_settings().queue_namespace}:notifications.msgs"
    return {key: json.loads(value) for key, value in (await redis.hgetall(queue)).items()}


async def test_create_bills_for_many_residents_sends_one_batch_job(
    gql: GraphQLClient, redis: Redis, jobs: None
) -> None:
    count = BATCH_FROM + 2
    world = await build_world(gql, residents=count, prefix="batch")
    before = await queued(redis)
    created = await world.admin.ok(
        'mutation($r: [ID!]!) { createBills(input: {residentIds: $r, title: "Levy", '
        'type: LEVY, amount: "10.00", dueDate: "2031-01-31"}) { count } }',
        r=[person.resident_id for person in world.residents],
    )
    assert created["createBills"]["count"] == count
    sent = [m for key, m in (await queued(redis)).items() if key not in before]
    assert [m["actor_name"] for m in sent] == ["deliver_notification_batch"]
    slug, ids = sent[0]["args"]
    assert slug == world.slug and len(ids.split(",")) == count

    assert await tasks.deliver_notification_batch(slug, ids) == []  # none left over
    async with tenant_scope(world.slug):
        emails = await NotificationDelivery.filter(
            notification_id__in=ids.split(","), channel="EMAIL"
        ).values_list("status", flat=True)
    assert sorted(emails) == ["SENT"] * count
