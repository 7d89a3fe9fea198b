"""Fourteen months of billing with the injectable clock: two schedulers tick together
every simulated day (their claims race), and the plans' jobs run for each claimed slot.
Monthly and quarterly periods are billed exactly once, a 31st billing day lands on the
last day of shorter months, and late fees come once per grace period up to the most."""

from __future__ import annotations

import asyncio
import uuid
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from services.bills.models import Bill
from services.ledger.verify import verify_ledger
from services.money import Money
from services.plans import catalog, subscriptions
from services.plans.late_fees import applications_due
from services.plans.models import BillingPlan, BillRun, LateFee
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import build_world
from workers import scheduled
from workers.models import JobRun
from workers.schedule import PeriodicJob
from workers.scheduler import Scheduler

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("database")]
ACTOR = uuid.uuid4()


class TravellingClock:
    def __init__(self, now: datetime) -> None:
        self.moment = now

    def now(self) -> datetime:
        return self.moment


class RunningDispatcher:
    """Runs each job as the worker would, at once (the slot is the message)."""

    def __init__(self, works: dict[str, scheduled.Work]) -> None:
        self.works = works

    async def send(self, job: str, *args: str | int) -> None:
        slug, slot = str(args[0]), str(args[1])
        await scheduled.run_for_estate(job, slug, slot, self.works[job])


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


def plan_draft(name: str, interval: str, amount: int, day: int, **more: Any) -> catalog.PlanDraft:
    return catalog.PlanDraft(
        name=name,
        bill_type="SERVICE_CHARGE",
        price=catalog.Price(Money(amount, "NGN"), None),
        interval=interval,
        billing_day=day,
        due_days=10,
        prorate=False,
        late_fee=more.get("late_fee"),
    )


async def test_fourteen_months_bill_each_period_once_with_two_schedulers(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=3)
    estate = await Estate.get(slug=world.slug)
    start = date(2031, 1, 1)
    fee = catalog.LateFeeDraft(None, Money(500, "NGN"), grace_days=7, max_applications=2)
    async with tenant_scope(world.slug):
        monthly = await catalog.create_plan(
            ACTOR, estate, plan_draft("Service", "MONTHLY", 10_000, 31, late_fee=fee), noon(start)
        )
        quarterly = await catalog.create_plan(
            ACTOR, estate, plan_draft("Security", "QUARTERLY", 30_000, 1), noon(start)
        )
        for plan in (monthly, quarterly):
            await subscriptions.subscribe_units(
                ACTOR, estate, str(plan.id), None, world.property_id, start, noon(start)
            )

    tag = uuid.uuid4().hex[:8]
    works: dict[str, scheduled.Work] = {
        f"bill_runs_{tag}": scheduled._bill_runs,
        f"late_fees_{tag}": scheduled._late_fees,
    }
    jobs = [
        PeriodicJob(f"bill_runs_{tag}", "15 * * * *"),
        PeriodicJob(f"late_fees_{tag}", "20 * * * *"),
    ]
    clock = TravellingClock(noon(start))

    async def this_estate(flag: str | None = None) -> list[str]:
        return [world.slug]

    schedulers = [
        Scheduler(
            RunningDispatcher(works),
            clock,
            lease=timedelta(hours=1),
            jobs=jobs,
            estates=this_estate,
            name=f"scheduler-{n}",
        )
        for n in range(2)
    ]
    day, last = start, date(2032, 2, 29)
    while day <= last:
        clock.moment = noon(day)
        await asyncio.gather(*(s.tick() for s in schedulers))
        async with tenant_scope(world.slug):
            await assert_late_fees_as_due(monthly, day)
        day += timedelta(days=1)

    async with tenant_scope(world.slug):
        runs = await BillRun.all().order_by("period").values_list("plan_id", "period")
        by_plan = Counter(str(plan_id) for plan_id, _ in runs)
        assert by_plan == {str(monthly.id): 14, str(quarterly.id): 5}
        assert len(set(runs)) == len(runs)
        quarters = sorted(p for plan_id, p in runs if str(plan_id) == str(quarterly.id))
        assert [q.isoformat() for q in quarters] == [
            "2031-01-01",
            "2031-04-01",
            "2031-07-01",
            "2031-10-01",
            "2032-01-01",
        ]
        bills = await Bill.filter(title__startswith="Service 20").values_list(
            "unit_id", "title", "due_date", "amount"
        )
        assert len(bills) == 14 * 3
        assert Counter((str(u), t) for u, t, _, _ in bills).most_common(1)[0][1] == 1
        issued = sorted({d - timedelta(days=10) for _, _, d, _ in bills})
        assert issued[:4] == [
            date(2031, 1, 31),
            date(2031, 2, 28),
            date(2031, 3, 31),
            date(2031, 4, 30),
        ]
        assert issued[-2:] == [date(2032, 1, 31), date(2032, 2, 29)]
        assert {a for *_, a in bills} == {10_000}
        security = await Bill.filter(title__startswith="Security").count()
        assert security == 5 * 3
        # Each job ran once per simulated day: one claim won, whichever scheduler.
        for job in works:
            ran = await JobRun.filter(job=job).values_list("status", "deliveries")
            assert len(ran) == (last - start).days + 1
            assert set(ran) == {("DONE", 1)}
        # All unpaid: two fees on each monthly bill but the last (due 2032-03-10).
        fees = await LateFee.all().values_list("amount", flat=True)
        assert len(fees) == 13 * 3 * 2 and set(fees) == {500}
        assert await verify_ledger() == []


async def assert_late_fees_as_due(plan: BillingPlan, today: date) -> None:
    """Exactly the fees due by today: one per 7 days past due, at most 2 per bill."""
    bills = await Bill.filter(title__startswith="Service 20").values_list("id", "due_date")
    expected = sum(applications_due(plan, (today - due).days) for _, due in bills)
    assert await LateFee.all().count() == expected, today
