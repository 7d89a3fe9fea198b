"""The gateway interface every provider adapter implements, and what they share:
categorised provider errors, timeouts and a circuit breaker per estate and provider."""

from __future__ import annotations

import json
import ssl
import time
from dataclasses import dataclass, field
from typing import Any, Protocol

import certifi
import httpx

from services.errors import DomainError

# API.md's failureCode categories.
FAILURE_CODES = frozenset(
    {
        "INSUFFICIENT_FUNDS",
        "INVALID_CARD",
        "EXPIRED_CARD",
        "DECLINED_CARD",
        "NETWORK_ERROR",
        "PROVIDER_ERROR",
        "TIMEOUT_ERROR",
        "AUTHENTICATION_ERROR",
        "UNDERPAID",
        "EXPIRED",
    }
)
CALL_TIMEOUT = httpx.Timeout(10.0, connect=5.0)
# Loading the CA bundle is most of what a new httpx client costs (~20 ms of CPU per
# provider call, measured by bench/webhooks.py): build the TLS context once.
_TLS = ssl.create_default_context(cafile=certifi.where())
# The card network's reason for a failed charge, as Paystack and Flutterwave pass it on
# in free text: the first phrase found wins, so the specific ones come first.
DECLINE_MESSAGES: tuple[tuple[str, str], ...] = (
    ("insufficient", "INSUFFICIENT_FUNDS"),
    ("not sufficient funds", "INSUFFICIENT_FUNDS"),
    ("expired card", "EXPIRED_CARD"),
    ("card expired", "EXPIRED_CARD"),
    ("card has expired", "EXPIRED_CARD"),
    ("invalid card", "INVALID_CARD"),
    ("card number", "INVALID_CARD"),
    ("invalid expiry", "INVALID_CARD"),
    ("cvv", "INVALID_CARD"),
    ("timed out", "TIMEOUT_ERROR"),
    ("timeout", "TIMEOUT_ERROR"),
    ("expired", "EXPIRED"),  # the checkout or session, not the card (matched above)
    ("declined", "DECLINED_CARD"),
    ("do not honor", "DECLINED_CARD"),
    ("do not honour", "DECLINED_CARD"),
    ("not permitted", "DECLINED_CARD"),
    ("restricted card", "DECLINED_CARD"),
    ("lost card", "DECLINED_CARD"),
    ("stolen card", "DECLINED_CARD"),
)


def failure_from_message(message: str) -> str:
    """The failureCode for a provider's free-text reason a charge failed."""
    lowered = message.lower()
    return next((code for words, code in DECLINE_MESSAGES if words in lowered), "PROVIDER_ERROR")


def failure_from_status(status: int) -> str:
    """The failureCode for a provider's HTTP error status."""
    if status in (401, 403):
        return "AUTHENTICATION_ERROR"
    if status in (408, 504):  # the provider, or a gateway in front of it, timed out
        return "TIMEOUT_ERROR"
    return "PROVIDER_ERROR"


class ProviderError(DomainError):
    code = "PROVIDER_ERROR"

    def __init__(
        self, message: str, failure_code: str = "PROVIDER_ERROR", status: int | None = None
    ) -> None:
        super().__init__(message)
        self.failure_code = failure_code if failure_code in FAILURE_CODES else "PROVIDER_ERROR"
        # The provider's HTTP status when it answered with a refusal (4xx), else None.
        self.status = status


class ProviderUnavailable(DomainError):
    code = "PROVIDER_UNAVAILABLE"


class BadWebhook(ValueError):
    """A webhook whose signature or body is not the provider's: answer 400, store nothing."""


@dataclass(frozen=True)
class Checkout:
    """What the payer needs to pay: a hosted page, a client secret, or an address."""

    provider_reference: str
    checkout_url: str | None = None
    client_secret: str | None = None


@dataclass(frozen=True)
class Verification:
    """The provider's own word on a payment."""

    status: str  # SUCCEEDED, FAILED, PENDING
    amount: int  # minor units
    currency: str
    provider_reference: str
    failure_code: str | None = None
    failure_message: str | None = None


