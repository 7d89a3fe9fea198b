"""Signed access tokens (JWT, HS256)."""

from __future__ import annotations

import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from services.errors import Unauthenticated

ALGORITHM = "HS256"
ISSUER = "estatepay"


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: datetime


def issue_token(user_id: uuid.UUID, secret: str, lifetime: timedelta) -> IssuedToken:
    now = datetime.now(UTC)
    expires_at = now + lifetime
    claims = {"sub": str(user_id), "iat": now, "exp": expires_at, "iss": ISSUER}
    return IssuedToken(jwt.encode(claims, secret, algorithm=ALGORITHM), expires_at)


def read_token(token: str, secret: str) -> uuid.UUID:
    """The user id in a valid token; `Unauthenticated` for an expired or forged one."""
    try:
        claims = jwt.decode(
            token, secret, algorithms=[ALGORITHM], issuer=ISSUER, options={"require": ["exp"]}
        )
        return uuid.UUID(claims["sub"])
    except jwt.ExpiredSignatureError as exc:
        raise Unauthenticated("token has expired") from exc
    except (jwt.InvalidTokenError, KeyError, ValueError) as exc:
        raise Unauthenticated("invalid token") from exc
