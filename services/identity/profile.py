"""What a signed-in person changes about themselves: name and phone, their password,
and ending their session."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import datetime

from tortoise.transactions import in_transaction

from services import validation
from services.errors import ValidationFailed
from services.identity import revocations
from services.identity.models import User
from services.identity.passwords import hash_password, verify_password
from services.identity.sessions import revoke, revoke_all
from tenants.apps import SHARED_CONNECTION

WRONG_PASSWORD = "currentPassword is not your password"


@dataclass(frozen=True)
class ProfileInput:
    full_name: str | None = None
    phone: str | None = None


def profile_of(user: User) -> dict[str, str | None]:
    return {"fullName": user.full_name, "phone": user.phone}


async def update_profile(user_id: uuid.UUID, data: ProfileInput) -> tuple[User, dict, dict]:
    """Set the given fields (an empty phone clears it); the user with before and after."""
    user = await User.get(id=user_id)
    before = profile_of(user)
    if data.full_name is not None:
        user.full_name = validation.text(data.full_name, "fullName", max_length=200)
    if data.phone is not None:
        user.phone = validation.phone(data.phone)
    await user.save(update_fields=["full_name", "phone"])
    await revocations.revoked(revocations.user(user.id))  # remembered with the old name
    return user, before, profile_of(user)


async def change_password(
    user_id: uuid.UUID,
    session_id: uuid.UUID,
    current_password: str,
    new_password: str,
    now: datetime,
) -> int:
    """Check the current password, set the new one and revoke every other session (this
    one stays signed in). Returns how many sessions were revoked."""
    user = await User.get(id=user_id)
    matches = await asyncio.to_thread(verify_password, user.password_hash, current_password or "")
    if not matches:
        raise ValidationFailed(WRONG_PASSWORD, field="currentPassword")
    password = validation.password(new_password, "newPassword", email=user.email)
    if password == current_password:
        raise ValidationFailed("newPassword must differ from the current one", field="newPassword")
    async with in_transaction(SHARED_CONNECTION):
        user.password_hash = await asyncio.to_thread(hash_password, password)
        await user.save(update_fields=["password_hash"])
        revoked = await revoke_all(user.id, keep=session_id, now=now)
    await revocations.revoked(revocations.user(user.id))
    return revoked


async def logout(session_id: uuid.UUID, now: datetime) -> None:
    await revoke(session_id, now)
    await revocations.revoked(revocations.session(session_id))
