"""What residents see and do of billing plans over the API (their units' subscriptions,
autopay on and off), the vacancy report, and a run by hand racing the schedule's run of
the same period: one run, one set of bills."""

from __future__ import annotations

import asyncio
from datetime import UTC, datetime

import pytest

from services.bills.models import Bill
from services.bills.queries import estate_today
from services.plans import periods, runs
from services.plans.models import BillRun
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.plans.test_plans_api import CREATE, RUN, SUBSCRIBE, plan_input, this_period
from tests.world import build_world

pytestmark = pytest.mark.usefixtures("database")
MINE = "{ planSubscriptions { totalCount edges { node { id unit { id } autopay { status } } } } }"
ENABLE = """mutation($s: ID!, $src: AutopaySource!, $m: ID) { enableAutopay(subscriptionId: $s,
  source: $src, paymentMethodId: $m) { id autopay { source status consent consentedAt } } }"""
DISABLE = "mutation($s: ID!) { disableAutopay(subscriptionId: $s) { id autopay { status } } }"


async def test_residents_see_their_units_and_turn_autopay_on_and_off(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    ada, bo = world.residents
    plan = (await world.admin.ok(CREATE, i=plan_input()))["createBillingPlan"]
    subs = (await world.admin.ok(SUBSCRIBE, p=plan["id"], prop=world.property_id))["subscribeUnits"]
    own = {s["unit"]["id"]: s["id"] for s in subs}
    mine = (await ada.client.ok(MINE))["planSubscriptions"]
    assert mine["totalCount"] == 1 and mine["edges"][0]["node"]["unit"]["id"] == ada.unit_id
    assert (await world.admin.ok(MINE))["planSubscriptions"]["totalCount"] == 2

    on = (await ada.client.ok(ENABLE, s=own[ada.unit_id], src="WALLET"))["enableAutopay"]
    assert on["autopay"]["source"] == "WALLET" and on["autopay"]["status"] == "ACTIVE"
    assert "without my PIN" in on["autopay"]["consent"]
    # Another resident's subscription is not found; the source must match the method.
    error = await ada.client.error(ENABLE, s=own[bo.unit_id], src="WALLET")
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "subscriptionId"}
    error = await bo.client.error(ENABLE, s=own[bo.unit_id], src="PAYMENT_METHOD")
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "paymentMethodId"}
    error = await world.admin.error(ENABLE, s=own[ada.unit_id], src="WALLET")
    assert error["extensions"]["code"] == "FORBIDDEN"

    off = (await ada.client.ok(DISABLE, s=own[ada.unit_id]))["disableAutopay"]
    assert off["autopay"] is None
    error = await ada.client.error(DISABLE, s=own[ada.unit_id])
    assert error["extensions"] == {"code": "INVALID_STATE", "field": "subscriptionId"}


async def test_the_vacancy_report_shows_a_subscribed_unit_nobody_lives_in(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=1)
    empty = await world.admin.ok(
        'mutation($p: ID!) { createUnit(input: {propertyId: $p, label: "Empty"}) { id } }',
        p=world.property_id,
    )
    plan = (await world.admin.ok(CREATE, i=plan_input()))["createBillingPlan"]
    await world.admin.ok(SUBSCRIBE, p=plan["id"], prop=world.property_id)
    run = (await world.admin.ok(RUN, p=plan["id"], d=await this_period(world)))["runBillRun"]
    # Subscribed from today, the day the resident moved in: the empty unit's days from
    # today to the period's end are vacant, and are worth what the resident pays.
    estate = await Estate.get(slug=world.slug)
    today = estate_today(estate, datetime.now(UTC))
    start = periods.period_of("MONTHLY", today)
    total = periods.period_days("MONTHLY", start)
    worth = periods.share(10_000, total, today.day - 1, total - today.day + 1)
    amount = f"{worth // 100}.{worth % 100:02d}"
    assert (run["count"], run["vacant"], run["vacancyTotal"]["amount"]) == (1, 1, amount)
    assert run["total"]["amount"] == amount
    report = await world.admin.ok(
        "query($p: ID!) { vacancyReport(planId: $p) { kind days amount { amount } unit { id } } }",
        p=plan["id"],
    )
    assert report["vacancyReport"] == [
        {
            "kind": "VACANCY",
            "days": total - today.day + 1,
            "amount": {"amount": amount},
            "unit": {"id": empty["createUnit"]["id"]},
        }
    ]


async def test_a_run_by_hand_racing_the_schedule_bills_the_period_once(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=3)
    plan = (await world.admin.ok(CREATE, i=plan_input()))["createBillingPlan"]
    await world.admin.ok(SUBSCRIBE, p=plan["id"], prop=world.property_id)
    estate = await Estate.get(slug=world.slug)
    now = datetime.now(UTC)

    async def scheduled() -> int:
        async with tenant_scope(world.slug):
            return await runs.run_due(estate, now)

    async def by_hand() -> str:
        body = await world.admin.ok(RUN, p=plan["id"], d=await this_period(world))
        return str(body["runBillRun"]["id"])

    results = await asyncio.gather(scheduled(), by_hand(), scheduled())
    async with tenant_scope(world.slug):
        assert await BillRun.filter(plan_id=plan["id"]).count() == 1
        assert await Bill.all().count() == 3
        assert sum(r for r in results if isinstance(r, int)) == 3  # one of them issued
        assert str((await BillRun.get(plan_id=plan["id"])).id) == results[1]
