"""Correcting and retiring residents: their details, and deactivation (no access to this
estate, money and history kept) and its undoing."""

from __future__ import annotations

import uuid
from collections.abc import AsyncIterator
from contextlib import asynccontextmanager
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError

from services import validation
from services.audit.log import record
from services.errors import InvalidState, ValidationFailed
from services.events import changed
from services.identity import revocations
from services.identity.models import Membership, User
from services.recurring.plans import pause_for_deactivation
from services.residents.directory import get_resident
from services.residents.models import Resident
from tenants.models import Estate
from tenants.scope import tenant_scope

OTHER_ESTATES = (
    "this person belongs to other estates or runs the platform: only they can change their email"
)


@dataclass(frozen=True)
class ResidentUpdate:
    full_name: str | None = None
    phone: str | None = None
    email: str | None = None


def _person(user: User) -> dict[str, str | None]:
    return {"fullName": user.full_name, "phone": user.phone, "email": user.email}


async def update_resident(
    actor_id: uuid.UUID, estate: Estate, resident_id: str, data: ResidentUpdate
) -> Resident:
    """The resident's name, phone and email (their user's, shared by every estate they
    belong to). An email another account uses is refused; so is changing the email of
    someone who belongs elsewhere too (an estate must not redirect their password
    resets)."""
    resident = await get_resident(resident_id)
    user = await User.get(id=resident.user_id)
    before = _person(user)
    if data.full_name is not None:
        user.full_name = validation.text(data.full_name, "fullName", max_length=200)
    if data.phone is not None:
        user.phone = validation.phone(data.phone)
    if data.email is not None:
        email = validation.email(data.email)
        if email != user.email:
            others = Membership.filter(user_id=user.id).exclude(estate_id=estate.id)
            elsewhere = await others.exists()
            if elsewhere or user.is_platform_admin:
                raise InvalidState(OTHER_ESTATES, field="email")
            if await User.exists(email=email):
                raise ValidationFailed("another account uses this email", field="email")
            user.email = email
    try:
        await user.save(update_fields=["full_name", "phone", "email"])
    except IntegrityError as exc:  # taken concurrently
        raise ValidationFailed("another account uses this email", field="email") from exc
    after = _person(user)
    if after != before:
        await revocations.revoked(revocations.user(user.id))
        await record(
            actor_id, "updateResident", "Resident", resident.id, before=before, after=after
        )
        changed("resident", resident.id, resident.id)
    return resident


@asynccontextmanager
async def _membership_turned(
    user_id: uuid.UUID, estate: Estate, active: bool
) -> AsyncIterator[None]:
    """Turn the person's RESIDENT membership of the estate on or off for the block, and
    back if the block fails: the shared schema and the estate's cannot share a transaction,
    so the shared row is put back by hand. Only a change made here is put back (a
    concurrent call that found it already turned leaves it alone)."""
    mine = Membership.filter(user_id=user_id, estate_id=estate.id, role="RESIDENT")
    turned = await mine.filter(active=not active).update(active=active)
    if turned:
        await revocations.revoked(revocations.user(user_id))
    try:
        yield
    except BaseException:
        if turned:
            await mine.filter(active=active).update(active=not active)
            await revocations.revoked(revocations.user(user_id))
        raise


async def _locked(resident_id: uuid.UUID) -> Resident:
    return await Resident.filter(id=resident_id).select_for_update().get()


async def deactivate(
    actor_id: uuid.UUID, estate: Estate, resident_id: str, reason: str | None, now: datetime
) -> Resident:
    """The resident can no longer use this estate (their RESIDENT membership is off at
    once, for every path) and their recurring payments stop (paused); bills, wallet,
    payments and occupancy history stay. All or nothing: opens the estate's scope, which
    commits before the call returns, and a failure anywhere leaves everything as it was."""
    reason = validation.text(reason, "reason", max_length=500, required=False) or None
    async with tenant_scope(estate.slug):
        found = await get_resident(resident_id)
    if not found.active:
        raise InvalidState("the resident is already deactivated", field="id")
    # Access ends first, so no request gets in between; undone if the estate side fails.
    async with (
        _membership_turned(found.user_id, estate, active=False),
        tenant_scope(estate.slug),
    ):
        resident = await _locked(found.id)
        if not resident.active:  # deactivated meanwhile
            raise InvalidState("the resident is already deactivated", field="id")
        resident.active, resident.deactivated_at, resident.deactivation_reason = False, now, reason
        await resident.save(update_fields=["active", "deactivated_at", "deactivation_reason"])
        paused = await pause_for_deactivation(actor_id, resident.id)
        await record(
            actor_id,
            "deactivateResident",
            "Resident",
            resident.id,
            before={"active": True},
            after={"active": False, "reason": reason, "recurringPaused": paused},
        )
        changed("resident", resident.id, resident.id)
    return resident


async def reactivate(actor_id: uuid.UUID, estate: Estate, resident_id: str) -> Resident:
    """Access again, all or nothing like `deactivate`. Paused recurring payments stay
    paused until the resident or an admin resumes them."""
    async with tenant_scope(estate.slug):
        found = await get_resident(resident_id)
    if found.active:
        raise InvalidState("the resident is active", field="id")
    async with (
        _membership_turned(found.user_id, estate, active=True),
        tenant_scope(estate.slug),
    ):
        resident = await _locked(found.id)
        if resident.active:
            raise InvalidState("the resident is active", field="id")
        before = {"active": False, "reason": resident.deactivation_reason}
        resident.active, resident.deactivated_at, resident.deactivation_reason = True, None, None
        await resident.save(update_fields=["active", "deactivated_at", "deactivation_reason"])
        await record(
            actor_id,
            "reactivateResident",
            "Resident",
            resident.id,
            before=before,
            after={"active": True},
        )
        changed("resident", resident.id, resident.id)
    return resident
