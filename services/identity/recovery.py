"""Forgotten passwords: a single-use token, valid 30 minutes, sent by email; only its
SHA-256 is stored. The request answers alike whether or not the email is known: the
lookup, the token and the email all happen in a background job, never in the request."""

from __future__ import annotations

import asyncio
import hashlib
import logging
import secrets
from datetime import datetime, timedelta

from tortoise.transactions import in_transaction

from services import validation
from services.errors import RateLimited, ValidationFailed
from services.identity import revocations
from services.identity.models import EMAIL_LENGTH, PasswordReset, User
from services.identity.passwords import hash_password
from services.identity.sessions import revoke_all
from services.identity.throttle import FailureCounter
from services.notifications.channels import EmailMessage, EmailSender
from tenants.apps import SHARED_CONNECTION

log = logging.getLogger(__name__)
TOKEN_LIFETIME = timedelta(minutes=30)
# Requests per email and per client address in RESET_WINDOW, known emails or not.
REQUESTS_PER_EMAIL = 3
REQUESTS_PER_ADDRESS = 20
RESET_WINDOW_SECONDS = 60 * 60
BAD_TOKEN = "this reset token is unknown, expired or already used: ask for a new one"


def token_hash(token: str) -> str:
    return hashlib.sha256(token.encode()).hexdigest()


async def admit_request(email: str, client_address: str, failures: FailureCounter) -> str:
    """The normalised email if this request is within the limits (`RateLimited` if not);
    the same for any address, so the limit tells nothing about who exists."""
    normalized = validation.email(email)
    limits = {
        f"reset-email:{normalized}": REQUESTS_PER_EMAIL,
        f"reset-address:{client_address}": REQUESTS_PER_ADDRESS,
    }
    if not await failures.admit(limits, RESET_WINDOW_SECONDS):
        raise RateLimited("too many password reset requests; try again later")
    return normalized


async def send_reset(email: str, sender: EmailSender, now: datetime) -> bool:
    """The background job: if an active user has this email, issue a token (earlier
    unused ones are spent) and email it. Whether anyone was found is only logged."""
    user = (
        await User.get_or_none(email=email, is_active=True) if len(email) <= EMAIL_LENGTH else None
    )
    if user is None:
        log.info("password reset asked for an unknown or inactive email")
        return False
    token = secrets.token_urlsafe(32)
    async with in_transaction(SHARED_CONNECTION):
        await PasswordReset.filter(user_id=user.id, used_at__isnull=True).update(used_at=now)
        await PasswordReset.create(
            user_id=user.id,
            token_hash=token_hash(token),
            created_at=now,
            expires_at=now + TOKEN_LIFETIME,
        )
    minutes = int(TOKEN_LIFETIME.total_seconds() // 60)
    await sender.send(
        EmailMessage(
            to=user.email,
            subject="Reset your estatepay password",
            text=(
                f"Hello {user.full_name},\n\nSomeone (we hope you) asked to reset your "
                f"estatepay password. Your reset token, valid for {minutes} minutes and "
                f"usable once:\n\n{token}\n\nSend it with resetPassword(token, newPassword). "
                "If you did not ask, ignore this email: your password stays as it is.\n"
            ),
        )
    )
    return True


async def reset_password(token: str, new_password: str, now: datetime) -> User:
    """Spend the token and set the password; every session of the user is revoked."""
    token = (token or "").strip()
    if not token or len(token) > 200:
        raise ValidationFailed(BAD_TOKEN, field="token")
    async with in_transaction(SHARED_CONNECTION):
        reset = await PasswordReset.filter(token_hash=token_hash(token)).select_for_update().first()
        if reset is None or reset.used_at is not None or reset.expires_at <= now:
            raise ValidationFailed(BAD_TOKEN, field="token")
        user = await User.get(id=reset.user_id)
        password = validation.password(new_password, "newPassword", email=user.email)
        user.password_hash = await asyncio.to_thread(hash_password, password)
        await user.save(update_fields=["password_hash"])
        reset.used_at = now
        await reset.save(update_fields=["used_at"])
        await revoke_all(user.id, now=now)
    await revocations.revoked(revocations.user(user.id))
    return user
