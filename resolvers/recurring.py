"""Recurring wallet payments: residents manage their own plans, admins see and steer all."""

from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from resolvers.context import RequestContext
from resolvers.money import money_input
from services.pagination import Page
from services.recurring import plans
from services.recurring.models import RecurringPayment


@dataclass(frozen=True)
class PlanFields:
    """A new plan as the resident sent it (the amount in `currency`, or the estate's)."""

    title: str
    amount: Decimal
    currency: str | None
    frequency: str
    start_date: date
    bill_type: str | None
    max_failures: int


async def recurring_payments(
    ctx: RequestContext, first: int | None, after: str | None
) -> Page[RecurringPayment]:
    return await plans.list_plans(await ctx.viewer(), first, after, ctx.settings.page_size_cap)


async def recurring_payment(ctx: RequestContext, id: str) -> RecurringPayment:
    return await plans.get_plan(await ctx.viewer(), id)


async def create_recurring_payment(
    ctx: RequestContext, fields: PlanFields, pin: str | None
) -> RecurringPayment:
    """Residents only: a plan debits the caller's own wallet (an admin cannot start one
    on a resident's behalf)."""
    viewer = await ctx.resident_viewer()
    draft = plans.PlanDraft(
        title=fields.title,
        amount=money_input(ctx, fields.amount, fields.currency),
        frequency=fields.frequency,
        start_date=fields.start_date,
        bill_type=fields.bill_type,
        max_failures=fields.max_failures,
    )
    return await plans.create_plan(viewer, ctx.require_access().estate, draft, pin, ctx.clock())


async def pause_recurring_payment(ctx: RequestContext, id: str) -> RecurringPayment:
    return await plans.pause(await ctx.viewer(), id)


async def resume_recurring_payment(ctx: RequestContext, id: str) -> RecurringPayment:
    return await plans.resume(await ctx.viewer(), ctx.require_access().estate, id, ctx.clock())


async def cancel_recurring_payment(ctx: RequestContext, id: str) -> RecurringPayment:
    return await plans.cancel(await ctx.viewer(), id)
