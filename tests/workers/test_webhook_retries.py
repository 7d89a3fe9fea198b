"""Webhook events retried on a budget: backoff from the event's own row, one copy queued
at a time, DEAD when the budget is spent (visible, replayable), and a poisoned event
holds up nobody else's."""

from __future__ import annotations

import asyncio
import uuid
from collections.abc import AsyncIterator
from datetime import UTC, datetime, timedelta
from itertools import pairwise
from typing import Any

import httpx
import pytest

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.payments import webhooks
from services.payments.gateways.base import breaker_for
from services.payments.models import WebhookEvent
from services.payments.webhooks import MAX_BACKOFF, RetryPolicy, backoff
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient, make_settings
from tests.graphql.test_provider_payments import PAY, SECRET, with_paystack
from tests.world import World, build_world, status_of
from workers import tasks

POLICY = RetryPolicy(lease=timedelta(minutes=3), give_up_after=timedelta(days=3))
EVENTS = """{ webhookEvents(filter: {status: "DEAD"}) { edges { node {
  id status attempts error nextAttemptAt } } } }"""
REPLAY = "mutation($id: ID!) { replayWebhookEvent(id: $id) { status nextAttemptAt } }"


def test_backoff_doubles_from_a_minute_up_to_six_hours() -> None:
    waits = [backoff(n) for n in range(1, 14)]
    assert waits[:4] == [timedelta(minutes=m) for m in (1, 2, 4, 8)]
    assert all(later >= earlier for earlier, later in pairwise(waits))
    assert waits[-1] == MAX_BACKOFF == timedelta(hours=6)


@pytest.fixture
async def setup(gql: GraphQLClient) -> AsyncIterator[tuple[World, FakePaystack]]:
    fake = FakePaystack(SECRET)
    with serving(fake.app()) as base_url:
        world = await build_world(gql, residents=1, prefix="rt")
        await with_paystack(world, base_url)
        yield world, fake


async def stored_event(world: World, fake: Any, http: httpx.AsyncClient, key: str) -> str:
    """A paid checkout whose signed webhook the shim stored; returns the payment reference."""
    ada = world.residents[0]
    bill = await world.bill(ada, "25.00")
    payment = (await ada.client.ok(PAY, b=bill["id"], k=key))["payBill"]
    fake.complete(payment["reference"])
    body, headers = fake.webhook(payment["reference"])
    response = await http.post(f"/webhooks/paystack/{world.slug}", content=body, headers=headers)
    assert response.status_code == 200
    return str(payment["reference"])


async def event_of(slug: str, reference: str) -> WebhookEvent:
    async with tenant_scope(slug):
        return await WebhookEvent.get(reference=reference)


