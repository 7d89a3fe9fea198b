"""Flutterwave v3 through its REST API (httpx): amounts in major units, `verif-hash`."""

from __future__ import annotations

import hmac
from decimal import Decimal
from typing import Any, ClassVar

import httpx

from services.money import exponent, to_major
from services.payments.gateways.base import (
    CALL_TIMEOUT,
    BadWebhook,
    Checkout,
    CircuitBreaker,
    HttpGateway,
    PaymentRequest,
    ProviderError,
    Verification,
    WebhookEvent,
    failure_from_message,
)

DEFAULT_BASE_URL = "https://api.flutterwave.com/v3"
STATUSES = {"successful": "SUCCEEDED", "failed": "FAILED", "cancelled": "FAILED"}


def _minor(amount: Any, currency: str) -> int:
    """Flutterwave sends major units as JSON numbers: read them exactly, via text."""
    return int((Decimal(str(amount)) * (Decimal(10) ** exponent(currency))).to_integral_value())


class FlutterwaveGateway(HttpGateway):
    provider = "FLUTTERWAVE"
    required_credentials: ClassVar[tuple[str, ...]] = ("secretKey", "webhookHash")
    webhooks: ClassVar[bool] = True

    def __init__(
        self,
        credentials: dict[str, str],
        base_url: str | None,
        breaker: CircuitBreaker,
        timeout: httpx.Timeout = CALL_TIMEOUT,
    ) -> None:
        super().__init__(base_url or DEFAULT_BASE_URL, breaker, timeout)
        self.secret_key = credentials["secretKey"]
        self.webhook_hash = credentials["webhookHash"]
        self.public_key = credentials.get("publicKey", "")

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secret_key}"}

    async def create_payment(self, request: PaymentRequest) -> Checkout:
        data = _data(
            await self.call(
                "POST",
                "/payments",
                json={
                    "tx_ref": request.reference,
                    "amount": str(to_major(request.amount, request.currency)),
                    "currency": request.currency,
                    "redirect_url": request.callback_url,
                    "customer": {"email": request.email},
                    "customizations": {"title": request.description},
                },
            )
        )
        return Checkout(provider_reference=request.reference, checkout_url=str(data["link"]))

    async def _transaction(self, reference: str) -> dict[str, Any]:
        return _data(
            await self.call(
                "GET", "/transactions/verify_by_reference", params={"tx_ref": reference}
            )
        )

    async def verify(self, reference: str, provider_reference: str | None = None) -> Verification:
        data = await self._transaction(reference)
        currency = str(data["currency"]).upper()
        status = STATUSES.get(str(data.get("status")), "PENDING")
        message = str(data.get("processor_response") or "")
        return Verification(
            status=status,
            amount=_minor(data["amount"], currency),
            currency=currency,
            provider_reference=str(data["id"]),
            failure_code=failure_from_message(message) if status == "FAILED" else None,
            failure_message=message if status == "FAILED" else None,
        )

    async def refund(
        self,
        reference: str,
        amount: int,
        currency: str,
        provider_reference: str | None,
        refund_key: str,
    ) -> str:
        transaction_id = (await self._transaction(reference))["id"]
        data = _data(
            await self.call(
                "POST",
                f"/transactions/{transaction_id}/refund",
                json={"amount": str(to_major(amount, currency))},
            )
        )
        return str(data.get("id") or transaction_id)

    def verify_webhook(self, raw_body: bytes, headers: dict[str, str]) -> None:
        given = headers.get("verif-hash", "")
        if not given or not hmac.compare_digest(given, self.webhook_hash):
            raise BadWebhook("bad Flutterwave verif-hash")

    def parse_webhook(self, raw_body: bytes) -> WebhookEvent:
        event = WebhookEvent.from_event_and_data(raw_body, "tx_ref", "Flutterwave")
        if event.type != "transfer.completed":
            return event
        # A transfer's reference is `reference` (a charge's is `tx_ref`), and one transfer
        # may be reported twice with different outcomes: each is its own event.
        data = event.payload["data"]
        status = str(data.get("status") or "")
        reference = data.get("reference")
        return WebhookEvent(
            event_id=f"{event.event_id}:{status}"[:200],
            type=event.type,
            reference=str(reference) if reference else None,
            payload=event.payload,
        )

    async def test_connection(self) -> str:
        await self.call("GET", "/balances")
        return "Flutterwave accepted the secret key"

    def client_config(self) -> dict[str, str]:
        return {"publicKey": self.public_key}


def _data(body: dict[str, Any]) -> dict[str, Any]:
    if body.get("status") != "success" or not isinstance(body.get("data"), dict | list):
        raise ProviderError(str(body.get("message") or "Flutterwave refused the request"))
    data = body["data"]
    return data if isinstance(data, dict) else {"items": data}
