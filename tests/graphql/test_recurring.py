"""Recurring payments through the API: residents manage their own plans, admins see and
steer all, runs (driven here by `run_due` with the wall clock) show up on the plan."""

from __future__ import annotations

from datetime import UTC, date, datetime, timedelta
from typing import Any

import pytest

from services.audit.models import AuditEntry
from services.recurring.runs import run_due
from services.recurring.schedule import local_today
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import World, build_world

FIELDS = """id title amount { amount currency } frequency status startDate nextRunDate
  nextAttemptAt lastRunAt failureCount maxFailures billType lastFailureCode lastFailure
  resident { id } createdAt"""
CREATE = f"""mutation($t: String!, $a: Decimal!, $f: RecurringFrequency!, $d: Date!,
  $b: BillType, $m: Int, $pin: String) {{
  createRecurringPayment(input: {{title: $t, amount: $a, frequency: $f, startDate: $d,
    billType: $b, maxFailures: $m, pin: $pin}}) {{ {FIELDS} }} }}"""
LIST = f"""query($first: Int, $after: String) {{ recurringPayments(first: $first, after: $after)
  {{ totalCount pageInfo {{ hasNextPage endCursor }} edges {{ cursor node {{ {FIELDS} }} }} }} }}"""
ACTION = "mutation($id: ID!) {{ {name}(id: $id) {{ id status nextRunDate failureCount }} }}"


def today() -> date:
    return local_today("Africa/Lagos", datetime.now(UTC))


async def create(client: GraphQLClient, amount: str = "2500.00", **overrides: Any) -> dict:
    variables = {"t": "Estate levy", "a": amount, "f": "MONTHLY", "d": today().isoformat()}
    variables.update(overrides)
    return dict((await client.ok(CREATE, **variables))["createRecurringPayment"])


async def act(client: GraphQLClient, name: str, plan_id: str) -> dict[str, Any]:
    return await client.execute(ACTION.format(name=name), id=plan_id)


async def run(world: World, now: datetime | None = None) -> int:
    async with tenant_scope(world.slug):
        return await run_due(now or datetime.now(UTC))


async def test_a_resident_creates_a_plan_and_a_run_pays_it(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "10000.00")
    plan = await create(ada.client)
    assert plan["amount"] == {"amount": "2500.00", "currency": "NGN"}
    assert (plan["frequency"], plan["status"], plan["billType"]) == ("MONTHLY", "ACTIVE", None)
    assert plan["startDate"] == plan["nextRunDate"] == today().isoformat()
    assert (plan["failureCount"], plan["maxFailures"], plan["lastRunAt"]) == (0, 3, None)
    assert plan["resident"] == {"id": ada.resident_id}

    assert await run(world) == 1
    seen = (await ada.client.ok(LIST))["recurringPayments"]["edges"][0]["node"]
    assert seen["lastRunAt"] is not None and seen["nextRunDate"] > today().isoformat()
    wallet = await ada.client.ok(
        "{ wallet { balance { amount } transactions(first: 1) { edges { node { kind "
        "amount { amount } description } } } } }"
    )
    assert wallet["wallet"]["balance"]["amount"] == "7500.00"
    assert wallet["wallet"]["transactions"]["edges"][0]["node"] == {
        "kind": "TRANSFER_OUT",
        "amount": {"amount": "-2500.00"},
        "description": "Recurring payment: Estate levy",
    }
    estate = await world.admin.ok("{ estateWallet { balance { amount } } }")
    assert estate["estateWallet"]["balance"]["amount"] == "2500.00"
    inbox = await ada.client.ok("{ notifications { edges { node { kind title } } } }")
    kinds = [e["node"]["kind"] for e in inbox["notifications"]["edges"]]
    assert "RECURRING_PAYMENT_PROCESSED" in kinds


async def test_a_bill_type_plan_pays_open_bills(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "10000.00")
    bill = await world.bill(ada, "3000.00")
    plan = await create(ada.client, "5000.00", b="SERVICE_CHARGE", f="QUARTERLY")
    assert plan["billType"] == "SERVICE_CHARGE" and plan["frequency"] == "QUARTERLY"
    assert await run(world) == 1
    seen = await ada.client.ok(
        "query($id: ID!) { bill(id: $id) { status payments { provider status } } }", id=bill["id"]
    )
    assert seen["bill"] == {
        "status": "PAID",
        "payments": [{"provider": "WALLET", "status": "SUCCEEDED"}],
    }


