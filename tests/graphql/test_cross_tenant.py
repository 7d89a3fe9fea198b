"""Every operation tried by estate A's users with estate B's slug or B's ids."""

from __future__ import annotations

import asyncio
from dataclasses import dataclass

import pytest

from tests import world as money
from tests.conftest import PASSWORD, GraphQLClient, make_estate

OPERATIONS_BY_ID = {
    "property": ("query($id: ID!) { property(id: $id) { id name } }", "property"),
    "resident": ("query($id: ID!) { resident(id: $id) { id } }", "resident"),
    "createUnit": (
        'mutation($id: ID!) { createUnit(input: {propertyId: $id, label: "X9"}) { id } }',
        "property",
    ),
    "createResident": (
        'mutation($id: ID!) { createResident(input: {email: "intruder@x.test", '
        f'fullName: "I", password: "{PASSWORD}", unitIds: [$id]}}) {{ id }} }}',
        "unit",
    ),
    # Recurring payments.
    "recurringPayment": ("query($id: ID!) { recurringPayment(id: $id) { id } }", "recurring"),
    "pauseRecurringPayment": (
        "mutation($id: ID!) { pauseRecurringPayment(id: $id) { id } }",
        "recurring",
    ),
    "resumeRecurringPayment": (
        "mutation($id: ID!) { resumeRecurringPayment(id: $id) { id } }",
        "recurring",
    ),
    "cancelRecurringPayment": (
        "mutation($id: ID!) { cancelRecurringPayment(id: $id) { id } }",
        "recurring",
    ),
    # Billing plans.
    "billingPlan": ("query($id: ID!) { billingPlan(id: $id) { id } }", "plan"),
    "updateBillingPlan": (
        'mutation($id: ID!) { updateBillingPlan(id: $id, input: {name: "x"}) { id } }',
        "plan",
    ),
    "archiveBillingPlan": ("mutation($id: ID!) { archiveBillingPlan(id: $id) { id } }", "plan"),
    "subscribeUnits": (
        "mutation($id: ID!) { subscribeUnits(planId: $id, unitIds: [$id]) { id } }",
        "plan",
    ),
    "billRuns": ("query($id: ID!) { billRuns(planId: $id) { totalCount } }", "plan"),
    "previewBillRun": (
        'query($id: ID!) { previewBillRun(planId: $id, period: "2031-01-01") { count } }',
        "plan",
    ),
    "runBillRun": (
        'mutation($id: ID!) { runBillRun(planId: $id, period: "2031-01-01") { id } }',
        "plan",
    ),
    "unsubscribeUnit": (
        "mutation($id: ID!) { unsubscribeUnit(subscriptionId: $id) { id } }",
        "subscription",
    ),
    "enableAutopay": (
        "mutation($id: ID!) { enableAutopay(subscriptionId: $id, source: WALLET) { id } }",
        "subscription",
    ),
    "disableAutopay": (
        "mutation($id: ID!) { disableAutopay(subscriptionId: $id) { id } }",
        "subscription",
    ),
}
# Operations a resident may run on their own objects: tried by A's resident too.
RESIDENT_OPERATIONS_BY_ID = [
    "recurringPayment",
    "pauseRecurringPayment",
    "resumeRecurringPayment",
    "cancelRecurringPayment",
    "enableAutopay",
    "disableAutopay",
]
# Residents' own verbs: an admin is refused them whatever the id (FORBIDDEN, no oracle).
RESIDENT_ONLY = {"enableAutopay", "disableAutopay"}
TENANT_OPERATIONS = [
    "{ estate { slug } }",
    "{ properties { totalCount edges { node { name } } } }",
    "{ residents { totalCount } }",
    'mutation { createProperty(input: {name: "sneaky"}) { id } }',
    "{ recurringPayments { totalCount } }",
    'mutation { createRecurringPayment(input: {title: "sneaky", amount: "1.00", '
    'frequency: DAILY, startDate: "2099-01-01"}) { id } }',
    "{ dashboard(period: YEAR) { collected { amount } } }",
    "{ billingPlans { totalCount } }",
    "{ planSubscriptions { totalCount } }",
    'mutation { createBillingPlan(input: {name: "sneaky", billType: LEVY, interval: MONTHLY, '
    'amount: "1.00"}) { id } }',
]


