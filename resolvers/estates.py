from __future__ import annotations

from resolvers.context import RequestContext
from services.estates import provisioning, status
from services.pagination import Page, paginate
from services.payouts import settings as payout_settings
from services.payouts.models import PayoutSettings
from tenants.models import Estate
from tenants.scope import scope_or_none, tenant_scope


def estate(ctx: RequestContext) -> Estate:
    return ctx.require_access().estate


async def estates(ctx: RequestContext, first: int | None, after: str | None) -> Page[Estate]:
    ctx.require_platform_admin()
    shown = Estate.filter(status__in=("ACTIVE", "SUSPENDED", "ARCHIVED"))
    return await paginate(shown, first, after, ctx.settings.page_size_cap)


async def create_estate(ctx: RequestContext, data: provisioning.EstateInput) -> Estate:
    operator = ctx.require_platform_admin()
    return await provisioning.create_estate(data, actor_id=operator.id)


async def settings(ctx: RequestContext, slug: str) -> PayoutSettings | None:
    """The settings of the X-Tenant estate; None for any other. Read in the operation's
    scope, or a scope of its own when the operation has none (`me` alone is unscoped): the
    answer must not depend on which other fields the operation asks for."""
    if ctx.access is None or slug != ctx.access.estate.slug:
        return None
    scope = scope_or_none()
    if scope is None:
        async with tenant_scope(slug):
            return await payout_settings.current()
    return await payout_settings.current() if scope.slug == slug else None


async def suspend_estate(ctx: RequestContext, slug: str, reason: str) -> Estate:
    operator = ctx.require_platform_admin()
    return await status.suspend(operator.id, slug, reason, ctx.clock())


async def reactivate_estate(ctx: RequestContext, slug: str) -> Estate:
    operator = ctx.require_platform_admin()
    return await status.reactivate(operator.id, slug, ctx.clock())


async def archive_estate(ctx: RequestContext, slug: str) -> Estate:
    operator = ctx.require_platform_admin()
    return await status.archive(operator.id, slug, ctx.clock())
