from __future__ import annotations

from resolvers.context import RequestContext
from services.estates import provisioning
from services.pagination import Page, paginate
from tenants.models import Estate


def estate(ctx: RequestContext) -> Estate:
    return ctx.require_access().estate


async def estates(ctx: RequestContext, first: int | None, after: str | None) -> Page[Estate]:
    ctx.require_platform_admin()
    return await paginate(Estate.filter(status="ACTIVE"), first, after, ctx.settings.page_size_cap)


async def create_estate(ctx: RequestContext, data: provisioning.EstateInput) -> Estate:
    operator = ctx.require_platform_admin()
    return await provisioning.create_estate(data, actor_id=operator.id)
