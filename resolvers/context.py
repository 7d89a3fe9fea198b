"""The per-request context: who is calling, in which estate, with which loaders."""

from __future__ import annotations

import dataclasses
import uuid
from collections.abc import Awaitable, Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING, Any

from resolvers.loaders import Loaders
from services.access import Viewer
from services.errors import (
    DomainError,
    Forbidden,
    Unauthenticated,
    ValidationFailed,
    unavailable_or_raise,
)
from services.estates.registry import TenantAccess, caller_in_estate, resolve_tenant
from services.identity.authcache import AuthCache
from services.identity.models import User
from services.identity.sessions import authenticate
from services.identity.throttle import FailureCounter
from services.identity.tokens import read_token_remembered
from services.residents.models import Resident
from tenants.settings import Settings

if TYPE_CHECKING:
    from services.live import Hub

MAX_TOKEN_LENGTH = 4096
# Sends a background job by name (`workers.jobs`), given by the assembly layer.
SendJob = Callable[..., Awaitable[None]]


@dataclass(frozen=True, slots=True)
class Identity:
    """What authentication found for one session (and estate): remembered per process."""

    user: User
    session_id: uuid.UUID
    access: TenantAccess | None


IdentityCache = AuthCache[Identity]


@dataclass
class RequestContext:
    settings: Settings
    login_failures: FailureCounter
    client_address: str
    user: User | None = None
    session_id: uuid.UUID | None = None  # the token's session
    access: TenantAccess | None = None
    tenant_requested: bool = False
    # Raised when the operation needs what failed (a bad token must not break `login`).
    auth_error: DomainError | None = None
    tenant_error: DomainError | None = None
    # Set by transports that need it (the Starlette request or WebSocket).
    request: Any = None
    clock: Callable[[], datetime] = field(default=lambda: datetime.now(UTC))
    send_job: SendJob | None = None
    # Live updates: the process's hub; a WebSocket's context lives as long as the socket
    # (`per_connection`), and Strawberry puts the `connection_init` payload here.
    hub: Hub | None = None
    per_connection: bool = False
    connection_params: dict[str, Any] | None = None
    # Set while a subscription event executes: when its change committed (epoch seconds).
    event_committed_at: float | None = None
    _viewer: Viewer | None = None
    _loaders: Loaders | None = field(default=None, repr=False)

    @property
    def loaders(self) -> Loaders:
        """Made on first use: many operations (and most subscription messages) need none."""
        if self._loaders is None:
            self._loaders = Loaders(lambda: self.access.estate.slug if self.access else None)
        return self._loaders

    def for_operation(self) -> RequestContext:
        """A copy for one operation on a long-lived connection: its own DataLoaders (and
        viewer), so nothing cached by one operation is served to another."""
        return dataclasses.replace(self, per_connection=False, _viewer=None, _loaders=None)

    def start_event(self, committed_at: float | None) -> None:
        """A subscription event is about to execute: nothing loaded for the previous one
        may be served (it would be stale)."""
        self._loaders = None
        self.event_committed_at = committed_at

    def audience(self) -> tuple[object, ...] | None:
        """What the caller may see, as a key: callers with equal audiences are entitled to
        exactly the same answers (every resolver authorises through the estate and the
        viewer: admin or not, and which resident). None until the viewer is known."""
        if self.access is None or self._viewer is None:
            return None
        viewer = self._viewer
        return (self.access.estate.slug, viewer.is_admin, viewer.resident_id)

    def adopt_credentials(self, other: RequestContext) -> None:
        """Take who is calling, and where, from a context built for the same caller."""
        self.user, self.access = other.user, other.access
        self.session_id = other.session_id
        self.auth_error, self.tenant_error = other.auth_error, other.tenant_error
        self.tenant_requested = other.tenant_requested
        self._viewer = None

    def require_hub(self) -> Hub:
        if self.hub is None:
            raise RuntimeError("live updates are not wired into this context")
        return self.hub

    def require_user(self) -> User:
        if self.auth_error is not None:
            raise self.auth_error
        if self.user is None:
            raise Unauthenticated("sign in first: send Authorization: Bearer <token>")
        return self.user

    @property
    def user_id(self) -> uuid.UUID:
        return self.require_user().id

    def require_access(self) -> TenantAccess:
        self.require_user()
        if self.tenant_error is not None:
            raise self.tenant_error
        if self.access is None:
            raise ValidationFailed("send the estate's slug in X-Tenant", field="X-Tenant")
        return self.access

    def require_admin(self) -> TenantAccess:
        access = self.require_access()
        if not access.is_admin:
            raise Forbidden("estate admins only")
        return access

    async def viewer(self) -> Viewer:
        """The caller inside the estate: admin or not, and their resident record if any
        (looked up once per request, in the operation's scope)."""
        if self._viewer is None:
            access = self.require_access()
            resident = await Resident.get_or_none(user_id=self.user_id, active=True)
            if resident is None and not access.is_admin:
                raise Forbidden("you are not a resident of this estate")
            self._viewer = Viewer(self.user_id, access.is_admin, resident.id if resident else None)
        return self._viewer

    async def resident_viewer(self) -> Viewer:
        """For operations on one's own bills and wallet."""
        viewer = await self.viewer()
        if viewer.resident_id is None:
            raise Forbidden("residents only")
        return viewer

    def require_platform_admin(self) -> User:
        user = self.require_user()
        if not user.is_platform_admin:
            raise Forbidden("platform operators only")
        return user


