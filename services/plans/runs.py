"""Bill runs: each plan's period billed exactly once, in batches.

A run is one transaction (the caller's scope): it first claims the (plan, period) row of
`BillRun`, whose unique key makes a concurrent or later run of the same period find this
one and create nothing; then it issues one bill per (resident, subscription) owing
something, `BATCH` at a time, each batch one insert of bills (numbered as every bill is,
from the estate's counter), one of their lines and one of the run's lines; credits go to
wallets as ledger entries; the residents are told, one notification each per batch. A run
of a period first runs the plan's earlier periods not yet run, in order, because each
run trues up the period before it (`services.plans.drafting`)."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, date, datetime, timedelta

from tortoise.exceptions import IntegrityError

from services.audit.log import record
from services.bills.issuing import take_numbers
from services.bills.models import Bill, BillLine
from services.bills.queries import estate_today
from services.errors import ValidationFailed
from services.ledger.journal import ESTATE_ADJUSTMENTS, Line, post_entry, system_account
from services.money import to_major
from services.notifications.inbox import Message, notify_each
from services.pagination import Page, paginate
from services.plans import autopay, periods
from services.plans.catalog import get_plan
from services.plans.drafting import Draft, DraftLine, draft
from services.plans.models import BillingPlan, BillRun, BillRunLine
from services.plans.subscriptions import finish_ended
from services.residents.models import Resident
from services.wallets.models import Wallet
from tenants.models import Estate
from tenants.scope import savepoint

BATCH = 500
# Periods one call catches up per plan (a monthly plan down for two years: 24 runs).
MAX_PERIODS_PER_CALL = 36
# An archived plan still runs this long, to bill its last period and true it up.
ARCHIVED_RUNS_FOR = timedelta(days=800)


@dataclass(frozen=True)
class PreviewLine:
    unit_id: uuid.UUID
    unit_label: str
    resident_id: str | None
    amount: int
    kind: str
    period: date
    days: int


@dataclass(frozen=True)
class Preview:
    period: date
    currency: str
    count: int
    total: int
    lines: list[PreviewLine]


def _billable(lines: list[DraftLine]) -> dict[tuple[str, uuid.UUID], list[DraftLine]]:
    """The charges of each (resident, subscription): one bill each."""
    grouped: dict[tuple[str, uuid.UUID], list[DraftLine]] = defaultdict(list)
    for line in lines:
        if line.kind in ("CHARGE", "TRUE_UP") and line.resident_id is not None:
            grouped[(line.resident_id, line.subscription_id)].append(line)
    return grouped


def normalised(plan: BillingPlan, period: date, estate: Estate, now: datetime) -> date:
    """The period holding the date, not before the plan's first nor after the current."""
    start = periods.period_of(plan.interval, period)
    if start < plan.first_period:
        raise ValidationFailed(
            f"period is before the plan's first period ({plan.first_period})", field="period"
        )
    if start > periods.period_of(plan.interval, estate_today(estate, now)):
        raise ValidationFailed("period has not started yet", field="period")
    return start


async def preview(plan_id: str, period: date, estate: Estate, now: datetime) -> Preview:
    plan = await get_plan(plan_id, "planId")
    start = normalised(plan, period, estate, now)
    if await BillRun.exists(plan=plan, period=start):  # run already: a run creates nothing
        return Preview(period=start, currency=plan.currency, count=0, total=0, lines=[])
    made = await draft(plan, start)
    bills = _billable(made.lines)
    return Preview(
        period=start,
        currency=plan.currency,
        count=len(bills),
        total=sum(line.amount for group in bills.values() for line in group),
        lines=[
            PreviewLine(
                line.unit_id,
                made.units[line.unit_id].label,
                line.resident_id,
                line.amount,
                line.kind,
                line.period,
                line.days,
            )
            for line in made.lines
        ],
    )


async def run_by_hand(
    actor_id: uuid.UUID, plan_id: str, period: date, estate: Estate, now: datetime
) -> BillRun:
    plan = await get_plan(plan_id, "planId")
    start = normalised(plan, period, estate, now)
    done = await BillRun.get_or_none(plan=plan, period=start)
    if done is not None:
        return done
    async with savepoint():
        await finish_ended(estate_today(estate, now))
        for pending in await _pending(plan, start, limit=None):
            await run_period(plan, pending, estate, now, actor_id)
    # This call's run, or the one a concurrent run made meanwhile.
    return await BillRun.get(plan=plan, period=start)


