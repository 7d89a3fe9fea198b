"""Saved cards and the Stripe customer portal: a resident's own. Each runs without an
operation scope where it calls a provider (no connection held while it answers)."""

from __future__ import annotations

from resolvers.context import RequestContext
from services.access import Viewer
from services.payment_methods import methods
from services.payment_methods.models import PaymentMethod
from tenants.scope import tenant_scope


async def _resident(ctx: RequestContext) -> Viewer:
    async with tenant_scope(ctx.require_access().estate.slug):
        return await ctx.resident_viewer()


async def payment_methods(ctx: RequestContext) -> list[PaymentMethod]:
    return await methods.list_methods(await ctx.viewer())


async def add_payment_method(
    ctx: RequestContext, provider: str | None, callback_url: str | None
) -> methods.Started:
    viewer = await _resident(ctx)
    return await methods.add_payment_method(
        viewer, ctx.require_access().estate, provider, callback_url, ctx.settings.encryption_key
    )


async def confirm_payment_method(ctx: RequestContext, method_id: str) -> PaymentMethod:
    viewer = await _resident(ctx)
    return await methods.confirm_payment_method(
        viewer, ctx.require_access().estate, method_id, ctx.settings.encryption_key, ctx.clock()
    )


async def remove_payment_method(ctx: RequestContext, method_id: str) -> PaymentMethod:
    viewer = await _resident(ctx)
    return await methods.remove_payment_method(
        viewer, ctx.require_access().estate, method_id, ctx.settings.encryption_key, ctx.clock()
    )


async def billing_portal_url(ctx: RequestContext, return_url: str | None) -> str | None:
    viewer = await _resident(ctx)
    return await methods.billing_portal_url(
        viewer, ctx.require_access().estate, return_url, ctx.settings.encryption_key
    )
