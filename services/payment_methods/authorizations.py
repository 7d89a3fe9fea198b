"""The reusable card in a successful Paystack or Flutterwave charge, as the provider's
verify call shows it: Paystack's `data.authorization` (when `reusable`, its
`authorization_code`), Flutterwave's `data.card.token`. Only what shows the card (brand,
last 4, expiry) and the handle that charges it are kept."""

from __future__ import annotations

from dataclasses import dataclass
from typing import Any


@dataclass(frozen=True)
class SavedCard:
    provider_reference: str
    brand: str | None
    last4: str | None
    exp_month: int | None
    exp_year: int | None


def card_number(value: Any) -> int | None:
    try:
        return int(str(value))
    except (TypeError, ValueError):
        return None


def paystack_card(data: dict[str, Any]) -> SavedCard | None:
    """None unless the charge succeeded with a reusable authorization."""
    authorization = data.get("authorization") or {}
    code = authorization.get("authorization_code")
    if data.get("status") != "success" or not authorization.get("reusable") or not code:
        return None
    return SavedCard(
        str(code),
        authorization.get("brand") or authorization.get("card_type"),
        authorization.get("last4"),
        card_number(authorization.get("exp_month")),
        card_number(authorization.get("exp_year")),
    )


def flutterwave_card(data: dict[str, Any]) -> SavedCard | None:
    """None unless the charge succeeded with a card token."""
    card = data.get("card") or {}
    if data.get("status") != "successful" or not card.get("token"):
        return None
    month, _, year = str(card.get("expiry") or "").partition("/")
    short_year = card_number(year)
    return SavedCard(
        str(card["token"]),
        str(card.get("type") or "").lower() or None,
        card.get("last_4digits"),
        card_number(month),
        2000 + short_year if short_year is not None and short_year < 100 else short_year,
    )
