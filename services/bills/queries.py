"""Reading bills: filtered lists and summaries."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, datetime, time
from zoneinfo import ZoneInfo

from tortoise.functions import Count, Sum

from services.access import Viewer, visible_resident_id, visible_rows
from services.bills.lifecycle import OPEN, PAYABLE
from services.bills.models import Bill
from services.pagination import Page, paginate
from services.payments.models import Payment
from services.properties.catalog import get_property
from tenants.models import Estate


@dataclass(frozen=True)
class BillFilter:
    statuses: list[str] | None = None
    resident_id: str | None = None
    property_id: str | None = None
    type: str | None = None
    overdue_only: bool = False
    due_before: date | None = None
    due_after: date | None = None


def estate_today(estate: Estate, now: datetime) -> date:
    return now.astimezone(ZoneInfo(estate.timezone)).date()


async def list_bills(
    viewer: Viewer,
    estate: Estate,
    now: datetime,
    where: BillFilter,
    first: int | None,
    after: str | None,
    cap: int,
) -> Page[Bill]:
    query = visible_rows(Bill, viewer)
    if where.resident_id:
        query = query.filter(resident_id=await visible_resident_id(viewer, where.resident_id))
    if where.property_id:
        prop = await get_property(where.property_id, field="propertyId")
        query = query.filter(unit__property_id=prop.id)
    if where.statuses:
        query = query.filter(status__in=where.statuses)
    if where.type:
        query = query.filter(type=where.type)
    if where.overdue_only:
        query = query.filter(status__in=PAYABLE, due_date__lt=estate_today(estate, now))
    if where.due_before:
        query = query.filter(due_date__lt=where.due_before)
    if where.due_after:
        query = query.filter(due_date__gt=where.due_after)
    return await paginate(query, first, after, cap, newest_first=True)


@dataclass(frozen=True)
class BillsSummary:
    outstanding: int
    overdue: int
    paid_this_month: int
    count_by_status: dict[str, int]


async def summary(
    viewer: Viewer, estate: Estate, now: datetime, resident_id: str | None
) -> BillsSummary:
    target: uuid.UUID | None = None if viewer.is_admin else viewer.resident_id
    if resident_id:
        target = await visible_resident_id(viewer, resident_id)
    bills = Bill.all() if target is None else Bill.filter(resident_id=target)
    today = estate_today(estate, now)
    by_status = (
        await bills.annotate(n=Count("id"), amount=Sum("amount"), paid=Sum("amount_paid"))
        .group_by("status")
        .values("status", "n", "amount", "paid")
    )
    counts = {row["status"]: int(row["n"]) for row in by_status}
    outstanding = sum(
        int(row["amount"]) - int(row["paid"]) for row in by_status if row["status"] in OPEN
    )
    late = (
        await bills.filter(status__in=OPEN - {"DISPUTED"}, due_date__lt=today)
        .annotate(amount=Sum("amount"), paid=Sum("amount_paid"))
        .first()
        .values("amount", "paid")
    )
    overdue = int((late or {}).get("amount") or 0) - int((late or {}).get("paid") or 0)
    month_start = datetime.combine(today.replace(day=1), time(), ZoneInfo(estate.timezone))
    payments = Payment.filter(
        status__in=("SUCCEEDED", "PARTIALLY_REFUNDED"),
        purpose="BILL_PAYMENT",
        completed_at__gte=month_start,
    )
    if target is not None:
        payments = payments.filter(resident_id=target)
    paid = await payments.annotate(total=Sum("amount")).first().values("total")
    return BillsSummary(
        outstanding=outstanding,
        overdue=overdue,
        paid_this_month=int((paid or {}).get("total") or 0),
        count_by_status=counts,
    )


async def payments_by_bill(bill_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Payment]]:
    grouped: dict[uuid.UUID, list[Payment]] = defaultdict(list)
    for payment in await Payment.filter(bill_id__in=bill_ids).order_by("created_at", "id"):
        grouped[uuid.UUID(str(payment.bill_id))].append(payment)
    return grouped


async def bills_by_id(bill_ids: list[uuid.UUID]) -> dict[uuid.UUID, Bill]:
    return {row.id: row for row in await Bill.filter(id__in=bill_ids)}
