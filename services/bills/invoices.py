"""A bill's invoice: line items, tax and discount, in exact integer arithmetic.

Each line's amount is quantity x unit amount rounded half-even to the minor unit, once;
the subtotal is the sum of the lines; tax is the rate applied to subtotal - discount,
rounded half-even; the bill's amount is subtotal - discount + tax.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from decimal import Decimal

from services import validation
from services.bills.models import Bill, BillLine
from services.errors import ValidationFailed
from services.money import Money, to_major

MAX_LINES = 100
MAX_QUANTITY = Decimal(1_000_000)
QUANTITY_PLACES = 3  # thousandths
MAX_TAX_PERCENT = Decimal(100)


@dataclass(frozen=True)
class LineDraft:
    description: str
    quantity: Decimal
    unit_amount: Money


@dataclass(frozen=True)
class Figures:
    """What an invoice states; `lines` are (description, quantity in thousandths, unit
    amount, amount) in minor units."""

    lines: list[tuple[str, int, int, int]]
    subtotal: int
    discount: int
    tax_rate_bp: int
    tax: int

    @property
    def total(self) -> int:
        return self.subtotal - self.discount + self.tax


def half_even(numerator: int, denominator: int) -> int:
    """numerator / denominator rounded half to even (both non-negative)."""
    quotient, remainder = divmod(numerator, denominator)
    if 2 * remainder > denominator or (2 * remainder == denominator and quotient % 2):
        quotient += 1
    return quotient


def _scaled(value: Decimal, places: int, field: str, what: str) -> int:
    if not value.is_finite():
        raise ValidationFailed(f"{field} must be a finite number", field=field)
    scaled = value.scaleb(places)
    if scaled != scaled.to_integral_value():
        raise ValidationFailed(f"{field} has more than {places} decimal places", field=field)
    return int(scaled)


def tax_rate_bp(rate: Decimal | None) -> int:
    """A percent (0 to 100, two decimals at most) in hundredths of a percent."""
    if rate is None:
        return 0
    if not rate.is_finite() or rate < 0 or rate > MAX_TAX_PERCENT:
        raise ValidationFailed("taxRate must be a percent from 0 to 100", field="taxRate")
    return _scaled(rate, 2, "taxRate", "percent")


def figures(lines: list[LineDraft], currency: str, rate_bp: int, discount: Money | None) -> Figures:
    """The invoice's figures, or `ValidationFailed` naming the offending input field."""
    if not lines:
        raise ValidationFailed("lineItems must have at least one line", field="lineItems")
    if len(lines) > MAX_LINES:
        raise ValidationFailed(f"at most {MAX_LINES} line items", field="lineItems")
    computed = []
    for n, line in enumerate(lines):
        at = f"lineItems[{n}]"
        description = validation.text(line.description, f"{at}.description", max_length=500)
        if not line.quantity.is_finite() or line.quantity <= 0:
            raise ValidationFailed(f"{at}.quantity must be more than zero", field=f"{at}.quantity")
        if line.quantity > MAX_QUANTITY:
            raise ValidationFailed(f"{at}.quantity is above {MAX_QUANTITY}", field=f"{at}.quantity")
        quantity = _scaled(line.quantity, QUANTITY_PLACES, f"{at}.quantity", "units")
        if line.unit_amount.currency != currency:
            raise ValidationFailed(
                f"{at}.unitAmount must be in {currency}", field=f"{at}.unitAmount"
            )
        unit = line.unit_amount.minor
        computed.append((description, quantity, unit, half_even(quantity * unit, 1000)))
    subtotal = sum(amount for *_, amount in computed)
    off = 0
    if discount is not None:
        if discount.currency != currency:
            raise ValidationFailed(f"discount must be in {currency}", field="discount")
        off = discount.minor
        if off >= subtotal:
            raise ValidationFailed(
                f"discount must be less than the subtotal of {to_major(subtotal, currency)} "
                f"{currency}",
                field="discount",
            )
    tax = half_even((subtotal - off) * rate_bp, 10_000)
    return Figures(computed, subtotal, off, rate_bp, tax)


def line_rows(bill_id: object, result: Figures) -> list[BillLine]:
    return [
        BillLine(
            bill_id=bill_id,
            position=n,
            description=description,
            quantity_milli=quantity,
            unit_amount=unit,
            amount=amount,
        )
        for n, (description, quantity, unit, amount) in enumerate(result.lines)
    ]


@dataclass(frozen=True)
class InvoiceLine:
    description: str
    quantity: Decimal
    unit_amount: int
    amount: int


def quantity_of(milli: int) -> Decimal:
    return (Decimal(milli) / 1000).normalize() if milli % 1000 else Decimal(milli // 1000)


def lines_of(bill: Bill, rows: list[BillLine]) -> list[InvoiceLine]:
    """The bill's lines; a bill issued without line items shows one: its title, once."""
    if not rows:
        return [InvoiceLine(bill.title, Decimal(1), bill_subtotal(bill), bill_subtotal(bill))]
    return [
        InvoiceLine(r.description, quantity_of(r.quantity_milli), r.unit_amount, r.amount)
        for r in sorted(rows, key=lambda r: r.position)
    ]


def bill_subtotal(bill: Bill) -> int:
    return bill.amount if bill.subtotal is None else bill.subtotal


async def lines_by_bill(bill_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[BillLine]]:
    """Each bill's stored lines (for a loader); a bill without any has no key."""
    found: dict[uuid.UUID, list[BillLine]] = {}
    for row in await BillLine.filter(bill_id__in=bill_ids).order_by("position"):
        found.setdefault(uuid.UUID(str(row.bill_id)), []).append(row)
    return found
