"""Correcting and retiring residents: their details, and deactivation (no access to this
estate, money and history kept) and its undoing."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.exceptions import IntegrityError

from services import validation
from services.audit.log import record
from services.errors import InvalidState, ValidationFailed
from services.identity.models import Membership, User
from services.residents.directory import get_resident
from services.residents.models import Resident
from tenants.models import Estate

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
        await record(
            actor_id, "updateResident", "Resident", resident.id, before=before, after=after
        )
    return resident


async def deactivate(
    actor_id: uuid.UUID, estate: Estate, resident_id: str, reason: str | None, now: datetime
) -> Resident:
    """The resident can no longer use this estate (their RESIDENT membership is off at
    once, for every path); bills, wallet, payments and occupancy history stay."""
    reason = validation.text(reason, "reason", max_length=500, required=False) or None
    resident = await get_resident(resident_id)
    if not resident.active:
        raise InvalidState("the resident is already deactivated", field="id")
    # The shared side first: access ends even if the rest of the operation fails.
    await Membership.filter(user_id=resident.user_id, estate_id=estate.id, role="RESIDENT").update(
        active=False
    )
    resident.active, resident.deactivated_at, resident.deactivation_reason = False, now, reason
    await resident.save(update_fields=["active", "deactivated_at", "deactivation_reason"])
    await record(
        actor_id,
        "deactivateResident",
        "Resident",
        resident.id,
        before={"active": True},
        after={"active": False, "reason": reason},
    )
    return resident


async def reactivate(actor_id: uuid.UUID, estate: Estate, resident_id: str) -> Resident:
    resident = await get_resident(resident_id)
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
    await Membership.filter(user_id=resident.user_id, estate_id=estate.id, role="RESIDENT").update(
        active=True
    )
    return resident
