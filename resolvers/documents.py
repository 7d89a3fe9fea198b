"""Invoices, receipts and statements: who may have which, and the service call. The PDF
and CSV routes are not GraphQL operations, so they open the estate's scope here."""

from __future__ import annotations

from datetime import date

from resolvers.bills import today
from resolvers.context import RequestContext
from services.documents import papers, statements
from tenants.scope import tenant_scope


async def statement(
    ctx: RequestContext, resident_id: str, start: date | None, end: date | None
) -> statements.Statement:
    estate = ctx.require_access().estate
    start, end = statements.window(estate, start, end, today(ctx))
    return await statements.statement(await ctx.viewer(), estate, resident_id, start, end)


async def invoice_pdf(ctx: RequestContext, bill_id: str) -> tuple[str, bytes]:
    estate = ctx.require_access().estate
    async with tenant_scope(estate.slug):
        return await papers.invoice_pdf(await ctx.viewer(), estate, bill_id)


async def receipt_pdf(ctx: RequestContext, payment_id: str) -> tuple[str, bytes]:
    estate = ctx.require_access().estate
    async with tenant_scope(estate.slug):
        return await papers.receipt_pdf(await ctx.viewer(), estate, payment_id)


async def statement_file(
    ctx: RequestContext, resident_id: str, start: date | None, end: date | None, as_pdf: bool
) -> tuple[str, bytes]:
    estate = ctx.require_access().estate
    async with tenant_scope(estate.slug):
        found = await statement(ctx, resident_id, start, end)
        if as_pdf:
            return await papers.statement_pdf(estate, found)
    return f"statement-{found.start}-{found.end}.csv", papers.statement_csv(found).encode()
