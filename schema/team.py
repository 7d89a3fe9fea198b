"""The estate's team (API.md's estate team operations): members, adding admins, removing
a membership."""

from __future__ import annotations

from datetime import datetime

import strawberry
from strawberry.types import Info

from resolvers import team as resolvers
from resolvers.context import RequestContext
from schema.extensions import UNSCOPED
from schema.identity import Role, User
from schema.shared import Connection, connection, convert, plain
from services.estates.team import AdminInput
from services.identity.models import Membership


@strawberry.type
class Member:
    id: strawberry.ID
    role: Role
    user: User
    created_at: datetime


def member_node(membership: Membership) -> Member:
    return convert(Member, membership, user=convert(User, membership.user))


@strawberry.input
class AddEstateAdminInput:
    email: str
    full_name: str
    password: str
    phone: str | None = None
    estate: str | None = strawberry.field(
        default=None,
        description="Platform operators: the estate's slug (estate admins: the X-Tenant one).",
    )


@strawberry.type
class TeamQuery:
    @strawberry.field
    async def members(
        self,
        info: Info[RequestContext, None],
        role: Role | None = None,
        first: int | None = None,
        after: str | None = None,
    ) -> Connection[Member]:
        page = await resolvers.members(info.context, role.value if role else None, first, after)
        return connection(page, member_node)


@strawberry.type
class TeamMutation:
    @strawberry.mutation(metadata=UNSCOPED)
    async def add_estate_admin(
        self, info: Info[RequestContext, None], input: AddEstateAdminInput
    ) -> Member:
        data = plain(AdminInput, input)
        added = await resolvers.add_estate_admin(info.context, data, input.estate)
        return member_node(added)

    @strawberry.mutation
    async def remove_membership(
        self, info: Info[RequestContext, None], user_id: strawberry.ID, role: Role
    ) -> Member:
        removed = await resolvers.remove_membership(info.context, user_id, role.value)
        return member_node(removed)
