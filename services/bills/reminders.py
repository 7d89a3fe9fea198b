"""Bill reminders: some days before the due date and some days after it while unpaid,
each (bill, reminder) at most once.

A reminder belongs to a day: "before:3" to three days before the due date, "after:7" to
seven days after, in the estate's calendar, the day starting at `hour` local time (nobody
wants a reminder at 1 a.m.). A run on day T sends, per bill and side, the reminder of the
latest such day not after T. So a run that comes late (downtime, a bill created two days
before its due date) still sends the one reminder that fits now, never a stale series,
and a run that comes again sends nothing.
"""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime, timedelta

from services.bills.models import Bill
from services.bills.notices import local_date, send, unsent
from services.money import to_major
from tenants.models import Estate

BEFORE_DUE = frozenset({"PENDING_ACKNOWLEDGMENT", "ACKNOWLEDGED", "PARTIALLY_PAID"})
AFTER_DUE = BEFORE_DUE | {"OVERDUE"}  # disputed, paid and cancelled bills get none
# A reminder after the due date more than this late is dropped rather than sent.
LATEST_AFTER = timedelta(days=7)


@dataclass(frozen=True)
class ReminderPolicy:
    days_before: tuple[int, ...]  # 0 means on the due date itself
    days_after: tuple[int, ...]  # 1 or more
    hour: int = 0


def reminder_due(due: date, today: date, policy: ReminderPolicy) -> str | None:
    """The reminder a bill due on `due` should have had by `today`, if any."""
    days_left = (due - today).days
    if days_left >= 0:
        # The nearest reminder day not after today: the smallest offset still ahead of it.
        # On the due date itself only a "before:0" applies.
        ahead = [k for k in policy.days_before if k >= days_left and (days_left or k == 0)]
        return f"before:{min(ahead)}" if ahead else None
    days_over = -days_left
    passed = [k for k in policy.days_after if k <= days_over]
    if not passed or timedelta(days=days_over - max(passed)) > LATEST_AFTER:
        return None
    return f"after:{max(passed)}"


async def send_reminders(estate: Estate, now: datetime, policy: ReminderPolicy) -> int:
    """Sends the reminders due at `now` in the current estate; returns how many."""
    today = local_date(now, estate.timezone, policy.hour)
    earliest = today - timedelta(days=max(policy.days_after, default=0)) - LATEST_AFTER
    latest = today + timedelta(days=max(policy.days_before, default=0))
    rows = await Bill.filter(
        status__in=AFTER_DUE, due_date__gte=earliest, due_date__lte=latest
    ).values_list("id", "status", "due_date")
    wanted: dict[uuid.UUID, str] = {}
    for bill_id, status, due in rows:
        reminder = reminder_due(due, today, policy)
        if reminder and (status in BEFORE_DUE or reminder.startswith("after:")):
            wanted[uuid.UUID(str(bill_id))] = reminder
    todo = await unsent(wanted)
    if not todo:
        return 0
    # Lock only what we are about to remind of, then look again: a concurrent run of the
    # same slot waits here and finds the reminders recorded; a payment made meanwhile
    # takes the bill out of the statuses.
    bills = (
        await Bill.filter(id__in=list(todo), status__in=AFTER_DUE)
        .select_for_update()
        .order_by("id")
    )
    todo = await unsent({b.id: todo[b.id] for b in bills})
    chosen = [(b, todo[b.id]) for b in bills if b.id in todo]
    texts = {b.id: _reminder_text(b, today) for b, _ in chosen}
    return await send(chosen, "BILL_REMINDER", texts, now)


def _reminder_text(bill: Bill, today: date) -> tuple[str, str]:
    days = (bill.due_date - today).days
    if days > 1:
        when = f"is due in {days} days"
    elif days == 1:
        when = "is due tomorrow"
    elif days == 0:
        when = "is due today"
    else:
        when = f"is {-days} day{'s' if days < -1 else ''} overdue"
    balance = f"{to_major(bill.balance_due, bill.currency)} {bill.currency}"
    return (
        f"Bill {bill.number} {when}",
        f"{bill.title}: {balance} to pay by {bill.due_date.isoformat()}",
    )
