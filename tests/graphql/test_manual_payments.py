from __future__ import annotations

import asyncio

from services.identity.accounts import add_membership, find_or_create_user
from services.ledger.verify import verify_ledger
from tenants.models import Estate
from tenants.scope import tenant_scope
from tests.conftest import PASSWORD, GraphQLClient
from tests.world import build_world

SUBMIT = """mutation($b: ID!, $k: String!) { submitManualPayment(billId: $b, amount: "40.00",
  bankReference: "TRF-123", note: "paid at GTB", idempotencyKey: $k) { id status provider } }"""
APPROVE = 'mutation($p: ID!) { approveManualPayment(paymentId: $p, note: "seen") { status } }'
REJECT = (
    'mutation($p: ID!) { rejectManualPayment(paymentId: $p, note: "no such transfer") '
    "{ status failureMessage } }"
)


async def test_two_admins_approving_at_once_apply_it_once(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    estate = await Estate.get(slug=world.slug)
    second_admin, _ = await find_or_create_user(f"second@{world.slug}.test", "Second", PASSWORD)
    await add_membership(second_admin, estate.id, "ADMIN")
    other = await gql.as_tenant(world.slug).login(f"second@{world.slug}.test")
    ada = world.residents[0]
    bill = await world.bill(ada, "100.00")
    payment = (await ada.client.ok(SUBMIT, b=bill["id"], k="m1"))["submitManualPayment"]
    assert payment["status"] == "PENDING_APPROVAL" and payment["provider"] == "MANUAL"
    error = await ada.client.error(APPROVE, p=payment["id"])
    assert error["extensions"]["code"] == "FORBIDDEN"

    results = await asyncio.gather(
        *(admin.ok(APPROVE, p=payment["id"]) for admin in [world.admin, other] * 5)
    )
    assert {r["approveManualPayment"]["status"] for r in results} == {"SUCCEEDED"}
    data = await world.admin.ok(
        "query($id: ID!) { bill(id: $id) { amountPaid { amount } status } "
        "estateWallet { balance { amount } } }",
        id=bill["id"],
    )
    assert data == {
        "bill": {"amountPaid": {"amount": "40.00"}, "status": "PARTIALLY_PAID"},
        "estateWallet": {"balance": {"amount": "40.00"}},
    }
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
    error = await world.admin.error(REJECT, p=payment["id"])
    assert error["extensions"]["code"] == "INVALID_STATE"


async def test_reject_leaves_the_bill_payable(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    bill = await world.bill(ada, "100.00")
    payment = (await ada.client.ok(SUBMIT, b=bill["id"], k="m2"))["submitManualPayment"]
    rejected = (await world.admin.ok(REJECT, p=payment["id"]))["rejectManualPayment"]
    assert rejected == {"status": "FAILED", "failureMessage": "no such transfer"}
    error = await world.admin.error(APPROVE, p=payment["id"])
    assert error["extensions"]["code"] == "INVALID_STATE"
    again = (await ada.client.ok(SUBMIT, b=bill["id"], k="m3"))["submitManualPayment"]
    assert again["status"] == "PENDING_APPROVAL"
    status = await ada.client.ok("query($id: ID!) { bill(id: $id) { status } }", id=bill["id"])
    assert status["bill"]["status"] == "ACKNOWLEDGED"
