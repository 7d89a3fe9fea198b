from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from schema.inputs import CreateResidentInput
from schema.types import Connection, Resident, connection
from services.residents import directory


async def residents(
    info: Info[RequestContext, None],
    first: int | None = None,
    after: str | None = None,
    search: str | None = None,
) -> Connection[Resident]:
    ctx = info.context
    ctx.require_admin()
    page = await directory.list_residents(first, after, search, ctx.settings.page_size_cap)
    return connection(page, Resident.from_model)


async def resident(info: Info[RequestContext, None], id: strawberry.ID) -> Resident:
    info.context.require_admin()
    return Resident.from_model(await directory.get_resident(id))


async def create_resident(info: Info[RequestContext, None], input: CreateResidentInput) -> Resident:
    ctx = info.context
    access = ctx.require_admin()
    created = await directory.create_resident(
        ctx.user_id,
        access.estate,
        directory.ResidentInput(
            email=input.email,
            full_name=input.full_name,
            phone=input.phone,
            password=input.password,
            unit_ids=[str(u) for u in input.unit_ids],
        ),
    )
    return Resident.from_model(created)
