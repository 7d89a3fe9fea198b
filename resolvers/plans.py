"""Billing plans, subscriptions, bill runs (estate admins) and autopay (residents)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from resolvers.bills import LineFields
from resolvers.context import RequestContext
from resolvers.money import money_input
from services.bills.invoices import LineDraft
from services.bills.reminders import ReminderPolicy
from services.money import Money
from services.pagination import Page
from services.plans import autopay, catalog, dunning, runs, subscriptions
from services.plans.models import (
    AutopayMandate,
    BillingPlan,
    BillingPlanPrice,
    BillRun,
    BillRunLine,
    PlanSubscription,
)


@dataclass(frozen=True)
class LateFeeFields:
    grace_days: int
    max_applications: int
    percent: Decimal | None = None
    fixed: Decimal | None = None


@dataclass(frozen=True)
class PlanFields:
    """A plan or its changes as sent (amounts in `currency`, or the estate's); None:
    not given."""

    name: str | None = None
    bill_type: str | None = None
    amount: Decimal | None = None
    currency: str | None = None
    line_items: list[LineFields] | None = None
    interval: str | None = None
    billing_day: int | None = None
    due_days: int | None = None
    prorate: bool | None = None
    late_fee: LateFeeFields | None = None


def _price(ctx: RequestContext, fields: PlanFields) -> catalog.Price:
    lines = None
    if fields.line_items is not None:
        lines = tuple(
            LineDraft(
                line.description,
                line.quantity,
                money_input(
                    ctx, line.unit_amount, fields.currency, field=f"lineItems[{n}].unitAmount"
                ),
            )
            for n, line in enumerate(fields.line_items)
        )
    amount = money_input(ctx, fields.amount, fields.currency) if fields.amount is not None else None
    return catalog.Price(amount, lines)


def _late_fee(ctx: RequestContext, fields: LateFeeFields | None) -> catalog.LateFeeDraft | None:
    if fields is None:
        return None
    fixed: Money | None = None
    if fields.fixed is not None:
        fixed = money_input(ctx, fields.fixed, None, field="lateFee.fixed")
    return catalog.LateFeeDraft(fields.percent, fixed, fields.grace_days, fields.max_applications)


async def create_billing_plan(ctx: RequestContext, fields: PlanFields) -> BillingPlan:
    access = ctx.require_admin()
    assert fields.name is not None and fields.bill_type is not None and fields.interval
    draft = catalog.PlanDraft(
        name=fields.name,
        bill_type=fields.bill_type,
        price=_price(ctx, fields),
        interval=fields.interval,
        billing_day=fields.billing_day if fields.billing_day is not None else 1,
        due_days=fields.due_days if fields.due_days is not None else 14,
        prorate=bool(fields.prorate),
        late_fee=_late_fee(ctx, fields.late_fee),
    )
    return await catalog.create_plan(ctx.user_id, access.estate, draft, ctx.clock())


async def update_billing_plan(
    ctx: RequestContext, id: str, fields: PlanFields, late_fee_given: bool
) -> BillingPlan:
    access = ctx.require_admin()
    price_given = fields.amount is not None or fields.line_items is not None
    changes = catalog.PlanChanges(
        name=fields.name,
        bill_type=fields.bill_type,
        price=_price(ctx, fields) if price_given else None,
        billing_day=fields.billing_day,
        due_days=fields.due_days,
        prorate=fields.prorate,
        late_fee=_late_fee(ctx, fields.late_fee),
        late_fee_given=late_fee_given,
    )
    return await catalog.update_plan(ctx.user_id, access.estate, id, changes, ctx.clock())


async def archive_billing_plan(ctx: RequestContext, id: str) -> BillingPlan:
    access = ctx.require_admin()
    return await catalog.archive_plan(ctx.user_id, access.estate, id, ctx.clock())


async def billing_plans(
    ctx: RequestContext, include_archived: bool, first: int | None, after: str | None
) -> Page[BillingPlan]:
    ctx.require_admin()
    return await catalog.list_plans(include_archived, first, after, ctx.settings.page_size_cap)


async def billing_plan(ctx: RequestContext, id: str) -> BillingPlan:
    ctx.require_admin()
    return await catalog.get_plan(id)


async def plan(ctx: RequestContext, plan_id: uuid.UUID) -> BillingPlan:
    """A subscription's or run's plan (the caller already sees the subscription)."""
    return await BillingPlan.get(id=plan_id)


async def prices(ctx: RequestContext, plan_id: uuid.UUID) -> list[BillingPlanPrice]:
    return (await catalog.prices_of([plan_id])).get(plan_id, [])


async def subscribe_units(
    ctx: RequestContext,
    plan_id: str,
    unit_ids: list[str] | None,
    property_id: str | None,
    start_date: date | None,
) -> list[PlanSubscription]:
    access = ctx.require_admin()
    return await subscriptions.subscribe_units(
        ctx.user_id, access.estate, plan_id, unit_ids, property_id, start_date, ctx.clock()
    )


async def unsubscribe_unit(
    ctx: RequestContext, subscription_id: str, at_period_end: bool
) -> PlanSubscription:
    access = ctx.require_admin()
    return await subscriptions.unsubscribe(
        ctx.user_id, access.estate, await ctx.viewer(), subscription_id, at_period_end, ctx.clock()
    )


async def plan_subscriptions(
    ctx: RequestContext,
    where: subscriptions.SubscriptionFilter,
    first: int | None,
    after: str | None,
) -> Page[PlanSubscription]:
    return await subscriptions.list_subscriptions(
        await ctx.viewer(), where, first, after, ctx.settings.page_size_cap
    )


async def mandate(ctx: RequestContext, subscription_id: uuid.UUID) -> AutopayMandate | None:
    return (await autopay.mandates_of([subscription_id])).get(subscription_id)


async def bill_runs(
    ctx: RequestContext, plan_id: str | None, first: int | None, after: str | None
) -> Page[BillRun]:
    ctx.require_admin()
    return await runs.list_runs(plan_id, first, after, ctx.settings.page_size_cap)


async def preview_bill_run(ctx: RequestContext, plan_id: str, period: date) -> runs.Preview:
    access = ctx.require_admin()
    return await runs.preview(plan_id, period, access.estate, ctx.clock())


async def run_bill_run(ctx: RequestContext, plan_id: str, period: date) -> BillRun:
    access = ctx.require_admin()
    return await runs.run_by_hand(ctx.user_id, plan_id, period, access.estate, ctx.clock())


async def vacancy_report(
    ctx: RequestContext, plan_id: str | None, period: date | None
) -> list[BillRunLine]:
    ctx.require_admin()
    return await runs.vacancies(plan_id, period)


async def enable_autopay(
    ctx: RequestContext, subscription_id: str, source: str, payment_method_id: str | None
) -> PlanSubscription:
    viewer = await ctx.resident_viewer()
    estate = ctx.require_access().estate
    return await autopay.enable(
        viewer, estate, subscription_id, source, payment_method_id, ctx.clock()
    )


async def disable_autopay(ctx: RequestContext, subscription_id: str) -> PlanSubscription:
    return await autopay.disable(await ctx.resident_viewer(), subscription_id, ctx.clock())


def _default_reminders(ctx: RequestContext) -> ReminderPolicy:
    settings = ctx.settings
    return ReminderPolicy(
        settings.reminder_days_before_due, settings.reminder_days_after_due, settings.reminder_hour
    )


async def dunning_schedule(ctx: RequestContext) -> dunning.Schedule:
    ctx.require_admin()
    return await dunning.schedule(_default_reminders(ctx))


async def set_dunning_schedule(
    ctx: RequestContext, days_before: list[int] | None, days_after: list[int] | None
) -> dunning.Schedule:
    ctx.require_admin()
    return await dunning.set_schedule(ctx.user_id, days_before, days_after, _default_reminders(ctx))