@dataclass
class World:
    slug: str
    admin: GraphQLClient
    resident: GraphQLClient
    ids: dict[str, str]


async def build_world(gql: GraphQLClient, prefix: str) -> World:
    fixture = await make_estate(prefix)
    admin = await gql.as_tenant(fixture.slug).login(fixture.admin_email)
    prop = (
        await admin.ok(f'mutation {{ createProperty(input: {{name: "{prefix} block"}}) {{ id }} }}')
    )["createProperty"]
    unit = (
        await admin.ok(
            'mutation($p: ID!) { createUnit(input: {propertyId: $p, label: "U1"}) { id } }',
            p=prop["id"],
        )
    )["createUnit"]
    email = f"res@{fixture.slug}.test"
    res = (
        await admin.ok(
            'mutation($u: ID!, $e: String!) { createResident(input: {email: $e, fullName: "R", '
            f'password: "{PASSWORD}", unitIds: [$u]}}) {{ id }} }}',
            u=unit["id"],
            e=email,
        )
    )["createResident"]
    resident = await gql.as_tenant(fixture.slug).login(email)
    plan = (
        await resident.ok(
            'mutation { createRecurringPayment(input: {title: "levy", amount: "1.00", '
            'frequency: MONTHLY, startDate: "2099-01-01"}) { id } }'
        )
    )["createRecurringPayment"]
    billing = (
        await admin.ok(
            'mutation { createBillingPlan(input: {name: "Service", billType: SERVICE_CHARGE, '
            'interval: MONTHLY, amount: "10.00"}) { id } }'
        )
    )["createBillingPlan"]
    (subscription,) = (
        await admin.ok(
            "mutation($p: ID!, $u: ID!) { subscribeUnits(planId: $p, unitIds: [$u]) { id } }",
            p=billing["id"],
            u=unit["id"],
        )
    )["subscribeUnits"]
    return World(
        fixture.slug,
        admin,
        resident,
        {
            "property": prop["id"],
            "unit": unit["id"],
            "resident": res["id"],
            "recurring": plan["id"],
            "plan": billing["id"],
            "subscription": subscription["id"],
        },
    )


@pytest.fixture
async def worlds(gql: GraphQLClient) -> tuple[World, World]:
    return await build_world(gql, "a"), await build_world(gql, "b")


async def test_other_estates_slug_is_forbidden_for_every_operation(
    worlds: tuple[World, World],
) -> None:
    a, b = worlds
    for client in (a.admin, a.resident):
        intruder = client.as_tenant(b.slug)
        for query in TENANT_OPERATIONS:
            error = await intruder.error(query)
            assert error["extensions"]["code"] == "FORBIDDEN", query
        for query, kind in OPERATIONS_BY_ID.values():
            error = await intruder.error(query, id=b.ids[kind])
            assert error["extensions"]["code"] == "FORBIDDEN", query
    # An estate that does not exist answers exactly like one you don't belong to.
    ghost = await a.admin.as_tenant("no-such-estate").error("{ estate { slug } }")
    real = await a.admin.as_tenant(b.slug).error("{ estate { slug } }")
    assert ghost == real


