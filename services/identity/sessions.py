"""Sessions: every token names one, and is good only while it stands. Logging out
revokes one; a password change revokes the others; a password reset revokes them all."""

from __future__ import annotations

import uuid
from datetime import UTC, datetime, timedelta

from services.errors import Unauthenticated
from services.identity.models import PasswordReset, Session, User
from services.identity.tokens import IssuedToken, issue_token, read_token

INVALID = "invalid token"
REVOKED = "this session has ended: sign in again"


async def start_session(user_id: uuid.UUID, secret_key: str, lifetime: timedelta) -> IssuedToken:
    issued = issue_token(user_id, uuid.uuid4(), secret_key, lifetime)
    await Session.create(id=issued.session_id, user_id=user_id, expires_at=issued.expires_at)
    return issued


async def authenticate(token: str, secret_key: str) -> tuple[User, uuid.UUID]:
    """The active user of a valid token and its session's id; `Unauthenticated` when
    the token is forged or expired, or its session was revoked."""
    claims = read_token(token, secret_key)
    user = await User.get_or_none(
        id=claims.user_id,
        is_active=True,
        sessions__id=claims.session_id,
        sessions__revoked_at__isnull=True,
    )
    if user is None:
        raise Unauthenticated(REVOKED if await User.exists(id=claims.user_id) else INVALID)
    return user, claims.session_id


async def revoke(session_id: uuid.UUID, now: datetime | None = None) -> None:
    await Session.filter(id=session_id, revoked_at__isnull=True).update(
        revoked_at=now or datetime.now(UTC)
    )


async def revoke_all(
    user_id: uuid.UUID, *, keep: uuid.UUID | None = None, now: datetime | None = None
) -> int:
    """Revoke the user's standing sessions (all but `keep`); how many were revoked."""
    query = Session.filter(user_id=user_id, revoked_at__isnull=True)
    if keep is not None:
        query = query.exclude(id=keep)
    return await query.update(revoked_at=now or datetime.now(UTC))


async def purge_ended(before: datetime) -> int:
    """Forget sessions and reset tokens that expired before `before`."""
    resets = await PasswordReset.filter(expires_at__lt=before).delete()
    return resets + await Session.filter(expires_at__lt=before).delete()
