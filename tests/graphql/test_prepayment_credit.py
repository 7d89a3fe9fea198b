"""Money that arrives for more than the balance due settles the bill; the rest becomes
the payer's prepayment credit, in the payment's one ledger entry."""

from __future__ import annotations

from collections.abc import AsyncIterator, Iterator
from typing import Any

import pytest

from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from services.ledger.models import JournalEntry, Posting
from services.ledger.verify import verify_ledger
from services.payments.models import Payment
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.graphql.test_provider_payments import SECRET, with_paystack
from tests.world import Person, World, build_world

PAY = """mutation($b: ID!, $k: String!, $a: Decimal) {
  payBill(billId: $b, provider: PAYSTACK, amount: $a, idempotencyKey: $k) {
    id reference status amount { amount } } }"""
VERIFY = """mutation($r: String!) { verifyPayment(reference: $r) {
  status amount { amount } credited { amount } receiptNumber } }"""
BILL = "query($id: ID!) { bill(id: $id) { status amountPaid { amount } balanceDue { amount } } }"
WALLET = """{ wallet { balance { amount } transactions(first: 10) { edges { node {
  kind amount { amount } } } } } }"""


@pytest.fixture
def paystack() -> Iterator[tuple[FakePaystack, str]]:
    fake = FakePaystack(SECRET)
    with serving(fake.app()) as base_url:
        yield fake, base_url


@pytest.fixture
async def setup(gql: GraphQLClient, paystack: tuple[FakePaystack, str]) -> AsyncIterator[Any]:
    fake, base_url = paystack
    world = await build_world(gql, residents=1, prefix="pre")
    await with_paystack(world, base_url)
    yield world, fake


async def credit_of(person: Person) -> tuple[str, list[dict[str, Any]]]:
    wallet = (await person.client.ok(WALLET))["wallet"]
    kinds = [edge["node"] for edge in wallet["transactions"]["edges"]]
    return wallet["balance"]["amount"], kinds


async def one_entry_each(world: World) -> None:
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
        for payment in await Payment.filter(status="SUCCEEDED"):
            entry = await JournalEntry.get(idempotency_key=f"payment:{payment.id}")
            assert await Posting.filter(entry=entry).count() >= 2


async def test_pay_bill_for_more_than_due_credits_the_rest(setup: Any) -> None:
    world, fake = setup
    ada = world.residents[0]
    bill = await world.bill(ada, "100.00")
    started = (await ada.client.ok(PAY, b=bill["id"], k="over", a="150.00"))["payBill"]
    assert started["amount"] == {"amount": "150.00"}
    fake.complete(started["reference"])
    done = (await ada.client.ok(VERIFY, r=started["reference"]))["verifyPayment"]
    assert done["status"] == "SUCCEEDED" and done["credited"] == {"amount": "50.00"}
    shown = (await ada.client.ok(BILL, id=bill["id"]))["bill"]
    assert shown == {
        "status": "PAID",
        "amountPaid": {"amount": "100.00"},
        "balanceDue": {"amount": "0.00"},
    }
    balance, transactions = await credit_of(ada)
    assert balance == "50.00"
    assert transactions == [{"kind": "PREPAYMENT_CREDIT", "amount": {"amount": "50.00"}}]
    await one_entry_each(world)

    # A refund gives back what the bill took; the credit stays the payer's.
    error = await world.admin.error(
        'mutation($p: ID!) { refundPayment(paymentId: $p, amount: "100.01", reason: "x", '
        'idempotencyKey: "r0") { status } }',
        p=started["id"],
    )
    assert (error["extensions"]["code"], error["extensions"]["field"]) == (
        "VALIDATION_ERROR",
        "amount",
    )
    refunded = await world.admin.ok(
        'mutation($p: ID!) { refundPayment(paymentId: $p, reason: "x", idempotencyKey: "r1") '
        "{ status } }",
        p=started["id"],
    )
    assert refunded["refundPayment"]["status"] == "REFUNDED"
    assert (await credit_of(ada))[0] == "50.00"
    await one_entry_each(world)


async def test_a_provider_confirming_more_than_asked_credits_the_rest(setup: Any) -> None:
    world, fake = setup
    ada = world.residents[0]
    bill = await world.bill(ada, "100.00")
    started = (await ada.client.ok(PAY, b=bill["id"], k="more", a=None))["payBill"]
    fake.complete(started["reference"], amount=12_500)  # 125.00 arrived
    done = (await ada.client.ok(VERIFY, r=started["reference"]))["verifyPayment"]
    assert done["status"] == "SUCCEEDED"
    assert (done["amount"], done["credited"]) == ({"amount": "125.00"}, {"amount": "25.00"})
    assert done["receiptNumber"] == "RCT-000001"
    assert (await credit_of(ada))[0] == "25.00"
    # Less than asked is still refused.
    other = await world.bill(ada, "100.00")
    short = (await ada.client.ok(PAY, b=other["id"], k="less", a=None))["payBill"]
    fake.complete(short["reference"], amount=9_000)
    # Less than asked is applied as far as it goes (#17): a receipt for what arrived.
    part = (await ada.client.ok(VERIFY, r=short["reference"]))["verifyPayment"]
    assert part["status"] == "SUCCEEDED" and part["receiptNumber"]
    await one_entry_each(world)


async def test_a_manual_transfer_approved_for_more_credits_the_rest(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    bill = await world.bill(ada, "100.00")
    submitted = await ada.client.ok(
        'mutation($b: ID!) { submitManualPayment(billId: $b, amount: "120.00", '
        'bankReference: "TRF-9", idempotencyKey: "m") { id } }',
        b=bill["id"],
    )
    payment_id = submitted["submitManualPayment"]["id"]
    approved = await world.admin.ok(
        'mutation($p: ID!) { approveManualPayment(paymentId: $p, amount: "130.00") '
        "{ status amount { amount } credited { amount } } }",
        p=payment_id,
    )
    assert approved["approveManualPayment"] == {
        "status": "SUCCEEDED",
        "amount": {"amount": "130.00"},
        "credited": {"amount": "30.00"},
    }
    assert (await credit_of(ada))[0] == "30.00"
    await one_entry_each(world)


async def test_pay_bill_from_wallet_over_the_balance_due_stays_refused(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1)
    ada = world.residents[0]
    await world.fund(ada, "500.00")
    bill = await world.bill(ada, "100.00")
    error = await ada.client.error(
        'mutation($b: ID!) { payBillFromWallet(billId: $b, amount: "100.01", '
        'idempotencyKey: "w") { id } }',
        b=bill["id"],
    )
    assert (error["extensions"]["code"], error["extensions"]["field"]) == (
        "VALIDATION_ERROR",
        "amount",
    )
