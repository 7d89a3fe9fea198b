"""The world the fuzzer runs against: two estates with residents, bills, payments, gateway
settings and recurring plans, made through the public API, and every id, reference and
cursor it answered with, so that generated references hit real rows some of the time."""

from __future__ import annotations

import socket
import uuid
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from services.identity.models import Membership, Session
from services.residents.models import Resident
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, GraphQLClient
from tests.world import World, build_world


@contextmanager
def dead_address() -> Iterator[str]:
    """A loopback URL that refuses every connection: bound so that no other process can
    take the port, never listening. Every gateway of the fuzzed estates points here, so
    nothing the fuzzer triggers leaves the machine."""
    with socket.socket() as sock:
        sock.bind(("127.0.0.1", 0))
        yield f"http://127.0.0.1:{sock.getsockname()[1]}"


@dataclass
class Seed:
    home: World
    foreign: World
    operator: GraphQLClient
    dead_url: str
    ids: list[str] = field(default_factory=list)
    strings: list[str] = field(default_factory=list)
    cursors: list[str] = field(default_factory=list)

    async def restore(self) -> None:
        """The seeded callers able to call again: their sessions standing, their estates
        active, their residents and memberships active (the fuzzer may log out, suspend
        and deactivate with the seeded ids and slugs)."""
        slugs = [self.home.slug, self.foreign.slug]
        estates = list(await Estate.filter(slug__in=slugs).values_list("id", flat=True))
        await Estate.filter(id__in=estates).update(status="ACTIVE", status_reason=None)
        await Membership.filter(estate_id__in=estates).update(active=True)
        await Session.filter(revoked_at__isnull=False).update(revoked_at=None)
        for slug in slugs:
            async with tenant_scope(slug):
                await Resident.filter(active=False).update(
                    active=True, deactivated_at=None, deactivation_reason=None
                )

    def clients(self) -> dict[str, GraphQLClient]:
        """The callers every operation is fuzzed as."""
        resident = self.home.residents[0].client
        return {
            "platform-admin": self.operator.as_tenant(self.home.slug),
            "estate-admin": self.home.admin,
            "resident": resident,
            "anonymous": GraphQLClient(resident.http).as_tenant(self.home.slug),
            "resident-wrong-tenant": resident.as_tenant(self.foreign.slug),
        }


GATEWAY = (
    "mutation($p: PaymentProvider!, $c: JSON!, $u: String!) { configureGateway(input: "
    '{provider: $p, displayName: "Fuzzed", credentials: $c, apiBaseUrl: $u}) { id } }'
)
CREDENTIALS = {
    "PAYSTACK": {"secretKey": "sk_test_fuzz"},
    "FLUTTERWAVE": {"secretKey": "sk_test_fuzz", "webhookHash": "hash"},
    "STRIPE": {"secretKey": "sk_test_fuzz", "webhookSecret": "whsec_fuzz"},
    "MANUAL": {"bankName": "Bank", "accountNumber": "0123456789", "accountName": "Estate"},
}
CONNECTIONS = {
    "estates": "{ estates(first: 1) { pageInfo { endCursor } } }",
    "properties": "{ properties(first: 1) { pageInfo { endCursor } } }",
    "residents": "{ residents(first: 1) { pageInfo { endCursor } } }",
    "bills": "{ bills(first: 1) { pageInfo { endCursor } } }",
    "payments": "{ payments(first: 1) { pageInfo { endCursor } } }",
    "recurringPayments": "{ recurringPayments(first: 1) { pageInfo { endCursor } } }",
    "billingPlans": "{ billingPlans(first: 1) { pageInfo { endCursor } } }",
    "estateWallet": "{ estateWallet { operations(first: 1) { pageInfo { endCursor } } } }",
}


async def _configure_gateways(world: World, dead_url: str) -> list[str]:
    ids = []
    for provider, credentials in CREDENTIALS.items():
        data = await world.admin.ok(GATEWAY, p=provider, c=credentials, u=dead_url)
        ids.append(data["configureGateway"]["id"])
    return ids


