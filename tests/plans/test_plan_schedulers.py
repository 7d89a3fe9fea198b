"""Billing plans on the production-shaped stack: `estatepay serve`, a worker and two
`estatepay scheduler` processes reading one file clock, over fourteen months from today.
Monthly (billing day 31) and quarterly plans are billed once per period however the two
schedulers race, on the last day of shorter months."""

from __future__ import annotations

import calendar
from collections import Counter
from datetime import UTC, date, datetime, timedelta
from pathlib import Path

import pytest

from services.plans import periods
from tests.workers.stack import OPERATOR, Stack, client, estate_world, schema, start_stack

pytestmark = [pytest.mark.slow, pytest.mark.usefixtures("database")]
PLAN = """mutation($n: String!, $i: BillingInterval!, $d: Int!) { createBillingPlan(input: {
  name: $n, billType: SERVICE_CHARGE, interval: $i, amount: "100.00", billingDay: $d,
  dueDays: 7}) { id firstPeriod } }"""


def noon(day: date) -> datetime:
    return datetime(day.year, day.month, day.day, 12, tzinfo=UTC)


@pytest.fixture
async def stack(tmp_path: Path) -> object:
    running = await start_stack(tmp_path, datetime.now(UTC))
    try:
        yield running
    finally:
        await running.close()


async def test_fourteen_months_on_two_scheduler_processes(stack: Stack) -> None:
    async for gql in client(stack):
        operator = await gql.login(OPERATOR)
        world = await estate_world(operator, "Africa/Lagos", 2, "plans")
        plans = {}
        for name, interval, day in (("Monthly", "MONTHLY", 31), ("Quarterly", "QUARTERLY", 1)):
            made = (await world.admin.ok(PLAN, n=name, i=interval, d=day))["createBillingPlan"]
            plans[name] = made
            await world.admin.ok(
                "mutation($p: ID!, $prop: ID!) { subscribeUnits(planId: $p, propertyId: $prop) "
                "{ id } }",
                p=made["id"],
                prop=world.property_id,
            )
        for n in range(2):
            stack.start_scheduler(f"scheduler-{n}")

        today = datetime.now(UTC).date()
        first = date(today.year, today.month, 1)
        visits = []
        for month in range(14):
            start = periods.next_period("MONTHLY", first) if month else first
            first = start
            last = start.replace(day=calendar.monthrange(start.year, start.month)[1])
            visits += [d for d in (start, last) if d > today]
        for visit in visits:  # each month's 1st and last day, from tomorrow on
            await stack.travel(noon(visit), [world.slug])

        tenant = schema(world.slug)
        runs = await stack.rows(
            f"SELECT p.name, r.period FROM {tenant}.bill_runs r "
            f"JOIN {tenant}.billing_plans p ON p.id = r.plan_id"
        )
        by_plan = Counter(r["name"] for r in runs)
        quarters = {periods.period_of("QUARTERLY", v) for v in [today, *visits]}
        assert by_plan == {"Monthly": 14, "Quarterly": len(quarters)}
        bills = await stack.rows(
            f"SELECT unit_id, title, due_date FROM {tenant}.bills WHERE title LIKE 'Monthly %'"
        )
        assert len(bills) == 14 * 2
        assert max(Counter((b["unit_id"], b["title"]) for b in bills).values()) == 1
        issued = {b["due_date"] - timedelta(days=7) for b in bills}
        # Each month's bills went out on its last day (day 31, or the month's end).
        assert {(d + timedelta(days=1)).day for d in issued} == {1}
        security = await stack.rows(
            f"SELECT count(*) AS n FROM {tenant}.bills WHERE title LIKE 'Quarterly %'"
        )
        # The current quarter's billing date (its 1st) came before the subscriptions did:
        # its run bills nobody (no proration); every later quarter bills both units.
        assert security[0]["n"] == (len(quarters) - 1) * 2
