"""Looking estates up and resolving a request's `X-Tenant` against the caller."""

from __future__ import annotations

import uuid
from dataclasses import dataclass

from tortoise import Model
from tortoise.connection import get_connection

from services.errors import Forbidden, ValidationFailed
from services.identity.accounts import roles_in
from services.identity.models import User
from tenants.apps import SHARED_CONNECTION
from tenants.database import is_postgres
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


def _columns(model: type[Model], prefix: str) -> str:
    return ", ".join(
        f"{prefix}.{column} AS {prefix}_{column}"
        for column in model._meta.fields_db_projection.values()
    )


def _caller_sql(placeholders: tuple[str, str, str]) -> str:
    user, session, slug = placeholders
    return (
        f"SELECT {_columns(User, 'u')}, {_columns(Estate, 'e')}, m.role AS m_role"
        " FROM users u JOIN sessions s ON s.user_id = u.id"
        " JOIN memberships m ON m.user_id = u.id JOIN estates e ON e.id = m.estate_id"
        f" WHERE u.id = {user} AND u.is_active AND s.id = {session} AND s.revoked_at IS NULL"
        f" AND e.slug = {slug} AND e.status = 'ACTIVE' AND m.active"
    )


async def caller_in_estate(
    user_id: uuid.UUID, session_id: uuid.UUID, slug: str
) -> tuple[User, TenantAccess] | None:
    """In one statement, what `authenticate` and `resolve_tenant` find when all is well: the
    active user of a standing session with their active roles in the active estate. None
    when anything is amiss, for those two to say what (their errors are exact)."""
    slug = (slug or "").strip().lower()
    if not SLUG_PATTERN.match(slug):
        return None
    sql = _CALLER_SQL_POSTGRES if is_postgres() else _CALLER_SQL_SQLITE
    # SQLite stores uuids as text; asyncpg takes them as they are.
    ids = (user_id, session_id) if is_postgres() else (str(user_id), str(session_id))
    _, rows = await get_connection(SHARED_CONNECTION).execute_query(sql, [*ids, slug])
    if not rows:
        return None
    first = dict(rows[0])
    user = User._init_from_db(**_prefixed(first, "u_"))
    estate = Estate._init_from_db(**_prefixed(first, "e_"))
    return user, TenantAccess(estate, frozenset(str(row["m_role"]) for row in rows))


def _prefixed(row: dict[str, object], prefix: str) -> dict[str, object]:
    return {key[len(prefix) :]: value for key, value in row.items() if key.startswith(prefix)}


_CALLER_SQL_POSTGRES = _caller_sql(("$1", "$2", "$3"))
_CALLER_SQL_SQLITE = _caller_sql(("?", "?", "?"))
