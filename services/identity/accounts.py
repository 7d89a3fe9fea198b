"""Users and memberships: sign-in, token checks, creating people and their roles."""

from __future__ import annotations

import asyncio
import uuid
from dataclasses import dataclass
from datetime import timedelta

from tortoise.exceptions import IntegrityError

from services import validation
from services.errors import Forbidden, RateLimited, Unauthenticated, ValidationFailed
from services.identity import revocations
from services.identity.models import EMAIL_LENGTH, Membership, User
from services.identity.passwords import hash_password, verify_password
from services.identity.sessions import start_session
from services.identity.throttle import FailureCounter
from services.identity.tokens import IssuedToken

WRONG_CREDENTIALS = "wrong email or password"
DEACTIVATED = "your access has been deactivated by every estate you belong to"


@dataclass(frozen=True)
class LoginPolicy:
    secret_key: str
    token_lifetime: timedelta
    attempts_per_email: int
    attempts_per_address: int
    window_seconds: int


async def login(
    email: str,
    password: str,
    client_address: str,
    policy: LoginPolicy,
    failures: FailureCounter,
) -> tuple[User, IssuedToken]:
    normalized = (email or "").strip().lower()
    email_key = f"email:{normalized}"
    address_key = f"address:{client_address}"
    # Each attempt takes its place in both counts before the password is checked, in
    # one atomic step: parallel attempts cannot all find a count under the limit, so no
    # more than the limit of passwords is ever checked. A refused attempt counts nothing.
    limits = {email_key: policy.attempts_per_email, address_key: policy.attempts_per_address}
    if not await failures.admit(limits, policy.window_seconds):
        raise RateLimited("too many failed sign-in attempts; try again later")
    # Longer than any stored address: nobody's (and the ORM refuses to compare it at all).
    too_long = len(normalized) > EMAIL_LENGTH
    user = None if too_long else await User.get_or_none(email=normalized)
    # argon2 is deliberately slow: off the event loop, so other requests go on.
    matches = await asyncio.to_thread(
        verify_password, user.password_hash if user else None, password or ""
    )
    if not matches or (user is None or not user.is_active):
        raise Unauthenticated(WRONG_CREDENTIALS)  # the attempt stays counted
    # A good sign-in was no failure: the email starts afresh, the address gets its place back.
    await failures.clear(email_key)
    await failures.release(address_key)
    # Someone every estate of theirs has deactivated has nowhere to go (told only after
    # the right password, so no oracle); a person with no membership yet may sign in.
    if not user.is_platform_admin and await _only_inactive_memberships(user.id):
        raise Forbidden(DEACTIVATED)
    return user, await start_session(user.id, policy.secret_key, policy.token_lifetime)


async def _only_inactive_memberships(user_id: uuid.UUID) -> bool:
    actives = await Membership.filter(user_id=user_id).values_list("active", flat=True)
    return bool(actives) and not any(actives)


async def find_or_create_user(
    email: str, full_name: str, password: str, phone: str | None = None
) -> tuple[User, bool]:
    """The user with this email, or a new one. An existing user keeps their password
    and name: one person may belong to several estates."""
    email = validation.email(email)
    existing = await User.get_or_none(email=email)
    if existing is not None:
        return existing, False
    full_name = validation.text(full_name, "fullName", max_length=200)
    phone = validation.phone(phone)
    password = validation.password(password, email=email)
    try:
        user = await User.create(
            email=email,
            full_name=full_name,
            phone=phone,
            password_hash=await asyncio.to_thread(hash_password, password),
        )
    except IntegrityError:  # created concurrently by someone else
        return await User.get(email=email), False
    return user, True


async def create_platform_admin(email: str, password: str, full_name: str) -> User:
    email = validation.email(email)
    password = validation.password(password, email=email)
    user = await User.get_or_none(email=email)
    if user is None:
        return await User.create(
            email=email,
            full_name=validation.text(full_name, "fullName", max_length=200),
            password_hash=await asyncio.to_thread(hash_password, password),
            is_platform_admin=True,
        )
    user.is_platform_admin = True
    user.password_hash = await asyncio.to_thread(hash_password, password)
    await user.save(update_fields=["is_platform_admin", "password_hash"])
    await revocations.revoked(revocations.user(user.id))
    return user


async def add_membership(user: User, estate_id: uuid.UUID, role: str) -> Membership:
    if role not in ("ADMIN", "RESIDENT"):
        raise ValidationFailed("role must be ADMIN or RESIDENT", field="role")
    membership, created = await Membership.get_or_create(user=user, estate_id=estate_id, role=role)
    if created:  # a role more: the roles remembered for this user are short of it
        await revocations.revoked(revocations.user(user.id))
    return membership


async def roles_in(user_id: uuid.UUID, estate_id: uuid.UUID) -> dict[str, bool]:
    """The user's roles in the estate, each with whether it is active."""
    rows = await Membership.filter(user_id=user_id, estate_id=estate_id).values_list(
        "role", "active"
    )
    return {str(role): bool(active) for role, active in rows}


async def memberships_by_user(user_ids: list[uuid.UUID]) -> dict[uuid.UUID, list[Membership]]:
    """Each user's memberships of active estates, oldest first, estates loaded (for a
    loader)."""
    grouped: dict[uuid.UUID, list[Membership]] = {}
    rows = (
        await Membership.filter(user_id__in=user_ids, active=True, estate__status="ACTIVE")
        .order_by("created_at", "id")
        .prefetch_related("estate")
    )
    for membership in rows:
        grouped.setdefault(uuid.UUID(str(membership.user_id)), []).append(membership)
    return grouped
