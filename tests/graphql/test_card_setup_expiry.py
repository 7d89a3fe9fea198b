"""Card setups never finished expire after a day, with the injectable clock: two
schedulers tick `expire_card_setups` together, each slot runs once; a Paystack card
check paid without its webhook is refunded, an unpaid one left as it is (and refunded
when paid too late), a younger setup kept; a Stripe SetupIntent is canceled. On the
fakes over HTTP."""

from __future__ import annotations

import asyncio
import uuid
from datetime import UTC, datetime, timedelta

import httpx

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.stripe import FakeStripe
from services.payment_methods.models import PaymentMethod
from services.payments.models import WebhookEvent
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.graphql.test_payment_methods import fake_stripe, stripe_world
from tests.graphql.test_saved_cards_africa import ADD, METHODS, PAYSTACK_KEY, configured, paystack
from tests.plans.test_plan_time_travel import RunningDispatcher, TravellingClock
from tests.world import eventually
from workers import scheduled
from workers.models import JobRun
from workers.schedule import PeriodicJob
from workers.scheduler import Scheduler

__all__ = ["fake_stripe", "paystack"]  # the fixtures, used here by name


async def statuses(slug: str) -> dict[str, str]:
    async with tenant_scope(slug):
        rows = await PaymentMethod.all().values_list("setup_reference", "status")
    return {str(reference): str(status) for reference, status in rows}


async def test_unfinished_card_checks_expire_once_and_owe_nothing(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    paystack: tuple[FakePaystack, str],
    worker: None,
) -> None:
    fake, base_url = paystack
    world = await configured(gql, "PAYSTACK", {"secretKey": PAYSTACK_KEY}, base_url)
    ada = world.residents[0]
    paid, unpaid, young = [
        (await ada.client.ok(ADD, p="PAYSTACK"))["addPaymentMethod"]["reference"] for _ in range(3)
    ]
    fake.complete(paid)  # the holder paid the check; its webhook never came
    start = datetime.now(UTC)
    async with tenant_scope(world.slug):  # the third was started ten hours later
        await PaymentMethod.filter(setup_reference=young).update(
            created_at=start + timedelta(hours=10)
        )

    job = f"expire_card_setups_{uuid.uuid4().hex[:8]}"
    clock = TravellingClock(start + timedelta(hours=1))

    async def this_estate(flag: str | None = None) -> list[str]:
        return [world.slug]

    schedulers = [
        Scheduler(
            RunningDispatcher({job: scheduled._expire_card_setups}),
            clock,
            lease=timedelta(hours=1),
            jobs=[PeriodicJob(job, "35 * * * *")],
            estates=this_estate,
            name=f"scheduler-{n}",
        )
        for n in range(2)
    ]

    async def tick(hours: int) -> None:
        clock.moment = start + timedelta(hours=hours)
        await asyncio.gather(*(s.tick() for s in schedulers))

    await tick(1)  # an hour on: nothing is old enough
    assert set((await statuses(world.slug)).values()) == {"PENDING"}
    await tick(25)
    assert await statuses(world.slug) == {paid: "EXPIRED", unpaid: "EXPIRED", young: "PENDING"}
    assert fake.transactions[paid].refunded == 5000
    assert fake.transactions[unpaid].refunded == 0
    await tick(25)  # the same clock again: no slot, nothing twice
    await tick(26)
    assert fake.transactions[paid].refunded == 5000
    await tick(35)
    assert await statuses(world.slug) == {paid: "EXPIRED", unpaid: "EXPIRED", young: "EXPIRED"}

    async with tenant_scope(world.slug):
        runs = await JobRun.filter(job=job).order_by("slot")
    assert [r.status for r in runs] == ["DONE"] * 4
    assert [r.affected for r in runs] == [0, 2, 0, 1]
    assert len({r.slot for r in runs}) == 4  # each slot once, though two schedulers ticked
    assert all(r.deliveries == 1 for r in runs)

    # The unpaid check paid a day late: its webhook refunds it and saves no card.
    fake.complete(unpaid)
    body, headers = fake.webhook(unpaid)
    url = f"/webhooks/paystack/{world.slug}"
    assert (await http.post(url, content=body, headers=headers)).status_code == 200

    async def refunded() -> bool:
        return fake.transactions[unpaid].refunded == 5000

    await eventually(refunded, within=90)  # generous: the worker may be slow under load
    assert (await statuses(world.slug))[unpaid] == "EXPIRED"
    assert (await ada.client.ok(METHODS))["paymentMethods"] == []
    # The paid check's webhook arriving at last: no second refund, still expired.
    body, headers = fake.webhook(paid)
    assert (await http.post(url, content=body, headers=headers)).status_code == 200

    async def applied() -> bool:
        async with tenant_scope(world.slug):
            event = await WebhookEvent.get(reference=paid)
        return event.status == "PROCESSED"

    await eventually(applied, within=90)
    assert fake.transactions[paid].refunded == 5000
    assert (await statuses(world.slug))[paid] == "EXPIRED"
    assert (await ada.client.ok(METHODS))["paymentMethods"] == []


async def test_an_unfinished_stripe_setup_is_canceled(
    gql: GraphQLClient, fake_stripe: tuple[FakeStripe, str]
) -> None:
    fake, base_url = fake_stripe
    world = await stripe_world(gql, base_url)
    started = (await world.residents[0].client.ok(ADD, p="STRIPE"))["addPaymentMethod"]
    setup = fake.cards.setup_for(started["reference"])
    slot = (datetime.now(UTC) + timedelta(hours=24, minutes=1)).isoformat()
    assert await scheduled.expire_card_setups(world.slug, slot) == 1
    assert setup.status == "canceled"
    assert await statuses(world.slug) == {started["reference"]: "EXPIRED"}
    assert await scheduled.expire_card_setups(world.slug, slot) == 0  # the slot ran already
