"""Money: integer minor units plus an ISO currency inside; exact decimals at the edge."""

from __future__ import annotations

from dataclasses import dataclass
from decimal import Decimal, InvalidOperation

from services.errors import ValidationFailed
from services.validation import CURRENCY_EXPONENTS
from services.validation import currency as valid_currency

# The largest amount one operation may move, in major units, unless configured otherwise.
DEFAULT_MAX_MAJOR = Decimal("1000000000")


@dataclass(frozen=True, slots=True)
class Money:
    minor: int
    currency: str

    @property
    def major(self) -> Decimal:
        return to_major(self.minor, self.currency)


def exponent(currency: str) -> int:
    return CURRENCY_EXPONENTS[currency]


def to_major(minor: int, currency: str) -> Decimal:
    places = exponent(currency)
    return (Decimal(minor) / (Decimal(10) ** places)).quantize(Decimal(1).scaleb(-places))


def parse_amount(
    value: Decimal | str | int,
    currency: str,
    *,
    field: str = "amount",
    max_major: Decimal = DEFAULT_MAX_MAJOR,
    allow_negative: bool = False,
) -> Money:
    """A decimal amount from a client as exact minor units, or `ValidationFailed` naming
    `field`: not a number, NaN, zero, negative (unless allowed), too many decimals for the
    currency, or above the maximum."""
    code = valid_currency(currency)
    try:
        amount = value if isinstance(value, Decimal) else Decimal(str(value).strip())
    except (InvalidOperation, ValueError) as exc:
        raise ValidationFailed(f"{field} is not a number", field=field) from exc
    if not amount.is_finite():
        raise ValidationFailed(f"{field} must be a finite number", field=field)
    if amount == 0:
        raise ValidationFailed(f"{field} must not be zero", field=field)
    if amount < 0 and not allow_negative:
        raise ValidationFailed(f"{field} must be positive", field=field)
    places = exponent(code)
    scaled = amount.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ValidationFailed(
            f"{field} has more than {places} decimal places for {code}", field=field
        )
    if abs(amount) > max_major:
        raise ValidationFailed(f"{field} is above the maximum of {max_major} {code}", field=field)
    return Money(int(scaled), code)