async def _pending(
    plan: BillingPlan, until: date, limit: int | None = MAX_PERIODS_PER_CALL
) -> list[date]:
    """The plan's periods not yet run, up to `until`, earliest first (at most `limit`)."""
    last = await BillRun.filter(plan=plan).order_by("-period").first()
    start = periods.next_period(plan.interval, last.period) if last else plan.first_period
    found: list[date] = []
    while start <= until and (limit is None or len(found) < limit):
        found.append(start)
        start = periods.next_period(plan.interval, start)
    return found


async def run_due(estate: Estate, now: datetime) -> int:
    """Run every plan's periods whose billing date has come (the scheduled job); returns
    the bills issued."""
    today = estate_today(estate, now)
    await finish_ended(today)
    issued = 0
    plans = await BillingPlan.filter(first_period__lte=today).order_by("id")
    for plan in plans:
        if plan.archived_at is not None and plan.archived_at < now - ARCHIVED_RUNS_FOR:
            continue
        current = periods.period_of(plan.interval, today)
        for start in await _pending(plan, current):
            if periods.run_date(start, plan.billing_day) > today:
                break
            run, made = await run_period(plan, start, estate, now, None)
            issued += run.count if made else 0
    return issued


async def run_period(
    plan: BillingPlan, period: date, estate: Estate, now: datetime, actor_id: uuid.UUID | None
) -> tuple[BillRun, bool]:
    """Bill the period (inside the caller's transaction), or find its run; whether this
    call made it."""
    started = datetime.now(UTC)
    try:
        async with savepoint():  # a savepoint: a lost race undoes only this
            run = await BillRun.create(
                plan=plan,
                period=period,
                currency=plan.currency,
                triggered_by=actor_id,
                started_at=started,
            )
    except IntegrityError:  # run already, or by someone else just now
        return await BillRun.get(plan_id=plan.id, period=period), False
    made = await draft(plan, period)
    issue_day = max(periods.run_date(period, plan.billing_day), estate_today(estate, now))
    due = issue_day + timedelta(days=plan.due_days)
    bills = _billable(made.lines)
    keys = list(bills)
    bill_of: dict[tuple[str, uuid.UUID], uuid.UUID] = {}
    users = {
        str(r.id): r.user_id
        for r in await Resident.filter(id__in={k[0] for k in keys} | _credited(made))
    }
    mandates = await autopay.active_mandates({k[1] for k in keys})
    for n in range(0, len(keys), BATCH):
        batch = keys[n : n + BATCH]
        numbers = await take_numbers(len(batch))
        rows, line_rows = [], []
        for number, key in zip(numbers, batch, strict=True):
            group = bills[key]
            amount = sum(line.amount for line in group)
            consent = mandates.get((key[1], key[0]))
            bill = Bill(
                id=uuid.uuid4(),
                number=number,
                resident_id=key[0],
                unit_id=group[0].unit_id,
                title=f"{plan.name} {periods.label(plan.interval, period)}",
                description=_description(made, group),
                type=plan.bill_type,
                amount=amount,
                subtotal=amount,
                currency=plan.currency,
                due_date=due,
                # An autopay mandate stands for the resident's acknowledgement.
                status="ACKNOWLEDGED" if consent else "PENDING_ACKNOWLEDGMENT",
                acknowledged_at=now if consent else None,
            )
            rows.append(bill)
            bill_of[key] = bill.id
            line_rows += _bill_lines(bill.id, made, group)
        await Bill.bulk_create(rows, batch_size=BATCH)
        await BillLine.bulk_create(line_rows, batch_size=BATCH * 4)
        await notify_each("BILL_CREATED", _messages(rows, users, plan))
        await autopay.charges_for(
            [(b, k[1]) for b, k in zip(rows, batch, strict=True)], mandates, estate, now
        )
    failures = await _credit(made, users, run)
    await BillRunLine.bulk_create(
        [_run_line(run, line, bill_of) for line in made.lines], batch_size=BATCH * 2
    )
    vacancy = [line for line in made.lines if line.kind == "VACANCY"]
    run.count = len(keys)
    run.total = sum(line.amount for group in bills.values() for line in group)
    run.vacant = len({line.unit_id for line in vacancy if line.period == period})
    run.vacancy_total = sum(line.amount for line in vacancy)
    run.failures = failures
    run.finished_at = datetime.now(UTC)
    await run.save()
    await record(
        actor_id,
        "billRun",
        "BillRun",
        run.id,
        after={
            "plan": str(plan.id),
            "period": period.isoformat(),
            "count": run.count,
            "total": run.total,
            "vacancyTotal": run.vacancy_total,
        },
    )
    return run, True


