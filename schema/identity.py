"""Users, their memberships, and signing in."""

from __future__ import annotations

import uuid
from datetime import datetime
from enum import Enum

import strawberry
from strawberry.types import Info

from resolvers import identity as resolvers
from resolvers.context import RequestContext
from schema.estates import Estate, estate_node
from schema.extensions import UNSCOPED
from schema.shared import convert
from services.identity.models import Membership as MembershipModel


@strawberry.enum
class Role(Enum):
    ADMIN = "ADMIN"
    RESIDENT = "RESIDENT"


@strawberry.type
class Membership:
    role: Role
    estate: Estate


def membership_node(membership: MembershipModel) -> Membership:
    return convert(Membership, membership, estate=estate_node(membership.estate))


@strawberry.type
class User:
    id: strawberry.ID
    email: str
    full_name: str
    phone: str | None
    is_platform_admin: bool

    @strawberry.field
    async def memberships(self, info: Info[RequestContext, None]) -> list[Membership]:
        """All of your own memberships; of anyone else, only those in the current estate."""
        ctx = info.context
        rows = await ctx.loaders.memberships.load(uuid.UUID(self.id))
        if ctx.user is None or str(ctx.user.id) != self.id:
            here = ctx.access.estate.id if ctx.access else None
            rows = [m for m in rows if str(m.estate_id) == str(here)]
        return [membership_node(m) for m in rows]


@strawberry.type
class LoginPayload:
    token: str
    expires_at: datetime
    user: User


@strawberry.type
class IdentityQuery:
    @strawberry.field(metadata=UNSCOPED)
    async def me(self, info: Info[RequestContext, None]) -> User:
        return convert(User, resolvers.me(info.context))


@strawberry.type
class IdentityMutation:
    @strawberry.mutation(metadata=UNSCOPED)
    async def login(
        self, info: Info[RequestContext, None], email: str, password: str
    ) -> LoginPayload:
        user, issued = await resolvers.login(info.context, email, password)
        return LoginPayload(
            token=issued.token, expires_at=issued.expires_at, user=convert(User, user)
        )