async def test_other_estates_ids_are_not_found_for_every_operation(
    worlds: tuple[World, World],
) -> None:
    a, b = worlds
    for name, (query, kind) in OPERATIONS_BY_ID.items():
        error = await a.admin.error(query, id=b.ids[kind])
        expected = "FORBIDDEN" if name in RESIDENT_ONLY else "NOT_FOUND"
        assert error["extensions"]["code"] == expected, name
    for name in RESIDENT_OPERATIONS_BY_ID:
        query, kind = OPERATIONS_BY_ID[name]
        error = await a.resident.error(query, id=b.ids[kind])
        assert error["extensions"]["code"] == "NOT_FOUND", name
    # ...and B saw no side effect.
    data = await b.admin.ok(
        "{ residents { totalCount } properties { edges { node { units { label } } } } "
        "recurringPayments { edges { node { id status } } } "
        "billingPlans { edges { node { id name archived } } } "
        "planSubscriptions { edges { node { status autopay { status } } } } "
        "billRuns { totalCount } }"
    )
    assert data["billingPlans"]["edges"] == [
        {"node": {"id": b.ids["plan"], "name": "Service", "archived": False}}
    ]
    assert data["planSubscriptions"]["edges"] == [{"node": {"status": "ACTIVE", "autopay": None}}]
    assert data["billRuns"]["totalCount"] == 0
    assert data["residents"]["totalCount"] == 1
    assert data["recurringPayments"]["edges"] == [
        {"node": {"id": b.ids["recurring"], "status": "ACTIVE"}}
    ]
    assert data["properties"]["edges"][0]["node"]["units"] == [{"label": "U1"}]
    names = await a.admin.ok("{ properties { edges { node { name } } } }")
    assert names["properties"]["edges"] == [{"node": {"name": "a block"}}]


async def test_100_interleaved_concurrent_requests_never_cross(
    worlds: tuple[World, World], gql: GraphQLClient
) -> None:
    c = await build_world(gql, "c")
    worlds_ = [*worlds, c]
    query = "{ estate { slug } properties { edges { node { id name } } } residents { edges { node { id } } } }"  # noqa: E501

    async def ask(world: World) -> tuple[World, dict]:
        return world, await world.admin.ok(query)

    results = await asyncio.gather(*(ask(worlds_[i % 3]) for i in range(100)))
    for world, data in results:
        assert data["estate"]["slug"] == world.slug
        assert [e["node"]["id"] for e in data["properties"]["edges"]] == [world.ids["property"]]
        assert [e["node"]["id"] for e in data["residents"]["edges"]] == [world.ids["resident"]]


async def test_dashboards_count_only_their_own_estate(gql: GraphQLClient) -> None:
    a, b = await money.build_world(gql, 1, "da"), await money.build_world(gql, 1, "db")
    await a.bill(a.residents[0], "10.00")
    await b.fund(b.residents[0], "40.00")
    bill = await b.bill(b.residents[0], "40.00")
    await b.residents[0].client.ok(
        'mutation($b: ID!) { payBillFromWallet(billId: $b, idempotencyKey: "k") { id } }',
        b=bill["id"],
    )
    query = (
        "{ dashboard(period: YEAR) { collected { amount } outstanding { amount } "
        "billsByStatus { status count } } }"
    )

    def expect(collected: str, outstanding: str, status: str) -> dict:
        return {
            "collected": {"amount": collected},
            "outstanding": {"amount": outstanding},
            "billsByStatus": [
                {"status": s, "count": int(s == status)}
                for s in (
                    "PENDING_ACKNOWLEDGMENT",
                    "ACKNOWLEDGED",
                    "DISPUTED",
                    "PARTIALLY_PAID",
                    "PAID",
                    "OVERDUE",
                    "CANCELLED",
                )
            ],
        }

    wanted = {
        a.slug: expect("0.00", "10.00", "ACKNOWLEDGED"),
        b.slug: expect("40.00", "0.00", "PAID"),
    }

    async def ask(w: money.World) -> tuple[str, dict]:
        return w.slug, (await w.admin.ok(query))["dashboard"]

    for slug, figures in await asyncio.gather(*(ask((a, b)[i % 2]) for i in range(40))):
        assert figures == wanted[slug]
