from __future__ import annotations

from dataclasses import dataclass
from datetime import date
from decimal import Decimal

from resolvers.context import RequestContext
from resolvers.money import money_input
from services.bills import invoices, issuing, queries
from services.bills.models import Bill
from services.pagination import Page


@dataclass(frozen=True)
class LineFields:
    description: str
    quantity: Decimal
    unit_amount: Decimal


@dataclass(frozen=True)
class BillFields:
    """What an admin writes on a bill, the amounts as sent (in `currency`, or the estate's)."""

    title: str
    description: str | None
    type: str
    amount: Decimal | None
    currency: str | None
    due_date: date
    line_items: list[LineFields] | None = None
    tax_rate: Decimal | None = None
    discount: Decimal | None = None


def today(ctx: RequestContext) -> date:
    """The estate's date now: an open bill due before it is overdue."""
    return queries.estate_today(ctx.require_access().estate, ctx.clock())


async def bills(
    ctx: RequestContext, where: queries.BillFilter, first: int | None, after: str | None
) -> Page[Bill]:
    return await queries.list_bills(
        await ctx.viewer(),
        ctx.require_access().estate,
        ctx.clock(),
        where,
        first,
        after,
        ctx.settings.page_size_cap,
    )


async def bill(ctx: RequestContext, id: str) -> Bill:
    return await issuing.get_bill(await ctx.viewer(), id)


async def bills_summary(ctx: RequestContext, resident_id: str | None) -> queries.BillsSummary:
    estate = ctx.require_access().estate
    return await queries.summary(await ctx.viewer(), estate, ctx.clock(), resident_id)


def _draft(ctx: RequestContext, fields: BillFields) -> issuing.BillDraft:
    amount = fields.amount
    lines = (
        None
        if fields.line_items is None
        else tuple(
            invoices.LineDraft(
                line.description,
                line.quantity,
                money_input(
                    ctx, line.unit_amount, fields.currency, field=f"lineItems[{n}].unitAmount"
                ),
            )
            for n, line in enumerate(fields.line_items)
        )
    )
    # A discount of zero is no discount.
    discount = fields.discount if fields.discount else None
    return issuing.BillDraft(
        title=fields.title,
        description=fields.description,
        type=fields.type,
        amount=money_input(ctx, amount, fields.currency) if amount is not None else None,
        due_date=fields.due_date,
        lines=lines,
        tax_rate=fields.tax_rate,
        discount=money_input(ctx, discount, fields.currency, field="discount")
        if discount is not None
        else None,
    )


async def create_bill(
    ctx: RequestContext, resident_id: str, unit_id: str | None, fields: BillFields
) -> Bill:
    access = ctx.require_admin()
    return await issuing.create_bill(
        ctx.user_id, access.estate, resident_id, unit_id, _draft(ctx, fields)
    )


async def create_bills(
    ctx: RequestContext,
    resident_ids: list[str] | None,
    property_id: str | None,
    fields: BillFields,
) -> list[Bill]:
    access = ctx.require_admin()
    return await issuing.create_bills(
        ctx.user_id, access.estate, resident_ids, property_id, _draft(ctx, fields)
    )


async def acknowledge_bill(ctx: RequestContext, id: str) -> Bill:
    return await issuing.acknowledge(await ctx.viewer(), id)


async def dispute_bill(ctx: RequestContext, id: str, reason: str) -> Bill:
    estate = ctx.require_access().estate
    return await issuing.dispute(await ctx.viewer(), estate, id, reason)


async def resolve_dispute(
    ctx: RequestContext, id: str, action: str, amount: Decimal | None, note: str | None
) -> Bill:
    ctx.require_admin()
    money = money_input(ctx, amount, None) if amount is not None else None
    return await issuing.resolve_dispute(await ctx.viewer(), id, action, money, note)


async def cancel_bill(ctx: RequestContext, id: str, reason: str) -> Bill:
    ctx.require_admin()
    return await issuing.cancel(await ctx.viewer(), id, reason)