@dataclass(frozen=True)
class WebhookEvent:
    event_id: str
    type: str
    # Our payment reference when the event is about a payment, else None.
    reference: str | None
    payload: dict[str, Any] = field(default_factory=dict)

    @classmethod
    def from_event_and_data(
        cls, raw_body: bytes, reference_key: str, provider: str
    ) -> WebhookEvent:
        """Paystack's and Flutterwave's shape: `{"event": ..., "data": {"id": ...,
        <reference_key>: our reference}}`, one event id per (event, transaction)."""
        try:
            payload: dict[str, Any] = json.loads(raw_body)
            event, data = str(payload["event"]), payload["data"]
            reference = data.get(reference_key)
            return cls(
                event_id=f"{event}:{data['id']}",
                type=event,
                reference=str(reference) if reference else None,
                payload=payload,
            )
        except (ValueError, KeyError, TypeError, AttributeError) as exc:
            raise BadWebhook(f"not a {provider} event") from exc


@dataclass(frozen=True)
class PaymentRequest:
    reference: str
    amount: int
    currency: str
    email: str
    callback_url: str | None
    description: str


class Gateway(Protocol):
    provider: str

    async def create_payment(self, request: PaymentRequest) -> Checkout: ...
    # `provider_reference`: the provider's own id for the payment, where it needs one.
    async def verify(
        self, reference: str, provider_reference: str | None = None
    ) -> Verification: ...
    async def refund(
        self,
        reference: str,
        amount: int,
        currency: str,
        provider_reference: str | None,
        refund_key: str,
    ) -> str: ...
    def verify_webhook(self, raw_body: bytes, headers: dict[str, str]) -> None: ...
    def parse_webhook(self, raw_body: bytes) -> WebhookEvent: ...
    async def test_connection(self) -> str: ...
    def client_config(self) -> dict[str, str]: ...


class CircuitBreaker:
    """Fails fast after `threshold` consecutive failures, for `cooldown` seconds; one
    trial call is let through after that."""

    def __init__(self, threshold: int = 5, cooldown: float = 30.0) -> None:
        self.threshold, self.cooldown = threshold, cooldown
        self.failures = 0
        self.opened_at: float | None = None

    def check(self, name: str) -> None:
        if self.opened_at is None:
            return
        if time.monotonic() - self.opened_at < self.cooldown:
            raise ProviderUnavailable(f"{name} is unavailable; try again shortly")
        self.opened_at = None  # half-open: let one call try

    def succeeded(self) -> None:
        self.failures, self.opened_at = 0, None

    def failed(self) -> None:
        self.failures += 1
        if self.failures >= self.threshold:
            self.opened_at = time.monotonic()


_breakers: dict[tuple[str, str], CircuitBreaker] = {}


def breaker_for(estate_slug: str, provider: str) -> CircuitBreaker:
    return _breakers.setdefault((estate_slug, provider), CircuitBreaker())


class HttpGateway:
    """Shared plumbing of the httpx adapters: timeouts, breaker, error categories."""

    provider = "HTTP"

    def __init__(
        self, base_url: str, breaker: CircuitBreaker, timeout: httpx.Timeout = CALL_TIMEOUT
    ) -> None:
        self.base_url = base_url.rstrip("/")
        self.breaker = breaker
        self.timeout = timeout

    def headers(self) -> dict[str, str]:
        return {}

    async def call(self, method: str, path: str, **kwargs: Any) -> dict[str, Any]:
        name = self.provider.title()
        self.breaker.check(name)
        try:
            async with httpx.AsyncClient(timeout=self.timeout, verify=_TLS) as client:
                response = await client.request(
                    method, f"{self.base_url}{path}", headers=self.headers(), **kwargs
                )
        except httpx.TimeoutException as exc:
            self.breaker.failed()
            raise ProviderError(f"{name} timed out", "TIMEOUT_ERROR") from exc
        except httpx.TransportError as exc:
            self.breaker.failed()
            raise ProviderError(f"{name} unreachable", "NETWORK_ERROR") from exc
        status = response.status_code
        if status >= 500:
            self.breaker.failed()
            raise ProviderError(f"{name} failed ({status})", failure_from_status(status))
        self.breaker.succeeded()
        if status in (401, 403):
            raise ProviderError(f"{name} refused our credentials", failure_from_status(status))
        try:
            body: dict[str, Any] = response.json()
        except ValueError as exc:
            raise ProviderError(f"{name} sent a body that is not JSON") from exc
        if status >= 400:
            message = str(body.get("message") or f"HTTP {status}")
            raise ProviderError(message, failure_from_status(status), status)
        return body
