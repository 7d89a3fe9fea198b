"""What the fake providers share: the API key they accept, the switches a test flips (a
provider that fails every call, or answers late), where their checkout pages are reached
and where those send the webhook, and the check every API call passes first."""

from __future__ import annotations

import asyncio
from abc import ABC, abstractmethod
from dataclasses import KW_ONLY, dataclass
from typing import Generic, TypeVar

from starlette.requests import Request
from starlette.responses import JSONResponse

# How a test tells the fake to fail: an HTTP status, or (Stripe) a status and error object.
Failure = TypeVar("Failure")


@dataclass
class FakeApi(ABC, Generic[Failure]):
    secret_key: str
    # Keyword-only, so each fake's own credentials follow the key positionally.
    _: KW_ONLY
    # Test switches: fail every call this way; answer every call this many seconds late
    # (a slow or stalled provider).
    failing_with: Failure | None = None
    delay: float = 0.0
    # Where browsers reach this fake (its checkout pages); unset, checkout links are inert.
    public_url: str | None = None
    # Where the checkout page's Pay and Decline send the signed webhook, if anywhere.
    webhook_url: str | None = None

    @abstractmethod
    def failure(self, failing: Failure) -> JSONResponse:
        """The provider's answer while `failing_with` is set."""

    @abstractmethod
    def invalid_key(self) -> JSONResponse:
        """The provider's answer to a wrong API key."""

    async def refused(self, request: Request) -> JSONResponse | None:
        """What every API call answers instead, if anything: late first when `delay` says
        so, then a failure when one is switched on, then a wrong key."""
        if self.delay:
            await asyncio.sleep(self.delay)
        if self.failing_with:
            return self.failure(self.failing_with)
        if request.headers.get("authorization") != f"Bearer {self.secret_key}":
            return self.invalid_key()
        return None

    def checkout_link(self, key: str, inert_host: str) -> str:
        """The hosted checkout's URL: this fake's page, or an inert one on `inert_host`."""
        if self.public_url:
            return f"{self.public_url}/checkout/{key}"
        return f"https://{inert_host}/{key}"
