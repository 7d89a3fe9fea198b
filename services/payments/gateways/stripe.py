"""Stripe through the official SDK (async): a hosted Checkout Session per payment, our
reference in its metadata, idempotency keys passed through, signed webhooks."""

from __future__ import annotations

import json
from collections.abc import Awaitable, Callable
from typing import Any, ClassVar

import httpx
import stripe

from services.payments.gateways.base import (
    CALL_TIMEOUT,
    BadWebhook,
    Checkout,
    CircuitBreaker,
    PaymentRequest,
    ProviderError,
    Verification,
    WebhookEvent,
    failure_from_status,
)

DEFAULT_SUCCESS_URL = "https://estatepay.invalid/paid"
# Stripe's decline_code (the issuer's reason) where it gives one, else its error code.
DECLINES = {
    "insufficient_funds": "INSUFFICIENT_FUNDS",
    "expired_card": "EXPIRED_CARD",
    "incorrect_number": "INVALID_CARD",
    "invalid_number": "INVALID_CARD",
    "invalid_expiry_month": "INVALID_CARD",
    "invalid_expiry_year": "INVALID_CARD",
    "incorrect_cvc": "INVALID_CARD",
    "invalid_cvc": "INVALID_CARD",
    "card_declined": "DECLINED_CARD",
    "processing_error": "PROVIDER_ERROR",  # Stripe's own failure, not the card's
}


def card_failure(code: str | None, decline_code: str | None) -> str:
    """A card error's failureCode: a decline says why in `decline_code` (`card_declined`
    with `insufficient_funds`); anything unnamed is a plain decline."""
    return DECLINES.get(decline_code or "") or DECLINES.get(code or "") or "DECLINED_CARD"


def failure_of(exc: stripe.StripeError) -> str:
    """The failureCode of any error the Stripe SDK raises."""
    if isinstance(exc, stripe.CardError):
        return card_failure(exc.code, exc.error.decline_code if exc.error else None)
    if isinstance(exc, stripe.AuthenticationError | stripe.PermissionError):
        return "AUTHENTICATION_ERROR"
    if isinstance(exc, stripe.APIConnectionError):
        # The SDK wraps every transport failure alike; the cause tells a timeout apart.
        timed_out = isinstance(exc.__cause__, httpx.TimeoutException)
        return "TIMEOUT_ERROR" if timed_out else "NETWORK_ERROR"
    return failure_from_status(exc.http_status or 500)


def intent_verification(intent: Any) -> Verification:
    """A PaymentIntent as the provider's word: `succeeded` is paid; back to
    `requires_payment_method` (a declined confirmation) or `canceled` is failed."""
    found = intent.to_dict()
    error = found.get("last_payment_error") or {}
    if intent.status == "succeeded":
        status = "SUCCEEDED"
    elif intent.status in ("requires_payment_method", "canceled"):
        status = "FAILED"
    else:
        status = "PENDING"
    failed = status == "FAILED"
    return Verification(
        status=status,
        amount=int(found.get("amount_received") or found.get("amount") or 0),
        currency=str(intent.currency or "").upper(),
        provider_reference=str(intent.id),
        failure_code=card_failure(error.get("code"), error.get("decline_code")) if failed else None,
        failure_message=(error.get("message") or "the card was declined") if failed else None,
    )


