from __future__ import annotations

import strawberry
from strawberry.types import Info

from resolvers.context import RequestContext
from schema.inputs import CreatePropertyInput, CreateUnitInput
from schema.types import Connection, Property, Unit, connection
from services.properties import catalog


async def properties(
    info: Info[RequestContext, None], first: int | None = None, after: str | None = None
) -> Connection[Property]:
    ctx = info.context
    ctx.require_access()
    page = await catalog.list_properties(first, after, ctx.settings.page_size_cap)
    return connection(page, Property.from_model)


async def property_(info: Info[RequestContext, None], id: strawberry.ID) -> Property:
    info.context.require_access()
    return Property.from_model(await catalog.get_property(id))


async def create_property(info: Info[RequestContext, None], input: CreatePropertyInput) -> Property:
    ctx = info.context
    ctx.require_admin()
    return Property.from_model(
        await catalog.create_property(ctx.user_id, input.name, input.address)
    )


async def create_unit(info: Info[RequestContext, None], input: CreateUnitInput) -> Unit:
    ctx = info.context
    ctx.require_admin()
    return Unit.from_model(await catalog.create_unit(ctx.user_id, input.property_id, input.label))