async def test_admins_list_all_residents_their_own(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    ada, bo = world.residents
    first = await create(ada.client, t="first")
    second = await create(ada.client, t="second")
    theirs = await create(bo.client, t="theirs")
    everything = (await world.admin.ok(LIST))["recurringPayments"]
    assert everything["totalCount"] == 3
    assert [e["node"]["id"] for e in everything["edges"]] == [
        theirs["id"],
        second["id"],
        first["id"],
    ]  # newest first
    own = (await ada.client.ok(LIST, first=1))["recurringPayments"]
    assert own["totalCount"] == 2 and own["pageInfo"]["hasNextPage"]
    rest = await ada.client.ok(LIST, first=1, after=own["pageInfo"]["endCursor"])
    assert [e["node"]["id"] for e in rest["recurringPayments"]["edges"]] == [first["id"]]
    assert not rest["recurringPayments"]["pageInfo"]["hasNextPage"]
    # Someone else's plan is as unknown as a missing one.
    one = "query($id: ID!) { recurringPayment(id: $id) { id title } }"
    error = await bo.client.error(one, id=first["id"])
    assert error["extensions"] == {"code": "NOT_FOUND", "field": "id"}
    assert (await world.admin.ok(one, id=first["id"]))["recurringPayment"]["title"] == "first"


async def test_pause_resume_cancel_by_owner_and_admin(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=2)
    ada, bo = world.residents
    plan = await create(ada.client)

    denied = await act(bo.client, "pauseRecurringPayment", plan["id"])
    assert denied["errors"][0]["extensions"]["code"] == "NOT_FOUND"
    paused = await act(ada.client, "pauseRecurringPayment", plan["id"])
    assert paused["data"]["pauseRecurringPayment"]["status"] == "PAUSED"
    again = await act(world.admin, "pauseRecurringPayment", plan["id"])
    assert again["errors"][0]["extensions"]["code"] == "INVALID_STATE"
    resumed = await act(world.admin, "resumeRecurringPayment", plan["id"])
    assert resumed["data"]["resumeRecurringPayment"]["status"] == "ACTIVE"
    await act(world.admin, "pauseRecurringPayment", plan["id"])
    cancelled = await act(ada.client, "cancelRecurringPayment", plan["id"])
    assert cancelled["data"]["cancelRecurringPayment"] == {
        "id": plan["id"],
        "status": "CANCELLED",
        "nextRunDate": None,
        "failureCount": 0,
    }
    for name in ("pauseRecurringPayment", "resumeRecurringPayment", "cancelRecurringPayment"):
        refused = await act(world.admin, name, plan["id"])
        assert refused["errors"][0]["extensions"]["code"] == "INVALID_STATE", name
    # Each change is audited, by whoever made it; the admin's pause told the resident.
    async with tenant_scope(world.slug):
        actions = (
            await AuditEntry.filter(object_id=plan["id"])
            .order_by("id")
            .values_list("action", flat=True)
        )
    assert actions == [
        "createRecurringPayment",
        "pauseRecurringPayment",
        "resumeRecurringPayment",
        "pauseRecurringPayment",
        "cancelRecurringPayment",
    ]
    inbox = await ada.client.ok("{ notifications { edges { node { kind } } } }")
    kinds = [e["node"]["kind"] for e in inbox["notifications"]["edges"]]
    assert kinds.count("RECURRING_PAYMENT_PAUSED") == 1


async def test_failed_runs_pause_the_plan_and_tell_the_resident(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    plan = await create(ada.client, m=2)
    now = datetime.now(UTC)
    assert await run(world, now) == 1
    failed = (await ada.client.ok(LIST))["recurringPayments"]["edges"][0]["node"]
    assert failed["failureCount"] == 1 and failed["lastFailureCode"] == "INSUFFICIENT_FUNDS"
    assert failed["nextAttemptAt"] is not None and failed["status"] == "ACTIVE"
    assert await run(world, now + timedelta(hours=1)) == 1
    paused = (await ada.client.ok(LIST))["recurringPayments"]["edges"][0]["node"]
    assert (paused["status"], paused["failureCount"]) == ("PAUSED", 2)
    inbox = await ada.client.ok("{ notifications { edges { node { kind } } } }")
    kinds = [e["node"]["kind"] for e in inbox["notifications"]["edges"]]
    assert kinds[:2] == ["RECURRING_PAYMENT_PAUSED", "RECURRING_PAYMENT_FAILED"]  # newest first
    resumed = await act(ada.client, "resumeRecurringPayment", plan["id"])
    assert resumed["data"]["resumeRecurringPayment"]["failureCount"] == 0


@pytest.mark.parametrize(
    ("overrides", "field"),
    [
        ({"a": "0"}, "amount"),
        ({"a": "-5.00"}, "amount"),
        ({"a": "1.001"}, "amount"),
        ({"a": "NaN"}, "amount"),
        ({"d": "2001-01-01"}, "startDate"),
        ({"f": "HOURLY"}, "frequency"),
        ({"b": "PIZZA"}, "billType"),
        ({"m": 0}, "maxFailures"),
        ({"t": " "}, "title"),
    ],
)
async def test_invalid_input_names_the_field(
    gql: GraphQLClient, overrides: dict[str, Any], field: str
) -> None:
    world = await build_world(gql, residents=1)
    variables = {"t": "Levy", "a": "10.00", "f": "DAILY", "d": today().isoformat(), **overrides}
    error = await world.residents[0].client.error(CREATE, **variables)
    assert error["extensions"]["code"] == "VALIDATION_ERROR", error
    assert error["extensions"]["field"] == field, error


async def test_only_residents_create_plans_and_a_pin_authorises_them(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    error = await world.admin.error(CREATE, t="x", a="1.00", f="DAILY", d=today().isoformat())
    assert error["extensions"]["code"] == "FORBIDDEN"
    ada = world.residents[0]
    await ada.client.ok('mutation { setWalletPin(pin: "2468") { hasPin } }')
    error = await ada.client.error(CREATE, t="x", a="1.00", f="DAILY", d=today().isoformat())
    assert error["extensions"] == {"code": "PIN_REQUIRED", "field": "pin"}
    error = await ada.client.error(
        CREATE, t="x", a="1.00", f="DAILY", d=today().isoformat(), pin="1357"
    )
    assert error["extensions"]["code"] == "INVALID_PIN"
    created = await create(ada.client, pin="2468")
    assert created["status"] == "ACTIVE"
