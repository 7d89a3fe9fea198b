from __future__ import annotations

from datetime import date

from resolvers.context import RequestContext
from services.pagination import Page
from services.residents import directory, lifecycle, occupancy
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


async def update_resident(ctx: RequestContext, id: str, data: lifecycle.ResidentUpdate) -> Resident:
    access = ctx.require_admin()
    return await lifecycle.update_resident(ctx.user_id, access.estate, id, data)


async def deactivate_resident(ctx: RequestContext, id: str, reason: str | None) -> Resident:
    access = ctx.require_admin()
    return await lifecycle.deactivate(ctx.user_id, access.estate, id, reason, ctx.clock())


async def reactivate_resident(ctx: RequestContext, id: str) -> Resident:
    access = ctx.require_admin()
    return await lifecycle.reactivate(ctx.user_id, access.estate, id)


async def move_in(
    ctx: RequestContext, resident_id: str, unit_id: str, when: date | None
) -> Resident:
    access = ctx.require_admin()
    return await occupancy.move_in(
        ctx.user_id, access.estate, resident_id, unit_id, when, ctx.clock()
    )


async def move_out(
    ctx: RequestContext, resident_id: str, unit_id: str, when: date | None
) -> Resident:
    access = ctx.require_admin()
    return await occupancy.move_out(
        ctx.user_id, access.estate, resident_id, unit_id, when, ctx.clock()
    )


async def transfer(
    ctx: RequestContext, resident_id: str, from_unit_id: str, to_unit_id: str, when: date | None
) -> Resident:
    access = ctx.require_admin()
    return await occupancy.transfer(
        ctx.user_id, access.estate, resident_id, from_unit_id, to_unit_id, when, ctx.clock()
    )
