"""A Bitcoin gateway's settings (`configureGateway(input: { settings: {...} })`): checked
when configured, with defaults for what is not given."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any
from urllib.parse import urlparse

from services.bitcoin.keys import AccountKey, parse_account_key
from services.errors import ValidationFailed

DEFAULT_CONFIRMATIONS = 2
MAX_CONFIRMATIONS = 20
DEFAULT_WINDOW_MINUTES = 30
MAX_WINDOW_MINUTES = 24 * 60
DEFAULT_RATE_API = "https://api.coingecko.com/api/v3"
# The chain API when the gateway's apiBaseUrl is not set.
DEFAULT_CHAIN_API = {
    "bitcoin": "https://mempool.space/api",
    "testnet": "https://mempool.space/testnet/api",
}


@dataclass(frozen=True)
class Terms:
    required_confirmations: int = DEFAULT_CONFIRMATIONS
    payment_window_minutes: int = DEFAULT_WINDOW_MINUTES
    rate_api_url: str = DEFAULT_RATE_API

    def stored(self) -> dict[str, Any]:
        return {
            "requiredConfirmations": self.required_confirmations,
            "paymentWindowMinutes": self.payment_window_minutes,
            "rateApiUrl": self.rate_api_url,
        }


def _whole(value: Any, name: str, low: int, high: int) -> int:
    field = f"settings.{name}"
    if not isinstance(value, int) or isinstance(value, bool) or not low <= value <= high:
        raise ValidationFailed(f"{field} must be a whole number from {low} to {high}", field=field)
    return value


def checked_terms(settings: dict[str, Any] | None, stored: dict[str, Any] | None) -> Terms:
    """`settings` given over `stored` (the gateway's, when reconfigured) over the defaults."""
    merged = {**(stored or {}), **{k: v for k, v in (settings or {}).items() if v is not None}}
    url = str(merged.get("rateApiUrl") or DEFAULT_RATE_API)
    parsed = urlparse(url)
    if parsed.scheme not in ("http", "https") or not parsed.netloc or len(url) > 500:
        raise ValidationFailed(
            "settings.rateApiUrl must be an http(s) URL", field="settings.rateApiUrl"
        )
    return Terms(
        _whole(
            merged.get("requiredConfirmations", DEFAULT_CONFIRMATIONS),
            "requiredConfirmations",
            1,
            MAX_CONFIRMATIONS,
        ),
        _whole(
            merged.get("paymentWindowMinutes", DEFAULT_WINDOW_MINUTES),
            "paymentWindowMinutes",
            1,
            MAX_WINDOW_MINUTES,
        ),
        url.rstrip("/"),
    )


def account_key(credentials: dict[str, Any]) -> AccountKey:
    return parse_account_key(credentials.get("xpub"), credentials.get("network"))


def chain_api(base_url: str | None, network: str) -> str:
    return base_url or DEFAULT_CHAIN_API[network]
