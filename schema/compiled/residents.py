"""Residents, compiled: `residents`, `resident` (estate admins only) and the Resident type
with its user, units, wallet and rewards."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField
from tortoise.filters import escape_like

from schema.compiled.build import Build, Request, Unsupported
from schema.compiled.dialect import POSTGRES
from schema.compiled.identity import user_of
from schema.compiled.params import id_param, shared_tables
from schema.compiled.properties import UNIT
from schema.compiled.rewards import rewards
from schema.compiled.sql import (
    Emitter,
    Listing,
    boolean,
    connection,
    datetime,
    many,
    obj,
    object_type,
    one,
    text,
)
from schema.compiled.wallets import WALLET, WALLET_ROWS


def _units(b: Build, d: GraphQLField, nodes: list[FieldNode], a: str) -> str:
    # `units_by_resident` (current occupancies) sorts in Python, by (label, id) code point
    # by code point.
    binary = ' COLLATE "C"' if b.dialect is POSTGRES else ""
    occupied = (
        "{r}.id IN (SELECT o.unit_id FROM occupancies o WHERE o.resident_id = {a}.id"
        " AND o.ends_on IS NULL)"
    )
    return many("units", occupied, f"{{r}}.label{binary}, {{r}}.id", UNIT)(b, d, nodes, a)


RESIDENT: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "createdAt": datetime("{a}.created_at"),
    "active": boolean("{a}.active"),
    "deactivatedAt": datetime("{a}.deactivated_at"),
    "deactivationReason": text("{a}.deactivation_reason"),
    "user": user_of("{a}.user_id"),
    "units": _units,
    # `wallets_by_resident` takes a resident's wallet whatever its currency: there is one.
    "wallet": one(WALLET_ROWS, "{r}.resident_id = {a}.id", WALLET, nullable=True),
    "rewards": rewards,
}


def _admins_only(b: Build) -> None:
    if not b.is_admin:
        raise Unsupported("admins only: graphql-core says FORBIDDEN")


def residents(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    _admins_only(b)
    node = nodes[0]
    args = b.plan_args(d, node)
    where = "1 = 1"
    if args["search"] is not None:
        shared = shared_tables(b)

        def pattern(request: Request) -> str | None:
            # `list_residents`: a blank search is none; else icontains on email or name.
            term = (request.args(d, node)["search"] or "").strip()
            return f"%{escape_like(term)}%" if term else None

        like = b.param(pattern, "text")
        matches = " OR ".join(
            f"UPPER(CAST(u.{column} AS VARCHAR)) LIKE UPPER({like}) ESCAPE '\\'"
            for column in ("email", "full_name")
        )
        where = (
            f"{like} IS NULL OR {{r}}.user_id IN (SELECT u.id FROM {shared}users u WHERE {matches})"
        )
    listing = Listing("residents", where, False, RESIDENT)
    after = b.arg(d, node, "after") if args["after"] is not None else None
    return connection(b, d, nodes, "root", listing, b.arg(d, node, "first"), after)


def resident(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    _admins_only(b)
    wanted = id_param(b, b.arg(d, nodes[0], "id"))
    value = obj(b, object_type(d), nodes, "r", RESIDENT)
    return f"(SELECT {value} FROM residents r WHERE r.id = {wanted})"
