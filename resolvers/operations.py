"""The operator's side of an estate: its audit log and its settings. Estate admins act
on their own estate (`X-Tenant`); the platform operator on any, named by `estate` (slug)
or by `X-Tenant` where they hold a membership."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from resolvers.context import RequestContext
from services.audit.models import AuditEntry
from services.audit.queries import AuditFilter, count_entries, list_entries
from services.errors import Forbidden, NotFound
from services.estates import settings as estate_settings
from services.identity.models import User
from services.pagination import Page
from tenants.models import Estate
from tenants.scope import SLUG_PATTERN, tenant_scope


@dataclass(frozen=True)
class Authority:
    estate: Estate
    platform_admin: bool
    estate_admin: bool


async def authority(ctx: RequestContext, slug: str | None) -> Authority:
    """The estate an operator operation acts on, and the caller's standing there. An
    estate the caller may not act on is NOT_FOUND (no existence oracle)."""
    user = ctx.require_user()
    if slug is None:
        access = ctx.require_access()  # says what is wrong with X-Tenant, if anything
        return Authority(access.estate, user.is_platform_admin, access.is_admin)
    wanted = slug.strip().lower()
    own = ctx.access if ctx.tenant_error is None else None
    if own is not None and own.estate.slug == wanted:
        return Authority(own.estate, user.is_platform_admin, own.is_admin)
    estate = None
    if user.is_platform_admin and SLUG_PATTERN.match(wanted):
        estate = await Estate.get_or_none(slug=wanted, status="ACTIVE")
    if estate is None:
        raise NotFound("estate not found", field="estate")
    return Authority(estate, True, False)


@dataclass(frozen=True)
class AuditRow:
    entry: AuditEntry
    actor: User | None


async def audit_log(
    ctx: RequestContext, slug: str | None, where: AuditFilter, first: int | None, after: str | None
) -> Page[AuditRow]:
    found = await authority(ctx, slug)
    if not (found.platform_admin or found.estate_admin):
        raise Forbidden("estate admins only")
    estate_slug = found.estate.slug
    async with tenant_scope(estate_slug):
        page = await list_entries(where, first, after, ctx.settings.page_size_cap)
    actor_ids = {entry.actor_id for entry in page.items if entry.actor_id is not None}
    actors = {user.id: user for user in await User.filter(id__in=actor_ids)} if actor_ids else {}

    async def count() -> int:  # totalCount, if asked: after this scope has closed
        async with tenant_scope(estate_slug):
            return await count_entries(where)

    rows = [
        AuditRow(entry, actors.get(entry.actor_id) if entry.actor_id else None)
        for entry in page.items
    ]
    return Page(rows, page.cursors, page.has_next_page, count)


async def update_estate_settings(
    ctx: RequestContext, slug: str | None, change: estate_settings.SettingsChange
) -> Estate:
    found = await authority(ctx, slug)
    if not (found.platform_admin or found.estate_admin):
        raise Forbidden("estate admins and the platform operator only")
    return await estate_settings.update(
        found.estate.id,
        change,
        actor_id=ctx.user_id,
        platform_admin=found.platform_admin,
        estate_admin=found.estate_admin,
        max_major=ctx.settings.max_amount,
        encryption_key=ctx.settings.encryption_key,
    )


def may_see_settings(ctx: RequestContext, estate_id: uuid.UUID) -> bool:
    """Estate.settings: the estate's admins and the platform operator; null to others."""
    if ctx.user is None:
        return False
    if ctx.user.is_platform_admin:
        return True
    return ctx.access is not None and ctx.access.is_admin and ctx.access.estate.id == estate_id