def _credited(made: Draft) -> set[str]:
    return {line.resident_id for line in made.lines if line.kind == "CREDIT" and line.resident_id}


def _description(made: Draft, group: list[DraftLine]) -> str:
    unit = made.units[group[0].unit_id].label
    return f"Unit {unit}: " + "; ".join(line.note for line in group)


def _bill_lines(bill_id: uuid.UUID, made: Draft, group: list[DraftLine]) -> list[BillLine]:
    """A full period at the plan's price shows the price's own lines; a share of a
    period, or a true-up, one line of its own."""
    lines: list[BillLine] = []
    full = periods.period_days(made.plan.interval, made.period)
    for line in group:
        if (
            line.kind == "CHARGE"
            and line.days == full
            and made.price.lines
            and (line.amount == made.price.amount)
        ):
            for description, quantity, unit_amount, amount in made.price.lines:
                lines.append(
                    BillLine(
                        bill_id=bill_id,
                        position=len(lines),
                        description=str(description),
                        quantity_milli=int(quantity),
                        unit_amount=int(unit_amount),
                        amount=int(amount),
                    )
                )
        else:
            lines.append(
                BillLine(
                    bill_id=bill_id,
                    position=len(lines),
                    description=line.note[:500],
                    quantity_milli=1000,
                    unit_amount=line.amount,
                    amount=line.amount,
                )
            )
    return lines


def _messages(rows: list[Bill], users: dict[str, uuid.UUID], plan: BillingPlan) -> list[Message]:
    return [
        Message(
            users[str(bill.resident_id)],
            f"New bill {bill.number}: {bill.title}",
            f"Due {bill.due_date.isoformat()}",
            {
                "billNumber": bill.number,
                "amount": f"{to_major(bill.amount, bill.currency)} {bill.currency}",
                "dueDate": bill.due_date.isoformat(),
            },
        )
        for bill in rows
    ]


async def _credit(made: Draft, users: dict[str, uuid.UUID], run: BillRun) -> int:
    """Days paid for and not stayed go back to the resident's wallet, from the estate's
    adjustments account; returns the credits that could not be made (no wallet)."""
    failed = 0
    credits = [line for line in made.lines if line.kind == "CREDIT"]
    if not credits:
        return 0
    adjustments = await system_account(ESTATE_ADJUSTMENTS, made.plan.currency)
    wallets = {
        str(w.resident_id): w
        for w in await Wallet.filter(
            resident_id__in={c.resident_id for c in credits}, currency=made.plan.currency
        ).select_related("account")
    }
    for line in credits:
        wallet = wallets.get(line.resident_id or "")
        if wallet is None:
            failed += 1
            continue
        await post_entry(
            f"plan-credit:{run.id}:{line.subscription_id}:{line.resident_id}",
            "ADJUSTMENT",
            [Line(wallet.account, -line.amount), Line(adjustments, line.amount)],
            description=line.note,
            reference=str(run.id),
        )
    return failed


def _run_line(
    run: BillRun, line: DraftLine, bill_of: dict[tuple[str, uuid.UUID], uuid.UUID]
) -> BillRunLine:
    bill_id = bill_of.get((line.resident_id, line.subscription_id)) if line.resident_id else None
    return BillRunLine(
        run=run,
        subscription_id=line.subscription_id,
        unit_id=line.unit_id,
        resident_id=line.resident_id,
        bill_id=bill_id if line.kind in ("CHARGE", "TRUE_UP") else None,
        period=line.period,
        kind=line.kind,
        days=line.days,
        amount=line.amount,
        note=line.note[:300],
    )


async def list_runs(
    plan_id: str | None, first: int | None, after: str | None, cap: int
) -> Page[BillRun]:
    query = BillRun.all()
    if plan_id is not None:
        query = query.filter(plan_id=(await get_plan(plan_id, "planId")).id)
    return await paginate(query, first, after, cap, newest_first=True)


async def vacancies(plan_id: str | None, period: date | None) -> list[BillRunLine]:
    """The vacancy report: what each unit's empty days were worth, per plan and period
    (true-ups included, as their own lines)."""
    query = BillRunLine.filter(kind="VACANCY")
    if plan_id is not None:
        query = query.filter(run__plan_id=(await get_plan(plan_id, "planId")).id)
    if period is not None:
        query = query.filter(period=period)
    return list(await query.order_by("period", "unit_id", "id").limit(10_000))
