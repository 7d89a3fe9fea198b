"""One poisoned event never delays another estate's: estate A's provider keeps answering
500 while estate B's events, posted after A's, are applied in the very sweeps that retry
A's; A's event is DEAD when its budget is spent (time travel: `now` is passed to every
sweep and attempt) and an admin can replay it. And without Redis the app's own sweeper
re-sends due events to the in-process worker."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx
import pytest

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.payments import webhooks
from services.payments.gateways.base import breaker_for
from services.payments.models import WebhookEvent
from tenants.models import Estate
from tenants.scope import tenant_scope
from tenants.settings import get_settings
from tests.conftest import GraphQLClient
from tests.graphql.test_provider_payments import SECRET, with_paystack
from tests.workers.test_webhook_retries import REPLAY, event_of, stored_event
from tests.world import build_world, eventually, status_of
from workers import tasks
from workers.broker import InProcessDispatcher
from workers.scheduler import InProcessLoop
from workers.sweeper import Sweeper

pytestmark = pytest.mark.usefixtures("database")


async def attempt(slug: str, event_id: str, number: int, now: datetime) -> str:
    """What the worker does with a copy, at the travelled time."""
    settings = get_settings()
    return await webhooks.process(
        await Estate.get(slug=slug),
        uuid.UUID(event_id),
        number,
        settings.encryption_key,
        now,
        tasks.webhook_retry_policy(settings),
    )


async def test_one_poisoned_event_never_delays_another_estates(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    sick, well = FakePaystack(SECRET), FakePaystack(SECRET)
    with serving(sick.app()) as sick_url, serving(well.app()) as well_url:
        a = await build_world(gql, residents=1, prefix="fair-a")
        b = await build_world(gql, residents=1, prefix="fair-b")
        await with_paystack(a, sick_url)
        await with_paystack(b, well_url)
        poisoned_ref = await stored_event(a, sick, http, "poisoned")
        sick.failing_with = 500  # A's provider fails every check from now on
        b_refs = [await stored_event(b, well, http, "first")]

        ours = {a.slug, b.slug}
        policy = tasks.webhook_retry_policy(get_settings())
        # The shim's copies were lost (a broker outage): the first sweep sends both.
        now = (await event_of(b.slug, b_refs[0])).received_at + policy.lease
        now += timedelta(seconds=1)
        sweeps: list[list[tuple[str, int]]] = []
        while True:
            sent = sorted(
                ((s, e, n) for s, e, n in await tasks.sweep(now) if s in ours),
                key=lambda copy: copy[0] != a.slug,  # A's copy first: B still goes
            )
            sweeps.append([(s, n) for s, _, n in sent])
            for slug, event_id, number in sent:
                expected = "PROCESSED" if slug == b.slug else "FAILED"
                outcome = await attempt(slug, event_id, number, now)
                assert outcome == expected or (slug == a.slug and outcome == "DEAD")
            poisoned = await event_of(a.slug, poisoned_ref)
            if poisoned.status == "DEAD":
                break
            assert poisoned.next_attempt_at is not None
            now = poisoned.next_attempt_at
            if len(sweeps) == 6:  # B's next event arrives amid A's retries
                b_refs.append(await stored_event(b, well, http, "later"))

        # B's events each went in the first sweep after them, with A's retry of the time.
        assert sweeps[0] == [(a.slug, 1), (b.slug, 1)]
        assert sweeps[6] == [(a.slug, 7), (b.slug, 1)]
        assert all(s == [(a.slug, n)] for n, s in enumerate(sweeps, 1) if n not in (1, 7))
        for reference in b_refs:
            assert (await event_of(b.slug, reference)).attempts == 1
            assert (await status_of(b.residents[0].client, reference))["status"] == "SUCCEEDED"

        # A's budget is spent: DEAD after 20 attempts, the last error kept, never swept again.
        assert poisoned.attempts == len(sweeps) == 20 and poisoned.next_attempt_at is None
        assert now <= poisoned.received_at + policy.give_up_after
        assert (poisoned.error or "").startswith("Provider")  # failed (500) or unavailable
        later = now + timedelta(days=30)
        assert not [s for s, _, _ in await tasks.sweep(later) if s in ours]
        assert (await status_of(a.residents[0].client, poisoned_ref))["status"] == "PENDING"

        # The provider recovers; an admin replays the event and the next sweep applies it.
        sick.failing_with = None
        breaker_for(a.slug, "PAYSTACK").succeeded()  # its cooldown, without the wait
        replayed = (await a.admin.ok(REPLAY, id=str(poisoned.id)))["replayWebhookEvent"]
        assert replayed["status"] == "RECEIVED"
        found = [(e, n) for s, e, n in await tasks.sweep() if s in ours]
        assert found == [(str(poisoned.id), 21)]
        assert await tasks.apply_webhook_event(a.slug, *found[0]) == "PROCESSED"
        assert (await status_of(a.residents[0].client, poisoned_ref))["status"] == "SUCCEEDED"


async def test_without_redis_the_apps_sweeper_resends_due_events_in_process(
    gql: GraphQLClient, http: httpx.AsyncClient
) -> None:
    fake = FakePaystack(SECRET)
    with serving(fake.app()) as base_url:
        world = await build_world(gql, residents=1, prefix="sweep")
        await with_paystack(world, base_url)
        lost, retried = [await stored_event(world, fake, http, k) for k in ("lost", "retry")]
        long_ago = datetime.now(UTC) - timedelta(hours=1)
        async with tenant_scope(world.slug):
            # One whose first copy was lost with a restart; one that failed and is due again.
            await WebhookEvent.filter(reference=lost).update(received_at=long_ago)
            await WebhookEvent.filter(reference=retried).update(
                status="FAILED", attempts=1, received_at=long_ago, next_attempt_at=long_ago
            )
        loop = InProcessLoop(Sweeper(InProcessDispatcher()), every=0.2)
        try:

            async def applied() -> bool:
                events = [await event_of(world.slug, r) for r in (lost, retried)]
                return all(e.status == "PROCESSED" for e in events)

            await eventually(applied)
        finally:
            await asyncio.wait_for(loop.stop(), 10)
        assert [(await event_of(world.slug, r)).attempts for r in (lost, retried)] == [1, 2]
        for reference in (lost, retried):
            assert (await status_of(world.residents[0].client, reference))["status"] == "SUCCEEDED"