async def test_a_failing_event_backs_off_one_copy_at_a_time_then_dies_and_replays(
    setup: Any, http: httpx.AsyncClient
) -> None:
    world, fake = setup
    estate = await Estate.get(slug=world.slug)
    key = make_settings().encryption_key
    reference = await stored_event(world, fake, http, "poison")
    event = await event_of(world.slug, reference)
    fake.failing_with = 503  # the provider's verify keeps failing

    t0 = event.received_at
    assert await webhooks.process(estate, event.id, 1, key, t0, POLICY) == "FAILED"
    event = await event_of(world.slug, reference)
    assert event.attempts == 1 and event.next_attempt_at is not None
    # A minute, stretched by at most a tenth of it.
    assert t0 + timedelta(minutes=1) <= event.next_attempt_at <= t0 + timedelta(seconds=66)
    async with tenant_scope(world.slug):
        # Not due before its backoff; once due, claimed by one sweep and not the next.
        assert await webhooks.claim_due(POLICY.lease, POLICY, t0 + timedelta(seconds=59)) == []
        due = t0 + timedelta(seconds=67)
        assert await webhooks.claim_due(POLICY.lease, POLICY, due) == [(event.id, 2)]
        assert await webhooks.claim_due(POLICY.lease, POLICY, due) == []
        assert await webhooks.claim_due(POLICY.lease, POLICY, due + timedelta(minutes=2)) == []

    # Every attempt when it falls due, until the budget from receipt is spent.
    now, status = due, "FAILED"
    while status == "FAILED":
        status = await webhooks.process(estate, event.id, event.attempts + 1, key, now, POLICY)
        event = await event_of(world.slug, reference)
        if status == "FAILED":
            assert event.next_attempt_at is not None
            now = event.next_attempt_at
    assert status == "DEAD" and event.next_attempt_at is None
    assert now <= t0 + POLICY.give_up_after
    # 1+2+...+256 minutes, then every 6 hours, within 3 days: 20 attempts in all (the
    # jitter adds at most 17 minutes of the 3 h 13 min to spare).
    assert event.attempts == 20
    assert (event.error or "").startswith("Provider")  # the last error is kept
    async with tenant_scope(world.slug):
        assert await webhooks.claim_due(POLICY.lease, POLICY, now + timedelta(days=30)) == []

    dead = (await world.admin.ok(EVENTS))["webhookEvents"]["edges"]
    assert [e["node"]["id"] for e in dead] == [str(event.id)]
    assert dead[0]["node"]["attempts"] == 20 and dead[0]["node"]["nextAttemptAt"] is None

    # The provider is back; an admin replays the event and it is applied once.
    fake.failing_with = None
    breaker_for(world.slug, "PAYSTACK").succeeded()  # its 30 s cooldown, without the wait
    replayed = (await world.admin.ok(REPLAY, id=str(event.id)))["replayWebhookEvent"]
    assert replayed["status"] == "RECEIVED" and replayed["nextAttemptAt"] is not None
    # Idempotent: a second replay (a double click) leaves the event as the first made it.
    assert (await world.admin.ok(REPLAY, id=str(event.id)))["replayWebhookEvent"] == replayed
    found = [(e, n) for s, e, n in await tasks.sweep() if s == world.slug]
    assert found == [(str(event.id), 21)]
    assert await tasks.apply_webhook_event(world.slug, *found[0]) == "PROCESSED"
    assert (await status_of(world.residents[0].client, reference))["status"] == "SUCCEEDED"
    again = await world.admin.error(REPLAY, id=str(event.id))
    assert again["extensions"] == {"code": "INVALID_STATE", "field": "id"}
    unknown = await world.admin.error(REPLAY, id=str(uuid.uuid4()))
    assert unknown["extensions"]["code"] == "NOT_FOUND"


async def test_the_sweeper_sends_one_copy_and_a_poisoned_event_holds_up_no_other(
    setup: Any, http: httpx.AsyncClient
) -> None:
    world, fake = setup
    estate = await Estate.get(slug=world.slug)
    key = make_settings().encryption_key
    poisoned = await event_of(world.slug, await stored_event(world, fake, http, "bad"))
    fake.failing_with = 503
    assert (
        await webhooks.process(estate, poisoned.id, 1, key, datetime.now(UTC), POLICY) == "FAILED"
    )
    fake.failing_with = None
    good = [await stored_event(world, fake, http, f"good-{n}") for n in range(3)]
    async with tenant_scope(world.slug):
        # All stored long ago, as after a broker outage: every one is due at once.
        await WebhookEvent.all().update(
            received_at=datetime.now(UTC) - timedelta(hours=1),
            next_attempt_at=datetime.now(UTC) - timedelta(seconds=1),
        )
    first = {e: n for s, e, n in await tasks.sweep() if s == world.slug}
    assert len(first) == 4 and first.pop(str(poisoned.id)) == 2
    # The good ones' first attempts: the shim's copies of them were never applied.
    assert set(first.values()) == {1}
    first[str(poisoned.id)] = 2
    # Passes while they are queued send no further copies.
    for _ in range(3):
        assert not [e for s, e, _ in await tasks.sweep() if s == world.slug]
    fake.failing_with = None
    outcomes = {e: await tasks.apply_webhook_event(world.slug, e, n) for e, n in first.items()}
    assert outcomes.pop(str(poisoned.id)) == "PROCESSED"  # the provider recovered meanwhile
    assert set(outcomes.values()) == {"PROCESSED"}
    for reference in good:
        assert (await status_of(world.residents[0].client, reference))["status"] == "SUCCEEDED"


