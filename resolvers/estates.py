from __future__ import annotations

from resolvers.context import RequestContext
from services.estates import provisioning, status
from services.pagination import Page, paginate
from tenants.models import Estate


def estate(ctx: RequestContext) -> Estate:
    return ctx.require_access().estate


async def estates(ctx: RequestContext, first: int | None, after: str | None) -> Page[Estate]:
    ctx.require_platform_admin()
    shown = Estate.filter(status__in=("ACTIVE", "SUSPENDED", "ARCHIVED"))
    return await paginate(shown, first, after, ctx.settings.page_size_cap)


async def create_estate(ctx: RequestContext, data: provisioning.EstateInput) -> Estate:
    operator = ctx.require_platform_admin()
    return await provisioning.create_estate(data, actor_id=operator.id)


async def suspend_estate(ctx: RequestContext, slug: str, reason: str) -> Estate:
    operator = ctx.require_platform_admin()
    return await status.suspend(operator.id, slug, reason, ctx.clock())


async def reactivate_estate(ctx: RequestContext, slug: str) -> Estate:
    operator = ctx.require_platform_admin()
    return await status.reactivate(operator.id, slug, ctx.clock())


async def archive_estate(ctx: RequestContext, slug: str) -> Estate:
    operator = ctx.require_platform_admin()
    return await status.archive(operator.id, slug, ctx.clock())
