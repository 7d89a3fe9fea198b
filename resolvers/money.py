"""Turning API amounts into exact minor units, with the estate's defaults."""

from __future__ import annotations

from decimal import Decimal

from resolvers.context import RequestContext
from services.money import Money, parse_amount


def money_input(
    ctx: RequestContext,
    amount: Decimal,
    currency: str | None,
    *,
    field: str = "amount",
    allow_negative: bool = False,
) -> Money:
    estate = ctx.require_access().estate
    return parse_amount(
        amount,
        currency or estate.currency,
        field=field,
        max_major=ctx.settings.max_amount,
        allow_negative=allow_negative,
    )
