"""The overdue job: unpaid acknowledged or partially paid bills whose due date has passed
in the estate's own timezone become OVERDUE. Run for a moment `now` in the current scope."""

from __future__ import annotations

from datetime import datetime

from services.audit.log import record
from services.bills.lifecycle import TRANSITIONS, transition
from services.bills.models import Bill
from services.bills.notices import local_date, send, unsent
from services.events import changed
from services.money import to_major
from tenants.models import Estate

MARKABLE = TRANSITIONS["mark_overdue"][0]
OVERDUE_NOTICE = "overdue"


async def mark_overdue(estate: Estate, now: datetime) -> int:
    """Marks the bills past due at `now` in the estate's timezone; returns how many. A bill
    due on its local date D turns overdue when D ends there (a bill due "today" in Lagos may
    already be overdue in Auckland). The resident hears of it once per bill, even when a
    part payment later returns it to PARTIALLY_PAID and this marks it again."""
    today = local_date(now, estate.timezone)
    # Locked: a payment of the same bill waits for us (and we for it), then sees OVERDUE.
    bills = (
        await Bill.filter(status__in=MARKABLE, due_date__lt=today)
        .select_for_update()
        .order_by("id")
    )
    for bill in bills:
        before = bill.status
        bill.status = transition(bill.status, "mark_overdue")
        await bill.save(update_fields=["status", "updated_at"])
        changed("bill", bill.id, bill.resident_id)
        await record(
            None,
            "markOverdue",
            "Bill",
            bill.id,
            before={"status": before},
            after={"status": bill.status, "dueDate": bill.due_date.isoformat()},
        )
    first_time = await unsent({b.id: OVERDUE_NOTICE for b in bills})
    await send(
        [(b, OVERDUE_NOTICE) for b in bills if b.id in first_time],
        "BILL_OVERDUE",
        {b.id: _overdue_text(b) for b in bills},
        now,
    )
    return len(bills)


def _overdue_text(bill: Bill) -> tuple[str, str]:
    balance = f"{to_major(bill.balance_due, bill.currency)} {bill.currency}"
    return (
        f"Bill {bill.number} is overdue",
        f"{bill.title}: {balance} was due on {bill.due_date.isoformat()}",
    )
