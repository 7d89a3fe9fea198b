"""The wallet behind the gateway interface: its payment record is its word, refunds are
confirmed (the refund's ledger entry credits the wallet), and what a wallet cannot do is
refused rather than pretended."""

from __future__ import annotations

import pytest

from services.errors import NotFound, ValidationFailed
from services.payments.gateways.base import (
    BadWebhook,
    PaymentRequest,
    ProviderError,
    Verification,
)
from services.payments.gateways.config import gateway_for
from services.payments.gateways.wallet import WalletGateway
from tenants.scope import tenant_scope
from tenants.settings import get_settings
from tests.conftest import GraphQLClient
from tests.world import build_world

PAY = """mutation($b: ID!, $k: String!) {
  payBillFromWallet(billId: $b, idempotencyKey: $k) { id reference } }"""
REFUND = """mutation($p: ID!, $k: String!) {
  refundPayment(paymentId: $p, reason: "duplicate", idempotencyKey: $k) { status } }"""


async def test_wallet_gateway(gql: GraphQLClient) -> None:
    world = await build_world(gql, residents=1, prefix="wg")
    ada = world.residents[0]
    await world.fund(ada, "100.00")
    bill = await world.bill(ada, "60.00")
    payment = (await ada.client.ok(PAY, b=bill["id"], k="wg"))["payBillFromWallet"]
    reference = payment["reference"]
    key = get_settings().encryption_key
    async with tenant_scope(world.slug):
        gateway = await gateway_for("WALLET", key)
        assert await gateway_for("MANUAL", key) is None
    assert isinstance(gateway, WalletGateway)

    assert await gateway.verify(reference) == Verification("SUCCEEDED", 6000, "NGN", reference)
    assert await gateway.refund(reference, 6000, "NGN", None, "r1") == reference
    with pytest.raises(ProviderError):
        await gateway.refund(reference, 6001, "NGN", None, "r2")
    with pytest.raises(ProviderError):
        await gateway.refund(reference, 100, "USD", None, "r3")
    with pytest.raises(NotFound):
        await gateway.verify("PAY-NOT-OURS")
    # Another estate's wallet gateway does not know this estate's payments.
    other = await build_world(gql, residents=0, prefix="wgb")
    with pytest.raises(NotFound):
        await WalletGateway(other.slug).verify(reference)

    # Refunded through the API (which asks the wallet gateway), it is still a paid charge.
    refunded = await world.admin.ok(REFUND, p=payment["id"], k="wg-refund")
    assert refunded["refundPayment"]["status"] == "REFUNDED"
    assert (await gateway.verify(reference)).status == "SUCCEEDED"
    wallet = await ada.client.ok("{ wallet { balance { amount } } }")
    assert wallet["wallet"]["balance"]["amount"] == "100.00"

    with pytest.raises(ValidationFailed):
        await gateway.create_payment(
            PaymentRequest(reference, 6000, "NGN", "ada@test.example", None, "x")
        )
    with pytest.raises(BadWebhook):
        gateway.verify_webhook(b"{}", {})
    with pytest.raises(BadWebhook):
        gateway.parse_webhook(b"{}")
    assert "nothing to connect" in await gateway.test_connection()
    assert gateway.client_config() == {}
