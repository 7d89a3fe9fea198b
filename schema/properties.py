"""Properties and their units."""

from __future__ import annotations

import uuid
from datetime import datetime

import strawberry
from strawberry.types import Info

from resolvers import properties as resolvers
from resolvers.context import RequestContext
from schema.shared import Connection, connection, convert


@strawberry.type
class Unit:
    id: strawberry.ID
    label: str
    property_id: strawberry.ID


@strawberry.type
class Property:
    id: strawberry.ID
    name: str
    address: str
    created_at: datetime

    @strawberry.field
    async def units(self, info: Info[RequestContext, None]) -> list[Unit]:
        rows = await info.context.loaders.units_by_property.load(uuid.UUID(self.id))
        return [convert(Unit, u) for u in rows]


@strawberry.input
class CreatePropertyInput:
    name: str
    address: str | None = None


@strawberry.input
class CreateUnitInput:
    property_id: strawberry.ID
    label: str


@strawberry.type
class PropertyQuery:
    @strawberry.field
    async def properties(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> Connection[Property]:
        page = await resolvers.properties(info.context, first, after)
        return connection(page, lambda prop: convert(Property, prop))

    @strawberry.field(name="property")
    async def property_(self, info: Info[RequestContext, None], id: strawberry.ID) -> Property:
        return convert(Property, await resolvers.property_(info.context, id))


@strawberry.type
class PropertyMutation:
    @strawberry.mutation
    async def create_property(
        self, info: Info[RequestContext, None], input: CreatePropertyInput
    ) -> Property:
        created = await resolvers.create_property(info.context, input.name, input.address)
        return convert(Property, created)

    @strawberry.mutation
    async def create_unit(self, info: Info[RequestContext, None], input: CreateUnitInput) -> Unit:
        created = await resolvers.create_unit(info.context, input.property_id, input.label)
        return convert(Unit, created)
