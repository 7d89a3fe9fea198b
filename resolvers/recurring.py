"""Recurring wallet payments: residents manage their own plans, admins see and steer all."""

from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from resolvers.money import money_input
from schema.inputs import CreateRecurringPaymentInput
from schema.types import Connection, RecurringPayment, connection
from services.recurring import plans


async def recurring_payments(
    info: Info[RequestContext, None], first: int | None = None, after: str | None = None
) -> Connection[RecurringPayment]:
    ctx = info.context
    page = await plans.list_plans(await ctx.viewer(), first, after, ctx.settings.page_size_cap)
    return connection(page, RecurringPayment.from_model)


async def recurring_payment(
    info: Info[RequestContext, None], id: strawberry.ID
) -> RecurringPayment:
    return RecurringPayment.from_model(await plans.get_plan(await info.context.viewer(), id))


async def create_recurring_payment(
    info: Info[RequestContext, None], input: CreateRecurringPaymentInput
) -> RecurringPayment:
    """Residents only: a plan debits the caller's own wallet (an admin cannot start one
    on a resident's behalf)."""
    ctx = info.context
    viewer = await ctx.resident_viewer()
    draft = plans.PlanDraft(
        title=input.title,
        amount=money_input(ctx, input.amount, input.currency),
        frequency=input.frequency.value,
        start_date=input.start_date,
        bill_type=input.bill_type.value if input.bill_type else None,
        max_failures=input.max_failures,
    )
    created = await plans.create_plan(
        viewer, ctx.require_access().estate, draft, input.pin, ctx.clock()
    )
    return RecurringPayment.from_model(created)


async def pause_recurring_payment(
    info: Info[RequestContext, None], id: strawberry.ID
) -> RecurringPayment:
    return RecurringPayment.from_model(await plans.pause(await info.context.viewer(), id))


async def resume_recurring_payment(
    info: Info[RequestContext, None], id: strawberry.ID
) -> RecurringPayment:
    ctx = info.context
    resumed = await plans.resume(await ctx.viewer(), ctx.require_access().estate, id, ctx.clock())
    return RecurringPayment.from_model(resumed)


async def cancel_recurring_payment(
    info: Info[RequestContext, None], id: strawberry.ID
) -> RecurringPayment:
    return RecurringPayment.from_model(await plans.cancel(await info.context.viewer(), id))
