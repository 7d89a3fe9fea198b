from __future__ import annotations

from resolvers.context import RequestContext
from services.pagination import Page
from services.properties import catalog
from services.properties.models import Property, Unit


async def properties(ctx: RequestContext, first: int | None, after: str | None) -> Page[Property]:
    ctx.require_access()
    return await catalog.list_properties(first, after, ctx.settings.page_size_cap)


async def property_(ctx: RequestContext, id: str) -> Property:
    ctx.require_access()
    return await catalog.get_property(id)


async def create_property(ctx: RequestContext, name: str, address: str | None) -> Property:
    ctx.require_admin()
    return await catalog.create_property(ctx.user_id, name, address)


async def create_unit(ctx: RequestContext, property_id: str, label: str) -> Unit:
    ctx.require_admin()
    return await catalog.create_unit(ctx.user_id, property_id, label)
