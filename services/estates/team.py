"""An estate's team: its members, adding admins, and removing a membership (never the
last admin's: an estate always has someone to run it)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise.transactions import in_transaction

from services.access import parse_id
from services.audit.log import record
from services.errors import InvalidState, NotFound, ValidationFailed
from services.identity import revocations
from services.identity.accounts import add_membership, find_or_create_user
from services.identity.models import ROLES, Membership
from services.pagination import Page, paginate
from tenants.apps import SHARED_CONNECTION
from tenants.models import Estate
from tenants.scope import tenant_scope


@dataclass(frozen=True)
class AdminInput:
    email: str
    full_name: str
    phone: str | None
    password: str


def _role(role: str | None, field: str = "role") -> str | None:
    if role is not None and role not in ROLES:
        raise ValidationFailed(f"role must be one of {', '.join(ROLES)}", field=field)
    return role


async def add_estate_admin(actor_id: uuid.UUID, estate: Estate, data: AdminInput) -> Membership:
    """Creates the user (or reuses one with this email, keeping their password) and
    makes them an admin of the estate. Opens the estate's scope for the audit row."""
    user, created = await find_or_create_user(data.email, data.full_name, data.password, data.phone)
    membership = await add_membership(user, estate.id, "ADMIN")
    async with tenant_scope(estate.slug):
        await record(
            actor_id,
            "addEstateAdmin",
            "Membership",
            membership.id,
            after={"userId": str(user.id), "role": "ADMIN", "newUser": created},
        )
    await membership.fetch_related("user")
    return membership


async def remove_membership(
    actor_id: uuid.UUID, estate: Estate, user_id: str, role: str
) -> Membership:
    """Call in the estate's scope (the audit row). The estate's admin memberships are
    locked while the last one is counted, so two admins removing each other at once
    cannot leave the estate with none."""
    wanted = parse_id(user_id, "userId", "user")
    _role(role)
    async with in_transaction(SHARED_CONNECTION):
        admins = await Membership.filter(estate_id=estate.id, role="ADMIN").select_for_update()
        membership = (
            await Membership.filter(estate_id=estate.id, user_id=wanted, role=role)
            .select_related("user")
            .first()
        )
        if membership is None:
            raise NotFound("membership not found", field="userId")
        if role == "ADMIN" and len(admins) <= 1:
            raise InvalidState("the last admin of an estate cannot be removed", field="userId")
        await Membership.filter(id=membership.id).delete()
    await revocations.revoked(revocations.user(wanted))
    await record(
        actor_id,
        "removeMembership",
        "Membership",
        membership.id,
        before={"userId": str(wanted), "role": role},
    )
    return membership


async def members(
    estate: Estate, role: str | None, first: int | None, after: str | None, cap: int
) -> Page[Membership]:
    query = Membership.filter(estate_id=estate.id).select_related("user")
    if _role(role) is not None:
        query = query.filter(role=role)
    return await paginate(query, first, after, cap)


async def estate_by_slug(slug: str) -> Estate:
    estate = await Estate.get_or_none(slug=(slug or "").strip().lower(), status="ACTIVE")
    if estate is None:
        raise NotFound("estate not found", field="estate")
    return estate
