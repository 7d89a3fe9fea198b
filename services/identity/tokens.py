"""Signed access tokens (JWT, HS256), each naming its session (`sid`)."""

from __future__ import annotations

import time
import uuid
from dataclasses import dataclass
from datetime import UTC, datetime, timedelta

import jwt

from services.bounded import Bounded
from services.errors import Unauthenticated

ALGORITHM = "HS256"
ISSUER = "estatepay"
REMEMBERED_TOKENS = 10_000


@dataclass(frozen=True)
class IssuedToken:
    token: str
    expires_at: datetime
    session_id: uuid.UUID


@dataclass(frozen=True)
class TokenClaims:
    user_id: uuid.UUID
    session_id: uuid.UUID
    expires: float  # epoch seconds


def issue_token(
    user_id: uuid.UUID, session_id: uuid.UUID, secret: str, lifetime: timedelta
) -> IssuedToken:
    now = datetime.now(UTC)
    expires_at = now + lifetime
    claims = {
        "sub": str(user_id),
        "sid": str(session_id),
        "iat": now,
        "exp": expires_at,
        "iss": ISSUER,
    }
    return IssuedToken(jwt.encode(claims, secret, algorithm=ALGORITHM), expires_at, session_id)


def read_token(token: str, secret: str) -> TokenClaims:
    """The claims of a valid token; `Unauthenticated` for an expired or forged one, or one
    without a session (signed before sessions existed)."""
    try:
        claims = jwt.decode(
            token,
            secret,
            algorithms=[ALGORITHM],
            issuer=ISSUER,
            options={"require": ["exp", "sub", "sid"]},
        )
        return TokenClaims(uuid.UUID(claims["sub"]), uuid.UUID(claims["sid"]), float(claims["exp"]))
    except jwt.ExpiredSignatureError as exc:
        raise Unauthenticated("token has expired") from exc
    except (jwt.InvalidTokenError, KeyError, ValueError, TypeError) as exc:
        raise Unauthenticated("invalid token") from exc


_verified: Bounded[tuple[str, str], TokenClaims] = Bounded(REMEMBERED_TOKENS)


def read_token_remembered(token: str, secret: str) -> TokenClaims:
    """`read_token`, with each token's signature checked once per process and its expiry
    every time (verifying and parsing cost more than the rest of a small request)."""
    key = (token, secret)
    claims = _verified.get(key)
    if claims is None:
        claims = _verified.remember(key, read_token(token, secret))
    elif time.time() >= claims.expires:
        raise Unauthenticated("token has expired")
    return claims
