from __future__ import annotations

from resolvers.context import RequestContext
from services.estates import provisioning
from services.pagination import Page, paginate
from services.payouts import settings as payout_settings
from services.payouts.models import PayoutSettings
from tenants.models import Estate
from tenants.scope import scope_or_none


def estate(ctx: RequestContext) -> Estate:
    return ctx.require_access().estate


async def estates(ctx: RequestContext, first: int | None, after: str | None) -> Page[Estate]:
    ctx.require_platform_admin()
    return await paginate(Estate.filter(status="ACTIVE"), first, after, ctx.settings.page_size_cap)


async def create_estate(ctx: RequestContext, data: provisioning.EstateInput) -> Estate:
    operator = ctx.require_platform_admin()
    return await provisioning.create_estate(data, actor_id=operator.id)


async def settings(ctx: RequestContext, slug: str) -> PayoutSettings | None:
    """The settings of the estate the operation runs in; None for any other."""
    scope = scope_or_none()
    if ctx.access is None or scope is None or not scope.slug == slug == ctx.access.estate.slug:
        return None
    return await payout_settings.current()
