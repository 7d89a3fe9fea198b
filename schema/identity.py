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
from schema.shared import convert, plain
from services.identity.models import Membership as MembershipModel
from services.identity.profile import ProfileInput


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


@strawberry.input
class UpdateProfileInput:
    full_name: str | None = None
    phone: str | None = None  # "" clears it


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

    @strawberry.mutation(metadata=UNSCOPED)
    async def logout(self, info: Info[RequestContext, None]) -> bool:
        """Revokes this token (its session) at once, for HTTP, WebSocket and reads."""
        return await resolvers.logout(info.context)

    @strawberry.mutation(metadata=UNSCOPED)
    async def update_profile(
        self, info: Info[RequestContext, None], input: UpdateProfileInput
    ) -> User:
        updated = await resolvers.update_profile(info.context, plain(ProfileInput, input))
        return convert(User, updated)

    @strawberry.mutation(metadata=UNSCOPED)
    async def change_password(
        self, info: Info[RequestContext, None], current_password: str, new_password: str
    ) -> bool:
        """Your other sessions are revoked; this one stays signed in."""
        return await resolvers.change_password(info.context, current_password, new_password)

    @strawberry.mutation(metadata=UNSCOPED)
    async def request_password_reset(self, info: Info[RequestContext, None], email: str) -> bool:
        """Always true, known email or not; a known one is sent a token valid 30 minutes."""
        return await resolvers.request_password_reset(info.context, email)

    @strawberry.mutation(metadata=UNSCOPED)
    async def reset_password(
        self, info: Info[RequestContext, None], token: str, new_password: str
    ) -> bool:
        """Spends the token, sets the password and revokes every session of the user."""
        return await resolvers.reset_password(info.context, token, new_password)
