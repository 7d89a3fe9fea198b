"""Residents of the current estate: creating them (with their shared-schema user and
membership) and finding them."""

from __future__ import annotations

import uuid
from collections import defaultdict
from dataclasses import dataclass
from datetime import UTC, datetime

from tortoise.exceptions import IntegrityError

from services.access import parse_id
from services.audit.log import record
from services.bills.queries import estate_today
from services.errors import InvalidState, NotFound, ValidationFailed
from services.events import changed
from services.identity.accounts import add_membership, find_or_create_user
from services.identity.models import Membership, User
from services.pagination import Page, paginate
from services.properties.catalog import units_by_id
from services.properties.models import Unit
from services.residents.models import Occupancy, Resident
from services.wallets.wallets import open_wallet
from tenants.models import Estate
from tenants.scope import savepoint, tenant_scope


@dataclass(frozen=True)
class ResidentInput:
    email: str
    full_name: str
    phone: str | None
    password: str
    unit_ids: list[str]


async def create_resident(
    actor_id: uuid.UUID | None, estate: Estate, data: ResidentInput
) -> Resident:
    """Creates (or reuses) the user, adds a RESIDENT membership and the resident with
    their units and a wallet in the estate's currency. If the estate part fails, the
    shared part is undone."""
    estate_id = estate.id
    if not data.unit_ids:
        raise ValidationFailed("unitIds needs at least one unit", field="unitIds")
    wanted = [parse_id(u, "unitIds", "unit") for u in dict.fromkeys(data.unit_ids)]
    units = await units_by_id(wanted)
    if len(units) != len(wanted):
        raise NotFound("unit not found", field="unitIds")
    if any(unit.archived_at is not None for unit in units.values()):
        raise InvalidState("a unit is archived: nobody can move in", field="unitIds")
    today = estate_today(estate, datetime.now(UTC))

    user, created = await find_or_create_user(data.email, data.full_name, data.password, data.phone)
    if await Resident.exists(user_id=user.id):
        raise ValidationFailed("this person is already a resident here", field="email")
    had_membership = await Membership.exists(user=user, estate_id=estate_id, role="RESIDENT")
    membership = await add_membership(user, estate_id, "RESIDENT")
    try:
        async with savepoint():
            resident = await Resident.create(user_id=user.id)
            await Occupancy.bulk_create(
                [Occupancy(resident=resident, unit=units[u], starts_on=today) for u in wanted]
            )
            await open_wallet(resident, estate.currency)
            await record(
                actor_id,
                "createResident",
                "Resident",
                resident.id,
                after={"userId": str(user.id), "unitIds": [str(u) for u in wanted]},
            )
            changed("resident", resident.id, resident.id)
            for property_id in {str(unit.property_id) for unit in units.values()}:
                changed("property", property_id)
    except BaseException as exc:
        if not had_membership:
            await membership.delete()
        if created:
            await user.delete()
        if isinstance(exc, IntegrityError):
            raise ValidationFailed("this person is already a resident here", field="email") from exc
        raise
    return resident


async def get_resident(resident_id: str | uuid.UUID) -> Resident:
    resident = await Resident.get_or_none(id=parse_id(resident_id, "id", "resident"))
    if resident is None:
        raise NotFound("resident not found", field="id")
    return resident


async def list_residents(
    first: int | None, after: str | None, search: str | None, cap: int
) -> Page[Resident]:
    query = Resident.all()
    term = (search or "").strip()
    if term:
        # Users live in the shared schema: match there, then narrow to this estate.
        user_ids = await User.filter(email__icontains=term).values_list("id", flat=True)
        named = await User.filter(full_name__icontains=term).values_list("id", flat=True)
        query = query.filter(user_id__in=list({*user_ids, *named}))
    return await paginate(query, first, after, cap)


async def users_by_id(user_ids: list[uuid.UUID]) -> dict[uuid.UUID, User]:
    return {user.id: user for user in await User.filter(id__in=user_ids)}


async def units_by_resident(resident_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Unit]]:
    """Each resident's current units."""
    grouped: dict[uuid.UUID, list[Unit]] = defaultdict(list)
    occupancies = await Occupancy.filter(
        resident_id__in=resident_ids, ends_on__isnull=True
    ).prefetch_related("unit")
    for occupancy in sorted(occupancies, key=lambda o: (o.unit.label, str(o.unit.id))):
        grouped[uuid.UUID(str(occupancy.resident_id))].append(occupancy.unit)
    return grouped


async def residents_by_id(resident_ids: list[uuid.UUID]) -> dict[uuid.UUID, Resident]:
    return {row.id: row for row in await Resident.filter(id__in=resident_ids)}


async def announce_person(user_id: uuid.UUID) -> None:
    """Live updates: a person's own account changed (their name, phone), which every
    estate they live in shows on its resident. Call outside any tenant scope."""
    slugs = await Membership.filter(
        user_id=user_id, role="RESIDENT", active=True, estate__status="ACTIVE"
    ).values_list("estate__slug", flat=True)
    for slug in sorted({str(s) for s in slugs}):
        async with tenant_scope(slug):
            resident = await Resident.get_or_none(user_id=user_id)
            if resident is not None:
                changed("resident", resident.id, resident.id)
