"""The resident's wallet behind the gateway interface. The wallet is its own provider:
its payments are made and settled at once by `pay_bill_from_wallet` (which needs the
payer's PIN), so the payment record is its word, and a refund has already landed in the
wallet through the refund's own ledger entry by the time the gateway is asked."""

from __future__ import annotations

from services.errors import ValidationFailed
from services.payments import wallet_payments
from services.payments.gateways.base import (
    BadWebhook,
    Checkout,
    PaymentRequest,
    ProviderError,
    Verification,
    WebhookEvent,
)
from tenants.scope import tenant_scope

# A wallet payment that succeeded stays succeeded when refunded, as a provider's charge.
PAID = frozenset({"SUCCEEDED", "PARTIALLY_REFUNDED", "REFUNDED"})


class WalletGateway:
    provider = "WALLET"

    def __init__(self, estate_slug: str) -> None:
        # Called outside any scope, like every gateway: it opens the estate's own.
        self.estate_slug = estate_slug

    async def create_payment(self, request: PaymentRequest) -> Checkout:
        # Meaningless for a wallet: paying needs the bill and the PIN, not a checkout.
        raise ValidationFailed("pay from the wallet with payBillFromWallet", field="provider")

    async def verify(self, reference: str, provider_reference: str | None = None) -> Verification:
        async with tenant_scope(self.estate_slug):
            payment = await wallet_payments.wallet_payment(reference)
        paid = payment.status in PAID
        return Verification(
            status="SUCCEEDED" if paid else "FAILED",
            amount=payment.amount,
            currency=payment.currency,
            provider_reference=payment.reference,
            failure_code=None if paid else payment.failure_code or "PROVIDER_ERROR",
            failure_message=None if paid else payment.failure_message,
        )

    async def refund(
        self,
        reference: str,
        amount: int,
        currency: str,
        provider_reference: str | None,
        refund_key: str,
    ) -> str:
        # Nothing to send: the refund's ledger entry credited the wallet. Confirm it
        # could, as a provider would; a refusal makes the caller reverse that entry.
        verified = await self.verify(reference)
        if verified.status != "SUCCEEDED" or currency != verified.currency:
            raise ProviderError(f"wallet payment {reference} cannot be refunded")
        if amount > verified.amount:
            raise ProviderError(f"wallet payment {reference} was for less than that")
        return reference

    def verify_webhook(self, raw_body: bytes, headers: dict[str, str]) -> None:
        raise BadWebhook("the wallet sends no webhooks")  # meaningless for a wallet

    def parse_webhook(self, raw_body: bytes) -> WebhookEvent:
        raise BadWebhook("the wallet sends no webhooks")  # meaningless for a wallet

    async def test_connection(self) -> str:
        return "the wallet is part of estatepay: there is nothing to connect to"

    def client_config(self) -> dict[str, str]:
        return {}  # the wallet needs no client keys
