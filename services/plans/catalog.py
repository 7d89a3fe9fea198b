"""Creating, changing, archiving and listing billing plans (estate admins).

A price change (amount or line items) takes effect from the period after the current
one, as a new `BillingPlanPrice` row: bills already issued, and the current period's run
if it has not happened yet, keep the old price, and the rows are the price history.
The other settings apply from the next run, and the audit log keeps their history."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date, datetime
from decimal import Decimal
from typing import Any

from services import validation
from services.access import parse_id
from services.audit.log import record
from services.bills.invoices import LineDraft, figures
from services.bills.models import BILL_TYPES
from services.bills.queries import estate_today
from services.errors import InvalidState, NotFound, ValidationFailed
from services.money import Money, to_major
from services.pagination import Page, paginate
from services.plans import periods
from services.plans.models import INTERVALS, BillingPlan, BillingPlanPrice, PlanSubscription
from tenants.models import Estate
from tenants.scope import savepoint

MAX_DUE_DAYS = 365
MAX_GRACE_DAYS = 365
MAX_LATE_FEE_APPLICATIONS = 100


@dataclass(frozen=True)
class LateFeeDraft:
    percent: Decimal | None
    fixed: Money | None
    grace_days: int
    max_applications: int


@dataclass(frozen=True)
class Price:
    amount: Money | None
    lines: tuple[LineDraft, ...] | None


@dataclass(frozen=True)
class PlanDraft:
    name: str
    bill_type: str
    price: Price
    interval: str
    billing_day: int
    due_days: int
    prorate: bool
    late_fee: LateFeeDraft | None


@dataclass(frozen=True)
class PlanChanges:
    """What `updateBillingPlan` changes; None keeps the current value (`late_fee_given`
    says whether `late_fee` was sent: sent as None, it removes the late fee)."""

    name: str | None = None
    bill_type: str | None = None
    price: Price | None = None
    billing_day: int | None = None
    due_days: int | None = None
    prorate: bool | None = None
    late_fee: LateFeeDraft | None = None
    late_fee_given: bool = False


def _bill_type(value: str) -> str:
    if value not in BILL_TYPES:
        raise ValidationFailed(f"billType must be one of {', '.join(BILL_TYPES)}", field="billType")
    return value


def _in_range(value: int, low: int, high: int, field: str) -> int:
    if not low <= value <= high:
        raise ValidationFailed(f"{field} must be from {low} to {high}", field=field)
    return value


def _price(price: Price, currency: str) -> tuple[int, list[list[object]] | None]:
    """The price in minor units and its stored lines; `amount` and `lineItems` must agree
    when both are given."""
    if price.amount is not None and price.amount.currency != currency:
        raise ValidationFailed(
            f"currency must be the estate's currency {currency}", field="currency"
        )
    if price.lines is None:
        if price.amount is None:
            raise ValidationFailed("give amount or lineItems", field="amount")
        if price.amount.minor <= 0:
            raise ValidationFailed("amount must be positive", field="amount")
        return price.amount.minor, None
    invoice = figures(list(price.lines), currency, 0, None)
    if price.amount is not None and price.amount.minor != invoice.total:
        raise ValidationFailed(
            f"amount {price.amount.major} disagrees with the line items' total "
            f"{to_major(invoice.total, currency)}",
            field="amount",
        )
    return invoice.total, [list(line) for line in invoice.lines]


def _late_fee(draft: LateFeeDraft | None, currency: str) -> dict[str, int | None]:
    if draft is None:
        return {
            "late_fee_percent_bp": None,
            "late_fee_fixed": None,
            "late_fee_grace_days": None,
            "late_fee_max_applications": 0,
        }
    if (draft.percent is None) == (draft.fixed is None):
        raise ValidationFailed("give either percent or fixed", field="lateFee.percent")
    percent_bp = None
    if draft.percent is not None:
        scaled = draft.percent.scaleb(2) if draft.percent.is_finite() else draft.percent
        if not draft.percent.is_finite() or not 0 < draft.percent <= 100:
            raise ValidationFailed(
                "lateFee.percent must be more than 0 and at most 100", field="lateFee.percent"
            )
        if scaled != scaled.to_integral_value():
            raise ValidationFailed(
                "lateFee.percent has more than 2 decimal places", field="lateFee.percent"
            )
        percent_bp = int(scaled)
    if draft.fixed is not None and draft.fixed.currency != currency:
        raise ValidationFailed(f"lateFee.fixed must be in {currency}", field="lateFee.fixed")
    return {
        "late_fee_percent_bp": percent_bp,
        "late_fee_fixed": draft.fixed.minor if draft.fixed else None,
        "late_fee_grace_days": _in_range(draft.grace_days, 1, MAX_GRACE_DAYS, "lateFee.graceDays"),
        "late_fee_max_applications": _in_range(
            draft.max_applications, 1, MAX_LATE_FEE_APPLICATIONS, "lateFee.maxApplications"
        ),
    }


def snapshot(plan: BillingPlan) -> dict[str, object]:
    """What the audit log keeps of a plan's settings."""
    return {
        "name": plan.name,
        "billType": plan.bill_type,
        "interval": plan.interval,
        "billingDay": plan.billing_day,
        "dueDays": plan.due_days,
        "prorate": plan.prorate,
        "lateFeePercentBp": plan.late_fee_percent_bp,
        "lateFeeFixed": plan.late_fee_fixed,
        "lateFeeGraceDays": plan.late_fee_grace_days,
        "lateFeeMaxApplications": plan.late_fee_max_applications,
        "archived": plan.archived_at is not None,
    }


