"""Bitcoin behind the gateway interface: a payment's "checkout" is its own address from
the estate's watch-only key (`services.bitcoin`). There are no webhooks: the chain is
watched by a scheduled scan, and `verifyPayment` scans one payment at once. A watch-only
key cannot send bitcoin, so refunds go no further than the estate (use `adjustWallet`)."""

from __future__ import annotations

from typing import ClassVar

from services.bitcoin import http, invoices, rates
from services.bitcoin.chain import Chain
from services.bitcoin.terms import account_key, chain_api
from services.money import to_major
from services.payments.gateways.base import (
    BadWebhook,
    Checkout,
    CircuitBreaker,
    PaymentRequest,
    ProviderError,
    Verification,
    WebhookEvent,
)
from tenants.models import Estate
from tenants.scope import current_scope, tenant_scope


class BitcoinGateway:
    provider = "BITCOIN"
    required_credentials: ClassVar[tuple[str, ...]] = ("xpub", "network")
    webhooks: ClassVar[bool] = False

    def __init__(
        self, credentials: dict[str, str], base_url: str | None, breaker: CircuitBreaker
    ) -> None:
        # Adapters are made in the estate's scope; their calls run outside it.
        self.estate_slug = current_scope().slug
        self.credentials = credentials
        self.network = account_key(credentials).network
        self.base_url = chain_api(base_url, self.network)

    async def create_payment(self, request: PaymentRequest) -> Checkout:
        invoice = await invoices.open_invoice(
            self.estate_slug, request.reference, request.amount, request.currency, self.credentials
        )
        return Checkout(provider_reference=invoice.address)

    async def verify(self, reference: str, provider_reference: str | None = None) -> Verification:
        # verifyPayment scans the payment's address instead (services.bitcoin.watching).
        raise ProviderError("Bitcoin payments are verified against the chain")

    async def refund(
        self,
        reference: str,
        amount: int,
        currency: str,
        provider_reference: str | None,
        refund_key: str,
    ) -> str:
        raise ProviderError(
            "a watch-only Bitcoin wallet cannot send bitcoin back; credit the payer's wallet "
            "with adjustWallet instead"
        )

    def verify_webhook(self, raw_body: bytes, headers: dict[str, str]) -> None:
        raise BadWebhook("Bitcoin sends no webhooks")

    def parse_webhook(self, raw_body: bytes) -> WebhookEvent:
        raise BadWebhook("Bitcoin sends no webhooks")

    async def test_connection(self) -> str:
        async with tenant_scope(self.estate_slug):
            terms = await invoices.terms_of()
        estate = await Estate.get(slug=self.estate_slug)
        async with http.client() as client:
            tip = await Chain(self.base_url, client, http.Backoff(attempts=2)).tip_height()
        rate = await rates.rate_minor(terms.rate_api_url, estate.currency)
        price = f"{to_major(rate, estate.currency)} {estate.currency}"
        return f"{self.network} chain at block {tip}; 1 BTC = {price}"

    def client_config(self) -> dict[str, str]:
        return {"network": self.network}