class StripeGateway:
    provider = "STRIPE"
    required_credentials: ClassVar[tuple[str, ...]] = ("secretKey", "webhookSecret")
    webhooks: ClassVar[bool] = True

    def __init__(
        self,
        credentials: dict[str, str],
        base_url: str | None,
        breaker: CircuitBreaker,
        timeout: httpx.Timeout = CALL_TIMEOUT,
    ) -> None:
        self.webhook_secret = credentials["webhookSecret"]
        self.publishable_key = credentials.get("publishableKey", "")
        self.breaker = breaker
        self.secret_key = credentials["secretKey"]
        self.timeout = timeout
        self.base_url = base_url

    async def _call(self, request: Callable[[stripe.StripeClient], Awaitable[Any]]) -> Any:
        """One SDK call on an HTTP client of its own, closed after it (an SDK client left
        open holds its connections until the garbage collector finds it)."""
        self.breaker.check("Stripe")
        # Our timeout, not the SDK's 80 s default; no retries of the SDK's own.
        http = stripe.HTTPXClient(timeout=self.timeout, allow_sync_methods=False)
        options: dict[str, Any] = {"http_client": http, "max_network_retries": 0}
        if self.base_url:
            options["base_addresses"] = {"api": self.base_url.rstrip("/")}
        try:
            result = await request(stripe.StripeClient(self.secret_key, **options))
        except stripe.CardError as exc:
            self.breaker.succeeded()
            message = exc.user_message or "the card was declined"
            raise ProviderError(message, failure_of(exc)) from exc
        except (stripe.AuthenticationError, stripe.PermissionError) as exc:
            self.breaker.succeeded()
            raise ProviderError("Stripe refused our credentials", failure_of(exc)) from exc
        except stripe.APIConnectionError as exc:
            self.breaker.failed()
            code = failure_of(exc)
            message = "Stripe timed out" if code == "TIMEOUT_ERROR" else "Stripe unreachable"
            raise ProviderError(message, code) from exc
        except stripe.StripeError as exc:
            if (exc.http_status or 500) >= 500:
                self.breaker.failed()
            raise ProviderError(f"Stripe: {exc.user_message or exc}", failure_of(exc)) from exc
        finally:
            await http.close_async()
        self.breaker.succeeded()
        return result

    async def create_payment(self, request: PaymentRequest) -> Checkout:
        session = await self._call(
            lambda client: client.v1.checkout.sessions.create_async(
                params={
                    "mode": "payment",
                    "client_reference_id": request.reference,
                    "customer_email": request.email,
                    "success_url": request.callback_url or DEFAULT_SUCCESS_URL,
                    "metadata": {"reference": request.reference},
                    "payment_intent_data": {"metadata": {"reference": request.reference}},
                    "line_items": [
                        {
                            "quantity": 1,
                            "price_data": {
                                "currency": request.currency.lower(),
                                "unit_amount": request.amount,
                                "product_data": {"name": request.description},
                            },
                        }
                    ],
                },
                options={"idempotency_key": f"checkout:{request.reference}"},
            )
        )
        return Checkout(provider_reference=session.id, checkout_url=session.url)

    # The saved-card calls (services.payment_methods) go through the same plumbing.
    call = _call

    async def verify(self, reference: str, provider_reference: str | None = None) -> Verification:
        if not provider_reference:
            raise ProviderError("no Stripe Checkout Session for this payment")
        if provider_reference.startswith("pi_"):  # an off-session charge of a saved card
            return await self._verify_intent(provider_reference)
        session = await self._call(
            lambda client: client.v1.checkout.sessions.retrieve_async(provider_reference)
        )
        if session.payment_status == "paid":
            status = "SUCCEEDED"
        elif session.status == "expired":
            status = "FAILED"
        else:
            status = "PENDING"
        return Verification(
            status=status,
            amount=int(session.amount_total or 0),
            currency=str(session.currency or "").upper(),
            provider_reference=str(session.payment_intent or session.id),
            failure_code="EXPIRED" if status == "FAILED" else None,
            failure_message="the Stripe checkout expired" if status == "FAILED" else None,
        )

    async def _verify_intent(self, intent_id: str) -> Verification:
        intent = await self._call(
            lambda client: client.v1.payment_intents.retrieve_async(intent_id)
        )
        return intent_verification(intent)

    async def refund(
        self,
        reference: str,
        amount: int,
        currency: str,
        provider_reference: str | None,
        refund_key: str,
    ) -> str:
        verified = await self.verify(reference, provider_reference)
        refund = await self._call(
            lambda client: client.v1.refunds.create_async(
                params={"payment_intent": verified.provider_reference, "amount": amount},
                # One key per refund we make: two equal partial refunds are two.
                options={"idempotency_key": refund_key},
            )
        )
        return str(refund.id)

    def verify_webhook(self, raw_body: bytes, headers: dict[str, str]) -> None:
        try:
            stripe.WebhookSignature.verify_header(
                raw_body.decode(),
                headers.get("stripe-signature", ""),
                self.webhook_secret,
                tolerance=300,
            )
        except (stripe.SignatureVerificationError, UnicodeDecodeError) as exc:
            raise BadWebhook("bad or stale Stripe signature") from exc

    def parse_webhook(self, raw_body: bytes) -> WebhookEvent:
        try:
            payload: dict[str, Any] = json.loads(raw_body)
            obj = payload["data"]["object"]
            reference = (obj.get("metadata") or {}).get("reference") or obj.get(
                "client_reference_id"
            )
            return WebhookEvent(
                event_id=str(payload["id"]),
                type=str(payload["type"]),
                reference=str(reference) if reference else None,
                payload=payload,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BadWebhook("not a Stripe event") from exc

    async def test_connection(self) -> str:
        await self._call(lambda client: client.v1.balance.retrieve_async())
        return "Stripe accepted the secret key"

    def client_config(self) -> dict[str, str]:
        return {"publishableKey": self.publishable_key}
