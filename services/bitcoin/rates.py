"""The price of one BTC in the estate's currency, from a CoinGecko-compatible
`GET {rateApiUrl}/simple/price?ids=bitcoin&vs_currencies=ngn` (`{"bitcoin": {"ngn": 1.5e8}}`).
Cached briefly per source and currency; a source that is down or answers nonsense is
`ProviderUnavailable`, never a guessed or stale rate."""

from __future__ import annotations

import asyncio
import json
import time
from decimal import ROUND_DOWN, Decimal, InvalidOperation

from services.bitcoin import http
from services.money import exponent
from services.payments.gateways.base import ProviderUnavailable

NAME = "the Bitcoin rate API"
CACHE_SECONDS = 30.0
# Above this (minor units per BTC) a rate is nonsense, not a price.
MAX_RATE_MINOR = 10**18
_cache: dict[tuple[str, str], tuple[float, int]] = {}
_fetching: dict[tuple[str, str], asyncio.Lock] = {}


def _nonsense(what: str) -> ProviderUnavailable:
    return ProviderUnavailable(f"{NAME} answered nonsense ({what}); no rate, so no payment")


def parse_rate(body: bytes, currency: str) -> int:
    """The rate in minor units of `currency` per BTC, rounded down to the minor unit."""
    try:
        # Decimals, not floats: the price is money.
        data = json.loads(body, parse_float=Decimal, parse_int=Decimal)
    except (ValueError, InvalidOperation) as exc:
        raise _nonsense("not JSON") from exc
    price = data.get("bitcoin") if isinstance(data, dict) else None
    value = price.get(currency.lower()) if isinstance(price, dict) else None
    if not isinstance(value, Decimal) or not value.is_finite() or value <= 0:
        raise _nonsense(f"no positive bitcoin price in {currency}")
    minor = int(value.scaleb(exponent(currency)).to_integral_value(ROUND_DOWN))
    if not 0 < minor < MAX_RATE_MINOR:
        raise _nonsense(f"a bitcoin price of {value} {currency}")
    return minor


async def rate_minor(
    base_url: str, currency: str, backoff: http.Backoff | None = None, now: float | None = None
) -> int:
    key = (base_url.rstrip("/"), currency)
    clock = time.monotonic() if now is None else now
    cached = _cache.get(key)
    if cached is not None and clock - cached[0] < CACHE_SECONDS:
        return cached[1]
    # One fetch per key at a time: many payments opened at once wait for the first one's
    # answer instead of each asking the rate API.
    async with _fetching.setdefault(key, asyncio.Lock()):
        cached = _cache.get(key)
        if cached is not None and clock - cached[0] < CACHE_SECONDS:
            return cached[1]
        url = f"{key[0]}/simple/price?ids=bitcoin&vs_currencies={currency.lower()}"
        async with http.client() as client:
            response = await http.get(client, url, backoff or http.Backoff(attempts=2), NAME)
        assert response is not None
        rate = parse_rate(response.content, currency)
        _cache[key] = (clock, rate)
        return rate
