"""Notices the schedule sends about bills (overdue, reminders): each at most once per bill,
kept in `BillNotice`, told to the resident through the notification inbox."""

from __future__ import annotations

import uuid
from datetime import date, datetime, timedelta
from zoneinfo import ZoneInfo

from services.bills.models import Bill, BillNotice
from services.money import to_major
from services.notifications.inbox import Message, notify_each
from services.residents.models import Resident


def local_date(now: datetime, timezone: str, day_starts_at_hour: int = 0) -> date:
    """The estate's calendar date at `now`. With `day_starts_at_hour`, the day turns at
    that local hour instead of midnight (reminders wait for the morning)."""
    local = now.astimezone(ZoneInfo(timezone))
    return (local - timedelta(hours=day_starts_at_hour)).date()


async def unsent(wanted: dict[uuid.UUID, str]) -> dict[uuid.UUID, str]:
    """Of the (bill -> notice) pairs, those not sent yet."""
    if not wanted:
        return {}
    sent = await BillNotice.filter(bill_id__in=list(wanted), notice__in=set(wanted.values()))
    done = {(uuid.UUID(str(n.bill_id)), n.notice) for n in sent}
    return {bill: notice for bill, notice in wanted.items() if (bill, notice) not in done}


async def send(
    bills: list[tuple[Bill, str]],
    kind: str,
    title_body: dict[uuid.UUID, tuple[str, str]],
    now: datetime,
) -> int:
    """Record each (bill, notice) and notify its resident, in the caller's transaction
    (with the bills locked, so a concurrent run of the same job waits and then finds
    them recorded). The unique (bill, notice) pair backs this up."""
    if not bills:
        return 0
    await BillNotice.bulk_create(
        [BillNotice(id=uuid.uuid4(), bill_id=b.id, notice=n, sent_at=now) for b, n in bills]
    )
    residents = {
        r.id: r.user_id for r in await Resident.filter(id__in={b.resident_id for b, _ in bills})
    }
    await notify_each(
        kind,
        [
            Message(
                residents[uuid.UUID(str(bill.resident_id))],
                *title_body[bill.id],
                data={
                    "billNumber": bill.number,
                    "amount": f"{to_major(bill.balance_due, bill.currency)} {bill.currency}",
                    "dueDate": bill.due_date.isoformat(),
                },
            )
            for bill, _ in bills
        ],
    )
    return len(bills)
