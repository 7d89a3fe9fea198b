"""Builds an estate with an admin and residents through the public API, and waits for
what background workers do."""

from __future__ import annotations

import asyncio
import time
import uuid
from dataclasses import dataclass, field
from typing import Any

from tests.conftest import PASSWORD, GraphQLClient, make_estate

PAYMENT_STATUS = (
    "query($r: String!) { paymentByReference(reference: $r) { status failureCode "
    "amount { amount } } }"
)


@dataclass
class Person:
    client: GraphQLClient
    resident_id: str
    wallet_id: str
    unit_id: str


@dataclass
class World:
    slug: str
    admin: GraphQLClient
    property_id: str
    residents: list[Person] = field(default_factory=list)

    async def fund(self, person: Person, amount: str) -> None:
        await self.admin.ok(
            "mutation($w: ID!, $a: Decimal!, $k: String!) { adjustWallet(walletId: $w, "
            'amount: $a, reason: "top up", idempotencyKey: $k) { balance { amount } } }',
            w=person.wallet_id,
            a=amount,
            k=uuid.uuid4().hex,
        )

    async def bill(
        self, person: Person, amount: str, *, acknowledge: bool = True, due: str = "2030-01-31"
    ) -> dict:
        bill = (
            await self.admin.ok(
                "mutation($r: ID!, $u: ID, $a: Decimal!, $d: Date!) { createBill(input: {"
                'residentId: $r, unitId: $u, title: "Service charge", type: SERVICE_CHARGE, '
                "amount: $a, dueDate: $d}) { id number status amount { amount currency } } }",
                r=person.resident_id,
                u=person.unit_id,
                a=amount,
                d=due,
            )
        )["createBill"]
        if acknowledge:
            await person.client.ok(
                "mutation($id: ID!) { acknowledgeBill(id: $id) { status } }", id=bill["id"]
            )
        return dict(bill)


async def build_world(gql: GraphQLClient, residents: int = 2, prefix: str = "w") -> World:
    fixture = await make_estate(prefix)
    return await populate(gql, fixture.slug, fixture.admin_email, residents)


async def populate(gql: GraphQLClient, slug: str, admin_email: str, residents: int) -> World:
    """The estate's admin signed in, one property, and residents each in a unit of it."""
    admin = await gql.as_tenant(slug).login(admin_email)
    prop = (await admin.ok('mutation { createProperty(input: {name: "Block"}) { id } }'))[
        "createProperty"
    ]
    world = World(slug, admin, prop["id"])
    for n in range(residents):
        unit = (
            await admin.ok(
                "mutation($p: ID!, $l: String!) { createUnit(input: {propertyId: $p, label: $l})"
                " { id } }",
                p=prop["id"],
                l=f"U{n + 1}",
            )
        )["createUnit"]
        email = f"r{n}@{slug}.test"
        created = (
            await admin.ok(
                "mutation($e: String!, $u: ID!) { createResident(input: {email: $e, "
                f'fullName: "Resident {n}", password: "{PASSWORD}", unitIds: [$u]}}) '
                "{ id wallet { id } } }",
                e=email,
                u=unit["id"],
            )
        )["createResident"]
        client = await gql.as_tenant(slug).login(email)
        world.residents.append(Person(client, created["id"], created["wallet"]["id"], unit["id"]))
    return world


async def eventually(check: Any, within: float = 20.0) -> Any:
    deadline = time.monotonic() + within
    while True:
        result = await check()
        if result:
            return result
        assert time.monotonic() < deadline, "timed out waiting"
        await asyncio.sleep(0.2)


async def status_of(client: GraphQLClient, reference: str) -> dict[str, Any]:
    return dict((await client.ok(PAYMENT_STATUS, r=reference))["paymentByReference"])
