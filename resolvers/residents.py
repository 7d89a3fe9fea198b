from __future__ import annotations

from resolvers.context import RequestContext
from services.pagination import Page
from services.residents import directory
from services.residents.models import Resident


async def residents(
    ctx: RequestContext, first: int | None, after: str | None, search: str | None
) -> Page[Resident]:
    ctx.require_admin()
    return await directory.list_residents(first, after, search, ctx.settings.page_size_cap)


async def resident(ctx: RequestContext, id: str) -> Resident:
    ctx.require_admin()
    return await directory.get_resident(id)


async def create_resident(ctx: RequestContext, data: directory.ResidentInput) -> Resident:
    access = ctx.require_admin()
    return await directory.create_resident(ctx.user_id, access.estate, data)
