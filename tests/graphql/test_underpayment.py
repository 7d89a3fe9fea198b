"""Money is never silently lost when less arrives than was asked: each provider fake
confirming less, and a bank transfer approved for less. What arrived ends in the bill (a
part payment); the payment records the shortfall; the ledger holds."""

from __future__ import annotations

from collections.abc import Callable
from decimal import Decimal
from typing import Any

import pytest

from estatepay.demo.fakes.flutterwave import FakeFlutterwave
from estatepay.demo.fakes.paystack import FakePaystack
from estatepay.demo.fakes.server import serving
from estatepay.demo.fakes.stripe import FakeStripe
from services.ledger.verify import verify_ledger
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import World, build_world

PAY = """mutation($b: ID!, $p: PaymentProvider!, $k: String!) {
  payBill(billId: $b, provider: $p, idempotencyKey: $k) { id reference } }"""
VERIFY = """mutation($r: String!) { verifyPayment(reference: $r) {
  status failureCode failureMessage amount { amount } shortfall { amount currency } } }"""
BILL = "query($id: ID!) { bill(id: $id) { status amountPaid { amount } balanceDue { amount } } }"
Complete = Callable[[str], None]


def configure(provider: str) -> tuple[dict[str, Any], Any, Complete]:
    """The gateway credentials and the fake, and how its payer pays 40.00 of 100.00."""
    if provider == "PAYSTACK":
        paystack = FakePaystack("sk_test_under")
        return (
            {"secretKey": "sk_test_under", "publicKey": "pk"},
            paystack,
            lambda ref: paystack.complete(ref, amount=4000),
        )
    if provider == "STRIPE":
        stripe = FakeStripe("sk_test_under", "whsec_under")

        def pay_less(reference: str) -> None:
            stripe.complete(reference, amount=4000)

        return ({"secretKey": "sk_test_under", "webhookSecret": "whsec_under"}, stripe, pay_less)
    flutterwave = FakeFlutterwave("FLWSECK_TEST-under", "hash")
    return (
        {"secretKey": "FLWSECK_TEST-under", "webhookHash": "hash"},
        flutterwave,
        lambda ref: flutterwave.complete(ref, amount=Decimal("40.00")),
    )


async def assert_nothing_lost(world: World, bill_id: str, estate_gets: str) -> None:
    bill = (await world.admin.ok(BILL, id=bill_id))["bill"]
    assert bill == {
        "status": "PARTIALLY_PAID",
        "amountPaid": {"amount": "40.00"},
        "balanceDue": {"amount": "60.00"},
    }
    balance = await world.admin.ok("{ estateWallet { balance { amount } } }")
    assert balance["estateWallet"]["balance"]["amount"] == estate_gets
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []


@pytest.mark.parametrize("provider", ["PAYSTACK", "STRIPE", "FLUTTERWAVE"])
async def test_a_provider_confirming_less_settles_what_arrived(
    gql: GraphQLClient, provider: str
) -> None:
    world = await build_world(gql, residents=1, prefix="under")
    ada = world.residents[0]
    credentials, fake, pay_less = configure(provider)
    with serving(fake.app()) as base_url:
        await world.admin.ok(
            "mutation($p: PaymentProvider!, $c: JSON!, $u: String!) { configureGateway(input: "
            '{provider: $p, displayName: "P", credentials: $c, apiBaseUrl: $u}) { id } }',
            p=provider,
            c=credentials,
            u=base_url,
        )
        bill = await world.bill(ada, "100.00")
        started = (await ada.client.ok(PAY, b=bill["id"], p=provider, k="u1"))["payBill"]
        pay_less(started["reference"])
        verified = (await ada.client.ok(VERIFY, r=started["reference"]))["verifyPayment"]
        again = (await ada.client.ok(VERIFY, r=started["reference"]))["verifyPayment"]
    assert verified["status"] == "SUCCEEDED"
    assert verified["failureCode"] == "UNDERPAID"
    assert verified["amount"] == {"amount": "40.00"}
    assert verified["shortfall"] == {"amount": "60.00", "currency": "NGN"}
    assert "60.00 is still owed" in verified["failureMessage"]
    assert again == verified  # applied once
    await assert_nothing_lost(world, bill["id"], "40.00")


@pytest.mark.parametrize("provider", ["PAYSTACK", "STRIPE", "FLUTTERWAVE"])
async def test_a_deposit_confirmed_for_less_credits_what_arrived(
    gql: GraphQLClient, provider: str
) -> None:
    """The wallet side: a top-up of 100.00 of which 40.00 arrives puts 40.00 in the wallet."""
    world = await build_world(gql, residents=1, prefix="underd")
    ada = world.residents[0]
    credentials, fake, pay_less = configure(provider)
    with serving(fake.app()) as base_url:
        await world.admin.ok(
            "mutation($p: PaymentProvider!, $c: JSON!, $u: String!) { configureGateway(input: "
            '{provider: $p, displayName: "P", credentials: $c, apiBaseUrl: $u}) { id } }',
            p=provider,
            c=credentials,
            u=base_url,
        )
        started = await ada.client.ok(
            'mutation($p: PaymentProvider!) { depositToWallet(amount: "100.00", provider: $p, '
            'idempotencyKey: "d1") { reference } }',
            p=provider,
        )
        reference = started["depositToWallet"]["reference"]
        pay_less(reference)
        verified = (await ada.client.ok(VERIFY, r=reference))["verifyPayment"]
        await ada.client.ok(VERIFY, r=reference)
    assert (verified["status"], verified["failureCode"]) == ("SUCCEEDED", "UNDERPAID")
    assert verified["amount"] == {"amount": "40.00"}
    assert verified["shortfall"] == {"amount": "60.00", "currency": "NGN"}
    wallet = await ada.client.ok("{ wallet { balance { amount } } }")
    assert wallet["wallet"]["balance"] == {"amount": "40.00"}  # credited once
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []


async def test_a_bank_transfer_approved_for_less(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="underm")
    ada = world.residents[0]
    bill = await world.bill(ada, "100.00")
    submitted = await ada.client.ok(
        'mutation($b: ID!) { submitManualPayment(billId: $b, amount: "100.00", '
        'bankReference: "TRF-1", idempotencyKey: "m1") { id } }',
        b=bill["id"],
    )
    payment_id = submitted["submitManualPayment"]["id"]
    approve = (
        "mutation($p: ID!, $a: Decimal) { approveManualPayment(paymentId: $p, amount: $a) "
        "{ status failureCode amount { amount } shortfall { amount } } }"
    )
    # (Approved for more: the excess is the payer's credit, tests/graphql/test_prepayment_credit.)
    approved = (await world.admin.ok(approve, p=payment_id, a="40.00"))["approveManualPayment"]
    assert approved == {
        "status": "SUCCEEDED",
        "failureCode": "UNDERPAID",
        "amount": {"amount": "40.00"},
        "shortfall": {"amount": "60.00"},
    }
    await assert_nothing_lost(world, bill["id"], "40.00")
    audit = await audit_rows(world.slug, "approveManualPayment")
    assert audit == [({"status": "PENDING_APPROVAL", "amount": 10000}, 4000)]


async def audit_rows(slug: str, action: str) -> list[tuple[Any, Any]]:
    from services.audit.models import AuditEntry

    async with tenant_scope(slug):
        rows = await AuditEntry.filter(action=action).order_by("id")
    return [(row.before, (row.after or {}).get("amount")) for row in rows]
