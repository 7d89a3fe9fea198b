"""Strawberry output types and how domain objects map onto them."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import Enum
from typing import Generic, TypeVar

import strawberry
from strawberry.types import Info

from services.identity.models import Membership as MembershipModel
from services.identity.models import User as UserModel
from services.pagination import Page
from services.properties.models import Property as PropertyModel
from services.properties.models import Unit as UnitModel
from services.residents.models import Resident as ResidentModel
from tenants.models import Estate as EstateModel

T = TypeVar("T")


@strawberry.enum
class Role(Enum):
    ADMIN = "ADMIN"
    RESIDENT = "RESIDENT"


@strawberry.type
class PageInfo:
    has_next_page: bool
    end_cursor: str | None


@strawberry.type
class Edge(Generic[T]):
    cursor: str
    node: T


@strawberry.type
class Connection(Generic[T]):
    edges: list[Edge[T]]
    page_info: PageInfo
    total_count: int


def connection(page: Page, node: type[T]) -> Connection[T]:
    edges = [
        Edge(cursor=cursor, node=node.from_model(item))  # type: ignore[attr-defined]
        for item, cursor in zip(page.items, page.cursors, strict=True)
    ]
    return Connection(
        edges=edges,
        page_info=PageInfo(
            has_next_page=page.has_next_page, end_cursor=page.cursors[-1] if page.cursors else None
        ),
        total_count=page.total_count,
    )


@strawberry.type
class Estate:
    id: strawberry.ID
    slug: str
    name: str
    currency: str
    timezone: str

    @classmethod
    def from_model(cls, estate: EstateModel) -> Estate:
        return cls(
            id=strawberry.ID(str(estate.id)),
            slug=estate.slug,
            name=estate.name,
            currency=estate.currency,
            timezone=estate.timezone,
        )


@strawberry.type
class Membership:
    role: Role
    estate: Estate

    @classmethod
    def from_model(cls, membership: MembershipModel) -> Membership:
        return cls(role=Role(membership.role), estate=Estate.from_model(membership.estate))


@strawberry.type
class User:
    id: strawberry.ID
    email: str
    full_name: str
    phone: str | None
    is_platform_admin: bool

    @strawberry.field
    async def memberships(self, info: Info) -> list[Membership]:
        """All of your own memberships; of anyone else, only those in the current estate."""
        ctx = info.context
        rows = await ctx.loaders.memberships.load(uuid.UUID(self.id))
        if ctx.user is None or str(ctx.user.id) != self.id:
            here = ctx.access.estate.id if ctx.access else None
            rows = [m for m in rows if str(m.estate_id) == str(here)]
        return [Membership.from_model(m) for m in rows]

    @classmethod
    def from_model(cls, user: UserModel) -> User:
        return cls(
            id=strawberry.ID(str(user.id)),
            email=user.email,
            full_name=user.full_name,
            phone=user.phone,
            is_platform_admin=user.is_platform_admin,
        )


@strawberry.type
class Unit:
    id: strawberry.ID
    label: str
    property_id: strawberry.ID

    @classmethod
    def from_model(cls, unit: UnitModel) -> Unit:
        return cls(
            id=strawberry.ID(str(unit.id)),
            label=unit.label,
            property_id=strawberry.ID(str(unit.property_id)),
        )


@strawberry.type
class Property:
    id: strawberry.ID
    name: str
    address: str
    created_at: datetime

    @strawberry.field
    async def units(self, info: Info) -> list[Unit]:
        rows = await info.context.loaders.units_by_property.load(uuid.UUID(self.id))
        return [Unit.from_model(u) for u in rows]

    @classmethod
    def from_model(cls, prop: PropertyModel) -> Property:
        return cls(
            id=strawberry.ID(str(prop.id)),
            name=prop.name,
            address=prop.address,
            created_at=prop.created_at,
        )


@strawberry.type
class Resident:
    id: strawberry.ID
    user_id: strawberry.Private[uuid.UUID]
    created_at: datetime

    @strawberry.field
    async def user(self, info: Info) -> User:
        found = await info.context.loaders.user.load(self.user_id)
        assert found is not None, "a resident's user is never deleted"
        return User.from_model(found)

    @strawberry.field
    async def units(self, info: Info) -> list[Unit]:
        rows = await info.context.loaders.units_by_resident.load(uuid.UUID(self.id))
        return [Unit.from_model(u) for u in rows]

    @classmethod
    def from_model(cls, resident: ResidentModel) -> Resident:
        return cls(
            id=strawberry.ID(str(resident.id)),
            user_id=uuid.UUID(str(resident.user_id)),
            created_at=resident.created_at,
        )


@strawberry.type
class LoginPayload:
    token: str
    expires_at: datetime
    user: User
