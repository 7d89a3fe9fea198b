"""Stripe end to end on PostgreSQL and Redis: the official SDK talks to a fake Stripe over
HTTP; a signed webhook goes through the shim to a real worker."""

from __future__ import annotations

import time
from collections.abc import Iterator

import httpx
import pytest

from estatepay.demo.fakes.server import serving
from estatepay.demo.fakes.stripe import FakeStripe
from services.ledger.verify import verify_ledger
from tenants.scope import tenant_scope
from tests.conftest import GraphQLClient
from tests.world import build_world, eventually, status_of

SECRET, WEBHOOK_SECRET = "sk_test_fake_stripe", "whsec_fake"


@pytest.fixture
def fake_stripe() -> Iterator[tuple[FakeStripe, str]]:
    fake = FakeStripe(SECRET, WEBHOOK_SECRET)
    with serving(fake.app()) as base_url:
        yield fake, base_url


async def test_bill_payment_and_refund_through_stripe(
    gql: GraphQLClient,
    http: httpx.AsyncClient,
    fake_stripe: tuple[FakeStripe, str],
    worker: None,
) -> None:
    fake, base_url = fake_stripe
    world = await build_world(gql, residents=1, prefix="st")
    await world.admin.ok(
        "mutation($c: JSON!, $u: String!) { configureGateway(input: {provider: STRIPE, "
        'displayName: "Stripe", credentials: $c, apiBaseUrl: $u, isDefault: true}) { id } }',
        c={"secretKey": SECRET, "webhookSecret": WEBHOOK_SECRET},
        u=base_url,
    )
    ada = world.residents[0]
    bill = await world.bill(ada, "75.50")
    started = (
        await ada.client.ok(
            'mutation($b: ID!) { payBill(billId: $b, idempotencyKey: "s1") '
            "{ id reference checkoutUrl status } }",
            b=bill["id"],
        )
    )["payBill"]
    session = fake.session_for(started["reference"])
    assert (session.amount, session.currency) == (7550, "ngn")
    assert started["checkoutUrl"] == f"https://checkout.fake-stripe/{session.id}"

    fake.complete(started["reference"])
    url = f"/webhooks/stripe/{world.slug}"
    stale_body, stale = fake.webhook(started["reference"], timestamp=int(time.time()) - 3600)
    assert (await http.post(url, content=stale_body, headers=stale)).status_code == 400
    body, headers = fake.webhook(started["reference"])
    assert (await http.post(url, content=body, headers=headers)).status_code == 200

    async def paid() -> bool:
        return (await status_of(ada.client, started["reference"]))["status"] == "SUCCEEDED"

    await eventually(paid)
    refunded = await world.admin.ok(
        'mutation($p: ID!) { refundPayment(paymentId: $p, amount: "25.50", reason: "waiver", '
        'idempotencyKey: "sr1") { status } }',
        p=started["id"],
    )
    assert refunded["refundPayment"]["status"] == "PARTIALLY_REFUNDED"
    assert session.refunded == 2550
    # A second refund of the same amount is a second refund at Stripe too (its
    # Idempotency-Key is the refund's own, not the payment and amount).
    await world.admin.ok(
        'mutation($p: ID!) { refundPayment(paymentId: $p, amount: "25.50", reason: "waiver", '
        'idempotencyKey: "sr2") { status } }',
        p=started["id"],
    )
    assert session.refunded == 5100
    async with tenant_scope(world.slug):
        assert await verify_ledger() == []
    test = await world.admin.ok("{ gateways { id } }")
    result = await world.admin.ok(
        "mutation($id: ID!) { testGatewayConnection(id: $id) { ok message } }",
        id=test["gateways"][0]["id"],
    )
    assert result["testGatewayConnection"] == {
        "ok": True,
        "message": "Stripe accepted the secret key",
    }
