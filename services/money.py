"""Money: integer minor units plus an ISO currency inside; exact decimals at the edge."""

from __future__ import annotations

import re
from dataclasses import dataclass
from decimal import Decimal

from services.errors import InsufficientFunds, ValidationFailed
from services.validation import CURRENCY_EXPONENTS
from services.validation import currency as valid_currency

# The largest amount one operation may move, in major units, unless configured otherwise.
DEFAULT_MAX_MAJOR = Decimal("1000000000")
# The one spelling of an amount we accept: ASCII digits, an optional minus and decimal
# point; no exponent, spaces, plus sign or other scripts' digits. Longer than any real
# amount is refused before Decimal() sees it.
AMOUNT_PATTERN = re.compile(r"-?[0-9]+(?:\.[0-9]+)?")
MAX_AMOUNT_LENGTH = 64


def parse_decimal(value: object) -> Decimal:
    """An exact decimal written as `AMOUNT_PATTERN`, or ValueError saying why not."""
    if not isinstance(value, str):
        raise ValueError('an amount is a string of digits, such as "5000.00"')
    if len(value) > MAX_AMOUNT_LENGTH or not AMOUNT_PATTERN.fullmatch(value):
        raise ValueError('an amount is written like "5000.00": ASCII digits, optional - and .')
    return Decimal(value)


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
        amount = value if isinstance(value, Decimal) else parse_decimal(str(value))
    except ValueError as exc:
        raise ValidationFailed(f"{field} is not a number: {exc}", field=field) from exc
    if not amount.is_finite():
        raise ValidationFailed(f"{field} must be a finite number", field=field)
    if amount == 0:
        raise ValidationFailed(f"{field} must not be zero", field=field)
    if amount < 0 and not allow_negative:
        raise ValidationFailed(f"{field} must be positive", field=field)
    # Before any arithmetic: an exponent like 1E+999999999 overflows the decimal context,
    # and 1E-999999999 underflows to zero when scaled.
    places_given = -int(amount.as_tuple().exponent)  # finite: the exponent is an int
    if amount.adjusted() > MAX_AMOUNT_LENGTH or places_given > MAX_AMOUNT_LENGTH:
        raise ValidationFailed(f"{field} is out of range", field=field)
    if abs(amount) > max_major:
        raise ValidationFailed(f"{field} is above the maximum of {max_major} {code}", field=field)
    places = exponent(code)
    scaled = amount.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ValidationFailed(
            f"{field} has more than {places} decimal places for {code}", field=field
        )
    return Money(int(scaled), code)


def shortfall(
    available: int, needed: int, currency: str, field: str = "amount"
) -> InsufficientFunds:
    """INSUFFICIENT_FUNDS saying both amounts in the currency's major units."""
    return InsufficientFunds(
        f"insufficient funds: {to_major(available, currency)} {currency} available, "
        f"{to_major(needed, currency)} {currency} needed",
        field=field,
    )
