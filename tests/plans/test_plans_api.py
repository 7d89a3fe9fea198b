"""Billing plans through the API (the wall clock): plans, subscriptions, a bill run by
hand billed once, previews, price history, and the bad inputs of issue #18 with API.md's
codes and fields."""

from __future__ import annotations

from datetime import UTC, datetime
from typing import Any

import pytest

from services.bills.queries import estate_today
from services.plans import periods
from tenants.models import Estate
from tests.conftest import GraphQLClient
from tests.world import World, build_world

pytestmark = pytest.mark.usefixtures("database")
PLAN_FIELDS = """id name billType currency amount { amount currency } lineItems { description
  amount { amount } } interval billingDay dueDays prorate archived firstPeriod
  lateFee { percent fixed { amount } graceDays maxApplications }
  prices { effectiveFrom amount { amount } }"""
CREATE = f"""mutation($i: CreateBillingPlanInput!) {{ createBillingPlan(input: $i)
  {{ {PLAN_FIELDS} }} }}"""
SUBSCRIBE = """mutation($p: ID!, $u: [ID!], $prop: ID, $d: Date) { subscribeUnits(planId: $p,
  unitIds: $u, propertyId: $prop, startDate: $d) { id status startDate endDate
  unit { id label } plan { id } autopay { source status } } }"""
UNSUBSCRIBE = """mutation($s: ID!, $e: Boolean) { unsubscribeUnit(subscriptionId: $s,
  atPeriodEnd: $e) { id status endDate } }"""
RUN = """mutation($p: ID!, $d: Date!) { runBillRun(planId: $p, period: $d) { id period count
  total { amount currency } failures vacant vacancyTotal { amount } startedAt finishedAt
  durationMs plan { id } } }"""
PREVIEW = """query($p: ID!, $d: Date!) { previewBillRun(planId: $p, period: $d) { period count
  total { amount } lines { kind days amount { amount } unit { id label } resident { id } } } }"""


def plan_input(**overrides: Any) -> dict[str, Any]:
    values: dict[str, Any] = {
        "name": "Service charge",
        "billType": "SERVICE_CHARGE",
        "interval": "MONTHLY",
        "amount": "100.00",
        "billingDay": 1,
        "dueDays": 10,
        "prorate": True,
        "lateFee": {"percent": "5", "graceDays": 7, "maxApplications": 3},
    }
    values.update(overrides)
    return values


async def this_period(world: World) -> str:
    estate = await Estate.get(slug=world.slug)
    return periods.period_of("MONTHLY", estate_today(estate, datetime.now(UTC))).isoformat()


