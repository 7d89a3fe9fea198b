"""Users, compiled: `me` and the User type (also under Resident.user). Users live in the
shared tables: PostgreSQL only (the embedded estates are files of their own)."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField

from schema.compiled.build import Build, Unsupported
from schema.compiled.params import user_param
from schema.compiled.sql import Emitter, boolean, obj, object_type, one, text

# No `memberships`: the other path lists them in the database's unspecified order.
USER: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "email": text("{a}.email"),
    "fullName": text("{a}.full_name"),
    "phone": text("{a}.phone"),
    "isPlatformAdmin": boolean("{a}.is_platform_admin"),
}


def shared_tables(b: Build) -> str:
    if not b.dialect.shared_tables:
        raise Unsupported("users live in the shared database")
    return b.dialect.shared_tables


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
