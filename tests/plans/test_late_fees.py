"""Late fees by percent of the balance due: once per grace period, never twice for a
re-run or a clock set back, at most `maxApplications`; not for a paid bill."""

from __future__ import annotations

import uuid
from datetime import UTC, date, datetime
from decimal import Decimal

import pytest

from services.bills.models import Bill
from services.money import Money
from services.plans import catalog, runs, subscriptions
from services.plans.late_fees import apply_late_fees
from services.plans.models import LateFee
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import build_world

pytestmark = pytest.mark.usefixtures("database")
ACTOR = uuid.uuid4()


def at(day: str) -> datetime:
    return datetime.fromisoformat(f"{day}T12:00:00").replace(tzinfo=UTC)


async def test_percent_fees_once_per_grace_period_whatever_the_clock_does(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=2)
    estate = await Estate.get(slug=world.slug)
    draft = catalog.PlanDraft(
        name="Dues",
        bill_type="LEVY",
        price=catalog.Price(Money(33_333, "NGN"), None),
        interval="QUARTERLY",
        billing_day=1,
        due_days=0,
        prorate=False,
        late_fee=catalog.LateFeeDraft(Decimal("2.5"), None, grace_days=10, max_applications=2),
    )
    async with tenant_scope(world.slug):
        plan = await catalog.create_plan(ACTOR, estate, draft, at("2031-04-01"))
        await subscriptions.subscribe_units(
            ACTOR, estate, str(plan.id), None, world.property_id, None, at("2031-04-01")
        )
        await runs.run_due(estate, at("2031-04-01"))
        paid = await Bill.get(resident_id=world.residents[1].resident_id)
        paid.status, paid.amount_paid = "PAID", paid.amount  # settled: no fee
        await paid.save()
        for day, total in [
            ("2031-04-10", 0),
            ("2031-04-11", 1),  # 10 days late
            ("2031-04-11", 1),  # the same day again
            ("2031-04-05", 1),  # a clock set back
            ("2031-04-20", 1),
            ("2031-04-21", 2),  # 20 days late
            ("2031-06-30", 2),  # at most two
        ]:
            await apply_late_fees(estate, at(day))
            assert await LateFee.all().count() == total, day
        fees = await Bill.filter(title__startswith="Late fee").order_by("number")
        # 2.5% of 333.33 is 8.33325: half to even, 833 minor units.
        assert [(b.title.split(" on ")[0], b.amount) for b in fees] == [
            ("Late fee 1", 833),
            ("Late fee 2", 833),
        ]
        assert {b.resident_id for b in fees} == {uuid.UUID(world.residents[0].resident_id)}
        assert all(b.due_date in (date(2031, 4, 11), date(2031, 4, 21)) for b in fees)
