"""Paystack through its REST API (httpx): amounts in the minor unit, HMAC-SHA512 hooks."""

from __future__ import annotations

import hashlib
import hmac
from typing import Any, ClassVar

import httpx

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

DEFAULT_BASE_URL = "https://api.paystack.co"
# Anything else (abandoned, ongoing, pending, processing, queued) is not final yet:
# "abandoned" is how Paystack reports a checkout the payer has not completed *so far*, and
# the payer may still pay it; the sweep expires checkouts left too long.
STATUSES = {"success": "SUCCEEDED", "failed": "FAILED", "reversed": "FAILED"}


class PaystackGateway(HttpGateway):
    provider = "PAYSTACK"
    required_credentials: ClassVar[tuple[str, ...]] = ("secretKey",)
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
        self.public_key = credentials.get("publicKey", "")

    def headers(self) -> dict[str, str]:
        return {"Authorization": f"Bearer {self.secret_key}"}

    async def create_payment(self, request: PaymentRequest) -> Checkout:
        body = await self.call(
            "POST",
            "/transaction/initialize",
            json={
                "email": request.email,
                "amount": request.amount,
                "currency": request.currency,
                "reference": request.reference,
                "callback_url": request.callback_url,
                "metadata": {"description": request.description},
            },
        )
        data = _data(body)
        return Checkout(
            provider_reference=str(data["reference"]), checkout_url=str(data["authorization_url"])
        )

    async def verify(self, reference: str, provider_reference: str | None = None) -> Verification:
        data = _data(await self.call("GET", f"/transaction/verify/{reference}"))
        status = STATUSES.get(str(data.get("status")), "PENDING")
        message = str(data.get("gateway_response") or "")
        return Verification(
            status=status,
            amount=int(data["amount"]),
            currency=str(data["currency"]).upper(),
            provider_reference=str(data.get("id") or reference),
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
        data = _data(
            await self.call("POST", "/refund", json={"transaction": reference, "amount": amount})
        )
        return str(data.get("id") or reference)

    def verify_webhook(self, raw_body: bytes, headers: dict[str, str]) -> None:
        given = headers.get("x-paystack-signature", "")
        expected = hmac.new(self.secret_key.encode(), raw_body, hashlib.sha512).hexdigest()
        if not given or not hmac.compare_digest(given, expected):
            raise BadWebhook("bad Paystack signature")

    def parse_webhook(self, raw_body: bytes) -> WebhookEvent:
        return WebhookEvent.from_event_and_data(raw_body, "reference", "Paystack")

    async def test_connection(self) -> str:
        await self.call("GET", "/transaction", params={"perPage": 1})
        return "Paystack accepted the secret key"

    def client_config(self) -> dict[str, str]:
        return {"publicKey": self.public_key}


def _data(body: dict[str, Any]) -> dict[str, Any]:
    if not body.get("status") or not isinstance(body.get("data"), dict):
        raise ProviderError(str(body.get("message") or "Paystack refused the request"))
    data: dict[str, Any] = body["data"]
    return data
