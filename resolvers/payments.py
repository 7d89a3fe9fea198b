from __future__ import annotations

from decimal import Decimal

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from resolvers.money import money_input
from schema.inputs import PaymentFilter
from schema.types import Connection, Payment, connection
from services.payments import queries
from services.payments.wallet_payments import pay_bill_from_wallet as pay_from_wallet


async def payments(
    info: Info[RequestContext, None],
    filter: PaymentFilter | None = None,
    first: int | None = None,
    after: str | None = None,
) -> Connection[Payment]:
    ctx = info.context
    where = filter or PaymentFilter()
    page = await queries.list_payments(
        await ctx.viewer(),
        queries.PaymentFilter(
            statuses=[s.value for s in where.status] if where.status else None,
            provider=where.provider.value if where.provider else None,
            purpose=where.purpose.value if where.purpose else None,
            bill_id=where.bill_id,
            resident_id=where.resident_id,
        ),
        first,
        after,
        ctx.settings.page_size_cap,
    )
    return connection(page, Payment)


async def payment(info: Info[RequestContext, None], id: strawberry.ID) -> Payment:
    return Payment.from_model(await queries.get_payment(await info.context.viewer(), id))


async def payment_by_reference(info: Info[RequestContext, None], reference: str) -> Payment:
    viewer = await info.context.viewer()
    return Payment.from_model(await queries.payment_by_reference(viewer, reference))


async def pay_bill_from_wallet(
    info: Info[RequestContext, None],
    bill_id: strawberry.ID,
    idempotency_key: str,
    amount: Decimal | None = None,
    pin: str | None = None,
) -> Payment:
    ctx = info.context
    money = money_input(ctx, amount, None) if amount is not None else None
    paid = await pay_from_wallet(
        await ctx.resident_viewer(),
        ctx.require_access().estate,
        bill_id,
        money,
        pin,
        idempotency_key,
        ctx.clock(),
    )
    return Payment.from_model(paid)