async def _payments(world: World) -> tuple[list[str], list[str]]:
    """A wallet payment, a manual one waiting for approval, and a deposit the dead
    gateway never started: their ids and references."""
    ada = world.residents[0]
    await world.fund(ada, "5000.00")
    ids, references = [], []
    bill = await world.bill(ada, "100.00")
    paid = await ada.client.ok(
        "mutation($b: ID!, $k: String!) { payBillFromWallet(billId: $b, idempotencyKey: $k) "
        "{ id reference } }",
        b=bill["id"],
        k=uuid.uuid4().hex,
    )
    manual_bill = await world.bill(ada, "80.00")
    manual = await ada.client.ok(
        "mutation($b: ID!, $k: String!) { submitManualPayment(billId: $b, amount: "
        '"40.00", bankReference: "TRF-1", idempotencyKey: $k) { id reference } }',
        b=manual_bill["id"],
        k=uuid.uuid4().hex,
    )
    for payment in (paid["payBillFromWallet"], manual["submitManualPayment"]):
        ids.append(payment["id"])
        references.append(payment["reference"])
    ids += [bill["id"], manual_bill["id"], (await world.bill(ada, "25.00"))["id"]]
    return ids, references


async def _recurring(world: World) -> str:
    plan = await world.residents[0].client.ok(
        'mutation { createRecurringPayment(input: {title: "Levy", amount: "10.00", '
        'frequency: MONTHLY, startDate: "2031-01-01"}) { id } }'
    )
    return str(plan["createRecurringPayment"]["id"])


async def _billing_plan(world: World) -> list[str]:
    """A plan with the world's units subscribed: its id and the subscriptions'."""
    plan = await world.admin.ok(
        'mutation { createBillingPlan(input: {name: "Service", billType: SERVICE_CHARGE, '
        'interval: MONTHLY, amount: "100.00", prorate: true}) { id } }'
    )
    plan_id = str(plan["createBillingPlan"]["id"])
    subs = await world.admin.ok(
        "mutation($p: ID!, $prop: ID!) { subscribeUnits(planId: $p, propertyId: $prop) { id } }",
        p=plan_id,
        prop=world.property_id,
    )
    return [plan_id, *(str(s["id"]) for s in subs["subscribeUnits"])]


async def _cursors(clients: list[GraphQLClient]) -> list[str]:
    """Real cursors of every list: valid in their own list, foreign in all others."""
    found = []
    for client in clients:
        for name, query in CONNECTIONS.items():
            body = await client.execute(query)
            node = (body.get("data") or {}).get(name) or {}
            info = (node.get("operations") or node).get("pageInfo") or {}
            if info.get("endCursor"):
                found.append(info["endCursor"])
    return found


async def seed_world(gql: GraphQLClient, dead_url: str) -> Seed:
    operator = await gql.login("operator@test.example")
    home = await build_world(gql, residents=2, prefix="fuzz")
    foreign = await build_world(gql, residents=1, prefix="fuzz-b")
    seed = Seed(home, foreign, operator, dead_url)
    for world in (home, foreign):
        seed.ids += await _configure_gateways(world, dead_url)
        ids, references = await _payments(world)
        seed.ids += [*ids, await _recurring(world), world.property_id]
        seed.ids += await _billing_plan(world)
        seed.strings += references
        for person in world.residents:
            seed.ids += [person.resident_id, person.wallet_id, person.unit_id]
        seed.strings += [world.slug, f"r0@{world.slug}.test", PASSWORD]
    estate = await operator.ok("{ estates(first: 100) { edges { node { id } } } }")
    seed.ids += [edge["node"]["id"] for edge in estate["estates"]["edges"]][:5]
    me = await home.admin.ok("{ me { id } }")
    seed.ids.append(me["me"]["id"])
    seed.cursors = await _cursors([operator, home.admin, foreign.admin])
    return seed
