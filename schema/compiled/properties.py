"""Properties, compiled: `properties`, `property` and the Property type with its units
(any member of the estate may read them)."""

from __future__ import annotations

from graphql import FieldNode, GraphQLField

from schema.compiled.bills import UNIT
from schema.compiled.build import Build
from schema.compiled.params import id_param
from schema.compiled.sql import (
    Emitter,
    Listing,
    boolean,
    connection,
    datetime,
    many,
    obj,
    object_type,
    text,
)

PROPERTY: dict[str, Emitter] = {
    "id": text("{a}.id"),
    "name": text("{a}.name"),
    "address": text("{a}.address"),
    "createdAt": datetime("{a}.created_at"),
    "archived": boolean("{a}.archived_at IS NOT NULL"),
    # `units_by_property`: ORDER BY label, id in the database's collation.
    "units": many("units", "{r}.property_id = {a}.id", "{r}.label, {r}.id", UNIT),
}


def properties(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    node = nodes[0]
    listing = Listing("properties", "1 = 1", False, PROPERTY)
    after = b.arg(d, node, "after") if b.plan_args(d, node)["after"] is not None else None
    return connection(b, d, nodes, "root", listing, b.arg(d, node, "first"), after)


def property_(b: Build, d: GraphQLField, nodes: list[FieldNode]) -> str:
    wanted = id_param(b, b.arg(d, nodes[0], "id"))
    value = obj(b, object_type(d), nodes, "r", PROPERTY)
    return f"(SELECT {value} FROM properties r WHERE r.id = {wanted})"