async def create_plan(
    actor_id: uuid.UUID, estate: Estate, draft: PlanDraft, now: datetime
) -> BillingPlan:
    if draft.interval not in INTERVALS:
        raise ValidationFailed(f"interval must be one of {', '.join(INTERVALS)}", field="interval")
    amount, lines = _price(draft.price, estate.currency)
    settings: dict[str, Any] = {
        "name": validation.text(draft.name, "name", max_length=200),
        "bill_type": _bill_type(draft.bill_type),
        "interval": draft.interval,
        "billing_day": _in_range(draft.billing_day, 1, 31, "billingDay"),
        "due_days": _in_range(draft.due_days, 0, MAX_DUE_DAYS, "dueDays"),
        "prorate": draft.prorate,
        **_late_fee(draft.late_fee, estate.currency),
    }
    first = periods.period_of(draft.interval, estate_today(estate, now))
    async with savepoint():
        plan = await BillingPlan.create(
            currency=estate.currency, first_period=first, created_by=actor_id, **settings
        )
        await BillingPlanPrice.create(
            plan=plan, effective_from=first, amount=amount, lines=lines, created_by=actor_id
        )
        await record(
            actor_id,
            "createBillingPlan",
            "BillingPlan",
            plan.id,
            after={**snapshot(plan), "amount": amount},
        )
    return plan


async def get_plan(
    plan_id: str | uuid.UUID, field: str = "id", *, lock: bool = False
) -> BillingPlan:
    query = BillingPlan.filter(id=parse_id(plan_id, field, "billing plan"))
    if lock:
        query = query.select_for_update()
    plan = await query.first()
    if plan is None:
        raise NotFound("billing plan not found", field=field)
    return plan


async def update_plan(
    actor_id: uuid.UUID, estate: Estate, plan_id: str, changes: PlanChanges, now: datetime
) -> BillingPlan:
    async with savepoint():
        plan = await get_plan(plan_id, lock=True)
        if plan.archived_at is not None:
            raise InvalidState("the plan is archived", field="id")
        before = snapshot(plan)
        if changes.name is not None:
            plan.name = validation.text(changes.name, "name", max_length=200)
        if changes.bill_type is not None:
            plan.bill_type = _bill_type(changes.bill_type)
        if changes.billing_day is not None:
            plan.billing_day = _in_range(changes.billing_day, 1, 31, "billingDay")
        if changes.due_days is not None:
            plan.due_days = _in_range(changes.due_days, 0, MAX_DUE_DAYS, "dueDays")
        if changes.prorate is not None:
            plan.prorate = changes.prorate
        if changes.late_fee_given:
            for name, value in _late_fee(changes.late_fee, plan.currency).items():
                setattr(plan, name, value)
        after: dict[str, object] = {}
        if changes.price is not None:
            amount, lines = _price(changes.price, plan.currency)
            today = estate_today(estate, now)
            start = periods.next_period(plan.interval, periods.period_of(plan.interval, today))
            # A second change before that period replaces the first: one price per period.
            await BillingPlanPrice.filter(plan=plan, effective_from=start).delete()
            await BillingPlanPrice.create(
                plan=plan, effective_from=start, amount=amount, lines=lines, created_by=actor_id
            )
            after = {"amount": amount, "effectiveFrom": start.isoformat()}
        await plan.save()
        await record(
            actor_id,
            "updateBillingPlan",
            "BillingPlan",
            plan.id,
            before=before,
            after={**snapshot(plan), **after},
        )
        return plan


async def archive_plan(
    actor_id: uuid.UUID, estate: Estate, plan_id: str, now: datetime
) -> BillingPlan:
    """No new subscriptions; the ones it has end with the current period (its last run
    bills that period; the next one settles what moves in it left owing)."""
    async with savepoint():
        plan = await get_plan(plan_id, lock=True)
        if plan.archived_at is not None:
            raise InvalidState("the plan is archived already", field="id")
        before = snapshot(plan)
        today = estate_today(estate, now)
        end = periods.period_end(plan.interval, periods.period_of(plan.interval, today))
        await PlanSubscription.filter(plan=plan, status="ACTIVE").update(
            status="ENDING", end_date=end
        )
        plan.archived_at = now
        await plan.save(update_fields=["archived_at", "updated_at"])
        await record(
            actor_id,
            "archiveBillingPlan",
            "BillingPlan",
            plan.id,
            before=before,
            after=snapshot(plan),
        )
        return plan


async def list_plans(
    include_archived: bool, first: int | None, after: str | None, cap: int
) -> Page[BillingPlan]:
    query = BillingPlan.all() if include_archived else BillingPlan.filter(archived_at__isnull=True)
    return await paginate(query, first, after, cap, newest_first=True)


async def prices_of(plan_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[BillingPlanPrice]]:
    """Each plan's price history, earliest first."""
    found: dict[uuid.UUID, list[BillingPlanPrice]] = {}
    for row in await BillingPlanPrice.filter(plan_id__in=plan_ids).order_by("effective_from"):
        found.setdefault(uuid.UUID(str(row.plan_id)), []).append(row)
    return found


def price_in(prices: list[BillingPlanPrice], period: date) -> BillingPlanPrice:
    """The price in force for the period (the latest effective on or before it)."""
    current = [p for p in prices if p.effective_from <= period]
    return current[-1] if current else prices[0]
