"""An id that names nothing the caller may see is NOT_FOUND on its field, in filters and
summaries too: never an empty answer that passes for "this one has nothing"."""

from __future__ import annotations

import uuid

from tests.conftest import GraphQLClient
from tests.world import build_world

SUMMARY = "query($r: ID) { billsSummary(residentId: $r) { outstanding { amount } } }"
BILLS = "query($f: BillFilter) { bills(filter: $f) { totalCount } }"
PAYMENTS = "query($f: PaymentFilter) { payments(filter: $f) { totalCount } }"


async def not_found(client: GraphQLClient, field: str, query: str, **variables: object) -> None:
    error = await client.error(query, **variables)
    assert error["extensions"] == {"code": "NOT_FOUND", "field": field}, error


async def test_unknown_and_foreign_residents_properties_and_bills_are_not_found(
    gql: GraphQLClient,
) -> None:
    world = await build_world(gql, residents=2, prefix="refs")
    other = await build_world(gql, residents=1, prefix="refs-other")
    ada, bob = world.residents
    foreign = other.residents[0]
    bill = await world.bill(bob, "10.00")
    foreign_bill = await other.bill(foreign, "10.00")
    unknown = str(uuid.uuid4())

    # The admin: anything not of this estate.
    for resident_id in (unknown, foreign.resident_id):
        await not_found(world.admin, "residentId", SUMMARY, r=resident_id)
        await not_found(world.admin, "residentId", BILLS, f={"residentId": resident_id})
        await not_found(world.admin, "residentId", PAYMENTS, f={"residentId": resident_id})
    for property_id in (unknown, other.property_id):
        await not_found(world.admin, "propertyId", BILLS, f={"propertyId": property_id})
    for bill_id in (unknown, foreign_bill["id"]):
        await not_found(world.admin, "billId", PAYMENTS, f={"billId": bill_id})
    # A resident: anyone else, and someone else's bill.
    for resident_id in (unknown, bob.resident_id):
        await not_found(ada.client, "residentId", SUMMARY, r=resident_id)
        await not_found(ada.client, "residentId", BILLS, f={"residentId": resident_id})
        await not_found(ada.client, "residentId", PAYMENTS, f={"residentId": resident_id})
    await not_found(ada.client, "billId", PAYMENTS, f={"billId": bill["id"]})

    # What may be seen still answers.
    summary = await world.admin.ok(SUMMARY, r=bob.resident_id)
    assert summary["billsSummary"]["outstanding"]["amount"] == "10.00"
    bills = await world.admin.ok(BILLS, f={"propertyId": world.property_id})
    assert bills["bills"]["totalCount"] == 1
    assert (await bob.client.ok(BILLS, f={"residentId": bob.resident_id}))["bills"]["totalCount"]
    payments = await bob.client.ok(PAYMENTS, f={"billId": bill["id"]})
    assert payments["payments"]["totalCount"] == 0
