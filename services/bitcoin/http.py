"""HTTP calls to the chain and rate APIs: timeouts, and backoff when an API says it is busy
(429) or failing (5xx) or cannot be reached. What still fails after the retries is
`ProviderUnavailable`: the caller stops and tries again on its next run."""

from __future__ import annotations

import asyncio
import random
import ssl
from dataclasses import dataclass

import certifi
import httpx

from services.payments.gateways.base import ProviderUnavailable

TIMEOUT = httpx.Timeout(10.0, connect=5.0)
_TLS = ssl.create_default_context(cafile=certifi.where())
RETRYABLE = frozenset({429, 500, 502, 503, 504})


@dataclass(frozen=True)
class Backoff:
    """Retries after 0.5 s, 1 s, 2 s... (a `Retry-After` up to `longest` is honoured)."""

    attempts: int = 4
    first: float = 0.5
    longest: float = 8.0

    def wait(self, attempt: int, retry_after: str | None) -> float:
        if retry_after is not None and retry_after.isdigit():
            return min(float(retry_after), self.longest)
        base = min(self.first * 2 ** (attempt - 1), self.longest)
        return base + base * 0.1 * random.random()


async def get(
    client: httpx.AsyncClient, url: str, backoff: Backoff, name: str, *, missing_ok: bool = False
) -> httpx.Response | None:
    """The answer to GET `url`; None for a 404 when `missing_ok`."""
    for attempt in range(1, backoff.attempts + 1):
        retry_after: str | None = None
        try:
            response = await client.get(url)
        except httpx.HTTPError as exc:
            problem = f"{name} unreachable ({type(exc).__name__})"
        else:
            if response.status_code == 404 and missing_ok:
                return None
            if response.status_code < 400:
                return response
            if response.status_code not in RETRYABLE:
                raise ProviderUnavailable(f"{name} refused the request ({response.status_code})")
            problem = f"{name} failed ({response.status_code})"
            retry_after = response.headers.get("retry-after")
        if attempt == backoff.attempts:
            raise ProviderUnavailable(problem)
        await asyncio.sleep(backoff.wait(attempt, retry_after))
    raise AssertionError("unreachable")


def client() -> httpx.AsyncClient:
    return httpx.AsyncClient(timeout=TIMEOUT, verify=_TLS)
