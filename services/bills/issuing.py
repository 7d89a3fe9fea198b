"""Issuing bills and moving them through their lifecycle (everything but payment)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass, field, replace
from datetime import UTC, date, datetime
from decimal import Decimal
from typing import Any

from services import validation
from services.access import Viewer, get_visible, parse_id
from services.audit.log import record
from services.bills.invoices import Figures, LineDraft, figures, line_rows, tax_rate_bp
from services.bills.lifecycle import transition
from services.bills.models import BILL_TYPES, Bill, BillCounter, BillLine
from services.errors import InvalidState, NotFound, ValidationFailed
from services.events import changed
from services.money import Money, to_major
from services.notifications.inbox import (
    Message,
    current_estate_admin_ids,
    estate_admin_ids,
    notify,
    notify_each,
)
from services.numbering import advance
from services.properties.catalog import get_property
from services.residents.models import Occupancy, Resident
from tenants.models import Estate
from tenants.scope import savepoint

MAX_BILLS_PER_CALL = 5_000


@dataclass(frozen=True)
class BillDraft:
    title: str
    description: str | None
    type: str
    # Given, or computed from the line items (then a given amount must agree).
    amount: Money | None
    due_date: date
    lines: tuple[LineDraft, ...] | None = None
    tax_rate: Decimal | None = None
    discount: Money | None = None
    invoice: Figures | None = field(default=None, compare=False)


def _validated(draft: BillDraft, estate: Estate) -> BillDraft:
    if draft.type not in BILL_TYPES:
        raise ValidationFailed(f"type must be one of {', '.join(BILL_TYPES)}", field="type")
    if draft.amount is not None and draft.amount.currency != estate.currency:
        raise ValidationFailed(
            f"currency must be the estate's currency {estate.currency}", field="currency"
        )
    amount, invoice = draft.amount, None
    if draft.lines is not None:
        invoice = figures(
            list(draft.lines), estate.currency, tax_rate_bp(draft.tax_rate), draft.discount
        )
        if invoice.total <= 0:
            raise ValidationFailed("the bill's total must be more than zero", field="lineItems")
        if amount is not None and amount.minor != invoice.total:
            raise ValidationFailed(
                f"amount {amount.major} disagrees with the line items' total "
                f"{to_major(invoice.total, estate.currency)}",
                field="amount",
            )
        amount = Money(invoice.total, estate.currency)
    elif draft.tax_rate is not None or draft.discount is not None:
        raise ValidationFailed("taxRate and discount need lineItems", field="lineItems")
    if amount is None:
        raise ValidationFailed("amount is required without lineItems", field="amount")
    return replace(
        draft,
        title=validation.text(draft.title, "title", max_length=200),
        description=validation.text(
            draft.description, "description", max_length=5000, required=False
        ),
        amount=amount,
        invoice=invoice,
    )


async def take_numbers(count: int) -> list[str]:
    """`count` consecutive bill numbers (`numbering.advance`)."""
    last = await advance(BillCounter, count)
    return [f"BILL-{n:06d}" for n in range(last - count + 1, last + 1)]


async def create_bill(
    actor_id: uuid.UUID, estate: Estate, resident_id: str, unit_id: str | None, draft: BillDraft
) -> Bill:
    draft = _validated(draft, estate)
    resident = await Resident.get_or_none(id=parse_id(resident_id, "residentId", "resident"))
    if resident is None:
        raise NotFound("resident not found", field="residentId")
    unit = None
    if unit_id is not None:
        occupancy = await Occupancy.get_or_none(
            resident=resident, unit_id=parse_id(unit_id, "unitId", "unit"), ends_on__isnull=True
        ).prefetch_related("unit")
        if occupancy is None:
            raise ValidationFailed("the resident does not occupy this unit", field="unitId")
        unit = occupancy.unit
    async with savepoint():
        (number,) = await take_numbers(1)
        bill = await Bill.create(number=number, resident=resident, unit=unit, **_fields(draft))
        if draft.invoice is not None:
            await BillLine.bulk_create(line_rows(bill.id, draft.invoice))
        changed("bill", bill.id, bill.resident_id)
        await record(actor_id, "createBill", "Bill", bill.id, after=_snapshot(bill))
        await notify(
            [resident.user_id],
            "BILL_CREATED",
            f"New bill {number}: {draft.title}",
            f"Due {draft.due_date.isoformat()}",
            data=_details(bill),
        )
    return bill


def _fields(draft: BillDraft) -> dict[str, Any]:
    assert draft.amount is not None, "validated: the amount is known"
    invoice = draft.invoice
    return {
        "title": draft.title,
        "description": draft.description or "",
        "type": draft.type,
        "amount": draft.amount.minor,
        "currency": draft.amount.currency,
        "due_date": draft.due_date,
        "subtotal": invoice.subtotal if invoice else None,
        "tax": invoice.tax if invoice else 0,
        "discount": invoice.discount if invoice else 0,
        "tax_rate_bp": invoice.tax_rate_bp if invoice else 0,
    }


def _details(bill: Bill) -> dict[str, str]:
    """What the notification templates show of a bill."""
    return {
        "billNumber": bill.number,
        "amount": f"{to_major(bill.amount - bill.amount_paid, bill.currency)} {bill.currency}",
        "dueDate": bill.due_date.isoformat(),
    }


def _snapshot(bill: Bill) -> dict[str, object]:
    return {
        "number": bill.number,
        "status": bill.status,
        "amount": bill.amount,
        "amountPaid": bill.amount_paid,
        "currency": bill.currency,
        "dueDate": bill.due_date.isoformat(),
    }


async def create_bills(
    actor_id: uuid.UUID,
    estate: Estate,
    resident_ids: list[str] | None,
    property_id: str | None,
    draft: BillDraft,
) -> list[Bill]:
    """One bill per resident, or per occupied unit of a property; all or nothing."""
    draft = _validated(draft, estate)
    if bool(resident_ids) == bool(property_id):
        raise ValidationFailed("give either residentIds or propertyId", field="residentIds")
    targets: list[tuple[Resident, uuid.UUID | None]] = []
    if resident_ids:
        wanted = [parse_id(r, "residentIds", "resident") for r in dict.fromkeys(resident_ids)]
        residents = {r.id: r for r in await Resident.filter(id__in=wanted)}
        if len(residents) != len(wanted):
            raise NotFound("resident not found", field="residentIds")
        targets = [(residents[r], None) for r in wanted]
    else:
        prop = await get_property(property_id or "", field="propertyId")
        occupancies = (
            # Who lives there now: not those who moved out, nor deactivated residents.
            await Occupancy.filter(
                unit__property_id=prop.id, ends_on__isnull=True, resident__active=True
            )
            .prefetch_related("resident")
            .order_by("unit__label", "id")
        )
        targets = [(o.resident, uuid.UUID(str(o.unit_id))) for o in occupancies]
        if not targets:
            raise ValidationFailed("the property has no occupied units", field="propertyId")
    if len(targets) > MAX_BILLS_PER_CALL:
        raise ValidationFailed(f"at most {MAX_BILLS_PER_CALL} bills per call", field="residentIds")
    async with savepoint():
        numbers = await take_numbers(len(targets))
        bills = [
            Bill(
                id=uuid.uuid4(), number=number, resident=resident, unit_id=unit_id, **_fields(draft)
            )
            for number, (resident, unit_id) in zip(numbers, targets, strict=True)
        ]
        await Bill.bulk_create(bills, batch_size=500)
        if draft.invoice is not None:
            invoice = draft.invoice
            rows = [row for bill in bills for row in line_rows(bill.id, invoice)]
            await BillLine.bulk_create(rows, batch_size=1000)
        await record(
            actor_id,
            "createBills",
            "Bill",
            numbers[0],
            after={"count": len(bills), "first": numbers[0], "last": numbers[-1]},
        )
        await notify_each("BILL_CREATED", _bill_messages(bills, draft))
    return await Bill.filter(id__in=[b.id for b in bills]).order_by("number")


def _bill_messages(bills: list[Bill], draft: BillDraft) -> list[Message]:
    """One notification per resident, naming their bill, or summing up several (one
    resident in many units must not get a thousand emails)."""
    by_user: dict[uuid.UUID, list[Bill]] = {}
    for bill in bills:
        by_user.setdefault(bill.resident.user_id, []).append(bill)
    due = f"Due {draft.due_date.isoformat()}"
    messages = []
    for user_id, own in by_user.items():
        if len(own) == 1:
            title, data = f"New bill {own[0].number}: {draft.title}", _details(own[0])
        else:
            currency = own[0].currency
            total = to_major(sum(b.amount for b in own), currency)
            title = f"{len(own)} new bills: {draft.title}"
            data = {
                "billNumber": f"{own[0].number} to {own[-1].number}",
                "amount": f"{total} {currency} in all",
                "dueDate": draft.due_date.isoformat(),
            }
        messages.append(Message(user_id, title, due, data))
    return messages


async def get_bill(
    viewer: Viewer, bill_id: str | uuid.UUID, *, lock: bool = False, field: str = "id"
) -> Bill:
    """The bill if the viewer may see it; another resident's bill is NOT_FOUND."""
    return await get_visible(Bill, viewer, bill_id, "bill", field=field, lock=lock)


