from __future__ import annotations

from decimal import Decimal

from resolvers.context import RequestContext
from resolvers.money import money_input
from services.access import Viewer
from services.pagination import Page
from services.payments import manual_payments, provider_payments, queries, refunds
from services.payments.models import Payment
from services.payments.sources import NO_SOURCES, Sources
from services.payments.wallet_payments import pay_bill_from_wallet as pay_from_wallet
from tenants.scope import tenant_scope


async def payments(
    ctx: RequestContext, where: queries.PaymentFilter, first: int | None, after: str | None
) -> Page[Payment]:
    viewer = await ctx.viewer()
    return await queries.list_payments(viewer, where, first, after, ctx.settings.page_size_cap)


async def payment(ctx: RequestContext, id: str) -> Payment:
    return await queries.get_payment(await ctx.viewer(), id)


async def payment_by_reference(ctx: RequestContext, reference: str) -> Payment:
    return await queries.payment_by_reference(await ctx.viewer(), reference)


async def pay_bill_from_wallet(
    ctx: RequestContext,
    bill_id: str,
    idempotency_key: str,
    amount: Decimal | None,
    pin: str | None,
    use: Sources = NO_SOURCES,
) -> Payment:
    money = money_input(ctx, amount, None) if amount is not None else None
    return await pay_from_wallet(
        await ctx.resident_viewer(),
        ctx.require_access().estate,
        bill_id,
        money,
        pin,
        idempotency_key,
        ctx.clock(),
        use,
    )


async def pay_bill(
    ctx: RequestContext,
    bill_id: str,
    idempotency_key: str,
    provider: str | None,
    amount: Decimal | None,
    callback_url: str | None,
    use: Sources = NO_SOURCES,
    pin: str | None = None,
    save_card: bool = False,
) -> Payment:
    """Runs without an operation scope: the provider is called with no connection held."""
    money = money_input(ctx, amount, None) if amount is not None else None
    return await provider_payments.start_payment(
        await _viewer_outside_scope(ctx),
        ctx.require_access().estate,
        str(bill_id),
        money,
        provider,
        callback_url,
        idempotency_key,
        ctx.settings.encryption_key,
        ctx.clock(),
        use,
        pin,
        save_card,
    )


async def deposit_to_wallet(
    ctx: RequestContext,
    amount: Decimal,
    idempotency_key: str,
    provider: str | None,
    callback_url: str | None,
) -> Payment:
    """Runs without an operation scope: the provider is called with no connection held."""
    return await provider_payments.start_payment(
        await _viewer_outside_scope(ctx),
        ctx.require_access().estate,
        None,
        money_input(ctx, amount, None),
        provider,
        callback_url,
        idempotency_key,
        ctx.settings.encryption_key,
        ctx.clock(),
    )


async def verify_payment(ctx: RequestContext, reference: str) -> Payment:
    """Runs without an operation scope: the provider is called with no connection held."""
    return await provider_payments.verify_payment(
        await _viewer_outside_scope(ctx, residents_only=False),
        ctx.require_access().estate,
        reference,
        ctx.settings.encryption_key,
        ctx.clock(),
    )


async def _viewer_outside_scope(ctx: RequestContext, residents_only: bool = True) -> Viewer:
    async with tenant_scope(ctx.require_access().estate.slug):
        return await (ctx.resident_viewer() if residents_only else ctx.viewer())


async def submit_manual_payment(
    ctx: RequestContext,
    bill_id: str,
    bank_reference: str,
    idempotency_key: str,
    amount: Decimal | None,
    note: str | None,
) -> Payment:
    money = money_input(ctx, amount, None) if amount is not None else None
    return await manual_payments.submit(
        await ctx.resident_viewer(),
        ctx.require_access().estate,
        str(bill_id),
        money,
        bank_reference,
        note,
        idempotency_key,
    )


async def approve_manual_payment(
    ctx: RequestContext, payment_id: str, note: str | None, amount: Decimal | None = None
) -> Payment:
    access = ctx.require_admin()
    received = money_input(ctx, amount, None) if amount is not None else None
    return await manual_payments.approve(
        ctx.user_id, access.estate, str(payment_id), note, ctx.clock(), received
    )


async def reject_manual_payment(ctx: RequestContext, payment_id: str, note: str | None) -> Payment:
    ctx.require_admin()
    return await manual_payments.reject(ctx.user_id, str(payment_id), note, ctx.clock())


async def refund_payment(
    ctx: RequestContext,
    payment_id: str,
    reason: str,
    idempotency_key: str,
    amount: Decimal | None,
) -> Payment:
    """Runs without an operation scope: the provider is called with no connection held."""
    access = ctx.require_admin()
    money = money_input(ctx, amount, None) if amount is not None else None
    return await refunds.refund_payment(
        ctx.user_id,
        access.estate,
        str(payment_id),
        money,
        reason,
        idempotency_key,
        ctx.settings.encryption_key,
        ctx.clock(),
    )