async def test_an_admin_bills_a_property_once_per_period(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    plan = (await world.admin.ok(CREATE, i=plan_input()))["createBillingPlan"]
    assert plan["amount"] == {"amount": "100.00", "currency": "NGN"}
    assert plan["lateFee"] == {
        "percent": "5.00",
        "fixed": None,
        "graceDays": 7,
        "maxApplications": 3,
    }
    assert (plan["interval"], plan["billingDay"], plan["archived"]) == ("MONTHLY", 1, False)
    period = await this_period(world)
    assert plan["firstPeriod"] == period
    subs = (await world.admin.ok(SUBSCRIBE, p=plan["id"], prop=world.property_id))["subscribeUnits"]
    assert sorted(s["unit"]["label"] for s in subs) == ["U1", "U2"]
    assert {s["status"] for s in subs} == {"ACTIVE"}
    # Subscribing again returns the same subscriptions and makes none.
    again = (await world.admin.ok(SUBSCRIBE, p=plan["id"], u=[world.residents[0].unit_id]))[
        "subscribeUnits"
    ]
    assert [s["id"] for s in again] == [
        s["id"] for s in subs if s["unit"]["id"] == world.residents[0].unit_id
    ]

    preview = (await world.admin.ok(PREVIEW, p=plan["id"], d=period))["previewBillRun"]
    assert preview["count"] == 2
    residents = sorted(line["resident"]["id"] for line in preview["lines"])
    assert residents == sorted(p.resident_id for p in world.residents)
    assert await bill_count(world) == 0  # a preview creates nothing

    run = (await world.admin.ok(RUN, p=plan["id"], d=period))["runBillRun"]
    assert run["count"] == 2 and run["failures"] == 0 and run["period"] == period
    assert run["total"]["amount"] == preview["total"]["amount"]
    assert await bill_count(world) == 2
    after = (await world.admin.ok(PREVIEW, p=plan["id"], d=period))["previewBillRun"]
    assert (after["count"], after["lines"]) == (0, [])  # run already: nothing more to make
    rerun = (await world.admin.ok(RUN, p=plan["id"], d=period))["runBillRun"]
    assert rerun["id"] == run["id"]
    assert await bill_count(world) == 2
    runs = await world.admin.ok(
        "query($p: ID!) { billRuns(planId: $p) { totalCount edges { node { id } } } }",
        p=plan["id"],
    )
    assert runs["billRuns"]["totalCount"] == 1
    ada = world.residents[0]
    bills = await ada.client.ok(
        "{ bills { edges { node { title status amount { amount } unit { id } lineItems "
        "{ description } } } } }"
    )
    (bill,) = [e["node"] for e in bills["bills"]["edges"]]
    assert bill["title"].startswith("Service charge ") and bill["unit"]["id"] == ada.unit_id
    assert bill["status"] == "PENDING_ACKNOWLEDGMENT"
    assert bill["amount"]["amount"] == next(
        line["amount"]["amount"]
        for line in preview["lines"]
        if line["resident"] and line["resident"]["id"] == ada.resident_id
    )
    notified = await ada.client.ok("{ notifications { edges { node { kind title } } } }")
    assert "BILL_CREATED" in {e["node"]["kind"] for e in notified["notifications"]["edges"]}


async def bill_count(world: World) -> int:
    data = await world.admin.ok("{ bills { totalCount } }")
    return int(data["bills"]["totalCount"])


async def test_a_price_change_applies_from_the_next_period_and_keeps_history(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=1)
    plan = (await world.admin.ok(CREATE, i=plan_input()))["createBillingPlan"]
    updated = (
        await world.admin.ok(
            f'mutation($id: ID!) {{ updateBillingPlan(id: $id, input: {{amount: "120.00", '
            f"dueDays: 5}}) {{ {PLAN_FIELDS} }} }}",
            id=plan["id"],
        )
    )["updateBillingPlan"]
    period = await this_period(world)
    following = periods.next_period("MONTHLY", datetime.fromisoformat(period).date())
    assert updated["amount"]["amount"] == "100.00"  # this period keeps its price
    assert updated["dueDays"] == 5
    assert [(p["effectiveFrom"], p["amount"]["amount"]) for p in updated["prices"]] == [
        (period, "100.00"),
        (following.isoformat(), "120.00"),
    ]
    removed = await world.admin.ok(
        "mutation($id: ID!) { updateBillingPlan(id: $id, input: {lateFee: null}) "
        "{ lateFee { graceDays } } }",
        id=plan["id"],
    )
    assert removed["updateBillingPlan"]["lateFee"] is None
    archived = await world.admin.ok(
        "mutation($id: ID!) { archiveBillingPlan(id: $id) { archived } }", id=plan["id"]
    )
    assert archived["archiveBillingPlan"]["archived"] is True
    listed = await world.admin.ok("{ billingPlans { totalCount } }")
    assert listed["billingPlans"]["totalCount"] == 0
    listed = await world.admin.ok("{ billingPlans(includeArchived: true) { totalCount } }")
    assert listed["billingPlans"]["totalCount"] == 1


def fee(**overrides: Any) -> dict[str, Any]:
    values = {"percent": "5", "graceDays": 7, "maxApplications": 3, **overrides}
    return {k: v for k, v in values.items() if v is not None}


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"billingDay": 0}, "billingDay"),
        ({"billingDay": 32}, "billingDay"),
        ({"dueDays": -1}, "dueDays"),
        ({"lateFee": fee(percent="-1")}, "lateFee.percent"),
        ({"lateFee": fee(percent="100.5")}, "lateFee.percent"),
        ({"lateFee": fee(percent="0")}, "lateFee.percent"),
        ({"lateFee": fee(graceDays=0)}, "lateFee.graceDays"),
        ({"lateFee": fee(maxApplications=0)}, "lateFee.maxApplications"),
        ({"lateFee": fee(percent=None)}, "lateFee.percent"),
        ({"lateFee": fee(fixed="10.00")}, "lateFee.percent"),  # both percent and fixed
        ({"amount": None}, "amount"),
        ({"amount": "0"}, "amount"),
    ],
)
async def test_bad_plans_are_refused_naming_the_field(
    gql: GraphQLClient, overrides: dict[str, Any], field: str
) -> None:
    world = await build_world(gql, residents=0)
    error = await world.admin.error(CREATE, i=plan_input(**overrides))
    assert error["extensions"]["code"] == "VALIDATION_ERROR", error
    assert error["extensions"]["field"] == field, error


