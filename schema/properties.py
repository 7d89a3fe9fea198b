"""Properties and their units."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date, datetime

import strawberry
from strawberry.types import Info

from resolvers import properties as resolvers
from resolvers import subscriptions
from resolvers.context import RequestContext
from schema.identity import User
from schema.shared import Connection, as_uuid, connection, convert, plain
from services.properties.models import Property as PropertyModel
from services.properties.models import Unit as UnitModel
from services.properties.upkeep import PropertyUpdate, UnitUpdate
from services.residents.models import Occupancy as OccupancyModel


@strawberry.type
class Occupant:
    """The resident of an occupancy (the `Resident` type lives above this module)."""

    id: strawberry.ID
    user_id: strawberry.Private[uuid.UUID]
    active: bool

    @strawberry.field
    async def user(self, info: Info[RequestContext, None]) -> User:
        found = await info.context.loaders.user.load(self.user_id)
        assert found is not None, "a resident's user is never deleted"
        return convert(User, found)


@strawberry.type
class Occupancy:
    """Who lived in a unit when: `to` is null while they live there."""

    resident_id: strawberry.Private[uuid.UUID]
    from_: date = strawberry.field(name="from")
    to: date | None

    @strawberry.field
    async def resident(self, info: Info[RequestContext, None]) -> Occupant:
        found = await info.context.loaders.resident.load(self.resident_id)
        assert found is not None, "an occupancy's resident is never deleted"
        return convert(Occupant, found, user_id=as_uuid(found.user_id))


def occupancy_node(row: OccupancyModel) -> Occupancy:
    started = row.starts_on or row.created_at.date()
    return Occupancy(resident_id=as_uuid(row.resident_id), from_=started, to=row.ends_on)


@strawberry.type
class Unit:
    id: strawberry.ID
    label: str
    property_id: strawberry.ID
    archived: bool

    @strawberry.field
    async def occupancies(self, info: Info[RequestContext, None]) -> list[Occupancy]:
        """Admins: everyone who lived here, earliest first; a resident: their own periods."""
        rows = await resolvers.occupancies(info.context, self.id)
        return [occupancy_node(row) for row in rows]


def unit_node(unit: UnitModel) -> Unit:
    return convert(Unit, unit, archived=unit.archived_at is not None)


@strawberry.type
class Property:
    id: strawberry.ID
    name: str
    address: str
    archived: bool
    created_at: datetime

    @strawberry.field
    async def units(self, info: Info[RequestContext, None]) -> list[Unit]:
        rows = await info.context.loaders.units_by_property.load(uuid.UUID(self.id))
        return [unit_node(u) for u in rows]


def property_node(prop: PropertyModel) -> Property:
    return convert(Property, prop, archived=prop.archived_at is not None)


@strawberry.input
class CreatePropertyInput:
    name: str
    address: str | None = None


@strawberry.input
class CreateUnitInput:
    property_id: strawberry.ID
    label: str


@strawberry.input
class UpdatePropertyInput:
    name: str | None = None
    address: str | None = None


@strawberry.input
class UpdateUnitInput:
    label: str | None = None


@strawberry.type
class PropertyQuery:
    @strawberry.field
    async def properties(
        self, info: Info[RequestContext, None], first: int | None = None, after: str | None = None
    ) -> Connection[Property]:
        page = await resolvers.properties(info.context, first, after)
        return connection(page, property_node)

    @strawberry.field(name="property")
    async def property_(self, info: Info[RequestContext, None], id: strawberry.ID) -> Property:
        return property_node(await resolvers.property_(info.context, id))


@strawberry.type
class PropertyMutation:
    @strawberry.mutation
    async def create_property(
        self, info: Info[RequestContext, None], input: CreatePropertyInput
    ) -> Property:
        created = await resolvers.create_property(info.context, input.name, input.address)
        return property_node(created)

    @strawberry.mutation
    async def create_unit(self, info: Info[RequestContext, None], input: CreateUnitInput) -> Unit:
        created = await resolvers.create_unit(info.context, input.property_id, input.label)
        return unit_node(created)

    @strawberry.mutation
    async def update_property(
        self, info: Info[RequestContext, None], id: strawberry.ID, input: UpdatePropertyInput
    ) -> Property:
        data = plain(PropertyUpdate, input)
        return property_node(await resolvers.update_property(info.context, id, data))

    @strawberry.mutation
    async def archive_property(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> Property:
        """Only while nobody lives in it (`INVALID_STATE`); its units are archived too."""
        return property_node(await resolvers.archive_property(info.context, id))

    @strawberry.mutation
    async def update_unit(
        self, info: Info[RequestContext, None], id: strawberry.ID, input: UpdateUnitInput
    ) -> Unit:
        return unit_node(await resolvers.update_unit(info.context, id, plain(UnitUpdate, input)))

    @strawberry.mutation
    async def archive_unit(self, info: Info[RequestContext, None], id: strawberry.ID) -> Unit:
        """Only while nobody lives in it (`INVALID_STATE`)."""
        return unit_node(await resolvers.archive_unit(info.context, id))


@strawberry.type
class PropertySubscription:
    @strawberry.subscription
    async def property_updated(
        self, info: Info[RequestContext, None], property_id: strawberry.ID | None = None
    ) -> AsyncIterator[Property]:
        """The property after every change of it or its units (edits, archiving, moves
        in and out); omit `propertyId` for every property."""
        return await subscriptions.property_updated(info.context, property_id, property_node)
