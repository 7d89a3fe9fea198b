"""On-time streaks, evaluated by the schedule (`evaluate_reward_streaks`).

Each resident's completed months (estate local time) are walked once, from the month
after the last one evaluated (at first: the month of their first bill due). A month with
bills due counts on time when every one of them (cancelled ones aside) is paid and was
paid in full on or before its due date; on time adds one to the streak, otherwise the
streak goes back to 0. A month with no bill due leaves the streak as it is.
After each on-time month the estate's tiers are checked: a one-off tier is granted once
when the streak reaches its months, a recurring one `streak // months` times in all;
what was granted is counted per streak, so a reset starts the counts over.

Exactly once: a resident's row is locked while their months are walked, and the months
walked, the new streak and the grants commit together; each grant's ledger key names the
resident, the month and the tier, so nothing can be granted twice for one month.
"""

from __future__ import annotations

import uuid
from datetime import date, datetime
from zoneinfo import ZoneInfo

from tortoise.exceptions import IntegrityError

from services.bills.models import Bill
from services.bills.notices import local_date
from services.ledger.models import JournalEntry
from services.money import Money
from services.payments.models import Payment
from services.rewards.models import RewardRedemption, RewardStreak
from services.rewards.rewards import Config, config, grant
from tenants.models import Estate
from tenants.scope import savepoint

# Payments whose money went to the bill (and may since have been partly refunded).
_PAID = ("SUCCEEDED", "PARTIALLY_REFUNDED")


def month_of(day: date) -> date:
    return day.replace(day=1)


def next_month(month: date) -> date:
    return date(month.year + month.month // 12, month.month % 12 + 1, 1)


def previous_month(month: date) -> date:
    return date(month.year - (month.month == 1), (month.month - 2) % 12 + 1, 1)


async def evaluate(estate: Estate, at: datetime) -> int:
    """Walk every resident's completed months not yet evaluated as of `at`; returns how
    many rewards were granted."""
    rules = await config()
    if not rules.streak_enabled:
        return 0
    this_month = month_of(local_date(at, estate.timezone))
    through = previous_month(this_month)
    billed = {
        uuid.UUID(str(r))
        for r in await Bill.filter(due_date__lt=this_month)
        .exclude(status="CANCELLED")
        .distinct()
        .values_list("resident_id", flat=True)
    }
    current = {
        uuid.UUID(str(r))
        for r in await RewardStreak.filter(evaluated_through__gte=through).values_list(
            "resident_id", flat=True
        )
    }
    granted = 0
    for resident_id in sorted(billed - current, key=str):
        granted += await _evaluate_resident(estate, rules, resident_id, through)
    return granted


async def _locked_row(resident_id: uuid.UUID) -> RewardStreak:
    row = await RewardStreak.filter(resident_id=resident_id).select_for_update().first()
    if row is not None:
        return row
    try:
        async with savepoint():
            await RewardStreak.create(resident_id=resident_id)
    except IntegrityError:  # a concurrent run made it
        pass
    return await RewardStreak.filter(resident_id=resident_id).select_for_update().get()


async def _evaluate_resident(
    estate: Estate, rules: Config, resident_id: uuid.UUID, through: date
) -> int:
    async with savepoint():
        row = await _locked_row(resident_id)
        bills = Bill.filter(resident_id=resident_id).exclude(status="CANCELLED")
        if row.evaluated_through is not None:
            start = next_month(row.evaluated_through)
        else:
            first = await bills.order_by("due_date").first()
            if first is None:
                return 0
            start = month_of(first.due_date)
        if start > through:  # a concurrent run got here first
            return 0
        due = await bills.filter(due_date__gte=start, due_date__lt=next_month(through))
        late = await _not_on_time(due, estate.timezone)
        granted, month = 0, start
        while month <= through:
            months_bills = [b for b in due if month_of(b.due_date) == month]
            if months_bills and any(b.id in late for b in months_bills):
                row.streak, row.granted = 0, {}
            elif months_bills:
                row.streak += 1
                granted += await _grant_tiers(estate, rules, row, month)
            month = next_month(month)
        row.evaluated_through = through
        await row.save(update_fields=["streak", "granted", "evaluated_through"])
        return granted


async def _not_on_time(bills: list[Bill], timezone: str) -> set[uuid.UUID]:
    """The bills not paid in full on or before their due date (estate local time): unpaid
    now, or completed by money or rewards that came later."""
    late = {b.id for b in bills if b.status != "PAID"}
    paid = {b.id: b for b in bills if b.status == "PAID"}
    if not paid:
        return late
    last: dict[uuid.UUID, datetime] = {}
    payments = await Payment.filter(bill_id__in=list(paid), status__in=_PAID).values(
        "id", "bill_id", "completed_at"
    )
    # A payment the bill could no longer take went to the wallet: it paid nothing here.
    to_bill = set(
        await JournalEntry.filter(
            idempotency_key__in=[f"payment:{p['id']}" for p in payments], kind="BILL_PAYMENT"
        ).values_list("idempotency_key", flat=True)
    )
    moments = [
        (p["bill_id"], p["completed_at"])
        for p in payments
        if f"payment:{p['id']}" in to_bill and p["completed_at"] is not None
    ]
    moments += await RewardRedemption.filter(
        bill_id__in=list(paid), returned_at__isnull=True
    ).values_list("bill_id", "created_at")
    for bill_id, moment in moments:
        if bill_id not in last or moment > last[bill_id]:
            last[bill_id] = moment
    zone = ZoneInfo(timezone)
    for bill_id, bill in paid.items():
        moment = last.get(bill_id)
        if moment is None or moment.astimezone(zone).date() > bill.due_date:
            late.add(bill_id)
    return late


async def _grant_tiers(estate: Estate, rules: Config, row: RewardStreak, month: date) -> int:
    granted = 0
    counts = dict(row.granted)
    for tier in rules.tiers:
        months, recurring = int(str(tier["monthsRequired"])), bool(tier["recurring"])
        name = f"{months}:{'recurring' if recurring else 'once'}"
        due = row.streak // months if recurring else int(row.streak >= months)
        for n in range(counts.get(name, 0), due):
            await grant(
                None,
                estate,
                row.resident_id,
                Money(int(str(tier["amount"])), estate.currency),
                f"On time {row.streak} months in a row",
                f"streak:{row.resident_id}:{month.isoformat()}:{name}:{n + 1}",
                kind="STREAK_REWARD",
            )
            granted += 1
        counts[name] = max(counts.get(name, 0), due)
    row.granted = counts
    return granted
