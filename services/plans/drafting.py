"""What a plan's run for a period charges, without writing anything (the preview and the
run share it).

For its own period a run charges ahead: the unit's occupants as recorded at the run (a
current stay is taken to last the period). A prorating plan shares the period's price by
day between the residents who pay it (the primary resident of each day: the one who has
lived there longest; a move-out day is not charged, a move-in day is) and the
vacancy report (days with nobody); without proration the
resident living there on the billing date pays the whole period, or it is vacant.

For the period before, a prorating plan's run trues up: the shares are computed again
with the occupancy now known (moves in and out during that period, subscriptions that
started after its run), less what was already charged for it, so a newcomer pays their
days (TRUE_UP) and a resident who left early is credited the days they did not stay
(CREDIT). Every share is exact to the minor unit (`periods.share`)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import date, timedelta

from tortoise.expressions import Q

from services.plans import periods
from services.plans.catalog import price_in, prices_of
from services.plans.models import BillingPlan, BillingPlanPrice, BillRunLine, PlanSubscription
from services.plans.subscriptions import occupants_of
from services.properties.models import Unit
from services.residents.occupancy import started

Key = tuple[uuid.UUID, str | None]  # (subscription, resident or None: vacancy)


@dataclass(frozen=True)
class DraftLine:
    subscription_id: uuid.UUID
    unit_id: uuid.UUID
    resident_id: str | None
    period: date
    kind: str  # CHARGE, TRUE_UP, CREDIT, VACANCY
    days: int
    amount: int
    note: str


@dataclass(frozen=True)
class Draft:
    plan: BillingPlan
    period: date
    price: BillingPlanPrice
    lines: list[DraftLine]
    units: dict[uuid.UUID, Unit]


def _overlapping(plan: BillingPlan, first: date, last: date) -> Q:
    return Q(plan_id=plan.id, start_date__lte=last) & (
        Q(end_date__isnull=True) | Q(end_date__gte=first)
    )


async def draft(plan: BillingPlan, period: date) -> Draft:
    interval = plan.interval
    previous = periods.previous_period(interval, period)
    true_up = plan.prorate and previous >= plan.first_period
    earliest = previous if true_up else period
    subs = list(
        await PlanSubscription.filter(
            _overlapping(plan, earliest, periods.period_end(interval, period))
        ).order_by("id")
    )
    unit_ids = list({uuid.UUID(str(s.unit_id)) for s in subs})
    units = {u.id: u for u in await Unit.filter(id__in=unit_ids)} if unit_ids else {}
    stays: dict[str, list[periods.Stay]] = defaultdict(list)
    for o in sorted(await occupants_of(unit_ids), key=lambda o: (started(o), o.created_at)):
        # The move-out day is not charged: it is the next occupant's first day.
        last = o.ends_on - timedelta(days=1) if o.ends_on else None
        if last is None or last >= started(o):
            stays[str(o.unit_id)].append(periods.Stay(str(o.resident_id), started(o), last))
    prices = (await prices_of([plan.id]))[plan.id]
    price = price_in(prices, period)
    lines: list[DraftLine] = []
    for sub in subs:
        lines += _charges(plan, sub, period, price.amount, stays[str(sub.unit_id)])
    if true_up:
        charged = await _charged(plan, previous)
        old_price = price_in(prices, previous).amount
        for sub in subs:
            lines += _true_up(plan, sub, previous, old_price, stays[str(sub.unit_id)], charged)
    return Draft(plan, period, price, lines, units)


def _coverage(sub: PlanSubscription, first: date, last: date) -> tuple[date, date] | None:
    start = max(sub.start_date, first)
    end = min(sub.end_date, last) if sub.end_date else last
    return (start, end) if start <= end else None


def _shares(
    plan: BillingPlan, sub: PlanSubscription, period: date, price: int, stays: list[periods.Stay]
) -> dict[str | None, tuple[int, int]]:
    """(days, amount) per payer (None: vacant) of the subscription in the period."""
    last = periods.period_end(plan.interval, period)
    found: dict[str | None, tuple[int, int]] = {}
    if not plan.prorate:
        billed_on = periods.run_date(period, plan.billing_day)
        if _coverage(sub, billed_on, billed_on) is None:
            return found
        (segment,) = periods.segments(billed_on, billed_on, stays)
        return {segment.resident_id: (periods.period_days(plan.interval, period), price)}
    cover = _coverage(sub, period, last)
    if cover is None:
        return found
    total = periods.period_days(plan.interval, period)
    for segment in periods.segments(cover[0], cover[1], stays):
        offset = (segment.first - period).days
        amount = periods.share(price, total, offset, segment.days)
        days, sum_ = found.get(segment.resident_id, (0, 0))
        found[segment.resident_id] = (days + segment.days, sum_ + amount)
    return found


def _charges(
    plan: BillingPlan, sub: PlanSubscription, period: date, price: int, stays: list[periods.Stay]
) -> list[DraftLine]:
    name = periods.label(plan.interval, period)
    total = periods.period_days(plan.interval, period)
    lines = []
    for payer, (days, amount) in _shares(plan, sub, period, price, stays).items():
        if amount == 0:
            continue
        note = f"{plan.name} {name}" + (f", {days} of {total} days" if days < total else "")
        kind = "CHARGE" if payer is not None else "VACANCY"
        lines.append(
            DraftLine(sub.id, uuid.UUID(str(sub.unit_id)), payer, period, kind, days, amount, note)
        )
    return lines


async def _charged(plan: BillingPlan, period: date) -> dict[Key, tuple[int, int]]:
    """(days, amount) already charged per (subscription, payer) for the period."""
    found: dict[Key, tuple[int, int]] = {}
    rows = await BillRunLine.filter(run__plan_id=plan.id, period=period).values_list(
        "subscription_id", "resident_id", "days", "amount"
    )
    for sub_id, resident_id, days, amount in rows:
        key = (uuid.UUID(str(sub_id)), str(resident_id) if resident_id else None)
        old = found.get(key, (0, 0))
        found[key] = (old[0] + days, old[1] + amount)
    return found


def _true_up(
    plan: BillingPlan,
    sub: PlanSubscription,
    period: date,
    price: int,
    stays: list[periods.Stay],
    charged: dict[Key, tuple[int, int]],
) -> list[DraftLine]:
    actual = _shares(plan, sub, period, price, stays)
    payers = set(actual) | {payer for (s, payer) in charged if s == sub.id}
    name = periods.label(plan.interval, period)
    lines = []
    for payer in sorted(payers, key=lambda p: p or ""):
        days, amount = actual.get(payer, (0, 0))
        had_days, had = charged.get((sub.id, payer), (0, 0))
        delta = amount - had
        if delta == 0:
            continue
        if payer is None:
            kind, note = "VACANCY", f"{plan.name} {name}: vacancy adjusted to {days} days"
        elif delta > 0:
            kind, note = "TRUE_UP", f"{plan.name} {name}: {days - had_days} more days"
        else:
            kind, note = "CREDIT", f"{plan.name} {name}: {had_days - days} days not stayed"
        lines.append(
            DraftLine(
                sub.id,
                uuid.UUID(str(sub.unit_id)),
                payer,
                period,
                kind,
                days - had_days,
                delta,
                note,
            )
        )
    return lines
