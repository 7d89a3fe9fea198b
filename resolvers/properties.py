from __future__ import annotations

import uuid

from resolvers.context import RequestContext
from services.pagination import Page
from services.properties import catalog, upkeep
from services.properties.models import Property, Unit
from services.residents.models import Occupancy


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


async def update_property(ctx: RequestContext, id: str, data: upkeep.PropertyUpdate) -> Property:
    ctx.require_admin()
    return await upkeep.update_property(ctx.user_id, id, data)


async def archive_property(ctx: RequestContext, id: str) -> Property:
    ctx.require_admin()
    return await upkeep.archive_property(ctx.user_id, id, ctx.clock())


async def update_unit(ctx: RequestContext, id: str, data: upkeep.UnitUpdate) -> Unit:
    ctx.require_admin()
    return await upkeep.update_unit(ctx.user_id, id, data)


async def archive_unit(ctx: RequestContext, id: str) -> Unit:
    ctx.require_admin()
    return await upkeep.archive_unit(ctx.user_id, id, ctx.clock())


async def occupancies(ctx: RequestContext, unit_id: str) -> list[Occupancy]:
    """A unit's history: admins see everyone's; a resident only their own periods."""
    viewer = await ctx.viewer()
    rows = await ctx.loaders.occupancies_by_unit.load(uuid.UUID(unit_id))
    if viewer.is_admin:
        return rows
    return [row for row in rows if str(row.resident_id) == str(viewer.resident_id)]