async def test_an_interval_out_of_range_is_a_validation_error_on_interval(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=0)
    error = await world.admin.error(CREATE, i=plan_input(interval="WEEKLY"))
    assert error["extensions"]["code"] == "VALIDATION_ERROR"
    assert error["extensions"]["field"] == "interval"


async def test_residents_touching_plans_are_forbidden(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    plan = (await world.admin.ok(CREATE, i=plan_input()))["createBillingPlan"]
    ada = world.residents[0].client
    for query, variables in [
        (CREATE, {"i": plan_input()}),
        ("{ billingPlans { totalCount } }", {}),
        ("mutation($id: ID!) { archiveBillingPlan(id: $id) { id } }", {"id": plan["id"]}),
        (SUBSCRIBE, {"p": plan["id"], "u": [world.residents[0].unit_id]}),
        (RUN, {"p": plan["id"], "d": await this_period(world)}),
        ("query($p: ID!) { billRuns(planId: $p) { totalCount } }", {"p": plan["id"]}),
    ]:
        error = await ada.error(query, **variables)
        assert error["extensions"]["code"] == "FORBIDDEN", (query, error)


async def test_another_estates_unit_is_not_found_and_unsubscribing_twice_is_invalid(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=1)
    other = await build_world(gql, residents=1, prefix="other")
    plan = (await world.admin.ok(CREATE, i=plan_input()))["createBillingPlan"]
    error = await world.admin.error(SUBSCRIBE, p=plan["id"], u=[other.residents[0].unit_id])
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "unitIds"}
    foreign_plan = (await other.admin.ok(CREATE, i=plan_input()))["createBillingPlan"]
    error = await world.admin.error(SUBSCRIBE, p=foreign_plan["id"], u=[world.residents[0].unit_id])
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "planId"}
    (sub,) = (await world.admin.ok(SUBSCRIBE, p=plan["id"], u=[world.residents[0].unit_id]))[
        "subscribeUnits"
    ]
    ended = (await world.admin.ok(UNSUBSCRIBE, s=sub["id"], e=True))["unsubscribeUnit"]
    assert ended["status"] == "ENDING"
    error = await world.admin.error(UNSUBSCRIBE, s=sub["id"], e=True)
    assert error["extensions"] == {"code": "INVALID_STATE", "field": "subscriptionId"}
    error = await other.admin.error(UNSUBSCRIBE, s=sub["id"], e=False)
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "subscriptionId"}
    error = await world.admin.error(SUBSCRIBE, p=plan["id"], u=None, prop=None)
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "unitIds"}
    error = await world.admin.error(RUN, p=plan["id"], d="2001-01-01")
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "period"}
    error = await world.admin.error(RUN, p=plan["id"], d="2099-01-01")
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "period"}
    error = await world.admin.error(SUBSCRIBE, p=plan["id"], prop=world.property_id, d="2001-01-01")
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "startDate"}
    await world.admin.ok("mutation($id: ID!) { archiveBillingPlan(id: $id) { id } }", id=plan["id"])
    error = await world.admin.error(SUBSCRIBE, p=plan["id"], prop=world.property_id)
    assert error["extensions"] == {"code": "INVALID_STATE", "field": "planId"}
    error = await world.admin.error(
        "mutation($id: ID!) { archiveBillingPlan(id: $id) { id } }", id=plan["id"]
    )
    assert error["extensions"] == {"code": "INVALID_STATE", "field": "id"}
