from __future__ import annotations

from collections.abc import Iterator

import pytest

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.ledger.verify import verify_ledger
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import build_world

PAY = """mutation($b: ID!, $k: String!) {
  payBillFromWallet(billId: $b, idempotencyKey: $k) { id } }"""
REFUND = """mutation($p: ID!, $a: Decimal, $k: String!) {
  refundPayment(paymentId: $p, amount: $a, reason: "overcharged", idempotencyKey: $k) {
    status } }"""
STATE = """query($id: ID!) { bill(id: $id) { status amountPaid { amount } }
  estateWallet { balance { amount } } }"""


async def test_partial_then_full_refund_of_a_wallet_payment(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    bill = await world.bill(ada, "100.00")
    payment = (await ada.client.ok(PAY, b=bill["id"], k="p"))["payBillFromWallet"]

    first = await world.admin.ok(REFUND, p=payment["id"], a="30.00", k="r1")
    assert first["refundPayment"]["status"] == "PARTIALLY_REFUNDED"
    again = await world.admin.ok(REFUND, p=payment["id"], a="30.00", k="r1")  # a retry
    assert again == first
    assert await world.admin.ok(STATE, id=bill["id"]) == {
        "bill": {"status": "PARTIALLY_PAID", "amountPaid": {"amount": "70.00"}},
        "estateWallet": {"balance": {"amount": "70.00"}},
    }
    error = await world.admin.error(REFUND, p=payment["id"], a="70.01", k="r2")
    assert error["extensions"] == {"code": "VALIDATION_ERROR", "field": "amount"}
    rest = await world.admin.ok(REFUND, p=payment["id"], k="r3")
    assert rest["refundPayment"]["status"] == "REFUNDED"
    assert await world.admin.ok(STATE, id=bill["id"]) == {
        "bill": {"status": "ACKNOWLEDGED", "amountPaid": {"amount": "0.00"}},
        "estateWallet": {"balance": {"amount": "0.00"}},
    }
    wallet = await ada.client.ok("{ wallet { balance { amount } } }")
    assert wallet["wallet"]["balance"]["amount"] == "100.00"
    error = await world.admin.error(REFUND, p=payment["id"], a="1.00", k="r4")
    assert error["extensions"]["code"] == "INVALID_STATE"
    error = await ada.client.error(REFUND, p=payment["id"], a="1.00", k="r5")
    assert error["extensions"]["code"] == "FORBIDDEN"
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack("sk_test_refunds")
    with serving(fake.app()) as base_url:
        yield fake, base_url


async def test_provider_refund_goes_back_through_the_provider(
    gql: GraphQLClient, paystack: tuple[FakePaystack, str]
) -> None:
    fake, base_url = paystack
    world = await build_world(gql, residents=1)
    await world.admin.ok(
        "mutation($u: String!) { configureGateway(input: {provider: PAYSTACK, "
        'displayName: "P", credentials: {secretKey: "sk_test_refunds"}, apiBaseUrl: $u, '
        "isDefault: true}) { id } }",
        u=base_url,
    )
    ada = world.residents[0]
    bill = await world.bill(ada, "50.00")
    started = (
        await ada.client.ok(
            'mutation($b: ID!) { payBill(billId: $b, idempotencyKey: "pp") { reference id } }',
            b=bill["id"],
        )
    )["payBill"]
    fake.complete(started["reference"])
    await ada.client.ok(
        "mutation($r: String!) { verifyPayment(reference: $r) { status } }", r=started["reference"]
    )
    await world.admin.ok(REFUND, p=started["id"], a="20.00", k="pr1")
    assert fake.transactions[started["reference"]].refunded == 2000

    fake.failing_with = 500  # the provider refuses: the ledger is put back
    error = await world.admin.error(REFUND, p=started["id"], a="10.00", k="pr2")
    assert error["extensions"]["code"] == "PROVIDER_ERROR"
    assert await world.admin.ok(STATE, id=bill["id"]) == {
        "bill": {"status": "PARTIALLY_PAID", "amountPaid": {"amount": "30.00"}},
        "estateWallet": {"balance": {"amount": "30.00"}},
    }
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
