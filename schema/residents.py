"""Residents: the directory of an estate's people, with their units and wallet."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from datetime import date, datetime

import strawberry
from strawberry.types import Info

from resolvers import residents as resolvers
from resolvers import rewards as reward_resolvers
from resolvers import subscriptions
from resolvers.context import RequestContext
from schema.extensions import UNSCOPED
from schema.identity import User
from schema.properties import Unit, unit_node
from schema.rewards import Rewards, rewards_node
from schema.shared import Connection, as_uuid, connection, convert, plain
from schema.wallets import Wallet, wallet_node
from services.residents.directory import ResidentInput
from services.residents.lifecycle import ResidentUpdate
from services.residents.models import Resident as ResidentModel


@strawberry.type
class Resident:
    id: strawberry.ID
    user_id: strawberry.Private[uuid.UUID]
    # False once deactivated: no access to the estate; money and history kept.
    active: bool
    deactivated_at: datetime | None
    deactivation_reason: str | None
    created_at: datetime

    @strawberry.field
    async def user(self, info: Info[RequestContext, None]) -> User:
        found = await info.context.loaders.user.load(self.user_id)
        assert found is not None, "a resident's user is never deleted"
        return convert(User, found)

    @strawberry.field
    async def units(self, info: Info[RequestContext, None]) -> list[Unit]:
        """The units the resident lives in now."""
        rows = await info.context.loaders.units_by_resident.load(uuid.UUID(self.id))
        return [unit_node(u) for u in rows]

    @strawberry.field
    async def rewards(self, info: Info[RequestContext, None]) -> Rewards | None:
        """Never null for a resident; nullable like `wallet`, so an error under it (a bad
        cursor) stops here instead of failing the whole resident."""
        return rewards_node(
            await reward_resolvers.resident_rewards(info.context, uuid.UUID(self.id))
        )

    @strawberry.field
    async def wallet(self, info: Info[RequestContext, None]) -> Wallet | None:
        found = await info.context.loaders.wallet_by_resident.load(uuid.UUID(self.id))
        return wallet_node(found, info.context.clock()) if found else None


def resident_node(resident: ResidentModel) -> Resident:
    return convert(Resident, resident, user_id=as_uuid(resident.user_id))


@strawberry.input
class CreateResidentInput:
    email: str
    full_name: str
    password: str
    unit_ids: list[strawberry.ID]
    phone: str | None = None


@strawberry.input
class UpdateResidentInput:
    full_name: str | None = None
    phone: str | None = None  # "" clears it
    email: str | None = None


@strawberry.type
class ResidentQuery:
    @strawberry.field
    async def residents(
        self,
        info: Info[RequestContext, None],
        first: int | None = None,
        after: str | None = None,
        search: str | None = None,
    ) -> Connection[Resident]:
        page = await resolvers.residents(info.context, first, after, search)
        return connection(page, resident_node)

    @strawberry.field
    async def resident(self, info: Info[RequestContext, None], id: strawberry.ID) -> Resident:
        return resident_node(await resolvers.resident(info.context, id))


@strawberry.type
class ResidentMutation:
    @strawberry.mutation
    async def create_resident(
        self, info: Info[RequestContext, None], input: CreateResidentInput
    ) -> Resident:
        data = plain(ResidentInput, input)
        return resident_node(await resolvers.create_resident(info.context, data))

    @strawberry.mutation
    async def update_resident(
        self, info: Info[RequestContext, None], id: strawberry.ID, input: UpdateResidentInput
    ) -> Resident:
        data = plain(ResidentUpdate, input)
        return resident_node(await resolvers.update_resident(info.context, id, data))

    @strawberry.mutation
    async def move_in_resident(
        self,
        info: Info[RequestContext, None],
        resident_id: strawberry.ID,
        unit_id: strawberry.ID,
        date: date | None = None,
    ) -> Resident:
        """`date`: today in the estate by default; never in the future."""
        return resident_node(await resolvers.move_in(info.context, resident_id, unit_id, date))

    @strawberry.mutation
    async def move_out_resident(
        self,
        info: Info[RequestContext, None],
        resident_id: strawberry.ID,
        unit_id: strawberry.ID,
        date: date | None = None,
    ) -> Resident:
        """Ends the occupancy; open bills, wallet and history stay the resident's."""
        return resident_node(await resolvers.move_out(info.context, resident_id, unit_id, date))

    @strawberry.mutation
    async def transfer_resident(
        self,
        info: Info[RequestContext, None],
        resident_id: strawberry.ID,
        from_unit_id: strawberry.ID,
        to_unit_id: strawberry.ID,
        date: date | None = None,
    ) -> Resident:
        moved = await resolvers.transfer(info.context, resident_id, from_unit_id, to_unit_id, date)
        return resident_node(moved)

    @strawberry.mutation(metadata=UNSCOPED)  # its own scope: all or nothing
    async def deactivate_resident(
        self, info: Info[RequestContext, None], id: strawberry.ID, reason: str | None = None
    ) -> Resident:
        """No more access to this estate (at once); money and history are kept."""
        return resident_node(await resolvers.deactivate_resident(info.context, id, reason))

    @strawberry.mutation(metadata=UNSCOPED)  # its own scope: all or nothing
    async def reactivate_resident(
        self, info: Info[RequestContext, None], id: strawberry.ID
    ) -> Resident:
        return resident_node(await resolvers.reactivate_resident(info.context, id))


@strawberry.type
class ResidentSubscription:
    @strawberry.subscription
    async def resident_updated(
        self, info: Info[RequestContext, None], resident_id: strawberry.ID | None = None
    ) -> AsyncIterator[Resident]:
        """Admins: the resident after every change (details, moves, deactivation,
        reactivation, a refunded wallet); omit `residentId` for every resident."""
        return await subscriptions.resident_updated(info.context, resident_id, resident_node)
