from __future__ import annotations

from decimal import Decimal

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from resolvers.money import money_input
from schema.inputs import PaymentFilter
from schema.types import Connection, Payment, PaymentProvider, connection
from services.access import Viewer
from services.payments import manual_payments, provider_payments, queries, refunds
from services.payments.wallet_payments import pay_bill_from_wallet as pay_from_wallet
from tenants.scope import tenant_scope


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
    return connection(page, Payment.from_model)


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


async def pay_bill(
    info: Info[RequestContext, None],
    bill_id: strawberry.ID,
    idempotency_key: str,
    provider: PaymentProvider | None = None,
    amount: Decimal | None = None,
    callback_url: str | None = None,
) -> Payment:
    """Runs without an operation scope: the provider is called with no connection held."""
    ctx = info.context
    money = money_input(ctx, amount, None) if amount is not None else None
    started = await provider_payments.start_payment(
        await _viewer_outside_scope(ctx),
        ctx.require_access().estate,
        str(bill_id),
        money,
        provider.value if provider else None,
        callback_url,
        idempotency_key,
        ctx.settings.encryption_key,
    )
    return Payment.from_model(started)


async def deposit_to_wallet(
    info: Info[RequestContext, None],
    amount: Decimal,
    idempotency_key: str,
    provider: PaymentProvider | None = None,
    callback_url: str | None = None,
) -> Payment:
    """Runs without an operation scope: the provider is called with no connection held."""
    ctx = info.context
    started = await provider_payments.start_payment(
        await _viewer_outside_scope(ctx),
        ctx.require_access().estate,
        None,
        money_input(ctx, amount, None),
        provider.value if provider else None,
        callback_url,
        idempotency_key,
        ctx.settings.encryption_key,
    )
    return Payment.from_model(started)


async def verify_payment(info: Info[RequestContext, None], reference: str) -> Payment:
    """Runs without an operation scope: the provider is called with no connection held."""
    ctx = info.context
    verified = await provider_payments.verify_payment(
        await _viewer_outside_scope(ctx, residents_only=False),
        ctx.require_access().estate,
        reference,
        ctx.settings.encryption_key,
        ctx.clock(),
    )
    return Payment.from_model(verified)


async def _viewer_outside_scope(ctx: RequestContext, residents_only: bool = True) -> Viewer:
    async with tenant_scope(ctx.require_access().estate.slug):
        return await (ctx.resident_viewer() if residents_only else ctx.viewer())


async def submit_manual_payment(
    info: Info[RequestContext, None],
    bill_id: strawberry.ID,
    bank_reference: str,
    idempotency_key: str,
    amount: Decimal | None = None,
    note: str | None = None,
) -> Payment:
    ctx = info.context
    money = money_input(ctx, amount, None) if amount is not None else None
    submitted = await manual_payments.submit(
        await ctx.resident_viewer(),
        ctx.require_access().estate,
        str(bill_id),
        money,
        bank_reference,
        note,
        idempotency_key,
    )
    return Payment.from_model(submitted)


async def approve_manual_payment(
    info: Info[RequestContext, None], payment_id: strawberry.ID, note: str | None = None
) -> Payment:
    ctx = info.context
    access = ctx.require_admin()
    approved = await manual_payments.approve(
        ctx.user_id, access.estate, str(payment_id), note, ctx.clock()
    )
    return Payment.from_model(approved)


async def reject_manual_payment(
    info: Info[RequestContext, None], payment_id: strawberry.ID, note: str | None = None
) -> Payment:
    ctx = info.context
    ctx.require_admin()
    return Payment.from_model(
        await manual_payments.reject(ctx.user_id, str(payment_id), note, ctx.clock())
    )


async def refund_payment(
    info: Info[RequestContext, None],
    payment_id: strawberry.ID,
    reason: str,
    idempotency_key: str,
    amount: Decimal | None = None,
) -> Payment:
    """Runs without an operation scope: the provider is called with no connection held."""
    ctx = info.context
    access = ctx.require_admin()
    money = money_input(ctx, amount, None) if amount is not None else None
    refunded = await refunds.refund_payment(
        ctx.user_id,
        access.estate,
        str(payment_id),
        money,
        reason,
        idempotency_key,
        ctx.settings.encryption_key,
        ctx.clock(),
    )
    return Payment.from_model(refunded)