async def test_of_the_copies_sent_for_one_attempt_the_first_to_run_makes_it(
    setup: Any, http: httpx.AsyncClient
) -> None:
    world, fake = setup
    estate = await Estate.get(slug=world.slug)
    key = make_settings().encryption_key
    reference = await stored_event(world, fake, http, "copies")
    event = await event_of(world.slug, reference)
    t0 = event.received_at + POLICY.lease + timedelta(seconds=1)
    async with tenant_scope(world.slug):
        # The shim's copy of attempt 1 is queued but has not run: the sweeper sends another.
        assert await webhooks.claim_due(POLICY.lease, POLICY, t0) == [(event.id, 1)]
    fake.failing_with = 503
    assert await webhooks.process(estate, event.id, 1, key, t0, POLICY) == "FAILED"
    failed = await event_of(world.slug, reference)
    assert failed.next_attempt_at is not None

    # The provider is back, but the shim's copy of attempt 1 and a copy from nowhere are
    # stale: nothing is applied and the schedule stands.
    fake.failing_with = None
    breaker_for(world.slug, "PAYSTACK").succeeded()
    for attempt in (1, 5):
        assert await webhooks.process(estate, event.id, attempt, key, t0, POLICY) == "STALE"
    unchanged = await event_of(world.slug, reference)
    assert (unchanged.status, unchanged.attempts) == ("FAILED", 1)
    assert unchanged.next_attempt_at == failed.next_attempt_at
    assert (await status_of(world.residents[0].client, reference))["status"] == "PENDING"

    # Attempt 2's lease runs out while its copy is still queued: a second copy of
    # attempt 2 is sent; whichever runs first applies it, the other does nothing.
    due = failed.next_attempt_at
    async with tenant_scope(world.slug):
        assert await webhooks.claim_due(POLICY.lease, POLICY, due) == [(event.id, 2)]
        later = due + POLICY.lease + timedelta(seconds=1)
        assert await webhooks.claim_due(POLICY.lease, POLICY, later) == [(event.id, 2)]
    assert await webhooks.process(estate, event.id, 2, key, later, POLICY) == "PROCESSED"
    assert await webhooks.process(estate, event.id, 2, key, later, POLICY) == "PROCESSED"
    assert (await event_of(world.slug, reference)).attempts == 2
    assert (await status_of(world.residents[0].client, reference))["status"] == "SUCCEEDED"


async def test_a_sweeper_skips_the_events_another_sweeper_is_claiming(
    setup: Any, http: httpx.AsyncClient
) -> None:
    world, fake = setup
    references = [await stored_event(world, fake, http, f"lock-{n}") for n in range(3)]
    events = [await event_of(world.slug, r) for r in references]
    now = max(e.received_at for e in events) + POLICY.lease + timedelta(seconds=1)
    claimed, release = asyncio.Event(), asyncio.Event()

    async def first_sweeper() -> list[tuple[uuid.UUID, int]]:
        async with tenant_scope(world.slug):
            found = await webhooks.claim_due(POLICY.lease, POLICY, now)
            claimed.set()
            await release.wait()  # its transaction, and the row locks, still open
        return found

    async def second_sweeper() -> list[tuple[uuid.UUID, int]]:
        await claimed.wait()
        async with tenant_scope(world.slug):
            return await webhooks.claim_due(POLICY.lease, POLICY, now)

    first = asyncio.create_task(first_sweeper())
    # Without SKIP LOCKED the second would wait for the first's commit, which never comes.
    assert await asyncio.wait_for(second_sweeper(), 30) == []
    release.set()
    assert sorted(await first) == sorted((e.id, 1) for e in events)


async def test_events_failing_together_come_due_apart(setup: Any, http: httpx.AsyncClient) -> None:
    world, fake = setup
    estate = await Estate.get(slug=world.slug)
    key = make_settings().encryption_key
    references = [await stored_event(world, fake, http, f"j{n}") for n in range(5)]
    fake.failing_with = 503
    now = datetime.now(UTC)
    for reference in references:
        event = await event_of(world.slug, reference)
        assert await webhooks.process(estate, event.id, 1, key, now, POLICY) == "FAILED"
    retry_at = {(await event_of(world.slug, r)).next_attempt_at or now for r in references}
    assert len(retry_at) == len(references)
    assert all(now + timedelta(minutes=1) <= t <= now + timedelta(seconds=66) for t in retry_at)