async def _change(viewer: Viewer, bill_id: str, event: str, action: str, **changes: object) -> Bill:
    async with savepoint():
        bill = await get_bill(viewer, bill_id, lock=True)
        before = _snapshot(bill)
        target = changes.pop("status", None)
        bill.status = transition(bill.status, event, target)  # type: ignore[arg-type]
        for name, value in changes.items():
            setattr(bill, name, value)
        await bill.save()
        changed("bill", bill.id, bill.resident_id)
        await record(viewer.user_id, action, "Bill", bill.id, before=before, after=_snapshot(bill))
        return bill


async def acknowledge(viewer: Viewer, bill_id: str) -> Bill:
    bill = await _change(
        _as_owner(viewer),
        bill_id,
        "acknowledge",
        "acknowledgeBill",
        acknowledged_at=datetime.now(UTC),
    )
    await notify(
        await current_estate_admin_ids(),
        "BILL_ACKNOWLEDGED",
        f"Bill {bill.number} acknowledged",
        bill.title,
        data=_details(bill),
    )
    return bill


async def dispute(viewer: Viewer, estate: Estate, bill_id: str, reason: str) -> Bill:
    reason = validation.text(reason, "reason", max_length=2000)
    bill = await _change(
        _as_owner(viewer), bill_id, "dispute", "disputeBill", dispute_reason=reason
    )
    await notify(
        await estate_admin_ids(estate.id),
        "BILL_DISPUTED",
        f"Bill {bill.number} disputed",
        reason,
        data=_details(bill),
    )
    return bill