async def build_context(
    settings: Settings,
    login_failures: FailureCounter,
    client_address: str,
    authorization: str | None,
    tenant: str | None,
    identities: IdentityCache | None = None,
) -> RequestContext:
    """Who calls, and where. With `identities`, a caller found there runs no SQL, and one
    looked up is remembered; without, the database is asked (the WebSocket door: it must
    see the database, down or up)."""
    ctx = RequestContext(settings, login_failures, client_address)
    ctx.tenant_requested = bool(tenant)
    key: tuple[uuid.UUID, str] | None = None
    generation = 0
    if authorization:
        scheme, _, token = authorization.partition(" ")
        try:
            # A token is a few hundred ASCII characters; anything else is not one.
            if len(token) > MAX_TOKEN_LENGTH or not token.isascii():
                raise Unauthenticated("invalid token")
            if scheme.lower() != "bearer" or not token.strip():
                raise Unauthenticated("Authorization must be 'Bearer <token>'")
            claims = read_token_remembered(token.strip(), settings.secret_key)
            if identities is not None:
                key = (claims.session_id, (tenant or "").strip().lower())
                if (known := identities.get(key)) is not None:
                    ctx.user, ctx.access = known.user, known.access
                    ctx.session_id = claims.session_id
                    return ctx
                generation = identities.begin()
            if tenant and (
                found := await caller_in_estate(claims.user_id, claims.session_id, tenant)
            ):
                ctx.user, ctx.access = found
                ctx.session_id = claims.session_id
                _remember(ctx, identities, key, generation)
                return ctx
            ctx.user, ctx.session_id = await authenticate(token.strip(), settings.secret_key)
        except Unauthenticated as exc:
            ctx.auth_error = exc
        except Exception as exc:  # the database is down: every operation says so
            ctx.auth_error = unavailable_or_raise(exc)
    if tenant and ctx.user is not None:
        try:
            ctx.access = await resolve_tenant(ctx.user, tenant)
        except DomainError as exc:
            ctx.tenant_error = exc
        except Exception as exc:
            ctx.tenant_error = unavailable_or_raise(exc)
    _remember(ctx, identities, key, generation)
    return ctx


def _remember(
    ctx: RequestContext,
    identities: IdentityCache | None,
    key: tuple[uuid.UUID, str] | None,
    generation: int,
) -> None:
    """Only what passed every check is remembered: a refusal is looked up again."""
    if identities is None or key is None or ctx.user is None or ctx.session_id is None:
        return
    if ctx.auth_error or ctx.tenant_error or (ctx.tenant_requested and ctx.access is None):
        return
    estate = ctx.access.estate.id if ctx.access is not None else None
    identity = Identity(ctx.user, ctx.session_id, ctx.access)
    identities.store(
        key, identity, generation, session=ctx.session_id, user=ctx.user.id, estate=estate
    )
