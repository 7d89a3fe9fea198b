"""Looking estates up and resolving a request's `X-Tenant` against the caller."""

from __future__ import annotations

from dataclasses import dataclass

from services.errors import Forbidden, ValidationFailed
from services.identity.accounts import roles_in
from services.identity.models import User
from tenants.models import Estate
from tenants.scope import SLUG_PATTERN

NOT_A_MEMBER = "you are not a member of this estate"
DEACTIVATED = "your access to this estate has been deactivated by its administrators"
# The estates whose members are told why they cannot come in (others are unknown).
CLOSED = ("SUSPENDED", "ARCHIVED")


@dataclass(frozen=True)
class TenantAccess:
    estate: Estate
    roles: frozenset[str]

    @property
    def is_admin(self) -> bool:
        return "ADMIN" in self.roles

    @property
    def is_resident(self) -> bool:
        return "RESIDENT" in self.roles


async def resolve_tenant(user: User, slug: str) -> TenantAccess:
    """The estate named by `slug` with the caller's roles there. An unknown estate and
    one the caller does not belong to answer alike: no existence oracle."""
    slug = (slug or "").strip().lower()
    if not SLUG_PATTERN.match(slug):
        # Over-long, control characters, other scripts: a malformed header, told as such
        # (the slug format is no secret), and never sent to the database.
        raise ValidationFailed("X-Tenant is not an estate slug", field="X-Tenant")
    estate = await Estate.get_or_none(slug=slug, status__in=("ACTIVE", *CLOSED))
    roles = await roles_in(user.id, estate.id) if estate is not None else {}
    if estate is None or not roles:
        raise Forbidden(NOT_A_MEMBER, field="X-Tenant")
    if estate.status != "ACTIVE":
        # Told only to its members: nobody else learns the estate exists.
        raise Forbidden(closed_message(estate), field="X-Tenant")
    active = frozenset(role for role, on in roles.items() if on)
    if not active:
        raise Forbidden(DEACTIVATED, field="X-Tenant")
    return TenantAccess(estate, active)


def closed_message(estate: Estate) -> str:
    state = "suspended" if estate.status == "SUSPENDED" else "archived"
    reason = f": {estate.status_reason}" if estate.status_reason else ""
    return f"this estate is {state} by the platform operator{reason}"
