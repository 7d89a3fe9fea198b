from __future__ import annotations

from datetime import date
from decimal import Decimal

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from resolvers.money import money_input
from schema.inputs import BillFilter, CreateBillInput, CreateBillsInput
from schema.types import (
    Bill,
    BillsSummary,
    Connection,
    CreateBillsPayload,
    DisputeAction,
    connection,
)
from services.bills import issuing, queries


def _today(ctx: RequestContext) -> date:
    return queries.estate_today(ctx.require_access().estate, ctx.clock())


async def bills(
    info: Info[RequestContext, None],
    filter: BillFilter | None = None,
    first: int | None = None,
    after: str | None = None,
) -> Connection[Bill]:
    ctx = info.context
    where = filter or BillFilter()
    page = await queries.list_bills(
        await ctx.viewer(),
        ctx.require_access().estate,
        ctx.clock(),
        queries.BillFilter(
            statuses=[s.value for s in where.status] if where.status else None,
            resident_id=where.resident_id,
            property_id=where.property_id,
            type=where.type.value if where.type else None,
            overdue_only=where.overdue_only,
            due_before=where.due_before,
            due_after=where.due_after,
        ),
        first,
        after,
        ctx.settings.page_size_cap,
    )
    today = _today(ctx)
    return connection(page, lambda bill: Bill.from_model(bill, today))


async def bill(info: Info[RequestContext, None], id: strawberry.ID) -> Bill:
    ctx = info.context
    return Bill.from_model(await issuing.get_bill(await ctx.viewer(), id), _today(ctx))


async def bills_summary(
    info: Info[RequestContext, None], resident_id: strawberry.ID | None = None
) -> BillsSummary:
    ctx = info.context
    estate = ctx.require_access().estate
    data = await queries.summary(await ctx.viewer(), estate, ctx.clock(), resident_id)
    return BillsSummary.from_data(data, estate.currency)


def _draft(ctx: RequestContext, data: CreateBillInput | CreateBillsInput) -> issuing.BillDraft:
    return issuing.BillDraft(
        title=data.title,
        description=data.description,
        type=data.type.value,
        amount=money_input(ctx, data.amount, data.currency),
        due_date=data.due_date,
    )


async def create_bill(info: Info[RequestContext, None], input: CreateBillInput) -> Bill:
    ctx = info.context
    access = ctx.require_admin()
    created = await issuing.create_bill(
        ctx.user_id, access.estate, input.resident_id, input.unit_id, _draft(ctx, input)
    )
    return Bill.from_model(created, _today(ctx))


async def create_bills(
    info: Info[RequestContext, None], input: CreateBillsInput
) -> CreateBillsPayload:
    ctx = info.context
    access = ctx.require_admin()
    created = await issuing.create_bills(
        ctx.user_id,
        access.estate,
        [str(r) for r in input.resident_ids] if input.resident_ids else None,
        input.property_id,
        _draft(ctx, input),
    )
    today = _today(ctx)
    return CreateBillsPayload(
        count=len(created), bills=[Bill.from_model(b, today) for b in created]
    )


async def acknowledge_bill(info: Info[RequestContext, None], id: strawberry.ID) -> Bill:
    ctx = info.context
    return Bill.from_model(await issuing.acknowledge(await ctx.viewer(), id), _today(ctx))


async def dispute_bill(info: Info[RequestContext, None], id: strawberry.ID, reason: str) -> Bill:
    ctx = info.context
    estate = ctx.require_access().estate
    return Bill.from_model(
        await issuing.dispute(await ctx.viewer(), estate, id, reason), _today(ctx)
    )


async def resolve_dispute(
    info: Info[RequestContext, None],
    id: strawberry.ID,
    action: DisputeAction,
    amount: Decimal | None = None,
    note: str | None = None,
) -> Bill:
    ctx = info.context
    ctx.require_admin()
    money = money_input(ctx, amount, None) if amount is not None else None
    resolved = await issuing.resolve_dispute(await ctx.viewer(), id, action.value, money, note)
    return Bill.from_model(resolved, _today(ctx))


async def cancel_bill(info: Info[RequestContext, None], id: strawberry.ID, reason: str) -> Bill:
    ctx = info.context
    ctx.require_admin()
    return Bill.from_model(await issuing.cancel(await ctx.viewer(), id, reason), _today(ctx))
