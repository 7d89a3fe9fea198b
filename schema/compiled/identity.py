"""Users, compiled: `me` and the User type (also under Resident.user). Users live in the
shared tables: PostgreSQL only (the embedded estates are files of their own)."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField

from schema.compiled.build import Build
from schema.compiled.params import shared_tables, user_param
from schema.compiled.settings import settings
from schema.compiled.sql import Emitter, boolean, many, obj, object_type, one, text

ESTATE: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "slug": text("{a}.slug"),
    "name": text("{a}.name"),
    "currency": text("{a}.currency"),
    "timezone": text("{a}.timezone"),
    "status": text("{a}.status"),
    "statusReason": text("{a}.status_reason"),
    "settings": settings,
}


def _memberships(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    """`memberships_by_user`: active memberships of active estates, oldest first; all of
    the caller's own, of anyone else only the one in the current estate."""
    shared = shared_tables(b)
    slug = b.param(lambda request: request.slug, "text")
    where = (
        f"{{r}}.user_id = {{a}}.id AND {{r}}.active AND {{r}}.estate_id IN"
        f" (SELECT e.id FROM {shared}estates e"
        f" WHERE e.status = 'ACTIVE' AND ({{a}}.id = {user_param(b)} OR e.slug = {slug}))"
    )
    membership = {
        "role": text("{a}.role"),
        "estate": one("{shared}estates", "{r}.id = {a}.estate_id", ESTATE),
    }
    order = "{r}.created_at, {r}.id"
    return many(f"{shared}memberships", where, order, membership)(b, d, nodes, a)


USER: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "email": text("{a}.email"),
    "fullName": text("{a}.full_name"),
    "phone": text("{a}.phone"),
    "isPlatformAdmin": boolean("{a}.is_platform_admin"),
    "memberships": _memberships,
}


def user_of(column: str) -> Emitter:
    """The user whose id is in `column` of the row (a template naming it `{a}`)."""

    def emit(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
        shared_tables(b)
        return one("{shared}users", f"{{r}}.id = {column}", USER)(b, d, nodes, a)

    return emit


def me(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    shared = shared_tables(b)
    value = obj(b, object_type(d), nodes, "r", USER)
    return f"(SELECT {value} FROM {shared}users r WHERE r.id = {user_param(b)})"
