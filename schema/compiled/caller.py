"""Who calls, for the compiled path, without the two lookups of `build_context` on every
request (they cost more than the read itself).

The token's signature is checked once per token (then only its expiry); the caller's role
and estate are remembered from the last full check of that session in that estate. That
memory is only a hint: the database re-checks it for every request (user active, the
token's session not revoked, estate active with the same time zone and currency, the same
active role; on PostgreSQL inside each compiled statement, on SQLite by one statement on
the shared file), and if anything changed the request goes through the full path, which
refreshes the hint (or answers the error).
"""

from __future__ import annotations

from dataclasses import dataclass

from resolvers.context import MAX_TOKEN_LENGTH, RequestContext
from services.bounded import Bounded
from services.identity.tokens import read_token_remembered
from tenants.models import Estate
from tenants.scope import SLUG_PATTERN

CACHE_SIZE = 10_000


@dataclass(frozen=True)
class Caller:
    user_id: str
    session_id: str
    is_admin: bool
    estate: Estate


class Callers:
    def __init__(self, secret_key: str) -> None:
        self.secret_key = secret_key
        self.seen: Bounded[tuple[str, str], Caller] = Bounded(CACHE_SIZE)

    def from_headers(self, authorization: str | None, tenant: str | None) -> Caller | None:
        """The remembered caller these headers name, or None (check them in full)."""
        if not authorization or not tenant:
            return None
        scheme, _, token = authorization.partition(" ")
        token = token.strip()
        if scheme.lower() != "bearer" or not token or len(token) > MAX_TOKEN_LENGTH:
            return None
        session_id = self._session_id(token)
        slug = tenant.strip().lower()
        if session_id is None or not SLUG_PATTERN.match(slug):
            return None
        return self.seen.get((session_id, slug))

    def learn(self, ctx: RequestContext) -> Caller | None:
        """The caller of a fully checked context (None if it failed any check)."""
        if ctx.auth_error or ctx.tenant_error or ctx.user is None or ctx.access is None:
            return None
        if ctx.session_id is None:
            return None
        user, session = str(ctx.user.id), str(ctx.session_id)
        caller = Caller(user, session, ctx.access.is_admin, ctx.access.estate)
        self.seen.remember((session, caller.estate.slug), caller)
        return caller

    def _session_id(self, token: str) -> str | None:
        try:
            return str(read_token_remembered(token, self.secret_key).session_id)
        except Exception:
            return None