async def resolve_dispute(
    viewer: Viewer, bill_id: str, action: str, amount: Money | None, note: str | None
) -> Bill:
    note = validation.text(note, "note", max_length=2000, required=False)
    if action == "CANCEL":
        bill = await _change(
            viewer,
            bill_id,
            "cancel",
            "resolveDispute",
            dispute_resolution=note or "cancelled",
            cancel_reason=note,
        )
    elif action == "UPHOLD":
        bill = await _change(
            viewer, bill_id, "uphold", "resolveDispute", dispute_resolution=note or "upheld"
        )
    elif action == "ADJUST":
        if amount is None:
            raise ValidationFailed("amount is required to adjust a bill", field="amount")
        current = await get_bill(viewer, bill_id)
        if amount.currency != current.currency:
            raise ValidationFailed(f"currency must be {current.currency}", field="currency")
        if amount.minor < current.amount_paid:
            raise ValidationFailed("amount is below what was already paid", field="amount")
        async with savepoint():
            # The new amount replaces the invoice: one line, the bill's title, no tax.
            bill = await _change(
                viewer,
                bill_id,
                "adjust",
                "resolveDispute",
                amount=amount.minor,
                subtotal=None,
                tax=0,
                discount=0,
                tax_rate_bp=0,
                dispute_resolution=note or "adjusted",
            )
            await BillLine.filter(bill_id=bill.id).delete()
    else:
        raise ValidationFailed("action must be UPHOLD, ADJUST or CANCEL", field="action")
    owner = await Resident.get(id=bill.resident_id)
    await notify(
        [owner.user_id],
        "DISPUTE_RESOLVED",
        f"Dispute on {bill.number} resolved",
        bill.dispute_resolution or "",
    )
    return bill


async def cancel(viewer: Viewer, bill_id: str, reason: str) -> Bill:
    reason = validation.text(reason, "reason", max_length=2000)
    async with savepoint():
        bill = await get_bill(viewer, bill_id, lock=True)
        if bill.amount_paid:
            raise InvalidState("a bill with payments cannot be cancelled; refund first")
        return await _change(viewer, bill_id, "cancel", "cancelBill", cancel_reason=reason)


def _as_owner(viewer: Viewer) -> Viewer:
    """Owner-only actions: even an admin acts here only on their own bills."""
    if viewer.resident_id is None:
        raise NotFound("bill not found", field="id")
    return Viewer(viewer.user_id, is_admin=False, resident_id=viewer.resident_id)
