"""Who calls, for the compiled path, without the two lookups of `build_context` on every
request (they cost more than the read itself).

The token's signature is checked once per token (then only its expiry); the caller's role
and estate are remembered from the last full check of that user in that estate. That
memory is only a hint: the database re-checks it for every request (user active, estate
active with the same time zone and currency, the same role; on PostgreSQL inside each
compiled statement, on SQLite by one statement on the shared file), and if anything
changed the request goes through the full path, which refreshes the hint.
"""

from __future__ import annotations

import time
from collections import OrderedDict
from dataclasses import dataclass
from typing import Any

import jwt

from resolvers.context import MAX_TOKEN_LENGTH, RequestContext
from services.identity.tokens import read_token
from tenants.models import Estate
from tenants.scope import SLUG_PATTERN

CACHE_SIZE = 10_000


@dataclass(frozen=True)
class Caller:
    user_id: str
    is_admin: bool
    estate: Estate


class Callers:
    def __init__(self, secret_key: str) -> None:
        self.secret_key = secret_key
        self.tokens: OrderedDict[str, tuple[str, float]] = OrderedDict()
        self.seen: OrderedDict[tuple[str, str], Caller] = OrderedDict()

    def from_headers(self, authorization: str | None, tenant: str | None) -> Caller | None:
        """The remembered caller these headers name, or None (check them in full)."""
        if not authorization or not tenant:
            return None
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        user_id = self._user_id(token)
        slug = tenant.strip().lower()
        if user_id is None or not SLUG_PATTERN.match(slug):
            return None
        return self.seen.get((user_id, slug))

    def learn(self, ctx: RequestContext) -> Caller | None:
        """The caller of a fully checked context (None if it failed any check)."""
        if ctx.auth_error or ctx.tenant_error or ctx.user is None or ctx.access is None:
            return None
        caller = Caller(str(ctx.user.id), ctx.access.is_admin, ctx.access.estate)
        _remember(self.seen, (caller.user_id, caller.estate.slug), caller)
        return caller

    def _user_id(self, token: str) -> str | None:
        found = self.tokens.get(token)
        if found is None:
            try:
                user_id = str(read_token(token, self.secret_key))
                expires = _expiry(token)
            except Exception:
                return None
            found = _remember(self.tokens, token, (user_id, expires))
        user_id, expires = found
        return user_id if time.time() < expires else None


def _expiry(token: str) -> float:
    claims: dict[str, Any] = jwt.decode(token, options={"verify_signature": False})
    return float(claims["exp"])


def _remember(cache: OrderedDict[Any, Any], key: Any, value: Any) -> Any:
    cache[key] = value
    if len(cache) > CACHE_SIZE:
        cache.popitem(last=False)
    return value
