"""Concurrency on real PostgreSQL: many payments racing for one wallet."""

from __future__ import annotations

import asyncio
import uuid

from services.bills.models import Bill
from services.ledger.verify import verify_ledger
from services.payments.models import Payment
from services.properties.models import Unit
from services.residents.models import Occupancy
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import World, build_world

PAY = """mutation($b: ID!, $k: String!) {
  payBillFromWallet(billId: $b, idempotencyKey: $k) { id status amount { amount } } }"""


async def acknowledged_bills(world: World, count: int, amount: str) -> list[str]:
    """`count` acknowledged bills for the first resident (one per extra unit)."""
    person = world.residents[0]
    async with tenant_scope(world.slug):
        units = [Unit(property_id=world.property_id, label=f"C{n:04d}") for n in range(count)]
        await Unit.bulk_create(units)
        await Occupancy.bulk_create(
            [Occupancy(resident_id=person.resident_id, unit_id=u.id) for u in units]
        )
    await world.admin.ok(
        "mutation($p: ID!, $a: Decimal!) { createBills(input: {propertyId: $p, "
        'title: "Levy", type: LEVY, amount: $a, dueDate: "2030-01-01"}) { count } }',
        p=world.property_id,
        a=amount,
    )
    async with tenant_scope(world.slug):
        await Bill.all().update(status="ACKNOWLEDGED")
        return [str(b) for b in await Bill.all().values_list("id", flat=True)]


async def test_200_concurrent_payments_against_one_wallet(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    bills = await acknowledged_bills(world, 199, "100.00")  # plus the resident's own unit
    assert len(bills) == 200
    await world.fund(ada, "5000.00")  # affords exactly 50 of them

    results = await asyncio.gather(
        *(ada.client.execute(PAY, b=bill, k=uuid.uuid4().hex) for bill in bills)
    )
    succeeded = [r for r in results if not r.get("errors")]
    refused = [r["errors"][0]["extensions"]["code"] for r in results if r.get("errors")]
    assert len(succeeded) == 50
    assert refused == ["INSUFFICIENT_FUNDS"] * 150

    wallet = await ada.client.ok("{ wallet { balance { amount } available { amount } } }")
    assert wallet["wallet"] == {"balance": {"amount": "0.00"}, "available": {"amount": "0.00"}}
    async with tenant_scope(world.slug):
        assert await Payment.filter(status="SUCCEEDED").count() == 50
        assert await Bill.filter(status="PAID").count() == 50
        assert await verify_ledger() == []


async def test_one_idempotency_key_sent_50_times_concurrently_pays_once(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "1000.00")
    bill = await world.bill(ada, "100.00")
    results = await asyncio.gather(*(ada.client.ok(PAY, b=bill["id"], k="once") for _ in range(50)))
    payments = {r["payBillFromWallet"]["id"] for r in results}
    assert len(payments) == 1
    wallet = await ada.client.ok("{ wallet { balance { amount } } }")
    assert wallet["wallet"]["balance"]["amount"] == "900.00"
    async with tenant_scope(world.slug):
        assert await Payment.all().count() == 1
        assert await verify_ledger() == []
