"""Reading payments: an admin sees the estate's, a resident only their own."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from services.access import Viewer, get_visible, visible_resident_id, visible_rows
from services.bills.issuing import get_bill
from services.errors import NotFound
from services.pagination import Page, paginate
from services.payments.models import REFERENCE_LENGTH, Payment


@dataclass(frozen=True)
class PaymentFilter:
    statuses: list[str] | None = None
    provider: str | None = None
    purpose: str | None = None
    bill_id: str | None = None
    resident_id: str | None = None


async def list_payments(
    viewer: Viewer, where: PaymentFilter, first: int | None, after: str | None, cap: int
) -> Page[Payment]:
    query = visible_rows(Payment, viewer)
    if where.statuses:
        query = query.filter(status__in=where.statuses)
    if where.provider:
        query = query.filter(provider=where.provider)
    if where.purpose:
        query = query.filter(purpose=where.purpose)
    if where.bill_id:
        bill = await get_bill(viewer, where.bill_id, field="billId")
        query = query.filter(bill_id=bill.id)
    if where.resident_id:
        query = query.filter(resident_id=await visible_resident_id(viewer, where.resident_id))
    return await paginate(query, first, after, cap, newest_first=True)


async def get_payment(viewer: Viewer, payment_id: str | uuid.UUID) -> Payment:
    return await get_visible(Payment, viewer, payment_id, "payment")


async def payment_by_reference(viewer: Viewer, reference: str) -> Payment:
    reference = (reference or "").strip()
    # Longer than any reference we issue: it names nothing (and the ORM refuses to compare
    # it with the column at all).
    too_long = len(reference) > REFERENCE_LENGTH
    payment = (
        None if too_long else await visible_rows(Payment, viewer).get_or_none(reference=reference)
    )
    if payment is None:
        raise NotFound("payment not found", field="reference")
    return payment
