"""The estate's team: estate admins manage it; a platform operator may add an admin to
any estate (naming it, since they need not be a member)."""

from __future__ import annotations

from resolvers.context import RequestContext
from services.errors import Forbidden
from services.estates import team
from services.identity.models import Membership
from services.pagination import Page
from tenants.models import Estate


async def _estate_for_adding(ctx: RequestContext, slug: str | None) -> Estate:
    user = ctx.require_user()
    if slug is not None and user.is_platform_admin:
        return await team.estate_by_slug(slug)
    access = ctx.require_access()
    if not access.is_admin and not user.is_platform_admin:
        raise Forbidden("estate admins only")
    return access.estate


async def add_estate_admin(
    ctx: RequestContext, data: team.AdminInput, estate_slug: str | None
) -> Membership:
    estate = await _estate_for_adding(ctx, estate_slug)
    return await team.add_estate_admin(ctx.user_id, estate, data)


async def remove_membership(ctx: RequestContext, user_id: str, role: str) -> Membership:
    estate = ctx.require_admin().estate
    return await team.remove_membership(ctx.user_id, estate, user_id, role)


async def members(
    ctx: RequestContext, role: str | None, first: int | None, after: str | None
) -> Page[Membership]:
    estate = ctx.require_admin().estate
    return await team.members(estate, role, first, after, ctx.settings.page_size_cap)
